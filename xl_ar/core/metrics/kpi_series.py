"""KPI series from a ledger's own dates: sales, collections, AR, DSO, BPDSO, ADD and CEI per period.

For each period (month, week or quarter) between two dates:

* ``credit_sales`` — invoices less credit notes dated in the period;
* ``collections`` — cash received in the period: unapplied cash items dated in the period plus
  the paid amounts dated in the period. Applying a credit note or earlier cash to an invoice
  shows as positive paid on the invoice and negative paid on the credit note / cash item, on
  the same date, so it nets to zero;
* ``beginning_ar`` / ``ending_ar`` — open AR the day before the period starts / on its last day;
* ``current_ar`` / ``past_due_ar`` — ending AR not yet due (due on or after the last day) / due;
* ``dso`` = ending AR / credit sales × days; ``bpdso`` = current AR / credit sales × days;
  ``add`` = dso − bpdso (all over the period's calendar days);
* ``cei`` — (beginning + sales − ending) / (beginning + sales − current), the period's sales taken
  whole (one period at a time, so the CRF months convention gives the same).

A ratio whose denominator is not positive (a period without sales) is NaN: there is no number
to show, and none is made up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.cells import finite_money
from xl_ar.core.base.dates import check_series_span
from xl_ar.core.base.options import as_date, choose
from xl_ar.core.ledger.currency import require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.metrics.dso import best_possible_dso, dso_simple
from xl_ar.core.metrics.ratios import cei
from xl_ar.core.position.open_items import outstanding_on
from xl_ar.errors import XlArError

__all__ = [
    "FREQUENCIES",
    "KPI_COLUMNS",
    "kpi_series",
    "nan_if_undefined",
]

FREQUENCIES = {"month": "M", "week": "W-SUN", "quarter": "Q"}

KPI_COLUMNS = (
    "period", "period_start", "period_end", "days", "credit_sales", "collections",
    "beginning_ar", "ending_ar", "current_ar", "past_due_ar", "dso", "bpdso", "add", "cei",
)  # fmt: skip

_MONEY = ("credit_sales", "collections", "beginning_ar", "ending_ar", "current_ar")


def kpi_series(ledger: Any, start: Any, end: Any, *, freq: str = "month") -> pd.DataFrame:
    """One row of receivables KPIs per period from ``start`` to ``end`` (whole periods).

    Parameters
    ----------
    ledger : canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    start, end : date-like
        The periods that contain these dates and all between them are reported; at most
        100 years apart and 1,200 periods (:func:`~xl_ar.core.base.dates.check_series_span`).
    freq : {'month', 'week', 'quarter'}, default 'month'

    Returns
    -------
    pandas.DataFrame
        Columns :data:`KPI_COLUMNS`; ``period`` is text such as ``"2024-01"``.

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ...         ["A", "2024-01-10", "2024-02-09", 300, 300, "2024-02-20"],
    ...         ["B", "2024-02-05", "2024-03-06", 100, 0, None]]
    >>> k = kpi_series(rows, "2024-01-01", "2024-02-29")
    >>> k[["period", "credit_sales", "collections", "ending_ar", "current_ar"]]
        period  credit_sales  collections  ending_ar  current_ar
    0  2024-01         300.0          0.0      300.0       300.0
    1  2024-02         100.0        300.0      100.0       100.0
    >>> round(float(k.loc[1, "dso"]), 2), round(float(k.loc[1, "cei"]), 4)
    (29.0, 1.0)
    """
    led = ensure_ledger(ledger)
    require_one_currency(led, "the KPI series")
    first, last = as_date(start, "start"), as_date(end, "end")
    code = FREQUENCIES[choose(freq, tuple(FREQUENCIES), "freq", "month")]
    check_series_span(first, last, "start", "end", code)
    periods = pd.period_range(first, last, freq=code)

    inv = led[s.INVOICE_DATE].to_numpy()
    pay = led[s.PAYMENT_DATE].to_numpy()
    doc = led[s.DOC_TYPE].to_numpy()
    amount = led[s.AMOUNT].to_numpy()
    paid = led[s.PAID].to_numpy()
    due = led[s.DUE_DATE].to_numpy()
    is_sale = doc != s.DOC_PAYMENT
    cash_item = np.where(doc == s.DOC_PAYMENT, -amount, 0.0)

    rows = []
    for period in periods:
        lo = period.start_time.normalize()
        hi = period.end_time.normalize()
        lo64, hi64 = lo.to_datetime64(), hi.to_datetime64()
        in_sales = (inv >= lo64) & (inv <= hi64)
        in_pay = (pay >= lo64) & (pay <= hi64)
        ending = outstanding_on(led, hi)
        current = ending[due >= hi64].sum()
        row = {
            "period": str(period),
            "period_start": lo,
            "period_end": hi,
            "days": (hi - lo).days + 1,
            "credit_sales": amount[in_sales & is_sale].sum(),
            "collections": paid[in_pay].sum() + cash_item[in_sales].sum(),
            "beginning_ar": outstanding_on(led, lo - pd.Timedelta(days=1)).sum(),
            "ending_ar": ending.sum(),
            "current_ar": current,
        }
        rows.append(row)
    out = finite_money(pd.DataFrame(rows, columns=list(KPI_COLUMNS[:9])), _MONEY)
    out["past_due_ar"] = out["ending_ar"] - out["current_ar"]
    out["dso"] = [
        nan_if_undefined(dso_simple, r.ending_ar, r.credit_sales, r.days) for r in out.itertuples()
    ]
    out["bpdso"] = [
        nan_if_undefined(best_possible_dso, r.current_ar, r.credit_sales, r.days)
        for r in out.itertuples()
    ]
    out["add"] = out["dso"] - out["bpdso"]
    out["cei"] = [
        nan_if_undefined(cei, r.beginning_ar, r.credit_sales, r.ending_ar, r.current_ar)
        for r in out.itertuples()
    ]
    return out


def nan_if_undefined(func: Callable[..., float], *args: Any) -> float:
    """``func(*args)``, or NaN where the metric is undefined (e.g. a period without sales)."""
    try:
        return float(func(*args))
    except XlArError:
        return float("nan")
