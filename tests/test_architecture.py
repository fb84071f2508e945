"""Layering and hygiene: one table of allowed imports between the package's layers, no private
name imported across modules, no import cycle, the test harness kept out of the package, the core
never importing xlwings, and the code passing ruff."""

from __future__ import annotations

import ast
import fnmatch
import functools
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "xl_ar"
CORE_DIR = PACKAGE / "core"


# --- the allowed-imports table ----------------------------------------------------------------
# Every module of the package has exactly one home (a layer) below, named by module patterns
# (``fnmatch`` over dotted names: ``"xl_ar.reports"`` is the package, ``"xl_ar.reports.*"``
# everything under it). An import is allowed inside its own layer, to the package root
# ``xl_ar`` and to ``xl_ar.errors``, and to the layers listed in ALLOWED. Moving a module inside
# its layer's folder needs no change here; a new top-level concern needs a row.

#: The core's domain sub-packages, in dependency order: each may import only those before it.
CORE_ORDER = (
    "base",
    "ledger",
    "position",
    "metrics",
    "provisioning",
    "cashflow",
    "cash_application",
    "credit",
    "collections",
)


def _package(name: str) -> tuple[str, str]:
    return (name, name + ".*")


LAYERS: dict[str, tuple[str, ...]] = {
    "root": ("xl_ar",),  # the package itself: ``__version__`` and a docstring, imports nothing
    "errors": ("xl_ar.errors",),
    "core": ("xl_ar.core",),  # the curated public API of the core (its ``__init__``)
    **{f"core.{domain}": _package(f"xl_ar.core.{domain}") for domain in CORE_ORDER},
    "sample_data": ("xl_ar.sample_data",),
    "udfs": _package("xl_ar.udfs"),
    "reports": _package("xl_ar.reports"),
    "documents": _package("xl_ar.documents"),  # Word/PDF documents, e-mail drafts, sending
    "macros": _package("xl_ar.macros"),
    "addin": _package("xl_ar.addin"),
    "workshop": _package("xl_ar.workshop"),
    "demo": ("xl_ar.demo",),
    "cli": ("xl_ar.cli",),
    "testing": _package("xl_ar.testing"),
    "xlwings": _package("xlwings"),  # third party, listed because only some layers may use it
}

CORE = frozenset({"core", *(f"core.{domain}" for domain in CORE_ORDER)})

#: What each layer may import besides itself, ``xl_ar`` and ``xl_ar.errors``.
ALLOWED: dict[str, frozenset[str]] = {
    "root": frozenset(),
    "errors": frozenset(),
    "core": frozenset(f"core.{domain}" for domain in CORE_ORDER),
    **{
        f"core.{domain}": frozenset(f"core.{before}" for before in CORE_ORDER[:i])
        for i, domain in enumerate(CORE_ORDER)
    },
    "sample_data": CORE | {"reports"},  # writes the sample ledger with the report styles
    "udfs": CORE | {"xlwings"},
    "reports": CORE,
    "documents": CORE | {"reports"},
    "macros": CORE | {"reports", "documents", "xlwings"},
    "addin": frozenset({"udfs", "macros"}),  # the UDF registry and the ribbon's macro names
    "workshop": CORE | {"reports", "sample_data"},
    "demo": CORE | {"reports", "sample_data"},
    "cli": CORE | {"reports", "documents", "sample_data", "demo", "addin", "workshop"},
    "testing": CORE | {"udfs", "macros", "addin", "xlwings"},  # the harness may look at anything
    "xlwings": frozenset(),
}
ALWAYS_ALLOWED = frozenset({"root", "errors"})


# --- reading the package's imports -----------------------------------------------------------


@dataclass(frozen=True)
class Import:
    """One import of an ``xl_ar`` or ``xlwings`` module (or of a name inside one)."""

    importer: str
    module: str
    name: str | None  # the imported name when it is not a module itself (``from m import n``)
    line: int
    deferred: bool  # inside a function: runs at call time
    typing_only: bool  # under ``if TYPE_CHECKING:``: never runs

    @property
    def edge(self) -> str:
        return f"{self.importer} -> {self.module}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def package_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _ours(module: str) -> bool:
    return module.split(".")[0] in ("xl_ar", "xlwings")


class _ImportReader(ast.NodeVisitor):
    """Collects one module's imports of ``xl_ar``/``xlwings``, and the module aliases they bind."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.found: list[Import] = []
        self.aliases: dict[str, str] = {}
        self.deferred = False
        self.typing = False

    def _add(self, target: str, name: str | None, node: ast.stmt) -> None:
        self.found.append(
            Import(self.module, target, name, node.lineno, self.deferred, self.typing)
        )

    def visit_FunctionDef(self, node: ast.AST) -> None:
        deferred, self.deferred = self.deferred, True
        self.generic_visit(node)
        self.deferred = deferred

    visit_AsyncFunctionDef = visit_Lambda = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        if not _is_type_checking(node.test):
            self.generic_visit(node)
            return
        typing, self.typing = self.typing, True
        for stmt in node.body:
            self.visit(stmt)
        self.typing = typing
        for stmt in node.orelse:
            self.visit(stmt)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if _ours(alias.name):
                self._add(alias.name, None, node)
                if alias.asname:
                    self.aliases[alias.asname] = alias.name

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        source = node.module or ""
        if node.level:
            parts = self.package.split(".")
            source = ".".join([*parts[: len(parts) - node.level + 1], *filter(None, [node.module])])
        if not _ours(source):
            return
        for alias in node.names:
            full = f"{source}.{alias.name}"
            if full in package_modules():
                self._add(full, None, node)
                self.aliases[alias.asname or alias.name] = full
            else:
                self._add(source, alias.name, node)


def _imports_of(module: str, path: Path) -> tuple[list[Import], list[tuple[str, str, int]]]:
    """The imports of one module, and its ``alias._private`` uses of imported modules."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    reader = _ImportReader(module, path.name == "__init__.py")
    reader.visit(tree)
    private_uses = [
        (reader.aliases[node.value.id], node.attr, node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in reader.aliases
        and _private(node.attr)
    ]
    return reader.found, private_uses


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@functools.cache
def all_imports() -> tuple[list[Import], list[tuple[str, str, str, int]]]:
    imports: list[Import] = []
    private_uses: list[tuple[str, str, str, int]] = []
    for module, path in package_modules().items():
        found, uses = _imports_of(module, path)
        imports += found
        private_uses += [(module, target, attr, line) for target, attr, line in uses]
    return imports, private_uses


def layer_of(module: str) -> str | None:
    homes = [
        name
        for name, patterns in LAYERS.items()
        if any(fnmatch.fnmatchcase(module, pattern) for pattern in patterns)
    ]
    return homes[0] if len(homes) == 1 else None


# --- what each rule finds ----------------------------------------------------------------------


def forbidden_edges() -> dict[str, str]:
    """``edge -> why`` for every import the table does not allow."""
    found: dict[str, str] = {}
    for imp in all_imports()[0]:
        source, target = layer_of(imp.importer), layer_of(imp.module)
        if source is None or target is None:
            continue  # reported by the one-home test
        if target == source or target in ALWAYS_ALLOWED | ALLOWED[source]:
            continue
        found[imp.edge] = f"{source} may not import {target} (line {imp.line})"
    return found


def private_imports() -> dict[str, str]:
    """``importer -> module._name`` for every private name taken from another module."""
    imports, uses = all_imports()
    found = {
        f"{imp.importer} -> {imp.module}.{imp.name}": f"from-import (line {imp.line})"
        for imp in imports
        if imp.name is not None and _private(imp.name) and imp.module != imp.importer
    }
    found |= {
        f"{importer} -> {target}.{attr}": f"attribute (line {line})"
        for importer, target, attr, line in uses
        if target != importer
    }
    return found


def import_graph(skip: frozenset[str] = frozenset()) -> dict[str, set[str]]:
    """Module -> modules it imports, deferred imports included (they hide a cycle, not remove
    it), ``TYPE_CHECKING`` imports and the edges in ``skip`` left out."""
    graph: dict[str, set[str]] = {m: set() for m in package_modules()}
    for imp in all_imports()[0]:
        if imp.typing_only or imp.edge in skip or imp.module == imp.importer:
            continue
        if imp.module in graph:
            graph[imp.importer].add(imp.module)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return sorted(groups)


def cycle_edges() -> dict[str, str]:
    """Every import edge that lies on a cycle."""
    graph = import_graph()
    found = {}
    for group in cycles(graph):
        for module in group:
            for target in sorted(graph[module] & set(group)):
                found[f"{module} -> {target}"] = "cycle " + " <-> ".join(group)
    return found


def harness_imports() -> dict[str, str]:
    return {
        imp.edge: f"line {imp.line}"
        for imp in all_imports()[0]
        if layer_of(imp.module) == "testing" and layer_of(imp.importer) != "testing"
    }


def _report(found: dict[str, str]) -> str:
    return "\n".join(f"{edge}   # {why}" for edge, why in sorted(found.items()))


# --- the tests ---------------------------------------------------------------------------------


def test_the_import_reader_sees_the_package():
    imports, _ = all_imports()
    edges = {imp.edge for imp in imports}
    assert len(package_modules()) > 100
    # module-level, from-import of a module, deferred, and a name inside a module
    assert "xl_ar.core.metrics.dso -> xl_ar.errors" in edges
    assert "xl_ar.core.position.aging -> xl_ar.core.base.schema" in edges
    assert "xl_ar.cli -> xl_ar.demo" in edges
    assert layer_of("xl_ar.core.credit.credit_review") == "core.credit"
    assert layer_of("xl_ar.core") == "core"
    assert layer_of("xl_ar.udfs_credit") is None
    assert layer_of("xl_ar.udfs.registry") == "udfs"
    assert layer_of("xl_ar.core.newdomain.x") is None


def test_the_rules_catch_what_they_are_for():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert ALLOWED["core.metrics"] == {"core.base", "core.ledger", "core.position"}
    assert "core.metrics" not in ALLOWED["core.position"]
    assert "xlwings" not in set().union(*(ALLOWED[layer] for layer in CORE))
    assert "testing" not in set().union(*(ALLOWED[layer] for layer in LAYERS if layer != "testing"))


def test_every_module_has_one_home_in_the_table():
    homeless = [m for m in package_modules() if layer_of(m) is None]
    assert homeless == [], "add a row (or a pattern) to LAYERS in tests/test_architecture.py"
    assert set(ALLOWED) == set(LAYERS)


def test_imports_follow_the_allowed_table():
    found = forbidden_edges()
    assert not found, "forbidden imports:\n" + _report(found)


def test_no_private_name_is_imported_from_another_module():
    found = private_imports()
    assert not found, "private names imported across modules:\n" + _report(found)


def test_no_import_cycle():
    left = cycles(import_graph())
    assert left == [], "import cycles:\n" + _report(cycle_edges())


def test_the_package_never_imports_its_test_harness():
    found = harness_imports()
    assert not found, "xl_ar.testing imported from the package:\n" + _report(found)


def core_api_violations() -> dict[str, dict[str, str]]:
    """Layer -> module -> where it imports from a core sub-package instead of ``xl_ar.core``."""
    found: dict[str, dict[str, set[str]]] = {}
    for imp in all_imports()[0]:
        layer = layer_of(imp.importer)
        if layer is None or layer in CORE or layer_of(imp.module) not in CORE - {"core"}:
            continue
        found.setdefault(layer, {}).setdefault(imp.importer, set()).add(imp.module)
    return {
        layer: {module: ", ".join(sorted(targets)) for module, targets in modules.items()}
        for layer, modules in found.items()
    }


def test_outside_the_core_only_the_core_api_is_imported():
    """Code outside ``xl_ar/core`` imports core names from ``xl_ar.core`` only (the curated
    API with ``__all__``); tests may reach into the sub-packages."""
    found = core_api_violations()
    assert found == {}, "import from xl_ar.core instead:\n" + "\n".join(
        f"{module}: {targets}"
        for modules in found.values()
        for module, targets in sorted(modules.items())
    )


def test_the_core_api_lists_what_it_exports():
    import xl_ar.core as core

    assert sorted(core.__all__) == sorted(set(core.__all__))
    missing = [name for name in core.__all__ if not hasattr(core, name)]
    assert missing == []
    assert {"aging", "read_ledger", "customer_key", "reconcile", "schema"} <= set(core.__all__)


def test_core_source_never_imports_xlwings():
    offenders = []
    for path in sorted(CORE_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "xlwings"]
    assert offenders == []
    assert len(list(CORE_DIR.rglob("*.py"))) >= 10  # the walk saw the real core


def test_importing_the_whole_core_loads_no_xlwings():
    modules = sorted(
        ".".join(p.relative_to(CORE_DIR).with_suffix("").parts)
        for p in CORE_DIR.rglob("*.py")
        if p.stem != "__init__"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module('xl_ar.core.' + m)\n"
        "import xl_ar.cli, xl_ar.demo\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('xlwings', 'win32com'))\n"
        "print(len(sys.modules)); assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff not installed")
    done = subprocess.run(
        [ruff, "check", "--quiet", str(ROOT / "xl_ar"), str(ROOT / "tests"), str(ROOT / "bench")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_module_of_the_engine_and_its_edges_says_what_it_exports():
    """Each module of the core, the worksheet functions, the reports and the macros has an
    ``__all__`` naming only what it defines or imports."""
    missing, wrong = [], []
    for folder in ("core", "udfs", "reports", "macros"):
        for path in sorted((ROOT / "xl_ar" / folder).rglob("*.py")):
            if path.name in ("__init__.py", "__main__.py"):
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            exported = [
                node
                for node in tree.body
                if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            ]
            name = str(path.relative_to(ROOT))
            if not exported:
                missing.append(name)
                continue
            bound = (
                {getattr(node, "name", None) for node in tree.body if hasattr(node, "name")}
                | {
                    n.id
                    for node in tree.body
                    if isinstance(node, ast.Assign | ast.AnnAssign)
                    for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                    for n in ([t] if isinstance(t, ast.Name) else getattr(t, "elts", []))
                    if isinstance(n, ast.Name)
                }
                | {
                    (alias.asname or alias.name).split(".")[0]
                    for node in tree.body
                    if isinstance(node, ast.Import | ast.ImportFrom)
                    for alias in node.names
                }
            )
            names = ast.literal_eval(exported[0].value)
            wrong += [f"{name}: {n}" for n in names if n not in bound]
    assert missing == [], missing
    assert wrong == [], wrong
