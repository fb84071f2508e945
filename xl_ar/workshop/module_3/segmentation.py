"""Module 3's segmentation sheet: open items by age, amount class and payer rating."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from xl_ar.core import aging, bucket_labels, weighted_average_days
from xl_ar.workshop.book import Book, Sheet, a1
from xl_ar.workshop.data import AS_OF, LedgerRefs
from xl_ar.workshop.layout import (
    LINE_HEIGHT,
    ask,
    exercise_header,
    formula_rows,
    header_row,
    label_values,
    paragraph,
)
from xl_ar.workshop.module_3.context import Text, hint_sep, titled
from xl_ar.workshop.terms import bucket_name, rating_name, stage_channel, stage_owner

SMALL_LIMIT = 10_000_000.0
"""Open items below this (Rupiah) are *small* (reminders by email/WhatsApp)."""
LARGE_LIMIT = 50_000_000.0
"""Open items above this (Rupiah) are *large* (the AR manager calls personally)."""


def segmentation_sheet(book: Book, refs: LedgerRefs, facts: dict[str, Any]) -> None:
    t = book.t
    sh = titled(
        book,
        ("Segmentasi", "Segmentation"),
        ("Segmentasi Piutang Terbuka", "Segmentation of the Open Receivables"),
        widths=[40, 12, 14, 14, 16, 14, 12, 17],
        intro=(
            "Piutang terbuka per tanggal data dikelompokkan menurut umur, nilai per faktur dan "
            "peringkat bayar pelanggan (peringkat yang sama dengan sheet Daftar Tagih). Sel "
            "putih = rumus contoh (SUMIFS/COUNTIFS/SUMPRODUCT pada sheet Data); sel kuning = "
            "latihan Anda: tiap latihan perlu perhitungan sendiri.",
            "The open receivables at the data date grouped by age, amount per item and the "
            "customer's payer rating (the rating the Worklist sheet shows). White cells = "
            "worked formulas (SUMIFS/COUNTIFS/SUMPRODUCT on the Data sheet); yellow cells = "
            "your exercises: each needs a calculation of its own.",
        ),
    )
    led, items, policy = facts["led"], facts["items"], facts["policy"]
    sh.write("A4", t(("Parameter", "Parameters")), "h1")
    formula_rows(sh, 4, [(("Per tanggal", "As of"), "=" + refs.as_of_cell, AS_OF, "date")])
    cells = label_values(sh, 5, [
        (("Faktur kecil: sisa di bawah (Rp)", "Small item: balance below (Rp)"), SMALL_LIMIT, "money"),
        (("Faktur besar: sisa di atas (Rp)", "Large item: balance above (Rp)"), LARGE_LIMIT, "money"),
        (("Dibayar telat: lebih dari … hari setelah jatuh tempo",
          "Paid late: more than … days after the due date"), policy.late_tolerance_days, "int"),
        (("Baik: hari telat tertimbang paling lama (hari)", "Good: weighted days late at most"),
         policy.rating_good_days_late, "int"),
        (("Baik: porsi dibayar telat paling banyak", "Good: share paid late at most"),
         policy.rating_good_share_late, "pct"),
        (("Buruk: hari telat tertimbang lebih dari (hari)", "Poor: weighted days late above"),
         policy.rating_poor_days_late, "int"),
        (("Buruk: porsi dibayar telat lebih dari", "Poor: share paid late above"),
         policy.rating_poor_share_late, "pct"),
        (("Buruk: umur tunggakan lama lebih dari (hari)", "Poor: old debt is more than (days)"),
         policy.rating_overdue_days, "int"),
        (("Buruk: porsi saldo tunggakan lama lebih dari", "Poor: share of old debt above"),
         policy.rating_poor_share_overdue, "pct"),
    ])  # fmt: skip
    par = dict(zip(["small", "large", "late", "good_days", "good_share", "poor_days",
                    "poor_share", "old_days", "poor_old"], [f"${c[0]}${c[1:]}" for c in cells],
                   strict=True))  # fmt: skip
    par["as_of"] = "$B$5"
    paragraph(
        sh,
        "C6",
        7,
        ("Kecil < 10 jt ≤ Sedang ≤ 50 jt < Besar", "Small < 10 m ≤ Medium ≤ 50 m < Large"),
    )
    sh.merge(
        "C8:H10",
        t(
            (
                "Peringkat bayar (kebijakan kredit bawaan xl-ar): Buruk bila salah satu batas Buruk "
                "terlampaui; Baik bila kedua batas Baik terpenuhi; selain itu Sedang.",
                "Payer rating (the xl-ar default credit policy): Poor when any Poor limit is "
                "exceeded; Good when both Good limits are met; Average otherwise.",
            )
        ),
        "note",
    )  # three rows: the parameter rows keep one line each
    bal, due = refs.col("balance"), refs.col("due_date")
    top = 15
    age = _age_table(sh, book, top, bal, due, par["as_of"], led)
    top = _amount_table(sh, book, age + 3, bal, items, par["small"], par["large"])
    rows = _rating_table(sh, book, top + 3, refs, facts, par)
    _segmentation_exercises(sh, book, rows[1] + 3, facts, rows)
    sh.freeze = (4, 0)


def _segmentation_exercises(
    sh: Sheet, book: Book, top: int, facts: dict[str, Any], rating_rows: tuple[int, int]
) -> None:
    """Exercises of the Segmentation sheet; none is a cell of the worked tables."""
    lang = book.lang
    first, last = (r + 1 for r in rating_rows)
    items, review, late, led = facts["items"], facts["review"], facts["late"], facts["led"]
    s = hint_sep(lang)
    dpd, out = items["days_past_due"], items["outstanding"]
    old_undisputed = float(out[(dpd > 60) & ~items["disputed"]].sum())
    big_late = int(((out >= SMALL_LIMIT) & (dpd >= 1)).sum())
    late_items = (dpd >= 1) & ~items["disputed"] & (out > 0)
    late_days = weighted_average_days(out[late_items].tolist(), dpd[late_items].tolist())
    poor = review.loc[review["payer_rating"] == "poor", "customer"]
    chased = facts["customers"]["overdue"]
    poor_open = float(out[items["customer"].astype(str).isin(poor.astype(str))].sum())
    poor_share = float(chased.reindex(poor).sum()) / poor_open
    chronic = str(review.loc[review["weighted_days_late"].idxmax(), "customer"])
    simple = float(late[led["customer"] == chronic].dropna().mean())
    sisa, jt, sengketa, tidak = (book.t(x) for x in (("Sisa", "Balance"), ("Jatuh Tempo", "Due Date"),
                                                      ("Sengketa", "Disputed"), ("Tidak", "No")))  # fmt: skip
    poor_name = rating_name("poor", lang)
    exercise_header(sh, top, (0, 3), 4, (6, 7))
    rows = [
        (
            ("Saldo terbuka yang lewat jatuh tempo lebih dari 60 hari, tanpa faktur sengketa (Rp)",
             "Open balance more than 60 days past due, disputed invoices left out (Rp)"),
            old_undisputed, "money",
            f'SUMIFS({sisa}{s} {jt}{s} "<"&(B5-60){s} {sengketa}{s} "{tidak}").',
        ),
        (
            ("Jumlah faktur terbuka yang lewat jatuh tempo (jatuh tempo sebelum 31/12/2024) dengan "
             "sisa tagihan Rp 10.000.000 atau lebih; faktur sengketa ikut dihitung",
             "Number of open invoices past due (due before 31/12/2024) whose outstanding balance "
             "is Rp 10,000,000 or more; disputed invoices count too"),
            big_late, "count",
            f'COUNTIFS({sisa}{s} ">="&B6{s} {jt}{s} "<"&B5).',
        ),
        (
            ("Rata-rata hari lewat jatuh tempo, tertimbang sisa, atas faktur terbuka yang sudah "
             "lewat jatuh tempo (sisa > 0, tanpa sengketa) (hari)",
             "Balance-weighted average days past due of the open invoices that are past due "
             "(balance > 0, not disputed) (days)"),
            late_days, "days",
            book.t((f"Sheet Data: SUMPRODUCT atas kolom {sisa}, {jt} (hari = B5 − {jt}) dan "
                    f"{sengketa}, dibagi SUMIFS kolom {sisa}.",
                    f"Data sheet: SUMPRODUCT over the {sisa}, {jt} (days = B5 − {jt}) and "
                    f"{sengketa} columns, divided by a SUMIFS of the {sisa} column.")),
        ),
        (
            (f"Porsi saldo terbuka pelanggan berperingkat {poor_name} yang sudah lewat jatuh "
             "tempo tanpa sengketa (%)",
             f"Share of the open balance of the customers rated {poor_name} that is past due "
             "and undisputed (%)"),
            poor_share, "pct",
            book.t((f"SUMIF atas kolom G, H dan E tabel C (H / E untuk peringkat {poor_name}).",
                    f"SUMIF over columns G, H and E of table C (H / E for the rating "
                    f"{poor_name}).")),
        ),
        (
            (f"Rata-rata sederhana (tidak tertimbang) hari telat {chronic} atas faktur lunas (hari)",
             f"Simple (unweighted) average days late of {chronic} over its paid invoices (days)"),
            simple, "days",
            book.t(("Rumus kolom C tanpa ×Jumlah, dibagi kolom B (faktur lunas). Bandingkan "
                    "dengan rata-rata tertimbang di kolom C.",
                    "Column C's formula without ×Amount, divided by column B (paid invoices). "
                    "Compare with the weighted average in column C.")),
        ),
    ]  # fmt: skip
    for i, (question, answer, kind, hint) in enumerate(rows, start=1):
        ask(sh, top + i, question, answer, kind, hint, q=(0, 3), at=4, h=(6, 7))


@dataclass(frozen=True)
class _Class:
    """One row of a segment table: its label, COUNTIFS / SUMIFS criteria and the core's numbers."""

    label: str
    count_where: str  # criteria of the COUNTIFS (item count)
    sum_where: str  # criteria of the SUMIFS on the balance
    count: float
    amount: float


def _class_table(
    sh: Sheet, top: int, head: list[Text | None], classes: list[_Class], bal: str, note: Text
) -> int:
    """Header, one COUNTIFS | SUMIFS | % row per class, the Total row and a note.

    Columns B:C are left to the caller (the class's bounds); returns the total row.
    """
    header_row(sh, (top + 1, 0), head)
    first = top + 2
    total_row = first + len(classes)
    total = sum(c.amount for c in classes)
    for r, c in enumerate(classes, start=first):
        sh.write((r, 0), c.label)
        sh.formula((r, 3), f"=COUNTIFS({c.count_where})", expected=c.count, style="int")
        sh.formula((r, 4), f"=SUMIFS({bal},{c.sum_where})", expected=c.amount, style="money")
        sh.formula(
            (r, 5), f"={a1(r, 4)}/{a1(total_row, 4, absolute=True)}",
            expected=c.amount / total, style="pct",
        )  # fmt: skip
    sh.write((total_row, 0), "Total", "bold")
    for col, value, style in ((3, sum(c.count for c in classes), "int"),
                              (4, total, "total_money")):  # fmt: skip
        span = f"{a1(first, col)}:{a1(total_row - 1, col)}"
        sh.formula((total_row, col), f"=SUM({span})", expected=value, style=style)
    paragraph(sh, (total_row + 1, 0), 7, note)
    return total_row


def _age_table(
    sh: Sheet, book: Book, top: int, bal: str, due: str, as_of: str, led: pd.DataFrame
) -> int:
    """Open balance and number of items per age bucket (native SUMIFS/COUNTIFS).

    Returns the total row.
    """
    t = book.t
    amounts = aging(led, AS_OF, by="total")
    counts = aging(led, AS_OF, by="total", measure="count")
    sh.write(
        (top, 0), t(("A. Menurut umur (hari lewat jatuh tempo)", "A. By age (days past due)")), "h1"
    )
    bounds = [(None, 0), (1, 30), (31, 60), (61, 90), (91, None)]
    classes = []
    for r, (label, (lo, hi)) in enumerate(zip(bucket_labels(), bounds, strict=True), start=top + 2):
        crit = []
        if lo is not None:
            sh.write((r, 1), lo, "int")
            crit.append(f'{due},"<="&({as_of}-{a1(r, 1)})')
        if hi is not None:
            sh.write((r, 2), hi, "int")
            crit.append(f'{due},">="&({as_of}-{a1(r, 2)})')
        where = ",".join(crit)
        count, amount = float(counts.loc[0, label]), float(amounts.loc[0, label])
        name = bucket_name(label, book.lang)
        classes.append(_Class(name, f'{where},{bal},"<>0"', where, count, amount))
    head = [("Kelompok umur", "Age bucket"), ("Dari hari", "From day"), ("Sampai hari", "To day"),
            ("Jumlah item", "Items"), ("Saldo (Rp)", "Balance (Rp)"), ("% saldo", "% of balance")]  # fmt: skip
    note = (
        "Hari lewat jatuh tempo = tanggal data − jatuh tempo; jatuh tempo hari ini = belum jatuh "
        'tempo. Contoh 1-30 hari: SUMIFS(Sisa; Jatuh Tempo; "<="&(B5-1); Jatuh Tempo; '
        '">="&(B5-30)). Nota kredit ikut di kelompok umurnya (nilai negatif).',
        "Days past due = data date − due date; due today = current. E.g. 1-30 days: "
        'SUMIFS(Balance, Due Date, "<="&(B5-1), Due Date, ">="&(B5-30)). Credit notes '
        "stay in their bucket (negative amounts).",
    )
    return _class_table(sh, top, head, classes, bal, note)


def _amount_table(
    sh: Sheet, book: Book, top: int, bal: str, items: pd.DataFrame, small: str, large: str
) -> int:
    """Open items per amount class (native COUNTIFS/SUMIFS on the balance); the total row."""
    t = book.t
    sh.write(
        (top, 0), t(("B. Menurut nilai per faktur terbuka", "B. By amount of each open item")), "h1"
    )
    out = items["outstanding"].to_numpy()
    rules = [
        (("Kecil", "Small"), ("0 < sisa < 10 jt", "0 < balance < 10 m"),
         [f'{bal},">0"', f'{bal},"<"&{small}'], (out > 0) & (out < SMALL_LIMIT)),
        (("Sedang", "Medium"), ("10 jt ≤ sisa ≤ 50 jt", "10 m ≤ balance ≤ 50 m"),
         [f'{bal},">="&{small}', f'{bal},"<="&{large}'],
         (out >= SMALL_LIMIT) & (out <= LARGE_LIMIT)),
        (("Besar", "Large"), ("sisa > 50 jt", "balance > 50 m"), [f'{bal},">"&{large}'],
         out > LARGE_LIMIT),
        (("Kredit (nota kredit)", "Credits (credit notes)"), ("sisa < 0", "balance < 0"),
         [f'{bal},"<0"'], out < 0),
    ]  # fmt: skip
    classes = []
    for r, (name, rule, crit, mask) in enumerate(rules, start=top + 2):
        sh.merge(f"{a1(r, 1)}:{a1(r, 2)}", t(rule))
        where = ",".join(crit)
        classes.append(_Class(t(name), where, where, float(mask.sum()), float(out[mask].sum())))
    head = [("Kelas", "Class"), ("Kriteria", "Rule"), None, ("Jumlah item", "Items"),
            ("Saldo (Rp)", "Balance (Rp)"), ("% saldo", "% of balance")]  # fmt: skip
    note = (
        f"Kelas menentukan saluran: Kecil → pengingat otomatis ({stage_channel('preventive', 'id')}"
        f", {stage_owner('preventive', 'id')}), Sedang → telepon {stage_owner('overdue', 'id')}, "
        f"Besar → ditangani langsung {stage_owner('escalation', 'id')}.",
        f"The class sets the channel: Small → automatic reminders "
        f"({stage_channel('preventive', 'en')}, {stage_owner('preventive', 'en')}), Medium → "
        f"{stage_owner('overdue', 'en').lower()}'s call, Large → handled by the "
        f"{stage_owner('escalation', 'en')} in person.",
    )
    return _class_table(sh, top, head, classes, bal, note)


def _rating_table(
    sh: Sheet, book: Book, top: int, refs: LedgerRefs, facts: dict[str, Any], par: dict[str, str]
) -> tuple[int, int]:
    """Per-customer payment history and payer rating, as the core's credit review rates it.

    Native formulas reproduce the review's amount-weighted days late, share paid late, share
    of old undisputed debt and the rating; column H is the undisputed past-due amount the
    worklist chases. Returns the first and last data rows.
    """
    t, lang = book.t, book.lang
    review, chased = facts["review"], facts["customers"]["overdue"]
    sh.write(
        (top, 0), t(("C. Menurut peringkat bayar pelanggan", "C. By customer payer rating")), "h1"
    )
    paragraph(
        sh,
        (top + 1, 0),
        7,
        (
            "Riwayat = faktur yang lunas per tanggal data. Hari telat = MAX(0; Tanggal Bayar − "
            "Jatuh Tempo). Rata-rata tertimbang nilai = Σ(Jumlah × hari telat) / Σ Jumlah (faktur "
            "besar lebih berbobot). Porsi dibayar telat = nilai yang dibayar lebih dari 15 hari "
            "setelah jatuh tempo / nilai lunas. Tunggakan lama = lewat jatuh tempo lebih dari 60 "
            "hari, tanpa sengketa, dibagi saldo terbuka. Kolom H = tunggakan tanpa sengketa "
            "(yang ditagih, sama dengan sheet Daftar Tagih).",
            "History = the invoices paid in full by the data date. Days late = MAX(0, Payment "
            "Date − Due Date). Amount-weighted average = Σ(Amount × days late) / Σ Amount (large "
            "invoices weigh more). Share paid late = amount paid more than 15 days after the due "
            "date / amount paid. Old debt = more than 60 days past due, undisputed, over the open "
            "balance. Column H = undisputed past-due balance (what is chased, as on the Worklist "
            "sheet).",
        ),
    )
    header = [("Pelanggan", "Customer"), ("Faktur lunas", "Paid invoices"),
              ("Hari telat, rata-rata tertimbang nilai", "Days late, amount-weighted average"),
              ("Porsi dibayar telat > 15 hari", "Share paid > 15 days late"),
              ("Saldo terbuka (Rp)", "Open balance (Rp)"),
              ("Porsi tunggakan lama (> 60 hari)", "Share of old debt (> 60 days)"),
              ("Peringkat bayar", "Payer rating"),
              ("Tunggakan tanpa sengketa (Rp)", "Undisputed past due (Rp)")]  # fmt: skip
    header_row(sh, (top + 2, 0), header, height=3 * LINE_HEIGHT)
    cust, kind, bal = refs.col("customer"), refs.col("kind"), refs.col("balance")
    due, pay, disp = refs.col("due_date"), refs.col("payment_date"), refs.col("disputed")
    amount = refs.col("amount")
    invoice, no = t(("Faktur", "Invoice")), t(("Tidak", "No"))
    as_of = par["as_of"]
    good, average, poor = (rating_name(k, lang) for k in ("good", "average", "poor"))
    first = top + 3
    for i, rec in enumerate(review.itertuples(index=False)):
        r = first + i
        me = f"$A{r + 1}"
        settled = f'{cust},{me},{kind},"{invoice}",{bal},0,{pay},"<="&{as_of}'
        paid = f"SUMIFS({amount},{settled})"
        rows = (f"({cust}={me})*({kind}=\"{invoice}\")*({bal}=0)*({pay}<>\"\")"
                f"*({pay}<={as_of})")  # fmt: skip
        c, d, e, f = (a1(r, k) for k in range(2, 6))
        sh.write((r, 0), rec.customer)
        cells = [
            (1, f"=COUNTIFS({settled})", float(rec.paid_invoices), "int"),
            (2, f"=SUMPRODUCT({rows}*({pay}>{due})*({pay}-{due})*{amount})/{paid}",
             float(rec.weighted_days_late), "days"),
            (3, f"=SUMPRODUCT({rows}*(({pay}-{due})>{par['late']})*{amount})/{paid}",
             float(rec.share_paid_late), "pct"),
            (4, f"=SUMIFS({bal},{cust},{me})", float(rec.open_ar), "money"),
            (5, f'=SUMIFS({bal},{cust},{me},{due},"<"&({as_of}-{par["old_days"]}),{disp},"{no}")'
                f"/{e}", float(rec.over_60_share), "pct"),
            (6, f'=IF(OR({c}>{par["poor_days"]},{d}>{par["poor_share"]},{f}>{par["poor_old"]}),'
                f'"{poor}",IF(AND({c}<={par["good_days"]},{d}<={par["good_share"]}),"{good}",'
                f'"{average}"))', rating_name(rec.payer_rating, lang), None),
            (7, f'=SUMIFS({bal},{cust},{me},{due},"<"&{as_of},{disp},"{no}",{bal},">0")',
             float(chased[rec.customer]), "money"),
        ]  # fmt: skip
        for col, formula, expected, style in cells:
            sh.formula((r, col), formula, expected=expected, style=style)
    last = first + len(review) - 1
    paragraph(
        sh,
        (last + 1, 0),
        7,
        (
            "Pelanggan tanpa saldo terbuka tidak tercantum. Tanpa faktur lunas peringkatnya "
            "'Belum dinilai' (tidak ada di contoh ini).",
            "Customers without an open balance are not listed. Without paid invoices the "
            "rating is 'Unrated' (none in this example).",
        ),
    )
    return first, last
