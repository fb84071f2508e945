"""The Order-to-Cash sheet: the O2C stages to put in order and the pillars of an AR model."""

from __future__ import annotations

from xl_ar.workshop.book import Book
from xl_ar.workshop.layout import paragraph, titled_sheet
from xl_ar.workshop.module_1.common import T
from xl_ar.workshop.terms import ORDER_HOLD_DPD, STAGES

__all__ = ["O2C_GIVEN", "O2C_SHUFFLE", "O2C_STAGES", "PILLARS", "add_o2c_sheet"]

_ESCALATION: T = STAGES["escalation"][0]

O2C_STAGES: tuple[tuple[T, T, T, T, T], ...] = (
    (
        ("Penerimaan pesanan", "Order entry"),
        ("Sales / Sales Admin", "Sales / Sales Admin"),
        ("PO pelanggan, Sales Order", "Customer PO, sales order"),
        (
            "Harga/termin tidak sesuai kontrak; pelanggan belum terverifikasi",
            "Price or terms differ from the contract; customer not verified",
        ),
        (
            "Master harga & termin terkunci; PO wajib dilampirkan",
            "Locked price and terms master; PO required",
        ),
    ),
    (
        ("Pemeriksaan kredit", "Credit check"),
        ("Credit / Keuangan", "Credit / Finance"),
        ("Formulir aplikasi kredit, batas kredit", "Credit application, credit limit"),
        (
            "Pesanan melebihi batas kredit; pelanggan menunggak tidak diblokir",
            "Order above the credit limit; customer in arrears not blocked",
        ),
        (
            "Blokir pesanan baru otomatis bila limit terlampaui atau ada faktur "
            f"≥ {ORDER_HOLD_DPD} hari lewat jatuh tempo (tahap {_ESCALATION[0]})",
            "New orders blocked automatically when over the limit or an invoice is "
            f"{ORDER_HOLD_DPD} or more days past due (the {_ESCALATION[1]} stage)",
        ),
    ),
    (
        ("Pengiriman", "Delivery"),
        ("Operasional / Gudang / Logistik", "Operations / Warehouse / Logistics"),
        ("Surat jalan, tanda terima barang (POD)", "Delivery note, proof of delivery (POD)"),
        (
            "POD tidak ditandatangani; selisih kuantitas memicu sengketa",
            "Unsigned POD; quantity differences start disputes",
        ),
        (
            "POD bertanda tangan & cap pelanggan sebelum faktur",
            "Signed and stamped POD before invoicing",
        ),
    ),
    (
        ("Penerbitan faktur", "Invoicing"),
        ("Keuangan / Billing", "Finance / Billing"),
        ("Faktur, Faktur Pajak (e-Faktur)", "Invoice, VAT invoice (e-Faktur)"),
        (
            "Faktur terlambat atau salah (tanpa no PO) sehingga jatuh tempo mundur",
            "Late or wrong invoice (no PO number) delays the due date",
        ),
        ("Faktur terbit H+1 setelah pengiriman", "Invoice issued the day after delivery"),
    ),
    (
        ("Penagihan", "Collection"),
        ("Tim penagihan (Collection)", "Collection team"),
        ("Pengingat, laporan saldo, surat tagihan", "Reminders, statement of account, dunning"),
        (
            "Tidak ada tindak lanjut sebelum & sesudah jatuh tempo",
            "No follow-up before and after the due date",
        ),
        (
            "Strategi penagihan berjenjang & Daftar Tagih harian",
            "Tiered strategy and a daily worklist",
        ),
    ),
    (
        ("Penerimaan & alokasi pembayaran", "Cash application"),
        ("Keuangan / Treasury", "Finance / Treasury"),
        ("Mutasi rekening bank, bukti transfer, bukti potong PPh 23", "Bank statement, remittance"),
        (
            "Pembayaran tidak teralokasi atau salah faktur",
            "Unapplied payments or payments applied to the wrong invoice",
        ),
        ("Alokasi harian berdasarkan referensi faktur", "Daily matching by invoice reference"),
    ),
    (
        ("Rekonsiliasi", "Reconciliation"),
        ("Akuntansi", "Accounting"),
        (
            "Buku pembantu vs buku besar, konfirmasi saldo pelanggan",
            "Sub-ledger vs general ledger, customer balance confirmation",
        ),
        (
            "Selisih tidak diselidiki; lapping (penutupan kas dengan kas berikutnya)",
            "Differences not investigated; lapping fraud",
        ),
        (
            "Rekonsiliasi bulanan ditinjau atasan; pemisahan tugas",
            "Monthly reconciliation reviewed; segregation of duties",
        ),
    ),
)
"""The O2C stages in cycle order: stage, department, key document, risk point, control."""

# display order (1-based cycle positions) of the shuffled stage table; hints are given
O2C_SHUFFLE = (5, 3, 7, 1, 6, 2, 4)
O2C_GIVEN = frozenset({1, 7})

PILLARS: tuple[tuple[T, T, T], ...] = (
    (
        ("Kebijakan kredit", "Credit policy"),
        ("Syarat, termin, batas kredit, penilaian 5C", "Terms, limits, 5 C's assessment"),
        ("Modul 2", "Module 2"),
    ),
    (
        ("Proses penagihan", "Collection process"),
        ("Penagihan preventif, berjenjang, sengketa", "Preventive and tiered dunning, disputes"),
        ("Modul 3 & 6", "Modules 3 & 6"),
    ),
    (
        ("Monitoring & pelaporan", "Monitoring & reporting"),
        ("Aging, DSO, CEI, cadangan kerugian", "Aging, DSO, CEI, allowance"),
        ("Modul 4 & 5", "Modules 4 & 5"),
    ),
    (
        ("Teknologi", "Technology"),
        ("Excel, ERP, CRM, otomatisasi pengingat", "Excel, ERP, CRM, automated reminders"),
        ("Modul 5", "Module 5"),
    ),
)


def add_o2c_sheet(book: Book) -> None:
    """The shuffled O2C stages to put in order, then the pillars of an AR model."""
    t = book.t
    sh = titled_sheet(
        book,
        ("Siklus O2C", "O2C Cycle"),
        ("Siklus Order-to-Cash (O2C)", "The Order-to-Cash (O2C) cycle"),
        widths=[6, 33, 24, 32, 40, 40, 13, 5],
        intro=(
            "Tahap-tahap di bawah sengaja diacak. Ketik urutan setiap tahap dalam siklus "
            "(1 = pertama, 7 = terakhir) di sel kuning kolom G; dua tahap sudah diisi.",
            "The stages below are shuffled. Type each stage's position in the cycle "
            "(1 = first, 7 = last) in the yellow cells of column G; two are filled in.",
        ),
        last_col=6,
    )
    header = [
        t(("Kode", "Code")),
        t(("Tahap", "Stage")),
        t(("Fungsi / departemen", "Department")),
        t(("Dokumen kunci", "Key document")),
        t(("Titik rawan (risiko)", "Risk point")),
        t(("Kontrol kunci", "Key control")),
        t(("Urutan (1-7)", "Position (1-7)")),
        "✓",
    ]
    sh.row((3, 0), header, "header")
    for i, position in enumerate(O2C_SHUFFLE):
        r = 4 + i
        stage = O2C_STAGES[position - 1]
        sh.write((r, 0), chr(ord("A") + i), "bold")
        sh.row((r, 1), [t(part) for part in stage], ["bold", "wrap", "wrap", "wrap", "wrap"])
        if position in O2C_GIVEN:
            sh.write((r, 6), position, "int")
        else:
            sh.exercise(
                (r, 6),
                position,
                kind="count",
                question=t(
                    (
                        f"Urutan tahap '{stage[0][0]}' dalam siklus O2C",
                        f"Position of the stage '{stage[0][1]}' in the O2C cycle",
                    )
                ),
            )
    row = 4 + len(O2C_SHUFFLE) + 1
    sh.write(
        (row, 0),
        t(("Pilar model manajemen piutang", "Pillars of an AR management model")),
        "h1",
    )
    sh.row(
        (row + 1, 1),
        [t(("Pilar", "Pillar")), t(("Isi", "Content")), t(("Dibahas di", "Covered in"))],
        "header",
    )
    for i, (pillar, content, where) in enumerate(PILLARS):
        sh.row((row + 2 + i, 1), [t(pillar), t(content), t(where)], ["bold", "wrap", "text"])
    row += 2 + len(PILLARS) + 1
    paragraph(
        sh,
        (row, 1),
        5,
        (
            "Integrasi lintas fungsi: Sales, Operasional, Keuangan dan Legal berbagi satu "
            "data pelanggan dan satu kalender penagihan; setiap titik rawan di atas "
            "membutuhkan pemilik yang jelas.",
            "Cross-functional integration: Sales, Operations, Finance and Legal share one "
            "customer record and one collection calendar; every risk point above needs a "
            "clear owner.",
        ),
    )
