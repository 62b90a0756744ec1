package sheet

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/savefile"
)

// Source is one worksheet an import read, kept so that the rows a partial
// import leaves out can be written back as they were read: the lines above
// the first data row (title, header) and each data row's cells, with
// merged values spread into every cell and real Excel dates as YYYY-MM-DD,
// so that the sheet of rows to fix reads back the same.
type Source struct {
	Sheet  string
	Head   [][]string       // the rows above the first data row, as shown
	Merges [][4]int         // merged ranges within Head: 0-based first row, first column, last row, last column
	Rows   map[int][]string // data row (1-based) → its cells as read
}

// newSource keeps the head of a sheet whose data starts at the 0-based row
// start.
func (g *grid) newSource(name string, start int) *Source {
	src := &Source{Sheet: name, Rows: map[int][]string{}}
	for r := 0; r < start && r < len(g.shown); r++ {
		row := make([]string, len(g.shown[r]))
		for c := range row {
			row[c] = g.text(r, c)
		}
		src.Head = append(src.Head, row)
	}
	for _, m := range g.merges {
		if m[2] < start {
			src.Merges = append(src.Merges, m)
		}
	}
	return src
}

// keep records the cells of the 0-based data row r: value gives a mapped
// column's value as the reader read it, "" to take what the cell shows.
func (src *Source) keep(g *grid, r int, value func(c int) string) {
	if src == nil || r >= len(g.shown) {
		return
	}
	row := make([]string, len(g.shown[r]))
	for c := range row {
		row[c] = g.text(r, c)
		if value != nil {
			if v := value(c); v != "" {
				row[c] = v
			}
		}
	}
	src.Rows[r+1] = row
}

// LeftName is the file name offered for the rows a partial import left out
// of source: "名册（未导入的行）.xlsx".
func LeftName(source string) string {
	base := filepath.Base(source)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "（未导入的行）.xlsx"
}

// WriteLeft writes the rows a partial import left out as a workbook to fix
// and import again: for each source sheet with such rows, its title and
// header lines, then the rows with their original columns, and two columns
// more: 行号 (the row in the original sheet) and 问题 (why it was left
// out). Every cell is text, so that 身份证号 and 案号 keep their digits;
// the readers ignore 行号 and 问题.
func WriteLeft(w io.Writer, sources []*Source, left []data.LeftRow) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := leftStyles(f)
	if err != nil {
		return err
	}
	first := true
	for _, src := range sources {
		var rows []data.LeftRow
		for _, l := range left {
			if l.Sheet == "" || l.Sheet == src.Sheet {
				if _, ok := src.Rows[l.Row]; ok {
					rows = append(rows, l)
				}
			}
		}
		if len(rows) == 0 {
			continue
		}
		name := src.Sheet
		if first {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := writeLeftSheet(f, name, src, rows, st); err != nil {
			return err
		}
	}
	if first {
		return data.UserErr("没有未导入的行")
	}
	_, err = f.WriteTo(w)
	return err
}

type leftStyle struct{ title, text, header, problem int }

func leftStyles(f *excelize.File) (leftStyle, error) {
	var st leftStyle
	var err error
	if st.title, err = f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true}}); err != nil {
		return st, err
	}
	if st.text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil {
		return st, err
	}
	if st.header, err = f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}); err != nil {
		return st, err
	}
	st.problem, err = f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Color: "C00000"},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return st, err
}

func writeLeftSheet(f *excelize.File, name string, src *Source, rows []data.LeftRow, st leftStyle) error {
	width := 0
	for _, r := range src.Head {
		width = max(width, len(r))
	}
	for _, l := range rows {
		width = max(width, len(src.Rows[l.Row]))
	}
	cell := func(c, r int) string { s, _ := excelize.CoordinatesToCellName(c+1, r+1); return s }
	set := func(c, r int, v string, style int) {
		if v != "" {
			f.SetCellStr(name, cell(c, r), v)
		}
		f.SetCellStyle(name, cell(c, r), cell(c, r), style)
	}
	widths := make([]int, width)
	measure := func(c int, v string) {
		n := 0
		for _, r := range v {
			n++
			if r > 0x2e80 {
				n++ // a Chinese character is two columns wide
			}
		}
		widths[c] = max(widths[c], min(n+2, 40))
	}
	header := max(len(src.Head)-1, 0)
	for r, row := range src.Head {
		style := st.title
		if r == header {
			style = st.header
		}
		for c := 0; c < width; c++ {
			v := ""
			if c < len(row) {
				v = row[c]
			}
			set(c, r, v, style)
			if r == header {
				measure(c, v)
			}
		}
	}
	for _, m := range src.Merges {
		if m[1] == m[3] && m[0] == m[2] {
			continue
		}
		if err := f.MergeCell(name, cell(m[1], m[0]), cell(m[3], m[2])); err != nil {
			return err
		}
	}
	set(width, header, "行号", st.header)
	set(width+1, header, "问题", st.header)
	for i, l := range rows {
		r := len(src.Head) + i
		row := src.Rows[l.Row]
		for c := 0; c < width; c++ {
			v := ""
			if c < len(row) {
				v = row[c]
			}
			set(c, r, v, st.text)
			measure(c, v)
		}
		set(width, r, fmt.Sprint(l.Row), st.text)
		set(width+1, r, l.Reasons(), st.problem)
	}
	for c, w := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		f.SetColWidth(name, col, col, float64(max(w, 6)))
	}
	last, _ := excelize.ColumnNumberToName(width + 2)
	f.SetColWidth(name, last, last, 60)
	return f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: len(src.Head), TopLeftCell: cell(0, len(src.Head)),
		ActivePane: "bottomLeft"})
}

// LeftFile writes the rows left out to path (atomically).
func LeftFile(path string, sources []*Source, left []data.LeftRow) error {
	return savefile.Write(path, func(w io.Writer) error { return WriteLeft(w, sources, left) })
}
