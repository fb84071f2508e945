"""Module 5's core facts (language independent): KPI series, Q4 metrics, receipts."""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pandas as pd

from xl_ar.core import (
    add_from_balances,
    aging,
    arrears_ratio,
    average_collection_period,
    bad_debt_ratio,
    best_possible_dso,
    cei,
    collection_ratio,
    dso_average,
    dso_countback,
    dso_simple,
    kpi_series,
    receivable_turnover,
    reconcile,
)
from xl_ar.workshop.data import AS_OF, core_ledger, workshop_ledger
from xl_ar.workshop.module_5.context import ANNUALISE, Q4, Q4_WRITE_OFF, YEAR


@cache
def monthly_kpis() -> pd.DataFrame:
    """The core's KPI series of the ledger, one row per month of 2024.

    Examples
    --------
    >>> k = monthly_kpis()
    >>> len(k), float(k["ending_ar"].iloc[-1])
    (12, 304831600.0)
    """
    return kpi_series(core_ledger("id"), f"{YEAR}-01-01", f"{YEAR}-12-31", freq="month")


@cache
def metrics_q4() -> dict[str, float]:
    """Inputs and metrics of Q4 2024 computed by the core (money in Rupiah, ratios fractions).

    Examples
    --------
    >>> m = metrics_q4()
    >>> m["days"], round(m["dso_simple"], 2)
    (92.0, 78.0)
    """
    k = monthly_kpis()
    q = k[k["period_end"].dt.month.isin(Q4)]
    sales = float(q["credit_sales"].sum())
    inp = {
        "days": float(q["days"].sum()),
        "sales": sales,
        "collections": float(q["collections"].sum()),
        "beg": float(q["beginning_ar"].iloc[0]),
        "end": float(q["ending_ar"].iloc[-1]),
        "current": float(q["current_ar"].iloc[-1]),
        "past_due": float(q["past_due_ar"].iloc[-1]),
        "months": float(len(Q4)),
        "writeoff": Q4_WRITE_OFF,
    }
    inp["billed"] = inp["beg"] + sales
    inp["annual"] = sales * ANNUALISE
    m_sales = [float(v) for v in q["credit_sales"]]
    m_days = [float(v) for v in q["days"]]
    d, end, cur, beg = inp["days"], inp["end"], inp["current"], inp["beg"]
    out = dict(inp)
    out |= {
        "dso_simple": dso_simple(end, sales, d),
        "dso_average": dso_average(beg, end, sales, d),
        "dso_countback": dso_countback(end, m_sales, m_days),
        "bpdso": best_possible_dso(cur, sales, d),
        "add": add_from_balances(end, cur, sales, d),
        "cei_n": cei(beg, sales, end, cur, months=len(Q4)),
        "cei_1": cei(beg, sales, end, cur, months=1),
        "rto": receivable_turnover(inp["annual"], beg, end),
        "acp_360": average_collection_period(inp["annual"], beg, end, day_basis=360),
        "acp_365": average_collection_period(inp["annual"], beg, end, day_basis=365),
        "arrears": arrears_ratio(inp["past_due"], sales),
        "collection": collection_ratio(inp["collections"], inp["billed"]),
        "bad_debt": bad_debt_ratio(inp["writeoff"], sales),
    }
    return out


@cache
def _open_items() -> pd.DataFrame:
    """Open items at AS_OF (core aging by invoice) with region, salesperson, disputed flag."""
    items = aging(core_ledger("id"), AS_OF, by="invoice").reset_index(drop=True)
    led = workshop_ledger().set_index("No Faktur")
    items["region"] = items["invoice"].map(led["Wilayah"])
    items["sales"] = items["invoice"].map(led["Sales"])
    items["disputed"] = items["invoice"].map(led["Sengketa"]).eq("Ya")
    return items


def open_items_table() -> pd.DataFrame:
    """The PivotTable source: open items at AS_OF with region, salesperson, days and bucket.

    Examples
    --------
    >>> t = open_items_table()
    >>> float(t["outstanding"].sum())
    304831600.0
    """
    return _open_items().copy()


BANK_TEXT = "TRSF E-BANKING CR 0123xxxx"
"""Payer text of the receipt with a mistyped reference: a masked account, no customer name."""


@cache
def receipts() -> pd.DataFrame:
    """The bank statement of 2-10 January 2025, derived from the open invoices at AS_OF.

    Non-disputed open invoices are taken by due date; most receipts pay one in full and
    quote its number, two pay about half (partial), two round up (overpayment), one quotes a
    mistyped number (its payer text is the bank's, :data:`BANK_TEXT`) and one quotes
    nothing. Columns: ``date, payer, reference, amount, invoice`` (the invoice really meant),
    ``kind``.

    Examples
    --------
    >>> r = receipts()
    >>> sorted(r["kind"].unique())
    ['full', 'noref', 'over', 'partial', 'typo']
    """
    items = _open_items()
    inv = items[(items["outstanding"] > 0) & ~items["disputed"]]
    inv = inv.sort_values(["due_date", "invoice"], kind="stable").reset_index(drop=True)
    plan = [
        (0, "full"), (1, "full"), (2, "full"), (3, "full"), (4, "partial"), (5, "over"),
        (6, "full"), (7, "typo"), (8, "full"), (9, "partial"), (11, "full"), (12, "over"),
        (13, "noref"),
    ]  # fmt: skip
    known = set(workshop_ledger()["No Faktur"])
    days = pd.bdate_range("2025-01-02", periods=(len(plan) + 1) // 2)
    rows = []
    for i, (pos, kind) in enumerate(plan):
        item = inv.iloc[pos]
        balance = float(item["outstanding"])
        amount = {
            "partial": math.floor(balance / 2 / 100_000) * 100_000,
            "over": math.ceil(balance / 100_000) * 100_000,
        }.get(kind, balance)
        ref = str(item["invoice"])
        if kind == "typo":
            ref = ref[:-2] + ref[-1] + ref[-2]  # two digits swapped
            if ref in known:
                raise AssertionError(f"typo reference {ref} is a real invoice")
        elif kind == "noref":
            ref = ""
        rows.append(
            {
                "date": days[i // 2],
                # a mistyped reference comes with the bank's own text, not the customer's name
                "payer": BANK_TEXT if kind == "typo" else str(item["customer"]).upper(),
                "reference": ref,
                "amount": float(amount),
                "invoice": str(item["invoice"]),
                "kind": kind,
            }
        )
    return pd.DataFrame(rows)


@cache
def receipt_results() -> pd.DataFrame:
    """What the lookups give per receipt: invoice amount, balance, difference, status key.

    Balances and invoice amounts come from the core ledger (NaN when the reference is not
    found); the ``lookup_*`` columns are the sheet's values, 0 instead of NaN.
    """
    led = core_ledger("id").set_index("invoice")
    rec = receipts().copy()
    found = rec["reference"].isin(led.index)
    rec["inv_amount"] = rec["reference"].map(led["amount"]).where(found)
    rec["balance"] = rec["reference"].map(led["balance"]).where(found)
    rec["difference"] = rec["amount"] - rec["balance"]
    rec["status"] = np.select(
        [~found, rec["difference"] == 0, rec["difference"] < 0],
        ["missing", "match", "short"],
        "over",
    )
    rec["on_hold"] = np.where(found, rec["difference"].clip(lower=0), rec["amount"])
    # what the sheet's lookups show: IFERROR(...; 0) gives 0 for a reference not found, so
    # the difference of such a receipt is its whole amount (all of it is put on hold)
    rec["lookup_amount"] = rec["inv_amount"].fillna(0.0)
    rec["lookup_balance"] = rec["balance"].fillna(0.0)
    rec["lookup_difference"] = rec["amount"] - rec["lookup_balance"]
    return rec


@cache
def core_reconciliation() -> dict[str, float]:
    """The core's cash application of the receipts (memo = reference, payer not given).

    Without a customer column the core knows a receipt's customer only from the invoice it
    names, so receipts without a valid reference stay unmatched, as in the Excel lookup.
    """
    rec = receipts()
    table = [["Payment", "Date", "Amount", "Memo"]] + [
        [f"B{i + 1:02d}", r.date, r.amount, r.reference] for i, r in enumerate(rec.itertuples())
    ]
    result = reconcile(core_ledger("id"), table)
    s = result.summary
    partial = result.table[result.table["status"] == "partial"]
    return {
        "on_hold": s["unapplied_amount"] + s["unmatched_amount"],
        "unmatched": float(s["unmatched_payments"]),
        "applied": s["applied_amount"],
        "partial_remaining": float(partial["remaining"].sum()),
        "overpaid": s["unapplied_amount"],
        "closed": float(s["invoices_closed"]),
    }
