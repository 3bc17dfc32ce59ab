"""Loading: dialects, encodings, headers, typing, profile, cache, progress, uploads."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.events import ProgressEvent
from csvagent_jupyter.loading.loader import reload_csv
from csvagent_jupyter.sample_data import mixed_frame, sales_frame, write_csv

from .conftest import DATA


@pytest.mark.parametrize(
    ("filename", "encoding", "first"),
    [
        ("latin1.csv", "cp1252", "München"),
        ("utf16.csv", "utf-16", "München"),
        ("utf8_bom.csv", "utf-8-sig", "Åsa"),
    ],
)
def test_encodings_are_detected(agent: Agent, filename: str, encoding: str, first: str) -> None:
    info = agent.load(DATA / filename)
    assert info.profile.encoding == encoding
    frame = agent.frame()
    assert frame.iloc[0, 0] == first
    assert next(iter(frame.columns)) in {"city", "name"}  # the BOM is not part of the first name


@pytest.mark.parametrize(
    ("filename", "delimiter"), [("semicolon.csv", ";"), ("tabs.csv", "\t"), ("pipes.csv", "|")]
)
def test_delimiters_are_sniffed(agent: Agent, filename: str, delimiter: str) -> None:
    info = agent.load(DATA / filename)
    assert info.profile.delimiter == delimiter
    assert info.columns == ["name", "price", "qty"]
    assert agent.frame()["price"].dtype == "float64"


def test_decimal_comma_in_semicolon_files(agent: Agent) -> None:
    agent.load(DATA / "semicolon.csv")
    assert agent.frame()["price"].tolist() == [1.5, 2.25, 0.75]


def test_empty_and_duplicate_headers_are_made_unique_and_reported(agent: Agent) -> None:
    info = agent.load(DATA / "duplicate_header.csv")
    assert info.columns == ["id", "value", "value_2", "column_4"]
    notes = " ".join(info.profile.notes)
    assert "'value' appears more than once" in notes
    assert "Column 4 has no name" in notes


def test_headerless_file_gets_generated_names(agent: Agent) -> None:
    info = agent.load(DATA / "no_header.csv")
    assert info.columns == ["column_1", "column_2", "column_3"]
    assert info.rows == 3
    assert "read as data" in info.profile.notes[0]


def test_messy_values_are_typed(agent: Agent) -> None:
    info = agent.load(DATA / "messy_values.csv")
    frame = agent.frame()
    assert frame["revenue"].tolist()[:3] == [1234.5, 980.0, 12000.0]
    assert pd.isna(frame["revenue"].iloc[3])  # "-" is a missing value in a number column
    assert frame["growth"].tolist()[:3] == [15.0, -2.0, 7.5]
    assert frame["attendance"].dtype == "Int64" or frame["attendance"].dtype == "float64"
    assert frame["attendance"].iloc[0] == 36849
    assert str(frame["founded"].dtype).startswith("datetime64")
    assert frame["founded"].iloc[0] == pd.Timestamp("1950-03-03")
    assert frame["active"].tolist() == [True, False, True, False]
    types = {c.name: c.type for c in info.profile.column_profiles}
    assert types["team"] == "text"
    assert types["revenue"] == "number"
    assert types["founded"] == "datetime"
    assert types["active"] == "boolean"


def test_hostile_cells_load_as_plain_text(agent: Agent) -> None:
    agent.load(DATA / "hostile_cells.csv")
    frame = agent.frame()
    assert frame["name"].iloc[0] == "=cmd|' /C calc'!A0"
    assert "os.system" in frame["note"].iloc[0]


def test_typing_is_reproducible_from_the_stored_options(agent: Agent) -> None:
    for name in ["messy_values.csv", "semicolon.csv", "duplicate_header.csv", "latin1.csv"]:
        info = agent.load(DATA / name)
        pd.testing.assert_frame_equal(reload_csv(DATA / name, info.profile), agent.frame(info.id))


def test_profile_of_a_sales_table(agent: Agent, tmp_path: Path) -> None:
    frame = sales_frame()
    path = write_csv(frame, tmp_path / "sales.csv")
    info = agent.load(path)
    profile = info.profile
    assert (profile.rows, profile.columns, profile.bytes) == (240, 9, path.stat().st_size)
    revenue = profile.column("revenue")
    assert revenue.type == "number"
    assert revenue.nulls == 0
    assert revenue.min == pytest.approx(frame["revenue"].min())
    assert revenue.max == pytest.approx(frame["revenue"].max())
    assert revenue.mean == pytest.approx(frame["revenue"].mean())
    assert revenue.std == pytest.approx(frame["revenue"].std())
    region = profile.column("region")
    assert region.type == "category"
    assert region.distinct == 4
    counts = frame["region"].value_counts()
    assert region.top_values[0] == (counts.index[0], int(counts.iloc[0]))
    assert profile.column("order_date").type == "datetime"
    assert profile.column("order_date").min == "2023-01-03 00:00:00"
    assert profile.column("returned").type == "boolean"
    assert profile.column("units").type == "integer"


def test_wide_file_100_columns_10k_rows(agent: Agent, tmp_path: Path) -> None:
    source = mixed_frame(10_000, 100, seed=3)
    path = write_csv(source, tmp_path / "wide.csv")
    info = agent.load(path)
    assert (info.rows, len(info.columns)) == (10_000, 100)
    profile = info.profile
    kinds = {c.name.split("_")[0]: c.type for c in profile.column_profiles}
    assert kinds == {"int": "integer", "float": "number", "cat": "category", "date": "datetime"}
    column = profile.column("float_001")
    assert column.nulls == int(source["float_001"].isna().sum())
    assert column.mean == pytest.approx(source["float_001"].mean())
    assert profile.column("cat_002").distinct == 20
    assert profile.column("int_000").nulls == int(source["int_000"].isna().sum())


def test_same_content_reuses_the_file_and_its_cache(agent: Agent, tmp_path: Path) -> None:
    path = write_csv(sales_frame(), tmp_path / "sales.csv")
    first = agent.load(path)
    agent.cache.wait(first.content_hash)
    copy = tmp_path / "copy.csv"
    copy.write_bytes(path.read_bytes())
    second = agent.load(copy)
    assert second.reused and second.id == first.id
    assert len(agent.files()) == 1
    assert agent.cache.path_for(first.content_hash).exists()


def test_cached_table_survives_a_new_agent(data_dir: Path, tmp_path: Path) -> None:
    path = write_csv(sales_frame(), tmp_path / "sales.csv")
    with Agent(data_dir=data_dir) as first:
        info = first.load(path)
        expected = first.frame()
    path.unlink()  # the cache alone must be enough now
    with Agent(data_dir=data_dir) as second:
        pd.testing.assert_frame_equal(second.frame(info.id), expected)
        assert second.file().id == info.id


def test_damaged_cache_falls_back_to_the_csv(data_dir: Path, tmp_path: Path) -> None:
    path = write_csv(sales_frame(), tmp_path / "sales.csv")
    with Agent(data_dir=data_dir) as first:
        info = first.load(path)
        expected = first.frame()
    first.cache.path_for(info.content_hash).write_bytes(b"not arrow")
    with Agent(data_dir=data_dir) as second:
        pd.testing.assert_frame_equal(second.frame(info.id), expected)


def test_progress_events_and_job_row(agent: Agent, tmp_path: Path) -> None:
    path = write_csv(mixed_frame(200_000, 10), tmp_path / "big.csv")
    received: list[ProgressEvent] = []
    info = agent.load(path, on_progress=received.append)
    agent.wait_profiled()
    # the load's own events; a large file's background phases (typing its text columns, the
    # exact profile) send their own (test_load_background, test_load_deferred)
    events = [e for e in received if "phase" not in e.data]
    names = [e.event for e in events]
    assert names[-1] == "file_complete" and set(names[:-1]) == {"file_progress"}
    fractions = [e.progress for e in events]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert len(events) >= 5
    assert events[-1].subject_id == info.id
    [job] = [j for j in agent.store.list_jobs() if j.job_type == "file_upload"]
    assert (job.job_type, job.status, job.progress, job.subject_id) == (
        "file_upload",
        "completed",
        100.0,
        info.id,
    )
    assert job.completed_at is not None


def test_error_event_on_failure(agent: Agent) -> None:
    events: list[ProgressEvent] = []
    with pytest.raises(Exception, match="more fields"):
        agent.load(DATA / "ragged.csv", on_progress=events.append)
    assert events[-1].event == "file_error"
    assert "ragged.csv" in events[-1].message


def test_a_failing_progress_callback_does_not_fail_the_load(agent: Agent) -> None:
    def broken(_: ProgressEvent) -> None:
        raise RuntimeError("widget bug")

    assert agent.load(DATA / "tabs.csv", on_progress=broken).status == "completed"


def test_load_from_bytes(agent: Agent) -> None:
    info = agent.load((DATA / "tabs.csv").read_bytes(), name="upload.tsv")
    assert info.name == "upload.tsv"
    assert info.rows == 2
    assert info.path is not None and info.path.exists()


def test_files_lists_newest_first_and_use_switches(agent: Agent) -> None:
    first = agent.load(DATA / "tabs.csv")
    second = agent.load(DATA / "pipes.csv")
    assert [f.id for f in agent.files()] == [second.id, first.id]
    assert agent.file().id == second.id
    assert agent.use("tabs.csv").id == first.id
    assert agent.file().id == first.id
    assert agent.file(first.id[:8]).id == first.id


def test_unknown_file_lists_what_is_loaded(agent: Agent) -> None:
    from csvagent_jupyter.errors import UnknownFileError

    agent.load(DATA / "tabs.csv")
    with pytest.raises(UnknownFileError, match=r"Loaded files: tabs\.csv"):
        agent.file("sales.csv")


def test_import_is_light() -> None:
    code = (
        "import sys, csvagent_jupyter\n"
        "heavy = [m for m in ('langchain', 'langchain_openai', 'matplotlib', 'pandas', 'sqlalchemy')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_agent_does_not_import_langchain_or_matplotlib(agent: Agent) -> None:
    code = (
        "import sys, tempfile\n"
        "from csvagent_jupyter import Agent\n"
        "Agent(data_dir=tempfile.mkdtemp()).load(sys.argv[1])\n"
        "print([m for m in ('langchain', 'langchain_openai', 'matplotlib') if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(DATA / "tabs.csv")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]"


def test_timestamps_with_time_zones_are_profiled(agent: Agent) -> None:
    info = agent.load(DATA / "timezones.csv")
    column = info.profile.column("when")
    assert column.type == "datetime"
    assert (column.nulls, column.distinct) == (1, 2)
    assert column.min.startswith("2023-01-01 10:00:00")


def test_unchanged_file_is_not_hashed_again_but_a_changed_one_is(
    agent: Agent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csvagent_jupyter.loading.loader as loader_module

    path = write_csv(sales_frame(), tmp_path / "sales.csv")
    first = agent.load(path)
    agent.cache.wait(first.content_hash)
    hashed: list[Path] = []
    real = loader_module.content_hash_of
    monkeypatch.setattr(
        loader_module, "content_hash_of", lambda p, cb=None: hashed.append(p) or real(p, cb)
    )
    assert agent.load(path).id == first.id and hashed == []
    frame = sales_frame()
    frame.loc[0, "units"] = 99
    write_csv(frame, path)  # same path, new content: hashed, parsed, a new File
    second = agent.load(path)
    assert hashed == [path] and second.id != first.id and agent.frame()["units"].iloc[0] == 99


def test_a_new_file_is_hashed_while_it_is_parsed_not_before(
    agent: Agent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No completed load has a new file's size, so none can hold its content: it is hashed
    alongside its parse, and the check for short rows uses that read's delimiter count
    instead of reading the file again. A copy (same size) is hashed first and found."""
    import csvagent_jupyter.loading.loader as loader_module
    import csvagent_jupyter.loading.reader as reader_module
    from csvagent_jupyter.loading.files import content_hash_of

    before: list[Path] = []
    reread: list[Path] = []
    monkeypatch.setattr(
        loader_module,
        "content_hash_of",
        lambda p, cb=None: before.append(p) or content_hash_of(p, cb),
    )
    monkeypatch.setattr(
        reader_module,
        "_delimiters_add_up",
        lambda path, dialect, rows: reread.append(path) or False,
    )
    path = write_csv(mixed_frame(3_000, 6), tmp_path / "new.csv")  # its last column has gaps
    info = agent.load(path)
    assert before == [] and reread == []
    assert info.content_hash == content_hash_of(path)
    assert not any("fewer fields" in note for note in info.profile.notes)
    agent.cache.wait(info.content_hash)
    assert agent.cache.path_for(info.content_hash).exists()
    copy = tmp_path / "copy.csv"
    copy.write_bytes(path.read_bytes())
    again = agent.load(copy)
    assert before == [copy] and again.reused and again.id == info.id


@pytest.mark.parametrize("seed", range(4))
def test_profile_distinct_counts_are_exact(seed: int) -> None:
    """The fast distinct counts (bincount, int64 hashing, float bit patterns) agree with pandas."""
    import numpy as np

    from csvagent_jupyter.loading.profile import profile_column

    rng = np.random.default_rng(seed)
    compact = pd.Series(rng.integers(-50, 50, 5000), dtype="Int64")
    compact[rng.random(5000) < 0.1] = pd.NA
    wide = pd.Series(rng.integers(-(10**15), 10**15, 5000))
    floats = pd.Series(np.round(rng.normal(size=5000), 2))
    floats[:3] = [0.0, -0.0, np.nan]
    for series in (compact, wide, floats):
        assert profile_column("x", series).distinct == series.nunique()


def test_the_parse_progress_says_it_is_an_estimate(agent: Agent, tmp_path: Path) -> None:
    path = write_csv(mixed_frame(50_000, 5), tmp_path / "est.csv")
    events: list[ProgressEvent] = []
    agent.load(path, on_progress=events.append)
    reading = [e.message for e in events if e.message.startswith("reading")]
    assert reading and all("estimated" in message for message in reading)


def test_a_loads_job_row_is_processing_with_its_file_while_it_reads(
    agent: Agent, tmp_path: Path
) -> None:
    """The job starts as "processing" and names its File as soon as the File row exists
    (each written with the row it belongs to, not by writes of their own)."""
    path = write_csv(mixed_frame(2_000, 6), tmp_path / "small.csv")
    seen: list[tuple[str, str | None, str | None]] = []

    def look(event: ProgressEvent) -> None:
        if event.event == "file_progress" and event.subject_id is not None and not seen:
            job = agent.store.get_job(event.job_id)
            assert job is not None
            seen.append((job.status, job.subject_id, event.subject_id))

    info = agent.load(path, on_progress=look)
    assert seen and seen[0] == ("processing", info.id, info.id)


def test_a_reload_and_a_copy_each_record_one_completed_job(agent: Agent, tmp_path: Path) -> None:
    """An unchanged file is reused in one query and one job write; a copy of it (hashed, then
    found) records its reuse on the job that hashed it."""
    path = write_csv(sales_frame(), tmp_path / "sales.csv")
    first = agent.load(path)
    agent.cache.wait(first.content_hash)
    events: list[ProgressEvent] = []
    again = agent.load(path, on_progress=events.append)
    copy = tmp_path / "copy.csv"
    copy.write_bytes(path.read_bytes())
    third = agent.load(copy, on_progress=events.append)
    assert again.reused and third.reused and again.id == third.id == first.id
    jobs = [j for j in agent.store.list_jobs() if j.job_type == "file_upload"]
    assert len(jobs) == 3
    for job in jobs[:2]:  # newest first
        assert (job.status, job.progress, job.subject_id) == ("completed", 100.0, first.id)
        assert job.result == {"file_id": first.id, "rows": first.rows, "cached": True}
        assert job.completed_at is not None
    completes = [e for e in events if e.event == "file_complete"]
    assert len(completes) == 2 and all(e.data.get("cached") for e in completes)
    assert {e.job_id for e in completes} == {jobs[0].id, jobs[1].id}


def _every_kind(rows: int = 6) -> dict[str, pd.Series]:
    """Columns of every kind a load gives, with gaps where the kind has them."""
    stamps = pd.to_datetime(["2020-01-31", None, "2021-06-01", "2019-12-31", None, "2022-02-02"])
    return {
        "whole with gaps": pd.Series([1, None, 3, 4, None, -6], dtype="Int64"),
        "whole, none missing": pd.Series([1, 2, 3, 4, 5, 6], dtype="Int64"),
        "price": pd.Series([1.5, None, 3.25, 4.0, 5.5, None]),
        "name": pd.Series(["a", None, "Zürich", "", "b", "a"], dtype="str"),
        "level": pd.Series(["x", None, "y", "x", "z", "y"], dtype="category"),
        "day": pd.Series(stamps),
        "instant": pd.Series(stamps.tz_localize("UTC")),
        "lap": pd.to_timedelta(pd.Series([1.5, None, 3.0, 4.0, 5.0, 6.0]), unit="s"),
        "flag": pd.Series([True, False, True, True, False, False]),
    }


@pytest.mark.parametrize(
    ("extra", "plain"),
    [
        ({}, True),
        ({"count": pd.Series([1, 2, 3, 4, 5, 6])}, False),  # int64 beside Int64
        ({"answer": pd.Series([True, None, False, True, None, True], dtype="boolean")}, False),
        ({"ratio": pd.Series([1.0, 2, 3, 4, 5, None], dtype="float32")}, False),
    ],
)
def test_the_cache_gives_back_the_frame_written(
    tmp_path: Path, extra: dict[str, pd.Series], plain: bool
) -> None:
    """A cached table converted without its pandas metadata (the fast path for a frame whose
    dtypes Arrow's types already say) is the frame written, as is any other frame, read
    with the metadata."""
    import pyarrow as pa

    from csvagent_jupyter.loading.cache import FrameCache, _plain_types

    frame = pd.DataFrame({**_every_kind(), **extra})
    cache = FrameCache(tmp_path)
    cache.write_in_background("h", frame).result()
    assert (_plain_types(pa.Table.from_pandas(frame)) is not None) == plain
    pd.testing.assert_frame_equal(cache.read("h"), frame)


def test_the_cache_writer_gives_the_interpreter_up_before_converting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache write pauses before its conversion, which holds the interpreter, so that the
    thread woken by the exact profile the write follows (``wait_profiled``) runs first."""
    import threading

    from csvagent_jupyter.loading import cache as cache_module

    steps: list[str] = []
    real_sleep, real_write = cache_module.time.sleep, cache_module._write

    def sleep(seconds: float) -> None:
        if threading.current_thread().name == "csvagent-cache":  # (not another test's thread)
            steps.append(f"sleep {seconds}")
        real_sleep(seconds)

    def write(*args: Any) -> None:
        steps.append("write")
        real_write(*args)

    monkeypatch.setattr(cache_module.time, "sleep", sleep)
    monkeypatch.setattr(cache_module, "_write", write)
    cache = cache_module.FrameCache(tmp_path)
    cache.write_in_background("h", pd.DataFrame({"a": [1, 2]})).result()
    assert steps == [f"sleep {cache_module.YIELD_SECONDS}", "write"]
    assert cache_module.YIELD_SECONDS > 0


def test_cached_text_categories_come_back_unchecked_and_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cached column of text categories is rebuilt from its dictionary and codes without
    pandas' check of the categories (a dictionary's values are distinct by construction):
    the column pyarrow's own conversion gives, over several chunks, gaps included; chunks
    of different dictionaries (which this cache never writes) still read right."""
    import pyarrow as pa
    from pandas.core.dtypes.dtypes import CategoricalDtype

    from csvagent_jupyter.loading.cache import FrameCache, to_pandas

    levels = pd.Series(["b", None, "a", "c", "a", "b"] * 50, dtype="str").astype("category")
    frame = pd.DataFrame({"level": levels, "n": range(300)})
    cache = FrameCache(tmp_path)
    cache.write_in_background("h", frame).result()
    checked: list[object] = []
    real = CategoricalDtype.validate_categories

    def validate(categories: object, fastpath: bool = False) -> object:
        if not fastpath:  # (the fast path skips the check of unique, present values)
            checked.append(categories)
        return real(categories, fastpath=fastpath)

    monkeypatch.setattr(CategoricalDtype, "validate_categories", staticmethod(validate))
    read = cache.read("h")
    assert read is not None and checked == []
    pd.testing.assert_frame_equal(read, frame)
    assert read["level"].cat.codes.dtype == frame["level"].cat.codes.dtype
    whole = pa.Table.from_pandas(frame)
    table = pa.Table.from_batches(whole.to_batches(max_chunksize=70))  # one dictionary
    assert table.column("level").num_chunks == 5
    pd.testing.assert_frame_equal(to_pandas(table), frame)
    # the second half's dictionary in another order: its codes mean other values
    second = frame.iloc[150:].reset_index(drop=True)
    second["level"] = second["level"].cat.reorder_categories(["c", "b", "a"])
    mixed = pa.concat_tables([pa.Table.from_pandas(frame.iloc[:150]), pa.Table.from_pandas(second)])
    assert mixed.schema.pandas_metadata is not None
    values = to_pandas(mixed.replace_schema_metadata(whole.schema.metadata))["level"]
    assert values.astype(object).tolist() == frame["level"].astype(object).tolist()


def test_a_wide_files_delimiter_is_chosen_from_its_first_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rows a candidate delimiter is tried on hold at most SNIFF_FIELDS fields (or
    SNIFF_MIN_ROWS rows): on a wide file, a few dozen rows tell as well as two hundred."""
    import csv

    from csvagent_jupyter.loading import sniff as sniff_module

    header = ",".join(f"c{i}" for i in range(100))
    text = header + "\n" + "".join(",".join(["1;5"] * 100) + "\n" for _ in range(300))
    read: list[int] = []
    real = csv.reader

    def counting(*args: Any, **kwargs: Any) -> Any:
        read.append(0)
        for row in real(*args, **kwargs):
            read[-1] += 1
            yield row

    monkeypatch.setattr(sniff_module.csv, "reader", counting)
    assert sniff_module.detect_delimiter(text) == ","
    assert read and max(read) == max(sniff_module.SNIFF_MIN_ROWS, 4000 // 100)


def test_a_small_new_file_is_scanned_after_its_parse_a_large_one_beside_it(
    agent: Agent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A small new file's scan (hash and delimiter count) runs on a column thread after its
    parse, beside the inference of its types (on the loading thread before its parse with
    skip_bad_lines, whose parse looks for short rows itself), a larger one's on a column
    thread beside its parse. All give the content hash."""
    import csvagent_jupyter.loading.loader as loader_module
    from csvagent_jupyter.loading.files import content_hash_of

    steps: list[tuple[str, str]] = []
    real_scan, real_parse = loader_module.scan_file, loader_module.parse

    def scan(path: Path, delimiter: int | None = None) -> Any:
        steps.append(("scan", threading.current_thread().name))
        return real_scan(path, delimiter)

    def parse(*args: Any, **kwargs: Any) -> Any:
        steps.append(("parse", threading.current_thread().name))
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(loader_module, "scan_file", scan)
    monkeypatch.setattr(loader_module, "parse", parse)
    here = threading.current_thread().name
    small = write_csv(mixed_frame(500, 4, seed=2), tmp_path / "small.csv")
    info = agent.load(small)
    assert [step for step, _ in steps] == ["parse", "scan"]
    assert steps[0][1] == here and steps[1][1].startswith("csvagent-columns")
    assert info.content_hash == content_hash_of(small)
    steps.clear()
    skipping = write_csv(mixed_frame(500, 4, seed=4), tmp_path / "skipping.csv")
    info = agent.load(skipping, skip_bad_lines=True)
    assert steps == [("scan", here), ("parse", here)]
    assert info.content_hash == content_hash_of(skipping)
    steps.clear()
    large = write_csv(mixed_frame(700, 4, seed=3), tmp_path / "large.csv")
    monkeypatch.setattr(loader_module, "SHORT_ROWS_INLINE_BYTES", 1000)
    info = agent.load(large)
    assert next(name for step, name in steps if step == "scan").startswith("csvagent-columns")
    assert info.content_hash == content_hash_of(large)
