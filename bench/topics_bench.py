"""Topics benchmark: ``stats.topics`` of a segmented page as a throughput ratio to bare ``jieba.lcut``.

Builds a corpus of at least ``--mb`` MB (default 0.5) by cycling through the fixture pages, then page by page:
``Counter(jieba.lcut(text))`` (the baseline); untimed, ``segment.segmented(page)`` and the terms of every body
paragraph (discovery and segmentation, which ``pipeline_bench.py`` times and the report's other tables share);
then ``stats.topics(segmented, random_state=0)`` timed. The package's page caches are forgotten before each page. Besides the ratio it prints the share of the topics' time spent in the NMF
iterations themselves (scikit-learn's coordinate-descent updates and the sparse products, ``_Fit.run``), the part
that no overhead work can take away.

Run: ``.venv/bin/python bench/topics_bench.py [--mb 0.5]``.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pages import fixture_pages, repeat_to_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=0.5, help="corpus size in MB (default 0.5)")
    args = parser.parse_args()

    import importlib

    import jieba

    import newsanalysis.segment.tokenizer  # noqa: F401  (registers its page caches)
    from newsanalysis.errors import NewsAnalysisError
    from newsanalysis.memo import forget_pages
    from newsanalysis.segment import segmented
    from newsanalysis.stats.terms import body_texts

    module = importlib.import_module("newsanalysis.stats.topics")  # the package re-exports the function's name
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    pages = fixture_pages()

    clock = time.perf_counter
    in_iterations = 0.0
    real_run = module._Fit.run

    def timed_run(fit, until=None):
        nonlocal in_iterations
        t0 = clock()
        try:
            return real_run(fit, until)
        finally:
            in_iterations += clock() - t0

    module._Fit.run = timed_run

    def fit(page):
        forget_pages()
        seg = segmented(page)
        for item in seg.items:
            for text in body_texts(item.article):
                seg.terms(item, text)
        t0 = clock()
        try:
            module.topics(seg, random_state=0)
        except NewsAnalysisError:  # too few paragraphs: timed all the same, as analyse_page meets it
            pass
        return clock() - t0

    for _, page, _ in pages[:3]:  # warm-up: imports, jieba, scikit-learn
        jieba.lcut(page.text)
        fit(page)
    corpus = repeat_to_size(pages, int(args.mb * 1_000_000))
    gc.collect()
    gc.freeze()
    base_total = topics_total = in_iterations = 0.0
    for _, page, _ in corpus:
        t0 = clock()
        Counter(jieba.lcut(page.text))
        base_total += clock() - t0
        topics_total += fit(page)
    mb = sum(entry[2] for entry in corpus) / 1e6
    print(f"corpus: {len(corpus)} pages ({len(pages)} distinct fixture pages), {mb:.2f} MB")
    print(f"baseline Counter(jieba.lcut(text)): {base_total:.2f} s; topics: {topics_total:.2f} s "
          f"({1e3 * topics_total / len(corpus):.1f} ms a page)")
    print(f"topics throughput vs bare jieba.lcut: {base_total / topics_total:.3f}x; "
          f"NMF iterations {in_iterations / topics_total:.0%} of the topics' time")


if __name__ == "__main__":
    main()
