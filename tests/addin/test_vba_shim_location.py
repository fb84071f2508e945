"""``vba_shim/`` is the source checkout's folder: never read or written beside an installed package.

The installed package is a real copy of ``xl_ar/`` in a ``site`` folder without
``pyproject.toml`` (as in site-packages after ``pip install .``), run in a fresh interpreter
with only that copy on its path. A stale ``site/vba_shim/`` (left by an older version) lies
beside it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from xl_ar.addin import build, ribbon
from xl_ar.udfs import registry

ROOT = Path(__file__).resolve().parents[2]
STALE = {"xlwings_udfs.bas": b"stale udfs\r\n", "xl_ar_ribbon.bas": b"stale ribbon\r\n",
         "customUI14.xml": b"<stale/>"}  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = tmp_path_factory.mktemp("installed") / "site"
    shutil.copytree(ROOT / "xl_ar", site / "xl_ar", ignore=shutil.ignore_patterns("__pycache__"))
    (site / "vba_shim").mkdir()
    for name, data in STALE.items():
        (site / "vba_shim" / name).write_bytes(data)
    return site


def run_installed(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=site.parent, env=env,
        check=False,
    )  # fmt: skip


def stale_is_untouched(site: Path) -> bool:
    folder = site / "vba_shim"
    return {p.name: p.read_bytes() for p in folder.iterdir()} == STALE


def test_in_the_checkout_the_committed_files_are_used():
    assert registry.SHIM_PATH == ROOT / "vba_shim" / "xlwings_udfs.bas"
    assert ribbon.SHIM_DIR == build.SHIM_DIR == ROOT / "vba_shim"
    assert build.UDF_SHIM == registry.SHIM_PATH
    assert ribbon.CUSTOM_UI_PATH == ROOT / "vba_shim" / "customUI14.xml"
    assert ribbon.MODULE_PATH == ROOT / "vba_shim" / "xl_ar_ribbon.bas"


def test_installed_package_knows_no_vba_shim(site):
    done = run_installed(
        site, "-c",
        "from xl_ar.addin import build, ribbon; from xl_ar.udfs import registry; import xl_ar; "
        "print(xl_ar.__file__, registry.SHIM_PATH, build.UDF_SHIM, ribbon.SHIM_DIR, "
        "ribbon.CUSTOM_UI_PATH, ribbon.MODULE_PATH)",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(site / "xl_ar" / "__init__.py"), *["None"] * 5]


def test_regenerating_without_a_path_refuses_to_write_into_the_installed_package(site):
    done = run_installed(site, "-m", "xl_ar.udfs")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "xl_ar is installed, not a source checkout: nothing is written into the package; "
        "give the file to write, e.g. python -m xl_ar.udfs xlwings_udfs.bas\n"
    )
    done = run_installed(site, "-m", "xl_ar.addin.ribbon")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "xl_ar is installed, not a source checkout: nothing is written into the package; "
        "give the folder to write into, e.g. python -m xl_ar.addin.ribbon vba_shim\n"
    )
    assert stale_is_untouched(site)


def test_regenerating_to_a_path_given_writes_the_committed_text(site, tmp_path):
    target = tmp_path / "out" / "udfs.bas"
    done = run_installed(site, "-m", "xl_ar.udfs", str(target))
    assert done.returncode == 0, done.stderr
    assert target.read_bytes() == (ROOT / "vba_shim" / "xlwings_udfs.bas").read_bytes()
    done = run_installed(site, "-m", "xl_ar.addin.ribbon", str(tmp_path / "ribbon"))
    assert done.returncode == 0, done.stderr
    for name in ("customUI14.xml", "xl_ar_ribbon.bas"):
        assert (tmp_path / "ribbon" / name).read_bytes() == (ROOT / "vba_shim" / name).read_bytes()
    assert stale_is_untouched(site)


def test_the_installed_package_builds_from_generated_texts_not_a_stale_copy(site, tmp_path):
    installed = tmp_path / "installed.xlam"
    code = f"from xl_ar.addin.build import build_addin; build_addin({str(installed)!r})"
    done = run_installed(site, "-c", code)
    assert done.returncode == 0, done.stderr
    checkout = build.build_addin(tmp_path / "checkout.xlam")
    assert installed.read_bytes() == checkout.read_bytes()
    assert build.verify_addin(installed) == []
    assert stale_is_untouched(site)
