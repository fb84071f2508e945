"""AR_WORKLIST, AR_INTEREST, AR_LETTER, AR_STRATEGY called exactly as Excel calls them.

Inputs are shaped as Excel sends them (xl_ar.testing.excel_call): ranges as row lists with the
header row, None for empty cells, floats for numbers, datetime for date cells and float
serials for DATE(...) typed in a formula.
"""

from __future__ import annotations

import datetime as dt

import pytest
from cell_errors import assert_one_line_error
from excel_rows import excel_rows

from xl_ar.core.collections.worklist import WORKLIST_COLUMNS, worklist
from xl_ar.core.ledger.ledger import read_ledger
from xl_ar.sample_data import SAMPLE_AS_OF, make_sample_ledger
from xl_ar.testing import MISSING, excel_call, udf_functions

MODULE = "xl_ar.udfs.collections"
D = dt.datetime
AS_OF = D(2024, 12, 31)
AS_OF_SERIAL = 45657.0  # DATE(2024,12,31)
HEADER = ["Pelanggan", "No Faktur", "Tanggal Faktur", "Jatuh Tempo", "Jumlah", "Sengketa",
          "Janji Bayar"]  # fmt: skip


def call(name, *args):
    return excel_call(name, *args, module=MODULE)


def serial(day: dt.datetime) -> float:
    return float((day - D(1899, 12, 30)).days)


def rows(serials: bool = False) -> list[list]:
    def day(y, m, d):
        return serial(D(y, m, d)) if serials else D(y, m, d)

    body = [
        ["PT Maju", "F-1", day(2024, 10, 1), day(2024, 10, 31), 1_500_000.0, "Tidak", None],
        ["PT Maju", "F-2", day(2024, 10, 5), day(2024, 11, 4), 200_000.0, "Ya", None],
        ["CV Baru", "F-3", day(2024, 12, 1), day(2024, 12, 26), 300_000.0, "Tidak", None],
        ["UD Janji", "F-4", day(2024, 11, 1), day(2024, 11, 30), 50_000.0, "Tidak",
         day(2025, 1, 10)],
        ["Toko Kecil", "F-5", day(2024, 11, 1), day(2024, 11, 30), 75_000.0, "Tidak", None],
    ]  # fmt: skip
    return [HEADER, *body, [None] * len(HEADER)]


# --------------------------------------------------------------------------------------------
# AR_INTEREST
# --------------------------------------------------------------------------------------------


def test_interest_worked_example():
    got = call("AR_INTEREST", 100.0, 0.1, 15.0, MISSING, 10.0)
    assert round(got, 2) == 10.41  # interest 0.41 + fee 10
    assert round(100.0 + got, 2) == 110.41
    assert call("AR_INTEREST", 100.0, "10%", 15.0) == pytest.approx(100 * 0.1 / 365 * 15)
    assert call("AR_INTEREST", 36000.0, 0.1, 30.0, 360.0) == pytest.approx(300.0)


def test_interest_of_a_column_with_header_blanks_and_not_yet_due():
    amounts = [["Sisa"], [36500.0], [None], [10000.0], [5000.0]]
    days = [["DPD"], [30.0], [12.0], [-3.0], [0.0]]
    got = call("AR_INTEREST", amounts, 0.1, days, MISSING, 1000.0)
    assert got == [["dunning_amount"], [pytest.approx(1300.0)], [""], [0.0], [0.0]]
    one_rate_many_days = call("AR_INTEREST", 36500.0, 0.1, [[10.0], [20.0]])
    assert one_rate_many_days == [[pytest.approx(100.0)], [pytest.approx(200.0)]]


# --------------------------------------------------------------------------------------------
# AR_WORKLIST
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("serials", [False, True], ids=["datetime", "serial"])
def test_worklist_spills_a_table(serials):
    got = call("AR_WORKLIST", rows(serials), AS_OF_SERIAL if serials else AS_OF)
    assert got[0] == list(WORKLIST_COLUMNS)
    table = {r[0]: dict(zip(got[0], r, strict=True)) for r in got[1:]}
    assert list(table) == ["PT Maju", "CV Baru", "Toko Kecil"]  # UD Janji: paused
    maju = table["PT Maju"]
    assert (maju["open"], maju["overdue"], maju["disputed"]) == (
        1_700_000.0,
        1_500_000.0,
        200_000.0,
    )
    assert maju["oldest_dpd"] == 61.0 and maju["stage"] == "escalation"
    assert maju["action_date"] == D(2025, 1, 3)  # a date cell
    assert maju["promise_date"] == "" and maju["promise"] == ""
    assert maju["next_action"].startswith("Kirim surat tagihan pembayaran")
    assert isinstance(maju["priority"], float)


def test_worklist_with_promises_strategy_and_english():
    promises = [["Customer", "Promise Date", "Amount"], ["CV Baru", D(2024, 12, 28), 300_000.0],
                [None, None, None]]  # fmt: skip
    strategy = [["Stage", "Min DPD", "Max DPD", "Action (EN)"],
                ["call", 1.0, 30.0, "Call"], ["visit", 31.0, None, "Visit"]]  # fmt: skip
    got = call("AR_WORKLIST", rows(), AS_OF, strategy, promises, "EN")
    table = {r[0]: dict(zip(got[0], r, strict=True)) for r in got[1:]}
    assert table["PT Maju"]["stage"] == "visit" and table["PT Maju"]["next_action"] == "Visit"
    baru = table["CV Baru"]
    assert baru["promise"] == "broken" and baru["promise_date"] == D(2024, 12, 28)
    assert baru["next_action"] == "Promise to pay of 2024-12-28 broken: Call"
    assert baru["action_date"] == AS_OF


def test_worklist_empty_strategy_and_promise_cells_mean_the_defaults():
    default = call("AR_WORKLIST", rows(), AS_OF)
    assert call("AR_WORKLIST", rows(), AS_OF, [[None]], [[None, None]]) == default
    assert call("AR_WORKLIST", rows(), AS_OF, MISSING, MISSING, MISSING) == default


def test_strategy_table_round_trips_through_the_sheet():
    table = call("AR_STRATEGY")
    assert table[0] == ["stage", "min_dpd", "max_dpd", "min_amount", "channel", "owner",
                        "action_id", "action_en", "days_to_act", "annual_rate", "fee",
                        "channel_en", "owner_en"]  # fmt: skip  # issue 15: English names
    assert [r[0] for r in table[1:]] == ["preventive", "early", "overdue", "escalation",
                                         "legal", "write_off"]  # fmt: skip
    assert table[-1][2] == ""  # open-ended last band: an empty cell
    sheet = [[None if v == "" else v for v in r] for r in table]  # what Excel sends back
    assert call("AR_STRATEGY", sheet) == table
    assert call("AR_WORKLIST", rows(), AS_OF, sheet) == call("AR_WORKLIST", rows(), AS_OF)


def test_worklist_on_the_demo_ledger_matches_the_core():
    raw = make_sample_ledger()
    got = call("AR_WORKLIST", excel_rows(raw), SAMPLE_AS_OF.to_pydatetime())
    core = worklist(read_ledger(raw), SAMPLE_AS_OF)
    assert [r[0] for r in got[1:]] == core["customer"].tolist()
    # review 17: a dispute row has no priority (an empty cell)
    assert [r[-1] for r in got[1:]] == core["priority"].fillna("").tolist()


# --------------------------------------------------------------------------------------------
# AR_LETTER
# --------------------------------------------------------------------------------------------


def test_letter_is_one_cell_of_text_with_line_breaks():
    contact = [["Nama", "Rina"], ["Perusahaan", "PT Sinar Niaga"], ["Telepon", "021-555 0101"]]
    got = call("AR_LETTER", rows(), "pt maju", AS_OF, MISSING, "id", contact)
    assert isinstance(got, str) and got.count("\n") > 20
    assert got.startswith("PT Sinar Niaga\n31 Desember 2024\n")
    assert "Perihal: Surat Peringatan Terakhir" in got
    assert "Rp 1.500.000" in got and "F-2; Rp 200.000" in " ".join(got.split())
    assert got.rstrip().endswith("Rina\nPT Sinar Niaga\nTelp. 021-555 0101")
    english = call("AR_LETTER", rows(True), "CV Baru", AS_OF_SERIAL, "overdue", "en")
    assert "Subject: Overdue payment" in english  # issue 15: no claimed first reminder
    assert "Rp 300,000" in english and "31 December 2024" in english


# --------------------------------------------------------------------------------------------
# bad input: one line, naming the function
# --------------------------------------------------------------------------------------------

CASES = [
    ("interest-rate-as-percent-number", "AR_INTEREST", (100.0, 10.0, 15.0),
     "annual_rate must be a fraction from 0 to 1 (10% = 0.1), not 10"),
    ("interest-rate-text", "AR_INTEREST", (100.0, "tinggi", 15.0), "annual_rate must be a fraction"),
    ("interest-day-basis", "AR_INTEREST", (100.0, 0.1, 15.0, 30.0), "day_basis must be 360 or 365"),
    ("interest-negative-fee", "AR_INTEREST", (100.0, 0.1, 15.0, MISSING, -5.0),
     "fee must be 0 or more, not -5"),
    ("interest-text-amount", "AR_INTEREST", ([["Sisa"], [1.0], ["banyak"]], 0.1, 3.0),
     "outstanding (cell 3): 'banyak' is not a number"),
    ("interest-shapes", "AR_INTEREST", ([[1.0], [2.0]], 0.1, [[1.0], [2.0], [3.0]]),
     "same number of cells (2 and 3)"),
    ("worklist-empty-ledger", "AR_WORKLIST", (None, AS_OF), "ledger is empty"),
    ("worklist-bad-date", "AR_WORKLIST", ([HEADER, ["A", "F", "abc", D(2024, 1, 1), 1.0, None,
     None]], AS_OF), "row 2 'Tanggal Faktur': 'abc' is not a date"),
    ("worklist-as-of", "AR_WORKLIST", (rows(), "kemarin"), "as_of: 'kemarin' is not a date"),
    ("worklist-lang", "AR_WORKLIST", (rows(), AS_OF, MISSING, MISSING, "jv"),
     "lang must be one of 'id', 'en', not 'jv'"),
    ("strategy-overlap", "AR_WORKLIST", (rows(), AS_OF, [["Stage", "Min DPD", "Max DPD"],
     ["early", 1.0, 15.0], ["late", 10.0, None]]),
     "strategy: row 3 'late' (10 to no limit) overlaps row 2 'early' (1 to 15)"),
    ("strategy-out-of-order", "AR_WORKLIST", (rows(), AS_OF, [["Tahap", "Dari Hari", "Sampai Hari"],
     ["lanjut", 16.0, None], ["dini", 1.0, 15.0]]), "strategy: rows out of order"),
    ("strategy-gap", "AR_STRATEGY", ([["Stage", "Min DPD", "Max DPD"], ["early", 1.0, 15.0],
     ["late", 31.0, None]],), "bands must be contiguous (start 'late' at 16)"),
    ("strategy-no-header", "AR_STRATEGY", ([["early", 1.0, 15.0]],), "strategy: no header row"),
    ("promise-unknown-customer", "AR_WORKLIST", (rows(), AS_OF, MISSING, [["Customer",
     "Promise Date"], ["PT Mju", 45700.0]]), "did you mean 'PT Maju'?"),
    ("promise-bad-date", "AR_WORKLIST", (rows(), AS_OF, MISSING, [["Pelanggan", "Tanggal Janji"],
     ["PT Maju", "31/02/2025"]]), "promises: row 2 'Tanggal Janji': '31/02/2025' is not a date"),
    ("promise-no-header", "AR_WORKLIST", (rows(), AS_OF, MISSING, [["PT Maju", 45700.0]]),
     "promises: no customer and promise date columns"),
    ("letter-unknown-stage", "AR_LETTER", (rows(), "PT Maju", AS_OF, "final"),
     "stage 'final' is not a stage of the strategy (known: preventive, early, overdue, "
     "escalation, legal, write_off)"),
    ("letter-interest-rate", "AR_LETTER", (rows(), "PT Maju", AS_OF, MISSING, MISSING, MISSING,
     MISSING, MISSING, 12.0), "interest_rate must be a fraction from 0 to 1 (10% = 0.1), not 12"),
    ("letter-unknown-customer", "AR_LETTER", (rows(), "PT Mau", AS_OF),
     "customer 'PT Mau' is not in the ledger (did you mean 'PT Maju'?)"),
    ("letter-paused", "AR_LETTER", (rows(), "UD Janji", AS_OF),
     "customer 'UD Janji' is paused by a promise to pay until 2025-01-10"),
    ("letter-nothing-due", "AR_LETTER", (rows()[:3], "PT Maju", D(2024, 10, 5)),
     "customer 'PT Maju' needs no letter on 2024-10-05"),
    ("letter-back-dated-snapshot", "AR_LETTER", (rows(), "PT Maju", D(2024, 10, 1)),
     "the ledger is an open-items snapshot as of 01/12/2024: an aging at an earlier date would "
     "miss the invoices paid since; age it at 01/12/2024 or later"),
    ("letter-blank-customer", "AR_LETTER", (rows(), None, AS_OF), "customer is blank"),
    ("letter-bad-contact", "AR_LETTER", (rows(), "PT Maju", AS_OF, MISSING, MISSING,
     [["Hobi", "golf"]]), "contact: unknown label 'Hobi'"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "args", "fragment"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_bad_input_gives_one_line_naming_the_function(name, args, fragment):
    assert_one_line_error(name, call(name, *args), fragment)


def test_function_wizard_metadata():
    functions = udf_functions(MODULE)
    assert set(functions) == {"AR_WORKLIST", "AR_INTEREST", "AR_LETTER", "AR_STRATEGY"}
    for name, func in functions.items():
        info = func.__xlfunc__
        assert info["category"] == "AR Tools", name
        description = info["ret"]["doc"]
        assert 20 <= len(description) <= 255, name
        assert f"={name}(" in description and "Example: " in description, name
        description.encode("ascii")
        for arg in info["args"]:
            assert 5 <= len(arg["doc"]) <= 255, (name, arg["name"])
            arg["doc"].encode("ascii")
