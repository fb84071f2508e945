"""xl_ar.udfs.registry: the functions xlwings finds, their metadata, and the VBA, on any OS.

The registry declares the worksheet functions with xlwings' own decorator code on every OS, so
building the add-in needs neither pywin32 nor the test harness's stand-in modules.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import xl_ar.udfs
from xl_ar.udfs import registry
from xl_ar.udfs.xlwings_code import load_definitions

ROOT = Path(__file__).resolve().parents[2]
TOPICS = ("position", "metrics", "provisioning", "cashflow", "cash_application", "credit",
          "collections")  # fmt: skip
STAND_INS = ("pythoncom", "pywintypes", "win32com", "win32timezone")

DUMP_METADATA = """
import json, sys
from xl_ar.udfs.registry import udf_functions
out = {name: repr(f.__xlfunc__) for name, f in udf_functions().items()}
print(json.dumps({"order": list(out), "metadata": out}))
"""


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
        cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_package_exposes_every_topic_function_once():
    by_topic = {name: topic for topic in TOPICS for name in getattr(xl_ar.udfs, topic).__all__}
    assert sorted(by_topic) == sorted(xl_ar.udfs.__all__) and len(by_topic) == 30
    for name, topic in by_topic.items():
        assert getattr(xl_ar.udfs, name) is getattr(getattr(xl_ar.udfs, topic), name)
    # what xlwings scans: every attribute with __xlfunc__, in dir() order
    found = [a for a in dir(xl_ar.udfs) if hasattr(getattr(xl_ar.udfs, a), "__xlfunc__")]
    assert found == sorted(xl_ar.udfs.__all__) == list(registry.udf_functions())


def test_building_the_addin_installs_no_stand_in_modules(tmp_path):
    out = run(
        f"""
        import sys
        from xl_ar.addin import build
        from xl_ar.udfs import registry
        text = registry.module_text()
        path = build.build_addin({str(tmp_path)!r})
        assert build.verify_addin(path) == [], build.verify_addin(path)
        assert open({str(registry.SHIM_PATH)!r}, "rb").read() == text.encode("cp1252")
        loaded = [m for m in {STAND_INS!r} + ("xl_ar.testing", "xlwings.udfs")
                  if m in sys.modules]
        print(loaded)
        """
    )
    if sys.platform != "win32":
        assert out.strip() == "[]"


def test_registry_records_what_the_real_xlwings_decorators_record():
    """Declared with the harness's real ``xlwings.udfs`` decorators or with the registry's
    own run of the same code: the same functions, in the same order, with the same records."""
    own = json.loads(run(DUMP_METADATA))
    real = json.loads(run("from xl_ar import testing\ntesting.install_udf_decorators()\n"
                          + DUMP_METADATA))  # fmt: skip
    assert own == real
    assert own["order"][:3] == ["AR_ADD", "AR_AGING", "AR_ALLOWANCE"]
    assert "'err_to_str': True" in own["metadata"]["AR_DSO"]


def test_metadata_of_one_function():
    info = xl_ar.udfs.AR_CEI.__xlfunc__
    assert info["name"] == "AR_CEI" and info["category"] == "AR Tools" and not info["sub"]
    assert [a["name"] for a in info["args"]] == [
        "beginning_ar", "credit_sales", "ending_total_ar", "ending_current_ar", "months",
    ]  # fmt: skip
    assert info["args"][-1]["optional"] == 1
    assert info["args"][0]["doc"] == "AR at the start of the period."
    assert all(a["options"] == {"err_to_str": True} for a in info["args"])


def test_load_definitions_reports_what_xlwings_no_longer_has():
    namespace, problems = load_definitions("xlwings.udfs", ["func_sig", "no_such_function"])
    assert problems == ["xlwings.udfs no longer defines 'no_such_function' at module level"]
    assert "func_sig" not in namespace  # nothing runs when something is missing


def test_the_vba_text_is_refused_when_a_function_would_be_missing(monkeypatch):
    import xl_ar.udfs as package
    from xl_ar.udfs import registry

    monkeypatch.setattr(package, "__all__", [*package.__all__, "AR_NOT_DECLARED"])
    with pytest.raises(RuntimeError, match=r"differs in: AR_NOT_DECLARED\); is this xlwings"):
        registry.module_text()
