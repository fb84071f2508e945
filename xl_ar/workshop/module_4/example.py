"""Module 4's worked example: aging formulas on eight small open items."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from xl_ar.core import TOTAL, aging, assign_buckets, bucket_labels, days_between, read_ledger
from xl_ar.workshop.book import Sheet, a1, col_range
from xl_ar.workshop.data import AS_OF, LEDGER_COLUMNS
from xl_ar.workshop.layout import header_row
from xl_ar.workshop.module_4.context import TOTAL_LABEL, Ctx, add_sheet

# 8 open items typed as constants (customer, invoice, kind, invoice date,
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


def example_sheet(ctx: Ctx) -> None:
    t = ctx.t
    current = ctx.buckets()[0]
    sh = add_sheet(
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
