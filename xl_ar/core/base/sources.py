"""Read what users have (a range's row lists, a DataFrame, a CSV or Excel file) into a raw grid.

A *raw grid* is the header row plus the body as an ``object`` DataFrame whose index is the row
number as the user sees it (the spreadsheet row, or the CSV line). Nothing is converted yet:
that is :mod:`xl_ar.core.ledger.ledger`'s job.

Files are read by :func:`read_table_file`, the one reader of every table file (ledgers,
payments, statements, and the strategy, promises, contact and customer tables of the command
line). It never guesses silently and never fails with a traceback:

* text files: the encoding is detected (a byte-order mark, UTF-16 without one from its NUL
  bytes, strict UTF-8, else Windows-1252 — stated in :attr:`RawGrid.notes`); the separator
  (``,`` ``;`` tab ``|``) is chosen by how the first lines split; short rows are padded; an
  unbalanced quote, a row with more cells than the header (a decimal comma in an unquoted
  number) and binary data are refused in one line naming the line;
* workbooks: a workbook saved under a ``.csv`` name is read as the workbook it is (and said
  so); a workbook with no sheet or an empty sheet is refused in one line; reader errors are
  caught; a sheet whose cells spread far beyond the table (one stray cell at ``ALM200001``)
  is read cell by cell, so memory follows the cells, not the rectangle they span; an .xls,
  .xlsb or .ods sheet (read as one block from A1) that spans more than :data:`DENSE_CELLS`
  is refused before it is loaded, from the extent the file states.
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import os
import posixpath
import re
import stat
import struct
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pandas as pd

from xl_ar.core.base.cells import cell_text, cut_text
from xl_ar.core.base.columns import header_score
from xl_ar.errors import XlArError

__all__ = [
    "DENSE_CELLS",
    "EXCEL_SUFFIXES",
    "HEADER_SEARCH_ROWS",
    "PIPE_LIMIT",
    "TEXT_SUFFIXES",
    "FileTable",
    "RawGrid",
    "check_input_file",
    "check_row_widths",
    "decode_text",
    "read_grid",
    "read_table_file",
    "title_lines",
]

#: How many leading rows are searched for the header row (title rows may sit above it).
HEADER_SEARCH_ROWS = 200

#: A sheet whose cells span a larger rectangle (rows x columns) than this is read cell by
#: cell instead of as one dense block (which would cost memory for every empty cell).
DENSE_CELLS = 2_000_000
#: A larger .xlsx sheet is still read as one block when its cells fill at least
#: :data:`FILLED_SHARE` of its box and the box holds at most :data:`BLOCK_CELLS` (a real
#: ledger of a million rows, not a stray far cell).
FILLED_SHARE = 0.5
BLOCK_CELLS = 25_000_000

#: The most read from a pipe (``<(cat ledger.csv)``, ``cat ledger.csv | xl-ar ... /dev/stdin``).
PIPE_LIMIT = 512 * 1024 * 1024

TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")

_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (",", ";", "\t", "|")
_SNIFF_CHARS = 65536


@dataclass(frozen=True)
class RawGrid:
    """Header row and untouched body cells of a table.

    Attributes
    ----------
    headers : list
        Header cells as found; empty header cells become ``"column N"``.
    body : pandas.DataFrame
        ``object`` columns by position (0..n-1); index = user row numbers, named ``row``.
    notes : tuple of str
        How the file was read where a reader had to decide (``"ledger.csv: read as
        Windows-1252 (not UTF-8)"``); empty for ranges, DataFrames and plain files.
    title : tuple of str
        The non-blank rows above the header row (an export's title block: company, report
        name, ``Per 31/12/2024`` ...), each as its cells' texts joined by ``", "``.
    """

    headers: list[object]
    body: pd.DataFrame
    notes: tuple[str, ...] = ()
    title: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileTable:
    """The rows of one table file as read (see :func:`read_table_file`).

    Attributes
    ----------
    frame : pandas.DataFrame
        ``object`` cells by position (columns 0..n-1, index 0..rows-1): text files hold
        ``str`` (``""`` for an empty cell), workbooks typed values; cells a short row lacks
        are ``None``/NaN.
    numbers : numpy.ndarray
        Row number of each row as the user sees it (CSV record / spreadsheet row).
    widths : numpy.ndarray or None
        Text files that are not rectangular: the number of cells of each row as written.
    notes : tuple of str
        Decisions the reader made (encoding fallback, a workbook under a .csv name ...).
    text : bool
        Whether the rows came from a text (CSV) file.
    name : str
        The file's name, for messages.
    line_of : callable or None
        Text files: ``line_of(i)`` is the line where row ``i`` starts (for messages).
    """

    frame: pd.DataFrame
    numbers: np.ndarray
    widths: np.ndarray | None = None
    notes: tuple[str, ...] = ()
    text: bool = False
    name: str = ""
    line_of: Callable[[int], int] | None = field(default=None, compare=False)
    delimiter: str = ","

    def rows(self, stop: int | None = None) -> list[list[object]]:
        """The first ``stop`` rows (all by default) as lists of cells."""
        return self.frame.iloc[:stop].to_numpy().tolist()


def read_grid(source: object, *, sheet: str | int | None = None, first_row: int = 1) -> RawGrid:
    """Read a table from row lists, a DataFrame, or a ``.csv``/``.xlsx``/``.xlsm``/``.xls`` path.

    Parameters
    ----------
    source : list of lists, pandas.DataFrame, str or pathlib.Path
        Row lists include the header row (as Excel hands a range over).
    sheet : str or int, optional
        Worksheet of an Excel file; by default the first sheet with a ledger-like header.
    first_row : int, default 1
        Spreadsheet row number of the first row of ``source`` when it is row lists, so that
        problems name rows as the user sees them.

    Examples
    --------
    >>> g = read_grid([["Customer", "Amount"], ["PT A", 100.0]], first_row=4)
    >>> g.headers, list(g.body.index)
    (['Customer', 'Amount'], [5])
    """
    if isinstance(source, pd.DataFrame):
        return _from_frame(source)
    if isinstance(source, (str, Path)):
        return _from_file(Path(source), sheet)
    if isinstance(source, Sequence) or isinstance(source, np.ndarray):
        return _from_rows(list(source), first_row)
    raise XlArError(
        f"cannot read a ledger from {type(source).__name__}: give a range, a table or a file path"
    )


def _from_frame(frame: pd.DataFrame) -> RawGrid:
    body = frame.copy()
    headers = list(body.columns)
    body.columns = range(body.shape[1])
    if body.index.name != "row":
        body.index = pd.RangeIndex(2, 2 + len(body), name="row")
    return RawGrid(_name_empty_headers(headers), body)


def _from_rows(rows: list, first_row: int) -> RawGrid:
    if not rows:
        raise XlArError("the range is empty: it needs a header row and at least one row of data")
    rows = [r if isinstance(r, (list, tuple)) else [r] for r in rows]
    at = _find_header(rows)
    body = pd.DataFrame(_rectangle(rows[at + 1 :]), dtype=object)
    grid = _assemble(list(rows[at]), body, first_row + at + 1)
    return replace(grid, title=title_lines(rows[:at])) if at else grid


def title_lines(rows: Sequence[Sequence[object]]) -> tuple[str, ...]:
    """The texts of the non-blank rows above a header: each row's cells joined by ``", "``.

    Examples
    --------
    >>> title_lines([["PT Maju", None], [], ["As of December 31", " 2024"]])
    ('PT Maju', 'As of December 31, 2024')
    """
    out = []
    for row in rows:
        cells = [cell_text(c) for c in row if not _blank_cell(c)]
        if cells:
            out.append(", ".join(c.strip() for c in cells if c))
    return tuple(out)


def _rectangle(rows: list) -> list:
    """Rows padded with None to the longest (pandas will not pad ragged rows for us)."""
    widths = set(map(len, rows))  # one pass; most ranges are rectangular already
    if len(widths) <= 1:
        return rows
    width = max(widths)
    return [list(r) + [None] * (width - len(r)) for r in rows]


def _from_file(path: Path, sheet: str | int | None) -> RawGrid:
    table = read_table_file(path, sheet=sheet, choose=_ledger_sheet)
    head = table.rows(HEADER_SEARCH_ROWS)
    at = _find_header(head)
    if table.text and header_score(head[at]) >= 2:
        check_row_widths(table, at)
    headers = _name_empty_headers(head[at] if head else [])
    body = table.frame.iloc[at + 1 :]
    body = body.set_axis(pd.Index(table.numbers[at + 1 :], name="row"), axis=0)
    return RawGrid(headers, body, table.notes, title_lines(head[:at]))


def _ledger_sheet(rows: list[list]) -> bool:
    return max((header_score(r) for r in rows[:HEADER_SEARCH_ROWS]), default=0) >= 3


# --------------------------------------------------------------------------- files


def read_table_file(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    choose: Callable[[list[list]], bool] | None = None,
) -> FileTable:
    """Read a table file (text or workbook) into row lists, refusing what cannot be read.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.csv``/``.txt``/``.tsv`` text file or an ``.xlsx``/``.xlsm``/``.xls``/``.xlsb``/
        ``.ods`` workbook. The content decides, not the name: a workbook renamed ``.csv`` is
        read as a workbook (and a note says so).
    sheet : str or int, optional
        Worksheet of a workbook (name or 0-based position).
    choose : callable, optional
        Without ``sheet``: the first sheet whose rows make ``choose(rows)`` true is read (the
        first non-empty sheet if none does). Default: the first sheet.

    Raises
    ------
    XlArError
        One line: no such file, a folder, an empty file, binary data, an unbalanced quote
        (with its line), an unreadable or password-protected workbook, no sheets, an empty
        sheet.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_bytes("Pelanggan;Jumlah\\nCafé Ünal;1,5\\n".encode("cp1252"))
    >>> got = read_table_file(p)
    >>> got.rows(), got.notes
    ([['Pelanggan', 'Jumlah'], ['Café Ünal', '1,5']], ('t.csv: read as Windows-1252 (not UTF-8)',))
    """
    path = Path(path)
    name = path.name or str(path)
    if check_input_file(path) == "pipe":
        data = _read_pipe(path)
        if data.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC, _OLE_MAGIC)):
            raise XlArError(f"cannot read a workbook from the pipe {path}: save it as a file first")
        return _read_text(path, [], data=data, name=str(path))
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except PermissionError:
        raise XlArError(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        raise XlArError(
            f"cannot read {path}: {exc.strerror or 'the file cannot be opened'}"
        ) from None
    suffix = path.suffix.lower()
    notes: list[str] = []
    if head.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC, _OLE_MAGIC)):
        if suffix not in EXCEL_SUFFIXES:
            notes.append(f"{name}: read as an Excel workbook (the file is one, despite its name)")
        return _read_workbook(path, sheet, choose, notes, ooxml=head.startswith(_ZIP_MAGIC))
    if suffix in EXCEL_SUFFIXES or suffix in TEXT_SUFFIXES or not suffix:
        if suffix in EXCEL_SUFFIXES:
            notes.append(f"{name}: read as text (CSV): the file is not an Excel workbook")
        return _read_text(path, notes)
    raise XlArError(f"cannot read {name}: use a .csv, .xlsx or .xlsm file")


def check_input_file(path: str | Path) -> str:
    """Refuse an input that is missing, a folder, a link loop, a device or a named pipe.

    Returns ``"file"`` for a regular file and ``"pipe"`` for an anonymous pipe (process
    substitution ``<(cat ledger.csv)``, or ``/dev/stdin`` fed by ``|``), which is read once.
    A named pipe (``mkfifo``) would wait for a writer forever and a device such as
    ``/dev/zero`` never ends: both are refused before anything is read.

    Examples
    --------
    >>> check_input_file("/dev/null")
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: /dev/null is not a regular file (a pipe or a device): save it as a file first
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise XlArError(f"file not found: {path} (no such file)") from None
    except PermissionError:
        raise XlArError(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise XlArError(
                f"cannot read {path}: too many levels of symbolic links (a link that leads "
                "back to itself)"
            ) from None
        raise XlArError(f"cannot read {path}: {exc.strerror or 'cannot be opened'}") from None
    if stat.S_ISDIR(info.st_mode):
        raise XlArError(f"cannot read {path}: it is a folder, not a file")
    if stat.S_ISREG(info.st_mode):
        return "file"
    if stat.S_ISFIFO(info.st_mode) and "pipe:[" in os.path.realpath(path):
        return "pipe"
    raise XlArError(f"{path} is not a regular file (a pipe or a device): save it as a file first")


def _read_pipe(path: Path) -> bytes:
    """The whole content of an anonymous pipe, read once, at most :data:`PIPE_LIMIT` bytes."""
    chunks: list[bytes] = []
    size = 0
    try:
        with path.open("rb", buffering=0) as fh:
            while chunk := fh.read(1 << 20):
                chunks.append(chunk)
                size += len(chunk)
                if size > PIPE_LIMIT:
                    raise XlArError(
                        f"{path}: more than {PIPE_LIMIT >> 20} MB arrived through the pipe; "
                        "save it as a file first"
                    )
    except OSError as exc:
        raise XlArError(f"cannot read {path}: {exc.strerror or 'read failed'}") from None
    return b"".join(chunks)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise XlArError(f"cannot read {path}: permission denied") from None
    except MemoryError:
        raise XlArError(f"cannot read {path}: the file is too large") from None
    except OSError as exc:
        raise XlArError(f"cannot read {path}: {exc.strerror or 'read failed'}") from None


# -- text ------------------------------------------------------------------------------------


def _cp1252_or_latin1(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: bytes cp1252 leaves undefined (0x81, 0x8D ...) read as Latin-1."""
    if not isinstance(error, UnicodeDecodeError):  # pragma: no cover - decoding only
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("xl_ar_latin1", _cp1252_or_latin1)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", None),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def decode_text(data: bytes, name: str = "the file") -> tuple[str, list[str]]:
    """Decode the bytes of a text file; the notes say which encoding when it is not UTF-8.

    A byte-order mark decides; else UTF-16 without one is recognised by its NUL bytes; else
    strict UTF-8; else Windows-1252 (what Excel on Windows writes as "CSV"), with Latin-1 for
    the few bytes Windows-1252 leaves undefined — so every byte reads as some character.

    Examples
    --------
    >>> decode_text("Café".encode("utf-8"))
    ('Café', [])
    >>> decode_text("Café".encode("cp1252"), "a.csv")
    ('Café', ['a.csv: read as Windows-1252 (not UTF-8)'])
    >>> decode_text("Café\\tx".encode("utf-16-le"), "u.txt")
    ('Café\\tx', ['u.txt: read as UTF-16 (little-endian, no byte-order mark)'])
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), [f"{name}: read as {label}"] if label else []
            except UnicodeDecodeError:
                body = data[len(bom) :] if codec == "utf-8-sig" else data
                if codec != "utf-8-sig":
                    text = data.decode(codec, errors="replace")
                    return text, [f"{name}: read as {label}; some characters were unreadable"]
                return _cp1252(body, name)
    utf16 = _utf16_without_bom(data[:4096])
    if utf16:
        text = data.decode(f"utf-16-{utf16}", errors="replace")
        endian = {"le": "little-endian", "be": "big-endian"}[utf16]
        return text, [f"{name}: read as UTF-16 ({endian}, no byte-order mark)"]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        return _cp1252(data, name)


def _cp1252(data: bytes, name: str) -> tuple[str, list[str]]:
    return data.decode("cp1252", errors="xl_ar_latin1"), [
        f"{name}: read as Windows-1252 (not UTF-8)"
    ]


def _utf16_without_bom(sample: bytes) -> str | None:
    """'le'/'be' when NUL bytes sit at odd/even positions as in UTF-16 text; else None."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "be"
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _read_text(
    path: Path, notes: list[str], *, data: bytes | None = None, name: str | None = None
) -> FileTable:
    name = name or path.name
    data = _read_bytes(path) if data is None else data
    if not data.strip():
        raise XlArError(f"{name} is empty: it needs a header row and rows of data")
    text, decoded = decode_text(data, name)
    sample = text[:_SNIFF_CHARS]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        raise XlArError(f"cannot read {name}: it is not a text (CSV) file or workbook")
    if not text.strip("\ufeff \t\r\n"):
        raise XlArError(f"{name} is empty: it needs a header row and rows of data")
    notes.extend(decoded)
    delimiter = _pick_delimiter(sample)
    frame, widths = _parse_csv(text, delimiter, name)
    end = len(frame)
    while end and _blank_row(frame.iloc[end - 1]):  # trailing blank lines
        end -= 1
    if not end:
        raise XlArError(f"{name} is empty: it needs a header row and rows of data")
    frame = frame.iloc[:end]
    widths = None if widths is None else widths[:end]

    def line_of(i: int) -> int:
        return _record_lines(text, delimiter)[i]

    numbers = np.arange(1, end + 1)
    return FileTable(frame, numbers, widths, tuple(notes), True, name, line_of, delimiter)


def _blank_row(cells: pd.Series) -> bool:
    return all(_blank_cell(c) for c in cells)


def _pick_delimiter(sample: str) -> str:
    """The separator whose split of the first lines looks most like a table.

    Criteria in order: the best ledger-header score of a row (two or more known headers),
    then how many rows share the most common width (above one cell), then that width.
    """
    cut = sample.rfind("\n")
    sample = sample[: cut + 1] if 0 < cut < len(sample) - 1 else sample
    best, best_key = ",", (-1, -1, -1)
    for delimiter in _DELIMITERS:
        if delimiter not in sample:
            continue
        try:
            rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
        except csv.Error:
            continue
        rows = [r for r in rows[:HEADER_SEARCH_ROWS] if any(c.strip() for c in r)]
        if not rows:
            continue
        score = max(header_score(r) for r in rows)
        width, count = Counter(len(r) for r in rows).most_common(1)[0]
        key = (score if score >= 2 else 0, count if width > 1 else 0, width)
        if key > best_key:
            best, best_key = delimiter, key
    return best


def _parse_csv(text: str, delimiter: str, name: str) -> tuple[pd.DataFrame, np.ndarray | None]:
    """Cells of a CSV text; the widths of the rows as written when they differ.

    A rectangular file is read by pandas' C parser; anything else (title lines, ragged
    rows, quote trouble) by the ``csv`` module, which names the line of a broken quote.
    """
    try:
        frame = pd.read_csv(
            io.BytesIO(text.encode("utf-8")), sep=delimiter, header=None, dtype=object,
            na_filter=False, skip_blank_lines=False, engine="c", encoding="utf-8",
        )  # fmt: skip
        return frame.set_axis(range(frame.shape[1]), axis=1), None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, OverflowError):
        pass
    rows = _csv_rows(text, delimiter, name)
    widths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    return pd.DataFrame(_rectangle(rows), dtype=object), widths


def _csv_rows(text: str, delimiter: str, name: str) -> list[list[str]]:
    """Rows by the ``csv`` module: strict first (to find an unclosed quote), then tolerant."""
    for strict in (True, False):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
        rows: list[list[str]] = []
        start = 1
        try:
            for row in reader:
                rows.append(row)
                start = reader.line_num + 1
            return rows
        except csv.Error as exc:
            message = str(exc)
            if "end of data" in message:
                raise XlArError(
                    f'{name} line {start}: a quote (") opens a cell that is never closed; '
                    "close it or remove the stray quote"
                ) from None
            if "field larger" in message:
                raise XlArError(
                    f"{name} line {start}: a cell longer than {csv.field_size_limit():,} characters"
                ) from None
            if not strict or "new-line" in message:
                raise XlArError(
                    f"{name} line {max(reader.line_num, start)}: cannot be read as CSV "
                    "(a line break inside an unquoted cell?)"
                ) from None
            # text after a closing quote ("a"b): read it as pandas and Excel do
    raise AssertionError("unreachable")  # pragma: no cover


def _record_lines(text: str, delimiter: str) -> list[int]:
    """The line on which each CSV record starts (records may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    starts: list[int] = []
    start = 1
    try:
        for _ in reader:
            starts.append(start)
            start = reader.line_num + 1
    except csv.Error:  # pragma: no cover - the file was read before
        pass
    return starts


def check_row_widths(table: FileTable, at: int) -> None:
    """Refuse a text file's rows below the header (row ``at``) that have more cells than it.

    Such a row split a cell — typically a decimal comma in an unquoted number with ``,`` as
    separator — so reading it on would shift or lose a value. Extra empty cells are fine.

    Examples
    --------
    >>> rows = [["Customer", "Amount", None], ["PT A", "1234", "50"]]
    >>> t = FileTable(pd.DataFrame(rows), np.array([1, 2]), np.array([2, 3]), text=True,
    ...               name="l.csv", line_of=lambda i: i + 1)
    >>> check_row_widths(t, 0)
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: l.csv line 2 has 3 cells but the header row has 2: a comma inside \
an unquoted cell (a decimal comma?); quote such cells or save the file with ; as separator
    """
    if table.widths is None:
        return
    width = int(table.widths[at])
    longer = np.flatnonzero(table.widths[at + 1 :] > width) + at + 1
    if not longer.size:
        return
    extra = table.frame.iloc[longer, width:].to_numpy()
    filled = np.array([[not _blank_cell(c) for c in row] for row in extra], dtype=bool)
    bad = longer[filled.any(axis=1)]
    if not bad.size:
        return
    first = int(bad[0])
    more = f" ({bad.size - 1} more like it)" if bad.size > 1 else ""
    line = table.line_of(first) if table.line_of else first + 1
    why = (
        "a ; inside an unquoted cell (two e-mail addresses?); quote such cells "
        '("a@x.id; b@x.id") or write , between the addresses'
        if table.delimiter == ";"
        else "a comma inside an unquoted cell (a decimal comma?); quote such cells or save "
        "the file with ; as separator"
    )
    raise XlArError(
        f"{table.name} line {line} has {int(table.widths[first])} cells but the header row "
        f"has {width}{more}: {why}"
    )


def _blank_cell(c: object) -> bool:
    return c is None or (isinstance(c, float) and c != c) or not str(c).strip()


# -- workbooks -------------------------------------------------------------------------------


def _read_workbook(  # noqa: C901
    path: Path,
    sheet: str | int | None,
    choose: Callable | None,
    notes: list[str],
    *,
    ooxml: bool,
) -> FileTable:
    from python_calamine import CalamineWorkbook

    name = path.name
    declared, eager = _declared_extents(path)
    if eager:  # calamine builds every sheet of an .xls or .ods as it opens the file
        for sheet_name, (rows, cols) in declared.items():
            if rows * cols > DENSE_CELLS:
                raise XlArError(_spread_message(path, sheet_name, rows, cols))
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
    except BaseException as exc:  # calamine raises its own error types, even Rust panics
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise XlArError(_workbook_error(name, exc)) from None
    if not names:
        raise XlArError(f"{name} has no worksheets")
    extents = _zip_extents(path) if ooxml else None
    if sheet is not None:
        if isinstance(sheet, int) and not isinstance(sheet, bool):
            if not 0 <= sheet < len(names):
                raise XlArError(f"{name} has no sheet number {sheet}")
            wanted = names[sheet]
        elif str(sheet) in names:
            wanted = str(sheet)
        else:
            listed = ", ".join(cut_text(n, 31) for n in names[:10])
            raise XlArError(f"{name} has no sheet {cut_text(str(sheet), 31)!r}; sheets: {listed}")
        got = _sheet_rows(book, path, wanted, extents, notes, declared)
        if not got[0]:
            raise XlArError(f"{name}: sheet {wanted!r} is empty")
        return _table(got, notes, name)
    first = None
    for at, sheet_name in enumerate(names if choose is not None else names[:1]):
        got = _sheet_rows(book, path, sheet_name, extents, notes, declared)
        if not got[0]:
            continue
        first = got if first is None else first
        if choose is None or choose(got[0]):
            if choose is not None and len(names) > 1:
                also = _also_chosen(book, names[at + 1 :], choose, extents, declared)
                if also:
                    listed = ", ".join(repr(cut_text(n, 31)) for n in also[:3])
                    more = f" and {len(also) - 3} more" if len(also) > 3 else ""
                    notes.append(
                        f"{name}: read sheet {cut_text(sheet_name, 31)!r} (also ledger-like: "
                        f"{listed}{more}; choose with --sheet)"
                    )
            return _table(got, notes, name)
    if first is None:
        if len(names) == 1:
            raise XlArError(f"{name}: sheet {names[0]!r} is empty")
        raise XlArError(f"{name}: every sheet is empty")
    return _table(first, notes, name)


def _also_chosen(
    book,
    names: list[str],
    choose: Callable[[list[list]], bool],
    extents: dict | None,
    declared: dict[str, tuple[int, int]],
) -> list[str]:
    """The sheets among ``names`` that ``choose`` would take too (their first rows only).

    A sheet whose extent is unknown or too large to load as a block is skipped (the note is
    a courtesy, not worth reading a huge sheet cell by cell).
    """
    out = []
    for sheet_name in names:
        extent = (extents if extents is not None else declared).get(sheet_name)
        if extent is None or extent[0] * extent[1] > DENSE_CELLS:  # a courtesy: small sheets only
            continue
        try:
            rows = book.get_sheet_by_name(sheet_name).to_python(
                skip_empty_area=False, nrows=HEADER_SEARCH_ROWS
            )
        except BaseException as exc:
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            continue
        if rows and choose(rows):
            out.append(sheet_name)
    return out


def _table(got: tuple[list[list], list[int]], notes: list[str], name: str) -> FileTable:
    rows, numbers = got
    frame = pd.DataFrame(_rectangle(rows), dtype=object)
    return FileTable(frame, np.asarray(numbers, dtype=np.int64), None, tuple(notes), False, name)


def _workbook_error(name: str, exc: BaseException) -> str:
    kind = type(exc).__name__
    if kind == "PasswordError" or "password" in str(exc).lower():
        return f"cannot open {name}: it is password-protected; save a copy without a password"
    return (
        f"cannot open {name}: not a readable Excel workbook (damaged, encrypted, or another "
        "format saved under an Excel name)"
    )


def _sheet_rows(
    book,
    path: Path,
    sheet: str,
    extents: dict | None,
    notes: list[str],
    declared: dict[str, tuple[int, int]] | None = None,
) -> tuple[list[list], list[int]]:
    """Rows of a sheet from A1, and their row numbers (only non-empty rows when sparse).

    ``extents`` is None for workbooks that are not Office Open XML (.xls, .xlsb, .ods):
    calamine reads those as one dense block, so a sheet whose ``declared`` extent (see
    :func:`_declared_extents`) is too large is refused before it is loaded, and every sheet
    is checked again after loading.
    """
    known = (declared or {}).get(sheet)
    if extents is None and known is not None and known[0] * known[1] > DENSE_CELLS:
        raise XlArError(_spread_message(path, sheet, *known))
    extent = extents.get(sheet) if extents is not None else "unchecked"
    if extent is None or _is_spread(extent):
        if extent is not None:
            notes.append(
                f"{path.name}: sheet {cut_text(sheet, 31)!r} has a cell as far out as "
                f"{_cell_name(*extent)} (a stray cell beyond the table?); read cell by cell"
            )
        return _sparse_rows(path, sheet)
    try:
        data = book.get_sheet_by_name(sheet)
        filled = isinstance(extent, FilledBox)
        if data.height * data.width > DENSE_CELLS and not filled:  # no declared extent covered
            raise XlArError(_spread_message(path, sheet, data.height, data.width))
        rows = data.to_python(skip_empty_area=False)
    except XlArError:
        raise
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise XlArError(_workbook_error(path.name, exc)) from None
    while rows and all(c is None or c == "" for c in rows[-1]):
        rows.pop()
    return rows, list(range(1, len(rows) + 1))


def _spread_message(path: Path, sheet: str, rows: int, cols: int) -> str:
    return (
        f"{path.name}: sheet {cut_text(sheet, 31)!r} has cells spread over {rows:,} rows x "
        f"{cols:,} columns; copy the table to a new sheet"
    )


def _sparse_rows(path: Path, sheet: str) -> tuple[list[list], list[int]]:
    """Read a sheet row by row with openpyxl's streaming reader, keeping non-empty rows."""
    import openpyxl

    rows: list[list] = []
    numbers: list[int] = []
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            ws = book[sheet]
            ws.reset_dimensions()  # the rows' own widths, not the declared rectangle
            for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
                if row and any(c is not None and c != "" for c in row):
                    rows.append(list(row))
                    numbers.append(number)
        finally:
            book.close()
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise XlArError(_workbook_error(path.name, exc)) from None
    return rows, numbers


_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\s[^>]*?\bref=\"([^\"]{1,40})\"")
_RANGE_END = re.compile(r"(?:[A-Za-z$]*\d*:)?\$?([A-Za-z]{1,3})\$?(\d{1,7})")
# a cell tag whose first attribute is not its position, or one with a namespace prefix
_ODD_CELL = re.compile(rb'<c(?:>|/>|\s(?!r="))')
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_CELL_REF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br=\"\$?([A-Za-z]{1,3})\$?(\d{1,9})\"")
_CHUNK = 1 << 20


def _zip_extents(path: Path) -> dict[str, tuple[int, int] | None] | None:
    """For each sheet of an .xlsx/.xlsm: the last row and column holding a cell, or None.

    Sheets are scanned as streams (no cell is built), so a stray cell at ``ALM200001`` is
    seen before a reader makes a dense block of the rectangle. ``None`` for a sheet means
    its extent is unknown (cells without positions, an unusual package): such sheets are
    read cell by cell. The result is None for a zip that is no .xlsx/.xlsm package (an
    .xlsb or .ods workbook: calamine reads those).
    """
    try:
        with zipfile.ZipFile(path) as zf:
            if "xl/workbook.xml" not in zf.namelist():
                return None
            book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target", "") for r in rels}
            members = set(zf.namelist())
            out: dict[str, tuple[int, int] | None] = {}
            for el in book.iter():
                if not el.tag.endswith("}sheet"):
                    continue
                target = targets.get(el.get(_NS_REL), "")
                member = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join("xl", target))
                )
                name = el.get("name", "")
                out[name] = _sheet_extent(zf, member) if member in members else None
            return out
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError):
        return {}  # extents unknown: every sheet is read cell by cell


def _chunks(zf: zipfile.ZipFile, member: str):
    """The member's bytes in pieces that end before a ``<`` (no tag is cut in two)."""
    tail = b""
    with zf.open(member) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            data = tail + chunk
            if not chunk:
                if data:
                    yield data
                return
            cut = data.rfind(b"<")
            data, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
            yield data


def _sheet_extent(zf: zipfile.ZipFile, member: str) -> tuple[int, int] | None:
    """Last row and column of a sheet's cells (see :func:`_zip_extents`).

    Fast path: the sheet's ``<dimension>`` gives a box; one pass of literal-prefixed
    searches proves that every cell lies inside it. A sheet without a dimension, or with a
    cell outside it, is scanned exactly.
    """
    with zf.open(member) as fh:
        head = fh.read(1 << 16)
    found = _DIMENSION.search(head)
    end = _RANGE_END.fullmatch(found.group(1).decode("ascii", "replace")) if found else None
    if end is None:
        return _exact_extent(zf, member)
    box = (int(end.group(2)), _column_number(end.group(1).encode()))
    if box[0] * box[1] > DENSE_CELLS:
        return _filled_box(zf, member, box)
    beyond = _beyond(*box)
    for data in _chunks(zf, member):
        if _ODD_CELL.search(data) or _PREFIXED_CELL.search(data) or beyond.search(data):
            return _exact_extent(zf, member)
    return box


class FilledBox(tuple):
    """A sheet's box (rows, columns) larger than :data:`DENSE_CELLS` that its cells fill:
    read as one block, not cell by cell."""


def _filled_box(zf: zipfile.ZipFile, member: str, box: tuple[int, int]) -> tuple[int, int]:
    """``box`` as a :class:`FilledBox` when the sheet's cells fill it (one pass counting cell
    tags), else as it is."""
    cells = box[0] * box[1]
    if cells > BLOCK_CELLS:
        return box
    tags = sum(len(_CELL_TAG.findall(data)) for data in _chunks(zf, member))
    return FilledBox(box) if tags >= FILLED_SHARE * cells else box


def _is_spread(extent: object) -> bool:
    """A sheet too spread out to load as one block (see :data:`DENSE_CELLS`)."""
    return (
        isinstance(extent, tuple)
        and not isinstance(extent, FilledBox)
        and extent[0] * extent[1] > DENSE_CELLS
    )


def _exact_extent(zf: zipfile.ZipFile, member: str) -> tuple[int, int] | None:
    last_row = last_col = tags = refs = 0
    for data in _chunks(zf, member):
        tags += len(_CELL_TAG.findall(data))
        found = _CELL_REF.findall(data)
        refs += len(found)
        if found:
            last_row = max(last_row, max(int(n) for _, n in found))
            last_col = max(last_col, max(_column_number(c) for c in {c for c, _ in found}))
    return (last_row, last_col) if tags == refs else None


def _beyond(rows: int, cols: int) -> re.Pattern[bytes]:
    """A pattern matching a cell position ``<c r="...`` outside the box rows x cols."""
    letters = _cell_name(1, cols)[:-1]
    col_alts = _greater(letters.upper(), "ABCDEFGHIJKLMNOPQRSTUVWXYZ", letters=True)
    if len(letters) < 3:
        col_alts.append(f"[A-Za-z]{{{len(letters) + 1},3}}")
    digits = str(rows)
    row_alts = [*_greater(digits, "0123456789"), f"[1-9][0-9]{{{len(digits)},}}"]
    cols_part = f"(?:{'|'.join(col_alts)})\\$?[0-9]" if col_alts else "(?!)"
    rows_part = f'[A-Za-z]{{1,3}}\\$?(?:{"|".join(row_alts)})"'
    return re.compile(f'<c r="\\$?(?:{cols_part}|{rows_part})'.encode())


def _greater(text: str, alphabet: str, *, letters: bool = False) -> list[str]:
    """Regex alternatives for strings as long as ``text`` that sort after it."""

    def cls(chars: str) -> str:
        span = f"{chars[0]}-{chars[-1]}" if len(chars) > 1 else chars
        return f"[{span}{span.lower()}]" if letters else f"[{span}]"

    alts = []
    for i, ch in enumerate(text):
        higher = alphabet[alphabet.index(ch) + 1 :]
        if higher:
            rest = len(text) - i - 1
            same = "".join(cls(c) for c in text[:i])
            alts.append(same + cls(higher) + (f"{cls(alphabet)}{{{rest}}}" if rest else ""))
    return alts


def _column_number(letters: bytes) -> int:
    """``b"ALM"`` → 1000 (at most three letters, as the patterns above allow)."""
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(letters.decode("ascii"))


def _cell_name(row: int, col: int) -> str:
    """``(200001, 1000)`` → ``"ALM200001"``."""
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(col)}{row}"


# ---------------------------------------------------- declared extents of .ods, .xlsb, .xls
_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_VALUE_TYPE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"
_XLSB_SHEET = 0x9C  # BrtBundleSh: a sheet of workbook.bin (its relationship id and name)
_XLSB_DIMENSION = 0x94  # BrtWsDim: the sheet's used range
_XLSB_SHEET_DATA = 0x91  # BrtBeginSheetData: the cells follow, no dimension any more
_XLS_SHEET, _XLS_DIMENSIONS, _XLS_EOF, _XLS_FILEPASS = 0x0085, 0x0200, 0x000A, 0x002F


def _declared_extents(path: Path) -> tuple[dict[str, tuple[int, int]], bool]:
    """Rows x columns (from A1) of the sheets of an .ods, .xlsb or .xls workbook; and whether
    calamine builds every sheet when it opens the file (.ods and .xls; .xlsb one by one).

    calamine builds a sheet of these formats as one dense block from A1 to its last cell, so
    the extent is read from the file before that block is made: for .ods by streaming
    ``content.xml`` (rows and cells repeated by ``number-rows-repeated`` /
    ``number-columns-repeated`` counted, only cells holding something); for .xlsb from each
    sheet's ``BrtWsDim`` record and for .xls from each sheet's ``DIMENSIONS`` record (the
    used range Excel writes). A sheet missing from the result is unknown (checked after
    loading).
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith(_OLE_MAGIC):
            return _xls_extents(path), True
        if head.startswith(_ZIP_MAGIC):
            with zipfile.ZipFile(path) as zf:
                members = set(zf.namelist())
                if "content.xml" in members:
                    return _ods_extents(zf), True
                if "xl/workbook.bin" in members:
                    return _xlsb_extents(zf, members), False
    except Exception:  # damaged, truncated, odd: unknown here; the reader says what is wrong
        pass
    return {}, False


def _ods_extents(zf: zipfile.ZipFile) -> dict[str, tuple[int, int]]:
    """Last row and column holding a cell value, per table of an .ods ``content.xml``.

    The XML is streamed; each row is dropped once counted, so memory follows one row.
    """
    out: dict[str, tuple[int, int]] = {}
    table, row_tag = f"{_ODS_TABLE}table", f"{_ODS_TABLE}table-row"
    cells = (f"{_ODS_TABLE}table-cell", f"{_ODS_TABLE}covered-table-cell")
    row, col, last_row, last_col = 0, 0, 0, 0
    with zf.open("content.xml") as fh:
        for _, el in ElementTree.iterparse(fh, events=("end",)):
            if el.tag in cells:
                span = int(el.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
                if el.get(_ODS_VALUE_TYPE) is not None or len(el):
                    last_col, last_row = max(last_col, col + span), -1  # -1: this row is filled
                col += span
            elif el.tag == row_tag:
                repeat = int(el.get(f"{_ODS_TABLE}number-rows-repeated", "1"))
                last_row = row + repeat if last_row == -1 else last_row
                row, col = row + repeat, 0
                el.clear()  # memory follows one row
            elif el.tag == table:
                out[el.get(f"{_ODS_TABLE}name", "")] = (last_row, last_col)
                row, last_row, last_col = 0, 0, 0
                el.clear()
    return out


def _records(data: bytes, start: int = 0):
    """(type, payload offset, size) of the BIFF12 records of an .xlsb part."""
    at, end = start, len(data)
    while at < end:
        kind = data[at] & 0x7F
        if data[at] & 0x80:
            kind |= (data[at + 1] & 0x7F) << 7
            at += 1
        at += 1
        size = shift = 0
        for _ in range(4):
            byte = data[at]
            at += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        yield kind, at, size
        at += size


def _wide_string(data: bytes, at: int) -> tuple[str, int]:
    count = struct.unpack_from("<I", data, at)[0]
    if count == 0xFFFFFFFF:
        return "", at + 4
    return data[at + 4 : at + 4 + 2 * count].decode("utf-16-le", "replace"), at + 4 + 2 * count


def _xlsb_extents(zf: zipfile.ZipFile, members: set[str]) -> dict[str, tuple[int, int]]:
    """Each sheet's used range (``BrtWsDim``) of an .xlsb workbook."""
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.bin.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    book = zf.read("xl/workbook.bin")
    out: dict[str, tuple[int, int]] = {}
    for kind, at, _size in _records(book):
        if kind != _XLSB_SHEET:
            continue
        rel, after = _wide_string(book, at + 8)  # after hsState and iTabID
        name, _ = _wide_string(book, after)
        target = targets.get(rel, "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        if member not in members:
            continue
        with zf.open(member) as fh:
            head = fh.read(1 << 12)
        for sheet_kind, start, size in _records(head):
            if sheet_kind == _XLSB_SHEET_DATA:
                break
            if sheet_kind == _XLSB_DIMENSION and size >= 16:
                _first_row, last_row, _first_col, last_col = struct.unpack_from("<4I", head, start)
                out[name] = (last_row + 1, last_col + 1)
                break
    return out


def _xls_extents(path: Path) -> dict[str, tuple[int, int]]:  # noqa: C901
    """Each worksheet's ``DIMENSIONS`` (rows and columns in use) of a BIFF5/BIFF8 .xls."""
    import olefile

    with olefile.OleFileIO(str(path)) as ole:
        stream = next((s for s in ("Workbook", "Book") if ole.exists(s)), None)
        if stream is None:
            return {}
        data = ole.openstream(stream).read()
    sheets: list[tuple[str, int]] = []
    biff8 = len(data) >= 6 and struct.unpack_from("<H", data, 4)[0] == 0x0600  # BOF version
    at = 0
    while at + 4 <= len(data):
        kind, size = struct.unpack_from("<HH", data, at)
        if kind == _XLS_FILEPASS:
            return {}  # encrypted: calamine refuses it anyway
        if kind == _XLS_SHEET:
            offset, count, flags = struct.unpack_from("<IxxBB", data, at + 4)
            if not biff8:  # BIFF5: 8-bit text, no flags byte
                name = data[at + 11 : at + 11 + count].decode("cp1252", "replace")
            elif flags & 1:
                name = data[at + 12 : at + 12 + 2 * count].decode("utf-16-le", "replace")
            else:
                name = data[at + 12 : at + 12 + count].decode("latin-1")
            sheets.append((name, offset))
        elif kind == _XLS_EOF:
            break
        at += 4 + size
    out: dict[str, tuple[int, int]] = {}
    for name, offset in sheets:
        at = offset
        while at + 4 <= len(data):
            kind, size = struct.unpack_from("<HH", data, at)
            if kind == _XLS_DIMENSIONS:
                if size >= 14:  # BIFF8: 32-bit rows
                    _r0, rows, _c0, cols = struct.unpack_from("<IIHH", data, at + 4)
                else:
                    _r0, rows, _c0, cols = struct.unpack_from("<HHHH", data, at + 4)
                out[name] = (rows, cols)
                break
            if kind == _XLS_EOF:
                break
            at += 4 + size
    return out


# --------------------------------------------------------------------------- header


def _find_header(rows: list) -> int:
    """Index of the row among the first ones that looks most like a ledger header."""
    scores = [header_score(r) for r in rows[:HEADER_SEARCH_ROWS]]
    best = max(range(len(scores)), key=lambda i: (scores[i], -i)) if scores else 0
    return best if scores and scores[best] >= 2 else 0


def _assemble(headers: list, body: pd.DataFrame, first_data_row: int) -> RawGrid:
    width = max(len(headers), body.shape[1])
    headers = headers + [None] * (width - len(headers))
    body = body.reindex(columns=range(width))
    body.index = pd.RangeIndex(first_data_row, first_data_row + len(body), name="row")
    return RawGrid(_name_empty_headers(headers), body)


def _name_empty_headers(headers: list) -> list[object]:
    out: list[object] = []
    for i, h in enumerate(headers):
        blank = h is None or (isinstance(h, float) and np.isnan(h)) or str(h).strip() == ""
        out.append(f"column {i + 1}" if blank else h)
    return out
