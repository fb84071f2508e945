"""AR_STATEMENT called exactly as Excel calls it: the spilled table, languages, errors."""

from __future__ import annotations

import datetime as dt

import pytest
from cell_errors import assert_one_line_error
from excel_rows import excel_rows

from xl_ar.sample_data import make_sample_ledger
from xl_ar.testing import MISSING, excel_call

D = dt.datetime
HEADER = ["Pelanggan", "No Faktur", "Jenis", "Tanggal Faktur", "Jatuh Tempo", "Jumlah",
          "Dibayar", "Tanggal Bayar"]  # fmt: skip
LEDGER = [
    HEADER,
    ["PT Maju", "F-001", "Faktur", D(2024, 5, 10), D(2024, 6, 9), 1_000_000.0, 1_000_000.0,
     D(2024, 6, 5)],
    ["PT Maju", "F-003", "Faktur", D(2024, 4, 15), D(2024, 5, 15), 750_000.0, 750_000.0,
     D(2024, 7, 5)],
    ["PT Maju", "F-002", "Faktur", D(2024, 6, 3), D(2024, 7, 3), 2_500_000.0, 1_000_000.0,
     D(2024, 6, 20)],
    ["PT Maju", "NK-001", "Nota Kredit", D(2024, 6, 12), D(2024, 6, 12), 300_000.0, 0.0, None],
    ["CV Baru", "F-100", "Faktur", D(2024, 6, 1), D(2024, 7, 1), 90_000.0, 0.0, None],
]  # fmt: skip


def call(*args):
    return excel_call("AR_STATEMENT", *args)


def test_spills_header_opening_lines_closing_and_aging_strip_in_indonesian():
    got = call(LEDGER, "pt. maju", D(2024, 6, 1), D(2024, 6, 30))
    assert got[0] == ["Tanggal", "Jenis", "Dokumen", "Keterangan", "Jatuh Tempo", "Debit",
                      "Kredit", "Saldo"]  # fmt: skip
    assert got[1] == [D(2024, 6, 1), "Saldo Awal", "", "", "", "", "", 1_750_000.0]
    assert got[2] == [D(2024, 6, 3), "Faktur", "F-002", "Faktur F-002", D(2024, 7, 3),
                      2_500_000.0, 0.0, 4_250_000.0]  # fmt: skip
    assert [r[1:3] + r[5:] for r in got[3:6]] == [
        ["Pembayaran", "F-001", 0.0, 1_000_000.0, 3_250_000.0],
        ["Nota Kredit", "NK-001", 0.0, 300_000.0, 2_950_000.0],
        ["Pembayaran", "F-002", 0.0, 1_000_000.0, 1_950_000.0],
    ]
    assert got[6] == [D(2024, 6, 30), "Saldo Akhir", "", "", "", 2_500_000.0, 2_300_000.0,
                      1_950_000.0]  # fmt: skip
    assert got[7] == ["", "Umur Piutang per 30/06/2024", "Belum Jatuh Tempo", "1-30 hari",
                      "31-60 hari", "61-90 hari", ">90 hari", "Total"]  # fmt: skip
    assert got[8] == ["", "", 1_500_000.0, -300_000.0, 750_000.0, 0.0, 0.0, 1_950_000.0]
    assert len(got) == 9 and {len(r) for r in got} == {8}  # rectangular


def test_english_labels_serial_dates_and_more_buckets_widen_the_table():
    got = call(LEDGER, "PT Maju", 45444.0, 45473.0, "en", "15,30,45,60,90,120")
    assert got[0][:8] == ["Date", "Type", "Document", "Description", "Due Date", "Debit",
                          "Credit", "Balance"]  # fmt: skip
    assert {len(r) for r in got} == {11}  # a blank, the label, 8 buckets and Total
    assert got[-2][1:] == ["Aging at 30/06/2024", "Current", "1-15 days", "16-30 days",
                           "31-45 days", "46-60 days", "61-90 days", "91-120 days",
                           ">120 days", "Total"]  # fmt: skip
    assert got[-1][2:] == [1_500_000.0, 0.0, -300_000.0, 0.0, 750_000.0, 0.0, 0.0, 0.0,
                           1_950_000.0]  # fmt: skip
    assert got[1][8:] == ["", "", ""]  # the lines padded to the width


def test_a_payment_without_a_date_is_a_visible_line_and_note():
    rows = [HEADER, ["A", "F-1", "Faktur", D(2024, 6, 10), D(2024, 7, 10), 1000.0, 400.0, None]]
    got = call(rows, "A", D(2024, 6, 1), D(2024, 6, 30), "en")
    assert (
        got[3][3] == "Payment of invoice F-1 (payment date unknown: counted from the document date)"
    )
    assert got[-1][0].startswith("Note: 1 payment without a date (Rp 400) counted from")


def test_demo_ledger_closing_equals_ar_aging_of_the_customer():
    rows = excel_rows(make_sample_ledger())
    aged = excel_call("AR_AGING", rows, D(2024, 12, 31))
    totals = {r[0]: r[-1] for r in aged[1:-1]}
    customer = max(totals, key=totals.get)
    got = call(rows, customer, D(2024, 12, 1), D(2024, 12, 31))
    closing = next(r for r in got if r[1] == "Saldo Akhir")
    assert closing[7] == pytest.approx(totals[customer], abs=0.005)
    assert got[-1][-1] == closing[7]  # the aging strip's total


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((LEDGER, "PT Maja", D(2024, 6, 1), D(2024, 6, 30)),
         "customer 'PT Maja' is not in the ledger (did you mean 'PT Maju'?)"),
        ((LEDGER, "PT Maju", D(2024, 7, 1), D(2024, 6, 30)),
         "the statement starts on 2024-07-01 after it ends on 2024-06-30"),
        ((LEDGER, "PT Maju", D(2024, 6, 1), D(2024, 6, 30), "jv"), "lang"),
        ((LEDGER, MISSING, D(2024, 6, 1), D(2024, 6, 30)), "customer is blank"),
        ((None, "PT Maju", D(2024, 6, 1), D(2024, 6, 30)), "ledger is empty"),
    ],
)  # fmt: skip
def test_errors_are_one_line(args, fragment):
    assert_one_line_error("AR_STATEMENT", call(*args), fragment)
