package assess

import (
	"fmt"
	"slices"
	"strings"
)

// grade is the first grade whose Min ≤ total, else the last grade without
// Min, else "".
func (e *evaluator) grade(total Points) string {
	for _, g := range e.rs.Grades {
		if g.Min != nil && g.Min.Cmp(total) <= 0 {
			return g.Name
		}
	}
	if n := len(e.rs.Grades); n > 0 && e.rs.Grades[n-1].Min == nil {
		return e.rs.Grades[n-1].Name
	}
	return ""
}

// gates checks every gate and lowers the grade to the MaxGrade of each
// failed gate that caps it.
func (e *evaluator) gates(mr *MemberResult, recs []Record) {
	for _, g := range e.rs.Gates {
		gr := GateResult{Name: g.Name, Passed: true}
		for _, req := range g.Require {
			rq := RequirementResult{Name: req.Name, Found: countMatching(req.Match, recs), Need: max(req.Min, 1)}
			rq.Met = rq.Found >= rq.Need
			if !rq.Met {
				gr.Passed = false
				gr.Missing = append(gr.Missing, req.Name)
			}
			gr.Requirements = append(gr.Requirements, rq)
		}
		mr.Gates = append(mr.Gates, gr)
		if gr.Passed || g.MaxGrade == "" {
			continue
		}
		cur, ok := e.gradeIndex[mr.Grade]
		if ok && cur < e.gradeIndex[g.MaxGrade] {
			mr.Notes = append(mr.Notes, fmt.Sprintf("未达到“%s”（缺：%s），等次由%s降为%s",
				g.Name, strings.Join(gr.Missing, "、"), mr.Grade, g.MaxGrade))
			mr.Grade = g.MaxGrade
		}
	}
}

// consequences flags the 结果运用 that hold this year and, with Years > 1,
// in each of the previous Years-1 years.
func (e *evaluator) consequences(mr *MemberResult, recs []Record) {
	for _, c := range e.rs.Consequences {
		var held bool
		switch {
		case c.Below != nil:
			held = mr.Total.Cmp(*c.Below) < 0
		case len(c.Grades) > 0:
			held = slices.Contains(c.Grades, mr.Grade)
		case c.Count != nil:
			n := countMatching(c.Count.Match, recs)
			if mr.Counts == nil {
				mr.Counts = map[string]int{}
			}
			mr.Counts[c.Name] = n
			held = n >= max(c.Count.Min, 1)
		}
		if held && e.heldBefore(mr, c) {
			mr.Consequences = append(mr.Consequences, c.Name)
		}
	}
}

// heldBefore checks the previous Years-1 years in History; a missing year
// means the consequence does not fire (with a note).
func (e *evaluator) heldBefore(mr *MemberResult, c Consequence) bool {
	past := e.f.History[mr.Member.PersonID]
	for y := e.f.Year - 1; y > e.f.Year-c.Years; y-- {
		i := slices.IndexFunc(past, func(p Past) bool { return p.Year == y })
		if i < 0 {
			mr.Notes = append(mr.Notes, fmt.Sprintf("“%s”要求连续%d年，缺少%d年的考核结果，未标记", c.Name, c.Years, y))
			return false
		}
		if !pastHeld(c, past[i]) {
			return false
		}
	}
	return true
}

func pastHeld(c Consequence, p Past) bool {
	switch {
	case c.Below != nil:
		return p.Total.Cmp(*c.Below) < 0
	case len(c.Grades) > 0:
		return slices.Contains(c.Grades, p.Grade)
	case c.Count != nil:
		if n, ok := p.Counts[c.Name]; ok {
			return n >= max(c.Count.Min, 1)
		}
		return slices.Contains(p.Flags, c.Name)
	}
	return false
}

// rank numbers assessed members by Total, highest first; ties share a
// rank (1, 2, 2, 4).
func rank(ms []MemberResult) {
	var order []int
	for i, m := range ms {
		if m.Excluded == "" {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return ms[b].Total.Cmp(ms[a].Total) })
	for k, i := range order {
		if k > 0 && ms[i].Total.Cmp(ms[order[k-1]].Total) == 0 {
			ms[i].Rank = ms[order[k-1]].Rank
		} else {
			ms[i].Rank = k + 1
		}
	}
}

// Past is this result as next year's History entry.
func (m MemberResult) Past(year int) Past {
	return Past{Year: year, Total: m.Total, Grade: m.Grade, Flags: slices.Clone(m.Consequences), Counts: m.Counts}
}
