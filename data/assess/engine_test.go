package assess

import (
	"strings"
	"testing"
)

// pt parses points in test tables (panics on a typo in the test itself).
func pt(s string) Points {
	p, err := ParsePoints(s)
	if err != nil {
		panic(err)
	}
	return p
}

func ptp(s string) *Points { p := pt(s); return &p }

func mem(id int64, name string) Member {
	return Member{ID: id, PersonID: 1000 + id, Name: name, Role: "委员", Status: "在任"}
}

func prop(id int64, date string, pos, authors int, tags ...string) Record {
	return Record{ID: id, Kind: KindProposal, Date: date, Position: pos, Authors: authors, Tags: tags, Ref: "提案"}
}

func ev(id int64, date, typ, status string) Record {
	return Record{ID: id, Kind: KindEvent, Date: date, Type: typ, Status: status, Authors: 1}
}

func ruleSet(items ...Item) RuleSet { return RuleSet{Name: "测试规则", Items: items} }

// eval evaluates one year (2026) and fails the test on a rule-set problem.
func eval(t *testing.T, rs RuleSet, members []Member, recs map[int64][]Record) Result {
	t.Helper()
	res, err := Evaluate(rs, Facts{Year: 2026, Members: members, Records: recs})
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	return res
}

// item returns one member's item by index, failing if the member is missing.
func itemOf(t *testing.T, res Result, id int64, i int) ItemResult {
	t.Helper()
	m, ok := res.Find(id)
	if !ok {
		t.Fatalf("member %d not in result", id)
	}
	return m.Items[i]
}

func wantPoints(t *testing.T, what string, got Points, want string) {
	t.Helper()
	if got.Cmp(pt(want)) != 0 {
		t.Errorf("%s = %s, want %s", what, got.Exact(), want)
	}
}

func TestJointSplits(t *testing.T) {
	submit := Match{Kind: KindProposal, Tags: []string{TagSubmitted}}
	rule := func(split string) Rule {
		r := Rule{Match: submit, Points: ptp("10"), Split: split}
		if split == SplitFixed {
			r.Points, r.First, r.Others = ptp("10"), ptp("10"), ptp("5")
		}
		return r
	}
	tests := []struct {
		split         string
		pos, authors  int
		want, exact   string
		format, noted string
	}{
		{SplitWhole, 2, 3, "10", "10", "10", ""},
		{SplitHalfFirst, 1, 1, "10", "10", "10", ""},              // alone: whole
		{SplitHalfFirst, 1, 3, "5", "5", "5", "第一提案人得一半"},         // 10/2
		{SplitHalfFirst, 2, 3, "2.5", "2.5", "2.5", "其余2人均分另一半"},  // 10/2/2
		{SplitHalfFirst, 3, 4, "5/3", "5/3", "1.67", "其余3人均分另一半"}, // 10/2/3
		{SplitEqual, 2, 3, "10/3", "10/3", "3.33", "联名3人均分"},      // 10/3: thirds
		{SplitEqual, 1, 4, "2.5", "2.5", "2.5", "联名4人均分"},         // 10/4
		{SplitFixed, 1, 3, "10", "10", "10", "第一提案人计10分"},         // First
		{SplitFixed, 3, 3, "5", "5", "5", "其他提案人计5分"},             // Others
		{SplitFixed, 1, 1, "10", "10", "10", ""},                  // alone: whole value
		{SplitFirstOnly, 1, 4, "10", "10", "10", "只计第一提案人"},       // first scores
		{SplitFirstOnly, 2, 4, "0", "0", "0", "只计第一提案人，本人不计分"},    // others nothing
	}
	for _, tt := range tests {
		rs := ruleSet(Item{Name: "提交提案", Rules: []Rule{rule(tt.split)}})
		res := eval(t, rs, []Member{mem(1, "甲")}, map[int64][]Record{1: {prop(1, "2026-01-10", tt.pos, tt.authors, TagSubmitted)}})
		it := itemOf(t, res, 1, 0)
		l := it.Rules[0].Lines[0]
		if l.Points.Exact() != tt.exact || l.Points.Format(2) != tt.format || it.Final.Cmp(pt(tt.want)) != 0 {
			t.Errorf("%s %d/%d: line %s (%s), item %s; want %s (%s)", tt.split, tt.pos, tt.authors, l.Points.Exact(), l.Points.Format(2), it.Final.Exact(), tt.exact, tt.format)
		}
		if !strings.Contains(l.Note, tt.noted) || (tt.noted == "" && l.Note != "") {
			t.Errorf("%s %d/%d: note %q, want %q", tt.split, tt.pos, tt.authors, l.Note, tt.noted)
		}
		if l.Counted != (tt.want != "0") {
			t.Errorf("%s %d/%d: Counted = %v", tt.split, tt.pos, tt.authors, l.Counted)
		}
	}
}

func TestThirdsAddUpExactly(t *testing.T) {
	// 桐城: three joint proposals, 3 authors each, equal split of 10:
	// 10/3 × 3 = 10 exactly, not 9.99.
	rs := ruleSet(Item{Name: "提交提案", Rules: []Rule{{Match: Match{Kind: KindProposal}, Points: ptp("10"), Split: SplitEqual}}})
	recs := []Record{prop(1, "2026-01-01", 2, 3), prop(2, "2026-01-02", 3, 3), prop(3, "2026-01-03", 1, 3)}
	res := eval(t, rs, []Member{mem(1, "甲")}, map[int64][]Record{1: recs})
	it := itemOf(t, res, 1, 0)
	if it.Final.Exact() != "10" || res.Members[0].Total.Format(2) != "10" || it.Count != 3 {
		t.Errorf("three thirds = %s (count %d), want 10", it.Final.Exact(), it.Count)
	}
}

func TestTongchengProposalItem(t *testing.T) {
	// 桐城 item 2: 10 per proposal submitted, +15 when 立案, joint: first
	// half, the others share the other half; item cap 25.
	// Member 2 is second of 3 on a 立案 proposal: 10/2/2 + 15/2/2 = 2.5 + 3.75 = 6.25.
	// Member 1 is first on it (5 + 7.5 = 12.5) and alone on two more 立案
	// ones (2 × 25 = 50): 62.5 → cap 25.
	rs := ruleSet(Item{Name: "提交提案", Cap: ptp("25"), Rules: []Rule{
		{Name: "提交", Match: Match{Kind: KindProposal, Tags: []string{TagSubmitted}}, Points: ptp("10"), Split: SplitHalfFirst},
		{Name: "立案", Match: Match{Kind: KindProposal, Tags: []string{TagFiled}}, Points: ptp("15"), Split: SplitHalfFirst},
	}})
	recs := map[int64][]Record{
		1: {prop(7, "2026-01-05", 1, 3, TagSubmitted, TagFiled), prop(8, "2026-01-06", 1, 1, TagSubmitted, TagFiled), prop(9, "2026-01-07", 1, 1, TagSubmitted, TagFiled)},
		2: {prop(7, "2026-01-05", 2, 3, TagSubmitted, TagFiled)},
	}
	res := eval(t, rs, []Member{mem(1, "甲"), mem(2, "乙")}, recs)
	it2 := itemOf(t, res, 2, 0)
	wantPoints(t, "second author", it2.Final, "6.25")
	if it2.Count != 1 {
		t.Errorf("count = %d, want 1 (one record matched by both rules)", it2.Count)
	}
	it1 := itemOf(t, res, 1, 0)
	wantPoints(t, "first author raw", it1.Raw, "62.5")
	wantPoints(t, "first author capped", it1.Final, "25")
	if len(it1.Notes) != 1 || it1.Notes[0] != "超过上限25分，按25分计" {
		t.Errorf("notes = %q", it1.Notes)
	}
}

func TestByStatusPlenary(t *testing.T) {
	// 桐城 全会: 出席 50, 请假(已批准) 30, 缺席 0.
	rs := ruleSet(Item{Name: "全会", Rules: []Rule{{Match: Match{Kind: KindEvent, Types: []string{"全体会议"}},
		ByStatus: map[string]Points{"出席": pt("50"), "请假(已批准)": pt("30"), "缺席": pt("0")}}}})
	members := []Member{mem(1, "甲"), mem(2, "乙"), mem(3, "丙"), mem(4, "丁")}
	recs := map[int64][]Record{
		1: {ev(1, "2026-01-10", "全体会议", "出席")},
		2: {ev(1, "2026-01-10", "全体会议", "请假(已批准)")},
		3: {ev(1, "2026-01-10", "全体会议", "缺席")},
		4: {ev(1, "2026-01-10", "全体会议", "迟到")},
	}
	res := eval(t, rs, members, recs)
	for id, want := range map[int64]string{1: "50", 2: "30", 3: "0", 4: "0"} {
		wantPoints(t, res.Members[id-1].Member.Name, itemOf(t, res, id, 0).Final, want)
	}
	l3 := itemOf(t, res, 3, 0).Rules[0].Lines[0]
	if l3.Counted || l3.Note == "" {
		t.Errorf("absent line: counted %v note %q", l3.Counted, l3.Note)
	}
	l4 := itemOf(t, res, 4, 0).Rules[0].Lines[0]
	if l4.Counted || !strings.Contains(l4.Note, "状态“迟到”不在计分表中") {
		t.Errorf("unknown status still listed with a note: %+v", l4)
	}
}

func TestBaseDeductionsFloor(t *testing.T) {
	// 安庆: meetings start at 50, −5 per absence, 扣完50分为止 (floor 0).
	// 3 absences: 50 − 15 = 35; 12 absences: 50 − 60 = −10 → 0.
	rs := ruleSet(Item{Name: "参加会议", Base: ptp("50"), Floor: ptp("0"), Rules: []Rule{
		{Name: "缺席", Match: Match{Kind: KindEvent, Statuses: []string{"缺席"}}, Points: ptp("-5")},
	}})
	var many []Record
	for i := range 12 {
		many = append(many, ev(int64(i+1), "2026-02-01", "常委会议", "缺席"))
	}
	res := eval(t, rs, []Member{mem(1, "甲"), mem(2, "乙"), mem(3, "丙")}, map[int64][]Record{1: many[:3], 2: many, 3: {ev(1, "2026-01-01", "常委会议", "出席")}})
	wantPoints(t, "3 absences", itemOf(t, res, 1, 0).Final, "35")
	it := itemOf(t, res, 2, 0)
	wantPoints(t, "12 absences raw", it.Raw, "-10")
	wantPoints(t, "12 absences", it.Final, "0")
	if len(it.Notes) == 0 || it.Notes[0] != "低于下限0分，按0分计" {
		t.Errorf("notes = %q", it.Notes)
	}
	wantPoints(t, "no absence keeps the base", itemOf(t, res, 3, 0).Final, "50")
}

func TestFromNthWithRuleCap(t *testing.T) {
	// 合肥: each 立案 proposal from the 2nd onward +5, at most 20.
	// 6 立案: records 2..6 → 5 × 5 = 25 → 20; the 6th is cut.
	rs := ruleSet(Item{Name: "奖励", Rules: []Rule{{Name: "第2件起", Match: Match{Kind: KindProposal, Tags: []string{TagFiled}}, Points: ptp("5"), From: 2, Cap: ptp("20")}}})
	var recs []Record
	for i := 6; i >= 1; i-- { // given out of order: the engine sorts by date
		recs = append(recs, prop(int64(i), "2026-03-0"+string(rune('0'+i)), 1, 1, TagFiled))
	}
	res := eval(t, rs, []Member{mem(1, "甲")}, map[int64][]Record{1: recs})
	rr := itemOf(t, res, 1, 0).Rules[0]
	wantPoints(t, "rule", rr.Points, "20")
	if rr.Count != 6 || len(rr.Lines) != 6 {
		t.Fatalf("count %d lines %d", rr.Count, len(rr.Lines))
	}
	if l := rr.Lines[0]; l.Record.ID != 1 || l.Counted || l.Note != "第2件起计分" {
		t.Errorf("first line = %+v", l)
	}
	if l := rr.Lines[5]; l.Record.ID != 6 || l.Counted || l.Note != "已达上限20分" {
		t.Errorf("last line = %+v", l)
	}
	var sum Points
	for _, l := range rr.Lines {
		sum = sum.Add(l.Points)
	}
	wantPoints(t, "lines add up to the rule", sum, "20")
}

func TestLimitAndPartialCap(t *testing.T) {
	// 7.5 per activity, at most 3 activities: 22.5; with cap 20 the third
	// line keeps 5.
	rs := ruleSet(Item{Name: "活动", Rules: []Rule{{Match: Match{Kind: KindEvent}, Points: ptp("7.5"), Limit: 3, Cap: ptp("20")}}})
	recs := []Record{ev(1, "2026-01-01", "调研", "出席"), ev(2, "2026-01-02", "视察", "出席"), ev(3, "2026-01-03", "座谈", "出席"), ev(4, "2026-01-04", "学习", "出席")}
	rr := itemOf(t, eval(t, rs, []Member{mem(1, "甲")}, map[int64][]Record{1: recs}), 1, 0).Rules[0]
	wantPoints(t, "rule", rr.Points, "20")
	wantPoints(t, "third line", rr.Lines[2].Points, "5")
	if rr.Lines[3].Counted || rr.Lines[3].Note != "最多计3件" {
		t.Errorf("fourth line = %+v", rr.Lines[3])
	}
}

func TestOnceAndTiers(t *testing.T) {
	// 广水 commendations by level: 国家 10 / 省 8 / 市 6 / 县 4.
	levels := map[string]Points{"国家级": pt("10"), "省级": pt("8"), "市级": pt("6"), "县级": pt("4")}
	awards := []Record{
		{ID: 1, Kind: KindAward, Level: "县级", Date: "2026-01-01", Authors: 1},
		{ID: 2, Kind: KindAward, Level: "省级", Date: "2026-02-01", Authors: 1},
		{ID: 3, Kind: KindAward, Level: "市级", Date: "2026-03-01", Authors: 1},
		{ID: 4, Kind: KindAward, Level: "乡镇", Date: "2026-04-01", Authors: 1},
	}
	rs := ruleSet(
		Item{Name: "表彰累计", Rules: []Rule{{Match: Match{Kind: KindAward}, ByLevel: levels}}},              // 4 + 8 + 6 + 0 = 18
		Item{Name: "表彰取最高", Rules: []Rule{{Match: Match{Kind: KindAward}, ByLevel: levels, Once: true}}}, // 8
	)
	res := eval(t, rs, []Member{mem(1, "甲")}, map[int64][]Record{1: awards})
	wantPoints(t, "tiers", itemOf(t, res, 1, 0).Final, "18")
	once := itemOf(t, res, 1, 1)
	wantPoints(t, "once", once.Final, "8")
	for i, l := range once.Rules[0].Lines {
		if (i == 1) != l.Counted {
			t.Errorf("line %d counted = %v", i, l.Counted)
		}
		if i == 0 && l.Note != "只计一次，取最高" {
			t.Errorf("note = %q", l.Note)
		}
	}
}

func TestAppliesToStanding(t *testing.T) {
	// 桐城: only 常委 lose 2 per leave from a 常委会议. Item applies to 常委;
	// a rule inside another item applies to 非常委 only.
	rs := ruleSet(
		Item{Name: "常委会议", AppliesTo: AppliesStanding, Base: ptp("10"), Floor: ptp("0"), Rules: []Rule{{Match: Match{Kind: KindEvent, Statuses: []string{"请假"}}, Points: ptp("-2")}}},
		Item{Name: "活动", Rules: []Rule{
			{Match: Match{Kind: KindEvent, Statuses: []string{"出席"}}, Points: ptp("2")},
			{Match: Match{Kind: KindEvent, Statuses: []string{"出席"}}, Points: ptp("1"), AppliesTo: AppliesNotStanding},
		}},
	)
	standing := mem(1, "甲")
	standing.Standing = true
	recs := []Record{ev(1, "2026-01-01", "常委会议", "请假"), ev(2, "2026-02-01", "调研", "出席")}
	res := eval(t, rs, []Member{standing, mem(2, "乙")}, map[int64][]Record{1: recs, 2: recs})
	wantPoints(t, "常委 meeting item", itemOf(t, res, 1, 0).Final, "8")
	if it := itemOf(t, res, 2, 0); it.Applies || !it.Final.IsZero() || len(it.Rules) != 0 {
		t.Errorf("non-常委 item = %+v, want not applicable", it)
	}
	wantPoints(t, "常委 activities", itemOf(t, res, 1, 1).Final, "2")
	wantPoints(t, "委员 activities", itemOf(t, res, 2, 1).Final, "3")
	wantPoints(t, "委员 total", res.Members[1].Total, "3")
}

func TestCombineMax(t *testing.T) {
	// 闵行: individual 15 or direct participant 3, only the highest counts.
	rs := ruleSet(Item{Name: "提案", Combine: "max", Rules: []Rule{
		{Name: "主笔", Match: Match{Kind: KindProposal, First: true}, Points: ptp("15"), Once: true},
		{Name: "参与", Match: Match{Kind: KindProposal}, Points: ptp("3"), Once: true},
	}})
	res := eval(t, rs, []Member{mem(1, "甲"), mem(2, "乙")}, map[int64][]Record{
		1: {prop(1, "2026-01-01", 1, 2), prop(2, "2026-01-02", 2, 3)},
		2: {prop(1, "2026-01-01", 2, 2)},
	})
	it := itemOf(t, res, 1, 0)
	wantPoints(t, "max of 15 and 3", it.Final, "15")
	if len(it.Notes) != 1 || !strings.Contains(it.Notes[0], "“主笔”") {
		t.Errorf("notes = %q", it.Notes)
	}
	wantPoints(t, "participant only", itemOf(t, res, 2, 0).Final, "3")
}

func TestGroupAndOverallCaps(t *testing.T) {
	// Group 加分类 cap 20: item A 15, item B 9 → B cut by 4 to 5; item C
	// outside the group 90; adjustments +3 −1; total 15+5+90+2 = 112 → cap 100.
	rs := ruleSet(
		Item{Name: "A", Group: "加分类", Rules: []Rule{{Match: Match{Kind: KindRecord, Types: []string{"A"}}, Points: ptp("15")}}},
		Item{Name: "B", Group: "加分类", Rules: []Rule{{Match: Match{Kind: KindRecord, Types: []string{"B"}}, Points: ptp("3")}}},
		Item{Name: "C", Base: ptp("90")},
	)
	rs.Groups = []Group{{Name: "加分类", Cap: pt("20")}}
	rs.Cap, rs.Floor = ptp("100"), ptp("0")
	recs := []Record{
		{ID: 1, Kind: KindRecord, Type: "A", Date: "2026-01-01", Authors: 1},
		{ID: 2, Kind: KindRecord, Type: "B", Date: "2026-01-02", Authors: 1},
		{ID: 3, Kind: KindRecord, Type: "B", Date: "2026-01-03", Authors: 1},
		{ID: 4, Kind: KindRecord, Type: "B", Date: "2026-01-04", Authors: 1},
		{ID: 5, Kind: KindAdjust, Points: pt("3"), Date: "2026-05-01", Note: "媒体宣传"},
		{ID: 6, Kind: KindAdjust, Points: pt("-1"), Date: "2026-06-01", Note: "迟到"},
	}
	res := eval(t, rs, []Member{mem(1, "甲")}, map[int64][]Record{1: recs})
	m := res.Members[0]
	wantPoints(t, "A", m.Items[0].Final, "15")
	wantPoints(t, "B points", m.Items[1].Points, "9")
	wantPoints(t, "B final", m.Items[1].Final, "5")
	if len(m.Items[1].Notes) != 1 || m.Items[1].Notes[0] != "“加分类”合计超过20分，本项减4分" {
		t.Errorf("B notes = %q", m.Items[1].Notes)
	}
	wantPoints(t, "bonus", m.Bonus, "3")
	wantPoints(t, "penalty", m.Penalty, "-1")
	if len(m.Adjustments) != 2 {
		t.Errorf("adjustments = %d", len(m.Adjustments))
	}
	wantPoints(t, "raw", m.Raw, "112")
	wantPoints(t, "total", m.Total, "100")
	if len(m.Notes) != 1 || m.Notes[0] != "总分112超过上限100分，按100分计" {
		t.Errorf("notes = %q", m.Notes)
	}
}

func TestGroupCapFirstItemAlone(t *testing.T) {
	// An earlier item alone above the group cap is cut too, the later one to 0.
	rs := ruleSet(
		Item{Name: "A", Group: "g", Base: ptp("25")},
		Item{Name: "B", Group: "g", Base: ptp("4")},
	)
	rs.Groups = []Group{{Name: "g", Cap: pt("20")}}
	m := eval(t, rs, []Member{mem(1, "甲")}, nil).Members[0]
	wantPoints(t, "A", m.Items[0].Final, "20")
	wantPoints(t, "B", m.Items[1].Final, "0")
	wantPoints(t, "total", m.Total, "20")
}

func TestCombineMaxIgnoresRulesNotApplying(t *testing.T) {
	// Deductions only: the best of −2 and −5 is −2; a 常委-only rule a 委员
	// does not come under (worth 0) is not "the best".
	rs := ruleSet(Item{Name: "纪律", Base: ptp("10"), Combine: "max", Rules: []Rule{
		{Match: Match{Kind: KindEvent, Statuses: []string{"请假"}}, Points: ptp("-2")},
		{Match: Match{Kind: KindEvent, Statuses: []string{"请假"}}, Points: ptp("-5")},
		{Match: Match{Kind: KindEvent}, Points: ptp("1"), AppliesTo: AppliesStanding},
	}})
	res := eval(t, rs, []Member{mem(1, "甲")}, map[int64][]Record{1: {ev(1, "2026-01-01", "常委会议", "请假")}})
	wantPoints(t, "item", itemOf(t, res, 1, 0).Final, "8")
}

func TestDeductionRuleCap(t *testing.T) {
	// −2 per leave, at most 5 deducted (cap is on the absolute value):
	// 4 leaves = −8 → −5; the 3rd line keeps −1, the 4th counts nothing.
	rs := ruleSet(Item{Name: "请假", Base: ptp("10"), Rules: []Rule{{Match: Match{Kind: KindEvent}, Points: ptp("-2"), Cap: ptp("5")}}})
	var recs []Record
	for i := range 4 {
		recs = append(recs, ev(int64(i+1), "2026-01-0"+string(rune('1'+i)), "常委会议", "请假"))
	}
	it := itemOf(t, eval(t, rs, []Member{mem(1, "甲")}, map[int64][]Record{1: recs}), 1, 0)
	wantPoints(t, "rule", it.Rules[0].Points, "-5")
	wantPoints(t, "item", it.Final, "5")
	wantPoints(t, "3rd line", it.Rules[0].Lines[2].Points, "-1")
	if l := it.Rules[0].Lines[3]; l.Counted || !l.Points.IsZero() {
		t.Errorf("4th line = %+v", l)
	}
}
