"""Worksheet functions, called exactly as Excel calls them (xl_ar.testing.excel_call).

Inputs are shaped as Excel sends them: ranges as row lists with the header row, ``None`` for
empty cells, floats for numbers, ``datetime`` for date-formatted cells and float serials for
dates typed as numbers or computed (``DATE(2024,12,31)`` arrives as 45657.0).
"""

from __future__ import annotations

import datetime as dt

import pytest

from xl_ar.testing import MISSING, excel_call

D = dt.datetime
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid", "Payment Date"]
AS_OF_SERIAL = 45473.0  # 2024-06-30
AS_OF = D(2024, 6, 30)


def ledger_rows(serial_dates: bool = False, trailing_blank_rows: int = 3) -> list[list]:
    def day(y, m, d):
        value = D(y, m, d)
        return float((value - D(1899, 12, 30)).days) if serial_dates else value

    body = [
        ["PT Maju", "F-1", day(2024, 1, 1), day(2024, 1, 31), 1000.0, 0.0, None],
        ["PT Maju", "F-2", day(2024, 5, 1), day(2024, 5, 31), 400.0, 100.0, day(2024, 6, 1)],
        ["CV Baru", "F-3", day(2024, 6, 10), day(2024, 7, 10), 250.0, 0.0, None],
        ["CV Baru", "F-4", day(2024, 3, 1), day(2024, 3, 31), 80.0, 80.0, day(2024, 7, 20)],
    ]
    return [HEADER, *body, *[[None] * len(HEADER)] * trailing_blank_rows]


# --- AR_AGING ----------------------------------------------------------------------------------
@pytest.mark.parametrize("serial", [False, True], ids=["datetime", "serial"])
def test_ar_aging_default_by_customer(serial):
    got = excel_call("AR_AGING", ledger_rows(serial), AS_OF_SERIAL if serial else AS_OF)
    assert got == [
        ["customer", "Current", "1-30", "31-60", "61-90", ">90", "Total"],
        ["CV Baru", 250.0, 0.0, 0.0, 0.0, 80.0, 330.0],  # F-4: 91 days, paid after as_of
        ["PT Maju", 0.0, 300.0, 0.0, 0.0, 1000.0, 1300.0],  # F-2: partly paid, 30 days
        ["Total", 250.0, 300.0, 0.0, 0.0, 1080.0, 1630.0],
    ]


def test_ar_aging_options_as_text_and_ranges():
    rows = ledger_rows()
    total = excel_call("AR_AGING", rows, AS_OF, "15,45", "Invoice", "TOTAL", "count")
    assert total == [["0-15", "16-45", ">45", "Total"], [0.0, 1.0, 3.0, 4.0]]
    edges_range = [[30.0], [60.0], [90.0]]
    pct = excel_call("AR_AGING", rows, AS_OF, edges_range, MISSING, "total", "percent")
    assert pct[1][-1] == pytest.approx(1.0)
    assert pct[1][0] == pytest.approx(250 / 1630)


def test_ar_aging_by_invoice_and_missing_options():
    got = excel_call("AR_AGING", ledger_rows(), AS_OF, MISSING, MISSING, "invoice")
    assert got[0] == ["customer", "invoice", "invoice_date", "due_date", "outstanding", "days",
                      "bucket"]  # fmt: skip
    assert [r[1] for r in got[1:]] == ["F-1", "F-2", "F-3", "F-4"]
    assert [r[5] for r in got[1:]] == [151.0, 30.0, -10.0, 91.0]
    assert [r[6] for r in got[1:]] == [">90", "1-30", "Current", ">90"]


# --- AR_OPEN, AR_CHECK, AR_KPI, AR_WADP ------------------------------------------------------------
def test_ar_open_lists_open_items_with_days_and_bucket():
    got = excel_call("AR_OPEN", ledger_rows(True), AS_OF_SERIAL)
    assert got[0][:2] == ["row", "customer"]
    assert [r[0] for r in got[1:]] == [2.0, 3.0, 4.0, 5.0]
    assert got[1][-2:] == [151.0, ">90"]


def test_ar_check_ok_and_problems():
    assert excel_call("AR_CHECK", ledger_rows()) == "OK"
    rows = ledger_rows()
    rows[2][3] = "abc"
    got = excel_call("AR_CHECK", rows)
    assert got == [["row", "column", "value", "problem"], [3.0, "Due Date", "abc", "is not a date"]]


def test_ar_kpi_series():
    got = excel_call("AR_KPI", ledger_rows(), D(2024, 5, 1), D(2024, 6, 30))
    head = got[0]
    assert head[:3] == ["period", "period_start", "period_end"]
    june = dict(zip(head, got[2], strict=True))
    assert june["period"] == "2024-06"
    assert june["credit_sales"] == 250.0
    assert june["collections"] == 100.0
    assert june["ending_ar"] == 1630.0


def test_ar_wadp():
    rows = [
        ["Customer", "Invoice Date", "Terms", "Amount", "Settled Date"],
        ["A", D(2024, 1, 1), 30.0, 1000.0, D(2024, 1, 16)],
        ["A", D(2024, 1, 1), 30.0, 3000.0, D(2024, 1, 31)],
        ["B", D(2024, 1, 1), 30.0, 2000.0, D(2024, 2, 15)],
    ]
    assert excel_call("AR_WADP", rows) == pytest.approx(32.5)
    assert excel_call("AR_WADP", rows, "days_late") == pytest.approx(2000 * 15 / 6000)


# --- AR_DPD, AR_BUCKET -----------------------------------------------------------------------------
def test_ar_dpd_scalar_and_column():
    assert excel_call("AR_DPD", D(2024, 5, 31), AS_OF) == 30.0
    assert excel_call("AR_DPD", 45473.0, AS_OF_SERIAL) == 0.0  # due today
    column = [["Due Date"], [D(2024, 7, 5)], [None], [45443.0]]
    assert excel_call("AR_DPD", column, AS_OF) == [["days_past_due"], [-5.0], [""], [30.0]]


def test_ar_bucket_edges():
    column = [[0.0], [1.0], [30.0], [31.0], [90.0], [91.0], [-3.0]]
    got = excel_call("AR_BUCKET", column)
    assert got == [["Current"], ["1-30"], ["1-30"], ["31-60"], ["61-90"], [">90"], ["Current"]]
    assert excel_call("AR_BUCKET", 46.0, "15,45") == ">45"


# --- DSO family and ratios: ar-domain.md worked examples --------------------------------------------
def test_ar_dso_simple_average_countback():
    assert excel_call("AR_DSO", 200000.0, 2000000.0) == pytest.approx(36.5)
    assert excel_call("AR_DSO", [[16000.0, 20000.0]], 20000.0, 30.0, "average") == 27.0
    assert excel_call("AR_DSO", [[16000.0], [20000.0]], 20000.0, 30.0, "Average") == 27.0
    sales = [[100000.0], [80000.0], [70000.0]]  # newest first, the default order
    got = excel_call("AR_DSO", 212000.0, sales, 30.0, "countback")
    assert got == pytest.approx(30 + 30 + 32000 / 70000 * 30)
    assert excel_call("AR_DSO", 212000.0, sales, MISSING, "countback") == pytest.approx(got)
    oldest_first = sales[::-1]
    assert excel_call(
        "AR_DSO", 212000.0, oldest_first, 30.0, "countback", "oldest first"
    ) == pytest.approx(got)


def test_ar_dso_countback_with_period_end_dates_uses_calendar_days():
    periods = [["Period end", "Sales"], [D(2024, 1, 31), 70000.0], [45351.0, 80000.0],
               [D(2024, 3, 31), 100000.0]]  # fmt: skip
    got = excel_call("AR_DSO", 212000.0, periods, MISSING, "countback")
    assert got == pytest.approx(31 + 29 + 32000 / 70000 * 31)


def test_ar_bpdso_and_add():
    assert excel_call("AR_BPDSO", 120000.0, 2000000.0) == pytest.approx(21.9)
    assert excel_call("AR_ADD", 200000.0, 120000.0, 2000000.0) == pytest.approx(36.5 - 21.9)


def test_ar_cei_worked_example():
    assert excel_call("AR_CEI", 6200.0, 10890.0, 6340.0, 3590.0, 3.0) == pytest.approx(3490 / 6240)
    assert excel_call("AR_CEI", 6200.0, 10890.0, 6340.0, 3590.0) == pytest.approx(10750 / 13500)


def test_ar_rto_acp_both():
    assert excel_call("AR_RTO", 6205000.0, 335000.0, 335000.0) == pytest.approx(18.52238806)
    assert excel_call("AR_RTO", 6205000.0, 335000.0, 335000.0, MISSING, "acp") == pytest.approx(
        19.436, abs=5e-4
    )
    both = excel_call("AR_RTO", 6205000.0, 335000.0, 335000.0, 365.0, "both")
    assert both[0][0] == "RTO" and both[1][0] == "ACP"
    assert both[1][1] == pytest.approx(19.706, abs=5e-4)


def test_ratio_functions_return_fractions():
    assert excel_call("AR_ARREARS_RATIO", 50000.0, 1000000.0) == pytest.approx(0.05)
    assert excel_call("AR_COLLECTION_RATIO", 850000.0, 1000000.0) == pytest.approx(0.85)
    assert excel_call("AR_BAD_DEBT_RATIO", 20000.0, 1000000.0) == pytest.approx(0.02)


def test_currency_formatted_cells_arrive_as_decimal_and_work():
    from decimal import Decimal

    assert excel_call("AR_DSO", Decimal("200000"), Decimal("2000000.0000")) == pytest.approx(36.5)
    rows = ledger_rows()
    for row in rows[1:5]:
        row[4] = Decimal(str(row[4]))
    got = excel_call("AR_AGING", rows, AS_OF, MISSING, MISSING, "total")
    assert got[1][-1] == 1630.0
