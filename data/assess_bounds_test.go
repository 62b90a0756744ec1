package data_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/assess"
)

// A rule set stored by release 0.3, before values were bounded, with points
// at the int64 limit and a consequence looking back 2^63 years: Assess
// (the 履职考核 screen, `zhengxie assess`, the result sheet) answers at once
// with a Chinese error naming the item and field, instead of crashing or
// walking back through the years.
func TestAssessRefusesAnUnboundedStoredRuleSet(t *testing.T) {
	f := newProposalFixture(t)
	f.activity(data.Activity{Kind: data.ActEvent, Type: "常委会议", Title: "常委会议", Date: "2025-06-01",
		Members: []data.Attendee{f.att(0, data.AttPresent)}})
	st := data.StoredRuleSet{Year: 2025, Rules: lowRules("清河县委员履职考核")}
	if err := f.s.SaveRuleSet(f.ctx, &st); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SaveAssessmentSetup(f.ctx, data.AssessmentSetup{Year: 2025, RuleSetID: st.ID}); err != nil {
		t.Fatal(err)
	}
	body := `{"name":"清河县委员履职考核","items":[{"name":"参加会议","rules":[{"kind":"event","points":9223372036854775807}]}],` +
		`"consequences":[{"name":"约谈","below":60,"years":9223372036854775807}]}`
	if err := f.s.ExecForTest(f.ctx, `UPDATE rule_set SET body = '`+body+`'`); err != nil {
		t.Fatal(err)
	}
	_, _, err := f.s.Assess(f.ctx, 2025, st.ID)
	msg := data.UserMessage(err)
	for _, want := range []string{"考核规则有误", "第1项“参加会议”第1条规则：points（分值）为9223372036854775807，超出允许的范围",
		"years 为9223372036854775807"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}

// An adjustment is bounded like a rule's points.
func TestAdjustmentPointsAreBounded(t *testing.T) {
	f := newProposalFixture(t)
	for _, p := range []assess.Points{assess.Int(math.MaxInt64), assess.Int(-assess.MaxPoints - 1), assess.Frac(1, 3_000_000)} {
		a := data.Adjustment{Year: 2025, MembershipID: f.members[0].Membership.ID, Points: p, Reason: "测试"}
		err := f.s.SaveAdjustment(f.ctx, &a)
		var ves data.ValidationErrors
		if !errors.As(err, &ves) || ves.Field("分值") == "" {
			t.Errorf("%s: %v, want a 分值 problem", p.Exact(), err)
		}
	}
	ok := data.Adjustment{Year: 2025, MembershipID: f.members[0].Membership.ID, Points: assess.Int(-assess.MaxPoints), Reason: "测试"}
	if err := f.s.SaveAdjustment(f.ctx, &ok); err != nil {
		t.Errorf("the bound itself: %v", err)
	}
}
