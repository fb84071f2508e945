"""AR_CREDIT_SCORE, AR_CREDIT_LIMIT, AR_CREDIT_REVIEW as Excel calls them."""

from __future__ import annotations

import pandas as pd
import pytest
from excel_rows import excel_rows

from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.core.metrics.payment_behaviour import days_late
from xl_ar.core.position.open_items import open_items
from xl_ar.sample_data import SAMPLE_AS_OF, make_sample_ledger
from xl_ar.testing import MISSING, excel_call

SCORES = [["Karakter", 4.0], ["Kapasitas", 4.0], ["Modal", 3.0], ["Jaminan", 2.0], ["Kondisi", 4.0]]
PROFILE = [
    ["Label", "Nilai"],
    *SCORES,
    ["Ekuitas Bersih", 2_500_000_000.0],
    ["Modal Kerja", 1_200_000_000.0],
    ["Penjualan Tahunan", 18_000_000_000.0],
    ["customer_type", "new"],
    ["size", "large"],
    ["current_exposure", 100_000_000.0],
]


def test_credit_score_two_labelled_cells():
    # default weights 0.30/0.25/0.20/0.10/0.15 (character, capacity, capital, collateral,
    # conditions): 1.2 + 1.0 + 0.6 + 0.2 + 0.6 = 3.6 -> 65 on 0-100 -> grade B (>= 65)
    assert excel_call("AR_CREDIT_SCORE", SCORES) == [["Score", 3.6], ["Grade", "B"]]
    weights = [["character", 0.2], ["capacity", 0.2], ["capital", 0.2], ["collateral", 0.2],
               ["conditions", 0.2]]  # fmt: skip
    got = excel_call("AR_CREDIT_SCORE", SCORES, weights)
    assert got[0][1] == pytest.approx(3.4) and got[1][1] == "C"  # 60 on 0-100: C (>= 50)


def test_credit_limit_number_and_detail():
    # grade B: net worth 15% x 2.5bn = 375m; working capital 25% x 1.2bn = 300m (binding);
    # sales 7.5% x 18bn = 1.35bn; policy max 5bn. New customer x 0.5 -> 150m (step 1m).
    assert excel_call("AR_CREDIT_LIMIT", PROFILE) == 150_000_000.0
    detail = dict(map(tuple, excel_call("AR_CREDIT_LIMIT", PROFILE, MISSING, "Detail")))
    assert detail["Binding method"] == "% of working capital"
    assert detail["% of working capital: limit"] == 300_000_000.0
    assert detail["needs-based: limit"] == ""  # not applicable: no purchases given
    assert detail["Recommended limit"] == 150_000_000.0
    assert detail["Available"] == 50_000_000.0
    assert detail["Decision"] == "approve"


def test_credit_limit_with_a_policy_range():
    policy = [["max_limit", 100_000_000.0]]
    assert excel_call("AR_CREDIT_LIMIT", PROFILE, policy) == 50_000_000.0  # 100m x 0.5


@pytest.mark.parametrize(
    ("name", "args", "fragment"),
    [
        ("AR_CREDIT_SCORE", ([["karakter", 6.0]],), "AR_CREDIT_SCORE: scores:"),
        ("AR_CREDIT_SCORE", (SCORES[:4],), "conditions"),
        ("AR_CREDIT_LIMIT", ([["karakterr", 4.0]],), "unknown label 'karakterr'"),
        ("AR_CREDIT_LIMIT", ([*PROFILE, ["ekuitas bersih", -1.0]],), "AR_CREDIT_LIMIT: "),
        ("AR_CREDIT_LIMIT", ([*PROFILE[:6], ["modal kerja", "banyak"]],), "modal kerja"),
        ("AR_CREDIT_LIMIT", (SCORES,), "AR_CREDIT_LIMIT: "),  # no method applicable
        ("AR_CREDIT_LIMIT", (None,), "profile is empty"),
        ("AR_CREDIT_LIMIT", (PROFILE, MISSING, "table"), "output must be one of"),
        ("AR_CREDIT_REVIEW", (None, [["Customer"]], 45657.0), "customers is empty"),
    ],
)
def test_bad_input_is_one_line(name, args, fragment):
    got = excel_call(name, *args)
    assert isinstance(got, str) and got.startswith(f"{name}: ") and "\n" not in got
    assert fragment in got and "Traceback" not in got


def test_credit_review_on_the_demo_ledger():
    sample = make_sample_ledger()
    ledger = read_ledger(sample)
    monthly = ledger.groupby("customer", observed=True)["amount"].sum() / 24
    limits = pd.DataFrame(
        {"Pelanggan": monthly.index.astype(str), "Plafon": (monthly * 1.2).round(-6)}
    )
    got = excel_call(
        "AR_CREDIT_REVIEW", excel_rows(limits), excel_rows(sample), SAMPLE_AS_OF.to_pydatetime()
    )
    header, rows = got[0], got[1:]
    table = pd.DataFrame(rows, columns=header)
    # open AR ties to the ledger's open items
    assert table["open_ar"].sum() == pytest.approx(
        open_items(ledger, SAMPLE_AS_OF)["outstanding"].sum()
    )
    # chronic late payers (mean days late > 30 in the ledger's own history) are rated poor
    late = days_late(ledger[ledger["payment_date"] <= SAMPLE_AS_OF])
    chronic = set(
        late.groupby(ledger["customer"], observed=True).mean().loc[lambda s: s > 30].index
    )
    assert len(chronic) >= 5
    rated = table.set_index("customer")["payer_rating"]
    assert all(rated[c] == "poor" for c in chronic)
    over = table[table["over_limit"] == True]  # noqa: E712  (cells hold booleans)
    assert (over["exposure"] > over["credit_limit"]).all() and len(over) > 0
