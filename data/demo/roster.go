package demo

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"zhengxie/data"
)

// generator makes up people and rosters from one random stream, so that a
// seed always gives the same county.
type generator struct {
	rng    *rand.Rand
	names  map[string]bool // every name used, in any term
	ids    map[string]bool
	phones map[string]bool
	units  map[string]bool // work units of the term being built
}

func newGenerator(seed int64) *generator {
	return &generator{
		rng:    rand.New(rand.NewPCG(uint64(seed), 0x7a6865_6e677869)),
		names:  map[string]bool{},
		ids:    map[string]bool{},
		phones: map[string]bool{},
		units:  map[string]bool{},
	}
}

// seat is one row of a term's roster while it is built.
type seat struct {
	m       data.Member
	sector  int    // index into sectors
	pool    string // kind of work
	head    bool   // first member of the 界别 (party chair, head of the body)
	prev    *seat  // the same person's seat in the previous term
	changed bool   // picked for a status change during the term
	leaves  bool   // the change is a departure (辞去, 调离, 逝世)
}

// sectorSizes splits n seats over the 界别 by weight (largest remainder).
func sectorSizes(n int) []int {
	total := 0
	for _, s := range sectors {
		total += s.weight
	}
	sizes := make([]int, len(sectors))
	rest := make([]float64, len(sectors))
	used := 0
	for i, s := range sectors {
		exact := float64(n*s.weight) / float64(total)
		sizes[i] = int(exact)
		rest[i] = exact - float64(sizes[i])
		used += sizes[i]
	}
	order := make([]int, len(sectors))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rest[a] > rest[b]:
			return -1
		case rest[a] < rest[b]:
			return 1
		}
		return 0
	})
	for i := 0; used < n; i++ {
		sizes[order[i%len(order)]]++
		used++
	}
	return sizes
}

// firstTerm builds the roster of the earliest term: n new seats, about
// half of them members who served before the database began.
func (g *generator) firstTerm(n, year int) []*seat {
	g.units = map[string]bool{}
	var out []*seat
	for si, size := range sectorSizes(n) {
		parties := g.parties(sectors[si], size, true)
		for i := range size {
			s := g.newSeat(si, parties[i], i == 0, year, 49)
			s.m.IsNew = g.rng.IntN(100) < 45
			out = append(out, s)
		}
	}
	g.assignRoles(out, year)
	return out
}

// nextTerm builds the following term: a share of continuity of the members
// come back (same person), the rest are new.
func (g *generator) nextTerm(prev []*seat, n, year int, continuity float64) []*seat {
	g.units = map[string]bool{}
	sizes := sectorSizes(n)
	want := int(math.Round(float64(n) * continuity))
	var cand []*seat
	for _, p := range prev {
		if !p.leaves && birthYear(p.m.Birth) >= year-65 {
			cand = append(cand, p)
		}
	}
	g.rng.Shuffle(len(cand), func(i, j int) { cand[i], cand[j] = cand[j], cand[i] })
	back := make([][]*seat, len(sectors))
	taken := 0
	for _, p := range cand {
		if taken < want && len(back[p.sector]) < sizes[p.sector] {
			back[p.sector] = append(back[p.sector], p)
			taken++
		}
	}
	var out []*seat
	for si, size := range sizes {
		// Keep the previous term's order within the 界别: the head first.
		slices.SortStableFunc(back[si], func(a, b *seat) int { return slices.Index(prev, a) - slices.Index(prev, b) })
		hasHead := false
		for _, p := range back[si] {
			s := g.continuingSeat(p)
			hasHead = hasHead || s.head
			out = append(out, s)
		}
		fresh := size - len(back[si])
		parties := g.parties(sectors[si], fresh, !hasHead)
		for i := range fresh {
			s := g.newSeat(si, parties[i], !hasHead && i == 0, year, 44)
			s.m.IsNew = true
			out = append(out, s)
		}
	}
	g.assignRoles(out, year)
	return out
}

// parties deals the 党派 of a 界别's size seats: the party's own when the
// 界别 is a party's, else a quota of 中共 and a mix of the rest. When
// headFirst, the first seat (the head) is 中共 if the profile says so.
func (g *generator) parties(sp sectorProfile, size int, headFirst bool) []string {
	out := make([]string, size)
	if sp.party != "" {
		for i := range out {
			out[i] = sp.party
		}
		return out
	}
	quota := int(math.Round(float64(size) * sp.cpc))
	if sp.headCPC && headFirst && quota == 0 && size > 0 {
		quota = 1
	}
	for i := range out {
		if i < quota {
			out[i] = "中共"
			continue
		}
		switch r := g.rng.IntN(100); {
		case r < 12:
			out[i] = "无党派"
		case r < 30:
			out[i] = democraticParties[g.rng.IntN(len(democraticParties))]
		default:
			out[i] = "群众"
		}
	}
	rest := out
	if sp.headCPC && headFirst && size > 0 {
		rest = out[1:]
	}
	g.rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	return out
}

// newSeat makes up a new member of sector si.
func (g *generator) newSeat(si int, party string, head bool, year int, meanAge float64) *seat {
	sp := sectors[si]
	s := &seat{sector: si, pool: sp.pools[g.rng.IntN(len(sp.pools))], head: head}
	pl := pools[s.pool]
	unit := g.seatUnit(sp, pl, head)
	gender, ethnicity := g.gender(sp, unit), g.ethnicity(sp, unit)
	s.m.Person = g.newPerson(gender, ethnicity, year, meanAge+pl.age)
	s.m.Education, s.m.Degree = g.education(pl.edu)
	if len(pl.titles) > 0 && g.rng.IntN(100) < 55 {
		s.m.Title = pl.titles[g.rng.IntN(len(pl.titles))]
	}
	s.m.Party, s.m.Sector, s.m.WorkUnit = party, sp.name, unit
	s.m.Committee = g.committee(s.pool)
	s.m.Group = g.group(unit)
	s.m.Role, s.m.Status = "委员", data.StatusServing
	return s
}

// seatUnit is a new member's work unit: the head of a body holds its top
// post, a party's head chairs the party's county branch besides a job.
func (g *generator) seatUnit(sp sectorProfile, pl pool, head bool) string {
	if !head {
		return g.freshUnit(pl)
	}
	if sp.head != "" && !g.units[sp.head] {
		g.units[sp.head] = true
		return sp.head
	}
	unit := g.freshUnit(pl)
	if slices.Contains(democraticParties, sp.party) {
		unit = partyChair(sp.party) + "、" + unit
	}
	return unit
}

// gender draws a member's gender; some posts are women's by nature.
func (g *generator) gender(sp sectorProfile, unit string) string {
	if g.rng.Float64() < sp.women || strings.Contains(unit, "妇") || strings.Contains(unit, "女企业家") {
		return "女"
	}
	return "男"
}

// ethnicity draws a member's 民族: the 少数民族界 is 回族 and 满族, Muslim
// posts are held by 回族, and a few others belong to a minority too.
func (g *generator) ethnicity(sp sectorProfile, unit string) string {
	r := g.rng.IntN(100)
	switch {
	case sp.name == "少数民族界" && r < 30:
		return "满族"
	case sp.name == "少数民族界", strings.Contains(unit, "清真"), strings.Contains(unit, "伊斯兰"),
		strings.Contains(unit, "回民"):
		return "回族"
	case r < 2:
		return "回族"
	case r < 3:
		return "满族"
	}
	return "汉族"
}

// continuingSeat seats a member of the previous term again: same person,
// same 界别 and 党派; some officials, teachers and doctors have moved to
// another post.
func (g *generator) continuingSeat(p *seat) *seat {
	s := &seat{m: p.m, sector: p.sector, pool: p.pool, head: p.head, prev: p}
	s.m.Membership = data.Membership{
		Party: p.m.Party, Sector: p.m.Sector, Committee: p.m.Committee, Group: p.m.Group,
		WorkUnit: p.m.WorkUnit, Role: p.m.Role, Standing: p.m.Standing, Status: data.StatusServing,
	}
	fullTime := strings.HasPrefix(p.m.WorkUnit, "政协"+county)
	if pools[s.pool].moves && !fullTime && !p.head && g.rng.IntN(100) < 40 {
		s.m.WorkUnit = g.freshUnit(pools[s.pool])
		s.m.Group = g.group(s.m.WorkUnit)
	}
	g.units[s.m.WorkUnit] = true
	if g.rng.IntN(100) < 30 {
		s.m.Committee = g.committee(s.pool)
	}
	if s.m.Role == "常委" && g.rng.IntN(100) < 25 {
		s.m.Role, s.m.Standing = "委员", false
	}
	return s
}

// freshUnit fills a template of the pool with a unit no one in this term
// holds yet (after a few tries, a repeat is accepted).
func (g *generator) freshUnit(pl pool) string {
	var u string
	for range 30 {
		u = g.unit(pl.units[g.rng.IntN(len(pl.units))])
		if !g.units[u] {
			break
		}
	}
	g.units[u] = true
	return u
}

func partyChair(party string) string {
	if party == "九三学社" {
		return "九三学社" + county + "支社主委"
	}
	return party + county + "总支部主委"
}

// committee picks a 专委会 for a kind of work; some members have none.
func (g *generator) committee(pool string) string {
	cs := committeeOf[pool]
	if len(cs) == 0 || g.rng.IntN(100) < 15 {
		return ""
	}
	return cs[g.rng.IntN(len(cs))]
}

// group puts a member working in a town into that town's 活动组, others
// into any group.
func (g *generator) group(unit string) string {
	for i, t := range towns {
		if strings.Contains(unit, t) {
			return groups[(i+1)/2]
		}
	}
	return groups[g.rng.IntN(len(groups))]
}

func birthYear(birth string) int {
	y := 0
	for _, c := range birth[:4] {
		y = y*10 + int(c-'0')
	}
	return y
}
