package app

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"zhengxie/assets"
)

// officeTheme is a light theme with the embedded CJK font, so Chinese
// renders on a bare Windows or Kylin machine, and a restrained red accent.
// It is light whatever the system prefers: the screens are made for print-
// like reading in an office. Every colour text is drawn in meets WCAG's
// 4.5:1 contrast on every fill it is drawn on (contrast_test.go), Fyne's
// translucent focus fill included: a focused button or the highlighted item
// of an open drop-down list is tinted, not filled with the accent.
type officeTheme struct {
	font fyne.Resource

	boldOnce sync.Once
	bold     fyne.Resource // made from font on first use (boldfont.go)
}

func newOfficeTheme() *officeTheme {
	return &officeTheme{font: fyne.NewStaticResource(assets.FontRegularName, assets.FontRegular)}
}

// warmUp makes the bold face in the background (a few tenths of a second),
// so the first bold heading does not wait for it.
func (t *officeTheme) warmUp() *officeTheme {
	go t.Font(fyne.TextStyle{Bold: true})
	return t
}

var (
	accentRed = color.NRGBA{R: 0xB7, G: 0x1C, B: 0x1C, A: 0xFF}
	white     = color.NRGBA{R: 0xFF, G: 0xFF, B: 0xFF, A: 0xFF}

	// officeColors replace Fyne's light palette where it is too faint for
	// text: its grey text, its disabled grey (which Fyne also uses for
	// low-importance labels that carry information), its placeholder, and
	// its bright error, success and warning colours.
	officeColors = map[fyne.ThemeColorName]color.Color{
		theme.ColorNamePrimary:             accentRed,
		theme.ColorNameHyperlink:           accentRed,
		theme.ColorNameFocus:               color.NRGBA{R: 0xB7, G: 0x1C, B: 0x1C, A: 0x40},
		theme.ColorNameSelection:           color.NRGBA{R: 0xB7, G: 0x1C, B: 0x1C, A: 0x30},
		theme.ColorNameForeground:          color.NRGBA{R: 0x1F, G: 0x1F, B: 0x1F, A: 0xFF},
		theme.ColorNameDisabled:            color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xFF},
		theme.ColorNamePlaceHolder:         color.NRGBA{R: 0x6B, G: 0x6B, B: 0x6B, A: 0xFF},
		theme.ColorNameButton:              color.NRGBA{R: 0xEC, G: 0xEC, B: 0xEC, A: 0xFF},
		theme.ColorNameDisabledButton:      color.NRGBA{R: 0xF7, G: 0xF7, B: 0xF7, A: 0xFF},
		theme.ColorNameError:               color.NRGBA{R: 0xC6, G: 0x28, B: 0x28, A: 0xFF},
		theme.ColorNameSuccess:             color.NRGBA{R: 0x2E, G: 0x7D, B: 0x32, A: 0xFF},
		theme.ColorNameWarning:             color.NRGBA{R: 0x9A, G: 0x5B, B: 0x00, A: 0xFF},
		theme.ColorNameForegroundOnPrimary: white,
		theme.ColorNameForegroundOnError:   white,
		theme.ColorNameForegroundOnSuccess: white,
		theme.ColorNameForegroundOnWarning: white,
	}
)

func (t *officeTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if c, ok := officeColors[n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

// Font is the embedded CJK face, and for bold text the same face widened
// (boldfont.go); Fyne takes Latin letters and digits from its own faces.
func (t *officeTheme) Font(s fyne.TextStyle) fyne.Resource {
	if !s.Bold {
		return t.font
	}
	t.boldOnce.Do(func() {
		if b, err := boldFace(assets.FontRegular); err == nil {
			t.bold = fyne.NewStaticResource(boldFontName, b)
		}
	})
	if t.bold == nil {
		return t.font
	}
	return t.bold
}

func (t *officeTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *officeTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 14
	}
	return theme.DefaultTheme().Size(n)
}
