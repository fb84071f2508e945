"""Factoring: advance, reserve, fee, interest, net proceeds, effective annual cost (by hand)."""

from __future__ import annotations

import pytest

from xl_ar.core.cashflow.factoring import FACTORING_LABELS, factoring, factoring_lines
from xl_ar.errors import XlArError


def test_hand_example_365():
    # Rp 100,000,000 sold; 80 % advanced; 2 % fee; 12 % p.a. on the advance for 60 days
    r = factoring(100_000_000, 0.80, 0.02, 60, interest_rate=0.12)
    assert r["advance"] == 80_000_000
    assert r["reserve"] == 20_000_000
    assert r["fee"] == 2_000_000
    interest = 80_000_000 * 0.12 * 60 / 365  # 1,578,082.19
    assert r["interest"] == pytest.approx(1_578_082.19, abs=0.005)
    assert r["net_proceeds"] == pytest.approx(80_000_000 - 2_000_000 - interest)  # 76,421,917.81
    assert r["total_cost"] == pytest.approx(3_578_082.19, abs=0.005)
    # 3,578,082.19 / 76,421,917.81 = 4.682 % for 60 days -> x 365/60 = 28.48 % a year
    assert r["effective_annual_cost"] == pytest.approx(0.284822, abs=1e-6)
    assert r["effective_annual_cost_compound"] == pytest.approx(
        1.0468201 ** (365 / 60) - 1, abs=1e-6
    )


def test_day_basis_360_and_no_interest():
    r = factoring(10_000_000, 0.9, 0.03, 30, interest_rate=0.12, day_basis=360)
    assert r["interest"] == pytest.approx(9_000_000 * 0.12 * 30 / 360)  # 90,000
    assert r["net_proceeds"] == pytest.approx(9_000_000 - 300_000 - 90_000)
    assert r["effective_annual_cost"] == pytest.approx(390_000 / 8_610_000 * 12)
    plain = factoring(1_000.0, 1.0, 0.01, 365)
    assert plain["interest"] == 0.0 and plain["reserve"] == 0.0
    assert plain["effective_annual_cost"] == pytest.approx(10 / 990)


def test_lines_are_bilingual_and_complete():
    lines = factoring_lines(factoring(1_000.0, 0.8, 0.02, 30))
    assert len(lines) == len(FACTORING_LABELS)
    assert lines[5] == ["Kas bersih diterima / Net proceeds", pytest.approx(780.0)]


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((0, 0.8, 0.02, 60), {}, "amount must be greater than 0, not 0"),
        ((100, 80, 0.02, 60), {}, "advance_rate must be a fraction above 0 and at most 1 (80 % is 0.8), not 80"),
        ((100, 0.8, 2, 60), {}, "fee_rate must be a fraction from 0 to below 1"),
        ((100, 0.8, 0.02, 0), {}, "days must be greater than 0, not 0"),
        ((100, 0.8, 0.02, 60), {"interest_rate": 12}, "interest_rate must be an annual fraction"),
        ((100, 0.8, 0.02, 60), {"day_basis": 366}, "day_basis must be 360 or 365, not 366"),
        ((100, 0.1, 0.2, 60), {}, "take the whole advance"),
        (("seratus", 0.8, 0.02, 60), {}, "amount: 'seratus' is not a number"),
        ((float("nan"), 0.8, 0.02, 60), {}, "amount: nan is not a number"),
    ],
)  # fmt: skip
def test_bad_input(args, kwargs, message):
    with pytest.raises(XlArError) as err:
        factoring(*args, **kwargs)
    assert message in str(err.value)
