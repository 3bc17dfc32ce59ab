"""What a question asks for: the column that answers "which X", "who", "when", "what was
the Y of …", and whether a superlative picks a row ("the cheapest item") or a value."""

from __future__ import annotations

from ...analysis.plan import Derive, GroupKey
from ..schema_index import ColumnMention, head_stem, modifier_stems, names_the_doer_of
from . import lexicon
from .derived import YEAR_SUFFIX
from .grounding import NAME, Frame
from .named_by_use import doer_column
from .pieces import group_keys, period_key, said_as_a_verb, span, ungrounded


def targets(f: Frame) -> list[tuple[list[GroupKey], list[Derive], set[int], str | None]]:
    """What a 'which X …' asks for: (group keys, derives, words, answer column)."""
    cue = f.cue("which", "what", "who", "whom", "when", "give me the", "show me the", "name the")
    out: list[tuple[list[GroupKey], list[Derive], set[int], str | None]] = []
    if cue is None and f.words[:1] in (["busiest"], ["quietest"]):
        cue = (0, 0)  # "busiest month for intakes": "which" left unsaid
    if cue is None:
        return out
    words = span(cue)
    if f.words[cue[0]] == "when":
        # a date column, or a column of years named by its event ("Opened", "Founded"):
        # "when did the Seikan Tunnel open" is its year
        # (and a text column of years, "19 August 1839" beside "1675": its cell as written)
        years = f.reader.year_columns()
        years += [c for c in sorted(f.index.year_texts) if c + YEAR_SUFFIX not in years]
        dates = [c.name for c in f.index.profile.column_profiles if c.type == "datetime"]
        dates += years
        named = [m for m in f.dates()] + [
            m for m in f.mentions() if m.column in years and m.score >= 0.6
        ]
        # "when did he leave office" beside Took office and Left office: "office" names both
        # as well; which one is meant is asked, never the first taken
        named.sort(key=lambda m: -m.score)
        if named:
            best = named[0]
            rivals = {
                m.column
                for m in f.reading.columns
                if (m.start, m.end) == (best.start, best.end) and best.score - m.score < 0.05
            }
            if len(rivals) > 1:
                return out
        if not named and any(
            m.score >= 0.9 and m.column not in f.filter_columns for m in f.reading.columns
        ):
            return out  # "when was Ted Hughes born" names Born (text): never the one date, Died
        column = named[0].column if named else (dates[0] if len(dates) == 1 else None)
        if column is not None:
            used = words | (span(named[0]) if named else set())
            out.append(([GroupKey(column=column)], [], used, column))
        return out
    if f.words[cue[0]] in ("who", "whom"):
        # "who is the supplier of …" names its answer; a bare "who" asks for the person's name
        role = f.mention_after(cue[1] - 1, window=3, numeric=False)
        if role is not None and f.index.type_of(role.column) == "datetime":
            role = None  # "who was hired first": a person is never a date
        if (
            role is not None
            and role.score < 0.9
            and f.words[role.start] in lexicon.WIN_WORDS | lexicon.LOSE_WORDS
        ):
            role = None  # "who won": the winner's name, never a Winning word column
        if role is not None and (
            f.index.holds_amounts(role.column) or role.column in f.index.year_texts
        ):
            role = None  # "who reigned first" beside a Reign of "1643–1715": a person, never it
        verb = cue[1]
        agent = (
            doer_column(f.index, f.words[verb]) if verb < len(f.words) and f.free(verb) else None
        )
        if agent is not None:
            # "who inspected", "who audited": the Inspector, never the Inspection ID or Audit
            # Date the verb also begins
            role = ColumnMention(agent, verb, verb + 1, 1.0)
        elif role is not None and f.index.is_identifier(role.column):
            return out  # the words after "who" name an id; whose name is asked is unclear
        name = role.column if role is not None else f.name_column() or f.competitor_column()
        if name is not None and name not in f.filter_columns:
            used = words | (span(role) if role is not None else set())
            out.append(([GroupKey(column=name)], [], used, name))
        return out
    if f.words[cue[1] : cue[1] + 1] == ["one"]:
        # "by school, which one has …", "for each carrier … which one is worst"
        grouping = group_keys(f, set())
        if grouping is not None and not grouping[1]:
            keys, derives, used = grouping
            out.append((keys, derives, words | used | {cue[1]}, keys[0].column))
        return out
    after = cue[1]
    # "which month", "what was the coldest day": the period asked for, past filler and a
    # superlative
    reach = after + 3
    while reach < len(f.words) and lexicon.is_superlative(f.words[reach - 1]):
        reach += 1
    for position in range(after, min(reach, len(f.words))):
        word = f.words[position]
        period = lexicon.PERIOD_WORDS.get(word)
        extra: set[int] = set()
        if word == "day" and f.words[position + 1 : position + 4] == ["of", "the", "week"]:
            period, extra = "weekday", {position + 1, position + 2, position + 3}
        in_a_name = any(m.start <= position < m.end and m.score >= 0.9 for m in f.reading.columns)
        if period and f.free(position) and not in_a_name:  # ("hourly rate" is HOURLY_RATE)
            dated = period_key(f, period, position)
            if dated is not None:
                keys, derives, used = dated
                answer = derives[0].name if derives else keys[0].output_name
                out.append(
                    (keys, derives, words | used | extra | set(range(after, position)), answer)
                )
    mention = f.mention_after(cue[1] - 1, window=5, numeric=False)
    if mention is not None and lexicon.is_superlative(f.words[mention.start]):
        mention = None  # "the tallest coaster" beside a Height of text: how, never what
    if mention is None:
        mention = f.mention_after(cue[1] - 1, window=2)
        if (
            mention is not None
            and not f.index.is_identifier(mention.column)
            and f.index.type_of(mention.column) == "number"
        ):
            mention = None
    if mention is not None and only_what_it_is_of(f, mention):
        mention = None  # "what did the D-Type sell for" beside "Date of sale": never its date
    if mention is not None and _a_thing_beside_its_participle(f, mention):
        mention = None  # "the shortest recording" beside Recorded at: the recording itself
    modifier: set[int] = set()
    if mention is not None:
        # "which student": of student_id and student_name, the name answers.
        same = [m for m in f.mentions(numeric=False) if m.start == mention.start]
        named = [m for m in same if f.index.column_tokens.get(m.column, [""])[-1] == NAME]
        mention = named[0] if named else mention
        # "what car number did the winner have": the last noun (No.) is asked; "car" says
        # whose number, never the Car column's value
        head = compound_head(f, mention)
        if head is not None:
            modifier, mention = span(mention), head
    noun = _rows_noun_after(f, after)
    if (
        mention is not None
        and noun is not None
        and noun < mention.start
        and said_as_a_verb(f, mention)
    ):
        mention = None  # "what book was published in 1996": the book, not its Publisher
    if (
        mention is not None
        and noun is not None
        and (mention.start, mention.end) == (noun, noun + 1)
        and mention.score < 0.9
        and f.repeats(mention.column)
    ):
        # "which eclipse" in eclipses.csv beside "Greatest eclipse" (Mexico, Mexico …): the
        # rows' noun asks for the eclipse itself, never a column its name only qualifies
        mention = None
    if mention is None and noun is not None:
        # "which flight had the longest delay? give me the flight number", "what's the cheapest
        # parcel? (parcel code)": the rows' own noun, answered by the column that tells the
        # rows apart, named elsewhere in the question; else by the rows' title or name
        entity = _entity_named_later(f, noun) or f.title_column()
        if entity is not None and entity not in f.filter_columns:
            out.append(([GroupKey(column=entity)], [], words | {noun}, entity))
        return out
    if mention is None and f.words[cue[0]] in ("which", "what"):
        # "which of the universities was founded first", "what game is ranked 5th": a noun
        # that names nothing here names the things the rows are, labelled by their title or
        # name column, or the table's first column
        thing = _unplaced_noun_after(f, after)
        if f.words[cue[0]] == "what" and thing != after:
            thing = None  # "what game is …", never "what is the largest number of …"
        if thing is not None and f.words[thing] in lexicon.FILLER:
            thing = None
        doer = _doer_after(f, thing) if thing is not None else None
        if doer is not None and thing is not None:
            # "which team won the most", "which yard built the most ships": the one who did
            # it is named by the verb's doer column (Winner, Builder), as after "who"
            column, verb = doer
            if column not in f.filter_columns:
                used = words | set(range(after, thing + 1)) | {verb}
                out.append(([GroupKey(column=column)], [], used, column))
            return out
        label = f.title_column()
        if thing is not None and label is not None and label not in f.filter_columns:
            out.append(([GroupKey(column=label)], [], words | set(range(after, thing + 1)), label))
        return out
    if mention is not None and _modifies_a_measure(f, cue, mention):
        return out  # "what is the longest trip distance": a distance, never the trip's id
    if mention is not None and mention.column not in f.filter_columns:
        used = words | span(mention) | modifier
        out.append(([GroupKey(column=mention.column)], [], used, mention.column))
    return out


def compound_head(f: Frame, mention: ColumnMention) -> ColumnMention | None:
    """ "car number" beside Car and No.: the noun after a column's name that heads the
    compound and names what identifies a thing (number, name, code) in a column of its own;
    the first noun only says whose."""
    return next(
        (
            m
            for m in f.mentions(numeric=None, minimum=0.9)
            if m.start == mention.end
            and m.column != mention.column
            and f.words[m.start] in lexicon.HEAD_NOUNS
        ),
        None,
    )


def _modifies_a_measure(f: Frame, cue: tuple[int, int], mention: ColumnMention) -> bool:
    """ "What is the longest trip distance?", "what is the longest stay in nights?": after
    "what", a noun of the rows right before a measure (or its unit) only says whose it is;
    the measure's value is asked, not the row's name ("which trip had the longest distance"
    asks for the trip)."""
    if f.words[cue[0]] != "what":
        return False
    # "the longest stay in nights": the unit the stay is measured in names the measure
    said_in = f.words[mention.end : mention.end + 1] == ["in"]
    return any(
        (m.start == mention.end or (said_in and m.start == mention.end + 1))
        and m.score >= 0.6
        and m.column != mention.column
        and not lexicon.is_past_verb(f.words[m.start])  # "what film grossed the most"
        for m in f.measures()
    )


def _the_date_of_its_verb(f: Frame, mention: ColumnMention) -> bool:
    """ "which tower was completed first", "which governor took office first": after the
    rows' noun, a verb naming a column of dates or years (Completed of "1859", "1218–1220",
    Took office) orders the rows; the tower, the governor is asked."""
    word = f.words[mention.start]
    dated = (
        f.index.type_of(mention.column) == "datetime"
        or mention.column in f.index.year_texts
        or mention.column in f.reader.year_columns()
    )
    before = mention.start - 1
    return (
        dated
        and lexicon.is_past_verb(word)
        and before >= 0
        and (f.words[before] in lexicon.AUXILIARIES or f.reading.norm[before] in f.reading.subject)
    )


def _unplaced_noun_after(f: Frame, after: int) -> int | None:
    """ "which of the universities", "which school": the first word after the question word,
    past "of the", when it names nothing on the table."""
    position = after
    while position < len(f.words) and f.words[position] in ("of", "the", "these", "those"):
        position += 1
    return position if position < len(f.words) and ungrounded(f, position) else None


def _rows_noun_after(f: Frame, after: int) -> int | None:
    """The position of the file's own noun within three words after a question word, past
    filler and superlatives ("which flight", "what's the cheapest parcel", "which is the
    tallest coaster")."""
    reach = after + 3
    position = after
    while position < min(reach, len(f.words)):
        if f.reading.norm[position] in f.reading.subject:
            return position
        word = f.words[position]
        if position in f.reading.rows_modifiers:
            reach += 1  # "which zip line": "zip" is part of the rows' noun
        elif lexicon.is_superlative(word) or word in lexicon.MAX_WORDS | lexicon.MIN_WORDS:
            reach += 1  # "the tallest coaster": the superlative says how it is picked
        elif word in ("first", "last") and f.free(position):
            reach += 1  # "which was the first park to be established": so does its place
        elif word not in lexicon.FILLER and word not in lexicon.MAX_WORDS | lexicon.MIN_WORDS:
            return None
        position += 1
    return None


def only_what_it_is_of(f: Frame, mention: ColumnMention) -> bool:
    """Whether ``mention`` names only what a column's name says it is of ("sale" of "Date of
    sale"), never the noun the column holds (the date)."""
    if not modifier_stems(mention.column) or mention.score >= 0.9:
        return False
    head = head_stem(mention.column)
    return all(f.reading.norm[i] != head for i in range(mention.start, mention.end))


def _a_thing_beside_its_participle(f: Frame, mention: ColumnMention) -> bool:
    """ "recording" said of a column "Recorded at", "booking" of "Booked by": the noun names
    the thing done, the column where or by whom it was done."""
    if mention.end - mention.start != 1 or mention.score >= 0.9:
        return False
    word = f.words[mention.start]
    return word.endswith("ing") and names_the_doer_of(word, mention.column)


def _doer_after(f: Frame, thing: int) -> tuple[str, int] | None:
    """The doer column of the verb right after an unplaced noun ("which team won", "which
    firm audited"), or of the wins a noun has ("which team has the most wins"), with the
    verb's position."""
    verb = thing + 1
    if verb >= len(f.words) or not f.free(verb):
        return None
    if f.words[verb] in ("has", "had", "have") and f.words[verb + 1 : verb + 3] in (
        ["the", w] for w in ("most", "fewest", "least")
    ):
        verb += 3  # "has the most wins": the wins say who is counted
        if verb >= len(f.words) or f.words[verb] not in ("wins", "victories", "titles"):
            return None
        if not f.free(verb) or any(m.start <= verb < m.end for m in f.reading.columns):
            return None  # "the most titles" beside a Titles column sums it
    agent = doer_column(
        f.index, "wins" if f.words[verb] in ("victories", "titles") else f.words[verb]
    )
    return (agent, verb) if agent is not None else None


def _entity_named_later(f: Frame, after: int) -> str | None:
    """The one identifying column (an id, a code, a name) the question names after ``after``."""
    named = {
        m.column
        for m in f.mentions(numeric=None, minimum=0.9)
        if m.start > after and f.is_entity(m.column) and not _the_date_of_its_verb(f, m)
    }
    return named.pop() if len(named) == 1 else None


def has_target(f: Frame) -> bool:
    return f.cue("which", "what", "who", "whom", "when") is not None and bool(targets(f))


def names_a_row(f: Frame, at: int) -> bool:
    """A superlative before a noun that names the rows (the file's noun) or nothing on the
    table ("the cheapest item", "the longest movie") picks one row, not a group's average."""
    position = at + 1
    if f.words[position : position + 1] in (
        [w] for w in lexicon.MEASURE_ADJECTIVES | lexicon.CHART_POSITION_WORDS
    ):
        position += 1  # "the most expensive product", "the highest charting single"
    while position + 1 < len(f.words) and position in f.filter_positions:
        position += 1  # "the shortest road tunnel": the noun after a value that picks rows
    if position >= len(f.words):
        return False
    if any(m.start == position + 1 and m.score >= 0.6 for m in f.reading.columns):
        return False  # "the longest flight distance": the noun qualifies a measure
    if f.words[position : position + 2] in (["number", "of"], ["amount", "of"]):
        return False  # "the largest number of people": an amount, not a row
    if any(
        m.start <= position < m.end
        and (m.score >= 0.9 or (m.score >= 0.7 and m.end - m.start >= 2))
        and f.index.is_numeric(m.column)
        for m in f.reading.columns
    ):
        # "the lowest rating" in ratings.csv, "the largest claim amount" in claims.csv: the
        # measure, though the rows are ratings or claims
        return False
    if f.reading.norm[position] in f.reading.subject:
        return True
    if any(
        m.start == position and m.score >= 0.9 and f.is_entity(m.column) and not f.repeats(m.column)
        for m in f.reading.columns
    ):
        return True  # "the highest charting single" with a Single column: one single
    word = f.words[position]
    named = any(m.start <= position < m.end for m in f.reading.columns if m.score >= 0.6)
    return (
        word.isalpha()
        and not named
        and not lexicon.is_cue(word)
        and position not in (i for v in f.reading.values for i in range(v.start, v.end))
    )
