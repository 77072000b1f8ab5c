"""A child process that adds, edits and deletes annotations through ``reader.store``.

Run as ``python -m tests.reliability.worker DATA_DIR SEED PREFIX COUNT [--no-rewrite]``. It
writes one JSON line before each action (``begin``) and one after it returned (``ok``): an
action with its ``ok`` line was acknowledged, exactly as the app shows an action as done once
the store call returned. COUNT 0 means « until killed ». Only annotations whose note starts
with PREFIX are touched, so several workers can share one library.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

from reader.store import Store

ARTICLE_SOURCE = "reliability:article"
PARAGRAPH = (
    "« Nous ne céderons rien », a déclaré la ministre devant les députés, avant de quitter "
    "l’hémicycle sous les applaudissements 👏 de la majorité. "
)
ARTICLE_TEXTS = (
    "Titre de l’article\n" + "\n".join(PARAGRAPH * 3 for _ in range(12)),
    "Titre de l’article\nUn chapeau ajouté 🙂.\n" + "\n".join(PARAGRAPH * 3 for _ in range(12)),
)
NOTE_SIZES = (0, 12, 300, 5000)


def emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def note_for(prefix: str, number: int, rng: random.Random) -> str:
    return f"{prefix}:{number}:" + "é" * rng.choice(NOTE_SIZES)


def main(argv: list[str]) -> int:
    data_dir, seed, prefix, count = Path(argv[0]), int(argv[1]), argv[2], int(argv[3])
    rewrites = "--no-rewrite" not in argv
    rng = random.Random(seed)
    store = Store(data_dir)
    article = store.find_article(ARTICLE_SOURCE) or store.add_or_update_article(
        ARTICLE_SOURCE, "Titre de l’article", ARTICLE_TEXTS[0]
    )
    mine = [a.id for a in store.annotations(article.id) if a.note.startswith(f"{prefix}:")]
    emit({"ready": len(mine)})
    number = 0
    while count == 0 or number < count:
        number += 1
        roll = rng.random()
        if not mine or roll < 0.4:
            start = rng.randrange(0, len(article.text) - 40)
            annotation = store.new_annotation(
                article,
                start,
                start + rng.randrange(1, 40),
                note=note_for(prefix, number, rng),
                tags=[f"t{rng.randrange(5)}", "à voir"],
            )
            emit({"begin": "add", "id": annotation.id, "note": annotation.note})
            store.restore_annotation(annotation)
            mine.append(annotation.id)
        elif roll < 0.6:
            target = rng.choice(mine)
            note = note_for(prefix, number, rng)
            emit({"begin": "edit", "id": target, "note": note})
            store.update_annotation(target, note=note, tags=["modifiée"])
        elif roll < 0.75:
            # The app's own edit path: the whole record written back (undo, redo, edit).
            target = rng.choice(mine)
            current = store.annotation(target)
            assert current is not None
            changed = current.with_changes(note=note_for(prefix, number, rng))
            emit({"begin": "edit", "id": target, "note": changed.note})
            store.restore_annotation(changed)
        elif roll < 0.93 or not rewrites:
            target = mine.pop(rng.randrange(len(mine)))
            emit({"begin": "delete", "id": target})
            store.delete_annotation(target)
        else:
            # One transaction that rewrites every annotation: the text changed, all re-anchor.
            text = ARTICLE_TEXTS[1] if article.text == ARTICLE_TEXTS[0] else ARTICLE_TEXTS[0]
            emit({"begin": "rewrite"})
            article = store.add_or_update_article(ARTICLE_SOURCE, "Titre de l’article", text)
        emit({"ok": number})
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
