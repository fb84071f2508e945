"""Currencies of a ledger: codes, one currency per figure, conversion with a rate table.

A ledger row is in the currency of its currency column (``Currency``, ``Mata Uang``), else
in the ``currency`` option given when reading it; a ledger with neither is read as Rupiah
(:data:`HOME_CURRENCY`) for labels, formats and letters. Codes are ISO 4217 letters in upper
case; ``Rp``, ``Rp.`` and ``Rupiah`` are ``IDR``, ``$`` and ``US$`` are ``USD``, ``€`` is
``EUR``, ``£`` ``GBP``, ``₹`` ``INR``, ``¥`` ``JPY``, ``S$`` ``SGD``. A ledger that names no
currency while its headers or amounts show another (``Amount (₹)``, ``$ 1,200``) gets a reading
note (:func:`assumed_currency_note`).

Amounts in different currencies are never added: :func:`~xl_ar.core.position.aging.aging`
ages them per currency, every other money figure needs one currency
(:func:`require_one_currency` raises :class:`~xl_ar.errors.CurrencyError` naming them).
Either keep one currency when reading (``only_currency``) or convert with a rate table
(:func:`convert_currency`): a rate is the number of units of the reporting currency per
1 unit of the foreign currency (``USD 15500`` with ``to="IDR"``: USD 1 = Rp 15.500).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.cells import cell_text, cut_text, map_unique, quote_excerpt
from xl_ar.core.base.columns import find_columns, header_lookup
from xl_ar.core.base.dates import parse_dates
from xl_ar.core.base.options import as_date
from xl_ar.core.base.tables import table_rows
from xl_ar.core.base.text import day_text, grouped_number
from xl_ar.errors import CurrencyError, OptionError

__all__ = [
    "CURRENCY_NAMES",
    "HOME_CURRENCY",
    "CONVERTED_ATTR",
    "RATES_ATTR",
    "as_currency",
    "assumed_currency_note",
    "assumed_currency_shown",
    "convert_currency",
    "currency_code",
    "currency_note",
    "currency_totals",
    "keep_currency",
    "require_own_amounts",
    "ledger_currencies",
    "ledger_currency",
    "read_rates",
    "require_one_currency",
]

#: The currency of a ledger that names none (labels, number formats, letters).
HOME_CURRENCY = "IDR"

#: ``ledger.attrs`` key: the note of a conversion (:func:`convert_currency`), for reports.
RATES_ATTR = "xl_ar_rates"

#: ``ledger.attrs`` key: the conversions applied, ``(code, rate, date or None, to)`` each (none
#: when every row was already in the reporting currency): letters refuse such a ledger.
CONVERTED_ATTR = "xl_ar_converted"

#: Symbols and names read as a code (upper case, spaces dropped).
CURRENCY_NAMES: dict[str, str] = {
    "RP": "IDR",
    "RP.": "IDR",
    "RUPIAH": "IDR",
    "$": "USD",
    "US$": "USD",
    "USDOLLAR": "USD",
    "€": "EUR",
    "EURO": "EUR",
    "£": "GBP",
    "₹": "INR",
    "¥": "JPY",
    "S$": "SGD",
    "A$": "AUD",
    "RM": "MYR",
}

_CODE = re.compile(r"^[A-Z]{3}$")

_RATE_HEADERS = {
    "currency": ("currency", "currency code", "ccy", "code", "mata uang", "valuta", "kode"),
    "rate": ("rate", "exchange rate", "fx rate", "kurs", "nilai tukar", "kurs tengah"),
    "date": ("date", "rate date", "as of", "tanggal", "tanggal kurs", "per"),
}


def currency_code(value: object) -> str | None:
    """The ISO code of a currency cell, or ``None`` for a blank or an unknown text.

    Examples
    --------
    >>> currency_code(" usd "), currency_code("Rp"), currency_code("€"), currency_code(None)
    ('USD', 'IDR', 'EUR', None)
    >>> currency_code("Dollar") is None
    True
    """
    text = cell_text(value)
    if text is None:
        return None
    key = "".join(text.upper().split())
    key = CURRENCY_NAMES.get(key, key)
    return key if _CODE.match(key) else None


#: A currency shown in a header or an amount cell: a symbol, or a code standing alone.
_SHOWN = re.compile(r"(US\$|S\$|A\$|\$|€|£|₹|¥|\bRp\.?|\b[A-Z]{3}\b)")


def _shown_code(text: str) -> str | None:
    """The first currency other than Rupiah a text shows, as a code (``None``: none).

    Examples
    --------
    >>> _shown_code("Amount (₹)"), _shown_code("$ 1,200"), _shown_code("Amount USD")
    ('INR', 'USD', 'USD')
    >>> _shown_code("Jumlah (Rp)"), _shown_code("Amount"), _shown_code("PPN 11%")
    (None, None, None)
    """
    for token in _SHOWN.findall(text):
        code = currency_code(token)
        known = code in CURRENCY_NAMES.values() or code in _ABOVE_RUPIAH
        if code is not None and code != HOME_CURRENCY and known:
            return code
    return None


def assumed_currency_note(headers: Any, amounts: pd.Series | None = None) -> str | None:
    """A note when a ledger naming no currency is read as Rupiah though it shows another.

    ``headers``: the money columns' headers; ``amounts``: their cells (text cells with a
    currency symbol or code count). ``None`` when nothing suggests another currency (the
    usual Indonesian ledger gets no note).

    Examples
    --------
    >>> assumed_currency_note(["Amount (₹)", "Balance Due (₹)"])
    "no currency column: amounts read as Rupiah (IDR), but the header 'Amount (₹)' shows INR; --currency CODE to say otherwise"
    >>> assumed_currency_note(["Amount"], pd.Series(["$1,200.00", "$50.00"]))
    "no currency column: amounts read as Rupiah (IDR), but amounts such as '$1,200.00' show USD; --currency CODE to say otherwise"
    >>> assumed_currency_note(["Jumlah"], pd.Series(["Rp 1.000", 500])) is None
    True
    """
    shown = None
    for header in headers:
        code = _shown_code(str(header))
        if code is not None:
            shown = f"the header {quote_excerpt(header, 30)} shows {code}"
            break
    if shown is None and amounts is not None:
        texts = pd.unique(amounts[amounts.map(lambda v: isinstance(v, str))].to_numpy(object))
        for text in texts[:1000]:
            code = _shown_code(str(text))
            if code is not None:
                shown = f"amounts such as {quote_excerpt(text, 20)} show {code}"
                break
    if shown is None:
        return None
    return f"{_ASSUMED}{shown}; --currency CODE to say otherwise"


_ASSUMED = "no currency column: amounts read as Rupiah (IDR), but "


def assumed_currency_shown(note: object) -> str | None:
    """What an :func:`assumed_currency_note` says the ledger shows, or ``None`` for any other
    note (commands writing to customers refuse such a ledger until ``--currency``).

    Examples
    --------
    >>> assumed_currency_shown(assumed_currency_note(["Amount (₹)"]))
    "the header 'Amount (₹)' shows INR"
    >>> assumed_currency_shown("row 7: a blank amount") is None
    True
    """
    text = str(note)
    if not text.startswith(_ASSUMED):
        return None
    return text[len(_ASSUMED) :].split("; --currency CODE", 1)[0]


def as_currency(value: object, name: str = "currency") -> str | None:
    """A currency option as an ISO code (``None`` when blank); anything else is refused.

    Examples
    --------
    >>> as_currency("usd"), as_currency(""), as_currency("Rp"), as_currency("₹")
    ('USD', None, 'IDR', 'INR')
    >>> as_currency("dollars")
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: currency must be a 3-letter code such as IDR or USD (or Rp, $, €, £, ₹, ¥, S$), not 'dollars'
    """
    if cell_text(value) is None:
        return None
    code = currency_code(value)
    if code is None:
        raise OptionError(
            f"{name} must be a 3-letter code such as IDR or USD (or Rp, $, €, £, ₹, ¥, S$), "
            f"not {quote_excerpt(value, 20)}"
        )
    return code


def currency_codes(cells: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Codes of a column of currency cells (NaN for blanks) and the mask of unreadable cells."""
    codes = map_unique(cells, currency_code)
    blank = map_unique(cells, lambda v: cell_text(v) is None, dtype=bool, na_value=True)
    bad = pd.isna(codes) & ~blank
    return pd.Series(codes, index=cells.index).astype("str"), np.asarray(bad, dtype=bool)


def ledger_currencies(ledger: pd.DataFrame) -> list[str]:
    """The distinct currency codes of a ledger, sorted (blank cells are not a currency).

    Examples
    --------
    >>> led = pd.DataFrame({"currency": ["USD", None, "IDR", "USD"]})
    >>> ledger_currencies(led)
    ['IDR', 'USD']
    """
    if s.CURRENCY not in ledger.columns:
        return []
    values = pd.unique(ledger[s.CURRENCY].dropna())
    return sorted(str(v) for v in values if str(v).strip())


def ledger_currency(ledger: pd.DataFrame, default: str | None = HOME_CURRENCY) -> str | None:
    """The one currency of a ledger (``default`` when it names none); several are refused.

    Examples
    --------
    >>> ledger_currency(pd.DataFrame({"currency": ["USD", "USD"]}))
    'USD'
    >>> ledger_currency(pd.DataFrame({"currency": [None]}))
    'IDR'
    """
    return require_one_currency(ledger, "this figure") or default


def currency_totals(ledger: pd.DataFrame) -> pd.DataFrame:
    """Rows and open balance (the ledger's ``balance``) per currency, by code.

    Examples
    --------
    >>> led = pd.DataFrame({"currency": ["IDR", "USD", "USD"], "balance": [1e6, 1000.0, 500.0]})
    >>> currency_totals(led).values.tolist()
    [['IDR', 1, 1000000.0], ['USD', 2, 1500.0]]
    """
    codes = ledger[s.CURRENCY].astype(object).where(ledger[s.CURRENCY].notna(), "")
    grouped = pd.DataFrame({"currency": codes.to_numpy(), "balance": ledger[s.BALANCE].to_numpy()})
    out = grouped.groupby("currency", sort=True)["balance"].agg(["size", "sum"]).reset_index()
    out.columns = ["currency", "rows", "balance"]
    return out[out["currency"] != ""].reset_index(drop=True)


def _amounts_text(ledger: pd.DataFrame) -> str:
    totals = currency_totals(ledger)
    return "; ".join(
        f"{c} {grouped_number(v, 2, trim=True)}"
        for c, v in zip(totals["currency"], totals["balance"], strict=True)
    )


def require_one_currency(ledger: pd.DataFrame, what: str = "this figure") -> str | None:
    """The ledger's one currency (``None`` when it names none), or a one-line refusal.

    The guard of every money figure but the aging (which ages per currency): amounts in
    different currencies are never added.

    Raises
    ------
    CurrencyError
        The ledger holds more than one currency; the message names them with their open
        balances and the way out.

    Examples
    --------
    >>> led = pd.DataFrame({"currency": ["IDR", "USD", "USD"], "balance": [1e6, 1000.0, 500.0]})
    >>> require_one_currency(led.iloc[1:], "DSO")
    'USD'
    >>> require_one_currency(led, "DSO")
    Traceback (most recent call last):
    ...
    xl_ar.errors.CurrencyError: the ledger is in several currencies (open: IDR 1,000,000; USD 1,500): DSO would add them up; convert them with a rate table, or keep one currency
    """
    found = ledger_currencies(ledger)
    if len(found) <= 1:
        return found[0] if found else None
    raise CurrencyError(
        f"the ledger is in several currencies (open: {_amounts_text(ledger)}): {what} would "
        "add them up; convert them with a rate table, or keep one currency",
        tuple(found),
    )


def require_own_amounts(ledger: pd.DataFrame, what: str = "letters") -> None:
    """Refuse amounts converted with a rate table where a customer must see its own currency.

    A letter (or statement) goes to the customer: it states each invoice in the currency it
    was issued in, never in the reporting currency of a conversion.

    Raises
    ------
    CurrencyError
        The ledger was converted (:func:`convert_currency` with a rate used).

    Examples
    --------
    >>> led = pd.DataFrame({"currency": ["IDR", "USD"], "amount": [1e6, 100.0],
    ...                     "paid": [0.0, 0.0], "balance": [1e6, 100.0]})
    >>> require_own_amounts(led)
    >>> out, _ = convert_currency(led, [["Currency", "Rate"], ["USD", 15500]])
    >>> require_own_amounts(out)
    Traceback (most recent call last):
    ...
    xl_ar.errors.CurrencyError: letters state each invoice in its own currency, not in amounts converted with a rate table (USD to IDR): write them without the rates, one currency at a time (only_currency)
    """
    done = ledger.attrs.get(CONVERTED_ATTR) or ()
    if done:
        codes = ", ".join(code for code, *_ in done)
        raise CurrencyError(
            f"{what} state each invoice in its own currency, not in amounts converted with a "
            f"rate table ({codes} to {done[0][3]}): write them without the rates, one currency "
            "at a time (only_currency)",
            (),  # no codes: the way out is not a rate table
        )


def currency_note(ledger: pd.DataFrame) -> str | None:
    """A reading note for a ledger in several currencies (``None`` for one or none).

    Examples
    --------
    >>> led = pd.DataFrame({"currency": ["IDR", "USD", "USD"], "balance": [1e6, 1000.0, 500.0]})
    >>> currency_note(led)
    '2 currencies (open: IDR 1,000,000 in 1 row; USD 1,500 in 2 rows): aged per currency, never added; other figures need a rate table or one currency'
    """
    if len(ledger_currencies(ledger)) <= 1:
        return None
    totals = currency_totals(ledger)
    parts = "; ".join(
        f"{c} {grouped_number(v, 2, trim=True)} in {n} row{'s' if n != 1 else ''}"
        for c, n, v in zip(totals["currency"], totals["rows"], totals["balance"], strict=True)
    )
    return (
        f"{len(totals)} currencies (open: {parts}): aged per currency, never added; other "
        "figures need a rate table or one currency"
    )


def keep_currency(ledger: pd.DataFrame, code: object) -> tuple[pd.DataFrame, str | None]:
    """The rows of one currency, and a note on the rows left out (``None`` if none were).

    Examples
    --------
    >>> led = pd.DataFrame({"currency": ["IDR", "USD", "USD"], "balance": [1e6, 1000.0, 500.0]})
    >>> kept, note = keep_currency(led, "usd")
    >>> len(kept), note
    (2, 'only USD: 1 row in other currencies left out (IDR 1,000,000)')
    """
    want = as_currency(code, "only_currency")
    if want is None:
        return ledger, None
    found = ledger_currencies(ledger)
    if want not in found:
        have = ", ".join(found) if found else "no currency column (give its currency)"
        raise OptionError(f"only_currency {want}: the ledger has no rows in {want} ({have})")
    keep = (ledger[s.CURRENCY] == want).fillna(False).to_numpy(dtype=bool)
    if keep.all():
        return ledger, None
    left = ledger[~keep]
    count = len(left)
    amounts = _amounts_text(left)
    note = f"only {want}: {count} row{'s' if count != 1 else ''} in other currencies left out" + (
        f" ({amounts})" if amounts else ""
    )
    return ledger[keep], note


def read_rates(source: Any, number_format: str = "auto") -> pd.DataFrame:
    """A rate table: columns currency, rate and an optional date, as a DataFrame.

    ``rate`` is the number of units of the reporting currency per 1 unit of ``currency``;
    text rates are read as amounts are (``number_format``, :func:`parse_amounts`): ``15.500``
    is 15500 in ``id``, and ambiguous in ``auto`` when no other rate decides.

    Examples
    --------
    >>> read_rates([["Currency", "Rate", "Date"], ["usd", 15500, "2024-12-31"]]).values.tolist()
    [['USD', 15500.0, Timestamp('2024-12-31 00:00:00')]]
    >>> read_rates([["Currency", "Rate"], ["USD", "15.500"]], "id").values.tolist()
    [['USD', 15500.0, NaT]]
    """
    rows = table_rows(source, hint="rates must be a table: currency, rate and an optional date")
    rows = [r for r in rows if any(cell_text(c) is not None for c in r)]
    if len(rows) < 2:
        raise OptionError("rates need a header row (currency, rate, date) and one row per currency")
    lookup = header_lookup(_RATE_HEADERS)
    found = find_columns(rows[0], lookup)
    missing = [k for k in ("currency", "rate") if k not in found]
    if missing:
        raise OptionError(f"rates: no {missing[0]} column (the headers are currency, rate, date)")
    body = [list(r) + [None] * (len(rows[0]) - len(r)) for r in rows[1:]]
    index = pd.RangeIndex(2, 2 + len(body))

    def column(key: str) -> pd.Series:
        return pd.Series([r[found[key]] for r in body], index=index, dtype=object)

    codes, bad = currency_codes(column("currency"))
    rates = parse_amounts(column("rate"), number_format=number_format)
    dates = parse_dates(column("date") if "date" in found else column("rate").map(lambda _: None))
    _check_rate_rows(column("currency"), codes, bad, column("rate"), rates, dates)
    return pd.DataFrame(
        {"currency": codes.to_numpy(object), "rate": rates.values.to_numpy(float),
         "date": dates.values.to_numpy("datetime64[ns]")},
        index=index,
    )  # fmt: skip


def _check_rate_rows(cells, codes, bad, raw_rates, rates, dates) -> None:
    """Refuse the first unreadable row of a rate table, naming it."""
    checks = (
        (bad | codes.isna().to_numpy(), cells, "is not a currency code (IDR, USD ...)"),
        (rates.problems.str.startswith("is ambiguous").fillna(False).to_numpy(dtype=bool),
         raw_rates, _ambiguous(rates.problems)),
        (rates.problems.notna().to_numpy() | ~(rates.values > 0).to_numpy(), raw_rates,
         "is not a rate (units of the reporting currency per 1 unit, above 0)"),
        (dates.problems.notna().to_numpy(), None, "is not a date"),
    )  # fmt: skip
    for mask, raw, problem in checks:
        if mask.any():
            row = int(np.flatnonzero(mask)[0])
            value = (raw if raw is not None else dates.values).iloc[row]
            shown = "(blank)" if cell_text(value) is None else quote_excerpt(value, 20)
            raise OptionError(f"rates: row {cells.index[row]}: {shown} {problem}")


def _ambiguous(problems: pd.Series) -> str:
    """The first ambiguity phrase of a rate column, with the way to settle it."""
    found = problems[problems.str.startswith("is ambiguous").fillna(False).astype(bool)]
    text = str(found.iloc[0]) if len(found) else "is ambiguous"
    return text.replace("(set number_format)", "(give the number format: number_format id or en)")


#: Currencies worth more than 1 Rupiah by orders of magnitude: a rate below 1 between one of
#: them and IDR (or above 1 the other way) is inverted, never a real rate.
_ABOVE_RUPIAH = frozenset(
    "USD EUR GBP CHF JPY CNY SGD AUD NZD CAD HKD MYR THB PHP INR KRW SAR AED TWD".split()
)


def _check_direction(code: str, rate: float, target: str) -> None:
    """Refuse a rate given the wrong way round (IDR per USD below 1, USD per IDR above 1)."""
    inverted = (target == "IDR" and code in _ABOVE_RUPIAH and rate < 1) or (
        code == "IDR" and target in _ABOVE_RUPIAH and rate > 1
    )
    if inverted:
        raise OptionError(
            f"rates: {code} {grouped_number(rate, 8, trim=True)} looks inverted: a rate is units "
            f"of {target} per 1 {code} (here about {grouped_number(1 / rate, 2, trim=True)})"
        )


def _chosen_rates(table: pd.DataFrame, as_of: pd.Timestamp | None) -> pd.DataFrame:
    """One rate per currency: the latest dated on or before ``as_of`` (or the undated one)."""
    chosen = []
    for code, rows in table.groupby("currency", sort=True):
        undated = rows["date"].isna()
        if undated.any() and len(rows) > 1:
            raise OptionError(f"rates: {code} has {len(rows)} rates: date each one")
        usable = rows if as_of is None or undated.all() else rows[rows["date"] <= as_of]
        if usable.empty:
            raise OptionError(f"rates: no {code} rate dated on or before {day_text(as_of)}")
        latest = usable[usable["date"] == usable["date"].max()] if not undated.all() else usable
        if latest["rate"].nunique() > 1:
            raise OptionError(f"rates: {code} has two rates on {day_text(latest['date'].iloc[0])}")
        chosen.append(latest.iloc[0])
    return pd.DataFrame(chosen).reset_index(drop=True)


def convert_currency(
    ledger: pd.DataFrame,
    rates: Any,
    to: Any = HOME_CURRENCY,
    *,
    as_of: Any = None,
    number_format: str = "auto",
) -> tuple[pd.DataFrame, str]:
    """Convert every amount of a ledger to one reporting currency with a rate table.

    Parameters
    ----------
    ledger : pandas.DataFrame
        A canonical ledger whose rows name their currency (a currency column or the
        ``currency`` reading option).
    rates : table
        Columns currency, rate and an optional date (:func:`read_rates`): a range, a
        DataFrame or a .csv/.xlsx path. ``rate`` = units of ``to`` per 1 unit of the
        currency. Each currency takes its latest rate dated on or before ``as_of`` (all dates
        when ``as_of`` is not given), or its one undated rate. Rows already in ``to`` need no
        rate.
    to : str, default 'IDR'
        The reporting currency.
    as_of : date-like, optional
    number_format : {'auto', 'id', 'en', 'plain'}, default 'auto'
        How text rates are read (``15.500`` is 15500 in ``id``). A rate given the wrong way
        round (below 1 between a major currency and IDR) is refused.

    Returns
    -------
    (pandas.DataFrame, str)
        The ledger with ``amount``, ``paid`` and ``balance`` in ``to`` (rounded to cents;
        balance = amount − paid) and ``currency`` = ``to``; and the note stating each rate
        and its date (also kept in ``ledger.attrs[RATES_ATTR]``, the rates used in
        ``ledger.attrs[CONVERTED_ATTR]``).

    Examples
    --------
    >>> led = pd.DataFrame({"currency": ["IDR", "USD"], "amount": [1e6, 100.0],
    ...                     "paid": [0.0, 40.0], "balance": [1e6, 60.0]})
    >>> out, note = convert_currency(led, [["Currency", "Rate", "Date"], ["USD", 15500, "2024-12-31"]])
    >>> out[["currency", "amount", "paid", "balance"]].values.tolist()
    [['IDR', 1000000.0, 0.0, 1000000.0], ['IDR', 1550000.0, 620000.0, 930000.0]]
    >>> note
    'amounts in IDR; converted at USD 1 = IDR 15,500 (rate of 2024-12-31)'
    """
    target = as_currency(to, "report_currency") or HOME_CURRENCY
    day = None if as_of is None else as_date(as_of)
    table = _chosen_rates(read_rates(rates, number_format), day)
    codes = ledger[s.CURRENCY]
    if codes.isna().any():
        raise CurrencyError(
            "the ledger does not say its currency: give it (a currency column, or the currency "
            "option) before converting",
            (),
        )
    factor = pd.Series(1.0, index=ledger.index)
    used = []
    done: list[tuple[str, float, str | None, str]] = []
    by_code = dict(
        zip(table["currency"], zip(table["rate"], table["date"], strict=True), strict=True)
    )
    for code in ledger_currencies(ledger):
        if code == target:
            continue
        if code not in by_code:
            count = int((codes == code).sum())
            raise CurrencyError(
                f"rates: no rate for {code} ({count} ledger row{'s' if count != 1 else ''}): add "
                f"{code} to the rate table (units of {target} per 1 {code})",
                (code,),
            )
        rate, date = by_code[code]
        _check_direction(code, rate, target)
        factor[(codes == code).to_numpy()] = rate
        done.append((code, float(rate), None if pd.isna(date) else day_text(date), target))
        when = "undated rate" if pd.isna(date) else f"rate of {day_text(date)}"
        used.append(f"{code} 1 = {target} {grouped_number(rate, 6, trim=True)} ({when})")
    out = ledger.copy()
    out[s.AMOUNT] = (ledger[s.AMOUNT] * factor).round(2)
    out[s.PAID] = (ledger[s.PAID] * factor).round(2)
    out[s.BALANCE] = out[s.AMOUNT] - out[s.PAID]
    out[s.CURRENCY] = pd.Series(target, index=ledger.index, dtype=ledger[s.CURRENCY].dtype)
    note = f"amounts in {target}" + (f"; converted at {', '.join(used)}" if used else "")
    out.attrs[RATES_ATTR] = cut_text(note, 250)
    out.attrs[CONVERTED_ATTR] = tuple(done)
    return out, note
