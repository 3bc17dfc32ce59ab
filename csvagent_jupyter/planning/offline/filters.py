"""Filters a question can mean on this table, each with the words it explains.

Every filter is grounded in what the sentence points at: a cell value it names, a
yes/no column it names ("cancelled flights"), a number governed by a comparative and
bound to a numeric column named next to it ("spend above €2,000"), a year, month or
weekday bound to a date column. A number never lands on an identifier column or on a
column the sentence did not name, except a year or month when the table has exactly
one date column. Where a phrase can bind in several ways, the options form a *slot*
and the candidates try each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...analysis.plan import (
    CompareOp,
    Condition,
    ConditionOp,
    DatePart,
    Filter,
    FilterGroup,
    Scalar,
)
from ..schema_index import ColumnMention, SchemaIndex, ValueMention, normalize
from . import lexicon
from .reading import Number, Reading

YES_WORDS = ("yes", "y", "true", "t", "1")
NO_WORDS = ("no", "n", "false", "f", "0")
UNIT_WORDS = frozenset(
    [
        "star",
        "stars",
        "minute",
        "minutes",
        "min",
        "mins",
        "hour",
        "hours",
        "hr",
        "hrs",
        "day",
        "days",
        "week",
        "weeks",
        "unit",
        "units",
        "mile",
        "miles",
        "km",
        "kilometre",
        "kilometres",
        "kg",
        "dollar",
        "dollars",
        "usd",
        "eur",
        "euro",
        "euros",
        "percent",
        "pts",
        "point",
        "points",
        "c",
        "f",
        "degree",
        "degrees",
        "year",
        "years",
        "old",
        "late",
        "early",
    ]
)
_GE_AFTER = re.compile(
    r"^or (?:more|greater|higher|above|over|longer|later|larger|bigger|warmer|hotter|plus)$"
)
_LE_AFTER = re.compile(
    r"^or (?:less|fewer|lower|below|under|shorter|earlier|smaller|colder|cooler)$"
)


WIN_WORDS = frozenset({"win", "wins", "won", "winner", "winners", "victory", "victories"})
LOSE_WORDS = frozenset({"lose", "loses", "lost", "loss", "losses", "loser", "defeat", "defeats"})
# First words of cell values that record a result (normalised like the index's keys).
WIN_VALUES = frozenset({"w", "win", "won", "winner", "victory"})
LOSE_VALUES = frozenset({"l", "los", "loss", "lost", "lose", "loser", "defeat", "runner"})
Threshold = float | list[float]  # a number, or [low, high] for "between"
_THRESHOLD_OPS: dict[str, CompareOp] = {"gt": "gt", "lt": "lt", "ge": "ge", "le": "le"}


def threshold_op(op: str) -> CompareOp | None:
    """The comparison of a threshold ("above", "at most"); None for equality and ranges."""
    return _THRESHOLD_OPS.get(op)


@dataclass(frozen=True)
class FilterOption:
    condition: Filter
    positions: frozenset[int]
    column: str
    weight: float = 0.0  # penalty: distance between the words that bind it, loose matches
    far: bool = False  # a threshold far outside the column's values ("150 ratings" of 0.5-5)


Slot = list[FilterOption]


class FilterReader:
    """Builds the filter slots of one reading."""

    def __init__(self, reading: Reading, index: SchemaIndex, reserved: set[int]) -> None:
        self.r = reading
        self.index = index
        self.reserved = reserved  # positions that cues own (top-N counts, ordinals)

    def slots(self) -> list[Slot]:
        slots: list[Slot] = []
        used: set[int] = set(self.reserved)
        for slot in self._value_slots(used):
            slots.append(slot)
        number_slots = self._number_slots(used)
        slots += number_slots
        for slot in number_slots:
            used |= set().union(*(o.positions for o in slot))
        slots += self._date_word_slots(used)
        slots += self._flag_slots(used)
        slots += self._outcome_slots(used)
        return slots

    # -- results ("won", "lost") ------------------------------------------------------------
    def _outcome_slots(self, used: set[int]) -> list[Slot]:
        """ "how many games did they win": the one results column whose values say won/lost.

        Read only when exactly one short text column holds such values (W, Won, Winner; L,
        Lost, Runner-up) among others; otherwise the word stays unplaced and is asked about.
        """
        slots: list[Slot] = []
        for position, word in enumerate(self.r.words):
            if position in used or word not in lexicon.OUTCOME_WORDS:
                continue
            if any(m.start <= position < m.end and m.score >= 0.9 for m in self.r.columns):
                continue  # "losses" where a column is called Losses: the column
            wanted = (
                WIN_VALUES if word in WIN_WORDS else LOSE_VALUES if word in LOSE_WORDS else None
            )
            if wanted is None:
                continue
            found: list[tuple[str, list[Scalar]]] = []
            for column, mapping in self.index.values.items():
                if len(mapping) > 50 or column in self.index.free_text:
                    continue
                hits = [_scalar(v) for key, v in mapping.items() if key.split(" ")[0] in wanted]
                hits = list(dict.fromkeys(hits))
                if hits and len(set(mapping.values())) > len(hits):
                    found.append((column, hits))
            if len(found) != 1:
                continue
            column, hits = found[0]
            negation = self._negation_before(position)
            positions = {position} | ({negation} if negation is not None else set())
            op: ConditionOp = "not_in" if negation is not None else "in"
            condition = Condition(column=column, op=op, value=hits)
            slots.append([FilterOption(condition, frozenset(positions), column, 0.2)])
            used.add(position)
        return slots

    # -- cell values ----------------------------------------------------------------------
    def _value_slots(self, used: set[int]) -> list[Slot]:
        mentions = [v for v in self.r.values if not self._numbers_only(v)]
        counted = self._counted_positions()
        mentions += [
            v
            for v in self.r.partial_values
            if not any(set(range(v.start, v.end)) & set(range(m.start, m.end)) for m in mentions)
            and v.start not in counted
        ]
        by_column: dict[str, list[ValueMention]] = {}
        for mention in mentions:
            if set(range(mention.start, mention.end)) & used:
                continue
            by_column.setdefault(mention.column, []).append(mention)
        slots: list[Slot] = []
        for column, found in by_column.items():
            values: list[Scalar] = list(
                dict.fromkeys(v for m in found for v in self._family(column, _scalar(m.value)))
            )
            negation = self._negation_before(min(m.start for m in found))
            positions = {i for m in found for i in range(m.start, m.end)}
            positions |= self._own_column_words(column, positions)
            if negation is not None:
                positions.add(negation)
            if len(values) == 1:
                condition = Condition(
                    column=column, op="ne" if negation is not None else "eq", value=values[0]
                )
            else:
                condition = Condition(
                    column=column, op="not_in" if negation is not None else "in", value=values
                )
            loose = 0.3 if any(not m.exact for m in found) else 0.0
            option = FilterOption(condition, frozenset(positions), column, loose)
            inside = self._contained_in_others(column, values) if negation is None else None
            if inside is not None:
                # 'Ghostbusters' is a title, and a word of 'Ghostbusters II': either reading.
                slots.append([option, FilterOption(inside, frozenset(positions), column, 0.1)])
                continue
            # A value whose words also name a column ("by carrier" vs 'Carrier') may be the column.
            names_column = any(
                c.score >= 0.9 and c.column != column and set(range(c.start, c.end)) & positions
                for c in self.r.columns
            )
            slots.append([option, _SKIP] if names_column or loose else [option])
        return slots

    def _family(self, column: str, value: Scalar) -> list[Scalar]:
        """A value and its qualified variants: 'Hard' also means 'Hard (i)' and 'Hard [2]'."""
        if not isinstance(value, str):
            return [value]
        pattern = re.compile(rf"^{re.escape(value.strip())}\s*[(\[].*[)\]]\s*$", re.IGNORECASE)
        variants: list[Scalar] = [
            v
            for v in self.index.values.get(column, {}).values()
            if isinstance(v, str) and pattern.match(v)
        ]
        return [value, *variants]

    def _contained_in_others(self, column: str, values: list[Scalar]) -> Condition | None:
        """A 'contains' reading when the one value named is also a whole word of other values."""
        if len(values) != 1 or not isinstance(values[0], str) or len(values[0]) < 4:
            return None
        needle = f" {normalize(values[0])} "
        others = [
            v
            for key, v in self.index.values.get(column, {}).items()
            if v != values[0] and needle in f" {key} "
        ]
        if not others:
            return None
        return Condition(column=column, op="contains", value=values[0])

    def _counted_positions(self) -> set[int]:
        """Words right after "most", "how many", "number of": what is counted or ranked (the
        rows' own noun, "the most movies"), never a word found inside some longer cell value."""
        out: set[int] = set()
        for i, word in enumerate(self.r.words):
            if word in lexicon.MAX_WORDS or word in lexicon.MIN_WORDS or word in ("many", "of"):
                out |= {i + 1, i + 2}
        return out

    def _own_column_words(self, column: str, positions: set[int]) -> set[int]:
        """The column's own name beside its value: "the West region", "region is West"."""
        out: set[int] = set()
        lo, hi = min(positions), max(positions)
        for m in self.r.columns_named(column):
            if m.score < 0.5:
                continue
            if m.start > hi:
                gap = range(hi + 1, m.start)
            elif m.end <= lo:
                gap = range(m.end, lo)
            else:
                continue
            if len(gap) <= 3 and all(self.r.words[i] in lexicon.FILLER for i in gap):
                out |= set(range(m.start, m.end)) | set(gap)
        return out

    def _numbers_only(self, mention: ValueMention) -> bool:
        return all(i in self.r.numbers for i in range(mention.start, mention.end))

    def _negation_before(self, position: int) -> int | None:
        for i in range(position - 1, max(-1, position - 4), -1):
            word = self.r.words[i]
            if word in lexicon.NEGATIONS or word.endswith("n't"):
                return i
        return None

    # -- numbers --------------------------------------------------------------------------
    def _number_slots(self, used: set[int]) -> list[Slot]:
        slots: list[Slot] = []
        skip: set[int] = set(used) | {i for v in self.r.values for i in range(v.start, v.end)}
        for position, number in sorted(self.r.numbers.items()):
            if position in skip:
                continue
            op, value, words = self.comparative(position, number)
            if op == "between":
                skip |= words
            options = self._bind_number(position, number, op, value, frozenset(words))
            if options:
                slots.append(options)
                skip |= words
        return slots

    def comparative(self, position: int, number: Number) -> tuple[ConditionOp, Threshold, set[int]]:
        """How the sentence compares the number at ``position``, its value, and the words."""
        w = self.r.words
        before = " ".join(w[max(0, position - 3) : position])
        words = {position}
        if position >= 1 and w[position - 1] in ("between", "from") and position + 2 < len(w):
            other = self.r.numbers.get(position + 2)
            if other is not None and w[position + 1] in ("and", "to"):
                return (
                    "between",
                    [number.value, other.value],
                    {position - 1, position, position + 1, position + 2},
                )
        patterns: tuple[tuple[str, ConditionOp], ...] = (
            (r"(?:at least|no less than|not less than|minimum of|a minimum of)$", "ge"),
            (r"(?:at most|no more than|not more than|maximum of|up to|within)$", "le"),
            (r"since$", "ge"),
            (rf"{lexicon.GREATER}(?: than)?$", "gt"),
            (rf"{lexicon.LESS}(?: than)?$", "lt"),
            (r"(?:equal to|exactly|equals|=)$", "eq"),
        )
        for pattern, op in patterns:
            match = re.search(pattern, before)
            if match:
                count = len(match.group(0).split())
                words |= set(range(position - count, position))
                return op, number.value, words
        tail = self._after_number(position)
        if tail is not None:
            phrase = " ".join(w[tail : tail + 2])
            units = set(range(position + 1, tail))  # "1 minute or less": the unit goes too
            if _GE_AFTER.match(phrase):
                return "ge", number.value, words | units | {tail, tail + 1}
            if _LE_AFTER.match(phrase):
                return "le", number.value, words | units | {tail, tail + 1}
        return "eq", number.value, words

    def _after_number(self, position: int) -> int | None:
        """The position after the number and its unit words ("60 minutes or more")."""
        i = position + 1
        while i < len(self.r.words) and self.r.words[i] in UNIT_WORDS and i - position <= 2:
            i += 1
        return i if i + 1 < len(self.r.words) and self.r.words[i] == "or" else None

    def _bind_number(
        self,
        position: int,
        number: Number,
        op: ConditionOp,
        value: Threshold,
        words: frozenset[int],
    ) -> Slot:
        options: Slot = []
        lo, hi = min(words), max(words)
        before = self.r.words[lo - 1] if lo else ""
        # "in 2023", "before 1996"; and a bare "2023 spend" on a table with dates is a year,
        # never spend == 2023.
        year_context = number.could_be_year and (
            before in ("in", "during", "since", "from", "before", "after")
            or (op == "eq" and bool(self._date_targets()))
        )
        for mention in [] if year_context else self._numeric_mentions(ids=op == "eq"):
            span = set(range(mention.start, mention.end))
            if span & words:
                continue
            if mention.end <= lo:
                distance = lo - mention.end
            elif mention.start > hi:
                distance = mention.start - hi - 1
            else:
                continue
            gap = range(mention.end, lo) if mention.end <= lo else range(hi + 1, mention.start)
            loose = [i for i in gap if not self._binder(i)]
            # One plain noun may stand between ("a systolic reading of 160"), never a name.
            if len(loose) > 1 or (loose and (op == "eq" or not self._plain_word(loose[0]))):
                continue
            if distance > 4:
                continue
            if self.index.is_identifier(mention.column) and (op != "eq" or distance > 0):
                continue  # an id is never compared with a threshold
            if op == "eq" and (
                distance > 2
                or any(
                    self.r.words[i] not in ("of", "is", "=", "at", *tuple(UNIT_WORDS)) for i in gap
                )
            ):
                continue  # a bare number names a column only right beside it ("visit 6", "5 star ratings")
            bound = _fit(value, number, self.index, mention.column, strict=op == "eq")
            if bound is None:
                continue
            unit = {
                i
                for i in gap
                if (
                    self.r.words[i] in UNIT_WORDS or self.r.words[i] in lexicon.FILLER or i in loose
                )
                and self.r.words[i] not in lexicon.ANY_WORDS  # "was X ever below": "ever" asks
            }
            condition = Condition(column=mention.column, op=op, value=bound)
            far = _fit(value, number, self.index, mention.column, strict=True) is None
            options.append(
                FilterOption(
                    condition,
                    frozenset(words | span | unit | self._units_after(hi)),
                    mention.column,
                    0.05 * distance + (1.0 - min(mention.score, 1.0)) * 0.2 + (0.5 if far else 0.0),
                    far,
                )
            )
        if number.could_be_year and (op != "eq" or not options):
            options += self._year_options(position, op, int(number.value), words)
        options.sort(key=lambda o: o.weight)
        return options

    def _binder(self, position: int) -> bool:
        """Words allowed between a number and its column: filler, units, 'of'."""
        word = self.r.words[position]
        return word in lexicon.FILLER or word in UNIT_WORDS or word in ("of", "with", "a", "than")

    def _units_after(self, position: int) -> set[int]:
        out = set()
        i = position + 1
        while i < len(self.r.words) and self.r.words[i] in UNIT_WORDS and i - position <= 2:
            out.add(i)
            i += 1
        return out

    def _numeric_mentions(self, *, ids: bool = False) -> list[ColumnMention]:
        """Numeric columns named in the question (identifiers only for equality: "user 42")."""
        return [
            m
            for m in self.r.columns
            if self.index.is_numeric(m.column) and (ids or not self.index.is_identifier(m.column))
        ]

    def _plain_word(self, position: int) -> bool:
        """A word that names nothing here: no column, value, number or cue."""
        word = self.r.words[position]
        if position in self.r.numbers or lexicon.is_cue(word) or not word.isalpha():
            return False
        spans: list[ColumnMention | ValueMention] = [*self.r.columns, *self.r.values]
        return not any(m.start <= position < m.end for m in spans)

    # -- dates ----------------------------------------------------------------------------
    def date_columns(self) -> list[str]:
        return [c.name for c in self.index.profile.column_profiles if c.type == "datetime"]

    def year_columns(self) -> list[str]:
        out = []
        for c in self.index.profile.column_profiles:
            if (
                c.type == "integer"
                and "year" in self.index.column_tokens.get(c.name, [])
                and isinstance(c.min, int | float)
                and isinstance(c.max, int | float)
                and c.min >= 1800
                and c.max <= 2100
            ):
                out.append(c.name)
        return out

    def _date_targets(self) -> list[tuple[str, bool, float]]:
        """(column, is a date column, penalty): columns a year or month may bind to."""
        named = {m.column for m in self.r.columns}
        dates, years = self.date_columns(), self.year_columns()
        targets = [(c, True, 0.0) for c in dates if c in named]
        targets += [(c, False, 0.0) for c in years if c in named]
        if targets:
            return targets
        everything = [(c, True, 0.1) for c in dates] + [(c, False, 0.1) for c in years]
        return everything

    def _year_options(
        self, position: int, op: ConditionOp, year: int, words: frozenset[int]
    ) -> Slot:
        before = self.r.words[position - 1] if position else ""
        if (
            op == "eq"
            and before not in ("in", "during", "of", "for", "from", "year", "since")
            and not (position == 0 or before in lexicon.FILLER)
        ):
            return []
        if before in ("in", "during", "of", "for", "year"):
            words = words | {position - 1}
        options = []
        for column, is_date, penalty in self._date_targets():
            positions = set(words) | self._mention_positions(column)
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

    def _date_word_slots(self, used: set[int]) -> list[Slot]:
        slots: list[Slot] = []
        for position, word in enumerate(self.r.words):
            if position in used:
                continue
            part: DatePart | None = None
            value = 0
            if word in lexicon.MONTHS and (word != "may" or self._month_context(position)):
                part, value = "month", lexicon.MONTHS[word]
            elif word in lexicon.WEEKDAYS and len(word) > 3:
                part, value = "weekday", lexicon.WEEKDAYS[word]
            if part is None:
                continue
            words = {position}
            if position and self.r.words[position - 1] in ("in", "during", "on", "of"):
                words.add(position - 1)
            year_at = position + 1
            year = self.r.numbers.get(year_at)
            options: Slot = []
            for column, is_date, penalty in self._date_targets():
                if not is_date:
                    continue
                positions = words | self._mention_positions(column)
                condition: Filter = Condition(column=column, op="eq", value=value, part=part)
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

    def _month_context(self, position: int) -> bool:
        before = self.r.words[position - 1] if position else ""
        return before in ("in", "during", "of") or (position + 1) in self.r.numbers

    # -- yes/no columns -------------------------------------------------------------------
    def flag_values(self, column: str) -> tuple[object, object] | None:
        """The true and false values of a yes/no column, as the data holds them."""
        profile = self.index.profile.column(column)
        if profile is None:
            return None
        if profile.type == "boolean":
            return True, False
        if (
            profile.type == "integer"
            and profile.min == 0
            and profile.max == 1
            and profile.distinct == 2
        ):
            return 1, 0  # a 0/1 flag
        mapping = self.index.values.get(column, {})
        keys = set(mapping)
        if not keys or len(keys) > 2:
            return None
        truthy = [mapping[k] for k in keys if k in YES_WORDS]
        falsy = [mapping[k] for k in keys if k in NO_WORDS]
        if len(truthy) == 1 and len(falsy) <= 1 and len(keys) == len(truthy) + len(falsy):
            return truthy[0], falsy[0] if falsy else None
        return None

    def _flag_slots(self, used: set[int]) -> list[Slot]:
        slots: list[Slot] = []
        for mention in self.r.columns:
            if mention.score < 0.6:
                continue
            span = set(range(mention.start, mention.end))
            if span & used:
                continue
            flags = self.flag_values(mention.column)
            if flags is None:
                continue
            yes, no = flags
            value, positions = yes, set(span)
            following = self.r.words[mention.end : mention.end + 1]
            if following and following[0] in YES_WORDS + NO_WORDS:
                value = yes if following[0] in YES_WORDS else no
                positions.add(mention.end)
            negation = self._negation_before(mention.start)
            if negation is not None:
                value = no if value == yes else yes
                positions.add(negation)
            if value is None:
                continue
            condition = Condition(column=mention.column, op="eq", value=_scalar(value))
            slots.append(
                [FilterOption(condition, frozenset(positions), mention.column, 0.0), _SKIP]
            )
            used |= positions
        return slots


_SKIP = FilterOption(Condition(column="", op="not_null"), frozenset(), "", 0.0)


def is_skip(option: FilterOption) -> bool:
    return option is _SKIP


def _fit(
    value: Threshold, number: Number, index: SchemaIndex, column: str, *, strict: bool
) -> Scalar | list[Scalar] | None:
    """The threshold as the column holds it, or None if it cannot be a value of that column."""
    profile = index.profile.column(column)
    if profile is None:
        return None
    if isinstance(value, list):
        return list(value)
    low, high = profile.min, profile.max
    if not isinstance(low, int | float) or not isinstance(high, int | float):
        return value
    if number.percent and high <= 1.0:
        value = value / 100
    spread = max(high - low, 1.0)
    if strict and not (low - spread <= value <= high + spread):
        return None
    return int(value) if float(value).is_integer() else value


def _scalar(value: object) -> Scalar:
    """A cell value as a plain Python scalar (numpy scalars unwrapped)."""
    if isinstance(value, bool | int | float | str):
        return value
    item = getattr(value, "item", None)
    if callable(item):
        plain = item()
        if isinstance(plain, bool | int | float | str):
            return plain
    return str(value)


def combine(options: list[FilterOption]) -> Filter | None:
    conditions = [o.condition for o in options if not is_skip(o)]
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else FilterGroup(combine="and", items=conditions)
