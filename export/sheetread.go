package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The one way every import reads a workbook (roster, proposals, events).
// The bounds are decided before anything is loaded: the zip's directory is
// checked (parts, sizes, compression ratio), the XML parts excelize parses
// whole are counted tag by tag, and each worksheet is scanned as a stream
// (xmlScanner) before excelize reads it. Only a file within every bound
// reaches excelize, and then only through its streaming row reader; the
// cell types, styles and merged ranges come from the scan, so excelize
// never loads a worksheet whole (which pads every row to its last cell).
// A file over a bound is refused with a sentence naming what is wrong.
//
// Memory: excelize keeps every part except large worksheets in memory, so
// a file within the bounds costs at most the file itself plus
// maxUnzipped; a sheet's grid is at most maxRowIndex × maxColumns cells.
const (
	maxZipEntries  = 1000      // parts in the zip; a roster has about a dozen
	maxUnzipped    = 100 << 20 // all parts unzipped
	maxSheetPart   = 64 << 20  // one worksheet unzipped (10,000 rows × 60 columns is about 30 MB)
	maxOtherPart   = 16 << 20  // any other part (styles, shared strings, pictures)
	maxZipRatio    = 200       // unzipped / zipped for a part over 1 MB: more is a zip bomb
	maxXMLTags     = 1 << 20   // start tags in a part excelize parses whole (styles, shared strings)
	maxSharedItems = 300_000   // shared strings (distinct texts); 10,000 rows × 30 columns at most
	maxRowIndex    = 2 * maxSheetRows
	maxColumns     = 200 // columns with values; real sheets have fewer than 60
	maxCellTags    = 1_000_000
	maxSheetTags   = 3_000_000
	maxCellChars   = 100_000 // one cell; Excel stops at 32,767, a longer cell is a row problem from 1,000 on
	maxMerges      = 50_000
	keepXMLInRAM   = 8 << 20 // worksheets larger than this excelize reads from a temporary file
)

// boundError refuses a file that exceeds one of the bounds above. The
// readers return it at once, whatever sheet it is found in.
type boundError struct{ msg string }

func (e boundError) Error() string { return e.msg }

func refuse(format string, args ...any) error {
	return boundError{"无法导入：" + fmt.Sprintf(format, args...)}
}

// isBoundError reports whether err refuses the whole file (a bound or the
// row limit) rather than one sheet.
func isBoundError(err error) bool {
	var b boundError
	var rows tooManyRowsError
	return errors.As(err, &b) || errors.As(err, &rows)
}

// workbook is an xlsx file opened within the bounds.
type workbook struct {
	f      *excelize.File
	parts  map[string]*zip.File // by the name excelize gives them
	sheets []sheetRef           // in workbook order
}

// sheetRef is a sheet as the workbook lists it.
type sheetRef struct {
	name  string
	paths []string // the parts excelize may read for it
}

// openWorkbook reads an xlsx of at most maxFileSize bytes: old .xls and
// encrypted files are refused by name, the zip is checked against the
// bounds, and only then does excelize open it.
func openWorkbook(r io.Reader, tooBig error) (*workbook, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("无法读取文件：%w", err)
	case len(b) > maxFileSize:
		return nil, tooBig
	case bytes.HasPrefix(b, oleMagic):
		return nil, errOldExcel
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, errNotExcel
	}
	w := &workbook{parts: map[string]*zip.File{}}
	if err := w.checkZip(zr); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: maxUnzipped,
		UnzipXMLSizeLimit: keepXMLInRAM})
	if err != nil {
		return nil, errNotExcel
	}
	if err := w.findSheets(f.GetSheetList()); err != nil {
		f.Close()
		return nil, err
	}
	w.f = f
	return w, nil
}

func (w *workbook) Close() { w.f.Close() }

// checkZip checks the zip's directory (parts, sizes, ratio; sizes are what
// archive/zip enforces while unzipping, so a part cannot lie about them)
// and counts the tags of the parts excelize parses whole.
func (w *workbook) checkZip(zr *zip.Reader) error {
	if len(zr.File) > maxZipEntries {
		return refuse("文件内含 %d 个部件，超过上限 %d 个，不像是普通的 Excel 表格", len(zr.File), maxZipEntries)
	}
	var total uint64
	for _, f := range zr.File {
		name := partName(f.Name)
		size := f.UncompressedSize64
		limit := uint64(maxOtherPart)
		if isWorksheetPart(name) {
			limit = maxSheetPart
		}
		if size > limit {
			return refuse("文件中的部件“%s”解压后有 %s，超过上限 %s。文件可能已损坏，或是恶意构造的文件",
				f.Name, sizeText(size), sizeText(limit))
		}
		if size > 1<<20 && (f.CompressedSize64 == 0 || size/f.CompressedSize64 > maxZipRatio) {
			return refuse("文件中的部件“%s”解压后是压缩时的 %d 倍以上（%s），这是“压缩炸弹”一类的恶意文件",
				f.Name, maxZipRatio, sizeText(size))
		}
		if total += size; total > maxUnzipped {
			return refuse("文件解压后超过 %s，超出一次导入的上限。请只保留需要导入的工作表后再导入", sizeText(maxUnzipped))
		}
		w.parts[name] = f
	}
	for name, f := range w.parts {
		if isWorksheetPart(name) || !(strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")) {
			continue
		}
		if err := countTags(f, name); err != nil {
			return err
		}
	}
	return nil
}

// partName is a part's name as excelize keys it.
func partName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	switch strings.ToLower(name) {
	case "[content_types].xml":
		return "[Content_Types].xml"
	case "xl/sharedstrings.xml":
		return "xl/sharedStrings.xml"
	}
	return name
}

func isWorksheetPart(name string) bool {
	return strings.HasPrefix(strings.ToLower(name), "xl/worksheets/sheet")
}

func sizeText(n uint64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", max(1, n>>10))
}

// countTags bounds a part excelize parses whole: its tags, and for the
// shared strings the number of texts and the length of each.
func countTags(f *zip.File, name string) error {
	rc, err := f.Open()
	if err != nil {
		return errNotExcel
	}
	defer rc.Close()
	shared := name == "xl/sharedStrings.xml"
	s := newXMLScanner(rc)
	tags, items, chars := 0, 0, 0
	for s.next() {
		tag, end, _ := s.tagKind()
		switch {
		case len(tag) == 0:
		case end && shared && string(tag) == "t":
			if chars += s.textRune; chars > maxCellChars {
				return refuse("文件的共享字符串表第 %d 条文字超过 %d 个字符，超出一次导入的上限", items, maxCellChars)
			}
		case end:
		default:
			if tags++; tags > maxXMLTags {
				return refuse("文件中的部件“%s”含有超过 %d 个 XML 标记，文件可能已损坏，或是恶意构造的文件", f.Name, maxXMLTags)
			}
			if shared && string(tag) == "si" {
				if items++; items > maxSharedItems {
					return refuse("文件的共享字符串表含有超过 %d 条文字，超出一次导入的上限", maxSharedItems)
				}
				chars = 0
			}
		}
	}
	if s.err != nil {
		return errNotExcel
	}
	return nil
}

// findSheets finds the parts excelize will read for each of its sheets,
// the way excelize finds them (workbook part from _rels/.rels, sheets by
// relationship id); the workbook must list the same number of sheets.
func (w *workbook) findSheets(names []string) error {
	var rootRels, wbRels xmlRels
	var wb struct {
		Sheets []struct {
			ID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			ID2 string `xml:"http://purl.oclc.org/ooxml/officeDocument/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	w.readXML("_rels/.rels", &rootRels)
	wbPath := ""
	for _, r := range rootRels.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wbPath = strings.TrimPrefix(r.Target, "/")
			break
		}
	}
	if wbPath == "" || !w.readXML(wbPath, &wb) {
		return errNotExcel
	}
	relsPath := strings.TrimPrefix(filepath.Dir(wbPath)+"/_rels/"+filepath.Base(wbPath)+".rels", "/")
	if filepath.Dir(wbPath) == "." {
		relsPath = "_rels/" + filepath.Base(wbPath) + ".rels"
	}
	w.readXML(relsPath, &wbRels)
	if len(wb.Sheets) != len(names) {
		return errNotExcel
	}
	for i, s := range wb.Sheets {
		id := s.ID + s.ID2
		ref := sheetRef{name: names[i]}
		for _, r := range wbRels.Rels {
			if r.ID == id {
				ref.paths = append(ref.paths, worksheetPath(wbPath, r.Target))
			}
		}
		w.sheets = append(w.sheets, ref)
	}
	return nil
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// worksheetPath is excelize's getWorksheetPath.
func worksheetPath(wbPath, target string) string {
	if strings.HasPrefix(target, "/") {
		return filepath.ToSlash(strings.TrimPrefix(strings.ReplaceAll(filepath.Clean(target), "\\", "/"), "/"))
	}
	return filepath.ToSlash(strings.TrimPrefix(
		strings.ReplaceAll(filepath.Clean(fmt.Sprintf("%s/%s", filepath.Dir(wbPath), target)), "\\", "/"), "/"))
}

// readXML decodes a small part (its size and tags are already bounded).
func (w *workbook) readXML(name string, v any) bool {
	f, ok := w.parts[name]
	if !ok {
		return false
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	// Only ids and paths are read (ASCII), so a file declaring GBK reads as is.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d.Decode(v) == nil
}

// sheetNames are the names of the visible sheets, in order, with their
// position in the workbook (1-based, hidden sheets counted).
func (w *workbook) visibleSheets() (names []string, pos []int) {
	for i, name := range w.f.GetSheetList() {
		if visible, err := w.f.GetSheetVisible(name); err == nil && visible {
			names, pos = append(names, name), append(pos, i+1)
		}
	}
	return names, pos
}

// readGrid scans a sheet within the bounds, then reads what its cells show
// through excelize's streaming reader. A sheet over a bound is a
// boundError, one over maxSheetRows rows a tooManyRowsError.
func (w *workbook) readGrid(name string, pos int) (*grid, error) {
	var scan *sheetScan
	for _, s := range w.sheets {
		if !strings.EqualFold(s.name, name) {
			continue
		}
		for _, p := range s.paths {
			part, ok := w.parts[p]
			if !ok {
				continue
			}
			rc, err := part.Open()
			if err != nil {
				return nil, errNotExcel
			}
			sc, err := scanSheet(rc, name, pos)
			rc.Close()
			if err != nil {
				return nil, err
			}
			w.f.Pkg.Store(p, sc.cells)
			scan = sc
		}
	}
	if scan == nil {
		return nil, fmt.Errorf("sheet %q: no part", name)
	}
	shown, err := w.f.GetRows(name)
	if err != nil {
		return nil, err
	}
	g := &grid{styles: w.f, shown: shown, nums: scan.nums, merges: scan.merges,
		origin: map[[2]int][2]int{}, spans: map[[2]int]int{}}
	if props, err := w.f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		g.date1904 = *props.Date1904
	}
	g.spreadMerged()
	return g, nil
}

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
// formats it (the cell's, else its row's, else its column's).
type numCell struct {
	raw   string
	style int
}

// scanSheet streams a worksheet part and checks its bounds: the rows it
// declares or uses, the columns that hold values, the cells (style-only
// empty cells included, which cost nothing else), the length of each
// value, the merged ranges, and the rows with values (maxSheetRows).
func scanSheet(r io.Reader, name string, pos int) (*sheetScan, error) {
	where := fmt.Sprintf("第 %d 张工作表“%s”", pos, name)
	out := &sheetScan{nums: map[[2]int]numCell{}}
	var xmlOut, cellOut bytes.Buffer
	xmlOut.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	rowOpen := false
	var (
		s                      = newXMLScanner(r)
		tags, cells, rowTags   int
		row, col, contentRows  int
		rowStyle               int
		rowHasValue            bool
		inCell, valued, inV    bool
		vText                  []byte
		cellType, cellRef, raw string
		cellStyle, cellChars   int
		colStyles              [][3]int // min, max, style
	)
	endRow := func() error {
		if rowOpen {
			xmlOut.WriteString("</row>")
			rowOpen = false
		}
		if rowHasValue {
			if contentRows++; contentRows > maxSheetRows {
				return tooManyRowsError{name}
			}
		}
		rowHasValue = false
		return nil
	}
	endCell := func() error {
		inCell, s.keepAll = false, false
		if !valued || row == 0 { // a cell outside any row is not read
			return nil
		}
		if col > maxColumns {
			return refuse("%s的单元格 %s 位于第 %d 列（%s 列），超出范围（最多读取 %d 列，即到 %s 列）。"+
				"请删除表格右侧多余的内容后再导入", where, cellRef, col, columnName(col), maxColumns, columnName(maxColumns))
		}
		rowHasValue = true
		if !rowOpen {
			fmt.Fprintf(&xmlOut, `<row r="%d">`, row)
			rowOpen = true
		}
		fmt.Fprintf(&xmlOut, `<c r="%s%d"`, columnName(col), row)
		if cellStyle != 0 {
			fmt.Fprintf(&xmlOut, ` s="%d"`, cellStyle)
		}
		if cellType != "" {
			xmlOut.WriteString(` t="`)
			xml.EscapeText(&xmlOut, []byte(cellType))
			xmlOut.WriteString(`"`)
		}
		xmlOut.WriteString(">")
		xmlOut.Write(cellOut.Bytes())
		xmlOut.WriteString("</c>")
		if (cellType == "" || cellType == "n") && raw != "" {
			style := cellStyle
			if style == 0 {
				style = rowStyle
			}
			for _, cs := range colStyles {
				if style == 0 && cs[0] <= col && col <= cs[1] {
					style = cs[2]
				}
			}
			out.nums[[2]int{row - 1, col - 1}] = numCell{raw: raw, style: style}
		}
		return nil
	}
	for s.next() {
		if tags++; tags > maxSheetTags {
			return nil, refuse("%s含有超过 %d 个 XML 标记，文件可能已损坏，或是恶意构造的文件", where, maxSheetTags)
		}
		tag, end, self := s.tagKind()
		if inCell && string(tag) != "c" && string(tag) != "row" {
			if cellChars += s.textRune; cellChars > maxCellChars {
				return nil, refuse("%s的单元格 %s 超过 %d 个字符，超出一次导入的上限", where, cellRef, maxCellChars)
			}
			if inV && len(vText) <= keepText {
				vText = append(vText, s.text[:min(len(s.text), keepText+1-len(vText))]...)
			}
			cellOut.Write(s.text) // the cell's content as it is, prefixes dropped
			if len(tag) > 0 {
				cellOut.WriteByte('<')
				cellOut.Write(s.localTag())
				cellOut.WriteByte('>')
			}
		}
		switch string(tag) {
		case "dimension":
			ref, _ := s.attr("ref")
			if _, last := splitRange(ref); last != "" {
				if digits := refRow(last); len(digits) > 7 || rowNumber(digits) > maxRowIndex {
					return nil, refuse("%s声明了 %s 行，超过上限 %d 行。如果表格下方有大量带格式的空行，请删除这些行后再导入",
						where, clip(refRow(last)), maxRowIndex)
				}
			}
		case "col":
			if end || len(colStyles) >= 1000 {
				continue
			}
			lo, _ := strconv.Atoi(attrOr(s, "min"))
			hi, _ := strconv.Atoi(attrOr(s, "max"))
			st, _ := strconv.Atoi(attrOr(s, "style"))
			if st > 0 {
				colStyles = append(colStyles, [3]int{lo, hi, st})
			}
		case "row":
			if end {
				if inCell {
					if err := endCell(); err != nil {
						return nil, err
					}
				}
				if err := endRow(); err != nil {
					return nil, err
				}
				continue
			}
			if inCell {
				if err := endCell(); err != nil {
					return nil, err
				}
			}
			if err := endRow(); err != nil { // a row left open
				return nil, err
			}
			rowTags++
			if r, ok := s.attr("r"); ok {
				n, err := strconv.Atoi(strings.TrimSpace(r))
				if err != nil || n < 1 || n > maxRowIndex {
					return nil, refuse("%s用到了第 %s 行，超过上限 %d 行。如果表格下方有大量带格式的空行，请删除这些行后再导入",
						where, r, maxRowIndex)
				}
				row = n
			} else {
				row++
			}
			if rowTags > maxRowIndex || row > maxRowIndex {
				return nil, refuse("%s用到了超过 %d 行，超出上限。如果表格下方有大量带格式的空行，请删除这些行后再导入",
					where, maxRowIndex)
			}
			rowStyle, _ = strconv.Atoi(attrOr(s, "s"))
			col = 0
			if self {
				if err := endRow(); err != nil {
					return nil, err
				}
			}
		case "c":
			if end {
				if inCell {
					if err := endCell(); err != nil {
						return nil, err
					}
				}
				continue
			}
			if inCell {
				if err := endCell(); err != nil { // a cell left open
					return nil, err
				}
			}
			if cells++; cells > maxCellTags {
				return nil, refuse("%s含有超过 %d 个单元格（包括只有格式的空单元格），超出一次导入的上限。"+
					"请删除表格下方和右侧多余的行和列后再导入", where, maxCellTags)
			}
			if ref, ok := s.attr("r"); ok {
				c, _, ok := parseRef(ref)
				if !ok {
					return nil, refuse("%s中有无法识别的单元格位置“%s”，文件可能已损坏", where, clip(ref))
				}
				col, cellRef = c, ref
			} else {
				col++
				cellRef = columnName(min(col, 16384)) + strconv.Itoa(row)
			}
			cellType, _ = s.attr("t")
			cellStyle, _ = strconv.Atoi(attrOr(s, "s"))
			inCell, valued, raw, cellChars, inV = !self, false, "", 0, false
			s.keepAll = inCell
			cellOut.Reset()
		case "v", "f", "is":
			if inCell && !end {
				valued = true
			}
			if inCell && string(tag) == "v" {
				if end && inV && len(vText) <= keepText { // a longer "number" is kept as text
					raw = strings.TrimSpace(string(vText))
				}
				inV, vText = !end && !self, vText[:0]
			}
		case "mergeCell":
			if end {
				continue
			}
			if len(out.merges) >= maxMerges {
				return nil, refuse("%s有超过 %d 个合并单元格，超出一次导入的上限", where, maxMerges)
			}
			ref, _ := s.attr("ref")
			first, last := splitRange(ref)
			c1, r1, ok1 := parseRef(first)
			c2, r2, ok2 := parseRef(last)
			if ok1 && ok2 && r1 <= r2 && c1 <= c2 {
				out.merges = append(out.merges, [4]int{r1 - 1, c1 - 1, r2 - 1, c2 - 1})
			}
		}
	}
	if s.err != nil {
		return nil, errNotExcel
	}
	if rowOpen {
		xmlOut.WriteString("</row>")
	}
	xmlOut.WriteString("</sheetData></worksheet>")
	out.cells = xmlOut.Bytes()
	return out, nil
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
