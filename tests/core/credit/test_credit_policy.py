"""Tests of xl_ar.core.credit.credit_policy (defaults, overrides, validation, tables) and
xl_ar.core.base.labels_values (the label/value range reader they and the profile use)."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from xl_ar.core.base.columns import normalize_header
from xl_ar.core.base.labels_values import (
    get_choice,
    get_flag,
    get_fraction,
    get_number,
    read_label_values,
)
from xl_ar.core.credit.credit_policy import (
    C_NAMES,
    DEFAULT_POLICY,
    GRADES,
    SETTINGS,
    CreditPolicy,
    grade_table,
    policy_table,
    read_policy,
)
from xl_ar.errors import XlArError

KNOWN = {
    "tangible_net_worth": ("ekuitas bersih", "net worth"),
    "working_capital": ("modal kerja",),
    "customer_type": ("jenis pelanggan",),
    "customer": ("pelanggan",),
}


# --------------------------------------------------------------------------------------------
# label/value ranges
# --------------------------------------------------------------------------------------------


def test_label_values_as_excel_sends_them():
    rows = [
        ["Item", "Nilai"],  # header row: skipped
        ["Ekuitas Bersih", "Rp 1.500.000.000"],
        [None, None],  # blank row: ignored
        ["MODAL_KERJA (Rp)", Decimal("800000000")],  # xlwings: currency cells as Decimal
        ["Jenis Pelanggan", " baru "],
        ["Pelanggan", 12345.0],  # a name that looks like a number stays text
    ]
    got = read_label_values(rows, known=KNOWN, what="profile", text_labels=("customer",))
    assert got == {
        "tangible_net_worth": 1_500_000_000.0,
        "working_capital": 800_000_000.0,
        "customer_type": "baru",
        "customer": "12345",
    }
    assert got.name("tangible_net_worth") == "'Ekuitas Bersih' (tangible_net_worth)"
    assert got.rows["working_capital"] == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp 1.500.000.000", 1_500_000_000.0),
        ("1,500,000,000", 1_500_000_000.0),
        ("IDR 2.500.000,50", 2_500_000.5),
        ("20%", 0.2),
        ("12,5 %", 0.125),
        ("7.5%", 0.075),
        ("Rp 50.000,-", 50_000.0),
        ("(1.234.567)", -1_234_567.0),
    ],
)
def test_text_numbers_and_percentages(text, expected):
    got = read_label_values([["working_capital", text]], known=KNOWN, what="profile")
    assert got["working_capital"] == pytest.approx(expected, rel=1e-15)


def test_blank_value_is_missing_never_zero():
    got = read_label_values(
        [["ekuitas bersih", None], ["modal kerja", "  "], ["jenis pelanggan", float("nan")]],
        known=KNOWN,
        what="profile",
    )
    assert got == {}
    assert get_number(got, "tangible_net_worth") is None
    assert set(got.written) == {"tangible_net_worth", "working_capital", "customer_type"}


def test_dict_series_and_dataframe_inputs():
    expected = {"working_capital": 5.0, "tangible_net_worth": 7.0}
    as_dict = {"Modal Kerja": 5, "net worth": 7.0}
    assert read_label_values(as_dict, known=KNOWN, what="p") == expected
    assert read_label_values(pd.Series(as_dict), known=KNOWN, what="p") == expected
    frame = pd.DataFrame({"Label": ["modal kerja", "net worth"], "Value": [5.0, 7.0]})
    assert read_label_values(frame, known=KNOWN, what="p") == expected
    assert read_label_values(np.array([["modal kerja", 5.0]], dtype=object), known=KNOWN,
                             what="p") == {"working_capital": 5.0}  # fmt: skip
    assert read_label_values(["modal kerja", 5.0], known=KNOWN, what="p") == {
        "working_capital": 5.0
    }
    assert read_label_values(None, known=KNOWN, what="p") == {}


def test_notes_column_is_ignored_but_a_numbers_column_is_refused():
    rows = [["modal kerja", 5.0, "from the 2023 audited accounts"]]
    assert read_label_values(rows, known=KNOWN, what="p") == {"working_capital": 5.0}
    with pytest.raises(XlArError, match=r"^p: expected two columns .* column 3 of row 1 holds"):
        read_label_values([["modal kerja", 5.0, 0.3]], known=KNOWN, what="p")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["modal kerjaa", 1.0]], "profile: unknown label 'modal kerjaa' (did you mean "
         "'modal kerja'?; known: tangible_net_worth, working_capital, customer_type, customer)"),
        ([["colour", 1.0]], "profile: unknown label 'colour' (known: tangible_net_worth, "
         "working_capital, customer_type, customer)"),
        ([["net worth", 1.0], ["Ekuitas Bersih", 2.0]],
         "profile: label 'Ekuitas Bersih' (row 2) repeats 'net worth' (row 1): give each item once"),
        ([[None, 5.0]], "profile: row 1 has a value (5) but no label"),
        ([["modal kerja"]], "profile: expected two columns (label, value), row 1 has one"),
        ([["modal kerja", "1.500"]], "profile: 'modal kerja' (working_capital) '1.500' is "
         "ambiguous: 1500 as 'id' or 1.5 as 'en'"),
        ("modal kerja", "profile: expected a two-column range of labels and values"),
    ],
)  # fmt: skip
def test_label_value_errors_are_one_line_and_name_the_label(rows, message):
    with pytest.raises(XlArError) as err:
        read_label_values(rows, known=KNOWN, what="profile")
    text = str(err.value)
    assert "\n" not in text
    assert text.startswith(message)


def test_typed_getters():
    lv = read_label_values(
        [["net worth", "dua milyar"], ["modal kerja", 1.5], ["jenis pelanggan", "Lama"],
         ["pelanggan", "ya"]],
        known=KNOWN, what="profile",
    )  # fmt: skip
    with pytest.raises(XlArError, match=r"^profile: 'net worth' \(tangible_net_worth\) must be a "
                       r"number \(e\.g\. 1500000 or Rp 1\.500\.000\), not 'dua milyar'$"):  # fmt: skip
        get_number(lv, "tangible_net_worth")
    with pytest.raises(XlArError, match=r"must be 1 or less, got 1\.5"):
        get_number(lv, "working_capital", maximum=1)
    with pytest.raises(XlArError, match=r"must be a fraction from 0 to 1 \(20% = 0\.2\), got 1\.5"):
        get_fraction(lv, "working_capital")
    assert get_choice(lv, "customer_type", {"new": ("baru",), "existing": ("lama",)}) == "existing"
    assert get_flag(lv, "customer") is True
    with pytest.raises(
        XlArError, match=r"must be 'small' \(kecil\), 'large' \(besar\), not 'Lama'"
    ):
        get_choice(lv, "customer_type", {"small": ("kecil",), "large": ("besar",)})


# --------------------------------------------------------------------------------------------
# the default policy
# --------------------------------------------------------------------------------------------


def test_default_policy_values_as_documented():
    p = DEFAULT_POLICY
    assert (p.scale_min, p.scale_max) == (1.0, 5.0)
    assert dict(zip(C_NAMES, p.weights, strict=True)) == {
        "character": 0.30, "capacity": 0.25, "capital": 0.20, "collateral": 0.10,
        "conditions": 0.15,
    }  # fmt: skip
    assert sum(p.weights) == pytest.approx(1.0, abs=1e-15)
    assert p.grade_min == (80.0, 65.0, 50.0, 35.0)
    assert p.pct_net_worth == (0.20, 0.15, 0.10, 0.05, 0.0)
    assert p.pct_working_capital == (0.30, 0.25, 0.20, 0.10, 0.0)
    assert p.pct_annual_sales == (0.10, 0.075, 0.05, 0.025, 0.0)
    assert (p.grace_days, p.ppn_rate, p.invoices_include_ppn) == (15.0, 0.11, True)
    assert (p.collateral_advance_rate, p.max_limit) == (0.8, 5_000_000_000.0)
    assert (p.new_customer_factor, p.size_factor_small, p.size_factor_large) == (0.5, 0.75, 1.0)
    assert (p.rounding, p.refer_ratio, p.refer_grade, p.decline_grade) == (1e6, 1.5, "D", "E")
    assert p.late_tolerance_days == 15.0
    assert (p.rating_good_days_late, p.rating_good_share_late) == (5.0, 0.2)
    assert (p.rating_poor_days_late, p.rating_poor_share_late) == (30.0, 0.5)
    assert (p.rating_overdue_days, p.rating_poor_share_overdue) == (60.0, 0.25)
    assert p.raise_utilisation == 0.8


@pytest.mark.parametrize(
    ("score_100", "grade"),
    [(100, "A"), (80, "A"), (79.999, "B"), (80 - 1e-12, "A"), (65, "B"), (64.99, "C"),
     (50, "C"), (49.9, "D"), (35, "D"), (34.99, "E"), (0, "E")],
)  # fmt: skip
def test_grade_thresholds(score_100, grade):
    assert DEFAULT_POLICY.grade_of(score_100) == grade


def test_refer_and_decline_grades():
    p = DEFAULT_POLICY
    assert [p.refers(g) for g in GRADES] == [False, False, False, True, True]
    assert [p.declines(g) for g in GRADES] == [False, False, False, False, True]
    strict = CreditPolicy(refer_grade="C", decline_grade="D")
    assert [strict.declines(g) for g in GRADES] == [False, False, False, True, True]
    lenient = CreditPolicy(refer_grade=None, decline_grade=None)
    assert not any(lenient.refers(g) or lenient.declines(g) for g in GRADES)


def test_grade_table():
    t = grade_table()
    assert t.grade.tolist() == list(GRADES)
    assert t.min_score.tolist()[:4] == [4.2, 3.6, 3.0, 2.4]  # 1 + score_100 / 100 × 4
    assert pd.isna(t.min_score_100.iloc[4])
    assert t.decision.tolist() == ["approve", "approve", "approve", "refer", "decline"]


# --------------------------------------------------------------------------------------------
# overrides
# --------------------------------------------------------------------------------------------


def test_overrides_english_and_indonesian_labels():
    rows = [
        ["Label", "Value"],
        ["Bobot Karakter", "35%"],
        ["bobot kapasitas", 0.20],  # 0.35 + 0.20 + 0.20 + 0.10 + 0.15 = 1
        ["Limit Maksimum", "Rp 2.000.000.000"],
        ["pct_net_worth_A", 0.25],
        ["Persen Modal Kerja B", "22%"],
        ["hari tenggang", 30],
        ["Tarif PPN", "12%"],
        ["Faktur termasuk PPN", "tidak"],
        ["faktor pelanggan baru", 0.6],
        ["Pembulatan", 500_000],
        ["grade rujuk", "c"],
        ["decline_grade", "none"],
    ]
    p = CreditPolicy.from_overrides(rows)
    assert p.weight("character") == pytest.approx(0.35)
    assert p.weight("capacity") == pytest.approx(0.20)
    assert p.max_limit == 2e9
    assert p.pct("net_worth", "A") == 0.25
    assert p.pct("working_capital", "B") == pytest.approx(0.22)
    assert (p.grace_days, p.ppn_rate, p.invoices_include_ppn) == (30.0, 0.12, False)
    assert (p.new_customer_factor, p.rounding) == (0.6, 500_000.0)
    assert (p.refer_grade, p.decline_grade) == ("C", None)
    # everything else keeps its default
    assert p.pct_annual_sales == DEFAULT_POLICY.pct_annual_sales
    assert read_policy(rows) == p


def test_weights_typed_with_rounding_are_scaled_to_one():
    p = CreditPolicy.from_overrides(
        {"weight_character": 0.333, "weight_capacity": 0.333, "weight_capital": 0.334,
         "weight_collateral": 0, "weight_conditions": 0}
    )  # fmt: skip
    assert sum(p.weights) == pytest.approx(1.0, abs=1e-15)
    p = CreditPolicy(weights=(0.2, 0.2, 0.2, 0.2, 0.1995))  # within 0.001: scaled
    assert p.weights[0] == pytest.approx(0.2 / 0.9995)


def test_grade_table_policy_range():
    rows = [
        ["Peringkat", "Skor Minimum", "Ekuitas Bersih", "Modal Kerja", "Penjualan Tahunan"],
        ["A", 85, "25%", "35%", "12%"],
        ["B", 70, 0.15, 0.25, 0.08],
        ["C", 55, 0.10, 0.20, 0.05],
        ["D", 40, 0.05, 0.10, 0.02],
        ["E", None, 0, 0, 0],
    ]
    p = read_policy(rows)
    assert p.grade_min == (85.0, 70.0, 55.0, 40.0)
    assert p.pct_net_worth == (0.25, 0.15, 0.10, 0.05, 0.0)
    assert p.pct_working_capital == (0.35, 0.25, 0.20, 0.10, 0.0)
    assert p.pct_annual_sales == (0.12, 0.08, 0.05, 0.02, 0.0)
    assert p.weights == DEFAULT_POLICY.weights
    with pytest.raises(XlArError, match=r"^policy: grade table row 3: 'X' is not a grade"):
        read_policy([["Grade", "Net Worth"], ["A", 0.2], ["X", 0.1]])


def test_policy_table_reads_back_and_is_bilingual():
    custom = CreditPolicy(max_limit=1e9, invoices_include_ppn=False, decline_grade=None)
    table = policy_table(custom)
    assert list(table.columns) == ["label", "value", "description"]
    assert table.label.is_unique
    assert all(" / " in d for d in table.description)
    assert read_policy(table) == custom
    # as Excel would hand the printed sheet back: header row and three columns
    rows = [list(table.columns), *table.astype(object).values.tolist()]
    assert read_policy(rows) == custom
    row = table.set_index("label").loc["pct_working_capital_B"]
    assert row.value == 0.25
    assert row.description == "Persen modal kerja, peringkat B / % of working capital, grade B"


def test_every_setting_label_is_distinct_after_normalisation():
    seen: dict[str, str] = {}
    for setting in SETTINGS:
        for label in (setting.key, *setting.synonyms):
            norm = normalize_header(label)
            assert seen.setdefault(norm, setting.key) == setting.key, label


def test_blank_policy_is_the_default():
    assert read_policy(None) is DEFAULT_POLICY
    assert read_policy("") is DEFAULT_POLICY
    assert read_policy([[None, None], [None, None]]) is DEFAULT_POLICY
    assert read_policy([["max_limit", None]]) == DEFAULT_POLICY
    assert read_policy(DEFAULT_POLICY) is DEFAULT_POLICY


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"weight_character": 0.5},
         "policy: the weights must add up to 1 (100%), they add up to 1.2 (character 0.5, "
         "capacity 0.25, capital 0.2, collateral 0.1, conditions 0.15)"),
        ({"weight_character": -0.1},
         "policy: 'weight_character' must be a fraction from 0 to 1 (20% = 0.2), got -0.1"),
        ({"pct_net_worth_A": 20},
         "policy: 'pct_net_worth_A' must be a fraction from 0 to 1 (20% = 0.2), got 20"),
        ({"pct_net_worth_C": 0.18},
         "policy: 'pct_net_worth_C' (18%) is above 'pct_net_worth_B' (15%): a worse grade may not "
         "get a higher net_worth percentage"),
        ({"grade_min_B": 85},
         "policy: 'grade_min_B' (85) must be below the minimum of the grade above"),
        ({"grade_min_A": 120}, "policy: 'grade_min_A' must be 100 or less, got 120"),
        ({"limit maksimum": 0}, "policy: 'limit maksimum' (max_limit) must be above 0, got 0"),
        ({"max_limit": "lima milyar"},
         "policy: 'max_limit' must be a number (e.g. 1000000), not 'lima milyar'"),
        ({"new_customer_factor": 1.2},
         "policy: 'new_customer_factor' must be a fraction from 0 to 1 (20% = 0.2), got 1.2"),
        ({"refer_grade": "E", "decline_grade": "D"},
         "policy: 'refer_grade' (E) must be above 'decline_grade' (D)"),
        ({"decline_grade": "F"}, "policy: 'decline_grade' must be a grade A, B, C, D, E or none"),
        ({"invoices_include_ppn": "maybe"},
         "policy: 'invoices_include_ppn' must be yes or no (ya/tidak, TRUE/FALSE, 1/0)"),
        ({"scale_max": 1}, "policy: 'scale_max' (1) must be above 'scale_min' (1)"),
        ({"grace_days": -5}, "policy: 'grace_days' must be 0 or more, got -5"),
        ({"refer_ratio": 0.5}, "policy: 'refer_ratio' must be 1 or more, got 0.5"),
        ({"rating_good_days_late": 40},
         "policy: 'rating_good_days_late' must not be above 'rating_poor_days_late'"),
        ({"maks limit": 1}, "policy: unknown label 'maks limit'"),
    ],
)  # fmt: skip
def test_bad_policy_values(overrides, message):
    with pytest.raises(XlArError) as err:
        read_policy(overrides)
    assert "\n" not in str(err.value)
    assert str(err.value).startswith(message)


def test_policy_sheet_reads_back_as_a_policy_range(tmp_path):
    import openpyxl

    from xl_ar.cli import main
    from xl_ar.core.credit.credit_policy import DEFAULT_POLICY, read_policy

    out = tmp_path / "policy.xlsx"
    assert main(["policy", "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Kebijakan Kredit"]  # a report sheet: title, note, table
    rows = [[c.value for c in row[:2]] for row in ws.iter_rows(min_row=4, max_row=50)]
    assert rows[0] == ["label", "value"]
    assert read_policy(rows) == read_policy(rows[1:]) == DEFAULT_POLICY
    edited = [[k, 250_000_000.0 if k == "max_limit" else v] for k, v in rows[1:]]
    assert read_policy(edited).max_limit == 250_000_000.0
