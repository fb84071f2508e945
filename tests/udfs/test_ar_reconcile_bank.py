"""AR_RECONCILE takes a bank statement range (title block included) as ``payments`` and an
optional ``bank`` argument (issue 17). Through xlwings' own conversion code (excel_call)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tests.support.cell_errors import assert_one_line_error
from xl_ar.testing import MISSING, excel_call

D = dt.datetime
LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ["PT Maju Jaya", "INV-0012", D(2024, 11, 5), D(2024, 12, 5), 11_100_000.0],
    ["CV Sinar Abadi", "INV-0013", D(2024, 11, 20), D(2024, 12, 20), 5_550_000.0],
]
PAYMENTS = [["Ref", "Tanggal", "Jumlah", "Pelanggan"],
            ["BB-1", D(2024, 12, 10), 11_100_000.0, "PT Maju Jaya"]]  # fmt: skip


def pad(rows: list[list[object]], width: int = 5) -> list[list[object]]:
    """A rectangular range, as Excel hands one over (blank cells None)."""
    return [[*r, *([None] * (width - len(r)))] for r in rows]


STATEMENT = pad([
    ["Mutasi Rekening - KlikBCA Bisnis"],
    ["No. rekening", ":", "0123456789"],
    ["Nama", ":", "PT CONTOH DISTRIBUSI"],
    ["Periode", ":", "01/12/2024 - 31/12/2024"],
    ["Kode Mata Uang", ":", "Rp"],
    [],
    ["Tanggal Transaksi", "Keterangan", "Cabang", "Jumlah", "Saldo"],
    ["02/12", "TRSF E-BANKING CR 0212/FTSCY/WS95031 PT MAJU JAYA INV-0012", "0000",
     "11,100,000.00 CR", "36,100,000.00"],
    ["05/12", "TRSF E-BANKING CR 0512/FTSCY/WS95044 CV SINAR ABADI", "0000",
     "5,550,000.00 CR", "41,650,000.00"],
    ["31/12", "BIAYA ADM", "0000", "15,000.00 DB", "41,635,000.00"],
    ["Saldo Awal", ":", "25,000,000.00"],
    ["Mutasi Kredit", ":", "16,650,000.00", "2"],
    ["Mutasi Debet", ":", "15,000.00", "1"],
    ["Saldo Akhir", ":", "41,635,000.00"],
])  # fmt: skip


def rows_of(table):
    return pd.DataFrame(table[1:], columns=table[0])


def test_bank_argument_is_checked_in_one_line():
    got = excel_call("AR_RECONCILE", LEDGER, PAYMENTS, MISSING, MISSING, MISSING, MISSING, "citi")
    assert_one_line_error(
        "AR_RECONCILE", got,
        "bank must be one of 'auto', 'bca', 'mandiri', 'bri', 'bni', 'generic', 'payments', "
        "not 'citi'",
    )  # fmt: skip


@pytest.mark.parametrize("bank", [MISSING, "", "auto", "AUTO"])
def test_blank_or_auto_bank_keeps_a_payments_table_as_before(bank):
    got = rows_of(excel_call("AR_RECONCILE", LEDGER, PAYMENTS, MISSING, MISSING, MISSING,
                             MISSING, bank))  # fmt: skip
    assert got[["payment", "invoice", "applied", "status"]].iloc[0].tolist() == [
        "BB-1", "INV-0012", 11_100_000.0, "matched"
    ]  # fmt: skip


def test_a_bca_statement_range_is_the_payments():
    got = rows_of(excel_call("AR_RECONCILE", LEDGER, STATEMENT))
    applied = got[got["status"] == "matched"]
    assert applied[["invoice", "customer", "applied"]].to_numpy().tolist() == [
        ["INV-0012", "PT Maju Jaya", 11_100_000.0],
        ["INV-0013", "CV Sinar Abadi", 5_550_000.0],
    ]
    assert "payer_rule" in got.columns


def test_a_statement_forced_as_payments_is_refused_in_one_line():
    got = excel_call("AR_RECONCILE", LEDGER, STATEMENT, MISSING, MISSING, MISSING, MISSING,
                     "payments")  # fmt: skip
    assert isinstance(got, str) and got.startswith("AR_RECONCILE: ") and "\n" not in got
