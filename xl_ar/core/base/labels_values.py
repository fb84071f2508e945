"""Label/value ranges: a two-column form (label | value) as users lay one out in Excel.

A credit profile, a policy sheet or a 5 C's scorecard is typed as a small form: a label in
the first column, its value in the second. :func:`read_label_values` turns such a range (as
Excel hands it over: row lists, ``None`` for empty cells, ``float`` or ``Decimal`` numbers)
into ``{canonical key: value}``:

* labels are matched with :func:`xl_ar.core.base.columns.normalize_header` (case, spaces,
  underscores, dashes and anything in parentheses ignored) against English and Indonesian
  synonyms: ``Ekuitas Bersih``, ``ekuitas_bersih`` and ``EKUITAS BERSIH (Rp)`` all match;
* a header row such as ``Label | Value`` or ``Item | Nilai`` is skipped, blank rows are
  ignored, and a label whose value is blank is *missing* (absent from the result, never 0);
* numbers pass through as ``float``; text numbers are read as amounts
  (``"Rp 1.500.000.000"``, ``"1,500,000,000"``) or percentages (``"20%"`` → 0.2); other text
  is kept (stripped) for the caller to interpret (``"new"``, ``"30 hari"``);
* an unknown or repeated label, or a value without a label, raises
  :class:`~xl_ar.errors.XlArError` with a one-line message naming it.

The ``get_*`` helpers then read one entry as a number, fraction, choice or yes/no flag and
name the label as the user wrote it in their messages.
"""

from __future__ import annotations

import difflib
import math
import numbers
import re
from collections.abc import Collection, Iterable, Mapping
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.cells import cell_text, flag_value, is_blank_value, quote_excerpt
from xl_ar.core.base.columns import header_lookup, normalize_header
from xl_ar.core.base.text import plain_number
from xl_ar.errors import XlArError

__all__ = [
    "LabelValues",
    "get_choice",
    "get_flag",
    "get_fraction",
    "get_number",
    "get_text",
    "read_label_values",
]

#: First-row labels and values that mark a header row (skipped), after normalisation.
HEADER_LABELS = frozenset(
    normalize_header(h)
    for h in (
        "label", "labels", "item", "items", "field", "parameter", "setting", "name", "key",
        "variable", "description", "keterangan", "uraian", "nama", "pos", "variabel",
        "pengaturan", "komponen", "c", "5c", "5 c's", "criterion", "kriteria", "aspek",
    )
)  # fmt: skip
HEADER_VALUES = frozenset(
    normalize_header(h)
    for h in (
        "value", "values", "amount", "input", "data", "setting", "score", "weight",
        "nilai", "jumlah", "isi", "angka", "besaran", "skor", "bobot",
    )
)  # fmt: skip

_PERCENT = re.compile(r"^\s*(?P<num>.*?)\s*%\s*$")


class LabelValues(dict):
    """``{canonical key: value}`` read from a label/value range, remembering the labels.

    A plain ``dict`` for every purpose (equality, iteration); :meth:`name` gives the label
    as the user wrote it, for messages.

    Attributes
    ----------
    what : str
        What the range is (``"profile"``, ``"policy"`` ...), the first word of messages.
    written : dict
        Canonical key → label as written (also for labels whose value was blank).
    rows : dict
        Canonical key → row number in the range (1 = first row), ``None`` for mappings.
    """

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what
        self.written: dict[str, str] = {}
        self.rows: dict[str, int | None] = {}

    def name(self, key: str) -> str:
        """The label for messages: ``'ekuitas bersih' (tangible_net_worth)`` or ``'character'``.

        Examples
        --------
        >>> lv = LabelValues("profile")
        >>> lv.written.update(tangible_net_worth="Ekuitas Bersih", character="Character")
        >>> lv.name("tangible_net_worth"), lv.name("character"), lv.name("size")
        ("'Ekuitas Bersih' (tangible_net_worth)", "'character'", "'size'")
        """
        written = self.written.get(key)
        if written is None or normalize_header(written) == normalize_header(key):
            return f"'{key}'"
        return f"'{written}' ({key})"


def read_label_values(
    range_rows: Any,
    *,
    known: Mapping[str, Iterable[str]],
    what: str,
    text_labels: Collection[str] = (),
    listing: str | None = None,
    number_format: str = "auto",
) -> LabelValues:
    """Read a two-column label/value range into ``{canonical key: value}``.

    Parameters
    ----------
    range_rows : list of rows, 2-D array, pandas.DataFrame, dict or pandas.Series
        Rows as Excel sends a range (``None`` for empty cells). A first row that looks like
        a header (``Label | Value``, ``Item | Nilai``) is skipped and blank rows are
        ignored. Columns after the second may hold notes (text); numbers there are refused,
        so a third column of weights is never silently dropped. A dict or Series maps labels
        to values directly.
    known : mapping
        Canonical key → synonyms (English and Indonesian). The key itself matches too.
    what : str
        Name of the range for messages (``"profile"``).
    text_labels : collection of str, optional
        Keys whose values stay text even when they look like numbers (names).
    listing : str, optional
        The "known labels" part of the unknown-label message; by default the keys.
    number_format : {"auto", "id", "en", "plain"}, default "auto"
        How text amounts are read (see :func:`xl_ar.core.base.amounts.parse_amounts`).

    Returns
    -------
    LabelValues
        A dict: values are ``float`` (numbers, text numbers, percentages as fractions),
        ``bool``, stripped ``str`` or dates as given. Labels with a blank value are absent.

    Raises
    ------
    XlArError
        Unknown or repeated label, a value without a label, a range with fewer than two
        columns, an ambiguous text number (``"1.500"``).

    Examples
    --------
    >>> known = {"working_capital": ("modal kerja",), "customer_type": ("jenis pelanggan",)}
    >>> read_label_values([["Item", "Nilai"], ["Modal Kerja", "Rp 1.500.000.000"],
    ...                    [None, None], ["Jenis Pelanggan", "baru"]], known=known,
    ...                   what="profile")
    {'working_capital': 1500000000.0, 'customer_type': 'baru'}
    >>> read_label_values([["modal kerjaa", 5.0]], known=known, what="profile")
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: profile: unknown label 'modal kerjaa' (did you mean 'modal kerja'?; \
known: working_capital, customer_type)
    """
    lookup = header_lookup(known)
    out = LabelValues(what)
    pairs = _pairs(range_rows, what)
    first = True
    for row, label, value in pairs:
        if is_blank_value(label):
            if not is_blank_value(value):
                raise XlArError(f"{what}: row {row} has a value ({_show(value)}) but no label")
            continue
        text = cell_text(label) or ""
        norm = normalize_header(text)
        if first and row is not None:
            first = False
            if norm not in lookup and norm in HEADER_LABELS and _header_value(value):
                continue
        first = False
        key = lookup.get(norm)
        if key is None:
            raise XlArError(
                f"{what}: unknown label {quote_excerpt(text)} ({_suggest(text, known, listing)})"
            )
        if key in out.written:
            where = f" (row {row})" if row is not None else ""
            first_label = out.written[key]
            first_row = out.rows[key]
            first_at = f" (row {first_row})" if first_row is not None else ""
            raise XlArError(
                f"{what}: label {quote_excerpt(text)}{where} repeats "
                f"{quote_excerpt(first_label)}{first_at}: "
                "give each item once"
            )
        out.written[key] = text
        out.rows[key] = row
        converted = _convert(value, key in text_labels, number_format, out.name(key), what)
        if converted is not None:
            out[key] = converted
    return out


def _header_value(value: object) -> bool:
    return is_blank_value(value) or (
        isinstance(value, str) and normalize_header(value) in HEADER_VALUES
    )


def _suggest(text: str, known: Mapping[str, Iterable[str]], listing: str | None) -> str:
    labels = {label: key for key, syn in known.items() for label in (key, *syn)}
    close = difflib.get_close_matches(text.strip().lower(), list(labels), n=1, cutoff=0.75)
    hint = f"did you mean {close[0]!r}?; " if close else ""
    return f"{hint}known: {listing or ', '.join(known)}"


def _pairs(source: Any, what: str) -> list[tuple[int | None, object, object]]:  # noqa: C901
    """(row number or None, label, value) of every row of the source."""
    if source is None or (isinstance(source, str) and not source.strip()):
        return []
    if isinstance(source, pd.Series):
        return [(None, k, v) for k, v in source.items()]
    if isinstance(source, Mapping):
        return [(None, k, v) for k, v in source.items()]
    if isinstance(source, pd.DataFrame):
        rows = source.astype(object).to_numpy().tolist()
        if not isinstance(source.columns, pd.RangeIndex):
            rows = [list(source.columns), *rows]
        source = rows
    if isinstance(source, np.ndarray):
        source = source.tolist()
    if isinstance(source, (str, bytes)) or not isinstance(source, (list, tuple)):
        raise XlArError(f"{what}: expected a two-column range of labels and values")
    rows = list(source)
    if rows and not any(isinstance(r, (list, tuple)) for r in rows):
        rows = [rows]  # one row given flat: ["character", 4.0]
    out: list[tuple[int | None, object, object]] = []
    for number, cells in enumerate(rows, start=1):
        cells = list(cells) if isinstance(cells, (list, tuple)) else [cells]
        if all(is_blank_value(c) for c in cells):
            continue
        if len(cells) < 2:
            raise XlArError(
                f"{what}: expected two columns (label, value), row {number} has one: "
                "select the labels and their values"
            )
        for extra, cell in enumerate(cells[2:], start=3):
            if isinstance(cell, (numbers.Real, Decimal)) and not isinstance(cell, bool):
                if not (isinstance(cell, float) and math.isnan(cell)):
                    raise XlArError(
                        f"{what}: expected two columns (label, value), but column {extra} "
                        f"of row {number} holds a number: select only the labels and values"
                    )
        out.append((number, cells[0], cells[1]))
    return out


def _show(value: object) -> str:
    return quote_excerpt(cell_text(value) if isinstance(value, str) else value)


def _convert(value: object, keep_text: bool, number_format: str, name: str, what: str) -> Any:
    """One value: None when blank, float for numbers and text numbers, else as given."""
    if is_blank_value(value):
        return None
    if keep_text:
        return cell_text(value)
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (numbers.Real, Decimal)):
        number = float(value)
        if not math.isfinite(number):
            raise XlArError(f"{what}: {name} is not a finite number")
        return number
    if isinstance(value, str):
        text = value.strip()
        percent = _PERCENT.match(text)
        body = percent.group("num") if percent else text
        read = _text_number(body, number_format, name, what)
        if read is None:
            return text
        return read / 100.0 if percent else read
    return value


def _text_number(text: str, number_format: str, name: str, what: str) -> float | None:
    if not any(ch.isdigit() for ch in text):
        return None
    parsed = parse_amounts([text], number_format=number_format)
    problem = parsed.problems.iloc[0]
    if problem is not None and str(problem).startswith("is ambiguous"):
        raise XlArError(
            f"{what}: {name} {quote_excerpt(text)} {problem}".replace("(set number_format)", "")
        )
    value = parsed.values.iloc[0]
    if problem is not None or math.isnan(value):
        return None
    return float(value)


# --------------------------------------------------------------------------- typed access


def get_number(
    values: LabelValues,
    key: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    example: str = "1500000 or Rp 1.500.000",
    note: str = "",
) -> float | None:
    """The value of ``key`` as a float; ``None`` when the label is absent or blank.

    Text that is not a number, ``True``/``False``, dates and values outside
    ``[minimum, maximum]`` raise :class:`~xl_ar.errors.XlArError` naming the label and the
    expected form. ``note`` is added to range messages (e.g. what to do instead).

    Examples
    --------
    >>> lv = read_label_values({"ekuitas bersih": -5.0}, what="profile",
    ...                        known={"tangible_net_worth": ("ekuitas bersih",)})
    >>> get_number(lv, "tangible_net_worth", minimum=0)
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: profile: 'ekuitas bersih' (tangible_net_worth) must be 0 or more, got -5
    """
    if key not in values:
        return None
    value = values[key]
    name = values.name(key)
    if isinstance(value, bool) or not isinstance(value, float):
        raise XlArError(
            f"{values.what}: {name} must be a number (e.g. {example}), not {_show(value)}"
        )
    extra = f" ({note})" if note else ""
    if minimum is not None and value < minimum:
        raise XlArError(
            f"{values.what}: {name} must be {plain_number(minimum)} or more, got {plain_number(value)}{extra}"
        )
    if maximum is not None and value > maximum:
        raise XlArError(
            f"{values.what}: {name} must be {plain_number(maximum)} or less, got {plain_number(value)}{extra}"
        )
    return value


def get_fraction(values: LabelValues, key: str, *, allow_one: bool = True) -> float | None:
    """A fraction in ``[0, 1]`` (``"20%"`` or 0.2); ``None`` when absent.

    Examples
    --------
    >>> lv = read_label_values([["ppn_rate", 11.0]], known={"ppn_rate": ()}, what="policy")
    >>> get_fraction(lv, "ppn_rate")
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: policy: 'ppn_rate' must be a fraction from 0 to 1 (20% = 0.2), got 11
    """
    if key not in values:
        return None
    value = get_number(values, key, example="0.2 or 20%")
    assert value is not None
    top = "1" if allow_one else "below 1"
    if not 0.0 <= value <= 1.0 or (not allow_one and value >= 1.0):
        raise XlArError(
            f"{values.what}: {values.name(key)} must be a fraction from 0 to {top} "
            f"(20% = 0.2), got {plain_number(value)}"
        )
    return value


def get_choice(values: LabelValues, key: str, choices: Mapping[str, Iterable[str]]) -> str | None:
    """One of the canonical ``choices`` (case-insensitive, synonyms allowed); ``None`` if absent.

    Examples
    --------
    >>> lv = read_label_values({"size": "Kecil"}, known={"size": ()}, what="profile")
    >>> get_choice(lv, "size", {"small": ("kecil",), "large": ("besar",)})
    'small'
    """
    if key not in values:
        return None
    value = values[key]
    text = (cell_text(value) or "").strip().lower()
    for canon, synonyms in choices.items():
        if text == canon or text in {s.lower() for s in synonyms}:
            return canon
    allowed = ", ".join(
        f"'{c}'" + (f" ({'/'.join(syn)})" if (syn := tuple(s)) else "") for c, s in choices.items()
    )
    raise XlArError(f"{values.what}: {values.name(key)} must be {allowed}, not {_show(value)}")


def get_flag(values: LabelValues, key: str) -> bool | None:
    """A yes/no value (``yes``/``ya``/``TRUE``/1 or ``no``/``tidak``/``FALSE``/0); ``None`` if absent.

    Examples
    --------
    >>> lv = read_label_values({"x": "Ya"}, known={"x": ()}, what="policy")
    >>> get_flag(lv, "x")
    True
    """
    if key not in values:
        return None
    flag = flag_value(values[key])
    if flag is None:
        raise XlArError(
            f"{values.what}: {values.name(key)} must be yes or no (ya/tidak, TRUE/FALSE, 1/0), "
            f"not {_show(values[key])}"
        )
    return flag


def get_text(values: LabelValues, key: str) -> str | None:
    """The value as text (numbers without ``.0``); ``None`` when absent."""
    if key not in values:
        return None
    return cell_text(values[key])
