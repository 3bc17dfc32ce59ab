"""Find the columns and cell values a question mentions.

Column names are matched loosely (case, spaces, underscores, camelCase, plurals,
common abbreviations, words inside multi-word names, small typos); values are
matched as whole phrases of the question against the distinct values of text
columns, so "travel rarely" finds the column holding ``Travel_Rarely``.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..analysis.derived import CURRENCY, LEADING_NUMBER, SCALES, YEAR_IN_TEXT
from ..loading.profile import FileProfile, looks_like_identifier
from ..loading.typing import PLACEHOLDERS, holds_whole_numbers
from .list_cells import list_items

MAX_VALUES_PER_COLUMN = 20_000
# Words of file names that say nothing about what a row is.
FILE_WORDS = frozenset(
    [
        "data",
        "dataset",
        "export",
        "final",
        "table",
        "report",
        "copy",
        "new",
        "old",
        "v",
        "raw",
        "clean",
        "file",
        "sheet",
        "csv",
    ]
)
# a container named after its things, last in a file name: "national_parks_list" lists parks
# (matched as written: the stem of "listings" is a "list" too)
_CONTAINER_AT_THE_END = re.compile(
    r"(?:(?<=\w)[\s_\-]+(?i:list|register|details|info)|(?<=[a-z])(?:List|Register|Details|Info))$"
)
MAX_NGRAM = 7

_GROUPING_WORDS = frozenset({"per", "by", "each"})
# words that say what is computed of a column, never a misspelling of a word of its name
_MEASURE_CUE_WORDS = ("rate", "rates", "share", "ratio", "percent", "percentage", "average")
_AGENT_ENDINGS = ("ers", "ors", "er", "or")


def agent_noun_of(word: str, name_tokens: list[str]) -> bool:
    """An agent noun made from a word of the name: "producer" of Production, "exporters" of
    Exports, "employer" of Employees (stems of five letters or more, so that "player" is
    never "Played")."""
    for ending in _AGENT_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            return len(stem) >= 5 and any(
                t.startswith(stem) and t != word and not t.endswith(_AGENT_ENDINGS)
                for t in name_tokens
            )
    return False


def written_without_vowels(word: str, name_tokens: list[str]) -> bool:
    """A header word an export wrote without its vowels: "rfnd" of rfnd_flg is "refund", "cncl"
    is "cancel", "rtrn" is "return". All of the word's consonants, in order, and three at
    least; a header word with a vowel is never read so ("amt" and "qty" are abbreviations)."""
    if len(word) < 5 or not word.isalpha():
        return False
    short = [t for t in name_tokens if len(t) >= 3 and t.isalpha() and not set(t) & _VOWELS]
    if not short:
        return False  # (most names: asked for every word of every question)
    consonants = [c for c in word if c not in "aeiou"]
    # ("cancelled" keeps its double l: "cncl" all the same)
    skeleton = "".join(c for i, c in enumerate(consonants) if not i or c != consonants[i - 1])
    return skeleton in short


_VOWELS = frozenset("aeiouy")


def shortens(short: str, word: str) -> bool:
    """Whether a header's word is ``word`` written short: its first letters ("aud" of
    audience) or its consonants in order ("tkt" of ticket, "prg" of programme). Only words
    that are no words themselves: three to five letters, at most one vowel after the first
    letter, never ending in one."""
    if not 3 <= len(short) <= 5 or not short.isalpha() or short in STOPWORDS:
        return False
    if short[0] != word[0] or len(word) < len(short) + 1:
        return False
    if sum(c in "aeiou" for c in short[1:]) > 1:
        return False
    if word.startswith(short):
        return len(word) >= len(short) + 2 and short[-1] not in "aeiou"
    skeleton = word[0] + "".join(c for c in word[1:] if c not in "aeiou")
    if skeleton.startswith(short):
        return True  # "prg" of programme
    rest = iter(word[1:])
    # "tkt" of ticket, "vnu" of venue: its letters in order, to its last consonant or letter
    return short[-1] in (skeleton[-1], word[-1]) and all(c in rest for c in short[1:])


STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "did",
        "do",
        "does",
        "has",
        "have",
        "had",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "how",
        "many",
        "much",
        "number",
        "total",
        "count",
        "list",
        "name",
        "names",
        "show",
        "give",
        "tell",
        "me",
        "there",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "they",
        "them",
        "as",
        "than",
        "more",
        "most",
        "less",
        "least",
        "per",
        "each",
        "all",
        "any",
        "only",
        "not",
        "no",
        "yes",
        "same",
        "also",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "during",
        "between",
        "when",
        "where",
        "up",
        "down",
        "out",
        "off",
        "top",
        "bottom",
        "first",
        "last",
    ]
)
ABBREVIATIONS = {
    "no": "number",
    "num": "number",
    "#": "number",
    "pts": "points",
    "pos": "position",
    "avg": "average",
    "qty": "quantity",
    "amt": "amount",
    "pct": "percent",
    "percentage": "percent",
    "yr": "year",
    "dept": "department",
    "pop": "population",
    "mag": "magnitude",
    "govt": "government",
    "att": "attendance",
    "nm": "name",
    "rx": "prescription",
    "desc": "description",
    "cnt": "count",
    "rev": "revenue",
    "dt": "date",
    "addr": "address",
    "mgr": "manager",
    "cust": "customer",
    "emp": "employee",
    # short headers of operational exports (clm_typ, rgn, wt_kg, dep_delay): never English words
    "rgn": "region",
    "clm": "claim",
    "typ": "type",
    "sttl": "settlement",
    "litig": "litigation",
    "docs": "documents",
    "loc": "location",
    "dur": "duration",
    "dist": "distance",
    "temp": "temperature",
    "wt": "weight",
    "ht": "height",
    "hrs": "hours",
    "mins": "minutes",
    "secs": "seconds",
    "yrs": "years",
    "tot": "total",
    "pmt": "payment",
    "acct": "account",
    "bal": "balance",
    "txn": "transaction",
    "svc": "service",
    "dep": "departure",
    "arr": "arrival",
    "pkg": "package",
    "pkgs": "packages",
    "orig": "origin",
    "shp": "shipment",
    "rte": "route",
    "dly": "delay",
    "pax": "passengers",
    "flg": "flag",
    "dmg": "damage",
    "err": "error",
    "disc": "discount",
    "wrnty": "warranty",
    "wty": "warranty",
    "mbr": "member",
    "ord": "order",
    "prod": "product",
    "inv": "invoice",
    "veh": "vehicle",
    "req": "request",
    "resp": "response",
    "stn": "station",
    "sev": "severity",
    "pri": "priority",
    "ctry": "country",
    "cnty": "county",
}
# Codes results tables write in place of a place or a score, and the one word each stands for
RESULT_CODES: dict[str, tuple[str, ...]] = {
    "wd": ("withdrew", "withdraw", "withdrawn", "withdrawal", "withdrawals"),
    "ret": ("retired", "retire", "retirement", "retirements"),
    "dq": ("disqualified", "disqualification", "disqualifications"),
    "dsq": ("disqualified", "disqualification", "disqualifications"),
}  # (never "did not finish" for DNF: its words found inside would read "finishers" as DNF)
# Headers of results tables that are a letter or two: read as the words they stand for.
# Only a whole header is expanded, so the question's "a" or "w" never is.
HEADER_ABBREVIATIONS = {
    "G": "goals", "A": "assists", "GP": "games played", "W": "wins", "L": "losses",
    "D": "draws", "T": "ties", "GF": "goals for", "GA": "goals against",
    "GD": "goal difference", "PIM": "penalty minutes", "P": "games played", "PLD": "games played",
    "F": "for", "OT": "overtime", "SO": "shutouts", "HR": "home runs", "RBI": "runs batted in",
    "TD": "touchdowns", "YDS": "yards", "AVG": "average",
}  # fmt: skip


def header_abbreviation(name: str, names: set[str]) -> str | None:
    """The words a short header stands for ("GP" → games played), or None. "A" beside an "F"
    column is goals against (football's F/A), otherwise assists (hockey's G/A)."""
    written = name.strip().rstrip(".")
    key = written.upper()
    if key not in HEADER_ABBREVIATIONS or (len(key) == 1 and written != key):
        return None  # a single letter only as a capital: "G", never a column called "a"
    if key == "A" and ({"F", "F."} & names):
        return "against"
    return HEADER_ABBREVIATIONS[key]


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_TOKEN = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*|#")


# Plurals no ending rule reaches: "how many teeth" is a toothCount, "children" a Child column.
_IRREGULAR = {"teeth": "tooth", "children": "child", "women": "woman", "men": "man",
              "mice": "mouse", "geese": "goose",
              # and pasts no ending rule reaches: "how many laps did he lead" is a Led column,
              # "units sold" meets "sell" and "items bought" "buy"
              "led": "lead", "sold": "sell", "bought": "buy", "spent": "spend",
              "built": "build", "held": "hold"}  # fmt: skip


def singular(word: str) -> str:
    """The stem of ``word``, applied until it no longer changes ("ratings" and "rating" → "rat")."""
    word = _IRREGULAR.get(word, word)
    for _ in range(3):
        stem = _strip_ending(word)
        if stem == word:
            return word
        word = stem
    return word


def is_plural(word: str) -> bool:
    """Whether a word reads as an English plural ("goals", "visitors"; never "status", "class",
    "analysis", nor a short word such as "gas")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _strip_ending(word: str) -> str:
    """A light stemmer: plural and verb endings off, so "grossed" meets "Gross" and "wins" "win".

    Applied the same way to names, values and questions, so only consistency matters,
    not linguistic accuracy (no dependency for a dozen lines).
    """
    if len(word) <= 3 or word.isdigit():
        return word
    if len(word) == 4 and word.endswith("us"):
        return word[:-1]  # "skus", "ids": short plurals, not "status"
    if word.endswith(("ss", "us", "is")):
        return word
    # "movies"/"movie" and "companies"/"company" must meet: both y and ies end in i.
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "i"
    if word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou":
        return word[:-1] + "i"
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if (
                suffix in ("ing", "ed")
                and len(stem) > 3
                and stem[-1] == stem[-2]
                and stem[-1] not in "ls"
            ):
                stem = stem[:-1]  # "stopped" → "stop"
            return stem
    return word


_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "ł": "l",
                               "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "OE"})  # fmt: skip


def fold_accents(text: str) -> str:
    """ "Häkkinen" is "Hakkinen", "México" "Mexico": people type names without their accents,
    and a word split at its "ä" would match nothing."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: object, *, split_camel: bool = True) -> list[str]:
    """Lower-case word tokens of a name or question, abbreviations expanded, endings stemmed.

    Any value is read as its text: a column's values (numbers, dates) are tokenised too."""
    text = fold_accents(str(text))
    spaced = (_CAMEL.sub(" ", text) if split_camel else text).replace("_", " ").lower()
    spaced = re.sub(r"(?<=\w)['’]s\b", "", spaced)  # "men's foil" is found as "men foil"
    words = [w.strip(".'") for w in _TOKEN.findall(spaced)]
    return [singular(ABBREVIATIONS.get(w, w)) for w in words if w]


def header_words(column: str) -> list[str]:
    """The words of a header as written, lower case: "soh" of soh_qty, "time" of
    finishTimeMin, "stones" of Stones (never stemmed, unlike ``tokens``)."""
    return re.findall(r"[a-z0-9]+", _CAMEL.sub(" ", column).lower())


def names_the_doer_of(word: str, column: str) -> bool:
    """Whether ``word`` is a noun of the verb a column's name puts in the past: "climbers" and
    "recording" beside minutesClimbed and "Recorded at", "stops" beside MINUTES_STOPPED. It
    names who did it or the thing done, never the amount or the place the column holds."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", column).lower()
    for name in re.findall(r"[a-z]+", spaced):
        if not name.endswith("ed") or len(name) < 5 or word == name:
            continue
        stem = name[:-2]
        stems = {stem, stem + "e"}
        if len(stem) > 2 and stem[-1] == stem[-2]:
            stems.add(stem[:-1])  # "stopped" → stop
        endings = ("s", "er", "ers", "ing", "ings", "r", "rs")
        if any(word == s + e for s in stems for e in endings):
            return True
    return False


_PREPOSITIONS = frozenset(
    {"of", "in", "at", "per", "for", "from", "to", "by", "on", "since", "against"}
)


_NAMING_HEADS = frozenset(tokens(" ".join(("id", "number", "no", "name", "code", "num", "nr"))))


def _with_a_preposition(name: list[str]) -> list[list[str]]:
    """A name a number qualifies, said with a preposition before the number: "Visitors 2023"
    and "2023 visitors" as "visitors in 2023" (or "for", "of")."""
    numbers = [t for t in name if t.isdigit()]
    words = [t for t in name if not t.isdigit()]
    if not numbers or not words or len(numbers) > 1:
        return []
    return [[*words, preposition, *numbers] for preposition in ("in", "for", "of")]


def _preposition_at(words: list[str]) -> int | None:
    """Where a column name's preposition stands ("Date of sale": 1), past its first word."""
    return next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), None)


@functools.lru_cache(maxsize=4096)
def head_stem(column: str) -> str | None:
    """The stem of the noun a column's name is about: the last word before its preposition
    ("Opponent in the final" → opponent), or its last word ("Launch site" → site), past a
    word that only says how a thing is labelled ("customer_id" → customer)."""
    return head_of_words(tokens(column))


def head_of_words(words: list[str]) -> str | None:
    """The head noun of a name's stemmed words (see ``head_stem``); also of the words a short
    header stands for ("GA": goals against → goal)."""
    cut = _preposition_at(words)
    head = words[: len(words) if cut is None else cut]
    # (and past a number that dates or qualifies it: "Visitors (2023)" is about visitors)
    while len(head) > 1 and (head[-1] in _NAMING_HEADS or head[-1].isdigit()):
        head = head[:-1]
    return head[-1] if head else None


@functools.lru_cache(maxsize=4096)
def modifier_stems(column: str) -> frozenset[str]:
    """The stems of a column name's words after its preposition, which say of what the head
    before it is: "operation" of "Period of operation", "final" of "Opponent in the final". A
    question's "finals" or "operation" is no name of such a column's values."""
    words = tokens(column)
    cut = _preposition_at(words)
    if cut is None:
        return frozenset()
    return frozenset(words[cut + 1 :]) - frozenset(words[:cut])


_CELLS_LOOKED_AT = 500
_YEAR = re.compile(YEAR_IN_TEXT)
_YEAR_SHARE = 0.8  # of a column's different cells: a date column with a few odd cells


def _text_cells(cells: Iterable[object]) -> list[str]:
    """The first different cells of a column that are text: enough to tell what it holds."""
    return [
        c for c in itertools.islice(dict.fromkeys(cells), _CELLS_LOOKED_AT) if isinstance(c, str)
    ]


def _writes_years(cells: Iterable[object]) -> bool:
    """Whether nearly every cell writes a year: dates kept as text because some give only
    the year ("5 April 1998" beside "2019"), seasons ("2019–20"), games ("1988 Seoul")."""
    sample = _text_cells(cells)
    found = sum(1 for c in sample if _YEAR.search(c))
    return len(sample) >= 2 and found >= _YEAR_SHARE * len(sample)


def _misses_years(cells: Iterable[object]) -> bool:
    """Whether some cell writes neither a year nor a mark for "no value" ("—", "TBA")."""
    return any(
        not _YEAR.search(c) and without_footnotes(c).lower() not in PLACEHOLDERS
        for c in _text_cells(cells)
    )


_AMOUNT = re.compile(
    rf"{LEADING_NUMBER}\+?\s*(?P<unit>/?[A-Za-z][A-Za-z0-9²³/.]*|%)?\s*(?:\(.*\))?\s*$"
)
_FOOTNOTE = re.compile(r"\[[^\]]*\]")


def _without_qualifiers(names: list[str]) -> list[str]:
    """A name's words without those that only qualify it: a year ("Visitors (2023)"), a scale
    ("U.S. viewers (millions)") or a country written short before it ("U.S."): "viewers" said
    alone names the column in full when no other column shares what is left."""
    return [t for t in names if not t.isdigit() and t not in _QUALIFIER_TOKENS]


_QUALIFIER_TOKENS = frozenset(
    {"u.s", "u.k", "million", "thousand", "billion", "000"}
)  # (stems: "millions" is "million")


def without_footnotes(text: object) -> str:
    """A cell without its footnote marks ("Cancelled[7]" is "Cancelled", "WD[a]" is "WD"):
    the one place that knows how a mark is written, for every reader of cells."""
    return _FOOTNOTE.sub("", str(text)).strip()


_CLOCK = re.compile(r"^\s*\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\s*$")  # "38:20", "2:04:31"
_AMOUNT_SHARE = 0.9  # of the cells holding a digit; "—" and "N/A" are blanks, not text


_RANGE = re.compile(r"^\s*\d{4}\s*[–—-]\s*(?:\d{2}|\d{4})\b")


def _writes_ranges(cells: Iterable[object]) -> bool:
    """Whether most cells are periods of years ("1926–1989", "2019–20"), not one year each."""
    sample = _text_cells(cells)
    return len(sample) >= 2 and sum(1 for c in sample if _RANGE.match(c)) >= 0.5 * len(sample)


def _marks_some_cells(cells: Iterable[object]) -> bool:
    """Whether a cell with a footnote mark ("United Kingdom[a]") is also written without it."""
    texts = {str(c) for c in cells}
    return any(_FOOTNOTE.search(c) and without_footnotes(c) in texts for c in texts)


def _unit_of_amounts(cells: Iterable[object]) -> str | None:
    """The unit of a text column of amounts ("2,023 m (6,637 ft)", "1,025[a]", "12 km"), ""
    when they have none, or None when the column is not one: most cells holding a digit are
    a number, one unit the same for nearly all, and at most a part in brackets. Scores
    ("3–1"), times ("2:04:55") and dates ("5 April 1998") are not."""
    sample = [_FOOTNOTE.sub("", c) for c in _text_cells(cells) if any(ch.isdigit() for ch in c)]
    matches = [m for m in (_AMOUNT.match(c) for c in sample) if m is not None]
    if len(sample) < 2 or len(matches) < _AMOUNT_SHARE * len(sample):
        return None
    units = Counter((m.group("unit") or "").lower() for m in matches)
    unit, count = units.most_common(1)[0]
    # a letter is a scale only in money ("$12.5m", "$3bn"); "305 m" is a height in metres
    money = sum(1 for c in sample if _MONEY.match(c)) * 2 >= len(sample)
    scales = {u for u in units if u in SCALES and (len(u) > 1 or money)}
    if unit in scales:
        # "$12.5 million" beside one "$1.02 billion": one unit, which the derived column of
        # numbers converts into the scale most cells write, named in full
        count = sum(units[u] for u in scales)
        unit = _SCALE_NAMES.get(unit, unit)
    return unit if count >= _AMOUNT_SHARE * len(matches) else None


_MONEY = re.compile(rf"\s*{CURRENCY}")
_SCALE_NAMES = {"k": "thousand", "m": "million", "mn": "million", "b": "billion", "bn": "billion"}


def normalize(text: object) -> str:
    return " ".join(tokens(text))


@dataclass(frozen=True)
class ColumnMention:
    column: str
    start: int  # token span in the question
    end: int
    score: float


@dataclass(frozen=True)
class ValueMention:
    column: str
    value: object
    start: int
    end: int
    exact: bool = True
    whole_word: bool = False  # matched as a word inside a longer value ("movies" in "X Movies")
    item: bool = False  # an item of a column holding lists: every cell holding it is meant
    also: tuple[str, ...] = ()  # other columns holding the same cell ("Bar": a kind, a type)


@dataclass
class SchemaIndex:
    """Columns and distinct text values of one table, normalised for matching."""

    profile: FileProfile
    column_tokens: dict[str, list[str]] = field(default_factory=dict)
    whole_tokens: dict[str, list[str]] = field(default_factory=dict)  # camelCase kept whole
    free_text: set[str] = field(default_factory=set)  # long prose: never matched word by word
    # Notes, Remarks: "Served during the war" is found by several of its words, never by one
    remarks: set[str] = field(default_factory=set)
    subject: frozenset[str] = frozenset()  # the file name's head noun: "flights_2023" → flight
    file_words: frozenset[str] = frozenset()  # all its words: "zip_lines" → zip, line
    values: dict[str, dict[str, object]] = field(
        default_factory=dict
    )  # normalized → original, per column
    # cells that read the same once marks are dropped ("1st" and "1st ↑", "Hard" and "Hard*"):
    # column → key → every such cell, the first as in ``values``
    variants: dict[str, dict[str, list[object]]] = field(default_factory=dict)
    # columns holding lists ("Canada, United States"): item key → (item, the cells holding it)
    items: dict[str, dict[str, tuple[str, list[object]]]] = field(default_factory=dict)
    # number columns whose values are all whole: counts, years or places with a gap or a dash,
    # which pandas reads as floats
    whole: set[str] = field(default_factory=set)
    # text columns whose cells write a year ("5 April 1998", "2019", "1988 Seoul")
    year_texts: set[str] = field(default_factory=set)
    # periods written as ranges ("1926–1989"): a year compared with them is with which end?
    year_ranges: set[str] = field(default_factory=set)
    # year columns with a cell that writes no year ("15th century"), a blank or a mark aside:
    # that row would silently drop out of "before 1800" or "the earliest", so none is made
    year_gaps: set[str] = field(default_factory=set)
    # columns where one thing is written with and without a footnote mark ("United
    # Kingdom[a]" beside "United Kingdom"): their groups would split it in two
    footnoted: set[str] = field(default_factory=set)
    # text columns of amounts with their unit ("2,023 m (6,637 ft)"): column → unit ("m"/"")
    number_texts: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, frame: pd.DataFrame, profile: FileProfile, *, name: str = "") -> SchemaIndex:
        """The index of one table; ``name`` is its file name, whose words name its rows."""
        index = cls(profile)
        # The head noun of the file name (English compounds end with it): "student_grades"
        # holds grades, "flights_2023" flights.
        stem = _CONTAINER_AT_THE_END.sub("", Path(name).stem)
        words = [t for t in tokens(stem) if not t.isdigit() and t not in FILE_WORDS]
        index.subject = frozenset(words[-1:])
        index.file_words = frozenset(words)
        names = {c.name for c in profile.column_profiles}
        for column in profile.column_profiles:
            spelled = header_abbreviation(column.name, names) or column.name
            index.column_tokens[column.name] = tokens(spelled)
            index.whole_tokens[column.name] = tokens(spelled, split_camel=False)
            floats = column.name in frame.columns and frame[column.name].dtype.kind == "f"
            if column.type == "number" and floats and holds_whole_numbers(frame[column.name]):
                index.whole.add(column.name)  # the loader's own sampled test
            if column.type in ("text", "category") and column.name in frame.columns:
                series = frame[column.name]
                distinct = (
                    series.cat.categories
                    if isinstance(series.dtype, pd.CategoricalDtype)
                    else series.dropna().unique()
                )
                mapping: dict[str, object] = {}
                alike: dict[str, list[object]] = {}
                for value in list(distinct)[:MAX_VALUES_PER_COLUMN]:
                    # "AnimeIowa" is found as "animeiowa" and as "anime iowa".
                    for key in {normalize(value), " ".join(tokens(value, split_camel=False))}:
                        if key and key not in mapping:
                            mapping[key] = value
                        elif key and mapping[key] != value:
                            alike.setdefault(key, [mapping[key]]).append(value)
                for value in list(distinct)[:MAX_VALUES_PER_COLUMN]:
                    # "the Pacific cable" for "Pacific cable[4]", unless a cell is written so
                    # without its mark ("Kent" beside "Kent[a]": one place, kept apart)
                    if isinstance(value, str) and "[" in value:
                        mapping.setdefault(normalize(without_footnotes(value)), value)
                for value in list(distinct)[:MAX_VALUES_PER_COLUMN]:
                    # "how many times did he withdraw" beside a Result of "WD": a code of a
                    # results table is found by the words it stands for
                    code = without_footnotes(value).lower()
                    for meaning in RESULT_CODES.get(code, ()):
                        mapping.setdefault(normalize(meaning), value)
                index.values[column.name] = mapping
                if alike:
                    index.variants[column.name] = alike
                lengths = [len(key) for key in list(mapping)[:500]]
                if lengths and sum(lengths) / len(lengths) > 40:
                    index.free_text.add(column.name)
                if set(re.findall(r"[a-z]+", column.name.lower())) & _REMARK_WORDS:
                    index.remarks.add(column.name)
                if (
                    column.name not in index.free_text
                    and not index.is_identifier(column.name)
                    and _writes_years(mapping.values())
                ):
                    index.year_texts.add(column.name)
                if column.name in index.year_texts and _writes_ranges(mapping.values()):
                    index.year_ranges.add(column.name)
                if column.name in index.year_texts and _misses_years(mapping.values()):
                    index.year_gaps.add(column.name)
                if _marks_some_cells(mapping.values()):
                    index.footnoted.add(column.name)
                unit = _unit_of_amounts(mapping.values())
                if unit is not None and column.name not in index.year_texts:
                    index.number_texts[column.name] = unit
                if column.name not in index.free_text and column.name not in index.remarks:
                    held = list_items(dict.fromkeys(mapping.values()), normalize)
                    if held is not None:
                        index.items[column.name] = held
        return index

    def type_of(self, column: str) -> str:
        found = self.profile.column(column)
        return found.type if found else "text"

    def cells_read_as(self, column: str, key: str) -> list[object]:
        """Every cell of ``column`` whose words are ``key``: "1st" and "1st ↑" alike."""
        if key in self.variants.get(column, {}):
            return list(dict.fromkeys(self.variants[column][key]))
        found = self.values.get(column, {}).get(key)
        return [] if found is None else [found]

    @functools.cached_property
    def _cell_openings(self) -> frozenset[str]:
        words: set[str] = set()
        for column, mapping in self.values.items():
            if column in self.remarks or len(mapping) > 5000:
                continue
            for cell in mapping.values():
                first = _TOKEN.match(fold_accents(str(cell)).lower())
                if first is not None:
                    words.add(first.group())
        return frozenset(words)

    @functools.cached_property
    def numeric_columns(self) -> frozenset[str]:
        """Columns of numbers (once per table, not per question)."""
        return frozenset(c.name for c in self.profile.column_profiles if self.is_numeric(c.name))

    @functools.cached_property
    def dated_columns(self) -> frozenset[str]:
        """Columns that date a row: dates, years written in text, whole-number years. What
        "when" asks for (once per table, not per question)."""
        return frozenset(
            c.name
            for c in self.profile.column_profiles
            if c.type == "datetime"
            or c.name in self.year_texts
            or (
                self.holds_whole_numbers(c.name)
                and isinstance(c.min, int | float)
                and isinstance(c.max, int | float)
                and c.min >= 1000
                and c.max <= 2100
            )
        )

    @functools.cached_property
    def shared_measure_stems(self) -> frozenset[str]:
        """Nouns that head the names of two or more numeric columns ("goal" of Goals, GF
        "goals for" and GA "goals against"): a question that names that noun may mean any of
        them, so what it says next ("goals conceded") tells them apart and is never dropped.
        A word that only qualifies another noun ("unit" of unit_price) shares nothing."""
        heads = Counter(
            head_of_words(self.column_tokens.get(column, [])) for column in self.numeric_columns
        )
        return frozenset(h for h, count in heads.items() if h and count > 1)

    @functools.cached_property
    def timed_name_stems(self) -> frozenset[str]:
        """Words of the names of columns that can date or measure an event (dates, written
        years, numbers: "Age at election"), never a place or a name ("Launch site")."""
        return frozenset(
            stem
            for c in self.profile.column_profiles
            if c.is_numeric or c.type == "datetime" or c.name in self.year_texts
            for stem in self.column_tokens.get(c.name, [])
        )

    def opens_a_cell(self, word: str) -> bool:
        """Whether ``word`` is the first word of a cell, as written ("Scrapped 1935", "Sank
        1912"): a state the rows record, even where no whole cell is named. Compared as
        written, so "played" never opens "Play"."""
        return word in self._cell_openings

    def is_identifier(self, column: str) -> bool:
        found = self.profile.column(column)
        return found is not None and looks_like_identifier(found, self.profile.rows)

    def labels_the_rows(self, column: str) -> bool:
        """A column named by the rows' own noun whose cells tell every row apart (Line 1,
        Line 2 … N1 in tram_lines.csv): labels, counted and never added up."""
        found = self.profile.column(column)
        return (
            found is not None
            and (not self.is_numeric(column) or self.is_identifier(column))  # never amounts
            and head_stem(column) in self.subject
            and found.distinct == self.profile.rows - found.nulls
        )

    def is_numeric(self, column: str) -> bool:
        return self.type_of(column) in ("integer", "number")

    def is_zero_one(self, column: str) -> bool:
        """A 0/1 flag (IS_TRADE): numeric as stored, a yes/no as meant."""
        found = self.profile.column(column)
        return (
            found is not None
            and found.type == "integer"
            and found.min == 0
            and found.max == 1
            and found.distinct == 2
        )

    def holds_amounts(self, column: str) -> bool:
        """Numbers, or text cells most of which write one ("38:20", "1.2 million", "1,094 km"):
        amounts to rank or add up, never things to count one by one; names ("Kettle") are not."""
        if self.is_numeric(column):
            return True
        if column in self.number_texts:
            return True
        cells = [
            _FOOTNOTE.sub("", str(c))
            for c in list(self.values.get(column, {}).values())[:200]
            if any(ch.isdigit() for ch in str(c))
        ]
        # an amount with a word after it ("1.2 million"), or a clock time; never a code
        # ("8525-001", "S0001") or a season ("1983/84")
        amounts = sum(1 for c in cells if _AMOUNT.match(c) or _CLOCK.match(c))
        return bool(cells) and amounts >= 0.8 * len(cells)

    def holds_whole_numbers(self, column: str) -> bool:
        """Whole numbers, typed so or read as floats because a cell was blank ("Votes" with a
        dash for one party): a count, a year or a place either way."""
        return self.type_of(column) == "integer" or column in self.whole

    # -- columns ------------------------------------------------------------------------------
    def column_mentions(self, words: list[str]) -> list[ColumnMention]:
        """Every column whose name (or its significant words) appears in ``words``, best first."""
        from rapidfuzz import fuzz

        found: list[ColumnMention] = []
        for column in self.column_tokens:
            mention = self._mention(column, self.column_tokens[column], words, fuzz.ratio)
            whole = self.whole_tokens[column]
            if whole != self.column_tokens[column]:
                other = self._mention(column, whole, words, fuzz.ratio)
                # "rental" is one word of rentalFee, never a misspelling of it whole
                part = (
                    other is not None
                    and other.score < 1.0
                    and set(words[other.start : other.end]) <= set(self.column_tokens[column])
                )
                if (
                    other is not None
                    and not part
                    and (mention is None or other.score > mention.score)
                ):
                    mention = other
            core = self._names_without_qualifiers.get(column)
            if core is not None and (mention is None or mention.score < 0.9):
                said = self._mention(column, core, words, fuzz.ratio)
                if said is not None and said.score >= 1.0:
                    mention = said
            for variant in _with_a_preposition(self.column_tokens[column]):
                # "visitors in 2023" names "Visitors 2023" in full
                said = self._mention(column, variant, words, fuzz.ratio)
                if said is not None and said.score >= 1.0:
                    mention = said
                    break
            if mention is not None:
                found.append(mention)
        # A word that names one column in full is not also a partial hint at another
        # ("players" is Player, not Played).
        strong = {i for m in found if m.score >= 0.9 for i in range(m.start, m.end)}
        # ... though its other words may: "dog" of "dog breed" is Dog Breed's, and "weight"
        # later in the question is still a hint at dog_weight_kg
        rest = ["" if i in strong else w for i, w in enumerate(words)]
        said_strongly = {words[i] for i in strong}
        kept: list[ColumnMention] = []
        for m in found:
            covered = set(range(m.start, m.end))
            if m.score >= 0.6 and self._abbreviation_before(m, found, words):
                kept.append(m)  # "deposit amount" for dep_amt beside amt: the longer name
                continue
            # "the rental with the highest fee": "rental" names rental_id better than one word
            # of rental_fee, whose other word is said later
            better = {
                i
                for n in found
                if n.column != m.column and n.score >= 0.8 and n.score > m.score + 0.1
                for i in range(n.start, n.end)
            }
            if m.score < 0.9 and covered & better and not covered & strong:
                blanked = ["" if i in better else w for i, w in enumerate(words)]
                again = self._partial_mention(m.column, self.column_tokens[m.column], blanked)
                if again is not None and again.score >= 0.6:
                    m = again
                    covered = set(range(m.start, m.end))
            if m.score < 0.9 and covered & strong:
                again = self._partial_mention(m.column, self.column_tokens[m.column], rest)
                if (
                    again is None
                    or again.score < 0.6  # (a whole word of the name, never a near spelling)
                    or {words[i] for i in range(again.start, again.end)} & said_strongly
                ):
                    continue  # (nor the same word again: "units … units")
                m = again
            kept.append(m)
        taken = {i for m in kept if m.score >= 0.6 for i in range(m.start, m.end)}
        kept += self._written_short(words, taken, {m.column for m in kept if m.score >= 0.6})
        kept.sort(key=lambda m: (-m.score, m.start))
        return kept

    @functools.cached_property
    def _names_without_qualifiers(self) -> dict[str, list[str]]:
        """Names a number only qualifies ("Visitors (2023)", "Population 2020 census"): their
        other words, which said alone name the column in full, unless another column's name
        has the same other words ("Sales 2022" beside "Sales 2023": the year tells them apart)."""
        stripped = {c: _without_qualifiers(names) for c, names in self.column_tokens.items()}
        every = Counter(tuple(core) for core in stripped.values())
        return {
            c: core
            for c, core in stripped.items()
            if core and core != self.column_tokens[c] and every[tuple(core)] == 1
        }

    @functools.cached_property
    def _short_header_words(self) -> dict[str, list[str]]:
        """Each column's header words that may be a word written short, read once per table:
        the words as the header writes them, never stems ("rat" of rating is no word); never
        units ("min" is minutes wherever it is written) nor the short forms the lexicon
        knows ("pct" is percent, never "perfect"). Only a header written as one identifier of
        several words (tkt_amt, vnuNm, AUD_CNT) is an export's: one written in words with
        spaces ("First lit") or of one word ("Gold") was written for people, and its short
        words are words ("lit" is never "light", nor "gold" Gotland)."""
        from .offline.units import is_unit  # (units import this module)

        out: dict[str, list[str]] = {}
        for column in self.column_tokens:
            words = header_words(column)
            if len(words) < 2 or any(character.isspace() for character in column.strip()):
                continue
            out[column] = [
                name
                for name in words
                if 3 <= len(name) <= 5 and not is_unit(name) and name not in ABBREVIATIONS
            ]
        return out

    def _written_short(
        self, words: list[str], taken: set[int], named: set[str]
    ) -> list[ColumnMention]:
        """Terse export headers said in full: "audience" for aud_cnt, "ticket" for tkt_amt,
        "programme" for prg_typ. A word no column names otherwise, that shortens to a word of
        exactly one column's name (its first letters, or its consonants in order), names that
        column, as weakly as one word of a longer name."""
        out = []
        for i, word in enumerate(words):
            if i in taken or len(word) < 4 or not word.isalpha() or word in STOPWORDS:
                continue
            hits = {
                column
                for column, names in self._short_header_words.items()
                if any(shortens(name, word) for name in names)
            }
            if len(hits) == 1 and not hits & named:  # (named already: "turnaround … hours")
                out.append(ColumnMention(hits.pop(), i, i + 1, 0.62))
        return out

    @staticmethod
    def _abbreviation_before(
        m: ColumnMention, found: list[ColumnMention], words: list[str]
    ) -> bool:
        """Whether ``m`` is a full mention of another column widened by words its name writes
        abbreviated: "deposit amount" for dep_amt around "amount" (amt)."""
        spaced = _CAMEL.sub(" ", fold_accents(m.column)).replace("_", " ").lower()
        written = [t for t in _TOKEN.findall(spaced) if t in ABBREVIATIONS and len(t) >= 3]
        covered = set(range(m.start, m.end))
        for n in found:
            inner = set(range(n.start, n.end))
            if n.score < 0.9 or n.column == m.column or not covered > inner:
                continue
            extra = covered - inner
            if written and all(any(words[i].startswith(t) for t in written) for i in extra):
                return True
        return False

    def _mention(
        self,
        column: str,
        name_tokens: list[str],
        words: list[str],
        ratio: Callable[[str, str], float],
    ) -> ColumnMention | None:
        if not name_tokens:
            return None
        best: ColumnMention | None = None
        n = len(name_tokens)
        for start in range(len(words) - n + 1):
            window = words[start : start + n]
            if window == name_tokens:
                best = ColumnMention(column, start, start + n, 1.0 + 0.01 * n)
                break
            joined, target = " ".join(window), " ".join(name_tokens)
            if any(w in STOPWORDS for w in window):
                continue  # "employee in" is not a typo of "employee id"
            if any(w in _measure_cues() and w not in name_tokens for w in window):
                continue  # "complaint rate" is no typo of complaintRaised: a rate of it
            if len(target) >= 5 and ratio(joined, target) >= 88:
                best = ColumnMention(column, start, start + n, 0.9)
        if best is None:
            best = self._partial_mention(column, name_tokens, words)
        return best

    def _partial_mention(
        self, column: str, name_tokens: list[str], words: list[str]
    ) -> ColumnMention | None:
        """Some words of a longer name: "departure delay" for dep_delay_min.

        Hits next to each other form one mention, widened by neighbouring words of the
        name ("first response" for "First Response (min)"); a lone abbreviation ("dep")
        counts only beside another hit.
        """
        # (a number in the name qualifies it, "Visitors (2023)", "Population 2020 census": the
        # noun said alone names the column as fully as beside a unit; unless it tells the
        # column from others of the same noun: "attended in 2006" is "2006 attendance")
        apart = column not in self._names_without_qualifiers
        significant = [
            t
            for t in name_tokens
            if t not in STOPWORDS and len(t) > 2 and (apart or not t.isdigit())
        ]
        # "fees per show" of showName: a word of the name that is also a command word
        # ("show", "name", "list") is the column's where it follows a grouping word
        grouped = {
            p
            for p in range(1, len(words))
            if words[p - 1] in _GROUPING_WORDS
            and words[p] in name_tokens
            and words[p] in STOPWORDS
            and len(words[p]) > 2
        }
        if not significant and not grouped:
            return None
        spaced = _CAMEL.sub(" ", fold_accents(column)).replace("_", " ").lower()
        written = [t for t in _TOKEN.findall(spaced) if t in ABBREVIATIONS]
        hits: dict[int, float] = {}
        for position, word in enumerate(words):
            if (
                word in significant
                or position in grouped
                or agent_noun_of(word, significant)
                or written_without_vowels(word, significant)  # "refunded" for rfnd_flg
            ):
                # ("the largest producer" beside Production, "the biggest employer" beside
                # Employees: the one who does it, measured by what is done)
                hits[position] = 0.5 + 0.3 / len(significant or name_tokens)
            elif len(word) >= 5 and any(
                (len(t) >= 5 and (t.startswith(word) or word.startswith(t)))
                or (len(t) == 4 and len(word) >= 6 and word.startswith(t))  # "lang" ~ "language"
                for t in significant
            ):
                hits[position] = 0.45 + 0.2 / len(significant)  # "attend" ~ "attendance"
            elif any(
                3 <= len(t) <= 4 and word.startswith(t) and len(word) >= len(t) + 3
                for t in significant + written
            ):
                # "dep" ~ "departure", and "deposit" for the "dep" of dep_amt (written so,
                # whatever the abbreviation is read as): only beside another hit
                hits[position] = 0.0
        runs: list[list[int]] = []
        for position in sorted(hits):
            if (
                runs
                and position - runs[-1][-1] <= 2
                and all(words[i] in name_tokens for i in range(runs[-1][-1] + 1, position))
            ):
                runs[-1].append(position)
            else:
                runs.append([position])
        best: ColumnMention | None = None
        for run in runs:
            top = max(hits[i] for i in run)
            if len(run) == 1 and top == 0.0:
                continue
            start, end = run[0], run[-1] + 1
            while start > 0 and words[start - 1] in name_tokens:
                start -= 1
            while end < len(words) and words[end] in name_tokens:
                end += 1
            score = top if len(run) == 1 else min(0.85, max(top, 0.45) + 0.15 * (len(run) - 1))
            if best is None or score > best.score:
                best = ColumnMention(column, start, end, score)
        return best

    # -- values -------------------------------------------------------------------------------
    def value_mentions(
        self, words: list[str], *, skip: set[int] | None = None
    ) -> list[ValueMention]:
        """Phrases of the question that equal a cell value of some text column; longest first."""
        skip = skip or set()
        found: list[ValueMention] = []
        taken: set[int] = set()
        for size in range(min(MAX_NGRAM, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                span = set(range(start, start + size))
                if span & taken or span & skip:
                    continue
                phrase = " ".join(words[start : start + size])
                if size == 1 and (phrase in STOPWORDS or len(phrase) < 2):
                    continue
                matches = [
                    (column, mapping[phrase])
                    for column, mapping in self.values.items()
                    if phrase in mapping
                ]
                matches += [
                    (column, held[phrase][0])
                    for column, held in self.items.items()
                    if phrase in held and phrase not in self.values[column]
                ]
                if not matches:
                    continue
                # A value found in several columns: prefer the column with fewer distinct values.
                matches.sort(key=lambda item: len(self.values[item[0]]))
                column, value = matches[0]
                is_item = phrase in self.items.get(column, {})
                also = tuple(dict.fromkeys(c for c, _ in matches[1:] if c != column))
                found.append(
                    ValueMention(column, value, start, start + size, item=is_item, also=also)
                )
                taken |= span
        found.sort(key=lambda m: m.start)
        return found

    def partial_value_mentions(self, words: list[str], skip: set[int]) -> list[ValueMention]:
        """Words found inside cell values ("jamaica" in "Jamaica (JAM)", "canadian" ~ "Canada").

        A word matches a value word that equals it or shares its first five letters; the
        column with the fewest such values wins (the most specific).
        """
        found: list[ValueMention] = []
        for position, word in enumerate(words):
            if position in skip or word in STOPWORDS or len(word) < 4 or word.isdigit():
                continue
            best: tuple[str, list[object], bool] | None = None
            for column, mapping in self.values.items():
                if len(mapping) > 5000 or column in self.free_text:
                    continue
                hits = [
                    value
                    for key, value in mapping.items()
                    if _word_in(word, key) or _people_of(word, value)
                ]
                if hits and (best is None or len(hits) < len(best[1])):
                    whole = all(f" {word} " in f" {normalize(v)} " for v in hits)
                    best = (column, hits, whole)
            if best is not None:
                column, hits, whole = best
                found += [
                    ValueMention(column, v, position, position + 1, exact=False, whole_word=whole)
                    for v in hits
                ]
        return found


_REMARK_WORDS = frozenset(
    {"notes", "note", "remarks", "remark", "comments", "comment", "description", "details"}
)


def _word_in(word: str, key: str) -> bool:
    if f" {word} " in f" {key} ":
        return True
    if len(word) < 5:
        return False
    prefix = word[:5]
    return any(part.startswith(prefix) and abs(len(part) - len(word)) <= 3 for part in key.split())


# Endings that make a noun of people from what they play or come from ("wingers", "defencemen")
_PEOPLE_ENDINGS = frozenset({"er", "ers", "man", "men", "ian", "ians", "ist", "ists"})


def _people_of(word: str, value: object) -> bool:
    """Whether ``word`` names people by a word of the cell ``value``: "winger" by "Left
    wing", "defencemen" by "Defence". Compared with the cell as written, not its stem."""
    for part in re.findall(r"[a-z]+", str(value).lower()):
        if len(part) >= 4 and word.startswith(part) and word[len(part) :] in _PEOPLE_ENDINGS:
            return True
    return False


@functools.lru_cache(maxsize=1)
def _measure_cues() -> frozenset[str]:
    """The measure cue words as questions and names are matched (stemmed: "rate" is "rat")."""
    return frozenset(_MEASURE_CUE_WORDS) | frozenset(singular(w) for w in _MEASURE_CUE_WORDS)
