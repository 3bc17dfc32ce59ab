"""Summary rows at the foot of a table: "Total", "NHL totals", "Turnout", "Majority".

Tables copied from reports and Wikipedia often end with a row that adds up (or otherwise
summarises) the rows above. Read as data, it wins every "which nation won the most gold"
and doubles every total. So such rows are left out of the table the questions run on, the
load says so in a note, and the code shown with an answer reads the same rows (``nrows``).

A row counts as a summary only when one of its text cells is, in full, a summary label, and
that label appears nowhere else in its column: a column of "Total"/"Partial" values on every
row is data. Only a block at the very end is taken, below at least three data rows.
"""

from __future__ import annotations

import re

import pandas as pd

MAX_SUMMARY_ROWS = 4
MIN_DATA_ROWS = 3
_FOOTNOTE = re.compile(r"\[[^\]]*\]|[*†‡§:]+")
_LABEL = re.compile(
    r"""^(?:
        (?:grand\s+|sub-?\s*|overall\s+|career\s+|all-?time\s+)?totals?
      | .{1,40}\s+totals?                                   # "NHL totals", "Season total"
      | totals?\s*\(.{1,30}\)                               # "Total (5 seasons)"
      | sum | overall
      | majority | turnout | swing | electorate
      | (?:registered\s+)(?:electors|voters)
      | (?:valid|invalid|rejected|spoilt|spoiled|blank)\s+(?:votes|ballots)
      | (?:total\s+)?votes\s+cast
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def summary_label(cell: object) -> str | None:
    """The cell's text when it is, in full, a summary label ("Total", "NHL totals[a]")."""
    if not isinstance(cell, str):
        return None
    text = " ".join(_FOOTNOTE.sub(" ", cell).split())
    return text if text and _LABEL.match(text) else None


def summary_rows(frame: pd.DataFrame) -> list[str]:
    """The labels of the summary rows at the end of ``frame``, top to bottom; [] if none.

    Looks at the last few rows only, so the cost does not grow with the table."""
    rows = len(frame)
    if rows < MIN_DATA_ROWS + 1:
        return []
    # positions from the dtypes at once: a Series per column to ask its dtype cost 20 us a
    # column, most of this function's time on a wide table
    is_numeric = pd.api.types.is_numeric_dtype
    text_columns = [i for i, dtype in enumerate(frame.dtypes) if not is_numeric(dtype)]
    labels: list[str] = []
    for position in range(rows - 1, max(rows - 1 - MAX_SUMMARY_ROWS, MIN_DATA_ROWS - 1), -1):
        label = _row_label(frame, text_columns, position)
        if label is None:
            break
        labels.append(label)
    return labels[::-1]


def _row_label(frame: pd.DataFrame, text_columns: list[int], position: int) -> str | None:
    """The summary label of the row at ``position``, if one of its cells (in the columns at
    ``text_columns``) is one that no row above it has in the same column."""
    for column in text_columns:
        label = summary_label(frame.iat[position, column])
        if label is None:
            continue
        above = frame.iloc[:position, column].dropna().astype("str").str.strip().str.casefold()
        if not above.eq(label.casefold()).any():
            return label
    return None


def summary_note(labels: list[str]) -> str:
    """The load's note: what was left out, and why."""
    quoted = ", ".join(f"'{label}'" for label in labels)
    if len(labels) == 1:
        return f"The last row ({quoted}) summarises the rows above; it is left out of answers."
    return (
        f"The last {len(labels)} rows ({quoted}) summarise the rows above; they are left out "
        "of answers."
    )


# Section headings are a habit of small tables copied from reference pages; a large export
# has none, and checking every cell of it would cost more than the parse
MAX_SECTION_SCAN_ROWS = 5_000
MIN_SECTION_COLUMNS = 3


def section_rows(frame: pd.DataFrame) -> list[int]:
    """Positions of section headings: rows whose every cell holds the same text ("Representing
    Kenya" across Year, Competition, Venue…), as a merged cell copied from a web page becomes.
    Read as data, such a row turns a Year column into text and counts as one more result."""
    rows, columns = frame.shape
    if rows > MAX_SECTION_SCAN_ROWS or columns < MIN_SECTION_COLUMNS:
        return []
    first = frame.iloc[:, 0]
    if pd.api.types.is_numeric_dtype(first.dtype):
        return []
    text = first.where(first.map(lambda cell: isinstance(cell, str) and bool(cell.strip())))
    same = text.notna()
    for position in range(1, columns):
        if not same.any():
            return []
        same &= frame.iloc[:, position].eq(text)
    return [int(p) for p in same.to_numpy().nonzero()[0]]


def section_note(frame: pd.DataFrame, positions: list[int]) -> str:
    """The load's note: which headings were left out of the rows questions run on."""
    labels = list(dict.fromkeys(str(frame.iat[p, 0]) for p in positions))
    quoted = ", ".join(f"'{label}'" for label in labels[:3])
    more = f" and {len(labels) - 3} more" if len(labels) > 3 else ""
    rows, are = ("row", "is") if len(positions) == 1 else ("rows", "are")
    return (
        f"{len(positions)} section heading {rows} ({quoted}{more}, the same text in every "
        f"column) {are} left out of answers."
    )
