; Per-user Windows installer of 绩效自评 (jixiao-zicha), NSIS 3:
;   makensis -INPUTCHARSET UTF8 -DVERSION=1.0.0 -DSOURCE_DIR=dist\jixiao-zicha
;            -DOUTFILE=dist\jixiao-zicha-1.0.0-setup.exe packaging\installer.nsi
; No administrator rights: installs into %LOCALAPPDATA%\Programs\jixiao-zicha, Start-menu shortcut
; (desktop shortcut optional), an uninstaller, registry entries under HKCU only. Installing a newer
; version over an older one replaces the program files in place; the clerk's data folder
; (%LOCALAPPDATA%\jixiao-zicha: databases, backups, error.log) is never touched, not even by the
; uninstaller. VERSION comes from pyproject.toml (the workflow and packaging/check_installer.py
; pass it). Silent: setup.exe /S [/D=folder], uninstall.exe /S.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "makensis -DVERSION=x.y.z is required (the version of pyproject.toml)"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\dist\jixiao-zicha"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\jixiao-zicha-${VERSION}-setup.exe"
!endif

!define APP_ID "jixiao-zicha"
!define APP_NAME "绩效自评"
!define APP_TITLE "绩效自评 — 日常履职考核自查编制工具"
!define GUI_EXE "jixiao-zicha.exe"
!define CLI_EXE "jixiao-zicha-cli.exe"
!define SHORTCUT "${APP_NAME}.lnk"
!define APP_KEY "Software\${APP_ID}"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_NAME} ${VERSION}"
Caption "${APP_TITLE} ${VERSION} 安装"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "安装 ${APP_TITLE}"
!define MUI_WELCOMEPAGE_TEXT "将安装 ${APP_NAME} ${VERSION} 到您的用户目录，无需管理员权限。$\r$\n$\r$\n已安装旧版本时直接覆盖升级；您的数据（数据库、备份）保存在单独的数据文件夹中，升级和卸载都不会改动。"
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "启动 ${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_TITLE}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_NAME} ${VERSION} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${APP_NAME}"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP_NAME} 需要 64 位 Windows 10 或 11。" /SD IDOK
    Abort
  ${EndIf}
  SetShellVarContext current
  SetRegView 64
FunctionEnd

Function un.onInit
  SetShellVarContext current
  SetRegView 64
FunctionEnd

; The program's own files only: an upgrade removes the previous version's files first, so nothing
; of it lingers; a portable.txt and data\ a clerk placed in the folder stay.
!macro RemoveProgramFiles
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
!macroend

Section "!${APP_NAME}（程序与开始菜单快捷方式）" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  !insertmacro RemoveProgramFiles
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0 \
    SW_SHOWNORMAL "" "${APP_TITLE}"

  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${APP_KEY}" "InstalledVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_TITLE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section /o "桌面快捷方式" SecDesktop
  CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0 \
    SW_SHOWNORMAL "" "${APP_TITLE}"
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"
  !insertmacro RemoveProgramFiles
  RMDir "$INSTDIR"  ; only when empty: a portable data\ folder stays
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegValue HKCU "${APP_KEY}" "InstallDir"
  DeleteRegValue HKCU "${APP_KEY}" "InstalledVersion"
  DeleteRegKey /ifempty HKCU "${APP_KEY}"  ; the app's own settings (QSettings) live below it and stay
SectionEnd
