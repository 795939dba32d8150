<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>AssessmentPage</name>
        <message>
            <source>Find a village…</source>
            <translation>Cari desa…</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>Survei</translation>
        </message>
        <message>
            <source>Candidate products</source>
            <translation>Produk kandidat</translation>
        </message>
        <message>
            <source>&amp;Assessment</source>
            <translation>&amp;Penilaian</translation>
        </message>
        <message>
            <source>&amp;Village ranking</source>
            <translation>Peringkat &amp;desa</translation>
        </message>
        <message>
            <source>&amp;Regional ranking</source>
            <translation>Peringkat &amp;wilayah</translation>
        </message>
    </context>
    <context>
        <name>AssessmentPanel</name>
        <message>
            <source>This assessment</source>
            <translation>Penilaian ini</translation>
        </message>
        <message>
            <source>Another officer</source>
            <translation>Petugas lain</translation>
        </message>
        <message>
            <source>Not final yet: every criterion needs a level. Still not assessed: %1.</source>
            <translation>Belum bisa final: setiap kriteria harus diberi tingkat. Belum dinilai: %1.</translation>
        </message>
        <message>
            <source>Add evidence</source>
            <translation>Tambah bukti</translation>
        </message>
        <message>
            <source>Remove evidence</source>
            <translation>Hapus bukti</translation>
        </message>
        <message>
            <source>Remove this photo from the assessment?</source>
            <translation>Hapus foto ini dari penilaian?</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
    </context>
    <context>
        <name>AssessmentPanelUi</name>
        <message>
            <source>Score</source>
            <translation>Skor</translation>
        </message>
        <message>
            <source>Choose a candidate product to assess.</source>
            <translation>Pilih produk kandidat yang akan dinilai.</translation>
        </message>
        <message>
            <source>Back to the assessment in force</source>
            <translation>Kembali ke penilaian yang berlaku</translation>
        </message>
        <message>
            <source>Start a new assessment under the rubric in force; this one stays as it is.</source>
            <translation>Mulai penilaian baru dengan rubrik yang berlaku; penilaian ini tetap seperti adanya.</translation>
        </message>
        <message>
            <source>&amp;Finalise assessment</source>
            <translation>&amp;Finalkan penilaian</translation>
        </message>
        <message>
            <source>Every criterion needs a level before the assessment is final.</source>
            <translation>Setiap kriteria harus diberi tingkat sebelum penilaian menjadi final.</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Kriteria</translation>
        </message>
        <message>
            <source>Other assessments</source>
            <translation>Penilaian lain</translation>
        </message>
        <message>
            <source>Rubric %1, version %2</source>
            <translation>Rubrik %1, versi %2</translation>
        </message>
        <message>
            <source>shown under its own version, read-only</source>
            <translation>ditampilkan dengan versinya sendiri, hanya dibaca</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Final</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draf</translation>
        </message>
        <message>
            <source>Not assessed</source>
            <translation>Belum dinilai</translation>
        </message>
        <message>
            <source>Re-assess under version %1</source>
            <translation>Nilai ulang dengan versi %1</translation>
        </message>
        <message>
            <source>Criterion %1</source>
            <translation>Kriteria %1</translation>
        </message>
        <message>
            <source>Other assessments (%1)</source>
            <translation>Penilaian lain (%1)</translation>
        </message>
        <message>
            <source>Not saved yet…</source>
            <translation>Belum tersimpan…</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Tidak tersimpan</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Tersimpan %1</translation>
        </message>
    </context>
    <context>
        <name>ConflictReview</name>
        <message>
            <source>Table</source>
            <translation>Tabel</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Data</translation>
        </message>
        <message>
            <source>Differing fields</source>
            <translation>Isian yang berbeda</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Isian</translation>
        </message>
        <message>
            <source>Version A (this database)</source>
            <translation>Versi A (basis data ini)</translation>
        </message>
        <message>
            <source>Version B (package)</source>
            <translation>Versi B (paket)</translation>
        </message>
        <message>
            <source>Keep &amp;A…</source>
            <translation>Pertahankan &amp;A…</translation>
        </message>
        <message>
            <source>Keep &amp;B…</source>
            <translation>Pertahankan &amp;B…</translation>
        </message>
        <message>
            <source>No open conflicts.</source>
            <translation>Tidak ada konflik terbuka.</translation>
        </message>
        <message>
            <source>Keep version A</source>
            <translation>Pertahankan versi A</translation>
        </message>
        <message>
            <source>Keep version B</source>
            <translation>Pertahankan versi B</translation>
        </message>
        <message>
            <source>Reason for keeping this version (who confirmed it, how):</source>
            <translation>Alasan mempertahankan versi ini (siapa yang mengonfirmasi, dan bagaimana):</translation>
        </message>
        <message>
            <source>Conflict settled; the choice and reason are kept.</source>
            <translation>Konflik diselesaikan; pilihan dan alasannya disimpan.</translation>
        </message>
        <message>
            <source>officers</source>
            <translation>petugas</translation>
        </message>
        <message>
            <source>surveys</source>
            <translation>survei</translation>
        </message>
        <message>
            <source>respondents</source>
            <translation>responden</translation>
        </message>
        <message>
            <source>products</source>
            <translation>produk</translation>
        </message>
        <message>
            <source>assessments</source>
            <translation>penilaian</translation>
        </message>
        <message>
            <source>photos</source>
            <translation>foto</translation>
        </message>
        <message>
            <source>letters</source>
            <translation>surat</translation>
        </message>
        <message>
            <source>correction records</source>
            <translation>catatan koreksi</translation>
        </message>
    </context>
    <context>
        <name>CriterionPane</name>
        <message>
            <source>Level descriptors</source>
            <translation>Uraian tingkat</translation>
        </message>
        <message>
            <source>Note for this criterion: sources, volumes, permits seen…</source>
            <translation>Catatan untuk kriteria ini: sumber bahan, volume, izin yang dilihat…</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Bukti</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Tambah…</translation>
        </message>
        <message>
            <source>Attach photos or scans of permits to this criterion</source>
            <translation>Lampirkan foto atau pindaian izin untuk kriteria ini</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>%1 %2 (group %3 %4, weight %5)</source>
            <translation>%1 %2 (kelompok %3 %4, bobot %5)</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Province dashboard</source>
            <translation>Dasbor provinsi</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Muat ulang</translation>
        </message>
        <message>
            <source>Count everything again (F5)</source>
            <translation>Hitung ulang semuanya (F5)</translation>
        </message>
        <message>
            <source>Loading the dashboard…</source>
            <translation>Memuat dasbor…</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dasbor</translation>
        </message>
        <message>
            <source>Surveys</source>
            <translation>Survei</translation>
        </message>
        <message>
            <source>Assessed candidates</source>
            <translation>Kandidat dinilai</translation>
        </message>
        <message>
            <source>Villages not yet surveyed</source>
            <translation>Desa belum disurvei</translation>
        </message>
        <message>
            <source>Officers</source>
            <translation>Petugas</translation>
        </message>
        <message>
            <source>Surveys and assessed candidates per regency / city</source>
            <translation>Survei dan kandidat dinilai per kabupaten/kota</translation>
        </message>
        <message>
            <source>Stars of the assessed candidates</source>
            <translation>Bintang kandidat yang dinilai</translation>
        </message>
        <message>
            <source>Candidates per category</source>
            <translation>Produk kandidat per kategori</translation>
        </message>
        <message>
            <source>Candidates</source>
            <translation>Kandidat</translation>
        </message>
        <message>
            <source>Rubric %1 version %2 · counted at %3</source>
            <translation>Rubrik %1 versi %2 · dihitung %3</translation>
        </message>
        <message>
            <source>No surveys yet. The dashboard fills in as officers' data packages are imported in Synchronisation, or as surveys are recorded on this computer.</source>
            <translation>Belum ada survei. Dasbor terisi setelah paket data petugas diimpor di Sinkronisasi, atau setelah survei dicatat di komputer ini.</translation>
        </message>
        <message>
            <source>%1 villages · %2 regencies / cities</source>
            <translation>%1 desa · %2 kabupaten/kota</translation>
        </message>
        <message>
            <source>%1 surveys in %2 villages of %3 regencies / cities</source>
            <translation>%1 survei di %2 desa pada %3 kabupaten/kota</translation>
        </message>
        <message>
            <source>of %1 · %2 with %3–%4 stars</source>
            <translation>dari %1 · %2 berbintang %3–%4</translation>
        </message>
        <message>
            <source>%1 of %2 candidate products have a final assessment; %3 of them have %4 or %5 stars</source>
            <translation>%1 dari %2 produk kandidat sudah memiliki penilaian final; %3 di antaranya berbintang %4 atau %5</translation>
        </message>
        <message>
            <source>of %1 · %2% surveyed</source>
            <translation>dari %1 · %2% sudah disurvei</translation>
        </message>
        <message>
            <source>%1 of the %2 villages in the region list have no survey yet; %3% are surveyed</source>
            <translation>%1 dari %2 desa di daftar wilayah belum disurvei; %3% sudah disurvei</translation>
        </message>
        <message>
            <source>last import %1</source>
            <translation>impor terakhir %1</translation>
        </message>
        <message>
            <source>no package imported yet</source>
            <translation>belum ada paket yang diimpor</translation>
        </message>
        <message>
            <source>%1 officers recorded surveys; %2 sent data packages</source>
            <translation>%1 petugas mencatat survei; %2 mengirim paket data</translation>
        </message>
        <message>
            <source>%1 stars: %2 assessed candidates (%3%)</source>
            <translation>Bintang %1: %2 kandidat dinilai (%3%)</translation>
        </message>
        <message>
            <source>%1: %2 candidates, %3 of them assessed</source>
            <translation>%1: %2 kandidat, %3 di antaranya sudah dinilai</translation>
        </message>
        <message>
            <source>%1 other regencies / cities</source>
            <translation>%1 kabupaten/kota lainnya</translation>
        </message>
        <message>
            <source>%1: %2 surveys, %3 of %4 candidates assessed, %5 of %6 villages not yet surveyed</source>
            <translation>%1: %2 survei, %3 dari %4 kandidat sudah dinilai, %5 dari %6 desa belum disurvei</translation>
        </message>
        <message>
            <source>Survey &amp;coverage map</source>
            <translation>Peta &amp;cakupan survei</translation>
        </message>
    </context>
    <context>
        <name>DashboardTabs</name>
        <message>
            <source>Imported, some records refused</source>
            <translation>Diimpor, sebagian rekaman ditolak</translation>
        </message>
        <message>
            <source>&amp;Top candidates</source>
            <translation>&amp;Kandidat teratas</translation>
        </message>
        <message>
            <source>Officers' last &amp;imports</source>
            <translation>&amp;Impor terakhir petugas</translation>
        </message>
        <message>
            <source>&amp;Villages not yet surveyed</source>
            <translation>&amp;Desa belum disurvei</translation>
        </message>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Candidate product</source>
            <translation>Produk kandidat</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Desa / Kelurahan</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Stars</source>
            <translation>Bintang</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total skor</translation>
        </message>
        <message>
            <source>Top candidates of each regency / city</source>
            <translation>Kandidat teratas tiap kabupaten/kota</translation>
        </message>
        <message>
            <source>Officer</source>
            <translation>Petugas</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Perangkat</translation>
        </message>
        <message>
            <source>Last import</source>
            <translation>Impor terakhir</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Baru</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Diperbarui</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Konflik</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Ditolak</translation>
        </message>
        <message>
            <source>Packages</source>
            <translation>Paket</translation>
        </message>
        <message>
            <source>Each officer's last imported package</source>
            <translation>Paket data terakhir yang diimpor dari tiap petugas</translation>
        </message>
        <message>
            <source>No data package has been imported yet. Officers' packages are imported in Synchronisation.</source>
            <translation>Belum ada paket data yang diimpor. Paket data petugas diimpor di Sinkronisasi.</translation>
        </message>
        <message>
            <source>Show the villages of one regency or city</source>
            <translation>Tampilkan desa satu kabupaten atau kota saja</translation>
        </message>
        <message>
            <source>Regenc&amp;y / City</source>
            <translation>Kabupaten/K&amp;ota</translation>
        </message>
        <message>
            <source>Village, district or region code</source>
            <translation>Desa, kecamatan atau kode wilayah</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Cari</translation>
        </message>
        <message>
            <source>Region code</source>
            <translation>Kode wilayah</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Tingkat</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Villages not yet surveyed</source>
            <translation>Desa belum disurvei</translation>
        </message>
        <message>
            <source>No candidate assessed yet</source>
            <translation>Belum ada kandidat yang dinilai</translation>
        </message>
        <message>
            <source>%1, district %2</source>
            <translation>%1, Kecamatan %2</translation>
        </message>
        <message>
            <source>%1 of %2 stars</source>
            <translation>%1 dari %2 bintang</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Diimpor</translation>
        </message>
        <message>
            <source>Nothing new</source>
            <translation>Tidak ada yang baru</translation>
        </message>
        <message>
            <source>(no name)</source>
            <translation>(tanpa nama)</translation>
        </message>
        <message>
            <source>Officers' last &amp;imports (%1)</source>
            <translation>&amp;Impor terakhir petugas (%1)</translation>
        </message>
        <message>
            <source>All regencies / cities (%1)</source>
            <translation>Semua kabupaten/kota (%1)</translation>
        </message>
        <message>
            <source>%1 (%2 of %3)</source>
            <translation>%1 (%2 dari %3)</translation>
        </message>
        <message>
            <source>&amp;Villages not yet surveyed (%1)</source>
            <translation>&amp;Desa belum disurvei (%1)</translation>
        </message>
        <message>
            <source>%1 shown</source>
            <translation>%1 ditampilkan</translation>
        </message>
    </context>
    <context>
        <name>DesignationDialog</name>
        <message>
            <source>Record a designated OVOP product</source>
            <translation>Catat produk OVOP yang ditetapkan</translation>
        </message>
        <message>
            <source>Type a village name to find it…</source>
            <translation>Ketik nama desa untuk mencarinya…</translation>
        </message>
        <message>
            <source>Find a village</source>
            <translation>Cari desa</translation>
        </message>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Desa / Kelurahan</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produk</translation>
        </message>
        <message>
            <source>Name of the designated product</source>
            <translation>Nama produk yang ditetapkan</translation>
        </message>
        <message>
            <source>Product name</source>
            <translation>Nama produk</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>— choose category —</source>
            <translation>— pilih kategori —</translation>
        </message>
        <message>
            <source>e.g. OVOP assessment 2026 (4 stars) and the minutes of the team meeting</source>
            <translation>mis. hasil penilaian OVOP 2026 (4 bintang) dan berita acara rapat tim</translation>
        </message>
        <message>
            <source>A summary of at most %1 characters; the full text is in the decree.</source>
            <translation>Ringkasan paling panjang %1 huruf; isi lengkapnya ada dalam SK.</translation>
        </message>
        <message>
            <source>e.g. 188.44/0123/KUM/2026</source>
            <translation>mis. 188.44/0123/KUM/2026</translation>
        </message>
        <message>
            <source>&amp;Save designation</source>
            <translation>&amp;Simpan penetapan</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>&amp;Find village</source>
            <translation>&amp;Cari desa</translation>
        </message>
        <message>
            <source>Re&amp;gency / City</source>
            <translation>&amp;Kabupaten / Kota</translation>
        </message>
        <message>
            <source>&amp;District</source>
            <translation>Kecamata&amp;n</translation>
        </message>
        <message>
            <source>&amp;Village</source>
            <translation>&amp;Desa/Kelurahan</translation>
        </message>
        <message>
            <source>&amp;Product</source>
            <translation>&amp;Produk</translation>
        </message>
        <message>
            <source>Product &amp;name</source>
            <translation>&amp;Nama produk</translation>
        </message>
        <message>
            <source>Ca&amp;tegory</source>
            <translation>Ka&amp;tegori</translation>
        </message>
        <message>
            <source>Dat&amp;e of designation</source>
            <translation>Tan&amp;ggal penetapan</translation>
        </message>
        <message>
            <source>Decision &amp;basis</source>
            <translation>D&amp;asar keputusan</translation>
        </message>
        <message>
            <source>Decree (SK) n&amp;umber</source>
            <translation>No&amp;mor SK</translation>
        </message>
        <message>
            <source>Choose a village, or choose only the district to designate a product for the whole district. A region has one designated product at a time.</source>
            <translation>Pilih desa, atau pilih kecamatan saja untuk menetapkan produk bagi seluruh kecamatan. Satu wilayah hanya memiliki satu produk yang ditetapkan pada satu waktu.</translation>
        </message>
        <message>
            <source>No village or district chosen yet.</source>
            <translation>Belum ada desa atau kecamatan yang dipilih.</translation>
        </message>
        <message>
            <source>The designation will cover the whole district.</source>
            <translation>Penetapan berlaku untuk seluruh kecamatan.</translation>
        </message>
        <message>
            <source>%1 (%2), surveyed in %3 on %4</source>
            <translation>%1 (%2), disurvei di %3 pada %4</translation>
        </message>
        <message>
            <source>Another product: type its name below</source>
            <translation>Produk lain: ketik namanya di bawah</translation>
        </message>
    </context>
    <context>
        <name>DesignationPage</name>
        <message>
            <source>&amp;Record designation…</source>
            <translation>&amp;Catat penetapan…</translation>
        </message>
        <message>
            <source>Re&amp;voke…</source>
            <translation>Ca&amp;but…</translation>
        </message>
        <message>
            <source>&amp;Print summary…</source>
            <translation>Ce&amp;tak rekapitulasi…</translation>
        </message>
        <message>
            <source>Save the designation summary of the regency / city chosen as a PDF table</source>
            <translation>Simpan rekapitulasi penetapan kabupaten/kota yang dipilih sebagai tabel PDF</translation>
        </message>
        <message>
            <source>Designated OVOP products</source>
            <translation>Produk OVOP yang ditetapkan</translation>
        </message>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>All regencies / cities</source>
            <translation>Semua kabupaten / kota</translation>
        </message>
        <message>
            <source>Re&amp;gency / City</source>
            <translation>&amp;Kabupaten / Kota</translation>
        </message>
        <message>
            <source>Show revo&amp;ked designations</source>
            <translation>Tampilkan penetapan yang &amp;dicabut</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Desa / Kelurahan</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produk</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Decided on</source>
            <translation>Tanggal penetapan</translation>
        </message>
        <message>
            <source>Decree number</source>
            <translation>Nomor SK</translation>
        </message>
        <message>
            <source>Decision basis</source>
            <translation>Dasar keputusan</translation>
        </message>
        <message>
            <source>(whole district)</source>
            <translation>(seluruh kecamatan)</translation>
        </message>
        <message>
            <source>Loading designations…</source>
            <translation>Memuat penetapan…</translation>
        </message>
        <message>
            <source>&amp;Open PDF</source>
            <translation>B&amp;uka PDF</translation>
        </message>
        <message>
            <source>Designation</source>
            <translation>Penetapan</translation>
        </message>
        <message>
            <source>Revoked on %1: %2</source>
            <translation>Dicabut %1: %2</translation>
        </message>
        <message>
            <source>%1 designations</source>
            <translation>%1 penetapan</translation>
        </message>
        <message>
            <source>No product designated yet here. Press Record designation to add one.</source>
            <translation>Belum ada produk yang ditetapkan di sini. Tekan Catat penetapan untuk menambahkannya.</translation>
        </message>
        <message>
            <source>The designation is recorded.</source>
            <translation>Penetapan tercatat.</translation>
        </message>
        <message>
            <source>Choose a designation that is in force first.</source>
            <translation>Pilih dulu penetapan yang masih berlaku.</translation>
        </message>
        <message>
            <source>Revoke the designation of %1</source>
            <translation>Cabut penetapan %1</translation>
        </message>
        <message>
            <source>%1 (decree %2) will no longer be the designated product of %3. The designation stays on record as revoked, and a new product can then be designated. Why is it revoked?</source>
            <translation>%1 (SK %2) tidak lagi menjadi produk yang ditetapkan untuk %3. Penetapan tetap tercatat sebagai dicabut, lalu produk baru dapat ditetapkan. Mengapa penetapan ini dicabut?</translation>
        </message>
        <message>
            <source>The designation is revoked; it stays on record.</source>
            <translation>Penetapan dicabut; catatannya tetap disimpan.</translation>
        </message>
        <message>
            <source>Choose a regency / city first: the summary is printed per regency.</source>
            <translation>Pilih dulu kabupaten/kota: rekapitulasi dicetak per kabupaten/kota.</translation>
        </message>
        <message>
            <source>Save the designation summary</source>
            <translation>Simpan rekapitulasi penetapan</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Preparing the summary…</source>
            <translation>Menyiapkan rekapitulasi…</translation>
        </message>
        <message>
            <source>Summary saved to %1.</source>
            <translation>Rekapitulasi tersimpan di %1.</translation>
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
            <source>Something went wrong that OVOP Desktop did not expect. What you typed has been saved. Please copy this report and send it to whoever supports the application.</source>
            <translation>Terjadi kesalahan yang tidak terduga di OVOP Desktop. Yang sudah Anda ketik telah tersimpan. Salin laporan ini dan kirimkan kepada petugas yang mendukung aplikasi.</translation>
        </message>
        <message>
            <source>Copy report</source>
            <translation>Salin laporan</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
    </context>
    <context>
        <name>FieldBinding</name>
        <message>
            <source>The price cannot be negative.</source>
            <translation>Harga tidak boleh negatif.</translation>
        </message>
    </context>
    <context>
        <name>GpsFields</name>
        <message>
            <source>Typed</source>
            <translation>Diketik</translation>
        </message>
        <message>
            <source>Pasted or map link</source>
            <translation>Ditempel atau tautan peta</translation>
        </message>
        <message>
            <source>From a photo</source>
            <translation>Dari foto</translation>
        </message>
        <message>
            <source>Device GPS</source>
            <translation>GPS perangkat</translation>
        </message>
        <message>
            <source>This point lies outside Kalimantan Selatan. Check the coordinates (latitude is south, so negative).</source>
            <translation>Titik ini berada di luar Kalimantan Selatan. Periksa koordinatnya (lintang selatan ditulis negatif).</translation>
        </message>
        <message>
            <source>This point is %1 km from the other surveys of this regency. Check the coordinates.</source>
            <translation>Titik ini berjarak %1 km dari survei lain di kabupaten/kota ini. Periksa koordinatnya.</translation>
        </message>
    </context>
    <context>
        <name>LetterDialog</name>
        <message>
            <source>No letter was issued: no number was used.</source>
            <translation>Surat tidak diterbitkan: tidak ada nomor yang terpakai.</translation>
        </message>
        <message>
            <source>Recommendation letter</source>
            <translation>Surat rekomendasi</translation>
        </message>
        <message>
            <source>One per line, e.g. Gubernur Kalimantan Selatan</source>
            <translation>Satu per baris, mis. Gubernur Kalimantan Selatan</translation>
        </message>
        <message>
            <source>&amp;Addressee (Yth.)</source>
            <translation>T&amp;ujuan (Yth.)</translation>
        </message>
        <message>
            <source>P&amp;lace (di)</source>
            <translation>Tem&amp;pat (di)</translation>
        </message>
        <message>
            <source>&amp;Sifat</source>
            <translation>&amp;Sifat</translation>
        </message>
        <message>
            <source>La&amp;mpiran</source>
            <translation>&amp;Lampiran</translation>
        </message>
        <message>
            <source>&amp;Tembusan</source>
            <translation>Tembusa&amp;n</translation>
        </message>
        <message>
            <source>Si&amp;gnatory</source>
            <translation>Penanda tan&amp;gan</translation>
        </message>
        <message>
            <source>Pap&amp;er</source>
            <translation>&amp;Kertas</translation>
        </message>
        <message>
            <source>Letter settings…</source>
            <translation>Pengaturan surat…</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>P&amp;ratinjau</translation>
        </message>
        <message>
            <source>&amp;Issue and save PDF…</source>
            <translation>&amp;Terbitkan dan simpan PDF…</translation>
        </message>
        <message>
            <source>P&amp;rint…</source>
            <translation>&amp;Cetak…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Preparing the preview…</source>
            <translation>Menyiapkan pratinjau…</translation>
        </message>
        <message>
            <source>Recommended product: %1 %2</source>
            <translation>Produk rekomendasi: %1 %2</translation>
        </message>
        <message>
            <source>The letter cannot be made yet:</source>
            <translation>Surat belum dapat dibuat:</translation>
        </message>
        <message>
            <source>No candidate product of %1 is fully assessed yet: the letter cannot be made.</source>
            <translation>Belum ada produk kandidat %1 yang dinilai lengkap: surat belum dapat dibuat.</translation>
        </message>
        <message>
            <source>Fill in the addressee and the place (di …).</source>
            <translation>Isi tujuan surat (Yth.) dan tempatnya (di …).</translation>
        </message>
        <message>
            <source>Issuing the letter…</source>
            <translation>Menerbitkan surat…</translation>
        </message>
        <message>
            <source>Sa&amp;ve PDF…</source>
            <translation>Simpan P&amp;DF…</translation>
        </message>
        <message>
            <source>Letter %1 is issued and entered in the letter register; verification code %2.</source>
            <translation>Surat %1 sudah terbit dan tercatat di buku agenda surat; kode verifikasi %2.</translation>
        </message>
        <message>
            <source>Save the letter as PDF</source>
            <translation>Simpan surat sebagai PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Saved to %1.</source>
            <translation>Tersimpan di %1.</translation>
        </message>
        <message>
            <source>The PDF was not saved: press Save PDF… here, or later Save PDF… in the letter register.</source>
            <translation>PDF belum disimpan: tekan Simpan PDF… di sini, atau nanti Simpan PDF… di buku agenda surat.</translation>
        </message>
        <message>
            <source>Issue the letter?</source>
            <translation>Terbitkan surat?</translation>
        </message>
        <message>
            <source>Printing issues the letter: it takes the next number of the letter register, which is never used again.</source>
            <translation>Mencetak berarti menerbitkan surat: surat mengambil nomor berikutnya dari buku agenda surat, dan nomor itu tidak dipakai lagi.</translation>
        </message>
        <message>
            <source>Issue and print</source>
            <translation>Terbitkan dan cetak</translation>
        </message>
        <message>
            <source>Preparing the pages for the printer…</source>
            <translation>Menyiapkan halaman untuk pencetak…</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>Sudah dikirim ke pencetak.</translation>
        </message>
        <message>
            <source>The printer could not be opened. Check it and try again.</source>
            <translation>Pencetak tidak dapat dibuka. Periksa pencetak lalu coba lagi.</translation>
        </message>
        <message>
            <source>The PDF could not be written: %1</source>
            <translation>PDF tidak dapat ditulis: %1</translation>
        </message>
        <message>
            <source>&amp;Date</source>
            <translation>Tangg&amp;al</translation>
        </message>
        <message>
            <source>These characters cannot be printed with the letter's font and will appear as □: %1. Retype the names or notes that hold them, or accept the boxes.</source>
            <translation>Karakter berikut tidak dapat dicetak dengan huruf surat dan akan tampil sebagai □: %1. Ketik ulang nama atau catatan yang memuatnya, atau terima kotak tersebut.</translation>
        </message>
        <message>
            <source>%1 already has a live letter: number %2 of %3. A new letter replaces it, and the earlier one is marked replaced. Why is a new letter issued?</source>
            <translation>%1 sudah mempunyai surat yang berlaku: nomor %2 tanggal %3. Surat baru menggantikannya, dan surat lama ditandai diganti. Mengapa surat baru diterbitkan?</translation>
        </message>
        <message>
            <source>Replace the letter?</source>
            <translation>Ganti surat?</translation>
        </message>
    </context>
    <context>
        <name>LetterSettingsDialog</name>
        <message>
            <source>Letter settings</source>
            <translation>Pengaturan surat</translation>
        </message>
        <message>
            <source>Letterhead (kop surat)</source>
            <translation>Kop surat</translation>
        </message>
        <message>
            <source>Address; telephone, website and e-mail: one line each</source>
            <translation>Alamat; telepon, laman dan pos-el: masing-masing satu baris</translation>
        </message>
        <message>
            <source>No logo (optional)</source>
            <translation>Tanpa logo (tidak wajib)</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Pilih…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>&amp;Government</source>
            <translation>&amp;Pemerintah</translation>
        </message>
        <message>
            <source>Agenc&amp;y</source>
            <translation>&amp;Dinas</translation>
        </message>
        <message>
            <source>Add&amp;ress lines</source>
            <translation>Baris &amp;alamat</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>Logo</translation>
        </message>
        <message>
            <source>Place and number</source>
            <translation>Tempat dan nomor</translation>
        </message>
        <message>
            <source>{nomor}: sequence number (restarts each year), {bulan}: month in Roman numerals, {tahun}: year</source>
            <translation>{nomor}: nomor urut (mulai lagi setiap tahun), {bulan}: bulan dalam angka Romawi, {tahun}: tahun</translation>
        </message>
        <message>
            <source>Letter &amp;place</source>
            <translation>&amp;Tempat surat</translation>
        </message>
        <message>
            <source>&amp;Number template</source>
            <translation>Templat &amp;nomor</translation>
        </message>
        <message>
            <source>Signatories</source>
            <translation>Penanda tangan</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Jabatan</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Rank/grade</source>
            <translation>Pangkat/golongan</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Delegation line</source>
            <translation>Baris pelimpahan</translation>
        </message>
        <message>
            <source>Delegation line: for delegated signing, e.g. "a.n. Kepala Dinas"; several lines: separate them with ;</source>
            <translation>Baris pelimpahan: untuk penandatanganan atas nama, mis. "a.n. Kepala Dinas"; beberapa baris: pisahkan dengan ;</translation>
        </message>
        <message>
            <source>&amp;Add signatory</source>
            <translation>Tam&amp;bah penanda tangan</translation>
        </message>
        <message>
            <source>Re&amp;move signatory</source>
            <translation>&amp;Hapus penanda tangan</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Simpan</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Choose the agency's logo</source>
            <translation>Pilih logo dinas</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>Gambar (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>The template must contain {nomor}, the sequence number. Example: %1</source>
            <translation>Templat harus memuat {nomor}, yaitu nomor urut. Contoh: %1</translation>
        </message>
        <message>
            <source>Example: %1</source>
            <translation>Contoh: %1</translation>
        </message>
        <message>
            <source>Signatory %1: fill in the position and the name.</source>
            <translation>Penanda tangan %1: isi jabatan dan nama.</translation>
        </message>
        <message>
            <source>Signatory %1: the NIP has 18 digits.</source>
            <translation>Penanda tangan %1: NIP terdiri atas 18 angka.</translation>
        </message>
        <message>
            <source>Add at least one signatory.</source>
            <translation>Tambahkan sedikitnya satu penanda tangan.</translation>
        </message>
        <message>
            <source>Fill in the government name of the letterhead.</source>
            <translation>Isi nama pemerintah pada kop surat.</translation>
        </message>
        <message>
            <source>Fill in the agency name of the letterhead.</source>
            <translation>Isi nama dinas pada kop surat.</translation>
        </message>
        <message>
            <source>Fill in the place the letters are issued in.</source>
            <translation>Isi tempat penerbitan surat.</translation>
        </message>
        <message>
            <source>Letter settings saved.</source>
            <translation>Pengaturan surat tersimpan.</translation>
        </message>
        <message>
            <source>One per line, e.g. Gubernur Kalimantan Selatan (sebagai laporan);</source>
            <translation>Satu per baris, mis. Gubernur Kalimantan Selatan (sebagai laporan);</translation>
        </message>
        <message>
            <source>Every new letter starts with these copies; each letter can change them.</source>
            <translation>Setiap surat baru dimulai dengan tembusan ini; tiap surat dapat mengubahnya.</translation>
        </message>
        <message>
            <source>Default &amp;tembusan</source>
            <translation>Tembusan ba&amp;waan</translation>
        </message>
    </context>
    <context>
        <name>LettersPage</name>
        <message>
            <source>No letters yet. Choose a village above and issue its recommendation letter, or issue the letters of a whole region.</source>
            <translation>Belum ada surat. Pilih desa di atas lalu terbitkan surat rekomendasinya, atau terbitkan surat satu wilayah sekaligus.</translation>
        </message>
        <message>
            <source>Letters for a &amp;region…</source>
            <translation>Surat per &amp;wilayah…</translation>
        </message>
        <message>
            <source>Letter &amp;settings…</source>
            <translation>&amp;Pengaturan surat…</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Surat</translation>
        </message>
        <message>
            <source>Find a village…</source>
            <translation>Cari desa…</translation>
        </message>
        <message>
            <source>&amp;Make letter…</source>
            <translation>&amp;Buat surat…</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Desa / Kelurahan</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>Recommended product</source>
            <translation>Produk rekomendasi</translation>
        </message>
        <message>
            <source>Stars</source>
            <translation>Bintang</translation>
        </message>
        <message>
            <source>Surveys</source>
            <translation>Survei</translation>
        </message>
        <message>
            <source>&amp;Void…</source>
            <translation>Bat&amp;alkan…</translation>
        </message>
        <message>
            <source>Save &amp;PDF…</source>
            <translation>Simpan P&amp;DF…</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tanggal</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produk</translation>
        </message>
        <message>
            <source>Signatory</source>
            <translation>Penanda tangan</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Verification code</source>
            <translation>Kode verifikasi</translation>
        </message>
        <message>
            <source>Letter register (buku agenda surat)</source>
            <translation>Buku agenda surat</translation>
        </message>
        <message>
            <source>No candidate fully assessed yet</source>
            <translation>Belum ada kandidat yang dinilai lengkap</translation>
        </message>
        <message>
            <source>Void: %1</source>
            <translation>Dibatalkan: %1</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Terbit</translation>
        </message>
        <message>
            <source>Choose an issued letter in the register first.</source>
            <translation>Pilih dulu surat yang masih berlaku di buku agenda.</translation>
        </message>
        <message>
            <source>Void letter %1</source>
            <translation>Batalkan surat %1</translation>
        </message>
        <message>
            <source>The letter keeps its number in the register and the number is not used again. Why is the letter voided?</source>
            <translation>Surat tetap tercatat dengan nomornya di buku agenda, dan nomor itu tidak dipakai lagi. Apa alasan pembatalan surat ini?</translation>
        </message>
        <message>
            <source>The letter is voided; its number stays in the register.</source>
            <translation>Surat dibatalkan; nomornya tetap tercatat di buku agenda.</translation>
        </message>
        <message>
            <source>Choose a letter in the register first.</source>
            <translation>Pilih dulu surat di buku agenda.</translation>
        </message>
        <message>
            <source>Save the letter as PDF</source>
            <translation>Simpan surat sebagai PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Saved to %1.</source>
            <translation>Tersimpan di %1.</translation>
        </message>
        <message>
            <source>Find a letter: number, village, product, code…</source>
            <translation>Cari surat: nomor, desa, produk, kode…</translation>
        </message>
        <message>
            <source>Save the letter's PDF exactly as it was issued, to hand out</source>
            <translation>Simpan PDF surat persis seperti saat diterbitkan, untuk diserahkan</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>E&amp;kspor…</translation>
        </message>
        <message>
            <source>Save the letters listed as XLSX or CSV</source>
            <translation>Simpan surat yang tercantum sebagai XLSX atau CSV</translation>
        </message>
        <message>
            <source>Verify a letter</source>
            <translation>Verifikasi surat</translation>
        </message>
        <message>
            <source>Export the letter register</source>
            <translation>Ekspor buku agenda surat</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</source>
            <translation>Buku kerja Excel (*.xlsx);;CSV untuk Excel (*.csv)</translation>
        </message>
        <message>
            <source>%1 letters exported to %2.</source>
            <translation>%1 surat diekspor ke %2.</translation>
        </message>
        <message>
            <source>Replaced by a later letter</source>
            <translation>Diganti surat yang lebih baru</translation>
        </message>
    </context>
    <context>
        <name>VerifyPanel</name>
        <message>
            <source>Verification code, QR text, letter number or PDF file</source>
            <translation>Kode verifikasi, teks kode QR, nomor surat, atau berkas PDF</translation>
        </message>
        <message>
            <source>V&amp;erify</source>
            <translation>&amp;Verifikasi</translation>
        </message>
        <message>
            <source>Verify a PD&amp;F…</source>
            <translation>Verifikasi berka&amp;s PDF…</translation>
        </message>
        <message>
            <source>Save the &amp;original…</source>
            <translation>Simpan berkas as&amp;li…</translation>
        </message>
        <message>
            <source>Save the letter's PDF exactly as it was issued, to hand out</source>
            <translation>Simpan PDF surat persis seperti saat diterbitkan, untuk diserahkan</translation>
        </message>
        <message>
            <source>A printed letter: type the code printed under its QR code, or paste the text a scanner reads from the QR code. A file: choose its PDF. Only the issued file itself is identical to the archive.</source>
            <translation>Surat cetak: ketik kode yang tercetak di bawah kode QR-nya, atau tempel teks hasil pindaian kode QR. Berkas: pilih PDF-nya. Hanya berkas yang diterbitkan itu sendiri yang identik dengan arsip.</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tanggal</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Desa / Kelurahan</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produk</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Stars</source>
            <translation>Bintang</translation>
        </message>
        <message>
            <source>Signatory</source>
            <translation>Penanda tangan</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Void reason</source>
            <translation>Alasan pembatalan</translation>
        </message>
        <message>
            <source>Verification code</source>
            <translation>Kode verifikasi</translation>
        </message>
        <message>
            <source>Choose the letter's PDF</source>
            <translation>Pilih berkas PDF surat</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>VOIDED</source>
            <translation>DIBATALKAN</translation>
        </message>
        <message>
            <source>Issued; the assessment has changed since</source>
            <translation>Terbit; penilaiannya sudah berubah sejak itu</translation>
        </message>
        <message>
            <source>Issued, valid</source>
            <translation>Terbit, berlaku</translation>
        </message>
        <message>
            <source>Save the original letter as PDF</source>
            <translation>Simpan surat asli sebagai PDF</translation>
        </message>
        <message>
            <source>The original issued letter is saved to %1.</source>
            <translation>Surat asli yang diterbitkan tersimpan di %1.</translation>
        </message>
        <message>
            <source>REPLACED by letter %1: %2</source>
            <translation>DIGANTI dengan surat %1: %2</translation>
        </message>
        <message>
            <source>Double-click a letter to verify it by its code</source>
            <translation>Klik dua kali sebuah surat untuk memeriksanya dengan kodenya</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Survey</source>
            <translation>Survei</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>Membuka basis data…</translation>
        </message>
        <message>
            <source>Assessment &amp; Ranking</source>
            <translation>Penilaian &amp; Peringkat</translation>
        </message>
        <message>
            <source>Letters</source>
            <translation>Surat</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sinkronisasi</translation>
        </message>
        <message>
            <source>Survey deleted.</source>
            <translation>Survei dihapus.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Pengaturan</translation>
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
            <source>Last export: %1</source>
            <translation>Ekspor terakhir: %1</translation>
        </message>
        <message>
            <source>&amp;Undo delete</source>
            <translation>&amp;Urungkan hapus</translation>
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
            <source>Province</source>
            <translation>Provinsi</translation>
        </message>
        <message>
            <source>The province office: dashboard, review of surveys and designations.</source>
            <translation>Dinas provinsi: dasbor, tinjauan survei, dan penetapan.</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Bantuan</translation>
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
        <message>
            <source>Map</source>
            <translation>Peta</translation>
        </message>
    </context>
    <context>
        <name>OtherAssessmentsPane</name>
        <message>
            <source>Comparison with other officers</source>
            <translation>Perbandingan dengan petugas lain</translation>
        </message>
        <message>
            <source>Under other rubric versions (read-only)</source>
            <translation>Dengan versi rubrik lain (hanya dibaca)</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Tampilkan</translation>
        </message>
        <message>
            <source>Show this assessment under its own rubric version</source>
            <translation>Tampilkan penilaian ini dengan versi rubriknya sendiri</translation>
        </message>
        <message>
            <source>No other assessments of this candidate product.</source>
            <translation>Belum ada penilaian lain untuk produk kandidat ini.</translation>
        </message>
        <message>
            <source>Another officer also assessed this product under this rubric version. The ranking uses the median level per criterion of the final assessments.</source>
            <translation>Petugas lain juga menilai produk ini dengan versi rubrik yang sama. Peringkat memakai tingkat median per kriteria dari penilaian yang sudah final.</translation>
        </message>
        <message>
            <source>%1 marks levels 2 or more apart: %2.</source>
            <translation>%1 menandai tingkat yang berselisih 2 atau lebih: %2.</translation>
        </message>
        <message>
            <source>Median (final)</source>
            <translation>Median (final)</translation>
        </message>
        <message>
            <source>The levels differ by 2 or more: discuss before finalising.</source>
            <translation>Tingkatnya berselisih 2 atau lebih: bahas bersama sebelum difinalkan.</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Final</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draf</translation>
        </message>
        <message>
            <source>%1 version %2 · %3 · %4 · %5 · total %6 %7</source>
            <translation>%1 versi %2 · %3 · %4 · %5 · total skor %6 %7</translation>
        </message>
        <message>
            <source>no officer</source>
            <translation>tanpa petugas</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <source>Page %1</source>
            <translation>Halaman %1</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>Halaman %1 dari %2</translation>
        </message>
    </context>
    <context>
        <name>ProductEditor</name>
        <message>
            <source>Village</source>
            <translation>Desa / Kelurahan</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Regency / city</source>
            <translation>Kabupaten/kota</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Provinsi</translation>
        </message>
        <message>
            <source>National</source>
            <translation>Nasional</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Ekspor</translation>
        </message>
        <message>
            <source>Product &amp;name</source>
            <translation>&amp;Nama produk</translation>
        </message>
        <message>
            <source>e.g. Anyaman Purun</source>
            <translation>mis. Anyaman Purun</translation>
        </message>
        <message>
            <source>Categor&amp;y</source>
            <translation>Kat&amp;egori</translation>
        </message>
        <message>
            <source>&amp;Description</source>
            <translation>&amp;Uraian</translation>
        </message>
        <message>
            <source>Business &amp;units</source>
            <translation>Jumlah &amp;unit usaha</translation>
        </message>
        <message>
            <source>…in a &amp;group or cooperative</source>
            <translation>…dalam ke&amp;lompok/koperasi</translation>
        </message>
        <message>
            <source>&amp;Workers</source>
            <translation>&amp;Tenaga kerja</translation>
        </message>
        <message>
            <source>&amp;Monthly production</source>
            <translation>Produks&amp;i per bulan</translation>
        </message>
        <message>
            <source>unit, e.g. kg, pieces, sheets</source>
            <translation>satuan, mis. kg, buah, lembar</translation>
        </message>
        <message>
            <source>Unit p&amp;rice (Rp)</source>
            <translation>Har&amp;ga satuan (Rp)</translation>
        </message>
        <message>
            <source>e.g. 45.000</source>
            <translation>mis. 45.000</translation>
        </message>
        <message>
            <source>&amp;Local raw material</source>
            <translation>&amp;Bahan baku lokal</translation>
        </message>
        <message>
            <source> %</source>
            <translation> %</translation>
        </message>
        <message>
            <source>&amp;Market reach</source>
            <translation>&amp;Jangkauan pasar</translation>
        </message>
        <message>
            <source>Permits held</source>
            <translation>Izin yang dimiliki</translation>
        </message>
        <message>
            <source>NIB</source>
            <translation>NIB</translation>
        </message>
        <message>
            <source>PIRT</source>
            <translation>PIRT</translation>
        </message>
        <message>
            <source>BPOM</source>
            <translation>BPOM</translation>
        </message>
        <message>
            <source>Halal</source>
            <translation>Halal</translation>
        </message>
        <message>
            <source>SNI</source>
            <translation>SNI</translation>
        </message>
        <message>
            <source>Trademark / IPR</source>
            <translation>Merek / HKI</translation>
        </message>
        <message>
            <source>Product &amp;story</source>
            <translation>&amp;Cerita produk</translation>
        </message>
        <message>
            <source>Where it comes from, who makes it, what makes it special</source>
            <translation>Asal-usulnya, siapa pembuatnya, apa yang membuatnya istimewa</translation>
        </message>
        <message>
            <source>Photos</source>
            <translation>Foto</translation>
        </message>
        <message>
            <source>Drop photo files here</source>
            <translation>Letakkan berkas foto di sini</translation>
        </message>
        <message>
            <source>Add ph&amp;oto…</source>
            <translation>Tamba&amp;h foto…</translation>
        </message>
        <message>
            <source>Remove photo</source>
            <translation>Hapus foto</translation>
        </message>
        <message>
            <source>or drag photo files onto this form</source>
            <translation>atau seret berkas foto ke formulir ini</translation>
        </message>
    </context>
    <context>
        <name>ProductsSection</name>
        <message>
            <source>No candidate products yet. Add each of the village&apos;s candidates with Add candidate below.</source>
            <translation>Belum ada produk kandidat. Tambahkan setiap kandidat desa dengan Tambah kandidat di bawah.</translation>
        </message>
        <message>
            <source>New candidate</source>
            <translation>Produk kandidat baru</translation>
        </message>
        <message>
            <source>Remove candidate</source>
            <translation>Hapus produk kandidat</translation>
        </message>
        <message>
            <source>Remove the candidate %1 from this survey?</source>
            <translation>Hapus produk kandidat %1 dari survei ini?</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Add photos</source>
            <translation>Tambah foto</translation>
        </message>
    </context>
    <context>
        <name>RadarChart</name>
        <message>
            <source>Radar chart of the criteria levels</source>
            <translation>Diagram radar tingkat setiap kriteria</translation>
        </message>
    </context>
    <context>
        <name>RegionLetters</name>
        <message>
            <source>Letters for a region</source>
            <translation>Surat per wilayah</translation>
        </message>
        <message>
            <source>Choose folder and &amp;start…</source>
            <translation>Pilih folder dan &amp;mulai…</translation>
        </message>
        <message>
            <source>%v of %m letters</source>
            <translation>%v dari %m surat</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Hentikan</translation>
        </message>
        <message>
            <source>Each village with a fully assessed candidate gets a numbered letter, entered in the register and written as a PDF into the folder you choose.</source>
            <translation>Setiap desa yang kandidatnya sudah dinilai lengkap mendapat surat bernomor, dicatat di buku agenda, dan ditulis sebagai PDF ke folder yang Anda pilih.</translation>
        </message>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Signatory</source>
            <translation>Penanda tangan</translation>
        </message>
        <message>
            <source>Paper</source>
            <translation>Kertas</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Pilih…</translation>
        </message>
        <message>
            <source>All districts</source>
            <translation>Semua kecamatan</translation>
        </message>
        <message>
            <source>Choose the regency or city first.</source>
            <translation>Pilih dulu kabupaten atau kota.</translation>
        </message>
        <message>
            <source>Add a signatory under Letter settings first.</source>
            <translation>Tambahkan dulu penanda tangan di Pengaturan surat.</translation>
        </message>
        <message>
            <source>Folder for the letters</source>
            <translation>Folder untuk surat</translation>
        </message>
        <message>
            <source>Preparing the letters…</source>
            <translation>Menyiapkan surat…</translation>
        </message>
        <message>
            <source>Cancelling after the letters being written…</source>
            <translation>Menghentikan setelah surat yang sedang ditulis selesai…</translation>
        </message>
        <message>
            <source>%1 letters written to %2.</source>
            <translation>%1 surat ditulis ke %2.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Dihentikan.</translation>
        </message>
        <message>
            <source>Not complete yet: %1.</source>
            <translation>Belum lengkap: %1.</translation>
        </message>
        <message>
            <source>Also villages that already have a letter (with a reason):</source>
            <translation>Juga desa yang sudah mempunyai surat (dengan alasan):</translation>
        </message>
        <message>
            <source>Why their letters are replaced</source>
            <translation>Alasan surat mereka diganti</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Sifat</translation>
        </message>
        <message>
            <source>Lampiran</source>
            <translation>Lampiran</translation>
        </message>
        <message>
            <source>Letter date</source>
            <translation>Tanggal surat</translation>
        </message>
        <message>
            <source>Tembusan</source>
            <translation>Tembusan</translation>
        </message>
        <message>
            <source>Write why the letters already issued are replaced, or untick the box.</source>
            <translation>Tuliskan alasan surat yang sudah terbit diganti, atau hapus centangnya.</translation>
        </message>
        <message>
            <source>Edit… (%1)</source>
            <translation>Ubah… (%1)</translation>
        </message>
        <message>
            <source>Copies to, one per line (e.g. Camat Takisung;):</source>
            <translation>Tembusan, satu per baris (mis. Camat Takisung;):</translation>
        </message>
        <message>
            <source>Skipped, work not final yet: %1.</source>
            <translation>Dilewati, pekerjaan belum final: %1.</translation>
        </message>
        <message>
            <source>Skipped because they already have a letter (%1): %2.</source>
            <translation>Dilewati karena sudah mempunyai surat (%1): %2.</translation>
        </message>
    </context>
    <context>
        <name>RegionPicker</name>
        <message>
            <source>— choose regency / city —</source>
            <translation>— pilih kabupaten/kota —</translation>
        </message>
        <message>
            <source>— choose district —</source>
            <translation>— pilih kecamatan —</translation>
        </message>
        <message>
            <source>— choose village —</source>
            <translation>— pilih desa/kelurahan —</translation>
        </message>
    </context>
    <context>
        <name>RegionalRankingView</name>
        <message>
            <source>Regional ranking</source>
            <translation>Peringkat wilayah</translation>
        </message>
        <message>
            <source>Whole province</source>
            <translation>Seluruh provinsi</translation>
        </message>
        <message>
            <source>All districts</source>
            <translation>Semua kecamatan</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>Semua kategori</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Semua</translation>
        </message>
        <message>
            <source>All surveys</source>
            <translation>Semua survei</translation>
        </message>
        <message>
            <source>Draft surveys</source>
            <translation>Survei draf</translation>
        </message>
        <message>
            <source>Final surveys</source>
            <translation>Survei final</translation>
        </message>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Minimum stars</source>
            <translation>Bintang minimal</translation>
        </message>
        <message>
            <source>Survey status</source>
            <translation>Status survei</translation>
        </message>
        <message>
            <source>Loading the ranking…</source>
            <translation>Memuat peringkat…</translation>
        </message>
        <message>
            <source>Villages without an assessed candidate yet</source>
            <translation>Desa / kelurahan yang kandidatnya belum dinilai</translation>
        </message>
        <message>
            <source>Ranking under rubric %1 version %2 · %3 of %4 candidates</source>
            <translation>Peringkat menurut rubrik %1 versi %2 · %3 dari %4 kandidat</translation>
        </message>
        <message>
            <source>Ranking under rubric %1 version %2 · %3 candidates</source>
            <translation>Peringkat menurut rubrik %1 versi %2 · %3 kandidat</translation>
        </message>
        <message>
            <source>Villages without an assessed candidate yet (%1)</source>
            <translation>Desa / kelurahan yang kandidatnya belum dinilai (%1)</translation>
        </message>
        <message>
            <source>Ranking under rubric %1 version %2 · loading %3 of %4 candidates…</source>
            <translation>Peringkat menurut rubrik %1 versi %2 · memuat %3 dari %4 kandidat…</translation>
        </message>
    </context>
    <context>
        <name>RegionalTableModel</name>
        <message>
            <source>Total</source>
            <translation>Total skor</translation>
        </message>
        <message>
            <source>Stars</source>
            <translation>Bintang</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produk</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Desa / Kelurahan</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Peringkat</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>Penilaian</translation>
        </message>
        <message>
            <source>Total score under the rubric (20–100)</source>
            <translation>Total skor menurut rubrik (20–100)</translation>
        </message>
        <message>
            <source>Stars under the rubric, after its gates</source>
            <translation>Bintang menurut rubrik, setelah syarat-syaratnya diperiksa</translation>
        </message>
        <message>
            <source>Candidate product</source>
            <translation>Produk kandidat</translation>
        </message>
        <message>
            <source>Product category</source>
            <translation>Kategori produk</translation>
        </message>
        <message>
            <source>Village or urban village of the candidate</source>
            <translation>Desa atau kelurahan asal produk kandidat</translation>
        </message>
        <message>
            <source>District of the village</source>
            <translation>Kecamatan tempat desa berada</translation>
        </message>
        <message>
            <source>Regency or city of the village</source>
            <translation>Kabupaten atau kota tempat desa berada</translation>
        </message>
        <message>
            <source>Rank of the candidate among the candidates of its village</source>
            <translation>Peringkat produk kandidat di antara kandidat desanya</translation>
        </message>
        <message>
            <source>Recommended product of its village</source>
            <translation>Produk rekomendasi desanya</translation>
        </message>
        <message>
            <source>Consensus: median of two or more final assessments</source>
            <translation>Konsensus: median dari dua penilaian final atau lebih</translation>
        </message>
        <message>
            <source>Consensus</source>
            <translation>Konsensus</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Final</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draf</translation>
        </message>
        <message>
            <source>Final survey</source>
            <translation>Survei final</translation>
        </message>
        <message>
            <source>Draft survey</source>
            <translation>Survei draf</translation>
        </message>
        <message>
            <source>%1 of %2 stars, total %3</source>
            <translation>%1 dari %2 bintang, total skor %3</translation>
        </message>
        <message>
            <source>Lowered by a gate: %1</source>
            <translation>Diturunkan oleh syarat: %1</translation>
        </message>
        <message>
            <source>Recommended product of %1</source>
            <translation>Produk rekomendasi %1</translation>
        </message>
    </context>
    <context>
        <name>RespondentsSection</name>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Peran</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telepon</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Review survey</source>
            <translation>Tinjau survei</translation>
        </message>
        <message>
            <source>&amp;Received: the survey arrived and is being checked</source>
            <translation>&amp;Diterima: survei sudah masuk dan sedang diperiksa</translation>
        </message>
        <message>
            <source>&amp;Needs correction: the officer must correct it</source>
            <translation>&amp;Perlu perbaikan: petugas harus memperbaikinya</translation>
        </message>
        <message>
            <source>&amp;Approved: the survey is accepted as it is</source>
            <translation>Di&amp;setujui: survei sudah benar dan disetujui</translation>
        </message>
        <message>
            <source>&amp;Comment</source>
            <translation>&amp;Catatan</translation>
        </message>
        <message>
            <source>What should the officer correct? Say where and what, e.g. photo of product 2.</source>
            <translation>Apa yang harus diperbaiki petugas? Sebutkan bagian dan isinya, mis. foto produk kedua.</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Re&amp;viewer</source>
            <translation>Pe&amp;ninjau</translation>
        </message>
        <message>
            <source>&amp;Save review</source>
            <translation>Si&amp;mpan tinjauan</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Review state</source>
            <translation>Status tinjauan</translation>
        </message>
        <message>
            <source>&amp;Comment (required: sent to the officer)</source>
            <translation>&amp;Catatan (wajib: dikirim kepada petugas)</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>Set &amp;review…</source>
            <translation>Tetapkan &amp;tinjauan…</translation>
        </message>
        <message>
            <source>Record a review of the selected survey (Ctrl+R)</source>
            <translation>Catat tinjauan untuk survei yang dipilih (Ctrl+R)</translation>
        </message>
        <message>
            <source>E&amp;xport correction list…</source>
            <translation>E&amp;kspor daftar perbaikan…</translation>
        </message>
        <message>
            <source>Save the surveys needing correction (of the regency chosen, or all) as a spreadsheet for the officers</source>
            <translation>Simpan survei yang perlu perbaikan (dari kabupaten/kota yang dipilih, atau semuanya) sebagai lembar kerja untuk para petugas</translation>
        </message>
        <message>
            <source>Survey review</source>
            <translation>Tinjauan survei</translation>
        </message>
        <message>
            <source>Find a village, district or officer…</source>
            <translation>Cari desa, kecamatan atau petugas…</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Cari</translation>
        </message>
        <message>
            <source>Review state</source>
            <translation>Status tinjauan</translation>
        </message>
        <message>
            <source>All review states</source>
            <translation>Semua status tinjauan</translation>
        </message>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>All regencies / cities</source>
            <translation>Semua kabupaten / kota</translation>
        </message>
        <message>
            <source>C&amp;lear filters</source>
            <translation>&amp;Hapus filter</translation>
        </message>
        <message>
            <source>Review history</source>
            <translation>Riwayat tinjauan</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>Tanggal dan jam</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Tinjauan</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Peninjau</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>%1 of %2 surveys</source>
            <translation>%1 dari %2 survei</translation>
        </message>
        <message>
            <source>Loading surveys…</source>
            <translation>Memuat survei…</translation>
        </message>
        <message>
            <source>No surveys yet: import the officers' data packages first.</source>
            <translation>Belum ada survei: impor dulu paket data dari para petugas.</translation>
        </message>
        <message>
            <source>No survey matches the filters. Clear the filters to see all.</source>
            <translation>Tidak ada survei yang cocok dengan filter. Hapus filter untuk melihat semuanya.</translation>
        </message>
        <message>
            <source>Review history: choose a survey above.</source>
            <translation>Riwayat tinjauan: pilih survei di atas.</translation>
        </message>
        <message>
            <source>Review history of %1, %2</source>
            <translation>Riwayat tinjauan %1, %2</translation>
        </message>
        <message>
            <source>Not reviewed yet.</source>
            <translation>Belum ditinjau.</translation>
        </message>
        <message>
            <source>Choose a survey in the list first.</source>
            <translation>Pilih dulu survei di daftar.</translation>
        </message>
        <message>
            <source>%1, %2 District, %3 — surveyed on %4 by %5</source>
            <translation>%1, Kec. %2, %3 — disurvei %4 oleh %5</translation>
        </message>
        <message>
            <source>an unknown officer</source>
            <translation>petugas yang tidak diketahui</translation>
        </message>
        <message>
            <source>Review saved: %1.</source>
            <translation>Tinjauan tersimpan: %1.</translation>
        </message>
        <message>
            <source>Export the surveys needing correction</source>
            <translation>Ekspor survei yang perlu perbaikan</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx);;CSV for Excel, semicolon-separated (*.csv)</source>
            <translation>Buku kerja Excel (*.xlsx);;CSV untuk Excel, dipisah titik koma (*.csv)</translation>
        </message>
        <message>
            <source>No survey needs correction; the file %1 holds the headings only.</source>
            <translation>Tidak ada survei yang perlu perbaikan; berkas %1 hanya berisi judul kolom.</translation>
        </message>
        <message>
            <source>%1 surveys needing correction saved to %2.</source>
            <translation>%1 survei yang perlu perbaikan tersimpan di %2.</translation>
        </message>
    </context>
    <context>
        <name>ReviewTableModel</name>
        <message>
            <source>%1 (not in the official region list yet)</source>
            <translation>%1 (belum ada di daftar wilayah resmi)</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Desa / Kelurahan</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>Officer</source>
            <translation>Petugas</translation>
        </message>
        <message>
            <source>Survey date</source>
            <translation>Tanggal survei</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Tinjauan</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>Ditinjau</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Not reviewed</source>
            <translation>Belum ditinjau</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Needs correction</source>
            <translation>Perlu perbaikan</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Disetujui</translation>
        </message>
        <message>
            <source>%1 (changed)</source>
            <translation>%1 (diubah)</translation>
        </message>
        <message>
            <source>%1 (draft)</source>
            <translation>%1 (draf)</translation>
        </message>
        <message>
            <source>The survey was changed after its last review.</source>
            <translation>Survei diubah setelah tinjauan terakhirnya.</translation>
        </message>
    </context>
    <context>
        <name>RubricGrid</name>
        <message>
            <source>Rubric grid</source>
            <translation>Tabel rubrik penilaian</translation>
        </message>
        <message>
            <source>Up and Down move between criteria; 1 to 5 choose a level; Left and Right change it; Delete clears it.</source>
            <translation>Panah atas dan bawah berpindah antarkriteria; tombol 1 sampai 5 memilih tingkat; panah kiri dan kanan mengubahnya; Delete mengosongkannya.</translation>
        </message>
    </context>
    <context>
        <name>RubricGridDelegate</name>
        <message>
            <source>Not assessed</source>
            <translation>Belum dinilai</translation>
        </message>
        <message>
            <source>Level %1</source>
            <translation>Tingkat %1</translation>
        </message>
        <message>
            <source>%1 · weight %2</source>
            <translation>%1 · bobot %2</translation>
        </message>
    </context>
    <context>
        <name>RubricGridModel</name>
        <message>
            <source>Criterion</source>
            <translation>Kriteria</translation>
        </message>
        <message>
            <source>Level %1</source>
            <translation>Tingkat %1</translation>
        </message>
        <message>
            <source>Level %1: %2</source>
            <translation>Tingkat %1: %2</translation>
        </message>
        <message>
            <source>chosen</source>
            <translation>dipilih</translation>
        </message>
        <message>
            <source>not chosen</source>
            <translation>tidak dipilih</translation>
        </message>
        <message>
            <source>%1 %2, level %3, %4: %5</source>
            <translation>%1 %2, tingkat %3, %4: %5</translation>
        </message>
        <message>
            <source>Group %1 (%2), weight %3</source>
            <translation>Kelompok %1 (%2), bobot %3</translation>
        </message>
        <message>
            <source>Not assessed</source>
            <translation>Belum dinilai</translation>
        </message>
        <message>
            <source>The two assessments differ by 2 levels or more on this criterion.</source>
            <translation>Kedua penilaian berselisih 2 tingkat atau lebih pada kriteria ini.</translation>
        </message>
    </context>
    <context>
        <name>ScoreSummary</name>
        <message>
            <source>Total</source>
            <translation>Total skor</translation>
        </message>
        <message>
            <source>Out of %1</source>
            <translation>Dari %1</translation>
        </message>
        <message>
            <source>Not assessed</source>
            <translation>Belum dinilai</translation>
        </message>
        <message>
            <source>Not assessed yet: %1 of %2 criteria still have no level.</source>
            <translation>Belum dinilai: %1 dari %2 kriteria belum diberi tingkat.</translation>
        </message>
        <message>
            <source>Rating lowered from %1 to %2 stars.</source>
            <translation>Bintang diturunkan dari %1 menjadi %2.</translation>
        </message>
        <message>
            <source>%1: level %2, needs %3</source>
            <translation>%1: tingkat %2, perlu %3</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>%1 regions placed provisionally by packages are now in the official list.</source>
            <translation>%1 wilayah yang ditempatkan sementara oleh paket kini ada di daftar resmi.</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Pengaturan</translation>
        </message>
        <message>
            <source>Officer profile</source>
            <translation>Profil petugas</translation>
        </message>
        <message>
            <source>18 digits, e.g. 198703152010012004</source>
            <translation>18 angka, mis. 198703152010012004</translation>
        </message>
        <message>
            <source>e.g. Dinas Koperasi dan UKM Kabupaten Banjar</source>
            <translation>mis. Dinas Koperasi dan UKM Kabupaten Banjar</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Nama</translation>
        </message>
        <message>
            <source>NI&amp;P</source>
            <translation>NI&amp;P</translation>
        </message>
        <message>
            <source>&amp;Unit</source>
            <translation>&amp;Unit kerja</translation>
        </message>
        <message>
            <source>P&amp;hone</source>
            <translation>&amp;Telepon</translation>
        </message>
        <message>
            <source>&amp;Save profile</source>
            <translation>&amp;Simpan profil</translation>
        </message>
        <message>
            <source>This laptop and the interface</source>
            <translation>Laptop ini dan tampilan</translation>
        </message>
        <message>
            <source> px, longest side</source>
            <translation> px, sisi terpanjang</translation>
        </message>
        <message>
            <source>&amp;Device name</source>
            <translation>Nama perang&amp;kat</translation>
        </message>
        <message>
            <source>Interface &amp;language</source>
            <translation>&amp;Bahasa antarmuka</translation>
        </message>
        <message>
            <source>Photo si&amp;ze</source>
            <translation>&amp;Ukuran foto</translation>
        </message>
        <message>
            <source>P&amp;rovince office: show the dashboard, review and designation</source>
            <translation>Dinas p&amp;rovinsi: tampilkan dasbor, tinjauan, dan penetapan</translation>
        </message>
        <message>
            <source>For the province office's database, where officers' packages are merged. Officers in the field leave it off.</source>
            <translation>Untuk basis data dinas provinsi, tempat paket para petugas digabungkan. Petugas lapangan membiarkannya mati.</translation>
        </message>
        <message>
            <source>The fingerprint of this laptop's signing key. Read it to the province office when they are asked to trust the first package from this laptop.</source>
            <translation>Sidik kunci tanda tangan laptop ini. Bacakan kepada dinas provinsi saat mereka diminta memercayai paket pertama dari laptop ini.</translation>
        </message>
        <message>
            <source>Key fingerprint</source>
            <translation>Sidik kunci</translation>
        </message>
        <message>
            <source>Sa&amp;ve</source>
            <translation>Si&amp;mpan</translation>
        </message>
        <message>
            <source>Region list (Kemendagri)</source>
            <translation>Daftar wilayah (Kemendagri)</translation>
        </message>
        <message>
            <source>&amp;Import region list…</source>
            <translation>&amp;Impor daftar wilayah…</translation>
        </message>
        <message>
            <source>A CSV file kode,nama,tingkat,kode_induk or kode,nama, in UTF-8</source>
            <translation>Berkas CSV kode,nama,tingkat,kode_induk atau kode,nama, dalam UTF-8</translation>
        </message>
        <message>
            <source>Province setup package</source>
            <translation>Paket pengaturan provinsi</translation>
        </message>
        <message>
            <source>The file (.ovop) the province office hands out: region list, rubric, letterhead, signatories and letter numbers, signed with the province key.</source>
            <translation>Berkas (.ovop) dari dinas provinsi: daftar wilayah, rubrik, kop surat, penanda tangan, dan penomoran surat, ditandatangani dengan kunci provinsi.</translation>
        </message>
        <message>
            <source>Import setup pac&amp;kage…</source>
            <translation>Impor paket pen&amp;gaturan…</translation>
        </message>
        <message>
            <source>Profile saved.</source>
            <translation>Profil tersimpan.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Tersimpan.</translation>
        </message>
        <message>
            <source>%1 regions in the list.</source>
            <translation>%1 wilayah dalam daftar.</translation>
        </message>
        <message>
            <source>No region list yet: import the list the province office hands out, so that villages can be picked in surveys.</source>
            <translation>Belum ada daftar wilayah: impor daftar dari dinas provinsi agar desa dapat dipilih dalam survei.</translation>
        </message>
        <message>
            <source>Import region list</source>
            <translation>Impor daftar wilayah</translation>
        </message>
        <message>
            <source>Importing %1…</source>
            <translation>Mengimpor %1…</translation>
        </message>
        <message>
            <source>Imported: %1 new, %2 renamed.</source>
            <translation>Hasil impor: %1 baru, %2 berganti nama.</translation>
        </message>
        <message>
            <source>Import province setup package</source>
            <translation>Impor paket pengaturan provinsi</translation>
        </message>
        <message>
            <source>Setup package (*.ovop)</source>
            <translation>Paket pengaturan (*.ovop)</translation>
        </message>
        <message>
            <source>Province settings applied: %1 new regions, rubric %2. Province key %3.</source>
            <translation>Pengaturan provinsi diterapkan: %1 wilayah baru, rubrik %2. Kunci provinsi %3.</translation>
        </message>
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
        <message>
            <source>This data folder was chosen with --home or OVOP_HOME, so the keys travel with it: whoever copies the folder or finds the USB stick can sign packages as this laptop and open packages sealed to it. Keep the stick safe, and tell the province office at once if it is lost.</source>
            <translation>Folder data ini dipilih dengan --home atau OVOP_HOME, jadi kuncinya ikut terbawa: siapa pun yang menyalin folder ini atau menemukan flashdisknya dapat menandatangani paket data atas nama laptop ini dan membuka paket yang dienkripsi untuknya. Simpan flashdisk dengan aman, dan segera beri tahu dinas provinsi bila hilang.</translation>
        </message>
        <message>
            <source>The private keys of this laptop (%1) are in %2.</source>
            <translation>Kunci privat laptop ini (%1) tersimpan di %2.</translation>
        </message>
        <message>
            <source>On an NTFS disk only your Windows account may read them; an administrator can, and on a FAT or exFAT USB stick anyone can. They are not encrypted: use BitLocker on this laptop.</source>
            <translation>Di disk NTFS hanya akun Windows Anda yang boleh membacanya; administrator dapat membacanya, dan di flashdisk FAT atau exFAT siapa pun dapat. Kunci tidak dienkripsi: pakai BitLocker di laptop ini.</translation>
        </message>
        <message>
            <source>Only your user account may read them (mode 0600); the administrator (root) can. They are not encrypted: use disk encryption on this laptop.</source>
            <translation>Hanya akun pengguna Anda yang boleh membacanya (mode 0600); administrator (root) dapat membacanya. Kunci tidak dienkripsi: pakai enkripsi disk di laptop ini.</translation>
        </message>
    </context>
    <context>
        <name>StarRating</name>
        <message>
            <source>%1 of %2 stars</source>
            <translation>%1 dari %2 bintang</translation>
        </message>
        <message>
            <source>No stars yet</source>
            <translation>Belum ada bintang</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Recover your work</source>
            <translation>Pulihkan pekerjaan Anda</translation>
        </message>
        <message>
            <source>OVOP Desktop was not closed properly last time. Continue with the survey of %1? Changes that had not reached the database yet will be restored.</source>
            <translation>OVOP Desktop tidak ditutup dengan benar sebelumnya. Lanjutkan survei %1? Perubahan yang belum sempat tersimpan akan dipulihkan.</translation>
        </message>
        <message>
            <source>&amp;Recover</source>
            <translation>&amp;Pulihkan</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Abaikan</translation>
        </message>
        <message>
            <source>OVOP Desktop is already running for this data folder:
%1

Switch to the open window instead of starting it again.</source>
            <translation>OVOP Desktop sudah berjalan untuk folder data ini:
%1

Buka jendela yang sudah terbuka, jangan menjalankannya lagi.</translation>
        </message>
        <message>
            <source>OVOP Desktop cannot write to its data folder:
%1

Make the folder writable for your user account (or free the disk, or choose another folder with --home), then start again.</source>
            <translation>OVOP Desktop tidak dapat menulis ke folder datanya:
%1

Izinkan akun pengguna Anda menulis di folder itu (atau kosongkan ruang disk, atau pilih folder lain dengan --home), lalu jalankan lagi.</translation>
        </message>
    </context>
    <context>
        <name>SurveyEditor</name>
        <message>
            <source>Asphalt road</source>
            <translation>Jalan aspal</translation>
        </message>
        <message>
            <source>Gravel or dirt road</source>
            <translation>Jalan batu atau tanah</translation>
        </message>
        <message>
            <source>River only</source>
            <translation>Hanya lewat sungai</translation>
        </message>
        <message>
            <source>River and footpath</source>
            <translation>Sungai dan jalan setapak</translation>
        </message>
        <message>
            <source>PLN, 24 hours</source>
            <translation>PLN, 24 jam</translation>
        </message>
        <message>
            <source>PLN, part of the day</source>
            <translation>PLN, sebagian hari</translation>
        </message>
        <message>
            <source>Generator or solar</source>
            <translation>Genset atau tenaga surya</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Tidak ada</translation>
        </message>
        <message>
            <source>4G</source>
            <translation>4G</translation>
        </message>
        <message>
            <source>3G or weak</source>
            <translation>3G atau lemah</translation>
        </message>
        <message>
            <source>Only at some places</source>
            <translation>Hanya di beberapa tempat</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Ada</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Tidak ada</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Peran</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telepon</translation>
        </message>
        <message>
            <source>New survey</source>
            <translation>Survei baru</translation>
        </message>
        <message>
            <source>No officer profile yet: fill it in under Settings.</source>
            <translation>Belum ada profil petugas: isi di Pengaturan.</translation>
        </message>
        <message>
            <source>Survey of %1</source>
            <translation>Survei %1</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Final</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draf</translation>
        </message>
        <message>
            <source>Not saved yet…</source>
            <translation>Belum tersimpan…</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Tersimpan %1</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Tidak tersimpan</translation>
        </message>
        <message>
            <source>There is no region list yet: import it under Settings.</source>
            <translation>Belum ada daftar wilayah: impor di Pengaturan.</translation>
        </message>
        <message>
            <source>Read position from a photo</source>
            <translation>Baca posisi dari foto</translation>
        </message>
        <message>
            <source>This photo carries no GPS position.</source>
            <translation>Foto ini tidak menyimpan posisi GPS.</translation>
        </message>
        <message>
            <source>Position read from a photo taken on %1 at %2.</source>
            <translation>Posisi dibaca dari foto yang diambil pada %1 pukul %2.</translation>
        </message>
        <message>
            <source>Choose the village from the region list.</source>
            <translation>Pilih desa dari daftar wilayah.</translation>
        </message>
        <message>
            <source>Add at least one candidate product.</source>
            <translation>Tambahkan minimal satu produk kandidat.</translation>
        </message>
        <message>
            <source>Not final yet:</source>
            <translation>Belum dapat final:</translation>
        </message>
        <message>
            <source>Correct a final survey</source>
            <translation>Koreksi survei final</translation>
        </message>
        <message>
            <source>Why does this final survey need a correction? The reason is kept with every change in the audit log.</source>
            <translation>Mengapa survei final ini perlu dikoreksi? Alasan disimpan bersama setiap perubahan di catatan audit.</translation>
        </message>
        <message>
            <source>Final, being corrected</source>
            <translation>Final, sedang dikoreksi</translation>
        </message>
        <message>
            <source>Delete survey</source>
            <translation>Hapus survei</translation>
        </message>
        <message>
            <source>Delete this survey? You can undo it until the next export.</source>
            <translation>Hapus survei ini? Penghapusan dapat diurungkan sampai ekspor berikutnya.</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>&amp;Correct…</source>
            <translation>&amp;Koreksi…</translation>
        </message>
        <message>
            <source>Change a final survey; you will be asked for the reason</source>
            <translation>Ubah survei final; Anda akan diminta menuliskan alasannya</translation>
        </message>
        <message>
            <source>&amp;Finalise</source>
            <translation>&amp;Finalkan</translation>
        </message>
        <message>
            <source>Check that the survey is complete and mark it final</source>
            <translation>Periksa kelengkapan survei lalu tandai final</translation>
        </message>
        <message>
            <source>Dele&amp;te…</source>
            <translation>Ha&amp;pus…</translation>
        </message>
        <message>
            <source>&amp;Back to list</source>
            <translation>Kembali ke &amp;daftar</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Tempat</translation>
        </message>
        <message>
            <source>Officer and respondents</source>
            <translation>Petugas dan narasumber</translation>
        </message>
        <message>
            <source>Village facts</source>
            <translation>Keterangan desa</translation>
        </message>
        <message>
            <source>Candidate products</source>
            <translation>Produk kandidat</translation>
        </message>
        <message>
            <source>F&amp;ind village</source>
            <translation>&amp;Cari desa</translation>
        </message>
        <message>
            <source>Type a village name, e.g. Banjang</source>
            <translation>Ketik nama desa, mis. Banjang</translation>
        </message>
        <message>
            <source>&amp;Regency / City</source>
            <translation>Ka&amp;bupaten/Kota</translation>
        </message>
        <message>
            <source>&amp;District</source>
            <translation>Kecamata&amp;n</translation>
        </message>
        <message>
            <source>&amp;Village</source>
            <translation>D&amp;esa/Kelurahan</translation>
        </message>
        <message>
            <source>Ha&amp;mlet / RT</source>
            <translation>D&amp;usun / RT</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>boleh dikosongkan</translation>
        </message>
        <message>
            <source>&amp;Latitude</source>
            <translation>&amp;Lintang</translation>
        </message>
        <message>
            <source>e.g. -3,4412 or 3°26'28" S, or paste a map link</source>
            <translation>mis. -3,4412 atau 3°26'28" LS, atau tempel tautan peta</translation>
        </message>
        <message>
            <source>Lon&amp;gitude</source>
            <translation>B&amp;ujur</translation>
        </message>
        <message>
            <source>e.g. 114,8417 or 114°50'30" E</source>
            <translation>mis. 114,8417 atau 114°50'30" BT</translation>
        </message>
        <message>
            <source>GPS source</source>
            <translation>Sumber GPS</translation>
        </message>
        <message>
            <source>From p&amp;hoto…</source>
            <translation>Dari f&amp;oto…</translation>
        </message>
        <message>
            <source>Read the position and time stored in a photo taken on site</source>
            <translation>Baca posisi dan waktu yang tersimpan di foto yang diambil di lokasi</translation>
        </message>
        <message>
            <source>Accuracy</source>
            <translation>Ketelitian</translation>
        </message>
        <message>
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <source>Survey &amp;date</source>
            <translation>&amp;Tanggal survei</translation>
        </message>
        <message>
            <source>Officer</source>
            <translation>Petugas</translation>
        </message>
        <message>
            <source>Respondents</source>
            <translation>Narasumber</translation>
        </message>
        <message>
            <source>Add res&amp;pondent</source>
            <translation>Tambah narasu&amp;mber</translation>
        </message>
        <message>
            <source>Remove respondent</source>
            <translation>Hapus narasumber</translation>
        </message>
        <message>
            <source>Popu&amp;lation</source>
            <translation>&amp;Jumlah penduduk</translation>
        </message>
        <message>
            <source> people</source>
            <translation> jiwa</translation>
        </message>
        <message>
            <source>Ho&amp;useholds</source>
            <translation>Jum&amp;lah KK</translation>
        </message>
        <message>
            <source>Main &amp;livelihoods</source>
            <translation>Mata pencaha&amp;rian utama</translation>
        </message>
        <message>
            <source>e.g. rice farmers, river fishers, craftspeople</source>
            <translation>mis. petani padi, nelayan sungai, perajin</translation>
        </message>
        <message>
            <source>&amp;Road access</source>
            <translation>Akses &amp;jalan</translation>
        </message>
        <message>
            <source>&amp;Electricity</source>
            <translation>&amp;Listrik</translation>
        </message>
        <message>
            <source>Mobile &amp;signal</source>
            <translation>&amp;Sinyal seluler</translation>
        </message>
        <message>
            <source>Cooperati&amp;ves</source>
            <translation>Kop&amp;erasi</translation>
        </message>
        <message>
            <source>BUM&amp;Des</source>
            <translation>B&amp;UMDes</translation>
        </message>
        <message>
            <source>&amp;UMKM (micro and small firms)</source>
            <translation>Jumlah &amp;UMKM</translation>
        </message>
        <message>
            <source>&amp;Notes</source>
            <translation>Ca&amp;tatan</translation>
        </message>
        <message>
            <source>&amp;Add candidate</source>
            <translation>T&amp;ambah kandidat</translation>
        </message>
        <message>
            <source>Remove candidate…</source>
            <translation>Hapus kandidat…</translation>
        </message>
    </context>
    <context>
        <name>SurveyListPage</name>
        <message>
            <source>All statuses</source>
            <translation>Semua status</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draf</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Final</translation>
        </message>
        <message>
            <source>All regencies / cities</source>
            <translation>Semua kabupaten / kota</translation>
        </message>
        <message>
            <source>Loading surveys…</source>
            <translation>Memuat survei…</translation>
        </message>
        <message>
            <source>No surveys yet. Press Ctrl+N to record the first one.</source>
            <translation>Belum ada survei. Tekan Ctrl+N untuk mencatat survei pertama.</translation>
        </message>
        <message>
            <source>No survey matches the search and filters. Clear the filters to see all.</source>
            <translation>Tidak ada survei yang cocok dengan pencarian dan filter. Hapus filter untuk melihat semuanya.</translation>
        </message>
        <message>
            <source>%1 of %2 surveys</source>
            <translation>%1 dari %2 survei</translation>
        </message>
        <message>
            <source>Surveys</source>
            <translation>Survei</translation>
        </message>
        <message>
            <source>Save a blank Excel template to type paper surveys into, or import a filled one</source>
            <translation>Simpan templat Excel kosong untuk mengetik survei kertas, atau impor templat yang sudah diisi</translation>
        </message>
        <message>
            <source>&amp;Excel template</source>
            <translation>Templat &amp;Excel</translation>
        </message>
        <message>
            <source>Record a new village survey (Ctrl+N)</source>
            <translation>Catat survei desa baru (Ctrl+N)</translation>
        </message>
        <message>
            <source>&amp;New survey</source>
            <translation>&amp;Survei baru</translation>
        </message>
        <message>
            <source>Every word you type must appear in the village, district, regency, officer, top candidate or region code (Ctrl+F)</source>
            <translation>Setiap kata yang diketik harus ada pada desa, kecamatan, kabupaten/kota, petugas, kandidat teratas atau kode wilayah (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search surveys</source>
            <translation>Cari survei</translation>
        </message>
        <message>
            <source>Search village, district, officer, product…</source>
            <translation>Cari desa, kecamatan, petugas, produk…</translation>
        </message>
        <message>
            <source>Show the surveys of one regency or city</source>
            <translation>Tampilkan survei satu kabupaten atau kota saja</translation>
        </message>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>Show draft or final surveys only</source>
            <translation>Tampilkan survei draf atau final saja</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Show every survey again</source>
            <translation>Tampilkan lagi semua survei</translation>
        </message>
        <message>
            <source>C&amp;lear filters</source>
            <translation>&amp;Hapus filter</translation>
        </message>
    </context>
    <context>
        <name>SurveyTableModel</name>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>Ranking the candidates while the database opens…</source>
            <translation>Peringkat kandidat dihitung sambil basis data dibuka…</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Desa / Kelurahan</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tanggal</translation>
        </message>
        <message>
            <source>Officer</source>
            <translation>Petugas</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Candidates</source>
            <translation>Kandidat</translation>
        </message>
        <message>
            <source>Top candidate</source>
            <translation>Kandidat teratas</translation>
        </message>
        <message>
            <source>Stars</source>
            <translation>Bintang</translation>
        </message>
        <message>
            <source>Regency or city of the village</source>
            <translation>Kabupaten atau kota tempat desa berada</translation>
        </message>
        <message>
            <source>District of the village</source>
            <translation>Kecamatan tempat desa berada</translation>
        </message>
        <message>
            <source>Village or urban village surveyed</source>
            <translation>Desa atau kelurahan yang disurvei</translation>
        </message>
        <message>
            <source>Date of the survey</source>
            <translation>Tanggal survei</translation>
        </message>
        <message>
            <source>Officer who recorded the survey</source>
            <translation>Petugas yang mencatat survei</translation>
        </message>
        <message>
            <source>Draft surveys can still be completed; final surveys are closed</source>
            <translation>Survei draf masih dapat dilengkapi; survei final sudah ditutup</translation>
        </message>
        <message>
            <source>Number of candidate products recorded</source>
            <translation>Jumlah produk kandidat yang dicatat</translation>
        </message>
        <message>
            <source>The candidate product ranked first under the rubric in force</source>
            <translation>Produk kandidat peringkat pertama menurut rubrik yang berlaku</translation>
        </message>
        <message>
            <source>Stars of the top candidate under the rubric in force</source>
            <translation>Bintang kandidat teratas menurut rubrik yang berlaku</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Final</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draf</translation>
        </message>
        <message>
            <source>Not assessed</source>
            <translation>Belum dinilai</translation>
        </message>
        <message>
            <source>%1 of %2 stars, total %3</source>
            <translation>%1 dari %2 bintang, total skor %3</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Package NOT encrypted: import the province's setup package first.</source>
            <translation>Paket TIDAK terenkripsi: impor paket pengaturan provinsi dulu.</translation>
        </message>
        <message>
            <source>Encrypted for the province (key fingerprint %1).</source>
            <translation>Terenkripsi untuk provinsi (sidik kunci %1).</translation>
        </message>
        <message>
            <source>Not encrypted: packages from the province office are signed only.</source>
            <translation>Tidak dienkripsi: paket dari dinas provinsi hanya ditandatangani.</translation>
        </message>
        <message>
            <source>Imported, some records refused</source>
            <translation>Diimpor, sebagian rekaman ditolak</translation>
        </message>
        <message>
            <source>Will be imported, some records refused</source>
            <translation>Akan diimpor, sebagian rekaman ditolak</translation>
        </message>
        <message>
            <source>Synchronisation</source>
            <translation>Sinkronisasi</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Ekspor</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Impor</translation>
        </message>
        <message>
            <source>&amp;Conflicts</source>
            <translation>&amp;Konflik</translation>
        </message>
        <message>
            <source>Data package for the province</source>
            <translation>Paket data untuk provinsi</translation>
        </message>
        <message>
            <source>Writes the surveys, products, assessments and letters changed on this laptop into one signed file (.ovop), for example on a USB stick.</source>
            <translation>Menulis survei, produk, penilaian, dan surat yang berubah di laptop ini ke dalam satu berkas bertanda tangan (.ovop), misalnya di flashdisk.</translation>
        </message>
        <message>
            <source>Everything (not only since the last export)</source>
            <translation>Semua data (tidak hanya sejak ekspor terakhir)</translation>
        </message>
        <message>
            <source>E&amp;xport data package…</source>
            <translation>Eks&amp;por paket data…</translation>
        </message>
        <message>
            <source>I&amp;mport packages…</source>
            <translation>Im&amp;por paket data…</translation>
        </message>
        <message>
            <source>or drop .ovop files here. Nothing is saved before Apply.</source>
            <translation>atau seret berkas .ovop ke sini. Tidak ada yang disimpan sebelum Terapkan.</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Baru</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Diperbarui</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Tidak berubah</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Konflik</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Ditolak</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Alasan</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Perangkat</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>&amp;Terapkan</translation>
        </message>
        <message>
            <source>Key fingerprint of this laptop: %1</source>
            <translation>Sidik kunci laptop ini: %1</translation>
        </message>
        <message>
            <source>Export data package to</source>
            <translation>Ekspor paket data ke</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Mengekspor…</translation>
        </message>
        <message>
            <source>Package saved: %1 · %2 · key fingerprint %3</source>
            <translation>Paket tersimpan: %1 · %2 · sidik kunci %3</translation>
        </message>
        <message>
            <source>no changes since the last export</source>
            <translation>tidak ada perubahan sejak ekspor terakhir</translation>
        </message>
        <message>
            <source>Import data packages</source>
            <translation>Impor paket data</translation>
        </message>
        <message>
            <source>Data packages (*.ovop)</source>
            <translation>Paket data (*.ovop)</translation>
        </message>
        <message>
            <source>Checking %1 package(s)…</source>
            <translation>Memeriksa %1 paket…</translation>
        </message>
        <message>
            <source>Preview: nothing has been saved yet. Check the list, then Apply.</source>
            <translation>Pratinjau: belum ada yang disimpan. Periksa daftarnya, lalu Terapkan.</translation>
        </message>
        <message>
            <source>No changes</source>
            <translation>Tidak ada perubahan</translation>
        </message>
        <message>
            <source>Needs trust</source>
            <translation>Perlu dipercayai</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Diimpor</translation>
        </message>
        <message>
            <source>Will be imported</source>
            <translation>Akan diimpor</translation>
        </message>
        <message>
            <source>Trusted: will be imported on Apply.</source>
            <translation>Dipercayai: akan diimpor saat Terapkan.</translation>
        </message>
        <message>
            <source>New device %1 of officer %2, key fingerprint %3: trust it before importing.</source>
            <translation>Perangkat baru %1 milik petugas %2, sidik kunci %3: percayai dulu sebelum mengimpor.</translation>
        </message>
        <message>
            <source>Trust this device…</source>
            <translation>Percayai perangkat…</translation>
        </message>
        <message>
            <source>Officer %1, device %2, key fingerprint %3</source>
            <translation>Petugas %1, perangkat %2, sidik kunci %3</translation>
        </message>
        <message>
            <source>Trust this device</source>
            <translation>Percayai perangkat ini</translation>
        </message>
        <message>
            <source>Packages from this device have not been imported before.

Officer: %1
Device: %2
Key fingerprint: %3

Trust it only if the officer confirms this fingerprint (for example by phone).</source>
            <translation>Paket dari perangkat ini belum pernah diimpor.

Petugas: %1
Perangkat: %2
Sidik kunci: %3

Percayai hanya jika petugasnya mengonfirmasi sidik kunci ini (misalnya lewat telepon).</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Importing %1…</source>
            <translation>Mengimpor %1…</translation>
        </message>
        <message>
            <source>%1 package(s) imported: %2 new, %3 updated, %4 conflicts.</source>
            <translation>%1 paket diimpor: %2 baru, %3 diperbarui, %4 konflik.</translation>
        </message>
        <message>
            <source>Settle the conflicts under Conflicts.</source>
            <translation>Selesaikan konflik di tab Konflik.</translation>
        </message>
        <message>
            <source>No changes: these packages hold nothing new.</source>
            <translation>Tidak ada perubahan: paket ini tidak berisi data baru.</translation>
        </message>
        <message>
            <source>%1 package(s) rejected.</source>
            <translation>%1 paket ditolak.</translation>
        </message>
        <message>
            <source>&amp;Conflicts (%1)</source>
            <translation>&amp;Konflik (%1)</translation>
        </message>
    </context>
    <context>
        <name>TemplateMenu</name>
        <message>
            <source>&amp;Save blank template…</source>
            <translation>&amp;Simpan templat kosong…</translation>
        </message>
        <message>
            <source>&amp;Import filled template…</source>
            <translation>&amp;Impor templat terisi…</translation>
        </message>
        <message>
            <source>Saving the blank template…</source>
            <translation>Menyimpan templat kosong…</translation>
        </message>
        <message>
            <source>Importing %1…</source>
            <translation>Mengimpor %1…</translation>
        </message>
        <message>
            <source>Save a blank survey template</source>
            <translation>Simpan templat survei kosong</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Buku kerja Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Import a filled survey template</source>
            <translation>Impor templat survei yang sudah diisi</translation>
        </message>
        <message>
            <source>Blank template saved as %1. Type the paper surveys into it in Excel, then bring them in with Excel template › Import filled template.</source>
            <translation>Templat kosong disimpan sebagai %1. Ketik survei kertas ke dalamnya di Excel, lalu masukkan lewat Templat Excel › Impor templat terisi.</translation>
        </message>
        <message>
            <source>Imported from %1 — surveys: %2, candidate products: %3, assessments: %4 (final: %5, draft: %6). The surveys are drafts: open each one to check it.</source>
            <translation>Diimpor dari %1 — survei: %2, produk kandidat: %3, penilaian: %4 (final: %5, draf: %6). Survei masuk sebagai draf: buka satu per satu untuk memeriksanya.</translation>
        </message>
        <message>
            <source>%1 was not imported; nothing was saved. See the list of problems.</source>
            <translation>%1 tidak diimpor; tidak ada data yang disimpan. Lihat daftar masalahnya.</translation>
        </message>
    </context>
    <context>
        <name>TemplateProblemsDialog</name>
        <message>
            <source>Template not imported</source>
            <translation>Templat tidak diimpor</translation>
        </message>
        <message>
            <source>Nothing from %1 was imported: no survey was added or changed. Fix every row listed below in Excel, save the file and import it again.</source>
            <translation>Tidak ada data dari %1 yang diimpor: tidak ada survei yang ditambah atau diubah. Perbaiki setiap baris di bawah ini di Excel, simpan berkasnya, lalu impor lagi.</translation>
        </message>
        <message>
            <source>Problems in the template</source>
            <translation>Masalah dalam templat</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Salin</translation>
        </message>
        <message>
            <source>Copy the list of problems to the clipboard</source>
            <translation>Salin daftar masalah ke papan klip</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
    </context>
    <context>
        <name>UnassessedTableModel</name>
        <message>
            <source>Village</source>
            <translation>Desa / Kelurahan</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Kecamatan</translation>
        </message>
        <message>
            <source>Regency / City</source>
            <translation>Kabupaten / Kota</translation>
        </message>
        <message>
            <source>Candidates</source>
            <translation>Kandidat</translation>
        </message>
        <message>
            <source>None recorded yet</source>
            <translation>Belum ada yang dicatat</translation>
        </message>
        <message>
            <source>%1 not assessed</source>
            <translation>%1 belum dinilai</translation>
        </message>
    </context>
    <context>
        <name>VillageRankingModel</name>
        <message>
            <source>Rank</source>
            <translation>Peringkat</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produk</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total skor</translation>
        </message>
        <message>
            <source>Stars</source>
            <translation>Bintang</translation>
        </message>
        <message>
            <source>Gate note</source>
            <translation>Catatan syarat</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>Penilaian</translation>
        </message>
        <message>
            <source>Not assessed (%1/%2 criteria)</source>
            <translation>Belum dinilai (%1/%2 kriteria)</translation>
        </message>
        <message>
            <source>Consensus (%1)</source>
            <translation>Konsensus (%1)</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>Final</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draf</translation>
        </message>
        <message>
            <source>%1 of %2 stars</source>
            <translation>%1 dari %2 bintang</translation>
        </message>
    </context>
    <context>
        <name>VillageRankingView</name>
        <message>
            <source>Loading the ranking…</source>
            <translation>Memuat peringkat…</translation>
        </message>
        <message>
            <source>Consensus (%1)</source>
            <translation>Konsensus (%1)</translation>
        </message>
        <message>
            <source>&amp;Recommend this product</source>
            <translation>&amp;Rekomendasikan produk ini</translation>
        </message>
        <message>
            <source>Make the selected candidate the village's recommended OVOP product</source>
            <translation>Jadikan produk kandidat yang dipilih sebagai produk rekomendasi OVOP desa ini</translation>
        </message>
        <message>
            <source>Region code %1 · survey of %2 · Rubric %3 version %4</source>
            <translation>Kode wilayah %1 · survei %2 · Rubrik %3 versi %4</translation>
        </message>
        <message>
            <source>Rank %1, %2: %3</source>
            <translation>Peringkat %1, %2: %3</translation>
        </message>
        <message>
            <source>Recommended product: %1 (rank %2)</source>
            <translation>Produk rekomendasi: %1 (peringkat %2)</translation>
        </message>
        <message>
            <source>The recommended product is no longer ranked: it was deleted or its assessment is incomplete. Recommend one of the ranked candidates.</source>
            <translation>Produk rekomendasi tidak lagi masuk peringkat: produk itu dihapus atau penilaiannya belum lengkap. Rekomendasikan salah satu kandidat yang sudah berperingkat.</translation>
        </message>
        <message>
            <source>No candidate product is recorded for this village yet.</source>
            <translation>Belum ada produk kandidat yang dicatat untuk desa ini.</translation>
        </message>
        <message>
            <source>No candidate is fully assessed yet: assess the candidates to rank them.</source>
            <translation>Belum ada kandidat yang dinilai lengkap: nilai produk kandidat agar dapat diberi peringkat.</translation>
        </message>
        <message>
            <source>Reason for choosing it over rank 1: %1</source>
            <translation>Alasan memilihnya daripada peringkat 1: %1</translation>
        </message>
        <message>
            <source>Change the &amp;reason…</source>
            <translation>Ubah &amp;alasan…</translation>
        </message>
        <message>
            <source>Why this product?</source>
            <translation>Alasan memilih produk ini</translation>
        </message>
        <message>
            <source>%1 is ranked %2. Write why it is recommended rather than %3 (rank 1). The reason is printed in the recommendation letter.</source>
            <translation>%1 berada di peringkat %2. Tuliskan alasan merekomendasikannya daripada %3 (peringkat 1). Alasan ini dicetak di surat rekomendasi.</translation>
        </message>
    </context>
    <context>
        <name>CoverageMap</name>
        <message>
            <source>%1: %2 of %3 villages surveyed (%4)</source>
            <translation>%1: %2 dari %3 desa disurvei (%4)</translation>
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
