"""``python -m xl_ar.udfs [path]``: write ``xlwings_udfs.bas`` (``vba_shim/`` in a checkout)."""

import sys

from xl_ar.udfs.registry import main

sys.exit(main())
