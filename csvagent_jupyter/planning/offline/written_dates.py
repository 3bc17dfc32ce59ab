"""Dates written out in a question ("after 2021-06-30", "on 14 feb 2022", "on 03/15/2024"):
each becomes one word before the question is split, so that its parts are not read as
numbers, and the reading keeps the date it stands for.
"""

from __future__ import annotations

import datetime
import re

from . import lexicon

_ISO_DATE = re.compile(r"(?<![\d/-])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d/-])")
_MONTH_NAME = "|".join(sorted(lexicon.MONTHS, key=len, reverse=True))
# "14 feb 2022", "14th of February, 2022"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\w/])(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAME})\.?,?\s+(\d{{4}})(?!\w)",
    re.IGNORECASE,
)
# "feb 14 2022", "February 14th, 2022"
_MONTH_DAY_YEAR = re.compile(
    rf"(?<!\w)({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\w)",
    re.IGNORECASE,
)
# "03/15/2024" (month first) or "15/03/2024" (day first), when a part over 12 says which
_SLASHED = re.compile(r"(?<![\d/-])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/-])")


def date_literals(text: str) -> tuple[str, dict[str, str]]:
    """ "after 2021-06-30", "on 14 feb 2022", "on 03/15/2024": each date written out becomes
    one word (``isodate0``…) so that it is not split into numbers, with the date it stands
    for. A slashed date that reads both ways (03/04/2024) is left as it is."""
    found: dict[str, str] = {}

    def word_for(year: int, month: int, day: int, written: str) -> str:
        try:
            date = datetime.date(year, month, day)
        except ValueError:
            return written
        word = f"isodate{len(found)}"
        found[word] = date.isoformat()
        return f" {word} "

    def iso(match: re.Match[str]) -> str:
        year, month, day = (int(g) for g in match.groups())
        return word_for(year, month, day, match.group(0))

    def day_month(match: re.Match[str]) -> str:
        day, month, year = match.groups()
        return word_for(int(year), lexicon.MONTHS[month.lower()], int(day), match.group(0))

    def month_day(match: re.Match[str]) -> str:
        month, day, year = match.groups()
        return word_for(int(year), lexicon.MONTHS[month.lower()], int(day), match.group(0))

    def slashed(match: re.Match[str]) -> str:
        first, second, year = (int(g) for g in match.groups())
        if first > 12 >= second:
            return word_for(year, second, first, match.group(0))
        if second > 12 >= first:
            return word_for(year, first, second, match.group(0))
        return match.group(0)

    text = _ISO_DATE.sub(iso, text)
    text = _DAY_MONTH_YEAR.sub(day_month, text)
    text = _MONTH_DAY_YEAR.sub(month_day, text)
    return _SLASHED.sub(slashed, text), found
