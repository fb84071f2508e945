"""reconcile() with a bank statement: payers found, giro held, ambiguous receipts proposed.

The statements are built around hand-written receipts (the readers have their own tests), so
each receipt's description is exactly what the payer identification sees.
"""

from __future__ import annotations

import pandas as pd

from xl_ar.core import BankStatement, reconcile
from xl_ar.core.cash_application.reconcile import summary


def StandInStatement(
    receipts: pd.DataFrame,
    period_end: pd.Timestamp | None = None,
    *,
    left_out: pd.DataFrame | None = None,
    balance_difference: float | None = None,
) -> BankStatement:
    """A bank statement holding just these receipts (what reconcile() reads of one)."""
    return BankStatement(
        bank="generic", account=None, account_name=None, currency=None,
        period_start=None, period_end=period_end, opening=None, closing=None,
        lines=pd.DataFrame(), receipts=receipts,
        left_out=pd.DataFrame() if left_out is None else left_out,
        balance_difference=balance_difference, notes=(),
    )  # fmt: skip


def bank_receipts(*rows: tuple) -> pd.DataFrame:
    """Receipts as a statement reader gives them: (id, date, amount, memo, effective date)."""
    index = pd.RangeIndex(8, 8 + len(rows), name="row")
    frame = pd.DataFrame(
        {
            "payment": pd.Series([r[0] for r in rows], dtype="str"),
            "date": pd.to_datetime([r[1] for r in rows]),
            "amount": [float(r[2]) for r in rows],
            "customer": pd.Series([None] * len(rows), dtype="str"),
            "memo": pd.Series([r[3] for r in rows], dtype="str"),
            "effective_date": pd.to_datetime([r[4] if len(r) > 4 else None for r in rows]),
            "currency": pd.Series([None] * len(rows), dtype="str"),
        },
    )
    frame.index = index
    return frame


LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
    ["PT Maju Jaya", "INV-1", "2024-11-05", 30, 17_325_000],
    ["PT Maju Jaya", "INV-2", "2024-11-10", 30, 5_000_000],
    ["PT Sinar Mas Agro Resources", "INV-3", "2024-11-12", 30, 10_900_000],
    ["CV Baru", "INV-4", "2024-11-15", 30, 2_500_000],
    ["PT Sentosa Abadi", "INV-5", "2024-11-16", 30, 3_000_000],
    ["CV Sentosa Abadi", "INV-6", "2024-11-17", 30, 3_000_000],
    ["PT Giro Makmur", "INV-7", "2024-11-18", 30, 4_000_000],
]
MASTER = [["Pelanggan", "Nomor VA"], ["CV Baru", "8808 0012 3456 7890"]]


def december() -> StandInStatement:
    receipts = bank_receipts(
        ("R1", "2024-12-02", 17_325_000,
         "TRSF E-BANKING CR 0212/FTSCY/WS95031 17325000.00 MAJU JAYA PT | 0212001"),
        ("R2", "2024-12-03", 10_900_000,
         "TRSF E-BANKING CR 0312/FTSCY/WS95032 10900000.00 PT SINAR MAS AGRO RES"),
        ("R3", "2024-12-04", 2_500_000, "SETORAN VA 8808 0012 3456 7890"),
        ("R4", "2024-12-05", 3_000_000, "TRSF CR SENTOSA ABADI"),
        ("R5", "2024-12-20", 4_000_000, "BG MUNDUR PT GIRO MAKMUR", "2025-01-15"),
        ("R6", "2024-12-06", 5_000_000, "TRF PEMBAYARAN INV-2"),
        ("R7", "2024-12-07", 1_000_000, "SETORAN TUNAI"),
    )  # fmt: skip
    left_out = pd.DataFrame(
        {"date": pd.to_datetime(["2024-12-10", "2024-12-11"]), "description": ["BIAYA ADM", "PEND"],
         "amount": [15_000.0, 99.0], "reason": ["debit", "pending"]}
    )  # fmt: skip
    return StandInStatement(
        receipts, pd.Timestamp("2024-12-31"), left_out=left_out, balance_difference=0.0
    )


COLUMNS = ["payment", "invoice", "applied", "remaining", "status", "payer_rule",
           "payer_confidence", "note"]  # fmt: skip


def rows(table: pd.DataFrame) -> list[list]:
    out = table[COLUMNS].astype(object).where(table[COLUMNS].notna(), None).values.tolist()
    return out


def test_a_bank_statement_is_applied_with_payers_giro_and_proposals():
    got = reconcile(LEDGER, december(), master=MASTER)
    assert got.mode == "bank" and got.statement.period_end == pd.Timestamp("2024-12-31")
    assert rows(got.table) == [
        ["R1", "INV-1", 17_325_000.0, 0.0, "matched", "name", 0.9, None],  # legal form last
        ["R2", "INV-3", 10_900_000.0, 0.0, "matched", "name", 0.75, None],  # truncated
        ["R3", "INV-4", 2_500_000.0, 0.0, "matched", "virtual_account", 0.99, None],
        ["R4", None, 0.0, 3_000_000.0, "proposed", None, None,
         "payer unclear: 'CV Sentosa Abadi' or 'PT Sentosa Abadi'; amount equals open invoice "
         "'INV-6' of 'CV Sentosa Abadi', 'INV-5' of 'PT Sentosa Abadi'"],
        ["R6", "INV-2", 5_000_000.0, 0.0, "matched", "invoice_reference", 1.0, None],
        ["R7", None, 0.0, 1_000_000.0, "unmatched", None, None, None],
        ["R5", None, 0.0, 4_000_000.0, "giro_in_hand", "name", 0.9,
         "giro in hand: effective 2025-01-15, after the cut-off 2024-12-31"],
        [None, "INV-6", 0.0, 3_000_000.0, "open", None, None, None],
        [None, "INV-7", 0.0, 4_000_000.0, "open", None, None, None],
        [None, "INV-5", 0.0, 3_000_000.0, "open", None, None, None],
    ]  # fmt: skip
    giro = got.table[got.table["status"] == "giro_in_hand"].iloc[0]
    assert giro["customer"] == "PT Giro Makmur"
    s = got.summary
    assert s == summary(got.table, got.statement)
    assert (s["payments"], s["payments_amount"], s["applied_amount"]) == (
        7,
        43_725_000.0,
        35_725_000.0,
    )
    assert (s["giro_in_hand_payments"], s["giro_in_hand_amount"]) == (1, 4_000_000.0)
    assert (s["proposed_payments"], s["proposed_amount"]) == (1, 3_000_000.0)
    assert (s["unmatched_amount"], s["left_out_lines"], s["balance_difference"]) == (
        1_000_000.0,
        2,
        0.0,
    )
    assert list(got.table.columns[-3:]) == ["payer_rule", "payer_confidence", "note"]


def test_as_of_moves_the_giro_cut_off():
    got = reconcile(LEDGER, december(), master=MASTER, as_of="2025-01-31")
    r5 = got.table[got.table["payment"] == "R5"]
    assert r5[["invoice", "applied", "status"]].values.tolist() == [
        ["INV-7", 4_000_000.0, "matched"]
    ]
    assert got.summary["giro_in_hand_amount"] == 0.0


def test_a_proposal_becomes_an_application_when_the_memo_names_the_invoice():
    statement = december()
    receipts = statement.receipts.copy()
    receipts.loc[receipts["payment"] == "R4", "memo"] = "TRSF CR SENTOSA ABADI INV-6"
    got = reconcile(LEDGER, StandInStatement(receipts, statement.period_end))
    r4 = got.table[got.table["payment"] == "R4"]
    assert rows(r4) == [
        ["R4", "INV-6", 3_000_000.0, 0.0, "matched", "invoice_reference", 1.0, None]
    ]
    assert r4["customer"].tolist() == ["CV Sentosa Abadi"]


def test_a_payments_table_still_reconciles_in_mode_payments():
    pays = [["Payment", "Date", "Amount", "Customer", "Memo"],
            ["P1", "2024-12-02", 17_325_000, "pt maju jaya", None],
            ["P2", "2024-12-03", 10_900_000, None, "PT SINAR MAS AGRO RESOURCES"]]  # fmt: skip
    got = reconcile(LEDGER, pays)
    assert got.mode == "payments" and got.statement is None
    assert rows(got.table)[:2] == [
        ["P1", "INV-1", 17_325_000.0, 0.0, "matched", "customer_column", 1.0, None],
        ["P2", "INV-3", 10_900_000.0, 0.0, "matched", "name", 0.9, None],
    ]
    assert "left_out_lines" not in got.summary and got.summary["proposed_amount"] == 0.0


def test_the_payers_virtual_account_and_the_printed_amount_are_no_invoice_numbers():
    ledger = [
        ["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
        ["PT Lain", "4", "2024-11-01", 30, 2_500_000],  # its number is in the VA below
        ["PT Lain", "2500000", "2024-11-02", 30, 1_000],  # ... and in the amount printed
        ["CV Baru", "INV-9", "2024-11-03", 30, 2_500_000],
    ]
    statement = StandInStatement(
        bank_receipts(("R1", "2024-12-04", 2_500_000, "SETORAN VA 8808 0000 0000 0004 2500000.00")),
        pd.Timestamp("2024-12-31"),
    )
    got = reconcile(ledger, statement, va_map={"8808000000000004": "CV Baru"})
    assert rows(got.table)[0] == [
        "R1", "INV-9", 2_500_000.0, 0.0, "matched", "virtual_account", 0.99, None
    ]  # fmt: skip


def test_a_bare_number_in_a_bank_description_names_only_the_payers_invoice():
    """Descriptions carry the bank's own numbers (journal, teller, branch): with numeric
    invoice numbers, a bare number names an invoice only of the payer already identified."""
    ledger = [
        ["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
        ["PT Lain", "95031", "2024-11-01", 30, 2_500_000],  # = the bank's journal number
        ["PT Maju Jaya", "10023", "2024-11-02", 30, 7_000_000],
        ["PT Maju Jaya", "10024", "2024-11-03", 30, 2_500_000],
    ]
    statement = StandInStatement(
        bank_receipts(
            ("R1", "2024-12-04", 2_500_000, "TRSF CR 95031 SETORAN TUNAI"),  # payer unknown
            ("R2", "2024-12-05", 7_000_000, "TRSF CR 95032 MAJU JAYA PT BAYAR 10023"),
            ("R3", "2024-12-06", 2_500_000, "TRSF CR 95031 MAJU JAYA PT"),  # 95031 is PT Lain's
        ),
        pd.Timestamp("2024-12-31"),
    )
    got = reconcile(ledger, statement)
    assert rows(got.table)[:3] == [
        ["R1", None, 0.0, 2_500_000.0, "unmatched", None, None, None],
        ["R2", "10023", 7_000_000.0, 0.0, "matched", "name", 0.9, None],
        ["R3", "10024", 2_500_000.0, 0.0, "matched", "name", 0.9, None],
    ]  # fmt: skip
    assert got.table.loc[got.table["payment"] == "R2", "rule"].tolist() == ["reference"]
    assert got.table.loc[got.table["payment"] == "R3", "rule"].tolist() == ["exact"]
    # the same receipts as a payments table keep today's reading: a bare number names any invoice
    pays = [["Payment", "Date", "Amount", "Memo"], ["R1", "2024-12-04", 2_500_000, "TRSF 95031"]]
    assert rows(reconcile(ledger, pays).table)[0][:5] == [
        "R1",
        "95031",
        2_500_000.0,
        0.0,
        "matched",
    ]
