"""Numbers written for people: currency and unit affixes, decimal commas, K/M/B multipliers.

``6,00 US$``, ``€1.234,50`` and ``12.5M`` are numbers to the person who wrote them.
Whether ``,`` is the decimal mark or a thousands separator is decided once for the
whole column (a single ``1.234,50`` settles it), and an affix or multiplier is
accepted only when the column uses it consistently: one currency or unit throughout,
and a multiplier on every value. Anything less stays text, which loses nothing.

The outcome is a list of literal string replacements plus a decimal mark and an
optional multiplier suffix, so the same steps run here and render as plain pandas
in the reproducible code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CURRENCY = "$€£¥₹"
# An optional currency or unit before and after the number, an optional sign, digits with
# separators, and an optional K/M/B multiplier.
# Three-letter codes count only when they are currencies: "TCK-24001" is an identifier.
_CODES = (
    "USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|CNY|HKD|SGD|INR|SEK|NOK|DKK|PLN|CZK|HUF|BRL|MXN|ZAR|KRW|TRY"
)
_AFFIX = rf"[A-Z]{{0,2}}[{_CURRENCY}]|{_CODES}"
_VALUE = re.compile(
    rf"^(?P<pre>{_AFFIX})?\s*(?P<sign>[-+−]?)\s*"
    r"(?P<num>\d(?:[\d.,]*\d)?)\s*(?:(?P<mult>[KMB]|k)(?![A-Za-z]))?\s*"
    rf"(?P<post>{_AFFIX}|%|(?!(?:mn|bn)$)[a-z]{{1,3}}(?:/[a-z]{{1,2}})?|°[CF])?$"
)  # ("8.9 mn", "1.2 bn" are counts in a scale, never a unit: kept as written, for the planner)
_POINT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_COMMA = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_GROUPED_COMMA = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_GROUPED_POINT = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
MULTIPLIERS = {"K": 1e3, "k": 1e3, "M": 1e6, "B": 1e9}


@dataclass(frozen=True)
class NumberFormat:
    """How one column writes its numbers: what to remove, the decimal mark, a multiplier."""

    replacements: tuple[tuple[str, str], ...]
    multipliers: bool
    unit: str | None  # the currency or unit, for the profile's note
    example: str  # a value as the file writes it, for the profile's note


def looks_like_number(value: str) -> bool:
    """One value in a form this module reads (a cheap first look before a whole column)."""
    return _VALUE.match(value.strip()) is not None


def _decimal_votes(numbers: list[str]) -> tuple[bool, bool]:
    """Whether the numbers settle the decimal mark as a point, and whether as a comma.

    "1,5" or "1.234,50" can only be a decimal comma, "1,234" can be either; one typo
    ("13,5000" among "17,189"s) must not turn a column of thousands into decimals, so
    the comma needs at least as many votes as the values that read either way.
    """
    point = comma = either = 0
    for number in numbers:
        if "," in number and "." in number:
            if number.rfind(",") > number.rfind("."):
                comma += 1
            else:
                point += 1
        elif "," in number:
            if _GROUPED_COMMA.match(number):
                either += 1
            else:
                comma += 1
        elif "." in number and not _GROUPED_POINT.match(number):
            point += 1
    return point > 0, comma > 0 and comma >= either


def detect_number_format(values: list[str]) -> tuple[NumberFormat | None, list[str]]:
    """The column's number format and the values that do not fit it (placeholders, or data).

    None when fewer than half the values are such numbers, or the column mixes units,
    decimal marks, or values with and without a multiplier.
    """
    matches = [(value, _VALUE.match(value.strip())) for value in values]
    found = [m for _, m in matches if m is not None]
    if not found or len(found) * 2 < len(values):
        return None, []
    units = {m["pre"] for m in found if m["pre"]} | {m["post"] for m in found if m["post"]}
    if len(units) > 1 or any(m["pre"] and m["post"] for m in found):
        return None, []
    with_multiplier = sum(1 for m in found if m["mult"])
    if with_multiplier not in (0, len(found)):
        return None, []
    point, comma = _decimal_votes([m["num"] for m in found])
    if point and comma:
        return None, []
    shape = _COMMA if comma else _POINT
    if not all(shape.match(m["num"]) for m in found):
        return None, []
    if not (units or with_multiplier or comma):
        return None, []  # plain numbers: the parser or the simpler rule reads them
    unit = next(iter(units), None)
    replacements: list[tuple[str, str]] = []
    if unit:
        replacements.append((unit, ""))
    replacements += [(" ", ""), ("−", "-")]
    replacements += [(".", ""), (",", ".")] if comma else [(",", "")]
    rejected = [value for value, m in matches if m is None]
    example = next(value.strip() for value, m in matches if m is not None)
    return NumberFormat(tuple(replacements), bool(with_multiplier), unit, example), rejected
