"""The glossary sheet: AR terms and metrics, and three "which term is this" exercises."""

from __future__ import annotations

from xl_ar.workshop.book import Book, pick
from xl_ar.workshop.layout import ask, paragraph, titled_sheet
from xl_ar.workshop.module_1.common import T
from xl_ar.workshop.terms import ALLOWANCE, BUCKETS, WRITE_OFF

__all__ = ["GLOSSARY", "GLOSSARY_QUESTIONS", "add_glossary_sheet"]

_BUCKETS: T = (
    ", ".join(pick(name, "id") for name in BUCKETS.values()),
    ", ".join(pick(name, "en") for name in BUCKETS.values()),
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
            "Estimasi kerugian kredit ekspektasian yang mengurangi nilai piutang di neraca; "
            f"di pembukuan disebut {ALLOWANCE[0]}.",
            "The estimated expected credit loss that reduces receivables on the balance sheet; "
            f"in the books it is the {ALLOWANCE[1][0].lower()}{ALLOWANCE[1][1:]}.",
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


def add_glossary_sheet(book: Book) -> None:
    """The glossary table and its three "which term is this" exercises."""
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
