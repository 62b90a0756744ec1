package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"zhengxie/data"

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
	b := boundError{"无法导入：" + fmt.Sprintf(format, args...)}
	return &data.UserError{Msg: b.msg, Err: b}
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
		return nil, data.UserErrf(err, "无法读取文件：%s", data.UserMessage(err))
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
