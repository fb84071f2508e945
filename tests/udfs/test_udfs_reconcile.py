"""AR_RECONCILE as Excel calls it, and the `xl-ar reconcile` command."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from xl_ar.cli import main
from xl_ar.testing import MISSING, excel_call

D = dt.datetime
LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ["PT Maju", "INV-0012", D(2024, 1, 5), D(2024, 2, 4), 1000.0],
    ["PT Maju", "INV-0013", D(2024, 1, 20), D(2024, 2, 19), 500.0],
    ["PT Maju", "INV-0014", D(2024, 2, 1), D(2024, 3, 2), 700.0],
    ["CV Baru", "INV-0020", D(2024, 1, 10), D(2024, 2, 9), 300.0],
]
PAYMENTS = [
    ["Ref", "Tanggal", "Jumlah", "Pelanggan", "Berita"],
    ["BB-1", D(2024, 2, 10), 1000.0, None, "pembayaran inv 12"],  # reference (no customer)
    ["BB-2", D(2024, 2, 11), 300.0, "CV Baru", None],  # exact
    ["BB-3", D(2024, 2, 12), 900.0, "PT Maju", None],  # fifo: 500 + 400 of 700
]


def rows_of(table):
    return pd.DataFrame(table[1:], columns=table[0])


def test_ar_reconcile_rules_and_identities():
    got = rows_of(excel_call("AR_RECONCILE", LEDGER, PAYMENTS))
    applied = got[got["payment"] != ""]
    by = {(r.payment, r.invoice): r for r in applied.itertuples()}
    assert by[("BB-1", "INV-0012")].rule == "reference"
    assert by[("BB-1", "INV-0012")].customer == "PT Maju"
    assert by[("BB-2", "INV-0020")].rule == "exact"
    assert by[("BB-3", "INV-0013")].applied == 500.0
    assert by[("BB-3", "INV-0014")].applied == 400.0
    assert by[("BB-3", "INV-0014")].status == "partial"
    assert applied.groupby("payment")["applied"].sum().to_dict() == {
        "BB-1": 1000.0, "BB-2": 300.0, "BB-3": 900.0}  # fmt: skip


def test_ar_reconcile_tolerance_as_percentage_text():
    # 5 short of 300: within 2 %, but above the 1 % a transfer fee may be (so no fee)
    payments = [PAYMENTS[0], ["BB-9", D(2024, 2, 11), 295.0, "CV Baru", None]]
    strict = rows_of(excel_call("AR_RECONCILE", LEDGER, payments))
    loose = rows_of(excel_call("AR_RECONCILE", LEDGER, payments, "2%"))
    assert strict.loc[strict["payment"] == "BB-9", "status"].tolist() != ["short_paid_written_off"]
    assert "short_paid_written_off" in loose.loc[loose["payment"] == "BB-9", "status"].tolist()


@pytest.mark.parametrize(
    ("payments", "fragment"),
    [
        ([PAYMENTS[0], ["BB-1", D(2024, 2, 10), "abc", None, None]], "is not an amount"),
        ([PAYMENTS[0], *PAYMENTS[1:], PAYMENTS[1]], "BB-1"),
        ([PAYMENTS[0], ["BB-1", D(2024, 2, 10), -5.0, None, None]], "AR_RECONCILE: "),
        ([["Ref", "Tanggal"], ["BB-1", D(2024, 2, 10)]], "AR_RECONCILE: "),
        (None, "AR_RECONCILE: "),
    ],
)
def test_ar_reconcile_bad_input_is_one_line(payments, fragment):
    got = excel_call("AR_RECONCILE", LEDGER, payments)
    assert isinstance(got, str) and got.startswith("AR_RECONCILE: ") and fragment in got
    assert "\n" not in got and "Traceback" not in got


def test_ar_reconcile_mode_word():
    got = excel_call("AR_RECONCILE", LEDGER, PAYMENTS, MISSING, "bank")
    assert got.startswith("AR_RECONCILE: ") and "mode" in got


def test_cli_reconcile_table_and_file(capsys, tmp_path):
    ledger = tmp_path / "ledger.csv"
    pd.DataFrame(LEDGER[1:], columns=LEDGER[0]).to_csv(ledger, index=False)
    payments = tmp_path / "payments.csv"
    pd.DataFrame(PAYMENTS[1:], columns=PAYMENTS[0]).to_csv(payments, index=False)
    assert main(["reconcile", str(ledger), str(payments), "--date-order", "ymd"]) == 0
    out = capsys.readouterr().out
    assert "reference" in out and "INV-0012" in out
    target = tmp_path / "rec.xlsx"
    assert main(["reconcile", str(ledger), str(payments), "--date-order", "ymd", "-o",
                 str(target)]) == 0  # fmt: skip
    assert target.stat().st_size > 3000
    assert io.BytesIO(target.read_bytes()).getbuffer().nbytes > 0
