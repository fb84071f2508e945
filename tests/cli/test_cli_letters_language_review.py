"""Review 16 #15: with a customer master or --conf, the text letters follow each customer's
master language (as the Word letters do) and are signed with the --conf signatory and bank."""

from __future__ import annotations

import csv

from document_samples import LEDGER, docx_text

from xl_ar.cli import main

MASTER = "Pelanggan,Surel,Bahasa\nCV Baru,jane@baru.example,en\nUD Tanpa Surel,,id\n"
CONF = (
    "Company,PT Sinar Niaga\nPenandatangan,Rina Wati\nJabatan,Manajer Keuangan\n"
    "Bank,BCA\nRekening,123-456\nAtasNama,PT Sinar Niaga\n"
)


def _files(tmp_path):
    ledger = tmp_path / "ledger.csv"
    with open(ledger, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(LEDGER)
    (tmp_path / "master.csv").write_text(MASTER, encoding="utf-8")
    (tmp_path / "conf.csv").write_text(CONF, encoding="utf-8")
    return ledger


def _run(tmp_path, capsys, formats):
    ledger = _files(tmp_path)
    out = tmp_path / formats.replace(",", "_")
    code = main(["letters", str(ledger), "--as-of", "2024-12-31", "--format", formats,
                 "--customers", str(tmp_path / "master.csv"), "--conf", str(tmp_path / "conf.csv"),
                 "--out", str(out)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    return out, err


def test_text_letters_follow_the_master_language_and_the_conf_signatory(tmp_path, capsys):
    out, _ = _run(tmp_path, capsys, "txt,docx")
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "001_PT_Maju_x_if_escalation_id.txt", "002_UD_Tanpa_Surel_overdue_id.txt",
        "003_CV_Baru_early_en.txt", "letter_CV_Baru_2024-12-31.docx",
        "surat_PT_Maju_x_if_2024-12-31.docx", "surat_UD_Tanpa_Surel_2024-12-31.docx",
    ]  # fmt: skip
    baru = (out / "003_CV_Baru_early_en.txt").read_text(encoding="utf-8")
    assert baru.endswith("Rina Wati\nManajer Keuangan\nPT Sinar Niaga\n")
    assert "Rina Wati\nManajer Keuangan" in docx_text(out / "letter_CV_Baru_2024-12-31.docx")
    maju = (out / "001_PT_Maju_x_if_escalation_id.txt").read_text(encoding="utf-8")
    assert "Pembayaran dapat ditransfer ke rekening BCA, 123-456 a.n. PT Sinar Niaga." in maju
    assert maju.endswith("Rina Wati\nManajer Keuangan\nPT Sinar Niaga\n")


def test_text_only_with_a_master_also_follows_it(tmp_path, capsys):
    out, err = _run(tmp_path, capsys, "txt")
    assert sorted(p.name for p in out.iterdir())[-1] == "003_CV_Baru_early_en.txt"
    assert f"wrote 3 letters to {out}" in err
