"""A ratio the question spells out over two aggregates: "(total clicks / total impressions)",
"ROAS for Meta: total revenue divided by total spend", "in percent".

A formula written with an aggregate on *each* side divides the totals (a ratio of sums),
which is not the average of a per-row ratio: "clicks / impressions" with no aggregate
word stays a per-row column (``derived``). The formula defines the figure, so the name
the question gives it ("overall click-through rate", "ROAS") needs no column of its own:
the words naming nothing else on the table, before the formula, are its name.
"""

from __future__ import annotations

from ...analysis.plan import AggFunc, Aggregate, Plan
from ..schema_index import ColumnMention, singular, tokens
from . import lexicon
from .grounding import Frame
from .pieces import Candidate, span
from .units import column_unit, is_unit, unit_of

DIVISION: tuple[tuple[str, ...], ...] = (("/",), ("divided", "by"))
PERCENT_WORDS = frozenset({"percent", "percentage", "%", "pct"})
MAX_NAME_WORDS = 4


def aggregate_ratio_shape(f: Frame) -> list[Candidate]:
    for at, words in _divisions(f):
        left = _aggregated_before(f, at)
        right = _aggregated_after(f, at + len(words))
        if left is None or right is None or left[1].column == right[1].column:
            continue
        (left_func, left_mention, left_at), (right_func, right_mention, right_at) = left, right
        percent = [i for i, w in enumerate(f.words) if w in PERCENT_WORDS and f.free(i)]
        sides = [
            _side(f, Aggregate(func=func, column=m.column))
            for func, m in ((left_func, left_mention), (right_func, right_mention))
        ]
        plan = Plan.model_validate(
            {
                "operation": "calc",
                "calc": "percent" if percent else "ratio",
                "left": sides[0],
                "right": sides[1],
            }
        )
        formula = {left_at, right_at, *range(at, at + len(words))}
        if words == ("to",):  # "the ratio of … to …"
            ratio = f.words.index("ratio")
            formula |= {ratio} | ({ratio + 1} if f.words[ratio + 1] == "of" else set())
        formula |= span(left_mention) | span(right_mention) | set(percent)
        explained = formula | f.filter_positions | _name(f, formula | f.filter_positions)
        return [Candidate(plan, explained, "aggregate_ratio", 0.0)]
    return []


def _divisions(f: Frame) -> list[tuple[int, tuple[str, ...]]]:
    """Where the formula divides: "/", "divided by", and the "to" of "the ratio of total
    cost to total weight" (with its "ratio of": the words are the division's too)."""
    out = []
    ratio = next((i for i, w in enumerate(f.words) if w == "ratio" and f.free(i)), None)
    for i in range(len(f.words)):
        for words in DIVISION:
            if tuple(f.words[i : i + len(words)]) == words:
                out.append((i, words))
        if ratio is not None and i > ratio + 2 and f.words[i] == "to":
            out.append((i, ("to",)))
    return out


def _aggregate(word: str) -> AggFunc | None:
    func = lexicon.AGGREGATE_WORDS.get(word)
    return func if func in ("sum", "mean", "median", "max", "min") else None


def _aggregated_before(f: Frame, at: int) -> tuple[AggFunc, ColumnMention, int] | None:
    """ "total clicks" ending just before the division sign."""
    mention = next((m for m in _measures(f) if m.end == at), None)
    if mention is None or mention.start == 0:
        return None
    func = _aggregate(f.words[mention.start - 1])
    return (func, mention, mention.start - 1) if func else None


def _aggregated_after(f: Frame, at: int) -> tuple[AggFunc, ColumnMention, int] | None:
    """ "total impressions" starting just after the division sign."""
    if at >= len(f.words):
        return None
    func = _aggregate(f.words[at])
    mention = next((m for m in _measures(f) if m.start == at + 1), None)
    return (func, mention, at) if func and mention else None


def _measures(f: Frame) -> list[ColumnMention]:
    """Every mention of a numeric column, not only each column's first ("clicks" may be said
    in the figure's name and again in its formula)."""
    return [
        m
        for m in f.reading.columns
        if m.score >= 0.6
        and f.index.is_numeric(m.column)
        and not f.index.is_identifier(m.column)
        and all(f.free(i) for i in range(m.start, m.end))
    ]


def _side(f: Frame, agg: Aggregate) -> dict[str, object]:
    filters = f.filters
    return {
        "operation": "aggregate",
        "filters": None if filters is None else filters.model_dump(),
        "aggregates": [agg.model_dump()],
    }


def _name(f: Frame, used: set[int]) -> set[int]:
    """The words that open the question and name the figure ("overall click-through rate",
    "ROAS"): an abbreviation in capitals, words of the formula's own columns, "rate" or
    "ratio". Any other word there ("mobile CTR", "paid social ROAS") may be a condition we
    cannot read, so it stays unexplained and the question is asked back."""
    said = {f.reading.norm[i] for i in used}  # "click-through rate" names the clicks again
    name: set[int] = set()
    for i, word in enumerate(f.words):
        if i in used:
            break
        if word in lexicon.FILLER:
            continue
        if i in f.reading.capitals or f.reading.norm[i] in said or word in NAME_WORDS:
            name.add(i)
        else:
            break
    return name if len(name) <= MAX_NAME_WORDS else set()


NAME_WORDS = frozenset({"rate", "ratio", "overall"})


_COUNT_TOKENS = frozenset({"count", "qty", "quantity", "num"})


def per_unit_rate_shape(f: Frame) -> list[Candidate]:
    """ "the average charge per hour" beside Duration (hours), "spend per player" beside
    playerCount: the noun after "per" is the unit another column counts, so the figure is
    the rate of the totals (total charge / total hours), never a grouping by each count or a
    bucket of the clock."""
    for at, word in enumerate(f.words):
        if word != "per" or not f.free(at) or at + 1 >= len(f.words):
            continue
        left = next((m for m in _measures(f) if m.end == at), None)
        named = _amount_named_after(f, at)
        counted = named.column if named is not None else _counting_column(f, f.words[at + 1])
        if left is None or counted is None or counted == left.column:
            continue
        if named is None and set(f.words[at + 2 : at + 3]) & set(tokens(counted)):
            continue  # "per player count" names the column whole: one group per count
        plan = Plan.model_validate(
            {
                "operation": "calc",
                "calc": "ratio",
                "left": _side(f, Aggregate(func="sum", column=left.column)),
                "right": _side(f, Aggregate(func="sum", column=counted)),
            }
        )
        said = span(left) | {at, at + 1} | (span(named) if named is not None else set())
        before = left.start - 1
        if before >= 0 and lexicon.AGGREGATE_WORDS.get(f.words[before]) in ("mean", "sum"):
            said.add(before)  # "the average charge per hour" is the hourly rate overall
        return [Candidate(plan, said | f.filter_positions, "per_unit_rate", 0.0)]
    return []


def _amount_named_after(f: Frame, at: int) -> ColumnMention | None:
    """ "per hire day" beside hireDays: a numeric column named whole right after "per" whose
    name gives a unit (days, kg, km): an amount to divide by, never a key to group by."""
    for m in f.reading.columns:
        if m.start != at + 1 or m.score < 0.9 or not f.index.is_numeric(m.column):
            continue
        if f.index.is_identifier(m.column) or f.holds_years(m.column):
            continue
        if column_unit(m.column) is not None:
            return m
    return None


def _counting_column(f: Frame, noun: str) -> str | None:
    """The one numeric column that counts ``noun``: in its unit ("Duration (hours)" for
    "hour"), or by its name with a count word ("playerCount", "num_guests" for "player")."""
    found = set()
    for column in f.index.column_tokens:
        if not f.index.is_numeric(column) or f.index.is_identifier(column):
            continue
        if is_unit(noun):
            if f.holds_years(column) or len(tokens(column)) < 2:
                continue  # "yield per year" beside Year: one group per year, never a rate
            if column_unit(column) == unit_of(noun):
                found.add(column)
            continue
        names = {singular(t) for t in tokens(column)}
        if singular(noun) in names and names & _COUNT_TOKENS:
            found.add(column)
    return found.pop() if len(found) == 1 else None
