"""Reports: one analysis per page, the notebooks that show it, and the HTML they become.

What belongs here: the page analysis the notebooks display (``analysis``), the render jobs and their manifest
(``jobs``), running a notebook on a kernel (``kernel``), HTML export and indexes (``export``), provenance and
fingerprints (``provenance``) and report file names (``filenames``).
"""

from newsanalysis.report.analysis import (
    Analysis,
    analyse,
    analyse_page,
    cached_analysis,
    page_overview,
    read_analysis,
    write_analysis,
)
from newsanalysis.report.display import Html, cleaning_log, headline

__all__ = ["Analysis", "Html", "analyse", "analyse_page", "cached_analysis", "cleaning_log", "headline", "page_overview",
           "read_analysis", "render_reports", "write_analysis"]


def __getattr__(name: str):
    # rendering pulls in papermill and nbconvert: loaded only when asked for
    if name in ("render_reports", "run_render", "RenderResult"):
        from newsanalysis.report import jobs

        return getattr(jobs, name)
    raise AttributeError(f"module 'newsanalysis.report' has no attribute {name!r}")
