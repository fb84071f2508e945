"""One customer identity: when two names are the same customer, and which spelling is shown.

A ledger typed by hand writes one customer several ways: ``PT Maju``, ``pt maju``,
``PT. Maju``, ``P.T. Maju``. Every function of xl-ar treats names with the same *key*
(:func:`customer_key`) as one customer. The key of a name is built in four steps:

1. Unicode compatibility forms and case are folded (NFKC, ``casefold``);
2. the name is cut into *words*: runs of letters (with their accents and vowel signs, in any
   script) and digits. Everything else (spaces, ``. , - ( ) & /`` ...) only separates words,
   and single Latin letters in a row are one word (initials), so ``P.T. Maju`` = ``PT Maju``
   = ``P T Maju`` = ``PT.Maju``; but word boundaries count: ``Udang`` is not ``UD Ang`` and
   ``PT Asia Nusa`` is not ``PT Asian Usa``;
3. a legal form written before the name (:data:`LEADING_FORMS`) is spelled short:
   ``Perseroan Terbatas`` → ``PT``, ``Persekutuan Komanditer`` → ``CV``, ``Usaha Dagang``
   → ``UD``, ``Perusahaan Dagang`` → ``PD``, ``Firma`` → ``FA``, ``Kop`` → ``Koperasi``;
   written after the name it moves to the front: ``Maju Jaya, PT`` = ``PT Maju Jaya``;
4. a legal form written after the name (:data:`TRAILING_FORMS`, last word) is spelled short:
   ``Limited`` → ``Ltd``, ``Incorporated`` → ``Inc``, ``Corporation`` → ``Corp``,
   ``Company`` → ``Co``.

The key is the words separated by one space. Different legal forms stay different customers
(``PT Maju`` and ``CV Maju``), and so do a name with and without a form (``PT Maju`` and
``Maju``; ``PT Maju Tbk`` and ``PT Maju``). Nothing else is guessed: when in doubt two names
stay two customers, because merging two customers is the worse mistake (one limit, one letter
listing another company's invoices). A name without any letter or digit (``-``) keys on its
text (case folded, spaces collapsed); a blank name has no key (``None``).

The name *shown* for a customer is its most frequent spelling in the ledger; between equally
frequent spellings, the one seen first (:func:`unify_customers`). The ledger reader replaces
every customer cell by that spelling, so every table of one ledger names and counts customers
alike; side tables (credit limits, promises, payments, statements) and a customer named in an
argument are matched to the ledger by key (:func:`match_customers`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.cells import cell_text, quote_excerpt
from xl_ar.errors import XlArError

__all__ = [
    "LEADING_FORMS",
    "TRAILING_FORMS",
    "Spellings",
    "customer_key",
    "customer_keys",
    "match_customers",
    "name_words",
    "refuse_repeated_customers",
    "unify_customers",
]

#: Legal forms written before the name: spellings (runs joined, case folded) → short form.
LEADING_FORMS: dict[str, str] = {
    "pt": "pt",
    "perseroanterbatas": "pt",
    "cv": "cv",
    "persekutuankomanditer": "cv",
    "commanditairevennootschap": "cv",
    "ud": "ud",
    "usahadagang": "ud",
    "pd": "pd",
    "perusahaandagang": "pd",
    "fa": "fa",
    "firma": "fa",
    "koperasi": "koperasi",
    "kop": "koperasi",
}
#: Legal forms written after the name (last word): spelling → short form.
TRAILING_FORMS: dict[str, str] = {
    "limited": "ltd",
    "incorporated": "inc",
    "corporation": "corp",
    "company": "co",
}

_WORD_FORMS = {**TRAILING_FORMS, **LEADING_FORMS}
#: Starts of the legal-form spellings (a form written in several words begins with one).
_FORM_STARTS = frozenset(f[:n] for f in LEADING_FORMS for n in range(1, len(f)))
_RUNS = re.compile(r"[^\W_]+")  # runs of letters and digits (ASCII text: the fast way)
_LONGEST_FORM = 3  # words of the longest leading form spelling (``P T`` is two)
#: Spellings quoted in one note; the rest are counted.
NOTE_SPELLINGS = 10


@lru_cache(maxsize=65536)
def _key_of_text(text: str) -> str:
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    runs = _initials(_RUNS.findall(folded) if folded.isascii() else _unicode_runs(folded))
    if not runs:
        return " ".join(folded.split())
    runs = _leading_form(runs)
    if len(runs) > 1 and runs[-1] in TRAILING_FORMS:
        runs[-1] = TRAILING_FORMS[runs[-1]]
    return " ".join(runs)


def _unicode_runs(text: str) -> list[str]:
    """Runs of letters, digits and combining marks (vowel signs, accents) of any script."""
    runs: list[str] = []
    word: list[str] = []
    for char in text:
        if unicodedata.category(char)[0] in "LNM":
            word.append(char)
        elif word:
            runs.append("".join(word))
            word = []
    if word:
        runs.append("".join(word))
    return runs


def _initials(runs: list[str]) -> list[str]:
    """Single Latin letters in a row joined into one word: ``p t maju`` → ``pt maju``; a
    legal form spelled in initials stays a word of its own (``c v a b c`` → ``cv abc``)."""
    out: list[str] = []
    joined: list[bool] = []  # out[i] was made of initials
    joining = False
    for run in runs:
        single = len(run) == 1 and "a" <= run <= "z"
        if single and joining:
            out[-1] += run
            joined[-1] = True
        else:
            out.append(run)
            joined.append(False)
        joining = single
    if joined and joined[0] and len(out[0]) > 2 and LEADING_FORMS.get(out[0][:2]) == out[0][:2]:
        out[:1] = [out[0][:2], out[0][2:]]
    return out


def _leading_form(runs: list[str]) -> list[str]:
    """``runs`` with a leading legal form (at the start, or else at the end) first, short."""
    longest = min(_LONGEST_FORM, len(runs) - 1)  # a form alone is a name, not a form
    for n in range(longest, 0, -1):
        form = LEADING_FORMS.get("".join(runs[:n]))
        if form is not None:
            return [form, *runs[n:]]
    for n in range(longest, 0, -1):
        form = LEADING_FORMS.get("".join(runs[-n:]))
        if form is not None:
            return [form, *runs[:-n]]  # "Maju Jaya, PT" is "PT Maju Jaya"
    return runs


def name_words(text: str) -> list[str]:
    """The words of a free text as :func:`customer_key` spells them, nothing moved.

    Case folded, initials joined (``P.T.`` → ``pt``) and every legal-form spelling short
    (``Perseroan Terbatas`` → ``pt``, ``Limited`` → ``ltd``) wherever it stands; the words of a
    key are the words of its name in this spelling, so a name is found in a text (a bank
    description) by comparing words.

    Examples
    --------
    >>> name_words("TRSF E-BANKING CR 0201/FTSCY 17325000.00 MAJU JAYA, P.T.")
    ['trsf', 'e', 'banking', 'cr', '0201', 'ftscy', '17325000', '00', 'maju', 'jaya', 'pt']
    >>> name_words("Perseroan Terbatas Sinar Limited") == customer_key("PT Sinar Ltd").split()
    True
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    runs = _initials(_RUNS.findall(folded) if folded.isascii() else _unicode_runs(folded))
    out: list[str] = []
    i = 0
    while i < len(runs):
        word = runs[i]
        i += 1
        if word in _FORM_STARTS:  # a form spelled in several words (``perseroan terbatas``)
            for n in range(_LONGEST_FORM - 1, 0, -1):
                form = LEADING_FORMS.get("".join(runs[i - 1 : i + n]))
                if form is not None and i + n <= len(runs):
                    word = form
                    i += n
                    break
        out.append(_WORD_FORMS.get(word, word))
    return out


def _keys(values: Any) -> list[str | None]:
    """:func:`customer_key` of each value (text cells take the short way)."""
    return [
        (_key_of_text(v.strip()) if v.strip() else None) if type(v) is str else customer_key(v)
        for v in values
    ]


def customer_key(name: object) -> str | None:
    """The key a customer name is matched on (see the module); ``None`` for a blank.

    Examples
    --------
    >>> [customer_key(n) for n in ("PT Maju", "pt maju", "PT. Maju", "P.T. Maju  ", "P T Maju")]
    ['pt maju', 'pt maju', 'pt maju', 'pt maju', 'pt maju']
    >>> customer_key("Maju, PT."), customer_key("Perseroan Terbatas Maju")
    ('pt maju', 'pt maju')
    >>> customer_key("CV Maju"), customer_key("Maju"), customer_key("PT Maju Tbk"), customer_key(" ")
    ('cv maju', 'maju', 'pt maju tbk', None)
    >>> customer_key("Udang") == customer_key("UD Ang"), customer_key("PT Asia Nusa")
    (False, 'pt asia nusa')
    """
    text = cell_text(name)
    return None if text is None else _key_of_text(text)


def customer_keys(names: Any) -> np.ndarray:
    """:func:`customer_key` of each name (an object array), computed once per distinct name.

    Examples
    --------
    >>> customer_keys(["PT Maju", None, "pt  maju", "CV Maju"]).tolist()
    ['pt maju', None, 'pt maju', 'cv maju']
    """
    series = names if isinstance(names, pd.Series) else pd.Series(list(names), dtype=object)
    codes, uniques = _codes(series)
    keys = np.array([*_keys(uniques), None], dtype=object)
    return keys[codes]


def match_customers(texts: Any, names: Any) -> np.ndarray:
    """Position in ``names`` of the customer each of ``texts`` names (by key), ``-1`` if none.

    ``names`` are the customers of a ledger (one spelling each); when two of them share a key
    the first is taken. Blank texts match nothing.

    Examples
    --------
    >>> match_customers(["p.t. maju", "CV Maju", "Maju", None], ["CV Maju", "PT Maju"]).tolist()
    [1, 0, -1, -1]
    """
    name_keys = pd.Index(customer_keys(names))
    first = ~name_keys.duplicated() & name_keys.notna()
    lookup = name_keys[first]
    positions = np.append(np.flatnonzero(first), -1)
    found = lookup.get_indexer(pd.Index(customer_keys(texts)))
    return positions[found]  # -1 (not found) picks the trailing -1


@dataclass(frozen=True)
class Spellings:
    """Customer names with one spelling per customer, and the spellings that were merged.

    ``names`` has the index (and, for a categorical column, the dtype kind) of the names
    given; ``merged`` holds, per customer written more than one way, the spelling shown
    followed by the others, most frequent first.
    """

    names: pd.Series
    merged: tuple[tuple[str, ...], ...] = ()

    def notes(self, limit: int | None = None) -> tuple[str, ...]:
        """One reading note per merged customer (all of them, or the first ``limit`` and then
        a count), each quoting up to :data:`NOTE_SPELLINGS` spellings.

        Examples
        --------
        >>> unify_customers(pd.Series(["PT Maju", "pt maju", "PT Maju"])).notes()
        ("2 spellings of one customer read as 'PT Maju': 'pt maju'",)
        """
        out = []
        limit = len(self.merged) if limit is None else limit
        for shown, *others in self.merged[:limit]:
            listed = ", ".join(quote_excerpt(o) for o in others[:NOTE_SPELLINGS])
            extra = len(others) - NOTE_SPELLINGS
            more = f" and {extra} more" if extra > 0 else ""
            out.append(
                f"{len(others) + 1} spellings of one customer read as "
                f"{quote_excerpt(shown)}: {listed}{more}"
            )
        rest = len(self.merged) - limit
        if rest > 0:
            out.append(
                f"{rest} more customer{'s' if rest > 1 else ''} written in several spellings"
            )
        return tuple(out)


def unify_customers(names: pd.Series) -> Spellings:
    """Each name replaced by the shown spelling of its customer (see the module).

    The shown spelling is the most frequent one of the key; between equally frequent ones the
    first in ``names``. Blank names stay blank. Without two spellings of one customer the
    names come back unchanged (the same object).

    Examples
    --------
    >>> got = unify_customers(pd.Series(["pt maju", "PT Maju", "CV Maju", "PT. Maju", "PT Maju"]))
    >>> got.names.tolist(), got.merged
    (['PT Maju', 'PT Maju', 'CV Maju', 'PT Maju', 'PT Maju'], (('PT Maju', 'pt maju', 'PT. Maju'),))
    """
    codes, uniques = _codes(names)
    if len(uniques) < 2:
        return Spellings(names)
    keys = _keys(uniques)
    if len(set(keys)) == len(keys):  # the common case: nothing to merge
        return Spellings(names)
    key_codes, _ = pd.factorize(np.array(keys, dtype=object))
    blank = key_codes < 0  # a whitespace-only name: a data problem, left as it is
    key_codes[blank] = key_codes.max(initial=-1) + 1 + np.arange(blank.sum())
    if len(np.unique(key_codes)) == len(uniques):
        return Spellings(names)
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    first_seen = _first_seen(codes, len(uniques))
    # by key, then most frequent, then first seen: the head of each key's run is shown
    order = np.lexsort((first_seen, -counts, key_codes))
    head = np.r_[True, key_codes[order][1:] != key_codes[order][:-1]]
    shown_of_key = np.empty(key_codes.max() + 1, dtype=np.int64)
    shown_of_key[key_codes[order][head]] = order[head]
    shown = shown_of_key[key_codes]  # per distinct spelling: the spelling shown
    spelled = np.asarray(uniques, dtype=object)
    merged = []
    runs = np.split(order, np.flatnonzero(head)[1:])
    for run in sorted((r for r in runs if len(r) > 1), key=lambda r: first_seen[r[0]]):
        used = run[counts[run] > 0]
        if len(used) > 1:
            merged.append(tuple(str(spelled[i]) for i in used))
    return Spellings(_respell(names, codes, spelled, shown), tuple(merged))


def _codes(names: pd.Series) -> tuple[np.ndarray, pd.Index | np.ndarray]:
    """Codes (-1 = blank) and distinct names; a categorical column gives them for free."""
    if isinstance(names.dtype, pd.CategoricalDtype):
        return names.cat.codes.to_numpy(dtype=np.int64), names.cat.categories
    codes, uniques = pd.factorize(names, use_na_sentinel=True)
    return codes.astype(np.int64), uniques


def _first_seen(codes: np.ndarray, n: int) -> np.ndarray:
    """Row of the first appearance of each code (``len(codes)`` for a code never used)."""
    first = np.full(n, len(codes), dtype=np.int64)
    used = codes >= 0
    np.minimum.at(first, codes[used], np.flatnonzero(used))
    return first


def _respell(
    names: pd.Series, codes: np.ndarray, spelled: np.ndarray, shown: np.ndarray
) -> pd.Series:
    """``names`` with each spelling replaced by the one shown, in the same kind of column."""
    if isinstance(names.dtype, pd.CategoricalDtype):
        categories = pd.Index(pd.unique(spelled[shown]))
        new_codes = np.where(codes >= 0, categories.get_indexer(spelled[shown])[codes], -1)
        out = pd.Categorical.from_codes(new_codes, categories=categories)
        if names.cat.categories.is_monotonic_increasing:
            out = out.reorder_categories(categories.sort_values())
        return pd.Series(out, index=names.index, name=names.name)
    blank = np.array([None], dtype=object)
    values = np.append(spelled[shown], blank)[codes]  # code -1 (a blank cell) picks None
    out = pd.Series(values, index=names.index, name=names.name, dtype=object)
    out = out.where(codes >= 0, names)  # blanks kept as they were (NaN, None ...)
    return out.astype(names.dtype) if names.dtype != object else out


def refuse_repeated_customers(names: pd.Series, what: str, advice: str = "") -> None:
    """Refuse a table naming one customer on two rows (by :func:`customer_key`); ``names`` is
    indexed by the user's row numbers, ``what`` names the table in the message.

    Examples
    --------
    >>> refuse_repeated_customers(pd.Series(["PT Maju", "CV Baru"], index=[2, 3]), "customers")
    >>> refuse_repeated_customers(pd.Series(["PT Maju", "P.T. Maju"], index=[2, 3]), "customers")
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: customers: row 3 'P.T. Maju' repeats row 2 'PT Maju' (names match ignoring case, spaces, punctuation and legal-form spelling)
    """
    keys = pd.Series(customer_keys(names), index=names.index, dtype=object)
    dup = keys.duplicated()
    if not dup.any():
        return
    row = names.index[dup.to_numpy()][0]
    first = names.index[(keys == keys[row]).to_numpy()][0]
    raise XlArError(
        f"{what}: row {row} {quote_excerpt(names[row])} repeats row {first} "
        f"{quote_excerpt(names[first])} (names match ignoring case, spaces, punctuation and "
        f"legal-form spelling){advice}"
    )
