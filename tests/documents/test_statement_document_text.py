"""What a Word/PDF statement says: one description in its language, the notes, the type of
each line and the date of the opening balance (review 16, findings 5 and 11)."""

from __future__ import annotations

from xl_ar.core import account_statement
from xl_ar.documents.context import statement_context

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
