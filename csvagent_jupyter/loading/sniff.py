"""Look at the head of a file before parsing it: is it text, in which encoding, split how.

Everything here reads a bounded sample (``SAMPLE_BYTES``), so it costs the same for
a 1 KB file and a 2 GB one. The decisions are handed to pandas' fast C reader as
plain options (``sep``, ``encoding``, ``names``), which keeps the parse on its
parallel path and lets the generated code repeat the parse exactly.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from ..errors import EmptyFileError, HeaderError, NotTextError

SAMPLE_BYTES = 256 * 1024
CANDIDATE_DELIMITERS = (",", ";", "\t", "|")
SNIFF_ROWS = 200  # rows the delimiter is chosen from
SNIFF_FIELDS = 4000  # fields they hold at most, down to SNIFF_MIN_ROWS rows
SNIFF_MIN_ROWS = 30

# Signatures of formats people mistake for CSV, with advice in the analyst's terms.
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (an .xlsx workbook is one): export the sheet as CSV first"),
    (b"\xd0\xcf\x11\xe0", "an old Excel/Office file: save it as CSV first"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed: decompress it first (gunzip)"),
    (b"PAR1", "a Parquet file: read it with pandas.read_parquet"),
    (b"SQLite format 3", "an SQLite database"),
)


@dataclass(frozen=True)
class Dialect:
    """How to read the file: what pandas needs, and what the user should be told."""

    encoding: str
    delimiter: str
    header_names: list[str]  # unique, non-empty names in file order
    has_header: bool
    decimal: str = "."
    notes: list[str] = field(default_factory=list)  # renamed headers and the like, for the user
    renamed: bool = False  # header names differ from the file's: pandas must be given them


def detect_binary(sample: bytes, filename: str) -> None:
    """Raise NotTextError for content that is clearly not a text table."""
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            raise NotTextError(
                f"{filename} is not a CSV file: it looks like {what}.", filename=filename
            )


def detect_encoding(sample: bytes, filename: str) -> str:
    """The text encoding of ``sample``: UTF-8 (with or without BOM), UTF-16, or cp1252/Latin-1.

    UTF-8 is tried first and strictly, because a legacy 8-bit encoding decodes any
    bytes at all and would hide mojibake; cp1252 is preferred over Latin-1 since it
    is what spreadsheet programs on Windows write.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in sample:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
            return "utf-16-le"
        if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
            return "utf-16-be"
        if not _mostly_text(sample):
            raise NotTextError(
                f"{filename} contains binary data (NUL bytes), so it is not a text CSV file. "
                "Export the data as CSV (comma-separated values) and load that.",
                filename=filename,
            )
        sample = sample.replace(b"\x00", b"")  # stray NULs: reported by nul_lines, not fatal
    try:
        # A sample can end inside a multi-byte character: an incremental decoder without
        # final=True tolerates that and nothing else.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:65536], cp_isolation=["cp1252", "latin_1", "utf_16"]).best()
    if best is None or _control_ratio(sample) > 0.01:
        raise NotTextError(
            f"{filename}: the bytes are not text in UTF-8, UTF-16 or Windows-1252/Latin-1. "
            "Re-save the file as UTF-8 CSV.",
            filename=filename,
        )
    return "cp1252" if best.encoding in {"cp1252", "latin_1"} else best.encoding


def _mostly_text(sample: bytes) -> bool:
    """Text with a stray NUL or two (a damaged export), not a binary file with some text in it."""
    lines_with_nul = sum(1 for line in sample.split(b"\n") if b"\x00" in line)
    return lines_with_nul <= 3 and _control_ratio(sample.replace(b"\x00", b"")) < 0.001


def nul_lines(sample: bytes, limit: int = 5) -> list[int]:
    """Line numbers (1-based) of the first lines of ``sample`` holding a NUL byte."""
    found: list[int] = []
    position = sample.find(b"\x00")
    while position >= 0 and len(found) < limit:
        line = sample.count(b"\n", 0, position) + 1
        if not found or found[-1] != line:
            found.append(line)
        position = sample.find(b"\x00", position + 1)
    return found


def _control_ratio(sample: bytes) -> float:
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 13))
    return controls / max(1, len(sample))


def decode_sample(sample: bytes, encoding: str, *, is_whole_file: bool) -> str:
    """Decode the sample and drop a last line that the sample cut in two."""
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample, final=True)
    if text.startswith("\ufeff"):
        text = text[1:]
    # Classic Mac files end lines with a lone CR; the csv module and the line cut want "\n".
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not is_whole_file and "\n" in text:
        text = text[: text.rfind("\n") + 1]
    return text


def detect_delimiter(text: str) -> str:
    """The candidate that splits the sample's rows into the most consistent number of fields.

    csv.Sniffer guesses from character frequencies and picks letters or spaces on
    real files; counting fields with a quote-aware reader per candidate is both
    simpler and right more often.
    """
    best, best_score = ",", -1.0
    first_lines = text[:4096].split("\n", 3)[:3]  # a wide row's width, cheaply
    for delimiter in CANDIDATE_DELIMITERS:
        if delimiter not in text:
            continue  # one field a row, never chosen; reading the rows to see it cost a ms
        # the first rows only, fewer on a wide file (SNIFF_FIELDS at most): reading all of
        # the sample for each candidate cost more than typing a small file's columns, and
        # 200 rows of 100 fields cost 1.3 ms (5 ms in a fresh process)
        width = max(line.count(delimiter) for line in first_lines) + 1
        wanted = max(SNIFF_MIN_ROWS, min(SNIFF_ROWS, SNIFF_FIELDS // width))
        try:
            rows = list(islice(csv.reader(_lines(text), delimiter=delimiter), wanted))
        except csv.Error:
            continue
        counts = [len(row) for row in rows if row]
        if not counts:
            continue
        mode, frequency = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        consistency = frequency / len(counts)
        score = consistency * 1000 + mode  # consistency first, then more fields
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their ends, one at a time, as ``io.StringIO(text)`` gives
    them to a csv reader (which joins the lines of a quoted value itself).

    A StringIO copies all of the text first, into four bytes a character: a megabyte of
    fresh memory for a 256 KB sample, for the few rows read (on a wide file, 1.5 ms of a
    fresh process's sniff, most of it the pages of that copy)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


_NUMBER = re.compile(r"^\s*[-+]?[$€£]?\d[\d,]*(\.\d+)?%?\s*$")


def read_header(text: str, delimiter: str, filename: str) -> tuple[list[str], bool, list[str]]:
    """Unique header names, whether the first row is a header at all, and notes for the user."""
    try:
        first = next(csv.reader(_lines(text), delimiter=delimiter))
    except StopIteration:
        raise HeaderError(f"{filename} has no header row.", filename=filename, line=1) from None
    except csv.Error as exc:
        raise HeaderError(
            f"{filename}: the header row (line 1) cannot be read: {exc}.", filename=filename, line=1
        ) from None
    notes: list[str] = []
    nonempty = [name for name in first if name.strip()]
    has_header = not (
        nonempty and len(nonempty) == len(first) and all(_NUMBER.match(n) for n in first)
    )
    if not has_header:
        notes.append(
            "The first line holds only numbers, so it was read as data, not as a header; "
            "the columns are named column_1, column_2, …"
        )
        return [f"column_{i + 1}" for i in range(len(first))], False, notes

    names: list[str] = []
    seen: set[str] = set()
    for position, raw in enumerate(first, start=1):
        name = raw.strip()
        if name and name != raw:
            notes.append(
                f"The header name {raw!r} has spaces around it; the column is called {name!r}."
            )
        if not name:
            name = f"column_{position}"
            notes.append(f"Column {position} has no name in the header; it is called {name!r}.")
        if name in seen:
            suffix = 2
            while f"{name}_{suffix}" in seen:
                suffix += 1
            renamed = f"{name}_{suffix}"
            notes.append(
                f"The header name {name!r} appears more than once; column {position} is called {renamed!r}."
            )
            name = renamed
        seen.add(name)
        names.append(name)
    return names, True, notes


def sniff(sample: bytes, filename: str, *, is_whole_file: bool) -> Dialect:
    """Encoding, delimiter and header of a file, from the first ``SAMPLE_BYTES`` of it."""
    detect_binary(sample, filename)
    encoding = detect_encoding(sample, filename)
    text = decode_sample(sample, encoding, is_whole_file=is_whole_file)
    if is_whole_file and sample.startswith(codecs.BOM_UTF8) and not text.strip():
        raise EmptyFileError(
            f"{filename} is empty: it holds only a byte-order mark (the invisible marker some "
            "editors write at the start of a file), and no header or data.",
            filename=filename,
        )
    delimiter = detect_delimiter(text)
    names, has_header, notes = read_header(text, delimiter, filename)
    renamed = bool(notes)
    nul = nul_lines(sample) if b"\x00" in sample and not encoding.startswith("utf-16") else []
    if nul:
        notes.append(
            f"Line{'s' if len(nul) > 1 else ''} {', '.join(map(str, nul))} "
            f"{'hold' if len(nul) > 1 else 'holds'} a NUL byte (an invisible control character, "
            "usually from a damaged export); the rest of the file is text and was read as usual."
        )
    return Dialect(
        encoding=encoding,
        delimiter=delimiter,
        header_names=names,
        has_header=has_header,
        decimal=detect_decimal_comma(text, delimiter),
        notes=notes,
        renamed=renamed,
    )


_DECIMAL_COMMA = re.compile(r"(?:^|;)\s*-?\d+,\d+\s*(?:;|$)", re.MULTILINE)
_DECIMAL_POINT = re.compile(r"(?:^|;)\s*-?\d+\.\d+\s*(?:;|$)", re.MULTILINE)


def detect_decimal_comma(text: str, delimiter: str) -> str:
    """ "," for European exports (semicolon-separated, "1,5" for one and a half), else ".".

    Only a semicolon file can use the comma as its decimal mark unquoted; it is
    chosen when numbers with a decimal comma appear and none with a decimal point.
    """
    if delimiter != ";":
        return "."
    if _DECIMAL_COMMA.search(text) and not _DECIMAL_POINT.search(text):
        return ","
    return "."
