package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"zhengxie/assets"
)

// officeTheme is Fyne's light theme with the embedded CJK font, so Chinese
// renders on a bare Windows or Kylin machine, and a restrained red accent.
type officeTheme struct {
	font fyne.Resource
}

func newOfficeTheme() *officeTheme {
	return &officeTheme{font: fyne.NewStaticResource(assets.FontRegularName, assets.FontRegular)}
}

var accentRed = color.NRGBA{R: 0xB7, G: 0x1C, B: 0x1C, A: 0xFF}

func (t *officeTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameFocus:
		return accentRed
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0xB7, G: 0x1C, B: 0x1C, A: 0x30}
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (t *officeTheme) Font(fyne.TextStyle) fyne.Resource { return t.font }

func (t *officeTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *officeTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 14
	}
	return theme.DefaultTheme().Size(n)
}
