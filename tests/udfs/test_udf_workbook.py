"""A workbook whose cells call AR_* functions, evaluated headlessly by pycel through the harness.

The results must equal the core's own numbers: this is the path a formula takes in Excel
(cell → VBA wrapper → xlwings conversion → UDF → core), minus Excel itself.
"""

from __future__ import annotations

import datetime as dt

import pytest
import xlsxwriter

from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.metrics.dso import dso_countback, dso_simple
from xl_ar.core.metrics.payment_behaviour import weighted_average_days_to_pay
from xl_ar.core.metrics.ratios import cei
from xl_ar.core.position.aging import aging
from xl_ar.core.position.open_items import days_between

pycel = pytest.importorskip("pycel")

D = dt.datetime
LEDGER = [
    ["Pelanggan", "No Faktur", "Tanggal Faktur", "Jatuh Tempo", "Jumlah", "Dibayar",
     "Tanggal Bayar"],
    ["PT Maju", "F-1", D(2024, 1, 1), D(2024, 1, 31), 1000, 1000, D(2024, 2, 20)],
    ["PT Maju", "F-2", D(2024, 5, 1), D(2024, 5, 31), 400, 100, D(2024, 6, 1)],
    ["CV Baru", "F-3", D(2024, 6, 10), D(2024, 7, 10), 250, 0, None],
    ["CV Baru", "F-4", D(2024, 3, 1), D(2024, 3, 31), 80, 80, D(2024, 7, 20)],
    ["UD Sejahtera", "F-5", D(2023, 12, 1), D(2024, 1, 15), 3000, 3000, D(2024, 1, 10)],
]  # fmt: skip
FORMULAS = {
    "B1": "=AR_DSO(200000,2000000,365)",
    "B2": "=AR_CEI(6200,10890,6340,3590,3)",
    "B3": "=INDEX(AR_AGING(Ledger!A1:G6,DATE(2024,6,30)),4,7)",  # grand total
    "B4": "=INDEX(AR_AGING(Ledger!A1:G6,DATE(2024,6,30)),2,6)",  # CV Baru >90
    "B5": "=AR_DPD(DATE(2024,5,31),DATE(2024,6,30))",
    "B6": "=AR_WADP(Ledger!A1:G6)",
    "B7": '=AR_DSO(212000,D1:D3,30,"countback","oldest first")',
    "B8": '=AR_AGING(Ledger!A1:G6,"kemarin")',
    "B9": "=AR_BUCKET(AR_DPD(Ledger!D2,DATE(2024,6,30)))",
}


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "udf_fixture.xlsx"
    book = xlsxwriter.Workbook(path, {"strings_to_formulas": False})
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet = book.add_worksheet("Ledger")
    for r, row in enumerate(LEDGER):
        for c, value in enumerate(row):
            if isinstance(value, dt.datetime):
                sheet.write_datetime(r, c, value, date)
            elif value is not None:
                sheet.write(r, c, value)
    check = book.add_worksheet("Check")
    for r, sales in enumerate([70000, 80000, 100000]):
        check.write_number(r, 3, sales)
    for cell, formula in FORMULAS.items():
        check.write_formula(cell, formula)
    book.close()
    return path


@pytest.fixture(scope="module")
def evaluated(workbook):
    compiler = pycel.ExcelCompiler(filename=str(workbook), plugins=["pycel_plugin"])
    for cell in FORMULAS:  # load the cells (pycel starts from the cached values) ...
        compiler.evaluate(f"Check!{cell}")
    compiler.recalculate()  # ... then compute every formula
    return {cell: compiler.evaluate(f"Check!{cell}") for cell in FORMULAS}


def test_cells_equal_the_core(evaluated):
    led = read_ledger(LEDGER)
    table = aging(led, "2024-06-30").set_index("customer")
    assert evaluated["B1"] == dso_simple(200000, 2000000, 365)
    assert evaluated["B2"] == cei(6200, 10890, 6340, 3590, 3)
    assert evaluated["B3"] == table.loc["Total", "Total"] == 630.0
    assert evaluated["B4"] == table.loc["CV Baru", ">90"] == 80.0
    assert evaluated["B5"] == days_between([D(2024, 5, 31)], "2024-06-30")[0] == 30.0
    assert evaluated["B6"] == pytest.approx(weighted_average_days_to_pay(led))
    assert evaluated["B7"] == pytest.approx(dso_countback(212000, [70000, 80000, 100000], 30))
    assert evaluated["B9"] == ">90"  # F-1 was due 2024-01-31: 151 days


def test_a_bad_argument_shows_one_line_in_its_cell(evaluated):
    assert evaluated["B8"] == (
        "AR_AGING: as_of: 'kemarin' is not a date (use YYYY-MM-DD or an Excel date)"
    )
