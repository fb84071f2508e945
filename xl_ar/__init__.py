"""xl-ar: accounts-receivable engine behind an Excel add-in.

The pure engine lives in :mod:`xl_ar.core` (pandas/numpy only, no xlwings).
"""

__version__ = "0.1.0"
