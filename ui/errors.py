"""Problems worded in the interface language.

The Qt-free core words its errors in English, the language of the command line, and tags each
with what went wrong. The app says the same thing here, translated, with what to do next.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.export.files import ExportError, ExportProblem
from reader.library import StoreProblem
from reader.sources import SourceError, SourceProblem
from reader.store import StoreError


def _source(error: SourceError) -> str:
    sentences = {
        SourceProblem.MISSING: QCoreApplication.translate(
            "Errors", "%1 n’existe pas : vérifiez le nom et le dossier."
        ),
        SourceProblem.UNREADABLE: QCoreApplication.translate(
            "Errors", "%1 ne peut pas être lu (%2)."
        ),
        SourceProblem.FOLDER: QCoreApplication.translate(
            "Errors", "%1 est un dossier : choisissez un article à l’intérieur."
        ),
        SourceProblem.NOT_A_FILE: QCoreApplication.translate(
            "Errors", "%1 n’est pas un fichier ordinaire : choisissez un article."
        ),
        SourceProblem.TOO_BIG: QCoreApplication.translate(
            "Errors", "%1 est trop grand : Glose ouvre les articles jusqu’à %2 Mo."
        ),
        SourceProblem.EMPTY: QCoreApplication.translate(
            "Errors", "%1 est vide : il n’y a pas de texte à afficher."
        ),
        SourceProblem.BINARY: QCoreApplication.translate(
            "Errors", "%1 n’est pas un texte : ouvrez un article .txt, .md ou .html."
        ),
        SourceProblem.NO_ARTICLE: QCoreApplication.translate(
            "Errors",
            "Aucun article trouvé dans %1 : la page est peut-être vide, a besoin de JavaScript "
            "ou n’est pas un article.",
        ),
        SourceProblem.NOT_AN_ADDRESS: QCoreApplication.translate(
            "Errors", "%1 n’est pas une adresse web (elle doit commencer par http:// ou https://)."
        ),
        SourceProblem.HTTP_ERROR: QCoreApplication.translate("Errors", "%1 a répondu « %2 »."),
        SourceProblem.UNREACHABLE: QCoreApplication.translate(
            "Errors", "%1 est injoignable (%2) : vérifiez l’adresse."
        ),
        SourceProblem.TOO_SLOW: QCoreApplication.translate(
            "Errors",
            "%1 n’a pas fini d’envoyer la page en %2 s : le serveur est trop lent ou ne répond "
            "plus. Réessayez plus tard.",
        ),
    }
    sentence = sentences.get(error.problem)
    if sentence is None:
        return str(error)
    subject = error.subject or QCoreApplication.translate("Errors", "Ce fichier")
    return sentence.replace("%1", subject).replace("%2", error.detail)


def _store(error: StoreError) -> str:
    sentences = {
        StoreProblem.CORRUPT: QCoreApplication.translate(
            "Errors", "La bibliothèque %1 est endommagée : restaurez une sauvegarde (menu Fichier)."
        ),
        StoreProblem.NEWER: QCoreApplication.translate(
            "Errors",
            "La bibliothèque %1 vient d’une version plus récente de Glose : mettez Glose à jour.",
        ),
        StoreProblem.LOCKED: QCoreApplication.translate(
            "Errors",
            "La bibliothèque %1 est occupée par un autre programme : réessayez dans un instant.",
        ),
        StoreProblem.READ_ONLY: QCoreApplication.translate(
            "Errors",
            "La bibliothèque %1 ne peut pas être modifiée : vérifiez les droits du fichier "
            "et de son dossier.",
        ),
        StoreProblem.NOT_FOUND: QCoreApplication.translate(
            "Errors", "Cet élément n’est plus dans la bibliothèque."
        ),
        StoreProblem.DISK_FULL: QCoreApplication.translate(
            "Errors",
            "La bibliothèque %1 n’a pas pu être enregistrée : le disque est plein. "
            "Libérez de la place puis réessayez.",
        ),
        StoreProblem.DISK_ERROR: QCoreApplication.translate(
            "Errors", "La bibliothèque %1 n’a pas pu être lue ou écrite (erreur du disque)."
        ),
    }
    sentence = sentences.get(error.reason)
    if sentence is None:
        return QCoreApplication.translate(
            "Errors", "La bibliothèque n’a pas pu être utilisée : %1"
        ).replace("%1", str(error))
    return sentence.replace("%1", str(error.path) if error.path else "")


def _export(error: ExportError) -> str:
    sentences = {
        ExportProblem.NO_FOLDER: QCoreApplication.translate(
            "Errors", "Le dossier de %1 n’existe pas : choisissez un autre emplacement."
        ),
        ExportProblem.IS_FOLDER: QCoreApplication.translate(
            "Errors", "%1 est un dossier : donnez un nom de fichier."
        ),
        ExportProblem.DISK_FULL: QCoreApplication.translate(
            "Errors",
            "%1 n’a pas été enregistré : le disque est plein. Libérez de la place puis réessayez.",
        ),
        ExportProblem.NOT_ALLOWED: QCoreApplication.translate(
            "Errors", "%1 n’a pas été enregistré : vous ne pouvez pas écrire dans ce dossier."
        ),
        ExportProblem.ENCODING: QCoreApplication.translate(
            "Errors", "%1 n’a pas été enregistré : le texte ne peut pas être codé."
        ),
        ExportProblem.LIBRARY_FILE: QCoreApplication.translate(
            "Errors",
            "%1 fait partie de la bibliothèque de Glose : un export ne l’écrase jamais. "
            "Choisissez un autre nom.",
        ),
        ExportProblem.ARTICLE_SOURCE: QCoreApplication.translate(
            "Errors",
            "%1 est le fichier de l’article « %2 » : un export ne l’écrase jamais. "
            "Choisissez un autre nom.",
        ),
        ExportProblem.NOT_A_FILE: QCoreApplication.translate(
            "Errors", "%1 n’est pas un fichier : choisissez un fichier où enregistrer."
        ),
        ExportProblem.NO_READER: QCoreApplication.translate(
            "Errors",
            "Aucun programme ne lit le tube %1 : lancez celui qui le lit, puis exportez à nouveau.",
        ),
    }
    sentence = sentences.get(
        error.problem, QCoreApplication.translate("Errors", "%1 n’a pas été enregistré (%2).")
    )
    return sentence.replace("%1", str(error.target)).replace("%2", error.detail)


def describe(error: BaseException) -> str:
    """One sentence for the person using Glose, in the interface language."""
    if isinstance(error, SourceError):
        return _source(error)
    if isinstance(error, StoreError):
        return _store(error)
    if isinstance(error, ExportError):
        return _export(error)
    return str(error)
