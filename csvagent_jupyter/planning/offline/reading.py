"""Reading: ground every word of a question on this table.

The reader splits the question into words, finds the numbers (with k/m, %, currency
and thousands separators), and lists what each word or phrase *can* mean here: a
column, a cell value, a lexicon cue. It decides nothing: several readings of one word
stay side by side ("carrier" the column and 'Carrier' the value) and the candidates
choose. What it does fix is which words carry content, so that a candidate that leaves
one of them unexplained can be told from one that explains the whole question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ...analysis.plan import Derive
from ..schema_index import (
    RESULT_CODES,
    STOPWORDS,
    ColumnMention,
    SchemaIndex,
    ValueMention,
    fold_accents,
    head_stem,
    header_words,
    modifier_stems,
    normalize,
    singular,
    tokens,
    without_footnotes,
)
from . import lexicon
from .derived import amounts_in_text, find_derived, the_one_year_text, years_in_text
from .evaluative import restate_judgements
from .letters import letter_values
from .named_by_use import events_of_flags, exact_word_first, in_the_column_named_after, occasions
from .people_words import (
    country_of,
    people_values,
    practises,
    role_of,
    sex_of,
    table_subject,
)
from .units import column_unit, is_unit, powers_written_short, unit_of
from .won_rows import rows_are_wins
from .written_dates import date_literals

COUNT_NAME_WORDS = frozenset(singular(w) for w in ("number", "count", "units", "total"))
_TOKEN = re.compile(
    r"(?P<number>(?<![\w.])[-+−]?[$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    # a multiplier word, or a letter written against the number ("5m", "$2bn"): "0.4 m" is
    # 0.4 of a unit, never 400,000
    r"(?:(?:\s?(?:bn|million|thousand|billion)|k|m|b)\b)?(?:\s?%)?(?![\w]))"
    r"|(?P<word>[a-z0-9]+(?:'[a-z]+)?|%|#|/|\*|×)",
    re.IGNORECASE,
)
MAX_PARTIAL_HITS = 3
TABLE_WORDS = frozenset({"chart", "list", "table", "data", "dataset", "file", "sheet", "results"})
_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}


@dataclass(frozen=True)
class Number:
    """A number of the question, at one word position."""

    value: float
    position: int
    text: str
    percent: bool = False
    currency: bool = False

    @property
    def is_integer(self) -> bool:
        return float(self.value).is_integer()

    @property
    def could_be_year(self) -> bool:
        return (
            self.is_integer
            and 1800 <= self.value <= 2100
            and not self.percent
            and not self.currency
            and "," not in self.text
        )


@dataclass
class Reading:
    """The grounded question: words, numbers, and what each phrase may name on this table."""

    question: str
    words: list[str]  # lower case, numbers as written
    norm: list[str]  # stemmed and abbreviations expanded, for matching names
    numbers: dict[int, Number]
    columns: list[ColumnMention] = field(default_factory=list)
    values: list[ValueMention] = field(default_factory=list)
    partial_values: list[ValueMention] = field(default_factory=list)
    subject: frozenset[str] = frozenset()  # stems that name the table's rows (its file name)
    derived: dict[str, Derive] = field(default_factory=dict)  # formulas the question names
    name_stems: frozenset[str] = frozenset()  # every word of every column name, stemmed
    # the other words of names that count ("Number built", "Units sold"): "were built" asks it
    counted_stems: frozenset[str] = frozenset()
    acronyms: frozenset[int] = frozenset()  # "IT", "US": capitals that name a cell value
    proper: frozenset[int] = frozenset()  # "Texas", "Oregon": capitalised inside the sentence
    capitals: frozenset[int] = frozenset()  # "ROAS", "CTR": words written in capitals
    joined: frozenset[int] = frozenset()  # "on time" of ontime_flg: filler no more
    rows_modifiers: frozenset[int] = frozenset()  # "clock" of "clock towers": the rows' noun
    topic: frozenset[int] = frozenset()  # "Davis Cup" in davis_cup_finals.csv: the file's name
    dates: dict[int, str] = field(default_factory=dict)  # "2021-06-30" written in the question
    # "Canadians", "women": people named by a trait the table may record, never the rows
    people: frozenset[int] = frozenset()
    letters: frozenset[int] = frozenset()  # "got an A", "grade C": a mark given, to be placed
    negated: frozenset[int] = frozenset()  # "unvaccinated", "ineligible": a name's opposite
    written: dict[int, str] = field(default_factory=dict)  # "worst", restated as "lowest"
    # "scrapped" beside cells "Scrapped 1935": a word that opens a cell picks rows
    cell_openings: frozenset[int] = frozenset()
    rows_are_wins: bool = False  # "squash_titles.csv", a race's winners by year
    # words of the names of columns that can date or measure an event (dates, written years,
    # numbers: "Age at election"), never a place or a name ("Launch site")
    timed_name_stems: frozenset[str] = frozenset()
    dated_columns: frozenset[str] = frozenset()  # dates, written years: what "when" asks
    numeric_columns: frozenset[str] = frozenset()
    shared_measure_stems: frozenset[str] = frozenset()  # "goal" of Goals, GF and GA
    file_words: frozenset[str] = frozenset()  # stems of the file's name ("marathon")

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def content(self) -> set[int]:
        """Positions a reading must explain: everything but filler and unit words, and the
        noun of a totality ("across all warehouses", "over all visits")."""
        totality = set()
        for i, word in enumerate(self.words[:-2]):
            # "across all warehouses": every row. Only a plain noun: "of all failing grades"
            # names the rows a share is taken of, so it stays content.
            if word in ("across", "over", "in") and self.words[i + 1] in ("all", "every"):
                last = i + 3 >= len(self.words) or self.words[i + 3] in lexicon.FILLER
                if last:
                    totality.add(i + 2)
        for i, word in enumerate(self.words[:-1]):
            if word in (
                "ignore",
                "ignoring",
                "excluding",
                "exclude",
                "skip",
                "skipping",
                "without",
            ) and (
                self.words[i + 1] in lexicon.MISSING_WORDS
                or self.words[i + 1]
                in (
                    "blanks",
                    "nans",
                )
            ):
                totality |= {i, i + 1}  # aggregates skip missing values anyway
        for i, word in enumerate(self.words[:-1]):
            if word in ("took", "take", "takes", "taking") and self.words[i + 1] == "place":
                totality |= {i, i + 1}
            if self.words[i : i + 3] in (["at", "least", "one"], ["at", "least", "1"]):
                totality |= {i, i + 1, i + 2}  # "had at least one adverse event": there was one
            # "in this chart", "on the list": the table itself
            if (
                word in ("in", "on", "from")
                and i + 2 < len(self.words)
                and self.words[i + 1] in ("this", "the")
                and self.words[i + 2] in TABLE_WORDS
            ):
                totality.add(i + 2)
        # "during this season", "did this team face …": "this" and a noun that names nothing
        # on the table point at what the whole table is about
        placed = {i for m in self.columns if m.score >= 0.6 for i in range(m.start, m.end)}
        placed |= {i for v in self.values for i in range(v.start, v.end)}
        for i, word in enumerate(self.words[:-1]):
            noun = i + 1
            if (
                word == "this"
                and self.words[noun].isalpha()
                and noun not in placed
                and self.norm[noun] not in self.name_stems
                and not lexicon.is_cue(self.words[noun])
                and self.words[noun] not in lexicon.PERIOD_WORDS  # "this year" is a period
            ):
                totality.add(noun)
                if i and self.words[i - 1] in ("during", "in", "for", "on", "of"):
                    totality.add(i - 1)
        totality |= table_subject(self.words, self.norm, self.name_stems, placed)
        # "what was the time of the person who finished first": a relative pronoun after a
        # noun joins two phrases and asks nothing, once the question has asked already
        # ("of all regions, which has …" asks with it).
        totality |= {
            i
            for i, word in enumerate(self.words)
            if word in ("who", "which", "whom")
            and i > 1
            and self.words[i - 1].isalpha()
            and self.words[i - 1] not in lexicon.FILLER
            and not lexicon.is_cue(self.words[i - 1])
            and any(w in _QUESTION_WORDS for w in self.words[: i - 1])
        }
        # A unit word that is part of a column's name ("Minutes played") still has to be used,
        # and so does a common word that is a column's whole name ("amount", "number").
        named = {i for m in self.columns if m.score >= 0.6 for i in range(m.start, m.end)}
        whole = {m.start for m in self.columns if m.score >= 1.0 and m.end - m.start == 1}
        named |= {i for i, stem in enumerate(self.norm) if stem in self.name_stems}
        # "employees who report to Alice": a relation the table may not hold, never filler
        relation = {
            i
            for i, word in enumerate(self.words)
            if word in ("report", "reports", "reporting") and self.words[i + 1 : i + 2] == ["to"]
        }
        return (
            relation
            | self.letters
            | {
                i
                for i, word in enumerate(self.words)
                # the rows' noun ("orders" in orders.csv) is no content; a verb of the same stem
                # ("were returned" in returns.csv) is
                if (
                    self.norm[i] not in self.subject
                    or (i and self.words[i - 1] == "per")
                    or (word.endswith("ed") and len(word) > 4)
                )
                and (
                    (word not in lexicon.FILLER and word.strip("'") not in lexicon.FILLER)
                    # "fees per show", "by name": a command word after a grouping word is
                    # a thing the rows are grouped by, never the command
                    or (word in _COMMAND_WORDS and i and self.words[i - 1] in _GROUPING_WORDS)
                    or i in whole
                    or i in self.acronyms
                    or i in self.joined
                )
                and (word not in lexicon.UNITS or i in named)
                and i not in totality
            }
        )

    def names_a_column(self, position: int) -> bool:
        """Whether the word is a column's name or a thesaurus word for one ("movies" beside a
        Film column): such a word inside a longer cell ("Motherland Movies") is not that cell."""
        stem = self.norm[position]
        return stem in self.name_stems or any(
            singular(name) in self.name_stems for name in _SYNONYMS.get(stem, ())
        )

    def find(self, *phrases: str) -> list[tuple[int, int]]:
        """Spans (start, end) where any of the phrases occurs as whole words."""
        spans = []
        for phrase in phrases:
            parts = phrase.split()
            n = len(parts)
            for start in range(len(self.words) - n + 1):
                if self.words[start : start + n] == parts:
                    spans.append((start, start + n))
        return sorted(set(spans))

    def has(self, *phrases: str) -> bool:
        return bool(self.find(*phrases))

    def column_at(self, position: int) -> list[ColumnMention]:
        return [m for m in self.columns if m.start <= position < m.end]

    def columns_named(self, column: str) -> list[ColumnMention]:
        return [m for m in self.columns if m.column == column]


def _parse_number(text: str) -> tuple[float, bool, bool]:
    raw = text.strip().replace("−", "-")
    percent = raw.endswith("%")
    raw = raw.rstrip("%").strip()
    currency = bool(re.search(r"[$€£]", raw))
    raw = re.sub(r"[$€£]", "", raw)
    multiplier = 1.0
    match = re.search(r"\s?(k|m|bn|b|million|thousand|billion)$", raw, re.I)
    if match:
        multiplier = _MULTIPLIERS[match.group(1).lower()]
        raw = raw[: match.start()]
    return float(raw.replace(",", "")) * multiplier, percent, currency


def read(question: str, index: SchemaIndex) -> Reading:
    """Split, find numbers, and ground columns and values (see the module docstring)."""
    text = fold_accents(question.replace("’", "'").replace("“", '"').replace("”", '"'))
    text = powers_written_short(text)  # "in square metres" is the unit m2, never "Times Square"
    text = _SPELLED_AMOUNT.sub(_in_digits, text)  # "five million dollars" is 5,000,000
    text = _clock_times_in_seconds(text, index)  # "under 2:20:00" beside a column of times
    text = re.sub(r"(?<=\w)'s\b", "", text)  # "WN's delay" → "WN delay"
    text, written_dates = date_literals(text)
    text = _AGAIN.sub("re", text)  # "re-opened" is one verb, never "opened"
    text = _HYPHENATED.sub(lambda m: _joined_if_named(m, index), text)
    words: list[str] = []
    numbers: dict[int, Number] = {}
    capitals: set[int] = set()
    proper: set[int] = set()
    upper: set[int] = set()  # single letters written as capitals ("got an A")
    plural_acronyms: set[int] = set()
    hyphened: set[int] = set()  # words written joined to the next by a hyphen ("no-shows")
    for match in _TOKEN.finditer(text):
        if (
            text[match.end() : match.end() + 1] == "-"
            and text[match.end() + 1 : match.end() + 2].isalpha()
        ):
            hyphened.add(len(words))
        if match.group("number"):
            raw = match.group("number")
            value, percent, currency = _parse_number(raw)
            numbers[len(words)] = Number(value, len(words), raw, percent, currency)
            words.append(raw.lower().replace(" ", ""))
        else:
            written = match.group("word")
            if 2 <= len(written) <= 5 and written.isalpha() and written.isupper():
                capitals.add(len(words))
            if len(written) == 1 and written.isupper():
                upper.add(len(words))
            if words and written[:1].isupper() and written[1:2].islower():
                proper.add(len(words))
            if len(written) >= 3 and written[:-1].isupper() and written.endswith("s"):
                plural_acronyms.add(len(words))  # "SSRIs", "KPIs": a name, made plural
                proper.add(len(words))
            word = written.lower()
            word = lexicon.TYPOS.get(word, word)
            if word == "then" and words and words[-1] in _COMPARING:
                word = "than"  # "more then 130,000"
            if word in lexicon.NUMBER_WORDS and word != "one":
                numbers[len(words)] = Number(float(lexicon.NUMBER_WORDS[word]), len(words), word)
            words.append(word)
    for i, word in enumerate(words[1:-1], start=1):
        # "more than an hour", "within a day": one of the unit, compared
        if word in ("a", "an") and words[i + 1] in _TIME_UNITS and words[i - 1] in _ONE_UNIT_AFTER:
            numbers[i] = Number(1.0, i, word)
    norm = [_norm(word, i in numbers, numbers.get(i)) for i, word in enumerate(words)]
    for i in range(1, len(words)):  # "jobs have no amount": none, never "job number amount"
        if words[i] == "no" and words[i - 1] in _BEFORE_A_NONE and i not in hyphened:
            norm[i] = "no"
    for i in plural_acronyms:  # "ssris" is "ssri" made plural ("-is" otherwise stays: "analysis")
        norm[i] = words[i][:-1]
    for i, word in enumerate(words):
        shortened = _file_noun_written_short(word, norm[i], index)
        if shortened is not None:
            norm[i] = shortened  # "deliveries" in pharm_deliv.csv: the rows' noun
    heads = {stem for stem in norm if _head_of_the_file_noun(stem, index)}
    reading = Reading(question, words, norm, numbers, subject=index.subject | heads)
    reading.rows_are_wins = rows_are_wins(index)
    reading.dated_columns = index.dated_columns
    reading.numeric_columns = index.numeric_columns
    reading.timed_name_stems = index.timed_name_stems
    reading.shared_measure_stems = index.shared_measure_stems
    reading.file_words = index.file_words
    reading.dates = {i: written_dates[w] for i, w in enumerate(words) if w in written_dates}
    if len(proper) * 2 < len(words):  # not a question in Title Case throughout
        reading.proper = frozenset(proper)
    reading.capitals = frozenset(capitals)
    reading.name_stems = frozenset(
        t for names in index.column_tokens.values() for t in names if len(t) > 2
    )
    reading.counted_stems = frozenset(
        t
        for names in index.column_tokens.values()
        if set(names) & COUNT_NAME_WORDS
        for t in names
        if len(t) > 2 and t not in COUNT_NAME_WORDS
    )
    reading.negated = frozenset(
        i
        for i, word in enumerate(words)
        if (rest := without_negation(word)) is not None
        and singular(rest) in reading.name_stems
        and norm[i] not in reading.name_stems
    )
    reading.values = [
        v
        for v in index.value_mentions(norm)
        if not _only_filler(words[v.start : v.end])
        and not _compared(words, numbers, v)
        # "the 1930s" is a decade, never the cell "1930" its singular would find
        and not any(lexicon.DECADE.fullmatch(w) for w in words[v.start : v.end])
        and not _article_read_as_a_letter(words, upper, v)
        and not _a_verb_read_as_a_cell(words, v)
        and not _another_word_of_its_stem(words, v)
        # a cell that writes its own column's name (STATION in STATION, a header repeated in
        # the data) never stands for the word that names the column
        and str(v.value).strip().casefold() != v.column.strip().casefold()
    ]
    acronyms = _acronym_values(
        words, capitals, index, {i for v in reading.values for i in range(v.start, v.end)}
    )
    reading.people = frozenset(
        i
        for i, w in enumerate(words)
        if country_of(w) is not None or sex_of(w) is not None or role_of(w) is not None
    )
    taken_values = {i for v in [*reading.values, *acronyms] for i in range(v.start, v.end)}
    people = people_values(words, index, set(reading.people) - taken_values)
    reading.values = sorted([*reading.values, *acronyms, *people], key=lambda v: v.start)
    reading.acronyms = frozenset(v.start for v in acronyms)
    lettered = [i for i, w in enumerate(words) if w.isalpha()]
    case_means = len(proper) * 2 < len(words) and len(capitals) * 2 < len(lettered)
    marks, letters = letter_values(
        words,
        upper,
        set(numbers),
        {i for v in reading.values for i in range(v.start, v.end)},
        index,
        case_means=case_means,
    )
    reading.values = sorted([*reading.values, *marks], key=lambda v: v.start)
    routes = _routes_in_one_cell(norm, index)
    if routes:  # "from France to England" is the one cell "France–England", never two words
        covered = {i for v in routes for i in range(v.start, v.end)}
        kept = [v for v in reading.values if not set(range(v.start, v.end)) & covered]
        reading.values = sorted([*kept, *routes], key=lambda v: v.start)
    reading.letters = frozenset(letters)
    value_spans = {i for v in reading.values for i in range(v.start, v.end)}
    mentions = list(index.column_mentions(norm))
    mentions += _repeated_mentions(norm, mentions)
    events = events_of_flags(words, index, mentions, value_spans)
    mentions += [m for m in events if index.type_of(m.column) != "datetime"]
    formulas, reading.derived = find_derived(words, mentions, index)
    mentions += formulas
    # A near miss ("float_000" for "float 001") never competes with an exact name on the same words.
    exact = {(m.start, m.end) for m in mentions if m.score >= 1.0}
    mentions = [m for m in mentions if m.score >= 1.0 or (m.start, m.end) not in exact]
    # the date of an event ("churned" → churn_date) stands beside the flag of the same word
    mentions += [m for m in events if index.type_of(m.column) == "datetime"]
    strong = {i for m in mentions if m.score >= 0.9 for i in range(m.start, m.end)}
    mentions += [
        m
        for m in _synonym_mentions(norm, index, {(m.column, m.start) for m in mentions})
        if m.start not in strong  # "score" names the score column, not a synonym's "grade"
    ]
    # "total revenue" where one column holds the money taken (PRICE_GBP, ticketPrice, amt)
    covered = {
        i
        for m in mentions
        if m.score >= 0.9
        or (m.score >= 0.6 and index.is_numeric(m.column) and not index.is_identifier(m.column))
        for i in range(m.start, m.end)
    }  # ("revenue" as a sense of Sale ID names no amount)
    mentions += _money_taken(words, index, covered)
    # "total P", "the highest Win %": a header written exactly as the file writes it (a
    # letter in capitals, a name with its "%") is that column, whatever it stands for
    as_written = {c.name: c.name for c in index.profile.column_profiles}
    mentions += [
        ColumnMention(as_written[words[i].upper()], i, i + 1, 1.05)
        for i in upper | capitals
        if words[i].upper() in as_written
    ]
    mentions = [
        ColumnMention(m.column, m.start, m.end + 1, m.score)
        if "%" in m.column and words[m.end : m.end + 1] == ["%"]
        else m
        for m in mentions
    ]
    # "clock towers" in clock_towers.csv: "clock" is part of the rows' own noun, never the
    # Clock faces it half names
    mentions = [
        m
        for m in mentions
        if not (
            m.score < 1.0
            and m.end - m.start == 1
            and norm[m.start] in reading.name_stems  # a word of its name, not "cheapest"
            and m.end < len(norm)
            and norm[m.end] in index.subject
            and index.is_numeric(m.column)
            and not index.is_identifier(m.column)
            and not index.is_zero_one(m.column)  # "trade orders" with IS_TRADE: which orders
            # ("the longest-distance hire": the distance is what the superlative ranks)
            and not (m.start and lexicon.is_superlative(words[m.start - 1]))
        )
    ]
    # ("zip" of "zip lines" in zip_lines.csv: the file names its rows so)
    reading.rows_modifiers = frozenset(
        i
        for i in range(len(norm) - 1)
        if norm[i + 1] in index.subject
        and (norm[i] in reading.name_stems or norm[i] in index.file_words)
        and not any(m.start <= i < m.end for m in mentions)
    )
    # "who won the Davis Cup in 1997" in davis_cup_finals.csv: the file's own name for what
    # its rows are of, said again; it picks no rows here
    reading.topic = frozenset(
        i
        for i in range(len(norm))
        if norm[i] in index.file_words
        and words[i].isalpha()
        and not any(m.start <= i < m.end for m in mentions if m.score >= 0.6)
    )
    compounds = _compound_mentions(words, index, {(m.start, m.end) for m in mentions})
    reading.joined = frozenset(i for m in compounds for i in range(m.start, m.end))
    mentions += compounds
    held = [i for i, w in enumerate(words) if w in lexicon.CAPACITY_VERBS]
    if held:  # "holds the most people": the people are what the capacity counts
        mentions = [
            m
            for m in mentions
            if not (m.start > held[0] and words[m.start] in lexicon.HEADCOUNT_NOUNS)
        ]
    mentions += _named_by_its_unit(words, numbers, index, mentions)
    mentions += _tally_named_by_its_verb(words, index, mentions)
    mentions = _undominated(_implied_only_when_unnamed(mentions, words, norm, index))
    mentions = exact_word_first(mentions, norm, index)
    mentions = _written_name_first(mentions, words)
    # "busiest month" names no "Age (months)": a unit word in a name says how it is counted
    mentions = [m for m in mentions if m.score >= 1.0 or not _only_its_unit(words, m, index)]
    # "won more times", "how many times": occasions, never a Time column; "average locker
    # number" names no heart_rate_avg: an aggregate word alone names no column
    mentions = [
        m
        for m in mentions
        if not occasions(words, m)
        and not (
            m.score < 1.0 and all(w in lexicon.AGGREGATE_WORDS for w in words[m.start : m.end])
        )
    ]
    # "season 2" beside "No. in season": a season numbered, never the episode's number in it
    mentions = [m for m in mentions if not _what_a_number_is_in(m, norm, numbers)]
    # "goalkeepers" is never a near miss of Goals: a word for people says who, not how much
    mentions = [
        m for m in mentions if m.score >= 0.9 or not set(range(m.start, m.end)) & reading.people
    ]
    # a weak name inside a cell value said is the value's, unless used as a column
    reading.columns = []
    for m in mentions:
        if set(range(m.start, m.end)) <= value_spans and m.score < 1.0:
            used = _used_as_a_column(m, words, norm)
            if used is not m:
                reading.columns.append(used)
        else:
            reading.columns.append(m)
    reading.columns += _prizes_of_the_total(words, reading.columns, index)
    reading.values = [
        v
        for v in reading.values
        if not _aggregate_of_a_measure(words, v, reading.columns, index)
        and not _a_word_of_a_longer_name(v, reading.columns)
    ]
    value_spans = {i for v in reading.values for i in range(v.start, v.end)}
    # years and amounts written in text cells, as numbers, when the question asks for one
    # a year, a decade, or an order in time ("recorded first", "the earliest"): cells that
    # write a date or a year in text then compare and sort by that year
    asks_a_year = any(n.could_be_year for n in numbers.values()) or any(
        lexicon.DECADE.fullmatch(w)
        or (
            w in lexicon.TIME_ORDER_WORDS
            and not lexicon.NOT_A_ROW.intersection(words[i + 1 : i + 2])
        )
        for i, w in enumerate(words)
    )
    names = {t for name in index.column_tokens.values() for t in name}
    if any(words[i] in names for i, n in numbers.items() if n.could_be_year):
        asks_a_year = False  # "the 2000 AnimeIowa" beside a "2000 attendance" column
    compares = any(n.could_be_year for n in numbers.values()) or any(
        lexicon.DECADE.fullmatch(w) for w in words
    )
    years, year_derives = years_in_text(reading.columns, index, asks_a_year, compares)
    reading.columns += years
    reading.derived.update(year_derives or the_one_year_text(index, compares and asks_a_year))
    asks_an_amount = any(not n.could_be_year for n in numbers.values()) or any(
        w in lexicon.AGGREGATE_WORDS
        or w in lexicon.MAX_WORDS
        or w in lexicon.MIN_WORDS
        or lexicon.is_superlative(w)
        or w in ("than", "difference", "combined")
        # "how many visitors did the Louvre have" on "8.9 million": an amount, in its scale
        or (w == "many" and "how" in words)
        or (w in lexicon.COMPARATIVES and w in lexicon.SYNONYMS)  # "which is taller, A or B"
        for w in words
    )
    amounts, amount_derives = amounts_in_text(reading.columns, index, asks_an_amount)
    reading.columns += amounts
    reading.derived.update(amount_derives)
    reading.values = [
        in_the_column_named_after(v, reading.columns, norm, index) for v in reading.values
    ]
    reading.columns.sort(key=lambda m: (-m.score, m.start))
    # "the worst goal difference": the lowest
    reading.written = restate_judgements(words, norm, reading.columns, index)
    taken = value_spans | {
        i for m in reading.columns if m.score >= 0.6 for i in range(m.start, m.end)
    }
    taken |= {i for i, w in enumerate(words) if _is_function_word(w) or i in numbers}
    # "by what percent did returns change": the change asked, never part of "Changed Mind"
    taken |= {i for i, w in enumerate(words) if w in lexicon.CHANGE_CUES}
    partial = index.partial_value_mentions(norm, taken)
    bare = [v for v in partial if _all_but_its_marks(v, words)]
    partial = [v for v in partial if v not in bare]
    reading.values = sorted(
        reading.values + [replace(v, exact=True, whole_word=False) for v in bare],
        key=lambda v: v.start,
    )
    reading.values, where = _held_where(words, reading.values, index)
    partial += where
    # A word inside many values of a column ("university" in a list of universities) is the
    # column's vocabulary, not a filter.
    per_word: dict[tuple[str, int], int] = {}
    for v in partial:
        per_word[(v.column, v.start)] = per_word.get((v.column, v.start), 0) + 1
    # One word of a remark ("served" in "Served during the war") is no filter; several words of
    # the same remark ("nominated for an academy award") describe it together.
    words_in_cell: dict[tuple[str, str], set[int]] = {}
    for v in partial:
        words_in_cell.setdefault((v.column, str(v.value)), set()).add(v.start)
    reading.cell_openings = frozenset(
        i for i, w in enumerate(words) if len(w) > 3 and i not in taken and index.opens_a_cell(w)
    )
    reading.partial_values = _with_the_next_word(
        [
            v
            for v in partial
            if per_word[(v.column, v.start)] <= MAX_PARTIAL_HITS
            and (v.column not in index.remarks or len(words_in_cell[(v.column, str(v.value))]) > 1)
            and not _compares(words, v.start)
            and not _after_a_prefix(v, norm)
        ],
        norm,
    )
    return reading


_BRACKETS_AND_MARKS = re.compile(r"\([^)]*\)|\[[^\]]*\]|[*†‡§^]")


def _all_but_its_marks(value: ValueMention, words: list[str]) -> bool:
    """ "did Shetland win" beside a Nation of "Shetland (SHE)", "the Contra dam" beside
    "Contra (Verzasca)", "Jersey" beside "Jersey (JEY)*": the cell is the name said but for
    its bracketed code or qualifier, footnote or mark, so it is named whole."""
    cell = str(value.value)
    bare = _BRACKETS_AND_MARKS.sub(" ", cell)
    if bare == cell:
        return False  # nothing but the name: a partial match is a word of it, or its stem
    said = words[value.start : value.end]
    return re.findall(r"\w+", fold_accents(bare).lower()) == said


_GROUPING_WORDS = frozenset({"by", "per", "each", "every", "which"})


def _used_as_a_column(m: ColumnMention, words: list[str], norm: list[str]) -> ColumnMention:
    """ "how many jobs did each sweep do" beside SWEEP_NM and a JOB_TYPE of "Sweep": the noun
    a column's name is about, said after "each", "per", "by" or "which", is used as that
    column, as surely as its whole name, though a cell of another column writes it too (the
    value stays a reading beside it). Otherwise the mention is returned as it is."""
    if (
        m.score >= 0.9
        or m.end - m.start != 1
        or not m.start
        or words[m.start - 1] not in _GROUPING_WORDS
        or head_stem(m.column) != norm[m.start]
    ):
        return m
    return ColumnMention(m.column, m.start, m.end, 0.9)


_PRIZE_KINDS = frozenset({"gold", "silver", "bronze"})
_PRIZE_STEMS = frozenset(singular(w) for w in lexicon.PRIZE_WORDS)


def _prizes_of_the_total(
    words: list[str], columns: list[ColumnMention], index: SchemaIndex
) -> list[ColumnMention]:
    """ "how many medals did Gibraltar win" on a medal table (Gold, Silver, Bronze, Total):
    the medals of every kind are its Total column. Only a prize word said alone: "gold
    medals" are the Gold column's, and a table with no Total column is not added up here."""
    counted = [
        c
        for c, name in index.column_tokens.items()
        if set(name) & _PRIZE_STEMS and index.holds_whole_numbers(c)
    ]
    totals = [
        c for c, name in index.column_tokens.items() if name == ["total"] and index.is_numeric(c)
    ]
    if len(counted) < 2 or len(totals) != 1:
        return []
    named = {i for m in columns if m.score >= 0.6 for i in range(m.start, m.end)}
    return [
        ColumnMention(totals[0], i, i + 1, 0.9)
        for i, word in enumerate(words)
        if word in lexicon.PRIZE_WORDS
        and word not in _PRIZE_KINDS
        and i not in named
        and not (i and (i - 1 in named or words[i - 1] in _PRIZE_KINDS))
    ]


# Prefixes that make another thing of the word they are joined to: a semi-final is no final
def _after_a_prefix(value: ValueMention, norm: list[str]) -> bool:
    """ "reach a World Cup final" against cells "Semi-finals", "Quarter-finals": a word the
    cell joins to a prefix the question does not say names another thing."""
    said = norm[value.start : value.end]
    cell = re.findall(r"[a-z]+(?:-[a-z]+)*", fold_accents(str(value.value)).lower())
    for word in cell:
        parts = word.split("-")
        if len(parts) > 1 and parts[0] in lexicon.JOINED_PREFIXES and singular(parts[-1]) in said:
            return parts[0] not in norm
    return False


# "held in Jamaica", "hosted at Wembley": the place of the event, in a column that holds places
_WHERE_VERBS = frozenset(
    {"held", "hosted", "located", "staged", "played", "based", "situated", "sited"}
)
_PLACE_NAME_TOKENS = frozenset(
    singular(w)
    for w in ("host", "venue", "location", "city", "country", "site", "stadium", "ground",
              "town", "region", "state", "nation")
)  # fmt: skip


def _held_where(
    words: list[str], values: list[ValueMention], index: SchemaIndex
) -> tuple[list[ValueMention], list[ValueMention]]:
    """ "How many tournaments were held in Jamaica" beside a Third place of "Jamaica" and a
    Host city of "Kingston, Jamaica": the verb says where, so the place is read in the column
    of places that writes it (as a word of its cells), never in a column of placings or
    opponents that holds it whole. Where no column of places writes it, the value stays."""
    kept: list[ValueMention] = []
    moved: list[ValueMention] = []
    for v in values:
        before = words[max(0, v.start - 3) : v.start]
        said_where = (
            len(before) >= 2
            and before[-1] in ("in", "at")
            and (before[-2] in _WHERE_VERBS or before[-3:-1] == ["took", "place"])
        )
        if not said_where or set(index.column_tokens.get(v.column, [])) & _PLACE_NAME_TOKENS:
            kept.append(v)
            continue
        phrase = f" {' '.join(normalize(w) for w in words[v.start : v.end])} "
        found = [
            ValueMention(column, value, v.start, v.end, exact=False, whole_word=True)
            for column, tokens in index.column_tokens.items()
            if set(tokens) & _PLACE_NAME_TOKENS
            for key, value in index.values.get(column, {}).items()
            if phrase in f" {key} "
        ]
        if found:
            moved += found
        else:
            kept.append(v)
    return kept, moved


def _compares(words: list[str], position: int) -> bool:
    """ "longer than", "the longest": a word that compares is never someone from a place
    ("Long Strand") nor a word of a cell."""
    word = words[position]
    return (
        words[position + 1 : position + 2] == ["than"]
        or word in lexicon.MAX_WORDS
        or word in lexicon.MIN_WORDS
        or word in lexicon.SYNONYMS
    )


def _named_by_its_unit(
    words: list[str], numbers: dict[int, Number], index: SchemaIndex, found: list[ColumnMention]
) -> list[ColumnMention]:
    """ "Which fuel type sold the most litres", "total litres of diesel": a unit of measure
    (never of time, whose words are also the clock's) that one number column's name gives
    ("Volume (L)"), said where no number comes before it, names that column."""
    out = []
    for i, word in enumerate(words):
        if not is_unit(word) or (i - 1) in numbers or any(m.start <= i < m.end for m in found):
            continue
        family, size = unit_of(word)
        if family in ("time", "calendar"):
            continue
        held = [
            c.name
            for c in index.profile.column_profiles
            if c.is_numeric
            and not index.is_identifier(c.name)
            and column_unit(c.name) == (family, size)
        ]
        if len(held) == 1:
            out.append(ColumnMention(held[0], i, i + 1, 0.9))
    return out


# A results table's tallies, named by the verb of what they count: "did they lose" is Lost
_TALLY_VERB_FORMS = {
    "win": ("won", "wins"), "wins": ("won", "wins"),
    "lose": ("lost", "losses"), "loses": ("lost", "losses"),
    "draw": ("drawn", "draws", "drew"), "draws": ("drawn", "draws", "drew"),
    "tie": ("tied", "ties"), "ties": ("tied", "ties"),
}  # fmt: skip


def _tally_named_by_its_verb(
    words: list[str], index: SchemaIndex, found: list[ColumnMention]
) -> list[ColumnMention]:
    """ "how many matches did they lose in 1992" beside Won and Lost tallies: the verb names the
    one column of whole numbers its past (or its noun) heads, never a Result cell "Runners-up"."""
    out = []
    for i, word in enumerate(words):
        forms = _TALLY_VERB_FORMS.get(word)
        if forms is None or any(m.start <= i < m.end and m.score >= 0.9 for m in found):
            continue
        held = [
            c.name
            for c in index.profile.column_profiles
            if header_words(c.name)[:1]
            and header_words(c.name)[0] in forms
            and len(header_words(c.name)) == 1
            and index.holds_whole_numbers(c.name)
        ]
        if len(held) == 1:
            out.append(ColumnMention(held[0], i, i + 1, 1.0))
    return out


def _file_noun_written_short(word: str, stem: str, index: SchemaIndex) -> str | None:
    """The file's noun when its name shortens it ("pharm_deliv.csv", "veh_insp.csv") and the
    question writes it in full ("deliveries", "an inspection"): that noun's stem."""
    for short in index.subject:
        if (
            len(short) >= 4
            and stem != short
            and stem.startswith(short)
            and len(stem) - len(short) <= 6
            and not word.endswith(("ed", "ing", "ss"))  # a verb of it, never its rows
            and not any(stem in name for name in index.column_tokens.values())  # "riders"
            and not any(stem in name for name in index.whole_tokens.values())  # "orderValue"
        ):
            return short
    return None


def _head_of_the_file_noun(stem: str, index: SchemaIndex) -> bool:
    """Whether the question says only the head of a compound the file's name writes as one
    word: "mills" in suffolk_windmills.csv, "ships" in warships.csv name its rows too."""
    return (
        len(stem) >= 4
        and any(len(short) - len(stem) >= 3 and short.endswith(stem) for short in index.subject)
        and not any(stem in name for name in index.column_tokens.values())
    )


_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_SPELLED_AMOUNT = re.compile(
    rf"\b(?P<tens>{'|'.join(sorted(lexicon.TENS))})[\s-](?P<units>{_UNITS})\b"
    rf"|\b(?P<number>{'|'.join(w for w in lexicon.NUMBER_WORDS if w != 'hundred')})"
    r"\s+(?P<scale>hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)


def _in_digits(match: re.Match[str]) -> str:
    """ "twenty-five" is 25 and "five million" is "5 million" (then read as 5,000,000, as the
    digits would be): a spelled amount is never its first word alone ("five" of "five million
    dollars" compared with Earnings of $5,204,180)."""
    if match.group("tens"):
        return str(
            lexicon.NUMBER_WORDS[match.group("tens").lower()]
            + lexicon.NUMBER_WORDS[match.group("units").lower()]
        )
    number = lexicon.NUMBER_WORDS[match.group("number").lower()]
    scale = match.group("scale").lower()
    if scale == "hundred":
        return str(number * 100)
    return f"{number} {scale}"


_CLOCK = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?(?![\d:])")


def _clock_times_in_seconds(text: str, index: SchemaIndex) -> str:
    """ "finished in under 2:20:00" beside columns of durations: the clock time as the
    seconds those columns are compared in (the profile and the executor count a duration's
    threshold in seconds). "2:20" is hours and minutes when the durations run past an hour,
    minutes and seconds when none does, and left alone when they differ."""
    spans = [
        c.max
        for c in index.profile.column_profiles
        if c.dtype.startswith("timedelta") and isinstance(c.max, int | float)
    ]
    if not spans:
        return text
    long = all(high >= 3600 for high in spans)
    short = all(high < 3600 for high in spans)

    def seconds(match: re.Match[str]) -> str:
        first, second, third = match.groups()
        if third is not None:
            total = int(first) * 3600 + int(second) * 60 + float(third)
        elif long or short:
            total = int(first) * (3600 if long else 60) + int(second) * (60 if long else 1)
        else:
            return match.group(0)
        return f"{total:g}"

    return _CLOCK.sub(seconds, text)


_AGAIN = re.compile(r"\b[Rr]e-(?=[a-z]{4,})")
_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")


def _joined_if_named(match: re.Match[str], index: SchemaIndex) -> str:
    """ "e-bikes" beside cells "EBIKE", "drop-offs" in battery_dropoffs.csv: a hyphenated word
    the table writes as one is read as one; any other ("left-handed") stays two words."""
    joined = match.group(1) + match.group(2)
    if match.group(1).lower() in lexicon.NUMBER_WORDS:
        return joined  # "his highest three-dart average": a kind of average, never a top 3
    stems = tokens(joined)
    if not stems:
        return match.group(0)
    as_written = normalize(match.group(0))
    if any(as_written in mapping for mapping in index.values.values()):
        return match.group(0)  # "Saalbach-Hinterglemm", a cell written with its hyphen
    if set(stems) & index.file_words or any(
        stems[0] in name for name in index.column_tokens.values()
    ):
        return joined
    key = normalize(joined)
    if any(key in mapping for mapping in index.values.values()):
        return joined
    return match.group(0)


def _a_word_of_a_longer_name(value: ValueMention, columns: list[ColumnMention]) -> bool:
    """ "the average monthly fee" beside a Plan Type of "Monthly": a word of a column's name
    said whole (MONTHLY_FEE), never also a value; only where the name is longer than it."""
    return any(
        m.score >= 1.0
        and m.start <= value.start
        and value.end <= m.end
        and m.end - m.start > value.end - value.start
        for m in columns
    )


def _with_the_next_word(partial: list[ValueMention], norm: list[str]) -> list[ValueMention]:
    """ "the 1992 Open Championship": "open" is in "U.S. Open" and in "The Open Championship",
    but with the word after it (the column's own name) only in the second; "the U.S. Open"
    with the word before it only in the first: the cells holding the words side by side, as
    the question says them, are the one meant."""
    out: list[ValueMention] = []
    for v in partial:
        rivals = [o for o in partial if (o.column, o.start) == (v.column, v.start)]
        pairs = [f"{norm[v.start]} {norm[v.end]}"] if v.end < len(norm) else []
        pairs += [f"{norm[v.start - 1]} {norm[v.start]}"] if v.start else []
        pairs = [p for p in pairs if not set(p.split()) & {"the", "a", "an"}]  # never "the open"

        def holds(m: ValueMention, pair: str) -> bool:
            said = re.findall(r"[a-z0-9]+", fold_accents(str(m.value)).lower())
            return f" {pair} " in f" {' '.join(singular(w) for w in said)} "

        if len(rivals) > 1 and any(
            any(holds(o, pair) for o in rivals) and not holds(v, pair) for pair in pairs
        ):
            continue
        out.append(v)
    return out


def _only_its_unit(words: list[str], mention: ColumnMention, index: SchemaIndex) -> bool:
    """Whether the mention's words are only the unit of the column's name ("month" for
    Age (months), "minutes" for Visit Duration (min))."""
    brackets = re.findall(r"\(([^)]*)\)", mention.column)  # "Age (months)"; not "Harvest Year"
    said = [singular(w) for w in words[mention.start : mention.end]]
    inside = {singular(w) for part in brackets for w in re.findall(r"[a-z]+", part.lower())}
    return bool(brackets) and all(w in inside and (is_unit(w) or is_unit(w + "s")) for w in said)


def _implied_only_when_unnamed(
    mentions: list[ColumnMention], words: list[str], norm: list[str], index: SchemaIndex
) -> list[ColumnMention]:
    """A superlative implies its measure ("the shortest movie": runtime) only when the question
    does not name it too ("the longest runtime"): then the named words are the mention."""
    superlatives = lexicon.MAX_WORDS | lexicon.MIN_WORDS

    def implied(m: ColumnMention) -> bool:
        return m.end - m.start == 1 and words[m.start] in superlatives

    named = {m.column for m in mentions if not implied(m)}

    def qualifies_a_name(m: ColumnMention) -> bool:
        """ "the longest duration": the superlative says which way to rank the column
        named after it, and implies no other (Length)."""
        return any(
            not implied(n)
            and n.score >= 0.9
            # "the shortest movie (title)", "the cheapest product": the rows, and their
            # names, are not what is ranked
            and not {norm[i] for i in range(n.start, n.end)} <= index.subject
            and not index.is_identifier(n.column)
            and index.column_tokens.get(n.column, [""])[-1] not in _NAMING_TOKENS
            and index.holds_amounts(n.column)
            and n.start > m.start
            and all(
                w in lexicon.FILLER or w in lexicon.AGGREGATE_WORDS for w in words[m.end : n.start]
            )
            for n in mentions
        )

    # "the longest boat" beside boatLengthM: the noun after the superlative names the
    # column it implies (the boat's length), so the superlative keeps naming it
    qualified = {
        m
        for m in mentions
        if implied(m)
        and any(
            not implied(n) and n.column == m.column and n.start == m.end and n.score < 0.9
            for n in mentions
        )
    }
    return [
        m
        for m in mentions
        if m in qualified
        or not (
            implied(m)
            and (
                m.column in named
                or qualifies_a_name(m)
                or any(q.start == m.start for q in qualified)  # (never the wait, then)
            )
        )
    ]


_NAMING_TOKENS = frozenset(singular(w) for w in ("name", "title", "id", "code", "number", "no"))
_QUESTION_WORDS = frozenset({"what", "what's", "whats", "which", "who", "how", "when", "list"})
_COMPARING = frozenset(
    {"more", "less", "fewer", "greater", "higher", "lower", "larger", "smaller", "bigger", "other"}
)


_BEFORE_A_NONE = frozenset(
    {"have", "has", "had", "with", "is", "are", "was", "were", "got", "get", "show", "shows"}
)


def _norm(word: str, is_number: bool, number: Number | None) -> str:
    from ..schema_index import ABBREVIATIONS

    if is_number and number is not None:
        if re.fullmatch(r"0\d+", number.text):
            return number.text  # "2007–08": the season's cell writes "08", never "8"
        value = number.value
        return str(int(value)) if float(value).is_integer() else str(value)
    return singular(ABBREVIATIONS.get(word, word))


def _compound_mentions(
    words: list[str], index: SchemaIndex, named: set[tuple[int, int]]
) -> list[ColumnMention]:
    """ "on time" beside ontime_flg, "check in" beside checkin_at: two words a header writes
    as one name the column that word does."""
    found: list[ColumnMention] = []
    for size in (3, 4):  # "stock on hand" of soh, "year to date" of ytd_sales
        for i in range(len(words) - size + 1):
            said = words[i : i + size]
            if (
                (i, i + size) in named
                or not all(w.isalpha() for w in said)
                or said[0] in lexicon.FILLER
                or said[-1] in lexicon.FILLER
            ):
                continue  # ("systolic in the" is no "SITE")
            initials = "".join(w[0] for w in said)
            if initials in lexicon.FILLER:
                continue
            for column in index.column_tokens:
                # the initials as the header writes them ("soh"), never the stem of a word
                # it writes whole ("tim" of finish_time_min is "time", not "type is marathon")
                if initials in header_words(column):
                    found.append(ColumnMention(column, i, i + size, 1.0))
    for i in range(len(words) - 1):
        pair = words[i : i + 2]
        if (i, i + 2) in named or not all(w.isalpha() and len(w) > 1 for w in pair):
            continue  # ("season(s)" is no compound of "season" and "s")
        joined = singular(words[i] + words[i + 1])
        for column, name in index.column_tokens.items():
            if joined in name:
                found.append(ColumnMention(column, i, i + 2, 1.0))
    return found


def _routes_in_one_cell(norm: list[str], index: SchemaIndex) -> list[ValueMention]:
    """ "from France to England", "between Dover and Calais": a cell that writes both ends in
    that order ("France–England", "France - England") names the route whole."""
    found: list[ValueMention] = []
    for start, word in enumerate(norm):
        if word not in ("from", "between"):
            continue
        joiner = "to" if word == "from" else "and"
        for middle in range(start + 2, min(start + 6, len(norm))):
            if norm[middle] != joiner:
                continue
            for end in range(middle + 2, min(middle + 6, len(norm) + 1)):
                key = " ".join(norm[start + 1 : middle] + norm[middle + 1 : end])
                for column, cells in index.values.items():
                    cell = cells.get(key)
                    if cell is not None and re.search(r"[–—-]", str(cell)):
                        found.append(ValueMention(column, cell, start + 1, end))
    return found


def _written_name_first(mentions: list[ColumnMention], words: list[str]) -> list[ColumnMention]:
    """ "ranks" beside a Rank and a Ranks column: both have the stem, but the name written
    exactly as the question writes it is the one meant."""
    literal = {
        (m.start, m.end) for m in mentions if m.column.lower() == " ".join(words[m.start : m.end])
    }
    return [
        m
        for m in mentions
        if (m.start, m.end) not in literal or m.column.lower() == " ".join(words[m.start : m.end])
    ]


def _article_read_as_a_letter(words: list[str], upper: set[int], v: ValueMention) -> bool:
    """ "in a minor key" beside a cell "A minor": the article "a", written small, is no note
    or grade; the cell's other words are read on their own ("minor" in several keys)."""
    return v.end - v.start > 1 and words[v.start] in ("a", "an") and v.start not in upper


def _aggregate_of_a_measure(
    words: list[str], v: ValueMention, columns: list[ColumnMention], index: SchemaIndex
) -> bool:
    """ "the average age" beside a Build column holding "Average": an aggregate word right
    before a numeric column's name computes that column; it is a cell only before a word
    the cell describes ("of average build")."""
    if v.end - v.start != 1 or words[v.start] not in lexicon.AGGREGATE_WORDS:
        return False
    return any(m.start == v.end and index.is_numeric(m.column) for m in columns)


def _only_filler(words: list[str]) -> bool:
    return all(w in lexicon.FILLER for w in words)


def _is_function_word(word: str) -> bool:
    return (
        word in lexicon.FILLER
        or word in lexicon.AGGREGATE_WORDS
        or word in lexicon.MAX_WORDS
        or word in lexicon.MIN_WORDS
        or word in lexicon.BEST_WORDS
        or word in lexicon.WORST_WORDS
        or word in lexicon.DISTINCT_WORDS
        or word in lexicon.MISSING_WORDS
        or word in lexicon.NEGATIONS
        or word in lexicon.MONTHS
        or word in lexicon.WEEKDAYS
        or word in lexicon.PERIOD_WORDS
        or word in lexicon.CHART_WORDS
        or word in ("many", "much", "percent", "percentage", "share", "than", "most", "least")
    )


def _undominated(mentions: list[ColumnMention]) -> list[ColumnMention]:
    """Drop a partial name match that another column matches better on more of the same words:
    "departure delay" is dep_delay_min, so arr_delay_min's lone "delay" goes."""
    kept = []
    for m in mentions:
        words = set(range(m.start, m.end))
        if any(
            n.column != m.column
            and words < set(range(n.start, n.end))
            and (n.score > m.score or (n.score >= 0.7 and m.score < 1.0))
            for n in mentions
        ):  # ("claim amount" is Claim Amount (USD), even though "claim" alone is Claim ID's)
            continue
        kept.append(m)
    return kept


def _repeated_mentions(norm: list[str], mentions: list[ColumnMention]) -> list[ColumnMention]:
    """A column named twice ("total salary where salary is above 50k"): every occurrence."""
    found = []
    for m in mentions:
        if m.score < 0.6:
            continue
        name = norm[m.start : m.end]
        size = len(name)
        for start in range(len(norm) - size + 1):
            if start != m.start and norm[start : start + size] == name:
                found.append(ColumnMention(m.column, start, start + size, m.score))
    return found


_SYNONYMS = {singular(word): names for word, names in lexicon.SYNONYMS.items()}


_CONNECTIVES = frozenset(
    {"or", "and", "not", "nor", "in", "on", "at", "to", "of", "by", "for", "from", "as", "is",
     "if", "with", "than", "per", "vs", "into", "no", "all", "any", "the", "a", "an"}
)  # fmt: skip
_COMMAND_WORDS = frozenset({"show", "shows", "name", "names", "display"})
_GROUPING_WORDS = frozenset({"per", "by", "each"})
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week"})
_ONE_UNIT_AFTER = frozenset({"than", "over", "under", "least", "most", "within", "above", "below"})


def _acronym_values(
    words: list[str], capitals: set[int], index: SchemaIndex, taken: set[int]
) -> list[ValueMention]:
    """ "managers in IT", "sales in the US": a word in capitals that is also a common word
    (so never matched as a value) names the cell value written the same way."""
    found: list[ValueMention] = []
    lettered = [i for i, w in enumerate(words) if w.isalpha()]
    if len(capitals) * 2 >= len(lettered):
        return found  # a question typed in capitals says nothing by its case
    for position in sorted(capitals - taken):
        word = words[position]
        if word not in lexicon.FILLER and word not in STOPWORDS:
            continue  # an ordinary word in capitals is matched like any other
        if word in _CONNECTIVES:
            continue  # "CA OR NY", "IN Texas": a connective shouted, never a state code
        matches = [
            (column, mapping[word]) for column, mapping in index.values.items() if word in mapping
        ]
        exact = [(c, v) for c, v in matches if str(v) == word.upper()]
        if len(exact) == 1:
            column, value = exact[0]
            found.append(ValueMention(column, value, position, position + 1))
    return found


_THRESHOLD_BEFORE = frozenset(
    {"than", "least", "most", "over", "under", "above", "below", "exceeding"}
)


def _compared(words: list[str], numbers: dict[int, Number], value: ValueMention) -> bool:
    """ "more than 16", "at least 30": a number compared is a threshold, never a cell's text
    (a Pos column that holds "16" among "Ret" and "DNF")."""
    single = value.end - value.start == 1 and value.start in numbers
    return single and value.start > 0 and words[value.start - 1] in _THRESHOLD_BEFORE


_MONEY_TAKEN_WORDS = frozenset({"revenue", "revenues", "takings", "turnover"})
# The names of columns of money taken, and of money that is no takings (a cost, a deposit
# held, a rate per unit)
_TAKEN_TOKENS = frozenset(
    tokens("price prices amount amt fee fees charge charges total paid fare fares spend value")
)
_NOT_TAKEN_TOKENS = frozenset(
    tokens("unit cost costs expense salary wage tax deposit tip tips discount refund budget rate")
)


def _money_taken(words: list[str], index: SchemaIndex, covered: set[int]) -> list[ColumnMention]:
    """ "total revenue", "revenue by payment method" on a table whose one column of money
    taken is PRICE_GBP or ticketPrice: that column, said as what it is. Two such columns (a
    price and a line total) or none leave the word unplaced, and the question is asked."""
    positions = [i for i, w in enumerate(words) if w in _MONEY_TAKEN_WORDS and i not in covered]
    if not positions:
        return []
    money = []
    for c in index.profile.column_profiles:
        if not c.is_numeric or index.is_identifier(c.name):
            continue
        names = set(index.column_tokens.get(c.name, []))
        unit = column_unit(c.name)
        in_money = unit is not None and unit[0] in ("usd", "eur", "gbp")
        if names & _NOT_TAKEN_TOKENS or not (names & _TAKEN_TOKENS or in_money):
            continue
        money.append(c.name)
    out = []
    for i in positions:
        # "ticket revenue" beside ticketPrice and cafeSpend: the one its word names
        said = set(tokens(words[i - 1])) if i else set()
        named = [c for c in money if said & set(index.column_tokens.get(c, []))]
        if len(named) == 1:
            out.append(ColumnMention(named[0], i - 1, i + 1, 0.9))
        elif len(money) == 1:
            out.append(ColumnMention(money[0], i, i + 1, 0.85))
    return out


def _what_a_number_is_in(
    mention: ColumnMention, norm: list[str], numbers: dict[int, Number]
) -> bool:
    """ "in season 2" beside "No. in season", "lap 5" beside "Pos. on lap": a number right
    after the words that say what a column's number is counted in names one of those things
    (a season, a lap), never the column's own number, which the name's head ("No.") is."""
    if mention.score >= 1.0 or mention.end not in numbers:
        return False
    if head_stem(mention.column) not in _NUMBER_HEADS:
        return False
    counted_in = modifier_stems(mention.column)
    said = {norm[i] for i in range(mention.start, mention.end)} - STOPWORDS
    return bool(said) and said <= counted_in


_NUMBER_HEADS = frozenset(tokens("no number num nr pos position rank"))  # ("No." is number)


def _another_word_of_its_stem(words: list[str], mention: ValueMention) -> bool:
    """ "bookings" beside a Trader Category of "Books", "meetings" beside "Meet": one word
    whose stem alone a cell writes, neither the cell's word nor its plural, is another word."""
    if mention.end - mention.start != 1 or not words[mention.start].isalpha():
        return False
    word = words[mention.start]
    if _a_code_for(word, mention):
        return False  # "withdraw" beside "WD"
    cell = re.findall(r"[a-z0-9]+", fold_accents(str(mention.value)).lower())
    return bool(cell) and not any(
        _same_or_plural(word, part) or practises(word, part) for part in cell
    )


def _a_code_for(word: str, mention: ValueMention) -> bool:
    """Whether the cell is a results table's code for the word ("WD" for "withdrew")."""
    code = without_footnotes(mention.value).lower()
    return word in RESULT_CODES.get(code, ())


def _same_or_plural(a: str, b: str) -> bool:
    """Whether two words are one, or one the other's plural ("city" and "cities")."""
    short, long = sorted((a, b), key=len)
    if long == short or long in (short + "s", short + "es"):
        return True
    return short.endswith("y") and long == short[:-1] + "ies"


def _a_verb_read_as_a_cell(words: list[str], mention: ValueMention) -> bool:
    """ "shows played at the Majestic" beside a Type of "Play": a verb in the past, whose
    stem alone a cell writes, says what happened, never that value."""
    if mention.end - mention.start != 1:
        return False
    word = words[mention.start]
    cell = str(mention.value).strip().lower()
    if _a_code_for(word, mention):
        return False  # "retired" beside "Ret"
    return len(word) > 4 and word.endswith("ed") and not cell.endswith(("ed", "ed."))


def _synonym_mentions(
    norm: list[str], index: SchemaIndex, seen: set[tuple[str, int]]
) -> list[ColumnMention]:
    """Columns named through the lexicon's thesaurus ("staff" for an ``agent`` column)."""
    found: list[ColumnMention] = []
    for position, word in enumerate(norm):
        for synonym in _SYNONYMS.get(word, ()):
            replaced = [
                *norm[:position],
                *[singular(w) for w in synonym.split()],
                *norm[position + 1 :],
            ]
            extra = len(synonym.split()) - 1
            # only the words around it: the column named in full elsewhere in the question
            # ("stock … (total quantity on hand)") would otherwise be its only mention
            first = max(0, position - 2)
            for local in index.column_mentions(replaced[first : position + extra + 3]):
                mention = ColumnMention(
                    local.column, local.start + first, local.end + first, local.score
                )
                if not mention.start <= position < mention.end - extra or mention.score < 0.6:
                    continue
                if (mention.column, position) in seen:
                    continue
                seen.add((mention.column, position))
                score = mention.score
                named = index.column_tokens.get(mention.column, [])
                while len(named) > 1 and is_unit(named[-1]):
                    named = named[:-1]  # "boatLengthM" is about its length, in metres
                if singular(synonym.split()[-1]) in (head_stem(mention.column), named[-1:][0]):
                    # "the tallest" of "Maximum height": the noun its name is about, as sure
                    # as a name of that one word
                    score = max(score, 0.8)
                    if norm[position + 1 : position + 2] and norm[position + 1] in named:
                        score = 0.95  # "the longest boat" beside boatLengthM: the boat's length
                found.append(ColumnMention(mention.column, position, position + 1, score * 0.85))
    return found


def without_negation(word: str) -> str | None:
    """ "unfurnished" → "furnished", "nonrefundable" → "refundable", "inactive" → "active": a
    negated word whose rest may name a yes/no column (its opposite is then the column's no)."""
    for prefix in lexicon.NEGATING_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix) :]
    return None
