"""A small ledger with a hand-written Indonesian activity log and dispute log (issue 16).

At 31/12/2024: PT Maju owes F-1 (1,000,000, 61 days past due) and paid F-2 (500,000) on
20/11 as it promised on 15/11; CV Baru promised 1,000,000 by 10/12 and paid 800,000 on 10/12
(a broken promise); UD Sejahtera owes F-4 (300,000, 46 days). The log also holds a row after
the as-of date and a customer the ledger does not know.
"""

from __future__ import annotations

AS_OF = "2024-12-31"

LEDGER = [
    ["Pelanggan", "No Faktur", "Tanggal Faktur", "Jatuh Tempo", "Jumlah", "Dibayar",
     "Tanggal Bayar"],
    ["PT Maju", "F-1", "2024-10-01", "2024-10-31", 1000000, 0, ""],
    ["PT Maju", "F-2", "2024-10-10", "2024-11-09", 500000, 500000, "2024-11-20"],
    ["CV Baru", "F-3", "2024-11-01", "2024-12-01", 2000000, 800000, "2024-12-10"],
    ["UD Sejahtera", "F-4", "2024-10-16", "2024-11-15", 300000, 0, ""],
]  # fmt: skip

LOG = [
    ["Tanggal", "Pelanggan", "Faktur", "Tindakan", "Hasil", "Tanggal Janji", "Jumlah Janji",
     "Kolektor", "Tindakan Berikutnya", "Catatan"],
    ["12/11/2024", "PT Maju", "semua", "surat", "terkirim", "", "", "Rina", "",
     "letter:reminder_1; surat_PT_Maju_2024-11-12.pdf"],
    ["15/11/2024", "PT Maju", "F-2", "janji", "janji transfer", "20/11/2024", "500.000", "Rina",
     "", ""],
    ["26/11/2024", "pt maju", "semua", "email", "terkirim", "", "", "Rina", "05/12/2024",
     "letter:reminder_2; surat_PT_Maju_2024-11-26.pdf"],
    ["02/12/2024", "CV Baru", "", "telepon", "janji bayar", "10/12/2024", "1.000.000", "Budi",
     "", ""],
    ["05/12/2024", "CV Baru", "semua", "kunjungan", "bertemu bagian keuangan", "", "", "Budi",
     "31/12/2024", ""],
    ["01/12/2024", "PT Hantu", "semua", "telepon", "", "", "", "Budi", "", ""],
    ["10/01/2025", "PT Maju", "semua", "telepon", "", "", "", "Rina", "", ""],
]  # fmt: skip

DISPUTES = [
    ["No Sengketa", "Pelanggan", "Faktur", "Jumlah", "Alasan", "Penanggung Jawab", "Dibuka",
     "Selesai", "Hasil"],
    ["S-1", "PT Maju", "F-1", "", "Harga", "Rina", "01/12/2024", "", ""],
    ["S-2", "CV Baru", "F-3", "1.200.000", "Barang tidak diterima", "Budi", "20/11/2024",
     "20/12/2024", "nota kredit"],
    ["S-3", "UD Sejahtera", "F-4, F-99", "", "Faktur pajak salah", "Rina", "15/10/2024", "", ""],
    ["S-4", "PT Maju", "F-2", "500.000", "tagihan dobel", "Rina", "01/11/2024", "05/11/2024",
     "batal"],
    ["S-5", "CV Baru", "F-3", "200.000", "mutu", "Budi", "02/12/2024", "09/12/2024", "ditolak"],
]  # fmt: skip
