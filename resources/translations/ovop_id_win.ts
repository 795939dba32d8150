<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>SettingsPage</name>
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
</TS>
