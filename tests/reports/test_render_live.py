"""The live renderer against autospec'd xlwings doubles wired to an in-memory workbook.

Every double is ``unittest.mock.create_autospec(<real xlwings.main class>, instance=True,
spec_set=True)``: calling a method that does not exist, or with arguments the real signature
does not take, or setting an attribute the real class lacks, fails. Properties are served by
``PropertyMock``s installed only where the real class has that property (and a setter where
the renderer writes it); :func:`test_doubles_match_the_real_xlwings_classes` checks the fakes'
own signatures against ``xlwings.main`` so a drift in xlwings fails here.

The in-memory model behaves like Excel where it matters: a string written to a cell whose
number format is not ``@`` and that starts with ``=``, ``+``, ``-`` or ``@`` becomes a
formula; under ``@`` it stays text.
"""

from __future__ import annotations

import inspect
from typing import Any
from unittest import mock

import pandas as pd
import pytest
from book_model import (
    FAKE_METHODS,
    FAKE_PROPERTIES,
    NASTY,
    BookModel,
    Formula,
    SheetModel,
    make_book,
    user_sheet,
)

from xl_ar.reports.model import GENERATED_MARK, Chart, Report, Sheet, Table
from xl_ar.reports.render_live import (
    generated_key,
    is_generated,
    mark_text,
    plan_report,
    render_live,
)
from xl_ar.reports.style import NUMBER_FORMATS

# --------------------------------------------------------------------------- the model


# --------------------------------------------------------------------------- the doubles

#: (class, member) → the fake implementation, checked against the real class by the drift test.


# --------------------------------------------------------------------------- a tiny report


def tiny_report(key: str = "aging", customers: list[str] | None = None) -> Report:
    names = customers or ["PT Maju", *NASTY]
    frame = pd.DataFrame(
        {
            "customer": names,
            "balance": [1_500_000.0 * (i + 1) for i in range(len(names))],
            "share": [0.1] * len(names),
            "oldest": pd.to_datetime(["2024-11-30"] * len(names)),
        }
    )
    table = Table(
        "by_customer",
        frame,
        {
            "customer": ("Pelanggan", "Customer"),
            "balance": ("Saldo", "Balance"),
            "share": ("Porsi", "Share"),
            "oldest": ("Faktur tertua", "Oldest invoice"),
        },
        {"balance": "money", "share": "pct", "oldest": "date", "customer": "text"},
        total_row=True,
    )
    chart = Chart("column", ("Saldo", "Balance"), "by_customer", "customer", ["balance"])
    sheet = Sheet(key, ("Umur Piutang", "Aging"), ("Laporan Umur Piutang", "Aging Report"),
                  [table], [chart], notes=[("Per 31/12/2024", "As of 31/12/2024")])  # fmt: skip
    return Report([sheet], pd.Timestamp("2024-12-31"), "sheet Piutang", {"buckets": "30,60,90"},
                  "0.1.0", "PT Sinar Niaga Distribusi")  # fmt: skip


def fresh_book(*extra: SheetModel) -> tuple[BookModel, Any]:
    model = BookModel([user_sheet(), *extra])
    return model, make_book(model)


# --------------------------------------------------------------------------- tests


def test_render_writes_new_marked_sheets_at_the_end():
    model, book = fresh_book()
    names = render_live(tiny_report(), book)
    assert names == ["Umur Piutang", "Tentang Laporan"]
    assert [s.name for s in model.sheets] == ["Catatan", "Umur Piutang", "Tentang Laporan"]
    sheet = model.sheet("Umur Piutang")
    assert sheet.names == {GENERATED_MARK: mark_text("aging", "Umur Piutang")}
    assert sheet.cells[(1, 1)] == "Laporan Umur Piutang"
    assert sheet.cells[(4, 1)] == "Pelanggan" and (4, 1) in sheet.bold
    assert sheet.formats[(5, 2)] == NUMBER_FORMATS["money"] == "#,##0"
    assert sheet.formats[(5, 3)] == "0.0%" and sheet.formats[(5, 4)] == "dd/mm/yyyy"
    assert sheet.cells[(5, 2)] == 1_500_000.0
    assert (9, 1) in sheet.bold  # total row
    assert sheet.charts == [
        {"anchor": "$F$4", "source": "$A$4:$B$9", "plot_by": "columns",
         "type": "column_clustered", "title": "Saldo"}
    ]  # fmt: skip
    assert is_generated(make_book(model).sheets["Umur Piutang"])
    assert model.alerts == []


def test_formula_looking_customer_names_land_as_text():
    model, book = fresh_book()
    render_live(tiny_report(), book)
    sheet = model.sheet("Umur Piutang")
    written = {sheet.cells[(r, 1)]: sheet.formats[(r, 1)] for r in range(6, 10)}
    assert written == dict.fromkeys(NASTY, "@")
    assert not any(isinstance(v, Formula) for s in model.sheets[1:] for v in s.cells.values())


def test_without_the_text_format_the_model_would_make_a_formula():
    """The fake is strict enough to catch the bug the '@' format prevents."""
    model, book = fresh_book()
    sheet = make_book(model).sheets["Catatan"]
    sheet.range("B1").value = NASTY[0]
    assert model.sheet("Catatan").cells[(1, 2)] == Formula(NASTY[0])


def test_rerun_replaces_only_generated_sheets_and_leaves_user_sheets_identical():
    model, book = fresh_book()
    render_live(tiny_report(), book)
    before = {s.name: model.snapshot(s.name) for s in model.sheets if s.name == "Catatan"}
    first = list(model.sheets)
    names = render_live(tiny_report(customers=["PT Baru"]), book)
    assert names == ["Umur Piutang", "Tentang Laporan"]
    assert [s.name for s in model.sheets] == ["Catatan", "Umur Piutang", "Tentang Laporan"]
    assert model.sheets[0] is first[0] and model.snapshot("Catatan") == before["Catatan"]
    assert model.sheets[0].writes == 0
    assert first[1].deleted and first[2].deleted  # the old generated sheets were replaced
    assert model.sheet("Umur Piutang").cells[(5, 1)] == "PT Baru"


def test_user_sheet_with_the_same_name_is_never_touched():
    mine = SheetModel("Umur Piutang", cells={(1, 1): "punya saya"})
    model, book = fresh_book(mine)
    names = render_live(tiny_report(), book)
    assert names == ["Umur Piutang (2)", "Tentang Laporan"]
    assert mine.cells == {(1, 1): "punya saya"} and mine.writes == 0 and not mine.deleted
    # a copied generated sheet carries the mark of another name: it is the user's now
    copy = SheetModel("Salinan", names={GENERATED_MARK: mark_text("aging", "Umur Piutang (2)")})
    model.sheets.append(copy)
    render_live(tiny_report(), book)
    assert not copy.deleted and copy.writes == 0
    assert sorted(s.name for s in model.sheets) == sorted(
        ["Catatan", "Umur Piutang", "Umur Piutang (2)", "Tentang Laporan", "Salinan"]
    )


def test_other_reports_sheets_are_kept_and_language_switch_replaces_by_key():
    model, book = fresh_book()
    render_live(tiny_report("aging"), book)
    render_live(tiny_report("dashboard"), book, lang="en")
    keys = {s.name: generated_key(make_book(model).sheets[s.name]) for s in model.sheets}
    assert keys == {"Catatan": None, "Umur Piutang": "aging", "Aging": "dashboard",
                    "About": "about"}  # fmt: skip


def test_a_failing_write_leaves_no_half_written_sheet():
    model, book = fresh_book()
    render_live(tiny_report(), book)
    kept = [(s.name, dict(s.cells)) for s in model.sheets]
    model.fail_on_write = "PT Gagal"
    with pytest.raises(RuntimeError):
        render_live(tiny_report(customers=["PT Gagal"]), book)
    assert [(s.name, dict(s.cells)) for s in model.sheets] == kept
    assert model.status[-1] is False and model.screen_updating is True


def test_a_bad_report_fails_before_excel_is_touched():
    report = tiny_report()
    bad_chart = Chart("line", ("x", "x"), "no_such_table", "customer", ["balance"])
    sheet = report.sheets[0]
    broken = Report([Sheet(sheet.key, sheet.name, sheet.title, sheet.tables, [bad_chart])],
                    report.as_of, report.source, report.conventions, report.version)  # fmt: skip
    model, book = fresh_book()
    with pytest.raises(ValueError, match="no table"):
        render_live(broken, book)
    assert [s.name for s in model.sheets] == ["Catatan"] and model.status == []


def test_status_bar_progress_and_reset_and_screen_updating_restored():
    model, book = fresh_book()
    model.screen_updating = True
    render_live(tiny_report(), book)
    assert model.status == ["xl-ar: Umur Piutang 1/2", "xl-ar: Tentang Laporan 2/2", False]
    assert model.screen_log == [False, True]


def test_plan_is_rectangular_and_sheet_names_are_valid():
    long = Sheet("x", ("A/B:C" + "x" * 40, "y"), ("t", "t"), [tiny_report().sheets[0].tables[0]])
    plans = plan_report(Report([long], pd.Timestamp("2024-12-31"), "", {}, "0.1.0"))
    assert plans[0].name == "A-B-C" + "x" * 26
    assert len({len(r) for r in plans[0].grid}) == 1


def test_doubles_match_the_real_xlwings_classes():
    """Drift check: every fake method has the real method's parameters, every property exists."""
    fresh_book()  # registers the fakes
    render_live(tiny_report(), fresh_book()[1])
    assert FAKE_METHODS and FAKE_PROPERTIES
    for (cls, name), fake in FAKE_METHODS.items():
        real = inspect.signature(getattr(cls, name))
        want = [p for p in real.parameters.values() if p.name != "self"]
        got = list(inspect.signature(fake).parameters.values())
        assert [(p.name, p.kind) for p in got] == [(p.name, p.kind) for p in want], (cls, name)
    for cls, name, written in FAKE_PROPERTIES:
        prop = inspect.getattr_static(cls, name)
        assert isinstance(prop, property), (cls, name)
        assert not written or prop.fset is not None, (cls, name)


def test_sheets_marked_by_the_file_renderer_are_replaced_too():
    filed = SheetModel("Umur Piutang", cells={(1, 1): "lama"}, names={GENERATED_MARK: '="aging"'})
    other = SheetModel("Lain", names={"xl_ar_generated": '="bukan tanda|x"', "Tarif": "=1"})
    model, book = fresh_book(filed, other)
    assert render_live(tiny_report(), book) == ["Umur Piutang", "Tentang Laporan"]
    assert filed.deleted and not other.deleted and other.writes == 0


def test_highlight_rules_are_planned_on_data_rows_only():
    from xl_ar.reports.model import Report, Sheet, Table
    from xl_ar.reports.render_live import HIGHLIGHTS, plan_report

    frame = pd.DataFrame({"customer": ["A", "B", "Total"], ">90": [5.0, 0.0, 5.0]})
    table = Table("aging", frame, {"customer": ("Pelanggan", "Customer"), ">90": (">90", ">90")},
                  {"customer": "text", ">90": "money"}, total_row=True,
                  highlight={">90": "overdue", "missing": "overdue"})  # fmt: skip
    report = Report((Sheet("aging", ("Umur", "Aging"), ("Umur", "Aging"), (table,)),),
                    pd.Timestamp("2024-12-31"), "test", {}, "0")  # fmt: skip
    plans = plan_report(report, lang="id")
    [(box, rule)] = plans[0].highlights
    assert rule == "overdue" and rule in HIGHLIGHTS
    assert box[1] == box[3] == 2 and box[2] - box[0] == 1  # two data rows, the Total left out


def test_highlight_sends_excel_its_conditional_format():

    from xl_ar.reports.render_live import _highlight

    api = mock.MagicMock()
    _highlight(api, (5, 3, 9, 3), "flag")
    api.FormatConditions.Add.assert_called_once_with(
        Type=2, Formula1='=OR(C5="Ya",C5="Yes",C5=TRUE)'
    )
    api = mock.MagicMock()
    _highlight(api, (5, 3, 9, 3), "overdue")
    api.FormatConditions.Add.assert_called_once_with(Type=1, Operator=5, Formula1="=0")
    assert api.FormatConditions.Add.return_value.Interior.Color == 0xCEC7FF
