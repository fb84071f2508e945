"""Every customer-master column is a template placeholder ``customer.<column>``, and an
unknown placeholder is named with what is available (review 16, finding 12)."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from document_samples import SETTINGS, docx_text
from docx import Document as new_document

from xl_ar.core.ledger.customer_master import MASTER_COLUMNS
from xl_ar.documents.batch import write_documents
from xl_ar.documents.context import MASTER_FIELDS, confirmation_documents
from xl_ar.documents.render import render_docx
from xl_ar.errors import XlArError

LEDGER = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount"],
    ["PT Maju", "F-1", "2024-11-01", "2024-12-01", 1_000_000.0],
]
MASTER = pd.DataFrame({
    "customer": ["PT. Maju"], "pic": ["Budi"], "email": ["a@maju.example"],
    "phone": ["0812"], "whatsapp": ["62812"], "address": ["Jl. A 1"], "salesperson": ["Rina"],
    "region": ["Jatim"], "collector": ["Dewi"], "group": ["Grup A"], "terms_days": [30.0],
    "credit_limit": [5e8], "currency": ["IDR"], "language": ["id"],
    "virtual_account": ["8808 1"], "Kode Pos": ["60111"],
})  # fmt: skip


def _template(*lines: str) -> bytes:
    doc = new_document()
    for line in lines:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_master_fields_are_the_canonical_columns():
    assert ("customer", *MASTER_FIELDS) == MASTER_COLUMNS


def test_every_master_column_is_a_placeholder(tmp_path):
    (doc,) = confirmation_documents(LEDGER, "2024-12-31", settings=SETTINGS, master=MASTER)
    line = " | ".join(f"{{{{ customer.{f} }}}}" for f in MASTER_FIELDS)
    data = render_docx(_template(line + " | {{ customer.kode_pos }}"), doc.context, "t.docx")
    (tmp_path / "t.docx").write_bytes(data)
    assert docx_text(tmp_path / "t.docx").splitlines()[0] == (
        "Budi | a@maju.example | 0812 | 62812 | Jl. A 1 | Rina | Jatim | Dewi | Grup A | 30 | "
        "500000000 | IDR | id | 8808 1 | 60111"
    )


def test_a_customer_not_in_the_master_gets_empty_fields(tmp_path):
    (doc,) = confirmation_documents(LEDGER, "2024-12-31", settings=SETTINGS)
    data = render_docx(_template("[{{ customer.region }}|{{ customer.collector }}]"),
                       doc.context, "t.docx")  # fmt: skip
    (tmp_path / "t.docx").write_bytes(data)
    assert docx_text(tmp_path / "t.docx").splitlines()[0] == "[|]"


def test_unknown_field_names_its_owner_and_the_available_ones():
    (doc,) = confirmation_documents(LEDGER, "2024-12-31", settings=SETTINGS, master=MASTER)
    with pytest.raises(XlArError) as got:
        render_docx(_template("{{ customer.nonexistent }}"), doc.context, "tpl.docx")
    assert str(got.value) == (
        "template tpl.docx: unknown placeholder {{ customer.nonexistent }} (customer has: name, "
        "pic, email, phone, whatsapp, address, salesperson, region, collector, group, "
        "terms_days, credit_limit, currency, language, virtual_account, kode_pos)"
    )
    assert len(str(got.value)) <= 255
    with pytest.raises(XlArError, match=r"\{\{ customer.regin \}\} \(did you mean "
                                        r"\{\{ customer.region \}\}\?\)$"):  # fmt: skip
        render_docx(_template("{{ customer.regin }}"), doc.context, "tpl.docx")


def test_unknown_field_of_a_table_row_lists_the_row_fields():
    (doc,) = confirmation_documents(LEDGER, "2024-12-31", settings=SETTINGS, master=MASTER)
    tpl = _template("{%p for row in rows %}", "{{ row.nomor }}", "{%p endfor %}")
    with pytest.raises(XlArError) as got:
        render_docx(tpl, doc.context, "tpl.docx")
    assert str(got.value) == (
        "template tpl.docx: unknown placeholder {{ row.nomor }} (row has: document, kind, date, "
        "due_date, amount, open)"
    )


def test_default_templates_still_render(tmp_path):
    docs = confirmation_documents(LEDGER, "2024-12-31", settings=SETTINGS, master=MASTER)
    run = write_documents(docs, tmp_path, settings=SETTINGS)
    assert "Pelanggan: PT Maju" in docx_text(run.paths[0]).splitlines()
