"""Hand-built cash-application results of a bank statement (issue 17), with the documented
columns of the merged engine (``withheld``, ``withholding_type``, ``fee``; statuses
``giro_in_hand``/``proposed``; ``ReconcileResult.statement``), for the posting, report and CLI
tests written before the statement readers and the withholding rules are merged."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core import BankStatement

COLUMNS = [
    "payment", "payment_date", "payment_amount", "customer", "invoice", "invoice_date",
    "open_amount", "applied", "withheld", "withholding_type", "fee", "difference", "remaining",
    "rule", "confidence", "status", "payer_rule", "payer_confidence", "note",
]  # fmt: skip


def row(payment, date, amount, customer, invoice, applied=0.0, withheld=0.0, wtype=None,
        fee=0.0, difference=0.0, remaining=0.0, status="matched", note=None, open_amount=None):  # fmt: skip
    if open_amount is None:
        open_amount = applied + withheld + fee + difference + remaining
    return {
        "payment": payment, "payment_date": pd.Timestamp(date) if date else pd.NaT,
        "payment_amount": amount, "customer": customer, "invoice": invoice,
        "invoice_date": pd.Timestamp("2024-11-01"), "open_amount": open_amount,
        "applied": applied, "withheld": withheld, "withholding_type": wtype, "fee": fee,
        "difference": difference, "remaining": remaining,
        "rule": None if status in ("unapplied", "open") else "exact", "confidence": 0.95,
        "status": status, "payer_rule": "name", "payer_confidence": 0.9, "note": note,
    }  # fmt: skip


def december() -> pd.DataFrame:
    """Four receipts: PPh 23 net + a fee, a WAPU + PPh 22 buyer, a short payment with an
    unapplied rest, a giro in hand; and one open item."""
    rows = [
        # services DPP 10,000,000 + PPN 1,100,000 = 11,100,000; PPh 23 200,000; fee 2,500
        row("R1", "2024-12-03", 10_897_500.0, "PT Maju", "INV-001", applied=10_897_500.0,
            withheld=200_000.0, wtype="PPh 23", fee=2_500.0),
        # WAPU: DPP 20,000,000, PPN 2,200,000, PPh 22 300,000 -> pays 19,700,000
        row("R2", "2024-12-05", 19_700_000.0, "Dinas PU", "INV-002", applied=19_700_000.0,
            withheld=2_500_000.0, wtype="PPN WAPU + PPh 22"),
        row("R3", "2024-12-09", 5_000_000.0, "CV Sinar", "INV-003", applied=4_000_000.0,
            difference=1_000.0, status="short_paid_written_off"),
        row("R3", "2024-12-09", 5_000_000.0, "CV Sinar", None, remaining=1_000_000.0,
            status="unapplied", open_amount=np.nan),
        row("R4", "2024-12-20", 7_000_000.0, "PT Maju", None, remaining=7_000_000.0,
            status="giro_in_hand", note="giro due 2025-01-15", open_amount=np.nan),
        row(None, None, np.nan, "PT Maju", "INV-009", remaining=3_000_000.0, status="open"),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)


def statement(balance_difference: float | None = 0.0) -> Any:
    """A stand-in of ``BankStatement`` (the documented fields) for :func:`december`."""
    lines = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-12-03", "2024-12-05", "2024-12-09", "2024-12-20",
                                    "2024-12-31", None]),
            "effective_date": pd.to_datetime([None, None, None, "2025-01-15", None, None]),
            "description": ["TRSF E-BANKING CR PT MAJU", "KR OTOMATIS DINAS PU",
                            "SETORAN CV SINAR", "KLIRING GIRO PT MAJU", "BIAYA ADM",
                            "TRSF PEND"],
            "reference": [None] * 6,
            "debit": [0.0, 0.0, 0.0, 0.0, 15_000.0, 0.0],
            "credit": [10_897_500.0, 19_700_000.0, 5_000_000.0, 7_000_000.0, 0.0, 250_000.0],
            "balance": [np.nan] * 6,
            "status": ["receipt", "receipt", "receipt", "receipt", "debit", "pending"],
        },
        index=pd.Index([7, 8, 9, 10, 11, 12], name="row"),
    )  # fmt: skip
    left = pd.DataFrame(
        {"date": pd.to_datetime(["2024-12-31", None]), "description": ["BIAYA ADM", "TRSF PEND"],
         "amount": [15_000.0, 250_000.0], "reason": ["debit", "pending"]},
        index=pd.Index([11, 12], name="row"),
    )  # fmt: skip
    return Statement(
        bank="bca", account="1234567890", account_name="PT CONTOH JAYA", currency="IDR",
        period_start=pd.Timestamp("2024-12-01"), period_end=pd.Timestamp("2024-12-31"),
        opening=50_000_000.0, closing=92_582_500.0 + (balance_difference or 0.0),
        lines=lines, receipts=pd.DataFrame(), left_out=left,
        balance_difference=balance_difference,
        notes=("year completed from the period 01/12/2024 - 31/12/2024",),
    )  # fmt: skip


Statement = BankStatement  # the reader's own dataclass (interface 1 of issue 17)


@dataclass(frozen=True)
class Result:
    """A stand-in of ``ReconcileResult`` with its ``statement`` field (mode ``"bank"``)."""

    table: pd.DataFrame
    summary: dict[str, Any] = field(default_factory=dict)
    mode: str = "bank"
    statement: Any = None


def bank_result(balance_difference: float | None = 0.0) -> Result:
    """:func:`december` as a bank reconciliation, with the summary keys of interface 3."""
    return Result(
        december(),
        {"payments": 4, "payments_amount": 42_597_500.0, "applied_amount": 34_597_500.0,
         "withheld_amount": 2_700_000.0, "fees_amount": 2_500.0, "unapplied_amount": 1_000_000.0,
         "giro_in_hand_amount": 7_000_000.0, "proposed_amount": 0.0, "left_out_lines": 2,
         "balance_difference": balance_difference},
        statement=statement(balance_difference),
    )  # fmt: skip
