"""Module 3's letter templates: every stage's template with readable field markers."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from xl_ar.core import PLACEHOLDERS, load_templates
from xl_ar.workshop.book import Book, Sheet, a1
from xl_ar.workshop.layout import header_row, paragraph, put
from xl_ar.workshop.module_3.context import Text
from xl_ar.workshop.terms import STAGES, stage_name, stage_owner

MARKERS: dict[str, tuple[Text, Text]] = {
    # placeholder: (marker shown in the template, what it becomes)
    "company": (("Nama perusahaan Anda", "Your company"),
                ("Kop surat: nama perusahaan penagih.", "Letterhead: the name of your company.")),
    "as_of": (("Tanggal surat", "Letter date"),
              ("Tanggal data, ditulis lengkap (31 Desember 2024).",
               "The data date in full (31 December 2024).")),
    "customer": (("Nama pelanggan", "Customer name"),
                 ("Nama pelanggan seperti di buku besar.", "The customer as named in the ledger.")),
    "invoice_table": (
        ("Tabel faktur", "Invoice table"),
        ("Faktur tanpa sengketa yang ditagih: nomor, tanggal faktur, jatuh tempo, hari lewat "
         "(atau hari lagi), sisa tagihan, bunga per faktur bila tahap mengenakan bunga, dan "
         "baris Total.",
         "The undisputed invoices chased: number, invoice date, due date, days overdue (or "
         "days to due), outstanding, interest per invoice when the stage charges it, and a "
         "Total line.")),
    "invoice_count": (("Jumlah faktur", "Number of invoices"),
                      ("Banyaknya faktur di tabel.", "How many invoices the table lists.")),
    "total_due": (("Total faktur", "Invoice total"),
                  ("Jumlah sisa faktur di tabel.", "Outstanding total of the table.")),
    "total_overdue": (("Total tunggakan", "Total overdue"),
                      ("Sisa faktur tanpa sengketa yang lewat jatuh tempo.",
                       "Outstanding of the undisputed past-due invoices.")),
    "oldest_due_date": (("Jatuh tempo tertua", "Oldest due date"),
                        ("Jatuh tempo paling awal di tabel.", "Earliest due date in the table.")),
    "pay_by": (("Batas tanggal bayar", "Pay-by date"),
               ("Tanggal surat + 7 hari; surat sebelum jatuh tempo: jatuh tempo terdekat di tabel.",
                "Letter date + 7 days; before the due date: the earliest due date in the table.")),
    "total_payable": (("Jumlah yang harus dibayar", "Amount payable"),
                      ("Total faktur − kredit + bunga + biaya (tidak kurang dari 0).",
                       "Invoice total − credits + interest + fee (never below 0).")),
    "interest": (("Total bunga", "Total interest"),
                 ("Jumlah bunga per faktur (dibulatkan ke Rupiah).",
                  "Sum of the interest per invoice (rounded to the Rupiah).")),
    "fee": (("Biaya penagihan", "Collection fee"),
            ("Biaya tetap tahap ini, sekali per surat.", "The stage's fixed fee, once per letter.")),
    "dunning_amount": (("Jumlah denda", "Dunning amount"),
                       ("Bunga + biaya penagihan.", "Interest + collection fee.")),
    "annual_rate": (("Bunga per tahun", "Annual rate"),
                    ("Bunga per tahun tahap ini (sheet Strategi).",
                     "The stage's annual interest rate (Strategy sheet).")),
    "credits": (("Kredit terbuka", "Open credits"),
                ("Nota kredit / pembayaran yang belum dialokasikan.",
                 "Credit notes / unallocated payments.")),
    "credits_block": (("Paragraf kredit", "Credits paragraph"),
                      ("Kredit terbuka yang dikurangkan; hilang bila tidak ada.",
                       "Open credits deducted; left out when there are none.")),
    "interest_block": (("Paragraf bunga", "Interest paragraph"),
                       ("Bunga (dan biaya) tahap ini; hilang bila tahap tidak mengenakan bunga.",
                        "The stage's interest (and fee); left out when it charges none.")),
    "promise_block": (("Paragraf janji bayar", "Promise paragraph"),
                      ("Janji bayar yang tidak ditepati; hilang bila tidak ada.",
                       "A broken promise to pay; left out when there is none.")),
    "reminder_block": (("Kalimat pengingat sebelumnya", "Earlier-reminder sentence"),
                       ("Pengingat terakhir yang tercatat (kolom Tanggal Pengingat di tabel janji "
                        "bayar); hilang bila tidak ada: surat tidak mengaku pernah mengingatkan.",
                        "The last reminder on record (Reminder Date column of the promises "
                        "table); left out when none: a letter never claims an unrecorded one.")),
    "reminder_date": (("Tanggal pengingat", "Reminder date"),
                      ("Tanggal pengingat terakhir yang tercatat.", "Date of that reminder.")),
    "disputed_block": (("Paragraf sengketa", "Dispute paragraph"),
                       ("Faktur sengketa yang tidak ditagih di surat ini; hilang bila tidak ada.",
                        "Disputed invoices left out of this letter; left out when none.")),
    "payment_block": (("Kalimat rekening bank", "Bank-account sentence"),
                      ("Rekening tujuan transfer.", "The account to pay into.")),
    "contact_block": (("Tanda tangan", "Signature"),
                      ("Nama, jabatan, perusahaan, telepon, email penanda tangan: pemilik tahap "
                       "(kolom PIC di sheet Strategi).",
                       "Name, title, company, phone, email of the signer: the stage's owner "
                       "(Owner column of the Strategy sheet).")),
    "contact_name": (("Nama penanda tangan", "Signer's name"), ("Nama.", "Name.")),
    "contact_title": (("Jabatan penanda tangan", "Signer's title"), ("Jabatan.", "Title.")),
    "contact_phone": (("Telepon", "Phone"), ("Telepon.", "Phone.")),
    "contact_email": (("Email", "Email"), ("Email.", "Email.")),
    "stage": (("Tahap", "Stage"), ("Nama tahap.", "Stage name.")),
}  # fmt: skip
"""Readable marker and meaning of every letter placeholder (the Letters sheet's legend)."""


def _marker(key: str, stage: str, lang: str) -> str:
    """The readable marker of a placeholder in ``stage``'s template: «Customer name»."""
    if key not in MARKERS:
        raise ValueError(f"letter placeholder {{{key}}} has no marker in MARKERS")
    label = MARKERS[key][0][0 if lang == "id" else 1]
    if key == "contact_block":
        label = f"{label}: {stage_owner(stage, lang)}"
    return f"«{label}»"


def _readable(template: str, stage: str, lang: str) -> tuple[str, list[str]]:
    """A template with its placeholders as markers, and the placeholders it uses (in order)."""
    used: list[str] = []

    def mark(hit: Any) -> str:
        token = hit.group(0)
        if token in ("{{", "}}"):
            return token[0]
        key = hit.group(1)
        if key not in used:
            used.append(key)
        return _marker(key, stage, lang)

    text = re.sub(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}", mark, template)
    return text, used


def template_part(sh: Sheet, book: Book, row: int, st: pd.DataFrame) -> int:
    """Part 2: the legend of the field markers, then every stage's template."""
    t, lang = book.t, book.lang
    sh.write((row, 0), t(("2. Templat surat per tahap", "2. Letter templates by stage")), "h1")
    templates = load_templates()
    shown = [(key, *_readable(templates[(lang, key)], key, lang)) for key in STAGES
             if (lang, key) in templates]  # fmt: skip
    used = [k for k in PLACEHOLDERS if any(k in keys for _, _, keys in shown)]
    row += 1
    paragraph(
        sh,
        (row, 0),
        7,
        (
            "Keterangan isian «…»: diisi otomatis oleh AR_LETTER dari buku besar, strategi dan "
            "data kontak. Paragraf yang tidak berlaku hilang dari surat.",
            "Legend of the «…» fields: AR_LETTER fills them in from the ledger, the strategy "
            "and the contact details. Paragraphs that do not apply are left out.",
        ),
    )
    row += 1
    header_row(sh, (row, 0), [("Isian", "Field"), None, ("Artinya", "What it becomes")])
    sh.merges.append((f"{a1(row, 0)}:{a1(row, 1)}", "header"))
    sh.merges.append((f"{a1(row, 2)}:{a1(row, 7)}", "header"))
    for key in used:
        row += 1
        marker, meaning = MARKERS[key]
        label = f"«{t(marker)}»"
        put(sh, row, (0, 1), label, "wrap")
        put(sh, row, (2, 7), t(meaning), "wrap")
    paragraph(
        sh,
        (row + 1, 0),
        7,
        (
            f"Penanda tangan = PIC tahap di sheet Strategi; somasi (tahap {stage_name('legal', 'id')}) "
            f"ditandatangani PIC-nya: {stage_owner('legal', 'id')}.",
            f"Signer = the stage's owner on the Strategy sheet; a formal demand (somasi, "
            f"{stage_name('legal', 'en')} stage) is signed by its owner: "
            f"{stage_owner('legal', 'en')}.",
        ),
    )
    row += 2
    for key, text, _ in shown:
        row += 1
        heading = t((f"Tahap {stage_name(key, 'id')} — PIC: {stage_owner(key, 'id')}",
                     f"{stage_name(key, 'en')} stage — owner: {stage_owner(key, 'en')}"))  # fmt: skip
        sh.write((row, 0), heading, "bold")
        row = text_lines(sh, row + 1, text)
    return row


def text_lines(sh: Sheet, row: int, text: str) -> int:
    """Write ``text`` one line per row in column A, fixed-width (aligned tables); next row."""
    for line in text.rstrip("\n").split("\n"):
        if line:
            sh.write((row, 0), line, "mono")
        row += 1
    return row
