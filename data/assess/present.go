package assess

import (
	"fmt"
	"slices"
	"strings"
)

// How results are printed, the same in sheets, reports and on screen.

const (
	// NotApplicable is printed for an item that does not apply to a member.
	NotApplicable = "—"
	// defaultDecimals are printed when a rule set leaves Decimals 0.
	defaultDecimals = 2
)

// Decimals is how many decimals the rule set prints (2 unless it says).
func Decimals(rs RuleSet) int {
	if rs.Decimals <= 0 {
		return defaultDecimals
	}
	return rs.Decimals
}

// Assessed lists the members that were assessed, in result order.
func (r Result) Assessed() []MemberResult { return r.members(true) }

// NotAssessed lists the members excluded from the assessment (不参加考核),
// in result order.
func (r Result) NotAssessed() []MemberResult { return r.members(false) }

func (r Result) members(assessed bool) []MemberResult {
	var out []MemberResult
	for _, m := range r.Members {
		if (m.Excluded == "") == assessed {
			out = append(out, m)
		}
	}
	return out
}

// Remarks is a member's 备注: why not assessed, or 结果运用, duties
// not met and the engine's notes (grade capped, total capped …).
func Remarks(m MemberResult) string {
	if m.Excluded != "" {
		return "不参加考核：" + m.Excluded
	}
	var parts []string
	if len(m.Consequences) > 0 {
		parts = append(parts, "结果运用："+strings.Join(m.Consequences, "、"))
	}
	for _, g := range m.Gates {
		if !g.Passed {
			parts = append(parts, "未达“"+g.Name+"”：缺"+strings.Join(g.Missing, "、"))
		}
	}
	parts = append(parts, m.Notes...)
	return strings.Join(parts, "；")
}

// GradeCounts counts the assessed members by grade, in the rule set's
// order (then any other grade met): "优秀 12 人，合格 270 人，不合格 3 人".
func GradeCounts(rs RuleSet, res Result) string {
	counts := map[string]int{}
	var order []string
	for _, g := range rs.Grades {
		order = append(order, g.Name)
	}
	for _, m := range res.Assessed() {
		if !slices.Contains(order, m.Grade) {
			order = append(order, m.Grade)
		}
		counts[m.Grade]++
	}
	var grades []string
	for _, g := range order {
		if g != "" {
			grades = append(grades, fmt.Sprintf("%s %d 人", g, counts[g]))
		}
	}
	return strings.Join(grades, "，")
}
