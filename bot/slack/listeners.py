"""Everything the bot responds to, registered in one function; listener bodies stay short."""

from __future__ import annotations

import datetime as dt
import logging
import random
import re
import time
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.answer import KINDS, EntryReply, Knowledge, RefusalReply, Reply, answer_query, entry_reply
from bot.blocks import FEEDBACK, OPEN_ENTRY, render
from bot.query import Intent, parse_query
from bot.service import Service
from bot.slack.messages import checked, message_for
from bot.storage import hash_user

log = logging.getLogger("bot.requests")
SORRY = "Sorry, something went wrong while answering. The problem has been logged."


def register_listeners(app: App, service: Service) -> None:
    """The whole surface of the bot: one slash command, mentions, DMs and entry buttons."""

    def on_command(ack: Ack, command: dict[str, Any]) -> None:
        started = time.perf_counter()
        knowledge = service.knowledge  # one knowledge base for the answer and its card
        try:
            reply = _reply_to(
                service, knowledge, command.get("text", ""), command.get("user_id", "")
            )
            ack(response_type="ephemeral", **message_for(knowledge, reply))
        except Exception:
            log.exception("command failed")
            reply = RefusalReply(SORRY)
            ack(response_type="ephemeral", text=SORRY)
        _log("command", command.get("user_id", ""), reply, started)

    def on_event_ack(ack: Ack) -> None:
        ack()

    def on_mention(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        _answer_in_thread(service, client, body, event, surface="mention")

    def on_message(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        if event.get("channel_type") == "im" and not event.get("subtype"):
            _answer_in_thread(service, client, body, event, surface="dm")

    def on_open_entry(
        ack: Ack, action: dict[str, Any], body: dict[str, Any], respond: Respond
    ) -> None:
        ack()
        started = time.perf_counter()
        kb = service.knowledge.kb
        entry = kb.by_id.get(action.get("value", ""))
        reply: Reply = (
            entry_reply(kb, entry)
            if entry
            else RefusalReply("That entry is no longer in the knowledge base.")
        )
        respond(response_type="ephemeral", replace_original=False, **checked(render(reply)))
        _log("button", body.get("user", {}).get("id", ""), reply, started)

    def on_feedback(
        ack: Ack, action: dict[str, Any], body: dict[str, Any], respond: Respond
    ) -> None:
        ack()
        entry_id = action.get("value", "")
        user = body.get("user", {}).get("id", "")
        helpful = action.get("action_id", "").endswith(":yes")
        if entry_id in service.knowledge.kb.by_id and user:
            service.store.record_feedback(
                entry_id, user, helpful=helpful, now=dt.datetime.now(dt.UTC)
            )
        respond(
            response_type="ephemeral",
            replace_original=False,
            text="Thanks for the feedback — it helps the curators improve the answers.",
        )
        log.info(
            "surface=feedback user=%s entry=%s helpful=%s",
            hash_user(user) if user else "-",
            entry_id or "-",
            helpful,
        )

    app.command(service.settings.slash_command)(on_command)
    app.event("app_mention")(ack=on_event_ack, lazy=[on_mention])
    app.event("message")(ack=on_event_ack, lazy=[on_message])
    app.action(re.compile(f"^{OPEN_ENTRY}"))(on_open_entry)
    app.action(re.compile(f"^{FEEDBACK}:"))(on_feedback)

    # Anything else (a button from an older version, an event a workspace added to the app's
    # subscriptions) is acknowledged and ignored: never a 404, never a retry loop from Slack.
    def on_anything_else(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        log.info("ignored: type=%s", body.get("type") or body.get("event", {}).get("type"))

    app.action(re.compile(".*"))(on_anything_else)
    app.event(re.compile(".*"))(on_anything_else)


def _reply_to(service: Service, knowledge: Knowledge, text: str, user_id: str) -> Reply:
    query = parse_query(text, kinds=KINDS)
    command = service.settings.slash_command
    if query.intent is Intent.RELOAD and user_id in service.settings.admins:
        error = service.reload()
        if error is None:
            counts = service.knowledge.counts
            return RefusalReply(f"Knowledge base reloaded: {counts['entries']} entries.")
        return RefusalReply(
            "Reload refused; still serving the last good knowledge base.\n" + error.report()[:2500]
        )
    return answer_query(knowledge, query, command=command, pick=random.randrange(1 << 30))


def _answer_in_thread(
    service: Service,
    client: WebClient,
    body: dict[str, Any],
    event: dict[str, Any],
    *,
    surface: str,
) -> None:
    """Reply once per message, in its thread, however often Slack delivers it."""
    if event.get("bot_id"):
        return
    started = time.perf_counter()
    now = dt.datetime.now(dt.UTC)
    channel, ts = event.get("channel", ""), event.get("ts", "")
    store = service.store
    if not store.claim_event(f"ev:{body.get('event_id', '')}", now):
        return
    if not store.claim_event(f"msg:{channel}:{ts}", now):
        return  # the same message arrived as app_mention and as message.im
    user = event.get("user", "")
    reply: Reply = RefusalReply(SORRY)
    knowledge = service.knowledge
    try:
        reply = _reply_to(service, knowledge, event.get("text", ""), user)
        message = message_for(knowledge, reply)
    except Exception:
        log.exception("answering failed", extra={"surface": surface})
        message = {"text": SORRY}
    try:
        client.chat_postMessage(
            channel=channel,
            thread_ts=event.get("thread_ts") or ts,
            unfurl_links=False,
            unfurl_media=False,
            **message,
        )
    except Exception as exc:
        log.error("reply failed: surface=%s channel=%s error=%s", surface, channel, exc)
    _log(surface, user, reply, started)


def _log(surface: str, user_id: str, reply: Reply, started: float) -> None:
    entry = reply.entry.id if isinstance(reply, EntryReply) else "-"
    score = f"{reply.score:.0f}" if isinstance(reply, EntryReply) else "-"
    log.info(
        "surface=%s user=%s reply=%s entry=%s score=%s latency_ms=%.1f",
        surface,
        hash_user(user_id) if user_id else "-",
        type(reply).__name__,
        entry,
        score,
        (time.perf_counter() - started) * 1000,
    )
