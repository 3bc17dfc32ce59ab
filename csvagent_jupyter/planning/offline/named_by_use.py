"""Columns named by how a question uses its words, beyond their spelling: the noun of the
event a yes/no or date column records ("readmissions", "signed up"), a value followed by a
column's name ("Eastwick station"), a name that holds the word itself before one that only
begins like it ("pickers"), and "more times" that counts occasions, never a Time column.
"""

from __future__ import annotations

import re

from ..schema_index import ColumnMention, SchemaIndex, ValueMention, header_words
from .derived import is_flag


def _name_words(column: str) -> list[str]:
    """The words of a column's name as written, lower case ("isCancelled" → is, cancelled)."""
    return re.findall(r"[a-z]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", column).lower())


def in_the_column_named_after(
    value: ValueMention, columns: list[ColumnMention], norm: list[str], index: SchemaIndex
) -> ValueMention:
    """ "Eastwick station" with Eastwick both a Station and a Borough: the column named
    right after the value, when the value is one of its cells."""
    phrase = " ".join(norm[value.start : value.end])
    for m in columns:
        if m.start == value.end and m.score >= 0.6 and m.column != value.column:
            cell = index.values.get(m.column, {}).get(phrase)
            if cell is not None:
                return ValueMention(m.column, cell, value.start, value.end, value.exact)
    # "how many pole positions did Mika Häkkinen have" with the name in Pole position, Fastest
    # lap and Winner: the one column the question names that holds it
    named = {
        m.column
        for m in columns
        if m.score >= 0.85
        and not all(norm[i] in index.subject for i in range(m.start, m.end))  # the rows' noun
    }
    holders = {c for c in named if phrase in index.values.get(c, {})} - {value.column}
    if value.column not in named and len(holders) == 1:
        column = holders.pop()
        cell = index.values[column][phrase]
        return ValueMention(column, cell, value.start, value.end, value.exact)
    return value


def exact_word_first(
    mentions: list[ColumnMention], norm: list[str], index: SchemaIndex
) -> list[ColumnMention]:
    """ "pickers" is a word of pickerName, and only the start of pickId's "pick": on one
    word, a name holding the word itself beats names that only begin like it."""

    def exact(m: ColumnMention) -> bool:
        return all(norm[i] in index.column_tokens.get(m.column, []) for i in range(m.start, m.end))

    spans_with_exact = {(m.start, m.end) for m in mentions if m.score < 1.0 and exact(m)}
    return [
        m
        for m in mentions
        if m.score >= 1.0 or (m.start, m.end) not in spans_with_exact or exact(m)
    ]


def occasions(words: list[str], mention: ColumnMention) -> bool:
    """Whether the mention is the word "times" counting occasions ("more times")."""
    return (
        mention.end - mention.start == 1
        and words[mention.start] == "times"
        and mention.start > 0
        and words[mention.start - 1] in ("many", "more", "most", "fewer", "fewest", "several", "of")
    )


def events_of_flags(
    words: list[str], index: SchemaIndex, mentions: list[ColumnMention], taken: set[int]
) -> list[ColumnMention]:
    """The word of an event a column records, naming that column:
    - "readmissions", "cancellations", "refunds" name the yes/no column of the event
      (readmitted, is_cancelled, refunded); without it, "how many readmissions" counted
      every row;
    - "admissions", "signed up", "signups" name the date of the event (admit_date,
      signup_date), so "how many admissions in 2023" on a table with a discharge date too
      is read on the admission date."""
    named = {i for m in mentions if m.score >= 0.6 for i in range(m.start, m.end)}
    flags = {
        column: [w for w in _name_words(column) if len(w) >= 6]
        for column in index.column_tokens
        if is_flag(index, column)
    }
    dates = {
        column: [w for w in _name_words(column)[:1] if len(w) >= 4 and w not in _DATE_NAME_WORDS]
        for column in index.column_tokens
        if index.type_of(column) == "datetime"
    }
    # a word naming an id or a flag may still name the date of its event ("admissions",
    # "churned")
    by_label = {
        i
        for m in mentions
        if m.score >= 0.6 and not (index.is_identifier(m.column) or is_flag(index, m.column))
        for i in range(m.start, m.end)
    }
    found: list[ColumnMention] = []
    for position, word in enumerate(words):
        if position in by_label or position in taken or not word.isalpha():
            continue
        hits = [
            column
            for column, name_words in flags.items()
            if position not in named
            and len(word) >= 7
            and any(w[:6] == word[:6] and w != word for w in name_words)
        ]
        if not hits and len(word) >= 5 and len(dates) > 1:
            hits = [
                column
                for column, name_words in dates.items()
                if any(w[:4] == word[:4] and w != word for w in name_words)
            ]
        if len(hits) == 1:
            found.append(ColumnMention(hits[0], position, position + 1, 0.7))
    return found


_DATE_NAME_WORDS = frozenset({"date", "time", "day", "when", "datetime", "timestamp"})


_IRREGULAR_DOERS = {
    "built": "builder", "wrote": "writer", "written": "writer", "made": "maker",
    "led": "leader", "sang": "singer", "drove": "driver", "taught": "teacher",
    "held": "holder", "found": "finder", "drew": "drawer", "ran": "runner",
    "bought": "buyer", "sold": "seller", "paid": "payer", "sent": "sender", "lent": "lender",
    "kept": "keeper", "caught": "catcher", "fought": "fighter", "spoke": "speaker",
    "rode": "rider", "swam": "swimmer", "threw": "thrower", "sought": "seeker",
}  # fmt: skip


def doer_column(index: SchemaIndex, verb: str) -> str | None:
    """The one text column named by the doer of a regular verb: "audited" → Auditor,
    "inspected" → Inspector; and of winning and losing: "won" → Winner, Champion, "lost" →
    Runner-up, Loser."""
    if verb in ("won", "win", "wins"):
        doers = {"winner", "winners", "champion", "champions", "victor", "winning"}  # "who won"
    elif verb in ("lost", "lose", "loses"):
        # "which team lost the final" → Runner-up, Loser (never a Runner name column)
        losers = [
            c.name
            for c in index.profile.column_profiles
            if c.type in ("text", "category")
            and (
                (names := set(index.column_tokens.get(c.name, [])) | set(header_words(c.name)))
                & {"loser", "losers", "losing"}
                or {"runner", "up"} <= names
            )
        ]
        return losers[0] if len(losers) == 1 else None
    elif verb in _IRREGULAR_DOERS:
        doers = {_IRREGULAR_DOERS[verb]}  # "who built" → Builder
    elif not verb.endswith("ed") or len(verb) < 5:
        return None
    else:
        stems = {verb[:-2], verb[:-1]}  # "audited" → audit; "scored" → score
        doers = {stem + ending for stem in stems for ending in ("or", "er", "r")}
    found = [
        c.name
        for c in index.profile.column_profiles
        # ("buyerName": its words, never one token)
        if c.type in ("text", "category") and set(header_words(c.name)) & doers
    ]
    return found[0] if len(found) == 1 else None
