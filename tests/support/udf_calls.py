"""A good call of every worksheet function, and ways to vary one argument of it (the fuzz tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from xl_ar.testing import MISSING, udf_functions

D = dt.datetime


LEDGER = [
    [
        "Pelanggan",
        "No Faktur",
        "Tanggal Faktur",
        "Jatuh Tempo",
        "Jumlah",
        "Dibayar",
        "Tanggal Bayar",
    ],
    ["PT Maju", "F-1", D(2024, 1, 1), D(2024, 1, 31), 1000.0, 1000.0, D(2024, 2, 20)],
    ["PT Maju", "F-2", D(2024, 5, 1), D(2024, 5, 31), 400.0, 100.0, D(2024, 6, 1)],
    ["CV Baru", "F-3", D(2024, 4, 10), D(2024, 5, 10), 250.0, 0.0, None],
    ["CV Baru", "F-4", D(2024, 3, 1), D(2024, 3, 31), 80.0, 80.0, D(2024, 7, 20)],
    ["UD Sejahtera", "F-5", D(2023, 12, 1), D(2024, 1, 15), 3000.0, 3000.0, D(2024, 1, 10)],
]


AS_OF = D(2024, 6, 30)


SCORES = [["Karakter", 4.0], ["Kapasitas", 4.0], ["Modal", 3.0], ["Jaminan", 2.0], ["Kondisi", 4.0]]


PROFILE = [
    ["Label", "Nilai"],
    *SCORES,
    ["Ekuitas Bersih", 2_500_000_000.0],
    ["Modal Kerja", 1_200_000_000.0],
    ["Penjualan Tahunan", 18_000_000_000.0],
    ["customer_type", "new"],
    ["size", "large"],
    ["current_exposure", 100_000_000.0],
]


CUSTOMERS = [["Pelanggan", "Plafon"], ["PT Maju", 1000.0], ["CV Baru", 500.0]]


PAYMENTS = [
    ["Ref", "Tanggal", "Jumlah", "Pelanggan", "Berita"],
    ["BB-1", D(2024, 6, 10), 250.0, "CV Baru", None],
    ["BB-2", D(2024, 6, 12), 300.0, "PT Maju", "F-2"],
]


BALANCES = [["Saldo"], [103000.0], [97500.0], [39500.0], [10000.0]]


RATES = [["Tarif"], [0.01], [0.05], [0.15], [0.95]]


ECL_BALANCES = [[15e6], [7.5e6], [4e6], [2.5e6], [1e6]]


ECL_RATES = [[0.003], [0.016], [0.036], [0.066], [0.106]]


GOOD_CALLS: dict[str, tuple[Any, ...]] = {
    "AR_ADD": (200000.0, 150000.0, 2000000.0, 365.0),
    "AR_AGING": (LEDGER, AS_OF, "30,60,90", "due", "customer", "amount"),
    "AR_ALLOWANCE": (BALANCES, RATES, 5000.0),
    "AR_ARREARS_RATIO": (1000.0, 10000.0),
    "AR_BAD_DEBT_RATIO": (100.0, 10000.0),
    "AR_BPDSO": (150000.0, 2000000.0, 365.0),
    "AR_BUCKET": (45.0, "30,60,90"),
    "AR_CEI": (6200.0, 10890.0, 6340.0, 3590.0, 3.0),
    "AR_CHECK": (LEDGER,),
    "AR_COLLECTION_RATIO": (900.0, 1000.0),
    "AR_CREDIT_LIMIT": (PROFILE, MISSING, "detail"),
    "AR_CREDIT_REVIEW": (CUSTOMERS, LEDGER, AS_OF),
    "AR_CREDIT_SCORE": (SCORES,),
    "AR_DISCOUNT_COST": (2.0, 10.0, 30.0, 360.0, "simple"),
    "AR_DPD": (D(2024, 5, 31), 45473.0),
    "AR_DSO": (200000.0, 2000000.0, 365.0, "simple"),
    "AR_ECL": (ECL_BALANCES, ECL_RATES, 1.1),
    "AR_FACTORING": (100_000_000.0, 0.8, 0.02, 60.0, 0.12, 360.0),
    "AR_FORECAST": (LEDGER, AS_OF, 3.0, "month", [["F-3", D(2024, 7, 15)]], ECL_RATES),
    "AR_INTEREST": (100.0, 0.1, 15.0, 365.0, 10.0),
    "AR_KPI": (LEDGER, D(2024, 1, 1), D(2024, 6, 30), "month"),
    "AR_LETTER": (LEDGER, "CV Baru", AS_OF, MISSING, "en"),
    "AR_LOSS_RATES": (LEDGER, D(2024, 1, 1), D(2024, 6, 30), "30,60,90", 120.0),  # F-5 passes 120
    "AR_OPEN": (LEDGER, AS_OF),
    "AR_RECONCILE": (LEDGER, PAYMENTS, 0.5, "payments"),
    "AR_RTO": (6205000.0, 335000.0, 335000.0, 365.0, "both"),
    "AR_STATEMENT": (LEDGER, "PT Maju", D(2024, 6, 1), AS_OF, "en"),
    "AR_STRATEGY": (),
    "AR_WADP": (LEDGER, "days_to_pay"),
    "AR_WORKLIST": (LEDGER, AS_OF, MISSING, MISSING, "en"),
}


FUNCTIONS = udf_functions()


NAMES = sorted(FUNCTIONS)


def arg_dims(name: str) -> list[int | None]:
    return [a["options"].get("ndim") for a in FUNCTIONS[name].__xlfunc__["args"]]


def arg_names(name: str) -> list[str]:
    return [a["name"] for a in FUNCTIONS[name].__xlfunc__["args"]]


def cells_of(value: Any) -> list[Any]:
    if isinstance(value, list | tuple):
        return [c for item in value for c in cells_of(item)]
    return [value]


def with_arg(name: str, position: int, value: Any) -> tuple[Any, ...]:
    args = list(GOOD_CALLS[name])
    args += [MISSING] * (position + 1 - len(args))
    args[position] = value
    return tuple(args)


def replace_cell(block: list, r: int, c: int, value: Any) -> list:
    out = [list(row) for row in block]
    out[r][c] = value
    return out
