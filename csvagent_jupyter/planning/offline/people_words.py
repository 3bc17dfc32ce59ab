"""People named by a trait the table records: their country ("how many Canadians were
drafted", "German athletes"), their sex ("how many women were admitted") or the position
they play ("how many goalkeepers are in the squad", with GK in a Pos. column).

Results, rosters and draft tables record a nationality as the country's name ("Canada",
"Norway (NOR)"). A demonym is then a filter on that column. It is never the noun of the
rows: counting "Americans" as every row of a draft list is the confident wrong answer this
module exists to prevent. When no cell names the country, the word still means something
the table cannot answer, so the question is asked back.

Only single words that mean nothing else in a question are listed ("pole" and "kiwi" are
not). Sex is read the same way, from a column whose cells are both a female and a male form
("F"/"M", "Female"/"Male"): a size column of S/M/L is no such column.
"""

from __future__ import annotations

from ..schema_index import SchemaIndex, ValueMention, normalize
from . import lexicon

# demonym (singular, lower case) -> the country's names as a table may write them
DEMONYMS: dict[str, tuple[str, ...]] = {
    "american": ("united states", "usa", "us", "united states of america"),
    "british": ("united kingdom", "great britain", "uk"),
    "english": ("england",),
    "scottish": ("scotland",),
    "scot": ("scotland",),
    "welsh": ("wales",),
    "irish": ("ireland",),
    "french": ("france",),
    "german": ("germany",),
    "italian": ("italy",),
    "spanish": ("spain",),
    "spaniard": ("spain",),
    "portuguese": ("portugal",),
    "dutch": ("netherlands",),
    "belgian": ("belgium",),
    "swiss": ("switzerland",),
    "austrian": ("austria",),
    "swedish": ("sweden",),
    "swede": ("sweden",),
    "norwegian": ("norway",),
    "danish": ("denmark",),
    "dane": ("denmark",),
    "finnish": ("finland",),
    "finn": ("finland",),
    "icelandic": ("iceland",),
    "icelander": ("iceland",),
    "czech": ("czech republic", "czechia"),
    "slovak": ("slovakia",),
    "hungarian": ("hungary",),
    "romanian": ("romania",),
    "bulgarian": ("bulgaria",),
    "greek": ("greece",),
    "turkish": ("turkey",),
    "russian": ("russia",),
    "ukrainian": ("ukraine",),
    "serbian": ("serbia",),
    "croatian": ("croatia",),
    "slovenian": ("slovenia",),
    "estonian": ("estonia",),
    "latvian": ("latvia",),
    "lithuanian": ("lithuania",),
    "belarusian": ("belarus",),
    "canadian": ("canada",),
    "mexican": ("mexico",),
    "brazilian": ("brazil",),
    "argentine": ("argentina",),
    "argentinian": ("argentina",),
    "argentinean": ("argentina",),
    "chilean": ("chile",),
    "colombian": ("colombia",),
    "peruvian": ("peru",),
    "venezuelan": ("venezuela",),
    "uruguayan": ("uruguay",),
    "cuban": ("cuba",),
    "jamaican": ("jamaica",),
    "chinese": ("china",),
    "japanese": ("japan",),
    "korean": ("south korea", "korea"),
    "indian": ("india",),
    "pakistani": ("pakistan",),
    "australian": ("australia",),
    "nigerian": ("nigeria",),
    "kenyan": ("kenya",),
    "ethiopian": ("ethiopia",),
    "egyptian": ("egypt",),
    "moroccan": ("morocco",),
    "algerian": ("algeria",),
    "ghanaian": ("ghana",),
    "israeli": ("israel",),
    "iranian": ("iran",),
    "thai": ("thailand",),
    "vietnamese": ("vietnam",),
    "filipino": ("philippines",),
    "indonesian": ("indonesia",),
    "malaysian": ("malaysia",),
    "taiwanese": ("taiwan",),
}


def country_of(word: str) -> tuple[str, ...] | None:
    """The country names a demonym stands for ("canadians" → canada); None for other words."""
    word = word.lower()
    found = DEMONYMS.get(word)
    if found is None and word.endswith("s"):
        found = DEMONYMS.get(word[:-1])  # "Canadians", "Swedes"
    return found


FEMALE_WORDS = frozenset({"women", "woman", "female", "females", "girls", "girl", "ladies", "lady"})
MALE_WORDS = frozenset({"men", "man", "male", "males", "boys", "boy", "gentlemen"})
# a sex as the cells of a column may write it, in the index's normal form (stemmed:
# "female" is "femal")
FEMALE_CELLS = frozenset(
    normalize(w) for w in ("f", "female", "woman", "women", "w", "girl", "girls")
)
MALE_CELLS = frozenset(normalize(w) for w in ("m", "male", "man", "men", "boy", "boys"))


def sex_of(word: str) -> frozenset[str] | None:
    """The cell texts a word for one sex stands for ("women" → f, female, …); None otherwise."""
    if word in FEMALE_WORDS:
        return FEMALE_CELLS
    if word in MALE_WORDS:
        return MALE_CELLS
    return None


_GOALKEEPER = ("gk", "g", "goalkeeper", "goaltender", "goalie", "keeper")
_DEFENDER = ("df", "d", "def", "defender", "defence", "defense", "defenceman", "defenseman")
_MIDFIELDER = ("mf", "m", "mid", "midfielder", "midfield")
_FORWARD = ("fw", "f", "fwd", "forward", "striker", "st", "cf")
_WINGER = ("w", "lw", "rw", "winger", "left wing", "right wing", "wing")
# A position named by its players, and the cells a Pos./Position column may hold for it.
ROLE_CELLS: dict[str, frozenset[str]] = {
    word: frozenset(normalize(cell) for cell in cells)
    for words, cells in (
        (("goalkeeper", "goalie", "goaltender", "keeper"), _GOALKEEPER),
        (("defender", "defenceman", "defenseman", "defencemen", "defensemen"), _DEFENDER),
        (("midfielder",), _MIDFIELDER),
        (("forward", "striker"), _FORWARD),
        (("winger",), _WINGER),
    )
    for word in words
}


def practises(word: str, cell_word: str) -> bool:
    """Whether ``word`` names the people of the field ``cell_word`` names: "engineers" of
    "Engineering", "marketers" of "Marketing". A department or a degree is written as the
    field, while the question counts or averages its people; the word is that filter, not
    another word that happens to share the cell's stem."""
    for ending in lexicon.PRACTITIONER_ENDINGS:
        base = word.removesuffix(ending)
        if base == word or len(base) < 4:
            continue
        if any(cell_word == base + field for field in lexicon.FIELD_ENDINGS):
            return True
    return False


def role_of(word: str) -> frozenset[str] | None:
    """The cells a player's position word stands for ("goalkeepers" → gk, g, …), or None."""
    found = ROLE_CELLS.get(word)
    if found is None and word.endswith("s"):
        found = ROLE_CELLS.get(word[:-1])
    return found


def people_values(words: list[str], index: SchemaIndex, positions: set[int]) -> list[ValueMention]:
    """ "Canadians", "German athletes", "women": the cells that name the country ("Canada",
    "Germany (GER)") in the column with the fewest such cells, or the sex ("F") in a column
    that holds both sexes."""
    found: list[ValueMention] = []
    for position in sorted(positions):
        sex, role = sex_of(words[position]), role_of(words[position])
        if sex is not None or role is not None:
            cells = _sex_cells(index, sex) if sex is not None else _role_cells(index, role or set())
            found += [
                ValueMention(column, value, position, position + 1, exact=False)
                for column, value in cells
            ]
            continue
        for country in country_of(words[position]) or ():
            key = f" {normalize(country)} "
            hits = {
                column: [v for k, v in mapping.items() if key in f" {k} "]
                for column, mapping in index.values.items()
                if column not in index.free_text
            }
            hits = {column: values for column, values in hits.items() if values}
            if hits:
                column = min(hits, key=lambda c: len(hits[c]))
                found += [
                    ValueMention(column, value, position, position + 1, exact=False)
                    for value in hits[column]
                ]
                break
    return found


_POSITION_TOKENS = frozenset({normalize("position"), normalize("role")})


def _role_cells(index: SchemaIndex, role: frozenset[str] | set[str]) -> list[tuple[str, object]]:
    """The cells of the one position column (Pos., Position, Role) that stand for ``role``."""
    columns = [
        (column, mapping)
        for column, mapping in index.values.items()
        if _POSITION_TOKENS & set(index.column_tokens.get(column, []))
    ]
    if len(columns) != 1:
        return []
    column, mapping = columns[0]
    return [(column, value) for key, value in mapping.items() if key in role]


def _sex_cells(index: SchemaIndex, sex: frozenset[str]) -> list[tuple[str, object]]:
    """The cells of the one column that records sex (a female and a male form among its
    values) that stand for ``sex``; none when no column, or more than one, does."""
    columns = [
        (column, mapping)
        for column, mapping in index.values.items()
        if set(mapping) & FEMALE_CELLS and set(mapping) & MALE_CELLS
    ]
    if len(columns) != 1:
        return []
    column, mapping = columns[0]
    return [(column, value) for key, value in mapping.items() if key in sex]


def table_subject(
    words: list[str], norm: list[str], name_stems: frozenset[str], placed: set[int]
) -> set[int]:
    """ "how many films did the actress appear in", "the last album the band released": a
    table of one person's or group's work names its subject nowhere in its cells, so "the
    actress" (and the verb of her taking part) point at the whole table, as "she" does.
    Only a role noun that names no column and no value here (``placed``, ``name_stems``):
    "the team" on a table with a Team column is that column, "the director" beside a
    Directed By column too."""
    out: set[int] = set()
    for i in range(1, len(words)):
        word = words[i]
        if (
            words[i - 1] != "the"
            or word not in lexicon.SUBJECT_ROLES
            or i in placed
            or norm[i] in name_stems
            or any(word[:5] == stem[:5] for stem in name_stems if len(stem) >= 5)
        ):
            continue
        out.add(i)
        verb = i + 1
        if (
            verb < len(words)
            and words[verb].isalpha()
            and verb not in placed
            and norm[verb] not in name_stems
            and not lexicon.is_cue(words[verb])
            and (
                words[verb] in lexicon.TAKING_PART
                or (
                    i > 1
                    and words[i - 2] in ("did", "does", "do", "has", "have")
                    # "did the team miss the playoffs": a verb of a result picks seasons
                    and words[verb] not in lexicon.RESULT_VERBS
                )
            )
        ):
            out.add(verb)
    return out
