; Tiến Độ — Windows installer (Inno Setup 6.3 or newer).
;
; Per-user install without administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\TienDo, the Start menu entry and the file types to the user's
; own profile and HKCU\Software\Classes. The data folder (%APPDATA%\TienDo) is never
; touched by installing, updating or uninstalling.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\tiendo.iss
;
; Needs, next to this script, Vietnamese.isl: Inno Setup's Vietnamese translation is a
; user-contributed one that Inno Setup does not install (see packaging/README.md; the
; workflow downloads it). This file is UTF-8 with a BOM because of its Vietnamese text.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z tiendo.iss
#endif
#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (x64compatible, UTF-8 scripts)
#endif

#define AppName "Tiến Độ"
#define AppExe "TienDo.exe"
#define Root AddBackslash(SourcePath) + "..\.."
#define Bundle Root + "\dist\TienDo"
#define Icon Root + "\build\icons\tiendo.ico"

[Setup]
; AppId identifies the program to updates and to the uninstaller: never change it.
AppId={{B3EE4EAC-1A43-4ED5-81D1-4FB09AA66F30}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\TienDo
DisableDirPage=yes
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 1809 and later.
MinVersion=10.0.17763
ChangesAssociations=yes
LanguageDetectionMethod=none
ShowLanguageDialog=no
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir={#Root}\dist
OutputBaseFilename=TienDo-{#AppVersion}-setup
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
#if FileExists(Icon)
SetupIconFile={#Icon}
#endif

[Languages]
; Vietnamese first: with LanguageDetectionMethod=none it is always the one shown.
; English stays reachable with /LANG=en on the command line.
Name: "vi"; MessagesFile: "Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.PackageType=Gói báo cáo Tiến Độ
en.PackageType=Tiến Độ report package
vi.ReceiptType=Biên nhận Tiến Độ
en.ReceiptType=Tiến Độ receipt
vi.KeyType=Tệp khóa Tiến Độ
en.KeyType=Tiến Độ key file
vi.PlanType=Gói kế hoạch Tiến Độ
en.PlanType=Tiến Độ plan bundle
vi.AppComment=Theo dõi, báo cáo kết quả thực hiện kế hoạch
en.AppComment=Track and report how a plan is carried out

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An update starts from a clean program folder: files an older version had and this one
; has not (an old migration script above all) must not stay behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; Report packages (.tdpkg), receipts (.tdr) and key files (.tdkey: a public key, a rotation
; statement, a re-enrollment request) and plan bundles (.tdplan) open in Tiến Độ: TienDo.exe "FILE".
; With PrivilegesRequired=lowest, HKA is HKEY_CURRENT_USER.
Root: HKA; Subkey: "Software\Classes\.tdpkg"; ValueType: string; ValueName: ""; ValueData: "TienDo.Package"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.tdpkg\OpenWithProgids"; ValueType: string; ValueName: "TienDo.Package"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\TienDo.Package"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\TienDo.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\TienDo.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.tdr"; ValueType: string; ValueName: ""; ValueData: "TienDo.Receipt"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.tdr\OpenWithProgids"; ValueType: string; ValueName: "TienDo.Receipt"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\TienDo.Receipt"; ValueType: string; ValueName: ""; ValueData: "{cm:ReceiptType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\TienDo.Receipt\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\TienDo.Receipt\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.tdkey"; ValueType: string; ValueName: ""; ValueData: "TienDo.Key"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.tdkey\OpenWithProgids"; ValueType: string; ValueName: "TienDo.Key"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\TienDo.Key"; ValueType: string; ValueName: ""; ValueData: "{cm:KeyType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\TienDo.Key\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\TienDo.Key\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.tdplan"; ValueType: string; ValueName: ""; ValueData: "TienDo.Plan"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.tdplan\OpenWithProgids"; ValueType: string; ValueName: "TienDo.Plan"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\TienDo.Plan"; ValueType: string; ValueName: ""; ValueData: "{cm:PlanType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\TienDo.Plan\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\TienDo.Plan\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".tdpkg"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".tdr"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".tdkey"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".tdplan"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
