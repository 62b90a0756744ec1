package data_test

import (
	"testing"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

func TestUnitStatsCountRolesAnswersAndOverdue(t *testing.T) {
	f := newProposalFixture(t)
	a := f.add("关于完善城区停车设施的建议", 0, 1)
	b := f.add("关于推进老旧小区改造的建议", 1)
	c := f.add("关于发展林下经济的建议", 2)
	for _, p := range []data.Proposal{a, b, c} {
		f.do(p.ID, data.Step{Action: proposal.ActFile})
	}
	f.do(a.ID, f.lead(0), answer(f.units[0], "A", "2025-04-01"), rate(1, "满意"), rate(2, "不满意"))
	f.do(b.ID, f.lead(0)) // due 2025-05-20, unanswered
	f.do(c.ID, f.lead(1), answer(f.units[1], "B", "2025-04-02"))
	stats, err := f.s.UnitStats(f.ctx, data.ProposalFilter{SessionID: f.session.ID}, "2025-06-01")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]data.UnitStat{}
	for _, st := range stats {
		got[st.Name] = st
	}
	edu, fin, trans := got["县教育局"], got["县财政局"], got["县交通运输局"]
	if edu.Lead != 2 || edu.Answered != 1 || edu.Overdue != 1 || edu.Classes["A"] != 1 || edu.Satisfied != 1 || edu.Unsatisfied != 1 {
		t.Errorf("县教育局 %+v", edu)
	}
	if fin.Lead != 1 || fin.Answered != 1 || fin.Overdue != 0 || fin.Classes["B"] != 1 || fin.Ratings() != 0 {
		t.Errorf("县财政局 %+v", fin)
	}
	if trans.Co != 3 || trans.Owed != 0 || trans.Total() != 3 {
		t.Errorf("县交通运输局 (会办 on all three) %+v", trans)
	}
}
