"""Issue 15 review (11, 17, 20): the Dunning Letters sheet shows a customer's disputed overdue
amount next to "every overdue invoice is disputed", not 0; the worklist sheet lists it."""

from __future__ import annotations

from xl_ar.reports.catalog import build_report
from xl_ar.reports.model import cells_in

ROWS = [
    ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Disputed"],
    ["PT Early", "E1", "2024-11-20", "2024-12-20", 2_000_000.0, "No"],
    ["PT WOsmall", "W2", "2023-06-01", "2023-07-01", 10_000.0, "No"],
    ["PT Disp", "D1", "2024-01-01", "2024-02-01", 7_000_000.0, "Yes"],
]


def sheet_table(report, key):
    return next(s for s in report.sheets if s.key == key).tables[0].frame


def test_letters_sheet_shows_the_disputed_overdue_amount_and_the_reason():
    for lang, lead, disputed, small in (
        ("en", "No letter: ", "every overdue invoice is disputed",
         "below the minimum amount for a final demand: Rp 5,000,000"),
        ("id", "Tidak ada surat: ", "semua faktur lewat jatuh tempo sedang disengketakan",
         "di bawah jumlah minimal untuk tagihan terakhir: Rp 5.000.000"),
    ):  # fmt: skip
        report = build_report(ROWS, "2024-12-31", reports="letters", lang=lang)
        frame = sheet_table(report, "letters").set_index("customer")
        assert frame.loc["PT Disp", ["overdue", "letter"]].tolist() == [7_000_000.0,
                                                                        lead + disputed]  # fmt: skip
        assert frame.loc["PT WOsmall", ["stage", "overdue", "letter"]].tolist() == [
            "write_off", 10_000.0, lead + small,
        ]  # fmt: skip


def test_worklist_sheet_lists_the_dispute():
    report = build_report(ROWS, "2024-12-31", reports="worklist", lang="en")
    frame = cells_in(sheet_table(report, "worklist"), "en").set_index("customer")
    assert frame.loc["PT Disp", ["stage", "disputed", "next_action"]].tolist() == [
        "dispute", 7_000_000.0, "Resolve the dispute: every overdue invoice is disputed",
    ]  # fmt: skip
