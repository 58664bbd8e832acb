"""The local engine: a pool of worker processes on this machine, one unit per task.

Workers are started once (``spawn``: a clean interpreter, as a Spark Python
worker is, with nothing inherited from the driver such as a JVM gateway) and
serve units until the run ends, so each loads the models once. A worker that
dies (killed for memory, a crash in a C extension) breaks the pool: the pool is
restarted, the units that were in flight are tried again one at a time, and a
unit whose worker dies while it runs alone is recorded as a failure; the units
that never started are not charged.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from khabar.batch.partition import Job, UnitResult, run_unit, unit_failed
from khabar.batch.sources import Unit

log = logging.getLogger(__name__)

DIED = "the worker process died while analysing this unit (killed for memory, or a crash)"

Runner = Callable[[Unit, Job], UnitResult]
Progress = Callable[[UnitResult], None]


def default_workers() -> int:
    """All cores this process may use (the CPU affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_local(
    units: list[Unit],
    job: Job,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    runner: Runner = run_unit,
) -> list[UnitResult]:
    """Run every unit on a pool of ``workers`` processes (default: all cores).

    ``runner`` is the per-unit function (tests pass one that crashes its worker).
    """
    workers = max(1, workers or default_workers())
    results: list[UnitResult] = []
    queue = deque(units)
    suspects: set[str] = set()
    context = multiprocessing.get_context("spawn")

    def finish(result: UnitResult) -> None:
        results.append(result)
        if progress:
            progress(result)

    while queue:
        crashed: list[Unit] = []
        with ProcessPoolExecutor(max_workers=min(workers, len(queue)), mp_context=context) as pool:
            inflight: dict[Future[UnitResult], Unit] = {}
            while (queue or inflight) and not crashed:
                # A suspect runs alone: if the pool breaks then, the unit is to blame.
                while queue and len(inflight) < workers and not _alone(inflight, suspects):
                    if queue[0].key in suspects and inflight:
                        break
                    unit = queue.popleft()
                    inflight[pool.submit(runner, unit, job)] = unit
                done, _ = wait(inflight, return_when=FIRST_COMPLETED)
                if any(isinstance(f.exception(), BrokenProcessPool) for f in done):
                    done, _ = wait(inflight)  # the break ends every task still in flight
                for fut in done:
                    unit = inflight.pop(fut)
                    err = fut.exception()
                    if isinstance(err, BrokenProcessPool):
                        crashed.append(unit)
                    elif err is not None:  # a bug or a full disk: this unit fails, the run goes on
                        log.error("%s: %s: %s", unit.label, type(err).__name__, err)
                        finish(unit_failed(unit, job, f"the unit failed: {type(err).__name__}: {err}"))
                    else:
                        finish(fut.result())
        for unit in reversed(crashed):
            if unit.key in suspects or (len(crashed) == 1 and workers == 1):
                log.error("%s: the worker died analysing this unit alone; recorded as a failure", unit.label)
                finish(unit_failed(unit, job, DIED))
            else:
                suspects.add(unit.key)
                queue.appendleft(unit)
        if crashed and queue:
            log.warning("a worker died; restarting the pool (%d unit(s) to go)", len(queue))
    return results


def _alone(inflight: dict[Future[UnitResult], Unit], suspects: set[str]) -> bool:
    return any(u.key in suspects for u in inflight.values())
