"""Allowance for doubtful accounts (aging-percentage method) and its adjusting entry.

The required allowance is the sum over the aging buckets of balance x loss rate (the same
arithmetic as the IFRS 9 provision matrix, :func:`xl_ar.core.provisioning.ecl.provision_matrix`). The
adjusting entry brings the allowance account from its existing balance to the required one.

Sign convention of the existing balance
---------------------------------------
The allowance ("Cadangan kerugian piutang") is a contra-asset with a normal **credit**
balance. ``existing`` is that balance as a number: **positive = credit balance** (the normal
case), **negative = debit balance** (write-offs during the year exceeded the allowance). Pass
``existing_side="debit"`` to give a debit balance as a positive number instead.

Adjustment = required - existing (credit-positive):

* positive: *debit Bad debt expense / credit Allowance for doubtful accounts*
  (*Debit Beban kerugian piutang / Kredit Cadangan kerugian piutang*);
* negative: the allowance is too large and is partly reversed: *debit Allowance / credit Bad
  debt expense* (*pemulihan* / reversal);
* zero: no entry.

Example (ar-domain.md): 0-30 103,000 @ 1 %; 31-60 97,500 @ 5 %; 61-90 39,500 @ 15 %;
> 90 10,000 @ 95 % gives a required allowance of 21,330. With an existing credit balance of
5,000 the entry is 16,330; with a debit balance of 2,000 it is 23,330.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import pandas as pd

from xl_ar.core.base.labels import lang_index
from xl_ar.core.base.options import choose
from xl_ar.core.base.text import grouped_number
from xl_ar.core.provisioning.ecl import bucket_values, provision_matrix
from xl_ar.errors import XlArError

__all__ = ["ACCOUNTS", "AllowanceResult", "allowance", "format_amount"]

SIDES = ("credit", "debit")

#: Account names: key -> (Indonesian, English).
ACCOUNTS = {
    "expense": ("Beban kerugian piutang", "Bad debt expense"),
    "allowance": ("Cadangan kerugian piutang", "Allowance for doubtful accounts"),
}

#: Labels of :meth:`AllowanceResult.lines`: key -> (Indonesian, English).
LINE_LABELS = {
    "total": ("Total piutang", "Total receivables"),
    "required": ("Cadangan yang dibutuhkan", "Required allowance"),
    "existing": (
        "Saldo cadangan saat ini (kredit +, debit -)",
        "Existing allowance (credit +, debit -)",
    ),
    "adjustment": ("Penyesuaian (dibutuhkan - saldo)", "Adjustment (required - existing)"),
    "debit": ("Debit", "Debit"),
    "credit": ("Kredit", "Credit"),
    "amount": ("Jumlah jurnal", "Entry amount"),
    "net": ("Piutang bersih", "Net receivables"),
    "entry": ("Jurnal penyesuaian", "Adjusting entry"),
}
NO_ENTRY = ("Tidak perlu jurnal penyesuaian", "No entry needed")
REVERSAL = ("pemulihan", "reversal")


@dataclass(frozen=True)
class AllowanceResult:
    """The required allowance, the existing balance and the adjusting entry.

    Attributes
    ----------
    matrix : pandas.DataFrame
        Per bucket: ``bucket, gross_balance, loss_rate, ecl`` and a Total row.
    total_receivables, required, existing, adjustment : float
        ``existing`` is credit-positive; ``adjustment = required - existing``.
    """

    matrix: pd.DataFrame
    total_receivables: float
    required: float
    existing: float
    adjustment: float

    @property
    def debit_account(self) -> str | None:
        """Key in :data:`ACCOUNTS` of the account debited (``None`` when there is no entry)."""
        return None if self.adjustment == 0 else ("expense" if self.adjustment > 0 else "allowance")

    @property
    def credit_account(self) -> str | None:
        """Key in :data:`ACCOUNTS` of the account credited (``None`` when there is no entry)."""
        return None if self.adjustment == 0 else ("allowance" if self.adjustment > 0 else "expense")

    def entry(self, lang: str = "en") -> str:
        """The adjusting entry in one line, in ``"en"`` or ``"id"``.

        Examples
        --------
        >>> r = allowance([100.0], [0.5], existing=80.0)
        >>> r.entry("en")
        'Debit Allowance for doubtful accounts / Credit Bad debt expense (reversal) 30.00'
        >>> r.entry("id")
        'Debit Cadangan kerugian piutang / Kredit Beban kerugian piutang (pemulihan) 30,00'
        """
        i = _lang_index(lang)
        if self.debit_account is None:
            return NO_ENTRY[i]
        debit = ACCOUNTS[self.debit_account][i]
        credit = ACCOUNTS[cast(str, self.credit_account)][i]  # set with debit_account
        reversal = f" ({REVERSAL[i]})" if self.adjustment < 0 else ""
        words = ("Debit", "Kredit") if i == 0 else ("Debit", "Credit")
        amount = format_amount(abs(self.adjustment), lang)
        return f"{words[0]} {debit} / {words[1]} {credit}{reversal} {amount}"

    def lines(self, lang: str = "both") -> list[list[Any]]:
        """Labelled cells (Indonesian / English labels): figures, then the entry.

        ``lang`` ``"id"`` or ``"en"`` gives the labels and the entry in that language only
        (one entry line); ``"both"`` (default) both.

        Examples
        --------
        >>> for line in allowance([1000.0], [0.1], existing=-20.0).lines():
        ...     print(line)
        ['Total piutang / Total receivables', 1000.0]
        ['Cadangan yang dibutuhkan / Required allowance', 100.0]
        ['Saldo cadangan saat ini (kredit +, debit -) / Existing allowance (credit +, debit -)', -20.0]
        ['Penyesuaian (dibutuhkan - saldo) / Adjustment (required - existing)', 120.0]
        ['Debit', 'Beban kerugian piutang / Bad debt expense']
        ['Kredit / Credit', 'Cadangan kerugian piutang / Allowance for doubtful accounts']
        ['Jumlah jurnal / Entry amount', 120.0]
        ['Piutang bersih / Net receivables', 900.0]
        ['Jurnal penyesuaian', 'Debit Beban kerugian piutang / Kredit Cadangan kerugian piutang 120,00']
        ['Adjusting entry', 'Debit Bad debt expense / Credit Allowance for doubtful accounts 120.00']
        """

        def both(pair: tuple[str, str]) -> str:
            if lang in ("id", "en"):
                return pair[lang == "en"]
            return pair[0] if pair[0] == pair[1] else f"{pair[0]} / {pair[1]}"

        def account(key: str | None) -> str:
            return both(ACCOUNTS[key]) if key else "-"

        return [
            [both(LINE_LABELS["total"]), self.total_receivables],
            [both(LINE_LABELS["required"]), self.required],
            [both(LINE_LABELS["existing"]), self.existing],
            [both(LINE_LABELS["adjustment"]), self.adjustment],
            [both(LINE_LABELS["debit"]), account(self.debit_account)],
            [both(LINE_LABELS["credit"]), account(self.credit_account)],
            [both(LINE_LABELS["amount"]), abs(self.adjustment)],
            [both(LINE_LABELS["net"]), self.total_receivables - self.required],
            *([[LINE_LABELS["entry"][0], self.entry("id")]] if lang != "en" else []),
            *([[LINE_LABELS["entry"][1], self.entry("en")]] if lang != "id" else []),
        ]


def allowance(
    balances: Any,
    loss_rates: Any,
    existing: Any = 0.0,
    *,
    existing_side: str = "credit",
    forward_factor: Any = 1.0,
) -> AllowanceResult:
    """Required allowance (aging-percentage method) and the entry from the existing balance.

    Parameters
    ----------
    balances : numbers per bucket
        A column/row of numbers or a ``label | value`` range
        (:func:`xl_ar.core.provisioning.ecl.bucket_values`).
    loss_rates : numbers per bucket
        Fractions between 0 and 1, one per bucket (or one for all).
    existing : float, default 0
        The allowance account's balance before the adjustment; positive = credit balance.
    existing_side : {'credit', 'debit'}, default 'credit'
        ``'debit'`` reads a positive ``existing`` as a debit balance.
    forward_factor : float, default 1
        Multiplies every rate (capped at 1).

    Returns
    -------
    AllowanceResult

    Examples
    --------
    ar-domain.md: required 21,330; existing credit 5,000 -> entry 16,330.

    >>> r = allowance([103000, 97500, 39500, 10000], [0.01, 0.05, 0.15, 0.95], 5000)
    >>> round(r.required, 2), round(r.adjustment, 2)
    (21330.0, 16330.0)
    >>> r.entry()
    'Debit Bad debt expense / Credit Allowance for doubtful accounts 16,330.00'
    >>> round(allowance([103000, 97500, 39500, 10000], [0.01, 0.05, 0.15, 0.95], 2000,
    ...                 existing_side="debit").adjustment, 2)
    23330.0
    """
    side = choose(existing_side, SIDES, "existing_side", "credit")
    matrix = provision_matrix(balances, loss_rates, forward_factor=forward_factor)
    if existing is None or (isinstance(existing, str) and not existing.strip()):
        balance = 0.0
    else:
        got = bucket_values(existing, "existing_allowance")
        if got.values.size != 1:
            raise XlArError(
                f"existing_allowance must be one number (credit balance positive), not "
                f"{got.values.size} cells"
            )
        balance = float(got.values[0])
    if side == "debit":
        balance = -balance
    total = matrix.iloc[-1]
    required = float(total["ecl"])
    adjustment = required - balance
    if abs(adjustment) < 0.005:  # below half a cent: nothing to book
        adjustment = 0.0
    return AllowanceResult(matrix, float(total["gross_balance"]), required, balance, adjustment)


def format_amount(value: float, lang: str = "en") -> str:
    """Money with two decimals: ``16,330.00`` (en) or ``16.330,00`` (id).

    Examples
    --------
    >>> format_amount(1234567.5), format_amount(1234567.5, "id")
    ('1,234,567.50', '1.234.567,50')
    """
    return grouped_number(value, 2, ("id", "en")[_lang_index(lang)])


def _lang_index(lang: str) -> int:
    return lang_index(choose(lang, ("id", "en"), "lang", "en"))
