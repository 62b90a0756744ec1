package sheet

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// streamTable is a tableSheet written row by row through excelize's
// StreamWriter: the same page setup, styles, row heights, header and notes,
// but each row goes out as it is added instead of living in the workbook's
// cell map, so a 25,000-row 提案台账 costs a fraction of the time and memory
// (docs/BENCHMARKS.md). Rows can only be appended, and the page layout and
// frozen panes are fixed up front; tables that merge or restyle earlier
// cells use tableSheet.
type streamTable struct {
	f    *excelize.File
	sw   *excelize.StreamWriter
	cols []tableColumn
	st   tableStyles
	next int   // next free row
	err  error // the first failed call; finish returns it
}

// newStreamTable starts a workbook whose only sheet is name, printed in the
// given orientation with the header repeated and frozenCols columns frozen,
// and writes the title, date line and header.
func newStreamTable(name, title, date string, cols []tableColumn, orientation string, frozenCols int) (*streamTable, error) {
	f := excelize.NewFile()
	t := &streamTable{f: f, cols: cols, next: tableHeaderRow + 1}
	t.check(f.SetSheetName("Sheet1", name))
	st, err := newTableStyles(f)
	t.st = st
	t.check(err)
	// Page setup lives in the sheet's XML around the rows: it must be set
	// before the stream starts.
	t.check(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, tableHeaderRow, tableHeaderRow)}))
	t.check(pageA4(f, name, orientation, false))
	side := 0.35 // as tableSheet: wide tables get narrow side margins
	t.check(f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side}))
	if t.err == nil {
		t.sw, t.err = f.NewStreamWriter(name)
	}
	if t.err != nil {
		f.Close()
		return nil, t.err
	}
	for i, c := range cols {
		t.check(t.sw.SetColWidth(i+1, i+1, c.width))
	}
	pane := "bottomLeft"
	if frozenCols > 0 {
		pane = "bottomRight"
	}
	t.check(t.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: frozenCols, YSplit: tableHeaderRow,
		TopLeftCell: fmt.Sprintf("%s%d", colName(frozenCols+1), tableHeaderRow+1), ActivePane: pane}))
	t.line(1, title, st.title, float64(28*textLines(title, t.width()/1.5)+8))
	t.line(2, date, st.date, 20)
	header := make([]any, len(cols))
	lines := 1
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.name}
		lines = max(lines, textLines(c.name, c.width))
	}
	t.check(t.sw.SetRow(fmt.Sprintf("A%d", tableHeaderRow), header, excelize.RowOpts{Height: float64(15*lines + 9)}))
	if t.err != nil {
		f.Close()
		return nil, t.err
	}
	return t, nil
}

func (t *streamTable) check(err error) {
	if t.err == nil && err != nil {
		t.err = err
	}
}

func (t *streamTable) width() float64 {
	w := 0.0
	for _, c := range t.cols {
		w += c.width
	}
	return w
}

// line writes text across the table's full width in row, merged and styled.
func (t *streamTable) line(row int, text string, style int, height float64) {
	cells := make([]any, len(t.cols))
	for i := range cells {
		cells[i] = excelize.Cell{StyleID: style}
	}
	cells[0] = excelize.Cell{StyleID: style, Value: text}
	first, last := fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", colName(len(t.cols)), row)
	t.check(t.sw.SetRow(first, cells, excelize.RowOpts{Height: height}))
	t.check(t.sw.MergeCell(first, last))
}

// addRow writes one row of values (string, int or float64) under the
// previous one, as tableSheet.addRow does.
func (t *streamTable) addRow(values []any, total bool) int {
	row := t.next
	t.next++
	lines := 1
	cells := make([]any, len(t.cols))
	for i, c := range t.cols {
		style := t.st.cells[c.kind]
		if total {
			style = t.st.bold[c.kind]
		}
		var v any
		if i < len(values) {
			v = values[i]
		}
		if s, ok := v.(string); ok && c.kind != cellText {
			lines = max(lines, textLines(s, c.width))
		}
		cells[i] = excelize.Cell{StyleID: style, Value: v}
	}
	t.check(t.sw.SetRow(fmt.Sprintf("A%d", row), cells, excelize.RowOpts{Height: float64(14*lines + 6)}))
	return row
}

// addNote writes a paragraph under the table across its full width.
func (t *streamTable) addNote(text string) {
	row := t.next
	t.next++
	t.line(row, text, t.st.note, float64(15*textLines(text, t.width())+8))
}

// finish ends the stream and writes the workbook.
func (t *streamTable) finish(w io.Writer) error {
	defer t.f.Close()
	t.check(t.sw.Flush())
	if t.err != nil {
		return t.err
	}
	_, err := t.f.WriteTo(w)
	return err
}
