"""Word lists and token guards for segmentation that need no jieba.

What belongs here: the bundled news dictionary and stopword list (``newsanalysis/resources``) and the reading
of them and of user files, the discovery of user files in ``data/dict/`` (via
:func:`newsanalysis.config.user_dict_dir`), the configuration key a tokenizer is cached under, the pure
regular-expression guards that keep numbers, percentages and money whole and out of the terms, and the folder
jieba may cache its prefix dictionary in. Everything that touches jieba itself stays in
:mod:`newsanalysis.segment`, which builds on this module.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsanalysis.config import RESOURCES_DIR, user_dict_dir
from newsanalysis.errors import NewsAnalysisError

USER_DICT = RESOURCES_DIR / "userdict.txt"
STOPWORDS = RESOURCES_DIR / "stopwords.txt"

_MONEY = r"(?:美元|欧元|日元|英镑|港元|港币|卢布|韩元|元)"
NUMBER_RE = re.compile(  # 23,876 / 73.2% / $3.5 / 50亿美元 / 1.2万亿元, never followed by a letter or digit
    rf"(?<![a-z0-9_.])[-+−]?[$¥￥€£]?\d+(?:,\d{{3}})*(?:\.\d+)?(?:[%‰]|[万亿]+{_MONEY}?|{_MONEY})?"
    r"(?![A-Za-z0-9_])"
)
# Numbers jieba.cut would split (23,876 / 50亿美元 / $3.5 / GDP30%); others (2024, 73.2%) it keeps whole itself,
# so only these are cut out beforehand: fewer jieba calls, same tokens.
NUMBER_SPLIT_RE = re.compile(
    rf"(?<![a-z0-9_.])[-+−]?[$¥￥€£]\d+(?:,\d{{3}})*(?:\.\d+)?(?:[%‰]|[万亿]+{_MONEY}?|{_MONEY})?(?![A-Za-z0-9_])"
    rf"|(?<![a-z0-9_.])[-+−]?\d+(?:,\d{{3}})+(?:\.\d+)?(?:[%‰]|[万亿]+{_MONEY}?|{_MONEY})?(?![A-Za-z0-9_])"
    rf"|(?<![a-z0-9_.])\d+(?:\.\d+)?(?:[万亿]+{_MONEY}?|{_MONEY})(?![A-Za-z0-9_])"
    r"|(?<=[A-Z])\d+(?:\.\d+)?%?(?![A-Za-z0-9_])"
)
_NUMERIC_RE = re.compile(r"[\d〇零一二两三四五六七八九十百千万亿.,%‰+\-−~～/:$¥￥€£年月日号时分秒点个元倍]+")
_HAS_NUMBER_RE = re.compile(r"[\d〇零一二两三四五六七八九十百千万亿]")
_PUNCT_RE = re.compile(r"[\W_]+")


class DictionaryError(NewsAnalysisError):
    """A user dictionary or stopword file is missing or malformed."""


def is_number_or_punct(token: str) -> bool:
    """True if ``token`` is only punctuation, a number, or a number-like date/amount (never a term).

    Example:
        >>> [is_number_or_punct(t) for t in ("，", "73.2%", "三月五日", "三峡")]
        [True, True, True, False]
    """
    return (
        _PUNCT_RE.fullmatch(token) is not None
        or NUMBER_RE.fullmatch(token) is not None
        or (_HAS_NUMBER_RE.search(token) is not None and _NUMERIC_RE.fullmatch(token) is not None)
    )


def cache_dir() -> str:
    """A writable folder for jieba's prefix-dict cache (never site-packages), created if missing."""
    folder = Path(tempfile.gettempdir()) / "newsanalysis-jieba"
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def _read_lines(path: Path, what: str) -> list[str]:
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{path}: cannot read {what} ({exc}); expected a UTF-8 text file") from exc
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")]


def read_stopwords(path: Path) -> list[str]:
    """The words of a one-word-a-line stopword file (blank lines and ``#`` comments skipped).

    Example:
        >>> "的" in read_stopwords(STOPWORDS)
        True
    """
    return _read_lines(path, "stopword list")


def read_user_dict(path: Path) -> list[tuple[str, int | None, str | None]]:
    """Entries ``word [freq] [pos]`` of a jieba-style user dictionary file.

    Example:
        >>> ("脑机接口", 300, "nz") in read_user_dict(USER_DICT)
        True
    """
    entries = []
    for n, line in enumerate(_read_lines(path, "user dictionary"), 1):
        parts = line.split()
        if len(parts) > 3 or (len(parts) > 1 and not parts[1].isdigit() and len(parts) == 3):
            raise DictionaryError(f"{path}: entry {n} {line!r} is not 'word [freq] [pos]'")
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        entries.append((parts[0], freq, tag))
    return entries


def user_files() -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """(dictionaries, stopword lists) found in ``data/dict/``: ``*stop*.txt`` are stopword lists."""
    folder = user_dict_dir()
    if not folder.is_dir():
        return (), ()
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".txt")
    return tuple(p for p in files if "stop" not in p.name), tuple(p for p in files if "stop" in p.name)


def tokenizer_key(user_dicts: Sequence[str | Path], stopwords: Iterable[str | Path]) -> tuple:
    """The cache key of a tokenizer configuration: ``data/dict/`` files first, then the given ones.

    Returns ``(dictionary paths, stopword entries)``: resolved path strings, and ``("file", path)`` or
    ``("word", word)`` pairs (an item is a file if it is a ``Path``, contains ``/`` or ends with ``.txt``).
    """
    stopwords = tuple(stopwords)
    folder = user_dict_dir()
    try:
        stamp = folder.stat().st_mtime_ns  # a file added, removed or renamed in data/dict/ changes it
    except OSError:
        stamp = None
    cache_key = (str(folder), stamp, os.getcwd(), tuple(str(p) for p in user_dicts),
                 tuple((isinstance(item, Path), str(item)) for item in stopwords))
    key = _KEYS.get(cache_key)
    if key is None:
        key = _tokenizer_key(user_dicts, stopwords)
        if len(_KEYS) > 256:
            _KEYS.clear()
        _KEYS[cache_key] = key
    return key


_KEYS: dict[tuple, tuple] = {}  # tokenizer_key is asked once per text by some statistics; data/dict/ is listed once


def _tokenizer_key(user_dicts: Sequence[str | Path], stopwords: Iterable[str | Path]) -> tuple:
    dict_files, stop_files = user_files()
    dicts = tuple(str(Path(p).resolve()) for p in (*dict_files, *user_dicts))
    stops = []
    for item in (*stop_files, *stopwords):
        is_file = isinstance(item, Path) or ("/" in str(item) or str(item).endswith(".txt"))
        stops.append(("file", str(Path(item).resolve())) if is_file else ("word", str(item)))
    return dicts, tuple(stops)
