"""Words a plan may not leave unsaid, and words it says without naming them.

Most words count by what they name on the table (``scoring.grounded_positions``). These are
the exceptions found on tables the planner was not tuned on:

- some pick rows, or name an amount, in words that are otherwise filler or a cheap verb:
  "sold out", "still on air", "in the 2010s", "the most densely populated" (``must_be_placed``);
- some are left out only by a particular kind of plan: "spent the most" by a count of rows,
  "how many years did X serve" by a count of X's rows, the column right after "which" by a
  lookup of another column, a "than" by anything that is no comparison (``left_out``);
- and some a plan says without their words: "won the most games" on a Wins column says the
  games (``games_of_a_tally``); "did he race" is the sentence's verb even beside a Races
  column (``verb_of_a_pronoun``).
"""

from __future__ import annotations

import re

from ...analysis.plan import Condition, FilterGroup, Plan, required_conditions
from ..schema_index import header_abbreviation, tokens
from . import lexicon
from .dated import DECADE
from .reading import Reading

_MULTIPLIERS = frozenset({"double", "twice", "triple", "treble", "thrice", "half", "quadruple"})


def must_be_placed(reading: Reading) -> set[int]:
    """Positions a reading must explain although they name nothing on the table."""
    words = reading.words
    out = {i for i, word in enumerate(words) if word in lexicon.MEASURE_ONLY_WORDS}
    out |= {i for i, word in enumerate(words) if DECADE.fullmatch(word)}  # "the 2010s"
    # "more than double Indonesia's": a factor the comparison needs, never dropped
    out |= {i for i, word in enumerate(words) if word in _MULTIPLIERS}
    # "did he win the Masters", "finish runner-up": a result that picks rows, never a verb
    # that only says how (a table with no result to read it on asks back)
    out |= {i for i, word in enumerate(words) if word in lexicon.WIN_LOSE_VERBS}
    # "did South Africa ever reach the final": a stage reached is a result (the Winner or
    # the Runner-up), never any column that happens to hold the name
    # "how old was Sebastian when he died": an age, never the date of the death
    out |= {i + 1 for i in range(len(words) - 1) if words[i : i + 2] == ["how", "old"]}
    valued = {v.start for v in reading.values} | {v.start for v in reading.partial_values}
    out |= {
        i
        for i, word in enumerate(words)
        if word in lexicon.REACH_VERBS
        # ("reached the summit" beside a Result of "Summit": the stage is that cell)
        and (i + 2 if words[i + 1 : i + 2] in (["the"], ["a"], ["an"]) else i + 1) not in valued
    }
    # ("first reach a World Cup final": the stage, past the file's own words, too)
    for i, word in enumerate(words):
        stage = i + 1
        while stage < len(words) and (
            words[stage] in ("the", "a", "an", "ever") or stage in reading.topic
        ):
            stage += 1
        if word in lexicon.REACH_VERBS and stage < len(words) and stage not in valued:
            out.add(stage)
    out |= {i for i in range(len(words) - 1) if words[i : i + 2] == ["runner", "up"]}
    # "how many charges had a fault": what they had picks the rows, never filler
    out |= {
        i + 2
        for i in range(len(words) - 2)
        if words[i] in ("had", "has", "have", "with")
        and words[i + 1] in ("a", "an")
        and words[i + 2].isalpha()
        and words[i + 2] not in lexicon.FILLER
        and words[i + 2] not in lexicon.AGGREGATE_WORDS
        and words[i + 2] not in lexicon.COUNT_QUALIFIERS
    }
    # "from 2017 onwards", "2015 or later": a bound the plan must read, never a year's rows
    out |= {i for i, word in enumerate(words) if word in ("onwards", "onward")}
    # "the most finishers", "how many qualifiers": some rows by their result, never all
    out |= {
        i
        for i, word in enumerate(words)
        if word in lexicon.RESULT_NOUNS and reading.norm[i] not in reading.subject
    }
    # "jobs with no labour time recorded": what is missing picks the rows, never filler
    out |= {
        i + 1
        for i in range(len(words) - 1)
        if words[i] in ("no", "without")
        and words[i + 1].isalpha()
        and words[i + 1] not in lexicon.FILLER
    }
    # "had at least one error": the thing there was one of picks the rows, never filler
    out |= {
        i + 3
        for i in range(len(words) - 3)
        if words[i : i + 3] in (["at", "least", "one"], ["at", "least", "1"])
        and words[i + 3].isalpha()
        and words[i + 3] not in lexicon.FILLER
    }
    # "the total number of points scored by Kent": what a match scores, never its rows,
    # unless the file is of them (goals.csv, one goal a row)
    out |= {
        i
        for i, word in enumerate(words)
        if word in lexicon.SCORED_NOUNS and reading.norm[i] not in reading.subject
    }
    for i in range(len(words) - 1):
        if (words[i], words[i + 1]) in lexicon.STATE_PHRASES:  # "sold out", "on air"
            out |= {j for j in (i, i + 1) if words[j] not in lexicon.FILLER}
        if words[i] == "still" and words[i + 1].isalpha() and words[i + 1] not in lexicon.FILLER:
            out.add(i + 1)  # "still broadcasting", "still open"
        if words[i] == "still" and tuple(words[i + 1 : i + 3]) in lexicon.STATE_PHRASES:
            out.add(i + 2)  # "still on air"
        elif (
            words[i] == "still"
            and words[i + 1] in ("in", "on", "at", "under")
            and words[i + 2 : i + 3]
            and words[i + 2].isalpha()
            and words[i + 2] not in lexicon.FILLER
        ):
            out.add(i + 2)  # "still in production", "still under construction"
    return out


def left_out(reading: Reading, plan: Plan, explained: set[int]) -> list[int]:
    """Positions ``plan`` leaves out that it may not: each is a part of the question unanswered."""
    words = reading.words
    out: list[int] = []
    if counts_rows_only(plan):
        # "which department spent the most": money, never the number of rows (a Spend column
        # the question names is its own word)
        out += [
            i
            for i, word in enumerate(words)
            if word in lexicon.MONEY_VERBS
            and reading.norm[i] not in reading.name_stems
            and words[i + 1 : i + 3] in (["the", "most"], ["the", "least"], ["most"], ["least"])
        ]
        # "the race number of the Lockheed Vega": a number it wears, never a count of rows
        out += [
            i - 1
            for i in range(2, len(words) - 1)
            if words[i] == "number"
            and words[i + 1] == "of"
            and words[i - 2] in ("the", "its", "his", "her", "their", "a")
            and words[i - 1].isalpha()
            and words[i - 1] not in lexicon.COUNT_QUALIFIERS
            and (i - 1) not in explained
        ]
        # "how many years did John Masefield serve": a term's length, never his rows (one)
        if reading.has("how many years", "how long"):
            out += [i for i, word in enumerate(words) if word in lexicon.SPAN_VERBS]
        # "how many years did the tramway operate": a span of time, never the rows (one),
        # unless the rows are such periods (a Year or Season column, a file of years)
        out += [
            i
            for i in range(2, len(words))
            if words[i - 2 : i] == ["how", "many"]
            and words[i] in _TIME_SPANS
            and reading.norm[i] not in reading.subject
            and not {reading.norm[i], "season"} & reading.name_stems
        ]
    if (
        words[:1] == ["when"]
        and plan.answer_column is not None
        and plan.answer_column not in reading.dated_columns
    ):
        out.append(0)  # "when was the first flight": its date, never its Flight ID
    out += _ends_of_a_range(reading, plan)
    if (
        words[:1] in (["where"], ["who"], ["whom"])
        and plan.operation == "aggregate"
        and not plan.group_by
        and plan.answer_column is None
    ):
        out.append(0)  # "where is the theatre with the widest orchestra": a place, never 35 m
    # "the average for A compared with B", "A vs B": one result each, never A and B pooled
    if plan.operation == "aggregate" and not plan.group_by and _pools_values(plan.filters):
        out += [i for i, word in enumerate(words) if word in _SIDE_BY_SIDE]
    elif plan.operation == "aggregate" and not plan.group_by:
        # "the average for escalated calls compared with non-escalated calls": one of the two
        # sides alone answers half the question
        # ("the game against Hull" picks one opponent: "against" compares nothing there)
        out += [
            i
            for i, word in enumerate(words)
            if word in _SIDE_BY_SIDE - {"against"} and i not in explained
        ]
    out += [i for i in _event_of_another_column(reading, plan) if i not in explained]
    if plan.operation in ("distinct", "rows"):
        # "the combined worldwide gross of the films by X": a sum asked, never their list
        out += [
            i
            for i, word in enumerate(words)
            if word in lexicon.SUM_ASKING_WORDS
            and i not in explained
            and reading.norm[i] not in reading.name_stems
        ]
    out += _which_noun_ignored(reading, plan)
    out += _complement_of_a_listing(reading, plan, explained)
    out += _which_of_the_named(reading, plan)
    if plan.operation not in ("calc", "compare", "any", "all"):
        # "how much longer are unplanned outages than planned ones": a comparison whose "than"
        # no filter or calculation explains ("other than X" negates)
        out += [
            i
            for i, word in enumerate(words)
            if word == "than" and i not in explained and words[i - 1] not in ("other", "rather")
        ]
    return out


_SIDE_BY_SIDE = frozenset({"compared", "versus", "vs", "against", "separately"})


def _pools_values(item: object) -> bool:
    """Whether a filter takes either of several values of one column (``in``)."""
    if isinstance(item, FilterGroup):
        return any(_pools_values(child) for child in item.items)
    return isinstance(item, Condition) and item.op == "in"


_TIME_SPANS = frozenset({"years", "months", "weeks", "days", "hours", "decades", "centuries"})


_TIME_COMPARISONS = frozenset({"after", "before", "since", "until", "in", "during", "by"})


def _event_of_another_column(reading: Reading, plan: Plan) -> list[int]:
    """ "How many popes were elected after 1950" on Born (a date) beside Age at election: the
    verb names another column's event, so the year of birth answers something else. The verb
    before a year is left out when the column the year is read from does not name it (and
    the plan places it nowhere else: "cups sold in March" with cups_sold)."""
    dated = [
        item.column
        for item in required_conditions(plan.filters)
        if item.part == "year" or item.column.endswith(" (year)")
    ]
    if not dated:
        return []
    said = set().union(*(tokens(column) for column in dated))
    out = []
    for i in range(len(reading.words) - 2):
        if reading.words[i + 1] not in _TIME_COMPARISONS or not lexicon.is_past_verb(
            reading.words[i]
        ):
            continue
        stem = reading.norm[i][:5]
        if len(stem) < 4 or any(word.startswith(stem) for word in said):
            continue
        if any(name.startswith(stem) for name in reading.timed_name_stems):
            out.append(i)
    return out


def _ends_of_a_range(reading: Reading, plan: Plan) -> list[int]:
    """ "from 2000–01 to 2004–05", "between 2000–01 and 2004–05": every season from one to
    the other, never only the two named. A filter of just the two values leaves out the
    "from" (or "between") that makes them a range."""
    ends = [v for v in reading.values if v.start >= 2]
    pairs = [
        (a, b)
        for a in ends
        for b in ends
        if a.column == b.column
        and a.end < b.start
        and (
            (reading.words[a.start - 1] == "from" and reading.words[a.end : b.start] == ["to"])
            or (
                reading.words[a.start - 1] == "between"
                and reading.words[a.end : b.start] == ["and"]
            )
        )
    ]
    if not pairs:
        return []
    listed = {
        c.column
        for c in required_conditions(plan.filters)
        if c.op in ("in", "eq") and isinstance(c.value, list) and len(c.value) == 2
    }
    return [a.start - 1 for a, b in pairs if a.column in listed]


def games_of_a_tally(reading: Reading, plan: Plan) -> set[int]:
    """ "won the most games", "lost more than 10 matches": on a column of wins or losses
    (Wins, W) the games are what its numbers count; the word asks for nothing more."""
    tallies = [
        column
        for column in plan.columns_used()
        if set(re.findall(r"[a-z]+", (header_abbreviation(column, set()) or column).lower()))
        & lexicon.TALLY_WORDS
    ]
    if not tallies:
        return set()
    return {i for i, word in enumerate(reading.words) if word in lexicon.GAME_WORDS}


def verb_of_a_pronoun(words: list[str], start: int, end: int) -> bool:
    """ "did he race", "does she play": one word after "did he" is the sentence's verb, which
    says how, even where it is also a column's name (Races)."""
    return (
        end - start == 1
        and start >= 2
        and words[start - 1] in ("he", "she", "they", "we", "it", "i", "you")
        and words[start - 2] in ("did", "does", "do")
    )


def counts_rows_only(plan: Plan) -> bool:
    return bool(plan.aggregates) and all(
        a.func == "count" and a.column is None for a in plan.aggregates
    )


def _which_noun_ignored(reading: Reading, plan: Plan) -> list[int]:
    """ "which series did he race with DAMS": the column named right after "which" is what is
    asked; a lookup answering with another column (Races, named by the verb) leaves it out."""
    words = reading.words
    if words[:1] not in (["which"], ["what"]) or plan.operation not in ("rows", "distinct"):
        return []
    # ("which is the only painting sold before 1988": the painting is asked all the same)
    at = 4 if words[1:3] in _IS_THE and words[3:4] in _ONLY else 1
    named = [m for m in reading.columns if m.start == at and m.score >= 0.9]
    answer = plan.answer_column or (plan.select[0] if plan.select else None)
    if not named or answer is None or any(m.column == answer for m in named):
        return []
    if any(d.name == answer for d in plan.derive):
        return []
    if any(
        m.column == answer and m.start == named[0].end and words[m.start] in lexicon.HEAD_NOUNS
        for m in reading.columns
    ):
        return []  # "what car number": the number is asked, "car" says whose
    return [at]


_IS_THE = [["is", "the"], ["was", "the"], ["are", "the"], ["were", "the"]]
_ONLY = [["only"], ["sole"], ["single"], ["one"]]


def _complement_of_a_listing(reading: Reading, plan: Plan, explained: set[int]) -> list[int]:
    """ "which nation was the host": one nation is asked for, picked by "the host"; listing
    every nation of the table answers nothing of it. A singular "which X was/is …" answered by
    the whole column must place every word after its verb."""
    words = reading.words
    if (
        words[:1] not in (["which"], ["what"])
        or len(words) < 4
        or words[2] not in ("was", "is")
        or plan.operation != "distinct"
        or plan.filters is not None
        or plan.limit is not None
    ):
        return []
    return [
        i for i in range(3, len(words)) if i not in explained and words[i] not in lexicon.FILLER
    ]


def _which_of_the_named(reading: Reading, plan: Plan) -> list[int]:
    """ "which is taller, Mica Dam or Alberto Lleras Dam": one of the two named rows is asked
    for; their heights are not the answer. And "which park was established right after X"
    asks for a park like X, the rows' own noun: the column its verb names (Established)
    only orders them. A lookup answering with another column than the named rows' leaves
    the question's "which" unanswered."""
    words = reading.words
    if words[:1] not in (["which"], ["who"]) or len(words) < 3:
        return []
    if plan.operation not in ("rows", "distinct"):
        return []
    answer = plan.answer_column or (plan.select[0] if len(plan.select) == 1 else None)
    named = {v.column for v in reading.values}
    if answer is None or answer in named or not named:
        return []
    if "or" in words:
        # the comparative ("which is taller"), or the verb ("who died first, A or B")
        return [2] if words[1] in ("is", "was", "has", "had", "are", "were") else [1]
    neighbour = any(d.kind == "window" and d.func in ("previous", "next") for d in plan.derive)
    if neighbour and reading.norm[1] in reading.subject:
        return [1]  # "which park … right after X": a park like X, not another column of it
    return []
