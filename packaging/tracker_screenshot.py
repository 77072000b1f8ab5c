"""The README's screenshot of « Ailleurs dans la bibliothèque »: three articles reporting one
statement differently (cut, a word changed, another speaker), in a library of their own in a
temporary folder, the third one open with that quotation chosen.

    QT_QPA_PLATFORM=offscreen python packaging/tracker_screenshot.py OUT.png [--theme dark]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

STATEMENT = (
    "« Nous ne lâcherons rien sur les retraites, la mobilisation continue jeudi dans toute "
    "la France, et nous serons encore plus nombreux »"
)
ARTICLES = [
    (
        "test:screenshot/quotidien",
        "2025-03-01",
        "Retraites : l’intersyndicale maintient la pression\n\n"
        "Paris, 1er mars 2025 — Les huit syndicats réunis samedi matin au siège de la CFDT ont "
        "confirmé une nouvelle journée de grève et de manifestations.\n\n"
        f"{STATEMENT}, a déclaré Sophie Binet, secrétaire générale de la CGT, à l’issue de "
        "la réunion.\n\n"
        "Le gouvernement, qui doit présenter son texte en conseil des ministres mercredi, n’a "
        "pas réagi.\n",
    ),
    (
        "test:screenshot/hebdo",
        "2025-03-02",
        "Mobilisation : ce que préparent les syndicats pour jeudi\n\n"
        "Les cortèges partiront de la place de la République à 14 heures.\n\n"
        "« Nous ne lâcherons rien sur les retraites […] nous serons encore plus nombreux », "
        "a prévenu Sophie Binet devant la presse.\n\n"
        "La préfecture de police attend entre 40 000 et 60 000 manifestants à Paris.\n",
    ),
    (
        "test:screenshot/matin",
        "2025-03-03",
        "Grève de jeudi : les transports fortement perturbés\n\n"
        "La SNCF prévoit un train sur trois en moyenne sur les lignes à grande vitesse.\n\n"
        "« Nous ne céderons rien sur les retraites, la mobilisation continue jeudi dans toute "
        "la France », a affirmé Laurent Berger sur France Inter.\n\n"
        "Les syndicats doivent se retrouver vendredi pour décider de la suite du mouvement.\n",
    ),
]
CHOSEN = "« Nous ne céderons rien"


def build_library(data_dir: Path) -> None:
    """The three articles added and analysed as ``glose import`` does, each with its date."""
    from reader.analysis.entities import load_engine
    from reader.library import Library
    from reader.sources import article_from_text
    from reader.store import Verdict

    engine = load_engine("auto")
    with Library.open(data_dir) as library:
        for source, date, text in ARTICLES:
            loaded = dataclasses.replace(article_from_text(source, text), metadata={"date": date})
            article = library.add(loaded)
            library.analyse(loaded.text, loaded.layout, engine, article.id)
        # The reader's verdicts: the statement checked against the union's video, and the
        # report that puts it in another mouth.
        (cluster,) = library.tracker.clusters()
        library.tracker.set_verdict(
            cluster.id,
            Verdict.VERIFIED,
            source="https://www.cgt.fr/videos/conference-de-presse-intersyndicale",
            note="Mot pour mot dans la vidéo de la conférence de presse.",
        )
        misattributed = next(v for v in cluster.variants if v.speaker == "Laurent Berger")
        library.tracker.set_verdict(
            cluster.id,
            Verdict.MISATTRIBUTED,
            note="Propos de Sophie Binet (CGT), pas de Laurent Berger.",
            member_id=misattributed.id,
        )


def shoot(data_dir: Path, out: Path, theme_name: str) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.library import Library
    from reader.sources import article_from_text
    from ui import i18n
    from ui import theme as themes
    from ui.main_window import MainWindow
    from ui.session import ArticleSession
    from ui.settings import Settings

    app = QApplication(sys.argv[:1])
    # The reader's own settings (window geometry, theme) stay out of the picture.
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("GloseScreenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir / "settings")
    )
    i18n.install("fr")
    theme = themes.resolve(theme_name)
    themes.apply_palette(app, theme)
    library = Library.open(data_dir)
    session = ArticleSession(library)
    window = MainWindow(session, theme, Settings())
    window.resize(1280, 800)
    source, _date, text = ARTICLES[-1]
    session.open_loaded(article_from_text(source, text))
    window.show()
    window.raise_panel("quotes")
    window.resizeDocks([window.quotes_dock], [560], Qt.Orientation.Horizontal)
    waited = 0
    while not session.analysis_complete and waited < 60_000:
        QTest.qWait(50)
        waited += 50
    window.quotes_panel.select_quote(text.index(CHOSEN))
    section = window.quotes_panel.elsewhere
    while (section.cluster is None or len(section.cluster.variants) < 3) and waited < 60_000:
        QTest.qWait(50)
        waited += 50
    if section.cluster is None:
        print("tracker_screenshot: the quotation's cluster never showed", file=sys.stderr)
        return 1
    window.quotes_panel.splitter.setSizes([180, 520])
    QTest.qWait(300)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out), "PNG"):
        print(f"tracker_screenshot: could not write {out}", file=sys.stderr)
        return 1
    print(f"Screenshot written to {out}", file=sys.stderr)
    window.close()
    library.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="glose-screenshot-") as folder:
        data_dir = Path(folder) / "library"
        build_library(data_dir)
        return shoot(data_dir, args.out.resolve(), args.theme)


if __name__ == "__main__":
    raise SystemExit(main())
