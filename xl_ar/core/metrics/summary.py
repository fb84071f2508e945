"""Headline KPIs of a ledger at one date (the numbers a credit manager reads first)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.options import as_date
from xl_ar.core.ledger.currency import require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.metrics.dso import best_possible_dso, dso_simple
from xl_ar.core.metrics.kpi_series import nan_if_undefined
from xl_ar.core.metrics.payment_behaviour import past_due_shares, weighted_average_days_to_pay
from xl_ar.core.metrics.ratios import cei
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, open_items, outstanding_on

__all__ = [
    "kpi_summary",
]


def kpi_summary(
    ledger: Any, as_of: Any, *, months: int = 3, tolerance: float = DEFAULT_TOLERANCE
) -> dict[str, float]:
    """Headline KPIs at ``as_of`` over a trailing window of ``months`` calendar months.

    Keys: ``total_ar``, ``current_pct``, ``past_due_pct``, ``over_90_pct`` (shares of the
    open amount), ``dso``, ``bpdso``, ``add`` (trailing window's credit sales and calendar
    days), ``cei`` (window sales divided by ``months``, Credit Research Foundation),
    ``wadp`` and ``wadl`` (amount-weighted days to pay / days late of the invoices paid in
    full by ``as_of``), ``customers`` and ``open_invoices`` (with an open balance). A figure
    that cannot be computed (no sales in the window) is NaN.

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-01-10", "2024-02-09", 300], ["B", "2024-03-05", "2024-04-04", 100]]
    >>> k = kpi_summary(rows, "2024-03-31")
    >>> k["total_ar"], round(k["dso"], 2), round(float(k["past_due_pct"]), 2)
    (400.0, 91.0, 0.75)
    """
    led = ensure_ledger(ledger)
    require_one_currency(led, "the KPI summary")
    day = as_date(as_of)
    start = day + pd.Timedelta(days=1) - pd.DateOffset(months=months)
    days = (day - start).days + 1
    inv = led[s.INVOICE_DATE]
    window = (inv >= start) & (inv <= day) & led[s.DOC_TYPE].ne(s.DOC_PAYMENT)
    sales = float(led.loc[window, s.AMOUNT].sum())
    items = open_items(led, day, tolerance=tolerance)
    total = float(items["outstanding"].sum())
    current = float(items.loc[items["days_past_due"] <= 0, "outstanding"].sum())
    beginning = float(outstanding_on(led, start - pd.Timedelta(days=1)).sum())
    shares = past_due_shares(led, day, tolerance=tolerance)
    paid_by_then = led[led[s.PAYMENT_DATE].le(day).to_numpy()]
    out = {
        "total_ar": total,
        "current_pct": shares["current_amount"],
        "past_due_pct": shares["past_due_amount"],
        "over_90_pct": shares["over_90_amount"],
        "dso": nan_if_undefined(dso_simple, total, sales, days),
        "bpdso": nan_if_undefined(best_possible_dso, current, sales, days),
        "cei": nan_if_undefined(cei, beginning, sales, total, current, months),
        "wadp": nan_if_undefined(weighted_average_days_to_pay, paid_by_then),
        "wadl": nan_if_undefined(
            lambda x: weighted_average_days_to_pay(x, measure="days_late"), paid_by_then
        ),
        "customers": float(items[s.CUSTOMER].nunique()),
        "open_invoices": float(len(items)),
    }
    out["add"] = out["dso"] - out["bpdso"]
    order = ["total_ar", "current_pct", "past_due_pct", "over_90_pct", "dso", "bpdso", "add",
             "cei", "wadp", "wadl", "customers", "open_invoices"]  # fmt: skip
    return {k: float(out[k]) for k in order}
