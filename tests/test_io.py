"""Reading page files: encodings, and clear errors for files that are not pages."""

from __future__ import annotations

import codecs

import pytest

from newsanalysis.errors import InputError, NewsAnalysisError
from newsanalysis.io import decode_bytes, read_page

TEXT = "浦东开放再出发\n\n本报记者 沈思怡\n\n今年是浦东开发开放35周年，“引领区”建设提速。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_encodings_are_detected_and_text_is_kept(tmp_path, data, encoding):
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    raw = read_page(path)
    assert raw.encoding == encoding
    assert raw.text == TEXT
    assert raw.source == str(path)


def test_line_endings_are_normalised_but_characters_kept(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("标题\r\n\r\n本报记者　王明\r正文，１０．８％。".encode("utf-8"))
    raw = read_page(path)
    assert raw.text == "标题\n\n本报记者　王明\n正文，１０．８％。"


def test_explicit_encoding_wins(tmp_path):
    path = tmp_path / "p.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    assert read_page(path, encoding="gb18030").text == TEXT
    with pytest.raises(InputError, match="cannot decode as 'utf-8'"):
        read_page(path, encoding="utf-8")


def test_gb18030_fixture_decodes(fixtures_dir):
    raw = read_page(fixtures_dir / "practice_e.txt")
    assert raw.encoding == "gb18030"
    assert "本报记者 庞立言 通讯员 甘棠" in raw.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        ("正文".encode("utf-8") + b"\x01\x02\x03\x04\x05\x06\x07\x08", "binary"),
    ],
)
def test_bad_files_raise_a_clear_error(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(NewsAnalysisError, match=message) as info:
        read_page(path)
    assert str(path) in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_page(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_page(tmp_path)


def test_decode_bytes_reports_source():
    with pytest.raises(InputError, match="<bytes>: the file is empty"):
        decode_bytes(b"")
