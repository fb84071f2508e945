"""Module 3's interest sheet: dunning interest, golden example and Rupiah exercises."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import dunning_charges, late_interest
from xl_ar.workshop.book import Book, Sheet
from xl_ar.workshop.data import LedgerRefs
from xl_ar.workshop.layout import ask, exercise_header, formula_rows, label_values
from xl_ar.workshop.module_3.context import WORKED_STAGE, titled
from xl_ar.workshop.terms import stage_name


def _row_of(led: pd.DataFrame, invoice: str) -> int:
    """Zero-based data row of an invoice on the Data sheet."""
    return int(np.flatnonzero(led["invoice"].to_numpy() == invoice)[0])


def interest_sheet(book: Book, refs: LedgerRefs, facts: dict[str, Any]) -> None:
    t, lang = book.t, book.lang
    wl, items, st, led = facts["worklist"], facts["items"], facts["strategy"], facts["led"]
    sh = titled(
        book,
        ("Bunga", "Interest"),
        ("Bunga Keterlambatan (Denda)", "Dunning Interest"),
        widths=[46, 18, 6, 30, 30],
        intro=(
            "Bunga = sisa tagihan × bunga per tahun / 365 × hari lewat jatuh tempo; jumlah "
            "denda = bunga + biaya tetap; total = sisa + denda. Faktur yang belum jatuh tempo "
            "tidak dikenai bunga maupun biaya.",
            "Interest = outstanding × annual rate / 365 × days past due; dunning amount = "
            "interest + fixed fee; total = outstanding + dunning amount. Items not yet due "
            "get neither interest nor fee.",
        ),
    )
    # 1. golden example
    sh.write("A4", t(("1. Contoh buku teks", "1. Textbook example")), "h1")
    label_values(sh, 4, [(("Sisa tagihan", "Outstanding"), 100.0, "number"),
                         (("Hari lewat jatuh tempo", "Days past due"), 15.0, "int"),
                         (("Bunga per tahun", "Annual rate"), 0.10, "pct"),
                         (("Biaya tetap per surat", "Fixed fee per letter"), 10.0, "number"),
                         (("Basis hari", "Day basis"), 365.0, "int")])  # fmt: skip
    charges = dunning_charges(100.0, 0.10, 15.0, fee=10.0)
    exercise_header(sh, 9, (0, 0), 1, (3, 4))
    golden_ex = [
        (("Bunga keterlambatan", "Late interest"), float(charges.interest),
         ("Rumus di baris 2 dengan sel B5:B7 dan B9 (cukup 2 desimal).",
          "The formula in row 2 with cells B5:B7 and B9 (2 decimals are enough).")),
        (("Jumlah denda (bunga + biaya)", "Dunning amount (interest + fee)"),
         float(charges.dunning_amount), ("Bunga + B8.", "Interest + B8.")),
        (("Total kewajiban pelanggan", "Total the customer owes"), float(charges.total),
         ("Sisa tagihan + jumlah denda.", "Outstanding + dunning amount.")),
    ]  # fmt: skip
    for i, (label, answer, hint) in enumerate(golden_ex, start=1):
        question = (f"{label[0]} (contoh buku teks)", f"{label[1]} (textbook example)")
        ask(sh, 9 + i, question, answer, "number", hint, q=(0, 0), at=1, h=(3, 4), label=label)
    # 2. a Rupiah example from the ledger (worked)
    esc = wl[wl["stage"] == WORKED_STAGE].iloc[0]
    example = _oldest_overdue(items, str(esc["customer"]))
    stage = st.set_index("stage").loc[WORKED_STAGE]
    i = _row_of(led, str(example["invoice"]))
    top = 14
    worked_name = stage_name(WORKED_STAGE, lang)
    sh.write(
        (top, 0),
        t((f"2. Contoh Rupiah: {esc['customer']} (tahap {worked_name})",
           f"2. Rupiah example: {esc['customer']} ({worked_name} stage)")),
        "h1",
    )  # fmt: skip
    dpd = float(example["days_past_due"])
    amount = float(example["outstanding"])
    rate, fee = float(stage["annual_rate"]), float(stage["fee"])
    rupiah = dunning_charges(amount, rate, dpd, fee=fee)
    r = top + 1
    worked = [
        (("No faktur", "Invoice no"), "=" + refs.cell("invoice", i), str(example["invoice"]), None),
        (("Jatuh tempo", "Due date"), "=" + refs.cell("due_date", i),
         pd.Timestamp(example["due_date"]), "date"),
        (("Sisa tagihan (Rp)", "Outstanding (Rp)"), "=" + refs.cell("balance", i), amount, "money"),
        (("Hari lewat jatuh tempo", "Days past due"), f"={refs.as_of_cell}-B{r + 2}", dpd, "int"),
    ]  # fmt: skip
    formula_rows(sh, r, worked)
    label_values(sh, r + 4, [
        ((f"Bunga per tahun (strategi, tahap {worked_name})",
          f"Annual rate (strategy, {worked_name} stage)"), rate, "pct"),
        (("Biaya tetap (strategi)", "Fixed fee (strategy)"), fee, "money"),
    ])  # fmt: skip
    amt, days, rt, fe = f"B{r + 3}", f"B{r + 4}", f"B{r + 5}", f"B{r + 6}"
    calc = [
        (("Bunga keterlambatan (Rp)", "Late interest (Rp)"), f"={amt}*{rt}/365*{days}",
         float(rupiah.interest), "money"),
        (("Jumlah denda (Rp)", "Dunning amount (Rp)"), f"=B{r + 7}+{fe}", float(rupiah.dunning_amount),
         "money"),
        (("Total kewajiban (Rp)", "Total owed (Rp)"), f"={amt}+B{r + 8}", float(rupiah.total), "money"),
    ]  # fmt: skip
    formula_rows(sh, r + 6, calc, label_style="bold")
    add_in = (("Dengan add-in: AR_INTEREST (= jumlah denda)", "With the add-in: AR_INTEREST (= dunning amount)"),
              f"=AR_INTEREST({amt},{rt},{days},365,{fe})", float(rupiah.dunning_amount), "money")  # fmt: skip
    formula_rows(sh, r + 9, [add_in])
    sh.merge(
        f"D{r + 10}:E{r + 10}",
        t(("Perlu add-in xl-ar; tanpa add-in sel ini menampilkan #NAME?.",
           "Needs the xl-ar add-in; without it this cell shows #NAME?.")),
        "note",
    )  # fmt: skip
    _interest_exercise(sh, book, r + 11, facts)


def _exercise_invoice(facts: dict[str, Any]) -> pd.Series:
    """The interest exercise's invoice: the top-priority customer's newest past-due invoice.

    Not its oldest (the worklist prints the oldest's days past due) and not in the worked
    letter (another customer).
    """
    items = facts["items"]
    customer = str(facts["worklist"]["customer"].iloc[0])
    mine = items[
        (items["customer"] == customer)
        & ~items["disputed"]
        & (items["days_past_due"] >= 1)
        & (items["outstanding"] > 0)
    ]
    if len(mine) < 2:
        raise ValueError(f"{customer} needs two past-due invoices for the interest exercise")
    return mine.sort_values(["days_past_due", "invoice"]).iloc[0]


def _interest_exercise(sh: Sheet, book: Book, top: int, facts: dict[str, Any]) -> None:
    t = book.t
    wl, st = facts["worklist"], facts["strategy"]
    target = _exercise_invoice(facts)
    stage_key = str(wl["stage"].iloc[0])
    rate = float(st.set_index("stage").loc[stage_key, "annual_rate"])
    dpd = float(target["days_past_due"])
    sh.write(
        (top, 0),
        t((f"3. Latihan: faktur {target['invoice']} ({target['customer']})",
           f"3. Exercise: invoice {target['invoice']} ({target['customer']})")),
        "h1",
    )  # fmt: skip
    label_values(sh, top + 1, [((f"Bunga per tahun (tahap {stage_name(stage_key, 'id')})",
                                 f"Annual rate ({stage_name(stage_key, 'en')} stage)"), rate, "pct")])  # fmt: skip
    rate_cell = f"B{top + 2}"
    exercise_header(sh, top + 2, (0, 0), 1, (3, 4))
    rows = [
        (("Hari lewat jatuh tempo per 31/12/2024", "Days past due at 31/12/2024"), dpd, "days",
         ("Cari faktur di sheet Data: Data!B2 − Jatuh Tempo.",
          "Find the invoice on the Data sheet: Data!B2 − Due Date.")),
        (("Bunga keterlambatan (Rp)", "Late interest (Rp)"),
         float(late_interest(float(target["outstanding"]), rate, dpd)), "money",
         (f"Sisa × {rate_cell} / 365 × hari (toleransi Rp 1).",
          f"Outstanding × {rate_cell} / 365 × days (Rp 1 tolerance).")),
    ]  # fmt: skip
    for k, (question, answer, kind, hint) in enumerate(rows, start=1):
        ask(sh, top + 2 + k, question, answer, kind, hint, q=(0, 0), at=1, h=(3, 4))


def _oldest_overdue(items: pd.DataFrame, customer: str) -> pd.Series:
    """The customer's oldest undisputed past-due open invoice (core open items)."""
    mine = items[
        (items["customer"] == customer)
        & ~items["disputed"]
        & (items["days_past_due"] >= 1)
        & (items["outstanding"] > 0)
    ]
    return mine.sort_values(["days_past_due", "invoice"], ascending=[False, True]).iloc[0]
