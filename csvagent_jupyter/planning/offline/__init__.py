"""The offline planner: read → candidates → score → answer, or ask back.

1. ``reading`` grounds every word on this table (columns, values, numbers, cues).
2. ``filters`` lists the filters the words can mean, in slots of alternatives.
3. ``candidates`` builds every plausible Plan for each choice of filters, recording
   which words each explains.
4. ``scoring`` keeps the candidate that explains the whole question and clearly beats
   the next different one; otherwise the planner raises a ``QuestionError`` whose
   suggestions are the best readings, worded as questions (``suggestions``).

A confident wrong number is the worst outcome for an analyst, so the planner prefers
"did you mean …?" to a guess.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from collections.abc import Callable

from ...analysis.interpretation import describe
from ...analysis.plan import (
    Condition,
    Filter,
    FilterGroup,
    Plan,
    Scalar,
    SortKey,
    required_conditions,
)
from ...analysis.validate import validate
from ...errors import PlanError, QuestionError
from ..schema_index import (
    SchemaIndex,
    head_stem,
    header_words,
    modifier_stems,
    normalize,
    singular,
    tokens,
)
from . import lexicon
from .derived import QuestionIndex, is_flag, misuses_rate, with_derives
from .filters import FilterReader
from .grounding import ENTITY_SUFFIXES, RANK_TOKENS, Frame
from .measures import SCORE_TOKENS
from .options import FilterOption
from .pieces import Candidate
from .places import within_top
from .reading import COUNT_NAME_WORDS, Reading, read
from .scoring import Scored, decide, score
from .shapes_combined import having_shape, nested_count_shape, two_value_shape
from .shapes_counting import count_shape, distinct_list_shape, missing_shape, percent_shape
from .shapes_formula import aggregate_ratio_shape, per_unit_rate_shape
from .shapes_growth import growth_shape
from .shapes_nested import nested_aggregate_shape
from .shapes_position import date_extreme_shape, neighbour_shape, position_shape
from .shapes_ranking import choice_shape, extreme_shape, most_common_shape, top_n_shape
from .shapes_values import aggregate_shape, chart_shape, correlation_shape, yes_no_shape
from .suggestions import as_question
from .units import is_unit

MAX_FRAMES = 24
SHAPES = (
    chart_shape,
    growth_shape,
    having_shape,
    nested_count_shape,
    nested_aggregate_shape,
    aggregate_ratio_shape,
    per_unit_rate_shape,
    two_value_shape,
    choice_shape,
    count_shape,
    distinct_list_shape,
    aggregate_shape,
    extreme_shape,
    most_common_shape,
    missing_shape,
    correlation_shape,
    percent_shape,
    yes_no_shape,
    position_shape,
    neighbour_shape,
    date_extreme_shape,
)

__all__ = ["OfflinePlanner", "read", "top_n_words"]


class OfflinePlanner:
    """English to Plan without a model; see the package docstring."""

    name = "offline"

    def __init__(
        self, index: SchemaIndex, answer_of: Callable[[Plan], str | None] | None = None
    ) -> None:
        """``answer_of`` runs a plan on the table (see ``scoring.decide``): with it, a question
        whose close readings all give the same answer is answered instead of asked back."""
        self.index = index
        self.answer_of = answer_of

    def plan(self, question: str, *, suggest: bool = True) -> Plan:
        """The plan for ``question``; a QuestionError that offers the readings considered as
        questions (when ``suggest``) if it is not sure."""
        reading = read(question, self.index)
        if not reading.words:
            raise QuestionError("The question is empty.")
        # a reading that cannot run ("from Q1 to Q2" with no year: a quarter compared with a
        # date) is no reading, nor one to offer
        scored = [s for s in self.readings(reading) if self._runs(s.candidate.plan)]
        best, offered = decide(scored, self.answer_of)
        if best is not None and self._looks_up_nothing(reading, best.candidate.plan):
            # "who was governor in 1960" read as "took office in 1960": an empty answer to a
            # question that names one thing is a misreading more often than a fact
            raise QuestionError(
                f"Nothing in the table matches {question!r} as I read it: "
                f"{describe(best.candidate.plan)} Check the values, or ask it another way.",
                suggestions=self._suggest([s for s in scored if s is not best][:3], suggest),
            )
        if best is not None:
            return best.candidate.plan
        message = _missing_column(question, self.index) or _ask_back(question, reading, offered)
        raise QuestionError(message, suggestions=self._suggest(offered, suggest))

    def _suggest(self, offered: list[Scored], suggest: bool = True) -> list[str]:
        """The readings offered, as questions that give that reading when asked: a wording
        the planner would itself not read (or read otherwise) is never offered."""
        out: list[str] = []
        for item in offered if suggest else []:
            if _counts_every_row(item.candidate.plan):
                # "how many times did he withdraw": the count of all rows drops what was
                # asked of them, and would be clicked as its answer
                continue
            if self._extreme_of_a_flag(item.candidate.plan):
                continue  # "the highest maximum deliveredLate": 1 for every group
            text = as_question(item.candidate.plan)
            if not text or text in out:
                continue
            try:
                again = self.plan(text, suggest=False)
            except QuestionError:
                continue
            if self.answer_of is not None and not _same_answer(
                self.answer_of(again), self.answer_of(item.candidate.plan)
            ):
                continue
            out.append(text)
        return out

    def _extreme_of_a_flag(self, plan: Plan) -> bool:
        """The maximum or minimum of a yes/no column: 1 or 0 for nearly any group, an answer
        to no question (the share of yes is its mean, the count its sum)."""
        return any(
            a.func in ("max", "min") and a.column and is_flag(self.index, a.column)
            for a in [*plan.aggregates, *plan.then]
        )

    def _runs(self, plan: Plan) -> bool:
        try:
            validate(plan, self.index.profile)
        except PlanError:
            return False
        return True

    def _an_amount(self, column: str) -> bool:
        """Amounts never name the rows: "2,023 m", or a name that counts ("Number built",
        unique as its cells may be; an "Order Number" names its order)."""
        tokens = self.index.column_tokens.get(column, [])
        counts = bool(set(tokens) & COUNT_NAME_WORDS) and tokens[-1] not in COUNT_NAME_WORDS
        return column in self.index.number_texts or counts

    def _looks_up_nothing(self, reading: Reading, plan: Plan) -> bool:
        """A who/what/which/when question whose lookup of rows comes back empty."""
        if self.answer_of is None or plan.operation not in ("rows", "distinct"):
            return False
        asking = {"who", "what", "which", "when", "whom"}
        if not asking & set(reading.words[:3]):  # "in which year", "on what date"
            return False
        return plan.filters is not None and self.answer_of(plan) is None

    def readings(self, reading: Reading) -> list[Scored]:
        """Every candidate for the question, scored, best first."""
        reserved, top = top_n_words(reading)
        nth = _nth(reading)
        if nth is not None:
            reserved = reserved | nth[1]
        index = QuestionIndex.over(self.index, reading.derived)
        reader = FilterReader(reading, index, reserved)
        slots = reader.slots()
        found: list[tuple[Candidate, float]] = []
        for options in itertools.islice(itertools.product(*slots), MAX_FRAMES):
            frame = Frame(reading, index, _consistent(options, reading), reader, reserved)
            for shape in SHAPES:
                found += [(c, frame.weight) for c in shape(frame)]
            if top is not None:
                n, direction, words = top
                found += [(c, frame.weight) for c in top_n_shape(frame, n, direction, words)]
            if nth is not None and nth[2]:  # "ranks 2nd by total clicks": the top list, one place
                found += [(c, frame.weight) for c in top_n_shape(frame, 1, "max", nth[1])]
        if nth is not None:
            found = [(_at_place(c, nth[0], nth[1]), w) for c, w in found]
        found = [
            (c, w)
            for c, w in ((_derived(c, reading), w) for c, w in found)
            if not misuses_rate(c.plan)
            and not _contradictory(c.plan)
            and not _sums_a_score(c.plan, self.index)
            and not _adds_up_the_rows_labels(c.plan, self.index)
            and not _an_extreme_for_how_many_times(c.plan, reading)
            and not _restates_its_filter(c.plan)
            and not _adds_up_its_filter(c.plan)
            and not _answers_with_its_measure(c.plan)
            and not _splits_by_footnotes(c.plan, self.index)
            and not _adds_across_blanks(c.plan, self.index)
            and not _counts_lists_whole(c.plan, self.index)
        ]
        # The noun of an id column ("employees" for employee_id) may simply name the rows.
        probe = Frame(
            reading, self.index, [], FilterReader(reading, self.index, reserved), reserved
        )
        subject = {
            i
            for m in reading.columns
            # (a column of dates written as text, "9 April 2016", holds when, never who:
            # "the date of the Seoul event" asks it; "sieges ended in" only says how)
            if (
                probe.is_entity(m.column)
                and not self.index.is_numeric(m.column)
                and not (
                    m.column in self.index.dated_columns
                    and reading.norm[m.start] == head_stem(m.column)  # "date", not "final"
                    and not lexicon.is_past_verb(reading.words[m.start])
                )
            )
            or self.index.is_identifier(m.column)
            or (
                not self.index.is_numeric(m.column)
                # "closed" for Closed At is a state to filter on; "did we ship" just a verb
                and not (
                    self.index.type_of(m.column) == "datetime"
                    and reading.words[m.start].endswith("ed")
                )
                and m.score < 0.9
                and not probe.few_values(m.column)
            )
            or self.index.column_tokens.get(m.column, [""])[-1] == "number"
            for i in range(m.start, m.end)
            # "the longest mission" beside a text Duration: a superlative never names the rows
            if m.end - m.start == 1
            and not lexicon.is_superlative(reading.words[i])
            and not self._an_amount(m.column)
            and m.column not in reading.derived  # (numbers read from cells: an amount)
            # "still in operation" beside "Period of operation": a state the rows are in,
            # said of what the period is of ("his finals" still names the rows)
            and not (
                reading.words[i - 1 : i] in (["in"], ["of"], ["under"], ["out"])
                and reading.norm[i] in modifier_stems(m.column)
            )
        }
        subject |= reading.rows_modifiers  # "clock towers" in clock_towers.csv
        # "moved" on port_moves.csv, "delivered" on deliveries.csv: the rows' own event, whose
        # date column (MOVE_DATE) it may name; a Returned flag on returns.csv still picks rows
        subject |= {
            i
            for i, stem in enumerate(reading.norm)
            if lexicon.is_past_verb(reading.words[i])
            and _event_nouns(reading.words[i], stem) & self.index.subject
            and all(
                self.index.type_of(m.column) == "datetime"
                # ("rated" on movie_ratings.csv beside its rating: a score, never a filter)
                or self.index.column_tokens.get(m.column, [""])[-1] in SCORE_TOKENS
                for m in reading.columns
                if m.start <= i < m.end and m.score >= 0.6
            )
        }
        durations = {
            c.name for c in self.index.profile.column_profiles if c.dtype.startswith("timedelta")
        }
        id_nouns = {
            i
            for m in reading.columns
            if m.score >= 0.6
            and (
                self.index.is_identifier(m.column)
                or self.index.column_tokens.get(m.column, [""])[-1] in ENTITY_SUFFIXES
            )
            for i in range(m.start, m.end)
        }
        return score(found, reading, subject, durations, id_nouns)


def _counts_every_row(plan: Plan) -> bool:
    """A plan that counts the whole table: no filter, no groups, one plain count."""
    return (
        plan.operation == "aggregate"
        and plan.filters is None
        and not plan.group_by
        and not plan.derive
        and [(a.func, a.column) for a in plan.aggregates] == [("count", None)]
    )


def _same_answer(one: str | None, other: str | None) -> bool:
    """Whether two answer keys say the same, a list of one value being that value."""

    def unwrapped(key: str | None) -> object:
        try:
            value = json.loads(key) if key is not None else None
        except ValueError:
            return key
        return value[0] if isinstance(value, list) and len(value) == 1 else value

    return unwrapped(one) == unwrapped(other)


def _derived(candidate: Candidate, reading: Reading) -> Candidate:
    plan = with_derives(candidate.plan, reading.derived)
    if plan is candidate.plan:
        return candidate
    return Candidate(
        plan, candidate.explained, candidate.shape, candidate.penalty, candidate.subject
    )


def _nth(reading: Reading) -> tuple[int, set[int], bool] | None:
    """'the second highest', '3rd most', 'ranks 2nd by': the place, its words, and whether it
    is the 'ranks Nth by' form (which has no superlative of its own)."""
    for i, word in enumerate(reading.words):
        place = lexicon.ORDINALS.get(word)
        if place is None or place < 2:
            continue
        after = reading.words[i + 1] if i + 1 < len(reading.words) else ""
        before = reading.words[i - 1] if i else ""
        if after in lexicon.MAX_WORDS or after in lexicon.MIN_WORDS:
            return place, {i}, False
        if before in ("ranks", "ranked", "rank", "place", "placed") and after == "by":
            return place, {i - 1, i}, True
    return None


def _at_place(candidate: Candidate, place: int, words: set[int]) -> Candidate:
    """The candidate moved from the first place to the ``place``-th, if it ranks at all."""
    plan = candidate.plan
    if plan.operation == "aggregate" and not plan.group_by and len(plan.aggregates) == 1:
        agg = plan.aggregates[0]
        if agg.func not in ("max", "min") or agg.column is None:
            return candidate
        plan = Plan(
            operation="rows",
            filters=plan.filters,
            sort=[SortKey(column=agg.column, descending=agg.func == "max")],
            limit=1,
            answer_column=agg.column,
        )
    if not plan.sort or plan.limit not in (1, None) or plan.offset:
        return candidate
    update: dict[str, object] = {"offset": place - 1, "limit": 1}
    if plan.answer == "list":
        update["answer"] = "auto"
    moved = plan.model_copy(update=update)
    return Candidate(
        moved, candidate.explained | words, candidate.shape + "_nth", candidate.penalty
    )


def _consistent(options: tuple[FilterOption, ...], reading: Reading) -> list[FilterOption]:
    """Options of different slots that claim the same words cannot both hold: keep the first.
    A column's noun between two values may serve both ("lorry tests at Barking", where
    "tests" names testType and testCentre): the later option keeps its own value without it."""
    own = {i for v in reading.values for i in range(v.start, v.end)}
    own |= set(reading.numbers) | set(reading.dates)
    kept: list[FilterOption] = []
    claimed: set[int] = set()
    for option in options:
        shared = option.positions & claimed
        if shared:
            rest = option.positions - shared
            sharers = {k.column for k in kept if k.positions & shared}
            if shared & own or not rest & own or option.column in sharers:
                continue
            option = dataclasses.replace(option, positions=frozenset(rest))
        claimed |= option.positions
        kept.append(option)
    return kept


def _restates_its_filter(plan: Plan) -> bool:
    """A lookup answering with the column its one value filter fixes ("which stadiums were
    built in 2019" answered by the cells of year_built that say 2019): it tells nothing."""
    if plan.operation not in ("rows", "distinct") or len(plan.select) != 1:
        return False
    item = plan.filters
    if not isinstance(item, Condition) or item.op != "eq" or item.part is not None:
        return False
    sources = {d.name: d.column for d in plan.derive if d.kind == "year"}
    return plan.select[0] in (item.column, sources.get(item.column))


_IRREGULAR_EVENTS = {"sold": "sale", "paid": "payment", "bought": "purchase", "won": "win"}


def _event_nouns(word: str, stem: str) -> set[str]:
    """The stems of the nouns a past verb's event goes by: "delivered" → deliveries,
    "donated" → donations, "booked" → bookings, "sold" → sales."""
    nouns = {stem, stem + "i", stem + "ion", stem + "ing", stem + "e"}
    if word in _IRREGULAR_EVENTS:
        nouns |= set(tokens(_IRREGULAR_EVENTS[word]))
    return nouns


def _adds_up_its_filter(plan: Plan) -> bool:
    """ "how many points in the 1975 season" read as the total of Season where Season is 1975:
    a sum or mean of the very column one value fixes gives back that value, never a figure."""
    fixed = {
        c.column
        for c in required_conditions(plan.filters)
        if c.op == "eq" and c.part is None and not isinstance(c.value, str)
    }
    aggregated = {a.column for a in plan.aggregates if a.func in ("sum", "mean", "median")}
    sides = [side for side in (plan.left, plan.right) if isinstance(side, Plan)]
    return bool(fixed & aggregated) or any(_adds_up_its_filter(side) for side in sides)


def _splits_by_footnotes(plan: Plan, index: SchemaIndex) -> bool:
    """Groups of a column that writes one thing with and without a footnote mark ("United
    Kingdom[a]", "United Kingdom"): its counts would split in two, and the most common one
    come out wrong, so such a grouping is never answered."""
    sides = [side for side in (plan.left, plan.right) if isinstance(side, Plan)]
    return any(k.column in index.footnoted for k in plan.group_by) or any(
        _splits_by_footnotes(side, index) for side in sides
    )


def _adds_across_blanks(plan: Plan, index: SchemaIndex) -> bool:
    """ "the total of fit fees plus parts costs" where partsCost has blanks: the sum of each
    row's fitFee + partsCost leaves out the fees of rows with no parts cost, which the sum of
    the two totals keeps; which one is meant is not said, so neither is answered."""
    added = {
        d.name
        for d in plan.derive
        if d.kind == "arithmetic"
        and d.operator in ("+", "-")
        and any(
            isinstance(side, str)
            and (found := index.profile.column(side)) is not None
            and found.nulls > 0
            for side in (d.left, d.right)
        )
    }
    if any(a.func == "sum" and a.column in added for a in plan.aggregates):
        return True
    return any(
        isinstance(side, Plan) and _adds_across_blanks(side, index)
        for side in (plan.left, plan.right)
    )


def _answers_with_its_measure(plan: Plan) -> bool:
    """ "which comet has the longest period" ranked by the number "~70,000" starts with,
    answered by that same Period cell: the measure, never the comet it belongs to."""
    sources = {d.name: d.column for d in plan.derive if d.kind in ("leading_number", "year")}
    measured = {sources.get(a.column or "") for a in plan.aggregates} - {None}
    return plan.answer_column is not None and plan.answer_column in measured


def _sums_a_score(plan: Plan, index: SchemaIndex) -> bool:
    """A total of ratings, grades or percentages (customerRating, Pass %): a number nobody
    adds up, so a reading that sums one misread the question ("how many people joined"
    summed the customers' ratings)."""
    plans = [plan, *(side for side in (plan.left, plan.right) if isinstance(side, Plan))]
    return any(
        agg.func == "sum"
        and agg.column is not None
        and index.column_tokens.get(agg.column, [""])[-1:] != []
        and index.column_tokens.get(agg.column, [""])[-1] in SCORE_TOKENS
        for one in plans
        for agg in [*one.aggregates, *one.then]
    )


def _adds_up_the_rows_labels(plan: Plan, index: SchemaIndex) -> bool:
    """A total of the labels that name the rows ("which depot serves the most lines" summing
    the numbers of Line 1, Line 2 …, N1), or of places in a ranking ("the most airports in
    the ranking" summing Rank): a label or a place is counted, never added up."""
    sources = {d.name: d.column for d in plan.derive if d.kind == "leading_number" and d.column}
    for agg in [*plan.aggregates, *plan.then]:
        if agg.column is None or agg.func not in ("sum", "mean"):
            continue
        column = sources.get(agg.column, agg.column)
        if index.labels_the_rows(column):
            return True
        written = header_words(column)
        if (
            agg.func == "sum"
            and written
            and singular(written[-1]) in RANK_TOKENS
            # ("Ranks" of pipes, "Places" offered: plurals count things, and add up)
            and (not written[-1].endswith("s") or written[-1] == "pos")
        ):
            return True
    return False


def _counts_lists_whole(plan: Plan, index: SchemaIndex) -> bool:
    """Groups of a column whose cells hold lists ("Marcus Hale, Sunita Rao" beside "Marcus
    Hale"), or its different values counted: each list would count as one more thing, and
    the film Hale co-directed would not be his. Its items are not split here, so it is asked."""
    if not index.items:
        return False
    grouped = {key.column for key in plan.group_by}
    counted = {a.column for a in plan.aggregates if a.func == "count_distinct"}
    return bool((grouped | counted) & set(index.items))


def _an_extreme_for_how_many_times(plan: Plan, reading: Reading) -> bool:
    """ "how many times was he the top seed" read as the lowest Seed: "how many times" counts
    occasions (rows), never answered by one row's value, whatever that value is."""
    words = reading.words
    asked = any(words[i : i + 3] == ["how", "many", "times"] for i in range(len(words)))
    if not asked:
        return False
    if plan.operation == "rows":
        return True
    funcs = {a.func for a in [*plan.aggregates, *plan.then]}
    return bool(funcs) and funcs <= {"min", "max"}


def _contradictory(plan: Plan) -> bool:
    """A plan (or a side of it) that requires of one column, or one part of a date, values no
    row can have at once ("in July … September" read as month = 7 and month = 9, "weekends vs
    weekdays" as both): no row could pass, and the answer would be a confident 0."""
    sides = [side for side in (plan.left, plan.right) if isinstance(side, Plan)]
    if any(_contradictory(side) for side in sides):
        return True
    allowed: dict[tuple[str, str | None], set[Scalar | None]] = {}
    pending: list[Filter] = [plan.filters] if plan.filters is not None else []
    while pending:
        item = pending.pop()
        if isinstance(item, FilterGroup):
            if item.combine == "and":
                pending.extend(item.items)
            continue
        if item.op == "eq" and not isinstance(item.value, list):
            values: set[Scalar | None] = {item.value}
        elif item.op == "in" and isinstance(item.value, list):
            values = set(item.value)
        else:
            continue
        key = (item.column, item.part)
        allowed[key] = allowed[key] & values if key in allowed else values
        if not allowed[key]:
            return True
    return False


def top_n_words(
    reading: Reading,
) -> tuple[set[int], tuple[int, lexicon.Direction, set[int]] | None]:
    """'top 3', 'the 5 highest', 'bottom two': the count, the direction and their words."""
    words = reading.words
    for position, number in reading.numbers.items():
        if not number.is_integer or number.value < 1 or number.value > 1000:
            continue
        before = words[position - 1] if position else ""
        after = words[position + 1] if position + 1 < len(words) else ""
        if after in lexicon.PERIOD_WORDS or after.rstrip("s") in lexicon.PERIOD_WORDS:
            continue  # "the last 30 days", "first 6 months": a period, not a top N
        # ("best 5" and "worst 3" are restated as highest or lowest when their measure says)
        if within_top(words, position) is not None:
            continue  # "runners in the top 10": a place the rows had, never 10 answers
        if before in ("top", "first", "highest", "bottom", "last", "lowest"):
            direction: lexicon.Direction = "min" if before in ("bottom", "lowest") else "max"
            n = int(number.value)
            return {position - 1, position}, (n, direction, {position - 1, position})
        asked = (
            before in ("which", "what")
            or (
                before == "the"
                and after not in lexicon.MAX_WORDS | lexicon.MIN_WORDS  # "the 3 longest": below
                and (
                    words[position - 2 : position - 1] in ([w] for w in _LISTING_VERBS)
                    or words[max(0, position - 3) : position - 1]
                    in (["what", "are"], ["which", "are"])
                )
            )
        )
        if asked and words[position + 1 : position + 2] != ["of"]:
            # "which 3 districts had the most failures", "list the 2 centres with the fewest
            # bookings": the top 3, by the superlative after
            later = [
                (i, w)
                for i, w in enumerate(words)
                if i > position and (w in lexicon.MAX_WORDS or w in lexicon.MIN_WORDS)
            ]
            if later:
                direction = "max" if later[0][1] in lexicon.MAX_WORDS else "min"
                return {position}, (int(number.value), direction, {position})
        if (after in lexicon.MAX_WORDS or after in lexicon.MIN_WORDS) and not is_unit(after):
            # ("45 min" is 45 minutes, never the 45 lowest)
            direction = "max" if after in lexicon.MAX_WORDS else "min"
            used = {position, position + 1}
            return used, (int(number.value), direction, used)
    return set(), None


_LISTING_VERBS = frozenset({"list", "show", "name", "give", "find", "display", "get"})


# whole words only: "cLaren" inside "McLaren-Mercedes" is no camelCase name
_IDENTIFIER = re.compile(
    r"\b(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+)\b"
)


def _missing_column(question: str, index: SchemaIndex) -> str | None:
    """A name written like a column (snake_case, camelCase) that this table does not have.

    It is never replaced by a similar column: the analyst is told, with the names that exist.
    """
    from ...analysis.validate import closest_columns

    columns = [c.name for c in index.profile.column_profiles]
    known = {c.lower() for c in columns}
    for name in _IDENTIFIER.findall(question):
        if name.lower() in known:
            continue
        key = f" {normalize(name)} "
        if any(key in f" {cell} " for cells in index.values.values() for cell in cells):
            continue  # "iPhone", "eBay": (a word of) a cell value written like a name
        close = closest_columns(name, columns)
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        return f"There is no column {name!r} in this file.{hint}"
    return None


def _ask_back(question: str, reading: Reading, offered: list[Scored]) -> str:
    if not offered:
        return f"I could not tell what to compute from {question!r}."
    best = offered[0]
    left = [
        reading.written.get(i, reading.words[i]) for i in best.grounded_left + best.ungrounded_left
    ]
    if not best.complete and left:
        unexplained = ", ".join(f"'{w}'" for w in dict.fromkeys(left))
        return f"I am not sure how to read {question!r}: I could not place {unexplained}."
    return f"{question!r} can be read in more than one way."
