"""Matcher benchmark: our whole matcher vs the naive rapidfuzz baseline, at several sizes.

`python -m bench.matcher` prints per-query latency (median, p99), index build time, start-up
(load + validate + index from YAML) and memory, on the real knowledge base and on generated
ones with 1k, 10k and 100k aliases.
"""

from __future__ import annotations

import argparse
import gc
import math
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from rapidfuzz import process, utils
from rapidfuzz.fuzz import WRatio

from bench.synthetic import generate_kb, questions, write_yaml
from bot.answer import KINDS
from bot.config import DEFAULT_KNOWLEDGE
from bot.loader import load_knowledge
from bot.query import parse_query
from bot.schema import KnowledgeBase
from bot.search import build_index, search


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 1e6


def time_each(run, asked: list[str], repeat: int = 1) -> list[float]:
    samples = []
    for _ in range(repeat):
        for question in asked:
            start = time.perf_counter_ns()
            run(question)
            samples.append((time.perf_counter_ns() - start) / 1000.0)
    return samples


def measure(label: str, kb: KnowledgeBase, asked: list[str], baseline_share: int) -> dict:
    gc.collect()
    rss_before = rss_mb()
    start = time.perf_counter()
    index = build_index(kb)
    build = time.perf_counter() - start
    rss_after = rss_mb()
    tracemalloc.start()  # a second build, traced, for the Python-object memory alone
    traced = build_index(kb)
    python_mb = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    del traced
    gc.collect()

    def ours(question: str) -> None:
        search(index, parse_query(question, kinds=KINDS))

    gc.freeze()  # as the bot does after loading (bot/service.py)
    time_each(ours, asked[:200])  # warm caches
    our = time_each(ours, asked)
    choices = [s for e in kb.entries for s in [e.name, *e.aliases]]

    def naive(question: str) -> None:
        process.extractOne(question, choices, scorer=WRatio, processor=utils.default_process)

    sample = asked[::baseline_share]
    base = time_each(naive, sample)
    gc.unfreeze()
    return {
        "label": label,
        "aliases": len(choices),
        "build_s": build,
        "python_mb": python_mb,
        "rss_mb": rss_after - rss_before,
        "p50": statistics.median(our),
        "p99": percentile(our, 0.99),
        "base_p50": statistics.median(base),
        "base_p99": percentile(base, 0.99),
    }


_STARTUP = """
import sys, time
from pathlib import Path
from bot.service import load
start = time.perf_counter()
load(Path(sys.argv[1]), cache=Path(sys.argv[2]))
print(time.perf_counter() - start)
"""


def startup_seconds(aliases: int) -> tuple[float, float]:
    """Load, validate and index from YAML, each in a fresh process as the bot starts: the
    first time (nothing cached) and again (unchanged files, parsed data cached by content).
    Imports are not counted; they cost the same for any knowledge base."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        path = write_yaml(aliases, Path(folder) / "knowledge")
        cache = Path(folder) / "cache"  # a cache of its own: the first load is cold
        for _ in range(2):
            command = [sys.executable, "-c", _STARTUP, str(path), str(cache)]
            output = subprocess.run(command, capture_output=True, text=True, check=True)
            times.append(float(output.stdout.strip().splitlines()[-1]))
    return times[0], times[1]


def run(sizes: list[int], count: int) -> list[dict]:
    real = load_knowledge(DEFAULT_KNOWLEDGE)
    rows = [measure("real", real, questions(real, count), 1)]
    for size in sizes:
        kb = generate_kb(size)
        share = 1 if size <= 10_000 else 10  # the baseline is slow at 100k: sample it
        rows.append(measure(f"{size // 1000}k", kb, questions(kb, count), share))
    for row in rows:
        if row["label"] != "real":
            row["cold_s"], row["warm_s"] = startup_seconds(int(row["label"][:-1]) * 1000)
    return rows


def format_table(rows: list[dict]) -> str:
    head = (
        f"{'KB':>6} {'aliases':>8} | {'ours p50':>9} {'ours p99':>9} | {'naive p50':>10} "
        f"{'naive p99':>10} | {'speed-up':>8} | {'build':>7} {'start cold':>10} {'warm':>6} | "
        f"{'py MB':>6} {'RSS MB':>7}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        cold = f"{r['cold_s']:.2f}s" if "cold_s" in r else "-"
        warm = f"{r['warm_s']:.2f}s" if "warm_s" in r else "-"
        lines.append(
            f"{r['label']:>6} {r['aliases']:>8} | {r['p50']:>7.0f}µs {r['p99']:>7.0f}µs | "
            f"{r['base_p50']:>8.0f}µs {r['base_p99']:>8.0f}µs | {r['base_p50'] / r['p50']:>7.0f}x |"
            f" {r['build_s']:>6.2f}s {cold:>10} {warm:>6} | {r['python_mb']:>6.0f} "
            f"{r['rss_mb']:>7.0f}"
        )
    generated = [r for r in rows if r["label"] != "real"]
    if len(generated) >= 2:
        first, last = generated[0], generated[-1]
        growth = math.log(last["p50"] / first["p50"]) / math.log(last["aliases"] / first["aliases"])
        lines.append(
            f"\nours: p50 grows as N^{growth:.2f} from {first['aliases']} to "
            f"{last['aliases']} aliases (target ≤ N^0.5)"
        )
    lines.append(
        "µs per question: normalise → candidates → score → decide (ours); "
        "rapidfuzz extractOne + WRatio over all names and aliases (naive)"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--questions", type=int, default=2000)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(format_table(run(sizes, args.questions)))


if __name__ == "__main__":
    main()
