"""Indonesian tax withholding and transfer fees in cash application: rules, not write-offs.

A customer often pays less than the invoice for two lawful reasons: it withholds income tax
(PPh 23 on services, PPh 22 for state-owned and government buyers) or collects the PPN itself
(a *WAPU* buyer), and the bank deducts a transfer fee. Neither is a loss: withheld tax is a
receivable from the tax office until the withholding slip (*bukti potong*) arrives, the fee is
a bank charge. :class:`TaxRules` holds the rates, the fee ceiling and the buyers who withhold;
:func:`~xl_ar.core.cash_application.reconcile.apply_payments` (``tax=``) uses them.

Tax base and PPN
----------------
Each invoice's *tax base* (DPP, the price before PPN: the base of PPh 22/23) and *PPN* come
from the ledger's optional ``tax_base`` / ``vat`` columns (headers DPP, Dasar Pengenaan Pajak,
Tax Base, Net Amount, Subtotal / PPN, VAT, Pajak); where a cell is blank or the column is
absent they are derived from the invoice amount, in whole rupiah (rounded half up)::

    tax base = amount / (1 + ppn_rate × dpp_factor)        PPN = amount − tax base

The effective PPN rate is ``ppn_rate × dpp_factor``: 11 % × 1 until 2024; from 2025 most
goods carry 12 % on a DPP of 11/12 of the price (``tax_rules(ppn_rate="12%",
dpp_factor="11/12")``), again 11 % of the price. A ``DPP Nilai Lain`` column (the 11/12
figure) is *not* the tax base and is not read as one.

Worked example (the notes' services invoice)
--------------------------------------------
Tax base 10,000,000 + PPN 11 % 1,100,000 = invoice 11,100,000 (derived: 11,100,000 / 1.11 =
10,000,000). A PPh 23 withholder withholds 2 % of the tax base, 200,000, and pays
10,900,000: the invoice is settled in full, ``applied`` 10,900,000, ``withheld`` 200,000
(*PPh 23 dibayar dimuka*). A WAPU buyer that also withholds PPh 22 pays the tax base less
1.5 % of it: 10,000,000 − 150,000 = 9,850,000, withheld 1,100,000 PPN + 150,000 PPh 22.

Rounding: Indonesian tax amounts are whole rupiah, so the PPh withheld is accepted rounded
down, rounded to the nearest rupiah, or exact to the cent; what is recorded is the one that
balances the payment to the cent (the largest that is not above the shortfall), the rest of
a shortfall being the transfer fee when it is small (below).

Transfer fees
-------------
A shortfall (after any withholding) is a transfer fee, booked to bank charges, only when it
is small both in money and next to what it settles: at most ``fee_max`` (Rp 10,000 on a
rupiah ledger) *and* at most ``fee_share`` (1 %) of the gross amount the payment settles.
A Rp 250,000 invoice paid Rp 247,500 settles with a fee of 2,500 (1 % is 2,500); a Rp 12,000
invoice paid Rp 2,500 stays ``partial`` (9,500 is far above 1 % of 12,000). A fee is not a
tolerance: ``tolerance=0`` does not turn it off (it is not written off), ``fee_max=0`` does.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base import schema as s
from xl_ar.core.base.amounts import parse_amounts, to_cents
from xl_ar.core.base.cells import cell_text, is_blank_value, quote_excerpt
from xl_ar.core.base.columns import normalize_header
from xl_ar.core.base.customers import match_customers
from xl_ar.core.ledger.currency import HOME_CURRENCY, require_one_currency
from xl_ar.core.ledger.customer_master import ensure_master
from xl_ar.core.ledger.ledger import ensure_ledger
from xl_ar.errors import OptionError, XlArError

__all__ = [
    "DEFAULT_FEE_MAX",
    "DEFAULT_FEE_SHARE",
    "TYPE_LABELS",
    "WITHHOLDING_TYPES",
    "TaxRules",
    "as_rate",
    "invoice_taxes",
    "parse_withholding_types",
    "tax_rules",
    "withholders_from_master",
    "withholding_label",
    "withholding_notes",
]

#: The kinds of withholding a buyer may practise (any combination).
WITHHOLDING_TYPES = ("wapu", "pph22", "pph23")
#: How each is shown.
TYPE_LABELS = {"wapu": "PPN WAPU", "pph22": "PPh 22", "pph23": "PPh 23"}

#: Default ceiling of a transfer fee deducted by the payer, in rupiah. Indonesian interbank
#: transfers cost the sender Rp 2,500 (BI-FAST), Rp 2,900 (SKN/kliring) or Rp 6,500 (online
#: transfer), so Rp 10,000 covers every usual fee with room, while a shortfall larger than
#: that (RTGS fees of about Rp 25,000 or more, a real short payment) is not silently taken
#: for a fee. A setting: raise it for payers who send by RTGS. It is a rupiah figure: on a
#: ledger in another currency no shortfall is a fee unless ``fee_max`` is given.
DEFAULT_FEE_MAX = 10_000.0
#: Default largest share of the gross amount settled a transfer fee may be (1 %): a fee is
#: small next to what it pays, so Rp 2,500 closes a Rp 250,000 invoice but not a Rp 12,000 one.
DEFAULT_FEE_SHARE = 0.01

_TYPE_WORDS = {
    "pph23": "pph23", "pasal23": "pph23", "23": "pph23", "pphpasal23": "pph23",
    "pph22": "pph22", "pasal22": "pph22", "22": "pph22", "pphpasal22": "pph22",
    "wapu": "wapu", "ppnwapu": "wapu", "pemungut": "wapu", "pemungutppn": "wapu",
}  # fmt: skip
_NONE_WORDS = {"", "no", "tidak", "none", "n", "-", "0", "false", "bukan", "tidakada"}
#: Headers of a customer master's withholding column.
MASTER_WITHHOLDING_HEADERS = (
    "withholding", "pemotongan", "potong pajak", "pph", "pemotong pajak", "withholding tax",
    "withholding type", "jenis pemotongan", "pemotongan pajak",
)  # fmt: skip


@dataclass(frozen=True)
class TaxRules:
    """Rates, fee ceiling and withholding buyers (build it with :func:`tax_rules`).

    Attributes
    ----------
    ppn_rate, pph23_rate, pph22_rate : float
        Fractions (0.11, 0.02, 0.015 by default).
    dpp_factor : float
        The share of the price PPN is charged on (1; 11/12 for 2025's 12 %).
    fee_max : float or None
        Largest transfer fee taken as a bank charge (currency units); None: Rp 10,000 on a
        rupiah ledger, none on a ledger in another currency (:meth:`fee_ceiling`).
    fee_share : float
        Largest share of the gross amount settled that a fee may be (0.01: 1 %).
    withholders : mapping
        Customer (as written) → tuple of types among :data:`WITHHOLDING_TYPES`.
    """

    ppn_rate: float = 0.11
    pph23_rate: float = 0.02
    pph22_rate: float = 0.015
    dpp_factor: float = 1.0
    fee_max: float | None = None
    fee_share: float = DEFAULT_FEE_SHARE
    withholders: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def fee_ceiling(self, currency: str | None) -> float:
        """The fee ceiling on a ledger in ``currency`` (None or ``IDR``: rupiah).

        Examples
        --------
        >>> tax_rules().fee_ceiling("IDR"), tax_rules().fee_ceiling("USD")
        (10000.0, 0.0)
        >>> tax_rules(fee_max=15).fee_ceiling("USD")
        15.0
        """
        if self.fee_max is not None:
            return self.fee_max
        return DEFAULT_FEE_MAX if currency in (None, "IDR") else 0.0

    def fee_cap_cents(self, gross_cents: Any, ceiling_cents: int) -> Any:
        """The largest fee (cents) on a gross amount settled (cents): the smaller of the
        ceiling and ``fee_share`` of the gross, rounded down; works on arrays too.

        Examples
        --------
        >>> rules = tax_rules()
        >>> rules.fee_cap_cents(25_000_000, 1_000_000), rules.fee_cap_cents(1_200_000, 1_000_000)
        (250000, 12000)
        """
        share = np.floor(np.asarray(gross_cents, dtype=np.float64) * self.fee_share + 1e-6)
        cap = np.clip(np.minimum(share, ceiling_cents), 0, None).astype(np.int64)
        return int(cap) if cap.ndim == 0 else cap

    @property
    def effective_ppn_rate(self) -> float:
        """PPN as a share of the price: ``ppn_rate × dpp_factor``."""
        return self.ppn_rate * self.dpp_factor

    def rate(self, kind: str) -> float:
        """The PPh rate of ``"pph23"`` / ``"pph22"``."""
        return {"pph23": self.pph23_rate, "pph22": self.pph22_rate}[kind]


def tax_rules(
    *,
    ppn_rate: Any = "11%",
    pph23_rate: Any = "2%",
    pph22_rate: Any = "1.5%",
    dpp_factor: Any = 1,
    fee_max: Any = None,
    fee_share: Any = "1%",
    withholders: Any = None,
) -> TaxRules:
    """The withholding and fee rules of a cash application, every figure a setting.

    Parameters
    ----------
    ppn_rate, pph23_rate, pph22_rate : number or text
        A fraction (``0.02``) or a percentage text (``"2%"``, ``"1,5%"``); below 1.
    dpp_factor : number or text, default 1
        Share of the price PPN is charged on: ``"11/12"`` with 12 % from 2025.
    fee_max : number, optional
        Largest transfer fee taken as a bank charge; default Rp 10,000 on a rupiah ledger
        (see :data:`DEFAULT_FEE_MAX` for why), none on a ledger in another currency.
    fee_share : number or text, default ``"1%"``
        Largest share of the gross amount a payment settles that a fee may be: with 1 % a
        Rp 250,000 invoice allows a 2,500 fee, a Rp 12,000 invoice paid 2,500 stays partial.
    withholders : mapping, table or None
        Customer → types (``"PPh 23"``, ``"WAPU + PPh 22"`` or a tuple of
        :data:`WITHHOLDING_TYPES`), or a customer master with a ``Withholding`` /
        ``Pemotongan`` column (:func:`withholders_from_master`); None: nobody withholds
        (fees still apply).

    Examples
    --------
    >>> rules = tax_rules(ppn_rate="12%", dpp_factor="11/12", withholders={"PT A": "PPh 23"})
    >>> round(rules.effective_ppn_rate, 6), rules.pph23_rate, rules.withholders
    (0.11, 0.02, {'PT A': ('pph23',)})
    >>> tax_rules(pph23_rate=2)
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: pph23_rate must be a fraction below 1 or a percentage such as '2%', not 2
    """
    fee = None if fee_max is None else as_amount(fee_max, "fee_max")
    return TaxRules(
        ppn_rate=as_rate(ppn_rate, "ppn_rate"),
        pph23_rate=as_rate(pph23_rate, "pph23_rate"),
        pph22_rate=as_rate(pph22_rate, "pph22_rate"),
        dpp_factor=_factor(dpp_factor),
        fee_max=fee,
        fee_share=as_rate(fee_share, "fee_share"),
        withholders=_withholders(withholders),
    )


def as_rate(value: Any, name: str) -> float:
    """A fraction from a number (0.02) or a percentage text ('2%', '1,5 %', '0.02', '11/12').

    Examples
    --------
    >>> as_rate("1,5%", "rate"), as_rate(0.02, "rate"), as_rate("11/12", "factor") == 11 / 12
    (0.015, 0.02, True)
    """
    bad = f"{name} must be a fraction below 1 or a percentage such as '2%', not "
    if isinstance(value, bool | np.bool_) or value is None or is_blank_value(value):
        raise OptionError(bad + quote_excerpt(value))
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        percent = text.endswith("%")
        text = (text[:-1] if percent else text).replace(",", ".")
        try:
            number = float(Fraction(text)) / (100 if percent else 1)
        except (ValueError, ZeroDivisionError):
            raise OptionError(bad + quote_excerpt(value)) from None
    elif isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
    else:
        raise OptionError(bad + quote_excerpt(value))
    if not (math.isfinite(number) and 0 <= number < 1):
        shown = f"{float(value):g}" if not isinstance(value, str) else quote_excerpt(value)
        raise OptionError(bad + shown)
    return number


def _factor(value: Any) -> float:
    number = as_rate(value, "dpp_factor") if not _is_one(value) else 1.0
    if number <= 0:
        raise OptionError(f"dpp_factor must be above 0 and at most 1, not {quote_excerpt(value)}")
    return number


def _is_one(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().replace(" ", "") in ("1", "100%", "1.0", "12/12", "11/11")
    return isinstance(value, int | float | np.integer | np.floating) and float(value) == 1.0


def as_amount(value: Any, name: str) -> float:
    """An amount of 0 or more from a number or text (``7.500`` read the Indonesian way).

    Examples
    --------
    >>> as_amount("Rp 7.500", "fee_max"), as_amount(2500, "fee_max")
    (7500.0, 2500.0)
    """
    if isinstance(value, bool | np.bool_):
        raise OptionError(f"{name} must be an amount of 0 or more, not {quote_excerpt(value)}")
    if isinstance(value, str):
        parsed = parse_amounts([value], number_format="auto")
        number = parsed.values.iloc[0]
        if pd.isna(number) and "ambiguous" in str(parsed.problems.iloc[0]):
            number = parse_amounts([value], number_format="id").values.iloc[0]  # Rp 7.500
    elif isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
    else:
        number = float("nan")
    if not (isinstance(number, float) and math.isfinite(number) and number >= 0):
        raise OptionError(f"{name} must be an amount of 0 or more, not {quote_excerpt(value)}")
    return float(number)


def parse_withholding_types(value: object) -> tuple[str, ...]:
    """Withholding types from a cell: ``"PPh 23"``, ``"PPh22"``, ``"WAPU + PPh 22"`` ...

    Blank, ``No``/``Tidak`` give ``()``. Types come out in :data:`WITHHOLDING_TYPES` order.

    Examples
    --------
    >>> parse_withholding_types("WAPU + PPh 22"), parse_withholding_types("pph23")
    (('wapu', 'pph22'), ('pph23',))
    >>> parse_withholding_types("Tidak")
    ()
    >>> parse_withholding_types("PPh 21")
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: withholding 'PPh 21' is not PPh 23, PPh 22, WAPU or a combination such as 'WAPU + PPh 22'
    """
    if isinstance(value, tuple | list):
        parts: list[str] = [str(v) for v in value]
    else:
        text = cell_text(value) or ""
        if normalize_header(text) in _NONE_WORDS:
            return ()
        parts = re.split(r"[+,;/&]|\band\b|\bdan\b", text)
    found = set()
    for part in parts:
        key = normalize_header(part)
        if not key:
            continue
        kind = _TYPE_WORDS.get(key)
        if kind is None:
            raise OptionError(
                f"withholding {quote_excerpt(value, 30)} is not PPh 23, PPh 22, WAPU or a "
                "combination such as 'WAPU + PPh 22'"
            )
        found.add(kind)
    return tuple(k for k in WITHHOLDING_TYPES if k in found)


def withholding_label(types: tuple[str, ...]) -> str | None:
    """How a combination of types is shown: ``"PPN WAPU + PPh 22"`` (None for none).

    Examples
    --------
    >>> withholding_label(("wapu", "pph23")), withholding_label(())
    ('PPN WAPU + PPh 23', None)
    """
    return " + ".join(TYPE_LABELS[t] for t in types) if types else None


def _withholders(value: Any) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if isinstance(value, Mapping):
        out = {}
        for customer, types in value.items():
            name = cell_text(customer)
            kinds = parse_withholding_types(types)
            if name and kinds:
                out[name] = kinds
        return out
    return withholders_from_master(value)


def withholders_from_master(master: Any, *, required: bool = True) -> dict[str, tuple[str, ...]]:
    """Customer → withholding types, from a customer master's withholding column.

    The column is headed ``Withholding``, ``Pemotongan``, ``Potong Pajak`` or ``PPh``; its
    cells read as in :func:`parse_withholding_types` (blank: the customer does not withhold).
    A master without that column is an error, or nobody withholds with ``required=False``.

    Examples
    --------
    >>> withholders_from_master([["Customer", "Pemotongan"], ["PT Negara", "WAPU + PPh 22"],
    ...                          ["PT Jasa", "PPh 23"], ["CV Toko", None]])
    {'PT Negara': ('wapu', 'pph22'), 'PT Jasa': ('pph23',)}
    """
    table = ensure_master(master)
    wanted = {normalize_header(h) for h in MASTER_WITHHOLDING_HEADERS}
    column = next((c for c in table.columns if normalize_header(c) in wanted), None)
    if column is None and not required:
        return {}
    if column is None:
        raise XlArError(
            "customer master: no withholding column (Withholding / Pemotongan / Potong Pajak "
            "/ PPh) to say which customers withhold tax"
        )
    out: dict[str, tuple[str, ...]] = {}
    for customer, cell in zip(table["customer"], table[column], strict=True):
        try:
            kinds = parse_withholding_types(cell)
        except OptionError as exc:
            raise OptionError(f"customer master: {customer}: {exc}") from None
        if kinds and cell_text(customer):
            out[str(cell_text(customer))] = kinds
    return out


# --------------------------------------------------------------------------- per invoice


def _whole_rupiah(values: np.ndarray) -> np.ndarray:
    """Round half up to whole units; float noise (1e-6) is no fraction."""
    return np.floor(values + 0.5 + 1e-6)


def invoice_taxes(ledger: pd.DataFrame, rules: TaxRules) -> pd.DataFrame:
    """Each ledger row's tax base and PPN: the ledger's columns, else derived from the amount.

    Returns a frame on the ledger's index with ``tax_base`` and ``vat`` (currency units,
    derived values in whole rupiah) and ``derived`` (bool: at least one was derived).

    Examples
    --------
    >>> led = pd.DataFrame({"amount": [11_100_000.0, 5_550_000.0],
    ...                     "tax_base": [np.nan, 5_000_000.0], "vat": [np.nan, 550_000.0]})
    >>> invoice_taxes(led, tax_rules()).to_numpy().tolist()
    [[10000000.0, 1100000.0, True], [5000000.0, 550000.0, False]]
    """
    amount = ledger[s.AMOUNT].to_numpy(dtype=np.float64)
    given_base = _column(ledger, s.TAX_BASE)
    given_vat = _column(ledger, s.VAT)
    derived_base = _whole_rupiah(amount / (1.0 + rules.effective_ppn_rate))
    base = np.where(
        np.isnan(given_base),
        np.where(np.isnan(given_vat), derived_base, amount - given_vat),
        given_base,
    )
    vat = np.where(np.isnan(given_vat), amount - base, given_vat)
    return pd.DataFrame(
        {
            s.TAX_BASE: np.round(base, 2),
            s.VAT: np.round(vat, 2),
            "derived": np.isnan(given_base) | np.isnan(given_vat),
        },
        index=ledger.index,
    )


def _column(ledger: pd.DataFrame, name: str) -> np.ndarray:
    if name not in ledger.columns:
        return np.full(len(ledger), np.nan)
    return pd.to_numeric(ledger[name], errors="coerce").to_numpy(dtype=np.float64)


@dataclass(frozen=True)
class _Withholding:
    """Per ledger row, in cents: the withholding variants its customer's types allow."""

    variants: np.ndarray  # (n, 3) int64: PPh exact to the cent, rounded down, to nearest
    labels: np.ndarray  # object: the type label, None for non-withholders
    single: np.ndarray  # (n, 5) int64: what each of _HINT_TYPES would withhold (nearest rupiah)


_HINT_TYPES = (("pph23",), ("pph22",), ("wapu",), ("wapu", "pph22"), ("wapu", "pph23"))


def row_withholding(
    ledger: pd.DataFrame, rules: TaxRules, codes: np.ndarray, names: np.ndarray
) -> _Withholding:
    """Withholding variants per ledger row (``codes``: customer position in ``names``)."""
    n = len(ledger)
    taxes = invoice_taxes(ledger, rules)
    base = taxes[s.TAX_BASE].to_numpy(dtype=np.float64)
    vat_cents = to_cents(taxes[s.VAT].to_numpy(dtype=np.float64), "invoices")
    positive = ledger[s.AMOUNT].to_numpy(dtype=np.float64) > 0
    listed = list(rules.withholders)
    at = match_customers(pd.Series(listed, dtype=object), names) if listed else np.array([])
    kinds_of = np.full(len(names) + 1, None, dtype=object)
    for position, customer in zip(at.tolist(), listed, strict=True):
        if position >= 0:
            kinds_of[position] = rules.withholders[customer]
    row_kinds = kinds_of[np.where(codes >= 0, codes, len(names))]

    def pph(kind: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        exact = base * rules.rate(kind)
        return (
            np.rint(exact * 100).astype(np.int64),
            (np.floor(exact + 1e-6) * 100).astype(np.int64),
            (_whole_rupiah(exact) * 100).astype(np.int64),
        )

    parts = {k: pph(k) for k in ("pph23", "pph22")}
    variants = np.zeros((n, 3), dtype=np.int64)
    labels = np.full(n, None, dtype=object)
    for kinds in {k for k in row_kinds.tolist() if k}:
        rows = np.flatnonzero(np.array([k == kinds for k in row_kinds]) & positive)
        for kind in kinds:
            if kind == "wapu":
                variants[rows] += vat_cents[rows, None]
            else:
                variants[rows] += np.stack([v[rows] for v in parts[kind]], axis=1)
        labels[rows] = withholding_label(kinds)
    single = np.stack(
        [parts["pph23"][2], parts["pph22"][2], vat_cents, vat_cents + parts["pph22"][2],
         vat_cents + parts["pph23"][2]], axis=1
    )  # fmt: skip
    single[~positive] = 0
    return _Withholding(variants, labels, single)


def withholding_notes(table: pd.DataFrame, ledger: Any, tax: TaxRules | None) -> pd.Series:
    """A hint per result row where a customer paid exactly an invoice less a withholding it
    is not listed for (PPh 23, PPh 22, PPN WAPU, WAPU + PPh 22, WAPU + PPh 23; plus a fee up
    to the fee cap): the old result stands (partial or written off), the hint says why. A
    buyer listed as ``WAPU`` that also withheld PPh 22 is told to be listed as
    ``'WAPU + PPh 22'``.

    For the ``note`` column of :func:`~xl_ar.core.cash_application.reconcile.reconcile`
    (the lead wires it: ``note = note.fillna(withholding_notes(table, ledger, tax))``).
    Rows are found by customer and invoice number; NA where there is nothing to say.

    Examples
    --------
    >>> from xl_ar.core.cash_application.reconcile import apply_payments
    >>> from xl_ar.core.ledger.ledger import read_ledger
    >>> led = read_ledger([["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
    ...                    ["PT B", "F-1", "2024-01-05", 30, 11_100_000]])
    >>> pays = pd.DataFrame({"payment": ["P1"], "date": pd.to_datetime(["2024-02-01"]),
    ...                      "amount": [10_900_000.0], "customer": ["PT B"], "memo": [None]})
    >>> got = apply_payments(led, pays, tax=tax_rules())
    >>> withholding_notes(got, led, tax_rules()).iloc[0]
    'short by 200,000, the PPh 23 on this invoice: if the customer withholds, list it as a \
withholder (not applied as withholding)'
    """
    out = pd.Series(pd.NA, index=table.index, dtype=object)
    if tax is None or table.empty:
        return out
    led = ensure_ledger(ledger)
    names_all = led[s.CUSTOMER].astype(object)
    codes, uniques = pd.factorize(names_all, sort=True)
    held = row_withholding(led, tax, codes.astype(np.int64), np.asarray(uniques, dtype=object))
    labels = [
        f"row {r}" if is_blank_value(v) else str(v)
        for v, r in zip(led[s.INVOICE].astype(object), led.index, strict=True)
    ]
    keys = pd.DataFrame({"customer": names_all.to_numpy(), "invoice": labels})
    keys["item"] = np.arange(len(led))
    keys = keys.drop_duplicates(["customer", "invoice"])
    status = table["status"].astype(object)
    on = status.isin(("partial", "short_paid_written_off")).to_numpy()
    if not on.any():
        return out
    part = table.loc[on, ["customer", "invoice"]].astype(object)
    part = part.reset_index().merge(keys, on=["customer", "invoice"], how="inner")
    if part.empty:
        return out
    chosen = table.loc[part.iloc[:, 0].to_numpy()]
    remaining = to_cents(chosen["remaining"].to_numpy(dtype=np.float64), "table")
    difference = to_cents(chosen["difference"].to_numpy(dtype=np.float64), "table")
    shortfall = np.where(chosen["status"].astype(object).eq("partial"), remaining, difference)
    item = part["item"].to_numpy(dtype=np.int64)
    ceiling = tax.fee_ceiling(require_one_currency(led, "applying payments") or HOME_CURRENCY)
    gross = to_cents(chosen["open_amount"].to_numpy(dtype=np.float64), "table")
    fee_caps = tax.fee_cap_cents(gross, int(round(ceiling * 100)))
    texts = _hints(shortfall, held.single[item], held.labels[item], fee_caps)
    out.loc[part.iloc[:, 0].to_numpy()] = texts
    return out.where(out.notna(), pd.NA)


def _hints(
    shortfall: np.ndarray, amounts: np.ndarray, labels: np.ndarray, fee_caps: np.ndarray
) -> np.ndarray:
    """One text or None per row: the first withholding the shortfall equals (+ a fee up to
    the row's cap). A customer listed with other types (``labels``: its listed label, None
    when not listed) is told which listing fits, e.g. ``'WAPU + PPh 22'`` for a ``WAPU``."""
    gap = shortfall[:, None]
    fits = (amounts > 0) & (gap >= amounts) & (gap - amounts <= fee_caps[:, None])
    hint_labels = np.array([withholding_label(k) for k in _HINT_TYPES], dtype=object)
    fits &= hint_labels[None, :] != labels.astype(object)[:, None]
    out = np.full(len(shortfall), None, dtype=object)
    first = np.argmax(fits, axis=1)
    for i in np.flatnonzero(fits.any(axis=1)).tolist():
        kinds = _HINT_TYPES[first[i]]
        head = (
            f"short by {_shown(int(shortfall[i]))}, the {withholding_label(kinds)} on this invoice"
        )
        if labels[i] is None or pd.isna(labels[i]):
            out[i] = (
                f"{head}: if the customer withholds, list it as a withholder (not applied as "
                "withholding)"
            )
        else:
            listing = " + ".join("WAPU" if k == "wapu" else TYPE_LABELS[k] for k in kinds)
            out[i] = (
                f"{head}: the customer is listed as {labels[i]}; if it withholds this, list "
                f"it as '{listing}' (not applied as withholding)"
            )
    return out


def _shown(cents: int) -> str:
    value = cents / 100
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
