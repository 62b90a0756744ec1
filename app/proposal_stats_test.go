package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

func TestProposalStatsTabShowsReportFigures(t *testing.T) {
	u := testUI(t, true)
	sess := data.Session{TermID: u.term.ID, Number: 5}
	if err := u.store.SaveSession(u.ctx, &sess); err != nil {
		t.Fatal(err)
	}
	m := addMember(t, u, "张明", "男", "经济界", "中共")
	for i, title := range []string{"关于完善城区停车设施的建议", "关于推进老旧小区改造的建议", "关于本人编制问题的建议"} {
		p := data.Proposal{SessionID: sess.ID, Title: title, Category: "社会建设",
			Proposers: []data.Proposer{{MembershipID: m.Membership.ID}}}
		if err := u.store.CreateProposal(u.ctx, &p); err != nil {
			t.Fatal(err)
		}
		step := data.Step{Action: proposal.ActFile}
		if i == 2 {
			step = data.Step{Action: proposal.ActReject, Reason: "涉及提案者本人及其亲属的个人事务", Disposition: "委员来信"}
		}
		if err := u.store.Apply(u.ctx, p.ID, step); err != nil {
			t.Fatal(err)
		}
	}
	u.nav.Select(u.screenIndex(u.proposals))
	u.proposals.tabs.SelectIndex(4)
	st := u.proposals.stats
	if st.scope.Selected != "第五次会议" || st.scope.Options[len(st.scope.Options)-1] != wholeTerm {
		t.Fatalf("scope %q of %v", st.scope.Selected, st.scope.Options)
	}
	for _, want := range []string{"第五次会议以来共收到提案3件", "经审查立案2件，立案率66.7%", "不予立案1件（委员来信1件）",
		"社会建设2件，占100.0%"} {
		if !strings.Contains(st.summary.Text, want) {
			t.Errorf("summary lacks %q: %s", want, st.summary.Text)
		}
	}
	if !strings.Contains(st.figures.Text, "收到 3 件　立案 2 件（立案率 66.7%）") {
		t.Errorf("figures: %s", st.figures.Text)
	}
	if len(st.charts.Objects) != 4 {
		t.Errorf("%d charts", len(st.charts.Objects))
	}
}

// The charts of the 统计 tab are laid out at their full height, none drawn
// over another (the 提案者性质 heading once covered the rounding note
// above it), at 1280 and at 1024 pixels.
func TestProposalStatsChartsDoNotOverlap(t *testing.T) {
	u := demoUI(t)
	u.nav.Select(u.screenIndex(u.proposals))
	u.proposals.tabs.SelectIndex(4)
	st := u.proposals.stats
	for _, w := range []float32{1280, 1024} {
		u.win.Resize(fyne.NewSize(w, 700))
		charts := st.charts.Objects
		if len(charts) != 4 {
			t.Fatalf("%d charts", len(charts))
		}
		for i, a := range charts {
			if a.Size().Height < a.MinSize().Height {
				t.Errorf("width %.0f: chart %d is %.0f high, needs %.0f", w, i, a.Size().Height, a.MinSize().Height)
			}
			for j, b := range charts[i+1:] {
				if overlap(a, b) {
					t.Errorf("width %.0f: chart %d at %v %v overlaps chart %d at %v %v", w, i, a.Position(), a.Size(), i+1+j, b.Position(), b.Size())
				}
			}
		}
	}
}

func overlap(a, b fyne.CanvasObject) bool {
	ap, as, bp, bs := a.Position(), a.Size(), b.Position(), b.Size()
	return ap.X < bp.X+bs.Width && bp.X < ap.X+as.Width && ap.Y < bp.Y+bs.Height && bp.Y < ap.Y+as.Height
}
