"""The reconciliation sheet: cash application of a payments table against the ledger."""

from __future__ import annotations

from typing import Any

import pandas as pd

from xl_ar.core.cash_application.reconcile import reconcile
from xl_ar.report.reconcile_report import reconcile_label
from xl_ar.reports.model import ColumnFormat, Sheet, Table
from xl_ar.reports.sheets import AMOUNTS_NOTE, Settings

_FORMATS: dict[str, ColumnFormat] = {
    "payment": "text", "payment_date": "date", "payment_amount": "money", "customer": "text",
    "invoice": "text", "invoice_date": "date", "open_amount": "money", "applied": "money",
    "difference": "money", "remaining": "money", "rule": "text", "confidence": "ratio",
    "status": "text",
}  # fmt: skip


def _pair(key: str) -> tuple[str, str]:
    return (reconcile_label(key, "id"), reconcile_label(key, "en"))


def reconciliation_sheet(
    ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings, *, payments: Any
) -> Sheet:
    """Every application, remainder and open item, with a summary table below.

    The ledger's open items (balance ≠ 0) are matched; ``as_of`` only dates the report.
    """
    result = reconcile(ledger, payments, tolerance=settings.reconcile_tolerance)
    table = result.table
    cols = list(table.columns)
    summary = pd.DataFrame(
        {"indicator": list(result.summary), "value": [float(v) for v in result.summary.values()]}
    )
    summary["indicator"] = [reconcile_label(k, "both") for k in summary["indicator"]]
    return Sheet(
        key="reconciliation",
        name=("Rekonsiliasi", "Reconciliation"),
        title=("Alokasi Pembayaran ke Faktur", "Cash Application"),
        notes=(AMOUNTS_NOTE,),
        tables=(
            Table(
                "reconciliation",
                table,
                {c: _pair(c) for c in cols},
                {c: _FORMATS.get(c, "text") for c in cols},
                highlight={"difference": "negative"},
            ),
            Table(
                "reconciliation_summary",
                summary,
                {"indicator": ("Indikator", "Indicator"), "value": ("Nilai", "Value")},
                {"indicator": "text", "value": "money2"},
            ),
        ),
    )
