"""The pure receivables engine: pandas, numpy and python-dateutil only, never xlwings."""
