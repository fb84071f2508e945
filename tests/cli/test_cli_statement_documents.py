"""`xl-ar statements --format xlsx,docx,pdf --eml`: the real statements of account (core) as
Word/PDF documents and e-mail drafts, closing balances equal to the aging, same text in the PDF."""

from __future__ import annotations

import subprocess
from email import policy
from email.parser import BytesParser

import pytest
from document_samples import docx_tables, docx_text

from xl_ar.cli import main

LEDGER_CSV = """Pelanggan,No Faktur,Jenis,Tanggal Faktur,Jatuh Tempo,Jumlah,Dibayar,Tanggal Bayar
PT Maju,F-001,Faktur,2024-05-10,2024-06-09,1000000,1000000,2024-06-05
PT Maju,F-003,Faktur,2024-04-15,2024-05-15,750000,750000,2024-07-05
PT Maju,F-002,Faktur,2024-06-03,2024-07-03,2500000,1000000,2024-06-20
PT Maju,NK-001,Nota Kredit,2024-06-12,2024-06-12,300000,0,
CV Baru,F-100,Faktur,2024-06-01,2024-07-01,90000,0,
"""
MASTER_CSV = """Pelanggan,Email,Bahasa,Nomor VA
PT. Maju,ar@maju.example,id,8808 1234
CV Baru,,en,
"""


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path):
    (tmp_path / "piutang.csv").write_text(LEDGER_CSV, encoding="utf-8")
    (tmp_path / "pelanggan.csv").write_text(MASTER_CSV, encoding="utf-8")
    return tmp_path


def test_statement_documents_carry_the_statement(capsys, files):
    out = files / "out"
    code, stdout, err = _run(capsys, "statements", files / "piutang.csv", "--from", "2024-06-01",
                             "--to", "2024-06-30", "--customers", files / "pelanggan.csv",
                             "--format", "xlsx,docx", "--eml", "--bank", "BCA",
                             "--bank-account", "123-456", "--smtp-from", "ar@sinar.example",
                             "--out", out)  # fmt: skip
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "rekening_PT_Maju_2024-06-30.docx",
        "rekening_PT_Maju_2024-06-30.eml",
        "rekening_PT_Maju_2024-06-30.xlsx",
        "statement_CV_Baru_2024-06-30.docx",
        "statement_CV_Baru_2024-06-30.xlsx",
    ]  # fmt: skip  CV Baru: English (master), no e-mail -> no draft
    text = docx_text(out / "rekening_PT_Maju_2024-06-30.docx")
    # opening 750,000 (F-003 open on 31/05); June: F-002 +2,500,000, F-001 paid 1,000,000,
    # NK-001 -300,000, F-002 paid 1,000,000 -> closing 1,950,000 = PT Maju's aging on 30/06
    assert "Rp 750.000" in text and "Rp 1.950.000" in text
    rows = [r for t in docx_tables(out / "rekening_PT_Maju_2024-06-30.docx") for r in t]
    documents = [r[2] for r in rows if len(r) > 3 and r[2] in {"F-001", "F-002", "NK-001"}]
    assert documents == ["F-002", "F-001", "NK-001", "F-002"]
    assert "8808 1234" in text and "BCA" in text and "123-456" in text
    msg = BytesParser(policy=policy.default).parsebytes(
        (out / "rekening_PT_Maju_2024-06-30.eml").read_bytes()
    )
    assert msg["To"] == "ar@maju.example"
    (part,) = list(msg.iter_attachments())
    assert part.get_content() == (out / "rekening_PT_Maju_2024-06-30.docx").read_bytes()
    assert "CV Baru" in err  # listed: no e-mail draft, and why


@pytest.mark.libreoffice
def test_statement_pdf_has_the_word_text(capsys, files):
    from libreoffice import require_soffice

    require_soffice()
    out = files / "pdf"
    code, _, err = _run(capsys, "statements", files / "piutang.csv", "--from", "2024-06-01",
                        "--to", "2024-06-30", "--customer", "PT Maju", "--format", "pdf",
                        "--out", out)  # fmt: skip
    assert code == 0, err
    pdf = out / "rekening_PT_Maju_2024-06-30.pdf"
    words = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()  # fmt: skip
    )
    for cell in ("F-001", "F-002", "NK-001", "Rp 750.000", "Rp 1.950.000"):
        assert cell in words
