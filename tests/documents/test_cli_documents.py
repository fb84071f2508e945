"""The document commands as a new user runs them: letters as Word files with e-mail drafts,
confirmations, templates; failures in one line."""

from __future__ import annotations

import csv
from email import policy
from email.parser import BytesParser

from document_samples import LEDGER, docx_tables

from xl_ar.cli import main


def _files(tmp_path):
    ledger = tmp_path / "ledger.csv"
    with open(ledger, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(LEDGER)
    master = tmp_path / "pelanggan.csv"
    master.write_text(
        "Pelanggan,PIC,Surel,Alamat,Bahasa\n"
        "CV Baru,Jane,jane@baru.example,Jl. Baru 2,en\n"
        "UD Tanpa Surel,,,,\n",
        encoding="utf-8",
    )
    conf = tmp_path / "conf.csv"
    conf.write_text(
        "Company,PT Sinar Niaga\nPenandatangan,Rina Wati\nJabatan,Manajer Keuangan\n"
        "SmtpFrom,ar@sinar.example\nAuditor,KAP Budi\nAlamatAuditor,Jakarta\nLanguage,id\n",
        encoding="utf-8",
    )
    return ledger, master, conf


def test_letters_as_word_with_drafts(tmp_path, capsys):
    ledger, master, conf = _files(tmp_path)
    out = tmp_path / "surat"
    code = main(["letters", str(ledger), "--as-of", "2024-12-31", "--format", "txt,docx",
                 "--eml", "--customers", str(master), "--conf", str(conf), "--out", str(out)])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    names = sorted(p.name for p in out.iterdir())
    assert "letter_CV_Baru_2024-12-31.docx" in names and "letter_CV_Baru_2024-12-31.eml" in names
    assert "surat_UD_Tanpa_Surel_2024-12-31.docx" in names
    assert sum(n.endswith(".txt") for n in names) == 3  # the text letters too
    assert sum(n.endswith(".eml") for n in names) == 1
    assert "UD Tanpa Surel (no e-mail address in the customer master)" in captured.err
    assert "not in the customer master" in captured.err  # the customer missing from it
    table = docx_tables(out / "letter_CV_Baru_2024-12-31.docx")[0]
    assert table[1] == ["F-201", "1 Dec 2024", "27 Dec 2024", "4", "Rp 250,000"]
    msg = BytesParser(policy=policy.default).parsebytes(
        (out / "letter_CV_Baru_2024-12-31.eml").read_bytes()
    )
    assert msg["To"] == "jane@baru.example" and msg["From"] == "ar@sinar.example"
    again = main(["letters", str(ledger), "--as-of", "2024-12-31", "--format", "docx",
                  "--company", "PT Sinar", "--out", str(out)])  # fmt: skip
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert again == 2 and "xl-ar never overwrites a document" in err


def test_confirmations_and_templates(tmp_path, capsys):
    ledger, master, conf = _files(tmp_path)
    out = tmp_path / "konfirmasi"
    code = main(["confirmations", str(ledger), "--as-of", "2024-12-31", "--largest", "2",
                 "--form", "negative", "--customers", str(master), "--conf", str(conf),
                 "--out", str(out)])  # fmt: skip
    assert code == 0
    assert capsys.readouterr().err.endswith("wrote 2 files (2 negative confirmations)\n")
    assert sorted(p.name for p in out.iterdir()) == [
        "confirmation_CV_Baru_2024-12-31.docx", "konfirmasi_PT_Maju_x_if_2024-12-31.docx",
    ]  # fmt: skip
    code = main(["confirmations", str(ledger), "--as-of", "2024-12-31", "--customer", "CV Bar",
                 "--company", "PT Sinar", "--auditor", "KAP A", "--out", str(tmp_path / "x")])  # fmt: skip
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err == (
        "xl-ar confirmations: customer 'CV Bar' has no open balance in the ledger "
        "(did you mean 'CV Baru'?)"
    )
    assert main(["templates", "--out", str(tmp_path / "tpl")]) == 0
    assert len(list((tmp_path / "tpl").glob("*.docx"))) == 8
    assert main(["letters", str(ledger), "--as-of", "2024-12-31", "--format", "docx,odt",
                 "--out", str(tmp_path / "y")]) == 2  # fmt: skip
    assert "--format is a comma list of txt, docx, pdf" in capsys.readouterr().err
