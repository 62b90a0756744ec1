package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var fixedDate = time.Date(2025, 1, 8, 9, 0, 0, 0, time.UTC)

// sampleDoc builds a document with every element, a table of rows rows.
func sampleDoc(t testing.TB, rows int) *Doc {
	t.Helper()
	d, err := NewDoc(GBT9704(), DocInfo{Title: "测试", Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	d.Title("政协清河县第十一届委员会", "提案工作情况报告")
	d.Centered("——2025年1月8日在政协清河县第十一届委员会第四次会议上")
	d.Blank()
	d.Plain("各位委员：")
	d.Paragraph("我受政协清河县第十一届委员会常务委员会的委托，向大会报告十一届三次会议以来提案工作情况，请予审议，并请列席会议的同志提出意见。")
	d.Heading1("一、提案工作基本情况")
	d.Heading2("（一）提案提交和立案情况")
	d.Paragraph("十一届三次会议以来共收到提案186件，经审查立案172件，立案率92.5%；并案处理6件；不予立案8件（转社情民意3件、转意见建议5件）。其中委员个人提案120件，占64.5%；委员联名提案40件，占21.5%；集体提案26件，占14.0%。GB/T 9704-2012规定版心为156×225毫米。")
	cols := []Column{{Header: "序号", Width: 1, Align: AlignCenter}, {Header: "案由", Width: 6}, {Header: "承办单位", Width: 3}, {Header: "结果", Width: 1.2, Align: AlignCenter}}
	var rs [][]string
	for i := 1; i <= rows; i++ {
		rs = append(rs, []string{fmt.Sprint(i), fmt.Sprintf("关于加快推进县域农村人居环境整治提升工作的建议（第%d件）", i), "县农业农村局、县住房和城乡建设局", "A"})
	}
	d.Table(Table{Title: "表1 提案办理情况", Columns: cols, Rows: rs, Note: "注：因四舍五入，各项占比合计为 99.9%"})
	items := []ChartItem{{"经济建设", 62, "62件 36.0%"}, {"社会建设", 50, "50件 29.1%"}, {"文化建设", 30, "30件 17.4%"}, {"生态文明建设", 20, "20件 11.6%"}, {"其他", 10, "10件 5.8%"}}
	d.BarChart(Chart{Title: "图1 立案提案类别", Items: items})
	d.PieChart(Chart{Title: "图2 立案提案类别构成", Items: items, Ring: true, Center: "共172件"})
	d.Signature("政协清河县委员会提案委员会", "2025年1月8日")
	return d
}

func writeDoc(t testing.TB, d *Doc) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pdftotext(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "d.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", append(args, path, "-")...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestLongTableRepeatsItsHeader: a table of 80 rows runs over several
// pages; every page it continues on starts with the header row, every row
// is printed once, and the page numbers alternate sides.
func TestLongTableRepeatsItsHeader(t *testing.T) {
	d := sampleDoc(t, 80)
	if m := d.Missing(); len(m) > 0 {
		t.Errorf("characters without a glyph: %q", string(m))
	}
	pdf := writeDoc(t, d)
	if out := os.Getenv("PDF_OUT"); out != "" {
		os.WriteFile(out, pdf, 0o644)
	}
	if d.Pages() < 5 {
		t.Fatalf("%d pages; 80 rows of two lines need more", d.Pages())
	}
	pages := strings.Split(strings.TrimSuffix(pdftotext(t, pdf, "-layout"), "\f"), "\f")
	if len(pages) != d.Pages() {
		t.Fatalf("pdftotext sees %d pages, the document has %d", len(pages), d.Pages())
	}
	tableRows := regexp.MustCompile(`（第(\d+)件）`)
	seen := map[string]int{}
	for i, page := range pages {
		rows := tableRows.FindAllStringSubmatch(page, -1)
		for _, r := range rows {
			seen[r[1]]++
		}
		if len(rows) > 0 && i > 0 {
			// The header is the first text of a continued page.
			first := strings.Fields(strings.TrimSpace(page))
			if len(first) < 4 || first[0] != "序号" || first[1] != "案由" {
				t.Errorf("page %d does not start with the header row: %q", i+1, first[:min(4, len(first))])
			}
		}
		num := fmt.Sprintf("— %d —", i+1)
		lines := strings.Split(strings.TrimRight(page, "\n "), "\n")
		last := lines[len(lines)-1]
		if !strings.Contains(last, num) {
			t.Errorf("page %d: last line %q lacks %q", i+1, last, num)
			continue
		}
		indent := len(last) - len(strings.TrimLeft(last, " "))
		if odd := (i+1)%2 == 1; odd != (indent > 20) {
			t.Errorf("page %d: number %q at column %d, want odd pages right and even pages left", i+1, num, indent)
		}
	}
	for i := 1; i <= 80; i++ {
		if n := seen[fmt.Sprint(i)]; n != 1 {
			t.Errorf("row %d printed %d times", i, n)
		}
	}
}

func TestDocIsReproducibleWithAFixedDate(t *testing.T) {
	a, b := writeDoc(t, sampleDoc(t, 30)), writeDoc(t, sampleDoc(t, 30))
	if !bytes.Equal(a, b) {
		t.Fatal("the same document with the same date gave different bytes")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20250108")) {
		t.Error("creation date is not the fixed one")
	}
}

func TestTemplateChecksThatTheTextBlockFits(t *testing.T) {
	tpl := GBT9704()
	tpl.TextW = 200
	if _, err := NewDoc(tpl, DocInfo{}); err == nil || !strings.Contains(err.Error(), "版心") {
		t.Errorf("a text block wider than the paper: %v", err)
	}
}

func BenchmarkTwentyPageDoc(b *testing.B) {
	for b.Loop() {
		d := sampleDoc(b, 290)
		if d.Pages() < 20 {
			b.Fatalf("%d pages", d.Pages())
		}
		var buf bytes.Buffer
		if err := d.Write(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBodyTextFollowsTheGrid: GB/T 9704's 22 lines of 28 characters.
func TestBodyTextFollowsTheGrid(t *testing.T) {
	d, err := NewDoc(GBT9704(), DocInfo{Date: fixedDate})
	if err != nil {
		t.Fatal(err)
	}
	d.Paragraph(strings.Repeat("政", 26+28*30)) // indented first line, then 30 full lines
	pages := strings.Split(pdftotext(t, writeDoc(t, d)), "\f")
	var first []string
	for _, l := range strings.Split(pages[0], "\n") {
		if strings.Contains(l, "政") {
			first = append(first, l)
		}
	}
	if len(first) != 22 {
		t.Errorf("page 1 has %d body lines, want 22", len(first))
	}
	for i, l := range first {
		want := 28
		if i == 0 {
			want = 26
		}
		if n := strings.Count(l, "政"); n != want {
			t.Errorf("line %d has %d characters, want %d", i+1, n, want)
		}
	}
}

// BenchmarkOnePageDoc is the fixed cost of a document: loading the three
// faces, one page, subsetting and output (what a batch of one-file-per-
// member archives pays per file).
func BenchmarkOnePageDoc(b *testing.B) {
	for b.Loop() {
		d, err := NewDoc(GBT9704(), DocInfo{Date: fixedDate})
		if err != nil {
			b.Fatal(err)
		}
		d.Title("委员履职档案")
		d.Paragraph("姓名：张三　界别：经济界　2025年度考核得分92.5分，等次为优秀。")
		writeDoc(b, d)
	}
}
