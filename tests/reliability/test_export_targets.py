"""Where an export may land: never on the library, its backups or an article's own file, by
whatever name or link; into a pipe or a terminal rather than over it; through a symbolic link
to its file, the link kept."""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from reader.cli import main
from reader.export.files import ExportError, ExportProblem, write_export
from reader.export.protected import ProtectedFiles
from reader.store import Store
from reader.store.backups import daily_backup

REPO = Path(__file__).resolve().parents[2]
ARTICLE = "Le titre\n\nLe président a déclaré « nous y croyons » devant la presse.\n"


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file of the library's folder with a hash of its bytes; the library itself by
    what it holds (opening it may fold its write-ahead log into it, as it should)."""
    found = {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith("glose.db")
    }
    with Store(folder) as store:
        for summary in store.articles():
            notes = [a.note for a in store.annotations(summary.id)]
            found[f"article {summary.id}"] = f"{summary.source} {summary.title} {notes}"
    return found


@pytest.fixture
def library(data_dir: Path, tmp_path: Path) -> Path:
    """A library with one annotated article read from a file, a backup, and an open WAL."""
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert main(["annotate", str(source), "--quote", "nous y croyons", "--note", "à garder"]) == 0
    assert daily_backup(data_dir, today=date(2025, 1, 2)) is not None
    return source


def export(*args: str) -> int:
    return main(["export", "--engine", "rules", *args])


def library_targets(data_dir: Path) -> list[Path]:
    backups = sorted((data_dir / "backups").iterdir())
    assert backups
    return [
        data_dir / "glose.db",
        data_dir / "glose.db-wal",
        data_dir / "glose.db-shm",
        data_dir / "glose-damaged-20250101-120000.db",
        backups[0],
        data_dir / "backups" / "glose-2030-01-01.db",
        data_dir / "sub" / ".." / "glose.db",
    ]


def test_no_export_writes_over_the_library_its_companions_or_its_backups(
    library: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(data_dir)
    (data_dir / "sub").mkdir()
    for target in library_targets(data_dir):
        for fmt in ("markdown", "jsonld"):
            assert export("--all", "--format", fmt, "-o", str(target)) == 1, target
            message = capsys.readouterr().err
            assert "file of the Glose library" in message and "never writes over it" in message
            assert message.count("\n") == 1
    assert fingerprint(data_dir) == before
    assert "['à garder']" in before["article 1"]


def test_other_names_for_the_library_are_refused_too(
    library: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(data_dir)
    link = tmp_path / "library-link.md"
    link.symlink_to(data_dir / "glose.db")
    hard = tmp_path / "library-hard-link.md"
    os.link(data_dir / "glose.db", hard)
    to_backups = tmp_path / "to-backups"
    to_backups.symlink_to(data_dir / "backups")
    for target in (link, hard, to_backups / "notes.md"):
        assert export("--all", "-o", str(target)) == 1, target
        assert "file of the Glose library" in capsys.readouterr().err
    assert link.is_symlink()
    assert fingerprint(data_dir) == before


def test_no_export_writes_over_an_articles_own_file(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "autre.txt"
    other.write_text("Un autre article\n\nAvec son texte.\n", encoding="utf-8")
    assert main(["import", str(other)]) == 0
    hard = tmp_path / "hard.md"
    os.link(library, hard)
    relative = Path(os.path.relpath(library))
    cases = [
        (str(library), str(library)),  # `glose export a.txt -o a.txt`
        (str(library), str(other)),  # another article's file
        ("--all", str(relative)),
        ("--all", str(hard)),
    ]
    for what, target in cases:
        assert export(what, "-o", target) == 1, target
        message = capsys.readouterr().err
        assert "is the source of the article" in message and "never writes over it" in message
    assert library.read_text(encoding="utf-8") == ARTICLE
    assert other.read_text(encoding="utf-8") == "Un autre article\n\nAvec son texte.\n"


def test_the_bundled_article_is_an_articles_source_too(data_dir: Path) -> None:
    from reader.resources import bundled_article_path
    from reader.sources import load_bundled

    with Store(data_dir) as store:
        loaded = load_bundled()
        store.add_or_update_article(loaded.source, loaded.title, loaded.text)
        protected = ProtectedFiles.of_library(store)
    refusal = protected.refusal(bundled_article_path())
    assert refusal is not None and refusal.problem is ExportProblem.ARTICLE_SOURCE


def test_an_export_next_to_the_library_is_allowed(library: Path, data_dir: Path) -> None:
    """Only Glose's own files are protected: the data folder is not out of bounds."""
    assert export("--all", "-o", str(data_dir / "export.md")) == 0
    assert (data_dir / "export.md").read_text(encoding="utf-8").startswith("---\n")


def test_a_pipe_is_written_into_and_stays_a_pipe(library: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    # The reading end is open before the export (as ``cat pipe &`` would be); the export is
    # smaller than the pipe's buffer, so nothing waits on anything.
    reading = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        assert export("--all", "-o", str(pipe)) == 0
        received = os.read(reading, 1 << 16)
    except BlockingIOError:
        received = b""
    finally:
        os.close(reading)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert b"> nous y croyons" in received
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pipe")] == []


def test_a_pipe_nobody_reads_is_an_error_when_waiting_is_not_wanted(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(ExportError) as caught:
        write_export(pipe, "texte", ProtectedFiles(), wait_for_reader=False)
    assert caught.value.problem is ExportProblem.NO_READER
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_character_device_is_written_into_and_stays_a_device(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the same device as /dev/null
    assert write_export(null, "# texte\n", ProtectedFiles()) == null
    assert stat.S_ISCHR(null.lstat().st_mode)


def test_a_socket_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "socket"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        with pytest.raises(ExportError) as caught:
            write_export(path, "texte", ProtectedFiles())
        assert caught.value.problem is ExportProblem.NOT_A_FILE
        assert stat.S_ISSOCK(path.lstat().st_mode)
    finally:
        server.close()


def test_a_symbolic_link_is_followed_and_stays_a_link(library: Path, tmp_path: Path) -> None:
    real = tmp_path / "exports" / "notes.md"
    real.parent.mkdir()
    real.write_text("ancien", encoding="utf-8")
    link = tmp_path / "notes-link.md"
    link.symlink_to(real)
    dangling = tmp_path / "new-link.md"
    dangling.symlink_to(tmp_path / "exports" / "new.md")
    assert export("--all", "-o", str(link)) == 0
    assert export("--all", "-o", str(dangling)) == 0
    assert link.is_symlink() and dangling.is_symlink()
    assert "> nous y croyons" in real.read_text(encoding="utf-8")
    assert "> nous y croyons" in (tmp_path / "exports" / "new.md").read_text(encoding="utf-8")


def cli(*args: str, stdout: int | object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "export", "--engine", "rules", *args],
        cwd=REPO,
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        check=False,
        timeout=300,
    )


def test_dev_stdout_is_standard_output_whatever_it_is(library: Path, tmp_path: Path) -> None:
    # What /dev/stdout is (a link to the process's descriptor 1), made where a failure to
    # follow it would replace a link of the test's own and not the system's.
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    piped = cli("--all", "-o", str(stdout))
    assert piped.returncode == 0, piped.stderr
    assert b"> nous y croyons" in piped.stdout
    assert stdout.is_symlink()

    appended = tmp_path / "appended.md"
    appended.write_bytes(b"avant\n")
    inode = appended.stat().st_ino
    with appended.open("ab") as stream:
        to_file = cli("--all", "-o", str(stdout), stdout=stream)
    assert to_file.returncode == 0, to_file.stderr
    assert appended.stat().st_ino == inode and stdout.is_symlink()
    content = appended.read_bytes()
    assert content.startswith(b"avant\n---\n") and b"> nous y croyons" in content
