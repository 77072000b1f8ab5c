"""Glose's benchmarks (issue "Benchmarks and speed"), run by ``make bench``.

    python -m tests.benchmarks            every benchmark
    python -m tests.benchmarks P1 P5      a subset
    python -m tests.benchmarks --help     options (repetitions, quick mode, output file)

Each benchmark compares what it measures with a floor measured in the same run, prints a
table and writes ``build/bench/results.json``. pytest does not collect this package; timing
targets are checked here, never in unit tests.

This module imports nothing: child processes started for start-up measurements import the
package, and must not pay for more than they measure.
"""
