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


def processed_dir() -> Path:
    return project_root() / "data" / "processed"


def reports_dir() -> Path:
    return project_root() / "reports"


def notebooks_dir() -> Path:
    """Report notebooks: the project's ``notebooks/`` folder, else the one beside the package's source
    checkout (so ``newsanalysis render`` also works when started outside the project folder)."""
    local = project_root() / "notebooks"
    checkout = PACKAGE_DIR.parents[1] / "notebooks"
    return local if local.is_dir() or not checkout.is_dir() else checkout


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
