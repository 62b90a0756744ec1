package data_test

import (
	"testing"

	"zhengxie/data"
	"zhengxie/data/assess"
)

// annualFixture holds a year of 履职 records: two 常委会议 and a 主席会议
// in 2025 (one of them in the recycle bin), a 专题协商会, a 调研 and a
// 视察, a 2024 meeting outside the year, three 社情民意 (two issued, one
// adopted at two levels with a 批示), awards, and an assessment with 优秀.
func annualFixture(t *testing.T) *proposalFixture {
	f := newProposalFixture(t)
	ev := func(typ, date string, st ...string) data.Activity {
		a := data.Activity{Kind: data.ActEvent, Type: typ, Title: typ + date, Date: date}
		for i, s := range st {
			a.Members = append(a.Members, f.att(i, s))
		}
		return f.activity(a)
	}
	ev("常委会议", "2025-03-01", data.AttPresent, data.AttLeave, data.AttPresent)
	ev("常委会议", "2025-09-01", data.AttPresent, data.AttLate, data.AttAbsent)
	gone := ev("常委会议", "2025-10-01", data.AttPresent)
	if err := f.s.DeleteActivity(f.ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	ev("主席会议", "2025-04-01", data.AttPresent)
	ev("专题协商会", "2025-05-01", data.AttPresent, data.AttEarly)
	ev("调研", "2025-06-01", data.AttPresent)
	ev("视察", "2025-07-01", data.AttPresent)
	ev("小组讨论", "2025-03-01", data.AttLeave)
	ev("常委会议", "2024-12-01", data.AttPresent)

	info := func(title, issue string, ads ...data.Adoption) {
		f.activity(data.Activity{Kind: data.ActInfo, Title: title, Date: "2025-04-10", Issue: issue, Counted: true,
			Members: []data.Attendee{f.att(0, "")}, Adoptions: ads})
	}
	info("关于农村饮水安全的建议", "2025年第1期",
		data.Adoption{Kind: data.AdoptKindAdopt, Level: "县委县政府", Mode: "单篇"},
		data.Adoption{Kind: data.AdoptKindAdopt, Level: "市政协", Mode: "转送"},
		data.Adoption{Kind: data.AdoptKindInstruct, Level: "县", Leader: "县长"})
	info("关于校车安全的建议", "2025年第2期")
	info("关于集贸市场管理的建议", "")
	f.activity(data.Activity{Kind: data.ActAward, Type: "约谈", Title: "履职约谈", Date: "2025-12-01",
		Members: []data.Attendee{f.att(2, "")}})

	ten, twenty := assess.Int(10), assess.Int(20)
	rs := assess.RuleSet{Name: "清河县委员履职考核",
		Items: []assess.Item{{Name: "参加会议", Rules: []assess.Rule{{Match: assess.Match{Kind: assess.KindEvent,
			Statuses: []string{data.AttPresent}}, Points: &ten}}}},
		Grades:       []assess.Grade{{Name: "优秀", Min: &twenty}, {Name: "合格", Min: &ten}, {Name: "不合格"}},
		Consequences: []assess.Consequence{{Name: "约谈", Grades: []string{"不合格"}}},
	}
	st := data.StoredRuleSet{Year: 2025, Rules: rs}
	if err := f.s.SaveRuleSet(f.ctx, &st); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SaveAssessmentSetup(f.ctx, data.AssessmentSetup{Year: 2025, RuleSetID: st.ID}); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestAnnualStatsCountsTheYearsMeetingsWithAttendance(t *testing.T) {
	f := annualFixture(t)
	a, err := f.s.AnnualStats(f.ctx, f.session.TermID, 2025, "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	standing := a.Event("常委会议")
	// Two live meetings in 2025 (not the deleted one, not 2024's); six seats,
	// of which 出席 ×3 and 迟到 ×1 count as attended.
	if standing.Held != 2 || standing.Expected != 6 || standing.Attended != 4 || standing.Rate.String() != "66.7%" {
		t.Fatalf("常委会议 %+v rate %s", standing, standing.Rate)
	}
	if c := a.Event("专题协商会"); c.Held != 1 || c.Rate.String() != "100.0%" {
		t.Fatalf("专题协商会 counts 早退 as attended: %+v %s", c, c.Rate)
	}
	var meetings []string
	for _, m := range a.Meetings {
		meetings = append(meetings, m.Type)
	}
	if len(meetings) != 3 || meetings[0] != "常委会议" || meetings[1] != "主席会议" || meetings[2] != "专题协商会" {
		t.Fatalf("meetings in the configured order, without 小组讨论/调研/视察: %v", meetings)
	}
	if a.Consultations != 1 || a.Research != 1 || a.Inspections != 1 || a.Supervision != 0 {
		t.Fatalf("协商 %d 调研 %d 视察 %d 民主监督 %d", a.Consultations, a.Research, a.Inspections, a.Supervision)
	}

	whole, err := f.s.AnnualStats(f.ctx, f.session.TermID, 0, "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if whole.Event("常委会议").Held != 3 {
		t.Fatalf("the whole term counts 2024's meeting too: %+v", whole.Event("常委会议"))
	}
}

func TestAnnualStatsInfosAwardsAndAssessment(t *testing.T) {
	f := annualFixture(t)
	a, err := f.s.AnnualStats(f.ctx, f.session.TermID, 2025, "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	in := a.Infos
	if in.Submitted != 3 || in.Issued != 2 || in.Adopted != 1 || in.Instructed != 1 || in.Instructions != 1 || in.Authors != 1 {
		t.Fatalf("社情民意 %+v", in)
	}
	if in.Level("县委县政府") != 1 || in.Level("市政协") != 1 || in.Level("省政协") != 0 || len(in.Levels) != 4 {
		t.Fatalf("levels %+v", in.Levels)
	}
	if in.AdoptRate.String() != "33.3%" {
		t.Fatalf("采用率 %s", in.AdoptRate)
	}
	if a.Award("约谈") != 1 || a.Award("表彰") != 0 {
		t.Fatalf("awards %+v", a.Awards)
	}
	if len(a.Assessments) != 1 {
		t.Fatalf("assessments %+v", a.Assessments)
	}
	y := a.Assessments[0]
	// 张明 was 出席 at six events (60: 优秀), 王强 at one (10: 合格), 李红
	// never (0: 不合格, flagged for 约谈).
	if y.Assessed != 3 || !y.HasExcellent || y.Excellent != 1 || y.Grade("合格") != 1 || y.Grade("不合格") != 1 {
		t.Fatalf("assessment %+v", y)
	}
	if y.Consequence("约谈") != 1 || len(y.Consequences) != 1 {
		t.Fatalf("consequences %+v", y.Consequences)
	}
}

func TestAnnualStatsProposalsAreProposalStats(t *testing.T) {
	f := annualFixture(t)
	f.add("关于改善农村饮水的建议", 0)
	f.add("关于校车安全的建议", 1, 2)
	a, err := f.s.AnnualStats(f.ctx, f.session.TermID, 2025, "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	want, err := f.s.ProposalStats(f.ctx, data.ProposalFilter{TermID: f.session.TermID, Year: 2025}, "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if a.Proposals.Received != 2 || a.Proposals.Received != want.Received || a.Proposals.Filed != want.Filed {
		t.Fatalf("proposals %d/%d, ProposalStats %d/%d", a.Proposals.Received, a.Proposals.Filed, want.Received, want.Filed)
	}
	none, err := f.s.AnnualStats(f.ctx, f.session.TermID, 2024, "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if none.Proposals.Received != 0 || none.Infos.Submitted != 0 || len(none.Assessments) != 1 || none.Assessments[0].RuleSet != "" {
		t.Fatalf("2024 has no proposals, no infos and an assessment without rules: %+v", none.Assessments)
	}
}
