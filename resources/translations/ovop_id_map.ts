<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>CoverageMap</name>
        <message>
            <source>%1: %2 of %3 villages surveyed (%4)</source>
            <translation>%1: %2 dari %3 desa disurvei (%4)</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Survey &amp;coverage map</source>
            <translation>Peta &amp;cakupan survei</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Map</source>
            <translation>Peta</translation>
        </message>
    </context>
    <context>
        <name>MapLegend</name>
        <message>
            <source>Not surveyed</source>
            <translation>Belum disurvei</translation>
        </message>
        <message>
            <source>Surveyed, not assessed</source>
            <translation>Disurvei, belum dinilai</translation>
        </message>
        <message>
            <source>Assessed: %1</source>
            <translation>Dinilai: %1</translation>
        </message>
        <message>
            <source>Designated OVOP product</source>
            <translation>Produk OVOP yang ditetapkan</translation>
        </message>
        <message>
            <source>Survey GPS point</source>
            <translation>Titik GPS survei</translation>
        </message>
    </context>
    <context>
        <name>MapPage</name>
        <message>
            <source>Whole province</source>
            <translation>Seluruh provinsi</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>Semua kategori</translation>
        </message>
        <message>
            <source>Any stars</source>
            <translation>Semua bintang</translation>
        </message>
        <message>
            <source>%1 or more</source>
            <translation>%1 ke atas</translation>
        </message>
        <message>
            <source>Every village</source>
            <translation>Semua desa</translation>
        </message>
        <message>
            <source>Not surveyed</source>
            <translation>Belum disurvei</translation>
        </message>
        <message>
            <source>Surveyed, not assessed</source>
            <translation>Disurvei, belum dinilai</translation>
        </message>
        <message>
            <source>Assessed</source>
            <translation>Sudah dinilai</translation>
        </message>
        <message>
            <source>Designated</source>
            <translation>Ditetapkan</translation>
        </message>
        <message>
            <source>&amp;Whole view</source>
            <translation>&amp;Tampilan penuh</translation>
        </message>
        <message>
            <source>Export P&amp;NG…</source>
            <translation>Ekspor P&amp;NG…</translation>
        </message>
        <message>
            <source>Export P&amp;DF…</source>
            <translation>Ekspor P&amp;DF…</translation>
        </message>
        <message>
            <source>Point at a village to see its result; click to open its survey.</source>
            <translation>Arahkan ke desa untuk melihat hasilnya; klik untuk membuka surveinya.</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>Peta</translation>
        </message>
        <message>
            <source>, %1 District</source>
            <translation>, Kecamatan %1</translation>
        </message>
        <message>
            <source>not surveyed</source>
            <translation>belum disurvei</translation>
        </message>
        <message>
            <source>designated: %1</source>
            <translation>ditetapkan: %1</translation>
        </message>
        <message>
            <source>surveyed, not assessed yet</source>
            <translation>disurvei, belum dinilai</translation>
        </message>
        <message>
            <source>OVOP villages — %1</source>
            <translation>Desa OVOP — %1</translation>
        </message>
        <message>
            <source>Export the map as PNG</source>
            <translation>Ekspor peta sebagai PNG</translation>
        </message>
        <message>
            <source>Export the map as PDF</source>
            <translation>Ekspor peta sebagai PDF</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>%1 tersimpan.</translation>
        </message>
    </context>
</TS>
