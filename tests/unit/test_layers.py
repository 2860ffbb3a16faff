"""DESIGN.md's import rule: domain imports only itself; services reach adapters never; only bootstrap wires."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "stichat"
FORBIDDEN_IN_DOMAIN = {"fastapi", "starlette", "redis", "httpx", "openai", "logging", "sqlite3", "time",
                       "random", "secrets", "os", "pathlib", "asyncio", "PIL", "uvicorn"}
#: The wall clock, read through `datetime` rather than imported: time comes into the domain as an argument.
CLOCK_CALLS = ("datetime.now(", "datetime.utcnow(", "date.today(")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_domain_imports_nothing_of_ours_but_itself_and_no_io() -> None:
    for path in (SRC / "domain").rglob("*.py"):
        for name in imports_of(path):
            top = name.split(".")[0]
            assert top not in FORBIDDEN_IN_DOMAIN, f"{path.name} imports {name}"
            if top == "stichat":
                assert name.startswith("stichat.domain"), f"{path.name} imports {name}"
        text = path.read_text()
        assert not any(call in text for call in CLOCK_CALLS), f"{path.name} reads the wall clock"


def test_services_never_import_adapters_or_the_web() -> None:
    for path in (SRC / "services").glob("*.py"):
        for name in imports_of(path):
            assert not name.startswith(("stichat.adapters", "stichat.web", "stichat.bootstrap")), (path.name, name)


def test_operations_never_import_the_commands_the_web_or_adapters() -> None:
    # ops/ is what the commands do; the commands (cli/) call it, never the other way round.
    for path in (SRC / "ops").glob("*.py"):
        for name in imports_of(path):
            assert not name.startswith(("stichat.cli", "stichat.web", "stichat.adapters")), (path.name, name)


def test_only_bootstrap_imports_adapters() -> None:
    for path in SRC.rglob("*.py"):
        if "adapters" in path.parts or path.name in {"bootstrap.py", "bootstrap_ops.py"}:  # the composition root
            continue
        for name in imports_of(path):
            assert not name.startswith("stichat.adapters"), f"{path.relative_to(SRC)} imports {name}"


def test_only_config_reads_the_environment() -> None:
    for path in SRC.rglob("*.py"):
        if path.name == "config.py":
            continue
        text = path.read_text()
        assert "os.environ" not in text and "getenv(" not in text, path.relative_to(SRC)
