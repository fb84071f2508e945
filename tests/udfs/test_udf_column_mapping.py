"""The worksheet functions' column mapping: a row of roles above the ledger's header row."""

from __future__ import annotations

import datetime as dt

from xl_ar.testing import MISSING, excel_call

DEC_31 = 45657.0  # DATE(2024,12,31)
D = dt.datetime
ROWS = [
    ["PT Maju", "A1", D(2024, 10, 1), D(2024, 10, 31), 1000.0, 400.0],
    ["PT Jaya", "A2", D(2024, 12, 1), D(2025, 1, 31), 500.0, 500.0],
]
#: A balance header xl-ar does not know: without a mapping the amount is aged (1,500).
PLAIN = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Left To Pay"], *ROWS]
#: Headers xl-ar does not know at all.
FOREIGN = [["Kunde", "Beleg", "Belegdatum", "Fällig", "Betrag", "Offen"], *ROWS]
#: Roles by canonical name, alias and known synonym (Sisa = balance).
MAP_ALL = ["customer", "invoice", "invoice date", "due", "amount", "Sisa"]
BUCKETS = ["Current", "1-30", "31-60", "61-90", ">90", "Total"]


def test_a_mapped_balance_column_is_aged_instead_of_the_amount():
    assert excel_call("AR_AGING", PLAIN, DEC_31, MISSING, MISSING, "total") == [
        BUCKETS,
        [500.0, 0.0, 0.0, 1000.0, 0.0, 1500.0],
    ]
    mapped = [[None, None, None, None, None, "balance"], *PLAIN]
    assert excel_call("AR_AGING", mapped, DEC_31, MISSING, MISSING, "total") == [
        BUCKETS,
        [500.0, 0.0, 0.0, 400.0, 0.0, 900.0],
    ]


def test_unknown_headers_are_refused_with_the_sheet_way_out_then_read_when_mapped():
    assert excel_call("AR_AGING", FOREIGN, DEC_31) == (
        "AR_AGING: no 'customer' column (e.g. 'Customer', 'Pelanggan'); headers found: 'Kunde', "
        "'Beleg', 'Belegdatum', 'Fällig', 'Betrag', 'Offen'; map it: customer in a row above "
        "'Kunde'"
    )
    assert excel_call("AR_AGING", [MAP_ALL, *FOREIGN], DEC_31) == [
        ["customer", *BUCKETS],
        ["PT Jaya", 500.0, 0.0, 0.0, 0.0, 0.0, 500.0],
        ["PT Maju", 0.0, 0.0, 0.0, 400.0, 0.0, 400.0],
        ["Total", 500.0, 0.0, 0.0, 400.0, 0.0, 900.0],
    ]


def test_check_reads_the_mapping_and_names_sheet_rows():
    assert excel_call("AR_CHECK", [MAP_ALL, *FOREIGN]) == "OK"
    bad = [MAP_ALL, FOREIGN[0], ["PT Maju", "A1", "x", D(2024, 10, 31), 1000.0, 400.0]]
    # mapping row 1, header row 2: the bad date is on the sheet's row 3
    assert excel_call("AR_CHECK", bad) == [
        ["row", "column", "value", "problem"],
        [3.0, "Belegdatum", "x", "is not a date"],
    ]


def test_open_items_through_the_mapping():
    got = excel_call("AR_OPEN", [MAP_ALL, *FOREIGN], DEC_31)
    assert got[0] == [
        "row", "customer", "invoice", "invoice_date", "due_date", "outstanding",
        "days_past_due", "bucket",
    ]  # fmt: skip
    assert [r[0] for r in got[1:]] == [3.0, 4.0]
    assert [r[5] for r in got[1:]] == [400.0, 500.0]


def test_ignore_keeps_a_second_amount_out():
    rows = [
        ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Jumlah"],
        ["PT Maju", "A1", D(2024, 10, 1), D(2024, 10, 31), 1000.0, 7.0],
    ]
    assert excel_call("AR_AGING", rows, DEC_31).startswith(
        "AR_AGING: columns 'Amount' and 'Jumlah' both look like 'amount'"
    )
    mapped = [[None, None, None, None, None, "ignore"], *rows]
    assert excel_call("AR_AGING", mapped, DEC_31, MISSING, MISSING, "total")[1][-1] == 1000.0


def test_an_unknown_role_is_one_line():
    mapping = ["customer", "invoice", "saldo awal", None, None, None]
    assert excel_call("AR_AGING", [mapping, *FOREIGN], DEC_31) == (
        "AR_AGING: mapping row, column 3: 'saldo awal' is not a ledger column (use e.g. "
        "customer, invoice, invoice_date, due_date, terms_days, amount, paid, balance, "
        "doc_type or ignore)"
    )


def test_a_role_over_an_empty_header_is_no_mapping_row_and_a_repeated_header_is_one_line():
    headers = ["Kunde", None, "Belegdatum", "Fällig", "Betrag", "Offen"]
    mapping = ["customer", "invoice", None, None, None, None]
    # read as the header row itself: the missing columns are named, never a silent reading
    assert excel_call("AR_CHECK", [mapping, headers, *ROWS]) == (
        "AR_CHECK: no 'invoice_date' column (e.g. 'Invoice Date', 'Tanggal Faktur'); headers "
        "found: 'customer', 'invoice', 'column 3', 'column 4', 'column 5', 'column 6'; map it: "
        "invoice_date in a row above its header"  # no header found names a date: no guess
    )
    headers = ["Kunde", "Kunde", "Belegdatum", "Fällig", "Betrag", "Offen"]
    assert excel_call("AR_CHECK", [mapping, headers, *ROWS]) == (
        "AR_CHECK: mapping row, column 2: header 'Kunde' appears twice"
    )


def test_a_header_row_over_blank_rows_is_no_mapping_row():
    rows = [PLAIN[0][:5], [None] * 5, [None] * 5]
    assert excel_call("AR_LETTER", rows, "PT Maju", DEC_31) == (
        "AR_LETTER: customer 'PT Maju' is not in the ledger"
    )


def test_a_title_line_is_no_mapping_and_a_header_row_over_data_is_no_mapping():
    titled = [["Open Invoices", None, None, None, None, None], *PLAIN]
    assert excel_call("AR_CHECK", titled) == [
        ["OK"],
        ["note: 1 title line above the header skipped: 'Open Invoices'"],
    ]
    # canonical names as headers over an all-text data row: still a header row
    text = [
        ["customer", "invoice", "invoice_date", "due_date", "amount"],
        ["PT Maju", "A1", "2024-10-01", "2024-10-31", "1000"],
        ["PT Jaya", "A2", "2024-12-01", "2025-01-31", "500"],
    ]
    assert excel_call("AR_AGING", text, DEC_31, MISSING, MISSING, "total")[1][-1] == 1500.0


def test_the_mapping_row_reaches_reconcile():
    invoices = [[None, None, None, None, None, "balance"], *PLAIN]
    payments = [["Payment", "Date", "Amount", "Customer"], ["P1", D(2024, 12, 5), 400.0, "PT Maju"]]
    got = excel_call("AR_RECONCILE", [MAP_ALL, *FOREIGN], payments)
    assert got == excel_call("AR_RECONCILE", invoices, payments)
    # the open amount is the mapped balance (400), so the payment of 400 matches exactly
    assert [got[1][i] for i in (0, 4, 6, 7, 13, 15)] == [
        "P1",
        "A1",
        400.0,
        400.0,
        "exact",
        "matched",
    ]


def test_reconcile_names_sheet_rows_below_a_mapping_row():
    bad = [MAP_ALL, FOREIGN[0], ["PT Maju", "A1", "x", D(2024, 10, 31), 1000.0, 400.0]]
    payments = [["Payment", "Date", "Amount", "Customer"], ["P1", D(2024, 12, 5), 400.0, "PT Maju"]]
    assert excel_call("AR_RECONCILE", bad, payments) == (
        "AR_RECONCILE: invoices: row 3 'Belegdatum': 'x' is not a date"
    )


def test_a_mapping_row_over_bucket_headers_is_read():
    # an aging export: bucket headers look like numbers, the known headers make it a header row
    headers = [
        "Customer",
        "Invoice",
        "Invoice Date",
        "Due Date",
        "Amount",
        "Left To Pay",
        "1 - 30",
        30.0,
    ]
    rows = [
        [None, None, None, None, None, "balance", None, None],
        headers,
        ["PT Maju", "A1", D(2024, 10, 1), D(2024, 10, 31), 1000.0, 400.0, None, None],
    ]
    assert excel_call("AR_AGING", rows, DEC_31, MISSING, MISSING, "total")[1][-1] == 400.0
    # over unknown headers, a bucket header of text is no number either
    foreign = [MAP_ALL + [None], FOREIGN[0] + ["1 - 30"], [*ROWS[0], None]]
    assert excel_call("AR_AGING", foreign, DEC_31, MISSING, MISSING, "total")[1][-1] == 400.0
