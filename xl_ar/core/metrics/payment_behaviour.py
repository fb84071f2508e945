"""How customers pay: days to pay, days late, and the shares of current and past-due AR."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.options import choose
from xl_ar.core.ledger.currency import require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.metrics.ratios import weighted_average_days
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, day_numbers, open_items
from xl_ar.errors import XlArError

__all__ = [
    "WADP_MEASURES",
    "days_late",
    "days_to_pay",
    "past_due_shares",
    "weighted_average_days_to_pay",
]

WADP_MEASURES = ("days_to_pay", "days_late")


def _settled(led: pd.DataFrame, tolerance: float) -> np.ndarray:
    """Invoices paid in full with a known payment date."""
    return (
        led[s.DOC_TYPE].eq(s.DOC_INVOICE).to_numpy()
        & led[s.PAYMENT_DATE].notna().to_numpy()
        & (np.abs(led[s.BALANCE].to_numpy()) <= tolerance)
    )


def days_to_pay(ledger: Any, *, tolerance: float = DEFAULT_TOLERANCE) -> pd.Series:
    """Payment date − invoice date of every invoice paid in full; NaN for the others.

    Examples
    --------
    >>> from xl_ar.core.ledger.ledger import read_ledger
    >>> led = read_ledger([["Customer", "Invoice Date", "Terms", "Amount", "Settled Date"],
    ...                    ["A", "2024-01-01", 30, 100, "2024-02-05"], ["A", "2024-01-01", 30, 5, None]])
    >>> days_to_pay(led).tolist()
    [35.0, nan]
    """
    led = ensure_ledger(ledger)
    days = day_numbers(led[s.PAYMENT_DATE]) - day_numbers(led[s.INVOICE_DATE])
    return pd.Series(np.where(_settled(led, tolerance), days, np.nan), index=led.index)


def days_late(ledger: Any, *, tolerance: float = DEFAULT_TOLERANCE) -> pd.Series:
    """``max(0, payment date − due date)`` of every invoice paid in full; NaN for the others.

    Examples
    --------
    >>> from xl_ar.core.ledger.ledger import read_ledger
    >>> led = read_ledger([["Customer", "Invoice Date", "Terms", "Amount", "Settled Date"],
    ...                    ["A", "2024-01-01", 30, 100, "2024-02-05"],
    ...                    ["A", "2024-01-01", 30, 100, "2024-01-20"]])
    >>> days_late(led).tolist()
    [5.0, 0.0]
    """
    led = ensure_ledger(ledger)
    late = np.maximum(day_numbers(led[s.PAYMENT_DATE]) - day_numbers(led[s.DUE_DATE]), 0.0)
    return pd.Series(np.where(_settled(led, tolerance), late, np.nan), index=led.index)


def weighted_average_days_to_pay(
    ledger: Any, *, measure: str = "days_to_pay", tolerance: float = DEFAULT_TOLERANCE
) -> float:
    """Amount-weighted average days to pay (or days late) over the invoices paid in full.

    Parameters
    ----------
    measure : {'days_to_pay', 'days_late'}, default 'days_to_pay'

    Examples
    --------
    >>> from xl_ar.core.ledger.ledger import read_ledger
    >>> rows = [["Customer", "Invoice Date", "Terms", "Amount", "Settled Date"],
    ...         ["A", "2024-01-01", 30, 1000, "2024-01-16"], ["A", "2024-01-01", 30, 3000,
    ...         "2024-01-31"], ["B", "2024-01-01", 30, 2000, "2024-02-15"]]
    >>> weighted_average_days_to_pay(rows)
    32.5
    """
    measure = choose(measure, WADP_MEASURES, "measure", "days_to_pay")
    led = ensure_ledger(ledger)
    require_one_currency(led, "the weighted days to pay")
    days = (days_to_pay if measure == "days_to_pay" else days_late)(led, tolerance=tolerance)
    if not (days.notna() & (led[s.AMOUNT] > 0)).any():
        raise XlArError(
            "no invoice is paid in full with a payment date: there are no days to pay to average"
        )
    return weighted_average_days(led[s.AMOUNT].to_numpy(), days.to_numpy())


def past_due_shares(
    ledger: Any, as_of: Any, *, over: int = 90, tolerance: float = DEFAULT_TOLERANCE
) -> pd.Series:
    """Shares of the open AR at ``as_of`` that are current, past due, and over ``over`` days.

    Returns fractions by amount (``*_amount``) and by count of open items (``*_count``); by
    amount the denominator is the total open amount (credit notes reduce it). An empty ledger
    gives NaN.

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-01-01", "2024-01-31", 300], ["B", "2024-03-01", "2024-04-30", 100]]
    >>> past_due_shares(rows, "2024-03-31").round(4).to_dict()
    {'current_amount': 0.25, 'past_due_amount': 0.75, 'over_90_amount': 0.0, \
'current_count': 0.5, 'past_due_count': 0.5, 'over_90_count': 0.0}
    """
    led = ensure_ledger(ledger)
    require_one_currency(led, "the past-due shares")
    items = open_items(led, as_of, tolerance=tolerance)
    dpd = items["days_past_due"].to_numpy()
    amount = items["outstanding"].to_numpy()
    masks = {"current": dpd <= 0, "past_due": dpd > 0, f"over_{over}": dpd > over}
    total, count = amount.sum(), len(amount)
    out = {}
    for name, mask in masks.items():
        out[f"{name}_amount"] = amount[mask].sum() / total if total else np.nan
    for name, mask in masks.items():
        out[f"{name}_count"] = mask.sum() / count if count else np.nan
    return pd.Series(out, dtype="float64")
