"""Shapes that compute one value or a chart: aggregates, correlation, yes/no questions."""

from __future__ import annotations

from ...analysis.plan import (
    AggFunc,
    Aggregate,
    ChartSpec,
    Condition,
    Plan,
    SortKey,
    Statistic,
)
from ..schema_index import ColumnMention
from . import lexicon
from .derived import is_rate
from .grounding import Frame
from .options import FilterOption, is_skip, threshold_op
from .pieces import (
    Candidate,
    _and,
    _units_after,
    group_keys,
    per_row,
    span,
    subject_words,
    with_chart,
)
from .targets import has_target, names_a_row


def _part_of_a_name(f: Frame, positions: set[int]) -> bool:
    """Whether the aggregate word is a word of a column's full name ("Total Fee")."""
    return bool(positions) and any(
        m.score >= 1.0 and m.end - m.start >= 2 and positions <= set(range(m.start, m.end))
        for m in f.reading.columns
    )


def aggregate_shape(f: Frame) -> list[Candidate]:
    found = f.aggregate_word()
    how_much = f.cue("how much")
    superlative = f.superlative()
    if found is not None and superlative is not None and _part_of_a_name(f, found[1]):
        found = None  # "the highest total fee": TOTAL_FEE's own word, the highest is asked
    rates = [m for m in f.measures() if is_rate(m.column)]
    if found is None and how_much is None and superlative is None and rates:
        # "what is the cancellation rate (by carrier)": a rate is a mean by definition
        found = ("mean", set())
    if found is None and how_much is None and superlative is None:
        return []
    if found is not None:
        func, cue = found
    elif how_much is not None:
        func, cue = "sum", span(how_much)
    else:
        assert superlative is not None
        if has_target(f) or superlative[1] in f.reserved or names_a_row(f, superlative[1]):
            return []  # "what is the longest river": a river, not a length
        func, cue = superlative[0], {superlative[1]}
    out = []
    measures = f.measures()
    amounts = [m for m in measures if not f.holds_years(m.column)]
    for measure in measures:
        if amounts and measure not in amounts:
            continue  # "average yield per season": the yield; a column of years is no amount
        if (
            superlative is not None
            and found is None
            and how_much is None
            and f.is_rank(measure.column)
            and f.words[superlative[1]] not in lexicon.NUMBER_SUPERLATIVES
        ):
            func = "min" if superlative[0] == "max" else "max"
            cue = cue | f.chart_words()
        grouping = per_row(group_keys(f, {measure.column}), func, f)
        keys, derives, used = grouping if grouping else ([], [], set())
        explained = cue | span(measure) | used | f.filter_positions | _units_after(f, measure)
        explained |= _how_much_of(f, func, measure.start)
        explained |= _modifier_before(f, measure)
        agg = Aggregate(func=func, column=measure.column)
        order = _order_asked(f) if keys else None
        sort = [SortKey(column=agg.output_name, descending=order[0])] if order else []
        plan = Plan(
            operation="aggregate",
            filters=f.filters,
            derive=derives,
            aggregates=[agg],
            group_by=keys,
            sort=sort,
        )
        explained |= order[1] if order else set()
        out.append(Candidate(with_chart(f, plan, explained), explained, f"aggregate_{func}"))
    return out


def _modifier_before(f: Frame, measure: ColumnMention) -> set[int]:
    """ "his highest Test score" beside Test (a match number) and Score: a noun compound is
    headed by its last noun, so the column named right before the measure only says which
    score it is; the measure is what is aggregated, never the match number."""
    if measure.score < 0.9:
        return set()
    return {
        i
        for m in f.reading.columns
        if m.end == measure.start and m.column != measure.column and m.score >= 0.5
        for i in span(m)
    }


def _order_asked(f: Frame) -> tuple[bool, set[int]] | None:
    """ "…, highest first", "sorted descending", "lowest first": the order of a table of
    groups (descending or not) and the words that ask for it."""
    w = f.words
    for i, word in enumerate(w):
        if not f.free(i):
            continue
        if word in ("descending", "desc", "ascending", "asc"):
            words = {i} | ({i - 1} if i and w[i - 1] in ("sorted", "ordered", "sort") else set())
            return word.startswith("desc"), words
        if w[i + 1 : i + 2] == ["first"] and (
            word in lexicon.MAX_WORDS or word in lexicon.MIN_WORDS
        ):
            return word in lexicon.MAX_WORDS, {i, i + 1}
    return None


def _how_much_of(f: Frame, func: str, measure_at: int) -> set[int]:
    """ "how much did we spend in total", "on average, how many kWh": the question form asks
    for the amount the aggregate word computes ("how many" only right before the measure)."""
    if func not in ("sum", "mean"):
        return set()
    how_much = f.cue("how much")
    if how_much is not None:
        return span(how_much)
    how_many = f.cue("how many")
    if how_many is not None and 0 <= measure_at - how_many[1] <= 1:
        return span(how_many)
    return set()


def correlation_shape(f: Frame) -> list[Candidate]:
    cues = f.word_positions(lexicon.CORRELATION_WORDS)
    measures = f.measures()
    if not cues or len(measures) < 2:
        return []
    a, b = sorted(measures[:2], key=lambda m: m.start)
    explained = set(cues) | span(a) | span(b) | f.filter_positions
    plan = Plan(
        operation="statistic",
        filters=f.filters,
        statistic=Statistic(kind="correlation", columns=[a.column, b.column], method="pearson"),
    )
    return [Candidate(plan, explained, "correlation")]


def _compare_unbound(f: Frame, func: AggFunc, cue: set[int]) -> list[Candidate]:
    """'is the average rating of action movies above 3.5': the threshold is the aggregate's,
    even when other words stand between the measure and the number."""
    measures = f.measures()
    if len(measures) != 1:
        return []
    measure = measures[0]
    out = []
    for position, number in f.reading.numbers.items():
        if position in f.filter_positions or position in f.reserved or position < measure.end:
            continue
        op, value, words = f.reader.comparative(position, number)
        test = threshold_op(op)
        if test is None or isinstance(value, list):
            continue
        if "than" in f.words[max(words | {position}) + 1 :]:
            # "more than 2 minutes longer than for first aid": the number is a difference
            # from another group, never a bound on one average
            continue
        plan = Plan(
            operation="compare",
            left=Plan(
                operation="aggregate",
                filters=f.filters,
                aggregates=[Aggregate(func=func, column=measure.column)],
            ),
            compare_op=test,
            right=value,
        )
        explained = (
            cue | words | span(measure) | f.filter_positions | f.reader._units_after(max(words))
        )
        out.append(Candidate(plan, explained, "yes_no_compare"))
    return out


def yes_no_shape(f: Frame) -> list[Candidate]:
    if f.words[0] not in lexicon.YES_NO_STARTS and "ever" not in f.words:
        return []
    out: list[Candidate] = []
    found = f.aggregate_word()
    start = {0} if f.words[0] in lexicon.YES_NO_STARTS else set()
    if found is not None and f.word_positions(lexicon.ANY_WORDS) and f.in_a_full_name(found[1]):
        found = None  # "did any booking have an average score above 220" with avgScore: a row
    if found is not None:
        func, cue = found
        for option in f.options:
            condition = option.condition
            if is_skip(option) or not isinstance(condition, Condition):
                continue
            test = threshold_op(condition.op)
            threshold = condition.value
            if test is None or isinstance(threshold, list) or threshold is None:
                continue
            if condition.part is not None or not f.index.is_numeric(condition.column):
                continue
            others = [o.condition for o in f.options if o is not option and not is_skip(o)]
            plan = Plan(
                operation="compare",
                left=Plan(
                    operation="aggregate",
                    filters=_and(others),
                    aggregates=[Aggregate(func=func, column=condition.column)],
                ),
                compare_op=test,
                right=threshold,
            )
            out.append(Candidate(plan, start | cue | f.filter_positions, "yes_no_compare"))
        out += _compare_unbound(f, func, cue | start)
        return out
    real = [o for o in f.options if not is_skip(o)]
    anyword = f.word_positions(lexicon.ANY_WORDS)
    allword = f.word_positions(frozenset({"all", "every"}))
    if anyword and real:
        plan = Plan(operation="any", condition=_and([o.condition for o in real]))
        noun = {
            i for i in subject_words(f, anyword[0] + 1) if f.words[i] not in lexicon.REACH_VERBS
        }
        out.append(Candidate(plan, start | set(anyword) | f.filter_positions | noun, "yes_no_any"))
    if allword and real:
        at = allword[0]
        scope = [o for o in real if min(o.positions) > at and min(o.positions) <= at + 3]
        tested = [o for o in real if o not in scope]
        every_row = not tested and len(scope) == 1 and _tests_its_own_noun(f, at, scope[0])
        if every_row:
            # "are all ratings between 0.5 and 5": the noun after "all" is the column tested
            scope, tested = [], scope
        if tested and (scope or every_row):
            plan = Plan(
                operation="all",
                filters=_and([o.condition for o in scope]),
                condition=_and([o.condition for o in tested]),
            )
            noun = subject_words(f, at + 1)
            out.append(Candidate(plan, start | {at} | f.filter_positions | noun, "yes_no_all"))
    return out


def _tests_its_own_noun(f: Frame, at: int, option: FilterOption) -> bool:
    """ "all ratings between 0.5 and 5", "every score above 40": the column named right after
    "all" is the one the threshold tests, so the test is over every row."""
    named = [m for m in f.reading.columns if m.start == at + 1 and m.score >= 0.6]
    return any(m.column == option.column and m.start in option.positions for m in named)


def chart_shape(f: Frame) -> list[Candidate]:
    """'histogram of revenue', 'box plot of delay': the distribution of one numeric column."""
    chart = f.chart()
    if chart is None or chart[0] not in ("hist", "box"):
        return []
    out = []
    for m in f.measures():
        plan = Plan(
            operation="rows",
            filters=f.filters,
            select=[m.column],
            chart=ChartSpec(kind=chart[0], x=m.column),
        )
        out.append(Candidate(plan, chart[1] | span(m) | f.filter_positions, "chart"))
    return out
