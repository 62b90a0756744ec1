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

// proposalFixture is a county with a session, three members and three units.
type proposalFixture struct {
	t       *testing.T
	s       *data.Store
	ctx     context.Context
	session data.Session
	members []data.Member
	units   []data.Unit
}

func newProposalFixture(t *testing.T) *proposalFixture {
	t.Helper()
	s, term := datatest.County(t)
	ctx := context.Background()
	f := &proposalFixture{t: t, s: s, ctx: ctx, session: data.Session{TermID: term.ID, Number: 5, StartDate: "2025-01-10"}}
	if err := s.SaveSession(ctx, &f.session); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"张明", "李红", "王强"} {
		m := data.Member{Person: data.Person{Name: name, Gender: "男", Birth: "1970-01"},
			Membership: data.Membership{TermID: term.ID, Party: "中共", Sector: "经济界"}}
		if err := s.CreateMember(ctx, &m); err != nil {
			t.Fatal(err)
		}
		f.members = append(f.members, m)
	}
	for _, name := range []string{"县教育局", "县财政局", "县交通运输局"} {
		u := data.Unit{Name: name}
		if err := s.SaveUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
		f.units = append(f.units, u)
	}
	return f
}

// add enters a proposal by the given members (joint when more than one).
func (f *proposalFixture) add(title string, members ...int) data.Proposal {
	f.t.Helper()
	p := data.Proposal{SessionID: f.session.ID, Title: title, Body: "情况、分析和建议。", Category: "社会建设",
		Submitted: "2025-01-11", EnteredBy: "提案委 小周"}
	for _, i := range members {
		p.Proposers = append(p.Proposers, data.Proposer{MembershipID: f.members[i].Membership.ID})
	}
	if err := f.s.CreateProposal(f.ctx, &p); err != nil {
		f.t.Fatal(err)
	}
	return p
}

// do applies steps that must succeed.
func (f *proposalFixture) do(id int64, steps ...data.Step) {
	f.t.Helper()
	for _, st := range steps {
		if st.Actor == "" {
			st.Actor = "小周"
		}
		if err := f.s.Apply(f.ctx, id, st); err != nil {
			f.t.Fatalf("%s: %v", st.Action, err)
		}
	}
}

func (f *proposalFixture) status(id int64) proposal.Status {
	f.t.Helper()
	p, err := f.s.GetProposal(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return p.Status
}

// history is the proposal's actions and target states, e.g. "提交>已提交".
func (f *proposalFixture) history(id int64) []string {
	f.t.Helper()
	events, err := f.s.ProposalHistory(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	var out []string
	for _, e := range events {
		out = append(out, e.Action+">"+string(e.To))
	}
	return out
}

func (f *proposalFixture) lead(unit int) data.Step {
	return data.Step{Action: proposal.ActAssign, Date: "2025-02-20", Mode: proposal.ModeLead,
		Units: []data.Assignment{{UnitID: f.units[unit].ID, Role: proposal.RoleLead}, {UnitID: f.units[2].ID, Role: proposal.RoleCo}}}
}

func answer(unit data.Unit, class, date string) data.Step {
	return data.Step{Action: proposal.ActAnswer, Answer: data.Answer{UnitID: unit.ID, Date: date, Class: class, DocNo: "教函〔2025〕8号"}}
}

func rate(seq int, verdict string) data.Step {
	return data.Step{Action: proposal.ActRate, Date: "2025-05-30", Rating: data.Rating{Seq: seq, Verdict: verdict}}
}

func TestProposalFullPathWithRehandling(t *testing.T) {
	f := newProposalFixture(t)
	p := f.add("关于改善城区学校周边交通秩序的建议", 0, 1)
	if p.Number != 1 || p.ProposerType != "委员联名" || p.FirstProposer() != "张明" {
		t.Fatalf("created %+v", p)
	}
	f.do(p.ID,
		data.Step{Action: proposal.ActReview, Date: "2025-01-12"},
		data.Step{Action: proposal.ActFile, Date: "2025-01-15"},
		f.lead(0),
	)
	got, _ := f.s.GetProposal(f.ctx, p.ID)
	if got.Status != proposal.Handling || got.Deadline != "2025-05-20" || got.UnitNames(proposal.RoleLead) != "县教育局" ||
		got.UnitNames(proposal.RoleCo) != "县交通运输局" {
		t.Fatalf("after 交办: %s %s lead=%s co=%s", got.Status, got.Deadline, got.UnitNames("主办"), got.UnitNames("会办"))
	}
	// A 会办 opinion does not answer the proposal.
	f.do(p.ID, answer(f.units[2], "", "2025-03-20"))
	if s := f.status(p.ID); s != proposal.Handling {
		t.Fatalf("会办意见 moved the proposal to %s", s)
	}
	f.do(p.ID, answer(f.units[0], "B", "2025-04-28"), rate(1, "满意"), rate(2, "不满意"),
		data.Step{Action: proposal.ActRehandle, Date: "2025-06-01"})
	if s := f.status(p.ID); s != proposal.Rehandled {
		t.Fatalf("after 再次办理: %s", s)
	}
	f.do(p.ID, answer(f.units[0], "A", "2025-08-15"), rate(2, "基本满意"),
		data.Step{Action: proposal.ActClose, Date: "2025-09-01"})
	got, _ = f.s.GetProposal(f.ctx, p.ID)
	if got.Status != proposal.Closed || got.Class != "A" || got.AnswerDate != "2025-08-15" ||
		got.Verdicts[1] != "满意" || got.Verdicts[2] != "基本满意" {
		t.Fatalf("closed: %s class=%s date=%s verdicts=%v", got.Status, got.Class, got.AnswerDate, got.Verdicts)
	}
	want := []string{"提交>已提交", "送审>审查中", "立案>立案", "交办>办理中", "登记答复>办理中", "登记答复>已答复",
		"登记评价>已答复", "登记评价>已答复", "再次办理>再次办理", "登记答复>已答复", "登记评价>已答复", "办结>办结"}
	if h := f.history(p.ID); strings.Join(h, " ") != strings.Join(want, " ") {
		t.Fatalf("history\n got %v\nwant %v", h, want)
	}
	answers, _ := f.s.ListAnswers(f.ctx, p.ID)
	if len(answers) != 3 || answers[2].Round != 2 {
		t.Fatalf("answers %+v", answers)
	}
}

func TestProposalSplitNeedsEveryUnitsAnswer(t *testing.T) {
	f := newProposalFixture(t)
	p := f.add("关于统筹城乡公交与校车的建议", 2)
	f.do(p.ID, data.Step{Action: proposal.ActFile}, data.Step{Action: proposal.ActAssign, Date: "2025-02-20",
		Mode: proposal.ModeSplit, Units: []data.Assignment{{UnitID: f.units[0].ID}, {UnitID: f.units[2].ID}}})
	f.do(p.ID, answer(f.units[0], "A", "2025-04-01"))
	if s := f.status(p.ID); s != proposal.Handling {
		t.Fatalf("one of two 分办 answers moved it to %s", s)
	}
	f.do(p.ID, answer(f.units[2], "C", "2025-04-03"))
	got, _ := f.s.GetProposal(f.ctx, p.ID)
	if got.Status != proposal.Answered || got.Class != "C" {
		t.Fatalf("split answered: %s class %s (want the worst, C)", got.Status, got.Class)
	}
}

func TestProposalNotFiledPaths(t *testing.T) {
	f := newProposalFixture(t)
	master := f.add("关于加快农村饮水安全工程建设的建议", 0)
	merged := f.add("关于解决山区群众饮水难的建议", 1)
	rejected := f.add("关于为本人单位解决编制的建议", 2)
	withdrawn := f.add("关于建设县城第二水厂的建议", 0)
	f.do(master.ID, data.Step{Action: proposal.ActFile})
	f.do(merged.ID, data.Step{Action: proposal.ActMerge, MasterID: master.ID})
	f.do(rejected.ID, data.Step{Action: proposal.ActReview},
		data.Step{Action: proposal.ActReject, Reason: "涉及提案者本人及其亲属的个人事务", Disposition: "委员来信"})
	f.do(withdrawn.ID, data.Step{Action: proposal.ActFile}, f.lead(1),
		data.Step{Action: proposal.ActWithdraw, Reason: "提案人申请撤回"})

	got, _ := f.s.GetProposal(f.ctx, merged.ID)
	if got.Status != proposal.Merged || got.MergedInto != master.ID {
		t.Fatalf("merged: %s into %d", got.Status, got.MergedInto)
	}
	got, _ = f.s.GetProposal(f.ctx, rejected.ID)
	if got.Status != proposal.Rejected || got.Disposition != "委员来信" {
		t.Fatalf("rejected: %s %s", got.Status, got.Disposition)
	}
	got, _ = f.s.GetProposal(f.ctx, withdrawn.ID)
	if got.Status != proposal.Withdrawn || len(got.Units) != 0 || got.WithdrawReason != "提案人申请撤回" {
		t.Fatalf("withdrawn: %s units %v", got.Status, got.Units)
	}
	// A proposal merged into cannot itself be a master; a mistake is undone by 重新审查.
	other := f.add("关于农村供水管网改造的建议", 1)
	err := f.s.Apply(f.ctx, other.ID, data.Step{Action: proposal.ActMerge, MasterID: merged.ID})
	if msg := data.UserMessage(err); !strings.Contains(msg, "不能作为主提案") {
		t.Fatalf("merge into a merged proposal: %q", msg)
	}
	f.do(rejected.ID, data.Step{Action: proposal.ActReopen, Reason: "审查有误"}, data.Step{Action: proposal.ActFile})
	got, _ = f.s.GetProposal(f.ctx, rejected.ID)
	if got.Status != proposal.Filed || got.Disposition != "" {
		t.Fatalf("reopened: %s %q", got.Status, got.Disposition)
	}
	if h := f.history(rejected.ID); len(h) != 5 || h[3] != "重新审查>审查中" {
		t.Fatalf("history %v", h)
	}
}

func TestProposalIllegalTransitionsRefusedInChinese(t *testing.T) {
	f := newProposalFixture(t)
	p := f.add("关于发展县域冷链物流的建议", 0)
	for _, a := range []proposal.Action{proposal.ActAssign, proposal.ActAnswer, proposal.ActRate, proposal.ActClose,
		proposal.ActRehandle, proposal.ActExtend, proposal.ActReturn, proposal.ActReopen} {
		err := f.s.Apply(f.ctx, p.ID, data.Step{Action: a, Reason: "x"})
		var te *proposal.TransitionError
		if !errors.As(err, &te) {
			t.Fatalf("%s from 已提交: %v", a, err)
		}
		if msg := data.UserMessage(err); msg != "提案当前状态为“已提交”，不能执行“"+string(a)+"”。" {
			t.Fatalf("message %q", msg)
		}
	}
	if h := f.history(p.ID); len(h) != 1 {
		t.Fatalf("refused steps left history: %v", h)
	}
	f.do(p.ID, data.Step{Action: proposal.ActFile}, f.lead(0), answer(f.units[0], "A", "2025-03-01"))
	err := f.s.Apply(f.ctx, p.ID, data.Step{Action: proposal.ActRehandle})
	if msg := data.UserMessage(err); !strings.Contains(msg, "无需再次办理") {
		t.Fatalf("再次办理 without 不满意: %q", msg)
	}
}

func TestProposalStepsCheckTheirInput(t *testing.T) {
	f := newProposalFixture(t)
	p := f.add("关于加强农村留守儿童关爱的建议", 0)
	cases := []struct {
		step data.Step
		want string
	}{
		{data.Step{Action: proposal.ActReject, Disposition: "委员来信"}, "不予立案理由"},
		{data.Step{Action: proposal.ActReject, Reason: "内容空泛、没有具体建议", Disposition: "存档"}, "去向"},
		{data.Step{Action: proposal.ActMerge, MasterID: p.ID}, "主提案"},
		{data.Step{Action: proposal.ActWithdraw}, "撤案理由"},
	}
	for _, c := range cases {
		err := f.s.Apply(f.ctx, p.ID, c.step)
		if msg := data.UserMessage(err); !strings.Contains(msg, c.want) {
			t.Errorf("%s: %q, want field %s", c.step.Action, msg, c.want)
		}
	}
	f.do(p.ID, data.Step{Action: proposal.ActFile})
	assign := []struct {
		step data.Step
		want string
	}{
		{data.Step{Action: proposal.ActAssign, Mode: proposal.ModeLead, Units: []data.Assignment{{UnitID: f.units[0].ID, Role: "会办"}}}, "应有且只有一个主办单位"},
		{data.Step{Action: proposal.ActAssign, Mode: proposal.ModeSplit, Units: []data.Assignment{{UnitID: f.units[0].ID}}}, "分办至少需要两个单位"},
		{data.Step{Action: proposal.ActAssign, Date: "2025-02-20", Mode: proposal.ModeLead, Deadline: "2025-12-31",
			Units: []data.Assignment{{UnitID: f.units[0].ID, Role: "主办"}}}, "不能超过交办后 6 个月（2025-08-20）"},
		{data.Step{Action: proposal.ActAssign, Mode: proposal.ModeLead, Units: []data.Assignment{{Unit: "县外事办", Role: "主办"}}}, "不在承办单位名单中"},
	}
	for _, c := range assign {
		err := f.s.Apply(f.ctx, p.ID, c.step)
		if msg := data.UserMessage(err); !strings.Contains(msg, c.want) {
			t.Errorf("交办: %q, want %q", msg, c.want)
		}
	}
	if s := f.status(p.ID); s != proposal.Filed {
		t.Fatalf("failed steps changed the state to %s", s)
	}
}

func TestProposalReturnAndExtendLimits(t *testing.T) {
	f := newProposalFixture(t)
	p := f.add("关于规范城区占道经营的建议", 0)
	f.do(p.ID, data.Step{Action: proposal.ActFile}, f.lead(0)) // 交办 Thursday 2025-02-20
	err := f.s.Apply(f.ctx, p.ID, data.Step{Action: proposal.ActReturn, Date: "2025-03-03", Reason: "不属本单位职责"})
	if msg := data.UserMessage(err); !strings.Contains(msg, "已过 7 个工作日") {
		t.Fatalf("late return: %q", msg)
	}
	f.do(p.ID, data.Step{Action: proposal.ActReturn, Date: "2025-02-27", Reason: "不属本单位职责，应由城管局办理"})
	got, _ := f.s.GetProposal(f.ctx, p.ID)
	if got.Status != proposal.Filed || len(got.Units) != 0 || got.Deadline != "" {
		t.Fatalf("returned: %s %v %s", got.Status, got.Units, got.Deadline)
	}
	f.do(p.ID, f.lead(1), data.Step{Action: proposal.ActExtend, Date: "2025-05-10", Deadline: "2025-06-30", Reason: "涉及跨部门协调"})
	got, _ = f.s.GetProposal(f.ctx, p.ID)
	if got.Deadline != "2025-06-30" || got.UnitNames("主办") != "县财政局" {
		t.Fatalf("extended: %s %s", got.Deadline, got.UnitNames("主办"))
	}
	err = f.s.Apply(f.ctx, p.ID, data.Step{Action: proposal.ActExtend, Date: "2025-06-01", Deadline: "2025-09-30", Reason: "再延"})
	if msg := data.UserMessage(err); !strings.Contains(msg, "不能超过交办后 6 个月") {
		t.Fatalf("extension past the maximum: %q", msg)
	}
	h := f.history(p.ID)
	if len(h) != 6 || h[3] != "退回重新交办>立案" || h[5] != "延期>办理中" {
		t.Fatalf("history %v", h)
	}
}

func TestProposalBulkAssignIsAllOrNothing(t *testing.T) {
	f := newProposalFixture(t)
	a := f.add("关于完善城区停车设施的建议", 0)
	b := f.add("关于推进老旧小区改造的建议", 1)
	c := f.add("关于发展林下经济的建议", 2) // not filed: cannot be assigned
	f.do(a.ID, data.Step{Action: proposal.ActFile})
	f.do(b.ID, data.Step{Action: proposal.ActFile})
	lead := func(id int64, unit int) data.AssignOrder {
		return data.AssignOrder{ProposalID: id, Mode: proposal.ModeLead, Units: []data.Assignment{{UnitID: f.units[unit].ID, Role: "主办"}}}
	}
	err := f.s.BulkAssign(f.ctx, []data.AssignOrder{lead(a.ID, 0), lead(b.ID, 1), lead(c.ID, 2)}, "2025-02-20", "小周")
	if msg := data.UserMessage(err); !strings.Contains(msg, "第003号提案") || !strings.Contains(msg, "不能执行“交办”") {
		t.Fatalf("bulk with a bad line: %q", msg)
	}
	if f.status(a.ID) != proposal.Filed {
		t.Fatal("a failed bulk 交办 assigned some proposals")
	}
	if err := f.s.BulkAssign(f.ctx, []data.AssignOrder{lead(a.ID, 0), lead(b.ID, 1)}, "2025-02-20", "小周"); err != nil {
		t.Fatal(err)
	}
	list, _ := f.s.ListProposals(f.ctx, data.ProposalFilter{UnitID: f.units[1].ID})
	if len(list) != 1 || list[0].ID != b.ID || list[0].Status != proposal.Handling {
		t.Fatalf("by unit: %+v", list)
	}
}

func TestProposalNumbersAndValidation(t *testing.T) {
	f := newProposalFixture(t)
	a := f.add("关于加强农贸市场管理的建议", 0)
	b := data.Proposal{SessionID: f.session.ID, Number: 7, Title: "关于提升乡村医生待遇的建议", Category: "社会建设",
		Proposers: []data.Proposer{{Name: "民盟清河县委员会"}}, ProposerType: "党派"}
	if err := f.s.CreateProposal(f.ctx, &b); err != nil {
		t.Fatal(err)
	}
	c := f.add("关于建设智慧农业示范园的建议", 1)
	if a.Number != 1 || b.Number != 7 || c.Number != 8 {
		t.Fatalf("numbers %d %d %d (gaps allowed, next after the highest)", a.Number, b.Number, c.Number)
	}
	dup := data.Proposal{SessionID: f.session.ID, Number: 7, Title: "重复", Category: "其他",
		Proposers: []data.Proposer{{MembershipID: f.members[0].Membership.ID}}}
	if msg := data.UserMessage(f.s.CreateProposal(f.ctx, &dup)); !strings.Contains(msg, "本次会议已有7号提案") {
		t.Fatalf("duplicate number: %q", msg)
	}
	bad := data.Proposal{SessionID: f.session.ID, Category: "交通", ProposerType: "委员个人",
		Proposers: []data.Proposer{{Name: "赵某"}}}
	err := f.s.CreateProposal(f.ctx, &bad)
	var ves data.ValidationErrors
	if !errors.As(err, &ves) || ves.Field("案由") == "" || !strings.Contains(ves.Field("类别"), "不在提案类别列表中") ||
		!strings.Contains(ves.Field("提案人"), "不是本届委员") {
		t.Fatalf("validation: %v", err)
	}
	// Renumbering is refused once answered.
	f.do(a.ID, data.Step{Action: proposal.ActFile}, f.lead(0), answer(f.units[0], "A", "2025-03-01"))
	got, _ := f.s.GetProposal(f.ctx, a.ID)
	got.Number = 2
	if msg := data.UserMessage(f.s.UpdateProposal(f.ctx, &got, "小周")); !strings.Contains(msg, "已有答复，不能再改案号") {
		t.Fatalf("renumber answered: %q", msg)
	}
	got.Number = 1
	got.KeyTier, got.KeyLeader = "重点督办", "副县长 刘军"
	if err := f.s.UpdateProposal(f.ctx, &got, "小周"); err != nil {
		t.Fatal(err)
	}
	h, _ := f.s.ProposalHistory(f.ctx, a.ID)
	if last := h[len(h)-1]; last.Action != "修改" || last.Note != "列为重点督办，督办领导：副县长 刘军" || last.Actor != "小周" {
		t.Fatalf("flag change history: %+v", last)
	}
}

func TestProposalSearchFindsChineseSubstring(t *testing.T) {
	f := newProposalFixture(t)
	f.add("关于加快农村饮水安全工程建设的建议", 0)
	p := f.add("关于改善城区学校周边交通秩序的建议", 1)
	for q, want := range map[string]int{"周边交": 1, "校周": 1, "李红": 1, "饮水安全": 1, "建议": 2, "不存在的词": 0} {
		list, err := f.s.ListProposals(f.ctx, data.ProposalFilter{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != want {
			t.Errorf("search %q: %d results, want %d", q, len(list), want)
		}
	}
	p.Body = "学校放学时段家长车辆占道严重。"
	if err := f.s.UpdateProposal(f.ctx, &p, ""); err != nil {
		t.Fatal(err)
	}
	if list, _ := f.s.ListProposals(f.ctx, data.ProposalFilter{Query: "车辆占道"}); len(list) != 1 {
		t.Fatalf("edited body not indexed: %d", len(list))
	}
	if err := f.s.DeleteProposal(f.ctx, p.ID, ""); err != nil {
		t.Fatal(err)
	}
	if list, _ := f.s.ListProposals(f.ctx, data.ProposalFilter{Query: "车辆占道"}); len(list) != 0 {
		t.Fatal("deleted proposal still listed")
	}
	if list, _ := f.s.ListProposals(f.ctx, data.ProposalFilter{DeletedOnly: true}); len(list) != 1 {
		t.Fatal("recycle bin empty")
	}
}

// A % or _ typed into the search box is looked for as itself, not as a
// wildcard matching every 案由.
func TestProposalSearchTakesWildcardsLiterally(t *testing.T) {
	f := newProposalFixture(t)
	f.add("关于把城区绿化率提高到40%的建议", 0)
	f.add("关于40年以上老旧小区改造的建议", 1)
	f.add("关于G_1路段限速的建议", 2)
	f.add("关于G21路段增设路灯的建议", 0)
	for q, want := range map[string]int{"%": 1, "0%": 1, "_": 1, "G_": 1, "40%的": 1, "G21": 1, "40": 2} {
		list, err := f.s.ListProposals(f.ctx, data.ProposalFilter{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != want {
			t.Errorf("search %q: %d results, want %d", q, len(list), want)
		}
	}
	for _, name := range []string{"_", "%", "张_"} {
		if list, _ := f.s.ListProposals(f.ctx, data.ProposalFilter{Proposer: name}); len(list) != 0 {
			t.Errorf("proposer %q matched %d proposals, want none", name, len(list))
		}
	}
}
