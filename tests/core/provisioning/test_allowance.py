"""Allowance for doubtful accounts (aging-percentage method) and the adjusting entry."""

from __future__ import annotations

import pytest

from xl_ar.core.provisioning.allowance import allowance, format_amount
from xl_ar.errors import XlArError

# ar-domain.md: 0-30 103,000 @1%; 31-60 97,500 @5%; 61-90 39,500 @15%; >90 10,000 @95% -> 21,330
BALANCES = [103_000.0, 97_500.0, 39_500.0, 10_000.0]
RATES = [0.01, 0.05, 0.15, 0.95]
LABELLED = [["Bucket", "Balance"], ["0-30", 103_000.0], ["31-60", 97_500.0],
            ["61-90", 39_500.0], ["> 90", 10_000.0]]  # fmt: skip


def test_worked_example_21330():
    got = allowance(BALANCES, RATES)
    assert got.required == pytest.approx(21_330.0)
    assert got.total_receivables == 250_000.0
    assert got.matrix["ecl"].tolist()[:4] == pytest.approx([1_030.0, 4_875.0, 5_925.0, 9_500.0])
    assert got.adjustment == pytest.approx(21_330.0)  # no allowance yet: book it all


def test_existing_credit_balance_is_topped_up():
    got = allowance(BALANCES, RATES, 5_000.0)
    assert got.existing == 5_000.0
    assert got.adjustment == pytest.approx(16_330.0)
    assert (got.debit_account, got.credit_account) == ("expense", "allowance")
    assert (
        got.entry("en")
        == "Debit Bad debt expense / Credit Allowance for doubtful accounts 16,330.00"
    )
    assert (
        got.entry("id")
        == "Debit Beban kerugian piutang / Kredit Cadangan kerugian piutang 16.330,00"
    )


@pytest.mark.parametrize(
    ("existing", "side"), [(-2_000.0, "credit"), (2_000.0, "debit"), (2_000.0, "Debit")]
)
def test_existing_debit_balance_adds_to_the_entry(existing, side):
    # write-offs exceeded the allowance: a 2,000 debit balance must be covered too
    got = allowance(BALANCES, RATES, existing, existing_side=side)
    assert got.existing == -2_000.0
    assert got.adjustment == pytest.approx(23_330.0)
    assert got.debit_account == "expense"


def test_existing_larger_than_required_is_a_reversal():
    got = allowance(BALANCES, RATES, 25_000.0)
    assert got.adjustment == pytest.approx(-3_670.0)
    assert (got.debit_account, got.credit_account) == ("allowance", "expense")
    assert got.entry("en").endswith("(reversal) 3,670.00")
    assert got.entry("id").startswith("Debit Cadangan kerugian piutang / Kredit Beban")
    assert "(pemulihan)" in got.entry("id")
    lines = dict(map(tuple, got.lines()))
    assert lines["Jumlah jurnal / Entry amount"] == pytest.approx(3_670.0)
    assert lines["Penyesuaian (dibutuhkan - saldo) / Adjustment (required - existing)"] < 0


def test_existing_equal_to_required_needs_no_entry():
    got = allowance(BALANCES, RATES, 21_330.004)
    assert got.adjustment == 0.0
    assert got.entry("en") == "No entry needed"
    assert got.entry("id") == "Tidak perlu jurnal penyesuaian"
    lines = dict(map(tuple, got.lines()))
    assert lines["Debit"] == "-" and lines["Kredit / Credit"] == "-"


def test_lines_are_labelled_and_net_receivables_tie():
    lines = allowance(BALANCES, RATES, 5_000.0).lines()
    assert all(len(line) == 2 and isinstance(line[0], str) for line in lines)
    values = dict(map(tuple, lines))
    assert values["Piutang bersih / Net receivables"] == pytest.approx(250_000.0 - 21_330.0)
    assert values["Adjusting entry"].startswith("Debit Bad debt expense")


def test_label_value_ranges_and_a_total_row():
    rates = [["0-30", 0.01], ["31-60", 0.05], ["61-90", 0.15], ["> 90", 0.95]]
    got = allowance([*LABELLED, ["Total", 250_000.0]], rates)
    assert got.required == pytest.approx(21_330.0)
    assert got.matrix["bucket"].tolist() == ["0-30", "31-60", "61-90", "> 90", "Total"]


def test_percent_text_and_forward_factor():
    got = allowance(BALANCES, ["1%", "5%", "15%", "95%"], forward_factor=2.0)
    # doubled rates, capped at 100 %: 2,060 + 9,750 + 11,850 + 10,000
    assert got.required == pytest.approx(33_660.0)


@pytest.mark.parametrize(
    ("balances", "rates", "existing", "message"),
    [
        (BALANCES, [0.01, 0.05, 0.15, 95.0], 0.0, "loss_rates: value 4 is 95 = 9500%, not between 0% and 100%"),
        (BALANCES, [0.01, 0.05, -0.15, 0.95], 0.0, "value 3 is -0.15 = -15%, not between 0% and 100%"),
        (BALANCES, RATES[:3], 0.0, "balances has 4 buckets but loss_rates has 3"),
        ([*LABELLED, ["Total", 1.0]], RATES, 0.0, "'Total' (1.00) is not the sum of the buckets"),
        (BALANCES, RATES, [[1.0], [2.0]], "existing_allowance must be one number"),
        (BALANCES, RATES, "banyak", "existing_allowance: value 1 ('banyak') is not a number"),
        (LABELLED, [["0-30", 0.01], ["1-30", 0.05], ["61-90", 0.1], [">90", 0.9]], 0.0,
         "bucket 2 is '31-60' in balances but '1-30' in loss_rates"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line(balances, rates, existing, message):
    with pytest.raises(XlArError) as err:
        allowance(balances, rates, existing)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_format_amount():
    assert format_amount(-1234.5) == "-1,234.50"
    assert format_amount(0.0, "id") == "0,00"
