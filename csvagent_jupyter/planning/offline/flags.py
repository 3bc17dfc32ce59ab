"""Yes/no columns and result words as filters: "cancelled flights", "passed = no",
"games they won", "did not win"."""

from __future__ import annotations

from ...analysis.plan import Condition, ConditionOp, Scalar
from ..schema_index import ColumnMention, header_words, singular, tokens
from . import lexicon
from .options import SKIP, FilterOption, Slot, SlotReader, cell_scalar, is_negation
from .reading import without_negation

PLANNED_TOKENS = frozenset(
    singular(w)
    for w in ("expiry", "expiration", "expires", "expired", "due", "scheduled", "planned")
)
FILLED_WORDS = frozenset({"filled", "populated"})  # "recorded", "given" are verbs as often
YES_WORDS = ("yes", "y", "true", "t", "1")
NO_WORDS = ("no", "n", "false", "f", "0")
# First words of cell values that record a result (normalised like the index's keys).
WIN_VALUES = frozenset({"w", "win", "won", "winner", "victory"})
# (as cells are keyed: "Eliminated" is "eliminat")
LOSE_VALUES = frozenset(
    {"l", "los", "loss", "lost", "lose", "loser", "defeat", "runner", "eliminat"}
)


# Names of columns that hold a finishing place ("Finish", "Pos.", "Result", "Placing")
PLACING_TOKENS = frozenset(
    singular(w) for w in ("finish", "place", "placing", "position", "pos", "result", "standing")
)
_RESULT_NAME_TOKENS = frozenset(singular(w) for w in ("result", "outcome", "res"))
_NAME_REACH = 3  # words between a flag's name words: "needed a follow-up"


_TALLY_STEMS = frozenset(tokens(" ".join(sorted(lexicon.TALLY_WORDS))))  # Wins, Losses, Draws
_WINNER_NAME_TOKENS = frozenset(
    tokens("winner winners champion champions champ champs victor holder holders defending")
)


class FlagSlots(SlotReader):
    """The yes/no and results part of a FilterReader."""

    def _outcome_slots(self, used: set[int]) -> list[Slot]:
        """ "how many games did they win": the one results column whose values say won/lost.

        Read only when exactly one short text column holds such values (W, Won, Winner; L,
        Lost, Runner-up) among others; otherwise the word stays unplaced and is asked about.
        """
        slots: list[Slot] = []
        for position, word in enumerate(self.r.words):
            if position in used or word not in lexicon.OUTCOME_WORDS:
                continue
            if any(m.start <= position < m.end and m.score >= 0.9 for m in self.r.columns):
                continue  # "losses" where a column is called Losses: the column
            if any(
                m.start <= position < m.end
                and self.index.holds_whole_numbers(m.column)
                and set(self.index.column_tokens.get(m.column, [])) & _TALLY_STEMS
                and any(n.column == m.column and n.end <= m.start for n in self.r.columns)
                for m in self.r.columns
            ):
                # "how many stages did he win" beside Stage wins: the stages named and the
                # win are its tally, never a Final position of 1st
                continue
            if any(
                set(self.index.column_tokens.get(v.column, [])) & _WINNER_NAME_TOKENS
                for v in self.r.values
            ):
                continue  # "how many times did Hailwood win" found in Winner: the verb is said
            if self._money_won(position):
                continue  # "how much prize money did she win": what she earned, any place
            sense = lexicon.outcome_sense(self.r.words, position)
            wanted = WIN_VALUES if sense == "win" else LOSE_VALUES if sense == "lose" else None
            if wanted is None or (sense == "win" and self.r.rows_are_wins):
                continue  # (on a list of winners "won" says what every row is)
            found: list[tuple[str, list[Scalar]]] = []
            for column, mapping in self.index.values.items():
                if len(mapping) > 50 or column in self.index.free_text | self.index.remarks:
                    continue  # a remark "Won stage 9" is no result of the row's race
                here = wanted
                names = set(self.index.column_tokens.get(column, []))
                if names & _WINNER_NAME_TOKENS and names & PLACING_TOKENS:
                    continue  # "Previous winner's finish": someone else's result, not the row's
                if sense == "win" and PLACING_TOKENS & names:
                    here = wanted | {"1st"}  # a Finish of "1st" among "T3", "CUT": a win
                hits = [
                    cell_scalar(v)
                    for key in mapping
                    if key.split(" ")[0] in here
                    for v in self.index.cells_read_as(column, key)
                ]
                hits = list(dict.fromkeys(hits))
                if hits and len(set(mapping.values())) > len(hits):
                    found.append((column, hits))
            if len(found) > 1:
                # "Won" in a Result column beside a Score of "w/o": the column named for
                # results says it
                named = [
                    (c, h)
                    for c, h in found
                    if set(self.index.column_tokens.get(c, [])) & _RESULT_NAME_TOKENS
                ]
                found = named if len(named) == 1 else found
            if len(found) != 1:
                continue
            column, hits = found[0]
            negation = self._negation_before(position)
            positions = {position} | ({negation} if negation is not None else set())
            op: ConditionOp = "not_in" if negation is not None else "in"
            condition = Condition(column=column, op=op, value=hits)
            slots.append([FilterOption(condition, frozenset(positions), column, 0.2)])
            used.add(position)
        return slots

    def _money_won(self, position: int) -> bool:
        """Whether the win word's object is money or an amount a column holds ("how much
        prize money did she win", "the total prize money won"): earned, never won outright."""
        if self.r.has("how much"):
            return True
        return any(
            m.score >= 0.6
            and m.end <= position
            and position - m.end <= 3
            and self.index.holds_amounts(m.column)
            and not self.index.holds_whole_numbers(m.column)
            for m in self.r.columns
        )

    # -- cell values ----------------------------------------------------------------------
    def flag_values(self, column: str) -> tuple[object, object] | None:
        """The true and false values of a yes/no column, as the data holds them."""
        profile = self.index.profile.column(column)
        if profile is None:
            return None
        if profile.type == "boolean":
            return True, False
        if self.index.is_zero_one(column):
            return 1, 0  # a 0/1 flag
        mapping = self.index.values.get(column, {})
        keys = set(mapping)
        if not keys or len(keys) > 2:
            return None
        truthy = [mapping[k] for k in keys if k in YES_WORDS]
        falsy = [mapping[k] for k in keys if k in NO_WORDS]
        if len(truthy) == 1 and len(falsy) <= 1 and len(keys) == len(truthy) + len(falsy):
            return truthy[0], falsy[0] if falsy else None
        return None

    def _flag_slots(self, used: set[int]) -> list[Slot]:
        slots: list[Slot] = []
        for mention in self.r.columns:
            if mention.score < 0.6:
                continue
            span = set(range(mention.start, mention.end))
            if span & used:
                continue
            flags = self.flag_values(mention.column)
            if flags is None:
                event = self._event_slot(mention.start, mention.end, mention.column)
                if event is not None:
                    slots.append([event, SKIP])
                    used |= event.positions
                continue
            yes, no = flags
            name = self.index.column_tokens.get(mention.column, [])
            if mention.score < 1.0 and self._shared_with_other_columns(mention):
                # "gifts" beside Gift Aid, Gift Date and Gift Amount: the word the columns
                # share names the rows, never the flag's yes
                continue
            word = self.r.words[mention.start]
            if len(span) == 1 and negates_a_name(word, name):
                continue  # "unvaccinated" is Vaccinated's no: read with the other opposites
            # (the marks of a yes/no header say nothing: "Repeat Customer (Y/N)" ends in customer)
            core = [t for t in name if t not in _FLAG_MARKS] or name
            if (
                len(span) == 1
                and len(core) >= 2
                and core[0] not in ("is", "has", "was", "had")
                and (
                    self.r.norm[mention.start] == core[-1]
                    # "drop-in visitors" beside FIRST_VISIT: the people, never the first visit
                    or (word.startswith(core[-1]) and word.endswith(("ors", "ers", "or", "er")))
                )
                # "how many were opened" beside email_opened says the flag's yes; "printed"
                # beside Colour Print (a noun last) only says what the rows are
                and not (word.endswith("ed") and _last_header_word(mention.column).endswith("ed"))
                # ("printed in colour": the flag's own word is said too)
                and not self._rest_of_the_name(mention) - span
            ):
                # "the fewest samples" with a fastingSample flag, "members" with Premium
                # Member: the noun the flag qualifies names the rows, not the flag's yes
                continue
            value, positions = yes, set(span) | self._rest_of_the_name(mention)
            # "queen_seen no", "where queen_seen is True" (the form the suggestions write)
            said = mention.end + (self.r.words[mention.end : mention.end + 1] == ["is"])
            following = self.r.words[said : said + 1]
            if following and following[0] in YES_WORDS + NO_WORDS:
                value = yes if following[0] in YES_WORDS else no
                positions |= set(range(mention.end, said + 1))
            negation = self._negation_before(mention.start)
            if negation is None:  # "the queen was not seen" for queen_seen: inside its name
                negation = next(
                    (
                        i
                        for i in range(min(positions) + 1, max(positions))
                        if is_negation(self.r.words[i])
                    ),
                    None,
                )
            if negation is not None and self._said_of_another_flag(negation, mention):
                negation = None  # "where queen_seen is no and treatment_applied is yes"
            if negation is not None:
                value = no if value == yes else yes
                positions.add(negation)
            if value is None:
                continue
            condition = Condition(column=mention.column, op="eq", value=cell_scalar(value))
            slots.append([FilterOption(condition, frozenset(positions), mention.column, 0.0), SKIP])
            used |= positions
        return slots

    def _said_of_another_flag(self, position: int, mention: ColumnMention) -> bool:
        """Whether the "no" at ``position`` is the value said of another flag ("queen_seen is
        no"), not a negation of this one."""
        before = position - 1 - (self.r.words[position - 1 : position] == ["is"])
        return any(
            m.end == before + 1 and m.column != mention.column and m.score >= 0.6
            for m in self.r.columns
            if self.flag_values(m.column) is not None
        )

    def _rest_of_the_name(self, mention: ColumnMention) -> set[int]:
        """The flag's other name words said near it: "needed a follow-up" for
        follow_up_needed names the flag whole, not a Follow-up value of another column."""
        name = set(self.index.column_tokens.get(mention.column, []))
        near = range(max(0, mention.start - _NAME_REACH), mention.end + _NAME_REACH)
        return {
            i
            for i in near
            if i < len(self.r.norm) and self.r.norm[i] in name and self.r.words[i].isalpha()
        }

    def names_a_flag_whole(self, positions: set[int]) -> bool:
        """Whether these words (a cell value's) are the rest of a flag's name said beside it."""
        for mention in self.r.columns:
            if mention.score < 0.6 or self.flag_values(mention.column) is None:
                continue
            rest = self._rest_of_the_name(mention) - set(range(mention.start, mention.end))
            if positions and positions <= rest:
                return True
        return False

    def _shared_with_other_columns(self, mention: ColumnMention) -> bool:
        said = set(self.r.norm[mention.start : mention.end])
        return any(
            said <= set(tokens)
            for column, tokens in self.index.column_tokens.items()
            if column != mention.column
        )

    def _event_slot(self, start: int, end: int, column: str) -> FilterOption | None:
        """ "closed tickets", "the shipped orders": a participle naming a date column that
        records when it happened ("Closed At", "shipped_on") means the date is set; "not
        closed" means it is missing."""
        word = self.r.words[start]
        if end - start != 1 or not word.endswith("ed") or len(word) < 5:
            return None
        if self.index.type_of(column) != "datetime":
            return None
        if set(self.index.column_tokens.get(column, [])) & PLANNED_TOKENS:
            return None  # an expiry or a due date is set before anything happens
        if any(
            m.end == start and self.index.is_numeric(m.column) and m.score >= 0.6
            for m in self.r.columns
        ):
            return None  # "the total quantity ordered": the participle describes the measure
        if self._the_rows_own_event(word):
            return None  # "which line moved the lowest total weight", on a table of moves
        negation = self._negation_before(start)
        op: ConditionOp = "is_null" if negation is not None else "not_null"
        positions = {start} | ({negation} if negation is not None else set())
        return FilterOption(Condition(column=column, op=op), frozenset(positions), column, 0.1)

    def _the_rows_own_event(self, word: str) -> bool:
        """ "moved" on a table of moves (port_moves.csv): every row is a move, so the verb
        says what the rows are, never that their date of it is set."""
        stem = singular(word)  # moved → mov (moves → mov); delivered → deliver (deliveri)
        return bool({stem, stem + "i"} & self.index.subject)  # never shipped → shipment

    def _filled_slots(self, used: set[int]) -> list[Slot]:
        """ "have a cancellation reason filled in", "with the phone recorded": the column is
        not missing."""
        slots: list[Slot] = []
        for mention in self.r.columns:
            if mention.score < 0.6 or set(range(mention.start, mention.end)) & used:
                continue
            after = self.r.words[mention.end : mention.end + 2]
            if not after or after[0] not in FILLED_WORDS:
                continue
            positions = set(range(mention.start, mention.end)) | {mention.end}
            if after[1:] == ["in"]:
                positions.add(mention.end + 1)
            condition = Condition(column=mention.column, op="not_null")
            slots.append([FilterOption(condition, frozenset(positions), mention.column, 0.0)])
            used |= positions
        return slots

    def _antonym_slots(self, used: set[int]) -> list[Slot]:
        """ "failing grades" (passed = no), "still open tickets" (Closed At missing): a word
        whose opposite names a yes/no column or an event's date column."""
        slots: list[Slot] = []
        for position, word in enumerate(self.r.words):
            opposite = lexicon.ANTONYMS.get(word) or without_negation(word)
            prefixed = word not in lexicon.ANTONYMS  # "unvaccinated": only a name's negation
            said = {position}
            at = position
            if word == "time" and position and self.r.words[position - 1] == "on":
                # "returned on time": not late ("on" stands where "late" would)
                opposite, said, at = "late", {position - 1, position}, position - 1
                prefixed = False
            if opposite is None or position in used:
                continue
            replaced = [*self.r.norm[:at], singular(opposite), *self.r.norm[at + 1 :]]
            options: Slot = []
            for mention in self.index.column_mentions(replaced):
                if mention.score < 0.6 or not mention.start <= at < mention.end:
                    continue
                name = self.index.column_tokens.get(mention.column, [])
                if prefixed and not negates_a_name(word, name):
                    continue  # a rest only like a name ("invoices" beside Voiced): no negation
                condition = self._opposite(mention.column)
                if condition is not None:
                    options.append(FilterOption(condition, frozenset(said), mention.column, 0.1))
            if options:
                slots.append([*options, SKIP])
                used |= said
        return slots

    def _opposite(self, column: str) -> Condition | None:
        flags = self.flag_values(column)
        if flags is not None:
            no = flags[1]
            return None if no is None else Condition(column=column, op="eq", value=cell_scalar(no))
        if self.index.type_of(column) == "datetime":
            return Condition(column=column, op="is_null")
        return None


_FLAG_MARKS = frozenset({"y", "n", "yn", "flag", "flg", "tf", "bool"})


def negates_a_name(word: str, name: list[str]) -> bool:
    """Whether ``word`` is a word of a column's name (``name``: its stemmed words) with a
    negating prefix glued on: "unvaccinated" of Vaccinated, "ineligible" of is_eligible; never
    the name itself ("Inactive" of an Inactive column)."""
    rest = without_negation(word)
    return rest is not None and singular(rest) in name and singular(word) not in name


def _last_header_word(column: str) -> str:
    """The last word of a header as written, marks aside: "print" of "Colour Print (Y/N)",
    "opened" of emailOpened."""
    words = [w for w in header_words(column) if w not in _FLAG_MARKS]
    return words[-1] if words else ""
