"""Scoring a parsed page against its gold annotation: parse checks, figures P/R/F1 and named sources P/R/F1.

Used by ``tests/test_layouts.py`` (a ratchet: no page may score lower than recorded) and by
``bench/score_pages.py`` (the tables by page type). Gold articles are aligned to parsed articles one to one (same
title, else same opening words, else same position), so one missed article costs its own checks, not every
article after it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

# gold kind -> our kinds it accepts (the gold's coarser labels)
# ages are durations in the gold (shared/practice/README.md: "Ages are durations with unit 岁 or 周岁"); the unit
# must match too, so only ages are affected
GOLD_KINDS = {"date": {"date", "year", "time"}, "ratio": {"ratio", "fraction"}, "duration": {"duration", "age"}}
FIELDS = ["kicker", "title", "subtitle", "column", "reporters", "photographers", "dateline", "subheads", "captions"]


def kind_ok(gold_kind: str, kind: str) -> bool:
    return kind in GOLD_KINDS.get(gold_kind, {gold_kind})


def figure_matches(gold: dict, row: dict) -> bool:
    """Value, unit and kind of a found figure agree with the gold one."""
    v = gold["value"]
    try:
        if isinstance(v, list) and v and isinstance(v[0], str):
            ok = row["iso"] == "/".join(v)
        elif isinstance(v, list):
            ok = math.isclose(row["low"], v[0]) and math.isclose(row["high"], v[1])  # ranges and scores
        elif isinstance(v, str):
            ok = row["iso"] == v
        elif v is None:
            ok = True
        else:
            ok = math.isclose(row["value"], v, rel_tol=1e-9)
    except (TypeError, ValueError):
        ok = False
    return bool(ok) and row["unit"] == gold["unit"] and kind_ok(gold["kind"], row["kind"])


@dataclass
class Score:
    checks_passed: int = 0
    checks_total: int = 0
    failed_checks: list[str] = field(default_factory=list)
    fig_tp: int = 0
    fig_pred: int = 0
    fig_gold: int = 0
    src_tp: int = 0
    src_pred: int = 0
    src_gold: int = 0
    n_articles: int = 0
    n_gold_articles: int = 0

    def add(self, other: "Score") -> "Score":
        for name in ("checks_passed", "checks_total", "fig_tp", "fig_pred", "fig_gold", "src_tp", "src_pred",
                     "src_gold", "n_articles", "n_gold_articles"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failed_checks += other.failed_checks
        return self

    @staticmethod
    def _f1(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 1.0
        r = tp / gold if gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def checks(self) -> float:
        return self.checks_passed / self.checks_total if self.checks_total else 1.0

    @property
    def figures(self) -> tuple[float, float, float]:
        return self._f1(self.fig_tp, self.fig_pred, self.fig_gold)

    @property
    def sources(self) -> tuple[float, float, float]:
        return self._f1(self.src_tp, self.src_pred, self.src_gold)


def align(parsed_articles: list, gold_articles: list[dict]) -> dict[int, int]:
    """gold index -> parsed index, one to one."""
    used: set[int] = set()
    out: dict[int, int] = {}

    def first(a) -> str:
        return a.paragraphs[0] if a.paragraphs else ""

    for strategy in ("title", "prefix", "position"):
        for gi, g in enumerate(gold_articles):
            if gi in out:
                continue
            for pi, a in enumerate(parsed_articles):
                if pi in used:
                    continue
                if strategy == "title":
                    hit = g.get("title") and a.title == g["title"]
                elif strategy == "prefix":
                    hit = g.get("first_paragraph_prefix") and first(a).startswith(g["first_paragraph_prefix"])
                else:
                    hit = pi == gi
                if hit:
                    out[gi] = pi
                    used.add(pi)
                    break
    return out


def _article_checks(art, gold: dict) -> list[tuple[str, bool]]:
    ambiguous = set(gold.get("ambiguous") or {})
    checks = [(f, getattr(art, f) == gold[f]) for f in FIELDS if f not in ambiguous and f in gold]
    if not {"paragraph_count", "first_paragraph_prefix", "last_paragraph_suffix"} & ambiguous:
        ok = (len(art.paragraphs) == gold["paragraph_count"] and bool(art.paragraphs)
              and art.paragraphs[0].startswith(gold["first_paragraph_prefix"])
              and art.paragraphs[-1].endswith(gold["last_paragraph_suffix"]))
        checks.append(("paragraphs", ok))
    joins_ok = all(any(t + h in p for p in art.paragraphs) for t, h in gold.get("joins", []))
    checks.append(("repairs", joins_ok and art.repairs.duplicates_removed == gold.get("duplicates_removed", 0)))
    extras = True
    if "editors_note" not in ambiguous:
        extras &= art.editors_note == gold.get("editors_note")
    if "jump" not in ambiguous:
        extras &= art.jump == gold.get("jump")
    interview = gold.get("interview")
    questions = [t for t in art.qa_turns if t.speaker in ("记者", "问", "主持人")]
    extras &= len(questions) == (interview["n_questions"] if interview else 0)
    checks.append(("extras", extras))
    return checks


def _figure_score(rows: list[dict], gold_figures: list[dict]) -> tuple[int, int, int]:
    """(true positives, predictions that count, required gold figures): in-order matching by text."""
    texts = [r["text"] for r in rows]
    position, matched, optional_hits, tp = 0, set(), 0, 0
    for figure in gold_figures:
        found = next((k for k in range(position, len(rows)) if texts[k] == figure["text"] and k not in matched),
                     None)
        if found is None:
            continue
        matched.add(found)
        position = found + 1
        if figure.get("optional"):
            optional_hits += 1
        elif figure_matches(figure, rows[found]):
            tp += 1
    required = sum(not f.get("optional") for f in gold_figures)
    return tp, len(rows) - optional_hits, required


def score_page(page, gold: dict, figures, sources) -> Score:
    """Score one parsed page; ``figures`` and ``sources`` are its ``extract_figures`` / ``sources`` tables."""
    total = Score(n_articles=len(page.articles), n_gold_articles=len(gold["articles"]))
    mapping = align(page.articles, gold["articles"])
    # some pages were annotated for layout only: no figures or sources to score there
    has_figures = any("figures" in a for a in gold["articles"])
    has_sources = any("sources" in a for a in gold["articles"])
    fig_rows = figures.to_dict("records") if has_figures else []
    src_rows = [r for r in sources.to_dict("records") if r["speaker"]] if has_sources else []
    for gi, g in enumerate(gold["articles"]):
        pi = mapping.get(gi)
        gold_sources = {s["speaker"] for s in g.get("sources") or []}
        required = sum(not f.get("optional") for f in g.get("figures", []))
        if pi is None:
            n = len(FIELDS) + 3
            total.checks_total += n
            total.failed_checks.append(f"{g['id']}: no article")
            total.fig_gold += required
            total.src_gold += len(gold_sources)
            continue
        art = page.articles[pi]
        for name, ok in _article_checks(art, g):
            total.checks_total += 1
            total.checks_passed += ok
            if not ok:
                total.failed_checks.append(f"{g['id']}: {name}")
        tp, pred, req = _figure_score([r for r in fig_rows if r["article"] == pi], g.get("figures", []))
        total.fig_tp += tp
        total.fig_pred += pred
        total.fig_gold += req
        got = {r["speaker"] for r in src_rows if r["article"] == pi}
        total.src_tp += len(got & gold_sources)
        total.src_pred += len(got)
        total.src_gold += len(gold_sources)
    # figures and sources of parsed articles no gold article maps to are false positives
    for pi in set(range(len(page.articles))) - set(mapping.values()):
        total.fig_pred += sum(r["article"] == pi for r in fig_rows)
        total.src_pred += sum(r["article"] == pi for r in src_rows)
    # the article count is a check of its own
    total.checks_total += 1
    total.checks_passed += len(page.articles) == len(gold["articles"])
    if len(page.articles) != len(gold["articles"]):
        total.failed_checks.append(f"articles: {len(page.articles)} instead of {len(gold['articles'])}")
    return total
