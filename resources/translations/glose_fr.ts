<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="fr">
<context>
    <name>ArticleSession</name>
    <message numerus="yes">
        <location filename="../../ui/session.py" line="211"/>
        <source>%n annotation(s) déplacée(s) ou orpheline(s) : le texte a changé.</source>
        <translation>
            <numerusform>%n annotation déplacée ou orpheline : le texte a changé.</numerusform>
            <numerusform>%n annotations déplacées ou orphelines : le texte a changé.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ElsewhereSection</name>
    <message numerus="yes">
        <location filename="../../ui/elsewhere_section.py" line="157"/>
        <source>Rapportée par %n article(s).</source>
        <translation>
            <numerusform>Rapportée par %n article.</numerusform>
            <numerusform>Rapportée par %n articles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="125"/>
        <source>%n créée(s)</source>
        <translation>
            <numerusform>%n créée</numerusform>
            <numerusform>%n créées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="126"/>
        <source>%n mise(s) à jour</source>
        <translation>
            <numerusform>%n mise à jour</numerusform>
            <numerusform>%n mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="127"/>
        <source>%n inchangée(s)</source>
        <translation>
            <numerusform>%n inchangée</numerusform>
            <numerusform>%n inchangées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="132"/>
        <source>%n déplacée(s)</source>
        <translation>
            <numerusform>%n déplacée</numerusform>
            <numerusform>%n déplacées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="133"/>
        <source>%n orpheline(s)</source>
        <translation>
            <numerusform>%n orpheline</numerusform>
            <numerusform>%n orphelines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="140"/>
        <source>%n gardée(s) telle(s) quelle(s) : la copie de la bibliothèque est plus récente.</source>
        <translation>
            <numerusform>%n gardée telle quelle : la copie de la bibliothèque est plus récente.</numerusform>
            <numerusform>%n gardées telles quelles : les copies de la bibliothèque sont plus récentes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/file_actions.py" line="149"/>
        <source>%n importée(s) comme nouvelle(s) : son identifiant était celui d’une annotation d’un autre article.</source>
        <translation>
            <numerusform>%n importée comme nouvelle : son identifiant était celui d’une annotation d’un autre article.</numerusform>
            <numerusform>%n importées comme nouvelles : leurs identifiants étaient ceux d’annotations d’autres articles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message numerus="yes">
        <location filename="../../ui/library_panel.py" line="100"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
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
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotationTracking</name>
    <message numerus="yes">
        <location filename="../../ui/quotation_tracking.py" line="180"/>
        <source>Verdict sur la citation, rapportée par %n article(s) :</source>
        <translation>
            <numerusform>Verdict sur la citation, rapportée par %n article :</numerusform>
            <numerusform>Verdict sur la citation, rapportée par %n articles :</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message numerus="yes">
        <location filename="../../ui/quotes_panel.py" line="175"/>
        <source>%1 — %n citation(s)</source>
        <translation>
            <numerusform>%1 — %n citation</numerusform>
            <numerusform>%1 — %n citations</numerusform>
        </translation>
    </message>
</context>
</TS>
