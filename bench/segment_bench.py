"""Segmentation benchmark: the tokenizer's engines and our term-frequency pipeline vs bare ``jieba.lcut``.

Builds a corpus of at least ``--mb`` MB (default 5) by cycling through the fixture pages
(``tests/fixtures/*.txt`` and ``tests/fixtures/layouts/*.txt``, parsed once; the size counted is the UTF-8 size
of the article bodies, which is what every side segments), then times in one run, page by page and
interleaved so every side sees the same machine load:

* baseline: ``Counter(jieba.lcut(body))`` per page, ``body`` being the page's paragraphs joined by newlines
  (jieba's global dictionary, HMM on);
* engine cut, per engine: ``tokenizer._engine.cut(body)``, the bare segmentation behind the tokenizer
  (the bundled dictionary; rjieba = jieba-rs with the bridges of :mod:`newsanalysis.segment.engine`);
* tokenizer terms, per engine: ``Counter(tokenizer.terms(body))`` with the configured tokenizer (number guard,
  Traditional-Chinese matching, stopword, punctuation and number filtering; no discovery, no DataFrame);
* tokenizer tag, per engine: ``tokenizer.tag(body)``, jieba.posseg's tags (the rjieba engine finds posseg's
  route with jieba-rs and runs posseg's HMM through an exact faster re-statement);
* clause tag, per engine: ``tokenizer.tag(clause)`` for every clause of the body (split at ``，；。！？：`` and
  line ends), the many short calls the figure readers make;
* term frequencies, per engine: ``stats.term_frequencies(page)``, exactly what ``newsanalysis terms`` runs per
  page: new-word discovery, the page's tokenizer with the discovered words, segmentation of every paragraph,
  counting, ranking and the DataFrame. A real corpus has different new words on every page, so the per-page
  tokenizers are forgotten before each page (copies 2..N of a fixture would otherwise get them for free).

Every side's tokens are checked equal between the engines. Each ratio is the baseline's total time divided by
the side's (above 1: faster than bare jieba).

Run: ``.venv/bin/python bench/segment_bench.py [--mb 5] [--engines rjieba,jieba]``.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pages import fixture_pages, repeat_to_size  # noqa: E402

_CLAUSE = re.compile(r"[^，,；;。！？!?：:\n]+")  # the stretches the figure readers tag, one call each


def _forget_pages() -> None:
    import newsanalysis.segment.tokenizer  # noqa: F401  (registers its page caches)
    from newsanalysis.memo import forget_pages

    forget_pages()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB of article text (default 5)")
    parser.add_argument("--engines", default="rjieba,jieba", help="engines to compare (default rjieba,jieba)")
    args = parser.parse_args()
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]

    import jieba

    from newsanalysis.segment.tokenizer import get_tokenizer
    from newsanalysis.stats.terms import term_frequencies

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    pages = []
    for _, page, _ in fixture_pages():
        body = "\n".join(p for a in page.articles for p in a.paragraphs)
        if body:
            pages.append((page, body, len(body.encode("utf-8"))))
    toks = {engine: get_tokenizer(engine=engine) for engine in engines}
    sides = {}
    for engine, tok in toks.items():
        sides[f"engine cut [{engine}]"] = lambda page, body, tok=tok: tok._engine.cut(body)
    for engine, tok in toks.items():
        sides[f"tokenizer terms [{engine}]"] = lambda page, body, tok=tok: Counter(tok.terms(body))
    for engine, tok in toks.items():
        sides[f"tokenizer tag [{engine}]"] = lambda page, body, tok=tok: tok.tag(body)
    for engine, tok in toks.items():
        sides[f"clause tag [{engine}]"] = lambda page, body, tok=tok: [tok.tag(c) for c in _CLAUSE.findall(body)]
    for engine, tok in toks.items():
        sides[f"term_frequencies(page) [{engine}]"] = (
            lambda page, body, tok=tok: term_frequencies(page, tokenizer=tok).values.tolist())
    for page, body, _ in pages[:3]:  # warm every side
        jieba.lcut(body)
        for run in sides.values():
            _forget_pages()
            run(page, body)

    corpus = repeat_to_size(pages, int(args.mb * 1_000_000))
    size = sum(entry[2] for entry in corpus)
    totals = dict.fromkeys(sides, 0.0)
    base_total = 0.0
    mismatches = Counter()
    clock = time.perf_counter
    groups: dict[str, list[str]] = {}
    for name in sides:
        groups.setdefault(name.rsplit(" [", 1)[0], []).append(name)
    for i, (page, body, _) in enumerate(corpus):
        t0 = clock()
        Counter(jieba.lcut(body))
        base_total += clock() - t0
        results = {}
        # the engines take turns going first, so neither finds what the other left warm
        for name in [n for group in groups.values() for n in (group if i % 2 == 0 else group[::-1])]:
            run = sides[name]
            _forget_pages()
            t0 = clock()
            results[name] = run(page, body)
            totals[name] += clock() - t0
        for name, result in results.items():  # every engine must give the first engine's result
            first = results[name.rsplit(" [", 1)[0] + f" [{engines[0]}]"]
            mismatches[name] += result != first

    mb = size / 1e6
    print(f"corpus: {len(corpus)} pages ({len(pages)} distinct fixture pages), {mb:.2f} MB of article text")
    print(f"baseline Counter(jieba.lcut(body)): {base_total:.2f} s ({mb / base_total:.2f} MB/s)")
    print("| side | seconds | throughput vs bare jieba.lcut | pages differing from the first engine |")
    print("| --- | --- | --- | --- |")
    for name, t in totals.items():
        print(f"| {name} | {t:.2f} | {base_total / t:.3f}x | {mismatches[name]} |")


if __name__ == "__main__":
    main()
