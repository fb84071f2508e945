"""Tax and posting settings of cash application, read from ``xl_ar.conf`` rows (key | value).

The one reader of these keys, for the command line's ``--conf FILE`` and the workbook's
``xl_ar.conf`` sheet alike; keys are matched by the one header rule (case, spaces and
underscores ignored) and have Indonesian twins:

=========================  ==========================  ========================================
key                        Indonesian                  meaning (default)
=========================  ==========================  ========================================
``PPNRate``                ``TarifPPN``                PPN (VAT) rate (11%)
``PPh23Rate``              ``TarifPPh23``              PPh 23 withholding rate (2%)
``PPh22Rate``              ``TarifPPh22``              PPh 22 withholding rate (1.5%)
``TransferFeeMax``         ``BiayaTransferMaks``       largest transfer fee a payer may deduct
                                                       (10,000)
``DPPFactor``              ``FaktorDPP``               the tax base as a share of the price:
                                                       ``11/12`` with 12 % PPN from 2025 (1)
``TransferFeeShare``       ``BiayaTransferPersen``     largest fee as a share of what the
                                                       payment settles (1%)
``AccountBank``            ``AkunBank``                bank account code (1-10002)
``AccountAR``              ``AkunPiutang``             receivables (1-10100)
``AccountPPh23``           ``AkunPPh23``               PPh 23 prepaid (1-10502)
``AccountPPh22``           ``AkunPPh22``               PPh 22 prepaid (1-10501)
``AccountPPN``             ``AkunPPN``                 PPN collected by WAPU buyers (2-20500)
``AccountBankCharges``     ``AkunBiayaBank``           bank charges (8-80999)
``AccountCustomerDeposits`` ``AkunUangMuka``           customer deposits / unapplied (2-20203)
``AccountWriteOff``        ``AkunSelisih``             differences written off (6-60213)
=========================  ==========================  ========================================

Rates are a percentage (``11%``, ``1,5%``) or a fraction (``0.11``, as a cell formatted as a
percentage holds it). The account defaults are
:data:`~xl_ar.core.cash_application.posting.DEFAULT_ACCOUNTS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from xl_ar.core.base.cells import cell_text
from xl_ar.core.base.columns import header_lookup, key_values
from xl_ar.core.cash_application.posting import DEFAULT_ACCOUNTS
from xl_ar.core.cash_application.withholding import (
    TaxRules,
    as_amount,
    as_rate,
    tax_rules,
    withholders_from_master,
)

__all__ = [
    "POSTING_CONF_KEYS",
    "POSTING_KEYS",
    "PostingSettings",
    "read_posting_settings",
]

#: Field → the xl_ar.conf keys naming it (the field's own name is a key too).
POSTING_KEYS: dict[str, tuple[str, ...]] = {
    "ppn_rate": ("PPNRate", "TarifPPN"),
    "pph23_rate": ("PPh23Rate", "TarifPPh23"),
    "pph22_rate": ("PPh22Rate", "TarifPPh22"),
    "transfer_fee_max": ("TransferFeeMax", "BiayaTransferMaks", "BiayaTransferMaksimal"),
    "dpp_factor": ("DPPFactor", "FaktorDPP"),
    "fee_share": ("TransferFeeShare", "BiayaTransferPersen", "PersenBiayaTransfer"),
    "account_bank": ("AccountBank", "AkunBank"),
    "account_ar": ("AccountAR", "AkunPiutang"),
    "account_pph23": ("AccountPPh23", "AkunPPh23"),
    "account_pph22": ("AccountPPh22", "AkunPPh22"),
    "account_ppn": ("AccountPPN", "AkunPPN"),
    "account_bank_charges": ("AccountBankCharges", "AkunBiayaBank"),
    "account_customer_deposits": ("AccountCustomerDeposits", "AkunUangMuka"),
    "account_write_off": ("AccountWriteOff", "AkunSelisih"),
}
_BY_KEY = header_lookup(POSTING_KEYS)
#: Every normalised key of :data:`POSTING_KEYS` (for the unknown-key check of xl_ar.conf).
POSTING_CONF_KEYS = frozenset(_BY_KEY)
_RATES = {"ppn_rate": 0.11, "pph23_rate": 0.02, "pph22_rate": 0.015}
_LABEL = {"ppn_rate": "PPNRate", "pph23_rate": "PPh23Rate", "pph22_rate": "PPh22Rate",
          "transfer_fee_max": "TransferFeeMax", "dpp_factor": "DPPFactor",
          "fee_share": "TransferFeeShare"}  # fmt: skip


@dataclass(frozen=True)
class PostingSettings:
    """Tax rates, the transfer-fee limit and the account codes of the journal.

    ``given`` holds the tax settings as written (field → value) for the withholding rules
    (``tax_rules(**settings.tax_options())``); rates not given keep their defaults there.
    """

    ppn_rate: float = 0.11
    pph23_rate: float = 0.02
    pph22_rate: float = 0.015
    transfer_fee_max: float | None = None  # None: the withholding rules' default
    accounts: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_ACCOUNTS))
    given: Mapping[str, Any] = field(default_factory=dict)

    def tax_options(self) -> dict[str, Any]:
        """Keyword arguments of ``tax_rules`` for the settings given (rates as fractions)."""
        out: dict[str, Any] = {k: getattr(self, k) for k in _RATES if k in self.given}
        if self.transfer_fee_max is not None:
            out["fee_max"] = self.transfer_fee_max
        for name in ("dpp_factor", "fee_share"):
            if name in self.given:
                out[name] = self.given[name]
        return out

    def tax_rules(self, master: Any = None) -> TaxRules:
        """The withholding and fee rules of these settings; who withholds: ``master``'s
        ``Withholding`` column (nobody without a master or without that column).

        The one way the command line (``--conf``, ``--customers``) and ``AR_RECONCILE``
        (its ``customers`` range) build the rules of a cash application.

        Examples
        --------
        >>> rules = read_posting_settings([["PPh23Rate", "2%"]]).tax_rules(
        ...     [["Customer", "Withholding"], ["PT Jasa", "PPh 23"], ["CV Toko", None]])
        >>> rules.pph23_rate, dict(rules.withholders)
        (0.02, {'PT Jasa': ('pph23',)})
        """
        options = self.tax_options()
        if master is not None:
            options["withholders"] = withholders_from_master(master, required=False)
        return tax_rules(**options)

    def journal_options(self) -> dict[str, Any]:
        """Keyword arguments of :func:`~xl_ar.core.cash_application.posting.journal_lines`."""
        ppn = tax_rules(**self.tax_options()).effective_ppn_rate  # 12 % x 11/12 = 11 %
        return {"accounts": dict(self.accounts), "ppn_rate": ppn,
                "pph23_rate": self.pph23_rate, "pph22_rate": self.pph22_rate}  # fmt: skip


def read_posting_settings(
    rows: Iterable[Iterable[Any]] | None = None, overrides: Mapping[str, Any] | None = None
) -> PostingSettings:
    """Posting settings from ``xl_ar.conf`` rows (key | value), then ``overrides`` (fields).

    Rows whose key is no posting setting are ignored (the documents settings check unknown
    keys); a blank value is not given.

    Examples
    --------
    >>> got = read_posting_settings([["Tarif PPN", "12%"], ["PPh23Rate", 0.02],
    ...                              ["AkunBank", "1-10003"], ["Company", "PT A"]])
    >>> got.ppn_rate, got.pph23_rate, got.accounts["bank"], got.accounts["ar"]
    (0.12, 0.02, '1-10003', '1-10100')
    >>> got.tax_options()
    {'ppn_rate': 0.12, 'pph23_rate': 0.02}
    >>> read_posting_settings([["PPNRate", "11"]])
    Traceback (most recent call last):
    ...
    xl_ar.errors.OptionError: PPNRate must be a fraction below 1 or a percentage such as '2%', not '11'
    """
    given: dict[str, Any] = key_values(
        rows, _BY_KEY, fields=POSTING_KEYS, overrides=overrides, what="posting setting"
    )
    values: dict[str, Any] = {k: as_rate(given[k], _LABEL[k]) for k in _RATES if k in given}
    if "transfer_fee_max" in given:
        values["transfer_fee_max"] = as_amount(
            given["transfer_fee_max"], _LABEL["transfer_fee_max"]
        )
    if "dpp_factor" in given:
        tax_rules(dpp_factor=given["dpp_factor"])  # checked here
    if "fee_share" in given:
        as_rate(given["fee_share"], _LABEL["fee_share"])
    accounts = dict(DEFAULT_ACCOUNTS)
    for name, value in given.items():
        if name.startswith("account_"):
            accounts[name.removeprefix("account_")] = " ".join(str(cell_text(value)).split())
    return PostingSettings(**values, accounts=accounts, given=dict(given))
