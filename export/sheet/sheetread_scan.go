package sheet

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetScan is what the scan of a worksheet keeps: the number cells (raw
// value and style, for dates and long numbers) and the merged ranges.
type sheetScan struct {
	nums   map[[2]int]numCell
	merges [][4]int // 0-based first row, first column, last row, last column
	// cells is the sheet with only its rows and cells that hold values:
	// what excelize reads instead of the part, so that its reader's time
	// depends on the values, not on style-only cells.
	cells []byte
}

// numCell is a cell holding a number: its stored value and the style that
// formats it (the cell's, else its row's, else its column's, as excelize
// decides a cell's style).
type numCell struct {
	raw   string
	style int
}

// scanSheet streams a worksheet and checks its bounds: the rows it
// declares or uses, the columns that hold values, the cells (style-only
// empty cells included, which cost nothing else), the length of each
// value, the merged ranges, and the rows with values (maxSheetRows). name
// and pos (1-based, among all sheets) name the sheet in messages.
func scanSheet(r io.Reader, name string, pos int) (*sheetScan, error) {
	sc := &sheetScanner{x: newXMLScanner(r), name: name, where: fmt.Sprintf("第 %d 张工作表“%s”", pos, name),
		out: &sheetScan{nums: map[[2]int]numCell{}}}
	sc.copy.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	tags := 0
	for sc.x.next() {
		if tags++; tags > maxSheetTags {
			return nil, refuse("%s含有超过 %d 个 XML 标记，文件可能已损坏，或是恶意构造的文件", sc.where, maxSheetTags)
		}
		if err := sc.tag(); err != nil {
			return nil, err
		}
	}
	if sc.x.err != nil {
		return nil, errNotExcel
	}
	sc.closeRow()
	sc.copy.WriteString("</sheetData></worksheet>")
	sc.out.cells = sc.copy.Bytes()
	return sc.out, nil
}

// sheetScanner is the state of one scan.
type sheetScanner struct {
	x           *xmlScanner
	name, where string
	out         *sheetScan
	copy        bytes.Buffer // out.cells as it grows
	colStyles   [][3]int     // first column, last column, style

	rowTags, contentRows int
	row, rowStyle        int // 1-based; 0 before the first row
	rowOpen, rowHasValue bool

	cells   int      // <c> tags
	col     int      // 1-based column of the current cell
	cell    scanCell // the current cell, while in one
	content bytes.Buffer
}

// scanCell is what the scan knows of the cell it is in.
type scanCell struct {
	open, valued, inV bool
	ref, typ, raw     string
	style, chars      int
	v                 []byte // the <v> text so far, up to keepText+1 bytes
}

// tag handles the scanner's current tag.
func (sc *sheetScanner) tag() error {
	x := sc.x
	name, end, self := x.tagKind()
	tag := string(name)
	if sc.cell.open && tag != "c" && tag != "row" {
		if err := sc.inCell(len(name) > 0); err != nil {
			return err
		}
	}
	switch {
	case tag == "dimension":
		ref, _ := x.attr("ref")
		if _, last := splitRange(ref); last != "" {
			if digits := refRow(last); len(digits) > 7 || rowNumber(digits) > maxRowIndex {
				return refuse("%s声明了 %s 行，超过上限 %d 行。如果表格下方有大量带格式的空行，请删除这些行后再导入",
					sc.where, clip(digits), maxRowIndex)
			}
		}
	case tag == "col" && !end && len(sc.colStyles) < 1000:
		lo, _ := strconv.Atoi(attrOr(x, "min"))
		hi, _ := strconv.Atoi(attrOr(x, "max"))
		if st, _ := strconv.Atoi(attrOr(x, "style")); st > 0 {
			sc.colStyles = append(sc.colStyles, [3]int{lo, hi, st})
		}
	case tag == "row":
		if err := sc.endRow(); err != nil { // the row ends, or a row left open does
			return err
		}
		if !end {
			if err := sc.startRow(); err != nil {
				return err
			}
			if self {
				return sc.endRow()
			}
		}
	case tag == "c":
		if err := sc.endCell(); err != nil { // the cell ends, or a cell left open does
			return err
		}
		if !end {
			return sc.startCell(self)
		}
	case (tag == "v" || tag == "f" || tag == "is") && sc.cell.open:
		c := &sc.cell
		c.valued = c.valued || !end
		if tag == "v" {
			if end && c.inV && len(c.v) <= keepText { // a longer "number" stays text
				c.raw = strings.TrimSpace(string(c.v))
			}
			c.inV, c.v = !end && !self, c.v[:0]
		}
	case tag == "mergeCell" && !end:
		return sc.merge()
	}
	return nil
}

// inCell copies a tag inside a cell (and the text before it) to the
// cell's content, and bounds the cell's text.
func (sc *sheetScanner) inCell(element bool) error {
	x, c := sc.x, &sc.cell
	if c.chars += x.textRune; c.chars > maxCellChars {
		return refuse("%s的单元格 %s 超过 %d 个字符，超出一次导入的上限", sc.where, c.ref, maxCellChars)
	}
	if c.inV && len(c.v) <= keepText {
		c.v = append(c.v, x.text[:min(len(x.text), keepText+1-len(c.v))]...)
	}
	sc.content.Write(x.text) // as it is: still escaped
	if element {             // comments and processing instructions are dropped
		sc.content.WriteByte('<')
		sc.content.Write(x.localTag())
		sc.content.WriteByte('>')
	}
	return nil
}

func (sc *sheetScanner) startRow() error {
	sc.rowTags++
	if r, ok := sc.x.attr("r"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(r))
		if err != nil || n < 1 || n > maxRowIndex {
			return refuse("%s用到了第 %s 行，超过上限 %d 行。如果表格下方有大量带格式的空行，请删除这些行后再导入",
				sc.where, clip(r), maxRowIndex)
		}
		sc.row = n
	} else {
		sc.row++
	}
	if sc.rowTags > maxRowIndex || sc.row > maxRowIndex {
		return refuse("%s用到了超过 %d 行，超出上限。如果表格下方有大量带格式的空行，请删除这些行后再导入",
			sc.where, maxRowIndex)
	}
	sc.rowStyle, _ = strconv.Atoi(attrOr(sc.x, "s"))
	sc.col = 0
	return nil
}

// endRow ends the current row (if any), counting it if it has values.
func (sc *sheetScanner) endRow() error {
	if err := sc.endCell(); err != nil {
		return err
	}
	sc.closeRow()
	if sc.rowHasValue {
		if sc.contentRows++; sc.contentRows > maxSheetRows {
			return userErr(tooManyRowsError{sc.name})
		}
	}
	sc.rowHasValue = false
	return nil
}

func (sc *sheetScanner) closeRow() {
	if sc.rowOpen {
		sc.copy.WriteString("</row>")
		sc.rowOpen = false
	}
}

func (sc *sheetScanner) startCell(self bool) error {
	x := sc.x
	if sc.cells++; sc.cells > maxCellTags {
		return refuse("%s含有超过 %d 个单元格（包括只有格式的空单元格），超出一次导入的上限。"+
			"请删除表格下方和右侧多余的行和列后再导入", sc.where, maxCellTags)
	}
	ref, ok := x.attr("r")
	if ok {
		c, _, ok := parseRef(ref)
		if !ok {
			return refuse("%s中有无法识别的单元格位置“%s”，文件可能已损坏", sc.where, clip(ref))
		}
		sc.col = c
	} else {
		sc.col++
		ref = columnName(min(sc.col, excelize.MaxColumns)) + strconv.Itoa(sc.row)
	}
	if self { // a style-only cell: nothing to keep
		return nil
	}
	typ, _ := x.attr("t")
	style, _ := strconv.Atoi(attrOr(x, "s"))
	sc.cell = scanCell{open: true, ref: ref, typ: typ, style: style, v: sc.cell.v[:0]}
	sc.content.Reset()
	x.keepAll = true
	return nil
}

// endCell ends the current cell (if any): a cell with a value (or a
// formula) is bounded, copied for excelize, and kept if it is a number.
func (sc *sheetScanner) endCell() error {
	c := &sc.cell
	if !c.open {
		return nil
	}
	c.open, sc.x.keepAll = false, false
	if !c.valued || sc.row == 0 { // a cell outside any row is not read
		return nil
	}
	if sc.col > maxColumns {
		return refuse("%s的单元格 %s 位于第 %d 列（%s 列），超出范围（最多读取 %d 列，即到 %s 列）。"+
			"请删除表格右侧多余的内容后再导入", sc.where, c.ref, sc.col, columnName(sc.col), maxColumns,
			columnName(maxColumns))
	}
	sc.rowHasValue = true
	if !sc.rowOpen {
		fmt.Fprintf(&sc.copy, `<row r="%d">`, sc.row)
		sc.rowOpen = true
	}
	fmt.Fprintf(&sc.copy, `<c r="%s%d"`, columnName(sc.col), sc.row)
	if c.style != 0 {
		fmt.Fprintf(&sc.copy, ` s="%d"`, c.style)
	}
	if c.typ != "" {
		sc.copy.WriteString(` t="`)
		xml.EscapeText(&sc.copy, []byte(c.typ))
		sc.copy.WriteString(`"`)
	}
	sc.copy.WriteString(">")
	sc.copy.Write(sc.content.Bytes())
	sc.copy.WriteString("</c>")
	if (c.typ == "" || c.typ == "n") && c.raw != "" {
		sc.out.nums[[2]int{sc.row - 1, sc.col - 1}] = numCell{raw: c.raw, style: sc.styleOf(c.style)}
	}
	return nil
}

// styleOf is a cell's style: its own, else its row's, else its column's.
func (sc *sheetScanner) styleOf(style int) int {
	if style != 0 {
		return style
	}
	if sc.rowStyle != 0 {
		return sc.rowStyle
	}
	for _, cs := range sc.colStyles {
		if cs[0] <= sc.col && sc.col <= cs[1] {
			return cs[2]
		}
	}
	return 0
}

func (sc *sheetScanner) merge() error {
	if len(sc.out.merges) >= maxMerges {
		return refuse("%s有超过 %d 个合并单元格，超出一次导入的上限", sc.where, maxMerges)
	}
	ref, _ := sc.x.attr("ref")
	first, last := splitRange(ref)
	c1, r1, ok1 := parseRef(first)
	c2, r2, ok2 := parseRef(last)
	if ok1 && ok2 && r1 <= r2 && c1 <= c2 {
		sc.out.merges = append(sc.out.merges, [4]int{r1 - 1, c1 - 1, r2 - 1, c2 - 1})
	}
	return nil
}

func attrOr(s *xmlScanner, name string) string {
	v, _ := s.attr(name)
	return v
}

// splitRange splits "A1:C3" into its corners; "A1" is both.
func splitRange(ref string) (first, last string) {
	first, last, ok := strings.Cut(strings.TrimSpace(ref), ":")
	if !ok {
		last = first
	}
	return first, last
}

// parseRef reads a cell reference such as "B12" or "$B$12" (letters in
// either case), as excelize does. ok is false for anything else, a column
// beyond XFD or a row beyond Excel's 1,048,576 included.
func parseRef(ref string) (col, row int, ok bool) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	letters := 0
	for ; i < len(ref); i++ {
		ch := ref[i] | 0x20 // lower case
		if ch < 'a' || ch > 'z' {
			break
		}
		if letters++; letters > 3 {
			return 0, 0, false
		}
		col = col*26 + int(ch-'a'+1)
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	digits := ref[i:]
	if letters == 0 || len(digits) == 0 || len(digits) > 7 || col > excelize.MaxColumns {
		return 0, 0, false
	}
	for _, d := range []byte(digits) {
		if d < '0' || d > '9' {
			return 0, 0, false
		}
		row = row*10 + int(d-'0')
	}
	if row < 1 || row > excelize.TotalRows {
		return 0, 0, false
	}
	return col, row, true
}

// refRow is the digits of a reference's row ("1048576"), "" if none.
func refRow(ref string) string {
	i := strings.IndexAny(ref, "0123456789")
	if i < 0 {
		return ""
	}
	j := i
	for j < len(ref) && ref[j] >= '0' && ref[j] <= '9' {
		j++
	}
	return ref[i:j]
}

func rowNumber(digits string) int {
	n, _ := strconv.Atoi(digits)
	return n
}

// clip shortens a text from the file for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

// columnName is a 1-based column's letters ("A", "GR", "XFD").
func columnName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return strconv.Itoa(col)
	}
	return name
}
