"""Write a reconciliation result to an Excel workbook (XlsxWriter), or to text lines.

Sheets
------
``Rekonsiliasi``
    The result table of :func:`xl_ar.core.cash_application.reconcile.reconcile` (cash application or
    statement reconciliation) with bilingual headers, money and date formats, a filter, a
    frozen header row and one colour per status.
``Ringkasan``
    The summary (bilingual label, value) and a legend of the statuses.

Like :mod:`xl_ar.report.xlsx_report`, every string is written as text (``=1+1`` stays text),
numbers as numbers, dates as real Excel dates; missing values are blank cells.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter
from xlsxwriter.workbook import Format, Workbook
from xlsxwriter.worksheet import Worksheet

from xl_ar.core.base.outputs import safe_output
from xl_ar.core.cash_application.reconcile import STATUSES
from xl_ar.report.xlsx_report import WORKBOOK_OPTIONS, add_formats, is_missing, write_cell

__all__ = [
    "RECONCILE_LABELS",
    "SHEET_RESULT",
    "SHEET_SUMMARY",
    "format_summary",
    "reconcile_label",
    "write_reconcile_report",
]

SHEET_RESULT = "Rekonsiliasi"
SHEET_SUMMARY = "Ringkasan"

#: Bilingual labels of this report: key → (Indonesian, English).
RECONCILE_LABELS: dict[str, tuple[str, str]] = {
    # titles
    "payments_title": ("Rekonsiliasi Pembayaran", "Cash Application"),
    "statement_title": ("Rekonsiliasi Laporan Pelanggan", "Statement Reconciliation"),
    "summary_title": ("Ringkasan Rekonsiliasi", "Reconciliation Summary"),
    "legend_title": ("Keterangan Status", "Status Legend"),
    "indicator": ("Indikator", "Indicator"),
    "value": ("Nilai", "Value"),
    # cash application columns
    "payment": ("Pembayaran", "Payment"),
    "payment_date": ("Tanggal Bayar", "Payment Date"),
    "payment_amount": ("Jumlah Bayar", "Payment Amount"),
    "customer": ("Pelanggan", "Customer"),
    "invoice": ("Faktur", "Invoice"),
    "invoice_date": ("Tanggal Faktur", "Invoice Date"),
    "open_amount": ("Sisa Sebelum", "Open Amount"),
    "applied": ("Dialokasikan", "Applied"),
    "difference": ("Selisih", "Difference"),
    "remaining": ("Sisa", "Remaining"),
    "rule": ("Aturan", "Rule"),
    "confidence": ("Keyakinan", "Confidence"),
    "status": ("Status", "Status"),
    # statement columns
    "document": ("Dokumen", "Document"),
    "our_date": ("Tanggal Menurut Kami", "Our Date"),
    "their_date": ("Tanggal Menurut Pelanggan", "Their Date"),
    "ours": ("Menurut Kami", "Ours"),
    "theirs": ("Menurut Pelanggan", "Theirs"),
    "note": ("Catatan", "Note"),
    # cash application summary
    "payments": ("Jumlah Transaksi Pembayaran", "Payments"),
    "payments_amount": ("Total Pembayaran", "Payments Total"),
    "applied_amount": ("Total Dialokasikan", "Applied"),
    "applied_pct": ("% Dialokasikan", "% Applied"),
    "reference_payments": ("Pembayaran Cocok Nomor Faktur", "Payments Matched by Reference"),
    "reference_amount": ("Dialokasikan via Nomor Faktur", "Applied by Reference"),
    "exact_payments": ("Pembayaran Cocok Jumlah", "Payments Matched by Exact Amount"),
    "exact_amount": ("Dialokasikan via Jumlah Sama", "Applied by Exact Amount"),
    "combination_payments": ("Pembayaran Cocok Kombinasi", "Payments Matched by Combination"),
    "combination_amount": ("Dialokasikan via Kombinasi", "Applied by Combination"),
    "fifo_payments": ("Pembayaran FIFO (faktur tertua)", "Payments Applied Oldest First"),
    "fifo_amount": ("Dialokasikan FIFO", "Applied Oldest First"),
    "written_off_short": ("Kurang Bayar Dihapuskan", "Short Payments Written Off"),
    "written_off_over": ("Lebih Bayar Dihapuskan", "Overpayments Written Off"),
    "unapplied_payments": ("Pembayaran Belum Dialokasikan", "Payments with Unapplied Cash"),
    "unapplied_amount": ("Jumlah Belum Dialokasikan", "Unapplied Cash"),
    "unmatched_payments": ("Pembayaran Tanpa Pelanggan", "Unmatched Payments"),
    "unmatched_amount": ("Jumlah Tanpa Pelanggan", "Unmatched Cash"),
    "invoices_closed": ("Faktur Lunas", "Invoices Closed"),
    "invoices_partial": ("Faktur Dibayar Sebagian", "Invoices Partly Paid"),
    "open_items": ("Dokumen Masih Terbuka", "Items Still Open"),
    "open_items_amount": ("Sisa Piutang Terbuka", "Still Open (amount)"),
    # statement summary
    "our_balance": ("Saldo Menurut Kami", "Our Balance"),
    "their_balance": ("Saldo Menurut Pelanggan", "Their Balance"),
    "balance_difference": ("Selisih Saldo", "Balance Difference"),
    "matched_count": ("Cocok (dokumen)", "Matched (documents)"),
    "matched_difference": ("Selisih dalam Toleransi", "Differences Within Tolerance"),
    "amount_differs_count": ("Jumlah Berbeda (dokumen)", "Amount Differs (documents)"),
    "amount_differs_difference": ("Selisih Jumlah", "Amount Differences"),
    "only_ours_count": ("Hanya di Buku Kami (dokumen)", "Only in Our Books (documents)"),
    "only_ours_difference": ("Hanya di Buku Kami", "Only in Our Books"),
    "only_theirs_count": (
        "Hanya di Laporan Pelanggan (dokumen)",
        "Only on Their Statement (documents)",
    ),
    "only_theirs_difference": ("Hanya di Laporan Pelanggan", "Only on Their Statement"),
    "explained_difference": ("Total Selisih Terjelaskan", "Differences Explained"),
    "unexplained_difference": ("Selisih Tak Terjelaskan", "Unexplained Difference"),
    # statuses (legend)
    "status_matched": ("cocok: dokumen lunas / sama", "matched: item closed / amounts agree"),
    "status_partial": ("dibayar sebagian: faktur masih terbuka", "partial: the item stays open"),
    "status_short_paid_written_off": (
        "kurang bayar dalam toleransi: selisih dihapuskan",
        "short paid within tolerance: difference written off",
    ),
    "status_overpaid": (
        "lebih bayar dalam toleransi: selisih dihapuskan",
        "overpaid within tolerance: difference written off",
    ),
    "status_unapplied": (
        "belum dialokasikan: sisa pembayaran pelanggan",
        "unapplied: cash left on the customer's account",
    ),
    "status_unmatched": (
        "tidak cocok: pelanggan tidak dikenali",
        "unmatched: the customer could not be identified",
    ),
    "status_open": ("terbuka: sisa faktur setelah rekonsiliasi", "open: still open afterwards"),
    "status_amount_differs": ("jumlah berbeda", "amounts differ"),
    "status_only_ours": ("hanya di buku kami", "only in our books"),
    "status_only_theirs": ("hanya di laporan pelanggan", "only on their statement"),
}

_MONEY_COLUMNS = frozenset(
    {"payment_amount", "open_amount", "applied", "difference", "remaining", "ours", "theirs"}
)
_DATE_COLUMNS = frozenset({"payment_date", "invoice_date", "our_date", "their_date"})
_WIDTHS = {"note": 48, "customer": 26, "status": 22, "document": 16, "invoice": 16}
_COUNT_KEYS = frozenset({"payments", "invoices_closed", "invoices_partial", "open_items"})
_STATUS_COLOURS = {
    "matched": "#C6EFCE",
    "partial": "#FFEB9C",
    "short_paid_written_off": "#DDEBF7",
    "overpaid": "#DDEBF7",
    "unapplied": "#FCE4D6",
    "unmatched": "#FFC7CE",
    "open": "#EDEDED",
    "amount_differs": "#FFEB9C",
    "only_ours": "#FCE4D6",
    "only_theirs": "#FCE4D6",
}
_STATEMENT_STATUSES = ("matched", "amount_differs", "only_ours", "only_theirs")


def reconcile_label(key: str, lang: str = "both") -> str:
    """Bilingual label of a column or summary key (the key itself when it has none).

    Examples
    --------
    >>> reconcile_label("applied"), reconcile_label("applied", "id"), reconcile_label("x_y")
    ('Dialokasikan / Applied', 'Dialokasikan', 'x_y')
    """
    if lang not in ("both", "id", "en"):
        raise ValueError(f"lang must be one of both, id, en; got {lang!r}")
    if key not in RECONCILE_LABELS:
        return key
    indonesian, english = RECONCILE_LABELS[key]
    if lang == "id":
        return indonesian
    if lang == "en" or indonesian == english:
        return english
    return f"{indonesian} / {english}"


def _kind(key: str) -> str:
    """Number format name of a summary value."""
    if key.endswith("_pct"):
        return "pct"
    if key in _COUNT_KEYS or key.endswith(("_payments", "_count")):
        return "count"
    if key == "customer":
        return "text"
    return "money"


def format_summary(summary: Mapping[str, Any], lang: str = "en") -> str:
    """The summary as aligned text lines (for a terminal).

    Examples
    --------
    >>> print(format_summary({"payments": 2, "applied_amount": 1500000.0, "applied_pct": 0.75}))
    Payments   2
    Applied    1,500,000.00
    % Applied  75.0%
    """
    labels = [reconcile_label(str(k), lang) for k in summary]
    width = max((len(t) for t in labels), default=0)
    lines = []
    for text, (key, value) in zip(labels, summary.items(), strict=True):
        kind = _kind(str(key))
        if is_missing(value):
            shown = ""
        elif kind == "pct":
            shown = f"{float(value):.1%}"
        elif kind == "count":
            shown = f"{int(value):,}"
        elif kind == "money" and isinstance(value, numbers.Real):
            shown = f"{float(value):,.2f}"
        else:
            shown = str(value)
        lines.append(f"{text:<{width}}  {shown}".rstrip())
    return "\n".join(lines)


def write_reconcile_report(
    path: str | Path,
    result: Any,
    summary: Mapping[str, Any] | None = None,
    *,
    title: str | None = None,
    inputs: Iterable[str | Path | None] = (),
) -> Path:
    """Write the result table and the summary of a reconciliation to an ``.xlsx`` file.

    Parameters
    ----------
    path : str or pathlib.Path
        Target ``.xlsx`` file, replaced only once complete (see
        :func:`xl_ar.core.base.outputs.safe_output`); it may not be one of ``inputs``.
    result : ReconcileResult or pandas.DataFrame
        What :func:`xl_ar.core.cash_application.reconcile.reconcile` returned, or its ``table``.
    summary : Mapping, optional
        The summary (default: ``result.summary``).
    title : str, optional
        A line above the titles (e.g. the company name).
    inputs : iterable of paths
        The ledger and payments files read.

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> from xl_ar.core.cash_application.reconcile import reconcile
    >>> got = reconcile([["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
    ...                  ["PT A", "1", "2024-01-05", 30, 100]],
    ...                 [["Payment", "Date", "Amount", "Customer"], ["P1", "2024-02-01", 100, "PT A"]])
    >>> write_reconcile_report(Path(tempfile.mkdtemp()) / "rekon.xlsx", got).name
    'rekon.xlsx'
    """
    table = result.table if hasattr(result, "table") else result
    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            f"result must be a ReconcileResult or a DataFrame, not {type(result).__name__}"
        )
    if summary is None:
        summary = getattr(result, "summary", None) or {}
    statement = "document" in table.columns
    path = Path(path)
    with (
        safe_output(path, inputs=inputs, suffixes=(".xlsx",), what="the reconciliation") as temp,
        xlsxwriter.Workbook(str(temp), WORKBOOK_OPTIONS) as wb,
    ):
        title_key = "statement_title" if statement else "payments_title"
        wb.set_properties({"title": reconcile_label(title_key)})
        fmt = _formats(wb)
        _result_sheet(wb.add_worksheet(SHEET_RESULT), fmt, table, title_key, title)
        statuses = _STATEMENT_STATUSES if statement else STATUSES
        _summary_sheet(wb.add_worksheet(SHEET_SUMMARY), fmt, summary, statuses, title)
    return path


def _formats(wb: Workbook) -> dict[str, Format]:
    out = add_formats(wb)
    for status, colour in _STATUS_COLOURS.items():
        out[f"status_{status}"] = wb.add_format({"bg_color": colour})
    return out


def _column_kind(name: str) -> str:
    if name in _MONEY_COLUMNS:
        return "money"
    if name in _DATE_COLUMNS:
        return "date"
    if name == "confidence":
        return "ratio"
    return "text"


def _result_sheet(
    ws: Worksheet, fmt: dict[str, Format], table: pd.DataFrame, title_key: str, title: str | None
) -> None:
    row = 0
    if title:
        ws.write_string(row, 0, title, fmt["title"])
        row += 1
    ws.write_string(row, 0, reconcile_label(title_key), fmt["title" if row == 0 else "subtitle"])
    header, first = row + 2, row + 3
    columns = [str(c) for c in table.columns]
    for c, name in enumerate(columns):
        ws.write_string(header, c, reconcile_label(name), fmt["header"])
        ws.set_column(c, c, _WIDTHS.get(name, 15))
    ws.set_row(header, 30)
    for c, name in enumerate(columns):
        kind = _column_kind(name)
        values = table[name].astype(object).tolist()
        for r, value in enumerate(values, start=first):
            write_cell(ws, r, c, value, fmt[kind])
    last = first + len(table) - 1
    ws.autofilter(header, 0, max(last, header), max(len(columns) - 1, 0))
    ws.freeze_panes(first, 0)
    if "status" in columns and len(table):
        c = columns.index("status")
        for status in _STATUS_COLOURS:
            ws.conditional_format(
                first, 0, last, len(columns) - 1,
                {"type": "formula", "criteria": f'=${_col(c)}{first + 1}="{status}"',
                 "format": fmt[f"status_{status}"]},
            )  # fmt: skip


def _col(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _summary_sheet(
    ws: Worksheet,
    fmt: dict[str, Format],
    summary: Mapping[str, Any],
    statuses: tuple[str, ...],
    title: str | None,
) -> None:
    row = 0
    if title:
        ws.write_string(row, 0, title, fmt["title"])
        row += 1
    ws.write_string(
        row, 0, reconcile_label("summary_title"), fmt["title" if row == 0 else "subtitle"]
    )
    row += 2
    ws.write_string(row, 0, reconcile_label("indicator"), fmt["header"])
    ws.write_string(row, 1, reconcile_label("value"), fmt["header"])
    for i, (key, value) in enumerate(summary.items(), start=row + 1):
        ws.write_string(i, 0, reconcile_label(str(key)))
        write_cell(ws, i, 1, value, fmt[_kind(str(key))])
    row += len(summary) + 2
    ws.write_string(row, 0, reconcile_label("legend_title"), fmt["subtitle"])
    for i, status in enumerate(statuses, start=row + 1):
        ws.write_string(i, 0, status, fmt[f"status_{status}"])
        ws.write_string(i, 1, reconcile_label(f"status_{status}"))
    ws.set_column(0, 0, 58)
    ws.set_column(1, 1, 22)
