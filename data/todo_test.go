package data_test

import (
	"testing"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

func TestTodoCountsFollowTheLifecycle(t *testing.T) {
	f := newProposalFixture(t)
	counts := func(today string) data.Todo {
		t.Helper()
		c, err := f.s.TodoCounts(f.ctx, f.session.TermID, today, 30, 2025)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	filed := f.add("关于增设城区公共停车场的建议", 0)
	f.do(filed.ID, data.Step{Action: proposal.ActFile, Date: "2025-01-15"})
	handled := f.add("关于改善城区学校周边交通秩序的建议", 1)
	f.do(handled.ID, data.Step{Action: proposal.ActFile, Date: "2025-01-15"}, f.lead(0)) // deadline 2025-05-20
	answered := f.add("关于加强农村饮水安全的建议", 0, 1)
	f.do(answered.ID, data.Step{Action: proposal.ActFile, Date: "2025-01-15"}, f.lead(1), answer(f.units[1], "A", "2025-03-01"))
	binned := f.add("关于移入回收站的建议", 2)
	f.do(binned.ID, data.Step{Action: proposal.ActFile, Date: "2025-01-15"})
	if err := f.s.DeleteProposal(f.ctx, binned.ID, "小周"); err != nil {
		t.Fatal(err)
	}

	for today, want := range map[string]data.Todo{
		"2025-03-10": {ToAssign: 1, ToRate: 1},
		"2025-04-20": {DueSoon: 1, ToAssign: 1, ToRate: 1}, // 30 days before the deadline
		"2025-05-20": {DueSoon: 1, ToAssign: 1, ToRate: 1}, // due today
		"2025-05-21": {Overdue: 1, ToAssign: 1, ToRate: 1},
	} {
		if got := counts(today); got != want {
			t.Errorf("on %s: %+v, want %+v", today, got, want)
		}
	}
	// One proposer's verdict is a rating of the round; 再次办理 opens a new round.
	f.do(answered.ID, rate(1, "不满意"))
	if got := counts("2025-03-10"); got.ToRate != 0 {
		t.Fatalf("rated proposal still waits for 评价: %+v", got)
	}
	f.do(answered.ID, data.Step{Action: proposal.ActRehandle, Date: "2025-06-01"}, answer(f.units[1], "A", "2025-07-01"))
	if got := counts("2025-07-02"); got.ToRate != 1 {
		t.Errorf("answered again after 再次办理, not yet rated: ToRate %d, want 1", got.ToRate)
	}
}

func TestNewestSessionStatusCounts(t *testing.T) {
	f := newProposalFixture(t)
	if id, got, err := f.s.NewestSessionStatusCounts(f.ctx, f.session.TermID); err != nil || id != 0 || len(got) != 0 {
		t.Fatalf("term without proposals: session %d, %v, %v", id, got, err)
	}
	a := f.add("关于甲的建议", 0)
	f.add("关于乙的建议", 1)
	f.do(a.ID, data.Step{Action: proposal.ActFile, Date: "2025-01-15"})
	later := data.Session{TermID: f.session.TermID, Number: 6, StartDate: "2026-01-10"}
	if err := f.s.SaveSession(f.ctx, &later); err != nil {
		t.Fatal(err)
	}
	// The newer session has no proposals yet: the chart stays on the fifth.
	id, got, err := f.s.NewestSessionStatusCounts(f.ctx, f.session.TermID)
	if err != nil {
		t.Fatal(err)
	}
	n := map[proposal.Status]int{}
	for _, c := range got {
		n[c.Status] += c.N
	}
	if id != f.session.ID || n[proposal.Filed] != 1 || n[proposal.Submitted] != 1 || len(n) != 2 {
		t.Errorf("session %d (want %d), counts %v", id, f.session.ID, n)
	}
}
