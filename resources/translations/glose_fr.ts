<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="fr">
<context>
    <name>ArticleSession</name>
    <message numerus="yes">
        <location filename="../../ui/session.py" line="212"/>
        <source>%n annotation(s) déplacée(s) ou orpheline(s) : le texte a changé.</source>
        <translation>
            <numerusform>%n annotation déplacée ou orpheline : le texte a changé.</numerusform>
            <numerusform>%n annotations déplacées ou orphelines : le texte a changé.</numerusform>
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
        <location filename="../../ui/library_panel.py" line="209"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/library_panel.py" line="211"/>
        <source>%n résultat(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotesPanel</name>
    <message numerus="yes">
        <location filename="../../ui/quotes_panel.py" line="144"/>
        <source>%1 — %n citation(s)</source>
        <translation>
            <numerusform>%1 — %n citation</numerusform>
            <numerusform>%1 — %n citations</numerusform>
        </translation>
    </message>
</context>
</TS>
