"""The AR Tools ribbon: spec, the generated vba_shim files, and the customUI checks."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from xl_ar.addin import ribbon

NS = {"ui": ribbon.CUSTOM_UI_NS}

EXPECTED_MACROS = {
    "aging_report", "dashboard_report", "worklist_report", "letters_report",
    "reconcile_report", "allowance_report", "forecast_report", "credit_review_report",
    "data_health_report", "about", "toggle_language", "disputes_report", "productivity_report",
    "letter_documents_report", "confirmation_documents_report", "send_emails", "statements_report",
}  # fmt: skip


def test_shim_files_are_up_to_date():
    assert ribbon.CUSTOM_UI_PATH.read_bytes() == ribbon.custom_ui_xml().encode("utf-8"), (
        "vba_shim/customUI14.xml is out of date: run `python -m xl_ar.addin.ribbon`"
    )
    assert ribbon.MODULE_PATH.read_bytes() == ribbon.ribbon_module_text().encode("cp1252"), (
        "vba_shim/xl_ar_ribbon.bas is out of date: run `python -m xl_ar.addin.ribbon`"
    )


def test_write_shim_writes_both_files(tmp_path):
    paths = ribbon.write_shim(tmp_path)
    assert [p.name for p in paths] == ["customUI14.xml", "xl_ar_ribbon.bas"]
    assert paths[0].read_bytes() == ribbon.CUSTOM_UI_PATH.read_bytes()
    assert paths[1].read_bytes() == ribbon.MODULE_PATH.read_bytes()


def test_the_generated_ribbon_is_valid():
    assert (
        ribbon.validate_custom_ui(
            ribbon.CUSTOM_UI_PATH.read_text(encoding="utf-8"),
            ribbon.MODULE_PATH.read_text(encoding="cp1252"),
        )
        == []
    )


def test_spec():
    assert set(ribbon.MACROS) == EXPECTED_MACROS and len(ribbon.MACROS) == len(EXPECTED_MACROS)
    for attr in ("id", "callback"):
        values = [getattr(b, attr) for b in ribbon.BUTTONS]
        assert len(set(values)) == len(values), attr
    assert [g.label_en for g in ribbon.GROUPS] == ["Reports", "Credit", "Collections", "Data",
                                                   "Help"]  # fmt: skip
    group_ids = {g.id for g in ribbon.GROUPS}
    for b in ribbon.BUTTONS:
        assert b.group in group_ids, b.id
        assert b.callback.startswith("On") and b.callback.isidentifier(), b.id
        assert b.macro.isidentifier(), b.id
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]+", b.image_mso), b.id
        assert b.label_id and b.label_en and b.screentip_id and b.screentip_en, b.id
        for text in (b.label_id, b.label_en, b.screentip_id, b.screentip_en):
            text.encode("cp1252")
    assert {g.id for g in ribbon.GROUPS} == {b.group for b in ribbon.BUTTONS}  # none empty


def test_custom_ui_structure():
    root = ET.fromstring(ribbon.custom_ui_xml().encode("utf-8"))
    assert root.tag == f"{{{ribbon.CUSTOM_UI_NS}}}customUI"
    tabs = root.findall("ui:ribbon/ui:tabs/ui:tab", NS)
    assert [(t.get("id"), t.get("label")) for t in tabs] == [("xlArTab", "AR Tools")]
    groups = tabs[0].findall("ui:group", NS)
    assert [g.get("label") for g in groups] == ["Laporan", "Kredit", "Penagihan", "Data", "Bantuan"]
    buttons = {b.get("id"): b for b in root.iter(f"{{{ribbon.CUSTOM_UI_NS}}}button")}
    assert len(buttons) == len(ribbon.BUTTONS)
    aging = buttons["btnAging"]
    assert aging.get("onAction") == "XlArRibbon.OnAging"
    assert aging.get("label") == "Umur Piutang"  # Indonesian is the default language
    assert aging.get("screentip") == "Umur Piutang | Aging"  # screentips are bilingual
    assert aging.get("supertip").split("\n") == [
        "Laporan umur piutang per pelanggan dan per kelompok hari.",
        "Receivables aging report by customer and by days bucket.",
    ]
    assert aging.get("imageMso") == "TableInsert"
    assert buttons["btnCreditReview"].get("imageMso") == "ReviewProtectWorkbook"
    lang = buttons["btnLanguage"]
    assert lang.get("onAction") == "XlArRibbon.OnToggleLanguage"
    assert "Bahasa Indonesia" in lang.get("supertip") and "English" in lang.get("supertip")


def test_ribbon_module():
    text = ribbon.ribbon_module_text()
    assert text.startswith('Attribute VB_Name = "XlArRibbon"\r\n')
    assert "\n" not in text.replace("\r\n", "")
    assert ribbon.callback_subs(text) == {b.callback for b in ribbon.BUTTONS}
    assert ribbon.run_python_macros(text) == list(ribbon.MACROS)
    assert (
        "Public Sub OnAging(control As IRibbonControl)\r\n"
        '    RunPython "import xl_ar.macros as m; m.aging_report()"\r\nEnd Sub\r\n'
    ) in text
    assert text.count("Public Sub ") == len(ribbon.BUTTONS)


GOOD_XML = ribbon.custom_ui_xml()
GOOD_VBA = ribbon.ribbon_module_text()


@pytest.mark.parametrize(
    ("xml", "vba", "problem"),
    [
        (GOOD_XML.replace("</customUI>", ""), GOOD_VBA, "not well-formed"),
        (GOOD_XML.replace("2009/07/customui", "2006/01/customui"), GOOD_VBA, "root element"),
        (GOOD_XML.replace('id="btnDashboard"', 'id="btnAging"'), GOOD_VBA, "used 2 times"),
        (GOOD_XML.replace('id="xlArTab"', 'id="otherTab"'), GOOD_VBA, "no tab with id"),
        (GOOD_XML.replace('id="btnAbout"', 'id="1about"'), GOOD_VBA, "NCName"),
        (GOOD_XML.replace("XlArRibbon.OnLetters", "Ribbon.OnLetters"), GOOD_VBA, "not in XlArRibbon"),
        (GOOD_XML.replace(' imageMso="Info"', ""), GOOD_VBA, "no imageMso"),
        (GOOD_XML, GOOD_VBA.replace("Sub OnForecast(control As IRibbonControl)", "Sub OnForecast()"),
         "no 'Sub OnForecast(control As IRibbonControl)'"),
        (GOOD_XML, GOOD_VBA.replace("m.about()", "m.not_a_macro()"), "m.not_a_macro()"),
        (GOOD_XML.replace('label="Tentang"', 'label="' + "x" * 1025 + '"'), GOOD_VBA, "longer"),
    ],
)  # fmt: skip
def test_validation_finds_problems(xml, vba, problem):
    problems = ribbon.validate_custom_ui(xml, vba)
    assert any(problem in p for p in problems), problems
