"""Issue 14, columns and conventions: what real exports call their columns and how they sign.

Each test here failed before issue 14 (balance columns ignored, headers unknown, no column
map, instalments refused as duplicates, undated credit notes refused, a due date before the
invoice date refusing the ledger, negative lines with no way out, month-first text dates
refused by default).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from xl_ar.core import aging, load_ledger, read_ledger
from xl_ar.errors import LedgerError, MissingColumnError, OptionError

AS_OF = dt.date(2024, 12, 31)
HEAD = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"]


def total(ledger: pd.DataFrame) -> float:
    return float(aging(ledger, AS_OF, by="total").iloc[0]["Total"])


# --- 1. balance columns: the open amount is what ages ----------------------------------------
BALANCE_HEADERS = ["Amount Due", "Open Balance", "Terutang", "Sisa Piutang", "Remaining Balance",
                   "Amount Remaining", "Unpaid Amount", "Amount Residual", "Saldo Akhir",
                   "Balance Due", "Balance", "Sisa"]  # fmt: skip


@pytest.mark.parametrize("header", BALANCE_HEADERS)
def test_a_balance_column_beside_the_amount_is_the_open_amount(header):
    got = load_ledger([[*HEAD, header], ["PT A", "F-1", "2024-11-01", "2024-12-01", 1000, 400]])
    assert got.ok
    led = got.ledger
    assert (led.loc[2, "amount"], led.loc[2, "paid"], led.loc[2, "balance"]) == (1000, 600, 400)
    assert total(led) == 400.0


def test_an_open_invoices_export_ages_its_open_amounts_not_its_invoice_totals():
    body = [[*HEAD, "Open Balance"],
            ["PT A", "F-1", "2024-10-01", "2024-10-31", 1_000_000, 1_000_000],
            ["PT A", "F-2", "2024-11-01", "2024-12-01", 2_500_000, 1_200_000],
            ["PT B", "F-3", "2024-12-01", "2024-12-31", 870_000, 300_000]]  # fmt: skip
    got = load_ledger(body)
    assert got.ok
    assert total(got.ledger) == 2_500_000.0  # 4,370,000 before: 74.8 % too high


def test_amount_paid_and_balance_that_disagree_are_a_problem():
    body = [[*HEAD, "Paid", "Open Balance"],
            ["PT A", "F-1", "2024-11-01", "2024-12-01", 1000, 500, 400],
            ["PT A", "F-2", "2024-11-01", "2024-12-01", 1000, 600, 400]]  # fmt: skip
    got = load_ledger(body)
    assert got.problems[["row", "column", "value", "problem"]].values.tolist() == [
        [2, "Open Balance", "400", "is not amount − paid (500)"]
    ]
    with pytest.raises(LedgerError, match=r"^row 2 'Open Balance': '400' is not amount − paid"):
        read_ledger(body)


def test_a_balance_above_the_amount_is_a_problem():
    got = load_ledger(
        [[*HEAD, "Amount Due"], ["PT A", "F-1", "2024-11-01", "2024-12-01", 100, 150]]
    )
    assert got.problems["problem"].tolist() == ["is more than the amount 100"]


# --- 5. headers real exports write ----------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "canon"),
    [("Vendor", "customer"), ("Supplier", "customer"), ("Name 1", "customer"),
     ("Pemasok", "customer"), ("Num", "invoice"), ("No.", "invoice"),
     ("Document Number", "invoice"), ("Document Date", "invoice_date"),
     ("Net due date", "due_date"), ("Due dates", "due_date"), ("Payment Due", "due_date"),
     ("Amount in local currency", "amount"), ("Invoice Total", "amount"),
     ("Transaction Type", "doc_type"), ("Document Type", "doc_type")],
)  # fmt: skip
def test_export_headers_are_recognised(header, canon):
    base = {"customer": "Customer", "invoice": "Invoice", "invoice_date": "Invoice Date",
            "due_date": "Due Date", "amount": "Amount", "doc_type": "Type"}  # fmt: skip
    base[canon] = header
    value = {"doc_type": "Invoice"}.get(canon)
    row = {"customer": "PT A", "invoice": "F-1", "invoice_date": "2024-11-01",
           "due_date": "2024-12-01", "amount": 250, "doc_type": "Invoice"}  # fmt: skip
    if value:
        row[canon] = value
    led = read_ledger([list(base.values()), list(row.values())])
    assert led.attrs["xl_ar_headers"][canon] == header
    assert (led.loc[2, "customer"], led.loc[2, "amount"]) == ("PT A", 250.0)


@pytest.mark.parametrize(
    ("kind", "doc_type", "amount"),
    [("Credit Memo", "credit_note", -100.0), ("Credit Note", "credit_note", -100.0),
     ("Retur", "credit_note", -100.0), ("Retur Penjualan", "credit_note", -100.0),
     ("Payment", "payment", -100.0), ("RV", "invoice", 100.0), ("DR", "invoice", 100.0),
     ("DG", "credit_note", -100.0), ("DZ", "payment", -100.0)],
)  # fmt: skip
def test_document_type_values_of_real_exports(kind, doc_type, amount):
    led = read_ledger([["Customer", "Document Type", "Document Date", "Net due date",
                        "Amount in local currency"],
                       ["PT A", kind, "2024-11-01", "2024-12-01", 100]])  # fmt: skip
    assert (led.loc[2, "doc_type"], led.loc[2, "amount"]) == (doc_type, amount)


def test_an_ap_ledger_ages_like_an_ar_ledger():
    body = [["Vendor", "Num", "Document Date", "Payment Due", "Invoice Total", "Balance Due"],
            ["CV Sumber", "B-1", "2024-10-01", "2024-10-31", 900, 900],
            ["CV Sumber", "B-2", "2024-12-01", "2025-01-30", 500, 200]]  # fmt: skip
    table = aging(read_ledger(body), AS_OF, by="total")
    assert table.iloc[0][["Current", "61-90", "Total"]].tolist() == [200.0, 900.0, 1100.0]


# --- column mapping -------------------------------------------------------------------------
UNKNOWN = [["Klien", "Nomor", "Tgl Faktur", "Tgl Jatuh Tempo", "Nilai", "Saldo Terbuka"],
           ["PT A", "F-1", "2024-11-01", "2024-12-01", 1000, 400]]  # fmt: skip


def test_a_column_map_names_the_columns_the_synonyms_do_not_know():
    with pytest.raises(MissingColumnError):
        load_ledger(UNKNOWN)
    mapping = {"Klien": "customer", "Tgl Jatuh Tempo": "due_date", "Saldo Terbuka": "balance"}
    led = read_ledger(UNKNOWN, columns=mapping)
    assert (led.loc[2, "customer"], led.loc[2, "amount"], led.loc[2, "balance"]) == (
        "PT A", 1000.0, 400.0,
    )  # fmt: skip
    assert led.attrs["xl_ar_headers"]["balance"] == "Saldo Terbuka"
    text = "Klien=customer, Tgl Jatuh Tempo=Jatuh Tempo; Saldo Terbuka=Sisa"
    pd.testing.assert_frame_equal(read_ledger(UNKNOWN, columns=text), led)


def test_the_map_wins_over_a_synonym_and_can_ignore_a_column():
    body = [["Customer", "Invoice Date", "Due Date", "Amount", "Jumlah"],
            ["PT A", "2024-11-01", "2024-12-01", 1000, 7]]  # fmt: skip
    assert read_ledger(body, columns="Jumlah=ignore").loc[2, "amount"] == 1000.0
    assert read_ledger(body, columns="Jumlah=amount, Amount=ignore").loc[2, "amount"] == 7.0
    led = read_ledger(body, columns="Jumlah=balance")
    assert (led.loc[2, "amount"], led.loc[2, "balance"]) == (1000.0, 7.0)


def test_the_missing_column_message_lists_the_headers_and_the_map_that_fixes_it():
    with pytest.raises(MissingColumnError) as err:
        load_ledger(UNKNOWN[:1] and [UNKNOWN[0][1:], UNKNOWN[1][1:]])
    assert str(err.value) == (
        "no 'customer' column (e.g. 'Customer', 'Pelanggan'); headers found: 'Nomor', "
        "'Tgl Faktur', 'Tgl Jatuh Tempo', 'Nilai', 'Saldo Terbuka'; to use one: "
        '--map "Header=customer"'  # 'Nomor' (a number), dates and amounts cannot be the customer
    )
    wide = [[f"Kolom yang sangat panjang nomor {i} " + "x" * 60 for i in range(40)], [1] * 40]
    with pytest.raises(MissingColumnError) as err:
        load_ledger(wide)
    assert len(str(err.value)) <= 255
    assert str(err.value).endswith('; to use one: --map "Header=customer"')


@pytest.mark.parametrize(
    ("columns", "message"),
    [("Klien", "column map: 'Klien' is not 'Header=role' (e.g. \"Open Balance=balance\")"),
     ("Klien=pelangan", "column map: 'pelangan' is not a ledger column (use e.g. customer, "
      "invoice, invoice_date, due_date, terms_days, amount, paid, balance, doc_type or ignore)"),
     ("Klient=customer", "column map: no header 'klient' in the ledger; headers found: 'Klien', "
      "'Nomor', 'Tgl Faktur', 'Tgl Jatuh Tempo', 'Nilai', 'Saldo Terbuka'"),
     ("Klien=customer,Nomor=customer", "column map: two headers are mapped to 'customer'"),
     ("=customer", "column map: '=customer' is not 'Header=role' (e.g. \"Open Balance=balance\")"),
     ("x" * 3000, "column map: longer than 2000 characters"),
     (42, "column map: give 'Header=role' pairs (e.g. \"Open Balance=balance\")")],
)  # fmt: skip
def test_a_bad_map_is_one_clear_line(columns, message):
    with pytest.raises(OptionError) as err:
        load_ledger(UNKNOWN, columns=columns)
    assert str(err.value) == message


def test_column_map_reads_roles_as_names_or_synonyms():
    from xl_ar.core import column_map

    assert column_map("A=due, B=Tanggal Faktur, C=-, D=type") == {
        "a": "due_date", "b": "invoice_date", "c": "ignore", "d": "doc_type",
    }  # fmt: skip


# --- 6. conventions -------------------------------------------------------------------------
def test_instalments_of_one_invoice_are_due_lines_not_duplicates():
    body = [HEAD,
            ["PT A", "SINV-1", "2024-09-01", "2024-10-01", 300],
            ["PT A", "SINV-1", "2024-09-01", "2024-11-01", 300],
            ["PT A", "SINV-1", "2024-09-01", "2024-12-01", 400],
            ["PT B", "SINV-2", "2024-09-01", "2024-10-01", 50],
            ["PT B", "SINV-2", "2024-09-01", "2024-10-01", 50],
            ["PT C", "SINV-3", "2024-09-01", "2024-10-01", 70],
            ["PT D", "SINV-3", "2024-09-05", "2024-11-01", 70]]  # fmt: skip
    # rows 5-6: same due date, a repeat; rows 7-8: another customer and date, a repeat

    got = load_ledger(body)
    assert got.problems[["row", "problem"]].values.tolist() == [
        [6, "repeats the number of row 5"], [8, "repeats the number of row 7"],
    ]  # fmt: skip
    assert got.notes == ("1 invoice in instalments (one number, several due dates): 3 due lines",)
    table = aging(read_ledger(body[:4]), AS_OF, by="total")
    assert table.iloc[0][["1-30", "31-60", "61-90", ">90", "Total"]].tolist() == [
        400.0, 300.0, 0.0, 300.0, 1000.0,
    ]  # fmt: skip


def test_credit_notes_and_payments_without_a_due_date_age_from_their_document_date():
    body = [["Customer", "Type", "Invoice", "Invoice Date", "Due Date", "Amount"],
            ["PT A", "Invoice", "F-1", "2024-09-01", "2024-10-01", 1000],
            ["PT A", "Credit Note", "CN-1", "2024-10-15", None, 200],
            ["PT A", "Payment", "PAY-1", "2024-12-20", "", 300],
            ["PT A", "Invoice", "F-2", "2024-12-01", None, 50]]  # fmt: skip
    got = load_ledger(body)
    assert got.problems[["row", "column", "problem"]].values.tolist() == [
        [5, "Due Date", "is blank (and no terms)"]
    ]
    assert got.notes == (
        "2 credit notes or payments without a due date age from the document date",
    )
    led = read_ledger(body[:4])
    assert led["due_date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-10-01", "2024-10-15", "2024-12-20",
    ]  # fmt: skip
    table = aging(led, AS_OF, by="total")
    assert table.iloc[0][["1-30", "61-90", ">90", "Total"]].tolist() == [
        -300.0, -200.0, 1000.0, 500.0,
    ]  # fmt: skip


def test_a_due_date_before_the_invoice_date_ages_by_the_due_date_with_a_note():
    body = [HEAD,
            ["PT A", "OB-1", "2024-01-01", "2023-11-30", 500],  # opening balance
            ["PT A", "F-2", "2024-12-01", "2024-12-31", 100]]  # fmt: skip
    got = load_ledger(body)
    assert got.ok
    assert got.notes == (
        "1 row has a due date before the invoice date (first: row 2): aged by the due date",
    )
    assert aging(got.ledger, AS_OF, by="total").iloc[0][[">90", "Current"]].tolist() == [
        500.0, 100.0,
    ]  # fmt: skip


NEGATIVE = [HEAD,
            ["PT A", "F-1", "2024-11-01", "2024-12-01", 1000],
            ["PT A", "CN-1", "2024-11-20", "2024-11-20", -250],
            ["PT A", "CN-2", "2024-12-10", "2024-12-10", -50]]  # fmt: skip


def test_negative_lines_without_a_type_are_refused_by_default():
    got = load_ledger(NEGATIVE)
    assert (
        got.problems["problem"].tolist()
        == ["is negative but not marked as a credit note (add a Type/Jenis column)"] * 2
    )


def test_negative_lines_read_as_credit_notes_when_asked():
    got = load_ledger(NEGATIVE, negative="credit-note")
    assert got.ok
    assert got.notes == ("2 negative lines without a type read as credit notes "
                         "(negative = credit-note)",)  # fmt: skip
    assert got.ledger["doc_type"].tolist() == ["invoice", "credit_note", "credit_note"]
    assert total(got.ledger) == 700.0
    with pytest.raises(OptionError, match="^negative must be 'refuse' or 'credit-note', not 'x'$"):
        load_ledger(NEGATIVE, negative="x")


# --- 7. text dates: the order decided once per ledger ---------------------------------------
def test_month_first_text_dates_are_read_with_no_option():
    body = [HEAD,
            ["A", "1", "1/2/2013", "2/1/2013", 10],
            ["A", "2", "1/26/2013", "2/25/2013", 20]]  # fmt: skip
    got = load_ledger(body)
    assert got.ok
    assert got.ledger["invoice_date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2013-01-02", "2013-01-26",
    ]  # fmt: skip
    assert got.notes == ("text dates read month first (mdy): 'Invoice Date' has '1/26/2013', "
                         "a date only that order reads",)  # fmt: skip
    # a due column that reads either way follows the ledger's order: 1 Feb, not 2 Jan
    assert got.ledger.loc[2, "due_date"] == pd.Timestamp("2013-02-01")


def test_day_first_stays_the_default_when_no_cell_decides():
    got = load_ledger([HEAD, ["A", "1", "01/02/2024", "03/02/2024", 10]])
    assert got.ok and got.notes == ()
    assert got.ledger.loc[2, "invoice_date"] == pd.Timestamp("2024-02-01")


def test_columns_that_contradict_each_other_are_refused_naming_the_option():
    body = [HEAD, ["A", "1", "31/01/2024", "02/29/2024", 10]]
    with pytest.raises(OptionError) as err:
        load_ledger(body)
    assert str(err.value) == (
        "'Invoice Date' has day-first dates ('31/01/2024') and 'Due Date' month-first ones "
        "('02/29/2024'): set the date order (--date-order dmy or mdy; date_order in a function)"
    )
    with pytest.raises(LedgerError, match=r"row 2 'Due Date': '02/29/2024' is not a valid dmy"):
        read_ledger(body, date_order="dmy")


def test_one_column_with_both_orders_takes_the_larger_and_reports_the_rest():
    from xl_ar.core import decide_date_order

    order, note = decide_date_order({"D": ["13/01/2024", "14/01/2024", "01/31/2024"]})
    assert (order, note) == ("dmy", None)
    body = [HEAD, *[["A", str(i), d, "2024-03-01", 1] for i, d in
                    enumerate(["13/01/2024", "14/01/2024", "01/31/2024"])]]  # fmt: skip
    assert load_ledger(body).problems["row"].dropna().tolist() == [4]
