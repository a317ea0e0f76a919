"""Snapshot the parse and the term, figure, quote and source tables of every fixture page, then check a later run is identical.

Pages: ``tests/fixtures/**/*.txt``, ``data/raw/*.txt``, ``../shared/seed/*.txt`` and ``../shared/practice/*.txt``
(read with ``read_page`` and ``parse_page``), plus every sentence of ``tests/fixtures/figures_news.jsonl`` and
every peer case of ``bench/peer/*.jsonl`` as plain strings. A snapshot also keeps the output of
``bench/score_pages.py --json`` and ``bench/score_figures.py --no-peers`` so the accuracy numbers are compared too.

Usage:
    .venv/bin/python bench/compare_tables.py --save /tmp/tables_before      # before a change
    .venv/bin/python bench/compare_tables.py --check /tmp/tables_before     # after it: exit 1 on any difference
    .venv/bin/python bench/compare_tables.py --check /tmp/tables_before --no-scores   # tables only (faster)
    .venv/bin/python bench/compare_tables.py --src /tmp/old/src --save /tmp/base  # a snapshot of another tree

A column the snapshot lacks is accepted when it is empty (None or "") on every row: a new column for rare
cases (``note`` of the figures table) must leave the tables of ordinary pages as they were.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# --src DIR: read the package from another source tree (an older copy, for a snapshot of it)
SRC = Path(sys.argv[sys.argv.index("--src") + 1]) if "--src" in sys.argv[:-1] else ROOT / "src"
sys.path.insert(0, str(SRC))

import pandas as pd

import newsanalysis as na
from newsanalysis.io import read_page
from newsanalysis.parse import parse_page


def page_files() -> list[Path]:
    """Every fixture page file, in a stable order."""
    shared = ROOT.parent / "shared"
    files = sorted((ROOT / "tests" / "fixtures").rglob("*.txt")) + sorted((ROOT / "data" / "raw").glob("*.txt"))
    files += sorted((shared / "seed").glob("*.txt")) + sorted((shared / "practice").glob("*.txt"))
    return files


def sentences() -> list[str]:
    """The plain-string cases: the figures_news sentences and the peer benchmark inputs."""
    out = []
    news = ROOT / "tests" / "fixtures" / "figures_news.jsonl"
    for line in news.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line)["sentence"])
    for path in sorted((ROOT / "bench" / "peer").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                if isinstance(case.get("input"), str):
                    out.append(case["input"])
    return out


def tables() -> dict[str, pd.DataFrame]:
    """name -> table, for every page and sentence."""
    out: dict[str, pd.DataFrame] = {}
    for path in page_files():
        name = str(path.relative_to(ROOT.parent))
        page = parse_page(read_page(path))
        # the parse in full (articles, ledger, warnings, repairs: the dataclasses' repr holds every field)
        out[f"{name}:page"] = pd.DataFrame({"repr": [repr(page)]})
        out[f"{name}:terms"] = na.term_frequencies(page)
        out[f"{name}:figures"] = na.extract_figures(page)
        out[f"{name}:figures+headlines"] = na.extract_figures(page, include_headlines=True)
        out[f"{name}:quotes"] = na.extract_quotes(page)
        out[f"{name}:sources"] = na.sources(page)
    for i, text in enumerate(sentences()):
        out[f"sentence {i}:figures"] = na.extract_figures(text)
        out[f"sentence {i}:quotes"] = na.extract_quotes(text)
    return out


def scores() -> dict[str, str]:
    """The accuracy scripts' outputs."""
    py = sys.executable
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    with_json = ROOT / "build" / "compare_tables_scores.json"
    with_json.parent.mkdir(exist_ok=True)
    subprocess.run([py, str(ROOT / "bench" / "score_pages.py"), "--json", str(with_json)], check=True,
                   capture_output=True, cwd=ROOT, env=env)
    figures = subprocess.run([py, str(ROOT / "bench" / "score_figures.py"), "--no-peers"], check=True,
                             capture_output=True, text=True, cwd=ROOT, env=env).stdout
    return {"score_pages.json": with_json.read_text(encoding="utf-8"), "score_figures.txt": figures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write a snapshot to this folder")
    group.add_argument("--check", type=Path, help="compare with the snapshot in this folder")
    parser.add_argument("--no-scores", action="store_true", help="skip the accuracy scripts")
    parser.add_argument("--src", type=Path, help="the source tree to import newsanalysis from")
    args = parser.parse_args()
    now = tables()
    now_scores = {} if args.no_scores else scores()
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        (args.save / "tables.pkl").write_bytes(pickle.dumps(now))
        for name, text in now_scores.items():
            (args.save / name).write_text(text, encoding="utf-8")
        print(f"saved {len(now)} tables ({sum(len(t) for t in now.values())} rows) to {args.save}")
        return 0
    before: dict[str, pd.DataFrame] = pickle.loads((args.check / "tables.pkl").read_bytes())
    differences = []
    for name in sorted(set(before) | set(now)):
        if name not in before or name not in now:
            differences.append(f"{name}: only in {'the snapshot' if name in before else 'this run'}")
            continue
        table, extra = now[name], [c for c in now[name].columns if c not in before[name].columns]
        full = [c for c in extra if (table[c].notna() & (table[c] != "")).any()]
        if full:
            differences.append(f"{name}: new column(s) {full} not empty")
        try:
            pd.testing.assert_frame_equal(before[name], table.drop(columns=extra))
        except AssertionError as exc:
            differences.append(f"{name}: {str(exc).splitlines()[0]}")
    for name, text in now_scores.items():
        saved = args.check / name
        if saved.exists() and saved.read_text(encoding="utf-8") != text:
            differences.append(f"{name}: differs from the snapshot")
    for line in differences:
        print(line)
    print(f"{len(now)} tables compared, {len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
