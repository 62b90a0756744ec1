package assess

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Problem is one thing wrong with a rule set, in Chinese, naming where:
// e.g. Where "第2项“提交提案”第1条规则", Msg "split 只能是 whole、half_first、fixed、first_only 或 equal".
type Problem struct {
	Where string
	Msg   string
}

func (p Problem) Error() string { return p.Where + "：" + p.Msg }

// Problems is the error Evaluate returns for a rule set Validate rejects.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return "考核规则有误：" + strings.Join(lines, "；")
}

// ErrOverflow means a score left the range exact points can hold: values
// near the int64 limit (an adjustment, or a rule set stored before Validate
// bounded them), or fractions whose common denominator grows too large.
var ErrOverflow = errors.New("分值超出了可计算的范围")

// Evaluate applies rs to the facts of one year. It fails when Validate
// reports problems (the error is Problems, listing them) or when a member's
// score overflows (the error wraps ErrOverflow and names the member); it
// never panics on such input.
func Evaluate(rs RuleSet, f Facts) (Result, error) {
	if ps := Validate(rs); len(ps) > 0 {
		return Result{}, Problems(ps)
	}
	e := newEvaluator(rs, f)
	res := Result{Year: f.Year, RuleSet: rs.Name}
	for _, it := range rs.Items {
		res.Items = append(res.Items, it.Name)
		col := it.Column
		if col == "" {
			col = it.Name
		}
		res.Columns = append(res.Columns, col)
	}
	res.Members = make([]MemberResult, 0, len(f.Members))
	for _, m := range f.Members {
		mr, err := e.safeMember(m)
		if err != nil {
			return Result{}, err
		}
		res.Members = append(res.Members, mr)
	}
	rank(res.Members)
	return res, nil
}

// safeMember is member with an overflow turned into an error naming the
// member; any other panic is a defect and goes on.
func (e *evaluator) safeMember(m Member) (mr MemberResult, err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if _, ok := r.(overflow); !ok {
			panic(r)
		}
		err = fmt.Errorf("计算委员“%s”的得分时%w，未得出结果。请检查考核规则中的分值和上下限，以及该委员的加分、扣分是否填写有误",
			m.Name, ErrOverflow)
	}()
	return e.member(m), nil
}

// evaluator holds what every member's evaluation shares.
type evaluator struct {
	rs         RuleSet
	f          Facts
	dec        int            // decimals for numbers in notes
	gradeIndex map[string]int // grade name → position (0 = highest)
	scratch    []int          // reused by rule: indices of matching records
}

func newEvaluator(rs RuleSet, f Facts) *evaluator {
	e := &evaluator{rs: rs, f: f, dec: rs.Decimals, gradeIndex: map[string]int{}}
	if e.dec == 0 {
		e.dec = 2
	}
	for i, g := range rs.Grades {
		e.gradeIndex[g.Name] = i
	}
	return e
}

// pts formats points for a note.
func (e *evaluator) pts(p Points) string { return p.Format(e.dec) }

// member evaluates one member: exclusion, items, adjustments, total,
// grade, gates and consequences. Rank is filled later.
func (e *evaluator) member(m Member) MemberResult {
	mr := MemberResult{Member: m}
	if why := e.excluded(m); why != "" {
		mr.Excluded = why
		return mr
	}
	recs := sortedRecords(e.f.Records[m.ID])
	mr.Items = make([]ItemResult, len(e.rs.Items))
	for i, it := range e.rs.Items {
		mr.Items[i] = e.item(m, recs, it)
	}
	e.groupCaps(mr.Items)
	for _, rec := range recs {
		if rec.Kind != KindAdjust {
			continue
		}
		mr.Adjustments = append(mr.Adjustments, Line{Record: rec, Points: rec.Points, Counted: !rec.Points.IsZero(), Note: rec.Note})
		if rec.Points.Sign() > 0 {
			mr.Bonus = mr.Bonus.Add(rec.Points)
		} else {
			mr.Penalty = mr.Penalty.Add(rec.Points)
		}
	}
	for _, ir := range mr.Items {
		mr.Raw = mr.Raw.Add(ir.Final)
	}
	mr.Raw = mr.Raw.Add(mr.Bonus).Add(mr.Penalty)
	mr.Total = mr.Raw
	if c := e.rs.Cap; c != nil && mr.Total.Cmp(*c) > 0 {
		mr.Total = *c
		mr.Notes = append(mr.Notes, fmt.Sprintf("总分%s超过上限%s分，按%s分计", e.pts(mr.Raw), e.pts(*c), e.pts(*c)))
	}
	if fl := e.rs.Floor; fl != nil && mr.Total.Cmp(*fl) < 0 {
		mr.Total = *fl
		mr.Notes = append(mr.Notes, fmt.Sprintf("总分%s低于下限%s分，按%s分计", e.pts(mr.Raw), e.pts(*fl), e.pts(*fl)))
	}
	mr.GradeByScore = e.grade(mr.Total)
	mr.Grade = mr.GradeByScore
	e.gates(&mr, recs)
	e.consequences(&mr, recs)
	return mr
}

// sortedRecords orders a member's records by date, then id (a sorted
// copy; the input itself when already in order: it is never modified).
func sortedRecords(in []Record) []Record {
	if slices.IsSortedFunc(in, byDateID) {
		return in
	}
	recs := slices.Clone(in)
	slices.SortStableFunc(recs, byDateID)
	return recs
}

func byDateID(a, b Record) int {
	if c := strings.Compare(a.Date, b.Date); c != 0 {
		return c
	}
	switch {
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}

// Why members leave: Member.Status values and the reason shown.
var inactiveReasons = map[string]string{
	"辞去": "已辞去委员职务",
	"撤销": "已撤销委员资格",
	"调离": "已调离",
	"逝世": "已逝世",
}

// excluded says why m is not assessed ("" = assessed).
func (e *evaluator) excluded(m Member) string {
	ex := e.rs.Exclude
	switch {
	case m.Excluded != "":
		return m.Excluded
	case m.Role != "" && slices.Contains(ex.Roles, m.Role):
		return "政协职务为" + m.Role + "，不参加考核"
	}
	if why, ok := inactiveReasons[m.Status]; ok && ex.Inactive && (m.StatusDate == "" || yearOf(m.StatusDate) <= e.f.Year) {
		if m.StatusDate != "" {
			why += "（" + m.StatusDate + "）"
		}
		return why
	}
	if ex.JoinedAfter != "" && m.Status == "增补" && m.StatusDate != "" {
		cut := fmt.Sprintf("%04d-%s", e.f.Year, ex.JoinedAfter)
		if m.StatusDate > cut {
			mo, _ := strconv.Atoi(ex.JoinedAfter[:2])
			d, _ := strconv.Atoi(ex.JoinedAfter[3:])
			return fmt.Sprintf("%s增补，晚于%d月%d日，本年度不参加考核", m.StatusDate, mo, d)
		}
	}
	return ""
}

// yearOf reads the year of "YYYY-MM-DD" (0 when unreadable).
func yearOf(date string) int {
	if len(date) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(date[:4])
	return y
}

// applies reports whether an AppliesTo value covers m.
func applies(to string, m Member) bool {
	switch to {
	case AppliesStanding:
		return m.Standing
	case AppliesNotStanding:
		return !m.Standing
	}
	return true
}

// matches reports whether rec satisfies every non-empty field of mt.
func matches(mt Match, rec Record) bool {
	if rec.Kind != mt.Kind ||
		!inList(mt.Types, rec.Type) || !inList(mt.Statuses, rec.Status) ||
		!inList(mt.Roles, rec.Role) || !inList(mt.Levels, rec.Level) ||
		(mt.First && rec.Position != 1) {
		return false
	}
	for _, t := range mt.Tags {
		if !slices.Contains(rec.Tags, t) {
			return false
		}
	}
	if len(mt.AnyTags) > 0 && !slices.ContainsFunc(mt.AnyTags, func(t string) bool { return slices.Contains(rec.Tags, t) }) {
		return false
	}
	return !slices.ContainsFunc(mt.NotTags, func(t string) bool { return slices.Contains(rec.Tags, t) })
}

// inList: an empty list matches everything.
func inList(list []string, v string) bool { return len(list) == 0 || slices.Contains(list, v) }

// countMatching counts the records mt selects.
func countMatching(mt Match, recs []Record) int {
	n := 0
	for _, r := range recs {
		if matches(mt, r) {
			n++
		}
	}
	return n
}
