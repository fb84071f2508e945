"""Credit limit: the limit methods of a customer profile, the binding one, and a decision.

Each method applies only when its inputs are in the profile (a blank is never read as 0):

================  ===========================================================================
method            limit
================  ===========================================================================
net_worth         pct_net_worth[grade] × tangible_net_worth
working_capital   pct_working_capital[grade] × working_capital
annual_sales      pct_annual_sales[grade] × annual_sales (the customer's own yearly sales)
needs_based       expected_monthly_purchases × (payment_terms_days + grace_days) / 30
                  × (1 + ppn_rate) when invoices include PPN and the purchases do not
collateral        collateral_value × collateral_advance_rate (a value of 0 means "no
                  collateral": the cap is not applied)
policy_max        max_limit (always applies)
================  ===========================================================================

The **raw limit** is the minimum of the applicable methods (ties go to the earlier method);
it is multiplied by the adjustments — new customer (``new_customer_factor``), small or large
business (``size_factor_*``), and 0 for a declined grade — and **rounded down** to a multiple
of ``rounding``. Every factor is at most 1, so the recommended limit is never above any
applicable method's limit nor the policy maximum. At least one method besides the policy
maximum must apply.

**Decision** (first rule that matches):

1. grade at or below ``decline_grade`` (E) → *decline*;
2. recommended limit 0 → *decline*;
3. current exposure above the recommended limit → *refer* (hold new orders meanwhile);
4. grade at or below ``refer_grade`` (D) → *refer*;
5. requested limit above ``refer_ratio`` (1.5) × recommended → *refer*;
6. requested limit above the recommended → *approve reduced* (to the recommended limit);
7. otherwise *approve* (the requested limit if given, else the recommended).

Bad input gives one-line :class:`~xl_ar.errors.XlArError` messages naming the label: unknown
labels, scores outside the scale, negative net worth ("refer to the credit committee"), text
where a number belongs, no applicable method.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from xl_ar.core.base.labels import pick
from xl_ar.core.base.labels_values import (
    LabelValues,
    get_choice,
    get_flag,
    get_number,
    get_text,
    read_label_values,
)
from xl_ar.core.base.text import percent_text, plain_number, rupiah
from xl_ar.core.credit.credit_policy import C_HEADERS, PCT_METHODS, CreditPolicy, read_policy
from xl_ar.core.credit.credit_score import SCORE_LABELS, ScoreResult, credit_score
from xl_ar.errors import XlArError

__all__ = [
    "METHODS",
    "PROFILE_HEADERS",
    "LimitResult",
    "credit_limit",
    "limit_detail_table",
    "read_profile",
]

#: Profile labels: canonical key → English and Indonesian synonyms.
PROFILE_HEADERS: dict[str, tuple[str, ...]] = {
    **C_HEADERS,
    "customer": ("customer name", "name", "pelanggan", "nama pelanggan", "nama", "debitur"),
    "tangible_net_worth": (
        "net worth", "tnw", "tangible equity", "ekuitas bersih", "ekuitas berwujud",
        "kekayaan bersih", "modal bersih", "ekuitas",
    ),
    "working_capital": ("net working capital", "modal kerja", "modal kerja bersih"),
    "annual_sales": (
        "annual turnover", "turnover", "yearly sales", "sales per year", "penjualan tahunan",
        "omzet tahunan", "omset tahunan", "penjualan setahun", "omzet", "omset",
    ),
    "expected_monthly_purchases": (
        "monthly purchases", "expected purchases", "expected monthly sales", "monthly sales",
        "perkiraan pembelian bulanan", "pembelian bulanan", "pembelian per bulan",
        "rencana pembelian bulanan", "perkiraan pembelian",
    ),
    "payment_terms_days": (
        "payment terms", "terms", "terms days", "credit terms", "termin", "top",
        "termin pembayaran", "jangka waktu pembayaran", "hari kredit", "term of payment",
    ),
    "purchases_include_ppn": (
        "purchases include ppn", "purchases include vat", "pembelian termasuk ppn",
        "termasuk ppn",
    ),
    "collateral_value": (
        "collateral amount", "value of collateral", "nilai jaminan", "nilai agunan",
    ),
    "customer_type": (
        "type", "customer status", "new or existing", "jenis pelanggan", "status pelanggan",
        "tipe pelanggan",
    ),
    "size": (
        "customer size", "business size", "company size", "ukuran", "ukuran usaha",
        "skala usaha", "skala", "ukuran perusahaan",
    ),
    "current_exposure": (
        "exposure", "current ar", "open ar", "outstanding", "eksposur", "eksposur saat ini",
        "saldo piutang", "piutang saat ini", "piutang berjalan",
    ),
    "requested_limit": (
        "requested", "limit requested", "credit limit requested", "requested credit limit",
        "limit diminta", "limit yang diajukan", "plafon diajukan", "pengajuan limit",
        "limit diajukan",
    ),
}  # fmt: skip
_LISTING = ", ".join(PROFILE_HEADERS)

CUSTOMER_TYPES = {"new": ("baru",), "existing": ("lama", "existing customer", "eksisting")}
SIZES = {"small": ("kecil",), "large": ("besar",)}

#: Method key → (English name, Indonesian name), in evaluation order.
METHODS: dict[str, tuple[str, str]] = {
    "net_worth": ("% of tangible net worth", "% ekuitas bersih"),
    "working_capital": ("% of working capital", "% modal kerja"),
    "annual_sales": ("% of annual sales", "% penjualan tahunan"),
    "needs_based": ("needs-based", "berbasis kebutuhan"),
    "collateral": ("collateral cover", "nilai jaminan"),
    "policy_max": ("policy maximum", "limit maksimum kebijakan"),
}
_INPUT_OF = {"net_worth": "tangible_net_worth", "working_capital": "working_capital",
             "annual_sales": "annual_sales"}  # fmt: skip
_TERMS_TEXT = re.compile(
    r"^\s*(?:net|n|top|termin)?\s*(\d+(?:[.,]\d+)?)\s*(?:days?|hari|hr|d)?\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Profile:
    """A credit profile read and checked: scores and the optional inputs (``None`` = absent)."""

    values: LabelValues
    customer: str | None
    tangible_net_worth: float | None
    working_capital: float | None
    annual_sales: float | None
    expected_monthly_purchases: float | None
    payment_terms_days: float | None
    purchases_include_ppn: bool | None
    collateral_value: float | None
    customer_type: str | None
    size: str | None
    current_exposure: float | None
    requested_limit: float | None


@dataclass(frozen=True)
class LimitResult:
    """The outcome of :func:`credit_limit`.

    Attributes
    ----------
    customer : str or None
    score : ScoreResult
    methods : pandas.DataFrame
        One row per method (index = method key): ``name``, ``applicable`` (bool),
        ``inputs`` (how the limit was computed, or why the method does not apply), ``limit``
        (NaN when not applicable).
    binding_method : str
        Key of the applicable method with the lowest limit.
    raw_limit : float
        That lowest limit.
    adjustments : tuple of (str, float)
        The factors applied to the raw limit (new customer, size, declined grade).
    adjusted_limit : float
        Raw limit × the factors, before rounding.
    recommended_limit : float
        Rounded down to the policy step.
    requested_limit, exposure, available, approved_limit : float or None
        ``available`` = recommended − exposure (``None`` without an exposure);
        ``approved_limit`` is ``None`` when the decision is *refer*.
    decision : str
        ``approve`` | ``approve reduced`` | ``refer`` | ``decline``.
    reason : str
        One line.
    """

    customer: str | None
    score: ScoreResult
    methods: pd.DataFrame
    binding_method: str
    raw_limit: float
    adjustments: tuple[tuple[str, float], ...]
    adjusted_limit: float
    recommended_limit: float
    requested_limit: float | None
    exposure: float | None
    available: float | None
    approved_limit: float | None
    decision: str
    reason: str


def read_profile(profile: Any) -> Profile:
    """Read and check a profile range (or dict/Series) into a :class:`Profile`.

    Examples
    --------
    >>> p = read_profile([["Label", "Value"], ["Modal Kerja", "Rp 800.000.000"],
    ...                   ["Termin", "30 hari"], ["Jenis Pelanggan", "Baru"]])
    >>> p.working_capital, p.payment_terms_days, p.customer_type, p.annual_sales
    (800000000.0, 30.0, 'new', None)
    """
    values = read_label_values(
        profile, known=PROFILE_HEADERS, what="profile", text_labels=("customer",), listing=_LISTING
    )
    money = "2000000000 or Rp 2.000.000.000"

    def amount(key: str, note: str = "") -> float | None:
        return get_number(values, key, minimum=0, example=money, note=note)

    return Profile(
        values=values,
        customer=get_text(values, "customer"),
        tangible_net_worth=amount(
            "tangible_net_worth", "negative equity: refer to the credit committee"
        ),
        working_capital=amount(
            "working_capital", "negative working capital: refer to the credit committee"
        ),
        annual_sales=amount("annual_sales"),
        expected_monthly_purchases=amount("expected_monthly_purchases"),
        payment_terms_days=_terms(values),
        purchases_include_ppn=get_flag(values, "purchases_include_ppn"),
        collateral_value=amount("collateral_value"),
        customer_type=get_choice(values, "customer_type", CUSTOMER_TYPES),
        size=get_choice(values, "size", SIZES),
        current_exposure=get_number(values, "current_exposure", example=money),
        requested_limit=amount("requested_limit"),
    )


def _terms(values: LabelValues) -> float | None:
    key = "payment_terms_days"
    if key in values and isinstance(values[key], str):
        match = _TERMS_TEXT.match(values[key])
        if match:
            values[key] = float(match.group(1).replace(",", "."))
    return get_number(values, key, minimum=0, maximum=365, example="30 or 30 hari")


def credit_limit(profile: Any, policy: CreditPolicy | Any = None) -> LimitResult:
    """Recommend a credit limit from a profile: score, methods, binding method, decision.

    Parameters
    ----------
    profile : label/value range, dict or pandas.Series
        The five C scores (required) and any of the inputs in :data:`PROFILE_HEADERS`
        (English or Indonesian labels, e.g. ``tangible_net_worth`` / ``ekuitas bersih``,
        ``working_capital`` / ``modal kerja``, ``annual_sales`` / ``penjualan tahunan``,
        ``expected_monthly_purchases``, ``payment_terms_days``, ``collateral_value``,
        ``customer_type`` new|existing, ``size`` small|large, ``current_exposure``,
        ``requested_limit``).
    policy : CreditPolicy or policy range, optional
        Default :data:`~xl_ar.core.credit.credit_policy.DEFAULT_POLICY`.

    Returns
    -------
    LimitResult

    Examples
    --------
    Grade B (score 3.6): 15% of net worth Rp 2,000,000,000 = Rp 300,000,000; needs-based
    Rp 100,000,000 × (30 + 15) / 30 × 1.11 = Rp 166,500,000 binds, rounded down to
    Rp 166,000,000:

    >>> r = credit_limit({"character": 4, "capacity": 4, "capital": 3, "collateral": 2,
    ...                   "conditions": 4, "ekuitas bersih": 2e9,
    ...                   "expected_monthly_purchases": 1e8, "payment_terms_days": 30})
    >>> r.score.grade, r.binding_method, r.raw_limit, r.recommended_limit, r.decision
    ('B', 'needs_based', 166500000.0, 166000000.0, 'approve')
    """
    policy = read_policy(policy)
    p = read_profile(profile)
    if not p.values and not p.values.written:
        raise XlArError(
            "profile is empty: give a two-column range of labels and values "
            "(e.g. character | 4, modal kerja | 800000000)"
        )
    score = credit_score(p.values, policy=policy)
    grade = score.grade
    rows = _methods(p, policy, grade)
    methods = pd.DataFrame(rows, columns=["method", "name", "applicable", "inputs", "limit"])
    methods = methods.set_index("method")
    usable = methods[methods["applicable"]]
    if not usable.index.difference(["policy_max"]).size:
        raise XlArError(
            "profile: no limit method applies: give tangible_net_worth, working_capital, "
            "annual_sales, expected_monthly_purchases with payment_terms_days, or collateral_value"
        )
    limits = usable["limit"].astype(float)
    binding = str(limits.idxmin())
    raw = float(limits.min())

    adjustments: list[tuple[str, float]] = []
    if p.customer_type == "new":
        adjustments.append(("new customer", policy.new_customer_factor))
    if p.size is not None:
        adjustments.append((f"{p.size} business", getattr(policy, f"size_factor_{p.size}")))
    if policy.declines(grade):
        adjustments.append((f"grade {grade}: no credit", 0.0))
    adjusted = raw * math.prod(f for _, f in adjustments)
    recommended = _round_down(adjusted, policy.rounding)

    exposure = p.current_exposure
    available = None if exposure is None else recommended - exposure
    decision, reason, approved = _decide(p, policy, score, binding, raw, recommended)
    return LimitResult(
        customer=p.customer,
        score=score,
        methods=methods,
        binding_method=binding,
        raw_limit=raw,
        adjustments=tuple(adjustments),
        adjusted_limit=adjusted,
        recommended_limit=recommended,
        requested_limit=p.requested_limit,
        exposure=exposure,
        available=available,
        approved_limit=approved,
        decision=decision,
        reason=reason,
    )


def _round_down(value: float, step: float) -> float:
    """Round down to a multiple of ``step`` (float noise such as 2.9999999999 steps ignored)."""
    if value <= 0:
        return 0.0
    if step <= 0:
        return float(value)
    return float(math.floor(round(value / step, 6)) * step)


def _methods(p: Profile, policy: CreditPolicy, grade: str) -> list[tuple]:
    rows: list[tuple] = []
    for method in ("net_worth", "working_capital", "annual_sales"):
        key = _INPUT_OF[method]
        base = getattr(p, key)
        name = METHODS[method][0]
        if base is None:
            rows.append((method, name, False, f"not applicable: no {key}", math.nan))
            continue
        pct = policy.pct(method, grade)
        en = PCT_METHODS[method][1]
        rows.append(
            (
                method,
                name,
                True,
                f"{percent_text(pct)} (grade {grade}) × {en} {rupiah(base)}",
                pct * base,
            )
        )

    name = METHODS["needs_based"][0]
    need, terms = p.expected_monthly_purchases, p.payment_terms_days
    if need is None or terms is None:
        lacking = " and ".join(
            k for k, v in (("expected_monthly_purchases", need), ("payment_terms_days", terms))
            if v is None
        )  # fmt: skip
        rows.append(("needs_based", name, False, f"not applicable: no {lacking}", math.nan))
    else:
        gross = policy.invoices_include_ppn and not p.purchases_include_ppn
        factor = 1.0 + policy.ppn_rate if gross else 1.0
        days = terms + policy.grace_days
        text = f"{rupiah(need)} × ({plain_number(terms)} + {plain_number(policy.grace_days)} grace days) / 30"
        text += f" × {plain_number(factor)} (PPN {percent_text(policy.ppn_rate)})" if gross else ""
        rows.append(("needs_based", name, True, text, need * days / 30.0 * factor))

    name = METHODS["collateral"][0]
    value = p.collateral_value
    if value is None:
        rows.append(("collateral", name, False, "not applicable: no collateral_value", math.nan))
    elif value == 0:
        rows.append(("collateral", name, False, "not applicable: collateral_value 0 (none)",
                     math.nan))  # fmt: skip
    else:
        rate = policy.collateral_advance_rate
        rows.append(
            (
                "collateral",
                name,
                True,
                f"{percent_text(rate)} × collateral {rupiah(value)}",
                rate * value,
            )
        )
    rows.append(("policy_max", METHODS["policy_max"][0], True, f"max_limit {rupiah(policy.max_limit)}",
                 policy.max_limit))  # fmt: skip
    return rows


def _decide(
    p: Profile,
    policy: CreditPolicy,
    score: ScoreResult,
    binding: str,
    raw: float,
    recommended: float,
) -> tuple[str, str, float | None]:
    grade = score.grade
    requested = p.requested_limit
    bind = METHODS[binding][0]
    if policy.declines(grade):
        floor = policy.grade_min[-1]
        return (
            "decline",
            f"grade {grade} (score {score.score_100:.1f} of 100, below {plain_number(floor)}): no credit",
            0.0,
        )
    if recommended <= 0:
        return "decline", f"recommended limit Rp 0 ({bind} gives {rupiah(raw)})", 0.0
    if p.current_exposure is not None and p.current_exposure > recommended:
        return (
            "refer",
            f"current exposure {rupiah(p.current_exposure)} is above the recommended limit "
            f"{rupiah(recommended)}: hold new orders",
            None,
        )
    if policy.refers(grade):
        return "refer", f"grade {grade}: refer to the credit committee", None
    if requested is not None and requested > policy.refer_ratio * recommended:
        return (
            "refer",
            f"requested {rupiah(requested)} is more than {plain_number(policy.refer_ratio)} × the "
            f"recommended {rupiah(recommended)}",
            None,
        )
    if requested is not None and requested > recommended:
        return (
            "approve reduced",
            f"requested {rupiah(requested)} reduced to {rupiah(recommended)} (binding: {bind})",
            recommended,
        )
    approved = recommended if requested is None else requested
    return "approve", f"grade {grade}, limit {rupiah(approved)} (binding: {bind})", approved


# --------------------------------------------------------------------------- formatting


_DETAIL_LABELS: dict[str, tuple[str, str]] = {
    "customer": ("Pelanggan", "Customer"),
    **SCORE_LABELS,
    "inputs": ("perhitungan", "inputs"),
    "limit": ("limit", "limit"),
    "raw_limit": ("Terendah dari metode", "Lowest method limit"),
    "binding_method": ("Metode penentu", "Binding method"),
    "adjustments": ("Penyesuaian", "Adjustments"),
    "recommended_limit": ("Limit direkomendasikan", "Recommended limit"),
    "requested_limit": ("Limit diajukan", "Requested limit"),
    "approved_limit": ("Limit disetujui", "Approved limit"),
    "exposure": ("Eksposur", "Exposure"),
    "available": ("Sisa limit", "Available"),
    "decision": ("Keputusan", "Decision"),
    "reason": ("Alasan", "Reason"),
}


def _dl(key: str, lang: str) -> str:
    return pick(_DETAIL_LABELS[key], lang)


def limit_detail_table(result: LimitResult, *, lang: str = "en") -> pd.DataFrame:
    """The result as ``label | value`` rows ready to spill (always the same 26 rows).

    Rows: customer, score, score (0–100), grade, then for each method its inputs (text) and
    limit (number, blank when not applicable), the lowest method limit, binding method,
    adjustments, recommended limit, requested limit, approved limit, exposure, available,
    decision and reason. Blank values are ``None``. ``lang``: ``"en"``, ``"id"`` or ``"both"``.

    Examples
    --------
    >>> r = credit_limit({"character": 3, "capacity": 3, "capital": 3, "collateral": 3,
    ...                   "conditions": 3, "modal kerja": 1e9})
    >>> t = limit_detail_table(r)
    >>> t.set_index("label").loc[["Grade", "% of working capital: limit", "Decision"], "value"].tolist()
    ['C', 200000000.0, 'approve']
    """
    r = result
    rows: list[tuple[str, object]] = [
        (_dl("customer", lang), r.customer),
        (_dl("score", lang), round(r.score.score, 9)),
        (_dl("score_100", lang), round(r.score.score_100, 9)),
        (_dl("grade", lang), r.score.grade),
    ]
    for method, row in r.methods.iterrows():
        en, idn = METHODS[str(method)]
        name = pick((idn, en), lang)
        limit = float(row["limit"]) if row["applicable"] else None
        rows.append((f"{name}: {_dl('inputs', lang)}", row["inputs"]))
        rows.append((f"{name}: {_dl('limit', lang)}", limit))
    adjustments = "; ".join(f"{name} × {plain_number(f)}" for name, f in r.adjustments) or "none"
    rows += [
        (_dl("raw_limit", lang), r.raw_limit),
        (_dl("binding_method", lang), METHODS[r.binding_method][0]),
        (_dl("adjustments", lang), adjustments),
        (_dl("recommended_limit", lang), r.recommended_limit),
        (_dl("requested_limit", lang), r.requested_limit),
        (_dl("approved_limit", lang), r.approved_limit),
        (_dl("exposure", lang), r.exposure),
        (_dl("available", lang), r.available),
        (_dl("decision", lang), r.decision),
        (_dl("reason", lang), r.reason),
    ]
    return pd.DataFrame(rows, columns=["label", "value"], dtype=object)
