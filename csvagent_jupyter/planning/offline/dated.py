"""Years, months and weekdays as filters: "in 2023", "in March 2024", "on Mondays".

A year or month binds to the date column the sentence names, or to the only one there is;
with several and none named, each is an option and the candidates ask which.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from functools import partial

import pandas as pd

from ...analysis.plan import Condition, ConditionOp, DatePart, Filter, FilterGroup, Scalar
from ..schema_index import tokens
from . import lexicon
from .lexicon import DECADE
from .options import FilterOption, Slot, SlotReader

YEAR_NAME_STEMS = frozenset(tokens(" ".join(sorted(lexicon.YEAR_NAME_WORDS))))
_YEAR_ITSELF = frozenset(tokens("year season edition"))


class DateSlots(SlotReader):
    """The date part of a FilterReader."""

    def date_columns(self) -> list[str]:
        return [c.name for c in self.index.profile.column_profiles if c.type == "datetime"]

    def year_columns(self) -> list[str]:
        """Whole-number columns of years that "in 1951" may filter: named as years ("Year",
        "Season") or by the event they date ("Released", "Founded", "First held", "From"), as
        reference tables often are. A name that says neither keeps its numbers amounts
        (an Elevation of 1,950 m is no year)."""
        out = []
        for c in self.index.profile.column_profiles:
            if (
                self.index.holds_whole_numbers(c.name)
                and YEAR_NAME_STEMS & set(self.index.column_tokens.get(c.name, []))
                and isinstance(c.min, int | float)
                and isinstance(c.max, int | float)
                and c.min >= 1800
                and c.max <= 2100
            ):
                out.append(c.name)
        derived = getattr(self.index, "derived", {})  # years written in text ("5 April 1998")
        return out + [name for name, d in derived.items() if d.kind == "year"]

    def year_columns_by_name(self) -> list[str]:
        """Year columns whose name says years ("Year", "Season", "Edition"), not an event."""
        return [
            c
            for c in self.year_columns()
            if set(self.index.column_tokens.get(c, [])) & _YEAR_ITSELF
        ]

    def _date_targets(self) -> list[tuple[str, bool, float]]:
        """(column, is a date column, penalty): columns a year or month may bind to."""
        named = {m.column for m in self.r.columns}
        dates, years = self.date_columns(), self.year_columns()
        targets = [(c, True, 0.0) for c in dates if c in named]
        targets += [(c, False, 0.0) for c in years if c in named]
        fully_named = {m.column for m in self.r.columns if m.score >= 0.9}
        by_name = self.year_columns_by_name()
        if targets and all(c not in by_name and c not in fully_named for c, _, _ in targets):
            # "who won the 2023 final" beside Year and Final date: the edition's year or the
            # year the final was played (the 2023 final may be played in 2024); where the two
            # pick other rows, asked back
            targets += [(c, False, 0.1) for c in by_name if c not in named]
        if targets:
            return targets
        # a Year column kept as text ("c. 1564" beside "1721") that the question does not
        # name rivals the others: "made in the 1710s" may mean it or a Sale year; asked back
        if any(
            YEAR_NAME_STEMS & set(self.index.column_tokens.get(c, []))
            for c in self.index.year_texts
            if c not in years
            and f"{c} (year)" not in years  # (its years not read here)
            and c not in self.index.year_ranges  # (periods are asked about where compared)
        ):
            return []
        if any(c in named and f"{c} (year)" not in years for c in self.index.year_texts):
            # "cars sold in 2016" beside Model year and a "Date of sale" of text the verb
            # names: the year is of the sale, which is not read here; asked back
            return []
        everything = [(c, True, 0.1) for c in dates] + [(c, False, 0.1) for c in years]
        return everything

    def _year_options(
        self, position: int, op: ConditionOp, year: int | list[Scalar], words: frozenset[int]
    ) -> Slot:
        """Filters by a year ("in 2023") or a range of years ("from 1988 to 1993"); the words
        may start before the number ("the year before 2010")."""
        first = min(words | {position})
        before = self.r.words[first - 1] if first else ""
        if op == "eq" and before in lexicon.MONTHS:
            return []  # "May 2021": the month's own slot reads the year with it
        if (
            op == "eq"
            and before not in ("in", "during", "of", "for", "from", "year", "since")
            and not (first == 0 or before in lexicon.FILLER)
        ):
            return []
        if before in ("in", "during", "of", "for", "year"):
            words = words | {first - 1}
        targets = self._date_targets()
        if any(str(year) in tokens for tokens in self.index.column_tokens.values()):
            # "attended the 2000 AnimeIowa" beside a "2000 attendance" column: the year names
            # that column; a year column the question does not name is no filter for it
            targets = [t for t in targets if t[2] == 0.0]
        options = []
        named_dates = {c for c, _, penalty in targets if penalty == 0.0}
        by_name = self.year_columns_by_name() if len(named_dates) < len(targets) else []
        for column, is_date, penalty in targets:
            positions = set(words) | self._mention_positions(column)
            if column in by_name and column not in named_dates:
                # "the 2023 final" read as the 2023 edition: "final" names its rows still
                positions |= set().union(*(self._mention_positions(c) for c in named_dates))
            condition = Condition(
                column=column, op=op, value=year, part="year" if is_date else None
            )
            options.append(FilterOption(condition, frozenset(positions), column, penalty))
        return options

    def _mention_positions(self, column: str) -> set[int]:
        """The words naming the date column a year or month binds to ("restocked in 2024"),
        never the rows' own noun ("visits" is not VISIT_DATE)."""
        spans = [
            m
            for m in self.r.columns_named(column)
            if m.score >= 0.6
            and not all(self.r.norm[i] in self.r.subject for i in range(m.start, m.end))
        ]
        return {i for m in spans[:1] for i in range(m.start, m.end)}

    def _decade_slots(self, used: set[int]) -> list[Slot]:
        """ "in the 2010s", "the 1990s": the ten years from the decade's first, on a year or
        date column (never dropped: a decade that binds nowhere is asked back)."""
        slots: list[Slot] = []
        for position, word in enumerate(self.r.words):
            found = DECADE.fullmatch(word)
            if position in used or found is None:
                continue
            first = int(found.group(1))
            if first % 100 == 0:
                continue  # "the 1800s": a century or its first decade? asked back
            words = frozenset(
                {position}
                | ({position - 1} if self.r.words[position - 1 : position] == ["the"] else set())
            )
            options = self._year_options(position, "between", [first, first + 9], words)
            if options:
                slots.append(options)
        return slots

    def _date_word_slots(self, used: set[int]) -> list[Slot]:
        slots: list[Slot] = []
        for position, word in enumerate(self.r.words):
            if position in used:
                continue
            part: DatePart | None = None
            value: int | list[Scalar] = 0
            through, joined = self._two_periods(position)
            if through is not None:
                # "July to September", "between March and May" (the months between, inclusive,
                # "December to February" across the new year), "March or April" (either)
                part = "quarter" if word.startswith("q") else "month"
                first, last = _period_number(word), _period_number(self.r.words[through])
                assert first is not None and last is not None  # _two_periods checked both
                if joined:
                    value = [first, last]
                else:
                    size = 4 if part == "quarter" else 12
                    value = [(first - 1 + k) % size + 1 for k in range((last - first) % size + 1)]
            elif word in lexicon.MONTHS and (word != "may" or self._month_context(position)):
                part, value = "month", lexicon.MONTHS[word]
            elif re.fullmatch(r"q[1-4]", word):
                part, value = "quarter", int(word[1])  # "in Q3"
            elif word in lexicon.WEEKDAYS and len(word) > 3:
                part, value = "weekday", lexicon.WEEKDAYS[word]
            elif word in ("weekend", "weekends"):
                part, value = "weekday", [5, 6]  # Saturday and Sunday (Monday is 0)
            elif word in ("weekdays", "workdays"):
                part, value = "weekday", [0, 1, 2, 3, 4]
            if part is None:
                continue
            words = {position}
            if through is not None:
                words |= set(range(position, through + 1))
            if position and self.r.words[position - 1] in (
                "in",
                "during",
                "on",
                "of",
                "from",
                "between",
            ):
                words.add(position - 1)
            year_at = (position if through is None else through) + 1
            year = self.r.numbers.get(year_at)
            options: Slot = []
            for column, is_date, penalty in self._date_targets():
                if not is_date:
                    continue
                positions = words | self._mention_positions(column)
                op: ConditionOp = "in" if isinstance(value, list) else "eq"
                condition: Filter = Condition(column=column, op=op, value=value, part=part)
                if year is not None and year.could_be_year:
                    positions.add(year_at)
                    condition = FilterGroup(
                        combine="and",
                        items=[
                            condition,
                            Condition(column=column, op="eq", value=int(year.value), part="year"),
                        ],
                    )
                options.append(FilterOption(condition, frozenset(positions), column, penalty))
            if options:
                slots.append(options)
                used |= set().union(*(o.positions for o in options))
        return slots

    def _date_literal_slots(self, used: set[int]) -> list[Slot]:
        """ "after 2021-06-30", "before 2024-01-01", "between 2021-03-01 and 2021-06-30",
        "from 2023-06-01 to 2023-06-30", "through 2023-06-30", "on 2023-03-15": a date written
        out, compared with a date column. A day that ends a range is in it, every time of it."""
        slots: list[Slot] = []
        w, dates = self.r.words, self.r.dates
        for position in sorted(dates):
            if position in used or not position:
                continue
            before = w[position - 1]
            words = {position - 1, position}
            joined = w[position + 1 : position + 2] in (["and"], ["to"], ["through"], ["until"])
            # "on or after July 1": that day too, as "on or before" is up to its end
            inclusive = position >= 3 and w[position - 3 : position - 1] == ["on", "or"]
            if inclusive and before in ("after", "before"):
                words |= {position - 3, position - 2}
                first, beyond = dates[position], _next_day(dates[position])
                condition = (
                    partial(_compared, op="ge", value=first)
                    if before == "after"
                    else partial(_compared, op="lt", value=beyond)
                )
            elif before in ("between", "from") and joined and position + 2 in dates:
                # "between 1 Jan and 31 Mar", "from June 1 to June 30": both days in
                condition = partial(
                    _from_to, first=dates[position], beyond=_next_day(dates[position + 2])
                )
                words |= {position + 1, position + 2}
            elif before in ("to", "through", "until", "till", "thru"):
                condition = partial(_compared, op="lt", value=_next_day(dates[position]))
            elif before == "after":  # after a day is from the next one, at any time of it
                condition = partial(_compared, op="ge", value=_next_day(dates[position]))
            elif before in DATE_COMPARISONS:
                condition = partial(_compared, op=DATE_COMPARISONS[before], value=dates[position])
            else:
                # "on 2023-03-15", "the 2023-03-15 reading": that day, every time of it
                words = words if before in ("on", "for", "dated") else {position}
                beyond = _next_day(dates[position])
                condition = partial(_from_to, first=dates[position], beyond=beyond)
            options = self._on_each_date(condition, words)
            if options:
                slots.append(options)
                used |= words
        return slots

    def _on_each_date(self, condition: Callable[[str], Filter], words: set[int]) -> Slot:
        """One option per date column the words may mean (a named one first)."""
        return [
            FilterOption(
                condition(column),
                frozenset(words | self._mention_positions(column)),
                column,
                penalty,
            )
            for column, is_date, penalty in self._date_targets()
            if is_date
        ]

    def _month_year_range_slots(self, used: set[int]) -> list[Slot]:
        """ "from November 2023 to January 2024", "between March 2023 and May 2024": every
        date from the first day of the one month to the last day of the other."""
        slots: list[Slot] = []
        w, numbers = self.r.words, self.r.numbers
        for position in range(len(w) - 4):
            first_year, second_year = numbers.get(position + 1), numbers.get(position + 4)
            if (
                position in used
                or w[position] not in lexicon.MONTHS
                or w[position + 3] not in lexicon.MONTHS
                or w[position + 2] not in ("to", "through", "until", "-", "and")
                or first_year is None
                or second_year is None
                or not (first_year.could_be_year and second_year.could_be_year)
            ):
                continue
            start = pd.Timestamp(int(first_year.value), lexicon.MONTHS[w[position]], 1)
            last = pd.Timestamp(int(second_year.value), lexicon.MONTHS[w[position + 3]], 1)
            after = last + pd.offsets.MonthBegin(1)  # the day after the range: times on its
            if last < start:  # last day count too
                continue
            words = set(range(position, position + 5))
            if position and w[position - 1] in ("from", "between", "in", "during"):
                words.add(position - 1)
            first, beyond = start.date().isoformat(), after.date().isoformat()
            options = self._on_each_date(partial(_from_to, first=first, beyond=beyond), words)
            if options:
                slots.append(options)
                used |= words
        return slots

    def _two_periods(self, position: int) -> tuple[int | None, bool]:
        """Where the second month (or quarter) of "July to September", "between March and
        May", "Q1 to Q3" or "March or April" starting at ``position`` is, and whether the
        two are joined (either one) rather than a range."""
        w = self.r.words
        if _period_number(w[position]) is None or position + 2 >= len(w):
            return None, False
        second = _period_number(w[position + 2])
        if second is None or w[position].startswith("q") != w[position + 2].startswith("q"):
            return None, False
        if w[position + 1] in ("to", "through", "until", "-"):
            return position + 2, False
        if w[position + 1] == "and" and position and w[position - 1] == "between":
            return position + 2, False  # "between March and May": a range
        if w[position + 1] in ("or", "and"):
            return position + 2, True  # "in March and April": rows of either month
        return None, False

    def _month_context(self, position: int) -> bool:
        before = self.r.words[position - 1] if position else ""
        return before in ("in", "during", "of") or (position + 1) in self.r.numbers

    # -- yes/no columns -------------------------------------------------------------------


def _period_number(word: str) -> int | None:
    """A month's number (January is 1), or a quarter's ("q3" is 3)."""
    if word in lexicon.MONTHS:
        return lexicon.MONTHS[word]
    return int(word[1]) if re.fullmatch(r"q[1-4]", word) else None


DATE_COMPARISONS: dict[str, ConditionOp] = {
    "after": "gt", "since": "ge", "from": "ge", "before": "lt", "until": "le", "till": "le",
}  # fmt: skip


def _compared(column: str, *, op: ConditionOp, value: Scalar | list[Scalar]) -> Filter:
    return Condition(column=column, op=op, value=value)


def _from_to(column: str, *, first: str, beyond: str) -> Filter:
    """From the day ``first`` up to, not including, the day ``beyond``."""
    items: list[Filter] = [
        Condition(column=column, op="ge", value=first),
        Condition(column=column, op="lt", value=beyond),
    ]
    return FilterGroup(combine="and", items=items)


def _next_day(day: str) -> str:
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()
