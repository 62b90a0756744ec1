package demo_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/demo"
	"zhengxie/data/proposal"
)

func TestDemoProposalsCoverTheLifecycle(t *testing.T) {
	t.Parallel()
	start := time.Now()
	s, sum := populate(t, demo.Options{Seed: 1, Now: today})
	t.Logf("populate with proposals: %v", time.Since(start))
	c := &demoCounty{s: s, recs: loadProposals(t, s), sessions: sessionsByID(t, s), now: today.Format(time.DateOnly)}
	if sum.Proposals != len(c.recs) {
		t.Errorf("summary says %d proposals, the store has %d", sum.Proposals, len(c.recs))
	}
	for _, tc := range []struct {
		name  string
		check func(*testing.T, *demoCounty)
	}{
		{"volume per session", checkVolume},
		{"every status and disposition", checkStatuses},
		{"dates up to now and coherent", checkCoherentDates},
		{"handling paths", checkHandling},
		{"answers", checkAnswers},
		{"classes and verdicts", checkClasses},
		{"key and excellent proposals", checkFlags},
		{"proposers", checkProposers},
		{"texts", checkTexts},
		{"repeats", checkRepeats},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, c) })
	}
	rep, err := s.Check(context.Background())
	if err != nil || !rep.OK() {
		t.Errorf("check: %v %v", rep.Problems, err)
	}
}

// demoCounty is the populated county the lifecycle checks look at.
type demoCounty struct {
	s        *data.Store
	recs     []record
	sessions map[int64]data.Session // of 第十一届
	now      string
}

// checkVolume: 120–200 plenary proposals in each of the last two sessions,
// and some between sessions.
func checkVolume(t *testing.T, c *demoCounty) {
	plenary, casual := map[int]int{}, map[int]int{}
	for _, r := range c.recs {
		n := c.sessions[r.p.SessionID].Number
		if r.p.Kind == "大会提案" {
			plenary[n]++
		} else {
			casual[n]++
		}
	}
	for _, n := range []int{5, 6} {
		if plenary[n] < 120 || plenary[n] > 200 || casual[n] == 0 {
			t.Errorf("第%d次会议: %d 大会提案 and %d 平时提案, want 120–200 and some", n, plenary[n], casual[n])
		}
	}
	if len(plenary) != 2 {
		t.Errorf("plenary proposals in sessions %v, want the last two", plenary)
	}

}

// checkStatuses: every status and every 不予立案 disposition occurs, and
// the newest session has proposals waiting for 交办.
func checkStatuses(t *testing.T, c *demoCounty) {
	status, dispo := map[proposal.Status]int{}, map[string]int{}
	for _, r := range c.recs {
		status[r.p.Status]++
		if r.p.Status == proposal.Rejected {
			dispo[r.p.Disposition]++
			if r.p.RejectReason == "" {
				t.Errorf("%s 不予立案 without a reason", r.p.Title)
			}
		}
	}
	for _, st := range proposal.Statuses {
		if status[st] == 0 {
			t.Errorf("no proposal is %s: %v", st, status)
		}
	}
	for _, d := range proposal.Default().Dispositions {
		if dispo[d] == 0 {
			t.Errorf("no proposal went %s: %v", d, dispo)
		}
	}
	var awaiting int
	for _, r := range c.recs {
		if r.p.Status == proposal.Filed && c.sessions[r.p.SessionID].Number == 6 {
			awaiting++
		}
	}
	if awaiting == 0 {
		t.Error("no proposal of the newest session awaits 交办")
	}

}

// checkCoherentDates: nothing after now; plenary proposals come in before
// the session ends and are assigned four to eight weeks after it began;
// most are answered within the deadline.
func checkCoherentDates(t *testing.T, c *demoCounty) {
	checkDates(t, c.recs, c.now)
	onTime, answered := 0, 0
	for _, r := range c.recs {
		p, x := r.p, c.sessions[r.p.SessionID]
		if p.Kind == "大会提案" && (p.Submitted > x.EndDate || p.Submitted < addDays(x.StartDate, -31)) {
			t.Errorf("大会提案 %d submitted %s, session %s–%s", p.Number, p.Submitted, x.StartDate, x.EndDate)
		}
		for _, e := range r.history {
			if e.Action == "交办" && p.Kind == "大会提案" && (e.Date < addDays(x.StartDate, 27) || e.Date > addDays(x.StartDate, 60)) {
				t.Errorf("大会提案 %d assigned %s, session began %s", p.Number, e.Date, x.StartDate)
			}
		}
		if last := lastAnswer(r, 1); last != "" {
			answered++
			if last <= p.Deadline {
				onTime++
			}
		}
	}
	if answered == 0 || float64(onTime)/float64(answered) < 0.85 {
		t.Errorf("%d of %d answered on time, want most", onTime, answered)
	}

}

// checkHandling: overdue, extended, returned, re-handled and split
// proposals exist; merged ones point to a filed proposal of their session.
func checkHandling(t *testing.T, c *demoCounty) {
	overdue, err := c.s.ListProposals(context.Background(), data.ProposalFilter{OverdueOn: c.now})
	if err != nil || len(overdue) == 0 {
		t.Errorf("no proposal overdue on %s (%v)", c.now, err)
	}
	actions := map[string]int{}
	var split, unmerged int
	for _, r := range c.recs {
		for _, e := range r.history {
			actions[e.Action]++
		}
		if r.p.AssignMode == proposal.ModeSplit {
			split++
		}
		if r.p.Status == proposal.Merged {
			master := find(c.recs, r.p.MergedInto)
			if master == nil || master.p.SessionID != r.p.SessionID || !proposal.Counted(master.p.Status) {
				unmerged++
			}
		}
	}
	for _, a := range []proposal.Action{proposal.ActExtend, proposal.ActReturn, proposal.ActRehandle, proposal.ActReview} {
		if actions[string(a)] == 0 {
			t.Errorf("no proposal went through %s: %v", a, actions)
		}
	}
	if split == 0 || unmerged > 0 {
		t.Errorf("分办 %d, merged without a filed master %d", split, unmerged)
	}

}

// checkAnswers: 会办意见 and second-round answers exist; every 答复文号 is
// unique and of its year.
func checkAnswers(t *testing.T, c *demoCounty) {
	docNos := map[string]bool{}
	var helpers, secondRound int
	for _, r := range c.recs {
		for _, a := range r.answers {
			if a.Class == "" {
				helpers++
			} else if docNos[a.DocNo] || !strings.Contains(a.DocNo, fmt.Sprintf("〔%s〕", a.Date[:4])) {
				t.Errorf("答复文号 %q on %s is repeated or of another year", a.DocNo, a.Date)
			}
			docNos[a.DocNo] = true
			if a.Round == 2 {
				secondRound++
			}
		}
	}
	if helpers == 0 || secondRound == 0 {
		t.Errorf("会办意见 %d, second-round answers %d", helpers, secondRound)
	}
}

// checkClasses: result classes and the proposers' verdicts in plausible
// shares.
func checkClasses(t *testing.T, c *demoCounty) {
	class, verdict := map[string]int{}, map[string]int{}
	for _, r := range c.recs {
		if r.p.Class != "" {
			class[r.p.Class]++
			class[""]++
		}
		for _, x := range r.ratings {
			verdict[x.Verdict]++
			verdict[""]++
		}
	}
	checkShare(t, "A", class["A"], class[""], 0.30, 0.45)
	checkShare(t, "B", class["B"], class[""], 0.45, 0.60)
	checkShare(t, "C", class["C"], class[""], 0.05, 0.15)
	checkShare(t, "满意", verdict["满意"], verdict[""], 0.70, 0.95)
	checkShare(t, "基本满意", verdict["基本满意"], verdict[""], 0.04, 0.25)
	checkShare(t, "不满意", verdict["不满意"], verdict[""], 0.002, 0.05)

}

// checkFlags: 重点提案 of every tier with a leader; 优秀提案 for the older
// session only, all closed with a good answer.
func checkFlags(t *testing.T, c *demoCounty) {
	tiers, excellent := map[string]int{}, map[int]int{}
	for _, r := range c.recs {
		if r.p.KeyTier != "" {
			tiers[r.p.KeyTier]++
			if r.p.KeyLeader == "" || !proposal.Assigned(r.p.Status) && r.p.Status != proposal.Filed {
				t.Errorf("key proposal %s: leader %q, status %s", r.p.Title, r.p.KeyLeader, r.p.Status)
			}
		}
		if r.p.ExcellentYear != 0 {
			excellent[c.sessions[r.p.SessionID].Number]++
			if r.p.Status != proposal.Closed || r.p.Class == "C" {
				t.Errorf("优秀提案 %s is %s, class %s", r.p.Title, r.p.Status, r.p.Class)
			}
		}
	}
	for _, tier := range proposal.KeyTiers {
		if tiers[tier] == 0 {
			t.Errorf("no %s proposal: %v", tier, tiers)
		}
	}
	if excellent[5] == 0 || excellent[6] != 0 {
		t.Errorf("优秀提案 by session %v, want some for 2025 and none yet for 2026", excellent)
	}

}

// checkProposers: members of the term, individually and jointly (2–5),
// and organisations; 所属界别 is the first proposer's.
func checkProposers(t *testing.T, c *demoCounty) {
	types := map[string]int{}
	term, members := roster(t, c.s, 11)
	byID := map[int64]data.Member{}
	for _, m := range members {
		byID[m.Membership.ID] = m
	}
	for _, r := range c.recs {
		p := r.p
		types[p.ProposerType]++
		if p.EnteredBy == "" || p.TermID != term.ID {
			t.Errorf("%s: 录入人 %q, term %d", p.Title, p.EnteredBy, p.TermID)
		}
		if proposal.Collective(p.ProposerType) {
			if len(p.Proposers) != 1 || p.Proposers[0].MembershipID != 0 {
				t.Errorf("collective %s by %+v", p.Title, p.Proposers)
			}
			continue
		}
		if n := len(p.Proposers); p.ProposerType == "委员联名" && (n < 2 || n > 5) {
			t.Errorf("joint %s has %d proposers", p.Title, n)
		}
		first, ok := byID[p.Proposers[0].MembershipID]
		if !ok || first.Sector != p.Sector {
			t.Errorf("%s: 所属界别 %s, first proposer %+v", p.Title, p.Sector, first.Membership)
		}
	}
	for _, pt := range []string{"委员个人", "委员联名", "党派", "界别", "专委会"} {
		if types[pt] == 0 {
			t.Errorf("no proposal by %s: %v", pt, types)
		}
	}

}

// checkTexts: 案由 and bodies read like proposals, categories in the
// usual proportions, and full-text search finds them.
func checkTexts(t *testing.T, c *demoCounty) {
	category := map[string]int{}
	for _, r := range c.recs {
		p := r.p
		category[p.Category]++
		if !strings.HasPrefix(p.Title, "关于") || !strings.HasSuffix(p.Title, "的建议") || strings.Contains(p.Title+p.Body, "{") {
			t.Errorf("案由 %q", p.Title)
		}
		if n := len([]rune(p.Body)); n < 300 || n > 800 {
			t.Errorf("%s: body of %d characters", p.Title, n)
		}
		if !slices.Contains(proposal.Default().Categories, p.Category) {
			t.Errorf("%s: category %s", p.Title, p.Category)
		}
	}
	top := slices.SortedFunc(func(yield func(string) bool) {
		for c := range category {
			if !yield(c) {
				return
			}
		}
	}, func(a, b string) int { return category[b] - category[a] })
	if !slices.Contains(top[:2], "社会建设") || !slices.Contains(top[:2], "经济建设") {
		t.Errorf("largest categories %v: %v", top[:2], category)
	}
	found, err := c.s.ListProposals(context.Background(), data.ProposalFilter{Query: "停车泊位"})
	if err != nil || len(found) < 3 {
		t.Errorf("search 停车泊位 finds %d (%v)", len(found), err)
	}

}

// checkRepeats: topics come back the next year, some by the same member
// with the same 案由 (for the duplicate check to find).
func checkRepeats(t *testing.T, c *demoCounty) {
	sessionsOf := map[string]map[int64]bool{}
	for _, r := range c.recs {
		if sessionsOf[r.p.Title] == nil {
			sessionsOf[r.p.Title] = map[int64]bool{}
		}
		sessionsOf[r.p.Title][r.p.SessionID] = true
	}
	repeated, again := 0, 0 // titles raised in both sessions; by the same first proposer
	for _, ss := range sessionsOf {
		if len(ss) > 1 {
			repeated++
		}
	}
	firstBy := map[string]bool{} // title and first proposer in 2025
	for _, r := range c.recs {
		if p := r.p; c.sessions[p.SessionID].Number == 5 && !proposal.Collective(p.ProposerType) {
			firstBy[fmt.Sprint(p.Title, p.Proposers[0].MembershipID)] = true
		}
	}
	for _, r := range c.recs {
		p := r.p
		if c.sessions[p.SessionID].Number == 6 && !proposal.Collective(p.ProposerType) &&
			firstBy[fmt.Sprint(p.Title, p.Proposers[0].MembershipID)] {
			again++
		}
	}
	if repeated < 3 || again < 2 {
		t.Errorf("%d titles come back in 2026, %d by the same member; want a few of each", repeated, again)
	}
}

func TestDemoProposalsAreDeterministic(t *testing.T) {
	t.Parallel()
	opt := demo.Options{Seed: 5, MembersPerTerm: 40, Now: today}
	a, _ := populate(t, opt)
	b, _ := populate(t, opt)
	fa, fb := fingerprint(t, a), fingerprint(t, b)
	if len(fa) == 0 || !slices.Equal(fa, fb) {
		t.Errorf("two runs with seed 5 differ (%d and %d proposals)", len(fa), len(fb))
	}
	opt.Seed = 6
	c, _ := populate(t, opt)
	if slices.Equal(fa, fingerprint(t, c)) {
		t.Error("seeds 5 and 6 give the same proposals")
	}
}

func TestDemoProposalsStopAtNow(t *testing.T) {
	t.Parallel()
	// During the 2026 plenary's 审查: its proposals are in, nothing of it filed.
	now := time.Date(2026, 1, 15, 18, 0, 0, 0, time.Local)
	s := open(t)
	s.Now = func() time.Time { return now } // as the app and the CLI do: Now is the store's clock
	sum, err := demo.Populate(context.Background(), s, demo.Options{Seed: 2, MembersPerTerm: 40, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	recs := loadProposals(t, s)
	if sum.Proposals != len(recs) || len(recs) == 0 {
		t.Fatalf("summary %d, store %d proposals", sum.Proposals, len(recs))
	}
	checkDates(t, recs, now.Format(time.DateOnly))
	sessions := sessionsByID(t, s)
	newest := 0
	for _, r := range recs {
		if sessions[r.p.SessionID].Number == 6 {
			newest++
			if r.p.Status != proposal.Submitted && r.p.Status != proposal.Withdrawn {
				t.Errorf("2026 proposal %d is %s on %s", r.p.Number, r.p.Status, now.Format(time.DateOnly))
			}
		}
	}
	if newest == 0 {
		t.Error("no proposal of the 2026 plenary")
	}
}
