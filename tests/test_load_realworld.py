"""Real-world files: odd line endings, stray bytes, short rows, and values read as the file means them.

Every conversion is also checked through the code it renders: the frame that the
generated pandas lines produce from the file equals the loaded one.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.errors import EmptyFileError
from csvagent_jupyter.loading.loader import reload_csv
from csvagent_jupyter.loading.reader import describe_options
from csvagent_jupyter.loading.typing import Conversion

from .conftest import DATA
from .test_ask import ask_ok

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "bench"


def generated_code_frame(path: Path, profile: object) -> pd.DataFrame:
    """The frame the reproducible code builds: read_csv with the stored options, then each
    conversion's own line of pandas."""
    lines = [
        "import numpy as np",
        "import pandas as pd",
        f"df = pd.read_csv({str(path)!r}{describe_options(profile.read_options)})",
    ]
    lines += [Conversion.from_dict(data).to_code("df") for data in profile.conversions]
    namespace: dict[str, object] = {}
    exec(compile("\n".join(lines), "<generated>", "exec"), namespace)  # our own generated code
    return namespace["df"]  # type: ignore[return-value]


def load_checked(agent: Agent, path: Path, **options: object) -> pd.DataFrame:
    info = agent.load(path, **options)
    frame = agent.frame(info.id)
    pd.testing.assert_frame_equal(reload_csv(path, info.profile), frame)
    pd.testing.assert_frame_equal(generated_code_frame(path, info.profile), frame)
    return frame


# -- files that must load ------------------------------------------------------------------


@pytest.mark.parametrize("filename", ["mac_cr.csv", "mac_cr_bom.csv"])
def test_lone_cr_line_endings_load(agent: Agent, filename: str) -> None:
    frame = load_checked(agent, DATA / filename)
    assert list(frame.columns) == ["city", "visits"]
    assert frame["city"].iloc[0] == "Lyon" and frame["visits"].iloc[1] == 7
    assert len(frame) == len(pd.read_csv(DATA / filename))


def test_a_column_the_parser_mixed_numbers_and_text_in_loads(agent: Agent, tmp_path: Path) -> None:
    """pandas reads a long column of integers with a late "-" as an object column of ints and
    strings; typing it used to crash the load (".str accessor with string values")."""
    path = tmp_path / "products.csv"
    rows = 400_000
    with open(path, "w") as handle:
        handle.write("barcode,name\n")
        for i in range(rows):
            handle.write(f"{5449000000000 + i if i != rows - 2 else '-'},p{i % 9}\n")
    assert pd.read_csv(path)["barcode"].dtype == object  # the parser's own mixed column
    info = agent.load(path)
    frame = agent.frame(info.id)
    assert len(frame) == rows
    assert frame["barcode"].iloc[0] == 5449000000000 and pd.isna(frame["barcode"].iloc[-2])
    assert info.profile.column("barcode").type in ("integer", "number")
    pd.testing.assert_frame_equal(reload_csv(path, info.profile), frame)


def test_a_conversion_that_fails_keeps_the_column_and_says_why(
    agent: Agent, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Conversion, series: pd.Series) -> pd.Series:
        raise AttributeError("Can only use .str accessor with string values, not integer")

    monkeypatch.setattr(Conversion, "apply", broken)
    info = agent.load(DATA / "messy_values.csv")
    assert info.status == "completed"
    assert agent.frame()["revenue"].iloc[0] == "$1,234.50"  # as the parser read it
    notes = " ".join(info.profile.notes)
    assert "Column 'revenue' was kept as read" in notes and ".str accessor" in notes


def test_a_failing_inference_keeps_the_column_and_says_why(
    agent: Agent, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csvagent_jupyter.loading.typing as typing_module

    def broken(*_: object) -> None:
        raise TypeError("unforeseen value")

    monkeypatch.setattr(typing_module, "_infer_text_column", broken)
    info = agent.load(DATA / "messy_values.csv")
    assert info.status == "completed"
    assert "Column 'team' was kept as read: typing it failed (unforeseen value)." in (
        info.profile.notes
    )


def test_short_rows_are_reported_with_their_line_numbers(agent: Agent) -> None:
    frame = load_checked(agent, DATA / "short_rows.csv")
    info = agent.file()
    assert len(frame) == len(pd.read_csv(DATA / "short_rows.csv")) == 5
    assert info.skipped_lines == []
    note = next(n for n in info.profile.notes if "fewer fields" in n)
    assert "2 line(s) have fewer fields than the 3 columns of the header: 3, 7." in note
    assert "skip_bad_lines=True" in note


@pytest.mark.parametrize("quoted", [False, True])
def test_short_rows_among_empty_last_fields(agent: Agent, tmp_path: Path, quoted: bool) -> None:
    """An empty last field is data, a missing one is a short row: both read as NA, and only
    the short ones are reported (with and without quotes in the file, two ways of finding them)."""
    lines = ["id,name,note"]
    for i in range(1, 2001):
        name = f'"n{i}"' if quoted else f"n{i}"
        lines.append(f"{i},{name}," if i % 7 else f"{i},{name},x")
    lines[500] = "500,n500"  # line 501 of the file
    lines[1500] = "1500,n1500"  # line 1501
    path = tmp_path / "gaps.csv"
    path.write_text("\n".join(lines) + "\n")
    info = agent.load(path)
    assert info.rows == 2000
    assert any("fewer fields" in n and ": 501, 1501." in n for n in info.profile.notes)
    lines[500], lines[1500] = "500,n500,", "1500,n1500,"
    path.write_text("\n".join(lines) + "\n")
    info = agent.load(path)
    assert not any("fewer fields" in n for n in info.profile.notes)


def test_short_rows_are_skipped_and_reported_like_long_ones(agent: Agent) -> None:
    frame = load_checked(agent, DATA / "short_rows.csv", skip_bad_lines=True)
    info = agent.file()
    assert frame["id"].tolist() == [1, 3, 5]
    assert frame["qty"].dtype == "int64"  # as if the short lines had never been there
    assert info.skipped_lines == [3, 7]
    assert "Skipped 2 malformed line(s): 3, 7." in info.profile.notes


def test_a_stray_nul_byte_names_its_line_and_the_file_loads(agent: Agent) -> None:
    info = agent.load(DATA / "stray_nul.csv")
    assert info.rows == 3 == len(pd.read_csv(DATA / "stray_nul.csv"))
    assert any(note.startswith("Line 3 holds a NUL byte") for note in info.profile.notes)


def test_a_file_of_only_a_byte_order_mark_is_empty(agent: Agent) -> None:
    with pytest.raises(EmptyFileError, match="only a byte-order mark"):
        agent.load(DATA / "bom_only.csv")


def _bench_tables() -> list[Path]:
    folders = [BENCH / "tables", BENCH / "analyst" / "tables"]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*.csv"))


@pytest.mark.skipif(
    not BENCH.is_dir(), reason="../shared/bench (data outside the repository) is not present"
)
def test_every_benchmark_table_loads_with_the_rows_pandas_reads(data_dir: Path) -> None:
    tables = _bench_tables()
    assert tables, f"no CSV files under {BENCH}"
    failures = []
    with Agent(data_dir=data_dir) as agent:
        for path in tables:
            expected = len(pd.read_csv(path))
            try:
                info = agent.load(path)
            except Exception as exc:
                failures.append(f"{path.name}: {exc}")
                continue
            if info.rows != expected:
                failures.append(f"{path.name}: {info.rows} rows, pandas reads {expected}")
    assert not failures, "\n".join(failures)


# -- values read as the file means them -----------------------------------------------------


def test_dates_in_written_forms(agent: Agent) -> None:
    frame = load_checked(agent, DATA / "written_dates.csv")
    assert frame["listed"].tolist()[:2] == [pd.Timestamp("2017-05-15"), pd.Timestamp("2018-06-02")]
    assert frame["opened"].iloc[1] == pd.Timestamp("2018-05-01 13:30")
    assert frame["season"].iloc[0] == pd.Timestamp("2010-07-01")
    # 25/12/2024 settles the column as day-first, so 05/02/2024 is the 5th of February
    assert frame["due"].iloc[0] == pd.Timestamp("2024-02-05")
    types = {c.name: c.type for c in agent.file().profile.column_profiles}
    assert set(types.values()) == {"datetime"}
    assert not any("ambiguous" in n or "both day-first" in n for n in agent.file().profile.notes)


def test_dates_that_read_both_ways_are_flagged(agent: Agent) -> None:
    frame = load_checked(agent, DATA / "ambiguous_dates.csv")
    assert frame["day"].iloc[0] == pd.Timestamp("2024-05-02")  # month-first, pandas' default
    notes = " ".join(agent.file().profile.notes)
    assert "Column 'day'" in notes and "both day-first and month-first" in notes


def test_durations_become_timedeltas(agent: Agent) -> None:
    frame = load_checked(agent, DATA / "durations.csv")
    assert frame["finish"].iloc[0] == pd.Timedelta(hours=1, minutes=2, seconds=3)
    assert pd.isna(frame["finish"].iloc[2])  # DNF
    assert frame["lap"].iloc[0] == pd.Timedelta(minutes=1, seconds=2.5)
    lap = agent.file().profile.column("lap")
    assert lap.type == "number" and lap.mean == pytest.approx((62.5 + 59.1 + 65.25) / 3)


def test_durations_total_and_average(agent: Agent) -> None:
    agent.load(DATA / "durations.csv")
    result = agent.ask("average lap")
    assert result.ok, result.summary
    assert pd.Timedelta(result.value).total_seconds() == pytest.approx((62.5 + 59.1 + 65.25) / 3)


def test_numbers_with_currencies_units_decimal_commas_and_multipliers(agent: Agent) -> None:
    frame = load_checked(agent, DATA / "money_written.csv")
    assert frame["price"].tolist() == [6.0, 7.5, 10.25]
    assert frame["total"].iloc[0] == 1234.5 and frame["total"].iloc[1] == 99.0
    assert pd.isna(frame["total"].iloc[2])
    assert frame["budget"].tolist() == [12.5e6, 800e3, 1.2e9]
    assert frame["weight"].tolist() == [3.0, 12.0, 0.5]
    notes = " ".join(agent.file().profile.notes)
    assert "'price'" in notes and "US$" in notes


@pytest.mark.parametrize(
    "values",
    [
        ["TCK-24001", "TCK-24002", "TCK-24003"],  # identifiers, not negative amounts
        ["5 km", "3 mi", "2 km"],  # two units: not one quantity
        ["12.5M", "800", "1.2B"],  # a multiplier on some values only
        ["17,189", "6,902", "13,5000", "3,042"],  # one typo is not a decimal comma
    ],
)
def test_text_that_only_looks_numeric_stays_text(
    agent: Agent, tmp_path: Path, values: list[str]
) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("value\n" + "\n".join(f'"{v}"' for v in values) + "\n")
    info = agent.load(path)
    assert info.profile.column("value").type == "text"
    assert agent.frame()["value"].tolist() == values


def test_spaces_around_names_and_values_are_removed_and_reported(agent: Agent) -> None:
    frame = load_checked(agent, DATA / "spaced.csv")
    assert list(frame.columns) == ["title", "genre", "pages"]
    assert frame["genre"].tolist() == ["Novel", "Poetry", "Novel"]
    notes = " ".join(agent.file().profile.notes)
    assert "' genre '" in notes and "'genre'" in notes
    assert "' Novel '" in notes


def test_a_question_finds_a_spaced_value(agent: Agent) -> None:
    agent.load(DATA / "spaced.csv")
    result = agent.ask("how many rows have genre Novel")
    assert result.ok and result.value == 2


def test_a_yes_no_column_computes_as_boolean_and_answers_to_its_words(agent: Agent) -> None:
    from csvagent_jupyter.analysis.plan import Aggregate, Condition, GroupKey, Plan

    from .test_analysis import check_generated_code

    frame = load_checked(agent, DATA / "yes_no.csv")
    assert str(frame["member"].dtype) == "boolean"
    assert agent.frame()["member"].mean() == 0.5  # computes as a boolean
    members = agent.run(
        Plan(
            operation="rows",
            filters=Condition(column="member", op="eq", value="yes"),
            select=["name"],
        )
    )
    assert members.value["name"].tolist() == ["Ana", "Cy"]
    check_generated_code(members)
    others = agent.run(
        Plan(operation="rows", filters=Condition(column="member", op="in", value=["No"]))
    )
    assert others.value["name"].tolist() == ["Ben", "Dee"]
    check_generated_code(others)
    by_member = agent.run(
        Plan(
            operation="aggregate",
            group_by=[GroupKey(column="member")],
            aggregates=[Aggregate(func="mean", column="score")],
        )
    )
    check_generated_code(by_member)  # the value keeps the booleans the code computes
    assert by_member.value["member"].tolist() == [False, True]
    shown = repr(by_member)
    assert "yes" in shown and "no" in shown and "True" not in shown
    assert "yes" in by_member.summary and "True" not in by_member.summary
    assert "yes" in by_member._repr_mimebundle_()[0]["text/html"]


def test_a_question_saying_yes_checks_the_yes_no_column(agent: Agent) -> None:
    agent.load(DATA / "yes_no.csv")
    result = agent.ask("is any member yes")
    assert result.ok and result.value is True


def test_footnote_marks_after_numbers_and_dates_are_read_through(
    agent: Agent, tmp_path: Path
) -> None:
    path = tmp_path / "races.csv"
    path.write_text(
        "Station,Laps,Opened,Notes\n"
        "Abbey Cross,70[a],14 March 1904,—\n"
        "Grand Terminal,52,1 January 1904[a],Rebuilt 1961\n"
        "Harbour Gate,71[note 2],2 June 1910,—\n"
        "Ivy Lane,66,5 May 1931,Closed[b]\n"
    )
    frame = load_checked(agent, path)  # the code shown re-reads the same values
    assert frame["Laps"].tolist() == [70, 52, 71, 66]
    assert frame["Opened"].iloc[1] == pd.Timestamp("1904-01-01")
    # a dash is "none" in text too; other text, footnote marks included, stays as written
    assert frame["Notes"].isna().tolist() == [True, False, True, False]
    assert frame["Notes"].iloc[3] == "Closed[b]"
    assert any("footnote marks" in note for note in agent.file().profile.notes)
    assert ask_ok(agent, "how many stations have no notes?").value == 2
    assert ask_ok(agent, "which station opened first?").value == "Grand Terminal"


def test_numeric_dates_with_a_time_of_day_are_dates(agent: Agent, tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    path.write_text(
        "id,openedAt,closed,logged\n"
        "1,06/01/2022 10:27,15.03.2024 08:30:00,3/14/2024 9:05 PM\n"
        "2,06/13/2022 11:31,16.03.2024 09:00:00,3/15/2024 10:15 AM\n"
    )
    frame = load_checked(agent, path)
    assert frame["openedAt"].iloc[1] == pd.Timestamp("2022-06-13 11:31")
    assert frame["closed"].iloc[0] == pd.Timestamp("2024-03-15 08:30")
    assert frame["logged"].iloc[0] == pd.Timestamp("2024-03-14 21:05")
