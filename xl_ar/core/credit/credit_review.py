"""Credit review: exposure against limits, payment history, payer rating and suggested action.

For each customer of a customers table (customer, credit limit, optional unbilled orders and
un-invoiced deliveries) and each ledger customer with open items at ``as_of``:

* ``open_ar`` — the sum of the outstanding amounts of its open items at ``as_of``
  (:func:`~xl_ar.core.position.open_items.open_items`, credit notes and disputed items included), so
  the column adds up to the ledger's total open AR;
* ``exposure`` = open AR + unbilled orders + un-invoiced deliveries (a blank cell in those
  optional columns means none); ``available`` = limit − exposure; ``utilisation`` =
  exposure / limit (blank without a limit or with a limit of 0); ``over_limit`` when the
  exposure is above the limit (always when a limit of 0 faces any exposure);
* ``overdue_share`` — share of the open AR past due; ``over_<N>_share`` — share of the open AR
  more than ``rating_overdue_days`` (60) days past due, disputed items left out (a dispute is
  settled by its own process, it is not late payment);
* history — the invoices paid in full with a payment date on or before ``as_of``:
  ``paid_invoices`` (count), ``weighted_days_late`` (Σ amount × days late / Σ amount, days late
  = max(0, payment date − due date)) and ``share_paid_late`` (share of that amount paid more
  than ``late_tolerance_days`` (15) after the due date).

**Payer rating** (thresholds from the policy):

* *poor* — weighted days late > 30, or share paid late > 50%, or more than 25% of the open AR
  over 60 days past due and undisputed (the last rule works without history);
* *good* — not poor, with history, weighted days late ≤ 5 and share paid late ≤ 20%;
* *average* — not poor, with history, otherwise;
* *unrated* — no invoice paid in full yet and not poor.

**Suggested action** (first that applies):

1. no limit on file → *hold new orders* (no approved credit);
2. over limit and not a good payer → *hold new orders*;
3. poor payer → *reduce*;
4. good payer using more than ``raise_utilisation`` (80%) of the limit → *raise*;
5. otherwise *keep*.

Customer names are matched between the table and the ledger by their key (case, spacing,
punctuation and legal-form spelling ignored: ``"P.T. maju"`` is ``"PT Maju"``, see
:mod:`xl_ar.core.base.customers`); a customer in the ledger is shown as the ledger names it.
Ledger customers with open items but no row in the
table appear with a blank limit and the note *no limit on file*; table customers without
ledger activity appear with zeros and the note *no ledger activity*. Rows are sorted by
exposure, largest first. Everything over the ledger is vectorised (one pass of numpy
group sums), so a 1,048,576-row ledger takes well under a second.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import parse_amounts
from xl_ar.core.base.cells import blank_mask, cell_text, quote_excerpt
from xl_ar.core.base.columns import LEDGER_HEADERS, find_columns, header_lookup
from xl_ar.core.base.customers import customer_keys, refuse_repeated_customers
from xl_ar.core.base.options import as_date
from xl_ar.core.base.tables import table_rows
from xl_ar.core.base.text import plain_number
from xl_ar.core.credit.credit_policy import CreditPolicy, read_policy
from xl_ar.core.ledger.currency import require_one_currency
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.core.metrics.payment_behaviour import days_late
from xl_ar.core.position.open_items import DEFAULT_TOLERANCE, days_between, open_mask
from xl_ar.errors import XlArError

__all__ = ["CUSTOMER_HEADERS", "REVIEW_COLUMNS", "credit_review", "read_customers"]

#: Customers-table headers: column → synonyms (English and Indonesian).
CUSTOMER_HEADERS: dict[str, tuple[str, ...]] = {
    "customer": LEDGER_HEADERS[s.CUSTOMER],
    "credit_limit": (
        "credit limit", "limit", "limit kredit", "plafon", "plafon kredit", "batas kredit",
        "credit line", "pagu", "pagu kredit", "approved limit", "limit disetujui",
    ),
    "unbilled_orders": (
        "unbilled orders", "open orders", "outstanding orders", "sales orders",
        "pesanan belum ditagih", "pesanan terbuka", "order belum ditagih",
        "so belum ditagih", "pesanan",
    ),
    "uninvoiced_deliveries": (
        "uninvoiced deliveries", "un-invoiced deliveries", "delivered not invoiced",
        "deliveries not invoiced", "pengiriman belum difakturkan", "pengiriman belum ditagih",
        "surat jalan belum difakturkan", "do belum difakturkan",
    ),
}  # fmt: skip
_HEADER_LOOKUP = header_lookup(CUSTOMER_HEADERS)
_HEADER_SEARCH_ROWS = 10


CUSTOMERS_HINT = "customers: give a table with a header row (Customer, Credit Limit ...) and rows"


def _over_name(policy: CreditPolicy) -> str:
    return f"over_{int(policy.rating_overdue_days)}_share"


#: Output columns (``over_60_share`` follows the policy's ``rating_overdue_days``).
REVIEW_COLUMNS = (
    "customer", "credit_limit", "open_ar", "unbilled_orders", "uninvoiced_deliveries",
    "exposure", "available", "utilisation", "over_limit", "overdue_share", "over_60_share",
    "paid_invoices", "weighted_days_late", "share_paid_late", "payer_rating", "rating_reason",
    "action", "note",
)  # fmt: skip


def read_customers(customers: Any) -> pd.DataFrame:
    """Read a customers table into ``customer, credit_limit, unbilled_orders, uninvoiced_deliveries``.

    The header row is the first of the first ten rows that names a customer and a credit
    limit column (English or Indonesian, see :data:`CUSTOMER_HEADERS`); other columns are
    ignored. Limits may be numbers or text amounts (``Rp 150.000.000``); a blank limit
    stays blank (NaN: no limit on file), a negative one is an error. Blank orders and
    deliveries are 0. The index is the row number in the range (header row = its row).

    Examples
    --------
    >>> read_customers([["Pelanggan", "Limit Kredit"], ["PT A", "Rp 150.000.000"],
    ...                 ["CV B", None]]).values.tolist()
    [['PT A', 150000000.0, 0.0, 0.0], ['CV B', nan, 0.0, 0.0]]
    """
    rows = table_rows(customers, hint=CUSTOMERS_HINT)
    at, found = _find_header(rows)
    width = max(len(r) for r in rows)
    body = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows[at + 1 :]], dtype=object)
    body.index = pd.RangeIndex(at + 2, at + 2 + len(body), name="row")
    headers = rows[at]
    if body.empty:
        return pd.DataFrame(columns=list(CUSTOMER_HEADERS)).astype(
            {
                "customer": object,
                "credit_limit": float,
                "unbilled_orders": float,
                "uninvoiced_deliveries": float,
            }
        )
    empty = np.logical_and.reduce([blank_mask(body[c]) for c in body.columns])
    body = body[~empty]
    out = pd.DataFrame(index=body.index)
    names = body[found["customer"]]
    no_name = blank_mask(names)
    if no_name.any():
        row = body.index[no_name][0]
        raise XlArError(f"customers: row {row} has no customer name")
    out["customer"] = [cell_text(v) for v in names]
    for key in ("credit_limit", "unbilled_orders", "uninvoiced_deliveries"):
        if key not in found:
            out[key] = 0.0
            continue
        header = headers[found[key]]
        parsed = parse_amounts(body[found[key]])
        bad = parsed.bad.to_numpy()
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise XlArError(
                f"customers: row {body.index[i]} {quote_excerpt(str(header))}: {quote_excerpt(body[found[key]].iloc[i])} "
                f"{parsed.problems.iloc[i]}"
            )
        values = parsed.values.to_numpy(dtype=float)
        negative = values < 0
        if negative.any():
            i = int(np.flatnonzero(negative)[0])
            raise XlArError(
                f"customers: row {body.index[i]} {quote_excerpt(str(header))}: {values[i]:.15g} is negative "
                "(amounts here are 0 or more)"
            )
        out[key] = values if key == "credit_limit" else np.nan_to_num(values, nan=0.0)
    refuse_repeated_customers(out["customer"], "customers")
    return out


def _find_header(rows: list[list]) -> tuple[int, dict[str, int]]:
    for at, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        found = find_columns(row, _HEADER_LOOKUP)
        if "customer" in found and "credit_limit" in found:
            return at, found
    listed = ", ".join(quote_excerpt(str(c)) for c in rows[0] if cell_text(c)) or "none"
    raise XlArError(
        "customers: no customer and credit limit columns (e.g. 'Customer' | 'Credit Limit' "
        f"or 'Pelanggan' | 'Limit Kredit'); headers found: {listed}"
    )


def credit_review(
    customers: Any,
    ledger: Any,
    as_of: Any,
    *,
    policy: CreditPolicy | Any = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> pd.DataFrame:
    """Exposure, utilisation, payment history, payer rating and action per customer.

    Parameters
    ----------
    customers : row lists with a header row, or pandas.DataFrame
        Customer and credit limit columns, optionally unbilled orders and un-invoiced
        deliveries (see :func:`read_customers`).
    ledger : canonical ledger or anything :func:`~xl_ar.core.ledger.ledger.read_ledger` reads
    as_of : date-like
        The review date: open AR and history are taken at this date.
    policy : CreditPolicy or policy range, optional
        Rating and action thresholds (default policy).
    tolerance : float, default 0.005
        Money within this of zero counts as zero.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`REVIEW_COLUMNS` (see the module docstring), one row per customer,
        largest exposure first, with a fresh RangeIndex.

    Examples
    --------
    >>> led = [["Customer", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"],
    ...        ["PT A", "2024-01-01", "2024-01-31", 100.0, 100.0, "2024-04-30"],
    ...        ["PT A", "2024-05-01", "2024-05-31", 300.0, None, None],
    ...        ["CV B", "2024-06-01", "2024-07-01", 50.0, None, None]]
    >>> t = credit_review([["Customer", "Credit Limit"], ["pt a", 250.0]], led, "2024-06-30")
    >>> t[["customer", "open_ar", "over_limit", "weighted_days_late", "payer_rating",
    ...    "action"]].values.tolist()
    [['PT A', 300.0, True, 90.0, 'poor', 'hold new orders'], \
['CV B', 50.0, False, nan, 'unrated', 'hold new orders']]
    """
    policy = read_policy(policy)
    table = read_customers(customers)
    led = ensure_ledger(ledger)
    require_one_currency(led, "the credit review")
    day = as_date(as_of)

    # customers of the ledger: codes into the distinct names, then into matching keys
    codes, uniques = pd.factorize(led[s.CUSTOMER], use_na_sentinel=True)
    unique_names = pd.Series(np.asarray(uniques, dtype=object), dtype=object)
    ledger_keys = pd.Series(customer_keys(unique_names), dtype=object)
    table_keys = pd.Series(customer_keys(table["customer"]), dtype=object)
    all_keys = pd.Index(pd.unique(pd.concat([table_keys, ledger_keys])))
    to_key = all_keys.get_indexer(ledger_keys)
    valid = codes >= 0
    group = np.where(valid, to_key[np.where(valid, codes, 0)], len(all_keys))
    n = len(all_keys) + 1  # last group: rows without a customer (never in the output)

    def total(weights: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        w = weights if mask is None else np.where(mask, weights, 0.0)
        return np.bincount(group, weights=w, minlength=n)[: n - 1]

    keep, outstanding = open_mask(led, day, tolerance=tolerance)
    open_amount = np.where(keep, outstanding, 0.0)
    dpd = days_between(led[s.DUE_DATE], day)
    open_ar = total(open_amount)
    open_count = np.bincount(group, weights=keep.astype(float), minlength=n)[: n - 1]
    overdue_ar = total(open_amount, dpd > 0)
    disputed = led[s.DISPUTED].to_numpy(dtype=bool)
    over_ar = total(open_amount, (dpd > policy.rating_overdue_days) & ~disputed)

    late = days_late(led, tolerance=tolerance).to_numpy()
    pay_date = led[s.PAYMENT_DATE].to_numpy()
    history = ~np.isnan(late) & (pay_date <= day.to_datetime64())
    amount = led[s.AMOUNT].to_numpy(dtype=float)
    hist_amount = total(amount, history)
    hist_days = total(amount * np.where(history, late, 0.0))
    hist_late = total(amount, history & (late > policy.late_tolerance_days))
    paid_invoices = np.bincount(group, weights=history.astype(float), minlength=n)[: n - 1]

    # one row per key: the table's customers, then ledger customers with open items
    in_table = np.zeros(len(all_keys), dtype=bool)
    table_pos = all_keys.get_indexer(table_keys)
    in_table[table_pos] = True
    shown = in_table | (open_count > 0)
    # the ledger's spelling of a customer; the table's for customers not in the ledger
    names = pd.Series(index=all_keys, dtype=object)
    names.iloc[table_pos] = table["customer"].to_numpy()
    first_name = pd.Series(unique_names.to_numpy(), index=ledger_keys.to_numpy())
    first_name = first_name[~first_name.index.duplicated()]
    names.loc[first_name.index] = first_name.to_numpy()
    limit = np.full(len(all_keys), np.nan)
    limit[table_pos] = table["credit_limit"].to_numpy()
    unbilled = np.zeros(len(all_keys))
    unbilled[table_pos] = table["unbilled_orders"].to_numpy()
    uninvoiced = np.zeros(len(all_keys))
    uninvoiced[table_pos] = table["uninvoiced_deliveries"].to_numpy()

    exposure = open_ar + unbilled + uninvoiced
    has_limit = ~np.isnan(limit)
    with np.errstate(divide="ignore", invalid="ignore"):
        utilisation = np.where(has_limit & (limit > 0), exposure / limit, np.nan)
        share = lambda part: np.where(open_ar > tolerance, part / open_ar, np.nan)  # noqa: E731
        overdue_share = share(overdue_ar)
        over_share = share(over_ar)
        has_history = hist_amount > tolerance
        wdl = np.where(has_history, hist_days / hist_amount, np.nan)
        share_late = np.where(has_history, hist_late / hist_amount, np.nan)
    over_limit = has_limit & (exposure > limit + tolerance)

    rating, reason = _rate(policy, has_history, wdl, share_late, over_share)
    action = np.select(
        [~has_limit, over_limit & (rating != "good"), rating == "poor",
         (rating == "good") & (utilisation > policy.raise_utilisation)],
        ["hold new orders", "hold new orders", "reduce", "raise"],
        default="keep",
    )  # fmt: skip
    activity = np.bincount(group, minlength=n)[: n - 1] > 0  # any ledger row
    note = np.select(
        [~has_limit, ~activity], ["no limit on file", "no ledger activity"], default=""
    )
    out = pd.DataFrame(
        {
            "customer": names.to_numpy(dtype=object),
            "credit_limit": limit,
            "open_ar": open_ar,
            "unbilled_orders": unbilled,
            "uninvoiced_deliveries": uninvoiced,
            "exposure": exposure,
            "available": limit - exposure,
            "utilisation": utilisation,
            "over_limit": over_limit,
            "overdue_share": overdue_share,
            _over_name(policy): over_share,
            "paid_invoices": paid_invoices.astype(np.int64),
            "weighted_days_late": wdl,
            "share_paid_late": share_late,
            "payer_rating": rating,
            "rating_reason": reason,
            "action": action,
            "note": note,
        }
    )[shown]
    out = out.sort_values(["exposure", "customer"], ascending=[False, True], kind="mergesort")
    return out.reset_index(drop=True)


def _rate(
    policy: CreditPolicy,
    has_history: np.ndarray,
    wdl: np.ndarray,
    share_late: np.ndarray,
    over_share: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Payer rating and its reason per customer (vectorised over customers)."""
    p = policy
    over_days = plain_number(p.rating_overdue_days)
    late_days = plain_number(p.late_tolerance_days)
    poor_days = has_history & (wdl > p.rating_poor_days_late)
    poor_share = has_history & (share_late > p.rating_poor_share_late)
    poor_over = over_share > p.rating_poor_share_overdue  # NaN compares False
    good = has_history & (wdl <= p.rating_good_days_late) & (share_late <= p.rating_good_share_late)
    poor = poor_days | poor_share | poor_over
    rating = np.select(
        [poor, good, has_history], ["poor", "good", "average"], default="unrated"
    ).astype(object)
    # object arrays: text + text also when there are no customers (an empty map is float)
    days_text = pd.Series(wdl).map(lambda v: f"{v:.1f}").to_numpy(dtype=object)
    late_text = pd.Series(share_late).map(lambda v: f"{v:.0%}").to_numpy(dtype=object)
    over_text = pd.Series(over_share).map(lambda v: f"{v:.0%}").to_numpy(dtype=object)
    reason = np.select(
        [poor_days, poor_share, poor_over, good, has_history],
        [
            "weighted days late " + days_text + f" > {plain_number(p.rating_poor_days_late)}",
            late_text
            + f" of paid amount more than {late_days} days late"
            + f" > {p.rating_poor_share_late:.0%}",
            over_text
            + f" of open AR over {over_days} days past due"
            + f" > {p.rating_poor_share_overdue:.0%}",
            "weighted days late "
            + days_text
            + f" <= {plain_number(p.rating_good_days_late)}, "
            + late_text
            + f" paid late <= {p.rating_good_share_late:.0%}",
            "weighted days late " + days_text + ", " + late_text + " paid late: between the "
            "good and poor thresholds",
        ],
        default="no invoice paid in full by the review date",
    ).astype(object)
    return rating, reason
