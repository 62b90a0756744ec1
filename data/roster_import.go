package data

import (
	"context"
	"errors"
)

// ImportRow is one member read from a sheet, with its 1-based row number in
// that sheet so every problem can name it.
type ImportRow struct {
	Row    int
	Member Member
}

// ImportIssue is one problem with one cell or row of an import.
type ImportIssue struct {
	Row   int    // sheet row number (1-based, as Excel shows it)
	Field string // field label (data.Field*), "" for the whole row
	Msg   string // Chinese reason
}

// Import actions shown in the preview.
const (
	ActionCreate = "新增"
	ActionUpdate = "更新"
)

// PlannedRow says what importing one row will do.
type PlannedRow struct {
	ImportRow
	Action    string // ActionCreate or ActionUpdate
	PersonID  int64  // the existing person updated, 0 for new
	MatchedBy string // "身份证号" or "姓名+出生年月" when updating
}

// ImportPlan is the preview of an import: what each row will do, every
// problem found, and the list entries (界别, 党派, ...) it will add.
type ImportPlan struct {
	Rows       []PlannedRow
	Issues     []ImportIssue
	NewCatalog map[string][]string // kind → names not yet in the term's list
}

// OK reports whether the plan can be applied.
func (p ImportPlan) OK() bool { return len(p.Issues) == 0 }

// ImportResult says what an applied import did.
type ImportResult struct {
	Created, Updated int
	UpdatedRows      []int // sheet rows that updated an existing person
}

// ErrImportHasIssues is returned by ImportRoster when the plan has problems;
// nothing is written.
var ErrImportHasIssues = errors.New("import has issues")

// PlanRosterImport validates rows and matches them to people already in the
// database (by 身份证号, else by 姓名 + 出生年月) without writing anything.
func (s *Store) PlanRosterImport(ctx context.Context, termID int64, rows []ImportRow) (ImportPlan, error) {
	return ImportPlan{}, errors.New("not implemented")
}

// ImportRoster applies an import in one transaction: all rows or none.
func (s *Store) ImportRoster(ctx context.Context, termID int64, rows []ImportRow) (ImportResult, error) {
	return ImportResult{}, errors.New("not implemented")
}
