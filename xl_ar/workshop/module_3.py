"""Workshop module 3: effective, tiered collections (segmentation, strategy, worklist, letters).

Sheets (Indonesian / English names):

* **Petunjuk / Instructions** — the cover;
* **Data** — the shared workshop ledger (:func:`xl_ar.workshop.data.write_ledger`);
* **Segmentasi / Segmentation** — open items by age bucket (core :func:`~xl_ar.core.aging.aging`,
  bucket names from :mod:`xl_ar.workshop.terms`), by amount class (small < Rp 10 jt, medium
  Rp 10-50 jt, large > Rp 50 jt) and by the core's payer rating
  (:func:`~xl_ar.core.credit_review.credit_review`, the rating the worklist shows): native
  COUNTIFS/SUMIFS/SUMPRODUCT reproduce the amount-weighted days late, the share paid late and
  the rating. No summary row answers an exercise: each needs its own calculation;
* **Strategi / Strategy** — the core default strategy (names, channels and owners from the term
  list, interest as a number) and the stage of a number of days past due (VLOOKUP /
  INDEX-MATCH; answers from the core's :func:`~xl_ar.core.strategy.assign_stages`, minimum
  amounts included);
* **Daftar Tagih / Worklist** — the core worklist at :data:`~xl_ar.workshop.data.AS_OF` with the
  columns of its priority (risk, overdue, oldest days past due) and the priority as a native
  formula; the disputed invoices listed apart (out of the dunning run, tracked to resolution);
* **Bunga / Interest** — dunning interest: the golden example of the domain notes (100, 15 days,
  10 % p.a., fee 10 → 0.41 / 10.41 / 110.41), a Rupiah example from the ledger with native
  formulas and ``AR_INTEREST`` beside, and a Rupiah exercise on an invoice no sheet prints;
* **Surat / Letters** — a worked letter (core :func:`~xl_ar.core.letters.letter_text`, another
  customer than the exercises), exercises on a letter that is not printed, and every stage's
  template with readable field markers and their legend.

The layout (exercise rows, notes, headers) comes from :mod:`xl_ar.workshop.layout`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.aging import aging, bucket_labels
from xl_ar.core.credit_policy import read_policy
from xl_ar.core.credit_review import credit_review
from xl_ar.core.interest import dunning_charges, late_interest
from xl_ar.core.letters import PLACEHOLDERS, letter_text, load_templates
from xl_ar.core.open_items import open_items
from xl_ar.core.payment_behaviour import days_late
from xl_ar.core.strategy import assign_stages, default_strategy, strategy_table
from xl_ar.core.worklist import AGE_CAP_DAYS, PRIORITY_WEIGHTS, assess, priority_score, worklist
from xl_ar.workshop.book import Book, Sheet, a1
from xl_ar.workshop.data import AS_OF, COMPANY, LedgerRefs, core_ledger, write_ledger
from xl_ar.workshop.layout import (
    LINE_HEIGHT,
    ask,
    autofit_book,
    exercise_header,
    formula_rows,
    grow_row,
    header_row,
    label_values,
    new_book,
    paragraph,
    put,
    titled_sheet,
)
from xl_ar.workshop.terms import (
    ORDER_HOLD_DPD,
    STAGES,
    bucket_name,
    rating_name,
    stage_channel,
    stage_name,
    stage_owner,
)

__all__ = [
    "CASE_AMOUNT",
    "CONTACT",
    "LARGE_LIMIT",
    "MARKERS",
    "SMALL_CASE_AMOUNT",
    "SMALL_LIMIT",
    "build",
    "letter_contact",
]

Text = tuple[str, str]

SMALL_LIMIT = 10_000_000.0
"""Open items below this (Rupiah) are *small* (reminders by email/WhatsApp)."""
LARGE_LIMIT = 50_000_000.0
"""Open items above this (Rupiah) are *large* (the AR manager calls personally)."""
CASE_AMOUNT = 12_000_000.0
"""Overdue amount of the strategy exercises (above the legal stage's minimum)."""
SMALL_CASE_AMOUNT = 3_000_000.0
"""Overdue amount of the exercise that meets the legal stage's minimum amount rule."""
TITLE_HEIGHT = 24.0
"""Height of row 1 (a 16-point title), so the row-2 note does not overlap it."""
WORKED_STAGE = "escalation"
"""Stage of the worked letter and of the Rupiah interest example (it charges interest)."""

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

MARKERS: dict[str, tuple[Text, Text]] = {
    # placeholder: (marker shown in the template, what it becomes)
    "company": (("Nama perusahaan Anda", "Your company"),
                ("Kop surat: nama perusahaan penagih.", "Letterhead: the name of your company.")),
    "as_of": (("Tanggal surat", "Letter date"),
              ("Tanggal data, ditulis lengkap (31 Desember 2024).",
               "The data date in full (31 December 2024).")),
    "customer": (("Nama pelanggan", "Customer name"),
                 ("Nama pelanggan seperti di buku besar.", "The customer as named in the ledger.")),
    "invoice_table": (
        ("Tabel faktur", "Invoice table"),
        ("Faktur tanpa sengketa yang ditagih: nomor, tanggal faktur, jatuh tempo, hari lewat "
         "(atau hari lagi), sisa tagihan, bunga per faktur bila tahap mengenakan bunga, dan "
         "baris Total.",
         "The undisputed invoices chased: number, invoice date, due date, days overdue (or "
         "days to due), outstanding, interest per invoice when the stage charges it, and a "
         "Total line.")),
    "invoice_count": (("Jumlah faktur", "Number of invoices"),
                      ("Banyaknya faktur di tabel.", "How many invoices the table lists.")),
    "total_due": (("Total faktur", "Invoice total"),
                  ("Jumlah sisa faktur di tabel.", "Outstanding total of the table.")),
    "total_overdue": (("Total tunggakan", "Total overdue"),
                      ("Sisa faktur tanpa sengketa yang lewat jatuh tempo.",
                       "Outstanding of the undisputed past-due invoices.")),
    "oldest_due_date": (("Jatuh tempo tertua", "Oldest due date"),
                        ("Jatuh tempo paling awal di tabel.", "Earliest due date in the table.")),
    "pay_by": (("Batas tanggal bayar", "Pay-by date"),
               ("Tanggal surat + 7 hari; surat sebelum jatuh tempo: jatuh tempo terdekat di tabel.",
                "Letter date + 7 days; before the due date: the earliest due date in the table.")),
    "total_payable": (("Jumlah yang harus dibayar", "Amount payable"),
                      ("Total faktur − kredit + bunga + biaya (tidak kurang dari 0).",
                       "Invoice total − credits + interest + fee (never below 0).")),
    "interest": (("Total bunga", "Total interest"),
                 ("Jumlah bunga per faktur (dibulatkan ke Rupiah).",
                  "Sum of the interest per invoice (rounded to the Rupiah).")),
    "fee": (("Biaya penagihan", "Collection fee"),
            ("Biaya tetap tahap ini, sekali per surat.", "The stage's fixed fee, once per letter.")),
    "dunning_amount": (("Jumlah denda", "Dunning amount"),
                       ("Bunga + biaya penagihan.", "Interest + collection fee.")),
    "annual_rate": (("Bunga per tahun", "Annual rate"),
                    ("Bunga per tahun tahap ini (sheet Strategi).",
                     "The stage's annual interest rate (Strategy sheet).")),
    "credits": (("Kredit terbuka", "Open credits"),
                ("Nota kredit / pembayaran yang belum dialokasikan.",
                 "Credit notes / unallocated payments.")),
    "credits_block": (("Paragraf kredit", "Credits paragraph"),
                      ("Kredit terbuka yang dikurangkan; hilang bila tidak ada.",
                       "Open credits deducted; left out when there are none.")),
    "interest_block": (("Paragraf bunga", "Interest paragraph"),
                       ("Bunga (dan biaya) tahap ini; hilang bila tahap tidak mengenakan bunga.",
                        "The stage's interest (and fee); left out when it charges none.")),
    "promise_block": (("Paragraf janji bayar", "Promise paragraph"),
                      ("Janji bayar yang tidak ditepati; hilang bila tidak ada.",
                       "A broken promise to pay; left out when there is none.")),
    "disputed_block": (("Paragraf sengketa", "Dispute paragraph"),
                       ("Faktur sengketa yang tidak ditagih di surat ini; hilang bila tidak ada.",
                        "Disputed invoices left out of this letter; left out when none.")),
    "payment_block": (("Kalimat rekening bank", "Bank-account sentence"),
                      ("Rekening tujuan transfer.", "The account to pay into.")),
    "contact_block": (("Tanda tangan", "Signature"),
                      ("Nama, jabatan, perusahaan, telepon, email penanda tangan: pemilik tahap "
                       "(kolom PIC di sheet Strategi).",
                       "Name, title, company, phone, email of the signer: the stage's owner "
                       "(Owner column of the Strategy sheet).")),
    "contact_name": (("Nama penanda tangan", "Signer's name"), ("Nama.", "Name.")),
    "contact_title": (("Jabatan penanda tangan", "Signer's title"), ("Jabatan.", "Title.")),
    "contact_phone": (("Telepon", "Phone"), ("Telepon.", "Phone.")),
    "contact_email": (("Email", "Email"), ("Email.", "Email.")),
    "stage": (("Tahap", "Stage"), ("Nama tahap.", "Stage name.")),
}  # fmt: skip
"""Readable marker and meaning of every letter placeholder (the Letters sheet's legend)."""


# --------------------------------------------------------------------------- texts


def _money_id(value: float) -> str:
    return f"Rp {value:,.0f}".replace(",", ".")


def _sep(lang: str) -> str:
    """The argument separator of formula hints: ``;`` in Indonesian, ``,`` in English."""
    return ";" if lang == "id" else ","


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


# --------------------------------------------------------------------------- core facts


def _facts(lang: str) -> dict[str, Any]:
    """Everything the sheets need from the core, computed once per build."""
    led = core_ledger(lang)
    items = open_items(led, AS_OF)
    review = credit_review([["Customer", "Credit Limit"]], led, AS_OF)
    customers = assess(led, AS_OF).customers.set_index("customer")
    return {
        "led": led,
        "items": items,
        "worklist": worklist(led, AS_OF, lang=lang),
        "strategy": default_strategy(),
        "late": days_late(led),
        "review": review.sort_values("customer", kind="stable").reset_index(drop=True),
        "customers": customers,
        "policy": read_policy(None),
    }


def _stage_of(st: pd.DataFrame, dpd: float, amount: float) -> str:
    """The core's stage key for a customer whose oldest item is ``dpd`` days past due."""
    overdue = amount if dpd >= 1 else 0.0
    due_soon = amount if dpd <= 0 else 0.0
    pos = assign_stages(st, np.array([dpd]), np.array([overdue]), np.array([due_soon]))[0]
    if pos < 0:
        raise ValueError(f"no stage for {dpd} days past due and amount {amount}")
    return str(st["stage"].iloc[pos])


def _row_of(led: pd.DataFrame, invoice: str) -> int:
    """Zero-based data row of an invoice on the Data sheet."""
    return int(np.flatnonzero(led["invoice"].to_numpy() == invoice)[0])


def _titled(book: Book, name: Text, title: Text, **options: Any) -> Sheet:
    """:func:`~xl_ar.workshop.layout.titled_sheet` with a row 1 tall enough for the title."""
    sh = titled_sheet(book, name, title, **options)
    grow_row(sh, 0, TITLE_HEIGHT)
    return sh


# --------------------------------------------------------------------------- segmentation


def _segmentation(book: Book, refs: LedgerRefs, facts: dict[str, Any]) -> None:
    t = book.t
    sh = _titled(
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
    s = _sep(lang)
    dpd, out = items["days_past_due"], items["outstanding"]
    old_undisputed = float(out[(dpd > 60) & ~items["disputed"]].sum())
    big_late = int(((out >= SMALL_LIMIT) & (dpd >= 1)).sum())
    past_due_share = float(out[dpd >= 1].sum()) / float(out.sum())
    poor = review.loc[review["payer_rating"] == "poor", "customer"]
    chased = facts["customers"]["overdue"]
    poor_chased = float(chased.reindex(poor).sum())
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
            ("Porsi saldo terbuka yang sudah lewat jatuh tempo (%)",
             "Share of the open balance that is past due (%)"),
            past_due_share, "pct",
            book.t(("(Total − Belum jatuh tempo) / Total, dari tabel A; format persen.",
                    "(Total − Current) / Total, from table A; percent format.")),
        ),
        (
            (f"Tunggakan tanpa sengketa (kolom H) dari pelanggan berperingkat {poor_name} (Rp)",
             f"Undisputed past-due balance (column H) of the customers rated {poor_name} (Rp)"),
            poor_chased, "money",
            f'SUMIF(G{first}:G{last}{s} "{poor_name}"{s} H{first}:H{last}).',
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


# --------------------------------------------------------------------------- strategy


def _strategy(book: Book, facts: dict[str, Any]) -> None:
    t, lang = book.t, book.lang
    st = facts["strategy"]
    sh = _titled(
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
    s = _sep(lang)
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
    s = _sep(lang)
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
            f"Kasus {i}: faktur tertua {plain} hari lewat jatuh tempo, tunggakan {_money_id(amount)}",
            f"Case {i}: oldest invoice {plain} days past due, overdue Rp {amount:,.0f}",
        )
        hint = (
            (f"Ketik nama tahap, atau =VLOOKUP(B{r + 1}{s} tabel bantu{s} 2{s} TRUE).",
             f"Type the stage name, or =VLOOKUP(B{r + 1}{s} helper table{s} 2{s} TRUE).")
            if amount >= legal
            else (f"Perhatikan 'Jumlah minimal' tahap {stage_name('legal', 'id')} "
                  f"({_money_id(legal)}).",
                  f"Mind the {stage_name('legal', 'en')} stage's 'Min amount' "
                  f"(Rp {legal:,.0f}).")
        )  # fmt: skip
        ask(
            sh, r, question, stage_name(key, lang), "text", hint,
            q=(0, 0), at=3, h=(5, 6), label=(f"Kasus {i}", f"Case {i}"),
        )  # fmt: skip


# --------------------------------------------------------------------------- worklist


def _worklist(book: Book, facts: dict[str, Any]) -> None:
    lang = book.lang
    wl, items, customers = facts["worklist"], facts["items"], facts["customers"]
    w = {k: f"{v:g}" for k, v in PRIORITY_WEIGHTS.items()}
    cap = f"{AGE_CAP_DAYS:g}"
    sh = _titled(
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
    s = _sep(lang)
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
    wl, items, st = facts["worklist"], facts["items"], facts["strategy"]
    s = _sep(lang)
    first, last = rows
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
    esc = list(st["stage"]).index("escalation")
    later = list(st["stage"].iloc[esc:])
    n_escalated = int(wl["stage"].isin(later).sum())
    top_share = float(wl["overdue"].iloc[0]) / float(wl["overdue"].sum())
    names = {k: ", ".join(stage_name(x, k) for x in later) for k in ("id", "en")}
    w_amount = f"{PRIORITY_WEIGHTS['amount']:g}"
    r2 = first + 2  # the second customer's row (one-based)
    overdue_range = f"C{first + 1}:C{last + 1}"
    exercise_header(sh, top, (0, 2), 3, (5, 8))
    rows_ex = [
        (
            (f"Poin prioritas {second['customer']} dari unsur tunggakan "
             f"({w_amount} × tunggakan / tunggakan terbesar)",
             f"Priority points of {second['customer']} from the overdue term "
             f"({w_amount} × overdue / largest overdue)"),
            amount_term, "number",
            (f"={w_amount}*C{r2}/MAX({overdue_range}) (2 desimal).",
             f"={w_amount}*C{r2}/MAX({overdue_range}) (2 decimals)."),
        ),
        (
            (f"Jumlah pelanggan di tahap {stage_name('escalation', 'id')} atau lebih lanjut "
             f"({names['id']})",
             f"Customers at the {stage_name('escalation', 'en')} stage or later ({names['en']})"),
            n_escalated, "count",
            ("COUNTIF pada kolom Tahap, satu per nama tahap.",
             "COUNTIF on the Stage column, one per stage name."),
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
            ("Porsi tunggakan (Lewat JT) milik pelanggan prioritas tertinggi (%)",
             "Share of the overdue amount owed by the top-priority customer (%)"),
            top_share, "pct",
            ("Lewat JT baris teratas / total Lewat JT.",
             "Overdue of the top row / total overdue."),
        ),
    ]  # fmt: skip
    for i, (question, answer, kind, hint) in enumerate(rows_ex, start=1):
        ask(sh, top + i, question, answer, kind, hint, q=(0, 2), at=3, h=(5, 8))


# --------------------------------------------------------------------------- interest


def _interest(book: Book, refs: LedgerRefs, facts: dict[str, Any]) -> None:
    t, lang = book.t, book.lang
    wl, items, st, led = facts["worklist"], facts["items"], facts["strategy"], facts["led"]
    sh = _titled(
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
         ("=B5*B7/B9*B6 (cukup 2 desimal).", "=B5*B7/B9*B6 (2 decimals are enough).")),
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


# --------------------------------------------------------------------------- letters


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


def _letters(book: Book, facts: dict[str, Any]) -> None:
    t, lang = book.t, book.lang
    wl = facts["worklist"]
    worked = str(wl.loc[wl["stage"] == WORKED_STAGE, "customer"].iloc[0])
    asked = str(wl["customer"].iloc[0])
    ahead = str(wl.loc[wl["stage"] == "preventive", "customer"].iloc[0])
    if len({worked, asked, ahead}) < 3:
        raise ValueError("the worked letter and the letter exercises need three customers")
    sh = _titled(
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
        contact=letter_contact(stage, lang),
    )  # fmt: skip
    sh.write(
        (row, 0),
        t((f"1. Contoh surat: {worked} — tahap {stage_name(stage, 'id')}, ditandatangani "
           f"{stage_owner(stage, 'id')}",
           f"1. Worked letter: {worked} — {stage_name(stage, 'en')} stage, signed by the "
           f"{stage_owner(stage, 'en')}")),
        "h1",
    )  # fmt: skip
    row = _lines(sh, row + 1, text)
    _template_part(sh, book, row + 1, facts["strategy"])


def _letter_exercises(
    sh: Sheet, book: Book, top: int, facts: dict[str, Any], asked: str, ahead: str
) -> int:
    """Numbers of two letters that are not printed; returns the next free row."""
    lang = book.lang
    s = _sep(lang)
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
            (f"Faktur yang dicantumkan − kredit + bunga + biaya (biaya tahap ini {_money_id(due['fee'])}).",
             f"Invoices listed − credits + interest + fee (this stage's fee: Rp {due['fee']:,.0f})."),
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


def _marker(key: str, stage: str, lang: str) -> str:
    """The readable marker of a placeholder in ``stage``'s template: «Customer name»."""
    if key not in MARKERS:
        raise ValueError(f"letter placeholder {{{key}}} has no marker in MARKERS")
    label = MARKERS[key][0][0 if lang == "id" else 1]
    if key == "contact_block":
        label = f"{label}: {stage_owner(stage, lang)}"
    return f"«{label}»"


def _readable(template: str, stage: str, lang: str) -> tuple[str, list[str]]:
    """A template with its placeholders as markers, and the placeholders it uses (in order)."""
    used: list[str] = []

    def mark(hit: Any) -> str:
        token = hit.group(0)
        if token in ("{{", "}}"):
            return token[0]
        key = hit.group(1)
        if key not in used:
            used.append(key)
        return _marker(key, stage, lang)

    text = re.sub(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}", mark, template)
    return text, used


def _template_part(sh: Sheet, book: Book, row: int, st: pd.DataFrame) -> int:
    """Part 2: the legend of the field markers, then every stage's template."""
    t, lang = book.t, book.lang
    sh.write((row, 0), t(("2. Templat surat per tahap", "2. Letter templates by stage")), "h1")
    templates = load_templates()
    shown = [(key, *_readable(templates[(lang, key)], key, lang)) for key in STAGES
             if (lang, key) in templates]  # fmt: skip
    used = [k for k in PLACEHOLDERS if any(k in keys for _, _, keys in shown)]
    row += 1
    paragraph(
        sh,
        (row, 0),
        7,
        (
            "Keterangan isian «…»: diisi otomatis oleh AR_LETTER dari buku besar, strategi dan "
            "data kontak. Paragraf yang tidak berlaku hilang dari surat.",
            "Legend of the «…» fields: AR_LETTER fills them in from the ledger, the strategy "
            "and the contact details. Paragraphs that do not apply are left out.",
        ),
    )
    row += 1
    header_row(sh, (row, 0), [("Isian", "Field"), None, ("Artinya", "What it becomes")])
    sh.merges.append((f"{a1(row, 0)}:{a1(row, 1)}", "header"))
    sh.merges.append((f"{a1(row, 2)}:{a1(row, 7)}", "header"))
    for key in used:
        row += 1
        marker, meaning = MARKERS[key]
        label = f"«{t(marker)}»"
        put(sh, row, (0, 1), label, "wrap")
        put(sh, row, (2, 7), t(meaning), "wrap")
    paragraph(
        sh,
        (row + 1, 0),
        7,
        (
            f"Penanda tangan = PIC tahap di sheet Strategi; somasi (tahap {stage_name('legal', 'id')}) "
            f"ditandatangani PIC-nya: {stage_owner('legal', 'id')}.",
            f"Signer = the stage's owner on the Strategy sheet; a formal demand (somasi, "
            f"{stage_name('legal', 'en')} stage) is signed by its owner: "
            f"{stage_owner('legal', 'en')}.",
        ),
    )
    row += 2
    for key, text, _ in shown:
        row += 1
        heading = t((f"Tahap {stage_name(key, 'id')} — PIC: {stage_owner(key, 'id')}",
                     f"{stage_name(key, 'en')} stage — owner: {stage_owner(key, 'en')}"))  # fmt: skip
        sh.write((row, 0), heading, "bold")
        row = _lines(sh, row + 1, text)
    return row


def _lines(sh: Sheet, row: int, text: str) -> int:
    """Write ``text`` one line per row in column A, fixed-width (aligned tables); next row."""
    for line in text.rstrip("\n").split("\n"):
        if line:
            sh.write((row, 0), line, "mono")
        row += 1
    return row


# --------------------------------------------------------------------------- the book


def build(lang: str) -> Book:
    """Build the module 3 workbook in ``lang`` (``"id"`` or ``"en"``).

    Examples
    --------
    >>> book = build("en")
    >>> [s.name for s in book.sheets]
    ['Instructions', 'Data', 'Segmentation', 'Strategy', 'Worklist', 'Interest', 'Letters']
    """
    heading = (
        "Modul 3 — Strategi Penagihan Piutang Efektif & Berjenjang",
        "Module 3 — Effective, Tiered Collections",
    )
    book = new_book(
        "module_3",
        lang,
        heading,
        [
            ("Sesi 3.1: segmentasi piutang menurut umur, nilai dan profil pelanggan; penagihan "
             "preventif dan dini", "Session 3.1: segmenting receivables by age, amount and "
             "customer profile; preventive and early collection"),
            ("Sesi 3.2: komunikasi tertulis yang jelas, tegas dan profesional (surat per tahap)",
             "Session 3.2: clear, firm and professional written communication (letters by stage)"),
            ("Sesi 3.3: strategi berjenjang, eskalasi, bunga keterlambatan, somasi",
             "Session 3.3: tiered strategy, escalation, late interest, formal demand (somasi)"),
        ],
        [
            ("Data: buku besar piutang contoh (sama untuk modul 1, 3, 4, 5). Jangan diubah.",
             "Data: the sample AR ledger (shared by modules 1, 3, 4, 5). Do not change it."),
            ("Segmentasi: pelajari rumus SUMIFS/COUNTIFS/SUMPRODUCT, lalu isi sel kuning.",
             "Segmentation: study the SUMIFS/COUNTIFS/SUMPRODUCT formulas, then fill the yellow "
             "cells."),
            ("Strategi: tentukan tahap penagihan tiap kasus (boleh dengan VLOOKUP).",
             "Strategy: find the collection stage of each case (VLOOKUP allowed)."),
            ("Daftar Tagih: pahami rumus prioritas dan hitung target minggu ini.",
             "Worklist: understand the priority formula and compute this week's target."),
            ("Bunga: hitung bunga keterlambatan (contoh buku teks dan Rupiah).",
             "Interest: compute late interest (textbook and Rupiah examples)."),
            ("Surat: pelajari contoh surat, hitung angka surat yang tidak dicetak, baca templat "
             "tiap tahap.",
             "Letters: study the worked letter, compute the numbers of the letters not printed, "
             "read each stage's template."),
            ("Skor di sel C6 naik setiap jawaban benar (✓).",
             "The score in C6 goes up with every correct answer (✓)."),
        ],
    )  # fmt: skip
    facts = _facts(lang)
    refs = write_ledger(book, book.sheet("Data"))
    _segmentation(book, refs, facts)
    _strategy(book, facts)
    _worklist(book, facts)
    _interest(book, refs, facts)
    _letters(book, facts)
    autofit_book(book)
    return book
