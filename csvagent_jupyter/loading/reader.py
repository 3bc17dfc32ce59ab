"""The parse itself: pandas' C reader with the sniffed options, and its failures in plain words.

The options are kept to those that leave pandas 3.1 on its parallel path (a local
path; no usecols, parse_dates, nrows or low_memory=False), and typing happens
afterwards. Only the opt-in "skip bad lines" mode leaves that path, because
pandas reports skipped lines with correct numbers only when it reads serially.
"""

from __future__ import annotations

import csv
import re
import warnings
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import EmptyFileError, LoadError, NotTextError, RaggedRowsError
from .files import FileScan
from .profile import FileProfile
from .sniff import Dialect
from .typing import Conversion, apply_conversions

_EXPECTED_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_SKIPPED = re.compile(r"Skipping line (\d+)")
_EOF_IN_QUOTE = re.compile(r"EOF inside string starting (?:at|on) (?:row|line) (\d+)")
FIRST_BAD_LINES = 5


def read_options(dialect: Dialect, *, skip_bad_lines: bool) -> dict[str, Any]:
    """The keyword arguments for ``pd.read_csv``: the same in the loader and in generated code."""
    options: dict[str, Any] = {}
    if dialect.delimiter != ",":
        options["sep"] = dialect.delimiter
    if dialect.decimal != ".":
        options["decimal"] = dialect.decimal
    if dialect.encoding not in ("utf-8",):
        options["encoding"] = dialect.encoding
    if not dialect.has_header:
        options["header"] = None
        options["names"] = dialect.header_names
    elif dialect.renamed:  # some header names were empty, repeated or spaced: give the clean ones
        options["header"] = 0
        options["names"] = dialect.header_names
    if skip_bad_lines:
        options["on_bad_lines"] = "warn"
    return options


def describe_options(options: dict[str, Any]) -> str:
    """``read_csv`` keyword arguments as source text, for the reproducible code."""
    return "".join(f", {key}={value!r}" for key, value in options.items())


def find_long_lines(path: Path, dialect: Dialect, limit: int = FIRST_BAD_LINES) -> list[int]:
    """Line numbers (1-based, as an editor shows them) of the first rows with too many fields."""
    expected = len(dialect.header_names)
    found: list[int] = []
    with open(path, encoding=dialect.encoding, newline="", errors="replace") as handle:
        reader = csv.reader(handle, delimiter=dialect.delimiter)
        start = reader.line_num
        for row in reader:
            if len(row) > expected:
                found.append(start + 1)
                if len(found) >= limit:
                    break
            start = reader.line_num
    return found


@dataclass
class ShortRows:
    lines: list[int]  # 1-based line numbers, as an editor shows them
    records: list[int]  # 0-based record numbers, as read_csv's skiprows counts them


def find_short_lines(path: Path, dialect: Dialect) -> ShortRows:
    """Rows with fewer fields than the header."""
    expected = len(dialect.header_names)
    found = ShortRows([], [])
    with open(path, encoding=dialect.encoding, newline="", errors="replace") as handle:
        reader = csv.reader(handle, delimiter=dialect.delimiter)
        start = 0
        for record, row in enumerate(reader):
            if (record > 0 or not dialect.has_header) and row and len(row) < expected:
                found.lines.append(start + 1)
                found.records.append(record)
            start = reader.line_num
    return found


def short_rows(
    frame: pd.DataFrame,
    path: Path,
    dialect: Dialect,
    scan: Future[FileScan] | FileScan | None = None,
) -> ShortRows | None:
    """The short rows of the file, if any.

    Only a table whose last column has gaps can hold a short row (pandas fills the
    missing fields with NA), so the file is read a second time only then. ``scan``: a
    scan of the file that counted its delimiters (see :func:`delimiter_byte`), done or
    running, whose count is used instead of reading the file again.
    """
    if frame.empty or not frame.iloc[:, -1].hasnans:
        return None
    scanned = scan.result() if isinstance(scan, Future) else scan
    if scanned is not None and scanned.delimiters is not None:
        if not scanned.quoted and scanned.delimiters == _expected_delimiters(dialect, len(frame)):
            return None
    elif _delimiters_add_up(path, dialect, rows=len(frame)):
        return None
    found = find_short_lines(path, dialect)
    return found if found.lines else None


_BYTE_ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "iso-8859-1")
_BLOCK = 1024 * 1024  # small enough that its two buffers stay in cache, and cost few page faults


def delimiter_byte(dialect: Dialect) -> int | None:
    """The byte whose count tells short rows apart (see :func:`_delimiters_add_up`), or None
    where counting bytes cannot tell (a multi-byte encoding or delimiter)."""
    if dialect.encoding.lower() not in _BYTE_ENCODINGS or len(dialect.delimiter) != 1:
        return None
    return dialect.delimiter.encode()[0]


def _expected_delimiters(dialect: Dialect, rows: int) -> int:
    """The delimiters a file of ``rows`` rows holds when every row has all its fields."""
    return (rows + (1 if dialect.has_header else 0)) * (len(dialect.header_names) - 1)


def _delimiters_add_up(path: Path, dialect: Dialect, *, rows: int) -> bool:
    """True when the file certainly has no short row: without quotes, every row of n fields
    holds n - 1 delimiters, so the total tells. Counting bytes with numpy costs a fraction of
    the parse; the line-by-line scan it saves costs four times the parse.
    """
    import numpy as np

    delimiter = delimiter_byte(dialect)
    if delimiter is None:
        return False
    expected = _expected_delimiters(dialect, rows)
    found = 0
    # One buffer for the bytes and one for the comparison, reused block after block: fresh
    # arrays for every block cost more in page faults than the counting itself.
    length = max(1, min(_BLOCK, path.stat().st_size))
    buffer = bytearray(length)
    view = np.frombuffer(buffer, np.uint8)
    equal = np.empty(length, dtype=bool)
    with open(path, "rb", buffering=0) as handle:
        while size := handle.readinto(buffer):
            if buffer.find(b'"', 0, size) >= 0:
                return False  # a quoted delimiter is not a field boundary: only a scan can tell
            np.equal(view[:size], delimiter, out=equal[:size])
            found += int(np.count_nonzero(equal[:size]))
    return found == expected


@dataclass
class Parsed:
    frame: pd.DataFrame
    skipped: list[int]  # lines skipped, too long or too short (only when asked to skip)
    padded: list[int]  # short lines kept, their missing fields empty
    read_options: dict[str, Any]  # what repeats this parse: the sniffed options, and skiprows


def parse(
    path: Path,
    dialect: Dialect,
    *,
    filename: str,
    skip_bad_lines: bool,
    find_short: bool = True,
    scan: Future[FileScan] | None = None,
) -> Parsed:
    """The table, with the lines skipped or padded on the way, and how to parse it again.

    ``find_short=False`` leaves kept short rows unreported (``padded`` empty): finding them
    only adds a note, so a large load does it in its background phase. With
    ``skip_bad_lines`` they must be found here, since they are read again without them.
    ``scan``: a scan of the file running alongside, for :func:`short_rows`.
    """
    options = read_options(dialect, skip_bad_lines=skip_bad_lines)
    skipped: list[int] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            frame = pd.read_csv(path, **options)
        for warning in caught:
            if issubclass(warning.category, pd.errors.ParserWarning):
                skipped += [int(n) for n in _SKIPPED.findall(str(warning.message))]
            elif not issubclass(warning.category, pd.errors.DtypeWarning):
                # (a column of mixed numbers and text is typed afterwards: nothing to warn about)
                warnings.warn_explicit(
                    warning.message, warning.category, warning.filename, warning.lineno
                )
    except pd.errors.EmptyDataError:
        raise EmptyFileError(
            f"{filename} has no columns: it is empty or holds only blank lines.", filename=filename
        ) from None
    except pd.errors.ParserError as exc:
        raise _explain_parser_error(exc, path, dialect, filename) from None
    except UnicodeDecodeError as exc:
        raise NotTextError(
            f"{filename}: byte {exc.start} is not valid {dialect.encoding} text. "
            "Re-save the file as UTF-8 CSV.",
            filename=filename,
        ) from None
    if frame.empty and len(frame.columns) > 0 and not skipped:
        raise EmptyFileError(
            f"{filename} has a header but no data rows: add rows below the header and load it again.",
            filename=filename,
            line=2,
        )
    short = short_rows(frame, path, dialect, scan) if find_short or skip_bad_lines else None
    if short is None:
        return Parsed(frame, sorted(skipped), [], options)
    if not skip_bad_lines:
        return Parsed(frame, [], short.lines, options)
    # pandas skips only long lines itself: the short ones are named, and the file read again
    # (dropping rows afterwards would leave the types the gaps forced, floats for integers).
    options["skiprows"] = short.records
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.ParserWarning)
        frame = pd.read_csv(path, **options)
    return Parsed(frame, sorted(skipped + short.lines), [], options)


def _explain_parser_error(exc: Exception, path: Path, dialect: Dialect, filename: str) -> LoadError:
    text = str(exc)
    if match := _EXPECTED_FIELDS.search(text):
        expected = int(match.group(1))
        lines = find_long_lines(path, dialect) or [int(match.group(2))]
        shown = ", ".join(str(n) for n in lines)
        return RaggedRowsError(
            f"{filename}: line{'s' if len(lines) > 1 else ''} {shown} "
            f"{'have' if len(lines) > 1 else 'has'} more fields than the {expected} columns of the "
            "header (often an unquoted delimiter inside a value). Fix those lines, or load with "
            "skip_bad_lines=True to skip such lines; every skipped line is then reported.",
            filename=filename,
            lines=lines,
        )
    if match := _EOF_IN_QUOTE.search(text):
        line = int(match.group(1)) + 1  # pandas counts rows from 0, an editor lines from 1
        return LoadError(
            f"{filename}: a quote opened near line {line} is never closed, so the rest of the "
            "file reads as one value. Close or remove that quote character.",
            filename=filename,
            line=line,
        )
    return LoadError(f"{filename} could not be parsed as CSV: {text}", filename=filename)


def read_again(path: Path, options: dict[str, Any]) -> pd.DataFrame:
    """The file parsed again with ``options`` (fewer rows), after a first parse succeeded."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.ParserWarning)
        warnings.simplefilter("ignore", pd.errors.DtypeWarning)  # mixed columns: typed after
        return pd.read_csv(path, **options)


def reload_csv(path: Path, profile: FileProfile) -> pd.DataFrame:
    """Parse and type a CSV exactly as its first load did, from the options stored in its profile.

    Conversions still pending (a large load's text columns, typed in its background: see
    ``deferred.py``) are applied as that typing applies them, checked on the whole column."""
    frame = read_again(path, profile.read_options)
    for data in profile.conversions:
        conversion = Conversion.from_dict(data)
        frame[conversion.column] = conversion.apply(frame[conversion.column])
    if profile.pending_conversions:
        pending = [Conversion.from_dict(data) for data in profile.pending_conversions]
        apply_conversions(frame, pending)
    return frame
