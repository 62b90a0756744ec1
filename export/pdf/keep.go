package pdf

// What reports built on the document layer ask of a Doc: how tall a table
// will be, and keeping blocks together across page breaks.

// LinePitch is the height of a line of role: the template's pitch, or more
// for a size that does not fit in it.
func (d *Doc) LinePitch(role FontRole) float64 { return d.linePitch(role) }

// Keep starts a new page unless h millimetres still fit below the cursor.
func (d *Doc) Keep(h float64) { d.ensure(h) }

// KeepLines starts a new page unless lines body lines and mm millimetres
// more still fit: a heading stays with the start of its table.
func (d *Doc) KeepLines(lines, mm float64) { d.ensure(lines*d.tpl.pitch() + mm) }

// TableHeight is the height t takes when set without its title: the
// header, every row and the note.
func (d *Doc) TableHeight(t Table) float64 {
	widths := d.columnWidths(t.Columns)
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Header
	}
	h := d.rowHeight(head, widths, d.tpl.TableHead)
	for _, r := range t.Rows {
		h += d.rowHeight(r, widths, d.tpl.TableText)
	}
	if t.Note != "" {
		h += d.linePitch(d.tpl.TableText)
	}
	return h
}

// UsedRunes is, for each embedded face, the runes the document looked up
// in it and found: what a font subset for the document must keep.
func (d *Doc) UsedRunes() map[string][]rune {
	used := map[string][]rune{}
	for k, ok := range d.fonts.has {
		if ok {
			used[k.face] = append(used[k.face], k.r)
		}
	}
	return used
}
