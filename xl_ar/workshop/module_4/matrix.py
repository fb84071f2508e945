"""Module 4's provision matrix: the booked PSAK 71 expected credit loss allowance with a forward-looking factor."""

from __future__ import annotations

import pandas as pd

from xl_ar.core import provision_matrix
from xl_ar.workshop.book import Sheet, a1, sheet_ref
from xl_ar.workshop.layout import ask, formula_rows, header_row, paragraph
from xl_ar.workshop.module_4.context import (
    ALLOWANCE_IN_TEXT,
    LEDGER_PART,
    TOTAL_LABEL,
    Ctx,
    add_sheet,
    bucket_balances,
    rate_table,
)

# the ar-domain.md golden example, then the shared ledger
GOLDEN_MATRIX: tuple[tuple[float, float], ...] = (
    (15_000_000.0, 0.003),
    (7_500_000.0, 0.016),
    (4_000_000.0, 0.036),
    (2_500_000.0, 0.066),
    (1_000_000.0, 0.106),
)
HISTORICAL_RATES = (0.005, 0.02, 0.06, 0.15, 0.40)
FORWARD_FACTOR = 1.1  # outlook 10 % worse than the history the rates come from


def matrix_sheet(ctx: Ctx, bucket_cells: list[str]) -> None:
    sh = add_sheet(
        ctx,
        "matrix",
        (
            f"Matriks provisi — {ALLOWANCE_IN_TEXT[0]} yang dibukukan (IFRS 9, pendekatan sederhana)",
            "Provision matrix — the booked expected credit loss allowance, PSAK 71 (IFRS 9, "
            "simplified approach)",
        ),
        widths=[26, 16, 13, 13, 5, 16, 5, 3, 34, 16],
        intro=(
            f"Perusahaan membukukan {ALLOWANCE_IN_TEXT[0]} — cadangan kerugian penurunan nilai; "
            "PSAK 71 bernomor PSAK 109 sejak 2024 — dengan matriks provisi ini; metode persentase umur di "
            "sheet Cadangan hanya pembanding. Kerugian kredit ekspektasian (KKE) sepanjang "
            "umur = Σ saldo bruto × tarif kerugian "
            "per kelompok umur. Tarif historis disesuaikan dengan informasi masa depan "
            "(forward-looking): tarif × faktor, maksimal 100 % → MIN(tarif*faktor; 1).",
            f"The company books its {ALLOWANCE_IN_TEXT[1]} with this provision matrix (PSAK 71 "
            "is numbered PSAK 109 since 2024); the aging method on the Allowance sheet is only a comparison. "
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
    first, r, rng, rates_rng = rate_table(sh, top + 1, head, rows, "pct2", sums)
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
    balances = bucket_balances(ctx)
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
        question=t((f"Total {ALLOWANCE_IN_TEXT[0]} yang dibukukan (total KKE)",
                    f"Total {ALLOWANCE_IN_TEXT[1]}, booked (total ECL)")),
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
                f"Bandingkan dengan sheet Cadangan: tarif berbeda → cadangan berbeda; yang "
                f"dibukukan adalah {ALLOWANCE_IN_TEXT[0]} dari sheet ini. PSAK 71 "
                "meminta tarif dari pengalaman kerugian historis (roll rate) yang disesuaikan "
                "dengan kondisi masa depan, ditinjau tiap tanggal pelaporan.",
                "Compare with the Allowance sheet: other rates → another allowance; the "
                f"{ALLOWANCE_IN_TEXT[1]} of this sheet is the one booked. PSAK 71 "
                "asks for rates from historical loss experience (roll rates) adjusted for future "
                "conditions, reviewed at each reporting date.",
            )
        ),
    )
