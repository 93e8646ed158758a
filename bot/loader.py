"""Loads `knowledge/*.yaml` into a KnowledgeBase, reporting every problem with file and line."""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bot.errors import KnowledgeError, KnowledgeIssue
from bot.evaluate import Question
from bot.query import normalise
from bot.schema import REQUIRED_FACTS, Entry, KnowledgeBase

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster

MIN_DAILY_FACTS = 2
MIN_RELATED = 2
COUNTED = ("Members", "Parties", "Participants")  # figures that change: they must say when
_COUNT = re.compile(r"\D{0,12}(\d+)")
_DATED = re.compile(
    r"\b(?:as of|since|at (?:its )?(?:founding|end|signature)|originally|over its history|"
    r"before|by the time)\b|\b(?:19|20)\d\d\b"
)


class _Source:
    """One YAML file: its data, read fast by libyaml, and its node tree, composed only when a
    problem needs a line number."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self._root: yaml.Node | None = None

    def entry_node(self, index: int) -> yaml.Node | None:
        if self._root is None:
            loader = _Loader(self.text)
            try:
                self._root = loader.get_single_node()
            finally:
                loader.dispose()
        entries = _child(self._root, "entries") if self._root is not None else None
        return _child(entries, index) if entries is not None else None

    def line(self, index: int | None, loc: tuple[str | int, ...] = ()) -> int:
        if index is None:
            return _line_of(self.entry_node(0), ()) if self.text else 1
        node = self.entry_node(index)
        return _line_of(node, loc) if node is not None else 1

    def top_line(self, key: str) -> int:
        for number, line in enumerate(self.text.splitlines(), start=1):
            if line.startswith(f"{key}:"):
                return number
        return 1


@dataclass
class _Located:
    """A valid entry with where it came from, so later checks can name a line."""

    entry: Entry
    source: _Source
    index: int

    @property
    def file(self) -> str:
        return self.source.name

    def issue(self, field: str, message: str, *path: str | int) -> KnowledgeIssue:
        line = self.source.line(self.index, (field, *path) if field else ())
        return KnowledgeIssue(self.file, line, self.entry.id, field, message)


def load_knowledge(directory: Path, *, cache: Path | None = None) -> KnowledgeBase:
    """Load and validate every YAML file under `directory`; KnowledgeError lists all issues.

    With `cache`, parsed files are kept there as JSON, keyed by their content."""
    issues: list[KnowledgeIssue] = []
    located: list[_Located] = []
    declared: set[str] = set()  # ids of every entry, valid or not: no cascade of "unknown id"
    if not directory.is_dir():
        raise KnowledgeError([KnowledgeIssue(str(directory), 0, "", "", "no such directory")])
    files = sorted([*directory.rglob("*.yaml"), *directory.rglob("*.yml")])
    if not files:
        raise KnowledgeError([KnowledgeIssue(str(directory), 0, "", "", "no .yaml files found")])
    for path in files:
        name = _display_name(path, directory)
        located.extend(_read_entries(path, name, issues, declared, cache))
    unreadable = any(
        issue.line == 0 or issue.message.startswith("invalid YAML") for issue in issues
    )
    # With a file unreadable, every link into it would be reported as unknown: skip those.
    issues.extend(_check_across(located, declared, check_links=not unreadable))
    if issues:
        raise KnowledgeError(issues)
    return KnowledgeBase([item.entry for item in located])


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))
_MERGE = "tag:yaml.org,2002:merge"


def _load_yaml(text: str) -> Any:
    """YAML → data, as `yaml.safe_load` gives it, but quicker: libyaml composes the nodes,
    and strings, lists and mappings are built here directly; PyYAML's own constructor (three
    Python calls per node) builds only the rest (numbers, dates, booleans, merge keys)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _build(node, loader, {})
        except TypeError:  # an unhashable key: let PyYAML say so, as a YAMLError
            return loader.construct_document(node)
    finally:
        loader.dispose()


def _build(node: yaml.Node, loader: Any, built: dict[int, Any]) -> Any:
    tag = node.tag
    if tag == _STR:
        return node.value
    if id(node) in built:  # an alias: the same object, as PyYAML gives it
        return built[id(node)]
    if tag == _SEQ:
        items: list[Any] = []
        built[id(node)] = items
        items.extend(_build(child, loader, built) for child in node.value)
        return items
    if tag == _MAP and not any(key.tag == _MERGE for key, _ in node.value):
        mapping: dict[Any, Any] = {}
        built[id(node)] = mapping
        for key, value in node.value:
            mapping[_build(key, loader, built)] = _build(value, loader, built)
        return mapping
    return loader.construct_object(node, deep=True)


def _parse(text: str, cache: Path | None) -> Any:
    """YAML → data. PyYAML builds Python objects slowly (seconds for 10,000 aliases), so the
    result may be kept as JSON in `cache`, keyed by the file's content: an unchanged file loads
    from there; any edit is parsed afresh. The cache is optional: errors skip it."""
    if cache is None:
        return _load_yaml(text)
    path = cache / f"{hashlib.sha256(text.encode()).hexdigest()}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = _load_yaml(text)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", dir=cache, suffix=".tmp", delete=False, encoding="utf-8"
        ) as partial:
            partial.write(json.dumps(data, default=str))  # one write, not thousands
        Path(partial.name).replace(path)  # atomic: readers see a whole file or none
    except (OSError, TypeError, ValueError):
        pass
    return data


def _display_name(path: Path, directory: Path) -> str:
    try:
        return str(path.relative_to(directory.parent))
    except ValueError:
        return str(path)


def _read_entries(
    path: Path, name: str, issues: list[KnowledgeIssue], declared: set[str], cache: Path | None
) -> Iterator[_Located]:
    try:
        text = path.read_text(encoding="utf-8")
        data = _parse(text, cache)
    except (OSError, UnicodeDecodeError) as exc:
        issues.append(KnowledgeIssue(name, 0, "", "", f"cannot read: {exc}"))
        return
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(exc, "problem", None) or str(exc)
        issues.append(KnowledgeIssue(name, line, "", "", f"invalid YAML: {problem}"))
        return
    if data is None:
        return  # an empty file holds no entries
    source = _Source(name, text)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        line = source.top_line("entries")
        issues.append(KnowledgeIssue(name, line, "", "entries", "expected `entries:` with a list"))
        return
    for key in data:
        if key != "entries":
            issues.append(
                KnowledgeIssue(
                    name,
                    source.top_line(str(key)),
                    "",
                    str(key),
                    "unknown top-level key (only `entries` is allowed)",
                )
            )
    for index, item in enumerate(data["entries"]):
        yield from _validate_entry(item, source, index, issues, declared)


def _validate_entry(
    data: Any, source: _Source, index: int, issues: list[KnowledgeIssue], declared: set[str]
) -> Iterator[_Located]:
    if not isinstance(data, dict):
        line = source.line(index)
        issues.append(
            KnowledgeIssue(source.name, line, f"#{index + 1}", "", "an entry must be a mapping")
        )
        return
    label = str(data.get("id") or f"#{index + 1}")
    declared.add(label)
    try:
        entry = Entry.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            field = ".".join(str(part) for part in loc)
            message = error["msg"].removeprefix("Value error, ")
            issues.append(
                KnowledgeIssue(source.name, source.line(index, loc), label, field, message)
            )
        return
    yield _Located(entry, source, index)


def _child(node: yaml.Node | None, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if str(key_node.value) == str(key):
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def _line_of(node: yaml.Node | None, loc: tuple[str | int, ...]) -> int:
    """The line of the deepest node along `loc` that exists (the entry itself at worst)."""
    if node is None:
        return 1
    for part in loc:
        child = _child(node, part)
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


def _check_across(
    items: list[_Located], declared: set[str], *, check_links: bool
) -> Iterator[KnowledgeIssue]:
    """Checks that need all entries: unique ids and aliases, related ids, per-kind content."""
    by_id: dict[str, _Located] = {}
    for item in items:
        if item.entry.id in by_id:
            first = by_id[item.entry.id]
            yield item.issue("id", f"duplicate id (first defined in {first.file})")
        else:
            by_id[item.entry.id] = item
    yield from _check_names(items)
    for item in items:
        yield from _check_entry(item, by_id, declared if check_links else None)


def _check_names(items: list[_Located]) -> Iterator[KnowledgeIssue]:
    owner: dict[str, str] = {}
    for item in items:
        names = [("name", -1, item.entry.name)] + [
            ("aliases", i, alias) for i, alias in enumerate(item.entry.aliases)
        ]
        for field, index, value in names:
            key = normalise(value)
            path = (index,) if index >= 0 else ()
            if not key:
                yield item.issue(field, f"{value!r} has no letters or digits", *path)
            elif owner.setdefault(key, item.entry.id) != item.entry.id:
                yield item.issue(
                    field, f"{value!r} is already a name or alias of {owner[key]!r}", *path
                )


def _check_entry(
    item: _Located, by_id: dict[str, _Located], declared: set[str] | None
) -> Iterator[KnowledgeIssue]:
    entry = item.entry
    missing = [label for label in REQUIRED_FACTS[entry.kind] if label not in entry.facts]
    if missing:
        yield item.issue("facts", f"a {entry.kind.value} needs the facts: {', '.join(missing)}")
    for label in COUNTED:
        value = entry.facts.get(label, "")
        count = _COUNT.match(value)
        if count and int(count.group(1)) > 2 and not _DATED.search(value):
            yield item.issue(
                "facts", f"{label!r} gives a count without saying when (add 'as of YEAR')", label
            )
    if len(entry.daily_facts) < MIN_DAILY_FACTS:
        yield item.issue("daily_facts", f"needs at least {MIN_DAILY_FACTS} daily facts")
    seen_facts: set[str] = set()
    for index, fact in enumerate(entry.daily_facts):
        if fact.id in seen_facts:
            yield item.issue("daily_facts", f"duplicate daily fact id {fact.id!r}", index, "id")
        seen_facts.add(fact.id)
    names = {normalise(text) for text in (entry.name, *entry.aliases)}
    for index, text in enumerate(entry.everyday):
        if normalise(text) not in names:
            yield item.issue("everyday", f"{text!r} is not a name or alias of this entry", index)
    if len(set(entry.related)) < MIN_RELATED:
        yield item.issue("related", f"needs at least {MIN_RELATED} related entries")
    if declared is None:
        return
    for index, other in enumerate(entry.related):
        if other == entry.id:
            yield item.issue("related", "an entry cannot be related to itself", index)
        elif other not in declared:
            yield item.issue("related", f"unknown entry id {other!r}", index)
        elif other in by_id and entry.id not in by_id[other].entry.related:
            yield item.issue("related", f"{other!r} does not list {entry.id!r} back", index)


def load_questions(path: Path) -> list[Question]:
    """The labelled evaluation questions: one YAML file, or every file of a folder
    (`tests/eval/`); each question remembers the file it came from."""
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    questions = []
    for file in files:
        rows = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader) or []
        questions += [
            Question(str(r["q"]), r.get("expect"), str(r.get("type", "")), file.stem) for r in rows
        ]
    return questions
