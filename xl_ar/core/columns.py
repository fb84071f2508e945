"""Header matching: map the headers users really write to canonical ledger columns.

Headers are compared after normalisation: camelCase is split, the text is lower-cased,
anything in parentheses is dropped, and spaces, underscores, dots, dashes and slashes are
removed. ``customerID``, ``Customer ID``, ``customer_id`` and ``CUSTOMER-ID`` all become
``customerid``; ``InvoiceAmount (in thousands USD)`` becomes ``invoiceamount``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence

from xl_ar.core import schema as s
from xl_ar.errors import MissingColumnError, XlArError

#: Synonyms per canonical column, most specific first. English and Indonesian.
SYNONYMS: dict[str, tuple[str, ...]] = {
    s.CUSTOMER: (
        "customer",
        "customer name",
        "customer id",
        "customer code",
        "customer no",
        "client",
        "client name",
        "debtor",
        "account",
        "account name",
        "buyer",
        "counterparty",
        "pelanggan",
        "nama pelanggan",
        "kode pelanggan",
        "id pelanggan",
        "debitur",
        "nama debitur",
        "konsumen",
        "pembeli",
        "customerid",
        "cust",
        "cust no",
        "cust number",
    ),
    s.INVOICE: (
        "invoice",
        "invoice number",
        "invoice no",
        "invoice id",
        "invoice ref",
        "document",
        "document number",
        "document no",
        "doc no",
        "reference no",
        "bill no",
        "faktur",
        "no faktur",
        "nomor faktur",
        "no invoice",
        "nomor invoice",
        "no dokumen",
        "nomor dokumen",
        "no bukti",
    ),
    s.DOC_TYPE: (
        "document type",
        "doc type",
        "type",
        "transaction type",
        "jenis",
        "jenis dokumen",
        "jenis transaksi",
        "tipe",
        "tipe dokumen",
    ),
    s.INVOICE_DATE: (
        "invoice date",
        "document date",
        "date",
        "posting date",
        "bill date",
        "tanggal faktur",
        "tgl faktur",
        "tanggal invoice",
        "tgl invoice",
        "tanggal",
        "tanggal dokumen",
        "tgl dokumen",
        "tgl",
    ),
    s.DUE_DATE: (
        "due date",
        "due",
        "due on",
        "maturity date",
        "payment due date",
        "jatuh tempo",
        "tanggal jatuh tempo",
        "tgl jatuh tempo",
        "tgl jt",
        "jt",
    ),
    s.TERMS: (
        "terms",
        "terms days",
        "payment terms",
        "credit terms",
        "term",
        "net days",
        "days terms",
        "termin",
        "top",
        "term of payment",
        "termin pembayaran",
        "jangka waktu",
        "syarat pembayaran",
        "hari kredit",
    ),
    s.AMOUNT: (
        "amount",
        "invoice amount",
        "total",
        "invoice total",
        "gross amount",
        "value",
        "amount due",
        "original amount",
        "jumlah",
        "nilai",
        "nilai faktur",
        "jumlah faktur",
        "total faktur",
        "nominal",
        "tagihan",
        "jumlah tagihan",
    ),
    s.PAID: (
        "paid",
        "paid amount",
        "amount paid",
        "payment amount",
        "payments",
        "received",
        "amount received",
        "settled",
        "settled amount",
        "collected",
        "dibayar",
        "jumlah dibayar",
        "jumlah bayar",
        "pembayaran",
        "terbayar",
        "sudah dibayar",
    ),
    s.PAYMENT_DATE: (
        "payment date",
        "paid date",
        "date paid",
        "settled date",
        "settlement date",
        "settle date",
        "receipt date",
        "clear date",
        "cleared date",
        "last payment date",
        "tanggal bayar",
        "tgl bayar",
        "tanggal pembayaran",
        "tgl pembayaran",
        "tanggal lunas",
        "tgl lunas",
        "tanggal pelunasan",
    ),
    s.BALANCE: (
        "balance",
        "outstanding",
        "outstanding amount",
        "open amount",
        "amount outstanding",
        "balance due",
        "remaining",
        "residual",
        "amount open",
        "sisa",
        "saldo",
        "sisa tagihan",
        "saldo piutang",
        "sisa piutang",
        "belum dibayar",
        "outstanding balance",
    ),
    s.DISPUTED: (
        "disputed",
        "dispute",
        "in dispute",
        "sengketa",
        "disengketakan",
        "komplain",
        "dalam sengketa",
    ),
    s.CURRENCY: ("currency", "currency code", "ccy", "cur", "mata uang", "valuta", "kurs"),
}

_CAMEL_1 = re.compile(r"([a-z0-9])([A-Z])")
_CAMEL_2 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_MAX_HEADER = 256  # longer cells are no header; the regexes above are slow on long capitals


def normalize_header(header: object) -> str:
    """Reduce a header to the key it is matched on.

    Examples
    --------
    >>> normalize_header("customerID"), normalize_header("Tanggal_Faktur")
    ('customerid', 'tanggalfaktur')
    >>> normalize_header("InvoiceAmount (in thousands USD)")
    'invoiceamount'
    """
    text = "" if header is None else str(header)[:_MAX_HEADER]  # bounded work per cell
    text = _PARENS.sub(" ", text)
    text = _CAMEL_2.sub(r"\1 \2", _CAMEL_1.sub(r"\1 \2", text))
    return _NON_WORD.sub("", text.lower())


Lookup = dict[str, tuple[str, int]]


def synonym_lookup(synonyms: Mapping[str, Sequence[str]]) -> Lookup:
    """Normalised header → (canonical name, rank); rank 0 is the canonical name itself.

    Examples
    --------
    >>> synonym_lookup({"amount": ("Jumlah",)})["jumlah"]
    ('amount', 1)
    """
    out: Lookup = {}
    for canon, names in synonyms.items():
        for rank, name in enumerate((canon, *names)):
            out.setdefault(normalize_header(name), (canon, rank))
    return out


_LOOKUP = synonym_lookup(SYNONYMS)


def rank_headers(
    headers: Sequence[object], lookup: Lookup, *, many: Collection[str] = ()
) -> tuple[dict[str, int], list[int], dict[str, list[int]]]:
    """Match a header row against a synonym lookup, best synonym per column.

    Returns the winning position per canonical column, the positions that lost to a better
    synonym of the same column, and every position of the ``many`` columns (which may occur
    several times, e.g. memo columns). Two headers matching equally well raise an error.
    """
    best: dict[str, tuple[int, int]] = {}  # canonical -> (rank, position)
    losers: list[int] = []
    repeated: dict[str, list[int]] = {}
    for pos, header in enumerate(headers):
        hit = lookup.get(normalize_header(header))
        if hit is None:
            continue
        canon, rank = hit
        if canon in many:
            repeated.setdefault(canon, []).append(pos)
            continue
        if canon in best:
            other_rank, other_pos = best[canon]
            if rank == other_rank:
                raise XlArError(
                    f"columns {headers[other_pos]!r} and {header!r} both look like "
                    f"'{canon}': rename one of them"
                )
            if rank > other_rank:
                losers.append(pos)
                continue
            losers.append(other_pos)
        best[canon] = (rank, pos)
    return {canon: pos for canon, (_, pos) in best.items()}, losers, repeated


def match_headers(headers: Sequence[object]) -> dict[int, str]:
    """Map header positions to canonical column names.

    Where several headers match the same canonical column, the one whose synonym comes
    first in :data:`SYNONYMS` wins (``Customer`` beats ``Customer ID``); the others are
    kept as ordinary columns. Two headers that match equally well raise an error.

    Parameters
    ----------
    headers : sequence
        The header row as found (any objects; ``None`` for empty cells).

    Returns
    -------
    dict
        ``{position: canonical_name}`` for the recognised headers only.

    Examples
    --------
    >>> match_headers(["Pelanggan", "No Faktur", "Jatuh Tempo", "Catatan"])
    {0: 'customer', 1: 'invoice', 2: 'due_date'}
    """
    best, _, _ = rank_headers(headers, _LOOKUP)
    return {pos: canon for canon, pos in best.items()}


def header_score(headers: Iterable[object]) -> int:
    """Number of cells in a row that are recognised ledger headers (to find the header row)."""
    return sum(normalize_header(h) in _LOOKUP for h in headers if h is not None)


def require(
    found: dict[int, str], headers: Sequence[object], *needed: str | tuple[str, ...]
) -> None:
    """Raise :class:`MissingColumnError` unless every needed column (or one of a tuple) is present.

    Examples
    --------
    >>> require({0: "customer"}, ["Pelanggan", "Nilai?"], "customer", ("due_date", "terms_days"))
    Traceback (most recent call last):
    ...
    xl_ar.errors.MissingColumnError: no 'due_date' or 'terms_days' column (e.g. 'Due Date', \
'Jatuh Tempo'); headers found: 'Pelanggan', 'Nilai?'
    """
    have = set(found.values())
    for need in needed:
        options = need if isinstance(need, tuple) else (need,)
        if not have.intersection(options):
            names = " or ".join(f"'{o}'" for o in options)
            examples = ", ".join(f"'{e}'" for e in _EXAMPLES[options[0]])
            listed = ", ".join(repr(str(h)) for h in headers if h not in (None, "")) or "none"
            raise MissingColumnError(
                f"no {names} column (e.g. {examples}); headers found: {listed}"
            )


_EXAMPLES: dict[str, tuple[str, str]] = {
    s.CUSTOMER: ("Customer", "Pelanggan"),
    s.INVOICE: ("Invoice", "No Faktur"),
    s.INVOICE_DATE: ("Invoice Date", "Tanggal Faktur"),
    s.DUE_DATE: ("Due Date", "Jatuh Tempo"),
    s.TERMS: ("Terms", "Termin"),
    s.AMOUNT: ("Amount", "Jumlah"),
    s.BALANCE: ("Balance", "Sisa"),
    s.PAID: ("Paid", "Dibayar"),
    s.PAYMENT_DATE: ("Payment Date", "Tanggal Bayar"),
}
