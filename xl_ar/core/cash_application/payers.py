"""Who paid: the customer of each bank receipt, with the rule that found it and a confidence.

A bank statement says who paid only in free text (*Keterangan*, *Berita*): ``TRSF E-BANKING
CR 0201/FTSCY/WS95031 17325000.00 MAJU JAYA PT``, ``SETORAN VA 8808 0012 3456 7890``.
:func:`identify_payers` reads each receipt's customer from, in this order:

===================  ==========  ==============================================================
rule                 confidence  what it reads
===================  ==========  ==============================================================
``customer_column``  1.0         the receipts' own customer column (a payments table), as
                                 written; matched to the ledger by key
``virtual_account``  0.99        a virtual-account number in the text (digits, spaces or dashes
                                 inside: ``8808 0012 3456 7890`` = ``8808-0012-34567890``),
                                 equal to a number of the customer master's
                                 ``virtual_account`` column or of a mapping table
                                 (:func:`read_va_map`)
``name``             0.9         a ledger customer's name in the text, by the one identity
                                 rule (:func:`~xl_ar.core.base.customers.customer_key`: case,
                                 punctuation, ``P.T.``/``PT``/``Perseroan Terbatas`` alike),
                                 the legal form first or last (``MAJU JAYA PT``)
``name``             0.75        a *truncated* name: banks cut the sender's name to a width
                                 (``PT SINAR MAS AGRO RES`` for PT Sinar Mas Agro Resources), or
                                 print it without its legal form. The words found must be the
                                 start of exactly one customer's name, with at least two words
                                 and eight characters besides the legal form, and must end the
                                 text (or a ``|``-separated part of it), or end inside a word
===================  ==========  ==============================================================

A longer name found wins over a shorter one inside it (``PT Sinar Mas Agro Resources`` over
``PT Sinar Mas Agro``; ``PT SINAR MAS AGRO RES``, cut inside a word, is not PT Sinar Mas Agro),
else a whole name over a truncated one. Two customers found (two virtual
accounts, two names, or a truncated name two customers start with) is *ambiguous*: no customer,
the candidates listed (``"PT A; PT B"``); reconciliation proposes such receipts, never applies
them. A virtual account of a customer who is not in the ledger gives that customer (as the
master writes it) and a note. Receipts without any of these keep no customer; their memo's
invoice numbers may still name one (rule ``invoice_reference`` of the reconciliation).

Each distinct text is read once, by dictionary look-ups of its word sequences, so the time grows
with the number of distinct descriptions, not with descriptions × customers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.cells import blank_mask, cell_text, quote_excerpt
from xl_ar.core.base.columns import header_lookup, normalize_header
from xl_ar.core.base.customers import (
    LEADING_FORMS,
    customer_key,
    match_customers,
    name_words,
)
from xl_ar.core.base.tables import table_rows
from xl_ar.core.ledger.customer_master import ensure_master
from xl_ar.errors import XlArError

__all__ = ["PAYER_CONFIDENCE", "PAYER_RULES", "VA_MAP_HEADERS", "identify_payers", "read_va_map"]

#: Confidence of each way of finding the payer.
PAYER_CONFIDENCE: dict[str, float] = {
    "customer_column": 1.0,
    "virtual_account": 0.99,
    "name": 0.9,
    "truncated_name": 0.75,
}
#: Values of ``payer_rule``.
PAYER_RULES = ("customer_column", "virtual_account", "name")

#: Headers of a virtual-account mapping table (English and Indonesian).
VA_MAP_HEADERS: dict[str, tuple[str, ...]] = {
    "virtual_account": ("va", "virtual account", "nomor va", "no va", "nomor virtual account",
                        "virtual account number", "va number", "rekening va", "no rekening va",
                        "nomor rekening va"),
    "customer": ("pelanggan", "nama pelanggan", "customer name", "nama customer", "client",
                 "debitur", "nama debitur", "konsumen"),
}  # fmt: skip
_VA_LOOKUP = header_lookup(VA_MAP_HEADERS)
_VA_COLUMNS = ["virtual_account", "customer"]
_SOURCES = ("customer master", "VA map")
_VA_HINT = "VA map: give a table with a header row (VA, Customer) and rows"
_DIGIT_GROUPS = re.compile(r"(?<![0-9])[0-9]+(?:[ \-][0-9]+)*")
_SEPARATORS = re.compile(r"[ \-]")
_MAX_GROUPS = 8  # digit groups read as one number at most
_FORMS = frozenset(LEADING_FORMS.values())
_MIN_CHARS = 8  # a name found without its legal form or cut short: at least this long
_MIN_WORDS = 2  # ... and at least this many words
_MIN_WORD = 4  # a one-word name without a legal form is searched from this length
_FULL, _CUT, _START = 0, 1, 2  # a weak name: without its form, cut in a word, cut between words


def read_va_map(source: Any) -> pd.DataFrame:
    """Read a table mapping virtual-account numbers to customers.

    Parameters
    ----------
    source : row lists with a header row, pandas.DataFrame, or a .csv/.xlsx path
        Headers ``VA`` / ``Virtual Account`` / ``Nomor VA`` / ``No VA`` and ``Customer`` /
        ``Pelanggan`` (first of the first ten rows naming both). A cell may hold several
        numbers (``;``, ``,`` or ``/`` between them).

    Returns
    -------
    pandas.DataFrame
        Index ``row`` (the spreadsheet row), columns ``virtual_account`` (the digits) and
        ``customer`` (as written); one row per number.

    Raises
    ------
    XlArError
        No such columns, a number without digits, a row without a customer, or one number
        given to two customers (both rows named).

    Examples
    --------
    >>> m = read_va_map([["Nomor VA", "Pelanggan"], ["8808 0012 3456", "PT Maju"],
    ...                  [880800129999, "CV Jaya"]])
    >>> m.reset_index().values.tolist()
    [[2, '880800123456', 'PT Maju'], [3, '880800129999', 'CV Jaya']]
    >>> read_va_map([["VA", "Customer"], ["8808-1", "PT Maju"], ["88081", "CV Jaya"]])
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: VA map: virtual account 88081 is given to 'PT Maju' (row 2) and to 'CV Jaya' (row 3): one number, one customer
    """
    rows = table_rows(source, hint=_VA_HINT)
    at, found = _va_header(rows)
    out: list[tuple[int, str, str]] = []
    for n, row in enumerate(rows[at + 1 :], start=at + 2):
        cells = [
            row[found[k]] if found[k] < len(row) else None for k in ("virtual_account", "customer")
        ]
        number, name = (cell_text(c) for c in cells)
        if number is None and name is None:
            continue
        if name is None:
            raise XlArError(f"VA map: row {n} has no customer")
        numbers = _va_numbers(number)
        if not numbers:
            raise XlArError(
                f"VA map: row {n} {quote_excerpt(number)} is not a virtual-account number"
            )
        out.extend((n, va, name) for va in numbers)
    table = pd.DataFrame(out, columns=["row", "virtual_account", "customer"]).set_index("row")
    _refuse_shared(table, "VA map")
    return table


def _va_header(rows: list[list[Any]]) -> tuple[int, dict[str, int]]:
    """The header row (the first of ten naming both columns) and the columns' positions."""
    for at, header in enumerate(rows[:10]):
        found: dict[str, int] = {}
        for pos, cell in enumerate(header):
            key = _VA_LOOKUP.get(normalize_header(cell))
            if key is not None and key not in found:
                found[key] = pos
        if len(found) == 2:
            return at, found
    listed = ", ".join(quote_excerpt(str(c)) for c in rows[0] if cell_text(c)) or "none"
    raise XlArError(
        "VA map: no virtual-account and customer columns (e.g. 'VA' and 'Customer'); "
        f"headers found: {listed}"
    )


def _va_numbers(text: str | None) -> list[str]:
    """The digits of each number of a cell (``;``, ``,``, ``/`` or a new line between)."""
    if text is None:
        return []
    parts = (re.sub(r"\D", "", p) for p in re.split(r"[;,/\n]", text))
    return [p for p in parts if p]


def _refuse_shared(table: pd.DataFrame, what: str) -> None:
    """One number given to two customers (by key) is an error naming both rows."""
    seen: dict[str, tuple[Any, str, str | None]] = {}
    places = [p if isinstance(p, str) else f"row {p}" for p in table.index]
    for row, va, name in zip(places, table["virtual_account"], table["customer"], strict=True):
        key = customer_key(name)
        first = seen.setdefault(va, (row, name, key))
        if first[2] != key:
            raise XlArError(
                f"{what}: virtual account {va} is given to {quote_excerpt(first[1])} "
                f"({first[0]}) and to {quote_excerpt(name)} ({row}): one number, one customer"
            )


def _va_table(master: Any, va_map: Any) -> pd.DataFrame:
    """Virtual account → customer, from the master's column and the mapping table."""
    parts = []
    if master is not None:
        read = ensure_master(master)
        rows = [
            (row, va, name)
            for row, cell, name in zip(
                read.index, read["virtual_account"], read["customer"], strict=True
            )
            if not pd.isna(cell)
            for va in _va_numbers(str(cell))
        ]
        parts.append(
            pd.DataFrame(rows, columns=["row", "virtual_account", "customer"]).set_index("row")
        )
        _refuse_shared(parts[-1], "customer master")
    if isinstance(va_map, Mapping):
        va_map = [["VA", "Customer"], *([k, v] for k, v in va_map.items())]
    if va_map is not None:
        done = isinstance(va_map, pd.DataFrame) and list(va_map.columns) == _VA_COLUMNS
        parts.append(va_map if done else read_va_map(va_map))
    if not parts:
        return pd.DataFrame(columns=["virtual_account", "customer"])
    if len(parts) == 2:
        both = [
            p.set_axis([f"{w} row {r}" for r in p.index])
            for p, w in zip(parts, _SOURCES, strict=True)
        ]
        _refuse_shared(pd.concat(both), "virtual accounts")
    return pd.concat(parts)


class _Names:
    """Every ledger customer's name as word strings, for dictionary look-ups of a text."""

    def __init__(self, names: list[str]) -> None:
        self.exact: dict[str, set[int]] = {}  # whole name, legal form first or last
        self.weak: dict[str, dict[int, int]] = {}  # formless or cut name -> {customer: kind}
        self.heads: set[str] = set()  # every whole-word start of a name
        for c, name in enumerate(names):
            words = name_words(customer_key(name) or "")
            if not words:
                continue
            if len(words) > 1 and words[0] in _FORMS:
                form, rest = words[0], words[1:]
                self._add_exact(words, c)
                self._add_exact([*rest, form], c)
                self._add_weak(words, c, len(form) + 1, with_whole=False)
                self._add_weak(rest, c, 0, with_whole=True)
            else:
                if len(words) > 1 or len(words[0]) >= _MIN_WORD:
                    self._add_exact(words, c)
                self._add_weak(words, c, 0, with_whole=False)

    def _add_exact(self, words: list[str], c: int) -> None:
        self.exact.setdefault(" ".join(words), set()).add(c)
        self.heads.update(" ".join(words[:n]) for n in range(1, len(words) + 1))

    def _add_weak(self, words: list[str], c: int, skip: int, *, with_whole: bool) -> None:
        """Every start of ``words`` long enough (``skip``: the legal form's characters)."""
        text = " ".join(words)
        for end in range(skip + _MIN_CHARS, len(text) + 1):
            part = text[:end]
            if part.endswith(" ") or part[skip:].count(" ") + 1 < _MIN_WORDS:
                continue
            if end == len(text):
                if not with_whole:
                    continue
                kind = _FULL
            else:
                kind = _CUT if text[end] != " " else _START
            self.heads.update(" ".join(words[:n]) for n in range(1, part.count(" ") + 2))
            self.weak.setdefault(part, {}).setdefault(c, kind)

    def find(self, text: str) -> tuple[set[int], bool]:
        """Customers whose names the text holds, and whether those are whole names."""
        strong: list[tuple[int, int, int]] = []
        weak: list[tuple[int, int, int]] = []
        for segment in text.split("|"):
            words = name_words(segment)
            size = len(words)
            for i in range(size):
                if words[i] not in self.heads:
                    continue
                for end in range(i + 1, size + 1):
                    gram = " ".join(words[i:end])
                    strong.extend((i, end, c) for c in self.exact.get(gram, ()))
                    for c, kind in self.weak.get(gram, {}).items():
                        if kind != _START or end == size:  # a whole-word start ends the text
                            weak.append((i, end, c))
                    if gram not in self.heads:
                        break
        outer = _outermost(strong + weak)  # a name cut inside a word beats a shorter name
        whole = [m for m in outer if m in strong]
        return {c for _, _, c in whole or outer}, bool(whole)


def _outermost(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Matches not strictly inside another match's words."""
    return [
        a for a in spans
        if not any(b[0] <= a[0] and a[1] <= b[1] and (b[1] - b[0]) > (a[1] - a[0]) for b in spans)
    ]  # fmt: skip


def _va_payers(text: str, lookup: Mapping[str, str]) -> set[str]:
    """Virtual accounts of ``lookup`` in the text: every run of digit groups, joined."""
    got: set[str] = set()
    for match in _DIGIT_GROUPS.finditer(text):
        groups = _SEPARATORS.split(match.group())
        for i in range(len(groups)):
            for j in range(i + 1, min(len(groups), i + _MAX_GROUPS) + 1):
                va = "".join(groups[i:j])
                if va in lookup:
                    got.add(va)
    return got


def identify_payers(
    receipts: pd.DataFrame,
    customers: Any,
    *,
    master: Any = None,
    va_map: Any = None,
) -> pd.DataFrame:
    """The customer of each receipt (see the module docstring), with rule and confidence.

    Parameters
    ----------
    receipts : pandas.DataFrame
        A payments table (:func:`~xl_ar.core.cash_application.payments.read_payments`) or a
        bank statement's receipts: columns ``customer`` (optional) and ``memo`` (the text read).
    customers : iterable of str or a canonical ledger
        The ledger's customers (a ledger: its ``customer`` column).
    master : customer master, optional
        Anything :func:`~xl_ar.core.ledger.customer_master.read_customer_master` reads; its
        ``virtual_account`` column maps numbers to customers.
    va_map : mapping table, optional
        Anything :func:`read_va_map` reads (or its result).

    Returns
    -------
    pandas.DataFrame
        ``receipts`` with ``customer`` (the ledger's spelling; a name outside the ledger as
        written; NA when unknown or ambiguous), ``payer_rule`` (``customer_column``,
        ``virtual_account``, ``name`` or NA), ``payer_confidence`` (float, NaN when unknown),
        ``candidates`` (``"PT A; PT B"`` when ambiguous, else NA), ``payer_note`` (text or
        NA) and ``virtual_account`` (the number(s) found in the text, or NA).
        ``attrs["notes"]`` lists the notes once each.

    Raises
    ------
    XlArError
        A virtual account given to two customers (in the master or the mapping table).

    Examples
    --------
    >>> receipts = pd.DataFrame({"customer": [None, None, None, "pt maju jaya"], "memo": [
    ...     "TRSF E-BANKING CR 0201/FTSCY 17325000.00 MAJU JAYA PT",
    ...     "SETORAN VA 8808 0012 3456 7890", "TRSF CR PT SINAR MAS AGRO RES", None]})
    >>> vas = pd.DataFrame({"virtual_account": ["8808001234567890"], "customer": ["CV Baru"]})
    >>> got = identify_payers(receipts, ["PT Maju Jaya", "CV Baru", "PT Sinar Mas Agro Resources"],
    ...                       va_map=vas)
    >>> got[["customer", "payer_rule", "payer_confidence"]].values.tolist()
    [['PT Maju Jaya', 'name', 0.9], ['CV Baru', 'virtual_account', 0.99], \
['PT Sinar Mas Agro Resources', 'name', 0.75], ['PT Maju Jaya', 'customer_column', 1.0]]
    """
    if isinstance(customers, pd.DataFrame):
        customers = customers["customer"]
    names = sorted({str(n) for n in list(customers) if not pd.isna(n)})
    vas = _va_table(master, va_map)
    va_customer = dict(zip(vas["virtual_account"], vas["customer"], strict=True))
    n = len(receipts)
    texts = (
        receipts["customer"].astype(object).to_numpy()
        if "customer" in receipts.columns
        else np.full(n, None, dtype=object)
    )
    given = ~blank_mask(pd.Series(texts, dtype=object))
    at = match_customers(texts, names)
    customer = np.where(at >= 0, np.array([*names, None], dtype=object)[at], texts).astype(object)
    customer[~given] = None
    rule = np.full(n, None, dtype=object)
    rule[given] = "customer_column"
    confidence = np.where(given, PAYER_CONFIDENCE["customer_column"], np.nan)
    candidates = np.full(n, None, dtype=object)
    notes = np.full(n, None, dtype=object)
    memos = receipts["memo"] if "memo" in receipts.columns else pd.Series([None] * n)
    codes, distinct = pd.factorize(memos.astype(object).to_numpy(), use_na_sentinel=True)
    wanted = np.flatnonzero(~given & (codes >= 0))
    reader = _Reader(names, va_customer) if len(wanted) else None
    found = {c: reader.read(str(distinct[c])) for c in np.unique(codes[wanted]).tolist() if reader}
    accounts = np.full(n, None, dtype=object)
    for i in wanted:
        who, how, score, alternatives, note, va = found[codes[i]]
        customer[i], rule[i], confidence[i] = who, how, score
        candidates[i], notes[i], accounts[i] = alternatives, note, va
    out = receipts.copy()
    out["customer"] = pd.Series(customer, index=receipts.index, dtype=object)
    out["payer_rule"] = pd.Series(rule, index=receipts.index, dtype=object)
    out["payer_confidence"] = confidence.astype(np.float64)
    out["candidates"] = pd.Series(candidates, index=receipts.index, dtype=object)
    out["payer_note"] = pd.Series(notes, index=receipts.index, dtype=object)
    out["virtual_account"] = pd.Series(accounts, index=receipts.index, dtype=object)
    out.attrs["notes"] = tuple(dict.fromkeys(x for x in notes if x is not None))
    return out


class _Reader:
    """One text → (customer, rule, confidence, candidates, note)."""

    def __init__(self, names: list[str], va_customer: Mapping[str, str]) -> None:
        self.names = names
        self.index = _Names(names)
        self.va_customer = va_customer
        va_names = list(dict.fromkeys(va_customer.values()))
        at = match_customers(va_names, names)
        self.va_ledger = {
            v: (names[a] if a >= 0 else None) for v, a in zip(va_names, at.tolist(), strict=True)
        }

    def read(self, text: str) -> tuple[Any, Any, float, Any, Any, Any]:
        """(customer, rule, confidence, candidates, note, virtual accounts found)."""
        vas = _va_payers(text, self.va_customer) if self.va_customer else set()
        if vas:
            found = "; ".join(sorted(vas))
            owners = sorted({self.va_customer[v] for v in vas}, key=str)
            keys = {customer_key(o) for o in owners}
            if len(keys) > 1:
                shown = [self.va_ledger[o] or o for o in owners]
                return None, None, np.nan, "; ".join(shown), None, found
            owner = owners[0]
            ledger_name = self.va_ledger[owner]
            note = None
            if ledger_name is None:
                note = (
                    f"virtual account {min(vas)} is {quote_excerpt(owner)}'s, who has no "
                    "invoice in the ledger"
                )
            return (
                ledger_name or owner,
                "virtual_account",
                PAYER_CONFIDENCE["virtual_account"],
                None,
                note,
                found,
            )
        if not self.names:
            return None, None, np.nan, None, None, None
        named, whole = self.index.find(text)
        if len(named) == 1:
            score = PAYER_CONFIDENCE["name" if whole else "truncated_name"]
            return self.names[named.pop()], "name", score, None, None, None
        if named:
            listed = "; ".join(self.names[c] for c in sorted(named))
            return None, None, np.nan, listed, None, None
        return None, None, np.nan, None, None, None
