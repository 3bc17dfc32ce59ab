"""Shapes that count: rows, distinct values, lists of values, missing values, percentages."""

from __future__ import annotations

import re

from ...analysis.plan import (
    Aggregate,
    Condition,
    Filter,
    FilterGroup,
    Plan,
)
from ..schema_index import ColumnMention, header_words, is_plural, singular, tokens
from . import lexicon
from .derived import is_flag
from .grounding import NAME, Frame, names_people
from .measures import counts_what_is_measured
from .options import FilterOption, is_skip
from .pieces import (
    Candidate,
    _and,
    _dump,
    _supported,
    counted_noun,
    group_keys,
    names_its_head,
    one_row_each,
    said_as_a_verb,
    span,
    ungrounded,
    with_chart,
)
from .targets import compound_head, only_what_it_is_of, targets
from .units import column_unit, is_unit, scale_named, unit_of


def _keeps_tallies(f: Frame) -> bool:
    """Whether whole-number columns tally results (Won, Lost, Drawn, Goals, Points), so that
    a row is a match or a season and its games are counted in them."""
    return any(
        set(f.index.column_tokens.get(c, [])) & _TALLY_TOKENS and f.index.holds_whole_numbers(c)
        for c in f.index.column_tokens
    )


_TALLY_TOKENS = frozenset(singular(w) for w in lexicon.TALLY_NAMES)


def count_shape(f: Frame) -> list[Candidate]:
    cue = f.cue(*lexicon.COUNT_PHRASES)
    if cue is None or any(
        f.words[i + 1 : i + 2] != ["into"] for i in f.word_positions(lexicon.MISSING_WORDS)
    ):
        return []
    out: list[Candidate] = []
    distinct = [i for i in f.word_positions(lexicon.DISTINCT_WORDS) if i >= cue[1]]
    position, mention = counted_noun(f, cue[1])
    if mention is not None and not f.index.is_numeric(mention.column):
        # "how many visitors" beside "8.9 million": the numbers read from those cells
        mention = _read_as_numbers(f, mention)
    if f.words[cue[1] : cue[1] + 1] == ["times"] and not distinct:
        # "how many times has Kestria hosted": occasions, one a row; never the distinct
        # values of a column a later word names ("hosted" ~ Host city)
        position, mention = cue[1], None
    base = span(cue) | set(distinct) | f.filter_positions
    grouping = group_keys(f, {mention.column} if mention else set())
    keys, derives, group_used = grouping if grouping else ([], [], set())

    def make(agg: Aggregate, used: set[int], penalty: float, shape: str) -> None:
        explained = base | used | group_used
        if agg.func in ("count", "count_distinct", "sum"):
            explained |= _in_total(f)  # "how many trees in total": rows, or the quantities
        plan = Plan(
            operation="aggregate",
            filters=f.filters,
            derive=derives,
            aggregates=[agg],
            group_by=keys,
        )
        out.append(Candidate(with_chart(f, plan, explained), explained, shape, penalty))

    # "how many games were drawn against X", "the total number of drawn games" on a table of
    # matches, each with a Drawn tally: the games are the tally's, summed (a Result of
    # "Drawn" counts matches)
    games, tallies = (
        position,
        [m for m in f.measures() if position is not None and m.start > position],
    )
    if mention is not None and f.words[mention.end : mention.end + 1] in (
        [w] for w in lexicon.TALLIED_NOUNS
    ):
        games, tallies = mention.end, [mention]
    if (
        games is not None
        and f.words[games] in lexicon.TALLIED_NOUNS
        and f.reading.norm[games] not in f.reading.subject
    ):
        for m in tallies:
            if m.score >= 1.0 and f.index.holds_whole_numbers(m.column):
                make(Aggregate(func="sum", column=m.column), {games} | span(m), 0.0, "count_sum")
    for m, said in _amount_in_its_unit(f, cue[1]):
        # "how many km of pistes does Zermatt have" beside "Pistes (km)": its amount
        make(Aggregate(func="sum", column=m.column), span(m) | said, 0.0, "count_sum")
    for m in _counted_by_its_verb(f, cue[1]):
        # "How many Saab aircraft were built?" beside "Number built": that count, summed
        counted = {position} if position is not None and position < m.start else set()
        if f.words[m.end : m.end + 1] == ["in"] and f.words[m.end + 1 : m.end + 2] in (
            [w] for w in TOTAL_WORDS
        ):
            counted |= {m.end, m.end + 1}  # "built in total": the count's own total
        make(Aggregate(func="sum", column=m.column), span(m) | counted, 0.0, "count_sum")
    if (
        mention is not None
        and not distinct
        and all(f.reading.norm[i] in f.reading.subject for i in span(mention))
        and not f.prizes_counted_in_columns(mention.start)
    ):
        # "how many flights" in flights.csv: the file's own noun counts its rows.
        make(Aggregate(func="count"), span(mention), 0.0, "count_rows")
        if (
            mention.score >= 1.0
            and f.index.is_numeric(mention.column)
            and not f.index.is_identifier(mention.column)
            and f.index.holds_whole_numbers(mention.column)
            and not f.holds_years(mention.column)  # (a Season of years adds up to nothing)
        ):
            # "how many caps does Rui Patrício have" in portugal_caps.csv beside a Caps
            # column: his caps (the column's total) or his rows? asked unless they agree
            make(Aggregate(func="sum", column=mention.column), span(mention), 0.0, "count_sum")
        return out
    if (
        mention is not None
        and not f.index.is_numeric(mention.column)
        and f.index.holds_amounts(mention.column)
        and mention.column not in f.index.year_texts
        and not distinct
    ):
        # "how many orbits did Gemini 4 complete" on Orbits of "62", "10 (lunar)", "how many
        # copies were sold" beside "1.2 million": its amount, never a count of its values (1)
        return out
    if (
        mention is not None
        and mention.score >= 0.6
        and not f.index.is_numeric(mention.column)
        and mention.column not in f.index.year_texts
        and not _written_codes(f, mention.column)  # (model numbers "8525-001" name things)
        and not distinct
        and _mostly_written_numbers(f, mention.column)
    ):
        # "how many deaths did the Ebola epidemic cause" on Deaths (est.) of "11,323" and
        # "5–10 million": an amount, however written, never a count of rows (1)
        return out
    if mention is not None and mention.column not in f.filter_columns:
        column = mention.column
        numeric = f.index.is_numeric(column) and not f.index.is_identifier(column)
        records = f.words[mention.end : mention.end + 1] in (["records"], ["rows"], ["entries"])
        entity = f.is_entity(column)
        if numeric and not records and (distinct if entity else f.holds_years(column)):
            # "how many different huts were rented" beside hut_number: the huts, never rows;
            # "how many seasons": the years there are, never their sum
            make(
                Aggregate(func="count_distinct", column=column),
                span(mention),
                0.0,
                "distinct_count",
            )
            return out
        if numeric and (records or entity):
            # "how many grade records", "how many visits" (a visit number): rows, not a sum
            make(Aggregate(func="count"), span(mention), 0.5, "count_rows")
            return out
        if numeric and not distinct and counts_what_is_measured(f.reading, mention):
            # "how many repairs did Bo do" beside repair_hrs: his repairs, never their hours
            make(Aggregate(func="count"), span(mention), 0.0, "count_rows")
            return out
        if numeric and not distinct:
            if (
                f.words[cue[0]] == "how"
                and not _measures_something_else(f, mention)
                and f.names_the_amount(mention)
            ):
                # "games" of Games won and Games drawn: each, and asked back unless they agree
                alike = [
                    m.column
                    for m in f.mentions(numeric=True)
                    if (m.start, m.end, m.score) == (mention.start, mention.end, mention.score)
                ]
                for each in dict.fromkeys([column, *alike]):
                    if not _measured_in_a_unit(f, each, f.words[mention.start]):
                        make(Aggregate(func="sum", column=each), span(mention), 0.3, "count_sum")
            return out
        kinds = _a_few_kinds(f, mention)
        full = mention.score >= 0.85 or (f.is_entity(column) and not kinds)
        # "unique authors" with author_id and author_name: an id tells things apart (two
        # authors may share a name), so the id reading comes first and the name one is offered.
        same_place = [mention] + [
            other
            for other in f.mentions(numeric=False)
            if other.start == mention.start and other.column != column and f.is_entity(other.column)
        ]
        if is_flag(f.index, column) and not distinct:
            return out  # "how many discontinued rows": a filter (flags.py), not what is counted
        if f.index.type_of(column) == "datetime" and f.words[mention.start].endswith("ed"):
            return out  # "how many expired products": a state of a date, not what is counted
        same_place = [
            named
            for named in same_place
            if (distinct or not _only_of_the_name(f, named))  # "finals" of "Opponent in the final"
            and not _counted_in_brackets(f, named)
        ]
        for named in same_place:
            if named.column in f.index.year_ranges and f.words[named.start] in _SPANS_OF_TIME:
                # "how many years did the Settebello run" on "1953–1984": the span's length,
                # never how many different periods its rows write
                continue
            make(
                Aggregate(func="count_distinct", column=named.column),
                span(named),
                (0.0 if full or distinct else 0.3 if kinds else 0.6)
                + _name_penalty(f, named.column, same_place),
                "distinct_count",
            )
        if not distinct:
            # "how many competitions" where most rows name their own: rows or distinct names?
            # ("how many races did she win" where each race is held every year: editions or
            # names, asked unless they agree)
            rows_penalty = (
                0.0
                if _mostly_distinct(f, column)
                or f.recurs(column)
                or _dated_editions(f, column)
                or _part_of_the_file_noun(f, mention)
                else (1.0 if full else 0.2)
            )
            rows_penalty = 0.3 if kinds else rows_penalty  # tests done, or kinds of test?
            make(Aggregate(func="count"), span(mention), rows_penalty, "count_rows")
        return out
    if distinct:
        return out
    subject = {position} if position is not None and ungrounded(f, position) else set()
    if position is not None and f.words[position] in lexicon.RESULT_NOUNS:
        subject = set()  # "how many finishers": those who finished, never every row
    if (
        position is not None
        and subject
        and f.words[position] in lexicon.TALLIED_NOUNS
        and f.reading.norm[position] not in f.reading.subject
        and _keeps_tallies(f)
    ):
        # "how many games did he win" on a table of matches with Won/Lost/Drawn tallies:
        # games are what the tallies count, never the matches (rows) with a result
        return out
    make(Aggregate(func="count"), subject, 0.0, "count_rows")
    # "how many records", "number of inventory records": rows, said in so many words
    said_rows = bool({"rows", "records", "entries", "lines"} & set(f.words[cue[1] : cue[1] + 2]))
    # "how many ladders were loaned" where Ladder is a kind of tool: loans, or ladders lent
    # ("how many lockout jobs": the value says which jobs, and the jobs are counted)
    kind = position is None and any(
        v.start == cue[1] and not f.index.is_numeric(v.column) and v.end not in f.filter_positions
        for v in f.reading.values
        if cue[1] in f.filter_positions
    )
    # the rows' own noun: the file's ("loans" in tool_loans.csv) or its id's (job_no's "jobs")
    own = position is not None and (
        f.reading.norm[position] in f.reading.subject
        or any(
            f.reading.norm[position] in names and f.is_entity(column)
            for column, names in f.index.column_tokens.items()
        )
    )
    if ((subject and not own) or kind) and not said_rows:
        # "how many vessels" on a table with a Quantity column: rows, or the quantities summed.
        for column in f.quantity_columns():
            make(Aggregate(func="sum", column=column), subject, 0.0, "count_sum")
    return out


def _read_as_numbers(f: Frame, mention: ColumnMention) -> ColumnMention:
    """The derived column of the numbers a text column's cells write, said by the same words,
    in place of the text itself, when the reading made one."""
    derived = getattr(f.index, "derived", {})
    return next(
        (
            m
            for m in f.mentions(numeric=True)
            if (m.start, m.end) == (mention.start, mention.end)
            and m.column in derived
            and derived[m.column].column == mention.column
        ),
        mention,
    )


def _measured_in_a_unit(f: Frame, column: str, said: str) -> bool:
    """A number read from cells that give a unit ("253.5 m", "1,218 MW"): a measurement,
    never a count of things ("how many hill records" is no sum of 253.5 m and 149.0 m).
    A count in a scale ("8.9 million" visitors, or 8.9 under "Visitors (2023)" when the
    question says the header's own plural) is counted, in that scale."""
    source = getattr(f.index, "derived", {}).get(column)
    if source is not None:
        unit = f.index.number_texts.get(source.column or "", "")
        return bool(unit) and scale_named(unit) is None
    # (the loader reads "253.5 m" as 253.5: a column of fractions is measured, not counted)
    if not f.index.is_numeric(column) or f.index.holds_whole_numbers(column):
        return False
    return not (is_plural(said) and said in header_words(column))


_SPANS_OF_TIME = frozenset({"year", "years", "season", "seasons", "decade", "decades"})


def _name_penalty(f: Frame, column: str, same_place: list[ColumnMention]) -> float:
    """Counting things by their name when an id column names them too weighs a little more."""
    if len(same_place) < 2:
        return 0.0
    return 0.3 if f.index.column_tokens.get(column, [""])[-1] == NAME else 0.0


def _a_few_kinds(f: Frame, mention: ColumnMention) -> bool:
    """ "how many tests" with a testName column of 5 names over 3,000 rows: the name's
    first word names the rows (tests done) as well as the kinds of them; neither reading
    wins by the name alone."""
    profile = f.index.profile.column(mention.column)
    rows = f.index.profile.rows
    name = f.index.column_tokens.get(mention.column, [""])
    said_whole = any(f.reading.norm[i] == name[-1] for i in span(mention))
    return (
        profile is not None
        and name[-1] == NAME  # a meter_id names meters; a testName, kinds of test
        and not said_whole
        and not any(names_people(f.words[i]) for i in span(mention))
        and rows >= 100
        and profile.distinct <= 0.02 * rows
    )


def _mostly_distinct(f: Frame, column: str) -> bool:
    """A text column whose values mostly differ from row to row (but repeat some)."""
    profile = f.index.profile.column(column)
    rows = max(f.index.profile.rows, 1)
    # a column of names that nearly never repeat (film titles, two of them remakes): each row
    # is one, so rows and distinct names are both readings; where they differ, it is asked
    nearly_unique = profile is not None and profile.distinct >= 0.9 * rows
    return (
        profile is not None
        and (not f.is_entity(column) or nearly_unique or f.recurs(column))
        and profile.distinct > 0.3 * rows
        and f.repeats(column)
    )


def _whose_rows(f: Frame, mention: ColumnMention) -> set[int]:
    """ "the points of the rider who finished first": the noun between "of (the)" and a relative
    pronoun names the rows the filters pick, not another answer."""
    i = mention.end
    if f.words[i : i + 1] != ["of"]:
        return set()
    i += 2 if f.words[i + 1 : i + 2] == ["the"] else 1
    for length in (1, 2):
        if f.words[i + length : i + length + 1] in (["who"], ["that"], ["which"]):
            return set(range(mention.end, i + length + 1))
    return set()


TOTAL_WORDS = frozenset({"total", "altogether", "combined", "overall", "all"})


def _in_total(f: Frame) -> set[int]:
    """ "how many times total", "total, how many racers", "in all": a count is a total already.
    Only the word itself, beside the count's cue or at the question's edges."""
    out: set[int] = set()
    for i, word in enumerate(f.words):
        if word not in TOTAL_WORDS or not f.free(i):
            continue
        before = f.words[i - 1] if i else ""
        after = f.words[i + 1] if i + 1 < len(f.words) else ""
        if word == "all" and before != "in":
            continue  # "all warehouses" is a scope, read elsewhere
        edge = i == 0 or i == len(f.words) - 1 or after in ("how", "did", "do", "does", "are")
        said_of = i - 2 if before == "in" else i - 1
        if any(
            m.start <= said_of < m.end and f.index.is_numeric(m.column)
            for m in f.reading.columns
            if m.score >= 0.6
        ):
            continue  # "more than 10,000 conversions in total": the measure's total, not a count
        if edge or before in ("times", "in"):
            out |= {i} | ({i - 1} if before == "in" else set())
    return out


def _amount_in_its_unit(f: Frame, after: int) -> list[tuple[ColumnMention, set[int]]]:
    """ "how many km of pistes", "how many hours of overtime": the unit the column's name
    gives it, then "of" and the column, ask for the column's amount (never a count of rows)."""
    unit = f.words[after : after + 1]
    if not unit or not is_unit(unit[0]) or f.words[after + 1 : after + 2] != ["of"]:
        return []
    return [
        (m, {after, after + 1})
        for m in f.mentions(numeric=True)
        if m.start in (after + 2, after + 3)  # ("of the pistes")
        and all(f.words[i] == "the" for i in range(after + 2, m.start))
        and column_unit(m.column) == unit_of(unit[0])
    ]


def _counted_by_its_verb(f: Frame, after: int) -> list[ColumnMention]:
    """ "how many were built" beside "Number built", "how many copies sold" beside
    units_sold: a column of whole numbers whose name counts (number, units, count, total) and
    whose other word is the question's participle holds how many were, one count a row."""
    counting = {singular(w) for w in ("number", "count", "units", "total", "no")}
    return [
        m
        for m in f.mentions(numeric=True)
        if m.start >= after
        and m.end - m.start == 1
        and lexicon.is_past_verb(f.words[m.start])
        and set(f.index.column_tokens.get(m.column, [])) & counting
        and f.reading.norm[m.start] in f.index.column_tokens.get(m.column, [])
        and f.index.holds_whole_numbers(m.column)
        and not f.index.is_identifier(m.column)
        and m.column not in f.filter_columns
    ]


def distinct_list_shape(f: Frame) -> list[Candidate]:
    cue = f.cue(*lexicon.LIST_PHRASES) or f.cue("what", "which") or _how_measured(f)
    if cue is None or f.cue(*lexicon.COUNT_PHRASES) is not None:
        return _who_of_rows(f)  # "what is the number of …" counts
    out = _who_of_rows(f)
    measures = []
    if cue[0] == 0 and f.words[0] == "how":
        out = []  # "how tall is …" asks for an amount, never a name
    if f.filters is not None and f.aggregate_word() is None and f.superlative() is None:
        # "what was the time of the runner who finished first": the values on the rows named,
        # one per row (two runners may share a time)
        measures = f.measures()
        # "what was the launch date of Apollo 11": the date on the row named
        measures += [m for m in f.dates() if m.score >= 0.9]
        # "in which years did he earn more than $5 million" beside tour_year: its years
        measures += [
            m
            for m in f.mentions(numeric=True)
            if m not in measures
            and m.column in f.index.dated_columns
            and m.end - m.start == 1
            and f.reading.norm[m.start] == "year"
        ]
    categories = f.categories()
    # "which mills" beside mill_name and mill_type: the name answers "which", as in ``targets``
    named = {
        (m.start, m.end)
        for m in categories
        if m.score < 0.9 and f.index.column_tokens.get(m.column, [""])[-1] == NAME
    }
    for mention in categories + measures:
        if mention.column in f.filter_columns or mention.start < cue[0]:
            continue
        if (mention.start, mention.end) in named and (
            f.index.column_tokens.get(mention.column, [""])[-1] != NAME
        ):
            continue
        if compound_head(f, mention) is not None:
            continue  # "what car number": the number, never the car
        if said_as_a_verb(f, mention) and f.words[cue[0]] in ("what", "which"):
            continue  # "what book was published in 1996": not the publisher
        if only_what_it_is_of(f, mention):
            continue  # "what did the D-Type sell for" beside "Date of sale": never its date
        if f.reader.flag_values(mention.column) is not None and not f.word_positions(
            lexicon.DISTINCT_WORDS | {"values", "options"}
        ):
            continue  # "list the vaccinated dogs": those dogs, never the flag's yes and no
        explained = span(cue) | span(mention) | f.filter_positions | _whose_rows(f, mention)
        explained |= {
            i for m in f.reading.columns if compound_head(f, m) == mention for i in span(m)
        }
        explained |= set(f.word_positions(lexicon.DISTINCT_WORDS))
        plan = Plan(operation="distinct", filters=f.filters, select=[mention.column], answer="list")
        if mention in measures and not (
            # "in which years did he earn more than $25,000": each year once
            mention.column in f.index.dated_columns and is_plural(f.words[mention.end - 1])
        ):
            plan = Plan(
                operation="rows", filters=f.filters, answer_column=mention.column, answer="list"
            )
        out.append(
            Candidate(
                plan,
                explained,
                "list_distinct",
                0.1 if f.words[cue[0]] in ("what", "which") else 0.0,
            )
        )
    return out


def _how_measured(f: Frame) -> tuple[int, int] | None:
    """ "how tall is the Warsaw Spire", "how deep is Lake Baikal": "how" and an adjective
    that names a measure of the table ask for that measure on the row named, as "what is the
    height of" does."""
    if f.words[:1] != ["how"] or len(f.words) < 2 or f.words[1] in ("many", "much"):
        return None
    named = any(m.start == 1 and f.index.is_numeric(m.column) for m in f.measures())
    return (0, 1) if named and f.words[1] in lexicon.SYNONYMS else None


def _who_of_rows(f: Frame) -> list[Candidate]:
    """ "who came in first place", "what game is ranked 5th": the names (or titles) on the
    rows the filters pick, one per row (two may share a place). Only with filters: a bare
    "who" names no rows."""
    if f.filters is None or f.aggregate_word() is not None or f.superlative() is not None:
        return []
    who = f.cue("who", "whom", "what", "which", "when")
    if who is None or f.cue(*lexicon.COUNT_PHRASES) is not None:
        return []
    named = {m.column for m in f.reading.columns if m.score >= 0.6}
    out = []
    for _keys, derives, used, answer in targets(f):
        if answer is None or derives or answer in f.filter_columns:
            continue
        if f.words[who[0]] in ("what", "which") and answer in named:
            continue  # "what genre is …": the list of the named column's values (above)
        plan = Plan(operation="rows", filters=f.filters, answer_column=answer)
        out.append(Candidate(plan, used | f.filter_positions, "who_of_rows"))
    return out


def missing_shape(f: Frame) -> list[Candidate]:
    # ("rivers that empty into the Amazon": a verb, no blank)
    cues = [
        i for i in f.word_positions(lexicon.MISSING_WORDS) if f.words[i + 1 : i + 2] != ["into"]
    ]
    phrase = f.cue("have no", "has no", "had no", "with no", "without", "no")
    if phrase is not None and f.words[phrase[0]] == "no" and _after_a_column(f, phrase[0]):
        phrase = None  # "(passed = no)": the flag's value, not a missing one
    if not cues and phrase is None:
        return []
    count = f.cue(*lexicon.COUNT_PHRASES)
    if count is None:
        return []
    out = []
    for mention in f.mentions():
        if not cues and is_flag(f.index, mention.column):
            continue  # "no adverse event" on a yes/no column is its "no", not a blank
        if cues and mention.end <= min(cues) and f.is_entity(mention.column):
            continue  # "how many trips are missing a …": the trips counted, never a blank id
        condition = Condition(column=mention.column, op="is_null")
        if not cues:
            # "with no X": X is what follows "no", and on a column of counts or amounts that
            # hold zeros ("won no gold medals", "readings with no outage") it is X = 0
            assert phrase is not None
            if mention.start != phrase[1]:
                continue
            profile = f.index.profile.column(mention.column)
            blank = bool(set(f.words[mention.end : mention.end + 2]) & _BLANK_NOUNS)
            if profile is not None and profile.is_numeric and not blank:
                low = profile.min if isinstance(profile.min, int | float) else None
                if low is not None and low <= 0:
                    condition = Condition(column=mention.column, op="eq", value=0)
                elif profile.nulls == 0:
                    continue  # neither a zero nor a blank: "no X" names nothing here
        explained = set(cues) | span(count) | span(mention) | f.filter_positions
        if phrase is not None:
            explained |= span(phrase)
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


# "no arrival delay value", "no email entered", "no visits figure": the cell is blank, not zero
_BLANK_NOUNS = frozenset(
    {"value", "values", "data", "entry", "entries", "entered", "recorded", "figure", "figures",
     "logged", "given", "listed", "provided"}
)  # fmt: skip


def _after_a_column(f: Frame, position: int) -> bool:
    return any(m.end == position and m.score >= 0.6 for m in f.reading.columns)


def percent_shape(f: Frame) -> list[Candidate]:
    cue = f.cue(*lexicon.PERCENT_PHRASES)
    if cue is None or not _supported("calc") or not f.options:
        return []
    real = [o for o in f.options if not is_skip(o)]
    # The rows a share is taken of: named before the cue ("of the urgent tickets, what %"),
    # or right after it ("share of all adverse events … in Drug B").
    scope = [o for o in real if max(o.positions) < cue[0]]
    # "what percent of listings in North are furnished": the rows the share is of run up to
    # the verb that starts the condition
    # ("readings in GH-B triggered an alarm": a verb of the event starts it too)
    verb = next(
        (
            i
            for i in range(cue[1], len(f.words))
            if f.words[i] in lexicon.AUXILIARIES
            or (i > cue[1] + 1 and lexicon.is_past_verb(f.words[i]))
        ),
        cue[1],
    )
    after = [
        o
        for o in real
        if o not in scope
        and cue[1] <= min(o.positions)
        and (min(o.positions) <= cue[1] + 2 or max(o.positions) < verb)
    ]
    if after and len(real) == len(scope) + len(after):
        # every filter starts near the cue: those that end before the verb say which rows,
        # the one running past it is the condition ("forestry flights needed a reflight")
        after = [o for o in after if max(o.positions) < verb]
    if after and len(real) > len(scope) + len(after):
        scope += after
    rest = [o for o in real if o not in scope]
    # "what share of pickups were hazardous in the East region": a place or kind said after
    # the condition, by a preposition, still names the rows the share is taken of
    trailing = [
        o
        for o in rest
        if min(o.positions) > verb
        and _after_a_scope_word(f, min(o.positions))
        and isinstance(o.condition, Condition)
        and o.condition.op in ("eq", "in")
        and not is_flag(f.index, o.column)
    ]
    if trailing and len(rest) > len(trailing):
        scope += trailing
        rest = [o for o in rest if o not in trailing]
    if not rest:
        return []
    explained = span(cue) | f.filter_positions
    explained |= {i for i, w in enumerate(f.words) if w in ("percent", "%", "percentage")}
    position, mention = counted_noun(f, cue[1])
    total = f.aggregate_word()
    # "share of the total quantity on hand", "share of all spend", "share of 2023 spend": a
    # measure right after the cue (past the rows it is taken of), summed. "% of visits" counts
    # rows even where a visit number exists, and so does "% of the grades are passing" (a
    # bare noun) or "% of scores above 90" (the measure the condition tests).
    scoped = set().union(*(o.positions for o in scope)) if scope else set()
    tested = {o.column for o in rest}
    measure = next(
        (
            m
            for m in f.measures()
            if cue[1] <= m.start <= cue[1] + 3
            and m.column not in tested
            # "% of forestry flights" beside FLIGHT_MIN: the rows' own noun counts them
            and not all(f.reading.norm[i] in f.reading.subject for i in span(m))
            and all(
                f.words[i] in lexicon.FILLER or i in scoped or (total is not None and i in total[1])
                for i in range(cue[1], m.start)
            )
        ),
        None,
    )
    if (
        measure is not None
        and (total is None or total[0] != "sum")
        and f.words[cue[1] : cue[1] + 1] != ["all"]
        and not any(i in scoped for i in range(cue[1], measure.start))
    ):  # "share of 2023 spend": a measure after the rows it is taken of needs no "total"
        measure = None
    if measure is not None:
        mention = measure
    if measure is None and any(_picks_one_row(f, o) for o in rest):
        # "what percentage of all bands are in Scotland" on a table of one row a country,
        # its bands in count columns: a share of rows would be 1/n, never what is meant
        return []
    agg = Aggregate(func="sum", column=measure.column) if measure else Aggregate(func="count")
    if measure is not None:
        explained |= span(measure) | (total[1] if total is not None else set())
    elif mention is not None and all(f.reading.norm[i] in f.reading.subject for i in span(mention)):
        explained |= span(mention)  # "% of visits" in visits.csv: the rows themselves
    elif position is not None and ungrounded(f, position):
        explained.add(position)
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


def _picks_one_row(f: Frame, option: FilterOption) -> bool:
    """A value of a column that names each row once (a key): the one row it picks."""
    condition = option.condition
    return (
        isinstance(condition, Condition)
        and condition.op == "eq"
        and f.index.profile.rows > 2
        and one_row_each(f, option.column)
    )


def _measures_something_else(f: Frame, mention: ColumnMention) -> bool:
    """ "how many calls" against a "Calls Duration" column: the column measures a duration of
    the calls, which the question did not ask for; summing it would not count them."""
    if mention.score >= 0.9:
        return False
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", mention.column).lower()
    unsaid = set(re.findall(r"[a-z]+", spaced)) - set(f.words)
    return bool(unsaid & lexicon.MEASURE_WORDS)


def _dated_editions(f: Frame, column: str) -> bool:
    """Names that repeat on a table whose rows each carry a year (a race run every year): a
    count of them may be of editions (rows) or of names."""
    if not f.repeats(column) or f.index.is_numeric(column):
        return False
    # years, whole or written in text ("3 May 2014" beside "2014"), as reference tables date
    # their editions; a system's timestamps (readings of meters) date no editions
    if column in f.index.year_texts or f.index.is_identifier(column) or f.is_entity(column):
        return False  # (students, meters: things, never editions of an event)
    rows = max(f.index.profile.rows, 1)
    written = [  # a date or year written on most rows apart, never a term of a few values
        c
        for c in sorted(f.index.year_texts)
        if (p := f.index.profile.column(c)) is not None and p.distinct >= 0.5 * rows
    ]
    return any(c != column for c in f.reader.year_columns() + written)


def _mostly_written_numbers(f: Frame, column: str) -> bool:
    """Whether nearly every cell of a text column writes a number ("11,323", "5–10 million",
    "~300"): amounts, though too irregular to read as one."""
    cells = [str(c) for c in list(f.index.values.get(column, {}).values())[:200]]
    written = [c for c in cells if c.strip() and c.strip().lower() not in _BLANKS]
    digits = sum(1 for c in written if _LEADING_AMOUNT.match(c))
    return bool(written) and digits >= 0.8 * len(written)


def _part_of_the_file_noun(f: Frame, mention: ColumnMention) -> bool:
    """ "how many gems" in gemstones.csv beside a Gem column of five kinds: the noun is part of
    the file's own ("gem" of "gemstone"), so it may name the rows as well as the kinds; both
    are readings, asked back unless they agree."""
    stems = [f.reading.norm[i] for i in span(mention)]
    return any(
        len(stem) >= 3 and sub != stem and (sub.startswith(stem) or sub.endswith(stem))
        for stem in stems
        for sub in f.reading.subject
    )


def _after_a_scope_word(f: Frame, position: int) -> bool:
    before = position - 1
    if before >= 0 and f.words[before] == "the":
        before -= 1
    return before >= 0 and f.words[before] in ("in", "for", "at", "among", "within", "from")


def _written_codes(f: Frame, column: str) -> bool:
    """Whether nearly every cell is a code ("8525-001", "S0001", "A-12", with "8540" among
    them): numbers that name things, never amounts, however many of them differ."""
    cells = [str(c).strip() for c in list(f.index.values.get(column, {}).values())[:200]]
    codes = sum(1 for c in cells if _CODE.match(c))
    plain = sum(1 for c in cells if c.isdigit())  # "8540" beside "8525-G01": a code too
    return bool(cells) and codes >= 0.5 * len(cells) and codes + plain >= 0.8 * len(cells)


# no space, a digit, and parts joined by "-", "_", "/" or letters beside digits ("8525-G01",
# "S0001"); never "11,323", "62" or "10 (lunar)"
_CODE = re.compile(r"^(?=.*\d)(?:[A-Za-z0-9]+(?:[-_/][A-Za-z0-9]+)+|[A-Za-z]+\d+[A-Za-z0-9]*)$")
_LEADING_AMOUNT = re.compile(r"^\s*[~≈<>$£€]?\s*\d")  # "11,323", "~300", "$48.4 million"
_BLANKS = frozenset({"—", "-", "–", "n/a", "na", "tba", "unknown", "?"})


_BRACKETED_NAME = re.compile(r"\(([^)]*)\)")
_BRACKETED_NUMBER = re.compile(r"\(\s*\d[\d,.]*\s*\)\s*(?:\[\w+\])?\s*$")


def _counted_in_brackets(f: Frame, mention: ColumnMention) -> bool:
    """ "how many goals" beside "Top scorer (goals)" of "Dean Marsh (14)": the bracketed word
    of the name says what the number after each name counts; the different names are no
    goals, so they are never counted for it."""
    bracketed = _BRACKETED_NAME.search(mention.column)
    if bracketed is None:
        return False
    said = {f.reading.norm[i] for i in span(mention)}
    if not said <= set(tokens(bracketed.group(1))):
        return False
    cells = [str(c) for c in list(f.index.values.get(mention.column, {}).values())[:200]]
    return bool(cells) and sum(bool(_BRACKETED_NUMBER.search(c)) for c in cells) >= 0.8 * len(cells)


def _only_of_the_name(f: Frame, mention: ColumnMention) -> bool:
    """Whether ``mention`` misses the noun its column's name is about ("how many finals"
    beside "Opponent in the final", "the most launches" beside "Launch site"): such words
    say what the column is of, never its values, so they count no different values of it."""
    return not names_its_head(f, mention)
