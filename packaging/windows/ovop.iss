; Inno Setup 6 script: the per-user Windows installer of OVOP Desktop (no administrator rights).
;
; Build on Windows, from the repository root, after the bundle (README "Install / build"):
;   python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\ovop.spec
;   iscc packaging\windows\ovop.iss          -> dist\ovop-desktop-<version>-setup.exe
; The spec writes build\version\ovop-version.iss from ovop_desktop\__init__.py (the one version
; number); `python packaging\version_files.py` writes it alone.
;
; What it promises, line by line below:
;   - installs for the current user only (PrivilegesRequired=lowest, never asks for admin), into
;     %LOCALAPPDATA%\Programs\OVOP Desktop ({userpf});
;   - a Start-menu shortcut (the user's own Start menu), an optional desktop one;
;   - .ovop packages open in OVOP Desktop, registered under HKCU\Software\Classes only;
;   - an upgrade replaces the program folder: the old _internal\ goes before the new is copied,
;     and a running OVOP Desktop is asked to close first;
;   - uninstalling removes the program folder and the registration, never the data folder
;     (%LOCALAPPDATA%\OVOP\OVOP Desktop, or a --home folder), which no line here names.

#include "..\..\build\version\ovop-version.iss"
#define AppName "OVOP Desktop"
#define Bundle "..\..\dist\ovop"
#define ProgId "OVOPDesktop.Package"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{8E4B1C52-3F0A-4C7E-9B21-6D5A0F1E7C33}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=OVOP Kalimantan Selatan
VersionInfoVersion={#AppVersionNumbers}
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\..\resources\icons\ovop.ico
UninstallDisplayIcon={app}\ovop-desktop.exe
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=ovop-desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
; Inno Setup ships Indonesian among its unofficial translations; used when it is installed.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Indonesian.isl")
Name: "id"; MessagesFile: "compiler:Languages\Unofficial\Indonesian.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder cleanly: modules and Qt plugins of the old version that
; the new one no longer has must not stay behind (they would be loaded).
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\ovop.exe"
Type: files; Name: "{app}\ovop-desktop.exe"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\ovop-desktop.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\ovop-desktop.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; The .ovop association, for this user only (HKCU\Software\Classes; no administrator rights).
Root: HKCU; Subkey: "Software\Classes\.ovop"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.ovop\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Paket data OVOP"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\ovop-desktop.exe,0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ovop-desktop.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\ovop-desktop.exe\SupportedTypes"; ValueType: string; ValueName: ".ovop"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\ovop-desktop.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The program folder only, once its files are gone. Data lives elsewhere and stays.
Type: dirifempty; Name: "{app}"
