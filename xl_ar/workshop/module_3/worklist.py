"""Module 3's worklist sheet: the core worklist, its priority formula, disputed items."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import AGE_CAP_DAYS, PRIORITY_WEIGHTS, plain_number, priority_score
from xl_ar.workshop.book import Book, Sheet, a1
from xl_ar.workshop.data import AS_OF
from xl_ar.workshop.layout import ask, exercise_header, header_row, paragraph
from xl_ar.workshop.module_3.context import hint_sep, titled
from xl_ar.workshop.terms import ORDER_HOLD_DPD, rating_name, stage_name, stage_owner


def worklist_sheet(book: Book, facts: dict[str, Any]) -> None:
    lang = book.lang
    wl, items, customers = facts["worklist"], facts["items"], facts["customers"]
    w = {k: plain_number(v) for k, v in PRIORITY_WEIGHTS.items()}
    cap = plain_number(AGE_CAP_DAYS)
    sh = titled(
        book,
        ("Daftar Tagih", "Worklist"),
        ("Daftar Tagih per 31/12/2024", "Collection Worklist at 31/12/2024"),
        widths=[20, 15, 15, 9, 10, 9, 20, 16, 46, 12, 10],
        intro=(
            "Hasil inti xl-ar (AR_WORKLIST): satu baris per pelanggan yang perlu ditindak, "
            "prioritas tertinggi di atas. Lewat JT = tunggakan tanpa sengketa (yang ditagih); "
            "tahap, PIC dan tindakan dari sheet Strategi; peringkat bayar sama dengan sheet "
            "Segmentasi. Kolom Prioritas adalah rumus: lihat penjelasan di bawah tabel.",
            "Output of the xl-ar core (AR_WORKLIST): one row per customer needing action, "
            "highest priority first. Overdue = undisputed past-due amount (what is chased); "
            "stage, owner and action from the Strategy sheet; the payer rating as on the "
            "Segmentation sheet. The Priority column is a formula: see the note below the table.",
        ),
        last_col=10,
    )
    header = [("Pelanggan", "Customer"), ("Saldo terbuka", "Open"),
              ("Lewat JT (ditagih)", "Overdue (chased)"), ("DPD tertua", "Oldest DPD"),
              ("Peringkat bayar", "Payer rating"), ("Risiko", "Risk"), ("Tahap", "Stage"),
              ("PIC", "Owner"), ("Tindakan berikut", "Next action"),
              ("Tanggal tindakan", "Action date"), ("Prioritas", "Priority")]  # fmt: skip
    header_row(sh, (3, 0), header)
    styles = ["text", "money", "money", "int", "text", "pct", "wrap", "wrap", "wrap", "date"]
    first, last = 4, 4 + len(wl) - 1
    overdue_col = f"{a1(first, 2, absolute=True)}:{a1(last, 2, absolute=True)}"
    for i, rec in enumerate(wl.itertuples(index=False)):
        r = first + i
        risk = float(customers.loc[rec.customer, "risk"])
        values = [rec.customer, rec.open, rec.overdue, rec.oldest_dpd,
                  rating_name(rec.payer_rating, lang), risk, stage_name(rec.stage, lang),
                  stage_owner(rec.stage, lang), rec.next_action, pd.Timestamp(rec.action_date)]  # fmt: skip
        sh.row((r, 0), values, styles)
        c, d, f = a1(r, 2), a1(r, 3), a1(r, 5)
        sh.formula(
            (r, 10),
            f"=ROUND({w['risk']}*{f}+{w['amount']}*{c}/MAX({overdue_col})"
            f"+{w['age']}*MIN(MAX({d},0),{cap})/{cap},1)",
            expected=float(rec.priority), style="number",
        )  # fmt: skip
    total_row = last + 1
    sh.write((total_row, 0), "Total", "bold")
    for col, key in ((1, "open"), (2, "overdue")):
        sh.formula(
            (total_row, col), f"=SUM({a1(first, col)}:{a1(last, col)})",
            expected=float(wl[key].sum()), style="total_money",
        )  # fmt: skip
    s = hint_sep(lang)
    paragraph(
        sh,
        (total_row + 1, 0),
        10,
        (
            f"Prioritas (0-100) = {w['risk']} × risiko + {w['amount']} × tunggakan / tunggakan "
            f"terbesar + {w['age']} × MIN(DPD tertua; {cap}) / {cap}. Risiko = porsi nilai yang "
            "dibayar lebih dari 15 hari setelah jatuh tempo (kolom D sheet Segmentasi; 0,5 tanpa "
            "riwayat; 1 bila janji bayar tidak ditepati): cara pelanggan membayar adalah "
            f"petunjuk terbaik, maka bobotnya terbesar. Rumus baris 5: =ROUND({w['risk']}*F5+"
            f"{w['amount']}*C5/MAX(C5:C{last + 1})+{w['age']}*MIN(MAX(D5{s}0){s}{cap})/{cap}{s}1).",
            f"Priority (0-100) = {w['risk']} × risk + {w['amount']} × overdue / largest overdue "
            f"+ {w['age']} × MIN(oldest DPD, {cap}) / {cap}. Risk = share of the amount paid more "
            "than 15 days after the due date (column D of the Segmentation sheet; 0.5 without "
            "history; 1 after a broken promise to pay): how a customer has paid is the best "
            f"predictor, so it weighs most. Row 5's formula: =ROUND({w['risk']}*F5+"
            f"{w['amount']}*C5/MAX(C5:C{last + 1})+{w['age']}*MIN(MAX(D5{s}0){s}{cap})/{cap}{s}1).",
        ),
    )
    top = _disputed(sh, book, total_row + 3, items)
    _worklist_exercises(sh, book, top + 1, facts, (first, last))
    sh.freeze = (4, 1)


def _disputed(sh: Sheet, book: Book, top: int, items: pd.DataFrame) -> int:
    """The disputed open invoices, apart from the worklist; returns the row below the note."""
    t = book.t
    sh.write(
        (top, 0),
        t(("Faktur sengketa (di luar proses penagihan)", "Disputed invoices (out of the dunning run)")),
        "h1",
    )  # fmt: skip
    header_row(sh, (top + 1, 0), [("Pelanggan", "Customer"), ("No faktur", "Invoice no"),
                                  ("Jatuh tempo", "Due date"), ("DPD", "DPD"),
                                  ("Sisa (Rp)", "Outstanding (Rp)")])  # fmt: skip
    disputed = items[items["disputed"]].sort_values(["customer", "due_date"], kind="stable")
    r = top + 1
    for r, rec in enumerate(disputed.itertuples(index=False), start=top + 2):
        values = [rec.customer, rec.invoice, pd.Timestamp(rec.due_date), float(rec.days_past_due),
                  float(rec.outstanding)]  # fmt: skip
        sh.row((r, 0), values, ["text", "text", "date", "int", "money"])
    paragraph(
        sh,
        (r + 1, 0),
        10,
        (
            "Faktur sengketa keluar dari proses penagihan (tidak diingatkan, tidak disurati, "
            "tidak dikenai bunga) tetapi tetap dipantau sampai selesai: catat alasan, PIC dan "
            "tanggal target penyelesaian di log sengketa; tagih kembali segera setelah sengketa "
            "selesai.",
            "Disputed invoices leave the dunning run (no reminders, letters or interest) but are "
            "tracked until resolved: log the reason, the owner and the target date in the "
            "dispute log; chase them again as soon as the dispute is settled.",
        ),
    )
    return r + 2


def _worklist_exercises(
    sh: Sheet, book: Book, top: int, facts: dict[str, Any], rows: tuple[int, int]
) -> None:
    """Exercises on the worklist: a priority term, stages, the week's target."""
    lang = book.lang
    wl, items = facts["worklist"], facts["items"]
    s = hint_sep(lang)
    second = wl.iloc[1]
    zeros = np.zeros(len(wl))
    amount_term = float(priority_score(zeros, wl["overdue"].to_numpy(), zeros)[1])
    week_end = AS_OF + pd.Timedelta(days=7)
    soon = items[
        (items["days_past_due"] >= -7)
        & (items["days_past_due"] <= 0)
        & ~items["disputed"]
        & (items["outstanding"] > 0)
    ]
    due_soon = float(soon["outstanding"].sum())
    this_week = float(wl.loc[wl["action_date"] <= week_end, "overdue"].sum())
    chased = items[~items["disputed"] & (items["outstanding"] > 0)]
    n_held = int((chased["days_past_due"] >= ORDER_HOLD_DPD).sum())
    leader = wl.iloc[0]
    top_items = chased[chased["customer"].astype(str) == str(leader["customer"])]
    top_old = float(top_items.loc[top_items["days_past_due"] > 90, "outstanding"].sum())
    top_old_share = top_old / float(leader["overdue"])
    w_amount = plain_number(PRIORITY_WEIGHTS["amount"])
    exercise_header(sh, top, (0, 2), 3, (5, 8))
    rows_ex = [
        (
            (f"Poin prioritas {second['customer']} dari unsur tunggakan "
             f"({w_amount} × tunggakan / tunggakan terbesar)",
             f"Priority points of {second['customer']} from the overdue term "
             f"({w_amount} × overdue / largest overdue)"),
            amount_term, "number",
            ("MAX atas kolom C (Lewat JT) untuk tunggakan terbesar; 2 desimal.",
             "MAX over column C (Overdue) for the largest overdue; 2 decimals."),
        ),
        (
            (f"Jumlah faktur tanpa sengketa yang lewat jatuh tempo {ORDER_HOLD_DPD} hari atau "
             f"lebih per 31/12/2024 (tahap {stage_name('escalation', 'id')} ke atas: pesanan "
             "ditahan)",
             f"Undisputed invoices {ORDER_HOLD_DPD} or more days past due at 31/12/2024 "
             f"({stage_name('escalation', 'en')} stage or later: orders on hold)"),
            n_held, "count",
            ("Sheet Data: COUNTIFS pada kolom Sisa (> 0), Jatuh Tempo dan Sengketa.",
             "Data sheet: COUNTIFS on the Balance (> 0), Due Date and Disputed columns."),
        ),
        (
            ("Faktur tanpa sengketa yang jatuh tempo 7 hari ke depan (31/12/2024 s.d. "
             "07/01/2025), Rp",
             "Undisputed invoices falling due in the next 7 days (31/12/2024 to 07/01/2025), Rp"),
            due_soon, "money",
            (f'Sheet Data: SUMIFS(Sisa{s} Jatuh Tempo{s} ">="&B2{s} Jatuh Tempo{s} "<="&(B2+7){s} '
             f'Sengketa{s} "Tidak"). Tahap {stage_name("preventive", "id")}: ingatkan sebelum '
             "jatuh tempo.",
             f'Data sheet: SUMIFS(Balance{s} Due Date{s} ">="&B2{s} Due Date{s} "<="&(B2+7){s} '
             f'Disputed{s} "No"). {stage_name("preventive", "en")} stage: remind before the due '
             "date."),
        ),
        (
            ("Target tagih minggu ini (Rp) = tunggakan pelanggan yang tanggal tindakannya ≤ "
             "07/01/2025 + jawaban soal sebelumnya",
             "This week's collection target (Rp) = overdue of the customers whose action date is "
             "≤ 07/01/2025 + the previous answer"),
            this_week + due_soon, "money",
            (f'SUMIFS(Lewat JT{s} Tanggal tindakan{s} "<="&DATE(2025{s}1{s}7)) + soal sebelumnya.',
             f'SUMIFS(Overdue{s} Action date{s} "<="&DATE(2025{s}1{s}7)) + the previous answer.'),
        ),
        (
            (f"Bagian tunggakan (Lewat JT) {leader['customer']} yang sudah lewat jatuh tempo "
             "lebih dari 90 hari (%)",
             f"Share of {leader['customer']}'s overdue amount (Overdue) that is more than 90 days "
             "past due (%)"),
            top_old_share, "pct",
            ("Sheet Data: SUMIFS pada kolom Sisa (Pelanggan, Jatuh Tempo, Sengketa), dibagi "
             "Lewat JT pelanggan itu.",
             "Data sheet: SUMIFS on the Balance column (Customer, Due Date, Disputed), divided "
             "by that customer's Overdue."),
        ),
    ]  # fmt: skip
    for i, (question, answer, kind, hint) in enumerate(rows_ex, start=1):
        ask(sh, top + i, question, answer, kind, hint, q=(0, 2), at=3, h=(5, 8))
