"""Issue 15, item 1: amounts in different currencies are aged per currency and never added;
every other money figure refuses a ledger of several currencies; a rate table converts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_ar.core import (
    aging,
    convert_currency,
    credit_review,
    ecl_from_ledger,
    forecast,
    kpi_series,
    kpi_summary,
    load_ledger,
    loss_rates,
    read_ledger,
    require_one_currency,
    worklist,
)
from xl_ar.core.metrics.payment_behaviour import past_due_shares, weighted_average_days_to_pay
from xl_ar.errors import CurrencyError, LedgerError, OptionError

HEADER = ["Customer", "Invoice Date", "Due Date", "Amount", "Currency"]
MIXED = [
    HEADER,
    ["PT A", "2024-01-01", "2024-01-31", 1_000_000, "IDR"],
    ["PT B", "2024-01-01", "2024-01-31", 1_000, "USD"],
    ["PT A", "2024-01-01", "2024-01-31", 500, "USD"],
]
AS_OF = "2024-03-31"
REFUSAL = (
    "the ledger is in several currencies (open: IDR 1,000,000; USD 1,500): {} would add them "
    "up; convert them with a rate table, or keep one currency"
)


def test_the_three_row_case_is_aged_per_currency_never_added():
    table = aging(MIXED, AS_OF)
    assert table.columns.tolist() == [
        "customer", "currency", "Current", "1-30", "31-60", "61-90", ">90", "Total",
    ]  # fmt: skip
    assert table[["customer", "currency", "31-60", "Total"]].values.tolist() == [
        ["PT A", "IDR", 1_000_000.0, 1_000_000.0],
        ["Total", "IDR", 1_000_000.0, 1_000_000.0],
        ["PT A", "USD", 500.0, 500.0],
        ["PT B", "USD", 1_000.0, 1_000.0],
        ["Total", "USD", 1_500.0, 1_500.0],
    ]
    assert 1_000_500.0 not in table["Total"].tolist()  # before: PT A 1,000,500


def test_by_total_count_percent_and_invoice_keep_currencies_apart():
    total = aging(MIXED, AS_OF, by="total")
    assert total[["currency", "Total"]].values.tolist() == [["IDR", 1e6], ["USD", 1500.0]]
    count = aging(MIXED, AS_OF, measure="count")
    assert count["Total"].tolist() == [1, 1, 1, 1, 2]
    percent = aging(MIXED, AS_OF, measure="percent")
    assert percent["Total"].round(6).tolist() == [1.0, 1.0, 0.333333, 0.666667, 1.0]
    items = aging(MIXED, AS_OF, by="invoice")
    assert items.columns[:2].tolist() == ["customer", "currency"]
    assert items["currency"].tolist() == ["IDR", "USD", "USD"]


def test_one_currency_keeps_todays_table():
    one = [HEADER, *[r[:4] + ["USD"] for r in MIXED[1:]]]
    table = aging(one, AS_OF)
    assert "currency" not in table.columns
    assert table[["customer", "Total"]].values.tolist() == [
        ["PT A", 1_000_500.0], ["PT B", 1_000.0], ["Total", 1_001_500.0],
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("call", "what"),
    [
        (lambda led: kpi_summary(led, AS_OF), "the KPI summary"),
        (lambda led: kpi_series(led, "2024-01-01", AS_OF), "the KPI series"),
        (lambda led: worklist(led, AS_OF), "the collections worklist"),
        (lambda led: forecast(led, AS_OF, loss_rates=[0, 0, 0, 0, 0]), "the cash forecast"),
        (lambda led: ecl_from_ledger(led, AS_OF, [0, 0, 0, 0, 0]), "the allowance (ECL)"),
        (lambda led: loss_rates(led, "2024-01-01", AS_OF), "the loss rates"),
        (lambda led: past_due_shares(led, AS_OF), "the past-due shares"),
        (lambda led: weighted_average_days_to_pay(led), "the weighted days to pay"),
        (lambda led: credit_review([["Customer", "Credit Limit"], ["PT A", 5]], led, AS_OF),
         "the credit review"),
    ],
)  # fmt: skip
def test_every_other_money_figure_refuses_several_currencies(call, what):
    with pytest.raises(CurrencyError) as err:
        call(read_ledger(MIXED))
    assert str(err.value) == REFUSAL.format(what)
    assert err.value.currencies == ("IDR", "USD")


def test_codes_are_normalised_and_blanks_take_the_one_currency():
    rows = [HEADER, ["PT A", "2024-01-01", "2024-01-31", 5, "Rp"],
            ["PT B", "2024-01-01", "2024-01-31", 7, " idr "],
            ["PT C", "2024-01-01", "2024-01-31", 9, None]]  # fmt: skip
    got = load_ledger(rows)
    assert got.ok and got.ledger["currency"].tolist() == ["IDR", "IDR", "IDR"]
    assert require_one_currency(got.ledger) == "IDR"


def test_a_blank_currency_in_a_ledger_of_several_is_a_problem_unless_the_option_says():
    rows = [*MIXED, ["PT C", "2024-01-01", "2024-01-31", 9, ""]]
    got = load_ledger(rows)
    assert got.problems.values.tolist() == [
        [5, "Currency", "", "is blank in a ledger of several currencies (IDR, USD): give each "
         "row its currency"],
    ]  # fmt: skip
    filled = load_ledger(rows, currency="usd")
    assert filled.ok and filled.ledger["currency"].tolist() == ["IDR", "USD", "USD", "USD"]


def test_an_unknown_currency_text_is_a_problem_and_a_bad_option_is_refused():
    rows = [HEADER, ["PT A", "2024-01-01", "2024-01-31", 5, "Dollar"]]
    assert load_ledger(rows).problems["problem"].tolist() == [
        "is not a currency code (e.g. IDR, USD)"
    ]
    with pytest.raises(OptionError, match="currency must be a 3-letter code"):
        load_ledger([r[:4] for r in rows], currency="dollars")


def test_the_currency_option_names_a_ledger_without_the_column():
    led = read_ledger([r[:4] for r in MIXED], currency="USD")
    assert led["currency"].tolist() == ["USD", "USD", "USD"]
    plain = read_ledger([r[:4] for r in MIXED])
    assert plain["currency"].isna().all()  # no column, no option: read as Rupiah downstream


def test_a_ledger_of_several_currencies_gets_a_reading_note():
    assert load_ledger(MIXED).notes == (
        "2 currencies (open: IDR 1,000,000 in 1 row; USD 1,500 in 2 rows): aged per currency, "
        "never added; other figures need a rate table or one currency",
    )


def test_only_currency_keeps_one_and_says_what_was_left_out():
    got = load_ledger(MIXED, only_currency="USD")
    assert got.ledger["currency"].tolist() == ["USD", "USD"]
    assert got.notes == ("only USD: 1 row in other currencies left out (IDR 1,000,000)",)
    assert aging(got.ledger, AS_OF)["Total"].tolist() == [500.0, 1_000.0, 1_500.0]
    with pytest.raises(OptionError, match=r"only_currency EUR: the ledger has no rows in EUR"):
        load_ledger(MIXED, only_currency="EUR")


RATES = [["Currency", "Rate", "Date"], ["USD", 15_000, "2024-02-29"], ["USD", 15_500, "2024-03-31"]]


def test_a_rate_table_converts_with_the_latest_rate_and_says_which():
    led = read_ledger(MIXED)
    out, note = convert_currency(led, RATES, "IDR")
    assert out["amount"].tolist() == [1_000_000.0, 15_500_000.0, 7_750_000.0]
    assert out["currency"].tolist() == ["IDR"] * 3
    assert note == "amounts in IDR; converted at USD 1 = IDR 15,500 (rate of 2024-03-31)"
    earlier, note = convert_currency(led, RATES, "IDR", as_of="2024-03-01")
    assert earlier["amount"].tolist() == [1_000_000.0, 15_000_000.0, 7_500_000.0]
    assert note.endswith("(rate of 2024-02-29)")
    table = aging(earlier, AS_OF)
    assert table[["customer", "Total"]].values.tolist() == [
        ["PT A", 8_500_000.0], ["PT B", 15_000_000.0], ["Total", 23_500_000.0],
    ]  # fmt: skip


def test_conversion_keeps_balance_equal_to_amount_minus_paid_in_cents():
    rows = [["Customer", "Invoice Date", "Due Date", "Amount", "Paid", "Currency"],
            ["PT A", "2024-01-01", "2024-01-31", 10.01, 3.33, "USD"]]  # fmt: skip
    out, _ = convert_currency(read_ledger(rows), [["Currency", "Rate"], ["USD", 1.005]], "EUR")
    assert out.loc[2, ["amount", "paid", "balance"]].tolist() == [10.06, 3.35, 10.06 - 3.35]
    assert out.loc[2, "currency"] == "EUR"


def test_reading_with_rates_converts_and_notes_the_rate():
    got = load_ledger(MIXED, rates=RATES, rate_date="2024-03-31")
    assert got.ledger["amount"].tolist() == [1_000_000.0, 15_500_000.0, 7_750_000.0]
    assert got.notes == ("amounts in IDR; converted at USD 1 = IDR 15,500 (rate of 2024-03-31)",)
    assert kpi_summary(got.ledger, AS_OF)["total_ar"] == 24_250_000.0


@pytest.mark.parametrize(
    ("rates", "kwargs", "error", "message"),
    [
        ([["Currency", "Rate"], ["EUR", 17_000]], {}, CurrencyError,
         "rates: no rate for USD (2 ledger rows): add USD to the rate table (units of IDR per 1 USD)"),
        (RATES, {"as_of": "2024-01-31"}, OptionError,
         "rates: no USD rate dated on or before 2024-01-31"),
        ([["Currency", "Rate"], ["USD", 1], ["USD", 2]], {}, OptionError,
         "rates: USD has 2 rates: date each one"),
        ([["Currency", "Rate"], ["USD", -1]], {}, OptionError,
         "rates: row 2: -1 is not a rate (units of the reporting currency per 1 unit, above 0)"),
        ([["Code", "Kurs"], ["Dollar", 1]], {}, OptionError,
         "rates: row 2: 'Dollar' is not a currency code (IDR, USD ...)"),
        ([["Currency", "Amount"], ["USD", 1]], {}, OptionError,
         "rates: no rate column (the headers are currency, rate, date)"),
    ],
)  # fmt: skip
def test_rate_table_errors_are_one_line(rates, kwargs, error, message):
    with pytest.raises(error) as err:
        convert_currency(read_ledger(MIXED), rates, "IDR", **kwargs)
    assert str(err.value) == message


def test_a_ledger_of_unknown_currency_is_not_converted_silently():
    with pytest.raises(CurrencyError, match="the ledger does not say its currency"):
        convert_currency(read_ledger([r[:4] for r in MIXED]), RATES, "IDR")


def test_strict_reading_still_refuses_a_blank_currency_among_several():
    with pytest.raises(LedgerError, match="is blank in a ledger of several currencies"):
        read_ledger([*MIXED, ["PT C", "2024-01-01", "2024-01-31", 9, None]])


# --- property: per currency, the aging total is that currency's open balance ---------------

CODES = ("IDR", "USD", "EUR")
rows_strategy = st.lists(
    st.tuples(
        st.sampled_from(["PT A", "PT B", "PT C", "CV D"]),
        st.integers(0, 120),  # days before the as-of date
        st.integers(1, 10_000_000).map(lambda cents: cents / 100),
        st.sampled_from(CODES),
    ),
    min_size=1,
    max_size=25,
)


def _ledger(rows):
    day = pd.Timestamp(AS_OF)
    return [HEADER, *[[c, (day - pd.Timedelta(days=d)).date().isoformat(),
                       (day - pd.Timedelta(days=d - 30)).date().isoformat(), a, k]
                      for c, d, a, k in rows]]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(rows=rows_strategy, seed=st.integers(0, 2**32 - 1))
def test_per_currency_totals_equal_open_balances_in_any_order(rows, seed):
    table = aging(_ledger(rows), AS_OF)
    totals = table[table["customer"] == "Total"] if "currency" in table else table.tail(1)
    expected: dict[str, float] = {}
    for _, _, amount, code in rows:
        expected[code] = expected.get(code, 0.0) + amount
    if "currency" in table:
        got = dict(zip(totals["currency"], totals["Total"], strict=True))
    else:
        got = {rows[0][3]: float(totals["Total"].iloc[0])}
    assert got.keys() == expected.keys()
    for code, value in expected.items():
        assert got[code] == pytest.approx(value, abs=0.005)
    shuffled = [rows[i] for i in np.random.default_rng(seed).permutation(len(rows))]
    again = aging(_ledger(shuffled), AS_OF)
    pd.testing.assert_frame_equal(again, table)
