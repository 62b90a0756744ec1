package data

// TEMPORARY contract stubs: H3 (store helper) replaces this whole file with
// real implementations in activity_store.go, activity_config.go,
// adjustment_store.go, ruleset_store.go, assess_store.go — and deletes it.

import (
	"context"
	"errors"

	"zhengxie/data/assess"
)

var errTODO = errors.New("not implemented yet")

// ListAdjustments lists a year's manual 加分/扣分, by member then date.
func (s *Store) ListAdjustments(ctx context.Context, year int) ([]Adjustment, error) {
	return nil, errTODO
}

// SaveAdjustment inserts (ID 0) or updates one adjustment; points must be non-zero and a reason given.
func (s *Store) SaveAdjustment(ctx context.Context, a *Adjustment) error { return errTODO }

// DeleteAdjustment removes one adjustment (audited).
func (s *Store) DeleteAdjustment(ctx context.Context, id int64) error { return errTODO }

// ListRuleSets lists the rule sets kept for a year (0 = every year), by year then name.
func (s *Store) ListRuleSets(ctx context.Context, year int) ([]StoredRuleSet, error) {
	return nil, errTODO
}

// GetRuleSet reads one stored rule set.
func (s *Store) GetRuleSet(ctx context.Context, id int64) (StoredRuleSet, error) {
	return StoredRuleSet{}, errTODO
}

// RuleSetByName finds a year's rule set by name (ErrNotFound otherwise).
func (s *Store) RuleSetByName(ctx context.Context, year int, name string) (StoredRuleSet, error) {
	return StoredRuleSet{}, errTODO
}

// SaveRuleSet inserts (ID 0) or updates a rule set after assess.Validate; the
// problems come back as ValidationErrors (Field = Problem.Where). A name
// already used in that year is refused.
func (s *Store) SaveRuleSet(ctx context.Context, r *StoredRuleSet) error { return errTODO }

// DeleteRuleSet removes a rule set that no year's setup uses.
func (s *Store) DeleteRuleSet(ctx context.Context, id int64) error { return errTODO }

// CopyRuleSet copies a rule set to another year (same name), returning the copy.
func (s *Store) CopyRuleSet(ctx context.Context, id int64, year int) (StoredRuleSet, error) {
	return StoredRuleSet{}, errTODO
}

// YearTerm is the term assessed in a year: the term whose years include it,
// the later one when two do (the year a new term starts).
func (s *Store) YearTerm(ctx context.Context, year int) (Term, error) { return Term{}, errTODO }

// AssessmentSetup reads a year's choices (TermID from YearTerm, RuleSetID 0
// and no exclusions when never saved).
func (s *Store) AssessmentSetup(ctx context.Context, year int) (AssessmentSetup, error) {
	return AssessmentSetup{}, errTODO
}

// SaveAssessmentSetup stores a year's choices.
func (s *Store) SaveAssessmentSetup(ctx context.Context, a AssessmentSetup) error { return errTODO }

// AssessmentFacts loads a year's members (the term's roster, with exclusions
// from the setup) and their records: event attendance, speeches, 社情民意
// authors (tags 采用/采用:<level>/批示…), proposals submitted in the year
// (one record per roster proposer; tags 提交/立案/重点/优秀/转社情民意 …),
// awards, county records and adjustments. History is left empty.
func (s *Store) AssessmentFacts(ctx context.Context, termID int64, year int) (assess.Facts, error) {
	return assess.Facts{}, errTODO
}

// Assess evaluates a year with a stored rule set: loads the facts, fills
// History from earlier years' setups as far back as the rule set's
// consequences need, and runs assess.Evaluate. GUI, CLI and exports all
// call this.
func (s *Store) Assess(ctx context.Context, year int, ruleSetID int64) (assess.Result, assess.RuleSet, error) {
	return assess.Result{}, assess.RuleSet{}, errTODO
}

