"""The customer master: who each customer is (contact, salesperson, region ...), read once.

A customer master is a table with a header row (a sheet ``Pelanggan``/``Customers``, a csv or
a range), one row per customer: customer, PIC, e-mail, phone/WhatsApp, address, salesperson,
region, collector, group, terms, credit limit, currency, language, virtual account. The same
table feeds the credit review (its credit-limit column, :mod:`xl_ar.core.credit.credit_review`).

:func:`read_customer_master` reads it into the canonical columns :data:`MASTER_COLUMNS`
(always present, NA where the table has no such column) and keeps every other column under
its own header. Cells a column cannot hold (an e-mail without ``@``, a phone without enough
digits, an unknown language, a bad amount) are problem lines (``master.attrs["problems"]``),
never a crash; a customer written twice (same :func:`~xl_ar.core.base.customers.customer_key`)
is an error naming both rows, because one customer with two salespeople has no answer.

Customers are matched to a ledger only by their key (:func:`match_master`), never by
position or exact spelling; the names on one side only are reported both ways.
:func:`group_labels` gives the value of any ledger or master column per ledger row, which is
what the aging and the KPIs group by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.cells import blank_mask, cell_text, quote_excerpt
from xl_ar.core.base.columns import LEDGER_HEADERS, SECONDARY, header_lookup, normalize_header
from xl_ar.core.base.customers import customer_keys, refuse_repeated_customers
from xl_ar.core.base.tables import table_rows
from xl_ar.core.ledger.currency import currency_code
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "BLANK_GROUP",
    "BY_NOTE_ATTR",
    "BY_SIDES",
    "CREDIT_LIMIT_HEADERS",
    "FOUND_ATTR",
    "MASTER_COLUMNS",
    "MASTER_HEADERS",
    "NOT_IN_MASTER",
    "PROBLEMS_ATTR",
    "PROBLEMS_ID_ATTR",
    "ByColumn",
    "MasterMatch",
    "attach_master",
    "choose_by_column",
    "ensure_master",
    "group_labels",
    "match_master",
    "read_customer_master",
    "whatsapp_number",
]

#: Credit-limit headers (also the credit review's).
CREDIT_LIMIT_HEADERS: tuple[str, ...] = (
    "credit limit", "limit", "limit kredit", "plafon", "plafon kredit", "batas kredit",
    "credit line", "pagu", "pagu kredit", "approved limit", "limit disetujui",
)  # fmt: skip

#: Customer-master headers: canonical column → synonyms (English and Indonesian).
MASTER_HEADERS: dict[str, tuple[str, ...]] = {
    "customer": LEDGER_HEADERS[s.CUSTOMER],
    "pic": ("pic", "kontak", "contact", "contact person", "nama kontak", "attention", "attn",
            "up", "penanggung jawab", "contact name"),
    "email": ("e-mail", "email address", "surel", "alamat email", "alamat surel", "emails",
              "e-mail address", "mail"),
    "phone": ("telepon", "telp", "tel", "phone number", "no telepon", "nomor telepon", "hp",
              "no hp", "nomor hp", "handphone", "mobile", "ponsel", "telephone"),
    "whatsapp": ("wa", "no wa", "nomor wa", "whatsapp number", "nomor whatsapp", "no whatsapp"),
    "address": ("alamat", "alamat penagihan", "billing address", "alamat kantor"),
    "salesperson": ("sales", "salesman", "sales person", "sales rep", "sales representative",
                    "tenaga penjual", "nama sales", "account manager"),
    "region": ("wilayah", "area", "daerah", "territory", "rayon", "kota", "city", "zone", "zona"),
    "collector": ("kolektor", "penagih", "collector name", "nama kolektor", "debt collector"),
    "group": ("grup", "kelompok", "customer group", "grup pelanggan", "kelompok pelanggan",
              "segment", "segmen", "channel", "kanal"),
    "terms_days": LEDGER_HEADERS[s.TERMS],
    "credit_limit": CREDIT_LIMIT_HEADERS,
    "currency": LEDGER_HEADERS[s.CURRENCY],
    "language": ("bahasa", "lang", "bahasa surat", "letter language"),
    "virtual_account": ("va", "nomor va", "no va", "virtual account number", "nomor virtual account",
                        "rekening va", "va number"),
}  # fmt: skip
#: The canonical columns, always present in a read master, in this order.
MASTER_COLUMNS: tuple[str, ...] = tuple(MASTER_HEADERS)
#: ``master.attrs`` key: the problem lines found reading it.
PROBLEMS_ATTR = "problems"
#: ``master.attrs`` key: the same problem lines in Indonesian (for the Indonesian report).
PROBLEMS_ID_ATTR = "problems_id"
#: The problems in Indonesian.
_PROBLEMS_ID = {
    "is not an e-mail address (no @)": "bukan alamat e-mail (tanpa @)",
    "is not an e-mail address (not name@domain)": "bukan alamat e-mail (bukan nama@domain)",
    "is not a phone number (8 to 15 digits)": "bukan nomor telepon (8 sampai 15 digit)",
    "is not a number of days (0 or more)": "bukan jumlah hari (0 atau lebih)",
    "is not an amount (0 or more)": "bukan jumlah uang (0 atau lebih)",
    "is not a currency code": "bukan kode mata uang",
    "is not id or en": "bukan id atau en",
}
#: ``master.attrs`` key: the canonical columns the table has (the others are all NA).
FOUND_ATTR = "found"
#: Group of the ledger rows whose customer is not in the master (Indonesian, English).
NOT_IN_MASTER = ("(tidak ada di master pelanggan)", "(not in customer master)")
#: Group of the rows with a blank cell in the grouping column.
BLANK_GROUP = ("(kosong)", "(blank)")

_LOOKUP = header_lookup(MASTER_HEADERS, strict=False)
_TIER = SECONDARY[s.CUSTOMER]
_HEADER_SEARCH_ROWS = 10
_EMAIL = re.compile(r"^[^@\s;,<>]+@[^@\s;,<>]+\.[^@\s;,<>]+$")
_LANGUAGES = {
    **dict.fromkeys(("id", "ind", "indonesia", "indonesian", "bahasa indonesia", "bahasa",
                     "bi", "in"), "id"),
    **dict.fromkeys(("en", "eng", "english", "inggris", "bahasa inggris", "uk", "us"), "en"),
}  # fmt: skip
MASTER_HINT = (
    "customer master: give a table with a header row (Customer, Region, Email ...) and rows"
)


def whatsapp_number(phone: object) -> str | None:
    """The WhatsApp number (digits with the country code) of an Indonesian phone cell.

    ``0812-3456-7890``, ``+62 812 3456 7890``, ``62812...`` and ``812...`` (a number cell that
    lost its leading 0) all give ``6281234567890``; the first of several numbers is taken
    (``;``, ``/`` or ``,`` between them). Fewer than 8 or more than 15 digits: ``None``.

    Examples
    --------
    >>> [whatsapp_number(p) for p in ("0812-3456-7890", "+62 812 3456 7890", "6281234567890")]
    ['6281234567890', '6281234567890', '6281234567890']
    >>> whatsapp_number(81234567890.0), whatsapp_number("021 555 1234 / 0811 222 333"), whatsapp_number("123")
    ('6281234567890', '62215551234', None)
    """
    text = cell_text(phone)
    if text is None:
        return None
    first = re.split(r"[;/,]|\bor\b|\batau\b", text)[0]
    digits = re.sub(r"\D", "", first)
    if digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    return digits if 8 <= len(digits) <= 15 else None


def read_customer_master(source: Any) -> pd.DataFrame:
    """Read a customer master into :data:`MASTER_COLUMNS` plus its other columns.

    Parameters
    ----------
    source : row lists with a header row, pandas.DataFrame, or a .csv/.xlsx path
        The header row is the first of the first ten rows naming a customer column
        (English or Indonesian, :data:`MASTER_HEADERS`).

    Returns
    -------
    pandas.DataFrame
        One row per customer, index = the row number in the range (header row = its row).
        ``customer`` as written; ``email`` the valid addresses joined by ``"; "``;
        ``whatsapp`` digits with the country code (from the WhatsApp column, else from the
        phone); ``terms_days`` and ``credit_limit`` floats; ``currency`` an ISO code;
        ``language`` ``"id"``/``"en"``; other canonical columns text; NA where blank or absent.
        Unknown columns follow under their headers. ``attrs["problems"]`` lists the cells
        that could not be read (one line each) and ``attrs["found"]`` the canonical
        columns the table has.

    Raises
    ------
    XlArError
        No customer column, a row without a customer, or one customer on two rows.

    Examples
    --------
    >>> m = read_customer_master([["Pelanggan", "Wilayah", "HP", "Email"],
    ...                           ["PT Maju", "Jawa", "0812-3456-7890", "a@maju.id, b@maju.id"],
    ...                           ["CV Jaya", "Bali", None, "jaya.co.id"]])
    >>> m[["customer", "region", "whatsapp", "email"]].values.tolist()
    [['PT Maju', 'Jawa', '6281234567890', 'a@maju.id; b@maju.id'], ['CV Jaya', 'Bali', <NA>, <NA>]]
    >>> m.attrs["problems"]
    ("customer master: row 3 'Email': 'jaya.co.id' is not an e-mail address (no @)",)
    """
    rows = table_rows(source, hint=MASTER_HINT)
    at, found = _find_header(rows)
    headers = rows[at]
    width = max(len(r) for r in rows)
    body = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows[at + 1 :]], dtype=object)
    body = body.reindex(columns=range(width))
    body.index = pd.RangeIndex(at + 2, at + 2 + len(body), name=s.ROW)
    if not body.empty:
        body = body[~np.logical_and.reduce([blank_mask(body[c]) for c in body.columns])]
    names = body[found["customer"]]
    no_name = blank_mask(names)
    if no_name.any():
        raise XlArError(f"customer master: row {body.index[no_name][0]} has no customer name")
    reader = _Reader(body, headers, found)
    out = reader.columns()
    _refuse_repeats(out)
    extra = {}
    for pos in range(width):  # every other column with a header, under that header
        header = cell_text(headers[pos]) if pos < len(headers) else None
        if pos in found.values() or header is None:
            continue
        name = header
        while name in out.columns or name in extra:
            name += "_"
        extra[name] = body[pos].to_numpy(dtype=object)
    if extra:
        out = pd.concat([out, pd.DataFrame(extra, index=out.index)], axis=1)
    out.attrs[PROBLEMS_ATTR] = tuple(reader.problems)
    out.attrs[PROBLEMS_ID_ATTR] = tuple(reader.problems_id)
    out.attrs[FOUND_ATTR] = tuple(k for k in MASTER_COLUMNS if k in found)
    return out


def ensure_master(customers: Any) -> pd.DataFrame:
    """A master already read (it has the canonical columns) as it is, else read it.

    Examples
    --------
    >>> m = read_customer_master([["Customer"], ["A"]])
    >>> ensure_master(m) is m
    True
    """
    if isinstance(customers, pd.DataFrame) and FOUND_ATTR in customers.attrs:
        return customers
    return read_customer_master(customers)


def _find_header(rows: list[list]) -> tuple[int, dict[str, int]]:
    for at, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        tier: dict[str, int] = {}
        for pos, cell in enumerate(row):
            norm = normalize_header(cell)
            key = _LOOKUP.get(norm) if norm else None
            if key is None:
                continue
            rank = _TIER.get(str(cell).strip().lower(), 0) if key == "customer" else 0
            if key not in found or rank < tier[key]:
                found[key], tier[key] = pos, rank
        if "customer" in found:
            return at, found
    listed = ", ".join(quote_excerpt(str(c)) for c in rows[0] if cell_text(c)) or "none"
    raise XlArError(
        "customer master: no customer column (e.g. 'Customer' or 'Pelanggan'); "
        f"headers found: {listed}"
    )


class _Reader:
    """The canonical columns of a master body, with one problem line per unreadable cell."""

    def __init__(self, body: pd.DataFrame, headers: list, found: dict[str, int]) -> None:
        self.body, self.headers, self.found = body, headers, found
        self.problems: list[str] = []
        self.problems_id: list[str] = []

    def cells(self, key: str) -> pd.Series | None:
        return self.body[self.found[key]] if key in self.found else None

    def problem(self, row: object, key: str, value: object, what: str) -> None:
        header = quote_excerpt(str(self.headers[self.found[key]]))
        self.problems.append(f"customer master: row {row} {header}: {quote_excerpt(value)} {what}")
        said = _PROBLEMS_ID.get(what, what)
        self.problems_id.append(
            f"master pelanggan: baris {row} {header}: {quote_excerpt(value)} {said}"
        )

    def text(self, key: str) -> pd.Series:
        cells = self.cells(key)
        if cells is None:
            return pd.Series(pd.NA, index=self.body.index, dtype=object)
        return pd.Series([cell_text(v) for v in cells], index=self.body.index, dtype=object).fillna(
            pd.NA
        )

    def columns(self) -> pd.DataFrame:
        out = pd.DataFrame(index=self.body.index)
        for key in MASTER_COLUMNS:
            out[key] = self.text(key)
        out["email"] = self.emails()
        out["whatsapp"] = self.whatsapp(out)
        out["terms_days"] = self.amounts("terms_days", "is not a number of days")
        out["credit_limit"] = self.amounts("credit_limit", "is not an amount")
        out["currency"] = self.coded("currency", currency_code, "is not a currency code")
        out["language"] = self.coded(
            "language", lambda v: _LANGUAGES.get(str(v).strip().lower()), "is not id or en"
        )
        return out

    def emails(self) -> pd.Series:
        values = self.text("email")
        out = []
        for row, text in values.items():
            if pd.isna(text):
                out.append(pd.NA)
                continue
            good = []
            for part in re.split(r"[;,\s]+", str(text)):
                part = part.strip().strip("<>").removeprefix("mailto:")
                if not part:
                    continue
                if _EMAIL.match(part):
                    good.append(part)
                else:
                    why = "(no @)" if "@" not in part else "(not name@domain)"
                    self.problem(row, "email", part, f"is not an e-mail address {why}")
            out.append("; ".join(good) if good else pd.NA)
        return pd.Series(out, index=values.index, dtype=object)

    def whatsapp(self, out: pd.DataFrame) -> pd.Series:
        key = "whatsapp" if "whatsapp" in self.found else "phone"
        values = out[key]
        numbers = []
        for row, text in values.items():
            number = None if pd.isna(text) else whatsapp_number(text)
            if number is None and not pd.isna(text):
                self.problem(row, key, text, "is not a phone number (8 to 15 digits)")
            numbers.append(pd.NA if number is None else number)
        return pd.Series(numbers, index=values.index, dtype=object)

    def amounts(self, key: str, what: str) -> pd.Series:
        cells = self.cells(key)
        if cells is None:
            return pd.Series(np.nan, index=self.body.index, dtype=float)
        if key == "terms_days":
            cells = cells.map(_terms_text)
        parsed = parse_amounts(cells)
        values = parsed.values.to_numpy(dtype=float).copy()
        bad = parsed.bad.to_numpy() | (values < 0)
        for i in np.flatnonzero(bad):
            self.problem(self.body.index[i], key, cells.iloc[i], what + " (0 or more)")
        values[bad] = np.nan
        return pd.Series(values, index=self.body.index, dtype=float)

    def coded(self, key: str, code: Any, what: str) -> pd.Series:
        values = self.text(key)
        out = []
        for row, text in values.items():
            got = None if pd.isna(text) else code(text)
            if got is None and not pd.isna(text):
                self.problem(row, key, text, what)
            out.append(pd.NA if got is None else got)
        return pd.Series(out, index=values.index, dtype=object)


def _terms_text(value: object) -> object:
    """``"Net 30"``, ``"30 hari"``, ``"TOP 45"`` → ``"30"``; other cells unchanged."""
    if isinstance(value, str):
        hit = re.match(r"^\s*(?:net|n|top|termin)?\s*(\d+)\s*(?:days?|hari|d|hr)?\s*$", value, re.I)
        if hit:
            return hit.group(1)
    return value


def _refuse_repeats(out: pd.DataFrame) -> None:
    refuse_repeated_customers(out["customer"], "customer master", ": keep one row per customer")


# --------------------------------------------------------------------------- the match


@dataclass(frozen=True)
class MasterMatch:
    """A ledger joined to a customer master by customer key.

    Attributes
    ----------
    rows : numpy.ndarray
        Per ledger row, the position of its customer's row in the master (``-1``: none).
    missing : tuple of str
        Ledger customers (among the rows ``among`` chose) that
        the master does not list, as the ledger names them, sorted.
    unused : tuple of str
        Master customers without a row in the ledger, as the master names them, in its order.
    """

    rows: np.ndarray
    missing: tuple[str, ...]
    unused: tuple[str, ...]

    def notes(self, lang: str = "en", limit: int | None = 5) -> tuple[str, ...]:
        """One line per direction with names unmatched (at most ``limit`` quoted; None: all).

        Examples
        --------
        >>> MasterMatch(np.array([-1]), ("PT X",), ()).notes()
        ("1 ledger customer with open items is not in the customer master: 'PT X'",)
        """
        out = []
        for names, side in ((self.missing, "ledger"), (self.unused, "master")):
            if not names:
                continue
            listed = ", ".join(quote_excerpt(n) for n in names[:limit])
            more = 0 if limit is None else len(names) - limit
            n = len(names)
            if lang == "id":
                listed += f" dan {more} lainnya" if more > 0 else ""
                what = (
                    f"{n} pelanggan buku piutang dengan saldo terbuka tidak ada di master pelanggan"
                    if side == "ledger"
                    else f"{n} pelanggan master tidak ada di buku piutang"
                )
            else:
                listed += f" and {more} more" if more > 0 else ""
                what = (
                    f"{n} ledger customer{'s' * (n != 1)} with open items "
                    f"{'are' if n != 1 else 'is'} not in the customer master"
                    if side == "ledger"
                    else f"{n} customer{'s' * (n != 1)} of the customer master "
                    f"{'have' if n != 1 else 'has'} no ledger rows"
                )
            out.append(f"{what}: {listed}")
        return tuple(out)


def match_master(ledger: Any, master: Any, *, among: Any = None) -> MasterMatch:
    """Join a ledger to a customer master by customer key; unmatched names both ways.

    ``among``: a mask of ledger rows whose customers count as missing when the master does
    not list them (e.g. the rows open at a date, as :func:`~xl_ar.core.position.by_column.master_notes`
    gives); default every row.

    Examples
    --------
    >>> led = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...        ["pt. maju", "2024-01-01", "2024-01-31", 100], ["CV Baru", "2024-01-05", "2024-02-04", 50]]
    >>> m = match_master(led, [["Pelanggan", "Wilayah"], ["PT Maju", "Jawa"], ["UD Lama", "Bali"]])
    >>> m.rows.tolist(), m.missing, m.unused
    ([0, -1], ('CV Baru',), ('UD Lama',))
    """
    led = ensure_ledger(ledger)
    table = ensure_master(master)
    codes, uniques = pd.factorize(led[s.CUSTOMER], use_na_sentinel=True)
    ledger_keys = pd.Index(customer_keys(pd.Series(np.asarray(uniques, dtype=object))))
    master_keys = pd.Index(customer_keys(table["customer"]))
    per_name = master_keys.get_indexer(ledger_keys)
    rows = np.where(codes >= 0, np.append(per_name, -1)[codes], -1).astype(np.int64)
    wanted = np.zeros(len(uniques), dtype=bool)
    chosen = np.ones(len(led), dtype=bool) if among is None else np.asarray(among, dtype=bool)
    wanted[np.unique(codes[chosen & (codes >= 0)])] = True
    missing = sorted(str(n) for n in np.asarray(uniques, dtype=object)[wanted & (per_name < 0)])
    in_ledger = np.zeros(len(table), dtype=bool)
    in_ledger[per_name[per_name >= 0]] = True
    unused = tuple(str(n) for n in table["customer"].to_numpy()[~in_ledger])
    return MasterMatch(rows, tuple(missing), unused)


def attach_master(ledger: Any, master: Any, columns: Any = None) -> pd.DataFrame:
    """The ledger with master columns added to each row (NA where the customer is not listed).

    ``columns``: master column names (canonical or as headed), default all but ``customer``.
    A column the ledger already has (``currency``, ``terms_days``) is added as
    ``master_<name>``.

    Examples
    --------
    >>> led = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...        ["pt. maju", "2024-01-01", "2024-01-31", 100], ["CV Baru", "2024-01-05", "2024-02-04", 50]]
    >>> attach_master(led, [["Pelanggan", "Sales"], ["PT Maju", "Budi"]], ["salesperson"])[
    ...     "salesperson"].tolist()
    ['Budi', <NA>]
    """
    led = ensure_ledger(ledger)
    table = ensure_master(master)
    wanted = [c for c in table.columns if c != "customer"] if columns is None else columns
    if isinstance(wanted, str):
        wanted = [wanted]
    names = [_master_column(table, c) for c in wanted]
    rows = match_master(led, table).rows
    out = led.copy()
    for name in names:
        values = np.append(table[name].to_numpy(dtype=object), pd.NA)[rows]
        target = f"master_{name}" if name in led.columns else name
        out[target] = pd.Series(values, index=led.index, dtype=object)
    return out


def _master_column(table: pd.DataFrame, name: object) -> str:
    """The master column ``name`` means (canonical name, synonym or header), or an error."""
    norm = normalize_header(name)
    canon = _LOOKUP.get(norm)
    if canon is not None and canon in table.columns:
        return canon
    for column in table.columns:
        if normalize_header(column) == norm:
            return str(column)
    raise OptionError(
        f"the customer master has no column {quote_excerpt(name)}; it has: "
        + ", ".join(str(c) for c in table.columns)[:160]
    )


# --------------------------------------------------------------------------- grouping

#: Ledger columns never grouped by (amounts): every other column may be.
_NOT_GROUPS = frozenset(s.MONEY_COLUMNS)


def group_labels(ledger: pd.DataFrame, by: object, master: Any = None) -> tuple[str, pd.Series]:
    """The column ``by`` names, and its value per ledger row as text (the aging's groups).

    ``by`` is a ledger column (canonical, or an unknown source column under its header) or a
    customer-master column (canonical name, a header synonym such as ``Wilayah``, or one of
    the master's own headers), matched ignoring case, spaces and punctuation; which one, and
    the rule when both sides have it, is :func:`choose_by_column`. Blank cells give
    ``"(blank)"`` and, for a master column, customers the master does not list give
    ``"(not in customer master)"``: no row is dropped.

    Examples
    --------
    >>> led = ensure_ledger([["Customer", "Invoice Date", "Due Date", "Amount", "Kota"],
    ...                      ["A", "2024-01-01", "2024-01-31", 100, "Medan"],
    ...                      ["B", "2024-01-05", "2024-02-04", 50, None]])
    >>> name, got = group_labels(led, " kota ")
    >>> name, got.tolist()
    ('Kota', ['Medan', '(blank)'])
    >>> group_labels(led, "master:region", [["Customer", "Region"], ["a", "North"]])[1].tolist()
    ['North', '(not in customer master)']
    """
    chosen = choose_by_column(ledger, by, master)
    if chosen.side == "ledger":
        return chosen.column, _texts(ledger[chosen.column], ledger.index)
    table = ensure_master(master)
    rows = match_master(ledger, table).rows
    values = np.append(table[chosen.column].to_numpy(dtype=object), NOT_IN_MASTER[1])[rows]
    labels = _texts(pd.Series(values, index=ledger.index, dtype=object), ledger.index)
    return chosen.column, labels


@dataclass(frozen=True)
class ByColumn:
    """The column a ``by`` names (:func:`choose_by_column`).

    Attributes
    ----------
    side : {'ledger', 'master'}
    column : str
        The ledger column, or the master's column (canonical name or own header).
    note : tuple of str or None
        (Indonesian, English) note when the other side has a column of that meaning too.
    """

    side: str
    column: str
    note: tuple[str, str] | None = None


#: ``by`` prefixes that pick a side: ``master:region``, ``ledger:Wilayah``.
BY_SIDES = ("ledger", "master")
#: ``attrs`` key of a grouped table: the (Indonesian, English) note on the column used.
BY_NOTE_ATTR = "by_note"


def choose_by_column(ledger: pd.DataFrame, by: object, master: Any = None) -> ByColumn:
    """Which column ``by`` groups by: one rule, said in a note when both sides have it.

    ``master:<col>`` / ``ledger:<col>`` pick the side. Otherwise a ledger column named
    ``by`` (or of the same meaning: ``Wilayah`` for ``region``) wins over the master's; when
    the master has a column of that meaning too, the note names the column used and how to
    group by the other.

    Examples
    --------
    >>> led = ensure_ledger([["Customer", "Invoice Date", "Due Date", "Amount", "Wilayah"],
    ...                      ["A", "2024-01-01", "2024-01-31", 100, "Medan"]])
    >>> master = read_customer_master([["Customer", "Region"], ["A", "North"]])
    >>> chosen = choose_by_column(led, "region", master)
    >>> chosen.side, chosen.column, chosen.note[1]  # doctest: +NORMALIZE_WHITESPACE
    ('ledger', 'Wilayah', "grouped by the ledger's column 'Wilayah' (the customer master also
     has a region column: use --by master:region)")
    >>> choose_by_column(led, "master:wilayah", master)
    ByColumn(side='master', column='region', note=None)
    """
    side, name = _by_side(by)
    norm = normalize_header(name)
    canon = _LOOKUP.get(norm) if norm else None
    in_ledger = _ledger_group_column(ledger, norm, canon) if side != "master" else None
    table = None if master is None or side == "ledger" else ensure_master(master)
    in_master = None if table is None else _master_group_column(table, name)
    if in_ledger is None and in_master is None:
        raise OptionError(_no_by_column(by, side, canon, ledger, table))
    if in_ledger is None:
        assert in_master is not None
        return ByColumn("master", in_master)
    meaning = canon or in_master
    if in_master is None or side == "ledger":
        if normalize_header(in_ledger) == norm:
            return ByColumn("ledger", in_ledger)
        return ByColumn("ledger", in_ledger, (  # found by its meaning: say which column
            f"dikelompokkan menurut kolom buku piutang {quote_excerpt(in_ledger, 30)} ({meaning})",
            f"grouped by the ledger's column {quote_excerpt(in_ledger, 30)} ({meaning})",
        ))  # fmt: skip
    return ByColumn("ledger", in_ledger, (
        f"dikelompokkan menurut kolom buku piutang {quote_excerpt(in_ledger, 30)} (master "
        f"pelanggan juga punya kolom {meaning}: pakai --by master:{meaning})",
        f"grouped by the ledger's column {quote_excerpt(in_ledger, 30)} (the customer master "
        f"also has a {meaning} column: use --by master:{meaning})",
    ))  # fmt: skip


def _by_side(by: object) -> tuple[str | None, object]:
    """``("master", "region")`` for ``"master:region"``; ``(None, by)`` without a prefix."""
    if isinstance(by, str) and ":" in by:
        head, rest = by.split(":", 1)
        if head.strip().lower() in BY_SIDES and rest.strip():
            return head.strip().lower(), rest.strip()
    return None, by


def _ledger_group_column(ledger: pd.DataFrame, norm: str, canon: str | None) -> str | None:
    """The ledger column named ``norm``, else one whose header means ``canon``; or None."""
    if not norm:
        return None
    columns = [c for c in ledger.columns if c not in _NOT_GROUPS]
    for column in columns:
        if normalize_header(column) == norm:
            return str(column)
    for column in columns:
        if canon is not None and _LOOKUP.get(normalize_header(column)) == canon:
            return str(column)
    return None


def _master_group_column(table: pd.DataFrame, name: object) -> str | None:
    """The master column ``name`` means, when the master's file has it; else None."""
    try:
        column = _master_column(table, name)
    except OptionError:
        return None
    found = table.attrs.get(FOUND_ATTR, MASTER_COLUMNS)
    if column == "customer" or (column in MASTER_HEADERS and column not in found):
        return None
    return column


def _texts(values: pd.Series, index: pd.Index) -> pd.Series:
    """Cells as text; a blank is ``"(blank)"``."""
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    texts = [cell_text(u) for u in uniques]
    shown = np.array([BLANK_GROUP[1] if t is None else t for t in texts] + [BLANK_GROUP[1]],
                     dtype=object)  # fmt: skip
    return pd.Series(shown[codes], index=index, dtype=object)


#: Room for the "no such column" line: 255 less a prefix (``xl-ar report: ``, ``AR_AGING: ``).
_BY_MESSAGE_ROOM = 225


def _no_by_column(
    by: object,
    side: str | None,
    canon: str | None,
    ledger: pd.DataFrame,
    master: pd.DataFrame | None,
) -> str:
    """One line: no such column, with every column there is (or how many more, and where)."""
    if master is None and (side == "master" or (side is None and canon is not None)):
        what = f" ({canon})" if canon is not None else ""
        return (
            f"by {quote_excerpt(by)} is a customer-master column{what}: give the "
            "customer master to group by it (customers: --customers FILE, a Pelanggan sheet)"
        )
    skip = {*_NOT_GROUPS, s.CUSTOMER, s.INVOICE}  # those two: by="customer" / "invoice"
    columns = [c for c in ledger.columns if c not in skip] if side != "master" else []
    ledger_names = sorted(map(str, columns), key=lambda c: c in s.CANONICAL)  # own headers first
    master_names: list[str] = []
    if master is not None:
        found = master.attrs.get(FOUND_ATTR, MASTER_COLUMNS)  # the columns the table fills
        master_names = [
            str(c) for c in master.columns
            if c != "customer" and (c in found or c not in MASTER_HEADERS)
        ]  # fmt: skip
    head = f"by: no column {quote_excerpt(by, 30)} in "
    tail = "" if side else "; or 'customer', 'total', 'invoice'"
    if master is None and side is None:
        tail = "; a customer-master column needs the customer master" + tail
    parts = [(name, names) for name, names in (("master", master_names), ("ledger", ledger_names))
             if names]  # fmt: skip
    words = {"master": "the customer master (", "ledger": "the ledger ("}
    labels = [(" or " if i else "") + words[name] for i, (name, _) in enumerate(parts)]
    room = _BY_MESSAGE_ROOM - len(head) - len(tail) - sum(len(x) + 1 for x in labels)
    shares = _shares([len(", ".join(names)) for _, names in parts], room)
    body = "".join(
        label
        + _fit_names(names, share, "see the header row" if side else f"{name}:? lists all")
        + ")"
        for label, (name, names), share in zip(labels, parts, shares, strict=True)
    )
    return head + body + tail


def _shares(lengths: list[int], room: int) -> list[int]:
    """Split ``room`` among texts of ``lengths``: a short one keeps its length, the rest share."""
    if sum(lengths) <= room or len(lengths) < 2:
        return [room] * len(lengths)
    short = min(lengths)
    if short <= room // 2:
        return [short if n == short else room - short for n in lengths]
    return [room // 2] * len(lengths)


def _fit_names(names: list[str], room: int, where: str) -> str:
    """``names`` joined by ", " within ``room`` characters, else as many as fit + "and N more (where)".

    Examples
    --------
    >>> _fit_names(["a", "b", "c"], 40, "see the header row")
    'a, b, c'
    >>> _fit_names(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"], 39, "see the header row")
    'alpha and 5 more (see the header row)'
    """
    joined = ", ".join(names)
    if len(joined) <= room:
        return joined
    for shown in range(len(names) - 1, 0, -1):
        more = f" and {len(names) - shown} more ({where})"
        text = ", ".join(names[:shown]) + more
        if len(text) <= room:
            return text
    return f"{len(names)} columns ({where})"
