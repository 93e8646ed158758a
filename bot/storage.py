"""The bot's state in a real database through SQLAlchemy: events seen, daily posts, feedback."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError

SCHEMA_VERSION = 1
EVENT_MEMORY = dt.timedelta(days=1)  # how long event ids are kept for de-duplication
PRUNE_EVERY = 500  # claims between prunings of older event ids

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, primary_key=True))

seen_events = Table(
    "seen_events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

fact_posts = Table(
    "fact_posts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(32), nullable=False),
    Column("local_date", Date, nullable=False),
    Column("fact_id", String(130), nullable=False),
    Column("cycle", Integer, nullable=False),
    Column("status", String(16), nullable=False),  # claimed | sent | failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("message_ts", String(32)),
    Column("error", Text),
    Column("claimed_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    UniqueConstraint("channel", "local_date", name="one_post_per_channel_per_day"),
)

feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entry_id", String(64), nullable=False),
    Column("user_hash", String(16), nullable=False),
    Column("helpful", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("entry_id", "user_hash", name="one_vote_per_user_per_entry"),
)


@dataclass(frozen=True)
class FactPost:
    channel: str
    local_date: dt.date
    fact_id: str
    cycle: int
    status: str
    attempts: int
    message_ts: str | None
    error: str | None


def hash_user(user_id: str) -> str:
    """A short stable pseudonym for a Slack user, so logs and feedback hold no raw ids."""
    return hashlib.sha256(f"defense-bot:{user_id}".encode()).hexdigest()[:16]


def engine_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs that name no driver; make SQLite's folder exist."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername.startswith("sqlite") and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return parsed.render_as_string(hide_password=False)


class Store:
    """All reads and writes of the bot's state. Knows ids, never knowledge entries."""

    def __init__(self, url: str) -> None:
        self.url = engine_url(url)
        self.engine: Engine = create_engine(self.url, pool_pre_ping=True)
        self._claims = 0
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    def migrate(self) -> None:
        """Create missing tables and record the schema version (idempotent, safe to race)."""
        metadata.create_all(self.engine, checkfirst=True)
        with self.engine.begin() as conn:
            current = conn.execute(select(func.max(schema_version.c.version))).scalar()
            if current is None or current < SCHEMA_VERSION:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(schema_version).values(version=SCHEMA_VERSION))
                except IntegrityError:
                    pass

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(select(1))

    def close(self) -> None:
        self.engine.dispose()

    # -- event de-duplication ---------------------------------------------------------------
    def claim_event(self, event_id: str, now: dt.datetime) -> bool:
        """True the first time an event id is seen, by any process on this database."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(seen_events).values(event_id=event_id[:64], seen_at=now))
        except IntegrityError:
            return False
        self._claims += 1
        if self._claims % PRUNE_EVERY == 0:  # Slack retries for minutes, not days
            self.forget_events(now - EVENT_MEMORY)
        return True

    def forget_events(self, before: dt.datetime) -> int:
        with self.engine.begin() as conn:
            return conn.execute(delete(seen_events).where(seen_events.c.seen_at < before)).rowcount

    # -- daily fact ledger ------------------------------------------------------------------
    def claim_post(
        self, channel: str, local_date: dt.date, fact_id: str, *, cycle: int, now: dt.datetime
    ) -> bool:
        """Claim today's post for a channel; False if another process (or run) already has."""
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(fact_posts).values(
                        channel=channel,
                        local_date=local_date,
                        fact_id=fact_id,
                        cycle=cycle,
                        status="claimed",
                        attempts=0,
                        claimed_at=now,
                    )
                )
        except IntegrityError:
            return False
        return True

    def take_over_post(
        self, channel: str, local_date: dt.date, *, now: dt.datetime, stale_before: dt.datetime
    ) -> bool:
        """Atomically re-claim a post whose claimer never finished; True for one caller only."""
        with self.engine.begin() as conn:
            result = conn.execute(
                update(fact_posts)
                .where(
                    fact_posts.c.channel == channel,
                    fact_posts.c.local_date == local_date,
                    fact_posts.c.status == "claimed",
                    fact_posts.c.claimed_at < stale_before,
                )
                .values(claimed_at=now)
            )
            return result.rowcount == 1

    def finish_post(
        self,
        channel: str,
        local_date: dt.date,
        *,
        status: str,
        attempts: int,
        now: dt.datetime,
        message_ts: str | None = None,
        error: str | None = None,
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(fact_posts)
                .where(fact_posts.c.channel == channel, fact_posts.c.local_date == local_date)
                .values(
                    status=status,
                    attempts=attempts,
                    message_ts=message_ts,
                    error=error,
                    finished_at=now,
                )
            )

    def post_on(self, channel: str, local_date: dt.date) -> FactPost | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(fact_posts).where(
                    fact_posts.c.channel == channel, fact_posts.c.local_date == local_date
                )
            ).first()
        return _fact_post(row) if row else None

    def posts(self, channel: str) -> list[FactPost]:
        """Every ledger row for a channel, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(fact_posts)
                .where(fact_posts.c.channel == channel)
                .order_by(fact_posts.c.local_date)
            ).all()
        return [_fact_post(row) for row in rows]

    # -- feedback ---------------------------------------------------------------------------
    def record_feedback(
        self, entry_id: str, user_id: str, *, helpful: bool, now: dt.datetime
    ) -> None:
        """One vote per user per entry; a second vote replaces the first."""
        user = hash_user(user_id)
        with self.engine.begin() as conn:
            conn.execute(
                delete(feedback).where(
                    feedback.c.entry_id == entry_id, feedback.c.user_hash == user
                )
            )
            conn.execute(
                insert(feedback).values(
                    entry_id=entry_id, user_hash=user, helpful=int(helpful), created_at=now
                )
            )

    def feedback_counts(self) -> dict[str, tuple[int, int]]:
        """entry id → (helpful, not helpful)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(feedback.c.entry_id, feedback.c.helpful, func.count()).group_by(
                    feedback.c.entry_id, feedback.c.helpful
                )
            ).all()
        counts: dict[str, tuple[int, int]] = {}
        for entry_id, helpful, count in rows:
            yes, no = counts.get(entry_id, (0, 0))
            counts[entry_id] = (yes + count, no) if helpful else (yes, no + count)
        return counts


def _fact_post(row: object) -> FactPost:
    m = row._mapping  # type: ignore[attr-defined]
    return FactPost(
        m["channel"],
        m["local_date"],
        m["fact_id"],
        m["cycle"],
        m["status"],
        m["attempts"],
        m["message_ts"],
        m["error"],
    )


def _sqlite_pragmas(connection: object, _record: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")  # readers don't block the writer
    cursor.execute("PRAGMA busy_timeout=10000")  # two processes wait for each other, not fail
    # In WAL mode NORMAL survives any crash of the bot; only an OS crash may lose the last
    # commits. FULL would fsync every event claim and cap replies at the disk's pace.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


__all__ = ["FactPost", "Store", "hash_user"]
