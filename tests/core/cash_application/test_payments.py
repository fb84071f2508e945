"""Reading payments tables and customer statements."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from xl_ar.core.cash_application.payments import (
    PAYMENT_COLUMNS,
    STATEMENT_COLUMNS,
    ensure_payments,
    ensure_statement,
    read_payments,
    read_statement,
)
from xl_ar.errors import LedgerError, MissingColumnError, OptionError, XlArError

D = pd.Timestamp


@pytest.mark.parametrize(
    "header",
    [
        ["Payment", "Date", "Amount", "Customer", "Memo"],
        ["Payment ID", "Payment Date", "Amount Received", "Customer", "Remittance"],
        ["Ref", "Tanggal", "Jumlah", "Pelanggan", "Keterangan"],
        ["No Bukti", "Tanggal Bayar", "Diterima", "Pelanggan", "Berita"],
        ["No Pembayaran", "tanggal_bayar", "Nilai", "pelanggan", "Catatan"],
        ["Bukti Bayar", "Tanggal", "Jumlah", "Customer", "Description"],
    ],
)
def test_headers_in_english_and_indonesian(header):
    got = read_payments([header, ["BB-1", "15/01/2024", "Rp 1.500.000", "PT A", "INV-1"]])
    assert tuple(got.columns) == PAYMENT_COLUMNS
    assert got.index.name == "row" and list(got.index) == [2]
    assert got.loc[2, "payment"] == "BB-1" and got.loc[2, "date"] == D("2024-01-15")
    assert got.loc[2, "amount"] == 1_500_000.0
    assert got.loc[2, "customer"] == "PT A" and got.loc[2, "memo"] == "INV-1"
    assert got["date"].dtype == "datetime64[ns]" and got["amount"].dtype == np.float64


def test_optional_columns_date_cells_and_serials():
    got = read_payments(
        [
            ["Date", "Amount"],
            [dt.datetime(2024, 1, 15), 10],
            [45306.0, 20.5],  # Excel serial of 2024-01-15
            [dt.date(2024, 1, 15), "1,234.50"],
        ]
    )
    assert got["payment"].tolist() == ["row 2", "row 3", "row 4"]
    assert got["date"].tolist() == [D("2024-01-15")] * 3
    assert got["amount"].tolist() == [10.0, 20.5, 1234.5]
    assert got["customer"].isna().all() and got["memo"].isna().all()


def test_a_column_mixing_date_cells_and_text_dates_is_reported_like_in_ledgers():
    with pytest.raises(LedgerError, match=r"^'Date': mixes 1 date/serial cell with 1 text date"):
        read_payments([["Date", "Amount"], [45306.0, 1], ["15/01/2024", 2]])


def test_title_row_and_blank_rows_are_skipped_and_rows_keep_their_numbers():
    rows = [
        ["Penerimaan Kas Januari 2024", None, None],
        ["No Bukti", "Tanggal", "Jumlah"],
        ["BB-1", "02/01/2024", 100],
        [None, None, None],
        ["BB-2", "03/01/2024", 200],
    ]
    got = read_payments(rows, first_row=5)
    assert list(got.index) == [7, 9]
    assert got["payment"].tolist() == ["BB-1", "BB-2"]


def test_every_memo_like_column_is_searched_and_a_second_id_column_too():
    got = read_payments(
        [
            ["Payment ID", "Reference", "Date", "Amount", "Keterangan", "No Faktur"],
            ["P1", "TRF 77", "2024-01-02", 10, "pelunasan", "INV-1"],
            ["P2", None, "2024-01-02", 10, None, None],
        ]
    )
    assert got.loc[2, "memo"] == "TRF 77 | pelunasan | INV-1"
    assert pd.isna(got.loc[3, "memo"])


def test_blank_payment_id_becomes_the_row_and_ids_keep_leading_zeros():
    got = read_payments(
        [["Payment", "Date", "Amount"], ["007", "2024-01-02", 5], [None, "2024-01-03", 6]]
    )
    assert got["payment"].tolist() == ["007", "row 3"]


def test_number_format_and_date_order_options():
    got = read_payments(
        [["Payment", "Date", "Amount"], ["P1", "01/02/2024", "1.234"]],
        date_order="mdy",
        number_format="id",
    )
    assert got.loc[2, "date"] == D("2024-01-02") and got.loc[2, "amount"] == 1234.0


def test_reads_a_csv_file_and_a_dataframe(tmp_path):
    path = tmp_path / "bank.csv"
    path.write_text(
        "Ref;Tanggal;Jumlah;Berita\nBB-1;15/01/2024;1.500.000;INV 7\n", encoding="utf-8"
    )
    got = read_payments(path)
    assert (
        got.loc[2, ["payment", "memo"]].tolist() == ["BB-1", "INV 7"]
        and got.loc[2, "amount"] == 1_500_000
    )
    frame = pd.DataFrame({"Payment": ["P1"], "Date": ["2024-01-02"], "Amount": [5.0]})
    assert read_payments(frame).loc[2, "amount"] == 5.0


def test_ensure_payments_reads_once():
    got = read_payments([["Payment", "Date", "Amount"], ["P1", "2024-01-02", 5]])
    assert ensure_payments(got) is got
    assert ensure_payments([["Payment", "Date", "Amount"], ["P1", "2024-01-02", 5]]).equals(got)


# --------------------------------------------------------------------------- bad input


def _message(rows, error=LedgerError, **options):
    with pytest.raises(error) as caught:
        read_payments(rows, **options)
    text = str(caught.value)
    assert "\n" not in text
    return text


def test_missing_columns_name_what_is_missing_and_what_was_found():
    assert _message([["Payment", "Tanggal"], ["P", "2024-01-01"]], MissingColumnError) == (
        "no 'amount' column (e.g. 'Amount', 'Jumlah'); headers found: 'Payment', 'Tanggal'"
    )
    assert _message([["Payment", "Jumlah"], ["P", 5]], MissingColumnError).startswith(
        "no 'date' column (e.g. 'Date', 'Tanggal')"
    )


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("abc", "row 4 'Jumlah': 'abc' is not an amount (number format 'auto')"),
        (None, "row 4 'Jumlah': (blank) is blank: every payment needs an amount"),
        (
            -5,
            "row 4 'Jumlah': '-5' is negative: a payment must be above zero (enter refunds separately)",
        ),
        ("(5)", "row 4 'Jumlah': '(5)' is negative: a payment must be above zero"),
        (0, "row 4 'Jumlah': '0' is zero: there is nothing to apply"),
    ],
)
def test_bad_amounts(cell, problem):
    rows = [
        ["No Bukti", "Tanggal", "Jumlah"],
        ["A", "01/01/2024", 1],
        ["B", "01/01/2024", 2],
        ["C", "01/01/2024", cell],
    ]
    assert _message(rows).startswith(problem)


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("31/02/2024", "row 2 'Tanggal': '31/02/2024' is not a date"),
        (None, "row 2 'Tanggal': (blank) is blank: every payment needs a date"),
        ("kemarin", "row 2 'Tanggal': 'kemarin' is not a date"),
    ],
)
def test_bad_dates(cell, problem):
    assert _message([["No Bukti", "Tanggal", "Jumlah"], ["A", cell, 1]]).startswith(problem)


def test_duplicate_payment_ids_name_the_first_row_and_all_problems_are_kept():
    rows = [
        ["Payment", "Date", "Amount"],
        ["P1", "2024-01-01", 1],
        ["P2", "2024-01-01", "x"],
        ["P1", "2024-01-02", 3],
    ]
    with pytest.raises(LedgerError) as caught:
        read_payments(rows)
    assert str(caught.value) == (
        "row 3 'Amount': 'x' is not an amount (number format 'auto'); "
        "row 4 'Payment': 'P1' repeats the payment id of row 2"
    )
    assert caught.value.problems["row"].tolist() == [3, 4]


@pytest.mark.parametrize(
    "rows",
    [[], [["Payment", "Date", "Amount"]], [["Payment", "Date", "Amount"], [None, "", None]]],
)
def test_empty_ranges(rows):
    with pytest.raises(XlArError) as caught:
        read_payments(rows)
    assert str(caught.value) in (
        "no payments below the header row: the range has no data",
        "the range is empty: it needs a header row and at least one row of data",
    )


def test_two_headers_equally_good_are_refused():
    with pytest.raises(XlArError, match="both look like 'amount'"):
        read_payments([["Date", "Amount", "Amount"], ["2024-01-01", 1, 2]])


# --------------------------------------------------------------------------- statements


def test_statement_with_signed_amounts():
    got = read_statement(
        [
            ["No Faktur", "Tanggal", "Jumlah", "Keterangan"],
            ["INV-1", "05/01/2024", "1.000.000", "faktur"],
            ["TRF-9", "20/01/2024", "-400.000", "transfer"],
            [None, None, 5, None],
        ]
    )
    assert tuple(got.columns) == STATEMENT_COLUMNS
    assert got["amount"].tolist() == [1_000_000.0, -400_000.0, 5.0]
    assert got["document"].isna().tolist() == [False, False, True]
    assert pd.isna(got.loc[4, "date"])  # statement dates are optional


def test_statement_debit_credit_and_sign():
    rows = [
        ["Doc No", "Date", "Debit", "Kredit"],
        ["INV-1", "2024-01-05", "1.500,50", None],
        ["PAY-1", "2024-01-09", None, 500],
    ]
    assert read_statement(rows)["amount"].tolist() == [1500.5, -500.0]
    assert read_statement(rows, sign=-1)["amount"].tolist() == [-1500.5, 500.0]
    only_credit = read_statement([["Document", "Credit"], ["CN-1", 7]])
    assert only_credit["amount"].tolist() == [-7.0]
    with pytest.raises(
        LedgerError,
        match=r"row 2 'Debit': \(blank\) is blank: every line needs a debit or a credit",
    ):
        read_statement([["Doc No", "Debit", "Kredit"], ["X", None, None]])
    with pytest.raises(OptionError, match="sign must be 1 or -1"):
        read_statement(rows, sign=2)


def test_statement_amount_column_wins_over_debit_credit_and_running_balance_is_ignored():
    got = read_statement([["Invoice", "Debit", "Amount", "Saldo"], ["INV-1", 100, 90, 90]])
    assert got["amount"].tolist() == [90.0]


def test_statement_bad_input():
    with pytest.raises(
        MissingColumnError, match=r"^no 'document' column \(e.g. 'Document', 'No Faktur'\)"
    ):
        read_statement([["Tanggal", "Jumlah"], ["2024-01-01", 5]])
    with pytest.raises(MissingColumnError, match=r"^no 'amount' or 'debit' or 'credit' column"):
        read_statement([["Document", "Tanggal"], ["X", "2024-01-01"]])
    with pytest.raises(LedgerError, match=r"^row 2 'Jumlah': 'abc' is not an amount"):
        read_statement([["Document", "Jumlah"], ["X", "abc"]])
    with pytest.raises(XlArError, match="no statement lines below the header row"):
        read_statement([["Document", "Jumlah"]])
    got = read_statement([["Document", "Jumlah"], ["X", 5]])
    assert ensure_statement(got) is got
