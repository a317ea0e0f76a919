"""The command line: JSON shape, readable tables, and one-line errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from newsanalysis.cli import main

ARTICLE_KEYS = {"index", "slug", "kicker", "title", "subtitle", "column", "display_title", "reporters",
                "photographers", "dateline", "subheads", "captions", "paragraphs", "qa_turns", "repairs"}


def test_parse_json_shape(sample_path, capsys):
    assert main(["parse", str(sample_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == str(sample_path) and data["encoding"] == "utf-8"
    assert len(data["articles"]) == 4
    for i, art in enumerate(data["articles"]):
        assert ARTICLE_KEYS <= set(art) and art["index"] == i
        assert set(art["repairs"]) >= {"joins", "duplicates_removed"}
        assert all({"speaker", "text"} <= set(t) for t in art["qa_turns"])
    assert data["articles"][2]["photographers"] == ["张驰"]


def test_parse_table(sample_path, capsys):
    assert main(["parse", str(sample_path)]) == 0
    out = capsys.readouterr().out
    assert "4 articles" in out and "浦东如何重塑全球角色" in out and "洪俊杰、周显帆" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "empty"), (b"\x00\x01\x02binary", "binary"),
     ("标题一\n\n标题二".encode(), "no articles found")],
)
def test_errors_are_one_line_and_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "page.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsanalysis: error: ") and message in err and err.count("\n") == 1


def test_article_index_out_of_range(sample_path, capsys):
    assert main(["figures", str(sample_path), "--article", "7"]) == 2
    assert "out of range" in capsys.readouterr().err


def test_process_writes_tables_and_loses_nothing_on_bad_input(sample_path, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "processed"
    assert main(["process", str(sample_path), str(bad), "--out", str(out)]) == 2
    folder = out / "sample-page"
    for name in ("articles", "paragraphs", "ledger"):
        assert (folder / f"{name}.csv").exists()
        frame = pd.read_parquet(folder / f"{name}.parquet")
        assert len(frame) > 0
    assert len(pd.read_parquet(folder / "articles.parquet")) == 4
    assert len(pd.read_parquet(folder / "paragraphs.parquet")) == 26 + 12 + 13 + 5
    page = json.loads((folder / "page.json").read_text(encoding="utf-8"))
    assert len(page["articles"]) == 4
    assert not list(folder.glob(".*.tmp"))
    assert "bad.txt" in capsys.readouterr().err


def test_console_script_runs(sample_path):
    done = subprocess.run([sys.executable, "-m", "newsanalysis.cli", "parse", str(sample_path), "--json"],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles"][3]["dateline"] == "本报讯"
