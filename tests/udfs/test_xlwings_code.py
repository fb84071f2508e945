"""xl_ar.udfs.xlwings_code on a module that changed under it: problem lines, never a traceback.

The module read is a real package written into ``tmp_path`` and put on ``sys.path`` (its
``mod.py`` is never imported: it imports a module that does not exist, as ``xlwings/udfs.py``
imports pywin32 on Linux).
"""

from __future__ import annotations

import compileall
import sys
import zipfile
from pathlib import Path

import pytest

from xl_ar.udfs.xlwings_code import OPTIONAL_IMPORTS, load_definitions, xlwings_source

PACKAGE = "xlar_fake_xlwings"

MOD = """\
try:
    import pandas as pd
except ImportError:
    pd = None
try:
    from PIL import ImageGrab
except ImportError:
    ImageGrab = None
import xlar_no_such_module_abc
from . import sub
from .helpers import present, gone


def uses_present():
    return present + 1


def uses_gone():
    return gone


def uses_sub():
    return sub.VALUE


def uses_missing_module():
    return xlar_no_such_module_abc.x


def uses_optional():
    return pd, ImageGrab
"""


def write_package(root: Path, files: dict[str, str | bytes]) -> None:
    folder = root / PACKAGE
    folder.mkdir(parents=True)
    for name, text in files.items():
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


@pytest.fixture
def fake(tmp_path, monkeypatch):
    """A package ``xlar_fake_xlwings`` (``mod``, ``helpers``, ``sub``) on ``sys.path``."""
    write_package(
        tmp_path,
        {
            "__init__.py": "",  # imports neither helpers nor sub
            "helpers.py": "present = 41\n",
            "sub.py": "VALUE = 42\n",
            "mod.py": MOD,
        },
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield f"{PACKAGE}.mod"
    for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
        del sys.modules[name]


def test_names_that_resolve_are_executed(fake):
    ns, problems = load_definitions(fake, ["uses_present"])
    assert problems == []
    assert ns["uses_present"]() == 42


def test_a_name_the_imported_module_no_longer_has_is_a_problem(fake):
    ns, problems = load_definitions(fake, ["uses_gone"])
    assert problems == [
        f"{PACKAGE}.mod: {PACKAGE}.helpers no longer has 'gone' (for the name 'gone')"
    ]
    assert "uses_gone" not in ns  # nothing executed


def test_from_package_import_submodule_imports_the_submodule(fake):
    assert f"{PACKAGE}.sub" not in sys.modules
    ns, problems = load_definitions(fake, ["uses_sub"])
    assert problems == []
    assert ns["uses_sub"]() == 42


def test_a_required_module_that_cannot_be_imported_is_a_problem(fake):
    ns, problems = load_definitions(fake, ["uses_missing_module", "uses_present"])
    assert problems == [
        f"{PACKAGE}.mod: cannot import xlar_no_such_module_abc"
        " (for the name 'xlar_no_such_module_abc')"
    ]
    assert "uses_present" not in ns


def test_an_optional_module_that_is_missing_binds_none(fake, monkeypatch):
    assert {"numpy", "pandas", "PIL"} <= OPTIONAL_IMPORTS
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas raises ImportError
    monkeypatch.setitem(sys.modules, "PIL", None)
    ns, problems = load_definitions(fake, ["uses_optional"])
    assert problems == []
    assert ns["uses_optional"]() == (None, None)


def test_every_problem_is_listed_at_once(fake):
    _, problems = load_definitions(fake, ["uses_gone", "uses_missing_module", "no_such_def"])
    assert len(problems) == 3
    assert problems[0] == f"{PACKAGE}.mod no longer defines 'no_such_def' at module level"


def cannot_read(module: str, file: str) -> str:
    return (
        f"xlwings' source file {file} ({module}) cannot be read; "
        "install xlwings from its wheel: pip install --force-reinstall xlwings"
    )


@pytest.fixture
def clean_modules():
    yield
    for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
        del sys.modules[name]


def test_a_source_file_that_is_not_utf8_is_one_clear_error(tmp_path, monkeypatch, clean_modules):
    write_package(tmp_path, {"__init__.py": "", "mod.py": b"def f():\n    return '\xff\xfe'\n"})
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RuntimeError) as caught:
        load_definitions(f"{PACKAGE}.mod", ["f"])
    assert str(caught.value) == cannot_read(f"{PACKAGE}.mod", "mod.py")


def test_a_compiled_only_install_is_one_clear_error(tmp_path, monkeypatch, clean_modules):
    write_package(tmp_path, {"__init__.py": "", "mod.py": "def f():\n    return 1\n"})
    folder = tmp_path / PACKAGE
    assert compileall.compile_file(str(folder / "mod.py"), legacy=True, quiet=1)
    (folder / "mod.py").unlink()  # only mod.pyc is left, as in a "compiled" install
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RuntimeError) as caught:
        load_definitions(f"{PACKAGE}.mod", ["f"])
    assert str(caught.value) == cannot_read(f"{PACKAGE}.mod", "mod.pyc")


def test_a_zipped_install_is_one_clear_error(tmp_path, monkeypatch, clean_modules):
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(f"{PACKAGE}/__init__.py", "")
        z.writestr(f"{PACKAGE}/mod.py", "def f():\n    return 1\n")
    monkeypatch.syspath_prepend(str(archive))
    with pytest.raises(RuntimeError) as caught:
        load_definitions(f"{PACKAGE}.mod", ["f"])
    assert str(caught.value) == cannot_read(f"{PACKAGE}.mod", "mod.py")


def test_a_package_that_is_not_installed_is_one_clear_error():
    with pytest.raises(RuntimeError) as caught:
        xlwings_source("xlar_no_such_package_abc.udfs")
    assert str(caught.value) == (
        "cannot find the source of xlar_no_such_package_abc.udfs: is xlwings installed?"
    )
