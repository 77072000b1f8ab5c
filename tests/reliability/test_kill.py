"""SIGKILL at random instants while annotations are written: no corruption, nothing lost.

``GLOSE_KILLS`` sets the number of kills (50 here, 1,000 in ``make soak``), spread over two
libraries killed in parallel.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.reliability.harness import Tally, kill_lane, replay

DEFAULT_KILLS = 50
LANES = 2


def test_killed_writer_never_corrupts_nor_loses_acknowledged_actions(tmp_path: Path) -> None:
    kills = int(os.environ.get("GLOSE_KILLS", DEFAULT_KILLS))
    logs = tmp_path / "logs"
    logs.mkdir()
    shares = [kills // LANES + (1 if lane < kills % LANES else 0) for lane in range(LANES)]
    with ThreadPoolExecutor(LANES) as pool:
        results = list(
            pool.map(
                lambda lane: kill_lane(tmp_path / f"lib{lane}", lane + 1, shares[lane], logs, 0.3),
                range(LANES),
            )
        )
    total = Tally()
    for result in results:
        total.add(result)
    summary = (
        f"{total.kills} kills, {total.acknowledged} acknowledged actions, "
        f"{total.corruptions} corruptions, {total.lost} lost, "
        f"{total.interrupted} kills during an action, "
        f"{total.in_flight_committed} of them after its commit"
    )
    print(summary)
    assert total.kills == kills
    assert total.acknowledged > kills, "the kills landed before any write: " + summary
    assert total.interrupted > kills // 2, "the kills landed between actions: " + summary
    assert not total.failures, summary + "\n" + "\n".join(total.failures[:10])


def test_a_journal_cut_inside_a_character_replays_its_whole_lines() -> None:
    whole = '{"begin": "add", "id": "a", "note": "été"}\n{"ok": true}\n'.encode()
    cut = whole + '{"begin": "add", "id": "b", "note": "é'.encode()[:-1]
    journal = replay(cut, {})
    assert journal.acknowledged == 1
    assert journal.state == {"a": "été"}
