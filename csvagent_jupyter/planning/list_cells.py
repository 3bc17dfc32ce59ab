"""Cells that hold lists: "Canada, United States" names two countries.

Reference tables often put several values in one cell (the countries a lake borders, the
genres of a film, "Mauna Kea, Hawaii"). A lake in Canada is then every row whose list holds
Canada, not just the rows whose whole cell is "Canada": filtering on the whole cell alone
would give a confident wrong count. A column is read as holding lists only when the pieces
recur, as a whole cell or inside other lists, so that one cell with a comma in it (a name
written "Smith, John") does not turn its column into lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# ", " and "; " between items; " / " with spaces. "1,000" (no space) is a number, "A/B" a
# single code.
_SEPARATOR = re.compile(r"\s*[,;]\s+|\s+/\s+")
_MAX_ITEM_WORDS = 5  # a longer piece is prose, not an item of a list


def split_items(cell: str) -> list[str]:
    """The items of one cell, in their written order; a plain cell is one item."""
    return [piece.strip() for piece in _SEPARATOR.split(cell) if piece.strip()]


def list_items(
    cells: Iterable[object], key: Callable[[object], str]
) -> dict[str, tuple[str, list[object]]] | None:
    """Each item of a column holding lists: its key → (the item as written, the cells
    holding it), or None when the column does not hold lists.

    The column holds lists when at least two cells have several items and some item is
    found in two or more cells, or when one cell has several and each of them is found in
    another cell too; every item stays short (``_MAX_ITEM_WORDS``)."""
    found: dict[str, tuple[str, list[object]]] = {}
    lists: list[list[str]] = []
    for cell in cells:
        if not isinstance(cell, str):
            continue
        items = split_items(cell)
        if len(items) > 1:
            if any(len(item.split()) > _MAX_ITEM_WORDS for item in items):
                return None
            lists.append([key(item) for item in items])
        for item in dict.fromkeys(items):
            item_key = key(item)
            if item_key:
                found.setdefault(item_key, (item, []))[1].append(cell)
    if not any(len(holding) > 1 for _, holding in found.values()):
        return None
    if len(lists) == 1 and not all(len(found[k][1]) > 1 for k in lists[0] if k):
        # one list: only when each of its items is also a cell of its own ("Marcus Hale,
        # Sunita Rao" beside "Marcus Hale" and "Sunita Rao"); "Smith, John" is one name
        return None
    return found if lists else None
