"""Best and worst: a direction that belongs to the measure.

"The worst delay" is the highest delay, "the worst goal difference" the lowest, "the worst
finishing time" in a race the longest; "worse seeing" (arcseconds) is no direction known, and
is asked back. The reader restates "best" and "worst" (and
"poorest") as "highest" or "lowest" when the measure they qualify has a known direction
(``lexicon.HIGHER_IS_BETTER``, ``LOWER_IS_BETTER``; a time only in a table of results);
otherwise the word stays as written, a cue no reading explains, and the question is asked
back. A column of places (rank, position) is read the other way round by the candidates
themselves ("the top ranked" is place 1), so its best is restated as "highest" here.
"""

from __future__ import annotations

from ..schema_index import ColumnMention, SchemaIndex, singular, tokens
from . import lexicon

_RANK_WORDS = frozenset(
    singular(w)
    for w in ("rank", "ranking", "place", "placing", "position", "pos", "standing", "seed")
)
_RESULT_WORDS = frozenset(singular(w) for w in ("finish", "finishing", "result"))


def restate_judgements(
    words: list[str], norm: list[str], columns: list[ColumnMention], index: SchemaIndex
) -> dict[int, str]:
    """Replace each best/worst whose measure has a known direction by highest/lowest; the
    words replaced, as written (for messages)."""
    written: dict[int, str] = {}
    for i, word in enumerate(words):
        comparing = word in lexicon.BETTER_WORDS or word in lexicon.WORSE_WORDS
        best = word in lexicon.BEST_WORDS or word in lexicon.BETTER_WORDS
        if not best and word not in lexicon.WORST_WORDS and not comparing:
            continue
        if any(m.start <= i < m.end and m.score >= 0.6 for m in columns):
            continue  # "Best Lap": a word of a column's name
        measure = _measure_of(i, columns, index)
        better = None if measure is None else better_direction(measure, index)
        if measure is None or better is None:
            continue
        higher = better == "max" if best else better == "min"
        if comparing and _ranks(measure, index) and _a_threshold(words, i):
            # "a peak of 10 or better", "finished worse than 20th": a bound on places, where
            # better is the smaller number (a comparison of two rows is turned by the
            # candidates, as a superlative is)
            higher = not higher
        if comparing:  # "was the seeing worse for A than for B": higher or lower, as measured
            words[i] = norm[i] = "higher" if higher else "lower"
        else:
            words[i] = norm[i] = "highest" if higher else "lowest"
        written[i] = word
    return written


def _measure_of(at: int, columns: list[ColumnMention], index: SchemaIndex) -> str | None:
    """The measure a judgement qualifies: the nearest one named after it ("the worst goal
    difference"), else before it ("average delay per carrier, which is worst")."""
    measures = [
        m
        for m in columns
        if m.score >= 0.6
        and (index.is_numeric(m.column) or _is_duration(m.column, index))
        and not (m.start <= at < m.end)
    ]
    after = sorted((m for m in measures if m.start > at), key=lambda m: m.start)
    before = sorted((m for m in measures if m.end <= at), key=lambda m: -m.end)
    found = after or before
    return found[0].column if found else None


def _ranks(column: str, index: SchemaIndex) -> bool:
    return bool(set(index.column_tokens.get(column, [])) & _RANK_WORDS)


def _a_threshold(words: list[str], at: int) -> bool:
    """ "10 or better", "better than 10": the comparative bounds a number, never two rows."""
    before = words[max(0, at - 2) : at]
    after = words[at + 1 : at + 3]
    return (len(before) == 2 and before[1] == "or" and _a_number(before[0])) or (
        len(after) == 2 and after[0] == "than" and _a_number(after[1])
    )


def _a_number(word: str) -> bool:
    """A place as written: "10", "10th", "third"."""
    return word.rstrip("stndrh").isdigit() or word in lexicon.ORDINALS


def better_direction(column: str, index: SchemaIndex) -> lexicon.Direction | None:
    """Which way the column is better ("max": more is better), or None when not known."""
    name = set(index.column_tokens.get(column, []))
    if name & _RANK_WORDS:
        return "max"  # a place: the candidates read it the other way round (1 is best)
    matched: list[tuple[int, lexicon.Direction]] = []
    sides: tuple[tuple[tuple[str, ...], lexicon.Direction], ...] = (
        (lexicon.HIGHER_IS_BETTER, "max"),
        (lexicon.LOWER_IS_BETTER, "min"),
    )
    for phrases, direction in sides:
        for phrase in phrases:
            said = set(tokens(phrase))
            if said and said <= name:
                matched.append((len(said), direction))
    if any(set(tokens(word)) <= name for word in lexicon.RESULT_TIMES) and _holds_results(index):
        matched.append((1, "min"))
    if not matched:
        return None
    longest = max(size for size, _ in matched)
    directions = {d for size, d in matched if size == longest}
    return directions.pop() if len(directions) == 1 else None


def _holds_results(index: SchemaIndex) -> bool:
    """A table of results: a column of places, or one named for finishing."""
    return any(set(words) & (_RANK_WORDS | _RESULT_WORDS) for words in index.column_tokens.values())


def _is_duration(column: str, index: SchemaIndex) -> bool:
    profile = index.profile.column(column)
    return profile is not None and profile.dtype.startswith("timedelta")
