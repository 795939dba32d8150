<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>ComingPage</name>
        <message>
            <source>Coming in a later update</source>
            <translation>Segera hadir pada pembaruan berikutnya</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>OVOP Desktop</source>
            <translation>OVOP Desktop</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>OVOP Desktop: unexpected error</source>
            <translation>OVOP Desktop: galat tak terduga</translation>
        </message>
        <message>
            <source>Copy report</source>
            <translation>Salin laporan</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Survey</source>
            <translation>Survei</translation>
        </message>
        <message>
            <source>Record village potential surveys: the village from the region list, respondents, village facts, candidate products and their photos. Work is saved automatically while you type.</source>
            <translation>Catat survei potensi desa: desa dari daftar wilayah, narasumber, keterangan desa, produk kandidat beserta fotonya. Pekerjaan tersimpan otomatis selama Anda mengetik.</translation>
        </message>
        <message>
            <source>Assessment &amp; Ranking</source>
            <translation>Penilaian &amp; Peringkat</translation>
        </message>
        <message>
            <source>Score each candidate product against the OVOP rubric, see its stars and the ranking of the candidates of each village.</source>
            <translation>Nilai setiap produk kandidat dengan rubrik OVOP, lihat bintangnya dan peringkat produk kandidat di setiap desa.</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Surat</translation>
        </message>
        <message>
            <source>Print numbered recommendation letters with their assessment sheets.</source>
            <translation>Cetak surat rekomendasi bernomor beserta lembar penilaiannya.</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sinkronisasi</translation>
        </message>
        <message>
            <source>Export a data package for the province office, or import packages from officers.</source>
            <translation>Ekspor paket data untuk dinas provinsi, atau impor paket data dari petugas.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Pengaturan</translation>
        </message>
        <message>
            <source>Officer profile, device name, interface language and photo size.</source>
            <translation>Profil petugas, nama perangkat, bahasa antarmuka, dan ukuran foto.</translation>
        </message>
        <message>
            <source>Data folder: %1</source>
            <translation>Folder data: %1</translation>
        </message>
        <message>
            <source>Last export: never</source>
            <translation>Ekspor terakhir: belum pernah</translation>
        </message>
        <message>
            <source>%1 surveys · %2 regions</source>
            <translation>%1 survei · %2 wilayah</translation>
        </message>
        <message>
            <source>About OVOP Desktop</source>
            <translation>Tentang OVOP Desktop</translation>
        </message>
        <message>
            <source>OVOP Desktop %1
Village potential surveys and OVOP product assessment for the field officers of Kalimantan Selatan.</source>
            <translation>OVOP Desktop %1
Survei potensi desa dan penilaian produk OVOP untuk petugas lapangan Kalimantan Selatan.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>OVOP Desktop</source>
            <translation>OVOP Desktop</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>Bagian</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Berkas</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ban&amp;tuan</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Keluar</translation>
        </message>
        <message>
            <source>Ctrl+Q</source>
            <translation>Ctrl+Q</translation>
        </message>
        <message>
            <source>&amp;About OVOP Desktop</source>
            <translation>&amp;Tentang OVOP Desktop</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>OVOP Desktop is already running for this data folder:
%1

Switch to the open window instead of starting it again.</source>
            <translation>OVOP Desktop sudah berjalan untuk folder data ini:
%1

Buka jendela yang sudah terbuka, jangan menjalankannya lagi.</translation>
        </message>
    </context>
</TS>
