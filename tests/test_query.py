"""Normalising questions: Slack markup, case, accents, punctuation, filler, intents, fields."""

from __future__ import annotations

import pytest

from bot.query import Intent, find_asked, find_contrast, fold, normalise, parse_query

KINDS = frozenset({"alliance", "treaty", "exercise", "operation", "challenge", "concept"})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("RIMPAC", "rimpac"),
        ("Réseau  Défense!!", "reseau defense"),
        ("<@U123ABC> nato", "nato"),
        ("<@U123ABC|bob> nato", "nato"),
        ("see <#C0123|nato-news> now", "see now"),
        ("<https://nato.int|the alliance> site", "the alliance site"),
        ("<https://nato.int> site", "site"),
        ("<!here> <!channel> <!subteam^S1|@ops> quad", "quad"),
        ("baltops :ship: :flag-us::skin-tone-2:", "baltops america"),  # a flag: its country
        ("the 2% thing", "the 2 percent thing"),
        ("N.A.T.O.'s members", "nato members"),
        ("U.S.–Japan alliance", "us japan alliance"),
        ("zero\u200bwidth\u202eRTL", "zerowidthrtl"),
        ("AT&amp;T &lt;b&gt;", "at and t b"),
        ("ОДКБ", "одкб"),
    ],
)
def test_normalise_removes_markup_case_accents_and_punctuation(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_fold_is_idempotent() -> None:
    once = fold("Tell me about NATO's Article-5, s'il vous plaît?")
    assert fold(once) == once


@pytest.mark.parametrize(
    ("raw", "core"),
    [
        ("whats rimpac", "rimpac"),
        ("what's RIMPAC?", "rimpac"),
        ("who's in the quad?", "quad"),
        ("tell me about the Five Eyes please", "five eyes"),
        ("<@UBOT> when was ASEAN founded?", "asean"),
        ("anzus members", "anzus"),
        ("where is NATO based", "nato"),
        ("why don't allies share intel", "allies share intel"),  # contractions say no topic
        ("what's meant by burden sharing", "burden sharing"),
        ("open skys treaty excercise", "open skies treaty exercise"),  # common misspellings
    ],
)
def test_filler_and_field_words_leave_the_topic(raw: str, core: str) -> None:
    assert parse_query(raw, kinds=KINDS).core == core


@pytest.mark.parametrize(
    ("raw", "first_field"),
    [
        ("when was asean founded", "Founded"),
        ("who's in the quad?", "Members"),
        ("which countries are in AUKUS", "Members"),
        ("where is nato headquartered", "Headquarters"),
        ("how often is rimpac held", "Frequency"),
        ("when did the CFE treaty enter into force", "In force"),
        ("who commanded operation allied force", "Commander"),  # else "Lead"
        ("who chairs nordefco", "Secretary General"),
    ],
)
def test_field_questions_name_the_fact_asked_for(raw: str, first_field: str) -> None:
    assert parse_query(raw, kinds=KINDS).fields[0] == first_field


def test_plain_topic_asks_for_no_field() -> None:
    assert parse_query("rimpac", kinds=KINDS).fields == ()


@pytest.mark.parametrize(
    ("raw", "intent", "argument"),
    [
        ("", Intent.HELP, ""),
        ("   ", Intent.HELP, ""),
        ("help", Intent.HELP, ""),
        ("HELP!", Intent.HELP, ""),
        ("list", Intent.LIST, ""),
        ("list exercises", Intent.LIST, "exercise"),
        ("list treaties", Intent.LIST, "treaty"),
        ("list alliance", Intent.LIST, "alliance"),
        ("fact", Intent.FACT, ""),
        ("reload", Intent.RELOAD, ""),
        ("list of nato members", Intent.ASK, ""),
        ("help with burden sharing", Intent.ASK, ""),
        ("help me", Intent.HELP, ""),
        ("hi there", Intent.HELP, ""),
        ("what can you do?", Intent.HELP, ""),
        ("list exercize", Intent.LIST, "exercise"),
    ],
)
def test_commands_are_recognised(raw: str, intent: Intent, argument: str) -> None:
    query = parse_query(raw, kinds=KINDS)
    assert (query.intent, query.argument) == (intent, argument)


def test_very_long_input_is_cut_before_work() -> None:
    query = parse_query("nato " * 5000, kinds=KINDS)
    assert len(query.text) <= 500


@pytest.mark.parametrize(
    ("raw", "clause"),
    [
        ("the treaty that set up nato", "set nato"),
        ("what is the exercise which poland hosts", "poland hosts"),
        ("who is in nato", ""),
        ("which countries are in the quad", ""),
    ],
)
def test_a_relative_clause_after_a_topic_is_kept_apart(raw: str, clause: str) -> None:
    assert parse_query(raw).clause == clause


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("the *Warsaw Pact* and `CSTO`", ("warsaw pact", "csto")),
        ("what is _pesco_?", ("pesco",)),
        ("snake_case_name and 2*3*4", ()),  # underscores and stars inside words set nothing apart
        ("*<https://nato.int|NATO>* today", ("nato",)),
    ],
)
def test_emphasised_spans_are_found_and_folded(text: str, spans: tuple[str, ...]) -> None:
    assert parse_query(text).emphasis == spans


def test_right_now_is_dropped_but_right_alone_is_kept() -> None:
    assert "right" not in parse_query("nato members right now").words.split()
    assert "right" in parse_query("the right of collective self-defence").words.split()


def test_information_is_a_topic_unless_it_asks_for_information_about_one() -> None:
    assert parse_query("information about nato").words == "nato"
    assert "information" in parse_query("information sharing between allies").words.split()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (":flag-jp: :flag-us: where is usfj based", "japan america usfj based"),
        ("🇯🇵🇺🇸 security treaty", "japan america security treaty"),
        (":fr: :de: treaty of aachen :tada:", "france germany treaty aachen"),
        (":flag-zz: :smile: nato", "nato"),  # an unknown flag or any other emoji: nothing
    ],
)
def test_a_flag_emoji_stands_for_its_country_and_other_emoji_for_nothing(
    text: str, words: str
) -> None:
    assert parse_query(text).words == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("when did russia pull out of the cfe treaty", "russia withdrew cfe treaty"),
        ("patrols that wound down in 2016", "patrols ended 2016"),
        ("allies that fell out over iraq", "allies disagreement over iraq"),
    ],
)
def test_a_phrasal_verb_is_read_as_the_word_entries_use(text: str, words: str) -> None:
    assert parse_query(text).words == words


def test_nine_eleven_is_read_as_the_date_not_as_two_numbers() -> None:
    assert parse_query("invoked after 9/11").words == "invoked after september 2001"
    assert "9" in parse_query("article 9/11/2023 vote").words  # a date written out is kept


def test_an_ordinal_reads_as_its_number() -> None:
    assert fold("Sweden became the 32nd ally") == "sweden became the 32 ally"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("states in one part of the world", "states one region"),
        ("the world body's missions", "un missions"),
        ("why did it fall apart so fast", "collapse fast"),
        ("run out of brussels", "run brussels"),  # "run out of" is not "expired"
    ],
)
def test_a_saying_of_several_words_is_read_as_one(text: str, words: str) -> None:
    assert parse_query(text).words == words


@pytest.mark.parametrize("text", [":flag-kr:", "🇰🇷", ":jp: :fr:", "hi :flag-us:"])
def test_flags_alone_ask_nothing(text: str) -> None:
    assert parse_query(text).intent is Intent.HELP


def test_for_good_is_a_saying_only_at_the_end() -> None:
    assert parse_query("when did it close down for good").words == "closed ended"
    assert parse_query("is nato a force for good").words == "nato force good"


@pytest.mark.parametrize(
    ("text", "proper"),
    [
        ("what did the Budapest Memorandum promise Ukraine", ("budapest memorandum",)),
        ("is the Treaty of Aachen symbolic", ("treaty aachen",)),
        ("What did the Montreux Convention say", ("montreux convention",)),  # not "What"
        ("how do Washington and Tokyo coordinate", ()),  # two names, not one
        ("nato article 5", ()),
    ],
)
def test_capitalised_runs_of_words_are_read_as_proper_names(
    text: str, proper: tuple[str, ...]
) -> None:
    assert parse_query(text).proper == proper


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Article IV of the treaty", "article 4 of the treaty"),
        ("art. V", "art 5"),
        ("Chapter VIII of the UN Charter", "chapter 8 of the un charter"),
        ("the article in the times", "the article in the times"),
    ],
)
def test_a_roman_article_number_reads_as_arabic(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("raw", "asked"),
    [
        ("anyone here know much about Cobra Gold? my cousin's unit", ("cobra gold",)),
        (
            "need a summary of Operation Desert Storm for a quiz, thanks",
            ("operation desert storm for a quiz",),
        ),
        ("what is the bright star poem about", ("bright star poem about",)),
        ("how many ships took part", ()),
    ],
)
def test_the_object_of_an_explicit_request_is_found_up_to_the_end_of_its_clause(
    raw: str, asked: tuple[str, ...]
) -> None:
    assert find_asked(raw) == asked


@pytest.mark.parametrize(
    ("raw", "contrast"),
    [
        (
            "forget rimpac, when is the best time to visit hawaii?",
            ("when is the best time to visit hawaii?", True),
        ),
        (
            "not about rimpac, but how many carriers does the us have",
            ("how many carriers does the us have", True),
        ),
        ("the lion exercise aside, how many lions are left?", ("how many lions are left?", True)),
        (
            "vostok is in the east, but what is the exercise in the west?",
            ("what is the exercise in the west?", False),
        ),
        ("what is nato", ("", False)),
        (
            "random question, nothing to do with ASEAN, what time is it in Jakarta?",
            ("what time is it in Jakarta?", True),
        ),
        (
            "I was reading about AUKUS on the train and missed my stop, anyone know the time?",
            ("anyone know the time?", False),
        ),
        ("while we're on the subject of AUKUS, who builds the submarines?", ("", False)),
        ("nato, when founded", ("", False)),
    ],
)
def test_what_is_asked_once_a_topic_is_set_aside(raw: str, contrast: tuple[str, bool]) -> None:
    assert find_contrast(raw) == contrast


def test_the_askers_own_word_that_a_question_is_off_topic_is_kept() -> None:
    assert parse_query("Off-topic but how do we run a meeting without a chair?").aside
    assert not parse_query("what is the OSCE's role in a conflict").aside


def test_the_questions_of_a_message_of_several_sentences() -> None:
    from bot.query import find_questions

    assert find_questions("lunch was great btw. homework: what does the NPT require?") == (
        "what does the NPT require?",
    )
    assert find_questions("what is the U.S. role in nato?") == ()
    assert find_questions("is flintlock: the siege of dawn worth it") == ()
    assert find_questions("standup at 10:30. what is aukus?") == ("what is aukus?",)


def test_acronyms_are_words_in_capitals_but_not_numerals_or_chat() -> None:
    from bot.query import find_acronyms

    assert find_acronyms("LOL what did the JCPOA require under Chapter VIII?") == ("jcpoa",)


def test_which_names_the_kind_asked_for() -> None:
    from bot.query import find_which

    assert find_which("IFOR was deployed to enforce which peace agreement?") == "treaty"
    assert find_which("The Warsaw Pact was the Soviet answer to which alliance?") == "alliance"
    assert find_which("which countries are in nato") == ""


def test_plurals_misspelt_with_ys_are_mended() -> None:
    from bot.query import fold

    assert fold("armys countrys militarys allys") == "armies countries militaries allies"
    assert fold("always days keys") == "always days keys"
