"""Module 3's strategy sheet: the default collection strategy and the stage of a case."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import assign_stages, rupiah, strategy_table
from xl_ar.workshop.book import Book, Sheet, a1
from xl_ar.workshop.layout import ask, header_row, paragraph
from xl_ar.workshop.module_3.context import hint_sep, titled
from xl_ar.workshop.terms import ORDER_HOLD_DPD, stage_channel, stage_name, stage_owner

CASE_AMOUNT = 12_000_000.0
"""Overdue amount of the strategy exercises (above the legal stage's minimum)."""
SMALL_CASE_AMOUNT = 3_000_000.0
"""Overdue amount of the exercise that meets the legal stage's minimum amount rule."""


def _stage_of(st: pd.DataFrame, dpd: float, amount: float) -> str:
    """The core's stage key for a customer whose oldest item is ``dpd`` days past due."""
    overdue = amount if dpd >= 1 else 0.0
    due_soon = amount if dpd <= 0 else 0.0
    pos = assign_stages(st, np.array([dpd]), np.array([overdue]), np.array([due_soon]))[0]
    if pos < 0:
        raise ValueError(f"no stage for {dpd} days past due and amount {amount}")
    return str(st["stage"].iloc[pos])


def strategy_sheet(book: Book, facts: dict[str, Any]) -> None:
    t, lang = book.t, book.lang
    st = facts["strategy"]
    sh = titled(
        book,
        ("Strategi", "Strategy"),
        ("Strategi Penagihan Berjenjang", "Tiered Collection Strategy"),
        widths=[24, 14, 13, 22, 20, 44, 9, 10, 9],
        intro=(
            "Strategi bawaan xl-ar (fungsi AR_STRATEGY): tahap pelanggan ditentukan oleh "
            "hari lewat jatuh tempo faktur tertuanya yang tidak disengketakan. Jika tunggakan "
            "di bawah 'Jumlah minimal' tahap itu, pelanggan tetap di tahap sebelumnya yang "
            "minimalnya terpenuhi (saldo kecil tidak dikirim ke pengacara).",
            "The xl-ar default strategy (AR_STRATEGY function): a customer's stage is the "
            "band holding the days past due of its oldest undisputed invoice. When the "
            "overdue amount is below the stage's 'Min amount', the customer stays at the "
            "nearest earlier stage whose minimum it meets (small balances do not go to "
            "lawyers).",
        ),
        last_col=6,
    )
    bands = strategy_table(lang=lang).iloc[:, 1].tolist()  # "-7 s.d. 0", "181 or more" ...
    header = [("Nama tahap", "Stage name"), ("Hari lewat jatuh tempo", "Days past due"),
              ("Jumlah minimal", "Min amount"), ("Saluran", "Channel"), ("PIC", "Owner"),
              ("Tindakan", "Action"), ("Batas hari", "Days to act"),
              ("Bunga per tahun", "Interest p.a."), ("Biaya", "Fee")]  # fmt: skip
    header_row(sh, (3, 0), header)
    action = "action_id" if lang == "id" else "action_en"
    for i, (rec, band) in enumerate(zip(st.itertuples(index=False), bands, strict=True)):
        key = str(rec.stage)
        values = [stage_name(key, lang), band, float(rec.min_amount), stage_channel(key, lang),
                  stage_owner(key, lang), getattr(rec, action), float(rec.days_to_act),
                  float(rec.annual_rate), float(rec.fee)]  # fmt: skip
        styles = ["wrap", "text", "money", "wrap", "wrap", "wrap", "int", "pct", "money"]
        sh.row((4 + i, 0), values, styles)
    # lookup table
    top = 4 + len(st) + 1
    sh.write(
        (top, 0), t(("Tabel bantu: awal tiap tahap", "Helper table: first day of each stage")), "h1"
    )
    header_row(sh, (top + 1, 0), [("Mulai hari (DPD)", "From day (DPD)"),
                                  ("Nama tahap", "Stage name"), ("Jumlah minimal", "Min amount")])  # fmt: skip
    first = top + 2
    for i, rec in enumerate(st.itertuples(index=False)):
        sh.write((first + i, 0), float(rec.min_dpd), "int")
        sh.write((first + i, 1), stage_name(str(rec.stage), lang), "wrap")
        sh.write((first + i, 2), float(rec.min_amount), "money")
    last = first + len(st) - 1
    look = f"{a1(first, 0, absolute=True)}:{a1(last, 2, absolute=True)}"
    starts = f"{a1(first, 0, absolute=True)}:{a1(last, 0, absolute=True)}"
    names = f"{a1(first, 1, absolute=True)}:{a1(last, 1, absolute=True)}"
    # worked formulas
    top = last + 2
    sh.write((top, 0), t(("Contoh rumus", "Worked formulas")), "h1")
    header_row(sh, (top + 1, 0), [("Rumus", "Formula"), ("DPD", "DPD"), ("Tahap", "Stage")])
    s = hint_sep(lang)
    worked = [(f"VLOOKUP(…{s} TRUE)", 50.0, f"=VLOOKUP({{dpd}},{look},2,TRUE)"),
              (f"INDEX/MATCH(…{s} 1)", 100.0, f"=INDEX({names},MATCH({{dpd}},{starts},1))")]  # fmt: skip
    for i, (label, dpd, formula) in enumerate(worked):
        r = top + 2 + i
        sh.write((r, 0), label)
        sh.write((r, 1), dpd, "int")
        key = _stage_of(st, dpd, CASE_AMOUNT)
        sh.formula((r, 2), formula.format(dpd=a1(r, 1)), expected=stage_name(key, lang))
    esc, legal = stage_name("escalation", lang), stage_name("legal", lang)
    paragraph(
        sh,
        (top + 4, 0),
        6,
        (
            "Pencocokan perkiraan (TRUE / MATCH tipe 1) mencari awal tahap terbesar yang ≤ DPD; "
            "kolom 'Mulai hari' harus urut naik. Rumus ini tidak memeriksa 'Jumlah minimal': "
            f"periksa sendiri untuk tahap {legal}. Mulai tahap {esc} (hari ke-{ORDER_HOLD_DPD}) "
            "pesanan baru pelanggan ditahan.",
            "An approximate match (TRUE / MATCH type 1) finds the largest stage start ≤ DPD; "
            "the 'From day' column must be sorted ascending. These formulas ignore 'Min "
            f"amount': check it yourself for the {legal} stage. From the {esc} stage "
            f"(day {ORDER_HOLD_DPD}) the customer's new orders are held.",
        ),
    )
    _strategy_exercises(sh, book, top + 6, st)


def _strategy_exercises(sh: Sheet, book: Book, top: int, st: pd.DataFrame) -> None:
    """Which stage applies to five cases (days past due, overdue amount)."""
    t, lang = book.t, book.lang
    s = hint_sep(lang)
    sh.write(
        (top, 0), t(("Latihan: tahap apa yang berlaku?", "Exercise: which stage applies?")), "h1"
    )
    header_row(sh, (top + 1, 0), [("Kasus", "Case"), ("DPD tertua", "Oldest DPD"),
                                  ("Tunggakan (Rp)", "Overdue (Rp)"),
                                  ("Nama tahap", "Stage name"), "✓/✗"])  # fmt: skip
    sh.merge(f"{a1(top + 1, 5)}:{a1(top + 1, 6)}", t(("Petunjuk", "Hint")), "header")
    legal = st.set_index("stage").loc["legal", "min_amount"]
    cases = [(10.0, CASE_AMOUNT), (30.0, CASE_AMOUNT), (60.0, CASE_AMOUNT), (200.0, CASE_AMOUNT),
             (120.0, SMALL_CASE_AMOUNT)]  # fmt: skip
    for i, (dpd, amount) in enumerate(cases, start=1):
        r = top + 1 + i
        key = _stage_of(st, dpd, amount)
        sh.write((r, 1), dpd, "int")
        sh.write((r, 2), amount, "money")
        plain = f"{dpd:.0f}"
        question = (
            f"Kasus {i}: faktur tertua {plain} hari lewat jatuh tempo, tunggakan {rupiah(amount)}",
            f"Case {i}: oldest invoice {plain} days past due, overdue {rupiah(amount, 'en')}",
        )
        hint = (
            (f"Ketik nama tahap, atau =VLOOKUP(B{r + 1}{s} tabel bantu{s} 2{s} TRUE).",
             f"Type the stage name, or =VLOOKUP(B{r + 1}{s} helper table{s} 2{s} TRUE).")
            if amount >= legal
            else (f"Perhatikan 'Jumlah minimal' tahap {stage_name('legal', 'id')} "
                  f"({rupiah(legal)}).",
                  f"Mind the {stage_name('legal', 'en')} stage's 'Min amount' "
                  f"({rupiah(legal, 'en')}).")
        )  # fmt: skip
        ask(
            sh, r, question, stage_name(key, lang), "text", hint,
            q=(0, 0), at=3, h=(5, 6), label=(f"Kasus {i}", f"Case {i}"),
        )  # fmt: skip
