"""What the words left over after filters name: measures, groups, targets, periods, cues.

A ``Frame`` is one way of reading the question with one choice of filters: it knows
which positions those filters explained and answers the questions every shape asks
("which numeric column is named, and where?", "is there a group cue?"). Shapes in
``candidates`` are built from these answers only, so the same rules serve every table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...analysis.plan import AggFunc, ChartKind, Filter
from ..schema_index import (
    ColumnMention,
    SchemaIndex,
    head_stem,
    header_words,
    is_plural,
    names_the_doer_of,
    singular,
)
from . import lexicon
from .dated import YEAR_NAME_STEMS
from .filters import FilterReader
from .measures import QUANTITY_TOKENS, names_the_amount
from .options import FilterOption, combine, is_skip
from .reading import Reading

# Compared with stemmed name tokens, so stemmed the same way ("name" → "nam").
ENTITY_SUFFIXES = frozenset(singular(w) for w in ("id", "code", "key", "name", "no", "number"))
NAME = singular("name")
HEADCOUNT_TOKENS = frozenset(singular(w) for w in lexicon.HEADCOUNT_WORDS)
PRIZE_TOKENS = frozenset(singular(w) for w in lexicon.PRIZE_WORDS)

# Who plays, wins or ranks when no person does: "who has the fewest losses" on a league table.
COMPETITOR_TOKENS = frozenset(
    singular(w)
    for w in (
        "team",
        "club",
        "nation",
        "country",
        "school",
        "college",
        "university",
        "party",
        "band",
    )
)
PERSON_TOKENS = frozenset(
    singular(w)
    for w in (
        "player", "athlete", "rider", "driver", "person", "competitor", "winner", "artist",
        "author", "manager", "coach", "candidate", "employee", "student", "patient", "agent",
        "victor", "champion",
        "customer", "member", "runner", "swimmer", "skier", "cyclist", "boxer", "wrestler",
    )
)  # fmt: skip


def names_people(word: str) -> bool:
    """A noun for people, by the list above or by an ending English gives only to people
    ("technician", "florist", "trainee", "auctioneer", "donor", "inspector"). People are
    counted one by one: "how many technicians" beside six names over a thousand jobs asks
    for the six, never for kinds of a thing done (as "how many tests" beside testName may)."""
    if singular(word) in PERSON_TOKENS:
        return True
    # (the word itself, its plural s off: the stem of "trainees" is "train")
    noun = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if len(noun) >= 6 and noun.endswith(("ician", "ist", "ee", "eer")):
        return True
    return len(noun) >= 5 and noun.endswith("or") and not noun.endswith(("oor", "ior"))


# plurals of those names count things ("Ranks" of pipes, "Places" offered)
_COUNTED_PLACES = frozenset({"ranks", "places", "positions", "seeds"})
RANK_TOKENS = frozenset(
    singular(w)
    for w in ("rank", "ranking", "place", "placing", "position", "pos", "standing", "seed")
)


@dataclass
class Frame:
    reading: Reading
    index: SchemaIndex
    options: list[FilterOption]
    reader: FilterReader
    reserved: set[int] = field(default_factory=set)

    @property
    def words(self) -> list[str]:
        return self.reading.words

    @property
    def filter_positions(self) -> set[int]:
        return set().union(*(o.positions for o in self.options)) if self.options else set()

    @property
    def filters(self) -> Filter | None:
        return combine(self.options)

    @property
    def filter_columns(self) -> set[str]:
        return {o.column for o in self.options if not is_skip(o)}

    @property
    def weight(self) -> float:
        return sum(o.weight for o in self.options)

    def free(self, position: int) -> bool:
        return position not in self.filter_positions and position not in self.reserved

    # -- columns ----------------------------------------------------------------------------
    def mentions(
        self, *, numeric: bool | None = None, minimum: float = 0.45, every: bool = False
    ) -> list[ColumnMention]:
        """Column mentions on free words, best first, one per column (``every``: each time a
        column is named, "for each genre … which genre")."""
        out: list[ColumnMention] = []
        seen: set[str] = set()
        for m in self.reading.columns:
            if m.score < minimum or (m.column in seen and not every):
                continue
            if not all(self.free(i) for i in range(m.start, m.end)):
                continue
            is_number = self.index.is_numeric(m.column) and not self.index.is_identifier(m.column)
            if numeric is not None and is_number != numeric:
                continue
            if numeric and self._counting_idiom(m):
                continue
            seen.add(m.column)
            out.append(m)
        return out

    def _counting_idiom(self, m: ColumnMention) -> bool:
        """'number of' is the counting idiom, not a column called Number."""
        return (
            m.end - m.start == 1
            and self.words[m.start] in ("number", "count", "no", "total")
            and self.words[m.end : m.end + 1] == ["of"]
        )

    def measures(self) -> list[ColumnMention]:
        """Numeric columns that can be measured: not ids, not numbered keys (VISIT_NO), and not
        the noun of "number of ratings", which counts rows (unless the column holds counts)."""
        return [
            m
            for m in self.mentions(numeric=True)
            if not self.is_entity(m.column)
            and (
                self.words[max(0, m.start - 2) : m.start] not in (["number", "of"], ["count", "of"])
                or self.holds_counts(m.column)
                or self.counts_in_a_scale(m)
            )
            and self.names_the_amount(m)
            # "donors" names DonorID's rows; "Donor Since" holds years, an amount only when
            # its whole name is said ("the earliest donor since")
            and not (m.score < 1.0 and self.holds_years(m.column))
            and not self._shared_with_another(m)
            # "stops" beside MINUTES_STOPPED: the stops are what was done, not the minutes
            and not (
                m.end - m.start == 1
                and m.score < 0.9
                and names_the_doer_of(self.words[m.start], m.column)
            )
            and not self._names_the_rows_of_an_id(m)
            # "the smallest stone circle" in stone_circles.csv beside Stones: one kind of
            # row, never the stones of any
            and not self.a_kind_of_row(m)
        ]

    def a_kind_of_row(self, m: ColumnMention) -> bool:
        """A singular of a column named in the plural ("stone" of Stones), said right before
        the rows' own noun ("stone circles" in stone_circles.csv)."""
        if m.end - m.start != 1 or m.end >= len(self.words):
            return False
        word = self.words[m.start]
        written = header_words(m.column)
        return (
            not word.endswith("s")
            and f"{word}s" in written
            and self.reading.norm[m.end] in self.reading.subject
        )

    def _names_the_rows_of_an_id(self, m: ColumnMention) -> bool:
        """ "more swaps at PARK" beside SWAP_SECONDS and SWAP_ID: a word an identifier's name
        shares, which misses the measure's own head noun, names the rows (one swap each)."""
        word = self.words[m.start]
        if m.end - m.start != 1 or m.score >= 0.9 or singular(word) == word:
            return False  # ("the average swap time": a modifier of the measure, said once)
        stem = self.reading.norm[m.start]
        if stem == head_stem(m.column):
            return False
        return any(
            c != m.column
            and self.index.is_identifier(c)
            and stem in self.index.column_tokens.get(c, [])
            for c in self.index.column_tokens
        )

    def _shared_with_another(self, m: ColumnMention) -> bool:
        """A word that is part of the name of the column a value filters too ("SPX-450
        panels" with Panel Model and Panel Temp) names the rows of that value, not a measure:
        "SPX-450 panels produce more" never measures Panel Temp."""
        stems = set(self.reading.norm[m.start : m.end])

        def says(column: str) -> bool:  # the words are the name's own, not a sense of it
            return stems <= set(self.index.column_tokens.get(column, []))

        return (
            m.score < 0.9
            and says(m.column)
            and any(
                o.column != m.column
                and o.column in self.filter_columns
                and (o.start, o.end) == (m.start, m.end)
                and o.score >= m.score
                and says(o.column)
                for o in self.reading.columns
            )
        )

    def names_the_amount(self, mention: ColumnMention) -> bool:
        return names_the_amount(self.index, self.reading, mention)

    def holds_counts(self, column: str) -> bool:
        """A whole-number column named by a plural ("Shared Titles", "Goals"): each cell is a
        count, so "the largest number of shared titles" reads the column, not rows."""
        profile = self.index.profile.column(column)
        if profile is None or not self.index.holds_whole_numbers(column):
            return False
        if set(self.index.column_tokens.get(column, [])) & (HEADCOUNT_TOKENS | PRIZE_TOKENS):
            return True  # "Attendance", "Gold": a count of people or of prizes in each cell
        if set(self.index.column_tokens.get(column, [])) & {"count", "qty", "quantity"}:
            return True  # "playerCount", "guest_qty": named a count
        # a plural among the name's words: "Goals", "Legs Won"; never a measure of money, time
        # or size ("Sales Amount", "Calls Duration")
        words = re.findall(r"[a-z]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", column).lower())
        if set(words) & lexicon.MEASURE_WORDS:
            return False
        return any(is_plural(word) for word in words)

    def counts_in_a_scale(self, m: ColumnMention) -> bool:
        """ "the number of visitors" beside "Visitors (2023)" of 8.9, 6.8 (millions): a header
        named in full by the plural the question says counts that thing, in whatever scale its
        cells are written; never a measure of money, time or size ("number of sales")."""
        said = self.words[m.start]
        written = header_words(m.column)
        return (
            m.score >= 1.0
            and m.end - m.start == 1
            and is_plural(said)
            and said in written
            and not set(written) & lexicon.MEASURE_WORDS
        )

    def prizes_counted_in_columns(self, position: int) -> bool:
        """Whether the word at ``position`` names prizes ("medals", "titles") that columns
        of whole numbers count (Gold, Silver, Bronze): on such a table a row is a nation or a
        team, never one medal. A list of medals won (a Medal column of text) counts rows."""
        if self.words[position] not in lexicon.PRIZE_WORDS:
            return False
        return any(
            set(self.index.column_tokens.get(column, [])) & PRIZE_TOKENS
            and self.index.holds_whole_numbers(column)
            for column in self.index.column_tokens
        )

    def categories(self) -> list[ColumnMention]:
        return [
            m for m in self.mentions(numeric=False) if self.index.type_of(m.column) != "datetime"
        ]

    def dates(self) -> list[ColumnMention]:
        return [m for m in self.mentions() if self.index.type_of(m.column) == "datetime"]

    def mention_after(
        self, position: int, window: int = 4, *, numeric: bool | None = None
    ) -> ColumnMention | None:
        found = [
            m
            for m in self.mentions(numeric=numeric, every=True)
            if position < m.start <= position + window
            and all(self._gap_ok(i) for i in range(position + 1, m.start))
        ]
        found.sort(key=lambda m: (m.start, -m.score))
        return found[0] if found else None

    def _gap_ok(self, position: int) -> bool:
        word = self.words[position]
        return (
            word in lexicon.FILLER
            or word in lexicon.DISTINCT_WORDS
            or word in lexicon.AGGREGATE_WORDS
            or word in lexicon.MAX_WORDS
            or word in lexicon.MIN_WORDS
            or word in lexicon.MEASURE_ADJECTIVES  # "what is the most expensive product"
            or word in lexicon.CHART_POSITION_WORDS  # "what was the highest charting single"
            or word in lexicon.ORDINALS  # "the 2nd most expensive product"
            or not self.free(position)
            or position in self.reading.numbers
        )

    def is_entity(self, column: str) -> bool:
        """A column that identifies things: an id/code/key/name column or near-unique text."""
        tokens = self.index.column_tokens.get(column, [])
        profile = self.index.profile.column(column)
        if profile is None:
            return False
        if tokens and tokens[-1] in ENTITY_SUFFIXES and len(tokens) > 1:
            return True
        if self.index.is_identifier(column):
            return True
        rows = max(self.index.profile.rows, 1)
        return profile.type in ("text", "category") and profile.distinct >= 0.5 * rows

    def quantity_columns(self) -> list[str]:
        """Numeric columns that hold counts of things (quantity, units, count)."""
        return [
            c.name
            for c in self.index.profile.column_profiles
            if c.is_numeric
            and not self.is_entity(c.name)
            and set(self.index.column_tokens.get(c.name, [])) & QUANTITY_TOKENS
            and self.index.column_tokens.get(c.name, [""])[-1] not in lexicon.NOT_A_COUNT
        ]

    def is_rank(self, column: str) -> bool:
        """A column of places (1 is best), where superlatives read the other way round."""
        source = getattr(self.index, "derived", {}).get(column)
        named = source.column if source is not None and source.column else column
        tokens = set(self.index.column_tokens.get(named, []))  # "Rank (number)" of "=4", "12"
        if not self.index.is_numeric(column):
            return False
        words = set(re.findall(r"[a-z]+", named.lower()))
        if words & _COUNTED_PLACES:
            return False  # "Ranks" of an organ, "Places" of a course: how many, not which
        return bool(tokens & RANK_TOKENS) or (
            bool(self.chart_words()) and self.holds_places(column)
        )

    def holds_years(self, column: str) -> bool:
        """Whole numbers that are all years (a Season, a Year founded): counted, grouped and
        filtered by, never summed or averaged as amounts."""
        profile = self.index.profile.column(column)
        if (
            profile is None
            or not self.index.holds_whole_numbers(column)
            or not isinstance(profile.min, int | float)
            or not isinstance(profile.max, int | float)
        ):
            return False
        # a name that says years ("Divided since", "Founded") reaches back before 1800
        named = set(self.index.column_tokens.get(column, [])) & YEAR_NAME_STEMS
        earliest = 1000 if named else 1800
        return earliest <= profile.min <= profile.max <= 2100

    def chart_words(self) -> set[int]:
        """ "charting", "peaked": the question ranks by places on a chart."""
        return set(self.word_positions(lexicon.CHART_POSITION_WORDS))

    def holds_places(self, column: str) -> bool:
        """Whole numbers from 1 up: places on a chart or in a ranking (US, UK, Peak)."""
        profile = self.index.profile.column(column)
        low = profile.min if profile is not None else None
        return (
            profile is not None
            and profile.type in ("integer", "number")
            and isinstance(low, int | float)
            and low >= 1
            and (profile.mean is None or float(profile.mean) <= 1000)
        )

    def few_values(self, column: str) -> bool:
        """A category with a handful of values (regions, departments), not names of things."""
        profile = self.index.profile.column(column)
        return profile is not None and profile.distinct <= 50

    def recurs(self, column: str) -> bool:
        """Labels of events held again and again ("Hastings Premier" in 1963, 1971, 1977),
        each row one edition dated by a year or a date: most labels differ, some repeat. "How
        many tournaments" may count editions or names, and "the most games" may be one
        edition's or all of a name's."""
        profile = self.index.profile.column(column)
        rows = max(self.index.profile.rows, 1)
        if profile is None or not self.repeats(column) or profile.distinct <= 0.3 * rows:
            return False
        dated = [c.name for c in self.index.profile.column_profiles if c.type == "datetime"]
        dated += self.reader.year_columns() + sorted(self.index.year_texts)
        return any(c != column for c in dated)

    def repeats(self, column: str) -> bool:
        profile = self.index.profile.column(column)
        rows = max(self.index.profile.rows, 1)
        return profile is not None and profile.distinct < 0.95 * (rows - profile.nulls)

    def name_column(self) -> str | None:
        """The one column that names people or things, for 'who' questions."""
        texts = [
            c.name for c in self.index.profile.column_profiles if c.type in ("text", "category")
        ]
        names = [c for c in texts if self.index.column_tokens.get(c, [""])[-1] == NAME]
        if not names:  # "Player", "Athlete", "Driver(s)": a column named by a person's role
            names = [c for c in texts if set(self.index.column_tokens.get(c, [])) & PERSON_TOKENS]
        return names[0] if len(names) == 1 else None

    def competitor_column(self) -> str | None:
        """The one column naming a team, club or nation once per row: who "who" is on a
        league or medal table that lists no person."""
        rows = self.index.profile.rows
        found = [
            c.name
            for c in self.index.profile.column_profiles
            if c.type in ("text", "category")
            and c.distinct == rows
            and set(self.index.column_tokens.get(c.name, [])) & COMPETITOR_TOKENS
        ]
        return found[0] if len(found) == 1 and rows >= 2 else None

    def title_column(self) -> str | None:
        """The one column of titles or names, a different one on every row: what "what book"
        asks for on a table of books."""
        rows = self.index.profile.rows
        found = [
            c.name
            for c in self.index.profile.column_profiles
            if c.type in ("text", "category")
            and c.distinct == rows - c.nulls  # a dash for an unknown title is no repeat
            and {singular("title"), NAME} & set(self.index.column_tokens.get(c.name, []))
        ]
        return found[0] if len(found) == 1 and rows >= 2 else self.label_column()

    def label_column(self) -> str | None:
        """The table's first column when it labels each row with a name of its own (Team,
        School, Country, once each): what "which of the schools" asks for when no column is
        named."""
        columns = self.index.profile.column_profiles
        if not columns or self.index.profile.rows < 2:
            return None
        first = columns[0]
        if first.type not in ("text", "category") or self.index.is_identifier(first.name):
            return None
        tokens = self.index.column_tokens.get(first.name, [])
        if set(tokens) & RANK_TOKENS:
            return None  # "1st", "2nd" of a Pos. column place rows, never name them
        if set(tokens) & (PERSON_TOKENS | (ENTITY_SUFFIXES - {NAME})) or tokens == [NAME]:
            # a person's name ("Name", "Player") or a code labels rows, but says nothing of
            # "firms"; "Company Name" does
            return None
        return first.name if first.distinct == self.index.profile.rows - first.nulls else None

    # -- cues -------------------------------------------------------------------------------
    def cue(self, *phrases: str) -> tuple[int, int] | None:
        """The first place one of ``phrases`` occurs on free words; the longest phrase there."""
        found = [
            (start, end)
            for start, end in self.reading.find(*phrases)
            if all(self.free(i) for i in range(start, end))
        ]
        if not found:
            return None
        return min(found, key=lambda s: (s[0], -(s[1] - s[0])))

    def word_positions(self, words: frozenset[str] | set[str]) -> list[int]:
        return [i for i, w in enumerate(self.words) if w in words and self.free(i)]

    def in_a_full_name(self, positions: set[int], *, minimum: float = 1.0) -> bool:
        """Whether every one of ``positions`` is a word of a column's full name ("total" of
        totalSpend, "average" of avgScore): an aggregate said there may be only the name."""
        named = {
            i for m in self.reading.columns if m.score >= minimum for i in range(m.start, m.end)
        }
        return bool(positions) and positions <= named

    def aggregate_word(self) -> tuple[AggFunc, set[int]] | None:
        span = self.cue(*lexicon.STD_PHRASES)
        if span is not None:
            positions = set(range(*span))
            sample = [i for i in self.word_positions(set(lexicon.SAMPLE_WORDS))]
            if self.word_positions(set(lexicon.POPULATION_WORDS)):
                return None  # population std: the Plan's std is the sample one
            return "std", positions | set(sample)
        # a word of a column's full name is an aggregate only when no other word is: "the
        # maximum heart_rate_avg" is a maximum, "the total finals of Foyle" reads Total Finals
        named = {i for m in self.reading.columns if m.score >= 1.0 for i in range(m.start, m.end)}
        extremes = ("max", "min", "maximum", "minimum")
        outside = [i for i in range(len(self.words)) if i not in named]
        for inside in (False, True):
            if inside and any(self.words[i] in extremes for i in outside):
                return None
            for i, word in enumerate(self.words):
                if word not in lexicon.AGGREGATE_WORDS or word in extremes or not self.free(i):
                    continue
                if (i in named) != inside:
                    continue
                func = lexicon.AGGREGATE_WORDS[word]
                same = {
                    j
                    for j, other in enumerate(self.words)
                    if lexicon.AGGREGATE_WORDS.get(other) == func and self.free(j)
                }  # "typical … (mean)": both words say the same
                return func, same
        return None

    def superlative(self) -> tuple[lexicon.Direction, int] | None:
        for i, word in enumerate(self.words):
            if not self.free(i) or (i - 1 in self.reading.numbers and word in ("min", "max")):
                continue  # "shorter than 45 min": minutes
            if word in lexicon.MAX_WORDS:
                return "max", i
            if word in lexicon.MIN_WORDS:
                if word == "least" and self.words[i + 1 : i + 2] in (["one"], ["1"]):
                    continue  # "at least one adverse event": there was one, not a minimum
                return "min", i
        return None

    def group_cue(self) -> tuple[int, int] | None:
        return self.cue(*lexicon.GROUP_PHRASES)

    def chart(self) -> tuple[ChartKind, set[int]] | None:
        for i, word in enumerate(self.words):
            if word in lexicon.CHART_WORDS and self.free(i):
                positions = {i}
                for j in (i - 1, i + 1):
                    if 0 <= j < len(self.words) and self.words[j] in lexicon.CHART_WORDS:
                        positions.add(j)
                return lexicon.CHART_WORDS[word], positions
        return None


def date_columns(index: SchemaIndex) -> list[str]:
    return [c.name for c in index.profile.column_profiles if c.type == "datetime"]
