<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>RegionalRankingView</name>
        <message>
            <source>Ranking under rubric %1 version %2 · loading %3 of %4 candidates…</source>
            <translation>Peringkat menurut rubrik %1 versi %2 · memuat %3 dari %4 kandidat…</translation>
        </message>
    </context>
</TS>
