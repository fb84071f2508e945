"""Run pieces of the installed xlwings' own source without importing the module they live in.

``xlwings/udfs.py`` and ``xlwings/_xlwindows.py`` import pywin32 at their top, so they cannot
be imported on Linux or macOS, yet parts of them are pure Python: the UDF decorators, the VBA
wrapper writer, the value cleaning of the Excel engine. :func:`load_definitions` takes such
top-level definitions from the module's source with :mod:`ast`, resolves the global names they
use through the module's own imports, and executes them — xlwings' code, not a copy of it.
Nothing is put into :data:`sys.modules`.
"""

from __future__ import annotations
import __future__

import ast
import builtins
import importlib
import importlib.util
import symtable
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["OPTIONAL_IMPORTS", "load_definitions", "xlwings_source"]

#: Third-party modules xlwings imports inside ``try: ... except ImportError`` (pandas and
#: numpy in ``_xlwindows.py``, PIL for pictures): when one is missing its name is bound to
#: ``None``, as xlwings does. Any other import that fails is a problem.
OPTIONAL_IMPORTS = frozenset({"numpy", "pandas", "PIL"})


def xlwings_source(module: str) -> tuple[str, str]:
    """Source text and file name of an xlwings submodule, without importing it.

    Raises
    ------
    RuntimeError
        When the module is not installed, or its ``.py`` file is missing or unreadable (an
        install with compiled files only, a frozen application, a zip).

    Examples
    --------
    >>> text, name = xlwings_source("xlwings.udfs")
    >>> "def generate_vba_wrapper(" in text, Path(name).name
    (True, 'udfs.py')
    """
    try:
        spec = importlib.util.find_spec(module)
    except ImportError:  # the parent package is missing
        spec = None
    if spec is None or spec.origin is None:
        raise RuntimeError(f"cannot find the source of {module}: is xlwings installed?")
    origin = spec.origin
    try:  # a compiled-only (.pyc), frozen or built-in module has no .py to read
        text = Path(origin).read_text(encoding="utf-8") if origin.endswith(".py") else None
    except (OSError, UnicodeDecodeError):
        text = None
    if text is None:
        raise RuntimeError(
            f"xlwings' source file {Path(origin).name} ({module}) cannot be read; "
            "install xlwings from its wheel: pip install --force-reinstall xlwings"
        )
    return text, origin


def _defined_names(node: ast.stmt) -> set[str]:
    if isinstance(node, ast.FunctionDef | ast.ClassDef):
        return {node.name}
    if isinstance(node, ast.Assign):
        return {t.id for t in node.targets if isinstance(t, ast.Name)}
    if isinstance(node, ast.If) and not node.orelse:
        parts = [_defined_names(n) for n in node.body]
        if all(parts):
            return set().union(*parts)
    return set()


def _free_names(tree: ast.Module, defined: Iterable[str]) -> set[str]:
    """Global names the extracted code reads but does not define (builtins excluded)."""
    free: set[str] = set()

    def walk(table: symtable.SymbolTable) -> None:
        for symbol in table.get_symbols():
            if not symbol.is_referenced():
                continue
            if table.get_type() == "module":
                if not symbol.is_assigned() and not symbol.is_imported():
                    free.add(symbol.get_name())
            elif symbol.is_global() and not symbol.is_declared_global():
                free.add(symbol.get_name())
        for child in table.get_children():
            walk(child)

    # annotations stay text (as in xlwings' modules), so the names in them are not read
    text = "from __future__ import annotations\n" + ast.unparse(tree)
    walk(symtable.symtable(text, "<xlwings extract>", "exec"))
    return free - set(dir(builtins)) - set(defined)


def _module_imports(tree: ast.Module, package: str) -> dict[str, tuple[str, str | None]]:
    """Top-level imports of a module (also inside ``try``): bound name -> (module, attr)."""
    bound: dict[str, tuple[str, str | None]] = {}
    statements = list(tree.body)
    for node in tree.body:
        if isinstance(node, ast.Try):
            statements += node.body
    for node in statements:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    bound[alias.asname] = (alias.name, None)
                else:
                    top = alias.name.split(".")[0]
                    bound[top] = (top, None)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            for alias in node.names:
                bound[alias.asname or alias.name] = (base, alias.name)
    return bound


def _resolve(name: str, module: str, attr: str | None) -> tuple[Any, str | None]:
    """The object an import binds to ``name``, or ``(None, problem)`` when it fails."""
    try:
        imported = importlib.import_module(module)
    except ImportError:
        if module.split(".")[0] in OPTIONAL_IMPORTS:
            return None, None
        return None, f"cannot import {module} (for the name {name!r})"
    if attr is None:
        return imported, None
    try:
        return getattr(imported, attr), None
    except AttributeError:
        pass
    try:  # ``from . import submodule`` before anything imported the submodule
        return importlib.import_module(f"{module}.{attr}"), None
    except ImportError as error:
        if error.name == f"{module}.{attr}":
            return None, f"{module} no longer has {attr!r} (for the name {name!r})"
        return None, f"cannot import {module}.{attr} (for the name {name!r})"


def load_definitions(
    module: str,
    names: Iterable[str],
    given: Mapping[str, Any] | None = None,
    *,
    name: str | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """Execute the top-level definitions ``names`` of an xlwings module from its source.

    Parameters
    ----------
    module : str
        The xlwings submodule, e.g. ``"xlwings.udfs"``.
    names : iterable of str
        Functions, classes and assignments to take (a definition that binds other names too
        is skipped).
    given : mapping, optional
        Globals supplied by the caller instead of the module's imports.
    name : str, optional
        ``__name__`` of the namespace the code runs in.

    Returns
    -------
    tuple of (dict, list of str)
        The namespace the definitions were executed in, and the problems found (a name no
        longer defined, a global name that is neither defined nor imported, an import that
        fails). Nothing is executed when there is a problem. A module of
        :data:`OPTIONAL_IMPORTS` that is not installed binds ``None``, as in xlwings.

    Raises
    ------
    RuntimeError
        When the module's source cannot be found or read (see :func:`xlwings_source`).

    Examples
    --------
    >>> ns, problems = load_definitions("xlwings.udfs", ["func_sig"])
    >>> problems, ns["func_sig"](lambda a, b=1: None)
    ([], {'args': ['a', 'b'], 'defaults': [1], 'vararg': None})
    """
    wanted = frozenset(names)
    source, filename = xlwings_source(module)
    tree = ast.parse(source, filename)
    kept = []
    found: set[str] = set()
    for node in tree.body:
        defined = _defined_names(node)
        if defined and defined <= wanted:
            kept.append(node)
            found |= defined
    problems = [
        f"{module} no longer defines {missing!r} at module level"
        for missing in sorted(wanted - found)
    ]
    extract = ast.Module(body=kept, type_ignores=[])
    namespace: dict[str, Any] = {
        "__name__": name or f"xl_ar.udfs.xlwings_code.{module}",
        "__builtins__": builtins,
        **(given or {}),
    }
    imports = _module_imports(tree, module.rsplit(".", 1)[0])
    for free in sorted(_free_names(extract, wanted) - set(namespace)):
        if free not in imports:
            problems.append(f"{module}: the code taken needs the unknown name {free!r}")
            continue
        value, problem = _resolve(free, *imports[free])
        if problem:
            problems.append(f"{module}: {problem}")
        else:
            namespace[free] = value
    if not problems:
        flags = __future__.annotations.compiler_flag  # as in xlwings: annotations stay text
        exec(compile(extract, filename, "exec", flags=flags, dont_inherit=True), namespace)
    return namespace, problems
