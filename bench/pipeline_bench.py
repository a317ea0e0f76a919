"""Pipeline benchmark: every analysis stage of a page as a throughput ratio to bare ``jieba.lcut``.

Builds its own corpus of at least ``--mb`` MB (default 20; the UTF-8 size of the page files) by cycling through
the fixture pages (``tests/fixtures/*.txt`` and ``tests/fixtures/layouts/*.txt``), then times, page by page and
interleaved so every stage sees the same machine load:

* baseline: ``Counter(jieba.lcut(text))``, ``text`` being the page's file text (jieba's global dictionary, HMM on);
* segmentation: ``Counter(get_tokenizer().terms(text))`` (the configured dictionaries, number guard, stopwords;
  no discovery): the segmentation engine on its own;
* parse: ``load_page`` (read, detect the encoding, parse);
* new-word discovery: ``segment.segmented(page)`` (discovery and the page's tokenizer);
* term frequencies: ``stats.term_frequencies(page)`` (discovery included);
* figures: ``figures.extract_figures(page)``;
* sources: ``quotes.source_table(quotes.extract_quotes(page))``;
* whole: parse + terms + figures + sources, as ``newsanalysis terms``/``figures``/``sources`` would run them;
* report analysis: ``report.analysis.analyse_page(page)`` (adds topics, keywords, entities, distinctive terms).

A real archive has different text on every page, so everything the package remembers of earlier text (the
per-page tokenizers, folded lines and the other caches of ``newsanalysis.memo``) is forgotten before every stage
(copies 2..N of a fixture would otherwise get it for free); within a stage, and across the stages of "whole", a
page reuses what it computed itself. Each ratio is the
baseline's total time divided by the stage's total time (above 1: faster than bare jieba). Peak memory is the
process's peak resident set size after the warm-up and at the end (flat when nothing grows per page).

Every stage runs once per segmentation engine of ``--engines`` (default ``rjieba,jieba``: the engine behind the
tokenizer, then jieba itself, the state before it), chosen through ``NEWSANALYSIS_SEGMENTER`` page by page, so
the table shows both side by side; the engines take turns going first (a stage run again on the same page finds
some caches warm). Parse does not segment; it is timed once. What the jieba-rs engines remember of HMM runs is
forgotten before every stage too.

Run: ``.venv/bin/python bench/pipeline_bench.py [--mb 20] [--stages parse,terms,...] [--engines rjieba,jieba]``.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pages import fixture_pages, repeat_to_size  # noqa: E402


def _forget_pages() -> None:
    import newsanalysis.segment.tokenizer  # noqa: F401  (registers its page caches)
    from newsanalysis.memo import forget_pages

    forget_pages()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _stages():
    from newsanalysis.figures import extract_figures
    from newsanalysis.parse.page import load_page
    from newsanalysis.quotes import extract_quotes, source_table
    from newsanalysis.report.analysis import analyse_page
    from newsanalysis.segment import get_tokenizer, segmented
    from newsanalysis.stats.terms import term_frequencies

    def whole(path, page):
        page = load_page(path)
        term_frequencies(page)
        extract_figures(page)
        source_table(extract_quotes(page))

    return {
        "segmentation (tokenizer.terms)": lambda path, page: Counter(get_tokenizer().terms(page.text)),
        "parse (load_page)": lambda path, page: load_page(path),
        "new-word discovery": lambda path, page: segmented(page),
        "term frequencies (with discovery)": lambda path, page: term_frequencies(page),
        "figures": lambda path, page: extract_figures(page),
        "sources (quotes included)": lambda path, page: source_table(extract_quotes(page)),
        "parse + terms + figures + sources": whole,
        "report analysis (analyse_page)": lambda path, page: analyse_page(page),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20; smaller for a quick run)")
    parser.add_argument("--stages", default="", help="comma-separated stage name prefixes to run (default all)")
    parser.add_argument("--engines", default="rjieba,jieba",
                        help="segmentation engines to time each stage with (default rjieba,jieba)")
    args = parser.parse_args()
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]

    import jieba


    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    pages = fixture_pages()
    stages = _stages()
    wanted = [p.strip() for p in args.stages.split(",") if p.strip()]
    if wanted:
        stages = {n: f for n, f in stages.items() if any(n.startswith(w) for w in wanted)}
    runs = [(f"{name} [{engine}]" if not name.startswith("parse (") else name, engine, run)
            for name, run in stages.items() for engine in (engines if not name.startswith("parse (") else engines[:1])]
    for path, page, _ in pages[:3]:  # warm every stage (imports, jieba, jieba-rs, tag tables, sklearn)
        jieba.lcut(page.text)
        for _, engine, run in runs:
            os.environ["NEWSANALYSIS_SEGMENTER"] = engine
            _forget_pages()
            run(path, page)
    warm_peak = _peak_mb()

    corpus = repeat_to_size(pages, int(args.mb * 1_000_000))
    # a real run holds one page at a time; the benchmark holds thousands of parsed pages, which the collector
    # would otherwise walk again and again during every stage (about 10 % of the figures' time)
    gc.collect()
    gc.freeze()
    size = sum(entry[2] for entry in corpus)
    totals = dict.fromkeys((name for name, _, _ in runs), 0.0)
    base_total = 0.0
    clock = time.perf_counter
    by_stage: dict[str, list] = {}
    for entry in runs:
        by_stage.setdefault(entry[0].rsplit(" [", 1)[0], []).append(entry)
    for i, (path, page, _) in enumerate(corpus):
        t0 = clock()
        Counter(jieba.lcut(page.text))
        base_total += clock() - t0
        # engines take turns going first: a stage's second run of a page finds caches (quotes, parse) warm
        ordered = [e for group in by_stage.values() for e in (group if i % 2 == 0 else group[::-1])]
        for name, engine, run in ordered:
            os.environ["NEWSANALYSIS_SEGMENTER"] = engine
            _forget_pages()
            t0 = clock()
            run(path, page)
            totals[name] += clock() - t0

    mb = size / 1e6
    print(f"corpus: {len(corpus)} pages ({len(pages)} distinct fixture pages), {mb:.2f} MB; python {sys.version.split()[0]}")
    print(f"baseline Counter(jieba.lcut(text)): {base_total:.2f} s ({mb / base_total:.2f} MB/s)")
    print("| stage | seconds | throughput vs bare jieba.lcut |")
    print("| --- | --- | --- |")
    for name, t in totals.items():
        print(f"| {name} | {t:.2f} | {base_total / t:.3f}x |")
    print(f"peak memory (RSS): {warm_peak:.0f} MB after warm-up, {_peak_mb():.0f} MB at the end")


if __name__ == "__main__":
    main()
