"""The KPI series per group: one block of periods per value of any ledger or master column."""

from __future__ import annotations

from typing import Any

import pandas as pd

from xl_ar.core.ledger.currency import require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.metrics.kpi_series import KPI_COLUMNS, kpi_series
from xl_ar.core.position.aging import column_groups

__all__ = ["kpi_series_by"]


def kpi_series_by(
    ledger: Any, start: Any, end: Any, by: Any, *, customers: Any = None, freq: str = "month"
) -> pd.DataFrame:
    """:func:`~xl_ar.core.metrics.kpi_series.kpi_series` of each group of rows.

    ``by`` names a ledger or customer-master column, as the aging's ``by`` does
    (:func:`~xl_ar.core.ledger.customer_master.group_labels`): customers the master does
    not list are the group ``(not in customer master)``, never dropped, so the groups' AR
    adds up to the ledger's in every period.

    Returns
    -------
    pandas.DataFrame
        The group column (named after the column) then :data:`KPI_COLUMNS`; the groups in
        the aging's order, each with every period.

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-01-10", "2024-02-09", 300], ["B", "2024-02-05", "2024-03-06", 100]]
    >>> k = kpi_series_by(rows, "2024-01-01", "2024-02-29", "region",
    ...                   customers=[["Customer", "Region"], ["A", "North"], ["B", "South"]])
    >>> k[["region", "period", "credit_sales", "ending_ar"]]
      region   period  credit_sales  ending_ar
    0  North  2024-01         300.0      300.0
    1  North  2024-02           0.0      300.0
    2  South  2024-01           0.0        0.0
    3  South  2024-02         100.0      100.0
    """
    led = ensure_ledger(ledger)
    require_one_currency(led, "the KPI series")
    codes, names, column = column_groups(led, by, customers)
    blocks = []
    for code, name in enumerate(names):  # a handful of groups; each series is vectorised
        part = kpi_series(led[codes == code], start, end, freq=freq)
        part.insert(0, column, name)
        blocks.append(part)
    if not blocks:
        return pd.DataFrame(columns=[column, *KPI_COLUMNS])
    return pd.concat(blocks, ignore_index=True)
