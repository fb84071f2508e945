"""The 5 C's scorecard: weighted score on the policy scale, a 0–100 figure and a grade A–E.

score = Σ weight_c × score_c over Character, Capacity, Capital, Collateral, Conditions (weights
add up to 1, so the score stays on the scale); score_100 = (score − scale_min) /
(scale_max − scale_min) × 100; the grade is the first of A–D whose minimum the 0–100 score
reaches, else E (defaults and the reasons for them: :mod:`xl_ar.core.credit.credit_policy`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from numbers import Real
from typing import Any, cast

import numpy as np
import pandas as pd

from xl_ar.core.base.cells import is_blank_value
from xl_ar.core.base.labels import pick
from xl_ar.core.base.labels_values import LabelValues, get_fraction, get_number, read_label_values
from xl_ar.core.base.text import plain_number
from xl_ar.core.credit.credit_policy import (
    C_HEADERS,
    C_ID,
    C_NAMES,
    CreditPolicy,
    read_policy,
)
from xl_ar.errors import XlArError

__all__ = ["SCORE_LABELS", "ScoreResult", "credit_score", "read_scores", "score_table"]

#: What to use instead when a score looks like an amount (a common mix-up).
_AMOUNT_HINT = {
    "capital": "for the equity amount use tangible_net_worth / ekuitas bersih",
    "collateral": "for the collateral's value use collateral_value / nilai jaminan",
    "capacity": "for amounts use working_capital / modal kerja or annual_sales",
}


@dataclass(frozen=True)
class ScoreResult:
    """A scored 5 C's scorecard.

    Attributes
    ----------
    scores : dict
        C → score on the scale, in scorecard order.
    weights : dict
        C → weight used (adding up to 1).
    score : float
        Weighted score on the scale (1–5 by default).
    score_100 : float
        The score rescaled to 0–100.
    grade : str
        ``"A"`` … ``"E"``.
    scale : tuple of float
        (scale_min, scale_max).
    """

    scores: dict[str, float]
    weights: dict[str, float]
    score: float
    score_100: float
    grade: str
    scale: tuple[float, float]


def _flat_numbers(source: Any) -> list[float] | None:
    """Five bare numbers (a row or column without labels), else ``None``."""
    if isinstance(source, (Mapping, pd.Series, pd.DataFrame, str)) or source is None:
        return None
    cells = []
    stack = [source]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple, np.ndarray)):
            stack.extend(reversed(list(item)))
        else:
            cells.append(item)
    filled = [c for c in cells if not is_blank_value(c)]
    numbers = [c for c in filled if isinstance(c, (Real, Decimal)) and not isinstance(c, bool)]
    if len(filled) == len(C_NAMES) and len(numbers) == len(filled):
        shape = np.shape(np.asarray(source, dtype=object))
        if len(shape) == 1 or (len(shape) == 2 and 1 in shape):
            return [float(n) for n in numbers]
    return None


def read_scores(source: Any, what: str = "scores") -> LabelValues:
    """The C entries of a scores (or weights) argument, as a :class:`LabelValues`.

    Accepts a label/value range (``Character | 4``, ``Karakter | 4`` ...), a dict or Series,
    or five bare numbers in scorecard order (character, capacity, capital, collateral,
    conditions).

    Examples
    --------
    >>> read_scores([[4.0], [3.0], [3.0], [2.0], [4.0]])
    {'character': 4.0, 'capacity': 3.0, 'capital': 3.0, 'collateral': 2.0, 'conditions': 4.0}
    """
    numbers = _flat_numbers(source)
    if numbers is not None:
        source = dict(zip(C_NAMES, numbers, strict=True))
    return read_label_values(source, known=C_HEADERS, what=what)


def _weights_policy(weights: Any, policy: CreditPolicy) -> CreditPolicy:
    if weights is None or (isinstance(weights, str) and not weights.strip()):
        return policy
    values = read_scores(weights, "weights")
    if not values:
        return policy
    new = list(policy.weights)
    for i, c in enumerate(C_NAMES):
        if c in values:
            new[i] = cast(float, get_fraction(values, c))  # present: never None
    try:
        return replace(policy, weights=tuple(new))
    except XlArError as exc:
        raise XlArError(str(exc).replace("policy: ", "weights: ", 1)) from None


def credit_score(
    scores: Any, weights: Any = None, policy: CreditPolicy | Any = None
) -> ScoreResult:
    """Score a 5 C's scorecard and grade it.

    Parameters
    ----------
    scores : label/value range, dict, pandas.Series or five numbers
        A score for each of character, capacity, capital, collateral and conditions
        (Indonesian labels: karakter, kapasitas, modal, jaminan, kondisi), each on the
        policy scale (1–5 by default, 5 best). Other labels (a whole credit profile) are
        ignored when given as a :class:`~xl_ar.core.base.labels_values.LabelValues`.
    weights : same forms, optional
        Weights overriding the policy's (fractions; all five must then add up to 1).
    policy : CreditPolicy or policy range, optional
        Default :data:`~xl_ar.core.credit.credit_policy.DEFAULT_POLICY`.

    Returns
    -------
    ScoreResult

    Raises
    ------
    XlArError
        A C is missing (a scorecard needs all five), a score is not a number or is outside
        the scale, weights are negative or do not add up to 1.

    Examples
    --------
    >>> r = credit_score({"character": 4, "capacity": 4, "capital": 3, "collateral": 2,
    ...                   "conditions": 4})
    >>> round(r.score, 4), round(r.score_100, 2), r.grade
    (3.6, 65.0, 'B')
    >>> credit_score({"karakter": 6, "kapasitas": 4, "modal": 3, "jaminan": 2, "kondisi": 4})
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: scores: 'karakter' (character) is 6, outside the scale 1 to 5
    """
    policy = _weights_policy(weights, read_policy(policy))
    values = scores if isinstance(scores, LabelValues) else read_scores(scores)
    what = values.what
    missing = [c for c in C_NAMES if c not in values]
    if missing:
        names = ", ".join(f"{c} ({C_ID[c]})" for c in missing)
        lo, hi = plain_number(policy.scale_min), plain_number(policy.scale_max)
        raise XlArError(
            f"{what}: missing {names}: the scorecard needs all five C's (character, capacity, "
            f"capital, collateral, conditions), each scored {lo} to {hi}"
        )
    got: dict[str, float] = {}
    for c in C_NAMES:
        value = get_number(values, c, example=f"{plain_number(policy.scale_max - 1)} on the scale")
        assert value is not None
        if not policy.scale_min <= value <= policy.scale_max:
            hint = f"; {_AMOUNT_HINT[c]}" if c in _AMOUNT_HINT and value > 1000 else ""
            raise XlArError(
                f"{what}: {values.name(c)} is {plain_number(value)}, outside the scale "
                f"{plain_number(policy.scale_min)} to {plain_number(policy.scale_max)}{hint}"
            )
        got[c] = value
    weights_used = dict(zip(C_NAMES, policy.weights, strict=True))
    score = sum(weights_used[c] * got[c] for c in C_NAMES)
    score = min(max(score, policy.scale_min), policy.scale_max)  # float noise
    score_100 = (score - policy.scale_min) / (policy.scale_max - policy.scale_min) * 100.0
    return ScoreResult(
        scores=got,
        weights=weights_used,
        score=score,
        score_100=score_100,
        grade=policy.grade_of(score_100),
        scale=(policy.scale_min, policy.scale_max),
    )


#: Row labels of :func:`score_table` (Indonesian, English), also used by the limit's detail.
SCORE_LABELS: dict[str, tuple[str, str]] = {
    "score": ("Skor", "Score"),
    "score_100": ("Skor (0-100)", "Score (0-100)"),
    "grade": ("Peringkat", "Grade"),
}


def score_table(result: ScoreResult, *, detail: bool = False, lang: str = "en") -> pd.DataFrame:
    """``label | value`` rows: score and grade (two labelled cells), or the whole scorecard.

    With ``detail`` the table also has each C's score, weight and weighted points, and the
    0–100 score. ``lang`` is ``"en"``, ``"id"`` or ``"both"``.

    Examples
    --------
    >>> r = credit_score([[4.0], [4.0], [3.0], [2.0], [4.0]])
    >>> score_table(r).values.tolist()
    [['Score', 3.6], ['Grade', 'B']]
    """
    rows: list[tuple[str, object]] = [
        (pick(SCORE_LABELS["score"], lang), round(result.score, 9)),
        (pick(SCORE_LABELS["grade"], lang), result.grade),
    ]
    if detail:
        rows.insert(1, (pick(SCORE_LABELS["score_100"], lang), round(result.score_100, 9)))
        words = {"id": ("skor", "bobot", "poin"), "en": ("score", "weight", "points")}
        score_w, weight_w, points_w = words.get(lang, words["en"])
        for c in C_NAMES:
            name = {"id": C_ID[c], "en": c}.get(lang, f"{C_ID[c]} / {c}")
            rows.append((f"{name}: {score_w}", result.scores[c]))
            rows.append((f"{name}: {weight_w}", result.weights[c]))
            rows.append((f"{name}: {points_w}", round(result.weights[c] * result.scores[c], 9)))
    return pd.DataFrame(rows, columns=["label", "value"])
