"""Items an aging leaves out are said, with count and amount (issue 15, case 7)."""

from __future__ import annotations

import pytest
from shared_data import shared_file

from xl_ar.core import aging, left_out, left_out_notes, load_ledger, unread_rows

VENDOR = ("excel_workbooks", "muruli9740_vendor_ageing", "Ageing Report.xlsx")


def test_documents_after_the_as_of_date_each_kind_its_line():
    rows = [
        ["Customer", "Invoice", "Type", "Invoice Date", "Due Date", "Amount"],
        ["A", "F-1", "Invoice", "2024-03-01", "2024-03-31", 100],
        ["A", "F-2", "Invoice", "2024-04-02", "2024-05-02", 40.5],
        ["B", "F-3", "Invoice", "2024-04-03", "2024-05-03", 10],
        ["B", "CN-1", "Credit Note", "2024-04-04", "2024-04-04", 7],
    ]
    got = left_out(rows, "2024-03-31")
    assert got["note_en"].tolist() == [
        "2 invoices dated after the as-of date left out (50.50)",
        "1 credit note dated after the as-of date left out (-7)",
    ]
    assert got["rows"].tolist() == [[3, 4], [5]] and got["count"].tolist() == [2, 1]
    assert left_out_notes(rows, "2024-03-31", "id")[0] == (
        "2 faktur bertanggal setelah tanggal laporan tidak dihitung (50,50)"
    )
    assert left_out(rows, "2024-04-30").empty


@pytest.mark.shared_data
def test_the_vendor_ageing_future_invoice_and_blank_amounts_are_said():
    """The file's pivot shows Current 473,350; the aging at 31/03/2024 has 473,300: INV-2084
    (50, dated 13/04/2024) is not yet issued then, and now a note says so."""
    got = load_ledger(shared_file(*VENDOR))
    led = got.ledger
    notes = left_out_notes(led, "2024-03-31")
    assert notes == [
        "1 invoice dated after the as-of date left out (50)",
        "2 rows without an amount left out",
    ]
    assert unread_rows(led)["rows"].tolist() == [[43, 48]]
    kept = led.drop(index=[43, 48])
    table = aging(kept, "2024-03-31", by="total")
    assert table["Current"].iloc[0] == 473_300.0  # the aging's numbers are unchanged
    assert left_out(kept, "2024-03-31")["amount"].tolist() == [50.0]
