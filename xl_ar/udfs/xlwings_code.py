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

__all__ = ["load_definitions", "xlwings_source"]


def xlwings_source(module: str) -> tuple[str, str]:
    """Source text and file name of an xlwings submodule, without importing it.

    Examples
    --------
    >>> text, name = xlwings_source("xlwings.udfs")
    >>> "def generate_vba_wrapper(" in text, Path(name).name
    (True, 'udfs.py')
    """
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"cannot find the source of {module}: is xlwings installed?")
    return Path(spec.origin).read_text(encoding="utf-8"), spec.origin


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
        longer defined, a global name that is neither defined nor imported). Nothing is
        executed when there is a problem. An import that fails binds ``None`` (xlwings
        imports pandas and numpy optionally).

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
        module_name, attr = imports[free]
        try:
            imported = importlib.import_module(module_name)
            namespace[free] = imported if attr is None else getattr(imported, attr)
        except ImportError:
            namespace[free] = None
    if not problems:
        flags = __future__.annotations.compiler_flag  # as in xlwings: annotations stay text
        exec(compile(extract, filename, "exec", flags=flags, dont_inherit=True), namespace)
    return namespace, problems
