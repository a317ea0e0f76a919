"""Part-of-speech tags for the figure readers: one tokenizer per ``extract_figures`` call, each string tagged once.

The readers ask for the tags of short stretches (the words before or after a number, a measure word and what
follows it); the figures of one clause ask for the same stretches again. Within one call of :func:`tagging_call`
every string is tagged once and the tokenizer is looked up once (on first need: a text without figures loads
none). Outside such a call every request is tagged afresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

Tags = tuple[tuple[str, str, int, int], ...]

# a ContextVar, so threads running extract_figures side by side keep their tokenizers and tags apart
_CALL: ContextVar[dict[str, Any] | None] = ContextVar("figures_tagger", default=None)
# the tags one call keeps; a call over a whole archive starts again when it has this many
_MOST_KEPT = 8192


@contextmanager
def tagging_call() -> Iterator[None]:
    """Share one tokenizer and the tags of every string among the readers run inside the ``with`` block.

    Example:
        >>> with tagging_call():
        ...     [word for word, _, _, _ in tags("收获金牌32枚")]
        ['收获', '金牌', '32', '枚']
    """
    token = _CALL.set({"tokenizer": None, "tags": {}, "memo": {}})
    try:
        yield
    finally:
        _CALL.reset(token)


def call_memo(kind: str) -> dict[str, Any] | None:
    """The answers of the running :func:`tagging_call` for ``kind`` (a reader of text that tags, so its answers hold
    for this call's tokenizer only), else None: nothing is kept outside a call.

    Example:
        >>> with tagging_call():
        ...     call_memo("subjects") is call_memo("subjects")
        True
        >>> call_memo("subjects") is None
        True
    """
    current = _CALL.get()
    if current is None:
        return None
    kept = current["memo"].get(kind)
    if kept is None or len(kept) >= _MOST_KEPT:
        kept = current["memo"][kind] = {}
    return kept


def tags(text: str) -> Tags:
    """(word, part of speech, start, end) of every token of ``text`` (``Tokenizer.tag``); () for ''."""
    if not text:
        return ()
    current = _CALL.get()
    if current is None:
        from newsanalysis.segment.tokenizer import get_tokenizer

        return tuple(get_tokenizer().tag(text))
    kept = current["tags"]
    found = kept.get(text)
    if found is None:
        tokenizer = current["tokenizer"]
        if tokenizer is None:
            from newsanalysis.segment.tokenizer import get_tokenizer

            tokenizer = current["tokenizer"] = get_tokenizer()
        if len(kept) >= _MOST_KEPT:
            kept.clear()
        found = kept[text] = tuple(tokenizer.tag(text))
    return found
