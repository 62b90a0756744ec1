package demo_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/composition"
	"zhengxie/data/demo"
	"zhengxie/data/validate"
)

var today = time.Date(2026, 11, 22, 9, 0, 0, 0, time.Local)

func open(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return today }
	return s
}

func populate(t testing.TB, opt demo.Options) (*data.Store, demo.Summary) {
	t.Helper()
	s := open(t)
	sum, err := demo.Populate(context.Background(), s, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s, sum
}

func roster(t testing.TB, s *data.Store, number int) (data.Term, []data.Member) {
	t.Helper()
	ctx := context.Background()
	term, err := s.TermByNumber(ctx, number)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID, IncludeDeleted: true})
	if err != nil {
		t.Fatal(err)
	}
	return term, ms
}

func TestPopulateBuildsTwoTermsWithContinuity(t *testing.T) {
	ctx := context.Background()
	s, sum := populate(t, demo.Options{Seed: 7, Now: today})
	t10, old := roster(t, s, 10)
	t11, cur := roster(t, s, 11)
	if len(old) != 300 || len(cur) != 300 {
		t.Fatalf("rosters have %d and %d rows, want 300 each", len(old), len(cur))
	}
	if t10.Current || !t11.Current || t10.StartYear != 2016 || t11.EndYear != 2026 {
		t.Errorf("terms: %+v %+v", t10, t11)
	}
	inOld := map[int64]bool{}
	for _, m := range old {
		inOld[m.PersonID] = true
	}
	returning := 0
	for _, m := range cur {
		if inOld[m.PersonID] {
			returning++
			if m.IsNew {
				t.Errorf("%s served in 第十届 but is marked 新委员", m.Name)
			}
		} else if !m.IsNew {
			t.Errorf("%s is new in 第十一届 but not marked 新委员", m.Name)
		}
	}
	if r := float64(returning) / float64(len(cur)); r < 0.59 || r > 0.66 {
		t.Errorf("continuity %.2f, want about 0.60–0.65", r)
	}
	want := demo.Summary{Terms: 2, Members: 600, Persons: 600 - returning, Proposals: sum.Proposals, Activity: sum.Activity}
	if sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	c, err := s.GetCommittee(ctx)
	if err != nil || c.Name != "政协清河县委员会" || c.ShortName != "清河县" {
		t.Errorf("committee %+v, %v", c, err)
	}
	for _, tc := range []struct {
		term data.Term
		n    int
	}{{t10, 5}, {t11, 6}} {
		ss, err := s.ListSessions(ctx, tc.term.ID)
		if err != nil || len(ss) != tc.n {
			t.Errorf("%s has %d sessions (%v), want %d", tc.term.TermName(), len(ss), err, tc.n)
		}
	}
	rep, err := s.Check(ctx)
	if err != nil || !rep.OK() {
		t.Errorf("check: %v %v", rep.Problems, err)
	}
}

func TestPopulatedMembersAreValidAndPlausible(t *testing.T) {
	s, _ := populate(t, demo.Options{Seed: 7, Now: today})
	for _, number := range []int{10, 11} {
		term, ms := roster(t, s, number)
		startOfTerm := time.Date(term.StartYear, 7, 1, 0, 0, 0, 0, time.UTC)
		names := map[string]bool{}
		roles := map[string]int{}
		for _, m := range ms {
			if errs := m.Validate(); errs != nil {
				t.Errorf("%s %s: %v", term.TermName(), m.Name, errs)
			}
			id, err := validate.IDCard(m.IDNumber)
			if err != nil || id.Number != m.IDNumber || id.Birth[:7] != m.Birth || id.Gender != m.Gender {
				t.Errorf("%s: ID %s does not fit (%v)", m.Name, m.IDNumber, err)
			}
			if m.IDNumber[:2] != "13" {
				t.Errorf("%s: ID %s is not from Hebei", m.Name, m.IDNumber)
			}
			if a, ok := composition.Age(m.Birth, startOfTerm); !ok || a < 30 || a > 65 {
				t.Errorf("%s: aged %d at the start of %s", m.Name, a, term.TermName())
			}
			if n := len([]rune(m.Name)); n < 2 || n > 4 {
				t.Errorf("name %q", m.Name)
			}
			if names[m.Name] {
				t.Errorf("%s: name %s twice", term.TermName(), m.Name)
			}
			names[m.Name] = true
			if m.Phone == "" || m.WorkUnit == "" || m.Education == "" || m.Group == "" {
				t.Errorf("%s: missing phone, unit, education or group: %+v", m.Name, m)
			}
			roles[m.Role]++
			switch m.Sector {
			case "中国共产党":
				if m.Party != "中共" {
					t.Errorf("%s in 界别 中国共产党 is %s", m.Name, m.Party)
				}
			case "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社":
				if m.Party != m.Sector {
					t.Errorf("%s in 界别 %s is %s", m.Name, m.Sector, m.Party)
				}
			case "少数民族界":
				if m.Ethnicity == "汉族" {
					t.Errorf("%s in 少数民族界 is 汉族", m.Name)
				}
			}
		}
		if roles["主席"] != 1 || roles["秘书长"] != 1 || roles["副主席"] < 4 || roles["副主席"] > 6 {
			t.Errorf("%s roles %v", term.TermName(), roles)
		}
		st := composition.Compute(ms, composition.Options{AsOf: startOfTerm})
		checkShare(t, term.TermName()+" 常委", st.Standing, st.Total, 0.08, 0.13)
		checkShare(t, term.TermName()+" 女性", st.Women, st.Total, 0.22, 0.40)
		checkShare(t, term.TermName()+" 中共", st.CPC, st.Total, 0.33, 0.42)
		if st.Minority < 5 {
			t.Errorf("%s: only %d minority members", term.TermName(), st.Minority)
		}
		sectors, _ := st.Table(composition.TitleSector)
		for _, r := range sectors.Rows {
			if !slices.Contains(data.DefaultCatalog(data.KindSector), r.Label) {
				t.Errorf("界别 %q is not in the default list", r.Label)
			}
		}
	}
}

func checkShare(t *testing.T, what string, n, total int, lo, hi float64) {
	t.Helper()
	if r := float64(n) / float64(total); r < lo || r > hi {
		t.Errorf("%s: %d of %d (%.2f), want %.2f–%.2f", what, n, total, r, lo, hi)
	}
}

func TestPopulateRecordsStatusChangesUpToNow(t *testing.T) {
	for _, tc := range []struct {
		now      time.Time
		sessions int
		changes  map[string]int
	}{
		{today, 6, map[string]int{"辞去": 2, "调离": 2, "逝世": 1, "增补": 3}},
		{time.Date(2023, 6, 1, 0, 0, 0, 0, time.Local), 3, map[string]int{"辞去": 1, "调离": 1, "增补": 1}},
	} {
		s, _ := populate(t, demo.Options{Seed: 3, MembersPerTerm: 60, Now: tc.now})
		term, ms := roster(t, s, 11)
		got := map[string]int{}
		for _, m := range ms {
			if m.Status == data.StatusServing {
				if m.StatusDate != "" {
					t.Errorf("%s serving with a status date %s", m.Name, m.StatusDate)
				}
				continue
			}
			got[m.Status]++
			if m.StatusDate < "2021-09-26" || m.StatusDate > tc.now.Format(time.DateOnly) {
				t.Errorf("%s %s on %s, outside the term up to now", m.Name, m.Status, m.StatusDate)
			}
			if m.Status == data.StatusAdded && !m.IsNew {
				t.Errorf("%s added mid-term but not a 新委员", m.Name)
			}
		}
		if len(got) != len(tc.changes) {
			t.Errorf("at %s changes %v, want %v", tc.now.Format(time.DateOnly), got, tc.changes)
		}
		for k, v := range tc.changes {
			if got[k] != v {
				t.Errorf("at %s changes %v, want %v", tc.now.Format(time.DateOnly), got, tc.changes)
				break
			}
		}
		ss, _ := s.ListSessions(context.Background(), term.ID)
		if len(ss) != tc.sessions {
			t.Errorf("at %s: %d sessions, want %d", tc.now.Format(time.DateOnly), len(ss), tc.sessions)
		}
	}
}

func TestPopulateRefusesADatabaseInUse(t *testing.T) {
	ctx := context.Background()
	s, _ := populate(t, demo.Options{Seed: 1, MembersPerTerm: 40, Now: today})
	_, before := roster(t, s, 11)
	_, err := demo.Populate(ctx, s, demo.Options{Seed: 2, MembersPerTerm: 40, Now: today})
	if !errors.Is(err, demo.ErrNotEmpty) || data.UserMessage(err) != "数据库已有数据，不能填充示例数据" {
		t.Fatalf("second populate: %v", err)
	}
	if _, after := roster(t, s, 11); len(after) != len(before) {
		t.Errorf("refused populate changed the roster: %d → %d rows", len(before), len(after))
	}

	// A database the user has set up by hand, with no members yet.
	own := open(t)
	if _, err := own.SetUp(ctx, data.Setup{
		Committee: data.Committee{Name: "政协某县委员会"},
		Term:      data.Term{Number: 9, StartYear: 2022, EndYear: 2027},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Populate(ctx, own, demo.Options{Now: today}); !errors.Is(err, demo.ErrNotEmpty) {
		t.Errorf("populate over a set-up database: %v", err)
	}
	if terms, _ := own.ListTerms(ctx); len(terms) != 1 {
		t.Errorf("refused populate added terms: %v", terms)
	}
}

func TestPopulateIsDeterministic(t *testing.T) {
	opt := demo.Options{Seed: 42, MembersPerTerm: 60, Now: today}
	a, _ := populate(t, opt)
	b, _ := populate(t, opt)
	opt.Seed = 43
	c, _ := populate(t, opt)
	for _, number := range []int{10, 11} {
		_, ma := roster(t, a, number)
		_, mb := roster(t, b, number)
		_, mc := roster(t, c, number)
		if !slices.Equal(rows(ma), rows(mb)) {
			t.Errorf("第%d届 differs between two runs with the same seed", number)
		}
		if slices.Equal(rows(ma), rows(mc)) {
			t.Errorf("第%d届 is the same for seeds 42 and 43", number)
		}
	}
	// The date only decides which changes are recorded, not who is who.
	opt.Seed, opt.Now = 42, time.Date(2022, 1, 1, 0, 0, 0, 0, time.Local)
	d, _ := populate(t, opt)
	_, ma := roster(t, a, 11)
	_, md := roster(t, d, 11)
	if !slices.Equal(names(ma), names(md)) {
		t.Error("an earlier Now changed the people of 第十一届")
	}
}

func rows(ms []data.Member) []string {
	var out []string
	for _, m := range ms {
		var s string
		for _, f := range data.RosterFields {
			s += m.FieldValue(f) + "|"
		}
		out = append(out, s)
	}
	return out
}

func names(ms []data.Member) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Name+m.IDNumber)
	}
	slices.Sort(out)
	return out
}

func TestPopulateRejectsTinyRosters(t *testing.T) {
	s := open(t)
	if _, err := demo.Populate(context.Background(), s, demo.Options{MembersPerTerm: 5}); err == nil {
		t.Fatal("5 members per term accepted")
	}
	if set, _ := s.IsSetUp(context.Background()); set {
		t.Error("rejected options still set up the database")
	}
}

func BenchmarkPopulate(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s := open(b)
		b.StartTimer()
		if _, err := demo.Populate(context.Background(), s, demo.Options{Seed: 1, Now: today}); err != nil {
			b.Fatal(err)
		}
	}
}
