"""Factoring: what selling receivables to a factor costs and brings in.

The factor advances part of the invoices' face value at once and keeps the rest as a
reserve until the customers pay. Definitions (simple, non-compounded unless stated):

* ``advance = amount x advance_rate``
* ``reserve = amount - advance`` (paid back when the customers pay, less any deductions)
* ``fee = amount x fee_rate`` (the factoring commission, on the face value)
* ``interest = advance x interest_rate x days / day_basis`` (on the money advanced, for the
  days until the customers pay; ``day_basis`` 365 by default, 360 if the factor uses it)
* ``net_proceeds = advance - fee - interest`` (the cash received today)
* ``effective_annual_cost = (fee + interest) / net_proceeds x day_basis / days``: the cost
  as a simple annual rate on the money actually received, comparable with a bank loan's
  nominal rate on the same day basis;
* ``effective_annual_cost_compound = (1 + (fee + interest) / net_proceeds) ^ (day_basis /
  days) - 1``: the same cost compounded, as if the deal were rolled over all year.
"""

from __future__ import annotations

import math
from typing import Any

from xl_ar.core.base.cells import number_from_text, quote_excerpt
from xl_ar.core.base.options import as_day_basis
from xl_ar.core.base.text import grouped_number, plain_number
from xl_ar.errors import XlArError

__all__ = ["FACTORING_LABELS", "factoring", "factoring_lines"]

#: Result keys -> (Indonesian, English) labels.
FACTORING_LABELS = {
    "amount": ("Nilai piutang dijual", "Receivables sold"),
    "advance": ("Uang muka dari faktor", "Advance"),
    "reserve": ("Dana cadangan (ditahan faktor)", "Reserve (held back)"),
    "fee": ("Komisi faktoring", "Factoring fee"),
    "interest": ("Bunga atas uang muka", "Interest on the advance"),
    "net_proceeds": ("Kas bersih diterima", "Net proceeds"),
    "total_cost": ("Total biaya", "Total cost"),
    "effective_annual_cost": (
        "Biaya efektif per tahun (sederhana)",
        "Effective annual cost (simple)",
    ),
    "effective_annual_cost_compound": (
        "Biaya efektif per tahun (majemuk)",
        "Effective annual cost (compound)",
    ),
}


def factoring(
    amount: float,
    advance_rate: float,
    fee_rate: float,
    days: float,
    *,
    interest_rate: float = 0.0,
    day_basis: int = 365,
) -> dict[str, float]:
    """Advance, reserve, fee, interest, net proceeds and effective annual cost of factoring.

    Parameters
    ----------
    amount : float
        Face value of the receivables sold (> 0).
    advance_rate : float
        Share advanced at once, a fraction in (0, 1].
    fee_rate : float
        Factoring fee as a fraction of the face value, in [0, 1).
    days : float
        Days until the customers pay (the advance is outstanding that long), > 0.
    interest_rate : float, default 0
        Annual interest rate on the advance, a fraction (0.12 = 12 % p.a.).
    day_basis : {365, 360}, default 365

    Returns
    -------
    dict
        Keys of :data:`FACTORING_LABELS`, all floats.

    Examples
    --------
    Rp 100,000,000 of invoices, 80 % advanced, 2 % fee, 12 % p.a. for 60 days:

    >>> r = factoring(100_000_000, 0.8, 0.02, 60, interest_rate=0.12)
    >>> {k: round(v, 4) for k, v in r.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'amount': 100000000.0, 'advance': 80000000.0, 'reserve': 20000000.0,
     'fee': 2000000.0, 'interest': 1578082.1918, 'net_proceeds': 76421917.8082,
     'total_cost': 3578082.1918, 'effective_annual_cost': 0.2848,
     'effective_annual_cost_compound': 0.321}
    """
    amount = _finite(amount, "amount")
    advance_rate = _finite(advance_rate, "advance_rate")
    fee_rate = _finite(fee_rate, "fee_rate")
    days = _finite(days, "days")
    interest_rate = _finite(interest_rate, "interest_rate")
    basis = as_day_basis(day_basis)
    if amount <= 0:
        raise XlArError(f"amount must be greater than 0, not {plain_number(amount)}")
    if not 0 < advance_rate <= 1:
        raise XlArError(
            f"advance_rate must be a fraction above 0 and at most 1 (80 % is 0.8), not "
            f"{plain_number(advance_rate)}"
        )
    if not 0 <= fee_rate < 1:
        raise XlArError(
            f"fee_rate must be a fraction from 0 to below 1 (2 % is 0.02), not {plain_number(fee_rate)}"
        )
    if days <= 0:
        raise XlArError(f"days must be greater than 0, not {plain_number(days)}")
    if not 0 <= interest_rate <= 1:
        raise XlArError(
            f"interest_rate must be an annual fraction from 0 to 1 (12 % is 0.12), not "
            f"{plain_number(interest_rate)}"
        )
    advance = amount * advance_rate
    fee = amount * fee_rate
    interest = advance * interest_rate * days / basis
    net = advance - fee - interest
    if net <= 0:
        raise XlArError(
            f"the fee ({grouped_number(fee, 2)}) and interest ({grouped_number(interest, 2)}) take the whole advance "
            f"({grouped_number(advance, 2)}): nothing is received"
        )
    cost = fee + interest
    try:
        compound = (1.0 + cost / net) ** (basis / days) - 1.0
    except OverflowError:
        compound = math.inf
    result = {
        "amount": amount,
        "advance": advance,
        "reserve": amount - advance,
        "fee": fee,
        "interest": interest,
        "net_proceeds": net,
        "total_cost": cost,
        "effective_annual_cost": cost / net * basis / days,
        "effective_annual_cost_compound": compound,
    }
    if not all(map(math.isfinite, result.values())):
        raise XlArError(
            f"days ({plain_number(days)}) is too short to annualise the cost: the effective annual cost is "
            "too large (overflow)"
        )
    return result


def factoring_lines(result: dict[str, float]) -> list[list[Any]]:
    """Labelled cells ``[label (Indonesian / English), value]`` of a :func:`factoring` result.

    Examples
    --------
    >>> factoring_lines(factoring(1000, 0.8, 0.02, 30))[1]
    ['Uang muka dari faktor / Advance', 800.0]
    """
    return [[f"{FACTORING_LABELS[k][0]} / {FACTORING_LABELS[k][1]}", v] for k, v in result.items()]


def _finite(value: Any, name: str) -> float:
    try:
        number = number_from_text(value) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        number = None
    if number is None or isinstance(value, bool) or not math.isfinite(number):
        raise XlArError(f"{name}: {quote_excerpt(value)} is not a number")
    return number
