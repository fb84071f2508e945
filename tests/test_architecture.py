"""Layering and hygiene: the core never imports xlwings; the code passes ruff."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "xl_ar" / "core"


def test_core_source_never_imports_xlwings():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "xlwings"]
    assert offenders == []
    assert len(list(CORE.rglob("*.py"))) >= 10  # the walk saw the real core


def test_importing_the_whole_core_loads_no_xlwings():
    modules = sorted(
        ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.stem != "__init__"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module('xl_ar.core.' + m)\n"
        "import xl_ar.cli, xl_ar.demo\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('xlwings', 'win32com'))\n"
        "print(len(sys.modules)); assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff not installed")
    done = subprocess.run(
        [ruff, "check", "--quiet", str(ROOT / "xl_ar"), str(ROOT / "tests"), str(ROOT / "bench")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
