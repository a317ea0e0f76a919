"""Fuzzing the whole pipeline with pages made from the fixtures' own lines, mutated.

Each page is built by a seeded mutator from real printed lines (headlines, bylines, body text, captions of every
annotated page): lines shuffled, cut, duplicated and mixed with bylines, bullets, punctuation, digits, full-width
text, emoji, control characters, Traditional script and very long lines. Every page goes through parse, figures,
quotes and sources; the only exceptions allowed are the package's own (``NewsAnalysisError``), the ledger must
account for every line, and the work per page is reported as a ratio to ``jieba.lcut`` over the same text.

Usage:
    .venv/bin/python bench/fuzz_pages.py --pages 10000      # the long run (``make fuzz``)
    .venv/bin/python bench/fuzz_pages.py --pages 200 --seed 7
    .venv/bin/python bench/fuzz_pages.py --pages 10000 --shard 1/2   # pages 1, 3, 5 ... of the same run
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

_EXTRAS = [
    "本报记者 王明", "本报讯（记者 李华）", "新华社北京3月2日电（记者 阎文涛）", "（本报记者 张三）", "本报评论员",
    "●简讯标题　本报讯（记者 程立）市交通委宣布新增线路。", "■ 小标题", "编者按：", "（下转第2版）", "本报记者 张驰 摄",
    "问：", "答：", "记者：", "“", "”", "「", "」", "。", "，", "：", "1", "2025年", "3∶1", "1分44秒86", "45.47万亿元",
    "百分之四十", "第41分钟", "《流浪地球2》", "😀", "\u3000", "\t", "\x0b", "ＡＢＣ１２３", "億萬", "　　",
]


def fixture_lines() -> list[str]:
    """Every non-blank printed line of every fixture page."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsanalysis.io import read_page

    lines: list[str] = []
    for path in sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "layouts").glob("*.txt")):
        lines += [line for line in read_page(path).text.split("\n") if line.strip()]
    return lines


def mutated_page(rng: random.Random, lines: list[str]) -> str:
    """One page of real lines, mutated."""
    n = rng.randint(1, 40)
    start = rng.randrange(len(lines))
    chosen = lines[start:start + n] if rng.random() < 0.5 else rng.sample(lines, min(n, len(lines)))
    out: list[str] = []
    for line in chosen:
        r = rng.random()
        if r < 0.08 and len(line) > 4:
            cut = rng.randrange(1, len(line))
            out += [line[:cut], line[cut:]]  # a page-break split
        elif r < 0.14:
            out += [line, line]  # a duplicate
        elif r < 0.22:
            out.append(rng.choice(_EXTRAS))
        elif r < 0.28:
            at = rng.randrange(len(line) + 1)
            out.append(line[:at] + "".join(rng.choice(_EXTRAS) for _ in range(rng.randint(1, 4))) + line[at:])
        elif r < 0.30:
            out.append(line * rng.randint(5, 40))  # a very long line without sentence ends
        elif r < 0.32:
            out.append("".join(rng.choice("0123456789") for _ in range(rng.randint(20, 400))) + "亿元")
        else:
            out.append(line)
    separator = rng.choice(["\n\n", "\n", "\r\n\r\n", "\n\n\n"])
    return rng.choice(["", "\n\n", "\ufeff"]) + separator.join(out)


def run_page(text: str) -> dict:
    """Parse, figures, quotes and sources of one page; returns what happened."""
    import newsanalysis as na

    try:
        page = na.parse_page(text)
    except na.NewsAnalysisError as exc:
        return {"outcome": "refused", "error": type(exc).__name__}
    lines = page.text.split("\n")
    assert [e.line for e in page.ledger] == list(range(1, len(lines) + 1)), "the ledger lost a line"
    figures = na.extract_figures(page)
    na.extract_quotes(page)
    na.sources(page)
    return {"outcome": "ok", "articles": len(page.articles), "unread": int((figures["kind"] == "unread").sum())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shard", default="1/1", help="k/n: run every n-th page from the k-th (the pages are the "
                        "same as in one run, so shards side by side add up to it)")
    parser.add_argument("--progress", type=int, default=500, help="print the counts every so many pages")
    args = parser.parse_args()
    shard, shards = (int(x) for x in args.shard.split("/"))
    import jieba

    jieba.setLogLevel(60)
    rng = random.Random(args.seed)
    lines = fixture_lines()
    outcomes: Counter = Counter()
    raised: Counter = Counter()  # exceptions other than the package's own, by type
    examples: dict[str, tuple[int, str]] = {}
    ledger_failures = unread = 0
    worst = (0.0, "")
    ours_total = base_total = 0.0
    run_page("本报讯 今年粮食产量达到13908亿斤，他说：“很好。”")  # dictionaries load outside the counts
    jieba.lcut("本报讯 今年粮食产量达到13908亿斤")
    for n in range(args.pages):
        text = mutated_page(rng, lines)
        if n % shards != shard - 1:
            continue
        if args.progress and outcomes and sum(outcomes.values()) % args.progress == 0:
            print(f"... page {n}: {dict(outcomes)}, raised {dict(raised)}, ledger failures {ledger_failures}",
                  flush=True)
        began = time.process_time()
        jieba.lcut(text)
        base = time.process_time() - began
        began = time.process_time()
        try:
            result = run_page(text)
        except AssertionError:
            ledger_failures += 1
            result = {"outcome": "ledger failure"}
            examples.setdefault("ledger", (n, text[:300]))
        except Exception as exc:  # noqa: BLE001 - anything but the package's own errors is a bug: count it, keep the page
            raised[type(exc).__name__] += 1
            result = {"outcome": "raised"}
            examples.setdefault(type(exc).__name__, (n, f"{exc}: {text[:300]!r}"))
        ours = time.process_time() - began
        outcomes[result["outcome"]] += 1
        unread += result.get("unread", 0)
        ours_total += ours
        base_total += base
        if base > 1e-3 and ours / base > worst[0]:
            worst = (ours / base, text[:80])
    print(f"{sum(outcomes.values())} of {args.pages} pages (seed {args.seed}, shard {args.shard}): {dict(outcomes)}")
    print(f"exceptions outside the package's errors: {dict(raised) or 'none'}; ledger failures: {ledger_failures}; "
          f"numbers left unread (more than 30 digits): {unread}")
    for kind, (n, text) in examples.items():
        print(f"  first {kind}: page {n}: {text}")
    print(f"work per page as a ratio to jieba.lcut of the same text (CPU time): overall "
          f"{ours_total / base_total:.1f}x, worst page {worst[0]:.1f}x ({worst[1]!r})")
    return 1 if raised or ledger_failures else 0


if __name__ == "__main__":
    sys.exit(main())
