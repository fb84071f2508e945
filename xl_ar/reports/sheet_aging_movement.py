"""The month-over-month aging sheet: the aging at two dates, the bridge and the overdue walk.

Every number is :func:`xl_ar.core.aging_movement`'s. The previous date is the report option
``compare_to`` (``--compare-to``, ``CompareTo`` in xl_ar.conf), by default the last day of
the month before the as-of date. A ledger that cannot tell what was collected between the two
dates (an open-items snapshot, no payment dates) shows the current aging only, with the reason.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import (
    LABELS,
    TOTAL,
    aging,
    aging_movement,
    amounts_note,
    as_date,
    not_estimable,
    to_cents,
)
from xl_ar.reports.model import ColumnFormat, Sheet, Table
from xl_ar.reports.sheets import Settings, sufficiency

__all__ = ["LINE_LABELS", "aging_movement_sheet", "previous_date"]

#: The bridge and overdue lines in each language.
LINE_LABELS: dict[str, tuple[str, str]] = {
    "previous total": ("Saldo piutang awal", "Previous total"),
    "new invoices": ("Faktur baru", "New invoices"),
    "credits": ("Nota kredit dan uang muka", "Credit notes and unapplied cash"),
    "collected": ("Tertagih", "Collected"),
    "settled within tolerance": ("Selisih pembulatan", "Settled within tolerance"),
    "current total": ("Saldo piutang akhir", "Current total"),
    "overdue at previous": ("Lewat jatuh tempo, awal", "Overdue at previous date"),
    "cured": ("Pulih (lunas atau tidak lagi lewat tempo)", "Cured (paid or no longer overdue)"),
    "partly collected": ("Tertagih sebagian, masih lewat tempo", "Partly collected, still overdue"),
    "new overdue": ("Baru lewat jatuh tempo", "New overdue"),
    "overdue at current": ("Lewat jatuh tempo, akhir", "Overdue at current date"),
}
NAME = ("Pergerakan Umur", "Aging Movement")
TITLE = ("Pergerakan Umur Piutang Bulan ke Bulan", "Month-over-Month Aging Movement")


def previous_date(as_of: pd.Timestamp, compare_to: Any = None) -> pd.Timestamp:
    """The date compared with: ``compare_to``, else the last day of the month before ``as_of``.

    Examples
    --------
    >>> str(previous_date(pd.Timestamp("2024-03-15")).date()), str(previous_date(pd.Timestamp("2024-03-31")).date())
    ('2024-02-29', '2024-02-29')
    """
    if compare_to is not None and str(compare_to).strip():
        return as_date(compare_to, "compare_to")
    return as_of.replace(day=1) - pd.Timedelta(days=1)


def _headers(before: pd.Timestamp, after: pd.Timestamp) -> dict[str, tuple[str, str]]:
    b, a = before.strftime("%d/%m/%Y"), after.strftime("%d/%m/%Y")
    return {
        "bucket": ("Umur piutang", "Aging bucket"),
        "previous": (f"Per {b}", f"At {b}"),
        "current": (f"Per {a}", f"At {a}"),
        "movement": ("Perubahan", "Movement"),
        "line": ("Keterangan", "Item"),
        "amount": ("Jumlah", "Amount"),
        "items": ("Jumlah item", "Items"),
    }


def _bucket_cells(labels: pd.Series) -> pd.Series:
    return labels.map(lambda v: LABELS["current"] if v == "Current" else (
        v if v == TOTAL else (f"{v} hari", f"{v} days"))).astype(object)  # fmt: skip


def _cents(values: pd.Series) -> np.ndarray:
    """Money rounded to the cent: 6098.82, not the float sum 6098.820000000001."""
    return to_cents(values, "the aging movement") / 100.0


def aging_movement_sheet(ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Settings) -> Sheet:
    """The aging per bucket at the previous and the as-of date, the bridge and the overdue walk."""
    before = previous_date(as_of, settings.compare_to)
    heads = _headers(before, as_of)
    money: dict[str, ColumnFormat] = {"previous": "money", "current": "money", "movement": "money"}
    why = sufficiency(ledger, as_of, settings).reasons["collections"]
    if why is not None:
        table = aging(ledger, as_of, buckets=settings.buckets, by="total")
        frame = pd.DataFrame({"bucket": list(table.columns), "current": _cents(table.iloc[0])})
        frame["bucket"] = _bucket_cells(frame["bucket"])
        return Sheet(
            "aging_movement", NAME, TITLE,
            notes=(amounts_note(settings.currency), (
                f"Pergerakan: {not_estimable(why, 'id')}", f"Movement: {not_estimable(why, 'en')}")),
            tables=(Table("aging_movement", frame, heads, {"bucket": "text", "current": "money"},
                          total_row=True),),
        )  # fmt: skip
    got = aging_movement(ledger, before, as_of, buckets=settings.buckets)
    buckets = got.buckets.assign(
        bucket=_bucket_cells(got.buckets["bucket"]),
        **{c: _cents(got.buckets[c]) for c in ("previous", "current", "movement")},
    )
    bridge = got.bridge.assign(line=got.bridge["line"].map(LINE_LABELS).astype(object),
                               amount=_cents(got.bridge["amount"]))  # fmt: skip
    if float(got.line("settled within tolerance")) == 0.0:
        bridge = bridge[got.bridge["line"] != "settled within tolerance"].reset_index(drop=True)
    overdue = got.overdue.assign(line=got.overdue["line"].map(LINE_LABELS).astype(object),
                                 amount=_cents(got.overdue["amount"]))  # fmt: skip
    return Sheet(
        key="aging_movement",
        name=NAME,
        title=TITLE,
        notes=(
            amounts_note(settings.currency),
            (f"Dibandingkan: {before:%d/%m/%Y} dengan {as_of:%d/%m/%Y}",
             f"Compared: {before:%d/%m/%Y} with {as_of:%d/%m/%Y}"),
            ("Saldo awal + faktur baru + nota kredit − tertagih = saldo akhir",
             "Previous total + new invoices + credit notes − collected = current total"),
        ),
        tables=(
            Table("aging_movement", buckets, heads, {"bucket": "text", **money}, total_row=True,
                  highlight={"movement": "negative"}),
            Table("aging_bridge", bridge, heads, {"line": "text", "amount": "money"},
                  total_row=True),
            Table("overdue_movement", overdue, heads,
                  {"line": "text", "amount": "money", "items": "int"}, total_row=True),
        ),
    )  # fmt: skip
