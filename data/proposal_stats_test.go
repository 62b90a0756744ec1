package data_test

import (
	"testing"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

func TestProposalStatsFromTheStore(t *testing.T) {
	f := newProposalFixture(t)
	a := f.add("关于完善城区停车设施的建议", 0, 1)
	b := f.add("关于增加城区停车位的建议", 1)
	c := f.add("关于为本单位解决编制的建议", 1)
	d := f.add("关于发展林下经济的建议", 0)
	f.do(a.ID, data.Step{Action: proposal.ActFile}, f.lead(0), answer(f.units[0], "A", "2025-04-01"),
		rate(1, "满意"), rate(2, "不满意"))
	f.do(b.ID, data.Step{Action: proposal.ActMerge, MasterID: a.ID})
	f.do(c.ID, data.Step{Action: proposal.ActReject, Reason: "涉及提案者本人及其亲属的个人事务", Disposition: "转社情民意"})
	f.do(d.ID, data.Step{Action: proposal.ActFile}, f.lead(1)) // due 2025-05-20

	r, err := f.s.ProposalStats(f.ctx, data.ProposalFilter{SessionID: f.session.ID}, "2025-06-01")
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"收到", r.Received, 4},
		{"立案", r.Filed, 2},
		{"立案率", r.FiledRate.String(), "50.0%"},
		{"并案", r.Merged, 1},
		{"转社情民意", r.Dispositions.N("转社情民意"), 1},
		{"主办单位", r.LeadUnits, 2},
		{"承办单位", r.Units, 3},
		{"办复率", r.AnswerRate.String(), "50.0%"},
		{"A类", r.Classes.N("A"), 1},
		{"评价", r.Evaluations, 2},
		{"满意率", r.SatisfactionRate.String(), "50.0%"},
		{"超期", r.Overdue, 1},
		{"参与率", r.ParticipationRate.String(), "66.7%"}, // 张明 and 李红 of three serving members
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}
