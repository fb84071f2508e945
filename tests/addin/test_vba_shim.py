"""vba_shim/xlwings_udfs.bas stays in step with the xl_ar.udfs package; Function Wizard metadata."""

from __future__ import annotations

import re

import pytest

from xl_ar.udfs.registry import SHIM_PATH, module_text, udf_functions

EXPECTED = {
    "AR_AGING", "AR_OPEN", "AR_CHECK", "AR_KPI", "AR_WADP", "AR_DPD", "AR_BUCKET", "AR_DSO",
    "AR_BPDSO", "AR_ADD", "AR_CEI", "AR_RTO", "AR_ARREARS_RATIO", "AR_COLLECTION_RATIO",
    "AR_BAD_DEBT_RATIO", "AR_CREDIT_SCORE", "AR_CREDIT_LIMIT", "AR_CREDIT_REVIEW",
    "AR_ALLOWANCE", "AR_ECL", "AR_LOSS_RATES", "AR_FORECAST", "AR_FACTORING",
    "AR_WORKLIST", "AR_INTEREST", "AR_LETTER", "AR_STRATEGY", "AR_RECONCILE",
    "AR_DISCOUNT_COST",
    "AR_STATEMENT",
}  # fmt: skip


@pytest.fixture(scope="module")
def functions():
    return udf_functions("xl_ar.udfs")


def test_the_public_worksheet_api_is_complete(functions):
    assert set(functions) == EXPECTED


def test_vba_module_in_the_repo_is_up_to_date():
    assert SHIM_PATH.read_bytes() == module_text().encode("cp1252"), (
        "vba_shim/xlwings_udfs.bas is out of date: run `python -m xl_ar.udfs`"
    )


def test_vba_module_wraps_every_function_with_its_arguments(functions):
    text = SHIM_PATH.read_text(encoding="cp1252")
    declared = dict(re.findall(r"^Function (AR_\w+)\(([^)]*)\)", text, flags=re.M))
    assert set(declared) == EXPECTED
    assert declared["AR_AGING"] == (
        "ledger, as_of, Optional buckets, Optional basis, Optional by, Optional measure, "
        "Optional customers"
    )
    assert declared["AR_CEI"].endswith("Optional months")
    assert text.count('XLPy.CallUDF("xl_ar.udfs", "AR_DSO"') == 2
    assert '#Const App = "Microsoft Excel"' in text.splitlines()[2]
    assert text.count("Application.MacroOptions Macro:=") == len(EXPECTED)


def test_function_wizard_metadata(functions):
    for name, func in functions.items():
        info = func.__xlfunc__
        assert info["category"] == "AR Tools", name
        description = info["ret"]["doc"]
        assert 20 <= len(description) <= 255 and f"=={name}(" not in description, name
        assert f"={name}(" in description, f"{name}: description has no example formula"
        description.encode("cp1252")  # the .bas is cp1252: no characters it cannot hold
        for arg in info["args"]:
            assert not arg["doc"].startswith("Positional argument"), (name, arg["name"])
            assert 5 <= len(arg["doc"]) <= 255, (name, arg["name"])
            arg["doc"].encode("cp1252")
