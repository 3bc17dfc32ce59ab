"""Shapes that rank: which group or row has the most, the most common value, top N."""

from __future__ import annotations

import re

from ...analysis.plan import (
    AggFunc,
    Aggregate,
    Derive,
    GroupKey,
    Plan,
    SortKey,
)
from ..schema_index import ColumnMention, tokens
from . import lexicon
from .derived import is_rate
from .grounding import NAME, Frame, date_columns, names_people
from .measures import SCORE_TOKENS, counts_what_is_measured
from .pieces import (
    Candidate,
    _units_after,
    count_of,
    counted_noun,
    named_values,
    one_row_each,
    span,
    ungrounded,
)
from .targets import names_a_row, targets


def extreme_shape(f: Frame) -> list[Candidate]:
    """'which X has the highest M', 'which month had the most rows', 'who handled the most'."""
    superlative = f.superlative()
    common = f.word_positions(lexicon.COMMON_WORDS)
    if superlative is None:
        return []
    direction, at = superlative
    out: list[Candidate] = []
    found = f.aggregate_word()
    if found is not None and has_single(f) and f.in_a_full_name(found[1], minimum=0.6):
        found = None  # "the highest single total spend" with totalSpend: one booking's spend
    if found is not None and found[0] == "mean" and f.in_a_full_name(found[1], minimum=0.9):
        # "who won with the highest average speed" on an Average speed column: the column's
        # name, so one row's value (or a group's mean of it, offered beside), never only that
        found = None
    if found is not None and found[0] == "sum" and _of_one_row(f, at):
        # "the department of the sale with the largest net total": that sale's own total (a
        # row's), never the department whose totals add up highest
        found = None
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
            m
            for m in f.measures()
            if m.column not in target_columns
            and (m.start > min(used) or m.start == at)
            and not span(m) & (used - {at})  # "day" of "day of the week" is no days_supply
        ]  # after the target, or implied by the superlative itself ("the cheapest product")
        if any(at < m.start <= at + 3 for m in measures):
            # "the largest coffee producer" beside Production and Area: a measure named after
            # the superlative is the one meant, the size it implies alone yields to it
            measures = [m for m in measures if m.start != at]
        compound = next(
            (
                (a, b)
                for a in measures
                for b in measures
                if a.end == b.start and a.column != b.column and _said_by_name(f, a, b)
            ),
            None,
        )
        if compound is not None:
            # "the highest population density" beside Population and Density: a compound's
            # last noun is its head, the measure; the first only says what it is of
            modifier, head = compound
            measures = [head, *(m for m in measures if m not in (modifier, head))]
            base = base | span(modifier)
        if not measures and found is not None:
            # "for each genre compute the average rating. which genre comes out on top?": the
            # aggregate said first, the question about it after
            measures = [
                m
                for m in f.measures()
                if m.column not in target_columns and m.start == max(found[1]) + 1
            ]
        if (
            f.words[at] in lexicon.COUNT_SUPERLATIVES
            and measures
            and (
                _names_the_rows(f, measures[0])
                # "the most repairs" beside repair_hrs: repairs counted, never their hours
                or counts_what_is_measured(f.reading, measures[0])
            )
        ):
            measures = []  # "the most claims" on a table of claims counts them (not Claim Amount)
        if not measures:
            measures = _the_one_chart(f)  # "the highest charting single", one chart column
        options: list[tuple[Aggregate, set[int], float, str]] = []
        latest = []
        if found is None and not measures and not derives:
            latest = _latest_row(f, direction, at, base, keys[0].column, answer)
            out += latest
        if found is not None:
            func, cue = found
            for m in measures:
                options.append(
                    (Aggregate(func=func, column=m.column), cue | span(m), 0.0, "group_" + func)
                )
        elif measures and is_rate(measures[0].column):
            # "the lowest pass rate": a group's rate is the mean of its 0/100 column
            m = measures[0]
            options.append((Aggregate(func="mean", column=m.column), span(m), 0.0, "group_mean"))
        elif measures:
            m = measures[0]
            if f.words[at] in lexicon.COUNT_SUPERLATIVES and _of_one_row(f, at):
                # "the branch of the loan with the most renewals": that loan's row, by its
                # value, never the branch whose renewals add up highest
                func = "max" if direction == "max" else "min"
                words = span(m) | {at - 3, at - 2, at - 1}
                options.append((Aggregate(func=func, column=m.column), words, 0.0, "row_extreme"))
            elif f.words[at] in lexicon.COUNT_SUPERLATIVES and not _of_a_quality(f, at):
                if f.index.labels_the_rows(m.column):
                    # "which depot has the most lines" beside Line 1, Line 2 …: lines counted
                    options.append((Aggregate(func="count"), span(m), 0.0, "group_count"))
                options.append((Aggregate(func="sum", column=m.column), span(m), 0.0, "group_sum"))
                if not derives and f.recurs(keys[0].column):
                    # "which tournament had the most games": one edition's, or all of a
                    # name's editions together? asked back unless they agree
                    func = "max" if direction == "max" else "min"
                    options.append(
                        (Aggregate(func=func, column=m.column), span(m), 0.0, "row_extreme")
                    )
            else:
                # "the shortest player": every measure the superlative may imply (height,
                # minutes) competes, and the question is asked back unless they agree
                for same in [n for n in measures if n.start == m.start]:
                    func = _direction(f, direction, same.column)
                    placed = f.chart_words() if f.is_rank(same.column) else set()
                    options.append(
                        (
                            Aggregate(func=func, column=same.column),
                            span(same) | placed,
                            0.0,
                            "row_extreme",
                        )
                    )
                if derives and any(d.kind == "date_part" for d in derives):
                    # "which month had the highest revenue": the month's total, or the month
                    # of the one highest row? asked back unless they agree
                    options.append(
                        (Aggregate(func="sum", column=m.column), span(m), 0.0, "group_sum")
                    )
                column = keys[0].column
                if (
                    not derives
                    and f.repeats(column)
                    and not f.is_entity(column)
                    and not has_single(f)
                    and not names_a_row(f, at)
                    and not _of_one_row(f, at)  # "had the rental with the highest fee"
                    and f.few_values(column)
                ):  # a department's "highest salary": one person's, or the average? (not a SKU's)
                    options.append(
                        (Aggregate(func="mean", column=m.column), span(m), 0.0, "group_mean")
                    )
        elif not latest and _counts_rows(f, at) and not _one_row_each(f, at, keys, derives):
            # "the latest shipped_on" orders by the date, and "the youngest" by an age: only
            # "most", "fewest" or "the highest number of" count rows
            position, mention = counted_noun(f, at + 1)
            if mention is not None and mention.column in target_columns:
                mention = None
            if position is not None and position in used:
                position, mention = None, None  # "busiest month": the month is what is asked
            counted = count_of(f, position, mention)
            if counted is not None:
                agg, noun, penalty = counted
                times = set(f.word_positions(frozenset({"times", "often", "rows", "records"})))
                said = set(f.word_positions(lexicon.DISTINCT_WORDS))  # "different tournaments"
                counted_as = noun | times | (said if agg.func == "count_distinct" else set())
                options.append((agg, counted_as, penalty, "group_count"))
                if agg.func == "count_distinct" and agg.column and f.recurs(agg.column):
                    # "played the most tournaments": editions (rows) or different names?
                    options.append((Aggregate(func="count"), noun | times, penalty, "group_count"))
        for agg, more, penalty, shape in options:
            plan = Plan(
                operation="aggregate",
                filters=f.filters,
                derive=derives,
                aggregates=[agg],
                group_by=keys,
                sort=[
                    SortKey(
                        column=agg.output_name,
                        descending=agg.func == "max"
                        if shape == "row_extreme"
                        else direction == "max",
                    )
                ],
                limit=1,
                answer_column=answer,
            )
            out.append(Candidate(plan, base | more, shape, penalty))
    return out


def _said_by_name(f: Frame, *mentions: ColumnMention) -> bool:
    """Whether each mention is said by words of its column's own name ("population density"
    of Population and Density), never by a sense ("cost" of price_usd) or a form of another
    part of speech ("densely populated")."""
    return all(
        f.reading.norm[i] in f.index.column_tokens.get(m.column, [])
        for m in mentions
        for i in span(m)
    )


DATE_SUPERLATIVES = frozenset({"latest", "earliest", "newest", "oldest"})


def _latest_row(
    f: Frame, direction: lexicon.Direction, at: int, base: set[int], target: str, answer: str | None
) -> list[Candidate]:
    """ "the courier of the row with the latest shipped_on", "the most recent order": one row,
    by a date column named after the superlative."""
    word = f.words[at]
    recent = {at + 1} if f.words[at + 1 : at + 2] == ["recent"] else set()
    if word in lexicon.COUNT_SUPERLATIVES and not recent:
        return []  # "the most matches" counts rows, even where a match_date column exists
    named_by_date = word in DATE_SUPERLATIVES or bool(recent)
    dated = [
        m
        for m in f.dates()
        if m.start > at and m.column != target and (named_by_date or m.score >= 0.9)
    ]
    if dated:
        column, words = dated[0].column, span(dated[0])
    elif recent:  # "the most recent parcel": the table's one date column
        columns = [c for c in date_columns(f.index) if c != target]
        if len(columns) != 1:
            return []
        column, words = columns[0], set()
    elif word in ("oldest", "newest"):
        # "which bridge is the oldest" beside Opened (and no Age): the one column that dates
        # when each thing began; an Opened and a Built are two, and it is asked
        columns = [c for c in _dates_of_a_beginning(f) if c != target]
        if len(columns) != 1:
            return []
        column, words = columns[0], set()
        direction = "min" if word == "oldest" else "max"
    else:
        return []
    plan = Plan(
        operation="rows",
        filters=f.filters,
        sort=[SortKey(column=column, descending=direction == "max")],
        limit=1,
        answer_column=answer,
    )
    return [Candidate(plan, base | recent | words, "row_extreme")]


_BEGINNING_STEMS = frozenset(tokens(" ".join(sorted(lexicon.BEGINNING_WORDS))))


def _dates_of_a_beginning(f: Frame) -> list[str]:
    """Date columns, and whole-number columns of years, named by the event that began each
    row's thing ("Opened", "year_built", "Date of birth", "Founded")."""
    named = [c for c, name in f.index.column_tokens.items() if _BEGINNING_STEMS & set(name)]
    return [c for c in named if c in date_columns(f.index) or _years_since_1000(f, c)]


def _years_since_1000(f: Frame, column: str) -> bool:
    """Whole numbers that may all be years (a lighthouse first lit in 1787 is one)."""
    profile = f.index.profile.column(column)
    return (
        profile is not None
        and f.index.holds_whole_numbers(column)
        and isinstance(profile.min, int | float)
        and isinstance(profile.max, int | float)
        and 1000 <= profile.min <= profile.max <= 2100
    )


def _one_row_each(f: Frame, at: int, keys: list[GroupKey], derives: list[Derive]) -> bool:
    """Groups of one row each (a column of unique values): counting rows per group ties them
    all at 1, and "which has the most" would list every row; only "the most rows" itself
    asks for that."""
    if derives or len(keys) != 1 or keys[0].bucket is not None:
        return False
    if f.words[at + 1 : at + 2] in (["rows"], ["records"]):
        return False
    return one_row_each(f, keys[0].column)


def _the_one_chart(f: Frame) -> list[ColumnMention]:
    """The column of chart places a chart word means when the table has one ("charting" on
    a list of singles with one Peak column), read at the chart word."""
    words = sorted(f.chart_words())
    if not words:
        return []
    places = [
        c.name
        for c in f.index.profile.column_profiles
        if f.holds_places(c.name) and _names_a_chart(c.name, f.index.column_tokens.get(c.name, []))
    ]
    if len(places) != 1:
        return []
    return [ColumnMention(places[0], words[0], words[0] + 1, 0.6)]


_CHART_TOKENS = frozenset({"peak", "chart", "position", "pos", "billboard", "hot"})


def _names_a_chart(name: str, tokens: list[str]) -> bool:
    """A column of chart places by its name: "Peak", "Chart position", "US", "UK", "AUS"."""
    return bool(set(tokens) & _CHART_TOKENS) or (name.isupper() and 2 <= len(name) <= 4)


def _names_the_rows(f: Frame, measure: ColumnMention) -> bool:
    """ "claims" beside Claim ID and Claim Amount on a table of claims: a word of the measure's
    name that is the noun of the rows (the file's noun, or an identifier column's, read at
    least as strongly) counts rows; it does not name the amount."""
    if (
        measure.score >= 0.9
        and f.index.column_tokens.get(measure.column, [""])[-1] not in SCORE_TOKENS
    ):
        return False  # "the most points": the column's own name (ratings are never summed)
    words = span(measure)
    if all(f.reading.norm[i] in f.reading.subject for i in words):
        return True
    # (the text a derived measure is read from is no other noun: "8.9 million" cells,
    # each its own, under "Visitors (2023)")
    source = getattr(f.index, "derived", {}).get(measure.column)
    return any(
        m.start == measure.start
        and m.score >= measure.score
        and f.is_entity(m.column)
        and (source is None or m.column != source.column)
        for m in f.reading.columns
    )


def _of_one_row(f: Frame, at: int) -> bool:
    """ "the loan with the most renewals", "the bug with the most lines changed", "the
    crossing that earned the most": a noun of the rows (the file's noun, an identifier's,
    or one naming nothing here) right before "with the most" picks one row."""
    w = f.words
    if at >= 5 and w[at - 1] == "the" and w[at - 3] in ("that", "which") and w[at - 5] == "the":
        # "the crossing that earned the most": one crossing, by its own amount
        noun = at - 4
        if w[noun].endswith("s"):
            return False
    elif at >= 3 and w[at - 2 : at] == ["with", "the"]:
        noun = at - 3
    else:
        return False
    if f.reading.norm[noun] in f.reading.subject or ungrounded(f, noun):
        return True
    return any(
        m.start <= noun < m.end and f.is_entity(m.column) and not f.repeats(m.column)
        for m in f.reading.columns
    )


def _of_a_quality(f: Frame, at: int) -> bool:
    """ "the most expensive": "most" before an adjective of a measure is its superlative."""
    return f.words[at + 1 : at + 2] in (
        [w] for w in lexicon.MEASURE_ADJECTIVES | {"recent", "recently"}
    )  # "hired most recently" is the latest, never the most rows


def _counts_rows(f: Frame, at: int) -> bool:
    """ "the most", "the fewest", "the top competitor" (in a list of winners), "the highest
    number of": superlatives that can rank by rows; "the youngest" cannot."""
    after = f.words[at + 1 : at + 2]
    word = f.words[at]
    if _of_a_quality(f, at):
        return False
    return word in lexicon.COUNT_SUPERLATIVES or word == "top" or after in (["number"], ["count"])


def _direction(f: Frame, direction: lexicon.Direction, column: str) -> lexicon.Direction:
    """'the top ranking athlete' is rank 1: on a rank column the best is the smallest number."""
    found = f.superlative()
    if f.is_rank(column) and not (
        found is not None and f.words[found[1]] in lexicon.NUMBER_SUPERLATIVES
    ):
        return "min" if direction == "max" else "max"
    if found is not None and f.words[found[1]] in lexicon.PACE_SUPERLATIVES and _a_speed(column):
        return "min" if direction == "max" else "max"  # "the slowest record": the least speed
    dated = f.index.type_of(column) == "datetime" or f.holds_years(column)
    if found is not None and dated and f.words[found[1]] in _SINCE_THE_EARLIEST:
        # "the oldest last eruption" is the earliest year, "divided the longest" the earliest
        # "Divided since"; an age or a length column stays largest
        return _SINCE_THE_EARLIEST[f.words[found[1]]]
    return direction


def _a_speed(column: str) -> bool:
    """A column of speeds, by its name or unit ("Speed", "Top speed (km/h)", "wind_mph")."""
    words = set(re.findall(r"[a-z]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", column).lower()))
    return bool(words & {"speed", "velocity", "mph", "kmh", "knots", "kph"}) or "km/h" in column


_SINCE_THE_EARLIEST: dict[str, lexicon.Direction] = {
    "oldest": "min", "youngest": "max", "longest": "min", "shortest": "max",
}  # fmt: skip


def has_single(f: Frame) -> bool:
    return bool(f.word_positions(frozenset({"single", "individual"})))


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
        explained |= set(f.word_positions(frozenset({"which", "what"})))
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


def top_n_shape(f: Frame, n: int, direction: lexicon.Direction, words: set[int]) -> list[Candidate]:
    """'top 3 X by M', 'the 5 highest M values', 'top 2 sites by number of events'."""
    if f.words[:2] in (["how", "many"], ["how", "much"]):
        # "how many gold medals did the top 3 nations win": an amount, never their list
        return []
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
            if found is not None and found[0] in ("sum", "mean") and not f.in_a_full_name(found[1]):
                continue  # "the combined production of the top 3": a total, never their list
            for m in measures:
                answers: list[tuple[str, set[int]]] = [(m.column, set())]
                answers += [
                    (e.column, span(e))
                    for e in f.mentions(numeric=False)
                    if e.column not in f.filter_columns
                    and f.is_entity(e.column)
                    and e.start > m.start
                ]
                named = [a for a in answers[1:] if min(a[1]) == m.end]
                if named:  # "the 3 most expensive products": the products, not their prices
                    answers = named
                rows_noun = [
                    i
                    for i in range(m.start)
                    if f.reading.norm[i] in f.reading.subject and f.free(i)
                ]
                label = f.title_column()
                if rows_noun and label is not None and not named and label != m.column:
                    # "the top 3 lakes by volume" in lakes.csv: the lakes, by their names
                    answers = [(label, {rows_noun[-1]})]
                for answer, used in answers:
                    plan = Plan(
                        operation="rows",
                        filters=f.filters,
                        sort=[
                            SortKey(
                                column=m.column,
                                descending=_direction(f, direction, m.column) == "max",
                            )
                        ],
                        limit=n,
                        answer_column=answer,
                        answer="list",
                    )
                    explained_here = explained | span(m) | _units_after(f, m) | used
                    out.append(Candidate(plan, explained_here, "topn_values"))
            continue
        column = mention.column
        asked = f.cue("which", "what")
        if asked is not None and 0 <= mention.start - asked[1] <= 1:
            explained |= span(asked)  # "which platform ranks 2nd by …": the place's group
        if f.words[:1] in (["who"], ["whom"]) and any(
            names_people(f.words[i]) for i in span(mention)
        ):
            explained.add(0)  # "who are the top 3 agents by …": the agents, people
        superlative = f.superlative()
        if by is not None:
            explained |= span(by)
        elif superlative is not None and superlative[1] > mention.end:
            explained |= {superlative[1]}
        else:
            continue
        after = by[1] if by is not None else (superlative[1] + 1 if superlative else mention.end)
        options: list[tuple[Aggregate, set[int]]] = []
        counts = superlative is not None and f.words[superlative[1]] in lexicon.COUNT_SUPERLATIVES
        if measures and not (counts and _names_the_rows(f, measures[0])):
            # ("the fewest hires" in bouncy_castle_hires.csv counts hires, never HIRE_HOURS)
            m = measures[0]
            func = "mean" if is_rate(m.column) else found[0] if found else "sum"
            options.append(
                (Aggregate(func=func, column=m.column), span(m) | (found[1] if found else set()))
            )
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
            penalty = _unnamed_penalty(f, mention)
            out.append(Candidate(plan, explained | used, "topn_list", penalty))
    return out


def _unnamed_penalty(f: Frame, mention: ColumnMention) -> float:
    """ "top 3 students" where student_id and student_name both fit: a list of things is read
    by their names first (the id reading stays close enough to be offered)."""
    if f.index.column_tokens.get(mention.column, [""])[-1] == NAME:
        return 0.0
    named_too = any(
        m.start == mention.start and f.index.column_tokens.get(m.column, [""])[-1] == NAME
        for m in f.categories()
    )
    return 0.3 if named_too else 0.0


MORE_WORDS = frozenset({"more", "higher", "larger", "greater", "bigger", "longer"})
LESS_WORDS = frozenset({"less", "fewer", "lower", "smaller", "shorter"})


def choice_shape(f: Frame) -> list[Candidate]:
    """'which department has more staff, Sales or HR?': the one of the named values that wins."""
    if "or" not in f.words:
        return []
    choice = named_values(f)
    if choice is None:
        return []
    timed = _chosen_by_time(f, choice.column)
    if timed:
        return timed
    direction: lexicon.Direction | None = None
    at: int | None = None
    for i, word in enumerate(f.words):
        if not f.free(i):
            continue
        # "more", "most", and a comparative that names its measure ("taller", "heavier")
        if (
            word in MORE_WORDS
            or word in lexicon.MAX_WORDS
            or lexicon.measuring_comparative(word) == "max"
        ):
            direction, at = "max", i
            break
        if (
            word in LESS_WORDS
            or word in lexicon.MIN_WORDS
            or lexicon.measuring_comparative(word) == "min"
        ):
            direction, at = "min", i
            break
    if direction is None or at is None:
        return []
    column = choice.column
    if _asks_for_another_column(f, column):
        return []  # "which year had more laps, 1988 or 1985": a choice of years, not of laps
    explained = f.filter_positions | {at} | set(f.word_positions(frozenset({"or"})))
    explained |= set(f.word_positions(frozenset({"which", "who", "whom"})))
    explained |= {i for m in f.reading.columns_named(column) if m.score >= 0.6 for i in span(m)}
    found = f.aggregate_word()
    measures = [m for m in f.measures() if m.column != column]
    out: list[Candidate] = []
    candidates: list[tuple[Aggregate, set[int]]] = []
    if measures and found is None and lexicon.measuring_comparative(f.words[at]) is not None:
        # "which is higher, Makalu or Lhotse" with a peak on two rows: a height is no amount
        # to add up, it is the value of each; where a name's rows differ, its highest and
        # lowest disagree and the question is asked back
        m = measures[0]
        for func in ("max", "min"):
            candidates.append((Aggregate(func=func, column=m.column), span(m)))
    elif measures:
        m = measures[0]
        func = found[0] if found else "sum"
        candidates.append(
            (Aggregate(func=func, column=m.column), span(m) | (found[1] if found else set()))
        )
    elif not one_row_each(f, column):
        # "which is larger, Erie or Winnipeg", "which is more populous, Usedom or Sebatik" on
        # one row each: an unnamed measure, never their row counts (1 and 1, a tie every
        # time); "more" rows of a repeated value still count
        position, noun = counted_noun(f, at + 1)
        counted = count_of(f, position, noun)
        if counted is not None:
            candidates.append((counted[0], counted[1]))
    for agg, used in candidates:
        measure = agg.column or ""
        descending = (_direction(f, direction, measure) if measure else direction) == "max"
        plan = Plan(
            operation="aggregate",
            filters=f.filters,
            aggregates=[agg],
            group_by=[GroupKey(column=column)],
            sort=[SortKey(column=agg.output_name, descending=descending)],
            limit=1,
            answer_column=column,
        )
        out.append(Candidate(plan, explained | used, "choice"))
    return out


# words that pick the one of two that came first or last in time
_SOONER = frozenset({"first", "earliest", "earlier", "sooner", "older", "oldest"})
_LATER = frozenset({"last", "latest", "later", "newer", "newest", "recent", "recently"})


def _chosen_by_time(f: Frame, column: str) -> list[Candidate]:
    """ "which was completed first, Emosson or Gigerwald", "which opened later, A or B",
    "which is older, A or B": the named value whose date or year, in the column the verb
    names (or, for "older" and "newer", the one column that dates each thing's beginning),
    comes first or last."""
    for at, word in enumerate(f.words):
        if not f.free(at) or (word not in _SOONER and word not in _LATER):
            continue
        dated = [
            m
            for m in f.mentions(minimum=0.6)
            if m.column != column
            and (f.index.type_of(m.column) == "datetime" or _years_since_1000(f, m.column))
        ]
        named = {m.column: span(m) for m in dated}
        if not named and word in ("older", "oldest", "newer", "newest"):
            named = {c: set() for c in _dates_of_a_beginning(f) if c != column}
        if len(named) != 1:
            return []
        ((when, used),) = named.items()
        func: AggFunc = "min" if word in _SOONER else "max"
        aggregate = Aggregate(func=func, column=when)
        plan = Plan(
            operation="aggregate",
            filters=f.filters,
            aggregates=[aggregate],
            group_by=[GroupKey(column=column)],
            sort=[SortKey(column=aggregate.output_name, descending=func == "max")],
            limit=1,
            answer_column=column,
        )
        explained = f.filter_positions | {at} | used | set(f.word_positions(frozenset({"or"})))
        explained |= set(f.word_positions(frozenset({"which", "who", "what"})))
        return [Candidate(plan, explained, "choice")]
    return []


def _asks_for_another_column(f: Frame, column: str) -> bool:
    """ "Which <noun>" right at the start names what the answer is: a choice between values of
    any other column answers the wrong thing."""
    if f.words[:1] != ["which"]:
        return False
    asked = [m for m in f.reading.columns if m.start == 1 and m.score >= 0.9]
    return bool(asked) and all(m.column != column for m in asked)
