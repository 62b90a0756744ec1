package data_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/demo/scaledb"
)

// Scale benchmarks: the lists and searches staff wait on, at scale 1 (one
// county, ten years) and 10 (ten counties merged), on the cached databases
// of package scaledb. Each reports CPU time beside wall time: the machine
// is shared. Results and targets: docs/BENCHMARKS.md.

// scaleStore opens the cached scale database for a benchmark.
func scaleStore(b *testing.B, scale int) (*data.Store, data.Term) {
	b.Helper()
	ctx := context.Background()
	s, err := scaledb.Open(ctx, scale)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	t, err := s.CurrentTerm(ctx)
	if err != nil {
		b.Fatal(err)
	}
	return s, t
}

// eachScale runs fn as a sub-benchmark per scale, reporting CPU ms per op.
func eachScale(b *testing.B, fn func(b *testing.B, s *data.Store, t data.Term)) {
	for _, scale := range scaledb.Scales {
		b.Run(fmt.Sprintf("scale=%d", scale), func(b *testing.B) {
			s, t := scaleStore(b, scale)
			runtime.GC() // the garbage of earlier benchmarks is not this one's
			b.ResetTimer()
			cpu := scaledb.CPUTime()
			fn(b, s, t)
			b.ReportMetric(float64(scaledb.CPUTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkScaleMemberList loads the current term's roster as 委员 shows it.
func BenchmarkScaleMemberList(b *testing.B) {
	eachScale(b, func(b *testing.B, s *data.Store, t data.Term) {
		for b.Loop() {
			ms, err := s.ListMembers(context.Background(), data.MemberFilter{TermID: t.ID})
			if err != nil || len(ms) == 0 {
				b.Fatal(len(ms), err)
			}
		}
	})
}

// BenchmarkScaleProposalList loads the current term's proposals as 提案列表
// shows them (with proposers, units, result class and verdicts).
func BenchmarkScaleProposalList(b *testing.B) {
	eachScale(b, func(b *testing.B, s *data.Store, t data.Term) {
		for b.Loop() {
			ps, err := s.ListProposals(context.Background(), data.ProposalFilter{TermID: t.ID})
			if err != nil || len(ps) == 0 {
				b.Fatal(len(ps), err)
			}
			b.ReportMetric(float64(len(ps)), "rows")
		}
	})
}

// scaleSearches are the words typed into 提案列表's search box: a street
// named in a few titles, a topic phrase of one proposal in thirty, and two
// characters (under three: no index, a scan).
var scaleSearches = []struct{ name, query string }{
	{"rare", "振兴大街"}, {"topic", "饮水安全"}, {"short", "停车"},
}

// BenchmarkScaleSearch searches all years' proposals for a Chinese
// substring of 案由, 正文, 提案人 or 单位, loading the hits in full.
func BenchmarkScaleSearch(b *testing.B) {
	for _, q := range scaleSearches {
		b.Run(q.name, func(b *testing.B) {
			eachScale(b, func(b *testing.B, s *data.Store, _ data.Term) {
				for b.Loop() {
					ps, err := s.ListProposals(context.Background(), data.ProposalFilter{Query: q.query})
					if err != nil || len(ps) == 0 {
						b.Fatal(len(ps), err)
					}
					b.ReportMetric(float64(len(ps)), "hits")
				}
			})
		})
	}
}

// BenchmarkScaleRosterImport imports 3,000 roster rows (the scale-10
// current term's members) into a new term of an empty database through
// ImportRoster (plan, check every row, match persons, write, audit), and
// as the floor the same rows as raw prepared INSERTs of person and
// membership in one transaction. ratio = ours / floor.
func BenchmarkScaleRosterImport(b *testing.B) {
	ctx := context.Background()
	src, t := scaleStore(b, 10)
	ms, err := src.ListMembers(ctx, data.MemberFilter{TermID: t.ID})
	if err != nil {
		b.Fatal(err)
	}
	ms = ms[:min(3000, len(ms))]
	rows := make([]data.ImportRow, len(ms))
	for i, m := range ms {
		m.Person.ID, m.Membership = 0, data.Membership{Party: m.Party, Sector: m.Sector, Committee: m.Committee,
			Group: m.Group, WorkUnit: m.WorkUnit, Role: m.Role, Standing: m.Standing, Status: m.Status,
			StatusDate: m.StatusDate, IsNew: m.IsNew, Note: m.Note}
		rows[i] = data.ImportRow{Row: i + 2, Member: m}
	}
	for _, mode := range []string{"ours", "floor"} {
		b.Run(mode, func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				s, term := emptyTerm(b)
				b.StartTimer()
				c0 := scaledb.CPUTime()
				if mode == "ours" {
					res, err := s.ImportRoster(ctx, term.ID, rows)
					if err != nil || res.Created != len(rows) {
						b.Fatal(res, err)
					}
				} else if err := rawRosterInsert(ctx, s, term.ID, rows); err != nil {
					b.Fatal(err)
				}
				cpu += scaledb.CPUTime() - c0
			}
			b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(len(rows)), "rows")
		})
	}
}

// emptyTerm is a new database with the committee and one term set up.
func emptyTerm(b *testing.B) (*data.Store, data.Term) {
	s, err := data.Open(context.Background(), filepath.Join(b.TempDir(), "import.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	t, err := s.SetUp(context.Background(), data.Setup{Committee: data.Committee{Name: "政协清河县委员会"},
		Term: data.Term{Number: 11, StartYear: 2021, EndYear: 2026}})
	if err != nil {
		b.Fatal(err)
	}
	return s, t
}

// rawRosterInsert is the floor: one person and one membership INSERT per
// row through prepared statements, catalogs resolved from a map.
func rawRosterInsert(ctx context.Context, s *data.Store, termID int64, rows []data.ImportRow) error {
	cats := map[string]int64{}
	for _, kind := range []string{data.KindParty, data.KindSector, data.KindCommittee, data.KindGroup} {
		items, err := s.ListCatalog(ctx, termID, kind)
		if err != nil {
			return err
		}
		for _, it := range items {
			cats[kind+it.Name] = it.ID
		}
	}
	id := func(kind, name string) any {
		if v := cats[kind+name]; v != 0 {
			return v
		}
		return nil
	}
	return s.BulkLoad(ctx, "floor", func(tx *sql.Tx) error {
		person, err := tx.PrepareContext(ctx, `INSERT INTO person(name, gender, ethnicity, birth, native_place, id_number,
			education, degree, title, phone, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		member, err := tx.PrepareContext(ctx, `INSERT INTO membership(person_id, term_id, party_id, sector_id,
			committee_id, group_id, work_unit, role, standing, status, status_date, is_new, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		for _, r := range rows {
			p, m := r.Member.Person, r.Member.Membership
			res, err := person.ExecContext(ctx, p.Name, p.Gender, p.Ethnicity, p.Birth, p.NativePlace, p.IDNumber,
				p.Education, p.Degree, p.Title, p.Phone, p.Address)
			if err != nil {
				return err
			}
			pid, _ := res.LastInsertId()
			if _, err := member.ExecContext(ctx, pid, termID, id(data.KindParty, m.Party), id(data.KindSector, m.Sector),
				id(data.KindCommittee, m.Committee), id(data.KindGroup, m.Group), m.WorkUnit, m.Role, m.Standing,
				m.Status, m.StatusDate, m.IsNew, m.Note); err != nil {
				return err
			}
		}
		return nil
	})
}
