"""Test-wide settings: hypothesis without per-example deadlines (CI machines vary in load)."""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("xl-ar", deadline=None, print_blob=True)
settings.load_profile("xl-ar")
