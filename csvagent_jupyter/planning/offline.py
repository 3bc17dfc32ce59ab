"""The offline planner: deterministic, schema-aware rules from English to a Plan.

It reads a question in three passes: what the question mentions (columns, cell
values, numbers with their comparatives, dates), what it asks for (a count, a sum,
an arg-max, a yes/no, a list, a chart), and then assembles the Plan. When it cannot
tell what is asked it says so, with questions that would work, rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analysis.plan import (
    Aggregate,
    ChartSpec,
    Condition,
    Filter,
    FilterGroup,
    GroupKey,
    Plan,
    SortKey,
)
from ..errors import QuestionError
from .schema_index import (
    ABBREVIATIONS,
    STOPWORDS,
    ColumnMention,
    SchemaIndex,
    ValueMention,
    singular,
)

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10}  # fmt: skip
RANK_WORDS = ("rank", "place", "placing", "position", "pos", "finish", "result", "standing")
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], 1)}  # fmt: skip
MAX_WORDS = {"most", "highest", "largest", "greatest", "biggest", "maximum", "max", "best", "top", "longest", "richest", "oldest", "latest", "newest", "recent", "more", "higher", "larger", "greater"}  # fmt: skip
MIN_WORDS = {"least", "lowest", "smallest", "fewest", "minimum", "min", "worst", "shortest", "poorest", "earliest", "less", "lower", "smaller", "fewer"}  # fmt: skip
AGG_WORDS = {
    "average": "mean", "mean": "mean", "avg": "mean", "median": "median", "total": "sum", "sum": "sum",
    "combined": "sum", "overall": "sum", "maximum": "max", "max": "max", "minimum": "min", "min": "min",
    "deviation": "std", "variance": "var",
}  # fmt: skip
CHART_WORDS = {
    "pie": "pie", "histogram": "hist", "scatter": "scatter", "line": "line", "trend": "line",
    "bar": "bar", "chart": "bar", "plot": "bar", "graph": "bar", "boxplot": "box", "box": "box",
}  # fmt: skip
QUESTION_WORDS = {"how", "many", "much", "what", "which", "who", "when", "where", "total", "number", "average", "mean", "most", "least", "highest", "lowest", "list", "name", "top", "first", "last", "different", "unique", "distinct", "did", "does", "were", "was", "have", "has", "more", "less", "than", "game", "year", "time", "people", "team", "player", "person", "one", "place"}  # fmt: skip
# Verbs of results and the cell values that record them (normalised, first word).
_WON = frozenset({"win", "winner", "won", "w", "victory"})
_LOST = frozenset({"los", "lose", "loser", "lost", "l", "defeat", "runner"})
OUTCOME_WORDS = {"win": _WON, "won": _WON, "lose": _LOST, "lost": _LOST}
YES_NO_STARTS = {
    "is",
    "are",
    "was",
    "were",
    "does",
    "do",
    "did",
    "has",
    "have",
    "had",
    "can",
    "could",
    "will",
}
NAME_HINTS = ("name", "player", "athlete", "person", "team", "rider", "driver", "artist", "title", "winner", "country", "nation", "club")  # fmt: skip

_NUMBER = re.compile(
    r"(?<![\w.])[-+]?\$?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(k|m|million|thousand|%)?(?![\w])", re.I
)
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*|#")

_GT = r"(?:more|greater|higher|larger|bigger|over|above|exceeding|exceeds?|after|longer|older)"
_LT = r"(?:less|fewer|lower|smaller|under|below|before|shorter|younger)"
COMPARATIVES = [
    (re.compile(r"\bbetween\s+(?P<a>num\d+)\s+(?:and|to|-)\s+(?P<b>num\d+)"), "between"),
    (re.compile(r"\bfrom\s+(?P<a>num\d+)\s+(?:to|through|until|-)\s+(?P<b>num\d+)"), "between"),
    (
        re.compile(
            r"\b(?:at least|no less than|not less than|minimum of|a minimum of)\s+(?P<a>num\d+)"
        ),
        "ge",
    ),
    (re.compile(r"(?P<a>num\d+)\s+or (?:more|greater|higher|above|over)"), "ge"),
    (
        re.compile(r"\b(?:at most|no more than|not more than|maximum of|up to)\s+(?P<a>num\d+)"),
        "le",
    ),
    (re.compile(r"(?P<a>num\d+)\s+or (?:less|fewer|lower|below|under)"), "le"),
    (re.compile(r"\bsince\s+(?P<a>num\d+)"), "ge"),
    (re.compile(rf"\b{_GT}(?: than)?\s+(?P<a>num\d+)"), "gt"),
    (re.compile(rf"\b{_LT}(?: than)?\s+(?P<a>num\d+)"), "lt"),
    (re.compile(r"\b(?:equal to|exactly|of|=)\s+(?P<a>num\d+)"), "eq"),
]


@dataclass
class Reading:
    """What the planner understood of a question; kept for tests and the error message."""

    words: list[str]  # raw lower-case words (numbers replaced by NUMn placeholders)
    norm: list[str]  # the same words normalised (abbreviations, singular)
    numbers: list[float]
    columns: list[ColumnMention] = field(default_factory=list)
    values: list[ValueMention] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # word positions already explained


def _parse_number(match: re.Match[str]) -> float:
    digits = match.group(1).replace(",", "")
    value = float(digits + (match.group(2) or ""))
    suffix = (match.group(3) or "").lower()
    if suffix in ("k", "thousand"):
        value *= 1_000
    elif suffix in ("m", "million"):
        value *= 1_000_000
    return value


def read_question(question: str, index: SchemaIndex) -> Reading:
    text = question.lower().replace("’", "'").replace("“", '"').replace("”", '"')
    numbers: list[float] = []

    def keep(match: re.Match[str]) -> str:
        numbers.append(_parse_number(match))
        return f" num{len(numbers) - 1} "

    text = _NUMBER.sub(keep, text)
    words = [w.strip(".'") for w in _WORD.findall(text)]
    words = [w for w in words if w]
    for position, word in enumerate(words):
        if word in NUMBER_WORDS and not (position + 1 < len(words) and words[position + 1] == "of"):
            numbers.append(float(NUMBER_WORDS[word]))
            words[position] = f"num{len(numbers) - 1}"
    norm = [
        w if w.startswith("num") and w[3:].isdigit() else singular(ABBREVIATIONS.get(w, w))
        for w in words
    ]
    reading = Reading(words, norm, numbers)
    # Values first: a phrase that is a cell value ("new york") is not a column mention.
    reading.values = index.value_mentions(_with_numbers(norm, numbers))
    value_positions = {i for v in reading.values for i in range(v.start, v.end)}
    mentions = index.column_mentions(_with_numbers(norm, numbers))  # "2000 attendance"
    reading.columns = [
        m for m in mentions
        if not (set(range(m.start, m.end)) <= value_positions and m.score < 1.0)
    ]  # fmt: skip
    # A number that is a column's name ("in 2007" where a column is headed 2007) names it.
    by_name = {name.strip(): name for name in index.column_tokens}
    for position, word in enumerate(words):
        if _is_placeholder(word):
            value = numbers[int(word[3:])]
            key = str(int(value)) if value.is_integer() else str(value)
            if key in by_name:
                reading.columns.insert(0, ColumnMention(by_name[key], position, position + 1, 1.0))
                reading.used.add(position)
    return reading


def _is_placeholder(word: str) -> bool:
    return word.startswith("num") and word[3:].isdigit()


def _with_numbers(norm: list[str], numbers: list[float]) -> list[str]:
    """Words with number placeholders put back as numbers, so "1941" can match a cell value."""
    out = []
    for word in norm:
        if _is_placeholder(word):
            value = numbers[int(word[3:])]
            out.append(str(int(value)) if value.is_integer() else str(value))
        else:
            out.append(word)
    return out


class OfflinePlanner:
    """English to Plan with rules; see the module docstring."""

    name = "offline"

    def __init__(self, index: SchemaIndex) -> None:
        self.index = index

    # -- entry ---------------------------------------------------------------------------
    def plan(self, question: str) -> Plan:
        reading = read_question(question, self.index)
        if not reading.words:
            raise QuestionError("The question is empty.")
        return _Builder(self.index, reading, question).build()


class _Builder:
    def __init__(self, index: SchemaIndex, reading: Reading, question: str) -> None:
        self.index = index
        self.r = reading
        self.question = question
        self.words = reading.words
        self.text = " ".join(reading.words)
        self.filters: list[Filter] = []
        self.filter_columns: set[str] = set()

    # -- helpers -------------------------------------------------------------------------
    def has(self, *phrases: str) -> bool:
        padded = f" {self.text} "
        return any(f" {p} " in padded for p in phrases)

    def first_position(self, *phrases: str) -> int | None:
        padded = f" {self.text} "
        best = None
        for phrase in phrases:
            at = padded.find(f" {phrase} ")
            if at >= 0:
                position = padded[:at].count(" ")
                best = position if best is None else min(best, position)
        return best

    def number(self, placeholder: str) -> float:
        return self.r.numbers[int(placeholder[3:])]

    def numeric_mentions(self) -> list[ColumnMention]:
        """Numeric columns the question names that can be measured (not row keys like order_id).

        "number" in "the number of …" is the counting idiom, not a column called "No.".
        """
        out = []
        for m in self.r.columns:
            if not self.index.is_numeric(m.column):
                continue
            if self.index.is_identifier(m.column):
                continue  # a row key is never summed or ranked: "games" counts rows, not Game numbers
            if (
                m.end - m.start == 1
                and self.r.norm[m.start] == "number"
                and self.words[m.end : m.end + 1] == ["of"]
            ):
                continue
            out.append(m)
        return out

    def mention_after(
        self, position: int, window: int = 4, *, numeric: bool | None = None
    ) -> ColumnMention | None:
        measures = self.numeric_mentions()
        candidates = [
            m for m in self.r.columns
            if position < m.start <= position + window and (numeric is None or (m in measures) == numeric)
        ]  # fmt: skip
        candidates.sort(key=lambda m: (m.start, -m.score))
        return candidates[0] if candidates else None

    def name_column(self, exclude: set[str]) -> str | None:
        profiles = [c for c in self.index.profile.column_profiles if c.name not in exclude]
        for hint in NAME_HINTS:
            for column in profiles:
                if hint in column.name.lower() and column.type in ("text", "category"):
                    return column.name
        rows = max(self.index.profile.rows, 1)
        for column in profiles:
            if column.type in ("text", "category") and column.distinct >= 0.6 * rows:
                return column.name
        texts = [c.name for c in profiles if c.type in ("text", "category")]
        return texts[0] if texts else None

    # -- filters -------------------------------------------------------------------------
    def add_value_filters(self) -> None:
        taken = {i for v in self.r.values for i in range(v.start, v.end)}
        taken |= {i for m in self.r.columns for i in range(m.start, m.end)}
        function_words = QUESTION_WORDS | MAX_WORDS | MIN_WORDS | set(AGG_WORDS)
        taken |= {i for i, w in enumerate(self.words) if _is_placeholder(w) or w in function_words}
        # What is counted or ranked ("the most movies", "how many films") is the table's
        # subject, not a filter, even when some longer cell value contains the word.
        subject = set()
        for position, word in enumerate(self.words):
            if word in MAX_WORDS | MIN_WORDS | {"many", "much", "of"}:
                subject |= {position + 1, position + 2}
        partial = [
            m for m in self.index.partial_value_mentions(self.r.norm, taken)
            if not (m.whole_word and m.start in subject)
        ]  # fmt: skip
        # A number that a comparative governs ("more than 16 points") is a threshold, not a
        # cell value, even where some text column happens to hold "16".
        compared = {
            i
            for pattern, _ in COMPARATIVES
            for match in pattern.finditer(self.text)
            for i in range(
                self.text[: match.start()].count(" "), self.text[: match.end()].count(" ") + 1
            )
        }
        exact = [
            m
            for m in self.r.values
            if not (set(range(m.start, m.end)) & compared and self._numeric_span(m))
        ]
        taken |= {i for m in partial for i in range(m.start, m.end)}
        outcomes = self._outcome_mentions(taken)
        by_column: dict[str, list[ValueMention]] = {}
        for mention in [*exact, *partial, *outcomes]:
            by_column.setdefault(mention.column, []).append(mention)
        for column, mentions in by_column.items():
            negated = any(self._negated(m.start) for m in mentions)
            values = list(
                dict.fromkeys(v for m in mentions for v in self._value_family(column, m.value))
            )
            if len(values) == 1:
                self.filters.append(
                    Condition(column=column, op="ne" if negated else "eq", value=_scalar(values[0]))
                )
            else:
                self.filters.append(
                    Condition(
                        column=column,
                        op="not_in" if negated else "in",
                        value=[_scalar(v) for v in values],
                    )
                )
            self.filter_columns.add(column)
            for m in mentions:
                self.r.used |= set(range(m.start, m.end))

    def _value_family(self, column: str, value: object) -> list[object]:
        """A value and its qualified variants: "Hard" also means "Hard (i)", "Clay (indoor)"."""
        if not isinstance(value, str):
            return [value]
        pattern = re.compile(rf"^{re.escape(value.strip())}\s*[(\[].*[)\]]\s*$", re.IGNORECASE)
        variants = [
            v
            for v in self.index.values.get(column, {}).values()
            if isinstance(v, str) and pattern.match(v)
        ]
        return [value, *variants]

    def _outcome_mentions(self, taken: set[int]) -> list[ValueMention]:
        """ "did X win", "games they lost": a results column's winning or losing values."""
        found: list[ValueMention] = []
        for position, word in enumerate(self.words):
            if position in taken or word not in OUTCOME_WORDS:
                continue
            wanted = OUTCOME_WORDS[word]
            best: tuple[str, list[object]] | None = None
            for column, mapping in self.index.values.items():
                if len(mapping) > 50 or column in self.index.free_text:
                    continue
                hits = [value for key, value in mapping.items() if key.split(" ")[0] in wanted]
                if (
                    hits
                    and len(hits) < len(mapping)
                    and (best is None or len(mapping) < len(self.index.values[best[0]]))
                ):
                    best = (column, hits)
            if best is not None:
                found += [
                    ValueMention(best[0], value, position, position + 1, exact=False)
                    for value in best[1]
                ]
        return found

    def _numeric_span(self, mention: ValueMention) -> bool:
        return all(_is_placeholder(w) for w in self.words[mention.start : mention.end])

    def _negated(self, position: int) -> bool:
        window = self.words[max(0, position - 4) : position]
        return any(
            w in ("not", "n't", "without", "excluding", "except", "non") or w.endswith("n't")
            for w in window
        )

    def add_ordinal_filters(self) -> None:
        """ "finished first", "1st place", "second place": a rank column equal to that position."""
        for position, word in enumerate(self.words):
            if word not in ORDINALS or position in self.r.used:
                continue
            near = self.words[max(0, position - 2) : position + 3]
            if not any(
                w.startswith(("plac", "finish", "rank", "came", "position", "won")) for w in near
            ):
                continue
            column = self._rank_column(position)
            if column is None:
                continue
            rank = ORDINALS[word]
            if self.index.is_numeric(column):
                profile = self.index.profile.column(column)
                if (
                    profile is None
                    or profile.min is None
                    or not profile.min <= rank <= (profile.max or rank)
                ):
                    continue  # e.g. ranks left blank for the medallists: file order decides
                self.filters.append(Condition(column=column, op="eq", value=rank))
            else:
                spelled = {
                    str(rank),
                    f"{rank}{_suffix(rank)}",
                    next(k for k, v in ORDINALS.items() if v == rank),
                }
                values = [v for k, v in self.index.values.get(column, {}).items() if k in spelled]
                if not values:
                    continue
                self.filters.append(
                    Condition(column=column, op="in", value=[_scalar(v) for v in values])
                )
            self.filter_columns.add(column)
            self.r.used.add(position)

    def _holds_ordinals(self, column: str) -> bool:
        values = self.index.values.get(column, {})
        return "1st" in values or "2nd" in values

    def _rank_column(self, position: int) -> str | None:
        near = [
            m for m in self.r.columns
            if abs(m.start - position) <= 4 and (_is_rank(m.column) or self._holds_ordinals(m.column))
        ]  # fmt: skip
        if near:
            return min(near, key=lambda m: abs(m.start - position)).column
        for column in self.index.profile.column_profiles:
            if any(word in column.name.lower() for word in RANK_WORDS):
                return column.name
        return None

    def add_number_filters(self) -> set[str]:
        """Comparatives ("more than 10 wins"), ranges and years; returns the columns they use."""
        used: set[str] = set()
        text = self.text
        consumed: set[str] = set()
        for pattern, op in COMPARATIVES:
            for match in pattern.finditer(text):
                placeholders = [
                    match.group(g) for g in ("a", "b") if g in match.groupdict() and match.group(g)
                ]
                if any(p in consumed for p in placeholders):
                    continue
                position = text[: match.start()].count(" ")
                end_position = text[: match.end()].count(" ")
                column = self._column_for_number(position, end_position, op, placeholders)
                if column is None:
                    continue
                consumed |= set(placeholders)
                values = [self.number(p) for p in placeholders]
                negated = self._negated(position + 1)
                self.filters.append(self._number_condition(column, op, values, negated))
                used.add(column)
                self.r.used |= set(range(position, end_position + 1))
        for mention in self.r.columns:
            after = mention.end
            if (
                after < len(self.words)
                and _is_placeholder(self.words[after])
                and self.words[after] not in consumed
            ):
                if mention.column in used or self.index.type_of(mention.column) not in (
                    "integer",
                    "number",
                ):
                    continue
                value = self.number(self.words[after])
                self.filters.append(
                    Condition(
                        column=mention.column,
                        op="eq",
                        value=int(value) if value.is_integer() else value,
                    )
                )
                used.add(mention.column)
                consumed.add(self.words[after])
                self.r.used |= set(range(mention.start, after + 1))
        for position, word in enumerate(self.words):
            if not _is_placeholder(word) or word in consumed or position in self.r.used:
                continue
            value = self.number(word)
            previous = self.words[position - 1] if position else ""
            # "the 2000 animeiowa": a year right before a named value is that value's year.
            before_value = previous == "the" and any(v.start == position + 1 for v in self.r.values)
            if any(
                m.start <= position < m.end or m.column.startswith(str(int(value)))
                for m in self.r.columns
            ):
                continue  # the number is part of a column's name ("2000 attendance")
            if (
                1800 <= value <= 2100
                and value.is_integer()
                and (
                    previous in ("in", "during", "of", "for", "year", "since", "season")
                    or before_value
                )
            ):
                column = self._year_column()
                if column is not None and not any(
                    v.start <= position < v.end for v in self.r.values
                ):
                    self.filters.append(
                        self._year_condition(
                            column, int(value), "ge" if previous == "since" else "eq"
                        )
                    )
                    used.add(column)
                    consumed.add(word)
                    self.r.used.add(position)
        self.filter_columns |= used
        return used

    def _number_condition(self, column: str, op: str, values: list[float], negated: bool) -> Filter:
        kind = self.index.type_of(column)
        clean = [int(v) if v.is_integer() else v for v in values]
        if kind == "datetime":
            if all(1800 <= v <= 2100 for v in values):
                condition = Condition(
                    column=column, op=op, value=clean if op == "between" else clean[0], part="year"
                )  # type: ignore[arg-type]
            else:
                condition = Condition(
                    column=column,
                    op=op,
                    value=[str(v) for v in clean] if op == "between" else str(clean[0]),
                )  # type: ignore[arg-type]
        else:
            condition = Condition(
                column=column, op=op, value=clean if op == "between" else clean[0]
            )  # type: ignore[arg-type]
        return FilterGroup(combine="not", items=[condition]) if negated else condition

    def _year_condition(self, column: str, year: int, op: str) -> Condition:
        if self.index.type_of(column) == "datetime":
            return Condition(column=column, op=op, value=year, part="year")  # type: ignore[arg-type]
        return Condition(column=column, op=op, value=year)  # type: ignore[arg-type]

    def _year_column(self) -> str | None:
        for mention in self.r.columns:
            if self.index.type_of(mention.column) == "datetime" or "year" in mention.column.lower():
                return mention.column
        for column in self.index.profile.column_profiles:
            if column.type == "datetime" or (
                column.type == "integer" and "year" in column.name.lower()
            ):
                return column.name
            if (
                column.type == "integer"
                and column.min is not None
                and column.min >= 1800
                and (column.max or 0) <= 2100
            ):
                return column.name
        return None

    def _column_for_number(
        self, start: int, end: int, op: str, placeholders: list[str]
    ) -> str | None:
        numeric = [
            m
            for m in self.r.columns
            if self.index.is_numeric(m.column) and m.column not in self.filter_columns
        ]
        if all(1800 <= self.number(p) <= 2100 for p in placeholders) and op in (
            "between",
            "ge",
            "gt",
            "lt",
            "le",
        ):
            year = self._year_column()
            if year and not any(m for m in numeric if start - 3 <= m.start <= end + 3):
                return year
        if not numeric:
            candidates = [
                c.name
                for c in self.index.profile.column_profiles
                if c.type in ("integer", "number")
            ]
            return candidates[0] if len(candidates) == 1 else None
        after = [m for m in numeric if end < m.start <= end + 4]
        before = [m for m in numeric if start - 6 <= m.end <= start + 1]
        if after:
            return min(after, key=lambda m: m.start).column
        if before:
            return max(before, key=lambda m: m.end).column
        return None

    def combined_filter(self) -> Filter | None:
        if not self.filters:
            return None
        if len(self.filters) == 1:
            return self.filters[0]
        return FilterGroup(combine="and", items=self.filters)

    # -- intents -------------------------------------------------------------------------
    def build(self) -> Plan:
        self.add_value_filters()
        self.add_ordinal_filters()
        self.add_number_filters()
        words = self.words
        first = words[0]
        chart = self.chart_spec()
        limit = self.top_n()
        if first in YES_NO_STARTS and chart is None:
            return self.yes_no()
        choice = self.choice()
        if choice is not None:
            return choice
        common = self.most_common()
        if common is not None:
            return common
        if self.counting():
            return self.how_many()
        superlative = self.superlative()
        agg = self.aggregate_word()
        group = self.group_keys()
        target = self.target()
        if agg and superlative and target and not self.index.is_numeric(target):
            return self.grouped_extreme(target, agg, superlative, limit, chart)
        if agg in ("max", "min") and not group:
            return self.extreme(agg, limit, chart)  # "the maximum salary", "the top 4 maximum …"
        if agg and not (superlative and target and agg in ("max", "min")):
            return self.aggregate(agg, group, chart, limit)
        if superlative is not None:
            return self.extreme(superlative, limit, chart)
        if group and chart is not None:
            return self.aggregate("count", group, chart, limit)
        unused = [w for i, w in enumerate(self.words) if i not in self.r.used]
        if {"first", "last", "earliest", "latest"} & set(unused):
            return self.first_or_last()
        if self.filters and (
            first in ("what", "which", "who", "when", "where", "list", "name", "show", "give")
        ):
            return self.lookup()
        if chart is not None:
            return self.chart_only(chart)
        raise QuestionError(f"I could not tell what to compute from {self.question!r}.")

    def choice(self) -> Plan | None:
        """ "Who has more titles, A or B?": the one of two named values that wins a comparison."""
        if not re.search(r"\bor\b", self.text):
            return None
        direction = None
        for word in self.words:
            if word in MAX_WORDS:
                direction = "max"
                break
            if word in MIN_WORDS:
                direction = "min"
                break
        if direction is None:
            return None
        by_column: dict[str, list[ValueMention]] = {}
        for mention in self.r.values:
            by_column.setdefault(mention.column, []).append(mention)
        options = next(
            ((c, ms) for c, ms in by_column.items() if len({m.value for m in ms}) >= 2), None
        )
        numbers = [w for w in self.words if _is_placeholder(w)]
        if options is None and len(numbers) >= 2:
            year = self._year_column()
            values = [self.number(w) for w in numbers]
            if year is None:
                return None
            target, chosen = year, [int(v) if v.is_integer() else v for v in values]
        elif options is not None:
            target, chosen = options[0], [_scalar(m.value) for m in options[1]]
        else:
            return None
        others = [f for f in self.filters if not (isinstance(f, Condition) and f.column == target)]
        condition: Filter = Condition(column=target, op="in", value=chosen)  # type: ignore[arg-type]
        filters: Filter = (
            condition if not others else FilterGroup(combine="and", items=[*others, condition])
        )
        measure = self.measure({target})
        if measure is not None:
            descending = direction == "max"
            if _is_rank(measure):
                descending = not descending
            aggregate = Aggregate(func="sum", column=measure)
        else:
            descending = direction == "max"
            aggregate = Aggregate(func="count")
        return Plan(
            operation="aggregate",
            filters=filters,
            aggregates=[aggregate],
            group_by=[GroupKey(column=target)],
            sort=[SortKey(column=aggregate.output_name, descending=descending)],
            limit=1,
            answer_column=target,
        )

    def most_common(self) -> Plan | None:
        """ "The most common level of studies", "the least frequent X": the mode of a column."""
        match = re.search(r"\b(most|least) (?:common|frequent|popular|usual)\b", self.text)
        if match is None:
            return None
        position = self.text[: match.end()].count(" ")
        mention = self.mention_after(position, window=5, numeric=None)
        if mention is None:
            return None
        return Plan(
            operation="aggregate",
            filters=self.combined_filter(),
            aggregates=[Aggregate(func="count")],
            group_by=[GroupKey(column=mention.column)],
            sort=[SortKey(column="count", descending=match.group(1) == "most")],
            limit=self.top_n() or 1,
            answer_column=mention.column,
            answer="list" if (self.top_n() or 1) > 1 else "auto",
        )

    def counting(self) -> bool:
        """A "how many" question, not "the highest number of …" (which is a superlative)."""
        if self.has("how many", "count of", "count the", "what number") or self.words[0] == "count":
            return True
        position = self.first_position("number of", "amount of")
        if position is None:
            return False
        before = set(self.words[max(0, position - 3) : position])
        return not (before & (MAX_WORDS | MIN_WORDS | {"average", "mean", "median"}))

    def chart_spec(self) -> ChartSpec | None:
        for word in self.words:
            if word in CHART_WORDS:
                return ChartSpec(kind=CHART_WORDS[word])  # type: ignore[arg-type]
        return None

    def top_n(self) -> int | None:
        match = re.search(r"\b(?:top|first|bottom|last|best|worst)\s+(num\d+)", self.text)
        if match:
            return int(self.number(match.group(1)))
        match = re.search(
            r"\b(num\d+)\s+(?:most|highest|largest|lowest|smallest|least|biggest|best)", self.text
        )
        return int(self.number(match.group(1))) if match else None

    def superlative(self) -> str | None:
        for word in self.words:
            if word in MAX_WORDS - {"more", "higher", "larger", "greater"}:
                return "max"
            if word in MIN_WORDS - {"less", "lower", "smaller", "fewer"}:
                return "min"
        return None

    def aggregate_word(self) -> str | None:
        for word in self.words:
            if word in AGG_WORDS and not (
                word in ("max", "min", "maximum", "minimum") and self.target()
            ):
                if word in ("total", "overall") and not self.measure():
                    continue
                return AGG_WORDS[word]
        if self.has("standard deviation"):
            return "std"
        return None

    def target(self) -> str | None:
        """The column the question asks for ("which county …" → County)."""
        for cue in ("which", "what", "who", "whom", "name", "list", "tell me", "give"):
            position = self.first_position(cue)
            if position is None:
                continue
            mention = self.mention_after(position, window=4)
            person = cue in ("who", "whom")
            if mention is not None and person and self.index.is_numeric(mention.column):
                mention = None  # "who is the top ranking athlete": a name, not the rank
            if mention is not None and mention.column not in self.filter_columns:
                return mention.column
            if cue in ("who", "whom"):
                return self.name_column(self.filter_columns)
        return None

    def measure(self, exclude: set[str] | None = None) -> str | None:
        exclude = (exclude or set()) | self.filter_columns
        for mention in self.numeric_mentions():
            if mention.column not in exclude:
                return mention.column
        return None

    def group_keys(self) -> list[GroupKey]:
        match = re.search(
            r"\b(?:by|per|for each|in each|for every|across|each)\s+(?:the\s+)?(?!a\b|an\b|all\b|num\d)(\w+(?:\s\w+){0,3})",
            self.text,
        )
        if not match:
            return []
        position = self.text[: match.start(1)].count(" ")
        for bucket in ("day", "week", "month", "quarter", "year"):
            if self.words[position] in (
                bucket,
                bucket + "s",
                bucket + "ly",
                "monthly" if bucket == "month" else bucket,
            ):
                column = self._date_column()
                if column:
                    return [GroupKey(column=column, bucket=bucket)]  # type: ignore[arg-type]
        mention = self.mention_after(position - 1, window=3)
        if mention is None or (
            self.index.is_numeric(mention.column) and self.index.type_of(mention.column) == "number"
        ):
            return []
        return [GroupKey(column=mention.column)]

    def _date_column(self) -> str | None:
        for mention in self.r.columns:
            if self.index.type_of(mention.column) == "datetime":
                return mention.column
        dates = [c.name for c in self.index.profile.column_profiles if c.type == "datetime"]
        return dates[0] if dates else None

    # -- plans ---------------------------------------------------------------------------
    def how_many(self) -> Plan:
        filters = self.combined_filter()
        cue = (
            self.first_position(
                "how many", "number of", "count of", "count the", "what number", "count"
            )
            or 0
        )
        if self.has("different", "unique", "distinct") or re.search(
            r"how many (?:\w+ )?(?:kinds|types|sorts) of", self.text
        ):
            position = (
                self.first_position("different", "unique", "distinct", "kinds", "types") or cue
            )
            mention = self.mention_after(position, window=4) or self.mention_after(cue, window=5)
            if mention is not None:
                return Plan(
                    operation="aggregate",
                    filters=filters,
                    aggregates=[Aggregate(func="count_distinct", column=mention.column)],
                    group_by=self.group_keys(),
                )
        measure = self.mention_after(cue + 1, window=3, numeric=True)
        value_filtered = any(
            isinstance(f, Condition) and f.op in ("eq", "in", "contains") for f in self.filters
        )
        if measure is None and value_filtered and len(self.filters) == 1:
            # "how many votes did X get in Y": a named measure, summed over the rows filtered
            name = self.measure()
            measure = next(
                (m for m in self.numeric_mentions() if m.column == name and m.score >= 0.6), None
            )
        counting_rows = self.has("times", "rows", "records", "entries")
        if measure is not None and measure.column not in self.filter_columns and not counting_rows:
            return Plan(
                operation="aggregate",
                filters=filters,
                aggregates=[Aggregate(func="sum", column=measure.column)],
                group_by=self.group_keys(),
            )
        group = self.group_keys()
        chart = self.chart_spec()
        return Plan(
            operation="aggregate",
            filters=filters,
            aggregates=[Aggregate(func="count")],
            group_by=group,
            chart=chart if group else None,
        )

    def aggregate(
        self, func: str, group: list[GroupKey], chart: ChartSpec | None, limit: int | None
    ) -> Plan:
        exclude = {key.column for key in group}
        measure = self.measure(exclude)
        if measure is None:
            if func == "sum":
                return Plan(
                    operation="aggregate",
                    filters=self.combined_filter(),
                    aggregates=[Aggregate(func="count")],
                    group_by=group,
                    chart=chart,
                )
            raise QuestionError(
                f"Which numeric column should I take the {func} of? I found none named in the question."
            )
        aggregate = Aggregate(func=func, column=measure)  # type: ignore[arg-type]
        sort: list[SortKey] = []
        if group and limit:
            sort = [SortKey(column=aggregate.output_name, descending=self.superlative() != "min")]
        if group and chart is not None and chart.kind == "bar" and group[0].bucket:
            chart = chart.model_copy(update={"kind": "line"})
        return Plan(
            operation="aggregate",
            filters=self.combined_filter(),
            aggregates=[aggregate],
            group_by=group,
            sort=sort,
            limit=limit if group else None,
            chart=chart,
        )

    def extreme(self, direction: str, limit: int | None, chart: ChartSpec | None) -> Plan:
        descending = direction == "max"
        target = self.target()
        measure = self.measure({target} if target else set())
        filters = self.combined_filter()
        if (
            measure is None
            and target is not None
            and self.index.is_numeric(target)
            and not self.has("which", "who")
        ):
            return Plan(
                operation="aggregate",
                filters=filters,
                aggregates=[Aggregate(func=direction, column=target)],
            )  # type: ignore[arg-type]
        if measure is not None and target is None and not self.has("who", "which"):
            if limit and limit > 1:  # "the top 4 salaries": the values themselves, largest first
                return Plan(
                    operation="rows",
                    filters=filters,
                    sort=[SortKey(column=measure, descending=descending)],
                    limit=limit,
                    answer_column=measure,
                    answer="list",
                )
            return Plan(
                operation="aggregate",
                filters=filters,
                aggregates=[Aggregate(func=direction, column=measure)],
            )  # type: ignore[arg-type]
        if target is None:
            target = self.name_column({measure} if measure else set())
        if target is None:
            raise QuestionError(
                "Which column holds the answer? Name it in the question (e.g. 'which region …')."
            )
        answer = "list" if limit and limit > 1 else "auto"
        if measure is not None:
            if _is_rank(measure):
                descending = not descending  # the top rank is number 1
            return Plan(
                operation="rows",
                filters=filters,
                sort=[SortKey(column=measure, descending=descending)],
                limit=limit or 1,
                answer_column=target,
                answer=answer,
                chart=chart,
            )  # type: ignore[arg-type]
        count = Aggregate(func="count")
        return Plan(
            operation="aggregate",
            filters=filters,
            aggregates=[count],
            group_by=[GroupKey(column=target)],
            sort=[SortKey(column="count", descending=descending)],
            limit=limit or 1,
            answer_column=target,
            answer=answer,
            chart=chart,
        )  # type: ignore[arg-type]

    def grouped_extreme(
        self, target: str, func: str, direction: str, limit: int | None, chart: ChartSpec | None
    ) -> Plan:
        """ "Which region has the highest total revenue?": aggregate per group, then the top group."""
        measure = self.measure({target})
        if measure is None:
            aggregate = Aggregate(func="count")
        else:
            aggregate = Aggregate(func=func, column=measure)  # type: ignore[arg-type]
        answer = "list" if limit and limit > 1 else "auto"
        return Plan(
            operation="aggregate",
            filters=self.combined_filter(),
            aggregates=[aggregate],
            group_by=[GroupKey(column=target)],
            sort=[SortKey(column=aggregate.output_name, descending=direction == "max")],
            limit=limit or 1,
            answer_column=None if chart else target,
            answer=answer,  # type: ignore[arg-type]
            chart=chart,
        )

    def first_or_last(self) -> Plan:
        """ "The last movie", "the first date …": the first or last value in file order."""
        target = self.target() or self.name_column(set())
        if target is None:
            raise QuestionError("Which column should I read the first or last value of?")
        func = "last" if self.has("last", "latest") else "first"
        return Plan(
            operation="aggregate",
            filters=self.combined_filter(),
            aggregates=[Aggregate(func=func, column=target)],  # type: ignore[arg-type]
        )

    def lookup(self) -> Plan:
        target = self.target() or self.name_column(self.filter_columns)
        if target is None:
            raise QuestionError("Which column holds the answer?")
        answer = "list" if self.words[0] in ("list", "name") else "auto"
        return Plan(
            operation="rows",
            filters=self.combined_filter(),
            select=[target],
            answer_column=target,
            answer=answer,
        )

    def yes_no(self) -> Plan:
        filters = self.combined_filter()
        agg = self.aggregate_word()
        numbers = [w for w in self.words if _is_placeholder(w)]
        # The aggregated column may also carry the number's filter ("above 30"): it is the measure.
        measure = next((m.column for m in self.numeric_mentions()), None)
        comparison = re.search(rf"\b(?:{_GT}|{_LT}|equal|exceed)\w*", self.text)
        if agg and measure and comparison:
            # "Is the average age above 30?" — the aggregate against the number.
            op = (
                "gt"
                if re.match(_GT, comparison.group(0)) or comparison.group(0).startswith("exceed")
                else "lt"
            )
            if numbers:
                left = Plan(operation="aggregate", aggregates=[Aggregate(func=agg, column=measure)])  # type: ignore[arg-type]
                base = self._filters_without(measure)
                if base is not None:
                    left = left.model_copy(update={"filters": base})
                return Plan(
                    operation="compare", left=left, compare_op=op, right=self.number(numbers[-1])
                )  # type: ignore[arg-type]
        boolean = [m.column for m in self.r.columns if self.index.type_of(m.column) == "boolean"]
        direction = self.superlative()
        if boolean and direction:
            measure = self.measure()
            if measure:
                left = Plan(
                    operation="rows",
                    filters=filters,
                    sort=[SortKey(column=measure, descending=direction == "max")],
                    limit=1,
                    answer_column=boolean[0],
                )
                return Plan(
                    operation="compare",
                    left=left,
                    compare_op="eq",
                    right=not self._negated(len(self.words)),
                )
        if filters is None:
            if boolean:
                return Plan(
                    operation="any", condition=Condition(column=boolean[0], op="eq", value=True)
                )
            raise QuestionError(
                "What should I check? Name a value or a condition (e.g. 'are there any orders over 100?')."
            )
        return Plan(operation="any", condition=filters)

    def _filters_without(self, column: str) -> Filter | None:
        kept = [f for f in self.filters if not (isinstance(f, Condition) and f.column == column)]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else FilterGroup(combine="and", items=kept)

    def chart_only(self, chart: ChartSpec) -> Plan:
        numeric = self.numeric_mentions()
        if chart.kind in ("hist", "box") and numeric:
            return Plan(
                operation="rows",
                filters=self.combined_filter(),
                select=[numeric[0].column],
                chart=chart.model_copy(update={"x": numeric[0].column})
                if chart.kind == "hist"
                else chart.model_copy(update={"y": numeric[0].column}),
            )
        if chart.kind == "scatter" and len(numeric) >= 2:
            x, y = numeric[0].column, numeric[1].column
            return Plan(
                operation="rows",
                filters=self.combined_filter(),
                select=[x, y],
                chart=chart.model_copy(update={"x": x, "y": y}),
            )
        raise QuestionError(
            "What should the chart show? Name a measure and a grouping (e.g. 'total sales by region as a bar chart')."
        )


def _is_rank(column: str) -> bool:
    lowered = column.lower()
    return any(
        word in lowered
        for word in ("rank", "position", "place", "pos.", "seed", "finish", "standing")
    )


def _suffix(number: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(number if number < 20 else number % 10, "th")


def _scalar(value: object) -> str | int | float | bool:
    if isinstance(value, str | int | float | bool):
        return value
    return str(value)


__all__ = ["STOPWORDS", "OfflinePlanner", "Reading", "read_question"]
