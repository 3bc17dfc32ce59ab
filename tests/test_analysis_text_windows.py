"""Text operations, durations and per-group windows as derived columns, against pandas.

As everywhere, the generated code is executed and must give the same value.
"""

from __future__ import annotations

import ast

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.plan import Aggregate, Condition, Derive, GroupKey, Plan, SortKey
from csvagent_jupyter.errors import PlanError

from .test_analysis import load_sales, run

USERS = """id,profile,path,lap,team,score
1,"{'username': 'ann', 'age': 31}",a/b/c.txt,1:02:03,red,10
2,"{'username': 'bob', 'age': 45}",x/y.txt,4:35,red,30
3,"{""username"": ""cy"", ""age"": 22}",z.txt,0:00:59,blue,20
4,"{'username': 'dee', 'age': 38}",p/q/r/s.txt,12:00,blue,20
5,"{'username': 'Eve ', 'age': 29}",m/n.txt,2:00:00,blue,50
"""


@pytest.fixture(scope="module")
def users(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("users")
    path = folder / "users.csv"
    path.write_text(USERS, encoding="utf-8")
    agent = Agent(data_dir=folder / "agent")
    info = agent.load(path)
    yield agent, info, agent.frame()
    agent.close()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory):
    yield from load_sales(tmp_path_factory.mktemp("windows"))


def rows_of(*derive: Derive, **kwargs) -> Plan:
    return Plan(operation="rows", derive=list(derive), **kwargs)


def test_extract_a_field_from_dict_like_and_json_text(users) -> None:
    df = users[2]
    plan = rows_of(
        Derive(name="user", kind="extract", column="profile", key="username"),
        select=["user"],
        answer="list",
    )
    expected = [str(ast.literal_eval(text)["username"]).strip() for text in df["profile"].tolist()]
    assert run(users, plan).value == expected
    age = rows_of(
        Derive(name="age", kind="extract", column="profile", key="age"),
        filters=Condition(column="age", op="eq", value=45),
        select=["id"],
        answer="list",
    )
    assert run(users, age).value == [2]


def test_split_lower_upper_strip(users) -> None:
    df = users[2]
    last = rows_of(
        Derive(name="file", kind="split", column="path", delimiter="/", index=-1),
        select=["file"],
        answer="list",
    )
    assert run(users, last).value == [p.split("/")[-1] for p in df["path"]]
    first = rows_of(
        Derive(name="top", kind="split", column="path", delimiter="/", index=0),
        Derive(name="TOP", kind="upper", column="top"),
        select=["TOP"],
        answer="list",
    )
    assert run(users, first).value == [p.split("/")[0].upper() for p in df["path"]]
    lowered = rows_of(
        Derive(name="t", kind="lower", column="team"),
        Derive(name="s", kind="strip", column="t"),
        select=["s"],
        answer="list",
    )
    assert run(users, lowered).value == [t.lower().strip() for t in df["team"]]


def test_durations_become_numbers(users) -> None:
    df = users[2]
    plan = Plan(
        operation="aggregate",
        derive=[Derive(name="secs", kind="duration", column="lap")],
        aggregates=[Aggregate(func="sum", column="secs")],
    )

    def seconds(text: str) -> int:
        parts = [int(p) for p in text.split(":")]
        parts = [0] * (3 - len(parts)) + parts
        return parts[0] * 3600 + parts[1] * 60 + parts[2]

    assert run(users, plan).value == sum(seconds(t) for t in df["lap"])
    minutes = plan.model_copy(
        update={"derive": [Derive(name="secs", kind="duration", column="lap", unit="minutes")]}
    )
    assert run(users, minutes).value == pytest.approx(sum(seconds(t) for t in df["lap"]) / 60)


def test_text_kinds_are_checked(users) -> None:
    with pytest.raises(PlanError, match="needs `delimiter`"):
        run(users, rows_of(Derive(name="x", kind="split", column="path")))
    with pytest.raises(PlanError, match="needs `key`"):
        run(users, rows_of(Derive(name="x", kind="extract", column="profile")))
    with pytest.raises(PlanError, match="holds whole numbers"):
        run(users, rows_of(Derive(name="x", kind="lower", column="score")))


# -- windows -------------------------------------------------------------------------------------------
def window(func: str, column: str | None = "revenue", **kwargs) -> Derive:
    return Derive(name="w", kind="window", func=func, column=column, **kwargs)


@pytest.mark.parametrize(
    ("derive", "expected"),
    [
        (
            window("minus_mean", partition_by=["region"]),
            lambda df: df["revenue"] - df.groupby("region")["revenue"].transform("mean"),
        ),
        (
            window("zscore"),
            lambda df: (df["revenue"] - df["revenue"].mean()) / df["revenue"].std(),
        ),
        (
            window("rank", partition_by=["product"], descending=True),
            lambda df: df.groupby("product")["revenue"].rank(method="min", ascending=False),
        ),
        (window("cumsum", "units"), lambda df: df["units"].cumsum()),
        (
            window("pct_change", "units", partition_by=["region"]),
            lambda df: df.groupby("region")["units"].pct_change() * 100,
        ),
        (
            window("share", partition_by=["region"]),
            lambda df: df["revenue"] / df.groupby("region")["revenue"].transform("sum") * 100,
        ),
        (
            window("row_number", None, partition_by=["channel"]),
            lambda df: df.groupby("channel").cumcount() + 1,
        ),
        (
            window("max", "units", partition_by=["region"]),
            lambda df: df.groupby("region")["units"].transform("max"),
        ),
    ],
    ids=lambda d: d.func if isinstance(d, Derive) else "",
)
def test_each_window_matches_pandas(loaded, derive: Derive, expected) -> None:
    df = loaded[2]
    result = run(loaded, rows_of(derive, select=["w"]))
    pd.testing.assert_series_equal(
        result.value["w"].astype("float64"),
        pd.Series(expected(df), index=df.index, name="w").astype("float64"),
    )


def test_rows_above_their_group_mean_and_first_in_file_order(loaded) -> None:
    df = loaded[2]
    above = Plan(
        operation="aggregate",
        derive=[window("minus_mean", partition_by=["region"])],
        filters=Condition(column="w", op="gt", value=0),
        aggregates=[Aggregate(func="count")],
    )
    mean = df.groupby("region")["revenue"].transform("mean")
    assert run(loaded, above).value == int((df["revenue"] > mean).sum())
    # the first 2 orders of each channel, in file order
    firsts = Plan(
        operation="rows",
        derive=[window("row_number", None, partition_by=["channel"])],
        filters=Condition(column="w", op="le", value=2),
        select=["order_id"],
        answer="list",
    )
    expected = df[df.groupby("channel").cumcount() < 2]["order_id"].tolist()
    assert run(loaded, firsts).value == expected


def test_windows_are_checked(loaded) -> None:
    with pytest.raises(PlanError, match="needs `func`"):
        run(loaded, rows_of(Derive(name="w", kind="window", column="units")))
    with pytest.raises(PlanError, match="holds text"):
        run(loaded, rows_of(window("cumsum", "region")))
    with pytest.raises(PlanError, match="There is no column 'regio'"):
        run(loaded, rows_of(window("sum", "units", partition_by=["regio"])))


# -- statistics by name, outliers as numbers ------------------------------------------------------------
def stat(kind: str, *columns: str, **kwargs) -> Plan:
    from csvagent_jupyter.analysis.plan import Statistic

    return Plan(
        operation="statistic", statistic=Statistic(kind=kind, columns=list(columns), **kwargs)
    )


def test_skew_kurtosis_and_normality(loaded) -> None:
    from scipy import stats

    df = loaded[2]
    skew = run(loaded, stat("skew", "revenue"))
    assert skew.value == pytest.approx(df["revenue"].skew())
    assert skew.summary.startswith("The skewness of revenue is")
    assert run(loaded, stat("kurtosis", "units")).value == pytest.approx(df["units"].kurt())
    normal = run(loaded, stat("normality", "unit_price"))
    assert normal.value == pytest.approx(stats.shapiro(df["unit_price"].dropna()).pvalue)
    assert "normal distribution is" in normal.summary


def test_regression_table_field_and_prediction(loaded) -> None:
    from scipy import stats

    df = loaded[2]
    pair = df[["units", "revenue"]].dropna()
    fit = stats.linregress(pair["units"], pair["revenue"])
    table = run(loaded, stat("regression", "units", "revenue"))
    assert table.value["slope"].iloc[0] == pytest.approx(fit.slope)
    assert table.value["r_squared"].iloc[0] == pytest.approx(fit.rvalue**2)
    assert "slope" in table.summary and "r²" in table.summary
    slope = run(
        loaded, stat("regression", "units", "revenue").model_copy(update={"answer_column": "slope"})
    )
    assert slope.value == pytest.approx(fit.slope) and slope.kind == "scalar"
    predicted = run(loaded, stat("regression", "units", "revenue", at=10))
    assert predicted.value == pytest.approx(fit.intercept + fit.slope * 10)


@pytest.mark.parametrize("method", ["pearson", "spearman"])
def test_correlation_with_p_value(loaded, method: str) -> None:
    from scipy import stats

    df = loaded[2]
    pair = df[["units", "unit_price"]].dropna()
    test = getattr(stats, f"{method}r")(pair["units"], pair["unit_price"])
    result = run(loaded, stat("correlation_test", "units", "unit_price", method=method))
    assert result.value["r"].iloc[0] == pytest.approx(test.statistic)
    assert result.value["p_value"].iloc[0] == pytest.approx(test.pvalue)


def test_named_statistics_are_checked(loaded) -> None:
    with pytest.raises(PlanError, match="needs one numeric column"):
        run(loaded, stat("skew", "units", "revenue"))
    with pytest.raises(PlanError, match="holds text"):
        run(loaded, stat("regression", "region", "revenue"))
    with pytest.raises(PlanError, match="`at`"):
        run(loaded, stat("skew", "units", at=3))


@pytest.mark.parametrize("func", ["outliers_iqr", "outliers_zscore"])
def test_outlier_counts_are_plain_aggregates(loaded, func: str) -> None:
    df = loaded[2]

    def expected(s: pd.Series) -> int:
        if func == "outliers_iqr":
            q1, q3 = s.quantile(0.25), s.quantile(0.75)
            return int(((s < q1 - 1.5 * (q3 - q1)) | (s > q3 + 1.5 * (q3 - q1))).sum())
        return int((((s - s.mean()) / s.std()).abs() > 2).sum())

    threshold = None if func == "outliers_iqr" else 2
    scalar = run(
        loaded,
        Plan(
            operation="aggregate",
            aggregates=[Aggregate(func=func, column="revenue", threshold=threshold)],
        ),
    )
    assert scalar.value == expected(df["revenue"])
    grouped = run(
        loaded,
        Plan(
            operation="aggregate",
            group_by=[GroupKey(column="region")],
            aggregates=[Aggregate(func=func, column="revenue", threshold=threshold)],
            sort=[SortKey(column="region")],
        ),
    )
    wanted = df.groupby("region")["revenue"].apply(expected)
    assert grouped.value[f"{func} revenue"].tolist() == wanted.tolist()
    # a number like any other: compared in a yes/no question
    compare = Plan(operation="compare", left=scalar.plan, compare_op="ge", right=0)
    assert run(loaded, compare).value is True


def test_which_column_holds_each_rows_largest_value(tmp_path) -> None:
    from csvagent_jupyter.analysis.interpretation import describe

    path = tmp_path / "wide.csv"
    path.write_text("team,q1,q2,q3\na,1,5,3\nb,9,2,2\nc,,,\nd,4,4,7\ne,2,8,1\n", encoding="utf-8")
    with Agent(data_dir=tmp_path / "agent") as agent:
        info = agent.load(path)
        frame = agent.frame()
        table = (agent, info, frame)
        best = Derive(name="best", kind="column_of_max", columns=["q1", "q2", "q3"])
        rows = run(table, rows_of(best, select=["team", "best"]))
        most_often = run(
            table,
            Plan(
                operation="aggregate",
                derive=[best],
                group_by=[GroupKey(column="best")],
                aggregates=[Aggregate(func="count")],
                sort=[SortKey(column="count", descending=True)],
                limit=1,
                answer_column="best",
            ),
        )
    values = frame[["q1", "q2", "q3"]]
    expected = values[values.notna().any(axis=1)].idxmax(axis=1).reindex(frame.index)
    assert rows.value["best"].tolist()[:2] == ["q2", "q1"] and pd.isna(rows.value["best"].iloc[2])
    assert rows.value["best"].tolist()[3:] == expected.tolist()[3:]
    assert most_often.value == "q2"
    assert "best = which of q1, q2, q3 is largest in the row" in describe(most_often.plan)
