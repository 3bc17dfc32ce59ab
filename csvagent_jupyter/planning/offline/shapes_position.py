"""Position: "the last movie she appeared in", "the first year with more than 25,000 people".

"First" and "last" of rows mean an order the question does not name. Tables listed by
hand (results, filmographies, seasons) are in time order; files exported from systems
often are not. So the shape offers the file order and the order of each date or year
column. When they all give the same answer the planner answers (``scoring.decide`` runs
them); when they differ, it asks which was meant.
"""

from __future__ import annotations

from ...analysis.plan import (
    AggFunc,
    Aggregate,
    Condition,
    Derive,
    FilterGroup,
    Plan,
    SortKey,
    WindowFunc,
)
from . import lexicon
from .derived import YEAR_SUFFIX
from .grounding import Frame, date_columns
from .options import FilterOption, combine, is_skip
from .pieces import Candidate, span
from .places import PLACE_VERBS
from .targets import targets

FILE_POSITION = "file_position"
POSITION_WORDS = {"first": False, "last": True, "final": True}  # word -> from the end
NOT_A_ROW = lexicon.NOT_A_ROW


def position_shape(f: Frame) -> list[Candidate]:
    found = _position_word(f)
    if found is None:
        return []
    at, from_end = found
    out: list[Candidate] = []
    every_order = _orders(f, from_end)
    said = _file_order_words(f)
    answers = [(used, answer) for _k, derives, used, answer in targets(f) if not derives]
    cue = f.cue("what", "which", "who", "when", "give me the", "show me the", "name the")
    named = f.mention_after(at, window=2)
    if cue is not None and named is not None and cue[1] <= at:
        # "what was the last tournament she won": the noun after "last" is the answer
        answers.append((span(cue) | span(named), named.column))
    for used, answer in answers:
        if answer is None or answer in f.filter_columns:
            continue
        explained = used | {at} | f.filter_positions | _noun_after(f, at) | said
        for order, sort, words in _orders_meant(every_order, said, answer):
            plan = Plan(
                operation="rows",
                filters=f.filters,
                derive=order,
                sort=[sort],
                limit=1,
                answer_column=answer,
            )
            out.append(Candidate(plan, explained | words, "position"))
    return out


def _orders_meant(
    orders: list[tuple[list[Derive], SortKey, set[int]]], said: set[int], answer: str
) -> list[tuple[list[Derive], SortKey, set[int]]]:
    """The orders the question may mean: the file's when it says so ("in file order"); the
    dates it names ("hired first", "founded first"), but not the one it asks for ("the order
    date of the last shipped order" names order_date as the answer, not as the order);
    otherwise every one, and they must agree."""
    if said:
        return orders[:1]
    named = [order for order in orders if order[2] and order[1].column != answer]
    if named:
        return named
    return [(d, s, w if s.column != answer else set()) for d, s, w in orders]


def _position_word(f: Frame) -> tuple[int, bool] | None:
    for i, word in enumerate(f.words):
        if word not in POSITION_WORDS or not f.free(i) or i in f.reading.numbers:
            continue
        after = f.words[i + 1] if i + 1 < len(f.words) else ""
        before = f.words[i - 1] if i else ""
        # "finished first", "came in last": a place in a ranking, not a row's position
        if after in NOT_A_ROW or before in PLACE_VERBS | {"in"} or (i + 1) in f.reading.numbers:
            return None
        if word == "final" and (i - 1) in f.reading.numbers:
            return None  # "the 1992 final": the match, not the last row
        return i, POSITION_WORDS[word]
    return None


def _noun_after(f: Frame, at: int) -> set[int]:
    """The noun the position word qualifies ("the last movie"): a column's words, the file's
    noun, or one word that names nothing here."""
    position = at + 1
    if position >= len(f.words) or not f.free(position):
        return set()
    for m in f.mentions():
        if m.start == position:
            return span(m)
    word = f.words[position]
    named = any(m.start <= position < m.end for m in f.reading.columns if m.score >= 0.6)
    if word.isalpha() and not named and not lexicon.is_cue(word):
        return {position}
    return set()


def _file_order_words(f: Frame) -> set[int]:
    """ "in file order", "in the order of the file": the words that name the file's order."""
    words = f.words
    for i in range(len(words) - 1):
        if words[i] == "file" and words[i + 1] == "order":
            return {i, i + 1}
        if words[i] == "order" and words[i + 1 : i + 4] == ["of", "the", "file"]:
            return {i, i + 1, i + 3}
    # "the last order listed", "first in the list": the order of the rows as written
    for i, word in enumerate(words):
        if word == "listed" and f.free(i):
            return {i}
        if word == "list" and words[max(0, i - 2) : i] in (["in", "the"], ["on", "the"]):
            return {i - 2, i - 1, i}
    return set()


def _orders(f: Frame, from_end: bool) -> list[tuple[list[Derive], SortKey, set[int]]]:
    """The file order, and the order of every date or year column: with more than one
    ("hired" or "born"?) their answers must agree too, or the question is asked back. A
    column of years named in the question ("founded first" with a Founded column) is one,
    and its words are explained by it."""
    position = Derive(name=FILE_POSITION, kind="window", func="row_number")
    out = [([position], SortKey(column=FILE_POSITION, descending=from_end), set[int]())]
    timed = date_columns(f.index) + [
        c.name
        for c in f.index.profile.column_profiles
        if c.is_numeric and {"year", "season"} & set(f.index.column_tokens.get(c.name, []))
    ]
    named = {m.column: span(m) for m in f.reading.columns if m.score >= 0.5}  # "hired first"
    out += [
        ([], SortKey(column=column, descending=from_end), named.get(column, set()))
        for column in timed
    ]
    # dates kept as text ("14 January 1897" beside "1937"): ordered by the year each writes,
    # a rival of the file's order ("which peak was climbed first" on a list by height)
    read_already = {d.column for d in f.reading.derived.values() if d.kind == "year"}
    for column in sorted(getattr(f.index, "year_texts", set()) - read_already):
        year = Derive(name=column + YEAR_SUFFIX, kind="year", column=column)
        out.append(([year], SortKey(column=year.name, descending=from_end), set()))
    # ("recorded first" half names "First recorded": a name that close still orders the rows)
    for m in f.mentions(numeric=True, minimum=0.6):
        derived = f.reading.derived.get(m.column)
        if derived is not None and derived.kind == "year":  # "5 April 1998" beside "1870[a]"
            out.append(([], SortKey(column=m.column, descending=from_end), span(m)))
            continue
        profile = f.index.profile.column(m.column)
        if m.column in timed or profile is None or not f.index.holds_whole_numbers(m.column):
            continue
        low, high = profile.min, profile.max
        if (
            isinstance(low, int | float)
            and isinstance(high, int | float)
            and 1000 <= low <= high <= 2100
        ):
            out.append(([], SortKey(column=m.column, descending=from_end), span(m)))
    return out


# "after X", "followed X" keep the row whose previous row is X; "before X" the row whose next is
NEIGHBOUR_WORDS: dict[str, WindowFunc] = {
    "after": "previous",
    "following": "previous",
    "followed": "previous",
    "succeeded": "previous",
    "before": "next",
    "preceding": "next",
    "preceded": "next",
}
# Words between the thing asked for and "after" that say only where it stands in the list
_NEIGHBOUR_FILLER = frozenset(
    {"came", "come", "comes", "listed", "ranked", "finished", "placed", "directly",
     "immediately", "right", "just", "next", "straight"}
)  # fmt: skip


def neighbour_shape(f: Frame) -> list[Candidate]:
    """ "what album came after Lanterns", "who preceded Donald Merritt", "which team finished
    directly after Harrow Vale": the row next to a named row, in the file's order (a list
    as written: a discography, a succession of office holders, a league table).

    Only a named cell of a text column: "after 2010" and "before 30 June" are thresholds. The
    named row is found by its cell; the answer is the column asked for, or that same column
    ("what came after Lanterns": the title after it)."""
    cue = f.cue("what", "which", "who", "whom")
    if cue is None or cue[0] > 1:
        return []
    out: list[Candidate] = []
    for at, word in enumerate(f.words):
        func = NEIGHBOUR_WORDS.get(word)
        if func is None or at in f.reserved:
            continue
        start = at + 1 + (f.words[at + 1 : at + 2] == ["the"])
        named = [
            o
            for o in f.options
            if not is_skip(o)
            and isinstance(o.condition, Condition)
            and o.condition.op == "eq"
            and not isinstance(o.condition.value, list)
            and min(o.positions) == start
            and f.index.type_of(o.column) in ("text", "category")
        ]
        if len(named) != 1:
            continue
        option = named[0]
        assert isinstance(option.condition, Condition)
        column, value = option.condition.column, option.condition.value
        others = [o for o in f.options if o is not option]
        if any(at in o.positions for o in others):
            continue  # "after" already read as a threshold on another column
        side = "before" if func == "previous" else "after"
        neighbour = Derive(
            name=f"{column} of the row {side}", kind="window", func=func, column=column
        )
        condition = Condition(column=neighbour.name, op="eq", value=value)
        # "the team he joined after Cannondale", on three Cannondale rows in a row: the first
        # row that is not Cannondale again
        # row that is not Cannondale again (one group: tested after the derive, together)
        changed = Condition(column=column, op="ne", value=value)
        after_run = FilterGroup(combine="and", items=[condition, changed])
        filters = combine([*others, FilterOption(after_run, option.positions, neighbour.name)])
        if filters is after_run:  # alone, its two tests would be split around the derive
            filters = FilterGroup(combine="and", items=[after_run])
        answers = [(used, answer) for _k, derives, used, answer in targets(f) if not derives]
        between = {i for i in range(cue[1], at) if f.words[i] in _NEIGHBOUR_FILLER and f.free(i)}
        # "what bridge is ranked after the Humber Bridge": "ranked" says where it stands in
        # the list, never what is asked (Rank), though it names that column
        answers = [
            (used, answer)
            for used, answer in answers
            if answer and answer != column and not _named_only_by(f, answer, between)
        ]
        if not answers:
            answers = [(span(cue), column)]  # "what came after Lanterns": another title
        for used, answer in answers:
            plan = Plan(operation="rows", filters=filters, derive=[neighbour], answer_column=answer)
            explained = used | {at} | set(option.positions) | between
            explained |= {o for other in others for o in other.positions}
            if start > at + 1:
                explained.add(at + 1)
            out.append(Candidate(plan, explained, "neighbour"))
    return out


# "the latest start date": the date itself, never a row picked by it
_DATE_EXTREMES: dict[str, AggFunc] = {"latest": "max", "newest": "max", "earliest": "min"}


def date_extreme_shape(f: Frame) -> list[Candidate]:
    """ "What is the latest start date?", "the earliest join date": the largest or smallest
    value of a date column the question names whole, right after the word of time order."""
    cue = f.cue("what", "when")
    if cue is None or cue[0] != 0:
        return []
    out: list[Candidate] = []
    for at, word in enumerate(f.words):
        func = _DATE_EXTREMES.get(word)
        if func is None or not f.free(at):
            continue
        for m in f.reading.columns:
            if m.start != at + 1 or m.score < 0.9 or f.index.type_of(m.column) != "datetime":
                continue
            plan = Plan(
                operation="aggregate",
                filters=f.filters,
                aggregates=[Aggregate(func=func, column=m.column)],
            )
            explained = span(cue) | {at} | span(m) | f.filter_positions
            out.append(Candidate(plan, explained, "date_extreme"))
    return out


def _named_only_by(f: Frame, column: str, positions: set[int]) -> bool:
    """Whether every word that names ``column`` stands at ``positions``."""
    named = [span(m) for m in f.mentions() if m.column == column]
    return bool(named) and all(words <= positions for words in named)
