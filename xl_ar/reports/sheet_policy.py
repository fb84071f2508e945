"""The credit-policy sheet: the policy as an editable ``label | value | description`` range.

The ``label`` and ``value`` columns read back as a ``policy`` range
(``=AR_CREDIT_LIMIT(profile, 'Kebijakan Kredit'!A4:B50)`` on the sheet ``xl-ar policy -o``
writes, header row included, or ``xl-ar report --policy``);
the grade table below them shows the score range, limit percentages and decision per grade.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from xl_ar.core import grade_table, policy_table, read_policy
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
        ),
    )
