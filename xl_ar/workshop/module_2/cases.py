"""The credit cases: the worked existing customer and the new applicant, with their evidence."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from xl_ar.core import (
    C_NAMES,
    LimitResult,
    ScoreResult,
    credit_limit,
    credit_review,
    credit_score,
    rupiah,
)
from xl_ar.workshop.book import pick
from xl_ar.workshop.data import AS_OF, core_ledger, customers_frame
from xl_ar.workshop.module_2.common import C_LABELS, POLICY, T
from xl_ar.workshop.module_2.guide import GUIDE, collateral_score

__all__ = ["APPLICANT", "WORKED", "Case", "Evidence", "master_review", "worked_case"]


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
    review = master_review().set_index("customer").loc[WORKED.customer]
    evidence = replace(WORKED.evidence, days_late=(float(review["weighted_days_late"]),))
    limit = float(review["credit_limit"])
    facts = tuple(
        (idn.format(limit=rupiah(limit, "id")), en.format(limit=rupiah(limit, "en")))
        for idn, en in WORKED.facts
    )
    return replace(WORKED, evidence=evidence, exposure=float(review["exposure"]), facts=facts)


def master_review(lang: str = "en") -> pd.DataFrame:
    """The core's credit review of the customer master against the ledger at ``AS_OF``."""
    return credit_review(customers_frame(lang), core_ledger(lang), AS_OF, policy=POLICY)
