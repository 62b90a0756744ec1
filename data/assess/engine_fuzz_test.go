package assess

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// gen draws a rule set and facts from fuzz bytes: every decision takes one
// byte (0 once the bytes run out), so the fuzzer explores shapes and values,
// including those near the int64 limit and far beyond Validate's bounds.
// In tame mode (chosen by the first byte) values stay within Validate's
// bounds and kinds are valid, so that evaluation itself is explored too.
type gen struct {
	b    []byte
	tame bool
}

func newGen(b []byte) *gen {
	g := &gen{b: b}
	g.tame = g.pick(4) != 0
	return g
}

func (g *gen) next() int {
	if len(g.b) == 0 {
		return 0
	}
	c := g.b[0]
	g.b = g.b[1:]
	return int(c)
}

func (g *gen) pick(n int) int { return g.next() % n }

func (g *gen) str(options ...string) string { return options[g.pick(len(options))] }

// fuzzPoints holds ordinary, boundary and hostile values.
var fuzzPoints = []Points{
	{}, Int(1), Int(-1), Int(2), Int(5), Int(-5), Int(10), Int(40), Frac(1, 3), Frac(-2, 7), Frac(1, 4),
	Int(MaxPoints), Int(-MaxPoints), Int(MaxPoints + 1), Frac(1, MaxDenominator), Frac(1, MaxDenominator+1),
	Int(math.MaxInt64), Int(math.MaxInt64 - 1), Int(-math.MaxInt64), Int(math.MaxInt64 / 2), Int(math.MaxInt64 / 3),
	Frac(1, math.MaxInt64), Frac(math.MaxInt64, 2), Frac(7, 9223372036854775783), Frac(-1, 9223372036854775782),
}

// tamePoints is how many of fuzzPoints lie within Validate's bounds.
const tamePoints = 11

func (g *gen) points() Points {
	if g.tame {
		return fuzzPoints[g.pick(tamePoints)]
	}
	return fuzzPoints[g.pick(len(fuzzPoints))]
}

func (g *gen) pointsPtr() *Points {
	if g.pick(3) == 0 {
		return nil
	}
	p := g.points()
	return &p
}

func (g *gen) count() int {
	if g.tame {
		return g.pick(4)
	}
	return []int{0, 1, 2, 3, -1, 7, MaxCount + 1, math.MaxInt32, math.MaxInt, math.MinInt}[g.pick(10)]
}

var (
	fuzzKinds    = []string{KindEvent, KindSpeech, KindInfo, KindProposal, KindAward, KindRecord, KindAdjust, "", "x"}
	fuzzStatuses = []string{"", "出席", "缺席", "立案", "请假(已批准)"}
	fuzzLevels   = []string{"", "县级", "市级", "省级"}
	fuzzTags     = []string{TagSubmitted, TagFiled, TagAdopted, TagKey}
)

func (g *gen) match() Match {
	m := Match{Kind: g.str(fuzzKinds...)}
	if g.tame {
		m.Kind = fuzzKinds[g.pick(6)]
	}
	if g.pick(3) == 0 {
		m.Statuses = []string{g.str(fuzzStatuses...)}
	}
	if g.pick(4) == 0 {
		m.Tags = []string{g.str(fuzzTags...)}
	}
	m.First = g.pick(5) == 0
	return m
}

func (g *gen) table() map[string]Points {
	t := map[string]Points{}
	for range g.pick(3) + 1 {
		t[g.str(fuzzStatuses...)] = g.points()
	}
	return t
}

func (g *gen) rule() Rule {
	r := Rule{Match: g.match(), AppliesTo: g.str(AppliesAll, AppliesAll, AppliesStanding, AppliesNotStanding)}
	switch g.pick(5) {
	case 0:
		r.ByStatus = g.table()
	case 1:
		r.ByLevel = g.table()
	default:
		p := g.points()
		r.Points = &p
	}
	r.Split = g.str("", SplitWhole, SplitHalfFirst, SplitFixed, SplitFirstOnly, SplitEqual)
	if r.Split == SplitFixed {
		first, others := g.points(), g.points()
		r.First, r.Others = &first, &others
	}
	if g.pick(3) == 0 {
		r.From, r.Limit = g.count(), g.count()
	}
	r.Once = g.pick(4) == 0
	if g.pick(3) == 0 {
		r.Cap = g.pointsPtr()
	}
	return r
}

func (g *gen) ruleSet() RuleSet {
	rs := RuleSet{Name: "模糊测试", Decimals: g.pick(5)}
	if g.pick(2) == 0 {
		rs.Cap, rs.Floor = g.pointsPtr(), g.pointsPtr()
	}
	if g.pick(3) == 0 {
		rs.Groups = []Group{{Name: "加分类", Cap: g.points()}}
	}
	for i := range g.pick(4) + 1 {
		base := g.points()
		it := Item{Name: string(rune('甲' + i)), Base: &base, Combine: g.str("", "sum", "max")}
		if g.pick(3) == 0 {
			it.Cap, it.Floor = g.pointsPtr(), g.pointsPtr()
		}
		if len(rs.Groups) > 0 && g.pick(2) == 0 {
			it.Group = "加分类"
		}
		for range g.pick(4) {
			it.Rules = append(it.Rules, g.rule())
		}
		rs.Items = append(rs.Items, it)
	}
	if g.pick(4) != 0 {
		min := g.points()
		rs.Grades = []Grade{{Name: "优秀", Min: &min}, {Name: "称职"}}
	}
	if g.pick(3) == 0 {
		rs.Gates = []Gate{{Name: "三个一", MaxGrade: "称职", Require: []Requirement{{Name: "提案", Match: g.match(), Min: g.count()}}}}
	}
	if g.pick(3) == 0 {
		c := Consequence{Name: "约谈", Years: g.count() % (MaxYears + 2)}
		switch g.pick(3) {
		case 0:
			c.Below = g.pointsPtr()
		case 1:
			c.Grades = []string{"称职"}
		default:
			c.Count = &Requirement{Match: g.match(), Min: g.count()}
		}
		rs.Consequences = []Consequence{c}
	}
	return rs
}

func (g *gen) facts() Facts {
	f := Facts{Year: 2026, Records: map[int64][]Record{}, History: map[int64][]Past{}}
	for i := range g.pick(4) + 1 {
		m := Member{ID: int64(i + 1), PersonID: int64(100 + i), Name: "委员" + string(rune('甲'+i)),
			Standing: g.pick(2) == 0, Status: g.str("在任", "增补", "调离")}
		f.Members = append(f.Members, m)
		for k := range g.pick(12) {
			rec := Record{ID: int64(k + 1), Kind: g.str(fuzzKinds...), Status: g.str(fuzzStatuses...),
				Level: g.str(fuzzLevels...), Date: g.str("2026-01-05", "2026-03-01", "", "2026-12-31"),
				Authors: []int{1, 2, 3, 7, 43, 0, -1, math.MaxInt}[g.pick(8)]}
			rec.Position = g.pick(3)
			if g.pick(2) == 0 {
				rec.Tags = []string{g.str(fuzzTags...)}
			}
			if rec.Kind == KindAdjust {
				rec.Points = g.points()
			}
			f.Records[m.ID] = append(f.Records[m.ID], rec)
		}
		if g.pick(2) == 0 {
			f.History[m.PersonID] = []Past{{Year: 2025, Total: g.points(), Grade: "称职", Flags: []string{"约谈"}}}
		}
	}
	return f
}

// FuzzEvaluate: any rule set over any facts gives a result or an error
// in Chinese — Problems exactly when Validate objects, otherwise only
// ErrOverflow — and never a panic; a result keeps every member and the
// rule set's overall cap and floor.
func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	f.Add([]byte("assess 1234567890 abcdefghijklmnopqrstuvwxyz"))
	f.Add([]byte{0, 1, 1, 16, 1, 1, 3, 1, 0, 0, 1, 0, 2, 3, 4, 5, 6, 7, 3, 16, 11, 4, 5, 6})
	f.Add([]byte{5, 1, 2, 11, 12, 0, 0, 1, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5})
	f.Fuzz(func(t *testing.T, b []byte) {
		g := newGen(b)
		rs := g.ruleSet()
		facts := g.facts()
		res, err := Evaluate(rs, facts)
		invalid := len(Validate(rs)) > 0
		var ps Problems
		switch {
		case invalid && !errors.As(err, &ps):
			t.Fatalf("Validate objects but Evaluate says %v", err)
		case invalid:
		case err != nil && !errors.Is(err, ErrOverflow):
			t.Fatalf("a valid rule set failed with %v", err)
		case err != nil:
			if !strings.Contains(err.Error(), "委员") {
				t.Fatalf("overflow error names no member: %v", err)
			}
		default:
			checkResult(t, rs, facts, res)
		}
	})
}

func checkResult(t *testing.T, rs RuleSet, f Facts, res Result) {
	t.Helper()
	if len(res.Members) != len(f.Members) {
		t.Fatalf("%d members in, %d out", len(f.Members), len(res.Members))
	}
	for _, m := range res.Members {
		if m.Excluded != "" {
			continue
		}
		if rs.Cap != nil && m.Total.Cmp(*rs.Cap) > 0 {
			t.Fatalf("%s: total %s above cap %s", m.Member.Name, m.Total.Exact(), rs.Cap.Exact())
		}
		if rs.Floor != nil && m.Total.Cmp(*rs.Floor) < 0 {
			t.Fatalf("%s: total %s below floor %s", m.Member.Name, m.Total.Exact(), rs.Floor.Exact())
		}
		if m.Rank < 1 {
			t.Fatalf("%s: rank %d", m.Member.Name, m.Rank)
		}
	}
}
