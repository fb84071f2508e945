"""Header matching: map the headers users really write to canonical ledger columns.

Headers are compared after normalisation: camelCase is split, the text is lower-cased,
anything in parentheses is dropped, and spaces, underscores, dots, dashes and slashes are
removed. ``customerID``, ``Customer ID``, ``customer_id`` and ``CUSTOMER-ID`` all become
``customerid``; ``InvoiceAmount (in thousands USD)`` becomes ``invoiceamount``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from xl_ar.core.base import schema as s
from xl_ar.core.base.cells import cut_text
from xl_ar.errors import MissingColumnError, XlArError

__all__ = [
    "HEADER_CHARS",
    "LEDGER_HEADERS",
    "SECONDARY",
    "HeaderTable",
    "Lookup",
    "header_lookup",
    "header_score",
    "listed_headers",
    "match_headers",
    "normalize_header",
    "rank_headers",
    "require",
    "shown_header",
    "synonym_lookup",
]

#: Synonyms per canonical column, most specific first. English and Indonesian.
LEDGER_HEADERS: dict[str, tuple[str, ...]] = {
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

#: Synonyms that name a weaker kind of a column (a code beside a name, a posting date beside a
#: document date) with their tier: a header of a lower tier wins over them without a word.
#: Every other synonym is tier 0, and two headers of one column in the same tier (``Amount``
#: and ``Jumlah``, ``Customer`` and ``Pelanggan``) are refused, never chosen between.
SECONDARY: dict[str, dict[str, int]] = {
    s.CUSTOMER: {
        **dict.fromkeys(("customer name", "client name", "account name", "nama pelanggan"), 1),
        **dict.fromkeys(("nama debitur",), 1),
        **dict.fromkeys(
            (
                "customer id",
                "customer code",
                "customer no",
                "customerid",
                "cust no",
                "cust number",
                "kode pelanggan",
                "id pelanggan",
                "account",
            ),
            2,
        ),
    },
    s.INVOICE: dict.fromkeys(
        (
            "invoice ref",
            "document",
            "document number",
            "document no",
            "doc no",
            "reference no",
            "bill no",
            "no dokumen",
            "nomor dokumen",
            "no bukti",
        ),
        1,
    ),
    s.INVOICE_DATE: {
        **dict.fromkeys(("document date", "date", "tanggal", "tanggal dokumen", "tgl dokumen"), 1),
        **dict.fromkeys(("tgl",), 1),
        **dict.fromkeys(("posting date",), 2),
    },
    s.DUE_DATE: dict.fromkeys(("maturity date",), 1),
    s.AMOUNT: dict.fromkeys(("amount due",), 1),
    s.PAYMENT_DATE: dict.fromkeys(("last payment date",), 1),
    s.CURRENCY: dict.fromkeys(("kurs",), 1),
}

#: Only the start of a header cell is compared: every known header is far shorter, and a cell
#: of Excel's 32,767 characters then costs no more than a short one.
HEADER_CHARS = 256

# Linear-time patterns: a bracket group may not contain another opening bracket, so no
# position is scanned twice (``[^)]*`` made every "(" scan to the end of the cell).
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalize_header(header: object) -> str:
    """Reduce a header to the key it is matched on.

    Only the first :data:`HEADER_CHARS` characters count, so the time is bounded whatever
    the cell holds. (CamelCase needs no splitting: the spaces it would add are removed.)

    Examples
    --------
    >>> normalize_header("customerID"), normalize_header("Tanggal_Faktur")
    ('customerid', 'tanggalfaktur')
    >>> normalize_header("InvoiceAmount (in thousands USD)")
    'invoiceamount'
    """
    text = "" if header is None else str(header)[:HEADER_CHARS]
    text = _PARENS.sub(" ", text)
    return _NON_WORD.sub("", text.lower())


Lookup = dict[str, tuple[str, int]]

#: The one format of a header-synonym table: canonical key → the other ways users write it
#: (English and Indonesian). The key itself is a valid header too. Every such table is named
#: ``<WHAT>_HEADERS`` (``LEDGER_HEADERS``, ``PAYMENT_HEADERS``, ``PROFILE_HEADERS``, ...), for
#: column headers and for the row labels of a label | value range alike, and is read by
#: :func:`header_lookup` (or :func:`synonym_lookup` when ranked); ``*_LABELS`` tables are
#: output text, ``(Indonesian, English)`` pairs.
HeaderTable = Mapping[str, Iterable[str]]


def header_lookup(
    table: HeaderTable,
    *,
    normalize: Callable[[object], str] = normalize_header,
    strict: bool = True,
) -> dict[str, str]:
    """Normalised header → canonical key, for every key of ``table`` and all its synonyms.

    The one lookup of header (and label) synonyms; :func:`synonym_lookup` adds ranks for
    the ledger's columns.

    Parameters
    ----------
    table : HeaderTable
        Canonical key → synonyms.
    normalize : callable
        How headers are compared (default :func:`normalize_header`).
    strict : bool
        Raise ``ValueError`` when two keys claim the same normalised header (a programming
        error in the table); with ``False`` the first key keeps it.

    Returns
    -------
    dict

    Examples
    --------
    >>> header_lookup({"working_capital": ("modal kerja",)})
    {'workingcapital': 'working_capital', 'modalkerja': 'working_capital'}
    >>> header_lookup({"a": ("x",), "b": ("X",)}, strict=False)
    {'a': 'a', 'x': 'a', 'b': 'b'}
    """
    lookup: dict[str, str] = {}
    for key, synonyms in table.items():
        for label in (key, *synonyms):
            norm = normalize(label)
            if strict and lookup.get(norm, key) != key:
                raise ValueError(f"label {label!r} is claimed by {lookup[norm]!r} and {key!r}")
            lookup.setdefault(norm, key)
    return lookup


def synonym_lookup(
    synonyms: Mapping[str, Sequence[str]], tiers: Mapping[str, Mapping[str, int]] | None = None
) -> Lookup:
    """Normalised header → (canonical name, rank).

    Without ``tiers`` the rank is the synonym's place (0 is the canonical name itself), so
    every synonym outranks the next. With ``tiers`` it is the synonym's tier (0 unless
    ``tiers[canonical]`` says otherwise): synonyms of one tier rank equal, and two headers
    matching them are refused by :func:`rank_headers`.

    Examples
    --------
    >>> synonym_lookup({"amount": ("Jumlah",)})["jumlah"]
    ('amount', 1)
    >>> synonym_lookup({"amount": ("Jumlah", "Amount due")}, {"amount": {"amount due": 1}})["jumlah"]
    ('amount', 0)
    """
    out: Lookup = {}
    for canon, names in synonyms.items():
        tier = None if tiers is None else tiers.get(canon, {})
        for rank, name in enumerate((canon, *names)):
            key = normalize_header(name)
            if tier is not None:
                rank = next((t for n, t in tier.items() if normalize_header(n) == key), 0)
            out.setdefault(key, (canon, rank))
    return out


_LOOKUP = synonym_lookup(LEDGER_HEADERS, SECONDARY)


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
                    f"columns {shown_header(headers[other_pos])} and {shown_header(header)} "
                    f"both look like '{canon}': rename one of them"
                )
            if rank > other_rank:
                losers.append(pos)
                continue
            losers.append(other_pos)
        best[canon] = (rank, pos)
    return {canon: pos for canon, (_, pos) in best.items()}, losers, repeated


def match_headers(headers: Sequence[object]) -> dict[int, str]:
    """Map header positions to canonical column names.

    Where several headers match the same canonical column, the one of the lowest tier in
    :data:`SECONDARY` wins (``Customer`` beats ``Customer ID``, ``Document Date`` beats
    ``Posting Date``); the others are kept as ordinary columns. Two headers of the same tier
    (``Amount`` and ``Jumlah``, or ``Amount (USD)`` and ``Amount (IDR)``) raise an error
    naming both: xl-ar never picks one of two amounts silently.

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
    >>> match_headers(["Customer", "Amount", "Jumlah"])
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: columns 'Amount' and 'Jumlah' both look like 'amount': rename one of them
    """
    best, _, _ = rank_headers(headers, _LOOKUP)
    return {pos: canon for canon, pos in best.items()}


def header_score(headers: Iterable[object]) -> int:
    """Number of cells in a row that are recognised ledger headers (to find the header row).

    Examples
    --------
    >>> header_score(["Pelanggan", "Jumlah", 12.5, None, "Catatan"])
    2
    """
    return sum(normalize_header(h) in _LOOKUP for h in headers if isinstance(h, str))


def shown_header(header: object, limit: int = 40) -> str:
    """A header quoted for a message, cut to ``limit`` characters.

    Examples
    --------
    >>> shown_header("Jumlah"), shown_header("X" * 100, 10)
    ("'Jumlah'", "'XXXXXXXXX…'")
    """
    return repr(cut_text(str(header), limit))


def listed_headers(headers: Sequence[object], most: int = 12) -> str:
    """The non-empty headers for a message: at most ``most`` of them, each cut short.

    Examples
    --------
    >>> listed_headers(["Pelanggan", None, "Nilai?"])
    "'Pelanggan', 'Nilai?'"
    >>> listed_headers([f"h{i}" for i in range(20)], most=3)
    "'h0', 'h1', 'h2' … (17 more)"
    """
    named = [h for h in headers if h not in (None, "")]
    shown = ", ".join(shown_header(h) for h in named[:most]) or "none"
    return shown + (f" … ({len(named) - most} more)" if len(named) > most else "")


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
            listed = listed_headers(headers)
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
