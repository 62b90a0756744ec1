package pdf

// FormCell is one cell of a form row: a label (黑体, centred) or a value.
type FormCell struct {
	Text  string
	Width float64 // relative weight within the row
	Label bool
	Align Align // for values: AlignLeft (default) or AlignCenter
}

// FormRow draws one ruled row of a form across the text block, at least
// minH mm high (taller when a cell's text wraps). Cell text is 小四.
func (d *Doc) FormRow(minH float64, cells ...FormCell) {
	role := FontRole{Face: d.tpl.Body.Face, Size: SizeXiaoSi}
	label := FontRole{Face: d.tpl.TableHead.Face, Size: SizeXiaoSi}
	total := 0.0
	for _, c := range cells {
		total += max(c.Width, 0.01)
	}
	lh := TableLineH(role)
	h := minH
	lines := make([][]BrokenLine, len(cells))
	for i, c := range cells {
		r := role
		if c.Label {
			r = label
		}
		w := d.tpl.TextW * max(c.Width, 0.01) / total
		lines[i] = BreakLines(c.Text, w-2*CellPadX-1, w-2*CellPadX-1, d.fonts.measure(r, 0))
		h = max(h, float64(len(lines[i]))*lh+2*CellPadY+2)
	}
	d.ensure(h)
	p := d.pdf
	p.SetLineWidth(0.3)
	p.SetDrawColor(0, 0, 0)
	x := d.tpl.Left
	em := role.Size * MMPerPt
	for i, c := range cells {
		w := d.tpl.TextW * max(c.Width, 0.01) / total
		p.Rect(x, d.y, w, h, "D")
		r, align := role, c.Align
		if c.Label {
			r, align = label, AlignCenter
		}
		top := d.y + (h-float64(len(lines[i]))*lh)/2
		if !c.Label && minH > 3*lh+2*CellPadY {
			top = d.y + CellPadY + 1 // a large writing box: text at its top
		}
		for j, l := range lines[i] {
			lx := x + CellPadX + 0.5
			if align == AlignCenter {
				lx = x + (w-d.fonts.textWidth(l.Text, r, 0))/2
			}
			d.fonts.draw(lx, top+float64(j)*lh+lh/2+0.38*em, []rune(l.Text), r, 0)
		}
		x += w
	}
	d.y += h
}
