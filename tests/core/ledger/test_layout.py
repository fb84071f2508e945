"""The layout of real exports (issue 14, defects 2, 3, 4 and 8): title blocks and footers,
subtotal and total rows, grouped layouts, the report date of the title block.

Fixtures follow the vendors' public layouts: QuickBooks *A/R Aging Detail* (title block,
one section per aging bucket, ``Total for <section>``, ``TOTAL``, a printed-at footer),
Accurate *Rincian Umur Piutang* (customer heading rows, ``Total <customer>``, ``Jumlah Total``,
Indonesian dates and amounts), Xero *Aged Receivables Detail* (contact heading rows, bucket
columns and a ``Total`` column, ``Total <contact>``, ``As at`` date).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from export_samples import ACCURATE_CSV
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from xl_ar.core import aging, load_ledger, read_ledger
from xl_ar.core.ledger.layout import is_bucket_title, is_total_label, title_date
from xl_ar.errors import LedgerError, XlArError
from xl_ar.reports.catalog import build_report

AS_OF = "2024-12-31"


def totals(ledger: pd.DataFrame, as_of: str = AS_OF) -> dict[str, float]:
    """Open amount per customer at ``as_of`` (the aging's Total column)."""
    table = aging(ledger, as_of)
    return {
        str(k): round(float(v), 2) for k, v in zip(table["customer"], table["Total"], strict=True)
    }


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------- defect 2: title block, footer
TITLED_CSV = """PT Sumber Makmur
Laporan Piutang Usaha
Per Tanggal 31 Des 2024
Mata Uang: IDR

Customer,Invoice,Invoice Date,Due Date,Amount
PT Andalas,F-001,01/11/2024,01/12/2024,1000
PT Andalas,F-002,15/11/2024,15/12/2024,500
CV Borneo,F-003,28/12/2024,27/01/2025,200

Dicetak 02/01/2025 10:31
Page 1 of 1
"""


def test_csv_title_block_and_footers_are_left_out_and_said(tmp_path):
    got = load_ledger(write(tmp_path, "piutang.csv", TITLED_CSV))
    assert got.ok, got.problems
    assert list(got.ledger.index) == [7, 8, 9]
    assert totals(got.ledger) == {"CV Borneo": 200.0, "PT Andalas": 1500.0, "Total": 1700.0}
    assert got.notes[:3] == (
        "4 title lines above the header skipped: 'PT Sumber Makmur', 'Laporan Piutang Usaha', "
        "'Per Tanggal 31 Des 2024' … (1 more)",
        "report date in the title: 2024-12-31 ('Per Tanggal 31 Des 2024')",
        "2 footer lines below the data left out: 'Dicetak 02/01/2025 10:31', 'Page 1 of 1'",
    )


def test_xlsx_title_block_and_footer_read_like_the_csv(tmp_path):
    book = Workbook()
    sheet = book.active
    for line in (["PT Sumber Makmur"], ["Laporan Piutang Usaha"], ["Per", dt.datetime(2024, 12, 31)],
                 [], ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
                 ["PT Andalas", "F-001", dt.datetime(2024, 11, 1), dt.datetime(2024, 12, 1), 1000],
                 ["PT Andalas", "F-002", dt.datetime(2024, 11, 15), dt.datetime(2024, 12, 15), 500],
                 ["CV Borneo", "F-003", dt.datetime(2024, 12, 28), dt.datetime(2025, 1, 27), 200],
                 [], ["Printed on 02/01/2025 10:31"]):  # fmt: skip
        sheet.append(line)
    book.save(tmp_path / "piutang.xlsx")
    got = load_ledger(tmp_path / "piutang.xlsx")
    assert got.ok, got.problems
    assert totals(got.ledger) == {"CV Borneo": 200.0, "PT Andalas": 1500.0, "Total": 1700.0}
    assert got.as_of == pd.Timestamp("2024-12-31") and got.as_of_line == "Per, 2024-12-31"


def test_a_title_block_without_a_header_is_one_clear_line(tmp_path):
    path = write(tmp_path, "judul.csv", "PT Sumber Makmur\nPer Tanggal 31 Des 2024\n\nHalaman 1\n")
    with pytest.raises(XlArError) as err:
        load_ledger(path)
    assert "\n" not in str(err.value) and len(str(err.value)) <= 255


# ----------------------------------------------------------- defect 3: subtotal and total rows
TOTALS_CSV = """Customer,Invoice,Invoice Date,Due Date,Amount
PT Andalas,F-001,01/11/2024,01/12/2024,1000
PT Andalas,F-002,15/11/2024,15/12/2024,500
Subtotal PT Andalas,,,,1500
CV Borneo,F-003,28/12/2024,27/01/2025,200
Total CV Borneo,,,,200
UD Cahaya,F-004,01/09/2024,01/10/2024,300
Total for UD Cahaya,,,,300
Jumlah,,,,2000
TOTAL,,,,2000
Grand Total,,,,2000
"""


def test_total_rows_are_left_out_said_and_proven(tmp_path):
    got = load_ledger(write(tmp_path, "totals.csv", TOTALS_CSV))
    assert got.ok, got.problems
    assert list(got.ledger.index) == [2, 3, 5, 7]
    assert totals(got.ledger) == {
        "CV Borneo": 200.0, "PT Andalas": 1500.0, "UD Cahaya": 300.0, "Total": 2000.0,
    }  # fmt: skip
    assert got.notes == (
        "6 total rows left out: row 4 'Subtotal PT Andalas' 1,500; row 6 'Total CV Borneo' 200; "
        "row 8 'Total for UD Cahaya' 300 … (3 more)",
    )


def test_a_total_that_does_not_add_up_is_a_problem(tmp_path):
    path = write(tmp_path, "off.csv", TOTALS_CSV.replace("Subtotal PT Andalas,,,,1500",
                                                       "Subtotal PT Andalas,,,,1600"))  # fmt: skip
    got = load_ledger(path)
    assert got.problems.to_dict("records") == [
        {"row": 4, "column": "Amount", "value": "1600",
         "problem": "is a total row (left out) but the rows it totals add up to 1,500"},
    ]  # fmt: skip
    with pytest.raises(LedgerError, match="row 4 'Amount': '1600' is a total row"):
        read_ledger(path)


def test_a_customer_named_total_with_an_invoice_date_is_an_item():
    got = load_ledger([["Customer", "Invoice Date", "Due Date", "Amount"],
                       ["Total Energies", "2024-12-01", "2024-12-31", 70],
                       ["PT Jumlah Makmur", "2024-12-02", "2024-12-31", 30]])  # fmt: skip
    assert got.ok and got.notes == ()
    assert totals(got.ledger) == {"PT Jumlah Makmur": 30.0, "Total Energies": 70.0, "Total": 100.0}


@pytest.mark.parametrize(
    ("label", "total"),
    [("Subtotal PT A", True), ("Total PT A", True), ("Total for Current", True), ("TOTAL", True),
     ("Jumlah", True), ("Jumlah Total", True), ("Grand Total", True), ("Totalindo", False),
     ("PT Total", False), ("Current", False)],
)  # fmt: skip
def test_total_labels(label, total):
    assert is_total_label(label) is total


@pytest.mark.parametrize(
    "label",
    ["Current", "1 - 30 days past due", "31 - 60 days past due", "91 or more days past due",
     "Belum Jatuh Tempo", "1-30 hari", "> 90 hari", "Older"],
)  # fmt: skip
def test_bucket_titles(label):
    assert is_bucket_title(label)


# ------------------------------------------------------------------ defect 4: grouped layouts
def quickbooks_aging_detail(path):
    """QuickBooks Online *A/R Aging Detail* exported to Excel: title block, one section per
    aging bucket (title row, rows, ``Total for <section>``), ``TOTAL``, a printed-at footer."""
    book = Workbook()
    sheet = book.active
    d = dt.datetime
    header = ["", "Date", "Transaction Type", "Num", "Customer", "Due Date", "Past Due",
              "Amount", "Open Balance"]  # fmt: skip
    rows = [
        ["Craig's Design and Landscaping Services"], ["A/R Aging Detail"],
        ["As of December 31, 2024"], [], header,
        ["Current"],
        ["", d(2024, 12, 15), "Invoice", "1037", "Sonnenschein Family Store", d(2025, 1, 14),
         -14, 362.07, 362.07],
        ["", d(2024, 12, 20), "Invoice", "1038", "Amy's Bird Sanctuary", d(2025, 1, 19), -19,
         600.0, 600.0],
        ["Total for Current", None, None, None, None, None, None, 962.07, 962.07],
        ["1 - 30 days past due"],
        ["", d(2024, 11, 10), "Invoice", "1030", "Freeman Sporting Goods", d(2024, 12, 10), 21,
         226.0, 226.0],
        ["Total for 1 - 30 days past due", None, None, None, None, None, None, 226.0, 226.0],
        ["91 or more days past due"],
        ["", d(2024, 8, 1), "Invoice", "1010", "Amy's Bird Sanctuary", d(2024, 8, 31), 122,
         150.0, 150.0],
        ["Total for 91 or more days past due", None, None, None, None, None, None, 150.0, 150.0],
        ["TOTAL", None, None, None, None, None, None, 1338.07, 1338.07],
        [], [], ["Tuesday, Jan 07, 2025 10:03:17 AM GMT-08:00"],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_quickbooks_bucket_sections_are_titles_not_items(tmp_path):
    got = load_ledger(quickbooks_aging_detail(tmp_path / "ar_aging_detail.xlsx"))
    assert got.ok, got.problems
    assert len(got.ledger) == 4 and got.as_of == pd.Timestamp(AS_OF)
    assert totals(got.ledger) == {
        "Amy's Bird Sanctuary": 750.0, "Freeman Sporting Goods": 226.0,
        "Sonnenschein Family Store": 362.07, "Total": 1338.07,
    }  # fmt: skip
    table = aging(got.ledger, AS_OF, by="total").iloc[0]
    assert table[["Current", "1-30", ">90"]].round(2).tolist() == [962.07, 226.0, 150.0]
    assert (
        "3 section title rows left out: 'Current', '1 - 30 days past due', "
        "'91 or more days past due'" in got.notes
    )
    assert any(n.startswith("4 total rows left out: row 9 'Total for Current' 962.07;")
               for n in got.notes)  # fmt: skip


def test_accurate_customer_headings_are_filled_down(tmp_path):
    got = load_ledger(write(tmp_path, "rincian_umur_piutang.csv", ACCURATE_CSV))
    assert got.ok, got.problems
    assert totals(got.ledger) == {
        "CV Borneo": 2_000_000.0, "PT Andalas Jaya": 15_500_000.0, "Total": 17_500_000.0,
    }  # fmt: skip
    assert got.ledger.attrs["xl_ar_headers"]["customer"] == "Customer (from headings)"
    assert (
        "2 customer headings filled down onto the rows below: 'PT Andalas Jaya', "
        "'CV Borneo'" in got.notes
    )


XERO_CSV = """Aged Receivables Detail
Demo Company (Global)
As at 31 December 2024

Invoice Date,Invoice Number,Invoice Reference,Due Date,Current,< 1 Month,1 Month,2 Months,3 Months,Older,Total
Bayside Club
10 Dec 2024,INV-0041,P/O 9711,9 Jan 2025,234.00,0.00,0.00,0.00,0.00,0.00,234.00
1 Nov 2024,INV-0030,,1 Dec 2024,0.00,0.00,1050.00,0.00,0.00,0.00,1050.00
Total Bayside Club,,,,234.00,0.00,1050.00,0.00,0.00,0.00,1284.00
Ridgeway University
15 Jul 2024,INV-0010,Training,14 Aug 2024,0.00,0.00,0.00,0.00,0.00,6187.50,6187.50
Total Ridgeway University,,,,0.00,0.00,0.00,0.00,0.00,6187.50,6187.50
Total,,,,234.00,0.00,1050.00,0.00,0.00,6187.50,7471.50
"""


def test_xero_contact_headings_are_filled_down(tmp_path):
    got = load_ledger(write(tmp_path, "aged_receivables_detail.csv", XERO_CSV))
    assert got.ok, got.problems
    assert totals(got.ledger) == {
        "Bayside Club": 1284.0, "Ridgeway University": 6187.5, "Total": 7471.5,
    }  # fmt: skip
    assert got.as_of == pd.Timestamp(AS_OF)


# --------------------------------------------------------------------- defect 8: the as-of date
@pytest.mark.parametrize(
    ("lines", "day"),
    [(["Per 31/12/2024"], "2024-12-31"), (["Per Tanggal 31 Des 2024"], "2024-12-31"),
     (["As of December 31, 2024"], "2024-12-31"), (["Aged as of 31 Dec 2024"], "2024-12-31"),
     (["Periode 01/12/2024 - 31/12/2024"], "2024-12-31"), (["31 December 2024"], "2024-12-31"),
     (["As at 12/31/2024"], "2024-12-31"), (["PT Permata", "Dicetak 02/01/2025"], None)],
)  # fmt: skip
def test_report_date_of_a_title_block(lines, day):
    found, _ = title_date(lines)
    assert (None if found is None else str(found.date())) == day


def test_the_report_date_in_the_title_is_the_default_as_of(tmp_path):
    got = load_ledger(write(tmp_path, "piutang.csv", TITLED_CSV))
    report = build_report(got, reports="aging")
    assert report.as_of == pd.Timestamp("2024-12-31")  # not the latest invoice, 28 Dec
    assert report.conventions["as-of date"] == (
        "the report date in the title ('Per Tanggal 31 Des 2024')"
    )
    plain = build_report(got.ledger, reports="aging")
    assert plain.as_of == pd.Timestamp("2024-12-28")  # no title: the latest ledger date


# ---------------------------------------------------------------------------- the invariant
_customers = st.sampled_from(["PT Andalas", "CV Borneo", "UD Cahaya", "Toko Dewi"])
_item = st.tuples(
    _customers,
    st.integers(0, 400),  # invoice day after 2024-01-01
    st.sampled_from([0, 14, 30, 60]),
    st.integers(1, 10_000_000).map(lambda c: c / 100),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(_item, min_size=1, max_size=25), grand=st.booleans())
def test_title_block_and_subtotals_never_change_the_aging(items, grand):
    start = dt.date(2024, 1, 1)
    header = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"]
    clean = [header]
    for i, (cust, day, terms, amount) in enumerate(sorted(items)):
        inv = start + dt.timedelta(days=day)
        clean.append([cust, f"F-{i}", inv.isoformat(),
                      (inv + dt.timedelta(days=terms)).isoformat(), amount])  # fmt: skip
    export = [["PT Sumber Makmur"], ["Rincian Umur Piutang"], ["Per Tanggal 31 Des 2024"], [],
              header]  # fmt: skip
    for cust in dict.fromkeys(r[0] for r in clean[1:]):
        mine = [r for r in clean[1:] if r[0] == cust]
        export += [*mine, [f"Subtotal {cust}", None, None, None, round(sum(r[4] for r in mine), 2)]]
    if grand:
        export.append(["Grand Total", None, None, None, round(sum(r[4] for r in clean[1:]), 2)])
    export += [[], ["Page 1 of 1"]]
    want = aging(read_ledger(clean), AS_OF)
    got = load_ledger(export)
    assert got.ok, got.problems
    pd.testing.assert_frame_equal(aging(got.strict(), AS_OF), want)
    assert got.as_of == pd.Timestamp(AS_OF)
