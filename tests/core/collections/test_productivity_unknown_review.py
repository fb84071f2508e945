"""Issue 16 review, finding 3: collector productivity leaves the rows of customers the
ledger does not know out of every count, as its note says (the reviewer's log on the demo
ledger: Eko visited 'PT Tidak Dikenal' once)."""

from __future__ import annotations

from xl_ar.core import collector_productivity
from xl_ar.sample_data import make_sample_ledger

# the reviewer's log_penagihan.csv
LOG = [
    ["Tanggal", "Pelanggan", "Faktur", "Tindakan", "Hasil", "Tanggal Janji", "Jumlah Janji",
     "Kolektor", "Tindakan Berikutnya", "Catatan"],
    ["12/11/2024", "P.T. Mega Sakti ", "semua", "surat", "terkirim", "", "", "Dewi",
     "26/11/2024", "pengingat pertama"],
    ["05/12/2024", "CV Karya Jaya", "", "telepon", "diangkat", "", "", "Eko", "10/12/2024", ""],
    ["10/12/2024", "CV. Karya Jaya", "INV/2024/11/0031", "janji", "janji bayar", "28/12/2024",
     "22.698.100", "Eko", "29/12/2024", ""],
    ["01/12/2024", "Toko Prima Agung", "semua", "janji", "janji bayar", "20/12/2024",
     "50.000.000", "Dewi", "21/12/2024", ""],
    ["20/12/2024", "PT Anugerah Utama", "semua", "wa", "dibaca", "", "", "Dewi", "03/01/2025", ""],
    ["15/01/2025", "PT Anugerah Utama", "semua", "telepon", "", "", "", "Dewi", "",
     "setelah tanggal"],
    ["31/12/2024", "UD Bintang Agung", "semua", "email", "terkirim", "", "", "Eko", "",
     "hari yang sama"],
    ["18/12/2024", "PT Tidak Dikenal", "", "kunjungan", "", "", "", "Eko", "", ""],
    ["19/12/2024", "CV Mulia Bangunan", "", "kunjungan", "tidak ada orang", "", "", "Eko",
     "02/01/2025", ""],
    ["20/12/2024", "CV Mulia Bangunan", "", "catatan", "", "", "", "Eko", "", ""],
]  # fmt: skip


def test_unknown_customers_are_in_no_count():
    got = collector_productivity(LOG, make_sample_ledger(), "2024-12-01", "2024-12-31")
    cols = ["collector", "call", "visit", "email", "whatsapp", "promise", "note", "actions",
            "customers", "promises_made", "promises_due", "promises_kept", "collected"]  # fmt: skip
    assert got[cols].values.tolist() == [
        ["Dewi", 0, 0, 0, 1, 1, 0, 2, 2, 1, 1, 0, 33_106_700.0],
        ["Eko", 1, 1, 1, 0, 1, 1, 5, 3, 1, 1, 1, 34_888_200.0],
    ]
    assert got.attrs["notes"][1][1] == (
        "Activity log: 1 row for 1 customer not in the ledger, not counted: 'PT Tidak Dikenal'"
    )


def test_a_collector_with_only_unknown_customers_has_no_row():
    log = [LOG[0], ["18/12/2024", "PT Tidak Dikenal", "", "kunjungan", "", "", "", "Fajar",
                    "", ""], LOG[9]]  # fmt: skip
    got = collector_productivity(log, make_sample_ledger(), "2024-12-01", "2024-12-31")
    assert got[["collector", "visit", "actions", "customers"]].values.tolist() == [["Eko", 1, 1, 1]]
