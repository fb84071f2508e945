"""The hotel case's ratios: what the trainee computes each year and the hotel's targets."""

from __future__ import annotations

from dataclasses import dataclass

from xl_ar.core import plain_number
from xl_ar.workshop.book import pick
from xl_ar.workshop.terms import WRITE_OFF


@dataclass(frozen=True)
class Metric:
    """A ratio the trainee computes each year, and the hotel's target for it."""

    key: str
    label: tuple[str, str]
    short: tuple[str, str]  # for the answer key's questions
    formula: tuple[str, str]  # how to compute it, in words
    kind: str  # exercise kind: ratio, days, pct
    target: float
    at_least: bool  # True: the value must be >= target; False: <= target

    def target_text(self, lang: str) -> str:
        """The target as the sheets show it, e.g. ``≥ 9×``, ``≤ 40 hari``, ``≤ 5%``."""
        sign = "≥" if self.at_least else "≤"
        if self.kind == "pct":
            number = f"{plain_number(self.target * 100)}%"
        elif self.kind == "days":
            number = f"{plain_number(self.target)} {pick(('hari', 'days'), lang)}"
        else:
            number = f"{plain_number(self.target)}×"
        return f"{sign} {number}"


METRICS: tuple[Metric, ...] = (
    Metric(
        "rto",
        ("Perputaran piutang (RTO), kali", "Receivable turnover (RTO), times"),
        ("RTO", "RTO"),
        (
            "Penjualan kredit ÷ rata-rata piutang; rata-rata = (awal + akhir) ÷ 2",
            "Credit sales ÷ average AR; average = (beginning + ending) ÷ 2",
        ),
        "ratio",
        9.0,
        True,
    ),
    Metric(
        "acp",
        ("Periode penagihan rata-rata (ACP), hari", "Average collection period (ACP), days"),
        ("ACP", "ACP"),
        (
            "360 ÷ RTO = 360 × rata-rata piutang ÷ penjualan kredit",
            "360 ÷ RTO = 360 × average AR ÷ credit sales",
        ),
        "days",
        40.0,
        False,
    ),
    Metric(
        "arrears",
        ("Rasio tunggakan", "Arrears ratio"),
        ("Rasio tunggakan", "Arrears ratio"),
        (
            "Piutang lewat jatuh tempo per 31 Des ÷ penjualan kredit",
            "Past-due AR at 31 Dec ÷ credit sales",
        ),
        "pct",
        0.05,
        False,
    ),
    Metric(
        "collection",
        ("Rasio penagihan", "Collection ratio"),
        ("Rasio penagihan", "Collection ratio"),
        (
            "Kas tertagih ÷ (piutang awal + penjualan kredit)",
            "Cash collected ÷ (beginning AR + credit sales)",
        ),
        "pct",
        0.85,
        True,
    ),
    Metric(
        "bad_debt",
        ("Rasio piutang tak tertagih", "Bad-debt ratio"),
        ("Rasio piutang tak tertagih", "Bad-debt ratio"),
        (
            f"{WRITE_OFF[0]} ÷ penjualan kredit",
            f"{WRITE_OFF[1]}s ÷ credit sales",
        ),
        "pct",
        0.01,
        False,
    ),
)
"""The five ratios of the case, with the hotel's targets (RTO 9× ⇔ ACP 360/9 = 40 days)."""


def meets(metric: Metric, value: float) -> bool:
    """Whether ``value`` meets ``metric``'s target (``>=`` or ``<=`` as the metric says)."""
    return value >= metric.target if metric.at_least else value <= metric.target
