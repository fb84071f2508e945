"""Module 4's factoring sheet: net proceeds, effective cost and receivable insurance."""

from __future__ import annotations

import numpy as np
import pandas as pd

from xl_ar.core import factoring, forecast_items
from xl_ar.workshop.book import Sheet, a1, sheet_ref
from xl_ar.workshop.data import AS_OF
from xl_ar.workshop.layout import ask, header_row, label_values, paragraph
from xl_ar.workshop.module_4.context import HORIZON, Ctx, add_sheet

FACTOR_CUSTOMER = "CV Mitra Abadi"
ADVANCE_RATE = 0.80
FEE_RATE = 0.015
FACTOR_INTEREST = 0.14
DAY_BASIS = 365
BANK_RATE = 0.12  # the company's working-capital loan, simple annual rate
FACTOR_DUE_AFTER = pd.Timestamp("2025-01-31")
"""Only the customer's invoices due after this day are sold (January's come in anyway)."""


def _factoring_days(ctx: Ctx) -> tuple[float, int]:
    """Face value of the invoices sold and their weighted days to expected payment."""
    items = forecast_items(ctx.ledger, AS_OF, period="month", horizon=HORIZON, loss_rates=0)
    mine = items[
        (items["customer"].astype(str) == FACTOR_CUSTOMER) & (items["due_date"] > FACTOR_DUE_AFTER)
    ]
    amount = float(mine["outstanding"].sum())
    days = (mine["expected_date"] - AS_OF).dt.days.to_numpy(dtype=float)
    weighted = float((mine["outstanding"].to_numpy() * days).sum() / amount)
    return amount, int(np.floor(weighted + 0.5))


def factoring_sheet(ctx: Ctx) -> None:
    t = ctx.t
    sh = add_sheet(
        ctx,
        "factoring",
        ("Faktoring: mempercepat arus kas", "Factoring: speeding up cash flow"),
        widths=[40, 18, 5, 3, 42, 16],
        intro=(
            f"Perusahaan menjual faktur {FACTOR_CUSTOMER} yang jatuh tempo setelah "
            f"{FACTOR_DUE_AFTER:%d/%m/%Y} kepada perusahaan faktoring (faktur yang jatuh tempo "
            f"Januari tetap ditagih sendiri). Lama hari = rata-rata hari sampai tanggal perkiraan bayar, "
            f"tertimbang jumlah faktur (sheet Proyeksi Kas). Uang muka = nilai × tarif uang muka; "
            f"komisi = nilai × tarif komisi; bunga = uang muka × bunga p.a. × hari / "
            f"{DAY_BASIS}; kas bersih = uang muka − komisi − bunga; biaya efektif p.a. = "
            f"(komisi + bunga) / kas bersih × {DAY_BASIS} / hari.",
            f"The company sells {FACTOR_CUSTOMER}'s invoices due after "
            f"{FACTOR_DUE_AFTER:%d/%m/%Y} to a factor (the invoices due in January are "
            f"collected as usual). Days = amount-weighted days to the expected payment dates (Cash "
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
    cutoff = f"DATE({FACTOR_DUE_AFTER.year},{FACTOR_DUE_AFTER.month},{FACTOR_DUE_AFTER.day})"
    criteria = f'{refs.col("due_date")},">"&{cutoff}'
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
