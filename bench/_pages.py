"""What the page benchmarks share: the parsed fixture pages, and a corpus of at least N bytes made by repeating them
in order."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def fixture_pages() -> list[tuple]:
    """Every fixture page with articles, in file order, as ``(path, page, size in bytes)``."""
    from newsanalysis.errors import NewsAnalysisError
    from newsanalysis.parse.page import load_page

    pages = []
    for path in sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "layouts").glob("*.txt")):
        try:
            page = load_page(path)
        except NewsAnalysisError:
            continue  # the fixtures include pages that must fail (bad encodings, empty files)
        if page.articles:
            pages.append((path, page, len(path.read_bytes())))
    return pages


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
