"""One-click reports: compute (pure, :mod:`xl_ar.reports.model` objects) and render (file or live)."""
