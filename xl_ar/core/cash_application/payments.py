"""Read a payments table (bank receipts, remittances) or a customer's statement.

Both readers take what :func:`xl_ar.core.base.sources.read_grid` takes (row lists with a header
row, a DataFrame, a ``.csv``/``.xlsx``/``.xlsm`` path), recognise English and Indonesian
headers (compared after :func:`xl_ar.core.base.columns.normalize_header`), and are strict: any
unreadable cell raises :class:`~xl_ar.errors.LedgerError` whose message names the first
problems the way the ledger reader does (``row 4 'Jumlah': 'abc' is not an amount …``) and whose
``problems`` attribute holds the whole table. Rows whose cells are all blank are skipped. The
index is the row number as the user sees it (named ``row``).

Payments (:func:`read_payments`)
================  ================  ===========================================================
column            dtype             meaning
================  ================  ===========================================================
payment           str               payment id (``Payment``, ``Ref``, ``No Bukti`` …); a blank
                                    cell, or no such column, gives ``row N``
date              datetime64[ns]    payment date (required)
amount            float64           amount received, above zero (required)
customer          str / NA          customer as written in the payments table (optional)
memo              str / NA          free text searched for invoice numbers: every memo-like
                                    column (``Memo``, ``Keterangan``, ``Berita``, ``Invoice``
                                    …) joined with ``" | "``
================  ================  ===========================================================

Problems reported: text that is not an amount or not a date, blank amounts and dates,
amounts of zero or below, payment ids used twice.

Statements (:func:`read_statement`)
================  ================  ===========================================================
document          str / NA          document number (``Document``, ``Doc No``, ``Invoice``,
                                    ``No Faktur`` …)
date              datetime64[ns]    document date (optional column; NaT when absent or blank)
amount            float64           signed amount as the customer owes it: invoices positive,
                                    payments and credit notes negative. Read from an amount
                                    column, else ``Debit − Credit``.
customer          str / NA          optional
memo              str / NA          optional description
================  ================  ===========================================================

Examples
--------
>>> p = read_payments([["No Bukti", "Tanggal", "Jumlah", "Pelanggan", "Berita"],
...                    ["BB-01", "15/01/2024", "Rp 1.500.000", "PT Maju", "INV-0012"]])
>>> p.index.tolist(), p.payment.tolist(), p.amount.tolist(), p.memo.tolist()
([2], ['BB-01'], [1500000.0], ['INV-0012'])
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.cells import blank_mask, quote_excerpt, to_text
from xl_ar.core.base.columns import normalize_header, rank_headers, synonym_lookup
from xl_ar.core.base.dates import parse_dates
from xl_ar.core.base.schema import ParsedColumn
from xl_ar.core.base.sources import HEADER_SEARCH_ROWS, RawGrid, read_grid
from xl_ar.core.ledger.currency import currency_codes
from xl_ar.core.ledger.problems import ProblemLog, describe
from xl_ar.errors import LedgerError, MissingColumnError, OptionError, XlArError

__all__ = [
    "PAYMENT_COLUMNS",
    "PAYMENT_HEADERS",
    "STATEMENT_COLUMNS",
    "STATEMENT_HEADERS",
    "ensure_payments",
    "ensure_statement",
    "read_payments",
    "read_statement",
]

PAYMENT = "payment"
DOCUMENT = "document"
DATE = "date"
AMOUNT = "amount"
CUSTOMER = "customer"
MEMO = "memo"
CURRENCY = "currency"
DEBIT = "debit"
CREDIT = "credit"

PAYMENT_COLUMNS = (PAYMENT, DATE, AMOUNT, CUSTOMER, MEMO)
STATEMENT_COLUMNS = (DOCUMENT, DATE, AMOUNT, CUSTOMER, MEMO)

_CUSTOMER_NAMES = (
    "customer",
    "customer name",
    "customer id",
    "customer code",
    "client",
    "client name",
    "debtor",
    "payer",
    "pelanggan",
    "nama pelanggan",
    "kode pelanggan",
    "debitur",
    "nama debitur",
    "pembayar",
    "penyetor",
    "konsumen",
)
_DATE_NAMES = (
    "date",
    "payment date",
    "receipt date",
    "value date",
    "transaction date",
    "posting date",
    "tanggal",
    "tgl",
    "tanggal bayar",
    "tgl bayar",
    "tanggal pembayaran",
    "tanggal transaksi",
    "tgl transaksi",
    "tanggal terima",
)

#: Header synonyms of the payments table, most specific first (English and Indonesian).
#: Every header matching ``memo`` is used; for the others the first synonym wins.
PAYMENT_HEADERS: dict[str, tuple[str, ...]] = {
    PAYMENT: (
        "payment",
        "payment id",
        "payment no",
        "payment number",
        "payment ref",
        "receipt",
        "receipt no",
        "receipt number",
        "transaction id",
        "no bukti",
        "nomor bukti",
        "no pembayaran",
        "nomor pembayaran",
        "bukti bayar",
        "no bukti bayar",
        "no kwitansi",
        "kwitansi",
        "no transaksi",
        "ref",
        "reference",
        "ref no",
        "reference no",
    ),
    DATE: _DATE_NAMES,
    AMOUNT: (
        "amount",
        "amount received",
        "received",
        "payment amount",
        "paid amount",
        "amount paid",
        "jumlah",
        "nilai",
        "nominal",
        "diterima",
        "jumlah diterima",
        "jumlah bayar",
        "jumlah pembayaran",
        "nilai pembayaran",
    ),
    CUSTOMER: _CUSTOMER_NAMES,
    MEMO: (
        "memo",
        "remittance",
        "remittance info",
        "remittance advice",
        "description",
        "narrative",
        "details",
        "notes",
        "note",
        "keterangan",
        "berita",
        "catatan",
        "uraian",
        "deskripsi",
        "invoice",
        "invoices",
        "invoice no",
        "invoice number",
        "faktur",
        "no faktur",
        "nomor faktur",
    ),
}

#: Header synonyms of a customer statement.
STATEMENT_HEADERS: dict[str, tuple[str, ...]] = {
    DOCUMENT: (
        "document",
        "document number",
        "document no",
        "doc no",
        "doc",
        "invoice",
        "invoice no",
        "invoice number",
        "no faktur",
        "nomor faktur",
        "faktur",
        "no dokumen",
        "nomor dokumen",
        "no bukti",
        "nomor bukti",
        "reference",
        "ref",
    ),
    DATE: (*_DATE_NAMES, "invoice date", "document date", "tanggal faktur", "tanggal dokumen"),
    AMOUNT: (
        "amount",
        "jumlah",
        "nilai",
        "nominal",
        "open amount",
        "outstanding",
        "amount due",
        "sisa",
        "sisa tagihan",
    ),
    DEBIT: ("debit", "debet", "dr", "debit amount", "mutasi debit"),
    CREDIT: ("credit", "kredit", "cr", "credit amount", "mutasi kredit"),
    CUSTOMER: _CUSTOMER_NAMES,
    MEMO: ("memo", "description", "keterangan", "uraian", "catatan", "details", "notes"),
}
#: An optional currency column of the payments (never of a statement): a payment is applied
#: only to invoices in its currency.
PAYMENT_HEADERS[CURRENCY] = ("currency", "currency code", "ccy", "mata uang", "valuta")

_EXAMPLES: dict[str, str] = {
    PAYMENT: "'Payment', 'No Bukti'",
    DOCUMENT: "'Document', 'No Faktur'",
    DATE: "'Date', 'Tanggal'",
    AMOUNT: "'Amount', 'Jumlah'",
}
_TABLE_KIND = "xl_ar_table"


_PAYMENT_LOOKUP = synonym_lookup(PAYMENT_HEADERS)
_STATEMENT_LOOKUP = synonym_lookup(STATEMENT_HEADERS)


def _score(row: list[object], lookup: dict[str, tuple[str, int]]) -> int:
    return len({lookup[k][0] for k in map(normalize_header, row) if k in lookup})


def _match(headers: list[object], lookup: dict[str, tuple[str, int]]) -> dict[str, list[int]]:
    """``{canonical: [positions]}``: the best-ranked header per column, every memo header."""
    best, losers, repeated = rank_headers(headers, lookup, many=(MEMO,))
    memo = repeated.get(MEMO, [])
    found = {canon: [pos] for canon, pos in best.items()}
    # a second id-like column ("Reference" beside "Payment ID") is searched like a memo
    extra = [p for p in losers if lookup[normalize_header(headers[p])][0] == PAYMENT]
    if memo or extra:
        found[MEMO] = sorted(memo + extra)
    return found


def _locate_header(grid: RawGrid, lookup: dict[str, tuple[str, int]]) -> RawGrid:
    """Move the header down when a later row (below a title) fits the synonyms better."""
    best_score, best_at = _score(grid.headers, lookup), -1
    head = grid.body.head(HEADER_SEARCH_ROWS)
    for at, row in enumerate(head.itertuples(index=False)):
        score = _score(list(row), lookup)
        if score > best_score and score >= 2:
            best_score, best_at = score, at
    if best_at < 0:
        return grid
    headers = list(grid.body.iloc[best_at])
    headers = [
        f"column {i + 1}" if blank_mask(pd.Series([h]))[0] else h for i, h in enumerate(headers)
    ]
    return RawGrid(headers, grid.body.iloc[best_at + 1 :])


def _require(found: dict[str, list[int]], headers: list[object], *needed: tuple[str, ...]) -> None:
    for options in needed:
        if not any(o in found for o in options):
            names = " or ".join(f"'{o}'" for o in options)
            examples = ", ".join(_EXAMPLES.get(o, f"'{o.title()}'") for o in options)
            listed = (
                ", ".join(quote_excerpt(str(h)) for h in headers if h not in (None, "")) or "none"
            )
            raise MissingColumnError(
                f"no {names} column (e.g. {examples}); headers found: {listed}"
            )


class _TableReader:
    """Shared conversion of a raw grid into typed columns, logging problems per cell."""

    def __init__(
        self, source: Any, lookup, *, sheet, first_row, date_order: str, what: str, item: str
    ) -> None:
        grid = _locate_header(read_grid(source, sheet=sheet, first_row=first_row), lookup)
        self.headers = grid.headers
        self.found = _match(grid.headers, lookup)
        body = grid.body
        if len(body):
            blank = np.ones(len(body), dtype=bool)
            for col in body.columns:
                blank &= blank_mask(body[col])
            body = body[~blank]
        self.body = body
        self.index = body.index
        self.what = what
        self.item = item
        self.date_order = date_order
        self.log = ProblemLog()

    def empty_check(self) -> None:
        if len(self.body) == 0:
            raise XlArError(f"no {self.what} below the header row: the range has no data")

    def raw(self, canon: str) -> pd.Series | None:
        pos = self.found.get(canon)
        return None if pos is None else self.body[pos[0]]

    def header(self, canon: str) -> object:
        return self.headers[self.found[canon][0]]

    def flag(self, canon: str, mask: np.ndarray, problem: str | list[str]) -> None:
        mask = np.asarray(mask, dtype=bool)
        if mask.any():
            raw = self.raw(canon)
            assert raw is not None  # only a column that was found is flagged
            self.log.add(self.index[mask], self.header(canon), raw[mask], problem)

    def parsed(self, canon: str, parsed: ParsedColumn) -> tuple[pd.Series, np.ndarray]:
        """Log a parsed column's problems; return the values and the mask of blank cells."""
        bad = parsed.problems.notna().to_numpy()
        self.flag(canon, bad, list(parsed.problems.to_numpy()[bad]))
        return parsed.values, parsed.values.isna().to_numpy() & ~bad

    def dates(self, *, required: bool) -> pd.Series:
        raw = self.raw(DATE)
        if raw is None:
            return pd.Series(pd.NaT, index=self.index, dtype="datetime64[ns]")
        parsed = parse_dates(raw, date_order=self.date_order)
        self.log.add_note(self.header(DATE), parsed.note)
        values, blank = self.parsed(DATE, parsed)
        if required:
            self.flag(DATE, blank, f"is blank: every {self.item} needs a date")
        return values.astype("datetime64[ns]")

    def text(self, canon: str) -> pd.Series:
        raw = self.raw(canon)
        if raw is None:
            return pd.Series(np.nan, index=self.index, dtype="str")
        return to_text(raw)

    def memo(self) -> pd.Series:
        positions = self.found.get(MEMO, [])
        if not positions:
            return pd.Series(np.nan, index=self.index, dtype="str")
        parts = [to_text(self.body[p]) for p in positions]
        if len(parts) == 1:
            return parts[0]
        frame = pd.concat(parts, axis=1).astype(object)
        joined = [
            " | ".join(v for v in row if isinstance(v, str)) or np.nan
            for row in frame.itertuples(index=False)
        ]
        return pd.Series(joined, index=self.index, dtype="str")

    def finish(self, columns: dict[str, pd.Series], kind: str) -> pd.DataFrame:
        problems = self.log.table()
        if not problems.empty:
            raise LedgerError(describe(problems), problems)
        frame = pd.DataFrame(columns, index=self.index)
        frame.index.name = "row"
        frame.attrs[_TABLE_KIND] = kind
        return frame


def read_payments(
    source: Any,
    *,
    date_order: str = "dmy",
    number_format: str = "auto",
    sheet: str | int | None = None,
    first_row: int = 1,
) -> pd.DataFrame:
    """Read a payments table strictly (see the module docstring for the columns).

    Parameters
    ----------
    source : list of lists, pandas.DataFrame, str or pathlib.Path
        A range with its header row, a DataFrame or a ``.csv``/``.xlsx`` file. A title row
        above the header is skipped.
    date_order : {'dmy', 'mdy', 'ymd'}, default 'dmy'
        How text dates such as ``01/02/2024`` are read.
    number_format : {'auto', 'id', 'en', 'plain'}, default 'auto'
        How text amounts are read (see :func:`xl_ar.core.base.amounts.parse_amounts`).
    sheet : str or int, optional
        Worksheet of an Excel file.
    first_row : int, default 1
        Spreadsheet row of the first row of row-list input (for row numbers in messages).

    Returns
    -------
    pandas.DataFrame
        Columns ``payment, date, amount, customer, memo``; index = user row numbers.

    Raises
    ------
    MissingColumnError
        No date or no amount column (the message lists the headers found).
    LedgerError
        A cell could not be read, an amount is blank, zero or negative, a date is blank,
        or a payment id repeats.
    XlArError
        The range is empty.

    Examples
    --------
    >>> read_payments([["Ref", "Date", "Jumlah"], ["P1", "2024-01-05", "abc"]])
    Traceback (most recent call last):
    ...
    xl_ar.errors.LedgerError: row 2 'Jumlah': 'abc' is not an amount (number format 'auto')
    >>> read_payments([["Ref", "Tanggal"], ["P1", "2024-01-05"]])
    Traceback (most recent call last):
    ...
    xl_ar.errors.MissingColumnError: no 'amount' column (e.g. 'Amount', 'Jumlah'); headers found: 'Ref', 'Tanggal'
    """
    reader = _TableReader(
        source, _PAYMENT_LOOKUP, sheet=sheet, first_row=first_row, date_order=date_order,
        what="payments", item="payment",
    )  # fmt: skip
    _require(reader.found, reader.headers, (DATE,), (AMOUNT,))
    reader.empty_check()
    amount, blank = reader.parsed(
        AMOUNT, parse_amounts(reader.raw(AMOUNT), number_format=number_format)
    )
    reader.flag(AMOUNT, blank, "is blank: every payment needs an amount")
    values = amount.to_numpy(dtype=np.float64)
    reader.flag(
        AMOUNT, values < 0, "is negative: a payment must be above zero (enter refunds separately)"
    )
    reader.flag(AMOUNT, values == 0, "is zero: there is nothing to apply")
    dates = reader.dates(required=True)
    ids = reader.text(PAYMENT)
    rows = reader.index.to_numpy()
    missing = ids.isna().to_numpy()
    if PAYMENT in reader.found:
        _flag_repeats(reader, ids, missing, rows)
    ids = pd.Series(
        np.where(missing, [f"row {r}" for r in rows], ids.to_numpy(dtype=object)),
        index=reader.index,
        dtype="str",
    )
    columns = {
        PAYMENT: ids,
        DATE: dates,
        AMOUNT: amount.astype(np.float64),
        CUSTOMER: reader.text(CUSTOMER),
        MEMO: reader.memo(),
    }
    if reader.raw(CURRENCY) is not None:  # optional: ISO codes, NaN where blank
        codes, bad = currency_codes(reader.raw(CURRENCY))
        reader.flag(CURRENCY, bad, "is not a currency code (e.g. IDR, USD)")
        columns[CURRENCY] = codes
    return reader.finish(columns, "payments")


def _flag_repeats(
    reader: _TableReader, ids: pd.Series, missing: np.ndarray, rows: np.ndarray
) -> None:
    codes = pd.factorize(ids)[0]
    seen = codes >= 0
    if not seen.any():
        return
    first_pos = pd.Series(np.arange(len(codes))[seen]).groupby(codes[seen]).transform("min")
    first = np.full(len(codes), -1)
    first[seen] = first_pos.to_numpy()
    later = seen & (first != np.arange(len(codes)))
    reader.flag(PAYMENT, later, [f"repeats the payment id of row {rows[f]}" for f in first[later]])


def read_statement(
    source: Any,
    *,
    date_order: str = "dmy",
    number_format: str = "auto",
    sheet: str | int | None = None,
    first_row: int = 1,
    sign: int = 1,
) -> pd.DataFrame:
    """Read a customer's statement strictly (see the module docstring for the columns).

    Amounts are signed as the customer owes them: invoices positive, payments and credit
    notes negative. With ``Debit`` and ``Credit`` columns (and no amount column) the amount is
    ``debit − credit``. Pass ``sign=-1`` for a statement kept the other way round (the
    customer's payables ledger, where invoices are credits).

    Parameters
    ----------
    source, date_order, number_format, sheet, first_row
        As for :func:`read_payments`.
    sign : {1, -1}, default 1
        Multiplies every amount.

    Returns
    -------
    pandas.DataFrame
        Columns ``document, date, amount, customer, memo``; index = user row numbers.

    Examples
    --------
    >>> s = read_statement([["Doc No", "Debit", "Kredit"], ["INV-1", 100, None],
    ...                     ["PAY-7", None, "40"]])
    >>> s.amount.tolist()
    [100.0, -40.0]
    """
    if sign not in (1, -1):
        raise OptionError(f"sign must be 1 or -1, not {quote_excerpt(sign)}")
    reader = _TableReader(
        source, _STATEMENT_LOOKUP, sheet=sheet, first_row=first_row, date_order=date_order,
        what="statement lines", item="line",
    )  # fmt: skip
    _require(reader.found, reader.headers, (DOCUMENT,), (AMOUNT, DEBIT, CREDIT))
    reader.empty_check()
    if AMOUNT in reader.found:
        amount, blank = reader.parsed(
            AMOUNT, parse_amounts(reader.raw(AMOUNT), number_format=number_format)
        )
        reader.flag(AMOUNT, blank, "is blank: every line needs an amount")
    else:
        amount = _debit_credit(reader, number_format)
    return reader.finish(
        {
            DOCUMENT: reader.text(DOCUMENT),
            DATE: reader.dates(required=False),
            AMOUNT: (amount.astype(np.float64) * sign) + 0.0,
            CUSTOMER: reader.text(CUSTOMER),
            MEMO: reader.memo(),
        },
        "statement",
    )


def _debit_credit(reader: _TableReader, number_format: str) -> pd.Series:
    present = [c for c in (DEBIT, CREDIT) if c in reader.found]
    stacked = pd.concat([reader.raw(c) for c in present], keys=present)
    parsed = parse_amounts(stacked, number_format=number_format)
    total = pd.Series(0.0, index=reader.index)
    both_blank = np.ones(len(reader.index), dtype=bool)
    for canon in present:
        part = ParsedColumn(parsed.values.loc[canon], parsed.problems.loc[canon])
        values, blank = reader.parsed(canon, part)
        both_blank &= blank
        total += values.fillna(0.0) * (1.0 if canon == DEBIT else -1.0)
    reader.flag(present[0], both_blank, "is blank: every line needs a debit or a credit amount")
    return total


def _is_table(obj: object, kind: str, columns: tuple[str, ...]) -> bool:
    return (
        isinstance(obj, pd.DataFrame)
        and obj.attrs.get(_TABLE_KIND) == kind
        and all(c in obj.columns for c in columns)
    )


def ensure_payments(obj: Any, **options: Any) -> pd.DataFrame:
    """Return ``obj`` if :func:`read_payments` made it, else read it (strictly)."""
    return obj if _is_table(obj, "payments", PAYMENT_COLUMNS) else read_payments(obj, **options)


def ensure_statement(obj: Any, **options: Any) -> pd.DataFrame:
    """Return ``obj`` if :func:`read_statement` made it, else read it (strictly)."""
    if _is_table(obj, "statement", STATEMENT_COLUMNS):
        return obj
    return read_statement(obj, **options)
