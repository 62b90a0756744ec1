// Package composition computes the composition statistics of a roster
// (委员构成情况): how many members a term has by 界别, 党派, gender, ethnicity,
// age band and education, the share of 中共 and non-中共 members, of 常委 and
// of 新委员. It is pure: it reads member values and touches no store.
package composition

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"zhengxie/data"
)

// Table titles, as reports print them.
const (
	TitleSector     = "按界别"
	TitleParty      = "按党派/政治面貌"
	TitleGender     = "按性别"
	TitleEthnicity  = "按民族"
	TitleMinorities = "少数民族构成"
	TitleAge        = "按年龄段"
	TitleEducation  = "按学历"
	TitleCPC        = "中共与非中共"
	TitleStanding   = "常委与委员"
	TitleNew        = "新委员与连任委员"
)

// Row labels shared by several tables.
const (
	LabelMissing  = "未填"
	LabelOther    = "其他"
	LabelHan      = "汉族"
	LabelMinority = "少数民族"
	LabelCPC      = "中共党员"
	LabelNonCPC   = "非中共"
	LabelStanding = "常委"
	LabelOrdinary = "委员"
	LabelNew      = "新委员"
	LabelReturn   = "连任委员"
)

// AgeBands are the age-band labels, youngest first.
var AgeBands = []string{"35岁及以下", "36—45岁", "46—55岁", "56—60岁", "61岁及以上"}

// EducationBands are the education labels, highest first.
var EducationBands = []string{"研究生", "大学", "大专", "中专及以下"}

// Options say how to compute.
type Options struct {
	AsOf        time.Time // ages are computed at this date
	SectorOrder []string  // 界别 rows in this order (usually the term's list), zero rows kept
	PartyOrder  []string  // 党派 rows in this order, zero rows kept
}

// Count is one row of a table.
type Count struct {
	Label string
	N     int
	Share float64 // N / Stats.Total, 0 when Total is 0
}

// Table is one breakdown of the roster.
type Table struct {
	Title string
	Rows  []Count
}

// Row returns the row with the given label.
func (t Table) Row(label string) (Count, bool) {
	i := slices.IndexFunc(t.Rows, func(c Count) bool { return c.Label == label })
	if i < 0 {
		return Count{}, false
	}
	return t.Rows[i], true
}

// Stats is the composition of a roster's active members.
type Stats struct {
	Total      int     // active members
	Standing   int     // 常委, including 主席, 副主席 and 秘书长
	Women      int     // 女
	Minority   int     // not 汉族 (missing ethnicity not counted)
	New        int     // 新委员
	CPC        int     // 中共党员
	AverageAge float64 // over members with a known 出生年月; 0 when none
	Tables     []Table
}

// Table returns the table with the given title.
func (s Stats) Table(title string) (Table, bool) {
	i := slices.IndexFunc(s.Tables, func(t Table) bool { return t.Title == title })
	if i < 0 {
		return Table{}, false
	}
	return s.Tables[i], true
}

// Compute tallies the active (在任, 增补), not deleted members. Tables for
// 界别 and 党派 list every name of the given orders (zero rows too) and then
// any other names found, largest first; the other tables show 未填 or 其他
// rows only when some member falls into them.
func Compute(members []data.Member, opt Options) Stats {
	c := newCounter()
	for _, m := range members {
		if m.DeletedAt == nil && data.IsActiveStatus(m.Status) {
			c.add(m, opt.AsOf)
		}
	}
	st := c.st
	if c.ageN > 0 {
		st.AverageAge = float64(c.ageSum) / float64(c.ageN)
	}
	n := st.Total
	st.Tables = []Table{
		c.sector.table(TitleSector, n, opt.SectorOrder, true),
		c.party.table(TitleParty, n, opt.PartyOrder, true),
		c.gender.table(TitleGender, n, data.Genders, false),
		c.ethnicity.table(TitleEthnicity, n, []string{LabelHan, LabelMinority}, false),
		c.minorities.table(TitleMinorities, n, nil, true),
		c.age.table(TitleAge, n, AgeBands, false),
		c.education.table(TitleEducation, n, EducationBands, false),
		c.cpc.table(TitleCPC, n, []string{LabelCPC, LabelNonCPC}, false),
		c.standing.table(TitleStanding, n, []string{LabelStanding, LabelOrdinary}, false),
		c.isNew.table(TitleNew, n, []string{LabelNew, LabelReturn}, false),
	}
	return st
}

// counter accumulates the totals and every table's tally.
type counter struct {
	st                              Stats
	sector, party, gender           *tally
	ethnicity, minorities, age      *tally
	education, cpc, standing, isNew *tally
	ageSum, ageN                    int
}

func newCounter() *counter {
	return &counter{
		sector: newTally(), party: newTally(), gender: newTally(), ethnicity: newTally(), minorities: newTally(),
		age: newTally(), education: newTally(), cpc: newTally(), standing: newTally(), isNew: newTally(),
	}
}

func (c *counter) add(m data.Member, asOf time.Time) {
	c.st.Total++
	c.sector.add(orMissing(m.Sector))
	c.party.add(orMissing(m.Party))
	c.gender.add(orMissing(m.Gender))
	if m.Gender == "女" {
		c.st.Women++
	}
	switch eth := ethnicGroup(m.Ethnicity); eth {
	case LabelMissing, LabelHan:
		c.ethnicity.add(eth)
	default:
		c.ethnicity.add(LabelMinority)
		c.minorities.add(eth)
		c.st.Minority++
	}
	if a, ok := Age(m.Birth, asOf); ok {
		c.age.add(ageBand(a))
		c.ageSum += a
		c.ageN++
	} else {
		c.age.add(LabelMissing)
	}
	c.education.add(EducationBand(m.Education))
	switch {
	case strings.TrimSpace(m.Party) == "":
		c.cpc.add(LabelMissing)
	case IsCPC(m.Party):
		c.cpc.add(LabelCPC)
		c.st.CPC++
	default:
		c.cpc.add(LabelNonCPC)
	}
	c.standing.add(pick(m.Standing, LabelStanding, LabelOrdinary))
	c.isNew.add(pick(m.IsNew, LabelNew, LabelReturn))
	if m.Standing {
		c.st.Standing++
	}
	if m.IsNew {
		c.st.New++
	}
}

func pick(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// tally counts labels and remembers the order they were first seen in.
type tally struct {
	n     map[string]int
	order []string
}

func newTally() *tally { return &tally{n: map[string]int{}} }

func (t *tally) add(label string) {
	if _, ok := t.n[label]; !ok {
		t.order = append(t.order, label)
	}
	t.n[label]++
}

// table lists the fixed labels first (zero rows kept), then the other labels
// found: largest first when sortOthers, else 其他 then 未填.
func (t *tally) table(title string, total int, fixed []string, sortOthers bool) Table {
	tb := Table{Title: title}
	row := func(label string) {
		tb.Rows = append(tb.Rows, Count{Label: label, N: t.n[label], Share: share(t.n[label], total)})
	}
	for _, l := range fixed {
		row(l)
	}
	var others []string
	for _, l := range t.order {
		if !slices.Contains(fixed, l) && l != LabelMissing && l != LabelOther {
			others = append(others, l)
		}
	}
	if sortOthers {
		slices.SortStableFunc(others, func(a, b string) int {
			return cmp.Or(cmp.Compare(t.n[b], t.n[a]), strings.Compare(a, b))
		})
	}
	for _, l := range others {
		row(l)
	}
	for _, l := range []string{LabelOther, LabelMissing} {
		if t.n[l] > 0 && !slices.Contains(fixed, l) {
			row(l)
		}
	}
	return tb
}

func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

func orMissing(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return LabelMissing
	}
	return s
}
