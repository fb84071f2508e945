"""The hotel case's Segment Analysis sheet: 2024 figures per customer segment."""

from __future__ import annotations

from dataclasses import dataclass

from xl_ar.workshop.book import Book, Sheet, a1, sheet_ref
from xl_ar.workshop.case_hotel.context import FOCUS_YEAR, SHEETS
from xl_ar.workshop.case_hotel.data_sheet import HotelRefs
from xl_ar.workshop.case_hotel.figures import segment_figures
from xl_ar.workshop.case_hotel.targets import TargetRefs
from xl_ar.workshop.hotel_data import SEGMENTS
from xl_ar.workshop.layout import ask, titled_sheet


@dataclass(frozen=True)
class SegmentRefs:
    """Cells of the segment table: ``cell(key, column)`` for a segment key and a column key."""

    sheet: str
    rows: dict[str, int]
    cols: dict[str, int]

    def cell(self, key: str, column: str) -> str:
        return sheet_ref(self.sheet, a1(self.rows[key], self.cols[column]))


SEGMENT_COLUMNS = ("segment", "sales", "beginning", "ending", "average", "acp", "check", "share")


def segment_sheet(book: Book, d: HotelRefs, targets: TargetRefs) -> SegmentRefs:
    """Worked SUMIFS per segment (sales, beginning and ending AR), the trainee's ACP per segment.

    The table shows no ACP of its own: the total's ACP is a Questions answer and the
    segments' ACPs are this sheet's exercises.
    """
    t = book.t
    year = FOCUS_YEAR
    sh = titled_sheet(
        book,
        SHEETS["segments"],
        (f"Analisis Segmen {year}", f"Segment Analysis {year}"),
        widths=[22, 17, 17, 17, 17, 12, 5, 12, 45],
        intro=(
            "Contoh kerja: SUMIFS dengan kriteria Segmen (kolom B:E). Isi sel kuning: ACP tiap "
            "segmen = dasar hari (sheet Target) × rata-rata piutang ÷ penjualan kredit.",
            "Worked example: SUMIFS with a Segment criterion (columns B:E). Fill the yellow "
            "cells: each segment's ACP = day basis (Targets sheet) × average AR ÷ credit sales.",
        ),
    )
    sh.write("A4", t(("Tahun", "Year")), "bold")
    sh.write("B4", year, "bold")
    header = [
        t(("Segmen", "Segment")),
        t(("Penjualan kredit", "Credit sales")),
        t((f"Piutang awal (31-12-{year - 1})", f"Beginning AR (31-12-{year - 1})")),
        t((f"Piutang akhir (31-12-{year})", f"Ending AR (31-12-{year})")),
        t(("Rata-rata piutang", "Average AR")),
        t(("ACP (hari): isi", "ACP (days): yours")),
        "✓/✗",
        t(("Porsi penjualan", "Share of sales")),
    ]
    head = 5
    sh.row((head, 0), header, "header")
    sh.row_heights[head] = 32
    cols = {key: i for i, key in enumerate(SEGMENT_COLUMNS)}
    figures = segment_figures(book.lang)
    seg, amt, paid = d.col("segment"), d.col("amount"), d.col("paid")
    inv, pay = d.col("invoice_date"), d.col("payment_date")
    rows = {key: head + 1 + i for i, key in enumerate(SEGMENTS)}
    total_row = head + 1 + len(SEGMENTS)
    total_sales = sum(f["sales"] for f in figures.values())
    start, end = '">="&DATE($B$4,1,1)', '"<="&DATE($B$4,12,31)'
    prev = '"<="&DATE($B$4-1,12,31)'
    for key, labels in SEGMENTS.items():
        r, f = rows[key], figures[key]
        name = a1(r, 0)
        sh.write((r, 0), t(labels), "bold")

        def balance(at: str, name: str = name) -> str:
            return (
                f"=SUMIFS({amt},{seg},{name},{inv},{at})"
                f"-SUMIFS({paid},{seg},{name},{inv},{at},{pay},{at})"
            )

        sh.formula(
            (r, 1),
            f"=SUMIFS({amt},{seg},{name},{inv},{start},{inv},{end})",
            expected=f["sales"],
            style="money",
        )
        sh.formula((r, 2), balance(prev), expected=f["beginning"], style="money")
        sh.formula((r, 3), balance(end), expected=f["ending"], style="money")
        _segment_average_and_share(sh, r, f, total_row, total_sales)
        sh.exercise(
            (r, cols["acp"]),
            f["acp"],
            kind="days",
            question=t(
                (f"ACP {year} segmen {labels[0]} (hari)", f"ACP {year}, {labels[1]} (days)")
            ),
        )
    totals = {k: sum(f[k] for f in figures.values()) for k in ("sales", "beginning", "ending")}
    sh.write((total_row, 0), t(("Total", "Total")), "bold")
    for c, key in ((1, "sales"), (2, "beginning"), (3, "ending")):
        span = f"{a1(head + 1, c)}:{a1(total_row - 1, c)}"
        sh.formula((total_row, c), f"=SUM({span})", expected=totals[key], style="total_money")
    _segment_average_and_share(sh, total_row, totals, total_row, total_sales)
    note = (
        f"Total = kolom {year} di Ringkasan Tahunan; ACP totalnya adalah soal di sheet Pertanyaan",
        f"Total = the {year} column of the Annual Summary; its ACP is a Questions exercise",
    )
    sh.write((total_row, 8), t(note), "note")
    _segment_question(book, sh, total_row + 2, figures)
    return SegmentRefs(sheet=sh.name, rows=rows, cols=cols)


def _segment_average_and_share(
    sh: Sheet, r: int, f: dict[str, float], total_row: int, total_sales: float
) -> None:
    """Average AR and share of sales of one segment row (or of the total row)."""
    b, c, d = (a1(r, k) for k in range(1, 4))
    average = (f["beginning"] + f["ending"]) / 2
    sh.formula((r, 4), f"=({c}+{d})/2", expected=average, style="money")
    sh.formula(
        (r, 7),
        f"={b}/{a1(total_row, 1, absolute=True)}",
        expected=f["sales"] / total_sales,
        style="pct",
    )


def _segment_question(book: Book, sh: Sheet, r: int, figures: dict[str, dict[str, float]]) -> None:
    t = book.t
    longest = max(figures, key=lambda k: figures[k]["acp"])
    text = t(
        (
            f"Segmen dengan ACP {FOCUS_YEAR} terpanjang? Ketik nama segmen seperti di kolom A.",
            f"Which segment has the longest ACP in {FOCUS_YEAR}? Type the name as in column A.",
        )
    )
    ask(sh, r, text, t(SEGMENTS[longest]), "text", q=(0, 4), at=5)
