"""Tests for newsanalysis.segment.lexicon (word lists, user files and number guards, no jieba)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsanalysis.segment.lexicon import (
    NUMBER_RE,
    NUMBER_SPLIT_RE,
    STOPWORDS,
    USER_DICT,
    DictionaryError,
    cache_dir,
    is_number_or_punct,
    read_stopwords,
    read_user_dict,
    tokenizer_key,
    user_files,
)


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("，", True),
        ("……", True),
        ("73.2%", True),
        ("23,876", True),
        ("50亿美元", True),
        ("1.2万亿元", True),
        ("$3.5", True),
        ("三月五日", True),
        ("2024年", True),
        ("两倍", True),
        ("三峡", False),
        ("GDP", False),
        ("浦东", False),
        ("5G", False),
        ("十四五规划", False),
    ],
)
def test_is_number_or_punct(token, expected):
    assert is_number_or_punct(token) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增长23,876人", ["23,876"]),
        ("投资50亿美元", ["50亿美元"]),
        ("GDP30%", ["30%"]),
        ("$3.5亿", ["$3.5亿"]),
        ("2024年增长73.2%", []),  # jieba keeps these whole itself
        ("A2B", []),
    ],
)
def test_number_split_finds_what_jieba_would_split(text, expected):
    assert [m.group() for m in NUMBER_SPLIT_RE.finditer(text)] == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789,.%$万亿元美港ABCabc增长上海 ", max_size=30))
def test_every_split_number_is_a_number(text):
    for m in NUMBER_SPLIT_RE.finditer(text):
        assert NUMBER_RE.fullmatch(m.group()), m.group()
        assert is_number_or_punct(m.group())


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789,.%万亿元年月日", max_size=10), st.sampled_from("经济贸易浦东规则"))
def test_a_word_character_makes_a_token_not_a_number(digits, han):
    assert not is_number_or_punct(digits + han)


def test_bundled_resources_read():
    assert ("脑机接口", 300, "nz") in read_user_dict(USER_DICT)
    assert {"的", "我们"} <= set(read_stopwords(STOPWORDS))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("量子纠缠态\n", [("量子纠缠态", None, None)]),
        ("量子纠缠态 2000\n", [("量子纠缠态", 2000, None)]),
        ("量子纠缠态 2000 nz\n", [("量子纠缠态", 2000, "nz")]),
        ("量子纠缠态 nz\n", [("量子纠缠态", None, "nz")]),
        ("\ufeff# 注释\n\n电算协同 10 n\n", [("电算协同", 10, "n")]),
    ],
)
def test_read_user_dict_entries(tmp_path, content, expected):
    path = tmp_path / "mine.txt"
    path.write_text(content, encoding="utf-8")
    assert read_user_dict(path) == expected


@pytest.mark.parametrize("content", ["量子 纠缠 态 nz\n", "量子纠缠态 nz 2000\n"])
def test_malformed_user_dict_names_file_and_entry(tmp_path, content):
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"bad\.txt: entry 1"):
        read_user_dict(path)


def test_unreadable_files_name_the_file(tmp_path):
    gbk = tmp_path / "gbk_stop.txt"
    gbk.write_bytes("的\n了\n".encode("gbk"))
    with pytest.raises(DictionaryError, match="gbk_stop.txt.*UTF-8"):
        read_stopwords(gbk)
    with pytest.raises(DictionaryError, match="missing.txt"):
        read_user_dict(tmp_path / "missing.txt")


def test_user_files_are_discovered_in_data_dict(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSANALYSIS_HOME", str(tmp_path))
    assert user_files() == ((), ())
    folder = tmp_path / "data" / "dict"
    folder.mkdir(parents=True)
    for name in ("b_terms.txt", "a_terms.txt", "news_stopwords.txt", "notes.md"):
        (folder / name).write_text("浦东\n", encoding="utf-8")
    (folder / "sub.txt").mkdir()
    dicts, stops = user_files()
    assert [p.name for p in dicts] == ["a_terms.txt", "b_terms.txt"]
    assert [p.name for p in stops] == ["news_stopwords.txt"]


def test_tokenizer_key_puts_discovered_files_first(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSANALYSIS_HOME", str(tmp_path))
    folder = tmp_path / "data" / "dict"
    folder.mkdir(parents=True)
    (folder / "terms.txt").write_text("浦东\n", encoding="utf-8")
    (folder / "stop.txt").write_text("产业\n", encoding="utf-8")
    mine = tmp_path / "mine.txt"
    dicts, stops = tokenizer_key([mine], ["产业", "extra.txt", Path("more")])
    assert dicts == (str((folder / "terms.txt").resolve()), str(mine.resolve()))
    assert stops == (
        ("file", str((folder / "stop.txt").resolve())),
        ("word", "产业"),
        ("file", str(Path("extra.txt").resolve())),
        ("file", str(Path("more").resolve())),
    )


def test_cache_dir_is_writable_and_outside_site_packages():
    folder = Path(cache_dir())
    assert folder.is_dir()
    assert str(folder).startswith(tempfile.gettempdir())
    assert "site-packages" not in str(folder)


def test_lexicon_does_not_import_jieba():
    code = "import sys, newsanalysis.segment.lexicon; sys.exit('jieba' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
