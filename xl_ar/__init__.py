"""xl-ar: accounts-receivable engine behind an Excel add-in.

The pure engine lives in :mod:`xl_ar.core` (pandas/numpy only, no xlwings).
"""

from pathlib import Path as _Path

__version__ = "0.1.0"

_ROOT = _Path(__file__).resolve().parents[1]
#: ``vba_shim/`` of the source checkout (a ``pyproject.toml`` beside the package), where the
#: generated VBA and ribbon files are committed; ``None`` in an installed package: a
#: ``vba_shim/`` left there by an older version is never read, nothing is written beside it.
SHIM_DIR = _ROOT / "vba_shim" if (_ROOT / "pyproject.toml").is_file() else None
