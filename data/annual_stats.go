package data

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"zhengxie/data/proposalstats"
)

// The figures of the 常委会工作报告 (shared/domain.md §4.1) for one year of
// a term or the whole term: meetings and activities held, proposals,
// 社情民意, awards and the members' assessment. The proposal figures are
// Store.ProposalStats' own; the roster composition is computed where the
// 委员构成统计 is (composition.ForTerm), not here.

// EventCount is one event type's figures.
type EventCount struct {
	Type     string
	Held     int                   // events of the type in the period
	Expected int                   // participant rows of roster members (应出席人次)
	Attended int                   // of them 出席, 迟到 or 早退 (实到人次)
	Rate     proposalstats.Percent // 出席率 = Attended / Expected
}

// LevelCount is a count under a label (an adoption level, a grade, an
// award kind, a consequence).
type LevelCount struct {
	Label string
	N     int
}

// InfoStats are the 社情民意 figures of a period (by submission date).
type InfoStats struct {
	Submitted     int                   // 收到 (submitted in the period)
	FromProposals int                   // of them converted from proposals (提案转来)
	Issued        int                   // 编发 (with an issue number)
	Adopted       int                   // adopted at one level at least
	AdoptRate     proposalstats.Percent // Adopted / Submitted
	Levels        []LevelCount          // infos adopted at each level, configured levels first (zero rows kept)
	Instructed    int                   // infos with at least one 批示
	Instructions  int                   // 批示 in all
	Authors       int                   // distinct roster members among the authors
}

// YearAssessment is one year's assessment result in figures.
type YearAssessment struct {
	Year         int
	RuleSet      string       // "" when no rule set was chosen for the year
	Document     string       // the rule set's document title (《…办法》), "" when not given
	Assessed     int          // members assessed
	Excluded     int          // members not assessed (excluded by the rules or by hand)
	Grades       []LevelCount // members per grade, in the rule set's order (highest first)
	Excellent    int          // members graded 优秀 (HasExcellent false when the rule set has no such grade)
	HasExcellent bool
	Consequences []LevelCount // members flagged per consequence (约谈, 劝辞 …), in the rule set's order
}

// AnnualStats are the figures of one year of a term, or of the whole term
// (Year 0).
type AnnualStats struct {
	TermID   int64
	Year     int
	From, To string       // the period's first and last day
	Events   []EventCount // every event type held, configured order first
	Meetings []EventCount // the meeting types among Events (全体会议, 常委会议, 主席会议, 专题协商会 …)

	Consultations int // events whose type names 协商
	Research      int // 调研
	Inspections   int // 视察
	Supervision   int // 民主监督

	Proposals   proposalstats.Report // Store.ProposalStats for the term and year
	Infos       InfoStats
	Awards      []LevelCount     // award records by kind (表彰, 通报批评, 约谈), configured order, zero rows kept
	Assessments []YearAssessment // each year of the period with a setup, oldest first
}

// Event returns the figures of one event type (zero when none was held).
func (a AnnualStats) Event(typ string) EventCount {
	if i := slices.IndexFunc(a.Events, func(e EventCount) bool { return e.Type == typ }); i >= 0 {
		return a.Events[i]
	}
	return EventCount{Type: typ}
}

// Award returns how many award records of a kind the period has.
func (a AnnualStats) Award(kind string) int { return countOf(a.Awards, kind) }

// Count returns the count under label in a list of LevelCounts.
func countOf(list []LevelCount, label string) int {
	for _, c := range list {
		if c.Label == label {
			return c.N
		}
	}
	return 0
}

// Level returns how many infos were adopted at level.
func (i InfoStats) Level(level string) int { return countOf(i.Levels, level) }

// Grade returns how many members got grade.
func (y YearAssessment) Grade(grade string) int { return countOf(y.Grades, grade) }

// Consequence returns how many members a consequence flagged.
func (y YearAssessment) Consequence(name string) int { return countOf(y.Consequences, name) }

// reportMeeting reports whether the report counts an event type as a
// meeting held (a 会议 or a 协商会/座谈会 …) rather than an activity such as
// 调研 or 视察. 小组讨论 belongs to its 全体会议 and is not a meeting of its
// own here.
func reportMeeting(typ string) bool {
	return strings.Contains(typ, "会议") || strings.HasSuffix(typ, "会")
}

// AnnualStats gathers the figures of year (0 = the whole term) of a term,
// as of today (YYYY-MM-DD; what is overdue, which years are over).
func (s *Store) AnnualStats(ctx context.Context, termID int64, year int, today string) (AnnualStats, error) {
	return readValue(ctx, s, func(tx querier) (AnnualStats, error) { return s.annualStats(ctx, tx, termID, year, today) })
}

func (s *Store) annualStats(ctx context.Context, q querier, termID int64, year int, today string) (AnnualStats, error) {
	t, err := getTerm(ctx, q, termID)
	if err != nil {
		return AnnualStats{}, err
	}
	a := AnnualStats{TermID: termID, Year: year, From: fmt.Sprintf("%d-01-01", t.StartYear),
		To: fmt.Sprintf("%d-12-31", t.EndYear)}
	if year != 0 {
		a.From, a.To = fmt.Sprintf("%d-01-01", year), fmt.Sprintf("%d-12-31", year)
	}
	cfg, err := activityConfig(ctx, q)
	if err != nil {
		return a, err
	}
	if a.Events, err = eventCounts(ctx, q, termID, a.From, a.To, cfg.EventTypes); err != nil {
		return a, err
	}
	a.tallyEvents()
	if a.Proposals, err = s.proposalStats(ctx, q, ProposalFilter{TermID: termID, Year: year}, today); err != nil {
		return a, err
	}
	if a.Infos, err = infoStats(ctx, q, termID, a.From, a.To, cfg.AdoptLevels); err != nil {
		return a, err
	}
	if a.Awards, err = awardCounts(ctx, q, termID, a.From, a.To, cfg.AwardKinds); err != nil {
		return a, err
	}
	a.Assessments, err = yearAssessments(ctx, q, t, year, today)
	return a, err
}

// tallyEvents fills Meetings and the activity counts from Events.
func (a *AnnualStats) tallyEvents() {
	for _, e := range a.Events {
		if reportMeeting(e.Type) {
			a.Meetings = append(a.Meetings, e)
		}
		switch {
		case strings.Contains(e.Type, "协商"):
			a.Consultations += e.Held
		case strings.Contains(e.Type, "调研"):
			a.Research += e.Held
		case strings.Contains(e.Type, "视察"):
			a.Inspections += e.Held
		case strings.Contains(e.Type, "民主监督"):
			a.Supervision += e.Held
		}
	}
}

// periodWhere selects a term's live activities of kind dated in [from, to].
const periodWhere = "a.term_id = ? AND a.kind = ? AND a.deleted_at IS NULL AND a.date BETWEEN ? AND ?"

func eventCounts(ctx context.Context, db querier, termID int64, from, to string, order []string) ([]EventCount, error) {
	q := `SELECT a.type, count(*),
		coalesce(sum((SELECT count(*) FROM activity_member am WHERE am.activity_id = a.id AND am.membership_id IS NOT NULL)), 0),
		coalesce(sum((SELECT count(*) FROM activity_member am WHERE am.activity_id = a.id AND am.membership_id IS NOT NULL
			AND am.status IN (?, ?, ?))), 0)
		FROM activity a WHERE ` + periodWhere + " GROUP BY a.type"
	rows, err := db.QueryContext(ctx, q, AttPresent, AttLate, AttEarly, termID, ActEvent, from, to)
	if err != nil {
		return nil, fmt.Errorf("annual stats: events: %w", err)
	}
	defer rows.Close()
	byType := map[string]EventCount{}
	for rows.Next() {
		var e EventCount
		if err := rows.Scan(&e.Type, &e.Held, &e.Expected, &e.Attended); err != nil {
			return nil, fmt.Errorf("annual stats: events: %w", err)
		}
		e.Rate = proposalstats.Of(e.Attended, e.Expected)
		byType[e.Type] = e
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("annual stats: events: %w", err)
	}
	var out []EventCount
	for _, typ := range inOrder(order, byType) {
		out = append(out, byType[typ])
	}
	return out, nil
}

// inOrder lists the keys of m: those in order first, in that order, then
// the others by name.
func inOrder[V any](order []string, m map[string]V) []string {
	var out, rest []string
	for _, k := range order {
		if _, ok := m[k]; ok {
			out = append(out, k)
		}
	}
	for k := range m {
		if !slices.Contains(order, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

func infoStats(ctx context.Context, q querier, termID int64, from, to string, levels []string) (InfoStats, error) {
	var st InfoStats
	args := []any{termID, ActInfo, from, to}
	err := q.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(a.source = ?), 0), coalesce(sum(a.issue <> ''), 0),
		coalesce(sum(EXISTS (SELECT 1 FROM adoption ad WHERE ad.activity_id = a.id AND ad.kind = ?)), 0),
		coalesce(sum(EXISTS (SELECT 1 FROM adoption ad WHERE ad.activity_id = a.id AND ad.kind = ?)), 0),
		(SELECT count(DISTINCT am.membership_id) FROM activity_member am JOIN activity a ON a.id = am.activity_id
			WHERE `+periodWhere+`)
		FROM activity a WHERE `+periodWhere, append(append([]any{SourceFromProposal, AdoptKindAdopt, AdoptKindInstruct}, args...), args...)...).
		Scan(&st.Submitted, &st.FromProposals, &st.Issued, &st.Adopted, &st.Instructed, &st.Authors)
	if err != nil {
		return st, fmt.Errorf("annual stats: public-opinion reports: %w", err)
	}
	st.AdoptRate = proposalstats.Of(st.Adopted, st.Submitted)
	rows, err := q.QueryContext(ctx, `SELECT ad.kind, ad.level, count(DISTINCT ad.activity_id), count(*)
		FROM adoption ad JOIN activity a ON a.id = ad.activity_id WHERE `+periodWhere+` GROUP BY ad.kind, ad.level`, args...)
	if err != nil {
		return st, fmt.Errorf("annual stats: public-opinion reports: %w", err)
	}
	defer rows.Close()
	adopted := map[string]int{}
	for _, l := range levels {
		adopted[l] = 0
	}
	for rows.Next() {
		var kind, level string
		var infos, n int
		if err := rows.Scan(&kind, &level, &infos, &n); err != nil {
			return st, fmt.Errorf("annual stats: public-opinion reports: %w", err)
		}
		if kind == AdoptKindInstruct {
			st.Instructions += n
			continue
		}
		adopted[level] += infos
	}
	for _, l := range inOrder(levels, adopted) {
		st.Levels = append(st.Levels, LevelCount{l, adopted[l]})
	}
	return st, rows.Err()
}

func awardCounts(ctx context.Context, q querier, termID int64, from, to string, kinds []string) ([]LevelCount, error) {
	rows, err := q.QueryContext(ctx, "SELECT a.type, count(*) FROM activity a WHERE "+periodWhere+" GROUP BY a.type",
		termID, ActAward, from, to)
	if err != nil {
		return nil, fmt.Errorf("annual stats: awards: %w", err)
	}
	defer rows.Close()
	n := map[string]int{}
	for _, k := range kinds {
		n[k] = 0
	}
	for rows.Next() {
		var typ string
		var c int
		if err := rows.Scan(&typ, &c); err != nil {
			return nil, fmt.Errorf("annual stats: awards: %w", err)
		}
		n[typ] += c
	}
	var out []LevelCount
	for _, k := range inOrder(kinds, n) {
		out = append(out, LevelCount{k, n[k]})
	}
	return out, rows.Err()
}

// yearAssessments assesses each year of the period that belongs to the
// term and has begun by today, with the rule set its setup chose. For a
// whole term, years without a rule set are left out.
func yearAssessments(ctx context.Context, q querier, t Term, year int, today string) ([]YearAssessment, error) {
	first, last := t.StartYear, t.EndYear
	if year != 0 {
		first, last = year, year
	}
	if len(today) >= 4 {
		if y, err := strconv.Atoi(today[:4]); err == nil {
			last = min(last, y)
		}
	}
	var out []YearAssessment
	for y := first; y <= last; y++ {
		setup, err := assessmentSetup(ctx, q, y)
		if err != nil || setup.TermID != t.ID {
			continue // the year is not this term's
		}
		ya := YearAssessment{Year: y}
		if setup.RuleSetID == 0 && year == 0 {
			continue // a term's years without rules are left out; a single year says so
		}
		if setup.RuleSetID != 0 {
			if ya, err = yearAssessment(ctx, q, y, setup.RuleSetID); err != nil {
				return nil, err
			}
		}
		out = append(out, ya)
	}
	return out, nil
}

func yearAssessment(ctx context.Context, q querier, year int, ruleSetID int64) (YearAssessment, error) {
	res, rs, err := assessYear(ctx, q, year, ruleSetID)
	if err != nil {
		return YearAssessment{}, UserErrf(err, "%d年度考核：%s", year, UserMessage(err))
	}
	ya := YearAssessment{Year: year, RuleSet: rs.Name, Document: rs.Document}
	grades, flagged := map[string]int{}, map[string]int{}
	var gradeOrder, consOrder []string
	for _, g := range rs.Grades {
		gradeOrder = append(gradeOrder, g.Name)
		grades[g.Name] = 0
		ya.HasExcellent = ya.HasExcellent || g.Name == "优秀"
	}
	for _, c := range rs.Consequences {
		consOrder = append(consOrder, c.Name)
		flagged[c.Name] = 0
	}
	for _, m := range res.Members {
		if m.Excluded != "" {
			ya.Excluded++
			continue
		}
		ya.Assessed++
		if m.Grade != "" {
			grades[m.Grade]++
		}
		for _, c := range m.Consequences {
			flagged[c]++
		}
	}
	for _, g := range inOrder(gradeOrder, grades) {
		ya.Grades = append(ya.Grades, LevelCount{g, grades[g]})
	}
	for _, c := range inOrder(consOrder, flagged) {
		ya.Consequences = append(ya.Consequences, LevelCount{c, flagged[c]})
	}
	ya.Excellent = ya.Grade("优秀")
	return ya, nil
}
