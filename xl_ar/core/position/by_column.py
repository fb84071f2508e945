"""The customer master against the ledger at a date: who is missing on either side.

Kept in ``position`` because "a ledger customer missing from the master" counts only the
customers with open items at the date (:func:`~xl_ar.core.position.open_items.open_mask`);
the join itself is :func:`~xl_ar.core.ledger.customer_master.match_master`.
"""

from __future__ import annotations

from typing import Any

from xl_ar.core.base.options import as_date
from xl_ar.core.ledger.customer_master import MasterMatch, ensure_master, match_master
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, open_mask

__all__ = ["master_match_at", "master_notes"]


def master_match_at(
    ledger: Any, master: Any, as_of: Any, *, tolerance: float = DEFAULT_TOLERANCE
) -> MasterMatch:
    """:func:`match_master` with ``missing`` = ledger customers with open items at ``as_of``.

    Examples
    --------
    >>> led = [["Customer", "Invoice Date", "Due Date", "Amount", "Paid"],
    ...        ["A", "2024-01-01", "2024-01-31", 100, 100], ["B", "2024-01-05", "2024-02-04", 50, 0]]
    >>> master_match_at(led, [["Customer"], ["C"]], "2024-03-31").missing
    ('B',)
    """
    led = ensure_ledger(ledger)
    keep, _ = open_mask(led, as_date(as_of), tolerance=tolerance)
    return match_master(led, ensure_master(master), among=keep)


def master_notes(
    ledger: Any, master: Any, as_of: Any, lang: str = "en", limit: int | None = 5
) -> tuple[str, ...]:
    """The unmatched names both ways as note lines (empty when everything matches).

    ``limit``: names quoted per line, the rest counted ("and 40 more"); ``None`` quotes all.

    Examples
    --------
    >>> led = [["Customer", "Invoice Date", "Due Date", "Amount"], ["B", "2024-01-05", "2024-02-04", 50]]
    >>> master_notes(led, [["Customer"], ["C"]], "2024-03-31")  # doctest: +NORMALIZE_WHITESPACE
    ("1 ledger customer with open items is not in the customer master: 'B'",
     "1 customer of the customer master has no ledger rows: 'C'")
    """
    return master_match_at(ledger, master, as_of).notes(lang, limit)
