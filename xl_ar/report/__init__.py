"""Report writers: render computed AR results into formatted workbooks (no computation)."""

from xl_ar.report.xlsx_report import write_ar_report

__all__ = ["write_ar_report"]
