"""The ``Plan``: a typed, serialisable description of one analysis.

Every planner (the offline rules, a language model) produces one of these and
nothing else; the executor is the only thing that turns it into computation. The
JSON schema of :class:`Plan` is the structured-output format given to models, so
field descriptions are written for a model as much as for a person.

A plan runs in a fixed order, like a SQL query:
``filters → derive → (operation: rows | aggregate | distinct | pivot | statistic | any | all | compare) → sort → limit → answer``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

Scalar = str | int | float | bool
DatePart = Literal[
    "year", "quarter", "month", "day", "weekday", "hour", "month_name", "weekday_name"
]  # fmt: skip
Bucket = Literal["day", "week", "month", "quarter", "year"]
AggFunc = Literal[
    "count",
    "count_distinct",
    "sum",
    "mean",
    "median",
    "min",
    "max",
    "std",
    "var",
    "percentile",
    "first",
    "last",
    "share",
]
CompareOp = Literal["eq", "ne", "lt", "le", "gt", "ge"]
NUMERIC_AGGS = frozenset({"sum", "mean", "median", "std", "var", "percentile"})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Model):
    """One test on one column. Text tests (eq, ne, in, contains, …) ignore case and outer spaces."""

    kind: Literal["condition"] = "condition"
    column: str
    op: Literal[
        "eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "between",
        "contains", "startswith", "endswith", "is_null", "not_null",
    ]  # fmt: skip
    value: Scalar | list[Scalar] | None = Field(
        default=None,
        description="A constant; a list for in/not_in; [low, high] (inclusive) for between; none for is_null/not_null.",
    )
    part: DatePart | None = Field(
        default=None,
        description="Compare this part of a date column (e.g. year = 2023) instead of the date.",
    )


class FilterGroup(_Model):
    """Conditions combined: all of them (and), any of them (or), or the negation of one (not)."""

    kind: Literal["group"] = "group"
    combine: Literal["and", "or", "not"]
    items: list[Filter] = Field(min_length=1)


def _filter_kind(data: object) -> str:
    """Tell a group from a condition by its fields, so a model may omit ``kind``."""
    if isinstance(data, dict):
        return "group" if "combine" in data or data.get("kind") == "group" else "condition"
    return "group" if isinstance(data, FilterGroup) else "condition"


Filter = Annotated[
    Annotated[Condition, Tag("condition")] | Annotated[FilterGroup, Tag("group")],
    Discriminator(_filter_kind),
]


class Derive(_Model):
    """A new column computed from others, usable by every later step under ``name``."""

    name: str
    kind: Literal["arithmetic", "date_part", "length", "bin"]
    left: str | float | None = Field(
        default=None, description="arithmetic: a column name or a number"
    )
    operator: Literal["+", "-", "*", "/"] | None = None
    right: str | float | None = Field(
        default=None, description="arithmetic: a column name or a number"
    )
    column: str | None = Field(
        default=None, description="date_part, length, bin: the source column"
    )
    part: DatePart | None = None
    bins: int | list[float] | None = Field(
        default=None, description="bin: a number of equal-width bins, or the edges"
    )


class GroupKey(_Model):
    column: str
    bucket: Bucket | None = Field(
        default=None, description="For a date column: group by this period."
    )

    @property
    def output_name(self) -> str:
        return f"{self.column} ({self.bucket})" if self.bucket else self.column


class Aggregate(_Model):
    func: AggFunc
    column: str | None = Field(
        default=None, description="None only for count (number of rows) and share of rows."
    )
    percentile: float | None = Field(
        default=None, ge=0, le=100, description="For func=percentile: 0 to 100."
    )
    alias: str | None = None

    @property
    def output_name(self) -> str:
        if self.alias:
            return self.alias
        if self.column is None:
            return "count" if self.func == "count" else "share"
        if self.func == "percentile":
            return f"p{self.percentile:g} {self.column}"
        return f"{self.func} {self.column}"


class SortKey(_Model):
    column: str = Field(
        description="A column of the data, or the output name of a group key or aggregate."
    )
    descending: bool = False


class Pivot(_Model):
    index: str
    columns: str
    values: str | None = Field(default=None, description="None counts rows.")
    func: AggFunc = "sum"


class Statistic(_Model):
    kind: Literal["describe", "missing", "outliers", "correlation"]
    columns: list[str] = Field(default_factory=list, description="Empty: every suitable column.")
    method: Literal["iqr", "zscore", "pearson", "spearman"] | None = None
    threshold: float | None = Field(
        default=None, gt=0, description="outliers: IQR multiplier (1.5) or z (3)."
    )


class ChartSpec(_Model):
    kind: Literal["bar", "barh", "line", "scatter", "hist", "pie", "box"]
    x: str | None = Field(
        default=None, description="A column of the result table (categories, time, or values)."
    )
    y: str | None = Field(default=None, description="A numeric column of the result table.")
    series: str | None = Field(
        default=None, description="A column of the result whose values become separate series."
    )
    title: str | None = None
    x_label: str | None = None
    y_label: str | None = None


class Plan(_Model):
    """One analysis of one table. Unused parts stay empty."""

    operation: Literal[
        "rows", "aggregate", "distinct", "pivot", "statistic", "any", "all", "compare"
    ] = Field(
        description=(
            "rows: the rows themselves (with select/sort/limit: top-n, 'the row where X is largest'); "
            "aggregate: aggregates, optionally per group; distinct: the distinct values of select[0]; "
            "pivot; statistic; any/all: does any/every row (after filters) satisfy `condition` (yes/no); "
            "compare: compare the single value of `left` with `right` (yes/no)."
        )
    )
    filters: Filter | None = None
    derive: list[Derive] = Field(default_factory=list)
    select: list[str] = Field(
        default_factory=list, description="rows: the columns to show (empty: all)."
    )
    group_by: list[GroupKey] = Field(default_factory=list)
    aggregates: list[Aggregate] = Field(default_factory=list)
    pivot: Pivot | None = None
    statistic: Statistic | None = None
    condition: Filter | None = Field(
        default=None, description="any/all: the test each row must pass."
    )
    left: Plan | None = Field(
        default=None, description="compare: a plan whose answer is one value."
    )
    compare_op: CompareOp | None = None
    right: Plan | Scalar | None = Field(
        default=None, description="compare: a constant or a plan with one value."
    )
    sort: list[SortKey] = Field(default_factory=list)
    limit: int | None = Field(default=None, gt=0)
    answer_column: str | None = Field(
        default=None,
        description="Answer with this column of the result only (a value if one row, else a list).",
    )
    answer: Literal["auto", "list", "table"] = "auto"
    chart: ChartSpec | None = None

    def columns_used(self) -> set[str]:
        """Every column of the source table that the plan reads (derived names excluded)."""
        from .validate import source_columns

        return source_columns(self)


FilterGroup.model_rebuild()
Plan.model_rebuild()


def plan_json_schema() -> dict[str, object]:
    """The JSON schema of a Plan, for structured output from a model."""
    return Plan.model_json_schema()
