"""Expected credit loss (ECL): the provision matrix of IFRS 9 / PSAK 109 (formerly PSAK 71), simplified.

The simplified approach measures the loss allowance of trade receivables at lifetime ECL with a
*provision matrix*: each aging bucket's gross balance times the bucket's expected loss rate.
The same arithmetic is the classic aging-percentage allowance (:mod:`xl_ar.core.provisioning.allowance`).

Conventions
-----------
* **Rates are fractions**: 0.016 is 1.6 %. A rate outside 0-1 is refused (typing ``1.6`` for
  1.6 % is the usual slip, and the message says so).
* **Forward-looking adjustment**: every rate is multiplied by ``forward_factor`` (default 1;
  1.1 = conditions 10 % worse than the history the rates come from) and capped at 1.
* **Balances are taken as they are**, net of credit notes; a bucket with a net credit
  balance gives a negative ECL line (rare: open credit notes larger than the invoices of the
  same bucket). Every ECL is therefore ``balance x rate``, bucket by bucket and item by item,
  so a matrix made from an aging and one made item by item from the ledger tie exactly.
* **Write-off threshold** (ledger-based functions only): with ``write_off_after_days`` set,
  an item already more than that many days past due is expected to be lost in full (rate 1),
  the definition of "written off" that :mod:`xl_ar.core.provisioning.loss_rates` estimates rates with. The
  last bucket's rate in a ledger-based matrix is then the blend ``ECL / gross``.

Ranges of balances or rates (:func:`bucket_values`) may be one column or one row of numbers
(a text header is skipped), two columns ``label | value``, or an aging's two rows (labels
over values). A trailing item labelled ``Total`` is dropped (for balances it must equal the
sum of the others).
"""

from __future__ import annotations

import datetime as dt
import math
import numbers as numbers_module
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.cells import (
    cell_text,
    excel_error,
    is_blank_value,
    number_from_text,
    quote_excerpt,
)
from xl_ar.core.base.options import as_buckets
from xl_ar.core.base.text import grouped_number, plain_number
from xl_ar.core.ledger.currency import require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.position.aging import assign_buckets, bucket_labels
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, days_between, open_mask
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "DISCLOSURE_HEADERS",
    "MATRIX_COLUMNS",
    "BucketValues",
    "adjusted_rates",
    "bucket_values",
    "check_rates",
    "disclosure",
    "ecl_from_ledger",
    "forward_factor_value",
    "item_loss_rates",
    "provision_matrix",
    "resolve_rates",
    "split_values",
]

TOTAL = "Total"
TOTAL_LABELS = frozenset({"total", "jumlah", "total piutang", "grand total", "sum"})
MATRIX_COLUMNS = ("bucket", "gross_balance", "loss_rate", "ecl")

#: Column headers of the disclosure table (Indonesian / English, as in :mod:`xl_ar.core.base.labels`).
DISCLOSURE_HEADERS = {
    "bucket": "Umur piutang / Aging bucket",
    "gross_balance": "Nilai tercatat bruto / Gross carrying amount",
    "loss_rate": "Tingkat kerugian ekspektasian / Expected loss rate",
    "ecl": "KKE sepanjang umur / Lifetime ECL",
}

_PERCENT = re.compile(r"^\s*([-+]?\d+(?:[.,]\d+)?)\s*%\s*$")


@dataclass(frozen=True)
class BucketValues:
    """Numbers per bucket read from a range, with the bucket labels when the range had them.

    Attributes
    ----------
    values : numpy.ndarray
        float64, one per bucket, in range order.
    labels : list of str or None
        The labels as written, or ``None`` for a bare column/row of numbers.
    """

    values: np.ndarray
    labels: list[str] | None = None


# --- reading ranges -------------------------------------------------------------------------
def bucket_values(value: Any, name: str, *, total_must_tie: bool = False) -> BucketValues:
    """Read bucket numbers (balances or rates) from what a user gives.

    Parameters
    ----------
    value : number, sequence, 2-D row lists, dict, pandas.Series or BucketValues
        One number; a column or a row of numbers (a leading text cell is a header);
        two columns ``label | value`` (a first row whose value is text is a header); or two
        rows, labels over values (an aging by total).
        A dict or a Series with text keys gives labels too.
    name : str
        The argument's name, for messages.
    total_must_tie : bool, default False
        A trailing item labelled ``Total`` (or ``Jumlah``) is dropped; with this set it
        must equal the sum of the others (use it for balances).

    Returns
    -------
    BucketValues

    Raises
    ------
    XlArError
        A cell that is not a number, a value without a label, an empty range, a block of
        another shape, or a ``Total`` that does not tie.

    Examples
    --------
    >>> bucket_values([["Loss rate"], [0.01], [None], [0.05]], "loss_rates")
    BucketValues(values=array([0.01, 0.05]), labels=None)
    >>> got = bucket_values([["Bucket", "Balance"], ["0-30", 103000.0], ["> 90", 10000.0],
    ...                      ["Total", 113000.0]], "balances", total_must_tie=True)
    >>> got.labels, got.values.tolist()
    (['0-30', '> 90'], [103000.0, 10000.0])
    >>> bucket_values([["Current", "1-30", "Total"], [5.0, 7.0, 12.0]], "balances").labels
    ['Current', '1-30']
    >>> bucket_values("2%, 5%, 20%", "loss_rates").values.tolist()
    [0.02, 0.05, 0.2]
    >>> bucket_values([[1.0], ["lima"]], "balances")
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: balances: value 2 ('lima') is not a number
    """
    if isinstance(value, BucketValues):
        got = value
    elif isinstance(value, pd.Series):
        got = _from_pairs([(k, v) for k, v in value.items()], name, keyed=True)
    elif isinstance(value, Mapping):
        got = _from_pairs(list(value.items()), name, keyed=True)
    elif isinstance(value, (list, tuple, np.ndarray)):
        got = _from_grid(_grid(value), name)
    elif isinstance(value, str) and _text_number(value) is None and len(split_values(value)) > 1:
        got = _from_grid(_grid(split_values(value)), name)
    else:
        got = BucketValues(np.array([_number(value, name, 1)]))
    if got.values.size == 0:
        raise XlArError(f"{name} is empty: give a number per aging bucket")
    return _drop_total(got, name, total_must_tie)


def split_values(text: str) -> list[str]:
    """Numbers typed in one text: ``"2%,5%,20%"``, or ``"2,5%; 5%"`` (a decimal comma then
    needs ``;`` between the values; a text that reads as one number stays one).

    Examples
    --------
    >>> split_values("2%, 5%,20%"), split_values("0,5%;1,5%")
    (['2%', '5%', '20%'], ['0,5%', '1,5%'])
    """
    sep = ";" if ";" in text else ","
    return [part.strip() for part in text.split(sep) if part.strip()]


def _grid(value: Any) -> list[list[Any]]:
    """Rows of cells; a flat sequence is one column. Blank rows and columns are dropped."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    value = list(value)
    if not any(isinstance(r, (list, tuple, np.ndarray)) for r in value):
        rows = [[v] for v in value]
    else:
        rows = [
            list(r.tolist() if isinstance(r, np.ndarray) else r)
            if isinstance(r, (list, tuple, np.ndarray))
            else [r]
            for r in value
        ]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [None] * (width - len(r)) for r in rows]
    rows = [r for r in rows if not all(is_blank_value(c) for c in r)]
    keep = [j for j in range(width) if not all(is_blank_value(r[j]) for r in rows)]
    return [[r[j] for j in keep] for r in rows]


def _from_grid(rows: list[list[Any]], name: str) -> BucketValues:
    if not rows:
        raise XlArError(f"{name} is empty: give a number per aging bucket")
    n_rows, n_cols = len(rows), len(rows[0])
    if n_cols == 1 or n_rows == 1:
        cells = [r[0] for r in rows] if n_cols == 1 else rows[0]
        return _vector(cells, name)
    first = [r[0] for r in rows]
    if n_cols == 2 and all(_is_label(c) or is_blank_value(c) for c in first):
        header = _is_label(rows[0][1])
        body = rows[1:] if header else rows
        return _from_pairs([(r[0], r[1]) for r in body], name, keyed=False, first_row=1 + header)
    if n_rows == 2 and all(_is_label(c) or is_blank_value(c) for c in rows[0]):
        return _from_pairs(list(zip(rows[0], rows[1], strict=True)), name, keyed=False)
    raise XlArError(
        f"{name}: expected one column or row of numbers, label | value columns, or labels "
        f"over values, not a block of {n_rows} rows x {n_cols} columns"
    )


def _vector(cells: list[Any], name: str) -> BucketValues:
    cells = [c for c in cells if not is_blank_value(c)]
    if cells and _is_label(cells[0]):
        cells = cells[1:]  # a header
    return BucketValues(np.array([_number(c, name, i) for i, c in enumerate(cells, 1)], float))


def _from_pairs(pairs: list[tuple[Any, Any]], name: str, *, keyed: bool, first_row: int = 1):
    labels: list[str] = []
    values: list[float] = []
    for i, (label, cell) in enumerate(pairs, start=first_row):
        if is_blank_value(label) and is_blank_value(cell):
            continue
        text = _label_text(label)
        if text is None:
            raise XlArError(
                f"{name}: item {i} has a value ({quote_excerpt(cell)}) but no bucket label"
            )
        if is_blank_value(cell):
            raise XlArError(
                f"{name}: {quote_excerpt(text)} has no value (give 0 if the bucket is empty)"
            )
        values.append(_number(cell, name, i, text))
        labels.append(text)
    if keyed and labels and all(_is_number_label(t) for t in labels):
        return BucketValues(np.array(values, float))  # a plain list turned into a Series
    return BucketValues(np.array(values, float), labels)


def _drop_total(got: BucketValues, name: str, must_tie: bool) -> BucketValues:
    if not got.labels or got.labels[-1].strip().lower() not in TOTAL_LABELS:
        return got
    values, total = got.values[:-1], float(got.values[-1])
    if values.size == 0:
        raise XlArError(f"{name} has only a Total: give a number per aging bucket")
    if must_tie and not math.isclose(values.sum(), total, rel_tol=1e-9, abs_tol=0.005):
        raise XlArError(
            f"{name}: {quote_excerpt(got.labels[-1])} ({grouped_number(total, 2)}) is not the sum of the buckets "
            f"({grouped_number(values.sum(), 2)})"
        )
    return BucketValues(values, got.labels[:-1])


def _is_label(cell: Any) -> bool:
    """Text that is not a number, or a date (Excel turns a typed ``1-30`` into 30 January)."""
    if isinstance(cell, (dt.date, pd.Timestamp)):
        return True
    return isinstance(cell, str) and bool(cell.strip()) and _text_number(cell) is None


def _is_number_label(text: str) -> bool:
    return _text_number(text) is not None


def _label_text(cell: Any) -> str | None:
    if isinstance(cell, (dt.datetime, pd.Timestamp)) and not isinstance(cell, bool):
        # a label such as 1-30 typed into a cell formatted by Excel as a date (month-day)
        return f"{cell.month}-{cell.day}"
    return cell_text(cell)


def _text_number(text: str) -> float | None:
    text = text.strip()
    match = _PERCENT.match(text)
    if match:
        number = number_from_text(match.group(1).replace(",", "."))
        return None if number is None else number / 100
    return number_from_text(text)


def _number(cell: Any, name: str, i: int, label: str | None = None) -> float:
    where = quote_excerpt(label) if label is not None else f"value {i}"
    error = excel_error(cell)
    if error is not None:
        raise XlArError(f"{name}: {where} is {error}")
    if isinstance(cell, str):
        got = _text_number(cell)
        if got is None:
            raise XlArError(f"{name}: {where} ({quote_excerpt(cell)}) is not a number")
        cell = got
    if isinstance(cell, (bool, np.bool_)) or not isinstance(cell, (numbers_module.Real, Decimal)):
        raise XlArError(f"{name}: {where} ({quote_excerpt(cell)}) is not a number")
    number = float(cell)
    if not math.isfinite(number):
        raise XlArError(f"{name}: {where} is not a finite number")
    return number


# --- rates --------------------------------------------------------------------------------
def check_rates(
    rates: np.ndarray, name: str = "loss_rates", labels: Sequence[str] | None = None
) -> None:
    """Refuse a rate outside 0-1 (rates are fractions), naming the first bad one.

    Examples
    --------
    >>> check_rates(np.array([0.01, 1.6]))
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: loss_rates: value 2 is 1.6 = 160%, not between 0% and 100%: type \
a rate as a percentage (2%) or a fraction (0.02)
    """
    rates = np.asarray(rates, dtype=float)
    bad = np.flatnonzero(~((rates >= 0) & (rates <= 1)))
    if bad.size:
        i = int(bad[0])
        where = f"'{labels[i]}'" if labels else f"value {i + 1}"
        value = rates[i]
        typed = (
            "blank"
            if not np.isfinite(value)
            else f"{plain_number(value)} = {plain_number(value * 100)}%"
            if abs(value) < 1e15  # a huge value: no percentage (it would overflow)
            else plain_number(value)
        )
        raise XlArError(
            f"{name}: {where} is {typed}, not between 0% and 100%: type a rate as a percentage "
            f"(2%) or a fraction (0.02)"
        )


def forward_factor_value(value: Any) -> float:
    """The forward-looking factor: a number ``>= 0`` (blank or ``None`` gives 1).

    Examples
    --------
    >>> forward_factor_value(None), forward_factor_value("1.1")
    (1.0, 1.1)
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return 1.0
    got = bucket_values(value, "forward_factor")
    if got.values.size != 1:
        raise XlArError(f"forward_factor must be one number, not {got.values.size} cells")
    factor = float(got.values[0])
    if factor < 0:
        raise XlArError(
            f"forward_factor must be 0 or more (1 = no adjustment, 1.1 = 10 % worse), not {plain_number(factor)}"
        )
    return factor


def adjusted_rates(rates: Any, forward_factor: Any = 1.0) -> np.ndarray:
    """Rates times the forward-looking factor, capped at 1.

    Examples
    --------
    >>> adjusted_rates([0.1, 0.6], 2.0).tolist()
    [0.2, 1.0]
    """
    return np.minimum(np.asarray(rates, dtype=float) * forward_factor_value(forward_factor), 1.0)


# --- the matrix -----------------------------------------------------------------------------
def provision_matrix(
    balances: Any,
    loss_rates: Any,
    *,
    labels: Sequence[str] | None = None,
    forward_factor: Any = 1.0,
) -> pd.DataFrame:
    """Provision matrix: gross balance x loss rate per bucket, with a Total row.

    Parameters
    ----------
    balances : numbers per bucket (see :func:`bucket_values`)
        Gross balances, e.g. an aging's Total row.
    loss_rates : numbers per bucket, or one number for every bucket
        Fractions between 0 and 1.
    labels : sequence of str, optional
        Bucket labels; by default those of the ranges, else the default aging labels for 5
        buckets (Current, 1-30, 31-60, 61-90, >90), else ``Bucket 1`` ...
    forward_factor : float, default 1
        Multiplies every rate (capped at 1).

    Returns
    -------
    pandas.DataFrame
        Columns ``bucket, gross_balance, loss_rate, ecl`` (plus ``historical_loss_rate``
        before ``loss_rate`` when ``forward_factor`` is not 1); the last row is ``Total``
        with the balance-weighted rate (``ecl / gross_balance``, NaN when the total is 0).

    Raises
    ------
    XlArError
        Rates outside 0-1, different numbers of buckets, or bucket labels that differ.

    Examples
    --------
    IFRS 9 provision matrix (ar-domain.md): ECL 580,000 on 30,000,000.

    >>> m = provision_matrix([15e6, 7.5e6, 4e6, 2.5e6, 1e6], [0.003, 0.016, 0.036, 0.066, 0.106])
    >>> m.round(4)
        bucket  gross_balance  loss_rate       ecl
    0  Current     15000000.0     0.0030   45000.0
    1     1-30      7500000.0     0.0160  120000.0
    2    31-60      4000000.0     0.0360  144000.0
    3    61-90      2500000.0     0.0660  165000.0
    4      >90      1000000.0     0.1060  106000.0
    5    Total     30000000.0     0.0193  580000.0
    """
    bal = bucket_values(balances, "balances", total_must_tie=True)
    rates = bucket_values(loss_rates, "loss_rates")
    values = rates.values
    if values.size == 1 and bal.values.size > 1 and rates.labels is None:
        values = np.repeat(values, bal.values.size)  # one rate for every bucket
    if values.size != bal.values.size:
        raise XlArError(
            f"balances has {bal.values.size} buckets but loss_rates has {values.size}: give "
            "one loss rate per bucket"
        )
    names = _labels(bal, rates, labels)
    check_rates(values, "loss_rates", names if rates.labels else None)
    factor = forward_factor_value(forward_factor)
    adjusted = np.minimum(values * factor, 1.0)
    ecl = bal.values * adjusted
    out = pd.DataFrame(
        {"bucket": names, "gross_balance": bal.values, "loss_rate": adjusted, "ecl": ecl}
    )
    if factor != 1.0:
        out.insert(2, "historical_loss_rate", values)
    return _with_total(out)


def _labels(bal: BucketValues, rates: BucketValues, labels: Sequence[str] | None) -> list[str]:
    if labels is not None:
        names = [str(x) for x in labels]
        if len(names) != bal.values.size:
            raise XlArError(f"labels has {len(names)} buckets but balances has {bal.values.size}")
        return names
    if bal.labels and rates.labels:
        for i, (a, b) in enumerate(zip(bal.labels, rates.labels, strict=True), start=1):
            if _norm(a) != _norm(b):
                raise XlArError(
                    f"bucket {i} is '{a}' in balances but '{b}' in loss_rates: give the same "
                    "buckets in the same order"
                )
    if bal.labels:
        return list(bal.labels)
    if rates.labels and len(rates.labels) == bal.values.size:
        return list(rates.labels)
    default = bucket_labels()
    if bal.values.size == len(default):
        return default
    return [f"Bucket {i}" for i in range(1, bal.values.size + 1)]


def _norm(label: str) -> str:
    """A bucket label compared as the reports write it: spaces, case, a trailing "days" or
    "hari" ignored, "Belum jatuh tempo" / "Lancar" read as "Current" (``1-30 days`` = ``1-30``)."""
    key = re.sub(r"\s+", "", str(label)).lower().replace("–", "-")
    key = re.sub(r"(days?|hari)$", "", key)
    return "current" if key in ("belumjatuhtempo", "lancar") else key


def _with_total(frame: pd.DataFrame) -> pd.DataFrame:
    gross = float(frame["gross_balance"].sum())
    ecl = float(frame["ecl"].sum())
    total: dict[str, Any] = {c: np.nan for c in frame.columns}
    total.update(
        bucket=TOTAL, gross_balance=gross, ecl=ecl, loss_rate=ecl / gross if gross else np.nan
    )
    return pd.concat([frame, pd.DataFrame([total])], ignore_index=True)


# --- from a ledger ----------------------------------------------------------------------------
def item_loss_rates(
    days_past_due: np.ndarray,
    loss_rates: Sequence[float] | np.ndarray,
    *,
    buckets: Any = None,
    write_off_after_days: int | None = None,
    forward_factor: Any = 1.0,
) -> np.ndarray:
    """The loss rate of each item from its days past due (bucket rate; 1 beyond write-off).

    Examples
    --------
    >>> rates = [0.01, 0.02, 0.05, 0.1, 0.5]
    >>> item_loss_rates(np.array([0, 15, 95, 200]), rates, write_off_after_days=180).tolist()
    [0.01, 0.02, 0.5, 1.0]
    """
    edges = as_buckets(buckets)
    base = np.asarray(loss_rates, dtype=float)
    if base.size != len(edges) + 2:
        raise XlArError(
            f"loss_rates has {base.size} buckets but the aging has {len(edges) + 2}: give one "
            "loss rate per bucket"
        )
    check_rates(base)
    rates = adjusted_rates(base, forward_factor)
    days = np.asarray(days_past_due, dtype=float)
    out = rates[assign_buckets(days, edges)]
    if write_off_after_days is not None:
        out = np.where(days > write_off_after_days, 1.0, out)
    return out


def ecl_from_ledger(
    ledger: Any,
    as_of: Any,
    loss_rates: Any,
    *,
    buckets: Any = None,
    write_off_after_days: int | None = None,
    forward_factor: Any = 1.0,
    tolerance: float = DEFAULT_TOLERANCE,
) -> pd.DataFrame:
    """Provision matrix of the items open at ``as_of``: the aging's buckets and totals.

    Parameters
    ----------
    ledger : canonical ledger, or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    as_of : date-like
    loss_rates : numbers per bucket, or a :class:`~xl_ar.core.provisioning.loss_rates.LossRates`
        A ``LossRates`` brings its own buckets and write-off threshold.
    buckets : edges, default (30, 60, 90)
    write_off_after_days : int, optional
        Items more than this many days past due carry a rate of 1.
    forward_factor : float, default 1

    Returns
    -------
    pandas.DataFrame
        As :func:`provision_matrix`: ``bucket, gross_balance, loss_rate, ecl`` and Total,
        ``gross_balance`` equal to the aging by total (due-date basis). ``loss_rate`` is
        ``ecl / gross_balance`` (the bucket's rate unless the write-off rule applies).

    Examples
    --------
    >>> rows = [["Customer", "Invoice Date", "Due Date", "Amount"],
    ...         ["A", "2024-01-01", "2024-01-31", 100], ["B", "2024-03-01", "2024-03-31", 50]]
    >>> ecl_from_ledger(rows, "2024-03-31", [0.01, 0.02, 0.1, 0.2, 0.5])
        bucket  gross_balance  loss_rate   ecl
    0  Current           50.0       0.01   0.5
    1     1-30            0.0       0.02   0.0
    2    31-60          100.0       0.10  10.0
    3    61-90            0.0       0.20   0.0
    4      >90            0.0       0.50   0.0
    5    Total          150.0       0.07  10.5
    """
    rates, edges, write_off = resolve_rates(loss_rates, buckets, write_off_after_days)
    led = ensure_ledger(ledger)
    require_one_currency(led, "the allowance (ECL)")
    keep, outstanding = open_mask(led, as_of, tolerance=tolerance)
    amount = outstanding[keep]
    dpd = days_between(led[s.DUE_DATE].to_numpy()[keep], as_of)
    labels = bucket_labels(edges)
    bucket = assign_buckets(dpd, edges)
    per_item = item_loss_rates(
        dpd, rates, buckets=edges, write_off_after_days=write_off, forward_factor=forward_factor
    )
    gross = np.bincount(bucket, weights=amount, minlength=len(labels))
    ecl = np.bincount(bucket, weights=amount * per_item, minlength=len(labels))
    base = adjusted_rates(rates, forward_factor)
    with np.errstate(divide="ignore", invalid="ignore"):
        shown = np.where(gross != 0, ecl / gross, base)
    out = pd.DataFrame({"bucket": labels, "gross_balance": gross, "loss_rate": shown, "ecl": ecl})
    return _with_total(out)


def resolve_rates(
    loss_rates: Any, buckets: Any = None, write_off_after_days: int | None = None
) -> tuple[np.ndarray, tuple[int, ...], int | None]:
    """Rates, bucket edges and write-off threshold from numbers or a ``LossRates``.

    Numbers (a range, a sequence, one number for every bucket) must fit the aging of
    ``buckets``: one rate per bucket, labels (if any) equal to the aging's, fractions 0-1.

    Examples
    --------
    >>> rates, edges, days = resolve_rates(0.02)
    >>> rates.tolist(), edges, days
    ([0.02, 0.02, 0.02, 0.02, 0.02], (30, 60, 90), None)
    """
    if hasattr(loss_rates, "check_defined") and hasattr(loss_rates, "edges"):
        rates = np.asarray(loss_rates.loss_rates, dtype=float)
        edges = tuple(loss_rates.edges)
        if write_off_after_days is None:
            write_off_after_days = loss_rates.write_off_after_days
        loss_rates.check_defined()  # one line naming the buckets without a roll rate
        return rates, edges, write_off_after_days
    edges = as_buckets(buckets)
    got = bucket_values(loss_rates, "loss_rates")
    values = got.values
    expected = bucket_labels(edges)
    if values.size == 1 and not got.labels:
        values = np.repeat(values, len(expected))
    if values.size != len(expected):
        raise XlArError(
            f"loss_rates has {values.size} values but the aging has {len(expected)} buckets "
            f"({', '.join(expected)}): give one loss rate per bucket"
        )
    labels = got.labels
    if labels:  # matched by label, in any order (a table listing the oldest bucket first)
        at = {_norm(b): i for i, b in enumerate(expected)}
        where = [at.get(_norm(a)) for a in labels]
        if None in where or len(set(where)) != len(where):
            bad = next(i for i, w in enumerate(where) if w is None or w in where[:i])
            a = labels[bad]
            raise XlArError(
                f"loss_rates: bucket {quote_excerpt(a)} is not one of the aging's buckets "
                f"({', '.join(expected)}; 'days' or 'hari' may follow), each once"
            )
        order = np.argsort(np.asarray(where))
        values, labels = values[order], [labels[i] for i in order]
    check_rates(values, "loss_rates", labels)
    return values, edges, write_off_after_days


def disclosure(matrix: pd.DataFrame) -> pd.DataFrame:
    """A provision matrix with the headers of a notes-to-the-accounts table (ID / EN).

    Examples
    --------
    >>> m = provision_matrix([100.0, 50.0], [0.01, 0.2])
    >>> list(disclosure(m).columns)[:2]
    ['Umur piutang / Aging bucket', 'Nilai tercatat bruto / Gross carrying amount']
    """
    cols = list(MATRIX_COLUMNS)
    missing = [c for c in cols if c not in matrix.columns]
    if missing:
        raise OptionError(f"not a provision matrix: no column {missing[0]!r}")
    return matrix[cols].rename(columns=DISCLOSURE_HEADERS)
