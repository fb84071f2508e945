"""Posting output of cash application: journal lines per receipt and a per-customer receipt list.

:func:`journal_lines` turns a cash-application table (what
:func:`~xl_ar.core.cash_application.reconcile.reconcile` returns, with the withholding columns
``withheld``, ``withholding_type`` and ``fee`` when present) into one balanced journal (a
*voucher*, ``BKM-YYMM-0001``: *bukti kas masuk*) per receipt:

===================  =======  ===============================================================
line (role)          side     amount
===================  =======  ===============================================================
``bank``             debit    the receipt's cash (less what is held, see below)
``pph23``/``pph22``  debit    tax withheld by the customer (*PPh dibayar dimuka*)
``ppn``              debit    PPN collected by a WAPU buyer (see below)
``bank_charges``     debit    the transfer fee the payer deducted
``write_off``        debit    a short payment written off (``difference`` > 0); an
                     /credit  overpayment written off is a credit (``difference`` < 0)
``ar``               credit   applied + withheld + fee + difference, per invoice (a credit
                              note the payment nets is a debit)
``customer_deposits`` credit  the unapplied (or unmatched) remainder of the receipt
===================  =======  ===============================================================

Money is handled in whole cents, so every voucher balances exactly: Σ debit = Σ credit.

Receipts held (status ``giro_in_hand``: a post-dated giro or cheque, ``proposed``: the payer or
invoice is ambiguous) are **not posted**: their held amount is left out of the bank line and
listed apart in ``lines.attrs["not_posted"]`` (receipt, date, customer, amount, status, note).

Withholding types: ``PPh 23``, ``PPh 22`` and ``PPN WAPU`` post to the role of the same tax. A
combined type (``PPN WAPU + PPh 22``, ``PPN WAPU + PPh 23``) is split in two lines: the PPN part
is the row's ``vat`` when the table has that column (capped at the withheld amount), else the
withheld amount × PPN rate / (PPN rate + PPh rate) (the rates of the call, defaults 11 %, 1.5 %,
2 %, as the settings' defaults), rounded to the cent; the PPh part is the rest.

Accounts (:data:`DEFAULT_ACCOUNTS`) are role → account code; the defaults are the codes of
Jurnal.id's (Mekari Jurnal) default Indonesian chart of accounts as public copies of it show
them: 1-10002 *Rekening Bank*, 1-10100 *Piutang Usaha*, 1-10502 / 1-10501 *Pajak Dibayar Di
Muka - PPh 23 / PPh 22*, 2-20500 *PPN Keluaran* (a WAPU buyer pays the PPN of our invoice to the
state itself, so the output VAT the invoice booked is reversed; set ``AccountPPN`` to a
receivable account if you book it so), 8-80999 *Beban Lain-lain* (bank charges), 6-60213 *Beban
Piutang Tak Tertagih* (differences written off) and 2-20203 *Pendapatan Diterima Di Muka*
(customer deposits). Check them against your own chart (settings ``AccountBank`` … in
``xl_ar.conf``).

:func:`journal_csv` lays the lines out as an import file (Accurate Online, Jurnal.id or a
generic layout); :func:`receipt_list` is the per-customer list of receipts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from xl_ar.core.base.amounts import to_cents
from xl_ar.core.base.cells import quote_excerpt
from xl_ar.core.base.options import choose
from xl_ar.errors import MissingColumnError, OptionError, XlArError

__all__ = [
    "ACCOUNT_ROLES",
    "DEFAULT_ACCOUNTS",
    "JOURNAL_COLUMNS",
    "JOURNAL_FORMATS",
    "RECEIPT_LIST_COLUMNS",
    "journal_csv",
    "journal_lines",
    "receipt_labels",
    "receipt_list",
]

#: The roles of journal lines, in the order lines of one invoice are written.
ACCOUNT_ROLES = (
    "bank", "pph23", "pph22", "ppn", "bank_charges", "write_off", "ar", "customer_deposits",
)  # fmt: skip
#: Default account code of each role (Jurnal.id's default chart of accounts, see the module doc).
DEFAULT_ACCOUNTS: dict[str, str] = {
    "bank": "1-10002",
    "ar": "1-10100",
    "pph23": "1-10502",
    "pph22": "1-10501",
    "ppn": "2-20500",
    "bank_charges": "8-80999",
    "customer_deposits": "2-20203",
    "write_off": "6-60213",
}
#: Columns of :func:`journal_lines`.
JOURNAL_COLUMNS = (
    "voucher", "date", "receipt", "customer", "invoice", "role", "account", "description",
    "debit", "credit",
)  # fmt: skip
JOURNAL_FORMATS = ("accurate", "jurnal", "generic")
#: Columns of :func:`receipt_list`.
RECEIPT_LIST_COLUMNS = (
    "customer", "receipt", "date", "amount", "invoices", "applied", "withheld", "fees",
    "written_off", "unapplied", "held", "status",
)  # fmt: skip

_HELD = ("giro_in_hand", "proposed")
_REMAINDERS = ("unapplied", "unmatched")
_NOT_APPLICATIONS = ("open", *_REMAINDERS, *_HELD)
_NEEDED = ("payment", "payment_date", "payment_amount", "customer", "invoice", "applied",
           "difference", "remaining", "status")  # fmt: skip

#: Descriptions of the lines, (Indonesian, English); {r} receipt, {c} customer, {i} invoice.
_TEXT: dict[str, tuple[str, str]] = {
    "bank": ("Penerimaan {r} dari {c}", "Receipt {r} from {c}"),
    "ar": ("Pelunasan {i} {c}", "Settlement of {i}, {c}"),
    "pph23": ("PPh 23 dipotong {c} atas {i}", "PPh 23 withheld by {c} on {i}"),
    "pph22": ("PPh 22 dipungut {c} atas {i}", "PPh 22 withheld by {c} on {i}"),
    "ppn": ("PPN dipungut {c} (WAPU) atas {i}", "PPN collected by {c} (WAPU) on {i}"),
    "bank_charges": ("Biaya transfer {c} atas {i}", "Transfer fee deducted by {c} on {i}"),
    "write_off": ("Selisih pembayaran {i} {c}", "Payment difference written off, {i}, {c}"),
    "customer_deposits": ("Uang muka {c} dari {r}", "Unapplied cash of {c} from {r}"),
}
_UNKNOWN = ("pelanggan tidak dikenal", "unknown customer")


def _check_accounts(accounts: Mapping[str, Any]) -> dict[str, str]:
    """The role → code mapping as text; an unknown role is refused."""
    if not isinstance(accounts, Mapping):
        raise OptionError("accounts must be a mapping of role to account code")
    unknown = [str(k) for k in accounts if k not in ACCOUNT_ROLES]
    if unknown:
        raise OptionError(
            f"accounts: unknown role {quote_excerpt(unknown[0])}; the roles are "
            + ", ".join(ACCOUNT_ROLES)
        )
    out = {}
    for role, code in accounts.items():
        text = "" if code is None or (isinstance(code, float) and np.isnan(code)) else str(code)
        if text.strip():
            out[str(role)] = text.strip()
    return out


def _column(table: pd.DataFrame, name: str) -> np.ndarray:
    """A money column in cents (0 when the table has no such column)."""
    if name not in table.columns:
        return np.zeros(len(table), dtype=np.int64)
    return to_cents(pd.to_numeric(table[name], errors="coerce").to_numpy(), "journal")


def _tax_roles(types: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(PPh role or "", whether PPN is part) of each withholding type text."""
    text = types.astype(object).where(types.notna(), "").astype(str).str.casefold()
    text = text.str.replace(" ", "", regex=False)
    pph = np.where(
        text.str.contains("pph23").to_numpy(),
        "pph23",
        np.where(text.str.contains("pph22").to_numpy(), "pph22", ""),
    )
    ppn = (text.str.contains("ppn") | text.str.contains("wapu")).to_numpy()
    return pph, ppn


def _split_withheld(
    apps: pd.DataFrame, withheld: np.ndarray, rates: Mapping[str, float]
) -> dict[str, np.ndarray]:
    """Withheld cents of each application row by role (pph23, pph22, ppn)."""
    pph, ppn = _tax_roles(apps["withholding_type"]) if "withholding_type" in apps else (
        np.full(len(apps), "", dtype=object), np.zeros(len(apps), dtype=bool))  # fmt: skip
    missing = (withheld != 0) & (pph == "") & ~ppn
    if missing.any():
        at = int(np.flatnonzero(missing)[0])
        shown = apps["withholding_type"].iloc[at] if "withholding_type" in apps else None
        what = "no withholding type" if pd.isna(shown) else f"type {quote_excerpt(shown)}"
        raise XlArError(
            f"journal: invoice {quote_excerpt(apps['invoice'].iloc[at])} has tax withheld with "
            f"{what} (PPh 23, PPh 22, PPN WAPU or PPN WAPU + PPh 22)"
        )
    both = ppn & (pph != "")
    ppn_part = np.where(ppn, withheld, 0)
    if both.any():
        pph_rate = np.where(pph == "pph23", rates["pph23"], rates["pph22"])
        share = rates["ppn"] / (rates["ppn"] + pph_rate)
        by_rate = np.rint(withheld * share).astype(np.int64)
        if "vat" in apps.columns:
            vat = pd.to_numeric(apps["vat"], errors="coerce").to_numpy(dtype=np.float64)
            vat_cents = np.rint(np.nan_to_num(vat, nan=-1.0) * 100).astype(np.int64)
            by_rate = np.where(vat >= 0, np.minimum(vat_cents, withheld), by_rate)
        ppn_part = np.where(both, by_rate, ppn_part)
    rest = withheld - ppn_part
    return {
        "pph23": np.where(pph == "pph23", rest, 0),
        "pph22": np.where(pph == "pph22", rest, 0),
        "ppn": ppn_part,
    }


#: A bank's own transfer reference in a description: ``1612/FTSCY/WS95011``,
#: ``00123/SP2D/2024`` (letters and digits around slashes).
_BANK_REF = r"\b((?=[\w/]*\d)(?=[\w/]*[A-Za-z])\w+(?:/\w+)+)\b"
_ROW_ID = r"^row \d+$"
_EXCERPT = 24  # characters of a description naming a receipt without a reference


def receipt_labels(receipts: pd.DataFrame) -> dict[str, str]:
    """How the journal and the receipt list name each receipt whose id is only its row.

    A bank statement's receipt without a unique bank reference column has the id ``row N``;
    it is named by the reference in its description (``1612/FTSCY/WS95011``), else a short
    excerpt of the description, and its date. Receipts with a real id keep it.

    Parameters
    ----------
    receipts : pandas.DataFrame
        A payments table with ``payment``, ``date`` and ``memo`` (``BankStatement.receipts``).

    Returns
    -------
    dict
        Receipt id → label, for the ``row N`` ids only.

    Examples
    --------
    >>> r = pd.DataFrame({"payment": ["row 8", "row 9", "REF12"],
    ...     "date": pd.to_datetime(["2024-12-16", "2024-12-17", "2024-12-18"]),
    ...     "memo": ["TRSF E-BANKING CR 1612/FTSCY/WS95011 MAJU JAYA", "SETORAN TUNAI TOKO "
    ...              "SINAR JAYA ABADI", "TRF 123"]})
    >>> receipt_labels(r)
    {'row 8': '1612/FTSCY/WS95011 16/12/2024', 'row 9': 'SETORAN TUNAI TOKO SINAR 17/12/2024'}
    """
    if not {"payment", "date", "memo"} <= set(receipts.columns) or receipts.empty:
        return {}
    ids = receipts["payment"].astype(object).astype(str)
    rowish = ids.str.match(_ROW_ID).to_numpy()
    if not rowish.any():
        return {}
    memo = receipts["memo"].astype(object).where(receipts["memo"].notna(), "").astype(str)
    memo = memo[rowish].str.split(" | ", n=1, regex=False).str[0].str.strip()
    ref = memo.str.extract(_BANK_REF)[0]
    cut = memo.str.slice(0, _EXCERPT + 1)
    excerpt = cut.where(memo.str.len() <= _EXCERPT, cut.str.rsplit(" ", n=1).str[0]).str.strip()
    days = pd.to_datetime(receipts["date"][rowish]).dt.strftime("%d/%m/%Y").fillna("")
    label = (ref.fillna(excerpt) + " " + days).str.strip()
    label = label.where(label.str.len() > 0, ids[rowish])
    return dict(zip(ids[rowish], label, strict=True))


def _texts(
    role: str, frame: pd.DataFrame, lang: int, labels: Mapping[str, str] | None = None
) -> pd.Series:
    """The description of ``role`` lines for the rows of ``frame`` (vectorised format)."""
    template = _TEXT[role][lang]
    customer = frame["customer"].astype(object).where(frame["customer"].notna(), _UNKNOWN[lang])
    invoice = frame["invoice"].astype(object).where(frame["invoice"].notna(), "")
    receipt = frame["payment"].astype(object)
    if labels:
        receipt = receipt.map(labels).where(receipt.isin(list(labels)), receipt)
    out = pd.Series(template, index=frame.index, dtype=object)
    for key, values in (("{r}", receipt), ("{c}", customer), ("{i}", invoice)):
        if key in template:
            parts = out.str.split(key, n=1, regex=False)
            out = parts.str[0] + values.astype(str) + parts.str[1]
    return out


def _voucher_numbers(receipts: pd.DataFrame, prefix: str) -> pd.Series:
    """``BKM-YYMM-0001`` …: numbered in receipt order within the month of the receipt."""
    dates = pd.to_datetime(receipts["payment_date"])
    month = dates.dt.strftime("%y%m").fillna("0000")
    number = month.groupby(month, sort=False).cumcount() + 1
    return prefix + "-" + month + "-" + number.map("{:04d}".format)


def journal_lines(
    table: pd.DataFrame,
    *,
    accounts: Mapping[str, Any] = DEFAULT_ACCOUNTS,
    bank_account: str | None = None,
    lang: str = "id",
    ppn_rate: float = 0.11,
    pph23_rate: float = 0.02,
    pph22_rate: float = 0.015,
    voucher_prefix: str = "BKM",
    withholding: pd.DataFrame | None = None,
    labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One balanced journal per receipt of a cash-application table (see the module docstring).

    Parameters
    ----------
    table : pandas.DataFrame
        A cash-application result table (``ReconcileResult.table``); the columns ``withheld``,
        ``withholding_type``, ``fee`` and ``vat`` are optional (0 / none when absent).
    accounts : mapping, default :data:`DEFAULT_ACCOUNTS`
        Role → account code, used as given (start from :data:`DEFAULT_ACCOUNTS` to change a
        few). A role a line needs without a code is refused.
    bank_account : str, optional
        The bank line's account code (e.g. of the statement's account); default the ``bank``
        role's.
    lang : {'id', 'en'}, default 'id'
        Language of the descriptions.
    ppn_rate, pph23_rate, pph22_rate : float
        How a combined withholding (``PPN WAPU + PPh 22``) is split when the table has no
        ``vat`` column.
    voucher_prefix : str, default 'BKM'
    withholding : pandas.DataFrame, optional
        The result's withholding records (``ReconcileResult.withholding``): a combined
        withholding is split as they split it (the invoice's own PPN), so the journal and the
        tax-withheld list agree to the rupiah.
    labels : mapping, optional
        Receipt id → how the descriptions name it (:func:`receipt_labels` of a bank
        statement's receipts: the bank's reference and date instead of ``row 8``).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`JOURNAL_COLUMNS`: ``voucher``, ``date`` (the receipt date),
        ``receipt``, ``customer``, ``invoice``, ``role``, ``account``, ``description``,
        ``debit``, ``credit`` (one of them 0). ``attrs["not_posted"]``: the held receipts.

    Raises
    ------
    OptionError
        An unknown role, or a missing code for a role a line needs (one line naming it).
    XlArError
        A receipt whose rows do not add up to its amount; withheld tax without a type.

    Examples
    --------
    >>> t = pd.DataFrame({
    ...     "payment": ["P1", "P1"], "payment_date": pd.to_datetime(["2024-12-03"] * 2),
    ...     "payment_amount": [10_900_000.0] * 2, "customer": ["PT A", "PT A"],
    ...     "invoice": ["INV-1", None], "applied": [10_800_000.0, 0.0],
    ...     "withheld": [200_000.0, 0.0], "withholding_type": ["PPh 23", None],
    ...     "fee": [0.0, 0.0], "difference": [0.0, 0.0], "remaining": [0.0, 100_000.0],
    ...     "status": ["matched", "unapplied"]})
    >>> j = journal_lines(t, lang="en")
    >>> j[["voucher", "account", "debit", "credit"]].to_numpy().tolist()
    [['BKM-2412-0001', '1-10002', 10900000.0, 0.0], ['BKM-2412-0001', '1-10502', 200000.0, 0.0], \
['BKM-2412-0001', '1-10100', 0.0, 11000000.0], ['BKM-2412-0001', '2-20203', 0.0, 100000.0]]
    >>> j["description"].iloc[2]
    'Settlement of INV-1, PT A'
    """
    side = ("id", "en").index(choose(lang, ("id", "en"), "lang", default="id"))
    codes = _check_accounts(accounts)
    if bank_account is not None and str(bank_account).strip():
        codes["bank"] = str(bank_account).strip()
    missing = [c for c in _NEEDED if c not in table.columns]
    if missing:
        raise MissingColumnError(
            f"journal: the cash-application table has no column {missing[0]!r}"
        )
    rates = {"ppn": float(ppn_rate), "pph23": float(pph23_rate), "pph22": float(pph22_rate)}
    frame = table.reset_index(drop=True)
    if withholding is not None and "vat" not in frame.columns and len(withholding):
        ppn = withholding[withholding["type"].astype(object).eq("PPN WAPU").to_numpy()]
        by_item = dict(
            zip(zip(ppn["receipt"], ppn["invoice"], strict=True), ppn["amount"], strict=True)
        )
        keys = zip(frame["payment"].astype(object), frame["invoice"].astype(object), strict=True)
        frame["vat"] = [by_item.get(k, np.nan) for k in keys]
    status = frame["status"].astype(object)
    on_receipt = frame[status.ne("open").to_numpy() & frame["payment"].notna().to_numpy()]
    receipts, held = _receipts(on_receipt)
    posted = receipts[receipts["cash"] != 0]
    order = pd.Series(np.arange(len(posted)), index=posted.index)
    apps = on_receipt[~on_receipt["status"].astype(object).isin(_NOT_APPLICATIONS).to_numpy()]
    apps = apps[apps["payment"].isin(posted.index).to_numpy()]
    rests = on_receipt[on_receipt["status"].astype(object).isin(_REMAINDERS).to_numpy()]
    rests = rests[rests["payment"].isin(posted.index).to_numpy()]
    parts: list[pd.DataFrame] = []

    def add(role: str, rows: pd.DataFrame, cents: np.ndarray, debit: bool, seq: int) -> None:
        keep = cents != 0
        if not keep.any():
            return
        rows, cents = rows[keep], cents[keep]
        if role not in codes:
            raise OptionError(
                f"journal: no account code for {role!r} (needed by receipt "
                f"{quote_excerpt(rows['payment'].iloc[0])}); set it in the accounts"
            )
        dr = np.where(cents > 0, cents, 0) if debit else np.where(cents < 0, -cents, 0)
        cr = np.where(cents > 0, cents, 0) if not debit else np.where(cents < 0, -cents, 0)
        parts.append(pd.DataFrame({
            "order": order.loc[rows["payment"]].to_numpy(),
            "row": rows.index.to_numpy() if seq else np.full(len(rows), -1),
            "seq": seq,
            "receipt": rows["payment"].to_numpy(dtype=object),
            "customer": rows["customer"].to_numpy(dtype=object),
            "invoice": rows["invoice"].to_numpy(dtype=object) if seq else np.nan,
            "role": role,
            "account": codes[role],
            "description": _texts(role, rows, side, labels).to_numpy(),
            "debit_cents": dr,
            "credit_cents": cr,
        }))  # fmt: skip

    bank_rows = posted.assign(invoice=np.nan).rename_axis("payment").reset_index()
    add("bank", bank_rows, bank_rows["cash"].to_numpy(dtype=np.int64), True, 0)
    withheld = _column(apps, "withheld")
    split = _split_withheld(apps, withheld, rates)
    fee = _column(apps, "fee")
    difference = _column(apps, "difference")
    for seq, role in enumerate(("pph23", "pph22", "ppn"), start=1):
        add(role, apps, split[role], True, seq)
    add("bank_charges", apps, fee, True, 4)
    add("write_off", apps, difference, True, 5)
    add("ar", apps, _column(apps, "applied") + withheld + fee + difference, False, 6)
    add("customer_deposits", rests, _column(rests, "remaining"), False, 7)
    lines = _assemble(parts, posted, voucher_prefix)
    lines.attrs["not_posted"] = held
    return lines


def _receipts(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per receipt (index: payment id, in table order): date, customer, amount and the cash
    posted (cents); and the held receipts (not posted). A receipt whose applications and
    remainder do not add up to its amount is refused."""
    status = rows["status"].astype(object)
    amount = to_cents(rows["payment_amount"].to_numpy(dtype=np.float64), "journal")
    applied = np.where(~status.isin(_NOT_APPLICATIONS).to_numpy(), _column(rows, "applied"), 0)
    rest = np.where(status.isin(_REMAINDERS).to_numpy(), _column(rows, "remaining"), 0)
    is_held = status.isin(_HELD).to_numpy()
    per = pd.DataFrame({
        "payment": rows["payment"].to_numpy(dtype=object),
        "payment_date": rows["payment_date"].to_numpy(),
        "customer": rows["customer"].to_numpy(dtype=object),
        "amount": amount, "used": applied + rest, "held": is_held,
        "status": status.to_numpy(), "note": rows["note"].to_numpy(dtype=object)
        if "note" in rows.columns else np.nan,
    }).groupby("payment", sort=False).agg(
        payment_date=("payment_date", "first"), customer=("customer", "first"),
        amount=("amount", "first"), used=("used", "sum"), held=("held", "any"),
        status=("status", lambda s: next((x for x in s if x in _HELD), s.iloc[-1])),
        note=("note", lambda s: next((x for x in s if isinstance(x, str) and x), np.nan)),
    )  # fmt: skip
    left = per["amount"] - per["used"]
    bad = (~per["held"] & left.ne(0)) | (per["held"] & left.lt(0))
    if bad.any():
        pay = per.index[bad.to_numpy()][0]
        raise XlArError(
            f"journal: receipt {quote_excerpt(pay)} does not add up: its applications and "
            f"remainder are {int(per.loc[pay, 'used']) / 100:,.2f}, its amount "
            f"{int(per.loc[pay, 'amount']) / 100:,.2f}"
        )
    per["cash"] = per["amount"] - np.where(per["held"], left, 0)
    held_rows = per[per["held"].to_numpy()]
    held = pd.DataFrame({
        "receipt": held_rows.index.to_numpy(dtype=object),
        "date": held_rows["payment_date"].to_numpy(),
        "customer": held_rows["customer"].to_numpy(dtype=object),
        "amount": (left[per["held"]].to_numpy() / 100).astype(np.float64),
        "status": held_rows["status"].to_numpy(dtype=object),
        "note": held_rows["note"].to_numpy(dtype=object),
    })  # fmt: skip
    return per, held


def _assemble(parts: list[pd.DataFrame], posted: pd.DataFrame, prefix: str) -> pd.DataFrame:
    """The lines in receipt order, numbered, with money back in rupiah; each voucher checked."""
    if not parts:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in JOURNAL_COLUMNS})
        out["date"] = pd.Series(dtype="datetime64[ns]")
        out["debit"] = pd.Series(dtype=np.float64)
        out["credit"] = pd.Series(dtype=np.float64)
        return out
    lines = pd.concat(parts, ignore_index=True).sort_values(
        ["order", "row", "seq"], kind="stable", ignore_index=True
    )
    vouchers = _voucher_numbers(posted, prefix)
    sums = lines.groupby("receipt", sort=False)[["debit_cents", "credit_cents"]].sum()
    unbalanced = sums["debit_cents"] != sums["credit_cents"]
    if unbalanced.any():  # cannot happen when the table holds its identities
        raise XlArError(f"journal: receipt {quote_excerpt(sums.index[unbalanced][0])} "
                        "does not balance")  # fmt: skip
    return pd.DataFrame({
        "voucher": vouchers.loc[lines["receipt"]].to_numpy(dtype=object),
        "date": pd.to_datetime(posted["payment_date"]).loc[lines["receipt"]].to_numpy(),
        "receipt": lines["receipt"].to_numpy(dtype=object),
        "customer": lines["customer"].to_numpy(dtype=object),
        "invoice": lines["invoice"].to_numpy(dtype=object),
        "role": lines["role"].to_numpy(dtype=object),
        "account": lines["account"].to_numpy(dtype=object),
        "description": lines["description"].to_numpy(dtype=object),
        "debit": lines["debit_cents"].to_numpy(dtype=np.int64) / 100,
        "credit": lines["credit_cents"].to_numpy(dtype=np.int64) / 100,
    }, columns=list(JOURNAL_COLUMNS))  # fmt: skip


#: Import layouts: column of the file → column of :func:`journal_lines` (or a constant).
_LAYOUTS: dict[str, dict[str, str]] = {
    # Accurate Online, Buku Besar > Jurnal Umum > Impor Data: one row per journal line, the
    # voucher fields repeated; dates DD/MM/YYYY as Accurate's import templates require.
    "accurate": {
        "No Bukti": "voucher", "Tanggal": "date", "Keterangan": "journal_text",
        "No Akun": "account", "Debit": "debit", "Kredit": "credit", "Catatan": "description",
    },
    # Jurnal.id (Mekari Jurnal), Journal Entry import: starred columns are required; dates
    # DD/MM/YYYY.
    "jurnal": {
        "*Transaction Date": "date", "*Transaction No": "voucher", "*Account Code": "account",
        "Description": "description", "*Debit": "debit", "*Credit": "credit",
        "Memo": "journal_text", "Tags": "tags",
    },
    "generic": {
        "Voucher": "voucher", "Date": "date", "Account": "account", "Description":
        "description", "Debit": "debit", "Credit": "credit", "Receipt": "receipt",
        "Customer": "customer", "Invoice": "invoice", "Role": "role",
    },
}  # fmt: skip
_DATE_FORMATS = {"accurate": "%d/%m/%Y", "jurnal": "%d/%m/%Y", "generic": "%Y-%m-%d"}


def journal_csv(lines: pd.DataFrame, format: str = "accurate") -> pd.DataFrame:
    """The journal lines laid out as an accounting package's journal import file.

    ``accurate`` — Accurate Online's *Impor Jurnal Umum* (Buku Besar > Jurnal Umum > Impor
    Data > Impor dari File): ``No Bukti, Tanggal, Keterangan, No Akun, Debit, Kredit,
    Catatan``, dates ``DD/MM/YYYY``. Accurate's public help describes the import steps and
    offers the template for download; the template's column list itself is not published in
    text, so these are the labels of Accurate's journal voucher form, and the date format is
    the one its published import templates (e.g. the other-payment template) require. Map
    them in the import wizard if your template differs.

    ``jurnal`` — Jurnal.id (Mekari Jurnal) journal entry import: ``*Transaction Date,
    *Transaction No, *Account Code, Description, *Debit, *Credit, Memo, Tags`` (starred:
    required), dates ``DD/MM/YYYY``. Jurnal's public guidebook documents the journal entry
    form's fields (transaction no, date, tag, account, description, debit, credit, memo), not
    the import file; the column names follow its import templates' starred-header
    convention.

    ``generic`` — ``Voucher, Date (YYYY-MM-DD), Account, Description, Debit, Credit,
    Receipt, Customer, Invoice, Role``.

    Amounts are numbers (two decimals at most); the caller writes the csv.

    Examples
    --------
    >>> lines = pd.DataFrame({"voucher": ["BKM-2412-0001"] * 2,
    ...     "date": pd.to_datetime(["2024-12-03"] * 2), "receipt": ["P1"] * 2,
    ...     "customer": ["PT A"] * 2, "invoice": [None, "INV-1"], "role": ["bank", "ar"],
    ...     "account": ["1-10002", "1-10100"], "description": ["Penerimaan", "Pelunasan"],
    ...     "debit": [100.0, 0.0], "credit": [0.0, 100.0]})
    >>> journal_csv(lines, "jurnal").to_numpy().tolist()[1]
    ['03/12/2024', 'BKM-2412-0001', '1-10100', 'Pelunasan', 0.0, 100.0, 'Penerimaan', 'xl-ar']
    >>> list(journal_csv(lines, "accurate").columns)
    ['No Bukti', 'Tanggal', 'Keterangan', 'No Akun', 'Debit', 'Kredit', 'Catatan']
    """
    kind = choose(format, JOURNAL_FORMATS, "journal format", default="accurate")
    missing = [c for c in JOURNAL_COLUMNS if c not in lines.columns]
    if missing:
        raise MissingColumnError(f"journal: the journal lines have no column {missing[0]!r}")
    dates = pd.to_datetime(lines["date"]).dt.strftime(_DATE_FORMATS[kind])
    source = {
        **{c: lines[c] for c in JOURNAL_COLUMNS},
        "date": dates,
        # the voucher's text: its first line's (the bank line's) description
        "journal_text": lines.groupby("voucher", sort=False)["description"].transform("first"),
        "tags": pd.Series("xl-ar", index=lines.index),
    }
    out = pd.DataFrame({name: source[col] for name, col in _LAYOUTS[kind].items()})
    return out.reset_index(drop=True)


def receipt_list(table: pd.DataFrame, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Per customer, the receipts: the invoices each settled, cash applied, tax withheld,
    fees, differences written off, what is left unapplied and what is held.

    One row per receipt, by customer (unknown customers last) then date; ``status`` is
    ``posted``, ``giro_in_hand`` or ``proposed``; ``held`` is the amount not posted.
    ``labels`` (:func:`receipt_labels`) name a ``row N`` receipt by the bank's reference and
    date, its row kept in brackets: ``1612/FTSCY/WS95011 16/12/2024 (row 8)``.

    Examples
    --------
    >>> t = pd.DataFrame({"payment": ["P1", "P1", "P2"],
    ...     "payment_date": pd.to_datetime(["2024-12-03", "2024-12-03", "2024-12-05"]),
    ...     "payment_amount": [300.0, 300.0, 50.0], "customer": ["PT A", "PT A", "PT B"],
    ...     "invoice": ["INV-1", "INV-2", None], "applied": [100.0, 200.0, 0.0],
    ...     "difference": [0.0, 0.0, 0.0], "remaining": [0.0, 0.0, 50.0],
    ...     "status": ["matched", "matched", "giro_in_hand"]})
    >>> receipt_list(t)[["customer", "receipt", "invoices", "applied", "held", "status"]]
      customer receipt      invoices  applied  held        status
    0     PT A      P1  INV-1; INV-2    300.0   0.0        posted
    1     PT B      P2                    0.0  50.0  giro_in_hand
    """
    missing = [c for c in _NEEDED if c not in table.columns]
    if missing:
        raise MissingColumnError(f"receipts: the table has no column {missing[0]!r}")
    frame = table.reset_index(drop=True)
    status = frame["status"].astype(object)
    rows = frame[status.ne("open").to_numpy() & frame["payment"].notna().to_numpy()]
    receipts, _held = _receipts(rows)
    st = rows["status"].astype(object)
    is_app = ~st.isin(_NOT_APPLICATIONS).to_numpy()
    money = pd.DataFrame({
        "payment": rows["payment"].to_numpy(dtype=object),
        "applied": np.where(is_app, _column(rows, "applied"), 0),
        "withheld": np.where(is_app, _column(rows, "withheld"), 0),
        "fees": np.where(is_app, _column(rows, "fee"), 0),
        "written_off": np.where(is_app, _column(rows, "difference"), 0),
        "unapplied": np.where(st.isin(_REMAINDERS).to_numpy(), _column(rows, "remaining"), 0),
        "invoice": np.where(is_app, rows["invoice"].astype(object).to_numpy(), None),
    })  # fmt: skip
    grouped = money.groupby("payment", sort=False)
    sums = grouped[["applied", "withheld", "fees", "written_off", "unapplied"]].sum()
    invoices = grouped["invoice"].agg(
        lambda s: "; ".join(dict.fromkeys(str(v) for v in s if isinstance(v, str)))
    )
    held = receipts["amount"] - receipts["cash"]
    out = pd.DataFrame({
        "customer": receipts["customer"].to_numpy(dtype=object),
        "receipt": receipts.index.to_numpy(dtype=object),
        "date": pd.to_datetime(receipts["payment_date"]).to_numpy(),
        "amount": receipts["amount"].to_numpy() / 100,
        "invoices": invoices.loc[receipts.index].to_numpy(dtype=object),
        **{c: sums.loc[receipts.index, c].to_numpy() / 100 for c in
           ("applied", "withheld", "fees", "written_off", "unapplied")},
        "held": held.to_numpy() / 100,
        "status": np.where(receipts["held"].to_numpy(), receipts["status"].to_numpy(), "posted"),
    }, columns=list(RECEIPT_LIST_COLUMNS))  # fmt: skip
    if labels:
        ids = out["receipt"].astype(object)
        named = ids.isin(list(labels))
        out["receipt"] = ids.where(~named, ids.map(labels) + " (" + ids + ")")
    unknown = out["customer"].isna()
    out = out.assign(_u=unknown.to_numpy(), _c=out["customer"].astype(str).str.casefold())
    out = out.sort_values(["_u", "_c", "date"], kind="stable").drop(columns=["_u", "_c"])
    return out.reset_index(drop=True)
