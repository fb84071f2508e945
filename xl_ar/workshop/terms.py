"""One term list for every workshop workbook (Bahasa Indonesia, English).

Modules show the same thing under the same name: aging buckets, collection stages, payer
ratings, write-off. Keys are the core's own (``aging`` bucket labels, strategy stage keys,
``worklist`` payer ratings), so a module maps the core's output through these tables instead
of printing raw keys.

Examples
--------
>>> bucket_name(">90", "id"), bucket_name("Current", "en")
('Di atas 90 hari', 'Current')
>>> stage_name("escalation", "id"), rating_name("poor", "en")
('Eskalasi', 'Poor')
>>> ORDER_HOLD_DPD
46
"""

from __future__ import annotations

from xl_ar.core import default_strategy
from xl_ar.workshop.book import pick

__all__ = [
    "ALLOWANCE",
    "BUCKETS",
    "CHECK_SHEET",
    "ORDER_HOLD_DPD",
    "RATINGS",
    "STAGES",
    "WRITE_OFF",
    "WRITE_OFF_SHORT",
    "bucket_name",
    "rating_name",
    "stage_channel",
    "stage_name",
    "stage_owner",
]

BUCKETS: dict[str, tuple[str, str]] = {
    "Current": ("Belum jatuh tempo", "Current"),
    "1-30": ("1-30 hari", "1-30 days"),
    "31-60": ("31-60 hari", "31-60 days"),
    "61-90": ("61-90 hari", "61-90 days"),
    ">90": ("Di atas 90 hari", "Over 90 days"),
}
"""Core aging bucket label → display name. No name starts with ``<``/``>``: SUMIFS and
COUNTIFS would read such a criterion as a comparison."""

STAGES: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    # stage key: (name, channel, owner)
    "preventive": (
        ("Preventif (sebelum jatuh tempo)", "Preventive (before due)"),
        ("Email / WhatsApp", "Email / WhatsApp"),
        ("Staf AR", "AR staff"),
    ),
    "early": (
        ("Penagihan dini", "Early collection"),
        ("Email + telepon", "Email + phone"),
        ("Staf AR", "AR staff"),
    ),
    "overdue": (
        ("Penagihan lanjutan", "Overdue follow-up"),
        ("Telepon + surat", "Phone + letter"),
        ("Kolektor", "Collector"),
    ),
    "escalation": (
        ("Eskalasi", "Escalation"),
        ("Surat peringatan + kunjungan", "Final letter + visit"),
        ("Manajer AR", "AR manager"),
    ),
    "legal": (
        ("Hukum / pihak ketiga", "Legal / third party"),
        ("Somasi; agen penagihan", "Formal demand; collection agency"),
        ("Manajer Keuangan + Legal", "Finance manager + legal"),
    ),
    "write_off": (
        ("Tinjauan penghapusan", "Write-off review"),
        ("Internal", "Internal"),
        ("Direktur Keuangan", "Finance director"),
    ),
}
"""Default strategy stage key → (name, channel, owner), each ``(id, en)``."""

RATINGS: dict[str, tuple[str, str]] = {
    "good": ("Baik", "Good"),
    "average": ("Sedang", "Average"),
    "poor": ("Buruk", "Poor"),
    "unrated": ("Belum dinilai", "Unrated"),
}
"""Worklist payer rating → display name."""

ALLOWANCE = ("CKPN (PSAK 71)", "Expected credit loss allowance (PSAK 71)")
"""The loss allowance on receivables, named the same way in every module."""

WRITE_OFF = ("Penghapusan piutang", "Write-off")
WRITE_OFF_SHORT = ("Penghapusan", "Write-off")
"""Short form of :data:`WRITE_OFF`, e.g. a column header holding the amount written off."""

CHECK_SHEET = ("Cek dengan xl-ar", "Check with xl-ar")
"""Name of the last sheet: the ``AR_*`` cells that reproduce exercise answers (open it last)."""

ORDER_HOLD_DPD = int(default_strategy().set_index("stage").loc["escalation", "min_dpd"])
"""Days past due from which new orders are held (the strategy's escalation stage)."""


def bucket_name(label: str, lang: str) -> str:
    """Display name of a core aging bucket label (``"Current"``, ``"1-30"``, ``">90"``)."""
    return pick(BUCKETS[label], lang)


def stage_name(stage: str, lang: str) -> str:
    """Display name of a strategy stage key (``"preventive"`` ... ``"write_off"``)."""
    return pick(STAGES[stage][0], lang)


def stage_channel(stage: str, lang: str) -> str:
    """Contact channel of a default strategy stage, in one language."""
    return pick(STAGES[stage][1], lang)


def stage_owner(stage: str, lang: str) -> str:
    """Owner of a default strategy stage, in one language."""
    return pick(STAGES[stage][2], lang)


def rating_name(rating: str, lang: str) -> str:
    """Display name of a worklist payer rating (``"good"``, ``"average"``, ``"poor"``)."""
    return pick(RATINGS[rating], lang)
