"""Running the worker (``tests/reliability/worker.py``) and checking what it left behind."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.store.recovery import LibraryUnavailable, open_library
from tests.reliability.worker import ARTICLE_SOURCE

REPO = Path(__file__).resolve().parents[2]
READY_TIMEOUT_S = 30.0

State = dict[str, str]
"""Annotation id → note, for the annotations of one worker."""


@dataclass
class Journal:
    """What a worker reported: the state its acknowledged actions leave, and the action in
    flight when it stopped (which may or may not have been committed)."""

    state: State
    in_flight: dict[str, Any] | None = None
    acknowledged: int = 0


@dataclass
class Tally:
    kills: int = 0
    acknowledged: int = 0
    corruptions: int = 0
    lost: int = 0
    in_flight_committed: int = 0
    interrupted: int = 0
    """Kills that landed while an action was in progress."""
    failures: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.kills += other.kills
        self.acknowledged += other.acknowledged
        self.corruptions += other.corruptions
        self.lost += other.lost
        self.in_flight_committed += other.in_flight_committed
        self.interrupted += other.interrupted
        self.failures += other.failures


def start_worker(
    data_dir: Path, seed: int, prefix: str, count: int, log: Path, *extra: str
) -> subprocess.Popen[bytes]:
    with open(log, "wb") as out, open(log.with_suffix(".err"), "wb") as err:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.reliability.worker",
                str(data_dir),
                str(seed),
                prefix,
                str(count),
                *extra,
            ],
            cwd=REPO,
            stdout=out,
            stderr=err,
        )


def worker_errors(log: Path, tail: int = 2000) -> str:
    """The end of what a worker wrote on its error stream (it may have died mid-character)."""
    return log.with_suffix(".err").read_text(encoding="utf-8", errors="replace")[-tail:]


def wait_until_ready(process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if log.exists() and b"\n" in log.read_bytes()[:200]:
            return
        if process.poll() is not None:
            raise AssertionError("worker exited early: " + worker_errors(log, 3000))
        time.sleep(0.005)
    process.kill()
    raise AssertionError("worker never became ready")


def apply(state: State, record: dict[str, Any]) -> State:
    changed = dict(state)
    if record["begin"] in ("add", "edit"):
        changed[record["id"]] = record["note"]
    elif record["begin"] == "delete":
        changed.pop(record["id"], None)
    return changed


def replay(log: bytes, state: State) -> Journal:
    """The worker's journal applied to ``state``; a last line without its newline is ignored
    (the worker was killed while writing it, maybe inside a character, so the lines are cut
    before they are decoded)."""
    lines = log.split(b"\n")[:-1]
    journal = Journal(dict(state))
    for line in lines:
        record = json.loads(line.decode("utf-8"))
        if "begin" in record:
            journal.in_flight = record
        elif "ok" in record:
            assert journal.in_flight is not None, "an ok without its begin"
            journal.state = apply(journal.state, journal.in_flight)
            journal.in_flight = None
            journal.acknowledged += 1
    return journal


def integrity(data_dir: Path) -> list[str]:
    conn = sqlite3.connect(data_dir / "glose.db")
    try:
        return [str(row[0]) for row in conn.execute("PRAGMA integrity_check").fetchall()]
    finally:
        conn.close()


def stored_state(data_dir: Path, prefix: str) -> tuple[State, bool]:
    """The notes of ``prefix``'s annotations, opened as the app opens its library at start-up
    (damage checks, write probe), and whether every annotation was re-anchored on the current
    text (a torn rewrite would break it)."""
    with open_library(data_dir) as store:
        article = store.find_article(ARTICLE_SOURCE)
        if article is None:
            return {}, True
        annotations = store.annotations(article.id)
        consistent = all(a.text_sha256 == article.sha256 for a in annotations)
        return {a.id: a.note for a in annotations if a.note.startswith(f"{prefix}:")}, consistent


def check(data_dir: Path, prefix: str, journal: Journal, tally: Tally) -> State:
    """Compare the library with the journal; returns the state to expect from now on."""
    found = integrity(data_dir)
    if found != ["ok"]:
        tally.corruptions += 1
        tally.failures.append(f"integrity_check: {found[:3]}")
        return journal.state
    try:
        actual, consistent = stored_state(data_dir, prefix)
    except LibraryUnavailable as unavailable:
        tally.corruptions += 1
        tally.failures.append(f"the app would not open the library: {unavailable}")
        return journal.state
    if not consistent:
        tally.corruptions += 1
        tally.failures.append("annotations anchored on a text the article no longer has")
    if actual == journal.state:
        return actual
    if journal.in_flight is not None and actual == apply(journal.state, journal.in_flight):
        tally.in_flight_committed += 1
        return actual
    missing = [key for key, note in journal.state.items() if actual.get(key) != note] + [
        key for key in actual if key not in journal.state
    ]
    tally.lost += len(missing)
    tally.failures.append(f"{len(missing)} acknowledged action(s) not in the library")
    return actual


def kill_lane(data_dir: Path, seed: int, kills: int, logs: Path, max_delay_s: float) -> Tally:
    """Start the worker, kill it at a random instant, check the library; ``kills`` times."""
    rng = random.Random(seed)
    tally = Tally()
    state: State = {}
    prefix = f"lane{seed}"
    for round_number in range(kills):
        log = logs / f"{prefix}-{round_number}.jsonl"
        process = start_worker(data_dir, rng.randrange(1 << 30), prefix, 0, log)
        wait_until_ready(process, log)
        time.sleep(rng.uniform(0.0, max_delay_s))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if process.returncode != -signal.SIGKILL:
            tally.failures.append(
                f"worker ended by itself ({process.returncode}): " + worker_errors(log)
            )
        journal = replay(log.read_bytes(), state)
        tally.kills += 1
        tally.acknowledged += journal.acknowledged
        tally.interrupted += journal.in_flight is not None
        state = check(data_dir, prefix, journal, tally)
    return tally
