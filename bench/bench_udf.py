"""AR_AGING as Excel calls it (xl_ar.testing.excel_call) on a 100,000-row range.

Prints the time of the worksheet call (xlwings' conversion, the UDF, the core, the spill
shaping) and of the core alone on the same row lists, and their ratio. Target (issue #3):
≤ 1.5 s for the worksheet call on these machines.

    python bench/bench_udf.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse

from bench_aging import AS_OF, best_of, build_rows

from xl_ar.core import aging, read_ledger
from xl_ar.testing import excel_call, install_udf_decorators


def core_only(rows):
    return aging(read_ledger(rows), AS_OF)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows, _ = build_rows(args.rows)
    install_udf_decorators()
    excel_call("AR_AGING", rows[:50], AS_OF)  # warm-up: imports, first conversion

    t_cell, cells = best_of(args.repeat, excel_call, "AR_AGING", rows, AS_OF)
    t_core, table = best_of(args.repeat, core_only, rows)
    assert isinstance(cells, list), cells
    assert cells[-1][-1] == table["Total"].iloc[-1]  # the same grand total both ways
    print(f"rows                          : {args.rows:,} (+ header), {len(cells) - 2:,} customers")
    print(f"AR_AGING through excel_call   : {t_cell:7.3f} s   (target ≤ 1.5 s)")
    print(f"core alone (read + age)       : {t_core:7.3f} s")
    print(f"worksheet-call overhead factor: {t_cell / t_core:7.2f} ×")


if __name__ == "__main__":
    main()
