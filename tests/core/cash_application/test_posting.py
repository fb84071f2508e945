"""Journal lines, import layouts and the receipt list of cash application (issue 17).

The result tables are built by hand with the documented columns (``withheld``,
``withholding_type``, ``fee`` after ``applied``; statuses ``giro_in_hand``/``proposed``), so
these pieces are proven before the readers and the engine changes are merged.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.bank_reconcile_samples import COLUMNS, december, row
from xl_ar.core import (
    DEFAULT_ACCOUNTS,
    journal_csv,
    journal_lines,
    read_posting_settings,
    receipt_list,
)
from xl_ar.errors import OptionError, XlArError


def test_december_journal_right_to_the_rupiah():
    lines = journal_lines(december(), lang="en")
    got = lines[["voucher", "role", "account", "debit", "credit"]].to_numpy().tolist()
    assert got == [
        ["BKM-2412-0001", "bank", "1-10002", 10_897_500.0, 0.0],
        ["BKM-2412-0001", "pph23", "1-10502", 200_000.0, 0.0],
        ["BKM-2412-0001", "bank_charges", "8-80999", 2_500.0, 0.0],
        ["BKM-2412-0001", "ar", "1-10100", 0.0, 11_100_000.0],
        ["BKM-2412-0002", "bank", "1-10002", 19_700_000.0, 0.0],
        # 2,500,000 split by the rates 11 : 1.5 -> 2,200,000 PPN + 300,000 PPh 22
        ["BKM-2412-0002", "pph22", "1-10501", 300_000.0, 0.0],
        ["BKM-2412-0002", "ppn", "2-20500", 2_200_000.0, 0.0],
        ["BKM-2412-0002", "ar", "1-10100", 0.0, 22_200_000.0],
        ["BKM-2412-0003", "bank", "1-10002", 5_000_000.0, 0.0],
        ["BKM-2412-0003", "write_off", "6-60213", 1_000.0, 0.0],
        ["BKM-2412-0003", "ar", "1-10100", 0.0, 4_001_000.0],
        ["BKM-2412-0003", "customer_deposits", "2-20203", 0.0, 1_000_000.0],
    ]
    assert lines["description"].tolist()[:4] == [
        "Receipt R1 from PT Maju",
        "PPh 23 withheld by PT Maju on INV-001",
        "Transfer fee deducted by PT Maju on INV-001",
        "Settlement of INV-001, PT Maju",
    ]
    held = lines.attrs["not_posted"]
    assert held[["receipt", "customer", "amount", "status", "note"]].to_numpy().tolist() == [
        ["R4", "PT Maju", 7_000_000.0, "giro_in_hand", "giro due 2025-01-15"]
    ]
    assert journal_lines(december())["description"].iloc[3] == "Pelunasan INV-001 PT Maju"


def test_combined_withholding_split_by_the_vat_column_when_present():
    table = december().iloc[[1]].assign(vat=[2_150_000.0])
    lines = journal_lines(table)
    assert lines.set_index("role")["debit"][["ppn", "pph22"]].tolist() == [2_150_000.0, 350_000.0]


def test_overpayment_written_off_is_a_credit_and_credit_note_a_debit():
    rows = [
        row("P1", "2024-12-02", 1_000.0, "A", "INV-1", applied=1_050.0, difference=-50.0,
            status="overpaid"),
        row("P1", "2024-12-02", 1_000.0, "A", "CN-1", applied=-50.0, open_amount=-50.0),
    ]  # fmt: skip
    lines = journal_lines(pd.DataFrame(rows, columns=COLUMNS))
    got = lines[["role", "invoice", "debit", "credit"]].to_numpy().tolist()
    assert got[1:] == [
        ["write_off", "INV-1", 0.0, 50.0],
        ["ar", "INV-1", 0.0, 1_000.0],
        ["ar", "CN-1", 50.0, 0.0],
    ]
    assert got[0][0] == "bank" and got[0][2:] == [1_000.0, 0.0]
    assert lines["debit"].sum() == lines["credit"].sum() == 1_050.0


def test_missing_account_code_is_one_clear_error():
    accounts = {k: v for k, v in DEFAULT_ACCOUNTS.items() if k != "pph23"}
    with pytest.raises(OptionError) as err:
        journal_lines(december(), accounts=accounts)
    assert str(err.value) == (
        "journal: no account code for 'pph23' (needed by receipt 'R1'); set it in the accounts"
    )
    # a role no line needs may be missing
    few = {k: v for k, v in DEFAULT_ACCOUNTS.items() if k not in ("pph23", "pph22", "ppn")}
    assert len(journal_lines(december().iloc[[2, 3]], accounts=few)) == 4
    with pytest.raises(OptionError, match="unknown role 'cash'"):
        journal_lines(december(), accounts={**DEFAULT_ACCOUNTS, "cash": "1"})


def test_bank_account_overrides_the_bank_role():
    lines = journal_lines(december(), bank_account="1-10003")
    assert set(lines.loc[lines["role"] == "bank", "account"]) == {"1-10003"}


def test_receipt_not_adding_up_is_refused():
    table = december()
    table.loc[0, "applied"] = 10_000_000.0
    with pytest.raises(XlArError) as err:
        journal_lines(table)
    assert str(err.value) == (
        "journal: receipt 'R1' does not add up: its applications and remainder are "
        "10,000,000.00, its amount 10,897,500.00"
    )


def test_withheld_without_type_is_refused():
    table = december()
    table.loc[0, "withholding_type"] = None
    with pytest.raises(XlArError, match="invoice 'INV-001' has tax withheld with no withholding"):
        journal_lines(table)


def test_settings_accounts_reach_the_journal():
    conf = read_posting_settings([["AkunPiutang", "1103"], ["Tarif PPh 22", "1,5%"]])
    lines = journal_lines(december(), **conf.journal_options())
    assert set(lines.loc[lines["role"] == "ar", "account"]) == {"1103"}
    assert conf.pph22_rate == 0.015


def test_journal_csv_layouts():
    lines = journal_lines(december(), lang="en")
    jurnal = journal_csv(lines, "jurnal")
    assert list(jurnal.columns) == [
        "*Transaction Date", "*Transaction No", "*Account Code", "Description", "*Debit",
        "*Credit", "Memo", "Tags",
    ]  # fmt: skip
    assert jurnal.iloc[0].tolist()[:3] == ["03/12/2024", "BKM-2412-0001", "1-10002"]
    assert jurnal["Memo"].iloc[3] == "Receipt R1 from PT Maju"
    accurate = journal_csv(lines, "accurate")
    assert list(accurate.columns) == [
        "No Bukti", "Tanggal", "Keterangan", "No Akun", "Debit", "Kredit", "Catatan",
    ]  # fmt: skip
    assert accurate["Tanggal"].iloc[-1] == "09/12/2024"
    generic = journal_csv(lines, "generic")
    assert generic["Date"].iloc[0] == "2024-12-03"
    assert generic["Debit"].sum() == generic["Credit"].sum() == 38_301_000.0
    with pytest.raises(OptionError, match="journal format must be one of"):
        journal_csv(lines, "sap")


def test_receipt_list_per_customer():
    got = receipt_list(december())
    assert got[["customer", "receipt", "invoices", "amount", "applied", "withheld", "fees",
                "written_off", "unapplied", "held", "status"]].to_numpy().tolist() == [
        ["CV Sinar", "R3", "INV-003", 5_000_000.0, 4_000_000.0, 0.0, 0.0, 1_000.0,
         1_000_000.0, 0.0, "posted"],
        ["Dinas PU", "R2", "INV-002", 19_700_000.0, 19_700_000.0, 2_500_000.0, 0.0, 0.0, 0.0,
         0.0, "posted"],
        ["PT Maju", "R1", "INV-001", 10_897_500.0, 10_897_500.0, 200_000.0, 2_500.0, 0.0, 0.0,
         0.0, "posted"],
        ["PT Maju", "R4", "", 7_000_000.0, 0.0, 0.0, 0.0, 0.0, 0.0, 7_000_000.0,
         "giro_in_hand"],
    ]  # fmt: skip


def test_table_without_withholding_columns_posts_today_results():
    table = december().drop(columns=["withheld", "withholding_type", "fee"]).iloc[[2, 3]]
    lines = journal_lines(table)
    assert lines["role"].tolist() == ["bank", "write_off", "ar", "customer_deposits"]


# --------------------------------------------------------------------------- the property

TYPES = ["PPh 23", "PPh 22", "PPN WAPU", "PPN WAPU + PPh 22", "PPN WAPU + PPh 23"]
cents = st.integers(min_value=1, max_value=5_000_000_00)


@st.composite
def tables(draw) -> pd.DataFrame:
    rows = []
    for n in range(draw(st.integers(1, 8))):
        pay = f"P{n}"
        date = pd.Timestamp("2024-12-01") + pd.Timedelta(days=draw(st.integers(0, 60)))
        customer = draw(st.sampled_from(["A", "B", None]))
        kind = draw(st.sampled_from(["apply", "apply", "held"]))
        if kind == "held":
            amount = draw(cents)
            status = draw(st.sampled_from(["giro_in_hand", "proposed"]))
            rows.append(row(pay, date, amount / 100, customer, None, remaining=amount / 100,
                            status=status))  # fmt: skip
            continue
        apps = []
        for i in range(draw(st.integers(0, 3))):
            applied = draw(st.integers(-100_000, 5_000_000_00))
            withheld = draw(st.sampled_from([0, 0, draw(cents)]))
            apps.append({
                "invoice": f"INV-{n}-{i}", "applied": applied, "withheld": withheld,
                "wtype": draw(st.sampled_from(TYPES)) if withheld else None,
                "fee": draw(st.sampled_from([0, 250000, draw(st.integers(0, 1_000_000))])),
                "difference": draw(st.integers(-100_000, 100_000)),
            })  # fmt: skip
        used = sum(a["applied"] for a in apps)
        rest = draw(st.integers(0, 5_000_000_00))
        if used + rest <= 0:
            rest = 1 - used
        amount = used + rest
        for a in apps:
            rows.append(row(pay, date, amount / 100, customer, a["invoice"],
                            applied=a["applied"] / 100, withheld=a["withheld"] / 100,
                            wtype=a["wtype"], fee=a["fee"] / 100,
                            difference=a["difference"] / 100))  # fmt: skip
        if rest:
            status = "unapplied" if customer else "unmatched"
            rows.append(row(pay, date, amount / 100, customer, None, remaining=rest / 100,
                            status=status))  # fmt: skip
        if draw(st.booleans()):
            rows.append(row(None, None, np.nan, "A", f"OPEN-{n}", remaining=10.0, status="open"))
    return pd.DataFrame(rows, columns=COLUMNS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.sampled_from([None, 0.11, 0.12]))
def test_every_voucher_balances_to_the_cent(table, vat_share):
    if vat_share is not None:  # a vat column on some rows
        table = table.assign(vat=table["withheld"] * vat_share)
    lines = journal_lines(table)
    dr = np.rint(lines["debit"].to_numpy() * 100).astype(np.int64)
    cr = np.rint(lines["credit"].to_numpy() * 100).astype(np.int64)
    # one side per line, never both, never a zero line
    assert ((dr > 0) ^ (cr > 0)).all()
    per = pd.DataFrame({"v": lines["voucher"], "dr": dr, "cr": cr}).groupby("v").sum()
    assert (per["dr"] == per["cr"]).all()
    # one voucher per posted receipt, its bank line the receipt's cash
    status = table["status"].astype(object)
    held = set(table.loc[status.isin(["giro_in_hand", "proposed"]), "payment"])
    posted = table.loc[table["payment"].notna() & ~table["payment"].isin(held)]
    amounts = posted.groupby("payment")["payment_amount"].first()
    bank = lines[lines["role"] == "bank"].set_index("receipt")["debit"]
    assert sorted(bank.index) == sorted(amounts.index)
    assert (np.rint(bank.sort_index() * 100) == np.rint(amounts.sort_index() * 100)).all()
    assert lines["voucher"].nunique() == len(amounts)
    # AR credit (net) = applied + withheld + fee + difference over the applications
    apps = posted[~posted["status"].isin(["unapplied", "unmatched"])]
    total = np.rint(apps[["applied", "withheld", "fee", "difference"]].to_numpy() * 100).sum()
    ar = lines[lines["role"] == "ar"]
    assert np.rint((ar["credit"] - ar["debit"]).to_numpy() * 100).sum() == total
    # withheld split keeps every cent
    tax = lines[lines["role"].isin(["pph23", "pph22", "ppn"])]
    assert (
        np.rint(tax["debit"].to_numpy() * 100).sum()
        == np.rint(apps["withheld"].to_numpy() * 100).sum()
    )
    # held receipts are listed apart, not posted
    assert sorted(lines.attrs["not_posted"]["receipt"]) == sorted(held)
    # the receipt list agrees: amount = applied + unapplied + held per receipt
    rl = receipt_list(table)
    assert len(rl) == table["payment"].nunique()
    assert np.allclose(rl["amount"], rl["applied"] + rl["unapplied"] + rl["held"], atol=1e-6)
