"""Workshop module 5: technology, data and automation — AR metrics and Excel automation.

Syllabus Modul 5 (sessions 5.2 and 5.3): key metrics (DSO in three flavours, best possible
DSO, average days delinquent, CEI, receivable turnover and collection period, arrears,
collection and bad-debt ratios), their monthly trend, reconciliation of bank receipts with
VLOOKUP / INDEX-MATCH (and XLOOKUP for Excel 365), a PivotTable-ready open-items table and
aging automated with date functions.

Sheets (Indonesian / English names):

1. ``Petunjuk`` / ``Instructions`` — cover, objectives, steps, score;
2. ``Data`` — the shared workshop ledger;
3. ``Bulanan`` / ``Monthly`` — per month of 2024: credit sales, collections, beginning and
   ending AR, current and past-due AR, all native SUMIFS formulas on the ledger, and from
   April (:data:`SERIES_FROM`: the ledger starts in January, so earlier balances lack the
   2023 invoices) DSO, BPDSO, ADD and CEI (expected values from
   :func:`xl_ar.core.kpi_series.kpi_series`);
4. ``Metrik`` / ``Metrics`` — the metrics of Q4 2024 side by side: native formula, the
   ``AR_*`` function and their difference (expected values from :mod:`xl_ar.core.dso` and
   :mod:`xl_ar.core.ratios`); the bad-debt ratio divides a given journal write-off
   (:data:`Q4_WRITE_OFF`) by the Q4 credit sales;
5. ``Latihan Metrik`` / ``Metrics Practice`` — the golden textbook examples and questions
   on the ledger;
6. ``Rekonsiliasi`` / ``Reconciliation`` — a bank statement of January 2025 matched to the
   open invoices with VLOOKUP and INDEX/MATCH (cross-checked with
   :func:`xl_ar.core.reconcile.reconcile`);
7. ``Rekon XLOOKUP (Excel 365)`` / ``Recon XLOOKUP (Excel 365)`` — the same with XLOOKUP;
8. ``Tabel Pivot`` / ``Pivot Table`` — the open items at 31 Dec 2024 as an Excel table
   (``tblPiutang``) with days past due and bucket by date formulas, and pivot questions.

Examples
--------
>>> book = build("en")
>>> [s.name for s in book.sheets][:4]
['Instructions', 'Data', 'Monthly', 'Metrics']
>>> len(book.exercises) >= 20
True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import dso as core_dso
from xl_ar.core import ratios
from xl_ar.core.aging import aging
from xl_ar.core.kpi_series import kpi_series
from xl_ar.core.reconcile import reconcile
from xl_ar.workshop.book import Book, Sheet, a1, col_range, sheet_ref
from xl_ar.workshop.cover import add_cover
from xl_ar.workshop.data import AS_OF, LedgerRefs, core_ledger, workshop_ledger, write_ledger
from xl_ar.workshop.layout import ask, header_row, label_values, paragraph, titled_sheet
from xl_ar.workshop.terms import WRITE_OFF, bucket_name

__all__ = ["build", "metrics_q4", "monthly_kpis", "open_items_table", "receipts"]

Text = tuple[str, str]

SHEETS: dict[str, Text] = {
    "data": ("Data", "Data"),
    "monthly": ("Bulanan", "Monthly"),
    "metrics": ("Metrik", "Metrics"),
    "practice": ("Latihan Metrik", "Metrics Practice"),
    "recon": ("Rekonsiliasi", "Reconciliation"),
    "recon365": ("Rekon XLOOKUP (Excel 365)", "Recon XLOOKUP (Excel 365)"),
    "pivot": ("Tabel Pivot", "Pivot Table"),
}
MONTHS: tuple[Text, ...] = (
    ("Januari", "January"),
    ("Februari", "February"),
    ("Maret", "March"),
    ("April", "April"),
    ("Mei", "May"),
    ("Juni", "June"),
    ("Juli", "July"),
    ("Agustus", "August"),
    ("September", "September"),
    ("Oktober", "October"),
    ("November", "November"),
    ("Desember", "December"),
)
YEAR = 2024
Q4 = (10, 11, 12)  # the months of the metrics period
ANNUALISE = 4  # Q4 credit sales × 4 = annualised credit sales (for RTO / ACP)
SERIES_FROM = 4
"""First month of the analysed monthly series (April 2024).

The ledger starts on 4 January 2024: invoices of 2023 that were still open in early 2024 are
not in it, so the month-end balances of January-March are too low (January starts from 0 and
nothing is past due before February) and so are the collections (none in February). With terms of 30-60 days and most invoices paid within
about two months, the balances are complete from the end of March on: the monthly metrics
(DSO, BPDSO, ADD, CEI) and their averages start in April, whose CEI uses the balance at 31 March.
"""
Q4_WRITE_OFF = 3_850_000.0
"""Write-offs booked in Q4 2024 per the general journal (a given input, not from the ledger).

No invoice of the workshop ledger is written off (its old balances are still being chased);
the bad-debt ratio of the Metrics sheet divides this journal figure by the Q4 credit sales.
"""
STATUS: dict[str, Text] = {
    "match": ("COCOK", "MATCH"),
    "short": ("KURANG BAYAR", "SHORT"),
    "over": ("LEBIH BAYAR", "OVER"),
    "missing": ("TIDAK DITEMUKAN", "NOT FOUND"),
}
PIVOT_REGIONS = ("Jakarta", "Surabaya", "Balikpapan")
NA = "-"  # shown where a lookup finds nothing or a ratio is undefined


# --------------------------------------------------------------------------------------------
# core facts (language independent)
# --------------------------------------------------------------------------------------------


@cache
def monthly_kpis() -> pd.DataFrame:
    """The core's KPI series of the ledger, one row per month of 2024.

    Examples
    --------
    >>> k = monthly_kpis()
    >>> len(k), float(k["ending_ar"].iloc[-1])
    (12, 304831600.0)
    """
    return kpi_series(core_ledger("id"), f"{YEAR}-01-01", f"{YEAR}-12-31", freq="month")


@cache
def metrics_q4() -> dict[str, float]:
    """Inputs and metrics of Q4 2024 computed by the core (money in Rupiah, ratios fractions).

    Examples
    --------
    >>> m = metrics_q4()
    >>> m["days"], round(m["dso_simple"], 2)
    (92.0, 78.0)
    """
    k = monthly_kpis()
    q = k[k["period_end"].dt.month.isin(Q4)]
    sales = float(q["credit_sales"].sum())
    inp = {
        "days": float(q["days"].sum()),
        "sales": sales,
        "collections": float(q["collections"].sum()),
        "beg": float(q["beginning_ar"].iloc[0]),
        "end": float(q["ending_ar"].iloc[-1]),
        "current": float(q["current_ar"].iloc[-1]),
        "past_due": float(q["past_due_ar"].iloc[-1]),
        "months": float(len(Q4)),
        "writeoff": Q4_WRITE_OFF,
    }
    inp["billed"] = inp["beg"] + sales
    inp["annual"] = sales * ANNUALISE
    m_sales = [float(v) for v in q["credit_sales"]]
    m_days = [float(v) for v in q["days"]]
    d, end, cur, beg = inp["days"], inp["end"], inp["current"], inp["beg"]
    out = dict(inp)
    out |= {
        "dso_simple": core_dso.dso_simple(end, sales, d),
        "dso_average": core_dso.dso_average(beg, end, sales, d),
        "dso_countback": core_dso.dso_countback(end, m_sales, m_days),
        "bpdso": core_dso.best_possible_dso(cur, sales, d),
        "add": core_dso.add_from_balances(end, cur, sales, d),
        "cei_n": ratios.cei(beg, sales, end, cur, months=len(Q4)),
        "cei_1": ratios.cei(beg, sales, end, cur, months=1),
        "rto": ratios.receivable_turnover(inp["annual"], beg, end),
        "acp_360": ratios.average_collection_period(inp["annual"], beg, end, day_basis=360),
        "acp_365": ratios.average_collection_period(inp["annual"], beg, end, day_basis=365),
        "arrears": ratios.arrears_ratio(inp["past_due"], sales),
        "collection": ratios.collection_ratio(inp["collections"], inp["billed"]),
        "bad_debt": ratios.bad_debt_ratio(inp["writeoff"], sales),
    }
    return out


@cache
def _open_items() -> pd.DataFrame:
    """Open items at AS_OF (core aging by invoice) with region, salesperson, disputed flag."""
    items = aging(core_ledger("id"), AS_OF, by="invoice").reset_index(drop=True)
    led = workshop_ledger().set_index("No Faktur")
    items["region"] = items["invoice"].map(led["Wilayah"])
    items["sales"] = items["invoice"].map(led["Sales"])
    items["disputed"] = items["invoice"].map(led["Sengketa"]).eq("Ya")
    return items


def open_items_table() -> pd.DataFrame:
    """The PivotTable source: open items at AS_OF with region, salesperson, days and bucket.

    Examples
    --------
    >>> t = open_items_table()
    >>> float(t["outstanding"].sum())
    304831600.0
    """
    return _open_items().copy()


@cache
def receipts() -> pd.DataFrame:
    """The bank statement of 2-10 January 2025, derived from the open invoices at AS_OF.

    Non-disputed open invoices are taken by due date; most receipts pay one in full and
    quote its number, two pay about half (partial), two round up (overpayment), one quotes a
    mistyped number and one quotes nothing. Columns: ``date, payer, reference, amount,
    invoice`` (the invoice really meant), ``kind``.

    Examples
    --------
    >>> r = receipts()
    >>> sorted(r["kind"].unique())
    ['full', 'noref', 'over', 'partial', 'typo']
    """
    items = _open_items()
    inv = items[(items["outstanding"] > 0) & ~items["disputed"]]
    inv = inv.sort_values(["due_date", "invoice"], kind="stable").reset_index(drop=True)
    plan = [
        (0, "full"), (1, "full"), (2, "full"), (3, "full"), (4, "partial"), (5, "over"),
        (6, "full"), (7, "typo"), (8, "full"), (9, "partial"), (11, "full"), (12, "over"),
        (13, "noref"),
    ]  # fmt: skip
    known = set(workshop_ledger()["No Faktur"])
    days = pd.bdate_range("2025-01-02", periods=(len(plan) + 1) // 2)
    rows = []
    for i, (pos, kind) in enumerate(plan):
        item = inv.iloc[pos]
        balance = float(item["outstanding"])
        amount = {
            "partial": math.floor(balance / 2 / 100_000) * 100_000,
            "over": math.ceil(balance / 100_000) * 100_000,
        }.get(kind, balance)
        ref = str(item["invoice"])
        if kind == "typo":
            ref = ref[:-2] + ref[-1] + ref[-2]  # two digits swapped
            if ref in known:
                raise AssertionError(f"typo reference {ref} is a real invoice")
        elif kind == "noref":
            ref = ""
        rows.append(
            {
                "date": days[i // 2],
                "payer": str(item["customer"]).upper(),
                "reference": ref,
                "amount": float(amount),
                "invoice": str(item["invoice"]),
                "kind": kind,
            }
        )
    return pd.DataFrame(rows)


@cache
def receipt_results() -> pd.DataFrame:
    """What the lookups give per receipt: invoice amount, balance, difference, status key.

    Balances come from the core's open items; invoice amounts from the core ledger.
    """
    led = core_ledger("id").set_index("invoice")
    rec = receipts().copy()
    found = rec["reference"].isin(led.index)
    rec["inv_amount"] = rec["reference"].map(led["amount"]).where(found)
    rec["balance"] = rec["reference"].map(led["balance"]).where(found)
    rec["difference"] = rec["amount"] - rec["balance"]
    rec["status"] = np.select(
        [~found, rec["difference"] == 0, rec["difference"] < 0],
        ["missing", "match", "short"],
        "over",
    )
    rec["on_hold"] = np.where(found, rec["difference"].clip(lower=0), rec["amount"])
    return rec


@cache
def core_reconciliation() -> dict[str, float]:
    """The core's cash application of the receipts (memo = reference, payer not given).

    Without a customer column the core knows a receipt's customer only from the invoice it
    names, so receipts without a valid reference stay unmatched, as in the Excel lookup.
    """
    rec = receipts()
    table = [["Payment", "Date", "Amount", "Memo"]] + [
        [f"B{i + 1:02d}", r.date, r.amount, r.reference] for i, r in enumerate(rec.itertuples())
    ]
    result = reconcile(core_ledger("id"), table)
    s = result.summary
    partial = result.table[result.table["status"] == "partial"]
    return {
        "on_hold": s["unapplied_amount"] + s["unmatched_amount"],
        "unmatched": float(s["unmatched_payments"]),
        "applied": s["applied_amount"],
        "partial_remaining": float(partial["remaining"].sum()),
        "overpaid": s["unapplied_amount"],
        "closed": float(s["invoices_closed"]),
    }


# --------------------------------------------------------------------------------------------
# sheets
# --------------------------------------------------------------------------------------------


def _cover(book: Book) -> None:
    """The cover sheet: objectives (syllabus sessions 5.2 and 5.3) and the steps."""
    t = book.t
    objectives = [
        (
            "Memilih dan menghitung metrik kunci: DSO (sederhana, rata-rata, countback), BPDSO, "
            "ADD, CEI, perputaran piutang, periode penagihan, rasio tunggakan/penagihan/"
            "piutang tak tertagih",
            "Choose and compute the key metrics: DSO (simple, average, countback), BPDSO, ADD, "
            "CEI, receivable turnover, collection period, arrears/collection/bad-debt ratios",
        ),
        (
            "Membaca tren bulanan piutang dan kinerja penagihan (dasar dashboard)",
            "Read the monthly trend of receivables and collections (the basis of a dashboard)",
        ),
        (
            "Rekonsiliasi penerimaan bank otomatis dengan VLOOKUP, INDEX/MATCH dan XLOOKUP",
            "Automate the reconciliation of bank receipts with VLOOKUP, INDEX/MATCH and XLOOKUP",
        ),
        (
            "Menyiapkan data untuk PivotTable dan otomatisasi umur piutang (aging) dengan fungsi "
            "tanggal",
            "Prepare data for a PivotTable and automate aging with date functions",
        ),
    ]
    steps = [
        (
            "Sheet Data: buku besar piutang (sama dengan modul 1, 3, 4). Jangan diubah.",
            "Data sheet: the AR ledger (as in modules 1, 3, 4). Do not change it.",
        ),
        (
            "Sheet Bulanan: pelajari rumus SUMIFS dengan kriteria tanggal per bulan (metrik "
            "mulai April: baca catatannya).",
            "Monthly sheet: study the SUMIFS formulas with date criteria per month (metrics "
            "start in April: read the note).",
        ),
        (
            "Sheet Metrik: bandingkan rumus Excel dengan fungsi xl-ar (add-in) untuk Q4 2024.",
            "Metrics sheet: compare the Excel formulas with the xl-ar functions for Q4 2024.",
        ),
        (
            "Sheet Latihan Metrik: isi sel kuning (contoh buku teks, lalu data perusahaan).",
            "Metrics Practice sheet: fill the yellow cells (textbook cases, then company data).",
        ),
        (
            "Sheet Rekonsiliasi: cocokkan mutasi bank dengan faktur, lalu jawab pertanyaannya.",
            "Reconciliation sheet: match the bank receipts to invoices, then answer.",
        ),
        (
            "Sheet Rekon XLOOKUP (Excel 365): versi XLOOKUP dari rekonsiliasi yang sama.",
            "Recon XLOOKUP (Excel 365) sheet: the XLOOKUP version of the same reconciliation.",
        ),
        (
            "Sheet Tabel Pivot: sisipkan PivotTable dari tblPiutang dan jawab pertanyaannya.",
            "Pivot Table sheet: insert a PivotTable from tblPiutang and answer the questions.",
        ),
    ]
    add_cover(
        book,
        (
            "Modul 5 — Teknologi, Data & Otomatisasi dalam Manajemen Piutang",
            "Module 5 — Technology, Data & Automation in Receivables Management",
        ),
        [t(o) for o in objectives],
        [t(s) for s in steps],
    )


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


def _monthly(book: Book, refs: LedgerRefs) -> MonthlyRefs:
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


# ---- metrics ---------------------------------------------------------------------------------

METRIC_INPUTS: tuple[tuple[str, Text, str], ...] = (
    ("days", ("Jumlah hari Q4 (1 Okt – 31 Des 2024)", "Days in Q4 (1 Oct – 31 Dec 2024)"), "int"),
    ("sales", ("Penjualan kredit Q4", "Q4 credit sales"), "money"),
    ("collections", ("Penagihan (kas masuk) Q4", "Q4 collections (cash in)"), "money"),
    ("beg", ("Piutang awal (30 Sep 2024)", "Beginning AR (30 Sep 2024)"), "money"),
    ("end", ("Piutang akhir (31 Des 2024)", "Ending AR (31 Dec 2024)"), "money"),
    ("current", ("Piutang belum jatuh tempo 31 Des", "Current AR at 31 Dec"), "money"),
    ("past_due", ("Piutang lewat jatuh tempo 31 Des", "Past-due AR at 31 Dec"), "money"),
    (
        "billed",
        ("Total tagihan = piutang awal + penjualan Q4", "Billed = beginning AR + Q4 sales"),
        "money",
    ),
    (
        "annual",
        ("Penjualan kredit disetahunkan = Q4 × 4", "Annualised credit sales = Q4 × 4"),
        "money",
    ),
    (
        "writeoff",
        (
            f"{WRITE_OFF[0]} dibukukan di Q4 2024 menurut jurnal umum (input)",
            f"{WRITE_OFF[1]}s booked in Q4 2024 per the general journal (input)",
        ),
        "money",
    ),
    ("months", ("Jumlah bulan N (untuk CEI)", "Number of months N (for CEI)"), "int"),
)


def _metric_inputs(sh: Sheet, book: Book, mon: MonthlyRefs, top: int) -> dict[str, str]:
    """The Q4 input block (labels in A, values in B) taken from the Monthly sheet.

    Two values are given inputs: the number of months N and the write-offs of the journal.
    """
    t = book.t
    m = metrics_q4()
    formulas = {
        "days": f"=SUM({mon.span('days', Q4)})",
        "sales": f"=SUM({mon.span('sales', Q4)})",
        "collections": f"=SUM({mon.span('collections', Q4)})",
        "beg": f"={mon.cell('beg', Q4[0])}",
        "end": f"={mon.cell('end_ar', Q4[-1])}",
        "current": f"={mon.cell('current', Q4[-1])}",
        "past_due": f"={mon.cell('past_due', Q4[-1])}",
    }
    cells = {key: a1(top + i, 1, absolute=True) for i, (key, *_) in enumerate(METRIC_INPUTS)}
    formulas["billed"] = f"={cells['beg']}+{cells['sales']}"
    formulas["annual"] = f"={cells['sales']}*{ANNUALISE}"
    for i, (key, label, style) in enumerate(METRIC_INPUTS):
        r = top + i
        sh.write((r, 0), t(label))
        if key in ("months", "writeoff"):  # given inputs, not computed from the ledger
            sh.write((r, 1), m[key], style)
        else:
            sh.formula((r, 1), formulas[key], expected=m[key], style=style)
    return cells


def _countback_block(
    sh: Sheet, book: Book, mon: MonthlyRefs, top: int, end_cell: str
) -> dict[str, str]:
    """The countback walk, newest month first, one helper row per month (columns D:H)."""
    t = book.t
    m = metrics_q4()
    k = monthly_kpis().set_index(monthly_kpis()["period_end"].dt.month)
    sh.write(
        (top - 1, 3),
        t(
            (
                "Langkah DSO countback (bulan terbaru dulu)",
                "Countback DSO steps (newest month first)",
            )
        ),
        "h1",
    )
    sh.row(
        (top, 3),
        [
            t(("Bulan", "Month")),
            t(("Penjualan", "Sales")),
            t(("Hari", "Days")),
            t(("Sisa piutang sebelum", "AR left before")),
            t(("Hari dihitung", "Days counted")),
        ],
        "header",
    )
    remaining = m["end"]
    cells: dict[str, str] = {}
    walk = list(reversed(Q4))
    total = 0.0
    for j, month in enumerate(walk):
        r = top + 1 + j
        sales, days = float(k.loc[month, "credit_sales"]), float(k.loc[month, "days"])
        sh.write((r, 3), t(MONTHS[month - 1]))
        sh.formula((r, 4), f"={mon.cell('sales', month)}", expected=sales, style="money")
        sh.formula((r, 5), f"={mon.cell('days', month)}", expected=days, style="int")
        before = f"={end_cell}" if j == 0 else f"={a1(r - 1, 6)}-{a1(r - 1, 4)}"
        sh.formula((r, 6), before, expected=remaining, style="money")
        g, e, f = a1(r, 6), a1(r, 4), a1(r, 5)
        if j < len(walk) - 1:
            counted = max(0.0, min(remaining, sales)) / sales * days
            formula = f"=MAX(0,MIN({g},{e}))/{e}*{f}"
        else:  # the oldest month also takes any excess (extrapolated at its daily rate)
            counted = max(remaining, 0.0) / sales * days
            formula = f"=MAX({g},0)/{e}*{f}"
        sh.formula((r, 7), formula, expected=counted, style="days")
        total += counted
        remaining -= sales
        cells[month] = a1(r, 4, absolute=True)
        cells[f"d{month}"] = a1(r, 5, absolute=True)
    r = top + 1 + len(walk)
    sh.write((r, 6), t(("DSO countback", "Countback DSO")), "bold")
    sh.formula((r, 7), f"=SUM({a1(top + 1, 7)}:{a1(r - 1, 7)})", expected=total, style="days")
    # ascending ranges for AR_DSO (oldest first): the walk rows are newest first, so the
    # function gets its own small oldest-first block in columns J:K
    sh.write((top - 1, 9), t(("Untuk AR_DSO (terlama dulu)", "For AR_DSO (oldest first)")), "h1")
    sh.row((top, 9), [t(("Penjualan", "Sales")), t(("Hari", "Days"))], "header")
    for j, month in enumerate(Q4):
        rr = top + 1 + j
        sh.formula(
            (rr, 9),
            f"={mon.cell('sales', month)}",
            expected=float(k.loc[month, "credit_sales"]),
            style="money",
        )
        sh.formula(
            (rr, 10),
            f"={mon.cell('days', month)}",
            expected=float(k.loc[month, "days"]),
            style="int",
        )
    cells["sales_range"] = f"{a1(top + 1, 9, absolute=True)}:{a1(top + len(Q4), 9, absolute=True)}"
    cells["days_range"] = f"{a1(top + 1, 10, absolute=True)}:{a1(top + len(Q4), 10, absolute=True)}"
    return cells


@dataclass(frozen=True)
class Metric:
    """One row of the metrics table: key into :func:`metrics_q4`, texts, two formulas."""

    key: str
    name: Text
    definition: Text
    native: str
    call: str
    style: str


def _metric_rows(c: dict[str, str], cb: dict[str, str]) -> list[Metric]:
    """Every metric row; ``c`` = input cells, ``cb`` = countback helper cells."""
    d, s, e, b, cur, n = c["days"], c["sales"], c["end"], c["beg"], c["current"], c["months"]
    s3, s2, s1 = (cb[m] for m in reversed(Q4))
    d3, d2, d1 = (cb[f"d{m}"] for m in reversed(Q4))
    countback = (
        f"=IF({e}<=0,0,IF({e}<={s3},{e}/{s3}*{d3},IF({e}<={s3}+{s2},{d3}+({e}-{s3})/{s2}*{d2},"
        f"{d3}+{d2}+({e}-{s3}-{s2})/{s1}*{d1})))"
    )
    avg, year = f"(({b}+{e})/2)", c["annual"]
    pd_, coll, billed, wo = c["past_due"], c["collections"], c["billed"], c["writeoff"]
    return [
        Metric(
            "dso_simple",
            ("DSO sederhana", "DSO, simple"),
            ("piutang akhir × hari / penjualan kredit", "ending AR × days / credit sales"),
            f"={e}*{d}/{s}",
            f"=AR_DSO({e},{s},{d})",
            "days",
        ),
        Metric(
            "dso_average",
            ("DSO saldo rata-rata", "DSO, average balance"),
            ("(awal + akhir) / 2 × hari / penjualan", "(beginning + ending) / 2 × days / sales"),
            f"=({b}+{e})/2*{d}/{s}",
            f'=AR_DSO({b}:{e},{s},{d},"average")',
            "days",
        ),
        Metric(
            "dso_countback",
            ("DSO countback (hitung mundur 3 bulan)", "DSO, countback (3 months)"),
            (
                "hari penjualan terbaru yang tertutup piutang akhir (IF bertingkat)",
                "days of the newest sales the ending AR covers (nested IF)",
            ),
            countback,
            f'=AR_DSO({e},{cb["sales_range"]},{cb["days_range"]},"countback")',
            "days",
        ),
        Metric(
            "bpdso",
            ("DSO terbaik yang mungkin (best possible DSO, BPDSO)", "Best possible DSO (BPDSO)"),
            ("piutang belum jatuh tempo × hari / penjualan", "current AR × days / sales"),
            f"={cur}*{d}/{s}",
            f"=AR_BPDSO({cur},{s},{d})",
            "days",
        ),
        Metric(
            "add",
            (
                "Rata-rata hari tunggakan (average days delinquent, ADD)",
                "Average days delinquent (ADD)",
            ),
            ("DSO − BPDSO", "DSO − BPDSO"),
            f"={e}*{d}/{s}-{cur}*{d}/{s}",
            f"=AR_ADD({e},{cur},{s},{d})",
            "days",
        ),
        Metric(
            "cei_n",
            ("CEI (N = 3 bulan, CRF)", "CEI (N = 3 months, CRF)"),
            (
                "(awal + penjualan/N − akhir) / (awal + penjualan/N − belum jatuh tempo)",
                "(beginning + sales/N − ending) / (beginning + sales/N − current)",
            ),
            f"=({b}+{s}/{n}-{e})/({b}+{s}/{n}-{cur})",
            f"=AR_CEI({b},{s},{e},{cur},{n})",
            "pct2",
        ),
        Metric(
            "cei_1",
            ("CEI (penjualan seluruh periode)", "CEI (whole-period sales)"),
            ("sama, dengan penjualan Q4 utuh (N = 1)", "the same with all Q4 sales (N = 1)"),
            f"=({b}+{s}-{e})/({b}+{s}-{cur})",
            f"=AR_CEI({b},{s},{e},{cur},1)",
            "pct2",
        ),
        Metric(
            "rto",
            ("Perputaran piutang (RTO, kali/tahun)", "Receivable turnover (RTO, times/year)"),
            ("penjualan disetahunkan / rata-rata piutang", "annualised sales / average AR"),
            f"={year}/{avg}",
            f'=AR_RTO({year},{b},{e},360,"rto")',
            "ratio",
        ),
        Metric(
            "acp_360",
            ("Periode penagihan rata-rata (360 hari)", "Average collection period (360 days)"),
            ("360 / RTO (buku teks Indonesia)", "360 / RTO (Indonesian textbooks)"),
            f"=360*{avg}/{year}",
            f'=AR_RTO({year},{b},{e},360,"acp")',
            "days",
        ),
        Metric(
            "acp_365",
            ("Periode penagihan rata-rata (365 hari)", "Average collection period (365 days)"),
            ("365 / RTO", "365 / RTO"),
            f"=365*{avg}/{year}",
            f'=AR_RTO({year},{b},{e},365,"acp")',
            "days",
        ),
        Metric(
            "arrears",
            ("Rasio tunggakan", "Arrears ratio"),
            ("piutang lewat jatuh tempo / penjualan kredit", "past-due AR / credit sales"),
            f"={pd_}/{s}",
            f"=AR_ARREARS_RATIO({pd_},{s})",
            "pct2",
        ),
        Metric(
            "collection",
            ("Rasio penagihan", "Collection ratio"),
            ("penagihan / (piutang awal + penjualan)", "collections / (beginning AR + sales)"),
            f"={coll}/{billed}",
            f"=AR_COLLECTION_RATIO({coll},{billed})",
            "pct2",
        ),
        Metric(
            "bad_debt",
            ("Rasio piutang tak tertagih", "Bad-debt ratio"),
            (
                "penghapusan piutang (jurnal) / penjualan kredit",
                "write-offs (journal) / credit sales",
            ),
            f"={wo}/{s}",
            f"=AR_BAD_DEBT_RATIO({wo},{s})",
            "pct2",
        ),
    ]


def _metrics(book: Book, mon: MonthlyRefs) -> None:
    """The Metrics sheet: Q4 inputs, countback steps, native formula vs ``AR_*`` per metric."""
    t = book.t
    sh = titled_sheet(
        book,
        SHEETS["metrics"],
        ("Metrik Piutang Q4 2024", "Receivables Metrics Q4 2024"),
        widths=[46, 46, 16, 16, 14, 8, 21, 14, 4, 14, 8],
        intro=(
            "Periode: kuartal 4 2024 (1 Okt – 31 Des, 92 hari). Kolom 'Rumus Excel' memakai "
            "fungsi bawaan Excel; kolom 'Fungsi xl-ar' memakai add-in xl-ar (tanpa add-in "
            "tampil #NAME?). CEI: konvensi Credit Research Foundation membagi penjualan dengan "
            "jumlah bulan N = 3; banyak situs memakai penjualan utuh (N = 1). RTO dan periode "
            "penagihan memakai penjualan Q4 disetahunkan (× 4); buku teks Indonesia (Sutrisno, "
            "Kasmir) memakai 360 hari. Rasio piutang tak tertagih = penghapusan piutang yang "
            "dibukukan di Q4 menurut jurnal umum (angka input, bukan dari sheet Data: tidak "
            "ada faktur di buku besar ini yang dihapus) ÷ penjualan kredit Q4.",
            "Period: Q4 2024 (1 Oct – 31 Dec, 92 days). The 'Native formula' column uses "
            "Excel's own functions; the 'xl-ar function' column uses the xl-ar add-in "
            "(#NAME? without it). CEI: the Credit Research Foundation convention divides "
            "sales by the number of months N = 3; many sites use the whole-period sales "
            "(N = 1). RTO and the collection period use Q4 sales annualised (× 4); "
            "Indonesian textbooks (Sutrisno, Kasmir) use 360 days. Bad-debt ratio = the "
            "write-offs booked in Q4 per the general journal (an input, not from the Data "
            "sheet: no invoice of this ledger is written off) ÷ Q4 credit sales.",
        ),
    )
    top = 4
    sh.write(
        (top - 1, 0), t(("Data Q4 (dari sheet Bulanan)", "Q4 data (from the Monthly sheet)")), "h1"
    )
    cells = _metric_inputs(sh, book, mon, top)
    cb = _countback_block(sh, book, mon, top + 1, cells["end"])
    m = metrics_q4()
    head = top + len(METRIC_INPUTS) + 2
    sh.row(
        (head, 0),
        [
            t(("Metrik", "Metric")),
            t(("Definisi", "Definition")),
            t(("Rumus Excel", "Native formula")),
            t(("Fungsi xl-ar", "xl-ar function")),
            t(("Selisih", "Difference")),
        ],
        "header",
    )
    rows = _metric_rows(cells, cb)
    for i, metric in enumerate(rows):
        r = head + 1 + i
        sh.write((r, 0), t(metric.name), "bold")
        sh.write((r, 1), t(metric.definition), "wrap")
        if len(t(metric.definition)) > 48:
            sh.row_heights[r] = 30
        sh.formula((r, 2), metric.native, expected=m[metric.key], style=metric.style)
        sh.formula((r, 3), metric.call, expected=m[metric.key], style=metric.style)
        # the difference repeats the AR_* call: a reference to D would be #NAME? without xl-ar
        diff = f"={a1(r, 2)}-{metric.call[1:]}"
        sh.formula((r, 4), diff, expected=m[metric.key] - m[metric.key], style="number")
    r = head + len(rows) + 2
    sh.merge(
        f"A{r + 1}:E{r + 1}",
        t(
            (
                "Selisih = Rumus Excel − fungsi xl-ar (0 berarti keduanya sama). DSO countback "
                "berjalan mundur dari Desember: lihat langkahnya di kolom D:H.",
                "Difference = native formula − xl-ar function (0 means they agree). The "
                "countback walks back from December: see its steps in columns D:H.",
            )
        ),
        "note",
    )
    sh.row_heights[r] = 30


# ---- practice -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    """One practice question: text, the core's answer, kind and a hint.

    ``hint`` may name the given cells of its case in braces (``"={ar}*{days}/{sales}"``).
    """

    question: Text
    answer: float | int | str
    kind: str
    hint: str | Text = ""


@dataclass(frozen=True)
class Case:
    """A textbook case: a title, the given inputs ``(name, label, value, style)``, questions."""

    title: Text
    givens: tuple[tuple[str, Text, float, str], ...]
    asks: tuple[Ask, ...]


Given = tuple[str, Text, float, str]
"""A given input of a textbook case: name (for the hints), label, value, style."""
Question = tuple[Text, str, Callable[[dict[str, float]], float], str | Text]
"""A textbook question: text, kind, its answer from the givens (by the core), hint."""


def _case(title: Text, givens: list[Given], questions: list[Question]) -> Case:
    """A textbook case whose answers the core computes from its own givens."""
    values = {name: float(value) for name, _, value, _ in givens}
    asks = tuple(Ask(text, answer(values), kind, hint) for text, kind, answer, hint in questions)
    return Case(title, tuple(givens), asks)


def _golden_cases() -> tuple[Case, ...]:
    """The golden worked examples of ``ar-domain.md`` as practice cases (answers by the core)."""
    pays = ((1_000, 15), (3_000, 30), (2_000, 45))
    paid = [
        (f"a{j}", (f"Dibayar #{j}", f"Paid #{j}"), a, "money") for j, (a, _) in enumerate(pays, 1)
    ]
    took = [
        (f"d{j}", (f"Hari bayar #{j}", f"Days to pay #{j}"), d, "int")
        for j, (_, d) in enumerate(pays, 1)
    ]
    return (
        _case(
            ("1. DSO sederhana, BPDSO dan ADD", "1. Simple DSO, BPDSO and ADD"),
            [("ar", ("Piutang akhir", "Ending AR"), 200_000, "money"),
             ("sales", ("Penjualan kredit setahun", "Credit sales of the year"), 2_000_000, "money"),
             ("days", ("Hari dalam periode", "Days in the period"), 365, "int"),
             ("cur", ("Piutang belum jatuh tempo", "Current (not yet due) AR"), 120_000, "money")],
            [(("DSO sederhana (hari)", "Simple DSO (days)"), "days",
              lambda v: core_dso.dso_simple(v["ar"], v["sales"], v["days"]),
              "={ar}*{days}/{sales}   |   =AR_DSO({ar},{sales},{days})"),
             (("DSO terbaik yang mungkin (BPDSO, hari)", "Best possible DSO (days)"), "days",
              lambda v: core_dso.best_possible_dso(v["cur"], v["sales"], v["days"]),
              "={cur}*{days}/{sales}   |   =AR_BPDSO({cur},{sales},{days})"),
             (("Rata-rata hari tunggakan (ADD) = DSO − BPDSO",
               "Average days delinquent = DSO − BPDSO"), "days",
              lambda v: core_dso.add_from_balances(v["ar"], v["cur"], v["sales"], v["days"]),
              "=AR_ADD({ar},{cur},{sales},{days})")],
        ),
        _case(
            ("2. DSO saldo rata-rata", "2. DSO, average balance"),
            [("beg", ("Piutang awal bulan", "AR at the start of the month"), 16_000, "money"),
             ("end", ("Piutang akhir bulan", "AR at the end of the month"), 20_000, "money"),
             ("sales", ("Penjualan kredit bulan ini", "Credit sales of the month"), 20_000, "money"),
             ("days", ("Hari", "Days"), 30, "int")],
            [(("DSO saldo rata-rata (hari)", "Average-balance DSO (days)"), "days",
              lambda v: core_dso.dso_average(v["beg"], v["end"], v["sales"], v["days"]),
              '=({beg}+{end})/2*{days}/{sales}   |   =AR_DSO({beg}:{end},{sales},{days},"average")')],
        ),
        _case(
            ("3. DSO countback (bulan 30 hari)", "3. Countback DSO (30-day months)"),
            [("ar", ("Piutang akhir", "Ending AR"), 212_000, "money"),
             ("s1", ("Penjualan bulan ke-1 (terlama)", "Sales month 1 (oldest)"), 70_000, "money"),
             ("s2", ("Penjualan bulan ke-2", "Sales month 2"), 80_000, "money"),
             ("s3", ("Penjualan bulan ke-3 (terbaru)", "Sales month 3 (newest)"), 100_000, "money")],
            [(("DSO countback (hari)", "Countback DSO (days)"), "days",
              lambda v: core_dso.dso_countback(v["ar"], [v["s1"], v["s2"], v["s3"]], 30),
              '30 + 30 + ({ar}-{s3}-{s2})/{s1}*30   |   =AR_DSO({ar},{s1}:{s3},30,"countback")')],
        ),
        _case(
            ("4. Indeks efektivitas penagihan (collection effectiveness index, CEI)",
             "4. Collection effectiveness index (CEI)"),
            [("b", ("Piutang awal kuartal", "AR at the start of the quarter"), 6_200, "money"),
             ("s", ("Penjualan kredit 3 bulan", "Credit sales of the 3 months"), 10_890, "money"),
             ("e", ("Piutang akhir (total)", "Ending AR (total)"), 6_340, "money"),
             ("c", ("Piutang akhir belum jatuh tempo", "Ending current AR"), 3_590, "money"),
             ("n", ("Jumlah bulan N", "Number of months N"), 3, "int")],
            [(("CEI konvensi CRF (penjualan / N)", "CEI, CRF convention (sales / N)"), "pct",
              lambda v: ratios.cei(v["b"], v["s"], v["e"], v["c"], months=int(v["n"])),
              "=({b}+{s}/{n}-{e})/({b}+{s}/{n}-{c})   |   =AR_CEI({b},{s},{e},{c},{n})"),
             (("CEI penjualan seluruh periode (N = 1)", "CEI, whole-period sales (N = 1)"), "pct",
              lambda v: ratios.cei(v["b"], v["s"], v["e"], v["c"], months=1),
              "=AR_CEI({b},{s},{e},{c},1)")],
        ),
        _case(
            ("5. Perputaran piutang dan periode penagihan",
             "5. Receivable turnover and collection period"),
            [("s", ("Penjualan kredit setahun", "Credit sales of the year"), 6_205_000, "money"),
             ("b", ("Piutang awal tahun", "AR at the start of the year"), 300_000, "money"),
             ("e", ("Piutang akhir tahun", "AR at the end of the year"), 370_000, "money")],
            [(("Perputaran piutang (kali)", "Receivable turnover (times)"), "ratio",
              lambda v: ratios.receivable_turnover(v["s"], v["b"], v["e"]),
              "={s}/(({b}+{e})/2)   |   =AR_RTO({s},{b},{e})"),
             *((((f"Periode penagihan rata-rata, basis {basis} (hari)",
                  f"Average collection period, {basis} basis (days)")), "days",
                lambda v, basis=basis: ratios.average_collection_period(
                    v["s"], v["b"], v["e"], day_basis=basis),
                f'={basis}/RTO   |   =AR_RTO({{s}},{{b}},{{e}},{basis},"acp")')
               for basis in (365, 360))],
        ),
        _case(
            ("6. Rata-rata tertimbang hari bayar", "6. Weighted average days to pay"),
            [item for pair in zip(paid, took, strict=True) for item in pair],
            [(("Rata-rata tertimbang hari bayar", "Weighted average days to pay"), "days",
              lambda v: ratios.weighted_average_days([v["a1"], v["a2"], v["a3"]],
                                                     [v["d1"], v["d2"], v["d3"]]),
              "=({a1}*{d1}+{a2}*{d2}+{a3}*{d3})/({a1}+{a2}+{a3})"),
             (("Rata-rata biasa hari bayar (pembanding)", "Simple mean of days to pay (compare)"),
              "days", lambda v: float(np.mean([v["d1"], v["d2"], v["d3"]])),
              "=AVERAGE({d1},{d2},{d3})")],
        ),
    )  # fmt: skip


def _write_case(sh: Sheet, book: Book, case: Case, row: int) -> int:
    """Write one case from ``row``: title, givens (A:B), questions; returns the next free row."""
    t = book.t
    sh.write((row, 0), t(case.title), "bold")
    values = label_values(
        sh, row + 1, [(label, value, style) for _, label, value, style in case.givens]
    )
    cells = {name: cell for (name, *_), cell in zip(case.givens, values, strict=True)}
    row += len(case.givens)
    for q in case.asks:
        row += 1
        hint = local_formula(t(q.hint).format(**cells), book.lang)
        ask(sh, row, q.question, q.answer, q.kind, hint)
    return row + 2


def local_formula(text: str, lang: str) -> str:
    """A formula hint as the edition writes it: ``;`` between arguments in Indonesian.

    Commas inside double-quoted strings are kept.

    Examples
    --------
    >>> local_formula('=AR_DSO(B7,B8,"a,b")', "id"), local_formula("=SUM(A1,A2)", "en")
    ('=AR_DSO(B7;B8;"a,b")', '=SUM(A1,A2)')
    """
    if lang != "id":
        return text
    out, quoted = [], False
    for ch in text:
        quoted ^= ch == '"'
        out.append(";" if ch == "," and not quoted else ch)
    return "".join(out)


def _ledger_asks() -> list[Ask]:
    """Part B: questions on the company's monthly figures (answers from ``kpi_series``).

    None of the answers is shown on the Monthly sheet (it shows the simple DSO, BPDSO, ADD
    and the one-month CEI per month); the series questions use April–December only (see
    :data:`SERIES_FROM`). The hints name functions and columns, not the finished formula.
    """
    k = monthly_kpis().set_index(monthly_kpis()["period_end"].dt.month)
    nov = k.loc[11]
    series = k.loc[SERIES_FROM:]
    q3 = k.loc[7:9]
    sep_nov = k.loc[9:11]
    countback = core_dso.dso_countback(
        float(nov["ending_ar"]),
        sep_nov["credit_sales"].tolist(),
        core_dso.period_days_from_ends(sep_nov["period_end"].tolist()),
    )
    first = MONTHS[SERIES_FROM - 1]
    span = (f"{first[0]}–Desember 2024", f"{first[1]}–December 2024")
    return [
        Ask(
            (
                "DSO November 2024, metode saldo rata-rata (30 hari)",
                "DSO November 2024, average-balance method (30 days)",
            ),
            core_dso.dso_average(
                float(nov["beginning_ar"]), float(nov["ending_ar"]), float(nov["credit_sales"]), 30
            ),
            "days",
            (
                "(piutang awal + piutang akhir) / 2 × hari / penjualan (kolom H, I, F)",
                "(beginning + ending AR) / 2 × days / sales (columns H, I, F)",
            ),
        ),
        Ask(
            (
                "DSO countback 30 Nov 2024 (Sep–Nov, hari kalender)",
                "Countback DSO at 30 Nov 2024 (Sep–Nov, calendar days)",
            ),
            countback,
            "days",
            (
                "mulai dari penjualan November (30 hari), mundur ke Oktober (31), lalu September",
                "start with November sales (30 days), walk back to October (31), then September",
            ),
        ),
        Ask(
            (
                "CEI kuartal 3 2024 (Jul–Sep, konvensi CRF: penjualan / N, N = 3)",
                "CEI Q3 2024 (Jul–Sep, CRF convention: sales / N, N = 3)",
            ),
            ratios.cei(
                float(q3["beginning_ar"].iloc[0]),
                float(q3["credit_sales"].sum()),
                float(q3["ending_ar"].iloc[-1]),
                float(q3["current_ar"].iloc[-1]),
                months=3,
            ),
            "pct",
            (
                "awal = piutang awal Juli, penjualan = SUM Jul–Sep, akhir dan belum jatuh tempo "
                "= September; atau AR_CEI",
                "beginning = July's beginning AR, sales = SUM of Jul–Sep, ending and current = "
                "September; or AR_CEI",
            ),
        ),
        Ask(
            (
                f"Bulan (1-12) dengan DSO tertinggi, {span[0]}",
                f"Month (1-12) with the highest DSO, {span[1]}",
            ),
            int(series["dso"].idxmax()),
            "count",
            (
                f"INDEX(kolom No; MATCH(MAX(DSO); DSO; 0)) atas baris {first[0]}–Desember",
                f"INDEX(No column, MATCH(MAX(DSO), DSO, 0)) over the rows {first[1]}–December",
            ),
        ),
        Ask(
            (
                f"Bulan (1-12) dengan CEI terendah, {span[0]}",
                f"Month (1-12) with the lowest CEI, {span[1]}",
            ),
            int(series["cei"].idxmin()),
            "count",
            ("seperti soal sebelumnya, dengan MIN", "as in the previous question, with MIN"),
        ),
        Ask(
            (f"Rata-rata DSO bulanan, {span[0]} (hari)", f"Average monthly DSO, {span[1]} (days)"),
            float(series["dso"].mean()),
            "days",
            ("AVERAGE kolom DSO", "AVERAGE of the DSO column"),
        ),
        Ask(
            (
                f"Rasio penagihan {span[0]}: penagihan / (piutang awal {first[0]} + penjualan)",
                f"Collection ratio {span[1]}: collections / (beginning AR of {first[1]} + sales)",
            ),
            ratios.collection_ratio(
                float(series["collections"].sum()),
                float(series["beginning_ar"].iloc[0] + series["credit_sales"].sum()),
            ),
            "pct",
            (
                f"penagihan = SUM kolom G, penjualan = SUM kolom F, piutang awal = kolom H "
                f"baris {first[0]}",
                f"collections = SUM of column G, sales = SUM of column F, beginning AR = "
                f"column H, {first[1]} row",
            ),
        ),
        Ask(
            ("% piutang lewat jatuh tempo pada 31 Des 2024", "% of AR past due at 31 Dec 2024"),
            float(k.loc[12, "past_due_ar"] / k.loc[12, "ending_ar"]),
            "pct",
            (
                "piutang lewat jatuh tempo / piutang akhir, baris Desember",
                "past-due AR / ending AR, December row",
            ),
        ),
    ]


def _practice(book: Book) -> None:
    """The Metrics Practice sheet: part A textbook cases, part B the company's data."""
    t = book.t
    sh = titled_sheet(
        book,
        SHEETS["practice"],
        ("Latihan Metrik", "Metrics Practice"),
        widths=[48, 16, 6, 70],
        intro=(
            "Bagian A: contoh buku teks (data di kolom B). Bagian B: data perusahaan (sheet "
            "Bulanan). Ketik rumus atau angka di sel kuning; DSO dalam hari, rasio sebagai "
            "persen (55,93% = 0,5593). Kolom D memberi petunjuk rumus.",
            "Part A: textbook cases (data in column B). Part B: the company's data (Monthly "
            "sheet). Type a formula or a number in the yellow cells; DSO in days, ratios as "
            "percentages (55.93% = 0.5593). Column D gives a formula hint.",
        ),
    )
    sh.write("A4", t(("A. Contoh buku teks", "A. Textbook cases")), "h1")
    row = 5
    for case in _golden_cases():
        row = _write_case(sh, book, case, row)
    sh.write(
        (row, 0),
        t(("B. Data perusahaan (sheet Bulanan)", "B. The company's data (Monthly sheet)")),
        "h1",
    )
    for i, q in enumerate(_ledger_asks()):
        ask(sh, row + 2 + i, q.question, q.answer, q.kind, q.hint)


# ---- reconciliation -------------------------------------------------------------------------

RECON_HEADER: tuple[Text, ...] = (
    ("No", "No"),
    ("Tanggal", "Date"),
    ("Pengirim (mutasi bank)", "Payer (bank statement)"),
    ("Referensi = No Faktur", "Reference = Invoice No"),
    ("Jumlah diterima", "Amount received"),
    ("Nilai faktur (VLOOKUP)", "Invoice amount (VLOOKUP)"),
    ("Sisa tagihan (INDEX/MATCH)", "Open balance (INDEX/MATCH)"),
    ("Selisih = diterima − sisa", "Difference = received − balance"),
    ("Status", "Status"),
    ("Ditahan (belum teralokasi)", "On hold (unapplied)"),
)
RECON_365_HEADER: tuple[Text, ...] = (
    *RECON_HEADER[:5],
    ("Nilai faktur (XLOOKUP)", "Invoice amount (XLOOKUP)"),
    ("Sisa tagihan (XLOOKUP)", "Open balance (XLOOKUP)"),
    ("Selisih = diterima − sisa", "Difference = received − balance"),
    ("Status", "Status"),
    ("Pelanggan (XLOOKUP ke kiri)", "Customer (XLOOKUP to the left)"),
)


def _receipt_rows(sh: Sheet, first: int) -> None:
    """The bank statement (columns A:E) from zero-based row ``first``."""
    for i, r in enumerate(receipts().itertuples()):
        row = first + i
        sh.write((row, 0), i + 1, "int")
        sh.write((row, 1), r.date, "date")
        sh.write((row, 2), r.payer)
        if r.reference:
            sh.write((row, 3), r.reference)
        sh.write((row, 4), r.amount, "money")


def _status_formula(book: Book, g: str, h: str) -> str:
    """Status of a receipt from its balance cell ``g`` and difference cell ``h``."""
    t = book.t
    return (
        f'=IF(NOT(ISNUMBER({g})),"{t(STATUS["missing"])}",IF({h}=0,"{t(STATUS["match"])}",'
        f'IF({h}<0,"{t(STATUS["short"])}","{t(STATUS["over"])}")))'
    )


def _recon_sheet(
    book: Book, key: str, title: Text, text: Text, header: tuple[Text, ...], **options: Any
) -> tuple[Sheet, int]:
    """A reconciliation sheet: title, explanation, table header and the bank statement (A:E).

    Returns the sheet and the first receipt row (zero-based).
    """
    sh = titled_sheet(
        book, SHEETS[key], title, widths=[5, 12, 24, 20, 15, 16, 16, 16, 16, 18], intro=text,
        **options,
    )  # fmt: skip
    header_row(sh, (3, 0), header, height=45)
    _receipt_rows(sh, 4)
    return sh, 4


def _receipt_lookups(
    sh: Sheet, book: Book, first: int, amount: Callable[[str], str], balance: Callable[[str], str]
) -> None:
    """Per receipt: the looked-up invoice amount (F) and balance (G), difference (H), status (I).

    ``amount`` and ``balance`` give the lookup formula of the reference cell (column D).
    """
    t = book.t
    for row, r in enumerate(receipt_results().itertuples(), start=first):
        d, e, g, h = (a1(row, c) for c in (3, 4, 6, 7))
        found = r.status != "missing"
        looked_up = (
            (5, amount(d), r.inv_amount),
            (6, balance(d), r.balance),
            (7, f'=IF(ISNUMBER({g}),{e}-{g},"{NA}")', r.difference),
        )
        for col, formula, value in looked_up:
            sh.formula((row, col), formula, expected=float(value) if found else NA, style="money")
        sh.formula(
            (row, 8), _status_formula(book, g, h), expected=t(STATUS[r.status]), style="text"
        )


def _reconciliation(book: Book, refs: LedgerRefs) -> None:
    """The Reconciliation sheet: VLOOKUP and INDEX/MATCH per receipt, then questions."""
    t = book.t
    sh, first = _recon_sheet(
        book,
        "recon",
        (
            "Rekonsiliasi Penerimaan Bank — 2 s.d. 10 Januari 2025",
            "Bank Receipts Reconciliation — 2 to 10 January 2025",
        ),
        (
            "Mutasi rekening bank (kiri) dicocokkan dengan daftar faktur di sheet Data per 31 Des "
            "2024. F: VLOOKUP(referensi; Data!D:L; 6; FALSE) mengambil nilai faktur; G: "
            "INDEX/MATCH mengambil sisa tagihan; IFERROR mengubah #N/A menjadi '-'. Status: "
            "COCOK, KURANG BAYAR, LEBIH BAYAR atau TIDAK DITEMUKAN. Kolom J = kas yang ditahan "
            "sebagai belum teralokasi (tidak ditemukan, atau kelebihan bayar).",
            "The bank statement (left) is matched to the invoice list on the Data sheet at "
            "31 Dec 2024. F: VLOOKUP(reference, Data!D:L, 6, FALSE) pulls the invoice amount; "
            "G: INDEX/MATCH pulls the open balance; IFERROR turns #N/A into '-'. Status: "
            "MATCH, SHORT, OVER or NOT FOUND. Column J = cash put on hold as unapplied (not "
            "found, or the overpaid part).",
        ),
        RECON_HEADER,
    )
    res = receipt_results()
    inv_rng, bal_rng = refs.col("invoice"), refs.col("balance")
    table = sheet_ref(
        refs.sheet,
        f"{a1(refs.first, refs.col_index('invoice'), absolute=True)}:"
        f"{a1(refs.last, refs.col_index('balance'), absolute=True)}",
    )
    offset = refs.col_index("amount") - refs.col_index("invoice") + 1
    _receipt_lookups(
        sh,
        book,
        first,
        lambda d: f'=IFERROR(VLOOKUP({d},{table},{offset},FALSE),"{NA}")',
        lambda d: f'=IFERROR(INDEX({bal_rng},MATCH({d},{inv_rng},0)),"{NA}")',
    )
    for row, r in enumerate(res.itertuples(), start=first):
        e, g, h = a1(row, 4), a1(row, 6), a1(row, 7)
        sh.formula(
            (row, 9), f"=IF(ISNUMBER({g}),MAX({h},0),{e})", expected=float(r.on_hold), style="money"
        )
    last = first + len(res) - 1
    total = last + 1
    sh.write((total, 3), t(("Total", "Total")), "bold")
    sh.formula(
        (total, 4),
        f"=SUM({a1(first, 4)}:{a1(last, 4)})",
        expected=float(res["amount"].sum()),
        style="total_money",
    )
    _recon_questions(sh, book, total + 2)


def _recon_questions(sh: Sheet, book: Book, row: int) -> None:
    """Questions below the receipts, from zero-based ``row``.

    The hints name the function to use, not the formula: the trainee writes it.
    """
    t = book.t
    res = receipt_results()
    core = core_reconciliation()
    on_hold = float(res["on_hold"].sum())
    short = float(-res.loc[res["status"] == "short", "difference"].sum())
    over = float(res.loc[res["status"] == "over", "difference"].sum())
    for name, ours, theirs in (
        ("on-hold cash", on_hold, core["on_hold"]),
        ("shortfall", short, core["partial_remaining"]),
        ("overpayment", over, core["overpaid"]),
    ):
        if abs(ours - theirs) > 0.005:
            raise AssertionError(f"{name} {ours} differs from the core's reconciliation {theirs}")
    sh.write((row, 0), t(("Pertanyaan", "Questions")), "h1")
    row += 1
    status_col = t(("kolom Status (I)", "the Status column (I)"))
    q = [
        (
            (
                "Berapa penerimaan yang TIDAK DITEMUKAN fakturnya?",
                "How many receipts are NOT FOUND?",
            ),
            int((res["status"] == "missing").sum()),
            "count",
            (f"COUNTIF pada {status_col}", f"COUNTIF on {status_col}"),
        ),
        (
            ("Berapa penerimaan yang COCOK (lunas tepat)?", "How many receipts MATCH exactly?"),
            int((res["status"] == "match").sum()),
            "count",
            (f"COUNTIF pada {status_col}", f"COUNTIF on {status_col}"),
        ),
        (
            (
                "Kurang bayar: total sisa tagihan yang masih terbuka setelah penerimaan KURANG "
                "BAYAR (angka positif)",
                "Shortfall: total balance still open after the SHORT receipts (a positive number)",
            ),
            short,
            "money",
            (
                "SUMIF: kriteria di kolom Status, jumlahkan kolom Selisih (H); ubah tandanya",
                "SUMIF: criterion on the Status column, sum the Difference column (H); flip "
                "the sign",
            ),
        ),
        (
            (
                "Lebih bayar: total kelebihan penerimaan LEBIH BAYAR di atas sisa tagihan",
                "Overpayment: total received above the open balance on the OVER receipts",
            ),
            over,
            "money",
            (
                "SUMIF seperti soal sebelumnya, dengan status LEBIH BAYAR",
                "SUMIF as in the previous question, with the status OVER",
            ),
        ),
        (
            (
                "Kas yang ditahan sebagai belum teralokasi (unapplied)",
                "Cash to put on hold as unapplied",
            ),
            on_hold,
            "money",
            (
                "tidak ditemukan + kelebihan bayar: SUM kolom J",
                "not found + overpaid part: SUM of column J",
            ),
        ),
    ]
    for j, (question, answer, kind, hint) in enumerate(q):
        ask(sh, row + j, question, answer, kind, hint, q=(0, 3), at=4, h=(6, 9))
    row += len(q)
    # INDEX/MATCH looks left: whose invoice did the mistyped reference mean?
    typo = res[res["kind"] == "typo"].iloc[0]
    question = (
        f"Referensi {typo.reference} salah ketik; jumlahnya sama dengan sisa faktur "
        f"{typo.invoice}. Siapa pelanggan faktur itu? (INDEX/MATCH: VLOOKUP tidak bisa ke kiri)",
        f"Reference {typo.reference} is mistyped; its amount equals the balance of invoice "
        f"{typo.invoice}. Whose invoice is it? (INDEX/MATCH: VLOOKUP cannot look left)",
    )
    hint = (
        "INDEX(kolom Pelanggan; MATCH(no faktur; kolom No Faktur; 0)) di sheet Data",
        "INDEX(Customer column, MATCH(invoice no, Invoice No column, 0)) on the Data sheet",
    )
    ask(sh, row, question, _customer_of(str(typo.invoice)), "text", hint, q=(0, 3), at=4, h=(6, 9))


def _recon_365(book: Book, refs: LedgerRefs) -> None:
    """The Excel 365 sheet: the same receipts looked up with XLOOKUP (no exercises)."""
    sh, first = _recon_sheet(
        book,
        "recon365",
        (
            "Rekonsiliasi dengan XLOOKUP (Excel 365 / 2021)",
            "Reconciliation with XLOOKUP (Excel 365 / 2021)",
        ),
        (
            "Sama dengan sheet Rekonsiliasi, memakai XLOOKUP: =XLOOKUP(referensi; kolom No Faktur; "
            'kolom hasil; "-"). Argumen ke-4 menggantikan IFERROR, dan XLOOKUP bisa mengambil '
            "kolom di kiri (Pelanggan). Hanya untuk Excel 365/2021: Excel 2013/2016 dan "
            "LibreOffice 7 menampilkan #NAME?.",
            "The same as the Reconciliation sheet, with XLOOKUP: =XLOOKUP(reference, Invoice No "
            'column, result column, "-"). The 4th argument replaces IFERROR, and XLOOKUP can '
            "return a column to the left (Customer). Excel 365/2021 only: Excel 2013/2016 and "
            "LibreOffice 7 show #NAME?.",
        ),
        RECON_365_HEADER,
        excel365=True,
    )
    inv = refs.col("invoice")

    def xlookup(key: str) -> Callable[[str], str]:
        return lambda d: f'=_xlfn.XLOOKUP({d},{inv},{refs.col(key)},"{NA}")'

    _receipt_lookups(sh, book, first, xlookup("amount"), xlookup("balance"))
    for row, r in enumerate(receipt_results().itertuples(), start=first):
        sh.formula(
            (row, 9), xlookup("customer")(a1(row, 3)), expected=_customer_of(r.reference),
            style="text",
        )  # fmt: skip


def _customer_of(invoice: str) -> str:
    """Customer of an invoice number, or ``NA`` when the ledger has no such invoice."""
    led = core_ledger("id").set_index("invoice")
    return str(led.loc[invoice, "customer"]) if invoice in led.index else NA


# ---- pivot ----------------------------------------------------------------------------------

PIVOT_HEADER: tuple[Text, ...] = (
    ("Pelanggan", "Customer"),
    ("Wilayah", "Region"),
    ("Sales", "Salesperson"),
    ("No Faktur", "Invoice No"),
    ("Jatuh Tempo", "Due Date"),
    ("Hari Lewat Jatuh Tempo", "Days Past Due"),
    ("Kelompok Umur", "Bucket"),
    ("Sisa", "Balance"),
)


def _pivot(book: Book) -> None:
    """The Pivot Table sheet: tblPiutang with date-function columns, steps and questions."""
    t = book.t
    sh = titled_sheet(
        book,
        SHEETS["pivot"],
        ("Data Siap PivotTable — Piutang Terbuka", "PivotTable-Ready Data — Open Receivables"),
        widths=[22, 12, 17, 18, 12, 13, 10, 14, 3, 52, 16, 5, 40],
    )
    sh.write("A2", t(("Per tanggal", "As of")), "bold")
    sh.write("B2", AS_OF, "date")
    steps = [
        (
            "Klik sel mana saja di tabel tblPiutang (A5).",
            "Click any cell of the table tblPiutang (A5).",
        ),
        ("Insert ▸ PivotTable ▸ New Worksheet ▸ OK.", "Insert ▸ PivotTable ▸ New Worksheet ▸ OK."),
        (
            "Seret Wilayah ke Rows, Kelompok Umur ke Columns, Sisa ke Values (Sum).",
            "Drag Region to Rows, Bucket to Columns, Balance to Values (Sum).",
        ),
        (
            "Ganti Rows dengan Sales untuk melihat per tenaga penjual.",
            "Swap Rows to Salesperson to see each salesperson.",
        ),
        (
            "Kolom F dan G dihitung otomatis: F = tanggal data − jatuh tempo; G = IF bertingkat.",
            "Columns F and G are automatic: F = data date − due date; G = nested IF.",
        ),
    ]
    sh.write((0, 9), t(("Langkah membuat PivotTable", "How to build the PivotTable")), "h1")
    for i, step in enumerate(steps):
        sh.write((1 + i, 9), f"{i + 1}. {t(step)}", "text")
    header_row = 3
    items = open_items_table()
    rows = [
        [r.customer, r.region, r.sales, r.invoice, r.due_date, None, None, float(r.outstanding)]
        for r in items.itertuples()
    ]
    styles = [None, None, None, None, "date", "int", None, "money"]
    first, last = sh.table(
        (header_row, 0), [t(h) for h in PIVOT_HEADER], rows, styles, name="tblPiutang"
    )
    for i, r in enumerate(items.itertuples()):
        row = first + i
        sh.formula((row, 5), f"=$B$2-{a1(row, 4)}", expected=float(r.days), style="int")
        sh.formula(
            (row, 6),
            _bucket_formula(a1(row, 5), book.lang),
            expected=bucket_name(r.bucket, book.lang),
            style="text",
        )
    sh.freeze = (first, 1)
    _pivot_questions(sh, book, items, 8)
    total = last + 2  # a blank row keeps the total outside tblPiutang
    sh.write((total, 6), t(("Total", "Total")), "bold")
    sh.formula(
        (total, 7),
        f"=SUM({a1(first, 7)}:{a1(last, 7)})",
        expected=float(items["outstanding"].sum()),
        style="total_money",
    )


def _bucket_formula(days: str, lang: str) -> str:
    """Nested IF giving the bucket name (:func:`~xl_ar.workshop.terms.bucket_name`) of ``days``."""
    names = {key: bucket_name(key, lang) for key in ("Current", "1-30", "31-60", "61-90", ">90")}
    return (
        f'=IF({days}<=0,"{names["Current"]}",IF({days}<=30,"{names["1-30"]}",'
        f'IF({days}<=60,"{names["31-60"]}",IF({days}<=90,"{names["61-90"]}","{names[">90"]}"))))'
    )


def _pivot_questions(sh: Sheet, book: Book, items: pd.DataFrame, row: int) -> None:
    """Questions a PivotTable of tblPiutang answers (answers: pandas on the core's aging)."""
    t = book.t
    sh.write(
        (row, 9), t(("Pertanyaan (jawab dengan PivotTable)", "Questions (use a PivotTable)")), "h1"
    )
    by_region = items.groupby("region")["outstanding"].sum()
    asks = []
    for region in PIVOT_REGIONS:
        if region not in by_region.index:
            raise AssertionError(f"no open items in region {region}")
        asks.append(
            Ask(
                (f"Saldo piutang terbuka wilayah {region}", f"Open balance of region {region}"),
                float(by_region[region]),
                "money",
            )
        )
    over90 = items[items["bucket"] == ">90"]
    who = str(over90.loc[~over90["disputed"], "sales"].iloc[0])
    current = {lang: bucket_name("Current", lang) for lang in ("id", "en")}
    asks += [
        Ask(
            ("Wilayah dengan saldo terbuka terbesar", "Region with the largest open balance"),
            str(by_region.idxmax()),
            "text",
        ),
        Ask(
            (
                f'Saldo lewat jatuh tempo (semua kelompok kecuali "{current["id"]}") milik sales {who}',
                f'Past-due balance (every bucket but "{current["en"]}") of salesperson {who}',
            ),
            float(items.loc[(items["sales"] == who) & (items["days"] > 0), "outstanding"].sum()),
            "money",
        ),
        Ask(
            (
                f'Total saldo kelompok "{bucket_name("1-30", "id")}"',
                f'Total balance in the "{bucket_name("1-30", "en")}" bucket',
            ),
            float(items.loc[items["bucket"] == "1-30", "outstanding"].sum()),
            "money",
        ),
        Ask(
            ("Jumlah item terbuka yang belum jatuh tempo", "Number of open items not yet due"),
            int((items["bucket"] == "Current").sum()),
            "count",
        ),
    ]
    for i, q in enumerate(asks):
        ask(sh, row + 1 + i, q.question, q.answer, q.kind, q=(9, 9))


# --------------------------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------------------------


def build(lang: str) -> Book:
    """Build the module 5 workbook in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : {"id", "en"}
        Language of every label and sheet name; the numbers are the same in both.

    Returns
    -------
    Book
        The workbook specification (render it with :func:`xl_ar.workshop.render.render_book`).
    """
    book = Book("module_5", lang, book_title(lang))
    _cover(book)
    data = book.sheet(book.t(SHEETS["data"]))
    refs = write_ledger(book, data)
    mon = _monthly(book, refs)
    _metrics(book, mon)
    _practice(book)
    _reconciliation(book, refs)
    _recon_365(book, refs)
    _pivot(book)
    return book


def book_title(lang: str) -> str:
    """The workbook title (file properties)."""
    return "Modul 5 — Metrik & Otomatisasi" if lang == "id" else "Module 5 — Metrics & Automation"
