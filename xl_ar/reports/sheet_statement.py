"""The statements-of-account sheet (*rekening koran*): one block per customer.

Each block is drawn from one :class:`~xl_ar.core.AccountStatement`: a head (customer,
period, currency, the remittance details — bank, account, account name from the settings, the
customer's virtual account from the customer master — and the statement's notes), the lines
from the opening balance to the closing balance with the running balance, and the aging strip
at the end date. :func:`statements_sheet` is the report builder (catalog key ``statements``):
the period runs from the first day of the as-of date's month to the as-of date unless the
settings give ``statement_from`` / ``statement_to``. :func:`statement_sheet` draws given
statements (the ``.xlsx`` per customer of :mod:`xl_ar.reports.statement_book` uses it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import (
    STATEMENT_LABELS,
    AccountStatement,
    account_statements,
    amounts_note,
    as_date,
    bucket_text,
    match_customers,
    read_customer_master,
)
from xl_ar.reports.model import ColumnFormat, Sheet, Table

__all__ = [
    "REMITTANCE",
    "master_frame",
    "remittance",
    "statement_period",
    "statement_sheet",
    "statements_sheet",
    "master_values",
    "virtual_accounts",
]

L = STATEMENT_LABELS
#: The remittance details of the settings: field → (Indonesian, English) label.
REMITTANCE: dict[str, tuple[str, str]] = {
    "bank": ("Bank", "Bank"),
    "bank_account": ("Rekening", "Account No."),
    "account_name": ("Atas Nama", "Account Name"),
}
VA_LABEL = ("Virtual Account", "Virtual Account")
NOTHING = (
    "Tidak ada pelanggan dengan saldo atau mutasi pada periode ini",
    "No customer has a balance or a movement in the period",
)


def _setting(settings: Any, name: str) -> Any:
    if settings is None:
        return None
    if isinstance(settings, Mapping):
        return settings.get(name)
    return getattr(settings, name, None)


def statement_period(as_of: Any, settings: Any = None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The statement period: ``statement_from`` / ``statement_to`` of the settings, else the
    first day of the as-of date's month to the as-of date.

    Examples
    --------
    >>> [d.date().isoformat() for d in statement_period("2024-12-31")]
    ['2024-12-01', '2024-12-31']
    >>> [d.date().isoformat() for d in statement_period("2024-12-31", {"statement_from": "2024-10-01"})]
    ['2024-10-01', '2024-12-31']
    """
    given_to = _setting(settings, "statement_to")
    end = as_date(given_to if given_to not in (None, "") else as_of)
    given_from = _setting(settings, "statement_from")
    start = as_date(given_from) if given_from not in (None, "") else end.replace(day=1)
    return start, end


def remittance(settings: Any) -> list[tuple[tuple[str, str], str]]:
    """The remittance details given in the settings: ``[(label pair, value), ...]``.

    Examples
    --------
    >>> remittance({"bank": "BCA", "bank_account": "123-456"})
    [(('Bank', 'Bank'), 'BCA'), (('Rekening', 'Account No.'), '123-456')]
    """
    out = []
    for key, label in REMITTANCE.items():
        value = _setting(settings, key)
        if value not in (None, "") and str(value).strip():
            out.append((label, str(value).strip()))
    return out


def master_frame(master: Any) -> pd.DataFrame | None:
    """The customer master in canonical form (``customer``, ``virtual_account`` ...).

    A canonical frame (with ``customer`` and ``virtual_account`` columns) is taken as it is;
    rows or another frame are read by the customer master reader of the core
    (``read_customer_master``).
    """
    if master is None:
        return None
    if isinstance(master, pd.DataFrame) and {"customer", "virtual_account"} <= set(master.columns):
        return master
    return read_customer_master(master)


def virtual_accounts(customers: Sequence[str], master: Any) -> list[str | None]:
    """The virtual account of each customer in the master (matched by key), else ``None``.

    Examples
    --------
    >>> master = pd.DataFrame({"customer": ["pt. maju"], "virtual_account": ["8808 123"]})
    >>> virtual_accounts(["PT Maju", "CV Baru"], master)
    ['8808 123', None]
    """
    return master_values(customers, master, "virtual_account")


def master_values(customers: Sequence[str], master: Any, column: str) -> list[str | None]:
    """``column`` of each customer in the master (matched by key), else ``None``.

    Examples
    --------
    >>> master = pd.DataFrame({"customer": ["pt. maju"], "language": ["en"]})
    >>> master_values(["PT Maju", "CV Baru"], master, "language")
    ['en', None]
    """
    frame = master_frame(master)
    if frame is None or frame.empty or column not in frame.columns:
        return [None] * len(customers)
    found = match_customers(list(customers), frame["customer"])
    values = frame[column].to_numpy(dtype=object)
    out: list[str | None] = []
    for pos in found:
        value = values[pos] if pos >= 0 else None
        out.append(
            None if value is None or pd.isna(value) or not str(value).strip() else str(value)
        )
    return out


def _day(value: pd.Timestamp) -> str:
    return value.strftime("%d/%m/%Y")


def _head(st: AccountStatement, settings: Any, va: str | None) -> pd.DataFrame:
    period = f"{_day(st.start)} - {_day(st.end)}"
    rows: list[tuple[Any, Any]] = [(L["period"], period)]
    if st.currency:
        rows.append((L["currency"], st.currency))
    rows += remittance(settings)
    if va:
        rows.append((VA_LABEL, va))
    rows += [(L["note"], note) for note in st.notes]
    return pd.DataFrame(
        {
            "label": pd.Series([r[0] for r in rows], dtype=object),
            "value": pd.Series([r[1] for r in rows], dtype=object),
        }
    )


def _lines(st: AccountStatement) -> pd.DataFrame:
    """Opening row, the lines, closing row (with the period's totals)."""
    kinds = st.lines["kind"].map(lambda k: L[k])
    opening = st.opening if st.opening_known else np.nan
    first = {
        "date": st.start, "kind": L["opening"], "document": None,
        "description": None if st.opening_known else L["not_known"], "due_date": pd.NaT,
        "debit": np.nan, "credit": np.nan, "balance": opening,
    }  # fmt: skip
    last = {
        "date": st.end, "kind": L["closing"], "document": None, "description": None,
        "due_date": pd.NaT, "debit": st.debit, "credit": st.credit, "balance": st.closing,
    }  # fmt: skip
    body = st.lines.assign(kind=kinds)
    frame = pd.DataFrame([first, *body.to_dict("records"), last])
    for column in ("kind", "document", "description"):
        frame[column] = frame[column].astype(object)
    return frame


def _money(statements: Sequence[AccountStatement]) -> ColumnFormat:
    """``money2`` when any amount has cents, else ``money``."""
    for st in statements:
        values = st.lines[["debit", "credit"]].to_numpy(dtype=float).ravel()
        if values.size and not np.allclose(values, np.round(values)):
            return "money2"
    return "money"


def statement_sheet(
    statements: Sequence[AccountStatement],
    settings: Any = None,
    master: Any = None,
    *,
    key: str = "statements",
) -> Sheet:
    """One block per statement (head, lines, aging strip) on one sheet.

    ``settings``: a :class:`~xl_ar.reports.sheets.Settings` or a mapping with the remittance
    details (``bank``, ``bank_account``, ``account_name``) and ``currency``; ``master``: the
    customer master (its ``virtual_account`` column), canonical or as rows.
    """
    vas = virtual_accounts([st.customer for st in statements], master)
    money = _money(statements)
    tables: list[Table] = []
    line_formats: dict[str, ColumnFormat] = {
        "date": "date", "kind": "text", "document": "text", "description": "text",
        "due_date": "date", "debit": money, "credit": money, "balance": money,
    }  # fmt: skip
    for i, (st, va) in enumerate(zip(statements, vas, strict=True), start=1):
        tables.append(Table(
            f"statement_{i}", _head(st, settings, va),
            {"label": L["customer"], "value": (st.customer, st.customer)},
            {"label": "text", "value": "text"},
        ))  # fmt: skip
        tables.append(Table(
            f"statement_{i}_lines", _lines(st), {c: L[c] for c in line_formats}, line_formats,
            total_row=True, highlight={"balance": "negative"},
        ))  # fmt: skip
        labels = [c for c in st.aging.columns if c != "total"]
        headers = {c: (bucket_text(c, "id"), bucket_text(c, "en")) for c in st.aging.columns}
        headers = {c: headers[c] for c in [*labels, "total"]}
        aged = st.aging.copy()
        tables.append(Table(
            f"statement_{i}_aging", aged, headers, dict.fromkeys(aged.columns, money),
            highlight=dict.fromkeys(labels[1:], "overdue"),
        ))  # fmt: skip
    if not tables:
        frame = pd.DataFrame({"note": pd.Series([NOTHING], dtype=object)})
        tables.append(Table("statements_none", frame, {"note": L["note"]}, {"note": "text"}))
    notes: list[tuple[str, str]] = [amounts_note(_setting(settings, "currency"))]
    if statements:
        period = f"{_day(statements[0].start)} - {_day(statements[0].end)}"
        notes.insert(0, (f"{L['period'][0]}: {period}", f"{L['period'][1]}: {period}"))
    return Sheet(
        key=key,
        name=("Rekening Koran", "Statements"),
        title=L["title"],
        notes=tuple(notes),
        tables=tuple(tables),
    )


def statements_sheet(
    ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Any, master: Any = None
) -> Sheet:
    """The report builder: a statement of every customer with a balance or a movement in the
    period (:func:`statement_period`)."""
    start, end = statement_period(as_of, settings)
    buckets = _setting(settings, "buckets")
    statements = account_statements(ledger, start, end, buckets=buckets)
    return statement_sheet(statements, settings, master)
