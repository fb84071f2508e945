"""Workshop workbooks for the AR-management course, generated from source and the core.

``xl-ar workbooks build [-o workbooks/]`` writes every module in Indonesian and English.
"""
