"""Test harness: run xlwings UDFs on any OS the way Excel on Windows runs them.

Calling a worksheet function directly skips every conversion that Excel and xlwings apply on
Windows. This module makes xlwings' own code do that work on any OS (it is for tests and
benchmarks; nothing in the ``xl_ar`` package imports it):

* :func:`install_udf_decorators` puts small stand-ins for the pywin32 modules into
  ``sys.modules`` (only when the real ones cannot be imported), imports the real decorators
  from ``xlwings.udfs`` and registers an ``"excel"`` engine whose value cleaning is the code
  of the installed ``xlwings/_xlwindows.py``, extracted from its source at run time;
* :func:`excel_call` calls a UDF along the value path of ``xlwings.udfs.call_udf`` and of
  the COM server's ``XLPython.CallUDF``, and returns what the worksheet cell receives;
* :func:`udf_functions` lists a module's UDFs (re-importing a module that predates the
  real decorators) and :func:`harness_drift` checks that the xlwings code this harness
  mirrors has not changed.

xl-ar's own functions carry their xlwings metadata on every OS already
(:mod:`xl_ar.udfs.registry`); the stand-in modules are needed for xlwings' conversion code
and for test modules that use ``@xw.func`` directly.

Nothing here needs Excel, Windows or pywin32; on Windows with pywin32 the real modules and
the real ``"excel"`` engine are used unchanged. Importing this module imports neither
xlwings nor pandas: everything is loaded on the first call.
"""

from __future__ import annotations

import ast
import builtins
import datetime as _dt
import decimal
import importlib
import inspect
import math
import sys
import traceback
import types
from collections.abc import Callable
from typing import Any

__all__ = [
    "MISSING",
    "excel_call",
    "excel_error_code",
    "harness_drift",
    "install_udf_decorators",
    "udf_functions",
]

#: What VBA passes for an omitted ``Optional`` argument: a ``VT_ERROR`` variant with
#: ``DISP_E_PARAMNOTFOUND``, which pywin32 turns into this int. ``call_udf`` replaces it with
#: the Python default of the parameter *without* running any converter.
MISSING = -2147352572

_DEFAULT_MODULE = "xl_ar.udfs"
_STUB_MARK = "__xl_ar_testing_stub__"

#: Names taken from ``xlwings/_xlwindows.py`` to build the stand-in ``"excel"`` engine.
_XLWINDOWS_NAMES = frozenset(
    {
        "time_types",
        "cell_errors",
        "_com_time_to_datetime",
        "_datetime_to_com_time",
        "_clean_value_data_element",
        "Engine",
    }
)

#: Pieces of xlwings' source that the harness mirrors (compared without whitespace).
_CALL_UDF_FRAGMENTS = {
    "argument info lookup (varargs reuse the last entry)": (
        "arg_info = args_info[min(i, len(args_info) - 1)]"
    ),
    "missing-argument value -2147352572": "isinstance(arg, int) and arg == -2147352572",
    "missing argument -> declared default, no conversion": (
        'args[i] = arg_info.get("optional", None)'
    ),
    "conversion.read of a value argument": (
        'args[i] = conversion.read(None, arg, arg_info["options"])'
    ),
    "plain function call": "ret = func(*args)",
    "conversion.write of the result": (
        'xl_result = conversion.write(ret, None, ret_info["options"])'
    ),
    "returns the converted result": "return xl_result",
}
_CALL_UDF_SHAPE_FRAGMENTS = {
    "1x1 result becomes a scalar": "if len(res) == 1 and len(res[0]) == 1: res = res[0][0]",
    "1xN result becomes a 1-D list": "elif len(res) == 1 and len(res[0]) > 1: res = res[0]",
}
_VBA_FRAGMENTS = {
    "VBA calls XLPy.CallUDF": "XLPy.CallUDF(",
    "VBA error handler only for cell callers": "If TypeOf Application.Caller Is Range Then",
    "VBA puts Err.Description in the cell": ' = Err.Description"',
    "optional arguments are declared Optional": 'func_sig += "Optional "',
}

_state: dict[str, Any] = {
    "installed": False,
    "preexisting": frozenset(),  # modules imported before the real decorators were bound
    "refreshed": set(),  # modules re-imported by udf_functions() after that
    "cell_errors": {},  # xlwings' error-code table (code -> "#N/A" ...)
    "call_udf_shape": None,  # XLPython.CallUDF from xlwings/com_server.py
}


# --- installation -------------------------------------------------------------------------
class _NoExcelApps:
    """Stand-in for ``_xlwindows.Apps``: there is no Excel application to talk to."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise RuntimeError(
            "xl_ar.testing: the 'excel' engine registered here only converts values; "
            "there is no Excel application on this platform"
        )


def _stub_module(name: str, doc: str, **attrs: Any) -> types.ModuleType:
    module = types.ModuleType(name, doc)
    for key, value in attrs.items():
        setattr(module, key, value)
    setattr(module, _STUB_MARK, True)

    def __getattr__(attr: str) -> Any:  # PEP 562: clear message for anything not stubbed
        raise AttributeError(
            f"{name}.{attr} is not available: {name} is a stand-in installed by "
            "xl_ar.testing because pywin32 is not installed"
        )

    module.__getattr__ = __getattr__  # type: ignore[method-assign]
    return module


def _no_com(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("xl_ar.testing: COM is not available on this platform")


def _install_pywin32_stubs() -> None:
    """Put stand-ins for the pywin32 modules into ``sys.modules`` where the real ones fail."""

    def importable(name: str) -> bool:
        try:
            importlib.import_module(name)
        except ImportError:
            return False
        return True

    if not importable("pywintypes"):

        class com_error(Exception):
            """Stand-in for ``pywintypes.com_error``."""

        sys.modules["pywintypes"] = _stub_module(
            "pywintypes",
            "pywin32 stand-in (xl_ar.testing): TimeType is datetime.datetime.",
            TimeType=_dt.datetime,
            com_error=com_error,
            error=com_error,
            IID=str,
        )
    if not importable("pythoncom"):
        pywintypes = sys.modules["pywintypes"]
        sys.modules["pythoncom"] = _stub_module(
            "pythoncom",
            "pywin32 stand-in (xl_ar.testing): no COM.",
            com_error=pywintypes.com_error,
            CoInitialize=lambda: None,
            CoUninitialize=lambda: None,
            IID_IDispatch="{00020400-0000-0000-C000-000000000046}",
            CoMarshalInterThreadInterfaceInStream=_no_com,
            CoGetInterfaceAndReleaseStream=_no_com,
        )
    if not importable("win32com.client"):
        client = _stub_module(
            "win32com.client",
            "pywin32 stand-in (xl_ar.testing): Dispatch raises.",
            Dispatch=_no_com,
        )
        package = sys.modules.get("win32com")
        if package is None or not importable("win32com"):
            package = _stub_module("win32com", "pywin32 stand-in (xl_ar.testing).")
            package.__path__ = []  # a package, so that win32com.client resolves
            sys.modules["win32com"] = package
        package.client = client
        sys.modules["win32com.client"] = client
    if not importable("win32timezone"):

        class TimeZoneInfo:
            """Stand-in for ``win32timezone.TimeZoneInfo`` (only ``utc()`` is used)."""

            @staticmethod
            def utc() -> _dt.tzinfo:
                return _dt.UTC

        sys.modules["win32timezone"] = _stub_module(
            "win32timezone",
            "pywin32 stand-in (xl_ar.testing): TimeZoneInfo.utc() is datetime.UTC.",
            TimeZoneInfo=TimeZoneInfo,
        )


def _extract_xlwindows_values() -> tuple[dict[str, Any], list[str]]:
    """Execute the value-cleaning part of ``xlwings/_xlwindows.py`` (its own source).

    Returns the namespace and a list of problems (empty when everything was found).
    """
    from xl_ar.udfs.xlwings_code import load_definitions

    return load_definitions(
        "xlwings._xlwindows",
        _XLWINDOWS_NAMES,
        {"Apps": _NoExcelApps},  # only behind Engine.apps, never needed for values
        name="xl_ar.testing._xlwindows_values",
    )


def _extract_calludf_shape() -> tuple[Callable[..., Any] | None, list[str]]:
    """``XLPython.CallUDF`` from ``xlwings/com_server.py`` (it reduces 1x1 and 1xN results)."""
    from xl_ar.udfs.xlwings_code import xlwings_source

    source, filename = xlwings_source("xlwings.com_server")
    tree = ast.parse(source, filename)
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "XLPython":
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "CallUDF":
                    text = _squash(ast.unparse(item))
                    missing = [
                        f"xlwings/com_server.py XLPython.CallUDF: {what} changed"
                        for what, fragment in _CALL_UDF_SHAPE_FRAGMENTS.items()
                        if _squash(fragment) not in text
                    ]
                    namespace: dict[str, Any] = {"__builtins__": builtins}
                    exec(compile(ast.Module([item], []), filename, "exec"), namespace)
                    return namespace["CallUDF"], missing
    return None, ["xlwings/com_server.py no longer defines XLPython.CallUDF"]


def install_udf_decorators() -> None:
    """Make ``@xw.func``, ``@xw.arg``, ``@xw.ret`` and ``@xw.sub`` the real xlwings decorators.

    Idempotent. It

    1. puts stand-ins for ``pywintypes``, ``pythoncom``, ``win32com``, ``win32com.client``
       and ``win32timezone`` into ``sys.modules``, each only if the real module cannot be
       imported (with pywin32 installed nothing is replaced);
    2. imports ``xlwings.udfs`` and binds ``xlwings.func/arg/ret/sub/script`` to its
       ``xlfunc/xlarg/xlret/xlsub``, so that a module that does ``import xlwings as xw`` and
       is imported *afterwards* records ``f.__xlfunc__`` exactly as on Windows;
    3. registers an ``"excel"`` engine in ``xlwings.engines`` if there is none. Its value
       cleaning (``prepare_xl_data_element``, ``clean_value_data`` and the helpers they use)
       is the code of the installed ``xlwings/_xlwindows.py``, taken from its source with
       :mod:`ast` and executed here, so ``xlwings.conversion.read/write`` run unchanged.
       ``xlwings.engines.active`` is left alone.

    Raises
    ------
    RuntimeError
        If the installed xlwings no longer has the pieces this harness relies on
        (see :func:`harness_drift`).

    Notes
    -----
    Modules imported *before* this call keep the no-op decorators; :func:`udf_functions` and
    :func:`excel_call` re-import such modules. The stand-in modules stay in ``sys.modules``
    for the rest of the process: code that probes ``import pythoncom`` to detect Windows
    will be fooled (each stand-in has the attribute ``__xl_ar_testing_stub__``).
    """
    if not _state["installed"]:
        _state["preexisting"] = frozenset(sys.modules)
        _install_pywin32_stubs()
    import xlwings
    import xlwings.main
    import xlwings.udfs

    udfs = xlwings.udfs
    for name, real in (
        ("func", udfs.xlfunc),
        ("arg", udfs.xlarg),
        ("ret", udfs.xlret),
        ("sub", udfs.xlsub),
        ("script", udfs.xlsub),
    ):
        setattr(xlwings, name, real)

    if "excel" not in xlwings.engines.engines_by_name:
        namespace, problems = _extract_xlwindows_values()
        if problems:
            raise RuntimeError("xl_ar.testing: " + "; ".join(problems))
        impl = namespace["Engine"]()
        impl.xl_ar_testing_stand_in = True
        xlwings.engines.add(xlwings.main.Engine(impl=impl))
        _state["cell_errors"] = dict(namespace["cell_errors"])
    elif not _state["cell_errors"]:
        module = sys.modules.get("xlwings._xlwindows")
        if module is not None:  # the real engine (Windows)
            _state["cell_errors"] = dict(module.cell_errors)
        else:
            namespace, _ = _extract_xlwindows_values()
            _state["cell_errors"] = dict(namespace.get("cell_errors", {}))

    if _state["call_udf_shape"] is None:
        shape, problems = _extract_calludf_shape()
        if shape is None:
            raise RuntimeError("xl_ar.testing: " + "; ".join(problems))
        _state["call_udf_shape"] = shape
    _state["installed"] = True


# --- discovering UDFs -----------------------------------------------------------------------
def _declares_udfs(module: types.ModuleType) -> bool:
    return any(hasattr(getattr(module, attr), "__xlfunc__") for attr in dir(module))


def _udf_module(module: str | types.ModuleType) -> types.ModuleType:
    """Import ``module`` with the real decorators bound, re-importing it if it predates them.

    A module whose functions already carry ``__xlfunc__`` (xl-ar's own, declared through
    :mod:`xl_ar.udfs.registry`) is used as it is.
    """
    install_udf_decorators()
    name = module if isinstance(module, str) else module.__name__
    loaded = sys.modules.get(name)
    if loaded is None:
        _state["refreshed"].add(name)
        if isinstance(module, types.ModuleType):
            return module
        return importlib.import_module(name)
    if (
        name in _state["preexisting"]
        and name not in _state["refreshed"]
        and not _declares_udfs(loaded)
    ):
        _state["refreshed"].add(name)
        if getattr(loaded, "__spec__", None) is not None:
            return importlib.reload(loaded)
    return loaded


def udf_functions(
    module: str | types.ModuleType = _DEFAULT_MODULE,
) -> dict[str, Callable[..., Any]]:
    """Excel name -> decorated function, for every object of ``module`` with ``__xlfunc__``.

    The discovery of :func:`xl_ar.udfs.registry.udf_functions` (``dir(module)``, as
    xlwings' VBA wrapper writer), after making sure the module was decorated for real.

    Parameters
    ----------
    module : str or module, default "xl_ar.udfs"
        Module name or module object. A module imported before
        :func:`install_udf_decorators` whose functions have no ``__xlfunc__`` is re-imported
        once so that the real decorators run.

    Returns
    -------
    dict of str to callable
        Keys are ``__xlfunc__["name"]``: in xlwings 0.37.8 always the Python ``__name__``
        (``@xw.func(name=...)`` is silently ignored by the desktop decorators).
    """
    from xl_ar.udfs.registry import udf_functions as declared

    return declared(_udf_module(module))


def _resolve(udf: str | Callable[..., Any], module: str | types.ModuleType) -> Callable[..., Any]:
    if callable(udf) and not isinstance(udf, str):
        if not hasattr(udf, "__xlfunc__"):
            raise TypeError(
                f"{getattr(udf, '__name__', udf)!r} has no __xlfunc__: decorate it with "
                "@xw.func after install_udf_decorators() (or re-import its module)"
            )
        return udf
    functions = udf_functions(module)
    if udf in functions:
        return functions[udf]
    by_upper = {name.upper(): func for name, func in functions.items()}
    if udf.upper() in by_upper:  # Excel function names ignore case
        return by_upper[udf.upper()]
    mod_name = module if isinstance(module, str) else module.__name__
    raise KeyError(f"no UDF {udf!r} in {mod_name}; available: {sorted(functions)}")


# --- what Excel sends -----------------------------------------------------------------------
def excel_error_code(error: str) -> int:
    """The int that pywin32 hands xlwings for an error cell such as ``"#N/A"``.

    Use it to put an error cell into a range given to :func:`excel_call`; xlwings turns it
    into ``None``, or into the error text when the argument has ``err_to_str=True``.

    Parameters
    ----------
    error : str
        One of ``"#DIV/0!"``, ``"#N/A"``, ``"#NAME?"``, ``"#NULL!"``, ``"#NUM!"``,
        ``"#REF!"``, ``"#VALUE!"`` (the table of the installed xlwings).

    Returns
    -------
    int
        The ``VT_ERROR`` code, e.g. ``-2146826246`` for ``"#N/A"``.
    """
    install_udf_decorators()
    codes = {text: code for code, text in _state["cell_errors"].items()}
    if error not in codes:
        raise KeyError(f"unknown Excel error {error!r}; known: {sorted(codes)}")
    return codes[error]


_PLAIN_CELLS = frozenset({type(None), bool, str, decimal.Decimal, _dt.datetime, float})


def _check_row(row: list | tuple, where: str) -> tuple:
    """A row of cells as a tuple; fast path when every cell has a plain Excel type."""
    cells = tuple(row)
    kinds = set(map(type, cells))
    if kinds <= _PLAIN_CELLS and (
        float not in kinds or all(math.isfinite(v) for v in cells if type(v) is float)
    ):
        return cells
    return tuple(_check_input(v, where, 2) for v in cells)


def _check_input(value: Any, where: str, depth: int = 0) -> Any:
    """Validate one argument as Excel would send it; nested lists become tuples (pywin32)."""
    if isinstance(value, list | tuple):
        if depth >= 2:
            raise TypeError(f"{where}: Excel sends at most 2-D arrays")
        if depth == 1:
            return _check_row(value, where)
        rows = tuple(_check_input(v, where, depth + 1) for v in value)
        if depth == 0 and rows and isinstance(rows[0], tuple):
            widths = {len(r) if isinstance(r, tuple) else -1 for r in rows}
            if len(widths) != 1 or -1 in widths:
                raise TypeError(f"{where}: a range must be a rectangular list of row lists")
        elif depth == 0 and any(isinstance(r, tuple) for r in rows):
            raise TypeError(f"{where}: mix of scalars and rows")
        return rows
    if value is None or isinstance(value, bool | str | decimal.Decimal | _dt.datetime):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TypeError(f"{where}: Excel never sends {value!r} (an empty cell is None)")
        return value
    if isinstance(value, int) and (value == MISSING or value in _state["cell_errors"]):
        return value
    hint = {
        int: "numbers arrive as float (30.0, not 30)",
        _dt.date: "dates arrive as datetime (date-formatted cell) or a float serial",
    }.get(type(value), "Excel sends None, bool, float, str, datetime or Decimal (currency)")
    raise TypeError(f"{where}: Excel never sends {type(value).__name__} {value!r}: {hint}")


# --- what the cell receives -----------------------------------------------------------------
_CELL_TYPES = (bool, int, float, str, decimal.Decimal, _dt.datetime)


def _to_cell(value: Any, depth: int = 0) -> Any:
    """What pywin32 turns the converted result into (VT_DATE loses the tz stamp xlwings adds)."""
    if isinstance(value, list | tuple) and depth < 2:
        return [_to_cell(v, depth + 1) for v in value]
    if isinstance(value, _dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, _CELL_TYPES):
        return value
    raise TypeError(
        f"the UDF result holds {type(value).__module__}.{type(value).__qualname__} "
        f"{value!r}, which xlwings leaves unconverted and pywin32 does not pass to Excel as "
        "a plain cell value (it becomes a byte array, a double or a COM error): convert it "
        "in the UDF"
    )


def _cell_text(exc: BaseException) -> str:
    """The text an uncaught UDF exception puts into the cell on Windows.

    pywin32's COM gateway fills ``EXCEPINFO.bstrDescription`` with ``"Unexpected Python
    Error: "`` + ``traceback.print_exception(..., chain=False)``; the xlwings DLL
    (``CDispatchWrapper::Invoke``) then reverses the traceback lines, drops empty ones and
    the header, and the VBA wrapper assigns ``Err.Description`` to the cell.
    """
    # The harness's own frames are dropped; in Excel, pywin32's and xlwings' frames
    # (policy.py, com_server.py, udfs.call_udf) stand in their place.
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename != __file__]
    lines = ["Traceback (most recent call last):\n"] if frames else []
    lines += traceback.StackSummary.from_list(frames).format()
    lines += traceback.format_exception_only(type(exc), exc)
    description = "Unexpected Python Error: " + "".join(lines)
    parts = description.split("\n")
    if parts[0] == "Unexpected Python Error: Traceback (most recent call last):":
        description = "\n".join(part for part in reversed(parts[1:]) if part)
    return description


def _call_udf_value_path(func: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """The value path of ``xlwings.udfs.call_udf`` (no Range arguments, no caller, no cache)."""
    from xlwings import conversion

    func_info = func.__xlfunc__
    args_info = func_info["args"]
    ret_info = func_info["ret"]
    args = list(args)
    for i, arg in enumerate(args):
        arg_info = args_info[min(i, len(args_info) - 1)]
        if isinstance(arg, int) and arg == MISSING:  # missing
            args[i] = arg_info.get("optional", None)
        else:
            args[i] = conversion.read(None, arg, arg_info["options"])
    if inspect.iscoroutinefunction(func):
        import asyncio

        ret = asyncio.run(func(*args))
    else:
        ret = func(*args)
    return conversion.write(ret, None, ret_info["options"])


def excel_call(
    udf: str | Callable[..., Any],
    *args: Any,
    module: str | types.ModuleType = _DEFAULT_MODULE,
    raise_errors: bool = False,
) -> Any:
    """Call a UDF as a worksheet formula on Excel for Windows would, and return the cell value.

    The call follows xlwings' own code: every argument goes through
    ``xlwings.conversion.read(None, value, options)`` with the options recorded by
    ``@xw.arg`` (an argument equal to :data:`MISSING` becomes the Python default without
    conversion, as in ``call_udf``), the function runs, its result goes through
    ``xlwings.conversion.write(result, None, ret_options)`` and through the COM server's
    ``XLPython.CallUDF`` (taken from ``xlwings/com_server.py``), which hands VBA a 1x1
    result as a scalar and a 1xN result as a 1-D list.

    Parameters
    ----------
    udf : str or callable
        The Excel name (``"AR_DSO"``; case is ignored, as in Excel) or the decorated function.
    *args
        The arguments as Excel sends them. A range is a list of row lists, header row
        included, with ``None`` for empty cells, ``float`` for numbers, ``datetime`` for
        date-formatted cells, ``str``, ``bool``, ``Decimal`` for currency/accounting-formatted
        cells (``Range.Value`` returns ``VT_CY``) and :func:`excel_error_code` ints for error
        cells. A single cell or a literal is a scalar; ``DATE(2024,12,31)`` typed in the
        formula is the float serial ``45657.0``. xlwings' options still apply: an empty
        cell given to an ``ndim=2`` argument reaches the UDF as ``[[None]]``. Omitted
        trailing optional arguments are sent as :data:`MISSING`, as VBA does; pass
        :data:`MISSING` to skip one in the middle.
    module : str or module, default "xl_ar.udfs"
        Where to look ``udf`` up when it is a name.
    raise_errors : bool, default False
        Re-raise an exception from the UDF or from xlwings' conversion instead of returning
        the cell text (useful to debug a test).

    Returns
    -------
    object
        What the cell receives: a scalar (``float``, ``int``, ``bool``, ``str``, naive
        ``datetime`` for a COM date, ``Decimal``) for a 1x1 result; a 1-D list for a 1xN
        result; a list of row lists otherwise (a DataFrame with ``header=True`` keeps its
        header row). ``None``/NaN/NaT/``pd.NA`` arrive as ``""``. For an exception the
        return value is the cell text (see Notes).

    Raises
    ------
    TypeError
        For calls Excel cannot make: an argument Excel never sends (an ``int`` number, a
        ``date``, NaN ...), too many or too few arguments, a result value pywin32 cannot
        pass as a cell value, a ``Sub``; and for UDFs this harness does not model:
        arguments filled by VBA (``vba=``, ``caller``) and ``async_mode="threading"``.

    Notes
    -----
    An exception that escapes the UDF reaches the cell as text, not as ``#VALUE!``: pywin32
    describes it as ``"Unexpected Python Error: "`` plus the formatted traceback, the
    xlwings DLL reverses the traceback lines, and the VBA wrapper (``On Error GoTo failed``,
    active when the caller is a cell) assigns ``Err.Description`` to the cell. The first line
    is therefore ``"ValueError: message"``, followed by the source lines and ``File ...``
    lines innermost first. The first line is exact; the frame lines come from this process,
    and Excel adds xlwings/pywin32 frames at the end. UDFs should catch their own errors and
    return a one-line message instead.

    Examples
    --------
    >>> install_udf_decorators()
    >>> import xlwings as xw
    >>> @xw.func
    ... @xw.arg("rows", ndim=2)
    ... def TOTAL(rows, scale=1.0):
    ...     return scale * sum(v for row in rows for v in row if v is not None)
    >>> excel_call(TOTAL, [[1.0, None], [2.5, 4.0]])
    7.5
    >>> excel_call(TOTAL, 2.0, 10.0)
    20.0
    """
    install_udf_decorators()
    func = _resolve(udf, module)
    info = func.__xlfunc__
    name = info["name"]
    if info["sub"]:
        raise TypeError(f"{name} is a Sub: Excel cannot call it from a cell")
    if info.get("async_mode"):
        raise TypeError(f"{name}: excel_call does not model async_mode UDFs (xl-ar has none)")
    vba_filled = [a["name"] for a in info["args"] if a["vba"] or a["name"] == "caller"]
    if vba_filled:
        raise TypeError(f"{name}: excel_call does not model VBA-filled arguments {vba_filled}")

    declared = info["args"]
    has_vararg = bool(declared) and declared[-1]["vararg"]
    fixed = declared[:-1] if has_vararg else declared
    if len(args) > len(fixed) and not has_vararg:
        raise TypeError(f"{name} takes {len(fixed)} arguments in Excel, got {len(args)}")
    sent = [_check_input(a, f"{name} argument {i + 1}") for i, a in enumerate(args)]
    required = [a["name"] for a in fixed[len(sent) :] if "optional" not in a]
    if required:
        raise TypeError(f"{name}: required arguments {required} are missing")
    sent += [MISSING] * (len(fixed) - len(sent))  # VBA: Array(a, b, c) with b, c omitted

    def call_udf(
        script: Any, fname: Any, udf_args: Any, this_workbook: Any = None, caller: Any = None
    ) -> Any:
        return _call_udf_value_path(func, tuple(udf_args))

    shape = _state["call_udf_shape"]
    shape.__globals__["call_udf"] = call_udf
    shape.__globals__["FromVariant"] = lambda var: var
    try:
        result = shape(None, getattr(func, "__module__", ""), name, tuple(sent))
    except Exception as exc:
        if raise_errors:
            raise
        return _cell_text(exc)
    return _to_cell(result)


# --- drift -----------------------------------------------------------------------------------
def _squash(text: str) -> str:
    return "".join(text.split()).replace("'", '"')


def harness_drift() -> list[str]:
    """What changed in the installed xlwings among the things this harness mirrors.

    Checks ``xlwings.udfs.call_udf`` (argument loop, missing value, defaults,
    ``conversion.read``/``conversion.write``), ``XLPython.CallUDF`` in
    ``xlwings/com_server.py`` (1x1 and 1xN reduction), ``generate_vba_wrapper`` (VBA error
    handling), the value-cleaning code of ``xlwings/_xlwindows.py`` and the lookup of the
    ``"excel"`` engine by ``xlwings.conversion``.

    Returns
    -------
    list of str
        One line per difference; empty when the harness still matches xlwings.
    """
    install_udf_decorators()
    import xlwings.conversion.framework
    import xlwings.udfs

    drift: list[str] = []
    call_udf = _squash(inspect.getsource(xlwings.udfs.call_udf))
    drift += [
        f"xlwings.udfs.call_udf: {what} changed"
        for what, fragment in _CALL_UDF_FRAGMENTS.items()
        if _squash(fragment) not in call_udf
    ]
    if MISSING != -2147352572:
        drift.append("MISSING is not -2147352572")
    _, shape_problems = _extract_calludf_shape()
    drift += shape_problems
    vba = _squash(inspect.getsource(xlwings.udfs.generate_vba_wrapper))
    drift += [
        f"xlwings.udfs.generate_vba_wrapper: {what} changed"
        for what, fragment in _VBA_FRAGMENTS.items()
        if _squash(fragment) not in vba
    ]
    params = list(inspect.signature(xlwings.udfs.generate_vba_wrapper).parameters)
    if params != ["module_name", "module", "f", "xl_workbook"]:
        drift.append(f"xlwings.udfs.generate_vba_wrapper parameters are now {params}")
    if '"name"]=f.__name__' not in _squash(inspect.getsource(xlwings.udfs.xlfunc)):
        drift.append("xlwings.udfs.xlfunc no longer names the UDF after f.__name__")
    context = _squash(inspect.getsource(xlwings.conversion.framework.ConversionContext))
    if 'xlwings.engines["excel"]' not in context:
        drift.append("xlwings.conversion no longer looks up xlwings.engines['excel']")
    for fn, first in (
        ("read", ["rng", "value", "options"]),
        ("write", ["value", "rng", "options"]),
    ):
        got = list(inspect.signature(getattr(xlwings.conversion, fn)).parameters)[:3]
        if got != first:
            drift.append(f"xlwings.conversion.{fn} parameters start with {got}, not {first}")
    _, problems = _extract_xlwindows_values()
    drift += problems
    engine = xlwings.engines["excel"].impl
    for attr in ("prepare_xl_data_element", "clean_value_data"):
        if not callable(getattr(engine, attr, None)):
            drift.append(f"the 'excel' engine has no {attr}")
    return drift
