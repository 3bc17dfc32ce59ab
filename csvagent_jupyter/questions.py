"""Questions before they reach a planner: cleaned, bounded, keyed for the answer cache,
and, when they cannot be answered, the questions that would work on this file."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

from .errors import QuestionError
from .loading.profile import ColumnProfile, FileProfile, looks_like_identifier
from .planning.offline.lexicon import SCORE_WORDS
from .planning.schema_index import STOPWORDS, tokens

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_question(question: str, max_chars: int) -> str:
    """The question with control and bidi characters removed and spaces folded; bounded in length."""
    if not isinstance(question, str):
        raise QuestionError("A question must be text.")
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", question))
    text = " ".join(text.split())
    if not text:
        raise QuestionError(
            "The question is empty. Ask something like 'average revenue by region'."
        )
    if len(text) > max_chars:
        raise QuestionError(
            f"The question is {len(text):,} characters long; the limit is {max_chars:,}. "
            "Ask one thing at a time (the limit is CSVAGENT_MAX_QUESTION_CHARS)."
        )
    return text


def cache_key(
    content_hash: str | None, question: str, planner: str, context: list[dict[str, Any]]
) -> str:
    """Same content, same question (case and spacing aside), same planner, same conversation."""
    payload = json.dumps(
        {
            "content": content_hash,
            "question": question.casefold(),
            "planner": planner,
            "context": context,
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def suggested_questions(profile: FileProfile, limit: int = 4) -> list[str]:
    """Questions built from this file's own columns that the offline planner answers."""
    numbers = [
        c
        for c in profile.column_profiles
        if c.type in ("integer", "number")
        and not looks_like_identifier(c, profile.rows)
        and not _holds_years(c)  # "average Year by Winner" is no question anyone asks
    ]
    groups = [
        c
        for c in profile.column_profiles
        if c.type in ("category", "text")
        and 1 < c.distinct <= 50
        and not looks_like_identifier(c, profile.rows)
    ]
    # a column whose values repeat groups something; one of names (a row each) only lists
    groups.sort(key=lambda c: c.distinct >= profile.rows - c.nulls)
    dates = [c for c in profile.column_profiles if c.type == "datetime"]
    out: list[str] = []
    if numbers and groups:
        out.append(f"average {numbers[0].name} by {groups[0].name}")
        # ratings and percentages are averaged, never added up
        scored = set(re.findall(r"[a-z]+", numbers[0].name.lower())) & SCORE_WORDS
        summary = "average" if scored else "total"
        out.append(f"which {groups[0].name} has the highest {summary} {numbers[0].name}?")
    if groups and groups[0].top_values and _PLAIN_VALUE.fullmatch(str(groups[0].top_values[0][0])):
        # (a value written "=7" or "12.5 m" reads as a comparison or an amount, not a cell)
        out.append(f"how many rows have {groups[0].name} {groups[0].top_values[0][0]}?")
    if numbers and dates:
        out.append(f"total {numbers[0].name} by month as a line chart")
    if numbers:
        out.append(f"what is the maximum {numbers[-1].name}?")
    out.append("how many rows are there?")
    return out[:limit]


def related_examples(question: str, examples: list[str], columns: list[str]) -> list[str]:
    """The examples worth offering after ``question`` was not understood. A question that
    names none of the file's columns ("summarise the vibes") gets them all: they show what
    can be asked. One that names some ("how many appointments were no-shows", beside a No
    Show column) gets only the examples about those columns; "average Patient Age by Clinic
    Site" would read as a guess at what it meant."""
    said = set(tokens(question)) - STOPWORDS
    named = [c for c in columns if said & set(tokens(c))]
    if not named:
        return examples
    return [e for e in examples if any(c in e for c in named)]


_PLAIN_VALUE = re.compile(r"[A-Za-z][\w'&]*(?: [\w'&]+)*")


def _holds_years(column: ColumnProfile) -> bool:
    """Whole numbers that all read as years (a Year, a Season): never summed or averaged."""
    low, high = column.min, column.max
    return (
        column.type == "integer"
        and isinstance(low, int | float)
        and isinstance(high, int | float)
        and low >= 1000
        and high <= 2100
    )
