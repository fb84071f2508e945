"""Withholding records, the csv xl-ar writes and reads back, and the slip (bukti potong) tracker."""

from __future__ import annotations

import pandas as pd
import pytest

from xl_ar.core import (
    apply_payments,
    read_ledger,
    read_withholding,
    tax_rules,
    withholding_records,
    withholding_slips,
)
from xl_ar.core.cash_application.withholding_slips import RECORD_COLUMNS, RECORD_HEADERS
from xl_ar.errors import XlArError

TAX = tax_rules(withholders={"PT Jasa": "PPh 23", "PT Negara": "WAPU + PPh 22"})


def applied_table():
    led = read_ledger([
        ["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
        ["PT Jasa", "INV-1", "2024-01-05", 30, 11_100_000],
        ["PT Negara", "INV-2", "2024-01-06", 30, 11_100_000],
        ["CV Toko", "INV-3", "2024-01-06", 30, 1_000_000],
    ])  # fmt: skip
    pays = pd.DataFrame({
        "payment": ["P1", "P2", "P3"],
        "date": pd.to_datetime(["2024-02-01", "2024-03-15", "2024-03-20"]),
        "amount": [10_900_000.0, 9_850_000.0, 993_500.0],
        "customer": ["PT Jasa", "PT Negara", "CV Toko"], "memo": [None] * 3,
    })  # fmt: skip
    return apply_payments(led, pays, tax=TAX)


def as_lists(frame, columns):
    part = frame[list(columns)].astype(object)
    return part.where(part.notna(), None).to_numpy().tolist()


def test_records_one_row_per_withheld_amount_wapu_split():
    records = withholding_records(applied_table(), TAX)
    assert tuple(records.columns) == RECORD_COLUMNS
    assert as_lists(records, ("date", "customer", "invoice", "receipt", "type", "base", "rate",
                              "amount", "slip")) == [
        [pd.Timestamp("2024-02-01"), "PT Jasa", "INV-1", "P1", "PPh 23", 10_000_000.0, 0.02,
         200_000.0, None],
        [pd.Timestamp("2024-03-15"), "PT Negara", "INV-2", "P2", "PPN WAPU", 10_000_000.0, 0.11,
         1_100_000.0, None],
        [pd.Timestamp("2024-03-15"), "PT Negara", "INV-2", "P2", "PPh 22", 10_000_000.0, 0.015,
         150_000.0, None],
    ]  # fmt: skip
    assert records["amount"].sum() == applied_table()["withheld"].sum()
    assert withholding_records(applied_table().drop(columns="withheld")).empty


def test_csv_round_trip_with_the_exact_header(tmp_path):
    records = withholding_records(applied_table(), TAX)
    path = tmp_path / "withholding.csv"
    out = records.copy()
    out["date"] = out["date"].dt.strftime("%Y-%m-%d")
    out.to_csv(path, index=False, header=list(RECORD_HEADERS))
    assert (
        path.read_text().splitlines()[0]
        == "Date,Customer,Invoice,Receipt,Type,Base,Rate,Amount,Slip No"
    )
    back = read_withholding(path)
    pd.testing.assert_frame_equal(back, records, check_dtype=False)


def test_indonesian_headers_and_several_sources():
    january = [["Tanggal", "Pelanggan", "No Faktur", "Penerimaan", "Jenis", "DPP", "Tarif",
                "Jumlah", "No Bukti Potong"],
               ["05/01/2024", "PT Jasa", "INV-9", "P9", "PPh23", "5.000.000", "2%", "100.000",
                "BP-001"]]  # fmt: skip
    february = [
        list(RECORD_HEADERS),
        ["2024-02-01", "PT Jasa", "INV-1", "P1", "PPh 23", 10_000_000, 0.02, 200_000, None],
    ]
    got = read_withholding(january, february, number_format="id")
    assert as_lists(got, ("date", "type", "rate", "amount", "slip")) == [
        [pd.Timestamp("2024-01-05"), "PPh 23", 0.02, 100_000.0, "BP-001"],
        [pd.Timestamp("2024-02-01"), "PPh 23", 0.02, 200_000.0, None],
    ]
    with pytest.raises(XlArError, match="^withholding records: no amount column"):
        read_withholding([["Tanggal", "Pelanggan", "Jenis"], ["05/01/2024", "A", "PPh 23"]])
    with pytest.raises(
        XlArError, match=r"^withholding records: row 2 'Jumlah': 'abc' is not an amount"
    ):
        read_withholding(
            [["Tanggal", "Pelanggan", "Jenis", "Jumlah"], ["05/01/2024", "A", "PPh 23", "abc"]]
        )


RECORDS = [
    list(RECORD_HEADERS),
    ["2024-01-10", "PT Jasa", "INV-1", "P1", "PPh 23", 10_000_000, "2%", 200_000, None],
    ["2024-02-20", "PT Jasa", "INV-2", "P2", "PPh 23", 2_500_000, "2%", 50_000, None],
    ["2024-03-01", "PT Budi", "INV-3", "P3", "PPh 23", 5_000_000, "2%", 100_000, None],
    ["2024-03-05", "PT Citra", "INV-4", "P4", "PPh 22", 2_000_000, "1.5%", 30_000, None],
    ["2024-03-20", "PT Dua", "INV-5", "P5", "PPh 23", 1_000_000, "2%", 20_000, "BP-77"],
    ["2023-11-30", "PT Lama", "INV-6", "P6", "PPh 23", 7_500_000, "2%", 150_000, None],
]
SLIPS = [
    ["No Bukti Potong", "Pelanggan", "No Faktur", "Jumlah", "Tanggal"],
    ["BP-9", "p.t. budi", "INV-3", "100.000", "15/03/2024"],  # by invoice, same amount
    ["BP-10", "PT Citra", "INV-4", "3.000", "16/03/2024"],  # by invoice, wrong amount
    ["BP-11", "PT Jasa", None, "50.000", "17/03/2024"],  # no invoice: by customer + amount
]


def test_tracker_missing_slips_by_age_differences_and_totals():
    got = withholding_slips(read_withholding(RECORDS), SLIPS, "2024-03-31", number_format="id")
    columns = ("status", "customer", "invoice", "amount", "days", "bucket", "slip",
               "slip_amount", "difference")  # fmt: skip
    assert as_lists(got, columns) == [
        ["missing", "PT Lama", "INV-6", 150_000.0, 122.0, ">90", None, None, None],
        ["missing", "PT Jasa", "INV-1", 200_000.0, 81.0, "61-90", None, None, None],
        ["difference", "PT Citra", "INV-4", 30_000.0, 26.0, "0-30", "BP-10", 3_000.0, 27_000.0],
        ["total", None, None, 0.0, None, "0-30", None, None, None],
        ["total", None, None, 0.0, None, "31-60", None, None, None],
        ["total", None, None, 200_000.0, None, "61-90", None, None, None],
        ["total", None, None, 150_000.0, None, ">90", None, None, None],
        ["total", None, None, 350_000.0, None, "Total", None, None, None],
    ]


def test_tracker_without_register_and_custom_buckets():
    got = withholding_slips(read_withholding(RECORDS), None, "2024-03-31", buckets=(45,))
    missing = got[got["status"].eq("missing")]
    assert missing["invoice"].tolist() == ["INV-6", "INV-1", "INV-2", "INV-3", "INV-4"]
    totals = got[got["status"].eq("total")]
    assert as_lists(totals, ("bucket", "amount")) == [
        ["0-45", 180_000.0],
        [">45", 350_000.0],
        ["Total", 530_000.0],
    ]


def test_tracker_from_an_applied_table_and_amount_match_takes_each_slip_once():
    records = withholding_records(applied_table(), TAX)
    register = [["Slip No", "Customer", "Amount"], ["S-1", "PT Negara", 150_000],
                ["S-2", "PT Negara", 150_000]]  # fmt: skip
    got = withholding_slips(records, register, "2024-04-30")
    assert as_lists(got[got["status"].ne("total")], ("customer", "type", "amount", "days")) == [
        ["PT Jasa", "PPh 23", 200_000.0, 89.0],
        ["PT Negara", "PPN WAPU", 1_100_000.0, 46.0],
    ]
    with pytest.raises(XlArError, match="^slips: no slip column"):
        withholding_slips(records, [["Customer", "Amount"], ["A", 1]], "2024-04-30")
