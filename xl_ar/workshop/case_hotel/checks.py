"""The hotel case's last sheet, "Cek dengan xl-ar": the ratio answers recomputed by ``AR_*``."""

from __future__ import annotations

from collections.abc import Callable

from xl_ar.core import average_collection_period
from xl_ar.workshop.book import Book
from xl_ar.workshop.case_hotel.context import DAY_BASIS, FOCUS_YEAR, SHEETS
from xl_ar.workshop.case_hotel.figures import annual_figures, segment_figures, year_ratios
from xl_ar.workshop.case_hotel.metrics import METRICS
from xl_ar.workshop.case_hotel.segments import SegmentRefs
from xl_ar.workshop.case_hotel.summary import SummaryRefs
from xl_ar.workshop.cover import typed_formula as local_formula
from xl_ar.workshop.hotel_data import SEGMENTS, YEARS
from xl_ar.workshop.layout import titled_sheet


def check_sheet(book: Book, s: SummaryRefs, segments: SegmentRefs) -> None:
    """The last sheet: every ratio answer recomputed by the xl-ar functions (open it last)."""
    t = book.t
    sh = titled_sheet(
        book,
        SHEETS["check"],
        ("Cek jawaban dengan fungsi xl-ar", "Check your answers with the xl-ar functions"),
        widths=[40, 12, 13, 13, 13, 13, 90],
        intro=(
            "Buka sheet ini setelah Anda selesai: sheet ini menghitung jawaban rasio di sheet "
            "Pertanyaan dan ACP di Analisis Segmen dengan fungsi add-in xl-ar (AR_RTO dan "
            "kawan-kawan), dari angka Ringkasan Tahunan. Tanpa add-in xl-ar, sel hasil "
            "menampilkan #NAME?.",
            "Open this sheet after you finish: it computes the ratio answers of the Questions "
            "sheet and the ACPs of the Segment Analysis with the xl-ar add-in's functions "
            "(AR_RTO & co.), from the Annual Summary figures. Without the xl-ar add-in the "
            "result cells show #NAME?.",
        ),
    )
    last = YEARS[-1]
    header = [
        t(("Rasio", "Ratio")),
        t(("Target", "Target")),
        *YEARS,
        t((f"Rumus (kolom {last})", f"Formula ({last} column)")),
    ]
    sh.row("A4", header, "header")
    metric = {m.key: m for m in METRICS}
    for i, (key, label, style, call) in enumerate(_check_rows()):
        r = 4 + i
        m = metric.get(key)
        sh.write((r, 0), t(m.label if m else label), "bold")
        sh.write((r, 1), m.target_text(book.lang) if m else None, "text")
        for j, year in enumerate(YEARS):
            formula, expected = call(s, year)
            sh.formula((r, 2 + j), formula, expected=expected, style=style)
        sh.write((r, 6), local_formula(call(s, last)[0], book.lang), "note")
    r = 5 + len(_check_rows())
    sh.row(
        (r, 0),
        [
            t(("Segmen", "Segment")),
            None,
            None,
            None,
            None,
            t((f"ACP {FOCUS_YEAR}", f"ACP {FOCUS_YEAR}")),
            t(("Rumus", "Formula")),
        ],
        "header",
    )
    figures = segment_figures(book.lang)
    for i, (key, labels) in enumerate(SEGMENTS.items()):
        args = ",".join(segments.cell(key, c) for c in ("sales", "beginning", "ending"))
        formula = f'=AR_RTO({args},{DAY_BASIS},"acp")'
        sh.write((r + 1 + i, 0), t(labels), "bold")
        sh.formula((r + 1 + i, 5), formula, expected=figures[key]["acp"], style="days")
        sh.write((r + 1 + i, 6), local_formula(formula, book.lang), "note")


CheckCall = Callable[["SummaryRefs", int], tuple[str, float]]


def _check_rows() -> list[tuple[str, tuple[str, str], str, CheckCall]]:
    """Rows of the check sheet: metric key, label (when not a metric), style, formula maker."""

    def call(key: str, make: Callable[[Callable[[str], str]], str]) -> CheckCall:
        def build(s: SummaryRefs, year: int) -> tuple[str, float]:
            f = annual_figures()[year]  # the same numbers in both languages (tested)
            value = (
                year_ratios(f)[key]
                if key != "acp365"
                else average_collection_period(f.sales, f.beginning, f.ending, day_basis=365)
            )
            return make(lambda item: s.cell(item, year)), value

        return build

    def rto(c: Callable[[str], str]) -> str:
        return f"{c('sales')},{c('beginning')},{c('ending')}"

    return [
        ("rto", ("", ""), "ratio", call("rto", lambda c: f"=AR_RTO({rto(c)})")),
        ("acp", ("", ""), "days", call("acp", lambda c: f'=AR_RTO({rto(c)},{DAY_BASIS},"acp")')),
        (
            "acp365",
            ("Pembanding: ACP dasar 365 hari (gaya CFA)", "For comparison: ACP, 365-day basis"),
            "days",
            call("acp365", lambda c: f'=AR_RTO({rto(c)},365,"acp")'),
        ),
        (
            "arrears",
            ("", ""),
            "pct2",
            call("arrears", lambda c: f"=AR_ARREARS_RATIO({c('past_due')},{c('sales')})"),
        ),
        (
            "collection",
            ("", ""),
            "pct2",
            call(
                "collection",
                lambda c: f"=AR_COLLECTION_RATIO({c('collected')},{c('beginning')}+{c('sales')})",
            ),
        ),
        (
            "bad_debt",
            ("", ""),
            "pct2",
            call("bad_debt", lambda c: f"=AR_BAD_DEBT_RATIO({c('written_off')},{c('sales')})"),
        ),
    ]
