"""Tests of xl_ar.core.credit.credit_review: a hand-computed small ledger (every rating and action
rule), the customers table reader, and the demo ledger (chronic late payers, over-limit
customers, open AR that ties to the ledger).

Policy values used (the defaults, written out): paid late = more than 15 days after the due
date; poor = weighted days late > 30, or > 50% paid late, or > 25% of the open AR more than
60 days past due (undisputed); good = weighted days late <= 5 and <= 20% paid late; raise
when a good payer uses more than 80% of the limit.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from xl_ar.core.credit.credit_review import credit_review, read_customers
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.position.open_items import open_items
from xl_ar.errors import XlArError
from xl_ar.sample_data import SAMPLE_AS_OF, make_sample_ledger

AS_OF = "2024-06-30"
HEADER = ["Customer", "Type", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid",
          "Payment Date", "Disputed"]  # fmt: skip
LEDGER = [
    HEADER,
    # PT Alfa: paid 2 and 0 days late -> weighted (1,000,000×2 + 3,000,000×0) / 4,000,000 = 0.5
    ["PT Alfa", "Invoice", "A1", "2024-01-01", "2024-01-31", 1_000_000, 1_000_000, "2024-02-02", ""],
    ["PT Alfa", "Invoice", "A2", "2024-02-01", "2024-03-02", 3_000_000, 3_000_000, "2024-03-02", ""],
    ["PT Alfa", "Invoice", "A3", "2024-06-01", "2024-07-01", 2_000_000, None, None, ""],
    ["PT Alfa", "Credit Note", "NK1", "2024-06-10", "2024-06-10", -500_000, None, None, ""],
    # CV Beta: 21 and 5 days late -> (4,000,000×21 + 6,000,000×5) / 10,000,000 = 11.4;
    # paid late (> 15 days): 4,000,000 / 10,000,000 = 40%
    ["CV Beta", "Invoice", "B1", "2024-01-10", "2024-02-09", 4_000_000, 4_000_000, "2024-03-01", ""],
    ["CV Beta", "Invoice", "B2", "2024-02-10", "2024-03-11", 6_000_000, 6_000_000, "2024-03-16", ""],
    ["CV Beta", "Invoice", "B3", "2024-05-01", "2024-05-31", 5_000_000, None, None, ""],
    # UD Gamma: 60 and 30 days late -> (2,000,000×60 + 1,000,000×30) / 3,000,000 = 50
    ["UD Gamma", "Invoice", "G1", "2024-01-05", "2024-02-04", 2_000_000, 2_000_000, "2024-04-04", ""],
    ["UD Gamma", "Invoice", "G2", "2024-03-01", "2024-03-31", 1_000_000, 1_000_000, "2024-04-30", ""],
    ["UD Gamma", "Invoice", "G3", "2024-06-10", "2024-07-10", 1_500_000, None, None, ""],
    # PT Delta: no history; 1,000,000 of 3,000,000 is 91 days past due -> 33% > 25%
    ["PT Delta", "Invoice", "D1", "2024-03-01", "2024-03-31", 1_000_000, None, None, ""],
    ["PT Delta", "Invoice", "D2", "2024-06-15", "2024-07-15", 2_000_000, None, None, ""],
    # CV Epsilon: not in the customers table
    ["CV Epsilon", "Invoice", "E1", "2024-06-01", "2024-06-16", 800_000, None, None, ""],
    # PT Eta: paid on time; a disputed invoice 120 days past due (left out of the 60-day rule)
    ["PT Eta", "Invoice", "H1", "2024-01-01", "2024-01-31", 1_000_000, 1_000_000, "2024-01-31", ""],
    ["PT Eta", "Invoice", "H2", "2024-02-01", "2024-03-02", 4_000_000, None, None, "Ya"],
]  # fmt: skip
CUSTOMERS = [
    ["Pelanggan", "Limit Kredit", "Pesanan Belum Ditagih", "Pengiriman Belum Difakturkan"],
    ["PT  ALFA", 2_000_000, 300_000, None],
    ["CV Beta", "Rp 4.000.000", None, 500_000],
    ["UD Gamma", 10_000_000, None, None],
    ["PT Delta", 5_000_000, None, None],
    ["PT Eta", 10_000_000, None, None],
    ["Toko Zeta", 1_000_000, None, None],
]


@pytest.fixture(scope="module")
def review():
    return credit_review(CUSTOMERS, LEDGER, AS_OF).set_index("customer")


def test_open_ar_exposure_and_utilisation(review):
    r = review
    # PT Alfa: 2,000,000 − 500,000 (open credit note) = 1,500,000; + 300,000 orders = 1,800,000
    assert r.loc["PT Alfa", ["open_ar", "unbilled_orders", "exposure", "available"]].tolist() == [
        1_500_000, 300_000, 1_800_000, 200_000,
    ]  # fmt: skip
    assert r.loc["PT Alfa", "utilisation"] == pytest.approx(0.9)  # 1,800,000 / 2,000,000
    # CV Beta: 5,000,000 + 500,000 deliveries = 5,500,000 > 4,000,000 (limit given as text)
    assert r.loc["CV Beta", ["credit_limit", "exposure"]].tolist() == [4_000_000, 5_500_000]
    assert r.loc["CV Beta", "utilisation"] == pytest.approx(1.375)
    assert r.loc["CV Beta", "over_limit"]
    assert r.loc["CV Beta", "overdue_share"] == 1.0  # B3 is 30 days past due
    assert r.loc["CV Beta", "over_60_share"] == 0.0
    assert not r.loc["UD Gamma", "over_limit"]
    assert r.loc["PT Delta", "overdue_share"] == pytest.approx(1 / 3)


def test_history(review):
    r = review
    assert r.loc["PT Alfa", ["paid_invoices", "weighted_days_late", "share_paid_late"]].tolist() == [
        2, 0.5, 0.0,
    ]  # fmt: skip
    assert r.loc["CV Beta", "weighted_days_late"] == pytest.approx(11.4)
    assert r.loc["CV Beta", "share_paid_late"] == pytest.approx(0.4)
    assert r.loc["UD Gamma", "weighted_days_late"] == pytest.approx(50.0)
    assert r.loc["UD Gamma", "share_paid_late"] == 1.0
    assert r.loc["PT Delta", "paid_invoices"] == 0
    assert np.isnan(r.loc["PT Delta", "weighted_days_late"])


def test_ratings_and_actions(review):
    got = review[["payer_rating", "action", "note"]].to_dict("index")
    assert got == {
        "CV Beta": {"payer_rating": "average", "action": "hold new orders", "note": ""},
        "PT Eta": {"payer_rating": "good", "action": "keep", "note": ""},
        "PT Delta": {"payer_rating": "poor", "action": "reduce", "note": ""},
        "PT Alfa": {"payer_rating": "good", "action": "raise", "note": ""},
        "UD Gamma": {"payer_rating": "poor", "action": "reduce", "note": ""},
        "CV Epsilon": {"payer_rating": "unrated", "action": "hold new orders",
                       "note": "no limit on file"},
        "Toko Zeta": {"payer_rating": "unrated", "action": "keep", "note": "no ledger activity"},
    }  # fmt: skip
    reasons = review["rating_reason"]
    assert reasons["UD Gamma"] == "weighted days late 50.0 > 30"
    assert reasons["PT Delta"] == "33% of open AR over 60 days past due > 25%"
    assert reasons["PT Alfa"] == "weighted days late 0.5 <= 5, 0% paid late <= 20%"
    assert reasons["CV Beta"] == (
        "weighted days late 11.4, 40% paid late: between the good and poor thresholds"
    )
    assert reasons["CV Epsilon"] == "no invoice paid in full by the review date"


def test_disputed_items_are_exposure_but_not_late_payment(review):
    eta = review.loc["PT Eta"]
    assert (eta.open_ar, eta.overdue_share, eta.over_60_share) == (4_000_000, 1.0, 0.0)
    assert eta.payer_rating == "good"


def test_unknown_and_idle_customers(review):
    eps = review.loc["CV Epsilon"]
    assert np.isnan(eps.credit_limit) and np.isnan(eps.available) and np.isnan(eps.utilisation)
    assert (eps.open_ar, eps.exposure, eps.over_limit) == (800_000, 800_000, False)
    zeta = review.loc["Toko Zeta"]
    assert (zeta.open_ar, zeta.exposure, zeta.available, zeta.utilisation) == (0, 0, 1e6, 0)


def test_sorted_by_exposure_and_ties_to_the_ledger(review):
    assert review.index.tolist() == [
        "CV Beta", "PT Eta", "PT Delta", "PT Alfa", "UD Gamma", "CV Epsilon", "Toko Zeta",
    ]  # fmt: skip
    total = open_items(read_ledger(LEDGER), AS_OF)["outstanding"].sum()
    assert review.open_ar.sum() == pytest.approx(total, abs=1e-6) == 15_800_000


def test_back_dated_review():
    # at 2024-02-15: A1 paid (2 days late); B1 (paid 1 March) is open 6 days past due
    r = credit_review(CUSTOMERS, LEDGER, "2024-02-15").set_index("customer")
    assert r.loc["CV Beta", ["open_ar", "paid_invoices", "payer_rating"]].tolist() == [
        10_000_000, 0, "unrated",
    ]  # fmt: skip
    assert r.loc["PT Alfa", ["open_ar", "paid_invoices"]].tolist() == [3_000_000, 1]
    total = open_items(read_ledger(LEDGER), "2024-02-15")["outstanding"].sum()
    assert r.open_ar.sum() == pytest.approx(total)


def test_zero_limit_and_policy_thresholds():
    customers = [["Customer", "Credit Limit"], ["UD Gamma", 0.0]]
    r = credit_review(customers, LEDGER, AS_OF).set_index("customer")
    assert r.loc["UD Gamma", "over_limit"] and np.isnan(r.loc["UD Gamma", "utilisation"])
    assert r.loc["UD Gamma", "action"] == "hold new orders"
    # with a laxer policy (poor above 60 days late) UD Gamma (50) is average
    lax = {"rating_poor_days_late": 60, "rating_poor_share_late": 1.0}
    r = credit_review(customers, LEDGER, AS_OF, policy=lax).set_index("customer")
    assert r.loc["UD Gamma", "payer_rating"] == "average"
    r = credit_review(customers, LEDGER, AS_OF, policy={"rating_overdue_days": 90})
    assert "over_90_share" in r.columns


def test_read_customers_forms():
    frame = pd.DataFrame(
        {"Customer": ["A", "B"], "Credit Limit": [1e6, np.nan], "Note": ["x", "y"]}
    )
    got = read_customers(frame)
    assert got.customer.tolist() == ["A", "B"]
    assert got.credit_limit.tolist()[0] == 1e6 and np.isnan(got.credit_limit.iloc[1])
    assert (got.unbilled_orders == 0).all() and (got.uninvoiced_deliveries == 0).all()
    titled = [["Credit review 2024", None], [None, None], ["Plafon", "Nama Pelanggan"],
              [5e6, "PT A"]]  # fmt: skip
    assert read_customers(titled).values.tolist() == [["PT A", 5e6, 0.0, 0.0]]
    assert read_customers([["Customer", "Limit"]]).empty


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ([["Name", "Amount"], ["A", 1.0]],
         "customers: no customer and credit limit columns (e.g. 'Customer' | 'Credit Limit' or "
         "'Pelanggan' | 'Limit Kredit'); headers found: 'Name', 'Amount'"),
        ([["Customer", "Credit Limit"], ["A", "sejuta"]],
         "customers: row 2 'Credit Limit': 'sejuta' is not an amount"),
        ([["Customer", "Credit Limit"], ["A", -5.0]],
         "customers: row 2 'Credit Limit': -5 is negative (amounts here are 0 or more)"),
        ([["Customer", "Credit Limit"], ["PT A", 1.0], ["p.t.  a", 2.0]],
         "customers: row 3 'p.t.  a' repeats row 2 'PT A' (names match ignoring case, spaces, "
         "punctuation and legal-form spelling)"),
        ([["Customer", "Credit Limit"], [None, 1.0]], "customers: row 2 has no customer name"),
        (None, "customers: give a table with a header row (Customer, Credit Limit ...) and rows"),
    ],
)  # fmt: skip
def test_bad_customers_table(table, message):
    with pytest.raises(XlArError) as err:
        credit_review(table, LEDGER, AS_OF)
    assert "\n" not in str(err.value)
    assert str(err.value).startswith(message), str(err.value)


# --------------------------------------------------------------------------------------------
# the demo ledger
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo():
    raw = make_sample_ledger()
    invoices = raw[raw["Jenis"] == "Faktur"]
    # limits: 1.2 × the median month of invoicing × (terms + 15) / 30, in Rp millions
    month = invoices["Tanggal Faktur"].dt.to_period("M")
    median = invoices.groupby(["Pelanggan", month])["Jumlah"].sum().groupby(level=0).median()
    terms = invoices.groupby("Pelanggan")["Termin"].first()
    limits = (1.2 * median * (terms + 15) / 30 / 1e6).round() * 1e6
    # open AR per customer from the snapshot's own balances (Sisa), not from xl-ar
    open_ar = raw[raw["Sisa"].abs() > 0.005].groupby("Pelanggan")["Sisa"].sum()
    under = [c for c in open_ar.sort_values(ascending=False).index if open_ar[c] <= limits[c]]
    small = under[:2]  # two customers within their limit get a deliberately small limit
    limits[small] = 1_000_000.0
    dropped = open_ar.index[0]  # a customer with open AR but no limit on file
    table = [["Pelanggan", "Limit Kredit"]]
    table += [[c, float(v)] for c, v in limits.items() if c != dropped]
    table.append(["PT Tidak Ada Transaksi", 50_000_000.0])
    ledger = read_ledger(raw)
    review = credit_review(table, ledger, SAMPLE_AS_OF).set_index("customer")
    return {"raw": raw, "ledger": ledger, "limits": limits, "open_ar": open_ar,
            "small": small, "dropped": dropped, "review": review}  # fmt: skip


def test_demo_chronic_late_payers_are_rated_poor(demo):
    raw = demo["raw"]
    paid = raw[(raw["Jenis"] == "Faktur") & raw["Tanggal Bayar"].notna() & (raw["Sisa"] == 0)]
    late = (paid["Tanggal Bayar"] - paid["Jatuh Tempo"]).dt.days
    mean_late = late.groupby(paid["Pelanggan"]).mean()
    chronic = set(mean_late[mean_late > 30].index)
    assert len(chronic) == 6  # the generator's ~10 % chronic late payers
    r = demo["review"]
    assert (r.loc[sorted(chronic), "payer_rating"] == "poor").all()
    assert (r.loc[sorted(chronic), "weighted_days_late"] > 30).all()
    assert (r.loc[sorted(chronic), "action"].isin(["reduce", "hold new orders"])).all()
    # good payers exist too: the rating is not "poor" for everyone
    assert (r["payer_rating"] == "good").sum() >= 10


def test_demo_over_limit_customers_are_flagged(demo):
    r, limits, open_ar = demo["review"], demo["limits"], demo["open_ar"]
    with_limit = r[r["credit_limit"].notna()]
    expected = {c for c in with_limit.index if open_ar.get(c, 0.0) > limits.get(c, np.inf)}
    assert set(with_limit.index[with_limit["over_limit"]]) == expected
    assert 0 < len(expected) < len(with_limit)
    assert set(demo["small"]) <= expected
    flagged = r[r["over_limit"]]
    assert (flagged.loc[flagged.payer_rating != "good", "action"] == "hold new orders").all()


def test_demo_open_ar_ties_to_the_ledger(demo):
    r, open_ar = demo["review"], demo["open_ar"]
    items = open_items(demo["ledger"], SAMPLE_AS_OF)
    assert r["open_ar"].sum() == pytest.approx(items["outstanding"].sum(), abs=1e-3)
    assert r["open_ar"].sum() == pytest.approx(demo["raw"]["Sisa"].sum(), abs=1e-3)
    per_customer = items.groupby("customer", observed=True)["outstanding"].sum()
    assert r.loc[per_customer.index, "open_ar"].to_numpy() == pytest.approx(
        per_customer.to_numpy(), abs=1e-3
    )
    assert r.loc[open_ar.index, "open_ar"].to_numpy() == pytest.approx(open_ar.to_numpy())
    assert r.loc[demo["dropped"], "note"] == "no limit on file"
    assert r.loc["PT Tidak Ada Transaksi", "note"] == "no ledger activity"
    assert r["exposure"].is_monotonic_decreasing


def test_review_is_vectorised_over_a_large_ledger(demo):
    led = demo["ledger"]
    reps = 250  # about 515,000 rows, 15,000 customers
    parts = []
    for i in range(reps):
        part = led.copy()
        part["customer"] = part["customer"].astype(str) + f" #{i}"
        parts.append(part)
    big = pd.concat(parts, ignore_index=True)
    customers = pd.DataFrame({"Customer": big["customer"].unique()[::3], "Credit Limit": 1e8})
    start = time.perf_counter()
    r = credit_review(customers, big, SAMPLE_AS_OF)
    elapsed = time.perf_counter() - start
    assert r["open_ar"].sum() == pytest.approx(reps * demo["raw"]["Sisa"].sum(), rel=1e-12)
    assert elapsed < 5.0  # about 0.2 s on the CI machines; a per-row loop takes minutes
