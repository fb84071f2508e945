"""Case study: the receivables of a hotel over four years (2021–2024).

The trainee gets the invoice ledger of *Hotel Nusantara Permai, Yogyakarta* (invented; see
:mod:`xl_ar.workshop.hotel_data`), the hotel's own targets, and a worked annual summary built
with native SUMIFS formulas. From it they compute, for each year, the textbook ratios of
Indonesian financial-management books (Kasmir, Sutrisno): receivable turnover, average
collection period on a 360-day basis, arrears ratio, collection ratio and bad-debt ratio;
say whether each target is met; and answer a few analysis questions. A segment sheet works
out the 2024 figures per customer segment, whose ACP the trainee computes; the last sheet,
"Cek dengan xl-ar" / "Check with xl-ar", recomputes every ratio answer with the xl-ar
worksheet functions (``AR_RTO`` & co.) and is meant to be opened after finishing.

Every expected value and every answer comes from the core: balances at a date from
:func:`xl_ar.core.open_items.outstanding_at`, past-due balances from
:func:`xl_ar.core.open_items.open_items`, ratios from :mod:`xl_ar.core.ratios`.

Definitions used (stated on the sheets):

* credit sales of year *Y* = invoices dated in *Y*;
* beginning AR = AR at 31 December of *Y − 1*, ending AR = AR at 31 December of *Y*;
* collections = cash received in *Y* = ``Dibayar − Penghapusan`` of the rows paid in *Y*
  (a write-off clears the invoice on its write-off date but is not cash);
* past-due AR = the part of the ending AR whose due date is before 31 December;
* collection ratio = collections ÷ (beginning AR + credit sales);
* arrears and bad-debt ratios divide by the year's credit sales.

Examples
--------
>>> book = build("en")
>>> [s.name for s in book.sheets][:4]
['Instructions', 'Data', 'Targets', 'Annual Summary']
>>> len(book.exercises) >= 25
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd
from xlsxwriter.utility import xl_rowcol_to_cell

from xl_ar.core import ratios
from xl_ar.core.open_items import open_items, outstanding_at
from xl_ar.workshop.book import Book, Sheet, a1, col_range, pick, sheet_ref
from xl_ar.workshop.cover import add_cover
from xl_ar.workshop.data import AS_OF
from xl_ar.workshop.hotel_data import (
    HOTEL,
    HOTEL_COLUMNS,
    SEGMENTS,
    YEARS,
    extra,
    hotel_core,
    hotel_frame,
)
from xl_ar.workshop.layout import ask, paragraph, titled_sheet
from xl_ar.workshop.terms import CHECK_SHEET, WRITE_OFF, WRITE_OFF_SHORT

__all__ = [
    "DAY_BASIS",
    "FOCUS_YEAR",
    "METRICS",
    "Metric",
    "YearFigures",
    "annual_figures",
    "build",
    "meets",
    "segment_figures",
    "year_ratios",
]

DAY_BASIS = 360
"""Days in a year for the average collection period (Kasmir, Sutrisno)."""

FOCUS_YEAR = YEARS[-1]
"""The year of the segment analysis (2024)."""

SHEETS = {
    "data": ("Data", "Data"),
    "target": ("Target", "Targets"),
    "summary": ("Ringkasan Tahunan", "Annual Summary"),
    "questions": ("Pertanyaan", "Questions"),
    "segments": ("Analisis Segmen", "Segment Analysis"),
    "check": CHECK_SHEET,
}
YES_NO = {True: ("YA", "YES"), False: ("TIDAK", "NO")}


@dataclass(frozen=True)
class Metric:
    """A ratio the trainee computes each year, and the hotel's target for it."""

    key: str
    label: tuple[str, str]
    short: tuple[str, str]  # for the answer key's questions
    formula: tuple[str, str]  # how to compute it, in words
    kind: str  # exercise kind: ratio, days, pct
    target: float
    at_least: bool  # True: the value must be >= target; False: <= target

    def target_text(self, lang: str) -> str:
        """The target as the sheets show it, e.g. ``≥ 9×``, ``≤ 40 hari``, ``≤ 5%``."""
        sign = "≥" if self.at_least else "≤"
        if self.kind == "pct":
            number = f"{self.target * 100:g}%"
        elif self.kind == "days":
            number = f"{self.target:g} {pick(('hari', 'days'), lang)}"
        else:
            number = f"{self.target:g}×"
        return f"{sign} {number}"


METRICS: tuple[Metric, ...] = (
    Metric(
        "rto",
        ("Perputaran piutang (RTO), kali", "Receivable turnover (RTO), times"),
        ("RTO", "RTO"),
        (
            "Penjualan kredit ÷ rata-rata piutang; rata-rata = (awal + akhir) ÷ 2",
            "Credit sales ÷ average AR; average = (beginning + ending) ÷ 2",
        ),
        "ratio",
        9.0,
        True,
    ),
    Metric(
        "acp",
        ("Periode penagihan rata-rata (ACP), hari", "Average collection period (ACP), days"),
        ("ACP", "ACP"),
        (
            "360 ÷ RTO = 360 × rata-rata piutang ÷ penjualan kredit",
            "360 ÷ RTO = 360 × average AR ÷ credit sales",
        ),
        "days",
        40.0,
        False,
    ),
    Metric(
        "arrears",
        ("Rasio tunggakan", "Arrears ratio"),
        ("Rasio tunggakan", "Arrears ratio"),
        (
            "Piutang lewat jatuh tempo per 31 Des ÷ penjualan kredit",
            "Past-due AR at 31 Dec ÷ credit sales",
        ),
        "pct",
        0.05,
        False,
    ),
    Metric(
        "collection",
        ("Rasio penagihan", "Collection ratio"),
        ("Rasio penagihan", "Collection ratio"),
        (
            "Kas tertagih ÷ (piutang awal + penjualan kredit)",
            "Cash collected ÷ (beginning AR + credit sales)",
        ),
        "pct",
        0.85,
        True,
    ),
    Metric(
        "bad_debt",
        ("Rasio piutang tak tertagih", "Bad-debt ratio"),
        ("Rasio piutang tak tertagih", "Bad-debt ratio"),
        (
            f"{WRITE_OFF[0]} ÷ penjualan kredit",
            f"{WRITE_OFF[1]}s ÷ credit sales",
        ),
        "pct",
        0.01,
        False,
    ),
)
"""The five ratios of the case, with the hotel's targets (RTO 9× ⇔ ACP 360/9 = 40 days)."""


def meets(metric: Metric, value: float) -> bool:
    """Whether ``value`` meets ``metric``'s target (``>=`` or ``<=`` as the metric says)."""
    return value >= metric.target if metric.at_least else value <= metric.target


# --------------------------------------------------------------------------- core figures


@dataclass(frozen=True)
class YearFigures:
    """The annual-summary figures of one year (Rupiah)."""

    sales: float
    beginning: float
    ending: float
    collected: float
    past_due: float
    written_off: float


def _year_end(year: int) -> pd.Timestamp:
    return pd.Timestamp(year=year, month=12, day=31)


def past_due_at(ledger: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Outstanding past-due amount (due date before ``as_of``) of every open item there."""
    items = open_items(ledger, as_of)
    return items.loc[items["days_past_due"] > 0, "outstanding"]


@cache
def annual_figures(lang: str = "id") -> dict[int, YearFigures]:
    """Credit sales, balances, collections, past-due AR and write-offs of every year.

    Computed with the core from the ledger as the ``lang`` sheet shows it.

    Examples
    --------
    >>> f = annual_figures()[2024]
    >>> f.beginning + f.sales - f.collected - f.written_off == f.ending
    True
    """
    led = hotel_core(lang)
    wo = extra(led, "written_off", lang)
    out = {}
    for year in YEARS:
        first, last = pd.Timestamp(year=year, month=1, day=1), _year_end(year)
        in_year = led["payment_date"].between(first, last)
        out[year] = YearFigures(
            sales=float(led.loc[led["invoice_date"].between(first, last), "amount"].sum()),
            beginning=float(outstanding_at(led, _year_end(year - 1)).sum()),
            ending=float(outstanding_at(led, last).sum()),
            collected=float((led["paid"] - wo)[in_year].sum()),
            past_due=float(past_due_at(led, last).sum()),
            written_off=float(wo[in_year].sum()),
        )
    return out


def year_ratios(f: YearFigures) -> dict[str, float]:
    """The five ratios of one year, computed by :mod:`xl_ar.core.ratios`."""
    return {
        "rto": ratios.receivable_turnover(f.sales, f.beginning, f.ending),
        "acp": ratios.average_collection_period(
            f.sales, f.beginning, f.ending, day_basis=DAY_BASIS
        ),
        "arrears": ratios.arrears_ratio(f.past_due, f.sales),
        "collection": ratios.collection_ratio(f.collected, f.beginning + f.sales),
        "bad_debt": ratios.bad_debt_ratio(f.written_off, f.sales),
    }


@cache
def segment_figures(lang: str = "id", year: int = FOCUS_YEAR) -> dict[str, dict[str, float]]:
    """Per segment key: credit sales, beginning/ending AR, past-due AR and ACP of ``year``."""
    led = hotel_core(lang)
    seg = extra(led, "segment", lang)
    first, last = pd.Timestamp(year=year, month=1, day=1), _year_end(year)
    begin = outstanding_at(led, _year_end(year - 1))
    end = outstanding_at(led, last)
    due = past_due_at(led, last)
    out = {}
    for key, labels in SEGMENTS.items():
        mask = (seg == pick(labels, lang)).to_numpy()
        sales = float(led.loc[mask & led["invoice_date"].between(first, last), "amount"].sum())
        b, e = float(begin[mask].sum()), float(end[mask].sum())
        out[key] = {
            "sales": sales,
            "beginning": b,
            "ending": e,
            "past_due": float(due[seg.loc[due.index] == pick(labels, lang)].sum()),
            "acp": ratios.average_collection_period(sales, b, e, day_basis=DAY_BASIS),
        }
    return out


# --------------------------------------------------------------------------- the Data sheet


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


def _data_sheet(book: Book) -> HotelRefs:
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


# --------------------------------------------------------------------------- Targets


@dataclass(frozen=True)
class TargetRefs:
    """Cells of the Targets sheet: one per metric key, and the day basis."""

    cells: dict[str, str]
    basis: str


def _target_sheet(book: Book) -> TargetRefs:
    t = book.t
    sh = titled_sheet(
        book,
        SHEETS["target"],
        ("Target Manajemen Piutang", "Receivables Targets"),
        widths=[5, 40, 12, 10, 55],
    )
    sh.write("A2", HOTEL, "bold")
    header = [
        t(("No", "No")),
        t(("Rasio", "Ratio")),
        t(("Target", "Target")),
        t(("Arah", "Direction")),
        t(("Rumus", "Formula")),
    ]
    sh.row("A4", header, "header")
    styles = {"ratio": "ratio", "days": "days", "pct": "pct"}
    cells = {}
    for i, m in enumerate(METRICS):
        r = 4 + i
        sh.write((r, 0), i + 1, "int")
        sh.write((r, 1), t(m.label))
        sh.write((r, 2), m.target, styles[m.kind])
        sh.write((r, 3), "≥" if m.at_least else "≤", "bold")
        sh.write((r, 4), t(m.formula), "wrap")
        cells[m.key] = sheet_ref(sh.name, a1(r, 2, absolute=True))
    r = 5 + len(METRICS)
    sh.write((r, 1), t(("Dasar hari setahun (ACP)", "Days in the year (ACP)")), "bold")
    sh.write((r, 2), DAY_BASIS, "int")
    basis = sheet_ref(sh.name, a1(r, 2, absolute=True))
    notes = (
        (
            "Kebijakan hotel: termin korporat 30 hari + toleransi 10 hari → ACP ≤ 40 hari, "
            "setara RTO ≥ 360 ÷ 40 = 9 kali.",
            "Hotel policy: corporate terms 30 days + 10 days' tolerance → ACP ≤ 40 days, "
            "i.e. RTO ≥ 360 ÷ 40 = 9 times.",
        ),
        (
            "Dasar 360 hari seperti buku teks Indonesia (Kasmir, Sutrisno); teks gaya CFA "
            "memakai 365.",
            "A 360-day year as in Indonesian textbooks (Kasmir, Sutrisno); CFA-style texts "
            "use 365.",
        ),
        (
            "Rasio penagihan = kas tertagih dalam setahun ÷ total yang harus ditagih "
            "(piutang awal + penjualan kredit tahun itu).",
            "Collection ratio = cash collected in the year ÷ everything there was to collect "
            "(beginning AR + the year's credit sales).",
        ),
        (
            "Target tercapai jika nilai ≥ target (RTO, rasio penagihan) atau ≤ target (ACP, "
            "rasio tunggakan, rasio piutang tak tertagih).",
            "A target is met when the value is ≥ it (RTO, collection ratio) or ≤ it (ACP, "
            "arrears ratio, bad-debt ratio).",
        ),
    )
    for k, text in enumerate(notes):
        paragraph(sh, (r + 2 + k, 1), 4, t(text))
    return TargetRefs(cells=cells, basis=basis)


# --------------------------------------------------------------------------- Annual summary


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


def _summary_sheet(book: Book, d: HotelRefs) -> SummaryRefs:
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


# --------------------------------------------------------------------------- Questions


def _questions_sheet(book: Book, s: SummaryRefs, targets: TargetRefs) -> None:
    t = book.t
    sales = s.cell("sales", YEARS[0])
    sh = titled_sheet(
        book,
        SHEETS["questions"],
        ("Pertanyaan: Rasio Piutang 2021–2024", "Questions: AR Ratios 2021–2024"),
        widths=[40, 60, 12] + [13, 6] * len(YEARS),
        intro=(
            "Hitung tiap rasio per tahun dari angka di sheet Ringkasan Tahunan (boleh dengan "
            f"rumus, mis. ={sales}/...). Persen diisi sebagai persen (5% atau 0,05). ACP "
            "memakai 360 hari.",
            "Compute each ratio per year from the Annual Summary figures (formulas welcome, "
            f"e.g. ={sales}/...). Type percentages as percentages (5% or 0.05). ACP uses a "
            "360-day year.",
        ),
        last_col=10,
    )
    ratios_by_year = {y: year_ratios(f) for y, f in annual_figures(book.lang).items()}
    col = {y: 3 + 2 * j for j, y in enumerate(YEARS)}
    block1 = 3
    _ratio_table(
        book, sh, block1, col,
        lambda m: t(m.formula),
        lambda m, y: (ratios_by_year[y][m.key], m.kind, f"{y}: {t(m.label)}"),
    )  # fmt: skip
    block2 = block1 + len(METRICS) + 2
    sh.write(
        (block2 - 1, 0),
        t(("Apakah target tercapai? Ketik YA atau TIDAK", "Is the target met? Type YES or NO")),
        "h1",
    )
    _ratio_table(
        book, sh, block2, col,
        lambda m: t(("Bandingkan dengan sheet Target", "Compare with the Targets sheet")),
        lambda m, y: (
            t(YES_NO[meets(m, ratios_by_year[y][m.key])]),
            "text",
            t((f"{m.short[0]} {y}: target tercapai?", f"{m.short[1]} {y}: target met?")),
        ),
    )  # fmt: skip
    _analysis_block(book, sh, block2 + len(METRICS) + 3, ratios_by_year)
    ratio = a1(block1 + 1, col[YEARS[0]])  # the RTO 2021 input ...
    decision = a1(block2 + 1, col[YEARS[0]])  # ... and its YES/NO cell
    yes, no = (t(YES_NO[v]) for v in (True, False))
    example = local_formula(f'=IF({ratio}>={targets.cells["rto"]},"{yes}","{no}")', book.lang)
    paragraph(
        sh,
        (block2 + len(METRICS) + 1, 0),
        10,
        t(
            (
                f"Petunjuk: target ada di sheet Target. Contoh untuk {decision} (RTO "
                f"{YEARS[0]}): {example}",
                f"Hint: the targets are on the Targets sheet. Example for {decision} (RTO "
                f"{YEARS[0]}): {example}",
            )
        ),
    )
    sh.freeze = (block1 + 1, 1)


def _ratio_table(
    book: Book,
    sh: Sheet,
    top: int,
    col: dict[int, int],
    note: Callable[[Metric], str],
    exercise: Callable[[Metric, int], tuple[Any, str, str]],
) -> None:
    """A ratio × year table of exercises: header, then one row per metric from ``top + 1``.

    ``col`` maps a year to its input column (the check goes right of it); ``note(metric)`` is
    the text of column B and ``exercise(metric, year)`` gives ``(answer, kind, question)``.
    """
    t = book.t
    sh.row((top, 0), [t(("Rasio", "Ratio")), t(("Rumus", "Formula")), t(("Target", "Target"))],
           "header")  # fmt: skip
    for y, c in col.items():
        sh.write((top, c), y, "header")
        sh.write((top, c + 1), t(("Cek", "Check")), "header")
    for r, m in enumerate(METRICS, start=top + 1):
        sh.write((r, 0), t(m.label), "bold")
        sh.write((r, 1), note(m), "note")
        sh.write((r, 2), m.target_text(book.lang), "text")
        for y, c in col.items():
            answer, kind, question = exercise(m, y)
            sh.exercise((r, c), answer, kind=kind, question=question)


def _analysis_block(
    book: Book, sh: Sheet, top: int, ratios_by_year: dict[int, dict[str, float]]
) -> None:
    """Four analysis questions under the ratio tables; inputs in the last year's column."""
    t = book.t
    sh.write((top, 0), t(("Analisis", "Analysis")), "h1")
    acp = {y: r["acp"] for y, r in ratios_by_year.items()}
    worst = max(acp, key=acp.get)
    seg = segment_figures(book.lang)
    past_due = {key: f["past_due"] for key, f in seg.items()}
    largest = max(past_due, key=past_due.get)
    gov = SEGMENTS["government"]
    last, prev = YEARS[-1], YEARS[-2]
    items = (
        (
            (
                "1. Tahun dengan periode penagihan rata-rata (ACP) terburuk (terpanjang)? Ketik "
                "tahunnya.",
                "1. Which year has the worst (longest) average collection period? Type the year.",
            ),
            worst,
            "count",
        ),
        (
            (
                f"2. Piutang lewat jatuh tempo segmen {gov[0]} per 31-12-{last} (Rupiah)? "
                "Petunjuk: SUMIFS dengan kriteria Segmen, seperti baris piutang lewat jatuh "
                "tempo di Ringkasan Tahunan.",
                f"2. Past-due AR of the {gov[1]} segment at 31-12-{last} (Rupiah)? Hint: "
                "SUMIFS with a Segment criterion, like the past-due row of the Annual Summary.",
            ),
            past_due["government"],
            "money",
        ),
        (
            (
                f"3. Segmen mana yang piutang lewat jatuh temponya per 31-12-{last} paling "
                "besar? Hitung ketiga segmen; ketik nama segmen seperti di kolom Segmen.",
                f"3. Which segment has the largest past-due AR at 31-12-{last}? Work out all "
                "three; type the segment name as in the Segment column.",
            ),
            t(SEGMENTS[largest]),
            "text",
        ),
        (
            (
                f"4. Berapa hari ACP berubah dari {prev} ke {last} (ACP {last} − ACP {prev}; "
                "positif = memburuk)?",
                f"4. By how many days did ACP change from {prev} to {last} (ACP {last} − ACP "
                f"{prev}; positive = worse)?",
            ),
            acp[last] - acp[prev],
            "days",
        ),
    )
    input_col = 3 + 2 * (len(YEARS) - 1)
    for k, (text, answer, kind) in enumerate(items):
        ask(sh, top + 1 + k, text, answer, kind, q=(0, input_col - 1), at=input_col)


# --------------------------------------------------------------------------- Segments


@dataclass(frozen=True)
class SegmentRefs:
    """Cells of the segment table: ``cell(key, column)`` for a segment key and a column key."""

    sheet: str
    rows: dict[str, int]
    cols: dict[str, int]

    def cell(self, key: str, column: str) -> str:
        return sheet_ref(self.sheet, a1(self.rows[key], self.cols[column]))


SEGMENT_COLUMNS = ("segment", "sales", "beginning", "ending", "average", "acp", "check", "share")


def _segment_sheet(book: Book, d: HotelRefs, targets: TargetRefs) -> SegmentRefs:
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


# --------------------------------------------------------------------------- Check with xl-ar


def _check_sheet(book: Book, s: SummaryRefs, segments: SegmentRefs) -> None:
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
                else ratios.average_collection_period(f.sales, f.beginning, f.ending, day_basis=365)
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


def local_formula(text: str, lang: str) -> str:
    """A formula as the edition writes its hints: ``;`` between arguments in Indonesian.

    Examples
    --------
    >>> local_formula('=IF(A1>=B1,"YA","TIDAK")', "id")
    '=IF(A1>=B1;"YA";"TIDAK")'
    """
    if lang != "id":
        return text
    out, quoted = [], False
    for ch in text:
        quoted ^= ch == '"'
        out.append(";" if ch == "," and not quoted else ch)
    return "".join(out)


# --------------------------------------------------------------------------- build


def _cover(book: Book) -> None:
    add_cover(
        book,
        ("Studi Kasus: Piutang Hotel", "Case Study: Hotel Receivables"),
        [
            (
                "Membaca buku besar piutang hotel dan menyusun ringkasan tahunan dengan SUMIFS",
                "Read a hotel's AR ledger and build an annual summary with SUMIFS",
            ),
            (
                "Menghitung RTO, ACP (360 hari), rasio tunggakan, rasio penagihan dan rasio "
                "piutang tak tertagih per tahun",
                "Compute RTO, ACP (360 days), arrears, collection and bad-debt ratios per year",
            ),
            (
                "Membandingkan kinerja dengan target dan antar segmen pelanggan",
                "Compare performance with targets and across customer segments",
            ),
        ],
        [
            (
                "Data: faktur kredit 2020–2024 (korporat, travel agent, pemerintah). Baca "
                "catatan tentang penghapusan piutang.",
                "Data: credit invoices 2020–2024 (corporate, travel agent, government). Read "
                "the note on write-offs.",
            ),
            ("Target: target rasio hotel.", "Targets: the hotel's ratio targets."),
            (
                "Ringkasan Tahunan: pelajari rumus SUMIFS-nya (contoh kerja).",
                "Annual Summary: study its SUMIFS formulas (worked example).",
            ),
            (
                "Pertanyaan: isi sel kuning — rasio per tahun, YA/TIDAK untuk target, analisis.",
                "Questions: fill the yellow cells — ratios per year, YES/NO for targets, analysis.",
            ),
            (
                "Analisis Segmen: contoh kerja per segmen 2024; isi ACP tiap segmen.",
                "Segment Analysis: worked 2024 figures per segment; fill in each segment's ACP.",
            ),
            (
                f"{CHECK_SHEET[0]}: buka setelah Anda selesai — jawaban rasio dihitung ulang "
                "dengan AR_RTO dan kawan-kawan (perlu add-in).",
                f"{CHECK_SHEET[1]}: open it after you finish — the ratio answers recomputed "
                "with AR_RTO & co. (needs the add-in).",
            ),
        ],
        company=HOTEL,
    )


def build(lang: str) -> Book:
    """Build the hotel case-study workbook in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : {'id', 'en'}
        Language of every label and sheet name; the numbers are the same in both.

    Returns
    -------
    Book
        Cover, Data, Targets, Annual Summary, Questions, Segment Analysis and, last, the
        "Check with xl-ar" sheet.
    """
    book = Book(
        "case_hotel",
        lang,
        pick(("Studi Kasus: Piutang Hotel", "Case Study: Hotel Receivables"), lang),
    )
    _cover(book)
    data = _data_sheet(book)
    targets = _target_sheet(book)
    summary = _summary_sheet(book, data)
    _questions_sheet(book, summary, targets)
    segments = _segment_sheet(book, data, targets)
    _check_sheet(book, summary, segments)
    return book
