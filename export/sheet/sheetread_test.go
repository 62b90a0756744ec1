package sheet

import (
	"bytes"
	"maps"
	"strings"
	"testing"
)

// The scan keeps what the readers need from a sheet: number cells with
// their stored value and style (from the cell, its row or its column),
// merged ranges, and a copy of the sheet with only the cells that hold
// values, prefixes dropped and positions made explicit.
func TestScanSheet(t *testing.T) {
	xml := `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<x:dimension ref="A1:C3"/><x:cols><x:col min="3" max="3" style="7"/></x:cols><x:sheetData>` +
		`<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="2"/><x:c s="4"><x:v>12.5</x:v></x:c></x:row>` +
		`<x:row r="3" s="9"><x:c r="A3"><x:v>45000</x:v></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>a&amp;b<!-- c --></x:t></x:is></x:c>` +
		`<x:c r="C3"><x:v>1</x:v></x:c><x:c r="XFD3" s="1"/></x:row>` +
		`</x:sheetData><x:mergeCells><x:mergeCell ref="A3:B4"/></x:mergeCells></x:worksheet>`
	sc, err := scanSheet(strings.NewReader(xml), "名册", 1)
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]int]numCell{{0, 2}: {"12.5", 4}, {2, 0}: {"45000", 9}, {2, 2}: {"1", 9}}
	if !maps.Equal(sc.nums, want) {
		t.Errorf("nums %v, want %v", sc.nums, want)
	}
	if len(sc.merges) != 1 || sc.merges[0] != [4]int{2, 0, 3, 1} {
		t.Errorf("merges %v", sc.merges)
	}
	cells := string(sc.cells)
	for _, s := range []string{`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="4"><v>12.5</v></c></row>`,
		`<c r="B3" t="inlineStr"><is><t>a&amp;b</t></is></c>`} {
		if !strings.Contains(cells, s) {
			t.Errorf("cells lack %s:\n%s", s, cells)
		}
	}
	if strings.Contains(cells, "XFD") || strings.Contains(cells, "B1") {
		t.Errorf("style-only cells kept:\n%s", cells)
	}
}

// Column styles apply to a number cell only without a cell or row style.
func TestScanSheetColumnStyle(t *testing.T) {
	xml := `<worksheet><cols><col min="1" max="2" style="7"/></cols><sheetData><row r="2"><c r="B2"><v>3</v></c></row>` +
		`</sheetData></worksheet>`
	sc, err := scanSheet(strings.NewReader(xml), "表", 1)
	if err != nil || sc.nums[[2]int{1, 1}] != (numCell{"3", 7}) {
		t.Fatalf("%v %v", sc, err)
	}
}

// FuzzScanSheet: any bytes as a worksheet either fail or scan within the
// bounds, and the copy the scan makes for excelize scans to the same cells.
func FuzzScanSheet(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<worksheet><dimension ref="A1:XFD1048576"/><sheetData><row><c><v>1</v></c><c/><c s="1"><f>1+1</f></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row r="2"><c r="XFD2"><v>1</v></c></row><row><c><v><![CDATA[<&>]]></v></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<a:worksheet><a:sheetData><a:row><a:c t="s"><a:v>0</a:v></a:c></a:row><!-- > --></a:sheetData></a:worksheet>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		sc, err := scanSheet(bytes.NewReader(b), "表", 1)
		if err != nil {
			if !hasHan(err.Error()) {
				t.Fatalf("error not in Chinese: %v", err)
			}
			return
		}
		for p := range sc.nums {
			if p[0] < 0 || p[0] >= maxRowIndex || p[1] < 0 || p[1] >= maxColumns {
				t.Fatalf("number cell %v out of bounds", p)
			}
		}
		again, err := scanSheet(bytes.NewReader(sc.cells), "表", 1)
		if err != nil {
			t.Fatalf("the copy does not scan: %v\n%s", err, sc.cells)
		}
		if !maps.Equal(again.nums, sc.nums) {
			t.Fatalf("the copy scans to %v, the sheet to %v\n%s", again.nums, sc.nums, sc.cells)
		}
	})
}
