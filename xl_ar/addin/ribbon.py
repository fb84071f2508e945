"""The "AR Tools" ribbon tab: one spec, two generated files, and their checks.

:data:`BUTTONS` is the single source of truth. From it come

* ``vba_shim/customUI14.xml`` -- the Office 2010 ``customUI`` part (tab ``xlArTab``), and
* ``vba_shim/xl_ar_ribbon.bas`` -- the VBA module ``XlArRibbon``, one
  ``Public Sub OnX(control As IRibbonControl)`` per button, each running
  ``RunPython "import xl_ar.macros as m; m.<macro>()"``.

Labels are Indonesian (the default language); screentips and supertips carry both languages.
Regenerate both files after changing the spec::

    python -m xl_ar.addin.ribbon        # in the source checkout: vba_shim/customUI14.xml, .bas
    python -m xl_ar.addin.ribbon DIR    # anywhere: writes both into DIR

Examples
--------
>>> [b.macro for b in BUTTONS][:3]
['aging_report', 'dashboard_report', 'forecast_report']
>>> validate_custom_ui(custom_ui_xml(), ribbon_module_text())
[]
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

import xl_ar

__all__ = [
    "BUTTONS",
    "CUSTOM_UI_NS",
    "CUSTOM_UI_PATH",
    "GROUPS",
    "MACROS",
    "MODULE_NAME",
    "MODULE_PATH",
    "TAB_ID",
    "Button",
    "Group",
    "callback_subs",
    "custom_ui_xml",
    "ribbon_module_text",
    "run_python_macros",
    "validate_custom_ui",
]

CUSTOM_UI_NS = "http://schemas.microsoft.com/office/2009/07/customui"
MODULE_NAME = "XlArRibbon"
MACRO_MODULE = "xl_ar.macros"
TAB_ID = "xlArTab"
TAB_LABEL = "AR Tools"
SHIM_DIR = xl_ar.SHIM_DIR  # vba_shim/ of the source checkout; None in an installed package
_CUSTOM_UI_FILE = "customUI14.xml"
_MODULE_FILE = "xl_ar_ribbon.bas"
CUSTOM_UI_PATH = None if SHIM_DIR is None else SHIM_DIR / _CUSTOM_UI_FILE
MODULE_PATH = None if SHIM_DIR is None else SHIM_DIR / _MODULE_FILE
MAX_TEXT = 1024  # Office's limit for label, screentip and supertip


@dataclass(frozen=True)
class Group:
    id: str
    label_id: str
    label_en: str


@dataclass(frozen=True)
class Button:
    """One ribbon button and the Python macro it runs."""

    id: str
    group: str
    label_id: str
    label_en: str
    screentip_id: str
    screentip_en: str
    image_mso: str
    callback: str  # the VBA Sub in MODULE_NAME
    macro: str  # the function in xl_ar.macros
    size: str = "large"

    @property
    def on_action(self) -> str:
        return f"{MODULE_NAME}.{self.callback}"

    @property
    def command(self) -> str:
        return f"import {MACRO_MODULE} as m; m.{self.macro}()"


GROUPS: tuple[Group, ...] = (
    Group("grpReports", "Laporan", "Reports"),
    Group("grpCredit", "Kredit", "Credit"),
    Group("grpCollections", "Penagihan", "Collections"),
    Group("grpData", "Data", "Data"),
    Group("grpHelp", "Bantuan", "Help"),
)

# fmt: off
BUTTONS: tuple[Button, ...] = (
    Button("btnAging", "grpReports", "Umur Piutang", "Aging",
           "Laporan umur piutang per pelanggan dan per kelompok hari.",
           "Receivables aging report by customer and by days bucket.",
           "TableInsert", "OnAging", "aging_report"),
    Button("btnDashboard", "grpReports", "Dasbor", "Dashboard",
           "Dasbor indikator piutang: DSO, CEI, tren bulanan dan grafik.",
           "Receivables KPI dashboard: DSO, CEI, monthly trends and charts.",
           "ChartInsert", "OnDashboard", "dashboard_report"),
    Button("btnForecast", "grpReports", "Prakiraan Kas", "Cash Forecast",
           "Prakiraan penerimaan kas dari piutang yang masih terbuka.",
           "Cash-collection forecast from the open receivables.",
           "ChartTrendline", "OnForecast", "forecast_report"),
    Button("btnCreditReview", "grpCredit", "Tinjauan Kredit", "Credit Review",
           "Tinjauan kredit pelanggan: skor, limit yang disarankan, tindakan.",
           "Customer credit review: score, suggested limit, actions.",
           "ReviewProtectWorkbook", "OnCreditReview", "credit_review_report"),
    Button("btnAllowance", "grpCredit", "CKPN / ECL", "Allowance (ECL)",
           "Cadangan kerugian penurunan nilai (CKPN, PSAK 109, d/h PSAK 71) dengan matriks provisi.",
           "Allowance for expected credit losses (ECL, IFRS 9) with a provision matrix.",
           "PercentStyle", "OnAllowance", "allowance_report"),
    Button("btnWorklist", "grpCollections", "Daftar Tagih", "Worklist",
           "Daftar kerja penagihan: pelanggan yang harus dihubungi hari ini, berurutan.",
           "Collections worklist: the customers to contact today, in priority order.",
           "CreateReport", "OnWorklist", "worklist_report"),
    Button("btnLetters", "grpCollections", "Surat Tagihan", "Dunning Letters",
           "Surat pengingat dan surat tagihan per pelanggan.",
           "Reminder and dunning letters per customer.",
           "MailMergeStartLetters", "OnLetters", "letters_report"),
    Button("btnLetterDocs", "grpCollections", "Surat Word/PDF", "Letters (Word/PDF)",
           "Surat tagihan sebagai dokumen Word/PDF (dan draf e-mail) di folder samping buku kerja.",
           "Dunning letters as Word/PDF documents (and e-mail drafts) in a folder next to the "
           "workbook.",
           "FileSaveAsWordDocx", "OnLetterDocs", "letter_documents_report"),
    Button("btnConfirmations", "grpCollections", "Konfirmasi Saldo", "Balance Confirmations",
           "Surat konfirmasi saldo piutang (positif/negatif) dengan formulir jawaban.",
           "Balance confirmation letters (positive/negative) with a reply slip.",
           "AcceptInvitation", "OnConfirmations", "confirmation_documents_report"),
    Button("btnSendEmail", "grpCollections", "Kirim Email", "Send E-mails",
           "Tampilkan draf e-mail yang akan dikirim; kirim hanya setelah Anda menjawab Ya.",
           "Show the e-mail drafts that would be sent; sends only after you answer Yes.",
           "FileSendAsAttachment", "OnSendEmail", "send_emails"),
    Button("btnDisputes", "grpCollections", "Sengketa", "Disputes",
           "Sengketa terbuka per umur, alasan (Pareto), lama penyelesaian, jumlah tertahan "
           "(sheet Sengketa).",
           "Open disputes by age, reasons (Pareto), days to resolve, amount tied up "
           "(sheet Disputes).",
           "ReviewDeleteComment", "OnDisputes", "disputes_report"),
    Button("btnProductivity", "grpCollections", "Produktivitas Kolektor",
           "Collector Productivity",
           "Tindakan, janji ditepati dan uang tertagih per kolektor (sheet Aktivitas).",
           "Actions, promises kept and cash collected per collector (sheet Activity).",
           "PivotTableGroupSelection", "OnProductivity", "productivity_report"),
    Button("btnStatements", "grpCollections", "Rekening Koran", "Statements",
           "Rekening koran per pelanggan: saldo awal, mutasi, saldo akhir, umur piutang.",
           "Statement of account per customer: opening, movements, closing balance, aging.",
           "AccountingFormat", "OnStatements", "statements_report"),
    Button("btnReconcile", "grpData", "Rekonsiliasi", "Reconciliation",
           "Rekonsiliasi buku besar pembantu piutang dengan buku besar dan pembayaran.",
           "Reconcile the receivables sub-ledger with the general ledger and payments.",
           "ReviewCompareTwoVersions", "OnReconcile", "reconcile_report"),
    Button("btnDataHealth", "grpData", "Cek Data", "Data Health",
           "Periksa buku piutang: tanggal, jumlah, duplikat, kolom yang hilang.",
           "Check the ledger: dates, amounts, duplicates, missing columns.",
           "DataValidation", "OnDataHealth", "data_health_report"),
    Button("btnAbout", "grpHelp", "Tentang", "About",
           "Versi xl-ar, bantuan dan lisensi.",
           "xl-ar version, help and license.",
           "Info", "OnAbout", "about", size="normal"),
    Button("btnLanguage", "grpHelp", "Bahasa: ID / EN", "Language: ID / EN",
           "Ganti bahasa laporan: Bahasa Indonesia (bawaan) atau English.",
           "Switch the report language: Bahasa Indonesia (default) or English.",
           "Translate", "OnToggleLanguage", "toggle_language", size="normal"),
)
# fmt: on

MACROS: tuple[str, ...] = tuple(b.macro for b in BUTTONS)


def _attrs(pairs: list[tuple[str, str]]) -> str:
    return " ".join(f"{k}={quoteattr(v)}" for k, v in pairs)


def custom_ui_xml() -> str:
    """The ``customUI/customUI14.xml`` part (UTF-8 text, LF line ends)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<customUI xmlns="{CUSTOM_UI_NS}">',
        "  <!-- Generated from xl_ar/addin/ribbon.py by `python -m xl_ar.addin.ribbon`;"
        " do not edit by hand. -->",
        "  <ribbon>",
        "    <tabs>",
        f"      <tab {_attrs([('id', TAB_ID), ('label', TAB_LABEL)])}>",
    ]
    for group in GROUPS:
        lines.append(f"        <group {_attrs([('id', group.id), ('label', group.label_id)])}>")
        for b in (b for b in BUTTONS if b.group == group.id):
            attrs = _attrs([
                ("id", b.id),
                ("label", b.label_id),
                ("size", b.size),
                ("imageMso", b.image_mso),
                ("screentip", f"{b.label_id} | {b.label_en}"),
                ("supertip", f"{b.screentip_id}\n{b.screentip_en}"),
                ("onAction", b.on_action),
            ])  # fmt: skip
            lines.append(f"          <button {attrs}/>")
        lines.append("        </group>")
    lines += ["      </tab>", "    </tabs>", "  </ribbon>", "</customUI>"]
    return "\n".join(lines) + "\n"


def ribbon_module_text() -> str:
    """The VBA module ``XlArRibbon`` (CRLF line ends, as the VBA editor exports)."""
    lines = [
        f'Attribute VB_Name = "{MODULE_NAME}"',
        "' Callbacks of the AR Tools ribbon (customUI/customUI14.xml): each button runs one",
        f"' function of {MACRO_MODULE} through xlwings' RunPython.",
        "' Generated from xl_ar/addin/ribbon.py by `python -m xl_ar.addin.ribbon`;"
        " do not edit by hand.",
        "Option Explicit",
    ]
    for b in BUTTONS:
        lines += [
            "",
            f"Public Sub {b.callback}(control As IRibbonControl)",
            f'    RunPython "{b.command}"',
            "End Sub",
        ]
    return "".join(line + "\r\n" for line in lines)


_SUB = re.compile(
    r"^\s*(?:Public\s+)?Sub\s+(\w+)\s*\(\s*control\s+As\s+IRibbonControl\s*\)",
    re.IGNORECASE | re.MULTILINE,
)
_RUN = re.compile(r'RunPython\s+"import\s+([\w.]+)\s+as\s+m;\s*m\.(\w+)\(\)"')


def callback_subs(vba: str) -> set[str]:
    """Names of the ``Sub X(control As IRibbonControl)`` in ``vba``."""
    return set(_SUB.findall(vba))


def run_python_macros(vba: str) -> list[str]:
    """The ``xl_ar.macros`` function names that ``vba`` runs through ``RunPython``."""
    return [name for module, name in _RUN.findall(vba) if module == MACRO_MODULE]


def validate_custom_ui(xml_text: str, vba: str, module_name: str = MODULE_NAME) -> list[str]:  # noqa: C901
    """Problems with a ``customUI14.xml`` and its callback module; ``[]`` when it is sound.

    Checks: well-formed XML; the 2009/07 namespace on the root; unique, well-formed ids; a
    label and an ``imageMso`` on every button; Office's 1024-character text limits; every
    ``onAction`` is ``Module.Sub`` in ``module_name`` and that Sub exists in ``vba`` with the
    ``(control As IRibbonControl)`` signature; every ``RunPython`` names a listed macro.
    """
    problems: list[str] = []
    try:
        root = ET.fromstring(xml_text.encode("utf-8"))
    except ET.ParseError as exc:
        return [f"customUI is not well-formed XML: {exc}"]
    ns = "{" + CUSTOM_UI_NS + "}"
    if root.tag != f"{ns}customUI":
        problems.append(f"root element is {root.tag}, expected {ns}customUI")
    seen: dict[str, int] = {}
    subs = callback_subs(vba)
    for el in root.iter():
        tag = el.tag.removeprefix(ns)
        if not el.tag.startswith(ns):
            problems.append(f"element {el.tag} is outside the customUI namespace")
        ident = el.get("id")
        if ident is not None:
            seen[ident] = seen.get(ident, 0) + 1
            if not re.fullmatch(r"[A-Za-z_][\w.-]*", ident):
                problems.append(f"id {ident!r} is not an XML NCName")
        for attr in ("label", "screentip", "supertip"):
            if len(el.get(attr, "")) > MAX_TEXT:
                problems.append(f"{ident}: {attr} longer than {MAX_TEXT} characters")
        if tag in ("tab", "group", "button") and ident is None:
            problems.append(f"a <{tag}> has no id")
        if tag == "button":
            if not el.get("label"):
                problems.append(f"button {ident} has no label")
            if not el.get("imageMso"):
                problems.append(f"button {ident} has no imageMso")
            action = el.get("onAction")
            if not action:
                problems.append(f"button {ident} has no onAction")
                continue
            module, _, sub = action.rpartition(".")
            if module != module_name:
                problems.append(f"button {ident}: onAction {action!r} is not in {module_name}")
            if sub not in subs:
                problems.append(
                    f"button {ident}: no 'Sub {sub}(control As IRibbonControl)' in {module_name}"
                )
    problems += [f"id {i!r} is used {n} times" for i, n in seen.items() if n > 1]
    if TAB_ID not in seen:
        problems.append(f"no tab with id {TAB_ID!r}")
    unknown = sorted(set(run_python_macros(vba)) - set(MACROS))
    problems += [f"RunPython calls m.{name}(), which is not in the ribbon spec" for name in unknown]
    return problems


def write_shim(directory: Path) -> list[Path]:
    """Write ``customUI14.xml`` (UTF-8) and ``xl_ar_ribbon.bas`` (cp1252) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    xml_path = directory / _CUSTOM_UI_FILE
    bas_path = directory / _MODULE_FILE
    xml_path.write_bytes(custom_ui_xml().encode("utf-8"))
    bas_path.write_bytes(ribbon_module_text().encode("cp1252"))
    return [xml_path, bas_path]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0]) if args else SHIM_DIR
    if directory is None:
        print(
            "xl_ar is installed, not a source checkout: nothing is written into the package; "
            "give the folder to write into, e.g. python -m xl_ar.addin.ribbon vba_shim",
            file=sys.stderr,
        )
        return 2
    for path in write_shim(directory):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
