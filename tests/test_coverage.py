"""Every topic the knowledge base must cover is found by the name people commonly use for it."""

from __future__ import annotations

import re

import pytest

from bot.answer import EntryReply, Knowledge, answer
from bot.schema import Kind

REQUIRED = [
    # alliances and organisations
    ("NATO", "nato"),
    ("CSDP", "eu-defence"),
    ("PESCO", "eu-defence"),
    ("UN peacekeeping", "un-peacekeeping"),
    ("ASEAN", "asean"),
    ("ADMM-Plus", "admm-plus"),
    ("African Union", "african-union"),
    ("African Standby Force", "african-union"),
    ("Shanghai Cooperation Organisation", "sco"),
    ("CSTO", "csto"),
    ("Five Eyes", "five-eyes"),
    ("AUKUS", "aukus"),
    ("the Quad", "quad"),
    ("ANZUS", "anzus"),
    ("Five Power Defence Arrangements", "fpda"),
    ("Joint Expeditionary Force", "jef"),
    ("Gulf Cooperation Council", "gcc"),
    ("Peninsula Shield Force", "gcc"),
    ("ECOWAS", "ecowas"),
    ("US-Japan alliance", "us-japan-alliance"),
    ("US-South Korea alliance", "us-rok-alliance"),
    # treaties and agreements
    ("North Atlantic Treaty", "north-atlantic-treaty"),
    ("Article 5", "article-5"),
    ("US-Japan Treaty of Mutual Cooperation and Security", "us-japan-security-treaty"),
    ("ANZUS Treaty", "anzus-treaty"),
    ("US-ROK Mutual Defense Treaty", "us-rok-mutual-defense-treaty"),
    ("Rio Treaty", "rio-treaty"),
    ("Inter-American Treaty of Reciprocal Assistance", "rio-treaty"),
    ("Dayton Agreement", "dayton-agreement"),
    ("Article 42(7)", "lisbon-article-42-7"),
    ("Treaty on Conventional Armed Forces in Europe", "cfe-treaty"),
    ("Arms Trade Treaty", "arms-trade-treaty"),
    ("NATO SOFA", "nato-sofa"),
    ("Lancaster House Treaties", "lancaster-house-treaties"),
    # exercises
    ("RIMPAC", "rimpac"),
    ("BALTOPS", "baltops"),
    ("Cobra Gold", "cobra-gold"),
    ("Malabar", "malabar"),
    ("Talisman Sabre", "talisman-sabre"),
    ("Steadfast Defender", "steadfast-defender"),
    ("Trident Juncture", "trident-juncture"),
    ("Cold Response", "cold-response"),
    ("Pitch Black", "pitch-black"),
    ("Red Flag", "red-flag"),
    ("Balikatan", "balikatan"),
    ("Freedom Shield", "freedom-shield"),
    ("African Lion", "african-lion"),
    ("Flintlock", "flintlock"),
    ("Sea Breeze", "sea-breeze"),
    ("Defender Europe", "defender-europe"),
    # operations
    ("IFOR", "ifor-sfor"),
    ("SFOR", "ifor-sfor"),
    ("Operation Deliberate Force", "operation-deliberate-force"),
    ("Operation Allied Force", "operation-allied-force"),
    ("KFOR", "kfor"),
    ("ISAF", "isaf"),
    ("Resolute Support", "resolute-support"),
    ("Operation Unified Protector", "operation-unified-protector"),
    ("AMISOM", "amisom-atmis"),
    ("ATMIS", "amisom-atmis"),
    ("Operation Atalanta", "operation-atalanta"),
    ("EU NAVFOR Somalia", "operation-atalanta"),
    ("Operation Ocean Shield", "operation-ocean-shield"),
    # challenges
    ("burden sharing", "burden-sharing"),
    ("2% of GDP", "burden-sharing"),
    ("political disagreements", "political-disagreements"),
    ("over-dependence on allies", "dependence-on-allies"),
    ("interoperability gaps", "interoperability-gaps"),
    ("public opinion", "public-opinion"),
    ("barriers to intelligence sharing", "intelligence-sharing-barriers"),
    ("export controls", "export-controls"),
    ("technology transfer", "export-controls"),
    ("consensus decision-making", "consensus-decision-making"),
    # concepts
    ("collective defence", "collective-defence"),
    ("deterrence", "deterrence"),
    ("interoperability", "interoperability"),
    ("intelligence sharing", "intelligence-sharing"),
    ("pooling and sharing", "pooling-and-sharing"),
    ("joint training", "joint-training"),
    ("security enhancement", "security-enhancement"),
    ("technological integration", "technological-integration"),
    ("NATO Response Force", "crisis-response-mechanisms"),
    ("EU Battlegroups", "crisis-response-mechanisms"),
    ("regional security partnerships", "regional-security-partnerships"),
]


@pytest.mark.parametrize(("name", "entry_id"), REQUIRED, ids=[n for n, _ in REQUIRED])
def test_required_topic_is_presented_by_its_common_name(
    knowledge: Knowledge, name: str, entry_id: str
) -> None:
    for question in (name, f"what is {name}?"):
        reply = answer(knowledge, question)
        assert isinstance(reply, EntryReply), (question, reply)
        assert reply.entry.id == entry_id, question


def test_knowledge_base_has_the_required_breadth(knowledge: Knowledge) -> None:
    counts = knowledge.kb.counts()
    assert counts["entries"] >= 100
    assert counts["daily_facts"] >= 250
    assert all(counts[kind.value] >= 8 for kind in Kind)


def test_every_entry_relates_to_at_least_two_others_both_ways(knowledge: Knowledge) -> None:
    by_id = knowledge.kb.by_id
    for entry in knowledge.kb.entries:
        assert len(set(entry.related)) >= 2, entry.id
        assert all(entry.id in by_id[other].related for other in entry.related), entry.id


DATED = re.compile(
    r"\b(?:as of|since|at (?:its )?(?:founding|end|signature)|originally|over its "
    r"history|before|by the time)\b|\b(?:19|20)\d\d\b"
)


def test_counts_of_members_parties_and_participants_say_when(knowledge: Knowledge) -> None:
    undated = []
    for entry in knowledge.kb.entries:
        for label in ("Members", "Parties", "Participants"):
            value = entry.facts.get(label, "")
            count = re.match(r"\D{0,12}(\d+)", value)
            if count and int(count.group(1)) > 2 and not DATED.search(value):
                undated.append((entry.id, value))
    assert undated == []
