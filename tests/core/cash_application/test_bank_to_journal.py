"""Every bank's export, end to end: read, who paid, withholding and fee, giro held, journal.

The same December month in each bank's layout (tests/support/bank_fixtures.py) against one
ledger and customer master: the applications, the PPh 23 withheld and the transfer fee are the
same to the rupiah whichever bank exported the statement, and every voucher balances."""

from __future__ import annotations

import pytest
from bank_fixtures import (
    bca_rows,
    bni_rows,
    bri_rows,
    brimo_rows,
    generic_rows,
    mandiri_rows,
    write_csv,
    write_xlsx,
)

from xl_ar.core import journal_lines, reconcile, tax_rules

LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Terms", "Amount"],
    ["PT Maju Jaya", "INV-2024-0101", "2024-10-20", 30, 17_325_000],
    ["PT Maju Jaya", "INV-2024-0102", "2024-11-02", 30, 7_770_000],
    ["CV Sinar Abadi", "INV-2024-0110", "2024-11-05", 30, 5_550_000],
    ["PT Karya Utama Tbk", "INV-2024-0117", "2024-11-08", 30, 11_100_000],  # DPP 10,000,000
    ["PT Giro Lancar", "INV-2024-0120", "2024-11-10", 30, 3_300_000],
    ["PT Lain Sekali", "INV-2024-0125", "2024-11-12", 30, 2_000_000],
]
MASTER = [
    ["Pelanggan", "Nomor VA", "Pemotongan"],
    ["CV Sinar Abadi", "8808 0012 3456 7890", None],
    ["PT Karya Utama Tbk", None, "PPh 23"],
]
EXPECTED = [  # payment amount, invoice, applied, withheld, fee, status
    (17_325_000.0, "INV-2024-0101", 17_325_000.0, 0.0, 0.0, "matched"),
    (5_550_000.0, "INV-2024-0110", 5_550_000.0, 0.0, 0.0, "matched"),
    # 11,100,000 less PPh 23 of 2 % x 10,000,000 and a Rp 10,000 transfer fee
    (10_890_000.0, "INV-2024-0117", 10_890_000.0, 200_000.0, 10_000.0, "matched"),
    (7_770_000.0, "INV-2024-0102", 7_770_000.0, 0.0, 0.0, "matched"),
    (3_300_000.0, None, 0.0, 0.0, 0.0, "giro_in_hand"),
]
BANKS = {
    "bca": bca_rows, "mandiri": mandiri_rows, "bri": bri_rows, "brimo": brimo_rows,
    "bni": bni_rows, "generic": generic_rows,
}  # fmt: skip


@pytest.mark.parametrize("bank", sorted(BANKS))
@pytest.mark.parametrize("form", ["rows", "csv", "xlsx"])
def test_each_banks_export_applies_to_the_rupiah(bank, form, tmp_path):
    rows = BANKS[bank]()
    source = {
        "rows": lambda: rows,
        "csv": lambda: write_csv(rows, tmp_path / f"{bank}.csv"),
        "xlsx": lambda: write_xlsx(rows, tmp_path / f"{bank}.xlsx"),
    }[form]()
    rules = tax_rules(withholders=MASTER)
    got = reconcile(LEDGER, source, master=MASTER, tax=rules)
    assert got.mode == "bank" and got.statement.bank == ("bri" if bank == "brimo" else bank)
    on_receipts = got.table[got.table["status"].ne("open")]
    shown = on_receipts[["payment_amount", "invoice", "applied", "withheld", "fee", "status"]]
    assert [tuple(None if v != v else v for v in r) for r in shown.itertuples(index=False)] == (
        EXPECTED
    )
    giro = on_receipts[on_receipts["status"].eq("giro_in_hand")]
    assert giro["customer"].tolist() == ["PT Giro Lancar"]
    assert got.table.loc[got.table["withheld"] > 0, "withholding_type"].tolist() == ["PPh 23"]
    s = got.summary
    assert (s["payments_amount"], s["applied_amount"], s["withheld_amount"], s["fees_amount"]) == (
        44_835_000.0, 41_535_000.0, 200_000.0, 10_000.0
    )  # fmt: skip
    assert s["giro_in_hand_amount"] == 3_300_000.0 and s["balance_difference"] == 0.0
    # the reversed transfer of PT Salah Kirim never reaches PT Lain Sekali's 2,000,000
    assert got.table.loc[got.table["invoice"].eq("INV-2024-0125"), "status"].tolist() == ["open"]
    journal = journal_lines(got.table, withholding=got.withholding)
    sums = journal.groupby("voucher")[["debit", "credit"]].sum()
    assert len(sums) == 4 and (sums["debit"] == sums["credit"]).all()
    assert journal.loc[journal["role"].eq("pph23"), "debit"].tolist() == [200_000.0]
    assert journal.loc[journal["role"].eq("bank_charges"), "debit"].tolist() == [10_000.0]


def test_a_receipts_only_export_is_a_generic_statement():
    """Date, description and a credit column (no debit, no amount): a bank's receipts export."""
    from xl_ar.core import detect_bank, read_bank_statement

    rows = [["Tanggal", "Keterangan", "Kredit"],
            ["02/12/2024", "TRSF PT MAJU JAYA", "17,325,000.00"],
            ["03/12/2024", "SETORAN VA 8808 0012 3456 7890", 5_550_000]]  # fmt: skip
    assert detect_bank(rows) == "generic"
    got = read_bank_statement(rows).receipts
    assert got[["date", "amount"]].astype(str).to_numpy().tolist() == [
        ["2024-12-02", "17325000.0"], ["2024-12-03", "5550000.0"]
    ]  # fmt: skip
