"""Places in a ranking as filters: "first place finishes", "who finished first", "came in 3rd".

Results tables record a place in one column: a number ("Rank", "Placing": 1, 2, 3) or
an ordinal as text ("Finish", "Place": 1st, 2nd, 6th). "First place" is then a filter on
that column, never the first row of the file. The slot is offered only when the place
phrase is unmistakable (an ordinal beside "place"/"position", or after "finished",
"placed", "came in") and the table has a column that holds places.
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

    def _place_columns(self, place: int) -> list[tuple[str, Scalar | list[Scalar]]]:
        """Columns holding places, with the value that means ``place`` in each."""
        found: list[tuple[str, Scalar | list[Scalar]]] = []
        for profile in self.index.profile.column_profiles:
            # the place is what the column holds: its last word ("Final Position", "Finish"),
            # not a qualifier ("ranking_points", "finish_time")
            tokens = self.index.column_tokens.get(profile.name, [])
            if not tokens or tokens[-1] not in PLACE_TOKENS or set(tokens) & NOT_RESULT_TOKENS:
                continue
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
            wanted = {f"{place}{suffix}" for suffix in _SUFFIXES} | {str(place)}
            hits = [
                cell_scalar(v)
                for key in mapping
                if key.split(" ")[0] in wanted
                for v in self.index.cells_read_as(profile.name, key)
            ]
            if hits:
                found.append((profile.name, list(dict.fromkeys(hits))))
        return found
