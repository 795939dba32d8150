<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Import region b&amp;oundaries…</source>
            <translation>Impor batas &amp;wilayah…</translation>
        </message>
        <message>
            <source>A GeoJSON FeatureCollection (may be .gz) with a kode property per feature</source>
            <translation>FeatureCollection GeoJSON (boleh .gz) dengan properti kode di setiap fitur</translation>
        </message>
        <message>
            <source>Import region boundaries</source>
            <translation>Impor batas wilayah</translation>
        </message>
        <message>
            <source>Boundaries imported: %1 regencies/cities, %2 districts, %3 villages. Levels not in the file are kept.</source>
            <translation>Batas wilayah diimpor: %1 kabupaten/kota, %2 kecamatan, %3 desa/kelurahan. Tingkat yang tidak ada di berkas tetap seperti semula.</translation>
        </message>
        <message>
            <source>%1 region outlines saved.</source>
            <translation>%1 batas wilayah disimpan.</translation>
        </message>
    </context>
</TS>
