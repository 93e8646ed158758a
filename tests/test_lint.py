"""The code base stays ruff-clean and formatted (the same check CI and developers run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = [p for p in ("bot", "tests", "bench") if (ROOT / p).exists()]


def test_ruff_finds_no_problems() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", *TARGETS], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_code_is_formatted() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", *TARGETS],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_mypy_finds_no_type_errors_in_the_package() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "bot"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
