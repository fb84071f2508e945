"""The default Word templates, generated from this source with python-docx (no binary
``.docx`` in the repository): a dunning letter, a statement of account and the two balance
confirmations (positive, negative), each in Indonesian and English.

Each template is an ordinary Word document with docxtpl (Jinja) placeholders that a user can
edit in Word (``xl-ar templates --out DIR`` writes them): ``{{ customer.name }}``, a
paragraph loop ``{%p for p in before %}``, a table-row loop ``{%tr for row in rows %}`` and
so on; :data:`PLACEHOLDERS` lists what each kind's context holds. Values are inserted as
text (escaped), never as Word fields or markup.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document as new_document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

__all__ = [
    "KINDS",
    "PLACEHOLDERS",
    "TEMPLATE_KEYS",
    "default_template",
    "template_file_name",
    "write_default_templates",
]

#: The document kinds and their templates (a confirmation has two forms).
KINDS = ("letter", "statement", "confirmation")
TEMPLATE_KEYS = ("letter", "statement", "confirmation_positive", "confirmation_negative")

#: What every context holds (all text), and what each kind adds.
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "common": (
        "lang", "date", "subject", "company.name", "company.address", "company.phone",
        "company.bank", "company.bank_account", "company.account_name", "customer.name",
        "customer.pic", "customer.address", "customer.email", "customer.virtual_account",
        "customer.<master column: phone, whatsapp, salesperson, region, collector, group, "
        "terms_days, credit_limit, currency, language, or another header as a name>",
        "signatory.name", "signatory.title",
    ),
    "letter": ("stage", "before", "after", "closing", "rows[invoice, date, due_date, days, amount, "
               "interest]", "total", "total_interest", "total_payable", "charges_interest",
               "days_label"),
    "statement": ("start", "end", "currency", "opening_date", "opening", "closing", "notes",
                  "lines[date, kind, "
                  "document, description, due_date, debit, credit, balance]", "total_debit",
                  "total_credit", "aging[label, amount]", "open_items[document, date, "
                  "due_date, amount, open, days_overdue]"),
    "confirmation": ("form", "as_of", "balance", "currency", "rows[document, kind, date, "
                     "due_date, amount, open]", "auditor.name", "auditor.address"),
}  # fmt: skip

_FILE_PREFIX = {
    "id": {"letter": "surat", "statement": "rekening", "confirmation_positive":
           "konfirmasi_positif", "confirmation_negative": "konfirmasi_negatif"},
    "en": {"letter": "letter", "statement": "statement", "confirmation_positive":
           "confirmation_positive", "confirmation_negative": "confirmation_negative"},
}  # fmt: skip

_WORDS = {
    "id": {
        "to": "Kepada Yth.", "attn": "Up.", "subject": "Perihal", "regards": "Hormat kami,",
        "invoice": "No Faktur", "inv_date": "Tgl Faktur", "due": "Jatuh Tempo",
        "amount": "Sisa Tagihan", "interest": "Bunga", "total": "Total",
        "payable": "Jumlah yang harus dibayar", "va": "Virtual Account",
        "pay_to": "Pembayaran ke", "account_name": "a.n.",
        "st_title": "REKENING KORAN PIUTANG (LAPORAN MUTASI PIUTANG PELANGGAN)",
        "period": "Periode", "opening": "Saldo awal", "closing": "Saldo akhir",
        "date": "Tanggal", "document": "Dokumen", "description": "Keterangan",
        "debit": "Debit", "credit": "Kredit", "balance": "Saldo", "aging": "Umur piutang",
        "st_note": "Mohon periksa rekening ini. Apabila ada perbedaan, hubungi kami dalam 14 "
                   "hari. Abaikan tagihan yang telah dibayar setelah tanggal laporan.",
        "cf_subject": "Konfirmasi Saldo Piutang per {{ as_of }}",
        "cf_intro": "Dalam rangka pemeriksaan laporan keuangan kami oleh auditor independen "
                    "{{ auditor.name }}, mohon Bapak/Ibu mengonfirmasi saldo utang "
                    "{{ customer.name }} kepada {{ company.name }} per {{ as_of }}.",
        "cf_balance": "Menurut catatan kami, saldo tersebut adalah {{ balance }}, dengan "
                      "rincian pada formulir jawaban terlampir.",
        "cf_positive": "Mohon isi dan tanda tangani formulir jawaban terlampir, baik saldo "
                       "tersebut sesuai maupun tidak, lalu kirimkan langsung kepada auditor "
                       "kami: {{ auditor.name }}, {{ auditor.address }}.",
        "cf_negative": "Apabila saldo tersebut sesuai dengan catatan Bapak/Ibu, surat ini tidak "
                       "perlu dibalas. Hanya apabila tidak sesuai, mohon isi dan tanda tangani "
                       "formulir jawaban terlampir dan kirimkan langsung kepada auditor kami: "
                       "{{ auditor.name }}, {{ auditor.address }}.",
        "cf_not_demand": "Surat ini bukan permintaan pembayaran. Pembayaran yang dilakukan "
                         "setelah tanggal tersebut tidak perlu diperhitungkan.",
        "slip": "FORMULIR JAWABAN KONFIRMASI",
        "slip_to": "Kepada: {{ auditor.name }}, {{ auditor.address }}",
        "slip_customer": "Pelanggan: {{ customer.name }}",
        "slip_balance": "Saldo utang kami kepada {{ company.name }} per {{ as_of }} menurut "
                        "catatan {{ company.name }}: {{ balance }}",
        "agree": "☐ Saldo tersebut SESUAI dengan catatan kami.",
        "disagree": "☐ Saldo tersebut TIDAK SESUAI. Menurut catatan kami saldonya "
                    "....................., dengan penjelasan terlampir.",
        "sign": "Tanda tangan & cap: ______________________   Nama: ______________________",
        "sign2": "Jabatan: ______________________   Tanggal: ______________________",
        "kind": "Jenis", "open": "Sisa", "per": "per", "note": "Catatan",
    },
    "en": {
        "to": "To:", "attn": "Attn:", "subject": "Subject", "regards": "Yours faithfully,",
        "invoice": "Invoice", "inv_date": "Invoice Date", "due": "Due Date",
        "amount": "Outstanding", "interest": "Interest", "total": "Total",
        "payable": "Amount to pay", "va": "Virtual Account", "pay_to": "Pay to",
        "account_name": "account name",
        "st_title": "STATEMENT OF ACCOUNT",
        "period": "Period", "opening": "Opening balance", "closing": "Closing balance",
        "date": "Date", "document": "Document", "description": "Description",
        "debit": "Debit", "credit": "Credit", "balance": "Balance", "aging": "Aging",
        "st_note": "Please check this statement and tell us of any difference within 14 days. "
                   "Ignore items paid after the statement date.",
        "cf_subject": "Confirmation of account balance as of {{ as_of }}",
        "cf_intro": "In connection with the audit of our financial statements by "
                    "{{ auditor.name }}, please confirm the balance owed by {{ customer.name }} "
                    "to {{ company.name }} as of {{ as_of }}.",
        "cf_balance": "According to our records, the balance was {{ balance }}, made up as "
                      "listed on the enclosed reply form.",
        "cf_positive": "Please complete and sign the enclosed reply form, whether or not you "
                       "agree with the balance, and send it directly to our auditors: "
                       "{{ auditor.name }}, {{ auditor.address }}.",
        "cf_negative": "If the balance agrees with your records, no reply is needed. Only if "
                       "it does not, please complete and sign the enclosed reply form and send "
                       "it directly to our auditors: {{ auditor.name }}, "
                       "{{ auditor.address }}.",
        "cf_not_demand": "This is not a request for payment. Please do not take into account "
                         "payments made after that date.",
        "slip": "CONFIRMATION REPLY FORM",
        "slip_to": "To: {{ auditor.name }}, {{ auditor.address }}",
        "slip_customer": "Customer: {{ customer.name }}",
        "slip_balance": "Our balance owed to {{ company.name }} as of {{ as_of }} according "
                        "to {{ company.name }}'s records: {{ balance }}",
        "agree": "☐ The balance AGREES with our records.",
        "disagree": "☐ The balance DOES NOT AGREE with our records. Our balance is "
                    "....................., explained in the attached details.",
        "sign": "Signature & stamp: ______________________   Name: ______________________",
        "sign2": "Title: ______________________   Date: ______________________",
        "kind": "Type", "open": "Open", "per": "at", "note": "Note",
    },
}  # fmt: skip


def template_file_name(key: str, lang: str) -> str:
    """File name of a default template (``surat_id.docx``, ``statement_en.docx`` ...).

    Examples
    --------
    >>> template_file_name("letter", "id"), template_file_name("confirmation_negative", "en")
    ('surat_id.docx', 'confirmation_negative_en.docx')
    """
    return f"{_FILE_PREFIX[lang][key]}_{lang}.docx"


def _para(doc, text: str = "", *, bold: bool = False, size: float | None = None,
          align: str | None = None):  # type: ignore[no-untyped-def]  # fmt: skip
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    if size is not None:
        run.font.size = Pt(size)
    if align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def _narrow_cells(table, cm: float) -> None:  # type: ignore[no-untyped-def]
    """Left and right cell margins of ``table`` (Word's default is 0.19 cm)."""
    props = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(int(cm * 567)))  # twips
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    props.append(margins)


def _table(doc, heads: Sequence[str], loop: str, cells: Sequence[str],
           total: Sequence[str] | None = None, widths: Sequence[float] = (),
           size: float = 9) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """A table: header row, a row loop (``{%tr for ... %}``), the row, ``{%tr endfor %}``,
    an optional total row; fixed column ``widths`` (cm) and a ``size`` pt font so invoice
    numbers and amounts stay on one line."""
    n = len(heads)
    table = doc.add_table(rows=4 + (total is not None), cols=n)
    table.style = "Table Grid"
    _narrow_cells(table, 0.05)
    for i, text in enumerate(heads):
        cell = table.rows[0].cells[i]
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size = True, Pt(size)
    table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}")
    for i, text in enumerate(cells):
        table.rows[2].cells[i].paragraphs[0].add_run(text).font.size = Pt(size)
        if i >= n - 3 and text.strip():
            table.rows[2].cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    if widths:
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
    if total is not None:
        for i, text in enumerate(total):
            run = table.rows[4].cells[i].paragraphs[0].add_run(text)
            run.bold, run.font.size = True, Pt(size)
            if text and i:
                table.rows[4].cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _letterhead(doc, w: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    _para(doc, "{{ company.name }}", bold=True, size=14)
    _para(doc, "{{ company.address }}", size=9)
    _para(doc, "{{ company.phone }}", size=9)
    _para(doc, "{{ date }}", align="right")
    _para(doc, w["to"])
    _para(doc, "{{ customer.name }}", bold=True)
    _para(doc, "{%p if customer.pic %}")
    _para(doc, f"{w['attn']} {{{{ customer.pic }}}}")
    _para(doc, "{%p endif %}")
    _para(doc, "{{ customer.address }}")


def _signature(doc, w: dict[str, str], closing: str | None = None) -> None:  # type: ignore[no-untyped-def]
    _para(doc, w["regards"] if closing is None else closing)
    _para(doc)
    _para(doc)
    _para(doc, "{{ signatory.name }}", bold=True)
    _para(doc, "{{ signatory.title }}")
    _para(doc, "{{ company.name }}")


def _remittance(doc, w: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    _para(doc, "{%p if company.bank_account %}")
    _para(doc, f"{w['pay_to']}: {{{{ company.bank }}}} {{{{ company.bank_account }}}} "
               f"{w['account_name']} {{{{ company.account_name }}}}")  # fmt: skip
    _para(doc, "{%p endif %}")
    _para(doc, "{%p if customer.virtual_account %}")
    _para(doc, f"{w['va']}: {{{{ customer.virtual_account }}}}")
    _para(doc, "{%p endif %}")


def _letter(doc, w: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    _letterhead(doc, w)
    _para(doc, f"{w['subject']}: {{{{ subject }}}}", bold=True)
    _para(doc, "{%p for p in before %}")
    _para(doc, "{{ p }}")
    _para(doc, "{%p endfor %}")
    _table(
        doc,
        [w["invoice"], w["inv_date"], w["due"], "{{ days_label }}", w["amount"]],
        "row in rows",
        ["{{ row.invoice }}", "{{ row.date }}", "{{ row.due_date }}", "{{ row.days }}",
         "{{ row.amount }}"],
        [w["total"], "", "", "", "{{ total }}"],
        (3.8, 2.6, 2.6, 2.4, 4.0),
    )  # fmt: skip
    _para(doc, "{%p if charges_interest %}")
    _para(doc, f"{w['interest']}: {{{{ total_interest }}}}")
    _para(doc, "{%p endif %}")
    _para(doc, f"{w['payable']}: {{{{ total_payable }}}}", bold=True)
    _para(doc, "{%p for p in after %}")
    _para(doc, "{{ p }}")
    _para(doc, "{%p endfor %}")
    _remittance(doc, w)
    _signature(doc, w, "{{ closing }}")


def _statement(doc, w: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    _letterhead(doc, w)
    _para(doc, w["st_title"], bold=True, align="center")
    _para(doc, f"{w['period']}: {{{{ start }}}} – {{{{ end }}}}", align="center")
    _para(doc, f"{w['opening']} {w['per']} {{{{ opening_date }}}}: {{{{ opening }}}}")
    _table(
        doc,
        [w["date"], w["kind"], w["document"], w["description"], w["due"], w["debit"],
         w["credit"], w["balance"]],
        "line in lines",
        ["{{ line.date }}", "{{ line.kind }}", "{{ line.document }}", "{{ line.description }}",
         "{{ line.due_date }}", "{{ line.debit }}", "{{ line.credit }}", "{{ line.balance }}"],
        [w["total"], "", "", "", "", "{{ total_debit }}", "{{ total_credit }}", "{{ closing }}"],
        (1.8, 1.8, 2.55, 2.66, 1.8, 2.55, 2.55, 2.75),
        7.5,
    )  # fmt: skip
    _para(doc, f"{w['closing']} {w['per']} {{{{ end }}}}: {{{{ closing }}}}", bold=True)
    _para(doc, "{%p for note in notes %}")
    _para(doc, f"{w['note']}: {{{{ note }}}}", size=9)
    _para(doc, "{%p endfor %}")
    _para(doc, w["aging"], bold=True)
    _table(doc, [w["aging"], w["amount"]], "b in aging", ["{{ b.label }}", "{{ b.amount }}"],
           widths=(4.0, 4.0))  # fmt: skip
    _para(doc)
    _remittance(doc, w)
    _para(doc, w["st_note"], size=9)
    _signature(doc, w)


def _confirmation(doc, w: dict[str, str], form: str) -> None:  # type: ignore[no-untyped-def]
    _letterhead(doc, w)
    _para(doc, f"{w['subject']}: {w['cf_subject']}", bold=True)
    _para(doc, w["cf_intro"])
    _para(doc, w["cf_balance"])
    _para(doc, w["cf_positive"] if form == "positive" else w["cf_negative"])
    _para(doc, w["cf_not_demand"])
    _signature(doc, w)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _para(doc, w["slip"], bold=True, align="center")
    _para(doc, w["slip_to"])
    _para(doc, w["slip_customer"], bold=True)
    _para(doc, w["slip_balance"], bold=True)
    _table(
        doc,
        [w["document"], w["kind"], w["date"], w["due"], w["amount"]],
        "row in rows",
        ["{{ row.document }}", "{{ row.kind }}", "{{ row.date }}", "{{ row.due_date }}",
         "{{ row.open }}"],
        [w["total"], "", "", "", "{{ balance }}"],
        (3.8, 2.6, 2.6, 2.6, 4.0),
    )  # fmt: skip
    _para(doc)
    if form == "positive":
        _para(doc, w["agree"])
    _para(doc, w["disagree"])
    _para(doc)
    _para(doc, w["sign"])
    _para(doc, w["sign2"])


def default_template(key: str, lang: str) -> bytes:
    """The default template ``key`` (:data:`TEMPLATE_KEYS`) in ``lang`` as ``.docx`` bytes.

    Examples
    --------
    >>> default_template("letter", "en")[:2]
    b'PK'
    """
    if key not in TEMPLATE_KEYS or lang not in _WORDS:
        raise ValueError(f"no default template {key!r} in {lang!r}")
    doc = new_document()
    for section in doc.sections:  # A4, margins that leave 18.46 cm for the tables
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(1.27)
        section.top_margin = section.bottom_margin = Cm(2.0)
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    w = _WORDS[lang]
    if key == "letter":
        _letter(doc, w)
    elif key == "statement":
        _statement(doc, w)
    else:
        _confirmation(doc, w, key.split("_")[1])
    core = doc.core_properties
    core.author = "xl-ar"
    core.title = key
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write_default_templates(out_dir: str | Path) -> list[Path]:
    """Write the eight default templates into ``out_dir`` (never over an existing file).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     [p.name for p in write_default_templates(d)][:2]
    ['surat_id.docx', 'letter_en.docx']
    """
    from xl_ar.documents.files import refuse_existing, write_bytes

    folder = Path(out_dir)
    names = [(key, lang) for key in TEMPLATE_KEYS for lang in ("id", "en")]
    targets = [folder / template_file_name(key, lang) for key, lang in names]
    refuse_existing(targets, folder)
    return [
        write_bytes(target, default_template(key, lang))
        for target, (key, lang) in zip(targets, names, strict=True)
    ]
