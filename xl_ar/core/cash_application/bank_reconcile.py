"""Receipts to the engine and back: who paid, giro held, ambiguous payers proposed.

:func:`apply_receipts` is the ``payments`` path of :func:`~xl_ar.core.cash_application.
reconcile.reconcile`, for a payments table and for a bank statement's receipts alike:

1. the payer of each receipt is found (:func:`~xl_ar.core.cash_application.payers.
   identify_payers`: customer column, virtual account, name in the description);
2. a receipt whose ``effective_date`` (a post-dated *bilyet giro* or cheque) is after the cut-off
   — ``as_of`` when given, else the statement's period end (else its last line) — is held out:
   one ``giro_in_hand`` row, nothing applied;
3. the others go through :func:`~xl_ar.core.cash_application.reconcile.apply_payments`; a
   receipt whose payer is ambiguous enters without a customer, so only invoice numbers in its
   memo can apply it; what is left of it becomes ``proposed`` (nothing applied), the candidates
   in ``note``, and the candidate's open invoice of exactly the receipt's amount named there;
   on a bank statement, a receipt whose payer is known by name or virtual account while its
   description names (with letters, ``INV-2024-1202``) only other customers' invoices is kept
   out of the engine and ``proposed``: "description names CV Sinar Terang; invoice
   INV-2024-1202 is PT Maju Jaya Abadi's" (in a payments table such a memo is applied: one
   payment may settle another customer's invoice);
4. every row gets ``payer_rule`` (``customer_column``, ``virtual_account``, ``name``,
   ``invoice_reference`` for a payer known only from the invoices its memo names, or NA),
   ``payer_confidence`` and ``note``.

``giro_in_hand`` and ``proposed`` rows are payment remainders like ``unapplied``: ``invoice``
blank, ``remaining`` = the receipt's amount, so Σ receipts = Σ applied + Σ remainders (plus
withheld amounts and fees, where the engine records them) to the cent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import to_cents
from xl_ar.core.base.cells import quote_excerpt
from xl_ar.core.base.customers import customer_keys
from xl_ar.core.cash_application.payers import identify_payers
from xl_ar.core.cash_application.references import ReferenceIndex

__all__ = ["PAYER_COLUMNS", "apply_receipts", "cut_off"]

#: Columns appended to the result table of a payments or bank reconciliation.
PAYER_COLUMNS = ("payer_rule", "payer_confidence", "note")
_TABLE_KIND = "xl_ar_table"  # the payments reader's mark (payments.py)
_ENGINE_COLUMNS = ("payment", "date", "amount", "customer", "memo", "currency")
_MONEY_OTHER = ("withheld", "fee")  # the engine's other money columns, 0 on remainder rows
_DIGIT_GROUPS = re.compile(r"(?<![0-9])[0-9]+(?:[ \-][0-9]+)*")  # as the payer search reads them
_PRINTED = re.compile(r"(?<![\w.,])\d[\d.,]*[.,]\d\d(?![\w.,])")  # an amount with cents
_NAMED_INVOICES = 3  # open invoices named in a proposal's note at most
_BY_DESCRIPTION = ("name", "virtual_account")  # payer rules read from the bank's text


def cut_off(statement: Any, as_of: object = None) -> pd.Timestamp | None:
    """The date after which a receipt is a giro in hand: ``as_of``, else the statement's end.

    Examples
    --------
    >>> cut_off(None, "2024-12-31")
    Timestamp('2024-12-31 00:00:00')
    >>> cut_off(None) is None
    True
    """
    if as_of is not None:
        return pd.Timestamp(as_of).normalize()
    if statement is None:
        return None
    end = getattr(statement, "period_end", None)
    if end is not None and not pd.isna(end):
        return pd.Timestamp(end)
    lines = getattr(statement, "lines", None)
    if lines is not None and "date" in lines.columns and lines["date"].notna().any():
        return pd.Timestamp(lines["date"].max())
    return None


def apply_receipts(
    ledger: pd.DataFrame,
    receipts: pd.DataFrame,
    *,
    apply: Any,
    statement: Any = None,
    master: Any = None,
    va_map: Any = None,
    as_of: object = None,
    options: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """The cash-application table of receipts, with payers, giro and proposals (see module).

    Parameters
    ----------
    ledger : pandas.DataFrame
        A canonical ledger.
    receipts : pandas.DataFrame
        A payments table or a bank statement's receipts (columns of ``read_payments``, plus
        ``effective_date`` for a statement).
    apply : callable
        :func:`~xl_ar.core.cash_application.reconcile.apply_payments` (given by the caller).
    statement : BankStatement, optional
        The statement the receipts come from (its period end is the giro cut-off).
    master, va_map : optional
        See :func:`~xl_ar.core.cash_application.payers.identify_payers`.
    as_of : date, optional
        Giro cut-off instead of the statement's end.
    options : mapping, optional
        Keyword arguments of ``apply`` (tolerance, k ...).

    Returns
    -------
    pandas.DataFrame
        ``apply``'s table with the statuses ``giro_in_hand`` and ``proposed`` and the columns
        :data:`PAYER_COLUMNS` at the end.

    Examples
    --------
    >>> from xl_ar.core import apply_payments, read_ledger, read_payments
    >>> led = read_ledger([["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
    ...                    ["PT Maju Jaya", "1", "2024-01-01", 30, 100]])
    >>> pay = read_payments([["Payment", "Date", "Amount", "Keterangan"],
    ...                      ["P", "2024-02-01", 100, "TRSF CR MAJU JAYA PT"]])
    >>> t = apply_receipts(led, pay, apply=apply_payments)
    >>> t[["invoice", "applied", "status", "payer_rule", "payer_confidence"]].values.tolist()
    [['1', 100.0, 'matched', 'name', 0.9]]
    """
    payers = identify_payers(receipts, ledger[s.CUSTOMER], master=master, va_map=va_map)
    end = cut_off(statement, as_of)
    giro = np.zeros(len(payers), dtype=bool)
    if end is not None and "effective_date" in payers.columns:
        effective = pd.to_datetime(payers["effective_date"])
        giro = (effective > end).to_numpy(dtype=bool)
    memos = None
    if "memo" in payers.columns:
        memos = _engine_memos(payers, bank=statement is not None)
    # one index of the ledger's numbers: each distinct description is scanned once in the run
    index = ReferenceIndex(ledger[s.INVOICE].astype(object).to_numpy())
    conflicts = pd.Series(pd.NA, index=payers.index, dtype=object)
    if statement is not None and memos is not None:
        conflicts = _name_conflicts(ledger, payers, memos, index)
    clash = conflicts.notna().to_numpy(dtype=bool) & ~giro
    keep = ~giro & ~clash
    engine_in = payers.loc[keep, [c for c in _ENGINE_COLUMNS if c in payers.columns]].copy()
    engine_in["customer"] = (
        engine_in["customer"].astype(object).where(engine_in["customer"].notna(), None)
    )
    if memos is not None:
        engine_in["memo"] = memos[keep]
    engine_in.attrs[_TABLE_KIND] = "payments"
    settings = dict(options or {})
    if statement is not None:  # the bank's own numbers in descriptions name no invoice
        settings.setdefault("bare_numbers", "payer")
    settings.setdefault("references", index)
    table = apply(ledger, engine_in, **settings)
    hints = _number_hints(ledger, payers, memos, index) if memos is not None else {}
    table = _proposals(table, payers, hints)
    table = _with_giro(table, payers[giro], end)
    table = _held(table, payers[clash], "proposed", conflicts[clash].tolist())
    return _payer_columns(table, payers)


def _engine_memos(payers: pd.DataFrame, *, bank: bool) -> pd.Series:
    """The memos the invoice-number pass reads: without the virtual account that named the
    payer and, on a bank statement, without the receipt's own amount as the bank prints it
    (``17325000.00``): digits the payer search or the bank wrote are no invoice numbers."""
    memos = payers["memo"].astype(object)
    vas = payers["virtual_account"] if "virtual_account" in payers.columns else None
    cents = to_cents(payers["amount"].to_numpy(dtype=np.float64), "payments").tolist()
    out = memos.tolist()
    for i, text in enumerate(out):
        if not isinstance(text, str):
            continue
        if vas is not None and isinstance(vas.iat[i], str):
            text = _without_accounts(text, vas.iat[i].split("; "))
        if bank:
            text = _without_amount(text, cents[i])
        out[i] = text
    return pd.Series(out, index=payers.index, dtype=payers["memo"].dtype)


def _without_accounts(text: str, accounts: list[str]) -> str:
    def blank(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group())
        return " " if any(v in digits for v in accounts) else match.group()

    return _DIGIT_GROUPS.sub(blank, text)


def _without_amount(text: str, cents: int) -> str:
    return _PRINTED.sub(lambda m: " " if _printed_cents(m.group()) == cents else m.group(), text)


def _printed_cents(token: str) -> int | None:
    """Cents of an amount printed with two decimals (``17,325,000.00``, ``17.325.000,00``)."""
    digits = re.sub(r"\D", "", token)
    return int(digits) if len(digits) > 2 and token[-3] in ".," else None


def _number_hints(
    ledger: pd.DataFrame, payers: pd.DataFrame, memos: pd.Series, index: ReferenceIndex
) -> dict[Any, str]:
    """Per ambiguous receipt whose memo's numbers name invoices of one of its candidates
    only: "10242, 10243 are invoices of 'PT Sumber Makmur'" (a hint, nothing applied)."""
    ambiguous = payers["candidates"].notna().to_numpy(dtype=bool)
    if not ambiguous.any():
        return {}
    invoices = ledger[s.INVOICE].astype(object).to_numpy()
    owners = ledger[s.CUSTOMER].astype(object).to_numpy()
    owner_keys = customer_keys(owners)
    found = index.find_all(memos[ambiguous])
    out: dict[Any, str] = {}
    rows = payers[ambiguous]
    for pay, names, named in zip(rows["payment"], rows["candidates"], found, strict=True):
        hits = [p for hit in named for p in hit]
        keys = {owner_keys[p] for p in hits}
        candidates = str(names).split("; ")
        if len(keys) != 1 or not set(customer_keys(candidates).tolist()) & keys:
            continue
        numbers = ", ".join(dict.fromkeys(str(invoices[p]) for p in hits))
        verb = "is an invoice" if len(set(hits)) == 1 else "are invoices"
        out[pay] = f"{numbers} {verb} of {quote_excerpt(owners[hits[0]])}"
    return out


def _proposals(
    table: pd.DataFrame, payers: pd.DataFrame, hints: Mapping[Any, str] | None = None
) -> pd.DataFrame:
    """Unmatched remainders of ambiguous receipts → ``proposed``, the candidates in ``note``
    (and ``hints``: what the memo's numbers say, by receipt)."""
    table = table.copy()
    table["note"] = pd.Series(pd.NA, index=table.index, dtype=object)
    ambiguous = payers[payers["candidates"].notna().to_numpy()]
    if ambiguous.empty:
        return table
    status = table["status"].astype(object)
    open_rows = table[status.eq("open").to_numpy()]
    open_cents = to_cents(open_rows["remaining"].to_numpy(dtype=np.float64), "invoices")
    by_id = dict(zip(ambiguous["payment"].astype(object), ambiguous["candidates"], strict=True))
    for i in np.flatnonzero((status.eq("unmatched") & table["payment"].isin(by_id)).to_numpy()):
        names = str(by_id[table["payment"].iat[i]]).split("; ")
        cents = int(to_cents(np.array([table["remaining"].iat[i]]), "payments")[0])
        same = (open_cents == cents) & open_rows["customer"].isin(names).to_numpy()
        hits = open_rows[same]
        note = "payer unclear: " + " or ".join(quote_excerpt(n) for n in names)
        if len(hits):
            listed = [
                f"{quote_excerpt(v)} of {quote_excerpt(c)}"
                for c, v in zip(hits["customer"], hits["invoice"], strict=True)
            ]
            more = len(listed) - _NAMED_INVOICES
            note += "; amount equals open invoice " + ", ".join(listed[:_NAMED_INVOICES])
            note += f" and {more} more" if more > 0 else ""
        hint = (hints or {}).get(table["payment"].iat[i])
        note += f"; {hint}" if hint else ""
        table.iat[i, table.columns.get_loc("status")] = "proposed"
        table.iat[i, table.columns.get_loc("note")] = note
    return table


def _name_conflicts(
    ledger: pd.DataFrame, payers: pd.DataFrame, memos: pd.Series, index: ReferenceIndex
) -> pd.Series:
    """Per receipt whose payer the bank's text names (name, virtual account): a note when
    its memo names, with letters, invoices and none of them is the payer's; else NA."""
    out = pd.Series(pd.NA, index=payers.index, dtype=object)
    by_text = (
        payers["payer_rule"].astype(object).isin(_BY_DESCRIPTION) & payers["customer"].notna()
    ).to_numpy(dtype=bool)
    if not by_text.any():
        return out
    invoices = ledger[s.INVOICE].astype(object).to_numpy()
    owners = ledger[s.CUSTOMER].astype(object).to_numpy()
    owner_keys = customer_keys(owners)
    payer_keys = customer_keys(payers["customer"].astype(object).to_numpy())
    found = index.find_all(memos[by_text], bare_numbers=False)
    for i, named in zip(np.flatnonzero(by_text).tolist(), found, strict=True):
        hits = [p for hit in named for p in hit]
        if not hits or any(owner_keys[p] == payer_keys[i] for p in hits):
            continue
        first = hits[0]
        out.iat[i] = (
            f"description names {payers['customer'].iat[i]}; invoice {invoices[first]} is "
            f"{owners[first]}'s: not applied"
        )
    return out


def _with_giro(table: pd.DataFrame, held: pd.DataFrame, end: pd.Timestamp | None) -> pd.DataFrame:
    """One ``giro_in_hand`` row per held receipt, after the payments' rows, before open items."""
    if held.empty:
        return table
    held = held.sort_values(["effective_date", "payment"], kind="stable")
    day = f" {end.date().isoformat()}" if end is not None else ""
    notes = [
        f"giro in hand: effective {pd.Timestamp(d).date().isoformat()}, after the cut-off{day}"
        for d in held["effective_date"]
    ]
    return _held(table, held, "giro_in_hand", notes)


def _held(table: pd.DataFrame, held: pd.DataFrame, status: str, notes: list[str]) -> pd.DataFrame:
    """One remainder row of ``status`` per receipt kept out of the engine, before open items."""
    if held.empty:
        return table
    rows: dict[str, Any] = {}
    for column in table.columns:
        dtype = table[column].dtype
        rows[column] = pd.Series(
            np.nan if dtype.kind == "f" else None, index=range(len(held)), dtype=dtype
        )
    rows["payment"] = pd.Series(
        held["payment"].to_numpy(dtype=object), dtype=table["payment"].dtype
    )
    rows["payment_date"] = held["date"].to_numpy(dtype="datetime64[ns]")
    rows["payment_amount"] = held["amount"].to_numpy(dtype=np.float64)
    rows["customer"] = pd.Series(
        held["customer"].to_numpy(dtype=object), dtype=table["customer"].dtype
    )
    rows["applied"] = 0.0
    rows["difference"] = 0.0
    rows["remaining"] = held["amount"].to_numpy(dtype=np.float64)
    rows["status"] = pd.Series([status] * len(held), dtype=table["status"].dtype)
    for column in _MONEY_OTHER:
        if column in rows:
            rows[column] = 0.0
    rows["note"] = notes
    giro = pd.DataFrame(rows, columns=table.columns)
    is_open = table["status"].astype(object).eq("open").to_numpy()
    out = pd.concat([table[~is_open], giro, table[is_open]], ignore_index=True)
    return out.astype(table.dtypes.to_dict())


def _payer_columns(table: pd.DataFrame, payers: pd.DataFrame) -> pd.DataFrame:
    """``payer_rule``, ``payer_confidence`` and ``note`` of each row's receipt, at the end."""
    ids = payers["payment"].astype(object)
    rule = dict(zip(ids, payers["payer_rule"], strict=True))
    score = dict(zip(ids, payers["payer_confidence"], strict=True))
    said = dict(zip(ids, payers["payer_note"], strict=True))
    pays = table["payment"].astype(object)
    known = pays.notna().to_numpy()
    rules = np.array(
        [rule.get(p) if k else None for p, k in zip(pays, known, strict=True)], dtype=object
    )
    scores = np.array(
        [score.get(p, np.nan) if k else np.nan for p, k in zip(pays, known, strict=True)]
    )
    by_memo = table["rule"].astype(object).eq("reference").to_numpy()
    from_invoices = set(pays[by_memo]) - {
        p for p, r in rule.items() if r is not None and not pd.isna(r)
    }
    hits = pays.isin(from_invoices).to_numpy()
    rules[hits] = "invoice_reference"
    scores[hits] = 1.0
    notes = table["note"].astype(object).to_numpy().copy()
    for i in np.flatnonzero(known):
        extra = said.get(pays.iat[i])
        if extra is not None and not pd.isna(extra):
            notes[i] = extra if pd.isna(notes[i]) else f"{notes[i]}; {extra}"
    out = table.drop(columns=["note"])
    out["payer_rule"] = pd.Series(rules, dtype="str")
    out["payer_confidence"] = scores.astype(np.float64)
    out["note"] = pd.Series(notes, dtype="str")
    return out
