"""Columns the question computes from two others: "quantity on hand x unit cost",
"systolic minus diastolic", "clicks / impressions", "closed minus opened (in hours)".

A derived column is named by its formula and treated like any other column by the
shapes; plans that use it get the ``Derive`` step that makes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Literal

from ...analysis.plan import Condition, Derive, Filter, FilterGroup, Plan, TimeUnit
from ..schema_index import ColumnMention, SchemaIndex, tokens
from . import lexicon

Operator = Literal["+", "-", "*", "/"]

OPERATORS: dict[tuple[str, ...], Operator] = {
    ("x",): "*",
    ("times",): "*",
    ("*",): "*",
    ("×",): "*",
    ("multiplied", "by"): "*",
    ("minus",): "-",
    ("-",): "-",
    ("less",): "-",
    ("plus",): "+",
    ("+",): "+",
    ("/",): "/",
    ("divided", "by"): "/",
    ("over",): "/",
}
TIME_UNITS: dict[str, TimeUnit] = {
    "hours": "hours",
    "hour": "hours",
    "minutes": "minutes",
    "days": "days",
    "seconds": "seconds",
}


def find_derived(
    words: list[str], mentions: list[ColumnMention], index: SchemaIndex
) -> tuple[list[ColumnMention], dict[str, Derive]]:
    """Mentions of formulas over two named columns, and the derive step of each."""
    strong = [m for m in mentions if m.score >= 0.6]
    found: list[ColumnMention] = []
    derives: dict[str, Derive] = {}
    for a in strong:
        for op_words, symbol in OPERATORS.items():
            end = a.end + len(op_words)
            if tuple(words[a.end : end]) != op_words:
                continue
            for b in strong:
                if b.start != end or b.column == a.column:
                    continue
                derive = _derive(a.column, symbol, b.column, words, index)
                if derive is not None:
                    derives[derive.name] = derive
                    start = _name_before(words, a.start, mentions)
                    found.append(ColumnMention(derive.name, start, b.end, 1.1))
    rates, rate_derives = _find_rates(words, strong, index)
    return found + rates, {**derives, **rate_derives}


YEAR_SUFFIX = " (year)"


def years_in_text(
    mentions: list[ColumnMention], index: SchemaIndex, asks_a_year: bool, compares: bool
) -> tuple[list[ColumnMention], dict[str, Derive]]:
    """ "opened before 1950" on an Opened column of text ("5 April 1998", "2019"): the year
    each cell writes, as a column of numbers that years compare with. Made only when the
    question gives a year, so "when did it open" still answers with the cell as written.
    A period ("1926–1989") orders by its first year, but a year it is ``compares``-d with
    ("still reigned after 1950") may be meant of either end: none is made, and it is asked.
    Nor is one made where a cell writes no year ("15th century"): that row would drop out."""
    if not asks_a_year:
        return [], {}

    def named(column: str) -> str | None:
        if column not in index.year_texts or column in index.year_gaps:
            return None
        if compares and column in index.year_ranges:
            return None
        return column + YEAR_SUFFIX

    return _read_as_numbers(mentions, "year", named)


def the_one_year_text(index: SchemaIndex, compares: bool) -> dict[str, Derive]:
    """ "How many records were set before 1930" on a table whose only dates are a text column
    ("18 December 1898" beside "1904" and "TBA"): the year it writes, though the question
    does not name it, as there is no other column a year could be of. Never where a date,
    a column of whole-number years or a second column of written years could be meant."""
    if not compares:
        return {}
    for c in index.profile.column_profiles:
        if c.type == "datetime":
            return {}
        years_like = (
            index.holds_whole_numbers(c.name)
            and isinstance(c.min, int | float)
            and isinstance(c.max, int | float)
            and c.min >= 1000
            and c.max <= 2100
        )
        if years_like:
            return {}
    texts = [c for c in index.year_texts if c not in index.free_text]
    if len(texts) != 1:
        return {}
    column = texts[0]
    if column in index.year_gaps or column in index.year_ranges:
        return {}
    name = column + YEAR_SUFFIX
    return {name: Derive(name=name, kind="year", column=column)}


def amounts_in_text(
    mentions: list[ColumnMention], index: SchemaIndex, asks_an_amount: bool
) -> tuple[list[ColumnMention], dict[str, Derive]]:
    """ "which dam is the tallest" on a Height column of text ("305 m (1,001 ft)"): the number
    each cell starts with, in the unit nearly all of them give, as a column of numbers to
    rank, compare and add up. Made only when the question asks for an amount (a superlative,
    an aggregate, a number, a comparison), so "what is the height of X" still answers with
    the cell as written, both units included."""
    if not asks_an_amount:
        return [], {}

    def named(column: str) -> str | None:
        unit = index.number_texts.get(column)
        if unit is None:
            return None
        # ("Visitors (2023)" of "8.9 million" cells is "Visitors (2023) (million)": the scale
        # is said in the name, where a threshold in full finds it; "Height (m)" says its own)
        said = unit and f"({unit})" not in column.lower()
        return f"{column} ({unit})" if said else f"{column} (number)"

    return _read_as_numbers(mentions, "leading_number", named)


def _read_as_numbers(
    mentions: list[ColumnMention],
    kind: Literal["year", "leading_number"],
    named: Callable[[str], str | None],
) -> tuple[list[ColumnMention], dict[str, Derive]]:
    """A derived column of numbers, of ``kind``, beside each text column the question names
    that ``named`` gives a name for, mentioned by the same words."""
    found: list[ColumnMention] = []
    derives: dict[str, Derive] = {}
    for m in mentions:
        name = named(m.column) if m.score >= 0.6 else None
        if name is None:
            continue
        derives[name] = Derive(name=name, kind=kind, column=m.column)
        found.append(ColumnMention(name, m.start, m.end, m.score))
    return found, derives


RATE_SUFFIX = " rate (% of rows)"  # a name no file's own column is likely to carry
RATE_WORDS = frozenset({"rate", "rates"})


_CODED_KINDS = frozenset(tokens(" ".join(sorted(lexicon.CODED_KINDS))))


def is_rate(column: str) -> bool:
    """A derived rate: the percent of rows where a yes/no column is true, only ever averaged
    (per group or over all rows); never summed, never a row filter."""
    return column.endswith(RATE_SUFFIX)


def _find_rates(
    words: list[str], strong: list[ColumnMention], index: SchemaIndex
) -> tuple[list[ColumnMention], dict[str, Derive]]:
    """ "pass rate", "cancellation rate", "the rate of returns": a yes/no column's true share
    in percent, as a column of 0 and 100 whose mean is the rate."""
    found: list[ColumnMention] = []
    derives: dict[str, Derive] = {}
    for m in strong:
        # a 0/1 column named in full before "rate" ("early exit rate" of EARLY_EXIT) is a
        # state whatever its name's grammar: the question says a rate of it is meant
        said_whole = (
            m.score >= 0.9
            and is_flag(index, m.column)
            and not set(index.column_tokens.get(m.column, [])) & _CODED_KINDS
        )
        if not (_names_a_state(index, m.column) or said_whole):
            continue
        if words[m.end : m.end + 1] and words[m.end] in RATE_WORDS:
            start, end = m.start, m.end + 1
        elif m.start >= 2 and words[m.start - 2] in RATE_WORDS and words[m.start - 1] == "of":
            start, end = m.start - 2, m.end
        else:
            continue
        name = f"{m.column}{RATE_SUFFIX}"
        derives[name] = Derive(
            name=name, kind="arithmetic", left=m.column, operator="*", right=100.0
        )
        found.append(ColumnMention(name, start, end, 1.1))
    return found, derives


def misuses_rate(plan: Plan) -> bool:
    """Whether ``plan`` reads a rate other than as a mean: a sum or a maximum of rates, a row
    sorted or filtered by its 0/100 value. Such a plan answers a question nobody asked."""
    for agg in plan.aggregates:
        if agg.column is not None and is_rate(agg.column) and agg.func != "mean":
            return True
    outputs = {agg.output_name for agg in plan.aggregates}
    columns = [k.column for k in plan.sort] + list(plan.select)
    if plan.answer_column:
        columns.append(plan.answer_column)
    if any(is_rate(c) and c not in outputs for c in columns):
        return True
    if any(is_rate(column) for column in filter_columns(plan.filters)):
        return True
    return any(isinstance(side, Plan) and misuses_rate(side) for side in (plan.left, plan.right))


def _names_a_state(index: SchemaIndex, column: str) -> bool:
    """A yes/no column whose rate means something: loaded as booleans (yes/no, true/false),
    or 0/1 integers named as a state ("cancelled", "is_member", "has_discount"). A 0/1
    "gender" code has no rate."""
    if not is_flag(index, column):
        return False
    profile = index.profile.column(column)
    if profile is not None and profile.type == "boolean":
        return True
    words = index.column_tokens.get(column, [""])
    # as written, camelCase apart: "deliveredLate", "was_shipped_late" are states too
    written = re.findall(r"[a-z]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", column).lower())
    return (
        any(len(w) > 3 and w.endswith("ed") for w in written)
        or words[0] in ("is", "has", "was", "had")
        or words[-1] == "flag"
    )


def is_flag(index: SchemaIndex, column: str) -> bool:
    """A yes/no column as loaded: booleans, or integers that are only 0 and 1."""
    profile = index.profile.column(column)
    if profile is None:
        return False
    if profile.type == "boolean":
        return True
    return profile.type == "integer" and profile.min == 0 and profile.max == 1


def _name_before(words: list[str], start: int, mentions: list[ColumnMention]) -> int:
    """Where the formula's own name begins: "pulse pressure (systolic minus diastolic)",
    "stock value, computed as quantity times cost". Words naming nothing else, just before."""
    from . import lexicon

    named = {i for m in mentions if m.score >= 0.6 for i in range(m.start, m.end)}
    i = start - 1
    while i >= 0 and words[i] in lexicon.FILLER | {
        "computed",
        "calculated",
        "defined",
        "i.e",
        "ie",
    }:
        i -= 1
    first = start
    taken = 0
    while (
        i >= 0
        and taken < 3
        and words[i].isalpha()
        and i not in named
        and not lexicon.is_cue(words[i])
    ):
        if words[i] in lexicon.FILLER:
            break
        first, taken, i = i, taken + 1, i - 1
    return first if taken else start


def _derive(
    left: str, symbol: Operator, right: str, words: list[str], index: SchemaIndex
) -> Derive | None:
    kinds = index.type_of(left), index.type_of(right)
    if kinds == ("datetime", "datetime") and symbol == "-":
        unit: TimeUnit = next((TIME_UNITS[w] for w in words if w in TIME_UNITS), "days")
        name = f"{left} - {right} ({unit})"
        return Derive(name=name, kind="date_diff", left=left, right=right, unit=unit)
    if index.is_numeric(left) and index.is_numeric(right):
        name = f"{left} {symbol} {right}"
        return Derive(name=name, kind="arithmetic", left=left, operator=symbol, right=right)
    return None


@dataclass
class QuestionIndex(SchemaIndex):
    """The table's index plus the columns one question derives (numbers, by construction)."""

    derived: dict[str, Derive] = field(default_factory=dict)

    @classmethod
    def over(cls, base: SchemaIndex, derived: dict[str, Derive]) -> SchemaIndex:
        """``base`` itself when nothing is derived; else a copy that knows the formulas."""
        if not derived:
            return base
        shared = {f.name: getattr(base, f.name) for f in fields(base)}
        return cls(**shared, derived=derived)

    def type_of(self, column: str) -> str:
        return "number" if column in self.derived else super().type_of(column)

    def is_numeric(self, column: str) -> bool:
        return column in self.derived or super().is_numeric(column)

    def is_identifier(self, column: str) -> bool:
        return column not in self.derived and super().is_identifier(column)

    def labels_the_rows(self, column: str) -> bool:
        source = self.derived[column].column if column in self.derived else column
        return source is not None and super().labels_the_rows(source)


def with_derives(plan: Plan, derived: dict[str, Derive]) -> Plan:
    """``plan`` with the derive steps of the derived columns it reads (sub-plans too)."""
    if not derived:
        return plan
    update: dict[str, object] = {}
    for side in ("left", "right"):
        sub = getattr(plan, side)
        if isinstance(sub, Plan):
            update[side] = with_derives(sub, derived)
    text = plan.model_dump_json(exclude={"left", "right", "derive"})
    needed = [d for name, d in derived.items() if f'"{name}"' in text or f"{name}" in text]
    if needed:
        update["derive"] = [*needed, *plan.derive]
    return plan.model_copy(update=update) if update else plan


def filter_columns(item: Filter | None) -> set[str]:
    """Every column a filter tests, through nested groups."""
    found: set[str] = set()
    pending: list[Filter | None] = [item]
    while pending:
        current = pending.pop()
        if isinstance(current, Condition):
            found.add(current.column)
        elif isinstance(current, FilterGroup):
            pending.extend(current.items)
    return found
