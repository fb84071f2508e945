"""Reports withhold what the ledger cannot support, read strictly, take loss rates, say what is
left out (issue 15, cases 2, 3, 4 and 7)."""

from __future__ import annotations

import csv

import openpyxl
import pandas as pd
import pytest
from shared_data import shared_file
from sufficiency_samples import AS_OF, SNAPSHOT, WHY

from xl_ar.cli import main
from xl_ar.core import ecl_from_ledger, forecast, read_ledger
from xl_ar.errors import LedgerError
from xl_ar.reports.catalog import build_report

LOSS = (
    f"not estimable: loss rates cannot be estimated from the ledger: {WHY}; give loss rates "
    "(--loss-rates, or LossRates in xl_ar.conf)"
)
IBM_SWAPPED = ("excel_workbooks", "khushijonpurii_ar_ap_dashboard", "Accounts_Receivable.xlsx")
RATES = "1%,2%,5%,10%,50%"


def history() -> list[list]:
    """24 months, three customers, every invoice paid 5-7 days late: no old debt at all."""
    rows = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"]]
    for m in range(24):
        day = (pd.Timestamp("2023-01-01") + pd.DateOffset(months=m)).normalize()
        for c, name in enumerate(("PT A", "PT B", "PT C")):
            due = day + pd.Timedelta(days=30)
            paid_on = due + pd.Timedelta(days=5 + c)
            paid = paid_on <= pd.Timestamp(AS_OF)
            rows.append([name, f"F-{m}-{c}", day.date().isoformat(), due.date().isoformat(),
                         1000.0 * (c + 1), 1000.0 * (c + 1) if paid else 0.0,
                         paid_on.date().isoformat() if paid else ""])  # fmt: skip
    return rows


def write_csv(path, rows) -> str:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def table(report, key: str, name: str) -> pd.DataFrame:
    sheet = next(s for s in report.sheets if s.key == key)
    return next(t for t in sheet.tables if t.name == name).frame


def notes(report, key: str) -> list[str]:
    return [n[1] for n in next(s for s in report.sheets if s.key == key).notes]


# --------------------------------------------------------------------------- case 2: a snapshot


def test_a_snapshot_gets_no_allowance_and_no_journal_entry():
    got = build_report(SNAPSHOT, AS_OF, lang="en")
    ecl = table(got, "allowance", "ecl")
    assert ecl["gross_balance"].tolist() == [1_500_000, 2_500_000, 0, 0, 5_000_000, 9_000_000]
    assert ecl["ecl"].iloc[:-1].tolist() == ["not estimable"] * 5
    assert ecl["ecl"].iloc[-1] == ecl["loss_rate"].iloc[-1] == LOSS
    entry = table(got, "allowance", "entry")
    assert entry.values.tolist() == [[("Jurnal penyesuaian", "Adjusting entry"), LOSS]]
    assert f"Allowance and adjusting entry: {LOSS}" in notes(got, "allowance")
    assert got.conventions["loss rates"] == LOSS
    assert got.conventions["ledger"] == "open-items snapshot as of 31/12/2024"
    idn = build_report(SNAPSHOT, AS_OF, reports="allowance", lang="id")
    assert (
        table(idn, "allowance", "entry")["value"]
        .iloc[0]
        .startswith(
            "tidak dapat diestimasi: tingkat kerugian tidak dapat diestimasi dari buku piutang: "
            "buku piutang hanya berisi faktur terbuka per 31/12/2024, tanpa tanggal bayar"
        )
    )


def test_a_snapshot_forecast_says_why_instead_of_zero_cash():
    got = build_report(SNAPSHOT, AS_OF, reports="forecast", lang="en")
    frame = table(got, "forecast", "forecast")
    assert frame["value"].tolist() == [
        9_000_000.0,
        f"not estimable: when customers pay is unknown: {WHY}",
    ]
    assert not got.sheets[0].charts


def test_a_snapshot_dashboard_withholds_cei_dso_and_the_monthly_series():
    got = build_report(SNAPSHOT, AS_OF, reports="dashboard", lang="en")
    head = table(got, "dashboard", "headline").iloc[0]
    assert head["total_ar"] == 9_000_000 and head["open_invoices"] == 4
    assert head["cei"] == f"not estimable: collections per period are unknown: {WHY}"
    sales = f"not estimable: credit sales of the period are incomplete: {WHY}"
    assert head["dso"] == head["bpdso"] == head["add"] == sales
    said = notes(got, "dashboard")
    assert said[1].endswith("; ledger: open-items snapshot as of 31/12/2024")
    assert f"Monthly series: not estimable: collections per period are unknown: {WHY}" in said
    assert [t.name for t in got.sheets[0].tables] == ["headline", "top_overdue_customers"]


def test_given_loss_rates_give_a_snapshot_its_allowance(tmp_path):
    got = build_report(SNAPSHOT, AS_OF, reports="allowance", options={"loss_rates": RATES})
    ecl = table(got, "allowance", "ecl")
    assert ecl["ecl"].iloc[-1] == pytest.approx(2_565_000)  # 15,000 + 50,000 + 2,500,000
    assert "Loss rates given by the user" in notes(got, "allowance")


def test_the_snapshot_report_file_writes_text_where_numbers_are_withheld(tmp_path, capsys):
    ledger = write_csv(tmp_path / "snapshot.csv", SNAPSHOT)
    out = tmp_path / "r.xlsx"
    code, _, err = run(capsys, "report", ledger, "--as-of", AS_OF, "--lang", "en", "-o", str(out))
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    ws = book["Allowance ECL"]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any(isinstance(c.value, str) and c.value.startswith("Debit") for c in cells)
    total = next(r for r in ws.iter_rows() if r[0].value == "Total")
    assert total[1].value == 9_000_000 and total[3].value == LOSS and total[3].data_type == "s"
    dash = book["KPI Dashboard"]
    header = next(r for r in dash.iter_rows() if r[0].value == "Total AR")
    cei = next(c for c in header if c.value == "CEI, 3 months (CRF)")
    got = dash.cell(cei.row + 1, cei.column)
    assert got.value == f"not estimable: collections per period are unknown: {WHY}"
    assert got.data_type == "s"


# --------------------------------------------------------------------------- case 4: --loss-rates


def test_report_takes_loss_rates_for_a_ledger_without_old_debt(tmp_path, capsys):
    rows = history()
    ledger = write_csv(tmp_path / "history.csv", rows)
    led = read_ledger(rows)
    out = tmp_path / "r.xlsx"
    code, _, err = run(capsys, "report", ledger, "--as-of", AS_OF, "--lang", "en", "-o", str(out))
    assert code == 0, err  # the report is written; the allowance says why it has no number
    ws = openpyxl.load_workbook(out)["Allowance ECL"]
    assert ws["A3"].value.startswith(
        "Allowance and adjusting entry: not estimable: loss rates cannot be estimated: no roll "
        "rate for '1-30', '31-60', '61-90' and 1 more: no invoice there at the month ends "
        "2023-12-31..2024-11-30"
    )
    assert ws["A3"].value.endswith(" (--loss-rates, or LossRates in xl_ar.conf)")
    code, _, err = run(capsys, "report", ledger, "--as-of", AS_OF, "--lang", "en",
                       "--loss-rates", RATES, "-o", str(out))  # fmt: skip
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    total = next(r for r in book["Allowance ECL"].iter_rows() if r[0].value == "Total")
    expected = ecl_from_ledger(led, AS_OF, [0.01, 0.02, 0.05, 0.1, 0.5])["ecl"].iloc[-1]
    assert total[3].value == pytest.approx(expected) and expected == pytest.approx(60.0)
    fc = forecast(led, AS_OF, loss_rates=[0.01, 0.02, 0.05, 0.1, 0.5])
    sheet = book["Cash Forecast"]
    got = next(r for r in sheet.iter_rows() if r[0].value == "Total")
    assert got[3].value == pytest.approx(fc["amount"].iloc[-1])
    table_file = write_csv(tmp_path / "rates.csv", [["Bucket", "Rate"], ["Current", "1%"],
                           ["1-30", "2%"], ["31-60", "5%"], ["61-90", "10%"], [">90", "50%"]])  # fmt: skip
    code, _, err = run(capsys, "report", ledger, "--as-of", AS_OF, "--reports", "allowance",
                       "--loss-rates", table_file, "-o", str(out))  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, "report", ledger, "--as-of", AS_OF, "--loss-rates", "1%,2%",
                       "-o", str(out))  # fmt: skip
    assert code == 2 and err == (
        "xl-ar report: loss_rates has 2 values but the aging has 5 buckets (Current, 1-30, "
        "31-60, 61-90, >90): give one loss rate per bucket\n"
    )


# --------------------------------------------------------------------------- case 3: strictness


@pytest.mark.shared_data
def test_report_on_the_corrupted_workbook_is_refused_as_aging_is(tmp_path, capsys):
    path = str(shared_file(*IBM_SWAPPED))
    out = tmp_path / "r.xlsx"
    opts = ("--date-order", "mdy", "--as-of", "2013-06-30")
    code, _, aging_err = run(capsys, "aging", path, *opts)
    assert code == 2
    code, _, err = run(capsys, "report", path, *opts, "-o", str(out))
    assert code == 2 and not out.exists()
    refusal = aging_err.splitlines()[-1].removeprefix("xl-ar aging: ")
    assert err.splitlines()[-1] == f"xl-ar report: {refusal}"
    assert refusal.startswith("'InvoiceDate': mixes 944 date/serial cells with 1522 text dates")
    code, _, err = run(capsys, "report", path, *opts, "--lenient", "--lang", "en", "-o", str(out))
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    banner = (
        "READ LENIENTLY (--lenient): 668 problems in 665 rows (see Data Health); no row left "
        "out; the other rows with problems are counted as read: their figures may be wrong"
    )
    for name in book.sheetnames[:-1]:  # every report sheet; the About sheet has no notes
        assert book[name]["A2"].value == banner, name
    total = next(r for r in book["Aging"].iter_rows() if r[0].value == "Total")
    assert total[6].value == pytest.approx(14_307.04)  # as read: the banner says why


def test_build_report_refuses_a_ledger_with_problems_unless_lenient():
    rows = [*SNAPSHOT, ["PT Delta", "INV-5", "2024-12-01", "2024-12-31", None]]
    with pytest.raises(LedgerError, match="^row 6 'Amount': \\(blank\\) is blank"):
        build_report(rows, AS_OF, reports="aging")
    health = build_report(rows, AS_OF, reports="data_health")  # lists the problems, as check
    assert len(health.sheets[0].tables[0].frame) == 1
    got = build_report(rows, AS_OF, reports="aging,data_health", lenient=True, lang="en")
    banner = (
        "READ LENIENTLY (--lenient): 1 problem in 1 row (see Data Health); 1 row without an "
        "amount left out; the other rows with problems are counted as read: their figures may "
        "be wrong"
    )
    assert [s.notes[0][1] for s in got.sheets] == [banner, banner]
    assert table(got, "aging", "aging")["Total"].iloc[-1] == 9_000_000


# --------------------------------------------------------------------------- case 7: left out


def test_aging_and_report_note_an_invoice_dated_after_the_as_of_date(tmp_path, capsys):
    # the snapshot's title dates it 31/12/2024 (an invoice dated later is only left out); without
    # it, its own date is its latest document's and an aging at 31/12 is refused (review 7)
    rows = [["Per 31/12/2024"], *SNAPSHOT, ["PT Delta", "INV-5", "2025-01-13", "2025-02-12", 50]]
    ledger = write_csv(tmp_path / "later.csv", rows)
    note = "note: 1 invoice dated after the as-of date left out (50)"
    read = (
        "xl-ar aging: note: 1 title line above the header skipped: 'Per 31/12/2024'\n"
        "xl-ar aging: note: report date in the title: 2024-12-31 ('Per 31/12/2024')\n"
    )
    code, out, err = run(capsys, "aging", ledger, "--as-of", AS_OF, "--by", "total")
    assert code == 0 and err == f"{read}xl-ar aging: {note}\n", err
    assert out.split("\n")[1].split()[-1] == "9,000,000.00"  # unchanged
    report = tmp_path / "r.xlsx"
    code, _, err = run(capsys, "report", ledger, "--as-of", AS_OF, "--lang", "en",
                       "--reports", "aging,data_health", "-o", str(report))  # fmt: skip
    assert code == 0 and err == f"{read.replace('aging', 'report')}xl-ar report: {note}\n"
    health = openpyxl.load_workbook(report)["Data Health"]
    notes = [health.cell(r, 1).value for r in range(3, 6)]  # the reading notes, then this one
    assert notes[-1] == "1 invoice dated after the as-of date left out (50)", notes
