"""The Chart container, font styling and the small drawing helpers every chart shares (matplotlib only here and in
the sibling chart modules)."""

from __future__ import annotations

import base64
import functools
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from newsanalysis.charts.fonts import font_coverage, resolve_font
from newsanalysis.errors import NewsAnalysisError

PNG_COLOURS = 128  # charts have few colours: a palette PNG is a third of the size and looks the same


def _palette(image):
    """The image as a palette image of at most ``PNG_COLOURS`` colours (anti-aliased text survives this)."""
    from PIL import Image

    return image.convert("RGB").quantize(colors=PNG_COLOURS, method=Image.Quantize.FASTOCTREE)


def _small_png(image, alt: str) -> bytes:
    """``image`` (PIL) as a palette PNG with ``alt`` as its Description."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Description", alt)
    out = io.BytesIO()
    _palette(image).save(out, format="png", pnginfo=info, optimize=True)
    return out.getvalue()


def _rendered(figure, dpi: int):
    """The figure drawn once by Agg at ``dpi``, as a PIL image.

    ``savefig`` draws a figure with a layout engine twice (a silent pass to lay it out, then the real one) and
    encodes a PNG that the palette step would decode again; one draw lays out and renders, and its pixels go
    to the palette as they are.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    kept = figure.dpi
    figure.dpi = dpi
    try:
        canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        return Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).copy()
    finally:
        figure.dpi = kept


TABLE_MIME = "application/vnd.newsanalysis.table+json"  # the table travels with the picture: reports publish it as CSV
PALETTE = ("#3b6ea8", "#e07b39", "#5a9e5a", "#b5495b", "#8064a2", "#c9a227", "#4aa3a6", "#7f7f7f")


@dataclass
class Chart:
    """A rendered chart: ``figure`` (matplotlib Figure), ``alt`` (text description), ``table`` (its data)."""

    figure: Any
    alt: str
    table: pd.DataFrame
    name: str = "chart"
    font: Path | None = None
    cloud: Any = field(default=None, repr=False)  # the WordCloud behind a word-cloud chart (for vector SVG)
    bitmap: Any = field(default=None, repr=False)  # its rendered PIL image (drawn once, encoded as is by to_png)

    def to_png(self, *, dpi: int = 110) -> bytes:
        """The chart as PNG bytes (``alt`` as its Description); a word cloud is its own bitmap, ``dpi`` unused."""
        buffer = io.BytesIO()
        if self.cloud is not None:  # already a picture: encode it as is, no matplotlib redraw and resampling
            from PIL.PngImagePlugin import PngInfo

            if self.bitmap is None:
                self.bitmap = self.cloud.to_image()
            info = PngInfo()
            info.add_text("Description", self.alt)
            _palette(self.bitmap).save(buffer, format="png", pnginfo=info, optimize=True)
            return buffer.getvalue()
        with _style(self.font):
            image = _rendered(self.figure, dpi)
        return _small_png(image, self.alt)

    def to_svg(self) -> str:
        """The chart as an SVG document (glyphs as paths, or the word cloud with its font subset embedded)."""
        if self.cloud is not None:
            return self.cloud.to_svg(embed_font=True)
        buffer = io.StringIO()
        with _style(self.font):
            self.figure.savefig(buffer, format="svg")
        return buffer.getvalue()

    def save(self, path: str | os.PathLike) -> Path:
        """Write the chart to ``path``; the suffix (``.png`` or ``.svg``) picks the format."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".png":
            path.write_bytes(self.to_png())
        elif suffix == ".svg":
            path.write_text(self.to_svg(), encoding="utf-8")
        else:
            raise NewsAnalysisError(f"{path}: cannot save a chart as {suffix or 'a file without suffix'!r}; "
                                    "expected .png or .svg")
        return path

    def _repr_mimebundle_(self, include=None, exclude=None):
        png = base64.b64encode(self.to_png()).decode("ascii")
        table = {"name": self.name, "csv": self.table.to_csv(index=False)}
        return {"image/png": png, "text/plain": self.alt, TABLE_MIME: table}, {"image/png": {"alt": self.alt}}


@functools.lru_cache(maxsize=8)
def _family(path: Path) -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def missing_glyphs(chart: Chart) -> set[str]:
    """Characters drawn in ``chart`` (titles, labels, ticks, word-cloud words) that its font has no glyph for."""
    from matplotlib.text import Text

    chart.to_png(dpi=40)  # lay out tick labels, which exist only once the figure is drawn
    coverage = font_coverage(chart.font or resolve_font())
    texts = [t.get_text() for t in chart.figure.findobj(Text) if t.get_visible()]
    if chart.cloud is not None:
        texts += [str(item[0][0]) for item in chart.cloud.layout_]
    return {ch for text in texts for ch in text if not ch.isspace() and ord(ch) not in coverage}


def _label(text: Any, font: Path, *, width: int = 16) -> str:
    """A safe label: printable characters the font has (others become ``?``), no mathtext, at most ``width``."""
    coverage = font_coverage(font)
    text = "".join(ch if ord(ch) in coverage else "?" for ch in str(text) if ch.isprintable())
    text = text if len(text) <= width else text[: width - 1] + "…"
    return text.replace("$", r"\$")


def _require(table: pd.DataFrame, columns: tuple[str, ...], chart: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise NewsAnalysisError(f"{chart}: the table lacks column(s) {missing}; expected at least {list(columns)}, "
                                f"got {list(table.columns)}")


def _style(font: Path | None):
    """A matplotlib rc context drawing every text with the CJK font (ticks are laid out at draw time)."""
    import matplotlib

    font = font or resolve_font()
    return matplotlib.rc_context({"font.family": [_family(font)], "axes.unicode_minus": False, "font.size": 9,
                                  "svg.fonttype": "path", "axes.titlesize": 11, "axes.titleweight": "normal"})


def _figure(*, width: float = 7.0, height: float = 4.0, ncols: int = 1):
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.subplots(1, ncols, squeeze=False)[0]
    for ax in axes:
        ax.spines[["top", "right"]].set_visible(False)
    return figure, list(axes)


def _integer_ticks(axis, *, nbins: int | str = "auto") -> None:
    """Ticks on whole numbers only (counts and paragraph numbers have no halves), at most ``nbins`` intervals."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=nbins, integer=True, steps=[1, 2, 5, 10], min_n_ticks=1))


def _few_ticks(axis, *, nbins: int = 4) -> None:
    """At most ``nbins`` tick intervals, for an axis a third of the figure wide."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=nbins))


def _paragraph_ticks(ax, first: int, last: int) -> None:
    """x ticks on paragraph numbers: the first paragraph, then every 1, 2, 5, 10… paragraphs (at most ~10)."""
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 10**9) if (last - first) / s <= 10)
    ticks = [first] + [k for k in range(first + 1, last + 1) if k % step == 0 and k - first >= step / 2]
    ax.set_xticks(ticks, [str(k) for k in ticks])


def _percent_ticks(axis) -> None:
    """Shares of 1 written as percentages (0.25 as 25%)."""
    from matplotlib.ticker import PercentFormatter

    axis.set_major_formatter(PercentFormatter(1.0, decimals=0))


def _empty(ax, message: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#666666")


def _hbar(ax, labels, values, font: Path, *, color: str = PALETTE[0], texts=None, left=None):
    """Horizontal bars, first row on top, each with its value (or ``texts``) written at the end."""
    positions = list(range(len(labels)))[::-1]
    bars = ax.barh(positions, list(values), color=color, left=left)
    ax.set_yticks(positions, [_label(x, font) for x in labels])
    written = texts if texts is not None else [f"{v:g}" for v in values]
    ax.bar_label(bars, labels=[_label(t, font, width=14) for t in written], padding=2, fontsize=8)
    ax.margins(x=0.2)
    return bars


def _listing(labels, values, unit: str, n: int = 5) -> str:
    items = [f"{label}（{value:g}{unit}）" for label, value in list(zip(labels, values))[:n]]
    return "、".join(items) + ("等" if len(labels) > n else "")


def _top_terms(table: pd.DataFrame, value: str, top_n: int) -> pd.DataFrame:
    grouped = table.groupby("term", as_index=False, sort=False)[value].sum()
    return grouped.sort_values([value, "term"], ascending=[False, True], kind="stable").head(top_n)
