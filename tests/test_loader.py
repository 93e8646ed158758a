"""Loading the knowledge base: valid files load; every problem is named with file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from bot.config import DEFAULT_KNOWLEDGE
from bot.errors import KnowledgeError
from bot.loader import _load_yaml, load_knowledge

GOOD = """\
entries:
  - id: alpha-pact
    kind: alliance
    name: Alpha Pact
    aliases: [AP, The Alpha Alliance]
    summary: A test alliance.
    facts:
      Founded: 1949
      Members: 2 (as of 2026)
      Headquarters: Nowhere
    related: [beta-treaty, gamma]
    sources:
      - title: Example
        url: https://example.org/alpha
    reviewed: 2026-11-24
    daily_facts:
      - {id: one, text: The Alpha Pact is a test.}
      - {id: two, text: The Alpha Pact has two members.}
  - id: beta-treaty
    kind: treaty
    name: Beta Treaty
    summary: A test treaty.
    facts: {Signed: 1950, In force: 1951, Parties: "2", Key provisions: Mutual help}
    related: [alpha-pact, gamma]
    sources: [{title: Text, url: "https://example.org/beta"}]
    reviewed: 2026-11-24
    daily_facts:
      - {id: one, text: The Beta Treaty is a test.}
      - {id: two, text: The Beta Treaty was signed in 1950.}
  - id: gamma
    kind: concept
    name: Gamma Doctrine
    summary: A test concept.
    facts: {Why it matters: Tests, Examples: This one}
    related: [alpha-pact, beta-treaty]
    sources: [{title: Text, url: "https://example.org/gamma"}]
    reviewed: 2026-11-24
    daily_facts:
      - {id: one, text: Gamma is a test.}
      - {id: two, text: Gamma is the third entry.}
"""


def write(tmp_path: Path, text: str, name: str = "test.yaml") -> Path:
    folder = tmp_path / "knowledge"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(folder)
    return [str(issue) for issue in caught.value.issues]


def test_valid_file_loads_every_entry(tmp_path: Path) -> None:
    kb = load_knowledge(write(tmp_path, GOOD))
    assert [e.id for e in kb.entries] == ["alpha-pact", "beta-treaty", "gamma"]
    assert kb.by_id["alpha-pact"].facts["Founded"] == "1949"


def test_unknown_field_is_named_with_file_line_and_entry(tmp_path: Path) -> None:
    broken = GOOD.replace(
        "    summary: A test alliance.\n", "    summary: A test alliance.\n    colour: blue\n"
    )
    assert problems(write(tmp_path, broken)) == [
        "knowledge/test.yaml:7: entry 'alpha-pact', field 'colour': Extra inputs are not permitted"
    ]


def test_every_problem_is_reported_together(tmp_path: Path) -> None:
    broken = (
        GOOD.replace("url: https://example.org/alpha", "url: not a url")
        .replace("related: [alpha-pact, gamma]", "related: [alpha-pact, nowhere]")
        .replace(
            "    facts: {Why it matters: Tests, Examples: This one}",
            "    facts: {Why it matters: Tests}",
        )
    )
    found = problems(write(tmp_path, broken))
    assert len(found) == 4, found
    assert any("test.yaml:14: entry 'alpha-pact', field 'sources.0.url'" in p for p in found)
    assert any(
        "entry 'beta-treaty', field 'related': unknown entry id 'nowhere'" in p for p in found
    )
    assert any(
        "entry 'gamma', field 'facts': a concept needs the facts: Examples" in p for p in found
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("id: gamma", "id: alpha-pact"), "field 'id': duplicate id"),
        (
            ("name: Gamma Doctrine", "name: The Alpha Alliance"),
            "field 'name': 'The Alpha Alliance' is already a name or alias of 'alpha-pact'",
        ),
        (
            ("aliases: [AP, The Alpha Alliance]", "aliases: [AP, Beta-Treaty]"),
            "entry 'beta-treaty', field 'name': 'Beta Treaty' is already a name or alias of "
            "'alpha-pact'",
        ),
        (
            ('    sources: [{title: Text, url: "https://example.org/gamma"}]\n', ""),
            "entry 'gamma', field 'sources': Field required",
        ),
        (
            ("related: [alpha-pact, beta-treaty]", "related: [alpha-pact]"),
            "field 'related': needs at least 2 related entries",
        ),
        (
            ("      - {id: two, text: Gamma is the third entry.}\n", ""),
            "field 'daily_facts': needs at least 2 daily facts",
        ),
        (("kind: concept", "kind: doctrine"), "field 'kind': Input should be 'alliance'"),
        (
            (
                "related: [beta-treaty, gamma]",
                "everyday: [AP, Alpha Beta]\n    related: [beta-treaty, gamma]",
            ),
            "entry 'alpha-pact', field 'everyday': 'Alpha Beta' is not a name or alias",
        ),
        (
            ("Members: 2 (as of 2026)", "Members: 12"),
            "field 'facts': 'Members' gives a count without saying when",
        ),
        (
            (
                "reviewed: 2026-11-24\n    daily_facts:\n      - {id: one, text: Gamma",
                "reviewed: someday\n    daily_facts:\n      - {id: one, text: Gamma",
            ),
            "field 'reviewed'",
        ),
    ],
)
def test_cross_entry_and_field_problems_name_entry_and_field(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    old, new = change
    assert old in GOOD
    found = problems(write(tmp_path, GOOD.replace(old, new, 1)))
    assert any(expected in p for p in found), found
    assert all(p.startswith("knowledge/test.yaml:") for p in found)


def test_missing_back_link_is_reported_on_the_linking_entry(tmp_path: Path) -> None:
    one_way = GOOD.replace(
        "related: [alpha-pact, beta-treaty]", "related: [alpha-pact, alpha-pact]"
    )
    found = problems(write(tmp_path, one_way))
    assert found == [
        "knowledge/test.yaml:24: entry 'beta-treaty', field 'related': "
        "'gamma' does not list 'beta-treaty' back",
        "knowledge/test.yaml:35: entry 'gamma', field 'related': needs at least 2 related entries",
    ]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    found = problems(
        write(tmp_path, GOOD.replace("    summary: A test treaty.", "    summary: [unclosed"))
    )
    assert len(found) == 1
    assert found[0].startswith("knowledge/test.yaml:")
    assert "invalid YAML" in found[0]


def test_problems_in_several_files_are_all_reported(tmp_path: Path) -> None:
    folder = write(tmp_path, GOOD)
    write(tmp_path, "entries: {not: a list}\n", "other.yaml")
    write(tmp_path, "- just a list\n", "third.yaml")
    found = problems(folder)
    assert [p.split(":")[0] for p in found] == ["knowledge/other.yaml", "knowledge/third.yaml"]


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "knowledge").mkdir()
    assert problems(tmp_path / "knowledge")[0].endswith("no .yaml files found")


@pytest.mark.parametrize(
    "text",
    [
        GOOD,
        "a: &x [1, 2]\nb: *x\n",
        "<<: {a: 1}\nb: 2\n",
        "a: 2026-11-24\nb: yes\nc: ~\nd: 1.5\ne: '1'\nf: >-\n  folded\n  text\n",
        "",
        "just a string",
        *[path.read_text(encoding="utf-8") for path in sorted(DEFAULT_KNOWLEDGE.glob("*.yaml"))],
    ],
)
def test_the_quick_yaml_reader_gives_what_pyyaml_gives(text: str) -> None:
    assert _load_yaml(text) == yaml.safe_load(text)


def test_the_quick_yaml_reader_reports_bad_yaml_as_pyyaml_does() -> None:
    with pytest.raises(yaml.YAMLError):
        _load_yaml("{[1]: 2}")
    with pytest.raises(yaml.YAMLError):
        _load_yaml("a: [1, 2\n")
