"""Workshop workbooks: built from source, recalculated by LibreOffice, checked against the core.

For every workbook (six modules and the hotel case, Indonesian and English):
- every formula uses only functions Excel 2013 and LibreOffice 7.4 both evaluate (``AR_*`` and,
  on sheets marked "Excel 365", XLOOKUP & co. aside);
- LibreOffice (always-recalculate mode) gives every native formula the value the core computed
  at build time (stored as the cell's cached value), and no error anywhere but ``AR_*`` cells;
- ``AR_*`` cells evaluated by pycel through ``xl_ar.testing`` equal the core's values;
- filling the answer key into the input cells turns every check to ✓, wrong answers to ✗;
- the committed files under ``workbooks/`` are what a fresh build writes.
"""

from __future__ import annotations

import re
import zipfile
from functools import cache
from pathlib import Path

import openpyxl
import pytest
from libreoffice import recalc_many, require_soffice
from workshop_tools import (
    ALLOWED_FUNCTIONS,
    EXCEL365_FUNCTIONS,
    answer_rows,
    compare_cells,
    error_cells,
    fill_answers,
    formula_cells,
    functions_in,
    is_ar_formula,
    is_excel365_sheet,
    same,
    values,
)

from xl_ar.cli import main
from xl_ar.workshop.catalog import LANGS, WORKBOOKS, build_book, workbook_paths
from xl_ar.workshop.render import ANSWER_SHEET, CHECK_MARK, CROSS_MARK, render_book

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "workbooks"
CASES = [pytest.param(wb, lang, id=f"{wb.module}-{lang}") for wb in WORKBOOKS for lang in LANGS]


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("workshop")


@cache
def _built(module: str, lang: str, root: str) -> Path:
    wb = next(w for w in WORKBOOKS if w.module == module)
    return render_book(build_book(wb, lang), Path(root) / "built" / lang / f"{wb.stem(lang)}.xlsx")


@cache
def _recalculated(module: str, lang: str, root: str) -> dict[str, Path]:
    """The pristine, answered and wrongly answered workbook, each recalculated by LibreOffice."""
    src = _built(module, lang, root)
    wb = next(w for w in WORKBOOKS if w.module == module)
    work = Path(root) / "work" / f"{module}-{lang}"
    ok = work / f"{src.stem}-answered.xlsx"
    bad = work / f"{src.stem}-wrong.xlsx"
    fill_answers(src, ok)
    fill_answers(src, bad, wrong=True)
    key = render_book(build_book(wb, lang), work / f"{src.stem}-key.xlsx", answers=True)
    out = recalc_many([src, ok, bad, key], work / "lo")
    return {"blank": out[0], "answered": out[1], "wrong": out[2], "key": out[3]}


@pytest.fixture
def built(build_dir):
    def get(wb, lang):
        return _built(wb.module, lang, str(build_dir))

    return get


@pytest.fixture
def recalculated(build_dir):
    def get(wb, lang):
        require_soffice()
        return _recalculated(wb.module, lang, str(build_dir))

    return get


@pytest.mark.parametrize(("wb", "lang"), CASES)
def test_structure(built, wb, lang):
    path = built(wb, lang)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] in ("Petunjuk", "Instructions")
    key = book[ANSWER_SHEET[0] if lang == "id" else ANSWER_SHEET[1]]
    assert key.sheet_state == "veryHidden"
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        types = z.read("[Content_Types].xml").decode()
    assert not any("vba" in n.lower() for n in names), "plain .xlsx: no macros"
    assert "macroEnabled" not in types
    rows = answer_rows(path)
    assert len(rows) >= 3, "every workbook has exercises"
    for row in rows:
        sheet = book[row["sheet"]]
        assert sheet[row["cell"]].value is None, "input cells start empty"
        assert sheet[row["check"]].value.startswith("=IF(ISBLANK(")
        assert not is_excel365_sheet(row["sheet"]), "checked cells live on Excel-2013 sheets"
        assert row["answer"] is not None


@pytest.mark.parametrize(("wb", "lang"), CASES)
def test_formulas_use_only_portable_functions(built, wb, lang):
    cells = formula_cells(built(wb, lang))
    assert cells
    for (sheet, cell), (formula, _) in cells.items():
        allowed = ALLOWED_FUNCTIONS | (EXCEL365_FUNCTIONS if is_excel365_sheet(sheet) else set())
        names = {f for f in functions_in(formula) if not f.startswith("AR_")}
        assert names <= allowed, f"{sheet}!{cell} {formula}: {sorted(names - allowed)}"
        assert "{" not in formula, f"{sheet}!{cell}: no array constants or CSE formulas"


@pytest.mark.parametrize(("wb", "lang"), CASES)
def test_every_formula_has_the_core_value(built, wb, lang):
    for (sheet, cell), (formula, cached) in formula_cells(built(wb, lang)).items():
        # check cells (and the key's status column, which mirrors them) cache "" = blank
        blank_ok = "ISBLANK" in formula or (sheet in ANSWER_SHEET and cell.startswith("G"))
        assert cached is not None or blank_ok, f"{sheet}!{cell} {formula} uncached"


@pytest.mark.libreoffice
@pytest.mark.parametrize(("wb", "lang"), CASES)
def test_libreoffice_recalculation_equals_core(built, recalculated, wb, lang):
    bad, n = compare_cells(built(wb, lang), recalculated(wb, lang)["blank"])
    assert n > 0
    assert not bad, f"{len(bad)} of {n} cells differ:\n" + "\n".join(bad[:20])


@pytest.mark.libreoffice
@pytest.mark.parametrize(("wb", "lang"), CASES)
def test_answers_turn_every_check_green(built, recalculated, wb, lang):
    path = built(wb, lang)
    rows = answer_rows(path)
    got = values(recalculated(wb, lang)["answered"], [(r["sheet"], r["check"]) for r in rows])
    wrong = {k: v for k, v in got.items() if v != CHECK_MARK}
    assert not wrong, f"{len(wrong)} of {len(rows)} checks not ✓: {list(wrong.items())[:10]}"
    errors = error_cells(path, recalculated(wb, lang)["answered"])
    assert not errors, "answered workbook shows errors:\n" + "\n".join(errors[:10])
    cover = openpyxl.load_workbook(path).worksheets[0].title
    score = values(recalculated(wb, lang)["answered"], [(cover, "C6")])[(cover, "C6")]
    assert score == len(rows)


@pytest.mark.libreoffice
@pytest.mark.parametrize(("wb", "lang"), CASES)
def test_trainer_key_shows_every_check_green(built, recalculated, wb, lang):
    rows = answer_rows(built(wb, lang))
    key = recalculated(wb, lang)["key"]
    got = values(key, [(r["sheet"], r["check"]) for r in rows])
    assert set(got.values()) == {CHECK_MARK}, got
    book = openpyxl.load_workbook(key)
    assert book[ANSWER_SHEET[0] if lang == "id" else ANSWER_SHEET[1]].sheet_state == "visible"
    for (sheet, cell), (formula, cached) in formula_cells(key).items():
        if "ISBLANK" in formula:
            assert cached == CHECK_MARK, f"{sheet}!{cell}: the key caches ✓"


@pytest.mark.libreoffice
@pytest.mark.parametrize(("wb", "lang"), CASES)
def test_wrong_answers_turn_every_check_red(built, recalculated, wb, lang):
    path = built(wb, lang)
    rows = answer_rows(path)
    got = values(recalculated(wb, lang)["wrong"], [(r["sheet"], r["check"]) for r in rows])
    right = {k: v for k, v in got.items() if v != CROSS_MARK}
    assert not right, f"{len(right)} checks not ✗: {list(right.items())[:10]}"


@pytest.mark.parametrize(("wb", "lang"), CASES)
def test_ar_cells_evaluate_to_the_core_values(built, wb, lang):
    pycel = pytest.importorskip("pycel")
    path = built(wb, lang)
    cells = {k: v for k, v in formula_cells(path).items() if is_ar_formula(v[0])}
    if not cells:
        pytest.skip("no AR_* cells in this workbook")
    compiler = pycel.ExcelCompiler(filename=str(path), plugins=["pycel_plugin"])
    for sheet, cell in cells:
        compiler.evaluate(f"{sheet}!{cell}")
    compiler.recalculate()
    for (sheet, cell), (formula, expected) in cells.items():
        got = compiler.evaluate(f"{sheet}!{cell}")
        assert same(expected, got), f"{sheet}!{cell} {formula}: core {expected!r}, pycel {got!r}"


def test_numeric_answers_are_the_same_in_both_languages(built):
    for wb in WORKBOOKS:
        id_rows, en_rows = (answer_rows(built(wb, lang)) for lang in LANGS)
        assert len(id_rows) == len(en_rows), wb.module
        for a, b in zip(id_rows, en_rows, strict=True):
            assert a["cell"] == b["cell"]
            if not isinstance(a["answer"], str):
                assert same(a["answer"], b["answer"]), (wb.module, a, b)


def _content(path: Path) -> dict[str, object]:
    """What a workbook shows, writer-independent: sheets, states, cells, formats, cached values.

    Comparing this (rather than bytes) ignores timestamps and XML serialisation details that
    change between XlsxWriter releases, and shows which cell differs.
    """
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    out: dict[str, object] = {"sheets": [(ws.title, ws.sheet_state) for ws in formulas]}
    for ws in formulas:
        for row in ws.iter_rows():
            for cell in row:
                value = getattr(cell.value, "text", cell.value)
                if value is None and cell.style_id == 0:
                    continue
                shown = cached[ws.title][cell.coordinate].value
                out[f"{ws.title}!{cell.coordinate}"] = (value, cell.number_format, shown)
    return out


def _differences(committed: Path, fresh: Path) -> list[str]:
    a, b = _content(committed), _content(fresh)
    diffs = []
    for key in sorted(a.keys() | b.keys()):
        x, y = a.get(key), b.get(key)
        if key != "sheets" and x is not None and y is not None:
            if same(x[0], y[0]) and x[1] == y[1] and same(x[2], y[2]):
                continue
        elif x == y:
            continue
        diffs.append(f"{key}: committed {x!r}, fresh {y!r}")
    return diffs


def test_committed_workbooks_equal_a_fresh_build(tmp_path, capsys):
    assert main(["workbooks", "build", "-o", str(tmp_path)]) == 0
    assert "14 workbooks written" in capsys.readouterr().out
    fresh = workbook_paths(tmp_path)
    committed = workbook_paths(COMMITTED)
    missing = [p.relative_to(COMMITTED).as_posix() for p in committed if not p.is_file()]
    assert not missing, f"rebuild with `xl-ar workbooks build`: {missing} missing"
    stale = {}
    for p, f in zip(committed, fresh, strict=True):
        diffs = _differences(p, f)
        if diffs:
            stale[p.relative_to(COMMITTED).as_posix()] = diffs[:5]
    assert not stale, f"rebuild with `xl-ar workbooks build`: {stale}"
    extra = set(COMMITTED.rglob("*.xlsx")) - set(committed)
    assert not extra, f"files under workbooks/ that the build does not write: {sorted(extra)}"


def test_build_is_reproducible(tmp_path):
    wb = WORKBOOKS[0]
    a = render_book(build_book(wb, "id"), tmp_path / "a.xlsx")
    b = render_book(build_book(wb, "id"), tmp_path / "b.xlsx")
    assert a.read_bytes() == b.read_bytes()


def test_readme_lists_every_workbook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Workshop workbooks (for trainers)" in readme
    for wb in WORKBOOKS:
        for lang in LANGS:
            assert f"`{wb.stem(lang)}.xlsx`" in readme, wb.stem(lang)
    total = sum(len(build_book(wb, "en").exercises) for wb in WORKBOOKS)
    assert re.search(r"(\d+) exercises per edition", readme).group(1) == str(total)


def test_cli_writes_the_trainer_keys(tmp_path, capsys):
    assert main(["workbooks", "key", "-o", str(tmp_path)]) == 0
    assert "14 trainer's answer keys written" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "id").iterdir())[0] == "modul-1-fondasi-kunci.xlsx"
    assert len(list(tmp_path.rglob("*-key.xlsx"))) == 7
