"""A corpus of hostile input files, generated (nothing binary is committed).

:func:`make_corpus` writes every kind of broken, odd or misnamed file a user may hand the
command line into a folder and returns ``{kind: path}``. The *readable* kinds hold the same
ledger as ``utf8`` (:data:`READABLE`), so their aging must match it to the cent.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import xlsxwriter

#: The ledger of every readable kind (header, then rows); amounts in plain text.
HEADER = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid"]
ROWS = [
    ["Café Ünal", "F-1", "2024-01-05", "2024-02-04", "1500.50", "0"],
    ["PT Maju €", "F-2", "2024-03-01", "2024-03-31", "250", "50"],
    ["CV Baru", "F-3", "2024-05-20", "2024-06-19", "980.25", ""],
]
AS_OF = "2024-06-30"
#: Open amount of the ledger above: 1500.50 + 200 + 980.25.
TOTAL = 2680.75

#: Kinds whose content is the ledger above (read right, they age to :data:`TOTAL`).
READABLE = (
    "utf8", "utf8_bom", "cp1252", "latin1", "utf16le_bom_tab", "utf16be_bom_tab",
    "utf16le_tab", "utf16be_tab", "semicolon", "tab_tsv", "crlf", "title_lines_40",
    "xlsx_as_csv", "xlsx", "ragged_short", "quoted_newline",
)  # fmt: skip


def _text(rows: list[list[str]], sep: str = ",", end: str = "\n") -> str:
    return end.join(sep.join(r) for r in rows) + end


def _ledger_rows() -> list[list[str]]:
    return [HEADER, *ROWS]


def _xlsx_bytes(rows: list[list[object]] | None, *, stray: str | None = None) -> bytes:
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    ws = wb.add_worksheet("Ledger")
    for r, row in enumerate(rows or []):
        for c, value in enumerate(row):
            if r and c in (4, 5) and value not in ("", None):
                ws.write_number(r, c, float(value))
            else:
                ws.write_string(r, c, str(value))
    if stray:
        ws.write(stray, "x")
    wb.close()
    return buffer.getvalue()


def _sheetless_xlsx() -> bytes:
    """A zip that is an .xlsx package whose workbook lists no sheet."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application'
            '/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            f'{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}">'
            "<sheets/></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"></Relationships>'
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return buffer.getvalue()


def make_corpus(folder: Path) -> dict[str, Path]:
    """Write the corpus into ``folder``; ``{kind: path}`` (some kinds are folders/missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = _ledger_rows()
    plain = _text(rows)
    tab = _text(rows, "\t", "\r\n")
    files: dict[str, bytes] = {
        "utf8.csv": plain.encode("utf-8"),
        "utf8_bom.csv": plain.encode("utf-8-sig"),
        "cp1252.csv": plain.encode("cp1252"),
        "latin1.csv": plain.replace("€", "").encode("latin-1"),
        "utf16le_bom_tab.txt": tab.encode("utf-16"),  # Excel's "Unicode Text"
        "utf16be_bom_tab.txt": b"\xfe\xff" + tab.encode("utf-16-be"),
        "utf16le_tab.txt": tab.encode("utf-16-le"),
        "utf16be_tab.txt": tab.encode("utf-16-be"),
        "semicolon.csv": _text(rows, ";").encode("utf-8"),
        "tab_tsv.tsv": _text(rows, "\t").encode("utf-8"),
        "crlf.csv": _text(rows, ",", "\r\n").encode("utf-8"),
        "title_lines_40.csv": ("".join(f"Report line {i}\n" for i in range(40)) + plain).encode(
            "utf-8"
        ),
        "title_lines_300.csv": ("".join(f"Report line {i}\n" for i in range(300)) + plain).encode(
            "utf-8"
        ),
        "xlsx_as_csv.csv": _xlsx_bytes(rows),
        "xlsx.xlsx": _xlsx_bytes(rows),
        "ragged_short.csv": _text([HEADER, ROWS[0], ROWS[1], ROWS[2][:5]]).encode("utf-8"),
        "quoted_newline.csv": plain.replace("CV Baru", '"CV\nBaru"').encode("utf-8"),
        "ragged_long.csv": (plain + "PT Lain,F-9,2024-05-01,2024-05-31,10,0,extra,more\n").encode(),
        "unbalanced_quote.csv": plain.replace("CV Baru", '"CV Baru').encode("utf-8"),
        "text_after_quote.csv": plain.replace("CV Baru", '"CV" Baru').encode("utf-8"),
        "decimal_comma.csv": plain.replace("1500.50", "1500,50").encode("utf-8"),
        "empty.csv": b"",
        "blank_lines.csv": b"\r\n\n  \n",
        "header_only.csv": _text([HEADER]).encode("utf-8"),
        "binary.csv": random.Random(12).randbytes(4096),
        "binary_nul.csv": b"\x00" * 100 + b"Customer,Amount\n",
        "garbage.xlsx": random.Random(13).randbytes(4096),
        "text_as_xlsx.xlsx": plain.encode("utf-8"),
        "truncated.xlsx": _xlsx_bytes(rows)[:1500],
        "sheetless.xlsx": _sheetless_xlsx(),
        "sheetless_as_csv.csv": _sheetless_xlsx(),
        "empty_sheet.xlsx": _xlsx_bytes(None),
        "stray_cell.xlsx": _xlsx_bytes(rows, stray="ALM200001"),
        "huge_cells.csv": _text(
            [["A" * 32767, "B" * 32767, "C" * 32767], *[["(" * 32767, "x", "y"]] * 3]
        ).encode(),
        "huge_header.csv": _text(
            [[*HEADER, "Z" * 32767], *[[*r, "Q" * 32767] for r in ROWS]]
        ).encode("utf-8"),
        "not_a_table.json": b'{"a": 1}',
    }
    out: dict[str, Path] = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        out[name.rsplit(".", 1)[0]] = path
    (folder / "a_folder.csv").mkdir(exist_ok=True)
    out["folder"] = folder / "a_folder.csv"
    out["missing"] = folder / "does_not_exist.csv"
    return out
