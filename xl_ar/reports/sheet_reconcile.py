"""The reconciliation sheet: cash application (or a customer's statement) against the ledger.

:func:`reconciliation_sheet` draws what :func:`xl_ar.core.cash_application.reconcile.reconcile`
returns: every application, remainder and open item (or every statement line), the summary
and a legend of the statuses. :func:`format_summary` prints the summary for a terminal
(``xl-ar reconcile`` without ``-o``).
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any

import pandas as pd

from xl_ar.core import STATUSES, ReconcileResult, amounts_note
from xl_ar.reports.model import ColumnFormat, Sheet, Table
from xl_ar.reports.style import is_missing

__all__ = ["RECONCILE_LABELS", "format_summary", "reconcile_label", "reconciliation_sheet"]

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
    # bank statements, withholding and fees (issue 17)
    "withheld": ("Dipotong Pajak", "Tax Withheld"),
    "withholding_type": ("Jenis Potongan", "Withholding Type"),
    "fee": ("Biaya Transfer", "Transfer Fee"),
    "payer_rule": ("Aturan Pembayar", "Payer Rule"),
    "payer_confidence": ("Keyakinan Pembayar", "Payer Confidence"),
    "withheld_amount": ("Total Dipotong Pajak", "Tax Withheld"),
    "fees_amount": ("Total Biaya Transfer", "Transfer Fees"),
    "giro_in_hand_payments": ("Penerimaan Giro di Tangan", "Giro in Hand Receipts"),
    "giro_in_hand_amount": ("Giro di Tangan", "Giro in Hand"),
    "proposed_payments": ("Penerimaan Usulan", "Proposed Receipts"),
    "proposed_amount": ("Usulan (Belum Dialokasikan)", "Proposed (Not Applied)"),
    "left_out_lines": ("Baris Mutasi Tidak Diproses", "Statement Lines Left Out"),
    "status_giro_in_hand": (
        "giro di tangan: jatuh tempo setelah periode, belum dialokasikan",
        "giro in hand: due after the period, not applied",
    ),
    "status_proposed": (
        "usulan: pembayar atau faktur belum pasti (lihat catatan), belum dialokasikan",
        "proposed: payer or invoice ambiguous (see the note), not applied",
    ),
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
    "within_tolerance_payments": ("Pembayaran dalam Toleransi", "Payments Within Tolerance"),
    "within_tolerance_amount": ("Dialokasikan via Toleransi", "Applied Within Tolerance"),
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
    "statement_sign": ("Tanda Jumlah Laporan", "Statement Sign"),
    # statuses (legend)
    "status_matched": ("cocok: dokumen lunas / sama", "matched: item closed / amounts agree"),
    "status_partial": ("dibayar sebagian: faktur masih terbuka", "partial: the item stays open"),
    "status_short_paid_written_off": (
        "kurang bayar dalam toleransi: selisih dihapuskan",
        "short paid within tolerance: difference written off",
    ),
    "status_overpaid": (
        "lebih bayar dalam toleransi: selisih dihapuskan (hanya bila diminta)",
        "overpaid within tolerance: difference written off (only when asked)",
    ),
    "status_unapplied": (
        "belum dialokasikan: sisa pembayaran (juga lebih bayar) tetap milik pelanggan",
        "unapplied: cash (an overpayment too) left open on the customer's account",
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

#: Named format of each result column (payments and statement mode); others are text.
_FORMATS: dict[str, ColumnFormat] = {
    "payment_date": "date", "invoice_date": "date", "our_date": "date", "their_date": "date",
    "payment_amount": "money", "open_amount": "money", "applied": "money",
    "difference": "money", "remaining": "money", "ours": "money", "theirs": "money",
    "confidence": "ratio", "withheld": "money", "fee": "money", "payer_confidence": "ratio",
}  # fmt: skip
_COUNT_KEYS = frozenset(
    {"payments", "invoices_closed", "invoices_partial", "open_items", "left_out_lines"}
)
_STATEMENT_STATUSES = ("matched", "amount_differs", "only_ours", "only_theirs")
_TITLES = {
    "payments": ("Alokasi Pembayaran ke Faktur", "Cash Application"),
    "bank": ("Alokasi Mutasi Bank ke Faktur", "Cash Application from the Bank Statement"),
    "statement": RECONCILE_LABELS["statement_title"],
}


def _pair(key: str) -> tuple[str, str]:
    return (reconcile_label(key, "id"), reconcile_label(key, "en"))


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


#: The summary's tables by kind of value: (table name, value header, format); counts whole
#: numbers, amounts with cents, shares as percentages (one format per column).
_SUMMARY_TABLES: dict[str, tuple[str, tuple[str, str], ColumnFormat]] = {
    "count": ("reconciliation_counts", ("Jumlah", "Count"), "int"),
    "money": ("reconciliation_summary", ("Nilai", "Value"), "money2"),
    "pct": ("reconciliation_shares", ("Persentase", "Share"), "pct"),
}


def _summary_tables(values: Mapping[str, Any]) -> list[Table]:
    """The numeric summary as one table per kind of value (counts, amounts, percentages)."""
    tables = []
    for kind, (name, header, fmt) in _SUMMARY_TABLES.items():
        keys = [str(k) for k in values if _kind(str(k)) == kind]
        if not keys:
            continue
        frame = pd.DataFrame(
            {"indicator": pd.Series([_pair(k) for k in keys], dtype=object),
             "value": [float(values[k]) for k in keys]}
        )  # fmt: skip
        headers = {"indicator": _pair("indicator"), "value": header}
        tables.append(Table(name, frame, headers, {"indicator": "text", "value": fmt}))
    return tables


def reconciliation_sheet(reconciliation: ReconcileResult, settings: Any = None) -> Sheet:
    """The result table, the summary and the status legend of one reconciliation.

    ``reconciliation`` is what :func:`~xl_ar.core.cash_application.reconcile.reconcile`
    returned (:func:`xl_ar.reports.catalog.build_report` computes it from the ledger and the
    payments table, or takes it as given). ``settings``: only its ``currency`` (the amounts note).
    """
    result = reconciliation
    table = result.table
    cols = [str(c) for c in table.columns]
    numbers_ = {k: v for k, v in result.summary.items() if isinstance(v, numbers.Real)}
    texts = [(_pair(str(k)), str(v)) for k, v in result.summary.items()
             if k not in numbers_ and v is not None]  # fmt: skip
    statuses = _STATEMENT_STATUSES if result.mode == "statement" else STATUSES
    legend = pd.DataFrame(
        {
            "status": list(statuses),
            "meaning": pd.Series([_pair(f"status_{s}") for s in statuses], dtype=object),
        }  # fmt: skip
    )
    return Sheet(
        key="reconciliation",
        name=("Rekonsiliasi", "Reconciliation"),
        title=_TITLES[result.mode],
        notes=(
            amounts_note(getattr(settings, "currency", None)),
            *((f"{k[0]}: {v}", f"{k[1]}: {v}") for k, v in texts),
        ),
        tables=(
            Table(
                "reconciliation",
                table,
                {c: _pair(c) for c in cols},
                {c: _FORMATS.get(c, "text") for c in cols},
                highlight={"difference": "negative"},
            ),
            *_summary_tables(numbers_),
            Table(
                "reconciliation_statuses",
                legend,
                {"status": _pair("status"), "meaning": _pair("legend_title")},
                {"status": "text", "meaning": "text"},
            ),
        ),
    )
