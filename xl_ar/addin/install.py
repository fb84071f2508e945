"""Put ``xl_ar.xlam`` where Excel opens it at start-up, or take it away.

``xlwings addin install`` copies an add-in to ``Application.StartupPath``, which it asks a
running Excel for. Without Excel (or before its first start) the same folders are known:

* Windows: ``%APPDATA%\\Microsoft\\Excel\\XLSTART``
* macOS (Excel 2016 and later, sandboxed):
  ``~/Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel``
  (Finder may show the localised ``User Content.localized/Startup.localized`` names; an existing
  one of those wins). An add-in there is opened at start-up like one in XLSTART; the
  ``.../Application Support/Microsoft/Office/Add-Ins`` folder of the container is only the
  default of the *Tools > Excel Add-ins > Browse* dialog and opens nothing by itself.

Every function takes ``target_dir`` (and :func:`addin_dir` takes ``platform``, ``environ`` and
``home``) so that the tests run anywhere.

Examples
--------
>>> addin_dir("win32", environ={"APPDATA": "C:/Users/a/AppData/Roaming"}).as_posix()
'C:/Users/a/AppData/Roaming/Microsoft/Excel/XLSTART'
>>> addin_dir("darwin", home=Path("/Users/a")).as_posix()
'/Users/a/Library/Group Containers/UBF8T346G9.Office/User Content/Startup/Excel'
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

from xl_ar.addin.build import ADDIN_NAME

__all__ = ["ADDIN_NAME", "addin_dir", "install", "installed_path", "uninstall"]

_MAC_GROUP = Path("Library") / "Group Containers" / "UBF8T346G9.Office"
_MAC_STARTUP = (
    Path("User Content") / "Startup" / "Excel",
    Path("User Content.localized") / "Startup.localized" / "Excel",
    Path("User Content") / "Start-up" / "Excel",
)


def addin_dir(
    platform: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """Excel's per-user start-up folder on ``platform`` (default: this machine's).

    Raises
    ------
    RuntimeError
        On an OS without desktop Excel (Linux): pass ``target_dir`` to :func:`install`.
    """
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if platform.startswith("win"):
        appdata = environ.get("APPDATA")
        if not appdata:
            raise RuntimeError("%APPDATA% is not set: cannot find Excel's XLSTART folder")
        return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"
    if platform == "darwin":
        group = (Path.home() if home is None else home) / _MAC_GROUP
        for candidate in _MAC_STARTUP:
            if (group / candidate).is_dir():
                return group / candidate
        return group / _MAC_STARTUP[0]
    raise RuntimeError(f"Excel has no start-up folder on {platform}: pass target_dir")


def installed_path(target_dir: Path | None = None) -> Path:
    """Where :func:`install` puts the add-in."""
    return (addin_dir() if target_dir is None else Path(target_dir)) / ADDIN_NAME


def install(path: Path, target_dir: Path | None = None) -> Path:
    """Copy the built add-in ``path`` into the start-up folder; return the installed path.

    Excel must be closed (Windows locks an open add-in): restart it afterwards.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no add-in at {path}: run `xl-ar addin build` first")
    target = installed_path(target_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    try:
        shutil.copyfile(path, tmp)
        os.replace(tmp, target)
    except PermissionError as exc:
        tmp.unlink(missing_ok=True)
        raise PermissionError(
            f"cannot write {target}: quit Excel (it keeps the add-in open) and try again"
        ) from exc
    return target


def uninstall(target_dir: Path | None = None) -> Path | None:
    """Remove the installed add-in; return its path, or ``None`` when none was installed."""
    target = installed_path(target_dir)
    if not target.exists():
        return None
    try:
        target.unlink()
    except PermissionError as exc:
        raise PermissionError(
            f"cannot remove {target}: quit Excel (it keeps the add-in open) and try again"
        ) from exc
    return target
