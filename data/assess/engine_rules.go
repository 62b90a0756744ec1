package assess

import "fmt"

// item evaluates one item: base + rule totals (or the best rule with
// combine = max), then the item's floor and cap. Group caps come later.
func (e *evaluator) item(m Member, recs []Record, it Item) ItemResult {
	ir := ItemResult{Name: it.Name}
	if !applies(it.AppliesTo, m) {
		return ir
	}
	ir.Applies = true
	if it.Base != nil {
		ir.Base = *it.Base
	}
	used := make([]bool, len(recs))
	var sum Points
	best := -1
	for j, r := range it.Rules {
		rr := e.rule(m, recs, r, j, used)
		ir.Rules = append(ir.Rules, rr)
		sum = sum.Add(rr.Points)
		if applies(r.AppliesTo, m) && (best < 0 || rr.Points.Cmp(ir.Rules[best].Points) > 0) {
			best = j
		}
	}
	for _, u := range used {
		if u {
			ir.Count++
		}
	}
	if it.Combine == "max" && best >= 0 {
		sum = ir.Rules[best].Points
		if len(ir.Rules) > 1 {
			ir.Notes = append(ir.Notes, fmt.Sprintf("各规则只取最高一项：“%s”%s分", ir.Rules[best].Name, e.pts(sum)))
		}
	}
	ir.Raw = ir.Base.Add(sum)
	ir.Points = e.clamp(ir.Raw, it.Floor, it.Cap, &ir.Notes)
	ir.Final = ir.Points
	return ir
}

// clamp raises p to floor, then lowers it to cap (either may be nil),
// noting what it did.
func (e *evaluator) clamp(p Points, floor, cap *Points, notes *[]string) Points {
	if floor != nil && p.Cmp(*floor) < 0 {
		p = *floor
		*notes = append(*notes, fmt.Sprintf("低于下限%s分，按%s分计", e.pts(*floor), e.pts(*floor)))
	}
	if cap != nil && p.Cmp(*cap) > 0 {
		p = *cap
		*notes = append(*notes, fmt.Sprintf("超过上限%s分，按%s分计", e.pts(*cap), e.pts(*cap)))
	}
	return p
}

// groupCaps fills each group's cap with its items in rule-set order and
// cuts what goes over from the later items.
func (e *evaluator) groupCaps(items []ItemResult) {
	for _, g := range e.rs.Groups {
		var before Points
		for i, it := range e.rs.Items {
			ir := &items[i]
			if it.Group != g.Name || !ir.Applies {
				continue
			}
			if ir.Points.Sign() > 0 {
				room := g.Cap.Sub(before).Max(Points{})
				if ir.Points.Cmp(room) > 0 {
					ir.Final = room
					ir.Notes = append(ir.Notes, fmt.Sprintf("“%s”合计超过%s分，本项减%s分", g.Name, e.pts(g.Cap), e.pts(ir.Points.Sub(room))))
				}
			}
			before = before.Add(ir.Final)
		}
	}
}

// rule values the member's matching records, then applies From, Limit,
// Once and Cap. used marks the records matched (for ItemResult.Count).
func (e *evaluator) rule(m Member, recs []Record, r Rule, j int, used []bool) RuleResult {
	rr := RuleResult{Name: r.Name}
	if rr.Name == "" {
		rr.Name = fmt.Sprintf("第%d条规则", j+1)
	}
	if !applies(r.AppliesTo, m) {
		return rr
	}
	e.scratch = e.scratch[:0]
	for i, rec := range recs {
		if matches(r.Match, rec) {
			used[i] = true
			e.scratch = append(e.scratch, i)
		}
	}
	if len(e.scratch) > 0 {
		rr.Lines = make([]Line, len(e.scratch))
		for k, i := range e.scratch {
			rr.Lines[k] = e.value(r, recs[i])
		}
	}
	rr.Count = len(rr.Lines)
	fromLimit(rr.Lines, r.From, r.Limit)
	if r.Once {
		once(rr.Lines)
	}
	for _, l := range rr.Lines {
		rr.Points = rr.Points.Add(l.Points)
	}
	if r.Cap != nil && rr.Points.Abs().Cmp(*r.Cap) > 0 {
		e.capLines(rr.Lines, rr.Points.Abs().Sub(*r.Cap), rr.Points.Sign(), *r.Cap)
		rr.Points = r.Cap.Mul(Int(int64(rr.Points.Sign())))
	}
	return rr
}

// fromLimit drops the first from−1 lines and, after that, every
// contributing line beyond the limit-th.
func fromLimit(lines []Line, from, limit int) {
	counted := 0
	for i := range lines {
		l := &lines[i]
		switch {
		case from > 1 && i+1 < from:
			drop(l, fmt.Sprintf("第%d件起计分", from))
		case !l.Counted:
		case limit > 0 && counted >= limit:
			drop(l, fmt.Sprintf("最多计%d件", limit))
		default:
			counted++
		}
	}
}

// value is one record's line before From/Limit/Once/Cap: its value by
// Points or a lookup, shared out by Split.
func (e *evaluator) value(r Rule, rec Record) Line {
	l := Line{Record: rec}
	var v Points
	var note string
	switch {
	case r.Points != nil:
		v = *r.Points
	case r.ByStatus != nil:
		v, note = lookup(r.ByStatus, rec.Status, "状态")
	case r.ByLevel != nil:
		v, note = lookup(r.ByLevel, rec.Level, "级别")
	case r.ByRole != nil:
		v, note = lookup(r.ByRole, rec.Role, "角色")
	}
	l.Points, l.Note = e.split(r, rec, v)
	if note != "" {
		l.Note = joinNote(note, l.Note)
	}
	l.Counted = !l.Points.IsZero()
	if !l.Counted && l.Note == "" {
		l.Note = "计0分"
	}
	return l
}

func lookup(m map[string]Points, key, what string) (Points, string) {
	v, ok := m[key]
	if !ok {
		return Points{}, fmt.Sprintf("%s“%s”不在计分表中，计0分", what, key)
	}
	return v, ""
}

// split shares v among the authors of a joint record.
func (e *evaluator) split(r Rule, rec Record, v Points) (Points, string) {
	n := rec.Authors
	if n <= 1 || r.Split == "" || r.Split == SplitWhole {
		return v, ""
	}
	who := "作者"
	if rec.Kind == KindProposal {
		who = "提案人"
	}
	first := rec.Position == 1
	switch r.Split {
	case SplitHalfFirst:
		if first {
			return v.Div(2), fmt.Sprintf("联名%d人，第一%s得一半", n, who)
		}
		return v.Div(2).Div(int64(n - 1)), fmt.Sprintf("联名%d人，其余%d人均分另一半", n, n-1)
	case SplitFixed:
		if first {
			return *r.First, fmt.Sprintf("联名%d人，第一%s计%s分", n, who, e.pts(*r.First))
		}
		return *r.Others, fmt.Sprintf("联名%d人，其他%s计%s分", n, who, e.pts(*r.Others))
	case SplitFirstOnly:
		if first {
			return v, fmt.Sprintf("联名%d人，只计第一%s", n, who)
		}
		return Points{}, fmt.Sprintf("联名%d人，只计第一%s，本人不计分", n, who)
	case SplitEqual:
		return v.Div(int64(n)), fmt.Sprintf("联名%d人均分", n)
	}
	return v, ""
}

// drop makes a line count nothing, saying why.
func drop(l *Line, why string) {
	l.Points = Points{}
	l.Counted = false
	l.Note = joinNote(l.Note, why)
}

// once keeps only the counted line with the largest absolute value (the
// earliest on a tie).
func once(lines []Line) {
	best := -1
	for i, l := range lines {
		if l.Counted && (best < 0 || l.Points.Abs().Cmp(lines[best].Points.Abs()) > 0) {
			best = i
		}
	}
	for i := range lines {
		if i != best && lines[i].Counted {
			drop(&lines[i], "只计一次，取最高")
		}
	}
}

// capLines cuts excess (> 0) from the latest lines carrying the total's
// sign, so the lines still add up to the capped rule total.
func (e *evaluator) capLines(lines []Line, excess Points, sign int, cap Points) {
	for i := len(lines) - 1; i >= 0 && excess.Sign() > 0; i-- {
		l := &lines[i]
		if !l.Counted || l.Points.Sign() != sign {
			continue
		}
		cut := l.Points.Abs().Min(excess)
		excess = excess.Sub(cut)
		l.Points = l.Points.Sub(cut.Mul(Int(int64(sign))))
		if l.Points.IsZero() {
			drop(l, fmt.Sprintf("已达上限%s分", e.pts(cap)))
		} else {
			l.Note = joinNote(l.Note, fmt.Sprintf("达到上限%s分，只计%s分", e.pts(cap), e.pts(l.Points)))
		}
	}
}

func joinNote(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "；" + b
}
