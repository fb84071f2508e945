"""Workshop module 4: receivables analysis and risk management (aging, cash, allowance, ECL).

Syllabus Modul 4 — *Analisis Piutang & Manajemen Risiko*: the aging schedule built with native
formulas (sessions 4.1), the cash projection from open receivables (4.2), the allowance for
doubtful accounts, the PSAK 71/109 provision matrix, factoring and receivable insurance (4.3).

Sheets: cover, Data (the shared ledger with two helper columns for the trainee), a worked
example, the aging exercise, the cash projection, the allowance, the provision matrix,
factoring and, last, "Cek dengan xl-ar" (the ``AR_*`` cells that reproduce exercise answers:
open it after finishing). Every answer and every expected value comes from :mod:`xl_ar.core`
at build time. Formula hints are written with ``;`` in the Indonesian edition and ``,`` in the
English one (:func:`hint`), as the cover says.

Examples
--------
>>> book = build("en")
>>> [s.name for s in book.sheets][:4], book.sheets[-1].name
(['Instructions', 'Data', 'Worked Example', 'Aging Exercise'], 'Check with xl-ar')
>>> len(book.exercises) >= 40
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.aging import TOTAL, aging, assign_buckets, bucket_labels
from xl_ar.core.allowance import allowance
from xl_ar.core.ecl import provision_matrix
from xl_ar.core.factoring import factoring
from xl_ar.core.forecast import customer_days_late, forecast, forecast_items, forecast_periods
from xl_ar.core.ledger import read_ledger
from xl_ar.core.open_items import days_between
from xl_ar.workshop.book import Book, Sheet, a1, col_range, sheet_ref
from xl_ar.workshop.cover import add_cover
from xl_ar.workshop.data import AS_OF, LEDGER_COLUMNS, LedgerRefs, core_ledger, write_ledger
from xl_ar.workshop.layout import (
    LINE_HEIGHT,
    Text,
    ask,
    autofit_book,
    formula_rows,
    grow_row,
    header_row,
    label_values,
    paragraph,
    titled_sheet,
)
from xl_ar.workshop.terms import CHECK_SHEET, WRITE_OFF, bucket_name

__all__ = ["build", "hint"]

SHEETS: dict[str, tuple[str, str]] = {
    "data": ("Data", "Data"),
    "example": ("Contoh", "Worked Example"),
    "aging": ("Latihan Aging", "Aging Exercise"),
    "cash": ("Proyeksi Kas", "Cash Projection"),
    "allowance": ("Cadangan", "Allowance"),
    "matrix": ("Matriks Provisi", "Provision Matrix"),
    "factoring": ("Faktoring", "Factoring"),
    "check": CHECK_SHEET,
}
TITLE_HEIGHT = 24.0  # row 1 holds a 16-point title: taller than the default 15-point row

TOTAL_LABEL = ("Total", "Total")
LEDGER_PART = (
    "B. Latihan: piutang PT Sinar Niaga per 31/12/2024",
    "B. Exercise: PT Sinar Niaga's receivables at 31/12/2024",
)
"""Heading of the exercise part of the allowance and provision-matrix sheets."""

# --- worked example: 8 open items typed as constants (customer, invoice, kind, invoice date,
# due date, amount, paid); kind 0 = invoice, 1 = credit note.
EXAMPLE_ITEMS: tuple[tuple[str, str, int, str, str, float, float], ...] = (
    ("PT Alfa Mandiri", "INV-101", 0, "2024-12-10", "2025-01-09", 12_000_000.0, 0.0),
    ("PT Alfa Mandiri", "INV-102", 0, "2024-12-01", "2024-12-31", 8_000_000.0, 0.0),
    ("PT Alfa Mandiri", "NK-011", 1, "2024-12-15", "2024-12-15", -1_500_000.0, 0.0),
    ("CV Beta Jaya", "INV-088", 0, "2024-11-01", "2024-12-01", 10_000_000.0, 4_000_000.0),
    ("CV Beta Jaya", "INV-079", 0, "2024-10-31", "2024-11-30", 5_500_000.0, 0.0),
    ("CV Beta Jaya", "INV-061", 0, "2024-09-02", "2024-10-02", 7_250_000.0, 0.0),
    ("UD Gamma Sejati", "INV-055", 0, "2024-09-01", "2024-10-01", 3_000_000.0, 0.0),
    ("UD Gamma Sejati", "INV-072", 0, "2024-10-16", "2024-11-15", 9_800_000.0, 0.0),
)
KINDS: tuple[tuple[str, str], tuple[str, str]] = (
    ("Faktur", "Invoice"),
    ("Nota Kredit", "Credit Note"),
)

# --- allowance (ar-domain.md golden example, then the shared ledger)
GOLDEN_ALLOWANCE: tuple[tuple[tuple[str, str], float, float], ...] = (
    (("0-30 hari", "0-30 days"), 103_000.0, 0.01),
    (("31-60 hari", "31-60 days"), 97_500.0, 0.05),
    (("61-90 hari", "61-90 days"), 39_500.0, 0.15),
    (("Di atas 90 hari", "Over 90 days"), 10_000.0, 0.95),
)
GOLDEN_EXISTING = 5_000.0  # credit balance of the allowance account (allowance.py docstring)
LEDGER_RATES = (0.01, 0.03, 0.10, 0.25, 0.50)
EXISTING_ALLOWANCE = 4_000_000.0  # credit balance before the year-end adjustment

# --- provision matrix (ar-domain.md golden example, then the shared ledger)
GOLDEN_MATRIX: tuple[tuple[float, float], ...] = (
    (15_000_000.0, 0.003),
    (7_500_000.0, 0.016),
    (4_000_000.0, 0.036),
    (2_500_000.0, 0.066),
    (1_000_000.0, 0.106),
)
HISTORICAL_RATES = (0.005, 0.02, 0.06, 0.15, 0.40)
FORWARD_FACTOR = 1.1  # outlook 10 % worse than the history the rates come from

# --- factoring
FACTOR_CUSTOMER = "CV Mitra Abadi"
ADVANCE_RATE = 0.80
FEE_RATE = 0.015
FACTOR_INTEREST = 0.14
DAY_BASIS = 365
BANK_RATE = 0.12  # the company's working-capital loan, simple annual rate


@dataclass(frozen=True)
class AddInCheck:
    """An ``AR_*`` cell for the final check sheet: it reproduces the answer at ``answer``."""

    label: Text
    formula: str
    expected: float
    answer: str  # the trainee's input cell, "Sheet!B5"


@dataclass(frozen=True)
class Ctx:
    """What every sheet builder needs: the book, the ledger on the Data sheet, the core ledger.

    ``checks`` collects the ``AR_*`` cells that reproduce exercise answers; they go on the
    last sheet (:func:`_check_sheet`), never beside the exercise.
    """

    book: Book
    refs: LedgerRefs
    ledger: pd.DataFrame
    checks: list[AddInCheck] = field(default_factory=list)

    def t(self, text: Text) -> str:
        return self.book.t(text)

    def name(self, key: str) -> str:
        return self.book.t(SHEETS[key])

    def buckets(self) -> list[str]:
        """The aging bucket names of :mod:`xl_ar.workshop.terms`, in the core's order."""
        return [bucket_name(label, self.book.lang) for label in bucket_labels()]

    def hint(self, formula: str) -> str:
        """A formula shown as text, with this edition's argument separator."""
        return hint(formula, self.book.lang)

    def check(self, label: Text, formula: str, expected: float, sheet: Sheet, cell: str) -> None:
        """Queue an ``AR_*`` cell for the check sheet; ``cell`` is the answer it reproduces."""
        self.checks.append(AddInCheck(label, formula, expected, f"{sheet.name}!{cell}"))


def hint(formula: str, lang: str) -> str:
    """``formula`` with ``;`` between arguments in the Indonesian edition (``,`` in English).

    Commas inside quoted texts stay.

    Examples
    --------
    >>> hint('=SUMIFS(A:A,B:B,"a,b")', "id"), hint("=MAX(0,B4)", "en")
    ('=SUMIFS(A:A;B:B;"a,b")', '=MAX(0,B4)')
    """
    if lang != "id":
        return formula
    out, quoted = [], False
    for ch in formula:
        if ch == '"':
            quoted = not quoted
        out.append(";" if ch == "," and not quoted else ch)
    return "".join(out)


def _top_aligned(sh: Sheet) -> None:
    """Plain texts get the "text" style (top-aligned like every styled cell).

    A cell without a style sits at the bottom of its row: beside a wrapped label two lines
    tall it would look like it belongs to the next row.
    """
    for cell in sh.cells.values():
        if cell.style is None and isinstance(cell.value, str):
            cell.style = "text"


def _sheet(ctx: Ctx, key: str, title: Text, **options: Any) -> Sheet:
    """:func:`~xl_ar.workshop.layout.titled_sheet` with a title row tall enough for its font."""
    sh = titled_sheet(ctx.book, SHEETS[key], title, **options)
    grow_row(sh, 0, TITLE_HEIGHT)
    return sh


def build(lang: str) -> Book:
    """Build the module 4 workbook in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : {'id', 'en'}

    Returns
    -------
    Book
        Cover, Data, worked example, aging exercise, cash projection, allowance, provision
        matrix, factoring and the final add-in check sheet, with every answer computed by the
        core.
    """
    book = Book("module_4", lang, book_title(lang))
    _cover(book)
    data = book.sheet(book.t(SHEETS["data"]))
    refs = write_ledger(book, data)
    _helper_columns(book, data, refs)
    ctx = Ctx(book, refs, core_ledger(lang))
    _example_sheet(ctx)
    _aging_sheet(ctx)
    _cash_sheet(ctx)
    bucket_cells = _allowance_sheet(ctx)
    _matrix_sheet(ctx, bucket_cells)
    _factoring_sheet(ctx)
    _check_sheet(ctx)
    autofit_book(book)
    for sh in book.sheets[2:]:
        _top_aligned(sh)
    return book


def book_title(lang: str) -> str:
    """The workbook title in ``lang``."""
    return "Modul 4" if lang == "id" else "Module 4"


# --- small helpers ----------------------------------------------------------------------------
def _core_bucket_text(ctx: Ctx) -> dict[str, str]:
    """Core bucket label (``'>90'``) → the sheet's label (``'Di atas 90 hari'``)."""
    return dict(zip(bucket_labels(), ctx.buckets(), strict=True))


def _bucket_balances(ctx: Ctx) -> list[float]:
    """Open balance of the shared ledger per aging bucket (the core's aging), in bucket order."""
    totals = aging(ctx.ledger, AS_OF, by="total")
    return [float(totals[label].iloc[0]) for label in bucket_labels()]


# --- cover and Data ---------------------------------------------------------------------------
def _cover(book: Book) -> None:
    add_cover(
        book,
        (
            "Modul 4 — Analisis Piutang & Manajemen Risiko",
            "Module 4 — Receivables Analysis & Risk Management",
        ),
        [
            (
                "Membuat laporan aging piutang di Excel dengan rumus (IF bertingkat, SUMIFS)",
                "Build an AR aging report in Excel with formulas (nested IF, SUMIFS)",
            ),
            (
                "Membaca aging: pelanggan dan faktur berisiko, nota kredit, pembayaran sebagian",
                "Read the aging: risky customers and invoices, credit notes, partial payments",
            ),
            (
                "Memproyeksikan penerimaan kas 3 bulan dari piutang terbuka",
                "Project 3 months of cash receipts from the open receivables",
            ),
            (
                "Menghitung cadangan kerugian piutang (metode persentase umur) dan jurnalnya",
                "Compute the allowance for doubtful accounts (aging method) and its entry",
            ),
            (
                "Menyusun matriks provisi PSAK 71/109 (IFRS 9) dengan faktor forward-looking",
                "Build a PSAK 71/109 (IFRS 9) provision matrix with a forward-looking factor",
            ),
            (
                "Menilai biaya faktoring dan peran asuransi piutang",
                "Assess the cost of factoring and the role of receivable insurance",
            ),
        ],
        [
            (
                "Sheet Data: isi kolom kuning 'Hari Lewat Jatuh Tempo' dan 'Kelompok Umur' "
                "(kolom bantu, tidak dinilai).",
                "Data sheet: fill the yellow helper columns 'Days Past Due' and 'Aging Bucket' "
                "(working columns, not scored).",
            ),
            (
                "Sheet Contoh: pelajari rumus aging pada 8 faktur kecil.",
                "Worked Example sheet: study the aging formulas on 8 small invoices.",
            ),
            (
                "Sheet Latihan Aging: susun aging per pelanggan dengan SUMIFS.",
                "Aging Exercise sheet: build the aging per customer with SUMIFS.",
            ),
            (
                "Sheet Proyeksi Kas: tanggal perkiraan bayar tiap faktur, lalu kas per bulan "
                "setelah kerugian ekspektasian.",
                "Cash Projection sheet: expected payment date of each item, then cash per month "
                "net of expected losses.",
            ),
            (
                "Sheet Cadangan dan Matriks Provisi: cadangan, jurnal penyesuaian, KKE.",
                "Allowance and Provision Matrix sheets: allowance, adjusting entry, ECL.",
            ),
            (
                "Sheet Faktoring: hitung kas bersih dan biaya efektif faktoring.",
                "Factoring sheet: compute the net proceeds and effective cost of factoring.",
            ),
            (
                f"Setelah selesai: buka sheet terakhir '{CHECK_SHEET[0]}' dan bandingkan hasil "
                "add-in dengan jawaban Anda. Sel AR_* memerlukan add-in xl-ar; tanpa add-in sel "
                "itu menampilkan #NAME?.",
                f"When you have finished: open the last sheet '{CHECK_SHEET[1]}' and compare the "
                "add-in's results with your answers. AR_* cells need the xl-ar add-in; without "
                "it they show #NAME?.",
            ),
        ],
    )


def _helper_columns(book: Book, sh: Sheet, refs: LedgerRefs) -> None:
    """Two empty yellow working columns right of the ledger (not scored)."""
    days_col = refs.left + len(LEDGER_COLUMNS)
    bucket_col = days_col + 1
    sh.write(
        (refs.header_row - 1, days_col),
        book.t(
            (
                "Kolom bantu (tidak dinilai): isi rumus di baris pertama lalu salin ke bawah",
                "Helper columns (not scored): type the formula in the first row, copy it down",
            )
        ),
        "text",
    )
    sh.write(
        (refs.header_row, days_col),
        book.t(("Hari Lewat Jatuh Tempo", "Days Past Due")),
        "header",
    )
    sh.write((refs.header_row, bucket_col), book.t(("Kelompok Umur", "Aging Bucket")), "header")
    for r in range(refs.first, refs.last + 1):
        sh.write((r, days_col), None, "input_int")
        sh.write((r, bucket_col), None, "input_text")
    sh.width(days_col, [14, 16])


# --- worked example ---------------------------------------------------------------------------
def _example_frame(lang: str) -> pd.DataFrame:
    """The worked example's invoices with the ledger's headers in ``lang``."""
    heads = {c[0]: c[1] if lang == "id" else c[2] for c in LEDGER_COLUMNS}
    rows = [
        {
            heads["customer"]: cust,
            heads["invoice"]: inv,
            heads["kind"]: KINDS[kind][0 if lang == "id" else 1],
            heads["invoice_date"]: pd.Timestamp(inv_date),
            heads["due_date"]: pd.Timestamp(due),
            heads["amount"]: amount,
            heads["paid"]: paid,
            heads["balance"]: amount - paid,
        }
        for cust, inv, kind, inv_date, due, amount, paid in EXAMPLE_ITEMS
    ]
    return pd.DataFrame(rows)


def _example_sheet(ctx: Ctx) -> None:
    t = ctx.t
    current = ctx.buckets()[0]
    sh = _sheet(
        ctx,
        "example",
        ("Contoh: aging dengan rumus Excel", "Worked example: aging with Excel formulas"),
        widths=[22, 14, 12, 13, 13, 14, 14, 14, 14, 18],
        intro=(
            "Hari lewat jatuh tempo = MAX(0; tanggal per − jatuh tempo): faktur yang jatuh tempo "
            f"HARI INI masih masuk kelompok '{current}'. Kelompok umur dengan IF bertingkat; "
            "batas 30/60/90 masuk kelompok yang berakhir di situ (30 → 1-30, 31 → 31-60). Nota "
            "kredit = item negatif; sisa faktur yang dibayar sebagian tetap di kelompok umur "
            "fakturnya.",
            "Days past due = MAX(0, as-of date − due date): an invoice due TODAY is still in "
            f"'{current}'. The bucket comes from a nested IF; an age equal to 30/60/90 falls in "
            "the bucket that ends there (30 → 1-30, 31 → 31-60). A credit note is a negative "
            "item; the residual of a partly paid invoice stays in its invoice's bucket.",
        ),
    )
    frame = _example_frame(ctx.book.lang)
    small = read_ledger(frame)
    days = days_between(small["due_date"], AS_OF)
    bucket_no = assign_buckets(days)
    names = ctx.buckets()
    sh.write("A4", t(("Per tanggal", "As of")), "bold")
    sh.write("B4", AS_OF, "date")
    header = [
        t(("Pelanggan", "Customer")),
        t(("No Faktur", "Invoice No")),
        t(("Jenis", "Type")),
        t(("Tanggal Faktur", "Invoice Date")),
        t(("Jatuh Tempo", "Due Date")),
        t(("Jumlah", "Amount")),
        t(("Dibayar", "Paid")),
        t(("Sisa", "Balance")),
        t(("Hari Lewat JT", "Days Past Due")),
        t(("Kelompok Umur", "Aging Bucket")),
    ]
    top = 5
    header_row(sh, (top, 0), header)
    first = top + 1
    for i, (cust, inv, kind, inv_date, due, amount, paid) in enumerate(EXAMPLE_ITEMS):
        r = first + i
        x = r + 1  # Excel row number
        sh.row((r, 0), [cust, inv, t(KINDS[kind])], None)
        sh.write((r, 3), pd.Timestamp(inv_date), "date")
        sh.write((r, 4), pd.Timestamp(due), "date")
        sh.write((r, 5), amount, "money")
        sh.write((r, 6), paid, "money")
        sh.formula((r, 7), f"=F{x}-G{x}", expected=float(small["balance"].iloc[i]), style="money")
        sh.formula((r, 8), f"=MAX(0,$B$4-E{x})", expected=float(max(0.0, days[i])), style="int")
        sh.formula((r, 9), _nested_if(f"I{x}", names), expected=names[bucket_no[i]])
    last = first + len(EXAMPLE_ITEMS) - 1
    sh.write((last + 1, 0), t(("Rumus baris pertama:", "First-row formulas:")), "bold")
    x = first + 1
    sh.write((last + 1, 1), f"H{x}: =F{x}-G{x}     I{x}: {ctx.hint(f'=MAX(0,$B$4-E{x})')}")
    sh.write((last + 2, 1), f"J{x}: " + ctx.hint(_nested_if(f"I{x}", names)))
    _example_summary(ctx, sh, small, first, last)


def _nested_if(cell: str, names: Sequence[str]) -> str:
    """``=IF(I7<=0,"Current",IF(I7<=30,"1-30 days",...))`` for edges 30/60/90."""
    edges = (0, 30, 60, 90)
    text = f'"{names[-1]}"'
    for edge, name in zip(reversed(edges), reversed(names[:-1]), strict=True):
        text = f'IF({cell}<={edge},"{name}",{text})'
    return "=" + text


def _example_summary(ctx: Ctx, sh: Sheet, small: pd.DataFrame, first: int, last: int) -> None:
    """Per-bucket SUMIFS with % of total, then a customer × bucket grid (two criteria)."""
    t = ctx.t
    names = ctx.buckets()
    total = aging(small, AS_OF, by="total")
    share = aging(small, AS_OF, by="total", measure="percent")
    labels = bucket_labels()
    bal = col_range(None, 7, first, last)
    bucket = col_range(None, 9, first, last)
    cust = col_range(None, 0, first, last)
    top = last + 4
    sh.write((top, 0), t(("1. Ringkasan per kelompok umur", "1. Summary per bucket")), "h1")
    header_row(
        sh,
        (top + 1, 0),
        [
            t(("Kelompok Umur", "Bucket")),
            t(("Saldo", "Balance")),
            t(("% dari total", "% of total")),
        ],
    )
    for k, name in enumerate(names):
        r = top + 2 + k
        sh.write((r, 0), name)
        sh.formula(
            (r, 1), f"=SUMIFS({bal},{bucket},A{r + 1})",
            expected=float(total[labels[k]].iloc[0]), style="money",
        )  # fmt: skip
        sh.formula(
            (r, 2), f"=B{r + 1}/$B${top + 8}",
            expected=float(share[labels[k]].iloc[0]), style="pct",
        )  # fmt: skip
    r_total = top + 7
    sh.write((r_total, 0), t(TOTAL_LABEL), "bold")
    sh.formula(
        (r_total, 1), f"=SUM(B{top + 3}:B{top + 7})",
        expected=float(total[TOTAL].iloc[0]), style="total_money",
    )  # fmt: skip
    sh.write((top + 2, 3), f"B{top + 3}: " + ctx.hint(f"=SUMIFS({bal},{bucket},A{top + 3})"))

    grid = aging(small, AS_OF)
    top2 = r_total + 3
    sh.write(
        (top2, 0),
        t(
            (
                "2. Aging per pelanggan (SUMIFS dua kriteria)",
                "2. Aging per customer (two-criteria SUMIFS)",
            )
        ),
        "h1",
    )
    header_row(sh, (top2 + 1, 0), [t(("Pelanggan", "Customer")), *names, t(TOTAL_LABEL)])
    for i, row in enumerate(grid.itertuples(index=False)):
        r = top2 + 2 + i
        is_total = row[0] == TOTAL
        sh.write((r, 0), t(TOTAL_LABEL) if is_total else row[0], "bold" if is_total else None)
        for k in range(len(names)):
            c = 1 + k
            col = a1(0, c).rstrip("1")
            if is_total:
                f = f"=SUM({col}{top2 + 3}:{col}{r})"
            else:
                f = f"=SUMIFS({bal},{cust},$A{r + 1},{bucket},{col}${top2 + 2})"
            sh.formula(
                (r, c), f, expected=float(row[c]), style="total_money" if is_total else "money"
            )
        sh.formula(
            (r, 6), f"=SUM(B{r + 1}:F{r + 1})",
            expected=float(row[6]), style="total_money" if is_total else "money",
        )  # fmt: skip
    sumifs = f"=SUMIFS({bal},{cust},$A{top2 + 3},{bucket},B${top2 + 2})"
    sh.write((top2 + 2, 8), f"B{top2 + 3}: " + ctx.hint(sumifs))


# --- aging exercise ---------------------------------------------------------------------------
AGING_TOP = 6  # zero-based header row of the aging grid


def _aging_sheet(ctx: Ctx) -> None:
    t = ctx.t
    sh = _sheet(
        ctx,
        "aging",
        ("Latihan: aging piutang per pelanggan", "Exercise: AR aging per customer"),
        widths=[20, 14, 14, 14, 14, 14, 15, 3, 12, 12, 12, 12, 12, 12],
    )
    refs = ctx.refs
    names = ctx.buckets()
    grid = aging(ctx.ledger, AS_OF)
    share = aging(ctx.ledger, AS_OF, by="total", measure="percent")
    labels = [*bucket_labels(), TOTAL]
    days_col = a1(0, refs.left + len(LEDGER_COLUMNS)).rstrip("1")
    bucket_col = a1(0, refs.left + len(LEDGER_COLUMNS) + 1).rstrip("1")
    paragraph(
        sh,
        "A2",
        13,
        t(
            (
                f"Susun aging semua pelanggan yang masih punya saldo per {AS_OF:%d/%m/%Y} "
                f"(sheet Data, kolom Sisa). Cara 1: isi kolom bantu {days_col} dan {bucket_col} di "
                "sheet Data, lalu SUMIFS(Sisa; Pelanggan; $A8; Kelompok Umur; B$7). Cara 2 tanpa "
                "kolom bantu: SUMIFS atas tanggal jatuh tempo (lihat sheet Cadangan). Total = SUM.",
                f"Build the aging of every customer with an open balance at {AS_OF:%d/%m/%Y} (Data "
                f"sheet, Balance column). Way 1: fill helper columns {days_col} and {bucket_col} on "
                "the Data sheet, then SUMIFS(Balance, Customer, $A8, Aging Bucket, B$7). Way 2, "
                "no helper columns: SUMIFS on the due date (see the Allowance sheet). Total = SUM.",
            )
        ),
    )
    paragraph(
        sh,
        "A3",
        13,
        t(
            (
                "Perhatikan: nota kredit adalah item terbuka NEGATIF dan masuk kelompok umur menurut "
                "jatuh temponya sendiri; sisa faktur yang dibayar sebagian tetap di kelompok umur "
                "faktur itu (jatuh tempo faktur, bukan tanggal bayar); faktur sengketa tetap "
                "dihitung dalam aging.",
                "Mind: a credit note is a NEGATIVE open item and is aged by its own due date; the "
                "residual of a partly paid invoice stays in that invoice's bucket (the invoice's "
                "due date, not the payment date); disputed invoices stay in the aging.",
            )
        ),
    )
    paragraph(
        sh,
        "A4",
        13,
        t(
            (
                "Pertanyaan interpretasi: pelanggan mana yang paling berisiko (saldo > 90 hari)? "
                "Berapa persen piutang sudah lewat jatuh tempo?",
                "To interpret: which customer is the riskiest (balance over 90 days)? What share "
                "of receivables is past due?",
            )
        ),
    )
    top = AGING_TOP
    checks = 8  # first check column (I)
    header_row(sh, (top, 0), [t(("Pelanggan", "Customer")), *names, t(TOTAL_LABEL)])
    header_row(sh, (top, checks), [f"✓ {n}" for n in [*names, t(TOTAL_LABEL)]])
    customers = grid[grid["customer"] != TOTAL]
    for i, row in enumerate(customers.itertuples(index=False)):
        r = top + 1 + i
        sh.write((r, 0), row[0])
        for k, label in enumerate(labels):
            sh.exercise(
                (r, 1 + k), float(row[1 + k]),
                kind="money", check=(r, checks + k),
                question=t((f"Aging {row[0]} — {_bucket_name(ctx, label)}",
                            f"Aging {row[0]} — {_bucket_name(ctx, label)}")),
            )  # fmt: skip
    r_total = top + 1 + len(customers)
    total_row = grid[grid["customer"] == TOTAL].iloc[0]
    sh.write((r_total, 0), t(TOTAL_LABEL), "bold")
    for k, label in enumerate(labels):
        sh.exercise(
            (r_total, 1 + k), float(total_row[label]), kind="money", check=(r_total, checks + k),
            question=t((f"Total kelompok {_bucket_name(ctx, label)}",
                        f"Total of bucket {_bucket_name(ctx, label)}")),
        )  # fmt: skip
    r_pct = r_total + 1
    sh.write((r_pct, 0), t(("% dari total", "% of total")), "bold")
    for k, label in enumerate(labels[:-1]):
        sh.exercise(
            (r_pct, 1 + k), float(share[label].iloc[0]), kind="pct", check=(r_pct, checks + k),
            question=t((f"% piutang di kelompok {_bucket_name(ctx, label)}",
                        f"% of receivables in bucket {_bucket_name(ctx, label)}")),
        )  # fmt: skip
    n_rows = len(grid) + 1  # header + customers + Total
    ctx.check(
        ("Total piutang (AR_AGING, baris Total)", "Total receivables (AR_AGING, Total row)"),
        f"=INDEX(AR_AGING({refs.table},{refs.as_of_cell}),{n_rows},{len(labels) + 1})",
        float(total_row[TOTAL]),
        sh,
        a1(r_total, len(labels)),
    )
    for k, label in enumerate(labels[:-1]):
        ctx.check(
            (f"Total kelompok {_bucket_name(ctx, label)} (AR_AGING)",
             f"Total of bucket {_bucket_name(ctx, label)} (AR_AGING)"),
            f"=INDEX(AR_AGING({refs.table},{refs.as_of_cell}),{n_rows},{k + 2})",
            float(total_row[label]),
            sh,
            a1(r_total, 1 + k),
        )  # fmt: skip
    sh.freeze = (top + 1, 1)


def _bucket_name(ctx: Ctx, core_label: str) -> str:
    return ctx.t(TOTAL_LABEL) if core_label == TOTAL else _core_bucket_text(ctx)[core_label]


# --- cash projection ----------------------------------------------------------------------------
HORIZON = 3
RATES_COL = 5  # column F: the loss-rate table, beside the projection periods


def _cash_sheet(ctx: Ctx) -> None:
    t = ctx.t
    rates = ", ".join(f"{r:.0%}" for r in LEDGER_RATES)
    sh = _sheet(
        ctx,
        "cash",
        ("Proyeksi kas dari piutang (3 bulan)", "Cash projection from receivables (3 months)"),
        widths=[40, 18, 12, 14, 10, 16, 10, 15, 20, 4],
        intro=(
            "Metode (sama dengan fungsi inti AR_FORECAST): tanggal perkiraan bayar = jatuh tempo "
            "+ rata-rata hari terlambat pelanggan (tertimbang jumlah, dari faktur yang sudah "
            "lunas, dibulatkan ke hari; pelanggan tanpa riwayat memakai rata-rata portofolio). "
            "Faktur yang tanggal perkiraannya sudah lewat (pada atau sebelum tanggal per: "
            "pelanggan lebih lambat dari biasanya) dihitung di bulan pertama — faktur inilah "
            "yang pertama ditagih. Risikonya ditampung tarif kerugian: tiap faktur diproyeksikan "
            "sebesar sisa × (1 − tarif kerugian kelompok umurnya), tarif sama dengan sheet "
            f"Cadangan ({rates}). Jadi faktur di tahap hukum (di atas 90 hari) hanya "
            "diproyeksikan separuh; sisanya masuk baris kerugian ekspektasian. Faktur sengketa "
            "tidak diproyeksikan ke bulan mana pun: baris tersendiri sampai sengketanya selesai.",
            "Method (the same as the core AR_FORECAST): expected payment date = due date + the "
            "customer's average days late (amount-weighted, from invoices paid in full, "
            "rounded to whole days; a customer without history takes the portfolio average). "
            "An item whose expected date has already passed (on or before the as-of date: the "
            "customer is later than usual) counts in the first month — it is the first to "
            "chase. Its risk is carried by the loss rate: every item is projected at balance × "
            "(1 − the loss rate of its aging bucket), the rates of the Allowance sheet "
            f"({rates}). An invoice in the legal stage (over 90 days) is thus projected at half "
            "only; the rest goes to the expected-loss line. Disputed invoices are not projected "
            "into any month: they have their own line until the dispute is settled.",
        ),
        last_col=9,
    )
    led = ctx.ledger
    sh.write("A4", t(("Per tanggal", "As of")), "bold")
    sh.write("B4", AS_OF, "date")
    lookup, note_row = _days_late_table(ctx, sh, 5)
    periods = forecast_periods(AS_OF, "month", HORIZON)
    period_cells = _periods_table(ctx, sh, note_row + 2, periods)
    rate_range, rate_column = _cash_rates_table(ctx, sh, note_row + 2)
    items = forecast_items(
        led, AS_OF, period="month", horizon=HORIZON, loss_rates=list(LEDGER_RATES)
    )
    item_top = note_row + 2 + len(LEDGER_RATES) + 3
    rows = _open_items_table(ctx, sh, item_top, items, lookup, rate_range)
    _cash_results(ctx, sh, rows, period_cells, rate_column)


def _days_late_table(ctx: Ctx, sh: Sheet, top: int) -> tuple[str, int]:
    """Per-customer average days late (core) and the rounded days.

    Returns the lookup range (customer | days | rounded) and the row of the note below it.
    """
    t = ctx.t
    per, portfolio = customer_days_late(ctx.ledger, AS_OF)
    sh.write(
        (top, 0),
        t(
            (
                "A. Rata-rata hari terlambat per pelanggan (tertimbang jumlah)",
                "A. Average days late per customer (amount-weighted)",
            )
        ),
        "h1",
    )
    header_row(
        sh,
        (top + 1, 0),
        [
            t(("Pelanggan", "Customer")),
            t(("Rata-rata hari terlambat, tertimbang jumlah", "Amount-weighted average days late")),
            t(("Dibulatkan (hari)", "Rounded (days)")),
        ],
        height=3 * LINE_HEIGHT,
    )
    portfolio_label = (
        "Portofolio (pelanggan tanpa riwayat)",
        "Portfolio (customers without history)",
    )
    rows = [*per.items(), (t(portfolio_label), portfolio)]
    for i, (name, days) in enumerate(rows):
        r = top + 2 + i
        sh.write((r, 0), str(name))
        sh.write((r, 1), float(days), "number")
        sh.formula((r, 2), f"=ROUND(B{r + 1},0)", expected=float(np.floor(days + 0.5)), style="int")
    last = top + 1 + len(rows)
    paragraph(
        sh,
        (last + 1, 0),
        8,
        t(
            (
                "Rata-rata TERTIMBANG JUMLAH, bukan rata-rata biasa: Σ(jumlah faktur × hari "
                "terlambat) / Σ jumlah faktur, atas faktur yang lunas per tanggal per; hari "
                "terlambat = MAX(0; tanggal bayar − jatuh tempo), jadi bayar lebih awal dihitung "
                "0. Faktur besar yang telat lebih berpengaruh daripada faktur kecil.",
                "AMOUNT-WEIGHTED average, not a simple mean: Σ(invoice amount × days late) / "
                "Σ invoice amount, over the invoices paid in full by the as-of date; days late = "
                "MAX(0, payment date − due date), so paying early counts as 0. A large late "
                "invoice weighs more than a small one.",
            )
        ),
    )
    return f"{a1(top + 2, 0, absolute=True)}:{a1(last, 2, absolute=True)}", last + 1


def _periods_table(ctx: Ctx, sh: Sheet, top: int, periods: pd.DataFrame) -> list[tuple[str, str]]:
    """The months of the projection (first and last day); returns their absolute cells."""
    t = ctx.t
    c0 = 0
    sh.write((top, c0), t(("B. Periode proyeksi", "B. Projection periods")), "h1")
    header_row(
        sh, (top + 1, c0), [t(("Bulan", "Month")), t(("Mulai", "From")), t(("Sampai", "To"))]
    )
    cells = []
    for i, p in enumerate(periods.itertuples(index=False)):
        r = top + 2 + i
        sh.write((r, c0), p.period)
        sh.write((r, c0 + 1), p.start, "date")
        sh.write((r, c0 + 2), p.end, "date")
        cells.append((a1(r, c0 + 1, absolute=True), a1(r, c0 + 2, absolute=True)))
    return cells


def _cash_rates_table(ctx: Ctx, sh: Sheet, top: int) -> tuple[str, str]:
    """Loss rate per aging bucket (those of the Allowance sheet).

    Returns the lookup range (bucket | rate) and the rates alone (for ``AR_FORECAST``, which
    takes one rate per bucket in the core's order).
    """
    t = ctx.t
    c0 = RATES_COL
    title = ("C. Tarif kerugian (sama dengan sheet Cadangan)", "C. Loss rates (as on Allowance)")
    sh.write((top, c0), t(title), "h1")
    header_row(sh, (top + 1, c0), [t(("Kelompok Umur", "Bucket")), t(("Tarif", "Rate"))])
    for k, (name, rate) in enumerate(zip(ctx.buckets(), LEDGER_RATES, strict=True)):
        sh.write((top + 2 + k, c0), name)
        sh.write((top + 2 + k, c0 + 1), rate, "pct")
    last = top + 1 + len(LEDGER_RATES)
    rates = f"{a1(top + 2, c0 + 1, absolute=True)}:{a1(last, c0 + 1, absolute=True)}"
    return f"{a1(top + 2, c0, absolute=True)}:{a1(last, c0 + 1, absolute=True)}", rates


def _open_items_table(
    ctx: Ctx, sh: Sheet, top: int, items: pd.DataFrame, lookup: str, rates: str
) -> dict[str, str]:
    """Open items: bucket, loss rate, expected collection, and the expected-date exercises.

    The disputed item gets no input: it is not projected into a month (a grey note instead).
    Returns the ranges and cells the result formulas use.
    """
    t = ctx.t
    yes, no = (("Ya", "Yes"), ("Tidak", "No"))
    names = _core_bucket_text(ctx)
    sh.write(
        (top, 0),
        t(
            (
                "D. Piutang terbuka, perkiraan tertagih dan tanggal perkiraan bayar",
                "D. Open items, expected collection and expected payment dates",
            )
        ),
        "h1",
    )
    header_row(
        sh,
        (top + 1, 0),
        [
            t(("Pelanggan", "Customer")),
            t(("No Faktur", "Invoice No")),
            t(("Jatuh Tempo", "Due Date")),
            t(("Sisa", "Balance")),
            t(("Sengketa", "Disputed")),
            t(("Kelompok Umur", "Aging Bucket")),
            t(("Tarif kerugian", "Loss rate")),
            t(("Perkiraan tertagih", "Expected collection")),
            t(("Perkiraan Tanggal Bayar", "Expected Payment Date")),
            "✓",
        ],
        height=3 * LINE_HEIGHT,
    )
    first = top + 2
    for i, item in enumerate(items.itertuples(index=False)):
        r = first + i
        x = r + 1
        sh.write((r, 0), str(item.customer))
        sh.write((r, 1), str(item.invoice))
        sh.write((r, 2), item.due_date, "date")
        sh.write((r, 3), float(item.outstanding), "money")
        sh.write((r, 4), t(yes if item.disputed else no))
        sh.write((r, 5), names[item.bucket])
        sh.formula(
            (r, 6), f"=VLOOKUP(F{x},{rates},2,FALSE)", expected=float(item.loss_rate), style="pct"
        )
        sh.formula(
            (r, 7), f"=D{x}*(1-G{x})", expected=float(item.expected_collection), style="money"
        )
        if item.disputed:
            sh.write((r, 8), t(("tidak diproyeksikan", "not projected")), "note")
            continue
        sh.exercise(
            (r, 8), item.expected_date.to_pydatetime(), kind="date",
            question=t((f"Perkiraan tanggal bayar {item.invoice}",
                        f"Expected payment date of {item.invoice}")),
        )  # fmt: skip
    last = first + len(items) - 1
    sh.write((last + 1, 0), t(TOTAL_LABEL), "bold")
    sh.formula(
        (last + 1, 3), f"=SUM(D{first + 1}:D{last + 1})",
        expected=float(items["outstanding"].sum()), style="total_money",
    )  # fmt: skip
    x = first + 1
    formula = ctx.hint(f"=C{x}+VLOOKUP(A{x},{lookup},3,FALSE)")
    paragraph(
        sh,
        (last + 2, 0),
        9,
        t(
            (
                f"Petunjuk: I{x} {formula}. Kolom G dan H sudah dihitung: "
                f"G{x} {ctx.hint(f'=VLOOKUP(F{x},{rates},2,FALSE)')}, H{x} =D{x}*(1-G{x}).",
                f"Hint: I{x} {formula}. Columns G and H are worked: "
                f"G{x} {ctx.hint(f'=VLOOKUP(F{x},{rates},2,FALSE)')}, H{x} =D{x}*(1-G{x}).",
            )
        ),
    )
    return {
        "balance": col_range(None, 3, first, last),
        "disputed": col_range(None, 4, first, last),
        "rate": col_range(None, 6, first, last),
        "collect": col_range(None, 7, first, last),
        "date": col_range(None, 8, first, last),
        "total": a1(last + 1, 3, absolute=True),
        "next": str(last + 5),
        "no": t(no),
    }


def _cash_results(
    ctx: Ctx, sh: Sheet, rows: dict[str, str], periods: list[tuple[str, str]], rates: str
) -> None:
    """Expected collections per month, beyond the horizon, disputed and expected loss (core)."""
    t = ctx.t
    table = forecast(
        ctx.ledger, AS_OF, period="month", horizon=HORIZON, loss_rates=list(LEDGER_RATES)
    )
    amount = [float(a) for a in table["amount"]]
    open_ar = amount[-1]
    top = int(rows["next"]) - 1
    sh.write((top, 0), t(("E. Proyeksi penerimaan kas", "E. Projected cash receipts")), "h1")
    header_row(
        sh,
        (top + 1, 0),
        [t(("Baris", "Line")), t(("Jumlah", "Amount")), "✓", t(("Petunjuk rumus", "Formula hint"))],
    )
    lines = [
        *(
            ((f"Bulan {p}", f"Month {p}"), a)
            for p, a in zip(table["period"][:HORIZON], amount[:HORIZON], strict=True)
        ),
        (("Setelah 3 bulan", "Beyond 3 months"), amount[HORIZON]),
        (
            ("Sengketa (tidak diproyeksikan), setelah kerugian",
             "Disputed (not projected), net of expected loss"),
            amount[HORIZON + 1],
        ),
        (
            ("Kerugian ekspektasian (tidak tertagih)", "Expected loss (not collected)"),
            amount[HORIZON + 2],
        ),
    ]  # fmt: skip
    for i, (label, value) in enumerate(lines):
        ask(sh, top + 2 + i, t(label), value, "money", q=(0, 0), at=1)
    r = top + 2 + len(lines)
    in_horizon = sum(amount[:HORIZON])
    label = t(("% piutang tertagih dalam 3 bulan", "% of receivables collected within 3 months"))
    ask(sh, r, label, in_horizon / open_ar, "pct", q=(0, 0), at=1)
    sh.write((r + 1, 0), t(("Total piutang terbuka", "Total open receivables")))
    sh.formula((r + 1, 1), f"={rows['total']}", expected=open_ar, style="total_money")
    (_, e1), (s2, e2), (_, e3) = periods
    amt, dsp, dat, no = rows["collect"], rows["disputed"], rows["date"], rows["no"]
    hints = {  # line → hint; month 3 and the disputed line are left to the trainee
        0: f'=SUMIFS({amt},{dat},"<="&{e1},{dsp},"{no}")',
        1: f'=SUMIFS({amt},{dat},">="&{s2},{dat},"<="&{e2},{dsp},"{no}")',
        3: f'=SUMIFS({amt},{dat},">"&{e3},{dsp},"{no}")',
        5: f"=SUMPRODUCT({rows['balance']},{rows['rate']})",
    }
    for i, text in hints.items():
        sh.write((top + 2 + i, 3), ctx.hint(text))
    paragraph(
        sh,
        (r + 3, 0),
        9,
        t(
            (
                "Cek: bulan 1-3 + setelah 3 bulan + sengketa + kerugian ekspektasian = total "
                "piutang terbuka; kerugian ekspektasian = cadangan yang dibutuhkan di sheet "
                "Cadangan (tarif yang sama). Ke anggaran kas: masukkan baris bulan 1-3 sebagai "
                "penerimaan dari pelanggan; bandingkan dengan target penagihan, dan pantau "
                "pelanggan yang terlambat jauh (misalnya UD Duta Utama) karena menggeser kas ke "
                "bulan berikutnya.",
                "Check: months 1-3 + beyond 3 months + disputed + expected loss = total open "
                "receivables; the expected loss equals the required allowance on the Allowance "
                "sheet (same rates). Into the cash budget: take the month 1-3 lines as receipts "
                "from customers; compare them with the collection target, and watch very late "
                "payers (e.g. UD Duta Utama): they push cash into later months.",
            )
        ),
    )
    args = f'{ctx.refs.table},{ctx.refs.as_of_cell},{HORIZON},"month",,{sheet_ref(sh.name, rates)}'
    for label, line in (
        ((f"Proyeksi kas bulan {table['period'][0]} (AR_FORECAST)",
          f"Cash projection, month {table['period'][0]} (AR_FORECAST)"), 0),
        (("Kerugian ekspektasian (AR_FORECAST)", "Expected loss (AR_FORECAST)"), HORIZON + 2),
    ):  # fmt: skip
        formula = f"=INDEX(AR_FORECAST({args}),{line + 2},4)"
        ctx.check(label, formula, amount[line], sh, a1(top + 2 + line, 1))


# --- allowance ----------------------------------------------------------------------------------
def _bucket_sumifs(refs: LedgerRefs, k: int) -> str:
    """SUMIFS of the balance in bucket ``k`` by due-date range (no helper column needed)."""
    bal, due, day = refs.col("balance"), refs.col("due_date"), refs.as_of_cell
    bounds = [
        [f'">="&{day}'],
        [f'"<"&{day}', f'">="&({day}-30)'],
        [f'"<"&({day}-30)', f'">="&({day}-60)'],
        [f'"<"&({day}-60)', f'">="&({day}-90)'],
        [f'"<"&({day}-90)'],
    ][k]
    return "=SUMIFS(" + ",".join([bal, *(f"{due},{b}" for b in bounds)]) + ")"


def _allowance_sheet(ctx: Ctx) -> list[str]:
    """Golden example, then the exercise on the shared ledger; returns the balance cells."""
    sh = _sheet(
        ctx,
        "allowance",
        (
            "Cadangan kerugian piutang — metode persentase umur",
            "Allowance for doubtful accounts — aging method",
        ),
        widths=[36, 16, 12, 22, 5, 3, 34, 16],
        intro=(
            "Cadangan yang dibutuhkan = Σ saldo kelompok umur × tarif kerugian "
            "(SUMPRODUCT). Jurnal penyesuaian = dibutuhkan − saldo cadangan saat ini (saldo "
            "kredit positif): positif → Debit Beban kerugian piutang / Kredit Cadangan "
            "kerugian piutang; negatif → pemulihan (kebalikannya).",
            "Required allowance = Σ bucket balance × loss rate (SUMPRODUCT). Adjusting entry = "
            "required − existing allowance (credit balance positive): positive → Debit Bad "
            "debt expense / Credit Allowance for doubtful accounts; negative → a reversal.",
        ),
        last_col=7,
    )
    _golden_allowance(ctx, sh, 3)
    return _ledger_allowance(ctx, sh, 16)


ALLOWANCE_HEAD: tuple[Text, ...] = (
    ("Kelompok Umur", "Bucket"),
    ("Saldo piutang", "Receivable balance"),
    ("Tarif kerugian", "Loss rate"),
    ("Cadangan dibutuhkan (saldo × tarif)", "Required allowance (balance × rate)"),
)


def _rate_table(
    sh: Sheet,
    top: int,
    head: Sequence[Text],
    rows: list[tuple[str, float, float, float]],
    rate_style: str,
    total: tuple[float, float],
) -> tuple[int, int, str, str]:
    """A worked bucket table: balance (B) × rate (C) = loss (D), then SUM and SUMPRODUCT.

    ``rows`` are ``(label, balance, rate, the core's loss)``; ``total`` is the core's total
    balance and total loss, shown on a row labelled Total. The header goes on row ``top``.
    Returns the first bucket row, the total row and the balance and rate ranges (relative A1).
    """
    header_row(sh, (top, 0), head)
    first = top + 1
    for r, (label, balance, rate, loss) in enumerate(rows, start=first):
        sh.row((r, 0), [label, balance, rate], [None, "money", rate_style])
        sh.formula((r, 3), f"=B{r + 1}*C{r + 1}", expected=loss, style="money")
    r = first + len(rows)
    rng, rates_rng = f"B{first + 1}:B{r}", f"C{first + 1}:C{r}"
    balance, loss = total
    sh.write((r, 0), sh.book.t(TOTAL_LABEL), "bold")
    sh.formula((r, 1), f"=SUM({rng})", expected=balance, style="total_money")
    sh.formula((r, 3), f"=SUMPRODUCT({rng},{rates_rng})", expected=loss, style="total_money")
    return first, r, rng, rates_rng


def _golden_allowance(ctx: Ctx, sh: Sheet, top: int) -> None:
    t = ctx.t
    balances = [b for _, b, _ in GOLDEN_ALLOWANCE]
    rates = [r for _, _, r in GOLDEN_ALLOWANCE]
    core = allowance(balances, rates, GOLDEN_EXISTING)
    sh.write(
        (top, 0),
        t(
            (
                "A. Contoh buku teks (dikerjakan; buku teks memakai 4 kelompok, 0-30 hari "
                "termasuk yang belum jatuh tempo)",
                "A. Textbook example (worked; the textbook uses 4 buckets, 0-30 days includes "
                "items not yet due)",
            )
        ),
        "h1",
    )
    rows = [
        (t(label), bal, rate, float(core.matrix["ecl"].iloc[i]))
        for i, (label, bal, rate) in enumerate(GOLDEN_ALLOWANCE)
    ]
    total = (core.total_receivables, core.required)
    first, r, rng, rates_rng = _rate_table(sh, top + 1, ALLOWANCE_HEAD, rows, "pct", total)
    sh.write((r + 1, 0), t(EXISTING_LABEL))
    sh.write((r + 1, 3), GOLDEN_EXISTING, "money")
    sh.write((r + 2, 0), t(ENTRY_LABEL), "bold")
    sh.formula((r + 2, 3), f"=D{r + 1}-D{r + 2}", expected=core.adjustment, style="total_money")
    paragraph(sh, (r + 3, 0), 3, core.entry(ctx.book.lang))
    rows = [
        (("Dengan add-in: cadangan dibutuhkan", "With the add-in: required allowance"),
         f"=INDEX(AR_ALLOWANCE({rng},{rates_rng},D{r + 2}),2,2)", core.required, "money"),
        (("Dengan add-in: jurnal penyesuaian", "With the add-in: adjusting entry"),
         f"=INDEX(AR_ALLOWANCE({rng},{rates_rng},D{r + 2}),4,2)", core.adjustment, "money"),
    ]  # fmt: skip
    formula_rows(sh, first, rows, label=(6, 6), at=7)


EXISTING_LABEL = ("Saldo cadangan saat ini (kredit)", "Existing allowance (credit balance)")
ENTRY_LABEL = ("Jurnal penyesuaian (dibutuhkan − saldo)", "Adjusting entry (required − existing)")


def _ledger_allowance(ctx: Ctx, sh: Sheet, top: int) -> list[str]:
    t = ctx.t
    names = ctx.buckets()
    balances = _bucket_balances(ctx)
    core = allowance(balances, list(LEDGER_RATES), EXISTING_ALLOWANCE)
    sh.write((top, 0), t(LEDGER_PART), "h1")
    paragraph(
        sh,
        (top + 1, 0),
        7,
        t(
            (
                "Saldo per kelompok dihitung langsung dari sheet Data dengan SUMIFS atas tanggal "
                "jatuh tempo (tanpa kolom bantu) — bandingkan dengan baris Total di Latihan Aging. "
                "Hitung cadangan per kelompok, total, jurnal penyesuaian dan piutang bersih.",
                "The bucket balances come straight from the Data sheet with SUMIFS on the due "
                "date (no helper column) — compare them with the Total row of the Aging Exercise. "
                "Compute the allowance per bucket, the total, the adjusting entry and net "
                "receivables.",
            )
        ),
    )
    header_row(sh, (top + 2, 0), [*ALLOWANCE_HEAD, "✓"])
    first = top + 3
    cells = []
    for k, name in enumerate(names):
        r = first + k
        sh.write((r, 0), name)
        sh.formula((r, 1), _bucket_sumifs(ctx.refs, k), expected=balances[k], style="money")
        sh.write((r, 2), LEDGER_RATES[k], "pct")
        sh.exercise(
            (r, 3), float(core.matrix["ecl"].iloc[k]), kind="money",
            question=t((f"Cadangan kelompok {name}", f"Allowance for bucket {name}")),
        )  # fmt: skip
        cells.append(sheet_ref(sh.name, a1(r, 1, absolute=True)))
    last = first + len(names) - 1
    rng = f"$B${first + 1}:$B${last + 1}"
    rates_rng = f"$C${first + 1}:$C${last + 1}"
    r = last + 1
    sh.write((r, 0), t(TOTAL_LABEL), "bold")
    sh.formula((r, 1), f"=SUM({rng})", expected=core.total_receivables, style="total_money")
    sh.exercise(
        (r, 3), core.required, kind="money",
        question=t(("Total cadangan yang dibutuhkan", "Total required allowance")),
    )  # fmt: skip
    sh.write((r + 1, 0), t(EXISTING_LABEL))
    sh.write((r + 1, 3), EXISTING_ALLOWANCE, "money")
    ask(sh, r + 2, t(ENTRY_LABEL), core.adjustment, "money", q=(0, 0), at=3, style="bold")
    label = t(("Piutang bersih (total − cadangan)", "Net receivables (total − allowance)"))
    net = core.total_receivables - core.required
    ask(sh, r + 3, label, net, "money", q=(0, 0), at=3, style=None)
    args = ",".join(sheet_ref(sh.name, x) for x in (rng, rates_rng, a1(r + 1, 3, absolute=True)))
    ctx.check(
        ("Cadangan yang dibutuhkan (AR_ALLOWANCE)", "Required allowance (AR_ALLOWANCE)"),
        f"=INDEX(AR_ALLOWANCE({args}),2,2)", core.required, sh, a1(r, 3),
    )  # fmt: skip
    ctx.check(
        ("Jurnal penyesuaian (AR_ALLOWANCE)", "Adjusting entry (AR_ALLOWANCE)"),
        f"=INDEX(AR_ALLOWANCE({args}),4,2)", core.adjustment, sh, a1(r + 2, 3),
    )  # fmt: skip
    sh.write(
        (r + 4, 0),
        t(("Rumus saldo 1-30 hari, contoh:", "Balance formula for 1-30 days, e.g.:")),
        "note",
    )
    sh.write((r + 4, 1), ctx.hint(_bucket_sumifs(ctx.refs, 1)))
    paragraph(
        sh,
        (r + 6, 0),
        7,
        t(
            (
                f"{WRITE_OFF[0]}: piutang yang pasti tidak tertagih dikeluarkan dengan Debit "
                "Cadangan kerugian piutang / Kredit Piutang usaha. Jurnal ini tidak menambah "
                "beban (bebannya sudah diakui lewat cadangan); piutang bersih tidak berubah. "
                "Penerimaan kembali piutang yang sudah dihapus: balik jurnal itu, lalu catat "
                "penerimaan kasnya.",
                f"{WRITE_OFF[1]}: a receivable that will certainly not be collected is removed "
                "with Debit Allowance for doubtful accounts / Credit Accounts receivable. This "
                "entry adds no expense (the expense was recognised through the allowance); net "
                "receivables do not change. A recovery of a written-off receivable: reverse "
                "that entry, then record the cash received.",
            )
        ),
    )
    return cells


# --- provision matrix ---------------------------------------------------------------------------
def _matrix_sheet(ctx: Ctx, bucket_cells: list[str]) -> None:
    sh = _sheet(
        ctx,
        "matrix",
        (
            "Matriks provisi — PSAK 71/109 (IFRS 9, pendekatan sederhana)",
            "Provision matrix — PSAK 71/109 (IFRS 9, simplified approach)",
        ),
        widths=[26, 16, 13, 13, 5, 16, 5, 3, 34, 16],
        intro=(
            "Kerugian kredit ekspektasian (KKE) sepanjang umur = Σ saldo bruto × tarif kerugian "
            "per kelompok umur. Tarif historis disesuaikan dengan informasi masa depan "
            "(forward-looking): tarif × faktor, maksimal 100 % → MIN(tarif*faktor; 1).",
            "Lifetime expected credit loss (ECL) = Σ gross balance × loss rate per aging "
            "bucket. Historical rates are adjusted for forward-looking information: rate × "
            "factor, at most 100 % → MIN(rate*factor, 1).",
        ),
        last_col=8,
    )
    _golden_matrix(ctx, sh, 3)
    _ledger_matrix(ctx, sh, 14, bucket_cells)


def _golden_matrix(ctx: Ctx, sh: Sheet, top: int) -> None:
    t = ctx.t
    names = ctx.buckets()
    balances = [b for b, _ in GOLDEN_MATRIX]
    rates = [r for _, r in GOLDEN_MATRIX]
    core = provision_matrix(balances, rates)
    sh.write((top, 0), t(("A. Contoh (dikerjakan)", "A. Example (worked)")), "h1")
    head = [("Kelompok Umur", "Bucket"), ("Saldo bruto", "Gross balance"), ("Tarif KKE", "ECL rate"),
            ("KKE", "ECL")]  # fmt: skip
    rows = [
        (names[i], bal, rate, float(core["ecl"].iloc[i]))
        for i, (bal, rate) in enumerate(GOLDEN_MATRIX)
    ]
    total = core.iloc[-1]
    sums = (float(total["gross_balance"]), float(total["ecl"]))
    first, r, rng, rates_rng = _rate_table(sh, top + 1, head, rows, "pct2", sums)
    sh.formula((r, 2), f"=D{r + 1}/B{r + 1}", expected=float(total["loss_rate"]), style="pct2")
    _ecl_add_in(sh, first, f"{rng},{rates_rng}", core)


def _ecl_add_in(sh: Sheet, row: int, args: str, core: pd.DataFrame) -> None:
    """The total ECL with ``AR_ECL(args)`` in I:J: the last cell of its Total row."""
    label = ("Dengan add-in: total KKE (AR_ECL)", "With the add-in: total ECL (AR_ECL)")
    formula = f"=INDEX(AR_ECL({args}),{len(core) + 1},{core.shape[1]})"
    formula_rows(
        sh, row, [(label, formula, float(core.iloc[-1]["ecl"]), "money")], label=(8, 8), at=9
    )


def _ledger_matrix(ctx: Ctx, sh: Sheet, top: int, bucket_cells: list[str]) -> None:
    t = ctx.t
    names = ctx.buckets()
    balances = _bucket_balances(ctx)
    core = provision_matrix(balances, list(HISTORICAL_RATES), forward_factor=FORWARD_FACTOR)
    sh.write((top, 0), t(LEDGER_PART), "h1")
    sh.write((top + 1, 0), t(("Faktor forward-looking", "Forward-looking factor")), "bold")
    sh.write((top + 1, 1), FORWARD_FACTOR, "ratio")
    sh.write(
        (top + 1, 2),
        t(
            (
                "Prospek ekonomi memburuk: tarif historis +10 %",
                "Economic outlook worse: historical rates +10 %",
            )
        ),
        "text",
    )
    factor = a1(top + 1, 1, absolute=True)
    head = [
        t(("Kelompok Umur", "Bucket")),
        t(("Saldo bruto", "Gross balance")),
        t(("Tarif historis", "Historical rate")),
        t(("Tarif disesuaikan", "Adjusted rate")),
        "✓",
        t(("KKE", "ECL")),
        "✓",
    ]
    header_row(sh, (top + 3, 0), head)
    first = top + 4
    for k, name in enumerate(names):
        r = first + k
        sh.write((r, 0), name)
        sh.formula((r, 1), "=" + bucket_cells[k], expected=balances[k], style="money")
        sh.write((r, 2), HISTORICAL_RATES[k], "pct2")
        sh.exercise(
            (r, 3), float(core["loss_rate"].iloc[k]), kind="pct",
            question=t((f"Tarif disesuaikan {name}", f"Adjusted rate {name}")),
        )  # fmt: skip
        sh.exercise(
            (r, 5), float(core["ecl"].iloc[k]), kind="money",
            question=t((f"KKE kelompok {name}", f"ECL of bucket {name}")),
        )  # fmt: skip
    last = first + len(names) - 1
    r = last + 1
    total = core.iloc[-1]
    sh.write((r, 0), t(TOTAL_LABEL), "bold")
    sh.formula(
        (r, 1),
        f"=SUM(B{first + 1}:B{last + 1})",
        expected=float(total["gross_balance"]),
        style="total_money",
    )
    sh.exercise(
        (r, 5), float(total["ecl"]), kind="money",
        question=t(("Total KKE (cadangan kerugian)", "Total ECL (loss allowance)")),
    )  # fmt: skip
    label = t(("Tarif KKE rata-rata tertimbang (KKE / saldo)", "Weighted ECL rate (ECL / balance)"))
    ask(sh, r + 1, label, float(total["loss_rate"]), "pct", q=(0, 0), at=3, style=None)
    rng = f"$B${first + 1}:$B${last + 1}"
    rates_rng = f"$C${first + 1}:$C${last + 1}"
    args = ",".join(sheet_ref(sh.name, x) for x in (rng, rates_rng, factor))
    ctx.check(
        ("Total KKE (AR_ECL)", "Total ECL (AR_ECL)"),
        f"=INDEX(AR_ECL({args}),{len(core) + 1},{core.shape[1]})",
        float(total["ecl"]),
        sh,
        a1(r, 5),
    )
    paragraph(
        sh,
        (r + 3, 0),
        6,
        t(
            (
                "Bandingkan dengan sheet Cadangan: tarif berbeda → cadangan berbeda. PSAK 71/109 "
                "meminta tarif dari pengalaman kerugian historis (roll rate) yang disesuaikan "
                "dengan kondisi masa depan, ditinjau tiap tanggal pelaporan.",
                "Compare with the Allowance sheet: other rates → another allowance. PSAK 71/109 "
                "asks for rates from historical loss experience (roll rates) adjusted for future "
                "conditions, reviewed at each reporting date.",
            )
        ),
    )


# --- factoring ----------------------------------------------------------------------------------
def _factoring_days(ctx: Ctx) -> tuple[float, int]:
    """Face value of the customer's current invoices and their weighted days to expected payment."""
    items = forecast_items(ctx.ledger, AS_OF, period="month", horizon=HORIZON, loss_rates=0)
    mine = items[(items["customer"].astype(str) == FACTOR_CUSTOMER) & (items["days_past_due"] <= 0)]
    amount = float(mine["outstanding"].sum())
    days = (mine["expected_date"] - AS_OF).dt.days.to_numpy(dtype=float)
    weighted = float((mine["outstanding"].to_numpy() * days).sum() / amount)
    return amount, int(np.floor(weighted + 0.5))


def _factoring_sheet(ctx: Ctx) -> None:
    t = ctx.t
    sh = _sheet(
        ctx,
        "factoring",
        ("Faktoring: mempercepat arus kas", "Factoring: speeding up cash flow"),
        widths=[40, 18, 5, 3, 42, 16],
        intro=(
            f"Perusahaan menjual faktur {FACTOR_CUSTOMER} yang belum jatuh tempo kepada "
            f"perusahaan faktoring. Lama hari = rata-rata hari sampai tanggal perkiraan bayar, "
            f"tertimbang jumlah faktur (sheet Proyeksi Kas). Uang muka = nilai × tarif uang muka; "
            f"komisi = nilai × tarif komisi; bunga = uang muka × bunga p.a. × hari / "
            f"{DAY_BASIS}; kas bersih = uang muka − komisi − bunga; biaya efektif p.a. = "
            f"(komisi + bunga) / kas bersih × {DAY_BASIS} / hari.",
            f"The company sells {FACTOR_CUSTOMER}'s invoices that are not yet due to a "
            f"factor. Days = amount-weighted days to the expected payment dates (Cash "
            f"Projection sheet). Advance = face value × advance rate; fee = face value × fee "
            f"rate; interest = advance × annual rate × days / {DAY_BASIS}; net proceeds = "
            f"advance − fee − interest; effective annual cost = (fee + interest) / net "
            f"proceeds × {DAY_BASIS} / days.",
        ),
        last_col=6,
    )
    refs = ctx.refs
    amount, days = _factoring_days(ctx)
    core = factoring(
        amount, ADVANCE_RATE, FEE_RATE, days, interest_rate=FACTOR_INTEREST, day_basis=DAY_BASIS
    )
    top = 3
    header_row(sh, (top, 0), [t(("Parameter", "Parameter")), t(("Nilai", "Value"))])
    customer = refs.col("customer")
    criteria = f'{refs.col("due_date")},">="&{refs.as_of_cell}'
    sh.write((top + 1, 0), t(("Nilai faktur yang dijual", "Face value of invoices sold")))
    sh.formula(
        (top + 1, 1), f'=SUMIFS({refs.col("balance")},{customer},"{FACTOR_CUSTOMER}",{criteria})',
        expected=amount, style="money",
    )  # fmt: skip
    params = [
        (("Tarif uang muka", "Advance rate"), ADVANCE_RATE, "pct"),
        (("Tarif komisi (dari nilai faktur)", "Fee rate (of face value)"), FEE_RATE, "pct"),
        (("Bunga uang muka p.a.", "Interest on the advance p.a."), FACTOR_INTEREST, "pct"),
        (
            ("Lama hari sampai pelanggan membayar", "Days until the customers pay"),
            float(days),
            "int",
        ),
        (("Basis hari per tahun", "Day basis per year"), float(DAY_BASIS), "int"),
        (
            ("Bunga kredit modal kerja bank p.a.", "Bank working-capital loan rate p.a."),
            BANK_RATE,
            "pct",
        ),
    ]
    label_values(sh, top + 2, params)
    res = top + 2 + len(params) + 1
    header_row(sh, (res, 0), [t(("Hasil", "Result")), t(("Jawaban", "Answer")), "✓"])
    results = [
        (("Uang muka dari faktor", "Advance"), "advance", "money"),
        (("Dana cadangan (ditahan faktor)", "Reserve (held back)"), "reserve", "money"),
        (("Komisi faktoring", "Factoring fee"), "fee", "money"),
        (("Bunga atas uang muka", "Interest on the advance"), "interest", "money"),
        (("Kas bersih diterima hari ini", "Net proceeds today"), "net_proceeds", "money"),
        (("Total biaya", "Total cost"), "total_cost", "money"),
        (
            ("Biaya efektif per tahun (sederhana)", "Effective annual cost (simple)"),
            "effective_annual_cost",
            "pct",
        ),
    ]
    for i, (label, key, kind) in enumerate(results):
        r = res + 1 + i
        ask(sh, r, t(label), float(core[key]), kind, q=(0, 0), at=1, style=None)
    r = res + 1 + len(results)
    cheaper = (
        ("BANK", "BANK") if core["effective_annual_cost"] > BANK_RATE else ("FAKTOR", "FACTOR")
    )
    label = t(("Lebih murah? Ketik BANK atau FAKTOR", "Cheaper? Type BANK or FACTOR"))
    ask(sh, r, label, t(cheaper), "text", q=(0, 0), at=1, style=None)
    # AR_FACTORING(amount, advance_rate, fee_rate, days, interest_rate, day_basis)
    p = [sheet_ref(sh.name, a1(top + 1 + i, 1, absolute=True)) for i in (0, 1, 2, 4, 3, 5)]
    ctx.check(
        ("Kas bersih faktoring (AR_FACTORING)", "Factoring net proceeds (AR_FACTORING)"),
        f"=INDEX(AR_FACTORING({','.join(p)}),6,2)",
        float(core["net_proceeds"]),
        sh,
        a1(res + 1 + [k for _, k, _ in results].index("net_proceeds"), 1),
    )
    _insurance_notes(ctx, sh, r + 2)


def _insurance_notes(ctx: Ctx, sh: Sheet, top: int) -> None:
    t = ctx.t
    sh.write(
        (top, 0),
        t(
            (
                "Catatan: faktoring, forfaiting, asuransi piutang",
                "Notes: factoring, forfaiting, receivable insurance",
            )
        ),
        "h1",
    )
    notes = [
        (
            "Faktoring dengan regres (with recourse): risiko gagal bayar tetap pada penjual; tanpa "
            "regres (without recourse): faktor menanggung risiko, komisinya lebih tinggi.",
            "Factoring with recourse: the seller keeps the default risk; without recourse the "
            "factor bears it and charges a higher fee.",
        ),
        (
            "Forfaiting: penjualan tagihan ekspor jangka menengah (wesel/promes, sering dijamin "
            "bank) tanpa regres, dengan diskon di muka.",
            "Forfaiting: selling medium-term export claims (bills, promissory notes, often "
            "bank-guaranteed) without recourse, at a discount up front.",
        ),
        (
            "Asuransi piutang (asuransi kredit perdagangan): menanggung kerugian karena pembeli "
            "pailit atau menunggak lama, biasanya sebagian (mis. 80-90 %) setelah masa tunggu; "
            "premi berupa persentase kecil dari omzet yang diasuransikan.",
            "Receivable (trade credit) insurance: covers losses from buyer insolvency or "
            "protracted default, usually in part (e.g. 80-90 %) after a waiting period; the "
            "premium is a small percentage of the insured turnover.",
        ),
        (
            "Kapan perlu? Saat piutang terkonsentrasi pada sedikit pelanggan besar, pelanggan "
            "ekspor/baru tanpa riwayat, atau bank meminta jaminan piutang. Asuransi juga "
            "membantu menetapkan batas kredit per pembeli.",
            "When is it needed? When receivables are concentrated on a few large customers, for "
            "export or new customers without history, or when the bank wants the receivables as "
            "security. The insurer also helps set a credit limit per buyer.",
        ),
    ]
    for i, text in enumerate(notes):
        paragraph(sh, (top + 1 + i, 0), 5, t(text))


# --- the add-in check (last sheet) ----------------------------------------------------------------
def _check_sheet(ctx: Ctx) -> None:
    """The ``AR_*`` cells that reproduce exercise answers, on a sheet to open after finishing."""
    t = ctx.t
    sh = _sheet(
        ctx,
        "check",
        ("Cek dengan add-in xl-ar", "Check with the xl-ar add-in"),
        widths=[52, 18, 2, 36],
        intro=(
            "Buka sheet ini SETELAH Anda selesai mengerjakan semua latihan. Setiap sel di kolom "
            "B dihitung oleh fungsi add-in xl-ar (AR_*) dari data yang sama; hasilnya harus "
            "sama dengan jawaban Anda di sel yang disebut di kolom D. Tanpa add-in sel itu "
            "menampilkan #NAME?.",
            "Open this sheet AFTER you have finished every exercise. Each cell in column B is "
            "computed by an xl-ar add-in function (AR_*) from the same data; it must equal "
            "your answer in the cell named in column D. Without the add-in it shows #NAME?.",
        ),
    )
    header_row(
        sh,
        (3, 0),
        [
            t(("Hasil add-in", "Add-in result")),
            t(("Nilai", "Value")),
            None,
            t(("Bandingkan dengan jawaban Anda di", "Compare with your answer in")),
        ],
    )
    for i, check in enumerate(ctx.checks):
        r = 4 + i
        sh.write((r, 0), t(check.label))
        sh.formula((r, 1), check.formula, expected=check.expected, style="money")
        sh.write((r, 3), check.answer)
