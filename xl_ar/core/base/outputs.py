"""Write output files safely, and neutralise formula-like text in text outputs.

Every command that writes a file goes through :func:`safe_output` (or :func:`write_text`):

* an output that is one of the command's inputs is refused — the same file by path, through a
  symbolic or hard link, or by a case difference on a case-insensitive file system — so one
  mistyped path cannot destroy a ledger;
* an output's extension must match what is written (``report -o r.csv`` is refused: a report
  is an ``.xlsx`` workbook);
* the file is written to a temporary file in the same folder and renamed into place only
  when complete: a failed run leaves no half-written file and the old output as it was;
* a missing folder, a read-only file or folder and a file locked by another program are
  reported in one line.

Text outputs (``--format csv``, letters, printed tables) pass user text through
:func:`neutralise`, as the OWASP guidance on CSV injection says: text starting with ``=``
``+`` ``-`` ``@``, a tab or a carriage return gets a leading single quote, so a spreadsheet
opening the file shows it instead of evaluating it. Genuine numbers such as ``-50`` stay.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import stat
import tempfile
import traceback
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from xl_ar.errors import XlArError

__all__ = [
    "check_output",
    "os_error",
    "write_error",
    "neutralise",
    "neutralise_frame",
    "neutralise_lines",
    "output_folder",
    "safe_output",
    "same_file",
    "write_text",
]

PathLike = str | os.PathLike

#: What each output extension holds, for the one-line refusal of a mismatch.
FORMATS = {
    ".xlsx": "an Excel workbook (.xlsx)",
    ".xlam": "an Excel add-in (.xlam)",
    ".txt": "a text file (.txt)",
    ".csv": "a CSV file (.csv)",
}


def same_file(a: PathLike, b: PathLike) -> bool:
    """Whether paths ``a`` and ``b`` name the same file.

    True for the same path, a symbolic link to the other, a hard link (same file on disk) and,
    on a case-insensitive file system, a difference in upper/lower case only.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "ledger.csv").write_text("x") and None
    >>> same_file(folder / "ledger.csv", folder / "sub" / ".." / "ledger.csv")
    True
    >>> same_file(folder / "ledger.csv", folder / "report.xlsx")
    False
    """
    a, b = os.fspath(a), os.fspath(b)
    try:
        if os.path.samefile(a, b):
            return True
    except (OSError, ValueError):  # one of them does not exist (yet)
        pass
    real_a = os.path.normcase(os.path.realpath(a))
    real_b = os.path.normcase(os.path.realpath(b))
    if real_a == real_b:
        return True
    if real_a.casefold() != real_b.casefold():
        return False
    folder = os.path.dirname(real_b)
    return os.path.isdir(folder) and _case_insensitive(folder)


@functools.lru_cache(maxsize=64)
def _case_insensitive(folder: str) -> bool:
    """Probe ``folder``: does a file's name in other case name the same file?"""
    try:
        handle, probe = tempfile.mkstemp(prefix=".xl-ar-case-probe-", dir=folder)
    except OSError:
        return False
    os.close(handle)
    try:
        head, name = os.path.split(probe)
        return os.path.exists(os.path.join(head, name.upper()))
    finally:
        with contextlib.suppress(OSError):
            os.unlink(probe)


def _shown(path: PathLike) -> str:
    return os.fspath(path)


def check_output(
    path: PathLike,
    *,
    inputs: Iterable[PathLike | None] = (),
    suffixes: Iterable[str] | None = None,
    what: str = "the output",
) -> Path:
    """Refuse an output path that would destroy an input or cannot be written; return it.

    Parameters
    ----------
    path : str or pathlib.Path
        Where the output goes.
    inputs : iterable of paths
        The files the command reads (``None`` entries are skipped).
    suffixes : iterable of str, optional
        Allowed extensions (lower case, with the dot), e.g. ``(".xlsx",)``.
    what : str
        What is written, for the message (``"the report"``).

    Raises
    ------
    XlArError
        One line: an input named as output, a wrong extension, a missing or read-only
        folder, a read-only file, a folder where a file should go.

    Examples
    --------
    >>> check_output("report.csv", suffixes=(".xlsx",), what="the report")
    Traceback (most recent call last):
    ...
    xl_ar.errors.XlArError: report.csv: the report is an Excel workbook (.xlsx); give a file \
name ending .xlsx
    """
    out = Path(path)
    shown = _shown(path)
    if suffixes is not None:
        allowed = tuple(suffixes)
        if out.suffix.lower() not in allowed:
            kind = FORMATS.get(allowed[0], f"a {allowed[0]} file")
            ends = " or ".join(allowed)
            raise XlArError(f"{shown}: {what} is {kind}; give a file name ending {ends}")
    for source in inputs:
        if source is not None and same_file(out, source):
            raise XlArError(f"will not overwrite {shown}: {_is_input(shown, source)}")
    out = _link_target(out, shown)
    folder = out.parent
    if not folder.exists():
        raise XlArError(f"cannot write {shown}: the folder {_shown(folder)} does not exist")
    if not folder.is_dir():
        raise XlArError(f"cannot write {shown}: {_shown(folder)} is not a folder")
    if out.is_dir():
        raise XlArError(f"cannot write {shown}: it is a folder")
    if out.exists() and not out.is_file():
        raise XlArError(
            f"cannot write {shown}: it is not a regular file (a device or a pipe); give a file name"
        )
    if _read_only(folder):
        raise XlArError(f"cannot write {shown}: the folder {_shown(folder)} is read-only")
    if out.exists() and _read_only(out):
        raise XlArError(f"cannot write {shown}: the file is read-only")
    return out


def _link_target(out: Path, shown: str) -> Path:
    """The file a symbolic link ``out`` finally points to (written through, the link stays)."""
    if not out.is_symlink():
        return out
    try:
        return Path(os.path.realpath(out, strict=False))
    except OSError:
        raise XlArError(f"cannot write {shown}: a symbolic link that points nowhere") from None


def os_error(exc: BaseException | None) -> OSError | None:
    """The operating-system error behind ``exc`` (itself, its cause, context or first argument).

    Writers wrap them (xlsxwriter raises its own error holding the OSError).

    Examples
    --------
    >>> inner = OSError(errno.ENOSPC, "No space left on device")
    >>> os_error(RuntimeError(inner)) is inner, os_error(ValueError("x")) is None
    (True, True)
    """
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError):
            return exc
        arg = exc.args[0] if exc.args else None
        if isinstance(arg, OSError):
            return arg
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return None


_WRITE_ERRORS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk is full (your disk quota is used up)",
    errno.EFBIG: "the file is too large (beyond the file size limit)",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}


def write_error(shown: str, exc: OSError) -> str:
    """One line for an operating-system error while writing ``shown``.

    Examples
    --------
    >>> write_error("out.xlsx", OSError(errno.ENOSPC, "No space left on device"))
    'cannot write out.xlsx: the disk is full'
    """
    reason = _WRITE_ERRORS.get(exc.errno or 0) or exc.strerror or "write failed"
    return f"cannot write {shown}: {reason}"


def _close_zips(exc: BaseException) -> None:
    """Close zip files a failed writer left open (else their clean-up repeats the error)."""
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        for value in list(frame.f_locals.values()):
            if isinstance(value, zipfile.ZipFile):
                with contextlib.suppress(Exception):
                    value.close()
                fp = getattr(value, "fp", None)
                if fp is not None:
                    with contextlib.suppress(Exception):
                        fp.close()
                    value.fp = None
    cause = exc.__cause__ or exc.__context__
    if cause is not None and cause is not exc:
        _close_zips(cause)


def _is_input(shown: str, source: PathLike) -> str:
    if _shown(source) == shown:
        return "it is an input of this command; choose another name for the output"
    return f"it is the same file as the input {_shown(source)}; choose another name for the output"


def _read_only(path: Path) -> bool:
    """No write permission bit at all (as Windows' read-only attribute), or no access."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    writable = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    return not mode & writable or not os.access(path, os.W_OK)


def _new_file_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def safe_output(
    path: PathLike,
    *,
    inputs: Iterable[PathLike | None] = (),
    suffixes: Iterable[str] | None = None,
    what: str = "the output",
) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``path``, on failure it is removed.

    The checks of :func:`check_output` run first. The temporary file sits in the output's
    folder (so the final rename is atomic) and keeps its extension (writers that choose the
    format by extension still work).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with safe_output(folder / "a.txt") as tmp:
    ...     _ = tmp.write_text("done")
    >>> (folder / "a.txt").read_text(), len(list(folder.iterdir()))
    ('done', 1)
    >>> try:
    ...     with safe_output(folder / "a.txt") as tmp:
    ...         _ = tmp.write_text("half")
    ...         raise RuntimeError("failed mid-way")
    ... except RuntimeError:
    ...     pass
    >>> (folder / "a.txt").read_text(), len(list(folder.iterdir()))
    ('done', 1)
    """
    inputs = list(inputs)
    out = check_output(path, inputs=inputs, suffixes=suffixes, what=what)
    shown = _shown(path)
    mode = _new_file_mode(out)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{out.stem[:40]}.", suffix=f".tmp{out.suffix}", dir=out.parent
        )
    except PermissionError:
        raise XlArError(
            f"cannot write {shown}: no permission to write in the folder {_shown(out.parent)}"
        ) from None
    except OSError as exc:
        raise XlArError(write_error(shown, exc)) from None
    os.close(handle)
    temp = Path(temp_name)
    done = False
    try:
        try:
            yield temp
        except XlArError:
            raise
        except Exception as exc:
            found = os_error(exc)
            if found is None:
                raise
            _close_zips(exc)
            raise XlArError(write_error(shown, found)) from None
        with contextlib.suppress(OSError):
            os.chmod(temp, mode)
        try:
            os.replace(temp, out)
        except PermissionError:
            raise XlArError(
                f"cannot replace {shown}: it is open in another program (close it, e.g. in "
                "Excel) or read-only"
            ) from None
        except OSError as exc:
            raise XlArError(write_error(shown, exc)) from None
        done = True
    finally:
        if not done:
            with contextlib.suppress(OSError):
                temp.unlink()


def write_text(
    path: PathLike,
    text: str,
    *,
    inputs: Iterable[PathLike | None] = (),
    suffixes: Iterable[str] | None = (".txt",),
    encoding: str = "utf-8",
) -> Path:
    """Write ``text`` to ``path`` through :func:`safe_output`; return the path.

    Examples
    --------
    >>> import tempfile
    >>> write_text(Path(tempfile.mkdtemp()) / "letter.txt", "Dear customer").read_text()
    'Dear customer'
    """
    with safe_output(path, inputs=inputs, suffixes=suffixes, what="the letter") as temp:
        temp.write_text(text, encoding=encoding)
    return Path(path)


def output_folder(path: PathLike, *, inputs: Iterable[PathLike | None] = ()) -> Path:
    """Create the output folder ``path`` if needed; refuse a file (an input above all) there.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> output_folder(folder / "letters").is_dir()
    True
    >>> (folder / "ledger.csv").write_text("x") and None
    >>> try:
    ...     output_folder(folder / "ledger.csv")
    ... except XlArError as exc:
    ...     print(str(exc).replace(str(folder), "F"))
    cannot write to F/ledger.csv: it is a file, not a folder
    """
    folder = Path(path)
    shown = _shown(path)
    for source in inputs:
        if source is not None and same_file(folder, source):
            raise XlArError(f"will not write to {shown}: {_is_input(shown, source)}")
    if folder.exists() and not folder.is_dir():
        if folder.is_file():
            raise XlArError(f"cannot write to {shown}: it is a file, not a folder")
        raise XlArError(f"cannot write to {shown}: it is not a folder (a device or a pipe)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise XlArError(f"cannot write to {shown}: part of the path is a file") from None
    except PermissionError:
        raise XlArError(f"cannot create the folder {shown}: permission denied") from None
    except OSError as exc:
        raise XlArError(f"cannot create the folder {shown}: {exc.strerror or 'refused'}") from None
    if _read_only(folder):
        raise XlArError(f"cannot write to {shown}: the folder is read-only")
    return folder


# --------------------------------------------------------------------------- CSV injection

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d[\d,.]*|[.,]\d+)(?:[eE][+-]?\d+)?%?")
_RULE = re.compile(r"[-=\s]+")


def neutralise(value: object) -> object:
    """Text a spreadsheet would evaluate gets a leading ``'``; numbers and other values stay.

    Examples
    --------
    >>> neutralise('=HYPERLINK("http://x")'), neutralise("+62 21 555"), neutralise("@SUM(1)")
    ('\\'=HYPERLINK("http://x")', "'+62 21 555", "'@SUM(1)")
    >>> neutralise("-50"), neutralise(-50.0), neutralise("PT Maju"), neutralise("-1.234,50")
    ('-50', -50.0, 'PT Maju', '-1.234,50')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with :func:`neutralise` applied to every text cell and header.

    Examples
    --------
    >>> neutralise_frame(pd.DataFrame({"customer": ["=1+1", "PT A"], "amount": [-5.0, 2.0]}))
      customer  amount
    0    '=1+1    -5.0
    1     PT A     2.0
    """
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise).astype(object)
    out.columns = [neutralise(c) for c in out.columns]
    return out


def neutralise_lines(text: str) -> str:
    """:func:`neutralise` each line of a text; lines of only dashes/equals (rules) stay.

    Examples
    --------
    >>> print(neutralise_lines("=cmd|' /C calc'!A0\\n--------  ----\\nPT Maju\\n-50"))
    '=cmd|' /C calc'!A0
    --------  ----
    PT Maju
    -50
    """
    lines = text.split("\n")
    return "\n".join(line if _RULE.fullmatch(line) else str(neutralise(line)) for line in lines)
