"""How the work of figures, quotes and sources grows with the length of text that has no sentence ends.

For each input shape the text is built at sizes n, 2n, 4n and 8n characters; each size is timed for
``extract_figures``, ``extract_quotes`` + ``source_table`` and ``jieba.lcut`` on the same string in the same run
(CPU time, best of 3), and the growth ratio per doubling is printed next to jieba's (2.0 is linear; 4.0 is
quadratic). ``tests/test_fuzz.py`` checks the same shapes by counting lines run instead of time.

Usage:
    .venv/bin/python bench/figures_scaling.py               # n = 1000 characters
    .venv/bin/python bench/figures_scaling.py --n 250 --shapes digits,schedule
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _prose() -> str:
    """Body text of the fixture pages joined into one long paragraph of normal sentences."""
    from newsanalysis.io import read_page
    from newsanalysis.parse import parse_page

    out = []
    for path in sorted((ROOT / "tests" / "fixtures").glob("*.txt")):
        page = parse_page(read_page(path))
        out += [p for a in page.articles for p in a.paragraphs]
    return "".join(out)


def shapes() -> dict[str, str]:
    """shape name -> a seed text that is repeated (or cut) to any length."""
    return {
        "schedule": "06:00 朝闻天下　08:30 电视剧：人世间（12）　10时30分 今日说法　12:00 新闻30分　",
        "clock": "将迎10时30分来",
        "figures": "全国粮食产量达到13908亿斤，比上年增加221.8亿斤，增长1.6%，其中夏粮2995亿斤，",
        "digits": "1234567890",
        "quote": "他说：“我们将在3年内建设200个站点，覆盖全市，让市民出门就能充电，",
        "cues": "他说我们要做好",
        "quoted": "“好”他说",
        "prose": _prose(),
    }


def text_of(seed: str, size: int) -> str:
    """``seed`` repeated and cut to ``size`` characters."""
    return (seed * (size // len(seed) + 1))[:size]


def _timed(fn, text: str) -> float:
    best = float("inf")
    for _ in range(3 if len(text) < 20000 else 1):
        t0 = time.process_time()
        fn(text)
        best = min(best, time.process_time() - t0)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="the smallest size in characters")
    parser.add_argument("--shapes", default="", help="comma-separated shape names (default: all)")
    args = parser.parse_args()
    import jieba

    import newsanalysis as na
    from newsanalysis.quotes.extract import source_table

    jieba.lcut("预热")
    na.extract_figures("预热12元")

    def quotes_and_sources(text: str) -> None:
        source_table(na.extract_quotes(text))

    stages = (("figures", na.extract_figures), ("sources", quotes_and_sources), ("jieba", jieba.lcut))
    wanted = [s for s in args.shapes.split(",") if s]
    sizes = [args.n * k for k in (1, 2, 4, 8)]
    print(f"{'shape':<10}{'stage':<9}" + "".join(f"{f'{s} ch':>11}" for s in sizes)
          + f"{'x/doubling':>12}{'vs jieba':>10}")
    for name, seed in shapes().items():
        if wanted and name not in wanted:
            continue
        times = {stage: [_timed(fn, text_of(seed, size)) for size in sizes] for stage, fn in stages}
        for stage, ts in times.items():
            growth = (ts[-1] / ts[0]) ** (1 / 3) if ts[0] > 0 else float("nan")
            slower = ts[-1] / times["jieba"][-1]
            print(f"{name:<10}{stage:<9}" + "".join(f"{t * 1000:>9.1f}ms" for t in ts)
                  + f"{growth:>12.2f}{slower:>9.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
