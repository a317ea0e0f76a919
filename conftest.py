"""Doctests in ``src/newsanalysis`` run with the public functions in scope, as the examples are written."""

import pytest


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace):
    import newsanalysis as na
    from newsanalysis.parse import parse_page
    from newsanalysis.segment import get_tokenizer

    doctest_namespace.update(na=na, parse_page=parse_page, get_tokenizer=get_tokenizer)
