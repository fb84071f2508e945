"""Report sheets of the collection logs (issue 16): productivity and disputes golden numbers,
the worklist's log columns and wa.me links in both renderers; disputes stay in the analysis."""

from __future__ import annotations

import openpyxl
import pandas as pd
from activity_samples import AS_OF, DISPUTES, LEDGER, LOG
from book_model import BookModel, make_book, user_sheet

from xl_ar.reports.catalog import build_report
from xl_ar.reports.render_file import render_file
from xl_ar.reports.render_live import plan_report, render_live

MASTER = pd.DataFrame(
    {"customer": ["pt maju", "CV Baru"], "whatsapp": ["6281234567890", None],
     "language": ["en", None]}
)  # fmt: skip
LINK = (
    "https://wa.me/6281234567890?text=Dear%20PT%20Maju%2C%20your%20overdue%20balance%20is%20"
    "Rp%201%2C000%2C000%3B%20the%20oldest%20invoice%2C%20F-1%2C%20was%20due%20on%2031%2F10%2F"
    "2024.%20Please%20let%20us%20know%20when%20it%20will%20be%20paid.%20Thank%20you."
)


def table(report, key, name):
    sheet = next(s for s in report.sheets if s.key == key)
    return next(t for t in sheet.tables if t.name == name).frame


def test_productivity_sheet_golden():
    report = build_report(LEDGER, AS_OF, reports="productivity", activity=LOG,
                          options={"activity_start": "2024-11-01"})  # fmt: skip
    frame = table(report, "productivity", "productivity")
    cols = ["collector", "actions", "customers", "promises_made", "promises_kept", "kept_share",
            "collected"]  # fmt: skip
    assert frame[cols].values.tolist() == [
        ["Budi", 2, 1, 1, 0, 0.0, 800_000.0],  # PT Hantu (not in the ledger) in no count
        ["Rina", 3, 1, 1, 1, 1.0, 500_000.0],
    ]
    sheet = report.sheets[0]
    assert sheet.tables[0].headers["collected"] == (
        "Tertagih ≤ 14 hari setelah kontak",
        "Collected within 14 days after a contact",
    )
    assert sheet.notes[0][1].startswith("Period 01/11/2024 – 31/12/2024;")


def test_productivity_needs_a_log():
    report = build_report(LEDGER, AS_OF, reports="productivity,aging")
    assert [s.key for s in report.sheets] == ["aging"]
    assert report.conventions["collector productivity"] == (
        "left out: no collection activity log was given"
    )


def test_disputes_sheet_golden():
    report = build_report(LEDGER, AS_OF, reports="disputes", disputes=DISPUTES)
    summary = table(report, "disputes", "dispute_summary")
    assert summary["value"].tolist()[:3] == [2.0, 1_300_000.0, 3.0]
    assert summary["value"].tolist()[3] == 7.0
    pareto = table(report, "disputes", "dispute_pareto")
    assert pareto["reason"].tolist()[:2] == [("Barang tidak diterima", "Not received"),
                                             ("Harga", "Price")]  # fmt: skip
    assert pareto["cumulative"].tolist() == [0.375, 0.6875, 0.84375, 0.9375, 1.0]
    ages = table(report, "disputes", "dispute_age")
    assert ages.values.tolist() == [["0-30", 1, 1_000_000.0], ["31-60", 0, 0.0],
                                    ["61-90", 1, 300_000.0], [">90", 0, 0.0]]  # fmt: skip
    assert table(report, "disputes", "open_disputes")["dispute_id"].tolist() == ["S-3", "S-1"]


def test_disputes_leave_the_worklist_but_not_the_aging_or_dashboard():
    plain = build_report(LEDGER, AS_OF, reports="aging,dashboard,worklist")
    logged = build_report(LEDGER, AS_OF, reports="aging,dashboard,worklist", disputes=DISPUTES)
    for key in ("aging", "dashboard"):
        a = next(s for s in plain.sheets if s.key == key)
        b = next(s for s in logged.sheets if s.key == key)
        for ta, tb in zip(a.tables, b.tables, strict=True):
            pd.testing.assert_frame_equal(ta.frame, tb.frame)
    wl = table(logged, "worklist", "worklist").set_index("customer")
    assert wl.loc["PT Maju", "overdue"] == 0.0 and wl.loc["PT Maju", "disputed"] == 1_000_000.0
    assert table(plain, "worklist", "worklist").set_index("customer").loc["PT Maju", "overdue"] == (
        1_000_000.0
    )


def test_worklist_sheet_log_columns_and_whatsapp_link(tmp_path):
    report = build_report(LEDGER, AS_OF, reports="worklist", activity=LOG,
                          options={"customer_master": MASTER}, lang="en")  # fmt: skip
    frame = table(report, "worklist", "worklist").set_index("customer")
    assert frame.loc["PT Maju", "whatsapp"] == LINK
    assert pd.isna(frame.loc["CV Baru", "whatsapp"])  # no number in the master
    assert frame.loc["PT Maju", "stage_history"] == "reminder_1 12/11 → reminder_2 26/11"
    assert frame.loc["CV Baru", "broken_promises"] == 1
    # the file renderer: a hyperlink cell, not a formula
    path = render_file(report, tmp_path / "wl.xlsx", lang="en")
    ws = openpyxl.load_workbook(path)["Collection Worklist"]
    cells = [c for row in ws.iter_rows() for c in row if c.value == LINK]
    assert len(cells) == 1 and cells[0].hyperlink.target == LINK and cells[0].data_type == "s"
    headers = [c.value for c in next(r for r in ws.iter_rows() if r[0].value == "Customer")]
    assert headers[-7:] == ["Last contact", "Last action", "Follow-up date", "Follow-up",
                            "Broken promises", "Stage history", "WhatsApp"]  # fmt: skip
    # the live renderer: the same text under '@', then a hyperlink
    plans = plan_report(report, "en")
    assert [link for _, link in plans[0].links] == [LINK]
    model = BookModel([user_sheet()])
    render_live(report, make_book(model), lang="en")
    sheet = model.sheet("Collection Worklist")
    assert LINK in sheet.cells.values()


def test_whatsapp_message_in_the_customers_language():
    master = MASTER.assign(language=[None, None])
    report = build_report(LEDGER, AS_OF, reports="worklist", options={"customer_master": master})
    link = table(report, "worklist", "worklist").set_index("customer").loc["PT Maju", "whatsapp"]
    assert link.startswith("https://wa.me/6281234567890?text=Yth.%20PT%20Maju%2C%20tagihan%20")
    assert "Rp%201.000.000" in link
