"""All paths and defaults of the project live here; nothing else builds paths from strings."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"


def project_root() -> Path:
    """The project folder: ``$NEWSANALYSIS_HOME``, else the nearest parent of the cwd with ``data/raw``."""
    env = os.environ.get("NEWSANALYSIS_HOME")
    if env:
        return Path(env).resolve()
    cwd = Path.cwd().resolve()
    for candidate in (cwd, *cwd.parents):
        if (candidate / "data" / "raw").is_dir():
            return candidate
    return cwd


def raw_dir() -> Path:
    return project_root() / "data" / "raw"


PROCESSED_ENV = "NEWSANALYSIS_PROCESSED"


def processed_dir() -> Path:
    """Where page analyses are kept: ``$NEWSANALYSIS_PROCESSED``, else the project's ``data/processed``."""
    env = os.environ.get(PROCESSED_ENV)
    return Path(env).resolve() if env else project_root() / "data" / "processed"


def reports_dir() -> Path:
    return project_root() / "reports"


def corpus_dir() -> Path:
    """Where ``newsanalysis corpus build`` writes an archive's tables by default: the project's ``data/corpus``."""
    return project_root() / "data" / "corpus"


def notebooks_dir() -> Path:
    """Report notebooks: the project's own ``notebooks/`` folder when it has them, else the ones shipped with
    the package (so ``pip install newsanalysis`` alone renders reports anywhere)."""
    local = project_root() / "notebooks"
    return local if (local / "article_report.ipynb").is_file() else PACKAGE_DIR / "notebooks"


def user_dict_dir() -> Path:
    """User dictionaries and stopword lists that extend the bundled ones."""
    return project_root() / "data" / "dict"


SAMPLE_PAGE_NAME = "sample-page.txt"
PAGE_SUFFIXES = (".txt",)
KERNEL_NAME = "newsanalysis"


def sample_page() -> Path:
    return raw_dir() / SAMPLE_PAGE_NAME


def raw_pages(folder: Path | None = None) -> list[Path]:
    """Every page file in ``data/raw`` (or ``folder``), sorted by name."""
    folder = folder or raw_dir()
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)


TRACE_ENV = "NEWSANALYSIS_TRACE"


def trace(event: str, detail: str = "") -> None:
    """Append ``event<TAB>detail`` to the file named by ``$NEWSANALYSIS_TRACE`` (no-op when unset).

    Parsing, new-word discovery and analysis reads call this, so a run across several processes (the report
    kernels) can be audited: how often was each page parsed and segmented?
    """
    path = os.environ.get(TRACE_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as handle:  # one short line per write: appends do not interleave
            handle.write(f"{event}\t{os.getpid()}\t{detail}\n")
