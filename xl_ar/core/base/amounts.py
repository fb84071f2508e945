"""Turn spreadsheet amount cells into numbers, and say what is wrong with the ones that are not.

Real numbers pass through. Text amounts are read with explicit grammars, one number format
for the whole column:

=========  ====================  ===================================================
format     example               grouping / decimal mark
=========  ====================  ===================================================
``id``     ``Rp 1.234.567,50``   ``.`` (or a space) groups thousands, ``,`` decimal
``en``     ``$1,234,567.50``     ``,`` (or a space) groups thousands, ``.`` decimal
``plain``  ``1234567.50``        no grouping, ``.`` decimal
=========  ====================  ===================================================

Thousands groups must be proper groups of three (``1.23.4`` is not an amount). Like
:mod:`xl_ar.core.base.dates`, a column is factorised and each distinct text is read once, with
numpy and pandas ``.str`` methods, never cell by cell: the grammar is even checked once per
distinct *shape* (``Rp 1.234,50`` and ``Rp 5.678,90`` share the shape ``Rp 9.999,99``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from xl_ar.core.base.dates import KIND_BLANK, KIND_NUMBER, KIND_TEXT, classify_cells
from xl_ar.core.base.schema import ParsedColumn
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "MAX_CENTS_AMOUNT",
    "NUMBER_CONVENTIONS",
    "TOO_LARGE",
    "parse_amounts",
    "to_cents",
    "too_large",
]

NUMBER_CONVENTIONS = ("auto", "id", "en", "plain")
NOT_AN_AMOUNT = "is not an amount"
_EXAMPLES = {"id": "1.234,50", "en": "1,234.50", "plain": "1234.50"}

_FORMATS = ("id", "en", "plain")
_CURRENCY = r"rp\.?|idr|usd|eur|sgd|\$|€|£|₹"
_SPACE = "[ \u00a0\u202f\u2009]"  # may group thousands inside a number
# Sign, currency and parentheses around the number; the number itself is checked per format.
# These patterns run on *shapes* (every ASCII digit turned into 9), so they say [0-9].
_AMOUNT_RE = (
    r"^\s*(?P<lp>\()?\s*"
    r"(?P<s1>[-+\u2212])?\s*"
    rf"(?P<c1>{_CURRENCY})?\s*"
    r"(?P<s2>[-+\u2212])?\s*"
    r"(?P<lp2>\()?\s*"
    rf"(?P<num>[.,]?[0-9](?:(?:[.,]|{_SPACE})?[0-9])*)"
    r"(?P<nocents>[.,]-{1,2})?"  # Indonesian "Rp 50.000,-": no cents
    r"\s*(?P<rp2>\))?"
    r"\s*(?P<s3>[-\u2212])?"
    rf"\s*(?P<c2>{_CURRENCY})?"
    r"\s*(?P<rp>\))?\s*$"
)
_GROUPED = {
    "id": rf"[0-9]{{1,3}}(?:\.[0-9]{{3}})+|[0-9]{{1,3}}(?:{_SPACE}[0-9]{{3}})+",
    "en": rf"[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]{{1,3}}(?:{_SPACE}[0-9]{{3}})+",
}
_INTEGER_RE = {
    "id": rf"{_GROUPED['id']}|[0-9]+",
    "en": rf"{_GROUPED['en']}|[0-9]+",
    "plain": r"[0-9]+",
}
_NUMBER_RE = {
    "id": rf"(?:{_INTEGER_RE['id']})(?:,[0-9]+)?|,[0-9]+",
    "en": rf"(?:{_INTEGER_RE['en']})(?:\.[0-9]+)?|\.[0-9]+",
    "plain": r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+",
}
_DECIMAL_MARK = {"id": ",", "en": ".", "plain": "."}
_TO_SHAPE = str.maketrans("0123456789", "9" * 10)
_FAST_WIDTH = 40  # texts up to this long are read through a numpy character matrix
_CHUNK = 1 << 17  # rows of that matrix at a time (about 20 MB)


#: Largest amount that exact money arithmetic in whole cents (int64) takes: 10**15, so that
#: even sums of thousands of such amounts stay inside int64 (9.2 x 10**18 cents).
MAX_CENTS_AMOUNT = 1e15
#: The problem phrase for a money cell beyond :data:`MAX_CENTS_AMOUNT` (reads after the value).
TOO_LARGE = f"is larger than {MAX_CENTS_AMOUNT:,.0f}"


def too_large(values: object) -> np.ndarray:
    """Which amounts lie beyond :data:`MAX_CENTS_AMOUNT` (infinities too; NaN is not).

    Money is bounded where it is read, so that no sum of it can overflow a float (it would
    take more than 10**293 items) and every amount fits whole cents.

    Examples
    --------
    >>> too_large([1e15, -1e15 - 1, float("nan"), 1e308, float("-inf")]).tolist()
    [False, True, False, True, True]
    """
    with np.errstate(invalid="ignore"):
        return np.abs(np.asarray(values, dtype=np.float64)) > MAX_CENTS_AMOUNT


def to_cents(values: object, what: str) -> np.ndarray:
    """Money as whole cents (``int64``, NaN as 0), refusing amounts cents cannot hold.

    Examples
    --------
    >>> to_cents([12.345, None, -0.5], "payments").tolist()
    [1234, 0, -50]
    >>> to_cents([9.99e307], "payments")
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: payments: an amount of 9.99e+307 is too large (more than 1,000,000,000,000,000)
    """
    array = np.nan_to_num(
        np.asarray(values, dtype=np.float64), nan=0.0, posinf=np.inf, neginf=-np.inf
    )
    big = ~(np.abs(array) <= MAX_CENTS_AMOUNT)
    if big.any():
        shown = f"{float(array[np.flatnonzero(big)[0]]):.15g}"
        raise XlArError(
            f"{what}: an amount of {shown} is too large (more than {MAX_CENTS_AMOUNT:,.0f})"
        )
    return np.rint(array * 100).astype(np.int64)


def _check_number_format(number_format: object) -> str:
    key = number_format.strip().lower() if isinstance(number_format, str) else None
    if key not in NUMBER_CONVENTIONS:
        raise OptionError(
            f"number_format must be 'auto', 'id', 'en' or 'plain', not {number_format!r}"
        )
    return key


def _fmt(values: np.ndarray) -> pd.Series:
    """Numbers as short text: 1234.0 -> '1234', 1.234 -> '1.234'."""
    return pd.Series(values, dtype=np.float64).astype(str).str.replace(r"\.0$", "", regex=True)


class _Shapes:
    """Format validity, decimals and sign of distinct amount *shapes* (digits as 9)."""

    def __init__(self, shapes: np.ndarray) -> None:
        shape = pd.Series(shapes, dtype=object)
        self.blank = (shape.str.strip() == "").to_numpy(dtype=bool)
        parts = shape.str.extract(_AMOUNT_RE, flags=re.IGNORECASE)
        present = {key: parts[key].notna().to_numpy() for key in parts.columns}
        minus = {"-", "\u2212"}
        opened = present["lp"].astype(int) + present["lp2"]
        closed = present["rp"].astype(int) + present["rp2"]
        parenthesised = (opened == 1) & (closed == 1)
        self.negative = (
            parts["s1"].isin(minus).to_numpy()
            | parts["s2"].isin(minus).to_numpy()
            | present["s3"]
            | parenthesised
        )
        n_signs = present["s1"].astype(int) + present["s2"] + present["s3"] + parenthesised
        well_formed = (
            present["num"]
            & (opened == closed)
            & (opened <= 1)
            & (n_signs <= 1)
            & ~(present["c1"] & present["c2"])
        )
        num = parts["num"]
        nocents = present["nocents"]
        nocents_mark = parts["nocents"].str[0]
        self.valid: dict[str, np.ndarray] = {}
        self.decimals: dict[str, np.ndarray] = {}
        for fmt in _FORMATS:
            mark = _DECIMAL_MARK[fmt]
            number_ok = num.str.fullmatch(_NUMBER_RE[fmt]).to_numpy(dtype=bool, na_value=False)
            # "50.000,-": the format's decimal mark, then a dash instead of the decimals
            integer_ok = num.str.fullmatch(_INTEGER_RE[fmt]).to_numpy(dtype=bool, na_value=False)
            mark_ok = (nocents_mark == mark).to_numpy(dtype=bool, na_value=False)
            ok = well_formed & np.where(nocents, integer_ok & mark_ok, number_ok)
            # digits after the last decimal mark (none with ",-" or without a mark)
            length = num.str.len().to_numpy(dtype=np.float64, na_value=0.0)
            last_mark = num.str.rfind(mark).to_numpy(dtype=np.float64, na_value=-1.0)
            decimals = np.where(ok & ~nocents & (last_mark >= 0), length - last_mark - 1, 0.0)
            self.valid[fmt] = ok
            self.decimals[fmt] = decimals.astype(np.int64)


def _shapes_and_digits(text: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Shape of each text (ASCII digits -> ``9``) and its digits read as one whole number.

    Texts up to ``_FAST_WIDTH`` characters go through a numpy character matrix in chunks:
    no per-text Python work at all. The digits are exact below 2**53; they are NaN for
    longer texts (rare), which :class:`_TextAmounts` reads another way.
    """
    n = len(text)
    lengths = np.fromiter(map(len, text), dtype=np.int64, count=n)
    shapes = np.empty(n, dtype=object)
    digits = np.full(n, np.nan)
    short = np.flatnonzero(lengths <= _FAST_WIDTH)
    width = max(int(lengths[short].max()), 1) if len(short) else 1
    for start in range(0, len(short), _CHUNK):
        rows = short[start : start + _CHUNK]
        chars = text[rows].astype(f"U{width}").view(np.uint32).reshape(len(rows), width)
        is_digit = (chars >= 48) & (chars <= 57)
        shapes[rows] = np.where(is_digit, 57, chars).view(f"U{width}").ravel().astype(object)
        value = np.zeros(len(rows))
        for column in range(width):  # Horner over the digit columns
            value = np.where(is_digit[:, column], value * 10 + (chars[:, column] - 48.0), value)
        digits[rows] = value
    long = np.flatnonzero(lengths > _FAST_WIDTH)
    if len(long):
        shapes[long] = pd.Series(text[long], dtype=object).str.translate(_TO_SHAPE).to_numpy()
    return shapes, digits


class _TextAmounts:
    """Each distinct text read under every explicit format, vectorised.

    The grammar is checked once per distinct *shape* (``Rp 1.234,50`` -> ``Rp 9.999,99``;
    a column has few shapes); the digits are read in bulk and scaled by the decimals the
    shape has under each format. Numbers with more digits than a float holds exactly are
    read from text (``"123...45e-2"``), so every value is the correctly rounded float.
    """

    def __init__(self, texts: np.ndarray) -> None:
        text = np.asarray(texts, dtype=object)
        shape_of, magnitude = _shapes_and_digits(text)
        codes, shapes = pd.factorize(shape_of)
        info = _Shapes(np.asarray(shapes, dtype=object))
        self.blank = info.blank[codes]
        self.valid = {fmt: info.valid[fmt][codes] for fmt in _FORMATS}
        decimals = {fmt: info.decimals[fmt][codes] for fmt in _FORMATS}
        sign = np.where(info.negative[codes], -1.0, 1.0)
        self.value = {
            fmt: np.where(self.valid[fmt], sign * magnitude / 10.0 ** decimals[fmt], np.nan)
            for fmt in _FORMATS
        }
        readable = np.logical_or.reduce([self.valid[fmt] for fmt in _FORMATS])
        many_decimals = np.logical_or.reduce([decimals[fmt] > 22 for fmt in _FORMATS])
        inexact = np.flatnonzero(readable & (~(magnitude < 2.0**53) | many_decimals))
        if len(inexact):
            only = pd.Series(text[inexact], dtype=object).str.replace(r"[^0-9]", "", regex=True)
            for fmt in _FORMATS:
                exponent = pd.Series(decimals[fmt][inexact].astype(str), index=only.index)
                scientific = (only + "e-" + exponent).to_numpy(dtype=object).astype(np.float64)
                self.value[fmt][inexact] = np.where(
                    self.valid[fmt][inexact], sign[inexact] * scientific, np.nan
                )


def parse_amounts(values: object, *, number_format: str = "auto") -> ParsedColumn:
    """Read a column of amount cells into numbers, with a problem phrase for each bad cell.

    Parameters
    ----------
    values : pandas.Series or sequence
        The cells, of any dtype. A Series keeps its index; any other sequence or 1-d array
        gets a ``RangeIndex``. Blank cells (``None``, NaN, ``NaT``, ``pd.NA``, ``""``, white
        space) become NaN with no problem. Numbers (``int``, ``float``, numpy numbers,
        ``Decimal``) pass through; infinities, ``bool`` and dates are not amounts. Text is
        read after removing white space at the ends (non-breaking spaces included), one
        currency marker at the start or end (``Rp``, ``Rp.``, ``IDR``, ``USD``, ``EUR``,
        ``SGD``, ``$``, ``€``, ``£``, ``₹``; any case) and one sign: a leading ``-`` (before
        or after the currency), a trailing ``-`` or accounting parentheses ``(1.234,50)``.
        ``Rp 50.000,-`` is 50000 in ``id`` (``,-`` means no cents).
    number_format : {"auto", "id", "en", "plain"}, default "auto"
        How text amounts group thousands and mark decimals, for the whole column:

        * ``"id"``: Indonesian/European, ``1.234.567,50``; ``1.234`` is 1234, ``12,5`` 12.5;
        * ``"en"``: ``1,234,567.50``; ``55.94`` is 55.94;
        * ``"plain"``: no grouping, ``.`` decimal: ``1234567.50``;
        * ``"auto"``: decided **once for the column**, never per cell. Every text cell is
          read as ``id`` and as ``en``. Cells valid under one format only are evidence: the
          format with more such cells wins (ties give no winner). Cells valid under both
          with the same value (``1234``, ``12``) are read either way. Without a winner,
          cells valid under both that would differ (a column holding only ``1.234`` and
          ``2.500``) are not guessed: they stay NaN with the problem
          ``"is ambiguous: 1234 as 'id' or 1.234 as 'en' (set number_format)"``.

        Grouping must be in threes in every format; a space also groups thousands in
        ``id`` and ``en`` (``1 234 567,50``).

    Returns
    -------
    ParsedColumn
        ``values``: ``float64``, NaN where blank or bad. ``problems``: ``None`` or a phrase
        that reads after the cell value, e.g. ``"is not an amount (number format 'id')"``,
        ``"is not an amount (number format 'auto' chose 'en'; it would be valid as 'id')"``
        or the ambiguity phrase above. ``note``: what ``auto`` decided when it mattered,
        e.g. ``"text amounts read as 'id' (1.234,50)"``, else ``None``.

    Raises
    ------
    OptionError
        If ``number_format`` is not one of the accepted values.

    Examples
    --------
    >>> parse_amounts(["Rp 1.234.567,50", "(1.234)", 12.5, "", "12,5"]).values.tolist()
    [1234567.5, -1234.0, 12.5, nan, 12.5]
    >>> parse_amounts(["1,234.50", "55.94"], number_format="en").values.tolist()
    [1234.5, 55.94]
    >>> parse_amounts(["1.234", "2.500"]).problems.iloc[0]
    "is ambiguous: 1234 as 'id' or 1.234 as 'en' (set number_format)"
    """
    fmt = _check_number_format(number_format)
    cells = classify_cells(values, blank_text=False)  # blank text is found by shape below
    kinds = cells.kinds
    amounts = np.full(len(kinds), np.nan)
    problems = np.full(len(kinds), None, dtype=object)
    problems[(kinds != KIND_BLANK) & (kinds != KIND_NUMBER) & (kinds != KIND_TEXT)] = NOT_AN_AMOUNT

    number = kinds == KIND_NUMBER
    if number.any():
        found = cells.numbers[number]
        finite = np.isfinite(found)
        amounts[number] = np.where(finite, found, np.nan)
        problems[number] = np.where(finite, None, NOT_AN_AMOUNT)  # type: ignore[call-overload]

    note = None
    text = kinds == KIND_TEXT
    if text.any():
        read = _TextAmounts(cells.data[text])
        value, bad, note = _decide(read, fmt, np.where(read.blank, 0, cells.counts()[text]))
        huge = ~np.isfinite(value) & ~np.isnan(value)  # more digits than a float holds
        amounts[text] = np.where(read.blank | huge, np.nan, value)
        problems[text] = np.where(read.blank, None, np.where(huge, NOT_AN_AMOUNT, bad))  # type: ignore[call-overload]

    return ParsedColumn(
        values=pd.Series(cells.expand(amounts, np.nan), index=cells.index, name=cells.name),
        problems=pd.Series(
            cells.expand(problems, None), index=cells.index, name=cells.name, dtype=object
        ),
        note=note,
    )


def _invalid_phrase(valid: dict[str, np.ndarray], fmt: str, label: str) -> np.ndarray:
    """Phrase for text not valid under ``fmt``, naming the formats it would be valid in."""
    n = len(valid[fmt])
    phrases = np.full(n, f"{NOT_AN_AMOUNT} ({label})", dtype=object)
    others = [o for o in ("id", "en", "plain") if o != fmt]
    first, second = (valid[o] for o in others)
    for mask, names in (
        (first & ~second, f"'{others[0]}'"),
        (second & ~first, f"'{others[1]}'"),
        (first & second, f"'{others[0]}' or '{others[1]}'"),
    ):
        phrases[mask] = f"{NOT_AN_AMOUNT} ({label}; it would be valid as {names})"
    return phrases


def _decide(
    read: _TextAmounts, fmt: str, counts: np.ndarray
) -> tuple[np.ndarray, np.ndarray, str | None]:
    """Values, problems and note for the distinct texts under ``fmt`` (``auto`` decided here)."""
    if fmt != "auto":
        ok = read.valid[fmt]
        problems = np.where(ok, None, _invalid_phrase(read.valid, fmt, f"number format '{fmt}'"))  # type: ignore[call-overload]
        return np.where(ok, read.value[fmt], np.nan), problems, None

    id_ok, en_ok = read.valid["id"], read.valid["en"]
    id_only = int(counts[id_ok & ~en_ok].sum())
    en_only = int(counts[en_ok & ~id_ok].sum())
    if id_only != en_only:
        chosen = "id" if id_only > en_only else "en"
        ok = read.valid[chosen]
        label = f"number format 'auto' chose '{chosen}'"
        problems = np.where(ok, None, _invalid_phrase(read.valid, chosen, label))  # type: ignore[call-overload]
        note = f"text amounts read as '{chosen}' ({_EXAMPLES[chosen]})"
        return np.where(ok, read.value[chosen], np.nan), problems, note

    # No evidence either way (or as much for both): read only what both formats agree on.
    id_value, en_value = read.value["id"], read.value["en"]
    both = id_ok & en_ok
    agree = both & (id_value == en_value)
    ambiguous = both & ~agree
    values = np.where(agree, id_value, np.nan)
    problems = np.full(len(values), None, dtype=object)
    problems[~both] = f"{NOT_AN_AMOUNT} (number format 'auto')"
    notes = []
    if id_only:  # as many id-only as en-only cells: the column mixes both styles
        problems[id_ok ^ en_ok] = (
            f"{NOT_AN_AMOUNT} (number format 'auto' could not choose between 'id' and 'en': "
            "set number_format)"
        )
        notes.append("text amounts mix 'id' (1.234,50) and 'en' (1,234.50): set number_format")
    if ambiguous.any():
        problems[ambiguous] = (
            "is ambiguous: "
            + _fmt(id_value[ambiguous])
            + " as 'id' or "
            + _fmt(en_value[ambiguous])
            + " as 'en' (set number_format)"
        ).to_numpy(dtype=object)
    n_ambiguous = int(counts[ambiguous].sum())
    if n_ambiguous:
        verb = "text amount is" if n_ambiguous == 1 else "text amounts are"
        notes.append(f"{n_ambiguous} {verb} ambiguous between 'id' and 'en': set number_format")
    return values, problems, "; ".join(notes) or None
