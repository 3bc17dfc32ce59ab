"""Growth between two periods or two values, in percent: 'growth of total conversions from
2022 to 2023', 'percent change in tickets from Jan to Jun', 'from 2023 Spring to 2024 Spring',
'from visit 1 to visit 6'. Both sides aggregate the same measure under the same other filters.
"""

from __future__ import annotations

from ...analysis.plan import Condition, DatePart, Scalar
from . import lexicon
from .grounding import Frame
from .options import is_skip
from .pieces import Candidate, _and, one_row_each, span
from .shapes_combined import GROWTH_WORDS, _calc, _measure, _two_values


def growth_shape(f: Frame) -> list[Candidate]:
    """'growth of total conversions from 2022 to 2023', 'percent change in tickets from Jan to
    Jun', 'from 2023 Spring to 2024 Spring' (two values of a column), 'from visit 1 to visit 6'."""
    cues = [i for i, w in enumerate(f.words) if w in GROWTH_WORDS | CHANGE_WORDS]
    if not cues:
        return []
    opening = "from" if "from" in f.words else "between" if "between" in f.words else None
    if opening is None:
        return []
    start = f.words.index(opening)
    closing = UNTIL if opening == "from" else {"and"}
    ends = [i for i in range(start + 2, min(start + 5, len(f.words))) if f.words[i] in closing]
    if not ends:
        return []
    until = ends[0]
    left_span = set(range(start + 1, until))
    right_span = set(range(until + 1, min(until + 1 + len(left_span), len(f.words))))
    sides = _periods(f, left_span, right_span) or _months_of_years(f, left_span, right_span)
    if sides is None:
        return []
    column, part, left_value, right_value, said = sides
    span_words = {start, until} | said
    others = [o.condition for o in f.options if not is_skip(o) and not (o.positions & span_words)]
    used_filters = set().union(
        *(o.positions for o in f.options if not (o.positions & span_words)), set()
    )
    # "percentage change in the number of orders": the percent word asks for a percent, it
    # does not name a discountPct column
    measure = _measure(f, {column} | _named_by_percent_only(f))
    if measure is None:
        return []
    agg, used, penalty = measure
    if agg.func == "count" and part is None and one_row_each(f, column):
        return []  # "the difference in height between A dam and B dam": never 1 − 1

    def side(value: Scalar | tuple[DatePart, int, int]) -> dict[str, object]:
        if isinstance(value, tuple):  # "June 2024": that month of that year
            period, number, year = value
            conditions = [
                Condition(column=column, op="eq", value=year, part="year"),
                Condition(column=column, op="eq", value=number, part=period),
            ]
        else:
            conditions = [Condition(column=column, op="eq", value=value, part=part)]
        filters = _and([*others, *conditions])
        return {
            "operation": "aggregate",
            "filters": None if filters is None else filters.model_dump(),
            "aggregates": [agg.model_dump()],
        }

    explained = span_words | set(cues) | used | used_filters
    explained |= {
        i
        for i, w in enumerate(f.words)
        if w in ("percent", "%", "percentage", "by", "what", "in", "of") or w in SIGN_WORDS
    }
    words = set(f.words)
    if words & PERCENT_WORDS:
        kinds = ["percent_change"]  # "percent change", "by what %"
    elif opening == "between" and not words & (GROWTH_WORDS | {"changed"}):
        kinds = ["absolute_difference"]  # "the difference between 2022 and 2023"
    elif words & CHANGE_WORDS:
        kinds = ["difference"]  # "the change from 2022 to 2023": after minus before
    else:
        kinds = ["percent_change", "difference"]  # "did it grow": by how much, or what %?
    out = []
    for kind in kinds:
        left, right = side(left_value), side(right_value)
        if kind == "difference":
            left, right = right, left  # the change from A to B is B - A
        out.append(Candidate(_calc(kind, left, right), explained, f"growth_{kind}", penalty))
    return out


PERCENT_WORDS = frozenset({"percent", "%", "percentage", "pct"})
CHANGE_WORDS = frozenset({"difference", "change", "changed", "gap"})


UNTIL = frozenset({"to", "through", "until"})
# "(negative if it went down)", "(negative = drop)": the sign convention of a change, which
# percent_change already follows.
SIGN_WORDS = frozenset(
    {"negative", "positive", "if", "it", "went", "goes", "down", "up", "drop", "=", "means"}
)


def _periods(
    f: Frame, left: set[int], right: set[int]
) -> tuple[str, DatePart | None, Scalar, Scalar, set[int]] | None:
    """The column and the two values of 'from A to B', and the words that said them: years,
    months, two cell values, or a numbered column on each side ("visit 1 to visit 6")."""
    dates = [c.name for c in f.index.profile.column_profiles if c.type == "datetime"]
    named = [m.column for m in f.dates()]
    date_column = named[0] if named else (dates[0] if len(dates) == 1 else None)
    if len(left) == 1 and len(right) == 1:
        a, b = min(left), min(right)
        na, nb = f.reading.numbers.get(a), f.reading.numbers.get(b)
        if na is not None and nb is not None and na.could_be_year and nb.could_be_year:
            if date_column:
                return date_column, "year", int(na.value), int(nb.value), {a, b}
            years = f.reader.year_columns()
            if len(years) == 1:
                return years[0], None, int(na.value), int(nb.value), {a, b}
        wa, wb = f.words[a], f.words[b]
        if wa in lexicon.MONTHS and wb in lexicon.MONTHS and date_column:
            return date_column, "month", lexicon.MONTHS[wa], lexicon.MONTHS[wb], {a, b}
    option = _two_values(f)
    if option is not None and isinstance(option.condition, Condition):
        values = option.condition.value
        assert isinstance(values, list)
        if option.positions & left and option.positions & right:
            return option.column, None, values[0], values[1], set(option.positions)
    return _numbered(f, left, right)


Period = tuple[DatePart, int, int]  # ("month", 6, 2024) is June 2024


def _months_of_years(
    f: Frame, left: set[int], right: set[int]
) -> tuple[str, None, Period, Period, set[int]] | None:
    """ "from June 2024 to July 2024", "from Q1 2024 to Q2 2024": a month (or quarter) of a
    year on each side, of the one date column named or on the table."""
    dates = [c.name for c in f.index.profile.column_profiles if c.type == "datetime"]
    named = [m.column for m in f.dates()]
    column = named[0] if named else (dates[0] if len(dates) == 1 else None)
    if column is None:
        return None
    found = [_month_of_year(f, sorted(side)) for side in (left, right)]
    first, second = found
    if first is None or second is None or first[0] != second[0]:
        return None
    return column, None, first, second, left | right


def _month_of_year(f: Frame, positions: list[int]) -> Period | None:
    """ "June 2024", "2024 June", "Q1 2024": the period's kind, its number and the year."""
    if len(positions) != 2:
        return None
    words = [f.words[i] for i in positions]
    years = [f.reading.numbers.get(i) for i in positions]
    for at in (0, 1):
        year, word = years[1 - at], words[at]
        if year is None or not year.could_be_year:
            continue
        if word in lexicon.MONTHS:
            return "month", lexicon.MONTHS[word], int(year.value)
        if len(word) == 2 and word[0] == "q" and word[1] in "1234":
            return "quarter", int(word[1]), int(year.value)
    return None


def _numbered(
    f: Frame, left: set[int], right: set[int]
) -> tuple[str, DatePart | None, Scalar, Scalar, set[int]] | None:
    """ "from visit 1 to visit 6": a numeric column named with a number on each side."""
    for m in f.reading.columns:
        if m.score < 0.6 or not f.index.is_numeric(m.column) or m.start not in left:
            continue
        a = f.reading.numbers.get(m.end)
        numbers = [i for i in sorted(right) if i in f.reading.numbers]
        if a is None or len(numbers) != 1:
            continue
        b = numbers[0]
        again = set(range(min(right), b))  # "to visit 6": the column named again, or not
        if any(f.reading.norm[i] not in {f.reading.norm[j] for j in span(m)} for i in again):
            continue
        said = span(m) | {m.end, b} | again
        return m.column, None, a.value, f.reading.numbers[b].value, said
    return None


def _named_by_percent_only(f: Frame) -> set[str]:
    return {
        m.column
        for m in f.reading.columns
        if all(f.words[i] in PERCENT_WORDS for i in range(m.start, m.end))
    }
