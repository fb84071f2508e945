"""The ``bench/`` scripts run at small sizes, so an import or API change cannot rot them.

Each script runs in a subprocess, as a person runs it (``python bench/<script> ...``), and must
exit 0 and print its timing and ratio lines in the usual shape. Timings are not judged here:
at these sizes they mean nothing; the full-size runs are quoted in the README.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
NUMBER = r"(?P<value>\d[\d,]*(?:\.\d+)?)"

#: script -> (small-size arguments, lines that must appear: label then number and unit).
SMOKE = {
    "bench_aging.py": (
        ["--rows", "2000", "--repeat", "1"],
        [
            ("normalise row lists → ledger", "s"),
            ("normalise + age", "s"),
            ("aging / numpy floor", "×"),
            ("per-row loop / aging", "×"),
            ("per-row loop / (normalise+age)", "×"),
            ("peak memory (whole process)", "MB"),
        ],
    ),
    "bench_udf.py": (
        ["--rows", "2000", "--repeat", "1"],
        [
            ("AR_AGING through excel_call", "s"),
            ("core alone (read + age)", "s"),
            ("worksheet-call overhead factor", "×"),
        ],
    ),
    "bench_report.py": (
        ["--rows", "2000", "--no-libreoffice"],
        [
            ("build_report", "s"),
            ("build_report + render_file", "s"),
            ("report file", "MB"),
            ("peak memory (RSS)", "MB"),
        ],
    ),
    "bench_read.py": (
        ["--rows", "2000"],
        [
            ("csv: load_ledger", "s"),
            ("csv: read + age", "s"),
            ("csv: peak memory", "MB"),
            ("xlsx: load_ledger", "s"),
            ("xlsx: read + age", "s"),
            ("xlsx: peak memory", "MB"),
            ("rows: load_ledger", "s"),
            ("rows: read + age", "s"),
        ],
    ),
    "bench_bank_reconcile.py": (
        ["--customers", "40", "--repeat", "1"],
        [
            ("bank path (statement + payers + passes)", "s"),
            ("today's matcher (clean payments table)", "s"),
            ("bank path / today's matcher", "×"),
        ],
    ),
    "bench_reconcile.py": (
        ["--customers", "40", "--repeat", "1"],
        [
            ("reconcile (read both tables + all passes)", "s"),
            ("apply_payments (passes only)", "s"),
            ("naive payment-by-invoice loop", "s"),
        ],
    ),
}


def run_bench(script: str, args: list[str]) -> str:
    """Run one script at the given size; its stdout, after checking that it exited 0."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{script} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def measured(output: str, label: str, unit: str) -> float:
    """The number printed after ``label`` and a colon (or spaces), followed by ``unit``."""
    pattern = rf"^\s*{re.escape(label)}\s*:?\s+{NUMBER} {re.escape(unit)}(?:\s|$)"
    found = re.search(pattern, output, flags=re.MULTILINE)
    assert found, f"no line {label!r} ... {unit} in:\n{output}"
    return float(found["value"].replace(",", ""))


def test_every_bench_script_has_a_smoke_run():
    assert sorted(p.name for p in BENCH.glob("bench_*.py")) == sorted(SMOKE)


def test_the_line_reader_is_strict():
    text = "aging / numpy floor           :   81.97 ×  (target ≤ 5 ×)\nbuild_report   :    1.66 s\n"
    assert measured(text, "aging / numpy floor", "×") == 81.97
    assert measured(text, "build_report", "s") == 1.66
    with pytest.raises(AssertionError):
        measured(text, "aging / numpy floor", "s")
    with pytest.raises(AssertionError):
        measured("build_report   :    n/a s\n", "build_report", "s")


@pytest.mark.parametrize("script", sorted(SMOKE))
def test_bench_script_runs_at_a_small_size(script):
    args, lines = SMOKE[script]
    output = run_bench(script, args)
    for label, unit in lines:
        value = measured(output, label, unit)
        assert value >= 0.0
        if unit == "×":
            assert value > 0.0  # a ratio of two real timings
    if script == "bench_read.py":  # the csv, the xlsx and the row lists age to the same cent
        assert "aging total, every source    : 15,640,040,453.00" in output
        assert output.rstrip().endswith("OK")
    if script == "bench_bank_reconcile.py":
        assert "totals reconcile: True" in output
        assert output.rstrip().endswith("OK")
    if script == "bench_reconcile.py":
        assert "totals reconcile" in output
        assert output.rstrip().endswith("OK")


@pytest.mark.libreoffice
def test_bench_report_native_formula_comparison_at_a_small_size():
    from libreoffice import require_soffice

    require_soffice()
    output = run_bench("bench_report.py", ["--rows", "300", "--sumifs-customers", "5"])
    assert measured(output, "LibreOffice open + recalc", "s") > 0.0
    assert measured(output, "ratio recalc / xl-ar report", "×") > 0.0
    assert "(bucket totals tie to core: True)" in output
    assert "native formulas written     : 931 (5 customers x 5 SUMIFS" in output
