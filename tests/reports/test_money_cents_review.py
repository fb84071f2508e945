"""Review 16 #22: money leaves xl-ar rounded to the cent (no 0.30000000000000004)."""

from __future__ import annotations

from xl_ar.cli import main
from xl_ar.reports.catalog import build_report
from xl_ar.reports.model import cells_in

LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ["A", "F1", "2024-04-10", "2024-05-10", 0.1, 0.0, None],
    ["A", "F2", "2024-04-11", "2024-05-11", 0.2, 0.0, None],
    ["A", "F3", "2024-06-01", "2024-07-01", 0.7, 0.0, None],
    ["A", "F4", "2024-06-02", "2024-07-02", 0.1, 0.0, None],
    ["A", "F5", "2024-05-20", "2024-06-20", 1.0, 0.0, None],
    ["B", "F6", "2024-03-01", "2024-03-31", 0.4, 0.4, "2024-06-15"],
]


def test_the_noise_is_there_before_rounding():
    assert 0.1 + 0.2 != 0.3 and 0.7 + 0.1 + 0.1 + 0.2 + 1.0 != 2.1


def test_movement_sheet_cells_are_cents():
    report = build_report(LEDGER, "2024-06-30", reports="aging_movement",
                          options={"compare_to": "2024-05-31"})  # fmt: skip
    s = next(x for x in report.sheets if x.key == "aging_movement")
    tables = {t.name: cells_in(t.frame, "en") for t in s.tables}
    assert tables["aging_movement"]["previous"].tolist()[-1] == 1.7
    assert tables["aging_movement"]["current"].tolist()[-1] == 2.1
    assert tables["aging_movement"]["movement"].tolist()[-1] == 0.4
    assert tables["aging_bridge"]["amount"].tolist() == [1.7, 0.8, 0.0, -0.4, 2.1]
    assert tables["overdue_movement"]["amount"].tolist() == [0.7, -0.4, 0.0, 1.0, 1.3]


def test_a_snapshot_movement_sheet_is_cents_too():
    report = build_report(LEDGER[:-1], "2024-06-30", reports="aging_movement",
                          options={"compare_to": "2024-05-31"})  # fmt: skip
    s = next(x for x in report.sheets if x.key == "aging_movement")
    assert s.tables[0].frame["current"].tolist() == [0.8, 1.0, 0.3, 0.0, 0.0, 2.1]


def test_aging_csv_prints_cents(capsys, tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("\n".join(",".join("" if c is None else str(c) for c in r) for r in LEDGER))
    assert main(["aging", str(path), "--as-of", "2024-06-30", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "Total,0.8,1.0,0.3,0.0,0.0,2.1"
