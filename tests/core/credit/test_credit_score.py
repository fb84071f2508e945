"""Tests of xl_ar.core.credit.credit_score: hand-computed scorecards, input forms, bad input, properties.

Policy values used (the defaults, written out): scale 1-5; weights character 0.30, capacity
0.25, capital 0.20, collateral 0.10, conditions 0.15; score_100 = (score - 1) / 4 × 100;
grades A >= 80, B >= 65, C >= 50, D >= 35, else E.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xl_ar.core.credit.credit_policy import C_NAMES, CreditPolicy
from xl_ar.core.credit.credit_score import credit_score, read_scores, score_table
from xl_ar.errors import XlArError


def scores(character, capacity, capital, collateral, conditions):
    return dict(zip(C_NAMES, (character, capacity, capital, collateral, conditions), strict=True))


@pytest.mark.parametrize(
    ("card", "score", "score_100", "grade"),
    [
        # 0.30×4 + 0.25×4 + 0.20×3 + 0.10×2 + 0.15×4 = 1.2 + 1.0 + 0.6 + 0.2 + 0.6 = 3.6
        (scores(4, 4, 3, 2, 4), 3.6, 65.0, "B"),
        # 0.30×5 + 0.25×4 + 0.20×4 + 0.10×3 + 0.15×4 = 1.5 + 1.0 + 0.8 + 0.3 + 0.6 = 4.2
        (scores(5, 4, 4, 3, 4), 4.2, 80.0, "A"),
        # 0.30×2 + 0.25×3 + 0.20×2 + 0.10×5 + 0.15×3 = 0.6 + 0.75 + 0.4 + 0.5 + 0.45 = 2.7
        (scores(2, 3, 2, 5, 3), 2.7, 42.5, "D"),
        # 0.30×1 + 0.25×2 + 0.20×2 + 0.10×1 + 0.15×3 = 0.3 + 0.5 + 0.4 + 0.1 + 0.45 = 1.75
        (scores(1, 2, 2, 1, 3), 1.75, 18.75, "E"),
        (scores(3, 3, 3, 3, 3), 3.0, 50.0, "C"),
        (scores(5, 5, 5, 5, 5), 5.0, 100.0, "A"),
        (scores(1, 1, 1, 1, 1), 1.0, 0.0, "E"),
        # half points: 0.30×3.5 + 0.25×3.5 + 0.20×3.5 + 0.10×3.5 + 0.15×3.5 = 3.5 -> 62.5
        (scores(3.5, 3.5, 3.5, 3.5, 3.5), 3.5, 62.5, "C"),
    ],
)
def test_hand_computed_scorecards(card, score, score_100, grade):
    r = credit_score(card)
    assert r.score == pytest.approx(score, abs=1e-12)
    assert r.score_100 == pytest.approx(score_100, abs=1e-9)
    assert r.grade == grade
    assert r.scale == (1.0, 5.0)
    assert sum(r.weights.values()) == pytest.approx(1.0)


def test_exact_threshold_scores_get_the_higher_grade():
    # 4.2 on every C is 80 exactly on paper; in floats the sum may land a hair below
    assert credit_score(scores(4.2, 4.2, 4.2, 4.2, 4.2)).grade == "A"
    assert credit_score(scores(3.6, 3.6, 3.6, 3.6, 3.6)).grade == "B"
    assert credit_score(scores(2.4, 2.4, 2.4, 2.4, 2.4)).grade == "D"


def test_input_forms_as_excel_sends_them():
    expected = credit_score(scores(4, 4, 3, 2, 4))
    indonesian = [["Kriteria", "Skor"], ["Karakter", 4.0], ["Kapasitas", 4.0], ["Modal", 3.0],
                  ["Jaminan", Decimal("2")], ["Kondisi", "4"]]  # fmt: skip
    assert credit_score(indonesian) == expected
    assert credit_score([[4.0], [4.0], [3.0], [2.0], [4.0]]) == expected  # a column of five
    assert credit_score([[4.0, 4.0, 3.0, 2.0, 4.0]]) == expected  # a row of five
    assert credit_score(pd.Series(scores(4, 4, 3, 2, 4))) == expected
    assert read_scores([4, 4, 3, 2, 4]) == scores(4.0, 4.0, 3.0, 2.0, 4.0)


def test_weights_argument_overrides_the_policy():
    # weights 0.2 each: score = plain mean (4 + 4 + 3 + 2 + 4) / 5 = 3.4 -> 60 -> C
    r = credit_score(scores(4, 4, 3, 2, 4), [[0.2], [0.2], [0.2], [0.2], [0.2]])
    assert r.score == pytest.approx(3.4)
    assert r.grade == "C"
    r = credit_score(scores(4, 4, 3, 2, 4), [["karakter", "40%"], ["kondisi", "5%"]])
    # 0.40×4 + 0.25×4 + 0.20×3 + 0.10×2 + 0.05×4 = 1.6 + 1.0 + 0.6 + 0.2 + 0.2 = 3.6
    assert r.weights["character"] == pytest.approx(0.40)
    assert r.score == pytest.approx(3.6)


def test_other_scale():
    policy = CreditPolicy(scale_min=0, scale_max=10)
    # 0.30×8 + 0.25×7 + 0.20×6 + 0.10×5 + 0.15×9 = 2.4 + 1.75 + 1.2 + 0.5 + 1.35 = 7.2 -> 72 -> B
    r = credit_score(scores(8, 7, 6, 5, 9), policy=policy)
    assert (round(r.score, 9), round(r.score_100, 9), r.grade) == (7.2, 72.0, "B")
    with pytest.raises(XlArError, match=r"'character' is 11, outside the scale 0 to 10$"):
        credit_score(scores(11, 7, 6, 5, 9), policy=policy)


def test_score_table():
    r = credit_score(scores(4, 4, 3, 2, 4))
    assert score_table(r).values.tolist() == [["Score", 3.6], ["Grade", "B"]]
    assert score_table(r, lang="id").values.tolist() == [["Skor", 3.6], ["Peringkat", "B"]]
    detail = score_table(r, detail=True).set_index("label")["value"]
    assert detail["Score (0-100)"] == 65.0
    assert detail["character: weight"] == 0.3
    assert detail["collateral: points"] == pytest.approx(0.2)


@pytest.mark.parametrize(
    ("card", "message"),
    [
        ({"character": 4, "capacity": 4, "capital": 3, "collateral": 2},
         "scores: missing conditions (kondisi): the scorecard needs all five C's (character, "
         "capacity, capital, collateral, conditions), each scored 1 to 5"),
        ({}, "scores: missing character (karakter), capacity (kapasitas), capital (modal), "
         "collateral (jaminan), conditions (kondisi): the scorecard needs all five C's"),
        (scores(0, 4, 3, 2, 4), "scores: 'character' is 0, outside the scale 1 to 5"),
        ({"karakter": 4, "kapasitas": 4, "modal": 2_000_000_000, "jaminan": 2, "kondisi": 4},
         "scores: 'modal' (capital) is 2000000000, outside the scale 1 to 5; for the equity "
         "amount use tangible_net_worth / ekuitas bersih"),
        (scores(4, "baik", 3, 2, 4),
         "scores: 'capacity' must be a number (e.g. 4 on the scale), not 'baik'"),
        (scores(4, 4, True, 2, 4),
         "scores: 'capital' must be a number (e.g. 4 on the scale), not TRUE"),
        ({"charakter": 4}, "scores: unknown label 'charakter' (did you mean 'character'?"),
    ],
)  # fmt: skip
def test_bad_scores(card, message):
    with pytest.raises(XlArError) as err:
        credit_score(card)
    assert "\n" not in str(err.value)
    assert str(err.value).startswith(message)


def test_bad_weights():
    with pytest.raises(XlArError, match=r"^weights: the weights must add up to 1 \(100%\), they "
                       r"add up to 1\.1 \(character 0\.4"):  # fmt: skip
        credit_score(scores(3, 3, 3, 3, 3), {"character": 0.4})
    with pytest.raises(XlArError, match=r"^weights: 'capacity' must be a fraction from 0 to 1"):
        credit_score(scores(3, 3, 3, 3, 3), {"capacity": 25})


score_value = st.integers(min_value=2, max_value=10).map(lambda h: h / 2)  # 1, 1.5, ... 5


@given(card=st.lists(score_value, min_size=5, max_size=5), which=st.sampled_from(C_NAMES),
       bump=st.sampled_from([0.5, 1.0, 2.0]))  # fmt: skip
def test_raising_a_score_never_lowers_the_score_or_the_grade(card, which, bump):
    before = credit_score(dict(zip(C_NAMES, card, strict=True)))
    raised = dict(before.scores)
    raised[which] = min(5.0, raised[which] + bump)
    after = credit_score(raised)
    assert after.score >= before.score - 1e-12
    assert after.grade <= before.grade  # "A" < "B" < ...: a better or equal grade
    assert 0.0 <= after.score_100 <= 100.0
