"""Statements of account (*rekening koran*, *laporan mutasi piutang pelanggan*): per customer
and period, the opening balance, every movement in date order with a running balance, the
closing balance, an aging strip and the items still open.

The balance of a customer at a day ``D`` is what the aging counts at ``D``
(:func:`~xl_ar.core.position.open_items.outstanding_at`): every document dated on or before
``D``, less what was paid on it by ``D``. A ledger row (``amount``, ``paid``, one
``payment_date``) therefore gives at most two lines:

* the **document**, on its date: an invoice is a debit; a credit note (``credit_note``) and
  unapplied cash (``unapplied``) are credits;
* what was **paid** or applied on it (``payment``), on its payment date: a credit for an
  invoice; a debit when a credit note or unapplied cash is used up (its ``paid`` is negative,
  and the invoice it settles shows the same amount as paid).

A payment dated before its document counts from the document's date, as the aging counts it.
A payment **without a date** (paid, no payment date) cannot be placed in time; the aging
counts it as received as soon as the document exists, so the statement shows it on the
document's date, says "payment date unknown" on the line and adds a note: the statement
agrees with the aging, and never hides the guess.

Lines are in date order; on one day documents come before payments, then by document number.
The opening balance is the balance on the day before ``start``, the closing balance the balance
at ``end``, both computed as the aging computes them (items within half a cent of zero are
settled). Hence ``opening + Σ debit − Σ credit == closing``, the closing balance equals the
customer's aging total at ``end`` and the statement of ``[a, c]`` is the statement of
``[a, b]`` followed by that of ``[b + 1, c]``.

An **open-items snapshot** (an ERP aging export: no payment history,
:func:`~xl_ar.core.ledger.sufficiency.ledger_facts`) has no movements to show: its statement
lists the items open at ``end`` (whatever their date), the opening balance is not known
(``NaN``) and a note says so; no movement is invented.

Amounts in different currencies are never added: a customer owing in two currencies gets one
statement per currency from :func:`account_statements`; :func:`account_statement` refuses
such a customer unless ``currency`` picks one. A ledger converted with a rate table is refused:
a statement goes to the customer, in the currency of each invoice.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.cells import cell_text, quote_excerpt
from xl_ar.core.base.customers import match_customers
from xl_ar.core.base.dates import FIRST_DAY
from xl_ar.core.base.options import as_buckets, as_date
from xl_ar.core.base.text import money_text
from xl_ar.core.ledger.currency import HOME_CURRENCY, currency_code, require_own_amounts
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.ledger.sufficiency import ledger_facts
from xl_ar.core.position.aging import TOTAL, aging, bucket_labels
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, days_between, open_mask
from xl_ar.errors import CurrencyError, OptionError, XlArError

__all__ = [
    "LINE_COLUMNS",
    "LINE_KINDS",
    "OPEN_COLUMNS",
    "STATEMENT_LABELS",
    "AccountStatement",
    "account_statement",
    "account_statements",
    "bucket_text",
    "statement_rows",
]

#: The kinds of statement line.
LINE_KINDS = ("invoice", "credit_note", "payment", "unapplied")
#: Columns of :attr:`AccountStatement.lines`.
LINE_COLUMNS = ("date", "kind", "document", "description", "due_date", "debit", "credit", "balance")
#: Columns of :attr:`AccountStatement.open_items`.
OPEN_COLUMNS = ("document", "date", "due_date", "amount", "open", "days_overdue")

Pair = tuple[str, str]

#: Every text of a statement (Indonesian, English): column headers, kinds of line, row labels.
STATEMENT_LABELS: dict[str, Pair] = {
    "title": ("Rekening Koran Piutang", "Statement of Account"),
    "customer": ("Pelanggan", "Customer"),
    "period": ("Periode", "Period"),
    "currency": ("Mata Uang", "Currency"),
    "date": ("Tanggal", "Date"),
    "kind": ("Jenis", "Type"),
    "document": ("Dokumen", "Document"),
    "description": ("Keterangan", "Description"),
    "due_date": ("Jatuh Tempo", "Due Date"),
    "debit": ("Debit", "Debit"),
    "credit": ("Kredit", "Credit"),
    "balance": ("Saldo", "Balance"),
    "invoice": ("Faktur", "Invoice"),
    "credit_note": ("Nota Kredit", "Credit Note"),
    "payment": ("Pembayaran", "Payment"),
    "unapplied": ("Pembayaran Belum Dialokasikan", "Unapplied Payment"),
    "opening": ("Saldo Awal", "Opening Balance"),
    "closing": ("Saldo Akhir", "Closing Balance"),
    "not_known": ("tidak diketahui", "not known"),
    "aging": ("Umur Piutang per {}", "Aging at {}"),
    "current": ("Belum Jatuh Tempo", "Current"),
    "days": ("{} hari", "{} days"),
    "total": ("Total", "Total"),
    "note": ("Catatan", "Note"),
    "open_items": ("Dokumen Terbuka per {}", "Open Items at {}"),
    "amount": ("Jumlah", "Amount"),
    "open": ("Sisa", "Open"),
    "days_overdue": ("Hari Lewat Jatuh Tempo", "Days Past Due"),
}

_KIND_OF_DOC = {
    s.DOC_INVOICE: "invoice",
    s.DOC_CREDIT_NOTE: "credit_note",
    s.DOC_PAYMENT: "unapplied",
}
#: Line descriptions (Indonesian, English) by kind; ``{}`` is the document number.
_DOC_TEXT: dict[str, Pair] = {
    "invoice": ("Faktur {}", "Invoice {}"),
    "credit_note": ("Nota kredit {}", "Credit note {}"),
    "unapplied": ("Pembayaran belum dialokasikan {}", "Unapplied payment {}"),
}
_PAY_TEXT: dict[str, Pair] = {
    "invoice": ("Pembayaran faktur {}", "Payment of invoice {}"),
    "credit_note": ("Nota kredit {} dipakai", "Credit note {} applied"),
    "unapplied": ("Pembayaran {} dialokasikan", "Payment {} applied"),
}
_UNDATED: Pair = (
    " (tanggal bayar tidak diketahui: dihitung per tanggal dokumen)",
    " (payment date unknown: counted from the document date)",
)
_EARLY: Pair = (
    " (dibayar sebelum tanggal dokumen: dihitung per tanggal dokumen)",
    " (paid before the document date: counted from the document date)",
)
_DISPUTED: Pair = (" (disengketakan)", " (disputed)")


@dataclass(frozen=True)
class AccountStatement:
    """The statement of account of one customer (in one currency) for ``start`` .. ``end``.

    Attributes
    ----------
    customer : str
        The customer as the ledger spells it.
    start, end : pandas.Timestamp
        The period, both days included.
    currency : str or None
        The currency of every amount (``None``: the ledger names none).
    opening : float
        The balance on the day before ``start`` (``NaN`` for an open-items snapshot: not known).
    closing : float
        The balance at ``end``: the customer's aging total at ``end``.
    lines : pandas.DataFrame
        :data:`LINE_COLUMNS`: ``date``, ``kind`` (:data:`LINE_KINDS`), ``document``,
        ``description`` (an (Indonesian, English) pair), ``due_date``, ``debit``, ``credit``
        and the running ``balance`` (starting from ``opening``; from 0 for a snapshot).
    aging : pandas.DataFrame
        One row: the bucket labels and ``total`` (== ``closing``).
    open_items : pandas.DataFrame
        :data:`OPEN_COLUMNS`: the documents open at ``end`` and their days past due.
    kind : {'history', 'undated', 'snapshot'}
        The kind of ledger (:func:`~xl_ar.core.ledger.sufficiency.ledger_facts`).
    notes : tuple of (str, str)
        What the reader must know (payments without a date, a snapshot), (Indonesian,
        English) each.
    """

    customer: str
    start: pd.Timestamp
    end: pd.Timestamp
    currency: str | None
    opening: float
    closing: float
    lines: pd.DataFrame
    aging: pd.DataFrame
    open_items: pd.DataFrame
    kind: str = "history"
    notes: tuple[Pair, ...] = field(default_factory=tuple)

    @property
    def opening_known(self) -> bool:
        """Whether the opening balance is known (not for an open-items snapshot)."""
        return not math.isnan(self.opening)

    @property
    def debit(self) -> float:
        """The sum of the debit lines."""
        return float(self.lines["debit"].sum())

    @property
    def credit(self) -> float:
        """The sum of the credit lines."""
        return float(self.lines["credit"].sum())


def account_statement(
    ledger: Any,
    customer: Any,
    start: Any,
    end: Any,
    *,
    buckets: Any = None,
    currency: Any = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> AccountStatement:
    """The statement of account of one customer for ``start`` .. ``end`` (see the module).

    Parameters
    ----------
    ledger : canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    customer : str
        Matched to the ledger's customers by the one identity rule
        (:func:`~xl_ar.core.base.customers.customer_key`): ``pt. maju`` is ``PT Maju``.
    start, end : date-like
        The period, both days included; ``start`` after ``end`` is refused.
    buckets : edges, default (30, 60, 90)
        The aging strip's buckets (days past due).
    currency : str, optional
        The currency of a customer owing in several (refused without it).
    tolerance : float, default 0.005

    Returns
    -------
    AccountStatement

    Raises
    ------
    XlArError
        An unknown customer (the message suggests close names), a customer in several
        currencies without ``currency``, ``start`` after ``end``.

    Examples
    --------
    >>> rows = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ...         ["PT Maju", "F-1", "2024-01-10", "2024-02-09", 1000, 1000, "2024-02-05"],
    ...         ["PT Maju", "F-2", "2024-02-12", "2024-03-13", 500, 200, "2024-02-28"]]
    >>> st = account_statement(rows, "pt. maju", "2024-02-01", "2024-02-29")
    >>> st.customer, st.opening, st.closing
    ('PT Maju', 1000.0, 300.0)
    >>> st.lines[["document", "kind", "debit", "credit", "balance"]].values.tolist()
    [['F-1', 'payment', 0.0, 1000.0, 0.0], ['F-2', 'invoice', 500.0, 0.0, 500.0], ['F-2', 'payment', 0.0, 200.0, 300.0]]
    >>> st.aging.to_dict("records")
    [{'Current': 300.0, '1-30': 0.0, '31-60': 0.0, '61-90': 0.0, '>90': 0.0, 'total': 300.0}]
    """
    led = ensure_ledger(ledger)
    name = _find_customer(led, customer)
    code = None if currency is None else _currency(currency)
    got = _statements(led, start, end, [name], buckets, tolerance, keep_empty=True)
    if code is not None:
        picked = [st for st in got if (st.currency or HOME_CURRENCY) == code]  # none named: IDR
        if not picked:
            listed = ", ".join(st.currency or HOME_CURRENCY for st in got)
            raise CurrencyError(
                f"customer {quote_excerpt(name)} has no item in {code} (found: {listed})", (code,)
            )
        return picked[0]
    if len(got) > 1:
        codes = tuple(str(st.currency) for st in got)
        raise CurrencyError(
            f"customer {quote_excerpt(name)} owes in several currencies ({', '.join(codes)}): "
            "one statement per currency; give the currency",
            codes,
        )
    return got[0]


def account_statements(
    ledger: Any,
    start: Any,
    end: Any,
    *,
    customers: Iterable[Any] | None = None,
    buckets: Any = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> list[AccountStatement]:
    """Statements of account for many customers: one per customer and currency.

    Parameters
    ----------
    ledger : canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    start, end : date-like
    customers : iterable of str, optional
        The customers (matched by key; an unknown one is refused, with close names). Default:
        every customer with something to show: a balance at either end or a line in the period.
    buckets : edges, default (30, 60, 90)
    tolerance : float, default 0.005

    Returns
    -------
    list of AccountStatement
        By customer name, then currency.

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount", "Currency"],
    ...         ["B", "2024-01-10", "2024-02-09", 100, "USD"], ["A", "2024-01-12", "2024-02-11", 7, "IDR"],
    ...         ["B", "2024-01-15", "2024-02-14", 900, "IDR"], ["C", "2023-01-15", "2023-02-14", 0, "IDR"]]
    >>> [(st.customer, st.currency, st.closing) for st in account_statements(rows, "2024-01-01", "2024-01-31")]
    [('A', 'IDR', 7.0), ('B', 'IDR', 900.0), ('B', 'USD', 100.0)]
    """
    led = ensure_ledger(ledger)
    names = None if customers is None else [_find_customer(led, c) for c in customers]
    return _statements(led, start, end, names, buckets, tolerance, keep_empty=names is not None)


# --------------------------------------------------------------------------- the work


def _period(start: Any, end: Any) -> tuple[pd.Timestamp, pd.Timestamp]:
    first, last = as_date(start), as_date(end)
    if first > last:
        raise OptionError(
            f"the statement starts on {first.date()} after it ends on {last.date()}: give a "
            "start on or before the end"
        )
    return first, last


def _currency(value: Any) -> str:
    code = currency_code(value)
    if code is None:
        raise OptionError(f"currency {quote_excerpt(value)} is not a currency code (e.g. IDR, USD)")
    return code


def _find_customer(led: pd.DataFrame, customer: Any) -> str:
    """The ledger's spelling of ``customer`` (by key), or one line suggesting close names."""
    text = cell_text(customer)
    if text is None:
        raise XlArError("customer is blank: give a customer name as in the ledger")
    names = pd.unique(led[s.CUSTOMER].dropna().astype(str))
    hit = int(match_customers([text], names)[0])
    if hit >= 0:
        return str(names[hit])
    close = difflib.get_close_matches(text, list(names), n=3, cutoff=0.6)
    if not close:  # case and punctuation aside: "maju" for "PT Maju Jaya"
        low = {n.casefold(): n for n in names}
        close = [low[c] for c in difflib.get_close_matches(text.casefold(), list(low), n=3)]
    hint = f" (did you mean {' or '.join(quote_excerpt(c) for c in close)}?)" if close else ""
    raise XlArError(f"customer {quote_excerpt(text)} is not in the ledger{hint}")


def _statements(
    led: pd.DataFrame,
    start: Any,
    end: Any,
    names: Sequence[str] | None,
    buckets: Any,
    tolerance: float,
    *,
    keep_empty: bool,
) -> list[AccountStatement]:
    first, last = _period(start, end)
    edges = as_buckets(buckets)
    require_own_amounts(led, "a statement of account")
    kind = _kind(led)
    if names is not None:
        led = led[led[s.CUSTOMER].isin(names)]
    led = led[led[s.INVOICE_DATE].notna()]  # never counted by the aging (a lenient read only)
    day_before = first - pd.Timedelta(days=1)
    keep_end, out_end = open_mask(led, last, tolerance=tolerance)
    keep_start, out_start = open_mask(led, day_before, tolerance=tolerance)
    opening_rows = np.where(keep_start, out_start, 0.0)
    lines = _snapshot_lines(led, keep_end, out_end) if kind == "snapshot" else (
        _movement_lines(led, first, last)
    )  # fmt: skip
    group = _groups(led)
    strip = _aging_strips(led, group, last, edges, tolerance)
    labels = bucket_labels(edges)
    grouped = group.groupby(["customer", "currency"], sort=True)
    # each line's statement, grouped once (not a scan of every line per customer)
    line_rows = lines.groupby(grouped.ngroup().to_numpy()[lines["_pos"].to_numpy()]).indices
    none = np.array([], dtype=np.int64)
    out = []
    for number, ((customer, code), rows) in enumerate(grouped.indices.items()):
        positions = np.asarray(rows, dtype=np.int64)
        opening = float(opening_rows[positions].sum())
        mine = lines.iloc[line_rows.get(number, none)]
        open_now = bool(keep_end[positions].any())
        if not keep_empty and mine.empty and not open_now and not opening:
            continue
        labels_total = [*labels, TOTAL]
        aged = strip.get((customer, code), pd.Series(0.0, index=labels_total))
        closing = float(aged[TOTAL]) if open_now else 0.0
        strip_row = pd.DataFrame(
            [[*aged[labels].to_numpy(dtype=float), closing]], columns=[*labels, "total"]
        )
        out.append(AccountStatement(
            customer=str(customer), start=first, end=last, currency=code or None,
            opening=float("nan") if kind == "snapshot" else opening, closing=closing,
            lines=_finish(mine, 0.0 if kind == "snapshot" else opening), aging=strip_row,
            open_items=_open_items(led.iloc[positions], keep_end[positions],
                                   out_end[positions], last),
            kind=kind, notes=_notes(led.iloc[positions], kind, (first, last), code or None,
                                    keep_start[positions]),
        ))  # fmt: skip
    if names is not None and not out:  # a customer whose rows all lack a date
        raise XlArError(f"customer {quote_excerpt(names[0])} has no dated document in the ledger")
    return out


def _kind(led: pd.DataFrame) -> str:
    """The kind of the whole ledger (a history, an undated list, a snapshot) at its last date."""
    dates = pd.concat([led[s.INVOICE_DATE], led[s.PAYMENT_DATE]]).dropna()
    if dates.empty:
        return "history"
    return ledger_facts(led, max(pd.Timestamp(dates.max()), pd.Timestamp(FIRST_DAY))).kind


def _groups(led: pd.DataFrame) -> pd.DataFrame:
    """Customer and currency code ("" when none) of every row."""
    cur = led[s.CURRENCY].astype(object).where(led[s.CURRENCY].notna(), "")
    return pd.DataFrame(
        {"customer": led[s.CUSTOMER].astype(str).to_numpy(), "currency": cur.astype(str).to_numpy()}
    )


def _line_frame(
    led: pd.DataFrame, pick: np.ndarray, dates: np.ndarray, value: np.ndarray, order: int,
    texts: dict[str, Pair], extra: tuple[np.ndarray, Pair] | None = None,
) -> pd.DataFrame:  # fmt: skip
    """Lines of the rows ``pick``: on ``dates``, a debit for a positive ``value``, else a credit."""
    rows = led[pick]
    kinds = rows[s.DOC_TYPE].map(_KIND_OF_DOC).fillna("invoice").to_numpy(dtype=object)
    doc = rows[s.INVOICE].astype(object).where(rows[s.INVOICE].notna(), "").astype(str)
    value = value[pick]
    side = [pd.Series(kinds).map({k: v[i] for k, v in texts.items()}) for i in (0, 1)]
    words = [
        pd.Series([t.format(d).strip() for t, d in zip(side[i], doc, strict=True)], dtype=object)
        for i in (0, 1)
    ]
    disputed = rows[s.DISPUTED].to_numpy(dtype=bool) & (order == 0)
    for i in (0, 1):
        words[i] = words[i].where(~disputed, words[i] + _DISPUTED[i])
        if extra is not None:
            flag = extra[0][pick]
            words[i] = words[i].where(~flag, words[i] + extra[1][i])
    return pd.DataFrame({
        "date": dates[pick],
        "kind": kinds if order == 0 else "payment",
        "document": rows[s.INVOICE].to_numpy(dtype=object),
        "description": list(zip(words[0], words[1], strict=True)),
        "due_date": rows[s.DUE_DATE].to_numpy() if order == 0 else np.datetime64("NaT", "ns"),
        "debit": np.where(value > 0, value, 0.0),
        "credit": np.where(value < 0, -value, 0.0),
        "_pos": np.flatnonzero(pick),
        "_order": order,
    })  # fmt: skip


def _movement_lines(led: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp) -> pd.DataFrame:
    """Every document dated in the period and every payment counted in it (see the module)."""
    inv = led[s.INVOICE_DATE].to_numpy()
    pay = led[s.PAYMENT_DATE].to_numpy()
    amount = led[s.AMOUNT].to_numpy(dtype="float64")
    paid = led[s.PAID].to_numpy(dtype="float64")
    lo, hi = first.to_datetime64(), last.to_datetime64()
    undated = np.isnat(pay)
    early = ~undated & (pay < inv)
    counted = np.where(undated | early, inv, pay)  # when the aging counts the payment
    docs = (inv >= lo) & (inv <= hi)
    pays = (paid != 0) & (counted >= lo) & (counted <= hi)
    extra = np.where(undated, 1, np.where(early, 2, 0))
    frames = [
        _line_frame(led, docs, inv, amount, 0, _DOC_TEXT),
        _line_frame(led, pays & (extra == 0), counted, -paid, 1, _PAY_TEXT),
        _line_frame(led, pays & (extra == 1), counted, -paid, 1, _PAY_TEXT, (undated, _UNDATED)),
        _line_frame(led, pays & (extra == 2), counted, -paid, 1, _PAY_TEXT, (early, _EARLY)),
    ]
    return pd.concat(frames, ignore_index=True)


def _snapshot_lines(led: pd.DataFrame, keep: np.ndarray, out: np.ndarray) -> pd.DataFrame:
    """An open-items snapshot: the items open at the end, by their open amount (no movements)."""
    return _line_frame(led, keep, led[s.INVOICE_DATE].to_numpy(), out, 0, _DOC_TEXT)


def _finish(lines: pd.DataFrame, opening: float) -> pd.DataFrame:
    """Lines in date order (documents before payments, then by number) with the running balance."""
    ordered = lines.assign(_doc=lines["document"].astype(object).fillna("\uffff").astype(str))
    ordered = ordered.sort_values(["date", "_order", "_doc", "_pos"], kind="mergesort")
    table = ordered[[c for c in LINE_COLUMNS if c != "balance"]].reset_index(drop=True)
    table["balance"] = opening + np.cumsum(table["debit"].to_numpy() - table["credit"].to_numpy())
    for column in ("kind", "document", "description"):
        table[column] = table[column].astype(object)
    table["date"] = pd.to_datetime(table["date"]).astype("datetime64[ns]")
    table["due_date"] = pd.to_datetime(table["due_date"]).astype("datetime64[ns]")
    return table


def _aging_strips(
    led: pd.DataFrame, group: pd.DataFrame, last: pd.Timestamp, edges: tuple[int, ...],
    tolerance: float,
) -> dict[tuple[str, str], pd.Series]:  # fmt: skip
    """The aging at ``last`` per (customer, currency): the aging's own rows, totals left out."""
    if led.empty:
        return {}
    table = aging(led, last, buckets=edges, tolerance=tolerance)
    several = s.CURRENCY in table.columns
    codes = table[s.CURRENCY].astype(str) if several else pd.Series("", index=table.index)
    if several:
        codes = codes.where(codes != "unknown", "")
    elif group["currency"].nunique() == 1:
        codes = pd.Series(group["currency"].iloc[0], index=table.index)
    block_end = codes.ne(codes.shift(-1)).to_numpy()  # the Total row closes each currency block
    labels = [c for c in table.columns if c not in (s.CUSTOMER, s.CURRENCY)]
    out = {}
    for i in np.flatnonzero(~block_end):
        out[(str(table[s.CUSTOMER].iloc[i]), codes.iloc[i])] = table[labels].iloc[i].astype(float)
    return out


def _open_items(
    rows: pd.DataFrame, keep: np.ndarray, out: np.ndarray, last: pd.Timestamp
) -> pd.DataFrame:
    """The documents open at ``last``: number, dates, amount, open amount, days past due."""
    items = pd.DataFrame({
        "document": rows[s.INVOICE].to_numpy(dtype=object)[keep],
        "date": rows[s.INVOICE_DATE].to_numpy()[keep],
        "due_date": rows[s.DUE_DATE].to_numpy()[keep],
        "amount": rows[s.AMOUNT].to_numpy(dtype="float64")[keep],
        "open": out[keep],
        "days_overdue": days_between(rows[s.DUE_DATE].to_numpy()[keep], last),
    })  # fmt: skip
    return items.sort_values(["date", "document"], kind="mergesort").reset_index(drop=True)


def _day(value: pd.Timestamp) -> str:
    return value.strftime("%d/%m/%Y")


def _notes(
    rows: pd.DataFrame, kind: str, period: tuple[pd.Timestamp, pd.Timestamp], code: str | None,
    open_before: np.ndarray,
) -> tuple[Pair, ...]:  # fmt: skip
    """What the reader must know about this statement (Indonesian, English).

    Payments without a date are said when they matter here: on a document of the period (a
    line placed on the document's date), or on one still partly open at the start (the
    opening balance takes them as received).
    """
    notes: list[Pair] = []
    first, last = (p.to_datetime64() for p in period)
    day = _day(period[1])
    if kind == "snapshot":
        notes.append((
            f"saldo awal tidak diketahui: buku piutang hanya berisi saldo terbuka, tanpa riwayat "
            f"pembayaran; baris di bawah adalah dokumen yang terbuka per {day}, bukan mutasi",
            f"opening balance not known: the ledger lists only open items, with no payment "
            f"history; the lines are the items open at {day}, not movements",
        ))  # fmt: skip
    inv = rows[s.INVOICE_DATE].to_numpy()
    paid = rows[s.PAID].to_numpy(dtype="float64")
    shown = (inv >= first) & (inv <= last)
    undated = np.isnat(rows[s.PAYMENT_DATE].to_numpy()) & (paid != 0) & (shown | open_before)
    if undated.any():
        n, total = int(undated.sum()), float(paid[undated].sum())
        money = (money_text(total, "id", code), money_text(total, "en", code))
        notes.append((
            f"{n} pembayaran tanpa tanggal bayar ({money[0]}) dihitung per tanggal dokumennya, "
            "seperti umur piutang: saldo sebelum tanggal bayar yang sebenarnya bisa terlalu kecil",
            f"{n} payment{'s' * (n != 1)} without a date ({money[1]}) counted from the document "
            "date, as the aging counts them: balances before the real payment dates may be "
            "understated",
        ))  # fmt: skip
    return tuple(notes)


def bucket_text(label: str, lang: str = "en") -> str:
    """An aging bucket label as a statement shows it: ``Current`` → ``Belum Jatuh Tempo``,
    ``1-30`` → ``1-30 hari`` / ``1-30 days``.

    Examples
    --------
    >>> bucket_text("Current", "id"), bucket_text(">90"), bucket_text("total", "id")
    ('Belum Jatuh Tempo', '>90 days', 'Total')
    """
    side = int(lang == "en")
    if label == "Current":
        return STATEMENT_LABELS["current"][side]
    if label.lower() == "total":
        return STATEMENT_LABELS["total"][side]
    return STATEMENT_LABELS["days"][side].format(label)


def statement_rows(statement: AccountStatement, lang: str = "id") -> list[list[Any]]:
    """The statement as one rectangular table of cells, in one language.

    A header row, the opening balance, the lines, the closing balance (with the period's
    debit and credit totals), the aging strip (a row of bucket labels and a row of amounts)
    and one row per note. Cells are dates (``Timestamp``), numbers, text or ``None``; an
    opening balance that is not known shows ``not known``.

    Examples
    --------
    >>> rows = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ...         ["A", "F-1", "2024-06-03", "2024-07-03", 500, 200, "2024-06-20"]]
    >>> table = statement_rows(account_statement(rows, "A", "2024-06-01", "2024-06-30"), "en")
    >>> [r[1] for r in table]
    ['Type', 'Opening Balance', 'Invoice', 'Payment', 'Closing Balance', 'Aging at 30/06/2024', None]
    >>> table[-3][5:], table[-1]
    ([500.0, 200.0, 300.0], [None, None, 300.0, 0.0, 0.0, 0.0, 0.0, 300.0])
    """
    side = int(lang == "en")
    word = {k: v[side] for k, v in STATEMENT_LABELS.items()}
    st = statement
    labels = [c for c in st.aging.columns if c != "total"]
    width = max(len(LINE_COLUMNS), len(labels) + 3)  # a label, the buckets, total
    pad = [None] * (width - len(LINE_COLUMNS))
    head = [word[c] for c in LINE_COLUMNS] + pad
    opening: Any = st.opening if st.opening_known else word["not_known"]
    out: list[list[Any]] = [head, [st.start, word["opening"], *[None] * 5, opening, *pad]]
    for line in st.lines.itertuples(index=False):
        out.append([
            line.date, word[line.kind], None if pd.isna(line.document) else line.document,
            line.description[side], None if pd.isna(line.due_date) else line.due_date,
            float(line.debit), float(line.credit), float(line.balance), *pad,
        ])  # fmt: skip
    out.append([st.end, word["closing"], *[None] * 3, st.debit, st.credit, st.closing, *pad])
    strip = [bucket_text(c, lang) for c in labels] + [word["total"]]
    gap = [None] * (width - len(strip) - 2)
    out.append([None, word["aging"].format(_day(st.end)), *strip, *gap])
    values = [float(v) for v in st.aging.iloc[0]]
    out.append([None, None, *values, *gap])
    out.extend([f"{word['note']}: {note[side]}", *[None] * (width - 1)] for note in st.notes)
    return out
