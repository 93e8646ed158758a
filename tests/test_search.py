"""Matching against the real knowledge base: answer, did-you-mean, or nothing found."""

from __future__ import annotations

import pytest

from bot.answer import KINDS, EntryReply, Knowledge, NotFoundReply, SuggestReply, answer
from bot.query import parse_query
from bot.search import Outcome, Via, search


def ask(knowledge: Knowledge, text: str):
    return answer(knowledge, text)


def assert_answers(knowledge: Knowledge, question: str, entry: str) -> None:
    reply = ask(knowledge, question)
    assert isinstance(reply, EntryReply) and reply.entry.id == entry, reply


def assert_suggests(knowledge: Knowledge, question: str, first: list[str]) -> None:
    reply = ask(knowledge, question)
    assert isinstance(reply, SuggestReply), reply
    assert [e.id for e in reply.entries][: len(first)] == first


def assert_not_answered(knowledge: Knowledge, question: str) -> None:
    reply = ask(knowledge, question)
    assert not isinstance(reply, EntryReply), reply


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("rimpac", "rimpac"),
        ("RIMPAC", "rimpac"),
        ("Rim of the Pacific", "rimpac"),
        ("rimpak", "rimpac"),
        ("whats rimpac", "rimpac"),
        ("who's in the quad?", "quad"),
        ("nato art 5", "article-5"),
        ("what is article 5?", "article-5"),
        ("baltops 2024 :ship:", "baltops"),
        ("OTAN", "nato"),
        ("north atlantic treaty organisation", "nato"),
        ("north atlantic treaty organization", "nato"),
        ("when was asean founded", "asean"),
        ("anzus members", "anzus"),
        ("talisman saber", "talisman-sabre"),
        ("Operation Atalanta", "operation-atalanta"),
    ],
)
def test_common_questions_find_their_entry(knowledge: Knowledge, question: str, entry: str) -> None:
    reply = ask(knowledge, question)
    assert isinstance(reply, EntryReply), reply
    assert reply.entry.id == entry


def test_exact_alias_wins_and_says_so(knowledge: Knowledge) -> None:
    result = search(knowledge.index, parse_query("RIMPAC", kinds=KINDS))
    assert result.outcome is Outcome.ANSWER
    assert result.best is not None and result.best.via in (Via.NAME, Via.ALIAS)
    reply = ask(knowledge, "RIMPAC")
    assert isinstance(reply, EntryReply) and "RIMPAC" in reply.how


def test_field_question_brings_the_asked_fact_forward(knowledge: Knowledge) -> None:
    reply = ask(knowledge, "when was asean founded")
    assert isinstance(reply, EntryReply)
    assert reply.fields == ("Founded",)


@pytest.mark.parametrize(
    "question",
    [
        "what's for lunch today",
        "xqzzy plonk",
        "how do I reset my password",
        "best pizza in town",
        "the weather tomorrow",
    ],
)
def test_off_topic_questions_find_nothing(knowledge: Knowledge, question: str) -> None:
    assert isinstance(ask(knowledge, question), NotFoundReply)


def test_a_word_many_names_share_suggests_up_to_three_of_them(knowledge: Knowledge) -> None:
    reply = ask(knowledge, "shield")
    assert isinstance(reply, SuggestReply)
    assert 2 <= len(reply.entries) <= 3
    for entry in reply.entries:
        assert any("shield" in name.lower() for name in [entry.name, *entry.aliases])


def test_every_entry_is_found_by_its_own_name(knowledge: Knowledge) -> None:
    misses = []
    for entry in knowledge.kb.entries:
        for surface in [entry.name, *entry.aliases]:
            reply = ask(knowledge, surface)
            if not (isinstance(reply, EntryReply) and reply.entry.id == entry.id):
                misses.append((entry.id, surface))
    assert misses == []


@pytest.mark.parametrize("question", ["what is nato's article 4?", "article 6 of the nato treaty"])
def test_a_different_article_number_is_never_answered_with_article_5(
    knowledge: Knowledge, question: str
) -> None:
    reply = ask(knowledge, question)
    assert not (isinstance(reply, EntryReply) and reply.entry.id == "article-5")


@pytest.mark.parametrize(
    ("question", "entry", "named"),
    [
        ("the treaty that set up nato", "north-atlantic-treaty", "NATO"),
        (
            "why is intel sharing between allies hard",
            "intelligence-sharing-barriers",
            "intel sharing",
        ),
        (
            "the eu military operation in bosnia that took over from sfor in 2004",
            "eufor-althea",
            "SFOR",
        ),
    ],
)
def test_a_named_entry_can_point_to_the_related_one_asked_for(
    knowledge: Knowledge, question: str, entry: str, named: str
) -> None:
    reply = ask(knowledge, question)
    assert isinstance(reply, EntryReply), reply
    assert reply.entry.id == entry
    assert f"related to “{named}”" in reply.how


@pytest.mark.parametrize("question", ["nato exercises", "*csdp* missions list"])
def test_an_organisation_with_a_plural_kind_gets_suggestions_not_one_of_them(
    knowledge: Knowledge, question: str
) -> None:
    reply = ask(knowledge, question)
    # The organisation itself is a fair answer; one of its many exercises or missions is not.
    assert not (isinstance(reply, EntryReply) and reply.entry.kind.value != "alliance")


def test_a_kind_word_inside_a_name_is_part_of_the_name(knowledge: Knowledge) -> None:
    assert_answers(knowledge, "when was the warsaw pact dissolved", "warsaw-pact")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how does the washington-tokyo alliance work", "us-japan-alliance"),
        ("the alliance between washington and seoul", "us-rok-alliance"),
    ],
)
def test_capitals_stand_for_their_countries(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    reply = ask(knowledge, question)
    entries = [reply.entry] if isinstance(reply, EntryReply) else list(reply.entries)
    assert entries and entries[0].id == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("the russia-led military alliance of ex-soviet states", "csto"),  # ex → former
        ("finul liban", "unifil"),  # the French alias, and Lebanon in French
        (
            "the european defence body whose petersberg tasks were taken over by the eu before"
            " it closed in 2011",
            "western-european-union",
        ),  # closed → dissolved
    ],
)
def test_everyday_words_meet_the_words_entries_are_written_in(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


def test_an_everyday_word_is_not_taken_for_a_typo_of_a_name(knowledge: Knowledge) -> None:
    # "navy" is one letter from the alias "NAVO" (NATO), but it is a word the entries use.
    assert knowledge.index.similar_tokens("navy") == {}
    assert "navo" in knowledge.index.similar_tokens("navq")


@pytest.mark.parametrize(
    "question", ["new start treaty expiry", "cento history", "why did the us leave the inf"]
)
def test_words_asked_of_a_named_thing_do_not_block_its_answer(
    knowledge: Knowledge, question: str
) -> None:
    assert isinstance(ask(knowledge, question), EntryReply)


@pytest.mark.parametrize(
    "question", ["kakadu national park camping", "sea breeze cocktail recipe", "quad bike rental"]
)
def test_a_name_beside_another_subject_is_not_answered(knowledge: Knowledge, question: str) -> None:
    assert_not_answered(knowledge, question)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("the brussels treaty as modified in 1954", "brussels-treaty"),  # two of its names
        ("ireland triple lock", "sovereignty-concerns"),  # short, every word in one entry
        ("the naval exercise off hawaii", "rimpac"),
        ("efp locations", "enhanced-forward-presence"),  # a name and one common word
        ("un peacekeeping right now", "un-peacekeeping"),  # "right now" says when, not what
        ("russian and belarusian war games near the nato border", "zapad"),  # "belarus" in text
        ("why do allied militaries train together", "joint-training"),
        ("north atlantic treaty article 13", "north-atlantic-treaty"),  # not Article 5
    ],
)
def test_sure_matches_are_answered_not_merely_suggested(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    reply = ask(knowledge, question)
    assert isinstance(reply, EntryReply), reply
    assert reply.entry.id == entry


@pytest.mark.parametrize(
    "question",
    [
        "dayton ohio weather",  # a name and a word only one other entry has
        "rimpac tickets",  # a word the knowledge base does not know
        "geneva conventions",  # two words some entry's text holds: too little to decide
        "abm treaty why did bush withdraw",
    ],
)
def test_a_near_sure_match_with_an_unknown_or_rare_word_left_over_is_only_suggested(
    knowledge: Knowledge, question: str
) -> None:
    assert_not_answered(knowledge, question)


def test_a_named_entry_of_another_kind_is_answered_when_nothing_else_fits(
    knowledge: Knowledge,
) -> None:
    # "treaty" cues a treaty, but the Alliance of Sahel States (an alliance) explains the rest.
    assert_answers(
        knowledge,
        "when did the sahel states sign their confederation treaty",
        "alliance-of-sahel-states",
    )


def test_a_question_asking_for_an_exercise_is_not_answered_with_another_kind(
    knowledge: Knowledge,
) -> None:
    # Extended deterrence's text holds "strategic", "russia", "belarus" and "troops".
    reply = ask(knowledge, "the strategic exercise russia holds with belarusian troops")
    assert not isinstance(reply, EntryReply) or reply.entry.kind.value == "exercise"


def test_a_question_asking_for_a_treaty_is_not_answered_with_a_concept_and_treaties_come_first(
    knowledge: Knowledge,
) -> None:
    # Extended deterrence's text explains most words ("non", "nuclear", "states", "bomb").
    reply = ask(knowledge, "treaty where non-nuclear states promise not to build the bomb")
    assert not isinstance(reply, EntryReply) or reply.entry.kind.value == "treaty"
    if isinstance(reply, SuggestReply):
        assert reply.entries[0].id == "npt"


def test_a_force_is_not_answered_with_the_peace_deal_it_implemented(knowledge: Knowledge) -> None:
    question = (
        "nato-led force that implemented the military side of the bosnia peace deal from"
        " december 1995"
    )
    reply = ask(knowledge, question)
    assert not isinstance(reply, EntryReply) or reply.entry.id == "ifor-sfor"
    assert isinstance(reply, EntryReply) or "ifor-sfor" in [e.id for e in reply.entries]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a treaty explains more of the words, but "the … force that" is not a treaty
        (
            "the NATO-led force that implemented the military side of the bosnia peace deal"
            " in 1996",
            "ifor-sfor",
        ),
        # NATO is named, but the question asks for an exercise, and one explains it
        (
            "russia and belarus's big strategic exercise every four years near nato's border",
            "zapad",
        ),
    ],
)
def test_a_description_is_answered_by_the_entry_of_the_kind_it_describes(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("what did nato do against somali pirates between 2009 and 2016", "operation-ocean-shield"),
        ("nato airstrikes on bosnian serb positions in summer 95", "operation-deliberate-force"),
    ],
)
def test_a_named_entry_that_explains_little_leads_to_the_related_one_asked_about(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


def test_a_named_entry_with_no_related_entry_far_ahead_is_not_passed_over(
    knowledge: Knowledge,
) -> None:
    reply = ask(knowledge, "nato summit in vilnius 2023")
    assert not isinstance(reply, EntryReply) or reply.entry.id == "nato"


def test_a_force_described_by_its_named_peace_deal_is_not_guessed(knowledge: Knowledge) -> None:
    # The Dayton Agreement (named) explains more than any force; EUFOR Althea's text has
    # the words "carried out", IFOR/SFOR's does not: no answer rather than the wrong force.
    reply = ask(knowledge, "the nato force that carried out the military side of the dayton deal")
    assert not isinstance(reply, EntryReply) or reply.entry.id == "ifor-sfor"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("waht is nato", "nato"),
        ("wht is rimpac", "rimpac"),
        ("tell me abuot seato", "seato"),
        ("explian aukus", "aukus"),
        ("hwo is in the quad", "quad"),
        ("quad secuirty dialogue", "quad"),  # a misspelt word of another of its names
        # the treaty's name is there whole; NATO's ("… Organization") is not
        ("north atlantic traety how many articles", "north-atlantic-treaty"),
        ("who commanded operation allied force", "operation-allied-force"),
        ("what's meant by defence-industrial fragmentation", "defence-industrial-fragmentation"),
        ("qui sont les casques bleus", "un-peacekeeping"),  # French question words are filler
        ("can someone summarise article 5 for me", "article-5"),
        ("<@U123ABC> who's nato sec gen rn?", "nato"),  # chat shorthand is filler
        ("artical 5 how many times has it been used", "article-5"),  # two edits, but common
    ],
)
def test_misspelt_filler_and_misspelt_name_words_do_not_block_an_answer(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


def test_a_real_word_one_letter_from_filler_is_not_dropped() -> None:
    from bot.slips import is_filler_slip

    assert is_filler_slip("waht") and is_filler_slip("abuot") and is_filler_slip("teh")
    assert not any(is_filler_slip(w) for w in ("bike", "lake", "game", "cake", "lean"))
    assert not any(is_filler_slip(w) for w in ("ins", "sin", "sit", "set"))  # of isn, ist, est


@pytest.mark.parametrize(
    "question",
    [
        "how long can an anaconda snake get",
        "how big do african lions get in the wild",
        "new pfp who dis",
    ],
)
def test_a_name_matched_only_in_another_form_beside_an_unknown_subject_is_not_answered(
    knowledge: Knowledge, question: str
) -> None:
    assert_not_answered(knowledge, question)


def test_an_entry_named_in_full_beats_one_whose_text_mentions_it(knowledge: Knowledge) -> None:
    # Cutlass Express's text names the Combined Maritime Forces too.
    assert_answers(
        knowledge, "Combined Maritime Forces - who are they?", "combined-maritime-forces"
    )


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "treaty" qualifies "organization": an alliance is described, not a treaty
        ("the treaty organization that linked turkey iran pakistan and the uk", "cento"),
        ("Ex Talisman Sabre 2023", "talisman-sabre"),  # British "Ex" for exercise
        ("redflag with indian jets", "red-flag"),  # a run-together name is no typo
        ("why won't the us sign the arms trade treaty", "arms-trade-treaty"),  # won't → will
        ("waht is *Operation Unified Protector* from this article", "operation-unified-protector"),
    ],
)
def test_review_cases_are_answered(knowledge: Knowledge, question: str, entry: str) -> None:
    assert_answers(knowledge, question, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("the treaty that set up the warsaw pact", "warsaw-treaty-1955"),  # named by "warsaw"
        ("the operation that took over from sfor", "eufor-althea"),  # SFOR is what it relates to
    ],
)
def test_a_named_entry_of_the_asked_kind_is_meant_only_beside_a_pivot_of_the_same_name(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


def test_a_tie_among_a_pivots_many_related_entries_is_not_broken_by_list_order(
    knowledge: Knowledge,
) -> None:
    # Cold Response and Defender Europe explain it equally; NATO lists dozens of exercises.
    reply = ask(knowledge, "the exercise that tests nato article 5 reinforcement")
    assert not isinstance(reply, EntryReply)


@pytest.mark.parametrize(
    "question",
    [
        "qatar al udeid base",  # the GCC's text has Qatar and "base", not Al Udeid
        "what's the range of a tomahawk cruise missile",  # the INF Treaty's has the rest
        "nato bucharest summit 2008 georgia and ukraine",  # "Bucharest" names the B9 group
    ],
)
def test_a_short_question_about_something_unknown_is_not_answered_from_text(
    knowledge: Knowledge, question: str
) -> None:
    assert_not_answered(knowledge, question)


@pytest.mark.parametrize(
    "question",
    [
        "how many aircraft carriers does China operate?",  # Pitch Black's text lacks China
        "how much does a Triumph Tiger 900 motorbike cost?",  # Tiger Triumph, the other way
    ],
)
def test_a_question_about_another_country_or_thing_is_not_answered(
    knowledge: Knowledge, question: str
) -> None:
    assert_not_answered(knowledge, question)


def test_drills_in_general_do_not_ask_for_one_exercise(knowledge: Knowledge) -> None:
    question = (
        "why do militaries from different countries bother running drills and war games together?"
    )
    reply = ask(knowledge, question)
    assert not isinstance(reply, EntryReply) or reply.entry.id == "joint-training"


def test_what_is_asked_of_a_named_entry_does_not_block_it(knowledge: Knowledge) -> None:
    assert_answers(knowledge, "CENTO — why did it fall apart?", "cento")


def test_a_question_of_everyday_words_is_not_answered_from_text_alone(
    knowledge: Knowledge,
) -> None:
    # Technological integration's text holds "defend", "itself" and "alone"; only Europe
    # makes the question strategic autonomy's.
    assert_not_answered(knowledge, "can the team defend itself alone")
    assert_answers(knowledge, "can europe defend itself alone", "strategic-autonomy")


def test_a_word_near_filler_that_is_near_a_name_word_too_is_kept(knowledge: Knowledge) -> None:
    # "hous" is one edit from "whos" and from "house": it stays a (misspelt) name word.
    assert_answers(knowledge, "lancaster hous treaty 2010", "lancaster-house-treaties")
    assert_not_answered(knowledge, "inf vs nan in numpy")


def test_a_named_entry_of_the_asked_kind_is_not_passed_over_for_a_related_one(
    knowledge: Knowledge,
) -> None:
    question = (
        "the 1960 treaty that replaced the 1951 security treaty with japan, with the article VI"
        " bases clause and article X notice clause"
    )
    reply = ask(knowledge, question)
    entries = [reply.entry] if isinstance(reply, EntryReply) else list(reply.entries)
    assert entries[0].id == "us-japan-security-treaty"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("why does *interoperability* matter in coalitions", "interoperability"),
        ("which missions does the _csdp_ run", "eu-defence"),
    ],
)
def test_an_emphasised_name_decides_when_the_words_alone_do_not(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)
    assert parse_query(question, kinds=KINDS).emphasis


@pytest.mark.parametrize(
    "question", ["`gcc` compiler optimization flags", "*quad* bike rental near me"]
)
def test_an_emphasised_name_beside_another_subject_is_not_answered(
    knowledge: Knowledge, question: str
) -> None:
    assert_not_answered(knowledge, question)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("anakonda polnd", "anakonda"),  # a country misspelt
        ("cold responce exercise in norwey", "cold-response"),  # a letter changed: long names only
        ("when did the Western European Union close down for good?", "western-european-union"),
        ("zapad 2025 belaruss", "zapad"),
        (
            "does the Phillipines US mutual defence treaty cover the south china sea?",
            "us-philippines-mutual-defense-treaty",
        ),  # a common misspelling, two letters off
        ("tiger triumf india", "tiger-triumph"),  # a name spelt by sound: ph → f
        ("operation sofia migrants med", "eunavfor-med"),  # Sophia, not a SOFA
        ("talismen sabre exercise in austrailia", "talisman-sabre"),  # Australia: a name word too
        ("aukus submarnie deal timeline", "aukus"),  # a slip of a word of AUKUS's own text
        ("what was the ISAF mision in Afganistan?", "isaf"),  # "mission": a name word, generic
        ("operaton allied forse kosovo 1999", "operation-allied-force"),  # not KFOR's "operation"
    ],
)
def test_misspelt_places_and_names_spelt_by_sound_are_read_right(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


def test_a_word_a_slip_from_a_place_is_not_mended_into_it_when_it_is_asked(
    knowledge: Knowledge,
) -> None:
    # "finish" is one letter from "finnish", but it asks when something ended.
    assert_answers(knowledge, "minusma, when did the withdrawal finish", "minusma")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("the 2018 NATO exercise in Norway with about 50,000 troops", "trident-juncture"),
        (
            "the big multinational exercise egypt co-leads with centcom",
            "bright-star",
        ),  # big → largest
    ],
)
def test_a_description_explained_whole_by_one_entry_is_answered_though_its_words_are_general(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


def test_a_treaty_we_lack_is_not_answered_with_one_that_shares_its_words(
    knowledge: Knowledge,
) -> None:
    assert_not_answered(knowledge, "anti-ballistic missile treaty 1972")


def test_a_forum_or_body_described_is_an_organisation_not_a_concept(knowledge: Knowledge) -> None:
    reply = ask(
        knowledge, "the forum where southeast asian defense ministers meet china, the us, japan"
    )
    assert isinstance(reply, EntryReply) and reply.entry.id == "admm-plus"


def test_text_does_not_answer_over_an_entry_whose_name_is_half_there_and_scores_higher(
    knowledge: Knowledge,
) -> None:
    # Half of "Non-Proliferation Treaty" is there; the INF Treaty only shares nuclear words.
    reply = ask(knowledge, "treaty where non-nuclear states promise not to build the bomb")
    assert isinstance(reply, SuggestReply) and "npt" in [e.id for e in reply.entries]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("the Vienna-based body that grew out of the 1975 Helsinki Final Act", "osce"),
        (
            "the eu's defensive red sea escort operation launched in february 2024",
            "operation-aspides",
        ),
    ],
)
def test_a_description_one_entry_explains_clearly_best_is_answered(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("what was SFOR's job?", "ifor-sfor"),
        ("Balikatan - what are the key points?", "balikatan"),
        ("when did MINUSMA wrap up?", "minusma"),
        ("explain the Dayton Accords to me like I'm a new intern", "dayton-agreement"),
        ("is the Quad an actual military alliance or just a talking shop?", "quad"),
        ("ITAR and why partners hate it", "export-controls"),
    ],
)
def test_everyday_ways_of_asking_about_a_named_thing_do_not_block_its_answer(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


def test_a_plural_of_those_words_may_still_be_a_topic(knowledge: Knowledge) -> None:
    reply = ask(
        knowledge, "the European defence body that folded in 2011 after its jobs moved to the EU"
    )
    assert not (isinstance(reply, EntryReply) and reply.entry.id == "eu-defence")


def test_a_long_description_is_offered_its_closest_entry_on_less_evidence(
    knowledge: Knowledge,
) -> None:
    question = "how do you talk an adversary out of attacking by making it obvious it would lose"
    reply = ask(knowledge, question + " or pay too high a price?")
    assert isinstance(reply, SuggestReply)  # scored 35-45: offered only because it is long
    assert "deterrence" in [e.id for e in reply.entries]


def test_a_word_misspelt_from_a_name_is_the_names_not_another_entrys_text(
    knowledge: Knowledge,
) -> None:
    # "artcle" is Article 5's misspelt name word; NATO's text holds "article" too.
    assert_answers(knowledge, "artcle 5 nato", "article-5")


def test_a_phrasal_verb_meets_the_entrys_word(knowledge: Knowledge) -> None:
    assert_answers(
        knowledge,
        "NATO's own anti-piracy patrols off Somalia that wound down in 2016",
        "operation-ocean-shield",
    )


@pytest.mark.parametrize(
    "question",
    [
        "the attack on one is an attack on all clause in the nato treaty",
        "the clause in nato's founding treaty that got triggered the day after 9/11",
    ],
)
def test_a_clause_described_is_the_clause_not_the_whole_treaty(
    knowledge: Knowledge, question: str
) -> None:
    assert_answers(knowledge, question, "article-5")


@pytest.mark.parametrize(
    ("question", "entry", "label"),
    [
        ("who is the eu high representative now", "eu-defence", "High Representative"),
        (
            "<https://example.org/brief|this brief> mentions the petersberg tasks — where do they"
            " come from?",
            "western-european-union",
            "Petersberg tasks",
        ),
    ],
)
def test_a_question_holding_an_entrys_own_fact_label_gets_that_fact_first(
    knowledge: Knowledge, question: str, entry: str, label: str
) -> None:
    reply = ask(knowledge, question)
    assert isinstance(reply, EntryReply) and reply.entry.id == entry
    assert reply.fields[:1] == (label,)


@pytest.mark.parametrize(
    "question",
    [
        "what is the un mission in south sudan",  # words of a kind count only half
        "uk military base in cyprus",
        "the treaty between israel and egypt",
        "the us-india civil nuclear deal",
        "the nuclear deal between the us and india",
        "what is the legal basis",  # a fact label alone names no subject
        "who is the chief negotiator",
        "are red flag laws legal",  # legal, healthy: what a question is about, not how it asks
        "is the sea breeze cocktail healthy",
        "where to watch pitch black",
        "hungry soldiers in nato exercises",  # not Hungary
        "who protects seoul from pyongyang",  # Pyongyang is not Seoul
    ],
)
def test_questions_the_review_found_answered_wrongly_are_not_answered(
    knowledge: Knowledge, question: str
) -> None:
    assert_not_answered(knowledge, question)


@pytest.mark.parametrize(
    "question",
    ["when was trident juncture first held", "how often is steadfast defender held"],
)
def test_a_label_that_repeats_the_entrys_name_is_not_taken_for_the_field_asked(
    knowledge: Knowledge, question: str
) -> None:
    reply = ask(knowledge, question)  # "Trident Juncture 2015" is an edition, not a field
    assert isinstance(reply, EntryReply) and reply.fields[:1] in (("First held",), ("Frequency",))


def test_drills_in_the_plural_may_be_the_concept_of_training_together(
    knowledge: Knowledge,
) -> None:
    question = "why do militaries from different countries bother running drills and war games"
    assert_answers(knowledge, question + " together?", "joint-training")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("SEATO why did it fold", "seato"),
        ("why did MINUSMA have to pack up and leave mali?", "minusma"),
        ("<@U04ABCD12> do you know when BALTOPS kicks off this year?", "baltops"),
        ("is china still uninvited from rimpac or did that change?", "rimpac"),
        ("what year did nato get started and who were the original members?", "nato"),
        ("CFE — why did russia walk away from it?", "cfe-treaty"),
        ("ECOMOG in liberia in the 90s — what was it?", "ecowas"),  # a decade counts little
        ("when did KFOR first roll into kosovo?", "kfor"),
        ("is the Rio Treaty still relevant in latin america at all lol", "rio-treaty"),
        ("is FVEY an actual treaty or just agencies agreeing to share stuff?", "five-eyes"),
        (
            "does the Treaty of Aachen's mutual assistance clause go further than nato's?",
            "aachen-treaty",
        ),
        ("when did New START run out?", "new-start"),
        ("who's running trident junture these days, is it still a thing", "trident-juncture"),
        ("whats the differance between IFOR and SFOR in bosnai", "ifor-sfor"),
        ("weimar triangel summit this year - anything on defence?", "weimar-triangle"),
        (
            "<#C01DEFNEWS|defence-news> anyone got a tl;dr on when australia actually gets its"
            " first AUKUS sub?",
            "aukus",
        ),
    ],
)
def test_chat_about_a_named_thing_is_answered(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


def test_a_shorter_name_inside_a_longer_one_present_is_not_answered(
    knowledge: Knowledge,
) -> None:
    reply = ask(
        knowledge, "is ulchi freedom sheild just computer simulations or real field drills?"
    )
    assert not (isinstance(reply, EntryReply) and reply.entry.id == "freedom-shield")


def test_text_needs_a_wider_lead_when_words_no_entry_knows_are_left(knowledge: Knowledge) -> None:
    question = "what's the benefit of militaries constantly running big drills alongside other"
    reply = ask(knowledge, question + " countries' forces?")
    assert not (isinstance(reply, EntryReply) and reply.entry.id == "vostok")


def test_the_joining_words_of_a_long_formal_name_name_nothing(knowledge: Knowledge) -> None:
    # "between" is in "Treaty of Mutual Cooperation and Security between the United States and
    # Japan", but a question about the UN that holds it is not about that treaty.
    question = "why doesn't the UN have its own army? where do the soldiers it sends between"
    reply = ask(knowledge, question + " warring sides come from")
    assert isinstance(reply, SuggestReply) and reply.entries[0].id == "un-peacekeeping"


def test_a_misspelt_name_may_leave_one_word_the_entries_use(knowledge: Knowledge) -> None:
    assert_answers(knowledge, "anakoda exercise poland how big was the 2016 one", "anakonda")
    assert_not_answered(knowledge, "how long can an anaconda snake get")


def test_text_does_not_answer_when_two_in_five_words_are_unknown_to_every_entry(
    knowledge: Knowledge,
) -> None:
    assert_not_answered(knowledge, "max range of a tomahawk cruise missile")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how healthy is the ANZUS alliance these days?", "anzus"),
        (
            "was Operation Allied Force even legal with no security council resolution?",
            "operation-allied-force",
        ),
    ],
)
def test_a_judging_word_is_asked_of_a_named_thing_beside_a_word_of_the_field(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("why didn't the CSTO step in when Armenia asked for help against Azerbaijan?", "csto"),
        ("which countries sit completely outside the NPT?", "npt"),
        ("why does UNPROFOR always come up when people talk about Srebrenica?", "unprofor"),
        ("now that all five Nordics are in NATO, is NORDEFCO kind of pointless?", "nordefco"),
    ],
)
def test_the_words_of_conversation_around_a_name_do_not_block_its_answer(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


def test_a_proper_name_of_the_field_no_entry_holds_is_not_answered_from_text(
    knowledge: Knowledge,
) -> None:
    reply = ask(knowledge, "what exactly did the Budapest Memorandum promise Ukraine in 1994?")
    assert not isinstance(reply, EntryReply)


def test_an_emphasised_name_of_several_words_decides_beside_unknown_words(
    knowledge: Knowledge,
) -> None:
    question = "> signed 17 March 1948 by five western european states - was the *Brussels Treaty*"
    assert_answers(knowledge, question + " basically a warm-up for NATO?", "brussels-treaty")


def test_a_name_present_is_not_answered_when_half_the_rest_is_unknown_to_every_entry(
    knowledge: Knowledge,
) -> None:
    reply = ask(knowledge, "what is the bright star poem really about, my teacher asked")
    assert not isinstance(reply, EntryReply)


def test_a_word_with_an_everyday_equivalent_the_entries_use_is_no_typo_of_a_name(
    knowledge: Knowledge,
) -> None:
    # "scaring" is one letter from "sharing" (burden-sharing), but it means deterring.
    assert knowledge.index.similar_tokens("scaring") == {}


@pytest.mark.parametrize(
    ("question", "entry", "field"),
    [
        ("MINUSMA death toll?", "minusma", "Fatalities"),
        (
            "who's the current head of the african union commission",
            "african-union",
            "Commission Chairperson",
        ),
        ("when did SEATO wind up", "seato", "Dissolved"),
    ],
)
def test_more_field_questions_bring_their_fact_forward(
    knowledge: Knowledge, question: str, entry: str, field: str
) -> None:
    reply = ask(knowledge, question)
    assert isinstance(reply, EntryReply) and reply.entry.id == entry
    assert reply.fields[:1] == (field,)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "the Lancaster House treaties had a nuclear side as well? what was in it",
            "lancaster-house-treaties",
        ),
        (
            "under the NATO SOFA who gets to prosecute a visiting soldier who commits a crime"
            " off duty?",
            "nato-sofa",
        ),
    ],
)
def test_a_name_far_ahead_of_every_other_entry_is_answered_beside_words_of_its_text(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


def test_a_name_far_ahead_is_not_answered_when_only_the_name_ties_it_to_the_entry(
    knowledge: Knowledge,
) -> None:
    reply = ask(knowledge, "my date talked about his ex the whole evening, is that a red flag?")
    assert not isinstance(reply, EntryReply)


def test_regular_inflections_of_the_entries_words_are_known_words_not_slips(
    knowledge: Knowledge,
) -> None:
    text = knowledge.index.text
    assert text.knows("launch") and not text.knows("launching")
    assert text.knows_form("launching")
    assert text.knows("closed") and text.knows_form("close")  # an inflection of it is known
    assert not text.knows_form("shareing")  # a slip of "sharing", not a form of "share"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "the argument over what share of their GDP each member ought to spend on the military",
            "burden-sharing",
        ),
        (
            "why do some states refuse to host foreign troops or put their own forces under"
            " foreign control",
            "sovereignty-concerns",
        ),
    ],
)
def test_a_long_description_is_answered_from_text_sharing_fewer_of_its_words(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


@pytest.mark.parametrize(
    "question",
    [
        "red flag in cricket",
        "sea breeze in minecraft",
        "cobra gold thai beer",
        "what does a red flag mean in formula 1",
        "new start after divorce",
        "desert storm in arizona today",
        "cold response to my email",
    ],
)
def test_a_name_that_is_an_everyday_phrase_is_not_answered_beside_words_we_lack(
    knowledge: Knowledge, question: str
) -> None:
    assert_not_answered(knowledge, question)


def test_an_everyday_name_is_answered_beside_words_we_lack_when_its_text_holds_others(
    knowledge: Knowledge,
) -> None:
    reply = ask(
        knowledge, "is Five Eyes still only about signals intelligence or has it broadened?"
    )
    assert isinstance(reply, EntryReply) and reply.entry.id == "five-eyes"


def test_everyday_names_are_marked_in_the_index(knowledge: Knowledge) -> None:
    index = knowledge.index
    marked = {s.text for s in index.surfaces if s.everyday}
    assert {"Red Flag", "Sea Breeze", "Kakadu"} <= marked
    assert "Exercise Red Flag" not in marked and "RIMPAC" not in marked


def test_a_longer_name_present_comes_first_even_when_misspelt(knowledge: Knowledge) -> None:
    # Freedom Shield's text mentions Ulchi, but the whole longer name is there
    assert_answers(
        knowledge, "is ulchi freedom sheild mostly a computer simulation", "ulchi-freedom-shield"
    )


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "anybody know much about Cobra Gold? my cousin's unit is off to Thailand for it",
            "cobra-gold",
        ),
        (
            "need a quick summary of Operation Desert Storm for a pub quiz I'm writing",
            "operation-desert-storm",
        ),
    ],
)
def test_a_name_asked_for_outright_is_answered_beside_chat(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


@pytest.mark.parametrize(
    "question",
    ["what is a red flag in cricket", "summary of kakadu national park for my trip"],
)
def test_an_everyday_name_asked_for_with_more_words_is_not_answered(
    knowledge: Knowledge, question: str
) -> None:
    assert_not_answered(knowledge, question)


def test_a_short_question_may_hold_one_word_we_lack_beside_a_name_explaining_the_rest(
    knowledge: Knowledge,
) -> None:
    assert_answers(
        knowledge, "why did KFOR need reinforcements in 2023? I thought Kosovo was calm", "kfor"
    )
    assert_not_answered(knowledge, "kfor kosovo pizza")


def test_chat_about_slides_and_fact_checks_is_not_part_of_the_question(
    knowledge: Knowledge,
) -> None:
    question = (
        "quick fact check for a slide: where was the Dayton Agreement signed? I have a feeling"
    )
    assert_answers(knowledge, question, "dayton-agreement")


@pytest.mark.parametrize(
    "question",
    [
        "forget rimpac, what's the best time of year to visit hawaii?",
        "enough about balikatan, what's the weather in manila this week?",
        "we aren't talking about the sea breeze exercise, how do I make a sea breeze drink?",
        "the flintlock exercise is in africa, but how did flintlock rifles work?",
    ],
)
def test_a_name_set_aside_before_the_real_question_is_not_the_answer(
    knowledge: Knowledge, question: str
) -> None:
    assert_not_answered(knowledge, question)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "vostok is in the east, but what's the russian exercise in the west with belarus?",
            "zapad",
        ),
        ("I know NATO has 32 members, but when did Finland join?", "nato"),
        ("sorry if this was asked before, but when was ASEAN founded?", "asean"),
    ],
)
def test_the_real_question_after_a_topic_set_aside_decides(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


@pytest.mark.parametrize(
    ("question", "first", "then"),
    [
        ("what replaced isaf in 2015", "resolute-support", "isaf"),
        ("which eu force took over from sfor", "eufor-althea", "ifor-sfor"),
    ],
)
def test_what_came_after_a_named_entry_offers_the_entry_its_text_names_as_such(
    knowledge: Knowledge, question: str, first: str, then: str
) -> None:
    assert_suggests(knowledge, question, [first, then])


def test_succession_within_one_entry_keeps_its_answer(knowledge: Knowledge) -> None:
    assert_answers(knowledge, "when did atmis replace amisom", "amisom-atmis")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("which nato mission followed isaf", "resolute-support"),
        ("who took over peacekeeping in bosnia from sfor", "eufor-althea"),
    ],
)
def test_more_ways_of_asking_what_came_after(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    reply = ask(knowledge, question)
    assert isinstance(reply, SuggestReply) and reply.entries[0].id == entry


def test_a_topic_named_by_its_subject_is_the_topic(knowledge: Knowledge) -> None:
    assert_answers(
        knowledge, "while we're on the subject of AUKUS, who builds the submarines?", "aukus"
    )
    reply = ask(knowledge, "we know about the five eyes alliance, but what are the five senses?")
    assert not isinstance(reply, EntryReply)


def test_a_place_the_text_lacks_may_stand_beside_two_it_holds(knowledge: Knowledge) -> None:
    question = (
        "why did poland need permission from berlin before it sent german-built tanks to ukraine"
    )
    assert_answers(knowledge, question, "export-controls")
    assert not isinstance(
        ask(knowledge, "how many aircraft carriers does china operate"), EntryReply
    )


def test_a_document_named_after_a_place_the_entry_lacks_is_not_that_entry(
    knowledge: Knowledge,
) -> None:
    reply = ask(knowledge, "why did france and germany and italy sign the rome treaty")
    assert not isinstance(reply, EntryReply)


@pytest.mark.parametrize(
    "question", ["does aukus have a mutual defence clause", "schengen area countries"]
)
def test_a_name_missing_the_organisation_that_tells_it_apart_is_not_present(
    knowledge: Knowledge, question: str
) -> None:
    # "EU mutual defence clause", "military Schengen": without the qualifier, another thing
    assert_not_answered(knowledge, question)
    assert isinstance(ask(knowledge, "the eu mutual defence clause"), EntryReply)


@pytest.mark.parametrize(
    ("question", "first", "then"),
    [
        ("What is Australia's air combat exercise similar to Red Flag?", "pitch-black", "red-flag"),
        (
            "Which US exercise in the Philippines is the counterpart of Talisman Sabre in"
            " Australia?",
            "balikatan",
            "talisman-sabre",
        ),
    ],
)
def test_what_a_named_entry_is_compared_with_is_offered_first(
    knowledge: Knowledge, question: str, first: str, then: str
) -> None:
    assert_suggests(knowledge, question, [first, then])


@pytest.mark.parametrize(
    "question",
    [
        "random question, nothing to do with ASEAN, what's the time difference between Jakarta"
        " and London right now?",
        "I was reading about AUKUS on the train this morning and missed my stop lol, anyone know"
        " if the Jubilee line is running?",
    ],
)
def test_a_name_in_a_remark_before_an_unrelated_question_is_not_the_answer(
    knowledge: Knowledge, question: str
) -> None:
    assert_not_answered(knowledge, question)


def test_a_closing_question_that_names_the_entry_again_keeps_it(knowledge: Knowledge) -> None:
    assert_answers(
        knowledge,
        "now that all five Nordics are in NATO, is NORDEFCO kind of pointless?",
        "nordefco",
    )


def test_an_everyday_name_written_in_another_form_is_not_answered(knowledge: Knowledge) -> None:
    assert not isinstance(
        ask(knowledge, "What are the biggest red flags on a first date?"), EntryReply
    )
    reply = ask(knowledge, "sea breez ukraine navy")  # a slip of the name, not another form
    assert isinstance(reply, EntryReply) and reply.entry.id == "sea-breeze"


@pytest.mark.parametrize(
    "question", ["good morning", "have a good weekend", "the weather tomorrow"]
)
def test_greetings_and_times_of_day_find_nothing(knowledge: Knowledge, question: str) -> None:
    assert isinstance(ask(knowledge, question), NotFoundReply) or not isinstance(
        ask(knowledge, question), EntryReply | SuggestReply
    )


def test_chat_about_deadlines_around_a_name_does_not_block_its_answer(knowledge: Knowledge) -> None:
    question = (
        "morning all, my boss wants a one-pager on the Shanghai Cooperation Organisation by noon"
    )
    assert_answers(knowledge, question, "sco")


def test_a_named_entry_of_another_kind_is_not_answered_when_one_of_the_asked_kind_is_related(
    knowledge: Knowledge,
) -> None:
    reply = ask(knowledge, "Which organisation runs ATMIS?")  # ATMIS is the AU's mission
    assert not isinstance(reply, EntryReply) or reply.entry.id == "african-union"


def test_a_question_its_asker_calls_off_topic_is_not_answered(knowledge: Knowledge) -> None:
    assert_not_answered(
        knowledge, "off topic: after that Talisman Sabre piece, is the Great Barrier Reef worth it?"
    )


def test_what_came_after_an_entry_found_by_its_text_is_offered_first(knowledge: Knowledge) -> None:
    question = (
        "which EU troops took over from NATO in postwar Bosnia in 2004, are they still there?"
    )
    assert_suggests(knowledge, question, ["eufor-althea"])


def test_a_difference_between_two_things_no_entry_names_is_not_answered_from_text(
    knowledge: Knowledge,
) -> None:
    assert_not_answered(knowledge, "difference between a drill and a war game?")
    assert_answers(knowledge, "atmis vs aussom whats the difference", "amisom-atmis")


def test_a_thing_asked_for_outright_that_an_entry_only_has_as_a_tag_is_not_answered_with_it(
    knowledge: Knowledge,
) -> None:
    # The Rio Treaty is tagged with the Cuban Missile Crisis; the crisis is not the treaty
    assert_not_answered(knowledge, "What was the Cuban Missile Crisis?")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "not asking about ISAF - I want the mission after it that trained the Afghan army,"
            " what was that?",
            "resolute-support",
        ),
        ("which countries host African Lion besides Morocco?", "african-lion"),
    ],
)
def test_more_ways_of_setting_a_topic_aside(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


def test_an_entry_kept_separate_from_what_is_asked_is_not_the_answer(knowledge: Knowledge) -> None:
    assert_not_answered(
        knowledge, "What is the EU's own Red Sea operation, separate from Prosperity Guardian?"
    )


def test_a_named_entry_of_another_kind_than_described_gives_way_to_one_that_fits(
    knowledge: Knowledge,
) -> None:
    # IFOR is an operation; "which peace agreement" describes a treaty its text explains too
    assert_answers(knowledge, "Which peace agreement did IFOR implement?", "dayton-agreement")
    assert_answers(
        knowledge, "what does article 4 of the north atlantic treaty say", "north-atlantic-treaty"
    )


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "saw this <https://example.org/news/korea|article> about the US-ROK Mutual Defense"
            " Treaty, what does Article IV let the US do?",
            "us-rok-mutual-defense-treaty",
        ),
        (
            "is the Dayton Agreement the reason Bosnia's political system is so convoluted?",
            "dayton-agreement",
        ),
        ("is the Five Eyes alliance bigger than NATO", "five-eyes"),  # named first: the subject
        (
            "does the Joint Expeditionary Force need a green light from nato before it can deploy?",
            "jef",
        ),
    ],
)
def test_a_name_written_out_whole_is_answered_beside_other_talk(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    assert_answers(knowledge, question, entry)


@pytest.mark.parametrize(
    "question",
    [
        "what is the deterrence theory of criminal punishment in criminology",  # not adjacent
        "does BRICS have any military or mutual defence role?",  # a short question, a word we lack
        "what did the budapest memorandum promise ukraine",  # a document named after a place
        "What did the JCPOA Iran nuclear deal require Iran to do with its centrifuges?",
    ],
)
def test_a_name_or_text_beside_a_thing_we_lack_is_not_answered(
    knowledge: Knowledge, question: str
) -> None:
    assert_not_answered(knowledge, question)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "lunch was great btw. random one from my kid's homework: what does the"
            " Non-Proliferation Treaty actually require countries to do?",
            "npt",
        ),
        (
            "Happy Friday! Before I log off: what happened to Operation Sophia, was it replaced"
            " by something?",
            "eunavfor-med",
        ),
        (
            "Hi team, the ambassador wants a one-pager on Keen Sword ahead of the Tokyo visit."
            " How big was the last one?",
            "keen-sword",
        ),
    ],
)
def test_the_question_among_chat_decides(knowledge: Knowledge, question: str, entry: str) -> None:
    assert_answers(knowledge, question, entry)


def test_a_title_with_a_colon_is_not_split_into_questions(knowledge: Knowledge) -> None:
    assert_not_answered(knowledge, "is flintlock: the siege of dawn worth buying on ps5")


def test_several_places_do_not_name_a_thing_by_one_of_them(knowledge: Knowledge) -> None:
    reply = ask(knowledge, "how does the washington-tokyo security relationship work day to day?")
    assert not (isinstance(reply, EntryReply) and reply.entry.id == "north-atlantic-treaty"), reply
    assert_answers(knowledge, "how does the washington-tokyo alliance work", "us-japan-alliance")


def test_pronouns_do_not_tie_a_question_to_a_text(knowledge: Knowledge) -> None:
    reply = ask(knowledge, "why some countries don't want foreign troops based on their soil")
    assert not (isinstance(reply, EntryReply) and reply.entry.id == "aachen-treaty"), reply


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "I keep seeing the Zapad exercise in the news about Belarus and it made me want to"
            " visit Minsk. Do I need a visa to visit Belarus as an EU citizen?",
            None,
        ),
        (
            "My colleague from Tokyo was telling me about the US-Japan alliance and the bases on"
            " Okinawa. What's the big biennial field exercise that Japan and the US run together?",
            "keen-sword",
        ),
        (
            "Bucharest Nine vs reality: does that group actually change anything at nato summits?",
            "bucharest-nine",
        ),
    ],
)
def test_a_name_in_a_remark_before_the_question_is_not_its_answer_unless_pointed_back_at(
    knowledge: Knowledge, question: str, entry: str | None
) -> None:
    if entry is None:
        assert_not_answered(knowledge, question)
    else:
        assert_answers(knowledge, question, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "IFOR was deployed to enforce which peace agreement, and who signed it?",
            "dayton-agreement",
        ),
        (
            "The Malabar navies belong to which four-country grouping, and when was it revived?",
            "quad",
        ),
    ],
)
def test_which_asks_for_a_kind_the_named_entry_is_not(
    knowledge: Knowledge, question: str, entry: str
) -> None:
    reply = ask(knowledge, question)
    assert (isinstance(reply, EntryReply) and reply.entry.id == entry) or (
        isinstance(reply, SuggestReply) and reply.entries[0].id == entry
    ), reply
