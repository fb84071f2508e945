"""pycel plugin: cells that call ``AR_*`` evaluate through xl_ar.testing.excel_call.

pycel hands a function what a formula gives it: tuples of tuples for ranges, ints for whole
numbers, serial numbers for dates. COM hands Excel's UDFs floats and lists, so the plugin turns
ints into floats and tuples into lists, then calls the UDF the way Excel would on Windows.
(A helper for tests, not a test module.)
"""

from __future__ import annotations

from typing import Any

from xl_ar.testing import excel_call, udf_functions


def _as_com(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_as_com(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _as_pycel(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_as_pycel(v) if isinstance(v, list) else v for v in value)
    return value


def _wrap(name: str):
    def call(*args: Any) -> Any:
        return _as_pycel(excel_call(name, *(_as_com(a) for a in args)))

    call.__name__ = name.lower()
    return call


def __getattr__(attr: str):  # pycel looks functions up by their lower-case name
    if attr.startswith("ar_") and attr.upper() in udf_functions("xl_ar.udfs"):
        return _wrap(attr.upper())
    raise AttributeError(attr)
