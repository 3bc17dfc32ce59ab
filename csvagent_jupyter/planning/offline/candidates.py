"""Candidates: every Plan a grounded question can plausibly mean, with the words it explains.

Each shape below looks for its own cues in a ``Frame`` (one choice of filters) and
returns zero or more ``Candidate``s. A shape never drops a word silently: what it
uses goes into ``explained``, and what it leaves is judged by ``scoring``. Shapes do
not compete inside this module; several may fire, and the best-explaining one wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...analysis.plan import (
    Aggregate,
    ChartSpec,
    Condition,
    Derive,
    Filter,
    FilterGroup,
    GroupKey,
    Plan,
    SortKey,
    Statistic,
)
from ..schema_index import ColumnMention
from . import lexicon
from .filters import FilterOption, is_skip
from .grounding import NAME, Frame


@dataclass
class Candidate:
    plan: Plan
    explained: set[int]
    shape: str
    penalty: float = 0.0
    subject: set[int] = field(default_factory=set)  # words read as "the rows of this table"


def span(m: ColumnMention | tuple[int, int]) -> set[int]:
    if isinstance(m, tuple):
        return set(range(*m))
    return set(range(m.start, m.end))


def _supported(*fields: str) -> bool:
    return all(name in Plan.model_fields for name in fields)


# -- pieces shared by shapes -----------------------------------------------------------------
def group_keys(f: Frame, exclude: set[str]) -> tuple[list[GroupKey], list[Derive], set[int]] | None:
    """'by region', 'per month', 'for each store': the group key and the words it explains."""
    cue = f.group_cue()
    if cue is None:
        return None
    after = cue[1]
    if after < len(f.words) and f.words[after] in ("all", "every", "everything"):
        return None  # "across all warehouses" is a total, not a group
    word = f.words[after] if after < len(f.words) else ""
    if word in ("the",) and after + 1 < len(f.words):
        after, word = after + 1, f.words[after + 1]
    period = lexicon.PERIOD_WORDS.get(word) or lexicon.PERIOD_WORDS.get(word.rstrip("s"))
    following = f.words[after + 1] if after + 1 < len(f.words) else ""
    if period is not None and word.endswith("ly") and following and following not in lexicon.FILLER:
        return None  # "per hourly reading": an adjective of the rows, not a grouping
    if period is not None and f.free(after):
        dated = period_key(f, period, after, grouping=True)
        if dated is not None:
            keys, derives, used = dated
            return keys, derives, used | span(cue) | set(range(cue[1], after + 1))
    mention = f.mention_after(cue[1] - 1, window=3)
    if mention is None or mention.column in exclude:
        return None
    if f.index.is_numeric(mention.column) and f.index.type_of(mention.column) == "number":
        return None
    return [GroupKey(column=mention.column)], [], span(cue) | span(mention)


def period_key(
    f: Frame, period: str, position: int, *, grouping: bool = False
) -> tuple[list[GroupKey], list[Derive], set[int]] | None:
    """A date period as a group: calendar parts by name ("which month"), buckets for dates."""
    dates = f.dates()
    columns = [m.column for m in dates] or [
        c.name for c in f.index.profile.column_profiles if c.type == "datetime"
    ]
    if len(columns) != 1 and not dates:
        return None
    column = columns[0]
    used = {position} | (span(dates[0]) if dates else set())
    if period in ("month", "weekday") and (not grouping or period == "weekday"):
        part = "month_name" if period == "month" else "weekday_name"
        name = "month" if period == "month" else "weekday"
        derive = Derive(name=name, kind="date_part", column=column, part=part)  # type: ignore[arg-type]
        return [GroupKey(column=name)], [derive], used
    if period in ("year", "hour", "quarter"):
        derive = Derive(name=period, kind="date_part", column=column, part=period)  # type: ignore[arg-type]
        return [GroupKey(column=period)], [derive], used
    bucket = {"day": "day", "week": "week", "month": "month"}.get(period)
    if bucket is None:
        return None
    return [GroupKey(column=column, bucket=bucket)], [], used  # type: ignore[arg-type]


def with_chart(f: Frame, plan: Plan, explained: set[int]) -> Plan:
    chart = f.chart()
    if chart is None or not plan.group_by:
        return plan
    kind, positions = chart
    if kind == "bar" and plan.group_by[0].bucket:
        kind = "line"
    explained |= positions | {
        i for i in range(len(f.words)) if f.words[i] in ("as", "a", "chart", "in")
    }
    return plan.model_copy(update={"chart": ChartSpec(kind=kind), "answer_column": None})  # type: ignore[arg-type]


def counted_noun(f: Frame, after: int) -> tuple[int | None, ColumnMention | None]:
    """The noun a count counts: the first content word after the cue, and its column if any."""
    position = after
    while position < len(f.words) and (
        f.words[position] in lexicon.FILLER
        or f.words[position] in lexicon.DISTINCT_WORDS
        or position in f.filter_positions
    ):
        position += 1
    if position >= len(f.words) or not f.free(position):
        return None, None
    mention = next((m for m in f.mentions() if m.start == position), None)
    return position, mention


def ungrounded(f: Frame, position: int | None) -> bool:
    """A word that names nothing on this table and is no cue: possibly the table's subject."""
    if position is None:
        return False
    word = f.words[position]
    if position in f.reading.numbers or any(
        m.start <= position < m.end for m in f.reading.columns if m.score >= 0.6
    ):
        return False
    if any(v.start <= position < v.end for v in f.reading.values):
        return False
    return (
        word.isalpha() and word not in lexicon.MISSING_WORDS and word not in lexicon.AGGREGATE_WORDS
    )


def subject_words(f: Frame, after: int) -> set[int]:
    """The noun that names what rows are ("any employees", "of flights"): unplaced or an entity."""
    position, mention = counted_noun(f, after)
    if mention is not None:
        if (
            f.is_entity(mention.column) and not f.index.is_numeric(mention.column)
        ) or f.index.is_identifier(mention.column):
            return span(mention)
        return set()
    return {position} if position is not None and ungrounded(f, position) else set()


def count_of(
    f: Frame, position: int | None, mention: ColumnMention | None
) -> tuple[Aggregate, set[int], float] | None:
    """What 'the most X' / 'how many X' counts: rows, or distinct entities of an id column."""
    if (mention is not None and not f.index.is_numeric(mention.column)) or (
        mention is not None and f.index.is_identifier(mention.column)
    ):
        assert mention is not None
        if f.is_entity(mention.column) and f.repeats(mention.column):
            return Aggregate(func="count_distinct", column=mention.column), span(mention), 0.0
        return Aggregate(func="count"), span(mention), 0.2
    if mention is None and (position is None or ungrounded(f, position)):
        return Aggregate(func="count"), ({position} if position is not None else set()), 0.1
    return None


# -- shapes ----------------------------------------------------------------------------------
def count_shape(f: Frame) -> list[Candidate]:
    cue = f.cue(*lexicon.COUNT_PHRASES)
    if cue is None or f.word_positions(lexicon.MISSING_WORDS):
        return []
    out: list[Candidate] = []
    distinct = [i for i in f.word_positions(lexicon.DISTINCT_WORDS) if i >= cue[1]]
    position, mention = counted_noun(f, cue[1])
    base = span(cue) | set(distinct) | f.filter_positions
    grouping = group_keys(f, {mention.column} if mention else set())
    keys, derives, group_used = grouping if grouping else ([], [], set())

    def make(agg: Aggregate, used: set[int], penalty: float, shape: str) -> None:
        explained = base | used | group_used
        plan = Plan(
            operation="aggregate",
            filters=f.filters,
            derive=derives,
            aggregates=[agg],
            group_by=keys,
        )
        out.append(Candidate(with_chart(f, plan, explained), explained, shape, penalty))

    if mention is not None and mention.column not in f.filter_columns:
        column = mention.column
        numeric = f.index.is_numeric(column) and not f.index.is_identifier(column)
        records = f.words[mention.end : mention.end + 1] in (["records"], ["rows"], ["entries"])
        if numeric and (records or f.is_entity(column)):
            # "how many grade records", "how many visits" (a visit number): rows, not a sum
            make(Aggregate(func="count"), span(mention), 0.5, "count_rows")
            return out
        if numeric and not distinct:
            if f.words[cue[0]] == "how":
                make(Aggregate(func="sum", column=column), span(mention), 0.3, "count_sum")
            return out
        full = mention.score >= 0.85 or f.is_entity(column)
        make(
            Aggregate(func="count_distinct", column=column),
            span(mention),
            0.0 if full or distinct else 0.6,
            "distinct_count",
        )
        if not distinct:
            make(Aggregate(func="count"), span(mention), 1.0 if full else 0.2, "count_rows")
        return out
    if distinct:
        return out
    subject = {position} if ungrounded(f, position) else set()
    make(Aggregate(func="count"), subject, 0.0, "count_rows")
    return out


def distinct_list_shape(f: Frame) -> list[Candidate]:
    cue = f.cue(*lexicon.LIST_PHRASES) or f.cue("what", "which")
    if cue is None:
        return []
    out = []
    for mention in f.categories():
        if mention.column in f.filter_columns or mention.start < cue[0]:
            continue
        explained = span(cue) | span(mention) | f.filter_positions
        explained |= set(f.word_positions(lexicon.DISTINCT_WORDS))
        plan = Plan(operation="distinct", filters=f.filters, select=[mention.column], answer="list")
        out.append(
            Candidate(
                plan,
                explained,
                "list_distinct",
                0.1 if f.words[cue[0]] in ("what", "which") else 0.0,
            )
        )
    return out


def aggregate_shape(f: Frame) -> list[Candidate]:
    found = f.aggregate_word()
    how_much = f.cue("how much")
    superlative = f.superlative()
    if found is None and how_much is None and superlative is None:
        return []
    if found is not None:
        func, cue = found
    elif how_much is not None:
        func, cue = "sum", span(how_much)
    else:
        assert superlative is not None
        if _has_target(f) or superlative[1] in _top_n_words(f):
            return []
        func, cue = superlative[0], {superlative[1]}
    out = []
    for measure in f.measures():
        grouping = group_keys(f, {measure.column})
        keys, derives, used = grouping if grouping else ([], [], set())
        explained = cue | span(measure) | used | f.filter_positions | _units_after(f, measure)
        plan = Plan(
            operation="aggregate",
            filters=f.filters,
            derive=derives,
            aggregates=[Aggregate(func=func, column=measure.column)],  # type: ignore[arg-type]
            group_by=keys,
        )
        out.append(Candidate(with_chart(f, plan, explained), explained, f"aggregate_{func}"))
    return out


def _units_after(f: Frame, m: ColumnMention) -> set[int]:
    from .filters import UNIT_WORDS

    out = set()
    for i in range(m.end, min(len(f.words), m.end + 3)):
        if f.words[i] in UNIT_WORDS or f.words[i] in ("in", "°c", "°f"):
            out.add(i)
        else:
            break
    return out if any(f.words[i] in UNIT_WORDS for i in out) else set()


def _has_target(f: Frame) -> bool:
    return f.cue("which", "what", "who", "whom", "when") is not None and bool(targets(f))


def targets(f: Frame) -> list[tuple[list[GroupKey], list[Derive], set[int], str | None]]:
    """What a 'which X …' asks for: (group keys, derives, words, answer column)."""
    cue = f.cue("which", "what", "who", "whom", "when")
    out: list[tuple[list[GroupKey], list[Derive], set[int], str | None]] = []
    if cue is None:
        return out
    words = span(cue)
    if f.words[cue[0]] in ("who", "whom"):
        name = f.name_column()
        if name is not None:
            out.append(([GroupKey(column=name)], [], words, name))
        return out
    after = cue[1]
    for position in range(after, min(after + 3, len(f.words))):
        word = f.words[position]
        period = lexicon.PERIOD_WORDS.get(word)
        extra: set[int] = set()
        if word == "day" and f.words[position + 1 : position + 4] == ["of", "the", "week"]:
            period, extra = "weekday", {position + 1, position + 2, position + 3}
        if period and f.free(position):
            dated = period_key(f, period, position)
            if dated is not None:
                keys, derives, used = dated
                answer = derives[0].name if derives else keys[0].output_name
                out.append(
                    (keys, derives, words | used | extra | set(range(after, position)), answer)
                )
    mention = f.mention_after(cue[1] - 1, window=3, numeric=False)
    if mention is None:
        mention = f.mention_after(cue[1] - 1, window=2)
        if (
            mention is not None
            and not f.index.is_identifier(mention.column)
            and f.index.type_of(mention.column) == "number"
        ):
            mention = None
    if mention is not None:
        # "which student": of student_id and student_name, the name answers.
        same = [m for m in f.mentions(numeric=False) if m.start == mention.start]
        named = [m for m in same if f.index.column_tokens.get(m.column, [""])[-1] == NAME]
        mention = named[0] if named else mention
    if mention is not None and mention.column not in f.filter_columns:
        out.append(([GroupKey(column=mention.column)], [], words | span(mention), mention.column))
    return out


def _top_n_words(f: Frame) -> set[int]:
    return f.reserved


def extreme_shape(f: Frame) -> list[Candidate]:
    """'which X has the highest M', 'which month had the most rows', 'who handled the most'."""
    superlative = f.superlative()
    common = f.word_positions(lexicon.COMMON_WORDS)
    if superlative is None:
        return []
    direction, at = superlative
    out: list[Candidate] = []
    found = f.aggregate_word()
    extreme_words = [
        i
        for i, w in enumerate(f.words)
        if w in ("maximum", "max", "minimum", "min") and i > at and f.free(i)
    ]
    if found is None and extreme_words:  # "the highest maximum revenue"
        word = f.words[extreme_words[0]]
        found = ("max" if word.startswith("max") else "min", {extreme_words[0]})
    for keys, derives, used, answer in targets(f):
        target_columns = {k.column for k in keys}
        base = used | {at} | f.filter_positions | set(common)
        measures = [
            m for m in f.measures() if m.column not in target_columns and m.start > min(used)
        ]
        options: list[tuple[Aggregate, set[int], float, str]] = []
        if found is not None:
            func, cue = found
            for m in measures:
                options.append(
                    (Aggregate(func=func, column=m.column), cue | span(m), 0.0, "group_" + func)
                )  # type: ignore[arg-type]
        elif measures:
            m = measures[0]
            if f.words[at] in lexicon.COUNT_SUPERLATIVES:
                options.append((Aggregate(func="sum", column=m.column), span(m), 0.0, "group_sum"))
            else:
                options.append(
                    (
                        Aggregate(func="max" if direction == "max" else "min", column=m.column),
                        span(m),
                        0.0,
                        "row_extreme",
                    )
                )
                column = keys[0].column
                if (
                    not derives
                    and f.repeats(column)
                    and not f.is_entity(column)
                    and not f.has_single()
                ):
                    options.append(
                        (Aggregate(func="mean", column=m.column), span(m), 0.0, "group_mean")
                    )
        else:
            position, mention = counted_noun(f, at + 1)
            if mention is not None and mention.column in target_columns:
                mention = None
            counted = count_of(f, position, mention)
            if counted is not None:
                agg, noun, penalty = counted
                times = set(f.word_positions(frozenset({"times", "often", "rows", "records"})))
                options.append((agg, noun | times, penalty, "group_count"))
        for agg, more, penalty, shape in options:
            plan = Plan(
                operation="aggregate",
                filters=f.filters,
                derive=derives,
                aggregates=[agg],
                group_by=keys,
                sort=[SortKey(column=agg.output_name, descending=direction == "max")],
                limit=1,
                answer_column=answer,
            )
            out.append(Candidate(plan, base | more, shape, penalty))
    return out


def has_single(f: Frame) -> bool:
    return bool(f.word_positions(frozenset({"single", "individual"})))


Frame.has_single = has_single  # type: ignore[attr-defined]


def most_common_shape(f: Frame) -> list[Candidate]:
    """'the most common X', 'which X appears least often'."""
    common = f.word_positions(lexicon.COMMON_WORDS)
    if not common:
        return []
    direction = None
    for i, word in enumerate(f.words):
        if word in ("most", "more") and f.free(i):
            direction, at = "max", i
        elif word in ("least", "fewest", "less") and f.free(i):
            direction, at = "min", i
    if direction is None:
        return []
    out = []
    for mention in f.mentions():
        if mention.column in f.filter_columns:
            continue
        explained = span(mention) | {at} | set(common) | f.filter_positions
        explained |= set(
            f.word_positions(frozenset({"appears", "appear", "shows", "show", "occurs", "occur"}))
        )
        plan = Plan(
            operation="aggregate",
            filters=f.filters,
            aggregates=[Aggregate(func="count")],
            group_by=[GroupKey(column=mention.column)],
            sort=[SortKey(column="count", descending=direction == "max")],
            limit=1,
            answer_column=mention.column,
        )
        out.append(Candidate(plan, explained, "most_common"))
    return out


def missing_shape(f: Frame) -> list[Candidate]:
    cues = f.word_positions(lexicon.MISSING_WORDS)
    phrase = f.cue("have no", "has no", "had no", "with no", "without", "no")
    if not cues and phrase is None:
        return []
    count = f.cue(*lexicon.COUNT_PHRASES)
    if count is None:
        return []
    out = []
    for mention in f.mentions():
        explained = set(cues) | span(count) | span(mention) | f.filter_positions
        if phrase is not None:
            explained |= span(phrase)
        condition = Condition(column=mention.column, op="is_null")
        filters: Filter = (
            condition
            if f.filters is None
            else FilterGroup(combine="and", items=[f.filters, condition])
        )
        plan = Plan(operation="aggregate", filters=filters, aggregates=[Aggregate(func="count")])
        position, _ = counted_noun(f, count[1])
        if position is not None and position != mention.start and ungrounded(f, position):
            explained.add(position)
        out.append(Candidate(plan, explained, "missing_count"))
    return out


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


def top_n_shape(f: Frame, n: int, direction: str, words: set[int]) -> list[Candidate]:
    """'top 3 X by M', 'the 5 highest M values', 'top 2 sites by number of events'."""
    out: list[Candidate] = []
    found = f.aggregate_word()
    measures = f.measures()
    by = f.cue("by")
    for mention in [None, *f.categories()]:
        if mention is not None and (
            mention.column in f.filter_columns or (by is not None and mention.start > by[0])
        ):
            continue
        explained = words | f.filter_positions | (span(mention) if mention else set())
        if mention is None:
            for m in measures:
                answers: list[tuple[str, set[int]]] = [(m.column, set())]
                answers += [
                    (e.column, span(e))
                    for e in f.mentions(numeric=False)
                    if e.column not in f.filter_columns
                    and f.is_entity(e.column)
                    and e.start > m.start
                ]
                for answer, used in answers:
                    plan = Plan(
                        operation="rows",
                        filters=f.filters,
                        sort=[SortKey(column=m.column, descending=direction == "max")],
                        limit=n,
                        answer_column=answer,
                        answer="list",
                    )
                    explained_here = explained | span(m) | _units_after(f, m) | used
                    out.append(Candidate(plan, explained_here, "topn_values"))
            continue
        column = mention.column
        superlative = f.superlative()
        if by is not None:
            explained |= span(by)
        elif superlative is not None and superlative[1] > mention.end:
            explained |= {superlative[1]}
        else:
            continue
        after = by[1] if by is not None else (superlative[1] + 1 if superlative else mention.end)
        options: list[tuple[Aggregate, set[int]]] = []
        if measures:
            m = measures[0]
            func = found[0] if found else "sum"
            options.append(
                (Aggregate(func=func, column=m.column), span(m) | (found[1] if found else set()))
            )  # type: ignore[arg-type]
        else:
            position, noun = counted_noun(f, after)
            counted = count_of(f, position, noun)
            if counted is not None:
                agg, used, _ = counted
                options.append((agg, used))
        for agg, used in options:
            plan = Plan(
                operation="aggregate",
                filters=f.filters,
                aggregates=[agg],
                group_by=[GroupKey(column=column)],
                sort=[SortKey(column=agg.output_name, descending=direction == "max")],
                limit=n,
                answer_column=column,
                answer="list",
            )
            out.append(Candidate(plan, explained | used, "topn_list"))
    return out


def percent_shape(f: Frame) -> list[Candidate]:
    cue = f.cue(*lexicon.PERCENT_PHRASES)
    if cue is None or not _supported("calc") or not f.options:
        return []
    scope = [o for o in f.options if not is_skip(o) and max(o.positions) < cue[0]]
    rest = [o for o in f.options if not is_skip(o) and o not in scope]
    if not rest:
        return []
    explained = span(cue) | f.filter_positions
    position, mention = counted_noun(f, cue[1])
    measure = mention if mention is not None and mention in f.measures() else None
    agg = Aggregate(func="sum", column=measure.column) if measure else Aggregate(func="count")
    if measure is not None:
        explained |= span(measure)
    elif ungrounded(f, position):
        explained.add(position)  # type: ignore[arg-type]
    whole = _and([o.condition for o in scope])
    part = _and([o.condition for o in scope + rest])
    plan = Plan.model_validate(
        {
            "operation": "calc",
            "calc": "percent",
            "left": {
                "operation": "aggregate",
                "filters": _dump(part),
                "aggregates": [agg.model_dump()],
            },
            "right": {
                "operation": "aggregate",
                "filters": _dump(whole),
                "aggregates": [agg.model_dump()],
            },
        }
    )
    return [Candidate(plan, explained, "share_pct")]


def _and(conditions: list[Filter]) -> Filter | None:
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else FilterGroup(combine="and", items=conditions)


def _dump(item: Filter | None) -> object:
    return None if item is None else item.model_dump()


def yes_no_shape(f: Frame) -> list[Candidate]:
    if f.words[0] not in lexicon.YES_NO_STARTS and "ever" not in f.words:
        return []
    out: list[Candidate] = []
    found = f.aggregate_word()
    start = {0} if f.words[0] in lexicon.YES_NO_STARTS else set()
    if found is not None:
        func, cue = found
        for option in f.options:
            condition = option.condition
            if (
                is_skip(option)
                or not isinstance(condition, Condition)
                or condition.op not in ("gt", "lt", "ge", "le")
            ):
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
                ),  # type: ignore[arg-type]
                compare_op=condition.op,
                right=condition.value,  # type: ignore[arg-type]
            )
            out.append(Candidate(plan, start | cue | f.filter_positions, "yes_no_compare"))
        return out
    real = [o for o in f.options if not is_skip(o)]
    anyword = f.word_positions(lexicon.ANY_WORDS)
    allword = f.word_positions(frozenset({"all", "every"}))
    if anyword and real:
        plan = Plan(operation="any", condition=_and([o.condition for o in real]))
        noun = subject_words(f, anyword[0] + 1)
        out.append(Candidate(plan, start | set(anyword) | f.filter_positions | noun, "yes_no_any"))
    if allword and real:
        at = allword[0]
        scope = [o for o in real if min(o.positions) > at and min(o.positions) <= at + 3]
        test = [o for o in real if o not in scope]
        if scope and test:
            plan = Plan(
                operation="all",
                filters=_and([o.condition for o in scope]),
                condition=_and([o.condition for o in test]),
            )
            noun = subject_words(f, at + 1)
            out.append(Candidate(plan, start | {at} | f.filter_positions | noun, "yes_no_all"))
    return out


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
            chart=ChartSpec(kind=chart[0], x=m.column),  # type: ignore[arg-type]
        )
        out.append(Candidate(plan, chart[1] | span(m) | f.filter_positions, "chart"))
    return out


SHAPES = (
    chart_shape,
    count_shape,
    distinct_list_shape,
    aggregate_shape,
    extreme_shape,
    most_common_shape,
    missing_shape,
    correlation_shape,
    percent_shape,
    yes_no_shape,
)


def unused_options(options: list[FilterOption]) -> list[FilterOption]:
    return [o for o in options if is_skip(o)]
