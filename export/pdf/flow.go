package pdf

import "strings"

// Alignment of a flowed text.
type Align int

const (
	AlignJustify Align = iota // left, every line but a paragraph's last stretched to full width
	AlignLeft
	AlignCenter
	AlignRight
)

// TextStyle says how a block of text is set.
type TextStyle struct {
	Role   FontRole
	Align  Align
	Indent float64 // first-line indent in characters
	Right  float64 // right indent in characters (all lines)
	Grid   bool    // set on the template's character grid (CharsPerLine)
}

// Title sets the document title, one centred line per argument (long
// ones wrap), in the title role, followed by one blank line.
func (d *Doc) Title(lines ...string) {
	for _, l := range lines {
		d.Text(l, TextStyle{Role: d.tpl.Title, Align: AlignCenter})
	}
	d.Blank()
}

// Centered sets a centred line in the body role (a subtitle, a speaker).
func (d *Doc) Centered(text string) {
	d.Text(text, TextStyle{Role: d.tpl.Body, Align: AlignCenter})
}

// Heading1 sets a first-level heading ("一、…", 黑体), indented two characters.
func (d *Doc) Heading1(text string) {
	d.keepWithNext(2)
	d.Text(text, TextStyle{Role: d.tpl.Heading1, Indent: 2, Grid: true})
}

// Heading2 sets a second-level heading ("（一）…", 楷体), indented two characters.
func (d *Doc) Heading2(text string) {
	d.keepWithNext(2)
	d.Text(text, TextStyle{Role: d.tpl.Heading2, Indent: 2, Grid: true})
}

// Heading3 sets a third-level heading ("1.…"), indented two characters.
func (d *Doc) Heading3(text string) {
	d.keepWithNext(2)
	d.Text(text, TextStyle{Role: d.tpl.Heading3, Indent: 2, Grid: true})
}

// Paragraph sets body text: each line of text (split at "\n") is one
// paragraph with its first line indented two characters, justified.
func (d *Doc) Paragraph(text string) {
	for _, p := range strings.Split(text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			d.Text(p, TextStyle{Role: d.tpl.Body, Indent: 2, Grid: true})
		}
	}
}

// Plain sets body text without indent (a salutation such as "各位委员：").
func (d *Doc) Plain(text string) {
	d.Text(text, TextStyle{Role: d.tpl.Body, Grid: true})
}

// Signature sets the issuing body and the date at the end of a document:
// the date ends four characters from the right edge, the body is centred
// over it.
func (d *Doc) Signature(body, date string) {
	d.keepWithNext(2)
	role := d.tpl.Body
	em := role.Size * MMPerPt
	dateW := d.fonts.textWidth(date, role, 0)
	right := d.tpl.Left + d.tpl.TextW - 4*em
	if body != "" {
		bodyW := d.fonts.textWidth(body, role, 0)
		x := right - dateW/2 - bodyW/2
		if x+bodyW > d.tpl.Left+d.tpl.TextW {
			x = d.tpl.Left + d.tpl.TextW - bodyW
		}
		d.fonts.draw(x, d.baseline(role), []rune(body), role, 0)
		d.y += d.linePitch(role)
	}
	d.fonts.draw(right-dateW, d.baseline(role), []rune(date), role, 0)
	d.y += d.linePitch(role)
}

// Text sets a block of text in the given style, breaking lines by the
// Chinese rules and starting new pages as needed.
func (d *Doc) Text(text string, st TextStyle) {
	t := d.tpl
	em := st.Role.Size * MMPerPt
	spacing := 0.0
	if st.Grid && t.CharsPerLine > 1 {
		spacing = (t.TextW - float64(t.CharsPerLine)*em) / float64(t.CharsPerLine-1)
	}
	char := em + spacing
	indent, width := st.Indent*char, t.TextW-st.Right*char
	measure := d.fonts.measure(st.Role, spacing)
	// A line of n glyphs measures n·(advance+spacing); its visible width
	// is one spacing less.
	lines := BreakLines(text, width-indent+spacing, width+spacing, measure)
	for i, l := range lines {
		x, w := t.Left, width
		if i == 0 {
			x, w = x+indent, w-indent
		}
		runes := []rune(l.Text)
		visible := d.fonts.textWidth(l.Text, st.Role, spacing)
		sp := spacing
		switch st.Align {
		case AlignCenter:
			x += (w - visible) / 2
		case AlignRight:
			x += w - visible
		case AlignJustify:
			if last := i == len(lines)-1; !last && len(runes) > 1 {
				if extra := (w - visible) / float64(len(runes)-1); extra < em/2 {
					sp += extra
				}
			}
		}
		d.ensure(d.linePitch(st.Role) * linesTogether(i, len(lines)))
		d.fonts.draw(x, d.baseline(st.Role), runes, st.Role, sp)
		d.y += d.linePitch(st.Role)
	}
}

// linesTogether is how many lines from line i of n must share a page: a
// paragraph neither leaves its first line alone at the foot of a page
// (orphan) nor its last line alone at the top of the next (widow).
func linesTogether(i, n int) float64 {
	switch {
	case i == 0 && n >= 2, i == n-2 && n >= 3:
		return 2
	}
	return 1
}

// keepWithNext starts a new page unless n body lines still fit, so that a
// heading is not left alone at the foot of a page.
func (d *Doc) keepWithNext(n int) { d.ensure(float64(n) * d.tpl.pitch()) }

// linePitch is the height of a line of role: the template's pitch, or
// more for a size that does not fit in it.
func (d *Doc) linePitch(role FontRole) float64 {
	return max(d.tpl.pitch(), role.Size*MMPerPt*1.25)
}

// baseline is where a line of role sits in the line starting at d.y: the
// em box centred in the line.
func (d *Doc) baseline(role FontRole) float64 {
	em := role.Size * MMPerPt
	return d.y + d.linePitch(role)/2 + 0.38*em
}
