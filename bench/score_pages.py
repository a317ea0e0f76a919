"""Accuracy on every annotated page: parse checks, figures P/R/F1 and named sources P/R/F1, by page type.

Pages: the fixtures the parser was built on (``tests/fixtures/*.gold.json``, type ``seen``) and the
layout-diverse set (``tests/fixtures/layouts/``, each with its ``page_type``).

Usage:
    .venv/bin/python bench/score_pages.py                 # tables by page and by page type
    .venv/bin/python bench/score_pages.py --json out.json # also write the per-page scores
    .venv/bin/python bench/score_pages.py --failures      # list each failed check
    .venv/bin/python bench/score_pages.py --record        # make these scores the floor tests/test_layouts.py keeps
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scoring import Score, score_page  # noqa: E402

import newsanalysis as na  # noqa: E402


def annotated_pages() -> list[tuple[str, str, Path, dict]]:
    """(name, page type, page file, gold) for every annotated page."""
    out = []
    fixtures = ROOT / "tests" / "fixtures"
    for gold_path in sorted(fixtures.glob("*.gold.json")) + sorted((fixtures / "layouts").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = gold_path.with_name(gold.get("page") or gold_path.name.replace(".gold.json", ".txt"))
        if not page.exists():
            page = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        out.append((page.stem, gold.get("page_type", "seen"), page, gold))
    return out


def score_one(path: Path, gold: dict) -> Score:
    """The score of one annotated page (a page that fails to parse scores nothing)."""
    try:
        page = na.load_page(path)
        return score_page(page, gold, na.extract_figures(page), na.sources(page))
    except na.NewsAnalysisError as exc:
        return Score(checks_total=1, failed_checks=[f"page: {exc}"],
                     fig_gold=sum(not f.get("optional") for a in gold["articles"] for f in a.get("figures", [])),
                     src_gold=sum(len(a.get("sources") or []) for a in gold["articles"]))


def score_all() -> dict[str, tuple[str, Score]]:
    return {name: (kind, score_one(path, gold)) for name, kind, path, gold in annotated_pages()}


def _row(label: str, s: Score) -> str:
    fp, fr, ff = s.figures
    sp, sr, sf = s.sources
    return (f"| {label} | {s.n_articles}/{s.n_gold_articles} | {s.checks:.2f} ({s.checks_passed}/{s.checks_total}) "
            f"| {fp:.2f} / {fr:.2f} / {ff:.2f} | {sp:.2f} / {sr:.2f} / {sf:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write per-page scores to this file")
    parser.add_argument("--failures", action="store_true", help="list the failed checks of each page")
    parser.add_argument("--record", action="store_true",
                        help="record these scores as the floor tests/test_layouts.py enforces")
    args = parser.parse_args()
    scores = score_all()
    header = ("| {} | articles | parse checks | figures P / R / F1 | sources P / R / F1 |\n"
              "| --- | --- | --- | --- | --- |")
    print(header.format("page"))
    by_type: dict[str, Score] = defaultdict(Score)
    for name, (kind, s) in scores.items():
        print(_row(f"{name} ({kind})", s))
        by_type[kind].add(s)
    print()
    print(header.format("page type"))
    unseen = Score()
    for kind in sorted(by_type):
        print(_row(kind, by_type[kind]))
        if kind != "seen":
            unseen.add(by_type[kind])
    print(_row("**all new layouts**", unseen))
    if args.failures:
        for name, (_, s) in scores.items():
            if s.failed_checks:
                print(f"{name}: " + "; ".join(s.failed_checks))
    if args.record:
        floor = {name: {"type": kind, "checks_passed": s.checks_passed, "figures_f1": round(s.figures[2], 6) - 1e-6,
                        "sources_f1": round(s.sources[2], 6) - 1e-6} for name, (kind, s) in sorted(scores.items())}
        (ROOT / "tests" / "fixtures" / "layouts" / "scores.json").write_text(
            json.dumps(floor, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps({name: {
            "type": kind, "checks_passed": s.checks_passed, "checks_total": s.checks_total,
            "fig_tp": s.fig_tp, "fig_pred": s.fig_pred, "fig_gold": s.fig_gold,
            "src_tp": s.src_tp, "src_pred": s.src_pred, "src_gold": s.src_gold,
            "failed": s.failed_checks} for name, (kind, s) in scores.items()}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
