"""Withholding (PPh 23, PPh 22, PPN WAPU) and transfer fees as rules in cash application.

Goldens to the rupiah from the notes' worked example: services DPP 10,000,000 + PPN 11 %
1,100,000 = 11,100,000; PPh 23 200,000; the customer pays 10,900,000 -> settled in full.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from xl_ar.core import reconcile, tax_rules
from xl_ar.core.cash_application.reconcile import RESULT_COLUMNS, apply_payments, summary
from xl_ar.core.cash_application.withholding import (
    invoice_taxes,
    parse_withholding_types,
    withholders_from_master,
    withholding_notes,
)
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.errors import OptionError, XlArError

HEADER = ["Customer", "Invoice", "Invoice Date", "Terms", "Amount"]
TAX = tax_rules(
    withholders={
        "PT Jasa Prima": "PPh 23",
        "PT Baja Negara": "PPh 22",
        "Dinas Pekerjaan Umum": "WAPU",
        "PT Pertamina Niaga": "WAPU + PPh 22",
        "PT Telko Negara": "WAPU + PPh 23",
    }
)


def ledger(*rows, header=HEADER):
    return read_ledger([header, *rows])


def payments(*rows):
    """(payment, amount, customer, memo) rows, all on 1 Feb 2024."""
    return pd.DataFrame(
        {
            "payment": [r[0] for r in rows],
            "date": pd.to_datetime(["2024-02-01"] * len(rows)),
            "amount": [float(r[1]) for r in rows],
            "customer": [r[2] for r in rows],
            "memo": [r[3] if len(r) > 3 else None for r in rows],
        }
    )


def rows_of(table, *columns):
    part = table[list(columns)].astype(object)
    return part.where(part.notna(), None).to_numpy().tolist()


COLS = ("payment", "invoice", "applied", "withheld", "withholding_type", "fee", "difference",
        "remaining", "rule", "status")  # fmt: skip


# ------------------------------------------------------------------ the notes' example
def test_pph23_reference_pass_settles_the_notes_example_in_full():
    led = ledger(["PT Jasa Prima", "INV-001", "2024-01-05", 30, 11_100_000])
    pays = payments(("P1", 10_900_000, "PT Jasa Prima", "Pelunasan INV-001"))
    got = apply_payments(led, pays, tax=TAX)
    assert rows_of(got, *COLS) == [
        ["P1", "INV-001", 10_900_000.0, 200_000.0, "PPh 23", 0.0, 0.0, 0.0, "reference", "matched"]
    ]
    totals = summary(got)
    assert (totals["withheld_amount"], totals["fees_amount"]) == (200_000.0, 0.0)
    assert totals["written_off_short"] == 0.0
    assert list(totals)[-2:] == ["withheld_amount", "fees_amount"]


def test_pph23_without_memo_exact_pass():
    led = ledger(
        ["PT Jasa Prima", "INV-001", "2024-01-05", 30, 11_100_000],
        ["PT Jasa Prima", "INV-002", "2024-01-06", 30, 22_200_000],
    )
    got = apply_payments(led, payments(("P1", 21_800_000, "PT Jasa Prima")), tax=TAX)
    assert rows_of(got, *COLS)[0] == [
        "P1", "INV-002", 21_800_000.0, 400_000.0, "PPh 23", 0.0, 0.0, 0.0, "exact", "matched"
    ]  # fmt: skip
    assert got["confidence"].iloc[0] == 0.95


def test_pph22_one_and_a_half_percent():
    led = ledger(["PT Baja Negara", "F-9", "2024-01-05", 30, 11_100_000])
    got = apply_payments(led, payments(("P1", 10_950_000, "PT Baja Negara")), tax=TAX)
    assert rows_of(got, *COLS) == [
        ["P1", "F-9", 10_950_000.0, 150_000.0, "PPh 22", 0.0, 0.0, 0.0, "exact", "matched"]
    ]


def test_wapu_pays_dpp_and_wapu_with_pph22_pays_dpp_less_pph22():
    led = ledger(
        ["Dinas Pekerjaan Umum", "G-1", "2024-01-05", 30, 11_100_000],
        ["PT Pertamina Niaga", "G-2", "2024-01-05", 30, 11_100_000],
        ["PT Telko Negara", "G-3", "2024-01-05", 30, 11_100_000],
    )
    pays = payments(
        ("P1", 10_000_000, "Dinas Pekerjaan Umum"),
        ("P2", 9_850_000, "PT Pertamina Niaga"),
        ("P3", 9_800_000, "PT Telko Negara"),
    )
    got = apply_payments(led, pays, tax=TAX)
    assert rows_of(got, "invoice", "applied", "withheld", "withholding_type", "status") == [
        ["G-1", 10_000_000.0, 1_100_000.0, "PPN WAPU", "matched"],
        ["G-2", 9_850_000.0, 1_250_000.0, "PPN WAPU + PPh 22", "matched"],
        ["G-3", 9_800_000.0, 1_300_000.0, "PPN WAPU + PPh 23", "matched"],
    ]


@pytest.mark.parametrize("fee", [2_500, 6_500])
def test_withholding_with_a_transfer_fee(fee):
    led = ledger(["PT Jasa Prima", "INV-001", "2024-01-05", 30, 11_100_000])
    got = apply_payments(led, payments(("P1", 10_900_000 - fee, "PT Jasa Prima")), tax=TAX)
    assert rows_of(got, *COLS) == [
        ["P1", "INV-001", 10_900_000.0 - fee, 200_000.0, "PPh 23", float(fee), 0.0, 0.0,
         "exact", "matched"]
    ]  # fmt: skip
    assert summary(got)["fees_amount"] == float(fee)


@pytest.mark.parametrize("fee", [2_500, 6_500, 10_000])
def test_a_non_withholder_short_by_a_fee_settles_with_a_fee_not_a_write_off(fee):
    led = ledger(["CV Toko Biasa", "B-1", "2024-01-05", 30, 1_000_000])
    got = apply_payments(led, payments(("P1", 1_000_000 - fee, "CV Toko Biasa")), tax=TAX)
    assert rows_of(got, *COLS) == [
        ["P1", "B-1", 1_000_000.0 - fee, 0.0, None, float(fee), 0.0, 0.0, "exact", "matched"]
    ]


def test_a_shortfall_above_fee_max_is_no_fee():
    led = ledger(["CV Toko Biasa", "B-1", "2024-01-05", 30, 1_000_000])
    got = apply_payments(led, payments(("P1", 989_999, "CV Toko Biasa")), tax=TAX)
    assert rows_of(got, "applied", "fee", "remaining", "rule", "status")[0] == [
        989_999.0, 0.0, 10_001.0, "fifo", "partial"
    ]  # fmt: skip
    raised = tax_rules(fee_max=25_000, fee_share="3%")  # 2.5 % of the invoice
    got = apply_payments(led, payments(("P1", 975_000, "CV Toko Biasa")), tax=raised)
    assert rows_of(got, "fee", "status")[0] == [25_000.0, "matched"]


def test_two_invoices_each_less_pph23_in_one_payment_combination():
    led = ledger(
        ["PT Jasa Prima", "INV-001", "2024-01-05", 30, 11_100_000],
        ["PT Jasa Prima", "INV-002", "2024-01-06", 30, 5_550_000],
        ["PT Jasa Prima", "INV-003", "2024-01-07", 30, 3_330_000],
    )
    # (11,100,000 - 200,000) + (3,330,000 - 60,000) - fee 2,500
    got = apply_payments(led, payments(("P1", 14_167_500, "PT Jasa Prima")), tax=TAX)
    assert rows_of(got, *COLS) == [
        ["P1", "INV-001", 10_900_000.0, 200_000.0, "PPh 23", 0.0, 0.0, 0.0, "combination",
         "matched"],
        ["P1", "INV-003", 3_267_500.0, 60_000.0, "PPh 23", 2_500.0, 0.0, 0.0, "combination",
         "matched"],
        [None, "INV-002", 0.0, 0.0, None, 0.0, 0.0, 5_550_000.0, None, "open"],
    ]  # fmt: skip


def test_memo_naming_two_invoices_with_net_payment_reference_pass():
    led = ledger(
        ["PT Jasa Prima", "INV-001", "2024-01-05", 30, 11_100_000],
        ["PT Jasa Prima", "INV-002", "2024-01-06", 30, 5_550_000],
    )
    pays = payments(("P1", 16_350_000, "PT Jasa Prima", "INV-001 INV-002 PPh 23"))
    got = apply_payments(led, pays, tax=TAX)
    assert rows_of(got, "invoice", "applied", "withheld", "fee", "rule", "status") == [
        ["INV-001", 10_900_000.0, 200_000.0, 0.0, "reference", "matched"],
        ["INV-002", 5_450_000.0, 100_000.0, 0.0, "reference", "matched"],
    ]


def test_withholding_with_a_credit_note_netted_by_the_memo():
    rows = [["Customer", "Invoice", "Type", "Invoice Date", "Terms", "Amount"],
            ["PT Jasa Prima", "INV-001", "Invoice", "2024-01-05", 30, 11_100_000],
            ["PT Jasa Prima", "CN-001", "Credit Note", "2024-01-10", 0, 1_000_000]]  # fmt: skip
    pays = payments(("P1", 9_900_000, "PT Jasa Prima", "INV-001 CN-001"))
    got = apply_payments(read_ledger(rows), pays, tax=TAX)
    assert rows_of(got, "invoice", "open_amount", "applied", "withheld", "remaining") == [
        ["CN-001", -1_000_000.0, -1_000_000.0, 0.0, 0.0],
        ["INV-001", 11_100_000.0, 10_900_000.0, 200_000.0, 0.0],
    ]
    assert got["applied"].sum() == 9_900_000.0


# ------------------------------------------------------------------ tax base and PPN
def test_ledger_reads_dpp_and_ppn_columns_and_absent_they_are_left_out():
    led = ledger(
        ["PT Jasa Prima", "INV-001", "2024-01-05", 30, "10.000.000", "1.100.000", "11.200.000"],
        ["PT Jasa Prima", "INV-002", "2024-01-05", 30, None, None, "5.550.000"],
        header=["Customer", "Invoice", "Invoice Date", "Terms", "DPP", "PPN", "Amount"],
    )
    assert led["tax_base"].tolist()[0] == 10_000_000.0 and np.isnan(led["tax_base"].iloc[1])
    assert led.attrs["xl_ar_headers"]["vat"] == "PPN"
    taxes = invoice_taxes(led, TAX)
    assert taxes.to_numpy().tolist() == [
        [10_000_000.0, 1_100_000.0, False],
        [5_000_000.0, 550_000.0, True],
    ]
    assert "tax_base" not in ledger(["A", "1", "2024-01-05", 30, 5]).columns
    english = ledger(
        ["A", "1", "2024-01-05", 30, 100, 11, 111],
        header=["Customer", "Invoice", "Invoice Date", "Terms", "Tax Base", "VAT", "Amount"],
    )
    assert english[["tax_base", "vat"]].to_numpy().tolist() == [[100.0, 11.0]]
    nilai_lain = ledger(
        ["A", "1", "2024-01-05", 30, 100, 111],
        header=["Customer", "Invoice", "Invoice Date", "Terms", "DPP Nilai Lain", "Amount"],
    )
    assert "tax_base" not in nilai_lain.columns and "DPP Nilai Lain" in nilai_lain.columns


def test_dpp_column_against_derived_base():
    # 100,000 of stamp duty outside the tax base: derived, the base would be 10,090,090
    header = ["Customer", "Invoice", "Invoice Date", "Terms", "Dasar Pengenaan Pajak", "Amount"]
    with_column = ledger(
        ["PT Jasa Prima", "INV-001", "2024-01-05", 30, 10_000_000, 11_200_000], header=header
    )
    pays = payments(("P1", 11_000_000, "PT Jasa Prima"))
    got = apply_payments(with_column, pays, tax=TAX)
    assert rows_of(got, "withheld", "fee", "status") == [[200_000.0, 0.0, "matched"]]
    derived = ledger(["PT Jasa Prima", "INV-001", "2024-01-05", 30, 11_200_000])
    assert invoice_taxes(derived, TAX)["tax_base"].iloc[0] == 10_090_090.0
    got = apply_payments(derived, pays, tax=TAX)
    assert rows_of(got, "withheld", "remaining", "status")[0] == [0.0, 200_000.0, "partial"]
    # paid net of the derived PPh 23 (201,802 rounded to the rupiah): settled
    got = apply_payments(derived, payments(("P1", 10_998_198, "PT Jasa Prima")), tax=TAX)
    assert rows_of(got, "withheld", "fee", "status") == [[201_802.0, 0.0, "matched"]]


def test_twelve_percent_on_eleven_twelfths_gives_the_same_base_as_eleven_percent():
    led = ledger(["PT Jasa Prima", "INV-001", "2025-01-05", 30, 11_100_000])
    rules_2025 = tax_rules(
        ppn_rate="12%", dpp_factor="11/12", withholders={"PT Jasa Prima": "PPh 23"}
    )
    assert invoice_taxes(led, rules_2025).to_numpy().tolist() == [[10_000_000.0, 1_100_000.0, True]]
    got = apply_payments(led, payments(("P1", 10_900_000, "PT Jasa Prima")), tax=rules_2025)
    assert rows_of(got, "withheld", "status") == [[200_000.0, "matched"]]
    full_12 = tax_rules(ppn_rate="12%", withholders={"PT Jasa Prima": "PPh 23"})
    assert invoice_taxes(led, full_12)["tax_base"].iloc[0] == 9_910_714.0  # 11,100,000 / 1.12
    got = apply_payments(led, payments(("P1", 10_901_786, "PT Jasa Prima")), tax=full_12)
    assert rows_of(got, "withheld", "fee", "status") == [[198_214.0, 0.0, "matched"]]


@pytest.mark.parametrize(
    ("paid", "withheld", "fee"),
    [
        (1_000_025 * 1.11 - 20_000, 20_000.0, 0.0),  # 2 % of 1,000,025 = 20,000.50 rounded down
        (1_000_025 * 1.11 - 20_001, 20_001.0, 0.0),  # ... to nearest
        (1_000_025 * 1.11 - 20_000.5, 20_000.5, 0.0),  # ... exact to the cent
        (1_000_025 * 1.11 - 22_500, 20_001.0, 2_499.0),  # nearest + a fee: the smaller fee
    ],
)
def test_whole_rupiah_withholding_rounded_down_nearest_or_exact(paid, withheld, fee):
    header = ["Customer", "Invoice", "Invoice Date", "Terms", "DPP", "Amount"]
    led = ledger(
        ["PT Jasa Prima", "INV-001", "2024-01-05", 30, 1_000_025, 1_110_027.75], header=header
    )
    got = apply_payments(led, payments(("P1", round(paid, 2), "PT Jasa Prima")), tax=TAX)
    assert rows_of(got, "withheld", "fee", "difference", "remaining", "status") == [
        [withheld, fee, 0.0, 0.0, "matched"]
    ]


# ------------------------------------------------------------------ non-withholders
def test_non_withholder_paying_invoice_less_two_percent_is_not_withholding_but_hinted():
    led = ledger(["CV Bukan Pemotong", "INV-7", "2024-01-05", 30, 11_100_000])
    pays = payments(("P1", 10_900_000, "CV Bukan Pemotong", "INV-7"))
    got = apply_payments(led, pays, tax=TAX)
    old = apply_payments(led, pays)
    assert rows_of(got, *COLS) == rows_of(old, *COLS)
    assert rows_of(got, *COLS)[0] == [
        "P1", "INV-7", 10_900_000.0, 0.0, None, 0.0, 0.0, 200_000.0, "reference", "partial"
    ]  # fmt: skip
    notes = withholding_notes(got, led, TAX)
    assert notes.iloc[0] == (
        "short by 200,000, the PPh 23 on this invoice: if the customer withholds, list it as a "
        "withholder (not applied as withholding)"
    )
    assert notes.iloc[1:].isna().all()
    assert withholding_notes(got, led, None).isna().all()
    listed = tax_rules(withholders={"CV Bukan Pemotong": "PPh 23"})
    assert apply_payments(led, pays, tax=listed)["withheld"].iloc[0] == 200_000.0


def test_without_tax_rules_only_three_columns_are_added():
    assert RESULT_COLUMNS[8:11] == ("withheld", "withholding_type", "fee")
    assert RESULT_COLUMNS[7] == "applied" and RESULT_COLUMNS[11] == "difference"
    led = ledger(
        ["PT Jasa Prima", "INV-001", "2024-01-05", 30, 11_100_000],
        ["CV Toko", "B-1", "2024-01-05", 30, 1_000_000],
    )
    pays = payments(("P1", 10_900_000, "PT Jasa Prima"), ("P2", 997_500, "CV Toko"))
    got = apply_payments(led, pays)
    assert got["withheld"].eq(0.0).all() and got["fee"].eq(0.0).all()
    assert got["withholding_type"].isna().all()
    assert rows_of(got, "invoice", "applied", "remaining", "rule", "status") == [
        ["INV-001", 10_900_000.0, 200_000.0, "fifo", "partial"],
        ["B-1", 997_500.0, 2_500.0, "fifo", "partial"],
        ["B-1", 0.0, 2_500.0, None, "open"],
        ["INV-001", 0.0, 200_000.0, None, "open"],
    ]
    totals = summary(got)
    assert (totals["withheld_amount"], totals["fees_amount"]) == (0.0, 0.0)


def test_reconcile_passes_tax_rules_through():
    led = [HEADER, ["PT Jasa Prima", "INV-001", "2024-01-05", 30, 11_100_000]]
    pays = [
        ["Payment", "Date", "Amount", "Customer"],
        ["P1", "2024-02-01", 10_897_500, "PT Jasa Prima"],
    ]
    got = reconcile(led, pays, tax=TAX)
    assert (got.summary["withheld_amount"], got.summary["fees_amount"]) == (200_000.0, 2_500.0)
    assert got.summary["invoices_closed"] == 1


# ------------------------------------------------------------------ settings
def test_tax_rules_read_rates_as_numbers_or_percent_text():
    rules = tax_rules(ppn_rate=0.11, pph23_rate="2 %", pph22_rate="1,5%", fee_max="7.500")
    assert (rules.ppn_rate, rules.pph23_rate, rules.pph22_rate, rules.fee_max) == (
        0.11, 0.02, 0.015, 7_500.0
    )  # fmt: skip
    with pytest.raises(OptionError, match=r"^ppn_rate must be a fraction below 1 or a percentage"):
        tax_rules(ppn_rate="abc")
    with pytest.raises(OptionError, match=r"^fee_max must be an amount of 0 or more, not -1$"):
        tax_rules(fee_max=-1)
    with pytest.raises(OptionError, match="withholding 'PPh 21' is not PPh 23"):
        tax_rules(withholders={"PT A": "PPh 21"})
    with pytest.raises(OptionError, match="^tax must be tax rules"):
        apply_payments(ledger(["A", "1", "2024-01-05", 30, 5]), payments(("P", 5, "A")), tax="x")


def test_withholding_types_and_master_column():
    assert parse_withholding_types("PPh23 + WAPU") == ("wapu", "pph23")
    assert parse_withholding_types("Pemungut PPN, PPh Pasal 22") == ("wapu", "pph22")
    master = [["Pelanggan", "Potong Pajak", "Wilayah"], ["PT Jasa Prima", "PPh 23", "Jawa"],
              ["Dinas PU", "WAPU", "Bali"], ["CV Toko", "Tidak", "Bali"]]  # fmt: skip
    assert withholders_from_master(master) == {"PT Jasa Prima": ("pph23",), "Dinas PU": ("wapu",)}
    assert tax_rules(withholders=master).withholders == withholders_from_master(master)
    with pytest.raises(XlArError, match="^customer master: no withholding column"):
        withholders_from_master([["Customer", "Region"], ["A", "B"]])


def test_withholders_are_matched_by_the_one_customer_identity_rule():
    led = ledger(["P.T. Jasa Prima Tbk", "INV-001", "2024-01-05", 30, 11_100_000])
    got = apply_payments(led, payments(("P1", 10_900_000, "pt jasa prima tbk")),
                         tax=tax_rules(withholders={"PT JASA PRIMA TBK": "pph23"}))  # fmt: skip
    assert got["withheld"].iloc[0] == 200_000.0


# ------------------------------------------------------------------ identities (property)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example([(0, 1_000 * 11_100, "pph23", 9_000, True), (2, 300 * 11_100, "wapu", 0, False)])
@example([(0, 11_100, "pph23", 336, True)])  # 112 short beyond the PPh 23: above 1 %, no fee
@example([(0, 11_100, "pph23", 333, True)])  # 111 short: exactly 1 %, a fee
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),  # customer
            st.integers(1, 5_000).map(lambda v: v * 11_100),  # amount
            st.sampled_from(["gross", "pph23", "pph22", "wapu", "fee", "random"]),
            st.integers(0, 12_000),  # fee
            st.booleans(),  # memo
        ),
        min_size=1,
        max_size=12,
    )
)
def test_identities_hold_with_tax_rules(items):
    customers = ["PT A", "PT B", "Dinas C", "CV D"]
    rules = tax_rules(withholders={"PT A": "PPh 23", "PT B": "pph22", "Dinas C": "WAPU + PPh 22"})
    rows = [[customers[c], f"F-{n}", "2024-01-05", 30, amount]
            for n, (c, amount, *_rest) in enumerate(items)]  # fmt: skip
    led = ledger(*rows)
    taxes = invoice_taxes(led, rules)
    pays = []
    for n, (c, amount, how, fee, memo) in enumerate(items):
        base = taxes["tax_base"].iloc[n]
        net = {
            "gross": amount, "pph23": amount - round(base * 0.02),
            "pph22": amount - round(base * 0.015), "wapu": base - round(base * 0.015),
            "fee": amount - fee, "random": max(1, amount - fee * 37),
        }[how]  # fmt: skip
        pays.append((f"P{n}", max(1, net - (fee if how != "fee" else 0) // 3),
                     customers[(c + n) % 4 if how == "random" else c], f"F-{n}" if memo else None))  # fmt: skip
    got = apply_payments(led, payments(*pays), tax=rules)
    cents = {c: np.rint(got[c].fillna(0).to_numpy() * 100).astype(np.int64) for c in
             ("open_amount", "applied", "withheld", "fee", "difference", "remaining",
              "payment_amount")}  # fmt: skip
    on_item = got["status"].ne("open").to_numpy() & got["invoice"].notna().to_numpy()
    on_item &= ~got["status"].isin(["unapplied", "unmatched"]).to_numpy()
    lhs = cents["open_amount"] - cents["applied"] - cents["withheld"] - cents["fee"]
    assert (lhs - cents["difference"] == cents["remaining"])[on_item].all()
    assert (cents["withheld"] >= 0).all() and (cents["fee"] >= 0).all()
    assert (cents["fee"] <= 1_000_000).all()
    # per receipt: applied + remainder = the payment
    paid = got[got["payment"].notna()]
    for pay, part in paid.groupby("payment"):
        rest = part["status"].isin(["unapplied", "unmatched"])
        total = np.rint(part.loc[~rest, "applied"].sum() * 100) + np.rint(
            part.loc[rest, "remaining"].sum() * 100
        )
        assert total == np.rint(part["payment_amount"].iloc[0] * 100), pay
    # per item: applications + still open = the ledger balance
    key = got["invoice"].astype(object)
    for number, balance in zip(led["invoice"], led["balance"], strict=True):
        part = got[key.eq(number).to_numpy()]
        applied = part[part["status"].ne("open")]
        moved = (applied[["applied", "withheld", "fee", "difference"]].sum().sum()
                 + part.loc[part["status"].eq("open"), "remaining"].sum())  # fmt: skip
        assert round(moved, 2) == balance
    assert summary(got)["withheld_amount"] == round(got["withheld"].sum(), 2)
    # a PPh 23 withholder naming its invoice and paying it net, less a fee within the rules
    # (at most fee_max and 1 % of the invoice: a larger shortfall is no fee), is settled
    for n, (c, amount, how, fee, memo) in enumerate(items):
        if c == 0 and how == "pph23" and memo and fee // 3 <= amount // 100:
            row = got[got["payment"].eq(f"P{n}").to_numpy()].iloc[0]
            expected = round(taxes["tax_base"].iloc[n] * 0.02)
            assert (row["invoice"], row["status"], row["rule"]) == (
                f"F-{n}",
                "matched",
                "reference",
            )
            assert row["withheld"] in (expected, np.floor(taxes["tax_base"].iloc[n] * 0.02))


def test_a_fee_beside_a_tax_with_cents_leaves_the_tax_in_whole_rupiah():
    """PPh 23 of 2 % of a DPP of 22,810,270.27 is 456,205.41: the buyer withholds 456,205 and
    deducts a 2,500 fee — never recorded as 456,205.41 withheld and a 2,499.59 fee."""
    from xl_ar.core import reconcile, tax_rules

    ledger = [["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
              ["PT A", "INV-1", "2024-11-01", 30, 25_319_400]]  # fmt: skip
    rules = tax_rules(withholders={"PT A": "PPh 23"})
    cases = {
        25_319_400 - 456_205 - 2_500: (456_205.0, 2_500.0),
        25_319_400 - 456_205 - 6_500: (456_205.0, 6_500.0),
        25_319_400 - 456_205: (456_205.0, 0.0),
        25_319_400 - 2_500: (0.0, 2_500.0),
    }
    for paid, (withheld, fee) in cases.items():
        pays = [["Payment", "Date", "Amount", "Customer"], ["P", "2024-12-01", paid, "PT A"]]
        row = reconcile(ledger, pays, tax=rules).table.iloc[0]
        assert (row["applied"], row["withheld"], row["fee"], row["remaining"]) == (
            paid, withheld, fee, 0.0
        ), paid  # fmt: skip


def test_records_and_journal_split_a_wapu_buyers_taxes_by_the_invoices_own_dpp_and_ppn():
    """The ledger says DPP 10,000,000 and PPN 1,200,000 (12 %); the rules' default rate is 11 %.
    A WAPU buyer withholding PPN and PPh 22 pays 9,850,000: the tax-withheld list and the
    journal both say PPN 1,200,000 + PPh 22 150,000 on a base of 10,000,000 (worked back from
    the rates they would say 1,188,000 + 162,000 on 10,800,000)."""
    from xl_ar.core import journal_lines, reconcile, tax_rules

    ledger = [["Customer", "Invoice", "Invoice Date", "Terms", "DPP", "PPN", "Amount"],
              ["Dinas PU", "INV-7", "2024-11-01", 30, 10_000_000, 1_200_000, 11_200_000]]  # fmt: skip
    pays = [["Payment", "Date", "Amount", "Customer", "Memo"],
            ["SP2D-1", "2024-12-01", 9_850_000, "Dinas PU", "INV-7"]]  # fmt: skip
    got = reconcile(ledger, pays, tax=tax_rules(withholders={"Dinas PU": "WAPU + PPh 22"}))
    row = got.table.iloc[0]
    assert (row["applied"], row["withheld"], row["withholding_type"], row["remaining"]) == (
        9_850_000.0, 1_350_000.0, "PPN WAPU + PPh 22", 0.0
    )  # fmt: skip
    records = got.withholding[["type", "base", "amount"]].to_numpy().tolist()
    assert records == [["PPN WAPU", 10_000_000.0, 1_200_000.0], ["PPh 22", 10_000_000.0, 150_000.0]]
    lines = journal_lines(got.table, withholding=got.withholding)
    assert lines[["role", "debit", "credit"]].to_numpy().tolist() == [
        ["bank", 9_850_000.0, 0.0],
        ["pph22", 150_000.0, 0.0],
        ["ppn", 1_200_000.0, 0.0],
        ["ar", 0.0, 11_200_000.0],
    ]


def test_the_2025_rule_is_a_setting_of_xl_ar_conf():
    """12 % PPN on a DPP of 11/12 of the price: ``TarifPPN 12%`` + ``FaktorDPP 11/12``."""
    from xl_ar.core import read_posting_settings, tax_rules
    from xl_ar.errors import OptionError

    settings = read_posting_settings([["TarifPPN", "12%"], ["FaktorDPP", "11/12"]])
    rules = tax_rules(**settings.tax_options())
    assert round(rules.effective_ppn_rate, 10) == 0.11
    assert round(settings.journal_options()["ppn_rate"], 10) == 0.11
    with pytest.raises(OptionError, match="dpp_factor must be"):
        read_posting_settings([["DPPFactor", "12"]])


def test_the_default_fee_ceiling_is_rupiah_only():
    """Rp 10,000 is a rupiah figure: on a USD ledger a payment 5,000 short is no 'fee'."""
    from xl_ar.core import reconcile, tax_rules

    def row(currency: str, **rules):
        ledger = [["Customer", "Invoice", "Invoice Date", "Terms", "Currency", "Amount"],
                  ["PT A", "INV-1", "2024-11-01", 30, currency, 1_000_000]]  # fmt: skip
        pays = [["Payment", "Date", "Amount", "Customer"], ["P", "2024-12-01", 995_000, "PT A"]]
        table = reconcile(ledger, pays, tax=tax_rules(**rules)).table
        return table.iloc[0][["applied", "fee", "remaining", "status"]].tolist()

    assert row("IDR") == [995_000.0, 5_000.0, 0.0, "matched"]
    assert row("USD") == [995_000.0, 0.0, 5_000.0, "partial"]
    assert row("USD", fee_max=5_000) == [995_000.0, 5_000.0, 0.0, "matched"]


def test_the_fee_share_is_a_setting_of_xl_ar_conf():
    from xl_ar.core import read_posting_settings, tax_rules
    from xl_ar.errors import OptionError

    settings = read_posting_settings([["BiayaTransferPersen", "2%"], ["TransferFeeMax", 30_000]])
    rules = tax_rules(**settings.tax_options())
    assert (rules.fee_share, rules.fee_max) == (0.02, 30_000.0)
    with pytest.raises(OptionError, match=r"^TransferFeeShare must be a fraction below 1"):
        read_posting_settings([["TransferFeeShare", "5"]])
