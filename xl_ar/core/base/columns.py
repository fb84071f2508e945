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
from xl_ar.core.base.cells import cell_text, cut_text, quote_excerpt
from xl_ar.errors import MissingColumnError, OptionError, XlArError

__all__ = [
    "HEADER_CHARS",
    "LEDGER_HEADERS",
    "SECONDARY",
    "IGNORE",
    "MAX_MAP_CHARS",
    "HeaderTable",
    "Lookup",
    "column_map",
    "find_columns",
    "header_lookup",
    "header_score",
    "key_values",
    "listed_headers",
    "split_mapping_row",
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
        "vendor",
        "vendor name",
        "supplier",
        "supplier name",
        "pemasok",
        "nama pemasok",
        "name 1",
        "party",
        "party name",
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
        "num",
        "no",
        "number",
        "voucher no",
        "reference",
        "bill number",
        "transaction number",
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
        "net due date",
        "due dates",
        "payment due",
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
        "original amount",
        "invoiced amount",
        "amount in local currency",
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
        "amount due",
        "open balance",
        "terutang",
        "remaining balance",
        "amount remaining",
        "unpaid amount",
        "amount unpaid",
        "amount residual",
        "residual amount",
        "saldo akhir",
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
        **dict.fromkeys(
            ("nama debitur", "vendor name", "supplier name", "nama pemasok", "name 1"), 1
        ),
        **dict.fromkeys(("party name",), 1),
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
            "num",
            "voucher no",
            "bill number",
            "transaction number",
        ),
        1,
    )
    | dict.fromkeys(("no", "number", "reference"), 2),
    s.INVOICE_DATE: {
        **dict.fromkeys(("document date", "date", "tanggal", "tanggal dokumen", "tgl dokumen"), 1),
        **dict.fromkeys(("tgl",), 1),
        **dict.fromkeys(("posting date",), 2),
    },
    s.DUE_DATE: dict.fromkeys(("maturity date",), 1),
    s.AMOUNT: dict.fromkeys(("amount in local currency",), 1),
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


def find_columns(header: Sequence[object], lookup: Mapping[str, str]) -> dict[str, int]:
    """Canonical key → position of its first column in ``header`` (a :func:`header_lookup`).

    Examples
    --------
    >>> find_columns(["Tanggal", "Pelanggan", "Customer"],
    ...              header_lookup({"customer": ("pelanggan",), "date": ("tanggal",)}))
    {'date': 0, 'customer': 1}
    """
    found: dict[str, int] = {}
    for pos, cell in enumerate(header):
        key = lookup.get(normalize_header(cell))
        if key is not None and key not in found:
            found[key] = pos
    return found


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


def match_headers(
    headers: Sequence[object], columns: Mapping[str, str] | str | None = None
) -> dict[int, str]:
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
    columns : mapping or str, optional
        The user's column mapping, header → role (see :func:`column_map`): it wins over the
        synonyms; ``ignore`` keeps a header out of the matching.

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
    >>> match_headers(["Customer", "Amount", "Jumlah"], "Jumlah=ignore")
    {0: 'customer', 1: 'amount'}
    """
    forced = _forced_columns(headers, column_map(columns))
    rest = [None if pos in forced else h for pos, h in enumerate(headers)]
    best, _, _ = rank_headers(rest, _LOOKUP)
    roles = set(forced.values())
    found = {pos: canon for canon, pos in best.items() if canon not in roles}
    found.update({pos: canon for pos, canon in forced.items() if canon != IGNORE})
    return dict(sorted(found.items()))


#: The role that keeps a header out of the ledger's columns (kept as an ordinary column).
IGNORE = "ignore"

#: Roles a mapping may name besides the canonical names and their synonyms.
_ROLE_ALIASES = {"ignore": IGNORE, "none": IGNORE, "-": IGNORE, "abaikan": IGNORE}

#: Longest mapping text read (a mapping names a handful of headers).
MAX_MAP_CHARS = 2000


def column_map(columns: Mapping[str, str] | str | None) -> dict[str, str]:
    """The user's column mapping as ``{normalised header: canonical role}``.

    ``columns`` is a mapping header → role, or the text ``"Open Balance=balance, Num=invoice"``
    (``,`` or ``;`` between pairs, as ``--map`` and the ``Columns`` setting give it). A role
    is a canonical column name (``balance``, ``due_date`` ...), any header xl-ar recognises
    for it (``Sisa``, ``Jatuh Tempo`` ...), or ``ignore``.

    Examples
    --------
    >>> column_map("Open Balance=balance; Num=No Faktur, Kode=ignore")
    {'openbalance': 'balance', 'num': 'invoice', 'kode': 'ignore'}
    >>> column_map({"Net Due": "due"})
    {'netdue': 'due_date'}
    >>> column_map("Sisa=saldo awal")
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: column map: 'saldo awal' is not a ledger column (use e.g. \
customer, invoice, invoice_date, due_date, terms_days, amount, paid, balance, doc_type or ignore)
    """
    if columns is None or isinstance(columns, Mapping) and not columns:
        return {}
    if isinstance(columns, str):
        if len(columns) > MAX_MAP_CHARS:
            raise OptionError(f"column map: longer than {MAX_MAP_CHARS} characters")
        pairs = []
        for part in re.split(r"[,;]", columns):
            if not part.strip():
                continue
            header, sep, role = part.rpartition("=")
            if not sep or not header.strip():
                raise OptionError(
                    f"column map: {shown_header(part.strip())} is not 'Header=role' "
                    '(e.g. "Open Balance=balance")'
                )
            pairs.append((header, role))
    elif isinstance(columns, Mapping):
        pairs = list(columns.items())
    else:
        raise OptionError("column map: give 'Header=role' pairs (e.g. \"Open Balance=balance\")")
    out: dict[str, str] = {}
    for header, role in pairs:
        key = normalize_header(header)
        if not key:
            raise OptionError(f"column map: {shown_header(header)} is not a header")
        out[key] = _role(role)
    return out


def _role(role: object, where: str = "column map") -> str:
    text = str(role).strip()
    norm = normalize_header(text)
    if text.lower() in _ROLE_ALIASES or norm in _ROLE_ALIASES:
        return _ROLE_ALIASES.get(text.lower(), _ROLE_ALIASES.get(norm, IGNORE))
    canon = {normalize_header(c): c for c in s.CANONICAL}.get(norm) or _ALIASES.get(norm)
    if canon is None:
        hit = _LOOKUP.get(norm)
        canon = hit[0] if hit else None
    if canon is None:
        raise OptionError(
            f"{where}: {shown_header(text, 30)} is not a ledger column (use e.g. customer, "
            "invoice, invoice_date, due_date, terms_days, amount, paid, balance, doc_type or ignore)"
        )
    return canon


_ALIASES = {"due": s.DUE_DATE, "date": s.INVOICE_DATE, "type": s.DOC_TYPE, "terms": s.TERMS}


def _forced_columns(headers: Sequence[object], wanted: Mapping[str, str]) -> dict[int, str]:
    """Positions the user's mapping names, with their role; a mapped header must exist."""
    if not wanted:
        return {}
    keys = [normalize_header(h) if h not in (None, "") else "" for h in headers]
    forced: dict[int, str] = {}
    for key, role in wanted.items():
        if key not in keys:
            raise OptionError(
                f"column map: no header {shown_header(key, 30)} in the ledger; "
                f"headers found: {listed_headers(headers, most=8)}"
            )
        forced[keys.index(key)] = role
    roles = [r for r in forced.values() if r != IGNORE]
    twice = next((r for r in roles if roles.count(r) > 1), None)
    if twice is not None:
        raise OptionError(f"column map: two headers are mapped to '{twice}'")
    return forced


def split_mapping_row(rows: Sequence[Sequence[object]]) -> tuple[dict[str, str], list]:
    """Take a mapping row off the top of a range: ``({header: role}, the rows below it)``.

    The worksheet functions' column mapping: a row above the header row holding a role
    (``balance``, ``invoice``, ``ignore``, a canonical name or any header xl-ar recognises for
    it, as in :func:`column_map`) over each column to map, blank elsewhere. The first row is
    a mapping row when it holds only short text, at least one cell is a role, and the row
    under it is a header row: a header under every role, and two headers xl-ar knows or no
    number or date (a data row below a real header row always has one). A title line (``Open Invoices``) is no role, so
    titles are kept.
    Once it is a mapping row, every cell of it must be a role.

    Examples
    --------
    >>> rows = [[None, "invoice", "balance"], ["Name", "Num", "Open Balance"], ["A", "1", 5.0]]
    >>> split_mapping_row(rows)
    ({'Num': 'invoice', 'Open Balance': 'balance'}, [['Name', 'Num', 'Open Balance'], ['A', '1', 5.0]])
    >>> split_mapping_row([["Customer", "Amount"], ["A", 5.0]])[0]
    {}
    >>> split_mapping_row([["balans"], ["Sisa"], [5.0]])[0]
    {}
    >>> split_mapping_row([["balance", "saldo awal"], ["Open", "Old"], [5.0, 1.0]])
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: mapping row, column 2: 'saldo awal' is not a ledger column \
(use e.g. customer, invoice, invoice_date, due_date, terms_days, amount, paid, balance, doc_type or ignore)
    """
    rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in rows]
    if len(rows) < 3 or not _is_mapping_row(rows[0], rows[1]):
        return {}, rows
    top, headers = rows[0], rows[1]
    out: dict[str, str] = {}
    for pos, cell in enumerate(top):
        if not isinstance(cell, str) or not cell.strip():
            continue
        where = f"mapping row, column {pos + 1}"
        role = _role(cell, where)
        header = str(headers[pos])
        if normalize_header(header) in map(normalize_header, out):
            raise OptionError(f"{where}: header {shown_header(header, 30)} appears twice")
        out[header] = role
    return out, rows[1:]


#: Text a data row holds and a header does not: an amount (``Rp 1.500.000``, ``(25.00)``) or a
#: date (``31/01/2024``, ``2024-01-31 10:00``); a bucket header such as ``1 - 30`` is neither.
_NUMBER_TEXT = re.compile(r"[-+(]?\s*(?:rp\.?|idr|usd|\$)?\s*[-+(]?\d[\d.,\s]*\)?%?", re.IGNORECASE)
_DATE_TEXT = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:[ T].*)?")


def _is_mapping_row(top: Sequence[object], below: Sequence[object]) -> bool:
    """Whether ``top`` (text with a role) sits over a header row rather than being one."""
    cells = [c for c in top if c is not None and not (isinstance(c, str) and not c.strip())]
    if not cells or not all(isinstance(c, str) and len(c) <= HEADER_CHARS for c in cells):
        return False
    if not any(_is_role(c) for c in cells):
        return False
    for pos, cell in enumerate(top):  # a header under every role: not a header over blanks
        under = below[pos] if pos < len(below) else None
        if isinstance(cell, str) and cell.strip() and not _header_text(under):
            return False
    return header_score(below) >= 2 or not any(map(_data_cell, below))


def _header_text(cell: object) -> bool:
    return isinstance(cell, str) and bool(normalize_header(cell))


def _data_cell(cell: object) -> bool:
    if cell is None or isinstance(cell, str) and not cell.strip():
        return False
    if not isinstance(cell, str):
        return True  # a number, a date, a flag: no header is one
    text = cell.strip()
    return bool(_NUMBER_TEXT.fullmatch(text) or _DATE_TEXT.fullmatch(text))


def _is_role(text: object) -> bool:
    try:
        _role(text)
    except OptionError:
        return False
    return True


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
    >>> shown_header("Jumlah"), shown_header("Nilai Faktur Setelah Diskon", 10)
    ("'Jumlah'", "'Nilai Fak…'")
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

    The message lists the headers found and the ``--map`` that names an unrecognised header
    as the missing column: the first one whose words could hold it (:data:`_UNLIKE`: a day
    count is no date, a date no amount; a date column's header names a date), else
    ``Header``.

    Examples
    --------
    >>> require({0: "customer"}, ["Pelanggan", "Nilai?", "Tgl Kirim"], "customer",
    ...         ("due_date", "terms_days"))
    Traceback (most recent call last):
    ...
    xl_ar.errors.MissingColumnError: no 'due_date' or 'terms_days' column (e.g. 'Due Date', \
'Jatuh Tempo'); headers found: 'Pelanggan', 'Nilai?', 'Tgl Kirim'; to use one: --map "Tgl Kirim=due_date"
    """
    have = set(found.values())
    for need in needed:
        options = need if isinstance(need, tuple) else (need,)
        if not have.intersection(options):
            names = " or ".join(f"'{o}'" for o in options)
            examples = ", ".join(f"'{e}'" for e in _EXAMPLES[options[0]])
            spare = [h for p, h in enumerate(headers) if p not in found and h not in (None, "")]
            spare = [h for h in spare if _could_hold(h, options[0])]
            name = " ".join(str(spare[0]).split()) if spare else ""
            header = name if 0 < len(name) <= 30 and '"' not in name else "Header"
            hint = f'; to use one: --map "{header}={options[0]}"'
            listed = listed_headers(headers, most=8)
            room = 255 - len(hint) - len(f"no {names} column (e.g. {examples}); headers found: ")
            raise MissingColumnError(
                f"no {names} column (e.g. {examples}); headers found: {cut_text(listed, room)}"
                + hint
            )


_DATE_WORDS = frozenset({"date", "dated", "tanggal", "tgl", "posting", "posted"})
_MONEY_WORDS = frozenset({"amount", "total", "jumlah", "nilai", "balance", "saldo", "sisa"})
_COUNT_WORDS = frozenset({"days", "day", "hari", "no", "nomor", "number", "num"})
_DATE_ROLES = frozenset({s.INVOICE_DATE, s.DUE_DATE, s.PAYMENT_DATE})
_MONEY_ROLES = frozenset({s.AMOUNT, s.BALANCE, s.PAID})
#: Role kind → header words that say a header cannot hold it (a ``--map`` hint never names it).
_UNLIKE: dict[str, frozenset[str]] = {
    "date": _MONEY_WORDS | {"days", "day", "hari"},
    "money": _DATE_WORDS | {"days", "day", "hari", "no", "nomor", "number", "num"},
    "text": _DATE_WORDS | _MONEY_WORDS | _COUNT_WORDS,
}


def _could_hold(header: object, role: str) -> bool:
    """Whether ``header``'s words allow it to hold ``role`` (a date role needs a date word).

    Examples
    --------
    >>> _could_hold("Days Until Due Date", "invoice_date"), _could_hold("Tgl Kirim", "invoice_date")
    (False, True)
    >>> _could_hold("Klien", "customer"), _could_hold("Nomor", "customer")
    (True, False)
    """
    words = set(_NON_WORD.split(str(header).lower()))
    kind = "date" if role in _DATE_ROLES else "money" if role in _MONEY_ROLES else "text"
    if role == s.TERMS:
        return True
    if kind == "date" and not words & _DATE_WORDS:
        return False
    return not words & _UNLIKE[kind]


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


def key_values(
    rows: Iterable[Iterable[object]] | None,
    lookup: Mapping[str, str],
    *,
    fields: Collection[str],
    overrides: Mapping[str, object] | None = None,
    what: str = "setting",
) -> dict[str, object]:
    """Field → value from ``key | value`` rows (an ``xl_ar.conf`` sheet or file), then
    ``overrides`` (by field name; ``None``/``""`` not given).

    A row's key is matched by the one header rule (``lookup`` from :func:`header_lookup`);
    rows with another key, no value or a non-text key are skipped; an unknown override
    field is refused.

    Examples
    --------
    >>> look = header_lookup({"rate": ("Rate", "Tarif")})
    >>> key_values([["Tarif ", "2%"], ["Other", 1], ["Rate", None]], look, fields={"rate"})
    {'rate': '2%'}
    """
    given: dict[str, object] = {}
    for row in rows or []:
        cells = list(row)
        if len(cells) < 2 or not isinstance(cells[0], str):
            continue
        name = lookup.get(normalize_header(cells[0]))
        if name is not None and cell_text(cells[1]) is not None:
            given[name] = cells[1]
    for name, value in (overrides or {}).items():
        if name not in fields:
            raise OptionError(f"unknown {what} {quote_excerpt(name)}")
        if value is not None and value != "":
            given[name] = value
    return given
