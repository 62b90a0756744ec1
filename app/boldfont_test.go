package app

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"zhengxie/assets"
)

// The synthesised bold face is a valid font with the same glyphs, each
// wider by the stroke.
func TestBoldFaceWidensEveryGlyph(t *testing.T) {
	bold, err := boldFace(assets.FontRegular)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := sfnt.Parse(assets.FontRegular)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sfnt.Parse(bold)
	if err != nil {
		t.Fatalf("the bold face does not parse: %v", err)
	}
	if reg.NumGlyphs() != b.NumGlyphs() {
		t.Fatalf("glyphs %d, want %d", b.NumGlyphs(), reg.NumGlyphs())
	}
	var buf sfnt.Buffer
	ppem := fixed.I(1000)
	for _, r := range "提案者性质履职考核政协赢" {
		i, err := reg.GlyphIndex(&buf, r)
		if err != nil || i == 0 {
			t.Fatalf("no glyph for %c", r)
		}
		ra, _ := reg.GlyphAdvance(&buf, i, ppem, 0)
		ba, _ := b.GlyphAdvance(&buf, i, ppem, 0)
		rb, _, _ := reg.GlyphBounds(&buf, i, ppem, 0)
		bb, _, _ := b.GlyphBounds(&buf, i, ppem, 0)
		if ba <= ra || bb.Max.X-bb.Min.X <= rb.Max.X-rb.Min.X || bb.Max.Y-bb.Min.Y <= rb.Max.Y-rb.Min.Y {
			t.Errorf("%c: bold advance %v bounds %v, regular %v %v", r, ba, bb, ra, rb)
		}
	}
}

// Bold Chinese is drawn bolder than regular Chinese: the Chinese of a bold
// heading matches the bold Latin next to it.
func TestBoldChineseIsDrawnBold(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newOfficeTheme())
	ink := func(bold bool) int {
		l := widget.NewLabelWithStyle("提案者性质履职考核", fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		w := test.NewWindow(container.NewVBox(l))
		defer w.Close()
		w.Resize(fyne.NewSize(300, 60))
		return darkPixels(w.Canvas().Capture())
	}
	reg, bold := ink(false), ink(true)
	if float64(bold) < 1.25*float64(reg) {
		t.Errorf("bold Chinese has %d dark pixels, regular %d: not visibly bold", bold, reg)
	}
}

func darkPixels(img image.Image) int {
	n := 0
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r+g+b < 3*0x8000 {
				n++
			}
		}
	}
	return n
}

func FuzzEmboldenTTF(f *testing.F) {
	f.Add(assets.FontRegular[:4096])
	f.Add([]byte("\x00\x01\x00\x00\x00\x01\x00\x10\x00\x00\x00\x00glyf\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x04abcd"))
	f.Fuzz(func(t *testing.T, font []byte) {
		out, err := emboldenTTF(font, 40)
		if err == nil {
			if _, err := readTables(out); err != nil {
				t.Errorf("the output does not read back: %v", err)
			}
		}
	})
}
