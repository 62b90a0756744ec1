// Package assets embeds the files the program ships: the CJK font that
// serves both the Fyne theme and the PDF writer, the icon, and templates.
package assets

import _ "embed"

// FontRegular is Droid Sans Fallback (Apache License 2.0, see
// fonts/LICENSE-DroidSansFallback.txt): a TrueType (glyf) face covering
// GB 2312 and more, loadable by both Fyne and fpdf.
//
//go:embed fonts/DroidSansFallbackFull.ttf
var FontRegular []byte

// FontRegularName is the embedded font's file name.
const FontRegularName = "DroidSansFallbackFull.ttf"

// FyneStrings are Chinese texts for the words Fyne's own widgets and
// dialogs show (确定, 取消, 打开, 保存 …). The program is Chinese-only, so
// they are installed over Fyne's English whatever the system locale is.
//
//go:embed i18n/fyne.json
var FyneStrings []byte

// Icon is the program icon (also referenced by FyneApp.toml for packaging).
//
//go:embed icon.png
var Icon []byte
