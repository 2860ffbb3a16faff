"""The package has no import circle, and every module imports on its own."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "stichat"


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))
           if "migrations" not in path.parts}  # Alembic loads those itself, with its own context


def _type_checking_only(node: ast.If) -> bool:
    return "TYPE_CHECKING" in ast.unparse(node.test)


def imported_modules(name: str, path: Path) -> set[str]:
    """Our modules that `name` imports anywhere (inside functions too: a late import is still a circle),
    except under `if TYPE_CHECKING:`, which never runs. A submodule's package `__init__` does not count:
    importing `a.b` runs `a/__init__` but reads no name from it."""
    tree = ast.parse(path.read_text())
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from stichat import bootstrap`
        pending.extend(ast.iter_child_nodes(node))
    return {m for m in found if m in MODULES and m != name}


def circles() -> list[list[str]]:
    """Every set of modules that import one another round in a circle (Tarjan's strongly connected parts)."""
    graph = {name: imported_modules(name, path) for name, path in MODULES.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            part = [stack.pop()]
            while part[-1] != node:
                part.append(stack.pop())
            if len(part) > 1:
                found.append(sorted(part))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return found


def test_no_module_imports_itself_back_through_others() -> None:
    assert circles() == []


def test_the_walk_sees_a_late_import_back_into_the_cli() -> None:
    # The shape this test exists for: an operations module reaching back into the command for its settings.
    names = imported_modules("stichat.cli.digest", MODULES["stichat.cli.digest"])
    assert "stichat.cli.settings" in names and "stichat.cli" not in names


def test_every_module_imports_on_its_own() -> None:
    # `python -m stichat` runs the command when imported, so `__main__` is left out. One fresh interpreter:
    # before each module, every stichat module loaded so far is forgotten, so each import starts from
    # nothing of ours (third-party modules stay loaded: they are not under test).
    script = (
        "import importlib, sys\n"
        f"for name in {sorted(m for m in MODULES if not m.endswith('__main__'))!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'stichat' or m.startswith('stichat.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as exc:\n"
        "        print(f'{name}: {type(exc).__name__}: {exc}')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


#: Modules allowed past 400 lines for now, each with the reason; the list may only shrink.
LONG_FOR_NOW: dict[str, str] = {}


def test_no_module_is_longer_than_400_lines() -> None:
    long = {name for name, path in MODULES.items()
            if len(path.read_text().splitlines()) > 400}
    assert long - set(LONG_FOR_NOW) == set()
    assert set(LONG_FOR_NOW) <= long, "a module on the list is short now: take it off"
