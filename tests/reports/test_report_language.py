"""A report in English is in English, and one in Indonesian is in Indonesian (issue 15, 10).

Texts computed inside a sheet (the aging's "% of total" row, the reconciliation summary and
status legend, the allowance entry lines, the worklist's actions, the policy descriptions)
were written as "Indonesian / English" in both languages. They are now (Indonesian, English)
pairs the renderer picks from. Every cell of the rendered demo report is read back.
"""

from __future__ import annotations

import re

import openpyxl
import pytest

from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.demo import COMPANY, demo_customers
from xl_ar.reports.catalog import REPORT_KEYS, build_report
from xl_ar.reports.render_file import render_file
from xl_ar.sample_data import SAMPLE_AS_OF, make_sample_ledger, make_sample_payments

#: Indonesian words that must not appear in an English report (customer and company names of
#: the sample are Indonesian, and none of these words is in them).
INDONESIAN = ("Jumlah", "Pelanggan", "hari", "Staf", "Somasi", "Sisa", "Faktur", "lewat", "Tidak",
              "dari", "Belum", "Tanggal", "Pembayaran", "Piutang", "Dialokasikan", "cocok",
              "terbuka", "Jurnal", "Kirim", "Bagian", "Nilai", "Keterangan", "Pembayar")  # fmt: skip
#: English texts of the same places that must not appear in an Indonesian report.
ENGLISH = ("% of total", "Payments Total", "Entry amount", "Adjusting entry", "Net receivables",
           "matched: item closed", "Send a ", "Weight of character")  # fmt: skip


def _texts(path) -> dict[str, str]:
    """Every text cell of the workbook: 'sheet!A1' -> text."""
    out = {}
    for ws in openpyxl.load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    out[f"{ws.title}!{cell.coordinate}"] = cell.value
    return out


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lang")
    ledger = read_ledger(make_sample_ledger(2024))
    payments = make_sample_payments(make_sample_ledger())
    out = {}
    for lang in ("en", "id"):
        built = build_report(
            ledger, SAMPLE_AS_OF, reports=REPORT_KEYS, lang=lang, source="sample_ledger.xlsx",
            customers=demo_customers(ledger, 24), payments=payments,
            options={"company": COMPANY},
        )  # fmt: skip
        out[lang] = _texts(render_file(built, folder / f"{lang}.xlsx", lang=lang))
    return out


def test_english_report_has_no_indonesian_words(reports):
    pattern = re.compile(r"\b(" + "|".join(INDONESIAN) + r")\b")
    found = {where: text for where, text in reports["en"].items() if pattern.search(text)}
    assert found == {}


def test_indonesian_report_has_no_english_texts_where_it_had(reports):
    found = {w: t for w, t in reports["id"].items() if any(e in t for e in ENGLISH)}
    assert found == {}


def test_the_texts_are_there_in_their_language(reports):
    en, indonesian = set(reports["en"].values()), set(reports["id"].values())
    assert {"% of total", "Payments Total", "Entry amount", "Net receivables"} <= en
    assert {"% dari total", "Total Pembayaran", "Jumlah jurnal", "Piutang bersih"} <= indonesian
    assert "matched: item closed / amounts agree" in en
    assert "cocok: dokumen lunas / sama" in indonesian
    assert any(t.startswith("Debit Bad debt expense / Credit Allowance") for t in en)
    assert "Weight of character" in en and "Bobot karakter (character)" in indonesian
