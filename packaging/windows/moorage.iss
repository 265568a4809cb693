; Inno Setup recipe: Moorage's Windows installer, from the PyInstaller one-folder build.
;
; NOT BUILT on the project's own machines (Debian, no Windows): .github/workflows/package.yml
; builds it on a hosted Windows runner. From a Windows checkout with Python 3.11 and Inno
; Setup 6 (iscc on PATH), at the top of the checkout:
;
;   python -m venv .venv && .venv\Scripts\pip install -c requirements.lock ".[dev]" pillow
;   .venv\Scripts\pyside6-lrelease resources\translations\moorage_zh_CN.ts -qm resources\translations\moorage_zh_CN.qm
;   .venv\Scripts\python packaging\build.py icons build\package\icons
;   .venv\Scripts\python packaging\build.py freeze
;   for /f %v in ('.venv\Scripts\python packaging\build.py version') do iscc /DAppVersion=%v packaging\windows\moorage.iss
;
; The result is dist\moorage-VERSION-windows-x64-setup.exe. The version is passed in, read
; from main.py, so that it is written in one place only. Pillow lets PyInstaller turn the PNG
; icon into the .exe's icon. Installing needs no administrator (per-user by default).

#ifndef AppVersion
  #error Pass the version from main.py: iscc /DAppVersion=X.Y.Z (python packaging\build.py version)
#endif

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{19876375-D6DF-435E-8E6B-0EF29CB3B709}
AppName=Moorage
AppVersion={#AppVersion}
AppVerName=Moorage {#AppVersion}
AppPublisher=The Moorage developers
AppComments=A native desktop manager for the Docker Engine
DefaultDirName={autopf}\Moorage
DefaultGroupName=Moorage
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=moorage-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\moorage.exe
UninstallDisplayName=Moorage {#AppVersion}
; Settings live in the registry under HKCU\Software\Moorage; uninstalling keeps them, as the
; .deb keeps ~/.config/Moorage.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "build\package\dist\moorage\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Moorage"; Filename: "{app}\moorage.exe"; Comment: "A native desktop manager for the Docker Engine"
Name: "{autodesktop}\Moorage"; Filename: "{app}\moorage.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\moorage.exe"; Description: "{cm:LaunchProgram,Moorage}"; Flags: nowait postinstall skipifsilent
