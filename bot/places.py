"""Countries and regions with their demonyms and capitals, as words that stand for each other.

Security writing names a country by its capital ("the Washington–Tokyo alliance") or its
demonym ("Japanese bases"); an entry's text may use any of the forms. Each group lists the
folded words that count as the same place when a question's words are compared with an
entry's text. Capitals the entries mostly use as the name of a summit, memorandum or manual
(Budapest, Vilnius, Tallinn, Riga, Bucharest, Lisbon) are left out; those that chiefly stand
for their country in security writing are kept, even where they also name a treaty
(Washington, Brussels, Warsaw).
"""

from __future__ import annotations

# The first word of each group is the country or region; the rest stand for it.
_GROUPS = """
us american americans america washington pentagon
uk britain british london whitehall
japan japanese tokyo
korea korean koreans seoul rok
dprk pyongyang
china chinese beijing prc
russia russian russians moscow kremlin
france french paris
germany german germans berlin deutschland allemagne
australia australian australians canberra
zealand nz wellington
canada canadian canadians ottawa
india indian indians delhi
philippines philippine filipino manila
ukraine ukrainian ukrainians kyiv kiev
taiwan taiwanese taipei
turkey turkish turkiye ankara
poland polish warsaw
iran iranian tehran
israel israeli
egypt egyptian cairo
thailand thai bangkok
indonesia indonesian jakarta
vietnam vietnamese hanoi
pakistan pakistani islamabad
belarus belarusian minsk
italy italian rome
spain spanish madrid
sweden swedish swedes stockholm
finland finnish finns helsinki
norway norwegian oslo
denmark danish copenhagen
netherlands dutch hague
belgium belgian brussels
greece greek athens
saudi saudis riyadh
somalia somali somalis mogadishu
afghanistan afghan afghans kabul
iraq iraqi baghdad
syria syrian damascus
libya libyan tripoli
mali malian bamako
yemen yemeni houthi houthis
lebanon lebanese beirut liban
serbia serbian serbs serb belgrade
bosnia bosnian bosnians sarajevo
kosovo kosovar kosovars pristina
estonia estonian
latvia latvian
lithuania lithuanian
romania romanian romanians
hungary hungarian
singapore singaporean
malaysia malaysian
qatar qatari doha
niger nigerien niamey
nigeria nigerian abuja
europe european europeans
asia asian asians
africa african africans
arctic
baltic baltics
soviet soviets ussr
"""


def place_groups() -> dict[str, str]:
    """Each place word → the first word of its group: "tokyo" → "japan"."""
    table: dict[str, str] = {}
    for line in _GROUPS.split("\n"):
        words = line.split()
        for word in words:
            table.setdefault(word, words[0])
    return table


def place_words() -> frozenset[str]:
    """Every word of every group: countries and regions, demonyms, capitals."""
    return frozenset(_GROUPS.split())


PLACES = place_words()


# Places that mostly name a document, summit or manual in security writing, not a country:
# "the budapest memorandum", "the ottawa treaty", "the treaty of tlatelolco".
DOCUMENT_PLACES = frozenset(
    """
    budapest vilnius tallinn riga bucharest lisbon geneva tlatelolco pelindaba rarotonga
    semipalatinsk maastricht amsterdam nice versailles westphalia montreux helsinki minsk
    dayton wassenaar hague ottawa oslo rome aachen lancaster
    """.split()
)


def equivalent_places() -> dict[str, tuple[str, ...]]:
    """Each place word → the other words of its group."""
    table: dict[str, tuple[str, ...]] = {}
    for line in _GROUPS.split("\n"):
        words = line.split()
        for word in words:  # a word of two groups stands for both: "korea", north or south
            others = (*table.get(word, ()), *(other for other in words if other != word))
            table[word] = tuple(dict.fromkeys(others))
    return table


# The codes of the flags Slack writes as :flag-jp: (or 🇯🇵), by the place word they stand for:
# ISO 3166 codes, and the uk and xk (Kosovo) that flag emoji use besides.
# Country flags only: the EU flag beside "pesco" would pull in every entry that mentions the EU.
_FLAG_CODES = """
us:america gb:uk uk:uk jp:japan kr:rok kp:dprk cn:china ru:russia fr:france de:germany au:australia
nz:zealand ca:canada in:india ph:philippines ua:ukraine tw:taiwan tr:turkey pl:poland ir:iran
il:israel eg:egypt th:thailand id:indonesia vn:vietnam pk:pakistan by:belarus it:italy es:spain
se:sweden fi:finland no:norway dk:denmark nl:netherlands be:belgium gr:greece sa:saudi
so:somalia af:afghanistan iq:iraq sy:syria ly:libya ml:mali ye:yemen lb:lebanon rs:serbia
ba:bosnia xk:kosovo ee:estonia lv:latvia lt:lithuania ro:romania hu:hungary sg:singapore
my:malaysia qa:qatar ne:niger ng:nigeria
"""
FLAGS: dict[str, str] = dict(pair.split(":") for pair in _FLAG_CODES.split())
# Flags Slack also knows by the bare code: :jp:, :fr:, :us:…
SHORT_FLAGS = frozenset("cn de es fr gb it jp kr ru us uk".split())


def flag_place(emoji: str) -> str | None:
    """The place a flag emoji's name stands for ("flag-jp" → "japan"), if it is one we know."""
    name = emoji.lower()
    if name.startswith("flag-"):
        return FLAGS.get(name[5:])
    return FLAGS.get(name) if name in SHORT_FLAGS else None
