"""Running one report notebook with papermill: Unix-socket kernels (no port clashes), one retry when a kernel
fails to start, and a one-line description of what went wrong (cell and error).

By default notebooks run on the interpreter that runs ``newsanalysis`` itself, through a kernel spec made on the
fly (:func:`interpreter_kernel`), so ``pip install newsanalysis`` alone gives a working render; a named kernel
(``--kernel newsanalysis``, the one ``make install`` registers for JupyterLab) is used when asked for.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from newsanalysis.errors import RenderError

INTERPRETER_KERNEL = "newsanalysis-interpreter"  # the spec interpreter_kernel() writes; never registered


def interpreter_kernel(folder: Path) -> Path:
    """Write a kernel spec for this very interpreter (``sys.executable``) under ``folder``; returns the folder
    of kernel specs to search (``<folder>/kernels``)."""
    import json
    import sys

    from newsanalysis.io import atomic_write

    spec = folder / "kernels" / INTERPRETER_KERNEL
    spec.mkdir(parents=True, exist_ok=True)
    # every job of a run writes it while other jobs' kernels start from it: atomically, never seen half-written
    atomic_write(spec / "kernel.json", json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (newsanalysis render)", "language": "python",
        "metadata": {"debugger": False}}))
    return spec.parent

log = logging.getLogger("newsanalysis.render")


def check_kernel(kernel_name: str | None) -> None:
    """Raise RenderError, saying how to install it, when the Jupyter kernel ``kernel_name`` is missing
    (None, this interpreter, is always there)."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    if kernel_name is None:
        return
    try:
        KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        raise RenderError(f"Jupyter kernel {kernel_name!r} is not installed; run `make install` (it runs "
                          f"`python -m ipykernel install --sys-prefix --name {kernel_name}`)") from None


def is_startup_failure(exc: BaseException) -> bool:
    """Kernel start-up races worth one retry: port clashes, slow starts, a kernel dying before it answered."""
    text = f"{type(exc).__name__}: {exc}".lower()
    return isinstance(exc, (TimeoutError, RuntimeError, OSError)) or any(
        word in text for word in ("kernel", "zmq", "address already in use", "timeout", "timed out"))


def kernel_manager_class(folder: Path, env: dict[str, str], kernel_dirs: Path | None = None):
    """A kernel manager that adds ``env`` to the kernel's environment and talks to it over Unix sockets in
    ``folder``: no TCP ports (so no port clashes between parallel kernels) and no "running over TCP without
    encryption" warning in the logs. On Windows it keeps TCP. ``kernel_dirs``, when given, is where kernel
    specs are looked up (the spec of :func:`interpreter_kernel`)."""
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import CaselessStrEnum, Unicode

    async def start_kernel(self, **kw):
        kw["env"] = {**os.environ, **(kw.get("env") or {}), **env}
        # jupyter_client interrupts a kernel before shutting it down; without this every report would log
        # "KeyboardInterrupt caught in kernel". Errors inside cells still reach the notebook over iopub.
        kw["extra_arguments"] = [*kw.get("extra_arguments", []), "--IPKernelApp.log_level=CRITICAL"]
        return await AsyncKernelManager.start_kernel(self, **kw)

    members: dict = {"start_kernel": start_kernel}
    if kernel_dirs is not None:
        from jupyter_client.kernelspec import KernelSpecManager
        from traitlets import default

        members["_kernel_spec_manager_default"] = default("kernel_spec_manager")(
            lambda self: KernelSpecManager(kernel_dirs=[str(kernel_dirs)]))
    if os.name != "nt":
        folder.mkdir(parents=True, exist_ok=True)
        members.update(transport=CaselessStrEnum(["tcp", "ipc"], default_value="ipc"), ip=Unicode(str(folder / "k")))
    return type("ReportKernelManager", (AsyncKernelManager,), members)


def execute(notebook: Path, parameters: dict, target: Path, kernel_name: str | None, workdir: Path,
            env: dict[str, str], *, cell_timeout: float | None = None):
    """Run the notebook with papermill (one retry on kernel start-up failure); returns the executed notebook.

    ``kernel_name`` None runs it on this interpreter (:func:`interpreter_kernel`); a cell running longer than
    ``cell_timeout`` seconds fails the notebook (so one pathological page cannot hold a cron run forever)."""
    import papermill
    from jupyter_client.kernelspec import NoSuchKernel
    from papermill.exceptions import PapermillExecutionError

    kernel_dirs = interpreter_kernel(workdir) if kernel_name is None else None
    for attempt in (1, 2):
        sockets = Path(tempfile.mkdtemp(prefix="k", dir=workdir))
        try:
            return papermill.execute_notebook(str(notebook), str(target), parameters=parameters,
                                              kernel_name=kernel_name or INTERPRETER_KERNEL, progress_bar=False, log_output=False,
                                              start_timeout=120, cwd=None, request_save_on_cell_execute=False,
                                              execution_timeout=cell_timeout,
                                              kernel_manager_class=kernel_manager_class(sockets, env, kernel_dirs))
        except (PapermillExecutionError, NoSuchKernel):
            raise
        except Exception as exc:  # papermill/nbclient/zmq raise many types on start-up races; classified below
            if attempt == 2 or not is_startup_failure(exc):
                raise
            log.warning("%s: kernel start-up failed (%s: %s); retrying once", target.name, type(exc).__name__, exc)
    raise AssertionError("unreachable")


def describe(exc: BaseException, notebook: Path, kernel_name: str | None, executed: Path) -> tuple[str, int | None]:
    """A one-line error naming the failing cell by its index in the source notebook (papermill's injected
    parameters cell is not counted) and its first line."""
    from jupyter_client.kernelspec import NoSuchKernel
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        index = exc.cell_index
        if executed.exists():
            import nbformat

            # papermill adds banner cells about the error to the saved notebook; the index counts without them
            cells = [c for c in nbformat.read(str(executed), as_version=4).cells
                     if "papermill-error-cell-tag" not in c.get("metadata", {}).get("tags", [])][:index]
            index -= sum("injected-parameters" in c.get("metadata", {}).get("tags", []) for c in cells)
        first = (exc.source or "").strip().splitlines()
        return (f"cell {index} of {notebook.name} (`{first[0][:80] if first else ''}`) raised "
                f"{exc.ename}: {exc.evalue}", index)
    if isinstance(exc, NoSuchKernel):
        return (f"kernel {kernel_name!r} is not installed; run `make install` (it runs `python -m ipykernel "
                f"install --sys-prefix --name {kernel_name}`)", None)
    return f"{type(exc).__name__}: {exc}", None
