"""The engine's layers import one way: markup and diagnostics, then content, site, links, the engine, then the two
doors (the MkDocs hooks and the `seokb` command); only the MkDocs door imports MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from support.project import REPO

ENGINE = REPO / "hooks" / "seokb"
LAYERS = {
    "diagnostics": 0,
    "markup": 0,
    "content": 1,
    "site": 2,
    "links": 3,
    "engine": 4,
    "mkdocs": 5,
    "cli": 5,
    "scaffold": 5,
    "rename": 5,
    "review": 5,
}
GENERATORS = ("mkdocs", "material", "properdocs")


def imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def layer_problems(root: Path) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts == ("__init__",):
            continue
        own = parts[0]
        for line, module in imports(path):
            where = f"{path.relative_to(root.parent).as_posix()}:{line}"
            top = module.split(".")
            if top[0] == "seokb" and len(top) > 1 and LAYERS.get(top[1], 0) > LAYERS[own]:
                problems.append(f"{where}: {own}/ imports {module}, a layer above it")
            if top[0] in GENERATORS and own != "mkdocs":
                problems.append(f"{where}: {own}/ imports {module}; only seokb/mkdocs/ may import a generator")
    return problems


def test_every_module_of_the_engine_is_in_a_layer() -> None:
    tops = {path.relative_to(ENGINE).with_suffix("").parts[0] for path in ENGINE.rglob("*.py")}
    assert tops - {"__init__"} == set(LAYERS)


def test_imports_run_one_way_and_only_the_mkdocs_door_imports_mkdocs() -> None:
    assert layer_problems(ENGINE) == []


@pytest.mark.parametrize(
    "module, source, message",
    [
        (
            "content/x.py",
            "from seokb.links.check import check_links\n",
            "seokb/content/x.py:1: content/ imports seokb.links.check, a layer above it",
        ),
        ("site/x.py", "import seokb.engine.build\n", "seokb/site/x.py:1: site/ imports seokb.engine.build, a layer above it"),
        (
            "engine/x.py",
            "from mkdocs.structure.files import File\n",
            "seokb/engine/x.py:1: engine/ imports mkdocs.structure.files; only seokb/mkdocs/ may import a generator",
        ),
    ],
)
def test_an_import_up_the_layers_is_caught(tmp_path: Path, module: str, source: str, message: str) -> None:
    root = tmp_path / "seokb"
    (root / module).parent.mkdir(parents=True)
    (root / module).write_text(source, encoding="utf-8")
    assert layer_problems(root) == [message]
