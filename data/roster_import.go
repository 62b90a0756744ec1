package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// ImportRow is one member read from a sheet, with its 1-based row number in
// that sheet so every problem can name it.
type ImportRow struct {
	Row    int
	Member Member
	// Fields lists the field labels the sheet has columns for; nil means
	// all. When an existing person is updated, fields the sheet lacks keep
	// their stored values.
	Fields []string
}

// ImportIssue is one problem with one cell or row of an import.
type ImportIssue struct {
	Sheet string // worksheet, when the import reads several ("" otherwise)
	Row   int    // sheet row number (1-based, as Excel shows it)
	Field string // field label (data.Field*), "" for the whole row
	Msg   string // Chinese reason
}

// Import actions shown in the preview.
const (
	ActionCreate = "新增"
	ActionUpdate = "更新"
	// ActionUnchanged is a row whose member is stored already with
	// everything the row says: re-importing a sheet changes nothing.
	ActionUnchanged = "未变化"
)

// PlannedRow says what importing one row will do.
type PlannedRow struct {
	ImportRow
	Action    string // ActionCreate, ActionUpdate or ActionUnchanged
	PersonID  int64  // the existing person updated, 0 for new
	MatchedBy string // "身份证号" or "姓名+出生年月" when updating
}

// ImportPlan is the preview of an import: what each row will do, every
// problem found, and the list entries (界别, 党派, ...) it will add.
type ImportPlan struct {
	Rows       []PlannedRow
	Issues     []ImportIssue
	NewCatalog map[string][]string // kind → names not yet in the term's list
	Left       []LeftRow           // SkipBad: the rows left out, with their problems
}

// RosterImportOptions are the choices of a roster import.
type RosterImportOptions struct {
	// SkipBad imports the rows without problems and leaves the others
	// out (ImportPlan.Left, ImportResult.Left) instead of refusing all.
	SkipBad bool
}

// OK reports whether the plan can be applied.
func (p ImportPlan) OK() bool { return len(p.Issues) == 0 }

// ImportResult says what an applied import did.
type ImportResult struct {
	Created, Updated int
	Unchanged        int       // rows whose member was stored already as the row says
	UpdatedRows      []int     // sheet rows that updated an existing person
	Left             []LeftRow // SkipBad: the rows left out, with their problems
}

// Counts returns how many rows the plan creates, updates and finds
// unchanged.
func (p ImportPlan) Counts() (created, updated, unchanged int) {
	for _, r := range p.Rows {
		switch r.Action {
		case ActionUpdate:
			updated++
		case ActionUnchanged:
			unchanged++
		default:
			created++
		}
	}
	return created, updated, unchanged
}

// ErrImportHasIssues is returned by ImportRoster when the plan has problems;
// nothing is written.
var ErrImportHasIssues = errors.New("import has issues")

// PlanRosterImport validates rows and matches them to people already in the
// database (by 身份证号, else by 姓名 + 出生年月) without writing anything.
func (s *Store) PlanRosterImport(ctx context.Context, termID int64, rows []ImportRow) (ImportPlan, error) {
	return s.PlanRosterImportWith(ctx, termID, rows, RosterImportOptions{})
}

// PlanRosterImportWith is PlanRosterImport with options: with SkipBad the
// plan is that of the rows without problems, and Left lists the others.
func (s *Store) PlanRosterImportWith(ctx context.Context, termID int64, rows []ImportRow, opts RosterImportOptions) (ImportPlan, error) {
	var plan ImportPlan
	err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		plan, err = s.planRoster(ctx, tx, termID, rows, opts)
		return err
	})
	if err != nil {
		return ImportPlan{}, fmt.Errorf("plan roster import: %w", err)
	}
	return plan, nil
}

// ImportRoster applies an import in one transaction: all rows or none. It
// re-plans inside the transaction and writes nothing when the plan has any
// issue (ErrImportHasIssues). Missing list entries are added to the term.
func (s *Store) ImportRoster(ctx context.Context, termID int64, rows []ImportRow) (ImportResult, error) {
	return s.ImportRosterWith(ctx, termID, rows, RosterImportOptions{})
}

// ImportRosterWith is ImportRoster with options: with SkipBad it imports
// the rows without problems, in one transaction, and returns the others
// in Left.
func (s *Store) ImportRosterWith(ctx context.Context, termID int64, rows []ImportRow, opts RosterImportOptions) (ImportResult, error) {
	var res ImportResult
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ctx, done := withStmtCache(ctx, tx)
		defer done()
		plan, err := s.planRoster(ctx, tx, termID, rows, opts)
		if err != nil {
			return err
		}
		if !plan.OK() {
			return ErrImportHasIssues
		}
		res.Left = plan.Left
		for _, pr := range plan.Rows {
			switch pr.Action {
			case ActionUnchanged:
				res.Unchanged++
				continue
			case ActionUpdate:
				res.Updated++
				res.UpdatedRows = append(res.UpdatedRows, pr.Row)
			default:
				res.Created++
			}
			if err := s.applyRow(ctx, tx, termID, pr); err != nil {
				return fmt.Errorf("row %d: %w", pr.Row, err)
			}
		}
		detail := fmt.Sprintf("新增 %d 人，更新 %d 人", res.Created, res.Updated)
		if res.Unchanged > 0 {
			detail += fmt.Sprintf("，未变化 %d 人", res.Unchanged)
		}
		if len(res.Left) > 0 {
			detail += fmt.Sprintf("，有问题未导入 %d 行", len(res.Left))
		}
		return s.audit(ctx, tx, "导入", "委员名册", termID, detail)
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("import roster: %w", err)
	}
	return res, nil
}

// planRoster plans rows, or with SkipBad the rows without problems.
func (s *Store) planRoster(ctx context.Context, tx *sql.Tx, termID int64, rows []ImportRow, opts RosterImportOptions) (ImportPlan, error) {
	if !opts.SkipBad {
		return s.planImport(ctx, tx, termID, rows)
	}
	var plan ImportPlan
	_, left, err := keepGood(rows, func(r ImportRow) RowRef { return RowRef{Row: r.Row} }, nil,
		func(rs []ImportRow) (_ []ImportIssue, err error) {
			plan, err = s.planImport(ctx, tx, termID, rs)
			return plan.Issues, err
		})
	plan.Left = left
	return plan, err
}

func (s *Store) planImport(ctx context.Context, tx *sql.Tx, termID int64, rows []ImportRow) (ImportPlan, error) {
	plan := ImportPlan{NewCatalog: map[string][]string{}}
	known := map[string]map[string]bool{}
	for _, kind := range CatalogKinds {
		names, err := catalogNamesTx(ctx, tx, termID, kind)
		if err != nil {
			return plan, err
		}
		known[kind] = map[string]bool{}
		for _, n := range names {
			known[kind][n] = true
		}
	}
	persons, err := loadPersonIndex(ctx, tx)
	if err != nil {
		return plan, err
	}
	seenID := map[string]int{}
	seenNameBirth := map[string]int{}
	for _, r := range rows {
		m := r.Member
		m.TermID = termID
		m.Normalize()
		r.Member = m
		for _, e := range m.Validate() {
			plan.Issues = append(plan.Issues, ImportIssue{Row: r.Row, Field: e.Field, Msg: e.Msg})
		}
		if m.IDNumber != "" {
			if prev, ok := seenID[m.IDNumber]; ok {
				plan.Issues = append(plan.Issues, ImportIssue{Row: r.Row, Field: FieldIDNumber,
					Msg: fmt.Sprintf("与第 %d 行重复", prev)})
			}
			seenID[m.IDNumber] = r.Row
		} else if m.Birth != "" {
			key := m.Name + "|" + m.Birth
			if prev, ok := seenNameBirth[key]; ok {
				plan.Issues = append(plan.Issues, ImportIssue{Row: r.Row, Field: FieldName,
					Msg: fmt.Sprintf("与第 %d 行姓名、出生年月相同且均无身份证号", prev)})
			}
			seenNameBirth[key] = r.Row
		}
		for _, c := range []struct{ kind, name string }{
			{KindSector, m.Sector}, {KindParty, m.Party}, {KindCommittee, m.Committee}, {KindGroup, m.Group},
		} {
			if c.name != "" && !known[c.kind][c.name] {
				known[c.kind][c.name] = true
				plan.NewCatalog[c.kind] = append(plan.NewCatalog[c.kind], c.name)
			}
		}
		pr := PlannedRow{ImportRow: r, Action: ActionCreate}
		pid, by := persons.find(m.Person)
		if pid != 0 {
			pr.PersonID, pr.MatchedBy = pid, by
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM membership WHERE person_id = ? AND term_id = ?",
				pid, termID).Scan(&n); err != nil {
				return plan, err
			}
			if n > 0 {
				pr.Action = ActionUpdate
				same, err := unchanged(ctx, tx, termID, pr)
				if err != nil {
					return plan, err
				}
				if same {
					pr.Action = ActionUnchanged
				}
			}
		}
		plan.Rows = append(plan.Rows, pr)
	}
	return plan, nil
}

// unchanged reports whether updating the stored member with the row would
// change nothing: the merged person and membership equal the stored ones
// and the membership is not in the recycle bin.
func unchanged(ctx context.Context, tx *sql.Tx, termID int64, pr PlannedRow) (bool, error) {
	oldPerson, err := personByID(ctx, tx, pr.PersonID)
	if err != nil {
		return false, err
	}
	if mergePerson(oldPerson, pr.Member.Person) != oldPerson {
		return false, nil
	}
	old, err := scanMember(tx.QueryRowContext(ctx, memberSelect+" WHERE m.person_id = ? AND m.term_id = ?", pr.PersonID, termID))
	if err != nil {
		return false, err
	}
	if old.DeletedAt != nil {
		return false, nil
	}
	nw := pr.Member.Membership
	nw.TermID = termID
	merged := mergeMembership(old.Membership, nw, pr.Fields)
	merged.DeletedAt, old.DeletedAt = nil, nil
	return merged == old.Membership, nil
}

func catalogNamesTx(ctx context.Context, tx *sql.Tx, termID int64, kind string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT name FROM catalog WHERE term_id = ? AND kind = ?", termID, kind)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// applyRow writes one planned row. An existing person keeps the stored value
// of every field the sheet has no column for, and of every empty cell.
func (s *Store) applyRow(ctx context.Context, tx *sql.Tx, termID int64, pr PlannedRow) error {
	m := pr.Member
	m.TermID = termID
	if pr.PersonID != 0 {
		old, err := personByID(ctx, tx, pr.PersonID)
		if err != nil {
			return err
		}
		m.Person = mergePerson(old, m.Person)
	}
	if err := s.savePerson(ctx, tx, &m.Person); err != nil {
		return err
	}
	m.PersonID = m.Person.ID
	if pr.Action == ActionCreate {
		return s.insertMembership(ctx, tx, &m.Membership, true)
	}
	old, err := scanMember(tx.QueryRowContext(ctx, memberSelect+" WHERE m.person_id = ? AND m.term_id = ?", m.PersonID, termID))
	if err != nil {
		return err
	}
	merged := mergeMembership(old.Membership, m.Membership, pr.Fields)
	if _, err := s.membershipRefs(ctx, tx, merged, true); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE membership SET deleted_at = NULL WHERE id = ?", merged.ID); err != nil {
		return err
	}
	return s.updateMembership(ctx, tx, merged)
}

func personByID(ctx context.Context, tx *sql.Tx, id int64) (Person, error) {
	var p Person
	err := tx.QueryRowContext(ctx, `SELECT id, name, gender, ethnicity, birth, native_place, id_number,
		education, degree, title, phone, address FROM person WHERE id = ?`, id).Scan(&p.ID, &p.Name, &p.Gender,
		&p.Ethnicity, &p.Birth, &p.NativePlace, &p.IDNumber, &p.Education, &p.Degree, &p.Title, &p.Phone, &p.Address)
	return p, notFound(err)
}

// mergePerson keeps old values where the new record is empty.
func mergePerson(old, nw Person) Person {
	keep := func(o, n string) string {
		if n == "" {
			return o
		}
		return n
	}
	return Person{
		ID: old.ID, Name: keep(old.Name, nw.Name), Gender: keep(old.Gender, nw.Gender),
		Ethnicity: keep(old.Ethnicity, nw.Ethnicity), Birth: keep(old.Birth, nw.Birth),
		NativePlace: keep(old.NativePlace, nw.NativePlace), IDNumber: keep(old.IDNumber, nw.IDNumber),
		Education: keep(old.Education, nw.Education), Degree: keep(old.Degree, nw.Degree),
		Title: keep(old.Title, nw.Title), Phone: keep(old.Phone, nw.Phone), Address: keep(old.Address, nw.Address),
	}
}

// mergeMembership keeps old values for empty cells and for fields the
// sheet has no column for (fields nil: all columns present).
func mergeMembership(old, nw Membership, fields []string) Membership {
	has := func(f string) bool { return fields == nil || slices.Contains(fields, f) }
	str := func(f, o, n string) string {
		if !has(f) || n == "" {
			return o
		}
		return n
	}
	out := old
	out.Party = str(FieldParty, old.Party, nw.Party)
	out.Sector = str(FieldSector, old.Sector, nw.Sector)
	out.Committee = str(FieldCommittee, old.Committee, nw.Committee)
	out.Group = str(FieldGroup, old.Group, nw.Group)
	out.WorkUnit = str(FieldWorkUnit, old.WorkUnit, nw.WorkUnit)
	out.Role = str(FieldRole, old.Role, nw.Role)
	out.Status = str(FieldStatus, old.Status, nw.Status)
	out.StatusDate = str(FieldStatusDate, old.StatusDate, nw.StatusDate)
	out.Note = str(FieldNote, old.Note, nw.Note)
	if has(FieldStanding) || has(FieldRole) {
		out.Standing = nw.Standing
	}
	if has(FieldIsNew) {
		out.IsNew = nw.IsNew
	}
	return out
}
