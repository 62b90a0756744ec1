package app

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// WCAG 2.x contrast of the text colours the window draws over the fills it
// draws them on. Translucent fills (hover, focus, selection) are composited
// over what Fyne's widgets put beneath them, the way the renderer does.

// relativeLuminance is WCAG's relative luminance of an opaque colour.
func relativeLuminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrastRatio is WCAG's (L1 + 0.05) / (L2 + 0.05), lighter over darker.
func contrastRatio(a, b color.Color) float64 {
	la, lb := relativeLuminance(a), relativeLuminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// over composites a possibly translucent colour over an opaque one.
func over(top, under color.Color) color.Color {
	n := color.NRGBAModel.Convert(top).(color.NRGBA)
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	a := float64(n.A) / 255
	mix := func(t, b uint8) uint8 { return uint8(math.Round(float64(t)*a + float64(b)*(1-a))) }
	return color.NRGBA{R: mix(n.R, u.R), G: mix(n.G, u.G), B: mix(n.B, u.B), A: 0xff}
}

func TestContrastRatioMatchesWCAGExamples(t *testing.T) {
	black, white := color.NRGBA{A: 0xff}, color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	grey := color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff} // the usual "lightest grey that passes on white"
	for _, c := range []struct {
		a, b color.Color
		want float64
	}{{black, white, 21}, {white, white, 1}, {grey, white, 4.54}, {color.NRGBA{R: 0x56, G: 0x56, B: 0x56, A: 0xff}, white, 7.34}} {
		if got := contrastRatio(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%v, %v) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
	if got := over(color.NRGBA{A: 0x80}, white); contrastRatio(got, white) < 3 || contrastRatio(got, black) < 3 {
		t.Errorf("half-transparent black over white = %v, want a mid grey", got)
	}
}

// textPair is a text colour drawn on a fill (bottom layer first).
type textPair struct {
	where string
	text  fyne.ThemeColorName
	fill  []fyne.ThemeColorName
}

// themeTextPairs lists where Fyne's widgets and our screens draw text.
var themeTextPairs = []textPair{
	{"正文", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameBackground}},
	{"对话框", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameOverlayBackground}},
	{"输入框", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameInputBackground}},
	{"输入框提示", theme.ColorNamePlaceHolder, []fyne.ThemeColorName{theme.ColorNameInputBackground}},
	{"按钮", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameButton}},
	{"按钮（鼠标悬停）", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameButton, theme.ColorNameHover}},
	{"按钮（焦点）", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameButton, theme.ColorNameFocus}},
	{"主按钮", theme.ColorNameForegroundOnPrimary, []fyne.ThemeColorName{theme.ColorNamePrimary}},
	{"主按钮（鼠标悬停）", theme.ColorNameForegroundOnPrimary, []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameHover}},
	{"主按钮（焦点）", theme.ColorNameForegroundOnPrimary, []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameFocus}},
	{"危险按钮", theme.ColorNameForegroundOnError, []fyne.ThemeColorName{theme.ColorNameError}},
	{"危险按钮（焦点）", theme.ColorNameForegroundOnError, []fyne.ThemeColorName{theme.ColorNameError, theme.ColorNameFocus}},
	{"成功按钮", theme.ColorNameForegroundOnSuccess, []fyne.ThemeColorName{theme.ColorNameSuccess}},
	{"警告按钮", theme.ColorNameForegroundOnWarning, []fyne.ThemeColorName{theme.ColorNameWarning}},
	// A focused Select is filled with the focus colour, a hovered one with
	// hover; both over the form's background.
	{"下拉框（焦点）", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameFocus}},
	{"下拉框（鼠标悬停）", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameHover}},
	// The open drop-down list: the active item is filled with focus.
	{"下拉菜单", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameMenuBackground}},
	{"下拉菜单（当前项）", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameMenuBackground, theme.ColorNameFocus}},
	{"列表选中行", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameSelection}},
	{"列表选中行（鼠标悬停）", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameSelection, theme.ColorNameHover}},
	{"列表悬停行", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameHover}},
	{"表头", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameHeaderBackground}},
	{"表头（鼠标悬停）", theme.ColorNameForeground, []fyne.ThemeColorName{theme.ColorNameHeaderBackground, theme.ColorNameButton, theme.ColorNameHover}},
	{"选中的标签页", theme.ColorNamePrimary, []fyne.ThemeColorName{theme.ColorNameBackground}},
	{"链接", theme.ColorNameHyperlink, []fyne.ThemeColorName{theme.ColorNameBackground}},
	{"错误信息", theme.ColorNameError, []fyne.ThemeColorName{theme.ColorNameBackground}},
	{"错误信息（对话框）", theme.ColorNameError, []fyne.ThemeColorName{theme.ColorNameOverlayBackground}},
	{"成功信息", theme.ColorNameSuccess, []fyne.ThemeColorName{theme.ColorNameBackground}},
	{"警告信息", theme.ColorNameWarning, []fyne.ThemeColorName{theme.ColorNameBackground}},
	// Low-importance labels are drawn in the disabled colour: the rows of
	// excluded members (履职考核), inactive units (承办单位), records that do
	// not count in an explanation. They carry information, so they must be
	// read on every fill a table row can have.
	{"次要文字", theme.ColorNameDisabled, []fyne.ThemeColorName{theme.ColorNameBackground}},
	{"次要文字（选中行）", theme.ColorNameDisabled, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameSelection}},
	{"次要文字（选中行，鼠标悬停）", theme.ColorNameDisabled, []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameSelection, theme.ColorNameHover}},
	{"次要文字（输入框）", theme.ColorNameDisabled, []fyne.ThemeColorName{theme.ColorNameInputBackground}},
	{"不可用按钮", theme.ColorNameDisabled, []fyne.ThemeColorName{theme.ColorNameDisabledButton}},
	{"不可用菜单项", theme.ColorNameDisabled, []fyne.ThemeColorName{theme.ColorNameMenuBackground}},
}

// fill composites the layers of a pair, bottom first.
func fill(th fyne.Theme, v fyne.ThemeVariant, layers []fyne.ThemeColorName) color.Color {
	c := th.Color(layers[0], v)
	if _, _, _, a := c.RGBA(); a != 0xffff {
		c = over(c, th.Color(theme.ColorNameBackground, v))
	}
	for _, l := range layers[1:] {
		c = over(th.Color(l, v), c)
	}
	return c
}

func TestThemeTextMeetsWCAGContrast(t *testing.T) {
	test.NewTempApp(t)
	th := newOfficeTheme()
	const min = 4.5
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, p := range themeTextPairs {
			text := th.Color(p.text, v)
			if _, _, _, a := text.RGBA(); a != 0xffff {
				t.Errorf("variant %d, %s: text colour %s is translucent (%v)", v, p.where, p.text, text)
				continue
			}
			bg := fill(th, v, p.fill)
			if got := contrastRatio(text, bg); got < min {
				t.Errorf("variant %d, %s: %s on %v = %s, want ≥ %.1f:1", v, p.where, p.text, p.fill, ratio(got), min)
			}
		}
	}
}

// A disabled button must still look different from an enabled one.
func TestDisabledTextIsLighterThanText(t *testing.T) {
	test.NewTempApp(t)
	th := newOfficeTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameButton, v)
		fg, off := contrastRatio(th.Color(theme.ColorNameForeground, v), bg), contrastRatio(th.Color(theme.ColorNameDisabled, v), bg)
		if fg < off*2 {
			t.Errorf("variant %d: text %s and disabled text %s on a button differ too little", v, ratio(fg), ratio(off))
		}
	}
}

func ratio(r float64) string { return fmt.Sprintf("%.2f:1", r) }
