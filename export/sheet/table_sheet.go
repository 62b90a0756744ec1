package sheet

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// tableSheet writes one printable table the way the 提案 sheets print: a
// title over it, a date line, a header row repeated on every page, bordered
// rows sized to their wrapped text, and notes under the table. The ledger
// and the unit sheet are built on it.
type tableSheet struct {
	f    *excelize.File
	name string
	cols []tableColumn
	st   tableStyles
	next int   // next free row
	err  error // the first failed call; finish returns it
}

// tableColumn is one column of a table: its header, width in Excel character
// units (a CJK character takes two) and how its cells are laid out.
type tableColumn struct {
	name  string
	width float64
	kind  cellKind
}

type cellKind int

const (
	cellText   cellKind = iota // left-aligned, one line
	cellCenter                 // short codes, dates and numbers, centred
	cellWrap                   // long text that runs to several lines
)

// tableHeaderRow is the header's row: row 1 is the title, row 2 the date.
const tableHeaderRow = 3

type tableStyles struct {
	title, date, header, note int
	cells, bold               [3]int // by cellKind; bold for a 合计 row
}

// newTableSheet starts a workbook whose only sheet is name, with the title,
// date line and header written.
func newTableSheet(name, title, date string, cols []tableColumn) (*tableSheet, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", name); err != nil {
		f.Close()
		return nil, err
	}
	st, err := newTableStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	t := &tableSheet{f: f, name: name, cols: cols, st: st, next: tableHeaderRow + 1}
	last := t.lastCol()
	t.check(f.MergeCell(name, "A1", last+"1"))
	t.check(f.SetCellStr(name, "A1", title))
	t.check(f.SetCellStyle(name, "A1", last+"1", st.title))
	// The title is 黑体 16 pt: about three width units a character.
	t.check(f.SetRowHeight(name, 1, float64(28*textLines(title, t.width()/1.5)+8)))
	t.check(f.MergeCell(name, "A2", last+"2"))
	t.check(f.SetCellStr(name, "A2", date))
	t.check(f.SetCellStyle(name, "A2", last+"2", st.date))
	t.check(f.SetRowHeight(name, 2, 20))
	lines := 1
	for i, c := range cols {
		col := colName(i + 1)
		t.check(f.SetColWidth(name, col, col, c.width))
		t.check(f.SetCellStr(name, fmt.Sprintf("%s%d", col, tableHeaderRow), c.name))
		lines = max(lines, textLines(c.name, c.width))
	}
	t.check(f.SetCellStyle(name, fmt.Sprintf("A%d", tableHeaderRow), fmt.Sprintf("%s%d", last, tableHeaderRow), st.header))
	t.check(f.SetRowHeight(name, tableHeaderRow, float64(15*lines+9)))
	return t, t.err
}

func newTableStyles(f *excelize.File) (tableStyles, error) {
	var s tableStyles
	body := &excelize.Font{Family: "宋体", Size: 10.5}
	bold := &excelize.Font{Family: "黑体", Size: 10.5}
	align := [3]*excelize.Alignment{
		cellText:   {Vertical: "center"},
		cellCenter: {Horizontal: "center", Vertical: "center", WrapText: true},
		cellWrap:   {Vertical: "center", WrapText: true},
	}
	add := func(dst *int, style excelize.Style) error {
		id, err := f.NewStyle(&style)
		*dst = id
		return err
	}
	for _, x := range []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 16},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.date, excelize.Style{Font: body, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&s.header, excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 10.5, Bold: true}, Border: thinBorder,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.note, excelize.Style{Font: body, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
	} {
		if err := add(x.dst, x.style); err != nil {
			return s, err
		}
	}
	for k := range align {
		if err := add(&s.cells[k], excelize.Style{Font: body, Border: thinBorder, Alignment: align[k]}); err != nil {
			return s, err
		}
		if err := add(&s.bold[k], excelize.Style{Font: bold, Border: thinBorder, Alignment: align[k]}); err != nil {
			return s, err
		}
	}
	return s, nil
}

func (t *tableSheet) check(err error) {
	if t.err == nil && err != nil {
		t.err = err
	}
}

func (t *tableSheet) lastCol() string { return colName(len(t.cols)) }

// width is the table's total width in character units.
func (t *tableSheet) width() float64 {
	w := 0.0
	for _, c := range t.cols {
		w += c.width
	}
	return w
}

// addRow writes one row of values (string, int or float64) under the
// previous one, in bold for a 合计 row, and returns its row number. The
// row is as tall as its longest wrapped cell.
func (t *tableSheet) addRow(values []any, total bool) int {
	row := t.next
	t.next++
	lines := 1
	for i, c := range t.cols {
		cell := fmt.Sprintf("%s%d", colName(i+1), row)
		var v any
		if i < len(values) {
			v = values[i]
		}
		switch x := v.(type) {
		case string:
			t.check(t.f.SetCellStr(t.name, cell, x))
			if c.kind != cellText {
				lines = max(lines, textLines(x, c.width))
			}
		case nil:
		default:
			t.check(t.f.SetCellValue(t.name, cell, x))
		}
		style := t.st.cells[c.kind]
		if total {
			style = t.st.bold[c.kind]
		}
		t.check(t.f.SetCellStyle(t.name, cell, cell, style))
	}
	t.check(t.f.SetRowHeight(t.name, row, float64(14*lines+6)))
	return row
}

// merge joins columns from..to (1-based) of a row, e.g. the 合计 label.
func (t *tableSheet) merge(row, from, to int) {
	t.check(t.f.MergeCell(t.name, fmt.Sprintf("%s%d", colName(from), row), fmt.Sprintf("%s%d", colName(to), row)))
}

// addNote writes a paragraph under the table across its full width.
func (t *tableSheet) addNote(text string) {
	row := t.next
	t.next++
	from, to := fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", t.lastCol(), row)
	t.check(t.f.MergeCell(t.name, from, to))
	t.check(t.f.SetCellStr(t.name, from, text))
	t.check(t.f.SetCellStyle(t.name, from, to, t.st.note))
	t.check(t.f.SetRowHeight(t.name, row, float64(15*textLines(text, t.width())+8)))
}

// finish sets the print layout (A4 in the given orientation, one page
// wide, header repeated, page numbers), freezes the header and the first
// frozenCols columns on screen, and writes the workbook.
func (t *tableSheet) finish(w io.Writer, orientation string, frozenCols int) error {
	defer t.f.Close()
	t.check(t.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: t.name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", t.name, tableHeaderRow, tableHeaderRow)}))
	top := fmt.Sprintf("%s%d", colName(frozenCols+1), tableHeaderRow+1)
	pane := "bottomLeft"
	if frozenCols > 0 {
		pane = "bottomRight"
	}
	t.check(t.f.SetPanes(t.name, &excelize.Panes{Freeze: true, XSplit: frozenCols, YSplit: tableHeaderRow,
		TopLeftCell: top, ActivePane: pane}))
	t.check(pageA4(t.f, t.name, orientation, false))
	// Narrower side margins than a roster: these tables are wide, and every
	// millimetre goes to the size of the printed text.
	side := 0.35
	t.check(t.f.SetPageMargins(t.name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side}))
	if t.err != nil {
		return t.err
	}
	_, err := t.f.WriteTo(w)
	return err
}

// textLines estimates how many lines text takes in a wrapped cell of the
// given width: CJK characters count two units. Unlike the roster's
// estimate it is not capped, because a 案由 may well take five lines.
func textLines(s string, width float64) int {
	if width <= 1 {
		return 1
	}
	n := 0
	for _, line := range strings.Split(s, "\n") {
		units := 0.0
		for _, r := range line {
			if r < 0x80 {
				units++
			} else {
				units += 2
			}
		}
		n += int((units-0.01)/(width-0.5)) + 1
	}
	return n
}
