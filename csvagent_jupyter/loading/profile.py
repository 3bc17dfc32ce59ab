"""The per-column profile stored with every File: what the planners and the user see first.

Computed with one vectorised pass per column (numpy reductions, category codes),
not ``DataFrame.describe()``, which on wide files costs several times the parse.
"""

from __future__ import annotations

import logging
import math
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

log = logging.getLogger("csvagent_jupyter")

LogicalType = Literal["integer", "number", "boolean", "datetime", "category", "text"]
TOP_VALUES = 5
EXAMPLES = 3


class ColumnProfile(BaseModel):
    name: str
    type: LogicalType
    dtype: str
    nulls: int
    distinct: int
    min: float | str | None = None
    max: float | str | None = None
    mean: float | None = None
    std: float | None = None
    top_values: list[tuple[str, int]] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    # True while ``distinct`` (and a text column's ``top_values``) are estimated from a sample,
    # and a numeric column's mean and std not yet computed: the exact profile follows in the
    # background after the load (see loading/background.py).
    approximate: bool = False

    @property
    def is_numeric(self) -> bool:
        return self.type in ("integer", "number")


class FileProfile(BaseModel):
    rows: int
    columns: int
    bytes: int
    encoding: str
    delimiter: str
    has_header: bool = True
    column_profiles: list[ColumnProfile]
    conversions: list[dict[str, Any]] = Field(default_factory=list)
    read_options: dict[str, Any] = Field(default_factory=dict)  # pd.read_csv keyword arguments
    notes: list[str] = Field(default_factory=list)
    skipped_lines: list[int] = Field(default_factory=list)
    # False for the provisional profile a load returns with, before the background finishes
    # the exact one. Profiles stored before this field existed were all exact.
    exact: bool = True
    # The conversions of a large load's text columns while the background still applies them
    # (see ``deferred.py``): their columns' profiles are placeholders until then, and nothing
    # reads the table or answers from this profile before they are done.
    pending_conversions: list[dict[str, Any]] = Field(default_factory=list)
    # True for the outline a short table's load stores before it returns: names, types and
    # dtypes only, its counts not computed yet (zeros), every column ``approximate``. The
    # exact profile replaces it on a background thread within milliseconds, and everything
    # that reads a profile waits for that (see ``loading/outline.py``).
    outline: bool = False

    def column(self, name: str) -> ColumnProfile | None:
        for column in self.column_profiles:
            if column.name == name:
                return column
        return None

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.column_profiles]


def looks_like_identifier(column: ColumnProfile, rows: int) -> bool:
    """A key, not a measure: named id/code/key/No./#, or a run of consecutive whole numbers."""
    import re

    name = column.name.strip().lower()
    if column.type not in ("integer", "number"):
        return False
    if name.rstrip(".") in ("no", "#", "nr", "number", "num"):
        return True  # (a "No." with a "—" for an acting holder loads as floats)
    if column.type != "integer":
        return False
    words = [
        w
        for w in re.split(
            r"[^a-z0-9]+", re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", column.name).lower()
        )
        if w
    ]
    if words[-1:] in (["id"], ["code"], ["key"]):
        return True
    # A running number (1, 2, 3, … or any run of consecutive whole numbers, one per row) is a
    # row key; all-distinct values alone are not (attendances and populations are distinct too).
    low, high = column.min, column.max  # numbers, for an integer column (None when empty)
    if not isinstance(low, int | float) or not isinstance(high, int | float) or rows < 3:
        return False
    return column.distinct == rows and high - low + 1 == rows


def logical_type(series: pd.Series) -> LogicalType:
    return logical_type_of(series.dtype)


_NUMPY_KINDS: dict[str, LogicalType] = {
    "b": "boolean",
    "i": "integer",
    "u": "integer",
    "f": "number",
    "m": "number",
    "M": "datetime",
}


def logical_type_of(dtype: Any) -> LogicalType:
    """The logical type of a column of ``dtype``: what :func:`logical_type` gives its column.

    A numpy dtype is told by its kind, as pandas' checks below tell it, at a tenth of their
    cost (they run several times a column: 150 of them took 1.5 ms of a 10k x 100 profile)."""
    if isinstance(dtype, np.dtype):
        return _NUMPY_KINDS.get(dtype.kind, "text")
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype) or pd.api.types.is_timedelta64_dtype(dtype):
        return "number"  # a duration sums and averages like a number (its statistics in seconds)
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    if isinstance(dtype, pd.CategoricalDtype):
        return "category"
    return "text"


def _finite(value: Any) -> float | None:
    number = float(value)
    return number if math.isfinite(number) else None


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _distinct(series: pd.Series, mask: np.ndarray, present: np.ndarray, *, integer: bool) -> int:
    """Exact distinct count; integers by a bitmap when their range is compact, else
    by hashing 64-bit integers, four times faster than hashing the same values as floats;
    floats with a few decimals as whole numbers of their scale (see
    ``profile_batch._count_decimals``), other floats by hashing their bit patterns (with
    -0.0 made 0.0, the one pair of equal floats whose bits differ; NaN is not among
    ``present``).

    ``present`` holds the column's values as floats, which are the integers themselves
    below 2**53: cast back (one pass) rather than read from the column again and filtered
    by ``mask`` (three), and a long column of prices or measures with two or three decimals
    is counted by a bitmap rather than a hash of a million float bit patterns (measured on
    1M values: 20 ms a column of three decimals before, 9 ms).
    """
    if present.size == 0:
        return 0
    if not integer or series.dtype == np.uint64:
        if not integer and present.size >= SAMPLE_ROWS:
            counted = _count_scaled(present)
            if counted is not None:
                return counted
        bits = np.ascontiguousarray(present, dtype=np.float64) + 0.0
        return _count_distinct(bits.view(np.int64))
    if present.dtype == np.float64 and present.min() > -(2.0**53) and present.max() < 2.0**53:
        return _count_whole(present.astype(np.int64), scratch=True)
    whole = series.to_numpy(dtype="int64", na_value=0)
    return _count_whole(whole[~mask] if mask.any() else whole)


def _count_scaled(present: np.ndarray) -> int | None:
    """Distinct floats counted as whole numbers of the decimal scale their first values
    show, or None when the column has no such scale (``profile_batch._count_decimals``
    checks every value, so the count is exact either way)."""
    from .profile_batch import DECIMAL_PROBE, _count_decimals, _decimal_scales

    head = present[:DECIMAL_PROBE].reshape(-1, 1)
    scale = float(_decimal_scales(head, np.zeros(head.shape, dtype=bool))[0])
    return _count_decimals(present, scale)


def _count_whole(
    whole: np.ndarray, low: int | None = None, high: int | None = None, *, scratch: bool = False
) -> int:
    """Distinct 64-bit integers: marked in a bitmap (one pass, a byte per value of the range)
    when their range is compact, else hashed. The bitmap is up to ten times faster than
    hashing (measured: 22 us against 125 us for 10k values in a range of 100k), and still
    twice as fast as pd.unique at 64 per value (40 us against 92 us for 10k). A long column
    keeps to 8 per value: Arrow's count is fast there, and the bitmap is memory.

    ``scratch``: ``whole`` is the caller's temporary, which may be overwritten: its values
    are made offsets in place rather than in a copy of its size (on a million values, 8 MB
    of fresh memory and a pass less)."""
    if low is None or high is None:  # else given: the caller found the range already
        low, high = int(whole.min()), int(whole.max())
    spread = 32 if whole.size < ARROW_DISTINCT_ROWS else 8
    if high - low < spread * whole.size + 65_536:
        seen = np.zeros(high - low + 1, dtype=bool)
        if scratch and whole.dtype == np.int64 and whole.flags.writeable:
            seen[np.subtract(whole, low, out=whole)] = True
        else:
            seen[whole - low] = True
        return int(np.count_nonzero(seen))
    return _count_distinct(whole)


ARROW_DISTINCT_ROWS = 50_000  # from here on Arrow's hash count beats pd.unique


def _count_distinct(values: np.ndarray) -> int:
    """Distinct 64-bit integers: pandas' hash table for short columns; Arrow's count for long
    ones (measured on a million values: 18 ms against 64 ms for float bit patterns, 3 ms
    against 11 ms for dates, and it releases the GIL, so the column threads overlap)."""
    if values.size < ARROW_DISTINCT_ROWS:
        return int(pd.unique(values).size)
    import pyarrow as pa
    import pyarrow.compute as pc

    return int(pc.count_distinct(pa.array(values)).as_py())


def profile_column(name: str, series: pd.Series, *, exact: bool = True) -> ColumnProfile:
    """One column's profile. With ``exact=False`` the distinct counts that need hashing every
    value (numbers, dates, text) and a text column's top values are estimated from a sample
    and marked ``approximate``, and a large numeric column's mean and std are left for later;
    everything else (types, nulls, ranges, categories) is exact.
    """
    kind = logical_type(series)
    if kind == "category":
        # from the codes alone, as a short table's are (no mask, nor column-sized Series)
        from .profile_batch import _category

        return _category(name, series)
    mask = series.isna().to_numpy()
    nulls = int(mask.sum())
    profile: dict[str, Any] = {
        "name": name,
        "type": kind,
        "dtype": str(series.dtype),
        "nulls": nulls,
    }
    if kind in ("integer", "number"):
        if pd.api.types.is_timedelta64_dtype(series.dtype):
            series = series.dt.total_seconds()
        if kind == "integer" and (exact or len(series) - nulls <= SAMPLE_ROWS):
            facts = _whole_number_facts(series, mask, nulls)
            if facts is not None:
                return ColumnProfile(**profile, **facts)
        values = series.to_numpy(dtype="float64", na_value=np.nan)
        if not exact and values.size - nulls > SAMPLE_ROWS:
            return ColumnProfile(**_provisional_numbers(profile, values, kind))
        present = values[~mask] if nulls else values
        if exact or present.size <= SAMPLE_ROWS:
            profile["distinct"] = _distinct(series, mask, present, integer=kind == "integer")
        else:
            profile["distinct"], profile["approximate"] = estimate_distinct(present)
        if present.size:
            profile |= {"min": _finite(present.min()), "max": _finite(present.max())}
        if present.size and not profile.get("approximate"):  # else: with the exact profile
            mean = present.mean()
            profile |= {"mean": _finite(mean), "std": _deviation(present, float(mean))}
        examples = present[:EXAMPLES]
        profile["examples"] = [_short(int(v) if kind == "integer" else v) for v in examples]
        return ColumnProfile(**profile)
    if kind == "datetime":
        if getattr(series.dtype, "tz", None) is not None:
            series = series.dt.tz_convert(None)  # UTC instants: comparable, and numpy can hold them
        stamps = series.to_numpy()
        if not exact and stamps.size - nulls > SAMPLE_ROWS:
            return ColumnProfile(**_provisional_stamps(profile, stamps, mask))
        if exact and stamps.size > SAMPLE_ROWS:
            return ColumnProfile(**_exact_stamps(profile, stamps, mask))
        present_stamps = stamps[~mask] if nulls else stamps
        if exact or present_stamps.size <= SAMPLE_ROWS:
            profile["distinct"] = _count_distinct(present_stamps.view("int64"))
        else:
            profile["distinct"], profile["approximate"] = estimate_distinct(
                present_stamps.view("int64")
            )
        if present_stamps.size:
            profile["min"] = str(pd.Timestamp(present_stamps.min()))
            profile["max"] = str(pd.Timestamp(present_stamps.max()))
        profile["examples"] = [str(pd.Timestamp(v)) for v in present_stamps[:EXAMPLES]]
        return ColumnProfile(**profile)
    present_values = series[~mask] if nulls else series
    if not exact and kind == "text" and len(present_values) > SAMPLE_ROWS:
        sample = present_values.iloc[_spread(len(present_values))]
        tally = sample.value_counts(sort=True)
        scale = len(present_values) / len(sample)
        profile["distinct"] = _from_sample_counts(
            tally.to_numpy(), len(sample), len(present_values)
        )
        profile["top_values"] = [
            (_short(v), round(c * scale)) for v, c in tally.iloc[:TOP_VALUES].items()
        ]
        profile["approximate"] = True
    else:
        tally = present_values.value_counts(sort=True)
        profile["distinct"] = len(tally)
        profile["top_values"] = [(_short(v), int(c)) for v, c in tally.iloc[:TOP_VALUES].items()]
    head = present_values.iloc[: 50 * EXAMPLES]
    # The first distinct values; a look at the head usually finds them without a full pass.
    firsts = head.drop_duplicates().iloc[:EXAMPLES]
    if len(firsts) < EXAMPLES and len(head) < len(present_values):
        firsts = present_values.drop_duplicates().iloc[:EXAMPLES]
    profile["examples"] = [_short(v) for v in firsts]
    return ColumnProfile(**profile)


def _whole_number_facts(series: pd.Series, mask: np.ndarray, nulls: int) -> dict[str, Any] | None:
    """An integer column's exact facts read as integers, or None where the float path must
    (no value present, unsigned 64-bit, or magnitudes from 2**53 up, which that path reads
    as floats).

    The float path copies the column to floats, its present values out of those, and back
    to integers for the distinct count, and finds the range three times; here the values
    stay integers (one copy of the present ones), the range is found once and the bitmap
    count takes it (measured on a million Int64 values with 2 % gaps: 15 ms a column
    before). The facts are the float path's: the same range, count and examples, the mean
    and deviation to rounding."""
    if series.dtype == np.uint64 or nulls == len(series):
        return None
    whole = series.to_numpy(dtype="int64", na_value=0)
    present = whole[~mask] if nulls else whole
    low, high = int(present.min()), int(present.max())
    if low <= -WHOLE_LIMIT or high >= WHOLE_LIMIT:
        return None
    mean = present.mean()
    facts = {
        "min": float(low),
        "max": float(high),
        "mean": _finite(mean),
        "std": _deviation(present, float(mean)),
        "examples": [_short(int(v)) for v in present[:EXAMPLES]],
    }
    # last: the present values of a column with gaps are this function's own copy, which
    # the count may overwrite (see _count_whole)
    return facts | {"distinct": _count_whole(present, low, high, scratch=bool(nulls))}


def _deviation(values: np.ndarray, mean: float) -> float | None:
    """The sample standard deviation of ``values`` around their ``mean`` (found already):
    one pass for the offsets and one for their squares' sum, where ``ndarray.std`` finds
    the mean again and squares in a pass of its own (on a million values, 1.9 ms -> 1.3)."""
    if values.size < 2:
        return None
    offsets = np.subtract(values, mean, dtype=np.float64)
    return _finite(np.sqrt(np.einsum("i,i->", offsets, offsets) / (values.size - 1)))


WHOLE_LIMIT = 2**53  # from here on a float no longer holds every whole number


def _provisional_numbers(profile: dict[str, Any], values: np.ndarray, kind: str) -> dict[str, Any]:
    """A large numeric column's provisional facts without copying its present values: range
    by NaN-skipping reductions, distinct count estimated from a spread sample; mean and std
    come with the exact profile."""
    present = values.size - profile["nulls"]
    sample = values[_spread(values.size)]
    sample = sample[~np.isnan(sample)]
    _, counts = np.unique(sample, return_counts=True)
    head = values[: 100 * EXAMPLES]
    examples = head[~np.isnan(head)][:EXAMPLES]
    if examples.size < min(EXAMPLES, present):
        examples = values[~np.isnan(values)][:EXAMPLES]
    return profile | {
        "distinct": _from_sample_counts(counts, max(sample.size, 1), present),
        "approximate": True,
        "min": _finite(np.fmin.reduce(values)),
        "max": _finite(np.fmax.reduce(values)),
        "examples": [_short(int(v) if kind == "integer" else v) for v in examples],
    }


def _provisional_stamps(
    profile: dict[str, Any], stamps: np.ndarray, mask: np.ndarray, *, sample: bool = True
) -> dict[str, Any]:
    """A large date column's provisional facts without copying its present values (as
    :func:`_provisional_numbers` does for numbers): the range by reductions that skip the
    gaps, the distinct count estimated from a spread sample (not with ``sample=False``:
    :func:`_exact_stamps` counts it). The copy of the present values was most of the time
    (measured on 1M dates with 2% gaps: 4.1 ms -> 2.5 ms a column).
    """
    ticks = stamps.view(np.int64)
    present = stamps.size - profile["nulls"]
    # NaT is the smallest int64: never the maximum while any date is present
    low = np.min(ticks, where=~mask, initial=np.iinfo(np.int64).max)
    head = stamps[: 100 * EXAMPLES]
    examples = head[~mask[: head.size]][:EXAMPLES]
    if examples.size < min(EXAMPLES, present):
        examples = stamps[~mask][:EXAMPLES]
    facts = profile | {"examples": [str(pd.Timestamp(v)) for v in examples]}
    if present:
        facts["min"] = str(pd.Timestamp(np.int64(low).view(stamps.dtype)))
        facts["max"] = str(pd.Timestamp(ticks.max().view(stamps.dtype)))
    if sample:  # the distinct count estimated from a spread sample
        picked = ticks[_spread(ticks.size)]
        picked = picked[picked != _NAT]
        _, counts = np.unique(picked, return_counts=True)
        facts |= {
            "distinct": _from_sample_counts(counts, max(picked.size, 1), present),
            "approximate": True,
        }
    return facts


def _exact_stamps(profile: dict[str, Any], stamps: np.ndarray, mask: np.ndarray) -> dict[str, Any]:
    """A long date column's exact facts without copying its present values out: the range
    as :func:`_provisional_stamps` finds it, and the distinct count of all its values, gaps
    included, less the one value every gap is (NaT, the smallest int64, which no date is).
    The copy was a fifth of such a column's profile (1M dates with 2 % gaps)."""
    facts = _provisional_stamps(profile, stamps, mask, sample=False)
    counted = _count_distinct(stamps.view(np.int64))
    return facts | {"distinct": counted - (1 if profile["nulls"] else 0)}


_NAT = np.iinfo(np.int64).min
SAMPLE_ROWS = 20_000  # values an estimated distinct count looks at


def _spread(size: int) -> np.ndarray:
    """Positions of ``SAMPLE_ROWS`` values spread evenly over ``size``: head, middle and tail."""
    return np.linspace(0, size - 1, num=min(size, SAMPLE_ROWS)).astype(np.int64)


def estimate_distinct(values: np.ndarray) -> tuple[int, bool]:
    """The number of distinct values, estimated from an even sample, and whether it is an
    estimate (a column no longer than the sample is counted exactly).

    The "guaranteed-error estimator" (Charikar et al., 2000): values seen several times in the
    sample are counted as they are; each value seen once stands for sqrt(N/n) values of the
    whole column. Its answer always lies between the sample's count and the column's size,
    which is all a model or a reader needs before the exact count lands.
    """
    sample = values[_spread(len(values))]
    _, counts = np.unique(sample, return_counts=True)
    if len(sample) >= len(values):
        return len(counts), False
    return _from_sample_counts(counts, len(sample), len(values)), True


def _from_sample_counts(counts: np.ndarray, sampled: int, total: int) -> int:
    """The estimator itself, from how often each distinct value of the sample occurs in it."""
    once = int(np.count_nonzero(counts == 1))
    estimate = math.sqrt(total / sampled) * once + (len(counts) - once)
    return int(min(total, max(len(counts), round(estimate))))


def profile_frame(
    frame: pd.DataFrame,
    mapper: Any = map,
    *,
    exact: bool = True,
    given: dict[int, ColumnProfile] | None = None,
    **file_facts: Any,
) -> FileProfile:
    """The profile of a typed frame; ``file_facts`` are the loader's (bytes, encoding, …).

    Columns are profiled independently, so ``mapper`` may be a thread pool's map: the
    numpy and Arrow kernels underneath release the GIL (measured: 0.39 s → 0.18 s on
    1M x 20 with two cores). ``exact=False`` gives the provisional profile (see
    :func:`profile_column`). ``given``: profiles by column position that are taken as they
    are (the placeholders of columns still to be typed, see ``deferred.py``).
    """
    columns = column_profiles(frame, mapper, exact=exact, given=given)
    return FileProfile(
        rows=len(frame),
        columns=len(columns),
        column_profiles=columns,
        exact=exact or not any(c.approximate for c in columns),
        **file_facts,
    )


def column_profiles(
    frame: pd.DataFrame,
    mapper: Any = map,
    *,
    exact: bool = True,
    given: dict[int, ColumnProfile] | None = None,
) -> list[ColumnProfile]:
    """The profiles of ``frame``'s columns in order; those in ``given`` (by position) are
    taken as they are. A short table's number, date and category columns are profiled
    together (``profile_batch``), the others one by one in ``mapper``."""
    # items(): one Series per column, by position (a label could select several columns)
    items = [(str(name), series) for name, series in frame.items()]
    batched: dict[int, ColumnProfile] = dict(given or {})
    if len(frame) <= SAMPLE_ROWS:
        # a short table: exact and provisional agree, and per-column overhead dominates
        todo = [i for i in range(len(items)) if i not in batched]
        found = _safe_batch([items[i] for i in todo])
        batched |= {todo[k]: profile for k, profile in found.items()}
    rest = [i for i in range(len(items)) if i not in batched]
    for i, profile in zip(
        rest, mapper(lambda i: _safe_profile(*items[i], exact), rest), strict=True
    ):
        batched[i] = profile
    return [batched[i] for i in range(len(items))]


def complete_profile(
    frame: pd.DataFrame, provisional: FileProfile, mapper: Any = map, **changes: Any
) -> FileProfile:
    """The exact profile from a provisional one or an outline: only its estimated columns
    are profiled again (categories, booleans and small columns were exact already), in
    ``mapper``, or all together on a short table (see :func:`column_profiles`)."""
    kept = {i: c for i, c in enumerate(provisional.column_profiles) if not c.approximate}
    columns = column_profiles(frame, mapper, given=kept)
    return provisional.model_copy(
        update={"column_profiles": columns, "exact": True, "outline": False, **changes}
    )


def _safe_batch(items: list[tuple[str, pd.Series]]) -> dict[int, ColumnProfile]:
    """The number and date columns of a short table profiled together (``profile_batch``);
    any failure leaves them all to the per-column path."""
    from .profile_batch import batch_profiles

    try:
        return batch_profiles(items)
    except Exception:
        log.debug("profiling the columns together failed; one by one", exc_info=True)
        return {}


def _safe_profile(name: str, series: pd.Series, exact: bool = True) -> ColumnProfile:
    """The column's profile; a column the statistics cannot handle gets the basic facts only,
    rather than failing the whole load."""
    try:
        return profile_column(name, series, exact=exact)
    except Exception:
        log.debug("profiling column %r failed", name, exc_info=True)
        return ColumnProfile(
            name=name,
            type=logical_type(series),
            dtype=str(series.dtype),
            nulls=int(series.isna().sum()),
            distinct=0,
        )
