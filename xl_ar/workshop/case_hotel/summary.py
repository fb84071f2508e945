"""The hotel case's Annual Summary sheet: yearly figures with SUMIFS (worked example)."""

from __future__ import annotations

from dataclasses import dataclass

from xlsxwriter.utility import xl_rowcol_to_cell

from xl_ar.workshop.book import Book, a1, sheet_ref
from xl_ar.workshop.case_hotel.context import SHEETS
from xl_ar.workshop.case_hotel.data_sheet import HotelRefs
from xl_ar.workshop.case_hotel.figures import annual_figures
from xl_ar.workshop.hotel_data import HOTEL, YEARS
from xl_ar.workshop.layout import paragraph, titled_sheet
from xl_ar.workshop.terms import WRITE_OFF, WRITE_OFF_SHORT

SUMMARY_ROWS = (
    ("sales", ("Penjualan kredit", "Credit sales")),
    ("beginning", ("Piutang awal (31 Des tahun sebelumnya)", "Beginning AR (31 Dec, prior year)")),
    ("ending", ("Piutang akhir (31 Des)", "Ending AR (31 Dec)")),
    ("collected", ("Penerimaan kas dari piutang", "Cash collected")),
    ("past_due", ("Piutang lewat jatuh tempo per 31 Des", "Past-due AR at 31 Dec")),
    ("written_off", (WRITE_OFF[0], f"{WRITE_OFF[1]}s")),
)
"""Rows of the annual summary: figure key and label."""


@dataclass(frozen=True)
class SummaryRefs:
    """Cells of the annual summary: ``cell(key, year)`` gives a sheet-qualified reference."""

    sheet: str
    rows: dict[str, int]
    cols: dict[int, int]

    def cell(self, key: str, year: int, *, qualified: bool = True) -> str:
        ref = a1(self.rows[key], self.cols[year])
        return sheet_ref(self.sheet, ref) if qualified else ref


def _summary_formulas(d: HotelRefs, year_cell: str) -> dict[str, str]:
    """The SUMIFS formula of every summary row for the year in ``year_cell`` (e.g. ``B$5``)."""
    amt, paid, wo = d.col("amount"), d.col("paid"), d.col("written_off")
    inv, due, pay = d.col("invoice_date"), d.col("due_date"), d.col("payment_date")
    start, end = f'">="&DATE({year_cell},1,1)', f'"<="&DATE({year_cell},12,31)'
    prev = f'"<="&DATE({year_cell}-1,12,31)'
    before = f'"<"&DATE({year_cell},12,31)'

    def balance(at: str) -> str:
        return f"SUMIFS({amt},{inv},{at})-SUMIFS({paid},{inv},{at},{pay},{at})"

    return {
        "sales": f"=SUMIFS({amt},{inv},{start},{inv},{end})",
        "beginning": "=" + balance(prev),
        "ending": "=" + balance(end),
        "collected": (
            f"=SUMIFS({paid},{pay},{start},{pay},{end})-SUMIFS({wo},{pay},{start},{pay},{end})"
        ),
        "past_due": (
            f"=SUMIFS({amt},{inv},{end},{due},{before})"
            f"-SUMIFS({paid},{inv},{end},{due},{before},{pay},{end})"
        ),
        "written_off": f"=SUMIFS({wo},{pay},{start},{pay},{end})",
    }


def summary_sheet(book: Book, d: HotelRefs) -> SummaryRefs:
    t = book.t
    sh = titled_sheet(
        book,
        SHEETS["summary"],
        ("Ringkasan Tahunan Piutang", "Annual Receivables Summary"),
        widths=[50, 17, 17, 17, 17, 75],
    )
    sh.write("A2", HOTEL, "bold")
    paragraph(
        sh,
        "A3",
        5,
        t(
            (
                "Contoh kerja: semua angka dihitung dengan SUMIFS dari sheet Data; tahun di "
                "baris 5 dipakai dalam rumus lewat DATE(tahun;1;1) dan DATE(tahun;12;31). "
                "Pakai angka-angka ini untuk sheet Pertanyaan.",
                "Worked example: every figure is a SUMIFS on the Data sheet; the year in row "
                "5 enters the formulas through DATE(year,1,1) and DATE(year,12,31). Use these "
                "figures on the Questions sheet.",
            )
        ),
    )
    head_row = 4
    sh.write((head_row, 0), t(("Pos (Rupiah)", "Item (Rupiah)")), "header")
    sh.write((head_row, len(YEARS) + 1), t(("Cara menghitung", "How it is computed")), "header")
    figures = annual_figures(book.lang)
    cols = {}
    for j, year in enumerate(YEARS):
        cols[year] = 1 + j
        sh.write((head_row, cols[year]), year, "header")
    rows = {key: head_row + 1 + i for i, (key, _) in enumerate(SUMMARY_ROWS)}
    how = _summary_notes()
    for key, label in SUMMARY_ROWS:
        sh.write((rows[key], 0), t(label), "bold")
        sh.write((rows[key], len(YEARS) + 1), t(how[key]), "note")
    for year, c in cols.items():
        formulas = _summary_formulas(d, xl_rowcol_to_cell(head_row, c, row_abs=True))
        f = figures[year]
        for key, _ in SUMMARY_ROWS:
            sh.formula((rows[key], c), formulas[key], expected=getattr(f, key), style="money")
        check_row = rows["written_off"] + 1
        ref = {k: a1(r, c) for k, r in rows.items()}
        sh.formula(
            (check_row, c),
            f"={ref['beginning']}+{ref['sales']}-{ref['collected']}-{ref['written_off']}"
            f"-{ref['ending']}",
            expected=f.beginning + f.sales - f.collected - f.written_off - f.ending,
            style="total_money",
        )
    check_row = rows["written_off"] + 1
    label = (
        "Kontrol: awal + penjualan − kas − penghapusan − akhir",
        "Check: beginning + sales − cash − write-offs − ending",
    )
    sh.write((check_row, 0), t(label), "bold")
    sh.write((check_row, len(YEARS) + 1), t(("harus 0", "must be 0")), "note")
    sh.freeze = (head_row + 1, 1)
    return SummaryRefs(sheet=sh.name, rows=rows, cols=cols)


def _summary_notes() -> dict[str, tuple[str, str]]:
    return {
        "sales": (
            "Jumlah faktur bertanggal dalam tahun itu",
            "Amount of the invoices dated in the year",
        ),
        "beginning": (
            "Faktur s.d. 31 Des tahun lalu − Dibayar bertanggal bayar s.d. tanggal itu",
            "Invoices up to 31 Dec of the prior year − Paid with a payment date up to then",
        ),
        "ending": (
            "Sama, per 31 Des tahun ini (saldo akhir = saldo awal tahun berikutnya)",
            "The same at 31 Dec of the year (ending AR = next year's beginning AR)",
        ),
        "collected": (
            f"Dibayar − {WRITE_OFF_SHORT[0]}, untuk tanggal bayar dalam tahun itu",
            f"Paid − {WRITE_OFF_SHORT[1]}, for payment dates in the year",
        ),
        "past_due": (
            "Saldo akhir dari faktur yang jatuh temponya sebelum 31 Des",
            "Ending balance of the invoices due before 31 Dec",
        ),
        "written_off": (
            f"{WRITE_OFF_SHORT[0]} dengan tanggal penghapusan (Tanggal Bayar) dalam tahun itu",
            f"{WRITE_OFF_SHORT[1]} with a write-off date (Payment Date) in the year",
        ),
    }
