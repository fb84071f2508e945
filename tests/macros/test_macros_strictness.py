"""The ribbon reads as strictly as ``xl-ar report`` (Lenient setting) and takes LossRates from
xl_ar.conf (issue 15, cases 3 and 4)."""

from __future__ import annotations

import pytest
import xlwings as xw
from book_model import LEDGER, sheet_from_rows, workbook

from xl_ar import macros
from xl_ar.core import load_ledger
from xl_ar.errors import LedgerError
from xl_ar.reports.catalog import build_report

BAD = LEDGER.head(40).astype({"Jumlah": object})
BAD.loc[3, "Jumlah"] = "lima"  # worksheet row 5: not a number


@pytest.fixture
def caller(monkeypatch):
    def install(frame, *extra):
        model, book = workbook(frame, *extra)
        monkeypatch.setattr(xw.Book, "caller", lambda: book)
        return model

    return install


def notes_of(model, name: str) -> list:
    sheet = model.sheet(name)
    return [sheet.cells.get((r, 1)) for r in range(2, 5)]


def test_a_ledger_with_problems_stops_the_button_unless_lenient(caller):
    model = caller(BAD)
    before = [s.name for s in model.sheets]
    macros.aging_report()
    with pytest.raises(LedgerError) as aging_refusal:  # what xl-ar aging would say
        load_ledger(BAD).strict()
    refusal = str(aging_refusal.value)
    assert model.alerts == [(refusal, "xl-ar")]
    assert refusal == "row 5 'Jumlah': 'lima' is not an amount (number format 'auto')"
    assert [s.name for s in model.sheets] == before  # nothing written
    macros.data_health_report()  # the data-health button lists the problems, as check does
    assert len(model.alerts) == 1


def test_lenient_setting_writes_the_report_with_a_banner(caller):
    conf = sheet_from_rows("xl_ar.conf", [["Language", "en"], ["Lenient", "yes"]])
    model = caller(BAD, conf)
    macros.aging_report()
    assert model.alerts == []
    banner = notes_of(model, "Aging")[0]
    assert banner.startswith("READ LENIENTLY (--lenient): 1 problem in 1 row (see Data Health)")
    assert "1 row without an amount left out" in banner


def test_loss_rates_from_the_conf_sheet_in_one_cell_or_across_columns(caller):
    for row in (["LossRates", "1%,2%,5%,10%,50%"], ["LossRates", 0.01, 0.02, 0.05, 0.1, 0.5]):
        conf = sheet_from_rows("xl_ar.conf", [["Language", "en"], row])
        model, book = workbook(LEDGER, conf)
        got = macros.settings(book)
        assert got["options"]["loss_rates"] in ("1%,2%,5%,10%,50%", [0.01, 0.02, 0.05, 0.1, 0.5])
        assert got["lenient"] is False
        report = build_report(
            LEDGER, "2024-12-31", reports="allowance", options=got["options"], lang="en"
        )
        assert report.conventions["loss rates"] == (
            "Current 1.00%, 1-30 2.00%, 31-60 5.00%, 61-90 10.00%, >90 50.00%"
        )
        assert model.alerts == []
