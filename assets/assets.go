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
