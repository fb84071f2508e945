"""Word/PDF tables keep invoice numbers and amounts on one line (review 16, finding 17):
fixed column widths, a smaller table font, narrow cell margins, A4. Checked on the PDF
LibreOffice makes with the widest common substitute font (DejaVu Sans) when Arial is absent."""

from __future__ import annotations

import re
import subprocess

import pytest

from xl_ar.core import account_statements
from xl_ar.documents.batch import write_documents
from xl_ar.documents.context import (
    confirmation_documents,
    letter_documents,
    statement_documents,
)
from xl_ar.documents.settings import DocumentSettings

SETTINGS = DocumentSettings(company="PT Sinar Niaga", auditor="KAP Budi", auditor_address="Jakarta")
LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ["PT Mega Sakti", "INV/2024/11/0046", "2024-11-02", "2024-12-02", 1_179_878_099.0,
     134_509_500.0, "2024-12-18"],
    ["PT Mega Sakti", "INV/2024/12/0001", "2024-12-02", "2025-01-01", 280_389_900.0, 0.0, None],
    ["PT Mega Sakti", "INV/2024/10/0033", "2024-10-11", "2024-11-10", 57_853_900.0, 0.0, None],
]  # fmt: skip


@pytest.mark.libreoffice
def test_numbers_do_not_wrap_in_any_pdf(tmp_path):
    from libreoffice import require_soffice

    require_soffice()
    docs = statement_documents(account_statements(LEDGER, "2024-12-01", "2024-12-31"),
                               settings=SETTINGS)  # fmt: skip
    docs += letter_documents(LEDGER, "2024-12-31", settings=SETTINGS)[0]
    docs += confirmation_documents(LEDGER, "2024-12-31", settings=SETTINGS)
    assert [d.kind for d in docs] == ["statement", "letter", "confirmation"]
    run = write_documents(docs, tmp_path, formats=("docx", "pdf"), settings=SETTINGS)
    pdfs = [p for p in run.paths if p.suffix == ".pdf"]
    assert len(pdfs) == 3
    texts = [subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True,
                            text=True, check=True).stdout for p in pdfs]  # fmt: skip
    statement, letter, confirmation = texts
    assert "Saldo awal per 30 November 2024: Rp 1.237.731.999" in statement
    row = "18 Des 2024 Pembayaran INV/2024/11/0046 Pembayaran faktur"
    assert row in statement and "Rp 134.509.500    Rp 1.383.612.399" in statement
    assert "2 Des 2024   Faktur    INV/2024/12/0001 Faktur" in statement
    assert (
        "INV/2024/11/0046   2 Nov 2024        2 Des 2024        29     Rp 1.045.368.599" in letter
    )
    assert (
        "INV/2024/11/0046    Faktur            2 Nov 2024     2 Des 2024    Rp 1.045.368.599"
        in (confirmation)
    )
    for text in texts:  # no invoice number or amount cut at a line end
        assert not re.search(r"INV/[\d/]{0,11}$|Rp\s*$|Rp [\d.]*\.\s*$", text, re.MULTILINE)
        assert "Documen\n" not in text and "Dokume\n" not in text
