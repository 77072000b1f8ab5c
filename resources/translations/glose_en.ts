<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="110"/>
        <source>&amp;Ouvrir…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="110"/>
        <source>Ouvrir un article (.txt, .md)</source>
        <translation>Open an article (.txt, .md)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="113"/>
        <source>Ouvrir une &amp;adresse…</source>
        <translation>Open &amp;Address…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="114"/>
        <source>Télécharger un article depuis le web (seule action qui utilise le réseau)</source>
        <translation>Download an article from the web (the only action that uses the network)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="116"/>
        <source>&amp;Exporter…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="116"/>
        <source>Exporter les annotations en Markdown</source>
        <translation>Export the annotations as Markdown</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="119"/>
        <source>&amp;Importer des annotations…</source>
        <translation>&amp;Import Annotations…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="120"/>
        <source>Importer des annotations W3C JSON-LD (d’un export de Glose ou d’ailleurs)</source>
        <translation>Import W3C JSON-LD annotations (from a Glose export or elsewhere)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="122"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="125"/>
        <source>&amp;Annoter…</source>
        <translation>&amp;Annotate…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="126"/>
        <source>Annoter la sélection, la citation ou l’entité (A)</source>
        <translation>Annotate the selection, the quotation or the entity (A)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="130"/>
        <source>&amp;Modifier l’annotation…</source>
        <translation>&amp;Edit Annotation…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="131"/>
        <source>Modifier la note de l’annotation choisie (Entrée)</source>
        <translation>Edit the note of the selected annotation (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="135"/>
        <source>&amp;Supprimer l’annotation</source>
        <translation>&amp;Delete Annotation</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="136"/>
        <source>Supprimer l’annotation choisie (Suppr)</source>
        <translation>Delete the selected annotation (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="96"/>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="97"/>
        <source>Rétablir</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="139"/>
        <source>Zoom &amp;avant</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="140"/>
        <source>Zoom a&amp;rrière</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="141"/>
        <source>Taille &amp;normale</source>
        <translation>&amp;Normal Size</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="144"/>
        <source>Curseur de &amp;lecture</source>
        <translation>&amp;Reading Cursor</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="145"/>
        <source>Afficher un curseur pour sélectionner au clavier (F7)</source>
        <translation>Show a cursor to select text with the keyboard (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="147"/>
        <source>À &amp;propos de Glose</source>
        <translation>&amp;About Glose</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="150"/>
        <source>Marquer comme &amp;entité…</source>
        <translation>Mark as E&amp;ntity…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="151"/>
        <source>Marquer la sélection comme personne, lieu, organisation… (E)</source>
        <translation>Mark the selection as a person, place, organisation… (E)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="153"/>
        <source>Corrections pour &amp;tous les articles</source>
        <translation>Corrections for All Ar&amp;ticles</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="155"/>
        <source>Les corrections d’entités s’appliquent aussi aux autres articles</source>
        <translation>Entity corrections also apply to the other articles</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="157"/>
        <source>&amp;Rechercher…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="157"/>
        <source>Rechercher dans l’article (Ctrl+F)</source>
        <translation>Search the article (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="160"/>
        <source>Surli&amp;gner</source>
        <translation>&amp;Highlight</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="161"/>
        <source>Surligner la sélection dans le style courant (H)</source>
        <translation>Highlight the selection in the current style (H)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="163"/>
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="164"/>
        <source>St&amp;yles…</source>
        <translation>St&amp;yles…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="164"/>
        <source>Nommer et colorer les styles</source>
        <translation>Name and colour the styles</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="165"/>
        <source>Thème du &amp;système</source>
        <translation>&amp;System Theme</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="166"/>
        <source>Thème &amp;clair</source>
        <translation>&amp;Light Theme</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="167"/>
        <source>Thème &amp;sombre</source>
        <translation>&amp;Dark Theme</translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <location filename="../../ui/annotating.py" line="61"/>
        <source>(sans note)</source>
        <translation>(no note)</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="67"/>
        <source>locuteur non identifié</source>
        <translation>unidentified speaker</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="113"/>
        <source>Sélectionnez un passage, ou cliquez une citation ou une entité, puis Annoter.</source>
        <translation>Select a passage, or click a quotation or an entity, then Annotate.</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="120"/>
        <source>Citation de %1</source>
        <translation>Quotation from %1</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="122"/>
        <source>Entité : %1</source>
        <translation>Entity: %1</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="146"/>
        <source>Annotation enregistrée.</source>
        <translation>Annotation saved.</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="189"/>
        <source>Sélectionnez d’abord un passage.</source>
        <translation>Select a passage first.</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="194"/>
        <source>Surligné : %1</source>
        <translation>Highlighted: %1</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="199"/>
        <source>Sélectionnez dans le texte le passage où rattacher l’annotation.</source>
        <translation>Select the passage in the text to reattach the annotation to.</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="202"/>
        <source>Annotation rattachée.</source>
        <translation>Annotation reattached.</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="217"/>
        <source>Style %1 : %2</source>
        <translation>Style %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="236"/>
        <source>Style courant : %1</source>
        <translation>Current style: %1</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="250"/>
        <source>Correction enregistrée ; l’article est réanalysé.</source>
        <translation>Correction saved; the article is being re-analysed.</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="274"/>
        <source>Sélectionnez d’abord les mots qui forment le nom.</source>
        <translation>First select the words that make up the name.</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="280"/>
        <source>Marquer comme entité</source>
        <translation>Mark as Entity</translation>
    </message>
    <message>
        <location filename="../../ui/annotating.py" line="281"/>
        <source>Type de « %1 » :</source>
        <translation>Type of “%1”:</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../ui/annotation_editor.py" line="87"/>
        <source>Modifier l’annotation</source>
        <translation>Edit Annotation</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="87"/>
        <source>Annoter</source>
        <translation>Annotate</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="98"/>
        <source>Passage annoté</source>
        <translation>Annotated passage</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="105"/>
        <source>Votre note (Markdown accepté)…</source>
        <translation>Your note (Markdown allowed)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="106"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="110"/>
        <source>Aperçu de la note</source>
        <translation>Note preview</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="113"/>
        <source>Écrire</source>
        <translation>Write</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="114"/>
        <source>Aperçu</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="118"/>
        <source>étiquettes, séparées par des virgules</source>
        <translation>tags, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="119"/>
        <source>Étiquettes</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="123"/>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="131"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="132"/>
        <source>É&amp;tiquettes</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="133"/>
        <source>St&amp;yle</source>
        <translation>St&amp;yle</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../ui/annotation_list.py" line="192"/>
        <source>déplacée</source>
        <translation>moved</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_list.py" line="194"/>
        <source>orpheline</source>
        <translation>orphaned</translation>
    </message>
    <message>
        <location filename="../../ui/annotation_list.py" line="218"/>
        <source>(sans note)</source>
        <translation>(no note)</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../ui/annotations_panel.py" line="129"/>
        <source>Rechercher dans les annotations</source>
        <translation>Search annotations</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="139"/>
        <source>Filtrer par état d’ancrage</source>
        <translation>Filter by anchoring status</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="128"/>
        <source>Rechercher…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="130"/>
        <source>Ordre des annotations</source>
        <translation>Annotation order</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="132"/>
        <source>Ordre du texte</source>
        <translation>Text order</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="132"/>
        <source>Plus récentes</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="132"/>
        <source>Plus anciennes</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="136"/>
        <source>Filtrer par étiquette</source>
        <translation>Filter by tag</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="137"/>
        <source>Filtrer par style</source>
        <translation>Filter by style</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="138"/>
        <source>Filtrer par nature</source>
        <translation>Filter by kind</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="146"/>
        <source>Toutes natures</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="148"/>
        <source>Passages</source>
        <translation>Passages</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="149"/>
        <source>Citations</source>
        <translation>Quotations</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="150"/>
        <source>Entités</source>
        <translation>Entities</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="156"/>
        <source>Tous états</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="158"/>
        <source>Ancrées</source>
        <translation>Anchored</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="159"/>
        <source>Déplacées (texte modifié)</source>
        <translation>Moved (text changed)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="160"/>
        <source>Orphelines (passage disparu)</source>
        <translation>Orphaned (passage gone)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="163"/>
        <source>Liste des annotations</source>
        <translation>Annotation list</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="165"/>
        <source>Sélectionnez un passage puis « Annoter… » (touche A) pour ajouter une note.</source>
        <translation>Select a passage, then “Annotate…” (key A) to add a note.</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="167"/>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="168"/>
        <source>Modifier l’annotation choisie</source>
        <translation>Edit the selected annotation</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="169"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="170"/>
        <source>Supprimer l’annotation choisie</source>
        <translation>Delete the selected annotation</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="171"/>
        <source>Rattacher à la sélection</source>
        <translation>Reattach to Selection</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="173"/>
        <source>Rattacher l’annotation choisie au passage sélectionné</source>
        <translation>Reattach the chosen annotation to the passage selected in the text</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="264"/>
        <source>Toutes étiquettes</source>
        <translation>All tags</translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="271"/>
        <source>Tous styles</source>
        <translation>All styles</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="119"/>
        <source>L’article fourni avec Glose est ouvert à la place.</source>
        <translation>Opening the article bundled with Glose instead.</translation>
    </message>
</context>
<context>
    <name>ArticleDisplay</name>
    <message>
        <location filename="../../ui/article_display.py" line="98"/>
        <source>%1 citations · %2 entités · %3 annotations</source>
        <translation>%1 quotations · %2 entities · %3 annotations</translation>
    </message>
</context>
<context>
    <name>ArticleSession</name>
    <message>
        <location filename="../../ui/session.py" line="151"/>
        <source>Le texte reste affiché, mais il ne peut pas être annoté.</source>
        <translation>The text stays on screen, but it cannot be annotated.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/session.py" line="211"/>
        <source>%n annotation(s) déplacée(s) ou orpheline(s) : le texte a changé.</source>
        <translation>
            <numerusform>%n annotation moved or orphaned: the text has changed.</numerusform>
            <numerusform>%n annotations moved or orphaned: the text has changed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="222"/>
        <source>Téléchargement de %1…</source>
        <translation>Downloading %1…</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="234"/>
        <source>La page n’a pas pu être ouverte : %1</source>
        <translation>The page could not be opened: %1</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="247"/>
        <source>Cet article n’est plus dans la bibliothèque.</source>
        <translation>This article is no longer in the library.</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="345"/>
        <source>La sauvegarde n’a pas pu être restaurée : %1</source>
        <translation>The backup could not be restored: %1</translation>
    </message>
    <message>
        <location filename="../../ui/edits.py" line="161"/>
        <source>Ouvrez un autre article avant de supprimer celui-ci.</source>
        <translation>Open another article before deleting this one.</translation>
    </message>
    <message>
        <location filename="../../ui/edits.py" line="167"/>
        <source>Supprimer l’article</source>
        <translation>Delete Article</translation>
    </message>
    <message>
        <location filename="../../ui/edits.py" line="154"/>
        <source>Rattacher l’annotation</source>
        <translation>Reattach Annotation</translation>
    </message>
    <message>
        <location filename="../../ui/edits.py" line="182"/>
        <source>Corriger le locuteur</source>
        <translation>Correct Speaker</translation>
    </message>
    <message>
        <location filename="../../ui/edits.py" line="193"/>
        <location filename="../../ui/edits.py" line="202"/>
        <source>Corriger les entités</source>
        <translation>Correct Entities</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="264"/>
        <source>Modèle spaCy absent : entités reconnues par des règles (moins précises).</source>
        <translation>No spaCy model: entities are recognised by rules (less accurate).</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="266"/>
        <source>Analyse de l’article…</source>
        <translation>Analysing the article…</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="282"/>
        <source>Analyse terminée — citations : %1, entités : %2.</source>
        <translation>Analysis complete — quotations: %1, entities: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="291"/>
        <source>L’analyse des entités a échoué : %1</source>
        <translation>Entity analysis failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/edits.py" line="105"/>
        <source>Annoter</source>
        <translation>Annotate</translation>
    </message>
    <message>
        <location filename="../../ui/edits.py" line="128"/>
        <source>Modifier l’annotation</source>
        <translation>Edit Annotation</translation>
    </message>
    <message>
        <location filename="../../ui/edits.py" line="138"/>
        <source>Supprimer l’annotation</source>
        <translation>Delete Annotation</translation>
    </message>
    <message>
        <location filename="../../ui/edits.py" line="222"/>
        <source>Modifier les styles</source>
        <translation>Edit Styles</translation>
    </message>
    <message>
        <location filename="../../ui/edits.py" line="242"/>
        <source>Importer des annotations</source>
        <translation>Import Annotations</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../ui/article_view.py" line="152"/>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../ui/article_view.py" line="156"/>
        <source>Texte de l’article, avec citations et entités surlignées</source>
        <translation>Article text, with quotations and entities highlighted</translation>
    </message>
    <message>
        <location filename="../../ui/article_view.py" line="154"/>
        <source>Texte de l’article ; les mentions de fin de page sont grisées</source>
        <translation>Article text; end-of-page notices are greyed out</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../ui/backup_actions.py" line="33"/>
        <source>La bibliothèque semble endommagée : la sauvegarde du jour n’a pas été faite. Vous pouvez restaurer une sauvegarde depuis le menu Fichier.</source>
        <translation>The library looks damaged: today’s backup was not made. You can restore a backup from the File menu.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="41"/>
        <source>La sauvegarde du jour a échoué : %1</source>
        <translation>Today’s backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="53"/>
        <source>Sauvegarde du %1 (%2)</source>
        <translation>Backup of %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="66"/>
        <source>Sauvegarde du %1 restaurée ; la bibliothèque précédente est gardée dans %2.</source>
        <translation>Backup of %1 restored; the previous library is kept in %2.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="79"/>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a Backup</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="84"/>
        <source>Il n’y a pas encore de sauvegarde : Glose en fait une par jour, au démarrage.</source>
        <translation>There is no backup yet: Glose makes one a day, when it starts.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="94"/>
        <source>Sauvegarde à restaurer :</source>
        <translation>Backup to restore:</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="105"/>
        <source>Remplacer la bibliothèque actuelle par la sauvegarde du %1 ? La bibliothèque actuelle est d’abord copiée à côté, elle n’est pas perdue.</source>
        <translation>Replace the current library with the backup of %1? The current library is copied alongside it first, so it is not lost.</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="119"/>
        <source>Restaurer une &amp;sauvegarde…</source>
        <translation>Restore a &amp;Backup…</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="123"/>
        <source>Remplacer la bibliothèque par une de ses sauvegardes quotidiennes</source>
        <translation>Replace the library with one of its daily backups</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <location filename="../../ui/dialog_buttons.py" line="16"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/dialog_buttons.py" line="19"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ElsewhereSection</name>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="126"/>
        <source>Choisissez une citation pour la voir ailleurs.</source>
        <translation>Choose a quotation to see it elsewhere.</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="135"/>
        <source>Recherche dans la bibliothèque…</source>
        <translation>Searching the library…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/elsewhere_section.py" line="157"/>
        <source>Rapportée par %n article(s).</source>
        <translation>
            <numerusform>Reported by %n article.</numerusform>
            <numerusform>Reported by %n articles.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="159"/>
        <source>Aucun autre article de la bibliothèque ne la rapporte.</source>
        <translation>No other article in the library reports it.</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="166"/>
        <source>Les articles ne s’accordent pas sur le locuteur :</source>
        <translation>The articles disagree on who said it:</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="170"/>
        <source>Locuteur : %1</source>
        <translation>Speaker: %1</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="171"/>
        <source>Verdict : %1</source>
        <translation>Verdict: %1</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="172"/>
        <source>Pas de verdict.</source>
        <translation>No verdict.</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="181"/>
        <source>source : %1</source>
        <translation>source: %1</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="189"/>
        <source>%1 : mots absents de cette version · %2 : mots ajoutés · %3 : mots changés.</source>
        <translation>%1: words this version leaves out · %2: words it adds · %3: words it changes.</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="190"/>
        <source>barré</source>
        <translation>struck out</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="191"/>
        <source>souligné</source>
        <translation>underlined</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="192"/>
        <source>en gras</source>
        <translation>in bold</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="203"/>
        <source>Sans titre</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="207"/>
        <source>cet article</source>
        <translation>this article</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="212"/>
        <source>Verdict sur cette version : %1</source>
        <translation>Verdict on this version: %1</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="213"/>
        <source>verdict…</source>
        <translation>verdict…</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="215"/>
        <source>retirer</source>
        <translation>remove</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="276"/>
        <source>Ailleurs dans la bibliothèque</source>
        <translation>Elsewhere in the library</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="277"/>
        <source>La citation dans les articles de la bibliothèque</source>
        <translation>The quotation in the articles of the library</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="278"/>
        <source>Verdict…</source>
        <translation>Verdict…</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="279"/>
        <source>Donner un verdict sur cette citation</source>
        <translation>Give a verdict on this quotation</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="280"/>
        <source>Retirer le verdict</source>
        <translation>Remove the verdict</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="281"/>
        <source>Retirer le verdict sur cette citation</source>
        <translation>Remove the verdict on this quotation</translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <location filename="../../ui/entities_panel.py" line="127"/>
        <source>Filtrer les entités par type</source>
        <translation>Filter entities by type</translation>
    </message>
    <message>
        <location filename="../../ui/entities_panel.py" line="128"/>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../ui/entities_panel.py" line="131"/>
        <source>Liste des entités</source>
        <translation>Entity list</translation>
    </message>
    <message>
        <location filename="../../ui/entities_panel.py" line="160"/>
        <source>%1 groupes, %2 mentions</source>
        <translation>%1 groups, %2 mentions</translation>
    </message>
    <message>
        <location filename="../../ui/entities_panel.py" line="167"/>
        <source>Reconnues par %1</source>
        <translation>Recognised by %1</translation>
    </message>
    <message>
        <location filename="../../ui/entities_panel.py" line="153"/>
        <source>%1 — mention %2 sur %3</source>
        <translation>%1 — mention %2 of %3</translation>
    </message>
    <message>
        <location filename="../../ui/entities_panel.py" line="212"/>
        <source>Changer le type</source>
        <translation>Change Type</translation>
    </message>
    <message>
        <location filename="../../ui/entities_panel.py" line="220"/>
        <source>Ce n’est pas une entité</source>
        <translation>Not an Entity</translation>
    </message>
    <message>
        <location filename="../../ui/entities_panel.py" line="222"/>
        <source>Fusionner avec</source>
        <translation>Merge With</translation>
    </message>
    <message>
        <location filename="../../ui/entities_panel.py" line="231"/>
        <source>Séparer</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../ui/entities_panel.py" line="235"/>
        <source>« %1 » à part</source>
        <translation>“%1” on Its Own</translation>
    </message>
    <message>
        <location filename="../../ui/entities_panel.py" line="242"/>
        <source>Articles qui mentionnent %1</source>
        <translation>Articles Mentioning %1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="19"/>
        <source>%1 n’existe pas : vérifiez le nom et le dossier.</source>
        <translation>%1 does not exist: check the name and the folder.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="22"/>
        <source>%1 ne peut pas être lu (%2).</source>
        <translation>%1 cannot be read (%2).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="25"/>
        <source>%1 est un dossier : choisissez un article à l’intérieur.</source>
        <translation>%1 is a folder: choose an article inside it.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="28"/>
        <source>%1 n’est pas un fichier ordinaire : choisissez un article.</source>
        <translation>%1 is not a regular file: choose an article.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="31"/>
        <source>%1 est trop grand : Glose ouvre les articles jusqu’à %2 Mo.</source>
        <translation>%1 is too large: Glose opens articles of up to %2 MB.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="34"/>
        <source>%1 est vide : il n’y a pas de texte à afficher.</source>
        <translation>%1 is empty: there is no text to show.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="37"/>
        <source>%1 n’est pas un texte : ouvrez un article .txt, .md ou .html.</source>
        <translation>%1 is not text: open a .txt, .md or .html article.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="40"/>
        <source>Aucun article trouvé dans %1 : la page est peut-être vide, a besoin de JavaScript ou n’est pas un article.</source>
        <translation>No article found in %1: the page may be empty, need JavaScript, or not be an article.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="45"/>
        <source>%1 n’est pas une adresse web (elle doit commencer par http:// ou https://).</source>
        <translation>%1 is not a web address (it must start with http:// or https://).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="48"/>
        <source>%1 a répondu « %2 ».</source>
        <translation>%1 replied “%2”.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="49"/>
        <source>%1 est injoignable (%2) : vérifiez l’adresse.</source>
        <translation>%1 cannot be reached (%2): check the address.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="52"/>
        <source>%1 n’a pas fini d’envoyer la page en %2 s : le serveur est trop lent ou ne répond plus. Réessayez plus tard.</source>
        <translation>%1 did not finish sending the page in %2 s: the server is too slow or no longer answers. Try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="61"/>
        <source>Ce fichier</source>
        <translation>This file</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="67"/>
        <source>La bibliothèque %1 est endommagée : restaurez une sauvegarde (menu Fichier).</source>
        <translation>The library %1 is damaged: restore a backup (File menu).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="70"/>
        <source>La bibliothèque %1 vient d’une version plus récente de Glose : mettez Glose à jour.</source>
        <translation>The library %1 comes from a newer version of Glose: update Glose.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="74"/>
        <source>La bibliothèque %1 est occupée par un autre programme : réessayez dans un instant.</source>
        <translation>The library %1 is in use by another program: try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="78"/>
        <source>La bibliothèque %1 ne peut pas être modifiée : vérifiez les droits du fichier et de son dossier.</source>
        <translation>The library %1 cannot be modified: check the permissions of the file and its folder.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="83"/>
        <source>Cet élément n’est plus dans la bibliothèque.</source>
        <translation>This item is no longer in the library.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="86"/>
        <source>La bibliothèque %1 n’a pas pu être enregistrée : le disque est plein. Libérez de la place puis réessayez.</source>
        <translation>The library %1 could not be saved: the disk is full. Free some space, then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="91"/>
        <source>La bibliothèque %1 n’a pas pu être lue ou écrite (erreur du disque).</source>
        <translation>The library %1 could not be read or written (disk error).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="97"/>
        <source>La bibliothèque n’a pas pu être utilisée : %1</source>
        <translation>The library could not be used: %1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="105"/>
        <source>Le dossier de %1 n’existe pas : choisissez un autre emplacement.</source>
        <translation>The folder of %1 does not exist: choose another location.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="108"/>
        <source>%1 est un dossier : donnez un nom de fichier.</source>
        <translation>%1 is a folder: give a file name.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="111"/>
        <source>%1 n’a pas été enregistré : le disque est plein. Libérez de la place puis réessayez.</source>
        <translation>%1 was not saved: the disk is full. Free some space, then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="115"/>
        <source>%1 n’a pas été enregistré : vous ne pouvez pas écrire dans ce dossier.</source>
        <translation>%1 was not saved: you cannot write to this folder.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="118"/>
        <source>%1 n’a pas été enregistré : le texte ne peut pas être codé.</source>
        <translation>%1 was not saved: the text cannot be encoded.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="121"/>
        <source>%1 fait partie de la bibliothèque de Glose : un export ne l’écrase jamais. Choisissez un autre nom.</source>
        <translation>%1 is part of the Glose library: an export never writes over it. Choose another name.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="126"/>
        <source>%1 est le fichier de l’article « %2 » : un export ne l’écrase jamais. Choisissez un autre nom.</source>
        <translation>%1 is the file of the article “%2”: an export never writes over it. Choose another name.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="131"/>
        <source>%1 n’est pas un fichier : choisissez un fichier où enregistrer.</source>
        <translation>%1 is not a file: choose a file to save to.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="134"/>
        <source>Aucun programme ne lit le tube %1 : lancez celui qui le lit, puis exportez à nouveau.</source>
        <translation>No program reads from the pipe %1: start the one that reads it, then export again.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="140"/>
        <source>%1 n’a pas été enregistré (%2).</source>
        <translation>%1 was not saved (%2).</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="66"/>
        <source>Exporter les annotations</source>
        <translation>Export Annotations</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="77"/>
        <source>Format de l’export</source>
        <translation>Export format</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="78"/>
        <source>Markdown (pour les personnes)</source>
        <translation>Markdown (for people)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="79"/>
        <source>W3C Web Annotation JSON-LD (pour les programmes)</source>
        <translation>W3C Web Annotation JSON-LD (for programs)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="81"/>
        <source>Annotations à exporter</source>
        <translation>Annotations to export</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="82"/>
        <source>Cet article</source>
        <translation>This article</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="84"/>
        <source>L’annotation choisie</source>
        <translation>The selected annotation</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="85"/>
        <source>Toute la bibliothèque</source>
        <translation>The whole library</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="87"/>
        <source>Filtrer par étiquette</source>
        <translation>Filter by tag</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="88"/>
        <source>Toutes les étiquettes</source>
        <translation>All tags</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="92"/>
        <source>Filtrer par style</source>
        <translation>Filter by style</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="93"/>
        <source>Tous les styles</source>
        <translation>All styles</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="96"/>
        <source>Ajouter toutes les &amp;citations</source>
        <translation>Include all &amp;quotations</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="97"/>
        <source>Ajouter l’index des &amp;entités</source>
        <translation>Include the &amp;entity index</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="105"/>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="106"/>
        <source>&amp;Portée</source>
        <translation>Sco&amp;pe</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="110"/>
        <source>Filtres</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="115"/>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="181"/>
        <source>Markdown (*.md);;JSON-LD (*.jsonld *.json)</source>
        <translation>Markdown (*.md);;JSON-LD (*.jsonld *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="198"/>
        <source>Remplacer le fichier ?</source>
        <translation>Replace File?</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="199"/>
        <source>%1 existe déjà. Le remplacer ?</source>
        <translation>%1 already exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="202"/>
        <source>Rien n’a été enregistré.</source>
        <translation>Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="119"/>
        <source>Aperçu de l’export</source>
        <translation>Export preview</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="126"/>
        <source>&amp;Copier</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="129"/>
        <source>&amp;Enregistrer…</source>
        <translation>&amp;Save…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="132"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="170"/>
        <source>Copié dans le presse-papiers.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="179"/>
        <source>Enregistrer l’export</source>
        <translation>Save Export</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="210"/>
        <source>Enregistré dans %1</source>
        <translation>Saved to %1</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/file_actions.py" line="45"/>
        <source>Ouvrir un article</source>
        <translation>Open Article</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="47"/>
        <source>Articles (*.txt *.md *.markdown);;Tous les fichiers (*)</source>
        <translation>Articles (*.txt *.md *.markdown);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="57"/>
        <source>Ouvrir une adresse</source>
        <translation>Open Address</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="58"/>
        <source>Adresse de l’article (http:// ou https://) :</source>
        <translation>Web address of the article (http:// or https://):</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="73"/>
        <source>(aucun)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="108"/>
        <source>Importer des annotations</source>
        <translation>Import Annotations</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="110"/>
        <source>Web Annotation JSON-LD (*.jsonld *.json);;Tous les fichiers (*)</source>
        <translation>Web Annotation JSON-LD (*.jsonld *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="117"/>
        <source>Annotations importées</source>
        <translation>Annotations Imported</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="125"/>
        <source>%n créée(s)</source>
        <translation>
            <numerusform>%n created</numerusform>
            <numerusform>%n created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="126"/>
        <source>%n mise(s) à jour</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="127"/>
        <source>%n inchangée(s)</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="132"/>
        <source>%n déplacée(s)</source>
        <translation>
            <numerusform>%n moved</numerusform>
            <numerusform>%n moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="133"/>
        <source>%n orpheline(s)</source>
        <translation>
            <numerusform>%n orphaned</numerusform>
            <numerusform>%n orphaned</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="136"/>
        <source>%1 ; %2.</source>
        <translation>%1; %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="140"/>
        <source>%n gardée(s) telle(s) quelle(s) : la copie de la bibliothèque est plus récente.</source>
        <translation>
            <numerusform>%n kept as it was: the library&apos;s copy is newer.</numerusform>
            <numerusform>%n kept as they were: the library&apos;s copies are newer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="149"/>
        <source>%n importée(s) comme nouvelle(s) : son identifiant était celui d’une annotation d’un autre article.</source>
        <translation>
            <numerusform>%n imported as new: its id belonged to another article&apos;s annotation.</numerusform>
            <numerusform>%n imported as new: their ids belonged to other articles&apos; annotations.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/find_bar.py" line="76"/>
        <source>Rechercher dans l’article (sans accents ni majuscules)</source>
        <translation>Search the article (ignores accents and case)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="78"/>
        <source>Rechercher dans l’article</source>
        <translation>Search the article</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="82"/>
        <source>Occurrence précédente (Maj+Entrée)</source>
        <translation>Previous match (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="83"/>
        <source>Occurrence précédente</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="87"/>
        <source>Occurrence suivante (Entrée)</source>
        <translation>Next match (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="88"/>
        <source>Occurrence suivante</source>
        <translation>Next match</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="98"/>
        <source>Nombre d’occurrences</source>
        <translation>Number of matches</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="92"/>
        <source>Fermer la recherche (Échap)</source>
        <translation>Close search (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="93"/>
        <source>Fermer la recherche</source>
        <translation>Close search</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="160"/>
        <source>aucune</source>
        <translation>no matches</translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="163"/>
        <source>%1 sur %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <location filename="../../ui/layers.py" line="75"/>
        <source>Citations</source>
        <translation>Quotations</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="76"/>
        <source>teinte bleue</source>
        <translation>blue tint</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="81"/>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="82"/>
        <source>fond de couleur du style</source>
        <translation>background in the style’s colour</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="87"/>
        <source>Personnes</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="88"/>
        <source>souligné plein</source>
        <translation>solid underline</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="93"/>
        <source>Lieux</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="94"/>
        <source>souligné tirets</source>
        <translation>dashed underline</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="99"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="100"/>
        <source>souligné pointillé</source>
        <translation>dotted underline</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="105"/>
        <source>Autres noms</source>
        <translation>Other names</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="106"/>
        <source>souligné ondulé</source>
        <translation>wavy underline</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="111"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="112"/>
        <source>souligné tiret-point</source>
        <translation>dash-dot underline</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="117"/>
        <source>Recherche</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="118"/>
        <source>fond orange</source>
        <translation>orange background</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../ui/legend.py" line="95"/>
        <source>Légende</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../../ui/legend.py" line="96"/>
        <source>Légende des surlignages</source>
        <translation>Highlight legend</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <location filename="../../ui/library_dock.py" line="115"/>
        <source>Supprimer l’article</source>
        <translation>Delete Article</translation>
    </message>
    <message>
        <location filename="../../ui/library_dock.py" line="117"/>
        <source>Supprimer cet article et ses annotations de la bibliothèque ? Vous pourrez annuler (Ctrl+Z).</source>
        <translation>Delete this article and its annotations from the library? You can undo this (Ctrl+Z).</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../ui/library_panel.py" line="52"/>
        <source>Article fourni avec Glose</source>
        <translation>Article bundled with Glose</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="95"/>
        <source>Sans titre</source>
        <translation>Untitled</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/library_panel.py" line="100"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="116"/>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="117"/>
        <source>Annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="118"/>
        <source>Citation</source>
        <translation>Quotation</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="119"/>
        <source>Verdict sur une citation</source>
        <translation>Verdict on a quotation</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../ui/library_panel.py" line="184"/>
        <source>Rechercher dans toute la bibliothèque</source>
        <translation>Search the whole library</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="185"/>
        <source>Rechercher dans la bibliothèque</source>
        <translation>Search the library</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="186"/>
        <source>Articles de la bibliothèque</source>
        <translation>Library articles</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="187"/>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="188"/>
        <source>Ouvrir l’article choisi</source>
        <translation>Open the selected article</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="189"/>
        <source>Supprimer…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="190"/>
        <source>Supprimer l’article choisi</source>
        <translation>Delete the selected article</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="191"/>
        <source>Tous les articles</source>
        <translation>All Articles</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="192"/>
        <source>Revenir à la liste des articles</source>
        <translation>Back to the list of articles</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/library_panel.py" line="210"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/library_panel.py" line="212"/>
        <source>%n résultat(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="214"/>
        <source>Citations de %1 : %2</source>
        <translation>Quotations from %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/library_panel.py" line="217"/>
        <source>Articles qui mentionnent %1 : %2</source>
        <translation>Articles mentioning %1: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Citations</source>
        <translation>Quotations</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>Entités</source>
        <translation>Entities</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>Bibliothèque</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>Fichiers &amp;récents</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>Style &amp;courant</source>
        <translation>Current &amp;Style</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>&amp;Thème</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>&amp;Calques</source>
        <translation>La&amp;yers</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="229"/>
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>Outils</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>À propos de Glose</source>
        <translation>About Glose</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>&lt;h3&gt;Glose %1&lt;/h3&gt;&lt;p&gt;Lire et annoter les articles de presse : citations et locuteurs, entités nommées, notes exportées en Markdown.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Glose %1&lt;/h3&gt;&lt;p&gt;Read and annotate news articles: quotations and their speakers, named entities, notes exported as Markdown.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>QuotationTracking</name>
    <message>
        <location filename="../../ui/quotation_tracking.py" line="104"/>
        <source>Cette citation est trop courte pour être suivie d’un article à l’autre.</source>
        <translation>This quotation is too short to be followed from one article to another.</translation>
    </message>
    <message>
        <location filename="../../ui/quotation_tracking.py" line="107"/>
        <source>L’article est en cours d’analyse : la citation sera suivie ensuite.</source>
        <translation>The article is being analysed: the quotation will be followed afterwards.</translation>
    </message>
    <message>
        <location filename="../../ui/quotation_tracking.py" line="108"/>
        <source>Cette citation n’est pas encore suivie dans la bibliothèque.</source>
        <translation>This quotation is not followed in the library yet.</translation>
    </message>
    <message>
        <location filename="../../ui/quotation_tracking.py" line="116"/>
        <source>La bibliothèque n’a pas pu être lue : %1</source>
        <translation>The library could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/quotation_tracking.py" line="155"/>
        <source>Verdict « %1 »</source>
        <translation>Verdict “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/quotation_tracking.py" line="163"/>
        <source>Retrait du verdict</source>
        <translation>Verdict removed</translation>
    </message>
    <message>
        <location filename="../../ui/quotation_tracking.py" line="173"/>
        <source>Verdict sur la version de « %1 » :</source>
        <translation>Verdict on the version of “%1”:</translation>
    </message>
    <message>
        <location filename="../../ui/quotation_tracking.py" line="174"/>
        <source>Sans titre</source>
        <translation>Untitled</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/quotation_tracking.py" line="180"/>
        <source>Verdict sur la citation, rapportée par %n article(s) :</source>
        <translation>
            <numerusform>Verdict on the quotation, reported by %n article:</numerusform>
            <numerusform>Verdict on the quotation, reported by %n articles:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuoteListModel</name>
    <message>
        <location filename="../../ui/quotes_panel.py" line="41"/>
        <source>Locuteur non identifié</source>
        <translation>Unidentified speaker</translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message>
        <location filename="../../ui/quotes_panel.py" line="120"/>
        <source>Grouper par locuteur</source>
        <translation>Group by speaker</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_panel.py" line="121"/>
        <source>Grouper les citations par locuteur</source>
        <translation>Group quotations by speaker</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_panel.py" line="126"/>
        <source>Liste des citations</source>
        <translation>Quotation list</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_panel.py" line="136"/>
        <location filename="../../ui/quotes_panel.py" line="206"/>
        <source>Corriger le locuteur…</source>
        <translation>Correct Speaker…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_panel.py" line="137"/>
        <source>Corriger le locuteur de la citation choisie</source>
        <translation>Correct the speaker of the selected quotation</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/quotes_panel.py" line="175"/>
        <source>%1 — %n citation(s)</source>
        <translation>
            <numerusform>%1 — %n quotation</numerusform>
            <numerusform>%1 — %n quotations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/quotes_panel.py" line="211"/>
        <source>Verdict sur cette citation…</source>
        <translation>Verdict on this quotation…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes_panel.py" line="217"/>
        <source>Toutes les citations de %1 dans la bibliothèque</source>
        <translation>All Quotations from %1 in the Library</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="56"/>
        <source>La bibliothèque %1 est endommagée ou n’est pas une bibliothèque Glose.</source>
        <translation>The library %1 is damaged or is not a Glose library.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="60"/>
        <source>La bibliothèque %1 a été créée par une version plus récente de Glose : mettez Glose à jour pour l’ouvrir.</source>
        <translation>The library %1 was created by a newer version of Glose: update Glose to open it.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="65"/>
        <source>La bibliothèque %1 ne peut pas être modifiée : le fichier ou son dossier est en lecture seule.</source>
        <translation>The library %1 cannot be modified: the file or its folder is read-only.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="70"/>
        <source>La bibliothèque %1 est bloquée par un autre programme : fermez-le puis réessayez.</source>
        <translation>The library %1 is locked by another program: close it, then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="74"/>
        <source>La bibliothèque %1 ne peut pas être ouverte.</source>
        <translation>The library %1 cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="92"/>
        <source>Bibliothèque indisponible — %1</source>
        <translation>Library Unavailable — %1</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="114"/>
        <source>&amp;Nouvelle bibliothèque</source>
        <translation>&amp;New Library</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="118"/>
        <source>&amp;Restaurer la sauvegarde du %1</source>
        <translation>&amp;Restore the Backup of %1</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="123"/>
        <source>&amp;Réessayer</source>
        <translation>Re&amp;try</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="124"/>
        <source>&amp;Ouvrir un autre dossier…</source>
        <translation>&amp;Open Another Folder…</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="125"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="164"/>
        <source>Le fichier endommagé ne sera pas effacé : il sera renommé à côté, avec la date et l’heure, avant toute nouvelle bibliothèque ou restauration.</source>
        <translation>The damaged file will not be deleted: it will be renamed in the same folder, with the date and time, before any new library or restore.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="169"/>
        <source>Le fichier est laissé tel quel. Vous pouvez ouvrir ou créer une bibliothèque dans un autre dossier.</source>
        <translation>The file is left as it is. You can open or create a library in another folder.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="172"/>
        <source>Le fichier est laissé tel quel.</source>
        <translation>The file is left as it is.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery_dialog.py" line="204"/>
        <source>Dossier de la bibliothèque</source>
        <translation>Library Folder</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelp</name>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="40"/>
        <source>Raccourcis clavier</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="44"/>
        <source>Liste des raccourcis clavier</source>
        <translation>Keyboard shortcut list</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="45"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="45"/>
        <source>Touches</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="56"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <location filename="../../ui/speaker_dialog.py" line="27"/>
        <source>Qui parle ?</source>
        <translation>Who Is Speaking?</translation>
    </message>
    <message>
        <location filename="../../ui/speaker_dialog.py" line="36"/>
        <source>Locuteur</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../ui/speaker_dialog.py" line="37"/>
        <source>(personne : pas de locuteur)</source>
        <translation>(nobody: no speaker)</translation>
    </message>
    <message>
        <location filename="../../ui/speaker_dialog.py" line="46"/>
        <source>Choisissez une personne ou une organisation, ou tapez un nom :</source>
        <translation>Choose a person or an organisation, or type a name:</translation>
    </message>
</context>
<context>
    <name>StylesDialog</name>
    <message>
        <location filename="../../ui/styles_dialog.py" line="39"/>
        <source>Styles de surlignage</source>
        <translation>Highlight Styles</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="44"/>
        <source>Styles</source>
        <translation>Styles</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="48"/>
        <source>Nom en français</source>
        <translation>French name</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="50"/>
        <source>Nom en anglais</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="52"/>
        <source>Couleur sur fond clair</source>
        <translation>Colour on a light background</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="54"/>
        <source>Couleur sur fond sombre</source>
        <translation>Colour on a dark background</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="63"/>
        <source>Nom (français)</source>
        <translation>Name (French)</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="64"/>
        <source>Nom (anglais)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="65"/>
        <source>Couleur, thème clair</source>
        <translation>Colour, light theme</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="66"/>
        <source>Couleur, thème sombre</source>
        <translation>Colour, dark theme</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="69"/>
        <source>&amp;Ajouter</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="70"/>
        <source>&amp;Retirer</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="71"/>
        <source>Monter</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="72"/>
        <source>Descendre</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="124"/>
        <source>Contraste du texte : %1:1 (clair), %2:1 (sombre).</source>
        <translation>Text contrast: %1:1 (light), %2:1 (dark).</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="129"/>
        <source>En dessous de 4,5:1 : le texte sera difficile à lire.</source>
        <translation>Below 4.5:1, the text will be hard to read.</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="147"/>
        <source>Choisir une couleur</source>
        <translation>Choose a Colour</translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="152"/>
        <source>Nouveau style</source>
        <translation>New style</translation>
    </message>
</context>
<context>
    <name>VerdictDialog</name>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="29"/>
        <source>Verdict sur la citation</source>
        <translation>Verdict on the quotation</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="51"/>
        <source>https://… ou « Compte rendu de séance, p. 12 »</source>
        <translation>https://… or “Session report, p. 12”</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="52"/>
        <source>Source consultée</source>
        <translation>Source checked</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="54"/>
        <source>Note sur le verdict</source>
        <translation>Note on the verdict</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="58"/>
        <source>&amp;Source :</source>
        <translation>&amp;Source:</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="59"/>
        <source>&amp;Note :</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="78"/>
        <source>&amp;Vérifiée</source>
        <translation>&amp;Verified</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="79"/>
        <source>Conforme à une source que vous indiquez (adresse ou référence).</source>
        <translation>Matches a source you name (an address or a reference).</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="82"/>
        <source>&amp;Déformée</source>
        <translation>&amp;Distorted</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="83"/>
        <source>Cette version change le sens de ce qui a été dit.</source>
        <translation>This version changes the meaning of what was said.</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="86"/>
        <source>&amp;Mal attribuée</source>
        <translation>&amp;Misattributed</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="87"/>
        <source>Quelqu’un d’autre l’a dit.</source>
        <translation>Someone else said it.</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="90"/>
        <source>N&amp;on vérifiée</source>
        <translation>&amp;Unverified</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="91"/>
        <source>Aucune source n’a permis de la confirmer pour l’instant.</source>
        <translation>No source has confirmed it so far.</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="114"/>
        <source>Choisissez un verdict.</source>
        <translation>Choose a verdict.</translation>
    </message>
    <message>
        <location filename="../../ui/verdict_dialog.py" line="117"/>
        <source>Une citation vérifiée a besoin de la source consultée : son adresse ou une référence.</source>
        <translation>A verified quotation needs the source it was checked against: its address or a reference.</translation>
    </message>
</context>
<context>
    <name>Verdicts</name>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="56"/>
        <source>vérifiée</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="57"/>
        <source>déformée</source>
        <translation>distorted</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="58"/>
        <source>mal attribuée</source>
        <translation>misattributed</translation>
    </message>
    <message>
        <location filename="../../ui/elsewhere_section.py" line="59"/>
        <source>non vérifiée</source>
        <translation>unverified</translation>
    </message>
</context>
</TS>
