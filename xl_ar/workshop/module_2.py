"""Workshop module 2 — credit policy, credit assessment and limit review (syllabus Modul 2).

Sheets: the cover; the credit policy (objectives, terms, an early-payment discount, the 5 C's
weights and scoring guide, the grade table with its limit percentages, the limit parameters,
methods, decision rules and the order-hold rule: every number read from
:data:`~xl_ar.core.credit_policy.DEFAULT_POLICY`, the scoring guide from :data:`GUIDE`); a credit
application form template; the 5 C's scorecard (a worked example scored from its evidence with
VLOOKUP on the guide, beside ``AR_CREDIT_SCORE``; then an applicant the trainee scores from its
evidence); the credit limit (every limit method worked beside ``AR_CREDIT_LIMIT``, then the
applicant's limit computed by the trainee); the limit review (each customer's open balance at
the data date against its credit limit, with the order-hold rule); the shared ledger; and a last
sheet of ``AR_*`` cells that recompute the answers (open it at the end).

Answers come from :func:`~xl_ar.core.credit_score.credit_score`,
:func:`~xl_ar.core.credit_limit.credit_limit`, :func:`~xl_ar.core.credit_review.credit_review`
and :func:`~xl_ar.core.open_items.open_items`; the guide scores follow :data:`GUIDE` (the core
has no scoring guide: the policy starts from the scores).

Examples
--------
>>> book = build("en")
>>> [s.name for s in book.sheets]  # doctest: +NORMALIZE_WHITESPACE
['Instructions', 'Policy', 'Application Form', '5C Scorecard', 'Credit Limit', 'Limit Review',
 'Data', 'Check with xl-ar']
>>> APPLICANT.scores, APPLICANT.score().grade
((3.0, 4.0, 3.0, 2.0, 3.0), 'C')
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from xl_ar.core import schema as s
from xl_ar.core.credit_limit import METHODS, LimitResult, credit_limit
from xl_ar.core.credit_policy import (
    C_NAMES,
    DEFAULT_POLICY,
    GRADES,
    SETTINGS,
    grade_table,
)
from xl_ar.core.credit_review import credit_review
from xl_ar.core.credit_score import ScoreResult, credit_score
from xl_ar.core.open_items import open_items
from xl_ar.workshop.book import Book, Sheet, a1, pick, sheet_ref
from xl_ar.workshop.cover import add_cover
from xl_ar.workshop.data import (
    AS_OF,
    COMPANY,
    LedgerRefs,
    core_ledger,
    customers_frame,
    write_ledger,
)
from xl_ar.workshop.layout import (
    ask,
    autofit_book,
    formula_rows,
    grow_row,
    header_row,
    label_values,
    paragraph,
    put,
    titled_sheet,
)
from xl_ar.workshop.terms import ORDER_HOLD_DPD, STAGES

__all__ = [
    "APPLICANT",
    "DECISIONS",
    "DISCOUNT_EXAMPLE",
    "DISCOUNT_EXERCISE",
    "GUIDE",
    "REVIEW_CUSTOMER",
    "WORKED",
    "Case",
    "Evidence",
    "Guide",
    "ReviewAnswers",
    "build",
    "collateral_score",
    "discount_cost",
    "review_answers",
    "worked_case",
]

T = tuple[str, str]
POLICY = DEFAULT_POLICY

TITLE = (
    "Modul 2 — Merancang Kebijakan Kredit & Prosedur Penilaian",
    "Module 2 — Credit Policy & Assessment",
)
CHECK_SHEET = ("Cek dengan xl-ar", "Check with xl-ar")
TITLE_HEIGHT = 24.0  # points: a 16-point title
YES_NO = (("YA", "YES"), ("TIDAK", "NO"))

DECISIONS: dict[str, T] = {
    "approve": ("disetujui", "approve"),
    "approve reduced": ("disetujui dengan limit lebih rendah", "approve with a lower limit"),
    "refer": ("dirujuk", "refer"),
    "decline": ("ditolak", "decline"),
}
"""The core's decisions (:func:`~xl_ar.core.credit_limit.credit_limit`) as trainees type them."""

SECTIONS = {
    "discount": 3,
    "weights": 4,
    "guide": 5,
    "grades": 6,
    "params": 7,
    "methods": 8,
    "rules": 9,
}
"""Section numbers of the policy sheet (other sheets refer to them)."""

C_LABELS: dict[str, T] = {
    "character": ("Karakter", "Character"),
    "capacity": ("Kapasitas", "Capacity"),
    "capital": ("Modal", "Capital"),
    "collateral": ("Jaminan", "Collateral"),
    "conditions": ("Kondisi", "Conditions"),
}
C_QUESTIONS: dict[str, T] = {
    "character": (
        "Apakah pelanggan mau membayar? Riwayat bayar, reputasi, referensi, SLIK OJK.",
        "Is the customer willing to pay? Payment history, reputation, references, credit bureau.",
    ),
    "capacity": (
        "Apakah arus kasnya cukup untuk membayar tepat waktu? Omzet, margin, umur usaha.",
        "Is its cash flow enough to pay on time? Turnover, margins, years in business.",
    ),
    "capital": (
        "Seberapa kuat ekuitas & modal kerja sebagai penyangga bila arus kas terganggu?",
        "How strong are equity and working capital as a buffer when cash flow fails?",
    ),
    "collateral": (
        "Adakah jaminan: bank garansi, SKBDN, deposito, jaminan pribadi?",
        "Is there security: bank guarantee, letter of credit, deposit, personal guarantee?",
    ),
    "conditions": (
        "Bagaimana kondisi sektor, wilayah dan ekonomi pelanggan?",
        "How are the customer's sector, region and the economy doing?",
    ),
}


# --------------------------------------------------------------------------- scoring guide


@dataclass(frozen=True)
class Guide:
    """How one C is scored: what is measured, what each score 1-5 means, the lookup bounds.

    ``bounds`` are the ascending lower bounds of the measure and ``scores`` the score from each
    bound on: the score of a measure is that of the last bound not above it (what
    ``VLOOKUP(measure, table, 2, TRUE)`` returns). Without bounds the C is scored by judgement
    from the level descriptions.
    """

    measure: T
    source: T
    levels: tuple[T, T, T, T, T]  # what scores 1, 2, 3, 4, 5 mean
    bounds: tuple[float, ...] = ()
    scores: tuple[int, ...] = ()
    style: str = "number"  # number style of the measure on the sheets

    def score(self, value: float) -> int:
        """The guide's score of a measured ``value``.

        Examples
        --------
        >>> GUIDE["capital"].score(1.2), GUIDE["character"].score(4.9)
        (3, 5)
        """
        if not self.bounds:
            raise ValueError("this C is scored by judgement, not from a measure")
        i = bisect_right(self.bounds, value) - 1
        if i < 0:
            raise ValueError(f"{value!r} is below the guide's lowest bound {self.bounds[0]!r}")
        return self.scores[i]


GUIDE: dict[str, Guide] = {
    "character": Guide(
        ("Rata-rata hari terlambat membayar", "Average days paid late"),
        (
            "Riwayat bayar kita (pelanggan lama) atau referensi pemasok (pemohon baru)",
            "Our payment history (existing customer) or supplier references (new applicant)",
        ),
        (
            ("30 hari atau lebih", "30 days or more"),
            ("20 s.d. di bawah 30 hari", "20 to under 30 days"),
            ("10 s.d. di bawah 20 hari", "10 to under 20 days"),
            ("5 s.d. di bawah 10 hari", "5 to under 10 days"),
            ("di bawah 5 hari", "under 5 days"),
        ),
        bounds=(0.0, 5.0, 10.0, 20.0, 30.0),
        scores=(5, 4, 3, 2, 1),
        style="days",
    ),
    "capacity": Guide(
        ("Margin laba bersih = laba bersih / penjualan", "Net margin = net profit / sales"),
        ("Laporan keuangan terakhir", "Latest financial statements"),
        (
            ("rugi (di bawah 0%)", "a loss (under 0%)"),
            ("0% s.d. di bawah 2%", "0% to under 2%"),
            ("2% s.d. di bawah 5%", "2% to under 5%"),
            ("5% s.d. di bawah 8%", "5% to under 8%"),
            ("8% atau lebih", "8% or more"),
        ),
        bounds=(-1.0, 0.0, 0.02, 0.05, 0.08),
        scores=(1, 2, 3, 4, 5),
        style="pct",
    ),
    "capital": Guide(
        ("Rasio utang / ekuitas (DER)", "Debt-to-equity ratio (DER)"),
        (
            "Laporan keuangan: total utang / ekuitas",
            "Financial statements: total liabilities / equity",
        ),
        (
            ("3 atau lebih, atau ekuitas negatif", "3 or more, or negative equity"),
            ("2 s.d. di bawah 3", "2 to under 3"),
            ("1 s.d. di bawah 2", "1 to under 2"),
            ("0,5 s.d. di bawah 1", "0.5 to under 1"),
            ("di bawah 0,5", "under 0.5"),
        ),
        bounds=(0.0, 0.5, 1.0, 2.0, 3.0),
        scores=(5, 4, 3, 2, 1),
        style="ratio",
    ),
    "collateral": Guide(
        ("Bank garansi / deposito ÷ limit diajukan", "Bank guarantee / deposit ÷ limit requested"),
        (
            "Bank garansi, SKBDN, deposito; jaminan pribadi",
            "Bank guarantee, letter of credit, deposit; personal guarantee",
        ),
        (
            ("tanpa jaminan apa pun", "no security at all"),
            ("jaminan pribadi saja, atau di bawah 25%", "personal guarantee only, or under 25%"),
            ("25% s.d. di bawah 50%", "25% to under 50%"),
            ("50% s.d. di bawah 100%", "50% to under 100%"),
            ("100% atau lebih", "100% or more"),
        ),
        bounds=(0.0, 0.25, 0.5, 1.0),
        scores=(2, 3, 4, 5),
        style="pct",
    ),
    "conditions": Guide(
        ("Prospek sektor & wilayah", "Outlook of sector and region"),
        (
            "Data industri, berita, kunjungan sales",
            "Industry data, news, the salesperson's visit",
        ),
        (
            ("krisis", "in crisis"),
            ("menurun", "declining"),
            ("stabil", "stable"),
            ("tumbuh", "growing"),
            ("tumbuh kuat", "growing strongly"),
        ),
    ),
}
"""The scoring guide of the policy: one :class:`Guide` per C (``C_NAMES`` order)."""

LOOKUP_CS = ("character", "capacity", "capital", "collateral")
"""The C's with a VLOOKUP table on the policy sheet (the others are scored by judgement)."""
TRAINEE_CS = ("character", "capacity", "capital")
"""The C's the trainee measures and scores for the applicant."""


def collateral_score(guarantee: float, requested: float, personal_guarantee: bool) -> int:
    """Collateral score by the guide: bank guarantee or deposit cover of the limit requested.

    Without a guarantee or deposit the score is 2 with a personal guarantee and 1 without any
    security; otherwise the cover ``guarantee / requested`` is looked up in the guide.

    Examples
    --------
    >>> collateral_score(0, 1e8, True), collateral_score(175e6, 150e6, False)
    (2, 5)
    """
    if guarantee <= 0:
        return 2 if personal_guarantee else 1
    return GUIDE["collateral"].score(guarantee / requested)


# --------------------------------------------------------------------------- cases

DISCOUNT_EXAMPLE = (0.02, 10, 30)
"""Early-payment discount of the worked example: 2/10 net 30 (rate, discount days, net days)."""
DISCOUNT_EXERCISE = (0.01, 15, 45)
"""The discount the trainee prices: 1/15 net 45."""


def discount_cost(rate: float, discount_days: float, net_days: float) -> float:
    """Annualised cost of an early-payment discount ``rate/discount_days net net_days``.

    cost = rate / (1 − rate) × 365 / (net_days − discount_days): what the seller pays, per
    year, to be paid ``net_days − discount_days`` days sooner (the core's policy has no
    discount, so this is plain arithmetic).

    Examples
    --------
    >>> round(discount_cost(0.02, 10, 30), 4)
    0.3724
    """
    return rate / (1.0 - rate) * 365.0 / (net_days - discount_days)


@dataclass(frozen=True)
class Evidence:
    """What the credit analyst knows of a customer: the facts the 5 C's are scored from."""

    days_late: tuple[float, ...]  # per supplier reference, or one figure of our own history
    annual_sales: float
    net_profit: float
    liabilities: float
    equity: float
    guarantee: float  # bank guarantee or deposit offered (0 = none)
    personal_guarantee: bool
    conditions: T  # the facts on sector and region
    conditions_score: int  # the guide level they match
    history: bool = False  # days_late is our own payment history (an existing customer)


@dataclass(frozen=True)
class Case:
    """A credit case: customer, evidence and the limit inputs (``exposure`` None = new)."""

    customer: str
    evidence: Evidence
    working_capital: float
    monthly_purchases: float
    terms: float
    new: bool
    size: str | None  # "small" | "large" | None
    requested: float
    exposure: float | None = None
    facts: tuple[T, ...] = field(default=())

    @property
    def net_worth(self) -> float:
        """Tangible net worth: the equity (no intangible assets in these cases)."""
        return self.evidence.equity

    @property
    def annual_sales(self) -> float:
        return self.evidence.annual_sales

    @property
    def collateral_value(self) -> float:
        """Value of the security the limit may lean on: the bank guarantee or deposit."""
        return self.evidence.guarantee

    def measures(self) -> dict[str, float]:
        """The guide's measures: average days late, net margin, DER, guarantee cover."""
        e = self.evidence
        return {
            "character": sum(e.days_late) / len(e.days_late),
            "capacity": e.net_profit / e.annual_sales,
            "capital": e.liabilities / e.equity,
            "collateral": e.guarantee / self.requested,
        }

    @property
    def scores(self) -> tuple[float, float, float, float, float]:
        """The 5 C scores by the guide, in ``C_NAMES`` order."""
        m, e = self.measures(), self.evidence
        return (
            float(GUIDE["character"].score(m["character"])),
            float(GUIDE["capacity"].score(m["capacity"])),
            float(GUIDE["capital"].score(m["capital"])),
            float(collateral_score(e.guarantee, self.requested, e.personal_guarantee)),
            float(e.conditions_score),
        )

    def profile(self, lang: str, *, scores: bool = True) -> list[tuple[str, Any, str]]:
        """``(label, value, style)`` rows of the profile range ``AR_CREDIT_LIMIT`` reads."""
        rows: list[tuple[str, Any, str]] = [
            (pick(("Pelanggan", "Customer"), lang), self.customer, "bold")
        ]
        if scores:
            for c, score in zip(C_NAMES, self.scores, strict=True):
                rows.append((pick(C_LABELS[c], lang), score, "int"))
        rows += [
            (pick(("Ekuitas Bersih", "Tangible net worth"), lang), self.net_worth, "money"),
            (pick(("Modal Kerja", "Working capital"), lang), self.working_capital, "money"),
            (pick(("Penjualan Tahunan", "Annual sales"), lang), self.annual_sales, "money"),
            (
                pick(("Perkiraan Pembelian Bulanan", "Expected monthly purchases"), lang),
                self.monthly_purchases,
                "money",
            ),
            (pick(("Termin", "Payment terms"), lang), self.terms, "int"),
            (pick(("Nilai Jaminan", "Collateral value"), lang), self.collateral_value, "money"),
            (
                pick(("Jenis Pelanggan", "Customer type"), lang),
                pick(("Baru", "New") if self.new else ("Lama", "Existing"), lang),
                "text",
            ),
        ]
        if self.size is not None:
            size = ("Kecil", "Small") if self.size == "small" else ("Besar", "Large")
            rows.append((pick(("Ukuran Usaha", "Size"), lang), pick(size, lang), "text"))
        if self.exposure is not None:
            rows.append(
                (pick(("Eksposur Saat Ini", "Current exposure"), lang), self.exposure, "money")
            )
        rows.append((pick(("Limit Diajukan", "Requested limit"), lang), self.requested, "money"))
        return rows

    def score(self) -> ScoreResult:
        """The core's scorecard of this case (default policy)."""
        return credit_score(dict(zip(C_NAMES, self.scores, strict=True)), policy=POLICY)

    def limit(self) -> LimitResult:
        """The core's limit recommendation of this case (default policy)."""
        return credit_limit([[label, value] for label, value, _ in self.profile("en")], POLICY)


WORKED = Case(
    customer="PT Berkah Abadi",
    evidence=Evidence(
        days_late=(),  # our own payment history: filled in by worked_case()
        annual_sales=18_000_000_000.0,
        net_profit=1_170_000_000.0,
        liabilities=2_000_000_000.0,
        equity=2_500_000_000.0,
        guarantee=175_000_000.0,
        personal_guarantee=False,
        conditions=(
            "Distributor bahan bangunan di Jawa Timur; proyek perumahan tumbuh.",
            "Building-materials distributor in East Java; housing projects are growing.",
        ),
        conditions_score=4,
        history=True,
    ),
    working_capital=1_200_000_000.0,
    monthly_purchases=90_000_000.0,
    terms=30.0,
    new=False,
    size="large",
    requested=150_000_000.0,
    facts=(
        (
            "Pelanggan sejak 2019, termin 30 hari, limit saat ini {limit} (master pelanggan). "
            "Pesanan Desember naik tajam; untuk 2025 pembelian diperkirakan "
            "Rp 90 juta per bulan, sehingga pelanggan meminta limit Rp 150 juta dengan bank "
            "garansi Rp 175 juta.",
            "A customer since 2019 on 30-day terms; its current limit is {limit} (customer "
            "master). December orders rose sharply; purchases of Rp 90 million a "
            "month are expected for 2025, so the customer asks for a Rp 150 million limit, "
            "backed by a Rp 175 million bank guarantee.",
        ),
    ),
)
"""The worked example: an existing customer's annual review (history and exposure: :func:`worked_case`)."""

APPLICANT = Case(
    customer="PT Cahaya Mandiri Sejahtera",
    evidence=Evidence(
        days_late=(6.0, 12.0, 16.0),
        annual_sales=9_600_000_000.0,
        net_profit=576_000_000.0,
        liabilities=3_840_000_000.0,
        equity=3_200_000_000.0,
        guarantee=0.0,
        personal_guarantee=True,
        conditions=(
            "Toko bahan bangunan di Jawa Tengah; permintaan stabil.",
            "Building-materials retailer in Central Java; demand is stable.",
        ),
        conditions_score=3,
    ),
    working_capital=850_000_000.0,
    monthly_purchases=60_000_000.0,
    terms=30.0,
    new=True,
    size="small",
    requested=100_000_000.0,
    facts=(
        (
            "Pemohon baru, usaha kecil (penjualan Rp 9,6 miliar per tahun). Rencana pembelian "
            "Rp 60 juta per bulan dengan termin 30 hari; limit diajukan Rp 100 juta (kebutuhan "
            "termin + tenggang, termasuk PPN). Jaminan: hanya jaminan pribadi direktur. SLIK "
            "OJK: kolektibilitas 1 (lancar).",
            "A new applicant, a small business (sales Rp 9.6 billion a year). It plans to buy "
            "Rp 60 million a month on 30-day terms and asks for a Rp 100 million limit (terms + "
            "grace days of purchases, PPN included). Security: the director's personal "
            "guarantee only. Credit bureau (SLIK OJK): current (collectability 1).",
        ),
    ),
)
"""The applicant the trainee scores and gives a limit."""


def worked_case() -> Case:
    """The worked example with its payment history and current exposure from the ledger.

    The core's credit review of the customer master against the shared ledger at
    :data:`~xl_ar.workshop.data.AS_OF` gives its weighted days late (the Character measure)
    and its open AR (the exposure); read when a book is built, not when the module is imported.

    Examples
    --------
    >>> case = worked_case()
    >>> case.exposure, case.scores, case.limit().decision
    (108232800.0, (3.0, 4.0, 4.0, 5.0, 4.0), 'approve reduced')
    """
    review = _review().set_index("customer").loc[WORKED.customer]
    evidence = replace(WORKED.evidence, days_late=(float(review["weighted_days_late"]),))
    limit = float(review["credit_limit"])
    facts = tuple(
        (idn.format(limit=_rp(limit, "id")), en.format(limit=_rp(limit, "en")))
        for idn, en in WORKED.facts
    )
    return replace(WORKED, evidence=evidence, exposure=float(review["exposure"]), facts=facts)


def _review(lang: str = "en") -> pd.DataFrame:
    """The core's credit review of the customer master against the ledger at ``AS_OF``."""
    return credit_review(customers_frame(lang), core_ledger(lang), AS_OF, policy=POLICY)


# --------------------------------------------------------------------------- policy sheet


@dataclass
class PolicyRefs:
    """Sheet-qualified absolute references to the policy cells other sheets use."""

    weights: dict[str, str]
    scale_min: str
    scale_max: str
    grades: str  # grade table B:H (grade, min 0-100, min 1-5, % nw, % wc, % sales, decision)
    lookup: str  # ascending min score (0-100) → grade
    guide: dict[str, str]  # C → its VLOOKUP table (lower bound → score)
    params: dict[str, str]


GRADE_COLUMNS = {"net_worth": 4, "working_capital": 5, "annual_sales": 6, "decision": 7}
"""VLOOKUP column of each item in the grade table (grade is column 1)."""

PARAM_LABELS: dict[str, T] = {
    "grace_days": ("Hari tenggang", "Grace days"),
    "late_tolerance_days": ("Toleransi terlambat (hari)", "Late tolerance (days)"),
    "ppn_rate": ("Tarif PPN", "PPN (VAT) rate"),
    "invoices_include_ppn": ("Faktur termasuk PPN", "Invoices include PPN"),
    "collateral_advance_rate": ("Porsi jaminan yang diakui", "Collateral advance rate"),
    "max_limit": ("Limit maksimum", "Maximum limit"),
    "new_customer_factor": ("Faktor pelanggan baru", "New-customer factor"),
    "size_factor_small": ("Faktor usaha kecil", "Small-business factor"),
    "size_factor_large": ("Faktor usaha besar", "Large-business factor"),
    "rounding": ("Pembulatan limit ke bawah", "Limit rounded down to"),
    "refer_ratio": ("Rasio rujuk", "Refer ratio"),
    "refer_grade": ("Peringkat dirujuk", "Refer grade"),
    "decline_grade": ("Peringkat ditolak", "Decline grade"),
}
"""Display names of the policy parameters shown on the policy sheet (no code names)."""
LIMIT_PARAMS = tuple(PARAM_LABELS)[2:]
PARAM_NOTES: dict[str, T] = {
    "late_tolerance_days": (
        "Hari setelah jatuh tempo sebelum pembayaran dihitung terlambat (tinjauan kredit)",
        "Days after the due date before a payment counts as late (credit review)",
    ),
}
"""Descriptions that replace the core's own (:data:`~xl_ar.core.credit_policy.SETTINGS`)."""
_KIND_STYLE = {"fraction": "pct", "money": "rp", "days": "int", "ratio": "ratio"}


def _ref(sh: Sheet, r: int, c: int) -> str:
    return sheet_ref(sh.name, a1(r, c, absolute=True))


def _span(sh: Sheet, r0: int, c0: int, r1: int, c1: int) -> str:
    return sheet_ref(sh.name, f"{a1(r0, c0, absolute=True)}:{a1(r1, c1, absolute=True)}")


def _param_value(key: str, lang: str) -> Any:
    setting = next(x for x in SETTINGS if x.key == key)
    value = getattr(POLICY, setting.attr)
    if setting.kind == "flag":
        return pick(("ya", "yes") if value else ("tidak", "no"), lang)
    if setting.kind == "grade":
        return pick(("tidak ada", "none"), lang) if value is None else value
    return value


def _section(book: Book, sh: Sheet, row: int, key: str, title: T) -> None:
    """A numbered policy-sheet heading (``SECTIONS[key]``) in column B."""
    sh.write((row, 1), f"{SECTIONS[key] if key in SECTIONS else key}. {book.t(title)}", "h1")


def _policy_intro(book: Book, sh: Sheet, row: int) -> int:
    _section(book, sh, row, "1", ("Tujuan & elemen kunci", "Objectives & key elements"))
    terms = "/".join(str(int(x)) for x in sorted(customers_frame("en")["Terms (days)"].unique()))
    grace = f"{POLICY.grace_days:g}"
    new, small = f"{POLICY.new_customer_factor:.0%}", f"{POLICY.size_factor_small:.0%}"
    sec = SECTIONS
    lines = [
        (
            "Tujuan: mendukung penjualan sambil mengelola risiko — kredit hanya untuk pelanggan "
            "yang layak, dengan limit dan termin sesuai profilnya.",
            "Objective: support sales while managing risk — credit only for creditworthy "
            "customers, with limits and terms that fit their profile.",
        ),
        (
            f"Jangka waktu (termin): {terms} hari sesuai segmen; {grace} hari tenggang dalam "
            "perhitungan kebutuhan.",
            f"Terms: {terms} days by segment; {grace} grace days in the needs-based method.",
        ),
        (
            "Diskon: kebijakan ini tanpa diskon; bila ditawarkan, hitung dulu biaya "
            f"tahunannya (bagian {sec['discount']}).",
            "Discounts: none in this policy; if offered, price its annual cost first "
            f"(section {sec['discount']}).",
        ),
        (
            f"Batas kredit: dari skor 5C (bagian {sec['weights']}-{sec['guide']}, peringkat "
            f"A-E) dan metode limit (bagian {sec['grades']}-{sec['methods']}).",
            f"Credit limits: from the 5 C's score (sections {sec['weights']}-{sec['guide']}, "
            f"grade A-E) and the limit methods (sections {sec['grades']}-{sec['methods']}).",
        ),
        (
            "Persyaratan: formulir aplikasi + dokumen legal + referensi (sheet Formulir Aplikasi); "
            f"pelanggan baru {new} limit, usaha kecil {small}.",
            "Requirements: application form + legal documents + references (Application Form "
            f"sheet); new customers {new} of the limit, small businesses {small}.",
        ),
    ]
    for i, line in enumerate(lines):
        paragraph(sh, (row + 1 + i, 1), 7, line, "wrap")
    return row + len(lines) + 2


def _policy_terms(book: Book, sh: Sheet, row: int, params: dict[str, str]) -> int:
    t = book.t
    _section(book, sh, row, "2", ("Termin pembayaran", "Payment terms"))
    frame = customers_frame(book.lang)
    terms_col, name_col = frame.columns[3], frame.columns[0]
    groups = frame.groupby(terms_col, sort=True)[name_col]
    header_row(
        sh, (row + 1, 1), [("Termin (hari)", "Terms (days)"), ("Jumlah pelanggan", "Customers")]
    )
    put(
        sh,
        row + 1,
        (3, 7),
        t(("Pelanggan (master pelanggan)", "Customers (customer master)")),
        "header",
    )
    last = row + 1
    for terms, names in groups:
        last += 1
        sh.row((last, 1), [int(terms), len(names)], "int")
        paragraph(sh, (last, 3), 7, ", ".join(names), "wrap")
    r = last + 2
    for key in ("grace_days", "late_tolerance_days"):
        r = _param_row(book, sh, r, key, params)
    return r + 1


def _param_row(book: Book, sh: Sheet, r: int, key: str, params: dict[str, str]) -> int:
    setting = next(x for x in SETTINGS if x.key == key)
    sh.write((r, 1), book.t(PARAM_LABELS[key]), "bold")
    sh.write((r, 2), _param_value(key, book.lang), _KIND_STYLE.get(setting.kind, "text"))
    paragraph(sh, (r, 3), 7, PARAM_NOTES.get(key, (setting.desc_id, setting.desc_en)), "wrap")
    params[key] = _ref(sh, r, 2)
    return r + 1


def _policy_discount(book: Book, sh: Sheet, row: int) -> int:
    t = book.t
    _section(book, sh, row, "discount", ("Diskon pembayaran cepat", "Early-payment discount"))
    paragraph(
        sh,
        (row + 1, 1),
        7,
        (
            "'2/10 net 30' = diskon 2% bila dibayar dalam 10 hari, selain itu penuh dalam 30 "
            "hari. Biaya tahunan = diskon / (1 - diskon) x 365 / (hari net - hari diskon).",
            "'2/10 net 30' = 2% off if paid within 10 days, otherwise the full amount within "
            "30 days. Annual cost = discount / (1 - discount) x 365 / (net days - discount days).",
        ),
    )
    header_row(
        sh,
        (row + 2, 1),
        ["", ("Diskon", "Discount"), ("Hari diskon", "Discount days"), ("Hari net", "Net days"),
         ("Biaya tahunan", "Annual cost")],
    )  # fmt: skip
    for i, (label, terms) in enumerate(
        (
            (("Contoh 2/10 net 30", "Example 2/10 net 30"), DISCOUNT_EXAMPLE),
            (("Latihan 1/15 net 45", "Exercise 1/15 net 45"), DISCOUNT_EXERCISE),
        )
    ):
        r = row + 3 + i
        rate, days, net = terms
        sh.row((r, 1), [t(label), rate, days, net], ["bold", "pct", "int", "int"])
        cells = [a1(r, c) for c in (2, 3, 4)]
        if i == 0:
            sh.formula(
                (r, 5),
                f"={cells[0]}/(1-{cells[0]})*365/({cells[2]}-{cells[1]})",
                expected=discount_cost(*terms),
                style="pct2",
            )
        else:
            sh.exercise(
                (r, 5),
                discount_cost(*terms),
                kind="pct",
                question=t(
                    (
                        "Biaya tahunan diskon 1/15 net 45 (rumus seperti baris contoh)",
                        "Annual cost of the discount 1/15 net 45 (formula as in the example row)",
                    )
                ),
            )
    return row + 6


def _policy_weights(book: Book, sh: Sheet, row: int) -> tuple[int, dict[str, str], str, str]:
    t = book.t
    _section(book, sh, row, "weights", ("Bobot 5C & skala skor", "The 5 C's weights & score scale"))
    header_row(sh, (row + 1, 1), [("Unsur 5C", "C"), ("Bobot", "Weight")])
    put(sh, row + 1, (3, 7), t(("Pertanyaan kunci", "Key question")), "header")
    weights = {}
    for i, c in enumerate(C_NAMES):
        r = row + 2 + i
        sh.write((r, 1), t(C_LABELS[c]), "bold")
        sh.write((r, 2), POLICY.weight(c), "pct")
        paragraph(sh, (r, 3), 7, C_QUESTIONS[c], "wrap")
        weights[c] = _ref(sh, r, 2)
    r = row + 2 + len(C_NAMES)
    sh.write((r, 1), t(("Jumlah bobot", "Total weight")), "bold")
    sh.formula(
        (r, 2),
        f"=SUM({a1(row + 2, 2)}:{a1(r - 1, 2)})",
        expected=float(sum(POLICY.weights)),
        style="pct",
    )
    sh.write((r + 1, 1), t(("Skor terendah (terburuk)", "Lowest (worst) score")), "bold")
    sh.write((r + 1, 2), POLICY.scale_min, "number")
    sh.write((r + 2, 1), t(("Skor tertinggi (terbaik)", "Highest (best) score")), "bold")
    sh.write((r + 2, 2), POLICY.scale_max, "number")
    return r + 4, weights, _ref(sh, r + 1, 2), _ref(sh, r + 2, 2)


def _policy_guide(book: Book, sh: Sheet, row: int) -> tuple[int, dict[str, str]]:
    """The scoring guide (what each score means) and the VLOOKUP tables of the measured C's."""
    t = book.t
    _section(book, sh, row, "guide", ("Panduan skor 5C", "The 5 C's scoring guide"))
    paragraph(
        sh,
        (row + 1, 1),
        7,
        (
            "Skor setiap unsur 1-5 menurut ukuran di bawah (5 = terbaik). Karakter, kapasitas, "
            "modal dan jaminan diukur dengan angka: skor = VLOOKUP(ukuran; tabel unsurnya; 2; "
            "TRUE). Kondisi dinilai dari fakta sektor & wilayah.",
            "Score each C from 1 to 5 by the measures below (5 = best). Character, capacity, "
            "capital and collateral are measured with numbers: score = VLOOKUP(measure, the C's "
            "table, 2, TRUE). Conditions are judged from the facts on sector and region.",
        ),
    )
    header_row(sh, (row + 2, 1), [("Unsur: ukuran", "C: measure"),
                                  *((f"{i}", f"{i}") for i in range(1, 6)),
                                  ("Sumber data", "Source")])  # fmt: skip
    for i, c in enumerate(C_NAMES):
        r = row + 3 + i
        g = GUIDE[c]
        sh.write((r, 1), f"{t(C_LABELS[c])}: {t(g.measure)}", "wrap")
        sh.row((r, 2), [t(level) for level in g.levels], "wrap")
        sh.write((r, 7), t(g.source), "note")
    r = row + 3 + len(C_NAMES) + 1
    sh.write((r, 1), t(("Tabel VLOOKUP (batas bawah → skor)", "VLOOKUP tables (lower bound → score)")),
             "bold")  # fmt: skip
    tables = {}
    for j, c in enumerate(LOOKUP_CS):
        g = GUIDE[c]
        col = 2 + (j % 3) * 2 if j < 3 else 2
        top = r + 1 if j < 3 else r + 1 + len(GUIDE["character"].bounds) + 3
        put(sh, top, (col, col + 1), t(C_LABELS[c]), "header")
        header_row(sh, (top + 1, col), [("Batas bawah", "Lower bound"), ("Skor", "Score")])
        for k, (low, score) in enumerate(zip(g.bounds, g.scores, strict=True)):
            sh.row((top + 2 + k, col), [low, score], [g.style, "int"])
        tables[c] = _span(sh, top + 2, col, top + 1 + len(g.bounds), col + 1)
    top = r + 1 + len(GUIDE["character"].bounds) + 3  # the collateral table's header row
    sh.merge(
        f"E{top + 1}:H{top + 6}",
        t(
            (
                "Jaminan tanpa bank garansi/deposito: jaminan pribadi saja = 2, tanpa jaminan "
                "apa pun = 1 (tabel jaminan hanya untuk bank garansi/deposito). Kapasitas: "
                "batas -100% menampung rugi.",
                "Collateral without a bank guarantee or deposit: a personal guarantee only = 2, "
                "no security at all = 1 (the collateral table is for guarantees and deposits). "
                "Capacity: the -100% bound takes in losses.",
            )
        ),
        "note",
    )
    return top + 3 + len(GUIDE["collateral"].bounds), tables


def _policy_grades(book: Book, sh: Sheet, row: int) -> tuple[int, str, str]:
    t = book.t
    _section(
        book, sh, row, "grades", ("Peringkat & persentase limit", "Grades & limit percentages")
    )
    header = [
        ("Peringkat", "Grade"),
        ("Skor min (0-100)", "Min score (0-100)"),
        ("Skor min (1-5)", "Min score (1-5)"),
        ("% ekuitas bersih", "% of net worth"),
        ("% modal kerja", "% of working capital"),
        ("% penjualan tahunan", "% of annual sales"),
        ("Keputusan menurut peringkat", "Decision by grade"),
    ]
    header_row(sh, (row + 1, 1), header)
    table = grade_table(POLICY)
    styles = ["bold", "number", "number", "pct", "pct", "pct", "text"]
    first = row + 2
    for i, g in enumerate(table.itertuples(index=False)):
        sh.row(
            (first + i, 1),
            [
                g.grade,
                None if g.grade == GRADES[-1] else g.min_score_100,
                None if g.grade == GRADES[-1] else g.min_score,
                g.pct_net_worth,
                g.pct_working_capital,
                g.pct_annual_sales,
                t(DECISIONS[g.decision]),
            ],
            styles,
        )
    last = first + len(table) - 1
    grades = _span(sh, first, 1, last, 7)
    r = last + 2
    sh.write(
        (r, 1),
        t(("Tabel bantu VLOOKUP (urut naik)", "VLOOKUP helper table (ascending)")),
        "bold",
    )
    header_row(sh, (r + 1, 1), [("Skor min (0-100)", "Min score (0-100)"), ("Peringkat", "Grade")])
    lows = [0.0, *reversed(POLICY.grade_min)]
    for i, (low, grade) in enumerate(zip(lows, reversed(GRADES), strict=True)):
        sh.row((r + 2 + i, 1), [low, grade], ["number", "bold"])
    lookup = _span(sh, r + 2, 1, r + 1 + len(GRADES), 2)
    sh.merge(
        f"D{r + 3}:H{r + 4}",
        t(
            (
                "Peringkat = VLOOKUP(skor 0-100; tabel ini; 2; TRUE): baris terakhir yang skor "
                "minimumnya tidak melebihi skor.",
                "Grade = VLOOKUP(score 0-100, this table, 2, TRUE): the last row whose minimum "
                "does not exceed the score.",
            )
        ),
        "note",
    )
    return r + 3 + len(GRADES), grades, lookup


def _policy_params(book: Book, sh: Sheet, row: int, params: dict[str, str]) -> int:
    _section(book, sh, row, "params", ("Parameter batas kredit", "Credit limit parameters"))
    header_row(sh, (row + 1, 1), [("Parameter", "Parameter"), ("Nilai", "Value")])
    put(sh, row + 1, (3, 7), book.t(("Keterangan", "Meaning")), "header")
    r = row + 2
    for key in LIMIT_PARAMS:
        r = _param_row(book, sh, r, key, params)
    return r + 1


def _policy_methods(book: Book, sh: Sheet, row: int) -> int:
    t = book.t
    _section(book, sh, row, "methods", ("Metode batas kredit", "Credit limit methods"))
    header_row(sh, (row + 1, 1), [("Metode", "Method")])
    put(sh, row + 1, (2, 7), t(("Rumus", "Formula")), "header")
    advance = t(PARAM_LABELS["collateral_advance_rate"]).lower()
    texts = {
        "net_worth": ("% peringkat x ekuitas bersih", "grade % x tangible net worth"),
        "working_capital": ("% peringkat x modal kerja", "grade % x working capital"),
        "annual_sales": ("% peringkat x penjualan tahunan", "grade % x annual sales"),
        "needs_based": (
            "pembelian bulanan x (termin + hari tenggang) / 30 x (1 + PPN)",
            "monthly purchases x (terms + grace days) / 30 x (1 + PPN)",
        ),
        "collateral": (
            f"nilai bank garansi/deposito x {advance} (tanpa nilai jaminan: tidak berlaku)",
            f"bank guarantee/deposit value x {advance} (no collateral value: not applicable)",
        ),
        "policy_max": (
            f"{t(PARAM_LABELS['max_limit']).lower()} (selalu berlaku)",
            f"{t(PARAM_LABELS['max_limit']).lower()} (always applies)",
        ),
    }
    for i, key in enumerate(METHODS):
        r = row + 2 + i
        sh.write((r, 1), _method_name(key, book.lang), "bold")
        paragraph(sh, (r, 2), 7, texts[key], "wrap")
    r = row + 2 + len(METHODS)
    paragraph(
        sh,
        (r, 1),
        7,
        (
            "Limit terendah dari metode yang datanya tersedia = metode penentu; dikalikan "
            "faktor pelanggan baru / ukuran usaha, lalu dibulatkan ke bawah ke kelipatan "
            "pembulatan.",
            "The lowest limit of the methods whose inputs are given is the binding method; "
            "it is multiplied by the new-customer / size factors and rounded down to the "
            "rounding step.",
        ),
    )
    return r + 2


def _policy_rules(book: Book, sh: Sheet, row: int) -> int:
    t = book.t
    p = POLICY
    d = {k: (f"'{v[0]}'", f"'{v[1]}'") for k, v in DECISIONS.items()}
    _section(book, sh, row, "rules", ("Aturan keputusan", "Decision rules"))
    rules = [
        (
            f"Peringkat {p.decline_grade} → {d['decline'][0]}.",
            f"Grade {p.decline_grade} → {d['decline'][1]}.",
        ),
        (
            f"Eksposur saat ini di atas limit rekomendasi → {d['refer'][0]} (tahan pesanan baru).",
            f"Current exposure above the recommended limit → {d['refer'][1]} (hold new orders).",
        ),
        (
            f"Peringkat {p.refer_grade} → {d['refer'][0]} ke komite kredit.",
            f"Grade {p.refer_grade} → {d['refer'][1]} to the credit committee.",
        ),
        (
            f"Limit diajukan > {f'{p.refer_ratio:g}'.replace('.', ',')} x rekomendasi → "
            f"{d['refer'][0]}.",
            f"Requested limit > {p.refer_ratio:g} x recommended → {d['refer'][1]}.",
        ),
        (
            f"Limit diajukan > rekomendasi (tetapi dalam rasio di atas) → "
            f"{d['approve reduced'][0]} (sebesar rekomendasi).",
            f"Requested limit > recommended (within the ratio above) → "
            f"{d['approve reduced'][1]} (the recommended one).",
        ),
        (f"Selain itu → {d['approve'][0]}.", f"Otherwise → {d['approve'][1]}."),
    ]
    for i, rule in enumerate(rules):
        sh.write((row + 1 + i, 1), f"{i + 1}.", "text")
        paragraph(sh, (row + 1 + i, 2), 7, rule, "wrap")
    r = row + 2 + len(rules)
    escalation = STAGES["escalation"][0]
    sh.write((r, 1), t(("Penahanan pesanan", "Order hold")), "bold")
    paragraph(
        sh,
        (r, 2),
        7,
        (
            "Pesanan baru ditahan bila saldo terbuka pelanggan melebihi batas kreditnya, atau "
            f"ada faktur (bukan sengketa) ≥ {ORDER_HOLD_DPD} hari lewat jatuh tempo (tahap "
            f"penagihan '{escalation[0]}'), sampai dibayar atau disetujui Manajer Kredit.",
            "New orders are held when the customer's open balance is above its credit limit, "
            f"or an invoice (not disputed) is {ORDER_HOLD_DPD} or more days past due (the "
            f"'{escalation[1]}' collection stage), until paid or released by the credit manager.",
        ),
        "wrap",
    )
    return r + 2


def _policy_sheet(book: Book) -> PolicyRefs:
    sh = titled_sheet(
        book,
        ("Kebijakan", "Policy"),
        (f"Kebijakan kredit {COMPANY}", f"Credit policy of {COMPANY}"),
        widths=[3, 30, 16, 16, 16, 16, 16, 26],
        intro=(
            "Parameter kebijakan yang dipakai sheet Skor 5C, Batas Kredit dan Tinjauan Limit. "
            "Angkanya sama dengan kebijakan bawaan add-in xl-ar, sehingga AR_CREDIT_SCORE dan "
            "AR_CREDIT_LIMIT memberi hasil yang sama.",
            "The policy parameters the 5C Scorecard, Credit Limit and Limit Review sheets use. "
            "They equal the xl-ar add-in's built-in policy, so AR_CREDIT_SCORE and "
            "AR_CREDIT_LIMIT give the same results.",
        ),
        col=1,
    )
    params: dict[str, str] = {}
    row = _policy_intro(book, sh, 3)
    row = _policy_terms(book, sh, row, params)
    row = _policy_discount(book, sh, row)
    row, weights, scale_min, scale_max = _policy_weights(book, sh, row)
    row, guide = _policy_guide(book, sh, row)
    row, grades, lookup = _policy_grades(book, sh, row)
    row = _policy_params(book, sh, row, params)
    row = _policy_methods(book, sh, row)
    _policy_rules(book, sh, row)
    return PolicyRefs(weights, scale_min, scale_max, grades, lookup, guide, params)


def _method_name(key: str, lang: str) -> str:
    en, idn = METHODS[key]
    return pick((idn, en), lang)


# --------------------------------------------------------------------------- application form


def _field_rows(sh: Sheet, row: int, labels: list[T], lang: str, style: str = "input_text") -> int:
    for i, label in enumerate(labels):
        r = row + i
        sh.write((r, 1), pick(label, lang))
        sh.merge(f"C{r + 1}:F{r + 1}", None, style)
    return row + len(labels)


def _grid(sh: Sheet, row: int, header: list[str], n: int) -> int:
    sh.row((row, 1), header, "header")
    for r in range(row + 1, row + 1 + n):
        for c in range(1, 1 + len(header)):
            sh.write((r, c), None, "input_text")
    return row + 1 + n


FORM_COMPANY: tuple[T, ...] = (
    ("Nama perusahaan", "Company name"),
    ("Bentuk badan usaha (PT/CV/UD/perorangan)", "Legal form (PT/CV/UD/sole trader)"),
    ("Alamat kantor", "Office address"),
    ("Alamat pengiriman", "Delivery address"),
    ("NPWP perusahaan", "Tax ID (NPWP)"),
    ("NIB (OSS)", "Business ID (NIB)"),
    ("Tahun berdiri", "Year established"),
    ("Bidang usaha", "Line of business"),
    ("Nama pemilik / direktur", "Owner / director"),
    ("Kontak keuangan (nama, jabatan)", "Finance contact (name, title)"),
    ("Telepon / WhatsApp", "Phone / WhatsApp"),
    ("Email penerima faktur", "Invoice e-mail"),
)
FORM_DOCUMENTS: tuple[T, ...] = (
    ("Akta pendirian & perubahan terakhir", "Deed of establishment & latest amendment"),
    ("SK Kemenkumham", "Ministry of Law approval (SK Kemenkumham)"),
    ("NIB / izin usaha (OSS)", "Business ID / licence (OSS)"),
    ("NPWP perusahaan & SPPKP", "Company tax ID & VAT registration (SPPKP)"),
    ("KTP & NPWP direktur / pemilik", "Director's / owner's ID card & tax ID"),
    ("Laporan keuangan 2 tahun (audit bila ada)", "Financial statements, 2 years (audited)"),
    ("Rekening koran 3 bulan terakhir", "Bank statements, last 3 months"),
    ("Foto tempat usaha / gudang", "Photos of the premises / warehouse"),
)
FORM_REQUEST: tuple[T, ...] = (
    ("Limit kredit yang diajukan (Rp)", "Credit limit requested (Rp)"),
    ("Termin yang diajukan (hari)", "Payment terms requested (days)"),
    ("Perkiraan pembelian per bulan (Rp)", "Expected monthly purchases (Rp)"),
    ("Jaminan yang ditawarkan (jenis)", "Security offered (type)"),
    ("Nilai jaminan (Rp)", "Value of the security (Rp)"),
    ("Cara pembayaran (transfer / giro / VA)", "Payment method (transfer / giro / VA)"),
)
FORM_INTERNAL: tuple[T, ...] = (
    ("Sales pengusul", "Proposing salesperson"),
    ("Skor 5C & peringkat (credit analyst)", "5 C's score & grade (credit analyst)"),
    ("Limit direkomendasikan (Rp)", "Recommended limit (Rp)"),
    ("Limit & termin disetujui", "Approved limit & terms"),
    ("Disetujui oleh (Credit Manager / Dir. Keuangan)", "Approved by (credit manager / CFO)"),
    ("Tanggal persetujuan & tanggal tinjauan berikutnya", "Approval date & next review date"),
)
CLAUSES: tuple[tuple[T, T], ...] = (
    (
        ("Retensi hak milik", "Retention of title"),
        (
            "Barang tetap milik penjual sampai dibayar lunas.",
            "Goods remain the seller's property until paid in full.",
        ),
    ),
    (
        ("Bunga keterlambatan & biaya penagihan", "Late interest & collection costs"),
        (
            "Bunga per tahun atas tunggakan dan biaya penagihan ditanggung pembeli.",
            "Annual interest on overdue amounts; collection costs borne by the buyer.",
        ),
    ),
    (
        ("Hak menghentikan pengiriman", "Right to stop deliveries"),
        (
            f"Pengiriman ditahan bila ada faktur ≥ {ORDER_HOLD_DPD} hari lewat jatuh tempo "
            "atau limit terlampaui.",
            f"Deliveries are held when an invoice is {ORDER_HOLD_DPD} or more days past due or "
            "the limit is exceeded.",
        ),
    ),
    (
        ("Batas waktu keberatan", "Dispute window"),
        (
            "Keberatan atas barang/faktur diajukan paling lambat 7 hari setelah diterima.",
            "Claims on goods or invoices within 7 days of receipt.",
        ),
    ),
    (
        ("Perubahan limit", "Limit changes"),
        (
            "Penjual dapat meninjau dan mengubah limit & termin sewaktu-waktu.",
            "The seller may review and change the limit and terms at any time.",
        ),
    ),
    (
        ("Jaminan pribadi", "Personal guarantee"),
        (
            "Pemilik/direktur menjamin secara pribadi kewajiban perusahaan (bila disyaratkan).",
            "The owner/director personally guarantees the company's debts (when required).",
        ),
    ),
    (
        ("Domisili hukum", "Jurisdiction"),
        (
            "Sengketa diselesaikan musyawarah, lalu di pengadilan negeri yang disepakati.",
            "Disputes settled amicably first, then in the agreed district court.",
        ),
    ),
)


def _form_sheet(book: Book) -> None:
    t, lang = book.t, book.lang
    sh = titled_sheet(
        book,
        ("Formulir Aplikasi", "Application Form"),
        ("Formulir Aplikasi Kredit Pelanggan", "Customer Credit Application"),
        widths=[3, 50, 22, 22, 22, 22],
        col=1,
    )
    sh.write("B2", COMPANY, "bold")
    paragraph(
        sh,
        "B3",
        5,
        (
            "Template: bagian A-F diisi calon pelanggan, bagian G oleh tim kredit. Sel kuning "
            "= isian (tanpa cek jawaban).",
            "Template: sections A-F are filled in by the applicant, section G by the credit "
            "team. Yellow cells = fields (no answer checks).",
        ),
    )
    row = 4
    sh.write((row, 1), t(("A. Data perusahaan", "A. Company details")), "h1")
    row = _field_rows(sh, row + 1, list(FORM_COMPANY), lang) + 1
    sh.write((row, 1), t(("B. Dokumen legal (checklist)", "B. Legal documents (checklist)")), "h1")
    header_row(
        sh,
        (row + 1, 1),
        [("Dokumen", "Document"), ("Dilampirkan (Ya/Tidak)", "Attached (Yes/No)"),
         ("Keterangan", "Notes")],
    )  # fmt: skip
    for i, doc in enumerate(FORM_DOCUMENTS):
        r = row + 2 + i
        sh.write((r, 1), t(doc))
        sh.write((r, 2), None, "input_text")
        sh.merge(f"D{r + 1}:F{r + 1}", None, "input_text")
    row += 2 + len(FORM_DOCUMENTS) + 1
    sh.write((row, 1), t(("C. Referensi bank & pemasok", "C. Bank & supplier references")), "h1")
    row = _grid(
        sh,
        row + 1,
        [
            t(("Bank", "Bank")),
            t(("Cabang", "Branch")),
            t(("No. rekening", "Account no.")),
            t(("Nasabah sejak", "Customer since")),
            t(("Fasilitas kredit", "Credit facility")),
        ],
        2,
    )
    row = _grid(
        sh,
        row + 1,
        [
            t(("Pemasok", "Supplier")),
            t(("Kontak & telepon", "Contact & phone")),
            t(("Limit kredit (Rp)", "Credit limit (Rp)")),
            t(("Termin (hari)", "Terms (days)")),
            t(("Pengalaman bayar", "Payment record")),
        ],
        3,
    )
    row += 1
    sh.write(
        (row, 1), t(("D. Data keuangan tahun terakhir (Rp)", "D. Latest financials (Rp)")), "h1"
    )
    labels = [
        ("Penjualan tahunan", "Annual sales"),
        ("Laba bersih", "Net profit"),
        ("Total aset", "Total assets"),
        ("Aset lancar", "Current assets"),
        ("Utang lancar", "Current liabilities"),
        ("Total ekuitas", "Total equity"),
        ("Aset tak berwujud", "Intangible assets"),
    ]
    first = row + 1
    for i, label in enumerate(labels):
        sh.write((first + i, 1), t(label))
        sh.write((first + i, 2), None, "input_rp")
    cell = {
        k: a1(first + i, 2) for i, k in enumerate(("sales", "np", "ta", "ca", "cl", "eq", "ia"))
    }
    derived = [
        (("Modal kerja = aset lancar - utang lancar", "Working capital = current assets - current liabilities"), "ca", "cl"),
        (("Ekuitas bersih berwujud = ekuitas - aset tak berwujud", "Tangible net worth = equity - intangibles"), "eq", "ia"),
    ]  # fmt: skip
    for i, (label, plus, minus) in enumerate(derived):
        r = first + len(labels) + i
        sh.write((r, 1), t(label), "wrap")
        x, y = cell[plus], cell[minus]
        sh.formula((r, 2), f'=IF(OR({x}="",{y}=""),"-",{x}-{y})', expected="-", style="money")
    row = first + len(labels) + len(derived) + 1
    sh.write((row, 1), t(("E. Permohonan kredit", "E. Credit request")), "h1")
    row = _field_rows(sh, row + 1, list(FORM_REQUEST), lang) + 1
    sh.write((row, 1), t(("F. Pernyataan & tanda tangan", "F. Declaration & signature")), "h1")
    sh.merge(
        f"B{row + 2}:F{row + 4}",
        t(
            (
                "Kami menyatakan data di atas benar, memberi kuasa kepada "
                f"{COMPANY} untuk memeriksa referensi bank/pemasok dan SLIK OJK, serta "
                "menyetujui syarat & ketentuan penjualan kredit (termasuk klausul di bagian H).",
                "We declare the information above is true, authorise "
                f"{COMPANY} to check our bank and supplier references and credit bureau "
                "records, and accept the credit terms and conditions (including the clauses in "
                "section H).",
            )
        ),
        "wrap",
    )
    row = _field_rows(
        sh,
        row + 5,
        [
            ("Nama & jabatan penandatangan", "Signatory name & title"),
            ("Tanda tangan & cap perusahaan", "Signature & company stamp"),
            ("Tempat, tanggal", "Place, date"),
        ],
        lang,
    )
    row += 1
    sh.write((row, 1), t(("G. Diisi oleh tim kredit", "G. Credit team use only")), "h1")
    row = _field_rows(sh, row + 1, list(FORM_INTERNAL), lang) + 1
    sh.write(
        (row, 1),
        t(("H. Klausul penting perjanjian kredit", "H. Key clauses of the credit agreement")),
        "h1",
    )
    for i, (name, text) in enumerate(CLAUSES):
        r = row + 1 + i
        sh.write((r, 1), t(name), "bold")
        sh.merge(f"C{r + 1}:F{r + 1}", t(text), "wrap")


# --------------------------------------------------------------------------- scorecard

SC_WIDTHS = [4, 12, 34, 16, 4, 9, 11, 4, 13, 30]
"""Scorecard columns: No, C, measure, measured value, ✓, weight, score, ✓, points, notes."""
SC_MEASURE, SC_WEIGHT, SC_SCORE, SC_POINTS, SC_NOTE = 3, 5, 6, 8, 9


@dataclass
class ScoreRefs:
    """Cells of the scorecard sheet the credit limit sheet links to."""

    worked_scores: dict[str, str]
    worked_grade: str


def _case_heading(sh: Sheet, row: int, case: Case, what: T, *, worked: bool) -> None:
    """``A. Contoh: <customer> (<what>)`` for the worked example, ``B. Latihan: ...`` otherwise."""
    t = sh.book.t
    part = ("A. Contoh", "A. Worked example") if worked else ("B. Latihan", "B. Exercise")
    sh.write((row, 0), f"{t(part)}: {case.customer} ({t(what)})", "h1")


def _evidence_rows(case: Case) -> list[tuple[str, T, Any, str]]:
    """``(key, label, value, style)`` rows of a case's evidence block."""
    e = case.evidence
    if e.history:
        days = [
            (
                "days_0",
                (
                    "Rata-rata tertimbang hari terlambat 2024 (riwayat bayar kita, sheet Data)",
                    "Weighted average days paid late in 2024 (our payment history, Data sheet)",
                ),
                e.days_late[0],
                "days",
            )
        ]
    else:
        days = [
            (
                f"days_{i}",
                (
                    f"Referensi pemasok {i + 1}: rata-rata hari terlambat",
                    f"Supplier reference {i + 1}: average days paid late",
                ),
                value,
                "days",
            )
            for i, value in enumerate(e.days_late)
        ]
    guarantee = (
        ("Bank garansi / deposito ditawarkan", "Bank guarantee / deposit offered")
        if e.guarantee > 0
        else ("Bank garansi / deposito (tidak ada)", "Bank guarantee / deposit (none)")
    )
    return [
        *days,
        ("sales", ("Penjualan tahunan", "Annual sales"), e.annual_sales, "money"),
        ("profit", ("Laba bersih", "Net profit"), e.net_profit, "money"),
        ("liabilities", ("Total utang (liabilitas)", "Total liabilities"), e.liabilities, "money"),
        ("equity", ("Ekuitas", "Equity"), e.equity, "money"),
        ("guarantee", guarantee, e.guarantee, "money"),
        ("requested", ("Limit diajukan", "Limit requested"), case.requested, "money"),
    ]


def _evidence(book: Book, sh: Sheet, row: int, case: Case) -> tuple[int, dict[str, str]]:
    """The facts paragraph and the evidence label | value block; returns (next row, cells)."""
    t = book.t
    for i, fact in enumerate(case.facts):
        paragraph(sh, (row + i, 1), SC_NOTE, fact, "wrap")
    row += len(case.facts)
    rows = _evidence_rows(case)
    cells = label_values(
        sh, row, [(label, value, style) for _, label, value, style in rows], label=(1, 2)
    )
    refs = {key: cell for (key, *_), cell in zip(rows, cells, strict=True)}
    r = row + len(rows)
    e = case.evidence
    collateral = (
        ("Bank garansi dari bank umum, berlaku 12 bulan.", "A commercial bank's guarantee, valid 12 months.")
        if e.guarantee > 0
        else ("Jaminan pribadi direktur saja.", "The director's personal guarantee only.")
        if e.personal_guarantee
        else ("Tanpa jaminan.", "No security.")
    )  # fmt: skip
    for label, text in (
        (("Jaminan", "Security"), collateral),
        (("Kondisi sektor & wilayah", "Sector & region"), e.conditions),
    ):
        put(sh, r, (1, 2), t(label), None)
        paragraph(sh, (r, 3), SC_NOTE, text, "wrap")
        r += 1
    return r + 1, refs


def _score_header(book: Book, sh: Sheet, row: int, *, worked: bool) -> None:
    check = "" if worked else "✓"
    header_row(
        sh,
        (row, 0),
        ["No", ("Unsur 5C", "C"), ("Ukuran (panduan skor)", "Measure (scoring guide)"),
         ("Nilai ukuran", "Measured value"), check, ("Bobot", "Weight"),
         ("Skor (1-5)", "Score (1-5)"), check, ("Poin = bobot x skor", "Points = weight x score"),
         ("Dengan add-in xl-ar", "With the xl-ar add-in") if worked else ("Petunjuk", "Hint")],
    )  # fmt: skip


def _measure_formula(case: Case, c: str, ev: dict[str, str]) -> str:
    """Native formula of a C's measure from the evidence cells (character .. collateral)."""
    if c == "character":
        days = [ev[k] for k in ev if k.startswith("days_")]
        return f"={days[0]}" if len(days) == 1 else f"=AVERAGE({days[0]}:{days[-1]})"
    return {
        "capacity": f"={ev['profit']}/{ev['sales']}",
        "capital": f"={ev['liabilities']}/{ev['equity']}",
        "collateral": f"={ev['guarantee']}/{ev['requested']}",
    }[c]


def _level(case: Case, c: str, lang: str) -> str:
    """The guide level (text) a judged C's score stands for."""
    score = int(case.scores[C_NAMES.index(c)])
    return pick(GUIDE[c].levels[score - 1], lang)


def _worked_score(
    book: Book, sh: Sheet, row: int, pol: PolicyRefs, case: Case
) -> tuple[int, dict[str, str], str]:
    t = book.t
    result = case.score()
    _case_heading(
        sh, row, case, ("pelanggan lama, tinjauan tahunan", "existing customer, annual review"),
        worked=True,
    )  # fmt: skip
    row, ev = _evidence(book, sh, row + 1, case)
    _score_header(book, sh, row, worked=True)
    measures = case.measures()
    scores = {}
    first = row + 1
    for i, c in enumerate(C_NAMES):
        r = first + i
        score = case.scores[i]
        sh.write((r, 0), i + 1, "int")
        sh.write((r, 1), t(C_LABELS[c]), "bold")
        sh.write((r, 2), t(GUIDE[c].measure), "wrap")
        sh.formula((r, SC_WEIGHT), f"={pol.weights[c]}", expected=POLICY.weight(c), style="pct")
        measured = c in LOOKUP_CS and (c != "collateral" or case.collateral_value > 0)
        if measured:
            sh.formula((r, SC_MEASURE), _measure_formula(case, c, ev), expected=measures[c],
                       style=GUIDE[c].style)  # fmt: skip
            sh.formula((r, SC_SCORE), f"=VLOOKUP({a1(r, SC_MEASURE)},{pol.guide[c]},2,TRUE)",
                       expected=score, style="int")  # fmt: skip
        else:
            sh.write((r, SC_MEASURE), _level(case, c, book.lang), "wrap")
            sh.write((r, SC_SCORE), score, "int")
        sh.formula(
            (r, SC_POINTS),
            f"={a1(r, SC_WEIGHT)}*{a1(r, SC_SCORE)}",
            expected=POLICY.weight(c) * score,
            style="number",
        )
        scores[c] = sheet_ref(sh.name, a1(r, SC_SCORE, absolute=True))
    last = first + len(C_NAMES) - 1
    weights = f"{a1(first, SC_WEIGHT)}:{a1(last, SC_WEIGHT)}"
    values = f"{a1(first, SC_SCORE)}:{a1(last, SC_SCORE)}"
    r = last + 1
    score, score100, grade = (a1(r + k, SC_SCORE) for k in range(3))
    lines = [
        (
            ("Skor tertimbang (1-5)", "Weighted score (1-5)"),
            f"=SUMPRODUCT({weights},{values})",
            result.score,
            "number",
        ),
        (
            ("Skor 0-100 = (skor - min) / (max - min) x 100", "Score 0-100 = (score - min) / (max - min) x 100"),
            f"=({score}-{pol.scale_min})/({pol.scale_max}-{pol.scale_min})*100",
            result.score_100,
            "number",
        ),
        (
            ("Peringkat (VLOOKUP ke tabel bantu di sheet Kebijakan)", "Grade (VLOOKUP on the helper table of the Policy sheet)"),
            f"=VLOOKUP(ROUND({score100},9),{pol.lookup},2,TRUE)",
            result.grade,
            "bold",
        ),
        (
            ("Keputusan menurut peringkat", "Decision by grade"),
            f"=VLOOKUP({grade},{pol.grades},{GRADE_COLUMNS['decision']},FALSE)",
            t(DECISIONS[_grade_decision(result.grade)]),
            "bold",
        ),
    ]  # fmt: skip
    formula_rows(sh, r, lines, label=(2, 5), at=SC_SCORE, label_style="bold")
    sh.formula(
        (r, SC_NOTE), f"=INDEX(AR_CREDIT_SCORE({values}),1,2)", expected=round(result.score, 9),
        style="number",
    )  # fmt: skip
    sh.formula(
        (r + 2, SC_NOTE), f"=INDEX(AR_CREDIT_SCORE({values}),2,2)", expected=result.grade,
        style="bold",
    )  # fmt: skip
    shown = _shown(f"=AR_CREDIT_SCORE({values})", book.lang)
    sh.merge(
        f"{a1(first, SC_NOTE)}:{a1(last, SC_NOTE)}",
        t(
            (
                f"{shown} mengembalikan skor dan peringkat; INDEX memilih satu nilai "
                "(Excel 2013). Kolom Skor: VLOOKUP(nilai ukuran; tabel unsurnya di sheet "
                "Kebijakan; 2; TRUE).",
                f"{shown} returns the score and the grade; INDEX picks one value (Excel 2013). "
                "Score column: VLOOKUP(measured value, the C's table on the Policy sheet, 2, "
                "TRUE).",
            )
        ),
        "note",
    )
    return r + len(lines) + 1, scores, sheet_ref(sh.name, a1(r + 2, SC_SCORE, absolute=True))


def _grade_decision(grade: str) -> str:
    return "decline" if POLICY.declines(grade) else "refer" if POLICY.refers(grade) else "approve"


MEASURE_HINTS: dict[str, T] = {
    "character": (
        "AVERAGE 3 referensi; skor = VLOOKUP(nilai; tabel Karakter; 2; TRUE)",
        "AVERAGE of the 3 references; score = VLOOKUP(value, Character table, 2, TRUE)",
    ),
    "capacity": (
        "laba bersih / penjualan; skor = VLOOKUP(nilai; tabel Kapasitas; 2; TRUE)",
        "net profit / sales; score = VLOOKUP(value, Capacity table, 2, TRUE)",
    ),
    "capital": (
        "total utang / ekuitas; skor = VLOOKUP(nilai; tabel Modal; 2; TRUE)",
        "total liabilities / equity; score = VLOOKUP(value, Capital table, 2, TRUE)",
    ),
}
MEASURE_KINDS = {"character": "days", "capacity": "pct", "capital": "ratio"}


def _applicant_score(book: Book, sh: Sheet, row: int, pol: PolicyRefs, case: Case) -> None:
    t = book.t
    result = case.score()
    _case_heading(sh, row, case, ("pemohon baru", "new applicant"), worked=False)
    paragraph(
        sh,
        (row + 1, 1),
        SC_NOTE,
        (
            "Ukur dan beri skor karakter, kapasitas dan modal dari bukti di bawah dengan "
            f"panduan skor (sheet Kebijakan bagian {SECTIONS['guide']}); jaminan dan kondisi "
            "sudah dinilai. Lalu hitung skor tertimbang, skor 0-100, peringkat dan keputusannya.",
            "Measure and score character, capacity and capital from the evidence below with "
            f"the scoring guide (Policy sheet, section {SECTIONS['guide']}); collateral and "
            "conditions are scored already. Then compute the weighted score, the 0-100 score, "
            "the grade and its decision.",
        ),
    )
    row, _ = _evidence(book, sh, row + 2, case)
    _score_header(book, sh, row, worked=False)
    measures = case.measures()
    for i, c in enumerate(C_NAMES):
        r = row + 1 + i
        label = t(C_LABELS[c])
        sh.write((r, 0), i + 1, "int")
        sh.write((r, 1), label, "bold")
        sh.write((r, 2), t(GUIDE[c].measure), "wrap")
        sh.formula((r, SC_WEIGHT), f"={pol.weights[c]}", expected=POLICY.weight(c), style="pct")
        if c in TRAINEE_CS:
            sh.exercise((r, SC_MEASURE), measures[c], kind=MEASURE_KINDS[c],
                        question=f"{case.customer}: {label} — {t(GUIDE[c].measure)}")  # fmt: skip
            sh.exercise((r, SC_SCORE), int(case.scores[i]), kind="count",
                        question=f"{case.customer}: {t(('Skor', 'Score'))} {label} (1-5)")  # fmt: skip
            put(sh, r, (SC_NOTE, SC_NOTE), t(MEASURE_HINTS[c]), "note")
        else:
            sh.write((r, SC_MEASURE), _level(case, c, book.lang), "wrap")
            sh.write((r, SC_SCORE), int(case.scores[i]), "int")
    r = row + 1 + len(C_NAMES)
    sh.write((r, SC_POINTS), t(("(boleh diisi)", "(optional)")), "note")
    questions = [
        (("Skor tertimbang (1-5)", "Weighted score (1-5)"), result.score, "number", "SUMPRODUCT"),
        (
            ("Skor 0-100", "Score 0-100"),
            result.score_100,
            "number",
            ("(skor - 1) / (5 - 1) x 100", "(score - 1) / (5 - 1) x 100"),
        ),
        (
            ("Peringkat (A-E)", "Grade (A-E)"),
            result.grade,
            "text",
            ("VLOOKUP(skor 0-100; tabel bantu; 2; TRUE)", "VLOOKUP(score 0-100, helper table, 2, TRUE)"),
        ),
        (
            (
                f"Keputusan menurut peringkat ({_choices(('approve', 'refer', 'decline'), 'id')})",
                f"Decision by grade ({_choices(('approve', 'refer', 'decline'), 'en')})",
            ),
            t(DECISIONS[_grade_decision(result.grade)]),
            "text",
            ("VLOOKUP(peringkat; tabel peringkat; 7; FALSE)", "VLOOKUP(grade, grade table, 7, FALSE)"),
        ),
    ]  # fmt: skip
    for i, (label, answer, kind, hint) in enumerate(questions):
        question = f"{case.customer}: {t(label)}"
        ask(sh, r + 1 + i, question, answer, kind, hint, q=(2, 5), at=SC_SCORE,
            h=(SC_POINTS, SC_NOTE), label=label, style="bold")  # fmt: skip


def _choices(keys: tuple[str, ...], lang: str) -> str:
    """The decisions a trainee may type, ``a / b / c``."""
    return " / ".join(pick(DECISIONS[k], lang) for k in keys)


def _score_sheet(book: Book, pol: PolicyRefs, worked: Case) -> ScoreRefs:
    sh = titled_sheet(
        book,
        ("Skor 5C", "5C Scorecard"),
        ("Penilaian kredit 5C", "The 5 C's credit assessment"),
        widths=SC_WIDTHS,
        intro=(
            "Skor setiap unsur 1-5 (5 terbaik) menurut panduan skor x bobot kebijakan = skor "
            "tertimbang; skor 0-100 menentukan peringkat A-E dan persentase limit (sheet "
            "Kebijakan).",
            "Score each C from 1 to 5 (5 best) by the scoring guide x the policy weight = "
            "weighted score; the 0-100 score sets the grade A-E and the limit percentages "
            "(Policy sheet).",
        ),
        last_col=SC_NOTE,
    )
    row, worked_scores, worked_grade = _worked_score(book, sh, 3, pol, worked)
    _applicant_score(book, sh, row + 1, pol, APPLICANT)
    return ScoreRefs(worked_scores, worked_grade)


# --------------------------------------------------------------------------- credit limit


def _profile(
    book: Book, sh: Sheet, row: int, case: Case, scores: dict[str, str] | None
) -> dict[str, str]:
    """The label | value profile range at B:C from ``row``; returns cell refs by key.

    With ``scores`` (C → scorecard cell) the five C rows link to the scorecard; without, the
    profile leaves them out (the trainee's grade comes from the scorecard).
    """
    header_row(sh, (row, 1), [("Label", "Label"), ("Nilai", "Value")], height=LINE)
    keys = ["customer", *(C_NAMES if scores else ()), "net_worth", "working_capital",
            "annual_sales", "purchases", "terms", "collateral_value", "type"]  # fmt: skip
    keys += ["size"] if case.size is not None else []
    keys += ["exposure"] if case.exposure is not None else []
    keys += ["requested"]
    refs = {}
    rows = case.profile(book.lang, scores=scores is not None)
    for i, (key, (label, value, style)) in enumerate(zip(keys, rows, strict=True)):
        r = row + 1 + i
        sh.write((r, 1), label)
        if scores and key in scores:
            sh.formula((r, 2), f"={scores[key]}", expected=value, style=style)
        else:
            sh.write((r, 2), value, style)
        refs[key] = a1(r, 2)
    refs["range"] = f"{a1(row, 1)}:{a1(row + len(keys), 2)}"
    refs["next"] = str(row + len(keys) + 1)
    return refs


LINE = 15.0

_BASES: dict[str, tuple[str, str]] = {
    "net_worth": ("net_worth", "net_worth"),
    "working_capital": ("working_capital", "working_capital"),
    "annual_sales": ("annual_sales", "annual_sales"),
    "needs_based": ("purchases", "monthly_purchases"),
    "collateral": ("collateral_value", "collateral_value"),
}
"""The base of each limit method (the policy maximum aside): profile key, :class:`Case` field."""


def _method_bases(prof: dict[str, str], pol: PolicyRefs) -> dict[str, str]:
    """The base formula of every limit method: a profile cell, or the policy's maximum."""
    bases = {key: f"={prof[field]}" for key, (field, _) in _BASES.items()}
    return {**bases, "policy_max": f"={pol.params['max_limit']}"}


def _method_factors(prof: dict[str, str], pol: PolicyRefs, grade: str) -> dict[str, str]:
    """The % / factor formula of every limit method but the policy maximum (worked example)."""
    p = pol.params
    factors = {
        key: f"=VLOOKUP({grade},{pol.grades},{GRADE_COLUMNS[key]},FALSE)"
        for key in ("net_worth", "working_capital", "annual_sales")
    }
    factors["needs_based"] = f"=({prof['terms']}+{p['grace_days']})/30*(1+{p['ppn_rate']})"
    factors["collateral"] = f"={p['collateral_advance_rate']}"
    return factors


def _base_value(case: Case, key: str) -> float:
    """The base of limit method ``key`` for ``case`` (what its base formula gives)."""
    return POLICY.max_limit if key == "policy_max" else float(getattr(case, _BASES[key][1]))


NOT_APPLICABLE: T = ("tidak berlaku", "not applicable")


def _method_row(
    book: Book, sh: Sheet, r: int, key: str, case: Case, base: str, res: LimitResult
) -> str:
    """Method name (B) and base (C) on row ``r``; the policy maximum's limit (E) is its base.

    A method whose input is missing (no collateral value) shows *not applicable* as its limit.
    """
    name = _method_name(key, book.lang)
    sh.write((r, 1), name, "bold")
    sh.formula((r, 2), base, expected=_base_value(case, key), style="money")
    if key == "policy_max":
        sh.formula((r, 4), f"={a1(r, 2)}", expected=float(res.methods.loc[key, "limit"]),
                   style="money")  # fmt: skip
    elif not res.methods.loc[key, "applicable"]:
        sh.write((r, 4), book.t(NOT_APPLICABLE), "note")
    return name


def _method_header(book: Book, sh: Sheet, row: int, last: T) -> None:
    header_row(
        sh,
        (row, 1),
        [("Metode", "Method"), ("Dasar (Rp)", "Base (Rp)"), ("% / faktor", "% / factor"), last],
    )


def _worked_limit(
    book: Book, sh: Sheet, row: int, pol: PolicyRefs, sc: ScoreRefs, case: Case
) -> int:
    t = book.t
    res = case.limit()
    _case_heading(
        sh, row, case, ("pelanggan lama, usaha besar", "existing, large business"), worked=True
    )
    prof = _profile(book, sh, row + 1, case, sc.worked_scores)
    r = int(prof["next"])
    sh.write(
        (r, 1), t(("Peringkat (dari sheet Skor 5C)", "Grade (from the 5C Scorecard sheet)")), "bold"
    )
    sh.formula((r, 2), f"={sc.worked_grade}", expected=res.score.grade, style="bold")
    grade = a1(r, 2, absolute=True)
    r = _policy_links(book, sh, r + 1, pol) + 1
    _method_header(book, sh, r, ("Limit (Rp)", "Limit (Rp)"))
    first = r + 1
    bases, factors = _method_bases(prof, pol), _method_factors(prof, pol, grade)
    for i, key in enumerate(METHODS):
        rr = first + i
        _method_row(book, sh, rr, key, case, bases[key], res)
        if key in factors and res.methods.loc[key, "applicable"]:
            limit = float(res.methods.loc[key, "limit"])
            base = _base_value(case, key)
            sh.formula((rr, 3), factors[key], expected=limit / base, style="pct")
            sh.formula((rr, 4), f"={a1(rr, 2)}*{a1(rr, 3)}", expected=limit, style="money")
    last = first + len(METHODS) - 1
    limits = f"{a1(first, 4, absolute=True)}:{a1(last, 4, absolute=True)}"
    names = f"{a1(first, 1, absolute=True)}:{a1(last, 1, absolute=True)}"
    r = last + 1
    p = pol.params
    new, small = t(("Baru", "New")), t(("Kecil", "Small"))
    large = t(("Besar", "Large"))
    size = prof.get("size", '""')
    factor = (
        f'=IF({prof["type"]}="{new}",{p["new_customer_factor"]},1)*IF({size}="{small}",'
        f'{p["size_factor_small"]},IF({size}="{large}",{p["size_factor_large"]},1))'
    )
    lines = [
        (("Limit terendah", "Lowest limit"), f"=MIN({limits})", res.raw_limit, "money"),
        (
            ("Metode penentu", "Binding method"),
            f"=INDEX({names},MATCH({a1(r, 4)},{limits},0))",
            _method_name(res.binding_method, book.lang),
            "bold",
        ),
        (
            ("Faktor penyesuaian (baru x ukuran)", "Adjustment factor (new x size)"),
            factor,
            _factor(res),
            "ratio",
        ),
        (
            ("Limit setelah penyesuaian", "Adjusted limit"),
            f"={a1(r, 4)}*{a1(r + 2, 4)}",
            res.adjusted_limit,
            "money",
        ),
        (
            ("Limit direkomendasikan (dibulatkan ke bawah)", "Recommended limit (rounded down)"),
            f"=ROUNDDOWN({a1(r + 3, 4)}/{p['rounding']},0)*{p['rounding']}",
            res.recommended_limit,
            "total_rp",
        ),
        (
            ("Sisa limit = rekomendasi - eksposur", "Available = recommended - exposure"),
            f"={a1(r + 4, 4)}-{prof['exposure']}",
            res.available,
            "money",
        ),
    ]
    formula_rows(sh, r, lines, label=(1, 1), at=4, label_style="bold")
    sh.write((r + 4, 5), t(("Add-in:", "Add-in:")), "bold")
    sh.formula(
        (r + 4, 6),
        f"=AR_CREDIT_LIMIT({prof['range']})",
        expected=res.recommended_limit,
        style="rp",
    )
    r += len(lines)
    sh.write((r, 1), t(("Keputusan", "Decision")), "bold")
    sh.write((r, 4), t(DECISIONS[res.decision]), "bold")
    note = t(DECISION_NOTES[res.decision]).format(
        req=_rp(case.requested, book.lang), rec=_rp(res.recommended_limit, book.lang)
    )
    paragraph(sh, (r + 1, 1), 7, note, "wrap")
    return r + 3


def _rp(value: float, lang: str) -> str:
    """Rupiah as the book's language writes it (``Rp 150.000.000`` / ``Rp 150,000,000``)."""
    text = f"Rp {value:,.0f}"
    return text.replace(",", ".") if lang == "id" else text


def _policy_links(book: Book, sh: Sheet, row: int, pol: PolicyRefs) -> int:
    """Grace days and PPN rate under a profile, linked to the policy sheet; returns next row."""
    links = [
        (("Hari tenggang (kebijakan)", "Grace days (policy)"), "grace_days", "int"),
        (("Tarif PPN (kebijakan)", "PPN rate (policy)"), "ppn_rate", "pct"),
    ]
    rows = [(label, f"={pol.params[key]}", getattr(POLICY, key), st) for label, key, st in links]
    return row + len(formula_rows(sh, row, rows, label=(1, 1), at=2))


DECISION_NOTES: dict[str, T] = {
    "approve": (
        "Diajukan {req} ≤ rekomendasi {rec}: disetujui sesuai pengajuan.",
        "Requested {req} ≤ recommended {rec}: approved as requested.",
    ),
    "approve reduced": (
        "Diajukan {req} > rekomendasi {rec} (tetapi dalam rasio rujuk): disetujui dengan limit "
        "lebih rendah, sebesar rekomendasi {rec}; eksposur saat ini masih di bawahnya.",
        "Requested {req} > recommended {rec} (within the refer ratio): approved with a lower "
        "limit, the recommended {rec}; the current exposure is below it.",
    ),
    "refer": (
        "Dirujuk ke komite kredit (lihat aturan keputusan).",
        "Referred to the credit committee (see the decision rules).",
    ),
    "decline": ("Ditolak (lihat aturan keputusan).", "Declined (see the decision rules)."),
}


def _factor(res: LimitResult) -> float:
    out = 1.0
    for _, f in res.adjustments:
        out *= f
    return out


def _applicant_limit(book: Book, sh: Sheet, row: int, pol: PolicyRefs) -> None:
    t = book.t
    case = APPLICANT
    res = case.limit()
    _case_heading(
        sh, row, case, ("pemohon baru, usaha kecil", "new applicant, small business"), worked=False
    )
    paragraph(
        sh,
        (row + 1, 1),
        7,
        (
            "Pakai peringkat yang Anda hitung di sheet Skor 5C (bagian B) dan persentase/"
            "parameter di sheet Kebijakan. Isi sel kuning; kolom '% / faktor' boleh Anda "
            "isi sendiri. Metode tanpa data (tidak berlaku) tidak ikut dalam limit terendah.",
            "Use the grade you computed on the 5C Scorecard sheet (part B) and the "
            "percentages/parameters of the Policy sheet. Fill the yellow cells; fill the "
            "'% / factor' column yourself if you like. A method without its input (not "
            "applicable) is left out of the lowest limit.",
        ),
    )
    prof = _profile(book, sh, row + 2, case, None)
    r = _policy_links(book, sh, int(prof["next"]), pol) + 1
    _method_header(book, sh, r, ("Limit (isian)", "Limit (your answer)"))
    bases = _method_bases(prof, pol)
    for i, key in enumerate(METHODS):
        rr = r + 1 + i
        name = _method_row(book, sh, rr, key, case, bases[key], res)
        if key != "policy_max" and res.methods.loc[key, "applicable"]:
            limit = float(res.methods.loc[key, "limit"])
            sh.exercise((rr, 4), limit, kind="money", question=f"{case.customer}: {name}")
    r += 1 + len(METHODS) + 1
    choices = " / ".join(t(v) for v in DECISIONS.values())
    questions = [
        (("Limit terendah", "Lowest limit"), res.raw_limit, "money", "MIN"),
        (
            ("Metode penentu (ketik nama metode dari kolom B)", "Binding method (type the method name from column B)"),
            _method_name(res.binding_method, book.lang),
            "text",
            "INDEX/MATCH",
        ),
        (
            ("Limit direkomendasikan (faktor baru & ukuran, dibulatkan ke bawah)", "Recommended limit (new & size factors, rounded down)"),
            res.recommended_limit,
            "money",
            "ROUNDDOWN",
        ),
        (
            (f"Keputusan ({choices})", f"Decision ({choices})"),
            t(DECISIONS[res.decision]),
            "text",
            (f"sheet Kebijakan bagian {SECTIONS['rules']}", f"Policy sheet section {SECTIONS['rules']}"),
        ),
    ]  # fmt: skip
    for i, (label, answer, kind, hint) in enumerate(questions):
        question = f"{case.customer}: {t(label)}"
        ask(sh, r + i, question, answer, kind, hint, q=(1, 1), at=4, h=(6, 7), label=label)
    paragraph(
        sh,
        (r + len(questions) + 1, 1),
        7,
        (
            f"Setelah selesai: sheet '{CHECK_SHEET[0]}' menghitung skor dan limit pemohon ini "
            "dengan add-in xl-ar (AR_CREDIT_SCORE, AR_CREDIT_LIMIT).",
            f"When done: the '{CHECK_SHEET[1]}' sheet computes this applicant's score and limit "
            "with the xl-ar add-in (AR_CREDIT_SCORE, AR_CREDIT_LIMIT).",
        ),
    )


def _limit_sheet(book: Book, pol: PolicyRefs, sc: ScoreRefs, worked: Case) -> None:
    sh = titled_sheet(
        book,
        ("Batas Kredit", "Credit Limit"),
        ("Menetapkan batas kredit", "Setting the credit limit"),
        widths=[4, 46, 18, 14, 18, 10, 18, 18],
        intro=(
            "Setiap metode hanya berlaku bila datanya ada; limit terendah menentukan. "
            "Profil di kolom B:C adalah rentang label | nilai yang dibaca AR_CREDIT_LIMIT.",
            "Each method applies only when its inputs are given; the lowest limit binds. "
            "The profile in columns B:C is the label | value range AR_CREDIT_LIMIT reads.",
        ),
    )
    row = _worked_limit(book, sh, 3, pol, sc, worked)
    _applicant_limit(book, sh, row + 1, pol)


# --------------------------------------------------------------------------- limit review

REVIEW_CUSTOMER = "PT Berkah Abadi"
"""The customer whose limit utilisation the review asks for (the worked case's customer)."""
RV_WIDTHS = [4, 24, 16, 16, 16, 12, 16, 13, 12, 40]
"""Review columns: No, customer, limit, open balance, available, utilisation, over limit?,
invoices in escalation, hold orders?, notes."""
RV_FIRST = 7  # zero-based row of the first customer


@dataclass(frozen=True)
class ReviewAnswers:
    """The limit review at ``AS_OF``: per customer (customer-master order) and the exercises."""

    table: pd.DataFrame  # customer, credit_limit, open_ar, available, utilisation, over, late, hold
    over_limit: int
    largest_excess: float
    largest_excess_customer: str
    total_excess: float
    escalated: int
    held: int
    utilisation: float


def review_answers(lang: str = "en") -> ReviewAnswers:
    """The credit review of the customer master against the ledger, and the order-hold rule.

    Open balance, available limit, utilisation and over-limit come from
    :func:`~xl_ar.core.credit_review.credit_review`; the invoices that hold orders are the
    undisputed open invoices at least :data:`~xl_ar.workshop.terms.ORDER_HOLD_DPD` days past
    due (:func:`~xl_ar.core.open_items.open_items`).

    Examples
    --------
    >>> a = review_answers()
    >>> a.over_limit, a.largest_excess_customer, a.largest_excess, a.escalated, a.held
    (3, 'CV Mitra Abadi', 28845800.0, 3, 4)
    """
    master = customers_frame(lang)
    review = _review(lang).set_index("customer")
    items = open_items(core_ledger(lang), AS_OF)
    late = items[
        (items["days_past_due"] >= ORDER_HOLD_DPD)
        & (items["outstanding"] > 0)
        & ~items[s.DISPUTED].astype(bool)
    ]
    names = master.iloc[:, 0]
    table = review.loc[names, ["credit_limit", "open_ar", "available", "utilisation", "over_limit"]]
    table = table.rename(columns={"over_limit": "over"}).reset_index()
    table["late"] = table["customer"].map(late.groupby(s.CUSTOMER).size()).fillna(0).astype(int)
    table["hold"] = table["over"] | (table["late"] > 0)
    excess = -table["available"].where(table["over"])
    worst = int(excess.idxmax())
    return ReviewAnswers(
        table=table,
        over_limit=int(table["over"].sum()),
        largest_excess=float(excess[worst]),
        largest_excess_customer=str(table.loc[worst, "customer"]),
        total_excess=float(excess.sum()),
        escalated=int((table["late"] > 0).sum()),
        held=int(table["hold"].sum()),
        utilisation=float(review.loc[REVIEW_CUSTOMER, "utilisation"]),
    )


def _yes_no(flag: bool, lang: str) -> str:
    return pick(YES_NO[0] if flag else YES_NO[1], lang)


def _review_row(book: Book, sh: Sheet, r: int, refs: LedgerRefs, cells: dict[str, str],
                values: pd.Series | None) -> None:  # fmt: skip
    """One customer row: native formulas with the core's values (``values``) or yellow cells."""
    lang = book.lang
    yes, no = (pick(x, lang) for x in YES_NO)
    d, g, h = (a1(r, c) for c in (3, 6, 7))
    disputed_no = pick(("Tidak", "No"), lang)
    formulas = [
        (f"=SUMIF({refs.col('customer')},{a1(r, 1)},{refs.col('balance')})", "open_ar", "rp"),
        (f"={a1(r, 2)}-{d}", "available", "rp"),
        (f"={d}/{a1(r, 2)}", "utilisation", "pct"),
        (f'=IF({d}>{a1(r, 2)},"{yes}","{no}")', "over", "text"),
        (
            f'=COUNTIFS({refs.col("customer")},{a1(r, 1)},{refs.col("balance")},">0",'
            f'{refs.col("disputed")},"{disputed_no}",{refs.col("due_date")},'
            f'"<="&({cells["as_of"]}-{cells["hold"]}))',
            "late",
            "int",
        ),
        (f'=IF(OR({g}="{yes}",{h}>0),"{yes}","{no}")', "hold", "text"),
    ]
    for k, (formula, key, style) in enumerate(formulas):
        if values is None:
            sh.write((r, 3 + k), None, f"input_{style}")
            continue
        value = values[key]
        if key in ("over", "hold"):
            value = _yes_no(bool(value), lang)
        elif key == "late":
            value = int(value)
        else:
            value = float(value)
        sh.formula((r, 3 + k), formula, expected=value, style=style)


def _review_sheet(book: Book, refs: LedgerRefs) -> str:
    """The limit review sheet; returns the customers range (header + rows) for the check sheet."""
    t = book.t
    a = review_answers(book.lang)
    sh = titled_sheet(
        book,
        ("Tinjauan Limit", "Limit Review"),
        ("Tinjauan batas kredit per tanggal data", "Credit-limit review at the data date"),
        widths=RV_WIDTHS,
        intro=(
            "Bandingkan saldo terbuka setiap pelanggan (sheet Data) dengan batas kreditnya "
            "(master pelanggan), lalu terapkan aturan penahanan pesanan (sheet Kebijakan bagian "
            f"{SECTIONS['rules']}). Eksposur di sini = saldo terbuka (tidak ada pesanan yang "
            "belum ditagih).",
            "Compare each customer's open balance (Data sheet) with its credit limit (customer "
            "master), then apply the order-hold rule (Policy sheet, section "
            f"{SECTIONS['rules']}). Exposure here = the open balance (no unbilled orders).",
        ),
        last_col=8,
    )
    escalation = STAGES["escalation"][0]
    cells = dict(
        zip(
            ("as_of", "hold"),
            label_values(
                sh,
                3,
                [
                    (("Tanggal data", "Data date"), None, None),
                    (
                        (
                            f"Tahan pesanan mulai (hari lewat jatuh tempo, tahap {escalation[0]})",
                            f"Hold orders from (days past due, {escalation[1]} stage)",
                        ),
                        ORDER_HOLD_DPD,
                        "int",
                    ),
                ],
                label=(1, 4),
            ),
            strict=True,
        )
    )
    sh.formula(cells["as_of"], f"={refs.as_of_cell}", expected=AS_OF, style="date")
    cells = {k: f"${v[0]}${v[1:]}" for k, v in cells.items()}
    header_row(
        sh,
        (RV_FIRST - 1, 0),
        ["No", ("Pelanggan", "Customer"), ("Batas kredit", "Credit limit"),
         ("Saldo terbuka", "Open balance"), ("Sisa limit", "Available"),
         ("Pemakaian", "Utilisation"), ("Melebihi limit?", "Over limit?"),
         (f"Faktur ≥ {ORDER_HOLD_DPD} hari (bukan sengketa)",
          f"Invoices {ORDER_HOLD_DPD}+ days (not disputed)"),
         ("Tahan pesanan?", "Hold orders?")],
        height=3 * LINE,
    )  # fmt: skip
    for i, row in a.table.iterrows():
        r = RV_FIRST + int(i)
        sh.write((r, 0), int(i) + 1, "int")
        sh.write((r, 1), row["customer"], None)
        sh.write((r, 2), float(row["credit_limit"]), "money")
        _review_row(book, sh, r, refs, cells, row if i == 0 else None)
    last = RV_FIRST + len(a.table) - 1
    sh.merge(
        f"{a1(RV_FIRST, 9)}:{a1(last, 9)}",
        t(
            (
                "Baris 1 sudah berisi rumus (lihat rumusnya): salin ke bawah untuk pelanggan "
                "lain. Saldo terbuka = SUMIF kolom Sisa sheet Data (nota kredit ikut "
                "mengurangi).",
                "Row 1 holds the formulas (look at them): copy them down for the other "
                "customers. Open balance = SUMIF of the Data sheet's Balance column (credit "
                "notes reduce it).",
            )
        ),
        "note",
    )
    col = {k: f"{a1(RV_FIRST, c, absolute=True)}:{a1(last, c, absolute=True)}"
           for k, c in (("name", 1), ("avail", 4), ("over", 6), ("late", 7), ("hold", 8))}  # fmt: skip
    yes = t(YES_NO[0])
    questions = [
        (
            ("Berapa pelanggan yang saldo terbukanya melebihi batas kredit?",
             "How many customers have an open balance above their credit limit?"),
            a.over_limit, "count", f'=COUNTIF({col["over"]},"{yes}")',
        ),
        (
            ("Kelebihan terbesar di atas batas kredit (Rp)", "The largest excess over a credit limit (Rp)"),
            a.largest_excess, "money", f"=-MIN({col['avail']})",
        ),
        (
            ("Pelanggan dengan kelebihan terbesar (ketik namanya)",
             "The customer with the largest excess (type the name)"),
            a.largest_excess_customer, "text",
            f"=INDEX({col['name']},MATCH(MIN({col['avail']}),{col['avail']},0))",
        ),
        (
            ("Total kelebihan di atas limit, semua pelanggan yang melebihi (Rp)",
             "Total excess over the limits of all customers above them (Rp)"),
            a.total_excess, "money", f'=-SUMIF({col["avail"]},"<0")',
        ),
        (
            (f"Berapa pelanggan yang punya faktur ≥ {ORDER_HOLD_DPD} hari lewat jatuh tempo "
             "(bukan sengketa)?",
             f"How many customers have an invoice {ORDER_HOLD_DPD} or more days past due (not "
             "disputed)?"),
            a.escalated, "count", f'=COUNTIF({col["late"]},">0")',
        ),
        (
            ("Berapa pelanggan yang pesanan barunya harus ditahan (melebihi limit atau ada "
             f"faktur ≥ {ORDER_HOLD_DPD} hari)?",
             "How many customers must have their new orders held (over the limit, or an "
             f"invoice {ORDER_HOLD_DPD}+ days past due)?"),
            a.held, "count", f'=COUNTIF({col["hold"]},"{yes}")',
        ),
        (
            (f"Pemakaian limit {REVIEW_CUSTOMER} (saldo terbuka / batas kredit)",
             f"Limit utilisation of {REVIEW_CUSTOMER} (open balance / credit limit)"),
            a.utilisation, "pct", ("kolom Pemakaian", "the Utilisation column"),
        ),
    ]  # fmt: skip
    top = last + 2
    sh.write((top, 0), t(("Latihan", "Exercises")), "h1")
    put(sh, top + 1, (1, 5), t(("Pertanyaan", "Question")), "header")
    sh.row((top + 1, 6), [t(("Jawaban Anda", "Your answer")), "✓"], "header")
    put(sh, top + 1, (8, 9), t(("Petunjuk", "Hint")), "header")
    for i, (question, answer, kind, hint) in enumerate(questions):
        shown = _shown(hint, book.lang) if isinstance(hint, str) else hint
        ask(sh, top + 2 + i, question, answer, kind, shown, q=(1, 5), at=6, h=(8, 9))
    sh.freeze = (RV_FIRST, 2)
    first_header = RV_FIRST - 1
    return f"{a1(first_header, 1, absolute=True)}:{a1(last, 2, absolute=True)}"


def _shown(formula: str, lang: str) -> str:
    """A formula as the book's language types it (``;`` between arguments in Indonesian)."""
    return formula.replace(",", ";") if lang == "id" else formula


def _data_sheet(book: Book) -> LedgerRefs:
    sh = book.sheet("Data")
    refs = write_ledger(book, sh, top=3, table_name=book.t(("tblPiutang", "tblLedger")))
    paragraph(
        sh,
        "D2",
        11,
        (
            "Buku besar piutang yang sama dengan modul lain; Sisa = saldo per tanggal data, "
            "nota kredit bernilai negatif.",
            "The same AR ledger as the other modules; Balance = balance at the data date, "
            "credit notes are negative.",
        ),
    )
    return refs


# --------------------------------------------------------------------------- check sheet


def _check_sheet(book: Book, refs: LedgerRefs, customers: str) -> None:
    """The last sheet: ``AR_*`` cells that recompute the answers (open it at the end)."""
    t, lang = book.t, book.lang
    case = APPLICANT
    score, res = case.score(), case.limit()
    sh = titled_sheet(
        book,
        CHECK_SHEET,
        ("Cek jawaban dengan add-in xl-ar", "Check your answers with the xl-ar add-in"),
        widths=[4, 34, 22, 20, 24, 20],
        intro=(
            "Buka sheet ini setelah Anda selesai: fungsi add-in xl-ar menghitung skor, limit "
            "dan tinjauan limit dari data yang sama. Tanpa add-in selnya menampilkan #NAME?.",
            "Open this sheet after you finish: the xl-ar add-in's functions compute the score, "
            "the limit and the limit review from the same data. Without the add-in the cells "
            "show #NAME?.",
        ),
    )
    sh.write((3, 0), t(("A. Skor 5C dan batas kredit pemohon", "A. The applicant's 5 C's score "
                        "and credit limit")), "h1")  # fmt: skip
    rows = case.profile(lang)
    header_row(sh, (4, 1), [("Label", "Label"), ("Nilai", "Value")], height=LINE)
    for i, (label, value, style) in enumerate(rows):
        sh.write((5 + i, 1), label)
        sh.write((5 + i, 2), value, style)
    profile = f"{a1(4, 1)}:{a1(4 + len(rows), 2)}"
    c_scores = f"{a1(6, 2)}:{a1(10, 2)}"
    header_row(sh, (4, 4), [("Hasil add-in", "Add-in result"), ("Nilai", "Value")], height=LINE)
    results = [
        (("Skor tertimbang", "Weighted score"), f"=INDEX(AR_CREDIT_SCORE({c_scores}),1,2)",
         round(score.score, 9), "number"),
        (("Peringkat", "Grade"), f"=INDEX(AR_CREDIT_SCORE({c_scores}),2,2)", score.grade, "bold"),
        (("Limit direkomendasikan", "Recommended limit"), f"=AR_CREDIT_LIMIT({profile})",
         res.recommended_limit, "rp"),
    ]  # fmt: skip
    formula_rows(sh, 5, results, label=(4, 4), at=5)
    r = 5 + len(rows) + 1
    sh.write((r, 0), t(("B. Tinjauan limit", "B. Limit review")), "h1")
    review = _review(lang)
    header_row(sh, (r + 1, 1), [("Pelanggan", "Customer"), ("Batas kredit", "Credit limit"),
                                ("Saldo terbuka", "Open balance"), ("Sisa limit", "Available")],
               height=LINE)  # fmt: skip
    call = f"AR_CREDIT_REVIEW({customers},{refs.table},{refs.as_of_cell})"
    columns = list(review.columns)
    for i, rec in review.iterrows():
        rr = r + 2 + int(i)
        for c, key, style in ((1, "customer", None), (2, "credit_limit", "money"),
                              (3, "open_ar", "money"), (4, "available", "money")):  # fmt: skip
            value = rec[key] if key == "customer" else float(rec[key])
            sh.formula((rr, c), f"=INDEX({call},{int(i) + 2},{columns.index(key) + 1})",
                       expected=value, style=style)  # fmt: skip
    paragraph(
        sh,
        (r + 2 + len(review), 1),
        5,
        (
            "AR_CREDIT_REVIEW mengurutkan pelanggan dari eksposur terbesar; sisa limit negatif "
            "= melebihi limit.",
            "AR_CREDIT_REVIEW sorts the customers by exposure, largest first; a negative "
            "available limit = over the limit.",
        ),
    )


# --------------------------------------------------------------------------- build


def _cover(book: Book) -> None:
    add_cover(
        book,
        TITLE,
        [
            (
                "Merumuskan elemen kunci kebijakan kredit: termin, diskon, limit, persyaratan",
                "Set the key elements of a credit policy: terms, discounts, limits, requirements",
            ),
            (
                "Menyusun formulir aplikasi kredit dan klausul perjanjian",
                "Draft a credit application form and the agreement's clauses",
            ),
            (
                "Menilai pelanggan dengan 5C dari bukti (panduan skor, skor tertimbang, peringkat)",
                "Assess a customer with the 5 C's from evidence (guide, weighted score, grade)",
            ),
            (
                "Menetapkan batas kredit dengan beberapa metode dan memilih yang menentukan",
                "Set a credit limit with several methods and find the binding one",
            ),
            (
                "Meninjau pemakaian limit dan menahan pesanan sesuai kebijakan",
                "Review limit utilisation and hold orders by the policy",
            ),
        ],
        [
            (
                "Sheet 'Kebijakan': pelajari kebijakan dan panduan skor; hitung biaya diskon "
                "(1 latihan).",
                "Sheet 'Policy': study the policy and the scoring guide; price a discount "
                "(1 exercise).",
            ),
            (
                "Sheet 'Formulir Aplikasi': template untuk diskusi (tanpa cek jawaban).",
                "Sheet 'Application Form': a template to discuss (no answer checks).",
            ),
            (
                "Sheet 'Skor 5C': pelajari contoh A, lalu ukur dan beri skor pemohon B.",
                "Sheet '5C Scorecard': study example A, then measure and score applicant B.",
            ),
            (
                "Sheet 'Batas Kredit': pelajari contoh A, lalu hitung setiap metode untuk B.",
                "Sheet 'Credit Limit': study example A, then compute every method for B.",
            ),
            (
                "Sheet 'Tinjauan Limit': bandingkan saldo setiap pelanggan (sheet Data) dengan "
                "limitnya.",
                "Sheet 'Limit Review': compare each customer's balance (Data sheet) with its "
                "limit.",
            ),
            (
                f"Sheet '{CHECK_SHEET[0]}' (terakhir): buka setelah selesai untuk memeriksa "
                "dengan add-in.",
                f"Sheet '{CHECK_SHEET[1]}' (the last one): open it when you finish to check "
                "with the add-in.",
            ),
            ("Skor Anda (jumlah ✓) tampil di atas.", "Your score (number of ✓) shows above."),
        ],
    )


def _title_rows(book: Book) -> None:
    """Make row 1 of every sheet with a 16-point title tall enough for it (24 points)."""
    for sheet in book.sheets[1:]:
        if any(r == 0 and cell.style == "title" for (r, _), cell in sheet.cells.items()):
            grow_row(sheet, 0, TITLE_HEIGHT)


def build(lang: str) -> Book:
    """Build the module 2 workbook in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : {"id", "en"}

    Returns
    -------
    Book
        Cover, policy, application form, 5 C's scorecard, credit limit, limit review, ledger
        and check sheets.
    """
    book = Book("module_2", lang, pick(TITLE, lang))
    _cover(book)
    worked = worked_case()
    pol = _policy_sheet(book)
    _form_sheet(book)
    sc = _score_sheet(book, pol, worked)
    _limit_sheet(book, pol, sc, worked)
    refs = _data_sheet(book)
    customers = _review_sheet(book, refs)
    book.sheets.append(book.sheets.pop(-2))  # the ledger after the review that reads it
    _check_sheet(book, refs, sheet_ref(book.t(("Tinjauan Limit", "Limit Review")), customers))
    autofit_book(book)
    _title_rows(book)
    return book
