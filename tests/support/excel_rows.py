"""Turn a DataFrame into the row lists Excel hands a UDF (a helper for tests, not a test module).

Header row first; numbers as float; dates as datetime (date-formatted cells); blanks as None.
"""

from __future__ import annotations

import math

import pandas as pd


def excel_rows(frame: pd.DataFrame) -> list[list]:
    """``frame`` as Excel would send its range (header row included)."""

    def cell(value):
        if value is None or value is pd.NaT:
            return None
        if isinstance(value, pd.Timestamp):
            return value.to_pydatetime()
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)):
            return None if isinstance(value, float) and math.isnan(value) else float(value)
        if hasattr(value, "item"):  # numpy scalars
            return cell(value.item())
        return None if value == "" else value

    body = [[cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    return [[str(c) for c in frame.columns], *body]
