package sheet

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/datatest"
	"zhengxie/data/proposal"
)

// importCounty is a county with a 第五次会议 and three members; units only
// when asked for.
type importCounty struct {
	t       *testing.T
	s       *data.Store
	ctx     context.Context
	term    data.Term
	session data.Session
	members map[string]int64 // name → membership
}

func newImportCounty(t *testing.T, units ...string) *importCounty {
	t.Helper()
	s, term := datatest.County(t)
	c := &importCounty{t: t, s: s, ctx: context.Background(), term: term, members: map[string]int64{},
		session: data.Session{TermID: term.ID, Number: 5, StartDate: "2025-01-10"}}
	if err := s.SaveSession(c.ctx, &c.session); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"张明", "李红", "王强"} {
		m := data.Member{Person: data.Person{Name: name, Gender: "男", Birth: fmt.Sprintf("197%d-01", i)},
			Membership: data.Membership{TermID: term.ID, Party: "中共", Sector: "经济界"}}
		if err := s.CreateMember(c.ctx, &m); err != nil {
			t.Fatal(err)
		}
		c.members[name] = m.Membership.ID
	}
	for _, name := range units {
		if err := s.SaveUnit(c.ctx, &data.Unit{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// add enters a proposal and takes it through steps.
func (c *importCounty) add(p data.Proposal, names []string, steps ...data.Step) data.Proposal {
	c.t.Helper()
	p.SessionID, p.Body, p.Submitted = c.session.ID, "情况、分析和建议。", "2025-01-11"
	if p.Category == "" {
		p.Category = "社会建设"
	}
	for _, n := range names {
		x := data.Proposer{MembershipID: c.members[n], Name: n}
		if x.MembershipID == 0 {
			x.Name = n
		}
		p.Proposers = append(p.Proposers, x)
	}
	if err := c.s.CreateProposal(c.ctx, &p); err != nil {
		c.t.Fatal(err)
	}
	for _, st := range steps {
		if err := c.s.Apply(c.ctx, p.ID, st); err != nil {
			c.t.Fatalf("%s %s: %v", p.Title, st.Action, err)
		}
	}
	got, _ := c.s.GetProposal(c.ctx, p.ID)
	return got
}

func (c *importCounty) unit(name string) int64 {
	units, _ := c.s.ListUnits(c.ctx, true)
	for _, u := range units {
		if u.Name == name {
			return u.ID
		}
	}
	c.t.Fatalf("no unit %s", name)
	return 0
}

// seedSession fills the session with proposals in every state.
func (c *importCounty) seedSession() {
	file := data.Step{Action: proposal.ActFile, Date: "2025-01-15"}
	lead := func(main string, co ...string) data.Step {
		st := data.Step{Action: proposal.ActAssign, Date: "2025-02-20", Mode: proposal.ModeLead,
			Units: []data.Assignment{{UnitID: c.unit(main), Role: proposal.RoleLead}}}
		for _, u := range co {
			st.Units = append(st.Units, data.Assignment{UnitID: c.unit(u), Role: proposal.RoleCo})
		}
		return st
	}
	answer := func(unit, class, date string) data.Step {
		return data.Step{Action: proposal.ActAnswer, Answer: data.Answer{UnitID: c.unit(unit), Class: class, Date: date,
			DocNo: "函〔2025〕8号"}}
	}
	rate := func(seq int, v string) data.Step {
		return data.Step{Action: proposal.ActRate, Date: "2025-05-30", Rating: data.Rating{Seq: seq, Verdict: v}}
	}
	c.add(data.Proposal{Title: "关于设立社区托育点的建议"}, []string{"张明"})
	c.add(data.Proposal{Title: "关于加快老旧小区改造的建议", Category: "经济建设"}, []string{"李红"}, file)
	c.add(data.Proposal{Title: "关于治理城区噪声的建议"}, []string{"王强"}, file, lead("县生态环境分局", "县公安局"))
	answered := c.add(data.Proposal{Title: "关于改善学校周边交通秩序的建议", Kind: "平时提案", Sector: "教育界"},
		[]string{"张明", "李红"}, file, lead("县教育局", "县交通运输局"), answer("县教育局", "A", "2025-04-28"),
		rate(1, "满意"), rate(2, "基本满意"))
	c.add(data.Proposal{Title: "关于发展林下经济的建议", Category: "生态文明建设"}, []string{"王强"}, file,
		data.Step{Action: proposal.ActAssign, Date: "2025-02-20", Mode: proposal.ModeSplit, Units: []data.Assignment{
			{UnitID: c.unit("县林业局")}, {UnitID: c.unit("县农业农村局")}}},
		answer("县林业局", "B", "2025-04-01"), answer("县农业农村局", "C", "2025-04-10"), rate(1, "满意"),
		data.Step{Action: proposal.ActClose, Date: "2025-06-01"})
	c.add(data.Proposal{Title: "关于解决本人子女入学问题的建议", Category: "其他"}, []string{"李红"},
		data.Step{Action: proposal.ActReject, Reason: "涉及提案者本人及其亲属的个人事务", Disposition: "转社情民意"})
	c.add(data.Proposal{Title: "关于学校周边交通的建议"}, []string{"王强"},
		data.Step{Action: proposal.ActMerge, MasterID: answered.ID})
	c.add(data.Proposal{Title: "关于撤回的建议", Note: "提案人来电"}, []string{"张明"},
		data.Step{Action: proposal.ActWithdraw, Reason: "提案人申请撤回", Date: "2025-01-20"})
	party := c.add(data.Proposal{Title: "关于发展县域物流的建议", Category: "经济建设", ProposerType: "党派"},
		[]string{"民盟清河县委员会"}, file, lead("县商务局"))
	party.KeyTier, party.KeyLeader, party.ExcellentYear = "重点督办", "王副县长", 2025
	if err := c.s.UpdateProposal(c.ctx, &party, "小周"); err != nil {
		c.t.Fatal(err)
	}
}

// ledgerView is what a ledger shows of a proposal, the part an import
// can bring back.
func ledgerView(p data.Proposal, numbers map[int64]int) string {
	var units []string
	for _, u := range p.Units {
		units = append(units, u.Role+":"+u.Unit)
	}
	slices.Sort(units)
	verdicts := make([]string, 0, len(p.Proposers))
	for _, x := range p.Proposers {
		verdicts = append(verdicts, p.Verdicts[x.Seq])
	}
	return fmt.Sprintf("%d %s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%d|%s|%s|%s|%s|%s|%s|%s|%s|%s|%d|%s",
		p.Number, p.Title, p.Category, p.Kind, p.Submitted, p.ProposerType, p.ProposerNames(), p.Sector, p.Status,
		p.Disposition, p.RejectReason, p.WithdrawReason, numbers[p.MergedInto], strings.Join(units, ","), p.AssignMode,
		p.AssignedDate, p.Deadline, p.Class, p.AnswerDate, strings.Join(verdicts, ","), p.KeyTier, p.KeyLeader,
		p.ExcellentYear, p.Note)
}

func (c *importCounty) view() []string {
	c.t.Helper()
	ps, err := c.s.ListProposals(c.ctx, data.ProposalFilter{SessionID: c.session.ID})
	if err != nil {
		c.t.Fatal(err)
	}
	numbers := map[int64]int{}
	for _, p := range ps {
		numbers[p.ID] = p.Number
	}
	var out []string
	for _, p := range ps {
		out = append(out, ledgerView(p, numbers))
	}
	return out
}

// A session's ledger imported into an empty session of another database
// (same roster, no units) reproduces every proposal the ledger shows.
func TestLedgerRoundTrip(t *testing.T) {
	units := []string{"县生态环境分局", "县公安局", "县教育局", "县交通运输局", "县林业局", "县农业农村局", "县商务局"}
	from := newImportCounty(t, units...)
	from.seedSession()
	path := filepath.Join(t.TempDir(), "第五次会议提案台账.xlsx")
	if err := LedgerFile(from.ctx, from.s, path, from.term.ID, from.session.ID); err != nil {
		t.Fatal(err)
	}
	to := newImportCounty(t)
	p, err := PreviewProposalFile(to.ctx, to.s, to.session, path, data.ProposalImportOptions{Actor: "小周"})
	if err != nil {
		t.Fatal(err)
	}
	if !p.OK() || len(p.Warnings) != 0 {
		t.Fatalf("issues %v warnings %v", p.Issues, p.Warnings)
	}
	info := strings.Join(p.Info(), "\n")
	if !strings.Contains(info, "将新增承办单位：县生态环境分局、县公安局、县教育局、县交通运输局、县林业局、县农业农村局、县商务局") ||
		!strings.Contains(info, "导入到：第十一届第五次会议") {
		t.Errorf("info:\n%s", info)
	}
	want := "共 9 行，可以导入：新增 9 件（已提交 1 件、立案 1 件、不予立案 1 件、并案 1 件、撤案 1 件、办理中 2 件、已答复 1 件、办结 1 件）。"
	if got := p.Summary(); got != want {
		t.Errorf("summary %q\nwant    %q", got, want)
	}
	res, err := p.Apply(to.ctx, to.s)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 9 {
		t.Errorf("result %+v", res)
	}
	if got, want := to.view(), from.view(); !slices.Equal(got, want) {
		t.Errorf("imported:\n%s\nexported:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Importing the same file again adds nothing.
	again, err := PreviewProposalFile(to.ctx, to.s, to.session, path, data.ProposalImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if created, skipped := again.Counts(); !again.OK() || created != 0 || skipped != 9 {
		t.Errorf("re-import: created %d skipped %d, issues %v", created, skipped, again.Issues)
	}
}

// A problem found in a file blocks the import, and Apply refuses it.
func TestProposalPreviewWithProblemsRefusesToApply(t *testing.T) {
	c := newImportCounty(t)
	b := newSheet(t, "台账")
	b.row(1, "案号", "案由", "提案人", "类别")
	b.row(2, "第1号", "关于…的建议", "赵六", "农业")
	path := filepath.Join(t.TempDir(), "往年台账.xlsx")
	if err := b.f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p, err := PreviewProposalFile(c.ctx, c.s, c.session, path, data.ProposalImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.OK() || len(p.Issues) != 2 || p.Summary() != "发现 2 处问题，不能导入。请在 Excel 中修改后重新导入；数据库未做任何更改。" {
		t.Fatalf("issues %v summary %q", p.Issues, p.Summary())
	}
	if _, err := p.Apply(c.ctx, c.s); err != data.ErrImportHasIssues {
		t.Errorf("apply: %v", err)
	}
	// Keeping names off the roster turns one problem into a warning.
	p, _ = PreviewProposalFile(c.ctx, c.s, c.session, path, data.ProposalImportOptions{KeepUnmatched: true})
	if len(p.Issues) != 1 || p.Issues[0].Field != data.ColCategory || len(p.Warnings) != 1 {
		t.Errorf("issues %v warnings %v", p.Issues, p.Warnings)
	}
	if _, err := PreviewProposalFile(c.ctx, c.s, c.session, path+".missing", data.ProposalImportOptions{}); err == nil ||
		!strings.Contains(err.Error(), "无法打开文件“往年台账.xlsx.missing”") {
		t.Errorf("missing file: %v", err)
	}
}
