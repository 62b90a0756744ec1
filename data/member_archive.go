package data

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"zhengxie/data/assess"
)

// MemberArchive is one member's 履职档案 for one term (一届一人一档): who
// the member is and everything recorded about the member in that term —
// attendance, proposals, 社情民意, other activities, awards and sanctions,
// and each assessed year's result. It is gathered from the store only;
// sheet.ArchiveDoc prints it.
type MemberArchive struct {
	Member     Member
	Term       Term
	Terms      []Term            // every term the person served, oldest first (this one included)
	Attendance []AttendanceCount // by year, then event type in the configured order
	Proposals  []ArchiveProposal // by session and 案号
	Infos      []ArchiveEntry    // 社情民意, by date
	Events     []ArchiveEntry    // events that are not meetings (调研, 视察 …), by date
	Speeches   []ArchiveEntry    // 大会发言, by date
	Records    []ArchiveEntry    // other records (学习笔记, 调研报告 …), by date
	Awards     []ArchiveEntry    // 表彰, 通报批评, 约谈, by date
	Years      []ArchiveYear     // assessed years, oldest first
}

// AttendanceCount is how one member answered the events of one type in one
// year. Present counts 出席 and also 迟到 and 早退 (Late counts those two
// alone); Leave counts leave approved or not; Absent counts 缺席(无故).
type AttendanceCount struct {
	Year                                int
	Type                                string
	Total, Present, Leave, Absent, Late int
}

// ArchiveProposal is one proposal the member signed.
type ArchiveProposal struct {
	Proposal
	Session int    // 次会议 number
	Role    string // 第一提案人 or 联名
}

// ArchiveEntry is one activity as the member took part in it.
type ArchiveEntry struct {
	Activity        // the record, with all its members and adoptions
	Status   string // events: the member's attendance
	Role     string // events: the member's role (主讲 …); authored kinds: 第一作者 or 联名
	Position int    // 1-based place among the activity's members
}

// ArchiveYear is one assessed year: the rule set the year's setup chose and
// the member's result, computed with everyone else's (ranks).
type ArchiveYear struct {
	Year     int
	RuleSet  assess.RuleSet
	Result   assess.MemberResult
	Assessed int // members assessed that year (the rank's "of N")
}

// Roles of a member in a proposal or an authored record.
const (
	RoleFirstProposer = "第一提案人"
	RoleCoProposer    = "联名"
	RoleFirstAuthor   = "第一作者"
	RoleCoAuthor      = "联名"
)

// ArchiveMeeting reports whether the archive counts an event type as a
// meeting — its name ends in 会 or 会议, or is a 讨论 (小组讨论) — rather
// than listing it as an activity such as 调研 or 视察. Meetings appear in
// the attendance table only; other events are listed one by one.
func ArchiveMeeting(t string) bool {
	return strings.HasSuffix(t, "会") || strings.HasSuffix(t, "会议") || strings.HasSuffix(t, "讨论")
}

// ArchiveBook is one term's records loaded once, from which every member's
// archive is cut without further queries (the batch of ~300 archives).
type ArchiveBook struct {
	Term       Term
	Members    []Member // the term's roster (not deleted), roster order
	eventTypes []string
	terms      map[int64][]Term // person → terms served
	proposals  map[int64][]ArchiveProposal
	entries    map[int64][]ArchiveEntry
	years      []bookYear
}

type bookYear struct {
	year     int
	rules    assess.RuleSet
	results  map[int64]assess.MemberResult // by membership id
	assessed int
}

// LoadArchiveBook reads a term's records for the archives of its members;
// with membershipID non-zero, only what that member's archive needs (the
// assessment still evaluates the whole year, for the ranks). Each year of
// the term whose assessment setup chose a rule set is assessed once.
func (s *Store) LoadArchiveBook(ctx context.Context, termID, membershipID int64) (*ArchiveBook, error) {
	return readValue(ctx, s, func(tx querier) (*ArchiveBook, error) { return s.loadArchiveBook(ctx, tx, termID, membershipID) })
}

func (s *Store) loadArchiveBook(ctx context.Context, q querier, termID, membershipID int64) (*ArchiveBook, error) {
	term, err := getTerm(ctx, q, termID)
	if err != nil {
		return nil, err
	}
	b := &ArchiveBook{Term: term, terms: map[int64][]Term{}, proposals: map[int64][]ArchiveProposal{},
		entries: map[int64][]ArchiveEntry{}}
	if membershipID != 0 {
		m, err := getMember(ctx, q, membershipID)
		if err != nil {
			return nil, err
		}
		if m.TermID != termID {
			return nil, Invalid("委员", fmt.Sprintf("“%s”不是第%s届委员", m.Name, ChineseNumber(term.Number)))
		}
		b.Members = []Member{m}
	} else if b.Members, err = listMembers(ctx, q, MemberFilter{TermID: termID}); err != nil {
		return nil, err
	}
	cfg, err := activityConfig(ctx, q)
	if err != nil {
		return nil, err
	}
	b.eventTypes = cfg.EventTypes
	steps := []func(context.Context, *Store, querier, int64) error{b.loadTerms, b.loadProposals, b.loadEntries, b.loadYears}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := step(ctx, s, q, membershipID); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// MemberArchive gathers one member's archive for the member's term.
func (s *Store) MemberArchive(ctx context.Context, membershipID int64) (MemberArchive, error) {
	return readValue(ctx, s, func(tx querier) (MemberArchive, error) {
		m, err := getMember(ctx, tx, membershipID)
		if err != nil {
			return MemberArchive{}, err
		}
		b, err := s.loadArchiveBook(ctx, tx, m.TermID, membershipID)
		if err != nil {
			return MemberArchive{}, err
		}
		return b.Archive(b.Members[0]), nil
	})
}

// Archive cuts one member's archive from the book.
func (b *ArchiveBook) Archive(m Member) MemberArchive {
	a := MemberArchive{Member: m, Term: b.Term, Terms: b.terms[m.PersonID], Proposals: b.proposals[m.Membership.ID]}
	for _, e := range b.entries[m.Membership.ID] {
		switch {
		case e.Kind == ActEvent && ArchiveMeeting(e.Type):
		case e.Kind == ActEvent:
			a.Events = append(a.Events, e)
		case e.Kind == ActInfo:
			a.Infos = append(a.Infos, e)
		case e.Kind == ActSpeech:
			a.Speeches = append(a.Speeches, e)
		case e.Kind == ActAward:
			a.Awards = append(a.Awards, e)
		default:
			a.Records = append(a.Records, e)
		}
	}
	a.Attendance = b.attendance(b.entries[m.Membership.ID])
	for _, y := range b.years {
		if r, ok := y.results[m.Membership.ID]; ok && r.Excluded == "" {
			a.Years = append(a.Years, ArchiveYear{Year: y.year, RuleSet: y.rules, Result: r, Assessed: y.assessed})
		}
	}
	return a
}

// attendance counts the member's events by year and type.
func (b *ArchiveBook) attendance(entries []ArchiveEntry) []AttendanceCount {
	idx := map[[2]string]int{}
	var out []AttendanceCount
	for _, e := range entries {
		if e.Kind != ActEvent || len(e.Date) < 4 {
			continue
		}
		k := [2]string{e.Date[:4], e.Type}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, AttendanceCount{Year: atoiYear(e.Date), Type: e.Type})
		}
		c := &out[i]
		c.Total++
		switch e.Status {
		case AttPresent:
			c.Present++
		case AttLate, AttEarly:
			c.Present++
			c.Late++
		case AttLeave, AttLeaveRefused:
			c.Leave++
		case AttAbsent:
			c.Absent++
		}
	}
	rank := func(t string) int {
		if i := slices.Index(b.eventTypes, t); i >= 0 {
			return i
		}
		return len(b.eventTypes)
	}
	slices.SortStableFunc(out, func(x, y AttendanceCount) int {
		if x.Year != y.Year {
			return x.Year - y.Year
		}
		if d := rank(x.Type) - rank(y.Type); d != 0 {
			return d
		}
		return strings.Compare(x.Type, y.Type)
	})
	return out
}

func atoiYear(date string) int {
	n := 0
	for _, c := range date[:4] {
		n = n*10 + int(c-'0')
	}
	return n
}
