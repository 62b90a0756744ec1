package assess

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// A member whose joint proposals have 2, 3, … 60 authors, each shared
// equally: the exact sum's denominator (lcm of 2…60) leaves int64. The
// assessment says so and names the member instead of ending the program.
func TestEvaluateOverflowOfManySplitsIsAnError(t *testing.T) {
	rs := ruleSet(Item{Name: "提交提案", Rules: []Rule{{Match: Match{Kind: KindProposal}, Points: ptp("10"), Split: SplitEqual}}})
	var recs []Record
	for n := 2; n <= 60; n++ {
		recs = append(recs, prop(int64(n), "2026-03-01", 2, n))
	}
	_, err := Evaluate(rs, Facts{Year: 2026, Members: []Member{mem(1, "张三")}, Records: map[int64][]Record{1: recs}})
	if !errors.Is(err, ErrOverflow) {
		t.Fatalf("err = %v, want ErrOverflow", err)
	}
	for _, want := range []string{"张三", "超出了可计算的范围", "请检查考核规则"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "assess:") {
		t.Errorf("message %q shows the technical text", err)
	}
}

// Adjustments are not part of the rule set: one near the int64 limit
// still gives an error, not a panic.
func TestEvaluateOverflowOfAdjustmentsIsAnError(t *testing.T) {
	rs := ruleSet(Item{Name: "基本分", Base: ptp("60")})
	recs := []Record{
		{ID: 1, Kind: KindAdjust, Date: "2026-01-01", Points: Int(math.MaxInt64 - 10)},
		{ID: 2, Kind: KindAdjust, Date: "2026-01-02", Points: Int(math.MaxInt64 - 10)},
	}
	_, err := Evaluate(rs, Facts{Year: 2026, Members: []Member{mem(1, "李四"), mem(2, "王五")},
		Records: map[int64][]Record{1: recs}})
	if !errors.Is(err, ErrOverflow) || !strings.Contains(err.Error(), "李四") {
		t.Fatalf("err = %v, want ErrOverflow naming 李四", err)
	}
}

// Values near the int64 limit are refused by Validate, naming the item,
// the rule and the field.
func TestValidateBoundsValues(t *testing.T) {
	huge := Int(math.MaxInt64)
	tests := []struct {
		name   string
		change func(rs *RuleSet)
		want   string
	}{
		{"points", func(rs *RuleSet) { rs.Items[1].Rules[0].Points = &huge },
			"第2项“提交提案”第1条规则：points（分值）为9223372036854775807，超出允许的范围（-100000 到 100000）"},
		{"negative points", func(rs *RuleSet) { rs.Items[1].Rules[0].Points = ptp("-100001") },
			"第2项“提交提案”第1条规则：points（分值）为-100001，超出允许的范围"},
		{"by_status", func(rs *RuleSet) { rs.Items[0].Rules[0].ByStatus["缺席"] = huge },
			"第1项“参加政协会议”第1条规则：by_status中“缺席”的分值为9223372036854775807"},
		{"by_level", func(rs *RuleSet) { rs.Items[1].Rules[1].ByLevel["国家级"] = Int(-200000) },
			"第2项“提交提案”第2条规则：by_level中“国家级”的分值为-200000"},
		{"first", func(rs *RuleSet) { rs.Items[1].Rules[0].First = &huge }, "first（第一作者分值）为9223372036854775807"},
		{"others", func(rs *RuleSet) { rs.Items[1].Rules[0].Others = ptp("1/3000000") }, "others（其他作者分值）为1/3000000，太精细"},
		{"rule cap", func(rs *RuleSet) { rs.Items[1].Rules[0].Cap = &huge }, "第2项“提交提案”第1条规则：上限（cap）为9223372036854775807"},
		{"from", func(rs *RuleSet) { rs.Items[1].Rules[0].From = math.MaxInt }, "from为9223372036854775807，超出允许的范围"},
		{"limit", func(rs *RuleSet) { rs.Items[1].Rules[0].Limit = 100001 }, "limit为100001"},
		{"base", func(rs *RuleSet) { rs.Items[0].Base = &huge }, "第1项“参加政协会议”：起始分（base）为9223372036854775807"},
		{"item floor", func(rs *RuleSet) { rs.Items[0].Floor = ptp("-1000000") }, "第1项“参加政协会议”：下限（floor）为-1000000"},
		{"total cap", func(rs *RuleSet) { rs.Cap = &huge }, "规则集：总分上限（cap）为9223372036854775807"},
		{"group cap", func(rs *RuleSet) { rs.Groups[0].Cap = huge }, "第1个分组“加分类”：上限（cap）为9223372036854775807"},
		{"grade min", func(rs *RuleSet) { rs.Grades[0].Min = ptp("0.00001") }, "第1个等次“优秀”：最低分（min）为0.00001，太精细"},
		{"below", func(rs *RuleSet) { rs.Consequences[0].Below = &huge }, "第1条结果运用“劝辞”：below（总分低于）为9223372036854775807"},
		{"years", func(rs *RuleSet) { rs.Consequences[0].Years = math.MaxInt }, "years 为9223372036854775807，超出允许的范围（最多连续20年）"},
		{"gate min", func(rs *RuleSet) { rs.Gates[0].Require[0].Min = math.MaxInt }, "min为9223372036854775807"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := validRuleSet()
			rs.Items[1].Rules[1].ByLevel = map[string]Points{"省级": pt("8")}
			tt.change(&rs)
			ps := Validate(rs)
			var all []string
			for _, p := range ps {
				all = append(all, p.Error())
			}
			if !strings.Contains(strings.Join(all, "\n"), tt.want) {
				t.Errorf("problems %q lack %q", all, tt.want)
			}
		})
	}
	// The bounds themselves are allowed.
	rs := validRuleSet()
	rs.Items[1].Rules[0].Points = ptp("100000")
	rs.Items[0].Floor = ptp("-100000")
	rs.Items[0].Rules[0].ByStatus["缺席"] = pt("-0.0001")
	rs.Consequences[0].Years = MaxYears
	if ps := Validate(rs); ps != nil {
		t.Errorf("values at the bounds refused: %v", ps)
	}
}

// A TOML integer at the int64 minimum was turned into Points by Int,
// which panicked; it is now a Chinese error.
func TestUnmarshalTOMLMinInt64(t *testing.T) {
	var p Points
	err := p.UnmarshalTOML(int64(math.MinInt64))
	if err == nil || !strings.Contains(err.Error(), "不是有效的分值") {
		t.Fatalf("err = %v", err)
	}
	if err := p.UnmarshalTOML(int64(-7)); err != nil || p.Cmp(Int(-7)) != 0 {
		t.Fatalf("-7: %v %s", err, p.Exact())
	}
}

// The average of totals whose exact sum overflows is left out, not a
// panic in the 履职考核 screen's summary line.
func TestMeanTotal(t *testing.T) {
	res := Result{Members: []MemberResult{{Total: Int(90)}, {Total: Frac(161, 2)}, {Excluded: "挂职", Total: Int(1000)}}}
	if m, ok := res.MeanTotal(); !ok || m.Cmp(Frac(341, 4)) != 0 {
		t.Errorf("mean %s %v, want 341/4", m.Exact(), ok)
	}
	if _, ok := (Result{}).MeanTotal(); ok {
		t.Error("a mean of nobody")
	}
	var huge []MemberResult
	for _, d := range []int64{9223372036854775783, 9223372036854775643, 9223372036854775549} {
		huge = append(huge, MemberResult{Total: Frac(1, d)})
	}
	if _, ok := (Result{Members: huge}).MeanTotal(); ok {
		t.Error("an overflowing sum gave a mean")
	}
}
