package pdf

// Column is one column of a PDFTable.
type Column struct {
	Header string
	Width  float64 // relative weight; the columns share the text block's width
	Align  Align   // AlignLeft (default for text), AlignCenter, AlignRight (numbers)
}

// Table is a ruled table: a title above it, a header row that repeats
// at the top of every page the table continues on, cells that wrap, and
// an optional note under it.
type Table struct {
	Title   string
	Columns []Column
	Rows    [][]string
	Note    string // e.g. "因四舍五入，各项占比合计为 99.9%"
}

const (
	CellPadX = 1.5 // mm
	CellPadY = 1.2
)

// Table sets t at the current position, breaking across pages between
// rows and repeating the header row on each new page.
func (d *Doc) Table(t Table) {
	if len(t.Columns) == 0 {
		return
	}
	widths := d.columnWidths(t.Columns)
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Header
	}
	headH := d.rowHeight(head, widths, d.tpl.TableHead)
	firstH := headH
	if len(t.Rows) > 0 {
		firstH += d.rowHeight(t.Rows[0], widths, d.tpl.TableText)
	}
	titleH := 0.0
	if t.Title != "" {
		titleH = d.linePitch(d.tpl.TableTitle)
	}
	d.ensure(titleH + firstH) // title, header and first row stay together
	if t.Title != "" {
		d.Text(t.Title, TextStyle{Role: d.tpl.TableTitle, Align: AlignCenter})
	}
	d.tableRow(head, widths, t.Columns, d.tpl.TableHead, true)
	for _, row := range t.Rows {
		h := d.rowHeight(row, widths, d.tpl.TableText)
		if d.y+h > d.bottom()+0.01 {
			d.NewPage()
			d.tableRow(head, widths, t.Columns, d.tpl.TableHead, true)
		}
		d.tableRow(row, widths, t.Columns, d.tpl.TableText, false)
	}
	if t.Note != "" {
		d.Text(t.Note, TextStyle{Role: d.tpl.TableText, Align: AlignLeft})
	}
	d.y += d.tpl.pitch() / 2
}

func (d *Doc) columnWidths(cols []Column) []float64 {
	total := 0.0
	for _, c := range cols {
		total += max(c.Width, 0.01)
	}
	out := make([]float64, len(cols))
	for i, c := range cols {
		out[i] = d.tpl.TextW * max(c.Width, 0.01) / total
	}
	return out
}

// TableLineH is the height of one text line in a table cell.
func TableLineH(role FontRole) float64 { return role.Size * MMPerPt * 1.45 }

// cellLines wraps one cell's text to its column.
func (d *Doc) cellLines(text string, w float64, role FontRole) []BrokenLine {
	return BreakLines(text, w-2*CellPadX, w-2*CellPadX, d.fonts.measure(role, 0))
}

func (d *Doc) rowHeight(cells []string, widths []float64, role FontRole) float64 {
	n := 1
	for i, w := range widths {
		if i < len(cells) {
			n = max(n, len(d.cellLines(cells[i], w, role)))
		}
	}
	return float64(n)*TableLineH(role) + 2*CellPadY
}

// tableRow draws one row with its borders at d.y and moves below it.
// Header cells are centred; body cells follow their column's alignment.
func (d *Doc) tableRow(cells []string, widths []float64, cols []Column, role FontRole, header bool) {
	h := d.rowHeight(cells, widths, role)
	p := d.pdf
	p.SetLineWidth(0.2)
	if header {
		p.SetFillColor(235, 235, 235)
	}
	x := d.tpl.Left
	lh := TableLineH(role)
	em := role.Size * MMPerPt
	for i, w := range widths {
		style := "D"
		if header {
			style = "FD"
		}
		p.Rect(x, d.y, w, h, style)
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		align := cols[i].Align
		if header {
			align = AlignCenter
		}
		lines := d.cellLines(text, w, role)
		top := d.y + (h-float64(len(lines))*lh)/2 // centred vertically
		for j, l := range lines {
			lw := d.fonts.textWidth(l.Text, role, 0)
			lx := x + CellPadX
			switch align {
			case AlignCenter:
				lx = x + (w-lw)/2
			case AlignRight:
				lx = x + w - CellPadX - lw
			}
			baseline := top + float64(j)*lh + lh/2 + 0.38*em
			d.fonts.draw(lx, baseline, []rune(l.Text), role, 0)
		}
		x += w
	}
	d.y += h
}
