"""A quick fuzz profile: pages made of the fixtures' own lines, mutated (``bench/fuzz_pages.py``; the long run is
``make fuzz``). Parse, figures, quotes and sources raise nothing but the package's own errors, and the ledger
accounts for every line."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from fuzz_pages import fixture_lines, mutated_page, run_page

LINES = fixture_lines()


@pytest.mark.parametrize("seed", range(150))
def test_mutated_pages_of_real_lines(seed):
    run_page(mutated_page(random.Random(seed), LINES))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=12),
       st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_real_lines_mixed_with_any_text(lines, separator):
    run_page(separator.join(lines))


# --- work bounded by input size ---------------------------------------------------------------------------------
# Long text without sentence ends (a TV schedule, a run of digits, an unclosed quote) must cost work linear in its
# length. Work is counted, not timed: every line of Python run (the package and jieba alike) while a call reads a
# text of n characters and one of 8n. Linear work gives a ratio near 8; the quadratic scans these shapes used to
# trigger gave 40 to 60.

import sys as _sys

import newsanalysis as na
from newsanalysis.quotes.extract import source_table

SHAPES = {
    "schedule": "06:00 朝闻天下　08:30 电视剧：人世间（12）　10时30分 今日说法　12:00 新闻30分　",
    "clock": "将迎10时30分来",
    "figures without 。": "全国粮食产量达到13908亿斤，比上年增加221.8亿斤，增长1.6%，其中夏粮2995亿斤，",
    "listed counts": "、3个、5家、7座",
    "digits": "1234567890",
    "spaced digits": "1 ",
    "unclosed quote": "他说：“我们将在3年内建设200个站点，覆盖全市，让市民出门就能充电，",
    "cues": "他说我们要做好",
    "quoted terms": "“好”他说",
    "names and cues": "王建国说李明表示",
}


def _lines_run(fn, text: str) -> int:
    """How many lines of Python ``fn(text)`` runs (a deterministic count of its work)."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    previous = _sys.gettrace()
    _sys.settrace(tracer)
    try:
        fn(text)
    finally:
        _sys.settrace(previous)
    return count


def _repeat(seed: str, size: int) -> str:
    return (seed * (size // len(seed) + 1))[:size]


def _quotes_and_sources(text: str) -> None:
    source_table(na.extract_quotes(text))


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("stage", [na.extract_figures, _quotes_and_sources], ids=["figures", "sources"])
def test_work_is_linear_in_the_length_of_text_without_sentence_ends(shape, stage):
    stage(_repeat(SHAPES[shape], 50))
    stage("据介绍，中国体育代表团收获金牌32枚。”王建国说。")  # dictionaries and taggers load outside the count
    small = _lines_run(stage, _repeat(SHAPES[shape], 300))
    large = _lines_run(stage, _repeat(SHAPES[shape], 2400))
    assert large / small < 12, f"{shape}: {small} lines for 300 characters, {large} for 2400"


def test_the_work_counter_sees_quadratic_work():
    def pairs(text: str) -> None:  # every character against every other one
        for a in text:
            for b in text:
                pass

    assert _lines_run(pairs, "字" * 80) / _lines_run(pairs, "字" * 10) > 40


def test_a_number_of_more_than_30_digits_is_text_with_a_note():
    page = na.parse_page("国家统计局发布数据\n\n本报讯 全年粮食产量" + "1" * 400 + "亿斤，比上年增加221.8亿斤。\n")
    figures = na.extract_figures(page)
    long = figures[figures["kind"] == "unread"]
    assert len(long) == 1 and long["text"].iloc[0] == "1" * 400 + "亿"
    assert long["value"].isna().all() and "400 digits" in long["note"].iloc[0]
    assert figures.loc[figures["kind"] != "unread", "text"].tolist() == ["221.8亿斤"]
    assert figures.loc[figures["kind"] != "unread", "note"].isna().all()
