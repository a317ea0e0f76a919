"""Figures: the numbers an article quotes, each with its value, unit, kind, subject and sentence.

What belongs here: reading numerals (``numerals``), the unit and measure-word lists (``words``), what the text
around a number says it is (``context``), ranges (``ranges``), the grammar that turns a numeral and its
neighbours into a :class:`Figure` (``grammar``) and the public table (``extract``).
"""

from newsanalysis.figures.extract import extract_figures
from newsanalysis.figures.ranges import Figure

__all__ = ["Figure", "extract_figures"]
