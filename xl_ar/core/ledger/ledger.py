"""Turn what users have into the canonical ledger, and check its health.

One entry point, three strengths:

* :func:`read_ledger` — strict by default: any data problem raises
  :class:`~xl_ar.errors.LedgerError` naming the first problems;
* :func:`load_ledger` — lenient: returns the ledger *and* the problem table, nothing dropped
  (cells that could not be read are NaT/NaN, their rows stay);
* :func:`health_check` — just the problem table.

Conventions (documented for users in the README):

* payments with a date count from that date on (back-dated aging); payments without a date
  are taken as received before any ``as_of``;
* with no paid/balance column, a payment (settlement) date means "paid in full on that date";
* with a balance column but no amount, the balance is taken as the amount;
* credit notes and unapplied payments (``doc_type``) are stored as negative amounts whatever
  sign the source used; a negative amount on an ordinary invoice is reported;
* paid is what was received (or applied) so far, never less than 0: a negative paid on an
  invoice (or a balance above its amount) is reported and read as nothing paid, with or
  without a type column (on credit notes and unapplied cash paid follows the amount's sign);
* one customer, one name: spellings of a name with the same key (case, spacing, punctuation
  and legal-form spelling ignored, :mod:`xl_ar.core.base.customers`) are read as the most
  frequent one, and a reading note says so;
* terms are 0 to :data:`MAX_TERMS_DAYS` days; every date, given or computed (invoice date +
  terms), lies in :data:`xl_ar.core.base.dates.DATE_RANGE`; others are reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, cast

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import TOO_LARGE, parse_amounts, too_large
from xl_ar.core.base.cells import (
    blank_mask,
    cell_text,
    cut_text,
    flag_value,
    map_unique,
    to_text,
)
from xl_ar.core.base.columns import header_lookup, match_headers, normalize_header, require
from xl_ar.core.base.customers import unify_customers
from xl_ar.core.base.dates import (
    AUTO_ORDER,
    DATE_RANGE,
    LAST_DAY,
    day_numbers,
    decide_date_order,
    parse_dates,
)
from xl_ar.core.base.schema import ParsedColumn
from xl_ar.core.base.sources import read_grid
from xl_ar.core.base.text import day_text, grouped_number
from xl_ar.core.ledger.currency import (
    as_currency,
    assumed_currency_note,
    convert_currency,
    currency_codes,
    currency_note,
    keep_currency,
)
from xl_ar.core.ledger.layout import arrange, check_totals
from xl_ar.core.ledger.problems import ProblemLog, describe
from xl_ar.core.ledger.profiles import choose_profile, profile_reading
from xl_ar.errors import LedgerError, OptionError

__all__ = [
    "DOC_TYPE_NAMES",
    "MAX_TERMS_DAYS",
    "NEGATIVE_CHOICES",
    "TAX_HEADERS",
    "LedgerLoad",
    "ensure_ledger",
    "health_check",
    "is_canonical",
    "load_ledger",
    "read_ledger",
]

#: Document type texts (lower case) → canonical doc_type.
DOC_TYPE_NAMES: dict[str, str] = {
    **dict.fromkeys(
        (
            "invoice",
            "inv",
            "faktur",
            "faktur penjualan",
            "bill",
            "tagihan",
            "debit note",
            "nota debit",
            "dn",
            "sales invoice",
            "customer invoice",
            "rv",
            "dr",
            "faktur pajak",
        ),
        s.DOC_INVOICE,
    ),
    **dict.fromkeys(
        (
            "credit note",
            "credit memo",
            "cn",
            "credit",
            "nota kredit",
            "nk",
            "retur",
            "nota retur",
            "retur penjualan",
            "return",
            "kredit nota",
            "customer credit note",
            "credit memo (refund)",
            "dg",
        ),
        s.DOC_CREDIT_NOTE,
    ),
    **dict.fromkeys(
        (
            "payment",
            "unapplied payment",
            "unapplied cash",
            "unapplied",
            "on account",
            "advance",
            "prepayment",
            "pembayaran",
            "uang muka",
            "titipan",
            "pembayaran belum dialokasi",
            "payment entry",
            "customer payment",
            "overpayment",
            "deposit",
            "dz",
        ),
        s.DOC_PAYMENT,
    ),
}

#: Headers of the optional tax columns (:data:`xl_ar.core.base.schema.TAX_COLUMNS`): the tax
#: base (DPP, the price before PPN) and the PPN. Read only from headers no ledger column
#: claims; absent, the columns are left out (code reading them takes NaN). ``DPP Nilai Lain``
#: (2025's 11/12 figure) is not the tax base and is not among them.
TAX_HEADERS: dict[str, tuple[str, ...]] = {
    s.TAX_BASE: (
        "dpp", "dasar pengenaan pajak", "tax base", "taxable amount", "net amount", "subtotal",
        "sub total", "jumlah dpp", "nilai dpp",
    ),
    s.VAT: (
        "ppn", "vat", "pajak", "vat amount", "ppn amount", "nilai ppn", "jumlah ppn", "ppn 11%",
        "ppn 12%", "tax amount",
    ),
}  # fmt: skip

#: What a negative line without a type column is: refused (a problem on the row, the
#: default) or read as a credit note (``negative="credit-note"``).
NEGATIVE_CHOICES = ("refuse", "credit-note")

#: Longest payment terms read (10 years): longer ones are reported, not computed.
MAX_TERMS_DAYS = 3650

_TERMS_TEXT = r"^\s*(?:net|n|top|termin)?\s*(\d+(?:[.,]0+)?)\s*(?:days?|hari|d|hr)?\s*$"


@dataclass(frozen=True)
class LedgerLoad:
    """A canonical ledger and the problems found while reading it.

    ``notes`` say how a file was read where the reader had to decide (an encoding other
    than UTF-8, a workbook saved under a .csv name, title lines skipped, total rows left
    out, several spellings of one customer read as one ...); ``xl-ar check`` prints them.
    ``as_of`` is the report date of the export's title block, the default as-of date
    (:func:`xl_ar.core.ledger.layout.default_as_of`).
    """

    ledger: pd.DataFrame
    problems: pd.DataFrame
    notes: tuple[str, ...] = ()
    #: The report date read from the export's title block (``Per 31/12/2024``), if any.
    as_of: pd.Timestamp | None = None
    #: The title line it was read from.
    as_of_line: str = ""

    @property
    def ok(self) -> bool:
        """``True`` when no problem was found."""
        return self.problems.empty

    def strict(self) -> pd.DataFrame:
        """The ledger, or a :class:`~xl_ar.errors.LedgerError` naming the first problems."""
        if not self.ok:
            raise LedgerError(describe(self.problems), self.problems)
        return self.ledger


def load_ledger(
    source: Any,
    *,
    date_order: str = "auto",
    number_format: str = "auto",
    sheet: str | int | None = None,
    first_row: int = 1,
    tolerance: float = 0.005,
    columns: Mapping[str, str] | str | None = None,
    negative: str = "refuse",
    profile: str | None = "auto",
    currency: str | None = None,
    only_currency: str | None = None,
    rates: Any = None,
    report_currency: str | None = None,
    rate_date: Any = None,
) -> LedgerLoad:
    """Read a ledger leniently: the canonical ledger plus a table of every problem found.

    Parameters
    ----------
    source : list of lists, pandas.DataFrame, str or pathlib.Path
        Row lists with a header row (as Excel hands over a range), a DataFrame, or a
        ``.csv``/``.xlsx``/``.xlsm`` path. Headers may be English or Indonesian
        (:data:`xl_ar.core.base.columns.LEDGER_HEADERS`); unknown columns are kept.
    date_order : {'auto', 'dmy', 'mdy', 'ymd'}, default 'auto'
        How text dates such as ``01/02/2024`` are read. Never guessed per cell: ``'auto'``
        decides once per ledger from the cells only one order reads
        (:func:`~xl_ar.core.base.dates.decide_date_order`; ``dmy`` when none does) and
        refuses a ledger whose date columns contradict each other.
    number_format : {'auto', 'id', 'en', 'plain'}, default 'auto'
        How text amounts are read (``'id'``: ``1.234.567,50``; ``'en'``: ``1,234,567.50``);
        ``'auto'`` decides once per column and reports ambiguous cells.
    sheet : str or int, optional
        Worksheet of an Excel file (default: the first sheet with a ledger header).
    first_row : int, default 1
        Spreadsheet row of the first row of row-list input (for row numbers in problems).
    tolerance : float, default 0.005
        Money comparisons (paid vs amount, amount − paid vs balance) allow this difference.
    columns : mapping or str, optional
        The user's column mapping, header → role, e.g. ``{"Open Balance": "balance"}`` or
        ``"Open Balance=balance, Num=invoice"`` (:func:`~xl_ar.core.base.columns.column_map`).
    negative : {'refuse', 'credit-note'}, default 'refuse'
        A negative amount on a ledger without a type column: a problem on its row, or read as
        a credit note (a reading note says how many).
    profile : str, default 'auto'
        The known export the file is (:data:`~xl_ar.core.ledger.profiles.PROFILES`):
        ``'auto'`` detects it from the header row, ``'none'`` reads with the generic rules
        only. Its mapping and options apply where ``columns`` and the options leave them.
    currency : str, optional
        The currency of a ledger without a currency column (``USD``; ``Rp`` is ``IDR``), and
        of the blank cells of one; without it a blank cell takes the ledger's one currency,
        and is a problem when the ledger has several. A ledger naming no currency is read
        as Rupiah (:mod:`xl_ar.core.ledger.currency`).
    only_currency : str, optional
        Keep the rows of this currency; a reading note counts those left out.
    rates : table, optional
        A rate table (currency, rate, optional date: units of ``report_currency`` per 1
        unit) converting every amount to ``report_currency``
        (:func:`~xl_ar.core.ledger.currency.convert_currency`); a note states the rates.
    report_currency : str, optional
        The currency ``rates`` convert to (default ``IDR``).
    rate_date : date-like, optional
        Each currency takes its latest rate dated on or before this day (default: the
        export's report date, else the latest rate).

    Returns
    -------
    LedgerLoad
        ``.ledger`` (see :mod:`xl_ar.core.base.schema`) and ``.problems`` (row, column, value,
        problem).

    Raises
    ------
    MissingColumnError
        A required column (customer, invoice date, amount or balance, due date or terms)
        is absent.

    Examples
    --------
    >>> rows = [["Pelanggan", "No Faktur", "Tanggal Faktur", "Termin", "Jumlah"],
    ...         ["PT Maju", "F-001", "31/01/2024", 30, "Rp 1.500.000"]]
    >>> got = load_ledger(rows)
    >>> str(got.ledger.loc[2, "due_date"].date()), float(got.ledger.loc[2, "amount"])
    ('2024-03-01', 1500000.0)
    >>> got.ok
    True
    """
    grid = read_grid(source, sheet=sheet, first_row=first_row)
    known = choose_profile(profile, grid.headers)
    profile_notes: tuple[str, ...] = ()
    if known is not None:
        given = {"number_format": number_format, "date_order": date_order, "negative": negative}
        columns, chosen, note = profile_reading(known, grid.headers, columns, given)
        number_format, date_order = chosen["number_format"], chosen["date_order"]
        negative, profile_notes = chosen["negative"], (note,)
    negative = _negative_choice(negative)
    found = match_headers(grid.headers, columns)
    # title block, total rows, group headings, footers (xl_ar.core.ledger.layout)
    lay = arrange(grid.headers, grid.body, found, grid.title, date_order=date_order)
    require(
        lay.found,
        lay.headers,
        s.CUSTOMER,
        s.INVOICE_DATE,
        (s.AMOUNT, s.BALANCE),
        (s.DUE_DATE, s.TERMS),
    )
    reader = _LedgerReader(lay.headers, lay.body, lay.found, date_order, number_format, tolerance)
    reader.negative = negative
    reader.currency = as_currency(currency)
    got = reader.run()
    total_notes, total_problems = check_totals(
        lay, got.ledger, number_format=number_format, tolerance=tolerance
    )
    problems = got.problems
    if not total_problems.empty:
        problems = pd.concat([problems, total_problems], ignore_index=True)
        problems = problems.sort_values("row", kind="stable", na_position="first")
        problems = problems.reset_index(drop=True)
    notes = (*profile_notes, *grid.notes, *lay.notes, *total_notes, *got.notes)
    day = lay.as_of if rate_date is None else rate_date
    ledger, money_notes = _currencies(
        got.ledger, only_currency, rates, report_currency, day, number_format
    )
    return replace(
        got, ledger=ledger, problems=problems, notes=(*notes, *money_notes), as_of=lay.as_of,
        as_of_line=lay.as_of_line,
    )  # fmt: skip


def _currencies(
    ledger: pd.DataFrame, only: Any, rates: Any, to: Any, as_of: Any, number_format: str = "auto"
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Keep one currency and/or convert with a rate table; the notes saying so."""
    notes = []
    headers = ledger.attrs.get(s.HEADERS_ATTR)
    ledger, kept = keep_currency(ledger, only)
    if kept:
        notes.append(kept)
    if rates is not None:
        ledger, converted = convert_currency(
            ledger, rates, to or "IDR", as_of=as_of, number_format=number_format
        )
        notes.append(converted)
    elif to is not None and as_currency(to, "report_currency") is not None:
        raise OptionError("report_currency needs a rate table (rates) to convert with")
    mixed = currency_note(ledger)
    if headers is not None:
        ledger.attrs[s.HEADERS_ATTR] = headers
    return ledger, (*notes, *([mixed] if mixed else []))


def read_ledger(source: Any, *, strict: bool = True, **options: Any) -> pd.DataFrame:
    """Read a ledger; with ``strict`` (default) any data problem raises ``LedgerError``.

    Takes the same options as :func:`load_ledger`. With ``strict=False`` the ledger is
    returned as far as it could be read (see :func:`load_ledger` for the problems).

    Examples
    --------
    >>> read_ledger([["Customer", "Invoice Date", "Due Date", "Amount"],
    ...              ["A", "2024-01-31", "abc", 10]])
    Traceback (most recent call last):
    ...
    xl_ar.errors.LedgerError: row 2 'Due Date': 'abc' is not a date
    """
    got = load_ledger(source, **options)
    return got.strict() if strict else got.ledger


def health_check(source: Any, **options: Any) -> pd.DataFrame:
    """The data-health table of a ledger: one row per problem (row, column, value, problem).

    Examples
    --------
    >>> health_check([["Customer", "Invoice", "Invoice Date", "Terms", "Amount", "Paid"],
    ...               ["A", "1", "2024-01-31", 30, 10, 12]]).problem.tolist()
    ['is more than the amount 10']
    """
    return load_ledger(source, **options).problems


def is_canonical(obj: object) -> bool:
    """Whether ``obj`` already is a canonical ledger (so it need not be read again)."""
    return (
        isinstance(obj, pd.DataFrame)
        and all(c in obj.columns for c in s.CANONICAL)
        and all(pd.api.types.is_datetime64_dtype(obj[c]) for c in s.DATE_COLUMNS)
        and all(pd.api.types.is_float_dtype(obj[c]) for c in s.MONEY_COLUMNS)
    )


def ensure_ledger(obj: Any, **options: Any) -> pd.DataFrame:
    """Return ``obj`` if it is a canonical ledger, else read it strictly.

    A canonical ledger built by hand is held to the bound the reader sets on money: an
    amount, paid or balance beyond :data:`~xl_ar.core.base.amounts.MAX_CENTS_AMOUNT` is refused.

    Examples
    --------
    >>> led = read_ledger([["Customer", "Invoice Date", "Terms", "Amount"], ["A", "2024-01-31", 30, 5]])
    >>> ensure_ledger(led.assign(amount=1e308))
    Traceback (most recent call last):
    ...
    xl_ar.errors.LedgerError: row 2 'amount': '1e+308' is larger than 1,000,000,000,000,000
    """
    if not is_canonical(obj):
        return read_ledger(obj, **options)
    for column in s.MONEY_COLUMNS:
        big = too_large(obj[column])
        if big.any():
            problems = _too_large_problems(obj.index[big], column, obj[column].to_numpy()[big])
            raise LedgerError(describe(problems), problems)
    column = obj[s.CUSTOMER]
    names = unify_customers(column).names  # one spelling per customer, as the reader does
    return obj if names is column else obj.assign(**{s.CUSTOMER: names})


def _too_large_problems(rows: pd.Index, column: object, values: np.ndarray) -> pd.DataFrame:
    log = ProblemLog()
    log.add(rows, column, values, TOO_LARGE)
    return log.table()


class _LedgerReader:
    """One pass over a raw grid: convert each recognised column, check, assemble."""

    def __init__(self, headers, body, found, date_order, number_format, tolerance):
        found = {**found, **_tax_columns(headers, found)}
        self.headers = headers
        self.found = {canon: pos for pos, canon in found.items()}
        self.date_order = date_order
        self.number_format = number_format
        self.tol = tolerance
        self.log = ProblemLog()
        self.notes: list[str] = []  # how the reader decided (date order, credit notes ...)
        self.negative = "refuse"
        self.currency: str | None = None  # the currency option (an ISO code)
        self.blank: dict[str, np.ndarray] = {}  # canon -> cells that were empty
        self.body = body[~_blank_rows(body, self.found[s.CUSTOMER])]
        self.index = self.body.index
        # Excel error values (#N/A ...) in the columns read: one problem each, then blank
        self.body = self.log.take_excel_errors(self.body, {p: headers[p] for p in found})

    # -- helpers ---------------------------------------------------------------------------
    def raw(self, canon: str) -> pd.Series | None:
        pos = self.found.get(canon)
        return None if pos is None else self.body[pos]

    def header(self, canon: str) -> object:
        return self.headers[self.found[canon]]

    def flag(self, canon: str, mask: object, problem: str | np.ndarray | Callable) -> None:
        """Log ``problem`` for the masked rows of ``canon``'s column.

        ``problem`` is one phrase, a full-length array of phrases, or a function that gets
        the boolean mask and returns the phrases of the masked rows only.
        """
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        if callable(problem):
            problem = np.asarray(problem(mask), dtype=object)
        elif not isinstance(problem, str):
            problem = np.asarray(problem, dtype=object)[mask]
        raw = self.raw(canon)
        assert raw is not None  # only a column that was found is flagged
        self.log.add(self.index[mask], self.header(canon), raw[mask], problem)

    def parsed(self, canon: str, parsed: ParsedColumn, *, note_is_problem: bool) -> pd.Series:
        bad = parsed.problems.notna().to_numpy()
        self.blank[canon] = parsed.values.isna().to_numpy() & ~bad
        self.flag(canon, bad, parsed.problems.to_numpy())
        if note_is_problem:  # date notes (mixed formats) are problems; amount notes are info
            self.log.add_note(self.header(canon), parsed.note)
        return parsed.values

    def dates(self, canon: str) -> pd.Series | None:
        raw = self.raw(canon)
        if raw is None:
            return None
        parsed = parse_dates(raw, date_order=self.date_order)
        return self.parsed(canon, parsed, note_is_problem=True)

    def money(self) -> dict[str, pd.Series | None]:
        """Amount, paid and balance columns, read with ONE number-format decision.

        ``number_format='auto'`` weighs the text cells of all money columns together, so a
        paid column holding only ``200.000`` is read like the amount column beside it.
        """
        present = [c for c in s.MONEY_COLUMNS if c in self.found]
        out: dict[str, pd.Series | None] = dict.fromkeys(s.MONEY_COLUMNS)
        if not present:
            return out
        stacked = pd.concat([self.raw(c) for c in present], keys=present)
        parsed = parse_amounts(stacked, number_format=self.number_format)
        for i, canon in enumerate(present):
            rows = slice(i * len(self.index), (i + 1) * len(self.index))
            values, problems = parsed.values.iloc[rows], parsed.problems.iloc[rows]
            big = too_large(values)  # bounded here, so no sum of money can overflow
            if big.any():
                values = values.mask(big)
                problems = problems.mask(big, TOO_LARGE)
            part = ParsedColumn(values.set_axis(self.index), problems.set_axis(self.index))
            out[canon] = self.parsed(canon, part, note_is_problem=False)
        return out

    # -- the pass ----------------------------------------------------------------------------
    def run(self) -> LedgerLoad:
        if self.date_order == AUTO_ORDER:
            dated = {str(self.header(c)): self.raw(c) for c in s.DATE_COLUMNS if c in self.found}
            self.date_order, note = decide_date_order(dated)
            self.notes += [note] if note else []
        customer = to_text(self.raw(s.CUSTOMER))
        self.flag(s.CUSTOMER, customer.isna().to_numpy(), "is blank: every item needs a customer")
        customer = customer.astype("category")  # sorted categories: codes for fast grouping
        spellings = unify_customers(customer)  # one customer, one spelling (base.customers)
        customer = spellings.names
        invoice = (
            to_text(self.raw(s.INVOICE))
            if s.INVOICE in self.found
            else pd.Series(np.nan, index=self.index, dtype="str")
        )
        doc_type = self.doc_types()
        invoice_date = self.dates(s.INVOICE_DATE)
        self.flag(
            s.INVOICE_DATE,
            self.blank[s.INVOICE_DATE],
            "is blank: every item needs an invoice date",
        )
        terms = self.terms()
        amount, paid, balance, payment_date, doc_type = self.money_columns(doc_type)
        due_date = self.due_dates(invoice_date, terms, doc_type)
        if terms is None:
            terms = pd.Series(day_numbers(due_date) - day_numbers(invoice_date), index=self.index)
        disputed = self.disputed()
        currency = self.currencies()
        self.check_dates(invoice_date, due_date, payment_date)
        self.check_duplicates(invoice, doc_type, due_date, customer, invoice_date)
        columns = {
            s.CUSTOMER: customer,
            s.INVOICE: invoice,
            s.DOC_TYPE: doc_type,
            s.INVOICE_DATE: invoice_date,
            s.DUE_DATE: due_date,
            s.TERMS: terms,
            s.AMOUNT: amount,
            s.PAID: paid,
            s.PAYMENT_DATE: payment_date,
            s.BALANCE: balance,
            s.DISPUTED: disputed,
            s.CURRENCY: currency,
            **self.tax_columns(amount),
        }
        ledger = pd.DataFrame(columns, index=self.index)
        extra: dict[str, Any] = {}  # the source's other columns, added at once (not one by one)
        for pos in range(len(self.headers)):
            if pos not in self.found.values():
                name = _unique_name(str(self.headers[pos]), pd.Index([*ledger.columns, *extra]))
                extra[name] = self.body[pos].to_numpy()
        if extra:
            ledger = pd.concat([ledger, pd.DataFrame(extra, index=self.index)], axis=1)
        ledger.attrs[s.HEADERS_ATTR] = {c: str(self.header(c)) for c in self.found}
        return LedgerLoad(ledger, self.log.table(), (*self.notes, *spellings.notes()))

    def tax_columns(self, amount: pd.Series) -> dict[str, pd.Series]:
        """The optional tax base and PPN columns found, signed like the amount."""
        out = {}
        for canon in s.TAX_COLUMNS:
            raw = self.raw(canon)
            if raw is None:
                continue
            parsed = parse_amounts(raw, number_format=self.number_format)
            values = self.parsed(canon, parsed, note_is_problem=False)
            sign = np.where(amount.to_numpy(dtype=np.float64) < 0, -1.0, 1.0)
            out[canon] = (values.abs() * sign + 0.0).astype("float64")
        return out

    def currencies(self) -> pd.Series:
        """ISO codes per row: the currency column, its blanks filled, or the option.

        A blank cell takes the ``currency`` option, else the ledger's one currency; in a
        ledger of several currencies without the option it is a problem.
        """
        raw = self.raw(s.CURRENCY)
        if raw is None:
            if self.currency is None:  # read as Rupiah: say so when the ledger shows another
                self.notes += filter(None, [self.assumed_note()])
            return pd.Series(self.currency or np.nan, index=self.index, dtype="str")
        codes, bad = currency_codes(raw)
        self.flag(s.CURRENCY, bad, "is not a currency code (e.g. IDR, USD)")
        blank = codes.isna().to_numpy() & ~bad
        found = sorted(pd.unique(codes.dropna()))
        fill = self.currency or (found[0] if len(found) == 1 else None)
        if blank.any() and fill is not None:
            codes = codes.mask(blank, fill)
        elif blank.any() and found:
            self.flag(
                s.CURRENCY,
                blank,
                f"is blank in a ledger of several currencies ({', '.join(found)}): give each row "
                "its currency",
            )
        return codes

    def assumed_note(self) -> str | None:
        """The note of a ledger naming no currency whose money columns show another."""
        money = [c for c in (s.AMOUNT, s.BALANCE, s.PAID) if c in self.found]
        cells = [self.raw(c) for c in money]
        amounts = pd.concat(cells, ignore_index=True) if cells else None
        return assumed_currency_note([self.header(c) for c in money], amounts)

    def doc_types(self) -> pd.Series:
        raw = self.raw(s.DOC_TYPE)
        if raw is None:
            return pd.Series(s.DOC_INVOICE, index=self.index, dtype="str")
        mapped = map_unique(raw, _doc_type)
        unknown = pd.isna(mapped)
        self.flag(
            s.DOC_TYPE,
            unknown,
            "is not a document type (use Invoice/Faktur, Credit Note/Nota Kredit, "
            "Payment/Pembayaran)",
        )
        mapped[unknown] = s.DOC_INVOICE
        return pd.Series(mapped, index=self.index, dtype="str")

    def terms(self) -> pd.Series | None:
        raw = self.raw(s.TERMS)
        if raw is None:
            return None
        cleaned = pd.Series(map_unique(raw, _terms_cell), index=self.index)
        parsed = parse_amounts(cleaned, number_format="plain")
        values = parsed.values
        unreadable = parsed.problems.notna().to_numpy()
        negative = (values < 0).to_numpy()
        too_long = (values > MAX_TERMS_DAYS).to_numpy()
        self.flag(s.TERMS, unreadable, "is not a number of days")
        self.flag(s.TERMS, negative, "is negative: terms are days after the invoice")
        self.flag(
            s.TERMS,
            too_long,
            f"is more than {MAX_TERMS_DAYS} days (10 years): give a due date instead",
        )
        self.blank[s.TERMS] = values.isna().to_numpy() & ~unreadable
        return values.where(~negative & ~too_long).astype("float64")

    def due_dates(
        self, invoice_date: pd.Series, terms: pd.Series | None, doc_type: pd.Series
    ) -> pd.Series:
        """Given due dates, else invoice date + terms; an undated credit ages from its date.

        Credit notes, advances and unapplied payments are due when issued: with neither a
        due date nor terms they age from their document date (as ERPNext and Odoo do), and a
        reading note says how many.
        """
        # terms <= MAX_TERMS_DAYS and invoice dates <= LAST_DAY: the sum fits datetime64[ns]
        from_terms = invoice_date + pd.to_timedelta(terms, unit="D") if terms is not None else None
        credit = doc_type.ne(s.DOC_INVOICE).to_numpy()
        due = self.dates(s.DUE_DATE)
        if due is None:
            assert from_terms is not None  # required: a due-date or a terms column
            blank = self.blank[s.TERMS] & invoice_date.notna().to_numpy()
            due = self.due_in_range(from_terms)
            what, problem = s.TERMS, "is blank: without a due-date column every item needs terms"
        else:
            blank = self.blank[s.DUE_DATE].copy()
            if from_terms is not None:
                due = due.where(~blank, self.due_in_range(from_terms.where(blank)))
                blank &= due.isna().to_numpy() & self.blank[s.TERMS]
            blank &= invoice_date.notna().to_numpy()
            what, problem = s.DUE_DATE, "is blank (and no terms)"
        undated = blank & credit
        if undated.any():
            due = due.where(~undated, invoice_date)
            count = int(undated.sum())
            self.notes.append(
                f"{count} credit note{'s' if count > 1 else ''} or payment"
                f"{'s' if count > 1 else ''} without a due date age from the document date"
            )
        self.flag(what, blank & ~credit, problem)
        return due.astype("datetime64[ns]")

    def due_in_range(self, from_terms: pd.Series) -> pd.Series:
        """Due dates computed from terms; those after the last date xl-ar handles reported."""
        late = (from_terms > pd.Timestamp(LAST_DAY)).to_numpy()
        self.flag(
            s.TERMS,
            late,
            lambda m: [
                f"gives a due date of {day_text(d)}, outside the dates xl-ar handles ({DATE_RANGE})"
                for d in from_terms[m]
            ],
        )
        return from_terms.where(~late)

    def money_columns(self, doc_type: pd.Series):
        """Amount, paid, balance and payment date, signed and derived as the module says."""
        has = self.found.__contains__
        money = cast(dict[str, pd.Series], self.money())  # only found columns are read below
        payment_date = self.dates(s.PAYMENT_DATE)
        if payment_date is None:
            payment_date = pd.Series(pd.NaT, index=self.index, dtype="datetime64[ns]")
        amount_col = s.AMOUNT if has(s.AMOUNT) else s.BALANCE  # open-item report: balance only
        amount = money[amount_col]
        self.flag(amount_col, self.blank[amount_col], "is blank: every item needs an amount")
        credit = doc_type.ne(s.DOC_INVOICE).to_numpy()
        negative = (amount < 0).to_numpy() & ~credit
        if self.negative == "credit-note" and not has(s.DOC_TYPE) and negative.any():
            doc_type = doc_type.mask(negative, s.DOC_CREDIT_NOTE)
            credit = credit | negative
            count = int(negative.sum())
            self.notes.append(
                f"{count} negative line{'s' if count > 1 else ''} without a type read as "
                f"credit note{'s' if count > 1 else ''} (negative = credit-note)"
            )
        self.flag(
            amount_col,
            (amount < 0).to_numpy() & ~credit,
            "is negative but not marked as a credit note (add a Type/Jenis column)",
        )
        sign = np.where(credit, -1.0, 1.0)

        def signed(values: pd.Series) -> pd.Series:  # credit notes negative whatever the source
            return values.abs() * sign + 0.0 if has(s.DOC_TYPE) else values

        # Paid is received so far, 0 or more. On an invoice a negative paid (or a balance
        # above the amount) is reported and read as nothing paid, the same with or without a
        # type column; on credit notes and unapplied cash paid takes the amount's sign.
        invoice = ~credit & ~(amount < 0).to_numpy()
        amount = signed(amount)
        if has(s.PAID):
            below = (money[s.PAID] < 0).to_numpy() & invoice  # within tolerance: 0, unreported
            reversed_ = below & (money[s.PAID] < -self.tol).to_numpy()
            self.flag(s.PAID, reversed_, "is negative: paid is the amount received (0 or more)")
            paid = signed(money[s.PAID].mask(below, 0.0).fillna(0.0))
        elif has(s.AMOUNT) and has(s.BALANCE):
            paid = (amount - signed(money[s.BALANCE])).fillna(0.0)
            direction = np.where(amount < 0, -1.0, 1.0)  # a balance beyond the amount
            above = (paid * direction < -self.tol).to_numpy()
            self.flag(
                s.BALANCE,
                above,
                lambda m: [f"is more than the amount {_money(v)}" for v in amount[m].abs()],
            )
            paid = paid.mask(above, 0.0)
        elif has(s.AMOUNT) and has(s.PAYMENT_DATE):  # a settlement date alone: paid in full
            paid = amount.where(payment_date.notna(), 0.0).fillna(0.0)
        else:
            paid = pd.Series(0.0, index=self.index)
        balance = amount - paid
        if has(s.PAID) and has(s.BALANCE) and has(s.AMOUNT):
            given = signed(money[s.BALANCE])
            off = ((balance - given).abs() > self.tol) & given.notna()
            self.flag(
                s.BALANCE,
                off,
                lambda m: [f"is not amount − paid ({_money(v)})" for v in balance[m]],
            )
        over = (paid.abs() - amount.abs()) > self.tol
        if has(s.PAID):
            self.flag(
                s.PAID,
                over,
                lambda m: [f"is more than the amount {_money(v)}" for v in amount[m].abs()],
            )
        elif has(s.BALANCE) and has(s.AMOUNT):
            self.flag(s.BALANCE, over, "is negative: more was paid than invoiced")
        return (
            amount.astype("float64"),
            paid.astype("float64"),
            balance.astype("float64"),
            payment_date.astype("datetime64[ns]"),
            doc_type,
        )

    def disputed(self) -> pd.Series:
        raw = self.raw(s.DISPUTED)
        if raw is None:
            return pd.Series(False, index=self.index)
        mapped = map_unique(raw, flag_value, na_value=False)
        unknown = pd.isna(mapped)
        self.flag(s.DISPUTED, unknown, "is not yes/no (Ya/Tidak)")
        mapped[unknown] = False
        return pd.Series(mapped.astype(bool), index=self.index)

    def check_dates(self, invoice_date, due_date, payment_date) -> None:
        def before_invoice(mask):
            return [f"is before the invoice date {day_text(d)}" for d in invoice_date[mask]]

        if s.DUE_DATE in self.found:  # opening balances keep their due date: a note
            early = (due_date < invoice_date).to_numpy()
            if early.any():
                row = self.index[np.flatnonzero(early)[0]]
                count = int(early.sum())
                self.notes.append(
                    f"{count} row{'s have' if count > 1 else ' has'} a due date before the "
                    f"invoice date (first: row {row}): aged by the due date"
                )
        if s.PAYMENT_DATE in self.found:
            self.flag(s.PAYMENT_DATE, payment_date < invoice_date, before_invoice)

    def check_duplicates(
        self, invoice: pd.Series, doc_type: pd.Series, due: pd.Series, customer: pd.Series,
        invoice_date: pd.Series,
    ) -> None:  # fmt: skip
        """Report every repeat of a (document type, number) pair, naming the first row.

        Rows of one number, customer and invoice date with different due dates are one
        invoice in instalments (ERPNext payment schedules, Odoo payment terms), not repeats:
        a reading note counts them. Any other repeat of a number is reported.
        """
        if s.INVOICE not in self.found:
            return
        inv_code = pd.factorize(invoice)[0].astype(np.int64)
        doc_code = pd.factorize(doc_type)[0].astype(np.int64)
        key = np.where(inv_code < 0, -1, inv_code * 3 + doc_code)
        counts = np.bincount(key[key >= 0], minlength=1) if (key >= 0).any() else np.zeros(1)
        dup = (key >= 0) & (counts[np.maximum(key, 0)] > 1)
        if not dup.any():
            return
        rows = self.index.to_numpy()
        parts = pd.DataFrame(
            {
                "key": key[dup],
                "customer": pd.factorize(customer.to_numpy()[dup])[0],
                "date": pd.factorize(invoice_date.to_numpy()[dup])[0],
                "due": pd.factorize(due.to_numpy()[dup])[0],
                "row": rows[dup],
            }
        )
        by_key = parts.groupby("key")
        one_invoice = (
            by_key["customer"].transform("nunique").eq(1)
            & by_key["date"].transform("nunique").eq(1)
            & (parts["date"] >= 0)
        )
        same_due = parts.groupby(["key", "due"])["row"].transform("size").gt(1)
        instalment = (one_invoice & ~same_due & (parts["due"] >= 0)).to_numpy()
        if instalment.any():
            count = parts.loc[instalment, "key"].nunique()
            self.notes.append(
                f"{count} invoice{'s' if count > 1 else ''} in instalments (one number, "
                f"several due dates): {int(instalment.sum())} due lines"
            )
        first = np.zeros(len(rows), dtype=np.int64)
        first[dup] = by_key["row"].transform("min").to_numpy()
        repeat = np.zeros(len(rows), dtype=bool)
        repeat[np.flatnonzero(dup)[~instalment]] = True
        later = repeat & (first != rows)
        self.flag(s.INVOICE, later, lambda m: [f"repeats the number of row {r}" for r in first[m]])


def _tax_columns(headers: list[object], found: Mapping[int, str]) -> dict[int, str]:
    """Positions of the tax base and PPN headers among those no column claims (first wins)."""
    out: dict[int, str] = {}
    for pos, header in enumerate(headers):
        canon = _TAX_LOOKUP.get(normalize_header(header))
        if canon is not None and pos not in found and canon not in out.values():
            out[pos] = canon
    return out


def _blank_rows(body: pd.DataFrame, key_column: int) -> np.ndarray:
    """Rows whose every cell is blank (cheap: only rows blank in the key column are checked)."""
    candidate = blank_mask(body[key_column])
    if not candidate.any():
        return candidate
    sub = body[candidate]
    all_blank = np.ones(len(sub), dtype=bool)
    for col in sub.columns:
        all_blank &= blank_mask(sub[col])
    out = np.zeros(len(body), dtype=bool)
    out[np.flatnonzero(candidate)[all_blank]] = True
    return out


def _terms_cell(value: object) -> object:
    """``"Net 30"``, ``"30 hari"``, ``"TOP 45"`` → the number text; other cells unchanged."""
    if isinstance(value, str):
        hit = re.match(_TERMS_TEXT, value, re.IGNORECASE)
        if hit:
            return hit.group(1).replace(",", ".")
    return value


def _negative_choice(negative: object) -> str:
    key = str(negative).strip().lower().replace("_", "-").replace(" ", "-")
    key = {"credit-notes": "credit-note", "cn": "credit-note"}.get(key, key)
    if key not in NEGATIVE_CHOICES:
        raise OptionError(
            f"negative must be 'refuse' or 'credit-note', not {cut_text(str(negative), 30)!r}"
        )
    return key


def _doc_type(value: object) -> str | None:
    text = cell_text(value)
    if text is None:
        return s.DOC_INVOICE
    return DOC_TYPE_NAMES.get(" ".join(text.lower().replace("_", " ").split()))


def _unique_name(name: str, taken: pd.Index) -> str:
    candidate, k = name, 1
    while candidate in taken:
        k += 1
        candidate = f"{name} ({k})"
    return candidate


def _money(value: float) -> str:
    return "blank" if pd.isna(value) else grouped_number(value, 2, trim=True)


_TAX_LOOKUP = header_lookup(TAX_HEADERS)
