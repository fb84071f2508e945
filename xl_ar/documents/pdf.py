"""PDF from the Word documents with LibreOffice headless (``soffice --headless --convert-to
pdf``): one LibreOffice call for a whole batch, with its own throw-away user profile (so a
LibreOffice the user has open is not disturbed) and a time limit.

Without LibreOffice there is no PDF: :func:`convert_to_pdf` raises :class:`PdfUnavailable`
whose one line says so; the ``.docx`` files stay.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from xl_ar.errors import XlArError

__all__ = ["NO_LIBREOFFICE", "PdfUnavailable", "convert_to_pdf", "soffice_path"]

NO_LIBREOFFICE = (
    "PDF needs LibreOffice (soffice): install it (https://www.libreoffice.org) or set SOFFICE "
    "to its path; the Word (.docx) documents are written"
)
_FALLBACKS = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
TIMEOUT = 120  # seconds, plus 15 per document


class PdfUnavailable(XlArError):
    """LibreOffice is not installed: no PDF (the .docx files stay)."""


def soffice_path() -> str | None:
    """The LibreOffice executable (``$SOFFICE`` first), or ``None``."""
    env = os.environ.get("SOFFICE")
    if env and os.access(env, os.X_OK):
        return env
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _FALLBACKS if os.access(p, os.X_OK)), None)


def convert_to_pdf(docx_files: Sequence[Path], *, timeout: float | None = None) -> list[Path]:
    """Convert ``.docx`` files to PDFs in a temporary folder, in one LibreOffice call.

    Returns the PDF paths in order (in a fresh temporary folder the caller moves them from
    and removes). Raises :class:`PdfUnavailable` without LibreOffice, :class:`XlArError`
    when it fails or runs out of time.
    """
    exe = soffice_path()
    if exe is None:
        raise PdfUnavailable(NO_LIBREOFFICE)
    sources = [Path(p).resolve() for p in docx_files]
    if not sources:
        return []
    outdir = Path(tempfile.mkdtemp(prefix="xl-ar-pdf-"))
    limit = timeout if timeout is not None else TIMEOUT + 15 * len(sources)
    with tempfile.TemporaryDirectory(prefix="xl-ar-lo-profile-") as profile:
        cmd = [
            exe, "--headless", "--norestore", "--nolockcheck", "--nodefault",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--convert-to", "pdf", "--outdir", str(outdir), *map(str, sources),
        ]  # fmt: skip
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, check=False)
        except subprocess.TimeoutExpired:
            shutil.rmtree(outdir, ignore_errors=True)
            raise XlArError(f"LibreOffice did not finish the PDFs within {limit:.0f} s") from None
        except OSError as exc:
            shutil.rmtree(outdir, ignore_errors=True)
            raise XlArError(f"LibreOffice could not be started: {exc.strerror or exc}") from None
    targets = [outdir / f"{src.stem}.pdf" for src in sources]
    missing = [t.name for t in targets if not t.is_file()]
    if missing:
        shutil.rmtree(outdir, ignore_errors=True)
        raise XlArError(
            f"LibreOffice wrote no PDF for {len(missing)} of {len(targets)} documents (e.g. "
            f"{missing[0]}; exit {done.returncode})"
        )
    return targets
