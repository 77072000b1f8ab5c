<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../ui/annotation_editor.py" line="86"/>
        <source>Modifier l’annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="86"/>
        <source>Annoter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="97"/>
        <source>Passage annoté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="104"/>
        <source>Votre note (Markdown accepté)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="105"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="109"/>
        <source>Aperçu de la note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="112"/>
        <source>Écrire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="113"/>
        <source>Aperçu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="117"/>
        <source>étiquettes, séparées par des virgules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="118"/>
        <source>Étiquettes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="122"/>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="130"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="131"/>
        <source>É&amp;tiquettes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="132"/>
        <source>St&amp;yle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="137"/>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotation_editor.py" line="138"/>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../ui/annotations_panel.py" line="86"/>
        <source>(sans note)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../ui/annotations_panel.py" line="130"/>
        <location filename="../../ui/annotations_panel.py" line="131"/>
        <source>Rechercher dans les annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="136"/>
        <source>Liste des annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="150"/>
        <source>Sélectionnez un passage puis « Annoter… » (touche A) pour ajouter une note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="156"/>
        <source>Modifier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="157"/>
        <source>Modifier l’annotation choisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="159"/>
        <source>Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/annotations_panel.py" line="160"/>
        <source>Supprimer l’annotation choisie</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="76"/>
        <source>L’article fourni avec Glose est ouvert à la place.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleSession</name>
    <message numerus="yes">
        <location filename="../../ui/session.py" line="111"/>
        <source>%n annotation(s) déplacée(s) ou orpheline(s) : le texte a changé.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="127"/>
        <source>Modèle spaCy absent : entités reconnues par des règles (moins précises).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="129"/>
        <source>Analyse de l’article…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="149"/>
        <source>Analyse terminée : %1 citation(s), %2 entité(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="160"/>
        <source>L’analyse des entités a échoué : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="216"/>
        <source>Annoter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="239"/>
        <source>Modifier l’annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="247"/>
        <source>Supprimer l’annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="268"/>
        <source>Modifier les styles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../ui/article_view.py" line="59"/>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/article_view.py" line="61"/>
        <source>Texte de l’article, avec citations et entités surlignées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/article_view.py" line="189"/>
        <source>Texte de l’article ; les mentions de fin de page sont grisées</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="51"/>
        <source>Exporter les annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="59"/>
        <source>Ajouter toutes les &amp;citations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="60"/>
        <source>Ajouter l’index des &amp;entités</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="64"/>
        <source>Format : Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="71"/>
        <source>Aperçu de l’export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="78"/>
        <source>&amp;Copier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="81"/>
        <source>&amp;Enregistrer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="84"/>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="110"/>
        <source>Copié dans le presse-papiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="114"/>
        <source>Enregistrer l’export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="114"/>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="125"/>
        <source>Enregistré dans %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/find_bar.py" line="45"/>
        <source>Rechercher dans l’article (sans accents ni majuscules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="47"/>
        <source>Rechercher dans l’article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="56"/>
        <source>Occurrence précédente (Maj+Entrée)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="57"/>
        <source>Occurrence précédente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="61"/>
        <source>Occurrence suivante (Entrée)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="62"/>
        <source>Occurrence suivante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="66"/>
        <source>Nombre d’occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="69"/>
        <source>Fermer la recherche (Échap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="70"/>
        <source>Fermer la recherche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="132"/>
        <source>aucune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/find_bar.py" line="135"/>
        <source>%1 sur %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <location filename="../../ui/layers.py" line="44"/>
        <source>Citations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="44"/>
        <source>teinte bleue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="45"/>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="45"/>
        <source>fond de couleur du style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="46"/>
        <source>Personnes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="46"/>
        <source>souligné plein</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="47"/>
        <source>Lieux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="47"/>
        <source>souligné tirets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="48"/>
        <source>Organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="48"/>
        <source>souligné pointillé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="49"/>
        <source>Autres noms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="49"/>
        <source>souligné ondulé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="50"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="50"/>
        <source>souligné tiret-point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="51"/>
        <source>Recherche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/layers.py" line="51"/>
        <source>fond orange</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>Citations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>&amp;Ouvrir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>Ouvrir un article (.txt, .md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>&amp;Exporter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>Exporter les annotations en Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>&amp;Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>&amp;Annoter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Annoter la sélection, la citation ou l’entité (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;Modifier l’annotation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>Modifier la note de l’annotation choisie (Entrée)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>&amp;Supprimer l’annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>Supprimer l’annotation choisie (Suppr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>Rétablir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>Zoom &amp;avant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>Zoom a&amp;rrière</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>Taille &amp;normale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>À &amp;propos de Glose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>&amp;Rechercher…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>Rechercher dans l’article (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>&amp;Surligner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>Surligner la sélection dans le style courant (H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>&amp;Raccourcis clavier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>St&amp;yles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>Nommer et colorer les styles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>Thème du &amp;système</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Thème &amp;clair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>Thème &amp;sombre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>&amp;Fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>Fichiers &amp;récents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>É&amp;dition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>St&amp;yle courant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>&amp;Affichage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>&amp;Thème</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>&amp;Langue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>&amp;Calques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Aid&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Outils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>Légende</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>Légende des surlignages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="422"/>
        <source>%1 citations · %2 entités · %3 annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="474"/>
        <source>(sans note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="479"/>
        <source>locuteur non identifié</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="513"/>
        <source>Sélectionnez un passage, ou cliquez une citation ou une entité, puis Annoter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="522"/>
        <source>Citation de %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="524"/>
        <source>Entité : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="546"/>
        <source>Annotation enregistrée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="597"/>
        <source>Sélectionnez d’abord un passage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="603"/>
        <source>Surligné : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="619"/>
        <source>Style %1 : %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="650"/>
        <source>Style courant : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="657"/>
        <source>La langue choisie sera utilisée au prochain lancement de Glose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="706"/>
        <source>Ouvrir un article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="708"/>
        <source>Articles (*.txt *.md *.markdown);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="723"/>
        <source>(aucun)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="759"/>
        <source>À propos de Glose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="761"/>
        <source>&lt;h3&gt;Glose %1&lt;/h3&gt;&lt;p&gt;Lire et annoter les articles de presse : citations et locuteurs, entités nommées, notes exportées en Markdown.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuoteListModel</name>
    <message>
        <location filename="../../ui/quotes_panel.py" line="29"/>
        <source>Locuteur non identifié</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message>
        <location filename="../../ui/quotes_panel.py" line="95"/>
        <source>Grouper par locuteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quotes_panel.py" line="96"/>
        <source>Grouper les citations par locuteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/quotes_panel.py" line="101"/>
        <source>Liste des citations</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/quotes_panel.py" line="123"/>
        <source>%1 — %n citation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsHelp</name>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="40"/>
        <source>Raccourcis clavier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="44"/>
        <source>Liste des raccourcis clavier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="45"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="45"/>
        <source>Touches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_help.py" line="56"/>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StylesDialog</name>
    <message>
        <location filename="../../ui/styles_dialog.py" line="38"/>
        <source>Styles de surlignage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="43"/>
        <source>Styles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="47"/>
        <source>Nom en français</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="49"/>
        <source>Nom en anglais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="51"/>
        <source>Couleur sur fond clair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="53"/>
        <source>Couleur sur fond sombre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="62"/>
        <source>Nom (français)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="63"/>
        <source>Nom (anglais)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="64"/>
        <source>Couleur, thème clair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="65"/>
        <source>Couleur, thème sombre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="68"/>
        <source>&amp;Ajouter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="69"/>
        <source>&amp;Retirer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="70"/>
        <source>Monter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="71"/>
        <source>Descendre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="90"/>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="91"/>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="129"/>
        <source>Contraste du texte : %1:1 (clair), %2:1 (sombre).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="134"/>
        <source>En dessous de 4,5:1 : le texte sera difficile à lire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="152"/>
        <source>Choisir une couleur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/styles_dialog.py" line="157"/>
        <source>Nouveau style</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
