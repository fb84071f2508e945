"""Module 3's letters sheet: the worked letter and the exercises on a letter not printed."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import late_interest, letter_text, rupiah
from xl_ar.workshop.book import Book, Sheet
from xl_ar.workshop.data import AS_OF, COMPANY
from xl_ar.workshop.layout import ask, exercise_header
from xl_ar.workshop.module_3.context import WORKED_STAGE, Text, hint_sep, titled
from xl_ar.workshop.module_3.templates import template_part, text_lines
from xl_ar.workshop.terms import stage_name, stage_owner

CONTACT: dict[str, Text] = {
    "name": ("Sari Handayani", "Sari Handayani"),
    "phone": ("021-555 0101", "+62 21 555 0101"),
    "email": ("piutang@sinarniaga.co.id", "piutang@sinarniaga.co.id"),
    "bank": (
        "BCA 123-456-7890 a.n. PT Sinar Niaga Distribusi",
        "BCA 123-456-7890 in the name of PT Sinar Niaga Distribusi",
    ),
}
"""The signer of the worked letter; the title is the stage owner (:func:`letter_contact`)."""


def letter_contact(stage: str, lang: str) -> dict[str, str]:
    """The contact of a stage's letter: :data:`CONTACT` signed as the stage's owner.

    Examples
    --------
    >>> letter_contact("escalation", "id")["title"], letter_contact("legal", "en")["title"]
    ('Manajer AR', 'Finance Manager + Legal')
    """
    contact = {k: v[0] if lang == "id" else v[1] for k, v in CONTACT.items()}
    title = stage_owner(stage, lang)
    if lang == "en":  # a signature capitalises the job title: "AR Manager"
        title = " ".join(w[:1].upper() + w[1:] for w in title.split(" "))
    return {**contact, "title": title}


def _letter_numbers(facts: dict[str, Any], customer: str) -> dict[str, Any]:
    """What the customer's letter lists and charges, as the core's letter computes it.

    Overdue letters list the undisputed past-due invoices, charge the stage's interest rounded
    per invoice and ask for payment within 7 days; pre-due letters list the invoices due
    within the stage's window and ask for payment by the earliest due date.
    """
    items, st = facts["items"], facts["strategy"].set_index("stage")
    key = str(facts["worklist"].set_index("customer").loc[customer, "stage"])
    stage = st.loc[key]
    rate, fee = float(stage["annual_rate"]), float(stage["fee"])
    mine = items[(items["customer"] == customer) & ~items["disputed"]]
    dpd = mine["days_past_due"]
    pre_due = float(stage["max_dpd"]) <= 0
    if pre_due:
        listed = mine[
            (dpd >= stage["min_dpd"]) & (dpd <= stage["max_dpd"]) & (mine["outstanding"] > 0)
        ]
        pay_by = pd.Timestamp(listed["due_date"].min())
    else:
        listed = mine[(dpd >= 1) & (mine["outstanding"] > 0)]
        pay_by = AS_OF + pd.Timedelta(days=7)
    interest = np.round(
        np.asarray(
            late_interest(
                listed["outstanding"].to_numpy(), rate, listed["days_past_due"].to_numpy()
            )
        )
    )
    credits = -float(mine.loc[mine["outstanding"] < 0, "outstanding"].sum())
    total_interest = float(interest.sum()) if rate > 0 else 0.0
    payable = max(float(listed["outstanding"].sum()) - credits + total_interest + fee, 0.0)
    return {
        "stage": key,
        "count": len(listed),
        "interest": total_interest,
        "payable": payable,
        "pay_by": pay_by,
        "rate": rate,
        "fee": fee,
    }


def letters_sheet(book: Book, facts: dict[str, Any]) -> None:
    t, lang = book.t, book.lang
    wl = facts["worklist"]
    worked = str(wl.loc[wl["stage"] == WORKED_STAGE, "customer"].iloc[0])
    asked = str(wl["customer"].iloc[0])
    ahead = str(wl.loc[wl["stage"] == "preventive", "customer"].iloc[0])
    if len({worked, asked, ahead}) < 3:
        raise ValueError("the worked letter and the letter exercises need three customers")
    sh = titled(
        book,
        ("Surat", "Letters"),
        ("Surat Penagihan", "Dunning Letters"),
        widths=[22, 16, 14, 14, 18, 6, 30, 30],
        intro=(
            "Surat dibuat oleh inti xl-ar (fungsi AR_LETTER) dari satu templat per tahap. "
            f"Latihan: hitung angka surat untuk {asked} dan {ahead} (surat mereka tidak dicetak "
            f"di sini). Bagian 1: contoh surat lengkap untuk {worked}. Bagian 2: templat tiap "
            "tahap; «…» menandai isian otomatis (lihat keterangannya).",
            "Letters are written by the xl-ar core (AR_LETTER function) from one template per "
            f"stage. Exercises: compute the numbers of the letters to {asked} and {ahead} (they "
            f"are not printed here). Part 1: a complete worked letter to {worked}. Part 2: each "
            "stage's template; «…» marks a field filled in automatically (see the legend).",
        ),
    )
    row = _letter_exercises(sh, book, 3, facts, asked, ahead)
    stage = WORKED_STAGE
    text = letter_text(
        facts["led"], worked, AS_OF, lang=lang, company=COMPANY,
        contact=letter_contact(stage, lang), strategy=facts["strategy"],
    )  # fmt: skip
    sh.write(
        (row, 0),
        t((f"1. Contoh surat: {worked} — tahap {stage_name(stage, 'id')}, ditandatangani "
           f"{stage_owner(stage, 'id')}",
           f"1. Worked letter: {worked} — {stage_name(stage, 'en')} stage, signed by the "
           f"{stage_owner(stage, 'en')}")),
        "h1",
    )  # fmt: skip
    row = text_lines(sh, row + 1, text)
    template_part(sh, book, row + 1, facts["strategy"])


def _letter_exercises(
    sh: Sheet, book: Book, top: int, facts: dict[str, Any], asked: str, ahead: str
) -> int:
    """Numbers of two letters that are not printed; returns the next free row."""
    lang = book.lang
    s = hint_sep(lang)
    due = _letter_numbers(facts, asked)
    soon = _letter_numbers(facts, ahead)
    name = {k: stage_name(due["stage"], k) for k in ("id", "en")}
    pre = {k: stage_name(soon["stage"], k) for k in ("id", "en")}
    pct = f"{due['rate']:.0%}"
    exercise_header(sh, top, (0, 3), 4, (6, 7))
    rows = [
        (
            (f"Surat untuk {asked}, tahap {name['id']}: jumlah faktur yang dicantumkan",
             f"Letter to {asked}, {name['en']} stage: number of invoices listed"),
            due["count"], "count",
            ("Faktur tanpa sengketa yang lewat jatuh tempo dan masih bersisa (sheet Data).",
             "The undisputed past-due invoices with a balance (Data sheet)."),
        ),
        (
            (f"Surat untuk {asked}, tahap {name['id']}: total bunga (Rp)",
             f"Letter to {asked}, {name['en']} stage: total interest (Rp)"),
            due["interest"], "money",
            (f"Per faktur: ROUND(sisa × {pct} / 365 × hari{s} 0), lalu dijumlah (lihat sheet Bunga).",
             f"Per invoice: ROUND(outstanding × {pct} / 365 × days{s} 0), then add (see the "
             "Interest sheet)."),
        ),
        (
            (f"Surat untuk {asked}, tahap {name['id']}: jumlah yang harus dibayar (Rp)",
             f"Letter to {asked}, {name['en']} stage: amount payable (Rp)"),
            due["payable"], "money",
            (f"Faktur yang dicantumkan − kredit + bunga + biaya (biaya tahap ini {rupiah(due['fee'])}).",
             f"Invoices listed − credits + interest + fee (this stage's fee: {rupiah(due['fee'], 'en')})."),
        ),
        (
            (f"Surat untuk {ahead}, tahap {pre['id']}: batas tanggal bayar",
             f"Letter to {ahead}, {pre['en']} stage: pay-by date"),
            soon["pay_by"], "date",
            ("Surat sebelum jatuh tempo meminta bayar paling lambat pada jatuh tempo terdekat di "
             "antara faktur yang dicantumkan (jatuh tempo 0-7 hari lagi). Ketik sebagai tanggal.",
             "A pre-due letter asks for payment by the earliest due date among the invoices it "
             "lists (due in 0-7 days). Type it as a date."),
        ),
    ]  # fmt: skip
    for i, (question, answer, kind, hint) in enumerate(rows, start=1):
        ask(sh, top + i, question, answer, kind, hint, q=(0, 3), at=4, h=(6, 7))
    return top + len(rows) + 2
