package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// Sheets built to exhaust memory or time (issue 16): a value in column
// XFD on every row, style-only cells out to XFD, zip bombs, a sheet
// declaring 1,048,576 rows, oversized shared-string tables, and sheets at
// the bounds. Each is an xlsx written part by part (rawBook), so a
// gigabyte part costs a megabyte of file and nothing to build.

// excelizeBorder is the style s="1" of rawBook: a thin border, what an
// office draws down a template's empty rows.
var excelizeBorder = excelize.Style{Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}}

// part is a zip part whose content is head, then unit n times, then tail.
type part struct {
	name             string
	head, unit, tail string
	n                int
}

// rawBook is the workbook newSheet makes (one sheet "委员名册", excelize's
// styles with a second, bordered style s="1"), with the given parts
// replacing or added to its own.
func rawBook(t testing.TB, parts ...part) []byte {
	b := newSheet(t, "委员名册")
	if _, err := b.f.NewStyle(&excelizeBorder); err != nil {
		t.Fatal(err)
	}
	base := b.bytes()
	r, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	replaced := map[string]bool{}
	for _, p := range parts {
		replaced[p.name] = true
	}
	for _, f := range r.File {
		if replaced[f.Name] {
			continue
		}
		if err := w.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range parts {
		writeRepeated(t, w, p)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeRepeated deflates a part's head, unit and tail once each (as
// separately flushed blocks) and writes the unit's blocks n times: a valid
// deflate stream of any length, with its true size and checksum.
func writeRepeated(t testing.TB, w *zip.Writer, p part) {
	deflate := func(s string, level int) []byte {
		var b bytes.Buffer
		fw, _ := flate.NewWriter(&b, level)
		io.WriteString(fw, s)
		fw.Flush()
		return b.Bytes()
	}
	head, unit, tail := deflate(p.head, flate.BestSpeed), deflate(p.unit, flate.BestCompression),
		deflate(p.tail, flate.BestSpeed)
	crc := crc32.NewIEEE()
	io.WriteString(crc, p.head)
	u := []byte(p.unit)
	for range p.n {
		crc.Write(u)
	}
	io.WriteString(crc, p.tail)
	end := []byte{0x03, 0x00} // an empty final block
	size := uint64(len(p.head) + p.n*len(p.unit) + len(p.tail))
	zsize := uint64(len(head) + p.n*len(unit) + len(tail) + len(end))
	out, err := w.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: zsize, UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	out.Write(head)
	for range p.n {
		out.Write(unit)
	}
	out.Write(tail)
	out.Write(end)
}

const (
	sheetPath  = "xl/worksheets/sheet1.xml"
	sheetOpen  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
	sheetClose = `</sheetData></worksheet>`
)

// inlineRow is a row of inline-string cells from column A.
func inlineRow(r int, vals ...any) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, r)
	for i, v := range vals {
		fmt.Fprintf(&b, `<c r="%s%d" t="inlineStr"><is><t>%v</t></is></c>`, columnName(i+1), r, v)
	}
	b.WriteString(`</row>`)
	return b.String()
}

// rosterHead is a roster sheet's start: the header and three members.
func rosterHead(dimension string) string {
	s := sheetOpen
	if dimension != "" {
		s += `<dimension ref="` + dimension + `"/>`
	}
	s += `<sheetData>` + inlineRow(1, rosterHeader...)
	for i := 1; i <= 3; i++ {
		s += inlineRow(i+1, member(i, "")...)
	}
	return s
}

// repeatedRows writes rows from first to first+n-1 with the body make
// gives, without the part builder's unit trick (each row differs).
func repeatedRows(first, n int, body func(r int) string) string {
	var b strings.Builder
	for r := first; r < first+n; r++ {
		fmt.Fprintf(&b, `<row r="%d">%s</row>`, r, body(r))
	}
	return b.String()
}

// styleOnly is n empty cells with a border, from column A, as Excel
// writes them.
func styleOnly(r, n int) string {
	var b strings.Builder
	for c := 1; c <= n; c++ {
		fmt.Fprintf(&b, `<c r="%s%d" s="1"/>`, columnName(c), r)
	}
	return b.String()
}

// sharedStrings is an xl/sharedStrings.xml of n distinct short texts.
func sharedStrings(n int) part {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `<si><t>%08d</t></si>`, i*7919%100_000_000)
	}
	return part{name: "xl/sharedStrings.xml",
		head: fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, n, n),
		tail: b.String() + `</sst>`}
}

func sheetCases() []hostileCase {
	roster3 := func(t *testing.T, c *importCounty) {
		ms, err := c.s.ListMembers(c.ctx, data.MemberFilter{TermID: c.term.ID})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, m := range ms {
			if strings.HasPrefix(m.Name, "委员") {
				n++
			}
		}
		if n != 3 {
			t.Errorf("imported %d members, want 3", n)
		}
	}
	sheet := func(head, body string) func(testing.TB) []byte {
		return func(t testing.TB) []byte {
			return rawBook(t, part{name: sheetPath, head: head, tail: body + sheetClose})
		}
	}
	return []hostileCase{
		{desc: "sheet: 2,000 rows with a value in column XFD", kind: rosterFile, name: "名册.xlsx",
			file: sheet(rosterHead(""), repeatedRows(5, 2000, func(r int) string {
				return fmt.Sprintf(`<c r="XFD%d" t="inlineStr"><is><t>x</t></is></c>`, r)
			})), wantErr: "位于第 16384 列（XFD 列）"},
		{desc: "sheet: 2,000 rows with a style-only cell in column XFD import", kind: rosterFile, name: "名册.xlsx",
			file: sheet(rosterHead(""), repeatedRows(5, 2000, func(r int) string {
				return fmt.Sprintf(`<c r="XFD%d" s="1"/>`, r)
			})), imported: roster3},
		{desc: "sheet: 19,000 rows × 50 style-only cells (borders drawn far down) import", kind: rosterFile,
			name: "名册.xlsx",
			file: sheet(rosterHead("A1:AX19004"), repeatedRows(5, 19000, func(r int) string {
				return styleOnly(r, 50)
			})), imported: roster3},
		{desc: "sheet: style-only cells over the cell bound", kind: rosterFile, name: "名册.xlsx",
			file: sheet(rosterHead(""), repeatedRows(5, 10000, func(r int) string {
				return styleOnly(r, 120)
			})), wantErr: "包括只有格式的空单元格"},
		{desc: "sheet: declares 1,048,576 rows", kind: rosterFile, name: "名册.xlsx",
			file:    sheet(rosterHead("A1:XFD1048576"), `<row r="1048576"><c r="A1048576"><v>1</v></c></row>`),
			wantErr: "声明了 1048576 行，超过上限 20000 行"},
		{desc: "sheet: a value in row 1,048,576 (no dimension)", kind: rosterFile, name: "名册.xlsx",
			file:    sheet(rosterHead(""), `<row r="1048576"><c r="A1048576"><v>1</v></c></row>`),
			wantErr: "用到了第 1048576 行"},
		{desc: "sheet: 100,000 rows with no row numbers", kind: rosterFile, name: "名册.xlsx",
			file: func(t testing.TB) []byte {
				return rawBook(t, part{name: sheetPath, head: rosterHead(""),
					unit: `<row><c t="inlineStr"><is><t>委员</t></is></c><c><v>7</v></c></row>`, n: 100_000,
					tail: sheetClose})
			}, wantErr: "超过 10000 行"},
		{desc: "sheet: zip bomb, a worksheet unzipping to 200 MB of style-only rows", kind: rosterFile,
			name: "名册.xlsx",
			file: func(t testing.TB) []byte {
				return rawBook(t, part{name: sheetPath, head: rosterHead(""),
					unit: strings.Repeat(`<row><c r="XFD1" s="1"/></row>`, 1<<20/30), n: 200, tail: sheetClose})
			}, wantErr: "超过上限 64 MB"},
		{desc: "sheet: zip bomb, 1 GB of zeros in a part", kind: proposalFile, name: "台账.xlsx",
			file: func(t testing.TB) []byte {
				return rawBook(t, part{name: "xl/media/image1.png", unit: strings.Repeat("\x00", 1<<20), n: 1024})
			}, wantErr: "解压后有 1024 MB"},
		{desc: "sheet: zip bomb under the size bounds (ratio over 200)", kind: eventFile, name: "签到表.xlsx",
			file: func(t testing.TB) []byte {
				return rawBook(t, part{name: sheetPath, head: rosterHead(""),
					unit: strings.Repeat(`<row><c s="1"/></row>`, 1<<20/21), n: 15, tail: sheetClose})
			}, wantErr: "压缩炸弹"},
		{desc: "sheet: 400,000 shared strings", kind: rosterFile, name: "名册.xlsx",
			file: func(t testing.TB) []byte {
				return rawBook(t, part{name: sheetPath, head: rosterHead(""), tail: sheetClose}, sharedStrings(400_000))
			}, wantErr: "共享字符串表含有超过 300000 条文字"},
		{desc: "sheet: shared strings over 16 MB", kind: proposalFile, name: "台账.xlsx",
			file: func(t testing.TB) []byte {
				return rawBook(t, part{name: sheetPath, head: rosterHead(""), tail: sheetClose}, sharedStrings(900_000))
			}, wantErr: "xl/sharedStrings.xml”解压后有 20 MB，超过上限 16 MB"},
		{desc: "sheet: a 200,000-character cell", kind: rosterFile, name: "名册.xlsx",
			file: sheet(rosterHead(""), inlineRow(5, 4, "委员004", "男", "经济界", "", "1975-03", "",
				strings.Repeat("长", 200_000))), wantErr: "超过 100000 个字符"},
		{desc: "sheet: 60,000 merged ranges", kind: eventFile, name: "签到表.xlsx",
			file: func(t testing.TB) []byte {
				return rawBook(t, part{name: sheetPath, head: rosterHead("") + `</sheetData><mergeCells>`,
					unit: `<mergeCell ref="A1:XFD1048576"/>`, n: 60_000, tail: `</mergeCells></worksheet>`})
			}, wantErr: "超过 50000 个合并单元格"},
		{desc: "sheet: 2,000 parts in the zip", kind: rosterFile, name: "名册.xlsx",
			file: func(t testing.TB) []byte {
				var ps []part
				for i := range 2000 {
					ps = append(ps, part{name: fmt.Sprintf("xl/media/image%d.png", i), head: "x"})
				}
				return rawBook(t, ps...)
			}, wantErr: "个部件，超过上限 1000 个"},
	}
}
