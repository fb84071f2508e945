"""AR_ALLOWANCE, AR_ECL, AR_LOSS_RATES, AR_FORECAST, AR_FACTORING as Excel calls them.

Inputs are shaped as Excel sends them: row lists with the header row, None for empty cells,
floats for numbers, datetimes for date cells and float serials for DATE(...) typed in a formula.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from cell_errors import assert_one_line_error
from excel_rows import excel_rows
from loss_rate_rows import ROWS as LOSS_ROWS

from xl_ar.sample_data import make_sample_ledger
from xl_ar.testing import MISSING, excel_call, udf_functions

MODULES = ("xl_ar.udfs.provisioning", "xl_ar.udfs.cashflow")
NAMES = {"AR_ALLOWANCE", "AR_ECL", "AR_LOSS_RATES", "AR_FORECAST", "AR_FACTORING"}
D = dt.datetime
DEC_31 = 45657.0  # DATE(2024,12,31)


def call(name, *args):
    return excel_call(name, *args)


def excel_shaped(rows):
    """ISO text dates -> datetime cells (date-formatted cells), as Excel hands them over."""

    def cell(v):
        if isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            return D.fromisoformat(v)
        return v

    return [rows[0], *[[cell(v) for v in r] for r in rows[1:]]]


@pytest.fixture(scope="module")
def demo_rows():
    return excel_rows(make_sample_ledger())


# --- AR_ALLOWANCE --------------------------------------------------------------------------
def test_allowance_worked_example_with_entry():
    balances = [["Saldo"], [103000.0], [97500.0], [39500.0], [10000.0]]
    rates = [["Tarif"], [0.01], [0.05], [0.15], [0.95]]
    got = dict(map(tuple, call("AR_ALLOWANCE", balances, rates, 5000.0)))
    assert got["Cadangan yang dibutuhkan / Required allowance"] == pytest.approx(21330.0)
    assert got["Penyesuaian (dibutuhkan - saldo) / Adjustment (required - existing)"] == (
        pytest.approx(16330.0)
    )
    assert got["Debit"] == "Beban kerugian piutang / Bad debt expense"
    assert got["Kredit / Credit"] == "Cadangan kerugian piutang / Allowance for doubtful accounts"
    assert got["Adjusting entry"].endswith("16,330.00")
    assert got["Jurnal penyesuaian"].endswith("16.330,00")


def test_allowance_label_value_ranges_debit_balance_and_missing_existing():
    balances = [["0-30", 103000.0], ["31-60", 97500.0], ["61-90", 39500.0], ["> 90", 10000.0]]
    rates = [[0.01], [0.05], [0.15], [0.95]]
    got = dict(map(tuple, call("AR_ALLOWANCE", balances, rates, -2000.0)))
    assert got["Jumlah jurnal / Entry amount"] == pytest.approx(23330.0)
    got = dict(map(tuple, call("AR_ALLOWANCE", balances, rates)))
    assert got["Jumlah jurnal / Entry amount"] == pytest.approx(21330.0)
    got = dict(map(tuple, call("AR_ALLOWANCE", balances, rates, Decimal("30000"))))
    assert "(reversal)" in got["Adjusting entry"]


# --- AR_ECL --------------------------------------------------------------------------------
def test_ecl_worked_example_580000():
    balances = [[15e6], [7.5e6], [4e6], [2.5e6], [1e6]]
    rates = [[0.003], [0.016], [0.036], [0.066], [0.106]]
    got = call("AR_ECL", balances, rates)
    assert got[0] == ["bucket", "gross_balance", "loss_rate", "ecl"]
    assert [r[0] for r in got[1:]] == ["Current", "1-30", "31-60", "61-90", ">90", "Total"]
    assert got[-1][1] == 30e6 and got[-1][3] == pytest.approx(580000.0)
    adjusted = call("AR_ECL", balances, rates, 1.1)
    assert adjusted[0] == ["bucket", "gross_balance", "historical_loss_rate", "loss_rate", "ecl"]
    assert adjusted[-1][-1] == pytest.approx(638000.0)


def test_ecl_takes_the_aging_total_output_and_ties(demo_rows):
    aged = excel_call("AR_AGING", demo_rows, DEC_31, MISSING, MISSING, "total")
    rates = [
        ["Current", 0.003],
        ["1-30", 0.016],
        ["31-60", 0.036],
        ["61-90", 0.066],
        [">90", 0.106],
    ]
    got = call("AR_ECL", aged, rates)
    assert [r[0] for r in got[1:-1]] == aged[0][:-1]
    assert [r[1] for r in got[1:-1]] == aged[1][:-1]
    assert got[-1][1] == pytest.approx(aged[1][-1])


# --- AR_LOSS_RATES ----------------------------------------------------------------------------
def test_loss_rates_three_outputs():
    rows = excel_shaped(LOSS_ROWS)
    rates = call("AR_LOSS_RATES", rows, D(2024, 1, 1), D(2024, 4, 30))
    assert rates[0] == [
        "bucket",
        "2024-01",
        "2024-02",
        "2024-03",
        "2024-04",
        "roll_rate",
        "loss_rate",
    ]
    assert rates[1][1] == pytest.approx(2600 / 4500)
    assert rates[1][4] == ""  # no Current balance at 31 March: no roll rate
    assert rates[5][-1] == pytest.approx(4 / 9)
    balances = call("AR_LOSS_RATES", rows, 45292.0, 45412.0, MISSING, MISSING, "Balances")
    assert balances[0][-2:] == ["written off (>180)", "Total"]
    assert balances[1][0] == D(2023, 12, 31) and balances[1][-1] == 9800.0
    notes = call("AR_LOSS_RATES", rows, 45292.0, 45412.0, MISSING, MISSING, "disclosure")
    assert notes[0][1] == "Nilai tercatat bruto / Gross carrying amount"
    assert notes[-1][1] == 4600.0  # the aging at 30 April 2024, credit note included
    assert notes[-1][3] == pytest.approx(3300 * 4 / 9 + 1300)
    other = call("AR_LOSS_RATES", rows, 45292.0, 45412.0, "30,60", 150.0)
    assert [r[0] for r in other[1:]] == ["Current", "1-30", "31-60", ">60"]


def test_loss_rates_on_the_demo_ledger(demo_rows):
    got = call("AR_LOSS_RATES", demo_rows, D(2024, 1, 1), DEC_31)
    assert len(got) == 6 and len(got[0]) == 1 + 12 + 2
    losses = [r[-1] for r in got[1:]]
    assert losses == sorted(losses) and 0 < losses[0] < losses[-1] < 1


# --- AR_FORECAST ------------------------------------------------------------------------------
def test_forecast_by_hand_with_promises():
    rows = excel_shaped(
        [["Pelanggan", "No Faktur", "Tanggal Faktur", "Jatuh Tempo", "Jumlah", "Sengketa",
          "Dibayar", "Tanggal Bayar"],
         ["PT Maju", "F-1", "2024-12-01", "2025-01-03", 1000.0, None, None, None],
         ["PT Maju", "F-2", "2024-12-05", "2025-01-20", 2000.0, None, None, None],
         ["CV Baru", "F-3", "2024-11-01", "2024-12-01", 500.0, "Ya", None, None],
         ["CV Baru", "F-4", "2024-12-20", "2025-06-30", 300.0, None, None, None],
         # paid on its due date: a history (payment dates), every customer 0 days late
         ["PT Maju", "F-0", "2024-10-01", "2024-10-31", 700.0, None, 700.0, "2024-10-31"],
         [None, None, None, None, None, None, None, None]]
    )  # fmt: skip
    promises = [["No Faktur", "Tanggal Janji"], ["F-2", D(2025, 1, 9)], [None, None]]
    got = call("AR_FORECAST", rows, DEC_31, 3.0, "week", promises, 0.0)
    assert got[0] == ["period", "start", "end", "amount", "items"]
    assert got[1] == ["W01", D(2025, 1, 1), D(2025, 1, 7), 1000.0, 1.0]
    assert got[2] == ["W02", D(2025, 1, 8), D(2025, 1, 14), 2000.0, 1.0]
    assert got[3][3] == 0.0
    assert got[4:] == [
        ["Beyond horizon", "", "", 300.0, 1.0],
        ["Disputed", "", "", 500.0, 1.0],
        ["Expected loss", "", "", 0.0, ""],
        ["Total", "", "", 3800.0, 4.0],
    ]
    monthly = call(
        "AR_FORECAST", rows, DEC_31, MISSING, "Bulan", MISSING, [[0.0], [0.1], [0.1], [0.1], [0.5]]
    )
    assert [r[0] for r in monthly[1:4]] == ["2025-01", "2025-02", "2025-03"]
    assert monthly[-2][3] == pytest.approx(50.0)  # F-3: 30 days past due, 1-30 at 10 %
    assert monthly[-1][3] == 3800.0


def test_forecast_on_the_demo_ledger_ties_to_the_aging(demo_rows):
    got = call("AR_FORECAST", demo_rows, DEC_31)
    aged = excel_call("AR_AGING", demo_rows, DEC_31, MISSING, MISSING, "total")
    assert len(got) == 1 + 13 + 4
    assert got[-1][3] == pytest.approx(aged[1][-1], abs=0.005)
    assert sum(r[3] for r in got[1:-1]) == pytest.approx(aged[1][-1], abs=0.005)


# --- AR_FACTORING -----------------------------------------------------------------------------
def test_factoring_hand_example():
    got = dict(map(tuple, call("AR_FACTORING", 100000000.0, 0.8, 0.02, 60.0, 0.12)))
    assert got["Uang muka dari faktor / Advance"] == 80000000.0
    assert got["Dana cadangan (ditahan faktor) / Reserve (held back)"] == 20000000.0
    assert got["Bunga atas uang muka / Interest on the advance"] == pytest.approx(
        1578082.19, abs=0.01
    )
    assert got["Kas bersih diterima / Net proceeds"] == pytest.approx(76421917.81, abs=0.01)
    assert got["Biaya efektif per tahun (sederhana) / Effective annual cost (simple)"] == (
        pytest.approx(0.2848223, abs=1e-7)
    )
    no_interest = dict(map(tuple, call("AR_FACTORING", 1000.0, 0.8, 0.02, 30.0)))
    assert no_interest["Bunga atas uang muka / Interest on the advance"] == 0.0
    basis = dict(map(tuple, call("AR_FACTORING", 1000.0, 0.8, 0.02, 30.0, 0.12, 360.0)))
    assert basis["Bunga atas uang muka / Interest on the advance"] == pytest.approx(8.0)


# --- metadata ---------------------------------------------------------------------------------
def test_function_wizard_metadata():
    functions = {name: f for module in MODULES for name, f in udf_functions(module).items()}
    assert set(functions) == NAMES
    for name, func in functions.items():
        info = func.__xlfunc__
        assert info["category"] == "AR Tools"
        description = info["ret"]["doc"]
        assert 20 <= len(description) <= 255, name
        assert f"Example: ={name}(" in description, name
        description.encode("cp1252")
        for arg in info["args"]:
            assert 5 <= len(arg["doc"]) <= 255 and not arg["doc"].startswith("Positional"), arg
            arg["doc"].encode("cp1252")


# --- bad input: one line, starts with the function name ------------------------------------------
HAND = excel_shaped(LOSS_ROWS)
COL5 = [[1.0], [2.0], [3.0], [4.0], [5.0]]
RATE5 = [[0.01], [0.02], [0.03], [0.04], [0.05]]

CASES = [
    ("allow-rate-percent", "AR_ALLOWANCE", ([[100.0], [50.0]], [[1.0], [5.0]]),
     "loss_rates: value 2 is 5 = 500%, not between 0% and 100%: type a rate as a percentage (2%) or a fraction (0.02)"),
    ("allow-negative-rate", "AR_ALLOWANCE", ([[100.0]], [[-0.1]]), "value 1 is -0.1 = -10%, not between 0% and 100%"),
    ("allow-count", "AR_ALLOWANCE", (COL5, RATE5[:4]), "balances has 5 buckets but loss_rates has 4"),
    ("allow-existing-text", "AR_ALLOWANCE", (COL5, RATE5, "lima ribu"),
     "existing_allowance: value 1 ('lima ribu') is not a number"),
    ("allow-empty", "AR_ALLOWANCE", ([[None], [None]], RATE5), "balances is empty"),
    ("ecl-count", "AR_ECL", (COL5, RATE5[:3]), "balances has 5 buckets but loss_rates has 3"),
    ("ecl-rate-above-1", "AR_ECL", (COL5, [[0.1], [0.2], [0.3], [0.4], [1.06]]),
     "loss_rates: value 5 is 1.06 = 106%, not between 0% and 100%"),
    ("ecl-labels-differ", "AR_ECL", ([["Current", 1.0], ["1-30", 2.0]], [["Current", 0.1], ["31-60", 0.2]]),
     "bucket 2 is '1-30' in balances but '31-60' in loss_rates"),
    ("ecl-factor", "AR_ECL", (COL5, RATE5, -1.0), "forward_factor must be 0 or more"),
    ("ecl-text-balance", "AR_ECL", ([["Saldo"], [1.0], ["dua"]], RATE5[:2]), "balances: value 2 ('dua') is not a number"),
    ("ecl-error-cell", "AR_ECL", ([[1.0], [-2146826246]], RATE5[:2]), "balances (cell 2) is #N/A"),
    ("ecl-total-mismatch", "AR_ECL", ([["Current", "1-30", "Total"], [1.0, 2.0, 4.0]], RATE5[:2]),
     "balances: 'Total' (4.00) is not the sum of the buckets (3.00)"),
    ("loss-window", "AR_LOSS_RATES", (HAND, D(2024, 4, 2), D(2024, 4, 29)), "holds no whole month"),
    ("loss-reversed", "AR_LOSS_RATES", (HAND, D(2024, 4, 30), D(2024, 1, 1)),
     "to_date 2024-01-01 is before from_date 2024-04-30"),
    ("loss-write-off", "AR_LOSS_RATES", (HAND, D(2024, 1, 1), D(2024, 4, 30), MISSING, 60.0),
     "write_off_after_days must be a whole number of days above the last bucket edge 90, not 60"),
    ("loss-output", "AR_LOSS_RATES", (HAND, D(2024, 1, 1), D(2024, 4, 30), MISSING, MISSING, "chart"),
     "output must be one of 'rates', 'balances', 'disclosure', not 'chart'"),
    ("loss-undefined", "AR_LOSS_RATES", (HAND, D(2024, 4, 1), D(2024, 4, 30), MISSING, MISSING, "disclosure"),
     "loss rates cannot be estimated: no roll rate for 'Current'"),
    ("loss-bad-ledger", "AR_LOSS_RATES", ([["Customer", "Amount"], ["A", 1.0]], D(2024, 1, 1), D(2024, 4, 30)),
     "AR_LOSS_RATES: "),
    ("fc-horizon-0", "AR_FORECAST", (HAND, DEC_31, 0.0), "horizon must be a whole number of weeks from 1 to 260, not 0"),
    ("fc-horizon-negative", "AR_FORECAST", (HAND, DEC_31, -4.0, "month"),
     "horizon must be a whole number of months from 1 to 60, not -4"),
    ("fc-period", "AR_FORECAST", (HAND, DEC_31, MISSING, "quarter"),
     "period must be one of 'week', 'month' (or 'minggu', 'bulan'), not 'quarter'"),
    ("fc-promise-date", "AR_FORECAST", (HAND, DEC_31, MISSING, MISSING, [["F", "besok"]], 0.0),
     "promises row 1: 'besok' is not a date"),
    ("fc-promise-unknown", "AR_FORECAST", (HAND, DEC_31, MISSING, MISSING, [["Z-9", DEC_31]], 0.0),
     "promises: invoice 'Z-9' is not in the ledger"),
    ("fc-rates-count", "AR_FORECAST", (HAND, DEC_31, MISSING, MISSING, MISSING, RATE5[:4]),
     "loss_rates has 4 values but the aging has 5 buckets"),
    ("fc-rates-range", "AR_FORECAST", (HAND, DEC_31, MISSING, MISSING, MISSING, [[0.1], [12.0], [0.1], [0.1], [0.1]]),
     "loss_rates: value 2 is 12 = 1200%, not between 0% and 100%"),
    ("fc-no-history", "AR_FORECAST", ([["Customer", "Invoice Date", "Due Date", "Amount"],
     ["A", D(2024, 1, 1), D(2024, 1, 31), 100.0]], D(2024, 3, 31)),
     "not estimable: when customers pay is unknown: the ledger lists only open invoices as of "
     "31/03/2024, with no payment dates"),
    ("fc-as-of", "AR_FORECAST", (HAND, "besok"), "as_of: 'besok' is not a date"),
    ("fac-advance", "AR_FACTORING", (1000.0, 80.0, 0.02, 60.0), "advance_rate must be a fraction above 0 and at most 1"),
    ("fac-days", "AR_FACTORING", (1000.0, 0.8, 0.02, 0.0), "days must be greater than 0, not 0"),
    ("fac-basis", "AR_FACTORING", (1000.0, 0.8, 0.02, 30.0, 0.1, 300.0), "day_basis must be 360 or 365, not 300"),
    ("fac-text", "AR_FACTORING", ("banyak", 0.8, 0.02, 30.0), "amount: value 1 ('banyak') is not a number"),
    ("fac-eaten", "AR_FACTORING", (1000.0, 0.1, 0.5, 30.0), "take the whole advance"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "args", "fragment"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_bad_input_gives_one_line_naming_the_function(name, args, fragment):
    assert_one_line_error(name, call(name, *args), fragment)


def test_there_are_at_least_10_cases():
    assert len(CASES) >= 10
    assert len({c[0] for c in CASES}) == len(CASES)
