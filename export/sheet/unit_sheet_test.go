package sheet

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

func sampleUnitStats() []data.UnitStat {
	return []data.UnitStat{
		{Unit: data.Unit{Name: "县教育局", Kind: "县直部门"}, Lead: 3, Co: 1, Owed: 3, Answered: 2, Overdue: 1,
			Classes: map[string]int{"A": 1, "B": 1}, Satisfied: 2, Basic: 1},
		{Unit: data.Unit{Name: "县财政局", Kind: "县直部门"}, Lead: 1, Split: 1, Owed: 2, Answered: 2,
			Classes: map[string]int{"C": 1, "D": 1}, Satisfied: 1, Unsatisfied: 2},
		{Unit: data.Unit{Name: "城关镇人民政府", Kind: "乡镇街道"}, Co: 2, Classes: map[string]int{}},
	}
}

func writeUnitSheet(t *testing.T, stats []data.UnitStat) *excelize.File {
	t.Helper()
	doc := UnitSheetDoc{Title: UnitSheetTitle(testCommittee, testTerm, &testSessions[1]), Date: "统计日期：2026年11月22日",
		Classes: proposal.Default().Classes, Stats: stats}
	return writeAndOpen(t, func(b *bytes.Buffer) error { return WriteUnitSheet(b, doc) })
}

func TestUnitSheetRowsAndTotals(t *testing.T) {
	f := writeUnitSheet(t, sampleUnitStats())
	rows, _ := f.GetRows(unitSheet)
	if rows[0][0] != "政协清河县第十一届委员会第五次会议提案承办单位办理情况统计表" || rows[1][0] != "统计日期：2026年11月22日" {
		t.Errorf("title %q date %q", rows[0][0], rows[1][0])
	}
	// The configured A–C, then D: a class no longer configured but found
	// in an answer still gets its column.
	want := []string{"序号", "单位名称", "单位类型", "主办", "会办", "分办", "应答复", "已答复", "办复率", "超期未复",
		"A类", "B类", "C类", "D类", "满意", "基本满意", "不满意", "满意率"}
	if !slices.Equal(rows[2], want) {
		t.Fatalf("header\n got %v\nwant %v", rows[2], want)
	}
	line := func(i int) string { return strings.Join(rows[i], "|") }
	for i, w := range []string{
		"1|县教育局|县直部门|3|1|0|3|2|66.7%|1|1|1|0|0|2|1|0|100.0%",
		"2|县财政局|县直部门|1|0|1|2|2|100.0%|0|0|0|1|1|1|0|2|33.3%",
		"3|城关镇人民政府|乡镇街道|0|2|0|0|0|—|0|0|0|0|0|0|0|0|—",
		// 合计: sums, and both rates from the sums (4/5, 4/6).
		"合计|||4|3|1|5|4|80.0%|1|1|1|1|1|3|1|2|66.7%",
	} {
		if got := line(3 + i); got != w {
			t.Errorf("row %d\n got %s\nwant %s", 4+i, got, w)
		}
	}
	if typ, _ := f.GetCellType(unitSheet, "D4"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("主办 count is text (%v); it must add up in Excel", typ)
	}
	merged, _ := f.GetMergeCells(unitSheet)
	found := false
	for _, m := range merged {
		found = found || m.GetStartAxis() == "A7" && m.GetEndAxis() == "C7"
	}
	if !found {
		t.Errorf("合计 label not merged over 序号 to 单位类型: %v", merged)
	}
	id, _ := f.GetCellStyle(unitSheet, "D7")
	if st, _ := f.GetStyle(id); st.Font == nil || st.Font.Family != "黑体" {
		t.Errorf("合计 row not set off in 黑体: %+v", st.Font)
	}
	note := rows[7][0]
	for _, w := range []string{"办复率＝已答复÷应答复", "A类：所提问题已经解决或基本解决", "D类）", "满意率＝（满意＋基本满意）÷评价人次"} {
		if !strings.Contains(note, w) {
			t.Errorf("note lacks %q: %s", w, note)
		}
	}
}

func TestUnitSheetPrintLayout(t *testing.T) {
	f := writeUnitSheet(t, sampleUnitStats())
	layout, err := f.GetPageLayout(unitSheet)
	if err != nil || *layout.Orientation != "portrait" || *layout.Size != 9 || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
		t.Errorf("page layout %+v %v", layout, err)
	}
	found := false
	for _, n := range f.GetDefinedName() {
		found = found || n.Name == "_xlnm.Print_Titles" && n.RefersTo == "'承办单位办理情况'!$3:$3"
	}
	if !found {
		t.Errorf("header row not repeated on printed pages: %+v", f.GetDefinedName())
	}
	if panes, _ := f.GetPanes(unitSheet); !panes.Freeze || panes.YSplit != 3 || panes.XSplit != 2 {
		t.Errorf("panes %+v, want header and unit names frozen", panes)
	}
}

func TestUnitSheetEmpty(t *testing.T) {
	f := writeUnitSheet(t, nil)
	rows, _ := f.GetRows(unitSheet)
	if got := strings.Join(rows[3], "|"); got != "合计|||0|0|0|0|0|—|0|0|0|0|0|0|0|—" {
		t.Errorf("empty 合计 %s", got)
	}
}

func TestPercentRoundsHalfUpExactly(t *testing.T) {
	for _, c := range []struct {
		n, d int
		want string
	}{
		{2, 3, "66.7%"}, {1, 3, "33.3%"}, {1, 16, "6.3%"}, {3, 16, "18.8%"}, {1, 8, "12.5%"},
		{0, 5, "0.0%"}, {5, 5, "100.0%"}, {999, 1000, "99.9%"}, {1999, 2000, "100.0%"}, {0, 0, "—"},
	} {
		if got := Percent(c.n, c.d); got != c.want {
			t.Errorf("Percent(%d, %d) = %s, want %s", c.n, c.d, got, c.want)
		}
	}
}
