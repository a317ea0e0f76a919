"""Figures: the numbers an article quotes, each with its value, unit, kind, subject and sentence.

What belongs here: reading numerals (``numerals``), the unit and measure-word lists (``words``), what the text
around a number says it is (``context``), ranges (``ranges``), the grammar that turns a numeral and its
neighbours into a :class:`Figure` (``grammar``: the scanners, in order; ``reading``, ``units`` and ``number``: one
numeral with its unit, prefix and the tests whether it is a figure; ``sports``: scores, race times, relays), the
part-of-speech tags the readers share within one call (``tagging``) and the public table (``extract``).
``FigureKind`` lists the kinds a figure can have.
"""

from newsanalysis.figures.extract import extract_figures
from newsanalysis.figures.ranges import Figure
from newsanalysis.figures.words import FigureKind

__all__ = ["Figure", "FigureKind", "extract_figures"]
