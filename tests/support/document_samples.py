"""Samples and readers for the documents tests (a helper, not a test module)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from docx import Document as open_docx

from xl_ar.documents.settings import DocumentSettings

__all__ = ["HOSTILE", "LEDGER", "MASTER", "SETTINGS", "docx_tables", "docx_text"]

#: A customer name that looks like Jinja, XML and a formula.
HOSTILE = "=PT <Maju> & {{ x }} {% if %}"

LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    [HOSTILE, "F-101", "2024-10-01", "2024-10-31", 1_500_000.0],
    [HOSTILE, "F-102", "2024-11-01", "2024-11-30", 725_500.0],
    ["CV Baru", "F-201", "2024-12-01", "2024-12-27", 250_000.0],
    ["UD Tanpa Surel", "F-301", "2024-11-01", "2024-12-01", 99_000.0],
]

MASTER = pd.DataFrame(
    {
        "customer": [HOSTILE, "CV Baru", "UD Tanpa Surel"],
        "pic": ["Budi", "Jane", None],
        "email": ["ar@maju.example; Fin <fin@maju.example>", "jane@baru.example", None],
        "address": ["Jl. Sudirman 1, Jakarta", "Jl. Baru 2", None],
        "virtual_account": ["8808 1234 5678", None, None],
        "language": ["id", "en", None],
    }
)

SETTINGS = DocumentSettings(
    company="PT Sinar Niaga", signatory="Rina Wati", signatory_title="Manajer Keuangan",
    bank="BCA", bank_account="123-456-789", account_name="PT Sinar Niaga",
    auditor="KAP Budi & Rekan", auditor_address="Jakarta", smtp_from="ar@sinar.example",
)  # fmt: skip


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a .docx, one per line."""
    doc = open_docx(str(path))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append(" | ".join(c.text for c in row.cells))
    return "\n".join(lines)


def docx_tables(path: Path) -> list[list[list[str]]]:
    """The tables of a .docx as rows of cell texts."""
    return [[[c.text for c in row.cells] for row in t.rows] for t in open_docx(str(path)).tables]
