"""Invoice numbers: normalise them to a key, and find them in free text (memos, remittances).

Customers write invoice numbers their own way: ``INV-00012``, ``inv 12``, ``No.12``,
``Faktur 0012``. All of them must find the ledger's ``INV-00012``. A number is reduced to a
*key* (:func:`invoice_key`):

1. the text is upper-cased and cut into runs of letters and runs of digits; everything else
   (spaces, ``- / . # _ :``) only separates: ``INV/2024/0012`` → ``INV 2024 0012``;
2. generic prefix words at the start are dropped (:data:`PREFIXES`: ``INV``, ``INVOICE``,
   ``FAKTUR``, ``NO``, ``NOMOR``, ``REF`` …), so ``Invoice No. 12`` → ``12``; other letters
   are kept (``SI-0012`` → ``SI-12``, ``CN-0012`` → ``CN-12``);
3. leading zeros of each digit run are dropped: ``0012`` → ``12``;
4. the runs are joined with ``-``: ``INV/2024/0012`` → ``2024-12``.

Text without any digit is never an invoice number. A second, *compact* key joins adjacent
digit runs before dropping zeros (``INV-2024-0012`` → ``20240012``), so a memo that drops the
separators (``INV20240012``) still finds the invoice.

Finding numbers in a memo (:class:`ReferenceIndex`) works on whole words (words are separated
by white space and ``, ; & + | ( ) [ ] { }``; a prefix word inside a word starts a new one, so
``INV-12/INV-13`` is two words). A run of up to three words that, reduced to a key, is the key of
a ledger number names that number; longer runs are tried first. Words after ``PO``, ``SO``,
``DO``, ``SJ``, ``Rp``, ``IDR``, ``Rek``, ``NPWP``, ``Tgl`` and similar (:data:`BLOCKERS`), and
bare numbers next to a month name (``12 Jan 2024``) are not invoice numbers. Ranges such as
``INV 12-14`` are not expanded.

Every function works once per *distinct* text, with dictionary look-ups: a column of 10,000
memos costs a few milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from xl_ar.core.base.cells import cell_text, is_blank_value
from xl_ar.core.base.dates import MONTHS

__all__ = [
    "BLOCKERS",
    "PREFIXES",
    "ReferenceIndex",
    "compact_key",
    "extract_references",
    "invoice_key",
]

#: Generic words in front of an invoice number; dropped from the key (upper case).
PREFIXES: frozenset[str] = frozenset(
    {
        "INV",
        "INVC",
        "INVOICE",
        "INVOICES",
        "FAKTUR",
        "FAK",
        "FKT",
        "FAKT",
        "FAKTURE",
        "NO",
        "NOS",
        "NOMOR",
        "NOMER",
        "NR",
        "NUM",
        "NUMBER",
        "NBR",
        "REF",
        "DOC",
        "DOK",
        "DOKUMEN",
        "BILL",
        "TAGIHAN",
        "PELUNASAN",
    }
)

#: Words after which a number is something else (an order, an account, an amount, a date).
BLOCKERS: frozenset[str] = frozenset(
    {
        "PO",
        "SO",
        "DO",
        "SJ",
        "SPK",
        "RP",
        "IDR",
        "USD",
        "REK",
        "REKENING",
        "ACC",
        "ACCOUNT",
        "AKUN",
        "NPWP",
        "NIK",
        "VA",
        "TGL",
        "TANGGAL",
        "DATE",
        "TELP",
        "TEL",
        "HP",
        "WA",
        "KODE",
    }
)

_MONTH_WORDS = frozenset(name.upper() for name in MONTHS)
_RUNS = re.compile(r"[^\W\d_]+|\d+")
_WORD_SPLIT = re.compile(r"[\s,;&+|()\[\]{}]+")
_MAX_SPAN = 3  # words per reference


def _runs(text: str) -> list[str]:
    """Letter runs and digit runs of ``text``, upper case."""
    return _RUNS.findall(text.upper())


def _strip_prefixes(runs: list[str]) -> list[str]:
    start = 0
    while start < len(runs) - 1 and runs[start] in PREFIXES:
        start += 1
    return runs[start:]


def _key_of_runs(runs: list[str]) -> str | None:
    runs = _strip_prefixes(runs)
    if not any(r.isdecimal() for r in runs):
        return None
    return "-".join(str(int(r)) if r.isdecimal() else r for r in runs)


def _compact_of_runs(runs: list[str]) -> str | None:
    runs = _strip_prefixes(runs)
    merged: list[str] = []
    for run in runs:
        if run.isdecimal() and merged and merged[-1].isdecimal():
            merged[-1] += run
        else:
            merged.append(run)
    return _key_of_runs(merged)


def _as_text(number: object) -> str | None:
    if is_blank_value(number):
        return None
    return cell_text(number) if not isinstance(number, str) else number


def invoice_key(number: object) -> str | None:
    """The key an invoice number is matched on, or ``None`` when it holds no digit.

    Examples
    --------
    >>> [invoice_key(t) for t in ("INV-00012", "inv 12", "No.12", "#12", 12.0, "Faktur 0012")]
    ['12', '12', '12', '12', '12', '12']
    >>> invoice_key("INV/2024/0012"), invoice_key("SI-0012"), invoice_key("ABC")
    ('2024-12', 'SI-12', None)
    """
    text = _as_text(number)
    return None if text is None else _key_of_runs(_runs(text))


def compact_key(number: object) -> str | None:
    """The key with adjacent digit runs joined first (``INV-2024-0012`` → ``20240012``).

    Examples
    --------
    >>> compact_key("INV-2024-0012"), compact_key("INV20240012"), compact_key("SI-0012")
    ('20240012', '20240012', 'SI-12')
    """
    text = _as_text(number)
    return None if text is None else _compact_of_runs(_runs(text))


def _words(text: str) -> list[list[str]]:
    """The words of a memo, each as its runs; a prefix run inside a word starts a new word."""
    out: list[list[str]] = []
    for raw in _WORD_SPLIT.split(text):
        runs = _runs(raw)
        if not runs:
            continue
        current: list[str] = [runs[0]]
        for run in runs[1:]:
            if run in PREFIXES and any(r.isdecimal() for r in current):
                out.append(current)
                current = [run]
            else:
                current.append(run)
        out.append(current)
    return out


def _blocked(words: list[list[str]], i: int) -> bool:
    """Whether word ``i`` cannot start an invoice reference (see :data:`BLOCKERS`)."""
    first = words[i][0]
    if first in BLOCKERS:
        return True
    if i > 0 and words[i - 1][-1] in BLOCKERS:
        return True
    if len(words[i]) == 1 and first.isdecimal():  # a bare number next to a month name is a date
        before = words[i - 1][-1] if i > 0 else ""
        after = words[i + 1][0] if i + 1 < len(words) else ""
        return before in _MONTH_WORDS or after in _MONTH_WORDS
    return False


def extract_references(text: object) -> list[str]:
    """Keys of the words of ``text`` that look like invoice numbers (no ledger needed).

    Each word holding a digit gives its key, in order, without repeats; blocked words
    (``PO 77``, ``Rp 500``, ``tgl 15/01/2024``) are skipped. :class:`ReferenceIndex` does
    the real matching, against the numbers of a ledger.

    Examples
    --------
    >>> extract_references("Bayar INV-00012 & inv 13, PO 77, tgl 15/01/2024, INV-12")
    ['12', '13']
    """
    body = _as_text(text)
    if body is None:
        return []
    words = _words(body)
    found: list[str] = []
    for i, runs in enumerate(words):
        key = _key_of_runs(runs)
        if key is not None and not _blocked(words, i) and key not in found:
            found.append(key)
    return found


class ReferenceIndex:
    """Look-up of a ledger's invoice numbers by key, to find them in free text.

    Parameters
    ----------
    numbers : sequence
        The ledger's invoice numbers in row order (text, numbers or blanks). Positions in
        the results refer to this sequence.

    Examples
    --------
    >>> index = ReferenceIndex(["INV-00012", "INV-00013", "SI-2024-0007", None])
    >>> index.find("Pembayaran inv 12 dan No.13 (PO 14)")
    [(0,), (1,)]
    >>> index.find("SI 2024/7"), index.find("nothing here 99")
    ([(2,)], [])
    """

    def __init__(self, numbers: Sequence[object] | pd.Series | np.ndarray) -> None:
        exact: dict[str, list[int]] = {}
        compact: dict[str, list[int]] = {}
        for pos, number in enumerate(numbers):
            text = _as_text(number)
            if text is None:
                continue
            runs = _runs(text)
            key = _key_of_runs(runs)
            if key is None:
                continue
            exact.setdefault(key, []).append(pos)
            packed = _compact_of_runs(runs)
            if packed is not None and packed != key:
                compact.setdefault(packed, []).append(pos)
        self._exact = {k: tuple(v) for k, v in exact.items()}
        self._compact = {k: tuple(v) for k, v in compact.items()}
        self._seen: dict[str, list[tuple[tuple[int, ...], bool]]] = {}  # text -> marked hits

    def __len__(self) -> int:
        return len(self._exact)

    def lookup(self, number: object) -> tuple[int, ...]:
        """Positions of the ledger numbers that ``number`` names (empty when none).

        Examples
        --------
        >>> ReferenceIndex(["INV-2024-0012", "12"]).lookup("inv20240012")
        (0,)
        """
        text = _as_text(number)
        return () if text is None else self._lookup_runs(_runs(text))

    def _lookup_runs(self, runs: list[str]) -> tuple[int, ...]:
        key = _key_of_runs(runs)
        if key is None:
            return ()
        hit = self._exact.get(key) or self._compact.get(key)
        if hit:
            return hit
        packed = _compact_of_runs(runs)
        if packed is None or packed == key:
            return ()
        return self._exact.get(packed) or self._compact.get(packed) or ()

    def find(self, text: object, *, bare_numbers: bool = True) -> list[tuple[int, ...]]:
        """The ledger numbers named in ``text``, in order of appearance, without repeats.

        Each element is a tuple of positions: one position when the reference is unique,
        several when it names numbers that share a key (e.g. ``12`` and ``INV-0012`` of two
        customers) — the caller decides between them. With ``bare_numbers=False`` a run of
        digits alone (``95031``, ``2024 0012``) names nothing: only words with letters
        (``INV-12``, ``No.12``, ``SI2024/7``) do.

        Examples
        --------
        >>> index = ReferenceIndex(["12", "INV-0013"])
        >>> index.find("TRSF 12 inv 13"), index.find("TRSF 12 inv 13", bare_numbers=False)
        ([(0,), (1,)], [(1,)])
        """
        body = _as_text(text)
        if body is None or not self._exact:
            return []
        marked = self._seen.get(body)
        if marked is None:
            marked = self._seen[body] = self._find_marked(body)
        return [hit for hit, bare in marked if bare_numbers or not bare]

    def _find_marked(self, body: str) -> list[tuple[tuple[int, ...], bool]]:
        """Each hit of :meth:`find` and whether only bare numbers named it (one scan of the
        text serves both readings)."""
        words = _words(body)
        found: dict[tuple[int, ...], bool] = {}
        i = 0
        while i < len(words):
            if _blocked(words, i):
                i += 1
                continue
            for length in range(min(_MAX_SPAN, len(words) - i), 0, -1):
                runs = [r for w in words[i : i + length] for r in w]
                hit = self._lookup_runs(runs)
                if hit:
                    bare = all(r.isdecimal() for r in runs)
                    found[hit] = found.get(hit, True) and bare  # lettered once: lettered
                    i += length
                    break
            else:
                i += 1
        return list(found.items())

    def find_all(
        self, texts: Iterable[object], *, bare_numbers: bool = True
    ) -> list[list[tuple[int, ...]]]:
        """:meth:`find` for a column of texts, computed once per distinct text.

        Examples
        --------
        >>> ReferenceIndex(["A-1", "A-2"]).find_all(["a1", None, "A 2; a-1", "a1"])
        [[(0,)], [], [(1,), (0,)], [(0,)]]
        """
        series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        results = [self.find(u, bare_numbers=bare_numbers) for u in uniques]
        return [results[c] if c >= 0 else [] for c in codes]
