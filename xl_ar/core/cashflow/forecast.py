"""Cash forecast from open receivables: expected collections per week or month.

Rules (each documented choice in one place):

* **What is forecast**: every item open at ``as_of`` (:func:`xl_ar.core.position.open_items.open_items`,
  credit notes and unapplied cash included as negative items), so the lines always add up to
  the open AR of the aging at ``as_of``.
* **Expected date** of an item: its promise-to-pay date when ``promises`` names its invoice;
  otherwise its due date plus the customer's **amount-weighted average days late**
  (``max(0, payment date - due date)`` over the customer's invoices paid in full by ``as_of``,
  rounded to whole days). A customer without such history gets the portfolio's average
  (all customers' invoices paid in full by ``as_of``; 0 when there are none): a new customer
  is expected to behave like the book, not like the best payer.
* **Periods** start the day after ``as_of``. Weeks are 7-day periods (week 1 = ``as_of + 1``
  to ``as_of + 7``; 13 weeks by default). Months are calendar months (3 by default, about
  13 weeks); the first one is the rest of ``as_of``'s month when ``as_of`` is not a month end.
* **Overdue items** whose expected date is on or before ``as_of`` (a customer even later
  than usual, a broken promise) are expected in the first period.
* **Beyond horizon**: items expected after the last period.
* **Disputed** items are not forecast into the periods; they have their own line.
* **Expected loss**: each item's open amount x the loss rate of its aging bucket (items more
  than ``write_off_after_days`` past due: 1) is taken out of that item, wherever it was
  expected (period, beyond horizon or disputed), and shown on its own line. The line equals
  the ECL of :func:`xl_ar.core.provisioning.ecl.ecl_from_ledger` with the same rates. Loss rates are given,
  or estimated from the ledger's own last 12 months (:func:`xl_ar.core.provisioning.loss_rates.loss_rates`).
* **Cents**: every item is split into expected collection and expected loss in whole cents,
  so periods + beyond horizon + disputed + expected loss = open AR exactly, to the cent. The
  item losses are rounded so that they add up to the ECL total rounded to the cent (largest
  remainder), so the expected-loss line ties to the required allowance with the same rates.
* **Giro in hand** (``giro``: post-dated giro / cheques received, *bilyet giro mundur*): each
  is its own line ``Giro in hand`` right after the period of its date (a giro dated on or
  before ``as_of`` in the first period; after the horizon, a line after beyond horizon), never
  mixed into the expected collections. The invoices a giro will pay are still open, so to
  count the money once the giro amount is taken off its customer's expected collections,
  oldest items first (by due date; disputed items untouched): the lines still add up to
  the open AR. A giro of a customer with no open items, or above the customer's expected
  collections, is refused (it would count money the ledger does not hold).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.cells import (
    cell_text,
    finite_money,
    is_blank_value,
    number_value,
    quote_excerpt,
)
from xl_ar.core.base.columns import find_columns, header_lookup, shown_header
from xl_ar.core.base.customers import match_customers
from xl_ar.core.base.dates import FIRST_DAY, parse_dates
from xl_ar.core.base.labels import pick
from xl_ar.core.base.options import as_buckets, as_date
from xl_ar.core.base.sources import read_grid
from xl_ar.core.base.text import value_text
from xl_ar.core.ledger.currency import require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.position.aging import assign_buckets, bucket_labels, customer_codes
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, day_numbers, open_mask, outstanding_at
from xl_ar.core.provisioning import loss_rates as lr_mod
from xl_ar.core.provisioning.ecl import item_loss_rates, resolve_rates
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "DEFAULT_HORIZON",
    "FORECAST_COLUMNS",
    "LINE_LABELS",
    "customer_days_late",
    "forecast",
    "forecast_items",
    "forecast_periods",
    "horizon_periods",
    "period_word",
    "read_promises",
]

PERIOD_WORDS = {
    "week": "week", "weeks": "week", "weekly": "week", "w": "week",
    "minggu": "week", "mingguan": "week",
    "month": "month", "months": "month", "monthly": "month", "m": "month",
    "bulan": "month", "bulanan": "month",
}  # fmt: skip
DEFAULT_HORIZON = {"week": 13, "month": 3}
MAX_HORIZON = {"week": 260, "month": 60}
HISTORY_MONTHS = 12  # window of the loss-rate estimate when no rates are given
_LAST_NS_DAY = float(np.datetime64("2262-04-11", "D").astype(np.int64))  # in day numbers
_NAT = np.datetime64("NaT", "D")

FORECAST_COLUMNS = ("period", "start", "end", "amount", "items")
#: Labels of the lines after the periods: key -> (Indonesian, English); ``lang`` picks one.
LINE_LABELS = {
    "beyond": ("Setelah horizon", "Beyond horizon"),
    "disputed": ("Sengketa", "Disputed"),
    "loss": ("Kerugian ekspektasian", "Expected loss"),
    "giro": ("Giro mundur di tangan", "Giro in hand"),
    "total": ("Total", "Total"),
}


# --- options --------------------------------------------------------------------------------
def period_word(value: Any) -> str:
    """``'week'`` or ``'month'`` from English or Indonesian words (blank: ``'week'``).

    Examples
    --------
    >>> period_word("Bulan"), period_word(None)
    ('month', 'week')
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return "week"
    got = PERIOD_WORDS.get(str(value).strip().lower())
    if got is None:
        raise OptionError(
            "period must be one of 'week', 'month' (or 'minggu', 'bulan'), "
            f"not {quote_excerpt(value)}"
        )
    return got


def horizon_periods(value: Any, period: str) -> int:
    """Number of periods: a whole number from 1 (default 13 weeks or 3 months).

    Examples
    --------
    >>> horizon_periods(None, "week"), horizon_periods(6.0, "month")
    (13, 6)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return DEFAULT_HORIZON[period]
    top = MAX_HORIZON[period]
    number = number_value(value)
    if number is None or not (number.is_integer() and 1 <= number <= top):
        raise OptionError(
            f"horizon must be a whole number of {period}s from 1 to {top}, not {value_text(value)}"
        )
    return int(number)


def forecast_periods(as_of: Any, period: str = "week", horizon: Any = None) -> pd.DataFrame:
    """The periods of a forecast: label, first and last day.

    Examples
    --------
    >>> forecast_periods("2024-12-31", "week", 2)
      period      start        end
    0    W01 2025-01-01 2025-01-07
    1    W02 2025-01-08 2025-01-14
    >>> forecast_periods("2024-12-15", "month", 2)
        period      start        end
    0  2024-12 2024-12-16 2024-12-31
    1  2025-01 2025-01-01 2025-01-31
    """
    day = as_date(as_of)
    kind = period_word(period)
    n = horizon_periods(horizon, kind)
    first = day + pd.Timedelta(days=1)
    if kind == "week":
        starts = [first + pd.Timedelta(days=7 * k) for k in range(n)]
        ends = [d + pd.Timedelta(days=6) for d in starts]
        labels = [f"W{k + 1:02d}" for k in range(n)]
    else:
        months = pd.period_range(first, periods=n, freq="M")
        starts = [max(first, m.start_time.normalize()) for m in months]
        ends = [m.end_time.normalize() for m in months]
        labels = [str(m) for m in months]
    return pd.DataFrame({"period": labels, "start": starts, "end": ends})


# --- promises -------------------------------------------------------------------------------
def read_promises(promises: Any) -> dict[str, pd.Timestamp]:  # noqa: C901
    """Promise-to-pay dates by invoice number from a range ``invoice | date`` (header optional).

    Examples
    --------
    >>> read_promises([["No Faktur", "Tanggal Janji"], ["F-1", 45672.0], [None, None],
    ...                [1001.0, "2025-01-20"]])
    {'F-1': Timestamp('2025-01-15 00:00:00'), '1001': Timestamp('2025-01-20 00:00:00')}
    """
    if promises is None or (isinstance(promises, str) and not promises.strip()):
        return {}
    if isinstance(promises, Mapping):
        pairs = list(promises.items())
    elif isinstance(promises, pd.Series):
        pairs = list(promises.items())
    elif isinstance(promises, pd.DataFrame):
        pairs = list(promises.iloc[:, :2].itertuples(index=False, name=None))
    else:
        rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in promises]
        rows = [r for r in rows if not all(is_blank_value(c) for c in r)]
        if rows and len(rows[0]) < 2:
            raise XlArError("promises must have two columns: invoice number and promise date")
        pairs = [(r[0], r[1]) for r in rows]
    if not pairs:
        return {}
    parsed = parse_dates([p[1] for p in pairs])
    problems = parsed.problems.to_numpy()
    start = 0
    if problems[0] is not None and isinstance(pairs[0][1], str) and len(pairs) > 1:
        start = 1  # a header row (a single row is data: a bad date there is reported)
    out: dict[str, pd.Timestamp] = {}
    where: dict[str, int] = {}
    for i in range(start, len(pairs)):
        row = i + 1
        invoice = cell_text(pairs[i][0])
        value = pairs[i][1]
        if invoice is None and is_blank_value(value):
            continue
        if invoice is None:
            raise XlArError(f"promises row {row}: a promise date needs an invoice number")
        if problems[i] is not None or is_blank_value(value):
            if is_blank_value(value):
                raise XlArError(f"promises row {row}: (blank) is not a date")
            raise XlArError(f"promises row {row}: {quote_excerpt(value)} {problems[i]}")
        if invoice in out:
            raise XlArError(
                f"promises row {row}: invoice {quote_excerpt(invoice)} already has a promise "
                f"(row {where[invoice]})"
            )
        out[invoice] = pd.Timestamp(parsed.values.iloc[i])
        where[invoice] = row
    return out


# --- history ----------------------------------------------------------------------------------
def customer_days_late(
    ledger: Any, as_of: Any, *, tolerance: float = DEFAULT_TOLERANCE
) -> tuple[pd.Series, float]:
    """Amount-weighted average days late per customer, from invoices paid in full by ``as_of``.

    Returns the per-customer Series (customers with history only) and the portfolio average
    (0 when nothing was paid in full by ``as_of``).

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ...         ["A", "2024-01-01", "2024-01-31", 300, 300, "2024-02-10"],
    ...         ["A", "2024-02-01", "2024-03-02", 100, 100, "2024-03-02"],
    ...         ["B", "2024-01-01", "2024-01-31", 100, 100, "2024-03-01"]]
    >>> late, portfolio = customer_days_late(rows, "2024-03-01")
    >>> late.to_dict(), portfolio
    ({'A': 10.0, 'B': 30.0}, 15.0)
    """
    led = ensure_ledger(ledger)
    require_one_currency(led, "the amount-weighted days late")
    day = as_date(as_of).to_datetime64()
    pay = led[s.PAYMENT_DATE].to_numpy()
    settled = (
        led[s.DOC_TYPE].eq(s.DOC_INVOICE).to_numpy()
        & ~np.isnat(pay)
        & (pay <= day)
        & (np.abs(outstanding_at(led, day)) <= tolerance)
    )
    late = np.maximum(day_numbers(pay) - day_numbers(led[s.DUE_DATE]), 0.0)
    weight = np.where(settled, led[s.AMOUNT].to_numpy(dtype=float), 0.0)
    late = np.where(settled, late, 0.0)
    codes, customers = customer_codes(led[s.CUSTOMER])
    total = np.bincount(codes, weights=weight, minlength=len(customers))
    days = np.bincount(codes, weights=weight * late, minlength=len(customers))
    has = total > 0
    per = pd.Series(days[has] / total[has], index=pd.Index(customers)[has], dtype=float)
    portfolio = float(days.sum() / total.sum()) if total.sum() > 0 else 0.0
    return per, portfolio


# --- the forecast -----------------------------------------------------------------------------
def forecast_items(
    ledger: Any,
    as_of: Any,
    *,
    horizon: Any = None,
    period: Any = "week",
    promises: Any = None,
    loss_rates: Any = None,
    buckets: Any = None,
    write_off_after_days: Any = None,
    tolerance: float = DEFAULT_TOLERANCE,
    lang: str = "en",
) -> pd.DataFrame:
    """Every open item with its expected date, period and split into collection and loss.

    Parameters are those of :func:`forecast`.

    Returns
    -------
    pandas.DataFrame
        Index = ledger row. Columns ``customer, invoice, due_date, outstanding,
        days_past_due, bucket, disputed, date_basis`` (``'promise'``, ``'customer'``,
        ``'portfolio'``), ``days_late`` (the average used), ``expected_date``, ``line``
        (period label, or the beyond-horizon / disputed line), ``loss_rate``,
        ``expected_loss`` and ``expected_collection`` (both in whole cents).
    """
    led = ensure_ledger(ledger)
    require_one_currency(led, "the cash forecast")
    day = as_date(as_of)
    kind = period_word(period)
    periods = forecast_periods(day, kind, horizon)
    rates, edges, write_off = _rates(led, day, loss_rates, buckets, write_off_after_days)
    pledged = read_promises(promises)

    keep, outstanding = open_mask(led, day, tolerance=tolerance)
    items = led.loc[keep, [s.CUSTOMER, s.INVOICE, s.DUE_DATE, s.DISPUTED]].copy()
    items["outstanding"] = outstanding[keep]
    today = day_numbers(np.array([day.to_datetime64()]))[0]
    due = day_numbers(items[s.DUE_DATE])
    dpd = today - due
    items["days_past_due"] = dpd
    items["bucket"] = np.asarray(bucket_labels(edges), dtype=object)[assign_buckets(dpd, edges)]

    per_customer, portfolio = customer_days_late(led, day, tolerance=tolerance)
    customer = items[s.CUSTOMER].astype(object)
    known = customer.isin(per_customer.index).to_numpy()
    late = customer.map(per_customer).to_numpy(dtype=float, na_value=np.nan)
    late = np.where(known, late, portfolio)
    expected = due + np.floor(late + 0.5)
    basis = np.where(known, "customer", "portfolio").astype(object)

    if pledged:
        _check_promises(pledged, led)
        numbers = items[s.INVOICE].astype(object).to_numpy()
        promised = pd.Series(numbers).map(pledged).to_numpy(dtype="datetime64[ns]")
        has = ~np.isnat(promised)
        expected = np.where(has, day_numbers(promised), expected)
        basis = np.where(has, "promise", basis)
        late = np.where(has, np.nan, late)
    items["date_basis"] = basis
    items["days_late"] = late
    # A customer decades late can push an expected day past 2262-04-11, the last day a
    # datetime64[ns] holds: shown blank there (never wrapped); its line is still right.
    shown_day = np.isfinite(expected) & (expected <= _LAST_NS_DAY)
    items["expected_date"] = np.where(
        shown_day, np.where(shown_day, expected, 0).astype("int64").astype("datetime64[D]"), _NAT
    ).astype("datetime64[ns]")

    index = _period_index(expected, today, day, kind)
    n = len(periods)
    labels = np.asarray([*periods["period"], pick(LINE_LABELS["beyond"], lang)], dtype=object)
    line = labels[np.minimum(index, n + 1) - 1]
    disputed = items[s.DISPUTED].to_numpy(dtype=bool)
    items["line"] = np.where(disputed, pick(LINE_LABELS["disputed"], lang), line)

    rate = item_loss_rates(dpd, rates, buckets=edges, write_off_after_days=write_off)
    cents = np.rint(items["outstanding"].to_numpy() * 100.0)
    loss = _whole_cents(cents * rate)
    items["loss_rate"] = rate
    items["expected_loss"] = loss / 100.0
    items["expected_collection"] = (cents - loss) / 100.0
    return items


def forecast(
    ledger: Any,
    as_of: Any,
    *,
    horizon: Any = None,
    period: Any = "week",
    promises: Any = None,
    loss_rates: Any = None,
    buckets: Any = None,
    write_off_after_days: Any = None,
    tolerance: float = DEFAULT_TOLERANCE,
    lang: str = "en",
    giro: Any = None,
) -> pd.DataFrame:
    """Expected collections per period, plus beyond horizon, disputed and expected loss lines.

    Parameters
    ----------
    ledger : canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    as_of : date-like
    horizon : int, default 13 weeks or 3 months
    period : {'week', 'month'} (also 'minggu', 'bulan'), default 'week'
    promises : invoice | promise date rows, or a mapping, optional
        Promise-to-pay dates; an invoice number that is not in the ledger is an error, an
        invoice no longer open at ``as_of`` is ignored.
    loss_rates : numbers per bucket, one number, or ``LossRates``, optional
        Default: estimated from the ledger over the 12 months to ``as_of``
        (:func:`xl_ar.core.provisioning.loss_rates.loss_rates`, write-off after 180 days). Give ``0``
        to leave expected losses out.
    buckets : edges, default (30, 60, 90)
    write_off_after_days : int, optional
        Items more than this many days past due are expected to be lost in full (default:
        180 with estimated rates, none with given rates).
    tolerance : float, default 0.005
    lang : {'en', 'id', 'both'}, default 'en'
        Language of the lines after the periods (:data:`LINE_LABELS`).
    giro : table, optional
        Giro / cheques in hand: ``date`` (its effective date), ``customer``, ``amount``
        (English or Indonesian headers). Each period with giro gets a ``Giro in hand`` line
        after it; the amounts are taken off the customers' expected collections (module
        docstring).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FORECAST_COLUMNS`: one row per period (``W01`` ... or ``2025-01``
        ...) with its first and last day, then beyond horizon, disputed, expected loss and
        Total (= open AR at ``as_of``). ``amount`` is in currency units (whole cents),
        ``items`` counts open items (blank on the expected-loss line).

    Examples
    --------
    >>> rows = [["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Disputed"],
    ...         ["A", "F-1", "2024-12-01", "2024-12-20", 100.0, "no"],
    ...         ["A", "F-2", "2024-12-10", "2025-01-09", 200.0, "no"],
    ...         ["B", "F-3", "2024-12-10", "2025-03-10", 50.0, "no"],
    ...         ["B", "F-4", "2024-11-01", "2024-12-01", 30.0, "yes"]]
    >>> forecast(rows, "2024-12-31", horizon=2, loss_rates=[0, 0.01, 0.1, 0.2, 0.5])
               period      start        end  amount  items
    0             W01 2025-01-01 2025-01-07    99.0    1.0
    1             W02 2025-01-08 2025-01-14   200.0    1.0
    2  Beyond horizon        NaT        NaT    50.0    1.0
    3        Disputed        NaT        NaT    29.7    1.0
    4   Expected loss        NaT        NaT     1.3    NaN
    5           Total        NaT        NaT   380.0    4.0
    """
    items = forecast_items(
        ledger, as_of, horizon=horizon, period=period, promises=promises,
        loss_rates=loss_rates, buckets=buckets, write_off_after_days=write_off_after_days,
        tolerance=tolerance, lang=lang,
    )  # fmt: skip
    periods = forecast_periods(as_of, period, horizon)
    beyond, disputed = pick(LINE_LABELS["beyond"], lang), pick(LINE_LABELS["disputed"], lang)
    order = [*periods["period"], beyond, disputed]
    cents = np.rint(items["expected_collection"].to_numpy() * 100.0)
    giro_cents = None
    if giro is not None:
        held = read_giro(giro)
        cents = _take_giro(items, cents, held)
        index = _period_index(
            day_numbers(held["date"]), day_numbers(np.array([as_date(as_of).to_datetime64()]))[0],
            as_date(as_of), period_word(period),
        )  # fmt: skip
        slot = np.minimum(index, len(periods) + 1) - 1
        giro_cents = (
            np.bincount(slot, weights=np.rint(held["amount"].to_numpy() * 100.0),
                        minlength=len(periods) + 1),
            np.bincount(slot, minlength=len(periods) + 1).astype(float),
        )  # fmt: skip
    codes = pd.Categorical(items["line"], categories=order).codes
    amount = np.bincount(codes, weights=cents, minlength=len(order))
    count = np.bincount(codes, minlength=len(order)).astype(float)
    loss = float(np.rint(items["expected_loss"].to_numpy() * 100.0).sum())
    total = float(np.rint(items["outstanding"].to_numpy() * 100.0).sum())
    out = pd.DataFrame(
        {
            "period": [*order, pick(LINE_LABELS["loss"], lang), pick(LINE_LABELS["total"], lang)],
            "start": [*periods["start"], pd.NaT, pd.NaT, pd.NaT, pd.NaT],
            "end": [*periods["end"], pd.NaT, pd.NaT, pd.NaT, pd.NaT],
            "amount": np.append(amount, [loss, total]) / 100.0,
            "items": np.append(count, [np.nan, float(len(items))]),
        }
    )
    if giro_cents is not None:
        out = _giro_lines(out, giro_cents, len(periods), pick(LINE_LABELS["giro"], lang))
    out["start"] = pd.to_datetime(out["start"])
    out["end"] = pd.to_datetime(out["end"])
    return finite_money(out, ["amount"])


#: Headers of a giro table (:func:`read_giro`).
GIRO_HEADERS = {
    "date": ("effective date", "effective_date", "tanggal efektif", "tanggal", "tgl", "jatuh tempo",
             "due date", "tanggal jatuh tempo", "tanggal giro", "giro date", "date"),
    "customer": ("pelanggan", "nama pelanggan", "customer name", "payer", "penyetor"),
    "amount": ("jumlah", "nilai", "nominal", "amount"),
}  # fmt: skip


def read_giro(giro: Any) -> pd.DataFrame:
    """Giro / cheques in hand as ``date, customer, amount`` (a table or row lists).

    Examples
    --------
    >>> read_giro([["Tanggal Efektif", "Pelanggan", "Nilai"], ["15/01/2025", "PT A", "1.500.000"]])
    ... # doctest: +NORMALIZE_WHITESPACE
            date customer     amount
    0 2025-01-15     PT A  1500000.0
    """
    grid = read_grid(giro)
    found = find_columns(grid.headers, header_lookup(GIRO_HEADERS))
    missing = [c for c in GIRO_HEADERS if c not in found]
    if missing:
        raise XlArError(f"giro: no {' or '.join(missing)} column (give date, customer, amount)")
    body = grid.body
    dates = parse_dates(body[found["date"]], date_order="dmy")
    amounts = parse_amounts(body[found["amount"]], number_format="auto")
    customers = body[found["customer"]].map(cell_text)
    for name, problems in (("date", dates.problems), ("amount", amounts.problems)):
        bad = problems.notna().to_numpy()
        if bad.any():
            at = int(np.flatnonzero(bad)[0])
            raise XlArError(
                f"giro: row {body.index[at]} {shown_header(grid.headers[found[name]])}: "
                f"{quote_excerpt(body[found[name]].iloc[at])} {problems.iloc[at]}"
            )
    blank = dates.values.isna() | amounts.values.isna() | customers.isna()
    if blank.any():
        raise XlArError(
            f"giro: row {body.index[blank.to_numpy()][0]} needs a date, customer and amount"
        )
    if (amounts.values <= 0).any():
        at = int(np.flatnonzero((amounts.values <= 0).to_numpy())[0])
        raise XlArError(f"giro: row {body.index[at]}: a giro amount must be more than 0")
    return pd.DataFrame(
        {"date": dates.values.to_numpy(dtype="datetime64[ns]"),
         "customer": customers.to_numpy(dtype=object),
         "amount": amounts.values.to_numpy(dtype=np.float64)}
    )  # fmt: skip


def _take_giro(items: pd.DataFrame, cents: np.ndarray, held: pd.DataFrame) -> np.ndarray:
    """Expected collections less each customer's giro, oldest items (by due date) first."""
    names = np.asarray(pd.unique(items[s.CUSTOMER].astype(object)), dtype=object)
    at = match_customers(held["customer"], names)
    if (at < 0).any():
        first = int(np.flatnonzero(at < 0)[0])
        raise XlArError(
            f"giro: {quote_excerpt(held['customer'].iloc[first], 30)} has no open items at as_of"
        )
    giro_total = np.bincount(at, weights=np.rint(held["amount"].to_numpy() * 100.0),
                             minlength=len(names))  # fmt: skip
    code = match_customers(items[s.CUSTOMER].astype(object), names)
    usable = np.where(items[s.DISPUTED].to_numpy(dtype=bool) | (cents < 0), 0.0, cents)
    due = items[s.DUE_DATE].to_numpy(dtype="datetime64[ns]")
    order = np.lexsort((np.arange(len(items)), due, code))
    sorted_usable = usable[order]
    cum = pd.Series(sorted_usable).groupby(code[order]).cumsum().to_numpy()
    room = np.bincount(code, weights=usable, minlength=len(names))
    over = giro_total > room + 0.5
    if over.any():
        first = int(np.flatnonzero(over)[0])
        raise XlArError(
            f"giro: {quote_excerpt(names[first], 30)} has {giro_total[first] / 100:,.2f} in giro, "
            f"more than the {room[first] / 100:,.2f} expected from its open items"
        )
    take = np.clip(giro_total[code[order]] - (cum - sorted_usable), 0.0, sorted_usable)
    out = cents.copy()
    out[order] -= take
    return out


def _giro_lines(
    out: pd.DataFrame, giro: tuple[np.ndarray, np.ndarray], periods: int, label: str
) -> pd.DataFrame:
    """Insert a giro line after each period holding giro (after beyond horizon for later)."""
    amounts, counts = giro
    rows = []
    for i, row in enumerate(out.to_dict("records")):
        rows.append(row)
        slot = i if i < periods else (periods if i == periods else None)
        if slot is not None and counts[slot]:
            rows.append({"period": label, "start": row["start"], "end": row["end"],
                         "amount": amounts[slot] / 100.0, "items": counts[slot]})  # fmt: skip
    return pd.DataFrame(rows, columns=out.columns)


# --- helpers ----------------------------------------------------------------------------------
def _whole_cents(exact: np.ndarray) -> np.ndarray:
    """Each item's loss in whole cents, adding up to the exact total rounded to the cent.

    Every item gets its loss rounded down, then the cents still missing go one each to the
    items with the largest fractions (largest remainder). Rounding each item on its own would
    drift from the ECL total by up to half a cent per item.
    """
    near = np.rint(exact)
    exact = np.where(np.abs(exact - near) < 1e-6, near, exact)  # float noise is no fraction
    base = np.floor(exact)
    short = int(np.rint(exact.sum()) - base.sum())
    if short > 0:
        base[np.argsort(base - exact, kind="stable")[:short]] += 1.0
    return base


def _rates(led, day, loss_rates, buckets, write_off_after_days):
    if loss_rates is None or (isinstance(loss_rates, str) and not loss_rates.strip()):
        start = day - pd.DateOffset(months=HISTORY_MONTHS) + pd.Timedelta(days=1)
        start = max(start, pd.Timestamp(FIRST_DAY))  # no ledger date is earlier
        estimated = lr_mod.loss_rates(
            led, start, day, buckets=buckets, write_off_after_days=write_off_after_days
        )
        lr_mod.check_defined(estimated)
        return resolve_rates(estimated)
    write_off = None
    if write_off_after_days is not None and not (
        isinstance(write_off_after_days, str) and not write_off_after_days.strip()
    ):
        write_off = lr_mod.write_off_days(write_off_after_days, as_buckets(buckets))
    return resolve_rates(loss_rates, buckets, write_off)


def _period_index(expected: np.ndarray, today: float, day: pd.Timestamp, kind: str) -> np.ndarray:
    """1-based period of each expected day number (items due on or before ``as_of``: 1)."""
    ahead = expected - today
    if kind == "week":
        index = np.ceil(ahead / 7.0)
    else:
        dates = np.asarray(expected, dtype="int64").astype("datetime64[D]").astype("datetime64[M]")
        first = np.datetime64((day + pd.Timedelta(days=1)).to_period("M").start_time, "M")
        index = (dates - first).astype(np.int64) + 1.0
    return np.maximum(index, 1).astype(np.int64)


def _check_promises(pledged: dict[str, pd.Timestamp], led: pd.DataFrame) -> None:
    numbers = led[s.INVOICE]
    if numbers.isna().all():
        headers = led.attrs.get(s.HEADERS_ATTR)
        if headers is None:  # a canonical frame built by hand: what it held is not known
            why = "the ledger has no invoice numbers"
        elif s.INVOICE in headers:
            why = f"the {shown_header(headers[s.INVOICE])} column is empty"
        else:
            why = "the ledger has no invoice number column"
        raise XlArError(f"promises need invoice numbers: {why}")
    known = set(numbers.dropna().astype(str))
    for invoice in pledged:
        if invoice not in known:
            raise XlArError(f"promises: invoice {quote_excerpt(invoice)} is not in the ledger")
