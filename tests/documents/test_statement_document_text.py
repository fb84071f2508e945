"""What a Word/PDF statement says: one description in its language, the notes, the type of
each line and the date of the opening balance (review 16, findings 5 and 11)."""

from __future__ import annotations

from document_samples import SETTINGS, docx_tables, docx_text

from xl_ar.core import account_statement
from xl_ar.documents.batch import write_documents
from xl_ar.documents.context import statement_context, statement_documents

ROWS = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ["PT A", "INV/2024/12/0001", "2024-11-03", "2024-12-03", 280_389_900, 200_000, "2024-12-20"],
    ["PT A", "INV/2024/12/0002", "2024-12-05", "2025-01-05", 1_000, 1_000, None],
]


def _statement():
    return account_statement(ROWS, "PT A", "2024-12-01", "2024-12-31")


def test_one_description_in_the_document_language():
    en = statement_context(_statement(), lang="en")["lines"]
    idn = statement_context(_statement(), lang="id")["lines"]
    assert [r["description"] for r in en] == [
        "Invoice INV/2024/12/0002",
        "Payment of invoice INV/2024/12/0002 (payment date unknown: counted from the document date)",
        "Payment of invoice INV/2024/12/0001",
    ]
    assert [r["description"] for r in idn] == [
        "Faktur INV/2024/12/0002",
        "Pembayaran faktur INV/2024/12/0002 (tanggal bayar tidak diketahui: dihitung per "
        "tanggal dokumen)",
        "Pembayaran faktur INV/2024/12/0001",
    ]


def _rendered(tmp_path, stmt, lang):
    docs = statement_documents([stmt], lang=lang, settings=SETTINGS)
    run = write_documents(docs, tmp_path, formats=("docx",), settings=SETTINGS)
    return docx_text(run.paths[0]), docx_tables(run.paths[0])


def test_word_statement_has_notes_type_and_opening_date(tmp_path):
    text, tables = _rendered(tmp_path, _statement(), "id")
    assert "Saldo awal per 30 November 2024: Rp 280.389.900" in text.splitlines()
    assert "Saldo akhir per 31 Desember 2024: Rp 280.189.900" in text.splitlines()
    assert (
        "Catatan: 1 pembayaran tanpa tanggal bayar (Rp 1.000) dihitung per tanggal dokumennya, "
        "seperti umur piutang: saldo sebelum tanggal bayar yang sebenarnya bisa terlalu kecil"
    ) in text.splitlines()
    lines = tables[0]
    assert lines[0][:3] == ["Tanggal", "Jenis", "Dokumen"]
    assert [row[1] for row in lines[1:-1]] == ["Faktur", "Pembayaran", "Pembayaran"]
    assert lines[-1][5:] == ["Rp 1.000", "Rp 201.000", "Rp 280.189.900"]
    assert [row[0] for row in tables[1]] == [
        "Umur piutang", "Belum Jatuh Tempo", "1-30 hari", "31-60 hari", "61-90 hari",
        ">90 hari", "Total",
    ]  # fmt: skip


def test_snapshot_statement_says_opening_not_known(tmp_path):
    snapshot = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
                ["PT A", "F-1", "2024-11-03", "2024-12-03", 500.0]]  # fmt: skip
    stmt = account_statement(snapshot, "PT A", "2024-12-01", "2024-12-31")
    text, _ = _rendered(tmp_path, stmt, "en")
    assert "Opening balance at 30 November 2024: not known" in text.splitlines()
    assert (
        "Note: opening balance not known: the ledger lists only open items, with no payment "
        "history; the lines are the items open at 31/12/2024, not movements"
    ) in text.splitlines()
