"""Places in a ranking as filters: "first place finishes", "who finished first", "came in 3rd",
"riders in the top 15".

Results tables record a place in one column: a number ("Rank", "Placing": 1, 2, 3) or
an ordinal as text ("Finish", "Place": 1st, 2nd, 6th). "First place" is then a filter on
that column, never the first row of the file. The slot is offered only when the place
phrase is unmistakable (an ordinal beside "place"/"position", or after "finished",
"placed", "came in") and the table has a column that holds places. "In the top 15" is
then every place up to 15: without a column of places it stays unplaced, since the order
of the rows in a file is no ranking the question can rely on.
"""

from __future__ import annotations

from ...analysis.plan import Condition, ConditionOp, Scalar
from ..schema_index import singular
from . import lexicon
from .options import FilterOption, Slot, SlotReader, cell_scalar

PLACE_NOUNS = frozenset({"place", "places", "position", "positions", "finish", "finishes", "spot"})
PLACE_VERBS = frozenset(
    {"finished", "finish", "finishing", "placed", "came", "come", "ranked", "ended"}
)
PLACE_TOKENS = frozenset(
    singular(w)
    for w in ("rank", "ranking", "place", "placing", "position", "pos", "finish", "standing")
)
# "start_position", "grid position", "seed": a place before the race, not its result
NOT_RESULT_TOKENS = frozenset({"start", "starting", "grid", "seed", "lane", "qualifying"})
_SUFFIXES = ("st", "nd", "rd", "th")
_MEDAL_WORDS = frozenset({"medal", "medals", "podium", "podiums"})
_MEDAL_NAME_TOKENS = frozenset(singular(w) for w in ("medal", "gold", "silver", "bronze"))
# "in the top 10", "among the top 3", "finished inside the top 5": a place the rows had
_WITHIN = frozenset({"in", "among", "within", "inside"})


def within_top(words: list[str], position: int) -> int | None:
    """Where "in the top N" starts when the number at ``position`` is its N, else None:
    the rows' place was at most N ("runners in the top 10"), never a list of N answers."""
    if position < 2 or words[position - 1] != "top":
        return None
    before = position - 2
    if words[before] == "the":
        before -= 1
    return before if before >= 0 and words[before] in _WITHIN else None


class PlaceSlots(SlotReader):
    """The places part of a FilterReader."""

    def _place_slots(self, used: set[int]) -> list[Slot]:
        slots: list[Slot] = []
        words = self.r.words
        for i, word in enumerate(words):
            place = lexicon.ORDINALS.get(word)
            if place is None or i in used:
                continue
            positions = self._place_phrase(i)
            if positions is None:
                continue
            options: Slot = []
            negation = self._negation_before(min(positions))
            for column, value in self._place_columns(place):
                op: ConditionOp = "in" if isinstance(value, list) else "eq"
                if negation is not None:
                    op = "not_in" if op == "in" else "ne"
                words_used = positions | ({negation} if negation is not None else set())
                condition = Condition(column=column, op=op, value=value)
                options.append(FilterOption(condition, frozenset(words_used), column, 0.1))
            if options:
                slots.append(options)
                used |= positions
        slots += self._top_places_slots(used)
        slots += self._medal_slots(used)
        return slots

    def _medal_slots(self, used: set[int]) -> list[Slot]:
        """ "how many medals did she win", "podium finishes": the places 1st to 3rd of a
        column of places (a table with a Medal column reads its cells instead). The win the
        verb says is the medal: never only the 1st places."""
        words = self.r.words
        said = [i for i, w in enumerate(words) if w in _MEDAL_WORDS and i not in used]
        names = {t for c in self.index.column_tokens.values() for t in c}
        if not said or names & _MEDAL_NAME_TOKENS or self._negation_before(said[0]) is not None:
            return []
        positions = frozenset(said) | {
            i for i, w in enumerate(words) if w in lexicon.WIN_WORDS and i not in used
        }
        options = self._up_to_options(3, positions)
        if not options:
            return []
        used |= positions
        return [options]

    def _top_places_slots(self, used: set[int]) -> list[Slot]:
        """ "in the top 15": the places from first to 15th, in each column of places."""
        slots: list[Slot] = []
        for position, number in sorted(self.r.numbers.items()):
            start = within_top(self.r.words, position)
            if position in used or start is None or not number.is_integer or number.value < 1:
                continue
            if self._negation_before(start) is not None:
                # "not in the top 10" also holds the rows with no place at all (DNF): left
                # unplaced, so the question is asked back rather than read as places 11 on
                continue
            positions = frozenset(range(start, position + 1))
            options = self._up_to_options(int(number.value), positions)
            if options:
                slots.append(options)
                used |= positions
        return slots

    def _place_phrase(self, at: int) -> set[int] | None:
        """The words of "1st place", "first position", "finished first", "came in 3rd"."""
        words = self.r.words
        after = words[at + 1] if at + 1 < len(words) else ""
        if after in PLACE_NOUNS:
            following = words[at + 2] if at + 2 < len(words) else ""
            return {at, at + 1} | ({at + 2} if following in PLACE_NOUNS else set())
        before = at - 1
        if before >= 1 and words[before] == "in" and words[before - 1] in PLACE_VERBS:
            return {before - 1, before, at}
        if before >= 0 and words[before] in PLACE_VERBS:
            return {before, at}
        return None

    def _up_to_options(self, last: int, positions: frozenset[int]) -> Slot:
        """One filter per column of places: its places from first to ``last``."""
        return [
            FilterOption(
                Condition(column=column, op="in" if isinstance(up_to, list) else "le", value=up_to),
                positions,
                column,
                0.1,
            )
            for column, up_to in self._places_up_to(last)
        ]

    def _places_up_to(self, last: int) -> list[tuple[str, Scalar | list[Scalar]]]:
        """Columns holding places, each with what "up to ``last``" means in it: a bound on a
        column of numbers, the cells "1st" to "15th" of a column of ordinals."""
        found: list[tuple[str, Scalar | list[Scalar]]] = []
        for name in self._columns_of_places():
            profile = self.index.profile.column(name)
            if profile is not None and self.index.holds_whole_numbers(name):
                low = profile.min
                if isinstance(low, int | float) and low in (0, 1) and last >= low:
                    found.append((name, last))
                continue
            keys = [
                (place, key)
                for key in self.index.values.get(name, {})
                if (place := _leading_place(key)) is not None and 1 <= place <= last
            ]
            hits = [
                cell_scalar(v)
                for _, key in sorted(keys)  # 1st, 2nd, 3rd, as places are read
                for v in self.index.cells_read_as(name, key)
            ]
            if hits:
                found.append((name, list(dict.fromkeys(hits))))
        return found

    def _columns_of_places(self) -> list[str]:
        """The columns whose cells are places: the place is what the column holds, its last
        word ("Final Position", "Finish"), not a qualifier ("ranking_points", "finish_time")."""
        names = []
        for profile in self.index.profile.column_profiles:
            tokens = self.index.column_tokens.get(profile.name, [])
            if tokens and tokens[-1] in PLACE_TOKENS and not set(tokens) & NOT_RESULT_TOKENS:
                names.append(profile.name)
        return names

    def _place_columns(self, place: int) -> list[tuple[str, Scalar | list[Scalar]]]:
        """Columns holding places, with the value that means ``place`` in each."""
        found: list[tuple[str, Scalar | list[Scalar]]] = []
        for name in self._columns_of_places():
            profile = self.index.profile.column(name)
            assert profile is not None
            if self.index.holds_whole_numbers(profile.name):
                low, high = profile.min, profile.max
                if (
                    isinstance(low, int | float)
                    and isinstance(high, int | float)
                    and low in (0, 1)
                    and low <= place <= high
                ):
                    found.append((profile.name, place))
                continue
            mapping = self.index.values.get(profile.name, {})
            hits = [
                cell_scalar(v)
                for key in mapping
                if _leading_place(key) == place
                for v in self.index.cells_read_as(profile.name, key)
            ]
            if hits:
                found.append((profile.name, list(dict.fromkeys(hits))))
        return found


def _leading_place(key: str) -> int | None:
    """The place a cell of ordinals holds: 3 of "3rd", "3", "3rd (tie)", and of a tie marked
    before it ("T-3", "T3"; "=3" reads as "3"); None otherwise."""
    parts = key.split(" ")
    head = parts[1] if parts[0] == "t" and len(parts) > 1 else parts[0]
    if head[:1] == "t" and head[1:].isdigit():
        head = head[1:]
    for suffix in _SUFFIXES:
        if head.endswith(suffix) and head[: -len(suffix)].isdigit():
            return int(head[: -len(suffix)])
    return int(head) if head.isdigit() else None
