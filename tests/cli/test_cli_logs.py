"""``--activity`` (repeatable) and ``--disputes`` on worklist, letters and report (issue 16)."""

from __future__ import annotations

import csv

import openpyxl
from activity_samples import AS_OF, DISPUTES, LEDGER, LOG

from xl_ar.cli import main
from xl_ar.core import XL_AR_LOG_HEADER


def write(path, rows):
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_worklist_with_two_logs_and_disputes(capsys, tmp_path):
    ledger = write(tmp_path / "piutang.csv", LEDGER)
    log = write(tmp_path / "log.csv", LOG)
    own = write(tmp_path / "xl_ar_activity.csv", [
        list(XL_AR_LOG_HEADER),
        ["2024-12-20", "CV Baru", "F-3", "letter", "sent", "", "", "xl-ar", "",
         "letter:overdue; 002_CV_Baru_overdue_id.txt"],
    ])  # fmt: skip
    disputes = write(tmp_path / "sengketa.csv", DISPUTES)
    code, out, err = run(capsys, "worklist", ledger, "--as-of", AS_OF, "--activity", log,
                         "--activity", own, "--disputes", disputes, "--format", "csv",
                         "--lang", "en")  # fmt: skip
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith(
        "last_contact,last_action,follow_up_date,follow_up,broken_promises,stage_history"
    )
    assert lines[1].startswith("CV Baru,") and lines[1].endswith(
        ",2024-12-20,letter,2024-12-31,due,1,overdue 20/12"
    )
    assert [line.split(",")[7] for line in lines[2:]] == ["dispute", "dispute"]
    assert "note: Activity log: 1 row for 1 customer not in the ledger, not counted: " \
           "'PT Hantu'" in err  # fmt: skip
    assert "note: Dispute log: S-3 (row 4) names invoice 'F-99'" in err


def test_letters_say_the_logged_reminder(capsys, tmp_path):
    ledger = write(tmp_path / "piutang.csv", LEDGER)
    log = write(tmp_path / "log.csv", LOG)
    code, out, _ = run(capsys, "letters", ledger, "--as-of", AS_OF, "--activity", log,
                       "--out", tmp_path / "surat")  # fmt: skip
    assert code == 0
    text = (tmp_path / "surat" / "003_PT_Maju_escalation_id.txt").read_text(encoding="utf-8")
    assert "Surat ini menindaklanjuti pengingat kami tanggal 26 November 2024." in text


def test_report_productivity_and_disputes(capsys, tmp_path):
    ledger = write(tmp_path / "piutang.csv", LEDGER)
    log = write(tmp_path / "log.csv", LOG)
    disputes = write(tmp_path / "sengketa.csv", DISPUTES)
    out = tmp_path / "laporan.xlsx"
    code, _, err = run(capsys, "report", ledger, "--as-of", AS_OF, "--reports",
                       "productivity,disputes", "--activity", log, "--disputes", disputes,
                       "-o", out)  # fmt: skip
    assert code == 0, err
    assert openpyxl.load_workbook(out).sheetnames == [
        "Produktivitas Kolektor", "Laporan Sengketa", "Tentang Laporan",
    ]  # fmt: skip


def test_a_missing_log_file_is_one_line(capsys, tmp_path):
    ledger = write(tmp_path / "piutang.csv", LEDGER)
    code, _, err = run(capsys, "worklist", ledger, "--activity", tmp_path / "nope.csv")
    assert code != 0 and len(err.strip().splitlines()) == 1 and "nope.csv" in err


def test_word_letters_say_the_logged_reminder_too(capsys, tmp_path):
    """The .docx letters read the same logs as the text letters (merged issue-16 parts)."""
    import docx

    ledger = write(tmp_path / "piutang.csv", LEDGER)
    log = write(tmp_path / "log.csv", LOG)
    code, out, _ = run(capsys, "letters", ledger, "--as-of", AS_OF, "--activity", log,
                       "--format", "docx", "--company", "PT Sinar",
                       "--out", tmp_path / "surat")  # fmt: skip
    assert code == 0
    files = sorted(p.name for p in (tmp_path / "surat").glob("*.docx"))
    texts = {
        name: "\n".join(p.text for p in docx.Document(tmp_path / "surat" / name).paragraphs)
        for name in files
    }
    maju = [t for n, t in texts.items() if "maju" in n.lower()]
    assert len(maju) == 1
    assert "Surat ini menindaklanjuti pengingat kami tanggal 26 November 2024." in maju[0]
    without = main(["letters", str(ledger), "--as-of", AS_OF, "--format", "docx",
                    "--company", "PT Sinar", "--out", str(tmp_path / "plain")])  # fmt: skip
    capsys.readouterr()
    assert without == 0
    plain = [p for p in (tmp_path / "plain").glob("*.docx") if "maju" in p.name.lower()]
    text = "\n".join(p.text for p in docx.Document(plain[0]).paragraphs)
    assert "menindaklanjuti" not in text
