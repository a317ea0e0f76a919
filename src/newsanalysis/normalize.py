"""Text in, text out: width folding for matching, line splitting and punctuation classes.

Matching works on a folded copy of the text of the same length (one character in, one
character out), so offsets found in the copy are valid in the original.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from newsanalysis.memo import text_cache

# Full-width ASCII variants (！..～) fold to half-width; the ideographic space to a space.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD[0x00A0] = 0x20
_FOLD.update({ord("﹐"): ord(","), ord("﹔"): ord(";"), ord("﹕"): ord(":")})

SENTENCE_END = "。！？!?…"  # the one set of sentence-final marks (quotes, figures and the parser use it)
CLAUSE_END = SENTENCE_END + "；;"  # a clause also ends at a semicolon
_CLAUSE_SPLIT = re.compile(f"(?<=[{CLAUSE_END}])")
_CLOSERS = "”’」』)）》\"'"


def fold_width(text: str) -> str:
    """Fold full-width letters, digits and punctuation to half-width; length is preserved.

    Example:
        >>> fold_width("增长１０．８％（记者）")
        '增长10.8%(记者)'
    """
    return text.translate(_width_table())


@functools.lru_cache(maxsize=1)
def _width_table() -> str:
    # dense, like _fold_table: a translate that never meets a missing key is 1.5x faster
    return "".join(chr(_FOLD.get(cp, cp)) for cp in range(max(_FOLD) + 1))


@functools.lru_cache(maxsize=1)
def _t2s() -> tuple[dict[int, str], re.Pattern]:
    """OpenCC's one-to-one Traditional -> Simplified characters (read once), and a regex finding any of them."""
    import opencc

    table: dict[int, str] = {}
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        simp = simp.split(" ")[0]
        # only to the basic Han blocks, so a character stays matchable by the same patterns after folding
        if len(trad) == 1 and len(simp) == 1 and trad != simp and ("\u4e00" <= simp <= "\u9fff" or "\u3400" <= simp <= "\u4dbf"):
            table[ord(trad)] = simp
    return table, re.compile(f"[{re.escape(''.join(sorted(map(chr, table))))}]")


@functools.lru_cache(maxsize=1)
def _fold_table() -> str:
    # one character per code point up to the last one that folds (most map to themselves): str.translate then
    # never meets a missing key, whose KeyError costs more than the lookup; past the table the IndexError leaves
    # a character unchanged, as a missing key did
    folds = {**_t2s()[0], **_FOLD}
    table = [chr(cp) for cp in range(max(folds) + 1)]
    for cp, to in folds.items():
        table[cp] = to if isinstance(to, str) else chr(to)
    return "".join(table)


# The parser, figures and quotes fold the same lines many times over (about 760 calls per page, 90 % of them
# repeats), and translate with the large T2S table costs about 40 ns a character.
@text_cache()
def fold(text: str) -> str:
    """The matching form of a line: half-width, and Traditional characters as Simplified; length is preserved.

    Example:
        >>> fold("本報訊（記者 查睿）１２月３日")
        '本报讯(记者 查睿)12月3日'
    """
    return text.translate(_fold_table())


@functools.lru_cache(maxsize=1)
def _opencc_t2s():
    import opencc

    return opencc.OpenCC("t2s")


@text_cache()
def to_matching_text(text: str) -> str:
    """Text normalised for matching, same length as ``text``: full-width ASCII folded, Traditional → Simplified
    (phrase-level OpenCC where it keeps the length, else character by character).

    Example:
        >>> to_matching_text("臺灣經濟成長２３％")
        '台湾经济成长23%'
    """
    text = fold_width(text)
    table, traditional = _t2s()
    if not traditional.search(text):
        return text
    converted = _opencc_t2s().convert(text)
    return converted if len(converted) == len(text) else text.translate(table)


_LINE_END = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def split_lines(text: str) -> list[str]:
    """Split on any line ending (``\\r\\n``, ``\\r``, ``\\n``, U+2028) without keeping them."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:  # the usual page: only \n
        return text.split("\n")
    return _LINE_END.split(text)


def normalise_newlines(text: str) -> str:
    """Replace every line ending with ``\\n``."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    return "\n".join(split_lines(text))


def squash(text: str) -> str:
    """A comparison key: folded, NFKC, without any whitespace (for duplicate detection).

    Example:
        >>> squash("浦东 ，开放。") == squash("浦东,开放。")
        True
    """
    return "".join(unicodedata.normalize("NFKC", fold(text)).split())


_BRACKET_AFTER_SENTENCE = re.compile(r"(?<=[。！？!?…”’」』])\s*\([^()]{1,40}\)$")
_SENTENCE_END_RE = re.compile(f"[{re.escape(SENTENCE_END)}]")


# Whether a line ends a sentence, or has one ending inside it, is asked of the same line many times over by the
# parser; a line without any sentence-final mark (most headlines, bylines and labels; folding makes none and
# removes none) has neither, which one search tells before any folding.
@text_cache()
def ends_sentence(text: str) -> bool:
    """True if ``text`` ends like a finished sentence (``。``, ``！``, ``？``, ``…``, or those before a closer).

    Example:
        >>> ends_sentence("他说。”"), ends_sentence("高端服务仍留在上")
        (True, False)
    """
    if _SENTENCE_END_RE.search(text) is None:
        return False
    s = fold(text).rstrip()
    # a bracketed byline or note after the last sentence: 。（孙海燕）
    if s.endswith(")"):
        s = _BRACKET_AFTER_SENTENCE.sub("", s)
    while s and s[-1] in _CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in SENTENCE_END


@text_cache()
def has_inner_sentence_end(text: str) -> bool:
    """True if a sentence ends somewhere before the last character of ``text``."""
    if _SENTENCE_END_RE.search(text) is None:
        return False
    s = fold(text).rstrip()
    return _SENTENCE_END_RE.search(s, 0, len(s) - 1) is not None


SLUG_MAX_CHARS = 40
_NOT_SLUG = re.compile(r"[^\w\u4e00-\u9fff]+", flags=re.UNICODE)
_DASHES = re.compile(r"-{2,}")


def slugify(text: str, *, index: int | None = None, max_chars: int = SLUG_MAX_CHARS, default: str = "article") -> str:
    """The one slug maker: letters, digits and Han characters joined by ``-``, at most ``max_chars``; never empty.

    Article slugs (``Article.slug``) and report file names (``report.filenames``) are both made here.

    Examples:
        >>> slugify("变局之下,浦东如何重塑全球角色", index=0)
        '01-变局之下-浦东如何重塑全球角色'
        >>> slugify("../?", default="untitled")
        'untitled'
    """
    s = unicodedata.normalize("NFKC", text or "")
    s = _NOT_SLUG.sub("-", s).strip("-_")
    s = _DASHES.sub("-", s)[:max_chars].strip("-_") or default
    return f"{index + 1:02d}-{s}" if index is not None else s


def split_clauses(text: str) -> list[str]:
    """``text`` cut after every sentence end or semicolon; the pieces join back to ``text``.

    Example:
        >>> split_clauses("产量增长；销量下降。明年再看！")
        ['产量增长；', '销量下降。', '明年再看！']
    """
    return [piece for piece in _CLAUSE_SPLIT.split(text) if piece]
