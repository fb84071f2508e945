"""Assemble ``xl_ar.xlam`` on any OS, and check a built add-in.

The add-in is an XlsxWriter workbook (one sheet, ``xl_ar.conf``: the settings sheet that
xlwings' custom add-in VBA reads) with a source-only ``vbaProject.bin`` from
:mod:`xl_ar.addin.ovba`, re-zipped so that

* the workbook part has the add-in content type,
* ``customUI/customUI14.xml`` (the AR Tools tab) is linked from the package relationships,
* every entry has a fixed timestamp: the same inputs give a byte-identical file.

VBA modules: ``xlwings`` (the installed wheel's ``xlwings_custom_addin.bas`` with
``PROJECT_NAME = "xl_ar"``; it names the versioned xlwings DLL, so it must come from the
xlwings that runs the Python side -- build on the user's machine), ``Dictionary`` (the wheel's
class, which that VBA needs on macOS), ``xlwings_udfs`` and ``XlArRibbon`` (``vba_shim/``), and
the document modules ``ThisWorkbook`` (``Workbook_Open`` registers the Function Wizard texts)
and ``Sheet1``.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from xl_ar.addin import ovba, ribbon

__all__ = [
    "ADDIN_CONTENT_TYPE",
    "ADDIN_NAME",
    "CONFIG_SHEET",
    "DEFAULT_CONFIG",
    "PROJECT_NAME",
    "RIBBON_PART",
    "RIBBON_REL_TYPE",
    "THIS_WORKBOOK_CODE",
    "addin_modules",
    "build_addin",
    "verify_addin",
    "xlwings_addin_vba",
]

PROJECT_NAME = "xl_ar"
ADDIN_NAME = f"{PROJECT_NAME}.xlam"
CONFIG_SHEET = f"{PROJECT_NAME}.conf"  # xlwings_custom_addin.bas: wb.Sheets(PROJECT_NAME & ".conf")
# Only keys with a value: an entry in the sheet, even a blank one, hides the user's config file
# (%USERPROFILE%\.xl_ar\xl_ar.conf) and a workbook's own xl_ar.conf sheet is read before it.
DEFAULT_CONFIG: dict[str, str] = {"UDF Modules": "xl_ar.udfs"}

#: ``vba_shim/`` of the source checkout, ``None`` in an installed package (see
#: :data:`xl_ar.addin.ribbon.SHIM_DIR`): there every text is generated.
SHIM_DIR = ribbon.SHIM_DIR
UDF_SHIM = None if SHIM_DIR is None else SHIM_DIR / "xlwings_udfs.bas"
RIBBON_PART = "customUI/customUI14.xml"
RIBBON_REL_TYPE = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
ADDIN_CONTENT_TYPE = "application/vnd.ms-excel.addin.macroEnabled.main+xml"
XLSM_CONTENT_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
VBA_CONTENT_TYPE = "application/vnd.ms-office.vbaProject"
VBA_REL_TYPE = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_CREATED = datetime(2024, 1, 1)  # docProps/core.xml; fixed so that builds are reproducible

THIS_WORKBOOK_CODE = """\
Option Explicit

Private Sub Workbook_Open()
    ' Function Wizard descriptions and categories of the AR_* worksheet functions
    XlArRegisterFunctions
End Sub
"""

_PROJECT_NAME_LINE = re.compile(r'^(Public Const PROJECT_NAME As String = )"[^"]*"', re.M)
_VERSION_LINE = re.compile(r'^Public Const XLWINGS_VERSION As String = "([^"]*)"', re.M)


def _xlwings_dir() -> Path:
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("xlwings is not installed: the add-in embeds its VBA")
    return Path(next(iter(spec.submodule_search_locations)))


def installed_xlwings_version() -> str:
    return importlib.metadata.version("xlwings")


def xlwings_addin_vba(text: str | None = None, project_name: str = PROJECT_NAME) -> str:
    """The wheel's ``xlwings_custom_addin.bas`` with ``PROJECT_NAME`` set to ``project_name``."""
    if text is None:
        text = (_xlwings_dir() / "xlwings_custom_addin.bas").read_text(encoding="utf-8")
    new, count = _PROJECT_NAME_LINE.subn(rf'\1"{project_name}"', text)
    if count != 1:
        raise ValueError("xlwings_custom_addin.bas: no single 'Public Const PROJECT_NAME' line")
    return ovba.normalize_source(new)


def _dictionary_cls() -> str:
    return (_xlwings_dir() / "addin" / "Dictionary.cls").read_text(encoding="utf-8")


def _udf_module_text() -> str:
    from xl_ar.udfs.registry import module_text

    return module_text()


def shim_text(path: Path | None, generate: Callable[[], str], encoding: str = "cp1252") -> str:
    """A ``vba_shim/`` file's text; generated from its source when the file is not there.

    In the source checkout the files are read (the tests keep them equal to what their
    generators write); in an installed package (``path`` is ``None``) the same text is always
    generated, so a stale copy beside the package is never built in.
    """
    return path.read_text(encoding=encoding) if path and path.is_file() else generate()


def addin_modules(*, xlwings_vba: str | None = None) -> list[ovba.Module]:
    """The VBA modules of the add-in, in project order."""
    return [
        ovba.Module.document("ThisWorkbook", ovba.WORKBOOK_BASE, THIS_WORKBOOK_CODE),
        ovba.Module.document("Sheet1", ovba.SHEET_BASE),
        ovba.Module.from_bas(xlwings_addin_vba(xlwings_vba)),
        ovba.Module.from_cls(_dictionary_cls()),
        ovba.Module.from_bas(shim_text(UDF_SHIM, _udf_module_text)),
        ovba.Module.from_bas(shim_text(ribbon.MODULE_PATH, ribbon.ribbon_module_text)),
    ]


def _xlsm_bytes(vba_bin: bytes, config: Mapping[str, str]) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    wb.set_properties({
        "title": "xl-ar add-in",
        "subject": "Accounts receivable tools for Excel",
        "author": "xl-ar",
        "created": _CREATED,
    })  # fmt: skip
    wb.set_vba_name("ThisWorkbook")
    wb.add_vba_project(io.BytesIO(vba_bin), is_stream=True)
    ws = wb.add_worksheet(CONFIG_SHEET)
    ws.set_vba_name("Sheet1")
    ws.set_column(0, 0, 22)
    ws.set_column(1, 1, 40)
    for row, (key, value) in enumerate(config.items()):
        ws.write_string(row, 0, key)
        ws.write_string(row, 1, value)
    wb.close()
    return buffer.getvalue()


def _add_relationship(rels: str, rel_type: str, target: str) -> str:
    ids = {int(n) for n in re.findall(r'Id="rId(\d+)"', rels)}
    rel_id = f"rId{max(ids, default=0) + 1}"
    new = f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}"/>'
    if rels.count("</Relationships>") != 1:
        raise ValueError("_rels/.rels has no closing </Relationships>")
    return rels.replace("</Relationships>", new + "</Relationships>")


def _package(xlsm: bytes, custom_ui: bytes) -> bytes:
    """Turn XlsxWriter's ``.xlsm`` into the ``.xlam``: content type, ribbon part, timestamps."""
    with zipfile.ZipFile(io.BytesIO(xlsm)) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    types = parts["[Content_Types].xml"].decode("utf-8")
    if types.count(XLSM_CONTENT_TYPE) != 1:
        raise ValueError("[Content_Types].xml: expected one macro-enabled workbook override")
    parts["[Content_Types].xml"] = types.replace(XLSM_CONTENT_TYPE, ADDIN_CONTENT_TYPE).encode()
    rels = parts["_rels/.rels"].decode("utf-8")
    parts["_rels/.rels"] = _add_relationship(rels, RIBBON_REL_TYPE, RIBBON_PART).encode()
    parts[RIBBON_PART] = custom_ui

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # the default depends on the OS building the file
            info.external_attr = 0
            dst.writestr(info, data, compresslevel=6)
    return out.getvalue()


def build_addin(
    out: Path,
    *,
    xlwings_vba: str | None = None,
    config: Mapping[str, str] | None = None,
) -> Path:
    """Write the add-in to ``out`` (a directory gets ``xl_ar.xlam``) and return its path.

    Parameters
    ----------
    out : Path
        Target file, or an existing directory.
    xlwings_vba : str, optional
        Text of ``xlwings_custom_addin.bas`` to embed; default: the installed wheel's (which is
        what must run with the installed xlwings).
    config : mapping, optional
        Rows of the ``xl_ar.conf`` sheet; default :data:`DEFAULT_CONFIG`. Leave out keys
        without a value (see :data:`DEFAULT_CONFIG`).
    """
    out = Path(out)
    if out.is_dir():
        out = out / ADDIN_NAME
    config = dict(DEFAULT_CONFIG if config is None else config)
    modules = addin_modules(xlwings_vba=xlwings_vba)
    vba_bin = ovba.vba_project_bin(modules, project_name=PROJECT_NAME)
    custom_ui = shim_text(ribbon.CUSTOM_UI_PATH, ribbon.custom_ui_xml, "utf-8")
    data = _package(_xlsm_bytes(vba_bin, config), custom_ui.encode("utf-8"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out


# --------------------------------------------------------------------------------------------
# verification
# --------------------------------------------------------------------------------------------


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_modules(path: Path) -> dict[str, str]:
    """``{module name: source}`` as oletools' ``olevba`` reads them from ``path``."""
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(path))
    try:
        if not parser.detect_vba_macros():
            return {}
        return {
            vba_filename.rsplit(".", 1)[0]: code
            for _, _, vba_filename, code in parser.extract_macros()
        }
    finally:
        parser.close()


def _check_package(zf: zipfile.ZipFile) -> list[str]:  # noqa: C901
    problems: list[str] = []
    names = set(zf.namelist())
    for part in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/vbaProject.bin",
                 "xl/_rels/workbook.xml.rels", RIBBON_PART):  # fmt: skip
        if part not in names:
            problems.append(f"missing part {part}")
    if problems:
        return problems

    types = ET.fromstring(zf.read("[Content_Types].xml"))
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{_CT_NS}Override")}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.iter(f"{_CT_NS}Default")}

    def content_type(part: str) -> str | None:
        return overrides.get("/" + part, defaults.get(part.rsplit(".", 1)[-1]))

    for part, wanted in (("xl/workbook.xml", ADDIN_CONTENT_TYPE),
                         ("xl/vbaProject.bin", VBA_CONTENT_TYPE),
                         (RIBBON_PART, "application/xml")):  # fmt: skip
        if content_type(part) != wanted:
            problems.append(f"{part} content type is {content_type(part)!r}, not {wanted!r}")

    rels = ET.fromstring(zf.read("_rels/.rels"))
    ui = [r for r in rels.iter(f"{_REL_NS}Relationship") if r.get("Type") == RIBBON_REL_TYPE]
    if [r.get("Target").lstrip("/") for r in ui] != [RIBBON_PART]:
        problems.append(
            f"_rels/.rels: expected one {RIBBON_REL_TYPE} relationship to {RIBBON_PART}"
        )
    wb_rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    if not any(r.get("Type") == VBA_REL_TYPE for r in wb_rels.iter(f"{_REL_NS}Relationship")):
        problems.append("xl/_rels/workbook.xml.rels does not link vbaProject.bin")

    workbook = zf.read("xl/workbook.xml").decode("utf-8")
    if 'codeName="ThisWorkbook"' not in workbook:
        problems.append("workbook code name is not ThisWorkbook")
    if f'name="{CONFIG_SHEET}"' not in workbook:
        problems.append(f"no {CONFIG_SHEET} sheet")
    if 'codeName="Sheet1"' not in zf.read("xl/worksheets/sheet1.xml").decode("utf-8"):
        problems.append("sheet code name is not Sheet1")
    if zf.read(RIBBON_PART) != ribbon.custom_ui_xml().encode("utf-8"):
        problems.append(f"{RIBBON_PART} differs from the ribbon spec (xl_ar/addin/ribbon.py)")
    return problems


def _check_vba_binary(data: bytes) -> list[str]:
    import olefile

    problems: list[str] = []
    ole = olefile.OleFileIO(data)
    try:
        streams = {"/".join(e) for e in ole.listdir()}
        for name in ("PROJECT", "PROJECTwm", "VBA/dir", "VBA/_VBA_PROJECT"):
            if name not in streams:
                problems.append(f"vbaProject.bin has no {name} stream")
        if "VBA/_VBA_PROJECT" in streams:
            head = ole.openstream("VBA/_VBA_PROJECT").read()
            if head[:4] != b"\xcc\x61\xff\xff":
                problems.append("_VBA_PROJECT is not a source-only header (0x61CC, 0xFFFF)")
    finally:
        ole.close()
    return problems


def verify_addin(path: Path, *, xlwings_vba: str | None = None) -> list[str]:
    """Problems with a built add-in; ``[]`` when it is sound.

    Reads the VBA back with oletools' ``olevba`` and checks that it holds exactly the
    expected modules with exactly their text (only line ends normalised), that every ribbon
    ``onAction`` has its ``Sub X(control As IRibbonControl)`` in the recovered ribbon module,
    that every ``RunPython`` runs a macro of the spec, that the embedded xlwings VBA is the
    installed xlwings' version, and the package parts, relationships and content types.
    """
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        return [f"{path} is not a zip package: {exc}"]
    with zf:
        problems = _check_package(zf)
        if "xl/vbaProject.bin" in zf.namelist():
            problems += _check_vba_binary(zf.read("xl/vbaProject.bin"))
        custom_ui = zf.read(RIBBON_PART).decode("utf-8") if RIBBON_PART in zf.namelist() else ""

    try:
        got = read_modules(path)
    except Exception as exc:  # olevba raises many kinds on a damaged package
        return [*problems, f"olevba cannot read the VBA project: {exc!r}"]
    expected = {m.name: m.source for m in addin_modules(xlwings_vba=xlwings_vba)}
    for name in sorted(expected.keys() - got.keys()):
        problems.append(f"VBA module {name} is missing")
    for name in sorted(got.keys() - expected.keys()):
        problems.append(f"unexpected VBA module {name}")
    for name in sorted(expected.keys() & got.keys()):
        if _lf(got[name]) != _lf(expected[name]):
            problems.append(f"VBA module {name}: text differs from its source")

    vba = got.get(ribbon.MODULE_NAME, "")
    if custom_ui:
        problems += ribbon.validate_custom_ui(custom_ui, vba)
    missing = sorted(set(ribbon.MACROS) - set(ribbon.run_python_macros(vba)))
    problems += [f"no RunPython runs m.{name}()" for name in missing]

    version = _VERSION_LINE.search(got.get("xlwings", ""))
    installed = installed_xlwings_version()
    if xlwings_vba is None and (version is None or version.group(1) != installed):
        found = version.group(1) if version else "unknown"
        problems.append(
            f"the add-in's xlwings VBA is {found} but xlwings {installed} is installed: rebuild"
        )
    return problems


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - thin CLI shim
    import sys

    args = sys.argv[1:] if argv is None else argv
    path = build_addin(Path(args[0]) if args else Path.cwd())
    problems = verify_addin(path)
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    print(f"wrote {path}")
    return 1 if problems else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
