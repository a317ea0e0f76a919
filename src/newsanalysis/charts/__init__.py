"""Charts: tidy tables in, matplotlib figures with Chinese labels out (the only package importing matplotlib and wordcloud).

Every chart function takes one of the project's tidy tables (columns as listed in the ``Returns:`` sections of
``stats``, ``topics``, ``figures`` and ``quotes``) and returns a :class:`Chart`: the figure, an alt text that
describes it in words, and the table it was drawn from (so reports can publish the numbers beside the picture).
A ``Chart`` displays itself in Jupyter as a PNG carrying its alt text.

Fonts: every text is drawn with the CJK font from :func:`newsanalysis.fonts.resolve_font` (argument, then
``NEWSANALYSIS_FONT``, then the font bundled with ``mplfonts``, then the system); pass ``font=`` to any chart
function to override it. :func:`missing_glyphs` lists drawn characters the font lacks (the tests require none).
"""

from __future__ import annotations

from newsanalysis.charts.article import (
           article_sizes,
           figures_chart,
           sources_chart,
           topic_flow,
           topic_shares,
)
from newsanalysis.charts.base import Chart, missing_glyphs
from newsanalysis.charts.fonts import resolve_font
from newsanalysis.charts.terms import (
           cooccurrence_network,
           distinctive_bar,
           keyword_bar,
           term_bar,
           word_cloud,
)
from newsanalysis.charts.trends import trend_chart

__all__ = ["Chart", "term_bar", "word_cloud", "distinctive_bar", "keyword_bar", "topic_shares", "topic_flow",
           "figures_chart", "sources_chart", "cooccurrence_network", "article_sizes", "missing_glyphs",
           "resolve_font", "trend_chart"]
