"""Checks that need a real Microsoft Excel on Windows (skipped everywhere else).

Manual release check on a Windows machine with Excel and this package installed
(``pip install .[test]``, ``xlwings addin install``)::

    python -m pytest -m excel tests/udfs/test_live_excel.py

It opens a new workbook, imports the UDF module through xlwings' own "Import Functions" path,
types formulas and compares what the cells show with what xl_ar.testing.excel_call predicts.
"""

from __future__ import annotations

import sys

import pytest

pytestmark = [
    pytest.mark.excel,
    pytest.mark.skipif(sys.platform != "win32", reason="needs Microsoft Excel on Windows"),
]

FORMULAS = {
    "A1": ("=AR_DSO(200000,2000000,365)", ("AR_DSO", 200000.0, 2000000.0, 365.0)),
    "A2": ("=AR_CEI(6200,10890,6340,3590,3)", ("AR_CEI", 6200.0, 10890.0, 6340.0, 3590.0, 3.0)),
    "A3": ("=AR_DSO(1,0)", ("AR_DSO", 1.0, 0.0)),
    "A4": ("=AR_BUCKET(31)", ("AR_BUCKET", 31.0)),
}


def test_cells_in_excel_show_what_the_harness_predicts():  # pragma: no cover - Windows only
    xw = pytest.importorskip("xlwings")
    from xl_ar.testing import excel_call

    app = xw.App(visible=False)
    try:
        book = app.books.add()
        sheet = book.sheets[0]
        xw.import_udfs("xl_ar.udfs", book.api)  # xlwings' own path: VBA wrappers + MacroOptions
        for cell, (formula, _) in FORMULAS.items():
            sheet.range(cell).formula = formula
        app.calculate()
        for cell, (_, call) in FORMULAS.items():
            assert sheet.range(cell).value == excel_call(*call), cell
    finally:
        app.kill()
