"""Tests of xl_ar.core.credit.credit_limit: every method against hand-computed examples, adjustments,
rounding, decisions, the detail table, bad input and hypothesis properties.

Policy values used unless a test overrides them (the defaults, written out):
weights character 0.30, capacity 0.25, capital 0.20, collateral 0.10, conditions 0.15 on 1-5;
grades A >= 80, B >= 65, C >= 50, D >= 35 (score rescaled to 0-100), else E;
% of tangible net worth A 20%, B 15%, C 10%, D 5%, E 0%;
% of working capital   A 30%, B 25%, C 20%, D 10%, E 0%;
% of annual sales      A 10%, B 7.5%, C 5%, D 2.5%, E 0%;
needs-based = monthly purchases × (terms + 15 grace days) / 30 × 1.11 (PPN 11%, invoices
include PPN); collateral cap = 80% of the collateral value; policy maximum Rp 5,000,000,000;
new customer × 0.5; small × 0.75, large × 1.0; round down to Rp 1,000,000;
refer grade D and requests above 1.5 × recommended; decline grade E.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xl_ar.core.credit.credit_limit import METHODS, credit_limit, limit_detail_table, read_profile
from xl_ar.core.credit.credit_policy import C_NAMES, CreditPolicy
from xl_ar.errors import XlArError

# Scorecards of each grade (hand-computed in tests/core/credit/test_credit_score.py)
GRADE_A = dict(zip(C_NAMES, (5, 4, 4, 3, 4), strict=True))  # 4.2  -> 80    -> A
GRADE_B = dict(zip(C_NAMES, (4, 4, 3, 2, 4), strict=True))  # 3.6  -> 65    -> B
GRADE_C = dict(zip(C_NAMES, (3, 3, 3, 3, 3), strict=True))  # 3.0  -> 50    -> C
GRADE_D = dict(zip(C_NAMES, (2, 3, 2, 5, 3), strict=True))  # 2.7  -> 42.5  -> D
GRADE_E = dict(zip(C_NAMES, (1, 2, 2, 1, 3), strict=True))  # 1.75 -> 18.75 -> E


def limit(card, **inputs):
    return credit_limit({**card, **inputs})


# --------------------------------------------------------------------------------------------
# each method, hand-computed
# --------------------------------------------------------------------------------------------


def test_net_worth_method_grade_b():
    # grade B: 15% × Rp 2,000,000,000 = Rp 300,000,000
    r = limit(GRADE_B, tangible_net_worth=2_000_000_000)
    assert r.score.grade == "B"
    assert r.methods.loc["net_worth", "limit"] == 300_000_000
    assert r.methods.loc["net_worth", "inputs"] == (
        "15% (grade B) × tangible net worth Rp 2.000.000.000"
    )
    assert (r.binding_method, r.raw_limit, r.recommended_limit) == (
        "net_worth", 300_000_000, 300_000_000,
    )  # fmt: skip
    assert r.decision == "approve"


def test_working_capital_method_grade_a():
    # grade A: 30% × Rp 1,250,000,000 = Rp 375,000,000
    r = limit(GRADE_A, working_capital=1_250_000_000)
    assert r.score.grade == "A"
    assert r.methods.loc["working_capital", "limit"] == 375_000_000
    assert r.recommended_limit == 375_000_000


def test_annual_sales_method_grade_c():
    # grade C: 5% × Rp 12,000,000,000 = Rp 600,000,000
    r = limit(GRADE_C, annual_sales=12_000_000_000)
    assert r.methods.loc["annual_sales", "limit"] == 600_000_000
    assert r.recommended_limit == 600_000_000


def test_needs_based_method_with_ppn():
    # Rp 100,000,000 × (30 + 15) / 30 × 1.11 = Rp 166,500,000 -> rounded down Rp 166,000,000
    r = limit(GRADE_B, expected_monthly_purchases=100_000_000, payment_terms_days=30)
    assert r.methods.loc["needs_based", "limit"] == pytest.approx(166_500_000, abs=1e-6)
    assert r.methods.loc["needs_based", "inputs"] == (
        "Rp 100.000.000 × (30 + 15 grace days) / 30 × 1.11 (PPN 11%)"
    )
    assert r.recommended_limit == 166_000_000
    # Rp 80,000,000 × (45 + 15) / 30 × 1.11 = Rp 177,600,000 -> Rp 177,000,000
    r = limit(GRADE_B, expected_monthly_purchases=80_000_000, payment_terms_days="45 hari")
    assert r.raw_limit == pytest.approx(177_600_000)
    assert r.recommended_limit == 177_000_000


def test_needs_based_without_gross_up():
    # purchases already include PPN: Rp 100,000,000 × (30 + 15) / 30 = Rp 150,000,000
    r = limit(GRADE_B, expected_monthly_purchases=100_000_000, payment_terms_days=30,
              purchases_include_ppn="ya")  # fmt: skip
    assert r.recommended_limit == 150_000_000
    assert r.methods.loc["needs_based", "inputs"] == "Rp 100.000.000 × (30 + 15 grace days) / 30"
    # invoices without PPN (policy): the same Rp 150,000,000
    profile = {**GRADE_B, "expected_monthly_purchases": 1e8, "payment_terms_days": 30}
    no_ppn = CreditPolicy(invoices_include_ppn=False)
    assert credit_limit(profile, no_ppn).recommended_limit == 150_000_000
    # no grace days: Rp 100,000,000 × (30 + 0) / 30 × 1.11 = Rp 111,000,000
    assert credit_limit(profile, {"grace_days": 0}).recommended_limit == 111_000_000


def test_collateral_cap():
    # 80% × Rp 250,000,000 = Rp 200,000,000 caps 15% × Rp 2,000,000,000 = Rp 300,000,000
    r = limit(GRADE_B, tangible_net_worth=2e9, collateral_value=250_000_000)
    assert r.methods.loc["collateral", "limit"] == 200_000_000
    assert r.methods.loc["collateral", "inputs"] == "80% × collateral Rp 250.000.000"
    assert (r.binding_method, r.recommended_limit) == ("collateral", 200_000_000)
    # collateral alone is a (fully secured) limit
    assert limit(GRADE_B, collateral_value=250_000_000).recommended_limit == 200_000_000
    # a collateral value of 0 means "no collateral": the cap is not applied
    r = limit(GRADE_B, tangible_net_worth=2e9, collateral_value=0)
    assert not r.methods.loc["collateral", "applicable"]
    assert r.recommended_limit == 300_000_000


def test_policy_maximum_binds():
    # grade A: 20% × Rp 100,000,000,000 = Rp 20,000,000,000 > maximum Rp 5,000,000,000
    r = limit(GRADE_A, tangible_net_worth=100_000_000_000)
    assert r.methods.loc["net_worth", "limit"] == 20_000_000_000
    assert (r.binding_method, r.recommended_limit) == ("policy_max", 5_000_000_000)
    assert r.methods.loc["policy_max", "inputs"] == "max_limit Rp 5.000.000.000"


def test_all_methods_together_minimum_binds():
    # grade B: net worth 15% × 2,000,000,000 = 300,000,000; working capital 25% ×
    # 1,000,000,000 = 250,000,000; annual sales 7.5% × 12,000,000,000 = 900,000,000;
    # needs 100,000,000 × 45 / 30 × 1.11 = 166,500,000; collateral 80% × 250,000,000 =
    # 200,000,000; maximum 5,000,000,000 -> needs-based binds: 166,000,000
    r = limit(GRADE_B, tangible_net_worth=2e9, working_capital=1e9, annual_sales=12e9,
              expected_monthly_purchases=1e8, payment_terms_days=30, collateral_value=2.5e8)  # fmt: skip
    assert r.methods["limit"].round(6).tolist() == [
        300_000_000, 250_000_000, 900_000_000, 166_500_000, 200_000_000, 5_000_000_000,
    ]  # fmt: skip
    assert r.methods["applicable"].all()
    assert (r.binding_method, r.raw_limit, r.recommended_limit) == (
        "needs_based", pytest.approx(166_500_000), 166_000_000,
    )  # fmt: skip


def test_new_customer_and_size_adjustments():
    # Rp 300,000,000 × 0.5 (new) × 0.75 (small) = Rp 112,500,000 -> Rp 112,000,000
    r = limit(GRADE_B, tangible_net_worth=2e9, customer_type="baru", size="kecil")
    assert r.adjustments == (("new customer", 0.5), ("small business", 0.75))
    assert r.adjusted_limit == pytest.approx(112_500_000)
    assert r.recommended_limit == 112_000_000
    assert limit(GRADE_B, tangible_net_worth=2e9, size="large").recommended_limit == 300_000_000
    assert limit(GRADE_B, tangible_net_worth=2e9, customer_type="existing").adjustments == ()


def test_rounding_step():
    profile = {**GRADE_B, "expected_monthly_purchases": 1e8, "payment_terms_days": 30}
    assert credit_limit(profile, {"rounding": 5_000_000}).recommended_limit == 165_000_000
    assert credit_limit(profile, {"rounding": 0}).recommended_limit == pytest.approx(166_500_000)
    # float noise: 0.57 × 100,000,000 is 56,999,999.99999999 in binary; still Rp 57,000,000
    policy = {"pct_net_worth_A": 0.57}
    r = credit_limit({**GRADE_A, "tangible_net_worth": 100_000_000}, policy)
    assert r.recommended_limit == 57_000_000


def test_policy_as_a_range_overrides_the_percentages():
    policy = [["Label", "Value"], ["persen ekuitas bersih B", "18%"], ["limit maksimum", 2e8]]
    # grade B: 18% × Rp 1,000,000,000 = Rp 180,000,000 (below the maximum Rp 200,000,000)
    assert credit_limit({**GRADE_B, "tangible_net_worth": 1e9}, policy).recommended_limit == 180e6
    # 18% × Rp 2,000,000,000 = Rp 360,000,000 > Rp 200,000,000
    r = credit_limit({**GRADE_B, "tangible_net_worth": 2e9}, policy)
    assert (r.binding_method, r.recommended_limit) == ("policy_max", 200_000_000)


# --------------------------------------------------------------------------------------------
# decisions
# --------------------------------------------------------------------------------------------

NEEDS = {"expected_monthly_purchases": 1e8, "payment_terms_days": 30}  # -> Rp 166,000,000


def test_decision_approve():
    r = limit(GRADE_B, **NEEDS)
    assert (r.decision, r.approved_limit) == ("approve", 166_000_000)
    assert r.reason == "grade B, limit Rp 166.000.000 (binding: needs-based)"
    r = limit(GRADE_B, **NEEDS, requested_limit=150_000_000)
    assert (r.decision, r.approved_limit) == ("approve", 150_000_000)


def test_decision_approve_reduced():
    # 166,000,000 < requested 200,000,000 <= 1.5 × 166,000,000 = 249,000,000
    r = limit(GRADE_B, **NEEDS, requested_limit=200_000_000)
    assert (r.decision, r.approved_limit) == ("approve reduced", 166_000_000)
    assert r.reason == ("requested Rp 200.000.000 reduced to Rp 166.000.000 (binding: needs-based)")


def test_decision_refer_large_request():
    r = limit(GRADE_B, **NEEDS, requested_limit=250_000_000)  # > 249,000,000
    assert (r.decision, r.approved_limit) == ("refer", None)
    assert r.reason == (
        "requested Rp 250.000.000 is more than 1.5 × the recommended Rp 166.000.000"
    )


def test_decision_refer_grade_d():
    # grade D: 5% × Rp 2,000,000,000 = Rp 100,000,000, referred
    r = limit(GRADE_D, tangible_net_worth=2e9)
    assert (r.recommended_limit, r.decision) == (100_000_000, "refer")
    assert r.reason == "grade D: refer to the credit committee"


def test_decision_refer_exposure_above_limit():
    r = limit(GRADE_B, **NEEDS, current_exposure="Rp 200.000.000")
    assert (r.decision, r.exposure, r.available) == ("refer", 200_000_000, -34_000_000)
    assert r.reason.startswith("current exposure Rp 200.000.000 is above the recommended limit")
    r = limit(GRADE_B, **NEEDS, current_exposure=50_000_000)
    assert (r.decision, r.available) == ("approve", 116_000_000)


def test_decision_decline_grade_e():
    # grade E: every percentage is 0, and the grade declines whatever the other methods say
    r = limit(GRADE_E, tangible_net_worth=2e9, **NEEDS)
    assert (r.recommended_limit, r.decision, r.approved_limit) == (0.0, "decline", 0.0)
    assert r.adjustments[-1] == ("grade E: no credit", 0.0)
    assert r.reason == "grade E (score 18.8 of 100, below 35): no credit"


def test_decision_decline_zero_limit():
    r = limit(GRADE_B, tangible_net_worth=0)
    assert (r.recommended_limit, r.decision) == (0.0, "decline")
    assert r.reason == "recommended limit Rp 0 (% of tangible net worth gives Rp 0)"


# --------------------------------------------------------------------------------------------
# profile ranges and the detail table
# --------------------------------------------------------------------------------------------

PROFILE_ROWS = [
    ["Label", "Nilai"],
    ["Pelanggan", "PT Maju Jaya"],
    ["Karakter", 4.0], ["Kapasitas", 4.0], ["Modal", 3.0], ["Jaminan", 3.0], ["Kondisi", 3.0],
    ["Ekuitas Bersih", "Rp 2.500.000.000"],
    ["Modal Kerja", Decimal("1200000000")],
    ["Penjualan Tahunan", 18e9],
    ["expected_monthly_purchases", 250e6],
    ["Termin", "30 hari"],
    ["Nilai Jaminan", 400e6],
    ["Jenis Pelanggan", "Baru"],
    ["Ukuran Usaha", "Besar"],
    ["current_exposure", 120e6],
    ["requested_limit", None],
]  # fmt: skip


def test_profile_range_with_indonesian_labels():
    # 0.30×4 + 0.25×4 + 0.20×3 + 0.10×3 + 0.15×3 = 3.55 -> 63.75 -> C
    # net worth 10% × 2,500,000,000 = 250,000,000; working capital 20% × 1,200,000,000 =
    # 240,000,000; sales 5% × 18,000,000,000 = 900,000,000; needs 250,000,000 × 45 / 30 ×
    # 1.11 = 416,250,000; collateral 80% × 400,000,000 = 320,000,000 -> 240,000,000 binds;
    # × 0.5 (new) × 1.0 (large) = 120,000,000; exposure 120,000,000 -> available 0
    r = credit_limit(PROFILE_ROWS)
    assert r.customer == "PT Maju Jaya"
    assert (round(r.score.score, 9), r.score.grade) == (3.55, "C")
    assert (r.binding_method, r.raw_limit, r.recommended_limit) == (
        "working_capital", 240_000_000, 120_000_000,
    )  # fmt: skip
    assert (r.exposure, r.available, r.requested_limit) == (120_000_000, 0.0, None)
    assert r.decision == "approve"


def test_detail_table_rows():
    t = limit_detail_table(credit_limit(PROFILE_ROWS))
    assert list(t.columns) == ["label", "value"]
    assert len(t) == 26
    d = dict(zip(t.label, t.value, strict=True))
    assert d["Customer"] == "PT Maju Jaya"
    assert d["Score"] == 3.55
    assert d["Score (0-100)"] == 63.75
    assert d["Grade"] == "C"
    assert d["% of working capital: inputs"] == "20% (grade C) × working capital Rp 1.200.000.000"
    assert d["% of working capital: limit"] == 240_000_000
    assert d["needs-based: limit"] == pytest.approx(416_250_000)
    assert d["Lowest method limit"] == 240_000_000
    assert d["Binding method"] == "% of working capital"
    assert d["Adjustments"] == "new customer × 0.5; large business × 1"
    assert d["Recommended limit"] == 120_000_000
    assert d["Requested limit"] is None
    assert d["Approved limit"] == 120_000_000
    assert (d["Exposure"], d["Available"], d["Decision"]) == (120_000_000, 0.0, "approve")
    assert d["Reason"] == "grade C, limit Rp 120.000.000 (binding: % of working capital)"


def test_detail_table_shape_is_fixed_and_bilingual():
    small = limit_detail_table(limit(GRADE_B, tangible_net_worth=2e9))
    full = limit_detail_table(credit_limit(PROFILE_ROWS))
    assert small.label.tolist() == full.label.tolist()
    d = dict(zip(small.label, small.value, strict=True))
    assert d["needs-based: inputs"] == (
        "not applicable: no expected_monthly_purchases and payment_terms_days"
    )
    assert d["needs-based: limit"] is None
    assert d["Customer"] is None and d["Exposure"] is None and d["Available"] is None
    assert d["Adjustments"] == "none"
    labels_id = limit_detail_table(credit_limit(PROFILE_ROWS), lang="id").label.tolist()
    assert labels_id[:4] == ["Pelanggan", "Skor", "Skor (0-100)", "Peringkat"]
    assert "% modal kerja: limit" in labels_id and "Keputusan" in labels_id
    both = limit_detail_table(credit_limit(PROFILE_ROWS), lang="both").label.tolist()
    assert both[-2:] == ["Keputusan / Decision", "Alasan / Reason"]


def test_missing_inputs_are_listed_as_not_applicable():
    r = limit(GRADE_B, tangible_net_worth=2e9, expected_monthly_purchases=1e8)
    m = r.methods
    assert m["applicable"].tolist() == [True, False, False, False, False, True]
    assert m.loc["working_capital", "inputs"] == "not applicable: no working_capital"
    assert m.loc["needs_based", "inputs"] == "not applicable: no payment_terms_days"
    assert math.isnan(m.loc["annual_sales", "limit"])
    assert list(m.index) == list(METHODS)


# --------------------------------------------------------------------------------------------
# bad input: one line naming the label and the expected form
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"modal kerjaa": 1e9},
         "profile: unknown label 'modal kerjaa' (did you mean 'modal kerja'?; known: character, "),
        ({"character": 7},
         "profile: 'character' is 7, outside the scale 1 to 5"),
        ({"ekuitas bersih": -5e8},
         "profile: 'ekuitas bersih' (tangible_net_worth) must be 0 or more, got -500000000 "
         "(negative equity: refer to the credit committee)"),
        ({"working_capital": -1},
         "profile: 'working_capital' must be 0 or more, got -1 (negative working capital: "
         "refer to the credit committee)"),
        ({"modal kerja": "satu milyar"},
         "profile: 'modal kerja' (working_capital) must be a number (e.g. 2000000000 or "
         "Rp 2.000.000.000), not 'satu milyar'"),
        ({"annual_sales": "#N/A"},
         "profile: 'annual_sales' must be a number (e.g. 2000000000 or Rp 2.000.000.000), "
         "not '#N/A'"),
        ({"payment_terms_days": 400, "expected_monthly_purchases": 1e8},
         "profile: 'payment_terms_days' must be 365 or less, got 400"),
        ({"termin": "sebulan"},
         "profile: 'termin' (payment_terms_days) must be a number (e.g. 30 or 30 hari), "
         "not 'sebulan'"),
        ({"customer_type": "old"},
         "profile: 'customer_type' must be 'new' (baru), 'existing' (lama/existing customer/"
         "eksisting), not 'old'"),
        ({"ukuran usaha": "sedang"},
         "profile: 'ukuran usaha' (size) must be 'small' (kecil), 'large' (besar), not 'sedang'"),
        ({"requested_limit": -1}, "profile: 'requested_limit' must be 0 or more, got -1"),
    ],
)  # fmt: skip
def test_bad_profile_values(extra, message):
    with pytest.raises(XlArError) as err:
        credit_limit({**GRADE_B, "annual_sales": 1e10, **extra})
    text = str(err.value)
    assert "\n" not in text
    assert text.startswith(message), text


def test_no_method_applicable():
    with pytest.raises(XlArError) as err:
        credit_limit({**GRADE_B, "expected_monthly_purchases": 1e8, "customer_type": "new"})
    assert str(err.value) == (
        "profile: no limit method applies: give tangible_net_worth, working_capital, "
        "annual_sales, expected_monthly_purchases with payment_terms_days, or collateral_value"
    )


def test_missing_scores_and_empty_profile():
    with pytest.raises(XlArError, match=r"^profile: missing capital \(modal\), conditions "
                       r"\(kondisi\): the scorecard needs all five C's"):  # fmt: skip
        credit_limit({"character": 4, "capacity": 4, "collateral": 2, "tangible_net_worth": 1e9})
    with pytest.raises(XlArError, match=r"^profile is empty: give a two-column range"):
        credit_limit([[None, None]])


def test_duplicate_label_in_profile_range():
    rows = [["Label", "Value"], ["character", 4.0], ["Karakter", 3.0]]
    with pytest.raises(XlArError, match=r"^profile: label 'Karakter' \(row 3\) repeats "
                       r"'character' \(row 2\): give each item once$"):  # fmt: skip
        read_profile(rows)


# --------------------------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------------------------

score_value = st.integers(min_value=2, max_value=10).map(lambda h: h / 2)
amount = st.one_of(st.none(), st.integers(0, 10**11).map(float))
OPTIONAL = ("tangible_net_worth", "working_capital", "annual_sales", "collateral_value")


@st.composite
def profiles(draw):
    profile: dict[str, object] = {c: draw(score_value) for c in C_NAMES}
    for key in OPTIONAL:
        value = draw(amount)
        if value is not None:
            profile[key] = value
    if draw(st.booleans()):
        profile["expected_monthly_purchases"] = float(draw(st.integers(0, 10**10)))
        profile["payment_terms_days"] = float(draw(st.integers(0, 120)))
    kind = draw(st.sampled_from([None, "new", "existing"]))
    size = draw(st.sampled_from([None, "small", "large"]))
    if kind:
        profile["customer_type"] = kind
    if size:
        profile["size"] = size
    return profile


def applicable(profile):
    return any(profile.get(k) for k in ("collateral_value",)) or any(
        k in profile for k in ("tangible_net_worth", "working_capital", "annual_sales",
                               "expected_monthly_purchases")
    )  # fmt: skip


fraction = st.integers(0, 100).map(lambda p: p / 100)


@st.composite
def policies(draw):
    tables = {}
    for attr in ("pct_net_worth", "pct_working_capital", "pct_annual_sales"):
        tables[attr] = tuple(sorted(draw(st.lists(fraction, min_size=5, max_size=5)), reverse=True))
    return CreditPolicy(
        **tables,
        new_customer_factor=draw(fraction),
        size_factor_small=draw(fraction),
        max_limit=float(draw(st.integers(1, 10**10))),
        rounding=draw(st.sampled_from([0.0, 1.0, 1e6, 5e6])),
        decline_grade=draw(st.sampled_from(["E", "D", None])),
    )


@settings(max_examples=200, deadline=None)
@given(profile=profiles(), policy=policies(), which=st.sampled_from(C_NAMES),
       bump=st.sampled_from([0.5, 1.0, 2.0, 4.0]))  # fmt: skip
def test_raising_any_c_never_lowers_the_limit(profile, policy, which, bump):
    if not applicable(profile):
        return
    before = credit_limit(profile, policy)
    raised = {**profile, which: min(5.0, float(profile[which]) + bump)}
    after = credit_limit(raised, policy)
    assert after.recommended_limit >= before.recommended_limit


@settings(max_examples=200, deadline=None)
@given(profile=profiles(), policy=policies())
def test_recommendation_never_exceeds_an_applicable_method_or_the_maximum(profile, policy):
    if not applicable(profile):
        return
    r = credit_limit(profile, policy)
    used = r.methods[r.methods["applicable"]]
    assert "policy_max" in used.index
    assert 0.0 <= r.recommended_limit <= policy.max_limit
    for method, lim in used["limit"].items():
        assert r.recommended_limit <= lim + 1e-6, method
    if policy.rounding > 0:
        assert r.recommended_limit % policy.rounding == 0


@settings(max_examples=200, deadline=None)
@given(profile=profiles(), policy=policies())
def test_a_new_customer_never_gets_more_than_an_existing_one(profile, policy):
    if not applicable(profile):
        return
    new = credit_limit({**profile, "customer_type": "new"}, policy)
    existing = credit_limit({**profile, "customer_type": "existing"}, policy)
    assert new.recommended_limit <= existing.recommended_limit


@settings(max_examples=200, deadline=None)
@given(profile=profiles(), policy=policies(), data=st.data())
def test_a_missing_input_excludes_its_method_instead_of_reading_zero(profile, policy, data):
    present = [k for k in OPTIONAL if k in profile]
    if "expected_monthly_purchases" in profile:
        present.append("payment_terms_days")
    if len(present) < 2:
        return
    drop = data.draw(st.sampled_from(present))
    reduced = {k: v for k, v in profile.items() if k != drop}
    if not applicable(reduced):
        return
    full, without = credit_limit(profile, policy), credit_limit(reduced, policy)
    method = {"tangible_net_worth": "net_worth", "working_capital": "working_capital",
              "annual_sales": "annual_sales", "collateral_value": "collateral",
              "payment_terms_days": "needs_based"}[drop]  # fmt: skip
    assert not without.methods.loc[method, "applicable"]
    assert without.methods.loc[method, "inputs"].startswith("not applicable: no ")
    assert math.isnan(without.methods.loc[method, "limit"])
    # one cap fewer never lowers the limit; read as 0 it would have dropped it to 0
    assert without.recommended_limit >= full.recommended_limit
    assert without.raw_limit >= full.raw_limit
