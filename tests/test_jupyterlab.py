"""The explorer in the real JupyterLab UI: JupyterLab on loopback (a token, a free port, settings and kernels in a
temporary folder), Debian's chromium driven by playwright (no browser is ever downloaded), the real
``notebooks/explore.ipynb`` run top to bottom, a term typed into the search box. Skipped, saying why, when
chromium or playwright is missing; ``.ci/run`` installs both."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import FIXTURES, PAGES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (apt-get install -y chromium)")]

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
STARTUP_SECONDS = 120  # how long to wait for JupyterLab and the kernel, not a speed requirement
RUN_SECONDS = 300


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _kernel_spec(folder: Path, name: str) -> None:
    """The notebook's kernel (``newsanalysis``) as this very interpreter, so the test never depends on
    ``make install`` having registered it."""
    spec = folder / "kernels" / name
    spec.mkdir(parents=True)
    spec.joinpath("kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (newsanalysis)", "language": "python"}), encoding="utf-8")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    work = root / "work"
    (work / "data" / "raw").mkdir(parents=True)
    shutil.copy(FIXTURES / PAGES["sample"], work / "data" / "raw" / "sample-page.txt")
    shutil.copy(NOTEBOOK, work / "explore.ipynb")
    kernel = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"]
    _kernel_spec(root / "jupyter", kernel)
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_PATH": str(root / "jupyter"), "JUPYTER_CONFIG_DIR": str(root / "config"),
           "JUPYTER_RUNTIME_DIR": str(root / "runtime"), "NEWSANALYSIS_HOME": str(work)}
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.port_retries=0",
               "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
               "--ServerApp.allow_root=True", "--LabApp.news_url=", "--LabApp.extension_manager=readonly",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               f"--LabApp.user_settings_dir={root / 'settings'}", f"--LabApp.workspaces_dir={root / 'workspaces'}"]
    log = (root / "lab.log").open("wb")
    server = subprocess.Popen(command, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5):
                break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"JupyterLab did not start: {(root / 'lab.log').read_text(errors='replace')[-2000:]}")
            time.sleep(0.5)
    yield {"url": url, "token": token, "work": work, "log": root / "lab.log"}
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


def _wait_for_kernel(lab) -> None:
    """Until the notebook's kernel is started and idle (JupyterLab starts the notebook's kernelspec on open)."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{lab['url']}/api/sessions?token={lab['token']}", timeout=5) as answer:
            sessions = json.loads(answer.read())
        if any(s["path"].endswith("explore.ipynb") and (s.get("kernel") or {}).get("execution_state") == "idle"
               for s in sessions):
            return
        time.sleep(0.5)
    pytest.fail(f"the notebook's kernel did not start: {lab['log'].read_text(errors='replace')[-2000:]}")


ALL_RUN = ("() => { const p = Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt'));"
           " return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.textContent)); }")


def _run_all(page) -> None:
    """Run > Run All Cells; should JupyterLab still ask for the kernel, its preferred one (the notebook's
    kernelspec, Python (newsanalysis)) is accepted and the cells are run again."""
    for attempt in range(2):
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
        page.wait_for_function(f"() => document.querySelector('.jp-Dialog') || ({ALL_RUN})()",
                               timeout=RUN_SECONDS * 1000)
        dialog = page.locator(".jp-Dialog")
        if not dialog.count():
            return
        assert "Python (newsanalysis)" in dialog.locator("select").inner_text()
        dialog.locator("button.jp-mod-accept").click()
        dialog.wait_for(state="detached")
    pytest.fail("JupyterLab asked for a kernel twice")


def test_explorer_in_jupyterlab_runs_and_searches(lab):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        crashes: list[str] = []
        page.on("pageerror", lambda e: crashes.append(str(e)))
        remote: list[str] = []
        page.on("request", lambda r: remote.append(r.url) if not r.url.startswith((lab["url"], "data:", "blob:"))
                else None)
        page.goto(f"{lab['url']}/lab/tree/explore.ipynb?token={lab['token']}")
        page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=STARTUP_SECONDS * 1000)
        _wait_for_kernel(lab)
        page.locator(".jp-StatusBar-TextItem", has_text="Idle").first.wait_for(timeout=STARTUP_SECONDS * 1000)
        _run_all(page)
        search = page.locator(".na-explore .widget-text input")
        search.wait_for(timeout=RUN_SECONDS * 1000)

        search.fill("离岸贸易")
        search.press("Enter")
        rows = page.locator(".na-results table.na-table tbody tr")
        rows.first.wait_for(timeout=RUN_SECONDS * 1000)
        texts = rows.all_inner_texts()
        assert len(texts) == 7 and all("离岸贸易" in t for t in texts)
        assert "产业" in " ".join(texts)  # the contexts around the term, not only the term

        assert "变局之下" in page.locator(".na-explore").first.inner_text()
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, errors.all_inner_texts()
        assert page.locator(".jp-OutputArea-output img").count() >= 1  # the co-occurrence chart
        assert crashes == [] and remote == []
        browser.close()
