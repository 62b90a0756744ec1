package assess

import (
	"fmt"
	"strings"
)

// Find returns the result of the member with this membership id.
func (r Result) Find(memberID int64) (MemberResult, bool) {
	for _, m := range r.Members {
		if m.Member.ID == memberID {
			return m, true
		}
	}
	return MemberResult{}, false
}

// Unperformed is one row of the 未履职 list: a member who missed one
// requirement of a gate.
type Unperformed struct {
	Member      Member
	Gate        string
	Requirement string
	Found, Need int
}

// Unperformed lists, in roster order, every assessed member × gate
// requirement not met.
func (r Result) Unperformed() []Unperformed {
	var out []Unperformed
	for _, m := range r.Members {
		if m.Excluded != "" {
			continue
		}
		for _, g := range m.Gates {
			for _, rq := range g.Requirements {
				if !rq.Met {
					out = append(out, Unperformed{Member: m.Member, Gate: g.Name, Requirement: rq.Name, Found: rq.Found, Need: rq.Need})
				}
			}
		}
	}
	return out
}

// Explain is the member's result as plain-text lines, indented by two
// spaces per level: item → rule → record, then adjustments, total, grade,
// gates and consequences. Numbers use the given decimals.
func (m MemberResult) Explain(decimals int) []string {
	f := func(p Points) string { return p.Format(decimals) }
	if m.Excluded != "" {
		return []string{"不参加考核：" + m.Excluded}
	}
	var out []string
	add := func(depth int, format string, args ...any) {
		out = append(out, strings.Repeat("  ", depth)+fmt.Sprintf(format, args...))
	}
	for _, it := range m.Items {
		explainItem(it, f, add)
	}
	for _, l := range m.Adjustments {
		what := "加分"
		if l.Points.Sign() < 0 {
			what = "扣分"
		}
		add(0, "%s %s", what, lineText(l, f))
	}
	add(0, "总分：%s分", f(m.Total))
	for _, n := range m.Notes {
		add(1, "%s", n)
	}
	if m.Grade != "" {
		add(0, "等次：%s", m.Grade)
	}
	for _, g := range m.Gates {
		if g.Passed {
			add(0, "%s：已达到", g.Name)
		} else {
			add(0, "%s：未达到（缺：%s）", g.Name, strings.Join(g.Missing, "、"))
		}
	}
	if len(m.Consequences) > 0 {
		add(0, "结果运用：%s", strings.Join(m.Consequences, "、"))
	}
	return out
}

// explainItem adds one item's lines: its points, base, rules with their
// records, and notes.
func explainItem(it ItemResult, f func(Points) string, add func(int, string, ...any)) {
	if !it.Applies {
		add(0, "%s：不适用", it.Name)
		return
	}
	add(0, "%s：%s分", it.Name, f(it.Final))
	if !it.Base.IsZero() {
		add(1, "起始分 %s", f(it.Base))
	}
	for _, r := range it.Rules {
		if r.Count == 0 {
			continue
		}
		add(1, "%s：%d条，%s分", r.Name, r.Count, f(r.Points))
		for _, l := range r.Lines {
			add(2, "%s", lineText(l, f))
		}
	}
	for _, n := range it.Notes {
		add(1, "%s", n)
	}
}

// lineText is one record line: date, what, points and the note.
func lineText(l Line, f func(Points) string) string {
	r := l.Record
	var what []string
	for _, s := range []string{r.Date, r.Ref, r.Title} {
		if s != "" {
			what = append(what, s)
		}
	}
	var detail []string
	for _, s := range []string{r.Type, r.Status, r.Role, r.Level} {
		if s != "" {
			detail = append(detail, s)
		}
	}
	s := strings.Join(what, " ")
	if len(detail) > 0 {
		s += "（" + strings.Join(detail, "，") + "）"
	}
	pts := f(l.Points)
	if l.Points.Sign() > 0 {
		pts = "+" + pts
	}
	s += "：" + pts + "分"
	if l.Note != "" {
		s += "，" + l.Note
	}
	return s
}
