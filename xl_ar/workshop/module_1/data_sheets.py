"""The module 1 data sheets: the shared ledger, the customer master and the cash receipts."""

from __future__ import annotations

import pandas as pd

from xl_ar.workshop.book import Book
from xl_ar.workshop.data import LedgerRefs, customers_frame, payments_frame, write_ledger
from xl_ar.workshop.layout import paragraph, titled_sheet

__all__ = ["add_data_sheets"]


def add_data_sheets(book: Book) -> LedgerRefs:
    """The Data, Customers and Payments sheets; returns the ledger's references."""
    t = book.t
    sh = book.sheet("Data")
    refs = write_ledger(book, sh, top=3, table_name=t(("tblPiutang", "tblLedger")))
    paragraph(
        sh,
        "D2",
        11,
        (
            "Sisa = saldo per tanggal data; nota kredit bernilai negatif. Tabel Excel "
            "'tblPiutang' siap untuk PivotTable.",
            "Balance = balance at the data date; credit notes are negative. The Excel table "
            "'tblLedger' is ready for a PivotTable.",
        ),
    )
    cust = titled_sheet(
        book,
        ("Pelanggan", "Customers"),
        ("Master pelanggan", "Customer master"),
        widths=[22, 14, 18, 14, 18, 18],
        intro=(
            "Tip latihan no. 9: tambahkan kolom 'Sisa' di sebelah kanan dengan SUMIF ke "
            "sheet Data, lalu cari yang terbesar.",
            "Tip for practice no. 9: add a 'Balance' column on the right with SUMIF on the "
            "Data sheet, then find the largest.",
        ),
    )
    frame = customers_frame(book.lang)
    cust.table(
        "A4",
        list(frame.columns),
        frame.values.tolist(),
        [None, None, None, "int", "money"],
        name=t(("tblPelanggan", "tblCustomers")),
    )
    pay = titled_sheet(
        book,
        ("Pembayaran", "Payments"),
        ("Penerimaan kas 2024", "Cash receipts 2024"),
        widths=[14, 22, 22, 16, 20],
        intro=(
            "Satu baris per transfer pelanggan yang sudah dialokasikan ke faktur. Jumlah = kas "
            "yang diterima: nota kredit yang dialokasikan ke faktur sudah dikurangkan (nota "
            "kredit bukan kas).",
            "One row per customer transfer, already applied to an invoice. Amount = cash "
            "received: credit notes applied to the invoice are netted out (a credit note is "
            "not cash).",
        ),
    )
    frame = payments_frame(book.lang)
    rows = [[pd.Timestamp(r[0]), *r[1:]] for r in frame.itertuples(index=False)]
    pay.table(
        "A4",
        list(frame.columns),
        rows,
        ["date", None, None, "money", None],
        name=t(("tblPembayaran", "tblPayments")),
    )
    pay.freeze = (4, 0)
    return refs
