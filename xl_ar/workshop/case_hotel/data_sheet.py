"""The hotel case's Data sheet: the hotel's invoice ledger."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from xl_ar.workshop.book import Book, col_range
from xl_ar.workshop.case_hotel.context import SHEETS
from xl_ar.workshop.data import AS_OF
from xl_ar.workshop.hotel_data import HOTEL, HOTEL_COLUMNS, hotel_frame
from xl_ar.workshop.layout import paragraph
from xl_ar.workshop.terms import WRITE_OFF, WRITE_OFF_SHORT


@dataclass(frozen=True)
class HotelRefs:
    """Where the hotel ledger sits on the Data sheet."""

    sheet: str
    header_row: int  # zero-based
    first: int
    last: int

    def col(self, key: str) -> str:
        """Absolute, sheet-qualified data range of a column key (``"amount"``, ``"segment"``)."""
        index = [c[0] for c in HOTEL_COLUMNS].index(key)
        return col_range(self.sheet, index, self.first, self.last)


def hotel_data_sheet(book: Book) -> HotelRefs:
    t = book.t
    sh = book.sheet(t(SHEETS["data"]))
    sh.write("A1", t((f"Faktur Kredit — {HOTEL}", f"Credit Invoices — {HOTEL}")), "title")
    sh.write("A2", t(("Per tanggal", "As of")), "bold")
    sh.write("B2", AS_OF, "date")
    sh.width(0, [36, 12, 17, 17, 8, 13, 8, 13, 15, 15, 13, 14, 9, 9, 12, 13, 9, 13])
    paragraph(
        sh,
        "A3",
        11,
        t(
            (
                "Faktur Okt–Des 2020 membentuk saldo awal 2021. Pembayaran sesudah 31-12-2024 "
                "belum tercatat (faktur itu masih terbuka). Termin: korporat 30 hari, travel "
                "agent 14/21 hari, pemerintah 30 hari.",
                "Invoices of Oct–Dec 2020 make up the opening balance of 2021. Payments after "
                "31-12-2024 are not recorded yet (those invoices are still open). Terms: "
                "corporate 30 days, travel agents 14/21 days, government 30 days.",
            )
        ),
    )
    paragraph(
        sh,
        "A4",
        11,
        t(
            (
                f"{WRITE_OFF[0]}: faktur yang dihapus keluar dari saldo pada tanggal "
                "penghapusannya — Dibayar = Jumlah, Tanggal Bayar = tanggal penghapusan, kolom "
                f"{WRITE_OFF_SHORT[0]} = jumlah yang dihapus. Kas diterima = Dibayar − "
                f"{WRITE_OFF_SHORT[0]}.",
                "Write-offs: a written-off invoice leaves the balance on its write-off date — "
                f"Paid = Amount, Payment Date = write-off date, column {WRITE_OFF_SHORT[1]} = "
                f"the amount written off. Cash received = Paid − {WRITE_OFF_SHORT[1]}.",
            )
        ),
    )
    frame = hotel_frame(book.lang)
    rows = [[None if pd.isna(v) else v for v in rec] for rec in frame.itertuples(index=False)]
    top = 5
    first, last = sh.table(
        (top, 0),
        list(frame.columns),
        rows,
        [c[3] for c in HOTEL_COLUMNS],
        name=t(("tblFakturHotel", "tblHotelInvoices")),
    )
    sh.freeze = (top + 1, 1)
    return HotelRefs(sheet=sh.name, header_row=top, first=first, last=last)
