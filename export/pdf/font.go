package pdf

import (
	"fmt"
	"slices"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"zhengxie/assets"
)

// faces are the embedded fonts of one document: which runes each can draw,
// their advance widths, and drawing a run of text falling back from face
// to face glyph by glyph (the 黑体 face has no digits, a rare character in
// a name may be missing from the GB 2312 faces).
type faces struct {
	pdf     *fpdf.Fpdf
	order   []string // fallback order after the wanted face
	fonts   map[string]*sfnt.Font
	buf     sfnt.Buffer
	has     map[faceRune]bool
	units   map[faceRune]int // advance in 1/1000 em
	missing map[rune]bool
}

type faceRune struct {
	face string
	r    rune
}

// loadFaces registers the faces with fpdf.
func loadFaces(p *fpdf.Fpdf, fonts []assets.PDFFont) (*faces, error) {
	fs := &faces{pdf: p, fonts: map[string]*sfnt.Font{}, has: map[faceRune]bool{},
		units: map[faceRune]int{}, missing: map[rune]bool{}}
	for _, f := range fonts {
		parsed, err := sfnt.Parse(f.Data)
		if err != nil {
			return nil, fmt.Errorf("字体 %s 无法读取：%w", f.Name, err)
		}
		p.AddUTF8FontFromBytes(f.Name, "", f.Data)
		if err := p.Error(); err != nil {
			return nil, fmt.Errorf("字体 %s 无法载入：%w", f.Name, err)
		}
		fs.fonts[f.Name] = parsed
		fs.order = append(fs.order, f.Name)
	}
	return fs, nil
}

// covers reports whether face has a glyph for r.
func (fs *faces) covers(face string, r rune) bool {
	k := faceRune{face, r}
	if v, ok := fs.has[k]; ok {
		return v
	}
	f := fs.fonts[face]
	v := false
	if f != nil {
		i, err := f.GlyphIndex(&fs.buf, r)
		v = err == nil && i != 0
	}
	fs.has[k] = v
	return v
}

// faceFor is the face that draws r: the wanted one, else the first in
// order that has it. Spaces and controls stay in the wanted face.
func (fs *faces) faceFor(want string, r rune) string {
	if unicode.IsSpace(r) || fs.covers(want, r) {
		return want
	}
	for _, f := range fs.order {
		if fs.covers(f, r) {
			return f
		}
	}
	fs.missing[r] = true
	return want
}

func (fs *faces) missingRunes() []rune {
	var out []rune
	for r := range fs.missing {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// advance is the width of r in role's size, mm, without spacing.
func (fs *faces) advance(r rune, role FontRole) float64 {
	face := fs.faceFor(role.Face, r)
	k := faceRune{face, r}
	u, ok := fs.units[k]
	if !ok {
		fs.pdf.SetFont(face, "", role.Size)
		u = fs.pdf.GetStringSymbolWidth(string(r))
		fs.units[k] = u
	}
	return float64(u) * role.Size / 1000 * MMPerPt
}

// measure returns a rune measure for breakLines: advance plus spacing.
func (fs *faces) measure(role FontRole, spacing float64) func(rune) float64 {
	return func(r rune) float64 { return fs.advance(r, role) + spacing }
}

// textWidth is the visible width of s drawn with the given spacing.
func (fs *faces) textWidth(s string, role FontRole, spacing float64) float64 {
	w, n := 0.0, 0
	for _, r := range s {
		w += fs.advance(r, role) + spacing
		n++
	}
	if n > 0 {
		w -= spacing
	}
	return w
}

// draw writes runes with their left edge at x on the baseline, spacing mm
// added after each glyph (the PDF Tc operator), switching faces where a
// glyph is missing.
func (fs *faces) draw(x, baseline float64, runes []rune, role FontRole, spacing float64) {
	p := fs.pdf
	if role.Bold { // fill and stroke the glyphs with a black outline
		p.RawWriteStr(fmt.Sprintf("q 0 G 2 Tr %.3f w", role.Size*0.025))
		defer p.RawWriteStr("Q")
	}
	p.RawWriteStr(fmt.Sprintf("%.4f Tc", spacing*ptPerMM))
	for i := 0; i < len(runes); {
		face := fs.faceFor(role.Face, runes[i])
		j := i + 1
		for j < len(runes) && fs.faceFor(role.Face, runes[j]) == face {
			j++
		}
		p.SetFont(face, "", role.Size)
		p.Text(x, baseline, string(runes[i:j]))
		for _, r := range runes[i:j] {
			x += fs.advance(r, role) + spacing
		}
		i = j
	}
	p.RawWriteStr("0 Tc")
}
