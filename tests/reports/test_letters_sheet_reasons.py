"""Issue 15 (8, 10): the letters sheet lists who got no letter and why; the worklist sheet
shows channel and owner in the report's language."""

from __future__ import annotations

import datetime as dt

from tests.support.overdue_twelve import AS_OF, twelve_rows
from xl_ar.reports.catalog import build_report
from xl_ar.reports.model import cells_in


def sheet_table(report, key):
    return next(s for s in report.sheets if s.key == key).tables[0].frame


def test_letters_sheet_has_a_row_per_overdue_customer_with_text_or_reason():
    rows = twelve_rows()
    promises = [["Customer", "Promise Date"], ["PT Lima", dt.datetime(2025, 1, 15)]]
    for lang, lead in (("en", "No letter: "), ("id", "Tidak ada surat: ")):
        report = build_report(
            rows, AS_OF, reports="letters", lang=lang, options={"promises": promises}
        )
        frame = sheet_table(report, "letters")
        assert len(frame) == 12
        last = frame.iloc[-1]
        assert last["customer"] == "PT Lima"
        assert (
            last["letter"]
            == lead
            + {
                "en": "paused by a promise to pay by 2025-01-15",
                "id": "ditunda: janji bayar paling lambat 2025-01-15",
            }[lang]
        )
        assert frame["letter"].iloc[:-1].str.len().gt(500).all()  # eleven whole letters


def test_report_interest_rate_option_reaches_the_letters():
    report = build_report(twelve_rows(), AS_OF, reports="letters", lang="en",
                          options={"interest_rate": "12%"})  # fmt: skip
    frame = sheet_table(report, "letters").set_index("customer")
    assert "late interest of 12% a year applies: Rp 789,041." in " ".join(
        frame.loc["UD Empat", "letter"].split()
    )
    plain = build_report(twelve_rows(), AS_OF, reports="letters", lang="en")
    assert "interest" not in " ".join(sheet_table(plain, "letters")["letter"]).lower()


def test_worklist_sheet_channel_and_owner_follow_the_report_language():
    # texts are (Indonesian, English) pairs: each language shows its own (cells_in)
    en = cells_in(
        sheet_table(build_report(twelve_rows(), AS_OF, reports="worklist"), "worklist"), "en"
    )
    ind = cells_in(
        sheet_table(build_report(twelve_rows(), AS_OF, reports="worklist"), "worklist"), "id"
    )
    lima = en.set_index("customer").loc["PT Lima"]
    assert (lima["channel"], lima["owner"]) == (
        "Formal demand letter; third party / collection agency",
        "Finance manager + legal",
    )
    assert en.set_index("customer").loc["CV Awal", "owner"] == "AR staff"
    assert ind.set_index("customer").loc["CV Awal", "owner"] == "Staf AR"
    assert ind.set_index("customer").loc["PT Lima", "channel"] == (
        "Somasi; pihak ketiga / agen penagihan"
    )
    assert not en["owner"].str.contains("Staf").any()
