// Package demo fills an empty database with a fictional county committee,
// 政协清河县委员会, so that the program can be tried out and demonstrated:
// two terms (第十届 2016–2021 and the current 第十一届 2021–2026), their
// plenary sessions and rosters of realistic but invented members. The same
// seed always gives the same county.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"zhengxie/data"
)

// ErrNotEmpty is returned when the database is already set up.
var ErrNotEmpty = data.UserErr("数据库已有数据，不能填充示例数据")

// Options control the generated data.
type Options struct {
	Seed           int64     // same seed, same county
	MembersPerTerm int       // roster rows per term (at least 20); 0 means 300
	Now            time.Time // sessions and status changes after it are left out; zero means time.Now()
}

// Summary says what Populate wrote.
type Summary struct {
	Terms     int // 届
	Members   int // roster rows over all terms
	Persons   int // distinct people (returning members counted once)
	Proposals int // 提案 of the current term's last sessions
	Activity  ActivityCounts
}

// The committee and its terms.
var (
	committee = data.Committee{Name: "政协" + county + "委员会", ShortName: county}
	term10    = data.Term{Number: 10, StartYear: 2016, EndYear: 2021}
	term11    = data.Term{Number: 11, StartYear: 2021, EndYear: 2026, Current: true}
)

// sessionDates are the plenary sessions of each term: start and end dates.
var sessionDates = map[int][][2]string{
	10: {
		{"2017-01-06", "2017-01-09"}, {"2018-01-05", "2018-01-08"}, {"2019-01-08", "2019-01-11"},
		{"2020-01-06", "2020-01-09"}, {"2021-01-11", "2021-01-14"},
	},
	11: {
		{"2021-09-26", "2021-09-28"}, {"2022-02-20", "2022-02-23"}, {"2023-01-08", "2023-01-11"},
		{"2024-01-07", "2024-01-10"}, {"2025-01-06", "2025-01-09"}, {"2026-01-05", "2026-01-08"},
	},
}

// Populate sets up an empty database as 政协清河县委员会 with two terms,
// their sessions and rosters, and makes 第十一届 the current term; the
// term's last two sessions get their proposals, each taken through its
// workflow up to Now (see writeProposals), and its 2025 and 2026 get their
// 履职 records (see writeActivities). It refuses a database that is
// already set up (ErrNotEmpty). Each step is its own transaction: should a
// later step fail, what was written stays, so use a new file to try again.
func Populate(ctx context.Context, s *data.Store, opt Options) (Summary, error) {
	n := opt.MembersPerTerm
	if n == 0 {
		n = 300
	}
	if n < 20 {
		return Summary{}, fmt.Errorf("demo: %d members per term, want at least 20", n)
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	today := opt.Now.Format(time.DateOnly)
	set, err := s.IsSetUp(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("populate demo: %w", err)
	}
	if set {
		return Summary{}, ErrNotEmpty
	}

	g := newGenerator(opt.Seed)
	first := g.firstTerm(n, term10.StartYear)
	g.changeStatuses(first, events[term10.Number], today)
	second := g.nextTerm(first, n, term11.StartYear, 0.60+0.05*g.rng.Float64())
	g.changeStatuses(second, events[term11.Number], today)

	t10, err := s.SetUp(ctx, data.Setup{Committee: committee, Term: term10})
	if errors.Is(err, data.ErrConflict) {
		return Summary{}, ErrNotEmpty
	}
	if err != nil {
		return Summary{}, fmt.Errorf("populate demo: %w", err)
	}
	if err := writeTerm(ctx, s, t10, first, today); err != nil {
		return Summary{}, err
	}
	t11, err := s.CreateTerm(ctx, term11)
	if err != nil {
		return Summary{}, fmt.Errorf("populate demo: %w", err)
	}
	if err := writeTerm(ctx, s, t11, second, today); err != nil {
		return Summary{}, err
	}
	proposals, err := writeProposals(ctx, s, t11, opt.Seed, n, today)
	if err != nil {
		return Summary{}, err
	}
	acts, err := writeActivities(ctx, s, t11, opt.Seed, today)
	if err != nil {
		return Summary{}, err
	}
	returning := 0
	for _, x := range second {
		if x.prev != nil {
			returning++
		}
	}
	return Summary{Terms: 2, Members: len(first) + len(second), Persons: len(first) + len(second) - returning,
		Proposals: proposals, Activity: acts}, nil
}

// writeTerm saves a term's sessions up to today and imports its roster.
func writeTerm(ctx context.Context, s *data.Store, t data.Term, seats []*seat, today string) error {
	for i, d := range sessionDates[t.Number] {
		if d[0] > today {
			break
		}
		x := data.Session{TermID: t.ID, Number: i + 1, StartDate: d[0], EndDate: d[1]}
		if err := s.SaveSession(ctx, &x); err != nil {
			return fmt.Errorf("populate demo: term %d: %w", t.Number, err)
		}
	}
	rows := make([]data.ImportRow, len(seats))
	for i, x := range seats {
		rows[i] = data.ImportRow{Row: i + 2, Member: x.m} // row 1 is the sheet's header
	}
	if _, err := s.ImportRoster(ctx, t.ID, rows); err != nil {
		if plan, perr := s.PlanRosterImport(ctx, t.ID, rows); perr == nil && len(plan.Issues) > 0 {
			is := plan.Issues[0]
			err = fmt.Errorf("%w (row %d %s: %s)", err, is.Row, is.Field, is.Msg)
		}
		return fmt.Errorf("populate demo: term %d roster: %w", t.Number, err)
	}
	return nil
}
