"""Module 4's cash projection: expected payment dates and cash per month net of expected losses."""

from __future__ import annotations

import numpy as np
import pandas as pd

from xl_ar.core import customer_days_late, forecast, forecast_items, forecast_periods
from xl_ar.workshop.book import Sheet, a1, col_range, sheet_ref
from xl_ar.workshop.data import AS_OF
from xl_ar.workshop.layout import LINE_HEIGHT, ask, header_row, paragraph
from xl_ar.workshop.module_4.context import (
    ALLOWANCE_IN_TEXT,
    HORIZON,
    LEDGER_RATES,
    TOTAL_LABEL,
    Ctx,
    add_sheet,
    core_bucket_text,
)

RATES_COL = 5  # column F: the loss-rate table, beside the projection periods


def cash_sheet(ctx: Ctx) -> None:
    t = ctx.t
    rates = ", ".join(f"{r:.0%}" for r in LEDGER_RATES)
    sh = add_sheet(
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
            "sebesar sisa × (1 − tarif kerugian kelompok umurnya). Tarif yang dipakai: tarif "
            f"metode persentase umur dari sheet Cadangan ({rates}), bukan tarif {ALLOWANCE_IN_TEXT[0]} "
            "yang dibukukan (sheet Matriks Provisi). Alasannya: anggaran kas disusun hati-hati; "
            "tarif metode umur lebih tinggi, jadi penerimaan kas tidak dilebih-lebihkan. Faktur "
            "di tahap hukum (di atas 90 hari) hanya diproyeksikan separuh; sisanya masuk baris "
            "perkiraan tidak tertagih. Faktur sengketa tidak diproyeksikan ke bulan mana pun: "
            "baris tersendiri sampai sengketanya selesai.",
            "Method (the same as the core AR_FORECAST): expected payment date = due date + the "
            "customer's average days late (amount-weighted, from invoices paid in full, "
            "rounded to whole days; a customer without history takes the portfolio average). "
            "An item whose expected date has already passed (on or before the as-of date: the "
            "customer is later than usual) counts in the first month — it is the first to "
            "chase. Its risk is carried by the loss rate: every item is projected at balance × "
            "(1 − the loss rate of its aging bucket). The rates used: the aging-method rates of "
            f"the Allowance sheet ({rates}), not the rates of the booked {ALLOWANCE_IN_TEXT[1]} "
            "(Provision Matrix sheet). Why: a cash budget is prudent; the aging-method rates are "
            "higher, so the projected receipts are not overstated. An invoice in the legal stage "
            "(over 90 days) is projected at half only; the rest goes to the line not expected "
            "to be collected. Disputed invoices are not projected into any month: they have "
            "their own line until the dispute is settled.",
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
    title = (
        "C. Tarif kerugian untuk anggaran kas (metode umur, sheet Cadangan)",
        "C. Loss rates for the cash budget (aging method, Allowance sheet)",
    )
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
    names = core_bucket_text(ctx)
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
        "yes": t(yes),
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
            ("Perkiraan tidak tertagih (tarif metode umur)",
             "Not expected to be collected (aging-method rates)"),
            amount[HORIZON + 2],
        ),
    ]  # fmt: skip
    disputed_line = HORIZON + 1  # worked: the disputed item's own row of table D
    for i, (label, value) in enumerate(lines):
        if i == disputed_line:
            sh.write((top + 2 + i, 0), t(label), "wrap")
            formula = f'=SUMIFS({rows["collect"]},{rows["disputed"]},"{rows["yes"]}")'
            sh.formula((top + 2 + i, 1), formula, expected=value, style="money")
            continue
        ask(sh, top + 2 + i, t(label), value, "money", q=(0, 0), at=1)
    r = top + 2 + len(lines)
    in_horizon = sum(amount[:HORIZON])
    label = t(("% piutang tertagih dalam 3 bulan", "% of receivables collected within 3 months"))
    ask(sh, r, label, in_horizon / open_ar, "pct", q=(0, 0), at=1)
    customer, first_month = _customer_first_month(ctx)
    label = t(
        (
            f"Perkiraan kas bulan {table['period'][0]} dari {customer} (setelah kerugian)",
            f"Expected cash in month {table['period'][0]} from {customer} (net of losses)",
        )
    )
    ask(sh, r + 1, label, first_month, "money", q=(0, 0), at=1)
    sh.write((r + 2, 0), t(("Total piutang terbuka", "Total open receivables")))
    sh.formula((r + 2, 1), f"={rows['total']}", expected=open_ar, style="total_money")
    hints = {  # line → hint (function and columns only); month 3 is left to the trainee
        0: (
            "SUMIFS atas kolom H; syarat kolom I (≤ tanggal Sampai bulan 1, tabel B) dan "
            "kolom E (Tidak).",
            "SUMIFS over column H; criteria on column I (≤ month 1's To date, table B) and "
            "column E (No).",
        ),
        1: (
            "SUMIFS atas kolom H; syarat kolom I (antara Mulai dan Sampai bulan 2) dan kolom E.",
            "SUMIFS over column H; criteria on column I (between month 2's From and To) and "
            "column E.",
        ),
        3: (
            "SUMIFS atas kolom H; syarat kolom I (> Sampai bulan 3) dan kolom E.",
            "SUMIFS over column H; criteria on column I (> month 3's To) and column E.",
        ),
        5: ("SUMPRODUCT atas kolom D dan G.", "SUMPRODUCT over columns D and G."),
        len(lines) + 1: (
            "SUMIFS atas kolom H dengan syarat kolom A, I dan E.",
            "SUMIFS over column H with criteria on columns A, I and E.",
        ),
    }
    for i, text in hints.items():
        sh.write((top + 2 + i, 3), t(text))
    paragraph(
        sh,
        (r + 4, 0),
        9,
        t(
            (
                "Cek: bulan 1-3 + setelah 3 bulan + sengketa + perkiraan tidak tertagih = total "
                "piutang terbuka; perkiraan tidak tertagih = cadangan metode umur di sheet "
                f"Cadangan (tarif yang sama), bukan {ALLOWANCE_IN_TEXT[0]} yang dibukukan di sheet "
                "Matriks Provisi. Ke anggaran kas: masukkan baris bulan 1-3 sebagai "
                "penerimaan dari pelanggan; bandingkan dengan target penagihan, dan pantau "
                "pelanggan yang terlambat jauh (misalnya UD Duta Utama) karena menggeser kas ke "
                "bulan berikutnya.",
                "Check: months 1-3 + beyond 3 months + disputed + not expected to be collected "
                "= total open receivables; the amount not expected to be collected equals the "
                "aging-method allowance on the Allowance sheet (same rates), not the "
                f"{ALLOWANCE_IN_TEXT[1]} booked on the Provision Matrix sheet. Into the cash budget: take the month 1-3 lines as receipts "
                "from customers; compare them with the collection target, and watch very late "
                "payers (e.g. UD Duta Utama): they push cash into later months.",
            )
        ),
    )
    args = f'{ctx.refs.table},{ctx.refs.as_of_cell},{HORIZON},"month",,{sheet_ref(sh.name, rates)}'
    for label, line in (
        ((f"Proyeksi kas bulan {table['period'][0]} (AR_FORECAST)",
          f"Cash projection, month {table['period'][0]} (AR_FORECAST)"), 0),
        (("Perkiraan tidak tertagih (AR_FORECAST)",
          "Not expected to be collected (AR_FORECAST)"), HORIZON + 2),
    ):  # fmt: skip
        formula = f"=INDEX(AR_FORECAST({args}),{line + 2},4)"
        ctx.check(label, formula, amount[line], sh, a1(top + 2 + line, 1))


CASH_CUSTOMER = "PT Berkah Abadi"
"""The customer whose first-month cash the trainee projects (two invoices and a credit note)."""


def _customer_first_month(ctx: Ctx) -> tuple[str, float]:
    """Expected first-month collection of :data:`CASH_CUSTOMER` (core), net of losses."""
    items = forecast_items(
        ctx.ledger, AS_OF, period="month", horizon=HORIZON, loss_rates=list(LEDGER_RATES)
    )
    first = forecast_periods(AS_OF, "month", HORIZON)["period"].iloc[0]
    mine = items[(items["customer"].astype(str) == CASH_CUSTOMER) & (items["line"] == first)]
    return CASH_CUSTOMER, float(mine["expected_collection"].sum())
