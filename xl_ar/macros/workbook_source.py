"""Where a ribbon macro finds its input in the open workbook (through xlwings).

The ledger rule, first match wins:

1. the **current selection**, when it is more than one cell and its first row looks like a
   ledger header (at least 3 recognised headers, :func:`xl_ar.core.base.columns.header_score`);
2. the **Excel table** (ListObject) that contains the active cell;
3. a sheet named ``Ledger``, ``Piutang``, ``Buku Piutang`` or ``AR`` (any case), its used range;
4. the **active sheet**'s used range, when one of its first rows looks like a ledger header.

Otherwise :class:`LedgerNotFound` says so in one line. Sheets that xl-ar generated itself are
never read as input (not even a selection on them). Values are read with ``.options(ndim=2).value`` (always a list of row
lists, empty cells ``None``).

:func:`find_table` finds the other inputs by sheet name: :data:`INPUT_SHEETS` names the
sheets of each table a report takes (:data:`xl_ar.reports.inputs.INPUTS`): customers and
credit limits (:data:`CUSTOMER_SHEETS`) and payments (:data:`PAYMENT_SHEETS`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from xl_ar.core import header_score
from xl_ar.errors import XlArError

__all__ = [
    "CUSTOMER_SHEETS",
    "INPUT_SHEETS",
    "LEDGER_SHEETS",
    "PAYMENT_SHEETS",
    "LedgerNotFound",
    "LedgerRange",
    "find_ledger",
    "find_ledger_range",
    "find_table",
    "is_generated",
]

LEDGER_SHEETS = ("Ledger", "Piutang", "Buku Piutang", "AR")
CUSTOMER_SHEETS = ("Limit", "Plafon", "Customers", "Pelanggan")
PAYMENT_SHEETS = ("Pembayaran", "Payments")
#: A bank statement export pasted as it is (title block included): read as the payments.
BANK_SHEETS = ("Mutasi Bank", "Mutasi Rekening", "Bank Statement")
ACTIVITY_SHEETS = ("Aktivitas", "Activity", "Log Penagihan")
DISPUTE_SHEETS = ("Sengketa", "Disputes")
#: Input name (:data:`xl_ar.reports.inputs.INPUTS`) → the sheet names it is read from.
INPUT_SHEETS: dict[str, tuple[str, ...]] = {
    "customers": CUSTOMER_SHEETS,
    "payments": (*PAYMENT_SHEETS, *BANK_SHEETS),
    "activity": ACTIVITY_SHEETS,
    "disputes": DISPUTE_SHEETS,
    "giro": ("Giro", "Giro Mundur", "Bilyet Giro", "Giro in Hand"),
}
HEADER_MIN_SCORE = 3
HEADER_ROWS = 20  # how far down a sheet the header row may be


class LedgerNotFound(XlArError):
    """No ledger in the workbook by the documented rule."""


class LedgerRange(NamedTuple):
    """Rows read from the workbook, where they came from, and their first worksheet row."""

    rows: list[list[Any]]
    source: str
    first_row: int


def find_ledger(book: Any, selection: Any = None, *, lang: str = "id") -> tuple[list, str]:
    """The ledger's rows (header included) and a one-line description of where they were.

    ``selection`` defaults to ``book.selection``. See the module docstring for the rule.
    """
    found = find_ledger_range(book, selection, lang=lang)
    return found.rows, found.source


def find_ledger_range(book: Any, selection: Any = None, *, lang: str = "id") -> LedgerRange:
    """Like :func:`find_ledger`, plus the worksheet row of the first row (for messages)."""
    if selection is None:
        selection = book.selection
    if selection is not None and not is_generated(selection.sheet):
        if selection.count > 1:
            rows = _rows(selection)
            if rows and header_score(rows[0]) >= HEADER_MIN_SCORE:
                where = _where(selection)
                text = f"pilihan {where}" if lang == "id" else f"selection {where}"
                return LedgerRange(rows, text, selection.row)
        table = _table_at(selection)
        if table is not None:
            block = table.range
            where = f"{table.name} ({_where(block)})"
            text = f"tabel {where}" if lang == "id" else f"table {where}"
            return LedgerRange(_rows(block), text, block.row)
    sheet = _sheet_named(book.sheets, LEDGER_SHEETS)
    if sheet is not None:
        return _sheet_range(sheet)
    active = book.sheets.active
    if not is_generated(active):
        found = _sheet_range(active)
        if any(header_score(r) >= HEADER_MIN_SCORE for r in found.rows[:HEADER_ROWS]):
            return found
    if lang == "id":
        message = (
            "Buku piutang tidak ditemukan: pilih tabelnya, atau beri nama sheet "
            "'Piutang' atau 'Ledger'"
        )
    else:
        message = "No ledger found: select it, or name its sheet 'Ledger' or 'Piutang'"
    raise LedgerNotFound(message)


def find_table(book: Any, names: Iterable[str]) -> LedgerRange | None:
    """The used range of the first sheet whose name is one of ``names`` (any case), or None.

    For example ``find_table(book, CUSTOMER_SHEETS)`` or ``find_table(book, PAYMENT_SHEETS)``.
    """
    sheet = _sheet_named(book.sheets, tuple(names))
    return None if sheet is None else _sheet_range(sheet)


def is_generated(sheet: Any) -> bool:
    """Whether xl-ar created this sheet (see :mod:`xl_ar.reports.render_live`)."""
    from xl_ar.reports.render_live import is_generated as marked

    return marked(sheet)


def _rows(rng: Any) -> list[list[Any]]:
    value = rng.options(ndim=2).value
    return [list(r) for r in value] if value else []


def _where(rng: Any) -> str:
    return f"{rng.sheet.name}!{rng.address.replace('$', '')}"


def _sheet_range(sheet: Any) -> LedgerRange:
    used = sheet.used_range
    text = f"sheet {sheet.name}"
    return LedgerRange(_rows(used), text, used.row)


def _sheet_named(sheets: Any, names: tuple[str, ...]) -> Any:
    wanted = [n.casefold() for n in names]
    candidates = {s.name.strip().casefold(): s for s in sheets if not is_generated(s)}
    for name in wanted:
        if name in candidates:
            return candidates[name]
    return None


def _table_at(selection: Any) -> Any:
    row, col = selection.row, selection.column  # the active cell is the selection's first
    for table in selection.sheet.tables:
        block = table.range
        rows, cols = block.shape
        if block.row <= row < block.row + rows and block.column <= col < block.column + cols:
            return table
    return None
