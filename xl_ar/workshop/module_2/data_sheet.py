"""The module 2 data sheet: the shared AR ledger the limit review reads."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.data import LedgerRefs, write_ledger
from xl_ar.workshop.layout import paragraph

__all__ = ["add_data_sheet"]


def add_data_sheet(book: Book) -> LedgerRefs:
    """The Data sheet with the shared ledger; returns the ledger's references."""
    sh = book.sheet("Data")
    refs = write_ledger(book, sh, top=3, table_name=book.t(("tblPiutang", "tblLedger")))
    paragraph(
        sh,
        "D2",
        11,
        (
            "Buku besar piutang yang sama dengan modul lain; Sisa = saldo per tanggal data, "
            "nota kredit bernilai negatif.",
            "The same AR ledger as the other modules; Balance = balance at the data date, "
            "credit notes are negative.",
        ),
    )
    return refs
