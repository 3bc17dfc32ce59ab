"""The offline planner's word lists: data, not logic.

Every list here is general English about data analysis; none names a particular
table. Words are compared after the reader's normalisation (lower case; the
``singular`` stemmer of ``schema_index`` for the ``*_STEMS`` sets).
"""

from __future__ import annotations

import re
from typing import Literal

from ...analysis.plan import AggFunc, ChartKind

Direction = Literal["max", "min"]

# Words that carry no content of their own: articles, pronouns, auxiliaries, politeness,
# "in the data". A question is understood when every word *not* in here is explained.
FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "doing",
        "done",
        "has",
        "have",
        "had",
        "having",
        "what",
        "what's",
        "whats",
        "whose",
        "how",
        "there",
        "here",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "their",
        "theirs",
        "his",
        "her",
        "hers",
        "he",
        "she",
        "him",
        "s",  # "season(s)", "israel's": what is left of a plural or possessive ending
        "still",
        "currently",
        "already",
        "they",
        "them",
        "we",
        "our",
        "ours",
        "us",
        "you",
        "your",
        "i",
        "me",
        "my",
        "mine",
        "as",
        "than",
        "per",
        "each",
        "every",
        "all",
        "any",
        "only",
        "just",
        "also",
        "please",
        "pls",
        "plz",
        "tell",
        "show",
        "give",
        "find",
        "get",
        "got",
        "see",
        "know",
        "want",
        "need",
        "like",
        "would",
        "could",
        "can",
        "will",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "let's",
        "lets",
        "r",
        "u",
        "ur",
        "some",
        "one",
        "ones",
        "data",
        "dataset",
        "file",
        "table",
        "sheet",
        "csv",
        "spreadsheet",
        "records",
        "record",
        "row",
        "rows",
        "entries",
        "entry",
        "value",
        "values",
        "number",
        "numbers",
        "figure",
        "amount",
        "whole",
        "entire",
        "across",
        "throughout",
        "overall",
        "altogether",
        "combined",
        "everything",
        "anything",
        "all",
        "so",
        "then",
        "now",
        "just",
        "quick",
        "quickly",
        "exactly",
        "roughly",
        "approximately",
        "about",
        "around",
        "single",
        "individual",
        "time",
        "times",
        "ever",
        "please",
        "thanks",
        "thank",
        "calculate",
        "compute",
        "work",
        "out",
        "determine",
        "return",
        "display",
        "print",
        "report",
        "look",
        "up",
        "out",
        "up",
        "into",
        "over",
        "within",
        "through",
        "via",
        "against",
        "name",
        "names",
        "called",
        "named",
        "column",
        "field",
        "col",
        "recorded",
        "reported",
        "listed",
    ]
)

# Units of measure: they say how a number is read, never what to compute.
UNITS = frozenset(
    [
        "usd",
        "eur",
        "euro",
        "euros",
        "dollar",
        "dollars",
        "gbp",
        "miles",
        "mile",
        "km",
        "kilometres",
        "kilometers",
        "kg",
        "kgs",
        "lbs",
        "c",
        "f",
        "°c",
        "°f",
        "degrees",
        "degree",
        "celsius",
        "fahrenheit",
        "minutes",
        "mins",
        "seconds",
        "secs",
        "sec",
        "stars",
        "star",
        "pts",
    ]
)

# Comparisons between two things; never dropped, since they change the answer's meaning.
COMPARATIVES = frozenset(
    [
        "more",
        "less",
        "fewer",
        "higher",
        "lower",
        "greater",
        "larger",
        "bigger",
        "smaller",
        "longer",
        "shorter",
        "than",
        # comparisons we do not compute ("faster than X" compares with another row): named,
        # so that leaving one unused declines instead of dropping it
        "faster",
        "slower",
        "better",
        "worse",
        "earlier",
        "later",
        "older",
        "younger",
        "cheaper",
        "heavier",
        "lighter",
        "taller",
        "wider",
        "deeper",
        "hotter",
        "colder",
        "warmer",
        "cooler",
        "richer",
        "poorer",
        "busier",
        "newer",
        "stronger",
        "weaker",
        "closer",
        "farther",
        # an order of rows ("ranked after Iran", "picked before pick 60"): when no date or
        # threshold uses it, the question is asked back, never answered without it
        "before",
        "after",
        "behind",
        "ahead",
        "preceding",
        "following",
    ]
)

# Counting: "how many", "number of", "count of".
COUNT_PHRASES = (
    "how many",
    "number of",
    "count of",
    "count the",
    "count",
    "no of",
    "total number of",
    "how many total",
    "the total number of",
)
DISTINCT_WORDS = frozenset({"different", "distinct", "unique", "separate", "kinds", "types"})
LIST_PHRASES = (
    "list",
    "list all",
    "show me",
    "show",
    "what are",
    "which are",
    "name the",
    "name all",
    "enumerate",
)

# Aggregate words → Plan aggregate function.
AGGREGATE_WORDS: dict[str, AggFunc] = {
    "average": "mean",
    "avg": "mean",
    "avrage": "mean",
    "averge": "mean",
    "mean": "mean",
    "typical": "mean",
    "median": "median",
    "total": "sum",
    "sum": "sum",
    "combined": "sum",
    "altogether": "sum",
    "maximum": "max",
    "max": "max",
    "minimum": "min",
    "min": "min",
    "variance": "var",
    # said as a verb: "which sites averaged more than 400 kWh", "stores that totalled …"
    "averaged": "mean",
    "averaging": "mean",
    "totaled": "sum",
    "totalled": "sum",
    "totaling": "sum",
    "totalling": "sum",
}
STD_PHRASES = (
    "standard deviation",
    "std dev",
    "std deviation",
    "stdev",
    "stddev",
    "std",
    "sd",
)
SAMPLE_WORDS = frozenset({"sample"})
POPULATION_WORDS = frozenset({"population"})

# Superlatives and their direction.
MAX_WORDS = frozenset(
    [
        "most",
        "highest",
        "largest",
        "greatest",
        "biggest",
        "maximum",
        "max",
        "top",
        "longest",
        "latest",
        "newest",
        "heaviest",
        "tallest",
        "oldest",
        "slowest",
        "priciest",
        "costliest",
        "busiest",
        "warmest",
        "hottest",
        "farthest",
        "furthest",
        "deepest",
        "widest",
        "strongest",
        "deadliest",
    ]
)
MIN_WORDS = frozenset(
    [
        "least",
        "lowest",
        "smallest",
        "fewest",
        "minimum",
        "min",
        "bottom",
        "shortest",
        "earliest",
        "lightest",
        "youngest",
        "fastest",
        "quickest",
        "cheapest",
        "coldest",
        "coolest",
        "nearest",
        "closest",
        "weakest",
        "quietest",
        "shallowest",
        "narrowest",
    ]
)
# "best", "worst" have no direction of their own: see BEST_WORDS below.
# Superlatives of pace: the fastest is the least time, but the highest speed.
PACE_SUPERLATIVES = frozenset({"fastest", "quickest", "slowest"})
# Superlatives of the number itself: "the maximum Position" is the largest number even on a
# column of places, where "the highest position" is the best one (1)
NUMBER_SUPERLATIVES = frozenset({"maximum", "max", "minimum", "min"})
# Superlatives and comparatives of one quality (weight, height, price, age, depth, wealth):
# "the heaviest packages" ranks by weight, never by a count of packages. "longest" and
# "largest" are left out: a streak or a number of people is long or large.
QUALITY_SUPERLATIVES = frozenset(
    {"heaviest", "lightest", "heavier", "lighter", "tallest", "taller", "cheapest", "cheaper",
     "expensive", "costliest", "priciest", "oldest", "youngest", "older", "younger", "deepest",
     "richest", "richer"}
)  # fmt: skip
# may mean "most rows"; "the busiest weekday" has the most, "the quietest month" the fewest
COUNT_SUPERLATIVES = frozenset({"most", "fewest", "least", "busiest", "quietest"})
# Adjectives that make "most"/"least" a superlative of a quality ("the most expensive"), as
# "priciest" is: never a count of rows, nor a total.
MEASURE_ADJECTIVES = frozenset({"expensive", "costly", "pricey"})

# Comparatives for thresholds, as regular-expression alternations over words.
GREATER = r"(?:more|greater|higher|larger|bigger|over|above|exceeding|exceeds?|longer|taller|wider|deeper|later|after|older|heavier|costlier)"
LESS = r"(?:less|fewer|lower|smaller|under|below|shorter|narrower|shallower|before|earlier|younger|cheaper|lighter)"

# Percent and share questions.
PERCENT_PHRASES = (
    "what percent",
    "what percentage",
    "percentage of",
    "percent of",
    "% of",
    "what share",
    "share of",
    "what proportion",
    "proportion of",
    "what fraction",
    "fraction of",
    "what %",
)
MISSING_WORDS = frozenset(
    {"missing", "blank", "null", "nulls", "empty", "na", "nan", "unknown", "unfilled"}
)
MISSING_PHRASES = (
    "no value",
    "without a value",
    "not filled",
    "have no",
    "has no",
    "had no",
    "with no",
    "without",
)
CORRELATION_WORDS = frozenset(
    {"correlation", "corelation", "correlate", "correlated", "corr", "correlations"}
)
COMMON_WORDS = frozenset({"common", "frequent", "popular", "usual", "often", "frequently"})
NEGATIONS = frozenset(
    {
        "not",
        "no",
        "non",
        "outside",  # "volcanoes outside Indonesia"
        "besides",
        "without",
        "excluding",
        "except",
        "never",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "didn't",
        "doesn't",
        "don't",
        "hasn't",
        "haven't",
    }
)
YES_NO_STARTS = frozenset(
    {"is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "can", "could", "will"}
)
ANY_WORDS = frozenset({"any", "anyone", "anybody", "anything", "ever", "some", "single"})
ALL_WORDS = frozenset({"all", "every", "each", "everyone", "always"})

# Group cues: "by region", "per month", "for each store".
GROUP_PHRASES = (
    "for each",
    "in each",
    "of each",  # "the average fee of each breed"
    "at each",  # "the average wait at each clinic"
    "on each",
    "does each",  # "how many meters does each building have"
    "do each",
    "did each",
    "for every",
    "by",
    "per",
    "across",
    "grouped by",
    "broken down by",
    "split by",
)

CHART_WORDS: dict[str, ChartKind] = {
    "pie": "pie",
    "histogram": "hist",
    "scatter": "scatter",
    "line": "line",
    "trend": "line",
    "bar": "bar",
    "chart": "bar",
    "plot": "bar",
    "graph": "bar",
    "boxplot": "box",
    "box": "box",
}

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
    "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
}  # fmt: skip
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
         ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
         ("sunday", "sun")]
    )
    for name in (*names, names[0] + "s")  # "on Sundays"
}  # fmt: skip
# Words that ask for a period of a date ("which month", "by weekday").
PERIOD_WORDS: dict[str, str] = {
    "year": "year",
    "yearly": "year",
    "annual": "year",
    "quarter": "quarter",
    "quarterly": "quarter",
    "month": "month",
    "monthly": "month",
    "week": "week",
    "weekly": "week",
    "weekday": "weekday",
    "day": "day",
    "daily": "day",
    "date": "day",
    "hour": "hour",
    "hourly": "hour",
}

# Money earned, never a count of the things that earned it ("top resorts by revenue")
MONEY_NOUNS = frozenset({"revenue", "revenues", "income", "earnings", "turnover", "takings"})

# What a place holds is its capacity ("stadiums that hold more than 10,000 people"); the
# people held are then only what the capacity counts, never a column of their own.
CAPACITY_VERBS = frozenset({"hold", "holds", "seat", "seats", "accommodate", "accommodates"})
HEADCOUNT_NOUNS = frozenset({"people", "persons", "spectators", "fans", "guests", "visitors"})

# A small thesaurus: a question word → words that may stand in a column name for it.
SYNONYMS: dict[str, tuple[str, ...]] = {
    # A superlative that names its own measure: "the shortest movie" is the least runtime.
    "shortest": ("duration", "length", "runtime", "minutes", "height"),  # a film, or a person
    "longest": ("duration", "length", "runtime", "minutes"),
    "tallest": ("height",),
    # size: "the largest park", "the smallest island" (an Area); a table that names another
    # measure ("the largest order total") says so, and an implied measure yields to it
    "largest": ("area", "size"),
    "biggest": ("area", "size"),
    "smallest": ("area", "size"),
    "larger": ("area", "size"),
    "smaller": ("area", "size"),
    "heaviest": ("weight",),
    "lightest": ("weight",),
    "cheapest": ("price", "cost", "fee"),
    "expensive": ("price", "cost", "fee"),
    "costly": ("price", "cost", "fee"),
    "pricey": ("price", "cost", "fee"),
    "priciest": ("price", "cost", "fee"),
    "costliest": ("price", "cost", "fee"),
    "youngest": ("age",),
    "oldest": ("age",),
    "old": ("age",),  # "how old was she"
    "richest": ("worth", "wealth"),
    # a results table's "GA" (goals against), "Runs Against", "Points Allowed"
    "conceded": ("against",),
    "concede": ("against",),
    # comparatives name their measure as the superlatives do ("which is longer, A or B")
    "longer": ("duration", "length", "runtime", "minutes"),
    "shorter": ("duration", "length", "runtime", "minutes", "height"),
    "taller": ("height",),
    "heavier": ("weight",),
    "lighter": ("weight",),
    "older": ("age",),
    "younger": ("age",),
    "cheaper": ("price", "cost", "fee"),
    "richer": ("worth", "wealth"),
    "deepest": ("depth",),
    "deadliest": ("deaths", "fatalities", "killed", "casualties"),
    # "how tall is the Warsaw Spire", "how deep is Lake Baikal": the adjective names the
    # measure as its comparative does
    "tall": ("height",),
    "deep": ("depth",),
    "wide": ("width",),
    "heavy": ("weight",),
    # a place's height: "which is higher, Nairobi or Kabul", "the highest capital" (only where
    # the table has such a column; a measure named after the word still wins)
    "higher": ("elevation", "altitude", "height"),
    "highest": ("elevation", "altitude", "height"),
    "populous": ("population",),
    "populated": ("population",),
    "deeper": ("depth",),
    "shallowest": ("depth",),
    "shallower": ("depth",),
    "widest": ("width",),
    "wider": ("width",),
    "narrowest": ("width",),
    "narrower": ("width",),
    # "the fastest record" on a table of speeds is the highest speed (and of times the least
    # time: shapes_ranking turns the direction by the column)
    **{word: ("speed",) for word in ("fastest", "quickest", "slowest")},
    "hottest": ("temperature",),
    "warmest": ("temperature",),
    "coldest": ("temperature",),
    "densely": ("density",),
    "dense": ("density",),
    # a results table's verbs name its count columns ("won the most games": Wins, or W)
    **{verb: ("capacity",) for verb in CAPACITY_VERBS},
    "won": ("wins",),
    "win": ("wins",),
    "lost": ("losses",),
    "lose": ("losses",),
    "drew": ("draws",),
    "drawn": ("draws",),
    "staff": ("employee", "agent", "worker"),
    "employee": ("staff", "worker"),
    "worker": ("employee", "staff"),
    "people": (
        "person",
        "employee",
        "customer",
        "user",
        "patient",
        "student",
        "attendance",
        "population",
        "crowd",
        "spectators",
        "visitors",
    ),
    # a place in a list, as the reader or the header says it ("what rank" beside Pos.)
    "rank": ("position", "placing", "standing"),
    "ranking": ("position", "placing", "standing"),
    "position": ("rank", "ranking"),
    "country": ("nation", "nationality"),
    "nation": ("country", "nationality"),
    "resident": ("population", "inhabitants"),
    "inhabitant": ("population", "residents"),
    "born": ("birth", "dob"),
    "attend": ("attendance",),
    "attended": ("attendance",),
    "folk": ("agent", "person", "employee", "staff"),
    "sale": ("revenue", "sales", "amount"),
    "revenue": ("sale", "sales", "income"),
    "income": ("revenue", "salary"),
    "earning": ("revenue", "salary", "income"),
    "earn": ("salary", "income", "revenue"),
    "price": ("cost", "unit price"),
    "cost": ("price", "spend"),
    "spending": ("spend", "cost"),
    "spent": ("spend", "cost"),
    "pay": ("salary", "wage"),
    "payout": ("pay", "payment"),
    "paid": ("salary", "wage", "pay"),
    "wage": ("salary", "pay"),
    "salary": ("pay", "wage"),
    "customer": ("client", "user"),
    "client": ("customer",),
    "user": ("customer",),
    "temp": ("temperature",),
    "temperature": ("temp",),
    "qty": ("quantity",),
    "quantity": ("qty", "units"),
    "unit": ("quantity", "qty"),
    "electricity": ("kwh", "energy", "consumption"),
    "consumption": ("kwh", "energy", "usage"),
    "energy": ("kwh", "consumption"),
    "usage": ("consumption", "kwh"),
    "sold": ("sales", "units"),  # "which game sold the least", "the best selling game"
    "selling": ("sales",),
    "sell": ("sales",),
    "play": ("opponent",),  # "who did they play in 1989"
    "face": ("opponent",),
    "faced": ("opponent",),
    "airline": ("carrier",),
    "carrier": ("airline",),
    "film": ("movie", "title"),
    "movie": ("film", "title"),
    "grade": ("score", "mark"),
    "mark": ("score", "grade"),
    "score": ("grade", "mark", "rating"),
    "stock": ("quantity", "inventory", "on hand"),
    "delay": ("delay",),
    "late": ("delay",),
}

# Words of results ("how many wins", "did they win"): read as nothing yet, so never dropped.
WIN_WORDS = frozenset(
    {"win", "wins", "won", "winning", "winner", "winners", "victory", "victories"}
)
# Words before "number of" that still ask a count ("the total number of", "a large number
# of"); any other noun there names a number worn ("the race number of the Vega")
COUNT_QUALIFIERS = frozenset(
    {"total", "overall", "whole", "combined", "entire", "exact", "same", "average", "mean",
     "median", "highest", "lowest", "largest", "smallest", "greatest", "biggest", "maximum",
     "minimum", "max", "min", "least", "most", "large", "small", "actual", "approximate",
     "estimated", "net", "cumulative", "final", "official", "expected", "typical"}
)  # fmt: skip
# Words asking a sum, which a list of values never answers ("the combined gross of")
SUM_ASKING_WORDS = frozenset({"combined", "altogether", "sum", "total"})
# Words saying an item stands alone in its cell ("whose only language is German")
ALONE_WORDS = frozenset({"only", "solely", "alone", "exclusively"})
# People named by a result ("finishers", "qualifiers"): some of the rows, never all of them
RESULT_NOUNS = frozenset(
    {"finisher", "finishers", "qualifier", "qualifiers", "survivor", "survivors", "medallist",
     "medallists", "medalist", "medalists", "starters", "nonfinishers", "retirees", "dropouts"}
)  # fmt: skip
# A file named for what its rows won ("squash_titles.csv", "mvp_winners.csv"): every row is
# a win, and "how many titles did she win" counts them. ("championships" are taken part in.)
WON_ROWS_FILE_WORDS = frozenset(
    {"title", "titles", "winner", "winners", "win", "wins", "victory", "victories",
     "champion", "champions", "honours", "honors"}
)  # fmt: skip
# Column names of a result, a place or a tally: a table holding one records more than wins.
RESULT_NAME_WORDS = frozenset(
    {"result", "outcome", "position", "place", "placing", "pos", "finish", "finished", "rank",
     "won", "win", "wins", "winner", "lost", "loss", "losses", "runner", "loser", "opponent",
     "draw", "drawn", "medal", "score", "points", "status"}
)  # fmt: skip
# Heads of names of whoever wins a yearly event (a list of winners by year)
WINNING_DOERS = frozenset(
    {"driver", "rider", "player", "team", "club", "crew", "jockey", "horse", "skipper", "car",
     "constructor", "athlete", "cyclist", "racer", "pilot", "boat", "yacht", "champion",
     "winner", "skier", "runner", "swimmer", "golfer", "boxer", "wrestler"}
)  # fmt: skip
LOSE_WORDS = frozenset(
    {"lose", "loses", "lost", "losing", "loss", "losses", "loser", "defeat", "defeats"}
)
OUTCOME_WORDS = (
    WIN_WORDS
    | LOSE_WORDS
    | frozenset(
        {"draw", "draws", "drew", "tie", "ties", "tied", "beat", "beats", "beating", "beaten",
         "defeated", "defeating"}
    )
)  # fmt: skip

# Verbs of beating someone: a win when the subject does it ("did he beat X", "defeated X"), a
# loss when it is done to the subject ("was defeated by X", "beaten by"); "defeats" after
# "how many" is the noun, a loss.
BEAT_WORDS = frozenset(
    {"beat", "beats", "beating", "beaten", "defeat", "defeats", "defeated", "defeating"}
)
PASSIVE_BEFORE = frozenset(
    {"was", "were", "been", "be", "being", "got", "get", "gets", "is", "are"}
)
NOUN_BEFORE = frozenset(
    {"many", "of", "the", "his", "her", "their", "its", "no", "most", "fewest", "least"}
)


def outcome_sense(words: list[str], position: int) -> str | None:
    """Whether the result word at ``position`` means a win or a loss for the rows' subject."""
    word = words[position]
    if word in BEAT_WORDS:
        after = words[position + 1] if position + 1 < len(words) else ""
        before = words[position - 1] if position else ""
        if after == "by" or before in PASSIVE_BEFORE:
            return "lose"
        if word in ("defeat", "defeats") and before in NOUN_BEFORE:
            return "lose"
        return "win"
    if word in WIN_WORDS:
        return "win"
    if word in LOSE_WORDS:
        return "lose"
    return None


# Things one wins: a column of them (titles, gold) or a value naming one ("Gold" in a Medal
# column) says what "won" means, as a Winner column does.
PRIZE_WORDS = frozenset(
    {
        "title", "titles", "medal", "medals", "gold", "silver", "bronze", "trophy", "trophies",
        "award", "awards", "prize", "prizes", "championship", "championships", "cup", "cups",
        "premiership", "premierships",
    }
)  # fmt: skip


def is_cue(word: str) -> bool:
    """Whether the planner's lexicon gives ``word`` a meaning of its own."""
    return (
        word in AGGREGATE_WORDS
        or word in MAX_WORDS
        or word in MIN_WORDS
        or word in MISSING_WORDS
        or word in CORRELATION_WORDS
        or word in COMMON_WORDS
        or word in DISTINCT_WORDS
        or word in NEGATIONS
        or word in ORDINALS
        or word in MONTHS
        or word in WEEKDAYS
        or word in PERIOD_WORDS
        or word in OUTCOME_WORDS
        or word in CHART_WORDS
        or word in ("percent", "percentage", "share", "proportion", "%", "ratio", "rate")
        or word in ("which", "who", "whom", "when", "weekend", "weekends")
        or word in ("last", "latest", "earliest", "previous", "next", "recent")
        or word in COMPARATIVES
        or word in ("divided", "multiplied", "minus", "plus")  # arithmetic between two values
        or word in ("vs", "versus")  # two things compared: never pooled into one
        or word in ("once", "twice", "thrice")  # a count per row's name, never to be dropped
        or word in ("same", "identical")  # "the same score as X": other rows, never X's own
        or is_superlative(word)
        or word in CHANGE_CUES
        or word in CHART_POSITION_WORDS
        or word in ANTONYMS  # "rejections" means a flag's no, never the rows
        or word in STATE_VERBS
        or word in BEST_WORDS
        or word in WORST_WORDS
    )


# Events that carry a date: "opened first", "introduced first" order by that date, so a
# table without it is asked back rather than read in file order.
DATED_EVENTS = frozenset(
    {
        "opened", "introduced", "founded", "established", "discovered", "built", "completed",
        "launched", "released", "started", "began", "formed", "created", "inaugurated",
        "premiered", "debuted", "elected", "appointed", "born", "died", "signed", "joined",
    }
)  # fmt: skip

# Dated events that bring a thing into being: "the oldest bridge" is the earliest Opened, "the
# newest album" the latest Released (an end, an election or a signing dates no age)
BEGINNING_WORDS = frozenset(
    {"opened", "introduced", "founded", "established", "built", "completed", "launched",
     "released", "started", "began", "formed", "created", "inaugurated", "premiered", "born",
     "constructed", "erected", "commissioned", "founding", "opening", "launch", "release",
     "birth", "est", "inception", "dob", "first"}
)  # fmt: skip

# Words that order rows in time: on a column of dates or years written as text, they sort by
# the year each cell writes
TIME_ORDER_WORDS = frozenset(
    {"first", "last", "earliest", "latest", "oldest", "newest", "recent", "recently"}
)
# "first place", "first name", "last time": the position word qualifies something else
NOT_A_ROW = frozenset(
    {"place", "places", "name", "names", "time", "times", "half", "quarter", "round", "week"}
)

# What happened to a row, said by a verb ("how many orders were cancelled"): it picks rows,
# so a reading that cannot place it is asked back, never answered with every row.
# Words of a column's name that say its whole numbers are years: "Year", "Season", or the event
# the year dates ("Released", "Year founded", "First held", "From"/"To" of a term).
YEAR_NAME_WORDS = DATED_EVENTS | frozenset(
    {"year", "yr", "season", "release", "debut", "premiere", "founding", "opening", "launch",
     "election", "birth", "death", "start", "end", "from", "to", "since", "until", "est",
     "commenced", "held", "inception", "term", "edition", "first"}
)  # fmt: skip

STATE_VERBS = frozenset(
    {
        "cancelled", "canceled", "returned", "refunded", "delayed", "approved", "closed",
        "shipped", "delivered", "failed", "passed", "completed", "resolved", "escalated",
        "abandoned", "expired", "renewed", "churned", "defaulted", "diverted", "suspended",
        "terminated", "paid", "overdue", "damaged", "broken", "fired", "promoted",
        "discharged", "readmitted", "died", "deceased", "survived", "injured",
        "running", "ongoing", "neutered", "spayed", "vaccinated", "insured", "verified",
        "retired", "married", "banned",
    }
)  # fmt: skip


# A place on a chart: "the highest charting single" has the smallest number, and the
# word is never dropped (read the other way, it gives the flop as the hit).
CHART_POSITION_WORDS = frozenset({"charting", "charted", "peaked", "peaking"})


# A change between two things: never a word to drop ("the difference in revenue between 2022
# and 2023" answered as the total of both years answers another question).
CHANGE_CUES = frozenset(
    {"difference", "change", "changed", "growth", "grow", "grew", "increase", "increased",
     "decrease", "decreased"}
)  # fmt: skip


# Words ending in -est that are no superlatives.
NOT_SUPERLATIVES = frozenset(
    {
        "interest", "forest", "request", "suggest", "harvest", "contest", "honest", "modest",
        "manifest", "protest", "invest", "arrest", "digest", "conquest", "inquest", "bequest",
        "midwest", "northwest", "southwest", "northeast", "southeast", "attest", "detest",
        "pretest", "retest", "unrest", "everest", "budapest", "bucharest",
    }
)  # fmt: skip


def is_superlative(word: str) -> bool:
    """ "wettest", "busiest", "windiest": a superlative the lexicon has no measure for still
    asks for an extreme, so it is never dropped from a reading."""
    return (
        word in MAX_WORDS
        or word in MIN_WORDS
        or (
            len(word) >= 6
            and word.endswith("est")
            and word.isalpha()
            and word not in NOT_SUPERLATIVES
        )
    )


# Common slips of the keyboard, read as the word meant.
TYPOS: dict[str, str] = {
    "wich": "which",
    "whcih": "which",
    "waht": "what",
    "teh": "the",
    "hte": "the",
    "avrage": "average",
    "averge": "average",
    "avg.": "average",
    "corelation": "correlation",
    "corrolation": "correlation",
    "percantage": "percentage",
}


# A state named by its opposite: "failing grades" are rows where passed is no, "still open
# tickets" rows with no Closed At. Read only where the opposite names a yes/no column or a
# date column that records the event.
ANTONYMS: dict[str, str] = {
    "fail": "passed",
    "fails": "passed",
    "failed": "passed",
    "failing": "passed",
    "open": "closed",
    "unresolved": "resolved",
    "unpaid": "paid",
    "inactive": "active",
    "incomplete": "completed",
    "unshipped": "shipped",
    "undelivered": "delivered",
    "rejected": "approved",
    "rejection": "approved",
    "rejections": "approved",
    "declined": "approved",
    "denied": "approved",
    "refused": "approved",
    "early": "late",
}

# Words of a column name that make it a count of things ("Quantity On Hand", "units_sold"),
# unless the name's last word is another head noun ("unit cost", "unit price").
QUANTITY_TOKENS = frozenset({"quantity", "qty", "count", "unit"})
# Columns whose cells count people: "the number of people" reads them, never counts rows.
HEADCOUNT_WORDS = frozenset(
    (
        "attendance", "population", "crowd", "spectators", "visitors", "residents",
        "inhabitants", "audience", "turnout", "enrollment", "headcount",
    )
)  # fmt: skip
NOT_A_COUNT = frozenset({"cost", "price", "value", "amount", "rate", "fee", "weight", "ratio"})
# Words that make a column a measure of money, time or size rather than a count of things,
# whatever plural its name has ("Sales Amount", "Calls Duration", "Minutes played").
MEASURE_WORDS = NOT_A_COUNT | frozenset(
    {"duration", "time", "revenue", "sales", "spend", "minutes", "hours", "seconds", "days",
     "miles", "km", "kg", "percent", "pct", "usd", "dollars", "score", "average", "avg", "mean",
     "money", "funds", "cash", "income", "earnings", "proceeds", "takings", "profit", "profits"}
)  # fmt: skip

# Past forms of common verbs that end in neither -ed nor -ing: they say how, not which rows.
IRREGULAR_PAST = frozenset(
    {
        "paid",
        "came",
        "went",
        "took",
        "gave",
        "given",
        "made",
        "saw",
        "seen",
        "ran",
        "began",
        "brought",
        "sold",
        "won",
        "lost",
        "built",
        "held",
        "led",
        "wrote",
        "written",
        "drove",
        "flew",
        "shown",
        "known",
        "drawn",
        # participles of doing, never of a state a row is in ("broken", "stolen", "paid" are)
        "grown", "sown", "flown", "driven", "ridden", "spoken", "chosen", "bought", "caught",
        "taught", "sent", "lent", "spent", "kept", "told", "sung", "done", "eaten", "thrown",
        "worn", "taken", "found", "met", "heard", "got", "gotten", "put",
    }
)  # fmt: skip

# The one person or group a table of works or results is about, named by role ("how many films
# did the actress appear in"): never a filter, when no column or value of the table is named so.
SUBJECT_ROLES = frozenset(
    {"actress", "actor", "singer", "band", "artist", "author", "writer", "poet", "director",
     "composer", "musician", "rapper", "duo", "group", "orchestra", "choir", "boxer",
     "wrestler", "golfer", "swimmer", "skier", "runner", "cyclist", "athlete", "player",
     "driver", "rider", "coach", "politician", "candidate", "team", "club", "company", "studio"}
)  # fmt: skip

# Verbs of taking part in a work or an event: after the table's subject they pick no rows.
TAKING_PART = frozenset(
    {"appear", "appeared", "appears", "star", "starred", "stars", "feature", "featured",
     "act", "acted", "play", "played", "perform", "performed", "compete", "competed",
     "participate", "participated", "release", "released", "record", "recorded", "make",
     "made", "write", "wrote", "sing", "sang", "direct", "directed", "race", "raced"}
)  # fmt: skip


def measuring_comparative(word: str) -> Direction | None:
    """ "taller", "heavier", "cheaper": a comparative that names its measure by itself (it has
    synonyms here), and the way it compares; None for any other word, "more" and "less"."""
    if word not in SYNONYMS or word in ("more", "less"):
        return None
    if re.fullmatch(GREATER, word):
        return "max"
    return "min" if re.fullmatch(LESS, word) else None


def is_past_verb(word: str) -> bool:
    """ "competed", "finished", "sold": a verb's past form (by its ending, or a common
    irregular one), which says what happened, never names what is counted."""
    return (len(word) > 4 and word.endswith("ed")) or word in IRREGULAR_PAST


# Words after which a verb form says how, not which rows ("were released", "did we ship").
AUXILIARIES = frozenset(
    [
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "did",
        "do",
        "does",
        "has",
        "have",
        "had",
        "they",
        "we",
        "she",
        "he",
        "it",
        "who",
        "that",
    ]
)

# Verbs after which a single letter is a mark given ("got an A", "received a C"), never an
# article or a pronoun.
MARK_VERBS = frozenset(
    {"get", "gets", "got", "gotten", "getting", "receive", "receives", "received", "receiving",
     "earn", "earns", "earned", "earning", "score", "scores", "scored", "scoring", "achieve",
     "achieves", "achieved", "award", "awarded", "given", "gave", "rated", "assigned", "graded"}
)  # fmt: skip

# Prefixes that negate the word they are glued to: "unvaccinated", "nonsmoker", "inactive" mean
# a yes/no column's no when the rest of the word names it.
NEGATING_PREFIXES = ("non", "un", "in")

# Superlatives of judgement: their direction is the measure's ("the worst delay" is the
# highest delay, "the worst goal difference" the lowest), known only for the measures below;
# of any other measure the question is asked back.
BEST_WORDS = frozenset({"best", "finest"})
WORST_WORDS = frozenset({"worst", "poorest"})
# Their comparatives: higher or lower only where the measure says which is better
BETTER_WORDS = frozenset({"better"})
WORSE_WORDS = frozenset({"worse", "poorer"})
# Measures (words of a column's name) where more is better, and where less is.
HIGHER_IS_BETTER = (
    "points", "pts", "wins", "goals for", "goal difference", "score", "rating", "satisfaction",
    "revenue", "profit", "sales", "income",
)  # fmt: skip
LOWER_IS_BETTER = (
    "losses", "goals against", "points against", "errors", "defects", "delay", "cost",
)  # fmt: skip
# A time or a duration is better when less only in a table of results (with places).
RESULT_TIMES = ("time", "duration")


# -- words a plan may not leave unsaid (unsaid.py) --------------------------------------------
# Words of a measure that only its column explains: "the most densely populated" is a density.
# A stage reached is a result ("did she ever reach the final"), never a word to drop
REACH_VERBS = frozenset({"reach", "reached", "reaches", "reaching"})
MEASURE_ONLY_WORDS = frozenset(
    {"densely", "dense",
     # "the population density of Quito" with no density column is never its population
     "density", "densities",
     # a change, never a level: "the largest decline in circulation" is no largest circulation
     "decline", "declines", "declined", "drop", "drops", "dropped", "fall", "fell", "rise",
     "rose", "gain", "gains", "gained", "decrease", "decreases", "decreased",
     # an amount asked by its verb: "what did the longest trip cost" is never its id
     "cost", "costs", "weigh", "weighs", "weighed"}
)  # fmt: skip
# States said in words that are otherwise filler: "sold out", "still on air", "in service".
STATE_PHRASES = frozenset({("sold", "out"), ("on", "air"), ("off", "air"), ("in", "service")})
# Names of a 0/1 code of a kind, never a state: "gender" coded 0/1 has no rate, while
# "early exit" coded 0/1 has one.
CODED_KINDS = frozenset({"gender", "sex", "type", "kind", "class", "category", "group", "code",
                         "segment", "cohort", "arm"})  # fmt: skip
# Verbs of money: "which department spent the most" is never a count of rows.
MONEY_VERBS = frozenset(
    {"spent", "spend", "spends", "spending", "paid", "pay", "pays", "earned", "earn", "earns",
     "raised", "raise", "raises", "donated", "donate", "invested", "charged", "billed"}
)  # fmt: skip
# Verbs of a span of time: "how many years did X serve" is a term's length, never X's rows.
SPAN_VERBS = frozenset(
    {"serve", "served", "reign", "reigned", "rule", "ruled", "last", "lasted", "live", "lived",
     "hold", "held", "stay", "stayed", "run", "ran", "operate", "operated", "exist", "existed"}
)  # fmt: skip
# A results table's tallies and what they count: "won the most games" on a Wins column.
TALLY_WORDS = frozenset({"win", "wins", "won", "loss", "losses", "lost", "draw", "draws", "ties"})
GAME_WORDS = frozenset({"game", "games", "match", "matches", "fixtures", "races", "bouts"})
# What a results table's tally columns count ("Won", "Drawn", "Goals"), when its rows are not
# them: "how many games were drawn" on a table of matches sums the Drawn tally.
TALLIED_NOUNS = frozenset({"games", "matches", "points", "goals", "races", "bouts"})
# Names of columns of scores, which nobody adds up: a total of ratings or percentages is no
# figure, and "the most ratings" counts the ratings (rows), never their sum.
SCORE_WORDS = frozenset({"rating", "ratings", "grade", "grades", "percent", "percentage", "pct",
                         "ratio", "average", "avg", "mean"})  # fmt: skip
# Nouns that head a compound and name what identifies a thing ("car number", "team name"):
# the noun before them only says whose.
HEAD_NOUNS = frozenset({"number", "no", "name", "code", "id"})
# What is scored, never what a row is: "the total number of points scored by Australia" on a
# table of matches adds up points the table may not hold; it never counts the matches.
SCORED_NOUNS = frozenset({"points", "pts", "goals", "votes", "tries"})
TALLY_NAMES = ("won", "wins", "lost", "losses", "drawn", "draws", "goals", "points")
# Verbs of a result: "did he win the Masters" picks rows, so they are never filler; after
# "did the team" the wider set ("miss the playoffs", "reach the final") is a condition too.
WIN_LOSE_VERBS = frozenset({"win", "wins", "won", "winning", "lose", "loses", "lost", "losing"})
RESULT_VERBS = WIN_LOSE_VERBS | frozenset(
    {"miss", "missed", "fail", "failed", "qualify", "qualified", "reach", "reached", "make",
     "made", "finish", "finished", "beat", "draw", "drew"}
)  # fmt: skip
# Past verbs of a result or a state some rows reached and others did not: "how many teams in
# heat 3 qualified" counts those that did.
OUTCOME_STATES = RESULT_VERBS | frozenset(
    {"disqualified", "eliminated", "withdrew", "withdrawn", "retired", "relegated", "promoted",
     "cancelled", "canceled", "rejected", "approved", "accepted", "passed", "survived",
     "abandoned", "postponed", "delayed", "refunded", "returned"}
)  # fmt: skip


# Words saying that several items of one list cell hold together: "lakes shared by Canada and
# the United States" are those whose list holds both, not either.
TOGETHER_WORDS = frozenset({"both", "shared", "share", "shares", "sharing", "jointly", "together"})

# "the 1990s", "the 1880's": the first year of a decade
DECADE = re.compile(r"((?:1[5-9]|20)\d0)'?s")

# Plurals without an "s": "the most staff", "the most people" count rows, unlike "the most water".
UNMARKED_PLURALS = frozenset(
    {"people", "staff", "personnel", "crew", "police", "cattle", "livestock", "children", "men",
     "women", "teeth", "feet", "mice", "geese", "sheep", "fish", "deer", "aircraft", "series",
     "species"}
)  # fmt: skip

# Prefixes a cell joins to a word with a hyphen to name another thing: "Semi-finals" and
# "Eighth-finals" are no "final", "Non-profit" no "profit"
JOINED_PREFIXES = frozenset(
    {"semi", "quarter", "pre", "post", "non", "sub", "ex", "vice", "co", "anti", "mid", "half"}
    | {"eighth", "sixteenth"}  # (rounds before the quarter-finals)
)


# A practitioner and the field a cell names ("engineers" of Engineering, "accountants" of
# Accounting, "economists" of Economics): the word drops its people ending and the cell its
# field ending, and what is left is the same base of at least four letters.
PRACTITIONER_ENDINGS = ("eers", "eer", "ers", "er", "ants", "ant", "ists", "ist", "ians", "ian")
FIELD_ENDINGS = ("", "s", "y", "ics", "ing", "eering", "ment", "ement")
