"""Workshop module 3: effective, tiered collections (segmentation, strategy, worklist, letters).

Sheets (Indonesian / English names):

* **Petunjuk / Instructions** — the cover;
* **Data** — the shared workshop ledger (:func:`xl_ar.workshop.data.write_ledger`);
* **Segmentasi / Segmentation** — open items by age bucket (core :func:`~xl_ar.core.aging.aging`
  buckets), by amount class (small < Rp 10 jt, medium Rp 10-50 jt, large > Rp 50 jt) and by
  payment profile (average days late per customer, core
  :func:`~xl_ar.core.payment_behaviour.days_late`), with native SUMIFS/COUNTIFS;
* **Strategi / Strategy** — the core default strategy (:func:`~xl_ar.core.strategy.strategy_table`)
  and the stage of a number of days past due (VLOOKUP / INDEX-MATCH; answers from the core's
  :func:`~xl_ar.core.strategy.assign_stages`, minimum amounts included);
* **Daftar Tagih / Worklist** — the core worklist at :data:`~xl_ar.workshop.data.AS_OF`;
* **Bunga / Interest** — dunning interest: the golden example of the domain notes (100, 15 days,
  10 % p.a., fee 10 → 0.41 / 10.41 / 110.41), a Rupiah example from the ledger with native
  formulas and ``AR_INTEREST`` beside, and a Rupiah exercise;
* **Surat / Letters** — the filled letter of the top-priority customer (core
  :func:`~xl_ar.core.letters.letter_text`) and the letter templates of every stage.

The layout (exercise rows, notes, headers) comes from :mod:`xl_ar.workshop.layout`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.aging import aging, bucket_labels
from xl_ar.core.interest import dunning_charges, late_interest
from xl_ar.core.letters import letter_text, load_templates
from xl_ar.core.open_items import open_items
from xl_ar.core.payment_behaviour import days_late
from xl_ar.core.strategy import assign_stages, default_strategy, strategy_table
from xl_ar.core.worklist import worklist
from xl_ar.workshop.book import Book, Sheet, a1, col_range
from xl_ar.workshop.data import AS_OF, COMPANY, LedgerRefs, core_ledger, write_ledger
from xl_ar.workshop.layout import (
    ask,
    exercise_header,
    formula_rows,
    header_row,
    label_values,
    new_book,
    paragraph,
    tall_rows,
    titled_sheet,
)

__all__ = ["SMALL_LIMIT", "LARGE_LIMIT", "STAGE_NAMES", "build", "stage_name"]

Text = tuple[str, str]

SMALL_LIMIT = 10_000_000.0
"""Open items below this (Rupiah) are *small* (reminders by email/WhatsApp)."""
LARGE_LIMIT = 50_000_000.0
"""Open items above this (Rupiah) are *large* (the AR manager calls personally)."""
PROMPT_DAYS = 5.0
"""Average days late up to this: a *prompt* payer."""
LATE_DAYS = 30.0
"""Average days late up to this (above :data:`PROMPT_DAYS`): *occasionally late*; above: *chronic*."""
CASE_AMOUNT = 12_000_000.0
"""Overdue amount of the strategy exercises (above the legal stage's minimum)."""
SMALL_CASE_AMOUNT = 3_000_000.0
"""Overdue amount of the exercise that meets the legal stage's minimum amount rule."""

STAGE_NAMES: dict[str, Text] = {
    "preventive": ("Preventif", "Preventive"),
    "early": ("Dini", "Early"),
    "overdue": ("Lewat Jatuh Tempo", "Overdue"),
    "escalation": ("Eskalasi", "Escalation"),
    "legal": ("Hukum", "Legal"),
    "write_off": ("Hapus Buku", "Write-off"),
}
"""Display names of the default stages (each maps back to its key with ``stage_key``)."""

PROFILES: tuple[Text, Text, Text] = (
    ("Lancar", "Prompt"),
    ("Kadang Terlambat", "Occasionally late"),
    ("Bermasalah", "Chronic late"),
)
RATINGS: dict[str, Text] = {
    "good": ("Baik", "Good"),
    "average": ("Sedang", "Average"),
    "poor": ("Buruk", "Poor"),
    "unrated": ("Belum dinilai", "Unrated"),
}
CONTACT: dict[str, Text] = {
    "name": ("Sari Handayani", "Sari Handayani"),
    "title": ("Kepala Bagian Piutang", "Head of Accounts Receivable"),
    "phone": ("021-555 0101", "+62 21 555 0101"),
    "email": ("piutang@sinarniaga.co.id", "piutang@sinarniaga.co.id"),
    "bank": (
        "BCA 123-456-7890 a.n. PT Sinar Niaga Distribusi",
        "BCA 123-456-7890 in the name of PT Sinar Niaga Distribusi",
    ),
}


# --------------------------------------------------------------------------- texts


def stage_name(key: str, lang: str) -> str:
    """Display name of a default stage key in ``lang`` (``"escalation"`` → ``"Eskalasi"``)."""
    names = STAGE_NAMES[key]
    return names[0] if lang == "id" else names[1]


def _money_id(value: float) -> str:
    return f"Rp {value:,.0f}".replace(",", ".")


# --------------------------------------------------------------------------- core facts


def _facts(lang: str) -> dict[str, Any]:
    """Everything the sheets need from the core, computed once per build."""
    led = core_ledger(lang)
    items = open_items(led, AS_OF)
    wl = worklist(led, AS_OF, lang=lang)
    st = default_strategy()
    late = days_late(led)
    return {"led": led, "items": items, "worklist": wl, "strategy": st, "late": late}


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


# --------------------------------------------------------------------------- sheets


def _segmentation(book: Book, refs: LedgerRefs, facts: dict[str, Any]) -> None:
    t = book.t
    sh = titled_sheet(
        book,
        ("Segmentasi", "Segmentation"),
        ("Segmentasi Piutang Terbuka", "Segmentation of the Open Receivables"),
        widths=[38, 11, 11, 16, 17, 16, 17, 17],
        intro=(
            "Piutang terbuka per tanggal data dikelompokkan menurut umur, nilai faktur dan "
            "profil bayar pelanggan. Sel putih = rumus contoh (SUMIFS/COUNTIFS pada "
            "sheet Data); sel kuning = latihan Anda.",
            "The open receivables at the data date grouped by age, invoice amount and the "
            "customer's payment profile. White cells = worked formulas (SUMIFS/COUNTIFS on "
            "the Data sheet); yellow cells = your exercises.",
        ),
    )
    led, items = facts["led"], facts["items"]
    # parameters
    sh.write("A4", t(("Parameter", "Parameters")), "h1")
    formula_rows(sh, 4, [(("Per tanggal", "As of"), "=" + refs.as_of_cell, AS_OF, "date")])
    label_values(sh, 5, [
        (("Batas faktur kecil: di bawah (Rp)", "Small invoice: below (Rp)"), SMALL_LIMIT, "money"),
        (("Batas faktur besar: di atas (Rp)", "Large invoice: above (Rp)"), LARGE_LIMIT, "money"),
        (("Profil Lancar: rata-rata telat s.d. (hari)", "Prompt: avg days late up to"), PROMPT_DAYS, "int"),
        (("Kadang Terlambat: s.d. (hari)", "Occasionally late: up to (days)"), LATE_DAYS, "int"),
    ])  # fmt: skip
    as_of, small, large, prompt, late_days = "$B$5", "$B$6", "$B$7", "$B$8", "$B$9"
    paragraph(
        sh,
        "C6",
        7,
        ("Kecil < 10 jt ≤ Sedang ≤ 50 jt < Besar", "Small < 10 m ≤ Medium ≤ 50 m < Large"),
    )
    paragraph(
        sh,
        "C8",
        7,
        (
            "Lancar ≤ 5 hari < Kadang Terlambat ≤ 30 hari < Bermasalah",
            "Prompt ≤ 5 days < Occasionally late ≤ 30 days < Chronic late",
        ),
    )
    bal, due, _cust = refs.col("balance"), refs.col("due_date"), refs.col("customer")
    by_age = _age_table(sh, book, 10, bal, due, as_of, led)
    _amount_table(sh, book, 19, bal, items, small, large)
    profile = _profile_tables(sh, book, 28, refs, facts, as_of, prompt, late_days)
    # exercises
    top = profile["next_row"] + 1
    exercise_header(sh, top, (0, 3), 4, (6, 7))
    over_60 = float(by_age.loc[0, "61-90"] + by_age.loc[0, ">90"])
    total = float(by_age.loc[0, "Total"])
    past_due_share = float(items.loc[items["days_past_due"] >= 1, "outstanding"].sum()) / total
    big_late = int(((items["outstanding"] >= SMALL_LIMIT) & (items["days_past_due"] >= 1)).sum())
    overdue_buckets = by_age.loc[0, ["1-30", "31-60", "61-90", ">90"]].astype(float)
    worst_bucket = str(overdue_buckets.idxmax())
    chronic = profile["by_profile"]
    worst_profile = str(chronic.idxmax())
    rows = [
        (
            ("Saldo terbuka yang lewat jatuh tempo lebih dari 60 hari (Rp)",
             "Open balance more than 60 days past due (Rp)"),
            over_60, "money",
            ("Jumlahkan kelompok 61-90 dan >90, atau SUMIFS(Sisa; Jatuh Tempo; \"<\"&(B5-60)).",
             "Add the 61-90 and >90 buckets, or SUMIFS(Balance, Due Date, \"<\"&(B5-60))."),
        ),
        (
            ("Porsi saldo terbuka yang sudah lewat jatuh tempo (%)",
             "Share of the open balance that is past due (%)"),
            past_due_share, "pct",
            ("(Total − Belum jatuh tempo) / Total; format persen.",
             "(Total − Current) / Total; percent format."),
        ),
        (
            ("Jumlah faktur lewat jatuh tempo bernilai ≥ Rp 10 jt (kelas Sedang + Besar)",
             "Number of past-due items of Rp 10 m or more (Medium + Large)"),
            big_late, "count",
            ("COUNTIFS(Sisa; \">=\"&B6; Jatuh Tempo; \"<\"&B5).",
             "COUNTIFS(Balance, \">=\"&B6, Due Date, \"<\"&B5)."),
        ),
        (
            ("Kelompok umur lewat jatuh tempo (1-30 … >90) dengan saldo terbesar",
             "Past-due age bucket (1-30 … >90) with the largest balance"),
            worst_bucket, "text",
            ("Ketik labelnya persis seperti di kolom A (mis. 31-60).",
             "Type the label exactly as in column A (e.g. 31-60)."),
        ),
        (
            ("Profil bayar dengan saldo lewat jatuh tempo tanpa sengketa terbesar",
             "Payment profile with the largest undisputed past-due balance"),
            worst_profile, "text",
            ("Lihat tabel ringkasan profil; ketik nama profilnya.",
             "See the profile summary; type the profile's name."),
        ),
    ]  # fmt: skip
    for i, (question, answer, kind, hint) in enumerate(rows, start=1):
        ask(sh, top + i, question, answer, kind, hint, q=(0, 3), at=4, h=(6, 7))
    sh.freeze = (4, 0)


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
) -> pd.DataFrame:
    """Open balance and number of items per age bucket (native SUMIFS/COUNTIFS)."""
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
        name = t(("Belum jatuh tempo", "Current")) if label == "Current" else label
        count, amount = float(counts.loc[0, label]), float(amounts.loc[0, label])
        classes.append(_Class(name, f'{where},{bal},"<>0"', where, count, amount))
    head = [("Kelompok umur", "Age bucket"), ("Dari hari", "From day"), ("Sampai hari", "To day"),
            ("Jumlah item", "Items"), ("Saldo (Rp)", "Balance (Rp)"), ("% saldo", "% of balance")]  # fmt: skip
    note = (
        "Hari lewat JT = tanggal data − jatuh tempo; jatuh tempo hari ini = belum jatuh "
        'tempo. Contoh 1-30: SUMIFS(Sisa; Jatuh Tempo; "<="&(B5-1); Jatuh Tempo; '
        '">="&(B5-30)). Nota kredit ikut di kelompok umurnya (nilai negatif).',
        "Days past due = data date − due date; due today = current. E.g. 1-30: "
        'SUMIFS(Balance, Due Date, "<="&(B5-1), Due Date, ">="&(B5-30)). Credit notes '
        "stay in their bucket (negative amounts).",
    )
    _class_table(sh, top, head, classes, bal, note)
    return amounts


def _amount_table(
    sh: Sheet, book: Book, top: int, bal: str, items: pd.DataFrame, small: str, large: str
) -> None:
    """Open items per amount class (native COUNTIFS/SUMIFS on the balance)."""
    t = book.t
    sh.write(
        (top, 0), t(("B. Menurut nilai per faktur terbuka", "B. By amount of each open item")), "h1"
    )
    out = items["outstanding"].to_numpy()
    rules = [
        (("Kecil", "Small"), "0 < x < 10 jt", [f'{bal},">0"', f'{bal},"<"&{small}'],
         (out > 0) & (out < SMALL_LIMIT)),
        (("Sedang", "Medium"), "10 jt ≤ x ≤ 50 jt", [f'{bal},">="&{small}', f'{bal},"<="&{large}'],
         (out >= SMALL_LIMIT) & (out <= LARGE_LIMIT)),
        (("Besar", "Large"), "x > 50 jt", [f'{bal},">"&{large}'], out > LARGE_LIMIT),
        (("Kredit (nota kredit)", "Credits (credit notes)"), "x < 0", [f'{bal},"<0"'], out < 0),
    ]  # fmt: skip
    classes = []
    for r, (name, rule, crit, mask) in enumerate(rules, start=top + 2):
        sh.merge(f"{a1(r, 1)}:{a1(r, 2)}", rule if book.lang == "id" else rule.replace("jt", "m"))
        where = ",".join(crit)
        classes.append(_Class(t(name), where, where, float(mask.sum()), float(out[mask].sum())))
    head = [("Kelas", "Class"), ("Kriteria", "Rule"), None, ("Jumlah item", "Items"),
            ("Saldo (Rp)", "Balance (Rp)"), ("% saldo", "% of balance")]  # fmt: skip
    note = (
        "Kelas menentukan saluran: Kecil → pengingat otomatis (email/WhatsApp), Sedang → "
        "telepon kolektor, Besar → ditangani langsung Manajer AR.",
        "The class sets the channel: Small → automatic reminders (email/WhatsApp), "
        "Medium → collector's call, Large → handled by the AR manager in person.",
    )
    _class_table(sh, top, head, classes, bal, note)


def _profile_tables(
    sh: Sheet,
    book: Book,
    top: int,
    refs: LedgerRefs,
    facts: dict[str, Any],
    as_of: str,
    prompt: str,
    late_days: str,
) -> dict[str, Any]:
    """Per-customer payment profile (average days late) and the profile summary."""
    t = book.t
    led, late = facts["led"], facts["late"]
    sh.write(
        (top, 0), t(("C. Menurut profil bayar pelanggan", "C. By customer payment profile")), "h1"
    )
    paragraph(
        sh,
        (top + 1, 0),
        7,
        t(
            (
                "Rata-rata hari telat = rata-rata MAX(0; Tanggal Bayar − Jatuh Tempo) atas faktur "
                "yang sudah lunas (SUMPRODUCT / COUNTIFS). Lewat JT = saldo dengan jatuh tempo "
                'sebelum tanggal data; tanpa sengketa = kolom Sengketa "Tidak".',
                "Average days late = average of MAX(0, Payment Date − Due Date) over the invoices "
                "paid in full (SUMPRODUCT / COUNTIFS). Past due = balance due before the data "
                'date; undisputed = Disputed column "No".',
            )
        ),
    )
    header = [t(("Pelanggan", "Customer")), t(("Faktur lunas", "Paid invoices")),
              t(("Rata-rata hari telat", "Avg days late")), t(("Profil", "Profile")),
              t(("Saldo terbuka (Rp)", "Open balance (Rp)")), t(("Lewat JT (Rp)", "Past due (Rp)")),
              t(("Lewat JT tanpa sengketa (Rp)", "Past due undisputed (Rp)"))]  # fmt: skip
    header_row(sh, (top + 2, 0), header)
    cust, kind, bal = refs.col("customer"), refs.col("kind"), refs.col("balance")
    due, pay, disp = refs.col("due_date"), refs.col("payment_date"), refs.col("disputed")
    invoice_word = t(("Faktur", "Invoice"))
    no_word = t(("Tidak", "No"))
    names = sorted(led["customer"].unique())
    first = top + 3
    profile_of = {}
    stats = pd.DataFrame({"customer": led["customer"], "late": late})
    past = led["due_date"] < AS_OF
    for i, name in enumerate(names):
        r = first + i
        mine = led["customer"] == name
        paid = stats.loc[mine, "late"].dropna()
        avg = float(paid.mean())
        prof = 0 if avg <= PROMPT_DAYS else 1 if avg <= LATE_DAYS else 2
        profile_of[name] = prof
        cref = f"$A{r + 1}"
        sh.write((r, 0), name)
        sh.formula(
            (r, 1), f'=COUNTIFS({cust},{cref},{kind},"{invoice_word}",{bal},0,{pay},"<>")',
            expected=float(len(paid)), style="int",
        )  # fmt: skip
        sh.formula(
            (r, 2),
            f'=SUMPRODUCT(({cust}={cref})*({kind}="{invoice_word}")*({bal}=0)*({pay}<>"")'
            f"*({pay}>{due})*({pay}-{due}))/{a1(r, 1)}",
            expected=avg,
            style="days",
        )
        sh.formula(
            (r, 3),
            f'=IF({a1(r, 2)}<={prompt},"{t(PROFILES[0])}",'
            f'IF({a1(r, 2)}<={late_days},"{t(PROFILES[1])}","{t(PROFILES[2])}"))',
            expected=t(PROFILES[prof]),
        )
        sh.formula(
            (r, 4), f"=SUMIFS({bal},{cust},{cref})",
            expected=float(led.loc[mine, "balance"].sum()), style="money",
        )  # fmt: skip
        sh.formula(
            (r, 5), f'=SUMIFS({bal},{cust},{cref},{due},"<"&{as_of})',
            expected=float(led.loc[mine & past, "balance"].sum()), style="money",
        )  # fmt: skip
        sh.formula(
            (r, 6), f'=SUMIFS({bal},{cust},{cref},{due},"<"&{as_of},{disp},"{no_word}")',
            expected=float(led.loc[mine & past & ~led["disputed"], "balance"].sum()),
            style="money",
        )  # fmt: skip
    last = first + len(names) - 1
    # profile summary
    top2 = last + 2
    sh.write((top2, 0), t(("Ringkasan per profil", "Summary by profile")), "h1")
    header_row(
        sh,
        (top2 + 1, 0),
        [t(("Profil", "Profile")), t(("Pelanggan", "Customers")), None, None,
         t(("Saldo terbuka (Rp)", "Open balance (Rp)")), None,
         t(("Lewat JT tanpa sengketa (Rp)", "Past due undisputed (Rp)"))],
    )  # fmt: skip
    prof_col = col_range(None, 3, first, last)
    undisputed_by_profile = {}
    for k, label in enumerate(PROFILES):
        r = top2 + 2 + k
        members = [n for n in names if profile_of[n] == k]
        mine = led["customer"].isin(members)
        open_sum = float(led.loc[mine, "balance"].sum())
        und = float(led.loc[mine & past & ~led["disputed"], "balance"].sum())
        undisputed_by_profile[t(label)] = und
        sh.write((r, 0), t(label))
        sh.formula(
            (r, 1), f"=COUNTIF({prof_col},{a1(r, 0)})", expected=float(len(members)), style="int"
        )
        sh.formula(
            (r, 4), f"=SUMIF({prof_col},{a1(r, 0)},{col_range(None, 4, first, last)})",
            expected=open_sum, style="money",
        )  # fmt: skip
        sh.formula(
            (r, 6), f"=SUMIF({prof_col},{a1(r, 0)},{col_range(None, 6, first, last)})",
            expected=und, style="money",
        )  # fmt: skip
    return {
        "by_profile": pd.Series(undisputed_by_profile),
        "next_row": top2 + 2 + len(PROFILES),
    }


def _strategy(book: Book, facts: dict[str, Any]) -> None:
    t, lang = book.t, book.lang
    st = facts["strategy"]
    sh = titled_sheet(
        book,
        ("Strategi", "Strategy"),
        ("Strategi Penagihan Berjenjang", "Tiered Collection Strategy"),
        widths=[20, 18, 16, 14, 24, 26, 50, 9, 10, 9],
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
    table = strategy_table(lang=lang)
    header = [t(("Nama tahap", "Stage name")), *table.columns]
    styles = ["text", "text", "text", "money", "wrap", "wrap", "wrap", "int", "text", "money"]
    rows = [[stage_name(str(r[0]), lang), *r] for r in table.itertuples(index=False)]
    first, last = sh.table((3, 0), header, rows, styles)
    tall_rows(sh, range(first - 1, last + 1))
    # lookup table
    top = 4 + len(rows) + 1
    sh.write(
        (top, 0), t(("Tabel bantu: awal tiap tahap", "Helper table: first day of each stage")), "h1"
    )
    header_row(sh, (top + 1, 0), [t(("Mulai hari (DPD)", "From day (DPD)")),
                               t(("Nama tahap", "Stage name")), t(("Jumlah minimal", "Min amount"))])  # fmt: skip
    first = top + 2
    for i, rec in enumerate(st.itertuples(index=False)):
        sh.write((first + i, 0), float(rec.min_dpd), "int")
        sh.write((first + i, 1), stage_name(str(rec.stage), lang))
        sh.write((first + i, 2), float(rec.min_amount), "money")
    last = first + len(st) - 1
    look = f"{a1(first, 0, absolute=True)}:{a1(last, 2, absolute=True)}"
    starts = f"{a1(first, 0, absolute=True)}:{a1(last, 0, absolute=True)}"
    names = f"{a1(first, 1, absolute=True)}:{a1(last, 1, absolute=True)}"
    # worked formulas
    top = last + 2
    sh.write((top, 0), t(("Contoh rumus", "Worked formulas")), "h1")
    header_row(
        sh, (top + 1, 0), [t(("Rumus", "Formula")), t(("DPD", "DPD")), t(("Tahap", "Stage"))]
    )
    worked = [("VLOOKUP(…; TRUE)", 50.0, f"=VLOOKUP({{dpd}},{look},2,TRUE)"),
              ("INDEX/MATCH(…; 1)", 100.0, f"=INDEX({names},MATCH({{dpd}},{starts},1))")]  # fmt: skip
    for i, (label, dpd, formula) in enumerate(worked):
        r = top + 2 + i
        sh.write((r, 0), label)
        sh.write((r, 1), dpd, "int")
        key = _stage_of(st, dpd, CASE_AMOUNT)
        sh.formula((r, 2), formula.format(dpd=a1(r, 1)), expected=stage_name(key, lang))
    paragraph(
        sh,
        (top + 4, 0),
        6,
        t(
            (
                "Pencocokan perkiraan (TRUE / MATCH tipe 1) mencari awal tahap terbesar yang ≤ DPD; "
                "kolom 'Mulai hari' harus urut naik. Rumus ini tidak memeriksa 'Jumlah minimal': "
                "periksa sendiri untuk tahap Hukum.",
                "An approximate match (TRUE / MATCH type 1) finds the largest stage start ≤ DPD; "
                "the 'From day' column must be sorted ascending. These formulas ignore 'Min "
                "amount': check it yourself for the Legal stage.",
            )
        ),
    )
    # exercises
    top += 6
    sh.write(
        (top, 0), t(("Latihan: tahap apa yang berlaku?", "Exercise: which stage applies?")), "h1"
    )
    header_row(sh, (top + 1, 0), [t(("Kasus", "Case")), t(("DPD tertua", "Oldest DPD")),
                               t(("Tunggakan (Rp)", "Overdue (Rp)")),
                               t(("Nama tahap", "Stage name")), "✓/✗"])  # fmt: skip
    sh.merge(f"{a1(top + 1, 5)}:{a1(top + 1, 6)}", t(("Petunjuk", "Hint")), "header")
    cases = [(10.0, CASE_AMOUNT), (30.0, CASE_AMOUNT), (60.0, CASE_AMOUNT), (200.0, CASE_AMOUNT),
             (120.0, SMALL_CASE_AMOUNT)]  # fmt: skip
    for i, (dpd, amount) in enumerate(cases, start=1):
        r = top + 1 + i
        key = _stage_of(st, dpd, amount)
        sh.write((r, 1), dpd, "int")
        sh.write((r, 2), amount, "money")
        plain = f"{dpd:.0f}"
        question = (
            f"Kasus {i}: faktur tertua {plain} hari lewat JT, tunggakan {_money_id(amount)}",
            f"Case {i}: oldest invoice {plain} days past due, overdue Rp {amount:,.0f}",
        )
        hint = (
            ("Ketik nama tahap, atau =VLOOKUP(B…; tabel bantu; 2; TRUE).",
             "Type the stage name, or =VLOOKUP(B…, helper table, 2, TRUE).")
            if amount >= CASE_AMOUNT
            else ("Perhatikan 'Jumlah minimal' tahap Hukum (Rp 5 jt).",
                  "Mind the Legal stage's 'Min amount' (Rp 5 m).")
        )  # fmt: skip
        ask(
            sh, r, question, stage_name(key, lang), "text", hint,
            q=(0, 0), at=3, h=(5, 6), label=(f"Kasus {i}", f"Case {i}"),
        )  # fmt: skip


def _worklist(book: Book, facts: dict[str, Any]) -> None:
    t, lang = book.t, book.lang
    wl, items = facts["worklist"], facts["items"]
    sh = titled_sheet(
        book,
        ("Daftar Tagih", "Worklist"),
        ("Daftar Tagih per 31/12/2024", "Collection Worklist at 31/12/2024"),
        widths=[20, 15, 15, 13, 9, 10, 17, 24, 50, 12, 9],
        intro=(
            "Hasil inti xl-ar (AR_WORKLIST): satu baris per pelanggan yang perlu ditindak, "
            "prioritas tertinggi di atas. Prioritas = 60 × risiko (porsi pembayaran yang "
            "telat > 15 hari) + 20 × tunggakan/tunggakan terbesar + 20 × min(DPD tertua; "
            "180)/180. Lewat JT = tunggakan tanpa sengketa (yang ditagih).",
            "Output of the xl-ar core (AR_WORKLIST): one row per customer needing action, "
            "highest priority first. Priority = 60 × risk (share paid more than 15 days "
            "late) + 20 × overdue/largest overdue + 20 × min(oldest DPD, 180)/180. Overdue = "
            "undisputed past-due amount (what is chased).",
        ),
        last_col=8,
    )
    header = [t(("Pelanggan", "Customer")), t(("Saldo terbuka", "Open")),
              t(("Lewat JT (ditagih)", "Overdue (chased)")), t(("Sengketa", "Disputed")),
              t(("DPD tertua", "Oldest DPD")), t(("Rating bayar", "Payer rating")),
              t(("Tahap", "Stage")), t(("PIC", "Owner")), t(("Tindakan berikut", "Next action")),
              t(("Tanggal tindakan", "Action date")), t(("Prioritas", "Priority"))]  # fmt: skip
    styles = [
        "text",
        "money",
        "money",
        "money",
        "int",
        "text",
        "text",
        "wrap",
        "wrap",
        "date",
        "number",
    ]
    rows = [
        [r.customer, r.open, r.overdue, r.disputed, r.oldest_dpd, t(RATINGS[r.payer_rating]),
         stage_name(r.stage, lang), r.owner, r.next_action, pd.Timestamp(r.action_date),
         r.priority]
        for r in wl.itertuples(index=False)
    ]  # fmt: skip
    first, last = sh.table((3, 0), header, rows, styles)
    tall_rows(sh, range(first - 1, last + 1))
    total_row = last + 1
    sh.write((total_row, 0), "Total", "bold")
    for col, key in ((1, "open"), (2, "overdue"), (3, "disputed")):
        sh.formula(
            (total_row, col), f"=SUM({a1(first, col)}:{a1(last, col)})",
            expected=float(wl[key].sum()), style="total_money",
        )  # fmt: skip
    # exercises
    week_end = AS_OF + pd.Timedelta(days=7)
    soon = items[
        (items["days_past_due"] >= -7)
        & (items["days_past_due"] <= 0)
        & ~items["disputed"]
        & (items["outstanding"] > 0)
    ]
    due_soon = float(soon["outstanding"].sum())
    this_week = float(wl.loc[wl["action_date"] <= week_end, "overdue"].sum())
    esc = list(facts["strategy"]["stage"]).index("escalation")
    later = set(facts["strategy"]["stage"].iloc[esc:])
    n_escalated = int(wl["stage"].isin(later).sum())
    top_share = float(wl["overdue"].iloc[0]) / float(wl["overdue"].sum())
    top = total_row + 2
    exercise_header(sh, top, (0, 2), 3, (5, 8))
    rows_ex = [
        (
            ("Pelanggan dengan prioritas tertinggi", "Customer with the highest priority"),
            str(wl["customer"].iloc[0]), "text",
            ("Baris teratas (urut prioritas); ketik namanya.",
             "The top row (sorted by priority); type the name."),
        ),
        (
            ("Jumlah pelanggan di tahap Eskalasi atau lebih lanjut (Eskalasi, Hukum, Hapus Buku)",
             "Customers at the Escalation stage or later (Escalation, Legal, Write-off)"),
            n_escalated, "count",
            ("COUNTIF pada kolom Tahap, satu per nama tahap.",
             "COUNTIF on the Stage column, one per stage name."),
        ),
        (
            ("Faktur tanpa sengketa yang jatuh tempo 7 hari ke depan (31/12/2024 s.d. 07/01/2025), Rp",
             "Undisputed invoices falling due in the next 7 days (31/12/2024 to 07/01/2025), Rp"),
            due_soon, "money",
            ("Sheet Data: SUMIFS(Sisa; Jatuh Tempo; \">=\"&B2; Jatuh Tempo; \"<=\"&(B2+7); "
             "Sengketa; \"Tidak\"). Tahap Preventif: ingatkan sebelum jatuh tempo.",
             "Data sheet: SUMIFS(Balance, Due Date, \">=\"&B2, Due Date, \"<=\"&(B2+7), "
             "Disputed, \"No\"). Preventive stage: remind before the due date."),
        ),
        (
            ("Target tagih minggu ini (Rp) = tunggakan pelanggan yang tanggal tindakannya ≤ "
             "07/01/2025 + jawaban soal sebelumnya",
             "This week's collection target (Rp) = overdue of the customers whose action date is "
             "≤ 07/01/2025 + the previous answer"),
            this_week + due_soon, "money",
            ("SUMIFS(Lewat JT; Tanggal tindakan; \"<=\"&DATE(2025;1;7)) + soal sebelumnya.",
             "SUMIFS(Overdue, Action date, \"<=\"&DATE(2025,1,7)) + the previous answer."),
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
    sh.freeze = (4, 1)


def _interest(book: Book, refs: LedgerRefs, facts: dict[str, Any]) -> None:
    t = book.t
    wl, items, st, led = facts["worklist"], facts["items"], facts["strategy"], facts["led"]
    sh = titled_sheet(
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
    esc = wl[wl["stage"] == "escalation"].iloc[0]
    example = _oldest_overdue(items, str(esc["customer"]))
    stage = st.set_index("stage").loc["escalation"]
    i = _row_of(led, str(example["invoice"]))
    top = 14
    sh.write(
        (top, 0),
        t((f"2. Contoh Rupiah: {esc['customer']} (tahap Eskalasi)",
           f"2. Rupiah example: {esc['customer']} (Escalation stage)")),
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
        (("Bunga per tahun (strategi, tahap Eskalasi)", "Annual rate (strategy, Escalation)"), rate, "pct"),
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
    # 3. exercise on the top-priority customer's oldest overdue invoice
    top = r + 11
    target = _oldest_overdue(items, str(wl["customer"].iloc[0]))
    stage_key = str(wl["stage"].iloc[0])
    rate3 = float(st.set_index("stage").loc[stage_key, "annual_rate"])
    dpd3 = float(target["days_past_due"])
    sh.write(
        (top, 0),
        t((f"3. Latihan: faktur {target['invoice']} ({target['customer']})",
           f"3. Exercise: invoice {target['invoice']} ({target['customer']})")),
        "h1",
    )  # fmt: skip
    label_values(sh, top + 1, [((f"Bunga per tahun (tahap {stage_name(stage_key, 'id')})",
                                 f"Annual rate ({stage_name(stage_key, 'en')} stage)"), rate3, "pct")])  # fmt: skip
    exercise_header(sh, top + 2, (0, 0), 1, (3, 4))
    ex3 = [
        (("Hari lewat jatuh tempo per 31/12/2024", "Days past due at 31/12/2024"), dpd3, "days",
         ("Cari faktur di sheet Data: Data!B2 − Jatuh Tempo.",
          "Find the invoice on the Data sheet: Data!B2 − Due Date.")),
        (("Bunga keterlambatan (Rp)", "Late interest (Rp)"),
         float(late_interest(float(target["outstanding"]), rate3, dpd3)), "money",
         ("Sisa × B{row} / 365 × hari (toleransi Rp 1).", "Outstanding × B{row} / 365 × days (Rp 1 tolerance).")),
    ]  # fmt: skip
    for k, (question, answer, kind, hint) in enumerate(ex3, start=1):
        hint = (hint[0].format(row=top + 2), hint[1].format(row=top + 2))
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


def _letter_numbers(facts: dict[str, Any], customer: str) -> dict[str, Any]:
    """Interest and total payable of the customer's letter, as the letter computes them."""
    items, st = facts["items"], facts["strategy"]
    wl = facts["worklist"].set_index("customer")
    key = str(wl.loc[customer, "stage"])
    rate = float(st.set_index("stage").loc[key, "annual_rate"])
    fee = float(st.set_index("stage").loc[key, "fee"])
    mine = items[(items["customer"] == customer) & ~items["disputed"]]
    listed = mine[(mine["days_past_due"] >= 1) & (mine["outstanding"] > 0)]
    interest = np.round(
        np.asarray(
            late_interest(
                listed["outstanding"].to_numpy(), rate, listed["days_past_due"].to_numpy()
            )
        )
    )
    credits = -float(mine.loc[mine["outstanding"] < 0, "outstanding"].sum())
    total_interest = float(interest.sum())
    payable = max(float(listed["outstanding"].sum()) - credits + total_interest + fee, 0.0)
    return {
        "stage": key,
        "count": len(listed),
        "interest": total_interest,
        "payable": payable,
        "pay_by": AS_OF + pd.Timedelta(days=7),
        "rate": rate,
    }


def _letters(book: Book, facts: dict[str, Any]) -> None:
    t, lang = book.t, book.lang
    wl = facts["worklist"]
    customer = str(wl["customer"].iloc[0])
    numbers = _letter_numbers(facts, customer)
    contact = {k: t(v) for k, v in CONTACT.items()}
    text = letter_text(facts["led"], customer, AS_OF, lang=lang, company=COMPANY, contact=contact)
    sh = titled_sheet(
        book,
        ("Surat", "Letters"),
        ("Surat Penagihan", "Dunning Letters"),
        widths=[22, 16, 14, 14, 18, 6, 30, 30],
        intro=(
            "Surat dibuat oleh inti xl-ar (fungsi AR_LETTER) dari templat per tahap. Bagian 1: "
            "surat untuk pelanggan prioritas tertinggi. Bagian 2: templat semua tahap; "
            "{placeholder} diisi otomatis. Gunakan huruf Consolas agar tabel faktur rata.",
            "Letters are written by the xl-ar core (AR_LETTER function) from one template per "
            "stage. Part 1: the letter to the top-priority customer. Part 2: every stage's "
            "template; {placeholders} are filled in. Use the Consolas font to align the "
            "invoice table.",
        ),
    )
    exercise_header(sh, 3, (0, 3), 4, (6, 7))
    rows_ex = [
        (
            ("Total bunga yang ditagih dalam surat (Rp)", "Total interest charged in the letter (Rp)"),
            numbers["interest"], "money",
            (f"Per faktur: ROUND(sisa × {numbers['rate']:.0%} / 365 × hari; 0), lalu dijumlah.",
             f"Per invoice: ROUND(outstanding × {numbers['rate']:.0%} / 365 × days, 0), then add."),
        ),
        (
            ("Jumlah yang harus dibayar menurut surat (Rp)", "Amount payable according to the letter (Rp)"),
            numbers["payable"], "money",
            ("Faktur yang tercantum − kredit + bunga + biaya.",
             "Invoices listed − credits + interest + fee."),
        ),
        (
            ("Batas waktu pembayaran dalam surat (tanggal)", "Pay-by date in the letter (date)"),
            numbers["pay_by"], "date",
            ("Tanggal surat + 7 hari; ketik sebagai tanggal.",
             "Letter date + 7 days; type it as a date."),
        ),
    ]  # fmt: skip
    for i, (question, answer, kind, hint) in enumerate(rows_ex, start=1):
        ask(sh, 3 + i, question, answer, kind, hint, q=(0, 3), at=4, h=(6, 7))
    row = 3 + len(rows_ex) + 2
    sh.write(
        (row, 0),
        t((f"1. Surat untuk {customer} — tahap {stage_name(numbers['stage'], 'id')}",
           f"1. Letter to {customer} — {stage_name(numbers['stage'], 'en')} stage")),
        "h1",
    )  # fmt: skip
    row = _lines(sh, row + 1, text)
    row += 1
    sh.write((row, 0), t(("2. Templat surat per tahap", "2. Letter templates by stage")), "h1")
    templates = load_templates()
    for key in STAGE_NAMES:
        body = templates.get((lang, key))
        if body is None:
            continue
        row += 2
        sh.write((row, 0), f"[{key}] {stage_name(key, lang)}", "bold")
        row = _lines(sh, row + 1, body)


def _lines(sh: Sheet, row: int, text: str) -> int:
    """Write ``text`` one line per row in column A (text overflows to the right); next row."""
    for line in text.rstrip("\n").split("\n"):
        if line:
            sh.write((row, 0), line)
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
            ("Segmentasi: pelajari rumus SUMIFS/COUNTIFS, lalu isi sel kuning.",
             "Segmentation: study the SUMIFS/COUNTIFS formulas, then fill the yellow cells."),
            ("Strategi: tentukan tahap penagihan tiap kasus (boleh dengan VLOOKUP).",
             "Strategy: find the collection stage of each case (VLOOKUP allowed)."),
            ("Daftar Tagih: baca daftar tagih dan hitung target minggu ini.",
             "Worklist: read the worklist and compute this week's target."),
            ("Bunga: hitung bunga keterlambatan (contoh buku teks dan Rupiah).",
             "Interest: compute late interest (textbook and Rupiah examples)."),
            ("Surat: periksa angka surat penagihan dan pelajari templat tiap tahap.",
             "Letters: check the numbers of the dunning letter and study each stage's template."),
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
    return book
