"""The credit policy as a worksheet: a label | value | description range users can edit.

The sheet reads back as a ``policy`` range: ``=AR_CREDIT_LIMIT(profile, Kebijakan!A3:B48)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook

from xl_ar.core.base.outputs import safe_output
from xl_ar.core.credit.credit_policy import CreditPolicy, grade_table, policy_table
from xl_ar.report.xlsx_report import WORKBOOK_OPTIONS

SHEET_POLICY = "Kebijakan Kredit"


def add_policy_sheet(book: Workbook, policy: CreditPolicy | None = None) -> Any:
    """Add the policy sheet to an open XlsxWriter workbook; returns the worksheet.

    Row 1 is a title, row 2 the header (``label | value | description``), the settings
    follow, then the grade table below them.
    """
    ws = book.add_worksheet(SHEET_POLICY)
    bold = book.add_format({"bold": True})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1})
    title = book.add_format({"bold": True, "font_size": 13})
    ws.write_string(0, 0, "Kebijakan Kredit / Credit Policy", title)
    table = policy_table(policy)
    for col, name in enumerate(table.columns):
        ws.write_string(1, col, name, head)
    for r, (label, value, description) in enumerate(table.itertuples(index=False), start=2):
        ws.write_string(r, 0, label)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            ws.write_number(r, 1, float(value))
        else:
            ws.write_string(r, 1, str(value))
        ws.write_string(r, 2, description)
    start = len(table) + 4
    grades = grade_table(policy)
    ws.write_string(start - 1, 0, "Peringkat / Grades", bold)
    for col, name in enumerate(grades.columns):
        ws.write_string(start, col, str(name), head)
    for r, row in enumerate(grades.itertuples(index=False), start=start + 1):
        for col, value in enumerate(row):
            if isinstance(value, float):
                if value == value:  # NaN stays blank
                    ws.write_number(r, col, value)
            else:
                ws.write_string(r, col, str(value))
    ws.set_column(0, 0, 26)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 2, 90)
    ws.freeze_panes(2, 0)
    return ws


def write_policy_workbook(path: str | Path, policy: CreditPolicy | None = None) -> Path:
    """Write a workbook holding only the policy sheet.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> write_policy_workbook(pathlib.Path(tempfile.mkdtemp()) / "policy.xlsx").name
    'policy.xlsx'
    """
    path = Path(path)
    with (
        safe_output(path, suffixes=(".xlsx",), what="the policy sheet") as temp,
        xlsxwriter.Workbook(str(temp), WORKBOOK_OPTIONS) as book,
    ):
        add_policy_sheet(book, policy)
    return path
