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

from ..schema_index import normalize

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


def role_of(word: str) -> frozenset[str] | None:
    """The cells a player's position word stands for ("goalkeepers" → gk, g, …), or None."""
    found = ROLE_CELLS.get(word)
    if found is None and word.endswith("s"):
        found = ROLE_CELLS.get(word[:-1])
    return found
