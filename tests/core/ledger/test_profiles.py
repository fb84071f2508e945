"""Import profiles (issue 14): one fixture per known export, built here as the system writes
it per its public documentation (title block, grouping and subtotals where the system has
them, its date and number formats, a credit note and a part-paid invoice). Each ages to the
hand-computed truth with no option but the as-of date (none when the title carries it).

Where public documentation of a layout is thin (Accurate, Jurnal.id) the fixture follows the
layout users describe; the README says so.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from openpyxl import Workbook

from xl_ar.cli import main
from xl_ar.core import PROFILES, aging, detect_profile, load_ledger, profile_table
from xl_ar.errors import OptionError

AS_OF = "2024-12-31"
d = dt.datetime


def totals(ledger: pd.DataFrame, as_of: str | pd.Timestamp = AS_OF) -> dict[str, float]:
    """Open amount per customer at ``as_of`` (the aging's Total column)."""
    table = aging(ledger, as_of)
    return {
        str(k): round(float(v), 2) for k, v in zip(table["customer"], table["Total"], strict=True)
    }


def csv_file(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def xlsx_file(tmp_path, name: str, rows: list[list]):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / name)
    return tmp_path / name


# ------------------------------------------------------------------------ QuickBooks (US dates)
# A/R Aging Detail as csv: every date reads both ways (day <= 12), so only the profile's
# month-first order reads them right.
QB_AGING_DETAIL = """Craig's Design and Landscaping Services
A/R Aging Detail
"As of December 31, 2024"

,Date,Transaction Type,Num,Customer,Due Date,Past Due,Amount,Open Balance
Current
,12/01/2024,Invoice,1037,Sonnenschein Family Store,01/10/2025,-10,362.07,362.07
,12/10/2024,Invoice,1038,Amy's Bird Sanctuary,01/09/2025,-9,600.00,400.00
Total for Current,,,,,,,962.07,762.07
1 - 30 days past due
,11/10/2024,Invoice,1030,Freeman Sporting Goods,12/10/2024,21,226.00,226.00
,12/05/2024,Credit Memo,1039,Amy's Bird Sanctuary,12/05/2024,26,-100.00,-100.00
Total for 1 - 30 days past due,,,,,,,126.00,126.00
91 or more days past due
,08/01/2024,Invoice,1010,Amy's Bird Sanctuary,09/01/2024,121,"1,150.00",150.00
Total for 91 or more days past due,,,,,,,"1,150.00",150.00
TOTAL,,,,,,,"2,238.07","1,038.07"


"Tuesday, Jan 07, 2025 10:03:17 AM GMT-08:00"
"""


def test_quickbooks_aging_detail(tmp_path):
    got = load_ledger(csv_file(tmp_path, "ar_aging_detail.csv", QB_AGING_DETAIL))
    assert got.ok, got.problems
    assert "read as a QuickBooks A/R Aging Detail export (date order mdy)" in got.notes
    assert got.as_of == pd.Timestamp(AS_OF)
    assert totals(got.ledger, got.as_of) == {
        "Amy's Bird Sanctuary": 450.0, "Freeman Sporting Goods": 226.0,
        "Sonnenschein Family Store": 362.07, "Total": 1038.07,
    }  # fmt: skip
    by_bucket = aging(got.ledger, AS_OF, by="total").iloc[0]
    assert by_bucket[["Current", "1-30", ">90"]].round(2).tolist() == [762.07, 126.0, 150.0]
    # without the profile the day-first default reads 12/01/2024 as 12 January
    generic = load_ledger(tmp_path / "ar_aging_detail.csv", profile="none")
    assert generic.ledger["invoice_date"].iloc[0] == pd.Timestamp("2024-01-12")


def test_quickbooks_open_invoices(tmp_path):
    """QuickBooks Desktop *Open Invoices* to Excel: customer heading rows, ``Total <customer>``,
    ``TOTAL``; the open balance only."""
    rows = [
        ["Craig's Design and Landscaping Services"], ["Open Invoices"],
        ["As of December 31, 2024"], [],
        ["", "Type", "Date", "Num", "P. O. #", "Terms", "Due Date", "Aging", "Open Balance"],
        ["Amy's Bird Sanctuary"],
        ["", "Invoice", d(2024, 12, 1), "1021", "", "Net 30", d(2024, 12, 31), None, 239.0],
        ["", "Credit Memo", d(2024, 11, 1), "1025", "", "", d(2024, 11, 1), 60, -50.0],
        ["Total Amy's Bird Sanctuary", None, None, None, None, None, None, None, 189.0],
        ["Freeman Sporting Goods"],
        ["", "Invoice", d(2024, 10, 15), "1028", "PO-77", "Net 15", d(2024, 10, 30), 62, 80.0],
        ["Total Freeman Sporting Goods", None, None, None, None, None, None, None, 80.0],
        ["TOTAL", None, None, None, None, None, None, None, 269.0],
    ]  # fmt: skip
    got = load_ledger(xlsx_file(tmp_path, "open_invoices.xlsx", rows))
    assert got.ok, got.problems
    assert "read as a QuickBooks Open Invoices export (date order mdy)" in got.notes
    assert totals(got.ledger, got.as_of) == {
        "Amy's Bird Sanctuary": 189.0, "Freeman Sporting Goods": 80.0, "Total": 269.0,
    }  # fmt: skip


# ----------------------------------------------------------------------------------------- Xero
XERO = """Aged Receivables Detail
Demo Company (Global)
As at 31 December 2024
Invoice Date,Invoice Number,Invoice Reference,Due Date,Current,< 1 Month,1 Month,2 Months,3 Months,Older,Total
Bayside Club
10 Dec 2024,INV-0041,P/O 9711,9 Jan 2025,234.00,0.00,0.00,0.00,0.00,0.00,234.00
1 Nov 2024,INV-0030,part paid,1 Dec 2024,0.00,0.00,450.00,0.00,0.00,0.00,450.00
5 Dec 2024,CN-0003,Returned goods,5 Dec 2024,0.00,-50.00,0.00,0.00,0.00,0.00,-50.00
Total Bayside Club,,,,234.00,-50.00,450.00,0.00,0.00,0.00,634.00
Ridgeway University
15 Jul 2024,INV-0010,Training,14 Aug 2024,0.00,0.00,0.00,0.00,0.00,"6,187.50","6,187.50"
Total Ridgeway University,,,,0.00,0.00,0.00,0.00,0.00,"6,187.50","6,187.50"
Total,,,,234.00,-50.00,450.00,0.00,0.00,"6,187.50","6,821.50"
"""


def test_xero_aged_receivables_detail(tmp_path):
    got = load_ledger(csv_file(tmp_path, "aged_receivables_detail.csv", XERO))
    assert got.ok, got.problems
    assert "read as a Xero Aged Receivables Detail export (negative credit-note)" in got.notes
    assert totals(got.ledger, got.as_of) == {
        "Bayside Club": 634.0, "Ridgeway University": 6187.5, "Total": 6821.5,
    }  # fmt: skip
    # generic reading refuses the credit note: nothing says what a negative line is
    assert not load_ledger(tmp_path / "aged_receivables_detail.csv", profile="none").ok


# ------------------------------------------------------------------------------------- Accurate
ACCURATE_DAFTAR = """PT Sumber Makmur
Daftar Piutang
Per Tanggal 31 Des 2024

Pelanggan,No. Faktur,Tgl Faktur,Jatuh Tempo,Nilai Faktur,Terutang
PT Andalas Jaya,F-001,01/10/2024,31/10/2024,"10.000.000","4.000.000"
PT Andalas Jaya,R-001,05/12/2024,05/12/2024,"-1.500.000","-1.500.000"
Total PT Andalas Jaya,,,,"8.500.000","2.500.000"
CV Borneo,F-002,20/12/2024,19/01/2025,"2.750.500","2.750.500"
Total CV Borneo,,,,"2.750.500","2.750.500"
Jumlah,,,,"11.250.500","5.250.500"

Dicetak 02/01/2025 10:31
"""


def test_accurate_daftar_piutang(tmp_path):
    got = load_ledger(csv_file(tmp_path, "daftar_piutang.csv", ACCURATE_DAFTAR))
    assert got.ok, got.problems
    assert (
        "read as an Accurate Daftar Piutang export (number format id; negative credit-note)"
        in got.notes
    )
    assert totals(got.ledger, got.as_of) == {
        "CV Borneo": 2_750_500.0, "PT Andalas Jaya": 2_500_000.0, "Total": 5_250_500.0,
    }  # fmt: skip


def test_accurate_rincian_umur_piutang(tmp_path):
    rows = [
        ["PT Sumber Makmur"], ["Rincian Umur Piutang"], ["Per Tanggal 31 Des 2024"], [],
        ["No. Faktur", "Tgl Faktur", "Jatuh Tempo", "Umur", "Nilai Faktur", "Sisa Piutang"],
        ["PT Andalas Jaya"],
        ["F-001", d(2024, 11, 1), d(2024, 12, 1), 30, 10_000_000, 6_000_000],
        ["F-002", d(2024, 12, 15), d(2025, 1, 14), 0, 5_500_000, 5_500_000],
        ["Total PT Andalas Jaya", None, None, None, 15_500_000, 11_500_000],
        ["CV Borneo"],
        ["F-003", d(2024, 9, 20), d(2024, 10, 20), 72, 2_000_000, 2_000_000],
        ["RJ-004", d(2024, 12, 2), d(2024, 12, 2), 29, -250_000, -250_000],
        ["Total CV Borneo", None, None, None, 1_750_000, 1_750_000],
        ["Jumlah Total", None, None, None, 17_250_000, 13_250_000],
    ]  # fmt: skip
    got = load_ledger(xlsx_file(tmp_path, "rincian_umur_piutang.xlsx", rows))
    assert got.ok, got.problems
    assert got.notes[0].startswith("read as an Accurate Rincian Umur Piutang export")
    assert totals(got.ledger, got.as_of) == {
        "CV Borneo": 1_750_000.0, "PT Andalas Jaya": 11_500_000.0, "Total": 13_250_000.0,
    }  # fmt: skip


# ------------------------------------------------------------------------------------ Jurnal.id
JURNAL = """PT Sumber Makmur
Laporan Umur Piutang
Per 31/12/2024
(dalam IDR)

Pelanggan,No. Transaksi,Tipe,Tanggal Transaksi,Tanggal Jatuh Tempo,Total,Sisa Tagihan
PT Andalas Jaya,Sales Invoice #10001,Faktur Penjualan,01/11/2024,01/12/2024,"Rp 5.000.000,00","Rp 3.000.000,00"
PT Andalas Jaya,Sales Return #20001,Retur Penjualan,10/12/2024,,"-Rp 500.000,00","-Rp 500.000,00"
Total PT Andalas Jaya,,,,,"Rp 4.500.000,00","Rp 2.500.000,00"
CV Borneo,Sales Invoice #10002,Faktur Penjualan,15/12/2024,14/01/2025,"Rp 1.250.000,00","Rp 1.250.000,00"
Total CV Borneo,,,,,"Rp 1.250.000,00","Rp 1.250.000,00"
Total,,,,,"Rp 5.750.000,00","Rp 3.750.000,00"
"""


def test_jurnal_laporan_umur_piutang(tmp_path):
    got = load_ledger(csv_file(tmp_path, "laporan_umur_piutang.csv", JURNAL))
    assert got.ok, got.problems
    assert got.notes[0] == (
        "read as a Jurnal.id Laporan Umur Piutang export (No. Transaksi=invoice, "
        "Tanggal Transaksi=invoice_date; number format id)"
    )
    assert totals(got.ledger, got.as_of) == {
        "CV Borneo": 1_250_000.0, "PT Andalas Jaya": 2_500_000.0, "Total": 3_750_000.0,
    }  # fmt: skip


# ------------------------------------------------------------------------------------ Zoho Books
ZOHO = """Zylker Inc
AR Aging Details
As of 31/12/2024

Date,Due Date,Transaction#,Type,Status,Customer Name,Age,Amount,Balance Due
Current
20/12/2024,19/01/2025,INV-000012,Invoice,Open,Bowman and Co,0,"1,000.00",400.00
Total for Current,,,,,,,"1,000.00",400.00
1 - 15 Days
05/12/2024,20/12/2024,INV-000009,Invoice,Overdue,Kelly Services,11,750.00,750.00
10/12/2024,,CN-000003,Credit Note,Open,Bowman and Co,21,-120.00,-120.00
Total for 1 - 15 Days,,,,,,,630.00,630.00
Total,,,,,,,"1,630.00","1,030.00"
"""


def test_zoho_books_ar_aging_details(tmp_path):
    got = load_ledger(csv_file(tmp_path, "ar_aging_details.csv", ZOHO))
    assert got.ok, got.problems
    assert "read as a Zoho Books AR Aging Details export (Transaction#=invoice, Status=ignore, " \
        "Age=ignore)" in got.notes  # fmt: skip
    assert totals(got.ledger, got.as_of) == {
        "Bowman and Co": 280.0, "Kelly Services": 750.0, "Total": 1030.0,
    }  # fmt: skip


# ------------------------------------------------------------------------------------------ Odoo
def test_odoo_journal_items(tmp_path):
    """Journal items (receivable account, not reconciled) exported from the list view: no
    title; ``Account`` would be taken for the customer without the profile; one invoice in
    two instalments; a credit note with a negative residual."""
    rows = [
        ["Date", "Journal Entry", "Partner", "Account", "Label", "Due Date", "Debit", "Credit",
         "Amount Residual"],
        [d(2024, 11, 5), "INV/2024/00012", "Azure Interior", "121000 Account Receivable", "",
         d(2024, 12, 5), 1500.0, 0.0, 1500.0],
        [d(2024, 11, 5), "INV/2024/00012", "Azure Interior", "121000 Account Receivable", "",
         d(2025, 1, 5), 1500.0, 0.0, 1500.0],
        [d(2024, 10, 1), "INV/2024/00007", "Deco Addict", "121000 Account Receivable", "",
         d(2024, 10, 31), 2000.0, 0.0, 800.0],
        [d(2024, 12, 9), "RINV/2024/00002", "Deco Addict", "121000 Account Receivable",
         "Reversal of: INV/2024/00005", None, 0.0, 300.0, -300.0],
    ]  # fmt: skip
    got = load_ledger(xlsx_file(tmp_path, "account.move.line.xlsx", rows))
    assert got.ok, got.problems
    assert got.notes[0] == (
        "read as an Odoo Journal Items (receivable) export (Partner=customer, "
        "Journal Entry=invoice, Debit=ignore, Credit=ignore; negative credit-note)"
    )
    assert got.as_of is None
    assert totals(got.ledger) == {"Azure Interior": 3000.0, "Deco Addict": 500.0, "Total": 3500.0}


# ------------------------------------------------------------------------------------------- SAP
SAP = """Customer Line Item Display

Stat;Customer;Name 1;Document Number;Document Type;Document Date;Posting Date;Net due date;Amount in local currency;Local Currency;Arrears after net due date;Text
;100234;PT Andalas Jaya;1800000123;RV;01.11.2024;01.11.2024;01.12.2024;10.000.000,00;IDR;30;
;100234;PT Andalas Jaya;1400000051;DZ;15.12.2024;15.12.2024;15.12.2024;4.000.000,00-;IDR;16;partial payment 1800000123
;100234;PT Andalas Jaya;1600000007;DG;20.12.2024;20.12.2024;;1.000,00-;IDR;;Retur
*;100234;;;;;;;5.999.000,00;IDR;;
;100977;CV Borneo;1800000140;RV;10.12.2024;10.12.2024;09.01.2025;2.500,00;IDR;;
*;100977;;;;;;;2.500,00;IDR;;
**;;;;;;;;6.001.500,00;IDR;;
"""


def test_sap_fbl5n(tmp_path):
    got = load_ledger(csv_file(tmp_path, "fbl5n.csv", SAP))
    assert got.ok, got.problems
    assert any(n.startswith("read as a SAP FBL5N Customer Line Items export (Name 1=customer, "
                            "Customer=ignore") for n in got.notes)  # fmt: skip
    # 2.500,00 reads 2,500 only as the profile's Indonesian/German number format
    assert totals(got.ledger) == {
        "CV Borneo": 2500.0, "PT Andalas Jaya": 5_999_000.0, "Total": 6_001_500.0,
    }  # fmt: skip


# --------------------------------------------------------------------------------------- ERPNext
ERPNEXT = """Posting Date,Customer,Customer Name,Voucher Type,Voucher No,Due Date,Payment Term,Invoice Grand Total,Invoiced Amount,Paid Amount,Credit Note,Outstanding Amount,Age (Days),0-30,31-60,61-90,91-120,121-Above,Currency,Territory,Customer Group
01-10-2024,Grant Plastics,Grant Plastics Ltd.,Sales Invoice,ACC-SINV-2024-00001,31-10-2024,,1000,1000,600,0,400,61,0,0,400,0,0,INR,India,Commercial
15-11-2024,Grant Plastics,Grant Plastics Ltd.,Sales Invoice,ACC-SINV-2024-00004,15-12-2024,,500,500,0,200,300,16,300,0,0,0,0,INR,India,Commercial
05-12-2024,Grant Plastics,Grant Plastics Ltd.,Sales Invoice,ACC-SINV-RET-2024-00001,05-12-2024,,-150,-150,0,0,-150,26,-150,0,0,0,0,INR,India,Commercial
01-11-2024,West View Software,West View Software Ltd.,Sales Invoice,ACC-SINV-2024-00003,01-12-2024,50% on delivery,1000,500,0,0,500,30,500,0,0,0,0,INR,India,Commercial
01-11-2024,West View Software,West View Software Ltd.,Sales Invoice,ACC-SINV-2024-00003,31-01-2025,50% in 90 days,1000,500,0,0,500,0,0,0,0,0,0,INR,India,Commercial
'Total',,,,,,,,2350,600,200,1550,,650,0,400,0,0,,,
"""


def test_erpnext_accounts_receivable(tmp_path):
    got = load_ledger(csv_file(tmp_path, "Accounts Receivable.csv", ERPNEXT))
    assert got.ok, got.problems
    assert got.notes[0].startswith(
        "read as an ERPNext Accounts Receivable (with Customer Name) export"
    )
    assert totals(got.ledger) == {
        "Grant Plastics Ltd.": 550.0, "West View Software Ltd.": 1000.0, "Total": 1550.0,
    }  # fmt: skip
    # generic reading trusts Paid Amount, which leaves out the credit note applied
    assert not load_ledger(tmp_path / "Accounts Receivable.csv", profile="none").ok


# ---------------------------------------------------------------------------- the table, options
def test_every_profile_has_a_fixture_here():
    tested = {"quickbooks-aging-detail", "quickbooks-open-invoices", "xero-aged-receivables",
              "accurate-daftar-piutang", "accurate-umur-piutang", "jurnal-umur-piutang",
              "zoho-aged-receivables", "odoo-journal-items", "sap-fbl5n",
              "erpnext-accounts-receivable", "erpnext-accounts-receivable-names"}  # fmt: skip
    assert {p.name for p in PROFILES} == tested
    assert [r["name"] for r in profile_table()] == [p.name for p in PROFILES]


def test_a_generic_ledger_has_no_profile():
    assert detect_profile(["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"]) is None


def test_a_user_map_wins_over_the_profile(tmp_path):
    path = csv_file(tmp_path, "fbl5n.csv", SAP)
    got = load_ledger(path, columns="Customer=customer,Name 1=ignore")
    assert sorted(got.ledger["customer"].unique()) == ["100234", "100977"]
    assert not any("Name 1=customer" in n for n in got.notes)


def test_a_user_option_wins_over_the_profile(tmp_path):
    path = csv_file(tmp_path, "ar_aging_detail.csv", QB_AGING_DETAIL)
    got = load_ledger(path, date_order="dmy")
    assert got.ledger["invoice_date"].iloc[0] == pd.Timestamp("2024-01-12")


def test_a_forced_profile_applies_without_its_signature():
    rows = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
            ["A", "1", "01/02/2024", "03/02/2024", 10]]  # fmt: skip
    got = load_ledger(rows, profile="quickbooks-open-invoices")
    assert got.ledger["invoice_date"].iloc[0] == pd.Timestamp("2024-01-02")
    assert got.notes[0] == "read as a QuickBooks Open Invoices export (date order mdy)"


def test_an_unknown_profile_is_one_line():
    with pytest.raises(OptionError, match=r"^unknown profile 'quickbooks' \(known: auto, none, "):
        load_ledger([["Customer", "Invoice Date", "Terms", "Amount"]], profile="quickbooks")


def test_cli_profiles_lists_them_and_an_unknown_one_exits_2(capsys, tmp_path):
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    assert all(p.name in out for p in PROFILES) and "A/R Aging Detail" in out
    path = csv_file(tmp_path, "fbl5n.csv", SAP)
    assert main(["aging", str(path), "--profile", "sap"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("xl-ar aging: unknown profile 'sap' (known: auto")


def test_cli_check_names_the_profile_and_force_works(capsys, tmp_path):
    path = csv_file(tmp_path, "ar_aging_detail.csv", QB_AGING_DETAIL)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "read as a QuickBooks A/R Aging Detail export (date order mdy)" in out
    code = main(["aging", str(path), "--profile", "quickbooks-aging-detail", "--by", "total",
                 "--format", "csv"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0 and out.splitlines()[-1].endswith(",1038.07"), out
    assert "as of 2024-12-31" in err


ERPNEXT_NAMES = """\
Posting Date,Customer,Customer Name,Voucher Type,Voucher No,Due Date,Invoiced Amount,\
Paid Amount,Credit Note,Outstanding Amount,Age (Days),0-30,31-60,61-90,91-120,121-Above,Currency
2024-10-01,CUST-0001,PT Gamma,Sales Invoice,SINV-00011,2024-10-31,"1,000,000.00",\
"400,000.00",0.00,"600,000.00",61,0,0,"600,000.00",0,0,IDR
2024-12-10,CUST-0002,CV Delta,Sales Invoice,SINV-00015,2025-01-09,"2,000,000.00",0.00,\
"500,000.00","1,500,000.00",0,"1,500,000.00",0,0,0,0,IDR
'Total',,,,,,"3,000,000.00","400,000.00","500,000.00","2,100,000.00",,"1,500,000.00",0,\
"600,000.00",0,0,
"""


def test_erpnext_with_customer_names_shows_the_names(tmp_path):
    got = load_ledger(csv_file(tmp_path, "ar.csv", ERPNEXT_NAMES))
    assert got.ok and got.notes[0].startswith(
        "read as an ERPNext Accounts Receivable (with Customer Name) export"
    )
    assert totals(got.ledger) == {"CV Delta": 1_500_000.0, "PT Gamma": 600_000.0,
                                  "Total": 2_100_000.0}  # fmt: skip
    without_names = ERPNEXT_NAMES.replace("Customer Name,", "Name,")
    got = load_ledger(csv_file(tmp_path, "ids.csv", without_names))
    assert got.notes[0].startswith("read as an ERPNext Accounts Receivable export")
    assert sorted(got.ledger["customer"].unique()) == ["CUST-0001", "CUST-0002"]
