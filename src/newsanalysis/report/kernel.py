"""Running one report notebook with papermill on the project's kernel: Unix-socket kernels (no port clashes),
one retry when a kernel fails to start, and a one-line description of what went wrong (cell and error)."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from newsanalysis.errors import RenderError

if TYPE_CHECKING:
    from newsanalysis.report.jobs import Job

log = logging.getLogger("newsanalysis.render")


def check_kernel(kernel_name: str) -> None:
    """Raise RenderError, saying how to install it, when the Jupyter kernel ``kernel_name`` is missing."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

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


def kernel_manager_class(folder: Path, env: dict[str, str]):
    """A kernel manager that adds ``env`` to the kernel's environment and talks to it over Unix sockets in
    ``folder``: no TCP ports (so no port clashes between parallel kernels) and no "running over TCP without
    encryption" warning in the logs. On Windows it keeps TCP."""
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import CaselessStrEnum, Unicode

    async def start_kernel(self, **kw):
        kw["env"] = {**os.environ, **(kw.get("env") or {}), **env}
        # jupyter_client interrupts a kernel before shutting it down; without this every report would log
        # "KeyboardInterrupt caught in kernel". Errors inside cells still reach the notebook over iopub.
        kw["extra_arguments"] = [*kw.get("extra_arguments", []), "--IPKernelApp.log_level=CRITICAL"]
        return await AsyncKernelManager.start_kernel(self, **kw)

    members: dict = {"start_kernel": start_kernel}
    if os.name != "nt":
        folder.mkdir(parents=True, exist_ok=True)
        members.update(transport=CaselessStrEnum(["tcp", "ipc"], default_value="ipc"), ip=Unicode(str(folder / "k")))
    return type("ReportKernelManager", (AsyncKernelManager,), members)


def execute(job: "Job", kernel_name: str, workdir: Path, env: dict[str, str]):
    """Run the notebook with papermill (one retry on kernel start-up failure); returns the executed notebook."""
    import papermill
    from jupyter_client.kernelspec import NoSuchKernel
    from papermill.exceptions import PapermillExecutionError

    target = workdir / f"{job.key.replace('/', '__')}.ipynb"
    for attempt in (1, 2):
        sockets = Path(tempfile.mkdtemp(prefix="k", dir=workdir))
        try:
            return papermill.execute_notebook(str(job.notebook), str(target), parameters=job.parameters,
                                              kernel_name=kernel_name, progress_bar=False, log_output=False,
                                              start_timeout=120, cwd=None, request_save_on_cell_execute=False,
                                              kernel_manager_class=kernel_manager_class(sockets, env))
        except (PapermillExecutionError, NoSuchKernel):
            raise
        except Exception as exc:  # papermill/nbclient/zmq raise many types on start-up races; classified below
            if attempt == 2 or not is_startup_failure(exc):
                raise
            log.warning("%s: kernel start-up failed (%s: %s); retrying once", job.key, type(exc).__name__, exc)
    raise AssertionError("unreachable")


def describe(exc: BaseException, job: "Job", kernel_name: str, executed: Path) -> tuple[str, int | None]:
    """A one-line error naming the failing cell by its index in the source notebook (papermill's injected
    parameters cell is not counted) and its first line."""
    from jupyter_client.kernelspec import NoSuchKernel
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        index = exc.cell_index
        if executed.exists():
            import nbformat

            cells = nbformat.read(str(executed), as_version=4).cells[:index]
            index -= sum("injected-parameters" in c.get("metadata", {}).get("tags", []) for c in cells)
        first = (exc.source or "").strip().splitlines()
        return (f"cell {index} of {job.notebook.name} (`{first[0][:80] if first else ''}`) raised "
                f"{exc.ename}: {exc.evalue}", index)
    if isinstance(exc, NoSuchKernel):
        return (f"kernel {kernel_name!r} is not installed; run `make install` (it runs `python -m ipykernel "
                f"install --sys-prefix --name {kernel_name}`)", None)
    return f"{type(exc).__name__}: {exc}", None
