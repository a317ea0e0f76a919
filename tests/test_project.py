"""The project's own promises: environment.yml mirrors pyproject, the README shows the two commands."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_runtime_dependencies_of_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    listed: set[str] = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            listed |= {_name(r) for r in dep["pip"] if not r.startswith("-")}
        else:
            listed.add(_name(dep.split("=")[0] if "=" in dep and ">" not in dep else dep))
    # conda-forge splits dask[distributed] into dask + distributed
    listed.discard("distributed")
    assert runtime <= listed, f"missing from environment.yml: {sorted(runtime - listed)}"
    assert listed - {"python", "pip"} <= runtime, f"not in pyproject: {sorted(listed - runtime - {'python', 'pip'})}"
    assert any(isinstance(d, dict) and "-e ." in d["pip"] for d in env["dependencies"])


def test_required_dependencies_are_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    assert {"jupyterlab", "pandas", "matplotlib", "jieba", "wordcloud", "papermill"} <= runtime


def test_readme_quick_start_is_the_two_make_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make report" in readme and "make test" in readme
    assert readme.index("make report") < readme.index("make test")


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_sample_page_is_bundled():
    assert (ROOT / "data" / "raw" / "sample-page.txt").read_bytes() == (
        ROOT / "tests" / "fixtures" / "sample-page.txt"
    ).read_bytes()
