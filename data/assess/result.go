package assess

// Result is one rule set applied to one year's facts.
type Result struct {
	Year    int
	RuleSet string
	Items   []string       // item names, column order
	Columns []string       // short headers (Item.Column or Name)
	Members []MemberResult // roster order; excluded members included with Excluded set
}

// MemberResult is one member's assessment.
type MemberResult struct {
	Member       Member
	Excluded     string       // why not assessed ("" = assessed); nothing else is filled then
	Items        []ItemResult // one per rule-set item, same order
	Bonus        Points       // manual 加分 (sum of positive adjustments)
	Penalty      Points       // manual 扣分 (sum of negative adjustments, ≤ 0)
	Adjustments  []Line       // the adjustment records behind Bonus and Penalty
	Raw          Points       // items + adjustments before the overall cap/floor
	Total        Points
	Grade        string // after gates
	GradeByScore string // before gates
	Rank         int    // 1-based among assessed members; ties share a rank
	Gates        []GateResult
	Consequences []string // names of consequences flagged
	Notes        []string // Chinese sentences: caps applied, grade capped by a gate …
	// Counts holds, for every count consequence (Consequence.Count), the
	// matching records this year by consequence name, fired or not: next
	// year's History needs it (see Past).
	Counts map[string]int
}

// ItemResult is one item for one member.
type ItemResult struct {
	Name    string
	Applies bool   // false when AppliesTo excludes the member (shown as "—")
	Count   int    // records that matched any rule of the item
	Base    Points // starting value
	Raw     Points // base + rule totals, before the item's floor and cap
	Points  Points // after the item's floor and cap
	Final   Points // after the group cap: what the total uses
	Rules   []RuleResult
	Notes   []string // e.g. "超过上限25分，按25分计", "加分类合计超过20分，本项减2分"
}

// RuleResult is one rule's contribution with the lines behind it.
type RuleResult struct {
	Name   string
	Count  int    // matching records
	Points Points // after From/Limit/Once/Cap
	Lines  []Line // every matching record, counted or not
}

// Line is one record's contribution: the explanation's atom.
type Line struct {
	Record  Record
	Points  Points // what this record contributed (0 when not counted)
	Counted bool
	Note    string // Chinese: "联名4人，第一提案人得一半", "第2件起计分", "只计一次，取最高", "超过本项上限"
}

// GateResult says whether a member met one gate.
type GateResult struct {
	Name    string
	Passed  bool
	Missing []string // names of requirements not met
	// Requirements has one entry per Gate.Require, in order.
	Requirements []RequirementResult
}

// RequirementResult is one requirement of a gate for one member.
type RequirementResult struct {
	Name  string
	Found int // matching records
	Need  int // Requirement.Min (at least 1)
	Met   bool
}

// MeanTotal is the assessed members' average total, exact; false when
// nobody was assessed or the exact sum leaves the range Points can hold
// (totals with many different large denominators).
func (r Result) MeanTotal() (mean Points, ok bool) {
	defer func() {
		if x := recover(); x != nil {
			if _, isOverflow := x.(overflow); !isOverflow {
				panic(x)
			}
			mean, ok = Points{}, false
		}
	}()
	var sum Points
	n := int64(0)
	for _, m := range r.Members {
		if m.Excluded == "" {
			sum = sum.Add(m.Total)
			n++
		}
	}
	if n == 0 {
		return Points{}, false
	}
	return sum.Div(n), true
}
