"""Where the third-party test data lives (a helper for tests, not a test module).

The files in ``../shared/data`` have no licence: they are read in place, never copied into
this repository, and the tests that need them skip when they are absent. Set
``XL_AR_SHARED_DATA`` to point elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("XL_AR_SHARED_DATA", ROOT.parent / "shared" / "data"))


def shared_file(*parts: str) -> Path:
    """Path of a third-party file; skips the calling test when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"third-party data not available: {path}")
    return path
