package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// This file builds the hostile files of hostile_test.go from code, so that
// no binary blob is committed and each file says how it was made.

// rosterHeader is the header of a minimal valid roster.
var rosterHeader = []any{"序号", "姓名", "性别", "界别", "身份证号", "出生年月", "联系电话", "工作单位及职务", "备注"}

// validID is a man's 身份证号 with a correct check digit for the given
// serial (below 100).
func validID(serial int) string {
	body := fmt.Sprintf("11010519750312%02d1", serial%100)
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(body[i]-'0') * w
	}
	return body + string("10X98765432"[sum%11])
}

// badID breaks the check digit of validID(serial).
func badID(serial int) string {
	id := validID(serial)
	last := "0"
	if id[17] == '0' {
		last = "1"
	}
	return id[:17] + last
}

// rosterBook is a one-sheet roster with the header and the given rows
// from row 2 on.
func rosterBook(t testing.TB, rows ...[]any) []byte {
	b := newSheet(t, "委员名册")
	b.row(1, rosterHeader...)
	for i, r := range rows {
		b.row(i+2, r...)
	}
	return b.bytes()
}

// member is one roster row: serial, name, and the given 备注.
func member(n int, note string) []any {
	return []any{n, fmt.Sprintf("委员%03d", n), "男", "经济界", validID(n), "1975-03", "", "县某单位", note}
}

// manyRows is a roster of n rows written with excelize's stream writer (a
// 100k-row sheet through SetSheetRow takes minutes).
func manyRows(t testing.TB, n int) []byte {
	b := newSheet(t, "委员名册")
	sw, err := b.f.NewStreamWriter("委员名册")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", rosterHeader); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		row := []any{i, fmt.Sprintf("委员%06d", i), "男", "经济界", "", "1975-03", "", "县某单位", ""}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+1), row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	return b.bytes()
}

// randomBytes is n bytes that are no format at all, the same on every run.
func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(6, 30))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// zipOf is a zip archive holding the given parts.
func zipOf(t testing.TB, parts map[string]string) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for name, body := range parts {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(f, body)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// patchZip rewrites every part of an xlsx whose name starts with prefix,
// replacing old with new in its bytes.
func patchZip(t testing.TB, xlsx []byte, prefix, old, new string) []byte {
	r, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	found := false
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasPrefix(f.Name, prefix) && bytes.Contains(body, []byte(old)) {
			body, found = bytes.ReplaceAll(body, []byte(old), []byte(new)), true
		}
		out, err := w.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(body)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("patchZip: %q not found under %s", old, prefix)
	}
	return buf.Bytes()
}

// gbkCSV is a roster as a CSV in GBK (what Excel on a Chinese Windows
// saves): "姓名,性别" and one row, in GBK bytes.
var gbkCSV = []byte("\xd0\xd5\xc3\xfb,\xd0\xd4\xb1\xf0\r\n\xd5\xc5\xc3\xf7,\xc4\xd0\r\n")

// oldXLS starts like an .xls file (an OLE compound document).
func oldXLS() []byte {
	return append(bytes.Clone(oleMagic), randomBytes(4096)...)
}

// deepTOML is a rule file with tables nested depth deep.
func deepTOML(depth int) string {
	var b strings.Builder
	b.WriteString("名称 = \"深\"\n[")
	for i := range depth {
		if i > 0 {
			b.WriteByte('.')
		}
		fmt.Fprintf(&b, "t%d", i)
	}
	b.WriteString("]\nx = 1\n")
	return b.String()
}

// deepInlineTOML nests inline arrays depth deep on one line.
func deepInlineTOML(depth int) string {
	return "x = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n"
}
