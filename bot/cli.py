"""Command line: serve | socket | ask | check | stats; turns errors into messages and exit codes."""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.answer import answer
from bot.blocks import render
from bot.config import Settings, load_settings
from bot.errors import ConfigError, KnowledgeError
from bot.loader import load_knowledge, load_questions
from bot.logs import configure_logging
from bot.plaintext import render_text
from bot.service import load

EXIT_OK, EXIT_KNOWLEDGE, EXIT_CONFIG = 0, 1, 2
QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "eval"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m bot`; returns the process exit code."""
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        configure_logging(settings.log_level)
        command: Callable[[argparse.Namespace, Settings], int] = args.run
        return command(args, settings)
    except ConfigError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except KnowledgeError as error:
        print(error.report(), file=sys.stderr)
        print(f"{error} — the bot cannot start.", file=sys.stderr)
        return EXIT_KNOWLEDGE
    except KeyboardInterrupt:
        return EXIT_OK
    except BrokenPipeError:  # `python -m bot ask … | head`: the reader left; that is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.set_defaults(run=run_default)
    sub = parser.add_subparsers(title="commands")
    sub.add_parser("serve", help="HTTP mode on $PORT (gunicorn)").set_defaults(run=run_serve)
    sub.add_parser("socket", help="Socket Mode (no public URL)").set_defaults(run=run_socket)
    ask = sub.add_parser("ask", help="answer offline; no question opens a console")
    ask.add_argument("question", nargs="*")
    ask.add_argument("--json", action="store_true", help="print the exact Slack payload")
    ask.set_defaults(run=run_ask)
    fact = sub.add_parser("fact", help="daily facts: show one, post today's, or preview")
    group = fact.add_mutually_exclusive_group()
    group.add_argument("--post", action="store_true", help="post today's fact now (once a day)")
    group.add_argument("--preview", type=int, metavar="N", help="show the next N planned facts")
    fact.add_argument("--channel", help="channel id (default: DAILY_FACT_CHANNEL)")
    fact.set_defaults(run=run_fact)
    sub.add_parser("stats", help="knowledge base coverage and upkeep").set_defaults(run=run_stats)
    sub.add_parser("report", help="feedback on answers and the daily-post ledger").set_defaults(
        run=run_report
    )
    evaluate = sub.add_parser("eval", help="matcher accuracy on the evaluation questions")
    evaluate.add_argument("--questions", type=Path, default=QUESTIONS)
    evaluate.add_argument("--quiet", action="store_true", help="figures only, no misses")
    evaluate.set_defaults(run=run_eval)
    check = sub.add_parser("check", help="validate the knowledge base")
    check.add_argument("directory", nargs="?", type=Path, help="default: $KNOWLEDGE_DIR")
    check.set_defaults(run=run_check)
    return parser


def run_default(args: argparse.Namespace, settings: Settings) -> int:
    """Socket Mode with credentials; the local console without them."""
    if settings.secret("slack_bot_token") and settings.secret("slack_app_token"):
        return run_socket(args, settings)
    print(
        "No SLACK_BOT_TOKEN and SLACK_APP_TOKEN set: opening the local console.\n"
        "(Set both to connect to Slack in Socket Mode; see README.)",
        file=sys.stderr,
    )
    args.question, args.json = [], False
    return run_ask(args, settings)


def run_serve(_args: argparse.Namespace, settings: Settings) -> int:
    settings.require("slack_bot_token", "slack_signing_secret")
    load(settings.knowledge_dir)  # fail here, with a clear report, not inside a worker
    from bot.slack.client import verify_token
    from bot.slack.server import serve_http

    verify_token(settings.secret("slack_bot_token"), settings.slack_api_url)

    serve_http(settings)
    return EXIT_OK


def run_socket(_args: argparse.Namespace, settings: Settings) -> int:
    settings.require("slack_bot_token", "slack_app_token")
    from bot.slack.client import verify_token
    from bot.slack.server import serve_socket

    verify_token(settings.secret("slack_bot_token"), settings.slack_api_url)

    serve_socket(settings)
    return EXIT_OK


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    knowledge = load(settings.knowledge_dir)
    command = settings.slash_command

    def show(question: str) -> None:
        reply = answer(knowledge, question, command=command)
        if args.json:
            payload = {"response_type": "ephemeral", **render(reply)}
            print(json.dumps(payload, indent=2, ensure_ascii=False))
        else:
            print(render_text(reply))

    if args.question:
        show(" ".join(args.question))
        return EXIT_OK
    print(
        f"Ask about defense cooperation ({len(knowledge.kb)} entries). Type help, or quit to leave."
    )
    while True:
        try:
            question = input("defense> ")
        except EOFError:
            print()
            return EXIT_OK
        if question.strip().lower() in ("quit", "exit", "q"):
            return EXIT_OK
        show(question)
        print()


def run_fact(args: argparse.Namespace, settings: Settings) -> int:
    """Without options, a random fact; --post and --preview use the daily-post ledger."""
    if not (args.post or args.preview):
        reply = answer(load(settings.knowledge_dir), "fact", pick=random.randrange(1 << 30))
        print(render_text(reply))
        return EXIT_OK
    if args.channel:
        settings = settings.model_copy(update={"daily_fact_channel": args.channel})
    if not settings.fact_channels:
        raise ConfigError("DAILY_FACT_CHANNEL", "no channel set (or pass --channel)")
    from bot.slack import daily

    if args.preview:
        for channel, day, fact_id, text in daily.preview(settings, args.preview):
            print(f"{channel} {day.isoformat()} {day:%a} {fact_id}: {text}")
        return EXIT_OK
    settings.require("slack_bot_token")
    results = daily.post_today(settings)
    for result in results:
        print(f"{result.channel} {result.local_date}: {result.status} ({result.fact_id})")
    if not results:
        print("nothing to post: today's fact is already in the ledger for every channel")
    return EXIT_OK if all(r.status != "failed" for r in results) else EXIT_KNOWLEDGE


def run_stats(_args: argparse.Namespace, settings: Settings) -> int:
    from bot.stats import format_stats

    print(format_stats(load_knowledge(settings.knowledge_dir)))
    return EXIT_OK


def run_report(_args: argparse.Namespace, settings: Settings) -> int:
    """What users thought of answers (👍/👎) and what the daily posts did, from the database."""
    from bot.storage import Store

    kb = load_knowledge(settings.knowledge_dir)
    store = Store(settings.database_url)
    try:
        counts = store.feedback_counts()
        print(f"Feedback on answers ({sum(y + n for y, n in counts.values())} votes):")
        ranked = sorted(counts.items(), key=lambda item: (-item[1][1], -item[1][0], item[0]))
        for entry_id, (yes, no) in ranked:
            name = kb.by_id[entry_id].name if entry_id in kb.by_id else f"{entry_id} (removed)"
            print(f"  {yes:>4} helpful {no:>4} not helpful  {name}")
        for channel in settings.fact_channels:
            posts = store.posts(channel)
            print(f"\nDaily facts in {channel}: {len(posts)} in the ledger")
            for post in posts[-10:]:
                error = f" — {post.error}" if post.error else ""
                print(f"  {post.local_date} {post.status:<8} {post.fact_id}{error}")
    finally:
        store.close()
    return EXIT_OK


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    from bot.evaluate import baseline, evaluate, format_reports, ours

    knowledge = load(settings.knowledge_dir)
    questions = load_questions(args.questions)
    kind_of = {e.id: e.kind.value for e in knowledge.kb.entries}
    reports = [
        evaluate("ours", ours(knowledge), questions, kind_of),
        evaluate("baseline", baseline(knowledge), questions, kind_of),
    ]
    print(format_reports(reports, show_misses=not args.quiet))
    return EXIT_OK


def run_check(args: argparse.Namespace, settings: Settings) -> int:
    directory = args.directory or settings.knowledge_dir
    try:
        kb = load_knowledge(directory)
    except KnowledgeError as error:
        print(error.report())
        print(f"{directory}: {error}")
        return EXIT_KNOWLEDGE
    counts = kb.counts()
    kinds = ", ".join(
        f"{counts[k]} {k}" for k in counts if k not in ("entries", "aliases", "daily_facts")
    )
    print(
        f"{directory}: OK — {counts['entries']} entries ({kinds}), "
        f"{counts['aliases']} aliases, {counts['daily_facts']} daily facts, 0 problems"
    )
    return EXIT_OK
