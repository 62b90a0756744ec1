package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"zhengxie/data/assess"
)

// YearTerm is the term assessed in a year: the term whose years include it,
// the later one when two do (the year a new term starts).
func (s *Store) YearTerm(ctx context.Context, year int) (Term, error) {
	return yearTerm(ctx, s.db, year)
}

func yearTerm(ctx context.Context, q querier, year int) (Term, error) {
	terms, err := listTerms(ctx, q)
	if err != nil {
		return Term{}, err
	}
	var best *Term
	for i, t := range terms {
		if t.StartYear <= year && year <= t.EndYear && (best == nil || t.StartYear > best.StartYear) {
			best = &terms[i]
		}
	}
	if best == nil {
		return Term{}, Invalid("年度", fmt.Sprintf("%d年不在任何一届的起止年份内，请先在“设置”中添加该届", year))
	}
	return *best, nil
}

// AssessmentSetup reads a year's choices (TermID from YearTerm, RuleSetID 0
// and no exclusions when never saved).
func (s *Store) AssessmentSetup(ctx context.Context, year int) (AssessmentSetup, error) {
	return readValue(ctx, s, func(tx querier) (AssessmentSetup, error) { return assessmentSetup(ctx, tx, year) })
}

func assessmentSetup(ctx context.Context, q querier, year int) (AssessmentSetup, error) {
	a := AssessmentSetup{Year: year, Excluded: map[int64]string{}}
	var ruleSet sql.NullInt64
	var excluded string
	err := q.QueryRowContext(ctx, "SELECT term_id, rule_set_id, excluded FROM assessment_setup WHERE year = ?", year).
		Scan(&a.TermID, &ruleSet, &excluded)
	if errors.Is(err, sql.ErrNoRows) {
		t, err := yearTerm(ctx, q, year)
		if err != nil {
			return a, err
		}
		a.TermID = t.ID
		return a, nil
	}
	if err != nil {
		return a, fmt.Errorf("read assessment setup %d: %w", year, err)
	}
	a.RuleSetID = ruleSet.Int64
	var ex map[string]string
	if err := json.Unmarshal([]byte(excluded), &ex); err != nil {
		return a, fmt.Errorf("read assessment setup %d: %w", year, err)
	}
	for k, v := range ex {
		if id, err := strconv.ParseInt(k, 10, 64); err == nil {
			a.Excluded[id] = v
		}
	}
	return a, nil
}

// SaveAssessmentSetup stores a year's choices.
func (s *Store) SaveAssessmentSetup(ctx context.Context, a AssessmentSetup) error {
	if a.TermID == 0 {
		t, err := s.YearTerm(ctx, a.Year)
		if err != nil {
			return err
		}
		a.TermID = t.ID
	}
	ex := map[string]string{}
	for id, why := range a.Excluded {
		if why == "" {
			why = "不参加考核"
		}
		ex[strconv.FormatInt(id, 10)] = why
	}
	body, err := json.Marshal(ex)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if a.RuleSetID != 0 {
			var year int
			if err := tx.QueryRowContext(ctx, "SELECT year FROM rule_set WHERE id = ?", a.RuleSetID).Scan(&year); err != nil {
				return Invalid("规则集", "所选规则集不存在")
			}
			if year != a.Year {
				return Invalid("规则集", fmt.Sprintf("所选规则集属于%d年度，请先复制到%d年度", year, a.Year))
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO assessment_setup(year, term_id, rule_set_id, excluded) VALUES (?, ?, ?, ?)
			ON CONFLICT(year) DO UPDATE SET term_id = excluded.term_id, rule_set_id = excluded.rule_set_id,
			excluded = excluded.excluded`, a.Year, a.TermID, nullID(a.RuleSetID), string(body))
		if err != nil {
			return fmt.Errorf("save assessment setup: %w", err)
		}
		return s.audit(ctx, tx, "保存", "考核设置", int64(a.Year), fmt.Sprintf("%d年度，不参加考核%d人", a.Year, len(ex)))
	})
}

// Assess evaluates a year with a stored rule set: loads the facts, fills
// History from earlier years' setups as far back as the rule set's
// consequences need, and runs assess.Evaluate. GUI, CLI and exports all
// call this.
func (s *Store) Assess(ctx context.Context, year int, ruleSetID int64) (assess.Result, assess.RuleSet, error) {
	var res assess.Result
	var rs assess.RuleSet
	err := s.read(ctx, func(tx querier) (err error) {
		res, rs, err = assessYear(ctx, tx, year, ruleSetID)
		return err
	})
	return res, rs, err
}

func assessYear(ctx context.Context, q querier, year int, ruleSetID int64) (assess.Result, assess.RuleSet, error) {
	st, err := getRuleSet(ctx, q, ruleSetID)
	if err != nil {
		return assess.Result{}, assess.RuleSet{}, err
	}
	rs := st.Rules
	if ps := assess.Validate(rs); len(ps) > 0 {
		// before anything is loaded: a rule set stored by an older release
		// may hold values (years far back) that loading would act on
		return assess.Result{}, rs, userSentence(assess.Problems(ps))
	}
	setup, err := assessmentSetup(ctx, q, year)
	if err != nil {
		return assess.Result{}, rs, err
	}
	facts, err := assessmentFacts(ctx, q, setup.TermID, year, setup.Excluded)
	if err != nil {
		return assess.Result{}, rs, err
	}
	if facts.History, err = assessHistory(ctx, q, year, historyYears(rs)); err != nil {
		return assess.Result{}, rs, err
	}
	res, err := assess.Evaluate(rs, facts)
	return res, rs, userSentence(err)
}

// historyYears is how many earlier years the consequences look back.
func historyYears(rs assess.RuleSet) int {
	n := 0
	for _, c := range rs.Consequences {
		n = max(n, c.Years-1)
	}
	return min(n, assess.MaxYears)
}

// assessHistory evaluates each of the n years before year with the rule
// set that year's setup chose (years without one are left out: the
// engine then says the history is missing).
func assessHistory(ctx context.Context, q querier, year, n int) (map[int64][]assess.Past, error) {
	hist := map[int64][]assess.Past{}
	for y := year - n; y < year; y++ {
		setup, err := assessmentSetup(ctx, q, y)
		if err != nil || setup.RuleSetID == 0 {
			continue // no term or no rule set chosen that year
		}
		st, err := getRuleSet(ctx, q, setup.RuleSetID)
		if err != nil {
			return nil, err
		}
		facts, err := assessmentFacts(ctx, q, setup.TermID, y, setup.Excluded)
		if err != nil {
			return nil, err
		}
		res, err := assess.Evaluate(st.Rules, facts)
		if err != nil {
			return nil, UserErrf(err, "%d年度考核：%s", y, err.Error()) // Problems or an overflow, in Chinese
		}
		for _, m := range res.Members {
			if m.Excluded == "" {
				hist[m.Member.PersonID] = append(hist[m.Member.PersonID], m.Past(y))
			}
		}
	}
	return hist, nil
}
