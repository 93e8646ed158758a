"""The store against SQLite and PostgreSQL: event claims, pruning, feedback, migrations."""

from __future__ import annotations

import datetime as dt

from bot.storage import EVENT_MEMORY, PRUNE_EVERY, Store

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def test_an_event_id_is_claimed_once(database_url: str) -> None:
    store = Store(database_url)
    assert store.claim_event("Ev1", NOW) is True
    assert store.claim_event("Ev1", NOW) is False
    other = Store(database_url)  # another instance on the same database
    assert other.claim_event("Ev1", NOW) is False
    other.close()
    store.close()


def test_old_event_ids_are_pruned_as_claims_go_on(database_url: str) -> None:
    store = Store(database_url)
    store.claim_event("EvOld", NOW - EVENT_MEMORY - dt.timedelta(minutes=1))
    for number in range(PRUNE_EVERY):
        store.claim_event(f"Ev{number}", NOW)
    assert store.claim_event("EvOld", NOW) is True  # forgotten, so claimable again
    store.close()


def test_schema_creation_is_idempotent(database_url: str) -> None:
    first = Store(database_url)
    first.close()
    store = Store(database_url)
    store.ping()
    store.close()


def test_feedback_keeps_one_vote_per_user_per_entry(database_url: str) -> None:
    store = Store(database_url)
    store.record_feedback("nato", "U1", helpful=True, now=NOW)
    store.record_feedback("nato", "U1", helpful=False, now=NOW)
    store.record_feedback("nato", "U2", helpful=True, now=NOW)
    assert store.feedback_counts() == {"nato": (1, 1)}
    store.close()
