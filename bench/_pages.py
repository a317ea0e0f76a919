"""What the page benchmarks share: a corpus of at least N bytes made by repeating the fixture pages in order."""

from __future__ import annotations


def repeat_to_size(pages: list[tuple], n_bytes: int) -> list[tuple]:
    """``pages`` (tuples whose third item is a page's size in bytes) repeated in order until they hold ``n_bytes``."""
    corpus, size = [], 0
    while size < n_bytes:
        for entry in pages:
            corpus.append(entry)
            size += entry[2]
            if size >= n_bytes:
                break
    return corpus
