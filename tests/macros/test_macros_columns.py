"""Issue 14 on the ribbon: the ``Columns``/``Kolom``, ``DateOrder`` and ``Negative`` keys of the
``xl_ar.conf`` sheet read the ledger as ``--map``, ``--date-order`` and ``--negative`` do."""

from __future__ import annotations

import pytest
import xlwings as xw
from book_model import LEDGER, sheet_from_rows, workbook

from xl_ar import macros


def run_aging(monkeypatch, frame, *extra):
    model, book = workbook(frame, *extra)
    monkeypatch.setattr(xw.Book, "caller", lambda: book)
    macros.aging_report()
    return model


@pytest.mark.parametrize("key", ["Columns", "Kolom"])
def test_the_columns_setting_maps_a_header_for_the_ribbon(monkeypatch, key):
    plain = run_aging(monkeypatch, LEDGER)
    renamed = LEDGER.rename(columns={"Pelanggan": "Klien", "Sisa": "Saldo Terbuka"})
    refused = run_aging(monkeypatch, renamed)
    assert len(refused.alerts) == 1
    assert refused.alerts[0][0].startswith("no 'customer' column")
    assert 'to use one: --map "Klien=customer"' in refused.alerts[0][0]
    conf = sheet_from_rows("xl_ar.conf", [[key, "Klien=customer, Saldo Terbuka=balance"]])
    mapped = run_aging(monkeypatch, renamed, conf)
    assert mapped.alerts == []
    assert mapped.snapshot("Umur Piutang") == plain.snapshot("Umur Piutang")


def test_reading_settings_are_passed_to_the_reader(monkeypatch):
    conf = sheet_from_rows(
        "xl_ar.conf", [["Kolom", "Klien=customer"], ["Date Order", "mdy"], ["Negative", "refuse"]]
    )
    model, book = workbook(LEDGER, conf)
    assert macros.settings(book)["read"] == {
        "columns": "Klien=customer", "date_order": "mdy", "negative": "refuse",
    }  # fmt: skip
    assert macros.settings(workbook(LEDGER)[1])["read"] == {}
