"""Test-wide settings for hypothesis.

No per-example deadline and no generation-speed health checks: CI machines vary in load, and a
slow or heavily filtered draw is not a defect of the code under test. Failures still fail.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "xl-ar",
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.load_profile("xl-ar")
