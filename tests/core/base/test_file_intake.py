"""Reading table files: encodings, separators, ragged and quoted rows, misnamed, empty and
sparse workbooks, long header cells — right values or one line, in bounded time and memory."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hostile_files import HEADER, ROWS, make_corpus

from xl_ar.core.base.columns import header_score, normalize_header
from xl_ar.core.base.sources import decode_text, read_grid, read_table_file
from xl_ar.core.base.tables import file_rows
from xl_ar.core.collections.strategy import read_strategy
from xl_ar.core.ledger.ledger import load_ledger
from xl_ar.errors import MissingColumnError, XlArError

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("data", "text", "notes"),
    [
        ("Café;Ünal".encode(), "Café;Ünal", []),
        ("Café".encode("utf-8-sig"), "Café", []),
        ("Café €".encode("cp1252"), "Café €", ["f: read as Windows-1252 (not UTF-8)"]),
        (b"caf\xe9 \x81\x8d", "café \x81\x8d", ["f: read as Windows-1252 (not UTF-8)"]),
        ("Café\tx".encode("utf-16"), "Café\tx", ["f: read as UTF-16"]),
        ("Café\tx".encode("utf-16-le"), "Café\tx",
         ["f: read as UTF-16 (little-endian, no byte-order mark)"]),
        ("Café\tx".encode("utf-16-be"), "Café\tx",
         ["f: read as UTF-16 (big-endian, no byte-order mark)"]),
        ("Café".encode("utf-32"), "Café", ["f: read as UTF-32"]),
        (b"\xef\xbb\xbfcaf\xe9", "caf\xe9", ["f: read as Windows-1252 (not UTF-8)"]),
    ],
)  # fmt: skip
def test_decode_text_states_what_it_did(data, text, notes):
    assert decode_text(data, "f") == (text, notes)


TEXT_KINDS = (
    "utf8", "utf8_bom", "cp1252", "utf16le_bom_tab", "utf16be_bom_tab", "utf16le_tab",
    "utf16be_tab", "semicolon", "tab_tsv", "crlf", "text_after_quote",
)  # fmt: skip


@pytest.mark.parametrize("kind", TEXT_KINDS)
def test_every_readable_text_kind_gives_the_same_cells(corpus, kind):
    assert read_table_file(corpus[kind]).rows() == [HEADER, *ROWS]


def test_latin1_and_workbooks_give_the_same_cells(corpus):
    latin = [HEADER, *ROWS]
    latin[2] = [c.replace("€", "") for c in latin[2]]
    assert read_table_file(corpus["latin1"]).rows() == latin
    typed = [HEADER] + [[*r[:4], float(r[4]), float(r[5]) if r[5] else ""] for r in ROWS]
    assert read_table_file(corpus["xlsx"]).rows() == typed
    assert read_table_file(corpus["xlsx_as_csv"]).rows() == typed


@pytest.mark.parametrize(
    ("kind", "note"),
    [
        ("utf8", None),
        ("cp1252", "cp1252.csv: read as Windows-1252 (not UTF-8)"),
        ("latin1", "latin1.csv: read as Windows-1252 (not UTF-8)"),
        ("utf16le_bom_tab", "utf16le_bom_tab.txt: read as UTF-16"),
        ("utf16be_tab", "utf16be_tab.txt: read as UTF-16 (big-endian, no byte-order mark)"),
        ("xlsx_as_csv", "xlsx_as_csv.csv: read as an Excel workbook (the file is one, despite "
                        "its name)"),
        ("text_as_xlsx", "text_as_xlsx.xlsx: read as text (CSV): the file is not an Excel "
                         "workbook"),
    ],
)  # fmt: skip
def test_load_ledger_carries_the_reading_note(corpus, kind, note):
    got = load_ledger(corpus[kind])
    assert got.ok
    assert got.notes == ((note,) if note else ())
    assert got.ledger["customer"].astype(str).tolist()[0] == "Café Ünal"


def test_cp1252_ledger_has_the_same_numbers_as_its_utf8_twin(corpus):
    twin = load_ledger(corpus["utf8"]).ledger
    for kind in ("cp1252", "utf16le_bom_tab", "utf16be_tab", "xlsx_as_csv", "semicolon"):
        got = load_ledger(corpus[kind]).ledger
        assert got["customer"].astype(str).tolist() == ["Café Ünal", "PT Maju €", "CV Baru"]
        np.testing.assert_array_equal(got["amount"], twin["amount"])
        np.testing.assert_array_equal(got["paid"], twin["paid"])
        np.testing.assert_array_equal(got["due_date"], twin["due_date"])


# --------------------------------------------------------------------------- separators, rows


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Pelanggan;Jumlah;Tanggal\nPT A;1.234,50;01/02/2024\nPT B;2,5;01/03/2024\n",
         [["PT A", "1.234,50", "01/02/2024"], ["PT B", "2,5", "01/03/2024"]]),
        ("Customer\tAmount\tDate\nPT A, Tbk\t100\t2024-01-01\n",
         [["PT A, Tbk", "100", "2024-01-01"]]),
        ("Customer|Amount|Date\nPT A|100|2024-01-01\n", [["PT A", "100", "2024-01-01"]]),
        ('Customer,Amount,Date\n"PT A, Tbk","1,234.50",2024-01-01\n',
         [["PT A, Tbk", "1,234.50", "2024-01-01"]]),
    ],
)  # fmt: skip
def test_separator_is_sniffed(tmp_path, text, want):
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8")
    assert read_grid(path).body.values.tolist() == want


def test_short_rows_are_padded_and_trailing_empty_cells_allowed(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("Customer,Invoice Date,Terms,Amount\nPT A,2024-01-01,30\n"
                    "PT B,2024-01-02,30,5,,\n", encoding="utf-8")  # fmt: skip
    body = read_grid(path).body
    assert body.index.tolist() == [2, 3]
    assert body.iloc[0, :3].tolist() == ["PT A", "2024-01-01", "30"]
    assert body.iloc[0, 3] is None and body.iloc[1, 3] == "5"


def test_decimal_comma_in_an_unquoted_cell_is_refused_with_its_line(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("Customer,Invoice Date,Terms,Amount\nPT A,2024-01-01,30,100\n"
                    'PT B,"2024-01-02",30,1234,50\nPT C,2024-01-02,30,7,5\n')  # fmt: skip
    with pytest.raises(XlArError) as err:
        read_grid(path)
    assert str(err.value) == (
        "d.csv line 3 has 5 cells but the header row has 4 (1 more like it): a comma inside an "
        "unquoted cell (a decimal comma?); quote such cells or save the file with ; as separator"
    )


def test_unbalanced_quote_names_the_line_it_opens_on(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('Customer,Invoice Date,Terms,Amount\n"PT\nA",2024-01-01,30,1\n'
                    'PT B,2024-01-02,30,2\n"PT C,2024-01-03,30,3\nPT D,2024-01-04,30,4\n')  # fmt: skip
    with pytest.raises(XlArError, match=r"^q\.csv line 5: a quote \(\"\) opens a cell that is "
                                        r"never closed; close it or remove the stray quote$"):  # fmt: skip
        read_grid(path)


def test_text_after_a_closing_quote_is_read_as_pandas_and_excel_do(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('Title\nCustomer,Invoice Date,Terms,Amount\n"PT" A,2024-01-01,30,1\n')
    assert read_grid(path).body.values.tolist() == [["PT A", "2024-01-01", "30", "1"]]


def test_header_after_40_title_lines_is_found_and_rows_keep_their_numbers(corpus):
    body = read_grid(corpus["title_lines_40"]).body
    assert body.index.tolist() == [42, 43, 44]
    assert load_ledger(corpus["title_lines_40"]).ledger["amount"].tolist() == [1500.5, 250, 980.25]


def test_header_beyond_the_search_rows_is_refused_in_one_line(corpus):
    with pytest.raises(MissingColumnError, match="^no 'customer' column .*headers found: "
                                                 "'Report line 0'"):  # fmt: skip
        load_ledger(corpus["title_lines_300"])


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("empty", "empty.csv is empty: it needs a header row and rows of data"),
        ("blank_lines", "blank_lines.csv is empty: it needs a header row and rows of data"),
        ("binary", "cannot read binary.csv: it is not a text (CSV) file or workbook"),
        ("binary_nul", "cannot read binary_nul.csv: it is not a text (CSV) file or workbook"),
        ("garbage", "cannot read garbage.xlsx: it is not a text (CSV) file or workbook"),
        ("truncated", "cannot open truncated.xlsx: not a readable Excel workbook (damaged, "
                      "encrypted, or another format saved under an Excel name)"),
        ("sheetless", "sheetless.xlsx has no worksheets"),
        ("sheetless_as_csv", "sheetless_as_csv.csv has no worksheets"),
        ("empty_sheet", "empty_sheet.xlsx: sheet 'Ledger' is empty"),
        ("not_a_table", "cannot read not_a_table.json: use a .csv, .xlsx or .xlsm file"),
    ],
)  # fmt: skip
def test_unreadable_files_are_refused_in_one_line(corpus, kind, message):
    with pytest.raises(XlArError) as err:
        read_table_file(corpus[kind])
    assert str(err.value) == message


def test_folder_and_missing_file(corpus):
    with pytest.raises(XlArError, match=r"^cannot read .*a_folder\.csv: it is a folder, not a "):
        read_table_file(corpus["folder"])
    with pytest.raises(XlArError, match=r"^file not found: .*does_not_exist\.csv \(no such file\)"):
        read_table_file(corpus["missing"])


# --------------------------------------------------------------------------- long cells


def test_header_matching_is_linear_on_excel_sized_cells():
    worst = ["A" * 32767, "(" * 32767, "[" * 32767, "aA" * 16383, "Ab" * 16383]
    started = time.perf_counter()
    for cell in worst * 20:
        normalize_header(cell)
    assert time.perf_counter() - started < 0.5  # the old pattern took 15 s for one cell
    assert header_score([*worst, "Pelanggan", "Jumlah"]) == 2
    assert normalize_header("InvoiceAmount (in thousands USD)") == "invoiceamount"
    assert normalize_header("Amount " + "x" * 40000) == "amount" + "x" * 249


def test_three_lines_of_huge_cells_read_fast_and_refuse_in_one_short_line(corpus):
    started = time.perf_counter()
    with pytest.raises(MissingColumnError) as err:
        load_ledger(corpus["huge_cells"])
    assert time.perf_counter() - started < 1.0
    assert len(str(err.value)) < 400 and str(err.value).count("…") == 3
    assert load_ledger(corpus["huge_header"]).ledger["amount"].tolist() == [1500.5, 250, 980.25]


# --------------------------------------------------------------------------- sparse sheets

_MEASURE = textwrap.dedent(
    """
    import resource, sys, time
    from xl_ar.core.base.sources import read_grid
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    grid = read_grid(sys.argv[1])
    took = time.perf_counter() - started
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    print(took, grown, grid.body.shape[0], grid.body.shape[1], grid.body.index[-1], grid.notes)
    """
)


def _measure(path: Path) -> tuple[float, int, int, int, int, tuple]:
    """Read ``path`` in a child limited to 1.5 GB of address space (an abort fails the test)."""
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True,
        preexec_fn=limit, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-500:]
    took, grown, rows, cols, last, notes = done.stdout.strip().split(" ", 5)
    return float(took), int(grown), int(rows), int(cols), int(last), ast.literal_eval(notes)


def _rewrite_sheet(src: Path, dst: Path, edit) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = edit(data)
            zout.writestr(info, data)
    return dst


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
def test_a_stray_cell_at_ALM200001_costs_neither_memory_nor_time(corpus, tmp_path):
    path = corpus["stray_cell"]
    assert path.stat().st_size < 6000  # a 5 KB file whose used range is 1,000 x 200,001 cells
    took, grown_kb, rows, cols, last, notes = _measure(path)
    assert took < 2.0 and grown_kb < 100_000  # dense, it would need 6.4 GB and abort
    assert (rows, cols, last) == (4, 1001, 200001)
    assert notes == (
        "stray_cell.xlsx: sheet 'Ledger' has a cell as far out as ALM200001 (a stray cell "
        "beyond the table?); read cell by cell",
    )
    # a dimension that lies (A1:F4) does not fool the check: every cell position is scanned
    lying = _rewrite_sheet(path, tmp_path / "lying.xlsx",
                           lambda x: re.sub(rb'<dimension ref="[^"]*"/>',
                                            b'<dimension ref="A1:F4"/>', x))  # fmt: skip
    took, grown_kb, rows, cols, last, notes = _measure(lying)
    assert took < 2.0 and grown_kb < 100_000 and (rows, last) == (4, 200001)
    # cells without positions in a row far below: their place is implicit, read cell by cell
    implicit = _rewrite_sheet(path, tmp_path / "implicit.xlsx", lambda x: re.sub(
        rb"<row r=\"200001\".*?</row>",
        b'<row r="900000">' + b"<c/>" * 3000 + b'<c t="inlineStr"><is><t>x</t></is></c></row>',
        re.sub(rb'<dimension ref="[^"]*"/>', b"", x), flags=re.S))  # fmt: skip
    took, grown_kb, rows, cols, last, _ = _measure(implicit)
    assert took < 2.0 and grown_kb < 100_000 and (cols, last) == (3001, 900000)


@pytest.mark.filterwarnings("ignore::pandas.errors.PerformanceWarning")  # 995 unnamed columns
def test_stray_cell_row_is_reported_not_aged(corpus):
    got = load_ledger(corpus["stray_cell"])
    assert got.problems["row"].unique().tolist() == [200001]
    assert got.ledger.loc[[2, 3, 4], "amount"].tolist() == [1500.5, 250.0, 980.25]


def test_dense_workbooks_still_read_by_calamine_quickly(tmp_path):
    rows = 20_000
    frame = pd.DataFrame({
        "Customer": [f"C{i % 97}" for i in range(rows)], "Invoice": [f"F{i}" for i in range(rows)],
        "Invoice Date": pd.Timestamp("2024-01-01"), "Terms": 30.0, "Amount": 100.0,
    })  # fmt: skip
    path = tmp_path / "big.xlsx"
    frame.to_excel(path, index=False, engine="xlsxwriter")
    started = time.perf_counter()
    grid = read_grid(path)
    assert time.perf_counter() - started < 3.0
    assert grid.notes == () and grid.body.shape == (rows, 5) and grid.body.index[-1] == rows + 1


# --------------------------------------------------------------------------- other tables


def test_strategy_files_go_through_the_same_reader(tmp_path):
    path = tmp_path / "strategi.csv"
    path.write_bytes(
        "Strategi penagihan 2024\nTahap;Dari Hari;Sampai Hari;Tindakan\n"
        "Dini;1;30;Telepon pelanggan (Café)\nEskalasi;31;;Surat\n".encode("cp1252")
    )
    assert file_rows(path)[2] == ["Dini", "1", "30", "Telepon pelanggan (Café)"]
    strategy = read_strategy(str(path))
    assert strategy["action_id"].tolist() == ["Telepon pelanggan (Café)", "Surat"]
    utf16 = tmp_path / "strategi.txt"
    utf16.write_bytes("Tahap\tDari Hari\tSampai Hari\r\nDini\t1\t30\r\nEskalasi\t31\t\r\n"
                      .encode("utf-16"))  # fmt: skip
    assert read_strategy(str(utf16))["max_dpd"].tolist()[0] == 30.0
    bad = tmp_path / "bad.csv"
    bad.write_text("Stage,Min DPD,Max DPD,Min Amount\nearly,1,30,0\nlegal,31,,1500000,50\n")
    with pytest.raises(XlArError, match=r"^bad\.csv line 3 has 5 cells but the header row has 4"):
        file_rows(bad)


def test_rows_from_a_pandas_range_stay_as_they_were():
    grid = read_grid([["Customer", "Amount"], ["PT A", 1.0], ["PT B"]])
    assert grid.body.values.tolist() == [["PT A", 1.0], ["PT B", None]]
    assert read_grid(pd.DataFrame({"Customer": ["A"]})).body.index.tolist() == [2]


def test_letter_templates_saved_as_ansi_or_unicode_text_are_read(tmp_path):
    from xl_ar.core.collections.letters import load_templates

    (tmp_path / "en.txt").write_bytes("[early]\r\nDear {customer}, café\r\n".encode("cp1252"))
    (tmp_path / "id.txt").write_bytes("[early]\r\nYth. {customer}, kafé\r\n".encode("utf-16"))
    got = load_templates(tmp_path)
    assert got[("en", "early")] == "Dear {customer}, café"
    assert got[("id", "early")] == "Yth. {customer}, kafé"
