"""Units of the amounts a question compares and asks for, against the unit a column's name
gives: "more than 5 hours" on a column of minutes is 300, "under 40 cm of rainfall" on
Rainfall_mm is 400, "more than 8 million viewers" on "Viewers (millions)" is 8.

An amount is converted only within one family (time, months, length, mass, area), and only
when the column's name gives exactly one unit. A unit the column does not name leaves the
question to be asked back: "2 weeks" on length_of_stay may be 2, 14 or 336 of what it holds.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..schema_index import tokens

if TYPE_CHECKING:  # (reading and options import this module)
    from .options import Threshold
    from .reading import Number


SECONDS = {
    "second": 1, "seconds": 1, "sec": 1, "secs": 1, "s": 1,
    "minute": 60, "minutes": 60, "min": 60, "mins": 60,
    "hour": 3600, "hours": 3600, "hr": 3600, "hrs": 3600, "h": 3600,
    "day": 86400, "days": 86400,
    "week": 604800, "weeks": 604800,
    "ms": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
}  # fmt: skip
# Months and years: exact among themselves, but not in seconds (a month has no fixed length).
MONTHS_IN = {"month": 1, "months": 1, "mo": 1, "year": 12, "years": 12, "yr": 12, "yrs": 12}
LENGTH = {
    "mm": 0.001, "millimetre": 0.001, "millimetres": 0.001, "millimeter": 0.001,
    "millimeters": 0.001, "cm": 0.01, "centimetre": 0.01, "centimetres": 0.01,
    "centimeter": 0.01, "centimeters": 0.01, "m": 1.0, "metre": 1.0, "metres": 1.0,
    "meter": 1.0, "meters": 1.0, "km": 1000.0, "kilometre": 1000.0, "kilometres": 1000.0,
    "kilometer": 1000.0, "kilometers": 1000.0, "mi": 1609.344, "mile": 1609.344,
    "miles": 1609.344, "ft": 0.3048, "foot": 0.3048, "feet": 0.3048,
}  # fmt: skip
MASS = {
    "g": 0.001, "gram": 0.001, "grams": 0.001, "kg": 1.0, "kilogram": 1.0, "kilograms": 1.0,
    "kilo": 1.0, "kilos": 1.0, "t": 1000.0, "tonne": 1000.0, "tonnes": 1000.0, "ton": 1000.0,
    "tons": 1000.0, "lb": 0.45359237, "lbs": 0.45359237,
}  # fmt: skip
AREA = {
    "ha": 10000.0, "hectare": 10000.0, "hectares": 10000.0, "acre": 4046.8564224,
    "acres": 4046.8564224, "km2": 1e6, "m2": 1.0, "cm2": 1e-4, "mi2": 2589988.110336,
    "ft2": 0.09290304,
}  # fmt: skip
VOLUME = {
    "l": 1.0, "litre": 1.0, "litres": 1.0, "liter": 1.0, "liters": 1.0, "ml": 0.001,
    "millilitre": 0.001, "millilitres": 0.001, "milliliter": 0.001, "milliliters": 0.001,
    "m3": 1000.0, "km3": 1e12,
}  # fmt: skip
ENERGY = {"wh": 0.001, "kwh": 1.0, "mwh": 1000.0, "gwh": 1e6}
POWER = {"w": 0.001, "kw": 1.0, "mw": 1000.0, "gw": 1e6}
# Temperatures: one scale each; "80 fahrenheit" against a column in Celsius is asked back
# (a conversion that is not a factor)
CELSIUS = {"c": 1.0, "celsius": 1.0, "centigrade": 1.0}
FAHRENHEIT = {"f": 1.0, "fahrenheit": 1.0}
# Money: cents convert to dollars, never one currency to another
DOLLARS = {"usd": 1.0, "dollar": 1.0, "dollars": 1.0, "cent": 0.01, "cents": 0.01}
EUROS = {"eur": 1.0, "euro": 1.0, "euros": 1.0}
POUNDS = {"gbp": 1.0, "pound": 1.0, "pounds": 1.0, "pence": 0.01, "penny": 0.01}
FAMILIES: dict[str, dict[str, float]] = {
    "time": {k: float(v) for k, v in SECONDS.items()},
    "calendar": {k: float(v) for k, v in MONTHS_IN.items()},
    "length": LENGTH,
    "mass": MASS,
    "area": AREA,
    "volume": VOLUME,
    "energy": ENERGY,
    "power": POWER,
    "celsius": CELSIUS,
    "fahrenheit": FAHRENHEIT,
    "usd": DOLLARS,
    "eur": EUROS,
    "gbp": POUNDS,
}
# Units of measure besides time, for the words a threshold may stand beside
MEASURE_UNITS = (
    frozenset(LENGTH)
    | frozenset(MASS)
    | frozenset(AREA)
    | frozenset(VOLUME)
    | frozenset(ENERGY)
    | frozenset(POWER)
    | frozenset(CELSIUS)
    | frozenset(FAHRENHEIT)
    | frozenset(DOLLARS)
    | frozenset(EUROS)
    | frozenset(POUNDS)
)
_SYMBOLS = {"$": "usd", "€": "eur", "£": "gbp"}
# An area or a volume, however it is written: "km²", "sq km", "square kilometres", "sqm"
_SHORT_LENGTH = {"kilomet": "km", "km": "km", "met": "m", "m": "m", "centimet": "cm",
                 "cm": "cm", "mile": "mi", "mi": "mi", "f": "ft"}  # fmt: skip
_POWERED = re.compile(
    r"(?<![a-z])(?P<power>square|sq|cubic)[\s._]*"
    r"(?P<length>kilomet(?=(?:re|er)s?\b)|km|centimet(?=(?:re|er)s?\b)|cm|"
    r"met(?=(?:re|er)s?\b)|m|mile(?=s?\b)|mi|f(?=(?:oot|eet|t)\b))(?:re|er|oot|eet|t)?s?(?![a-z])",
    re.IGNORECASE,
)


def powers_written_short(text: str) -> str:
    """ "square metres", "sq ft", "m²" and "cubic metres" as the units they are (m2, ft2, m2,
    m3): an area is never a length, and "square" is never a word of a name ("Times Square")
    when it only says the unit."""
    text = text.replace("²", "2").replace("³", "3")
    return _POWERED.sub(
        lambda m: (
            _SHORT_LENGTH[m["length"].lower()]
            + ("2" if m["power"].lower().startswith("s") else "3")
        ),
        text,
    )


def is_unit(word: str) -> bool:
    return any(word in units for units in FAMILIES.values())


def unit_of(word: str) -> tuple[str, float]:
    """A unit word's family and size ("hours" → time, 3600 seconds; "cm" → length, 0.01 m)."""
    for family, units in FAMILIES.items():
        if word in units:
            return family, units[word]
    raise KeyError(word)


def column_unit(column: str) -> tuple[str, float] | None:
    """The unit a column's name gives its values ("dep_delay_min", "First Response (min)",
    "Rainfall_mm", "Odometer (km)", "Area_ha"): its family and size."""
    units = _units_named(column)
    return units.pop() if len(units) == 1 else None


def _units_named(column: str) -> set[tuple[str, float]]:
    whole = _units_in(column.lower())  # "Output (kWh)": kWh whole, never k and Wh
    return whole or _units_in(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", column).lower())


def _units_in(spaced: str) -> set[tuple[str, float]]:
    spaced = powers_written_short(spaced)  # "Area (km²)", "Floor area (sq ft)": areas
    for symbol, code in _SYMBOLS.items():
        spaced = spaced.replace(symbol, f" {code} ")  # "Unit Price ($)"
    words = re.findall(r"[a-z0-9]+", spaced)
    # a short unit opens no name: "min_price" is a minimum, "t_max" no tonnes
    return {
        unit_of(w)
        for i, w in enumerate(words)
        if is_unit(w) and (i > 0 or len(w) > 3 or len(words) == 1)
    }


def in_column_unit(value: Threshold, unit: str | None, column: str) -> Threshold | None:
    """ "more than 5 hours" on a column of minutes is 300, "more than 2 years" on a column of
    months is 24: an amount written in one unit, compared with a column whose name gives
    another. Unchanged when either unit is unknown; None when they cannot be converted
    exactly (years against days)."""
    held = column_unit(column)
    if unit is None:
        return value
    if held is None:
        # No unit in the name ("length_of_stay"): "2 weeks" may be 2, 14 or 336 of what it
        # holds, so the number is not compared; two units ("Hours Per Week"): unknown too.
        # An age is counted in years wherever it is written.
        implied = unit_of(unit) == ("calendar", 12) and "age" in tokens(column)
        # "earned more than 5 million dollars" beside totalEarnings: a currency said in full
        # is read as "$5 million" is, in whatever currency the column keeps (cents are not)
        implied = implied or unit_of(unit) in (("usd", 1.0), ("eur", 1.0), ("gbp", 1.0))
        return value if implied else None
    family, size = unit_of(unit)
    if family != held[0]:
        return None
    if size == held[1]:
        return value
    factor = size / held[1]
    return [v * factor for v in value] if isinstance(value, list) else value * factor


_SCALES = (
    (re.compile(r"\bbillions?\b|\bbn\b"), 1e9),
    (re.compile(r"\bmillions?\b|\bmn\b|\bmio\b"), 1e6),
    (re.compile(r"\bthousands?\b|\(0{3}s?\)|'000"), 1e3),
)


def scale_named(text: str) -> float | None:
    """The multiplier a name or unit says ("Visitors (millions)", "million", "'000"), if any:
    a scale of a count, never a unit of measurement."""
    name = text.lower().replace("_", " ")
    return next((size for pattern, size in _SCALES if pattern.search(name)), None)


def in_column_scale(value: Threshold | None, number: Number, column: str) -> Threshold | None:
    """ "more than 8 million viewers" on "Viewers (millions)" is 8: an amount written in full
    (or with its multiplier word), compared with a column that counts in millions or thousands.
    A plain "more than 8" already speaks the column's units."""
    if value is None:
        return None
    scale = scale_named(column)
    if scale is None:
        return value
    written_in_full = any(ch.isalpha() for ch in number.text) or abs(number.value) >= scale
    if not written_in_full:
        return value
    return [v / scale for v in value] if isinstance(value, list) else value / scale
