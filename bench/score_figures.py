"""Score extract_figures on the peer suites in bench/peer/*.jsonl, side by side with installed peer libraries.

Usage:  .venv/bin/python bench/score_figures.py [--cases] [--peers/--no-peers]

Scoring follows bench/peer/README.md:
- a hit is a predicted figure whose span overlaps an expected one and whose value is equal (relative 1e-6;
  percentages in points; units of one dimension compared after scaling; a predicted range hits an expected
  endpoint or an expected [low, high]; dates compared as ISO-like strings, ``XXXX-XX-29`` = ``---29``);
- recall = hits / expected figures; strict recall also needs the exact span and, for unit models, the unit;
- precision = hits / predictions, counted over every prediction only where a suite lists every number of its
  inputs (Number, NumeralParse*, Transform); for the other models over the predictions that overlap an
  expected span (they list only their own kind, so other figures in the sentence are not errors);
- false-alarm rate on negative cases: any prediction for ``non_numeric`` negatives (and every negative of an
  exhaustive model), a prediction of the model's own kind for ``other_model`` negatives.
Peers (used when installed): cn2an (NumeralParse*, Transform, Number) and jionlp (Money, MoneyParse).
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

from newsanalysis.figures.extract import extract_figures
from newsanalysis.figures.numerals import UNIT_SCALE

PEER_DIR = Path(__file__).resolve().parent / "peer"
EXHAUSTIVE = {"Number", "NumeralParse", "NumeralParseInv", "Transform"}
OWN_KINDS = {
    "Percent": {"percent"}, "Currency": {"money"}, "Money": {"money"}, "MoneyParse": {"money"},
    "Dimension": {"measure"}, "Age": {"age"}, "Temperature": {"measure"}, "Ordinal": {"ordinal"},
    "DateTime": {"date", "year", "time", "duration", "range"},
}
UNIT_MODELS = {"Currency", "Dimension", "Age", "Temperature", "MoneyParse", "NumeralParseInv"}
# models that need a reference date, recurrence or calendar knowledge are out of scope for a news extractor
OUT_OF_SCOPE = {"DateTime"}
PEER_UNITS = {
    "Chinese yuan": "元", "United States dollar": "美元", "Euro": "欧元", "Dollar": "美元", "Bitcoin": "比特币",
    "Kilobit": "千比特", "Meter": "米", "Ton": "吨", "Centimeter": "厘米", "Kilometer": "千米", "Kilogram": "千克",
    "Megabyte": "兆字节", "Mu": "亩", "Jin": "斤", "Year": "岁", "Week": "周", "Day": "天", "C": "摄氏度", "F": "华氏度",
    "Liang": "两",
}
ISO_DURATION = {"小时": "PT{}H", "分钟": "PT{}M", "秒": "PT{}S", "天": "P{}D", "周": "P{}W", "星期": "P{}W",
                "月": "P{}M", "年": "P{}Y"}


def _close(a: float, b: float) -> bool:
    return a is not None and b is not None and not math.isnan(a) and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _norm_date(v: str) -> str:
    """One spelling per date or time: ``XXXX-XX-29`` = ``---29``, ``T08:00`` = ``T08`` (a whole hour)."""
    v = v.replace("XXXX-XX-", "---").replace("XXXX-", "--")
    return re.sub(r"(T\d\d):00(?![:\d])", r"\1", v)


def _iso(p: dict) -> str | None:
    return _norm_date(p["iso"]) if p.get("iso") else p.get("iso")


def _value_ok(e: dict, p: dict) -> bool:
    ev = e["value"]
    if ev is None:
        return True
    if isinstance(ev, list):
        if all(isinstance(x, (int, float)) for x in ev):
            return _close(p.get("low"), ev[0]) and _close(p.get("high"), ev[1])
        return _iso(p) in {_norm_date(x) for x in ev}
    if isinstance(ev, str):
        if ev.startswith("("):  # (start,end,duration) ranges
            start, end = ev.strip("()").split(",")[:2]
            iso = _iso(p) or ""
            a, _, b = iso.partition("/")
            return bool(a) and bool(b) and _norm_date(start).startswith(a) and _norm_date(end).startswith(b[:4])
        if ev.startswith("P"):
            fmt = ISO_DURATION.get(p.get("unit") or "")
            v = p.get("value")
            if fmt is None or v is None or math.isnan(v):
                return False
            return fmt.format(f"{v:g}") == ev
        return _iso(p) == _norm_date(ev)
    iso = p.get("iso") or ""
    if re.fullmatch(r"\d{4}", iso) and float(iso) == float(ev):
        return True  # 二〇〇二年 read as the year 2002
    candidates = [p.get("value"), p.get("low"), p.get("high")]
    eu = PEER_UNITS.get(e.get("unit") or "", e.get("unit"))
    pu = p.get("unit")
    if eu in UNIT_SCALE and pu in UNIT_SCALE and UNIT_SCALE[eu][0] == UNIT_SCALE[pu][0]:
        factor = UNIT_SCALE[pu][1] / UNIT_SCALE[eu][1]
        candidates = [c * factor if c is not None else None for c in candidates]
    return any(_close(c, float(ev)) for c in candidates if c is not None)


# one unit under several names or symbols (strict recall asks for "the same unit", as 元 = CNY)
SAME_UNIT = {"摄氏度": {"℃", "°C"}, "华氏度": {"℉", "°F"}, "厘米": {"cm", "CM"}, "千米": {"公里", "km", "KM"},
             "千克": {"公斤", "kg", "KG"}, "岁": {"周岁"}, "元": {"人民币"}, "美元": {"美圆"}}


def _unit_ok(model: str, e: dict, p: dict) -> bool:
    if model not in UNIT_MODELS or not e.get("unit"):
        return True
    eu = PEER_UNITS.get(e["unit"], e["unit"])
    return p.get("unit") == eu or p.get("unit") in SAME_UNIT.get(eu, ())


def ours(text: str) -> list[dict]:
    return extract_figures(text).to_dict("records")


def score(cases: list[dict], predict, *, show: bool = False) -> dict:
    """Per model: hits, expected, strict hits, predictions counted for precision, negatives, false alarms."""
    acc: dict = defaultdict(lambda: defaultdict(int))
    for case in cases:
        model = case["model"]
        try:
            preds = predict(case)
        except Exception:  # a peer library raising on an input counts as no prediction
            preds = []
        if preds is None:
            continue
        a = acc[model]
        a["cases"] += 1
        expected = case["expected"]
        if not expected:
            a["negatives"] += 1
            own = OWN_KINDS.get(model)
            if case.get("negative_kind") == "other_model" and own is not None:
                alarm = any(p.get("kind") in own for p in preds)
            else:
                alarm = bool(preds)
            a["false_alarms"] += alarm
            if show and alarm:
                print(f"  FALSE ALARM {case['id']} {case['input'][:40]!r}: {[p['text'] for p in preds]}")
            continue
        used: set[int] = set()
        for e in expected:
            a["expected"] += 1
            hit = None
            for k, p in enumerate(preds):
                if p["start"] < e["end"] and e["start"] < p["end"] and _value_ok(e, p):
                    hit = k
                    break
            if hit is None:
                if show:
                    print(f"  MISS {case['id']} {case['input'][:50]!r}: want {e['text']}={e['value']} "
                          f"{e.get('unit')}; got {[(p['text'], p.get('value'), p.get('iso'), p.get('unit')) for p in preds]}")
                continue
            used.add(hit)
            a["hits"] += 1
            p = preds[hit]
            if p["start"] == e["start"] and p["end"] == e["end"] and _unit_ok(model, e, p):
                a["strict"] += 1
        for k, p in enumerate(preds):
            overlaps = any(p["start"] < e["end"] and e["start"] < p["end"] for e in expected)
            if model in EXHAUSTIVE or overlaps:
                a["predicted"] += 1
                a["correct"] += k in used
                if show and k not in used and model in EXHAUSTIVE:
                    print(f"  EXTRA {case['id']} {case['input'][:40]!r}: {p['text']}")
    return acc


def _cn2an_predict(case: dict) -> list[dict] | None:
    import warnings

    import cn2an

    warnings.filterwarnings("ignore", module="cn2an")

    model, text = case["model"], case["input"]
    if model in ("NumeralParse", "NumeralParseInv"):
        value = cn2an.cn2an(text, case.get("mode") or "smart")
        return [{"start": 0, "end": len(text), "value": float(value), "text": text, "kind": "count"}]
    if model not in ("Transform", "Number"):
        return None
    out = cn2an.transform(text, "cn2an")
    preds = []
    matcher = difflib.SequenceMatcher(a=text, b=out, autojunk=False)
    for m in re.finditer(r"-?\d+(?:\.\d+)?(?:/\d+)?", out):
        span = [i1 for tag, i1, i2, j1, j2 in matcher.get_opcodes() if j1 <= m.start() < j2 or j1 < m.end() <= j2]
        ends = [i2 for tag, i1, i2, j1, j2 in matcher.get_opcodes() if j1 < m.end() <= j2]
        if not span or not ends:
            continue
        num = m.group(0)
        value = float(num.split("/")[0]) / float(num.split("/")[1]) if "/" in num else float(num)
        preds.append({"start": min(span), "end": max(ends), "value": value, "text": num, "kind": "count"})
    return preds


def _jionlp_predict(case: dict) -> list[dict] | None:
    import jionlp as jio

    model, text = case["model"], case["input"]

    def parsed(detail: dict, start: int, end: int, surface: str) -> dict:
        num = detail["num"]
        row = {"start": start, "end": end, "text": surface, "kind": "money", "unit": detail.get("case")}
        if isinstance(num, list):
            row.update(low=float(num[0]), high=float(num[1]), value=None)
        else:
            row["value"] = float(num)
        return row

    if model in ("Money", "Currency"):
        return [parsed(m["detail"], m["offset"][0], m["offset"][1], m["text"])
                for m in jio.ner.extract_money(text, with_parsing=True)]
    if model == "MoneyParse":
        return [parsed(jio.parse_money(text), 0, len(text), text)]
    return None


FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
NEWS_PAGES = ("sample-page", "practice_d", "practice_e")


def _gold_value_ok(g: dict, p: dict) -> bool:
    v = g["value"]
    if isinstance(v, list) and isinstance(v[0], str):
        return p.get("iso") == "/".join(v)
    if isinstance(v, list):
        return _close(p.get("low"), v[0]) and _close(p.get("high"), v[1])
    if isinstance(v, str):
        return p.get("iso") == v or (v.isdigit() and _close(p.get("value"), float(v)))
    return _close(p.get("value"), float(v))


def news(predict) -> dict:
    """Precision and recall against the gold figures of the three fixture pages (optional ones neutral)."""
    from newsanalysis.parse.page import load_page

    a: dict = defaultdict(int)
    for stem in NEWS_PAGES:
        gold = json.loads((FIXTURES / f"{stem}.gold.json").read_text(encoding="utf-8"))
        page = load_page(FIXTURES / f"{stem}.txt")
        for article, gold_article in zip(page.articles, gold["articles"]):
            preds = [p for text in article.paragraphs for p in predict(text)]
            used: set[int] = set()
            optional_hits = required_hits = 0
            for g in gold_article["figures"]:
                hit = next((k for k, p in enumerate(preds) if k not in used and (g["text"] in p["text"] or
                            p["text"] in g["text"]) and _gold_value_ok(g, p)), None)
                if hit is not None:
                    used.add(hit)
                if g.get("optional"):
                    optional_hits += hit is not None
                else:
                    a["expected"] += 1
                    required_hits += hit is not None
            a["hits"] += required_hits
            a["correct"] += required_hits
            a["predicted"] += len(preds) - optional_hits
    return a


def _cn2an_news(text: str) -> list[dict]:
    case = {"model": "Transform", "input": text}
    return _cn2an_predict(case) or []


def _table(title: str, acc: dict) -> None:
    print(f"\n{title}")
    print(f"{'model':<16}{'cases':>6}{'exp':>6}{'P':>7}{'R':>7}{'F1':>7}{'strictR':>9}{'neg':>5}{'FA':>7}")
    tot = defaultdict(int)
    for model in sorted(acc):
        a = acc[model]
        for k, v in a.items():
            tot[k] += v
        _line(model + ("*" if model in OUT_OF_SCOPE else ""), a)
    _line("ALL", tot)


def _line(name: str, a: dict) -> None:
    rec = a["hits"] / a["expected"] if a["expected"] else float("nan")
    prec = a["correct"] / a["predicted"] if a["predicted"] else (1.0 if a["expected"] else float("nan"))
    f1 = 2 * prec * rec / (prec + rec) if prec + rec > 0 else 0.0
    strict = a["strict"] / a["expected"] if a["expected"] else float("nan")
    fa = a["false_alarms"] / a["negatives"] if a["negatives"] else float("nan")
    print(f"{name:<16}{a['cases']:>6}{a['expected']:>6}{prec:>7.3f}{rec:>7.3f}{f1:>7.3f}{strict:>9.3f}"
          f"{a['negatives']:>5}{fa:>7.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", action="store_true", help="print every miss, extra and false alarm")
    parser.add_argument("--no-peers", action="store_true", help="score only our extractor")
    args = parser.parse_args(argv)
    files = sorted(PEER_DIR.glob("*.jsonl"))
    for path in files:
        cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if args.cases:
            print(f"\n== {path.name}")
        _table(f"{path.name}: newsanalysis", score(cases, lambda c: ours(c["input"]), show=args.cases))
        if args.no_peers:
            continue
        for name, predict in (("cn2an", _cn2an_predict), ("jionlp", _jionlp_predict)):
            try:
                __import__(name)
            except ImportError:
                print(f"({name} not installed: skipped)")
                continue
            acc = score(cases, predict)
            if acc:
                _table(f"{path.name}: {name}", acc)
    print("\nnews pages (tests/fixtures gold, optional figures neutral)")
    print(f"{'extractor':<16}{'exp':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}")
    runs = [("newsanalysis", lambda text: ours(text))]
    if not args.no_peers:
        try:
            __import__("cn2an")
            runs.append(("cn2an", _cn2an_news))
        except ImportError:
            print("(cn2an not installed: skipped)")
    for name, predict in runs:
        a = news(predict)
        prec = a["correct"] / a["predicted"] if a["predicted"] else float("nan")
        rec = a["hits"] / a["expected"]
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"{name:<16}{a['expected']:>6}{a['predicted']:>6}{prec:>7.3f}{rec:>7.3f}{f1:>7.3f}")
    print("\n* out of scope: needs a reference date, recurrences or calendars (明年, 每周, 农历)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
