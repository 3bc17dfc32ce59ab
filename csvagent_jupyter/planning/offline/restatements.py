"""A quantity said twice in two units: "5 hours (300 minutes) or longer", "at least an hour
late (departure delay of 60 minutes or more)".

Analysts restate a threshold in the unit of the column to be sure they are understood. The
plan binds one of the two; the other says the same thing, so it is explained with it,
together with the comparison words around it ("at least … late"). Only equal amounts of
time count: "5 hours (60 minutes)" restates nothing and stays unexplained.
"""

from __future__ import annotations

from dataclasses import dataclass

from .reading import Reading
from .units import SECONDS

ONE = frozenset({"a", "an", "one"})
# Words that compare the amount they stand beside: "at least 5 hours", "60 minutes or more".
BEFORE = frozenset({"at", "least", "most", "more", "less", "than", "over", "under", "above"})
AFTER = frozenset({"or", "more", "longer", "less", "shorter", "late", "early", "long", "later"})


@dataclass(frozen=True)
class Quantity:
    seconds: float
    amount: int  # the position of the number (or "an")
    words: frozenset[int]  # the amount, its unit and the comparison words around them
    unit: float  # seconds in one of its unit: an amount restated is said in another unit

    def restates(self, other: Quantity) -> bool:
        """The same amount of time in another unit ("5 hours", "300 minutes"); two equal
        amounts in one unit are two conditions ("at least 10 minutes … 10 minutes")."""
        return other is not self and other.seconds == self.seconds and other.unit != self.unit


def quantities(reading: Reading) -> list[Quantity]:
    out = []
    words = reading.words
    for i, word in enumerate(words[:-1]):
        unit = SECONDS.get(words[i + 1])
        if unit is None:
            continue
        number = reading.numbers.get(i)
        if number is not None:
            amount = number.value
        elif word in ONE:
            amount = 1.0
        else:
            continue
        start, end = i, i + 2
        while start > 0 and words[start - 1] in BEFORE:
            start -= 1
        while end < len(words) and words[end] in AFTER:
            end += 1
        out.append(Quantity(amount * unit, i, frozenset(range(start, end)), unit))
    return out


def same_amount(reading: Reading, position: int) -> set[int]:
    """The words of other quantities equal to the one whose number is at ``position``."""
    found = quantities(reading)
    this = next((q for q in found if q.amount == position), None)
    if this is None:
        return set()
    return {i for q in found if this.restates(q) for i in q.words} - set(
        range(position, position + 2)
    )


def restated(reading: Reading, explained: set[int]) -> set[int]:
    """The words of a quantity equal to one the plan already explains."""
    found = quantities(reading)
    used = [q for q in found if q.amount in explained]
    out: set[int] = set()
    for q in found:
        if q.amount not in explained and any(u.restates(q) for u in used):
            out |= q.words
    return out


def restated_earlier(reading: Reading) -> set[int]:
    """Amounts said again later in other units ("5 hours (300 minutes)"): the later one, in
    the column's own unit as a rule, is the threshold; the earlier one only restates it."""
    found = quantities(reading)
    return {
        q.amount
        for q in found
        if any(other.amount > q.amount and q.restates(other) for other in found)
    }
