"""The ribbon's document buttons against the workbook double: documents in a folder next to
the workbook, one-line errors, and sending only after an explicit Yes."""

from __future__ import annotations

import pandas as pd
import pytest
import xlwings as xw
from book_model import sheet_from_rows, workbook

from xl_ar import macros

LEDGER = pd.DataFrame({
    "Pelanggan": ["PT Maju", "PT Maju", "CV Baru"],
    "No Faktur": ["F-1", "F-2", "F-3"],
    "Tanggal Faktur": pd.to_datetime(["2024-10-01", "2024-11-01", "2024-12-01"]),
    "Jatuh Tempo": pd.to_datetime(["2024-10-31", "2024-11-30", "2024-12-27"]),
    "Jumlah": [1_500_000.0, 700_000.0, 250_000.0],
})  # fmt: skip


@pytest.fixture
def book(monkeypatch, tmp_path):
    conf = sheet_from_rows("xl_ar.conf", [["AsOf", "2024-12-31"], ["Company", "PT Sinar"], ["Auditor", "KAP A"],
                                          ["SmtpFrom", "ar@sinar.example"]])  # fmt: skip
    master = sheet_from_rows("Pelanggan", [["Pelanggan", "Surel"], ["PT Maju", "ar@maju.example"]])
    model, book = workbook(LEDGER, conf, master)
    model.fullname = str(tmp_path / "piutang.xlsx")
    monkeypatch.setattr(xw.Book, "caller", lambda: book)
    monkeypatch.setattr("xl_ar.documents.pdf.soffice_path", lambda: None)  # docx only, fast
    return model


def test_letter_and_confirmation_buttons_write_next_to_the_workbook(book, tmp_path):
    macros.letter_documents_report()
    folder = tmp_path / "xl_ar_dokumen" / "2024-12-31"
    assert sorted(p.name for p in folder.iterdir()) == [
        "surat_CV_Baru_2024-12-31.docx", "surat_PT_Maju_2024-12-31.docx",
        "surat_PT_Maju_2024-12-31.eml",
    ]  # fmt: skip
    assert book.alerts[-1][0].startswith("wrote 3 files (letters)\n1 without an e-mail draft:")
    macros.confirmation_documents_report()
    assert "konfirmasi_PT_Maju_2024-12-31.docx" in {p.name for p in folder.iterdir()}
    macros.letter_documents_report()  # again: refused, nothing overwritten
    assert "never overwrites a document" in book.alerts[-1][0]
    assert "\n" not in book.alerts[-1][0]


def test_send_button_shows_a_dry_run_and_sends_nothing_without_yes(book, tmp_path, monkeypatch):
    macros.letter_documents_report()
    sent = []
    monkeypatch.setattr("smtplib.SMTP", lambda *a, **k: sent.append(a))
    macros.send_emails()  # the double answers "ok", never "yes"
    prompt = book.alerts[-1][0]
    assert prompt.startswith("would send surat_PT_Maju_2024-12-31.docx to ar@maju.example")
    assert prompt.endswith("Send these 1 e-mails now? / Kirim sekarang?")
    assert sent == []
    assert not (tmp_path / "xl_ar_dokumen" / "2024-12-31" / "xl_ar_send_log.csv").exists()


def test_an_unsaved_workbook_is_one_line(book):
    book.fullname = "Book1"
    macros.letter_documents_report()
    assert book.alerts[-1][0] == (
        "save the workbook first: the documents go into a folder next to it"
    )
