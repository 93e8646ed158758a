"""Running the bot's real commands (`python -m bot …`) as subprocesses for end-to-end tests."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.helpers import APP_TOKEN, BOT_TOKEN, SECRET

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bot_env(**values: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "DAILY_FACT_")) and k not in ("DATABASE_URL", "PORT")
    }
    env.update(values)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def bot_setup(mode: str, api_url: str, tmp_path: Path, **extra: str) -> tuple[dict[str, str], int]:
    """The environment for `python -m bot serve|socket` against a stand-in, and its port."""
    port = free_port()
    credential = (
        {"SLACK_SIGNING_SECRET": SECRET} if mode == "serve" else {"SLACK_APP_TOKEN": APP_TOKEN}
    )
    values = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "PORT": str(port),
        "SLACK_API_URL": api_url,
        "DATABASE_URL": f"sqlite:///{tmp_path}/s.sqlite3",
        **credential,
        **extra,  # may replace any of the above
    }
    return bot_env(**values), port


def entry_ids(message: dict) -> list[str]:
    """Ids of the entries a Slack message presents (header blocks `entry:<id>`)."""
    return [
        b["block_id"][6:]
        for b in message.get("blocks", [])
        if b.get("block_id", "").startswith("entry:")
    ]


def run_bot(
    *args: str, env: dict[str, str] | None = None, stdin: str = "", timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=env or bot_env(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def wait_healthy(port: int, process: BotProcess, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise AssertionError(f"bot exited early: {process.output()}")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        try:
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
        finally:
            conn.close()
    raise AssertionError("bot did not become healthy")


class BotProcess:
    """A running `python -m bot …`; its output goes to a file so a full pipe never blocks it."""

    def __init__(self, args: tuple[str, ...], env: dict[str, str]) -> None:
        self.log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)  # noqa: SIM115
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "bot", *args],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def output(self) -> str:
        return Path(self.log.name).read_text()

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.popen.poll() is None:
            self.popen.send_signal(sig)
        try:
            return self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            return self.popen.wait()


@contextmanager
def running_bot(*args: str, env: dict[str, str], port: int) -> Iterator[BotProcess]:
    """Start `python -m bot ARGS`, wait for /health on `port`, stop it (SIGTERM) afterwards."""
    process = BotProcess(args, env)
    try:
        wait_healthy(port, process)
        yield process
    finally:
        process.stop()
        process.log.close()
        os.unlink(process.log.name)
