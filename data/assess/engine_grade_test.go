package assess

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// anqingGrades: 优秀 ≥90, 良好 ≥80, 称职 ≥60, 不称职 below.
func anqingGrades() []Grade {
	return []Grade{{Name: "优秀", Min: ptp("90")}, {Name: "良好", Min: ptp("80")}, {Name: "称职", Min: ptp("60")}, {Name: "不称职"}}
}

// scored is a rule set whose total is the member's records of kind
// "record" at their Type value ("90" → 90), each split equally among its
// Authors, so tests can dial any exact total.
func scored() RuleSet {
	rs := ruleSet(Item{Name: "得分", Rules: []Rule{{Match: Match{Kind: KindRecord}, ByRole: map[string]Points{}, Split: SplitEqual}}})
	rs.Grades = anqingGrades()
	return rs
}

// scoreRecs gives the total s: by_role looks up the record's Role, so the
// test rule set maps each distinct value.
func withScores(rs RuleSet, scores ...string) RuleSet {
	for _, s := range scores {
		rs.Items[0].Rules[0].ByRole[s] = pt(s)
	}
	return rs
}

func scoreRec(id int64, value string, authors int) Record {
	return Record{ID: id, Kind: KindRecord, Role: value, Date: "2026-06-01", Authors: authors, Position: 1}
}

func TestGradeBoundary(t *testing.T) {
	// 269/3 = 89.666… prints "89.67" but is below 90: 良好. Exactly 90: 优秀.
	// 80 + 29/3 = 269/3; 60 exactly: 称职; 59: 不称职.
	rs := withScores(scored(), "80", "29", "90", "60", "59")
	members := []Member{mem(1, "甲"), mem(2, "乙"), mem(3, "丙"), mem(4, "丁")}
	res := eval(t, rs, members, map[int64][]Record{
		1: {scoreRec(1, "80", 1), scoreRec(2, "29", 3)},
		2: {scoreRec(1, "90", 1)},
		3: {scoreRec(1, "60", 1)},
		4: {scoreRec(1, "59", 1)},
	})
	m := res.Members[0]
	if m.Total.Exact() != "269/3" || m.Total.Format(2) != "89.67" || m.Grade != "良好" {
		t.Errorf("269/3: total %s (%s) grade %s", m.Total.Exact(), m.Total.Format(2), m.Grade)
	}
	for i, want := range []string{"良好", "优秀", "称职", "不称职"} {
		if got := res.Members[i].Grade; got != want {
			t.Errorf("%s: grade %s, want %s", res.Members[i].Member.Name, got, want)
		}
	}
}

func TestNoCatchAllGrade(t *testing.T) {
	rs := withScores(scored(), "50")
	rs.Grades = []Grade{{Name: "合格", Min: ptp("60")}}
	if g := eval(t, rs, []Member{mem(1, "甲")}, map[int64][]Record{1: {scoreRec(1, "50", 1)}}).Members[0].Grade; g != "" {
		t.Errorf("grade = %q, want none", g)
	}
}

func TestGateCapsGrade(t *testing.T) {
	// 三个一: one proposal and one 社情民意 a year; failing it caps the grade
	// at 称职. 甲 scores 95 without a proposal → 称职 (by score 优秀);
	// 乙 scores 70 without either → stays 称职, two 未履职 rows; 丙 meets it.
	rs := withScores(scored(), "95", "70")
	rs.Gates = []Gate{{Name: "三个一", MaxGrade: "称职", Require: []Requirement{
		{Name: "提交提案", Match: Match{Kind: KindProposal, Tags: []string{TagSubmitted}}},
		{Name: "报送社情民意", Match: Match{Kind: KindInfo}, Min: 1},
	}}}
	info := Record{ID: 9, Kind: KindInfo, Date: "2026-03-01", Authors: 1}
	res := eval(t, rs, []Member{mem(1, "甲"), mem(2, "乙"), mem(3, "丙")}, map[int64][]Record{
		1: {scoreRec(1, "95", 1), info},
		2: {scoreRec(1, "70", 1)},
		3: {scoreRec(1, "95", 1), info, prop(5, "2026-02-01", 1, 1, TagSubmitted)},
	})
	a, b, c := res.Members[0], res.Members[1], res.Members[2]
	if a.Grade != "称职" || a.GradeByScore != "优秀" || a.Gates[0].Passed || !slices.Equal(a.Gates[0].Missing, []string{"提交提案"}) {
		t.Errorf("甲: grade %s by score %s gates %+v", a.Grade, a.GradeByScore, a.Gates)
	}
	if len(a.Notes) != 1 || a.Notes[0] != "未达到“三个一”（缺：提交提案），等次由优秀降为称职" {
		t.Errorf("甲 notes = %q", a.Notes)
	}
	if b.Grade != "称职" || len(b.Notes) != 0 {
		t.Errorf("乙: grade %s notes %q", b.Grade, b.Notes)
	}
	if c.Grade != "优秀" || !c.Gates[0].Passed {
		t.Errorf("丙: grade %s gates %+v", c.Grade, c.Gates)
	}
	un := res.Unperformed()
	var got []string
	for _, u := range un {
		got = append(got, u.Member.Name+"/"+u.Gate+"/"+u.Requirement)
		if u.Found != 0 || u.Need != 1 {
			t.Errorf("%s: found %d need %d", u.Member.Name, u.Found, u.Need)
		}
	}
	want := []string{"甲/三个一/提交提案", "乙/三个一/提交提案", "乙/三个一/报送社情民意"}
	if !slices.Equal(got, want) {
		t.Errorf("Unperformed = %q, want %q", got, want)
	}
}

func TestConsequencesOverYears(t *testing.T) {
	// 金台: below 40 two years running → 劝辞; 优秀 → 通报表彰; 3 absences
	// from the 全会 in a year → 约谈, and 2 years of ≥1 absence → 提醒.
	rs := withScores(scored(), "30", "95")
	rs.Consequences = []Consequence{
		{Name: "劝辞", Below: ptp("40"), Years: 2},
		{Name: "通报表彰", Grades: []string{"优秀"}},
		{Name: "约谈", Count: &Requirement{Match: Match{Kind: KindEvent, Statuses: []string{"缺席"}}, Min: 3}},
		{Name: "提醒", Count: &Requirement{Match: Match{Kind: KindEvent, Statuses: []string{"缺席"}}}, Years: 2},
	}
	absent := []Record{ev(21, "2026-01-01", "全体会议", "缺席"), ev(22, "2026-03-01", "常委会议", "缺席"), ev(23, "2026-05-01", "常委会议", "缺席")}
	members := []Member{mem(1, "甲"), mem(2, "乙"), mem(3, "丙"), mem(4, "丁")}
	f := Facts{Year: 2026, Members: members,
		Records: map[int64][]Record{
			1: append([]Record{scoreRec(1, "30", 1)}, absent...), // 30 now, 35 in 2025 → 劝辞; 3 absences → 约谈; 2025 count 1 → 提醒
			2: {scoreRec(1, "30", 1), absent[0]},                 // 30 now, 50 in 2025 → nothing; 2025 flagged 提醒 without counts → 提醒
			3: {scoreRec(1, "30", 1)},                            // no history → no 劝辞, a note
			4: {scoreRec(1, "95", 1)},                            // 优秀 → 通报表彰
		},
		History: map[int64][]Past{
			1001: {{Year: 2024, Total: pt("80")}, {Year: 2025, Total: pt("35"), Counts: map[string]int{"提醒": 1}}},
			1002: {{Year: 2025, Total: pt("50"), Flags: []string{"提醒"}}},
		},
	}
	res, err := Evaluate(rs, f)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"劝辞", "约谈", "提醒"}, {"提醒"}, nil, {"通报表彰"}}
	for i, m := range res.Members {
		if !slices.Equal(m.Consequences, want[i]) {
			t.Errorf("%s: consequences %q, want %q", m.Member.Name, m.Consequences, want[i])
		}
	}
	if n := res.Members[0].Counts["约谈"]; n != 3 {
		t.Errorf("甲 count 约谈 = %d", n)
	}
	c := res.Members[2]
	if !slices.Contains(c.Notes, "“劝辞”要求连续2年，缺少2025年的考核结果，未标记") {
		t.Errorf("丙 notes = %q", c.Notes)
	}
	p := res.Members[0].Past(2026)
	if p.Year != 2026 || p.Total.Exact() != "30" || !slices.Equal(p.Flags, want[0]) || p.Counts["提醒"] != 3 {
		t.Errorf("Past = %+v", p)
	}
}

func TestExclusions(t *testing.T) {
	rs := withScores(scored(), "70")
	rs.Exclude = Exclusion{Roles: []string{"主席"}, Inactive: true, JoinedAfter: "06-30"}
	chair := mem(2, "主席甲")
	chair.Role = "主席"
	moved := mem(3, "调离乙")
	moved.Status, moved.StatusDate = "调离", "2026-05-01"
	movedLater := mem(4, "明年调离")
	movedLater.Status, movedLater.StatusDate = "调离", "2027-02-01"
	late := mem(5, "晚增补")
	late.Status, late.StatusDate = "增补", "2026-07-01"
	early := mem(6, "早增补")
	early.Status, early.StatusDate = "增补", "2026-06-30"
	manual := mem(7, "病休")
	manual.Excluded = "长期病休，经主席会议同意不参加考核"
	members := []Member{mem(1, "甲"), chair, moved, movedLater, late, early, manual}
	recs := map[int64][]Record{}
	for _, m := range members {
		recs[m.ID] = []Record{scoreRec(1, "70", 1)}
	}
	res := eval(t, rs, members, recs)
	want := []string{"", "政协职务为主席，不参加考核", "已调离（2026-05-01）", "", "2026-07-01增补，晚于6月30日，本年度不参加考核", "", "长期病休，经主席会议同意不参加考核"}
	if len(res.Members) != len(members) {
		t.Fatalf("members = %d, excluded must stay listed", len(res.Members))
	}
	for i, m := range res.Members {
		if m.Excluded != want[i] {
			t.Errorf("%s: excluded %q, want %q", m.Member.Name, m.Excluded, want[i])
		}
		if m.Excluded != "" && (m.Items != nil || !m.Total.IsZero() || m.Rank != 0 || m.Grade != "") {
			t.Errorf("%s: excluded but filled: %+v", m.Member.Name, m)
		}
		if m.Excluded == "" && (m.Rank != 1 || m.Grade != "称职") {
			t.Errorf("%s: rank %d grade %s", m.Member.Name, m.Rank, m.Grade)
		}
	}
}

func TestRanksWithTies(t *testing.T) {
	// Totals 80, 90, 80, 70 (excluded member in between) → ranks 2, 1, 2, 4.
	rs := withScores(scored(), "80", "90", "70")
	skip := mem(5, "不考核")
	skip.Excluded = "挂职"
	members := []Member{mem(1, "甲"), mem(2, "乙"), skip, mem(3, "丙"), mem(4, "丁")}
	res := eval(t, rs, members, map[int64][]Record{
		1: {scoreRec(1, "80", 1)}, 2: {scoreRec(1, "90", 1)}, 3: {scoreRec(1, "80", 1)}, 4: {scoreRec(1, "70", 1)}, 5: {scoreRec(1, "90", 1)},
	})
	var got []int
	for _, m := range res.Members {
		got = append(got, m.Rank)
	}
	if !slices.Equal(got, []int{2, 1, 0, 2, 4}) {
		t.Errorf("ranks = %v, want [2 1 0 2 4]", got)
	}
	// Ties by exact value: 80 + 1/3 ranks above 80 though both print "80.33"/"80".
	rs = withScores(scored(), "80", "1")
	res = eval(t, rs, []Member{mem(1, "甲"), mem(2, "乙")}, map[int64][]Record{1: {scoreRec(1, "80", 1)}, 2: {scoreRec(1, "80", 1), scoreRec(2, "1", 3)}})
	if res.Members[0].Rank != 2 || res.Members[1].Rank != 1 {
		t.Errorf("exact ranks = %d, %d", res.Members[0].Rank, res.Members[1].Rank)
	}
}

func TestResultColumnsAndDeterminism(t *testing.T) {
	rs := ruleSet(
		Item{Name: "参加政协会议", Column: "会议", Base: ptp("50")},
		Item{Name: "提交提案", Rules: []Rule{{Match: Match{Kind: KindProposal}, ByStatus: map[string]Points{"立案": pt("15"), "不予立案": pt("5")}}}},
	)
	f := Facts{Year: 2026, Members: []Member{mem(1, "甲")}, Records: map[int64][]Record{1: {
		{ID: 2, Kind: KindProposal, Status: "立案", Date: "2026-01-01", Authors: 1},
		{ID: 1, Kind: KindProposal, Status: "不予立案", Date: "2026-01-01", Authors: 1},
	}}}
	a, err := Evaluate(rs, f)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Columns, []string{"会议", "提交提案"}) || !slices.Equal(a.Items, []string{"参加政协会议", "提交提案"}) || a.Year != 2026 || a.RuleSet != "测试规则" {
		t.Errorf("header = %+v %+v", a.Items, a.Columns)
	}
	if l := a.Members[0].Items[1].Rules[0].Lines; l[0].Record.ID != 1 || l[1].Record.ID != 2 {
		t.Errorf("same-date records not ordered by id")
	}
	for range 20 {
		b, _ := Evaluate(rs, f)
		if !reflect.DeepEqual(a, b) {
			t.Fatal("two evaluations differ")
		}
	}
}

func TestEvaluateRejectsBadRules(t *testing.T) {
	rs := ruleSet(Item{Name: "x", Rules: []Rule{{Match: Match{Kind: "会议"}, Points: ptp("1")}}})
	_, err := Evaluate(rs, Facts{Year: 2026})
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 || !strings.Contains(err.Error(), "第1项“x”第1条规则：kind 只能是") {
		t.Errorf("err = %v", err)
	}
}

func TestExplain(t *testing.T) {
	rs := ruleSet(
		Item{Name: "提交提案", Cap: ptp("25"), Rules: []Rule{{Name: "每件提案", Match: Match{Kind: KindProposal}, Points: ptp("10"), Split: SplitEqual}}},
		Item{Name: "常委会议", AppliesTo: AppliesStanding, Base: ptp("10")},
	)
	rs.Grades = []Grade{{Name: "合格", Min: ptp("3")}, {Name: "不合格"}}
	p := prop(12, "2026-03-02", 2, 3)
	p.Ref, p.Title = "第012号", "关于加强农村饮水安全的建议"
	m := eval(t, rs, []Member{mem(1, "甲")}, map[int64][]Record{1: {p, {ID: 3, Kind: KindAdjust, Points: pt("-1"), Date: "2026-04-01", Note: "无故缺席专题协商会"}}}).Members[0]
	got := strings.Join(m.Explain(2), "\n")
	want := strings.Join([]string{
		"提交提案：3.33分",
		"  每件提案：1条，3.33分",
		"    2026-03-02 第012号 关于加强农村饮水安全的建议：+3.33分，联名3人均分",
		"常委会议：不适用",
		"扣分 2026-04-01：-1分，无故缺席专题协商会",
		"总分：2.33分",
		"等次：不合格",
	}, "\n")
	if got != want {
		t.Errorf("Explain:\n%s\nwant:\n%s", got, want)
	}
	if _, ok := (Result{Members: []MemberResult{m}}).Find(99); ok {
		t.Error("Find found a missing member")
	}
	excluded := MemberResult{Excluded: "挂职"}
	if e := excluded.Explain(2); len(e) != 1 || e[0] != "不参加考核：挂职" {
		t.Errorf("excluded explain = %q", e)
	}
}
