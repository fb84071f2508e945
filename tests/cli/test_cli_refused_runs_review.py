"""Review 16 #6 and #22: a refused document run writes nothing (every target of every format
is checked first), and the file count counts every file written, singular for one."""

from __future__ import annotations

import csv

from document_samples import LEDGER

from xl_ar.cli import main


def _ledger(tmp_path):
    ledger = tmp_path / "ledger.csv"
    with open(ledger, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(LEDGER)
    return ledger


STATEMENT_LEDGER = """Customer,Invoice,Invoice Date,Due Date,Amount,Paid,Paid Date
CV Baru,F-1,2024-11-01,2024-12-01,500000,200000,2024-12-10
"=cmd|' /C calc'!A0",F-2,2024-11-05,2024-12-05,300000,100000,2024-12-11
"""


def _statement_ledger(tmp_path):
    ledger = tmp_path / "piutang.csv"
    ledger.write_text(STATEMENT_LEDGER, encoding="utf-8")
    return ledger


def _snapshot(folder):
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}


def test_refused_letters_rerun_leaves_the_text_letters_alone(tmp_path, capsys):
    ledger = _ledger(tmp_path)
    out = tmp_path / "surat"
    run = ["letters", str(ledger), "--as-of", "2024-12-31", "--format", "txt,docx",
           "--company", "PT Sinar", "--out", str(out)]  # fmt: skip
    assert main(run) == 0
    first = capsys.readouterr()
    assert "wrote 6 files (3 letters)" in first.err  # 3 .txt + 3 .docx
    before = _snapshot(out)
    assert sum(n.endswith(".txt") for n in before) == 3
    assert main(run) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "already holds 3 of these documents" in err
    assert _snapshot(out) == before  # not one .txt rewritten


def test_refused_statements_write_no_workbook(tmp_path, capsys):
    ledger = _statement_ledger(tmp_path)
    out = tmp_path / "st"
    out.mkdir()
    (out / "rekening_CV_Baru_2024-12-31.docx").write_text("x")
    code = main(["statements", str(ledger), "--to", "2024-12-31", "--format", "xlsx,docx",
                 "--out", str(out)])  # fmt: skip
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert code == 2
    assert err == (
        f"xl-ar statements: {out} already holds 1 of these documents (e.g. "
        "'rekening_CV_Baru_2024-12-31.docx'); xl-ar never overwrites a document: use another "
        "folder or move them away"
    )
    assert sorted(p.name for p in out.iterdir()) == ["rekening_CV_Baru_2024-12-31.docx"]


def test_statement_count_includes_workbooks_and_names_are_neutralised(tmp_path, capsys):
    ledger = _statement_ledger(tmp_path)
    out = tmp_path / "st"
    code = main(["statements", str(ledger), "--to", "2024-12-31", "--format", "xlsx,docx",
                 "--out", str(out)])  # fmt: skip
    got = capsys.readouterr()
    assert code == 0, got.err
    assert "wrote 4 files (2 statements)" in got.err  # 2 .xlsx and 2 .docx
    line = next(x for x in got.out.splitlines() if "calc" in x)
    assert line.startswith(f"{out.as_posix()}/rekening_cmd_C_calc_A0_2024-12-31.xlsx: '=cmd|' ")


def test_one_file_is_singular(tmp_path, capsys):
    ledger = _ledger(tmp_path)
    code = main(["confirmations", str(ledger), "--as-of", "2024-12-31", "--company", "PT Sinar", "--auditor", "KAP A", "--customer", "CV Baru",
                 "--out", str(tmp_path / "k")])  # fmt: skip
    assert code == 0
    assert "wrote 1 file (1 positive confirmations)" in capsys.readouterr().err
