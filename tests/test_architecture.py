"""The house: stage packages that import only from earlier stages, no import cycles (counting imports inside
functions too, so none is hidden there to dodge one), a silent and fast top-level import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newsanalysis"
# the data flow: a module may import from its own stage and from earlier ones only
STAGES = {"errors": 0, "config": 0, "memo": 0, "normalize": 0, "frames": 0, "io": 1, "parse": 2, "segment": 3, "figures": 4, "quotes": 4,
          "stats": 5, "charts": 6, "report": 7, "corpus": 8, "explore": 9,
          "cli": 10}


def _module_name(path: Path) -> str:
    parts = ["newsanalysis", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py") if "notebooks" not in p.parts}


def _imports(name: str, path: Path) -> list[tuple[str, int]]:
    """(imported newsanalysis module, line) for every import in the file, inside functions too."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names if a.name.startswith("newsanalysis")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsanalysis"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.append((sub if sub in MODULES else node.module, node.lineno))
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{name}:{node.lineno}: relative import; the project uses absolute imports")
    return out


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for name, path in MODULES.items():
        graph.add_node(name)
        for target, line in _imports(name, path):
            if target != "newsanalysis":  # the lazy top-level package re-exports; nothing imports through it
                graph.add_edge(name, target, line=line)
    return graph


def test_every_module_belongs_to_a_stage():
    assert {_stage(m) for m in MODULES} - {"__init__"} <= set(STAGES)


def test_no_module_imports_from_a_later_stage():
    wrong = [f"{a} (line {d['line']}) imports {b}" for a, b, d in _graph().edges(data=True)
             if _stage(a) != "__init__" and STAGES[_stage(b)] > STAGES[_stage(a)]]
    assert wrong == []


def test_no_import_cycles_even_through_function_level_imports():
    graph = _graph()
    # a package's __init__ re-exports its modules: that edge is not a dependency of theirs
    for a, b in list(graph.edges):
        if b.startswith(a + "."):
            graph.remove_edge(a, b)
    assert list(nx.simple_cycles(graph)) == []


@pytest.mark.parametrize("name", ["errors", "config", "memo", "normalize", "io"])
def test_the_bottom_stages_import_no_heavy_libraries(name):
    code = (f"import sys, newsanalysis.{name}; "
            "print(sorted(m for m in ('jieba', 'pandas', 'matplotlib', 'papermill') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.stdout, done.stderr) == ("[]\n", "")


def test_top_level_import_is_silent_and_light():
    code = ("import sys, newsanalysis as na; "
            "print(sorted(m for m in ('jieba', 'pandas', 'matplotlib', 'papermill') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "[]\n", "")


def test_the_public_api_is_documented_with_its_columns():
    import newsanalysis as na

    for name in ["load_page", "parse_page", "read_page", "extract_figures", "extract_quotes", "sources",
                 "term_frequencies", "keywords", "distinctive_terms", "entities", "topics", "kwic", "analyse_page",
                 "render_reports"]:
        function = getattr(na, name)
        assert function.__doc__ and len(function.__doc__) > 40, name
