"""Module 3's shared pieces: the core facts of a build, sheet titles, hint helpers."""

from __future__ import annotations

from typing import Any

from xl_ar.core import (
    assess,
    credit_review,
    days_late,
    default_strategy,
    open_items,
    read_policy,
    worklist,
)
from xl_ar.workshop.data import AS_OF, core_ledger
from xl_ar.workshop.layout import titled_sheet

Text = tuple[str, str]

"""Height of row 1 (a 16-point title), so the row-2 note does not overlap it."""
WORKED_STAGE = "escalation"
"""Stage of the worked letter and of the Rupiah interest example (it charges interest)."""


COURSE_RATE = 0.12
"""The course's sales contract: 12 % a year late interest from the escalation stage on (the
core's default strategy charges none until a contract rate is set)."""


def course_strategy() -> Any:
    """The default strategy with the course contract's late interest (:data:`COURSE_RATE`)."""
    st = default_strategy()
    st.loc[st["stage"].isin(["escalation", "legal"]), "annual_rate"] = COURSE_RATE
    return st


def hint_sep(lang: str) -> str:
    """The argument separator of formula hints: ``;`` in Indonesian, ``,`` in English."""
    return ";" if lang == "id" else ","


def core_facts(lang: str) -> dict[str, Any]:
    """Everything the sheets need from the core, computed once per build."""
    led = core_ledger(lang)
    items = open_items(led, AS_OF)
    review = credit_review([["Customer", "Credit Limit"]], led, AS_OF)
    customers = assess(led, AS_OF).customers.set_index("customer")
    return {
        "led": led,
        "items": items,
        "worklist": _ranked(worklist(led, AS_OF, lang=lang)),
        "strategy": course_strategy(),
        "late": days_late(led),
        "review": review.sort_values("customer", kind="stable").reset_index(drop=True),
        "customers": customers,
        "policy": read_policy(None),
    }


def _ranked(table: Any) -> Any:
    """The worklist rows ranked for dunning: the exercise computes their priority (a
    customer whose every overdue invoice is disputed follows them, unranked)."""
    return table[table["stage"] != "dispute"].reset_index(drop=True)


titled = titled_sheet  # the renderer makes every title row tall enough
