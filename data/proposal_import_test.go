package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/datatest"
	"zhengxie/data/proposal"
)

// importFixture is a county whose 第十一届 has a 第五次会议, four members
// (two of them called 刘洋) and three units.
type importFixture struct {
	t       *testing.T
	s       *data.Store
	ctx     context.Context
	session data.Session
	opts    data.ProposalImportOptions
}

func newImportFixture(t *testing.T) *importFixture {
	t.Helper()
	s, term := datatest.County(t)
	f := &importFixture{t: t, s: s, ctx: context.Background(),
		session: data.Session{TermID: term.ID, Number: 5, StartDate: "2025-01-10"},
		opts:    data.ProposalImportOptions{Source: "2025年提案台账.xlsx", Actor: "小周"}}
	if err := s.SaveSession(f.ctx, &f.session); err != nil {
		t.Fatal(err)
	}
	for _, m := range [][3]string{{"张明", "清河县发展和改革局局长", "1970-01"}, {"李红", "清河县妇幼保健院院长", "1972-03"},
		{"刘洋", "清河县第一中学校长", "1975-05"}, {"刘洋", "清河县人民医院副院长", "1981-09"}} {
		x := data.Member{Person: data.Person{Name: m[0], Gender: "男", Birth: m[2]},
			Membership: data.Membership{TermID: term.ID, Party: "中共", Sector: "经济界", WorkUnit: m[1]}}
		if err := s.CreateMember(f.ctx, &x); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"县教育局", "县财政局", "县交通运输局"} {
		if err := s.SaveUnit(f.ctx, &data.Unit{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// prow is a register row: a filed proposal by 张明, plus the given cells.
func prow(row int, number string, cells ...string) data.ProposalRow {
	c := map[string]string{data.ColNumber: number, data.ColTitle: "关于第" + number + "号事项的建议",
		data.ColCategory: "社会建设", data.ColProposers: "张明", data.ColSubmitted: "2025-01-11"}
	for i := 0; i+1 < len(cells); i += 2 {
		c[cells[i]] = cells[i+1]
	}
	return data.ProposalRow{Row: row, Cells: c}
}

func (f *importFixture) plan(rows ...data.ProposalRow) data.ProposalImportPlan {
	f.t.Helper()
	plan, err := f.s.PlanProposalImport(f.ctx, f.session.ID, rows, f.opts)
	if err != nil {
		f.t.Fatal(err)
	}
	return plan
}

func (f *importFixture) apply(rows ...data.ProposalRow) data.ProposalImportResult {
	f.t.Helper()
	res, err := f.s.ImportProposals(f.ctx, f.session.ID, rows, f.opts)
	if err != nil {
		f.t.Fatalf("import: %v (issues %v)", err, f.plan(rows...).Issues)
	}
	return res
}

// byNumber lists the session's proposals by 案号.
func (f *importFixture) byNumber() map[int]data.Proposal {
	f.t.Helper()
	ps, err := f.s.ListProposals(f.ctx, data.ProposalFilter{SessionID: f.session.ID})
	if err != nil {
		f.t.Fatal(err)
	}
	out := map[int]data.Proposal{}
	for _, p := range ps {
		out[p.Number] = p
	}
	return out
}

func TestProposalImportRowProblems(t *testing.T) {
	const A, L = data.ColStatus, data.ColLead
	cases := []struct {
		name  string
		rows  []data.ProposalRow
		row   int
		field string
		msg   string
	}{
		{"unknown member", []data.ProposalRow{prow(4, "1", data.ColProposers, "张明、赵六")}, 4, data.ColProposers, "“赵六”不是第十一届委员"},
		{"ambiguous member names both work units", []data.ProposalRow{prow(4, "1", data.ColProposers, "刘洋")}, 4,
			data.ColProposers, "有 2 位委员名为“刘洋”（清河县第一中学校长；清河县人民医院副院长）"},
		{"unknown category names the list", []data.ProposalRow{prow(4, "1", data.ColCategory, "农业农村")}, 4,
			data.ColCategory, "“农业农村”不在提案类别列表中（现有：经济建设、政治建设、文化建设、社会建设、生态文明建设、其他"},
		{"missing category", []data.ProposalRow{prow(4, "1", data.ColCategory, "")}, 4, data.ColCategory, "请填写类别"},
		{"bad date", []data.ProposalRow{prow(4, "1", data.ColSubmitted, "2025.13.1")}, 4, data.ColSubmitted, "月份 13 不存在"},
		{"bad answer date", []data.ProposalRow{prow(4, "1", L, "县教育局", data.ColAnswered, "去年")}, 4, data.ColAnswered, "“去年”无法识别"},
		{"duplicate 案号 in the sheet", []data.ProposalRow{prow(4, "12"), prow(5, "第012号")}, 5, data.ColNumber, "第012号与第 4 行重复"},
		{"class not in config", []data.ProposalRow{prow(4, "1", L, "县教育局", data.ColClass, "D类")}, 4,
			data.ColClass, "“D类”不是办理结果分类，应为A、B、C类之一"},
		{"missing 案号", []data.ProposalRow{prow(4, "")}, 4, data.ColNumber, "缺少案号"},
		{"unreadable 案号", []data.ProposalRow{prow(4, "12-3")}, 4, data.ColNumber, "“12-3”无法识别"},
		{"empty title", []data.ProposalRow{prow(4, "1", data.ColTitle, " ")}, 4, data.ColTitle, "案由不能为空"},
		{"unknown state", []data.ProposalRow{prow(4, "1", A, "待定")}, 4, A, "“待定”无法识别"},
		{"merged without master", []data.ProposalRow{prow(4, "1", A, "并案")}, 4, A, "没有写明并入哪一件提案"},
		{"master missing", []data.ProposalRow{prow(4, "1", A, "并入第99号")}, 4, A, "并入的第099号提案在表中和本次会议中都没有"},
		{"master not a main proposal", []data.ProposalRow{prow(4, "1", A, "撤案"), prow(5, "2", A, "并入第1号")}, 5, A,
			"并入的第001号提案状态为“撤案”"},
		{"handled without a lead unit", []data.ProposalRow{prow(4, "1", A, "办理中")}, 4, L, "需要主办单位"},
		{"two lead units", []data.ProposalRow{prow(4, "1", L, "县教育局、县财政局")}, 4, L, "主办单位只能有一个"},
		{"answer before 交办", []data.ProposalRow{prow(4, "1", L, "县教育局", data.ColAssigned, "2025-03-01",
			data.ColAnswered, "2025-02-01", data.ColClass, "A")}, 4, data.ColAnswered, "早于交办日期 2025-03-01"},
		{"satisfaction not a verdict", []data.ProposalRow{prow(4, "1", L, "县教育局", data.ColClass, "A", data.ColSatisfaction, "较满意")}, 4,
			data.ColSatisfaction, "“较满意”无法识别"},
		{"satisfaction count differs", []data.ProposalRow{prow(4, "1", data.ColProposers, "张明、李红", L, "县教育局",
			data.ColClass, "A", data.ColSatisfaction, "满意3")}, 4, data.ColSatisfaction, "与提案人数（2 人）不符"},
		{"other session", []data.ProposalRow{prow(4, "1", data.ColSession, "四次")}, 4, data.ColSession, "本行是第四次会议的提案，而导入的是第五次会议"},
		{"organisation without a proposer type", []data.ProposalRow{prow(4, "1", data.ColProposers, "民盟清河县委员会")}, 4,
			data.ColProposers, "“民盟清河县委员会”不是第十一届委员；如是集体提案，请在“提案者性质”列填写党派、人民团体、界别等"},
		{"unknown proposer type", []data.ProposalRow{prow(4, "1", data.ColProposerType, "外单位")}, 4, data.ColProposerType, "应为委员个人、委员联名"},
		{"unknown 重点", []data.ProposalRow{prow(4, "1", data.ColKey, "很重要")}, 4, data.ColKey, "应为“是”或重点督办、重点办理、跟踪督办之一"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newImportFixture(t)
			plan := f.plan(c.rows...)
			if len(plan.Issues) != 1 {
				t.Fatalf("issues = %+v, want exactly one", plan.Issues)
			}
			is := plan.Issues[0]
			if is.Row != c.row || is.Field != c.field || !strings.Contains(is.Msg, c.msg) {
				t.Errorf("issue = %+v, want row %d %s containing %q", is, c.row, c.field, c.msg)
			}
			if _, err := f.s.ImportProposals(f.ctx, f.session.ID, c.rows, f.opts); !errors.Is(err, data.ErrImportHasIssues) {
				t.Errorf("import err = %v, want ErrImportHasIssues", err)
			}
		})
	}
}

func TestProposalImportStoresEachStateWithOneHistoryRow(t *testing.T) {
	f := newImportFixture(t)
	const A, L, C = data.ColStatus, data.ColLead, data.ColClass
	rows := []data.ProposalRow{
		prow(4, "第001号", A, "已提交"),
		prow(5, "2", A, "已立案"),
		prow(6, "3", L, "县教育局", data.ColCo, "县财政局", data.ColAssigned, "2025-02-20"), // inferred 办理中
		prow(7, "4", data.ColProposers, "张明、李红", A, "已答复", L, "县教育局", data.ColAssigned, "2025-02-20",
			data.ColAnswered, "2025-04-28", C, "A类", data.ColDocNo, "教函〔2025〕8号", data.ColSatisfaction, "满意、基本满意"),
		prow(8, "5", L, "分办：县教育局、县交通运输局", data.ColAssigned, "2025-02-20", data.ColAnswered, "2025-05-06",
			C, "B", data.ColSatisfaction, "满意"), // inferred 办结
		prow(9, "6", A, "不予立案（转社情民意）", data.ColNote, "不予立案理由：内容空泛、没有具体建议；已电话告知"),
		prow(10, "7", A, "并案\n（并入第004号）"),
		prow(11, "8", A, "撤案", data.ColNote, "撤案理由：提案人申请撤回"),
		prow(12, "9", data.ColProposerType, "党派团体", data.ColProposers, "民盟清河县委员会", data.ColKey, "重点督办\n王副县长",
			data.ColExcellent, "是"),
	}
	res := f.apply(rows...)
	// The 党派 proposal (row 12) says nothing of its state: 已提交.
	want := map[proposal.Status]int{proposal.Submitted: 2, proposal.Filed: 1, proposal.Handling: 1, proposal.Answered: 1,
		proposal.Closed: 1, proposal.Rejected: 1, proposal.Merged: 1, proposal.Withdrawn: 1}
	for st, n := range want {
		if res.ByStatus[st] != n {
			t.Errorf("%s: %d, want %d (all %v)", st, res.ByStatus[st], n, res.ByStatus)
		}
	}
	if res.Created != 9 || res.Skipped != 0 {
		t.Fatalf("result %+v", res)
	}
	ps := f.byNumber()
	if p := ps[3]; p.Deadline != "2025-05-20" || p.UnitNames(proposal.RoleLead) != "县教育局" || p.UnitNames(proposal.RoleCo) != "县财政局" {
		t.Errorf("办理中: deadline %q, units %v", p.Deadline, p.Units)
	}
	answered := ps[4]
	if answered.Status != proposal.Answered || answered.Class != "A" || answered.AnswerDate != "2025-04-28" ||
		answered.Verdicts[1] != "满意" || answered.Verdicts[2] != "基本满意" || answered.ProposerType != "委员联名" {
		t.Errorf("已答复: %+v", answered)
	}
	answers, _ := f.s.ListAnswers(f.ctx, answered.ID)
	if len(answers) != 1 || answers[0].Unit != "县教育局" || answers[0].DocNo != "教函〔2025〕8号" {
		t.Errorf("answers %+v: want one by the 主办 with its 文号", answers)
	}
	split := ps[5]
	if split.Status != proposal.Closed || split.AssignMode != proposal.ModeSplit || len(split.Verdicts) != 1 {
		t.Errorf("分办 办结: %+v", split)
	}
	if answers, _ := f.s.ListAnswers(f.ctx, split.ID); len(answers) != 2 {
		t.Errorf("分办: %d answers, want one per unit", len(answers))
	}
	if p := ps[6]; p.Disposition != "转社情民意" || p.RejectReason != "内容空泛、没有具体建议" || p.Note != "已电话告知" {
		t.Errorf("不予立案: %q %q %q", p.Disposition, p.RejectReason, p.Note)
	}
	if p := ps[7]; p.MergedInto != answered.ID {
		t.Errorf("并案 merged into %d, want %d", p.MergedInto, answered.ID)
	}
	if p := ps[8]; p.WithdrawReason != "提案人申请撤回" {
		t.Errorf("撤案 reason %q", p.WithdrawReason)
	}
	if p := ps[9]; p.ProposerType != "党派" || p.FirstProposer() != "民盟清河县委员会" || p.KeyTier != "重点督办" ||
		p.KeyLeader != "王副县长" || p.ExcellentYear != 2025 {
		t.Errorf("collective: %+v", p)
	}
	hist, _ := f.s.ProposalHistory(f.ctx, answered.ID)
	if len(hist) != 1 || hist[0].Action != "导入" || hist[0].To != proposal.Answered || hist[0].Actor != "小周" ||
		hist[0].Note != "从“2025年提案台账.xlsx”第 7 行导入" {
		t.Errorf("history %+v: want one 导入 row naming the file and row", hist)
	}
}

func TestProposalImportChecksDispositionAgainstSettings(t *testing.T) {
	f := newImportFixture(t)
	cfg := proposal.Default()
	cfg.Dispositions = []string{"转社情民意", "转意见建议"}
	if err := f.s.SaveProposalConfig(f.ctx, cfg); err != nil {
		t.Fatal(err)
	}
	plan := f.plan(prow(4, "1", data.ColStatus, "作为委员来信处理"))
	if len(plan.Issues) != 1 || plan.Issues[0].Msg != "去向“委员来信”不在不予立案去向列表中（现有：转社情民意、转意见建议；可在“设置 → 提案”中增加）" {
		t.Errorf("issues %+v", plan.Issues)
	}
}

func TestProposalImportKeepUnmatched(t *testing.T) {
	f := newImportFixture(t)
	row := prow(4, "1", data.ColProposers, "张明、赵六")
	if plan := f.plan(row); plan.OK() {
		t.Fatal("an unknown proposer must block the import by default")
	}
	f.opts.KeepUnmatched = true
	plan := f.plan(row)
	if !plan.OK() || len(plan.Warnings) != 1 || plan.Warnings[0].Msg != "“赵六”不是第十一届委员，将只记录姓名" {
		t.Fatalf("issues %v warnings %v", plan.Issues, plan.Warnings)
	}
	f.apply(row)
	p := f.byNumber()[1]
	if len(p.Proposers) != 2 || p.Proposers[0].MembershipID == 0 || p.Proposers[1].MembershipID != 0 || p.Proposers[1].Name != "赵六" {
		t.Errorf("proposers %+v: 张明 from the roster, 赵六 by name only", p.Proposers)
	}
	// An ambiguous name stays a problem: keeping it would guess a person.
	if plan := f.plan(prow(5, "2", data.ColProposers, "刘洋")); plan.OK() {
		t.Error("ambiguous name imported with KeepUnmatched")
	}
}

func TestProposalImportPicksNamesakeByWorkUnit(t *testing.T) {
	f := newImportFixture(t)
	f.apply(prow(4, "1", data.ColProposers, "刘洋（人民医院）、李红"))
	p := f.byNumber()[1]
	m, err := f.s.GetMember(f.ctx, p.Proposers[0].MembershipID)
	if err != nil || m.WorkUnit != "清河县人民医院副院长" || p.Proposers[0].Name != "刘洋" {
		t.Errorf("picked %+v (%v)", m, err)
	}
}

func TestProposalImportCreatesNewUnits(t *testing.T) {
	f := newImportFixture(t)
	rows := []data.ProposalRow{
		prow(4, "1", data.ColLead, "县乡村振兴局", data.ColCo, "城关镇人民政府"),
		prow(5, "2", data.ColLead, "县乡村振兴局"),
		prow(6, "3", data.ColStatus, "不予立案", data.ColLead, "县档案馆"), // not imported: no unit
	}
	plan := f.plan(rows...)
	if strings.Join(plan.NewUnits, "、") != "县乡村振兴局、城关镇人民政府" {
		t.Fatalf("new units %v", plan.NewUnits)
	}
	if len(plan.Warnings) != 1 || plan.Warnings[0].Row != 6 {
		t.Errorf("warnings %+v: the 不予立案 row's unit is not imported", plan.Warnings)
	}
	res := f.apply(rows...)
	if len(res.NewUnits) != 2 {
		t.Errorf("result %+v", res)
	}
	units, _ := f.s.ListUnits(f.ctx, true)
	kinds := map[string]string{}
	for _, u := range units {
		kinds[u.Name] = u.Kind
	}
	if kinds["县乡村振兴局"] != "县直部门" || kinds["城关镇人民政府"] != "乡镇街道" || kinds["县档案馆"] != "" {
		t.Errorf("units %v", kinds)
	}
}

func TestProposalImportIsAllOrNothing(t *testing.T) {
	f := newImportFixture(t)
	rows := []data.ProposalRow{
		prow(4, "1", data.ColLead, "县新设局"),
		prow(5, "2", data.ColTitle, "会失败的提案"),
	}
	// The second insert fails inside the transaction, after a unit and a
	// proposal were written.
	if err := f.s.ExecForTest(f.ctx, `CREATE TRIGGER fail_import BEFORE INSERT ON proposal WHEN new.title = '会失败的提案'
		BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
		t.Fatal(err)
	}
	if !f.plan(rows...).OK() {
		t.Fatal("the plan itself is fine")
	}
	if _, err := f.s.ImportProposals(f.ctx, f.session.ID, rows, f.opts); err == nil {
		t.Fatal("import succeeded")
	}
	if n := len(f.byNumber()); n != 0 {
		t.Errorf("%d proposals after a failed import", n)
	}
	units, _ := f.s.ListUnits(f.ctx, true)
	if len(units) != 3 {
		t.Errorf("%d units after a failed import, want the 3 there before", len(units))
	}
}

func TestProposalReimportSkipsWhatIsStored(t *testing.T) {
	f := newImportFixture(t)
	first := []data.ProposalRow{prow(4, "1"), prow(5, "2", data.ColLead, "县教育局", data.ColAssigned, "2025-02-20")}
	f.apply(first...)
	// The office worked on 2 in the program since; a re-import must not touch it.
	p := f.byNumber()[2]
	if err := f.s.Apply(f.ctx, p.ID, data.Step{Action: proposal.ActExtend, Date: "2025-04-01",
		Deadline: "2025-07-31", Reason: "需调研"}); err != nil {
		t.Fatal(err)
	}
	again := append(first, prow(6, "3"))
	plan := f.plan(again...)
	if !plan.OK() || plan.Rows[0].Action != data.ActionSkip || plan.Rows[2].Action != data.ActionCreate {
		t.Fatalf("plan %+v %v", plan.Rows, plan.Issues)
	}
	res := f.apply(again...)
	if res.Created != 1 || res.Skipped != 2 {
		t.Errorf("re-import %+v: want 1 new, 2 skipped", res)
	}
	ps := f.byNumber()
	if len(ps) != 3 || ps[2].Deadline != "2025-07-31" {
		t.Errorf("%d proposals; 2's deadline %q: stored proposals must stay as they are", len(ps), ps[2].Deadline)
	}
	// Another proposal under a stored number is a problem, not an update.
	other := prow(7, "1", data.ColTitle, "关于另一件事的建议")
	plan = f.plan(other)
	if plan.OK() || !strings.Contains(plan.Issues[0].Msg, "本次会议已有第001号提案《关于第1号事项的建议》") {
		t.Errorf("issues %+v", plan.Issues)
	}
}
