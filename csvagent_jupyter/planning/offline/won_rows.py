"""Tables whose every row is a win: a player's titles, a race's winners year by year.

On such a table "how many titles did she win" or "how many times did Bugatti win" counts
rows, and "who won in 1923" names the row's driver: the verb restates what a row is. Told
from the table alone, never from the question:

- its file is named for what its rows won ("squash_titles.csv", "mvp_winners.csv") and no
  column records a result (a Result of Won and Lost makes "title_matches.csv" every match); or
- it is a list of winners by year: one row per year, a column naming whoever wins such
  events (a Driver, a Team, a Horse), and no column of results, places or tallies that would
  make the rows entries rather than wins (a race's entrants, a league's standings).

A list of hosts ("Year, Host city, Country") names no winner, and a list of entrants repeats
its years, so neither is read as wins.
"""

from __future__ import annotations

from ..schema_index import SchemaIndex, head_stem, tokens
from . import lexicon

_FILE_WORDS = frozenset(tokens(" ".join(sorted(lexicon.WON_ROWS_FILE_WORDS))))
_RESULT_WORDS = frozenset(tokens(" ".join(sorted(lexicon.RESULT_NAME_WORDS))))
_DOERS = frozenset(tokens(" ".join(sorted(lexicon.WINNING_DOERS))))
_FEWEST_EDITIONS = 8


def rows_are_wins(index: SchemaIndex) -> bool:
    """Whether every row of the table records one win (see the module's docstring)."""
    names = [set(index.column_tokens.get(c.name, [])) for c in index.profile.column_profiles]
    if _first_place_everywhere(index):
        return True  # a Position of 1 on every row: a list of winners, whatever else it holds
    if any(words & _RESULT_WORDS for words in names):
        return False  # a Result of Won and Lost: "go_title_matches.csv" holds every match
    if index.file_words & _FILE_WORDS:
        return True
    rows = index.profile.rows
    if rows < _FEWEST_EDITIONS:
        return False
    one_per_year = any(
        _holds_years(index, c.name) and c.distinct == rows - c.nulls and c.nulls <= 0.1 * rows
        for c in index.profile.column_profiles
    )
    winner_named = any(
        head_stem(c.name) in _DOERS and not index.is_numeric(c.name)
        for c in index.profile.column_profiles
    )
    return one_per_year and winner_named


def _holds_years(index: SchemaIndex, column: str) -> bool:
    profile = index.profile.column(column)
    if profile is None:
        return False
    if profile.type == "datetime" or column in index.year_texts:
        return True  # (years written as text: "1906" beside "1915–1918")
    return (
        index.holds_whole_numbers(column)
        and isinstance(profile.min, int | float)
        and isinstance(profile.max, int | float)
        and profile.min >= 1800
        and profile.max <= 2100
    )


_PLACE_WORDS = frozenset(tokens("position pos place placing rank finish"))


def _first_place_everywhere(index: SchemaIndex) -> bool:
    """A column of places (Position, Pos., Place, Rank) that holds 1 in every row of a table
    of several rows: each row is a winner's ("Defending champ result" beside it is another
    runner's result, never the row's)."""
    rows = index.profile.rows
    return rows >= 3 and any(
        set(index.column_tokens.get(c.name, [])) & _PLACE_WORDS
        and index.is_numeric(c.name)
        and c.min == 1
        and c.max == 1
        and c.nulls == 0
        for c in index.profile.column_profiles
    )
