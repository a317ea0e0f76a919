"""Corpus benchmark: ``corpus.build_corpus`` on 1 and 2 local worker processes vs bare ``jieba.lcut``, side by side.

Generates a dated archive of at least ``--mb`` MB (default 20) from the fixture pages (``tests/fixtures/*.txt``,
copied under dated names ``YYYY-MM-DD_A0N.txt``, eight pages a day from 2025-01-01), then in one run:

* builds it with the ``processes`` scheduler and 1 worker, then with 2 workers (each into a fresh folder, each run
  in its own child process so its peak memory is its own: ``os.wait4`` gives the largest resident set of that
  child and its workers);
* segments the same page texts with bare ``jieba.lcut`` in one process (the floor: no parsing, no figures, no
  quotes, no Parquet);
* builds an archive a quarter the size with 2 workers, for peak memory as the archive grows 4x;
* times bare ``jieba.lcut`` over the pages in one process and in two (half the pages each) at once: the
  machine's own ceiling for two CPU-bound processes, to read the build's scaling against;
* runs ``corpus.term_trends`` over the 2-worker archive and reads its terms Parquet once with pyarrow (medians
  of 5, after one warm-up run of each).

Prints pages/s and MB/s, the 2-vs-1 scaling ratio, the ratio to jieba, peak memory and the query ratio. No
thresholds: the numbers are for reading. Run: ``.venv/bin/python bench/corpus_bench.py [--mb 20]``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def generate(folder: Path, mb: float) -> tuple[int, int]:
    """Write dated copies of the fixture pages until ``mb`` MB; returns (pages, bytes)."""
    sources = [p.read_bytes() for p in sorted(FIXTURES.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    n_pages = n_bytes = 0
    day = datetime.date(2025, 1, 1)
    while n_bytes < mb * 1e6:
        data = sources[n_pages % len(sources)]
        date = day + datetime.timedelta(days=n_pages // 8)
        (folder / f"{date.isoformat()}_A{n_pages % 8 + 1:02d}.txt").write_bytes(data)
        n_pages += 1
        n_bytes += len(data)
    return n_pages, n_bytes


def _child(args: list[str]) -> tuple[dict, int]:
    """Run this script with ``args`` in a child process; its JSON result and peak RSS in bytes (with its workers)."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"child {args} failed with exit code {proc.returncode}")
    return json.loads(out.strip().splitlines()[-1]), usage.ru_maxrss * 1024


def run_build(pages: str, out: str, workers: int, partition_size: int) -> None:
    from newsanalysis.corpus import build_corpus

    started = time.perf_counter()
    summary = build_corpus([f"{pages}/*.txt"], out, scheduler="processes", n_workers=workers,
                           partition_size=partition_size)
    print(json.dumps({"seconds": time.perf_counter() - started, "pages": summary.n_built,
                      "failed": summary.n_failed, "bytes": summary.n_bytes}))


def _machine_ceiling(pages: str) -> float:
    """How much faster two processes of pure CPU-bound Python (bare ``jieba.lcut``, each on half of the pages, at
    the same time) get through the pages than one: what this machine's two cores give at best, the yardstick for
    the build's scaling. Each child times its own cutting (its start-up and dictionary load left out)."""
    def seconds(commands: list[list[str]]) -> float:
        procs = [subprocess.Popen([sys.executable, __file__, "--child", *c], stdout=subprocess.PIPE, text=True)
                 for c in commands]
        return max(json.loads(proc.communicate()[0].strip().splitlines()[-1])["seconds"] for proc in procs)

    return seconds([["jieba", pages, "0", "1"]]) / seconds([["jieba", pages, "0", "2"], ["jieba", pages, "1", "2"]])


def run_jieba(pages: str, part: str = "0", parts: str = "1") -> None:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    from newsanalysis.io import read_page

    files = sorted(Path(pages).glob("*.txt"))[int(part)::int(parts)]
    texts = [read_page(p).text for p in files]  # decoded as the build decodes them
    jieba.lcut("预热")  # the dictionary loads once, outside the timing
    started = time.perf_counter()
    n_tokens = sum(len(jieba.lcut(text)) for text in texts)
    print(json.dumps({"seconds": time.perf_counter() - started, "pages": len(texts), "tokens": n_tokens,
                      "bytes": sum(len(t.encode("utf-8")) for t in texts)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="archive size in MB (default 20)")
    parser.add_argument("--partition-size", type=int, default=8, help="pages per partition (default 8)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        return run_jieba(*rest) if kind == "jieba" else run_build(rest[0], rest[1], int(rest[2]), int(rest[3]))
    tmp = Path(tempfile.mkdtemp(prefix="corpus-bench-"))
    try:
        n_pages, n_bytes = generate(tmp / "pages", args.mb)
        generate(tmp / "quarter", args.mb / 4)
        mb = n_bytes / 1e6
        print(f"archive: {n_pages} pages, {mb:.1f} MB (fixture pages, dated), partition size {args.partition_size}")
        one, rss_one = _child(["build", str(tmp / "pages"), str(tmp / "c1"), "1", str(args.partition_size)])
        two, rss_two = _child(["build", str(tmp / "pages"), str(tmp / "c2"), "2", str(args.partition_size)])
        bare, rss_bare = _child(["jieba", str(tmp / "pages")])
        quarter, rss_quarter = _child(["build", str(tmp / "quarter"), str(tmp / "cq"), "2", str(args.partition_size)])
        for name, r, rss in (("1 worker ", one, rss_one), ("2 workers", two, rss_two), ("jieba.lcut", bare, rss_bare)):
            print(f"{name:10}  {r['pages'] / r['seconds']:8.1f} pages/s  {mb / r['seconds']:6.3f} MB/s  "
                  f"{r['seconds']:8.1f} s  peak RSS {rss / 1e6:7.0f} MB")
        ceiling = _machine_ceiling(str(tmp / "pages"))
        print(f"scaling 2 vs 1 worker: {one['seconds'] / two['seconds']:.2f}x  (this machine's ceiling, two "
              f"processes of bare jieba.lcut vs one: {ceiling:.2f}x)")
        print(f"ours / bare jieba.lcut (throughput, 1 worker): {bare['seconds'] / one['seconds']:.3f}  "
              f"(2 workers: {bare['seconds'] / two['seconds']:.3f})")
        print(f"peak RSS, 2 workers: {rss_quarter / 1e6:.0f} MB at {mb / 4:.1f} MB, {rss_two / 1e6:.0f} MB at "
              f"{mb:.1f} MB (ratio {rss_two / rss_quarter:.2f} for 4x the archive)")
        from newsanalysis.corpus import term_trends

        import pyarrow.dataset as ds

        def median_seconds(run, n: int = 5) -> float:
            run()  # imports, file metadata and caches warmed outside the timing
            times = []
            for _ in range(n):
                started = time.perf_counter()
                run()
                times.append(time.perf_counter() - started)
            return sorted(times)[n // 2]

        read_once = median_seconds(lambda: ds.dataset(tmp / "c2" / "terms", format="parquet").to_table())
        query = median_seconds(lambda: term_trends(tmp / "c2", ["增长", "经济", "离岸贸易"], by="month"))
        print(f"trend query: {query:.3f} s (median of 5), reading the terms Parquet once {read_once:.3f} s "
              f"(ratio {query / read_once:.2f})")
        if one["failed"] or two["failed"]:
            print(f"failed pages: {one['failed']} / {two['failed']}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
