"""``glose verdict``: the reader's finding on a quotation cluster, or on one of its variants."""

from __future__ import annotations

import argparse

from reader.cli.common import CommandError, add_library_options, existing_store
from reader.cli.output import configure_streams, printable
from reader.cli.quotes import up_to_date_tracker
from reader.store.clusters import Verdict, VerdictRecord


def configure(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    verdict = commands.add_parser(
        "verdict",
        help="mark a quotation cluster verified, distorted, misattributed or unverified",
        description="Give a quotation cluster (see `glose quotes`) a verdict: verifiee "
        "(matches the source given with --source), deformee (changes the meaning), "
        "mal-attribuee, non-verifiee; or remove it with --clear.",
    )
    verdict.add_argument("cluster", type=int, metavar="CLUSTER_ID")
    verdict.add_argument(
        "verdict",
        nargs="?",
        metavar="|".join(v.value for v in Verdict),
        help="the verdict (accents and spaces are accepted: « mal attribuée »)",
    )
    verdict.add_argument("--source", metavar="URL", help="the source checked (kept when not given)")
    verdict.add_argument("--note", metavar="TEXT", help="a note (kept when not given)")
    verdict.add_argument(
        "--variant",
        metavar="ID",
        type=int,
        help="the verdict is on this variant only (its id in `glose quotes --json`)",
    )
    verdict.add_argument("--clear", action="store_true", help="remove the verdict")
    add_library_options(verdict)


def run(args: argparse.Namespace) -> int:
    configure_streams()
    if args.clear == bool(args.verdict):
        raise CommandError("verdict needs a verdict to give, or --clear to remove one.")
    store = existing_store(args)
    if store is None:
        raise CommandError(f"There is no quotation cluster {args.cluster}: the library is empty.")
    tracker = up_to_date_tracker(store)
    where = f"cluster {args.cluster}" + (f", variant {args.variant}" if args.variant else "")
    if args.clear:
        previous = tracker.clear_verdict(args.cluster, args.variant)
        print(f"Quotation {where}: no verdict (was {_described(previous)}).")
        return 0
    try:
        verdict = Verdict.parse(args.verdict)
    except ValueError as error:
        raise CommandError(str(error)) from None
    previous = tracker.set_verdict(
        args.cluster, verdict, source=args.source, note=args.note, member_id=args.variant
    )
    now = tracker.verdict(args.cluster, args.variant)
    print(f"Quotation {where}: {_described(now)} (was {_described(previous)}).")
    return 0


def _described(record: VerdictRecord | None) -> str:
    if record is None:
        return "none"
    text = record.verdict.label
    if record.source:
        text += f", source {printable(record.source)}"
    return text
