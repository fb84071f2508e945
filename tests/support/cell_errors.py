"""What an error in a worksheet cell must look like (a helper for tests, not a test module).

>>> assert_one_line_error("AR_DPD", "AR_DPD: due_date: 'besok' is not a date", "not a date")
"""

from __future__ import annotations

import re

__all__ = ["assert_one_line_error"]

CLASS_NAME = re.compile(r"\b\w*(Error|Exception|Warning)\b")


def assert_one_line_error(name: str, got: object, fragment: str) -> None:
    """``got`` is one short line, starts with ``name: ``, holds ``fragment``, names no class."""
    assert isinstance(got, str), got
    assert got.startswith(f"{name}: "), got
    assert fragment in got, got
    assert "\n" not in got and "Traceback" not in got and 'File "' not in got
    assert not CLASS_NAME.search(got), got
    assert len(got) <= 255
