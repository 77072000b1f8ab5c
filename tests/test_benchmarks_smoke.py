"""The benchmarks run (``make bench``): their cheapest paths, on tiny inputs.

Nothing here checks a time: targets belong to the benchmarks, which compare against floors
measured in the same run; here we only prove that every piece measures something.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.benchmarks import core, runner
from tests.benchmarks.annotations import Sizes, p5_many_annotations, p6_export, spread_ranges
from tests.benchmarks.core import Result, Workspace

TINY = Sizes(annotations=12, library=40, cycles=1, text_chars=6_000, list_text_chars=6_000)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(
        "Titre\n\n" + "« Bonjour », a dit Jean Dupont à Paris.\n\n" * 120, encoding="utf-8"
    )
    monkeypatch.setenv(core.CORPUS_VARIABLE, str(corpus))
    return Workspace(tmp_path / "bench")


def test_results_make_a_table_and_a_json_file(tmp_path: Path) -> None:
    results = [
        Result("P1", "first paint", "s", 0.3, floor=0.1, max_ratio=2.0),
        Result("P3", "heartbeat", "ms", 12.0, floor=10.0, max_value=50.0),
        Result("P4", "memory", "MiB", 300.0),
        core.skipped("P7", "analysis", "no corpus"),
    ]
    assert [r.passed for r in results] == [False, True, None, None]
    text = core.table(results)
    assert "FAIL" in text and "pass" in text and "skipped" in text and "no corpus" in text
    written = core.write_results(results, tmp_path / "out" / "results.json", {"quick": True})
    document = json.loads(written.read_text(encoding="utf-8"))
    assert [row["benchmark"] for row in document["results"]] == ["P1", "P3", "P4", "P7"]
    assert document["results"][0]["ratio"] == 3.0
    assert document["machine"]["cpus"]


def test_a_paired_ratio_decides_over_the_ratio_of_the_medians() -> None:
    paired = Result("P1", "first paint", "s", 0.3, floor=0.1, max_ratio=2.0, paired_ratio=1.8)
    assert paired.ratio == 1.8 and paired.passed
    assert "1.80×ᵖ" in core.table([paired]) and "paired with a floor" in core.table([paired])


def test_names_are_selected_in_order() -> None:
    assert runner.select(["p5", "P1"]) == ["P1", "P5"]
    assert runner.select([]) == list(runner.BENCHMARKS)
    with pytest.raises(SystemExit):
        runner.select(["P9"])


def test_texts_are_built_to_size(workspace: Workspace) -> None:
    source = core.corpus_text()
    assert source is not None and source.startswith("Titre")
    big = core.repeated_text(source, 20_000)
    assert 19_000 < len(big.encode("utf-8")) <= 20_000 and big.endswith(".")
    assert core.cut_at_line("ab\ncd\nef", 5) == "ab"
    ranges = spread_ranges("x" * 1000, 50)
    assert len(ranges) == 50 and all(0 <= s < e <= 1000 for s, e in ranges)


def test_missing_corpus_skips_the_big_text(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.benchmarks.analysis import p7_throughput
    from tests.benchmarks.startup import Startup, p4_big_text

    monkeypatch.setenv(core.CORPUS_VARIABLE, str(workspace.root / "absent.txt"))
    (first,) = p4_big_text(Startup(workspace, repeat=1))
    assert first.skipped and "GLOSE_CORPUS" in first.skipped
    (analysis,) = p7_throughput(workspace, quick=True)
    assert analysis.skipped


def test_probes_measure_the_floor_and_glose(workspace: Workspace) -> None:
    floor = core.run_probe(workspace, ["floor", str(core.bundled_article())], timeout=60)
    assert floor.wall > 0 and floor.to_first_paint > 0 and floor.data["peak_rss_mib"] > 0
    data_dir = workspace.data_dir("smoke")
    glose = core.run_probe(
        workspace, ["app", "--until", "quotes", "--", "--data-dir", str(data_dir)], timeout=60
    )
    assert glose.wall > 0 and (data_dir / "glose.db").is_file()


def test_each_launch_is_compared_with_the_floor_launched_next_to_it(
    workspace: Workspace,
) -> None:
    from tests.benchmarks.startup import Startup, p1_first_paint

    startup = Startup(workspace, repeat=2)
    (first_paint,) = p1_first_paint(startup)
    floors = first_paint.details["floor"]["wall_s"]
    assert floors["n"] == 2 and first_paint.details["pair_ratios"]["n"] == 2
    assert first_paint.floor == pytest.approx(floors["median"], abs=1e-3)
    pairs = first_paint.details["pair_ratios"]["samples"]
    assert first_paint.ratio == pytest.approx(sum(pairs) / 2, abs=1e-3)
    # Floor, Glose, then Glose, floor: every floor launch is one of the pairs.
    assert len(startup._floor) == 2 and startup.floor()[1]["wall_s"]["n"] == 2


def test_heartbeat_and_paint_waits(qapp: object) -> None:
    from PySide6.QtWidgets import QLabel

    from tests.benchmarks.qt import Heartbeat, until_painted, wait

    heartbeat = Heartbeat()
    heartbeat.start()
    wait(60)
    heartbeat.stop()
    stats = heartbeat.stats()
    assert stats["beats"] >= 2 and stats["max_ms"] > 0
    label = QLabel("glose")
    label.show()
    wait(20)
    timed = until_painted(label, lambda: label.setText("Glose"), 2000)
    assert timed.painted and timed.seconds > 0
    label.close()


def test_many_annotations_and_export_on_tiny_inputs(qapp: object, workspace: Workspace) -> None:
    edits = p5_many_annotations(workspace, TINY)
    assert [r.benchmark for r in edits] == ["P5"] * 7
    assert all(r.measured is not None and r.measured > 0 and r.floor for r in edits)
    shown, complete = edits[4].measured, edits[5].measured
    assert shown is not None and complete is not None and shown <= complete
    (export,) = p6_export(workspace, TINY)
    assert export.measured and export.floor and export.details["entities"] >= 0
