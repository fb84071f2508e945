"""Module 5's monthly sheet: month-end balances, sales, collections and the KPI trend."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from xl_ar.workshop.book import Book, Sheet, a1, col_range, sheet_ref
from xl_ar.workshop.data import LedgerRefs
from xl_ar.workshop.layout import paragraph, titled_sheet
from xl_ar.workshop.module_5.context import MONTHS, NA, SERIES_FROM, SHEETS, Text
from xl_ar.workshop.module_5.figures import monthly_kpis


@dataclass(frozen=True)
class MonthlyRefs:
    """Where the monthly table sits: sheet name, first data row (zero-based), columns."""

    sheet: str
    first: int
    cols: dict[str, int]

    def cell(self, key: str, month: int, *, absolute: bool = True) -> str:
        """Sheet-qualified cell of ``key`` for ``month`` (1-12)."""
        return sheet_ref(self.sheet, a1(self.first + month - 1, self.cols[key], absolute=absolute))

    def span(self, key: str, months: tuple[int, ...]) -> str:
        """Sheet-qualified range of ``key`` over consecutive ``months``."""
        return col_range(
            self.sheet, self.cols[key], self.first + months[0] - 1, self.first + months[-1] - 1
        )


MONTHLY_COLUMNS: tuple[tuple[str, Text, str | None, float], ...] = (
    ("no", ("No", "No"), "int", 5),
    ("month", ("Bulan", "Month"), None, 12),
    ("start", ("Awal bulan", "Month start"), "date", 12),
    ("end", ("Akhir bulan", "Month end"), "date", 12),
    ("days", ("Hari", "Days"), "int", 6),
    ("sales", ("Penjualan kredit", "Credit sales"), "money", 15),
    ("collections", ("Penagihan (kas masuk)", "Collections (cash in)"), "money", 15),
    ("beg", ("Piutang awal", "Beginning AR"), "money", 15),
    ("end_ar", ("Piutang akhir", "Ending AR"), "money", 15),
    ("current", ("Piutang belum jatuh tempo", "Current AR (not yet due)"), "money", 15),
    ("past_due", ("Piutang lewat jatuh tempo", "Past-due AR"), "money", 15),
    ("dso", ("DSO (hari)", "DSO (days)"), "days", 9),
    ("bpdso", ("BPDSO (hari)", "BPDSO (days)"), "days", 9),
    ("add", ("ADD (hari)", "ADD (days)"), "days", 9),
    ("cei", ("CEI", "CEI"), "pct", 9),
    ("check", ("Cek saldo (harus 0)", "Roll-forward check (must be 0)"), "money", 12),
)


def monthly_sheet(book: Book, refs: LedgerRefs) -> MonthlyRefs:
    """The Monthly sheet: one row of native formulas per month of 2024, and totals."""
    t = book.t
    sh = titled_sheet(
        book,
        SHEETS["monthly"],
        ("Tren Bulanan Piutang 2024", "Monthly Receivables Trend 2024"),
        widths=[c[3] for c in MONTHLY_COLUMNS],
        intro=(
            "Semua angka dihitung dari sheet Data dengan SUMIFS berkriteria tanggal. Piutang "
            "pada akhir bulan = faktur (dan nota kredit) bertanggal ≤ akhir bulan − pembayaran "
            "atas faktur tersebut bertanggal ≤ akhir bulan. Belum jatuh tempo = jatuh tempo ≥ "
            "akhir bulan. Nota kredit mengurangi penjualan kredit.",
            "Every number comes from the Data sheet through SUMIFS with date criteria. AR at "
            "a month end = invoices (and credit notes) dated ≤ month end − payments on them "
            "dated ≤ month end. Current = due on or after the month end. Credit notes reduce "
            "credit sales.",
        ),
    )
    paragraph(
        sh,
        "A3",
        15,
        t(
            (
                "DSO = piutang akhir × hari / penjualan; BPDSO = piutang belum jatuh tempo × "
                "hari / penjualan; ADD = DSO − BPDSO; CEI = (awal + penjualan − akhir) / (awal "
                "+ penjualan − belum jatuh tempo). Cek saldo: awal + penjualan − penagihan − "
                "akhir.",
                "DSO = ending AR × days / sales; BPDSO = current AR × days / sales; ADD = DSO − "
                "BPDSO; CEI = (beginning + sales − ending) / (beginning + sales − current). "
                "Roll-forward check: beginning + sales − collections − ending.",
            )
        ),
    )
    start = t(MONTHS[SERIES_FROM - 1])
    paragraph(
        sh,
        "A4",
        15,
        (
            "Mengapa metrik baru mulai " + start + ": buku besar dimulai 4 Januari 2024, jadi "
            "faktur 2023 yang masih terbuka di awal 2024 tidak ada di data. Saldo Januari–Maret "
            "karena itu terlalu rendah (Januari mulai dari 0, belum ada yang lewat jatuh tempo "
            "sampai Februari). Dengan termin 30–60 hari dan sebagian besar faktur lunas dalam "
            "±2 bulan, saldo sudah lengkap sejak akhir Maret: DSO, BPDSO, ADD dan CEI (dan "
            "rata-ratanya) dihitung mulai " + start + " (CEI " + start + " memakai saldo awal "
            "31 Maret). Penjualan Januari–Maret lengkap, tetapi penagihannya hanya atas faktur "
            "2024 (pelunasan faktur 2023 tidak ada di data: karena itu penagihan Februari 0).",
            "Why the metrics start in " + start + ": the ledger starts on 4 January 2024, so "
            "2023 invoices still open in early 2024 are not in the data. The January–March "
            "balances are therefore too low (January starts from 0, nothing is past due "
            "before February). With terms of 30–60 days and most invoices paid within about "
            "two months, the balances are complete from the end of March: DSO, BPDSO, ADD and "
            "CEI (and their averages) start in " + start + " (" + start + "'s CEI uses the "
            "31 March balance). January–March sales are complete, but their collections cover "
            "2024 invoices only (payments of 2023 invoices are not in the data: hence no "
            "collections in February).",
        ),
    )
    head = 4 + 1
    sh.row_heights[head] = 45
    cols = {key: i for i, (key, *_rest) in enumerate(MONTHLY_COLUMNS)}
    sh.row((head, 0), [t(c[1]) for c in MONTHLY_COLUMNS], "header")
    first = head + 1
    kpis = monthly_kpis()
    for i, k in enumerate(kpis.itertuples()):
        _monthly_row(sh, book, refs, first + i, i, k, cols)
    last = first + len(kpis) - 1
    total = last + 1
    sh.write((total, 1), t(("Total 2024", "Total 2024")), "bold")
    for key in ("days", "sales", "collections"):
        c = cols[key]
        value = float(
            kpis[{"days": "days", "sales": "credit_sales", "collections": "collections"}[key]].sum()
        )
        sh.formula(
            (total, c),
            f"=SUM({a1(first, c)}:{a1(last, c)})",
            expected=value,
            style="total_money" if key != "days" else "int",
        )
    sh.freeze = (first, 2)
    return MonthlyRefs(sh.name, first, cols)


def _monthly_row(
    sh: Sheet, book: Book, refs: LedgerRefs, r: int, i: int, k: Any, cols: dict[str, int]
) -> None:
    """Month ``i`` (0-11) on row ``r``: dates, SUMIFS on the ledger, ratios; ``k`` = KPI row."""
    t = book.t
    amt, paid = refs.col("amount"), refs.col("paid")
    invd, payd, due = refs.col("invoice_date"), refs.col("payment_date"), refs.col("due_date")

    def c(key: str) -> str:
        return a1(r, cols[key])

    sh.write((r, cols["no"]), i + 1, "int")
    sh.write((r, cols["month"]), t(MONTHS[i]))
    sh.write((r, cols["start"]), pd.Timestamp(k.period_start), "date")
    sh.formula((r, cols["end"]), f"=EOMONTH({c('start')},0)", expected=k.period_end, style="date")
    sh.formula(
        (r, cols["days"]), f"={c('end')}-{c('start')}+1", expected=float(k.days), style="int"
    )
    sh.formula(
        (r, cols["sales"]),
        f'=SUMIFS({amt},{invd},">="&{c("start")},{invd},"<="&{c("end")})',
        expected=float(k.credit_sales),
        style="money",
    )
    sh.formula(
        (r, cols["collections"]),
        f'=SUMIFS({paid},{payd},">="&{c("start")},{payd},"<="&{c("end")})',
        expected=float(k.collections),
        style="money",
    )
    if i == 0:
        beg = (
            f'=SUMIFS({amt},{invd},"<"&{c("start")})'
            f'-SUMIFS({paid},{invd},"<"&{c("start")},{payd},"<"&{c("start")})'
        )
    else:
        beg = f"={a1(r - 1, cols['end_ar'])}"
    sh.formula((r, cols["beg"]), beg, expected=float(k.beginning_ar), style="money")
    end = c("end")
    sh.formula(
        (r, cols["end_ar"]),
        f'=SUMIFS({amt},{invd},"<="&{end})-SUMIFS({paid},{invd},"<="&{end},{payd},"<="&{end})',
        expected=float(k.ending_ar),
        style="money",
    )
    sh.formula(
        (r, cols["current"]),
        f'=SUMIFS({amt},{invd},"<="&{end},{due},">="&{end})'
        f'-SUMIFS({paid},{invd},"<="&{end},{due},">="&{end},{payd},"<="&{end})',
        expected=float(k.current_ar),
        style="money",
    )
    sh.formula(
        (r, cols["past_due"]),
        f"={c('end_ar')}-{c('current')}",
        expected=float(k.past_due_ar),
        style="money",
    )
    check = float(k.beginning_ar + k.credit_sales - k.collections - k.ending_ar)
    b, s_, e, cur = c("beg"), c("sales"), c("end_ar"), c("current")
    sh.formula(
        (r, cols["check"]),
        f"={b}+{s_}-{c('collections')}-{e}",
        expected=check,
        style="money",
    )
    if i + 1 < SERIES_FROM:  # balances incomplete: no metric (see SERIES_FROM)
        for key in ("dso", "bpdso", "add", "cei"):
            sh.write((r, cols[key]), NA, "text")
        return
    for key, num in (("dso", "end_ar"), ("bpdso", "current")):
        sh.formula(
            (r, cols[key]),
            f"={c(num)}*{c('days')}/{c('sales')}",
            expected=float(getattr(k, key)),
            style="days",
        )
    sh.formula((r, cols["add"]), f"={c('dso')}-{c('bpdso')}", expected=float(k.add), style="days")
    sh.formula(
        (r, cols["cei"]),
        f"=({b}+{s_}-{e})/({b}+{s_}-{cur})",
        expected=float(k.cei),
        style="pct",
    )
