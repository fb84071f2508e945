"""Module 4's aging exercise: the aging per customer with SUMIFS."""

from __future__ import annotations

from xl_ar.core import TOTAL, aging, bucket_labels
from xl_ar.workshop.book import a1
from xl_ar.workshop.data import AS_OF, LEDGER_COLUMNS
from xl_ar.workshop.layout import header_row, paragraph
from xl_ar.workshop.module_4.context import TOTAL_LABEL, Ctx, add_sheet, core_bucket_text

AGING_TOP = 6  # zero-based header row of the aging grid


def aging_sheet(ctx: Ctx) -> None:
    t = ctx.t
    sh = add_sheet(
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
                "kolom bantu: SUMIFS atas kolom Jatuh Tempo dengan batas tanggal per − 30/60/90 "
                "hari. Total = SUM.",
                f"Build the aging of every customer with an open balance at {AS_OF:%d/%m/%Y} (Data "
                f"sheet, Balance column). Way 1: fill helper columns {days_col} and {bucket_col} on "
                "the Data sheet, then SUMIFS(Balance, Customer, $A8, Aging Bucket, B$7). Way 2, "
                "no helper columns: SUMIFS on the Due Date column with the as-of date − 30/60/90 "
                "days as limits. Total = SUM.",
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
    return ctx.t(TOTAL_LABEL) if core_label == TOTAL else core_bucket_text(ctx)[core_label]
