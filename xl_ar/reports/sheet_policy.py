"""The credit-policy sheet: the policy as an editable ``label | value | description`` range.

The ``label`` and ``value`` columns read back as a ``policy`` range
(``=AR_CREDIT_LIMIT(profile, 'Kebijakan Kredit'!A4:B50)`` on the sheet ``xl-ar policy -o``
writes, header row included, or ``xl-ar report --policy``);
the grade table below them shows the score range, limit percentages and decision per grade.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from xl_ar.core import (
    discount_cost,
    discount_cost_label,
    grade_table,
    plain_number,
    policy_table,
    read_policy,
)
from xl_ar.reports.model import ColumnFormat, Sheet, Table

__all__ = ["credit_policy_sheet"]

_GRADE_HEADERS: dict[str, tuple[str, str]] = {
    "grade": ("Peringkat", "Grade"),
    "min_score_100": ("Skor minimum (0-100)", "Minimum score (0-100)"),
    "min_score": ("Skor minimum (skala)", "Minimum score (scale)"),
    "pct_net_worth": ("% kekayaan bersih", "% of net worth"),
    "pct_working_capital": ("% modal kerja", "% of working capital"),
    "pct_annual_sales": ("% penjualan tahunan", "% of annual sales"),
    "decision": ("Keputusan", "Decision"),
}
_GRADE_FORMATS: dict[str, ColumnFormat] = {
    "grade": "text", "min_score_100": "days", "min_score": "ratio", "pct_net_worth": "pct",
    "pct_working_capital": "pct", "pct_annual_sales": "pct", "decision": "text",
}  # fmt: skip


def credit_policy_sheet(policy: Any = None, settings: Any = None) -> Sheet:
    """The policy's settings (values as they read back) and its grade table.

    ``policy``: ``None`` (the default policy), a :class:`~xl_ar.core.credit.credit_policy.CreditPolicy`
    or a policy range (:func:`~xl_ar.core.credit.credit_policy.read_policy`). ``settings``
    is not used (every builder takes it).

    Examples
    --------
    >>> s = credit_policy_sheet()
    >>> [t.name for t in s.tables], list(s.tables[0].frame.columns)
    (['policy', 'grades'], ['label', 'value', 'description'])
    """
    chosen = read_policy(policy)
    discount = _discount_table(chosen)
    settings = policy_table(chosen)
    settings["value"] = settings["value"].astype(object)
    settings["description"] = pd.Series(  # each language shows its own text
        list(zip(policy_table(chosen, "id")["description"], policy_table(chosen, "en")["description"],
                 strict=True)), dtype=object,
    )  # fmt: skip
    return Sheet(
        key="credit_policy",
        name=("Kebijakan Kredit", "Credit Policy"),
        title=("Kebijakan Kredit", "Credit Policy"),
        notes=(
            (
                "Kolom label dan value dapat diubah dan dibaca kembali sebagai kebijakan "
                "(argumen policy)",
                "The label and value columns can be edited and read back as a policy "
                "(the policy argument)",
            ),
        ),
        tables=(
            Table(
                "policy",
                settings,
                {
                    "label": ("label", "label"),  # as read_policy reads them back
                    "value": ("value", "value"),
                    "description": ("Keterangan", "Description"),
                },
                {"label": "text", "value": "general", "description": "text"},
            ),
            Table("grades", grade_table(chosen), _GRADE_HEADERS, _GRADE_FORMATS),
            *discount,
        ),
    )


def _discount_table(policy: Any) -> tuple[Table, ...]:
    """The annualised cost of the policy's early-payment discount in each convention (none
    without a discount).

    Examples
    --------
    >>> t = _discount_table(read_policy({"discount": "2%", "discount_days": 10, "net_days": 30}))
    >>> [(row[0][1], round(row[1], 4)) for row in t[0].frame.values.tolist()]  # doctest: +NORMALIZE_WHITESPACE
    [('2/10 net 30: simple, 360 days', 0.3673), ('2/10 net 30: simple, 365 days', 0.3724),
     ('2/10 net 30: effective, 360 days', 0.4386), ('2/10 net 30: effective, 365 days', 0.4459)]
    """
    if not policy.discount > 0:
        return ()
    term = (
        f"{plain_number(round(policy.discount * 100, 10))}/{plain_number(policy.discount_days)} "
        f"net {plain_number(policy.net_days)}"
    )
    rows = []
    for method in ("simple", "effective"):
        for basis in (360, 365):
            cost = discount_cost(policy.discount, policy.discount_days, policy.net_days, basis,
                                 method)  # fmt: skip
            label = (f"{term}: {discount_cost_label(method, basis, 'id')}",
                     f"{term}: {discount_cost_label(method, basis, 'en')}")  # fmt: skip
            rows.append((label, cost))
    frame = pd.DataFrame({"label": [r[0] for r in rows], "cost": [r[1] for r in rows]})
    frame["label"] = frame["label"].astype(object)
    headers = {
        "label": ("Biaya tahunan diskon pembayaran cepat", "Annualised cost of the early-payment discount"),
        "cost": ("Biaya per tahun", "Cost a year"),
    }  # fmt: skip
    return (Table("discount_cost", frame, headers, {"label": "text", "cost": "pct"}),)
