"""Shapes that combine two answers or filter groups: differences, ratios, having, nested counts.

Each builds on the Plan's v2 operations (``calc`` on two one-value plans, ``having``
with ``then``). The two sides of a comparison come from what the sentence names: two
values of one column ("AA minus DL"). Growth between periods is in ``shapes_growth``.
"""

from __future__ import annotations

from ...analysis.plan import (
    AggFunc,
    Aggregate,
    Condition,
    Filter,
    FilterGroup,
    GroupKey,
    Plan,
    Scalar,
)
from . import lexicon
from .derived import is_flag, is_rate
from .grounding import Frame
from .options import FilterOption, is_skip, threshold_op
from .pieces import (
    Candidate,
    _and,
    count_of,
    counted_noun,
    group_keys,
    named_values,
    one_row_each,
    span,
    ungrounded,
)
from .shapes_nested import summary_of_groups
from .units import MONTHS_IN, is_unit

DIFFERENCE_WORDS = frozenset({"difference", "minus", "gap"})
THAN_WORDS = frozenset({"than", "compared", "versus", "vs"})
RATIO_WORDS = frozenset({"ratio", "divided", "times"})
GROWTH_WORDS = frozenset(
    {"growth", "grow", "grew", "change", "increase", "decrease", "rise", "fall"}
)
HIGHER = frozenset({"higher", "more", "greater", "larger", "bigger", "longer"})
LOWER = frozenset({"lower", "less", "fewer", "smaller", "shorter"})


def _measure(f: Frame, exclude: set[str]) -> tuple[Aggregate, set[int], float] | None:
    """The aggregate both sides compute: 'average rating', 'total kWh', or a count of rows."""
    found = f.aggregate_word()
    measures = [m for m in f.measures() if m.column not in exclude]
    if measures:
        m = measures[0]
        if is_rate(m.column):  # "B6's cancellation rate": a rate is the mean of its flag
            return (
                Aggregate(func="mean", column=m.column),
                span(m) | (found[1] if found else set()),
                0.0,
            )
        if found is None:
            return Aggregate(func="sum", column=m.column), span(m), 0.3
        return Aggregate(func=found[0], column=m.column), span(m) | found[1], 0.0
    if found is not None or "much" in f.words:
        return None  # "how much more did we spend": an amount, and none is named here
    if set(f.words) & _QUALITIES and not set(f.words) & {"times", "often", "frequently"}:
        return None  # "was his finish in A better than in B": a measure unnamed, not rows
    return Aggregate(func="count"), set(), 0.2


# Comparatives of a quality, never of how many rows: "better", "higher", "longer".
_QUALITIES = frozenset(
    {"better", "worse", "higher", "lower", "larger", "smaller", "bigger", "longer", "shorter",
     "greater"}
)  # fmt: skip


def _two_values(f: Frame) -> FilterOption | None:
    """The one filter that names two values of one column ('AA' and 'DL'), or a yes/no
    column's two sides said apart ('urgent moves … non-urgent moves')."""
    option = named_values(f)
    if option is None:
        return _both_sides_of_a_flag(f)
    if not isinstance(option.condition, Condition):
        return None
    values = option.condition.value
    return option if isinstance(values, list) and len(values) == 2 else None


def _both_sides_of_a_flag(f: Frame) -> FilterOption | None:
    """ "Is the average duration of urgent moves shorter than that of non-urgent moves?": two
    filters of one yes/no column, its yes and its no, in the order said."""
    sides = [
        o
        for o in f.options
        if not is_skip(o)
        and isinstance(o.condition, Condition)
        and o.condition.op == "eq"
        and isinstance(o.condition.value, bool)
        and is_flag(f.index, o.column)
    ]
    if len(sides) != 2 or sides[0].column != sides[1].column:
        return None
    first, second = sorted(sides, key=lambda o: min(o.positions))
    assert isinstance(first.condition, Condition) and isinstance(second.condition, Condition)
    yes, no = first.condition.value, second.condition.value
    if not isinstance(yes, bool) or not isinstance(no, bool) or yes == no:
        return None
    values: list[Scalar] = [yes, no]
    condition = Condition(column=first.column, op="in", value=values)
    return FilterOption(condition, first.positions | second.positions, first.column)


def _side(column: str, value: Scalar, others: list[Filter], agg: Aggregate) -> dict[str, object]:
    condition = Condition(column=column, op="eq", value=value)
    filters = _and([*others, condition])
    return {
        "operation": "aggregate",
        "filters": None if filters is None else filters.model_dump(),
        "aggregates": [agg.model_dump()],
    }


def _calc(kind: str, left: dict[str, object], right: dict[str, object]) -> Plan:
    return Plan.model_validate({"operation": "calc", "calc": kind, "left": left, "right": right})


def two_value_shape(f: Frame) -> list[Candidate]:
    """'difference in average delay between AA and DL', 'ratio of A's total to B's'."""
    option = _two_values(f)
    if option is None:
        return []
    assert isinstance(option.condition, Condition) and isinstance(option.condition.value, list)
    first, second = option.condition.value
    words = set(f.words)
    counting = f.cue("how many")
    if counting is not None and f.words[counting[1] : counting[1] + 1] not in (
        [w] for w in HIGHER | LOWER | {"times"}
    ):
        return []  # "how many students scored higher in A than in B" compares per student
    # "how much taller is A than B": a comparative that names its measure compares too
    higher = HIGHER | {w for w in words if lexicon.measuring_comparative(w) == "max"}
    lower = LOWER | {w for w in words if lexicon.measuring_comparative(w) == "min"}
    than = bool(words & THAN_WORDS)  # "more than B", "more compared to B", "more versus B"
    if words & RATIO_WORDS:
        kind = "ratio"
    elif words & DIFFERENCE_WORDS or (words & (higher | lower) and than):
        kind = "difference"
    else:
        return []
    measure = _measure(f, {option.column})
    if measure is None:
        return []
    agg, used, penalty = measure
    if agg.func == "count" and one_row_each(f, option.column):
        # "is Hampden Vale larger than Arena Noord", "how many more seats does A have than B":
        # one row each, so their counts are 1 and 1; the measure meant is not named here
        return []
    orders = [(first, second)]
    if "minus" in words:
        named = _around(f, f.words.index("minus"), option)
        if named is not None:
            orders = [named]
    elif kind == "difference" and not than:
        kind = "absolute_difference"  # "difference between A and B": which way round is not said
    elif kind == "difference" and words & lower and not words & higher:
        orders = [(second, first)]  # "how much lower is A than B" is B - A
    others = [
        o.condition
        for o in f.options
        if o is not option and not is_skip(o) and not o.positions <= option.positions
    ]  # (the two sides of a flag are the option's own)
    cue = {
        i
        for i, w in enumerate(f.words)
        if w in DIFFERENCE_WORDS | RATIO_WORDS | higher | lower
        or w in THAN_WORDS
        or w in ("between", "to", "with", "much", "many", "how", "by")
    }
    # "urgent moves … non-urgent moves" beside a Move ID: the rows' noun, said of each side
    rows = {
        i
        for m in f.reading.columns
        if m.end - m.start == 1
        and m.score >= 0.6
        and (f.index.is_identifier(m.column) or f.is_entity(m.column))
        for i in span(m)
    } | {i for i, stem in enumerate(f.reading.norm) if stem in f.reading.subject}
    out = []
    for left, right in orders:
        left_plan = _side(option.column, left, others, agg)
        right_plan = _side(option.column, right, others, agg)
        if f.words[0] in lexicon.YES_NO_STARTS and kind != "ratio":
            # "did A play more minutes than B?": a comparison, answered yes or no, of A with
            # B in the order said ("is A lower than B" is A < B, never the difference's B - A)
            left_plan = _side(option.column, first, others, agg)
            right_plan = _side(option.column, second, others, agg)
            op = "lt" if words & lower and not words & higher else "gt"
            if agg.column is not None and f.is_rank(agg.column):
                op = "lt" if op == "gt" else "gt"  # "ranked higher" is the smaller rank
            plan = Plan.model_validate(
                {"operation": "compare", "left": left_plan, "compare_op": op, "right": right_plan}
            )
            explained = f.filter_positions | used | cue | {0}
            out.append(Candidate(plan, explained, "compare_values", penalty, subject=rows))
            break
        plan = _calc(kind, left_plan, right_plan)
        explained = f.filter_positions | used | cue
        out.append(Candidate(plan, explained, f"calc_{kind}", penalty, subject=rows))
    return out


def _around(f: Frame, at: int, option: FilterOption) -> tuple[Scalar, Scalar] | None:
    """The two values on either side of 'minus' ("(placebo minus drug B)"), in that order."""
    assert isinstance(option.condition, Condition) and isinstance(option.condition.value, list)
    values = option.condition.value
    keys = {v: set(str(v).lower().split()) for v in values}
    before = f.words[at - 1] if at else ""
    after = f.words[at + 1] if at + 1 < len(f.words) else ""
    left = [v for v in values if before in keys[v]]
    right = [v for v in values if after in keys[v]]
    if len(left) == 1 and len(right) == 1 and left[0] != right[0]:
        return left[0], right[0]
    return None


def having_shape(f: Frame) -> list[Candidate]:
    """'how many agents have an average satisfaction above 3.75', 'list the categories with
    more than 900 tickets': groups kept by a test on their aggregate."""
    count_cue = f.cue(*lexicon.COUNT_PHRASES)
    list_cue = f.cue("list", "which", "what")
    cue = count_cue or list_cue
    if cue is None:
        return []
    groups = [
        m
        for m in f.categories()
        if m.start >= cue[0]
        and m.column not in f.filter_columns
        and f.repeats(m.column)
        and m.score >= 0.6
    ]
    if not groups:
        return []
    group = groups[0]
    out: list[Candidate] = []
    found = f.aggregate_word()
    for option in f.options:
        condition = option.condition
        if is_skip(option) or not isinstance(condition, Condition) or condition.part is not None:
            continue
        if condition.op not in ("gt", "lt", "ge", "le") or min(option.positions) < group.end:
            continue
        if not f.index.is_numeric(condition.column):
            continue
        func: AggFunc
        if is_rate(condition.column):
            func, used, penalty = "mean", set(), 0.0  # "a pass rate above 85%": the group's rate
        elif found is None:
            continue  # "have salary above N" is a row filter; a group test names its aggregate
        else:
            func, used, penalty = found[0], found[1], 0.0
        agg = Aggregate(func=func, column=condition.column)
        others = [o.condition for o in f.options if o is not option and not is_skip(o)]
        out.append(
            _having(
                f,
                group.column,
                agg,
                condition,
                others,
                count_cue is not None,
                set(option.positions) | used | span(group) | set(range(*cue)),
                penalty,
            )
        )
    # "with more than 900 tickets": a comparative number bound to no column counts rows.
    far = {i for o in f.options if o.far for i in o.positions}
    for position, number in f.reading.numbers.items():
        if position in f.reserved or (position in f.filter_positions and position not in far):
            continue
        op, value, words = f.reader.comparative(position, number)
        test = threshold_op(op)
        if test is None or isinstance(value, list) or position < group.end or number.percent:
            continue
        noun_at = max(words) + 1  # "more than 900 tickets": the counted noun follows the number
        noun = next((m for m in f.reading.columns if m.start == noun_at and m.score >= 0.6), None)
        if (
            noun is not None
            and f.index.is_numeric(noun.column)
            and noun.column not in f.filter_columns - {o.column for o in f.options if o.far}
        ):
            counted: tuple[Aggregate, set[int], float] | None = (
                Aggregate(func="count"),
                span(noun),
                0.1,
            )
        elif (
            noun_at < len(f.words)
            and (noun is not None or ungrounded(f, noun_at))
            and not _unit_or_filler(f.words[noun_at])
            # "patients over 65 missed …": a verb follows the number, no counted noun
            and not (noun is None and lexicon.is_past_verb(f.words[noun_at]))
        ):
            counted = count_of(f, noun_at, noun)
        else:
            counted = None
        if counted is None:
            continue
        agg, noun_words, penalty = counted
        condition = Condition(column=agg.output_name, op=test, value=value)
        others = [
            o.condition
            for o in f.options
            if not is_skip(o) and not (o.far and position in o.positions)
        ]
        explained = words | noun_words | span(group) | set(range(*cue)) | f.filter_positions
        out.append(
            _having(
                f, group.column, agg, condition, others, count_cue is not None, explained, penalty
            )
        )
    return out


def _having(
    f: Frame,
    group: str,
    agg: Aggregate,
    test: Condition,
    others: list[Filter],
    counting: bool,
    explained: set[int],
    penalty: float,
) -> Candidate:
    having = test.model_copy(update={"column": agg.output_name})
    filters: Filter | None = _and(others)
    plan = Plan(
        operation="aggregate",
        filters=filters if not isinstance(filters, FilterGroup) or filters.items else None,
        group_by=[GroupKey(column=group)],
        aggregates=[agg],
        having=having,
        then=[Aggregate(func="count")] if counting else [],
        answer_column=None if counting else group,
        answer="auto" if counting else "list",
    )
    explained |= f.filter_positions
    return Candidate(plan, explained, "having_count" if counting else "having_list", penalty)


def nested_count_shape(f: Frame) -> list[Candidate]:
    """'median number of ratings per movie': rows counted per group, then summarised."""
    found = f.aggregate_word()
    cue = f.cue("number of", "count of")
    if found is None or cue is None or found[0] not in ("mean", "median", "max", "min"):
        return []
    grouping = group_keys(f, set())
    if grouping is None:
        return []
    keys, derives, group_words = grouping
    if f.words[cue[1] : cue[1] + 1] in (["rows"], ["records"], ["entries"]):
        counted: tuple[Aggregate, set[int], float] | None = (Aggregate(func="count"), set(), 0.0)
    else:
        noun_at, noun = counted_noun(f, cue[1])
        if noun is not None and noun.column in {k.column for k in keys}:
            return []
        measured = (
            noun is not None
            and f.index.is_numeric(noun.column)
            and not f.index.is_identifier(noun.column)
        )
        if (
            noun_at is not None
            and is_unit(f.words[noun_at])
            and (f.words[noun_at] not in lexicon.PERIOD_WORDS or measured)
        ):
            # "the average number of kWh per site", "… of days to resolve" beside
            # days_to_resolve: an amount in its unit, never the rows counted per group
            return []
        counted = count_of(f, noun_at, noun)
    if counted is None:
        return []
    agg, noun_words, penalty = counted
    plan = summary_of_groups(f, keys, derives, agg, found[0])
    explained = found[1] | set(range(*cue)) | noun_words | group_words | f.filter_positions
    return [Candidate(plan, explained, "nested_count", penalty)]


def _unit_or_filler(word: str) -> bool:
    """ "patients older than 80 years", "over 80 were readmitted", "taller than 50 metres":
    what follows the number is its unit or the rest of the sentence, not a noun of things
    counted per group."""
    return word in lexicon.FILLER or is_unit(word) or word in MONTHS_IN
