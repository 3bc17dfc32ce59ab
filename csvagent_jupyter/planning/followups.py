"""Follow-up questions that change the previous plan: "only for 2023", "now by month",
"sort descending", "top 3 instead", "as a pie chart".

A follow-up is recognised by its opening words or by "instead"; it is applied to the
previous Plan, never guessed from scratch, so the analyst's earlier choices stay.
"""

from __future__ import annotations

import re

from ..analysis.plan import ChartSpec, Condition, Filter, FilterGroup, Plan, SortKey
from .offline import top_n_words
from .offline.filters import FilterReader
from .offline.grounding import Frame
from .offline.lexicon import CHART_WORDS, FILLER
from .offline.options import is_skip
from .offline.pieces import group_keys
from .offline.reading import Reading, read
from .schema_index import SchemaIndex

_CUES = re.compile(
    r"^(?:and\s+|but\s+|ok\s+|okay\s+)?(?:now|only|just|what about|how about|same|instead|as an?|"
    r"sort|order|top|bottom|show (?:it|that|this)|plot (?:it|that|this)|make (?:it|that)|"
    r"limit|exclude|without|for (?:only|just)|then)\b",
    re.I,
)


def is_followup(question: str) -> bool:
    text = question.strip().lower()
    return bool(_CUES.match(text)) or (
        bool(re.search(r"\binstead\b", text)) and len(text.split()) <= 10
    )


def _filter_columns(item: Filter | None) -> set[str]:
    if item is None:
        return set()
    if isinstance(item, Condition):
        return {item.column}
    return set().union(*(_filter_columns(child) for child in item.items))


def apply_followup(question: str, previous: Plan, index: SchemaIndex) -> Plan | None:
    """The previous plan changed as the follow-up says, or None if nothing in it applies."""
    text = question.strip().lower()
    reading = read(question, index)
    reserved, _top = top_n_words(reading)  # "top 5": a number of results, never a filter
    reader = FilterReader(reading, index, reserved)
    # A follow-up's filters are the first reading of each slot: it names them plainly.
    options = [slot[0] for slot in reader.slots() if slot and not is_skip(slot[0])]
    frame = Frame(reading, index, options, reader)
    new_filters = [o.condition for o in options]
    changes: dict[str, object] = {}

    if new_filters:
        replaced = {c for f in new_filters for c in _filter_columns(f)}
        kept: list[Filter] = []
        if previous.filters is not None:
            items = (
                previous.filters.items
                if isinstance(previous.filters, FilterGroup) and previous.filters.combine == "and"
                else [previous.filters]
            )
            kept = [f for f in items if not (_filter_columns(f) & replaced)]
        merged = kept + new_filters
        changes["filters"] = (
            merged[0] if len(merged) == 1 else FilterGroup(combine="and", items=merged)
        )

    grouping = group_keys(frame, set())
    used = {i for o in options for i in o.positions} | (grouping[2] if grouping else set())
    used |= reserved
    if _says_more(reading, used):
        return None  # "top 5 claims by amount" is a question of its own, not a change
    if grouping is not None and not grouping[1] and previous.operation == "aggregate":
        changes["group_by"] = grouping[0]
        changes["sort"] = [
            s for s in previous.sort if s.column not in {g.output_name for g in previous.group_by}
        ]

    measure_name = _measure_name(previous)
    match = re.search(r"\b(?:top|first|bottom|last)\s+(\d+)", text)
    limit = int(match.group(1)) if match else None
    if limit is not None and measure_name:
        descending = not re.search(r"\b(?:bottom|lowest|least|smallest|worst)\b", text)
        changes["limit"] = limit
        changes["sort"] = [SortKey(column=measure_name, descending=descending)]
        if previous.answer_column and limit > 1:
            changes["answer"] = "list"
    if re.search(r"\b(?:sort|order)\w*\b", text) and measure_name:
        descending = bool(
            re.search(r"\b(?:desc|descending|largest|highest|biggest|most)\w*\b", text)
        )
        changes["sort"] = [SortKey(column=measure_name, descending=descending)]

    for word in re.findall(r"[a-z]+", text):
        if word in CHART_WORDS and word not in ("chart", "plot", "graph"):
            changes["chart"] = ChartSpec(kind=CHART_WORDS[word])
            break
    else:
        if re.search(r"\b(?:chart|plot|graph)\b", text):
            changes["chart"] = previous.chart or ChartSpec(kind="bar")
    if "chart" in changes and previous.answer_column:
        changes["answer_column"] = None  # a chart needs the table, not one value of it
        if previous.limit == 1 and "limit" not in changes:
            changes["limit"] = None  # "the top one" made sense for one answer, not for a chart
    if not changes:
        return None
    return previous.model_copy(update=changes)


# The words a follow-up is made of besides its filters and groups: "now", "top 3 instead",
# "sort descending", "as a pie chart".
_FOLLOWUP_WORDS = frozenset(
    {
        "and", "but", "ok", "okay", "now", "only", "just", "what", "about", "how", "same",
        "instead", "as", "a", "an", "sort", "sorted", "order", "ordered", "by", "top", "bottom",
        "first", "last", "show", "plot", "make", "it", "that", "this", "limit", "exclude",
        "without", "for", "then", "desc", "descending", "asc", "ascending", "largest", "highest",
        "biggest", "most", "lowest", "least", "smallest", "worst", "ones", "one", "rows",
        "results", "please", "chart", "graph",
    }
) | frozenset(CHART_WORDS)  # fmt: skip


def _says_more(reading: Reading, used: set[int]) -> bool:
    """Whether the question has content a follow-up cannot carry: a word that is none of
    its filters, groups, numbers or follow-up words ("claims", "amount" in "top 5 claims by
    amount"). Such a question is complete, or misread, but never a change to the last one."""
    return any(
        i not in used
        and i not in reading.numbers
        and word not in _FOLLOWUP_WORDS
        and word not in FILLER
        and word.isalpha()
        for i, word in enumerate(reading.words)
    )


def _measure_name(plan: Plan) -> str | None:
    if plan.operation == "aggregate" and plan.aggregates:
        return plan.aggregates[0].output_name
    if plan.sort:
        return plan.sort[0].column
    return None
