"""Workshop module 6: internal controls, a SMART action plan with its business case, reviews.

Sheets (Indonesian / English names):

* **Petunjuk / Instructions** — the cover;
* **Kontrol Internal / Internal Controls** — a checklist of 17 AR controls in ten areas
  (segregation of duties … access to the AR system) with an example company's statuses
  (Ya/Sebagian/Tidak) and the score per control (Yes = 1, Partly = 0.5, No = 0); a working
  table by area (the first area worked) and exercises that need COUNTIF/SUMIF (no total on
  the sheet gives an answer away);
* **Rencana Aksi / Action Plan** — a SMART action-plan template (3 filled examples that state
  the target as a reduction, not the answer; empty rows) and a business case from the shared
  ledger: simple DSO over the last three months (:func:`xl_ar.core.metrics.dso.dso`, AR at 31/12/2024
  over net credit sales 1/10–31/12/2024 × 92 days), a target 10 days lower, and the cash a
  lower DSO releases (reduction × credit sales per day);
* **Review Berkala / Periodic Review** — a policy-review calendar (what, how often, who, output);
* **Data** — the shared workshop ledger (the business case's formulas read it);
* **Cek dengan xl-ar / Check with xl-ar** — last: ``AR_DSO`` on the business case's inputs,
  which reproduces the current-DSO answer (open it after finishing).
"""

from __future__ import annotations

import pandas as pd

from xl_ar.core import dso
from xl_ar.workshop.book import Book, Sheet, a1, col_range, sheet_ref
from xl_ar.workshop.data import AS_OF, LedgerRefs, core_ledger, write_ledger
from xl_ar.workshop.layout import (
    ask,
    autofit_book,
    exercise_header,
    formula_rows,
    grow_row,
    header_row,
    label_values,
    new_book,
    paragraph,
    tall_rows,
    titled_sheet,
)
from xl_ar.workshop.terms import ALLOWANCE, CHECK_SHEET, ORDER_HOLD_DPD, STAGES

__all__ = ["AREA_TARGET", "CONTROLS", "DSO_PERIOD_START", "DSO_REDUCTION", "STATUSES", "build"]

Text = tuple[str, str]

"""Height of row 1 (a 16-point title), so the row-2 note does not overlap it."""
AREA_TARGET = 0.6
"""Compliance below this share marks an area for the action plan (an exercise counts them)."""
ESCALATION = STAGES["escalation"][0]
"""Name of the strategy stage from which new orders are held (:data:`ORDER_HOLD_DPD`)."""

STATUSES: dict[str, tuple[Text, float]] = {
    "yes": (("Ya", "Yes"), 1.0),
    "partly": (("Sebagian", "Partly"), 0.5),
    "no": (("Tidak", "No"), 0.0),
}
"""Status of a control: its label and its compliance score."""

AREAS: dict[str, Text] = {
    "sod": ("Pemisahan tugas", "Segregation of duties"),
    "credit": ("Persetujuan kredit", "Credit approval"),
    "invoicing": ("Penerbitan faktur", "Invoicing"),
    "cash": ("Aplikasi kas", "Cash application"),
    "credits": ("Nota kredit & penghapusan piutang", "Credit notes & write-offs"),
    "recon": ("Rekonsiliasi", "Reconciliation"),
    "master": ("Perubahan data induk", "Master-data changes"),
    "dispute": ("Penanganan sengketa", "Dispute handling"),
    "review": ("Review kebijakan berkala", "Periodic policy review"),
    "access": ("Akses sistem AR", "AR system access"),
}

CONTROLS: tuple[tuple[str, Text, Text, Text, Text, str], ...] = (
    ("sod",
     ("Petugas pencatat penerimaan kas tidak membuat faktur dan tidak menyetujui nota kredit",
      "Staff who record cash receipts neither issue invoices nor approve credit notes"),
     ("Kas digelapkan lalu ditutupi dengan nota kredit atau lapping",
      "Cash stolen and hidden by credit notes or lapping"),
     ("Terus-menerus", "Ongoing"), ("Manajer Keuangan", "Finance manager"), "partly"),
    ("sod",
     ("Pelanggan membayar hanya ke rekening bank perusahaan; kolektor tidak memegang uang tunai",
      "Customers pay only into the company's bank account; collectors never hold cash"),
     ("Kolektor menyimpan pembayaran pelanggan", "A collector pockets customer payments"),
     ("Terus-menerus", "Ongoing"), ("Manajer Keuangan", "Finance manager"), "yes"),
    ("credit",
     ("Pelanggan baru mengisi formulir aplikasi kredit dan dinilai (5C) sebelum diberi termin",
      "New customers complete a credit application and a 5C assessment before getting terms"),
     ("Menjual kredit kepada pelanggan yang lemah atau tidak dikenal",
      "Selling on credit to weak or unknown customers"),
     ("Setiap pelanggan baru", "Each new customer"), ("Manajer Kredit", "Credit manager"), "yes"),
    ("credit",
     (f"Sistem memblokir pesanan di atas batas kredit atau dengan tunggakan {ORDER_HOLD_DPD} hari "
      f"atau lebih (tahap {ESCALATION[0]}); pengecualian disetujui Manajer Kredit",
      f"The system blocks orders over the credit limit or with items {ORDER_HOLD_DPD} or more days "
      f"past due (the {ESCALATION[1]} stage); overrides approved by the credit manager"),
     ("Eksposur melebihi batas yang disetujui", "Exposure above the approved limit"),
     ("Setiap pesanan", "Each order"), ("Manajer Kredit", "Credit manager"), "partly"),
    ("credit",
     ("Batas kredit ditinjau ulang minimal setahun sekali dengan data terbaru",
      "Credit limits reviewed at least once a year with current data"),
     ("Batas kredit usang untuk pelanggan yang memburuk",
      "Stale limits for customers whose credit has worsened"),
     ("Tahunan", "Yearly"), ("Manajer Kredit", "Credit manager"), "partly"),
    ("invoicing",
     ("Faktur dibuat dari surat jalan yang ditandatangani pelanggan, maks. 1 hari kerja setelah "
      "pengiriman",
      "Invoices issued from delivery notes signed by the customer within 1 working day"),
     ("Faktur terlambat atau hilang; sengketa karena bukti kirim tidak ada",
      "Late or missing invoices; disputes for lack of proof of delivery"),
     ("Harian", "Daily"), ("Supervisor Billing", "Billing supervisor"), "yes"),
    ("invoicing",
     ("Nomor faktur berurutan dan diperiksa celahnya setiap bulan",
      "Invoice numbers are sequential and checked for gaps every month"),
     ("Penjualan tidak tercatat", "Unrecorded sales"),
     ("Bulanan", "Monthly"), ("Akuntansi", "Accounting"), "yes"),
    ("cash",
     ("Penerimaan bank dialokasikan ke faktur setiap hari; dana tak teridentifikasi selesai "
      "≤ 5 hari kerja",
      "Bank receipts applied to invoices daily; unidentified cash cleared within 5 working days"),
     ("Salah alokasi atau kas tak teralokasi; pelanggan yang sudah bayar ditagih",
      "Misapplied or unapplied cash; customers who paid get chased"),
     ("Harian", "Daily"), ("Staf AR", "AR staff"), "partly"),
    ("credits",
     ("Nota kredit di atas Rp 5 jt disetujui Manajer Keuangan dengan dokumen pendukung",
      "Credit notes above Rp 5 m approved by the finance manager with supporting documents"),
     ("Nota kredit fiktif untuk menutupi kecurangan", "Fictitious credit notes hiding fraud"),
     ("Setiap nota kredit", "Each credit note"), ("Manajer Keuangan", "Finance manager"), "yes"),
    ("credits",
     ("Penghapusan piutang disetujui sesuai matriks kewenangan dan dibebankan ke cadangan",
      "Write-offs approved under the authority matrix and charged to the allowance"),
     ("Penghapusan tidak sah menyembunyikan kecurangan",
      "Unauthorised write-offs hiding fraud"),
     ("Setiap penghapusan", "Each write-off"), ("Direktur Keuangan", "Finance director"), "yes"),
    ("recon",
     ("Buku pembantu piutang direkonsiliasi ke buku besar setiap bulan dan ditandatangani "
      "reviewer",
      "The AR sub-ledger is reconciled to the general ledger monthly and signed by a reviewer"),
     ("Salah saji saldo piutang di laporan keuangan",
      "Misstated receivables in the financial statements"),
     ("Bulanan", "Monthly"), ("Kepala Akuntansi", "Chief accountant"), "yes"),
    ("recon",
     ("Konfirmasi saldo dikirim ke pelanggan besar setiap kuartal; selisih ditindaklanjuti",
      "Balance confirmations sent to major customers quarterly; differences followed up"),
     ("Kesalahan atau kecurangan tidak terdeteksi", "Errors or fraud go undetected"),
     ("Kuartalan", "Quarterly"), ("Supervisor AR", "AR supervisor"), "no"),
    ("master",
     ("Perubahan data induk pelanggan (termin, batas, rekening) dilakukan petugas terpisah dan "
      "direview dari log perubahan",
      "Changes to customer master data (terms, limit, bank details) made by separate staff and "
      "reviewed from the change log"),
     ("Termin atau batas kredit diubah tanpa otorisasi",
      "Terms or credit limits changed without authorisation"),
     ("Bulanan", "Monthly"), ("Audit Internal", "Internal audit"), "no"),
    ("dispute",
     ("Setiap sengketa dicatat di log (tanggal, alasan, PIC) dan diselesaikan ≤ 30 hari",
      "Every dispute is logged (date, reason, owner) and resolved within 30 days"),
     ("Sengketa menua dan kas tertunda; pelanggan kecewa",
      "Disputes age and cash is delayed; customers are annoyed"),
     ("Mingguan", "Weekly"), ("Supervisor AR", "AR supervisor"), "partly"),
    ("review",
     ("Kebijakan kredit & penagihan ditinjau dan disahkan Direksi setiap tahun",
      "The credit & collections policy is reviewed and approved by the board every year"),
     ("Kebijakan tidak sesuai kondisi bisnis", "The policy no longer fits the business"),
     ("Tahunan", "Yearly"), ("Direktur Keuangan", "Finance director"), "no"),
    ("review",
     (f"{ALLOWANCE[0]} dihitung dan direview setiap kuartal",
      f"The {ALLOWANCE[1][0].lower()}{ALLOWANCE[1][1:]} is computed and reviewed every quarter"),
     ("Laba dan piutang disajikan terlalu tinggi", "Profit and receivables overstated"),
     ("Kuartalan", "Quarterly"), ("Kepala Akuntansi", "Chief accountant"), "yes"),
    ("access",
     ("Hak akses sistem AR sesuai jabatan, direview tiap semester; akun karyawan keluar "
      "langsung dinonaktifkan",
      "AR system access by role, reviewed every half-year; leavers' accounts disabled at once"),
     ("Transaksi tidak sah oleh pengguna tanpa wewenang",
      "Unauthorised entries by users without authority"),
     ("Semesteran", "Half-yearly"), ("IT + Manajer Keuangan", "IT + finance manager"), "partly"),
)  # fmt: skip
"""The checklist: area, control, risk addressed, frequency, owner, example status."""

DSO_PERIOD_START = pd.Timestamp("2024-10-01")
"""First day of the business case's DSO period (the last three months up to AS_OF)."""
DSO_REDUCTION = 10.0
"""The action plan's DSO reduction target, in days."""

REVIEWS: tuple[tuple[Text, Text, Text, Text], ...] = (
    (("Kebijakan kredit & penagihan (termin, batas, strategi berjenjang)",
      "Credit & collections policy (terms, limits, tiered strategy)"),
     ("Tahunan", "Yearly"), ("Direktur Keuangan + Manajer Kredit", "Finance director + credit manager"),
     ("Kebijakan baru disahkan Direksi", "New policy approved by the board")),
    (("Batas kredit pelanggan (credit review)", "Customer credit limits (credit review)"),
     ("Tahunan; pelanggan berisiko tiap kuartal", "Yearly; risky customers quarterly"),
     ("Manajer Kredit", "Credit manager"), ("Daftar batas kredit baru", "Updated credit-limit list")),
    (("Strategi penagihan (tahap, hari, jumlah minimal, bunga)",
      "Collection strategy (stages, days, minimum amounts, interest)"),
     ("Semesteran", "Half-yearly"), ("Manajer AR", "AR manager"),
     ("Tabel strategi terbaru", "Updated strategy table")),
    (("Templat surat penagihan", "Dunning-letter templates"), ("Tahunan", "Yearly"),
     ("Manajer AR + Legal", "AR manager + legal"), ("Templat disetujui Legal", "Templates approved by legal")),
    (("Laporan aging, DSO, CEI dan daftar tagih", "Aging report, DSO, CEI and worklist"),
     ("Bulanan", "Monthly"), ("Manajer Keuangan", "Finance manager"),
     ("Dashboard KPI dan catatan rapat", "KPI dashboard and meeting notes")),
    (ALLOWANCE,
     ("Kuartalan", "Quarterly"), ("Kepala Akuntansi", "Chief accountant"),
     ("Jurnal penyesuaian dan memo", "Adjusting entry and memo")),
    (("Rekonsiliasi buku pembantu piutang ke buku besar", "AR sub-ledger to general-ledger reconciliation"),
     ("Bulanan", "Monthly"), ("Kepala Akuntansi", "Chief accountant"),
     ("Rekonsiliasi bertanda tangan", "Signed reconciliation")),
    (("Konfirmasi saldo pelanggan", "Customer balance confirmations"),
     ("Kuartalan (pelanggan besar)", "Quarterly (major customers)"), ("Supervisor AR", "AR supervisor"),
     ("Daftar selisih dan tindak lanjut", "List of differences and follow-up")),
    (("Hak akses sistem AR", "AR system access rights"), ("Semesteran", "Half-yearly"),
     ("IT + Manajer Keuangan", "IT + finance manager"), ("Daftar akses yang direview", "Reviewed access list")),
    (("Checklist kontrol internal (sheet Kontrol Internal)", "Internal-control checklist (Internal Controls sheet)"),
     ("Semesteran", "Half-yearly"), ("Audit Internal", "Internal audit"),
     ("Skor kepatuhan dan temuan", "Compliance score and findings")),
    (("Status rencana aksi", "Action-plan status"), ("Bulanan", "Monthly"),
     ("Manajer Keuangan", "Finance manager"), ("Rencana aksi terbaru", "Updated action plan")),
    (("Keluhan pelanggan terkait penagihan", "Customer complaints about collections"),
     ("Kuartalan", "Quarterly"), ("Manajer AR + Sales", "AR manager + sales"),
     ("Daftar keluhan dan perbaikan", "Complaints log and fixes")),
)  # fmt: skip


# --------------------------------------------------------------------------- sheets


def _controls(book: Book) -> None:
    t = book.t
    sh = titled_sheet(
        book,
        ("Kontrol Internal", "Internal Controls"),
        ("Checklist Kontrol Internal Piutang", "AR Internal-Control Checklist"),
        widths=[5, 26, 48, 36, 14, 20, 11, 8],
        intro=(
            "Contoh perusahaan: status tiap kontrol diisi Ya / Sebagian / Tidak. Skor: Ya = 1, "
            "Sebagian = 0,5, Tidak = 0 (kolom Skor). Ganti status dengan kondisi perusahaan Anda "
            "untuk menilai diri sendiri.",
            "An example company: each control's status is Yes / Partly / No. Score: Yes = 1, "
            "Partly = 0.5, No = 0 (Score column). Replace the statuses with your own company's "
            "to assess yourself.",
        ),
    )
    header = [("No", "No"), ("Area", "Area"), ("Kontrol", "Control"),
              ("Risiko yang dicegah", "Risk addressed"), ("Frekuensi", "Frequency"),
              ("Pemilik", "Owner"), ("Status", "Status"), ("Skor", "Score")]  # fmt: skip
    header_row(sh, (3, 0), header)
    first = 4
    yes, partly = t(STATUSES["yes"][0]), t(STATUSES["partly"][0])
    for i, (area, control, risk, freq, owner, status) in enumerate(CONTROLS):
        r = first + i
        values = [i + 1, t(AREAS[area]), t(control), t(risk), t(freq), t(owner),
                  t(STATUSES[status][0])]  # fmt: skip
        sh.row((r, 0), values, ["int", "wrap", "wrap", "wrap", "wrap", "wrap", "bold"])
        sh.formula(
            (r, 7), f'=IF({a1(r, 6)}="{yes}",1,IF({a1(r, 6)}="{partly}",0.5,0))',
            expected=STATUSES[status][1], style="number",
        )  # fmt: skip
    last = first + len(CONTROLS) - 1
    top = _area_worksheet(book, sh, first, last)
    _control_exercises(book, sh, top, first, last)


def _area_scores() -> dict[str, tuple[int, float]]:
    """Area key → (number of controls, total score) of the example company."""
    out: dict[str, tuple[int, float]] = {}
    for key in AREAS:
        mine = [STATUSES[c[5]][1] for c in CONTROLS if c[0] == key]
        out[key] = (len(mine), sum(mine))
    return out


def _area_worksheet(book: Book, sh: Sheet, first: int, last: int) -> int:
    """A per-area working table (not scored): the first area worked, the others left empty.

    Returns the row below it.
    """
    t = book.t
    top = last + 2
    sh.write((top, 1), t(("Tabel kerja per area (tidak dinilai)", "Working table by area (not scored)")), "h1")  # fmt: skip
    paragraph(
        sh,
        (top + 1, 1),
        7,
        (
            "Baris pertama sudah berisi rumus contoh; salin ke bawah untuk area lain, lalu jawab "
            "latihan di bawah.",
            "The first row holds worked formulas; copy them down for the other areas, then answer "
            "the exercises below.",
        ),
    )
    header_row(sh, (top + 2, 1), [("Area", "Area"), ("Jumlah kontrol", "Controls"),
                                  ("Skor", "Score"), ("% kepatuhan", "Compliance %")])  # fmt: skip
    area_col = col_range(None, 1, first, last)
    score_col = col_range(None, 7, first, last)
    scores = _area_scores()
    for k, key in enumerate(AREAS):
        r = top + 3 + k
        sh.write((r, 1), t(AREAS[key]))
        if k:
            continue
        n, score = scores[key]
        sh.formula((r, 2), f"=COUNTIF({area_col},{a1(r, 1)})", expected=float(n), style="int")
        sh.formula(
            (r, 3), f"=SUMIF({area_col},{a1(r, 1)},{score_col})", expected=score, style="number"
        )
        sh.formula((r, 4), f"={a1(r, 3)}/{a1(r, 2)}", expected=score / n, style="pct")
    return top + 3 + len(AREAS) + 1


def _control_exercises(book: Book, sh: Sheet, top: int, first: int, last: int) -> None:
    """Compliance exercises: each needs a COUNTIF/SUMIF, none is a total shown on the sheet."""
    t = book.t
    scores = _area_scores()
    n = len(CONTROLS)
    overall = sum(score for _, score in scores.values()) / n
    missing = sum(1 for c in CONTROLS if c[5] == "no")
    by_area = {key: score / count for key, (count, score) in scores.items()}
    below = sum(1 for v in by_area.values() if v < AREA_TARGET)
    lowest = min(by_area.values())
    worst = [key for key, v in by_area.items() if v == lowest]
    if len(worst) != 1:
        raise ValueError(f"the lowest-scoring area must be unique, got {worst}")
    credit = t(AREAS["credit"])
    rows_g, rows_h, rows_b = (col_range(None, c, first, last).replace("$", "") for c in (6, 7, 1))
    no = t(STATUSES["no"][0])
    target = f"{AREA_TARGET:.0%}"
    exercise_header(sh, top, (1, 2), 3, (5, 7))
    rows = [
        (("Tingkat kepatuhan keseluruhan (%) = total skor / jumlah kontrol",
          "Overall compliance (%) = total score / number of controls"),
         overall, "pct",
         (f"SUM({rows_h}) / COUNTA({rows_g}).", f"SUM({rows_h}) / COUNTA({rows_g}).")),
        (("Jumlah kontrol yang belum ada (status Tidak)", "Number of controls missing (status No)"),
         missing, "count",
         (f'COUNTIF({rows_g};"{no}").', f'COUNTIF({rows_g},"{no}").')),
        ((f"Tingkat kepatuhan area {credit} (%)", f"Compliance of the {credit} area (%)"),
         by_area["credit"], "pct",
         (f'SUMIF({rows_b};"{credit}";{rows_h}) / COUNTIF({rows_b};"{credit}").',
          f'SUMIF({rows_b},"{credit}",{rows_h}) / COUNTIF({rows_b},"{credit}").')),
        ((f"Jumlah area dengan kepatuhan di bawah {target}",
          f"Number of areas with compliance below {target}"),
         below, "count",
         (f'Lengkapi tabel kerja per area, lalu COUNTIF(kolom %;"<{target}").',
          f'Complete the working table, then COUNTIF(% column,"<{target}").')),
        (("Area dengan tingkat kepatuhan terendah", "Area with the lowest compliance"),
         t(AREAS[worst[0]]), "text",
         ("Dari tabel kerja: INDEX(area;MATCH(MIN(%);%;0)); ketik nama areanya.",
          "From the working table: INDEX(area,MATCH(MIN(%),%,0)); type the area's name.")),
    ]  # fmt: skip
    for k, (question, answer, kind, hint) in enumerate(rows, start=1):
        ask(sh, top + k, question, answer, kind, hint, q=(1, 2), at=3, h=(5, 7))


def _business_case() -> dict[str, float]:
    """Current DSO (simple, last three months), target, credit sales per day, cash released."""
    led = core_ledger()
    period = (led["invoice_date"] >= DSO_PERIOD_START) & (led["invoice_date"] <= AS_OF)
    sales = float(led.loc[period, "amount"].sum())
    receivables = float(led["balance"].sum())
    days = float((AS_OF - DSO_PERIOD_START).days + 1)
    current = dso(receivables, sales, days, method="simple")
    target = current - DSO_REDUCTION
    per_day = sales / days
    return {
        "sales": sales,
        "receivables": receivables,
        "days": days,
        "current": current,
        "target": target,
        "per_day": per_day,
        "released": (current - target) * per_day,
    }


def _action_plan(book: Book, sh: Sheet, refs: LedgerRefs) -> dict[str, str]:
    """The SMART template and the business case; returns the business case's input cells."""
    t = book.t
    case = _business_case()
    sh.width(0, [5, 30, 36, 30, 18, 13, 28, 13])
    sh.write("A1", t(("Rencana Aksi SMART", "SMART Action Plan")), "title")
    paragraph(
        sh,
        "A2",
        7,
        (
            "SMART = Spesifik, Terukur (KPI dan target), Dapat dicapai, Relevan, Berbatas "
            "waktu. Tiga baris pertama adalah contoh; isi baris kuning dengan rencana Anda.",
            "SMART = Specific, Measurable (KPI and target), Achievable, Relevant, Time-bound. "
            "The first three rows are examples; fill the yellow rows with your own plan.",
        ),
    )
    header = [("No", "No"), ("Sasaran (spesifik)", "Objective (specific)"), ("Tindakan", "Action"),
              ("KPI dan target (terukur)", "KPI and target (measurable)"),
              ("Penanggung jawab", "Owner"), ("Tenggat", "Deadline"),
              ("Sumber daya / dukungan", "Resources / support"), ("Status", "Status")]  # fmt: skip
    header_row(sh, (3, 0), header)
    cut = f"{DSO_REDUCTION:.0f}"
    examples = [
        ((f"Turunkan DSO sebesar {cut} hari", f"Cut DSO by {cut} days"),
         ("Pengingat H-3 untuk faktur ≥ Rp 10 jt; surat otomatis H+1; daftar tagih mingguan",
          "Reminder 3 days before due for invoices ≥ Rp 10 m; automatic letter 1 day after; "
          "weekly worklist"),
         (f"DSO sederhana 3 bulan turun {cut} hari dari angka 31/12/2024 (hitung di analisis "
          "manfaat di bawah) per 30/06/2025",
          f"Simple 3-month DSO {cut} days below its 31/12/2024 level (compute it in the "
          "business case below) by 30/06/2025"),
         ("Manajer AR", "AR manager"), pd.Timestamp("2025-06-30"),
         ("Add-in xl-ar, templat surat, 1 staf penagihan", "xl-ar add-in, letter templates, "
          "1 collector"), ("Berjalan", "In progress")),
        (("Selesaikan sengketa lebih cepat", "Resolve disputes faster"),
         ("Log sengketa (tanggal, alasan, PIC) dan rapat mingguan Sales–Keuangan",
          "Dispute log (date, reason, owner) and a weekly sales–finance meeting"),
         ("Tidak ada sengketa > 30 hari", "No dispute older than 30 days"),
         ("Supervisor AR + Manajer Sales", "AR supervisor + sales manager"),
         pd.Timestamp("2025-03-31"),
         ("Formulir log sengketa; rapat 30 menit/minggu", "Dispute log form; 30-minute weekly "
          "meeting"), ("Belum mulai", "Not started")),
        (("Perkuat kontrol perubahan data induk pelanggan", "Tighten control over customer "
          "master-data changes"),
         ("Pisahkan petugas perubahan data induk; review log perubahan tiap bulan",
          "Separate the staff who change master data; review the change log monthly"),
         ("100% perubahan termin/batas kredit disetujui; skor area = 100%",
          "100% of term/limit changes approved; area score = 100%"),
         ("Manajer Keuangan + IT", "Finance manager + IT"), pd.Timestamp("2025-02-28"),
         ("Hak akses ERP, laporan log perubahan", "ERP access rights, change-log report"),
         ("Belum mulai", "Not started")),
    ]  # fmt: skip
    styles = ["int", "wrap", "wrap", "wrap", "wrap", "date", "wrap", "wrap"]
    for i, ex in enumerate(examples):
        r = 4 + i
        sh.row((r, 0), [i + 1, *(t(v) if isinstance(v, tuple) else v for v in ex)], styles)
    blank = 5
    inputs = ["input_text"] * 4 + ["input_date", "input_text", "input_text"]
    for k in range(blank):
        r = 4 + len(examples) + k
        sh.write((r, 0), len(examples) + k + 1, "int")
        for c, style in enumerate(inputs, start=1):
            sh.write((r, c), None, style)
        grow_row(sh, r, 30.0)
    return _business_block(book, sh, refs, case, 4 + len(examples) + blank + 1)


def _business_block(
    book: Book, sh: Sheet, refs: LedgerRefs, case: dict[str, float], top: int
) -> dict[str, str]:
    """The business case of example 1: DSO now, target, cash released (from the ledger).

    Returns the cells of the inputs (``ar``, ``sales``, ``days``) for the add-in check sheet.
    """
    t = book.t
    sh.write((top, 1), t(("Analisis manfaat (business case) contoh 1: kas yang dilepas",
                          "Business case of example 1: cash released")), "h1")  # fmt: skip
    cut = f"{DSO_REDUCTION:.0f}"
    paragraph(
        sh,
        (top + 1, 1),
        7,
        (
            "Metode: DSO sederhana = piutang per 31/12/2024 / penjualan kredit bersih (faktur "
            f"− nota kredit) 1/10–31/12/2024 × jumlah hari periode. Target = DSO sekarang − {cut} "
            "hari. Kas yang dilepas = penurunan DSO × penjualan kredit per hari.",
            "Method: simple DSO = AR at 31/12/2024 / net credit sales (invoices − credit "
            f"notes) 1/10–31/12/2024 × days in the period. Target = current DSO − {cut} days. "
            "Cash released = DSO reduction × credit sales per day.",
        ),
    )
    start, end = a1(top + 2, 3), a1(top + 3, 3)
    label_values(sh, top + 2, [(("Awal periode", "Period start"), DSO_PERIOD_START, "date")],
                 label=(1, 2))  # fmt: skip
    rows = [
        (("Akhir periode (tanggal data)", "Period end (data date)"), "=" + refs.as_of_cell,
         AS_OF, "date"),
        (("Jumlah hari periode", "Days in the period"), f"={end}-{start}+1", case["days"], "int"),
        (("Piutang per akhir periode (Rp)", "AR at the period end (Rp)"),
         f"=SUM({refs.col('balance')})", case["receivables"], "money"),
        (("Penjualan kredit bersih periode (Rp)", "Net credit sales of the period (Rp)"),
         f'=SUMIFS({refs.col("amount")},{refs.col("invoice_date")},">="&{start},'
         f'{refs.col("invoice_date")},"<="&{end})', case["sales"], "money"),
    ]  # fmt: skip
    formula_rows(sh, top + 3, rows, label=(1, 2), at=3)
    red = top + 3 + len(rows)
    label_values(sh, red, [(("Target penurunan DSO (hari)", "DSO reduction target (days)"),
                            DSO_REDUCTION, "int")], label=(1, 2))  # fmt: skip
    days, ar, sales, cut_cell = a1(top + 4, 3), a1(top + 5, 3), a1(top + 6, 3), a1(red, 3)
    ex_top = red + 2
    exercise_header(sh, ex_top, (1, 2), 3, (5, 7))
    exercises = [
        (("DSO sekarang (hari)", "Current DSO (days)"), case["current"], "days",
         ("Metode di atas; pakai sel piutang, penjualan kredit bersih dan jumlah hari.",
          "The method above; use the AR, net credit sales and days cells.")),
        (("DSO target (hari)", "Target DSO (days)"), case["target"], "days",
         (f"DSO sekarang − {cut_cell}.", f"Current DSO − {cut_cell}.")),
        (("Penjualan kredit per hari (Rp)", "Credit sales per day (Rp)"), case["per_day"], "money",
         ("Pakai sel penjualan kredit bersih dan jumlah hari periode.",
          "Use the net credit sales and days-in-the-period cells.")),
        (("Kas yang dilepas jika target tercapai (Rp)", "Cash released when the target is met (Rp)"),
         case["released"], "money",
         ("(DSO sekarang − DSO target) × penjualan kredit per hari.",
          "(Current DSO − target DSO) × credit sales per day.")),
    ]  # fmt: skip
    for k, (question, answer, kind, hint) in enumerate(exercises, start=1):
        ask(sh, ex_top + k, question, answer, kind, hint, q=(1, 2), at=3, h=(5, 7))
    after = ex_top + len(exercises) + 2
    paragraph(
        sh,
        (after, 1),
        7,
        (
            f"Setelah selesai: buka sheet terakhir '{CHECK_SHEET[0]}' untuk membandingkan DSO "
            "Anda dengan add-in xl-ar.",
            f"When you have finished: open the last sheet '{CHECK_SHEET[1]}' to compare your "
            "DSO with the xl-ar add-in.",
        ),
    )
    return {"ar": ar, "sales": sales, "days": days}


def _check_sheet(book: Book, plan: Sheet, cells: dict[str, str]) -> None:
    """The last sheet: ``AR_DSO`` on the business case's inputs (the current DSO answer).

    No native formula refers to it: LibreOffice (and Excel without xl-ar) cannot call it.
    """
    sh = titled_sheet(
        book,
        CHECK_SHEET,
        ("Cek dengan add-in xl-ar", "Check with the xl-ar add-in"),
        widths=[52, 16, 60],
        intro=(
            "Buka sheet ini setelah Anda selesai mengerjakan latihan. Sel AR_* dihitung oleh "
            "add-in xl-ar dan harus sama dengan jawaban Anda; tanpa add-in sel itu menampilkan "
            "#NAME?.",
            "Open this sheet after you have finished the exercises. AR_* cells are computed by "
            "the xl-ar add-in and must equal your answers; without the add-in they show #NAME?.",
        ),
    )
    ar, sales, days = (sheet_ref(plan.name, cells[k]) for k in ("ar", "sales", "days"))
    check = (
        (f"{plan.name}: DSO sekarang (AR_DSO)", f"{plan.name}: current DSO (AR_DSO)"),
        f"=AR_DSO({ar},{sales},{days})",
        _business_case()["current"],
        "days",
    )
    header_row(sh, (3, 0), [("Latihan", "Exercise"), ("Add-in", "Add-in"),
                            ("Keterangan", "Note")])  # fmt: skip
    formula_rows(sh, 4, [check], label_style="wrap")
    paragraph(
        sh,
        (4, 2),
        2,
        (
            "AR_DSO(piutang; penjualan; hari): DSO sederhana dari sel analisis manfaat.",
            "AR_DSO(receivables, sales, days): simple DSO from the business-case cells.",
        ),
    )


def _reviews(book: Book) -> None:
    t = book.t
    sh = titled_sheet(
        book,
        ("Review Berkala", "Periodic Review"),
        ("Kalender Review Kebijakan & Prosedur Piutang", "AR Policy & Procedure Review Calendar"),
        widths=[5, 48, 26, 32, 36],
        intro=(
            "Apa yang ditinjau, seberapa sering, oleh siapa, dan bukti hasilnya. Sesuaikan "
            "dengan struktur organisasi Anda.",
            "What is reviewed, how often, by whom, and the evidence it leaves. Adapt it to "
            "your organisation.",
        ),
    )
    header = [t(("No", "No")), t(("Yang ditinjau", "What")), t(("Seberapa sering", "How often")),
              t(("Oleh siapa", "Who")), t(("Hasil / bukti", "Output / evidence"))]  # fmt: skip
    rows = [[i + 1, *(t(v) for v in rec)] for i, rec in enumerate(REVIEWS)]
    first, last = sh.table((3, 0), header, rows, ["int", "wrap", "wrap", "wrap", "wrap"])
    tall_rows(sh, range(first, last + 1))


# --------------------------------------------------------------------------- the book


def build(lang: str) -> Book:
    """Build the module 6 workbook in ``lang`` (``"id"`` or ``"en"``).

    Examples
    --------
    >>> [s.name for s in build("en").sheets]
    ['Instructions', 'Internal Controls', 'Action Plan', 'Periodic Review', 'Data', \
'Check with xl-ar']
    """
    heading = (
        "Modul 6 — Optimalisasi Model & Peningkatan Berkelanjutan",
        "Module 6 — Control & Action Plan",
    )
    book = new_book(
        "module_6",
        lang,
        heading,
        [
            ("Sesi 6.1: menjaga hubungan pelanggan; penanganan keluhan dan sengketa",
             "Session 6.1: keeping customer relationships; handling complaints and disputes"),
            ("Sesi 6.2: kontrol internal piutang dan review kebijakan berkala",
             "Session 6.2: AR internal controls and periodic policy review"),
            ("Sesi 6.3: rencana aksi SMART dengan analisis manfaat (business case) dan "
             "sumber daya",
             "Session 6.3: a SMART action plan with its business case and resources"),
        ],
        [
            ("Kontrol Internal: hitung tingkat kepatuhan (keseluruhan dan per area) dan temukan "
             "area terlemah.",
             "Internal Controls: compute the compliance (overall and by area) and find the "
             "weakest area."),
            ("Rencana Aksi: pelajari contoh SMART, hitung DSO di analisis manfaat (business "
             "case), lalu isi rencana Anda sendiri di baris kuning.",
             "Action Plan: study the SMART examples, compute the DSO business case, then write "
             "your own plan in the yellow rows."),
            ("Review Berkala: sesuaikan kalender review dengan organisasi Anda.",
             "Periodic Review: adapt the review calendar to your organisation."),
            ("Data: buku besar piutang contoh (dipakai analisis manfaat). Jangan diubah.",
             "Data: the sample AR ledger (used by the business case). Do not change it."),
            (f"{CHECK_SHEET[0]}: buka terakhir, setelah semua latihan selesai (perlu add-in xl-ar).",
             f"{CHECK_SHEET[1]}: open it last, after all the exercises (needs the xl-ar add-in)."),
            ("Skor di sel C6 naik setiap jawaban benar (✓).",
             "The score in C6 goes up with every correct answer (✓)."),
        ],
    )  # fmt: skip
    _controls(book)
    plan = book.sheet(book.t(("Rencana Aksi", "Action Plan")))
    _reviews(book)
    refs = write_ledger(book, book.sheet("Data"))
    cells = _action_plan(book, plan, refs)
    _check_sheet(book, plan, cells)
    autofit_book(book)
    return book
