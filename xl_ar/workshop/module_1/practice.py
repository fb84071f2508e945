"""The practice sheet: the core's ledger answers, worked formulas and the ledger questions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from xl_ar.core import aging, kpi_series, open_items, past_due_shares
from xl_ar.core import schema as s
from xl_ar.workshop.book import Book, Sheet
from xl_ar.workshop.data import AS_OF, LedgerRefs, core_ledger
from xl_ar.workshop.layout import ask, header_row, paragraph, titled_sheet
from xl_ar.workshop.module_1.checks import add_in_examples
from xl_ar.workshop.module_1.common import NAMED_CUSTOMER, T, as_typed

__all__ = ["LedgerAnswers", "add_practice_sheet", "ledger_answers"]


@dataclass(frozen=True)
class LedgerAnswers:
    """The practice answers, computed from the core's reading of the workshop ledger."""

    total_invoiced: float
    invoice_count: int
    total_credit_notes: float
    total_collected: float
    open_balance: float
    open_items: int
    overdue_invoices: int
    customer_open: float
    largest_customer: str
    disputed_open: float
    past_due_share: float
    customers: int
    documents: int
    invoiced_december: float


def ledger_answers(lang: str = "id", customer: str = NAMED_CUSTOMER) -> LedgerAnswers:
    """Answers of the practice sheet at :data:`~xl_ar.workshop.data.AS_OF`.

    Open amounts, open items and the past-due share come from the core
    (:func:`~xl_ar.core.position.open_items.open_items`, :func:`~xl_ar.core.position.aging.aging`,
    :func:`~xl_ar.core.metrics.payment_behaviour.past_due_shares`); the cash collected is the core's
    2024 collections (:func:`~xl_ar.core.metrics.kpi_series.kpi_series`: receipts net of applied credit
    notes, the number of module 5); totals and counts are plain sums of the core's ledger.

    Examples
    --------
    >>> a = ledger_answers()
    >>> a.open_balance, a.open_items, a.customers
    (304831600.0, 17, 8)
    >>> a.total_collected
    1655535800.0
    """
    led = core_ledger(lang)
    invoice = led[s.DOC_TYPE] == s.DOC_INVOICE
    credit = led[s.DOC_TYPE] == s.DOC_CREDIT_NOTE
    items = open_items(led, AS_OF)
    by_customer = aging(led, AS_OF, by="customer").set_index(s.CUSTOMER)["Total"]
    by_customer = by_customer.drop("Total")
    overdue = items[
        (items[s.DOC_TYPE] == s.DOC_INVOICE)
        & (items["days_past_due"] > 0)
        & (items["outstanding"] > 0)
    ]
    collections = kpi_series(led, f"{AS_OF.year}-01-01", AS_OF, freq="month")["collections"]
    december = invoice & (led[s.INVOICE_DATE] >= pd.Timestamp("2024-12-01"))
    december &= led[s.INVOICE_DATE] <= AS_OF
    return LedgerAnswers(
        total_invoiced=float(led.loc[invoice, s.AMOUNT].sum()),
        invoice_count=int(invoice.sum()),
        total_credit_notes=float(led.loc[credit, s.AMOUNT].sum()),
        total_collected=float(collections.sum()),
        open_balance=float(items["outstanding"].sum()),
        open_items=len(items),
        overdue_invoices=len(overdue),
        customer_open=float(by_customer[customer]),
        largest_customer=str(by_customer.idxmax()),
        disputed_open=float(items.loc[items[s.DISPUTED], "outstanding"].sum()),
        past_due_share=float(past_due_shares(led, AS_OF)["past_due_amount"]),
        customers=int(led[s.CUSTOMER].nunique()),
        documents=len(led),
        invoiced_december=float(led.loc[december, s.AMOUNT].sum()),
    )


@dataclass(frozen=True)
class _Question:
    text: T
    hint: T
    answer: Any
    kind: str


def _questions(a: LedgerAnswers) -> list[_Question]:
    return [
        _Question(
            ("Total nilai faktur 2024 (hanya faktur, tanpa nota kredit)",
             "Total invoiced in 2024 (invoices only, no credit notes)"),
            ('SUMIF: Jenis = "Faktur", jumlahkan kolom Jumlah',
             'SUMIF: Type = "Invoice", add up the Amount column'),
            a.total_invoiced, "money",
        ),
        _Question(
            ("Jumlah faktur yang diterbitkan", "Number of invoices issued"),
            ('COUNTIF: kolom Jenis = "Faktur"', 'COUNTIF: Type column = "Invoice"'),
            a.invoice_count, "count",
        ),
        _Question(
            ("Total nota kredit (angka negatif)", "Total of the credit notes (a negative number)"),
            ('SUMIF: Jenis = "Nota Kredit", kolom Jumlah',
             'SUMIF: Type = "Credit Note", Amount column'),
            a.total_credit_notes, "money",
        ),
        _Question(
            ("Total kas yang diterima dari pelanggan s.d. tanggal data (jumlah kolom Dibayar "
             "semua baris: nota kredit yang dialokasikan ke faktur bukan kas)",
             "Total cash received from customers up to the data date (the Paid column over "
             "all rows: credit notes applied to invoices are not cash)"),
            ("SUM kolom Dibayar: baris nota kredit yang dialokasikan bernilai negatif dan "
             "mengurangi Dibayar fakturnya; hasilnya = SUM kolom Jumlah di sheet Pembayaran",
             "SUM of the Paid column: an applied credit note's row is negative and offsets its "
             "invoice's Paid; the result = SUM of the Amount column on the Payments sheet"),
            a.total_collected, "money",
        ),
        _Question(
            ("Total saldo piutang terbuka per tanggal data",
             "Total open receivables at the data date"),
            ("SUM kolom Sisa", "SUM of the Balance column"),
            a.open_balance, "money",
        ),
        _Question(
            ("Jumlah pos terbuka (Sisa tidak nol, termasuk nota kredit)",
             "Number of open items (balance not zero, credit notes included)"),
            ('COUNTIF: kolom Sisa, kriteria "<>0"', 'COUNTIF: Balance column, criterion "<>0"'),
            a.open_items, "count",
        ),
        _Question(
            ("Jumlah faktur terbuka yang sudah lewat jatuh tempo (jatuh tempo < tanggal data, "
             "Sisa > 0)",
             "Number of open invoices past due (due date < data date, balance > 0)"),
            ('COUNTIFS: Jatuh Tempo "<"&Data!$B$2 dan Sisa ">0"',
             'COUNTIFS: Due Date "<"&Data!$B$2 and Balance ">0"'),
            a.overdue_invoices, "count",
        ),
        _Question(
            (f"Saldo terbuka pelanggan {NAMED_CUSTOMER}",
             f"Open balance of the customer {NAMED_CUSTOMER}"),
            ("SUMIF: kolom Pelanggan = nama pelanggan, jumlahkan kolom Sisa",
             "SUMIF: Customer column = the name, add up the Balance column"),
            a.customer_open, "money",
        ),
        _Question(
            ("Pelanggan dengan saldo terbuka terbesar (ketik namanya)",
             "The customer with the largest open balance (type the name)"),
            ("SUMIF per pelanggan di sheet Pelanggan, lalu MAX + INDEX/MATCH",
             "SUMIF per customer on the Customers sheet, then MAX + INDEX/MATCH"),
            a.largest_customer, "text",
        ),
        _Question(
            ("Saldo terbuka faktur yang sedang sengketa", "Open balance of disputed invoices"),
            ('SUMIF: kolom Sengketa = "Ya", jumlahkan kolom Sisa',
             'SUMIF: Disputed column = "Yes", add up the Balance column'),
            a.disputed_open, "money",
        ),
        _Question(
            ("Persentase piutang terbuka yang sudah lewat jatuh tempo (menurut nilai)",
             "Share of the open receivables that is past due (by amount)"),
            ('SUMIFS(Sisa; Jatuh Tempo; "<"&Data!$B$2) / SUM(Sisa)',
             'SUMIFS(Balance, Due Date, "<"&Data!$B$2) / SUM(Balance)'),
            a.past_due_share, "pct",
        ),
    ]  # fmt: skip


def _examples(book: Book, sh: Sheet, refs: LedgerRefs, a: LedgerAnswers, row: int) -> int:
    """The worked "Contoh" block: native formulas with the core's values; returns next row."""
    t = book.t
    customer, kind = refs.col("customer"), refs.col("kind")
    amount, invoice_date = refs.col("amount"), refs.col("invoice_date")
    inv = t(("Faktur", "Invoice"))
    sh.write((row, 0), t(("Contoh (rumus sudah diisi)", "Examples (formulas filled in)")), "h1")
    header_row(sh, (row + 1, 0), ["No", ("Perhitungan", "Calculation"), ("Rumus", "Formula"),
                              ("Hasil", "Result")])  # fmt: skip
    examples = [
        (
            ("Jumlah pelanggan (nama unik)", "Number of customers (distinct names)"),
            f"=SUMPRODUCT(1/COUNTIF({customer},{customer}))",
            a.customers,
            "int",
        ),
        (
            (
                "Jumlah dokumen (faktur + nota kredit)",
                "Number of documents (invoices + credit notes)",
            ),
            f"=COUNTA({refs.col('invoice')})",
            a.documents,
            "int",
        ),
        (
            ("Total faktur Desember 2024", "Total invoiced in December 2024"),
            f'=SUMIFS({amount},{kind},"{inv}",{invoice_date},">="&DATE(2024,12,1),'
            f'{invoice_date},"<="&{refs.as_of_cell})',
            a.invoiced_december,
            "rp",
        ),
        *add_in_examples(book, refs),
    ]
    for i, (label, formula, expected, style) in enumerate(examples):
        r = row + 2 + i
        sh.write((r, 0), i + 1, "int")
        sh.write((r, 1), t(label), "wrap")
        sh.write((r, 2), as_typed(formula, book.lang), "note")
        sh.formula((r, 3), formula, expected=expected, style=style)
    r = row + 2 + len(examples)
    paragraph(
        sh,
        (r, 1),
        3,
        (
            "Contoh 4-5 memakai fungsi add-in xl-ar (AR_AGING, AR_CHECK) pada seluruh tabel Data "
            "dengan judul kolomnya; tanpa add-in selnya menampilkan #NAME?. INDEX memilih satu "
            "sel dari tabel hasil AR_AGING (Excel 2013). Sheet 'Cek dengan xl-ar' memeriksa "
            "jawaban Anda dengan cara yang sama (buka setelah selesai).",
            "Examples 4-5 call the xl-ar add-in's functions (AR_AGING, AR_CHECK) on the whole "
            "Data table with its header row; without the add-in they show #NAME?. INDEX picks "
            "one cell of the table AR_AGING returns (Excel 2013). The 'Check with xl-ar' sheet "
            "checks your answers the same way (open it when you finish).",
        ),
    )
    return r + 2


def add_practice_sheet(book: Book, refs: LedgerRefs) -> None:
    """The practice sheet: the worked examples, then the ledger questions."""
    t = book.t
    a = ledger_answers(book.lang)
    sh = titled_sheet(
        book,
        ("Latihan", "Practice"),
        ("Latihan membaca buku besar piutang", "Practice: reading the AR ledger"),
        widths=[5, 52, 60, 20, 5],
    )
    sh.write("B2", t(("Tanggal data (dari sheet Data)", "Data date (from the Data sheet)")), "bold")
    sh.formula("D2", f"={refs.as_of_cell}", expected=AS_OF, style="date")
    row = _examples(book, sh, refs, a, 3)
    sh.write((row, 0), t(("Latihan", "Exercises")), "h1")
    paragraph(
        sh,
        (row + 1, 1),
        3,
        (
            "Jawab dengan rumus Excel di sel kuning (kolom D) yang merujuk ke sheet Data; "
            "kolom Petunjuk menyebut fungsi yang membantu. Excel berbahasa/regional "
            "Indonesia memakai titik koma (;) sebagai pemisah argumen.",
            "Answer with an Excel formula in the yellow cells (column D) that refers to the "
            "Data sheet; the Hint column names a function that helps.",
        ),
    )
    header_row(sh, (row + 2, 0), ["No", ("Pertanyaan", "Question"), ("Petunjuk", "Hint"),
                              ("Jawaban", "Answer")])  # fmt: skip
    for i, q in enumerate(_questions(a)):
        r = row + 3 + i
        sh.write((r, 0), i + 1, "int")
        ask(sh, r, q.text, q.answer, q.kind, q.hint, q=(1, 1), at=3, h=(2, 2))
    sh.freeze = (1, 0)
