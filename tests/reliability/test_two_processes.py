"""Two processes writing annotations to one library at the same time: nothing is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.harness import (
    Tally,
    check,
    integrity,
    replay,
    start_worker,
    wait_until_ready,
    worker_errors,
)

ACTIONS = 150


def test_two_writers_on_one_library_lose_nothing(tmp_path: Path) -> None:
    concurrent_writers(tmp_path, ("left", "right"), ACTIONS)


@pytest.mark.soak
def test_four_writers_for_thousands_of_actions_lose_nothing(tmp_path: Path) -> None:
    concurrent_writers(tmp_path, ("one", "two", "three", "four"), 3000)


def concurrent_writers(tmp_path: Path, prefixes: tuple[str, ...], actions: int) -> None:
    data_dir = tmp_path / "data"
    logs = {prefix: tmp_path / f"{prefix}.jsonl" for prefix in prefixes}
    processes = {
        prefix: start_worker(data_dir, seed, prefix, actions, log, "--no-rewrite")
        for seed, (prefix, log) in enumerate(logs.items())
    }
    for prefix, process in processes.items():
        wait_until_ready(process, logs[prefix])
    for prefix, process in processes.items():
        assert process.wait(timeout=1200) == 0, worker_errors(logs[prefix])
    assert integrity(data_dir) == ["ok"]
    tally = Tally()
    for prefix, log in logs.items():
        journal = replay(log.read_bytes(), {})
        assert journal.acknowledged == actions and journal.in_flight is None
        assert journal.state, "every worker keeps some annotations"
        check(data_dir, prefix, journal, tally)
    assert tally.lost == 0 and tally.corruptions == 0, tally.failures


def test_processes_starting_together_on_a_new_library_all_open_it(tmp_path: Path) -> None:
    """Several Glose processes creating the same library at once: one migrates, the others
    wait for it, none fails (each used to run the migrations too)."""
    for round_number in range(5):
        data_dir = tmp_path / f"new-{round_number}"
        logs = [tmp_path / f"start-{round_number}-{n}.jsonl" for n in range(4)]
        processes = [
            start_worker(data_dir, n, f"p{n}", 1, log, "--no-rewrite") for n, log in enumerate(logs)
        ]
        for process, log in zip(processes, logs, strict=True):
            assert process.wait(timeout=60) == 0, worker_errors(log)
        assert integrity(data_dir) == ["ok"]
