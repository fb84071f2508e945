"""Credit policy: the scorecard, the limit percentages and the review thresholds, all overridable.

:class:`CreditPolicy` holds every number the credit functions use. The defaults below are a
documented starting point for an Indonesian distributor; a policy range (label | value, or a
grade table) overrides any of them (:meth:`CreditPolicy.from_overrides`, :func:`read_policy`),
and :func:`policy_table` prints the current policy as label | value | description rows (the
README table and the policy sheet of the reports; the table reads back as a policy range).

Defaults and why
----------------
**Scorecard.** Each of the 5 C's is scored on 1–5 (5 best). Weights: character 0.30 (the
willingness to pay: payment history is the best single predictor of trade-credit default),
capacity 0.25 (cash flow to pay), capital 0.20 (the buffer when cash flow fails), conditions
0.15 (sector and economy), collateral 0.10 (trade credit is mostly unsecured, and collateral
already caps the limit through its own method, so a heavy score weight would count it twice).
Weights must add up to 1 within 0.001 (typed values such as 0.333 are accepted) and are then
scaled to add up to exactly 1.

**Grades** come from the weighted score rescaled to 0–100 (``(score − 1) / (5 − 1) × 100``):
A ≥ 80, B ≥ 65, C ≥ 50, D ≥ 35, E below 35. On the 1–5 scale that is 4.2, 3.6, 3.0 and 2.4:
all-3 scores are a C, all-4 scores a B.

**Limit percentages per grade** (fractions; they may not increase from A to E, so a better
grade never gets a lower limit):

=====  ===================  ==================  ===============
grade  tangible net worth   working capital     annual sales
=====  ===================  ==================  ===============
A      20%                  30%                 10%
B      15%                  25%                 7.5%
C      10%                  20%                 5%
D      5%                   10%                 2.5%
E      0%                   0%                  0%
=====  ===================  ==================  ===============

**Needs-based**: expected monthly purchases × (payment terms + 15 grace days) / 30, grossed up
by PPN 11% because invoices include PPN (the receivable is the price plus PPN) while purchases
are planned before PPN. 11% is the effective rate: from 2025 the 12% rate applies to a tax base
of 11/12 of the price for non-luxury goods.

**Collateral**: the limit is capped at collateral value × 80% (advance rate: the value left
after a 20% haircut for realisation cost and price risk).

**Policy maximum** Rp 5,000,000,000. **New customers** get 50% of the limit, **small**
businesses 75% and **large** 100% (factors may only reduce: to give large customers more,
raise the grade percentages). The limit is **rounded down** to a multiple of Rp 1,000,000.

**Decisions**: grade E and worse → decline; grade D → refer; a requested limit above 1.5 × the
recommended limit → refer (above it but within 1.5× → approve reduced).

**Review (payer rating)**: an invoice counts as *paid late* when paid more than 15 days after
its due date (the same tolerance as the grace days). Poor: weighted days late > 30, or more
than 50% (by amount) paid late, or more than 25% of the open AR over 60 days past due. Good:
weighted days late ≤ 5 and at most 20% paid late. Average otherwise. Raise the limit of a good
payer using more than 80% of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any

import pandas as pd

from xl_ar.core.base.cells import is_blank_value, quote_excerpt
from xl_ar.core.base.columns import header_lookup, normalize_header
from xl_ar.core.base.labels_values import (
    LabelValues,
    get_flag,
    get_fraction,
    get_number,
    get_text,
    read_label_values,
)
from xl_ar.core.base.text import percent_text, plain_number
from xl_ar.core.credit.discount import as_discount
from xl_ar.errors import XlArError

__all__ = [
    "C_NAMES",
    "C_HEADERS",
    "DEFAULT_POLICY",
    "GRADES",
    "PCT_METHODS",
    "CreditPolicy",
    "grade_table",
    "policy_table",
    "read_policy",
]

#: The 5 C's, in scorecard order.
C_NAMES: tuple[str, ...] = ("character", "capacity", "capital", "collateral", "conditions")
#: Indonesian (and other) names of each C, as labels of a scorecard or profile.
C_HEADERS: dict[str, tuple[str, ...]] = {
    "character": ("karakter", "watak", "character score", "skor karakter"),
    "capacity": ("kapasitas", "kemampuan", "capacity score", "skor kapasitas", "kemampuan bayar"),
    "capital": ("modal", "capital score", "skor modal"),
    "collateral": ("jaminan", "agunan", "collateral score", "skor jaminan", "skor agunan"),
    "conditions": ("condition", "kondisi", "kondisi ekonomi", "conditions score", "skor kondisi"),
}
#: Indonesian name of each C (descriptions).
C_ID = {
    "character": "karakter",
    "capacity": "kapasitas",
    "capital": "modal",
    "collateral": "jaminan",
    "conditions": "kondisi",
}
GRADES: tuple[str, ...] = ("A", "B", "C", "D", "E")
#: Limit methods with a percentage per grade: method → (policy field, en, id).
PCT_METHODS: dict[str, tuple[str, str, str]] = {
    "net_worth": ("pct_net_worth", "tangible net worth", "ekuitas bersih"),
    "working_capital": ("pct_working_capital", "working capital", "modal kerja"),
    "annual_sales": ("pct_annual_sales", "annual sales", "penjualan tahunan"),
}
WEIGHT_TOLERANCE = 1e-3


def _grade_index(grade: str | None) -> int | None:
    return None if grade is None else GRADES.index(grade)


@dataclass(frozen=True)
class CreditPolicy:
    """Every number of the credit scorecard, limit methods, decisions and review.

    Per-grade tuples are in the order of :data:`GRADES` (A–E), weights in the order of
    :data:`C_NAMES`. Construction validates everything (one-line
    :class:`~xl_ar.errors.XlArError` naming the policy label) and scales the weights to add
    up to exactly 1.

    Attributes
    ----------
    scale_min, scale_max : float
        The scale of each C score (default 1–5, 5 best).
    weights : tuple of float
        Character, capacity, capital, collateral, conditions (0.30, 0.25, 0.20, 0.10, 0.15).
    grade_min : tuple of float
        Lowest 0–100 score of grades A, B, C, D (80, 65, 50, 35); below the last is E.
    pct_net_worth, pct_working_capital, pct_annual_sales : tuple of float
        Fractions per grade A–E (see the module docstring).
    grace_days : float
        Days added to the payment terms in the needs-based method (15).
    ppn_rate : float
        PPN (VAT) rate for the gross-up (0.11).
    invoices_include_ppn : bool
        Invoices (the receivable) include PPN, so planned purchases are grossed up (True).
    collateral_advance_rate : float
        Share of the collateral value the limit may reach (0.8).
    max_limit : float
        Policy maximum (Rp 5,000,000,000).
    new_customer_factor, size_factor_small, size_factor_large : float
        Reductions (0.5, 0.75, 1.0), each from 0 to 1.
    rounding : float
        The limit is rounded down to a multiple of this (Rp 1,000,000; 0 = no rounding).
    refer_ratio : float
        A requested limit above this × the recommended limit is referred (1.5).
    refer_grade, decline_grade : str or None
        Grades at and below these are referred / declined ("D", "E"; ``None`` = none).
    late_tolerance_days : float
        Days after the due date before a payment counts as late in the review (15).
    rating_good_days_late, rating_good_share_late : float
        Good payer: weighted days late ≤ 5 and share paid late ≤ 0.2.
    rating_poor_days_late, rating_poor_share_late : float
        Poor payer: weighted days late > 30 or share paid late > 0.5 ...
    rating_overdue_days, rating_poor_share_overdue : float
        ... or more than 0.25 of the open AR over 60 days past due.
    raise_utilisation : float
        Suggest a raise for a good payer using more than this share of the limit (0.8).
    discount, discount_days, net_days : float
        The early-payment discount term offered ("2/10 net 30": 0.02, 10, 30); a discount
        of 0 (the default) offers none. Its annualised cost is on the policy sheet
        (:func:`~xl_ar.core.credit.discount.discount_cost`).

    Examples
    --------
    >>> p = CreditPolicy()
    >>> p.weight("character"), p.pct("net_worth", "B"), p.max_limit
    (0.3, 0.15, 5000000000.0)
    >>> CreditPolicy(weights=(0.5, 0.25, 0.2, 0.1, 0.15))
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: policy: the weights must add up to 1 (100%), they add up to 1.2 \
(character 0.5, capacity 0.25, capital 0.2, collateral 0.1, conditions 0.15)
    """

    scale_min: float = 1.0
    scale_max: float = 5.0
    weights: tuple[float, ...] = (0.30, 0.25, 0.20, 0.10, 0.15)
    grade_min: tuple[float, ...] = (80.0, 65.0, 50.0, 35.0)
    pct_net_worth: tuple[float, ...] = (0.20, 0.15, 0.10, 0.05, 0.0)
    pct_working_capital: tuple[float, ...] = (0.30, 0.25, 0.20, 0.10, 0.0)
    pct_annual_sales: tuple[float, ...] = (0.10, 0.075, 0.05, 0.025, 0.0)
    grace_days: float = 15.0
    ppn_rate: float = 0.11
    invoices_include_ppn: bool = True
    collateral_advance_rate: float = 0.80
    max_limit: float = 5_000_000_000.0
    new_customer_factor: float = 0.50
    size_factor_small: float = 0.75
    size_factor_large: float = 1.0
    rounding: float = 1_000_000.0
    refer_ratio: float = 1.5
    refer_grade: str | None = "D"
    decline_grade: str | None = "E"
    late_tolerance_days: float = 15.0
    rating_good_days_late: float = 5.0
    rating_good_share_late: float = 0.20
    rating_poor_days_late: float = 30.0
    rating_poor_share_late: float = 0.50
    rating_overdue_days: float = 60.0
    rating_poor_share_overdue: float = 0.25
    raise_utilisation: float = 0.80
    discount: float = 0.0
    discount_days: float = 0.0
    net_days: float = 30.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                object.__setattr__(self, f.name, tuple(float(v) for v in value))
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                object.__setattr__(self, f.name, float(value))
        _validate(self)

    # -- accessors ---------------------------------------------------------------------------
    def weight(self, c: str) -> float:
        """Weight of one C (``"character"`` ...)."""
        return self.weights[C_NAMES.index(c)]

    def pct(self, method: str, grade: str) -> float:
        """Percentage (fraction) of a percentage method for a grade."""
        return getattr(self, PCT_METHODS[method][0])[GRADES.index(grade)]

    def grade_of(self, score_100: float) -> str:
        """Grade of a 0–100 score (compared at 9 decimals, so 79.9999999999 is 80).

        Examples
        --------
        >>> CreditPolicy().grade_of(50.0), CreditPolicy().grade_of(34.99)
        ('C', 'E')
        """
        value = round(float(score_100), 9)
        for grade, low in zip(GRADES, self.grade_min, strict=False):
            if value >= low:
                return grade
        return GRADES[-1]

    def declines(self, grade: str) -> bool:
        """Whether ``grade`` is at or below the decline grade."""
        cut = _grade_index(self.decline_grade)
        return cut is not None and GRADES.index(grade) >= cut

    def refers(self, grade: str) -> bool:
        """Whether ``grade`` is at or below the refer grade."""
        cut = _grade_index(self.refer_grade)
        return cut is not None and GRADES.index(grade) >= cut

    # -- overrides ---------------------------------------------------------------------------
    @classmethod
    def from_overrides(
        cls, overrides: Any = None, base: CreditPolicy | None = None
    ) -> CreditPolicy:
        """A policy: ``base`` (default policy) with the values of a policy range applied.

        Parameters
        ----------
        overrides : label/value range, grade table, dict, pandas.Series or None
            Labels of :func:`policy_table` (``weight_character``, ``pct_net_worth_A``,
            ``max_limit`` ...) or their Indonesian synonyms (``bobot karakter``,
            ``persen ekuitas A``, ``limit maksimum`` ...); or a grade table with a header row
            ``Grade | Min Score | Net Worth | Working Capital | Annual Sales`` (any of the
            last four). Blank values keep the base value.
        base : CreditPolicy, optional

        Examples
        --------
        >>> p = CreditPolicy.from_overrides([["Label", "Value"], ["limit maksimum", "Rp 2.000.000.000"],
        ...                                  ["pct_net_worth_A", "25%"]])
        >>> p.max_limit, p.pct("net_worth", "A")
        (2000000000.0, 0.25)
        """
        return read_policy(overrides, base=base)


def _validate(p: CreditPolicy) -> None:  # noqa: C901
    def fail(message: str) -> None:
        raise XlArError(f"policy: {message}")

    for f in fields(p):
        value = getattr(p, f.name)
        if isinstance(value, float) and not math.isfinite(value):
            fail(f"'{f.name}' must be a finite number")
    if not p.scale_max > p.scale_min:
        fail(
            f"'scale_max' ({plain_number(p.scale_max)}) must be above 'scale_min' ({plain_number(p.scale_min)})"
        )
    if len(p.weights) != len(C_NAMES):
        fail(f"weights needs {len(C_NAMES)} values ({', '.join(C_NAMES)})")
    for c, w in zip(C_NAMES, p.weights, strict=True):
        if w < 0:
            fail(f"'weight_{c}' must be 0 or more, got {plain_number(w)}")
    total = sum(p.weights)
    if abs(total - 1.0) > WEIGHT_TOLERANCE:
        listed = ", ".join(
            f"{c} {plain_number(w)}" for c, w in zip(C_NAMES, p.weights, strict=True)
        )
        fail(
            f"the weights must add up to 1 (100%), they add up to {plain_number(total)} ({listed})"
        )
    object.__setattr__(p, "weights", tuple(w / total for w in p.weights))
    if len(p.grade_min) != len(GRADES) - 1:
        fail(f"grade_min needs {len(GRADES) - 1} values (grades A-D)")
    previous = math.inf
    for grade, low in zip(GRADES, p.grade_min, strict=False):
        if not 0.0 <= low <= 100.0:
            fail(f"'grade_min_{grade}' must be a 0-100 score, got {plain_number(low)}")
        if not low < previous:
            fail(
                f"'grade_min_{grade}' ({plain_number(low)}) must be below the minimum of the grade above"
            )
        previous = low
    for method, (attr, _, _) in PCT_METHODS.items():
        values = getattr(p, attr)
        if len(values) != len(GRADES):
            fail(f"{attr} needs {len(GRADES)} values (grades A-E)")
        for i, (grade, pct) in enumerate(zip(GRADES, values, strict=True)):
            if not 0.0 <= pct <= 1.0:
                fail(
                    f"'{attr}_{grade}' must be a fraction from 0 to 1 (20% = 0.2), got {plain_number(pct)}"
                )
            if i and pct > values[i - 1]:
                fail(
                    f"'{attr}_{grade}' ({percent_text(pct)}) is above '{attr}_{GRADES[i - 1]}' "
                    f"({percent_text(values[i - 1])}): a worse grade may not get a higher {method} "
                    "percentage"
                )
    for name in ("grace_days", "late_tolerance_days", "rating_good_days_late",
                 "rating_poor_days_late", "rating_overdue_days", "rounding"):  # fmt: skip
        if getattr(p, name) < 0:
            fail(f"'{name}' must be 0 or more, got {plain_number(getattr(p, name))}")
    for name in ("ppn_rate", "collateral_advance_rate", "new_customer_factor",
                 "size_factor_small", "size_factor_large", "rating_good_share_late",
                 "rating_poor_share_late", "rating_poor_share_overdue", "raise_utilisation"):  # fmt: skip
        if not 0.0 <= getattr(p, name) <= 1.0:
            fail(
                f"'{name}' must be a fraction from 0 to 1 (20% = 0.2), got {plain_number(getattr(p, name))}"
            )
    if not p.max_limit > 0:
        fail(f"'max_limit' must be above 0, got {plain_number(p.max_limit)}")
    if p.refer_ratio < 1:
        fail(f"'refer_ratio' must be 1 or more, got {plain_number(p.refer_ratio)}")
    for name in ("refer_grade", "decline_grade"):
        if getattr(p, name) not in (*GRADES, None):
            fail(
                f"'{name}' must be one of A, B, C, D, E or none, got {quote_excerpt(getattr(p, name))}"
            )
    refer, decline = _grade_index(p.refer_grade), _grade_index(p.decline_grade)
    if refer is not None and decline is not None and refer > decline:
        fail(f"'refer_grade' ({p.refer_grade}) must be above 'decline_grade' ({p.decline_grade})")
    if p.rating_good_days_late > p.rating_poor_days_late:
        fail("'rating_good_days_late' must not be above 'rating_poor_days_late'")
    if p.rating_good_share_late > p.rating_poor_share_late:
        fail("'rating_good_share_late' must not be above 'rating_poor_share_late'")
    if not isinstance(p.invoices_include_ppn, bool):
        fail("'invoices_include_ppn' must be yes or no")
    _validate_discount(p, fail)


def _validate_discount(p: CreditPolicy, fail: Any) -> None:
    if not 0.0 <= p.discount < 1.0:
        fail(f"'discount' must be from 0 to below 100% (2% = 0.02), got {plain_number(p.discount)}")
    for name in ("discount_days", "net_days"):
        if getattr(p, name) < 0:
            fail(f"'{name}' must be 0 or more, got {plain_number(getattr(p, name))}")
    if p.discount > 0 and not p.discount_days < p.net_days:
        fail(
            f"'discount_days' ({plain_number(p.discount_days)}) must be fewer than 'net_days' "
            f"({plain_number(p.net_days)})"
        )


# --------------------------------------------------------------------------- settings table


@dataclass(frozen=True)
class _Setting:
    key: str  # label in policy ranges
    attr: str  # CreditPolicy field
    index: int | None  # position in a tuple field
    kind: str  # number | fraction | days | money | flag | grade | score100 | ratio
    desc_id: str
    desc_en: str
    synonyms: tuple[str, ...] = ()


def _settings() -> list[_Setting]:
    out = [
        _Setting("scale_min", "scale_min", None, "number", "Nilai terendah skala skor 5C",
                 "Lowest score of the 5 C's scale", ("skala min", "skala minimum")),
        _Setting("scale_max", "scale_max", None, "number", "Nilai tertinggi skala skor 5C",
                 "Highest score of the 5 C's scale", ("skala max", "skala maksimum")),
    ]  # fmt: skip
    for i, c in enumerate(C_NAMES):
        out.append(
            _Setting(
                f"weight_{c}", "weights", i, "fraction", f"Bobot {C_ID[c]} ({c})",
                f"Weight of {c}", (f"bobot {C_ID[c]}", f"{c} weight", f"bobot {c}"),
            )
        )  # fmt: skip
    for i, g in enumerate(GRADES[:-1]):
        out.append(
            _Setting(
                f"grade_min_{g}", "grade_min", i, "score100",
                f"Skor minimum (0-100) peringkat {g}", f"Minimum 0-100 score of grade {g}",
                (f"skor min {g}", f"skor minimum {g}", f"min score {g}", f"grade {g} min"),
            )
        )  # fmt: skip
    for attr, en, idn in PCT_METHODS.values():
        for i, g in enumerate(GRADES):
            out.append(
                _Setting(
                    f"{attr}_{g}", attr, i, "fraction",
                    f"Persen {idn}, peringkat {g}", f"% of {en}, grade {g}",
                    (f"persen {idn} {g}", f"{en} {g}", f"% {en} {g}"),
                )
            )  # fmt: skip
    out += [
        _Setting("grace_days", "grace_days", None, "days",
                 "Hari tenggang ditambahkan ke termin (metode kebutuhan)",
                 "Grace days added to the terms (needs-based method)",
                 ("hari tenggang", "masa tenggang", "grace period", "grace")),
        _Setting("ppn_rate", "ppn_rate", None, "fraction", "Tarif PPN efektif",
                 "PPN (VAT) rate", ("tarif ppn", "ppn", "vat rate", "vat")),
        _Setting("invoices_include_ppn", "invoices_include_ppn", None, "flag",
                 "Faktur termasuk PPN (kebutuhan ditambah PPN)",
                 "Invoices include PPN (needs are grossed up)",
                 ("faktur termasuk ppn", "invoices include vat", "include ppn")),
        _Setting("collateral_advance_rate", "collateral_advance_rate", None, "fraction",
                 "Persentase nilai jaminan yang dapat menjadi limit",
                 "Share of the collateral value the limit may reach",
                 ("advance rate", "persentase jaminan", "rasio jaminan", "collateral rate")),
        _Setting("max_limit", "max_limit", None, "money", "Limit maksimum kebijakan (Rp)",
                 "Policy maximum limit (Rp)",
                 ("policy maximum", "maximum limit", "max", "limit maksimum", "plafon maksimum",
                  "batas maksimum")),
        _Setting("new_customer_factor", "new_customer_factor", None, "fraction",
                 "Faktor pelanggan baru", "Factor for new customers",
                 ("faktor pelanggan baru", "new customer")),
        _Setting("size_factor_small", "size_factor_small", None, "fraction",
                 "Faktor usaha kecil", "Factor for small businesses",
                 ("faktor usaha kecil", "small factor", "faktor kecil")),
        _Setting("size_factor_large", "size_factor_large", None, "fraction",
                 "Faktor usaha besar", "Factor for large businesses",
                 ("faktor usaha besar", "large factor", "faktor besar")),
        _Setting("rounding", "rounding", None, "money",
                 "Pembulatan ke bawah ke kelipatan (Rp)", "Round down to a multiple of (Rp)",
                 ("rounding step", "pembulatan", "kelipatan pembulatan")),
        _Setting("refer_ratio", "refer_ratio", None, "ratio",
                 "Limit diminta di atas rasio x rekomendasi dirujuk ke komite",
                 "Requested above this x recommended is referred", ("rasio rujuk",)),
        _Setting("refer_grade", "refer_grade", None, "grade",
                 "Peringkat ini dan di bawahnya dirujuk ke komite",
                 "This grade and worse are referred", ("grade rujuk", "peringkat rujuk")),
        _Setting("decline_grade", "decline_grade", None, "grade",
                 "Peringkat ini dan di bawahnya ditolak", "This grade and worse are declined",
                 ("grade tolak", "peringkat tolak")),
        _Setting("late_tolerance_days", "late_tolerance_days", None, "days",
                 "Toleransi hari setelah jatuh tempo sebelum dihitung terlambat (review)",
                 "Days after due before a payment counts as late (review)",
                 ("toleransi terlambat", "toleransi keterlambatan")),
        _Setting("rating_good_days_late", "rating_good_days_late", None, "days",
                 "Pembayar baik: rata-rata tertimbang hari terlambat paling banyak",
                 "Good payer: weighted days late at most", ("baik hari terlambat",)),
        _Setting("rating_good_share_late", "rating_good_share_late", None, "fraction",
                 "Pembayar baik: porsi dibayar terlambat paling banyak",
                 "Good payer: share paid late at most", ("baik porsi terlambat",)),
        _Setting("rating_poor_days_late", "rating_poor_days_late", None, "days",
                 "Pembayar buruk: rata-rata tertimbang hari terlambat lebih dari",
                 "Poor payer: weighted days late above", ("buruk hari terlambat",)),
        _Setting("rating_poor_share_late", "rating_poor_share_late", None, "fraction",
                 "Pembayar buruk: porsi dibayar terlambat lebih dari",
                 "Poor payer: share paid late above", ("buruk porsi terlambat",)),
        _Setting("rating_overdue_days", "rating_overdue_days", None, "days",
                 "Hari lewat jatuh tempo untuk aturan tunggakan",
                 "Days past due of the overdue rule", ("hari tunggakan",)),
        _Setting("rating_poor_share_overdue", "rating_poor_share_overdue", None, "fraction",
                 "Pembayar buruk: porsi piutang lewat hari tunggakan lebih dari",
                 "Poor payer: share of open AR past those days above",
                 ("buruk porsi tunggakan",)),
        _Setting("raise_utilisation", "raise_utilisation", None, "fraction",
                 "Naikkan limit pembayar baik bila pemakaian di atas",
                 "Raise a good payer's limit when utilisation is above",
                 ("raise utilization", "naikkan pemakaian")),
        _Setting("discount", "discount", None, "fraction",
                 "Diskon pembayaran cepat (0 = tanpa diskon; 2/10 net 30: 2%)",
                 "Early-payment discount (0 = none; 2/10 net 30: 2%)",
                 ("diskon", "diskon pembayaran cepat", "early payment discount", "cash discount",
                  "potongan tunai")),
        _Setting("discount_days", "discount_days", None, "days",
                 "Hari untuk mendapat diskon (2/10 net 30: 10)",
                 "Days to pay with the discount (2/10 net 30: 10)",
                 ("hari diskon", "discount period")),
        _Setting("net_days", "net_days", None, "days",
                 "Hari pembayaran penuh bila ada diskon (2/10 net 30: 30)",
                 "Days to pay in full under the discount term (2/10 net 30: 30)",
                 ("hari net", "net terms")),
    ]  # fmt: skip
    return out


SETTINGS: tuple[_Setting, ...] = tuple(_settings())
_BY_KEY = {s.key: s for s in SETTINGS}
POLICY_HEADERS: dict[str, tuple[str, ...]] = {s.key: s.synonyms for s in SETTINGS}
LISTING = (
    "scale_min/max, weight_<c>, grade_min_<A-D>, pct_net_worth_<A-E>, "
    "pct_working_capital_<A-E>, pct_annual_sales_<A-E>, grace_days, ppn_rate, "
    "invoices_include_ppn, collateral_advance_rate, max_limit, new_customer_factor, "
    "size_factor_small/large, rounding, refer_ratio, refer_grade, decline_grade, "
    "late_tolerance_days, rating_*, discount, discount_days, net_days (see the policy table)"
)

# Grade tables: header synonyms of each column.
_GRADE_HEADERS = {
    "grade": ("grade", "kelas", "peringkat", "rating", "nilai huruf"),
    "grade_min": ("min score", "minimum score", "score", "skor min", "skor minimum", "skor",
                  "batas skor", "grade min"),
    "pct_net_worth": ("net worth", "tangible net worth", "pct net worth", "% net worth",
                      "ekuitas", "ekuitas bersih", "persen ekuitas"),
    "pct_working_capital": ("working capital", "pct working capital", "% working capital",
                            "modal kerja", "persen modal kerja"),
    "pct_annual_sales": ("annual sales", "sales", "pct annual sales", "% annual sales",
                         "penjualan", "penjualan tahunan", "persen penjualan"),
}  # fmt: skip
_GRADE_LOOKUP = header_lookup(_GRADE_HEADERS)


def read_policy(source: Any = None, *, base: CreditPolicy | None = None) -> CreditPolicy:
    """The policy for a ``policy`` argument: default, a :class:`CreditPolicy`, or overrides.

    ``None`` or an empty range gives ``base`` (the default policy); a
    :class:`CreditPolicy` is returned as is; anything else is a policy range applied to
    ``base`` (see :meth:`CreditPolicy.from_overrides`).

    Examples
    --------
    >>> read_policy(None) == DEFAULT_POLICY
    True
    >>> p = read_policy([["Grade", "Min Score", "Net Worth"], ["A", 85, "25%"], ["B", 70, 0.15],
    ...                  ["C", 50, 0.1], ["D", 35, 0.05], ["E", None, 0]])
    >>> p.grade_min, p.pct_net_worth
    ((85.0, 70.0, 50.0, 35.0), (0.25, 0.15, 0.1, 0.05, 0.0))
    >>> read_policy({"limit maksimum": 0})
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: policy: 'limit maksimum' (max_limit) must be above 0, got 0
    """
    base = DEFAULT_POLICY if base is None else base
    if isinstance(source, CreditPolicy):
        return source
    if source is None or (isinstance(source, str) and not source.strip()):
        return base
    rows = _rows(source)
    if rows is not None:
        if all(is_blank_value(c) for r in rows for c in (r if isinstance(r, list) else [r])):
            return base
        grade_header = _grade_header(rows)
        if grade_header is not None:
            return _apply(base, _grade_table_values(rows, grade_header))
    values = read_label_values(
        source, known=POLICY_HEADERS, what="policy", listing=LISTING, text_labels=("discount",)
    )  # the discount as written: AR_DISCOUNT_COST's rule (2, 2% and 0.02 are 2%)
    return _apply(base, values)


def _rows(source: Any) -> list | None:
    if isinstance(source, pd.DataFrame):
        rows = source.astype(object).to_numpy().tolist()
        return rows if isinstance(source.columns, pd.RangeIndex) else [list(source.columns), *rows]
    if isinstance(source, (list, tuple)):
        return [list(r) if isinstance(r, (list, tuple)) else r for r in source]
    return None


def _grade_header(rows: list) -> tuple[int, dict[int, str]] | None:
    """(row position, column → field) of a grade-table header row, if the range is one."""
    for at, row in enumerate(rows):
        if not isinstance(row, list) or all(is_blank_value(c) for c in row):
            continue
        looked = {i: _GRADE_LOOKUP.get(normalize_header(c)) for i, c in enumerate(row)}
        found = {i: k for i, k in looked.items() if k is not None}
        if found.get(0) == "grade" and len(found) >= 2:
            return at, found
        return None
    return None


def _grade_table_values(rows: list, header: tuple[int, dict[int, str]]) -> LabelValues:
    at, columns = header
    pairs: list[list[object]] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[at + 1 :], start=at + 2):
        if not isinstance(row, list) or all(is_blank_value(c) for c in row):
            continue
        grade = str(row[0]).strip().upper() if not is_blank_value(row[0]) else ""
        if grade not in GRADES:
            raise XlArError(
                f"policy: grade table row {number}: {quote_excerpt(row[0])} is not a grade (A, B, C, D or E)"
            )
        if grade in seen:
            raise XlArError(
                f"policy: grade table row {number}: grade {grade} repeats row {seen[grade]}"
            )
        seen[grade] = number
        for col, attr in columns.items():
            if attr == "grade" or col >= len(row) or is_blank_value(row[col]):
                continue
            if attr == "grade_min" and grade == GRADES[-1]:
                continue  # E has no minimum: it is everything below D
            pairs.append([f"{attr}_{grade}", row[col]])
    return read_label_values(pairs, known=POLICY_HEADERS, what="policy", listing=LISTING)


def _apply(base: CreditPolicy, values: LabelValues) -> CreditPolicy:
    changes: dict[str, Any] = {}
    for key in values:
        setting = _BY_KEY[key]
        new = _setting_value(values, setting)
        if setting.index is None:
            changes[setting.attr] = new
        else:
            current = list(changes.get(setting.attr, getattr(base, setting.attr)))
            current[setting.index] = new
            changes[setting.attr] = tuple(current)
    try:
        return replace(base, **changes)
    except XlArError as exc:  # name the label as the user wrote it when the message has it
        message = str(exc)
        for key in values:
            message = message.replace(f"'{key}'", values.name(key))
        raise XlArError(message) from None


def _setting_value(values: LabelValues, s: _Setting) -> Any:
    key = s.key
    if key == "discount":  # the rule of AR_DISCOUNT_COST: 2, 2% and 0.02 are 2%
        return as_discount(values[key], f"{values.what}: {values.name(key)}")
    if s.kind == "fraction":
        return get_fraction(values, key)
    if s.kind == "flag":
        return get_flag(values, key)
    if s.kind == "grade":
        text = (get_text(values, key) or "").strip().upper()
        if text in ("NONE", "-", "TIDAK ADA"):
            return None
        if text not in GRADES:
            raise XlArError(
                f"policy: {values.name(key)} must be a grade A, B, C, D, E or none, not {quote_excerpt(text)}"
            )
        return text
    if s.kind == "score100":
        return get_number(values, key, minimum=0, maximum=100, example="80")
    if s.kind in ("days", "money"):
        return get_number(values, key, minimum=0, example="15" if s.kind == "days" else "1000000")
    if s.kind == "ratio":
        return get_number(values, key, minimum=1, example="1.5")
    return get_number(values, key, example="1")


# --------------------------------------------------------------------------- tables

DEFAULT_POLICY = CreditPolicy()
"""The documented default policy."""


def policy_table(policy: CreditPolicy | None = None, lang: str = "both") -> pd.DataFrame:
    """The policy as ``label | value | description`` rows (README, policy sheet).

    ``label`` is the policy label (it reads back with :func:`read_policy`), ``value`` a
    number (fractions for percentages), a yes/no text or a grade, ``description`` is
    bilingual (``Indonesian / English``), or in one language with ``lang`` ``"id"``/``"en"``.

    Examples
    --------
    >>> t = policy_table()
    >>> t.iloc[2].tolist()
    ['weight_character', 0.3, 'Bobot karakter (character) / Weight of character']
    >>> read_policy(t) == DEFAULT_POLICY
    True
    """
    p = DEFAULT_POLICY if policy is None else policy
    rows = []
    for s in SETTINGS:
        value = getattr(p, s.attr)
        if s.index is not None:
            value = value[s.index]
        if s.kind == "flag":
            value = "yes" if value else "no"
        elif s.kind == "grade":
            value = "none" if value is None else value
        text = {"id": s.desc_id, "en": s.desc_en}.get(lang, f"{s.desc_id} / {s.desc_en}")
        rows.append((s.key, value, text))
    return pd.DataFrame(rows, columns=["label", "value", "description"])


def grade_table(policy: CreditPolicy | None = None) -> pd.DataFrame:
    """One row per grade: score range, limit percentages and the decision the grade gets.

    Examples
    --------
    >>> grade_table().iloc[1].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'grade': 'B', 'min_score_100': 65.0, 'min_score': 3.6, 'pct_net_worth': 0.15,
     'pct_working_capital': 0.25, 'pct_annual_sales': 0.075, 'decision': 'approve'}
    """
    p = DEFAULT_POLICY if policy is None else policy
    rows = []
    span = p.scale_max - p.scale_min
    for i, g in enumerate(GRADES):
        low = p.grade_min[i] if i < len(p.grade_min) else None
        on_scale = None if low is None else round(p.scale_min + low / 100 * span, 9)
        decision = "decline" if p.declines(g) else "refer" if p.refers(g) else "approve"
        rows.append(
            (g, low, on_scale, p.pct_net_worth[i], p.pct_working_capital[i],
             p.pct_annual_sales[i], decision)
        )  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=["grade", "min_score_100", "min_score", "pct_net_worth", "pct_working_capital",
                 "pct_annual_sales", "decision"],
    )  # fmt: skip


header_lookup(POLICY_HEADERS)  # no label claimed twice
