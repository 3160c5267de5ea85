; Inno Setup 6 script for Estate Desk (物业档案与前台): wraps the one-folder build dist\EstateDesk\ into
; dist\EstateDesk-Setup-<version>.exe. Run from the repository root after `python packaging\build.py`:
;     iscc /DAppVersion=0.1.0 packaging\windows\EstateDesk.iss
; (build.py runs this itself when iscc is on PATH, passing the version from the package metadata).
;
; The user's archive is NOT in the program folder: the database, attachments, backups, preferences and
; logs live in %LOCALAPPDATA%\EstateDesk\EstateDesk (platformdirs). Neither an upgrade nor the uninstaller
; touches that folder; only {app} (the program files) is replaced or removed.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Estate Desk"
#define AppExe "EstateDesk.exe"
#define Dist "..\..\dist\EstateDesk"

[Setup]
; The AppId ties upgrades to earlier installs: never change it.
AppId={{5C1E7F0B-3D2A-4B8E-9E61-7A0C2F5D8B14}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Estate Desk engineers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\EstateDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Administrators install for everyone; anyone can choose "only for me" (no admin rights, {userpf}).
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=EstateDesk-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
CloseApplications=yes
#ifexist "..\..\build\estate-desk.ico"
SetupIconFile=..\..\build\estate-desk.ico
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade starts from a clean program folder so no file of the older build lingers (program files only).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "物业档案与前台"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries on purpose: the uninstaller removes only what it installed in {app}.
