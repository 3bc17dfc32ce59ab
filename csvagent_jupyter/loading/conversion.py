"""One column's conversion as a value: applied to the parsed column, and written as pandas code.

Inference (``typing.py``) decides a :class:`Conversion` per column from a sample; this
module applies them, checking each against the whole column: a sample can miss the one
odd cell in a million, and then that column stays as the parser read it, which loses
nothing, rather than failing the load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

import numpy as np
import pandas as pd

from .numbers import MULTIPLIERS

# Tokens that mean "no value" in a column of numbers or dates. Text columns keep them.
PLACEHOLDERS = frozenset(
    {
        "-",
        "--",
        "—",
        "–",
        "?",
        "n/a",
        "na",
        "nil",
        "none",
        "null",
        "nan",
        "missing",
        "unknown",
        "tbd",
        "tba",
        "dns",
        "dnf",
        "dnq",
        "dsq",
        "n.a.",
        "#n/a",
        "#value!",
        "#div/0!",
        "",
    }
)
_TRUE = {"true", "yes", "y", "t"}
_FALSE = {"false", "no", "n", "f"}
_STRIP_PATTERN = r"[$€£¥,%\s]"
# A footnote mark after a value, as reference pages write them: "[a]", "[1]", "[note 3]"
NOTE_PATTERN = r"\[[^\]]{1,12}\]"
# Cells that are only a dash mean "none" in any column, text included (other placeholders,
# "unknown" or "none", may be real values of a text column and stay)
DASHES = frozenset({"-", "--", "—", "–", "―"})

Kind = Literal["number", "integer", "boolean", "datetime", "duration", "category", "text"]


@dataclass(frozen=True)
class Conversion:
    """One column's conversion, applied by :meth:`apply` and written out by :meth:`to_code`.

    Every step of :meth:`apply` has its twin in :meth:`to_code`, in the same order, so the
    code shown with an answer re-reads the file exactly as the load did.
    """

    column: str
    kind: Kind
    placeholders: tuple[str, ...] = ()  # exact cell texts read as missing
    strip_symbols: bool = False  # remove $ € £ ¥ , % and spaces before reading numbers
    date_format: str | None = None
    as_text: bool = False  # the parser mixed numbers and text in one column: read it all as text
    strip: bool = False  # remove spaces around values (text and categories)
    replacements: tuple[tuple[str, str], ...] = ()  # literal replacements before reading numbers
    multipliers: bool = False  # every value ends in K, M or B: multiply
    duration_prefix: str = ""  # "00:" makes mm:ss.ff readable as a duration
    labels: tuple[str, str] | None = None  # a boolean column's own words for True and False
    note: str | None = None  # what the profile should tell the user about this column
    strip_notes: bool = False  # remove footnote marks ("70[a]", "1 May 1904[1]") first

    def apply(self, series: pd.Series) -> pd.Series:
        if self.as_text:
            series = series.astype("str")
        if self.kind == "integer":
            return _to_integers(series)
        if self.strip_notes:
            series = series.str.replace(NOTE_PATTERN, "", regex=True).str.strip()
        if self.strip:
            series = series.str.strip()
        if self.kind in ("category", "text") and self.placeholders:
            series = series.mask(series.isin(list(self.placeholders)))
        if self.kind == "category":
            return _to_category(series)
        if self.kind == "text":
            return series
        if self.placeholders:
            series = series.mask(series.isin(list(self.placeholders)))
        if self.kind == "number":
            if self.strip_symbols:
                series = series.str.replace(_STRIP_PATTERN, "", regex=True).str.replace("−", "-")
                return pd.to_numeric(series)
            series = series.str.strip()
            for old, new in self.replacements:
                series = series.str.replace(old, new, regex=False)
            if self.multipliers:
                return pd.to_numeric(series.str[:-1]) * series.str[-1].map(MULTIPLIERS)
            return pd.to_numeric(series)
        if self.kind == "duration":
            return pd.to_timedelta(self.duration_prefix + series.str.strip())
        if self.kind == "boolean":
            return series.str.strip().str.lower().map(_BOOL_MAP).astype("boolean")
        return _to_datetime(series, self.date_format)

    def to_code(self, frame: str = "df") -> str:
        col = f"{frame}[{self.column!r}]"
        source = f"{col}.astype('str')" if self.as_text else col
        if self.kind == "integer":
            return f'{col} = {source}.astype("Int64")'
        if self.strip_notes:
            source += f".str.replace({NOTE_PATTERN!r}, '', regex=True).str.strip()"
        if self.strip:
            source += ".str.strip()"
        if self.kind in ("category", "text") and self.placeholders:
            source = f"{source}.mask({source}.isin({list(self.placeholders)!r}))"
        if self.kind == "category":
            return f'{col} = {source}.astype("category")'
        if self.kind == "text":
            return f"{col} = {source}"
        if self.placeholders:
            source = f"{source}.mask({source}.isin({list(self.placeholders)!r}))"
        if self.kind == "number":
            if self.strip_symbols:
                source = (
                    f"{source}.str.replace({_STRIP_PATTERN!r}, '', regex=True)"
                    ".str.replace('−', '-')"
                )
                return f"{col} = pd.to_numeric({source})"
            source += ".str.strip()" + "".join(
                f".str.replace({old!r}, {new!r}, regex=False)" for old, new in self.replacements
            )
            if self.multipliers:
                return (
                    f"{col} = pd.to_numeric({source}.str[:-1]) * "
                    f"{source}.str[-1].map({MULTIPLIERS!r})"
                )
            return f"{col} = pd.to_numeric({source})"
        if self.kind == "duration":
            return f"{col} = pd.to_timedelta({self.duration_prefix!r} + {source}.str.strip())"
        if self.kind == "boolean":
            return f"{col} = {source}.str.strip().str.lower().map({_BOOL_MAP!r}).astype('boolean')"
        return f"{col} = pd.to_datetime({source}, format={self.date_format!r})"

    def to_dict(self) -> dict[str, Any]:
        # the fields one level deep: asdict's recursive deep copy of values that are all
        # immutable cost more than the conversion of a short column
        data = {field.name: getattr(self, field.name) for field in fields(self)}
        data["placeholders"] = list(self.placeholders)
        data["replacements"] = [list(pair) for pair in self.replacements]
        data["labels"] = list(self.labels) if self.labels else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Conversion:
        labels = data.get("labels")
        return cls(
            **{
                **data,
                "placeholders": tuple(data.get("placeholders", ())),
                "replacements": tuple(tuple(pair) for pair in data.get("replacements", ())),
                "labels": tuple(labels) if labels else None,
            }
        )


def _to_datetime(series: pd.Series, date_format: str | None) -> pd.Series:
    """``pd.to_datetime(series, format=date_format)``, through Arrow's parser for ISO dates.

    Arrow's cast parses ISO-8601 text about ten times faster than pandas (measured:
    12 ms against 150 ms a million values) and gives the same values and unit; any
    text it does not accept (offsets, odd spacing) goes to pandas, the reference.
    """
    if date_format == "ISO8601":
        import pyarrow as pa
        import pyarrow.compute as pc

        try:
            parsed = pc.cast(pa.array(series, from_pandas=True), pa.timestamp("us"))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
            pass
        else:
            return timestamps_series(parsed, series)
    return pd.to_datetime(series, format=date_format)


def timestamps_series(parsed: Any, like: pd.Series) -> pd.Series:
    """Arrow timestamps as the datetime64 column that replaces ``like`` (nulls become NaT)."""
    values = parsed.to_numpy(zero_copy_only=False)
    if not values.flags.writeable:  # Arrow's own buffer (one chunk, no nulls): pandas may write
        values = values.copy()
    return pd.Series(values, index=like.index, name=like.name, copy=False)


WHOLE_LIMIT = 2.0**53  # beyond it a float no longer holds every whole number: not an integer column


def _to_integers(series: pd.Series) -> pd.Series:
    """``series.astype("Int64")`` for a float column of whole numbers with gaps.

    pandas' cast itself refuses a fraction anywhere in the column (it compares every value
    with its integer), so inference only looks at a sample and this is the whole-column
    check; magnitudes from 2**53 up are refused too, since such floats were rounded when
    read. Either refusal raises ``ValueError``, and the column stays float.
    """
    values = series.to_numpy()
    if values.size:
        high, low = np.fmax.reduce(values), np.fmin.reduce(values)  # NaN only when all are
        if high >= WHOLE_LIMIT or low <= -WHOLE_LIMIT:
            raise ValueError(f"values of {WHOLE_LIMIT:.0f} or more are not read as whole numbers")
    if values.dtype != np.float64:
        return series.astype("Int64")
    # What the cast does, without its per-call overhead (a third of a short column's time):
    # the gaps become the mask, and any fraction refuses the whole column.
    mask = np.isnan(values)
    whole = np.where(mask, 0.0, values)
    integers = whole.astype(np.int64)
    if not np.array_equal(integers, whole):
        raise ValueError("a value with a fraction is not a whole number")
    array = pd.arrays.IntegerArray(integers, mask)
    return pd.Series(array, index=series.index, name=series.name, copy=False)


def _to_category(series: pd.Series) -> pd.Series:
    """``series.astype("category")``, through Arrow's dictionary encoding for Arrow-backed text.

    The same categories (sorted), codes and dtype as pandas' cast, at about two thirds of its
    time, and with the GIL released, so that the column threads really run side by side
    (pandas' cast holds it: two threads took as long as one). Other columns go to pandas.
    """
    to_arrow = getattr(series.array, "__arrow_array__", None)
    if to_arrow is None or not pd.api.types.is_string_dtype(series.dtype):
        return series.astype("category")
    import pyarrow as pa
    import pyarrow.compute as pc

    values = to_arrow()
    if isinstance(values, pa.ChunkedArray):
        # one array first: encoding the chunks apart and unifying their dictionaries after
        # costs more than the copy
        values = values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    return categorical_from_encoding(pc.dictionary_encode(values), series)


def categorical_from_encoding(encoded: Any, series: pd.Series) -> pd.Series:
    """The category column of Arrow-backed text ``series`` from its dictionary encoding
    (``pc.dictionary_encode`` of its values): categories sorted, as pandas' cast gives."""
    import pyarrow.compute as pc

    dictionary = encoded.dictionary
    size = len(dictionary)
    order = pc.array_sort_indices(dictionary).to_numpy()
    # rank[code] is the code's place among the sorted categories; a missing value takes the
    # extra last code, whose rank is -1, pandas' code for missing
    rank = np.empty(size + 1, dtype=_code_dtype(size))
    rank[order] = np.arange(size, dtype=rank.dtype)
    rank[size] = -1
    # take rather than fancy indexing: the same codes at half the time (1.7 -> 0.8 ms a
    # million values)
    codes = rank.take(encoded.indices.fill_null(size).to_numpy())
    categories = pd.Index(dictionary.take(order), dtype=series.dtype)
    categorical = pd.Categorical.from_codes(
        codes, dtype=_category_dtype(categories), validate=False
    )
    return pd.Series(categorical, index=series.index, name=series.name, copy=False)


def _category_dtype(categories: pd.Index) -> pd.CategoricalDtype:
    """``pd.CategoricalDtype(categories)`` without its check that they are unique and not
    missing, which a dictionary's values are by construction; the check hashes every
    category again, a fifth of a short column's whole conversion."""
    fastpath = getattr(pd.CategoricalDtype, "_from_fastpath", None)
    if fastpath is not None:
        try:
            dtype = fastpath(categories, ordered=False)
            if isinstance(dtype, pd.CategoricalDtype):
                return dtype
        except TypeError:  # a pandas whose private constructor changed: the public one
            pass
    return pd.CategoricalDtype(categories)


def _code_dtype(size: int) -> type[np.signedinteger[Any]]:
    """The integer type pandas gives the codes of ``size`` categories."""
    for dtype in (np.int8, np.int16, np.int32):
        if size < np.iinfo(dtype).max:
            return dtype
    return np.int64


_BOOL_MAP = {**dict.fromkeys(sorted(_TRUE), True), **dict.fromkeys(sorted(_FALSE), False)}


def _is_text(series: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(series.dtype) or series.dtype == object


Mapper = Callable[..., Iterable[Any]]  # builtins.map, or a thread pool's map


def convert_column(
    conversion: Conversion, series: pd.Series
) -> tuple[Conversion, pd.Series | str | None]:
    """The conversion that held (with any "missing" marks found beyond the sample) and the
    converted column; None when the sample misled (the column is not what it looked like),
    or a note when converting failed on values the sample did not show.

    A sample can miss the one odd cell in a million; then that column stays as the
    parser read it, which loses nothing, rather than failing the load.
    """
    try:
        converted = conversion.apply(series)
    except Exception as exc:
        if conversion.kind == "integer":
            return conversion, None  # a fraction the sample did not show: the column is float
        retry = _with_unseen_placeholders(conversion, series)
        if retry is not None:
            return convert_column(retry, series)
        return conversion, (
            f"Column {conversion.column!r} was kept as read: not every value is "
            f"{_KIND_WORDS[conversion.kind]} ({exc})."
        )
    if conversion.kind == "category" and len(converted.cat.categories) > max(
        1000, len(series) // 20
    ):
        return conversion, None  # the sample looked repetitive, the whole column is not
    if conversion.kind == "boolean" and int(converted.isna().sum()) > int(
        series.isna().sum()
    ) + _count_placeholders(series, conversion):
        return conversion, None
    return conversion, converted


def _with_unseen_placeholders(conversion: Conversion, series: pd.Series) -> Conversion | None:
    """The conversion again with the "missing" marks the sample did not show ("-" on one row
    in a million), or None if there are none."""
    if conversion.kind in ("integer", "category", "text"):
        return None
    text = series.astype("str") if conversion.as_text else series
    if not _is_text(text):
        return None
    marks = text[text.str.strip().str.lower().isin(PLACEHOLDERS)].unique().tolist()
    unseen = sorted(set(map(str, marks)) - set(conversion.placeholders))
    if not unseen:
        return None
    return replace(conversion, placeholders=tuple(sorted({*conversion.placeholders, *unseen})))


def _fallback(conversion: Conversion) -> Conversion | None:
    """What is still worth doing to a column whose conversion did not hold: text, stripped."""
    if conversion.kind in ("text", "integer") or not (conversion.as_text or conversion.strip):
        return None
    return Conversion(conversion.column, "text", as_text=conversion.as_text, strip=conversion.strip)


Outcome = tuple[Conversion, pd.Series | str | None, list[str]]
"""One column's conversion: the one that held, the converted column (or why there is none, or
None), and the notes it leaves (in the order :func:`apply_conversions` gives them)."""


def convert_columns(
    frame: pd.DataFrame,
    conversions: list[Conversion],
    mapper: Mapper = map,
    prepared: dict[str, pd.Series] | None = None,
) -> list[Outcome]:
    """Each conversion tried on its column (in parallel when ``mapper`` is), ``frame`` left as
    it is: a load may convert some columns now and the rest later (``deferred.py``), and
    :func:`settle` then writes them all in column order, as if converted at once."""

    def convert(conversion: Conversion) -> Outcome:
        if prepared and conversion.column in prepared:  # converted whole by its inference
            return conversion, prepared[conversion.column], []
        held, converted = convert_column(conversion, frame[conversion.column])
        if not isinstance(converted, pd.Series) and (fallback := _fallback(conversion)):
            _, second = convert_column(fallback, frame[conversion.column])
            if isinstance(second, pd.Series):
                return fallback, second, [converted] if isinstance(converted, str) else []
        return held, converted, []

    return list(mapper(convert, conversions))


def settle(
    frame: pd.DataFrame, outcomes: list[Outcome], notes: list[str] | None = None
) -> list[Conversion]:
    """Write the converted columns into ``frame``; returns the conversions that held. Why a
    conversion did not hold goes to ``notes``, with each held one's own note."""
    applied: list[Conversion] = []
    for conversion, series, extra in outcomes:
        if notes is not None:
            notes += extra
        if isinstance(series, pd.Series):
            frame[conversion.column] = series
            applied.append(conversion)
            if conversion.note and notes is not None:
                notes.append(conversion.note)
        elif isinstance(series, str) and notes is not None:
            notes.append(series)
    return applied


def apply_conversions(
    frame: pd.DataFrame,
    conversions: list[Conversion],
    mapper: Mapper = map,
    notes: list[str] | None = None,
    prepared: dict[str, pd.Series] | None = None,
) -> list[Conversion]:
    """Convert in place (columns in parallel when ``mapper`` is); returns the conversions that
    held. Why a conversion did not hold goes to ``notes``, with each held one's own note.
    ``prepared`` holds columns that inference already converted (see ``infer_conversions``)."""
    return settle(frame, convert_columns(frame, conversions, mapper, prepared), notes)


_KIND_WORDS = {
    "number": "a number",
    "integer": "a whole number",
    "boolean": "a yes/no value",
    "datetime": "a date",
    "duration": "a duration",
    "category": "a category",
    "text": "text",
}


def _count_placeholders(series: pd.Series, conversion: Conversion) -> int:
    return int(series.isin(list(conversion.placeholders)).sum()) if conversion.placeholders else 0
