"""Numbers as filters: a threshold bound to the numeric column named beside it.

"spend above €2,000", "at least 1 minute late", "between 5 and 10 units", "60 minutes or
more": the comparative gives the operator, the column named next to the number (never an
identifier, never one the sentence did not point at) gives what is compared, and the
column's range tells whether the number fits it. A bare year next to a measure is a year.
"""

from __future__ import annotations

import re

from ...analysis.plan import Condition, ConditionOp, FilterGroup, Scalar
from ..schema_index import (
    ColumnMention,
    SchemaIndex,
    ValueMention,
    names_the_doer_of,
    tokens,
)
from . import lexicon
from .dated import DateSlots
from .derived import is_flag, is_rate
from .measures import QUANTITY_TOKENS, names_the_amount
from .options import SKIP, FilterOption, Slot, Threshold, is_skip
from .reading import Number, Reading
from .restatements import restated_earlier, same_amount
from .units import MEASURE_UNITS, column_unit, in_column_scale, in_column_unit, is_unit, unit_of

UNIT_WORDS = (
    frozenset(
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
    | MEASURE_UNITS
)
_GE_AFTER = re.compile(
    r"^or (?:more|greater|higher|above|over|longer|later|larger|bigger|warmer|hotter|plus)$"
)
_LE_AFTER = re.compile(
    r"^or (?:less|fewer|lower|below|under|shorter|earlier|smaller|colder|cooler)$"
)


# Words that may stand between a column and the one value it must equal: "a score of 90",
# "score a perfect 100", "rated a full 5".
EXACT_GAP = frozenset({"a", "an", "perfect", "full", "exactly"})
# Words that end a comparison: "before pick 60", "above rank 10", "between picks 148 and 168"
_COMPARISON_WORDS = frozenset(
    {"before", "after", "between", "than", "least", "over", "under", "above", "below", "since"}
)


SIGN_OPS: dict[str, ConditionOp] = {"positive": "gt", "negative": "lt"}


class ThresholdSlots(DateSlots):
    """The numbers part of a FilterReader (a bare year goes to the dates part it extends)."""

    def _number_slots(self, used: set[int]) -> list[Slot]:
        slots: list[Slot] = []
        # a value is no threshold, but a year that is a whole cell of a column of years
        # written as text ("2019" beside "5 April 1998") is a year to compare with
        skip: set[int] = set(used) | {
            i
            for v in self.r.values
            if v.column not in self.index.year_texts
            for i in range(v.start, v.end)
        }
        skip |= restated_earlier(self.r)  # "an hour (60 minutes or more)": one threshold
        for position, number in sorted(self.r.numbers.items()):
            if position in skip:
                continue
            op, value, words = self.comparative(position, number)
            if op in ("between", "in"):
                skip |= words
            options = self._bind_number(position, number, op, value, frozenset(words))
            if options:
                second = self._second_bound(options, op, skip)
                if second is not None:
                    options, second_words = second
                    skip |= second_words
                slots.append(options)
                skip |= words
        return slots

    def _same_column_after(self, position: int, column: str) -> bool:
        """What follows the second number names nothing else: the end, a unit, filler, or
        the first bound's own column again ("less than 25 points")."""
        after = position + 1
        while after < len(self.r.words) and self.r.words[after] in UNIT_WORDS:
            after += 1
        if after >= len(self.r.words) or self.r.words[after] in lexicon.FILLER:
            return True
        return any(
            m.column == column and m.start == after for m in self.r.columns if m.score >= 0.6
        ) or self.r.words[after] in ("?", "and", "or", "but")

    def _sign_slots(self, used: set[int]) -> list[Slot]:
        """ "a positive goal difference", "negative balances": the sign of a numeric column."""
        slots: list[Slot] = []
        for position, word in enumerate(self.r.words):
            op = SIGN_OPS.get(word)
            if op is None or position in used:
                continue
            for mention in self._numeric_mentions():
                if mention.start == position + 1 and not self.index.is_identifier(mention.column):
                    positions = frozenset({position} | set(range(mention.start, mention.end)))
                    condition = Condition(column=mention.column, op=op, value=0)
                    slots.append([FilterOption(condition, positions, mention.column, 0.0)])
                    used |= positions
                    break
        return slots

    def _second_bound(
        self, options: Slot, op: ConditionOp, skip: set[int]
    ) -> tuple[Slot, set[int]] | None:
        """ "more than 16 points but less than 25", "at least 10 and at most 20": a second
        bound on the same column, the other way round, joined to the first (both must hold)."""
        lower = op in ("gt", "ge")
        real = [o for o in options if not is_skip(o)]
        if op not in ("gt", "ge", "lt", "le") or not real:
            return None
        end = max(max(o.positions) for o in real)
        w = self.r.words
        joins = [i for i in range(end + 1, min(end + 3, len(w))) if w[i] in ("but", "and")]
        if not joins:
            return None
        join = joins[0]
        for position in range(join + 1, min(join + 5, len(w))):
            number = self.r.numbers.get(position)
            if number is None or position in skip:
                continue
            other, value, words = self.comparative(position, number)
            if other not in (("lt", "le") if lower else ("gt", "ge")) or min(words) != join + 1:
                return None
            joined: Slot = []
            for option in real:
                first = option.condition
                if not isinstance(first, Condition) or isinstance(value, list):
                    continue
                if not self._same_column_after(position, first.column):
                    continue  # "more than 20 points and less than 3 fouls": another column
                bound = _fit(value, number, self.index, first.column, strict=False)
                if bound is None or _empty_between(first, other, bound):
                    continue
                both = FilterGroup(
                    combine="and",
                    items=[first, Condition(column=first.column, op=other, value=bound)],
                )
                joined.append(
                    FilterOption(
                        both, option.positions | {join} | words, option.column, option.weight
                    )
                )
            return (joined, words | {join}) if joined else None
        return None

    def comparative(self, position: int, number: Number) -> tuple[ConditionOp, Threshold, set[int]]:
        """How the sentence compares the number at ``position``, its value, and the words."""
        w = self.r.words
        if (
            number.could_be_year
            and position >= 2
            and w[position - 1] in ("before", "after")
            and w[position - 2] in ("year", "season")
            and (position < 3 or w[position - 3] not in ("a", "any", "every", "each"))
        ):  # "a year after 2006" is any later year
            # "the year before 2010" is 2009, one year, not every year before it
            step = -1 if w[position - 1] == "before" else 1
            return "eq", number.value + step, {position - 2, position - 1, position}
        named = self._column_word_before(position)
        if named is not None:
            # "before pick 60", "between picks 148 and 168": the column named between the
            # comparison and its number; its word is bound by the mention, not compared
            other = self.r.numbers.get(position + 2)
            if (
                w[named - 1] in ("between", "from")
                and other is not None
                and w[position + 1] in ("and", "to")
            ):
                span = {named - 1, position, position + 1, position + 2}
                return "between", [number.value, other.value], span
            op, value, words = self.comparative(named, number)
            if op != "eq":
                return op, value, {i if i != named else position for i in words}
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
        other = self.r.numbers.get(position + 2)
        if (
            w[position + 1 : position + 2] == ["or"]
            and other is not None
            and number.could_be_year == other.could_be_year
        ):
            # "a satisfaction of 1 or 2": either value; "1988 or 1985": either year
            return "in", [number.value, other.value], {position, position + 1, position + 2}
        return "eq", number.value, words

    def _column_word_before(self, position: int) -> int | None:
        """The position of a one-word numeric column name right before the number, when a
        comparison word stands before that name ("before pick 60")."""
        at = position - 1
        if at < 1 or self.r.words[at - 1] not in _COMPARISON_WORDS:
            return None
        named = any(
            m.start == at and m.end == position and m.score >= 0.6
            for m in self.r.columns
            if self.index.is_numeric(m.column)
        )
        return at if named else None

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
        empties = 0
        exact = op in ("eq", "in")  # a value, or either of two values
        said_before = same_amount(self.r, position)  # "at least an hour (60 minutes or more)"
        percents = self._percent_columns() if number.percent else []
        for mention in [] if year_context else self._numeric_mentions(ids=True):
            span = set(range(mention.start, mention.end))
            # "taller than 250 m": the comparative itself names the measure (Height)
            implied = len(span) == 1 and self.r.words[mention.start] in _MEASURING_COMPARATIVES
            if (span & words and not implied) or (percents and mention.column not in percents):
                continue  # "less than 5% of the vote" is never 5 votes when a % column exists
            if is_flag(self.index, mention.column) and (not exact or value not in (0, 1)):
                continue  # "patients over 65 with an abnormal flag": never abnormalFlag > 65
            if mention.start > hi and self._only_its_denominator(mention):
                continue  # "more than 8 people" is never feePerPerson above 8
            if number.currency and mention.column in self.year_columns():
                continue  # "sold for more than $2 million" is never a Sale year above 2000000
            if mention.start == hi + 1 and _counted_not_timed(self.index, self.r, mention):
                continue  # "more than 500 picks" is no pickSeconds above 500
            if not names_the_amount(self.index, self.r, mention, rows_noun=False) and not _an_age(
                self.index, mention
            ):
                continue  # "130,000 units" is no Unit Cost (but "patients over 65" is an age)
            inside = False
            if mention.end <= lo:
                distance = lo - mention.end
                gap = range(mention.end, lo)
            elif mention.start > hi:
                distance = mention.start - hi - 1
                gap = range(hi + 1, mention.start)
            else:  # "before pick 60": named inside the comparison, so meant, id or not
                distance, gap, inside = 0, range(0), True
            if implied:
                distance, gap, inside = 0, range(0), True
            distance -= len(said_before.intersection(gap))
            loose = [i for i in gap if not self._binder(i) and i not in said_before]
            # One plain noun may stand between ("a systolic reading of 160"), never a name.
            if len(loose) > 1 or (loose and (exact or not self._plain_word(loose[0]))):
                continue
            if distance > 4:
                continue
            if (
                self.index.is_identifier(mention.column)
                and (not exact or distance > 0)
                and not inside
            ):
                continue  # an id is never compared with a threshold
            if exact and (
                distance > 2
                or any(
                    self.r.words[i] not in ("of", "is", "=", "at", *EXACT_GAP, *tuple(UNIT_WORDS))
                    for i in gap
                )
            ):
                continue  # a bare number names a column only right beside it ("visit 6", "5 star ratings")
            converted = in_column_unit(value, self._unit_after(hi), mention.column)
            converted = in_column_scale(converted, number, mention.column)
            if converted is None:
                continue  # "more than 2 years" against a column of days: no exact conversion
            bound = _fit(converted, number, self.index, mention.column, strict=exact)
            if bound is None:
                continue
            unit = said_before.intersection(gap) | {
                i
                for i in gap
                if (
                    self.r.words[i] in UNIT_WORDS or self.r.words[i] in lexicon.FILLER or i in loose
                )
                and self.r.words[i] not in lexicon.ANY_WORDS  # "was X ever below": "ever" asks
            }
            condition = Condition(column=mention.column, op=op, value=bound)
            far = _fit(value, number, self.index, mention.column, strict=True) is None
            if far and number.could_be_year and words & self._time_words():
                continue  # "elected after 1950" is a year, never an Age at election above 1950
            empty = _selects_nothing(bound, op, self.index, mention.column)
            empties += empty
            options.append(
                FilterOption(
                    condition,
                    frozenset(words | span | unit | self._units_after(hi)),
                    mention.column,
                    0.05 * distance
                    + (1.0 - min(mention.score, 1.0)) * 0.2
                    + (0.5 if far else 0.0)
                    + (1.0 if empty else 0.0),
                    far,
                )
            )
        if not options and len(percents) == 1 and not year_context:
            options += self._unnamed_percent(percents[0], op, value, number, words)
        if not options and not year_context:
            options += self._unnamed_by_its_unit(op, value, number, words, hi)
        measured = self._unit_after(hi) is not None or number.currency  # "over 2000 dollars"
        if number.could_be_year and not measured and (op != "eq" or not options):
            years: int | list[Scalar] = (
                [int(v) for v in value] if isinstance(value, list) else int(value)
            )
            options += self._year_options(position, op, years, words)
        options.sort(key=lambda o: o.weight)
        if options and empties == len(options):
            options.append(SKIP)  # every column it fits would keep no row: maybe none is meant
        return options

    def _time_words(self) -> set[int]:
        return {i for i, w in enumerate(self.r.words) if w in ("after", "before", "since", "until")}

    def _only_its_denominator(self, mention: ColumnMention) -> bool:
        """Whether the question's words name only what a rate is per ("people" of
        feePerPerson, "guest" of spend_per_guest): the column holds the amount before "per",
        never a count of those."""
        names = self.index.column_tokens.get(mention.column, [])
        if "per" not in names:
            return False
        before = set(names[: names.index("per")])
        said = {self.r.norm[i] for i in range(mention.start, mention.end)}
        return not said & before  # (said directly, or by a synonym: "people" for person)

    def _percent_columns(self) -> list[str]:
        """Numeric columns that hold percents: "%", "Vote %", "pct_share", a derived rate."""
        return [
            c.name
            for c in self.index.profile.column_profiles
            if c.is_numeric
            and ("%" in c.name or "percent" in tokens(c.name) or "percentage" in tokens(c.name))
        ] + [m.column for m in self.r.columns if is_rate(m.column)]

    def _unnamed_percent(
        self, column: str, op: ConditionOp, value: Threshold, number: Number, words: frozenset[int]
    ) -> Slot:
        """ "less than 5% of the vote" with one column of percents ("%"): that column, and
        the words saying what the percent is of."""
        bound = _fit(value, number, self.index, column, strict=False)
        if bound is None:
            return []
        of = set()
        after = max(words) + 1
        if self.r.words[after : after + 1] == ["of"]:
            end = after + 1 + (self.r.words[after + 1 : after + 2] == ["the"])
            base = [m for m in self.r.columns if m.start == end and m.score >= 0.6]
            if base:
                of = {after, *range(after + 1, base[0].end)}
        condition = Condition(column=column, op=op, value=bound)
        return [FilterOption(condition, frozenset(words | of), column, 0.2)]

    def _unnamed_by_its_unit(
        self, op: ConditionOp, value: Threshold, number: Number, words: frozenset[int], hi: int
    ) -> Slot:
        """ "tasks that took more than an hour", "calls over 20 minutes": no column is named,
        but the unit is one only one column's name gives ("cleaningMinutes", "Wait (min)"):
        that column, the amount converted to its unit. Two such columns: no binding."""
        unit = self._unit_after(hi)
        lo = min(words)
        said = self.r.words[lo - 1 : lo] + [self.r.words[i] for i in words]
        if unit is None or not _LASTING.intersection(said):
            return []  # "waited over an hour" may be a wait no column holds: never another's
        family = unit_of(unit)[0]
        fitting = [
            c.name
            for c in self.index.profile.column_profiles
            if c.is_numeric
            and not self.index.is_identifier(c.name)
            and (held := column_unit(c.name)) is not None
            and held[0] == family
        ]
        unknown = [
            c.name
            for c in self.index.profile.column_profiles
            if c.is_numeric
            and column_unit(c.name) is None
            and _DURATION_NAMES.intersection(self.index.column_tokens.get(c.name, []))
        ]
        if len(fitting) != 1 or unknown:
            return []  # ("length_of_stay" may be the one meant, in a unit its name hides)
        converted = in_column_unit(value, unit, fitting[0])
        exact = op in ("eq", "in")
        fit = (
            None
            if converted is None
            else _fit(converted, number, self.index, fitting[0], strict=exact)
        )
        bound = fit
        if bound is None:
            return []
        condition = Condition(column=fitting[0], op=op, value=bound)
        return [FilterOption(condition, frozenset(words | self._units_after(hi)), fitting[0], 0.2)]

    def _binder(self, position: int) -> bool:
        """Words allowed between a number and its column: filler, units, 'of'."""
        word = self.r.words[position]
        return (
            word in lexicon.FILLER
            or word in UNIT_WORDS
            or word in EXACT_GAP
            or word in ("of", "with", "than")
        )

    def _unit_after(self, position: int) -> str | None:
        """The unit written after the number at ``position`` ("5 hours", "40 cm", "80
        degrees fahrenheit")."""
        following = self.r.words[position + 1 : position + 3]
        if following[:1] in (["degrees"], ["deg"]):
            following = following[1:]
        return following[0] if following and is_unit(following[0]) else None

    def _units_after(self, position: int) -> set[int]:
        out = set()
        i = position + 1
        while i < len(self.r.words) and self.r.words[i] in UNIT_WORDS and i - position <= 2:
            out.add(i)
            i += 1
        return out

    def _numeric_mentions(self, *, ids: bool = False) -> list[ColumnMention]:
        """Numeric columns named in the question (identifiers only for equality: "user 42").
        A threshold on a rate ("a cancellation rate above 2.5%") is bound too: it can only
        test groups (``having``); plans that would filter rows by it are dropped."""
        return [
            m
            for m in self.r.columns
            if self.index.is_numeric(m.column)
            and (ids or not self.index.is_identifier(m.column))
            # "climbers under 18" is no minutesClimbed below 18: the climbers did the climbing
            and not (m.score < 0.9 and names_the_doer_of(self.r.words[m.start], m.column))
        ]

    def _plain_word(self, position: int) -> bool:
        """A word that names nothing here: no column, value, number or cue."""
        word = self.r.words[position]
        if position in self.r.numbers or lexicon.is_cue(word) or not word.isalpha():
            return False
        spans: list[ColumnMention | ValueMention] = [*self.r.columns, *self.r.values]
        return not any(m.start <= position < m.end for m in spans)


def _empty_between(first: Condition, op: ConditionOp, bound: object) -> bool:
    """Two bounds that no value can meet together ("above 20 and below 3")."""
    low, high = (first.value, bound) if op in ("lt", "le") else (bound, first.value)
    if not isinstance(low, int | float) or not isinstance(high, int | float):
        return False
    return low > high or (low == high and "ge" not in (first.op, op) and "le" not in (first.op, op))


def _fit(
    value: Threshold, number: Number, index: SchemaIndex, column: str, *, strict: bool
) -> Scalar | list[Scalar] | None:
    """The threshold as the column holds it, or None if it cannot be a value of that column."""
    if is_rate(column):  # a percent of rows: "above 2.5%", "over 86 percent"
        if isinstance(value, list) or not 0 <= value <= 100:
            return None
        return int(value) if float(value).is_integer() else value
    profile = index.profile.column(column)
    if profile is None and column in getattr(index, "derived", {}):
        # a column the question derives ("systolic minus diastolic", the number "305 m"
        # starts with): no profile gives its range, so any threshold may be meant
        return list(value) if isinstance(value, list) else _plain(value)
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
    return _plain(value)


def _plain(value: float) -> Scalar:
    return int(value) if float(value).is_integer() else value


def _selects_nothing(value: object, op: ConditionOp, index: SchemaIndex, column: str) -> bool:
    """A threshold far past the column's whole range in the direction it keeps ("ratings of
    at least 150" on a 0.5–5 scale): no row could pass, so another reading of the number
    (150 rating rows) is likelier. It still stands when it is the only reading: "any
    orders with more than 1000 units?" is a fair question whose answer is no."""
    profile = index.profile.column(column)
    if profile is None or not isinstance(value, int | float):
        return False
    if set(index.column_tokens.get(column, [])) & QUANTITY_TOKENS:
        return False  # "products with more than 1000 units": maybe the units summed per product
    low, high = profile.min, profile.max
    if not isinstance(low, int | float) or not isinstance(high, int | float):
        return False
    return (op in ("gt", "ge") and value > high) or (op in ("lt", "le") and value < low)


def _counted_not_timed(index: SchemaIndex, reading: Reading, mention: ColumnMention) -> bool:
    """ "more than 500 picks" beside a pickSeconds column: the noun after a number is what is
    counted; a column it names only by its first word, whose last word is a unit of time,
    holds the time of each, not their number."""
    name = index.column_tokens.get(mention.column, [""])
    said = {reading.norm[i] for i in range(mention.start, mention.end)}
    timed = is_unit(name[-1]) and unit_of(name[-1])[0] == "time"
    return len(name) > 1 and name[-1] not in said and timed and bool(said & set(name[:-1]))


def _an_age(index: SchemaIndex, mention: ColumnMention) -> bool:
    """ "patients over 65": a person's number is their age (patientAge)."""
    return index.column_tokens.get(mention.column, [""])[-1] == "age"


# words that say only how long something took, whatever it was
_LASTING = frozenset(
    {"took", "take", "takes", "taking", "lasted", "last", "lasts", "lasting", "longer", "shorter"}
)

# names of durations whose unit may be unsaid ("length_of_stay", "Lead time")
_DURATION_NAMES = frozenset(
    {"duration", "length", "time", "stay", "wait", "elapsed", "span", "tenure", "lead"}
)

# comparatives that name their measure by themselves ("taller than 250 m" is a height)
_MEASURING_COMPARATIVES = frozenset(
    w for w in lexicon.COMPARATIVES if w in lexicon.SYNONYMS and w not in ("more", "less")
)
