"""The explorer: a page picker, an article picker and linked views of one article, in ipywidgets.

The model is plain Python (:class:`Explorer`'s methods change the selection and return the tables shown) and the
widgets only call it, so every view is testable without a browser. Work is done once per page: the page's
analysis (``report.cached_analysis``, kept in ``data/processed/``) and each article's views are computed the
first time they are shown and kept in the explorer; a search only scans the article's paragraphs, on submit.

Displayed, an explorer is its widgets in JupyterLab, and static tables (``text/html``) wherever widgets cannot
run: nbconvert or GitHub rendering a notebook that carries no widget state (see ``docs/explore.md``).
"""

from __future__ import annotations

import base64
import html
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pandas as pd

from newsanalysis import config
from newsanalysis.corpus.build import MANIFEST, read_manifest
from newsanalysis.errors import ArticleIndexError, InputError, NewsAnalysisError
from newsanalysis.explore.views import (
    STYLE,
    article_text,
    error_html,
    figure_html,
    kwic_table,
    sentences_html,
    term_sentences,
    warnings_table,
)
from newsanalysis.normalize import to_matching_text
from newsanalysis.parse.model import Page
from newsanalysis.report.analysis import Analysis, analyse_page, cached_analysis
from newsanalysis.report.display import Html, headline
from newsanalysis.report.readers import (
    figures_table,
    format_figure,
    sources_table,
    table,
)
from newsanalysis.stats.concordance import kwic

KWIC_COLUMNS = ["article", "paragraph", "left", "term", "right", "start", "end", "page_start", "page_end"]


def _corpus_pages(folder: Path) -> list[Path]:
    """The page files a corpus folder's manifest names that exist here (relative names: from the working
    directory, else from the corpus folder's parent)."""
    named = [Path(name) for name in read_manifest(folder)["pages"]]
    found = []
    for path in named:
        for candidate in (path,) if path.is_absolute() else (path, folder.parent / path):
            if candidate.is_file():
                found.append(candidate)
                break
    if not found:
        raise InputError(f"{folder}: none of the {len(named)} page files its {MANIFEST} names is here; "
                         "give the pages too: na.explore(pages, corpus=folder)")
    return found


def resolve_pages(source) -> tuple[list[Path | Page], Path | None]:
    """What ``source`` names: the pages to explore and the corpus folder (None unless ``source`` is one).

    ``source`` is a page file, a parsed Page, a folder of pages (``*.txt``), a corpus folder (``corpus build``
    output, with ``manifest.json``), a list of pages, or None / "" for the bundled sample page.

    Raises:
        InputError: a path that does not exist, a folder without pages, an empty list.

    Example:
        >>> resolve_pages("no/such/page.txt")
        Traceback (most recent call last):
        newsanalysis.errors.InputError: no/such/page.txt: no such page file or folder
    """
    if source is None or (isinstance(source, str) and not source.strip()):
        source = config.sample_page()
    if isinstance(source, Page):
        return [source], None
    if not isinstance(source, (str, Path)):
        pages = [p for item in source for p in resolve_pages(item)[0]]
        if not pages:
            raise InputError("no page to explore: the list of pages is empty")
        return pages, None
    path = Path(source)
    if path.is_file():
        return [path], None
    if not path.is_dir():
        raise InputError(f"{path}: no such page file or folder")
    if (path / MANIFEST).is_file():
        return _corpus_pages(path), path
    pages = config.raw_pages(path)
    if not pages:
        raise InputError(f"{path}: no page files (*.txt) and no {MANIFEST}; give a page file, a folder of pages "
                         "or a corpus folder")
    return list(pages), None


class Explorer:
    """Linked views of a page's articles: annotated text, keyword in context, top terms and figures with their
    sentences, sources, the parser's warnings and, over a corpus, a term's trend.

    Selections are numbered as readers see them (pages and articles from 1). The widgets are attributes
    (``page_picker``, ``article_picker``, ``search_box``, ``results``, ``term_picker``, ``term_view``,
    ``figure_picker``, ``figure_view``, ``text``, ``sources_view``, ``warnings_view``, ``trend_image``);
    ``widget`` holds them all.

    Example:
        >>> ex = Explorer([parse_page("新闻标题\\n\\n本报记者 王明\\n\\n上海离岸贸易增长5%。王明说，离岸贸易还会增长。")], width=3)
        >>> ex.search("离岸贸易")[["left", "term", "right"]].values.tolist()
        [['上海', '离岸贸易', '增长5'], ['明说，', '离岸贸易', '还会增']]
        >>> ex.show_figure(1)["text"]
        '5%'
    """

    def __init__(self, pages: list[Path | Page], *, corpus: str | Path | None = None,
                 processed: str | Path | None = None, width: int = 20, top_n: int = 20):
        if not pages:
            raise InputError("no page to explore")
        self.pages = list(pages)
        self.corpus = Path(corpus) if corpus else None
        if self.corpus is not None and not (self.corpus / MANIFEST).is_file():
            raise InputError(f"{self.corpus}: not a corpus folder (no {MANIFEST}); build one with "
                             "`newsanalysis corpus build`")
        self.processed, self.width, self.top_n = processed, width, top_n
        self.page_index, self.article_index, self.term = 0, 0, ""
        self._analyses: dict[int, Analysis] = {}
        self._last_chart = None  # the trend last drawn, for the static tables
        self._articles: dict[tuple[int, int], dict] = {}
        self._build_widgets()
        self.select_page(1)

    # -- the model -------------------------------------------------------------------------------------------

    @property
    def analysis(self) -> Analysis:
        """The current page's analysis (computed, or read from ``data/processed/``, once per page)."""
        if self.page_index not in self._analyses:
            source = self.pages[self.page_index]
            self._analyses[self.page_index] = (analyse_page(source, top_n=self.top_n) if isinstance(source, Page)
                                               else cached_analysis(source, top_n=self.top_n,
                                                                    processed=self.processed))
        return self._analyses[self.page_index]

    @property
    def page(self) -> Page:
        return self.analysis.page

    @property
    def article(self):
        """The selected Article (None on a page without articles)."""
        articles = self.page.articles
        return articles[self.article_index] if articles else None

    @property
    def tables(self) -> Analysis | None:
        """The selected article's tables (``Analysis.article``)."""
        return self._views()["tables"] if self.article is not None else None

    def _views(self) -> dict:
        """The selected article's tables and HTML, made the first time the article is shown."""
        key = (self.page_index, self.article_index)
        if key not in self._articles:
            tables = self.analysis.article(self.article_index)
            terms = tables.terms.sort_values(["count", "term"], ascending=[False, True], kind="stable")
            self._articles[key] = {
                "tables": tables, "top_terms": terms.head(self.top_n).reset_index(drop=True),
                "headline": headline(self.article), "text": article_text(self.article, tables.figures, tables.quotes),
                "matching": [to_matching_text(text) for text in self.article.paragraphs],
                "figures": figures_table(tables.figures), "sources": sources_table(tables.sources)}
        return self._articles[key]

    def page_names(self) -> list[str]:
        """The pages in the picker's order (file stems)."""
        return [p.stem if isinstance(p, Page) else Path(p).stem for p in self.pages]

    def select_page(self, page: int | str) -> None:
        """Show ``page``: its number in the picker (from 1) or its name (file stem); the first article is shown.

        Raises:
            InputError: no such page.
        """
        names = self.page_names()
        if isinstance(page, str):
            if page not in names:
                raise InputError(f"no page {page!r} here; the pages are {', '.join(names[:10])}")
            index = names.index(page)
        elif 1 <= int(page) <= len(self.pages):
            index = int(page) - 1
        else:
            raise InputError(f"no page {page}: pages are numbered 1 to {len(self.pages)}")
        self.page_index, self.article_index = index, 0
        with self._quiet():
            self.page_picker.value = index
            self.article_picker.options = [(f"{a.index + 1}. {a.title or a.display_title or '（无标题）'}",
                                            a.index + 1) for a in self.page.articles]
        self.warnings_view.value = STYLE + warnings_table(self.analysis.warnings, self.page).markup
        self._show_article()

    def select_article(self, n: int) -> None:
        """Show article ``n`` of the page, counted from 1 as readers count.

        Raises:
            ArticleIndexError: the page has no article ``n``.
        """
        if not 1 <= int(n) <= len(self.page.articles):
            raise ArticleIndexError(f"no article {n} on {self.page_names()[self.page_index]}: its articles are "
                                    f"numbered 1 to {len(self.page.articles)}")
        self.article_index = int(n) - 1
        self._show_article()

    def search(self, term: str) -> pd.DataFrame:
        """Every occurrence of ``term`` in the selected article, ``width`` characters either side (``stats.kwic``
        columns: article, paragraph, left, term, right, start, end, page_start, page_end); shown in ``results``
        and, over a corpus, as the term's trend."""
        self.term = term.strip()
        with self._quiet():
            self.search_box.value = self.term
        if not self.term:
            self.results.value = ""
            return pd.DataFrame(columns=KWIC_COLUMNS)
        if self.article is None:
            self.results.value = STYLE + error_html("此版没有文章。").markup
            return pd.DataFrame(columns=KWIC_COLUMNS)
        rows = self._kwic(self.term)
        self.results.value = f'{STYLE}<div class="na-explore">{kwic_table(rows, self.term).markup}</div>'
        self._trend(self.term)
        return rows

    def show_term(self, term: str) -> pd.DataFrame:
        """The sentences of the selected article holding ``term`` (columns paragraph, sentence, n, spans), shown
        in ``term_view``; over a corpus the term's trend is drawn too."""
        sentences = (term_sentences(self.article, term, self._views()["matching"]) if self.article is not None
                     else pd.DataFrame(columns=["paragraph", "sentence", "n", "spans"]))
        self.term_view.value = f'{STYLE}<div class="na-explore">{sentences_html(sentences, term).markup}</div>'
        with self._quiet():
            self.term_picker.value = term if term in {v for _, v in self.term_picker.options} else None
        self._trend(term)
        return sentences

    def show_figure(self, row: int) -> pd.Series:
        """Figure ``row`` of the figures table (from 1, as numbered there) in its sentence, shown in
        ``figure_view``; returns its row (``figures.extract_figures`` columns).

        Raises:
            InputError: the article has no figure ``row``.
        """
        figures = self.tables.figures if self.tables is not None else pd.DataFrame()
        if not 1 <= int(row) <= len(figures):
            raise InputError(f"no figure {row}: this article's figures are numbered 1 to {len(figures)}")
        figure = figures.iloc[int(row) - 1]
        self.figure_view.value = (f'{STYLE}<div class="na-explore">'
                                  f'{figure_html(figure.to_dict(), int(row), self.article).markup}</div>')
        with self._quiet():
            self.figure_picker.value = int(row)
        return figure

    def _kwic(self, term: str) -> pd.DataFrame:
        """``stats.kwic`` of the selected article, run on the paragraphs that hold ``term`` only (found in the
        article's matching text, made once): a search costs what its hits cost, not what the article does."""
        needle = to_matching_text(term.strip())
        article = self.article
        hits = [p for p, text in enumerate(self._views()["matching"]) if needle in text]
        spans = article.paragraph_spans
        part = replace(article, paragraphs=[article.paragraphs[p] for p in hits],
                       paragraph_spans=[spans[p] if p < len(spans) else () for p in hits])
        rows = kwic(part, term, width=self.width)
        return rows.assign(paragraph=[hits[p] for p in rows["paragraph"]]).astype({"paragraph": "int64"})

    def top_terms(self) -> pd.DataFrame:
        """The selected article's most frequent terms (``stats.term_frequencies`` columns), most frequent first."""
        return self._views()["top_terms"] if self.article is not None else pd.DataFrame(columns=["term", "count"])

    def trend(self, term: str) -> pd.DataFrame:
        """``corpus.term_trends`` of ``term`` over the corpus, by month (empty when exploring pages alone)."""
        if self.corpus is None or not term.strip():
            return pd.DataFrame(columns=["period", "term", "count", "n_tokens", "per_10k", "n_pages"])
        from newsanalysis.corpus.query import term_trends

        return term_trends(self.corpus, [term.strip()], by="month")

    # -- the widgets -----------------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        import ipywidgets as w

        self._updating = False  # a selection made in code moves the pickers without re-running their handlers
        wide = w.Layout(width="48%")
        self.page_picker = w.Dropdown(options=[(name, i) for i, name in enumerate(self.page_names())],
                                      description="版面", layout=wide)
        self.article_picker = w.Dropdown(description="文章", layout=wide)
        self.search_box = w.Text(placeholder="输入词语，回车检索", description="检索", continuous_update=False,
                                 layout=w.Layout(width="60%"))
        self.results, self.headline, self.text = w.HTML(), w.HTML(), w.HTML()
        self.term_picker = w.Select(rows=12, layout=w.Layout(width="14em"))
        self.figure_picker = w.Select(rows=12, layout=w.Layout(width="16em"))
        self.term_view, self.figure_view = w.HTML(layout=w.Layout(flex="1")), w.HTML(layout=w.Layout(flex="1"))
        self.sources_view, self.warnings_view, self.trend_note = w.HTML(), w.HTML(), w.HTML()
        self.trend_image = w.Image(format="png", layout=w.Layout(max_width="100%"))
        tabs = [("正文", self.text), ("高频词", w.HBox([self.term_picker, self.term_view])),
                ("数字", w.HBox([self.figure_picker, self.figure_view])), ("消息来源", self.sources_view),
                ("解析提示", self.warnings_view)]
        if self.corpus is not None:
            tabs.append(("走势", w.VBox([self.trend_note, self.trend_image])))
        self.tabs = w.Tab(children=[view for _, view in tabs], titles=[title for title, _ in tabs])
        self.widget = w.VBox([w.HBox([self.page_picker, self.article_picker]), self.headline, self.search_box,
                              self.results, self.tabs])
        self.widget.add_class("na-explore")
        self.results.add_class("na-results")
        self.page_picker.observe(self._on(lambda v: self.select_page(v + 1)), "value")
        self.article_picker.observe(self._on(self.select_article), "value")
        self.search_box.observe(self._on(self.search), "value")
        self.term_picker.observe(self._on(self.show_term), "value")
        self.figure_picker.observe(self._on(self.show_figure), "value")

    def _on(self, action):
        """A widget handler: ``action(new value)``, unless the change came from code or is a cleared selection;
        a user error is shown in ``results`` rather than lost in the log."""
        def handler(change):
            if self._updating or change["new"] is None:
                return
            try:
                action(change["new"])
            except NewsAnalysisError as exc:
                self.results.value = STYLE + error_html(str(exc)).markup
        return handler

    @contextmanager
    def _quiet(self):
        """Widgets changed by code inside this block do not run their handlers (the model already did)."""
        self._updating = True
        try:
            yield
        finally:
            self._updating = False

    def _show_article(self) -> None:
        article = self.article
        with self._quiet():
            self.article_picker.value = self.article_index + 1 if article is not None else None
            if article is None:
                for view in (self.headline, self.text, self.sources_view, self.term_view, self.figure_view):
                    view.value = ""
                self.text.value = STYLE + error_html(f"{self.page_names()[self.page_index]}：此版没有文章。").markup
                self.term_picker.options, self.figure_picker.options = [], []
                return
            views = self._views()
            self.headline.value = views["headline"].markup
            self.text.value = f'{STYLE}<div class="na-explore">{views["text"].markup}</div>'
            self.sources_view.value = f'{STYLE}<div class="na-explore">{views["sources"].markup}</div>'
            self.term_picker.options = [(f"{r.term}（{r.count}）", r.term) for r in views["top_terms"].itertuples()]
            self.term_picker.value = None
            figures = views["tables"].figures.to_dict("records")
            self.figure_picker.options = [(f"{n}. {f['text']}  {format_figure(f)}", n)
                                          for n, f in enumerate(figures, start=1)]
            self.figure_picker.value = None
            self.term_view.value = "<p>点选左侧的词，看它所在的句子。</p>"
            self.figure_view.value = "<p>点选左侧的数字，看它所在的句子。</p>" if figures else \
                views["figures"].markup
        if self.term:
            self.search(self.term)

    def _trend(self, term: str) -> None:
        if self.corpus is None or not term.strip():
            return
        from newsanalysis.charts.trends import trend_chart

        try:
            chart = trend_chart(self.trend(term), title=f"“{term.strip()}”走势")
        except NewsAnalysisError as exc:
            self.trend_note.value = error_html(str(exc)).markup
            return
        self.trend_image.value = chart.to_png()
        self.trend_note.value = f"<p>{html.escape(chart.alt)}</p>"
        self._last_chart = chart

    # -- display -----------------------------------------------------------------------------------------------

    def static_html(self) -> Html:
        """What the explorer shows, as static tables: the selected article annotated, the search's rows, its top
        terms, figures, sources, the page's warnings and (over a corpus) the trend of the searched term."""
        name = self.page_names()[self.page_index]
        parts: list[tuple[str, Html]] = []
        if self.term:
            rows = self._kwic(self.term) if self.article is not None else pd.DataFrame(columns=KWIC_COLUMNS)
            parts.append((f"检索“{self.term}”", kwic_table(rows, self.term) if self.article is not None
                          else error_html("此版没有文章。")))
        if self.article is not None:
            views = self._views()
            parts = [("", views["headline"]), *parts, ("正文", views["text"]),
                     ("高频词", table(views["top_terms"], {"term": "词", "count": "次数"}, empty="本文没有高频词。",
                                   numeric=("count",))),
                     ("数字", views["figures"]), ("消息来源", views["sources"])]
        parts.append(("解析提示", warnings_table(self.analysis.warnings, self.page)))
        markup = [STYLE, '<div class="na-explore">',
                  f"<p>版面 {html.escape(name)}（{self.page_index + 1}/{len(self.pages)}）"
                  + (f"，文章 {self.article_index + 1}/{len(self.page.articles)}" if self.article else "") + "</p>"]
        text = [f"版面 {name}" + (f"，文章 {self.article_index + 1}" if self.article else "")]
        for title, part in parts:
            if title:
                markup.append(f"<h3>{html.escape(title)}</h3>")
                text.append(f"【{title}】")
            markup.append(part.markup)
            text.append(part.text)
        if self._last_chart is not None:
            png = base64.b64encode(self._last_chart.to_png()).decode("ascii")
            alt = html.escape(self._last_chart.alt, quote=True)
            markup.append(f'<h3>走势</h3><img src="data:image/png;base64,{png}" alt="{alt}">')
            text.append(self._last_chart.alt)
        markup.append("</div>")
        return Html("".join(markup), "\n".join(text))

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        static = self.static_html()
        return {**bundle, "text/html": static.markup, "text/plain": static.text}

    def __repr__(self) -> str:
        return self.static_html().text


def explore(source=None, *, corpus: str | Path | None = None, article: int = 1, term: str = "",
            processed: str | Path | None = None, width: int = 20, top_n: int = 20) -> Explorer:
    """An interactive explorer of pages (ipywidgets in JupyterLab; static tables where widgets cannot run).

    Args:
        source: a page file, a folder of pages, a corpus folder (``newsanalysis corpus build`` output: the
            explorer then adds a term's trend over time), a list of pages, or None / "" for the sample page.
        corpus: a corpus folder giving the trends when ``source`` names the pages themselves.
        article: the article shown first (from 1).
        term: a term searched at once ("" for none).
        processed: where page analyses are kept (default ``data/processed``).
        width: characters shown either side of a searched term.
        top_n: terms in the top-terms list.

    Raises:
        InputError: ``source`` names no page (a missing path, an empty folder); ArticleIndexError: no such
        article.

    Example:
        >>> ex = explore(parse_page("新闻标题\\n\\n本报记者 王明\\n\\n浦东开放。浦东发展。"), term="浦东")
        >>> len(ex.search("浦东")), ex.article.title
        (2, '新闻标题')
    """
    pages, found_corpus = resolve_pages(source)
    explorer = Explorer(pages, corpus=corpus or found_corpus, processed=processed, width=width, top_n=top_n)
    if article != 1:
        explorer.select_article(article)
    if term:
        explorer.search(term)
    return explorer
