"""Statement reconciliation: our ledger for one customer against the customer's statement.

Both sides are compared as open items, per document. Document numbers are matched by key
(:func:`xl_ar.core.cash_application.references.invoice_key`: ``INV-00012`` = ``inv 12``); our side of a document
is its open balance (amount − paid, summed over our rows with that key), theirs is the sum of
their lines with that number (an invoice and a part payment listed under the same number net
out). Lines without a number stand alone.

Result table
------------
===========  ===============  ================================================================
column       dtype            meaning
===========  ===============  ================================================================
document     str              our document number (theirs when only they have it; ``row N``
                              for a line without a number)
our_date     datetime64[ns]   date in our ledger (NaT when only theirs)
their_date   datetime64[ns]   date on their statement (NaT when only ours or undated)
ours         float64          our open amount (0 when we do not have the document)
theirs       float64          their amount (0 when they do not list it)
difference   float64          ours − theirs
status       str              ``matched`` (within the tolerance), ``amount_differs``,
                              ``only_ours``, ``only_theirs``
note         str / NA         a hint for the reviewer (e.g. payment in transit?)
===========  ===============  ================================================================

Rows come in that status order, then by date and document. Documents settled on our side
(balance 0) that they do not list are left out; so are their numbers that net to zero and
that we do not have.

Sign
----
A statement is compared as the customer owes us: invoices positive, payments and credit
notes negative (``sign="ours"``). A customer who sends its own payables ledger lists our
invoices as credits: every amount has the opposite sign (``sign="theirs"`` flips them). With
``sign="auto"`` (default) the statement is flipped when every line that names one of our
documents (with a non-zero amount) is exactly the opposite of our open or full amount of
it; the summary's ``statement_sign`` says which sign was used and why.

The summary proves the reconciliation: ``our_balance − their_balance = explained`` (the sum of
the ``difference`` column) exactly, to the cent — money is added up in whole cents, so
``unexplained`` is always 0.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import to_cents
from xl_ar.core.base.cells import is_blank_value, quote_excerpt
from xl_ar.core.base.customers import match_customers
from xl_ar.core.base.options import choose, parse_tolerance
from xl_ar.core.base.text import grouped_number
from xl_ar.core.cash_application.payments import ensure_statement
from xl_ar.core.cash_application.references import ReferenceIndex, invoice_key
from xl_ar.core.ledger.currency import require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.errors import OptionError

__all__ = [
    "STATEMENT_SIGNS",
    "STATEMENT_RESULT_COLUMNS",
    "STATEMENT_STATUSES",
    "reconcile_statement",
    "statement_summary",
]

STATEMENT_STATUSES = ("matched", "amount_differs", "only_ours", "only_theirs")
#: How a statement's amounts are signed: detected, as we keep them, or the customer's AP side.
STATEMENT_SIGNS = ("auto", "ours", "theirs")
_SIGN_NOTES = {
    "ours": "ours: invoices positive, as we keep them",
    "theirs": "theirs: the statement's amounts were flipped (our invoices listed as credits)",
    "auto_ours": "ours: invoices positive, as we keep them (detected)",
    "auto_theirs": "theirs: every line naming one of our documents was exactly opposite, so "
    "the statement (the customer's payables ledger) was flipped",
}
STATEMENT_RESULT_COLUMNS = (
    "document",
    "our_date",
    "their_date",
    "ours",
    "theirs",
    "difference",
    "status",
    "note",
)


def reconcile_statement(
    ledger: Any,
    statement: Any,
    *,
    customer: str | None = None,
    tolerance: object = 0.005,
    sign: str = "auto",
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Compare our open items of one customer with the customer's statement.

    Parameters
    ----------
    ledger : canonical ledger or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
        Our ledger (it may hold other customers).
    statement : statement table or anything :func:`~xl_ar.core.cash_application.payments.read_statement` reads
        Document number, date, signed amount (invoices positive, payments and credit notes
        negative).
    customer : str, optional
        Whose statement it is, matched by key (case, spacing, punctuation and legal-form
        spelling ignored, :mod:`xl_ar.core.base.customers`). By default: the only
        customer of the ledger, else the one in the statement's customer column, else the
        one whose documents the statement names.
    tolerance : float or str, default 0.005
        A difference within it (an amount, or ``"2%"`` of our amount) is ``matched``.
    sign : {'auto', 'ours', 'theirs'}, default 'auto'
        How the statement is signed (see *Sign* in the module docstring).

    Returns
    -------
    (pandas.DataFrame, dict)
        The table described in the module docstring, and :func:`statement_summary`.

    Raises
    ------
    OptionError
        The customer is unknown or cannot be told from the statement.

    Examples
    --------
    >>> led = [["Customer", "Invoice", "Invoice Date", "Terms", "Amount", "Paid"],
    ...        ["PT A", "INV-001", "2024-01-05", 30, 100, 0],
    ...        ["PT A", "INV-002", "2024-01-20", 30, 250, 50],
    ...        ["PT A", "INV-003", "2024-01-25", 30, 80, 0]]
    >>> st = [["Doc No", "Date", "Amount"], ["inv 1", "2024-01-05", 100],
    ...       ["INV 2", "2024-01-20", 250], ["TRF-9", "2024-01-31", -30]]
    >>> table, total = reconcile_statement(led, st)
    >>> table[["document", "ours", "theirs", "difference", "status"]]
      document   ours  theirs  difference          status
    0  INV-001  100.0   100.0         0.0         matched
    1  INV-002  200.0   250.0       -50.0  amount_differs
    2  INV-003   80.0     0.0        80.0       only_ours
    3    TRF-9    0.0   -30.0        30.0     only_theirs
    >>> total["our_balance"], total["their_balance"], total["explained_difference"]
    (380.0, 320.0, 60.0)
    >>> their_books = [["Doc No", "Date", "Amount"], ["inv 1", "2024-01-05", -100],
    ...                ["INV 2", "2024-01-20", -200], ["INV 3", "2024-01-25", -80]]
    >>> table, total = reconcile_statement(led, their_books)
    >>> table["status"].tolist(), total["balance_difference"]
    (['matched', 'matched', 'matched'], 0.0)
    >>> total["statement_sign"][:45]
    'theirs: every line naming one of our document'
    """
    tol = parse_tolerance(tolerance)
    how = choose(sign, STATEMENT_SIGNS, "statement sign", default="auto")
    led = ensure_ledger(ledger)
    require_one_currency(led, "the statement reconciliation")
    stm = ensure_statement(statement)
    who = _choose_customer(led, stm, customer)
    ours = led[led[s.CUSTOMER].astype(object).eq(who).to_numpy()]
    groups = _our_groups(ours)
    theirs = _their_groups(stm, ours)
    if how == "auto":
        how = "auto_theirs" if _opposite(groups, theirs) else "auto_ours"
    if how.endswith("theirs"):
        stm = stm.assign(amount=-stm["amount"] + 0.0)
        theirs = theirs.assign(amount=-theirs["amount"])
    table = _compare(groups, theirs, tol)
    totals = statement_summary(table, ours, stm, who)
    return table, {**totals, "statement_sign": _SIGN_NOTES[how]}


def _opposite(groups: pd.DataFrame, theirs: pd.DataFrame) -> bool:
    """Every statement document matched to one of ours is exactly opposite (open or full)."""
    hits = theirs[theirs["matched"].to_numpy(dtype=bool) & (theirs["amount"] != 0).to_numpy()]
    hits = hits[hits.index.isin(groups.index)]
    if hits.empty:
        return False
    mine = groups.loc[hits.index]
    amount = hits["amount"].to_numpy()
    flipped = (amount == -mine["open"].to_numpy()) | (amount == -mine["gross"].to_numpy())
    return bool(flipped.all() and (amount < 0).any())


def _choose_customer(led: pd.DataFrame, stm: pd.DataFrame, customer: str | None) -> str:
    names = sorted({str(v) for v in led[s.CUSTOMER].astype(object) if not is_blank_value(v)})
    if not names:
        raise OptionError("the ledger has no customer")

    def resolve(text: object) -> str | None:  # the ledger (ensure_ledger) spells each one once
        at = int(match_customers([text], names)[0])
        return names[at] if at >= 0 else None

    shown = ", ".join(quote_excerpt(n) for n in names[:5]) + (" …" if len(names) > 5 else "")
    if customer is not None and not is_blank_value(customer):
        found = resolve(customer)
        if found is None:
            raise OptionError(
                f"customer {quote_excerpt(customer)} is not in the ledger (customers: {shown})"
            )
        return found
    if len(names) == 1:
        return names[0]
    listed = {resolve(v) for v in stm["customer"].astype(object) if not is_blank_value(v)}
    if len(listed) == 1 and None not in listed:
        return cast(str, listed.pop())
    index = ReferenceIndex(led[s.INVOICE].astype(object).to_numpy())
    customers = led[s.CUSTOMER].astype(object).to_numpy()
    named = {customers[p] for doc in stm["document"] for p in index.lookup(doc)}
    if len(named) == 1:
        return str(named.pop())
    raise OptionError(
        f"the ledger holds {len(names)} customers: give the customer whose statement this is "
        f"(customers: {shown})"
    )


def _cents(values: pd.Series) -> np.ndarray:
    return to_cents(values.to_numpy(dtype=np.float64), "statement")


def _our_groups(ours: pd.DataFrame) -> pd.DataFrame:
    """One row per document key of ours: label, date, open and gross amounts in cents."""
    keys = [invoice_key(v) for v in ours[s.INVOICE].astype(object)]
    labels = [
        f"row {r}" if is_blank_value(v) else str(v)
        for v, r in zip(ours[s.INVOICE].astype(object), ours.index, strict=True)
    ]
    frame = pd.DataFrame(
        {
            "key": [
                k if k is not None else f"\0row {r}" for k, r in zip(keys, ours.index, strict=True)
            ],
            "label": labels,
            "date": ours[s.INVOICE_DATE].to_numpy(dtype="datetime64[ns]"),
            "open": _cents(ours[s.BALANCE]),
            "gross": _cents(ours[s.AMOUNT]),
            "pos": np.arange(len(ours)),
        }
    ).sort_values(["date", "label", "pos"], kind="stable")
    return frame.groupby("key", sort=False).agg(
        label=("label", "first"), date=("date", "min"), open=("open", "sum"),
        gross=("gross", "sum"), pos=("pos", "first"),
    )  # fmt: skip


def _their_groups(stm: pd.DataFrame, ours: pd.DataFrame) -> pd.DataFrame:
    """Their lines summed per our document key (matched) or per their own key."""
    index = ReferenceIndex(ours[s.INVOICE].astype(object).to_numpy())
    row_key = [invoice_key(v) for v in ours[s.INVOICE].astype(object)]
    keys: list[str | None] = []
    matched: list[bool] = []
    for doc, row in zip(stm["document"].astype(object), stm.index, strict=True):
        hits = {row_key[p] for p in index.lookup(doc)}
        if len(hits) == 1:
            keys.append(hits.pop())
            matched.append(True)
            continue
        own = invoice_key(doc)
        keys.append(f"\1{own}" if own is not None else f"\0their row {row}")
        matched.append(False)
    labels = [
        f"row {r}" if is_blank_value(v) else str(v)
        for v, r in zip(stm["document"].astype(object), stm.index, strict=True)
    ]
    frame = pd.DataFrame(
        {
            "key": keys,
            "label": labels,
            "date": stm["date"].to_numpy(dtype="datetime64[ns]"),
            "amount": _cents(stm["amount"]),
            "matched": matched,
            "row": stm.index.to_numpy(),
        }
    ).sort_values(["date", "label", "row"], kind="stable", na_position="last")
    return frame.groupby("key", sort=False).agg(
        label=("label", "first"), date=("date", "min"), amount=("amount", "sum"),
        matched=("matched", "first"),
    )  # fmt: skip


def _compare(groups: pd.DataFrame, theirs: pd.DataFrame, tol: Any) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    nat = pd.NaT
    note: str | None
    for key, g in groups.iterrows():
        t = theirs.loc[key] if key in theirs.index else None
        ours_c = int(g["open"])
        if t is None:
            if ours_c == 0:
                continue
            note = (
                "not on their statement: invoice not yet recorded by them?"
                if ours_c > 0
                else "not on their statement: credit not yet recorded by them?"
            )
            rows.append(_row(g["label"], g["date"], nat, ours_c, 0, "only_ours", note))
            continue
        theirs_c = int(t["amount"])
        gap = ours_c - theirs_c
        if abs(gap) <= tol.allowed_cents(ours_c):
            note = "within the tolerance" if gap else None
            rows.append(_row(g["label"], g["date"], t["date"], ours_c, theirs_c, "matched", note))
            continue
        gross = int(g["gross"])
        if theirs_c == gross and gross != ours_c:
            note = f"their amount is our full amount: we recorded {grouped_number((gross - ours_c) / 100, 2)} paid or credited"
        else:
            note = f"differs by {grouped_number(gap / 100, 2)}"
        rows.append(
            _row(g["label"], g["date"], t["date"], ours_c, theirs_c, "amount_differs", note)
        )
    for _, t in theirs[~theirs["matched"].to_numpy(dtype=bool)].iterrows():
        theirs_c = int(t["amount"])
        if theirs_c == 0:
            continue
        note = (
            "not in our books: payment or credit in transit?"
            if theirs_c < 0
            else "not in our books: a document we have not recorded?"
        )
        rows.append(_row(t["label"], nat, t["date"], 0, theirs_c, "only_theirs", note))
    table = pd.DataFrame(
        rows,
        columns=["document", "our_date", "their_date", "ours", "theirs", "status", "note", "_c"],
    )
    order = {name: i for i, name in enumerate(STATEMENT_STATUSES)}
    table["_s"] = table["status"].map(order)
    table["_d"] = table["our_date"].fillna(table["their_date"])
    table = table.sort_values(["_s", "_d", "document"], kind="stable", na_position="last")
    out = pd.DataFrame(
        {
            "document": pd.Series(table["document"].to_numpy(dtype=object), dtype="str"),
            "our_date": pd.to_datetime(table["our_date"].to_numpy()).astype("datetime64[ns]"),
            "their_date": pd.to_datetime(table["their_date"].to_numpy()).astype("datetime64[ns]"),
            "ours": table["ours"].to_numpy(dtype=np.float64),
            "theirs": table["theirs"].to_numpy(dtype=np.float64),
            "difference": table["_c"].to_numpy(dtype=np.float64) / 100,
            "status": pd.Series(table["status"].to_numpy(dtype=object), dtype="str"),
            "note": pd.Series(table["note"].to_numpy(dtype=object), dtype="str"),
        },
        columns=list(STATEMENT_RESULT_COLUMNS),
    )
    return out


def _row(
    label, our_date, their_date, ours_c: int, theirs_c: int, status: str, note
) -> dict[str, Any]:
    return {
        "document": label,
        "our_date": our_date,
        "their_date": their_date,
        "ours": ours_c / 100,
        "theirs": theirs_c / 100,
        "status": status,
        "note": note,
        "_c": ours_c - theirs_c,
    }


def statement_summary(
    table: pd.DataFrame, ours: pd.DataFrame, statement: pd.DataFrame, customer: str
) -> dict[str, Any]:
    """The balance proof of a statement reconciliation (money exact to the cent).

    Keys: ``customer``, ``our_balance``, ``their_balance``, ``balance_difference``; per status
    ``<status>_count`` and ``<status>_difference``; ``explained_difference`` (the sum of the
    table's differences) and ``unexplained_difference`` (= balance difference − explained,
    always 0).
    """
    our_c = int(_cents(ours[s.BALANCE]).sum())
    their_c = int(_cents(statement["amount"]).sum())
    diff_c = np.rint(table["difference"].to_numpy(dtype=np.float64) * 100).astype(np.int64)
    out: dict[str, Any] = {
        "customer": customer,
        "our_balance": our_c / 100,
        "their_balance": their_c / 100,
        "balance_difference": (our_c - their_c) / 100,
    }
    status = table["status"].astype(object).to_numpy()
    for name in STATEMENT_STATUSES:
        mask = status == name
        out[f"{name}_count"] = int(mask.sum())
        out[f"{name}_difference"] = int(diff_c[mask].sum()) / 100
    explained = int(diff_c.sum())
    out["explained_difference"] = explained / 100
    out["unexplained_difference"] = (our_c - their_c - explained) / 100
    return out
