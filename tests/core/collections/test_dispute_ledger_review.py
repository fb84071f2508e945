"""Issue 16 review, finding 4: the amount tied up in disputes is tied to the ledger. An open
dispute counts at most the open amount of its invoices (a note gives the excess); one on a
customer or invoices the ledger does not hold is listed apart, not in the amount tied up.
The reviewer's sengketa2.csv on the demo ledger at 31/12/2024."""

from __future__ import annotations

from xl_ar.core import dispute_report
from xl_ar.reports.catalog import build_report
from xl_ar.sample_data import make_sample_ledger

AS_OF = "2024-12-31"
HEAD = ["ID Sengketa", "Pelanggan", "Faktur", "Jumlah", "Alasan", "Pemilik", "Dibuka",
        "Diselesaikan", "Hasil"]  # fmt: skip
SENGKETA = [
    HEAD,
    ["D1", "PT Mega Sakti", "INV/2024/11/0080", "24.143.500", "harga", "Rina", "01/12/2024", "",
     ""],
    ["D2", "CV Karya Jaya", "INV/2024/11/0039, INV/2024/11/0081", "54.714.700", "kuantitas",
     "Hendra", "15/12/2024", "", ""],
    ["D3", "Toko Prima Agung", "INV/9999/99", "5.000.000", "faktur pajak", "Rina", "20/11/2024",
     "", ""],
    ["D4", "UD Bintang Agung", "INV/2024/10/0017", "20.459.500", "mutu", "Lina", "01/11/2024",
     "20/12/2024", "kredit nota"],
    ["D5", "PT Anugerah Utama", "INV/2024/11/0011", "52.584.900", "barang tidak diterima", "Budi",
     "10/10/2024", "15/11/2024", "ditolak"],
    ["D6", "PT Tidak Dikenal", "INV/1", "1.000.000", "harga", "Budi", "01/12/2024", "", ""],
    ["D7", "PT Mega Sakti", "INV/2024/11/0114", "28.662.400", "xyz", "Rina", "10/12/2024", "", ""],
]  # fmt: skip
SENGKETA2 = [
    *SENGKETA,
    ["D8", "PT Mega Sakti", "INV/2023/04/0044", "999.999.999", "harga", "Rina", "20/12/2024", "",
     ""],
    ["D9", "PT Mega Sakti", "INV/2024/12/0121", "", "harga", "Rina", "20/12/2024", "", ""],
]  # fmt: skip


def test_disputes_outside_the_ledger_are_not_tied_up():
    got = dispute_report(SENGKETA, make_sample_ledger(), AS_OF)
    assert got.tied_up == 107_520_600.0  # 113,520,600 less D3 (5,000,000) and D6 (1,000,000)
    assert got.open["dispute_id"].tolist() == ["D1", "D7", "D2"]
    assert got.outside[["dispute_id", "amount"]].values.tolist() == [
        ["D3", 5_000_000.0], ["D6", 1_000_000.0]
    ]  # fmt: skip
    assert got.by_age["amount"].tolist() == [107_520_600.0, 0.0, 0.0, 0.0]
    assert got.pareto["amount"].sum() == 180_565_000.0  # D1, D2, D4, D5, D7
    assert got.notes[-1][1] == (
        "Dispute log: 2 open disputes outside the ledger (customer or invoices not in it), "
        "not in the amount tied up: D3, D6"
    )


def test_a_dispute_counts_at_most_its_invoices_open_amount():
    got = dispute_report(SENGKETA2, make_sample_ledger(), AS_OF)
    assert got.tied_up == 225_428_700.0
    amounts = got.open.set_index("dispute_id")["amount"]
    assert (amounts["D8"], amounts["D9"]) == (51_550_600.0, 66_357_500.0)
    assert (
        "Dispute log: disputed amount above its invoices' open amount in the ledger, counted "
        "at the open amount: D8 Rp 999,999,999 → Rp 51,550,600",
    ) == tuple(n[1] for n in got.notes if "above" in n[1])
    assert (
        "Log sengketa: jumlah sengketa di atas sisa tagihan fakturnya di buku piutang, "
        "dihitung sebesar sisa tagihan: D8 Rp 999.999.999 → Rp 51.550.600"
    ) in [n[0] for n in got.notes]


def test_disputes_sheet_summary_lists_the_outside_disputes():
    report = build_report(make_sample_ledger(), AS_OF, reports="disputes", disputes=SENGKETA2)
    sheet = report.sheets[0]
    summary = sheet.tables[0].frame
    assert summary["value"].tolist()[:2] == [5.0, 225_428_700.0]
    assert summary["value"].tolist()[-2:] == [2.0, 6_000_000.0]
    outside = next(t for t in sheet.tables if t.name == "disputes_outside_ledger").frame
    assert outside["dispute_id"].tolist() == ["D3", "D6"]
