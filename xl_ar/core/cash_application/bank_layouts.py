"""Column layouts of Indonesian banks' statement exports (*mutasi rekening*) and how to tell them apart.

One header-synonym table (:data:`STATEMENT_HEADERS`) serves every bank: the banks name the same
few columns differently, never one name for two different things. What tells the banks apart
is a handful of headers only one bank writes (:data:`BANK_MARKS`) and the bank's name in the
title block above the header (:data:`BANK_TITLE_WORDS`).

=========  ========================================================================================
bank       layout as exported (*typical*: see the sources below)
=========  ========================================================================================
bca        KlikBCA Bisnis / myBCA: title block ``No. rekening``, ``Nama``, ``Periode : 01/12/2024 -
           31/12/2024``, ``Kode Mata Uang``; rows ``Tanggal`` (``dd/mm`` *without a year*, or
           ``PEND`` for a pending line), ``Keterangan``, ``Cabang``, ``Jumlah`` (``17,325,000.00
           CR`` / ``DB``, or the ``CR``/``DB`` in a column of its own), ``Saldo``; footer
           ``Saldo Awal``, ``Mutasi Kredit``, ``Mutasi Debet``, ``Saldo Akhir``.
mandiri    MCM / Livin' / Kopra: ``Account No``, ``Date``/``Tanggal``/``Tgl.``, ``Val. Date``/
           ``Tgl. Valuta``/``Tgl. Val.`` (effective date), ``Description``/``Keterangan``/
           ``Rincian Transaksi``, ``Reference No.``/``No. Referensi``, ``Debit``/``Debet``,
           ``Credit``/``Kredit``, ``Balance``/``Saldo``.
bri        CMS: ``NOREK``, ``TGL_TRAN``, ``TGL_EFEKTIF``, ``JAM_TRAN``, ``DESK_TRAN``,
           ``SALDO_AWAL_MUTASI``, ``MUTASI_DEBET``/``MUTASI_DEBIT``, ``MUTASI_KREDIT``,
           ``SALDO_AKHIR_MUTASI``; BRImo: ``Tanggal Transaksi``, ``Uraian Transaksi``,
           ``Debet``, ``Kredit``, ``Saldo``.
bni        BNIDirect: ``Post Date``, ``Value Date``, ``Branch``/``Cabang``, ``Journal No.``,
           ``Description``/``Deskripsi``, ``Amount``, ``Db/Cr`` (``D``/``C``), ``Balance``.
generic    a date, a description, and debit + credit columns, or one signed amount, or an
           amount with a ``CR``/``DB`` column or suffix.
=========  ========================================================================================

Sources (public descriptions of the exports; none of the banks publishes a column-by-column
specification of its csv/xlsx export, so the documentation is *thin* and the layouts above are
typical, built from what others who parse these files wrote down):

* astonsistem/simpra-prime-vue, ``docs/IMPORT_BANK_PILIHAN.md`` (GitHub): the Excel columns of
  Mandiri (``Tgl.``, ``Tgl. Val.``, ``Rincian Transaksi``, ``No. Referensi``, ``Debit``,
  ``Kredit``, ``Saldo``), BCA (``Tanggal Transaksi``, ``Keterangan``, ``Cabang``, ``Jumlah``
  with ``DB``/``CR``), BNI (``Cabang``, ``Journal No.``, ``Deskripsi``, ``Amount``,
  ``Db/Cr`` = ``D``/``C``) and BRI (``NOREK``, ``TGL_TRAN``, ``TGL_EFEKTIF``, ``JAM_TRAN``,
  ``DESK_TRAN``, ``SALDO_AWAL_MUTASI``, ``MUTASI_DEBIT``, ``MUTASI_KREDIT``).
* ThePrime-Sushimas/suryamas, ``TODO_BANK_CSV_PARSER.md`` (GitHub): BCA personal and business
  csv layouts, the ``PEND`` marker in the date column.
* A BCA csv parser on GitHub (TypeScript, "Parse BCA CSV date format ('DD/MM' or 'DD/MM/YY')"):
  the title block (account number, name, currency), opening and closing balances and the credit
  and debit totals of the footer; it *assumes the current year* for year-less dates, which
  this reader refuses to do (the year comes from the statement period).
* Sasmito Adibowo's converter of BCA savings-account csv files (indiespark.top) and the CPAN
  module Finance::Bank::ID::Mandiri (MCM csv with ``;`` separators).

Examples
--------
>>> bank_marks(["TGL_TRAN", "DESK_TRAN", "MUTASI_DEBET", "MUTASI_KREDIT"])["bri"]
4
>>> title_bank("PT Bank Central Asia Tbk - Mutasi Rekening")
'bca'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from xl_ar.core.base.columns import header_lookup, normalize_header

__all__ = [
    "BANKS",
    "BANK_MARKS",
    "BANK_NAMES",
    "BANK_TITLE_WORDS",
    "STATEMENT_HEADERS",
    "bank_marks",
    "title_bank",
]

#: The statement layouts :func:`~xl_ar.core.cash_application.bank_statement.read_bank_statement`
#: reads, as the ``bank=`` option names them.
BANKS = ("bca", "mandiri", "bri", "bni", "generic")

#: How each bank is named in messages.
BANK_NAMES = {"bca": "BCA", "mandiri": "Mandiri", "bri": "BRI", "bni": "BNI", "generic": "generic"}

DATE = "date"
VALUE_DATE = "value_date"
DESCRIPTION = "description"
REFERENCE = "reference"
DEBIT = "debit"
CREDIT = "credit"
AMOUNT = "amount"
DIRECTION = "direction"
BALANCE = "balance"
OPENING = "opening"
BRANCH = "branch"
ACCOUNT = "account"
CURRENCY = "currency"
CUSTOMER = "customer"

#: Header synonyms of a bank statement's columns (English, Indonesian, the banks' own codes).
STATEMENT_HEADERS: dict[str, tuple[str, ...]] = {
    DATE: (
        "tanggal", "tgl", "tanggal transaksi", "tgl transaksi", "transaction date", "trx date",
        "txn date", "post date", "posting date", "tgl posting", "tanggal posting", "tgl tran",
        "tanggal mutasi", "tgl mutasi", "booking date", "tanggal kirim", "trans date",
    ),
    VALUE_DATE: (
        "value date", "val date", "tgl valuta", "tanggal valuta", "tgl val", "effective date",
        "tgl efektif", "tanggal efektif",
    ),
    DESCRIPTION: (
        "keterangan", "deskripsi", "uraian", "uraian transaksi", "rincian transaksi",
        "desk tran", "transaction description", "keterangan transaksi", "remark", "remarks",
        "berita", "narrative", "details", "transaction details", "memo",
    ),
    REFERENCE: (
        "reference no", "reference", "reference number", "ref", "ref no", "no ref",
        "no referensi", "nomor referensi", "referensi", "journal no", "journal", "no jurnal",
        "transaction id", "trx id", "no transaksi",
    ),
    DEBIT: (
        "debet", "mutasi debet", "mutasi debit", "debit amount", "withdrawal", "withdrawals",
        "dr", "uang keluar",
    ),
    CREDIT: (
        "kredit", "mutasi kredit", "credit amount", "deposit", "deposits", "cr", "uang masuk",
    ),
    AMOUNT: ("jumlah", "amount", "nominal", "mutasi", "nilai", "jumlah mutasi"),
    DIRECTION: ("db/cr", "d/c", "d/k", "cr/db", "debit/credit", "debet/kredit", "mutasi db/cr"),
    BALANCE: ("saldo", "balance", "saldo akhir mutasi", "running balance"),
    OPENING: ("saldo awal mutasi",),
    BRANCH: ("cabang", "branch", "branch code", "cbg", "kode cabang"),
    ACCOUNT: ("account no", "account number", "no rekening", "nomor rekening", "norek"),
    CURRENCY: ("currency", "ccy", "mata uang", "valuta", "kode mata uang"),
    CUSTOMER: ("pelanggan", "nama pelanggan", "customer name", "kode pelanggan", "debitur"),
}  # fmt: skip

#: Normalised header → canonical column (one lookup, :func:`header_lookup`).
STATEMENT_LOOKUP = header_lookup(STATEMENT_HEADERS)

#: Headers only one bank writes (compared after :func:`normalize_header`).
BANK_MARKS: dict[str, frozenset[str]] = {
    bank: frozenset(map(normalize_header, names))
    for bank, names in {
        "bca": ("Cabang", "CBG"),
        "mandiri": (
            "Val. Date", "Tgl. Valuta", "Tanggal Valuta", "Tgl. Val.", "Reference No.",
            "No. Referensi", "Rincian Transaksi",
        ),
        "bri": (
            "TGL_TRAN", "DESK_TRAN", "MUTASI_DEBET", "MUTASI_DEBIT", "MUTASI_KREDIT",
            "SALDO_AKHIR_MUTASI", "SALDO_AWAL_MUTASI", "TGL_EFEKTIF", "JAM_TRAN",
            "Uraian Transaksi",
        ),
        "bni": ("Journal No.", "Db/Cr", "Post Date"),
    }.items()
}  # fmt: skip

#: The bank's name as it appears in a title block (a whole word, any case).
BANK_TITLE_WORDS: dict[str, re.Pattern[str]] = {
    bank: re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
    for bank, words in {
        "bca": r"bca|bank central asia|klikbca|klik bca|mybca",
        "mandiri": r"mandiri|livin'?|mcm|kopra",
        "bri": r"bri|bank rakyat indonesia|brimo|qlola",
        "bni": r"bni|bank negara indonesia|bnidirect|bni direct",
    }.items()
}


def bank_marks(headers: Iterable[object]) -> dict[str, int]:
    """How many headers of a header row only each bank writes.

    Examples
    --------
    >>> bank_marks(["Post Date", "Cabang", "Journal No.", "Db/Cr"])
    {'bca': 1, 'mandiri': 0, 'bri': 0, 'bni': 3}
    """
    keys = {normalize_header(h) for h in headers if isinstance(h, str)}
    return {bank: len(keys & marks) for bank, marks in BANK_MARKS.items()}


def title_bank(title: str) -> str | None:
    """The one bank a title block names, or ``None`` (no bank, or several).

    Examples
    --------
    >>> title_bank("KlikBCA Bisnis"), title_bank("Rekening Koran"), title_bank("BNI / BRI")
    ('bca', None, None)
    """
    named = [bank for bank, words in BANK_TITLE_WORDS.items() if words.search(title)]
    return named[0] if len(named) == 1 else None
