"""Yes/no columns and result words as filters: "cancelled flights", "passed = no",
"games they won", "did not win"."""

from __future__ import annotations

from ...analysis.plan import Condition, ConditionOp, Scalar
from . import lexicon
from .options import SKIP, FilterOption, Slot, SlotReader, cell_scalar

YES_WORDS = ("yes", "y", "true", "t", "1")
NO_WORDS = ("no", "n", "false", "f", "0")
WIN_WORDS = frozenset({"win", "wins", "won", "winner", "winners", "victory", "victories"})
LOSE_WORDS = frozenset({"lose", "loses", "lost", "loss", "losses", "loser", "defeat", "defeats"})
# First words of cell values that record a result (normalised like the index's keys).
WIN_VALUES = frozenset({"w", "win", "won", "winner", "victory"})
LOSE_VALUES = frozenset({"l", "los", "loss", "lost", "lose", "loser", "defeat", "runner"})


class FlagSlots(SlotReader):
    """The yes/no and results part of a FilterReader."""

    def _outcome_slots(self, used: set[int]) -> list[Slot]:
        """ "how many games did they win": the one results column whose values say won/lost.

        Read only when exactly one short text column holds such values (W, Won, Winner; L,
        Lost, Runner-up) among others; otherwise the word stays unplaced and is asked about.
        """
        slots: list[Slot] = []
        for position, word in enumerate(self.r.words):
            if position in used or word not in lexicon.OUTCOME_WORDS:
                continue
            if any(m.start <= position < m.end and m.score >= 0.9 for m in self.r.columns):
                continue  # "losses" where a column is called Losses: the column
            wanted = (
                WIN_VALUES if word in WIN_WORDS else LOSE_VALUES if word in LOSE_WORDS else None
            )
            if wanted is None:
                continue
            found: list[tuple[str, list[Scalar]]] = []
            for column, mapping in self.index.values.items():
                if len(mapping) > 50 or column in self.index.free_text:
                    continue
                hits = [cell_scalar(v) for key, v in mapping.items() if key.split(" ")[0] in wanted]
                hits = list(dict.fromkeys(hits))
                if hits and len(set(mapping.values())) > len(hits):
                    found.append((column, hits))
            if len(found) != 1:
                continue
            column, hits = found[0]
            negation = self._negation_before(position)
            positions = {position} | ({negation} if negation is not None else set())
            op: ConditionOp = "not_in" if negation is not None else "in"
            condition = Condition(column=column, op=op, value=hits)
            slots.append([FilterOption(condition, frozenset(positions), column, 0.2)])
            used.add(position)
        return slots

    # -- cell values ----------------------------------------------------------------------
    def flag_values(self, column: str) -> tuple[object, object] | None:
        """The true and false values of a yes/no column, as the data holds them."""
        profile = self.index.profile.column(column)
        if profile is None:
            return None
        if profile.type == "boolean":
            return True, False
        if (
            profile.type == "integer"
            and profile.min == 0
            and profile.max == 1
            and profile.distinct == 2
        ):
            return 1, 0  # a 0/1 flag
        mapping = self.index.values.get(column, {})
        keys = set(mapping)
        if not keys or len(keys) > 2:
            return None
        truthy = [mapping[k] for k in keys if k in YES_WORDS]
        falsy = [mapping[k] for k in keys if k in NO_WORDS]
        if len(truthy) == 1 and len(falsy) <= 1 and len(keys) == len(truthy) + len(falsy):
            return truthy[0], falsy[0] if falsy else None
        return None

    def _flag_slots(self, used: set[int]) -> list[Slot]:
        slots: list[Slot] = []
        for mention in self.r.columns:
            if mention.score < 0.6:
                continue
            span = set(range(mention.start, mention.end))
            if span & used:
                continue
            flags = self.flag_values(mention.column)
            if flags is None:
                continue
            yes, no = flags
            value, positions = yes, set(span)
            following = self.r.words[mention.end : mention.end + 1]
            if following and following[0] in YES_WORDS + NO_WORDS:
                value = yes if following[0] in YES_WORDS else no
                positions.add(mention.end)
            negation = self._negation_before(mention.start)
            if negation is not None:
                value = no if value == yes else yes
                positions.add(negation)
            if value is None:
                continue
            condition = Condition(column=mention.column, op="eq", value=cell_scalar(value))
            slots.append([FilterOption(condition, frozenset(positions), mention.column, 0.0), SKIP])
            used |= positions
        return slots
