"""The report and the CLI on the review's cases (issue 15 review, findings 7, 9, 10): a snapshot
aged before its own date is refused in one line; the headline CEI of a ledger starting inside
its window is withheld with the reason; the monthly series starts at the ledger's first month."""

from __future__ import annotations

import csv

import pytest
from sufficiency_samples import BACK_DATED, OPEN_ITEMS, STARTS_INSIDE

from xl_ar.cli import main
from xl_ar.errors import NotEstimableError
from xl_ar.reports.catalog import build_report


@pytest.fixture
def open_items(tmp_path) -> str:
    path = tmp_path / "openitems.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(OPEN_ITEMS)
    return str(path)


@pytest.mark.parametrize(
    "argv",
    [
        ["aging"],
        ["worklist"],
        ["letters", "--out", "{tmp}/letters"],
        ["report", "--lang", "en", "-o", "{tmp}/r.xlsx"],
    ],
)
def test_cli_refuses_a_snapshot_aged_before_its_date(capsys, tmp_path, open_items, argv):
    command, *rest = (a.format(tmp=tmp_path) for a in argv)
    code = main([command, open_items, "--as-of", "2024-03-31", *rest])
    out, err = capsys.readouterr()
    assert (code, out, err) == (2, "", f"xl-ar {command}: {BACK_DATED}\n")
    assert not (tmp_path / "r.xlsx").exists() and not list(tmp_path.rglob("*.txt"))


def test_cli_ages_the_snapshot_at_its_date(capsys, open_items):
    code = main(["aging", open_items, "--as-of", "2024-06-01", "--by", "total"])
    out, _ = capsys.readouterr()
    assert code == 0 and out.split("\n")[1].split()[-1] == "25,000,000.00"


def test_build_report_refuses_it_too_but_writes_the_data_health_sheet():
    with pytest.raises(NotEstimableError, match=f"^{BACK_DATED}$"):
        build_report(OPEN_ITEMS, "2024-03-31", reports="aging")
    health = build_report(OPEN_ITEMS, "2024-03-31", reports="data_health")
    assert [s.key for s in health.sheets] == ["data_health"]


def test_dashboard_withholds_the_cei_of_a_window_the_ledger_starts_inside():
    report = build_report(STARTS_INSIDE, "2024-03-31", reports="dashboard", lang="en")
    sheet = report.sheets[0]
    head = sheet.tables[0].frame.iloc[0]
    assert (
        head["cei"] == "not estimable: the ledger starts on 15/01/2024, inside the 3-month window"
    )
    sales = (  # 2.5 months of sales over the window's 91 days: DSO 70.8 would be too high
        "not estimable: credit sales of the period are incomplete: the ledger starts on "
        "15/01/2024, inside the 3-month window"
    )
    assert (head["dso"], head["bpdso"], head["add"]) == (sales, sales, sales)
    assert (head["total_ar"], head["customers"]) == (3500.0, 2.0)  # the rest is shown
    assert sheet.notes[-1][1] == f"DSO (days): {sales}"
    assert sheet.notes[-2] == (
        "Indeks Efektivitas Penagihan (CEI): tidak dapat diestimasi: buku piutang dimulai "
        "15/01/2024, di dalam jendela 3 bulan",
        "Collection Effectiveness Index (CEI): not estimable: the ledger starts on 15/01/2024, "
        "inside the 3-month window",
    )


def test_monthly_series_starts_at_the_ledgers_first_month():
    report = build_report(STARTS_INSIDE, "2024-03-31", reports="dashboard", lang="en")
    sheet = report.sheets[0]
    kpis = next(t.frame for t in sheet.tables if t.name == "kpis")
    assert kpis["period"].tolist() == ["2024-01", "2024-02", "2024-03"]  # not 2022-04 onwards
    assert kpis["credit_sales"].tolist() == [1000.0, 3000.0, 500.0]
    assert sheet.notes[1][1].startswith("Headline: trailing 3 months; monthly series: 3 months")
