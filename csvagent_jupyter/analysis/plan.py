"""The ``Plan``: a typed, serialisable description of one analysis.

Every planner (the offline rules, a language model) produces one of these and
nothing else; the executor is the only thing that turns it into computation. The
JSON schema of :class:`Plan` is the structured-output format given to models, so
field descriptions are written for a model as much as for a person.

A plan runs in a fixed order, like a SQL query:
``filters → derive → (operation: rows | aggregate | distinct | pivot | statistic | any | all |
compare | calc) → having → sort → offset → limit → then → answer``.
A filter that names a derived column runs right after ``derive`` (like a WHERE on a
subquery that computes the column); every other filter runs before it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    model_validator,
)

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
    "outliers_iqr",
    "outliers_zscore",
]
CompareOp = Literal["eq", "ne", "lt", "le", "gt", "ge"]
ConditionOp = Literal[
    "eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "between",
    "contains", "startswith", "endswith", "is_null", "not_null",
]  # fmt: skip
ChartKind = Literal["bar", "barh", "line", "scatter", "hist", "pie", "box"]
CalcOp = Literal[
    "difference", "absolute_difference", "ratio", "percent", "percent_change", "sum", "product"
]
TimeUnit = Literal["days", "hours", "minutes", "seconds"]
NUMERIC_AGGS = frozenset(
    {"sum", "mean", "median", "std", "var", "percentile", "outliers_iqr", "outliers_zscore"}
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Model):
    """One test on one column. Text tests (eq, ne, in, contains, …) ignore case and outer spaces."""

    kind: Literal["condition"] = "condition"
    column: str
    op: ConditionOp
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


WindowFunc = Literal[
    "rank", "row_number", "cumsum", "pct_change", "zscore", "minus_mean", "share",
    "mean", "sum", "min", "max", "count", "previous", "next",
]  # fmt: skip


class Derive(_Model):
    """A new column computed from others, usable by every later step under ``name``.

    Row-level kinds (arithmetic, date_part, date_diff, length, lower, upper, strip,
    split, extract, duration, year, leading_number, bin) map to SQL expressions; ``window`` maps to a SQL
    window function ``func(column) OVER (PARTITION BY partition_by)``, computed on the
    rows left by the filters, in file order.
    """

    name: str
    kind: Literal[
        "arithmetic", "date_part", "length", "bin", "date_diff",
        "lower", "upper", "strip", "split", "extract", "duration", "year", "leading_number",
        "window",
        "column_of_max", "column_of_min",
    ]  # fmt: skip
    left: str | float | None = Field(
        default=None,
        description="arithmetic: a column name or a number; date_diff: the later date column",
    )
    operator: Literal["+", "-", "*", "/"] | None = None
    right: str | float | None = Field(
        default=None,
        description="arithmetic: a column name or a number; date_diff: the earlier date column",
    )
    unit: TimeUnit | None = Field(
        default=None,
        description=(
            "date_diff: (left - right) in this unit; duration: 'hh:mm:ss' text in this unit "
            "(default days for date_diff, seconds for duration), as a decimal number"
        ),
    )
    column: str | None = Field(
        default=None,
        description="date_part, length, bin, lower/upper/strip, split, extract, duration, window: the source column",
    )
    part: DatePart | None = None
    bins: int | list[float] | None = Field(
        default=None, description="bin: a number of equal-width bins, or the edges"
    )
    delimiter: str | None = Field(default=None, description="split: the text to split on")
    index: int | None = Field(
        default=None, description="split: which part, from 0 (-1 is the last)"
    )
    key: str | None = Field(
        default=None,
        description="extract: the field to take from dict-like or JSON text ({'username': 'x'} → x)",
    )
    func: WindowFunc | None = Field(
        default=None,
        description=(
            "window: rank (1 = smallest, or largest with descending), row_number (position in "
            "file order, from 1), cumsum, pct_change (percent change from the previous row), "
            "zscore, minus_mean (value minus the mean), share (percent of the total), the "
            "mean/sum/min/max/count of the column, per partition, or previous/next (the "
            "column's value in the row before or after, in file order: SQL LAG/LEAD; 'what "
            "came after X' keeps the row whose previous value is X)"
        ),
    )
    partition_by: list[str] = Field(
        default_factory=list,
        description="window: compute within each group of these columns (empty: the whole table)",
    )
    descending: bool = Field(default=False, description="window rank: 1 for the largest value")
    columns: list[str] = Field(
        default_factory=list,
        description=(
            "column_of_max / column_of_min: the numeric columns compared in each row; the new "
            "column holds the name of the one with the largest (smallest) value"
        ),
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
    """One aggregate. Its output column is named ``"<func> <column>"`` (``"mean salary"``),
    ``"p90 <column>"`` for percentile 90, ``"count"`` for a count of rows, or ``alias``."""

    func: AggFunc
    column: str | None = Field(
        default=None, description="None only for count (number of rows) and share of rows."
    )
    percentile: float | None = Field(
        default=None, ge=0, le=100, description="For func=percentile: 0 to 100."
    )
    threshold: float | None = Field(
        default=None,
        gt=0,
        description="outliers_iqr: the IQR multiplier (1.5); outliers_zscore: |z| above this (3).",
    )
    alias: str | None = None

    @property
    def output_name(self) -> str:
        if self.alias:
            return self.alias
        if self.column is None:
            return "count" if self.func == "count" else "share"
        if self.func == "percentile":
            return f"p{self.percentile if self.percentile is not None else 50:g} {self.column}"
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
    """A statistic over columns. Named statistics give a one-row table (pick a field with
    answer_column) or, for one column, one value:

    skew, kurtosis (excess), normality (Shapiro–Wilk p-value) of one numeric column;
    regression of columns[1] (y) on columns[0] (x): slope, intercept, r_squared, p_value, n,
    or the prediction at ``at``; correlation_test of two columns: r, p_value, n.
    """

    kind: Literal[
        "describe", "missing", "outliers", "correlation",
        "skew", "kurtosis", "normality", "regression", "correlation_test",
    ]  # fmt: skip
    columns: list[str] = Field(default_factory=list, description="Empty: every suitable column.")
    method: Literal["iqr", "zscore", "pearson", "spearman"] | None = None
    threshold: float | None = Field(
        default=None, gt=0, description="outliers: IQR multiplier (1.5) or z (3)."
    )
    at: float | None = Field(
        default=None, description="regression: predict y at this x (the answer is one number)."
    )


class ChartSpec(_Model):
    kind: ChartKind
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


PLAN_VERSION = 2
"""Version 1: the Plans before having/offset/then/calc (stored without a ``version``)."""

# The fields each operation uses besides operation, version, filters and derive. Any
# other field set on a plan is an error (v2); version 1 ignored them, so reading a
# stored v1 plan drops them (see ``_migrate_v1``) and it replays as it ran.
OPERATION_FIELDS: dict[str, frozenset[str]] = {
    "rows": frozenset(
        {"select", "sort", "offset", "limit", "then", "answer_column", "answer", "chart"}
    ),
    "aggregate": frozenset(
        {"group_by", "aggregates", "having", "sort", "offset", "limit", "then"}
        | {"answer_column", "answer", "chart"}
    ),
    "distinct": frozenset({"select", "sort", "offset", "limit", "then", "answer"}),
    "pivot": frozenset({"pivot", "answer_column", "answer", "chart"}),
    "statistic": frozenset(
        {"statistic", "having", "sort", "offset", "limit", "answer_column", "answer", "chart"}
    ),
    "any": frozenset({"condition"}),
    "all": frozenset({"condition"}),
    "compare": frozenset({"left", "compare_op", "right"}),
    "calc": frozenset({"left", "calc", "right"}),
}
COMMON_FIELDS = frozenset({"operation", "version", "filters", "derive"})


def list_answer_applies(data: dict[str, Any]) -> bool:
    """Whether ``answer='list'`` has a one-column result to list (v1 ignored it otherwise)."""
    if data.get("answer_column"):
        return True
    operation = data.get("operation")
    if operation == "distinct":
        return True
    if operation == "rows":
        return len(data.get("select") or []) == 1
    if operation == "aggregate" and data.get("group_by"):
        return len(data.get("group_by") or []) + len(data.get("aggregates") or []) == 1
    return False


# The fields each derive kind uses besides name and kind; others are rejected (v1 ignored them).
DERIVE_FIELDS: dict[str, frozenset[str]] = {
    "arithmetic": frozenset({"left", "operator", "right"}),
    "date_part": frozenset({"column", "part"}),
    "length": frozenset({"column"}),
    "bin": frozenset({"column", "bins"}),
    "date_diff": frozenset({"left", "right", "unit"}),
    "lower": frozenset({"column"}),
    "upper": frozenset({"column"}),
    "strip": frozenset({"column"}),
    "split": frozenset({"column", "delimiter", "index"}),
    "extract": frozenset({"column", "key"}),
    "duration": frozenset({"column", "unit"}),
    "year": frozenset({"column"}),
    "leading_number": frozenset({"column"}),
    "window": frozenset({"func", "column", "partition_by", "descending"}),
    "column_of_max": frozenset({"columns"}),
    "column_of_min": frozenset({"columns"}),
}


def _used_only(data: object, allowed: frozenset[str]) -> object:
    if not isinstance(data, dict):
        return data
    return {key: value for key, value in data.items() if key in allowed}


def _migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    """v1 → v2: drop the fields v1 ignored for the operation, so the plan means what it did."""
    allowed = COMMON_FIELDS | OPERATION_FIELDS.get(str(data.get("operation")), frozenset())
    migrated = {key: value for key, value in data.items() if key in allowed}
    if isinstance(migrated.get("derive"), list):
        migrated["derive"] = [
            _used_only(d, DERIVE_FIELDS.get(str(d.get("kind")), frozenset()) | {"name", "kind"})
            if isinstance(d, dict)
            else d
            for d in migrated["derive"]
        ]
    if isinstance(migrated.get("aggregates"), list):
        migrated["aggregates"] = [
            {k: v for k, v in a.items() if k != "percentile" or a.get("func") == "percentile"}
            if isinstance(a, dict)
            else a
            for a in migrated["aggregates"]
        ]
    if migrated.get("answer") == "list" and not list_answer_applies(migrated):
        migrated["answer"] = "auto"
    return migrated


_MIGRATIONS = {1: _migrate_v1}


def _and_of(items: object) -> object:
    """Filters given as a list (as models often write them) mean all of them."""
    if isinstance(items, list):
        return {"combine": "and", "items": items} if items else None
    return items


class Plan(_Model):
    """One analysis of one table. Unused parts stay empty."""

    version: int = Field(
        default=PLAN_VERSION,
        description="The Plan language version; leave it out (the current one).",
    )

    operation: Literal[
        "rows", "aggregate", "distinct", "pivot", "statistic", "any", "all", "compare", "calc"
    ] = Field(
        description=(
            "rows: the rows themselves (with select/sort/limit: top-n, 'the row where X is largest'); "
            "aggregate: aggregates, optionally per group; distinct: the distinct values of select[0]; "
            "pivot; statistic; any/all: does any/every row (after filters) satisfy `condition` (yes/no); "
            "compare: compare the single value of `left` with `right` (yes/no); "
            "calc: arithmetic (`calc`) on the single value of `left` and of `right` (a number)."
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
    having: Filter | None = Field(
        default=None,
        description=(
            "aggregate with group_by: keep only the groups whose aggregates pass this test (SQL "
            "HAVING). Columns are output names of aggregates ('mean salary', 'count') or group "
            "keys; the source column of a single aggregate ('salary') means that aggregate. "
            "On statistic 'missing', it tests 'missing' or 'percent' to keep columns (with "
            "answer_column 'column': which columns have missing values)."
        ),
    )
    left: Plan | None = Field(
        default=None, description="compare, calc: a plan whose answer is one value."
    )
    compare_op: CompareOp | None = None
    calc: CalcOp | None = Field(
        default=None,
        description=(
            "calc: difference = left - right; absolute_difference = |left - right| (how far "
            "apart two values are, when the question does not say which way round); "
            "ratio = left / right; percent = 100 * left / right; "
            "percent_change = 100 * (right - left) / left (from left, before, to right, after); "
            "sum = left + right; product = left * right."
        ),
    )
    right: Plan | Scalar | None = Field(
        default=None, description="compare, calc: a constant or a plan with one value."
    )
    sort: list[SortKey] = Field(default_factory=list)
    offset: int | None = Field(
        default=None,
        ge=0,
        description="Rows skipped after sort, before limit (nth highest: sort descending, offset n-1, limit 1).",
    )
    limit: int | None = Field(default=None, gt=0)
    then: list[Aggregate] = Field(
        default_factory=list,
        description=(
            "Aggregates over the result table of this plan (after having/sort/offset/limit); their "
            "columns are that table's output columns, and count without a column counts its rows. "
            "'How many departments have mean salary > 80000': group_by department, mean salary, "
            "having, then [count]. One aggregate gives one value."
        ),
    )
    answer_column: str | None = Field(
        default=None,
        description=(
            "Answer with this column of the result only (a value if one row, else a list). "
            "'column' names the rows of a statistic table (describe, missing): the column names."
        ),
    )
    answer: Literal["auto", "list", "table"] = Field(
        default="auto",
        description=(
            "auto: one value when the result is one value, else a table; list: the values of "
            "a one-column result (or of answer_column) as a list, even if there is one; table: "
            "the table even when answer_column would give one value."
        ),
    )
    chart: ChartSpec | None = None

    @model_validator(mode="before")
    @classmethod
    def _read(cls, data: Any, info: ValidationInfo) -> Any:
        """Accept what models and older versions write, so validation can be strict after.

        ``{"plan": {...}}`` (the submit_plan tool's wrapper) is unwrapped; a list of
        filters means AND. A plan read from storage (context ``{"stored": True}``)
        without a version is version 1 and is migrated; anywhere else a missing
        version means the current one.
        """
        if not isinstance(data, dict):
            return data
        if set(data) == {"plan"} and isinstance(data["plan"], dict):
            data = data["plan"]
        data = dict(data)
        for key in ("filters", "condition", "having"):
            if key in data:
                data[key] = _and_of(data[key])
        stored = bool(info.context and info.context.get("stored"))
        version = data.get("version", 1 if stored else PLAN_VERSION)
        if not isinstance(version, int) or not 1 <= version <= PLAN_VERSION:
            raise ValueError(
                f"Unknown Plan version {version!r}: this code reads versions 1 to {PLAN_VERSION}."
            )
        while version < PLAN_VERSION:
            data = _MIGRATIONS[version](data)
            version += 1
        data["version"] = PLAN_VERSION
        return data

    def columns_used(self) -> set[str]:
        """Every column of the source table that the plan reads (derived names excluded)."""
        from .validate import source_columns

        return source_columns(self)


FilterGroup.model_rebuild()
Plan.model_rebuild()


def required_conditions(item: object) -> list[Condition]:
    """The conditions a filter requires of every row: itself, or those of its "and" groups."""
    if isinstance(item, Condition):
        return [item]
    if isinstance(item, FilterGroup) and item.combine == "and":
        return [c for sub in item.items for c in required_conditions(sub)]
    return []


def read_plan(data: Any) -> Plan:
    """A Plan from storage (the query log, a saved file): older versions are migrated."""
    if isinstance(data, str):
        return Plan.model_validate_json(data, context={"stored": True})
    return Plan.model_validate(data, context={"stored": True})


def plan_json_schema() -> dict[str, Any]:
    """The JSON schema of a Plan with the Plan at the root, for structured output from a model.

    Nested plans (``left``, ``right``) and filter groups stay typed through ``$ref``
    into ``$defs``; tools that inline schemas lose recursive parts, so this is what
    a model is given.
    """
    schema = Plan.model_json_schema()
    defs = schema.get("$defs", {})
    root = dict(defs.get("Plan", schema))
    root["$defs"] = defs
    return root
