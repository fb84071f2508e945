"""``python -m xl_ar.udfs [path]``: write ``vba_shim/xlwings_udfs.bas`` (see registry)."""

import sys

from xl_ar.udfs.registry import main

sys.exit(main())
