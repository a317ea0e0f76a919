"""Segmentation benchmark: our term-frequency pipeline vs bare ``jieba.lcut`` + ``Counter``, side by side.

Builds a corpus of at least 5 MB from the sample page (its articles' paragraphs, repeated), then times in one run:

* baseline: ``Counter(jieba.lcut(doc))`` per document (jieba's global dictionary, HMM on);
* ours: ``Counter(tokenizer.terms(doc))`` per document (own jieba instance, news dictionary, number guard,
  Traditional-Chinese check, stopword/punctuation/number filtering);
* ours, full: the same plus new-word discovery on every page-sized document (reported separately).

Run: ``.venv/bin/python bench/segment_bench.py [--mb 5] [--repeat 1]``. Prints the ratio ours / baseline.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "sample-page.txt"


def build_corpus(min_bytes: int) -> list[str]:
    from newsanalysis.parse import load_page

    page = load_page(SAMPLE)
    doc = "\n".join(p for a in page.articles for p in a.paragraphs)
    docs, size = [], 0
    while size < min_bytes:
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--full", action="store_true", help="also time the pipeline with new-word discovery")
    args = parser.parse_args()

    import jieba

    from newsanalysis.newwords import discover_words
    from newsanalysis.segment import get_tokenizer

    jieba.setLogLevel(logging.WARNING)
    docs = build_corpus(int(args.mb * 1_000_000))
    n_bytes = sum(len(d.encode("utf-8")) for d in docs)
    jieba.initialize()
    tok = get_tokenizer()
    tok.terms(docs[0])  # warm both
    jieba.lcut(docs[0])

    # Interleaved per document, so both sides see the same machine load; best of --repeat per document.
    base_t, ours_t, full_t = [0.0] * len(docs), [0.0] * len(docs), [0.0] * len(docs)
    base, ours, full = Counter(), Counter(), Counter()
    clock = time.perf_counter
    for r in range(args.repeat):
        for i, d in enumerate(docs):
            t0 = clock()
            c = Counter(jieba.lcut(d))
            t1 = clock()
            o = Counter(tok.terms(d))
            t2 = clock()
            base_t[i] = t1 - t0 if r == 0 else min(base_t[i], t1 - t0)
            ours_t[i] = t2 - t1 if r == 0 else min(ours_t[i], t2 - t1)
            if r == 0:
                base.update(c)
                ours.update(o)
            if args.full:
                t0 = clock()
                found = discover_words(d, tokenizer=tok)
                f = Counter(tok.with_words(found["term"]).terms(d))
                full_t[i] = clock() - t0 if r == 0 else min(full_t[i], clock() - t0)
                if r == 0:
                    full.update(f)

    b, o = sum(base_t), sum(ours_t)
    print(f"corpus: {len(docs)} documents, {n_bytes / 1e6:.2f} MB (built from {SAMPLE.name})")
    print(f"baseline jieba.lcut + Counter: {b:.2f} s ({n_bytes / 1e6 / b:.2f} MB/s), {len(base)} distinct tokens")
    print(f"ours tokenizer.terms + Counter: {o:.2f} s ({n_bytes / 1e6 / o:.2f} MB/s), {len(ours)} distinct terms")
    print(f"ratio ours/baseline: {o / b:.3f}")
    if args.full:
        f = sum(full_t)
        print(f"ours with per-document new-word discovery: {f:.2f} s, ratio {f / b:.3f}")


if __name__ == "__main__":
    main()
