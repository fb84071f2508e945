"""Habits that keep the code tidy: ruff's formatter, mypy on the core, a complexity budget."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = [str(ROOT / "xl_ar"), str(ROOT / "tests"), str(ROOT / "bench")]


def _tool(name: str) -> str:
    """The tool installed beside this Python (the venv), else on PATH; skip when absent."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} not installed")
    return found


def test_ruff_format_leaves_the_code_as_it_is():
    done = subprocess.run(
        [_tool("ruff"), "format", "--check", *CHECKED],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_no_error_in_the_core(tmp_path):
    """mypy with the ``[tool.mypy]`` settings of pyproject.toml (basic strictness, the core)."""
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy not installed")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")]
        + ["--cache-dir", str(tmp_path / "mypy_cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "no issues found in" in done.stdout
    checked = int(done.stdout.split("no issues found in")[1].split()[0])
    assert checked >= len(list((ROOT / "xl_ar" / "core").rglob("*.py")))  # the whole core
