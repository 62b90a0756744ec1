package sheet

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

var (
	testCommittee = data.Committee{Name: "政协清河县委员会", ShortName: "清河县"}
	testTerm      = data.Term{ID: 1, Number: 11, StartYear: 2021, EndYear: 2026, Current: true}
	testSessions  = []data.Session{{ID: 4, TermID: 1, Number: 4}, {ID: 5, TermID: 1, Number: 5}}
	testNow       = time.Date(2026, 11, 22, 9, 0, 0, 0, time.Local)
)

// sampleProposals are a session's proposals in every kind of state.
func sampleProposals() []data.Proposal {
	joint := data.Proposal{ID: 11, SessionID: 5, Number: 1, Title: "关于改善城区学校周边交通秩序、加强上下学时段护学岗建设和完善校车管理制度的建议",
		Category: "社会建设", Kind: "大会提案", Submitted: "2026-01-11", ProposerType: "委员联名", Sector: "教育界",
		Proposers: []data.Proposer{{Seq: 1, Name: "张明"}, {Seq: 2, Name: "李红"}, {Seq: 3, Name: "王强"}},
		Status:    proposal.Answered, AssignMode: proposal.ModeLead, AssignedDate: "2026-02-20", Deadline: "2026-05-20",
		Units: []data.Assignment{{Unit: "县教育局", Role: proposal.RoleLead}, {Unit: "县公安局", Role: proposal.RoleCo},
			{Unit: "县交通运输局", Role: proposal.RoleCo}},
		Class: "A", AnswerDate: "2026-04-28", Verdicts: map[int]string{1: "满意", 2: "满意", 3: "基本满意"},
		KeyTier: "重点督办", KeyLeader: "刘副县长", ExcellentYear: 2026}
	split := data.Proposal{ID: 12, SessionID: 5, Number: 2, Title: "关于发展林下经济的建议", Category: "经济建设",
		Kind: "大会提案", Submitted: "2026-01-12", ProposerType: "委员个人", Sector: "农业界",
		Proposers: []data.Proposer{{Seq: 1, Name: "赵刚"}}, Status: proposal.Handling, AssignMode: proposal.ModeSplit,
		AssignedDate: "2026-02-20", Deadline: "2026-05-20",
		Units: []data.Assignment{{Unit: "县林业局", Role: proposal.RoleSplit}, {Unit: "县农业农村局", Role: proposal.RoleSplit}}}
	rejected := data.Proposal{ID: 13, SessionID: 5, Number: 3, Title: "关于解决本人子女入学问题的建议", Category: "其他",
		Kind: "平时提案", Submitted: "2026-03-02", ProposerType: "委员个人", Proposers: []data.Proposer{{Seq: 1, Name: "孙丽"}},
		Status: proposal.Rejected, RejectReason: "涉及提案者本人及其亲属的个人事务", Disposition: "转社情民意"}
	merged := data.Proposal{ID: 14, SessionID: 5, Number: 4, Title: "关于学校周边交通的建议", Category: "社会建设",
		Kind: "大会提案", Submitted: "2026-01-12", ProposerType: "民盟", Proposers: []data.Proposer{{Seq: 1, Name: "民盟清河县委员会"}},
		Status: proposal.Merged, MergedInto: 11, Note: "内容与第001号相近"}
	return []data.Proposal{joint, split, rejected, merged}
}

func sessionLedger(t *testing.T) *excelize.File {
	t.Helper()
	doc := LedgerDoc{Committee: testCommittee, Term: testTerm, Session: &testSessions[1], Sessions: testSessions,
		Proposals: sampleProposals(), Config: proposal.Default(), Now: testNow}
	return writeAndOpen(t, func(b *bytes.Buffer) error { return WriteLedger(b, doc) })
}

func writeAndOpen(t *testing.T, write func(*bytes.Buffer) error) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func openFile(t *testing.T, path, sheet string) (*excelize.File, [][]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return f, rows
}

// rowMap reads a data row as header → value.
func rowMap(t *testing.T, f *excelize.File, sheet string, row int) map[string]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for i, h := range unbroken(rows[tableHeaderRow-1]) {
		if i < len(rows[row-1]) {
			out[h] = rows[row-1][i]
		}
	}
	return out
}

// unbroken joins the lines of headers broken for print.
func unbroken(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strings.ReplaceAll(x, "\n", "")
	}
	return out
}

func TestLedgerTitleHeaderAndRows(t *testing.T) {
	f := sessionLedger(t)
	rows, _ := f.GetRows(ledgerSheet)
	if rows[0][0] != "政协清河县第十一届委员会第五次会议提案台账" || rows[1][0] != "制表日期：2026年11月22日" {
		t.Errorf("title %q, date %q", rows[0][0], rows[1][0])
	}
	wantHeader := []string{"序号", "案号", "案由", "类别", "提案者性质", "提案人", "界别", "提案类型", "提交日期", "状态",
		"主办/分办单位", "会办单位", "交办日期", "办理期限", "答复日期", "办理结果", "满意度", "重点", "优秀", "备注"}
	if got := unbroken(rows[2]); !slices.Equal(got, wantHeader) {
		t.Errorf("header\n got %v\nwant %v", got, wantHeader)
	}
	first := rowMap(t, f, ledgerSheet, 4)
	for col, want := range map[string]string{
		"序号": "1", "案号": "第001号", "提案人": "张明、李红、王强", "主办/分办单位": "县教育局", "会办单位": "县公安局\n县交通运输局",
		"提案类型": "大会", "交办日期": "2026-02-20", "办理期限": "2026-05-20", "答复日期": "2026-04-28", "办理结果": "A",
		"满意度": "满意2\n基本满意1", "重点": "重点督办\n刘副县长", "优秀": "是", "状态": "已答复", "提案者性质": "委员联名",
	} {
		if first[col] != want {
			t.Errorf("first row %s = %q, want %q", col, first[col], want)
		}
	}
	if h, _ := f.GetRowHeight(ledgerSheet, 4); h < 60 {
		t.Errorf("row with a long 案由 is %.0f high, its lines would be cut", h)
	}
	second := rowMap(t, f, ledgerSheet, 5)
	if second["主办/分办单位"] != "分办：\n县林业局\n县农业农村局" || second["状态"] != "办理中\n已超期" || second["满意度"] != "" {
		t.Errorf("分办 row: units %q status %q satisfaction %q", second["主办/分办单位"], second["状态"], second["满意度"])
	}
	third := rowMap(t, f, ledgerSheet, 6)
	if third["状态"] != "不予立案\n转社情民意" || third["备注"] != "不予立案理由：涉及提案者本人及其亲属的个人事务" || third["提案类型"] != "平时" {
		t.Errorf("不予立案 row: status %q note %q kind %q", third["状态"], third["备注"], third["提案类型"])
	}
	if fourth := rowMap(t, f, ledgerSheet, 7); fourth["状态"] != "并案\n并入第001号" || fourth["提案者性质"] != "民盟" {
		t.Errorf("并案 row: status %q type %q", fourth["状态"], fourth["提案者性质"])
	}
	if got := rows[7][0]; got != "共 4 件，其中立案 2 件（已交办 2 件，已答复 1 件，办结 0 件），不予立案 1 件，并案 1 件。"+
		"办理结果：A类 1 件。重点提案 1 件。优秀提案 1 件。" {
		t.Errorf("totals line %q", got)
	}
}

func TestLedgerWholeTermHasSessionColumn(t *testing.T) {
	ps := sampleProposals()
	ps[3].SessionID, ps[3].Number = 4, 9
	doc := LedgerDoc{Committee: testCommittee, Term: testTerm, Sessions: testSessions, Proposals: ps,
		Config: proposal.Default(), Now: testNow}
	f := writeAndOpen(t, func(b *bytes.Buffer) error { return WriteLedger(b, doc) })
	rows, _ := f.GetRows(ledgerSheet)
	if rows[0][0] != "政协清河县第十一届委员会提案台账" {
		t.Errorf("title %q", rows[0][0])
	}
	if rows[2][0] != "会次" || rows[2][1] != "序号" || rows[3][0] != "五次" || rows[6][0] != "四次" || rows[6][2] != "第009号" {
		t.Errorf("会次 column: header %v, rows %v / %v", rows[2][:3], rows[3][:3], rows[6][:3])
	}
	if panes, _ := f.GetPanes(ledgerSheet); panes.XSplit != 4 || panes.YSplit != 3 {
		t.Errorf("panes %+v, want 会次 to 案由 and the header frozen", panes)
	}
}

func TestLedgerPrintLayout(t *testing.T) {
	f := sessionLedger(t)
	layout, err := f.GetPageLayout(ledgerSheet)
	if err != nil || *layout.Orientation != "landscape" || *layout.Size != 9 || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
		t.Errorf("page layout %+v %v", layout, err)
	}
	found := false
	for _, n := range f.GetDefinedName() {
		found = found || n.Name == "_xlnm.Print_Titles" && n.RefersTo == "'提案台账'!$3:$3"
	}
	if !found {
		t.Errorf("header row not repeated on printed pages: %+v", f.GetDefinedName())
	}
	if panes, _ := f.GetPanes(ledgerSheet); !panes.Freeze || panes.YSplit != 3 || panes.XSplit != 3 {
		t.Errorf("panes %+v", panes)
	}
	if hf, _ := f.GetHeaderFooter(ledgerSheet); !strings.Contains(hf.OddFooter, "第 &P 页 共 &N 页") {
		t.Errorf("footer %q", hf.OddFooter)
	}
	id, _ := f.GetCellStyle(ledgerSheet, "C4")
	if st, _ := f.GetStyle(id); !st.Alignment.WrapText || len(st.Border) != 4 {
		t.Errorf("案由 cell: wrap %v borders %d", st.Alignment.WrapText, len(st.Border))
	}
	merged, _ := f.GetMergeCells(ledgerSheet)
	if len(merged) < 3 || merged[0].GetEndAxis() != "T1" {
		t.Errorf("title not merged across all 20 columns: %v", merged)
	}
	// The row must fit one landscape page without shrinking text below ~8 pt.
	total := 0.0
	for i := range ledgerColumns {
		w, _ := f.GetColWidth(ledgerSheet, colName(i+1))
		total += w
	}
	if total > 200 {
		t.Errorf("columns add up to %.0f units; printed text would be too small", total)
	}
}

func TestSatisfaction(t *testing.T) {
	two := []data.Proposer{{Seq: 1, Name: "甲"}, {Seq: 2, Name: "乙"}}
	for _, c := range []struct {
		proposers []data.Proposer
		verdicts  map[int]string
		want      string
	}{
		{two[:1], nil, ""},
		{two[:1], map[int]string{1: "不满意"}, "不满意"},
		{two, map[int]string{1: "基本满意"}, "基本满意1 未评1"},
		{two, map[int]string{1: "不满意", 2: "满意"}, "满意1 不满意1"},
	} {
		p := data.Proposal{Proposers: c.proposers, Verdicts: c.verdicts}
		if got := Satisfaction(p); got != c.want {
			t.Errorf("Satisfaction(%v) = %q, want %q", c.verdicts, got, c.want)
		}
	}
}

func TestLedgerSummaryEmptyAndPending(t *testing.T) {
	if got := LedgerSummary(nil, proposal.Default()); got != "共 0 件。" {
		t.Errorf("empty %q", got)
	}
	ps := []data.Proposal{{Status: proposal.Submitted}, {Status: proposal.Reviewing}, {Status: proposal.Withdrawn}}
	if got := LedgerSummary(ps, proposal.Default()); got != "共 3 件，其中立案 0 件（已交办 0 件，已答复 0 件，办结 0 件），撤案 1 件，待审查 2 件。" {
		t.Errorf("pending %q", got)
	}
}
