package data_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/data/proposal"
)

// activity stores a that must be valid.
func (f *proposalFixture) activity(a data.Activity) data.Activity {
	f.t.Helper()
	a.TermID = f.session.TermID
	if err := f.s.CreateActivity(f.ctx, &a); err != nil {
		f.t.Fatalf("%s: %v", a.Title, err)
	}
	return a
}

func (f *proposalFixture) att(i int, status string) data.Attendee {
	return data.Attendee{MembershipID: f.members[i].Membership.ID, Status: status}
}

// recordsOf is a member's records as "kind type status role pos/authors tags" lines.
func recordsOf(t *testing.T, facts assess.Facts, m data.Member) []string {
	t.Helper()
	var out []string
	for _, r := range facts.Records[m.Membership.ID] {
		line := strings.Join([]string{r.Kind, r.Type, r.Status, r.Role, r.Level}, "|")
		if r.Authors > 1 {
			line += "|" + string(rune('0'+r.Position)) + "/" + string(rune('0'+r.Authors))
		}
		if len(r.Tags) > 0 {
			line += "|" + strings.Join(r.Tags, ",")
		}
		if r.Kind == assess.KindAdjust {
			line += "|" + r.Points.Exact()
		}
		out = append(out, line)
	}
	slices.Sort(out)
	return out
}

func TestAssessmentFactsTurnRecordsIntoTaggedLines(t *testing.T) {
	f := newProposalFixture(t)
	f.activity(data.Activity{Kind: data.ActEvent, Type: "全体会议", Title: "十一届五次全体会议", Date: "2025-01-10",
		Members: []data.Attendee{f.att(0, data.AttPresent), f.att(1, data.AttLeave), f.att(2, data.AttAbsent)}})
	f.activity(data.Activity{Kind: data.ActEvent, Type: "调研", Title: "上年的调研", Date: "2024-11-10",
		Members: []data.Attendee{f.att(0, data.AttPresent)}})
	gone := f.activity(data.Activity{Kind: data.ActEvent, Type: "视察", Title: "删除的视察", Date: "2025-05-10",
		Members: []data.Attendee{f.att(0, data.AttPresent)}})
	if err := f.s.DeleteActivity(f.ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	f.activity(data.Activity{Kind: data.ActInfo, Title: "关于农村饮水的建议", Date: "2025-03-02", Issue: "12",
		Members: []data.Attendee{{MembershipID: f.members[1].Membership.ID}, {Name: "县水利局 刘工"},
			{MembershipID: f.members[0].Membership.ID}},
		Adoptions: []data.Adoption{{Kind: "采用", Level: "县委县政府"}, {Kind: "采用", Level: "市政协"},
			{Kind: "批示", Level: "县", Leader: "县长"}}})
	f.activity(data.Activity{Kind: data.ActAward, Type: "表彰", Level: "县", Title: "优秀政协委员", Date: "2025-12-20",
		Members: []data.Attendee{f.att(0, "")}})
	joint := f.add("关于发展县域物流的建议", 0, 1)
	f.do(joint.ID, data.Step{Action: proposal.ActFile})
	alone := f.add("关于整治城区噪声的建议", 2)
	f.do(alone.ID, data.Step{Action: proposal.ActReview, Date: "2025-02-01"},
		data.Step{Action: proposal.ActReject, Date: "2025-02-02", Reason: "属于社情民意", Disposition: "转社情民意"})
	adj := data.Adjustment{Year: 2025, MembershipID: f.members[2].Membership.ID, Points: assess.Int(-2),
		Reason: "无故缺席常委会议", EnteredBy: "小周"}
	if err := f.s.SaveAdjustment(f.ctx, &adj); err != nil {
		t.Fatal(err)
	}

	facts, err := f.s.AssessmentFacts(f.ctx, f.session.TermID, 2025)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"award|表彰|||县", "event|全体会议|出席||", "info|||联名|市政协|3/3|编发,采用,采用:县委县政府,采用:市政协,批示,批示:县",
			"proposal|委员联名|立案|第一提案人||1/2|提交,立案,大会提案"},
		{"event|全体会议|请假(已批准)||", "info|||第一作者|市政协|1/3|编发,采用,采用:县委县政府,采用:市政协,批示,批示:县",
			"proposal|委员联名|立案|联名||2/2|提交,立案,大会提案"},
		{"adjust|||||-2", "event|全体会议|缺席(无故)||", "info|||第一作者||提案转来",
			"proposal|委员个人|不予立案|第一提案人||提交,不予立案,转社情民意,大会提案"},
	}
	for i, m := range f.members {
		if got := recordsOf(t, facts, m); !slices.Equal(got, want[i]) {
			t.Errorf("%s:\n got %q\nwant %q", m.Name, got, want[i])
		}
	}
	if len(facts.Members) != 3 || facts.Members[0].Name != "张明" {
		t.Fatalf("members %+v", facts.Members)
	}
	// The 社情民意 made from the rejected proposal is linked and listed.
	infos, err := f.s.ListActivities(f.ctx, data.ActivityFilter{Kind: data.ActInfo, Query: "噪声"})
	if err != nil || len(infos) != 1 {
		t.Fatalf("converted info: %v %v", infos, err)
	}
	got, _ := f.s.GetActivity(f.ctx, infos[0].ID)
	if got.ProposalID != alone.ID || got.Source != data.SourceFromProposal || got.Date != "2025-02-02" {
		t.Fatalf("converted info %+v", got)
	}
}

// lowRules gives 10 per event attended and flags 约谈 below 60 two years running.
func lowRules(name string) assess.RuleSet {
	sixty := assess.Int(60)
	ten := assess.Int(10)
	return assess.RuleSet{Name: name,
		Items: []assess.Item{{Name: "参加会议", Rules: []assess.Rule{{Match: assess.Match{Kind: assess.KindEvent,
			Statuses: []string{data.AttPresent}}, Points: &ten}}}},
		Grades:       []assess.Grade{{Name: "称职", Min: &sixty}, {Name: "不称职"}},
		Consequences: []assess.Consequence{{Name: "约谈", Below: &sixty, Years: 2}},
	}
}

func TestAssessKeepsEachYearsRulesAndLooksBack(t *testing.T) {
	f := newProposalFixture(t)
	for _, y := range []string{"2024", "2025"} {
		f.activity(data.Activity{Kind: data.ActEvent, Type: "常委会议", Title: y + "年常委会议", Date: y + "-06-01",
			Members: []data.Attendee{f.att(0, data.AttPresent), f.att(1, data.AttAbsent)}})
	}
	stored := map[int]data.StoredRuleSet{}
	for _, y := range []int{2024, 2025} {
		st := data.StoredRuleSet{Year: y, Rules: lowRules("清河县委员履职考核")}
		if err := f.s.SaveRuleSet(f.ctx, &st); err != nil {
			t.Fatal(err)
		}
		if err := f.s.SaveAssessmentSetup(f.ctx, data.AssessmentSetup{Year: y, RuleSetID: st.ID,
			Excluded: map[int64]string{f.members[2].Membership.ID: "挂职"}}); err != nil {
			t.Fatal(err)
		}
		stored[y] = st
	}
	res, rs, err := f.s.Assess(f.ctx, 2025, stored[2025].ID)
	if err != nil {
		t.Fatal(err)
	}
	if rs.Name != "清河县委员履职考核" || len(res.Members) != 3 {
		t.Fatalf("result %+v", res)
	}
	zhang, li, wang := res.Members[0], res.Members[1], res.Members[2]
	if zhang.Total != assess.Int(10) || li.Total != assess.Int(0) || wang.Excluded != "挂职" {
		t.Fatalf("totals %v %v, excluded %q", zhang.Total, li.Total, wang.Excluded)
	}
	if !slices.Equal(zhang.Consequences, []string{"约谈"}) || !slices.Equal(li.Consequences, []string{"约谈"}) {
		t.Fatalf("two years below 60: %v %v", zhang.Consequences, li.Consequences)
	}

	// Next year's copy changes; this year's result does not.
	next, err := f.s.CopyRuleSet(f.ctx, stored[2025].ID, 2026)
	if err != nil {
		t.Fatal(err)
	}
	hundred := assess.Int(100)
	next.Rules.Items[0].Rules[0].Points = &hundred
	if err := f.s.SaveRuleSet(f.ctx, &next); err != nil {
		t.Fatal(err)
	}
	again, _, err := f.s.Assess(f.ctx, 2025, stored[2025].ID)
	if err != nil || again.Members[0].Total != assess.Int(10) {
		t.Fatalf("2025 after editing 2026: %v %v", again.Members[0].Total, err)
	}
	// A rule set in use cannot be deleted; a name is unique within a year.
	if err := f.s.DeleteRuleSet(f.ctx, stored[2025].ID); !strings.Contains(data.UserMessage(err), "请先选用其他规则集") {
		t.Fatalf("delete in use: %v", err)
	}
	dup := data.StoredRuleSet{Year: 2026, Rules: lowRules("清河县委员履职考核")}
	if err := f.s.SaveRuleSet(f.ctx, &dup); !strings.Contains(data.UserMessage(err), "已有名为") {
		t.Fatalf("duplicate name: %v", err)
	}
	if err := f.s.DeleteRuleSet(f.ctx, next.ID); err != nil {
		t.Fatal(err)
	}
	if sets, _ := f.s.ListRuleSets(f.ctx, 0); len(sets) != 2 {
		t.Fatalf("rule sets left: %d", len(sets))
	}
}

func TestSaveRuleSetRefusesBrokenRulesAndChangesNothing(t *testing.T) {
	f := newProposalFixture(t)
	rs := lowRules("坏规则")
	rs.Items[0].Rules[0].Split = "third"
	st := data.StoredRuleSet{Year: 2025, Rules: rs}
	err := f.s.SaveRuleSet(f.ctx, &st)
	var ve data.ValidationErrors
	if !errors.As(err, &ve) || !strings.Contains(ve[0].Field, "参加会议") {
		t.Fatalf("broken rule: %v", err)
	}
	if sets, _ := f.s.ListRuleSets(f.ctx, 2025); len(sets) != 0 || st.ID != 0 {
		t.Fatalf("stored %d", len(sets))
	}
	if _, err := f.s.RuleSetByName(f.ctx, 2025, "坏规则"); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("by name: %v", err)
	}
}

func TestAdjustmentsNeedPointsAndReason(t *testing.T) {
	f := newProposalFixture(t)
	bad := data.Adjustment{Year: 2025, MembershipID: f.members[0].Membership.ID}
	msg := data.UserMessage(f.s.SaveAdjustment(f.ctx, &bad))
	if !strings.Contains(msg, "分值") || !strings.Contains(msg, "事由") {
		t.Fatalf("message %q", msg)
	}
	good := data.Adjustment{Year: 2025, MembershipID: f.members[0].Membership.ID, Points: assess.Frac(5, 2),
		Reason: "市级优秀调研报告", Date: "2025.7.1"}
	if err := f.s.SaveAdjustment(f.ctx, &good); err != nil {
		t.Fatal(err)
	}
	list, err := f.s.ListAdjustments(f.ctx, 2025)
	if err != nil || len(list) != 1 || list[0].Points != assess.Frac(5, 2) || list[0].Name != "张明" || list[0].Date != "2025-07-01" {
		t.Fatalf("list %+v %v", list, err)
	}
	if err := f.s.DeleteAdjustment(f.ctx, good.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := f.s.ListAdjustments(f.ctx, 2025); len(list) != 0 {
		t.Fatalf("after delete %d", len(list))
	}
}

func TestYearTermPrefersTheNewTerm(t *testing.T) {
	f := newProposalFixture(t)
	next, err := f.s.CreateTerm(f.ctx, data.Term{Number: 12, StartYear: 2026, EndYear: 2031})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := f.s.YearTerm(f.ctx, 2026); got.ID != next.ID {
		t.Fatalf("2026 → term %d", got.Number)
	}
	if got, _ := f.s.YearTerm(f.ctx, 2025); got.Number != 11 {
		t.Fatalf("2025 → term %d", got.Number)
	}
	if _, err := f.s.YearTerm(f.ctx, 2040); !strings.Contains(data.UserMessage(err), "不在任何一届") {
		t.Fatalf("2040: %v", err)
	}
}
