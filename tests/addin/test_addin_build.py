"""Build xl_ar.xlam on every run, read it back, and install it into a temporary folder."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest

from xl_ar.addin import build, install, ovba, ribbon

olevba = pytest.importorskip("oletools.olevba")  # the verification reads the VBA with olevba

ROOT = Path(__file__).resolve().parents[2]
SHIM = ROOT / "vba_shim"
XLWINGS = Path(pytest.importorskip("xlwings").__file__).parent


@pytest.fixture(scope="module")
def addin(tmp_path_factory) -> Path:
    return build.build_addin(tmp_path_factory.mktemp("addin"))


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n")


CT = "[Content_Types].xml"


def _rezip(src: Path, dst: Path, changes: dict[str, bytes | None]) -> Path:
    """Copy a package, replacing (bytes) or dropping (None) some parts."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = changes.get(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info, data)
    return dst


def _as_xlsm(addin: Path, dst: Path) -> Path:
    """The same package with the macro-enabled workbook content type instead of the add-in's."""
    with zipfile.ZipFile(addin) as zf:
        types = zf.read(CT).decode()
    return _rezip(addin, dst, {CT: types.replace(build.ADDIN_CONTENT_TYPE,
                                                 build.XLSM_CONTENT_TYPE).encode()})  # fmt: skip


def test_the_built_addin_verifies(addin):
    assert addin.name == "xl_ar.xlam"
    assert build.verify_addin(addin) == []


def test_olevba_recovers_exactly_the_vba_shim_modules(addin):
    modules = build.read_modules(addin)
    assert set(modules) == {"ThisWorkbook", "Sheet1", "xlwings", "Dictionary", "xlwings_udfs",
                            "XlArRibbon"}  # fmt: skip
    for name, shim in (("xlwings_udfs", "xlwings_udfs.bas"), ("XlArRibbon", "xl_ar_ribbon.bas")):
        assert _lf(modules[name]) == _lf((SHIM / shim).read_text(encoding="cp1252")), name
    assert "Private Sub Workbook_Open()\r\n    ' Function Wizard" in modules["ThisWorkbook"]
    assert "    XlArRegisterFunctions\r\n" in modules["ThisWorkbook"]
    assert "Public Sub XlArRegisterFunctions()" in modules["xlwings_udfs"]


def test_the_xlwings_vba_is_the_installed_wheels_with_our_project_name(addin):
    code = build.read_modules(addin)["xlwings"]
    wheel = (XLWINGS / "xlwings_custom_addin.bas").read_text(encoding="utf-8")
    version = importlib.metadata.version("xlwings")
    assert f'Public Const XLWINGS_VERSION As String = "{version}"' in code
    assert f"xlwings64-{version}.dll" in code
    assert 'Public Const PROJECT_NAME As String = "xl_ar"' in code
    assert _lf(code) == _lf(wheel).replace(
        'PROJECT_NAME As String = "myaddin"', 'PROJECT_NAME As String = "xl_ar"'
    )


def test_package_parts(addin):
    with zipfile.ZipFile(addin) as zf:
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("_rels/.rels").decode()
        custom_ui = zf.read("customUI/customUI14.xml")
        assert zf.read("xl/vbaProject.bin")[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    assert build.ADDIN_CONTENT_TYPE in types and build.XLSM_CONTENT_TYPE not in types
    assert (
        'Type="http://schemas.microsoft.com/office/2007/relationships/ui/extensibility" '
        'Target="customUI/customUI14.xml"'
    ) in rels
    assert custom_ui == (SHIM / "customUI14.xml").read_bytes()


def test_config_sheet(addin, tmp_path):
    wb = openpyxl.load_workbook(_as_xlsm(addin, tmp_path / "copy.xlsm"))  # no .xlam in openpyxl
    assert wb.sheetnames == ["xl_ar.conf"]  # xlwings_custom_addin.bas: PROJECT_NAME & ".conf"
    ws = wb["xl_ar.conf"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [["UDF Modules", "xl_ar.udfs"]]


def test_build_is_reproducible(addin, tmp_path):
    again = build.build_addin(tmp_path / "elsewhere" / "other-name.xlam")
    assert again.read_bytes() == addin.read_bytes()
    # and in a fresh interpreter (no state shared with this one)
    out = tmp_path / "fresh.xlam"
    code = f"from xl_ar.addin.build import build_addin; build_addin(__import__('pathlib').Path({str(out)!r}))"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    assert out.read_bytes() == addin.read_bytes()


def test_build_without_vba_shim_files_generates_the_same_addin(addin, tmp_path, monkeypatch):
    # an installed wheel has no vba_shim/: the texts come from their generators instead
    monkeypatch.setattr(build, "UDF_SHIM", tmp_path / "none.bas")
    monkeypatch.setattr(ribbon, "MODULE_PATH", tmp_path / "none2.bas")
    monkeypatch.setattr(ribbon, "CUSTOM_UI_PATH", tmp_path / "none.xml")
    path = build.build_addin(tmp_path / "wheel.xlam")
    assert path.read_bytes() == addin.read_bytes()
    assert build.verify_addin(path) == []


def test_build_with_other_config_and_xlwings_text(tmp_path):
    wheel = (XLWINGS / "xlwings_custom_addin.bas").read_text(encoding="utf-8")
    old = wheel.replace(
        f'XLWINGS_VERSION As String = "{importlib.metadata.version("xlwings")}"',
        'XLWINGS_VERSION As String = "0.0.1"',
    )
    path = build.build_addin(tmp_path, xlwings_vba=old, config={"Interpreter_Win": r"C:\py.exe"})
    assert build.verify_addin(path, xlwings_vba=old) == []
    problems = build.verify_addin(path)
    assert any("xlwings VBA is 0.0.1" in p for p in problems), problems
    assert "VBA module xlwings: text differs from its source" in problems
    with pytest.raises(ValueError, match="PROJECT_NAME"):
        build.build_addin(tmp_path, xlwings_vba='Attribute VB_Name = "xlwings"\n')


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({CT: None}, "missing part [Content_Types].xml"),
        ({build.RIBBON_PART: None}, "missing part customUI/customUI14.xml"),
        ({build.RIBBON_PART: ribbon.custom_ui_xml().replace("AR Tools", "X").encode()},
         "differs from the ribbon spec"),
        ({"xl/vbaProject.bin": None}, "missing part xl/vbaProject.bin"),
    ],
)  # fmt: skip
def test_verify_finds_broken_packages(addin, tmp_path, change, problem):
    broken = _rezip(addin, tmp_path / "broken.xlam", change)
    problems = build.verify_addin(broken)
    assert any(problem in p for p in problems), problems


def test_verify_finds_wrong_content_type_and_missing_ribbon_link(addin, tmp_path):
    with zipfile.ZipFile(addin) as zf:
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("_rels/.rels").decode()
    broken = _rezip(addin, tmp_path / "broken.xlam", {
        CT: types.replace(build.ADDIN_CONTENT_TYPE, build.XLSM_CONTENT_TYPE).encode(),
        "_rels/.rels": rels.replace("ui/extensibility", "ui/other").encode(),
    })  # fmt: skip
    problems = build.verify_addin(broken)
    assert any("xl/workbook.xml content type" in p for p in problems), problems
    assert any("ui/extensibility relationship" in p for p in problems), problems


def test_verify_finds_missing_and_changed_vba(addin, tmp_path):
    modules = [m for m in build.addin_modules() if m.name != "XlArRibbon"]
    udfs = next(m for m in modules if m.name == "xlwings_udfs")
    modules[modules.index(udfs)] = ovba.Module.from_bas(udfs.source + "' tampered\r\n")
    modules.append(ovba.Module.from_bas('Attribute VB_Name = "Extra"\r\n'))
    broken = _rezip(
        addin, tmp_path / "b.xlam", {"xl/vbaProject.bin": ovba.vba_project_bin(modules)}
    )
    problems = build.verify_addin(broken)
    assert "VBA module XlArRibbon is missing" in problems
    assert "unexpected VBA module Extra" in problems
    assert "VBA module xlwings_udfs: text differs from its source" in problems
    assert any("no 'Sub OnAging(control As IRibbonControl)'" in p for p in problems)
    assert "no RunPython runs m.aging_report()" in problems


def test_verify_rejects_a_non_package(tmp_path):
    junk = tmp_path / "junk.xlam"
    junk.write_bytes(b"not a zip")
    assert "is not a zip package" in build.verify_addin(junk)[0]


@pytest.mark.libreoffice
def test_libreoffice_imports_the_vba_project(addin, tmp_path):
    """A third, independent reader: LibreOffice's VBA import (dir stream, module types)."""
    from libreoffice import require_soffice

    soffice = require_soffice()
    # LibreOffice does not open the add-in content type; the same package as .xlsm it does
    xlsm = _as_xlsm(addin, tmp_path / "xl_ar.xlsm")
    with tempfile.TemporaryDirectory(prefix="lo_profile_") as profile:
        done = subprocess.run(
            [soffice, "--headless", "--norestore", "--nolockcheck",
             f"-env:UserInstallation={Path(profile).as_uri()}",
             "--convert-to", "ods", "--outdir", str(tmp_path), str(xlsm)],
            capture_output=True, text=True, timeout=180, check=False,
        )  # fmt: skip
    ods = tmp_path / "xl_ar.ods"
    assert ods.is_file(), done.stdout + done.stderr
    with zipfile.ZipFile(ods) as zf:
        basic = {n.split("/")[-1][:-4]: zf.read(n).decode() for n in zf.namelist()
                 if n.startswith("Basic/xl_ar/") and not n.endswith("script-lb.xml")}  # fmt: skip
    assert set(basic) == {"ThisWorkbook", "Sheet1", "xlwings", "Dictionary", "xlwings_udfs",
                          "XlArRibbon"}  # fmt: skip
    assert 'script:moduleType="document"' in basic["ThisWorkbook"]
    assert 'script:moduleType="class"' in basic["Dictionary"]
    assert 'script:moduleType="normal"' in basic["XlArRibbon"]
    assert "Public Sub OnToggleLanguage(control As IRibbonControl)" in basic["XlArRibbon"]
    assert "m.toggle_language()" in basic["XlArRibbon"]


# --- install ------------------------------------------------------------------------------


def test_addin_dir_per_os(tmp_path):
    win = install.addin_dir("win32", environ={"APPDATA": r"C:\Users\a\AppData\Roaming"})
    assert win.parts[-3:] == ("Microsoft", "Excel", "XLSTART")
    with pytest.raises(RuntimeError, match="APPDATA"):
        install.addin_dir("win32", environ={})
    mac = install.addin_dir("darwin", home=tmp_path)
    assert mac == tmp_path / "Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel"
    localized = (tmp_path / "Library/Group Containers/UBF8T346G9.Office"
                 / "User Content.localized/Startup.localized/Excel")  # fmt: skip
    localized.mkdir(parents=True)
    assert install.addin_dir("darwin", home=tmp_path) == localized
    with pytest.raises(RuntimeError, match="target_dir"):
        install.addin_dir("linux")


def test_install_and_uninstall(addin, tmp_path):
    target = tmp_path / "XLSTART"
    installed = install.install(addin, target_dir=target)
    assert installed == target / "xl_ar.xlam"
    assert installed.read_bytes() == addin.read_bytes()
    assert install.install(addin, target_dir=target) == installed  # again: replaces it
    assert sorted(p.name for p in target.iterdir()) == ["xl_ar.xlam"]
    assert install.uninstall(target_dir=target) == installed
    assert not installed.exists()
    assert install.uninstall(target_dir=target) is None
    with pytest.raises(FileNotFoundError, match="addin build"):
        install.install(tmp_path / "missing.xlam", target_dir=target)


def test_modules_are_cp1252_text():
    for m in build.addin_modules():
        m.source.encode("cp1252")
        assert m.source.endswith("\r\n") and "\n" not in m.source.replace("\r\n", "")
