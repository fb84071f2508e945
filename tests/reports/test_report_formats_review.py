"""Review findings 22, 23 and 25 (issue 15): formats and labels of reconciliation and worklist.

22: the report's reconciliation summary showed "% Applied" as 1.00 and counts as 12.00 (every
value formatted as money); now counts are whole numbers, amounts have cents and shares are
percentages. 23: a payment matched only within the tolerance was labelled rule ``exact``; it is
now ``within_tolerance``. 25: the worklist's ``risk`` (a share of late payments) was shown as
0.41; the report and the CLI show it as a percentage.
"""

from __future__ import annotations

import openpyxl
import pandas as pd

from xl_ar.cli import main
from xl_ar.core.cash_application.reconcile import CONFIDENCE, reconcile
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.reports.sheets import Settings, worklist_sheet

LEDGER = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
          ["PT Maju", "INV-1", "2024-11-01", "2024-12-01", 1000000],
          ["PT Maju", "INV-2", "2024-11-15", "2024-12-15", 2000000],
          ["PT Jaya", "INV-3", "2024-11-20", "2024-12-20", 500000],
          ["PT Jaya", "INV-4", "2024-12-01", "2024-12-31", 700000]]  # fmt: skip
PAYMENTS = [["Payment", "Date", "Amount", "Customer", "Memo"],
            ["P1", "2025-01-05", 1004000, "PT Maju", "INV-1"],
            ["P2", "2025-01-06", 1995000, "PT Maju", "transfer"],
            ["P3", "2025-01-07", 500300, "PT Jaya", None]]  # fmt: skip


def write_csv(path, rows):
    pd.DataFrame(rows[1:], columns=rows[0]).to_csv(path, index=False)
    return path


def test_a_match_within_the_tolerance_is_not_called_exact():
    table = reconcile(LEDGER, PAYMENTS, tolerance=5000).table
    rows = table[table["invoice"].notna()].set_index("payment").loc[["P2", "P3"]]
    # P2: 1,995,000 against 2,000,000; P3: 500,300 against 500,000: neither to the cent
    assert rows["rule"].tolist() == ["within_tolerance", "within_tolerance"]
    assert rows["confidence"].tolist() == [0.9, 0.9]
    assert rows["difference"].tolist() == [5000.0, 0.0]  # P3's 300 stays open, unapplied
    assert CONFIDENCE == {"reference": 1.0, "exact": 0.95, "within_tolerance": 0.9,
                          "combination": 0.8, "fifo": 0.6}  # fmt: skip
    # to the cent it stays exact
    exact = reconcile(LEDGER, [PAYMENTS[0], ["P9", "2025-01-06", 2000000, "PT Maju", None]])
    assert exact.table.set_index("payment").loc["P9", "rule"] == "exact"


def test_report_summary_counts_amounts_and_percentages(tmp_path):
    ledger, payments = (
        write_csv(tmp_path / "l.csv", LEDGER),
        write_csv(tmp_path / "p.csv", PAYMENTS),
    )
    out = tmp_path / "r.xlsx"
    assert (
        main(["reconcile", str(ledger), str(payments), "--tolerance", "5000", "-o", str(out)]) == 0
    )
    ws = openpyxl.load_workbook(out)["Rekonsiliasi"]
    cells = {r[0].value: r[1] for r in ws.iter_rows() if isinstance(r[0].value, str)}
    shown = {k: (cells[k].value, cells[k].number_format) for k in (
        "Jumlah Transaksi Pembayaran", "Faktur Lunas", "Total Pembayaran", "% Dialokasikan",
        "Pembayaran dalam Toleransi", "Dialokasikan via Toleransi")}  # fmt: skip
    assert shown == {
        "Jumlah Transaksi Pembayaran": (3, "#,##0"),
        "Faktur Lunas": (3, "#,##0"),
        "Total Pembayaran": (3499300, "#,##0.00"),
        "% Dialokasikan": (3495000 / 3499300, "0.0%"),
        # P2 pays INV-2 less 5,000: a transfer fee (up to Rp 10,000), not a tolerance
        "Pembayaran dalam Toleransi": (1, "#,##0"),
        "Dialokasikan via Toleransi": (500000, "#,##0.00"),
    }
    headers = [r[1].value for r in ws.iter_rows() if r[0].value == "Indikator"]
    assert headers == ["Jumlah", "Nilai", "Persentase"]


STAGES = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
          ["PT Late", "A1", "2024-01-01", "2024-01-31", 600.0, 600.0, "2024-03-31"],
          ["PT Late", "A2", "2024-02-01", "2024-03-02", 400.0, 400.0, "2024-03-05"],
          ["PT Late", "A3", "2024-09-01", "2024-10-01", 1000.0, 0.0, None]]  # fmt: skip


def test_worklist_risk_is_a_percentage(tmp_path, capsys):
    sheet = worklist_sheet(read_ledger(STAGES), pd.Timestamp("2024-12-31"), Settings())
    table = sheet.tables[0]
    assert table.formats["risk"] == "pct"
    assert table.frame["risk"].tolist() == [0.6]  # 600 of 1,000 paid more than 15 days late
    path = write_csv(tmp_path / "w.csv", STAGES)
    assert main(["worklist", str(path), "--as-of", "2024-12-31", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines[0].index("risk") + len("risk")  # right-aligned under its header
    assert lines[1][at - 5 : at] == "60.0%"
