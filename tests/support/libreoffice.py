"""Recalculate workbooks with headless LibreOffice (a helper for tests, not a test module).

LibreOffice keeps the cached value of every formula by default, and XlsxWriter caches 0 (or
whatever value it was given), so a plain ``--convert-to`` proves nothing. Each conversion here
runs with a fresh, throw-away user profile whose ``registrymodifications.xcu`` sets
``OOXMLRecalcMode`` (and ``ODFRecalcMode``) to 0 = always recalculate on load.

Examples
--------
>>> soffice_path() is None or soffice_path().endswith(("soffice", "libreoffice"))
True
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["TIMEOUT", "recalc_many", "recalc_to_xlsx", "require_soffice", "soffice_path"]

TIMEOUT = 180  # seconds for one conversion

_CANDIDATES = ("soffice", "libreoffice")
_FALLBACKS = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
)

_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice_path() -> str | None:
    """Path of the LibreOffice executable, or ``None`` when it is not installed.

    ``$SOFFICE`` wins when it names an executable file.
    """
    env = os.environ.get("SOFFICE")
    if env and os.access(env, os.X_OK):
        return env
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _FALLBACKS if os.access(p, os.X_OK)), None)


def _profile(root: Path) -> Path:
    """Create a LibreOffice user profile under ``root`` that always recalculates on load."""
    user = root / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    return root


def recalc_to_xlsx(src: Path, outdir: Path) -> Path:
    """Open ``src`` in headless LibreOffice, recalculate everything and save it as xlsx.

    Parameters
    ----------
    src : pathlib.Path
        Workbook to recalculate (``.xlsx``, ``.xlsm``, ``.ods`` ...).
    outdir : pathlib.Path
        Directory for the result; must differ from ``src``'s directory when ``src`` is an
        ``.xlsx`` (LibreOffice would overwrite it). Created if missing.

    Returns
    -------
    pathlib.Path
        ``outdir / (src.stem + ".xlsx")``: read it with ``openpyxl.load_workbook(...,
        data_only=True)`` to see the recalculated values.

    Raises
    ------
    FileNotFoundError
        LibreOffice is not installed, or ``src`` does not exist.
    ValueError
        The output would overwrite ``src``.
    RuntimeError
        LibreOffice failed, timed out, or wrote no file; the message holds its output.
    """
    src = Path(src).resolve()
    if not src.is_file():
        raise FileNotFoundError(f"no such workbook: {src}")
    if (Path(outdir).resolve() / f"{src.stem}.xlsx") == src:
        raise ValueError(f"converting {src.name} into its own directory would overwrite it")
    return recalc_many([src], outdir)[0]


def recalc_many(sources: list[Path], outdir: Path) -> list[Path]:
    """Recalculate several workbooks in one LibreOffice run (their stems must differ).

    Returns ``outdir / (stem + ".xlsx")`` for each source, in order.
    """
    sources = [Path(s).resolve() for s in sources]
    stems = [s.stem for s in sources]
    if len(set(stems)) != len(stems):
        raise ValueError("recalc_many needs workbooks with distinct names")
    exe = soffice_path()
    if exe is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed")
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    targets = [outdir / f"{stem}.xlsx" for stem in stems]
    if any(t in sources for t in targets):
        raise ValueError("recalc_many would overwrite a source workbook")
    for t in targets:
        t.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo_profile_") as tmp:
        profile = _profile(Path(tmp) / "profile")
        cmd = [
            exe,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(outdir),
            *map(str, sources),
        ]
        timeout = TIMEOUT + 30 * len(sources)
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise RuntimeError(f"LibreOffice timed out after {timeout} s") from exc
    missing = [t.name for t in targets if not t.is_file()]
    if done.returncode != 0 or missing:
        raise RuntimeError(
            f"LibreOffice did not convert {missing} (exit {done.returncode}):\n"
            f"stdout: {done.stdout.strip()}\nstderr: {done.stderr.strip()}"
        )
    return targets


def require_soffice() -> str:
    """Path of soffice; skips the test without it, or fails it when CI demands LibreOffice.

    ``.ci/run`` sets ``XL_AR_REQUIRE_LIBREOFFICE=1`` so that a broken install cannot turn the
    LibreOffice tests into silent skips.
    """
    import pytest

    path = soffice_path()
    if path is None:
        if os.environ.get("XL_AR_REQUIRE_LIBREOFFICE"):
            pytest.fail("XL_AR_REQUIRE_LIBREOFFICE is set but soffice is not installed")
        pytest.skip("LibreOffice (soffice) is not installed")
    return path
