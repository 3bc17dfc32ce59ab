"""Pieces every shape uses: the Candidate record, group keys and date periods, the counted noun.

A shape (``shapes_*``) is built only from these and from the ``Frame``'s answers, so
the same rules serve every table; nothing here knows a particular column name.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import cast

from ...analysis.plan import (
    Aggregate,
    Bucket,
    ChartSpec,
    Condition,
    DatePart,
    Derive,
    Filter,
    FilterGroup,
    GroupKey,
    Plan,
)
from ..schema_index import ColumnMention, head_stem, shortens, singular, tokens
from . import lexicon
from .derived import is_flag
from .grounding import Frame
from .measures import counts_what_is_measured
from .options import FilterOption, is_skip
from .units import column_unit


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


def _and(conditions: list[Filter]) -> Filter | None:
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else FilterGroup(combine="and", items=conditions)


def _dump(item: Filter | None) -> object:
    return None if item is None else item.model_dump()


def named_values(f: Frame) -> FilterOption | None:
    """The one filter that names several values of one column ("Sales or HR", "AA and DL")."""
    found = [
        o
        for o in f.options
        if not is_skip(o)
        and isinstance(o.condition, Condition)
        and o.condition.op == "in"
        and isinstance(o.condition.value, list)
        and len(o.condition.value) >= 2
    ]
    return found[0] if len(found) == 1 else None


Grouping = tuple[list[GroupKey], list[Derive], set[int]]


def group_keys(f: Frame, exclude: set[str]) -> Grouping | None:
    """'by region', 'per month', 'for each store', and a second key after the first ('per
    building per month', 'by carrier and origin'): the group keys and the words they explain."""
    cue = f.group_cue()
    if cue is None:
        return _sides_compared(f, exclude)
    first = _group_at(f, cue, exclude)
    if first is None:
        return _sides_compared(f, exclude)
    keys, derives, used = first
    words = f.words
    end = max(used) + 1
    at = end + 1 if words[end : end + 1] == ["and"] else end
    if words[at : at + 1] in (["per"], ["by"]):
        second_cue = (at, at + 1)
    elif at > end:
        second_cue = (end, at)  # "by carrier and origin": "and" carries the cue on
    else:
        return first
    second = _group_at(f, second_cue, exclude | {k.column for k in keys})
    if second is None:
        return first
    return keys + second[0], derives + second[1], used | second[2] | set(range(end, at + 1))


_VERSUS = frozenset({"vs", "versus", "v"})


def _sides_compared(f: Frame, exclude: set[str]) -> Grouping | None:
    """ "average fee for late returns vs on-time returns", "Welshpool versus Builth Wells",
    "coal compared with wood": two values of one column set side by side, one group each
    (the filter keeps those two), never one figure of both together."""
    for at, word in enumerate(f.words):
        said = {at} if word in _VERSUS else set()
        if word == "compared" and f.words[at + 1 : at + 2] in (["with"], ["to"]):
            said = {at, at + 1}
        if not said:
            continue
        for option in f.options:
            condition = option.condition
            if (
                isinstance(condition, Condition)
                and condition.op == "in"
                and isinstance(condition.value, list)
                and len(condition.value) == 2
                and condition.column not in exclude
                and min(option.positions) < at < max(option.positions)
            ):
                return [GroupKey(column=condition.column)], [], said
    return None


def _group_at(f: Frame, cue: tuple[int, int], exclude: set[str]) -> Grouping | None:
    """The one group key named right after ``cue``."""
    after = cue[1]
    if after < len(f.words) and f.words[after] in ("all", "every", "everything"):
        return None  # "across all warehouses" is a total, not a group
    if any(m.start <= cue[0] and m.end > cue[1] and m.score >= 0.6 for m in f.reading.columns):
        # "the median hours per week" with an "Hours Per Week" column: its name (but "yield
        # per season" with Yield_t_per_ha groups: the name stops at "per")
        return None
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
    if f.filter_positions & set(range(cue[1], mention.start)):
        # "requested by Arts applicants": a value between "by" and the noun makes it who did
        # it (the applicants in Arts), not a grouping by applicant
        return None
    if all(f.reading.norm[i] in f.reading.subject for i in range(mention.start, mention.end)) and (
        f.words[cue[0]] == "across" or not f.repeats(mention.column)
    ):
        # "across visits" in a table of visits: every row, not a grouping; "per sensor" with
        # many rows a sensor groups by it
        return None
    if f.index.is_numeric(mention.column) and f.index.type_of(mention.column) == "number":
        return None
    if f.words[cue[0]] == "per" and _an_amount(f, mention.column):
        return None  # "order value per unit picked": a rate over an amount, not one group each
    if f.index.type_of(mention.column) == "datetime" and not _names_a_date(f, mention):
        # "average cost per service" with a Service Date column: per service, not per day
        return None
    return [GroupKey(column=mention.column)], [], span(cue) | span(mention)


def _an_amount(f: Frame, column: str) -> bool:
    """Whole numbers that are amounts (quantities picked, pages, minutes): many different
    values, or a count of things by its plural name (CONTAINERS, Bedrooms), neither years
    nor an identifier. "Duty per container" divides by the containers; grouping by each
    amount is never what "per" asks."""
    profile = f.index.profile.column(column)
    return (
        profile is not None
        and f.index.is_numeric(column)
        and (
            (profile.distinct or 0) > _FEW_AMOUNTS
            or f.holds_counts(column)
            or column_unit(column) is not None  # "per hire day" beside hireDays: in days
        )
        and not f.holds_years(column)
        and not f.index.is_identifier(column)
    )


_FEW_AMOUNTS = 20  # floors, stars: few enough that "per" may group by each
_DATE_WORDS = frozenset({"date", "day", "time", "datetime", "timestamp", "dated"})


def _names_a_date(f: Frame, mention: ColumnMention) -> bool:
    """Whether the words of a date column's mention say it is a date ("per service date")."""
    return any(f.words[i] in _DATE_WORDS for i in span(mention))


def one_row_each(f: Frame, column: str) -> bool:
    """A column whose every value is on one row (an order id in a table of orders)."""
    profile = f.index.profile.column(column)
    return (
        profile is not None
        and profile.nulls == 0
        and profile.distinct >= f.index.profile.rows
        and not profile.approximate
    )


def per_row(grouping: Grouping | None, func: str, f: Frame) -> Grouping | None:
    """ "average units per order" with one row per OrderID: the mean, median, least or most
    over groups of one row each is the same over rows, so no groups are made (a total per
    order stays a table of orders; "by name" asks for the breakdown itself)."""
    if grouping is None or func not in ("mean", "median", "min", "max"):
        return grouping
    keys, derives, used = grouping
    cue = f.group_cue()
    if (
        cue is not None
        and f.words[cue[0]] == "by"
        and not (cue[0] and lexicon.is_past_verb(f.words[cue[0] - 1]))  # "won by", an agent
        and f.words[cue[1] : cue[1] + 1] not in (["a"], ["an"], ["one"], ["any"], ["each"])
    ):
        return grouping  # "average sails by name": a breakdown asked for, one row each
    if (
        len(keys) == 1
        and not derives
        and keys[0].bucket is None
        and one_row_each(f, keys[0].column)
    ):
        return [], [], used
    return grouping


def _spans_years(f: Frame, column: str) -> bool:
    """Whether a date column's months repeat unevenly (July 2023 to November 2024: two Julys,
    one May), and no filter of the question keeps one part of it. Calendar months added up
    over such a span compare unlike amounts of time; over whole years they are a season."""
    if column in f.filter_columns or ("month", "name") in itertools.pairwise(f.words):
        return False  # ("month name please": the calendar month is asked for)
    profile = f.index.profile.column(column)
    if profile is None or profile.min is None or profile.max is None:
        return False
    first, last = str(profile.min), str(profile.max)
    if not (first[:4].isdigit() and last[:4].isdigit() and first[5:7].isdigit()):
        return False
    months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1
    return months > 12 and months % 12 != 0


def _dates_only(f: Frame, column: str) -> bool:
    """Whether a date column writes no time of day: its range and sampled cells all fall at
    midnight, so an hour of it is one bucket that tells nothing."""
    profile = f.index.profile.column(column)
    if profile is None:
        return False
    cells = [str(c) for c in (profile.min, profile.max, *profile.examples) if c is not None]
    return bool(cells) and all(c.endswith("00:00:00") or len(c) <= 10 for c in cells)


def period_key(
    f: Frame, period: str, position: int, *, grouping: bool = False
) -> tuple[list[GroupKey], list[Derive], set[int]] | None:
    """A date period as a group: calendar parts by name ("which month"), buckets for dates."""
    dates = f.dates() or [
        # "which month had the most signups in 2024": the date named, though its words went
        # to the year's filter on it
        m
        for m in f.reading.columns
        if m.column in f.filter_columns and f.index.type_of(m.column) == "datetime"
    ]
    columns = [m.column for m in dates] or [
        c.name for c in f.index.profile.column_profiles if c.type == "datetime"
    ]
    if (
        period == "year"
        and not columns
        and f.words[position - 1 : position] in (["which"], ["what"])
    ):
        # "in which year" on a table of whole-number years ("Season", "Year", "Edition" of
        # 1991, 1992 …): the one such column
        years = [c for c in f.reader.year_columns() if c in f.index.column_tokens]
        if len(years) == 1:
            return [GroupKey(column=years[0])], [], {position}
    if len(columns) != 1 and not dates:
        return None
    column = columns[0]
    used = {position} | (span(dates[0]) if dates else set())
    if period == "hour" and _dates_only(f, column):
        return None  # "charge per hour" over booking dates: every row's hour is midnight
    if period in ("month", "quarter") and not grouping and _spans_years(f, column):
        # "which month had the most parcels" over July 2023 to November 2024: one month of
        # one year, never a calendar month that adds two Julys against one May (and a
        # quarter of one year, never three first quarters against two third ones)
        bucket_of: Bucket = "quarter" if period == "quarter" else "month"
        return [GroupKey(column=column, bucket=bucket_of)], [], used
    if period in ("month", "weekday") and (not grouping or period == "weekday"):
        part: DatePart = "month_name" if period == "month" else "weekday_name"
        name = "month" if period == "month" else "weekday"
        derive = Derive(name=name, kind="date_part", column=column, part=part)
        return [GroupKey(column=name)], [derive], used
    if period in ("year", "hour", "quarter"):
        calendar = cast(DatePart, period)  # one of the three, checked just above
        derive = Derive(name=period, kind="date_part", column=column, part=calendar)
        return [GroupKey(column=period)], [derive], used
    buckets: dict[str, Bucket] = {"day": "day", "week": "week", "month": "month"}
    bucket = buckets.get(period)
    if bucket is None:
        return None
    if period in f.index.column_tokens.get(column, []):
        # "week_start" already holds one date a week: "which week" is one of its values
        return [GroupKey(column=column)], [], used
    return [GroupKey(column=column, bucket=bucket)], [], used


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
    return plan.model_copy(update={"chart": ChartSpec(kind=kind), "answer_column": None})


def counted_noun(f: Frame, after: int) -> tuple[int | None, ColumnMention | None]:
    """The noun a count counts: the first content word after the cue, and its column if any."""
    if f.words[after : after + 1] == ["of"] and f.words[after + 1 : after + 2] in (
        ["them"],
        ["these"],
        ["those"],
    ):
        return None, None  # "how many of them hold more than …": the rows themselves
    position = after
    seen_filter = False
    starts = {m.start for m in f.mentions() if m.end - m.start > 1}  # "work orders": Work Order
    while (
        position < len(f.words)
        and position not in starts
        and (
            f.words[position] in lexicon.FILLER
            or f.words[position] in lexicon.DISTINCT_WORDS
            or position in f.filter_positions
        )
    ):
        if position in f.filter_positions:
            seen_filter = True
        elif seen_filter and f.words[position] in lexicon.FILLER:
            return None, None  # "how many … has brazil been in first": the noun is gone
        elif f.words[position] in ("per", "by", "each"):
            return None, None  # "number of rows per region": the rows, counted per region
        position += 1
    if position >= len(f.words) or not f.free(position):
        return None, None
    mention = next((m for m in f.mentions() if m.start == position), None)
    head = position + 1
    if mention is None and _names_which(f, position):
        return None, None  # "how many purple rye batches": "purple" says which, unplaced
    if (
        mention is not None
        and mention.end == head
        and head < len(f.words)
        and f.free(head)
        and f.reading.norm[head] in f.reading.subject
        and not all(f.reading.norm[i] in f.reading.subject for i in span(mention))
        # "how many gold medals": Gold counts them, a measure, never a modifier; "how many
        # stone circles" beside Stones: a singular before the rows' noun only says which
        # kind of row ("stones" would be the column)
        and (
            not f.index.is_numeric(mention.column)
            or f.index.is_identifier(mention.column)
            or f.a_kind_of_row(mention)
        )
    ):
        # "how many meter readings" in meter_readings.csv: the readings, one a row; "meter"
        # (METER_ID) only says whose
        return head, next((m for m in f.mentions() if m.start == head), None)
    named_next = next(
        (
            m
            for m in f.mentions()
            if m.start == head and m.score >= 0.9 and mention and m.column != mention.column
        ),
        None,
    )
    if (
        mention is not None
        and mention.end == head
        and named_next is not None
        and f.free(head)
        and not f.index.is_numeric(named_next.column)
        and not lexicon.is_past_verb(f.words[head])
    ):
        # "how many different university types": the last noun is the head (Type); the
        # first says whose types ("how many sieges ended in …": a verb, End is no head)
        return head, named_next
    if (
        mention is not None
        and mention.end == head
        and mention.score < 0.9
        and not f.index.is_numeric(mention.column)
        and not f.is_entity(mention.column)
        and head < len(f.words)
        and f.free(head)
        and f.words[head].isalpha()
        and f.words[head] not in lexicon.FILLER
        and (f.words[head].endswith("s") or f.reading.norm[head] in f.reading.subject)
    ):
        # "how many abnormal results": the noun is "results"; "abnormal", a word of a code
        # column's name (ABNORMAL_FLAG), picks which, and is never the thing counted
        return head, next((m for m in f.mentions() if m.start == head), None)
    return position, mention


def _names_which(f: Frame, position: int) -> bool:
    """An unplaced word before a named value and the rows' noun ("purple" in "purple rye
    batches"): an adjective of the rows, never the thing counted."""
    after = position + 1
    while after < len(f.words) and after in f.filter_positions:
        after += 1
    if after == position + 1:
        return False
    word = f.words[position]
    if after >= len(f.words) or f.words[after] in lexicon.AUXILIARIES:
        # "how many deluxe books were borrowed": the value is the thing counted, and the word
        # before it a kind of it the table does not record (a verb, "sold Widgets", says how)
        return not (lexicon.is_past_verb(word) or word.endswith("ing"))
    return f.reading.norm[after] in f.reading.subject or any(m.start == after for m in f.mentions())


def said_as_a_verb(f: Frame, mention: ColumnMention) -> bool:
    """ "was published", "were directed": a column of agents (Publisher, Directed by) named
    by the verb of their deed after an auxiliary; what is asked about is the thing done."""
    word = f.words[mention.start]
    return (
        mention.start > 0
        and mention.end - mention.start == 1
        and f.words[mention.start - 1] in lexicon.AUXILIARIES
        and word.endswith("ed")
        and mention.score < 1.0
    )


def ungrounded(f: Frame, position: int | None) -> bool:
    """A word that names nothing on this table and is no cue: possibly the table's subject."""
    if position is None:
        return False
    word = f.words[position]
    if position in f.reading.numbers or any(
        m.start <= position < m.end for m in f.reading.columns if m.score >= 0.6
    ):
        return False
    if any(v.start <= position < v.end for v in f.reading.values + f.reading.partial_values):
        return False
    if not word.isalpha() or lexicon.is_cue(word) or position in f.reading.people:
        return False
    if word in lexicon.MEASURE_WORDS or word in lexicon.SCORED_NOUNS:
        return False  # "the most money", "points": amounts the table may not hold, never rows
    if position in f.reading.negated:
        return False  # "ineligible dogs": the no of an Eligible column, never the rows' noun
    if position and f.words[position - 1] in lexicon.AUXILIARIES and lexicon.is_past_verb(word):
        return False  # "how many were reopened": what happened to them, never their noun
    if f.prizes_counted_in_columns(position):
        return False  # "how many medals" beside Gold … Total columns: what they count
    stem = f.reading.norm[position]
    if any(
        stem in tokens and f.index.type_of(column) != "datetime"
        for column, tokens in f.index.column_tokens.items()
    ):
        # "counties" beside a "Counties Represented" column names that column; "restocks"
        # beside a "Last Restock" date still counts the rows (one restock each)
        return False
    # "home games": a modifier we cannot place stands before the noun; not a plain subject.
    # A verb may follow the noun, though: "how many people competed", "racers finished".
    following = f.words[position + 1] if position + 1 < len(f.words) else None
    if following in ("rows", "records", "entries", "lines"):
        return False  # "how many world records": which records, never the rows' own noun
    return (
        following is None
        or following in lexicon.FILLER
        or not f.free(position + 1)
        or lexicon.is_past_verb(following)  # "which game sold the least"
    )


def subject_words(f: Frame, after: int) -> set[int]:
    """The noun that names what rows are ("any employees", "any movies"): unplaced, or a text
    column's noun (the things the rows describe), never a measure."""
    position, mention = counted_noun(f, after)
    if mention is not None:
        if not f.index.is_numeric(mention.column) or f.index.is_identifier(mention.column):
            return span(mention)
        return set()
    return {position} if position is not None and ungrounded(f, position) else set()


def names_its_head(f: Frame, mention: ColumnMention) -> bool:
    """Whether the words of ``mention`` say the noun its column's name is about ("sites" of
    "Launch site", "customers" of customer_id), or the name has no other word to go by."""
    head = head_stem(mention.column)
    if head is None or len(tokens(mention.column)) < 2:
        return True
    return any(
        f.reading.norm[i] == head
        or singular(f.words[i]) == head
        or shortens(head, f.words[i])  # "technicians" of tech_nm
        for i in span(mention)
    )


def count_of(
    f: Frame, position: int | None, mention: ColumnMention | None
) -> tuple[Aggregate, set[int], float] | None:
    """What 'the most X' / 'how many X' counts: rows, or distinct entities of an id column."""
    if position is not None and f.words[position] in lexicon.MONEY_NOUNS:
        return None  # "by revenue" is money, never the number of sales its synonym names
    if position is not None and f.prizes_counted_in_columns(position):
        return None  # "how many medals" on a medal table: its Gold … Total columns count them
    if position is not None and f.reading.norm[position] in f.reading.subject:
        return Aggregate(func="count"), span(mention) if mention else {position}, 0.0
    if (
        mention is not None
        and f.index.is_numeric(mention.column)
        and (
            f.is_entity(mention.column)
            or (
                f.words[max(0, mention.start - 2) : mention.start]
                in (["number", "of"], ["count", "of"])
                and not f.holds_counts(mention.column)
                and not f.counts_in_a_scale(mention)
            )
        )
    ):
        return Aggregate(func="count"), span(mention), 0.1  # "most visits" (a visit number)
    if (
        mention is not None
        and f.index.is_numeric(mention.column)
        and counts_what_is_measured(f.reading, mention)
    ):
        return Aggregate(func="count"), span(mention), 0.0  # "most repairs" (repair_hrs)
    if (
        mention is not None
        and f.index.type_of(mention.column) == "datetime"
        and f.words[mention.start].endswith("ed")
    ):
        return None  # "how many expired products": a state of a date, not the rows' noun
    if (
        mention is not None
        and is_flag(f.index, mention.column)
        and mention.column not in f.filter_columns
    ):
        return None  # "the most readmissions" counts the flag's yes rows: its filter is needed
    if (
        mention is not None
        and not f.index.is_numeric(mention.column)
        and f.index.holds_amounts(mention.column)
        and not f.index.is_identifier(mention.column)
    ):
        return None  # "how many copies were sold" beside "1.2 million": an amount, uncounted
    if (mention is not None and not f.index.is_numeric(mention.column)) or (
        mention is not None and f.index.is_identifier(mention.column)
    ):
        assert mention is not None
        if not names_its_head(f, mention):
            if f.words[mention.start - 1 : mention.start] == ["most"] and _a_mass_noun(
                f.words[mention.start]
            ):
                return None  # "the most fuel" beside "Fuel Type": an amount, never rows
            # "the most launches" beside "Launch site": the launches (rows), never the sites
            return Aggregate(func="count"), span(mention), 0.1
        if f.is_entity(mention.column) and f.repeats(mention.column):
            return Aggregate(func="count_distinct", column=mention.column), span(mention), 0.0
        return Aggregate(func="count"), span(mention), 0.2
    if (
        mention is None
        and position is not None
        and f.words[position - 1 : position] == ["most"]
        and _a_mass_noun(f.words[position])
    ):
        return None  # "which zone used the most water": an amount no column is named for
    if (
        mention is None
        and position is not None
        and f.words[position] in lexicon.RESULT_NOUNS
        and f.reading.norm[position] not in f.reading.subject
    ):
        return None  # "the most finishers": the ones who finished, never every entry
    if mention is None and (position is None or ungrounded(f, position)):
        return Aggregate(func="count"), ({position} if position is not None else set()), 0.1
    return None


def _a_mass_noun(word: str) -> bool:
    """A singular noun after "the most" ("water", "money", "rain"): an amount, never rows,
    which a plural ("the most orders", "the most wins") or a person's noun may count."""
    return word.isalpha() and not word.endswith("s") and word not in lexicon.UNMARKED_PLURALS


# -- shapes ----------------------------------------------------------------------------------


def _units_after(f: Frame, m: ColumnMention) -> set[int]:
    from .thresholds import UNIT_WORDS

    out = set()
    for i in range(m.end, min(len(f.words), m.end + 3)):
        if f.words[i] in UNIT_WORDS or f.words[i] in ("in", "°c", "°f"):
            out.add(i)
        else:
            break
    return out if any(f.words[i] in UNIT_WORDS for i in out) else set()
