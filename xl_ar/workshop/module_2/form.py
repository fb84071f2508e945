"""The credit application form: a template with the agreement's key clauses (no checks)."""

from __future__ import annotations

from xl_ar.workshop.book import Book, Sheet, a1, pick
from xl_ar.workshop.data import COMPANY
from xl_ar.workshop.layout import header_row, paragraph, titled_sheet
from xl_ar.workshop.module_2.common import T
from xl_ar.workshop.terms import ORDER_HOLD_DPD

__all__ = [
    "CLAUSES",
    "FORM_COMPANY",
    "FORM_DOCUMENTS",
    "FORM_INTERNAL",
    "FORM_REQUEST",
    "add_form_sheet",
]


def _field_rows(sh: Sheet, row: int, labels: list[T], lang: str, style: str = "input_text") -> int:
    for i, label in enumerate(labels):
        r = row + i
        sh.write((r, 1), pick(label, lang))
        sh.merge(f"C{r + 1}:F{r + 1}", None, style)
    return row + len(labels)


def _grid(sh: Sheet, row: int, header: list[str], n: int) -> int:
    sh.row((row, 1), header, "header")
    for r in range(row + 1, row + 1 + n):
        for c in range(1, 1 + len(header)):
            sh.write((r, c), None, "input_text")
    return row + 1 + n


FORM_COMPANY: tuple[T, ...] = (
    ("Nama perusahaan", "Company name"),
    ("Bentuk badan usaha (PT/CV/UD/perorangan)", "Legal form (PT/CV/UD/sole trader)"),
    ("Alamat kantor", "Office address"),
    ("Alamat pengiriman", "Delivery address"),
    ("NPWP perusahaan", "Tax ID (NPWP)"),
    ("NIB (OSS)", "Business ID (NIB)"),
    ("Tahun berdiri", "Year established"),
    ("Bidang usaha", "Line of business"),
    ("Nama pemilik / direktur", "Owner / director"),
    ("Kontak keuangan (nama, jabatan)", "Finance contact (name, title)"),
    ("Telepon / WhatsApp", "Phone / WhatsApp"),
    ("Email penerima faktur", "Invoice e-mail"),
)
FORM_DOCUMENTS: tuple[T, ...] = (
    ("Akta pendirian & perubahan terakhir", "Deed of establishment & latest amendment"),
    ("SK Kemenkumham", "Ministry of Law approval (SK Kemenkumham)"),
    ("NIB / izin usaha (OSS)", "Business ID / licence (OSS)"),
    ("NPWP perusahaan & SPPKP", "Company tax ID & VAT registration (SPPKP)"),
    ("KTP & NPWP direktur / pemilik", "Director's / owner's ID card & tax ID"),
    ("Laporan keuangan 2 tahun (audit bila ada)", "Financial statements, 2 years (audited)"),
    ("Rekening koran 3 bulan terakhir", "Bank statements, last 3 months"),
    ("Foto tempat usaha / gudang", "Photos of the premises / warehouse"),
)
FORM_REQUEST: tuple[T, ...] = (
    ("Limit kredit yang diajukan (Rp)", "Credit limit requested (Rp)"),
    ("Termin yang diajukan (hari)", "Payment terms requested (days)"),
    ("Perkiraan pembelian per bulan (Rp)", "Expected monthly purchases (Rp)"),
    ("Jaminan yang ditawarkan (jenis)", "Security offered (type)"),
    ("Nilai jaminan (Rp)", "Value of the security (Rp)"),
    ("Cara pembayaran (transfer / giro / VA)", "Payment method (transfer / giro / VA)"),
)
FORM_INTERNAL: tuple[T, ...] = (
    ("Sales pengusul", "Proposing salesperson"),
    ("Skor 5C & peringkat (credit analyst)", "5 C's score & grade (credit analyst)"),
    ("Limit direkomendasikan (Rp)", "Recommended limit (Rp)"),
    ("Limit & termin disetujui", "Approved limit & terms"),
    ("Disetujui oleh (Credit Manager / Dir. Keuangan)", "Approved by (credit manager / CFO)"),
    ("Tanggal persetujuan & tanggal tinjauan berikutnya", "Approval date & next review date"),
)
CLAUSES: tuple[tuple[T, T], ...] = (
    (
        ("Retensi hak milik", "Retention of title"),
        (
            "Barang tetap milik penjual sampai dibayar lunas.",
            "Goods remain the seller's property until paid in full.",
        ),
    ),
    (
        ("Bunga keterlambatan & biaya penagihan", "Late interest & collection costs"),
        (
            "Bunga per tahun atas tunggakan dan biaya penagihan ditanggung pembeli.",
            "Annual interest on overdue amounts; collection costs borne by the buyer.",
        ),
    ),
    (
        ("Hak menghentikan pengiriman", "Right to stop deliveries"),
        (
            f"Pengiriman ditahan bila ada faktur ≥ {ORDER_HOLD_DPD} hari lewat jatuh tempo "
            "atau limit terlampaui.",
            f"Deliveries are held when an invoice is {ORDER_HOLD_DPD} or more days past due or "
            "the limit is exceeded.",
        ),
    ),
    (
        ("Batas waktu keberatan", "Dispute window"),
        (
            "Keberatan atas barang/faktur diajukan paling lambat 7 hari setelah diterima.",
            "Claims on goods or invoices within 7 days of receipt.",
        ),
    ),
    (
        ("Perubahan limit", "Limit changes"),
        (
            "Penjual dapat meninjau dan mengubah limit & termin sewaktu-waktu.",
            "The seller may review and change the limit and terms at any time.",
        ),
    ),
    (
        ("Jaminan pribadi", "Personal guarantee"),
        (
            "Pemilik/direktur menjamin secara pribadi kewajiban perusahaan (bila disyaratkan).",
            "The owner/director personally guarantees the company's debts (when required).",
        ),
    ),
    (
        ("Domisili hukum", "Jurisdiction"),
        (
            "Sengketa diselesaikan musyawarah, lalu di pengadilan negeri yang disepakati.",
            "Disputes settled amicably first, then in the agreed district court.",
        ),
    ),
)


def add_form_sheet(book: Book) -> None:
    """The credit application form template (sections A-H, no answer checks)."""
    t, lang = book.t, book.lang
    sh = titled_sheet(
        book,
        ("Formulir Aplikasi", "Application Form"),
        ("Formulir Aplikasi Kredit Pelanggan", "Customer Credit Application"),
        widths=[3, 50, 22, 22, 22, 22],
        col=1,
    )
    sh.write("B2", COMPANY, "bold")
    paragraph(
        sh,
        "B3",
        5,
        (
            "Template: bagian A-F diisi calon pelanggan, bagian G oleh tim kredit. Sel kuning "
            "= isian (tanpa cek jawaban).",
            "Template: sections A-F are filled in by the applicant, section G by the credit "
            "team. Yellow cells = fields (no answer checks).",
        ),
    )
    row = 4
    sh.write((row, 1), t(("A. Data perusahaan", "A. Company details")), "h1")
    row = _field_rows(sh, row + 1, list(FORM_COMPANY), lang) + 1
    sh.write((row, 1), t(("B. Dokumen legal (checklist)", "B. Legal documents (checklist)")), "h1")
    header_row(
        sh,
        (row + 1, 1),
        [("Dokumen", "Document"), ("Dilampirkan (Ya/Tidak)", "Attached (Yes/No)"),
         ("Keterangan", "Notes")],
    )  # fmt: skip
    for i, doc in enumerate(FORM_DOCUMENTS):
        r = row + 2 + i
        sh.write((r, 1), t(doc))
        sh.write((r, 2), None, "input_text")
        sh.merge(f"D{r + 1}:F{r + 1}", None, "input_text")
    row += 2 + len(FORM_DOCUMENTS) + 1
    sh.write((row, 1), t(("C. Referensi bank & pemasok", "C. Bank & supplier references")), "h1")
    row = _grid(
        sh,
        row + 1,
        [
            t(("Bank", "Bank")),
            t(("Cabang", "Branch")),
            t(("No. rekening", "Account no.")),
            t(("Nasabah sejak", "Customer since")),
            t(("Fasilitas kredit", "Credit facility")),
        ],
        2,
    )
    row = _grid(
        sh,
        row + 1,
        [
            t(("Pemasok", "Supplier")),
            t(("Kontak & telepon", "Contact & phone")),
            t(("Limit kredit (Rp)", "Credit limit (Rp)")),
            t(("Termin (hari)", "Terms (days)")),
            t(("Pengalaman bayar", "Payment record")),
        ],
        3,
    )
    row += 1
    sh.write(
        (row, 1), t(("D. Data keuangan tahun terakhir (Rp)", "D. Latest financials (Rp)")), "h1"
    )
    labels = [
        ("Penjualan tahunan", "Annual sales"),
        ("Laba bersih", "Net profit"),
        ("Total aset", "Total assets"),
        ("Aset lancar", "Current assets"),
        ("Utang lancar", "Current liabilities"),
        ("Total ekuitas", "Total equity"),
        ("Aset tak berwujud", "Intangible assets"),
    ]
    first = row + 1
    for i, label in enumerate(labels):
        sh.write((first + i, 1), t(label))
        sh.write((first + i, 2), None, "input_rp")
    cell = {
        k: a1(first + i, 2) for i, k in enumerate(("sales", "np", "ta", "ca", "cl", "eq", "ia"))
    }
    derived = [
        (("Modal kerja = aset lancar - utang lancar", "Working capital = current assets - current liabilities"), "ca", "cl"),
        (("Ekuitas bersih berwujud = ekuitas - aset tak berwujud", "Tangible net worth = equity - intangibles"), "eq", "ia"),
    ]  # fmt: skip
    for i, (label, plus, minus) in enumerate(derived):
        r = first + len(labels) + i
        sh.write((r, 1), t(label), "wrap")
        x, y = cell[plus], cell[minus]
        sh.formula((r, 2), f'=IF(OR({x}="",{y}=""),"-",{x}-{y})', expected="-", style="money")
    row = first + len(labels) + len(derived) + 1
    sh.write((row, 1), t(("E. Permohonan kredit", "E. Credit request")), "h1")
    row = _field_rows(sh, row + 1, list(FORM_REQUEST), lang) + 1
    sh.write((row, 1), t(("F. Pernyataan & tanda tangan", "F. Declaration & signature")), "h1")
    sh.merge(
        f"B{row + 2}:F{row + 4}",
        t(
            (
                "Kami menyatakan data di atas benar, memberi kuasa kepada "
                f"{COMPANY} untuk memeriksa referensi bank/pemasok dan SLIK OJK, serta "
                "menyetujui syarat & ketentuan penjualan kredit (termasuk klausul di bagian H).",
                "We declare the information above is true, authorise "
                f"{COMPANY} to check our bank and supplier references and credit bureau "
                "records, and accept the credit terms and conditions (including the clauses in "
                "section H).",
            )
        ),
        "wrap",
    )
    row = _field_rows(
        sh,
        row + 5,
        [
            ("Nama & jabatan penandatangan", "Signatory name & title"),
            ("Tanda tangan & cap perusahaan", "Signature & company stamp"),
            ("Tempat, tanggal", "Place, date"),
        ],
        lang,
    )
    row += 1
    sh.write((row, 1), t(("G. Diisi oleh tim kredit", "G. Credit team use only")), "h1")
    row = _field_rows(sh, row + 1, list(FORM_INTERNAL), lang) + 1
    sh.write(
        (row, 1),
        t(("H. Klausul penting perjanjian kredit", "H. Key clauses of the credit agreement")),
        "h1",
    )
    for i, (name, text) in enumerate(CLAUSES):
        r = row + 1 + i
        sh.write((r, 1), t(name), "bold")
        sh.merge(f"C{r + 1}:F{r + 1}", t(text), "wrap")
