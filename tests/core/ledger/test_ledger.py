"""Ledger input: headers, dates, amounts, derivations and the health check."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from xl_ar.core.base.columns import match_headers, normalize_header
from xl_ar.core.ledger.ledger import health_check, is_canonical, load_ledger, read_ledger
from xl_ar.errors import LedgerError, MissingColumnError

D = pd.Timestamp


def rows(header, *body):
    return [list(header), *map(list, body)]


# --- headers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "canon"),
    [
        ("Pelanggan", "customer"),
        ("Debitur", "customer"),
        ("customerID", "customer"),
        ("Customer_ID", "customer"),
        ("No Faktur", "invoice"),
        ("No. Faktur", "invoice"),
        ("invoiceNumber", "invoice"),
        ("Tanggal Faktur", "invoice_date"),
        ("TANGGAL_FAKTUR", "invoice_date"),
        ("Jatuh Tempo", "due_date"),
        ("DueDate", "due_date"),
        ("Termin", "terms_days"),
        ("TOP", "terms_days"),
        ("Jumlah", "amount"),
        ("Nilai", "amount"),
        ("InvoiceAmount (in thousands USD)", "amount"),
        ("Dibayar", "paid"),
        ("Tanggal Bayar", "payment_date"),
        ("settledDate", "payment_date"),
        ("Sisa", "balance"),
        ("Saldo", "balance"),
        ("Sengketa", "disputed"),
        ("Mata Uang", "currency"),
    ],
)
def test_header_synonyms(header, canon):
    assert match_headers(["x", header]) == {1: canon}


def test_normalize_header_camel_case_and_separators():
    assert normalize_header("customerID") == normalize_header("Customer Id") == "customerid"
    assert normalize_header("Tanggal_Faktur") == normalize_header("tanggal-faktur")


def test_more_specific_synonym_wins_and_the_other_is_kept():
    led = read_ledger(
        rows(
            ["Customer ID", "Customer", "Invoice Date", "Terms", "Amount", "Region"],
            ["C-01", "PT Maju", "2024-01-31", 30, 100, "Jawa"],
        )
    )
    assert led.loc[2, "customer"] == "PT Maju"
    assert led.loc[2, "Customer ID"] == "C-01"
    assert led.loc[2, "Region"] == "Jawa"


def test_missing_required_column_names_it_and_lists_headers():
    with pytest.raises(MissingColumnError) as err:
        read_ledger(rows(["Pelanggan", "Tanggal Faktur", "Catatan"], ["A", "2024-01-01", "x"]))
    text = str(err.value)
    assert "'amount' or 'balance'" in text
    assert "'Pelanggan', 'Tanggal Faktur', 'Catatan'" in text


def test_missing_due_date_and_terms():
    with pytest.raises(MissingColumnError, match="'due_date' or 'terms_days'"):
        read_ledger(rows(["Customer", "Invoice Date", "Amount"], ["A", "2024-01-01", 1]))


# --- dates -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "forms",
    [
        [dt.datetime(2024, 12, 31), dt.date(2024, 12, 31), pd.Timestamp("2024-12-31"), 45657.0,
         45657, np.datetime64("2024-12-31")],
        ["2024-12-31", "31/12/2024", "31-12-2024", "31 Des 2024", "31 Desember 2024",
         "31-Des-24", "45657"],
    ],
    ids=["excel-values", "text"],
)  # fmt: skip
def test_every_date_form_excel_and_users_give(forms):
    body = [["A", f, 0, 10.0] for f in forms]
    led = read_ledger(rows(["Customer", "Tanggal Faktur", "Termin", "Jumlah"], *body))
    assert (led["invoice_date"] == D("2024-12-31")).all()
    assert (led["due_date"] == D("2024-12-31")).all()


def test_month_first_is_an_explicit_option():
    body = rows(
        ["Customer", "Invoice Date", "Due Date", "Amount"], ["A", "1/2/2013", "2/1/2013", 5]
    )
    assert read_ledger(body, date_order="mdy").loc[2, "invoice_date"] == D("2013-01-02")
    day_first = load_ledger(body)  # 1 Feb 2013 due 2 Jan 2013: reported (a note), not guessed
    assert day_first.ledger.loc[2, "invoice_date"] == D("2013-02-01")
    assert day_first.ok  # issue 14: aged by its due date, said in a note
    assert day_first.notes == (
        "1 row has a due date before the invoice date (first: row 2): aged by the due date",
    )


def test_day_first_column_with_month_first_cells_is_reported():
    body = rows(
        ["Customer", "Invoice Date", "Terms", "Amount"],
        ["A", "1/2/2013", 30, 5],
        ["A", "1/15/2013", 30, 5],
    )
    probs = health_check(body, date_order="dmy")  # issue 14: the default decides (mdy here)
    cell = probs[probs["row"] == 3]
    assert cell["column"].tolist() == ["Invoice Date"]
    assert "mdy" in cell["problem"].iloc[0]
    with pytest.raises(LedgerError, match=r"row 3 'Invoice Date': '1/15/2013' is not a valid"):
        read_ledger(body, date_order="dmy")


def test_due_date_from_terms_when_no_due_column():
    led = read_ledger(
        rows(["Customer", "Invoice Date", "TOP", "Amount"], ["A", "2024-01-31", 30, 1])
    )
    assert led.loc[2, "due_date"] == D("2024-03-01")
    assert led.loc[2, "terms_days"] == 30


def test_terms_written_as_text():
    led = read_ledger(
        rows(
            ["Customer", "Invoice Date", "Terms", "Amount"],
            ["A", "2024-01-01", "Net 30", 1],
            ["A", "2024-01-01", "45 hari", 1],
        )
    )
    assert led["terms_days"].tolist() == [30.0, 45.0]


def test_terms_derived_from_dates_when_absent():
    led = read_ledger(
        rows(
            ["Customer", "Invoice Date", "Due Date", "Amount"], ["A", "2024-01-01", "2024-02-15", 1]
        )
    )
    assert led.loc[2, "terms_days"] == 45


# --- amounts ------------------------------------------------------------------------------------
def test_indonesian_text_amounts_by_default():
    led = read_ledger(
        rows(
            ["Customer", "Invoice Date", "Terms", "Jumlah"],
            ["A", "2024-01-01", 30, "Rp 1.234.567,50"],
            ["B", "2024-01-01", 30, 250000.0],
        )
    )
    assert led["amount"].tolist() == [1234567.5, 250000.0]


def test_english_text_amounts_with_explicit_format():
    led = read_ledger(
        rows(
            ["Customer", "Invoice Date", "Terms", "Amount"], ["A", "2024-01-01", 30, "1,234,567.50"]
        ),
        number_format="en",
    )
    assert led.loc[2, "amount"] == 1234567.5


def test_unparseable_amount_is_reported_with_row_and_header():
    with pytest.raises(LedgerError, match=r"row 3 'Jumlah': 'seratus' is not an amount"):
        read_ledger(
            rows(
                ["Customer", "Invoice Date", "Terms", "Jumlah"],
                ["A", "2024-01-01", 30, 10],
                ["A", "2024-01-01", 30, "seratus"],
            )
        )


# --- rows, blanks, text --------------------------------------------------------------------------
def test_blank_rows_are_ignored_and_row_numbers_stay_the_users():
    led = read_ledger(
        rows(
            ["Customer", "Invoice Date", "Terms", "Amount"],
            ["A", "2024-01-01", 30, 10],
            [None, None, None, None],
            ["", " ", "", None],
            ["B", "2024-01-02", 30, 20],
        ),
        first_row=5,
    )
    assert led.index.tolist() == [6, 9]
    assert led.index.name == "row"


def test_row_lists_error_names_the_sheet_row():
    with pytest.raises(LedgerError, match=r"^row 17 'Due Date': 'abc' is not a date$"):
        read_ledger(
            rows(["Customer", "Invoice Date", "Due Date", "Amount"], ["A", "2024-01-01", "abc", 1]),
            first_row=16,
        )


def test_ids_stay_text_with_leading_zeros_and_numbers_lose_the_dot_zero():
    led = read_ledger(
        rows(
            ["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
            ["0042", "0000611365", "2024-01-01", 30, 1],
            [1234.0, 611365.0, "2024-01-01", 30, 1],
        )
    )
    assert led["customer"].tolist() == ["0042", "1234"]
    assert led["invoice"].tolist() == ["0000611365", "611365"]


def test_formula_like_text_is_data_not_a_formula():
    led = read_ledger(
        rows(
            ["Customer", "Invoice Date", "Terms", "Amount"],
            ['=HYPERLINK("x")', "2024-01-01", 30, 1],
        )
    )
    assert led.loc[2, "customer"] == '=HYPERLINK("x")'


def test_title_rows_above_the_header_are_skipped():
    led = read_ledger(
        [
            ["PIUTANG USAHA — DESEMBER 2024", None, None, None],
            [None] * 4,
            ["Pelanggan", "Tanggal Faktur", "Termin", "Jumlah"],
            ["A", "2024-12-01", 30, 5.0],
        ]
    )
    assert led.index.tolist() == [4]


def test_dataframe_and_csv_and_xlsx_give_the_same_ledger(tmp_path):
    frame = pd.DataFrame(
        {
            "Pelanggan": ["PT A", "PT B"],
            "No Faktur": ["F1", "F2"],
            "Tanggal Faktur": pd.to_datetime(["2024-01-05", "2024-02-10"]),
            "Termin": [30, 45],
            "Jumlah": [1000.0, 2500.5],
            "Dibayar": [0.0, 500.0],
        }
    )
    frame.to_excel(tmp_path / "l.xlsx", index=False)
    frame.assign(**{"Tanggal Faktur": ["2024-01-05", "2024-02-10"]}).to_csv(
        tmp_path / "l.csv", index=False
    )
    a = read_ledger(frame)
    b = read_ledger(tmp_path / "l.xlsx")
    c = read_ledger(tmp_path / "l.csv")
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a, c)
    assert is_canonical(a)
    assert a.loc[3, "balance"] == 2000.5


def test_semicolon_csv(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("Pelanggan;Tanggal Faktur;Termin;Jumlah\nPT A;31/01/2024;30;1.500.000,00\n")
    led = read_ledger(path)
    assert led.loc[2, "amount"] == 1_500_000.0
    assert led.loc[2, "due_date"] == D("2024-03-01")


def test_reading_a_canonical_ledger_again_changes_nothing():
    led = read_ledger(
        rows(
            ["Customer", "Invoice", "Type", "Invoice Date", "Terms", "Amount", "Paid"],
            ["A", "1", "Invoice", "2024-01-01", 30, 100, 40],
            ["A", "CN1", "Credit Note", "2024-01-05", 0, 10, 0],
        )
    )
    again = read_ledger(led)
    pd.testing.assert_frame_equal(led, again)


# --- payments, credit notes, balances ------------------------------------------------------------
def test_credit_notes_are_negative_whatever_the_source_sign():
    led = read_ledger(
        rows(
            ["Customer", "Invoice", "Jenis", "Invoice Date", "Terms", "Amount"],
            ["A", "1", "Faktur", "2024-01-01", 30, 100],
            ["A", "NK1", "Nota Kredit", "2024-01-05", 0, 10],
            ["A", "NK2", "nota kredit", "2024-01-06", 0, -15],
            ["A", "P1", "Pembayaran", "2024-01-07", 0, 20],
        )
    )
    assert led["amount"].tolist() == [100, -10, -15, -20]
    assert led["doc_type"].tolist() == ["invoice", "credit_note", "credit_note", "payment"]


def test_balance_only_gives_paid():
    led = read_ledger(
        rows(
            ["Customer", "Invoice Date", "Terms", "Amount", "Outstanding"],
            ["A", "2024-01-01", 30, 100, 40],
        )
    )
    assert led.loc[2, "paid"] == 60
    assert pd.isna(led.loc[2, "payment_date"])


def test_settlement_date_without_amounts_means_paid_in_full():
    led = read_ledger(
        rows(
            ["Customer", "Invoice Date", "Terms", "Amount", "Settled Date"],
            ["A", "2024-01-01", 30, 100, "2024-02-01"],
            ["A", "2024-01-01", 30, 50, None],
        )
    )
    assert led["paid"].tolist() == [100, 0]
    assert led["balance"].tolist() == [0, 50]


def test_open_item_report_without_amount_uses_balance():
    led = read_ledger(
        rows(["Customer", "Invoice Date", "Terms", "Saldo"], ["A", "2024-01-01", 30, 75])
    )
    assert (led.loc[2, "amount"], led.loc[2, "paid"], led.loc[2, "balance"]) == (75, 0, 75)


def test_disputed_flags():
    led = read_ledger(
        rows(
            ["Customer", "Invoice Date", "Terms", "Amount", "Sengketa"],
            ["A", "2024-01-01", 30, 1, "Ya"],
            ["A", "2024-01-01", 30, 1, "Tidak"],
            ["A", "2024-01-01", 30, 1, None],
            ["A", "2024-01-01", 30, 1, "Yes"],
        )
    )
    assert led["disputed"].tolist() == [True, False, False, True]


# --- health check -----------------------------------------------------------------------------------
def problems_of(body, **kw):
    return {(r.row, r.column): r.problem for r in health_check(body, **kw).itertuples()}


def test_health_check_finds_every_kind_of_problem():
    body = rows(
        ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Balance", "Disputed"],
        ["A", "1", "2024-01-10", "2024-02-09", 100, 0, 100, "No"],     # row 2: fine
        ["A", "2", "2024-01-10", "2024-01-01", 100, 0, 100, "No"],     # 3: due before invoice
        ["A", "1", "2024-01-11", "2024-02-10", 100, 0, 100, "No"],     # 4: duplicate of 2
        ["B", "3", "2024-01-12", "2024-02-11", 100, 120, -20, "No"],   # 5: paid > amount
        ["B", "4", "2024-01-12", "2024-02-11", 100, 30, 60, "No"],     # 6: 100-30 != 60
        ["B", "5", "2024-01-12", "2024-02-11", -50, 0, -50, "No"],     # 7: negative, not a CN
        ["B", "6", "2024-01-12", "13/13/2024", 50, 0, 50, "maybe"],    # 8: bad date, bad flag
        [None, "7", "2024-01-12", "2024-02-11", 50, 0, 50, "No"],      # 9: no customer
    )  # fmt: skip
    got = problems_of(body)
    assert (3, "Due Date") not in got  # issue 14: a note, aged by the due date
    assert load_ledger(body).notes[0].startswith("1 row has a due date before the invoice date")
    assert got[(4, "Invoice")] == "repeats the number of row 2"
    assert got[(5, "Paid")] == "is more than the amount 100"
    assert got[(6, "Balance")] == "is not amount − paid (70)"
    assert got[(7, "Amount")].startswith("is negative but not marked as a credit note")
    assert got[(8, "Due Date")] == "is not a date"
    assert got[(8, "Disputed")].startswith("is not yes/no")
    assert got[(9, "Customer")].startswith("is blank")
    assert (2, "Due Date") not in got and len(got) == 7  # 8 before issue 14 (row 3: a note)


def test_lenient_load_keeps_every_row():
    body = rows(
        ["Customer", "Invoice Date", "Due Date", "Amount"],
        ["A", "2024-01-01", "abc", 10], ["B", "2024-01-01", "2024-01-31", "x"],
    )  # fmt: skip
    got = load_ledger(body)
    assert len(got.ledger) == 2 and len(got.problems) == 2
    assert pd.isna(got.ledger.loc[2, "due_date"]) and np.isnan(got.ledger.loc[3, "amount"])
    led = read_ledger(body, strict=False)
    assert len(led) == 2


def test_strict_error_lists_first_problems_and_counts_the_rest():
    body = rows(["Customer", "Invoice Date", "Terms", "Amount"], *[["A", "bad", 30, 1]] * 5)
    with pytest.raises(LedgerError) as err:
        read_ledger(body)
    assert str(err.value).endswith("(and 2 more problems)")
    assert len(err.value.problems) == 5


def test_mixed_real_dates_and_text_dates_are_reported():
    body = rows(
        ["Customer", "Invoice Date", "Terms", "Amount"],
        ["A", dt.datetime(2013, 2, 1), 30, 1], ["A", "1/15/2013", 30, 1],
    )  # fmt: skip
    probs = health_check(body, date_order="mdy")
    notes = probs[probs["row"].isna()]
    assert notes["column"].tolist() == ["Invoice Date"]
    assert "mixes" in notes["problem"].iloc[0]


def test_a_header_without_rows_is_an_empty_ledger():
    led = read_ledger([["Customer", "Invoice Date", "Terms", "Amount"]])
    assert led.empty and is_canonical(led)
