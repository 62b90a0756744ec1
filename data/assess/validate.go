package assess

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Chinese lists of the allowed values, for messages.
const (
	kindsText   = "event、speech、info、proposal、award 或 record"
	splitsText  = "whole、half_first、fixed、first_only 或 equal"
	appliesText = "空（所有委员）、常委 或 非常委"
)

var ruleKinds = map[string]bool{
	KindEvent: true, KindSpeech: true, KindInfo: true, KindProposal: true, KindAward: true, KindRecord: true,
}

var splits = map[string]bool{
	"": true, SplitWhole: true, SplitHalfFirst: true, SplitFixed: true, SplitFirstOnly: true, SplitEqual: true,
}

func validApplies(s string) bool {
	return s == AppliesAll || s == AppliesStanding || s == AppliesNotStanding
}

// Bounds of the values a rule set may hold. Real 考核办法 score in tens and
// hundreds of points; the bounds leave ample room while keeping exact
// arithmetic far from the int64 limit (a rule file with points near it
// crashed the assessment before they existed).
const (
	MaxPoints      = 100000 // |value| of any points in a rule set or an adjustment
	MaxDenominator = 10000  // "0.0001" or "1/10000" at the finest
	MaxCount       = 100000 // from, limit and min (record counts)
	MaxYears       = 20     // consequence years (a 届 is five)
)

// PointsProblem says in Chinese why p is not a value a rule set or an
// adjustment may hold ("" when it is fine).
func PointsProblem(p Points) string {
	switch {
	case p.Abs().Cmp(Int(MaxPoints)) > 0:
		return fmt.Sprintf("超出允许的范围（-%d 到 %d）", MaxPoints, MaxPoints)
	case p.d() > MaxDenominator:
		return fmt.Sprintf("太精细：最多保留4位小数，写成分数时分母最大为%d", MaxDenominator)
	}
	return ""
}

// validator collects problems.
type validator struct{ problems []Problem }

func (v *validator) add(where, format string, args ...any) {
	v.problems = append(v.problems, Problem{Where: where, Msg: fmt.Sprintf(format, args...)})
}

// points checks a value's range; field names it as the file does,
// e.g. "points（分值）".
func (v *validator) points(where, field string, p *Points) {
	if p == nil {
		return
	}
	if why := PointsProblem(*p); why != "" {
		v.add(where, "%s为%s，%s", field, p.Exact(), why)
	}
}

// table checks every value of a by_status/by_level/by_role table, in key
// order so that messages come out the same every time.
func (v *validator) table(where, field string, m map[string]Points) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		p := m[k]
		v.points(where, fmt.Sprintf("%s中“%s”的分值", field, k), &p)
	}
}

// count checks a record count (from, limit, min).
func (v *validator) count(where, field string, n int) {
	if n > MaxCount {
		v.add(where, "%s为%d，超出允许的范围（最大%d）", field, n, MaxCount)
	}
}

// Validate checks a rule set; nil means it can be evaluated.
func Validate(rs RuleSet) []Problem {
	v := &validator{}
	const top = "规则集"
	if strings.TrimSpace(rs.Name) == "" {
		v.add(top, "名称不能为空")
	}
	if rs.Decimals < 0 || rs.Decimals > 4 {
		v.add(top, "decimals（小数位数）只能是0到4")
	}
	v.points(top, "总分上限（cap）", rs.Cap)
	v.points(top, "总分下限（floor）", rs.Floor)
	if rs.Cap != nil && rs.Cap.Sign() < 0 {
		v.add(top, "总分上限（cap）不能为负数")
	}
	if rs.Cap != nil && rs.Floor != nil && rs.Floor.Cmp(*rs.Cap) > 0 {
		v.add(top, "总分下限（floor）不能高于总分上限（cap）")
	}
	if rs.Exclude.JoinedAfter != "" && !validMonthDay(rs.Exclude.JoinedAfter) {
		v.add(top, "exclude.joined_after 应写成“月-日”，如“06-30”")
	}
	groups := v.groups(rs.Groups)
	if len(rs.Items) == 0 {
		v.add(top, "至少需要一个考核项目（item）")
	}
	v.items(rs.Items, groups)
	grades := v.grades(rs.Grades)
	v.gates(rs.Gates, grades)
	v.consequences(rs.Consequences, grades)
	return v.problems
}

func validMonthDay(s string) bool {
	if len(s) != 5 || s[2] != '-' || !digits(s[:2]) || !digits(s[3:]) {
		return false
	}
	m, _ := strconv.Atoi(s[:2])
	d, _ := strconv.Atoi(s[3:])
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	return m >= 1 && m <= 12 && d >= 1 && d <= days[m]
}

func (v *validator) groups(gs []Group) map[string]bool {
	names := map[string]bool{}
	for i, g := range gs {
		where := fmt.Sprintf("第%d个分组“%s”", i+1, g.Name)
		switch {
		case strings.TrimSpace(g.Name) == "":
			v.add(where, "名称不能为空")
		case names[g.Name]:
			v.add(where, "名称与前面的分组重复")
		}
		names[g.Name] = true
		v.points(where, "上限（cap）", &g.Cap)
		if g.Cap.Sign() < 0 {
			v.add(where, "上限（cap）不能为负数")
		}
	}
	return names
}

func (v *validator) items(items []Item, groups map[string]bool) {
	names := map[string]bool{}
	for i, it := range items {
		where := fmt.Sprintf("第%d项“%s”", i+1, it.Name)
		switch {
		case strings.TrimSpace(it.Name) == "":
			v.add(where, "名称不能为空")
		case names[it.Name]:
			v.add(where, "名称与前面的项目重复")
		}
		names[it.Name] = true
		v.item(where, it, groups)
	}
}

func (v *validator) item(where string, it Item, groups map[string]bool) {
	if it.Group != "" && !groups[it.Group] {
		v.add(where, "分组“%s”没有定义（请在 group 中列出）", it.Group)
	}
	if !validApplies(it.AppliesTo) {
		v.add(where, "applies_to 只能是%s", appliesText)
	}
	if it.Combine != "" && it.Combine != "sum" && it.Combine != "max" {
		v.add(where, "combine 只能是 sum 或 max")
	}
	v.points(where, "起始分（base）", it.Base)
	v.points(where, "上限（cap）", it.Cap)
	v.points(where, "下限（floor）", it.Floor)
	if it.Cap != nil && it.Cap.Sign() < 0 {
		v.add(where, "上限（cap）不能为负数")
	}
	if it.Cap != nil && it.Floor != nil && it.Floor.Cmp(*it.Cap) > 0 {
		v.add(where, "下限（floor）不能高于上限（cap）")
	}
	if len(it.Rules) == 0 && it.Base == nil {
		v.add(where, "没有规则（rule），也没有起始分（base）")
	}
	for j, r := range it.Rules {
		v.rule(fmt.Sprintf("%s第%d条规则", where, j+1), r)
	}
}

func (v *validator) match(where string, m Match) {
	switch {
	case m.Kind == "":
		v.add(where, "缺少 kind（记录种类），应为%s", kindsText)
	case m.Kind == KindAdjust:
		v.add(where, "adjust 是手工加分/扣分，自动计入总分，不能用在规则里")
	case !ruleKinds[m.Kind]:
		v.add(where, "kind 只能是%s，不能是“%s”", kindsText, m.Kind)
	}
}

func (v *validator) rule(where string, r Rule) {
	v.match(where, r.Match)
	if !validApplies(r.AppliesTo) {
		v.add(where, "applies_to 只能是%s", appliesText)
	}
	ways := 0
	for _, set := range []bool{r.Points != nil, r.ByStatus != nil, r.ByLevel != nil, r.ByRole != nil} {
		if set {
			ways++
		}
	}
	if ways != 1 {
		v.add(where, "计分方式必须且只能有一种：points、by_status、by_level 或 by_role")
	}
	v.points(where, "points（分值）", r.Points)
	v.table(where, "by_status", r.ByStatus)
	v.table(where, "by_level", r.ByLevel)
	v.table(where, "by_role", r.ByRole)
	v.split(where, r)
	v.points(where, "first（第一作者分值）", r.First)
	v.points(where, "others（其他作者分值）", r.Others)
	v.points(where, "上限（cap）", r.Cap)
	if r.From < 0 {
		v.add(where, "from 不能为负数")
	}
	if r.Limit < 0 {
		v.add(where, "limit 不能为负数")
	}
	v.count(where, "from", r.From)
	v.count(where, "limit", r.Limit)
	if r.Cap != nil && r.Cap.Sign() < 0 {
		v.add(where, "上限（cap）不能为负数")
	}
}

func (v *validator) split(where string, r Rule) {
	if !splits[r.Split] {
		v.add(where, "split 只能是%s", splitsText)
	}
	if r.Split == SplitFixed && (r.First == nil || r.Others == nil) {
		v.add(where, "split = fixed 需要同时写 first（第一作者分值）和 others（其他作者分值）")
	}
	if r.Split != SplitFixed && (r.First != nil || r.Others != nil) {
		v.add(where, "first 和 others 只用于 split = fixed")
	}
}

// grades checks the 等次 and returns their names.
func (v *validator) grades(gs []Grade) map[string]bool {
	names := map[string]bool{}
	var prev *Points
	for i, g := range gs {
		where := fmt.Sprintf("第%d个等次“%s”", i+1, g.Name)
		switch {
		case strings.TrimSpace(g.Name) == "":
			v.add(where, "名称不能为空")
		case names[g.Name]:
			v.add(where, "名称与前面的等次重复")
		}
		names[g.Name] = true
		v.points(where, "最低分（min）", g.Min)
		if g.Min == nil {
			if i != len(gs)-1 {
				v.add(where, "只有最后一个等次可以不写最低分（min）")
			}
			continue
		}
		if prev != nil && g.Min.Cmp(*prev) >= 0 {
			v.add(where, "等次要从高到低排列：最低分（min）%s 应低于上一个等次的 %s", g.Min.Exact(), prev.Exact())
		}
		prev = g.Min
	}
	return names
}

func (v *validator) gates(gs []Gate, grades map[string]bool) {
	for i, g := range gs {
		where := fmt.Sprintf("第%d项基本要求“%s”", i+1, g.Name)
		if strings.TrimSpace(g.Name) == "" {
			v.add(where, "名称不能为空")
		}
		if g.MaxGrade != "" && !grades[g.MaxGrade] {
			v.add(where, "max_grade“%s”不是已定义的等次", g.MaxGrade)
		}
		if len(g.Require) == 0 {
			v.add(where, "至少需要一条要求（require）")
		}
		for j, r := range g.Require {
			v.requirement(fmt.Sprintf("%s第%d条要求“%s”", where, j+1, r.Name), r)
		}
	}
}

func (v *validator) requirement(where string, r Requirement) {
	if strings.TrimSpace(r.Name) == "" {
		v.add(where, "名称不能为空")
	}
	v.match(where, r.Match)
	if r.Min < 0 {
		v.add(where, "min 不能为负数")
	}
	v.count(where, "min", r.Min)
}

func (v *validator) consequences(cs []Consequence, grades map[string]bool) {
	for i, c := range cs {
		where := fmt.Sprintf("第%d条结果运用“%s”", i+1, c.Name)
		if strings.TrimSpace(c.Name) == "" {
			v.add(where, "名称不能为空")
		}
		ways := 0
		for _, set := range []bool{c.Below != nil, len(c.Grades) > 0, c.Count != nil} {
			if set {
				ways++
			}
		}
		if ways != 1 {
			v.add(where, "条件必须且只能有一种：below（总分低于）、grades（等次）或 count（记录次数）")
		}
		for _, g := range c.Grades {
			if !grades[g] {
				v.add(where, "等次“%s”没有定义", g)
			}
		}
		if c.Count != nil {
			v.requirement(where+"的 count", Requirement{Name: c.Name, Match: c.Count.Match, Min: c.Count.Min})
		}
		v.points(where, "below（总分低于）", c.Below)
		if c.Years < 0 {
			v.add(where, "years 不能为负数")
		}
		if c.Years > MaxYears {
			v.add(where, "years 为%d，超出允许的范围（最多连续%d年）", c.Years, MaxYears)
		}
	}
}
