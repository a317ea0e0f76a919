"""Segmentation benchmark: our term-frequency pipeline vs bare ``jieba.lcut`` + ``Counter``, side by side.

Builds a corpus of at least 5 MB from the sample page (the parsed page, repeated; the size counted is the UTF-8
size of the article bodies, which is what the baseline segments), then times in one run, page by page and
interleaved so every side sees the same machine load:

* baseline: ``Counter(jieba.lcut(body))`` per page, ``body`` being the page's paragraphs joined by newlines
  (jieba's global dictionary, HMM on);
* headline, ours: ``stats.term_frequencies(page)``, exactly what ``newsanalysis terms`` runs per page: new-word
  discovery over the page's headlines, captions and paragraphs, a per-page tokenizer with the discovered words,
  segmentation of every paragraph with the number guard and Traditional-Chinese matching, stopword, punctuation
  and number filtering, counting, ranking and the DataFrame. A real corpus has different new words on every
  page, so the per-page tokenizer is built afresh for every copy (the cache of per-analysis tokenizers is
  emptied before each page; otherwise copies 2..N of the same page would get it for free);
* secondary, ours plain: ``Counter(tokenizer.terms(body))`` with the configured tokenizer (no discovery,
  no DataFrame).

Run: ``.venv/bin/python bench/segment_bench.py [--mb 5] [--repeat 1]``. Prints both ratios ours / baseline.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "sample-page.txt"


def _forget_page_tokenizers() -> None:
    """Drop the cached per-analysis tokenizers (base configurations stay), as a new page would find them."""
    from newsanalysis.segment import tokenizer

    with tokenizer._LOCK:
        for key in [k for k in tokenizer._TOKENIZERS if k[1]]:
            del tokenizer._TOKENIZERS[key]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=1, help="best of this many timings per page")
    args = parser.parse_args()

    import jieba

    from newsanalysis.parse.page import load_page
    from newsanalysis.segment.tokenizer import get_tokenizer
    from newsanalysis.stats.terms import term_frequencies

    jieba.setLogLevel(logging.WARNING)
    page = load_page(SAMPLE)
    body = "\n".join(p for a in page.articles for p in a.paragraphs)
    page_bytes = len(body.encode("utf-8"))
    n_pages = -(-int(args.mb * 1_000_000) // page_bytes)
    jieba.initialize()
    tok = get_tokenizer()
    jieba.lcut(body)  # warm all three
    tok.terms(body)
    term_frequencies(page)

    base_t, full_t, plain_t = [0.0] * n_pages, [0.0] * n_pages, [0.0] * n_pages
    base, plain, n_rows = Counter(), Counter(), 0
    clock = time.perf_counter
    for r in range(args.repeat):
        for i in range(n_pages):
            _forget_page_tokenizers()
            t0 = clock()
            b = Counter(jieba.lcut(body))
            t1 = clock()
            frame = term_frequencies(page)
            t2 = clock()
            p = Counter(tok.terms(body))
            t3 = clock()
            for times, t in ((base_t, t1 - t0), (full_t, t2 - t1), (plain_t, t3 - t2)):
                times[i] = t if r == 0 else min(times[i], t)
            if r == 0:
                base.update(b)
                plain.update(p)
                n_rows += len(frame)

    b, f, p = sum(base_t), sum(full_t), sum(plain_t)
    mb = n_pages * page_bytes / 1e6
    print(f"corpus: {n_pages} copies of {SAMPLE.name}, {mb:.2f} MB of article text")
    print(f"baseline jieba.lcut + Counter: {b:.2f} s ({mb / b:.2f} MB/s), {len(base)} distinct tokens")
    print(f"ours stats.term_frequencies(page) (discovery, per-page tokenizer, DataFrame): {f:.2f} s "
          f"({mb / f:.2f} MB/s), {n_rows // n_pages} rows per page, new words {frame.attrs['new_words']}")
    print(f"ours tokenizer.terms + Counter (no discovery): {p:.2f} s ({mb / p:.2f} MB/s), {len(plain)} distinct terms")
    print(f"ratio term_frequencies/baseline: {f / b:.3f}")
    print(f"ratio plain tokenizer/baseline: {p / b:.3f}")


if __name__ == "__main__":
    main()
