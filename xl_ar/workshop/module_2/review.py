"""The limit review: each customer's open balance against its credit limit, and the order hold."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from xl_ar.core import open_items
from xl_ar.core import schema as s
from xl_ar.workshop.book import Book, Sheet, a1, pick
from xl_ar.workshop.data import AS_OF, LedgerRefs, core_ledger, customers_frame
from xl_ar.workshop.layout import ask, header_row, label_values, put, titled_sheet
from xl_ar.workshop.module_2.cases import master_review
from xl_ar.workshop.module_2.common import LINE, SECTIONS
from xl_ar.workshop.terms import ORDER_HOLD_DPD, STAGES

__all__ = ["REVIEW_CUSTOMER", "YES_NO", "ReviewAnswers", "add_review_sheet", "review_answers"]

YES_NO = (("YA", "YES"), ("TIDAK", "NO"))

REVIEW_CUSTOMER = "PT Berkah Abadi"
"""The customer whose limit utilisation the review asks for (the worked case's customer)."""
RV_WIDTHS = [4, 24, 16, 16, 16, 12, 16, 13, 12, 40]
"""Review columns: No, customer, limit, open balance, available, utilisation, over limit?,
invoices in escalation, hold orders?, notes."""
RV_FIRST = 7  # zero-based row of the first customer


@dataclass(frozen=True)
class ReviewAnswers:
    """The limit review at ``AS_OF``: per customer (customer-master order) and the exercises."""

    table: pd.DataFrame  # customer, credit_limit, open_ar, available, utilisation, over, late, hold
    over_limit: int
    largest_excess: float
    largest_excess_customer: str
    total_excess: float
    escalated: int
    held: int
    utilisation: float


def review_answers(lang: str = "en") -> ReviewAnswers:
    """The credit review of the customer master against the ledger, and the order-hold rule.

    Open balance, available limit, utilisation and over-limit come from
    :func:`~xl_ar.core.credit.credit_review.credit_review`; the invoices that hold orders are the
    undisputed open invoices at least :data:`~xl_ar.workshop.terms.ORDER_HOLD_DPD` days past
    due (:func:`~xl_ar.core.position.open_items.open_items`).

    Examples
    --------
    >>> a = review_answers()
    >>> a.over_limit, a.largest_excess_customer, a.largest_excess, a.escalated, a.held
    (3, 'CV Mitra Abadi', 28845800.0, 3, 4)
    """
    master = customers_frame(lang)
    review = master_review(lang).set_index("customer")
    items = open_items(core_ledger(lang), AS_OF)
    late = items[
        (items["days_past_due"] >= ORDER_HOLD_DPD)
        & (items["outstanding"] > 0)
        & ~items[s.DISPUTED].astype(bool)
    ]
    names = master.iloc[:, 0]
    table = review.loc[names, ["credit_limit", "open_ar", "available", "utilisation", "over_limit"]]
    table = table.rename(columns={"over_limit": "over"}).reset_index()
    table["late"] = table["customer"].map(late.groupby(s.CUSTOMER).size()).fillna(0).astype(int)
    table["hold"] = table["over"] | (table["late"] > 0)
    excess = -table["available"].where(table["over"])
    worst = int(excess.idxmax())
    return ReviewAnswers(
        table=table,
        over_limit=int(table["over"].sum()),
        largest_excess=float(excess[worst]),
        largest_excess_customer=str(table.loc[worst, "customer"]),
        total_excess=float(excess.sum()),
        escalated=int((table["late"] > 0).sum()),
        held=int(table["hold"].sum()),
        utilisation=float(review.loc[REVIEW_CUSTOMER, "utilisation"]),
    )


def _yes_no(flag: bool, lang: str) -> str:
    return pick(YES_NO[0] if flag else YES_NO[1], lang)


def _review_row(book: Book, sh: Sheet, r: int, refs: LedgerRefs, cells: dict[str, str],
                values: pd.Series | None) -> None:  # fmt: skip
    """One customer row: native formulas with the core's values (``values``) or yellow cells."""
    lang = book.lang
    yes, no = (pick(x, lang) for x in YES_NO)
    d, g, h = (a1(r, c) for c in (3, 6, 7))
    disputed_no = pick(("Tidak", "No"), lang)
    formulas = [
        (f"=SUMIF({refs.col('customer')},{a1(r, 1)},{refs.col('balance')})", "open_ar", "rp"),
        (f"={a1(r, 2)}-{d}", "available", "rp"),
        (f"={d}/{a1(r, 2)}", "utilisation", "pct"),
        (f'=IF({d}>{a1(r, 2)},"{yes}","{no}")', "over", "text"),
        (
            f'=COUNTIFS({refs.col("customer")},{a1(r, 1)},{refs.col("balance")},">0",'
            f'{refs.col("disputed")},"{disputed_no}",{refs.col("due_date")},'
            f'"<="&({cells["as_of"]}-{cells["hold"]}))',
            "late",
            "int",
        ),
        (f'=IF(OR({g}="{yes}",{h}>0),"{yes}","{no}")', "hold", "text"),
    ]
    for k, (formula, key, style) in enumerate(formulas):
        if values is None:
            sh.write((r, 3 + k), None, f"input_{style}")
            continue
        value = values[key]
        if key in ("over", "hold"):
            value = _yes_no(bool(value), lang)
        elif key == "late":
            value = int(value)
        else:
            value = float(value)
        sh.formula((r, 3 + k), formula, expected=value, style=style)


def add_review_sheet(book: Book, refs: LedgerRefs) -> str:
    """The limit review sheet; returns the customers range (header + rows) for the check sheet."""
    t = book.t
    a = review_answers(book.lang)
    sh = titled_sheet(
        book,
        ("Tinjauan Limit", "Limit Review"),
        ("Tinjauan batas kredit per tanggal data", "Credit-limit review at the data date"),
        widths=RV_WIDTHS,
        intro=(
            "Bandingkan saldo terbuka setiap pelanggan (sheet Data) dengan batas kreditnya "
            "(master pelanggan), lalu terapkan aturan penahanan pesanan (sheet Kebijakan bagian "
            f"{SECTIONS['rules']}). Eksposur di sini = saldo terbuka (tidak ada pesanan yang "
            "belum ditagih).",
            "Compare each customer's open balance (Data sheet) with its credit limit (customer "
            "master), then apply the order-hold rule (Policy sheet, section "
            f"{SECTIONS['rules']}). Exposure here = the open balance (no unbilled orders).",
        ),
        last_col=8,
    )
    escalation = STAGES["escalation"][0]
    cells = dict(
        zip(
            ("as_of", "hold"),
            label_values(
                sh,
                3,
                [
                    (("Tanggal data", "Data date"), None, None),
                    (
                        (
                            f"Tahan pesanan mulai (hari lewat jatuh tempo, tahap {escalation[0]})",
                            f"Hold orders from (days past due, {escalation[1]} stage)",
                        ),
                        ORDER_HOLD_DPD,
                        "int",
                    ),
                ],
                label=(1, 4),
            ),
            strict=True,
        )
    )
    sh.formula(cells["as_of"], f"={refs.as_of_cell}", expected=AS_OF, style="date")
    cells = {k: f"${v[0]}${v[1:]}" for k, v in cells.items()}
    header_row(
        sh,
        (RV_FIRST - 1, 0),
        ["No", ("Pelanggan", "Customer"), ("Batas kredit", "Credit limit"),
         ("Saldo terbuka", "Open balance"), ("Sisa limit", "Available"),
         ("Pemakaian", "Utilisation"), ("Melebihi limit?", "Over limit?"),
         (f"Faktur ≥ {ORDER_HOLD_DPD} hari (bukan sengketa)",
          f"Invoices {ORDER_HOLD_DPD}+ days (not disputed)"),
         ("Tahan pesanan?", "Hold orders?")],
        height=3 * LINE,
    )  # fmt: skip
    for i, row in a.table.iterrows():
        r = RV_FIRST + int(i)
        sh.write((r, 0), int(i) + 1, "int")
        sh.write((r, 1), row["customer"], None)
        sh.write((r, 2), float(row["credit_limit"]), "money")
        _review_row(book, sh, r, refs, cells, row if i == 0 else None)
    last = RV_FIRST + len(a.table) - 1
    sh.merge(
        f"{a1(RV_FIRST, 9)}:{a1(last, 9)}",
        t(
            (
                "Baris 1 adalah contoh yang sudah dikerjakan. Isi baris pelanggan lain "
                "sendiri. Saldo terbuka: SUMIF dengan kolom Pelanggan dan Sisa sheet Data (nota "
                "kredit ikut mengurangi). Faktur ≥ hari tahan: COUNTIFS dengan kolom Pelanggan, "
                "Sisa, Sengketa dan Jatuh Tempo sheet Data.",
                "Row 1 is a worked example. Fill in the other customers' rows yourself. Open "
                "balance: SUMIF with the Data sheet's Customer and Balance columns (credit notes "
                "reduce it). Invoices past the hold days: COUNTIFS with the Data sheet's "
                "Customer, Balance, Disputed and Due Date columns.",
            )
        ),
        "note",
    )
    questions = [
        (
            ("Berapa pelanggan yang saldo terbukanya melebihi batas kredit?",
             "How many customers have an open balance above their credit limit?"),
            a.over_limit, "count",
            ("COUNTIF pada kolom Melebihi limit?", "COUNTIF on the Over limit? column"),
        ),
        (
            ("Kelebihan terbesar di atas batas kredit (Rp)", "The largest excess over a credit limit (Rp)"),
            a.largest_excess, "money",
            ("MIN pada kolom Sisa limit (kelebihan = sisa limit negatif)",
             "MIN on the Available column (an excess is a negative available)"),
        ),
        (
            ("Pelanggan dengan kelebihan terbesar (ketik namanya)",
             "The customer with the largest excess (type the name)"),
            a.largest_excess_customer, "text",
            ("INDEX dan MATCH pada kolom Pelanggan dan Sisa limit",
             "INDEX and MATCH on the Customer and Available columns"),
        ),
        (
            ("Total kelebihan di atas limit, semua pelanggan yang melebihi (Rp)",
             "Total excess over the limits of all customers above them (Rp)"),
            a.total_excess, "money",
            ("SUMIF pada kolom Sisa limit (hanya yang negatif)",
             "SUMIF on the Available column (the negative ones only)"),
        ),
        (
            (f"Berapa pelanggan yang punya faktur ≥ {ORDER_HOLD_DPD} hari lewat jatuh tempo "
             "(bukan sengketa)?",
             f"How many customers have an invoice {ORDER_HOLD_DPD} or more days past due (not "
             "disputed)?"),
            a.escalated, "count",
            (f"COUNTIF pada kolom Faktur ≥ {ORDER_HOLD_DPD} hari",
             f"COUNTIF on the Invoices {ORDER_HOLD_DPD}+ days column"),
        ),
        (
            ("Berapa pelanggan yang pesanan barunya harus ditahan (melebihi limit atau ada "
             f"faktur ≥ {ORDER_HOLD_DPD} hari)?",
             "How many customers must have their new orders held (over the limit, or an "
             f"invoice {ORDER_HOLD_DPD}+ days past due)?"),
            a.held, "count",
            ("COUNTIF pada kolom Tahan pesanan?", "COUNTIF on the Hold orders? column"),
        ),
        (
            (f"Pemakaian limit {REVIEW_CUSTOMER} (saldo terbuka / batas kredit)",
             f"Limit utilisation of {REVIEW_CUSTOMER} (open balance / credit limit)"),
            a.utilisation, "pct", ("kolom Pemakaian", "the Utilisation column"),
        ),
    ]  # fmt: skip
    top = last + 2
    sh.write((top, 0), t(("Latihan", "Exercises")), "h1")
    put(sh, top + 1, (1, 5), t(("Pertanyaan", "Question")), "header")
    sh.row((top + 1, 6), [t(("Jawaban Anda", "Your answer")), "✓"], "header")
    put(sh, top + 1, (8, 9), t(("Petunjuk", "Hint")), "header")
    for i, (question, answer, kind, hint) in enumerate(questions):
        ask(sh, top + 2 + i, question, answer, kind, hint, q=(1, 5), at=6, h=(8, 9))
    sh.freeze = (RV_FIRST, 2)
    first_header = RV_FIRST - 1
    return f"{a1(first_header, 1, absolute=True)}:{a1(last, 2, absolute=True)}"
