"""Aggregates of aggregates: a summary of per-group results.

"median of the per-supplier total quantity", "the median of the students' average scores",
"median daily total consumption", "median of the agents' ticket counts": an inner aggregate
per group, then an outer one over the groups' results (the Plan's ``then``).

The reading is taken only when the sentence puts the group *between* the two aggregate
words ("median of the <group's> total …"), which is how English nests them. "average and
total sales by region" (two aggregates side by side) and "which region has the highest
total" (a group extreme) never reach this shape.
"""

from __future__ import annotations

from ...analysis.plan import AggFunc, Aggregate, Derive, GroupKey, Plan
from . import lexicon
from .grounding import Frame
from .pieces import Candidate, period_key, span

OUTER_FUNCS = frozenset({"mean", "median", "max", "min"})
# Plurals name the per-group results themselves ("the agents' ticket counts", "weekly totals").
PLURAL_AGGREGATES: dict[str, AggFunc] = {
    "totals": "sum",
    "sums": "sum",
    "averages": "mean",
    "means": "mean",
    "medians": "median",
    "counts": "count",
    "count": "count",
}
# Words that say in which order the two steps run: "(average each student first)",
# "(sum per day, then take the median)".
ORDER_WORDS = frozenset({"first", "then", "take", "each", "per", "all", "calendar"})


def _aggregate_of(word: str) -> AggFunc | None:
    return lexicon.AGGREGATE_WORDS.get(word) or PLURAL_AGGREGATES.get(word)


def nested_aggregate_shape(f: Frame) -> list[Candidate]:
    """An outer aggregate over the per-group results of an inner one."""
    said = [(i, _aggregate_of(w)) for i, w in enumerate(f.words) if f.free(i)]
    aggregates = [(i, func) for i, func in said if func is not None]
    if len(aggregates) < 2:
        return []
    (outer_at, outer), (inner_at, inner) = aggregates[0], aggregates[1]
    if outer not in OUTER_FUNCS or inner_at - outer_at < 2:
        return []
    grouping = _group_between(f, outer_at, inner_at)
    if grouping is None:
        return []
    keys, derives, group_words = grouping
    grouped = {k.column for k in keys}
    periods = {lexicon.PERIOD_WORDS.get(f.words[i]) for i in group_words} - {None}
    if inner == "count":
        agg, measure_words = Aggregate(func="count"), set()
    else:
        measure = next(
            (m for m in f.measures() if m.start > inner_at and m.column not in grouped), None
        )
        if measure is None:
            return []
        agg, measure_words = Aggregate(func=inner, column=measure.column), span(measure)
    plan = summary_of_groups(f, keys, derives, agg, outer)
    explained = {outer_at, inner_at} | group_words | measure_words | f.filter_positions
    said_once = max({outer_at, inner_at} | measure_words)
    explained |= _restated(f, (outer, inner), grouped, periods, after=said_once)
    return [Candidate(plan, explained, "nested_aggregate", 0.0)]


def summary_of_groups(
    f: Frame, keys: list[GroupKey], derives: list[Derive], inner: Aggregate, outer: AggFunc
) -> Plan:
    """``inner`` per group (under the frame's filters), then ``outer`` over the groups."""
    return Plan(
        operation="aggregate",
        filters=f.filters,
        derive=derives,
        group_by=keys,
        aggregates=[inner],
        then=[Aggregate(func=outer, column=inner.output_name)],
    )


def _group_between(
    f: Frame, start: int, end: int
) -> tuple[list[GroupKey], list[Derive], set[int]] | None:
    """The group named between the two aggregate words: "per-supplier", "the students'",
    "daily". Every other word there must be filler, or the plan would ignore it."""
    found: tuple[list[GroupKey], list[Derive], set[int]] | None = None
    position = start + 1
    while position < end:
        word = f.words[position]
        period = lexicon.PERIOD_WORDS.get(word)
        mention = next(
            (
                m
                for m in f.mentions(numeric=None)
                if m.start == position and m.end <= end and not f.index.is_numeric(m.column)
            ),
            None,
        )
        if found is None and period is not None:
            found = period_key(f, period, position, grouping=True)
            if found is None:
                return None
            position += 1
        elif found is None and mention is not None:
            found = [GroupKey(column=mention.column)], [], span(mention)
            position = mention.end
        elif word in lexicon.FILLER or word in ("of", "per"):
            position += 1
        elif found is not None and f.reading.norm[position] in f.reading.subject:
            position += 1  # "the agents' ticket counts": the rows' own noun
        else:
            return None
    if found is None:
        return None
    keys, derives, used = found
    return keys, derives, used | {i for i in range(start + 1, end) if f.words[i] == "per"}


def _restated(
    f: Frame,
    funcs: tuple[AggFunc, AggFunc],
    grouped: set[str],
    periods: set[str | None],
    after: int,
) -> set[int]:
    """A parenthesis that spells the two steps out again ("(sum per week first)", "(average
    each student first)") adds nothing: its aggregate words, its group and order words."""
    out: set[int] = set()
    for position in range(after + 1, len(f.words)):
        word = f.words[position]
        if _aggregate_of(word) in funcs or word in ORDER_WORDS:
            out.add(position)
        elif lexicon.PERIOD_WORDS.get(word) in periods:
            out.add(position)  # "(sum per week first)" after "weekly"
    # the group named again, and "all meters": every value of a column summed together
    out |= {
        i
        for m in f.mentions(numeric=None)
        if m.start > after and (m.column in grouped or f.words[m.start - 1] == "all")
        for i in range(m.start, m.end)
    }
    if out and not any(_aggregate_of(f.words[i]) for i in out):
        return set()  # order words alone ("first") restate nothing
    return out
