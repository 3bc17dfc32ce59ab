"""Filters a question can mean on this table, each with the words it explains.

Every filter is grounded in what the sentence points at: a cell value it names, a
yes/no column it names ("cancelled flights"), a number governed by a comparative and
bound to a numeric column named next to it ("spend above €2,000"), a year, month or
weekday bound to a date column. A number never lands on an identifier column or on a
column the sentence did not name, except a year or month when the table has exactly
one date column. Where a phrase can bind in several ways, the options form a *slot*
and the candidates try each.
"""

from __future__ import annotations

import itertools
import re

from ...analysis.plan import (
    Condition,
    Filter,
    FilterGroup,
    Scalar,
)
from ..schema_index import ValueMention, normalize, singular, without_footnotes
from . import lexicon
from .flags import FlagSlots
from .named_by_use import doer_column
from .options import (
    SKIP,
    FilterOption,
    Slot,
    cell_scalar,
)
from .places import PlaceSlots
from .thresholds import ThresholdSlots

ORIGIN_TOKENS = frozenset(
    singular(w) for w in ("origin", "from", "departure", "source", "start", "pickup", "sender")
)
DESTINATION_TOKENS = frozenset(
    singular(w)
    for w in ("destination", "dest", "to", "arrival", "target", "end", "dropoff", "recipient")
)


_DID_NOT = re.compile(r"DN[A-Z]")  # DNF, DNS, DNQ: "did not finish", "… start", "… qualify"
_DONE_VERBS = frozenset({"finish", "start", "qualify", "complete", "compete", "play"})
_MARKS = frozenset("↑↓▲▼△▽†‡*§#^")
_NUMBER_AND_UNIT = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)")
_NUMBER_KINDS = frozenset({"number", "integer"})
_ASKING_AUXILIARIES = frozenset({"did", "does", "do", "has", "have", "had"})
_COMPARED_BY = frozenset({"than", "over", "under", "above", "below", "exceeding"})


class FilterReader(FlagSlots, PlaceSlots, ThresholdSlots):
    """Builds the filter slots of one reading: cell values here; numbers, dates, yes/no
    columns and places in the ``thresholds``, ``dated``, ``flags`` and ``places`` parts."""

    def slots(self) -> list[Slot]:
        slots: list[Slot] = []
        used: set[int] = set(self.reserved)
        slots += self._place_slots(used)  # first: "1st place" is no threshold, nor a bare value
        for slot in self._value_slots(used):
            slots.append(slot)
        number_slots = self._number_slots(used)
        slots += number_slots
        for slot in number_slots:
            used |= set().union(*(o.positions for o in slot))
        slots += self._sign_slots(used)
        slots += self._date_literal_slots(used)
        slots += self._month_year_range_slots(used)
        slots += self._date_word_slots(used)
        slots += self._decade_slots(used)
        slots += self._unit_written_slots(used)
        slots += self._filled_slots(used)
        slots += self._flag_slots(used)
        slots += self._antonym_slots(used)
        slots += self._outcome_slots(used)
        return slots

    # -- results ("won", "lost") ------------------------------------------------------------
    def _value_slots(self, used: set[int]) -> list[Slot]:
        # numbers are thresholds and years; several of them making a whole cell ("2007–08",
        # a season) are that cell
        mentions = [
            v
            for v in self.r.values
            if (not self._numbers_only(v) or (v.exact and v.end - v.start > 1))
            and not self._an_amount_compared(v)
            and not self._subject_in_a_cell(v)
        ]
        counted = self._counted_positions()
        mentions += [
            v
            for v in self.r.partial_values
            if not any(set(range(v.start, v.end)) & set(range(m.start, m.end)) for m in mentions)
            and (v.start not in counted or not v.whole_word)
            and self.r.norm[v.start] not in self.r.subject  # "the first bridge" in bridges.csv
            and not (v.end - v.start == 1 and self.r.names_a_column(v.start))
            and not (v.start and self.r.words[v.start - 1] == "per")  # "deaths per storm"
            and not self._subject_in_a_cell(v)
        ]
        slots: list[Slot] = []
        routed, mentions = self._route(mentions, used)
        slots += routed
        by_column: dict[str, list[ValueMention]] = {}
        for mention in mentions:
            if set(range(mention.start, mention.end)) & used:
                continue
            by_column.setdefault(mention.column, []).append(mention)
        for column, found in by_column.items():
            found = _cells_with_every_word(found)
            if any(m.exact for m in found):
                # "finish in 1st": the whole cell '1st' is named; "finish", one word of
                # 'Did not finish', is the sentence's verb, not a second value
                found = [m for m in found if m.exact]
            if found and all(m.item for m in found):
                slots.append(self._list_slot(column, found))
                continue
            nouns = _noun_after_a_value(found, self.r.words)
            values: list[Scalar] = list(
                dict.fromkeys(
                    v
                    for m in found
                    if m not in nouns
                    for v in self._marked(column, m)
                    or self._code_as_said(
                        m,
                        [
                            variant
                            for variant in self._family(column, cell_scalar(m.value))
                            # "non-stop" of "Eastabout (non-stop)" names no plain "Eastabout"
                            if m.exact or self._keeps_the_words_said(m, variant)
                        ],
                    )
                )
            )
            negation = self._negation_before(min(m.start for m in found))
            positions = {i for m in found for i in range(m.start, m.end)}
            positions |= {m.end for m in found if self._marked(column, m)}  # "II*": its mark
            if (
                negation is not None
                and all(
                    self.r.words[negation] in re.findall(r"\w+", str(v).casefold())
                    # "did not finish (DNF)": the code says the "not" (but "not DNF" negates it)
                    or (
                        _DID_NOT.fullmatch(str(v).strip()) is not None
                        and self.r.words[negation + 1 : negation + 2] in ([w] for w in _DONE_VERBS)
                    )
                    for v in values
                )
            ):
                # "did not participate" against a cell "Did not participate": the "not" is the
                # cell's own word, never a negation of it
                positions.add(negation)
                negation = None
            said = set(positions)  # the value's own words, before its column's name
            positions |= self._own_column_words(column, positions)
            positions |= self._done_by(column, said)
            if negation is not None:
                positions.add(negation)
            if len(values) == 1:
                condition = Condition(
                    column=column, op="ne" if negation is not None else "eq", value=values[0]
                )
            else:
                condition = Condition(
                    column=column, op="not_in" if negation is not None else "in", value=values
                )
            loose = 0.3 if any(not m.exact for m in found) else 0.0
            option = FilterOption(condition, frozenset(positions), column, loose)
            inside = (
                self._contained_in_others(column, values)
                if negation is None and not self._said_equal(column, min(said))
                else None
            )
            if inside is not None:
                # 'Ghostbusters' is a title, and a word of 'Ghostbusters II': either reading.
                contained = FilterOption(inside, frozenset(positions), column, 0.1)
                if self._opens_notes(column, values):
                    # "cancelled" beside 'Cancelled[7]' and 'Cancelled due to the pandemic':
                    # every cell that says it, the one without a note no more than the others
                    slots.append([FilterOption(inside, frozenset(positions), column)])
                    continue
                slots.append([option, contained])
                continue
            # A value whose words also name a column ("by carrier" vs 'Carrier') may be the column.
            names_column = any(
                c.score >= 0.9 and c.column != column and set(range(c.start, c.end)) & positions
                for c in self.r.columns
            )
            # "needed a follow-up" beside follow_up_needed: the flag's name, or the value
            in_a_flag = self.names_a_flag_whole(positions)
            slot = [option, *self._same_cell_elsewhere(found, said, negation)]
            slots.append([*slot, SKIP] if names_column or loose or in_a_flag else slot)
        return slots

    def _same_cell_elsewhere(
        self, found: list[ValueMention], positions: set[int], negation: int | None
    ) -> list[FilterOption]:
        """ "inspections at bars" with Bar both an Establishment Type and an Inspection Kind:
        either column, unless a word of one's name is said by it ("bar establishments").
        Never the column with the fewest values quietly."""
        if len(found) > 1 and negation is None:
            return self._same_cells_elsewhere(found, positions)
        if len(found) != 1 or not found[0].also or negation is not None:
            return []
        key = normalize(found[0].value)
        options = []
        for other in found[0].also:
            cell = self.index.values.get(other, {}).get(key)
            if cell is None:
                continue
            words = frozenset(positions | self._own_column_words(other, positions))
            condition = Condition(column=other, op="eq", value=cell_scalar(cell))
            options.append(FilterOption(condition, words, other))
        first = found[0].column
        named = self._own_column_words(first, positions) or any(
            option.positions != frozenset(positions) for option in options
        )
        if options and not named:
            # "how many finals did Anna Berg play in" with her name as Champion and as
            # Runner-up: the rows where either column holds it is a reading too, so that one
            # column's count agreeing with the other's by chance is never taken for the answer
            # (unless a column is named: "had inspection kind Bar")
            cell = self.index.values.get(first, {}).get(key, found[0].value)
            either = FilterGroup(
                combine="or",
                items=[
                    Condition(column=first, op="eq", value=cell_scalar(cell)),
                    *(option.condition for option in options),
                ],
            )
            options.append(FilterOption(either, frozenset(positions), first))
        return options

    def _same_cells_elsewhere(
        self, found: list[ValueMention], positions: set[int]
    ) -> list[FilterOption]:
        """ "How much longer is the Nile than the Congo" with both names cells of River (one
        row each) and of Outflow: the names on the other column are a reading too, never
        dropped for the column with the fewest values."""
        shared = set(found[0].also)
        for mention in found[1:]:
            shared &= set(mention.also)
        options = []
        for other in sorted(shared):
            cells = [self.index.values.get(other, {}).get(normalize(m.value)) for m in found]
            if any(cell is None for cell in cells):
                continue
            values = list(dict.fromkeys(cell_scalar(cell) for cell in cells))
            words = frozenset(positions | self._own_column_words(other, positions))
            condition = Condition(column=other, op="in", value=values)
            options.append(FilterOption(condition, words, other))
        return options

    def _route(
        self, mentions: list[ValueMention], used: set[int]
    ) -> tuple[list[Slot], list[ValueMention]]:
        """ "from JFK to LAX", "to LAX from JFK", "flights to LAX", "to and from LAX", "between
        JFK and LAX" on a table with an origin and a destination column: each value on the
        column its preposition points to, never both values on one column. The columns are
        told apart by their names (origin, from, departure … and destination, to, arrival …);
        if the names do not say, the values stay for the ordinary reading."""
        w = self.r.words
        slots: list[Slot] = []
        routed: list[ValueMention] = []
        for a in mentions:  # "between JFK and LAX": that route, either way
            b = next((m for m in mentions if m.start == a.end + 1 and w[a.end] == "and"), None)
            if b is None or a.start == 0 or w[a.start - 1] != "between":
                continue
            origin, destination = self._ends(self._holding(a), self._holding(b))
            if origin is None or destination is None:
                continue
            x, y = self._cell(origin, a), self._cell(origin, b)
            if x is None or y is None:
                continue
            ways: list[Filter] = [
                self._leg(origin, destination, x, y),
                self._leg(origin, destination, y, x),
            ]
            either_way = FilterGroup(combine="or", items=ways)
            slots.append([FilterOption(either_way, frozenset(range(a.start - 1, b.end)), origin)])
            routed += [a, b]
        for mention in mentions:
            if mention in routed or {*range(mention.start - 1, mention.end)} & used:
                continue
            holding = self._holding(mention)
            origin, destination = self._ends(holding, holding)
            if len(holding) < 2:
                continue  # a value of one column only: "to" says nothing about which
            before_word = w[mention.start - 1] if mention.start else ""
            if (origin is None or destination is None) and before_word in ("from", "to", "into"):
                # "from Chicago to Denver" with two city columns whose names do not say which
                # is the start: never both cities on one column; the question is asked back
                routed.append(mention)
                continue
            if origin is None or destination is None:
                continue
            value = self._cell(origin, mention)
            before = w[max(0, mention.start - 3) : mention.start]
            if value is not None and before in (["to", "and", "from"], ["from", "and", "to"]):
                sides: list[Filter] = [
                    Condition(column=origin, op="eq", value=value),
                    Condition(column=destination, op="eq", value=value),
                ]
                positions = frozenset(range(mention.start - 3, mention.end))
                slots.append(
                    [FilterOption(FilterGroup(combine="or", items=sides), positions, origin)]
                )
                routed.append(mention)
                continue
            reach = 1
            if before[-1:] == ["the"]:  # "from the Stadium zone": the preposition before it
                before, reach = before[:-1], 2
            word = before[-1] if before else ""
            if word in ("at", "in") and len(before) >= 2 and before[-2] in _STARTED | _ENDED:
                # "started at Riverside and ended at Museum Row": the verb says which end
                word, reach = ("from" if before[-2] in _STARTED else "to"), reach + 1
            elif before[-2:] == ["out", "of"]:
                word, reach = "from", reach + 1  # "flights out of ORD"
            elif word in _LEAVING:
                word = "from"  # "flights leaving ATL"
            elif word in _ARRIVING:
                word = "to"  # "flights landing LAX"
            column = origin if word == "from" else destination if word in ("to", "into") else None
            cell = self._cell(column, mention) if column is not None else None
            if column is None or cell is None:
                continue
            condition = Condition(column=column, op="eq", value=cell)
            positions = frozenset(range(mention.start - reach, mention.end))
            slots.append([FilterOption(condition, positions, column, 0.0)])
            routed.append(mention)
        return slots, [m for m in mentions if m not in routed]

    @staticmethod
    def _leg(origin: str, destination: str, start: Scalar, end: Scalar) -> FilterGroup:
        items: list[Filter] = [
            Condition(column=origin, op="eq", value=start),
            Condition(column=destination, op="eq", value=end),
        ]
        return FilterGroup(combine="and", items=items)

    def _cell(self, column: str, mention: ValueMention) -> Scalar | None:
        """The cell value of ``column`` the mention's words name, if that column holds it."""
        phrase = " ".join(self.r.norm[mention.start : mention.end])
        mapping = self.index.values.get(column, {})
        return cell_scalar(mapping[phrase]) if phrase in mapping else None

    def _holding(self, mention: ValueMention) -> list[str]:
        phrase = " ".join(self.r.norm[mention.start : mention.end])
        return [c for c, mapping in self.index.values.items() if phrase in mapping]

    def _ends(self, first: list[str], second: list[str]) -> tuple[str | None, str | None]:
        """The column a route starts from and the one it goes to, by their names."""

        def named(columns: list[str], words: frozenset[str]) -> str | None:
            found = [c for c in columns if set(self.index.column_tokens.get(c, [])) & words]
            return found[0] if len(found) == 1 else None

        return named(first, ORIGIN_TOKENS), named(second, DESTINATION_TOKENS)

    def _list_slot(self, column: str, found: list[ValueMention]) -> Slot:
        """Items of a column holding lists ("Canada, United States"): the rows whose list holds
        the item, whatever else it holds. Two items joined by "or" take either; joined by
        "and" they take both when the sentence says so ("shared by", "both"), and otherwise
        either reading is offered, since "lakes in Canada and the US" may mean either."""
        held = self.index.items[column]
        order = {cell: i for i, cell in enumerate(self.index.values.get(column, {}).values())}
        sets = [set(held[normalize(m.value)][1]) for m in found]
        positions = {i for m in found for i in range(m.start, m.end)}
        gaps = [
            [w for w in self.r.words[a.end : b.start] if w not in ("the", "a", "an")]
            for a, b in itertools.pairwise(sorted(found, key=lambda m: m.start))
        ]
        if all(gap in ([], ["and"], ["or"]) for gap in gaps):  # "Canada and the US"
            for a, b in itertools.pairwise(sorted(found, key=lambda m: m.start)):
                positions |= set(range(a.end, b.start))
        positions |= self._done_by(column, positions)  # "directed by Sunita Rao"
        negation = self._negation_before(min(m.start for m in found))
        if negation is not None:
            positions.add(negation)

        def option(cells: set[object], words: set[int]) -> FilterOption:
            values: list[Scalar] = [
                cell_scalar(c) for c in sorted(cells, key=lambda c: order.get(c, len(order)))
            ]
            if negation is not None:
                condition = Condition(column=column, op="not_in", value=values)
            elif len(values) == 1:
                condition = Condition(column=column, op="eq", value=values[0])
            else:
                condition = Condition(column=column, op="in", value=values)
            return FilterOption(condition, frozenset(words), column)

        alone = self._alone(found[0]) if len(found) == 1 and negation is None else None
        if alone is not None:
            # "whose only official language is German": the cell "German", never every list
            # that holds it
            cell = self.index.values.get(column, {}).get(normalize(found[0].value))
            if cell is not None:
                return [option({cell}, positions | {alone})]
        either = option(set().union(*sets), positions)
        if len(sets) == 1 or (["or"] in gaps and all(gap in ([], ["or"]) for gap in gaps)):
            return [either]
        both = option(set.intersection(*sets), positions)
        said = {i for i, w in enumerate(self.r.words) if w in lexicon.TOGETHER_WORDS}
        if said and negation is None:
            return [FilterOption(both.condition, both.positions | said, column)]
        return [both, either]

    def _alone(self, mention: ValueMention) -> int | None:
        """Where the question says an item stands alone in its cell: "whose only language is
        German", "German only", "German alone", "solely German"."""
        words = self.r.words
        for i in range(max(0, mention.start - 6), min(len(words), mention.end + 2)):
            if mention.start <= i < mention.end or words[i] not in lexicon.ALONE_WORDS:
                continue
            if i >= mention.end and i not in (mention.end, mention.end + 1):
                continue
            if i < mention.start and words[i + 1 : i + 2] in (["for"], ["in"], ["one"], ["once"]):
                continue  # "only for 2023", "the only one"
            return i
        return None

    def _unit_written_slots(self, used: set[int]) -> list[Slot]:
        """ "the 500cc season" on a Class column of "350cc", "500cc" typed as numbers in cc:
        the word written as the cells were is that number of that column."""
        units = {
            str(old): str(conversion["column"])
            for conversion in self.index.profile.conversions
            for old, new in conversion.get("replacements") or []
            if new == "" and str(old).isalpha() and conversion.get("kind") in _NUMBER_KINDS
        }
        slots: list[Slot] = []
        for position, word in enumerate(self.r.words):
            found = _NUMBER_AND_UNIT.fullmatch(word)
            if position in used or found is None or found.group(2) not in units:
                continue
            column = units[found.group(2)]
            number = float(found.group(1))
            value = int(number) if number.is_integer() else number
            condition = Condition(column=column, op="eq", value=value)
            slots.append([FilterOption(condition, frozenset({position}), column)])
        return slots

    def _subject_in_a_cell(self, mention: ValueMention) -> bool:
        """ "how many times did Scotland finish 1st" beside a Host of "Glasgow, Scotland":
        the one whose results these are, said as the verb's subject, is no part of a cell."""
        whole = mention.exact and not mention.item
        before = self.r.words[mention.start - 1] if mention.start else ""
        return not whole and before in _ASKING_AUXILIARIES

    def _an_amount_compared(self, mention: ValueMention) -> bool:
        """ "deeper than 400 m" beside a cell "400 m": an amount after a comparison is its
        threshold, never the one cell that writes it."""
        before = self.r.words[max(0, mention.start - 2) : mention.start]
        compared = bool(before) and (
            before[-1] in _COMPARED_BY or before in (["at", "least"], ["at", "most"])
        )
        return compared and str(mention.value).lstrip()[:1].isdigit()

    def _marked(self, column: str, mention: ValueMention) -> list[Scalar]:
        """ "listed Grade II*": the question writes the cell's mark after its words, so the
        one cell with that mark is meant, never "II" beside it."""
        mark = self.r.words[mention.end : mention.end + 1]
        if not mark or mark[0] not in _MARKS or not isinstance(mention.value, str):
            return []
        said = mention.value.strip()
        wanted = (said if said.endswith(mark[0]) else f"{said}{mark[0]}").casefold()
        cells = [*self.index.values.get(column, {}).values()]
        cells += [c for alike in self.index.variants.get(column, {}).values() for c in alike]
        return list(
            dict.fromkeys(
                cell_scalar(v)
                for v in cells
                if isinstance(v, str) and v.replace(" ", "").casefold() == wanted
            )
        )

    def _said_equal(self, column: str, start: int) -> bool:
        """ "where Status is Capital", "Status = Capital": the column named and said equal to
        the value, so the whole cell, never one word of longer cells ("Administrative
        capital")."""
        if start < 2 or self.r.words[start - 1] not in ("is", "=", "equals"):
            return False
        return any(
            m.column == column and m.end == start - 1 and m.score >= 0.9 for m in self.r.columns
        )

    def _keeps_the_words_said(self, mention: ValueMention, variant: Scalar) -> bool:
        """Whether a variant of the cell a mention found still writes the words of it that
        were said: "non-stop" found "Eastabout (non-stop)", whose variant "Eastabout" drops
        them and is another thing ("canadians" of "Canada" said none of its words)."""
        found = set(normalize(str(mention.value)).split())
        written = set(normalize(str(variant)).split())
        said = {normalize(w) for w in self.r.words[mention.start : mention.end]} & found
        return said <= written

    def _code_as_said(self, mention: ValueMention, variants: list[Scalar]) -> list[Scalar]:
        """ "grade II" beside Grade cells "II" and "II*": a short code and the same code
        marked are two codes (a listed grade, a class), so the one written as said is meant;
        a longer name keeps its marked variants ("Premier*" is "Premier")."""
        said = "".join(self.r.words[mention.start : mention.end])
        exact: list[Scalar] = [
            v for v in variants if isinstance(v, str) and v.strip().casefold() == said
        ]
        if len(exact) != 1 or len(said) > 4 or len(variants) < 2:
            return variants
        marked = [
            v
            for v in variants
            if isinstance(v, str) and v.strip()[:-1].casefold() == said and v.strip()[-1] in _MARKS
        ]
        return exact if len(marked) + 1 == len(variants) else variants

    def _family(self, column: str, value: Scalar) -> list[Scalar]:
        """A value and its qualified or marked variants: 'Hard' also means 'Hard (i)' and
        'Hard [2]', and '1st' also '1st ↑' and '1st*' (a promotion arrow, a dagger)."""
        if not isinstance(value, str):
            return [value]
        marks = r"(?:\s*(?:[(\[][^)\]]*[)\]]|[↑↓▲▼△▽†‡*§#^]))+"
        base = re.sub(rf"(?<=\w){marks}\s*$", "", value.strip())  # "Premier*" is "Premier"
        pattern = re.compile(rf"^{re.escape(base)}(?:{marks})?\s*$", re.IGNORECASE)
        variants: list[Scalar] = [
            v
            for v in self.index.values.get(column, {}).values()
            if isinstance(v, str) and pattern.match(v)
        ]
        # cells that read the same once their marks are dropped ("1st ↑" beside "1st")
        variants += [
            cell_scalar(v)
            for v in self.index.cells_read_as(column, normalize(value))
            if isinstance(v, str) and pattern.match(v)
        ]
        return list(dict.fromkeys([value, *variants]))

    def _contained_in_others(self, column: str, values: list[Scalar]) -> Condition | None:
        """A 'contains' reading when the one value named is also a whole word of other values."""
        # (one value, however many ways it is written: "Desktop", "desktop", "Desktop*")
        if len({normalize(v) for v in values}) != 1:
            return None
        if not isinstance(values[0], str) or len(values[0]) < 4:
            return None
        base = _without_marks(values[0])
        needle = f" {normalize(base)} "
        prefixed = re.compile(
            rf"\b(?:{'|'.join(lexicon.JOINED_PREFIXES)})-{re.escape(base)}", re.IGNORECASE
        )
        others = [
            v
            for key, v in self.index.values.get(column, {}).items()
            if v not in values
            and needle in f" {key} "
            # ("Final" is no word of "Semi-finals": another round)
            and not (isinstance(v, str) and prefixed.search(v))
        ]
        if not others or not base:
            return None
        return Condition(column=column, op="contains", value=base)

    def _opens_notes(self, column: str, values: list[Scalar]) -> bool:
        """ "In which years was the marathon cancelled?" beside Winner cells 'Cancelled[7]'
        and 'Cancelled due to the COVID-19 pandemic': the other cells open with the value and
        go on in lower case, a note of why, so every cell that opens so is meant. A title
        goes on in capitals ('Ghostbusters II') and is another thing."""
        base = _without_marks(str(values[0]))
        if not base:
            return False
        others = [
            v
            for v in self.index.values.get(column, {}).values()
            if isinstance(v, str) and v not in values and normalize(base) in normalize(v)
        ]
        return bool(others) and all(
            re.match(rf"{re.escape(base)}\s+[a-z]", v.strip()) is not None for v in others
        )

    def _counted_positions(self) -> set[int]:
        """Words right after "most", "how many", "number of": what is counted or ranked (the
        rows' own noun, "the most movies"), never a word found inside some longer cell value."""
        out: set[int] = set()
        for i, word in enumerate(self.r.words):
            if word in lexicon.MAX_WORDS or word in lexicon.MIN_WORDS or word in ("many", "of"):
                out |= {i + 1, i + 2}
        return out

    def _own_column_words(self, column: str, positions: set[int]) -> set[int]:
        """The column's own name beside its value: "the West region", "region is West"."""
        out: set[int] = set()
        lo, hi = min(positions), max(positions)
        for m in self.r.columns_named(column):
            if m.score < 0.5:
                continue
            if m.start > hi:
                gap = range(hi + 1, m.start)
            elif m.end <= lo:
                gap = range(m.end, lo)
            else:
                continue
            if len(gap) <= 3 and all(self.r.words[i] in lexicon.FILLER for i in gap):
                out |= set(range(m.start, m.end)) | set(gap)
        return out

    def _done_by(self, column: str, positions: set[int]) -> set[int]:
        """ "directed by Sunita Rao" beside a Director column: the verb and its "by" say the
        value is its doer's, the column named by the doer of the verb."""
        start = min(positions)
        if start < 2 or self.r.words[start - 1] != "by":
            return set()
        if doer_column(self.index, self.r.words[start - 2]) != column:
            return set()
        return {start - 2, start - 1}

    def _numbers_only(self, mention: ValueMention) -> bool:
        return all(i in self.r.numbers for i in range(mention.start, mention.end))


def _cells_with_every_word(found: list[ValueMention]) -> list[ValueMention]:
    """ "nominated for an academy award": words found inside the cells of one column, at
    different places in the question, describe one cell together: the cells with every
    word ("Nominated—Academy Award …"), not any cell with any word ("Won—Golden Globe Award").
    Whole values and a lone word keep every hit."""
    if any(m.exact for m in found) or len({m.start for m in found}) < 2:
        return found
    by_word: dict[int, set[str]] = {}
    for m in found:
        by_word.setdefault(m.start, set()).add(str(m.value))
    common = set.intersection(*by_word.values())
    if not common:
        return found
    return [m for m in found if str(m.value) in common]


_LEAVING = frozenset({"leaving", "departing", "exiting", "outbound"})
_ARRIVING = frozenset({"reaching", "entering", "inbound"})
_STARTED = frozenset(
    {"started", "start", "starting", "starts", "began", "begin", "departed", "left"}
)
_ENDED = frozenset({"ended", "end", "ending", "ends", "finished", "arrived", "returned", "dropped"})


def _noun_after_a_value(found: list[ValueMention], words: list[str]) -> list[ValueMention]:
    """ "casual members" with member_type holding casual and member: the plural right after
    another value of its column is the noun that value qualifies (members who are casual),
    not a second value to take either of. Values joined by "or", "and" or a comma are not
    next to each other."""
    return [
        second
        for first, second in itertools.pairwise(found)
        if second.start == first.end and words[second.end - 1].endswith("s")
    ]


def _without_marks(value: str) -> str:
    """A cell without its footnote marks and bracketed notes: 'Cancelled[7]' is 'Cancelled'."""
    return re.sub(r"\W*$", "", re.sub(r"\([^)]*\)", "", without_footnotes(value))).strip()
