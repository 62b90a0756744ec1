package sheet

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data/assess"
)

func sampleRuleSet() assess.RuleSet {
	return assess.RuleSet{Name: "清河县委员履职考核", Document: "政协清河县委员会委员履职考核办法", Decimals: 2,
		Grades: []assess.Grade{{Name: "优秀"}, {Name: "合格"}, {Name: "不合格"}}}
}

// sampleResult: a member with a third of a joint proposal, a 常委-only item
// not applying to a 委员, a penalty, a failed gate and a consequence, and
// an excluded member listed first in the roster.
func sampleResult() assess.Result {
	third := assess.Frac(10, 3)
	line := func(title string, p assess.Points, counted bool, note string) assess.Line {
		return assess.Line{Record: assess.Record{Kind: assess.KindProposal, Title: title, Date: "2025-01-07",
			Role: "联名", Authors: 3, Ref: "提案第012号"}, Points: p, Counted: counted, Note: note}
	}
	return assess.Result{Year: 2025, RuleSet: "清河县委员履职考核",
		Items: []string{"参加会议", "提交提案", "参加常委会议"}, Columns: []string{"会议", "提案", "常委会"},
		Members: []assess.MemberResult{
			{Member: assess.Member{Name: "王主席", Sector: "中共"}, Excluded: "主席不参加考核"},
			{Member: assess.Member{Name: "张明", Sector: "教育界", Standing: true}, Rank: 1, Grade: "优秀",
				Items: []assess.ItemResult{
					{Name: "参加会议", Applies: true, Count: 2, Final: assess.Int(20), Points: assess.Int(20)},
					{Name: "提交提案", Applies: true, Count: 1, Final: third, Points: third, Rules: []assess.RuleResult{
						{Name: "每件提案", Count: 2, Points: third, Lines: []assess.Line{
							line("关于学校周边交通的建议", third, true, "联名3人，平均分配"),
							line("关于林下经济的建议", assess.Int(0), false, "超过本项上限")}}}},
					{Name: "参加常委会议", Applies: true, Final: assess.Int(5), Points: assess.Int(5)},
				},
				Bonus: assess.Int(2), Adjustments: []assess.Line{{Record: assess.Record{Kind: assess.KindAdjust,
					Date: "2025-06-01", Note: "抗洪抢险表现突出"}, Points: assess.Int(2), Counted: true}},
				Total: assess.Frac(92, 3)},
			{Member: assess.Member{Name: "李红", Sector: "经济界"}, Rank: 2, Grade: "不合格",
				Items: []assess.ItemResult{
					{Name: "参加会议", Applies: true, Final: assess.Frac(15, 2), Points: assess.Frac(15, 2)},
					{Name: "提交提案", Applies: true},
					{Name: "参加常委会议", Applies: false},
				},
				Penalty: assess.Int(-3), Total: assess.Frac(9, 2),
				Gates:        []assess.GateResult{{Name: "三个一", Missing: []string{"提交提案", "社情民意"}}},
				Consequences: []string{"约谈"}, Notes: []string{"未达基本要求，等次不高于合格"}},
		}}
}

func writeAssessment(t *testing.T, opts AssessmentOptions) *excelize.File {
	t.Helper()
	return writeAndOpen(t, func(b *bytes.Buffer) error {
		return WriteAssessment(b, testCommittee, sampleRuleSet(), sampleResult(), opts)
	})
}

func TestAssessmentSheetRows(t *testing.T) {
	f := writeAssessment(t, AssessmentOptions{})
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != assessSheet {
		t.Fatalf("sheets %v, want only %s without Detail", sheets, assessSheet)
	}
	rows, _ := f.GetRows(assessSheet)
	if rows[0][0] != "政协清河县委员会2025年度委员履职考核结果" {
		t.Errorf("title %q", rows[0][0])
	}
	if rows[1][0] != "考核办法：《政协清河县委员会委员履职考核办法》" {
		t.Errorf("subtitle %q is not the committee's own document", rows[1][0])
	}
	want := "序号|姓名|界别|常委|会议|提案|常委会|加分|扣分|总分|等次|排名|备注"
	if got := strings.Join(rows[2], "|"); got != want {
		t.Fatalf("header\n got %s\nwant %s", got, want)
	}
	for i, w := range []string{
		// A third prints as 3.33, 92/3 as 30.67.
		"1|张明|教育界|是|20|3.33|5|2|0|30.67|优秀|1",
		"2|李红|经济界||7.5|0|—|0|-3|4.5|不合格|2|结果运用：约谈；未达“三个一”：缺提交提案、社情民意；未达基本要求，等次不高于合格",
		// The excluded member goes last, without points or rank.
		"3|王主席|中共||||||||||不参加考核：主席不参加考核",
	} {
		if got := strings.Join(rows[3+i], "|"); got != w {
			t.Errorf("row %d\n got %s\nwant %s", 4+i, got, w)
		}
	}
	if typ, _ := f.GetCellType(assessSheet, "J4"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("总分 is text (%v); it must sort and sum in Excel", typ)
	}
	if raw, _ := f.GetCellValue(assessSheet, "F4", excelize.Options{RawCellValue: true}); raw != "3.33" {
		t.Errorf("a third is stored as %q, want the printed 3.33", raw)
	}
	note := rows[6][0]
	for _, w := range []string{"参加考核 2 人", "优秀 1 人", "不合格 1 人", "不参加考核 1 人", "保留 2 位小数"} {
		if !strings.Contains(note, w) {
			t.Errorf("note lacks %q: %s", w, note)
		}
	}
	merged, _ := f.GetMergeCells(assessSheet)
	found := false
	for _, m := range merged {
		found = found || m.GetStartAxis() == "A1" && m.GetEndAxis() == "M1"
	}
	if !found {
		t.Errorf("title not merged across the table: %v", merged)
	}
}

func TestAssessmentSheetDecimals(t *testing.T) {
	rs := sampleRuleSet()
	rs.Decimals = 1
	f := writeAndOpen(t, func(b *bytes.Buffer) error {
		return WriteAssessment(b, testCommittee, rs, sampleResult(), AssessmentOptions{})
	})
	if v, _ := f.GetCellValue(assessSheet, "J4"); v != "30.7" {
		t.Errorf("92/3 with one decimal prints %q, want 30.7", v)
	}
}

func TestAssessmentSheetPrintLayout(t *testing.T) {
	f := writeAssessment(t, AssessmentOptions{Detail: true})
	for _, c := range []struct {
		sheet, orientation string
	}{{assessSheet, "landscape"}, {detailSheet, "portrait"}} {
		layout, err := f.GetPageLayout(c.sheet)
		if err != nil || *layout.Orientation != c.orientation || *layout.Size != 9 || *layout.FitToWidth != 1 {
			t.Errorf("%s page layout %+v %v", c.sheet, layout, err)
		}
		hf, _ := f.GetHeaderFooter(c.sheet)
		if hf == nil || !strings.Contains(hf.OddFooter, "第 &P 页 共 &N 页") {
			t.Errorf("%s footer %+v", c.sheet, hf)
		}
		found := false
		for _, n := range f.GetDefinedName() {
			found = found || n.Name == "_xlnm.Print_Titles" && n.RefersTo == "'"+c.sheet+"'!$3:$3"
		}
		if !found {
			t.Errorf("%s header row not repeated: %+v", c.sheet, f.GetDefinedName())
		}
		if panes, _ := f.GetPanes(c.sheet); !panes.Freeze || panes.YSplit != 3 {
			t.Errorf("%s panes %+v, want the header frozen", c.sheet, panes)
		}
	}
}

func TestAssessmentDetailSheet(t *testing.T) {
	f := writeAssessment(t, AssessmentOptions{Detail: true})
	rows, _ := f.GetRows(detailSheet)
	text := make([]string, len(rows))
	for i, r := range rows {
		text[i] = strings.Join(r, "|")
	}
	all := strings.Join(text, "\n")
	if rows[0][0] != "政协清河县委员会2025年度委员履职考核结果明细" {
		t.Errorf("detail title %q", rows[0][0])
	}
	for _, w := range []string{
		"1. 张明（教育界，常委）　总分 30.67　等次 优秀　排名 1",
		"提交提案|小计||1 条记录|3.33\n",
		"|每件提案|2025-01-07|提案第012号 关于学校周边交通的建议（联名，共3人）|3.33|联名3人，平均分配；精确值 10/3",
		"|每件提案|2025-01-07|提案第012号 关于林下经济的建议（联名，共3人）|不计|超过本项上限",
		"加分|人工录入|2025-06-01|抗洪抢险表现突出|2\n",
		"参加常委会议|||本项不适用|—\n",
		"基本要求|三个一||未达到：缺提交提案、社情民意",
		"备注：结果运用：约谈；未达基本要求，等次不高于合格",
		"3. 王主席（中共）　不参加考核：主席不参加考核",
	} {
		if !strings.Contains(all, w) {
			t.Errorf("detail lacks %q\n%s", w, all)
		}
	}
}

func TestAssessmentFileIsAtomic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "结果.xlsx")
	if err := AssessmentFile(path, testCommittee, sampleRuleSet(), sampleResult(), AssessmentOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(assessSheet, "B4"); v != "张明" {
		t.Errorf("B4 %q", v)
	}
	if err := AssessmentFile(filepath.Join(t.TempDir(), "无此目录", "x.xlsx"), testCommittee, sampleRuleSet(),
		sampleResult(), AssessmentOptions{}); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

// On a shipped preset (桐城's, as the demo county has) both sheets' subtitle
// is empty: another county's 办法 is not this committee's.
func TestAssessmentSheetCitesNoPresetDocument(t *testing.T) {
	rs := sampleRuleSet()
	rs.Name, rs.Document = "桐城市委员履职考核", "政协桐城市委员会委员履职考核暂行办法"
	f := writeAndOpen(t, func(b *bytes.Buffer) error {
		return WriteAssessment(b, testCommittee, rs, sampleResult(), AssessmentOptions{Detail: true})
	})
	for _, sh := range f.GetSheetList() {
		if v, _ := f.GetCellValue(sh, "A2"); v != "" {
			t.Errorf("%s subtitle %q cites the preset", sh, v)
		}
	}
}
