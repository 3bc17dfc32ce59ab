"""Filter options and the base every slot reader shares.

A *slot* is one place in the question that can be read as a filter in more than one way;
its options are the readings, and ``is_skip`` marks the reading "not a filter at all".
"""

from __future__ import annotations

from dataclasses import dataclass

from ...analysis.plan import CompareOp, Condition, Filter, FilterGroup, Scalar
from ..schema_index import SchemaIndex
from . import lexicon
from .reading import Reading

Threshold = float | list[float]  # a number, or [low, high] for "between"
_THRESHOLD_OPS: dict[str, CompareOp] = {"gt": "gt", "lt": "lt", "ge": "ge", "le": "le"}


def threshold_op(op: str) -> CompareOp | None:
    """The comparison of a threshold ("above", "at most"); None for equality and ranges."""
    return _THRESHOLD_OPS.get(op)


@dataclass(frozen=True)
class FilterOption:
    condition: Filter
    positions: frozenset[int]
    column: str
    weight: float = 0.0  # penalty: distance between the words that bind it, loose matches
    far: bool = False  # a threshold far outside the column's values ("150 ratings" of 0.5-5)


Slot = list[FilterOption]


class SlotReader:
    """What every slot reader needs: the reading, the table's index, the reserved words."""

    def __init__(self, reading: Reading, index: SchemaIndex, reserved: set[int]) -> None:
        self.r = reading
        self.index = index
        self.reserved = reserved  # positions that cues own (top-N counts, ordinals)

    def _negation_before(self, position: int) -> int | None:
        for i in range(position - 1, max(-1, position - 4), -1):
            word = self.r.words[i]
            if word in _PREFIX_NEGATIONS and i != position - 1:
                continue  # "non fasting glucose samples": "non" is the next word's alone
            if is_negation(word):
                return i
            if word == "than" and i and self.r.words[i - 1] == "other":
                return i - 1  # "countries other than Indonesia"
        return None


_PREFIX_NEGATIONS = frozenset({"non"})


def is_negation(word: str) -> bool:
    """ "not", "never", "didn't": a word that turns what follows into its opposite."""
    return word in lexicon.NEGATIONS or word.endswith("n't")


SKIP = FilterOption(Condition(column="", op="not_null"), frozenset(), "", 0.0)


def is_skip(option: FilterOption) -> bool:
    return option is SKIP


def cell_scalar(value: object) -> Scalar:
    """A cell value as a plain Python scalar (numpy scalars unwrapped)."""
    if isinstance(value, bool | int | float | str):
        return value
    item = getattr(value, "item", None)
    if callable(item):
        plain = item()
        if isinstance(plain, bool | int | float | str):
            return plain
    return str(value)


def combine(options: list[FilterOption]) -> Filter | None:
    """The options' conditions, all required; a condition named twice ("adverse events …
    ADVERSE_EVENT = yes") is kept once."""
    conditions: list[Filter] = []
    for option in options:
        if not is_skip(option) and option.condition not in conditions:
            conditions.append(option.condition)
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else FilterGroup(combine="and", items=conditions)
