"""Faults as a user meets them, on real filesystems: a disk that fills up during a render (a small tmpfs), and
a read-only reports folder for a user without root's override rights. Each needs what only some machines allow
(mounting, dropping root), and says so when it skips."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

from newsanalysis.errors import RenderError
from newsanalysis.report import jobs as render

ROOT = Path(__file__).resolve().parent.parent
PAGE = ("消费市场稳中有升\n\n本报记者 赵敏\n\n前十个月，社会消费品零售总额增长4.3%。赵敏说，假日消费带动明显。\n\n"
        "城市更新提速\n\n本报记者 李华\n\n今年已完成改造小区1200个，惠及居民28万户。\n\n"
        "冬季旅游升温\n\n本报记者 王明\n\n冰雪线路预订量同比增长65%。\n")


def _notebook(lines: list[str]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in lines]
    nb.cells[0].metadata["tags"] = ["parameters"]
    return nb


@pytest.fixture
def small_notebooks(tmp_path):
    article = _notebook(['page_path = ""  # page\narticle_index = 0  # article',
                         "from newsanalysis import report\nfrom newsanalysis.parse import load_page\n"
                         "report.headline(load_page(page_path).article(article_index))"])
    overview = _notebook(['page_path = ""  # page', "print('overview')"])
    paths = {"article": tmp_path / "article.ipynb", "overview": tmp_path / "overview.ipynb"}
    nbformat.write(article, paths["article"])
    nbformat.write(overview, paths["overview"])
    return paths


@pytest.fixture
def small_disk():
    """A tmpfs of a given size (root and mount rights needed), unmounted afterwards."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root")
    where = Path(tempfile.mkdtemp(prefix="na-small-disk-"))
    mounted = []

    def mount(size: int) -> Path:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
        if done.returncode:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
        mounted.append(where)
        return where

    try:
        yield mount
    finally:
        if mounted:
            subprocess.run(["umount", str(where)], check=False)
        where.rmdir()


def _complete_html(folder: Path) -> list[Path]:
    pages = [p for p in folder.rglob("*.html")]
    for path in pages:  # atomic writes: a file is there whole or not at all
        assert path.read_text(encoding="utf-8").rstrip().endswith("</html>"), path
    return pages


def test_a_disk_that_fills_up_is_one_clear_error_and_the_next_run_completes(small_disk, small_notebooks, tmp_path):
    page = tmp_path / "2025-12-05_A02.txt"
    page.write_text(PAGE, encoding="utf-8")
    probe = tmp_path / "probe"
    render.render_reports([page], out=probe, jobs=1, notebooks=small_notebooks, processed=tmp_path / "processed")
    needed = sum(p.stat().st_size for p in probe.rglob("*") if p.is_file())
    disk = small_disk(max(8192, needed // 2 // 4096 * 4096))  # room for about half of what the run writes
    out = disk / "reports"
    try:
        result = render.render_reports([page], out=out, jobs=1, notebooks=small_notebooks,
                                       processed=tmp_path / "processed")
        failed = [r for r in result.reports if r.status == "failed"]
        assert failed and all("No space left on device" in r.error for r in failed)
    except RenderError as exc:  # the manifest or the indexes did not fit
        assert "No space left on device" in str(exc) and "\n" not in str(exc)
    _complete_html(out)
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]  # no half-written temp file left
    if (out / "manifest.json").exists():
        json.loads((out / "manifest.json").read_text(encoding="utf-8"))  # never a torn manifest
    subprocess.run(["mount", "-o", "remount,size=40m", str(disk)], check=True)
    again = render.render_reports([page], out=out, jobs=1, notebooks=small_notebooks,
                                  processed=tmp_path / "processed")
    assert again.exit_code == 0
    assert len(_complete_html(out)) == 6  # top index, page index and its overview source, three articles
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert all(entry["status"] == "ok" for entry in manifest["reports"].values())


def _unprivileged() -> list[str]:
    """The command prefix that runs a command without root's override rights (empty when not root)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: cannot drop root's rights to test a read-only folder")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_a_read_only_reports_folder_is_one_line_and_exit_2_for_a_plain_user():
    prefix = _unprivileged()
    work = Path(tempfile.mkdtemp(prefix="na-read-only-"))
    try:
        os.chmod(work, 0o755)
        page = work / "page.txt"
        page.write_text(PAGE, encoding="utf-8")
        os.chmod(page, 0o644)
        locked = work / "reports"
        locked.mkdir()
        (locked / "earlier.html").write_text("<!DOCTYPE html><html></html>\n", encoding="utf-8")
        os.chmod(locked, 0o555)
        env = {**os.environ, "HOME": str(work), "NEWSANALYSIS_PROCESSED": str(work / "processed")}
        probe = subprocess.run([*prefix, sys.executable, "-c", "import newsanalysis"], capture_output=True, env=env)
        if probe.returncode:
            pytest.skip("the unprivileged user cannot run this interpreter (its files are not readable)")
        done = subprocess.run([*prefix, str(Path(sys.executable).parent / "newsanalysis"), "render", str(page),
                               "--out", str(locked)],
                              capture_output=True, text=True, env=env, cwd=str(work), timeout=300)
        assert done.returncode == 2, done.stderr
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
        assert lines[0].startswith("newsanalysis: error:") and "Permission denied" in lines[0]
        assert sorted(p.name for p in locked.iterdir()) == ["earlier.html"]  # nothing there was touched
    finally:
        for path in [work, *work.rglob("*")]:
            if path.is_dir():
                os.chmod(path, 0o755)
        shutil.rmtree(work, ignore_errors=True)
