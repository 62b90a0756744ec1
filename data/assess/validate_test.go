package assess

import (
	"strings"
	"testing"
)

// validRuleSet uses every section correctly.
func validRuleSet() RuleSet {
	return RuleSet{
		Name:     "桐城市委员履职考核",
		Decimals: 2,
		Cap:      ptp("100"),
		Floor:    ptp("0"),
		Exclude:  Exclusion{Roles: []string{"主席"}, Inactive: true, JoinedAfter: "06-30"},
		Groups:   []Group{{Name: "加分类", Cap: pt("20")}},
		Items: []Item{
			{Name: "参加政协会议", Base: ptp("50"), Floor: ptp("0"), Cap: ptp("50"), Rules: []Rule{
				{Match: Match{Kind: KindEvent}, ByStatus: map[string]Points{"缺席": pt("-5")}},
			}},
			{Name: "提交提案", Group: "加分类", AppliesTo: AppliesNotStanding, Combine: "max", Rules: []Rule{
				{Match: Match{Kind: KindProposal}, Points: ptp("15"), Split: SplitFixed, First: ptp("10"), Others: ptp("5"), From: 2, Limit: 3, Cap: ptp("20")},
				{Match: Match{Kind: KindAward}, ByLevel: map[string]Points{"省级": pt("8")}, Once: true, AppliesTo: AppliesStanding},
			}},
		},
		Grades:       anqingGrades(),
		Gates:        []Gate{{Name: "三个一", MaxGrade: "称职", Require: []Requirement{{Name: "提交提案", Match: Match{Kind: KindProposal}}}}},
		Consequences: []Consequence{{Name: "劝辞", Below: ptp("40"), Years: 2}, {Name: "约谈", Count: &Requirement{Match: Match{Kind: KindEvent}, Min: 3}}},
	}
}

func TestValidateAcceptsAValidRuleSet(t *testing.T) {
	if ps := Validate(validRuleSet()); ps != nil {
		t.Errorf("problems: %v", ps)
	}
}

func TestValidateProblems(t *testing.T) {
	tests := []struct {
		name   string
		change func(rs *RuleSet)
		want   string // Where + "：" + Msg contains this
	}{
		{"name", func(rs *RuleSet) { rs.Name = " " }, "规则集：名称不能为空"},
		{"decimals", func(rs *RuleSet) { rs.Decimals = 5 }, "decimals（小数位数）只能是0到4"},
		{"cap", func(rs *RuleSet) { rs.Cap, rs.Floor = ptp("-1"), nil }, "规则集：总分上限（cap）不能为负数"},
		{"floor>cap", func(rs *RuleSet) { rs.Floor = ptp("120") }, "总分下限（floor）不能高于总分上限（cap）"},
		{"joined_after", func(rs *RuleSet) { rs.Exclude.JoinedAfter = "6月30日" }, "joined_after 应写成“月-日”"},
		{"joined_after day", func(rs *RuleSet) { rs.Exclude.JoinedAfter = "02-30" }, "joined_after"},
		{"joined_after space", func(rs *RuleSet) { rs.Exclude.JoinedAfter = " 6-30" }, "joined_after"},
		{"group dup", func(rs *RuleSet) { rs.Groups = append(rs.Groups, Group{Name: "加分类", Cap: pt("5")}) }, "第2个分组“加分类”：名称与前面的分组重复"},
		{"group cap", func(rs *RuleSet) { rs.Groups[0].Cap = pt("-1") }, "第1个分组“加分类”：上限（cap）不能为负数"},
		{"no items", func(rs *RuleSet) { rs.Items = nil }, "至少需要一个考核项目"},
		{"item dup", func(rs *RuleSet) { rs.Items[1].Name = "参加政协会议" }, "第2项“参加政协会议”：名称与前面的项目重复"},
		{"item group", func(rs *RuleSet) { rs.Items[1].Group = "奖励" }, "第2项“提交提案”：分组“奖励”没有定义"},
		{"item applies", func(rs *RuleSet) { rs.Items[1].AppliesTo = "委员" }, "第2项“提交提案”：applies_to 只能是"},
		{"combine", func(rs *RuleSet) { rs.Items[1].Combine = "min" }, "combine 只能是 sum 或 max"},
		{"item cap", func(rs *RuleSet) { rs.Items[0].Cap = ptp("-5") }, "第1项“参加政协会议”：上限（cap）不能为负数"},
		{"empty item", func(rs *RuleSet) { rs.Items[0].Rules, rs.Items[0].Base = nil, nil }, "没有规则（rule），也没有起始分（base）"},
		{"kind", func(rs *RuleSet) { rs.Items[1].Rules[0].Kind = "meeting" }, "第2项“提交提案”第1条规则：kind 只能是event、speech、info、proposal、award 或 record，不能是“meeting”"},
		{"no kind", func(rs *RuleSet) { rs.Items[1].Rules[0].Kind = "" }, "第2项“提交提案”第1条规则：缺少 kind"},
		{"adjust kind", func(rs *RuleSet) { rs.Items[1].Rules[0].Kind = KindAdjust }, "不能用在规则里"},
		{"two ways", func(rs *RuleSet) { rs.Items[0].Rules[0].Points = ptp("1") }, "第1项“参加政协会议”第1条规则：计分方式必须且只能有一种"},
		{"no way", func(rs *RuleSet) { rs.Items[0].Rules[0].ByStatus = nil }, "计分方式必须且只能有一种"},
		{"split", func(rs *RuleSet) { rs.Items[1].Rules[0].Split = "half" }, "第2项“提交提案”第1条规则：split 只能是whole、half_first、fixed、first_only 或 equal"},
		{"fixed needs first", func(rs *RuleSet) { rs.Items[1].Rules[0].Others = nil }, "split = fixed 需要同时写 first"},
		{"first without fixed", func(rs *RuleSet) { rs.Items[1].Rules[0].Split = SplitHalfFirst }, "first 和 others 只用于 split = fixed"},
		{"from", func(rs *RuleSet) { rs.Items[1].Rules[0].From = -1 }, "from 不能为负数"},
		{"limit", func(rs *RuleSet) { rs.Items[1].Rules[0].Limit = -2 }, "limit 不能为负数"},
		{"rule cap", func(rs *RuleSet) { rs.Items[1].Rules[0].Cap = ptp("-20") }, "第2项“提交提案”第1条规则：上限（cap）不能为负数"},
		{"rule applies", func(rs *RuleSet) { rs.Items[1].Rules[1].AppliesTo = "主席" }, "第2项“提交提案”第2条规则：applies_to 只能是"},
		{"grade dup", func(rs *RuleSet) { rs.Grades[1].Name = "优秀" }, "第2个等次“优秀”：名称与前面的等次重复"},
		{"grade order", func(rs *RuleSet) { rs.Grades[1].Min = ptp("95") }, "第2个等次“良好”：等次要从高到低排列"},
		{"grade equal", func(rs *RuleSet) { rs.Grades[2].Min = ptp("80") }, "第3个等次“称职”：等次要从高到低排列"},
		{"grade no min", func(rs *RuleSet) { rs.Grades[1].Min = nil }, "第2个等次“良好”：只有最后一个等次可以不写最低分"},
		{"gate grade", func(rs *RuleSet) { rs.Gates[0].MaxGrade = "合格" }, "第1项基本要求“三个一”：max_grade“合格”不是已定义的等次"},
		{"gate empty", func(rs *RuleSet) { rs.Gates[0].Require = nil }, "至少需要一条要求"},
		{"gate kind", func(rs *RuleSet) { rs.Gates[0].Require[0].Kind = "x" }, "第1项基本要求“三个一”第1条要求“提交提案”：kind 只能是"},
		{"gate min", func(rs *RuleSet) { rs.Gates[0].Require[0].Min = -1 }, "min 不能为负数"},
		{"consequence none", func(rs *RuleSet) { rs.Consequences[0].Below = nil }, "第1条结果运用“劝辞”：条件必须且只能有一种"},
		{"consequence two", func(rs *RuleSet) { rs.Consequences[0].Grades = []string{"不称职"} }, "条件必须且只能有一种"},
		{"consequence grade", func(rs *RuleSet) { rs.Consequences[0].Below, rs.Consequences[0].Grades = nil, []string{"差"} }, "等次“差”没有定义"},
		{"consequence count kind", func(rs *RuleSet) { rs.Consequences[1].Count.Kind = "" }, "第2条结果运用“约谈”的 count：缺少 kind"},
		{"consequence years", func(rs *RuleSet) { rs.Consequences[0].Years = -1 }, "years 不能为负数"},
	}
	for _, tt := range tests {
		rs := validRuleSet()
		tt.change(&rs)
		ps := Validate(rs)
		found := false
		for _, p := range ps {
			if strings.Contains(p.Error(), tt.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: problems %v, want one containing %q", tt.name, ps, tt.want)
		}
	}
}
