"""Workshop module 1 — AR foundations and the operating model (syllabus Modul 1).

Sheets: the cover; the Order-to-Cash cycle (stages, departments, documents, risk points and an
ordering exercise, plus the four pillars of an AR model); a glossary of AR terms and metrics with
three "which term is this" exercises; the shared ledger (an Excel table), the customer master and
the cash receipts; and a practice sheet of ledger questions (SUMIF, COUNTIFS, SUMIFS ...) after a
block of worked native formulas; a last sheet of ``AR_*`` cells that recompute some answers
(open it at the end). Every answer comes from the core at build time
(:mod:`xl_ar.core.open_items`, :mod:`xl_ar.core.aging`,
:func:`xl_ar.core.payment_behaviour.past_due_shares`) or from plain sums of the core's ledger.

Examples
--------
>>> book = build("en")
>>> [s.name for s in book.sheets]  # doctest: +NORMALIZE_WHITESPACE
['Instructions', 'O2C Cycle', 'Glossary', 'Data', 'Customers', 'Payments', 'Practice',
 'Check with xl-ar']
>>> len(book.exercises) >= 8
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from xl_ar.core import schema as s
from xl_ar.core.aging import TOTAL, aging
from xl_ar.core.kpi_series import kpi_series
from xl_ar.core.ledger import load_ledger
from xl_ar.core.open_items import open_items
from xl_ar.core.payment_behaviour import past_due_shares
from xl_ar.workshop.book import Book, Sheet, pick
from xl_ar.workshop.cover import add_cover
from xl_ar.workshop.data import (
    AS_OF,
    LedgerRefs,
    core_ledger,
    customers_frame,
    ledger_frame,
    payments_frame,
    write_ledger,
)
from xl_ar.workshop.layout import (
    ask,
    autofit_book,
    grow_row,
    header_row,
    paragraph,
    titled_sheet,
)
from xl_ar.workshop.terms import BUCKETS, ORDER_HOLD_DPD, STAGES, WRITE_OFF, bucket_name

__all__ = ["GLOSSARY", "O2C_STAGES", "build", "ledger_answers"]

T = tuple[str, str]

_ESCALATION: T = STAGES["escalation"][0]
_BUCKETS: T = (
    ", ".join(pick(name, "id") for name in BUCKETS.values()),
    ", ".join(pick(name, "en") for name in BUCKETS.values()),
)

# --------------------------------------------------------------------------- content

O2C_STAGES: tuple[tuple[T, T, T, T, T], ...] = (
    (
        ("Penerimaan pesanan", "Order entry"),
        ("Sales / Sales Admin", "Sales / Sales Admin"),
        ("PO pelanggan, Sales Order", "Customer PO, sales order"),
        (
            "Harga/termin tidak sesuai kontrak; pelanggan belum terverifikasi",
            "Price or terms differ from the contract; customer not verified",
        ),
        (
            "Master harga & termin terkunci; PO wajib dilampirkan",
            "Locked price and terms master; PO required",
        ),
    ),
    (
        ("Pemeriksaan kredit", "Credit check"),
        ("Credit / Keuangan", "Credit / Finance"),
        ("Formulir aplikasi kredit, batas kredit", "Credit application, credit limit"),
        (
            "Pesanan melebihi batas kredit; pelanggan menunggak tidak diblokir",
            "Order above the credit limit; customer in arrears not blocked",
        ),
        (
            "Blokir pesanan baru otomatis bila limit terlampaui atau ada faktur "
            f"≥ {ORDER_HOLD_DPD} hari lewat jatuh tempo (tahap {_ESCALATION[0]})",
            "New orders blocked automatically when over the limit or an invoice is "
            f"{ORDER_HOLD_DPD} or more days past due (the {_ESCALATION[1]} stage)",
        ),
    ),
    (
        ("Pengiriman", "Delivery"),
        ("Operasional / Gudang / Logistik", "Operations / Warehouse / Logistics"),
        ("Surat jalan, tanda terima barang (POD)", "Delivery note, proof of delivery (POD)"),
        (
            "POD tidak ditandatangani; selisih kuantitas memicu sengketa",
            "Unsigned POD; quantity differences start disputes",
        ),
        (
            "POD bertanda tangan & cap pelanggan sebelum faktur",
            "Signed and stamped POD before invoicing",
        ),
    ),
    (
        ("Penerbitan faktur", "Invoicing"),
        ("Keuangan / Billing", "Finance / Billing"),
        ("Faktur, Faktur Pajak (e-Faktur)", "Invoice, VAT invoice (e-Faktur)"),
        (
            "Faktur terlambat atau salah (tanpa no PO) sehingga jatuh tempo mundur",
            "Late or wrong invoice (no PO number) delays the due date",
        ),
        ("Faktur terbit H+1 setelah pengiriman", "Invoice issued the day after delivery"),
    ),
    (
        ("Penagihan", "Collection"),
        ("Tim penagihan (Collection)", "Collection team"),
        ("Pengingat, laporan saldo, surat tagihan", "Reminders, statement of account, dunning"),
        (
            "Tidak ada tindak lanjut sebelum & sesudah jatuh tempo",
            "No follow-up before and after the due date",
        ),
        ("Strategi penagihan berjenjang & worklist harian", "Tiered strategy and a daily worklist"),
    ),
    (
        ("Penerimaan & alokasi pembayaran", "Cash application"),
        ("Keuangan / Treasury", "Finance / Treasury"),
        ("Mutasi rekening bank, bukti transfer, bukti potong PPh 23", "Bank statement, remittance"),
        (
            "Pembayaran tidak teralokasi atau salah faktur",
            "Unapplied payments or payments applied to the wrong invoice",
        ),
        ("Alokasi harian berdasarkan referensi faktur", "Daily matching by invoice reference"),
    ),
    (
        ("Rekonsiliasi", "Reconciliation"),
        ("Akuntansi", "Accounting"),
        (
            "Buku pembantu vs buku besar, konfirmasi saldo pelanggan",
            "Sub-ledger vs general ledger, customer balance confirmation",
        ),
        (
            "Selisih tidak diselidiki; lapping (penutupan kas dengan kas berikutnya)",
            "Differences not investigated; lapping fraud",
        ),
        (
            "Rekonsiliasi bulanan ditinjau atasan; pemisahan tugas",
            "Monthly reconciliation reviewed; segregation of duties",
        ),
    ),
)
"""The O2C stages in cycle order: stage, department, key document, risk point, control."""

# display order (1-based cycle positions) of the shuffled stage table; hints are given
O2C_SHUFFLE = (5, 3, 7, 1, 6, 2, 4)
O2C_GIVEN = frozenset({1, 7})

PILLARS: tuple[tuple[T, T, T], ...] = (
    (
        ("Kebijakan kredit", "Credit policy"),
        ("Syarat, termin, batas kredit, penilaian 5C", "Terms, limits, 5 C's assessment"),
        ("Modul 2", "Module 2"),
    ),
    (
        ("Proses penagihan", "Collection process"),
        ("Penagihan preventif, berjenjang, sengketa", "Preventive and tiered dunning, disputes"),
        ("Modul 3 & 6", "Modules 3 & 6"),
    ),
    (
        ("Monitoring & pelaporan", "Monitoring & reporting"),
        ("Aging, DSO, CEI, cadangan kerugian", "Aging, DSO, CEI, allowance"),
        ("Modul 4 & 5", "Modules 4 & 5"),
    ),
    (
        ("Teknologi", "Technology"),
        ("Excel, ERP, CRM, otomatisasi pengingat", "Excel, ERP, CRM, automated reminders"),
        ("Modul 5", "Module 5"),
    ),
)

GLOSSARY: tuple[tuple[str, str, T], ...] = (
    (
        "Piutang usaha",
        "Accounts receivable",
        (
            "Tagihan kepada pelanggan atas penjualan barang/jasa secara kredit yang belum dibayar.",
            "Amounts customers owe for goods or services sold on credit and not yet paid.",
        ),
    ),
    (
        "Faktur",
        "Invoice",
        (
            "Dokumen tagihan berisi barang/jasa, jumlah, PPN, termin dan tanggal jatuh tempo.",
            "The billing document: goods or services, amount, VAT, terms and due date.",
        ),
    ),
    (
        "Termin",
        "Payment terms",
        (
            "Jangka waktu kredit yang diberikan, mis. 30 hari dari tanggal faktur (net 30).",
            "The credit period granted, e.g. 30 days from the invoice date (net 30).",
        ),
    ),
    (
        "Jatuh tempo",
        "Due date",
        (
            "Tanggal terakhir pembayaran: tanggal faktur + termin.",
            "The last day to pay: invoice date + terms.",
        ),
    ),
    (
        "Umur piutang",
        "Aging",
        (
            "Lama piutang terbuka, dihitung dari jatuh tempo (hari lewat jatuh tempo) dan "
            f"dikelompokkan: {_BUCKETS[0]}.",
            "How long an item has been open, counted from the due date (days past due) and "
            f"grouped: {_BUCKETS[1]}.",
        ),
    ),
    (
        "Nota kredit",
        "Credit note",
        (
            "Dokumen yang mengurangi piutang pelanggan karena retur, potongan harga atau "
            "koreksi faktur; dicatat sebagai jumlah negatif.",
            "A document that reduces what the customer owes (return, price reduction, invoice "
            "correction); recorded as a negative amount.",
        ),
    ),
    (
        "Batas kredit",
        "Credit limit",
        (
            "Jumlah maksimal piutang terbuka (eksposur) yang diizinkan untuk satu pelanggan.",
            "The most a customer may owe at any time (maximum exposure).",
        ),
    ),
    (
        "Pembayaran sebagian",
        "Partial payment",
        (
            "Pembayaran lebih kecil dari nilai faktur; sisanya tetap terbuka dengan jatuh tempo "
            "faktur aslinya.",
            "A payment below the invoice amount; the rest stays open with the invoice's own "
            "due date.",
        ),
    ),
    (
        "Sengketa",
        "Dispute",
        (
            "Faktur yang dipermasalahkan pelanggan (harga, kuantitas, kualitas); keluar dari "
            "penagihan rutin tetapi tetap dihitung dalam analisis.",
            "An invoice the customer contests (price, quantity, quality); it leaves the dunning "
            "run but stays in every analysis.",
        ),
    ),
    (
        "Piutang tak tertagih",
        "Bad debt",
        (
            "Piutang yang dipastikan atau diperkirakan tidak akan dibayar pelanggan.",
            "A receivable the customer will not pay (or is expected not to pay).",
        ),
    ),
    (
        "Cadangan kerugian piutang",
        "Allowance for doubtful accounts",
        (
            "Estimasi kerugian kredit (PSAK 71/109: kerugian kredit ekspektasian) yang "
            "mengurangi nilai piutang di neraca.",
            "The estimated credit loss (IFRS 9 expected credit loss) that reduces receivables "
            "on the balance sheet.",
        ),
    ),
    (
        WRITE_OFF[0],
        WRITE_OFF[1],
        (
            "Mengeluarkan piutang yang pasti tidak tertagih dari pembukuan, dibebankan ke "
            "cadangan kerugian piutang.",
            "Removing an uncollectible receivable from the books against the allowance.",
        ),
    ),
    (
        "Rekonsiliasi",
        "Reconciliation",
        (
            "Mencocokkan saldo dan transaksi: buku pembantu vs buku besar, pembayaran bank vs "
            "faktur, saldo kita vs laporan pelanggan.",
            "Matching balances and transactions: sub-ledger vs general ledger, bank receipts "
            "vs invoices, our balance vs the customer's statement.",
        ),
    ),
    (
        "DSO",
        "DSO",
        (
            "Days Sales Outstanding: rata-rata hari untuk menagih penjualan kredit = piutang / "
            "penjualan kredit x jumlah hari periode.",
            "Days Sales Outstanding: average days to collect credit sales = receivables / "
            "credit sales x days in the period.",
        ),
    ),
    (
        "BPDSO",
        "BPDSO",
        (
            "Best Possible DSO: DSO bila semua pelanggan membayar tepat waktu = piutang belum "
            "jatuh tempo / penjualan kredit x hari.",
            "Best Possible DSO: the DSO if every customer paid on time = current (not yet due) "
            "receivables / credit sales x days.",
        ),
    ),
    (
        "CEI",
        "CEI",
        (
            "Collection Effectiveness Index: persentase piutang yang berhasil ditagih dari "
            "seluruh piutang yang dapat ditagih dalam satu periode = (piutang awal + penjualan "
            "kredit - piutang akhir) / (piutang awal + penjualan kredit - piutang akhir yang "
            "belum jatuh tempo).",
            "Collection Effectiveness Index: the share of the receivables collectible in a "
            "period that was actually collected = (beginning AR + credit sales - ending AR) / "
            "(beginning AR + credit sales - ending current AR).",
        ),
    ),
    (
        "RTO (perputaran piutang)",
        "RTO (receivable turnover)",
        (
            "Penjualan kredit / rata-rata piutang: berapa kali piutang berputar dalam setahun.",
            "Credit sales / average receivables: how many times receivables turn over a year.",
        ),
    ),
    (
        "ACP (rata-rata periode penagihan)",
        "ACP (average collection period)",
        (
            "Jumlah hari setahun (360 atau 365) / RTO.",
            "Days in the year (360 or 365) / RTO.",
        ),
    ),
    (
        "Rasio tunggakan",
        "Arrears ratio",
        (
            "Piutang lewat jatuh tempo (belum dibayar) / penjualan kredit.",
            "Past-due (unpaid) receivables / credit sales.",
        ),
    ),
)
"""Glossary rows: Indonesian term, English term, definition (id, en)."""

# "which term is defined as ..." exercises: glossary row index and the question (id, en)
GLOSSARY_QUESTIONS: tuple[tuple[int, T], ...] = (
    (
        5,
        (
            "Dokumen bernilai negatif yang menurunkan saldo piutang pelanggan, misalnya karena "
            "barang dikembalikan. Istilahnya?",
            "A negative document that lowers a customer's balance, e.g. after goods are "
            "returned. Which term?",
        ),
    ),
    (
        11,
        (
            "Piutang yang sudah pasti tidak tertagih dikeluarkan dari pembukuan dan dibebankan "
            "ke cadangan. Istilahnya?",
            "An uncollectible receivable is taken off the books against the allowance. Which term?",
        ),
    ),
    (
        15,
        (
            "Indeks yang membandingkan kas yang tertagih dengan piutang yang dapat ditagih "
            "dalam satu periode. Singkatannya?",
            "The index comparing cash collected with the receivables collectible in a period. "
            "Its abbreviation?",
        ),
    ),
)

NAMED_CUSTOMER = "UD Duta Utama"
CHECK_SHEET = ("Cek dengan xl-ar", "Check with xl-ar")
TITLE_HEIGHT = 24.0  # points: a 16-point title
TITLE = (
    "Modul 1 — Fondasi Manajemen Piutang & Model Operasi",
    "Module 1 — AR Foundations & Operating Model",
)


# --------------------------------------------------------------------------- answers


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
    (:func:`~xl_ar.core.open_items.open_items`, :func:`~xl_ar.core.aging.aging`,
    :func:`~xl_ar.core.payment_behaviour.past_due_shares`); the cash collected is the core's
    2024 collections (:func:`~xl_ar.core.kpi_series.kpi_series`: receipts net of applied credit
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


# --------------------------------------------------------------------------- sheets


def _cover(book: Book) -> None:
    add_cover(
        book,
        TITLE,
        [
            (
                "Memahami piutang usaha sebagai aset dan sumber risiko",
                "Understand receivables as an asset and a source of risk",
            ),
            (
                "Memetakan siklus Order-to-Cash (O2C) dan titik rawannya",
                "Map the Order-to-Cash (O2C) cycle and its risk points",
            ),
            (
                "Menguasai istilah dan metrik kunci piutang",
                "Master the key AR terms and metrics",
            ),
            (
                "Membaca buku besar piutang dengan SUMIF, COUNTIFS dan SUMIFS",
                "Read an AR ledger with SUMIF, COUNTIFS and SUMIFS",
            ),
        ],
        [
            (
                "Sheet 'Siklus O2C': isi urutan tahap (1-7) pada sel kuning.",
                "Sheet 'O2C Cycle': type each stage's position (1-7) in the yellow cells.",
            ),
            (
                "Sheet 'Glosarium': baca istilahnya, lalu jawab 3 pertanyaan di bawah tabel.",
                "Sheet 'Glossary': read the terms, then answer the 3 questions below the table.",
            ),
            (
                "Sheet 'Data', 'Pelanggan', 'Pembayaran': data contoh per 31/12/2024.",
                "Sheets 'Data', 'Customers', 'Payments': the sample data as of 31/12/2024.",
            ),
            (
                "Sheet 'Latihan': pelajari blok Contoh, lalu jawab dengan rumus Excel "
                "(lihat kolom Petunjuk).",
                "Sheet 'Practice': study the Example block, then answer with Excel formulas "
                "(see the Hint column).",
            ),
            (
                "Sheet 'Cek dengan xl-ar' (terakhir): buka setelah selesai untuk memeriksa "
                "jawaban dengan add-in.",
                "Sheet 'Check with xl-ar' (the last one): open it when you finish to check "
                "answers with the add-in.",
            ),
            (
                "Skor Anda (jumlah ✓) tampil di atas.",
                "Your score (number of ✓) shows above.",
            ),
        ],
    )


def _o2c_sheet(book: Book) -> None:
    t = book.t
    sh = titled_sheet(
        book,
        ("Siklus O2C", "O2C Cycle"),
        ("Siklus Order-to-Cash (O2C)", "The Order-to-Cash (O2C) cycle"),
        widths=[6, 33, 24, 32, 40, 40, 13, 5],
        intro=(
            "Tahap-tahap di bawah sengaja diacak. Ketik urutan setiap tahap dalam siklus "
            "(1 = pertama, 7 = terakhir) di sel kuning kolom G; dua tahap sudah diisi.",
            "The stages below are shuffled. Type each stage's position in the cycle "
            "(1 = first, 7 = last) in the yellow cells of column G; two are filled in.",
        ),
        last_col=6,
    )
    header = [
        t(("Kode", "Code")),
        t(("Tahap", "Stage")),
        t(("Fungsi / departemen", "Department")),
        t(("Dokumen kunci", "Key document")),
        t(("Titik rawan (risiko)", "Risk point")),
        t(("Kontrol kunci", "Key control")),
        t(("Urutan (1-7)", "Position (1-7)")),
        "✓",
    ]
    sh.row((3, 0), header, "header")
    for i, position in enumerate(O2C_SHUFFLE):
        r = 4 + i
        stage = O2C_STAGES[position - 1]
        sh.write((r, 0), chr(ord("A") + i), "bold")
        sh.row((r, 1), [t(part) for part in stage], ["bold", "wrap", "wrap", "wrap", "wrap"])
        if position in O2C_GIVEN:
            sh.write((r, 6), position, "int")
        else:
            sh.exercise(
                (r, 6),
                position,
                kind="count",
                question=t(
                    (
                        f"Urutan tahap '{stage[0][0]}' dalam siklus O2C",
                        f"Position of the stage '{stage[0][1]}' in the O2C cycle",
                    )
                ),
            )
    row = 4 + len(O2C_SHUFFLE) + 1
    sh.write(
        (row, 0),
        t(("Pilar model manajemen piutang", "Pillars of an AR management model")),
        "h1",
    )
    sh.row(
        (row + 1, 1),
        [t(("Pilar", "Pillar")), t(("Isi", "Content")), t(("Dibahas di", "Covered in"))],
        "header",
    )
    for i, (pillar, content, where) in enumerate(PILLARS):
        sh.row((row + 2 + i, 1), [t(pillar), t(content), t(where)], ["bold", "wrap", "text"])
    row += 2 + len(PILLARS) + 1
    paragraph(
        sh,
        (row, 1),
        5,
        (
            "Integrasi lintas fungsi: Sales, Operasional, Keuangan dan Legal berbagi satu "
            "data pelanggan dan satu kalender penagihan; setiap titik rawan di atas "
            "membutuhkan pemilik yang jelas.",
            "Cross-functional integration: Sales, Operations, Finance and Legal share one "
            "customer record and one collection calendar; every risk point above needs a "
            "clear owner.",
        ),
    )


def _glossary_sheet(book: Book) -> None:
    t = book.t
    sh = titled_sheet(
        book,
        ("Glosarium", "Glossary"),
        ("Glosarium piutang", "AR glossary"),
        widths=[5, 36, 36, 80, 22, 5],
        intro=(
            "Istilah yang dipakai sepanjang pelatihan (definisi dalam Bahasa Indonesia).",
            "Terms used throughout the course (definitions in English).",
        ),
        last_col=3,
    )
    header = [
        "No",
        t(("Istilah (Indonesia)", "Indonesian term")),
        t(("Istilah (Inggris)", "English term")),
        t(("Definisi", "Definition")),
    ]
    rows = [[i + 1, idn, en, t(d)] for i, (idn, en, d) in enumerate(GLOSSARY)]
    sh.table("A4", header, rows, ["int", "bold", "bold", "wrap"])
    row = 4 + len(GLOSSARY) + 2
    sh.write((row, 0), t(("Latihan: istilah apa ini?", "Exercise: which term is it?")), "h1")
    paragraph(
        sh,
        (row + 1, 1),
        3,
        (
            "Ketik istilah persis seperti di kolom 'Istilah (Indonesia)' (huruf besar/kecil "
            "bebas) di sel kuning kolom E.",
            "Type the term exactly as in the 'English term' column (any letter case) in the "
            "yellow cells of column E.",
        ),
    )
    for i, (index, question) in enumerate(GLOSSARY_QUESTIONS):
        r = row + 2 + i
        idn, en, _ = GLOSSARY[index]
        sh.write((r, 0), i + 1, "int")
        ask(sh, r, question, idn if book.lang == "id" else en, "text", q=(1, 3), at=4)


def _data_sheets(book: Book) -> LedgerRefs:
    t = book.t
    sh = book.sheet("Data")
    refs = write_ledger(book, sh, top=3, table_name=t(("tblPiutang", "tblLedger")))
    paragraph(
        sh,
        "D2",
        11,
        (
            "Sisa = saldo per tanggal data; nota kredit bernilai negatif. Tabel Excel "
            "'tblPiutang' siap untuk PivotTable.",
            "Balance = balance at the data date; credit notes are negative. The Excel table "
            "'tblLedger' is ready for a PivotTable.",
        ),
    )
    cust = titled_sheet(
        book,
        ("Pelanggan", "Customers"),
        ("Master pelanggan", "Customer master"),
        widths=[22, 14, 18, 14, 18, 18],
        intro=(
            "Tip latihan no. 9: tambahkan kolom 'Sisa' di sebelah kanan dengan SUMIF ke "
            "sheet Data, lalu cari yang terbesar.",
            "Tip for practice no. 9: add a 'Balance' column on the right with SUMIF on the "
            "Data sheet, then find the largest.",
        ),
    )
    frame = customers_frame(book.lang)
    cust.table(
        "A4",
        list(frame.columns),
        frame.values.tolist(),
        [None, None, None, "int", "money"],
        name=t(("tblPelanggan", "tblCustomers")),
    )
    pay = titled_sheet(
        book,
        ("Pembayaran", "Payments"),
        ("Penerimaan kas 2024", "Cash receipts 2024"),
        widths=[14, 22, 22, 16, 20],
        intro=(
            "Satu baris per transfer pelanggan yang sudah dialokasikan ke faktur. Jumlah = kas "
            "yang diterima: nota kredit yang dialokasikan ke faktur sudah dikurangkan (nota "
            "kredit bukan kas).",
            "One row per customer transfer, already applied to an invoice. Amount = cash "
            "received: credit notes applied to the invoice are netted out (a credit note is "
            "not cash).",
        ),
    )
    frame = payments_frame(book.lang)
    rows = [[pd.Timestamp(r[0]), *r[1:]] for r in frame.itertuples(index=False)]
    pay.table(
        "A4",
        list(frame.columns),
        rows,
        ["date", None, None, "money", None],
        name=t(("tblPembayaran", "tblPayments")),
    )
    pay.freeze = (4, 0)
    return refs


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
        *_add_in_examples(book, refs),
    ]
    for i, (label, formula, expected, style) in enumerate(examples):
        r = row + 2 + i
        sh.write((r, 0), i + 1, "int")
        sh.write((r, 1), t(label), "wrap")
        sh.write((r, 2), _shown(formula, book.lang), "note")
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


def _aging_grid(lang: str) -> pd.DataFrame:
    """The core's aging by customer, as ``AR_AGING`` returns it below its header row.

    Rows: one per customer with an open balance, then the Total row; columns: customer, the
    buckets and Total (last). Cell (i, j) of the frame is (i + 2, j + 1) of ``AR_AGING``.
    """
    grid = aging(core_ledger(lang), AS_OF).reset_index(drop=True)
    if grid.iloc[-1][s.CUSTOMER] != TOTAL or grid.columns[-1] != TOTAL:
        raise ValueError("the core's aging must end with its Total row and column")
    return grid


def _aging_cell(
    refs: LedgerRefs, grid: pd.DataFrame, customer: str, column: str
) -> tuple[str, float]:
    """``INDEX(AR_AGING(...), r, c)`` of one customer (or the Total row) and one column."""
    i = int(grid.index[grid[s.CUSTOMER] == customer][0])
    j = list(grid.columns).index(column)
    formula = f"=INDEX(AR_AGING({refs.table},{refs.as_of_cell}),{i + 2},{j + 1})"
    return formula, float(grid.iloc[i][column])


def _add_in_examples(book: Book, refs: LedgerRefs) -> list[tuple[T, str, Any, str]]:
    """Worked ``AR_*`` cells: the over-90 total from ``AR_AGING`` and the ``AR_CHECK`` verdict.

    ``AR_AGING`` returns a header row, one row per customer and a Total row, with the Total
    column last. The example reads the Total row's oldest bucket (no exercise asks for it);
    the total open balance, which an exercise asks for, is on the check sheet.
    """
    if not load_ledger(ledger_frame(book.lang)).problems.empty:
        raise ValueError("the workshop ledger must pass the core's data check")
    grid = _aging_grid(book.lang)
    over_90 = bucket_name(">90", book.lang)
    formula, value = _aging_cell(refs, grid, TOTAL, ">90")
    return [
        (
            (
                f"Saldo '{over_90}' dengan add-in (AR_AGING: baris Total, kolom ke-6)",
                f"'{over_90}' balance with the add-in (AR_AGING: Total row, 6th column)",
            ),
            formula,
            value,
            "rp",
        ),
        (
            (
                "Cek kesehatan data dengan add-in (AR_CHECK: OK = tidak ada masalah)",
                "Data health check with the add-in (AR_CHECK: OK = no problems)",
            ),
            f"=AR_CHECK({refs.table})",
            "OK",
            "bold",
        ),
    ]


def _check_sheet(book: Book, refs: LedgerRefs) -> None:
    """The last sheet: ``AR_*`` cells that recompute practice answers (open it at the end)."""
    t = book.t
    sh = titled_sheet(
        book,
        CHECK_SHEET,
        ("Cek jawaban dengan add-in xl-ar", "Check your answers with the xl-ar add-in"),
        widths=[5, 50, 62, 20],
        intro=(
            "Buka sheet ini setelah Anda selesai. Fungsi add-in xl-ar menghitung ulang "
            "beberapa jawaban sheet Latihan dari tabel Data; tanpa add-in selnya "
            "menampilkan #NAME?.",
            "Open this sheet after you finish. The xl-ar add-in's functions recompute some "
            "answers of the Practice sheet from the Data table; without the add-in the cells "
            "show #NAME?.",
        ),
    )
    header_row(sh, (3, 0), ["No", ("Jawaban", "Answer"), ("Rumus", "Formula"),
                            ("Hasil add-in", "Add-in result")])  # fmt: skip
    grid = _aging_grid(book.lang)
    rows = [
        (
            (
                "Latihan no. 5: total saldo piutang terbuka",
                "Practice no. 5: total open receivables",
            ),
            _aging_cell(refs, grid, TOTAL, TOTAL),
        ),
        (
            (
                f"Latihan no. 8: saldo terbuka {NAMED_CUSTOMER}",
                f"Practice no. 8: open balance of {NAMED_CUSTOMER}",
            ),
            _aging_cell(refs, grid, NAMED_CUSTOMER, TOTAL),
        ),
    ]
    for i, (label, (formula, value)) in enumerate(rows):
        r = 4 + i
        sh.write((r, 0), i + 1, "int")
        sh.write((r, 1), t(label), "wrap")
        sh.write((r, 2), _shown(formula, book.lang), "note")
        sh.formula((r, 3), formula, expected=value, style="rp")


def _shown(formula: str, lang: str) -> str:
    """A formula as the book's language types it (``;`` between arguments in Indonesian)."""
    return formula.replace(",", ";") if lang == "id" else formula


def _practice_sheet(book: Book, refs: LedgerRefs) -> None:
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


def _title_rows(book: Book) -> None:
    """Make row 1 of every sheet with a 16-point title tall enough for it (24 points)."""
    for sheet in book.sheets[1:]:
        if any(r == 0 and cell.style == "title" for (r, _), cell in sheet.cells.items()):
            grow_row(sheet, 0, TITLE_HEIGHT)


def build(lang: str) -> Book:
    """Build the module 1 workbook in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : {"id", "en"}

    Returns
    -------
    Book
        Cover, O2C cycle, glossary, ledger, customers, payments and practice sheets.
    """
    book = Book("module_1", lang, pick(TITLE, lang))
    _cover(book)
    _o2c_sheet(book)
    _glossary_sheet(book)
    refs = _data_sheets(book)
    _practice_sheet(book, refs)
    _check_sheet(book, refs)
    autofit_book(book)
    _title_rows(book)
    return book
