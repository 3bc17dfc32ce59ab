"""Scoring: how much of the question a candidate explains, and whether it clearly wins.

Every content word (not filler) must be explained. A word that names something on
this table (a column, a value, a number, a cue) and is left unused means the
candidate ignored part of the question: it cannot be the answer. A word that names
nothing here ("actress", "appear") costs a little: at most two such words are
tolerated, since people name the table's subject and use verbs we have no list for.
The winner must beat the next *different* plan by a clear margin, or we ask back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...analysis.plan import Condition, Filter, FilterGroup, Plan
from ..schema_index import ColumnMention, tokens
from . import lexicon
from .derived import filter_columns
from .narrowing import (
    a_quality_of_counts,
    aggregated_columns,
    both_sides_named,
    dates_an_event,
    done_again,
    qualifies_a_value,
    recency_unsaid,
    tells_measures_apart,
    the_measure_itself,
)
from .pieces import Candidate
from .reading import Reading
from .restatements import restated
from .units import SECONDS, column_unit, is_unit, unit_of
from .unsaid import (
    counts_rows_only,
    games_of_a_tally,
    left_out,
    must_be_placed,
    verb_of_a_pronoun,
)

GROUNDED_COST = 3.0
UNGROUNDED_COST = 0.4  # a noun we cannot place; a verb ("competed", "released") costs half
MAX_UNGROUNDED_COST = 0.4
MARGIN = 0.25
WINNER_TOKENS = frozenset({"winner", "victor", "champion", "win", "won"})
LOSER_TOKENS = frozenset({"loser", "lost", "loss"})  # and "runner up", both words
YES_NO_MISMATCH = 1.0  # a value or a list given to a question that asks yes or no
NEAR = 1.0  # readings this close are worth running when the winner finds nothing
MAX_AGREEING = 4  # more close readings than this: ask back rather than run them all


@dataclass
class Scored:
    candidate: Candidate
    score: float
    grounded_left: list[int]
    ungrounded_left: list[int]
    ungrounded_cost: float = 0.0

    @property
    def complete(self) -> bool:
        return not self.grounded_left and self.ungrounded_cost <= MAX_UNGROUNDED_COST + 1e-9


def grounded_positions(reading: Reading) -> set[int]:
    """Positions that mean something on this table or to the planner."""
    out = set(reading.numbers) | set(reading.dates)
    out |= reading.cell_openings  # "how many ships were scrapped" beside "Scrapped 1935"
    out |= {
        i
        for m in reading.columns
        if m.score >= 0.6
        and (not verb_of_a_pronoun(reading.words, m.start, m.end) or _a_second_measure(reading, m))
        for i in range(m.start, m.end)
    }
    out |= {i for v in reading.values for i in range(v.start, v.end)} | reading.people
    out |= reading.letters  # "got an X": a mark the table may not hold is still asked about
    out |= reading.negated  # "ineligible" beside an Eligible column: its no, never filler
    # a word that differs from a cell value only in its ending ("canadians" beside Canada)
    out |= {i for v in reading.partial_values if not v.whole_word for i in range(v.start, v.end)}
    for i, word in enumerate(reading.words):
        if lexicon.is_cue(word):
            out.add(i)
    out |= must_be_placed(reading)  # "sold out", "in the 2010s", "densely populated"
    # a word with a digit ("500cc", "u21") names a value or an amount: never dropped
    out |= {i for i, word in enumerate(reading.words) if any(ch.isdigit() for ch in word)}
    # "were referred" beside a flag called ref: a verb a short header abbreviates points at it
    short = {t for t in reading.name_stems if 3 <= len(t) <= 4 and t.isalpha()}
    out |= {
        i
        for i, word in enumerate(reading.words)
        if lexicon.is_past_verb(word)
        and any(word.startswith(t) and len(word) >= len(t) + 3 for t in short)
    }
    # A word of a column's name ("counties" beside "Counties Represented") points at that
    # column even where no mention was read: ignoring it ignores part of the question.
    # A verb after an auxiliary ("did we ship") says how, whatever a column is called.
    out |= {
        i
        for i, stem in enumerate(reading.norm)
        if stem in reading.name_stems
        and reading.words[i].isalpha()
        and not (
            i
            and reading.words[i - 1] in lexicon.AUXILIARIES
            and stem not in reading.counted_stems  # "were built" beside "Number built"
        )
    }
    return out


def _a_second_measure(reading: Reading, verb: ColumnMention) -> bool:
    """ "how many laps did he lead" beside Laps and Led: the verb names a column of amounts
    other than the one the counted noun names, so it may be the measure (the laps only its
    unit), never a word that only says how."""
    numeric = reading.numeric_columns
    return verb.column in numeric and any(
        m.column != verb.column and m.column in numeric and m.end <= verb.start and m.score >= 0.9
        for m in reading.columns
    )


def _unit_asked_for(reading: Reading, plan: Plan, durations: set[str]) -> set[int]:
    """ "average delay in hours" on a column of minutes: the answer would come in minutes, so
    the unit asked for is a part of the question the plan does not answer; "total fuel cost
    per km" asks for a rate no column of dollars gives."""
    words = reading.words
    aggregated = aggregated_columns(plan)
    # "in hours", and a unit said right after the measure ("total outage hours")
    ends = {m.end for m in reading.columns if m.column in aggregated and m.score >= 0.6}
    asked = [
        i
        for i in range(1, len(words))
        if (words[i - 1] == "in" and (is_unit(words[i]) or words[i] in _SCALE_WORDS))
        # "fuel cost per km": a rate over a distance, unless the measure is counted per km
        or (words[i - 1] == "per" and is_unit(words[i]) and words[i] not in lexicon.PERIOD_WORDS)
        or (
            (i in ends and words[i] in SECONDS and words[i] not in lexicon.PERIOD_WORDS)
            and i not in reading.numbers
            and (i - 1) not in reading.numbers
        )  # "5 hours" is an amount, not the unit asked for
    ]
    if asked and _names_a_row_in_a_unit(reading, plan, aggregated):
        # "what was the longest test in minutes": minutes are asked, never a Test ID
        return {i for i in asked if words[i - 1] == "in" and is_unit(words[i])}
    if not asked or not aggregated:
        return set()
    units = [column_unit(c) for c in aggregated if c not in durations]
    # a column whose name gives no unit ("length_of_stay"): the answer's unit is unknown (a
    # column of durations is answered in seconds, and says so); the answer is never scaled
    # ("in thousands of euros")
    return {
        i
        for i in asked
        if words[i] in _SCALE_WORDS or any(u is None or unit_of(words[i]) != u for u in units)
    }


_BEFORE_A_NOUN = [
    ["the"],
    ["of"],
    ["all"],
    ["among"],
    ["for"],
    ["on"],
    ["in"],
    ["at"],
    ["from"],
    ["with"],
]
_AFTER_A_COPULA = [["are"], ["were"], ["is"], ["was"]]
_ROW_WORDS = frozenset({"rows", "records", "entries", "lines"})
_SCALE_WORDS = frozenset({"thousands", "thousand", "millions", "million", "billions", "k"})


def _names_a_row_in_a_unit(reading: Reading, plan: Plan, aggregated: set[str]) -> bool:
    """A row's column given for "what is the heaviest drop-off in kg": an answer with no unit
    (an id, a name) where a unit is asked; "which drop-off" asks the row itself."""
    answer = plan.answer_column
    if not answer or answer in aggregated or (plan.sort and plan.sort[0].column == answer):
        return False
    if reading.words[:1] != ["what"] or reading.words[1:2] not in _WHAT_IS:
        return False  # "what region had the highest sales in dollars": the region is asked
    return column_unit(answer) is None


_WHAT_IS = [["is"], ["was"], ["are"], ["were"], ["the"]]


def _modifiers(
    reading: Reading, left: list[int], grounded: set[int], id_nouns: set[int]
) -> set[int]:
    """Unplaced words between "how many" and the noun it counts ("how many premium listings",
    "how many home games"): they pick the rows counted, so a plan that drops them counts
    other rows. And the noun after "per": a rate ("units per order") is not a total."""
    named = {i for m in reading.columns if m.score >= 0.6 for i in range(m.start, m.end)}
    # a word of a column's own name (not a sense of it) that a column mention covers
    strong = {i for i in named if reading.norm[i] in reading.name_stems}
    words = reading.words
    valued = {i for v in reading.values for i in range(v.start, v.end)}
    out = set()
    for i in left:
        following = i + 1
        if i in grounded or not words[i].isalpha() or i in reading.rows_modifiers:
            continue  # ("clock" of "clock towers" in clock_towers.csv names the rows)
        if _a_predicate(reading, i) or _a_bare_state(reading, i):
            out.add(i)  # "how many batches were organic": which batches, never all of them
            continue
        if words[i - 1 : i] == ["by"] and words[i] not in lexicon.FILLER:
            out.add(i)  # "top 2 resorts by revenue": what ranks them, never the row count
            continue
        if i and words[i - 1] == "per":
            out.add(i)  # "the most units per order": a rate the plan would leave out
            continue
        if i and words[i - 1] == "each" and words[i] not in lexicon.FILLER - _COMMAND_NOUNS:
            out.add(i)  # "average score for each show": the groups the plan would leave out
            continue
        if i > 2 and words[i - 1] == "of" and words[i - 3] == "per":
            out.add(i)  # "total amount per kg of weight": the rate's other side
            continue
        after_for = words[i - 1 : i] == ["for"] or words[max(0, i - 2) : i] == ["for", "the"]
        if after_for and (following >= len(words) or words[following] in lexicon.FILLER):
            # "total amount for SSRIs (in Q4)": what the total is for, never dropped; "for
            # movies released in 2020" leaves it to what follows
            out.add(i)
            continue
        if (
            i
            and lexicon.is_superlative(words[i - 1])
            and not lexicon.is_past_verb(words[i])
            and any(m.start == i - 1 and m.end == i and m.score < 0.9 for m in reading.columns)
        ):
            # "the longest career" beside Length: the superlative measures the career, a
            # thing the table does not name, never the length it implies alone
            out.add(i)
            continue
        if the_measure_itself(reading, i, named):
            out.add(i)  # "the average price per night" with no price column: not nights
            continue
        if dates_an_event(reading, i):
            out.add(i)  # "orders placed in 2024 were returned": whose date is 2024
            continue
        if done_again(reading, i):
            out.add(i)  # "how many bugs were reopened" beside OPENED_AT: not every bug
            continue
        if qualifies_a_value(reading, i, valued):
            out.add(i)  # "children's books" beside an item type of Book: which books
            continue
        if tells_measures_apart(reading, i):
            out.add(i)  # "goals conceded" beside Goals, GF and GA: which goals
            continue
        if _ends_a_place_phrase(reading, i, grounded):
            out.add(i)  # "her fastest time in the single sculls": where, never dropped
            continue
        if words[i] in ("report", "reports", "reporting") and words[following : following + 1] == [
            "to"
        ]:
            out.add(i)  # "report to Alice": a reporting line, not a filter on a name
            continue
        if following >= len(words):
            continue
        if (
            i in strong
            and i not in id_nouns  # "the longest trip distance": whose distance, the rows'
            and following in named
            and not lexicon.is_past_verb(words[following])
        ):
            out.add(i)  # "the most home wins": Home (records "33–8") picks which wins
            continue
        if reading.norm[following] in reading.subject and (
            words[i - 1 : i] in _BEFORE_A_NOUN or words[i - 1 : i] in _AFTER_A_COPULA
        ):
            # "the average population of the inhabited islands", "how many of the bridges
            # are toll bridges": which islands, which bridges
            out.add(i)
            continue
        after = following
        while after in valued:
            after += 1
        if (
            after > following
            and after < len(words)
            and (reading.norm[after] in reading.subject or after in id_nouns or after in named)
        ):
            out.add(i)  # "in-person EN-ES meetups": which meetups, past the value between
            continue
        if words[max(0, i - 2) : i] not in (["how", "many"], ["number", "of"]):
            continue
        if (
            following in named
            or following in valued  # "how many purple rye batches": which rye batches
            or reading.norm[following] in reading.subject
            or words[following] in _ROW_WORDS  # "how many world records": which records
        ):
            out.add(i)
    return out


_PLACE_PREPOSITIONS = frozenset({"in", "at", "on", "during"})
# what a question may say it is "in" that picks no rows: the table itself
_THE_TABLE = frozenset(
    {"dataset", "data", "table", "list", "ranking", "rankings", "file", "records", "sheet",
     "spreadsheet", "csv", "total", "all", "general", "order", "future", "past"}
)  # fmt: skip


def _ends_a_place_phrase(reading: Reading, position: int, grounded: set[int]) -> bool:
    """Whether an unplaced noun ends the question inside "in/at/on the …" ("in the single
    sculls", "at the Lucerne regatta"): a condition that picks the rows, never filler. The
    table itself ("in the dataset", "on the list") picks none."""
    words = reading.words
    if words[position + 1 :] and any(w.isalpha() for w in words[position + 1 :]):
        return False
    if words[position] in _THE_TABLE or not words[position].isalpha():
        return False
    if position in reading.topic or reading.norm[position] in reading.subject:
        return False  # "how many patients are in the trial" in clinical_trial_visits.csv
    if any(m.start <= position < m.end for m in reading.columns):
        return False  # "at the finals" beside "Final date": what the rows are, said so
    for back in range(position - 1, max(-1, position - 4), -1):
        if words[back] in _PLACE_PREPOSITIONS:
            # "in biathlon", "in doubles" as much as "in the single sculls": which rows
            return back + 1 < position or words[back] != "in" or not _said_how(words[position])
        if back in grounded or words[back] not in lexicon.FILLER:
            return False
    return False


def _said_how(word: str) -> bool:
    """A word after a bare "in" that says how or how much, never where: "in total", "in
    person", "in advance", or a unit ("in kg")."""
    return word in _IN_MANNER or is_unit(word) or word in lexicon.PERIOD_WORDS


_IN_MANNER = frozenset(
    {"total", "all", "general", "person", "advance", "time", "order", "particular", "full",
     "short", "sum", "summary", "fact", "practice", "theory", "turn", "return", "between"}
)  # fmt: skip


# command words that are also things a table groups by ("for each show", "each name")
_COMMAND_NOUNS = frozenset({"show", "shows", "name", "names", "display"})
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def _a_predicate(reading: Reading, position: int) -> bool:
    """An adjective said of the rows after "is/are/was/were", last in its clause ("how many
    tasks were late?", "what share of reports were urgent?"): it is the condition the question
    asks about. (A verb's participle, "were released", says how and is left to ``_soft_cost``.)"""
    words = reading.words
    word = words[position]
    if not position or words[position - 1] not in _COPULAS:
        return False
    if lexicon.is_past_verb(word) or word.endswith("ing") or word in lexicon.IRREGULAR_PAST:
        return False
    if word in lexicon.FILLER or lexicon.is_cue(word) or is_unit(word):
        return False
    following = words[position + 1] if position + 1 < len(words) else ""
    if following in ("in", "on"):
        rest = [w for w in words[position + 2 : position + 4] if w not in _DETERMINERS]
        if rest[:1] and rest[0] in _THE_DATA:
            return False  # "present in the dataset", "shown in this chart": every row is
    return not following.isalpha() or following in _CLAUSE_ENDS


def _a_bare_state(reading: Reading, position: int) -> bool:
    """ "how many groups escaped?", "how many teams in heat 3 qualified?", "… were
    disqualified?": a past verb ending a count says which rows are counted (a flag or a
    result no word placed, or asked back), unless it only says they took part or when
    ("were released", "were built")."""
    words = reading.words
    word = words[position]
    if (
        position + 1 == len(words)
        and word in _RESULT_BASE_VERBS
        and words[max(0, position - 2) : position - 1] in (["did"], ["does"], ["do"])
        and "how" in words[:position]
    ):
        return True  # "how many Tours did he start?": the ones he started, a DNS says not
    if position + 1 != len(words) or not lexicon.is_past_verb(word):
        return False
    if position >= 3 and words[position - 3 : position - 1] == ["how", "many"]:
        return word not in lexicon.TAKING_PART  # right after the counted noun
    # further on, past a filter ("in heat 3"), only a verb of a result or a state is sure to
    # pick rows; "how many canadians were selected" says what every row of a draft is
    return (
        "how" in words[:position]
        and word in lexicon.OUTCOME_STATES
        and word not in lexicon.TAKING_PART
    )


# Results said in the base form after "did he": each picks some rows, never all of them
_RESULT_BASE_VERBS = frozenset(
    {"start", "finish", "complete", "qualify", "pass", "fail", "retire", "withdraw", "survive"}
)
_CLAUSE_ENDS = frozenset({"and", "or", "but", "in", "at", "on", "during", "for", "from", "by"})
_DETERMINERS = frozenset({"the", "this", "these", "that", "our", "my", "your"})
_THE_DATA = frozenset(
    {"data", "dataset", "file", "table", "sheet", "csv", "spreadsheet", "chart", "list", "graph"}
)


def _topic(reading: Reading) -> set[int]:
    """The file's name said again as a name ("the Ryder Cup" in ryder_cup_results.csv), where
    no value of the table is read from those words: it restates the table, never picks rows.
    Only a capitalised name: "medals" in medal_table.csv or "escaped" in escape_rooms.csv
    still say what is counted or which rows."""
    valued = {i for v in reading.values for i in range(v.start, v.end)}
    return (set(reading.topic) & set(reading.proper)) - valued


def _soft_cost(reading: Reading, position: int) -> float:
    """What leaving an unplaced word costs. A verb after an auxiliary ("were released", "did
    they compete") says how, rarely which rows: half. The same word as an adjective ("failing
    grades") picks rows, so it costs in full."""
    word = reading.words[position]
    before = reading.words[position - 1] if position else ""
    if len(word) > 5 and word.endswith(("ed", "ing")) and before in lexicon.AUXILIARIES:
        return UNGROUNDED_COST / 2
    if word in lexicon.IRREGULAR_PAST:  # "that came in by email", "the money went to"
        return UNGROUNDED_COST / 2
    return UNGROUNDED_COST


def _echoes(reading: Reading, candidate: Candidate, id_nouns: set[int]) -> set[int]:
    """Words that only repeat what the candidate already used: a second "month" in "which month
    … (month name)", or another mention of a column the plan reads ("ticket id please")."""
    said = {reading.norm[i] for i in candidate.explained if i < len(reading.norm)}
    out = {i for i, stem in enumerate(reading.norm) if stem in said}
    # "the cheapest item (lowest unit cost)": a second superlative of the same direction
    for words in (lexicon.MAX_WORDS, lexicon.MIN_WORDS):
        if said & words:
            out |= {i for i, word in enumerate(reading.words) if word in words}
    used = _plan_columns(candidate.plan)
    read = used | filter_columns(candidate.plan.filters) | filter_columns(candidate.plan.condition)
    # Another mention of a column the plan reads, named plainly somewhere in the question:
    # "total sales (revenue)", "ticket id please", "(by Last Restock date)", "attended by more
    # than 25,000 people".
    plain = {m.column for m in reading.columns if m.column in read and m.score >= 0.85}
    for m in reading.columns:
        if m.column in plain and m.score >= 0.5:  # "stock … (quantity on hand)"
            out |= set(range(m.start, m.end))
            after = m.end
            if after < len(reading.words) and reading.words[after] in _TYPE_WORDS:
                out.add(after)
    if _averages(candidate.plan):
        # "average kWh per reading" in readings.csv, "average fee per appointment" beside an
        # Appointment ID: a mean is per row already (a total "per appointment" is not)
        out |= {
            i
            for i in range(1, len(reading.words))
            if reading.words[i - 1] == "per"
            and (reading.norm[i] in reading.subject or i in id_nouns)
        }
    if _counts(candidate.plan):  # "(count divided by count)" restates the counts
        out |= {i for i, word in enumerate(reading.words) if word in ("count", "counts")}
    # the rows where either Champion or Runner-up holds a name say neither "won" nor "lost"
    said_by_result = used | _columns_tested_alone(candidate.plan.filters)
    said_by_result |= _columns_tested_alone(candidate.plan.condition)
    out |= _result_words(reading, said_by_result, _filter_values(candidate.plan))
    # a word of the name of a column the plan reads ("furnished" for isFurnished = yes)
    stems = set().union(*(tokens(c) for c in read)) if read else set()
    out |= {i for i, stem in enumerate(reading.norm) if stem in stems and len(stem) > 2}
    return out


_TYPE_WORDS = frozenset({"date", "column", "field", "values"})


def _averages(plan: Plan) -> bool:
    """Whether ``plan`` (or a side of it) takes a mean (or median) of a column over rows."""
    if any(agg.func in ("mean", "median") and agg.column for agg in plan.aggregates):
        return True
    return any(isinstance(side, Plan) and _averages(side) for side in (plan.left, plan.right))


def _counts(plan: Plan) -> bool:
    """Whether ``plan`` (or a side of it) counts rows."""
    if any(agg.func == "count" for agg in plan.aggregates):
        return True
    return any(isinstance(side, Plan) and _counts(side) for side in (plan.left, plan.right))


def _result_words(reading: Reading, columns: set[str], values: set[str]) -> set[int]:
    """ "won by Wales" with a Victor column, "who won the most" with a Winner column: the result
    word is said by the column the plan reads, whose name records who won (or lost). "How many
    titles has X won", "which sport won the most gold medals": a prize the plan reads (a column
    of titles, a Medal = Gold filter) says it too."""
    out: set[int] = set()
    names = set().union(*(tokens(c) for c in columns)) if columns else set()
    # a tally of prizes (a Gold or a Titles column of numbers): a Title column of names (the
    # Kisung, the Myungin) holds what was played for, never that it was won
    tallies = [c for c in columns if c in reading.numeric_columns]
    tallied = set().union(*(tokens(c) for c in tallies)) if tallies else set()
    prizes = {tokens(p)[0] for p in lexicon.PRIZE_WORDS}
    # (a Total named by the prize word itself: "how many medals did Gibraltar win")
    said_prize = any(
        m.column in tallies and reading.words[m.start] in lexicon.PRIZE_WORDS
        for m in reading.columns
    )
    if tallied & prizes or said_prize or {tokens(v)[0] for v in values if tokens(v)} & prizes:
        # "won", and the kind of prize ("gold medals" with a Gold column, "titles won")
        out |= {
            i
            for i, word in enumerate(reading.words)
            if word in lexicon.WIN_WORDS or word in lexicon.PRIZE_WORDS
        }
    if reading.rows_are_wins:
        # "how many titles did she win" on her titles: the verb says what every row is
        out |= {i for i, word in enumerate(reading.words) if word in lexicon.WIN_WORDS}
    for words, heads in ((lexicon.WIN_WORDS, WINNER_TOKENS), (lexicon.LOSE_WORDS, LOSER_TOKENS)):
        if names & heads or (words is lexicon.LOSE_WORDS and {"runner", "up"} <= names):
            out |= {i for i, word in enumerate(reading.words) if word in words}
    return out


def _columns_tested_alone(item: Filter | None) -> set[str]:
    """The columns a filter tests, but for those tested only as one side of an "or"."""
    if isinstance(item, Condition):
        return {item.column}
    if isinstance(item, FilterGroup) and item.combine != "or":
        return set().union(*(_columns_tested_alone(each) for each in item.items))
    return set()


def _filter_values(plan: Plan) -> set[str]:
    """The text values the plan's filters (and its sides') test."""
    out: set[str] = set()
    pending: list[object] = [plan.filters, plan.condition]
    pending += [side.filters for side in (plan.left, plan.right) if isinstance(side, Plan)]
    while pending:
        item = pending.pop()
        if isinstance(item, FilterGroup):
            pending.extend(item.items)
        elif isinstance(item, Condition):
            values = item.value if isinstance(item.value, list) else [item.value]
            out |= {v for v in values if isinstance(v, str)}
    return out


def _superlatives_listed(reading: Reading, plan: Plan) -> set[int]:
    """ "the longest mission" over a column of durations written as text: a superlative asks
    for an extreme, which a list of every distinct value never gives, whatever column the word
    implies. Only a superlative that is a word of a column's name ("Longest Streak") is said
    by listing that column."""
    if plan.operation != "distinct" or plan.sort or plan.limit is not None:
        return set()
    listed = [tokens(c) for c in plan.select]
    norm = reading.norm

    def said_by_listing(i: int) -> bool:
        # "the longest streak" of Longest Streak; never "the deepest trench" of Deepest point
        after = norm[i + 1] if i + 1 < len(norm) else None
        return any(
            norm[i] in name and (after is None or after in name or len(name) == 1)
            for name in listed
        )

    return {
        i
        for i, word in enumerate(reading.words)
        if lexicon.is_superlative(word) and not said_by_listing(i)
    }


def _plan_columns(plan: object) -> set[str]:
    if not isinstance(plan, Plan):
        return set()
    columns = {plan.answer_column} if plan.answer_column else set()
    columns |= {k.column for k in plan.group_by} | {a.column for a in plan.aggregates if a.column}
    columns |= {s.column for s in plan.sort}
    columns |= {d.column for d in plan.derive if isinstance(d.column, str)}
    for side in (plan.left, plan.right):
        columns |= _plan_columns(side)
    return columns


def score(
    candidates: list[tuple[Candidate, float]],
    reading: Reading,
    subject: set[int] | None = None,
    durations: set[str] | None = None,
    id_nouns: set[int] | None = None,
) -> list[Scored]:
    """Rank candidates; ``subject`` are words that may just name the rows (an id column's noun),
    ``durations`` the columns of durations (answered in seconds, whatever their names say),
    ``id_nouns`` the words that name an identifier column ("trip" for Trip ID)."""
    durations = durations or set()
    content = reading.content()
    grounded = grounded_positions(reading) - (subject or set())
    asks_yes_no = _asks_yes_no(reading)
    scored = []
    for candidate, frame_weight in candidates:
        if asks_yes_no and candidate.plan.operation not in _YES_NO_OPERATIONS:
            frame_weight += YES_NO_MISMATCH
        explained = candidate.explained | _echoes(reading, candidate, subject or set())
        explained |= restated(reading, explained)
        explained |= games_of_a_tally(reading, candidate.plan)
        explained -= _superlatives_listed(reading, candidate.plan)
        explained -= a_quality_of_counts(reading, candidate.plan)
        left = sorted(content - explained - candidate.subject - _topic(reading))
        # and a name written with a capital that names nothing here ("in Texas"): a filter
        # this table cannot answer, never to be dropped
        modifiers = _modifiers(reading, left, grounded, id_nouns or set())
        modifiers |= set(left) & reading.proper
        # and an acronym that names nothing here ("the rate of SARS"): the thing asked about
        modifiers |= {
            i for i in set(left) & reading.capitals if i and not is_unit(reading.words[i])
        }
        hard = [i for i in left if i in grounded or i in modifiers]
        hard += sorted(_unit_asked_for(reading, candidate.plan, durations))
        if asks_yes_no and candidate.plan.operation not in _YES_NO_OPERATIONS:
            hard.append(0)  # "did A host more times than B?" wants yes or no, never a ratio
        hard += left_out(reading, candidate.plan, explained)
        hard += recency_unsaid(reading, candidate.plan)
        hard += both_sides_named(reading, candidate.plan)
        soft = [i for i in left if i not in grounded and i not in modifiers]
        if candidate.shape.startswith("position"):
            # "what production opened first", "which tunnel opened first" beside an Opened
            # column: the date of that event orders them, never the file's order (and its
            # column is never the answer)
            plan = candidate.plan
            numbered = {d.name for d in plan.derive if d.func == "row_number"}
            in_file_order = all(k.column in numbered for k in plan.sort)
            said = content if in_file_order else set(soft)
            dated = [i for i in said if reading.words[i] in lexicon.DATED_EVENTS]
            hard += dated
            soft = [i for i in soft if i not in dated]
        value = -(
            GROUNDED_COST * len(hard)
            + sum(_soft_cost(reading, i) for i in soft)
            + candidate.penalty
            + frame_weight
        )
        cost = sum(_soft_cost(reading, i) for i in soft)
        scored.append(Scored(candidate, value, hard, soft, cost))
    scored.sort(key=lambda s: -s.score)
    return scored


_YES_NO_OPERATIONS = frozenset({"compare", "any", "all"})


def _asks_yes_no(reading: Reading) -> bool:
    """A question opened by an auxiliary verb ("is the average above 300?", "did anyone score
    100?") wants yes or no, unless it offers a choice ("is A or B higher?")."""
    words = reading.words
    return bool(words) and words[0] in lexicon.YES_NO_STARTS and "or" not in words


def decide(
    scored: list[Scored], answer_of: Callable[[Plan], str | None] | None = None
) -> tuple[Scored | None, list[Scored]]:
    """The winner, or None and the readings worth offering (distinct plans, best first).

    ``answer_of`` runs a plan on the table. When the question reads several ways that score
    alike, and every one of them gives the same answer, the answer does not depend on the
    reading, and the best-scored plan is kept (its sentence says how it was read).
    """
    distinct: list[Scored] = []
    seen: set[str] = set()
    for item in scored:
        key = item.candidate.plan.model_dump_json()
        if key in seen:
            continue
        seen.add(key)
        distinct.append(item)
    if not distinct:
        return None, []
    best = distinct[0]
    if not best.complete:
        return None, distinct[:3]
    rivals = [d for d in distinct[1:] if d.complete and best.score - d.score < MARGIN]
    if rivals and not _agree([best, *rivals], answer_of):
        return None, distinct[:3]
    if _finds_nothing_where_another_finds(best, distinct[1:], answer_of):
        return None, distinct[:3]
    if rivals:
        # Readings that agree say the same number; the sentence shown is the plainest of
        # those that scored alike ("how many matches did Wales win": rows, never the
        # distinct kinds of a Match column that happen to count the same)
        tied = [best, *(r for r in rivals if r.score == best.score)]
        best = next((r for r in tied if counts_rows_only(r.candidate.plan)), best)
    return best, []


def _finds_nothing_where_another_finds(
    best: Scored, others: list[Scored], answer_of: Callable[[Plan], str | None] | None
) -> bool:
    """A list that comes back empty while a near reading lists something: the filters that
    emptied it were probably misread (a word matched inside an unrelated value)."""
    plan = best.candidate.plan
    listing = plan.operation in ("rows", "distinct") and plan.limit is None
    near = [d for d in others if best.score - d.score < NEAR][:MAX_AGREEING]
    if answer_of is None or not listing or not near or answer_of(plan) is not None:
        return False  # (the winner runs here only when a near reading could replace it)
    return any(answer_of(d.candidate.plan) is not None for d in near)


def _agree(readings: list[Scored], answer_of: Callable[[Plan], str | None] | None) -> bool:
    if answer_of is None or len(readings) > MAX_AGREEING:
        return False
    first = answer_of(readings[0].candidate.plan)
    if first is None:
        return False
    return all(answer_of(item.candidate.plan) == first for item in readings[1:])
