"""One-letter cell values: "got an A", "get a C", "grade C", "a C grade".

A single letter is most often an article ("a") or a pronoun ("I"), and the reader drops
it as filler. It names a cell value only where the sentence says so: after a verb of
receiving a mark ("got an A", "received a C"), beside the name of a column that holds
single letters ("grade C", "a C grade"), or written as a capital inside a sentence that
is not all in capitals. Such a letter is content: a reading that cannot place it asks
back, and never answers with the filter dropped.
"""

from __future__ import annotations

import re

from ..schema_index import SchemaIndex, ValueMention, singular, tokens
from . import lexicon

_ARTICLES = frozenset({"a", "an", "the"})
_A_MARK = re.compile(r"[A-Z]{1,3}[*+\-]?")
# what follows the pronoun "I" ("which grade should I pick", "the class I am in")
_AFTER_I = frozenset(
    {"am", "was", "have", "had", "want", "need", "should", "can", "could", "will", "would",
     "do", "did", "get", "got", "think", "mean", "see", "know", "take", "took", "pick", "chose",
     "choose", "must", "may", "might"}
)  # fmt: skip
# after "got a" a word that ends the phrase: the "a" is the mark ("got a in maths" aside)
_PHRASE_ENDS = frozenset(
    {"in", "on", "at", "and", "or", "for", "from", "by", "during", "since", "before", "after",
     "than"}
)  # fmt: skip


def lettered_columns(index: SchemaIndex) -> dict[str, set[str]]:
    """Columns whose values are single letters (grades, classes, ratings): column → letters."""
    out: dict[str, set[str]] = {}
    for column, mapping in index.values.items():
        originals = {str(v).strip() for v in mapping.values()}
        if not originals or len(originals) > 26:
            continue
        letters = {v for v in originals if len(v) == 1 and v.isalpha()}
        # ("I", "II*", "II": listed grades, marks of a letter or a few capitals)
        marks = {v for v in originals if _A_MARK.fullmatch(v)}
        if letters and len(marks) * 5 >= len(originals) * 4:  # most values are one letter
            out[column] = {v.lower() for v in letters}
    return out


def letter_values(
    words: list[str],
    upper: set[int],
    numbers: set[int],
    taken: set[int],
    index: SchemaIndex,
    *,
    case_means: bool,
) -> tuple[list[ValueMention], set[int]]:
    """The letters that name a cell value, and every position where the sentence puts a
    mark (placed or not). ``upper``: single letters written as capitals; ``case_means``:
    whether the question's case says anything (not typed in capitals or Title Case)."""
    columns = lettered_columns(index)
    stems = {c: {singular(t) for t in tokens(c)} for c in columns}
    found: list[ValueMention] = []
    marks: set[int] = set()
    for i, word in enumerate(words):
        if len(word) != 1 or not word.isalpha() or i in taken or (i - 1) in numbers:
            continue
        before = words[i - 1] if i else ""
        article = before in _ARTICLES and i >= 2
        verb = words[i - 2] if article else before
        after = words[i + 1] if i + 1 < len(words) else ""
        # "grade C", "grade of C"
        name = words[i - 2] if before == "of" and i >= 2 else before
        named_before = {c for c in columns if singular(name) in stems[c]}
        named_after = {c for c in columns if singular(after) in stems[c]}
        capital = case_means and i in upper and i > 0 and word != "i"
        pronoun_like = word in ("a", "i") and not (capital or article)
        if word == "i" and named_before and after not in _AFTER_I:
            pronoun_like = False  # "Grade I listed": the grade, never "I listed"
        if word in ("a", "an") and after and len(after) == 1 and after.isalpha():
            continue  # "get a C": the article of the next letter
        if verb in lexicon.MARK_VERBS:
            if pronoun_like and after and after not in _PHRASE_ENDS:
                continue  # "got a refund": an article
            named = named_before or named_after
        elif named_before and not (pronoun_like and after and after not in _PHRASE_ENDS):
            named = named_before  # "grade C", "with grade a"
        elif named_after and not pronoun_like:
            named = named_after  # "a C grade"
        elif capital:
            named = set()
        else:
            continue
        holding = [c for c in (named or columns) if word in columns[c]]
        if capital and not named and verb not in lexicon.MARK_VERBS:
            if len(holding) != 1:
                continue  # a capital alone binds only where exactly one column has it
        else:
            marks.add(i)
        for column in holding:
            value = next(
                v for k, v in index.values[column].items() if str(v).strip().lower() == word
            )
            found.append(ValueMention(column, value, i, i + 1))
        if holding:
            marks.add(i)
    return found, marks
