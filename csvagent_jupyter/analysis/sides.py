"""Plans of two one-value sides: ``compare`` (yes/no) and ``calc`` (a number).

Each side is a whole plan run on the same rows (after the parent's filters); its
answer must be one value, and the message says how to get one when it is not. The
code written for them keeps each side in its own variables, so a calculation nested
in a calculation cannot overwrite its parent's values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import PlanError
from .filtering import _COMPARE, _compare, _plain
from .interpretation import filter_phrase
from .plan import Plan

if TYPE_CHECKING:
    from .executor import _Writer


_CALC = {
    "difference": "{left} - {right}",
    "absolute_difference": "abs({left} - {right})",
    "ratio": "{left} / {right}",
    "percent": "100 * {left} / {right}",
    "percent_change": "100 * ({right} - {left}) / {left}",
    "sum": "{left} + {right}",
    "product": "{left} * {right}",
}
_CALC_FUNCTIONS = {
    "difference": lambda a, b: a - b,
    "absolute_difference": lambda a, b: abs(a - b),
    "ratio": lambda a, b: a / b,
    "percent": lambda a, b: 100 * a / b,
    "percent_change": lambda a, b: 100 * (b - a) / a,
    "sum": lambda a, b: a + b,
    "product": lambda a, b: a * b,
}


def _matched_some(side: Plan, rows: int, name: str) -> None:
    """A total or an average of no rows is no figure to compare or calculate with: 0 − 0
    would read as "no change". (A count of no rows is a real 0, and stays.)"""
    if rows or side.filters is None or side.operation != "aggregate" or side.group_by:
        return
    if all(a.func in ("count", "count_distinct") for a in side.aggregates):
        return
    raise PlanError(
        f"No row matched the {name} side's filters ({filter_phrase(side.filters)}), so it has "
        "no value to calculate or compare with. Check that side's filters."
    )


def _number(value: Any, side: str, *, describe_value: str) -> float | int:
    """One side of a calculation as a number, or an error that says what it was instead."""
    if value is None:
        raise PlanError(
            f"The {side} side of the calculation has no value (no row matched its filters, or "
            "every value was missing), so there is nothing to calculate with."
        )
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise PlanError(
            f"The {side} side of the calculation is {describe_value}, not a number: "
            "calc works on numbers (counts, sums, averages, …)."
        )
    if isinstance(value, str):
        try:
            number = float(value.replace(",", "").strip())
        except ValueError:
            raise PlanError(
                f"The {side} side of the calculation is {describe_value}, not a number: "
                "calc works on numbers (counts, sums, averages, …)."
            ) from None
        return int(number) if number.is_integer() else number
    return value


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, pd.Timestamp):
        return "a date"
    return type(value).__name__


class TwoSides:
    """Mixed into the Executor: needs its ``_run`` and its per-run ``_sides_seen``/``_compared``."""

    _sides_seen: int
    _compared: tuple[Any, Any] | None
    _rows_filtered: int

    def _run(
        self, plan: Plan, df: pd.DataFrame, out: _Writer, var: str
    ) -> tuple[Any, pd.DataFrame | None]:
        raise NotImplementedError

    def _sides(
        self, plan: Plan, df: pd.DataFrame, out: _Writer, what: str
    ) -> tuple[Any, Any, str, str]:
        """The one value of ``plan.left`` and of ``plan.right``, each computed from ``df``.

        Nested sides get their own variable names in the code (``left2``…), so a
        calculation inside a calculation cannot overwrite its parent's values.
        """
        assert plan.left is not None
        self._sides_seen += 1
        suffix = "" if self._sides_seen == 1 else str(self._sides_seen)
        base, left_var, right_var = f"base{suffix}", f"left{suffix}", f"right{suffix}"
        out.add(f"{base} = df")
        left, _ = self._run(plan.left, df, out, left_var)
        _matched_some(plan.left, self._rows_filtered, "left")
        left = self._single(left, "left", what)
        if isinstance(plan.right, Plan):
            out.add(f"df = {base}")
            right, _ = self._run(plan.right, df, out, right_var)
            _matched_some(plan.right, self._rows_filtered, "right")
            right = self._single(right, "right", what)
        else:
            right = plan.right
            if what == "calculation":
                right = _number(right, "right", describe_value=repr(right))
            out.add(f"{right_var} = {right!r}")
        return left, right, left_var, right_var

    def _compare(self, plan: Plan, df: pd.DataFrame, out: _Writer, var: str) -> bool:
        assert plan.compare_op is not None
        left, right, left_var, right_var = self._sides(plan, df, out, "comparison")
        symbol = _COMPARE[plan.compare_op]
        self._compared = (left, right)
        if isinstance(left, str) and isinstance(right, str):
            left, right = left.strip().casefold(), right.strip().casefold()
            out.add(
                f"{var} = bool(str({left_var}).strip().casefold() {symbol} "
                f"str({right_var}).strip().casefold())"
            )
        else:
            out.add(f"{var} = bool({left_var} {symbol} {right_var})")
        if left is None or right is None:
            return False
        try:
            return bool(_compare(left, symbol, right))
        except TypeError:
            raise PlanError(
                f"Cannot compare {left!r} with {right!r}: one is {_kind_of(left)}, the other "
                f"{_kind_of(right)}. Compare a number with a number, a date with a date, or a "
                "text with a text."
            ) from None

    def _calc(self, plan: Plan, df: pd.DataFrame, out: _Writer, var: str) -> float | int:
        assert plan.calc is not None
        left, right, left_var, right_var = self._sides(plan, df, out, "calculation")
        left = _number(left, "left", describe_value=repr(left))
        right = _number(right, "right", describe_value=repr(right))
        self._compared = (left, right)
        divisor = {"ratio": ("right", right), "percent": ("right", right)}.get(plan.calc)
        if plan.calc == "percent_change":
            divisor = ("left", left)
        if divisor is not None and divisor[1] == 0:
            raise PlanError(
                f"Cannot compute the {plan.calc.replace('_', ' ')}: the {divisor[0]} side is 0, "
                "and dividing by zero has no answer. Check that side's filters."
            )
        expression = _CALC[plan.calc].format(left=left_var, right=right_var)
        out.add(f"{var} = {expression}")
        value = _CALC_FUNCTIONS[plan.calc](left, right)
        return _plain(value)

    @staticmethod
    def _single(value: Any, side: str, what: str = "comparison") -> Any:
        if isinstance(value, pd.DataFrame):
            if value.shape == (1, 1):
                return _plain(value.iat[0, 0])
            raise PlanError(
                f"The {side} side of the {what} gives a table of {len(value):,} row"
                f"{'s' if len(value) != 1 else ''} × {value.shape[1]} column"
                f"{'s' if value.shape[1] != 1 else ''}, not one value. Give that side one "
                "aggregate and no group_by, or limit 1 with answer_column."
            )
        if isinstance(value, list):
            if len(value) != 1:
                raise PlanError(
                    f"The {side} side of the {what} gives {len(value)} values, not one. "
                    "Add limit 1 (with a sort), or an aggregate."
                )
            return value[0]
        return value
