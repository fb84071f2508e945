"""One ``.xlsx`` statement of account per customer, for sending.

:func:`write_statement_books` renders each :class:`~xl_ar.core.AccountStatement` as a
workbook of its own (the statements sheet of :mod:`xl_ar.reports.sheet_statement` with one
block, through :func:`xl_ar.reports.render_file.render_file`), named predictably:
``statement_<customer>_<YYYY-MM-DD>.xlsx`` in English, ``rekening_<customer>_<YYYY-MM-DD>.xlsx``
in Indonesian (the end date; the currency code is added for a customer owing in several, a
counter for two names giving the same file name).

Files are written as every output of xl-ar is (:mod:`xl_ar.core.base.outputs`): never over an
input, never half-written. A file of that name that xl-ar did not write (a workbook without its
mark) is never replaced: the run stops before writing anything and says which file is in the
way. A workbook xl-ar wrote (an earlier run) is replaced.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import xl_ar
from xl_ar.core import (
    AccountStatement,
    check_output,
    file_slug,
    output_folder,
    quote_excerpt,
)
from xl_ar.errors import XlArError
from xl_ar.reports.model import GENERATED_MARK, Report
from xl_ar.reports.render_file import render_file
from xl_ar.reports.sheet_statement import master_values, statement_sheet

__all__ = [
    "PREFIX",
    "book_names",
    "is_generated_file",
    "statement_book_targets",
    "write_statement_books",
]

#: The file name's first word, by language.
PREFIX = {"id": "rekening", "en": "statement"}


def book_names(
    statements: Sequence[AccountStatement], lang: str | Sequence[str] = "id"
) -> list[str]:
    """The file name of each statement's workbook (see the module), all distinct; ``lang``:
    one language, or one per statement.

    Examples
    --------
    >>> import pandas as pd
    >>> day = pd.Timestamp("2024-12-31")
    >>> sts = [AccountStatement("PT. Maju", day, day, c, 0.0, 0.0, pd.DataFrame(), pd.DataFrame(),
    ...                         pd.DataFrame()) for c in ("IDR", "USD")]
    >>> book_names(sts, "en")
    ['statement_PT_Maju_IDR_2024-12-31.xlsx', 'statement_PT_Maju_USD_2024-12-31.xlsx']
    """
    langs = [lang] * len(statements) if isinstance(lang, str) else list(lang)
    several = _repeated(statements)
    names: list[str] = []
    seen: set[str] = set()
    for st, code in zip(statements, langs, strict=True):
        parts = [PREFIX["en" if code == "en" else "id"], file_slug(st.customer)]
        if st.customer in several and st.currency:
            parts.append(st.currency)
        stem = "_".join([*parts, st.end.date().isoformat()])
        name, n = f"{stem}.xlsx", 1
        while name.lower() in seen:  # two names with one slug: a counter, never a clash
            n += 1
            name = f"{stem}_{n}.xlsx"
        seen.add(name.lower())
        names.append(name)
    return names


def _repeated(statements: Sequence[AccountStatement]) -> set[str]:
    """Customers with more than one statement (one per currency)."""
    counts: dict[str, int] = {}
    for st in statements:
        counts[st.customer] = counts.get(st.customer, 0) + 1
    return {c for c, n in counts.items() if n > 1}


def is_generated_file(path: Path) -> bool:
    """Whether ``path`` is a workbook xl-ar wrote (its custom property :data:`GENERATED_MARK`).

    Examples
    --------
    >>> import tempfile
    >>> other = Path(tempfile.mkdtemp()) / "mine.xlsx"
    >>> _ = other.write_text("not a workbook")
    >>> is_generated_file(other)
    False
    """
    try:
        with zipfile.ZipFile(path) as book:
            text = book.read("docProps/custom.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return re.search(rf'name="{GENERATED_MARK}"', text) is not None


def write_statement_books(
    statements: Sequence[AccountStatement],
    out_dir: str | Path,
    *,
    lang: str = "id",
    settings: Any = None,
    master: Any = None,
    inputs: Iterable[str | Path | None] = (),
    source: str = "",
) -> list[Path]:
    """Write one ``.xlsx`` per statement into ``out_dir`` (created if needed); return the paths.

    Parameters
    ----------
    statements : sequence of AccountStatement
    out_dir : str or pathlib.Path
    lang : {'id', 'en'}, default 'id'
    settings : Settings or mapping, optional
        The remittance details (``bank``, ``bank_account``, ``account_name``) and ``company``.
    master : customer master, optional
        Its ``virtual_account`` column gives each customer's virtual account, its
        ``language`` column the language of that customer's workbook (else ``lang``).
    inputs : iterable of paths
        The files the run read: never written over.
    source : str
        Where the ledger came from, for the About sheet.

    Raises
    ------
    XlArError
        A file of the same name that xl-ar did not write, an input named as output, an
        unwritable folder: before any file is written.

    Examples
    --------
    >>> import tempfile
    >>> from xl_ar.core import account_statements
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["PT Maju", "2024-12-02", "2025-01-01", 1500000.0]]
    >>> sts = account_statements(rows, "2024-12-01", "2024-12-31")
    >>> [p.name for p in write_statement_books(sts, tempfile.mkdtemp(), lang="en")]
    ['statement_PT_Maju_2024-12-31.xlsx']
    """
    inputs = list(inputs)
    targets, langs = statement_book_targets(
        statements, out_dir, lang=lang, master=master, inputs=inputs
    )
    company = _company(settings)
    paths = []
    for st, target, code in zip(statements, targets, langs, strict=True):
        sheet = statement_sheet([st], _with_currency(settings, st.currency), master)
        report = Report(
            sheets=(sheet,), as_of=st.end, source=source,
            conventions={"period": f"{st.start.date()} to {st.end.date()}"},
            version=xl_ar.__version__, company=company, currency=st.currency,
        )  # fmt: skip
        paths.append(render_file(report, target, lang=code, inputs=inputs, what="the statement"))
    return paths


def statement_book_targets(
    statements: Sequence[AccountStatement],
    out_dir: str | Path,
    *,
    lang: str = "id",
    master: Any = None,
    inputs: Iterable[str | Path | None] = (),
) -> tuple[list[Path], list[str]]:
    """The workbook :func:`write_statement_books` would write for each statement, and its
    language, every one checked (nothing written; the folder is created if needed).

    Raises
    ------
    XlArError
        As :func:`write_statement_books`, before any file is written.

    Examples
    --------
    >>> import tempfile
    >>> from xl_ar.core import account_statements
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["PT Maju", "2024-12-02", "2025-01-01", 1500000.0]]
    >>> sts = account_statements(rows, "2024-12-01", "2024-12-31")
    >>> targets, langs = statement_book_targets(sts, tempfile.mkdtemp())
    >>> [t.name for t in targets], langs
    (['rekening_PT_Maju_2024-12-31.xlsx'], ['id'])
    """
    if lang not in ("id", "en"):
        raise XlArError(f"lang must be 'id' or 'en', not {quote_excerpt(lang)}")
    inputs = list(inputs)
    folder = output_folder(out_dir, inputs=inputs)
    langs = [
        code if code in ("id", "en") else lang
        for code in master_values([st.customer for st in statements], master, "language")
    ]
    targets = [folder / name for name in book_names(statements, langs)]
    for target in targets:  # every target checked before the first file is written
        check_output(target, inputs=inputs, suffixes=(".xlsx",), what="the statement")
        if target.exists() and not is_generated_file(target):
            raise XlArError(
                f"will not overwrite {target}: xl-ar did not write it; move it away or use "
                "another folder"
            )
    return targets, langs


def _company(settings: Any) -> str | None:
    if settings is None:
        return None
    value = settings.get("company") if isinstance(settings, dict) else getattr(
        settings, "company", None
    )  # fmt: skip
    return None if value in (None, "") else str(value)


def _with_currency(settings: Any, currency: str | None) -> dict[str, Any]:
    """The settings as a mapping, with the statement's currency (its amounts note)."""
    keys = ("bank", "bank_account", "account_name", "company")
    if isinstance(settings, dict):
        out = {k: settings.get(k) for k in keys}
    else:
        out = {k: getattr(settings, k, None) for k in keys}
    return {**out, "currency": currency}
