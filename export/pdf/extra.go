package pdf

import "fmt"

// Bookmark adds an entry to the PDF outline (the viewer's sidebar) that
// points at the current position: a batch of archives lists each member.
func (d *Doc) Bookmark(text string, level int) {
	// fpdf converts the text to UTF-16 only while a UTF-8 font is current.
	d.pdf.SetFont(d.tpl.Body.Face, "", d.tpl.Body.Size)
	d.pdf.Bookmark(text, level, d.y)
}

// Space moves down by lines body lines (fractions allowed), without
// starting a new page: a gap between blocks that may fall at a page end.
func (d *Doc) Space(lines float64) {
	if d.y > d.tpl.Top {
		d.y = min(d.y+lines*d.tpl.pitch(), d.bottom())
	}
}

// RunningHead draws, at the top of every page started from now on, the
// text head returns (nothing when it returns ""), right-aligned above the
// text block in the table-text role: the member's name on an archive's
// continuation pages.
func (d *Doc) RunningHead(head func() string) {
	d.pdf.SetHeaderFunc(func() {
		text := head()
		if text == "" {
			return
		}
		role := d.tpl.TableText
		w := d.fonts.textWidth(text, role, 0)
		baseline := d.tpl.Top - 6
		d.fonts.draw(d.tpl.Left+d.tpl.TextW-w, baseline, []rune(text), role, 0)
		d.pdf.SetLineWidth(0.2)
		d.pdf.Line(d.tpl.Left, baseline+1.8, d.tpl.Left+d.tpl.TextW, baseline+1.8)
	})
}

// RestartPageNumbers numbers the pages from the current one on starting
// at 1 again (each member's archive in a batch has its own page numbers).
// Placement follows the template as for drawPageNumber, by the new number.
func (d *Doc) RestartPageNumbers() {
	base := d.pdf.PageNo() - 1
	d.pdf.SetFooterFunc(func() {
		t := d.tpl
		if t.PageNumbers == PageNumberNone || t.PageNumbers == "" {
			return
		}
		n := d.pdf.PageNo() - base
		s := fmt.Sprintf("%s %d %s", pageNumDash, n, pageNumDash)
		w := d.fonts.textWidth(s, t.PageNumber, 0)
		char := t.PageNumber.Size * MMPerPt
		x := t.Left + (t.TextW-w)/2
		if t.PageNumbers == PageNumberOuter {
			x = t.Left + char
			if n%2 == 1 {
				x = t.Left + t.TextW - char - w
			}
		}
		d.fonts.draw(x, t.Top+t.TextH+t.PageNumberGap+char*0.8, []rune(s), t.PageNumber, 0)
	})
}
