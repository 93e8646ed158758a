"""User text → a normalised query: no Slack markup, folded text, intent and asked field."""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from bot.places import FLAGS, SHORT_FLAGS, equivalent_places, flag_place

MAX_QUERY_CHARS = 500  # longer questions are cut: no entry name is longer, and it bounds work

_USER_OR_SPECIAL = re.compile(r"<[@!][^<>]*>")  # <@U123>, <@U123|bob>, <!here>, <!subteam^S1|x>
_CHANNEL = re.compile(r"<#[A-Z0-9]+(?:\|([^<>]*))?>")
_LINK = re.compile(r"<([a-z][a-z0-9+.-]*:[^<>|]*)(?:\|([^<>]*))?>", re.IGNORECASE)
_EMOJI = re.compile(r":[a-z0-9_+'-]+(?:::skin-tone-\d)?:", re.IGNORECASE)
_REGIONAL_A = 0x1F1E6  # regional indicator A: two of them make a flag
_FLAG_PAIR = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
# *bold*, _italic_ and `code`: what the asker set apart is most likely the topic.
# A clause that sets a topic aside before the real question: "not about rimpac, …",
# "forget ocean shield, …", "while everyone talks about the warsaw pact, …", "… aside, …"
# The asker's own word that what follows is not about the field
_OFF_TOPIC = re.compile(
    r"\W*(?:off[ -]topic|totally unrelated|unrelated question|random question|not defen[cs]e"
    r" related|nothing to do with defen[cs]e)\b",
    re.IGNORECASE,
)
_DISMISS = re.compile(
    r"^\s*(?:(?:not|forget|enough about|leave|never mind|this isn't|this is not|it's not|it isn't"
    r"|i don't mean|i'm not asking about|we aren't talking about|we're not talking about"
    r"|before we get to)\b[^,]*?(?:,(?:\s*but\b)?|\bbut\b|\s[-–—]+\s)|[^,]*\baside\s*,)",
    re.IGNORECASE,
)
_UNRELATED = re.compile(  # "random question, nothing to do with ASEAN, what's the time in…"
    r"\b(?:nothing to do with|unrelated to|not related to|not about|off topic from)\b[^,?:]*[,?:]",
    re.IGNORECASE,
)
# A closing question of its own after a remark: "…about AUKUS on the train, anyone know if…"
_LAST_QUESTION = re.compile(
    r"[,:;.!?]\s+(?=(?:anyone|can|could|does|do|did|is|are|what|what's|how|who|when|where"
    r"|which|why|help)\b)(?!.*[,:;.!?]\s+\w)",
    re.IGNORECASE,
)
# A remark that names the topic of the question after it: "while we're on the subject of X"
_TOPIC = re.compile(
    r"\b(?:subject of|speaking of|topic of|question about|questions about|regarding|re:)",
    re.IGNORECASE,
)
_ASKING = re.compile(  # what a question of its own opens with
    r"\s*(?:(?:anyone|can|could|does|do|did|is|are|was|were|what|what's|how|who|when|where"
    r"|which|why|i'm asking|i am asking|i need|i want|tell me|explain)\b|[^.!]*\?)",
    re.IGNORECASE,
)
_CONTEXT = re.compile(  # not "while we're on the subject of aukus, …": that names the topic
    r"^\s*(?:while(?! we're on| we are on)|since|after|aside from|apart from)\b[^,]*,",
    re.IGNORECASE,
)
_BUT = re.compile(r"\bbut\b|,\s*however\b", re.IGNORECASE)
MIN_REMARK_WORDS = 6  # words of a remark before a closing question of its own
MIN_CONTRAST_WORDS = 3  # words the part after "but" needs to be a question of its own
# Words that frame what follows as the thing asked about: "tell me about …", "summary of …"
_ASK_FRAME = re.compile(
    r"\b(?:about|regarding|summary of|overview of|rundown (?:on|of)|explainer on|primer on"
    r"|background on|info on|information on|briefing on|heard of|explain|summari[sz]e|sum up"
    r"|describe|outline|recap|what(?:'s| is| are| was"
    r"| were)|whats|who(?:'s| is| are| was| were))\s+(?:(?:the|a|an)\s+)?",
    re.IGNORECASE,
)
_OPENERS = (
    r"(?:what|what's|whats|how|who|when|where|which|why|is|are|was|were|does|do|did|can|could)\b"
)
_ASKING_OPENER = re.compile(_OPENERS, re.IGNORECASE)
# Where a sentence ends: a bang or question mark, a full stop or semicolon after a word (not
# "U.S."), a colon before a question ("homework: what does…", not "Flintlock: the Siege of
# Dawn"), or a line break.
_SENTENCE_END = re.compile(
    rf"(?<=[?!])\s+|(?<=[a-z0-9)]{{2}}[.;])\s+|(?<=[a-z0-9)]{{2}}:)\s+(?={_OPENERS})|\n+",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[?!.;:,()\n]|\s[-–—]+\s")
_EMPHASIS = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])|(?<!\w)_([^_\n]+)_(?!\w)|`([^`\n]+)`")
_APOSTROPHE_S = re.compile(r"['\u2019\u02bc]s\b", re.IGNORECASE)
_IRREGULAR_NOT = re.compile(r"\b(won|shan|can)['\u2019\u02bc]t\b", re.IGNORECASE)  # won't
_CONTRACTION = re.compile(r"(?<=\w)['\u2019\u02bc](?:t|re|ve|ll|m|d)\b", re.IGNORECASE)  # don't
_DOTTED = re.compile(r"\b(?:[^\W\d_]\.){2,}")
_NON_WORD = re.compile(r"[\W_]+")  # keeps letters of every script: ОДКБ stays searchable
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")  # "32nd ally" reads as 32 (once casefolded)
_ORDINAL_AT = re.compile(r"\d(?:st|nd|rd|th)\b")  # the same, a digit first: quicker to scan
_WHO_IS_IN = re.compile(
    r"\b(?:who(?: is| are)? (?:in|part of|belongs?)|which countries|what countries)\b"
)
_INVISIBLE = dict.fromkeys(
    c for c in range(0x110000) if unicodedata.category(chr(c)) in ("Cc", "Cf") and chr(c) != "\n"
)

# Words that carry no topic: greetings, question words, articles, the verbs of asking.
ENGLISH_FILLER = frozenset(
    """
    a an the hey hi hello please pls thanks thank you can could would will tell me us give show
    what whats what is are was were who whos which where when why how do does did know about
    explain define describe info on i want to like wanna need some any this that
    these those it its is be been being there here bot mean means meaning stand stands for and
    or quick summary details detail anything something in of to by at with from as list plz
    explained again now current currently today latest thing things stuff exactly work works
    ever really so just still get got have has had all much many ok okay yo guys folks question
    thx ty cheers anyone know knows remind overview basics help up into come came meant
    everyone everybody someone somebody anybody basically literally essentially summarise
    summarize summarised summarized recap briefly they we he she should must shall itself
    themselves himself herself ourselves yourself fwiw imo imho afaik tbh btw iirc lol rn
    asap ngl lines sentences paragraph called mentions mentioned brief whom journalist
    journalists reporter student students essay thesis dissertation homework assignment
    outline pull then ought intern interns newbie down such went out per
    insanely incredibly extremely totally pretty quite very around already anyway anyways
    purely merely simply further than go goes too rite anywhere somewhere everywhere single
    mostly mainly largely bunch gets getting
    finally completely suddenly genuinely always never quickly even sort sorts bit way ways
    people everyone whatever same honest honestly my mine editor editors boss colleague
    colleagues rather far most nothing only beyond trying try think thinking bother reason
    eg ie etc because few writing briefing researching preparing page pages topic website worth
    remember supposed short crossposting besides slide slides deck quiz feeling hunch
    wondering curious thought reckon guess assumed context thread threads
    pager simple nerd nerds lot
    team reading uncle aunt dad mum mom cousin nephew niece insists insisted claims claimed
    primer primers explainer explainers
    """.split()
)
# What is left of contractions once the apostrophe goes: "don't" → "don", "I'm" → "im".
CONTRACTION_FILLER = frozenset(
    """
    don dont doesn doesnt didn didnt isn isnt aren arent wasn wasnt weren werent wont cant
    couldn couldnt wouldn wouldnt shouldn shouldnt haven havent hasn hasnt im ive youre
    theyre thats theres ain shan
    """.split()
)
# Question words of the other languages the knowledge base's aliases are written in.
FOREIGN_FILLER = frozenset(
    """
    qui quoi quel quelle quels quelles est sont les le la des de une que qu ce
    es el los las del cual ist der das wer
    """.split()
)
FILLER = ENGLISH_FILLER | CONTRACTION_FILLER | FOREIGN_FILLER

# Phrases that only say "as things stand": dropped whole, since "right" alone is a topic word
# ("the right of self-defence") but "right now" is not.
# So is "information" when it asks for information about something: "information sharing"
# is a topic, "information on aukus" is not.
TIME_PHRASES = (
    ("right", "now"),
    ("at", "the", "moment"),
    ("these", "days"),
    ("as", "of", "now"),
    ("tl", "dr"),  # tl;dr
    ("in", "general", "terms"),
    ("in", "general"),
    ("in", "practice"),
    ("day", "to", "day"),
    ("and", "so", "on"),
    ("on", "paper"),
    ("cross", "posting"),
)
PHRASES = (
    *TIME_PHRASES,
    *(("information", word) for word in ("about", "on", "regarding", "for", "re")),
    *((word, "check") for word in ("fact", "sanity", "quick", "double")),  # "quick fact check"
    ("one", "off"),  # "or was 2025 a one-off"
    ("any", "good"),  # "any good examples?"
    *((word, "all") for word in ("morning", "afternoon", "evening")),  # "morning all — …"
    *(("by", word) for word in ("noon", "tonight", "tomorrow", "friday", "monday")),
)
# Sayings (phrasal verbs, idioms, set phrases), read as the one word the entries would use:
# "when did new start run out", "the world body", "a talking shop".
SAYINGS: dict[tuple[str, ...], str] = {
    ("pull", "out"): "withdrew",
    ("pulled", "out"): "withdrew",
    ("walked", "out"): "withdrew",
    ("walk", "out"): "withdrew",
    ("wound", "down"): "ended",
    ("wind", "down"): "ended",
    ("shut", "down"): "closed",
    ("close", "down"): "closed",
    ("closed", "down"): "closed",
    ("for", "good"): "ended",  # at the end only: not "a force for good" (see _AT_END)
    ("fell", "out"): "disagreement",
    ("fall", "out"): "disagreement",
    ("falling", "out"): "disagreement",
    ("falling", "outs"): "disagreements",
    ("talking", "shop"): "criticism",  # "is the quad just a talking shop"
    ("green", "light"): "approval",
    ("wind", "up"): "dissolved",
    ("wound", "up"): "dissolved",
    ("in", "charge", "of"): "leads",
    ("in", "charge"): "leads",
    ("world", "body"): "un",  # "the world body's missions"
    ("side", "by", "side"): "together",
    ("every", "year"): "annual",
    ("every", "other", "year"): "biennial",
    ("every", "other", "summer"): "biennial",
    ("every", "second", "year"): "biennial",
    ("every", "two", "years"): "biennial",
    ("every", "single", "year"): "annual",
    ("each", "year"): "annual",
    ("part", "of", "the", "world"): "region",
    ("parts", "of", "the", "world"): "regions",
    ("fall", "apart"): "collapse",
    ("fell", "apart"): "collapsed",
    ("chip", "in"): "contribute",
    ("keeping", "the", "peace"): "peacekeeping",
    ("keep", "the", "peace"): "peacekeeping",
    ("frozen", "out"): "excluded",
    ("face", "to", "face"): "meeting",
    ("run", "out"): "expired",  # not "run out of brussels": see _NOT_BEFORE
    ("ran", "out"): "expired",
    ("difference", "between"): "difference",
    ("walk", "away"): "withdrew",
    ("walked", "away"): "withdrew",
    ("walking", "away"): "withdrawal",
    ("walking", "out"): "withdrawal",
    ("pulling", "out"): "withdrawal",
    ("hold", "back"): "withhold",
    ("holding", "back"): "withhold",
    ("held", "back"): "withheld",
    ("roll", "into"): "deployed",
    ("rolled", "into"): "deployed",
    ("go", "halves"): "sharing",
    ("going", "halves"): "sharing",
    ("sign", "off"): "approval",
    ("signed", "off"): "approved",
}
_NOT_BEFORE: dict[tuple[str, ...], tuple[str, ...]] = {  # "run out of brussels"
    ("run", "out"): ("of",),
    ("ran", "out"): ("of",),
}
_AT_END = frozenset({("for", "good")})  # sayings only when they end the question
_NOT_AFTER: dict[tuple[str, ...], tuple[str, ...]] = {("for", "good"): ("force",)}
_SAYING_MAX = max(len(saying) for saying in SAYINGS)
_SAYING_STARTS = frozenset(saying[0] for saying in SAYINGS)
_PHRASE_ENDS = frozenset(phrase[-1] for phrase in (*PHRASES, *SAYINGS))

# Words that ask for a particular fact; each maps to the fact labels that answer it, in order.
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "founded": ("Founded", "First held", "Signed", "Dates"),
    "founding": ("Founded", "First held", "Signed", "Dates"),
    "established": ("Founded", "First held", "Signed", "Dates"),
    "created": ("Founded", "First held", "Signed", "Dates"),
    "formed": ("Founded", "First held", "Signed", "Dates"),
    "started": ("Founded", "First held", "Dates", "Signed"),
    "start": ("Founded", "First held", "Dates", "Signed"),
    "began": ("Founded", "First held", "Dates", "Signed"),
    "begin": ("Founded", "First held", "Dates", "Signed"),
    "old": ("Founded", "First held", "Signed", "Dates"),
    "signed": ("Signed", "Founded"),
    "sign": ("Signed", "Founded"),
    "ratified": ("In force", "Signed"),
    "members": ("Members", "Parties", "Participants"),
    "member": ("Members", "Parties", "Participants"),
    "membership": ("Members", "Parties", "Participants"),
    "belong": ("Members", "Parties", "Participants"),
    "belongs": ("Members", "Parties", "Participants"),
    "countries": ("Members", "Parties", "Participants"),
    "parties": ("Parties", "Members", "Participants"),
    "signatories": ("Parties", "Members"),
    "participants": ("Participants", "Members", "Parties"),
    "participate": ("Participants", "Members", "Parties"),
    "participates": ("Participants", "Members", "Parties"),
    "takes": ("Participants", "Members", "Parties"),
    "part": ("Participants", "Members", "Parties"),
    "joined": ("Members", "Parties", "Participants"),
    "headquarters": ("Headquarters", "Area", "Lead"),
    "headquartered": ("Headquarters", "Area", "Lead"),
    "hq": ("Headquarters", "Area", "Lead"),
    "based": ("Headquarters", "Area", "Lead"),
    "located": ("Headquarters", "Area", "Lead"),
    "often": ("Frequency",),
    "frequency": ("Frequency",),
    "frequently": ("Frequency",),
    "leads": ("Lead", "Headquarters"),
    "led": ("Lead", "Headquarters"),
    "lead": ("Lead", "Headquarters"),
    "hosts": ("Lead",),
    "hosted": ("Lead",),
    "host": ("Lead",),
    "runs": ("Lead",),
    "running": ("Lead",),
    "commands": ("Lead",),
    "commanded": ("Commander", "Lead"),
    "commander": ("Commander", "Lead"),
    "commanders": ("Commander", "Lead"),
    "chair": ("Secretary General", "Secretary-General", "Lead", "Headquarters"),
    "chairs": ("Secretary General", "Secretary-General", "Lead", "Headquarters"),
    "chaired": ("Secretary General", "Secretary-General", "Lead", "Headquarters"),
    "heads": ("Secretary General", "Secretary-General", "Commission Chairperson", "Lead"),
    "head": ("Secretary General", "Secretary-General", "Commission Chairperson", "Lead"),
    "chairperson": ("Commission Chairperson", "Secretary General", "Lead"),
    "casualties": ("Fatalities",),
    "fatalities": ("Fatalities",),
    "deaths": ("Fatalities",),
    "killed": ("Fatalities",),
    "toll": ("Fatalities",),
    "ran": ("Dates", "First held"),
    "headed": ("Secretary General", "Secretary-General", "Lead"),
    "term": ("Duration", "Dates"),
    "finish": ("Dates",),
    "finished": ("Dates",),
    "used": ("Invoked", "Key provisions"),
    "mandate": ("Mandate",),
    "mandated": ("Mandate",),
    "authorised": ("Mandate",),
    "authorized": ("Mandate",),
    "provisions": ("Key provisions",),
    "say": ("Key provisions",),
    "says": ("Key provisions",),
    "matters": ("Why it matters",),
    "matter": ("Why it matters",),
    "important": ("Why it matters",),
    "examples": ("Examples",),
    "example": ("Examples",),
    "dates": ("Dates", "First held", "Founded"),
    "date": ("Dates", "Signed", "Founded", "First held"),
    "last": ("Dates",),
    "lasted": ("Dates",),
    "end": ("Dissolved", "Dates"),
    "ended": ("Dissolved", "Dates"),
    "dissolved": ("Dissolved", "Dates"),
    "disbanded": ("Dissolved", "Dates"),
    "abolished": ("Dissolved", "Dates"),
    "closed": ("Dissolved", "Dates"),
    "folded": ("Dissolved", "Dates"),
    "fold": ("Dissolved", "Dates"),
    "expired": ("Terminated", "Status", "Dates"),
    "shut": ("Dissolved", "Dates"),
    "area": ("Area",),
    "long": ("Dates", "Frequency"),
    "text": ("Key provisions",),
    "wording": ("Key provisions",),
    "enter": ("In force", "Signed"),
    "entered": ("In force", "Signed"),
    "held": ("Frequency", "First held", "Dates"),
    "usually": ("Frequency",),
    "happen": ("Dates", "Frequency"),
    "happens": ("Dates", "Frequency"),
    "happened": ("Dates",),
    "take": ("Dates", "Participants"),
    "took": ("Dates", "Participants"),
    "place": ("Dates", "Area"),
    "invoked": ("Invoked", "Key provisions"),
    "invoke": ("Invoked", "Key provisions"),
    "location": ("Headquarters", "Area"),
    "where": ("Headquarters", "Area", "Lead"),
}
# Words that ask about any named thing ("new start expiry", "cento history"): beside a name
# they are explained by it, unlike the words of another subject ("kakadu national park").
ASK_WORDS = frozenset(
    """
    history historical origin origins purpose purposes role roles goal goals aim aims status
    future news update updates expiry expire expires expired expiring renewal renewed extended
    extension criticism critics controversy controversial problems problem issues success
    successful outcome outcomes result results achievements impact legacy significance
    size big large largest strength budget cost costs funding funded structure organized
    link links source sources full overview timeline facts fact key main actually really
    exist exists existed active alive dead still anymore over ended leave left withdraw
    withdrew withdrawal quit join joining expanded expansion enlargement difference differ
    versus vs compare compared comparison relationship relations role mean significance
    today nowadays recent recently latest who what list lists members definition defined
    doing done happening happened going plans plan rundown lowdown primer explainer nutshell
    tldr eli5 background relevant relevance entry fall fell apart collapse collapsed demise
    breakup change changed changes actual principal job point points
    takeaway takeaways gist highlights pros cons
    headache headaches wrap wrapped lapse lapsed replaced replace replacement successor
    drawdown ping wrong lessons hate hated dislike
    complaints complain split breakdown year years summit summits meeting meetings
    irrelevant obsolete defunct inactive ongoing continue continues continued continuing remain
    remains survive survived survives needed necessary useful usefulness
    functioning realistic credible credibility legit legitimate
    binding enforceable genuine serious
    reform reformed reforms expand grow grew growing shrink shrank joined leaving exit
    exited suspend suspended suspension withdrawn revive revived restart restarted renew
    extend kick kicks kicked kickoff happen happens occur occurred deploy deploys deployed
    arrive arrived ends fold pack achieve achieved
    objective objectives importance important criticised criticized worked
    uninvited invited invite excluded
    step steps sit sits sat turn turns turned talk talks talking talked care cares worry
    worried want wants wanting feel feels felt ask asked asking given
    threaten threatened threatens pitched renamed pointless concrete dormant
    comes gone produce produced decide decided refuse refuses die dies leftover
    became become becoming english translation death""".split()
)

# "where is X" and "when did X" ask for a field even without a field word.
QUESTION_FIELDS: dict[str, tuple[str, ...]] = {
    "when": ("Founded", "First held", "Signed", "Dates"),
    "why": ("Why it matters",),
}


# Everyday words and the words entries are written in: a question word also counts as held by
# an entry whose text has one of its equivalents ("subs" → submarines, "drill" → exercise).
EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "sub": ("submarine",),
    "subs": ("submarines",),
    "intel": ("intelligence",),
    "ammo": ("ammunition",),
    "jets": ("aircraft", "fighters"),
    "planes": ("aircraft",),
    "warplanes": ("aircraft",),
    "drill": ("exercise",),
    "drills": ("exercises",),
    "drilling": ("exercises", "training"),
    "scaring": ("deter", "deterrence", "dissuade"),
    "scare": ("deter", "deterrence", "dissuade"),
    "costly": ("cost", "costs"),
    "aggressor": ("aggression", "adversary", "attacker"),
    "wargame": ("exercise",),
    "wargames": ("exercises",),
    "deal": ("agreement", "treaty"),
    "pact": ("treaty", "agreement"),
    "club": ("group", "alliance"),
    "bloc": ("group",),
    "grouping": ("group",),
    "org": ("organization",),
    "troops": ("forces", "personnel"),
    "soldiers": ("troops", "forces"),
    "army": ("forces", "military"),
    "armies": ("forces", "militaries"),
    "militaries": ("forces", "armed"),
    "navy": ("naval",),
    "navies": ("naval",),
    "warships": ("naval", "ships"),
    "nukes": ("nuclear",),
    "nuke": ("nuclear",),
    "spies": ("intelligence",),
    "spy": ("intelligence", "espionage"),
    "friendly": ("allies", "allied", "partners"),
    "stronger": ("strong", "larger", "superior"),
    "invading": ("invasion",),
    "moaning": ("complaining", "complaints", "criticism"),
    "moan": ("complain", "complaints", "criticism"),
    "spying": ("intelligence", "espionage"),
    "money": ("spending", "funding", "costs"),
    "coordinate": ("coordination", "cooperation"),
    "budget": ("spending",),
    "budgets": ("spending",),
    "founded": ("established", "created"),
    "started": ("established", "launched", "began"),
    "began": ("launched", "established"),
    "ended": ("concluded", "terminated"),
    "countries": ("states", "nations", "members"),
    "nations": ("states", "countries"),
    "states": ("countries", "nations"),
    "europeans": ("europe", "european"),
    "american": ("us", "united"),
    "americans": ("us", "united"),
    "uk": ("britain", "british"),
    "british": ("uk", "britain"),
    "us": ("united", "american"),
    "hard": ("difficult",),
    "obstacles": ("barriers",),
    "obstacle": ("barriers",),
    "hurdles": ("barriers", "obstacles"),
    "set": ("established", "founded", "created"),  # "set up"
    "setup": ("established", "founded", "created"),
    "launched": ("established", "began", "started"),
    "rep": ("representative",),  # "who chairs the csdp, who is the eu high rep"
    "sec": ("secretary",),  # "nato sec gen"
    "gen": ("general",),
    "secgen": ("secretary", "general"),
    "govt": ("government",),
    "govts": ("governments",),
    "mil": ("military",),
    "intl": ("international",),
    "pirates": ("piracy",),
    "pirate": ("piracy",),
    "triggered": ("invoked",),
    "trigger": ("invoke",),
    "yearly": ("annual", "annually"),
    "rift": ("disagreement", "tension"),
    "rifts": ("disagreements", "tensions"),
    "feud": ("disagreement", "dispute"),
    "feuds": ("disagreements", "disputes"),
    "voters": ("electorate", "opinion", "polls"),
    "secrets": ("classified", "secret"),
    "cyberattack": ("cyber", "attack"),
    "cyberattacks": ("cyber", "attacks"),
    "hackers": ("cyber",),
    "hacking": ("cyber",),
    "reliance": ("dependence", "rely", "reliant"),
    "rely": ("depend", "dependence", "reliance"),
    "relying": ("depend", "dependence", "reliance"),
    "reliant": ("dependent", "dependence"),
    "ex": ("former", "exercise"),  # "ex-soviet", and "Ex Talisman Sabre" (British usage)
    "disbanded": ("dissolved",),
    "abolished": ("dissolved",),
    "closed": ("dissolved", "ceased"),
    "blame": ("attribution", "attribute"),
    "coalition": ("multinational",),
    "ops": ("operations",),
    "op": ("operation",),
    "limits": ("restrictions", "constraints"),
    "alone": ("autonomy", "independently"),
    "tanker": ("refuelling", "refueling"),
    "tankers": ("refuelling", "refueling"),
    "kit": ("equipment",),
    "row": ("dispute", "disagreement", "debate"),
    "rows": ("disputes", "disagreements", "debates"),
    "abroad": ("overseas", "deployments"),
    "buying": ("purchase", "procurement", "acquisition"),
    "buy": ("purchase", "procurement", "acquire"),
    "bought": ("purchased", "acquired"),
    "promise": ("pledge", "commitment", "obligation"),
    "promises": ("pledges", "commitments", "obligations"),
    "promised": ("pledged", "committed"),
    "lend": ("contribute", "contributions"),
    "prove": ("attribution", "attribute", "evidence"),
    "proof": ("attribution", "evidence"),
    "push": ("expel", "liberate"),
    "med": ("mediterranean",),
    "kinds": ("types",),
    "argument": ("debate", "dispute"),
    "arguments": ("debates", "disputes"),
    "invaded": ("invasion",),
    "invade": ("invasion",),
    "soil": ("territory",),
    "coalitions": ("multinational",),
    "build": ("develop", "produce", "manufacture"),
    "permission": ("approval", "consent", "authorization"),
    "enough": ("sufficient", "adequate"),
    "models": ("types", "variants"),
    "affect": ("influence", "shape"),
    "chasing": ("countering", "pursuing"),
    "advisory": ("advice", "advises"),
    "pushed": ("advocated", "championed", "promoted"),
    "big": ("large", "largest", "major"),
    "bigger": ("larger",),
    "biggest": ("largest",),
    "stamped": ("marked", "classified"),
    "agreeing": ("agreement", "agreed"),
    "continent": ("continental",),
    "legally": ("legal", "law"),
    "setups": ("arrangements", "frameworks"),
    "drones": ("unmanned", "uncrewed", "autonomous"),
    "drone": ("unmanned", "uncrewed", "autonomous"),
    "homeland": ("national", "territorial"),
    "discouraging": ("deter", "deterrence", "dissuade"),
    "discourage": ("deter", "deterrence", "dissuade"),
    "convincing": ("persuading", "convince"),
    "price": ("cost", "costs"),
    "firms": ("companies", "industry", "manufacturers"),
    "firm": ("company", "industry"),
    "sends": ("deploys", "deploy", "contributed"),
    "warring": ("conflict", "belligerents"),
    "sides": ("parties",),
    "agree": ("agreement", "agreed"),
    "withhold": ("restrict", "withheld"),
    "latin": ("americas", "hemisphere"),
    "complicated": ("complex",),
    "original": ("founding", "initial"),
    "originally": ("initially",),
    "secret": ("classified", "intelligence"),
    "ships": ("vessels", "naval"),
    "ship": ("vessel", "naval"),
    "stateside": ("united", "american"),
    "withdrew": ("withdraw", "withdrawal", "withdrawals", "withdrawn"),  # irregular forms
    "withdrawn": ("withdraw", "withdrawal", "withdrew"),
    "fought": ("fight", "fighting", "combat"),
    "americas": ("hemisphere", "inter", "american"),  # the continents, not the United States
    "outlaws": ("bans", "prohibits", "prohibition"),
    "outlaw": ("ban", "prohibit", "prohibition"),
    "outlawed": ("banned", "prohibited", "prohibition"),
    "comply": ("compliance",),
    "checks": ("inspections", "verification", "verifies"),
    "fighting": ("war", "conflict", "combat"),
    "huge": ("large", "largest", "major"),
    "services": ("agencies",),  # "spy services"
    "swap": ("exchange", "share", "sharing"),
    "swapping": ("exchange", "sharing"),
    "pricey": ("expensive", "costly", "cost"),
    "forbid": ("restrict", "prohibit", "restrictions", "bar"),
    "forbids": ("restricts", "prohibits", "restrictions", "bars"),
    "risky": ("dangerous", "risk", "risks"),
}
for _word, _others in equivalent_places().items():
    EQUIVALENTS[_word] = tuple(dict.fromkeys((*EQUIVALENTS.get(_word, ()), *_others)))


RELATIVE = frozenset("that which who whose whom".split())

# Words that ask how to use the bot rather than about a topic.
HELP_WORDS = frozenset("help usage commands start hello howdy morning instructions".split())


class Intent(StrEnum):
    ASK = "ask"
    HELP = "help"
    LIST = "list"
    FACT = "fact"
    RELOAD = "reload"


@dataclass(frozen=True)
class Query:
    """What the user asked, ready for the matcher."""

    raw: str
    intent: Intent
    text: str = ""  # folded text with Slack markup removed
    core: str = ""  # text without filler and field words: what names the topic
    words: str = ""  # text without filler only (field words kept: "end-use controls")
    fields: tuple[str, ...] = field(default=())  # fact labels the question asks for, best first
    argument: str = ""  # for LIST: the kind asked for, if any
    clause: str = ""  # words of a relative clause ("the treaty that set up nato" → set nato)
    emphasis: tuple[str, ...] = ()  # folded spans set in *bold*, _italic_ or `code`
    asked: tuple[str, ...] = ()  # folded objects of explicit requests (see `find_asked`)
    contrast: str = ""  # what is asked once something is set aside (see `find_contrast`)
    questions: tuple[str, ...] = ()  # the questions of a message of several sentences
    aside: bool = False  # the asker says it is off topic ("off topic: is the reef worth it")
    dismissed: bool = False  # and whether it was dismissed outright ("forget rimpac, …")
    acronyms: tuple[str, ...] = ()  # folded words written in capitals ("JCPOA", "NORAD")
    which: str = ""  # the kind of thing "which …" asks for ("to enforce which peace agreement")
    proper: tuple[str, ...] = ()  # folded capitalised names of two words or more ("Budapest
    # Memorandum"), without filler: what the asker writes as a proper name

    @property
    def tokens(self) -> list[str]:
        return self.core.split()


def strip_markup(text: str) -> str:
    """Remove Slack mention, channel, link and emoji markup, keeping the labels of links."""
    if text.isascii() and "<" not in text and ":" not in text and "&" not in text:
        return text  # nothing to remove: names, aliases and most questions
    text = _USER_OR_SPECIAL.sub(" ", text)
    text = _CHANNEL.sub(" ", text)  # where it was asked (#russia-watch), not what about
    text = _LINK.sub(lambda m: f" {m.group(2) or ''} ", text)
    text = _EMOJI.sub(_emoji_words, text)
    if _FLAG_PAIR.search(text):  # 🇯🇵 typed as the characters themselves
        text = _FLAG_PAIR.sub(lambda m: f" {_flag_characters(m.group(0))} ", text)
    return html.unescape(text)


def _has_flag(raw: str) -> bool:
    return (
        ":flag-" in raw
        or _FLAG_PAIR.search(raw) is not None
        or any(f":{code}:" in raw for code in SHORT_FLAGS)
    )


def _only_flags(raw: str) -> bool:
    """Whether the question holds nothing but flags (and filler): ":flag-kr:" is no question."""
    bare = _FLAG_PAIR.sub(" ", _EMOJI.sub(" ", raw[:MAX_QUERY_CHARS]))
    return all(t in FILLER for t in fold(strip_markup(bare)).split())


def _emoji_words(match: re.Match[str]) -> str:
    """An emoji says nothing about the topic, but a flag names its country: ":flag-jp:"."""
    return f" {flag_place(match.group(0).strip(':').split('::')[0]) or ''} "


def _flag_characters(pair: str) -> str:
    code = "".join(chr(ord(c) - _REGIONAL_A + ord("a")) for c in pair)
    return FLAGS.get(code, "")


# British and American spellings compare equal: folded text uses one form.
SPELLINGS = {
    "defence": "defense",
    "defences": "defenses",
    "organisation": "organization",
    "organise": "organize",
    "organised": "organized",
    "organising": "organizing",
    "organisations": "organizations",
    "programme": "program",
    "programmes": "programs",
    "centre": "center",
    "centres": "centers",
    "armour": "armor",
    "armoured": "armored",
    "harbour": "harbor",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "dialogue": "dialog",
    "catalogue": "catalog",
    "favour": "favor",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "neighbouring": "neighboring",
    "neighbourhood": "neighborhood",
    "behaviour": "behavior",
    "labour": "labor",
    "sabre": "saber",
    "analyse": "analyze",
    "authorise": "authorize",
    "authorised": "authorized",
    "recognise": "recognize",
    "recognised": "recognized",
    "practise": "practice",
    "practised": "practiced",
    "practises": "practices",
    "practising": "practicing",
    "harbours": "harbors",
    "manoeuvring": "maneuvering",
    "manoeuvred": "maneuvered",
    "analysed": "analyzed",
    "recognises": "recognizes",
    "mobilise": "mobilize",
    "mobilised": "mobilized",
    "mobilisation": "mobilization",
    "stabilisation": "stabilization",
    "standardisation": "standardization",
    "standardised": "standardized",
    "modernise": "modernize",
    "modernisation": "modernization",
    "militarised": "militarized",
    "demilitarised": "demilitarized",
    "criticise": "criticize",
    "criticised": "criticized",
    "prioritise": "prioritize",
    "emphasise": "emphasize",
    "realise": "realize",
    "apologise": "apologize",
    "summarise": "summarize",
    "minimise": "minimize",
    "maximise": "maximize",
    "utilise": "utilize",
    "finalise": "finalize",
    "formalise": "formalize",
    "normalise": "normalize",
    "normalised": "normalized",
    "jeopardise": "jeopardize",
    "neighbourly": "neighborly",
    "rumours": "rumors",
    "favourable": "favorable",
    "licence": "license",
    "licences": "licenses",
    "offence": "offense",
    "travelled": "traveled",
}
# Misspellings common enough to be listed in style guides, of words this domain uses a lot;
# most are two edits away, beyond the matcher's one-typo tolerance.
MISSPELLINGS = {
    "artical": "article",
    "articel": "article",
    "excercise": "exercise",
    "excercises": "exercises",
    "exersise": "exercise",
    "exercize": "exercise",
    "aliance": "alliance",
    "allaince": "alliance",
    "allience": "alliance",
    "treety": "treaty",
    "tready": "treaty",
    "opperation": "operation",
    "operatoin": "operation",
    "nucular": "nuclear",
    "neuclear": "nuclear",
    "millitary": "military",
    "milatary": "military",
    "militery": "military",
    "goverment": "government",
    "govenment": "government",
    "agreemnt": "agreement",
    "aggreement": "agreement",
    "seperate": "separate",
    "peacekeeing": "peacekeeping",
    "skys": "skies",
    "soveriegnty": "sovereignty",
    "sovereignity": "sovereignty",
    "intellegence": "intelligence",
    "inteligence": "intelligence",
    "detterence": "deterrence",
    "deterance": "deterrence",
    "deterence": "deterrence",
    "interoperabilty": "interoperability",
    "interopability": "interoperability",
    "organisaton": "organization",
    "organizaton": "organization",
    "orgnization": "organization",
    "differance": "difference",
    "countires": "countries",
    "contries": "countries",
    "countrys": "countries",
    "diffrence": "difference",
    "differnce": "difference",
    "phillipines": "philippines",
    "phillippines": "philippines",
    "philipines": "philippines",
    "phillipine": "philippine",
    "filipines": "philippines",
    "afganistan": "afghanistan",
    "afghanastan": "afghanistan",
    "carribean": "caribbean",
    "caribean": "caribbean",
    "mediteranean": "mediterranean",
    "mediterannean": "mediterranean",
    "meditteranean": "mediterranean",
    "somolia": "somalia",
    "austrailia": "australia",
    "austraila": "australia",
    "ukrane": "ukraine",
    "belgum": "belgium",
    "lithuana": "lithuania",
    "lituania": "lithuania",
    "kosova": "kosovo",
}
SPELLINGS.update(MISSPELLINGS)
_ISATION = re.compile(r"isation(s?)\b")
_YS_PLURAL = re.compile(r"\b([a-z]{2,}[^aeiouy\W\d])ys\b")


_SPELLING_KEYS = frozenset(SPELLINGS)
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _american(text: str) -> str:
    if "isation" in text:
        text = _ISATION.sub(r"ization\1", text)
    if "ys" in text:  # "armys", "countrys": the plural misspelt
        text = _YS_PLURAL.sub(r"\1ies", text)
    words = text.split()
    if _SPELLING_KEYS.isdisjoint(words):
        return " ".join(words)
    return " ".join(SPELLINGS.get(word, word) for word in words)


# The kind a noun after "which" asks for.
WHICH_KINDS: dict[str, str] = {
    word: kind
    for words, kind in [
        ("treaty treaties agreement accord pact deal clause convention", "treaty"),
        ("alliance bloc grouping organisation organization coalition club", "alliance"),
        ("operation mission", "operation"),
        ("exercise drill wargame", "exercise"),
    ]
    for word in words.split()
}
_WHICH = re.compile(
    r"\bwhich\s+(?:[\w'-]+\s+){0,3}?(" + "|".join(WHICH_KINDS) + r")\b", re.IGNORECASE
)
_ACRONYM = re.compile(r"\b[A-Z]{3,8}s?\b")
_NUMERAL = re.compile(r"[IVXLC]+$")  # "Chapter VIII", "Article IV"
# Capitalised words, joined by lower-case "of", "the", "for": "Treaty of Aachen".
_PROPER = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:(?:of|the|for|de|du)\s+)*[A-Z][\w'-]*)+")
_ROMAN_ARTICLE = re.compile(r"\b(articles?|art|chapters?)\.?\s+([ivxl]+)\b")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}
_THOUSANDS = re.compile(r"(\d),(?=\d{3}\b)")  # a digit first: quicker to scan for
FOLD_CACHED_LEN = 120  # characters: longer texts (summaries) are folded once, at load
FOLD_CACHE = 65536
_NINE_ELEVEN = re.compile(r"(?<![\d/])9/11(?![\d/])")
_NOT_STEMS = {"won": "will", "shan": "shall", "can": "can"}


def fold(text: str) -> str:
    """Casefold, drop accents, possessive 's and punctuation, unify spellings; collapse spaces.
    Short texts (names, aliases, tags, questions) are remembered: loading folds each name
    twice, and people ask the same questions again."""
    if len(text) <= FOLD_CACHED_LEN:
        return _fold_short(text)
    return _fold(text)


def _arabic_article(match: re.Match[str]) -> str:
    """ "article iv" → "article 4" (a numeral is valid when read right to left)."""
    total, previous = 0, 0
    for letter in reversed(match.group(2)):
        value = _ROMAN[letter]
        total += value if value >= previous else -value
        previous = max(previous, value)
    return f"{match.group(1)} {total}"


@functools.lru_cache(maxsize=FOLD_CACHE)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_INVISIBLE)))
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)  # U.S. → US
    if "," in text:
        text = _THOUSANDS.sub(r"\1", text)  # "50,000 troops" is one number
    if "9/11" in text:  # the entries write the date out; "9" and "11" would read as articles
        text = _NINE_ELEVEN.sub(" September 2001 ", text)
    text = text.casefold()
    if " art" in text or text.startswith("art") or "chapter" in text:
        text = _ROMAN_ARTICLE.sub(_arabic_article, text)  # "Article V" is Article 5
    if _ORDINAL_AT.search(text):
        text = _ORDINAL.sub("", text)
    if "'" in text or "\u2019" in text or "\u02bc" in text:
        text = _IRREGULAR_NOT.sub(lambda m: _NOT_STEMS[m.group(1).casefold()], text)
        text = _CONTRACTION.sub("", _APOSTROPHE_S.sub("", text))
    text = text.replace("%", " percent ").replace("&", " and ")
    return _american(_NON_WORD.sub(" ", text))


def normalise(text: str) -> str:
    """The form names and aliases are compared in: no markup, no case, accents or punctuation."""
    return fold(strip_markup(text[:MAX_QUERY_CHARS]))


def strip_filler(tokens: list[str]) -> list[str]:
    """Drop filler and field words; if nothing remains, keep the words that are not filler."""
    core = [t for t in tokens if t not in FILLER and t not in FIELD_WORDS]
    if core:
        return core
    return [t for t in tokens if t not in FILLER] or tokens


def find_fields(tokens: list[str]) -> tuple[str, ...]:
    """The fact labels a question asks for ("when was X founded" → Founded first)."""
    labels: list[str] = []
    text = " ".join(tokens)
    if " in force" in f" {text}" or " into force" in f" {text}":
        labels.append("In force")
    if _WHO_IS_IN.search(text):
        labels.extend(("Members", "Parties", "Participants"))
    for token in tokens:
        for label in FIELD_WORDS.get(token, ()):
            if label not in labels:
                labels.append(label)
    if not labels:
        for token in tokens:
            labels.extend(QUESTION_FIELDS.get(token, ()))
    return tuple(labels)


def parse_query(raw: str, *, kinds: frozenset[str] = frozenset()) -> Query:
    """Classify a question (help, list, fact, reload or a question to answer) and normalise it."""
    plain = strip_markup(raw[:MAX_QUERY_CHARS])  # stripped once, read by the finders below
    text = fold(plain)
    tokens = _drop_phrases(text.split())
    if not tokens or (_has_flag(raw) and _only_flags(raw)):
        return Query(raw=raw, intent=Intent.HELP, text=text)  # a flag alone asks nothing
    head, rest = tokens[0], tokens[1:]
    if head == "list" and len(rest) <= 1:
        kind = _kind_of(rest[0], kinds) if rest else ""
        if kind is not None:
            return Query(raw=raw, intent=Intent.LIST, text=text, argument=kind)
    if tokens in (["fact"], ["random", "fact"], ["fact", "of", "the", "day"], ["daily", "fact"]):
        return Query(raw=raw, intent=Intent.FACT, text=text)
    if tokens == ["reload"]:
        return Query(raw=raw, intent=Intent.RELOAD, text=text)
    if all(t in FILLER or t in HELP_WORDS for t in tokens):
        return Query(raw=raw, intent=Intent.HELP, text=text)  # "help", "hi", "what can you do"
    core = strip_filler(tokens)
    words = [t for t in tokens if t not in FILLER] or core
    contrast, dismissed = find_contrast(plain)
    clause = find_clause(tokens)
    return Query(
        raw=raw,
        intent=Intent.ASK,
        text=text,
        core=" ".join(core),
        words=" ".join(words),
        fields=find_fields(tokens),
        clause=" ".join(clause),
        emphasis=find_emphasis(raw),
        asked=find_asked(plain),
        questions=find_questions(plain),
        contrast=contrast,
        dismissed=dismissed,
        aside=bool(_OFF_TOPIC.match(plain)),
        proper=find_proper_names(raw),
        acronyms=find_acronyms(plain),
        which=find_which(plain),
    )


def _drop_phrases(tokens: list[str]) -> list[str]:
    if _PHRASE_ENDS.isdisjoint(tokens):
        return tokens
    kept: list[str] = []
    position = 0
    while position < len(tokens):
        saying = _saying_at(tokens, position) if tokens[position] in _SAYING_STARTS else None
        if saying is not None:
            kept.append(SAYINGS[saying])
            position += len(saying)
            continue
        for phrase in PHRASES:
            if tuple(tokens[position : position + len(phrase)]) == phrase:
                position += len(phrase)
                break
        else:
            kept.append(tokens[position])
            position += 1
    return kept or tokens


def _saying_at(tokens: list[str], position: int) -> tuple[str, ...] | None:
    """The longest saying that starts at `position`, if any."""
    for length in range(_SAYING_MAX, 1, -1):
        words = tuple(tokens[position : position + length])
        if len(words) == length and words in SAYINGS:
            following = tokens[position + length] if position + length < len(tokens) else ""
            before = tokens[position - 1] if position else ""
            if (
                following not in _NOT_BEFORE.get(words, ())
                and before not in _NOT_AFTER.get(words, ())
                and not (following and words in _AT_END)
            ):
                return words
    return None


def find_which(text: str) -> str:
    """The kind a "which …" question asks for, by its noun: "IFOR was deployed to enforce
    which peace agreement?" → treaty, "the Soviet answer to which alliance" → alliance."""
    match = _WHICH.search(text)
    return WHICH_KINDS.get(match.group(1).lower(), "") if match else ""


def find_acronyms(text: str) -> tuple[str, ...]:
    """The words written in capitals, three letters or more, folded, chat ("LOL") aside: what
    the asker names by its initials ("what did the JCPOA require of Iran")."""
    if not any(c.isupper() for c in text):
        return ()
    found = (fold(m.group(0)) for m in _ACRONYM.finditer(text) if not _NUMERAL.match(m.group(0)))
    return tuple(dict.fromkeys(w for w in found if w and w not in FILLER))


def find_proper_names(raw: str) -> tuple[str, ...]:
    """Runs of two or more capitalised words ("the Budapest Memorandum", "Treaty of Aachen"),
    folded and without filler; a run that starts the text counts from its second word, since
    the first word of a sentence is capitalised anyway."""
    if not any(c.isupper() for c in raw):
        return ()
    found = []
    for match in _PROPER.finditer(strip_markup(raw[:MAX_QUERY_CHARS])):
        words = match.group(0).split()
        if match.start() == 0 or raw[: match.start()].rstrip()[-1:] in ".?!:>":
            words = words[1:]  # "What", "Treaty" at a sentence start say nothing
        folded = [w for w in fold(" ".join(words)).split() if w not in FILLER]
        if len(folded) >= 2:
            found.append(" ".join(folded))
    return tuple(found)


def find_contrast(text: str) -> tuple[str, bool]:
    """What a question (without Slack markup) asks once it has set something aside, as
    written, and whether what came before was dismissed outright ("forget rimpac, when is the
    best time to visit hawaii") rather than given as context ("vostok is in the east, but
    what's the exercise in the west"). Empty when nothing is set aside."""
    if "," not in text and " but " not in text.lower():
        return "", False
    dismissed = _DISMISS.search(text) or _UNRELATED.search(text)
    match = dismissed or _CONTEXT.search(text)
    if match is None:
        but = _BUT.search(text)  # "…, but when did it start?", not "…but I'm not so sure"
        if but is not None and _ASKING.match(text[but.end() :]):
            match = but
    if match is None:
        last = _LAST_QUESTION.search(text)
        remark = text[: last.start()] if last is not None else ""
        if len(remark.split()) >= MIN_REMARK_WORDS and not _TOPIC.search(remark):
            match = last  # a remark of some length, then a question of its own
    if match is None:
        return "", False
    after = text[match.end() :].strip()
    if len(after.split()) < MIN_CONTRAST_WORDS:
        return "", False
    return after, dismissed is not None


def find_questions(text: str) -> tuple[str, ...]:
    """The sentences of a message of several that are questions, as written: "Happy Friday!
    Before I log off: what happened to Operation Sophia?" → "what happened to Operation
    Sophia?". Empty for a message of one sentence."""
    sentences = [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]
    if len(sentences) < 2:
        return ()
    return tuple(s for s in sentences if s.endswith("?") or _ASKING_OPENER.match(s))


def find_asked(text: str) -> tuple[str, ...]:
    """What an explicit request (in a question without Slack markup) frames as its object, up
    to the end of its clause, folded: "anyone know much about Cobra Gold? my cousin…" →
    "cobra gold", "need a summary of Operation Desert Storm for a quiz" → "operation desert
    storm for a quiz"."""
    if not _ASK_FRAME.search(text):
        return ()
    found = []
    for clause in _CLAUSE_END.split(text):
        for match in _ASK_FRAME.finditer(clause):
            rest = fold(clause[match.end() :])
            if rest:
                found.append(rest)
    return tuple(found)


def find_emphasis(raw: str) -> tuple[str, ...]:
    """The folded text of each emphasised span: "why does *interoperability* matter"."""
    if not any(mark in raw for mark in "*_`"):
        return ()
    spans = (next(g for g in m.groups() if g) for m in _EMPHASIS.finditer(raw[:MAX_QUERY_CHARS]))
    return tuple(folded for span in spans if (folded := fold(strip_markup(span))))


def find_clause(tokens: list[str]) -> list[str]:
    """The words of a relative clause that follows a topic word: in "the treaty that set up
    nato" NATO describes the treaty asked for, it is not what is asked about."""
    for position, token in enumerate(tokens):
        if token in RELATIVE and position > 0:
            before = [t for t in tokens[:position] if t not in FILLER]
            if before:
                return [t for t in tokens[position + 1 :] if t not in FILLER]
    return []


def _kind_of(word: str, kinds: frozenset[str]) -> str | None:
    """'treaties' → 'treaty'; 'all' → '' (every kind); None when the word is not a kind."""
    if word in ("all", "everything", "entries", "topics"):
        return ""
    for kind in kinds:
        if word in (kind, kind + "s", kind[:-1] + "ies"):
            return kind
    for kind in kinds:  # "exercize", "alliences": the first letters are enough
        if len(word) >= 4 and word[:4] == kind[:4]:
            return kind
    return None
