"""The public UDF harness ``xl_ar.testing`` runs xlwings' own conversion code on Linux.

The demo UDFs below are written the way xlwings documents them (``import xlwings as xw`` +
``@xw.func``/``@xw.arg``/``@xw.ret``) into a temporary module that is imported after the real
decorators are installed.
"""

from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from xl_ar import testing
from xl_ar.testing import MISSING, excel_call
from xl_ar.udfs.registry import vba_wrapper_text

MODULE = "xl_ar_harness_demo_udfs"

DEMO_SOURCE = '''
import datetime as dt

import numpy as np
import pandas as pd
import xlwings as xw


@xw.func
@xw.arg("rows", ndim=2)
@xw.arg("as_of", dt.datetime)
@xw.ret(index=False, header=True)
def DEMO_TABLE(rows, as_of):
    """Days past due per row, as a table with a header row."""
    frame = pd.DataFrame(rows[1:], columns=rows[0])
    frame["due"] = pd.to_datetime(frame["due"])
    frame["days"] = (as_of - frame["due"]).dt.days
    frame["half"] = frame["amount"] / 2
    return frame


@xw.func
@xw.arg("rows", ndim=2)
def DEMO_TOTAL(rows):
    return np.nansum([v for row in rows for v in row if isinstance(v, float)])


@xw.func
def DEMO_OPT(x, scale=2.0, label="total"):
    return f"{label}: {x!r} x {scale!r}"


@xw.func
def DEMO_ROW(n):
    return [float(i) for i in range(int(n))]


@xw.func
def DEMO_COL():
    return [[1.0], [2.0]]


@xw.func
def DEMO_ONE():
    return [[5.0]]


@xw.func
def DEMO_BLANKS():
    return [None, float("nan"), pd.NaT, pd.NA, np.float64(1.5), np.int64(3), 3, True]


@xw.func
def DEMO_RAISE(x):
    raise ValueError(f"bad value {x!r}")


@xw.func
def DEMO_MESSAGE(x):
    try:
        return 1.0 / x
    except (TypeError, ZeroDivisionError) as exc:
        return f"DEMO_MESSAGE: {exc}"


@xw.func
def DEMO_WHEN(when):
    return [type(when).__name__, when]


@xw.func
@xw.arg("when", dt.datetime)
def DEMO_WHEN_CONVERTED(when):
    return [type(when).__name__, when]


@xw.func
@xw.arg("when", dates=dt.date)
def DEMO_WHEN_DATES(when):
    return [type(when).__name__, repr(when)]


@xw.func
def DEMO_WHEN_HINTED(when: dt.date):
    return [type(when).__name__, repr(when)]


@xw.func
@xw.arg("cells", ndim=2, err_to_str=True)
def DEMO_ERRORS_AS_TEXT(cells):
    return repr(cells)


@xw.func
@xw.arg("cells", ndim=2)
def DEMO_ERRORS(cells):
    return repr(cells)


@xw.func
@xw.arg("cells", "raw")
def DEMO_RAW(cells):
    return repr(cells)


@xw.func
def DEMO_NUMPY_BOOL():
    return np.bool_(True)


@xw.func
def DEMO_SUM(*values):
    return sum(values)


@xw.func(name="IGNORED_NAME")
def DEMO_NAMED():
    return 1.0


@xw.sub
def DEMO_SUB():
    pass
'''


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    testing.install_udf_decorators()
    folder = tmp_path_factory.mktemp("udfs")
    (folder / f"{MODULE}.py").write_text(DEMO_SOURCE, encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(MODULE)
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop(MODULE, None)


def call(name: str, *args, **kwargs):
    return excel_call(name, *args, module=MODULE, **kwargs)


# --- installation ----------------------------------------------------------------------------
def test_real_decorators_record_xlfunc(demo):
    import xlwings as xw
    import xlwings.udfs

    assert xw.func is xlwings.udfs.xlfunc and xw.arg is xlwings.udfs.xlarg
    assert xw.ret is xlwings.udfs.xlret and xw.sub is xlwings.udfs.xlsub
    info = demo.DEMO_TABLE.__xlfunc__
    assert [a["name"] for a in info["args"]] == ["rows", "as_of"]
    assert info["args"][0]["options"] == {"ndim": 2}
    assert info["args"][1]["options"] == {"convert": dt.datetime}
    assert info["ret"]["options"] == {"index": False, "header": True}
    assert demo.DEMO_OPT.__xlfunc__["args"][1]["optional"] == 2.0
    assert demo.DEMO_SUB.__xlfunc__["sub"] is True


def test_install_is_idempotent_and_registers_one_excel_engine(demo):
    import xlwings as xw

    testing.install_udf_decorators()
    testing.install_udf_decorators()
    assert [e.name for e in xw.engines].count("excel") == 1
    impl = xw.engines["excel"].impl
    # xlwings' own code from _xlwindows.py runs, not a copy kept in this repository
    assert Path(impl.prepare_xl_data_element.__code__.co_filename).name == "_xlwindows.py"
    assert Path(impl.clean_value_data.__code__.co_filename).name == "_xlwindows.py"


def test_udf_functions_are_keyed_by_excel_name(demo):
    functions = testing.udf_functions(MODULE)
    assert functions["DEMO_TABLE"] is demo.DEMO_TABLE
    assert "DEMO_SUB" in functions
    # xlwings 0.37.8 ignores @xw.func(name=...): the Excel name is the Python name
    assert "DEMO_NAMED" in functions and "IGNORED_NAME" not in functions
    assert call("demo_total", [[1.0]]) == 1.0  # Excel names ignore case
    with pytest.raises(KeyError, match="IGNORED_NAME"):
        call("IGNORED_NAME")


# --- results ---------------------------------------------------------------------------------
def test_dataframe_comes_back_as_rows_with_header_and_blank_text(demo):
    rows = [
        ["customer", "due", "amount"],
        ["A", dt.datetime(2024, 11, 30), 100.0],
        [None, None, None],
    ]
    result = call("DEMO_TABLE", rows, 45657.0)  # as_of typed as DATE(2024,12,31)
    assert result == [
        ["customer", "due", "amount", "days", "half"],
        ["A", dt.datetime(2024, 11, 30), 100.0, 31.0, 50.0],
        ["", "", "", "", ""],
    ]
    assert type(result[1][3]) is float  # numpy int64/float64 -> float
    assert result[1][1].tzinfo is None  # COM date: the tz stamp xlwings adds is gone


def test_one_by_one_is_a_scalar_and_one_by_n_is_one_dimensional(demo):
    total = call("DEMO_TOTAL", [[1.0, None, "x"], [2.5, 4.0, True]])
    assert total == 7.5 and type(total) is float
    assert call("DEMO_ONE") == 5.0
    assert call("DEMO_ROW", 3.0) == [0.0, 1.0, 2.0]
    assert call("DEMO_ROW", 1.0) == 0.0
    assert call("DEMO_COL") == [[1.0], [2.0]]  # N x 1 stays 2-D


def test_none_nan_nat_na_become_empty_text_numpy_numbers_become_float(demo):
    result = call("DEMO_BLANKS")
    assert result == ["", "", "", "", 1.5, 3.0, 3, True]
    assert [type(v) for v in result[4:]] == [float, float, int, bool]


def test_missing_arguments_get_the_python_default_without_conversion(demo):
    assert call("DEMO_OPT", 3.0) == "total: 3.0 x 2.0"
    assert call("DEMO_OPT", 3.0, MISSING, "sum") == "sum: 3.0 x 2.0"
    # an empty cell is not a missing argument: the default does not apply
    assert call("DEMO_OPT", 3.0, None) == "total: 3.0 x None"


def test_varargs_use_the_last_argument_options(demo):
    assert call("DEMO_SUM", 1.0, 2.0, 3.5) == 6.5


# --- dates -----------------------------------------------------------------------------------
def test_dates_without_converter_arrive_as_excel_sent_them(demo):
    assert call("DEMO_WHEN", 45657.0) == ["float", 45657.0]
    assert call("DEMO_WHEN", dt.datetime(2024, 12, 31)) == [
        "datetime",
        dt.datetime(2024, 12, 31),
    ]


def test_datetime_converter_turns_serials_into_datetimes(demo):
    expected = ["datetime", dt.datetime(2024, 12, 31)]
    assert call("DEMO_WHEN_CONVERTED", 45657.0) == expected
    assert call("DEMO_WHEN_CONVERTED", dt.datetime(2024, 12, 31)) == expected


def test_dates_option_and_date_hint_do_not_convert_serials(demo):
    assert call("DEMO_WHEN_DATES", dt.datetime(2024, 12, 31)) == [
        "date",
        "datetime.date(2024, 12, 31)",
    ]
    assert call("DEMO_WHEN_DATES", 45657.0) == ["float", "45657.0"]
    # xlwings skips the converter for date/datetime type hints ("pywin32 converts")
    assert call("DEMO_WHEN_HINTED", 45657.0) == ["float", "45657.0"]


# --- inputs ----------------------------------------------------------------------------------
def test_error_cells_are_none_unless_err_to_str(demo):
    na = testing.excel_error_code("#N/A")
    assert na == -2146826246
    assert call("DEMO_ERRORS_AS_TEXT", [[na, None, 1.0]]) == "[['#N/A', None, 1.0]]"
    assert call("DEMO_ERRORS", [[na, None, 1.0]]) == "[[None, None, 1.0]]"


def test_currency_cells_arrive_as_decimal_and_raw_arrays_as_tuples(demo):
    assert call("DEMO_ERRORS", [[Decimal("1.5")]]) == "[[Decimal('1.5')]]"
    assert call("DEMO_RAW", [[1.0, 2.0]]) == "((1.0, 2.0),)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1,), "numbers arrive as float"),
        ((dt.date(2024, 12, 31),), "dates arrive as datetime"),
        ((float("nan"),), "empty cell is None"),
        (([[1.0, 2.0], [3.0]],), "rectangular"),
        ((1.0, 2.0), "takes 1 arguments"),
        ((), "required arguments"),
    ],
)
def test_calls_excel_cannot_make_are_rejected(demo, args, message):
    with pytest.raises(TypeError, match=message):
        call("DEMO_MESSAGE", *args)


def test_results_excel_cannot_hold_are_rejected(demo):
    with pytest.raises(TypeError, match="numpy"):
        call("DEMO_NUMPY_BOOL")
    with pytest.raises(TypeError, match="Sub"):
        call("DEMO_SUB")


# --- errors ----------------------------------------------------------------------------------
def test_returned_message_is_the_cell_text(demo):
    assert call("DEMO_MESSAGE", 0.0) == "DEMO_MESSAGE: float division by zero"
    assert call("DEMO_MESSAGE", 4.0) == 0.25


def test_uncaught_exception_shows_reversed_traceback_in_the_cell(demo):
    text = call("DEMO_RAISE", 2.0)
    lines = text.split("\n")
    assert lines[0] == "ValueError: bad value 2.0"
    assert lines[1].strip() == 'raise ValueError(f"bad value {x!r}")'
    assert lines[2].startswith('  File "') and lines[2].endswith(", in DEMO_RAISE")
    assert "Traceback (most recent call last):" not in text
    assert "" not in lines
    with pytest.raises(ValueError, match="bad value 2.0"):
        call("DEMO_RAISE", 2.0, raise_errors=True)


def test_function_objects_can_be_called_directly(demo):
    assert excel_call(demo.DEMO_TOTAL, [[2.0, 3.0]]) == 5.0
    with pytest.raises(TypeError, match="__xlfunc__"):
        excel_call(len, [[1.0]])


# --- VBA and drift ---------------------------------------------------------------------------
def test_vba_wrapper_text_is_what_xlwings_imports(demo):
    text = vba_wrapper_text(MODULE)
    assert "Function DEMO_TABLE(rows, as_of)" in text
    assert "Function DEMO_OPT(x, Optional scale, Optional label)" in text
    assert "Function DEMO_SUM(ParamArray values())" in text
    assert "Sub DEMO_SUB()" in text
    assert (
        f'DEMO_TABLE = XLPy.CallUDF("{MODULE}", "DEMO_TABLE", Array(rows, as_of), '
        "ActiveWorkbook, Application.Caller)"
    ) in text
    assert "DEMO_TABLE = Err.Description" in text
    assert "ThisWorkbook" in vba_wrapper_text(MODULE, workbook_name="book.xlsm")


def test_harness_matches_installed_xlwings():
    assert testing.harness_drift() == []


def test_harness_drift_reports_a_changed_call_udf(monkeypatch):
    import xlwings.udfs

    def call_udf(module_name, func_name, args, this_workbook=None, caller=None):
        return func_name(*args)  # no conversion.read / conversion.write any more

    monkeypatch.setattr(xlwings.udfs, "call_udf", call_udf)
    drift = testing.harness_drift()
    assert any("conversion.read" in line for line in drift)
    assert any("conversion.write" in line for line in drift)
    assert any("-2147352572" in line for line in drift)


# --- a fresh process -------------------------------------------------------------------------
def test_fresh_process_reimports_early_modules_and_keeps_importable_modules(tmp_path):
    (tmp_path / f"{MODULE}.py").write_text(DEMO_SOURCE, encoding="utf-8")
    # a module that imports for real must not be replaced by a stand-in
    (tmp_path / "win32timezone.py").write_text("REAL = True\n", encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        from xl_ar import testing
        assert "xlwings" not in sys.modules  # importing the harness loads nothing
        import {MODULE} as early  # imported before the real decorators
        assert not hasattr(early.DEMO_TOTAL, "__xlfunc__")
        functions = testing.udf_functions({MODULE!r})
        assert hasattr(functions["DEMO_TOTAL"], "__xlfunc__")
        assert testing.excel_call("DEMO_TOTAL", [[1.0, 2.0]], module={MODULE!r}) == 3.0
        assert sys.modules["win32timezone"].REAL
        stubbed = sorted(
            name for name in ("pywintypes", "pythoncom", "win32com", "win32timezone")
            if getattr(sys.modules[name], "__xl_ar_testing_stub__", False)
        )
        print(stubbed)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    if sys.platform != "win32":
        assert done.stdout.strip() == "['pythoncom', 'pywintypes', 'win32com']"
