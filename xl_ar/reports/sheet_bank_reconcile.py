"""The sheets of a month-end bank reconciliation, beside the reconciliation sheet.

From what :func:`xl_ar.core.cash_application.reconcile.reconcile` returns for a bank statement
(``ReconcileResult.statement``, the withholding columns of its table):

* :func:`bank_statement_sheet` — *Cek Mutasi Bank* / *Bank Statement Check* (not the name of
  the input sheet *Mutasi Bank*): the account, the period,
  opening and closing balances against the movements, the balance difference (a mismatch is
  shown as a problem) and the lines left out (debits, pending, reversed);
* :func:`withholding_sheet` — *Potongan Pajak* / *Tax Withheld*: one row per withheld amount
  (``withholding_records``), to match with the withholding slips (*bukti potong*);
* :func:`journal_sheet` — *Jurnal Penerimaan* / *Receipts Journal*: the journal lines, one
  balanced voucher per receipt (:func:`~xl_ar.core.cash_application.posting.journal_lines`,
  accounts from the settings' ``AccountBank`` …), and the receipts held (not posted);
* :func:`receipts_sheet` — *Daftar Penerimaan* / *Receipt List*: per customer the receipts.

:func:`left_out_reason` says when one of them has nothing to show (the catalog then leaves it
out). Every text is in both languages, each sheet in one.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from xl_ar.core import amounts_note, journal_lines, receipt_labels, receipt_list
from xl_ar.reports.model import ColumnFormat, Sheet, Table

__all__ = [
    "BANK_KEYS",
    "BANK_LABELS",
    "bank_statement_sheet",
    "journal_sheet",
    "left_out_reason",
    "movements",
    "reconcile_options",
    "receipts_sheet",
    "withholding_sheet",
]

#: The report keys of this module, in workbook order.
BANK_KEYS = ("bank_statement", "receipts", "withholding", "journal")

#: Bilingual labels: key → (Indonesian, English).
BANK_LABELS: dict[str, tuple[str, str]] = {
    "indicator": ("Keterangan", "Item"),
    "value": ("Nilai", "Value"),
    "bank": ("Bank", "Bank"),
    "account": ("No. Rekening", "Account No."),
    "account_name": ("Atas Nama", "Account Name"),
    "currency": ("Mata Uang", "Currency"),
    "period": ("Periode", "Period"),
    "opening": ("Saldo Awal", "Opening Balance"),
    "credits": ("Mutasi Kredit", "Total Credits"),
    "debits": ("Mutasi Debet", "Total Debits"),
    "expected_closing": ("Saldo Akhir Menurut Mutasi", "Closing per Movements"),
    "closing": ("Saldo Akhir", "Closing Balance"),
    "balance_difference": ("Selisih Saldo", "Balance Difference"),
    "date": ("Tanggal", "Date"),
    "description": ("Keterangan", "Description"),
    "amount": ("Jumlah", "Amount"),
    "reason": ("Alasan Tidak Diproses", "Why Left Out"),
    "reason_debit": ("debet (uang keluar)", "debit (money out)"),
    "reason_pending": ("tertunda (PEND)", "pending (PEND)"),
    "reason_reversed": ("dibatalkan", "reversed"),
    "reason_reversal": ("pembatalan", "reversal"),
    "customer": ("Pelanggan", "Customer"),
    "invoice": ("Faktur", "Invoice"),
    "receipt": ("Penerimaan", "Receipt"),
    "type": ("Jenis", "Type"),
    "base": ("DPP", "Tax Base"),
    "rate": ("Tarif", "Rate"),
    "slip": ("No. Bukti Potong", "Slip No."),
    "voucher": ("No. Bukti", "Voucher"),
    "role": ("Peran", "Role"),
    "account_code": ("Akun", "Account"),
    "debit": ("Debet", "Debit"),
    "credit": ("Kredit", "Credit"),
    "invoices": ("Faktur Dilunasi", "Invoices Settled"),
    "applied": ("Dialokasikan", "Applied"),
    "withheld": ("Dipotong Pajak", "Tax Withheld"),
    "fees": ("Biaya Transfer", "Transfer Fees"),
    "written_off": ("Selisih Dihapuskan", "Written Off"),
    "unapplied": ("Belum Dialokasikan", "Unapplied"),
    "held": ("Ditahan", "Held"),
    "status": ("Status", "Status"),
    "note": ("Catatan", "Note"),
    "total": ("Total", "Total"),
    "posted": ("dibukukan", "posted"),
    "giro_in_hand": ("giro di tangan (belum jatuh tempo)", "giro in hand (not yet due)"),
    "proposed": ("usulan (perlu diputuskan)", "proposed (to decide)"),
    "role_bank": ("bank", "bank"),
    "role_ar": ("piutang usaha", "receivables"),
    "role_pph23": ("PPh 23 dibayar dimuka", "PPh 23 prepaid"),
    "role_pph22": ("PPh 22 dibayar dimuka", "PPh 22 prepaid"),
    "role_ppn": ("PPN dipungut (WAPU)", "PPN collected (WAPU)"),
    "role_bank_charges": ("biaya bank", "bank charges"),
    "role_write_off": ("selisih dihapuskan", "difference written off"),
    "role_customer_deposits": ("uang muka pelanggan", "customer deposits"),
}


def _pair(key: str) -> tuple[str, str]:
    return BANK_LABELS[key]


def _pairs(values: pd.Series, prefix: str = "") -> pd.Series:
    """Cells as (Indonesian, English) pairs when labelled, else as they are."""
    return pd.Series(
        [BANK_LABELS.get(f"{prefix}{v}", v) for v in values], index=values.index, dtype=object
    )


def _statement(reconciliation: Any) -> Any:
    return getattr(reconciliation, "statement", None)


def reconcile_options(settings: Any = None, customers: Any = None) -> dict[str, Any]:
    """What a report's reconciliation passes to ``reconcile`` beyond the tolerance: the customer
    master (who paid: virtual accounts, names) and the withholding rules (the settings' rates
    and fee limit; who withholds: the master's ``Withholding`` column, nobody without one).
    """
    from xl_ar.core import read_customer_master, tax_rules, withholders_from_master

    out: dict[str, Any] = {}
    master = None if customers is None else read_customer_master(customers)
    posting = getattr(settings, "posting", None)
    options = posting.tax_options() if posting is not None else {}
    if master is not None:
        out["master"] = master
        options["withholders"] = withholders_from_master(master, required=False)
    out["tax"] = tax_rules(**options)
    return out


def left_out_reason(key: str, reconciliation: Any) -> str | None:
    """Why the sheet ``key`` is left out of a report of ``reconciliation`` (``None``: built).

    Examples
    --------
    >>> left_out_reason("bank_statement", None)
    'left out: the payments are no bank statement'
    """
    table = getattr(reconciliation, "table", None)
    if key == "bank_statement" and _statement(reconciliation) is None:
        return "left out: the payments are no bank statement"
    if getattr(reconciliation, "mode", "payments") == "statement":
        return "left out: a customer's statement is reconciled, no cash applied"
    withheld = table is not None and any(
        c in table.columns and bool((table[c] != 0).any()) for c in ("withheld", "fee")
    )
    if key == "withholding" and (
        table is None or "withheld" not in table.columns or not (table["withheld"] != 0).any()
    ):
        return "left out: no tax was withheld"
    if key in ("journal", "receipts") and _statement(reconciliation) is None and not withheld:
        return "left out: no bank statement, no tax withheld or fee"
    return None


def _money_table(name: str, rows: list[tuple[str, Any]]) -> Table:
    frame = pd.DataFrame({
        "indicator": pd.Series([_pair(k) for k, _ in rows], dtype=object),
        "value": [float("nan") if v is None else float(v) for _, v in rows],
    })  # fmt: skip
    return Table(name, frame, {"indicator": _pair("indicator"), "value": _pair("amount")},
                 {"indicator": "text", "value": "money2"})  # fmt: skip


def _day(value: Any) -> str:
    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%d/%m/%Y")


def period_text(statement: Any) -> str:
    """The statement's period as the title block gives it, else the dates of its lines (said
    so), else nothing.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> lines = pd.DataFrame({"date": pd.to_datetime(["2024-12-02", "2024-12-31", None])})
    >>> period_text(NS(period_start=None, period_end=None, lines=lines))
    'lines 02/12/2024 - 31/12/2024 (no period in the file)'
    >>> period_text(NS(period_start=pd.Timestamp("2024-12-01"),
    ...                period_end=pd.Timestamp("2024-12-31"), lines=lines))
    '01/12/2024 - 31/12/2024'
    """
    start, end = statement.period_start, statement.period_end
    if _day(start) and _day(end):
        return f"{_day(start)} - {_day(end)}"
    lines = getattr(statement, "lines", None)
    dates = (
        pd.to_datetime(lines["date"]).dropna()
        if isinstance(lines, pd.DataFrame) and "date" in lines
        else pd.Series(dtype="datetime64[ns]")
    )
    if dates.empty:
        return ""
    return f"lines {_day(dates.min())} - {_day(dates.max())} (no period in the file)"


def bank_statement_sheet(reconciliation: Any, settings: Any = None) -> Sheet:
    """The statement check: account, period, balances against the movements, left-out lines."""
    st = _statement(reconciliation)
    credits, debits = movements(st)
    expected = None if st.opening is None else round(st.opening + credits - debits, 2)
    facts = pd.DataFrame({
        "indicator": pd.Series([_pair(k) for k in
                                ("bank", "account", "account_name", "currency", "period")],
                               dtype=object),
        "value": [str(st.bank).upper(), st.account or "", st.account_name or "",
                  st.currency or "", period_text(st)],
    })  # fmt: skip
    left = st.left_out.reset_index()
    left = pd.DataFrame({
        "row": left["row"].to_numpy() if "row" in left else range(1, len(left) + 1),
        "date": pd.to_datetime(left["date"]),
        "description": left["description"].astype(object),
        "amount": left["amount"].astype(float),
        "reason": _pairs(left["reason"].astype(object), "reason_"),
    })  # fmt: skip
    diff = st.balance_difference
    if diff is None:
        check = ("Mutasi tanpa saldo awal/akhir: saldo tidak dapat dicek",
                 "The statement has no opening/closing balance: balances not checked")  # fmt: skip
    elif round(float(diff), 2) == 0:
        check = ("Saldo cocok: saldo awal + kredit - debet = saldo akhir",
                 "Balances agree: opening + credits - debits = closing")  # fmt: skip
    else:
        shown = f"{float(diff):,.2f}"
        check = (f"SALDO TIDAK COCOK: selisih {shown}; periksa baris yang hilang atau ganda",
                 f"BALANCES DO NOT AGREE: difference {shown}; look for missing or doubled "
                 "lines")  # fmt: skip
    notes = [amounts_note(getattr(settings, "currency", None)), check]
    notes += [("", n) for n in st.notes]  # the reader's notes are English one-liners
    return Sheet(
        key="bank_statement",
        name=("Cek Mutasi Bank", "Bank Statement Check"),
        title=("Cek Mutasi Rekening Bank", "Bank Statement Check"),
        notes=tuple(notes),
        tables=(
            Table("bank_account", facts,
                  {"indicator": _pair("indicator"), "value": _pair("value")},
                  {"indicator": "text", "value": "text"}),
            _money_table("bank_balances", [
                ("opening", st.opening), ("credits", credits), ("debits", debits),
                ("expected_closing", expected), ("closing", st.closing),
                ("balance_difference", diff),
            ]),
            Table("bank_left_out", left,
                  {"row": ("Baris", "Row"), "date": _pair("date"),
                   "description": _pair("description"), "amount": _pair("amount"),
                   "reason": _pair("reason")},
                  {"row": "int", "date": "date", "description": "text", "amount": "money2",
                   "reason": "text"}),
        ),
    )  # fmt: skip


def withholding_sheet(reconciliation: Any, settings: Any = None) -> Sheet:
    """One row per withheld amount, with the slip number column to fill in."""
    from xl_ar.core import withholding_records

    records = getattr(reconciliation, "withholding", None)
    if records is None:  # a result without the rules it was made with: rates by default
        records = withholding_records(reconciliation.table)
    frame = pd.DataFrame({
        "date": pd.to_datetime(records["date"]),
        "customer": records["customer"].astype(object),
        "invoice": records["invoice"].astype(object),
        "receipt": records["receipt"].astype(object),
        "type": records["type"].astype(object),
        "base": records["base"].astype(float),
        "rate": records["rate"].astype(float),
        "amount": records["amount"].astype(float),
        "slip": records["slip"].astype(object),
    })  # fmt: skip
    total = float(frame["amount"].sum())
    formats: dict[str, ColumnFormat] = {
        "date": "date", "customer": "text", "invoice": "text", "receipt": "text",
        "type": "text", "base": "money2", "rate": "pct", "amount": "money2", "slip": "text",
    }  # fmt: skip
    return Sheet(
        key="withholding",
        name=("Potongan Pajak", "Tax Withheld"),
        title=("Pajak Dipotong Pelanggan", "Tax Withheld by Customers"),
        notes=(
            amounts_note(getattr(settings, "currency", None)),
            (
                f"Total dipotong {total:,.2f}: minta bukti potong ke pelanggan dan isi kolom "
                "No. Bukti Potong (xl-ar withholding melacak yang belum diterima)",
                f"Total withheld {total:,.2f}: ask the customers for the withholding slips and fill "
                "in the Slip No. column (xl-ar withholding tracks those not received)",
            ),
        ),  # fmt: skip
        tables=(Table("withholding", frame, {c: _pair(c) for c in frame.columns}, formats),),
    )


def _labels(reconciliation: Any) -> dict[str, str]:
    """The statement's receipts named by the bank's reference and date (not ``row 8``)."""
    statement = getattr(reconciliation, "statement", None)
    receipts = getattr(statement, "receipts", None)
    return receipt_labels(receipts) if isinstance(receipts, pd.DataFrame) else {}


def journal_sheet(reconciliation: Any, settings: Any = None) -> Sheet:
    """The journal lines (one balanced voucher per receipt) and the receipts not posted."""
    posting = getattr(settings, "posting", None)
    options = posting.journal_options() if posting is not None else {}
    lang = getattr(settings, "lang", "id")
    lines = journal_lines(
        reconciliation.table,
        lang=lang,
        withholding=getattr(reconciliation, "withholding", None),
        labels=_labels(reconciliation),
        **options,
    )
    frame = pd.DataFrame({
        "voucher": lines["voucher"].astype(object),
        "date": pd.to_datetime(lines["date"]),
        "account_code": lines["account"].astype(object),
        "role": _pairs(lines["role"].astype(object), "role_"),
        "description": lines["description"].astype(object),
        "debit": lines["debit"].astype(float),
        "credit": lines["credit"].astype(float),
    })  # fmt: skip
    total = pd.DataFrame({"voucher": [_pair("total")], "date": [pd.NaT], "account_code": [""],
                          "role": [""], "description": [""], "debit": [frame["debit"].sum()],
                          "credit": [frame["credit"].sum()]})  # fmt: skip
    frame = pd.concat([frame, total], ignore_index=True) if len(frame) else frame
    held = lines.attrs["not_posted"]
    held = pd.DataFrame({
        "receipt": held["receipt"].astype(object), "date": pd.to_datetime(held["date"]),
        "customer": held["customer"].astype(object), "amount": held["amount"].astype(float),
        "status": _pairs(held["status"].astype(object)), "note": held["note"].astype(object),
    })  # fmt: skip
    heads = {c: _pair(c) for c in frame.columns}
    formats: dict[str, ColumnFormat] = {
        "voucher": "text", "date": "date", "account_code": "text", "role": "text",
        "description": "text", "debit": "money2", "credit": "money2",
    }  # fmt: skip
    return Sheet(
        key="journal",
        name=("Jurnal Penerimaan", "Receipts Journal"),
        title=("Jurnal Penerimaan Kas", "Cash Receipts Journal"),
        notes=(
            amounts_note(getattr(settings, "currency", None)),
            ("Satu bukti kas masuk per penerimaan; debet = kredit per bukti. Giro yang belum "
             "jatuh tempo dan usulan tidak dibukukan (tabel kedua)",
             "One voucher per receipt; debits = credits per voucher. Giro not yet due and "
             "proposed receipts are not posted (second table)"),
        ),  # fmt: skip
        tables=(
            Table("journal", frame, heads, formats, total_row=len(lines) > 0),
            Table("journal_not_posted", held, {c: _pair(c) for c in held.columns},
                  {"receipt": "text", "date": "date", "customer": "text", "amount": "money2",
                   "status": "text", "note": "text"}),
        ),
    )  # fmt: skip


def receipts_sheet(reconciliation: Any, settings: Any = None, master: Any = None) -> Sheet:
    """Per customer the receipts: invoices settled, applied, withheld, fees, unapplied.

    ``master`` is not drawn; the catalog lists it so that the ribbon reads the customers sheet
    (who paid by virtual account, who withholds) for the reconciliation.
    """
    got = receipt_list(reconciliation.table, labels=_labels(reconciliation))
    money = ["amount", "applied", "withheld", "fees", "written_off", "unapplied", "held"]
    frame = got.assign(status=_pairs(got["status"].astype(object)))
    frame["customer"] = frame["customer"].astype(object)
    if len(frame):
        total = {c: "" for c in frame.columns} | {c: frame[c].sum() for c in money}
        total |= {"customer": _pair("total"), "date": pd.NaT}
        frame = pd.concat([frame, pd.DataFrame([total])], ignore_index=True)
    formats: dict[str, ColumnFormat] = {c: "money2" for c in money}
    formats |= {"customer": "text", "receipt": "text", "date": "date", "invoices": "text",
                "status": "text"}  # fmt: skip
    return Sheet(
        key="receipts",
        name=("Daftar Penerimaan", "Receipt List"),
        title=("Daftar Penerimaan per Pelanggan", "Receipts by Customer"),
        notes=(amounts_note(getattr(settings, "currency", None)),),
        tables=(
            Table("receipts", frame, {c: _pair(c) for c in frame.columns}, formats,
                  total_row=len(got) > 0),
        ),
    )  # fmt: skip


def movements(statement: Any) -> tuple[float, float]:
    """Σ credit and Σ debit of the statement's lines as its balances count them: every line,
    or without the pending ones when that is how the opening and closing balances add up
    (banks differ on whether a pending line is in the balance yet).

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> lines = pd.DataFrame({"debit": [5.0, 0.0], "credit": [100.0, 7.0],
    ...                       "status": ["receipt", "pending"]})
    >>> movements(NS(opening=10.0, closing=105.0, lines=lines, balance_difference=0.0))
    (100.0, 5.0)
    >>> movements(NS(opening=10.0, closing=112.0, lines=lines, balance_difference=0.0))
    (107.0, 5.0)
    """
    lines = statement.lines
    every = (float(lines["credit"].sum()), float(lines["debit"].sum()))
    if "status" not in lines.columns or statement.opening is None or statement.closing is None:
        return every
    booked = lines[lines["status"].astype(object).ne("pending").to_numpy()]
    without = (float(booked["credit"].sum()), float(booked["debit"].sum()))
    diff = float(statement.balance_difference or 0.0)

    def off(pair: tuple[float, float]) -> float:
        return abs(statement.closing - (statement.opening + pair[0] - pair[1]) - diff)

    return without if off(without) < off(every) - 0.005 else every


def _money(value: Any) -> str:
    return "" if value is None or pd.isna(value) else f"{float(value):,.2f}"


def balance_line(statement: Any) -> str:
    """The statement's balance check as one line (English): agree, DO NOT AGREE, or not given.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> lines = pd.DataFrame({"debit": [5.0], "credit": [100.0], "status": ["receipt"]})
    >>> print(balance_line(NS(opening=10.0, closing=105.0, lines=lines, balance_difference=0.0)))
    balances agree: opening 10.00 + credits 100.00 - debits 5.00 = closing 105.00
    >>> print(balance_line(NS(opening=10.0, closing=95.0, lines=lines,
    ...                       balance_difference=-10.0)))  # doctest: +NORMALIZE_WHITESPACE
    BALANCES DO NOT AGREE: opening 10.00 + credits 100.00 - debits 5.00 = 105.00, the statement
    says 95.00 (difference -10.00): look for missing or doubled lines
    """
    diff = statement.balance_difference
    if diff is None:
        return "balances not checked: the statement gives no opening or closing balance"
    credits, debits = movements(statement)
    movement = (f"opening {_money(statement.opening)} + credits {_money(credits)} - debits "
                f"{_money(debits)}")  # fmt: skip
    if round(float(diff), 2) == 0:
        return f"balances agree: {movement} = closing {_money(statement.closing)}"
    expected = round(float(statement.opening) + credits - debits, 2)
    return (f"BALANCES DO NOT AGREE: {movement} = {_money(expected)}, the statement says "
            f"{_money(statement.closing)} (difference {_money(diff)}): look for missing or "
            "doubled lines")  # fmt: skip


def format_bank_summary(reconciliation: Any) -> str:
    """What ``xl-ar reconcile`` prints for a bank statement: the account and period, the
    balance check, then receipts, applied, withheld, fees, unapplied (a known customer's),
    unmatched (no customer found), giro in hand, proposed and the lines left out.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> st = NS(bank="bca", account="123", account_name="PT A", currency="IDR",
    ...         period_start=pd.Timestamp("2024-12-01"), period_end=pd.Timestamp("2024-12-31"),
    ...         opening=None, closing=None, balance_difference=None, lines=None)
    >>> print(format_bank_summary(NS(statement=st, summary={"payments": 2,
    ...     "payments_amount": 150.0, "applied_amount": 100.0, "unapplied_amount": 50.0,
    ...     "left_out_lines": 1})))
    BCA account 123 (PT A), IDR, 01/12/2024 - 31/12/2024
    balances not checked: the statement gives no opening or closing balance
    receipts        2  150.00
    applied            100.00
    withheld             0.00
    fees                 0.00
    unapplied           50.00
    unmatched            0.00
    giro in hand         0.00
    proposed             0.00
    left-out lines  1
    """
    st = _statement(reconciliation)
    summary = dict(getattr(reconciliation, "summary", {}) or {})

    def amount(*keys: str) -> float:
        return float(sum(float(summary.get(k) or 0.0) for k in keys))

    head = f"{str(st.bank).upper()} " + (f"account {st.account}" if st.account else "statement")
    if st.account_name:
        head += f" ({st.account_name})"
    head = ", ".join(p for p in (head, st.currency, period_text(st)) if p)
    rows = [
        ("receipts", str(int(summary.get("payments") or 0)), amount("payments_amount")),
        ("applied", "", amount("applied_amount")),
        ("withheld", "", amount("withheld_amount")),
        ("fees", "", amount("fees_amount")),
        ("unapplied", "", amount("unapplied_amount")),
        ("unmatched", "", amount("unmatched_amount")),
        ("giro in hand", "", amount("giro_in_hand_amount")),
        ("proposed", "", amount("proposed_amount")),
    ]
    count_width = max(len(c) for _, c, _ in rows)
    money_width = max(len(_money(v)) for _, _, v in rows)
    lines = [head, balance_line(st)]
    lines += [f"{name:<15} {count:>{count_width}}  {_money(v):>{money_width}}"
              for name, count, v in rows]  # fmt: skip
    lines.append(f"{'left-out lines':<15} {int(summary.get('left_out_lines') or 0):>{count_width}}")
    return "\n".join(lines)
