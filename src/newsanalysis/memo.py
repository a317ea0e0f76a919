"""Bounded caches of pure functions of text, and one switch that empties them all.

A page's lines, clauses and names are read by several stages (the parser, figures, quotes, terms), often the same
string many times over; a function of text alone can remember its answers for a while. Every such cache is
bounded, so memory stays flat however large the archive, and results never depend on what is cached.
Benchmarks call :func:`forget_pages` between pages, because copies of one fixture page would otherwise find each
other's answers, which no real archive offers.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)

_CACHED: list = []
_ON_FORGET: list[Callable[[], None]] = []


def text_cache(maxsize: int = 8192) -> Callable[[F], F]:
    """An ``functools.lru_cache`` of ``maxsize`` entries that :func:`forget_pages` empties.

    Example:
        >>> @text_cache(16)
        ... def width(text):
        ...     return len(text)
        >>> width("浦东新区"), width.cache_info().currsize
        (4, 1)
        >>> forget_pages(); width.cache_info().currsize
        0
    """

    def wrap(function: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _CACHED.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def on_forget(hook: Callable[[], None]) -> None:
    """Run ``hook`` too when :func:`forget_pages` is called (for caches that are not plain functions)."""
    if hook not in _ON_FORGET:
        _ON_FORGET.append(hook)


def forget_pages() -> None:
    """Empty every text cache and run every registered hook: the next page is analysed as in a fresh process."""
    for cached in _CACHED:
        cached.cache_clear()
    for hook in _ON_FORGET:
        hook()
