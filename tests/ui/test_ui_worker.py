"""Long jobs off the UI thread: the plain runner function, then the one-worker Runner (style.md practice 4)."""

from __future__ import annotations

import threading

import pytest

from estate_desk.domain.errors import InputProblem
from estate_desk.ui.worker import Outcome, Runner, TaskState, run_job

pytestmark = pytest.mark.ui


# ---- the runner is a plain function, tested without threads ----------------------------------


def test_run_job_returns_the_value() -> None:
    assert run_job(lambda state: 42, TaskState()) == Outcome(value=42)


def test_run_job_keeps_the_error_instead_of_raising() -> None:
    problem = InputProblem(zh="坏", en="bad")

    def job(state: TaskState) -> None:
        raise problem

    outcome = run_job(job, TaskState())
    assert outcome.error is problem and not outcome.cancelled and not outcome.ok


def test_a_job_that_stops_after_cancel_counts_as_cancelled() -> None:
    state = TaskState()

    def job(s: TaskState) -> None:
        s.cancel()  # the user pressed Cancel while it ran
        if s.is_cancelled():
            raise InputProblem(zh="已取消", en="cancelled")

    outcome = run_job(job, state)
    assert outcome.cancelled and not outcome.ok


def test_a_job_cancelled_before_it_starts_does_not_run() -> None:
    state = TaskState()
    state.cancel()
    ran = []
    assert run_job(lambda s: ran.append(1), state).cancelled
    assert ran == []


def test_progress_goes_to_the_callback() -> None:
    seen: list[tuple[int, int]] = []
    state = TaskState(on_progress=lambda done, total: seen.append((done, total)))
    run_job(lambda s: [s.report(n, 3) for n in (1, 2, 3)], state)
    assert seen == [(1, 3), (2, 3), (3, 3)] and (state.done, state.total) == (3, 3)


# ---- the Runner: one worker thread, results back on the main thread ---------------------------


@pytest.fixture
def runner(qtbot):  # type: ignore[no-untyped-def]
    r = Runner()
    yield r
    r.shutdown()


def test_runner_hands_the_result_back_on_the_main_thread(runner: Runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    where: list[threading.Thread] = []
    results: list[int] = []

    def job(state: TaskState) -> int:
        where.append(threading.current_thread())
        return 7

    def done(value: int) -> None:
        results.append(value)
        where.append(threading.current_thread())

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.submit(job, on_done=done)
    assert results == [7]
    assert where[0] is not threading.main_thread() and where[1] is threading.main_thread()
    assert not runner.busy


def test_runner_reports_failure_and_progress(runner: Runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    progress: list[tuple[int, int]] = []
    failures: list[BaseException] = []

    def job(state: TaskState) -> None:
        state.report(50, 100)
        raise InputProblem(zh="文件不见了", en="the file vanished")

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.submit(job, on_failed=failures.append, on_progress=lambda d, t: progress.append((d, t)))
    assert progress == [(50, 100)]
    assert isinstance(failures[0], InputProblem) and failures[0].en == "the file vanished"


def test_runner_cancel_stops_a_running_job(runner: Runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    started, go_on = threading.Event(), threading.Event()
    outcome: list[str] = []

    def job(state: TaskState) -> None:
        started.set()
        go_on.wait(5)
        if state.is_cancelled():
            raise InputProblem(zh="已取消", en="cancelled")

    state = runner.submit(
        job, on_done=lambda _: outcome.append("done"), on_cancelled=lambda: outcome.append("cancelled")
    )
    assert started.wait(5)
    assert runner.busy
    state.cancel()
    with qtbot.waitSignal(runner.finished, timeout=5000):
        go_on.set()
    assert outcome == ["cancelled"]


def test_jobs_run_one_at_a_time_in_order(runner: Runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    order: list[int] = []
    for n in range(5):
        runner.submit(lambda s, n=n: order.append(n) or n)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert order == [0, 1, 2, 3, 4]
