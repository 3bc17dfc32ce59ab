"""Unplaced words that narrow what is asked, or name the measure, and so are never dropped.

The scorer tolerates one word it cannot place: a verb that says how ("were released"), or
the noun of the rows. The predicates here find the words that are neither: a qualifier of a
cell ("children's books"), the noun an aggregate word names ("the average price per night"),
a verb that tells several numeric columns apart ("goals conceded") or says which event a
period dates ("orders placed in 2024"), an event done again ("reopened"), both sides of a
comparison, and recency. A plan that leaves such a word out answers another question, so
the word costs in full and the question is asked back.
"""

from __future__ import annotations

from ...analysis.plan import Plan
from ..schema_index import singular, tokens
from . import lexicon
from .derived import filter_columns
from .reading import Reading


def aggregated_columns(plan: Plan) -> set[str]:
    """The columns a plan aggregates, on both sides of a comparison: what it measures."""
    columns = {a.column for a in [*plan.aggregates, *plan.then] if a.column}
    for side in (plan.left, plan.right):
        if isinstance(side, Plan):
            columns |= aggregated_columns(side)
    return columns


def both_sides_named(reading: Reading, plan: Plan) -> list[int]:
    """ "the average duration of escalated and non-escalated calls": a name said once as it
    is and once negated asks for both sides, so one number for one side answers half of it
    (a plan per group, or a comparison, gives both)."""
    if plan.group_by or plan.operation in ("compare", "calc"):
        return []
    words, norm = reading.words, reading.norm

    def negated(i: int) -> bool:
        return i in reading.negated or (i > 0 and words[i - 1] in ("non", "not", "no"))

    named = [i for i, stem in enumerate(norm) if stem in reading.name_stems and words[i].isalpha()]
    for i in named:
        for j in named:
            if i < j and norm[i] == norm[j] and negated(i) != negated(j):
                return [j]
    return []


def recency_unsaid(reading: Reading, plan: Plan) -> list[int]:
    """ "which opponent did they first play most recently" beside First (a year) and Pld:
    "most recently" ranks by when, so a plan that ranks by no date or year (the most games
    played) answers another question."""
    said = [i for i, w in enumerate(reading.words) if w in ("recent", "recently")]
    if not said or not reading.dated_columns:
        return []
    ranked = {k.column for k in plan.sort} | aggregated_columns(plan) | filter_columns(plan.filters)
    ranked |= {d.column for d in plan.derive if d.column} | {g.column for g in plan.group_by}
    return [] if ranked & reading.dated_columns else said


def the_measure_itself(reading: Reading, position: int, named: set[int]) -> bool:
    """An unplaced noun right after an aggregate word, ending the measure's phrase ("the
    average price per night", "total revenue of each hotel"): it is what is aggregated, so a
    plan over another column ("nightsStayed" for "night") answers another question. A noun
    the measure's name goes on after ("average resolution time") is left to that name."""
    words = reading.words
    if not position or words[position - 1] not in lexicon.AGGREGATE_WORDS:
        return False
    if position - 1 in named:
        return False  # "the largest net total come from": a word of the measure's name
    word = words[position]
    if lexicon.is_past_verb(word) or word in lexicon.FILLER or lexicon.is_cue(word):
        return False
    following = position + 1
    return following >= len(words) or (
        following not in named and words[following] in _AFTER_A_MEASURE
    )


_AFTER_A_MEASURE = frozenset(
    {"per", "of", "for", "by", "in", "across", "over", "among", "at", "from", "on", "?"}
)


def dates_an_event(reading: Reading, position: int) -> bool:
    """ "orders placed in 2024 were returned" beside order_date and return_timestamp: an
    unplaced verb right before a period names the event the period dates. With two or more
    dated columns, a plan that dates another event by it ("returned in 2024") is another
    question; with one, the period can only date that one."""
    words = reading.words
    word = words[position]
    if len(reading.dated_columns) < 2 or not lexicon.is_past_verb(word):
        return False
    if word in lexicon.TAKING_PART or word in lexicon.IRREGULAR_PAST:
        return False  # "returns made in 2024": the rows' own event, whichever date says it
    if words[position + 1 : position + 2] not in _BEFORE_A_PERIOD:
        return False
    period = position + 2
    number = reading.numbers.get(period)
    return (
        (number is not None and number.could_be_year)
        or period in reading.dates
        or (period < len(words) and words[period] in lexicon.MONTHS)
    )


_BEFORE_A_PERIOD = [["in"], ["during"], ["before"], ["after"], ["since"], ["on"], ["between"]]


def done_again(reading: Reading, position: int) -> bool:
    """ "reopened", "reordered", "restarted" beside OPENED_AT, order_date, callStart: the
    event done again, which the table does not record; never every row that had it once."""
    word = reading.words[position]
    if not word.startswith("re") or len(word) < 6 or not lexicon.is_past_verb(word):
        return False
    return singular(word[2:]) in reading.name_stems


def qualifies_a_value(reading: Reading, position: int, valued: set[int]) -> bool:
    """An unplaced word right before a cell the question names ("children's books", "deluxe
    suites", "team medals" beside a Type of Book, Suite): it narrows that value to a kind the
    table does not record, so a plan that keeps the value and drops the word answers for all
    of it. A verb before the value ("visited Paris", "bought Widgets") only says how."""
    word = reading.words[position]
    if position + 1 not in valued or position in valued or position - 1 in valued:
        return False  # ("Garden items (Outdoor minus Garden)": the noun of the value before)
    if lexicon.is_past_verb(word) or word in lexicon.IRREGULAR_PAST or word.endswith("ing"):
        return False
    if word in lexicon.FILLER or lexicon.is_cue(word) or word in lexicon.NUMBER_WORDS:
        return False
    if reading.words[position + 1].endswith("ed"):
        return False  # "was the marathon cancelled": the subject of a state, never its kind
    stem = reading.norm[position]
    return stem not in reading.subject and stem not in reading.file_words


def tells_measures_apart(reading: Reading, position: int) -> bool:
    """An unplaced verb right after a noun that names several numeric columns ("goals
    conceded" beside Goals, GF and GA; "points allowed" beside Points For and Points Against):
    it says which of them is meant, so a plan that drops it may read the wrong one. Beside one
    such column ("points scored" beside Points) it only says how, and costs as a verb."""
    words = reading.words
    word = words[position]
    if not word.isalpha() or lexicon.is_cue(word) or word in lexicon.FILLER:
        return False
    after = lexicon.is_past_verb(word) or word in lexicon.IRREGULAR_PAST
    # "did they concede the most goals": the verb before its object, after its doer
    before = position and words[position - 1] in _DOERS
    for m in reading.columns:
        if m.column not in reading.numeric_columns:
            continue
        if reading.norm[m.end - 1] not in reading.shared_measure_stems:
            continue
        if after and m.end == position:
            return True
        between = words[position + 1 : m.start]
        if before and m.start > position and all(w in _BEFORE_AN_OBJECT for w in between):
            return True
    return False


_DOERS = frozenset({"they", "he", "she", "we", "it", "team", "club", "side"})
_BEFORE_AN_OBJECT = frozenset(
    {"the", "a", "an", "most", "least", "fewest", "more", "fewer", "many", "much", "any", "no"}
)


_COUNT_TOKENS = frozenset({"count", "number", "quantiti"})


def a_quality_of_counts(reading: Reading, plan: Plan) -> set[int]:
    """ "which warehouse ships the heaviest packages" beside packageCount and totalWeightKg:
    a superlative of one quality names its own measure, and a column of counts the noun after
    it named ("packages") has no weight. Ranking that count leaves the superlative unsaid."""
    measured = aggregated_columns(plan) | {k.column for k in plan.sort}
    if not measured or not all(set(tokens(c)) & _COUNT_TOKENS for c in measured):
        return set()
    return {
        i
        for i, word in enumerate(reading.words)
        if word in lexicon.QUALITY_SUPERLATIVES
        and any(
            m.start <= i < m.end
            and m.column in reading.numeric_columns
            and m.column not in measured
            for m in reading.columns
        )
    }
