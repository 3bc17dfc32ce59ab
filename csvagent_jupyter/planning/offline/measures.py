"""Whether a column named in a question is its amount or only the thing it measures:
"goals" names Goals, but "riders" names rider_age and "picks" pickSeconds only by the thing
whose age or time they hold. Such words name the rows; they are never summed, averaged or
compared with a threshold.
"""

from __future__ import annotations

from ..schema_index import ColumnMention, SchemaIndex, agent_noun_of, is_plural, singular, tokens
from . import lexicon
from .reading import Reading
from .units import column_unit, is_unit, unit_of

# Names of columns that count things (Quantity, qty, Units), as column names are read
QUANTITY_TOKENS = frozenset(singular(w) for w in lexicon.QUANTITY_TOKENS)
# Names of columns of scores (rating, grade, percent), as column names are read
SCORE_TOKENS = frozenset(singular(w) for w in lexicon.SCORE_WORDS)

# Last words of names whose column measures something of the thing its first word names
# (rider_age, order_value, resultValue, pickSeconds).
MEASURE_HEADS = frozenset(
    singular(w)
    for w in (
        "age", "price", "cost", "amount", "value", "duration", "time", "weight", "height",
        "distance", "length", "speed", "salary", "income", "revenue", "fee", "size",
        "balance", "spend",
    )
)  # fmt: skip


def names_the_amount(
    index: SchemaIndex, reading: Reading, mention: ColumnMention, *, rows_noun: bool = True
) -> bool:
    """ "goals" names Goals, "units sold" units_sold, "titles" title_count; but "riders"
    names rider_age, "results" resultValue, "picks" pickSeconds, only by the first word of a
    name whose last word is the measure (an age, a value, a unit): those words name the
    rows, not the amount, and are never summed, averaged or compared with a threshold.
    With ``rows_noun`` the file's own noun names the rows too: "failing grades" is no sum of
    gradeLevel (a threshold still reads "visit 6" on VISIT_NO in visits.csv)."""
    name = _without_units(index.column_tokens.get(mention.column, [""]))
    said = {reading.norm[i] for i in range(mention.start, mention.end)}
    if len(name) > 1 and name[-1] in _PLAIN_HEADS and _one_thing_measured(reading, mention):
        return True  # "the total copay" is copay_amount, "the largest single gift" its amount
    if (
        rows_noun
        and mention.score < 1.0
        and said <= reading.subject
        and len(name) > 1
        # ("the largest producer" in coffee_producers.csv: the rows, measured by Production)
        and not any(
            agent_noun_of(reading.words[i], name) for i in range(mention.start, mention.end)
        )
    ):
        return False  # "failing grades" in student_grades.csv: rows, not gradeLevel
    if mention.score >= 0.9 or len(name) == 1:
        return True
    if name[-1] not in MEASURE_HEADS:
        return True
    # only the first words said ("riders"), not the measure: a synonym ("cheapest" for
    # unit_cost) names the measure itself
    things = set(name[:-1])
    return name[-1] in said or not any(
        word in things or any(word.startswith(t) for t in things if len(t) >= 4) for word in said
    )  # "visitors" names Visit Duration only by the visit


# Last words of a name that add nothing to its first ones: a "copay amount" is the copay.
_PLAIN_HEADS = frozenset({"amount", "valu", "value", "total", "sum"})
_AMOUNT_LEADS = frozenset(
    {"total", "average", "avg", "mean", "median", "sum", "largest", "biggest", "smallest",
     "highest", "lowest", "maximum", "minimum", "max", "min", "single"}
)  # fmt: skip


def _one_thing_measured(reading: Reading, mention: ColumnMention) -> bool:
    """ "the total copay", "the largest single gift": one word right after an aggregate is
    the amount of that thing, and so is a plural that is not the rows' own noun ("total
    fees" of FEE_AMT in chimney_jobs.csv; "total orders" in orders.csv counts them); "how
    many gifts" and "abnormal results" name the rows, and stay so."""
    if mention.end - mention.start != 1 or mention.start == 0:
        return False
    word = reading.words[mention.start]
    plural = word.endswith("s") and not word.endswith("ss")
    if plural and reading.norm[mention.start] in reading.subject:
        return False
    return reading.words[mention.start - 1] in _AMOUNT_LEADS


def counts_what_is_measured(reading: Reading, mention: ColumnMention) -> bool:
    """ "how many repairs", "the most visits" beside repair_hrs, VISIT_MIN: the plural of the
    thing a column measures in a unit counts those things (rows), never adds up their hours
    or minutes, unless the question says the unit ("how many repair hours"). A measure named
    by its own noun ("sales" of sales_usd, "calories" of calories_kcal) stays its amount."""
    if mention.end - mention.start != 1 or mention.score >= 1.0:
        return False
    word = reading.words[mention.start]
    unit = column_unit(mention.column)
    if unit is None or not is_plural(word) or word in lexicon.MEASURE_WORDS:
        return False
    if word in lexicon.MONEY_NOUNS or any(
        is_unit(w) and unit_of(w)[0] == unit[0] for w in reading.words
    ):
        return False
    return reading.norm[mention.start] in _without_units(tokens(mention.column))


def _without_units(name: list[str]) -> list[str]:
    """ "Unit Cost (USD)" is a cost: a unit after the name says how it is counted."""
    while len(name) > 1 and is_unit(name[-1]):
        name = name[:-1]
    return name
