"""Numbers, money, percentages and dates as text, for messages, letters and report lines.

The one home of these rules: a message that shows a number, an amount or a day uses them, so
the same value reads the same everywhere. ``lang`` is ``"en"`` (``1,234.50``) or ``"id"``
(``1.234,50``: Indonesian swaps the two separators).

Examples
--------
>>> plain_number(2000000000.0), plain_number(0.125), money_text(1234567, cents=False)
('2000000000', '0.125', 'Rp 1.234.567')
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.cells import quote_excerpt

__all__ = [
    "amount_text",
    "day_text",
    "file_slug",
    "grouped_number",
    "money_text",
    "percent_text",
    "plain_number",
    "rupiah",
    "value_text",
]

#: Integral numbers below this are written out in full; larger ones in ``1e+16`` form.
_FULL_DIGITS = 1e16


def plain_number(value: float) -> str:
    """A number as short text: whole numbers without ``.0``, others to 10 significant digits.

    Parameters
    ----------
    value : float
        Any real number (``nan`` and ``inf`` give ``'nan'`` and ``'inf'``).

    Returns
    -------
    str

    Examples
    --------
    >>> plain_number(2000000000.0), plain_number(0.125), plain_number(-2.5), plain_number(3)
    ('2000000000', '0.125', '-2.5', '3')
    >>> plain_number(1e20), plain_number(1 / 3), plain_number(float("nan"))
    ('1e+20', '0.3333333333', 'nan')
    """
    number = float(value)
    if number.is_integer() and abs(number) < _FULL_DIGITS:
        return str(int(number))
    return f"{number:.10g}"


def grouped_number(value: float, decimals: int = 0, lang: str = "en", *, trim: bool = False) -> str:
    """A number with thousands separators and ``decimals`` decimals.

    Parameters
    ----------
    value : float
    decimals : int
        Decimals shown (rounded as Python's format does).
    lang : {"en", "id"}
        ``"en"`` groups with ``,`` and marks decimals with ``.``; ``"id"`` the other way round.
    trim : bool
        Drop trailing zero decimals (and the decimal mark when none is left).

    Returns
    -------
    str

    Examples
    --------
    >>> grouped_number(1234567.5, 2), grouped_number(1234567.5, 2, "id")
    ('1,234,567.50', '1.234.567,50')
    >>> grouped_number(1234567.5), grouped_number(-1234.5, 2, trim=True), grouped_number(7, 2, trim=True)
    ('1,234,568', '-1,234.5', '7')
    """
    text = f"{float(value):,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def amount_text(amount: float, lang: str = "en") -> str:
    """An amount in a note: whole numbers without decimals, others with 2.

    Examples
    --------
    >>> amount_text(50.0), amount_text(33744.7), amount_text(1234.5, "id")
    ('50', '33,744.70', '1.234,50')
    """
    return grouped_number(amount, 0 if float(amount).is_integer() else 2, lang)


def money_text(
    value: float, lang: str = "id", currency: str | None = None, *, cents: bool | None = None
) -> str:
    """Money as a person writes it: ``Rp 1.234.567``, ``-Rp 5,000``, ``USD 1,234.50``.

    Parameters
    ----------
    value : float
    lang : {"id", "en"}
        Separators as in :func:`grouped_number`.
    currency : str, optional
        ISO code; blank, ``"IDR"`` or ``"Rp"`` write ``Rp``, another code is written as given.
    cents : bool, optional
        ``False`` whole units; ``True`` always two decimals; ``None`` (default) two decimals
        only when there are any for Rupiah, always for other currencies.

    Returns
    -------
    str
        The sign comes first (``-Rp 5``), and only when the amount shown is not zero.

    Examples
    --------
    >>> money_text(1234567), money_text(1234567.5), money_text(-5000, "en")
    ('Rp 1.234.567', 'Rp 1.234.567,50', '-Rp 5,000')
    >>> money_text(1234.5, "en", "USD"), money_text(1500000.4, cents=False)
    ('USD 1,234.50', 'Rp 1.500.000')
    """
    code = (currency or "IDR").strip().upper()
    rupiah = code in ("IDR", "RP")
    number = float(value)
    if cents is False:
        text = f"{abs(number):,.0f}"
        shown_zero = text == "0"
    else:
        hundredths = round(round(abs(number), 2) * 100)  # rounded once, on the value itself
        whole, frac = divmod(hundredths, 100)
        with_cents = cents or bool(frac) or not rupiah
        text = f"{whole:,}" + (f".{frac:02d}" if with_cents else "")
        shown_zero = hundredths == 0
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    sign = "-" if number < 0 and not shown_zero else ""
    return f"{sign}{'Rp' if rupiah else code} {text}"


def rupiah(value: float, lang: str = "id") -> str:
    """Whole Rupiah: ``Rp 1.500.000`` (``Rp 1,500,000`` in English, ``-Rp 5`` below zero).

    The same as ``money_text(value, lang, cents=False)``.

    Examples
    --------
    >>> rupiah(1500000), rupiah(1500000, "en"), rupiah(-5), rupiah(-0.2)
    ('Rp 1.500.000', 'Rp 1,500,000', '-Rp 5', 'Rp 0')
    """
    return money_text(value, lang, cents=False)


def percent_text(fraction: float, lang: str = "en") -> str:
    """A fraction as a percentage to 4 significant digits: ``0.125`` → ``12.5%`` (``12,5%`` id).

    Examples
    --------
    >>> percent_text(0.125), percent_text(0.125, "id"), percent_text(0.12), percent_text(1 / 3)
    ('12.5%', '12,5%', '12%', '33.33%')
    """
    text = f"{float(fraction) * 100:.4g}%"
    return text.replace(".", ",") if lang == "id" else text


def day_text(value: object, blank: str = "blank") -> str:
    """A day in ISO form (``2024-12-31``), or ``blank`` for a missing one.

    Examples
    --------
    >>> day_text(pd.Timestamp("2024-12-31 15:00")), day_text("2024-01-05"), day_text(None)
    ('2024-12-31', '2024-01-05', 'blank')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return blank
    return pd.Timestamp(value).date().isoformat()


def value_text(value: Any) -> str:
    """A user's value as a message shows it: numbers as :func:`plain_number`, others quoted.

    Text, blanks, dates and TRUE/FALSE are written as :func:`~xl_ar.core.base.cells.quote_excerpt`
    writes them (``'abc'``, ``(blank)``, ``TRUE``).

    Examples
    --------
    >>> value_text(0.0), value_text(-2.5), value_text(float("nan")), value_text("abc")
    ('0', '-2.5', 'nan', "'abc'")
    >>> value_text(None), value_text(pd.NA), value_text(True), value_text(1e20)
    ('(blank)', '(blank)', 'TRUE', '1e+20')
    """
    if value is pd.NA or value is pd.NaT:
        return "(blank)"
    if isinstance(value, numbers.Real | Decimal) and not isinstance(value, bool | np.bool_):
        return plain_number(float(value))
    return quote_excerpt(value)


def file_slug(name: str) -> str:
    """A customer name as part of a file name: ASCII letters and digits, ``_`` between runs,
    at most 60 characters; ``customer`` when nothing is left.

    Examples
    --------
    Accented letters keep their base letter (``Café`` → ``Cafe``); the same rule names the
    text letters, the statement workbooks and the Word/PDF documents.

    >>> file_slug("PT. Maju Jaya (Tbk)"), file_slug("Toko Ümit/Ann"), file_slug("—")
    ('PT_Maju_Jaya_Tbk', 'Toko_Umit_Ann', 'customer')
    """
    plain = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^0-9A-Za-z]+", "_", plain).strip("_")
    return slug[:60].strip("_") or "customer"
