"""Report sheets of the collection logs: collector productivity and disputes; the worklist's
WhatsApp links.

Every number is the core's (:func:`xl_ar.core.collector_productivity`,
:func:`xl_ar.core.dispute_report`, :func:`xl_ar.core.whatsapp_links`); these builders only
lay them out with (Indonesian, English) headers.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from xl_ar.core import (
    ACTIONS,
    REASON_LABELS,
    amounts_note,
    assess,
    collector_productivity,
    dispute_report,
    whatsapp_links,
)
from xl_ar.reports.model import Chart, Sheet, Table

__all__ = ["LOG_HEADERS", "disputes_sheet", "productivity_sheet", "worklist_links"]

#: Headers of the worklist's activity-log columns and WhatsApp link.
LOG_HEADERS: dict[str, tuple[str, str]] = {
    "last_contact": ("Kontak terakhir", "Last contact"),
    "last_action": ("Tindakan terakhir", "Last action"),
    "follow_up_date": ("Tindak lanjut", "Follow-up date"),
    "follow_up": ("Status tindak lanjut", "Follow-up"),
    "broken_promises": ("Janji tidak ditepati", "Broken promises"),
    "stage_history": ("Riwayat tahap", "Stage history"),
    "whatsapp": ("WhatsApp", "WhatsApp"),
}

_ACTION_HEADERS: dict[str, tuple[str, str]] = {
    "call": ("Telepon", "Calls"),
    "visit": ("Kunjungan", "Visits"),
    "email": ("Email", "E-mails"),
    "letter": ("Surat", "Letters"),
    "whatsapp": ("WhatsApp", "WhatsApp"),
    "promise": ("Janji bayar", "Promises"),
    "dispute": ("Sengketa", "Disputes"),
    "note": ("Catatan", "Notes"),
}


def worklist_links(
    frame: pd.DataFrame, ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Any, lang: str
) -> pd.DataFrame:
    """The worklist frame with a ``whatsapp`` column of ``wa.me`` links when a customer
    master is given (settings ``customer_master``); else the frame as it is."""
    master = settings.customer_master
    if master is None:
        return frame
    got = assess(
        ledger, as_of, strategy=settings.strategy, promises=settings.promises,
        activity=settings.activity, disputes=settings.disputes,
    )  # fmt: skip
    plain = frame.assign(customer=[c[0] if isinstance(c, tuple) else c for c in frame["customer"]])
    links = whatsapp_links(
        plain, got, master, lang, settings.currency, interest_rate=settings.interest_rate
    )
    return frame.assign(whatsapp=pd.Series(links, index=frame.index, dtype=object))


def _period(as_of: pd.Timestamp, settings: Any) -> pd.Timestamp:
    start = settings.activity_start
    return as_of.replace(day=1) if start is None else pd.Timestamp(start)


def productivity_sheet(
    ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Any, activity: Any = None
) -> Sheet:
    """Per collector for the period (``activity_start`` .. ``as_of``; default the as-of
    month): actions by type, customers contacted, promises made, due and kept, and the cash
    received within ``contact_window_days`` after one of their contacts."""
    start = _period(as_of, settings)
    days = int(settings.contact_window_days)
    table = collector_productivity(activity, ledger, start, as_of, window_days=days)
    frame = table.assign(
        collector=[("(tanpa kolektor)", c) if c == "(no collector)" else c
                   for c in table["collector"]]
    )  # fmt: skip
    headers = {
        "collector": ("Kolektor", "Collector"),
        **_ACTION_HEADERS,
        "actions": ("Jumlah tindakan", "Actions"),
        "customers": ("Pelanggan dihubungi", "Customers contacted"),
        "promises_made": ("Janji dibuat", "Promises made"),
        "promises_due": ("Janji jatuh tempo", "Promises due"),
        "promises_kept": ("Janji ditepati", "Promises kept"),
        "kept_share": ("% janji ditepati", "Promises kept %"),
        "collected": (f"Tertagih ≤ {days} hari setelah kontak",
                      f"Collected within {days} days after a contact"),
    }  # fmt: skip
    formats = {"collector": "text", **dict.fromkeys(ACTIONS, "int"), "actions": "int",
               "customers": "int", "promises_made": "int", "promises_due": "int",
               "promises_kept": "int", "kept_share": "pct", "collected": "money"}  # fmt: skip
    span = f"{start:%d/%m/%Y} – {as_of:%d/%m/%Y}"
    return Sheet(
        key="productivity",
        name=("Produktivitas Kolektor", "Collector Productivity"),
        title=("Produktivitas Kolektor", "Collector Productivity"),
        notes=(
            (
                f"Periode {span}; janji ditepati = dibayar sebesar janji paling lambat tanggal "
                f"janji; tertagih = penerimaan sampai {days} hari setelah kontak (sampai akhir "
                "periode)",
                f"Period {span}; a promise is kept when the promised amount was paid by its date; "
                f"collected = receipts up to {days} days after a contact (up to the period end)",
            ),
            amounts_note(settings.currency),
            *table.attrs.get("notes", ()),
        ),  # fmt: skip
        tables=(Table("productivity", frame, headers, formats),),
    )


def disputes_sheet(
    ledger: pd.DataFrame, as_of: pd.Timestamp, settings: Any, disputes: Any = None
) -> Sheet:
    """Open disputes by age, the reason Pareto, days to resolve and the amount tied up."""
    got = dispute_report(disputes, ledger, as_of)
    res = got.resolution
    summary = pd.DataFrame(
        {
            "label": [("Sengketa terbuka", "Open disputes"),
                      ("Jumlah tertahan", "Amount tied up"),
                      ("Sengketa selesai", "Disputes resolved"),
                      ("Median hari penyelesaian", "Median days to resolve"),
                      ("Rata-rata hari penyelesaian", "Mean days to resolve"),
                      ("Sengketa di luar buku piutang (tidak dihitung)",
                       "Disputes outside the ledger (not counted)"),
                      ("Jumlahnya (seperti dicatat)", "Their amount (as logged)")],
            "value": [float(len(got.open)), got.tied_up, float(res["resolved"]),
                      res["median_days"], res["mean_days"], float(len(got.outside)),
                      float(got.outside["amount"].sum()) if len(got.outside) else 0.0],
        }
    )  # fmt: skip
    reason = [REASON_LABELS[r] for r in got.pareto["reason"]]
    pareto = got.pareto.assign(reason=reason)
    detail = got.open.assign(reason=[REASON_LABELS[r] for r in got.open["reason"]])
    outside = got.outside.assign(reason=[REASON_LABELS[r] for r in got.outside["reason"]])
    h = {
        "label": ("Keterangan", "Item"), "value": ("Nilai", "Value"),
        "age": ("Umur sengketa (hari)", "Days open (bucket)"), "count": ("Jumlah", "Count"),
        "amount": ("Nilai sengketa", "Amount"), "reason": ("Alasan", "Reason"),
        "share": ("Bagian", "Share"), "cumulative": ("Kumulatif", "Cumulative"),
        "dispute_id": ("No sengketa", "Dispute"), "customer": ("Pelanggan", "Customer"),
        "invoices": ("Faktur", "Invoices"), "owner": ("Penanggung jawab", "Owner"),
        "opened": ("Dibuka", "Opened"), "days_open": ("Hari terbuka", "Days open"),
    }  # fmt: skip
    detail_formats = {"dispute_id": "text", "customer": "text", "invoices": "text",
                      "reason": "text", "owner": "text", "opened": "date", "days_open": "int",
                      "age": "text", "amount": "money"}  # fmt: skip
    tables = (
        Table("dispute_summary", summary, h, {"label": "text", "value": "general"}),
        Table("dispute_age", got.by_age, h, {"age": "text", "count": "int", "amount": "money"}),
        Table("dispute_pareto", pareto, h, {"reason": "text", "count": "int", "amount": "money",
                                             "share": "pct", "cumulative": "pct"}),
        Table("open_disputes", detail, h, detail_formats),
    )  # fmt: skip
    if len(outside):  # not in the amount tied up: a table of their own, amounts as logged
        tables += (Table("disputes_outside_ledger", outside, h, detail_formats),)
    charts = (
        (Chart("column", ("Alasan sengketa (nilai)", "Dispute reasons (amount)"),
               "dispute_pareto", "reason", ["amount"]),)
        if len(pareto) else ()
    )  # fmt: skip
    return Sheet(
        key="disputes",
        name=("Laporan Sengketa", "Dispute Report"),  # not the input sheet's name
        title=("Sengketa Piutang", "Receivable Disputes"),
        notes=(
            (
                "Sengketa terbuka = dibuka paling lambat tanggal laporan dan belum selesai; "
                "fakturnya keluar dari penagihan tetapi tetap di umur piutang dan DSO",
                "Open dispute = opened by the report date and not resolved by then; its invoices "
                "leave dunning but stay in the aging and DSO",
            ),
            amounts_note(settings.currency),
            *got.notes,
        ),  # fmt: skip
        tables=tables,
        charts=charts,
    )
