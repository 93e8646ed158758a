"""End-to-end benchmark: the served bot vs a bare Bolt app, on the same production server.

Both run under gunicorn (one worker, gthread, 8 threads) on loopback; a client sends signed
slash commands over keep-alive connections at several concurrencies for a fixed time each.
"""

from __future__ import annotations

import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from bench.synthetic import generate_kb, questions, write_yaml
from tests.slack_standin import SlackStandIn

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench-token"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def signed(text: str) -> tuple[bytes, dict[str, str]]:
    body = urlencode(
        {
            "command": "/defense",
            "text": text,
            "user_id": "U0BENCH",
            "channel_id": "C0BENCH",
            "team_id": "T1",
            "trigger_id": "1.2.3",
            "response_url": "http://127.0.0.1:9/unused",
        }
    ).encode()
    ts = str(int(time.time()))
    signature = SignatureVerifier(SECRET).generate_signature(timestamp=ts, body=body)
    return body, {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature,
    }


def wait_ready(port: int, timeout: float = 60.0) -> None:
    body, headers = signed("help")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("POST", "/slack/events", body, headers)
            if conn.getresponse().status == 200:
                conn.close()
                return
            conn.close()
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server on {port} did not start")


def drive(port: int, asked: list[str], concurrency: int, seconds: float) -> dict:
    """Send signed commands from `concurrency` keep-alive clients for `seconds`."""
    requests = [signed(q) for q in asked]
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    stop = time.monotonic() + seconds

    def client(number: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        i = number
        while time.monotonic() < stop:
            body, headers = requests[i % len(requests)]
            i += concurrency
            start = time.perf_counter()
            try:
                conn.request("POST", "/slack/events", body, headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            latencies[number].append((time.perf_counter() - start) * 1000)
            errors[number] += 0 if ok else 1
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    flat = sorted(x for per in latencies for x in per)
    return {
        "rps": len(flat) / elapsed,
        "p50": statistics.median(flat),
        "p99": flat[int(0.99 * (len(flat) - 1))],
        "errors": sum(errors),
        "n": len(flat),
    }


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    handle = log.open("w")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)


def run(aliases: int, seconds: float, levels: list[int]) -> list[dict]:
    kb = generate_kb(aliases)
    asked = questions(kb, 400)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, SlackStandIn() as slack:
        folder = write_yaml(aliases, Path(tmp) / "knowledge")
        base_env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("SLACK_")},
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": slack.api_url,
            "PYTHONPATH": str(ROOT),
        }
        servers = {
            "ours": (
                [sys.executable, "-m", "bot", "serve"],
                {"KNOWLEDGE_DIR": str(folder), "DATABASE_URL": f"sqlite:///{tmp}/b.db"},
            ),
            "bare bolt": (
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--workers",
                    "1",
                    "--worker-class",
                    "gthread",
                    "--threads",
                    "8",
                    "--keep-alive",
                    "75",
                    "bench.bare_app:create()",
                ],
                {},
            ),
        }
        for name, (command, extra) in servers.items():
            port = free_port()
            env = {**base_env, **extra, "PORT": str(port)}
            if name == "bare bolt":
                command = [*command, "--bind", f"127.0.0.1:{port}"]
            process = start(command, env, Path(tmp) / f"{name}.log")
            try:
                wait_ready(port)
                drive(port, asked, 4, 1.0)  # warm up
                for level in levels:
                    rows.append({"server": name, "c": level, **drive(port, asked, level, seconds)})
            finally:
                process.terminate()
                process.wait(timeout=30)
    return rows


def format_table(rows: list[dict], aliases: int) -> str:
    lines = [
        f"End to end: signed /defense commands, knowledge base of {aliases} aliases",
        f"{'server':>10} {'conc':>5} | {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} | "
        f"{'errors':>6} {'requests':>8}",
    ]
    for r in rows:
        lines.append(
            f"{r['server']:>10} {r['c']:>5} | {r['rps']:>8.0f} {r['p50']:>8.2f} "
            f"{r['p99']:>8.2f} | {r['errors']:>6} {r['n']:>8}"
        )
    ours = {r["c"]: r for r in rows if r["server"] == "ours"}
    bare = {r["c"]: r for r in rows if r["server"] == "bare bolt"}
    for level in sorted(set(ours) & set(bare)):
        lines.append(
            f"c={level}: ours at {ours[level]['rps'] / bare[level]['rps']:.0%} of bare "
            f"req/s; p50 {ours[level]['p50'] - bare[level]['p50']:+.2f} ms vs bare"
        )
    return "\n".join(lines)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aliases", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--levels", default="1,8,32")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]
    print(format_table(run(args.aliases, args.seconds, levels), args.aliases))


if __name__ == "__main__":
    main()
