"""Every ledger command on a corpus of broken, odd and misnamed files, and on generated
hostile CSV: exit 0 or 2 (1 only for ``check`` with problems), at most one line on stderr and
never Python internals, under 5 s a run, every input byte-identical afterwards, and the
right numbers from every readable encoding."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hostile_files import AS_OF, READABLE, TOTAL, make_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_ar.cli import main

ROOT = Path(__file__).resolve().parents[2]
BUDGET_S = 5.0
#: What must never reach a user: Python's and the libraries' internals.
INTERNALS = re.compile(
    r"Traceback|File \"|line \d+, in |\w+Error\b|\w+Exception\b|numpy|pandas|calamine|"
    r"openpyxl|xlsxwriter|ufunc|dtype|NoneType|<class|0x[0-9a-f]{6,}"
)
#: Runs per corpus kind and per command, printed at the end (``pytest -s``).
TRIED: Counter[str] = Counter()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = make_corpus(folder)
    (folder / "payments.csv").write_text(
        "Payment,Date,Amount,Customer\nP1,2024-06-01,200,CV Baru\n", encoding="utf-8"
    )
    files["_payments"] = folder / "payments.csv"
    yield files
    print("\nhostile corpus: runs per input kind:", dict(sorted(TRIED.items())))
    print("hostile corpus: total runs:", sum(v for k, v in TRIED.items() if "/" not in k))


def _digest(paths) -> dict[Path, str]:
    out = {}
    for p in paths:
        if p.is_file():
            out[p] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


NOTE = re.compile(r"xl-ar [a-z]+: note: ")


def run_cli(*argv: object) -> tuple[int, str, str, float]:
    """``xl_ar.cli.main`` in-process; (exit code, stdout, stderr, seconds)."""
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - started


def assert_contract(code: int, err: str, took: float, *, command: str, what: str) -> None:
    allowed = {0, 1, 2} if command == "check" else {0, 2}
    assert code in allowed, f"{what}: exit {code}: {err}"
    # reading notes ("xl-ar aging: note: ...") are informational; a failure is ONE other line
    lines = [line for line in err.splitlines() if not NOTE.match(line)]
    assert len(lines) <= 1, f"{what}: stderr has several lines: {err!r}"
    assert all(len(line) <= 255 + len("xl-ar reconcile: ") for line in err.splitlines()), what
    failure = "\n".join(lines)
    assert not INTERNALS.search(err), f"{what}: internals on stderr: {err!r}"
    assert "internal error" not in err, f"{what}: {err!r}"
    assert took < BUDGET_S, f"{what}: {took:.1f} s"
    if code == 2:
        assert failure.startswith("xl-ar "), f"{what}: {err!r}"


def _commands(path: Path, files: dict[str, Path], out: Path) -> dict[str, list[object]]:
    good, payments = files["utf8"], files["_payments"]
    return {
        "aging": ["aging", path, "--as-of", AS_OF, "--by", "total", "--format", "csv"],
        "check": ["check", path],
        "check_csv": ["check", path, "--format", "csv"],
        "report": ["report", path, "-o", out / "r.xlsx", "--as-of", AS_OF, "--reports", "aging"],
        "worklist": ["worklist", path, "--as-of", AS_OF, "--format", "csv"],
        "letters": ["letters", path, "--as-of", AS_OF, "--out", out / "letters"],
        "reconcile_ledger": ["reconcile", path, payments],
        "reconcile_payments": ["reconcile", good, path],
        "reconcile_statement": ["reconcile", good, path, "--mode", "statement",
                                "--customer", "CV Baru"],
        "strategy": ["worklist", good, "--as-of", AS_OF, "--strategy", path],
        "promises": ["worklist", good, "--as-of", AS_OF, "--promises", path],
        "contact": ["letters", good, "--as-of", AS_OF, "--out", out / "l2", "--contact", path],
        "customers": ["report", good, "-o", out / "r2.xlsx", "--as-of", AS_OF,
                      "--reports", "aging", "--customers", path],
    }  # fmt: skip


KINDS = (
    *READABLE, "title_lines_300", "ragged_long", "unbalanced_quote", "text_after_quote",
    "decimal_comma", "empty", "blank_lines", "header_only", "binary", "binary_nul", "garbage",
    "text_as_xlsx", "truncated", "sheetless", "sheetless_as_csv", "empty_sheet", "stray_cell",
    "huge_cells", "huge_header", "not_a_table", "folder", "missing",
)  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_every_command_on_every_hostile_file(corpus, tmp_path, kind):
    path = corpus[kind]
    before = _digest(corpus.values())
    for command, argv in _commands(path, corpus, tmp_path).items():
        code, out, err, took = run_cli(*argv)
        TRIED[kind] += 1
        TRIED[f"command/{command}"] += 1
        assert_contract(code, err, took, command=argv[0], what=f"{kind} {command}")
        if kind in READABLE and command == "aging":
            total = pd.read_csv(io.StringIO(out))["Total"].iloc[-1]
            assert (code, total) == (0, TOTAL), f"{kind}: {err}"
        if kind in READABLE and command == "check":
            assert code == 0 and out.splitlines()[-1].endswith("3 rows, no problems found")
    assert _digest(corpus.values()) == before, f"{kind}: an input file changed"


def test_readable_encodings_give_the_utf8_numbers_per_customer(corpus):
    def aging(path: Path) -> pd.DataFrame:
        code, out, err, _ = run_cli("aging", path, "--as-of", AS_OF, "--format", "csv")
        assert code == 0, err
        return pd.read_csv(io.StringIO(out))

    twin = aging(corpus["utf8"])
    assert twin.set_index("customer").loc["Café Ünal", "Total"] == 1500.5
    for kind in ("cp1252", "utf16le_bom_tab", "utf16be_bom_tab", "utf16le_tab", "utf16be_tab",
                 "xlsx_as_csv", "semicolon", "tab_tsv", "title_lines_40"):  # fmt: skip
        pd.testing.assert_frame_equal(aging(corpus[kind]), twin, obj=kind)


def test_check_states_how_the_file_was_read(corpus):
    code, out, err, _ = run_cli("check", corpus["cp1252"])
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "cp1252.csv: read as Windows-1252 (not UTF-8)", "cp1252.csv: 3 rows, no problems found",
    ]  # fmt: skip
    code, out, err, _ = run_cli("check", corpus["stray_cell"], "--format", "csv")
    assert code == 1 and out.startswith("row,column,value,problem\n200001,Customer,")
    assert err == (
        "3 problem(s) in stray_cell.xlsx (stray_cell.xlsx: sheet 'Ledger' has a cell as far out "
        "as ALM200001 (a stray cell beyond the table?); read cell by cell)\n"
    )


# --------------------------------------------------------------------------- hypothesis

_CELL = st.one_of(
    st.sampled_from(["PT A", "Café Ünal", "2024-01-31", "31/01/2024", "1.234,50", "1,5", "-50",
                     "=1+1", "@SUM(A1)", '"', '""', "nan", "inf", "1e308", "", " ", "\t",
                     "Customer", "Amount", "Invoice Date", "Due Date", "Terms", "Paid"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
)  # fmt: skip
_ROW = st.lists(_CELL, min_size=0, max_size=8)


@st.composite
def hostile_csv(draw) -> bytes:
    """A ledger-like CSV with odd separators, quotes, line ends and encodings, or raw bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=400))
    sep = draw(st.sampled_from([",", ";", "\t", "|"]))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    header = ["Customer", "Invoice Date", "Due Date", "Amount"]
    rows = [header if draw(st.booleans()) else draw(_ROW), *draw(st.lists(_ROW, max_size=6))]
    text = end.join(sep.join(r) for r in rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le"]))
    return text.encode(encoding, errors="replace")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=hostile_csv(), command=st.sampled_from(["aging", "check", "worklist", "reconcile"]))
def test_generated_hostile_csv_keeps_the_contract(tmp_path, data, command):
    path = tmp_path / "h.csv"
    path.write_bytes(data)
    argv: list[object] = {
        "aging": ["aging", path, "--as-of", AS_OF],
        "check": ["check", path, "--format", "csv"],
        "worklist": ["worklist", path, "--as-of", AS_OF],
        "reconcile": ["reconcile", path, path],
    }[command]
    code, _, err, took = run_cli(*argv)
    TRIED[f"hypothesis/{command}"] += 1
    assert_contract(code, err, took, command=command, what=f"generated {data[:60]!r}")
    assert path.read_bytes() == data


# --------------------------------------------------------------------------- real processes


def _subprocess(*argv: object, env: dict | None = None) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    environ.pop("XL_AR_DEBUG", None) if not env or "XL_AR_DEBUG" not in env else None
    return subprocess.run(
        [sys.executable, *[str(a) for a in argv]], capture_output=True, text=True,
        env=environ, cwd=ROOT, timeout=60, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("kind", ["binary", "unbalanced_quote", "stray_cell", "sheetless",
                                  "utf16be_tab", "huge_cells"])  # fmt: skip
def test_no_traceback_reaches_a_real_terminal(corpus, kind):
    done = _subprocess("-m", "xl_ar.cli", "aging", corpus[kind], "--as-of", AS_OF)
    TRIED["subprocess"] += 1
    assert done.returncode in (0, 2)
    lines = [line for line in done.stderr.splitlines() if not NOTE.match(line)]
    assert len(lines) <= 1 and not INTERNALS.search(done.stderr), done.stderr


_CRASH = (
    "import sys, xl_ar.core as core\n"
    "def boom(*args, **kwargs):\n"
    "    raise ZeroDivisionError('float division by zero')\n"
    "core.aging = boom\n"
    "from xl_ar.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def test_an_unexpected_error_is_one_line_exit_2_and_debug_shows_the_traceback(corpus):
    argv = ["-c", _CRASH, "aging", corpus["utf8"], "--as-of", AS_OF]
    done = _subprocess(*argv)
    assert done.returncode == 2
    assert done.stderr == (
        "xl-ar aging: internal error while computing the aging; run with XL_AR_DEBUG=1 for "
        "details\n"
    )
    debug = _subprocess(*argv, env={"XL_AR_DEBUG": "1"})
    assert debug.returncode == 2
    assert "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr
    assert debug.stderr.rstrip().splitlines()[-1].startswith("xl-ar aging: internal error")


def test_a_crash_is_never_exit_1_even_in_check(corpus, monkeypatch):
    import xl_ar.core as core

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(core, "load_ledger", boom)
    code, _, err, _ = run_cli("check", corpus["utf8"])
    assert code == 2
    assert err == (
        "xl-ar check: internal error while reading utf8.csv; run with XL_AR_DEBUG=1 for details\n"
    )


def test_usage_errors_are_one_line(capsys):
    assert main(["reconcile", "x.csv"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "xl-ar reconcile: the following arguments are required: payments (see xl-ar reconcile "
        "--help)\n"
    )
    assert main(["nope"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["--help"]) == 0
