"""Dependencies point one way: the pure core imports no Slack, database, environment or clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
CORE = [
    "schema",
    "loader",
    "query",
    "slips",
    "search",
    "index",
    "followups",
    "answer",
    "blocks",
    "plaintext",
    "facts",
    "errors",
]
FORBIDDEN = (
    "slack_bolt",
    "slack_sdk",
    "sqlalchemy",
    "bot.slack",
    "bot.storage",
    "bot.config",
    "bot.service",
    "bot.cli",
    "os",
    "time",
    "random",
    "datetime.datetime",
)


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("module", [m for m in CORE if (BOT / f"{m}.py").exists()])
def test_core_module_imports_nothing_from_the_edges(module: str) -> None:
    bad = {
        name
        for name in imports_of(BOT / f"{module}.py")
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    }
    assert bad == set()


def test_only_the_slack_package_imports_slack_libraries() -> None:
    offenders = [
        str(path.relative_to(BOT))
        for path in BOT.rglob("*.py")
        if "slack" not in path.relative_to(BOT).parts[:1]
        and any(n.startswith(("slack_bolt", "slack_sdk")) for n in imports_of(path))
    ]
    assert offenders == []
