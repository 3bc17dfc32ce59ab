"""Statistics analysts ask for by name: skewness, kurtosis, normality, regression, tests.

They run on the columns pulled back (rows where the columns are present), with
pandas and scipy (imported only when one is asked for). Each returns one number,
or a one-row table whose fields (``slope``, ``p_value``…) ``answer_column`` can pick;
the code shown computes the same thing the same way. Counting outliers as a plain
aggregate lives here too, so ``count of |z| > 3`` is a number to compare or negate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import PlanError
from .plan import Statistic

if TYPE_CHECKING:
    from .validate import _Validator

NAMED = frozenset({"skew", "kurtosis", "normality", "regression", "correlation_test"})
_NUMERIC = {"integer", "number"}
_ONE_COLUMN = {"skew", "kurtosis", "normality"}


def check(validator: _Validator, statistic: Statistic) -> None:
    kind, columns = statistic.kind, statistic.columns
    wanted = 1 if kind in _ONE_COLUMN else 2
    if len(columns) != wanted:
        what = (
            "one numeric column"
            if wanted == 1
            else "two numeric columns: x then y"
            if kind == "regression"
            else "two numeric columns"
        )
        raise PlanError(f"The statistic {kind!r} needs {what}; it was given {len(columns)}.")
    if len(set(columns)) != len(columns):
        raise PlanError(f"The statistic {kind!r} needs two different columns: {columns!r}.")
    for name in columns:
        validator.require(name, f"for {kind}", _NUMERIC, f"compute the {kind} of")
    if statistic.at is not None and kind != "regression":
        raise PlanError("`at` is the x where a regression predicts y; remove it for " + kind)
    if statistic.method is not None and not (
        kind == "correlation_test" and statistic.method in ("pearson", "spearman")
    ):
        raise PlanError(
            f"`method` {statistic.method!r} has no effect on {kind!r}: remove it "
            "(correlation_test takes pearson or spearman)."
        )


def run(
    df: pd.DataFrame, statistic: Statistic, var: str
) -> tuple[Any, pd.DataFrame | None, list[str]]:
    """(one value or None, one-row table or None, the code lines)."""
    kind, columns = statistic.kind, statistic.columns
    if kind in ("skew", "kurtosis"):
        column = columns[0]
        method = "skew" if kind == "skew" else "kurt"
        value = getattr(df[column].astype("float64"), method)()
        return _number(value), None, [f"{var} = df[{column!r}].astype('float64').{method}()"]
    from scipy import stats

    lines = ["from scipy import stats"]
    if kind == "normality":
        column = columns[0]
        values = df[column].astype("float64").dropna()
        if len(values) < 3:
            raise PlanError(
                f"A normality test needs at least 3 values of {column!r}; there are {len(values)}."
            )
        value = stats.shapiro(values).pvalue
        lines.append(f"{var} = stats.shapiro(df[{column!r}].astype('float64').dropna()).pvalue")
        return _number(value), None, lines
    x, y = columns
    pair = df[[x, y]].astype("float64").dropna()
    lines.append(f"pair = df[[{x!r}, {y!r}]].astype('float64').dropna()")
    if len(pair) < 3:
        raise PlanError(
            f"{'A regression' if kind == 'regression' else 'A correlation test'} needs at least "
            f"3 rows with both {x!r} and {y!r}; there are {len(pair)}."
        )
    if pair[x].nunique() < 2:
        raise PlanError(f"{x!r} has one value only in these rows, so nothing varies with it.")
    if kind == "regression":
        fit = stats.linregress(pair[x], pair[y])
        lines.append(f"fit = stats.linregress(pair[{x!r}], pair[{y!r}])")
        if statistic.at is not None:
            value = fit.intercept + fit.slope * statistic.at
            lines.append(f"{var} = fit.intercept + fit.slope * {statistic.at!r}")
            return _number(value), None, lines
        table = pd.DataFrame(
            {
                "slope": [fit.slope],
                "intercept": [fit.intercept],
                "r_squared": [fit.rvalue**2],
                "p_value": [fit.pvalue],
                "n": [len(pair)],
            }
        )
        lines.append(
            f"{var} = pd.DataFrame({{'slope': [fit.slope], 'intercept': [fit.intercept], "
            "'r_squared': [fit.rvalue**2], 'p_value': [fit.pvalue], 'n': [len(pair)]})"
        )
        return None, table, lines
    test = "spearmanr" if statistic.method == "spearman" else "pearsonr"
    outcome = getattr(stats, test)(pair[x], pair[y])
    lines.append(f"test = stats.{test}(pair[{x!r}], pair[{y!r}])")
    table = pd.DataFrame(
        {"r": [float(outcome.statistic)], "p_value": [float(outcome.pvalue)], "n": [len(pair)]}
    )
    lines.append(
        f"{var} = pd.DataFrame({{'r': [float(test.statistic)], 'p_value': [float(test.pvalue)], "
        "'n': [len(pair)]})"
    )
    return None, table, lines


def _number(value: Any) -> float | None:
    value = float(value)
    return None if value != value else value


# -- outliers as an aggregate ----------------------------------------------------------------------
def count_outliers(values: pd.Series, func: str, threshold: float | None) -> int:
    """Rows outside ``threshold`` IQRs of the quartiles (1.5), or with |z| above it (3).

    Values are read as nullable floats first, so yes/no and integer columns (and empty ones,
    whose mean is missing) count too instead of failing on division."""
    values = values.astype("Float64")
    if func == "outliers_iqr":
        k = threshold or 1.5
        q1, q3 = values.quantile(0.25), values.quantile(0.75)
        return int(((values < q1 - k * (q3 - q1)) | (values > q3 + k * (q3 - q1))).sum())
    k = threshold or 3.0
    return int((((values - values.mean()) / values.std()).abs() > k).sum())


def outliers_code(func: str, threshold: float | None) -> str:
    """The same count as a lambda of one Series, for the generated code."""
    if func == "outliers_iqr":
        k = threshold or 1.5
        return (
            f"lambda s: (lambda s: int(((s < s.quantile(0.25) - {k!r} * (s.quantile(0.75) - s.quantile(0.25))) "
            f"| (s > s.quantile(0.75) + {k!r} * (s.quantile(0.75) - s.quantile(0.25)))).sum()))(s.astype('Float64'))"
        )
    k = threshold or 3.0
    return f"lambda s: (lambda s: int((((s - s.mean()) / s.std()).abs() > {k!r}).sum()))(s.astype('Float64'))"


__all__ = ["NAMED", "check", "count_outliers", "outliers_code", "run"]
