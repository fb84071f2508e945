"""Issue 15, item 1 in the reports: every money label, format and letter follows the ledger's
currency; a ledger of several currencies is refused in one line; Rupiah reports are as before."""

from __future__ import annotations

import openpyxl
import pytest
import xlwings as xw
from book_model import LEDGER, sheet_from_rows, workbook
from shared_data import shared_file

from xl_ar import macros
from xl_ar.cli import main
from xl_ar.core import load_ledger
from xl_ar.errors import CurrencyError
from xl_ar.reports.catalog import build_report
from xl_ar.reports.render_file import render_file

IBM_CSV = ("ibm_watson_ar", "WA_Fn-UseC_-Accounts-Receivable.csv")
ROWS = [
    ["Customer", "Invoice Date", "Due Date", "Amount"],
    ["A", "2024-01-01", "2024-01-31", 100.5],
    ["B", "2024-03-01", "2024-03-31", 50],
]


def sheet(report, key):
    return next(s for s in report.sheets if s.key == key)


def test_a_rupiah_ledger_keeps_todays_labels():
    report = build_report(ROWS, "2024-03-31", reports="aging,dashboard,forecast",
                          options={"loss_rates": [0, 0, 0, 0, 0]})  # fmt: skip
    assert sheet(report, "aging").notes == (
        ("Jumlah dalam Rupiah (IDR)", "Amounts in Rupiah (IDR)"),
    )
    assert report.conventions["amounts"] == "Rupiah (IDR), as in the ledger"
    charts = sheet(report, "dashboard").charts  # the monthly series' charts: withheld (no payments)
    assert {c.y_title for c in charts if c.y_title[0] not in ("hari", "")} == {("Rp", "Rp")}
    assert report.currency is None


def test_a_usd_ledger_says_usd_everywhere(tmp_path):
    loaded = load_ledger(ROWS, currency="USD")
    report = build_report(loaded, "2024-03-31", reports="aging,dashboard,forecast",
                          options={"loss_rates": [0, 0, 0, 0, 0]})  # fmt: skip
    assert sheet(report, "aging").notes == (
        ("Jumlah dalam Dolar AS (USD)", "Amounts in US dollars (USD)"),
    )
    assert sheet(report, "dashboard").notes[0][1] == "Amounts in US dollars (USD)"
    charts = sheet(report, "dashboard").charts  # the forecast is withheld (no payment history)
    assert {c.y_title for c in charts if c.y_title[0] not in ("hari", "")} == {("USD", "USD")}
    assert report.conventions["amounts"] == "US dollars (USD), as in the ledger"
    out = render_file(report, tmp_path / "usd.xlsx", lang="en")
    ws = openpyxl.load_workbook(out)["Aging"]
    assert ws["A2"].value == "Amounts in US dollars (USD)"
    money = [c for c in ws[5] if isinstance(c.value, float) and c.value == 100.5]
    assert money and money[0].number_format == '"USD "#,##0.00;-"USD "#,##0.00'


def test_a_converted_ledger_states_the_rate_in_the_about_block():
    rows = [[*r, c] for r, c in zip(ROWS, ["Currency", "USD", "IDR"], strict=True)]
    loaded = load_ledger(rows, rates=[["Currency", "Rate", "Date"], ["USD", 15_500, "2024-03-31"]])
    report = build_report(loaded, "2024-03-31", reports="aging")
    assert report.conventions["amounts"] == (
        "Rupiah (IDR), converted at USD 1 = IDR 15,500 (rate of 2024-03-31)"
    )
    assert sheet(report, "aging").tables[0].frame["Total"].tolist() == [
        1_557_750.0,
        50.0,
        1_557_800.0,
    ]


def test_a_ledger_of_several_currencies_is_refused_but_its_data_health_is_written():
    rows = [[*r, c] for r, c in zip(ROWS, ["Currency", "USD", "IDR"], strict=True)]
    with pytest.raises(CurrencyError, match=r"\(open: IDR 50; USD 100.5\): the report would add"):
        build_report(rows, "2024-03-31", reports="aging")
    health = build_report(rows, "2024-03-31", reports="data_health")
    assert health.sheets[0].notes[1][1].startswith("2 currencies (open: IDR 50 in 1 row;")


def test_the_ibm_csv_read_as_usd_gives_usd_notes_and_letters():
    loaded = load_ledger(shared_file(*IBM_CSV), date_order="mdy", currency="USD")
    report = build_report(loaded, "2013-06-30", reports="aging,letters", lang="en")
    assert sheet(report, "aging").notes[0][1] == "Amounts in US dollars (USD)"
    letters = sheet(report, "letters").tables[0].frame
    first = letters[letters["customer"] == "9117-LYRCE"]["letter"].iloc[0]
    assert "USD 48.73" in first and "Rp" not in first
    assert not letters["letter"].str.contains("Rp ").any()


def test_cli_report_with_currency(tmp_path, capsys):
    path = shared_file(*IBM_CSV)
    out = tmp_path / "ibm.xlsx"
    code = main(["report", str(path), "--currency", "USD", "--as-of", "2013-06-30",
                 "--reports", "aging", "--lang", "en", "-o", str(out)])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert openpyxl.load_workbook(out)["Aging"]["A2"].value == "Amounts in US dollars (USD)"


def test_the_ribbon_reads_the_currency_setting(monkeypatch):
    frame = LEDGER.drop(columns=["Mata Uang"])
    conf = sheet_from_rows("xl_ar.conf", [["Mata Uang", "usd"]])
    model, book = workbook(frame, conf)
    assert macros.settings(book)["read"] == {"currency": "usd"}
    monkeypatch.setattr(xw.Book, "caller", lambda: book)
    macros.aging_report()
    assert model.alerts == []
    assert model.sheet("Umur Piutang").cells[(2, 1)] == "Jumlah dalam Dolar AS (USD)"


def test_the_ribbon_converts_with_a_rates_sheet(monkeypatch):
    frame = LEDGER.assign(**{"Mata Uang": "USD"})
    conf = sheet_from_rows("xl_ar.conf", [["Kurs", "Kurs"]])
    rates = sheet_from_rows("Kurs", [["Mata Uang", "Kurs"], ["USD", 2.0]])
    model, book = workbook(frame, conf, rates)
    monkeypatch.setattr(xw.Book, "caller", lambda: book)
    macros.aging_report()
    assert model.alerts == []
    assert model.sheet("Umur Piutang").cells[(2, 1)] == (
        "Jumlah dalam Rupiah (IDR), dikonversi dengan kurs USD 1 = IDR 2 (kurs tanpa tanggal)"
    )
    plain, book = workbook(LEDGER)
    monkeypatch.setattr(xw.Book, "caller", lambda: book)
    macros.aging_report()
    base, doubled = plain.sheet("Umur Piutang").cells, model.sheet("Umur Piutang").cells
    total_row = next(r for (r, c), v in sorted(base.items()) if c == 1 and v == "Total")
    money = [(k, v) for k, v in base.items() if 5 <= k[0] <= total_row and isinstance(v, float)]
    assert len(money) > 20 and base[(total_row, 1)] == doubled[(total_row, 1)] == "Total"
    assert all(doubled[k] == pytest.approx(2 * v) for k, v in money)


def test_withheld_sheets_and_the_reconciliation_say_the_ledgers_currency_too():
    # a snapshot: the allowance and the forecast are withheld, their notes still say USD
    loaded = load_ledger(ROWS, currency="USD")
    payments = [["Payment", "Date", "Amount", "Customer"], ["P1", "2024-03-05", 50, "B"]]
    report = build_report(loaded, "2024-03-31", reports="allowance,forecast,reconciliation",
                          payments=payments)  # fmt: skip
    for key in ("allowance", "forecast", "reconciliation"):
        assert sheet(report, key).notes[0] == (
            "Jumlah dalam Dolar AS (USD)",
            "Amounts in US dollars (USD)",
        ), key
    entry = sheet(report, "allowance").tables[1].frame
    assert entry["label"].tolist() == [("Jurnal penyesuaian", "Adjusting entry")]
