"""Aging and KPIs by any ledger or customer-master column (issue 16)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.by_column_samples import (
    AS_OF,
    BY_KOTA,
    BY_REGION,
    BY_SALES,
    LABELS,
    LEDGER,
    MASTER,
)
from xl_ar.core import aging, kpi_series, kpi_series_by, read_ledger
from xl_ar.errors import OptionError


@pytest.mark.parametrize(("by", "head", "expected"), [
    ("master:region", "region", BY_REGION), ("master: Wilayah", "region", BY_REGION),
    ("salesperson", "salesperson", BY_SALES), (" SALES ", "salesperson", BY_SALES),
    ("kota", "Kota", BY_KOTA), ("KOTA", "Kota", BY_KOTA),
])  # fmt: skip
def test_golden_aging_by_a_column(by, head, expected):
    table = aging(LEDGER, AS_OF, by=by, customers=MASTER)
    assert list(table.columns) == [head, *LABELS]
    assert table.values.tolist() == expected


def test_a_ledger_column_needs_no_master_and_an_unknown_master_column_is_kept():
    assert aging(LEDGER, AS_OF, by="Kota").values.tolist() == BY_KOTA
    table = aging(LEDGER, AS_OF, by="catatan", customers=MASTER)
    assert table["Catatan"].tolist() == ["vip", "(blank)", "(not in customer master)", "Total"]
    assert table["Total"].tolist() == [1300.0, 650.5, 120.25, 2070.75]


def test_count_and_percent_by_region():
    count = aging(LEDGER, AS_OF, by="master:region", customers=MASTER, measure="count")
    assert count["Total"].tolist() == [1, 3, 1, 5]
    share = aging(LEDGER, AS_OF, by="master:region", customers=MASTER, measure="percent")
    assert share["Total"].round(6).tolist() == [round(250.5 / 2070.75, 6),
                                                 round(1700 / 2070.75, 6),
                                                 round(120.25 / 2070.75, 6), 1.0]  # fmt: skip


def test_unknown_columns_are_one_line_listing_the_available_ones():
    with pytest.raises(OptionError) as got:
        aging(LEDGER, AS_OF, by="regoin", customers=MASTER)
    message = str(got.value)
    assert message == (
        "by: no column 'regoin' in the customer master (email, phone, salesperson, region, "
        "credit_limit, Catatan) or the ledger (Kota, doc_type, invoice_date and 5 more "
        "(ledger:? lists all)); or 'customer', 'total', 'invoice'"
    )
    assert len(message) <= 255
    with pytest.raises(
        OptionError,
        match="^by 'salesperson' is a customer-master column \\(salesperson\\): "
        "give the customer master to group by it",
    ):
        aging(LEDGER, AS_OF, by="salesperson")
    with pytest.raises(OptionError, match="no column 'amount' in the ledger"):
        aging(LEDGER, AS_OF, by="amount")  # money is never a group


def test_several_currencies_are_aged_per_currency_within_each_group():
    rows = [[*LEDGER[0], "Currency"], *([*r, "IDR"] for r in LEDGER[1:]),
            ["UD Lama", "F9", "2024-06-01", "2024-07-01", 10.0, 0.0, None, "Bali", "USD"]]  # fmt: skip
    table = aging(rows, AS_OF, by="master:region", customers=MASTER)
    assert table[["region", "currency", "Total"]].values.tolist() == [
        ["Jawa", "IDR", 250.5], ["Sumatra", "IDR", 1700.0],
        ["(not in customer master)", "IDR", 120.25], ["Total", "IDR", 2070.75],
        ["Sumatra", "USD", 10.0], ["Total", "USD", 10.0],
    ]  # fmt: skip
    by_currency = aging(rows, AS_OF, by="currency")
    assert by_currency[["currency", "Total"]].values.tolist() == [["IDR", 2070.75], ["USD", 10.0]]


def test_kpi_series_by_region_adds_up_to_the_ledger():
    series = kpi_series_by(LEDGER, "2024-04-01", AS_OF, "master:region", customers=MASTER)
    assert series["region"].unique().tolist() == ["Jawa", "Sumatra", "(not in customer master)"]
    whole = kpi_series(LEDGER, "2024-04-01", AS_OF)
    summed = series.groupby("period", sort=True)[["credit_sales", "ending_ar"]].sum()
    assert summed["ending_ar"].tolist() == whole["ending_ar"].tolist() == [1400.0, 2020.25,
                                                                            2070.75]  # fmt: skip
    assert summed["credit_sales"].tolist() == whole["credit_sales"].tolist()
    june = series[(series["region"] == "Sumatra") & (series["period"] == "2024-06")].iloc[0]
    assert (june["ending_ar"], june["current_ar"], june["collections"]) == (1700.0, 0.0, 200.0)


# --- property: groups add up to the total, whatever the column and the master --------------
BASE = pd.Timestamp("2024-01-01")


@st.composite
def ledgers_and_masters(draw):
    n = draw(st.integers(1, 30))
    body = []
    for i in range(n):
        day = BASE + pd.Timedelta(days=draw(st.integers(0, 200)))
        amount = draw(st.integers(1, 10_000_000)) / 100
        paid = round(amount * draw(st.sampled_from([0.0, 0.5, 1.0])), 2)
        on = day + pd.Timedelta(days=draw(st.integers(0, 90))) if paid else None
        body.append([f"C{draw(st.integers(0, 6))}", str(i), day,
                     day + pd.Timedelta(days=draw(st.sampled_from([0, 30, 60]))), amount, paid, on,
                     draw(st.sampled_from(["x", "y", None]))])  # fmt: skip
    ledger = read_ledger([["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid",
                           "Payment Date", "Area Code"], *body])  # fmt: skip
    listed = draw(st.lists(st.integers(0, 8), unique=True, max_size=9))
    master = [["Customer", "Region"]] + [
        [f"c{k}", draw(st.sampled_from(["N", "S", None]))] for k in listed
    ]  # 'c3' is 'C3': the key ignores case
    return ledger, master


@settings(max_examples=60, deadline=None)
@given(got=ledgers_and_masters(), days=st.integers(0, 400),
       by=st.sampled_from(["region", "area code", "customer"]))  # fmt: skip
def test_totals_by_group_equal_the_total_aging_to_the_cent(got, days, by):
    ledger, master = got
    as_of = BASE + pd.Timedelta(days=days)
    table = aging(ledger, as_of, by=by, customers=master)
    total = aging(ledger, as_of, by="total")
    body = table.iloc[:-1]
    assert table.iloc[-1, 0] == "Total"
    cents = lambda v: np.round(np.asarray(v, dtype=float) * 100).astype(np.int64)  # noqa: E731
    assert cents(body[LABELS].sum()).tolist() == cents(total[LABELS].iloc[0]).tolist()
    assert cents(table[LABELS].iloc[-1]).tolist() == cents(total[LABELS].iloc[0]).tolist()
    assert body.iloc[:, 0].is_unique  # one row per group, none dropped
