"""Shared fixtures: the real knowledge base, a Slack stand-in, the served app, the databases."""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.answer import Knowledge
from bot.config import DEFAULT_KNOWLEDGE
from bot.service import Service, load
from tests.helpers import make_settings, serve_app
from tests.slack_standin import SlackStandIn

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@functools.cache
def load_real_knowledge() -> Knowledge:
    """The real knowledge base, loaded once per test run."""
    return load(DEFAULT_KNOWLEDGE)


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load_real_knowledge()


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("SLACK_", "DAILY_FACT_")) or name in (
            "DATABASE_URL",
            "KNOWLEDGE_DIR",
            "PORT",
            "ADMIN_USER_IDS",
            "SLASH_COMMAND",
        ):
            monkeypatch.delenv(name)


@pytest.fixture
def slack() -> Iterator[SlackStandIn]:
    with SlackStandIn() as standin:
        yield standin


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'state.sqlite3'}"


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The PostgreSQL server; unreachable means skip locally, fail under CI=true."""
    try:
        engine = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://"))
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL at {POSTGRES_URL} is unreachable under CI=true: {exc}")
        pytest.skip(f"PostgreSQL unreachable: {exc}")
    return POSTGRES_URL


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh schema per test, so runs never see each other's rows."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(postgres_server.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield f"{postgres_server}?options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Run a test against SQLite and against PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def served(slack: SlackStandIn, sqlite_url: str) -> Iterator[tuple[str, Service]]:
    with serve_app(make_settings(slack.api_url, sqlite_url)) as running:
        yield running


@pytest.fixture
def base_url(served: tuple[str, Service]) -> str:
    return served[0]
