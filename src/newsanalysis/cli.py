"""The ``newsanalysis`` command: a thin layer over the library functions.

Every failure the user can cause (missing or undecodable file, a page without articles, an article
index out of range) prints one line ``newsanalysis: error: ...`` and exits with code 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from newsanalysis import __version__, config
from newsanalysis.errors import NewsAnalysisError

EXIT_USAGE = 2
log = logging.getLogger("newsanalysis")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _term(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the term to look for is empty")
    return text.strip()


def _load(path: str, encoding: str | None):
    from newsanalysis.parse.page import load_page, require_articles

    return require_articles(load_page(path, encoding=encoding))


def _articles(page, index: int | None):
    return [page.article(index)] if index is not None else page


def _print_frame(frame, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", 500, "display.max_colwidth", 40, "display.width", 200):
            print(frame.to_string(index=False) if len(frame) else "(no rows)")


def cmd_parse(args: argparse.Namespace) -> int:
    page = _load(args.path, args.encoding)
    if args.json:
        from newsanalysis.parse.tables import page_to_dict

        data = page_to_dict(page)
        if not args.ledger:
            data.pop("ledger")
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return 0
    from newsanalysis.parse.tables import articles_frame

    print(f"{page.source}  ({page.encoding}, {len(page.articles)} articles)")
    frame = articles_frame(page)[["article", "display_title", "reporters", "photographers", "dateline",
                                  "n_subheads", "n_paragraphs", "n_qa_turns", "joins", "duplicates_removed"]]
    _print_frame(frame.astype(object).where(frame.notna(), ""), False)  # no "NaN" for a missing dateline
    dropped = [e for e in page.ledger if e.role == "dropped"]
    if dropped:
        print(f"\n{len(dropped)} line(s) dropped: " + "; ".join(f"line {e.line}: {e.reason}" for e in dropped[:10]))
    _print_warnings(page)
    return 0


def _print_warnings(page) -> None:
    """What the parser was unsure of, to stderr, with how to correct it."""
    if page.warnings:
        print(f"newsanalysis: {len(page.warnings)} place(s) where the parser was unsure "
              f"(correct them in {Path(page.source).stem}.layout.toml beside the page):", file=sys.stderr)
        for warning in page.warnings:
            print(f"  {warning}", file=sys.stderr)


def cmd_process(args: argparse.Namespace) -> int:
    from newsanalysis.parse import require_articles
    from newsanalysis.report.analysis import cached_analysis

    paths = [Path(p) for p in args.paths] or config.raw_pages()
    if not paths:
        raise NewsAnalysisError(f"no page files (*.txt) in {config.raw_dir()}")
    out_root = Path(args.out) if args.out else config.processed_dir()
    failed = 0
    for path in paths:
        try:
            analysis = cached_analysis(path, processed=out_root, encoding=args.encoding)
            require_articles(analysis.page)
            print(f"{path}: {len(analysis.page.articles)} articles, {len(analysis.figures)} figures, "
                  f"{len(analysis.sources)} sources -> {out_root / path.stem}")
        except NewsAnalysisError as exc:
            failed += 1
            print(f"newsanalysis: error: {exc}", file=sys.stderr)
    return EXIT_USAGE if failed else 0


def cmd_terms(args: argparse.Namespace) -> int:
    page = _load(args.path, args.encoding)
    articles = _articles(page, args.article)
    from newsanalysis.stats.terms import term_frequencies

    _print_frame(term_frequencies(articles, top_n=args.top), args.json)
    return 0


def cmd_topics(args: argparse.Namespace) -> int:
    from newsanalysis.stats.topics import topics

    page = _load(args.path, args.encoding)
    model = topics(page, k=args.k)
    if args.json:
        data = {
            "k": model.k,
            "labels": json.loads(model.labels.to_json(orient="records", force_ascii=False)),
            "article_shares": json.loads(model.article_shares.to_json(orient="records", force_ascii=False)),
            "paragraph_weights": json.loads(model.paragraph_weights.to_json(orient="records", force_ascii=False)),
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    else:
        print(f"k = {model.k}")
        _print_frame(model.labels, False)
        _print_frame(model.article_shares, False)
    return 0


def cmd_kwic(args: argparse.Namespace) -> int:
    page = _load(args.path, args.encoding)
    articles = _articles(page, args.article)
    from newsanalysis.stats.terms import kwic

    _print_frame(kwic(articles, args.term, width=args.width), args.json)
    return 0


def cmd_figures(args: argparse.Namespace) -> int:
    page = _load(args.path, args.encoding)
    x = page.article(args.article) if args.article is not None else page
    from newsanalysis.figures.extract import extract_figures

    _print_frame(extract_figures(x, include_headlines=args.include_headlines), args.json)
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    page = _load(args.path, args.encoding)
    x = page.article(args.article) if args.article is not None else page
    from newsanalysis.quotes.extract import extract_quotes

    _print_frame(extract_quotes(x), args.json)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from newsanalysis.report.jobs import run_render

    return run_render([Path(p) for p in args.paths], out=Path(args.out) if args.out else None,
                      jobs=args.jobs, with_code=args.with_code, force=args.force, kernel_name=args.kernel,
                      cell_timeout=args.cell_timeout, corpus=Path(args.corpus) if args.corpus else None,
                      corpus_terms=[t for t in (args.terms or "").split(",") if t.strip()], corpus_period=args.by)


def cmd_corpus_build(args: argparse.Namespace) -> int:
    from newsanalysis.corpus import build_corpus

    bar = sys.stderr.isatty()
    summary = build_corpus(args.patterns, args.out, scheduler=args.scheduler, partition_size=args.partition_size,
                           progress=None if bar else (lambda line: print(line, file=sys.stderr, flush=True)), bar=bar)
    for file, reason in summary.failures:
        print(f"newsanalysis: skipped {file}: {reason.removeprefix(file + ': ')}", file=sys.stderr)
    print(summary)
    return 0


def cmd_corpus_trends(args: argparse.Namespace) -> int:
    from newsanalysis.corpus import term_trends

    _print_frame(term_trends(args.corpus, args.terms, by=args.by), args.json)
    return 0


def cmd_corpus_figures(args: argparse.Namespace) -> int:
    from newsanalysis.corpus import figure_trends

    _print_frame(figure_trends(args.corpus, args.query), args.json)
    return 0


def cmd_corpus_sources(args: argparse.Namespace) -> int:
    from newsanalysis.corpus import source_ranking

    _print_frame(source_ranking(args.corpus, top_n=args.top), args.json)
    return 0


def cmd_corpus_search(args: argparse.Namespace) -> int:
    from newsanalysis.corpus import search_corpus

    _print_frame(search_corpus(args.corpus, args.term, width=args.width, limit=args.limit), args.json)
    return 0


def _add_corpus_commands(sub) -> None:
    corpus = sub.add_parser("corpus", help="an archive of dated pages: build Parquet tables with Dask, then query them")
    csub = corpus.add_subparsers(dest="corpus_command", required=True, metavar="CORPUS_COMMAND")
    p = csub.add_parser("build", help="read, parse and analyse pages with Dask into partitioned Parquet tables")
    p.add_argument("patterns", nargs="+", metavar="GLOB", help="page files or glob patterns (quote ** patterns)")
    p.add_argument("--out", required=True, help="the corpus folder")
    p.add_argument("--scheduler", default="processes",
                   help="processes (default), threads, sync, or a distributed scheduler address tcp://host:8786")
    p.add_argument("--partition-size", type=_positive_int, default=8, help="pages per partition (default 8)")
    p.set_defaults(func=cmd_corpus_build)

    def query(name: str, func, help_text: str):
        q = csub.add_parser(name, help=help_text, description=help_text)
        q.add_argument("--corpus", required=True, help="a folder written by `newsanalysis corpus build`")
        q.add_argument("--json", action="store_true", help="print JSON instead of a table")
        q.set_defaults(func=func)
        return q

    q = query("trends", cmd_corpus_trends, "frequency per 10,000 tokens over time, with counts")
    q.add_argument("terms", nargs="+", type=_term, metavar="TERM", help="terms, e.g. 离岸贸易")
    q.add_argument("--by", choices=["day", "week", "month"], default="month", help="period (default month)")
    q = query("figures", cmd_corpus_figures, "values quoted over time for a figure's subject or unit")
    q.add_argument("query", type=_term, help="a subject or unit, e.g. 社会消费品零售总额")
    q = query("sources", cmd_corpus_sources, "who is quoted, with titles and dates")
    q.add_argument("--top", type=_positive_int, default=None, help="only the first N speakers")
    q = query("search", cmd_corpus_search, "keyword in context across the archive")
    q.add_argument("term", type=_term, help="the term to look for")
    q.add_argument("--width", type=_positive_int, default=20, help="characters of context on each side")
    q.add_argument("--limit", type=_positive_int, default=None, help="at most N rows")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsanalysis", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"newsanalysis {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def page_command(name: str, func, help_text: str, *, article: bool = True, json_flag: bool = True):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("path", help="a page file (UTF-8, GB18030 or UTF-16 with BOM)")
        p.add_argument("--encoding", help="force an encoding instead of detecting it")
        if json_flag:
            p.add_argument("--json", action="store_true", help="print JSON instead of a table")
        if article:
            p.add_argument("--article", type=int, help="only this article (0-based index)")
        p.set_defaults(func=func)
        return p

    p = page_command("parse", cmd_parse, "parse a page into articles", article=False)
    p.add_argument("--ledger", action="store_true", help="with --json, include where every line went")
    p = page_command("terms", cmd_terms, "term frequencies per article")
    p.add_argument("--top", type=_positive_int, default=20, help="terms per article (default 20)")
    p = page_command("topics", cmd_topics, "NMF topics over the page's paragraphs", article=False)
    p.add_argument("--k", type=_positive_int, default=None, help="number of topics (default: chosen automatically)")
    p = page_command("kwic", cmd_kwic, "keyword in context")
    p.add_argument("term", type=_term, help="the term to look for, e.g. 离岸贸易")
    p.add_argument("--width", type=_positive_int, default=20, help="characters of context on each side")
    p = page_command("figures", cmd_figures, "every number the articles quote")
    p.add_argument("--include-headlines", action="store_true", help="also figures in headlines")
    page_command("sources", cmd_sources, "who is quoted saying what")

    p = sub.add_parser("process", help="write every table of each page (articles, paragraphs, ledger, terms, figures, "
                       "sources, quotes, entities, topics; Parquet and CSV) to data/processed/<page>/")
    p.add_argument("paths", nargs="*", help="page files (default: every page in data/raw/)")
    p.add_argument("--out", help="output folder (default: data/processed/)")
    p.add_argument("--encoding", help="force an encoding instead of detecting it")
    p.set_defaults(func=cmd_process)

    p = sub.add_parser("render", help="render HTML reports (default: every page in data/raw/ into reports/)")
    p.add_argument("paths", nargs="*", help="page files (default: every page in data/raw/)")
    p.add_argument("--out", help="output folder (default: reports/)")
    p.add_argument("--jobs", type=_positive_int, default=None, help="notebooks run in parallel (default: number of cores)")
    p.add_argument("--with-code", action="store_true", help="keep code cells in the HTML")
    p.add_argument("--force", action="store_true", help="re-render even reports that are up to date")
    p.add_argument("--kernel", default=None,
                   help="run the notebooks on this named Jupyter kernel (default: the interpreter running newsanalysis)")
    p.add_argument("--cell-timeout", type=_positive_int, default=600,
                   help="seconds a notebook cell may run before its report fails (default 600)")
    p.add_argument("--corpus", help="also render the term trends of this corpus folder (`corpus build --out`)")
    p.add_argument("--terms", help="with --corpus: comma-separated terms (default: the archive's most frequent)")
    p.add_argument("--by", choices=["day", "week", "month"], default="month", help="with --corpus: the period")
    p.set_defaults(func=cmd_render)
    _add_corpus_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except NewsAnalysisError as exc:
        print(f"newsanalysis: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("newsanalysis: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
