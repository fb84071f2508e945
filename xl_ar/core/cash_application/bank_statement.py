"""Read a bank's own statement export (*mutasi rekening*) into the receipts cash is applied from.

:func:`read_bank_statement` takes what :func:`~xl_ar.core.base.sources.read_grid` takes (row
lists *with* the title block above the header, a DataFrame, a ``.csv``/``.xlsx`` path) in the
layouts of :mod:`xl_ar.core.cash_application.bank_layouts` (BCA, Mandiri, BRI, BNI and a
generic one), found from the header row and the title block, or forced with ``bank=``.

What it does with the file, and never silently:

* **Title block** (and footer): account number, account name, currency, the statement
  period (``Periode : 01/12/2024 - 31/12/2024``), opening and closing balances (``Saldo Awal``,
  ``Saldo Akhir``, ``Opening/Closing Balance``) and the footer totals (``Mutasi Kredit``,
  ``Mutasi Debet``).
* **Dates** without a year (BCA's ``02/01``) get the year from the period, a period crossing
  a year end included (``28/12`` → 2024 and ``02/01`` → 2025 for 15/12/2024 - 15/01/2025);
  without a period they are refused with one line asking for it (the year is never guessed
  from today). ``PEND`` in the date column marks a pending line.
* **Amounts**: separate debit and credit columns, one signed amount, an amount with a
  ``CR``/``DB`` (``D``/``K``, ``D``/``C``) column or suffix (``17,325,000.00 CR``); text in the
  ``en`` (``17,325,000.00``) or Indonesian (``17.325.000,00``) number format, ``Rp`` allowed
  (:func:`~xl_ar.core.base.amounts.parse_amounts`, one decision for the whole file).
* **Balances**: the opening balance plus the credits less the debits of *every* line must give
  the closing balance (from the title/footer, else the first/last running balance); the
  difference is :attr:`BankStatement.balance_difference` and a note. A running-balance column is
  checked line by line: a line whose balance does not follow from the line above is named in a
  note.
* **Left out** of the receipts, with the reason: debits, pending lines, and reversed credits
  together with their reversal (a ``REVERSAL``/``KOREKSI``/``BATAL`` line of the opposite
  direction and the same amount as an earlier line), and credits given back by a debit of the
  same amount: a bounced giro (``TOLAKAN KLIRING BG``, ``DITOLAK``) or a returned transfer
  (``RETUR``, ``RETURN``), paired by the same giro/cheque number or reference when it has one.
* **Effective date**: a value-date column later than the posting date, or a giro/cheque
  (``BG``, ``Bilyet Giro``, ``Cek``) whose description gives ``jatuh tempo dd/mm/yyyy``.

Examples
--------
>>> rows = [["Mutasi Rekening KlikBCA Bisnis"], ["Periode : 01/12/2024 - 31/12/2024"],
...         ["Tanggal", "Keterangan", "Cabang", "Jumlah", "Saldo"],
...         ["02/12", "TRSF E-BANKING CR PT MAJU JAYA", "0000", "1,500,000.00 CR", "2,500,000.00"],
...         ["03/12", "BIAYA ADM", "0000", "6,500.00 DB", "2,493,500.00"]]
>>> st = read_bank_statement(rows)
>>> st.bank, st.receipts.amount.tolist(), st.left_out.reason.tolist(), st.balance_difference
('bca', [1500000.0], ['debit'], 0.0)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.amounts import parse_amounts, to_cents
from xl_ar.core.base.cells import blank_mask, cell_text, quote_excerpt, to_text
from xl_ar.core.base.columns import listed_headers, normalize_header
from xl_ar.core.base.dates import parse_dates
from xl_ar.core.base.schema import ParsedColumn
from xl_ar.core.base.sources import HEADER_SEARCH_ROWS, read_table_file
from xl_ar.core.base.text import grouped_number
from xl_ar.core.cash_application import bank_layouts as lay
from xl_ar.core.cash_application.bank_layouts import BANK_NAMES, BANKS, bank_marks, title_bank
from xl_ar.core.cash_application.payments import PAYMENT_COLUMNS, ensure_payments
from xl_ar.core.ledger.currency import currency_code
from xl_ar.core.ledger.problems import ProblemLog, describe
from xl_ar.errors import LedgerError, MissingColumnError, OptionError, XlArError

__all__ = [
    "BANKS",
    "LEFT_OUT_REASONS",
    "LINE_STATUSES",
    "BankStatement",
    "detect_bank",
    "ensure_receipts",
    "read_bank_statement",
]

#: The status of each line of :attr:`BankStatement.lines`.
LINE_STATUSES = ("receipt", "debit", "pending", "reversed", "reversal")
#: Why a line is not a receipt (:attr:`BankStatement.left_out`).
LEFT_OUT_REASONS = ("debit", "pending", "reversed", "reversal")

_TABLE_KIND = "xl_ar_table"  # the marker read_payments puts on its tables (ensure_payments)
_MONEY = (lay.DEBIT, lay.CREDIT, lay.AMOUNT, lay.BALANCE, lay.OPENING)
_MAX_NAMED = 3  # lines named in one note

# --- title block and footer -------------------------------------------------------------------
_DATE_TEXT = (
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{2,4}"
)
_PERIOD = re.compile(
    # a word or two may follow the label: BRI's "Periode Transaksi :", "Tanggal Mutasi :"
    rf"(?:periode|period|statement period|tanggal|date)\b(?:\s+[A-Za-z]+){{0,2}}[^0-9A-Za-z]*"
    rf"({_DATE_TEXT})\s*"
    rf"(?:-|–|s\.?/?d\.?|sampai(?: dengan)?|hingga|to|until)\s*({_DATE_TEXT})",
    re.IGNORECASE,
)
_ACCOUNT = re.compile(
    r"(?:no\.?\s*rek(?:ening)?\.?|nomor\s+rekening|account\s*(?:no|number|#)\.?|norek)"
    r"\s*[:=]?\s*'?([0-9][0-9 .\-]{2,30}[0-9])",
    re.IGNORECASE,
)
_NAME = re.compile(
    r"^\s*(?:nama(?:\s+rekening|\s+nasabah|\s+pemilik)?|account\s+name|name)\s*[:=]\s*(.+?)\s*$",
    re.IGNORECASE,
)
_CURRENCY = re.compile(
    r"(?:kode\s+mata\s+uang|mata\s+uang|currency|valuta|ccy)\s*[:=]?\s*([A-Za-z]{2,3})\b",
    re.IGNORECASE,
)
#: Labels of the balance and total lines of a title block or footer (letters only, lower case).
_SUMMARY = {
    "saldoawal": "opening",
    "openingbalance": "opening",
    "beginningbalance": "opening",
    "saldoakhir": "closing",
    "closingbalance": "closing",
    "endingbalance": "closing",
    "mutasikredit": "credits",
    "totalkredit": "credits",
    "totalcredit": "credits",
    "totalcredits": "credits",
    "mutasidebet": "debits",
    "mutasidebit": "debits",
    "totaldebet": "debits",
    "totaldebit": "debits",
    "totaldebits": "debits",
}
_LETTERS = re.compile(r"[^a-z]+")
_PUNCT = re.compile(r"^[\s:=.\-]*$")

# --- lines ------------------------------------------------------------------------------------
_YEARLESS = r"(\d{1,2})[/.-](\d{1,2})"
_PENDING = ("PEND", "PENDING")
_SUFFIX = r"(?i)(?<=[\d)\-\s])\s*(CR|DB|DR|D|K|C)\.?\s*$"
_HAS_SUFFIX = r"(?i)\d[\d.,]*\)?\s*(?:CR|DB|DR)\.?\s*$"
_CREDIT_MARKS = {"CR", "C", "K", "KR", "KREDIT", "CREDIT", "+"}
_DEBIT_MARKS = {"DB", "D", "DR", "DEBET", "DEBIT", "-"}
_REVERSAL = r"(?i)\b(?:reversal|reversed|reverse|koreksi|batal|pembatalan|cancel(?:led|lation)?)\b"
#: A debit that gives a credit back: a bounced giro/cheque (``TOLAKAN KLIRING BG``, ``DITOLAK``),
#: a returned transfer (``RETUR``, ``RETURN``). Debits only (a credit ``RETUR`` may be a payment
#: net of returned goods); ``REFUND`` is left out on purpose: it pays an overpayment back, the
#: receipt itself stands.
_BOUNCE = r"(?i)\b(?:tolakan|ditolak|penolakan|tolak|retur|return(?:ed)?|bounced?|dishonou?red)\b"
#: The giro/cheque number of a line (``BG 556677``, ``Cek No. CA123456``): pairs a bounce with
#: its deposit.
_INSTRUMENT = (
    r"(?i)\b(?:bg|bilyet\s*giro|giro|cek|cheque|check)\b\.?\s*(?:no\.?\s*)?([A-Z]{0,3}\d{4,})"
)
_GIRO = r"(?i)\b(?:bg|bilyet\s*giro|giro|cek|cheque|check)\b"
_DUE = (
    r"(?i)(?:jatuh\s*tempo|jth\.?\s*tempo|jt\.?\s*tempo|due(?:\s*date)?|tgl\.?\s*efektif)"
    rf"\s*[:.]?\s*({_DATE_TEXT})"
)


@dataclass(frozen=True, eq=False)
class BankStatement:
    """A bank statement as read: its title block, every line, the receipts, what was left out.

    Attributes
    ----------
    bank : str
        One of :data:`BANKS`.
    account, account_name, currency : str or None
        From the title block (the currency also from a currency column).
    period_start, period_end : pandas.Timestamp or None
        The statement period of the title block.
    opening, closing : float or None
        Opening and closing balances as the file gives them (title block, footer, else the
        first/last running balance); ``None`` when the file has none.
    lines : pandas.DataFrame
        Every movement line; index ``row`` (the spreadsheet row); columns ``date``,
        ``effective_date``, ``description``, ``reference``, ``debit``, ``credit`` (≥ 0),
        ``balance``, ``status`` (one of :data:`LINE_STATUSES`).
    receipts : pandas.DataFrame
        The credit lines kept, shaped as :func:`~xl_ar.core.cash_application.payments.read_payments`
        reads a payments table: ``payment, date, amount, customer, memo`` plus
        ``effective_date`` and ``currency``.
    left_out : pandas.DataFrame
        ``date, description, amount, reason`` (one of :data:`LEFT_OUT_REASONS`).
    balance_difference : float or None
        ``closing − (opening + Σ credit − Σ debit)`` to the cent; ``None`` without balances.
    notes : tuple of str
        What the reader found or decided (a balance mismatch, the year of year-less dates ...).
    """

    bank: str
    account: str | None
    account_name: str | None
    currency: str | None
    period_start: pd.Timestamp | None
    period_end: pd.Timestamp | None
    opening: float | None
    closing: float | None
    lines: pd.DataFrame
    receipts: pd.DataFrame
    left_out: pd.DataFrame
    balance_difference: float | None
    notes: tuple[str, ...] = ()


# --------------------------------------------------------------------------- scanning


@dataclass
class _Scan:
    """A source's rows, its header row, the columns found and the bank it looks like."""

    frame: pd.DataFrame  # object cells by position, index = user row numbers
    at: int  # position of the header row in frame
    headers: list[object]
    found: dict[str, list[int]]
    title: list[list[object]]  # the rows above the header, as cells
    bank: str | None  # detected, None: not a bank statement
    named: str | None  # the bank the title block names
    marks: dict[str, int]
    notes: tuple[str, ...] = ()


def _frame_of(source: object, sheet: str | int | None) -> tuple[pd.DataFrame, tuple[str, ...]]:
    if isinstance(source, (str, Path)):
        table = read_table_file(source, sheet=sheet)
        frame = table.frame.astype(object)
        frame.index = pd.Index(table.numbers, name="row")
        return frame, table.notes
    if isinstance(source, pd.DataFrame):
        start = int(source.index[0]) - 1 if source.index.name == "row" and len(source) else 1
        rows = [list(source.columns), *source.astype(object).to_numpy().tolist()]
        frame = pd.DataFrame(rows, dtype=object)
        frame.columns = range(frame.shape[1])
        frame.index = pd.RangeIndex(start, start + len(rows), name="row")
        return frame, ()
    if isinstance(source, (Sequence, np.ndarray)) and not isinstance(source, (bytes, bytearray)):
        rows = [r if isinstance(r, (list, tuple, np.ndarray)) else [r] for r in source]
        if not rows:
            raise XlArError("the range is empty: it needs a statement's header row and its lines")
        widths = set(map(len, rows))
        if len(widths) > 1 or 0 in widths:
            width = max(widths) or 1
            rows = [list(r) + [None] * (width - len(r)) for r in rows]
        frame = pd.DataFrame(rows, dtype=object)
        frame.index = pd.RangeIndex(1, 1 + len(rows), name="row")
        return frame, ()
    raise XlArError(
        f"cannot read a bank statement from {type(source).__name__}: give a range, a table "
        "or a file path"
    )


def _columns(headers: Sequence[object]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for pos, cell in enumerate(headers):
        key = lay.STATEMENT_LOOKUP.get(normalize_header(cell)) if isinstance(cell, str) else None
        if key is not None:
            found.setdefault(key, []).append(pos)
    return found


def _header_at(frame: pd.DataFrame) -> int:
    """The row among the first ones that names the most statement columns (a date and money)."""
    best, best_at = 1, -1
    head = frame.iloc[:HEADER_SEARCH_ROWS].to_numpy().tolist()
    for at, row in enumerate(head):
        found = _columns(row)
        money = any(k in found for k in (lay.DEBIT, lay.CREDIT, lay.AMOUNT))
        if lay.DATE in found and money and len(found) > best:
            best, best_at = len(found), at
    return best_at


def _scan(source: object, sheet: str | int | None = None) -> _Scan:
    frame, notes = _frame_of(source, sheet)
    at = _header_at(frame)
    if at < 0:
        top = frame.iloc[0].tolist() if len(frame) else []
        return _Scan(frame, -1, top, {}, [], None, None, {}, notes)
    headers = frame.iloc[at].tolist()
    found = _columns(headers)
    _unnamed_direction(frame, at, found)
    title = frame.iloc[:at].to_numpy().tolist()
    title_text = " ".join(_row_text(r) for r in title)
    named = title_bank(title_text)
    marks = bank_marks(headers)
    best = max(marks.values())
    leaders = [b for b, n in marks.items() if n == best and best > 0]
    if lay.CUSTOMER in found and best == 0:
        bank: str | None = None  # a payments table (a customer column), whatever its title says
    elif named is not None:
        bank = named
    elif len(leaders) == 1:
        bank = leaders[0]
    else:
        bank = "generic" if _statement_like(frame, at, found, title_text) else None
    return _Scan(frame, at, headers, found, title, bank, named, marks, notes)


def _unnamed_direction(frame: pd.DataFrame, at: int, found: dict[str, list[int]]) -> None:
    """KlikBCA's ``CR``/``DB`` in an unnamed column right after ``Jumlah`` is the direction."""
    if lay.DIRECTION in found or lay.AMOUNT not in found:
        return
    pos = found[lay.AMOUNT][0] + 1
    if pos >= frame.shape[1] or cell_text(frame.iat[at, pos]) is not None:
        return
    values = to_text(frame.iloc[at + 1 :, pos]).dropna().str.upper().str.strip(" .")
    if len(values) and values.isin(_CREDIT_MARKS | _DEBIT_MARKS).mean() >= 0.5:
        found[lay.DIRECTION] = [pos]


def _statement_like(frame: pd.DataFrame, at: int, found: dict, title_text: str) -> bool:
    """A table with no bank's marks still looks like a statement (not a payments table)."""
    if lay.CUSTOMER in found:
        return False
    if (lay.DEBIT in found and lay.CREDIT in found) or lay.DIRECTION in found:
        return True
    if lay.CREDIT in found and lay.AMOUNT not in found:  # a receipts-only export (Kredit)
        return True
    if lay.BALANCE in found or _PERIOD.search(title_text) or _ACCOUNT.search(title_text):
        return True
    if lay.AMOUNT in found:
        sample = to_text(frame.iloc[at + 1 : at + 1 + HEADER_SEARCH_ROWS, found[lay.AMOUNT][0]])
        return bool(sample.str.contains(_HAS_SUFFIX, regex=True, na=False).any())
    return False


def _row_text(row: Sequence[object]) -> str:
    return " ".join(t for t in map(cell_text, row) if t)


def _check_bank(bank: object, *, payments: bool = False) -> str:
    choices = ("auto", *BANKS, *(("payments",) if payments else ()))
    key = bank.strip().lower() if isinstance(bank, str) else ""
    if key not in choices:
        raise OptionError(f"bank must be one of {', '.join(choices)}, not {quote_excerpt(bank)}")
    return key


def detect_bank(source: Any, *, sheet: str | int | None = None) -> str | None:
    """Which bank's statement ``source`` is (one of :data:`BANKS`), or ``None``.

    The bank named in the title block wins; else the headers only one bank writes; else
    ``"generic"`` for a table that still looks like a statement (debit and credit columns, a
    ``CR``/``DB`` column or suffix, a balance column, an account or period in the title).
    ``None``: not a bank statement (e.g. a payments table with a customer column).

    Examples
    --------
    >>> detect_bank([["Post Date", "Value Date", "Branch", "Journal No.", "Description",
    ...               "Amount", "Db/Cr", "Balance"]])
    'bni'
    >>> detect_bank([["Tanggal", "Pelanggan", "Jumlah"], ["01/12/2024", "PT A", 100]]) is None
    True
    """
    if isinstance(source, BankStatement):
        return source.bank
    return _scan(source, sheet).bank


# --------------------------------------------------------------------------- title block


def _title_facts(scan: _Scan, date_order: str) -> dict[str, Any]:
    facts: dict[str, Any] = {"account": None, "account_name": None, "currency": None}
    period = None
    for row in scan.title:
        text = _row_text(row)
        if facts["account"] is None and (m := _ACCOUNT.search(text)):
            facts["account"] = re.sub(r"[ .\-]", "", m.group(1))
        if facts["account_name"] is None and (m := _NAME.match(text)):
            facts["account_name"] = m.group(1).strip(" :=")
        if facts["currency"] is None and (m := _CURRENCY.search(text)):
            facts["currency"] = currency_code(m.group(1))
        if period is None and (m := _PERIOD.search(text)):
            period = m.groups()
    facts["period_start"] = facts["period_end"] = None
    if period is not None:
        parsed = parse_dates(list(period), date_order=date_order).values
        if parsed.notna().all() and parsed.iloc[0] <= parsed.iloc[1]:
            facts["period_start"], facts["period_end"] = parsed.iloc[0], parsed.iloc[1]
        else:
            raise XlArError(
                f"the statement period {quote_excerpt(' - '.join(period))} is not two dates "
                "in order (e.g. 'Periode : 01/12/2024 - 31/12/2024')"
            )
    return facts


def _summary_values(rows: list[tuple[int, list[object]]]) -> dict[str, list[tuple[int, object]]]:
    """``{opening|closing|credits|debits: [(row, value cell)]}`` of label rows."""
    out: dict[str, list[tuple[int, object]]] = {}
    for number, cells in rows:
        filled = [c for c in cells if cell_text(c)]
        if not filled:
            continue
        label = str(filled[0])
        head, sep, rest = label.partition(":") if ":" in label else label.partition("=")
        key = _SUMMARY.get(_LETTERS.sub("", head.lower()))
        if key is None:
            continue
        candidates: list[object] = [rest] if sep and rest.strip() else []
        candidates += [c for c in filled[1:] if not _PUNCT.match(cell_text(c) or "")]
        if candidates:
            out.setdefault(key, []).append((number, candidates[0]))
    return out


# --------------------------------------------------------------------------- reading


class _Lines:
    """The movement lines of a scanned statement, parsed column by column (vectorised)."""

    def __init__(self, scan: _Scan, date_order: str, number_format: str) -> None:
        self.scan = scan
        self.date_order = date_order
        self.number_format = number_format
        self.log = ProblemLog()
        self.notes: list[str] = list(scan.notes)
        body = scan.frame.iloc[scan.at + 1 :]
        blank = np.ones(len(body), dtype=bool)
        for col in body.columns:
            blank &= blank_mask(body[col])
        body = body[~blank]
        summary = self._summary_mask(body)
        self.footer = [
            (int(n), list(r))
            for n, r in zip(body.index[summary], body[summary].to_numpy().tolist(), strict=True)
        ]
        self.body = body[~summary]

    def _summary_mask(self, body: pd.DataFrame) -> np.ndarray:
        mask = np.zeros(len(body), dtype=bool)
        for pos in {0, self.scan.found[lay.DATE][0]}:
            text = to_text(body[pos])
            words = text.str.match(r"[A-Za-z]", na=False).to_numpy()  # not a date: may be a label
            if not words.any():
                continue
            head = text[words].str.lower().str.split(r"[:=]", n=1, regex=True).str[0]
            keys = head.str.replace(_LETTERS.pattern, "", regex=True)
            mask[np.flatnonzero(words)[keys.isin(list(_SUMMARY)).to_numpy()]] = True
        return mask

    def raw(self, canon: str) -> pd.Series | None:
        pos = self.scan.found.get(canon)
        return None if pos is None else self.body[pos[0]]

    def header(self, canon: str) -> object:
        pos = self.scan.found[canon][0]
        header = self.scan.headers[pos]
        return f"column {pos + 1}" if cell_text(header) is None else header

    def flag(self, canon: str, mask: np.ndarray, problem: str | list[str]) -> None:
        mask = np.asarray(mask, dtype=bool)
        if mask.any():
            raw = self.raw(canon)
            assert raw is not None
            self.log.add(self.body.index[mask], self.header(canon), raw[mask], problem)

    def parsed(self, canon: str, parsed: ParsedColumn) -> pd.Series:
        bad = parsed.problems.notna().to_numpy()
        self.flag(canon, bad, list(parsed.problems.to_numpy()[bad]))
        return parsed.values

    def text(self, canon: str) -> pd.Series:
        positions = self.scan.found.get(canon, [])
        if not positions:
            return pd.Series(np.nan, index=self.body.index, dtype="str")
        parts = [to_text(self.body[p]).str.lstrip("'").str.strip() for p in positions]
        out = parts[0]
        for part in parts[1:]:
            out = out.str.cat(part, sep=" ", na_rep="").str.strip()
        return out.where(out.str.len() > 0).astype("str")

    # ---- dates

    def dates(self, canon: str, period: tuple[Any, Any]) -> tuple[pd.Series, np.ndarray]:
        """Dates of a date column (NaT for pending lines) and the pending mask."""
        raw = self.raw(canon)
        assert raw is not None
        text = to_text(raw).str.lstrip("'").str.strip()
        pending = text.str.upper().isin(_PENDING).to_numpy()
        parts = text.str.fullmatch(_YEARLESS)
        yearless = parts.fillna(False).to_numpy(dtype=bool)
        cells = text.astype(object).where(text.notna().to_numpy() & ~pending, None)
        if yearless.any():
            cells = self._complete_years(cells, text, yearless, period)
        values = self.parsed(canon, parse_dates(cells, date_order=self.date_order))
        return values.astype("datetime64[ns]"), pending

    def _complete_years(
        self, cells: pd.Series, text: pd.Series, yearless: np.ndarray, period: tuple[Any, Any]
    ) -> pd.Series:
        start, end = period
        if start is None:
            example = quote_excerpt(text[yearless].iloc[0])
            raise XlArError(
                f"dates without a year (e.g. {example}) need the statement period: add the "
                "title line 'Periode : 01/12/2024 - 31/12/2024' above the header"
            )
        got = text[yearless].str.extract(_YEARLESS).astype(int)
        first, second = got[0].to_numpy(), got[1].to_numpy()
        month = first if self.date_order == "mdy" else second
        # a period crossing a year end: months from the start month on are in the first year
        year = np.where(month >= start.month, start.year, end.year)
        completed = text[yearless] + "/" + pd.Series(year, index=text[yearless].index).astype(str)
        if self.date_order == "ymd":
            completed = pd.Series(year, index=completed.index).astype(str) + "/" + text[yearless]
        cells = cells.copy()
        cells[yearless] = completed
        span = f"{start:%d/%m/%Y} - {end:%d/%m/%Y}"
        self.notes.append(f"dates without a year completed from the period {span}")
        return cells

    # ---- amounts

    def amounts(self, footer_cells: pd.Series) -> dict[str, pd.Series]:
        """Parse every money column and the footer values with one number-format decision."""
        parts: dict[str, pd.Series] = {}
        self.marks = pd.Series("", index=self.body.index)
        for canon in _MONEY:
            raw = self.raw(canon)
            if raw is None:
                continue
            if canon == lay.AMOUNT:
                raw, self.marks = _split_suffix(raw)
            parts[canon] = raw
        if len(footer_cells):
            parts["_footer"] = footer_cells
        stacked = pd.concat(parts.values(), keys=list(parts))
        parsed = parse_amounts(stacked, number_format=self.number_format)
        if parsed.note:
            self.notes.append(parsed.note)
        out: dict[str, pd.Series] = {"_footer": pd.Series([], dtype=np.float64)}
        for canon in parts:
            part = ParsedColumn(parsed.values.loc[canon], parsed.problems.loc[canon])
            if canon == "_footer":
                out[canon] = part.values
            else:
                out[canon] = self.parsed(canon, part).astype(np.float64)
        return out

    def movements(self, money: dict[str, pd.Series]) -> tuple[np.ndarray, np.ndarray]:
        """Debit and credit of each line (≥ 0), problems logged."""
        if lay.DEBIT in money or lay.CREDIT in money:
            debit = np.abs(
                money.get(lay.DEBIT, pd.Series(np.nan, index=self.body.index)).to_numpy()
            )
            credit = money.get(lay.CREDIT, pd.Series(np.nan, index=self.body.index)).to_numpy()
            if lay.CREDIT in money:
                self.flag(
                    lay.CREDIT, credit < 0, "is negative: a credit column holds amounts above zero"
                )
            debit, credit = np.nan_to_num(debit), np.nan_to_num(np.abs(credit))
            both = (debit > 0) & (credit > 0)
            canon = lay.DEBIT if lay.DEBIT in money else lay.CREDIT
            self.flag(canon, both, "has both a debit and a credit amount on one line")
            self.flag(
                canon,
                (debit == 0) & (credit == 0),
                "is blank: every line needs a debit or a credit amount",
            )
            return debit, credit
        value = money[lay.AMOUNT].to_numpy()
        sign = self._directions()
        sign = np.where(sign == 0, np.sign(np.nan_to_num(value)), sign)
        magnitude = np.abs(np.nan_to_num(value))
        self.flag(
            lay.AMOUNT,
            np.isnan(value) & ~self._bad(lay.AMOUNT),
            "is blank: every line needs an amount",
        )
        self.flag(lay.AMOUNT, (value == 0), "is zero: a line moves money")
        debit = np.where(sign < 0, magnitude, 0.0)
        credit = np.where(sign > 0, magnitude, 0.0)
        return debit, credit

    def _bad(self, canon: str) -> np.ndarray:
        table = self.log.table()
        if table.empty:
            return np.zeros(len(self.body), dtype=bool)
        header = str(self.header(canon))
        rows = table.loc[table["column"] == header, "row"].dropna().astype(int)
        return self.body.index.isin(rows.to_numpy())

    def _directions(self) -> np.ndarray:
        """+1 credit, −1 debit, 0 unknown: from the amount's suffix, else the Db/Cr column."""
        marks = self.marks.str.upper()
        raw = self.raw(lay.DIRECTION)
        if raw is not None:
            column = to_text(raw).str.upper().str.strip(" .")
            known = column.isin(_CREDIT_MARKS | _DEBIT_MARKS)
            self.flag(
                lay.DIRECTION,
                (column.notna() & ~known).to_numpy(),
                "is not a debit/credit mark (CR/DB, C/D, K/D)",
            )
            marks = marks.where(marks != "", column.fillna(""))
        credit = marks.isin(_CREDIT_MARKS).to_numpy()
        debit = marks.isin(_DEBIT_MARKS).to_numpy()
        return np.where(credit, 1.0, np.where(debit, -1.0, 0.0))


def _split_suffix(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Amount cells without a trailing ``CR``/``DB`` (``D``/``K``/``C``) and those marks."""
    text = to_text(raw)
    marks = pd.Series("", index=raw.index, dtype=object)
    ends = text.str[-1].str.isalpha() | text.str.endswith(".")  # a cheap filter first
    candidates = text[ends.fillna(False).to_numpy(dtype=bool)]
    if len(candidates) == 0:
        return raw, marks
    found = candidates.str.extract(_SUFFIX)[0]
    has = found.notna()
    number = candidates[has].str.replace(_SUFFIX, "", regex=True).str.rstrip()
    cells = raw.astype(object).copy()
    cells[number.index] = number
    marks[found[has].index] = found[has]
    return cells, marks


def _money(value: float) -> str:
    return grouped_number(value, 2)


def _read(scan: _Scan, bank: str, date_order: str, number_format: str) -> BankStatement:
    if scan.at < 0:
        raise MissingColumnError(
            "no bank statement header (a date column and a debit/credit or amount column, e.g. "
            f"'Tanggal', 'Keterangan', 'Jumlah'); first row: {listed_headers(scan.headers)}"
        )
    lines = _Lines(scan, date_order, number_format)
    if len(lines.body) == 0:
        raise XlArError("no statement lines below the header row: the range has no data")
    facts = _title_facts(scan, date_order)
    if facts["currency"] is None and lay.CURRENCY in scan.found:
        codes = to_text(lines.raw(lay.CURRENCY)).dropna().map(currency_code).dropna().unique()
        facts["currency"] = codes[0] if len(codes) == 1 else None
    summary = _summary_values([(i, list(r)) for i, r in enumerate(scan.title)] + lines.footer)
    footer_keys = [(k, i) for k, items in summary.items() for i, _ in enumerate(items)]
    footer_cells = pd.Series([summary[k][i][1] for k, i in footer_keys], dtype=object)
    period = (facts["period_start"], facts["period_end"])
    dates, pending = lines.dates(lay.DATE, period)
    value_dates = None
    if lay.VALUE_DATE in scan.found:
        value_dates, _ = lines.dates(lay.VALUE_DATE, period)
    money = lines.amounts(footer_cells)
    debit, credit = lines.movements(money)
    problems = lines.log.table()
    if not problems.empty:
        raise LedgerError(describe(problems), problems)
    description = lines.text(lay.DESCRIPTION)
    reference = lines.text(lay.REFERENCE)
    effective = _effective_dates(dates, value_dates, description, date_order)
    balance = money.get(lay.BALANCE, pd.Series(np.nan, index=lines.body.index)).to_numpy()
    table = pd.DataFrame(
        {
            "date": dates,
            "effective_date": effective,
            "description": description,
            "reference": reference,
            "debit": debit + 0.0,
            "credit": credit + 0.0,
            "balance": balance,
        },
        index=lines.body.index,
    )
    table.index.name = "row"
    notes = lines.notes
    _outside_period(dates, period, notes)
    table["status"] = _statuses(table, pending, notes)
    footer: dict[str, list[float]] = {}
    for (key, _), value in zip(footer_keys, money["_footer"].to_numpy(), strict=True):
        footer.setdefault(key, []).append(float(value))
    opening, closing, difference = _balances(table, footer, money.get(lay.OPENING), notes)
    return BankStatement(
        bank=bank,
        account=facts["account"],
        account_name=facts["account_name"],
        currency=facts["currency"],
        period_start=facts["period_start"],
        period_end=facts["period_end"],
        opening=opening,
        closing=closing,
        lines=table,
        receipts=_receipts(table, facts["currency"]),
        left_out=_left_out(table),
        balance_difference=difference,
        notes=tuple(dict.fromkeys(notes)),
    )


def _outside_period(dates: pd.Series, period: tuple[Any, Any], notes: list[str]) -> None:
    start, end = period
    if start is None:
        return
    outside = ((dates < start) | (dates > end)).to_numpy()
    if outside.any():
        first = dates.index[outside][0]
        count = int(outside.sum())
        lines = "line is" if count == 1 else "lines are"
        notes.append(
            f"{count} {lines} dated outside the period {start:%d/%m/%Y} - {end:%d/%m/%Y} "
            f"(first: row {first})"
        )


def _effective_dates(
    dates: pd.Series, value_dates: pd.Series | None, description: pd.Series, date_order: str
) -> pd.Series:
    effective = pd.Series(pd.NaT, index=dates.index, dtype="datetime64[ns]")
    if value_dates is not None:
        effective = value_dates.where(value_dates > dates)
    giro = description.str.contains(_GIRO, regex=True, na=False)
    if giro.any():
        due_text = description[giro].str.extract(_DUE)[0]
        due = parse_dates(due_text, date_order=date_order).values.astype("datetime64[ns]")
        later = due.where(due > dates[giro])
        current = effective[giro]
        effective[giro] = later.where(later.notna() & ~(current > later), current)
    return effective.astype("datetime64[ns]")


def _statuses(table: pd.DataFrame, pending: np.ndarray, notes: list[str]) -> np.ndarray:
    credit_c = to_cents(table["credit"].to_numpy(), "bank statement")
    debit_c = to_cents(table["debit"].to_numpy(), "bank statement")
    status = np.where(pending, "pending", np.where(credit_c > 0, "receipt", "debit")).astype(object)
    description = table["description"]
    bounced = description.str.contains(_BOUNCE, regex=True, na=False).to_numpy() & (debit_c > 0)
    marked = description.str.contains(_REVERSAL, regex=True, na=False).to_numpy() | bounced
    rows = table.index.to_numpy()
    days = table["date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    position = np.arange(len(table))
    numbers = description.str.extract(_INSTRUMENT)[0].str.upper().to_numpy(dtype=object)
    reference = table["reference"].astype(object).to_numpy()
    for i in np.flatnonzero(marked & ~pending):
        is_credit = credit_c[i] > 0
        amount = credit_c[i] if is_credit else debit_c[i]
        other = debit_c if is_credit else credit_c
        free = (status == "debit") if is_credit else (status == "receipt")
        # the line it reverses: same amount, other direction, not after it in time (the
        # latest such, then the nearest in the file: statements list oldest or newest first);
        # the same giro/cheque number or bank reference first
        earlier = np.flatnonzero((other == amount) & free & ~marked & (days <= days[i]))
        earlier = _same_instrument(earlier, int(i), numbers, reference)
        if len(earlier):
            nearest = np.lexsort((-np.abs(position[earlier] - i), days[earlier]))[-1]
            status[earlier[nearest]] = "reversed"
            status[i] = "reversal"
        elif is_credit:
            notes.append(
                f"row {rows[i]}: a correction with no earlier line of the same amount: kept as a "
                "receipt, check it"
            )
    return status


def _same_instrument(
    candidates: np.ndarray, i: int, numbers: np.ndarray, reference: np.ndarray
) -> np.ndarray:
    """The candidates with line ``i``'s giro/cheque number or bank reference, when some have it."""
    for key in (numbers, reference):
        if isinstance(key[i], str) and key[i]:
            same = candidates[key[candidates] == key[i]]
            if len(same):
                return same
    return candidates


def _first(values: list[float], *, last: bool = False) -> float | None:
    found = [v for v in values if not np.isnan(v)]
    return (found[-1] if last else found[0]) if found else None


def _breaks(balance: np.ndarray, movement: np.ndarray) -> bool:
    """Whether some running balance does not follow from the one before it (in this order)."""
    known = ~np.isnan(balance)
    implied = to_cents(balance[known], "bank statement") - np.cumsum(movement)[known]
    return bool((implied != implied[0]).any()) if len(implied) else False


def _balances(
    table: pd.DataFrame, footer: dict[str, list[float]], opening_column: pd.Series | None,
    notes: list[str],
) -> tuple[float | None, float | None, float | None]:  # fmt: skip
    movement = to_cents(table["credit"].to_numpy(), "bank statement") - to_cents(
        table["debit"].to_numpy(), "bank statement"
    )
    balance = table["balance"].to_numpy()
    order = np.arange(len(table))
    if _breaks(balance, movement) and not _breaks(balance[::-1], movement[::-1]):
        order = order[::-1]  # newest first: the running balances read from the bottom up
        notes.append("the lines are listed newest first (so their running balances say)")
    cum = np.cumsum(movement[order])
    known = np.flatnonzero(~np.isnan(balance[order]))
    opening = _first(footer.get("opening", []))
    closing = _first(footer.get("closing", []), last=True)
    if opening is None and opening_column is not None and opening_column.notna().any():
        opening = float(
            opening_column.to_numpy()[order][opening_column.notna().to_numpy()[order]][0]
        )
    if len(known):
        bal_c = to_cents(balance[order][known], "bank statement")
        implied = bal_c - cum[known]  # the opening balance each running balance implies
        if opening is None:
            opening = implied[0] / 100
            notes.append("opening balance taken from the first line's running balance")
        if closing is None:
            closing = (implied[-1] + cum[-1]) / 100
            notes.append("closing balance taken from the last running balance")
        running = _Running(table.index.to_numpy()[order][known], balance[order][known], cum[known])
        running.check(implied, round(opening * 100), notes)
    _check_totals(table, footer, notes)
    if opening is None or closing is None:
        return opening, closing, None
    difference_c = round(closing * 100) - (round(opening * 100) + int(cum[-1]))
    difference = difference_c / 100
    if difference_c:
        credits = table["credit"].sum()
        debits = table["debit"].sum()
        notes.append(
            f"the balances do not add up: opening {_money(opening)} + credits {_money(credits)} "
            f"− debits {_money(debits)} = {_money(opening + credits - debits)}, but the closing "
            f"balance is {_money(closing)} (difference {_money(difference)}): a line may be "
            "missing or doubled"
        )
    return float(opening), float(closing), float(difference)


def _check_totals(table: pd.DataFrame, footer: dict[str, list[float]], notes: list[str]) -> None:
    for key, column in (("credits", "credit"), ("debits", "debit")):
        total = _first(footer.get(key, []))
        got = to_cents(table[column].to_numpy(), "bank statement").sum()
        if total is not None and round(total * 100) != got:
            notes.append(
                f"the footer's total of {key} {_money(total)} differs from the lines' "
                f"{_money(got / 100)}"
            )


@dataclass(frozen=True)
class _Running:
    """The lines with a running balance, in time order: row numbers, balances, Σ movements."""

    rows: np.ndarray
    balance: np.ndarray
    cum: np.ndarray

    def check(self, implied: np.ndarray, opening_c: int, notes: list[str]) -> None:
        """Name the lines whose running balance does not follow from the line before them."""
        previous = np.concatenate([[opening_c], implied[:-1]])
        broken = np.flatnonzero(implied != previous)
        for j in broken[:_MAX_NAMED]:
            expected = (previous[j] + self.cum[j]) / 100
            notes.append(
                f"row {self.rows[j]}: the running balance {_money(self.balance[j])} does not "
                f"follow from the line before it (expected {_money(expected)})"
            )
        if len(broken) > _MAX_NAMED:
            more = len(broken) - _MAX_NAMED
            notes.append(f"{more} more lines whose running balance does not follow")


def _receipts(table: pd.DataFrame, currency: str | None) -> pd.DataFrame:
    kept = table[table["status"] == "receipt"]
    rows = kept.index.to_numpy()
    reference = kept["reference"]
    unique = reference.notna() & ~reference.duplicated(keep=False)
    ids = np.where(unique.to_numpy(), reference.to_numpy(dtype=object), [f"row {r}" for r in rows])
    memo = kept["description"].str.cat(reference, sep=" | ", na_rep="").str.strip(" |")
    memo = memo.where(memo.str.len() > 0)
    out = pd.DataFrame(
        {
            "payment": pd.Series(ids, index=kept.index, dtype="str"),
            "date": kept["date"],
            "amount": kept["credit"].astype(np.float64),
            "customer": pd.Series(np.nan, index=kept.index, dtype="str"),
            "memo": memo.astype("str"),
            "effective_date": kept["effective_date"],
            "currency": pd.Series(currency if currency else np.nan, index=kept.index, dtype="str"),
        },
        index=kept.index,
    )
    out.index.name = "row"
    out.attrs[_TABLE_KIND] = "payments"
    return out


def _left_out(table: pd.DataFrame) -> pd.DataFrame:
    out = table.loc[table["status"] != "receipt", ["date", "description"]].copy()
    rest = table.loc[out.index]
    out["amount"] = np.where(rest["credit"] > 0, rest["credit"], rest["debit"])
    out["reason"] = rest["status"].astype("str")
    out.index.name = "row"
    return out


def read_bank_statement(
    source: Any,
    *,
    bank: str = "auto",
    date_order: str = "dmy",
    number_format: str = "auto",
    sheet: str | int | None = None,
) -> BankStatement:
    """Read a bank statement export (see the module docstring for what is checked).

    Parameters
    ----------
    source : list of lists, pandas.DataFrame, str or pathlib.Path
        The statement with its title block above the header row: a range, a DataFrame or a
        ``.csv``/``.xlsx`` file.
    bank : {'auto', 'bca', 'mandiri', 'bri', 'bni', 'generic'}, default 'auto'
        The layout; ``auto`` detects it (:func:`detect_bank`). A forced bank that the file
        plainly is not (another bank's name or headers) is refused.
    date_order : {'dmy', 'mdy', 'ymd'}, default 'dmy'
        How text dates are read.
    number_format : {'auto', 'id', 'en', 'plain'}, default 'auto'
        How text amounts are read (:func:`~xl_ar.core.base.amounts.parse_amounts`).
    sheet : str or int, optional
        Worksheet of an Excel file.

    Returns
    -------
    BankStatement

    Raises
    ------
    OptionError
        An unknown ``bank``, or a forced bank the file is not.
    MissingColumnError
        No header row with a date and a debit/credit or amount column.
    LedgerError
        Cells that are not dates or amounts (the message names the first ones).
    XlArError
        Dates without a year and no statement period in the title block; an empty statement.

    Examples
    --------
    >>> st = read_bank_statement([
    ...     ["Tanggal Transaksi", "Uraian Transaksi", "Debet", "Kredit", "Saldo"],
    ...     ["02/12/2024", "TRF PT MAJU", "0,00", "1.000.000,00", "1.500.000,00"]])
    >>> st.bank, st.opening, st.closing, st.receipts.amount.tolist()
    ('bri', 500000.0, 1500000.0, [1000000.0])
    """
    forced = _check_bank(bank)
    scan = source if isinstance(source, _Scan) else _scan(source, sheet)
    return _read(scan, _resolve(scan, forced), date_order, number_format)


def _resolve(scan: _Scan, forced: str) -> str:
    if forced == "auto":
        if scan.bank is None and scan.at >= 0:
            return "generic"
        return scan.bank or "generic"
    seen = scan.named or (scan.bank if scan.bank not in (None, "generic") else None)
    if forced != "generic" and seen is not None and seen != forced and not scan.marks.get(forced):
        raise OptionError(
            f"bank '{forced}': this looks like a {BANK_NAMES[seen]} statement, not "
            f"{BANK_NAMES[forced]} (headers {listed_headers(scan.headers, 6)}): use "
            f"bank='{seen}' or 'auto'"
        )
    return forced


def ensure_receipts(
    obj: Any,
    *,
    bank: str = "auto",
    date_order: str = "dmy",
    number_format: str = "auto",
) -> tuple[pd.DataFrame, BankStatement | None]:
    """The receipts to apply: a payments table as it is, or a bank statement's receipts.

    ``bank="payments"`` reads ``obj`` as a payments table
    (:func:`~xl_ar.core.cash_application.payments.read_payments`); ``"auto"`` reads a bank
    statement when :func:`detect_bank` finds one and a payments table otherwise; a bank name
    forces that statement layout. A :class:`BankStatement` gives its receipts.

    Returns
    -------
    tuple
        ``(payments table, BankStatement or None)``.

    Examples
    --------
    >>> pay, st = ensure_receipts([["Ref", "Tanggal", "Jumlah"], ["P1", "02/12/2024", 100]])
    >>> pay.payment.tolist(), st is None
    (['P1'], True)
    """
    choice = _check_bank(bank, payments=True)
    options = {"date_order": date_order, "number_format": number_format}
    if isinstance(obj, BankStatement):
        return obj.receipts, obj
    is_payments = isinstance(obj, pd.DataFrame) and obj.attrs.get(_TABLE_KIND) == "payments"
    if choice == "payments" or (is_payments and all(c in obj.columns for c in PAYMENT_COLUMNS)):
        return ensure_payments(obj, **options), None
    scan = _scan(obj)
    if choice == "auto" and scan.bank is None:
        return ensure_payments(obj, **options), None
    statement = read_bank_statement(scan, bank=choice, **options)
    return statement.receipts, statement
