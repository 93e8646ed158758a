"""Soak: thousands of signed mixed requests against the served bot, bounded in count and time.

Sends slash commands (ordinary and hostile text), app mentions (a share of them retried with the
same event_id), DMs, button clicks and badly signed requests to `python -m bot serve` on
loopback, with a Slack stand-in recording every reply. Reports unexpected statuses, duplicate
replies, missing replies and the server's memory growth.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from tests.slack_standin import SlackStandIn

ROOT = Path(__file__).resolve().parent.parent
SECRET = "soak-signing-secret"
TOKEN = "xoxb-soak-token"
QUESTIONS = [
    "rimpac",
    "who is in the quad?",
    "nato art 5",
    "when was asean founded",
    "the 2% thing",
    "baltops 2024 :ship:",
    "xqzzy plonk",
    "list treaties",
    "help",
    "fact",
    "anzus members",
    "why is intel sharing between allies hard",
]
HOSTILE = [
    "x" * 10_000,
    "",
    "\x00nato",
    "<!channel> <!here> rimpac",
    "<@U1|a> <#C1|b> quad",
    "payload=%7B%7D",
    '{"type":"event_callback"}',
    "\u202e\u200bnato",
    "🛡️" * 500,
    "&lt;!everyone&gt; *bold* `code`",
]


def sign(body: bytes, content_type: str, secret: str = SECRET) -> dict[str, str]:
    ts = str(int(time.time()))
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=ts, body=body),
    }


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def worker_pid(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(children[0]) if children else master


class Soak:
    def __init__(self, port: int, response_url: str, seed: int) -> None:
        self.port = port
        self.response_url = response_url
        self.rng = random.Random(seed)
        self.unexpected: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()
        self.events: dict[str, int] = {}  # event_id -> deliveries
        self.lock = threading.Lock()

    def post(
        self,
        conn: http.client.HTTPConnection,
        body: bytes,
        headers: dict[str, str],
        expect: int,
        kind: str,
    ) -> http.client.HTTPConnection:
        try:
            conn.request("POST", "/slack/events", body, headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        except OSError as exc:
            status = -1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
            with self.lock:
                self.unexpected[f"{kind}: {type(exc).__name__}"] += 1
        with self.lock:
            self.sent[kind] += 1
            if status not in (expect, -1):
                self.unexpected[f"{kind}: HTTP {status}"] += 1
        return conn

    def one(self, conn: http.client.HTTPConnection, n: int) -> http.client.HTTPConnection:
        roll = self.rng.random()
        if roll < 0.35:
            text = self.rng.choice(QUESTIONS + HOSTILE)
            body = urlencode(
                {
                    "command": "/defense",
                    "text": text,
                    "user_id": f"U{n % 50}",
                    "channel_id": "C0SOAK",
                    "team_id": "T1",
                    "trigger_id": "1.2",
                    "response_url": self.response_url,
                }
            ).encode()
            return self.post(
                conn, body, sign(body, "application/x-www-form-urlencoded"), 200, "command"
            )
        if roll < 0.75:
            dm = roll >= 0.65
            event_id = f"EvSOAK{n:07d}"
            event = {
                "type": "message" if dm else "app_mention",
                "channel_type": "im" if dm else "channel",
                "channel": "D0SOAK" if dm else "C0SOAK",
                "user": f"U{n % 50}",
                "text": ("" if dm else "<@UBOT0001> ") + self.rng.choice(QUESTIONS + HOSTILE),
                "ts": f"1700000000.{n:06d}",
            }
            body = json.dumps(
                {
                    "type": "event_callback",
                    "team_id": "T1",
                    "api_app_id": "A1",
                    "event_id": event_id,
                    "event_time": 1,
                    "event": event,
                }
            ).encode()
            with self.lock:
                self.events[event_id] = self.events.get(event_id, 0) + 1
            conn = self.post(conn, body, sign(body, "application/json"), 200, "event")
            if self.rng.random() < 0.2:  # Slack retries this one
                headers = {
                    **sign(body, "application/json"),
                    "X-Slack-Retry-Num": "1",
                    "X-Slack-Retry-Reason": "http_timeout",
                }
                conn = self.post(conn, body, headers, 200, "event retry")
            return conn
        if roll < 0.9:
            payload = {
                "type": "block_actions",
                "user": {"id": "U1"},
                "team": {"id": "T1"},
                "api_app_id": "A1",
                "trigger_id": "1.2",
                "response_url": self.response_url,
                "actions": [
                    {
                        "type": "button",
                        "action_id": "open_entry:0",
                        "block_id": "related",
                        "value": self.rng.choice(["nato", "rimpac", "quad", "gone-entry"]),
                    }
                ],
            }
            body = urlencode({"payload": json.dumps(payload)}).encode()
            return self.post(
                conn, body, sign(body, "application/x-www-form-urlencoded"), 200, "button"
            )
        body = urlencode({"command": "/defense", "text": "rimpac"}).encode()
        return self.post(
            conn,
            body,
            sign(body, "application/x-www-form-urlencoded", "forged"),
            401,
            "bad signature",
        )


def run(total: int, concurrency: int, max_seconds: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp, SlackStandIn() as slack:
        port = _free_port()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("SLACK_")},
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "PORT": str(port),
            "SLACK_API_URL": slack.api_url,
            "DATABASE_URL": f"sqlite:///{tmp}/soak.db",
            "LOG_LEVEL": "WARNING",
        }
        log = Path(tmp) / "server.log"
        with log.open("w") as handle:
            server = subprocess.Popen(
                [sys.executable, "-m", "bot", "serve"],
                cwd=ROOT,
                env=env,
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
        try:
            _wait_ready(port)
            pid = worker_pid(server.pid)
            soak = Soak(port, slack.response_url, seed=5)
            warm = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
            for n in range(200):
                warm = soak.one(warm, 10_000_000 + n)
            warm.close()
            rss_start = rss_kb(pid)
            deadline = time.monotonic() + max_seconds
            counter = iter(range(total))
            counter_lock = threading.Lock()

            def client() -> None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
                while time.monotonic() < deadline:
                    with counter_lock:
                        n = next(counter, None)
                    if n is None:
                        break
                    conn = soak.one(conn, n)
                conn.close()

            started = time.monotonic()
            threads = [threading.Thread(target=client) for _ in range(concurrency)]
            for thread in threads:
                thread.start()
            samples = []  # worker memory while the soak runs, to tell growth from warm-up
            while any(thread.is_alive() for thread in threads):
                samples.append(rss_kb(pid) / 1024)
                time.sleep(1.0)
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
            time.sleep(2.0)  # replies to the last events are posted after the ack
            rss_end = rss_kb(pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
        replies = Counter(
            c.body.get("channel", "") + "|" + c.body.get("thread_ts", "")
            for c in slack.calls_to("chat.postMessage")
        )
        traceback_lines = sum("Traceback" in line for line in log.read_text().splitlines())
        expected_replies = len(soak.events)
        return {
            "requests": sum(soak.sent.values()),
            "seconds": elapsed,
            "sent": dict(soak.sent),
            "unexpected": dict(soak.unexpected),
            "duplicates": sum(n - 1 for n in replies.values() if n > 1),
            "replies": sum(replies.values()),
            "expected_replies": expected_replies,
            "tracebacks": traceback_lines,
            "rss_start_mb": rss_start / 1024,
            "rss_end_mb": rss_end / 1024,
            "rss_samples": samples,
        }


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            ok = conn.getresponse().status == 200
            conn.close()
            if ok:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--max-seconds", type=float, default=300.0)
    args = parser.parse_args()
    r = run(args.requests, args.concurrency, args.max_seconds)
    print(
        f"Soak: {r['requests']} requests in {r['seconds']:.1f} s "
        f"({r['requests'] / r['seconds']:.0f}/s), concurrency {args.concurrency}"
    )
    print("  sent:          " + ", ".join(f"{k} {v}" for k, v in sorted(r["sent"].items())))
    print(f"  unexpected:    {sum(r['unexpected'].values())} {r['unexpected'] or ''}")
    print(f"  replies:       {r['replies']} for {r['expected_replies']} distinct events")
    print(f"  duplicates:    {r['duplicates']}")
    print(f"  tracebacks:    {r['tracebacks']} in the server log")
    print(
        f"  worker memory: {r['rss_start_mb']:.1f} MB → {r['rss_end_mb']:.1f} MB "
        f"({r['rss_end_mb'] - r['rss_start_mb']:+.1f} MB)"
    )
    samples = r["rss_samples"]
    if samples:
        quarters = [samples[round(i * (len(samples) - 1) / 4)] for i in range(5)]
        print("  memory by quarter of the run: " + " → ".join(f"{m:.1f}" for m in quarters) + " MB")


if __name__ == "__main__":
    main()
