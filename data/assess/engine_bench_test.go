package assess

import (
	"fmt"
	"testing"
)

// benchRuleSet is a realistic 15-item rule set touching every primitive.
func benchRuleSet() RuleSet {
	rs := validRuleSet()
	rs.Items = nil
	eventTypes := []string{"调研", "视察", "座谈", "学习培训", "民主监督", "专题协商"}
	for _, typ := range eventTypes {
		rs.Items = append(rs.Items, Item{Name: "参加" + typ, Cap: ptp("10"), Rules: []Rule{
			{Match: Match{Kind: KindEvent, Types: []string{typ}, Statuses: []string{"出席"}}, Points: ptp("2")},
		}})
	}
	rs.Items = append(rs.Items,
		Item{Name: "全会", Rules: []Rule{{Match: Match{Kind: KindEvent, Types: []string{"全体会议"}}, ByStatus: map[string]Points{"出席": pt("50"), "请假": pt("30")}, Once: true}}},
		Item{Name: "常委会议", AppliesTo: AppliesStanding, Base: ptp("10"), Floor: ptp("0"), Rules: []Rule{
			{Match: Match{Kind: KindEvent, Types: []string{"常委会议"}, Statuses: []string{"请假"}}, Points: ptp("-2")},
			{Match: Match{Kind: KindEvent, Types: []string{"常委会议"}, Statuses: []string{"缺席"}}, Points: ptp("-5")},
		}},
		Item{Name: "缺席扣分", Base: ptp("0"), Floor: ptp("-20"), Rules: []Rule{{Match: Match{Kind: KindEvent, Statuses: []string{"缺席"}}, Points: ptp("-1")}}},
		Item{Name: "提交提案", Cap: ptp("25"), Rules: []Rule{
			{Match: Match{Kind: KindProposal, Tags: []string{TagSubmitted}}, Points: ptp("10"), Split: SplitHalfFirst},
			{Match: Match{Kind: KindProposal, Tags: []string{TagFiled}}, Points: ptp("15"), Split: SplitHalfFirst},
		}},
		Item{Name: "立案奖励", Group: "加分类", Rules: []Rule{{Match: Match{Kind: KindProposal, Tags: []string{TagFiled}}, Points: ptp("5"), From: 2, Cap: ptp("20")}}},
		Item{Name: "优秀提案", Group: "加分类", Rules: []Rule{{Match: Match{Kind: KindProposal, Tags: []string{TagExcellent}, First: true}, Points: ptp("8")}}},
		Item{Name: "社情民意", Cap: ptp("15"), Rules: []Rule{
			{Match: Match{Kind: KindInfo}, Points: ptp("10"), Split: SplitEqual},
			{Match: Match{Kind: KindInfo, Tags: []string{TagAdopted}}, ByLevel: map[string]Points{"省级": pt("10"), "市级": pt("6")}, Split: SplitFixed, First: ptp("6"), Others: ptp("3")},
		}},
		Item{Name: "表彰", Rules: []Rule{{Match: Match{Kind: KindAward}, ByLevel: map[string]Points{"国家级": pt("10"), "省级": pt("8"), "市级": pt("6"), "县级": pt("4")}, Once: true}}},
		Item{Name: "大会发言", Combine: "max", Rules: []Rule{
			{Match: Match{Kind: KindSpeech, Types: []string{"口头发言"}}, Points: ptp("5"), Limit: 2},
			{Match: Match{Kind: KindSpeech, Types: []string{"书面发言"}}, Points: ptp("3"), Limit: 3},
		}},
	)
	rs.Gates = []Gate{{Name: "三个一", MaxGrade: "称职", Require: []Requirement{
		{Name: "提交提案", Match: Match{Kind: KindProposal, Tags: []string{TagSubmitted}}},
		{Name: "社情民意", Match: Match{Kind: KindInfo}},
		{Name: "调研视察", Match: Match{Kind: KindEvent, Types: []string{"调研", "视察"}, Statuses: []string{"出席"}}},
	}}}
	return rs
}

// benchFacts: members × about perMember records, deterministic.
func benchFacts(members, perMember int) Facts {
	f := Facts{Year: 2026, Records: map[int64][]Record{}, History: map[int64][]Past{}}
	types := []string{"调研", "视察", "座谈", "学习培训", "民主监督", "专题协商", "全体会议", "常委会议"}
	statuses := []string{"出席", "出席", "出席", "请假", "缺席"}
	levels := []string{"国家级", "省级", "市级", "县级"}
	for i := range members {
		m := mem(int64(i+1), fmt.Sprintf("委员%03d", i))
		m.Standing = i%5 == 0
		f.Members = append(f.Members, m)
		f.History[m.PersonID] = []Past{{Year: 2025, Total: Int(int64(30 + i%60))}}
		var recs []Record
		for j := range perMember {
			date := fmt.Sprintf("2026-%02d-%02d", 1+j%12, 1+(i+j)%28)
			id := int64(i*perMember + j)
			switch j % 10 {
			case 0, 1:
				recs = append(recs, Record{ID: id, Kind: KindProposal, Date: date, Position: 1 + j%3, Authors: 1 + j%4, Tags: []string{TagSubmitted, TagFiled}})
			case 2:
				recs = append(recs, Record{ID: id, Kind: KindInfo, Date: date, Position: 1 + j%2, Authors: 1 + j%3, Level: levels[j%2+1], Tags: []string{TagAdopted}})
			case 3:
				recs = append(recs, Record{ID: id, Kind: KindAward, Date: date, Level: levels[j%4], Authors: 1})
			case 4:
				recs = append(recs, Record{ID: id, Kind: KindSpeech, Date: date, Type: []string{"口头发言", "书面发言"}[j%2], Authors: 1})
			case 5:
				recs = append(recs, Record{ID: id, Kind: KindAdjust, Date: date, Points: Int(int64(j%3 - 1))})
			default:
				recs = append(recs, Record{ID: id, Kind: KindEvent, Date: date, Type: types[j%len(types)], Status: statuses[(i+j)%len(statuses)], Authors: 1})
			}
		}
		f.Records[m.ID] = recs
	}
	return f
}

func BenchmarkEvaluate(b *testing.B) {
	rs := benchRuleSet()
	f := benchFacts(450, 120)
	if ps := Validate(rs); ps != nil {
		b.Fatal(ps)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(rs, f); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchmarkDataEvaluates(t *testing.T) {
	// The benchmark's rule set is valid and produces ranked results.
	res, err := Evaluate(benchRuleSet(), benchFacts(20, 120))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 15 || len(res.Members) != 20 || res.Members[0].Rank == 0 {
		t.Errorf("items %d members %d rank %d", len(res.Items), len(res.Members), res.Members[0].Rank)
	}
}

func TestInvariantsOnBenchData(t *testing.T) {
	// Over many generated members: every rule's lines add up to the rule,
	// every sum item is base + its rules, Final never exceeds Points for
	// positive items, and totals stay inside the rule set's floor and cap.
	rs := benchRuleSet()
	res, err := Evaluate(rs, benchFacts(60, 120))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range res.Members {
		for i, it := range m.Items {
			sum := it.Base
			for _, r := range it.Rules {
				var lines Points
				for _, l := range r.Lines {
					lines = lines.Add(l.Points)
					if l.Counted == l.Points.IsZero() {
						t.Fatalf("%s %s: line counted %v with %s points", m.Member.Name, r.Name, l.Counted, l.Points.Exact())
					}
				}
				if lines != r.Points {
					t.Fatalf("%s %s/%s: lines %s ≠ rule %s", m.Member.Name, it.Name, r.Name, lines.Exact(), r.Points.Exact())
				}
				sum = sum.Add(r.Points)
			}
			if rs.Items[i].Combine == "" && it.Applies && sum != it.Raw {
				t.Fatalf("%s %s: raw %s ≠ base + rules %s", m.Member.Name, it.Name, it.Raw.Exact(), sum.Exact())
			}
			if it.Final.Cmp(it.Points) > 0 {
				t.Fatalf("%s %s: final %s above points %s", m.Member.Name, it.Name, it.Final.Exact(), it.Points.Exact())
			}
		}
		if m.Total.Cmp(*rs.Cap) > 0 || m.Total.Cmp(*rs.Floor) < 0 {
			t.Fatalf("%s: total %s outside the caps", m.Member.Name, m.Total.Exact())
		}
	}
}
