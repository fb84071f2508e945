"""Build, check and install the xl-ar Excel add-in (``xl_ar.xlam``) without Excel.

* :mod:`xl_ar.addin.ovba` -- MS-OVBA compression and a source-only ``vbaProject.bin`` writer
  (with its own small MS-CFB writer).
* :mod:`xl_ar.addin.ribbon` -- the AR Tools ribbon spec, ``customUI14.xml`` and the
  ``XlArRibbon`` callback module generated from it, and their checks.
* :mod:`xl_ar.addin.build` -- :func:`~xl_ar.addin.build.build_addin` and
  :func:`~xl_ar.addin.build.verify_addin`.
* :mod:`xl_ar.addin.install` -- copy the add-in to Excel's start-up folder, or remove it.

Importing these modules loads no xlwings: the add-in's xlwings VBA is read from the installed
wheel's files.
"""
