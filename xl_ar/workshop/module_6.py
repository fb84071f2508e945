"""Workshop module 6: internal controls, a SMART action plan with its business case, reviews.

Sheets (Indonesian / English names):

* **Petunjuk / Instructions** — the cover;
* **Kontrol Internal / Internal Controls** — a checklist of 17 AR controls in ten areas
  (segregation of duties … access to the AR system) with an example company's statuses
  (Ya/Sebagian/Tidak), the score per control (Yes = 1, Partly = 0.5, No = 0) and native
  COUNTIF/SUMIF compliance formulas per area and in total;
* **Rencana Aksi / Action Plan** — a SMART action-plan template (3 filled examples, empty rows)
  and a business case from the shared ledger: simple DSO over the last three months
  (:func:`xl_ar.core.dso.dso`, AR at 31/12/2024 over net credit sales 1/10–31/12/2024 × 92
  days), a target 10 days lower, and the cash a lower DSO releases (reduction × credit sales
  per day);
* **Review Berkala / Periodic Review** — a policy-review calendar (what, how often, who, output);
* **Data** — the shared workshop ledger (the business case's formulas read it).
"""

from __future__ import annotations

import pandas as pd

from xl_ar.core.dso import dso
from xl_ar.workshop.book import Book, Sheet, a1, col_range
from xl_ar.workshop.data import AS_OF, LedgerRefs, core_ledger, write_ledger
from xl_ar.workshop.layout import (
    ask,
    exercise_header,
    formula_rows,
    label_values,
    new_book,
    paragraph,
    tall_rows,
    titled_sheet,
)

__all__ = ["CONTROLS", "DSO_PERIOD_START", "DSO_REDUCTION", "STATUSES", "build"]

Text = tuple[str, str]

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
    "credits": ("Nota kredit & write-off", "Credit notes & write-off"),
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
     ("Sistem memblokir pesanan di atas batas kredit atau dengan tunggakan > 60 hari; "
      "pengecualian disetujui Manajer Kredit",
      "The system blocks orders over the credit limit or with items > 60 days overdue; "
      "overrides approved by the credit manager"),
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
     ("Harian", "Daily"), ("Supervisor Penagihan", "Billing supervisor"), "yes"),
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
     ("Cadangan kerugian piutang (ECL, PSAK 109) dihitung dan direview setiap kuartal",
      "The loss allowance (ECL, PSAK 109) is computed and reviewed every quarter"),
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
    (("Cadangan kerugian piutang (ECL, PSAK 109)", "Loss allowance (ECL, PSAK 109)"),
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
            "Sebagian = 0,5, Tidak = 0. Ganti status dengan kondisi perusahaan Anda untuk "
            "menilai diri sendiri.",
            "An example company: each control's status is Yes / Partly / No. Score: Yes = 1, "
            "Partly = 0.5, No = 0. Replace the statuses with your own company's to assess "
            "yourself.",
        ),
    )
    header = [t(("No", "No")), t(("Area", "Area")), t(("Kontrol", "Control")),
              t(("Risiko yang dicegah", "Risk addressed")), t(("Frekuensi", "Frequency")),
              t(("Pemilik", "Owner")), t(("Status", "Status")), t(("Skor", "Score"))]  # fmt: skip
    sh.row((3, 0), header, "header")
    first = 4
    yes, partly, no = (t(STATUSES[k][0]) for k in ("yes", "partly", "no"))
    scores = []
    for i, (area, control, risk, freq, owner, status) in enumerate(CONTROLS):
        r = first + i
        values = [i + 1, t(AREAS[area]), t(control), t(risk), t(freq), t(owner),
                  t(STATUSES[status][0])]  # fmt: skip
        sh.row((r, 0), values, ["int", "wrap", "wrap", "wrap", "wrap", "wrap", "bold"])
        score = STATUSES[status][1]
        scores.append(score)
        sh.formula(
            (r, 7), f'=IF({a1(r, 6)}="{yes}",1,IF({a1(r, 6)}="{partly}",0.5,0))',
            expected=score, style="number",
        )  # fmt: skip
        sh.row_heights[r] = 45.0
    last = first + len(CONTROLS) - 1
    status_col = col_range(None, 6, first, last)
    area_col = col_range(None, 1, first, last)
    score_col = col_range(None, 7, first, last)
    n = len(CONTROLS)
    count = {k: sum(1 for c in CONTROLS if c[5] == k) for k in STATUSES}
    # totals
    top = last + 2
    sh.write((top, 1), t(("Ringkasan", "Summary")), "h1")
    summary = [
        (("Jumlah kontrol", "Number of controls"), f"=COUNTA({status_col})", float(n)),
        ((f"Status \"{yes}\"", f"Status \"{yes}\""), f'=COUNTIF({status_col},"{yes}")',
         float(count["yes"])),
        ((f"Status \"{partly}\"", f"Status \"{partly}\""), f'=COUNTIF({status_col},"{partly}")',
         float(count["partly"])),
        (("Skor total (Ya = 1, Sebagian = 0,5)", "Total score (Yes = 1, Partly = 0.5)"),
         f"={a1(top + 2, 3)}+0.5*{a1(top + 3, 3)}", count["yes"] + 0.5 * count["partly"]),
    ]  # fmt: skip
    rows = [(*row, "number" if k == len(summary) - 1 else "int") for k, row in enumerate(summary)]
    formula_rows(sh, top + 1, rows, label=(1, 2), at=3)
    # per area
    top = top + len(summary) + 2
    sh.write((top, 1), t(("Skor per area", "Score by area")), "h1")
    sh.row(
        (top + 1, 1),
        [t(("Area", "Area")), t(("Jumlah kontrol", "Controls")), t(("Skor", "Score")),
         t(("% kepatuhan area", "Area compliance %"))],
        "header",
    )  # fmt: skip
    sh.row_heights[top + 1] = 30.0
    area_score = {}
    for k, key in enumerate(AREAS):
        r = top + 2 + k
        mine = [STATUSES[c[5]][1] for c in CONTROLS if c[0] == key]
        area_score[t(AREAS[key])] = sum(mine) / len(mine)
        sh.write((r, 1), t(AREAS[key]))
        sh.formula(
            (r, 2), f"=COUNTIF({area_col},{a1(r, 1)})", expected=float(len(mine)), style="int"
        )
        sh.formula(
            (r, 3), f"=SUMIF({area_col},{a1(r, 1)},{score_col})", expected=sum(mine), style="number"
        )
        sh.formula((r, 4), f"={a1(r, 3)}/{a1(r, 2)}", expected=sum(mine) / len(mine), style="pct")
    lowest = min(area_score.values())
    worst = [name for name, v in area_score.items() if v == lowest]
    if len(worst) != 1:
        raise ValueError(f"the lowest-scoring area must be unique, got {worst}")
    # exercises
    top = top + 2 + len(AREAS) + 1
    exercise_header(sh, top, (1, 2), 3, (5, 7))
    rows = [
        (("Tingkat kepatuhan keseluruhan (%) = skor total / jumlah kontrol",
          "Overall compliance (%) = total score / number of controls"),
         (count["yes"] + 0.5 * count["partly"]) / n, "pct",
         ("(COUNTIF(G;\"Ya\") + 0,5 × COUNTIF(G;\"Sebagian\")) / COUNTA(G).",
          "(COUNTIF(G,\"Yes\") + 0.5 × COUNTIF(G,\"Partly\")) / COUNTA(G).")),
        (("Jumlah kontrol yang belum ada (status Tidak)", "Number of controls missing (status No)"),
         count["no"], "count",
         ("COUNTIF pada kolom Status.", "COUNTIF on the Status column.")),
        (("Jumlah kontrol yang perlu diperbaiki (Sebagian + Tidak)",
          "Number of controls to improve (Partly + No)"),
         count["partly"] + count["no"], "count",
         ("Jumlah kontrol − jumlah \"Ya\".", "Number of controls − number of \"Yes\".")),
        (("Area dengan skor kepatuhan terendah", "Area with the lowest compliance score"),
         worst[0], "text",
         ("Lihat tabel Skor per area; ketik nama areanya (boleh INDEX/MATCH(MIN(...))).",
          "See Score by area; type the area's name (INDEX/MATCH(MIN(...)) works).")),
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


def _action_plan(book: Book, sh: Sheet, refs: LedgerRefs) -> None:
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
    header = [t(("No", "No")), t(("Sasaran (spesifik)", "Objective (specific)")),
              t(("Tindakan", "Action")), t(("KPI dan target (terukur)", "KPI and target (measurable)")),
              t(("Penanggung jawab", "Owner")), t(("Tenggat", "Deadline")),
              t(("Sumber daya / dukungan", "Resources / support")), t(("Status", "Status"))]  # fmt: skip
    sh.row((3, 0), header, "header")
    sh.row_heights[3] = 30.0
    now, goal = case["current"], case["target"]
    examples = [
        (("Turunkan DSO dari {now:.0f} menjadi {goal:.0f} hari",
          "Cut DSO from {now:.0f} to {goal:.0f} days"),
         ("Pengingat H-3 untuk faktur ≥ Rp 10 jt; surat otomatis H+1; daftar tagih mingguan",
          "Reminder 3 days before due for invoices ≥ Rp 10 m; automatic letter 1 day after; "
          "weekly worklist"),
         ("DSO sederhana 3 bulan ≤ {goal:.0f} hari per 30/06/2025",
          "Simple 3-month DSO ≤ {goal:.0f} days by 30/06/2025"),
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
        cells = [t(v).format(now=now, goal=goal) if isinstance(v, tuple) else v for v in ex]
        sh.row((r, 0), [i + 1, *cells], styles)
        sh.row_heights[r] = 48.0
    blank = 5
    inputs = ["input_text"] * 4 + ["input_date", "input_text", "input_text"]
    for k in range(blank):
        r = 4 + len(examples) + k
        sh.write((r, 0), len(examples) + k + 1, "int")
        for c, style in enumerate(inputs, start=1):
            sh.write((r, c), None, style)
        sh.row_heights[r] = 30.0
    _business_block(book, sh, refs, case, 4 + len(examples) + blank + 1)


def _business_block(
    book: Book, sh: Sheet, refs: LedgerRefs, case: dict[str, float], top: int
) -> None:
    """The business case of example 1: DSO now, target, cash released (from the ledger)."""
    t = book.t
    sh.write((top, 1), t(("Business case contoh 1: kas yang dilepas", "Business case of example 1: "
                          "cash released")), "h1")  # fmt: skip
    paragraph(
        sh,
        (top + 1, 1),
        7,
        (
            "Metode: DSO sederhana = piutang per 31/12/2024 / penjualan kredit bersih (faktur "
            "− nota kredit) 1/10–31/12/2024 × jumlah hari periode. Target = DSO sekarang − 10 "
            "hari. Kas yang dilepas = penurunan DSO × penjualan kredit per hari.",
            "Method: simple DSO = AR at 31/12/2024 / net credit sales (invoices − credit "
            "notes) 1/10–31/12/2024 × days in the period. Target = current DSO − 10 days. "
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
    days, ar, sales, cut = a1(top + 4, 3), a1(top + 5, 3), a1(top + 6, 3), a1(red, 3)
    ex_top = red + 2
    exercise_header(sh, ex_top, (1, 2), 3, (5, 7))
    exercises = [
        (("DSO sekarang (hari)", "Current DSO (days)"), case["current"], "days",
         (f"= {ar} / {sales} × {days}.", f"= {ar} / {sales} × {days}.")),
        (("DSO target (hari)", "Target DSO (days)"), case["target"], "days",
         (f"DSO sekarang − {cut}.", f"Current DSO − {cut}.")),
        (("Penjualan kredit per hari (Rp)", "Credit sales per day (Rp)"), case["per_day"], "money",
         (f"= {sales} / {days}.", f"= {sales} / {days}.")),
        (("Kas yang dilepas jika target tercapai (Rp)", "Cash released when the target is met (Rp)"),
         case["released"], "money",
         ("(DSO sekarang − DSO target) × penjualan kredit per hari.",
          "(Current DSO − target DSO) × credit sales per day.")),
    ]  # fmt: skip
    for k, (question, answer, kind, hint) in enumerate(exercises, start=1):
        ask(sh, ex_top + k, question, answer, kind, hint, q=(1, 2), at=3, h=(5, 7))
    _add_in_dso(sh, ex_top + len(exercises) + 2, ar, sales, days, case["current"])


def _add_in_dso(sh: Sheet, row: int, ar: str, sales: str, days: str, current: float) -> None:
    """The current DSO with the add-in's ``AR_DSO`` (simple method), to check the answer above.

    No native formula refers to this cell: LibreOffice (and Excel without xl-ar) cannot call it.
    """
    check = (
        ("Cek dengan add-in: DSO sekarang (AR_DSO)", "Check with the add-in: current DSO (AR_DSO)"),
        f"=AR_DSO({ar},{sales},{days})",
        current,
        "days",
    )
    formula_rows(sh, row, [check], label=(1, 2), at=3, label_style="bold")
    paragraph(
        sh,
        (row, 5),
        7,
        (
            "Sama dengan jawaban DSO sekarang di atas (AR_DSO(piutang; penjualan; hari)). Perlu "
            "add-in xl-ar; tanpa add-in sel ini menampilkan #NAME?.",
            "Equals the current DSO answer above (AR_DSO(receivables, sales, days)). Needs the "
            "xl-ar add-in; without it the cell shows #NAME?.",
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
    ['Instructions', 'Internal Controls', 'Action Plan', 'Periodic Review', 'Data']
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
            ("Sesi 6.3: rencana aksi SMART dengan business case dan sumber daya",
             "Session 6.3: a SMART action plan with its business case and resources"),
        ],
        [
            ("Kontrol Internal: hitung skor kepatuhan dan temukan area terlemah.",
             "Internal Controls: compute the compliance score and find the weakest area."),
            ("Rencana Aksi: pelajari contoh SMART, hitung business case DSO, lalu isi rencana "
             "Anda sendiri di baris kuning.",
             "Action Plan: study the SMART examples, compute the DSO business case, then write "
             "your own plan in the yellow rows."),
            ("Review Berkala: sesuaikan kalender review dengan organisasi Anda.",
             "Periodic Review: adapt the review calendar to your organisation."),
            ("Data: buku besar piutang contoh (dipakai business case). Jangan diubah.",
             "Data: the sample AR ledger (used by the business case). Do not change it."),
            ("Skor di sel C6 naik setiap jawaban benar (✓).",
             "The score in C6 goes up with every correct answer (✓)."),
        ],
    )  # fmt: skip
    _controls(book)
    plan = book.sheet(book.t(("Rencana Aksi", "Action Plan")))
    _reviews(book)
    refs = write_ledger(book, book.sheet("Data"))
    _action_plan(book, plan, refs)
    return book
