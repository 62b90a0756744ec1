package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Setup is what the first-run dialog asks for.
type Setup struct {
	Committee Committee
	Term      Term // Number, StartYear, EndYear
}

// Validate checks a setup before it is saved.
func (s Setup) Validate() error {
	var errs ValidationErrors
	if strings.TrimSpace(s.Committee.Name) == "" {
		errs = append(errs, &ValidationError{"委员会名称", "不能为空"})
	}
	errs = append(errs, validateTermYears(s.Term)...)
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func validateTermYears(t Term) ValidationErrors {
	var errs ValidationErrors
	if t.Number <= 0 || t.Number > 99 {
		errs = append(errs, &ValidationError{"届次", "应为 1 到 99 之间的数字"})
	}
	if t.StartYear < 1949 || t.StartYear > 2200 {
		errs = append(errs, &ValidationError{"起始年份", "年份不正确"})
	}
	if t.EndYear < t.StartYear || t.EndYear > t.StartYear+10 {
		errs = append(errs, &ValidationError{"结束年份", "应不早于起始年份，且任期不超过十年"})
	}
	return errs
}

// IsSetUp reports whether the first-run setup has been done.
func (s *Store) IsSetUp(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM committee").Scan(&n); err != nil {
		return false, fmt.Errorf("check setup: %w", err)
	}
	return n > 0, nil
}

// SetUp saves the committee and creates its current term with the default
// lists. It fails with ErrConflict when the database is already set up.
func (s *Store) SetUp(ctx context.Context, in Setup) (Term, error) {
	if err := in.Validate(); err != nil {
		return Term{}, err
	}
	var t Term
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO committee(id, name, short_name) VALUES (1, ?, ?)",
			strings.TrimSpace(in.Committee.Name), strings.TrimSpace(in.Committee.ShortName))
		if isUniqueViolation(err) {
			return ErrConflict
		}
		if err != nil {
			return err
		}
		in.Term.Current = true
		t, err = s.createTerm(ctx, tx, in.Term)
		return err
	})
	if err != nil {
		return Term{}, fmt.Errorf("set up committee: %w", err)
	}
	return t, nil
}

// GetCommittee returns the committee, or ErrNotFound before setup.
func (s *Store) GetCommittee(ctx context.Context) (Committee, error) {
	var c Committee
	err := s.db.QueryRowContext(ctx, "SELECT name, short_name FROM committee WHERE id = 1").Scan(&c.Name, &c.ShortName)
	if err != nil {
		return c, fmt.Errorf("get committee: %w", notFound(err))
	}
	return c, nil
}

// UpdateCommittee renames the committee.
func (s *Store) UpdateCommittee(ctx context.Context, c Committee) error {
	if strings.TrimSpace(c.Name) == "" {
		return Invalid("委员会名称", "不能为空")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var old Committee
		if err := tx.QueryRowContext(ctx, "SELECT name, short_name FROM committee WHERE id = 1").
			Scan(&old.Name, &old.ShortName); err != nil {
			return notFound(err)
		}
		res, err := tx.ExecContext(ctx, "UPDATE committee SET name = ?, short_name = ? WHERE id = 1",
			strings.TrimSpace(c.Name), strings.TrimSpace(c.ShortName))
		if err != nil {
			return fmt.Errorf("update committee: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.auditChanges(ctx, tx, "修改", "委员会", 1, c.Name, diffFields(committeeAuditFields, old, c))
	})
}

const termColumns = "id, number, start_year, end_year, is_current"

func scanTerm(row interface{ Scan(...any) error }) (Term, error) {
	var t Term
	err := row.Scan(&t.ID, &t.Number, &t.StartYear, &t.EndYear, &t.Current)
	return t, err
}

// ListTerms returns every term, newest first.
func (s *Store) ListTerms(ctx context.Context) ([]Term, error) { return listTerms(ctx, s.db) }

func listTerms(ctx context.Context, q querier) ([]Term, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+termColumns+" FROM term ORDER BY number DESC")
	if err != nil {
		return nil, fmt.Errorf("list terms: %w", err)
	}
	defer rows.Close()
	var out []Term
	for rows.Next() {
		t, err := scanTerm(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// GetTerm returns one term.
func (s *Store) GetTerm(ctx context.Context, id int64) (Term, error) { return getTerm(ctx, s.db, id) }

func getTerm(ctx context.Context, q querier, id int64) (Term, error) {
	t, err := scanTerm(q.QueryRowContext(ctx, "SELECT "+termColumns+" FROM term WHERE id = ?", id))
	if err != nil {
		return t, fmt.Errorf("get term %d: %w", id, notFound(err))
	}
	return t, nil
}

// CurrentTerm returns the term marked current, or ErrNotFound.
func (s *Store) CurrentTerm(ctx context.Context) (Term, error) {
	t, err := scanTerm(s.db.QueryRowContext(ctx, "SELECT "+termColumns+" FROM term WHERE is_current = 1"))
	if err != nil {
		return t, fmt.Errorf("current term: %w", notFound(err))
	}
	return t, nil
}

// TermByNumber finds a term by its number (第N届).
func (s *Store) TermByNumber(ctx context.Context, number int) (Term, error) {
	t, err := scanTerm(s.db.QueryRowContext(ctx, "SELECT "+termColumns+" FROM term WHERE number = ?", number))
	if err != nil {
		return t, fmt.Errorf("term %d: %w", number, notFound(err))
	}
	return t, nil
}

// CreateTerm adds a term. Its lists are copied from the newest earlier term,
// or seeded with the defaults when there is none. When t.Current is set it
// becomes the current term.
func (s *Store) CreateTerm(ctx context.Context, t Term) (Term, error) {
	if errs := validateTermYears(t); len(errs) > 0 {
		return Term{}, errs
	}
	var out Term
	err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		out, err = s.createTerm(ctx, tx, t)
		return err
	})
	if err != nil {
		return Term{}, fmt.Errorf("create term: %w", err)
	}
	return out, nil
}

func (s *Store) createTerm(ctx context.Context, tx *sql.Tx, t Term) (Term, error) {
	if t.Current {
		if _, err := tx.ExecContext(ctx, "UPDATE term SET is_current = 0"); err != nil {
			return t, err
		}
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO term(number, start_year, end_year, is_current) VALUES (?, ?, ?, ?)",
		t.Number, t.StartYear, t.EndYear, boolInt(t.Current))
	if isUniqueViolation(err) {
		return t, &ValidationError{"届次", fmt.Sprintf("第%d届已存在", t.Number)}
	}
	if err != nil {
		return t, err
	}
	t.ID, _ = res.LastInsertId()
	var prev int64
	err = tx.QueryRowContext(ctx, "SELECT id FROM term WHERE number < ? ORDER BY number DESC LIMIT 1", t.Number).Scan(&prev)
	switch {
	case err == sql.ErrNoRows:
		for _, kind := range CatalogKinds {
			for i, name := range defaultCatalogs[kind] {
				if _, err := tx.ExecContext(ctx, "INSERT INTO catalog(term_id, kind, name, sort) VALUES (?, ?, ?, ?)",
					t.ID, kind, name, i+1); err != nil {
					return t, err
				}
			}
		}
	case err != nil:
		return t, err
	default:
		if _, err := tx.ExecContext(ctx, `INSERT INTO catalog(term_id, kind, name, sort)
			SELECT ?, kind, name, sort FROM catalog WHERE term_id = ?`, t.ID, prev); err != nil {
			return t, err
		}
	}
	return t, s.audit(ctx, tx, "新建", "届", t.ID, t.Label())
}

// UpdateTerm changes a term's number and years.
func (s *Store) UpdateTerm(ctx context.Context, t Term) error {
	if errs := validateTermYears(t); len(errs) > 0 {
		return errs
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := scanTerm(tx.QueryRowContext(ctx, "SELECT "+termColumns+" FROM term WHERE id = ?", t.ID))
		if err != nil {
			return notFound(err)
		}
		res, err := tx.ExecContext(ctx, "UPDATE term SET number = ?, start_year = ?, end_year = ? WHERE id = ?",
			t.Number, t.StartYear, t.EndYear, t.ID)
		if isUniqueViolation(err) {
			return &ValidationError{"届次", fmt.Sprintf("第%d届已存在", t.Number)}
		}
		if err != nil {
			return fmt.Errorf("update term: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.auditChanges(ctx, tx, "修改", "届", t.ID, t.Label(), diffFields(termAuditFields, old, t))
	})
}

// SetCurrentTerm marks one term as the current one.
func (s *Store) SetCurrentTerm(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE term SET is_current = (id = ?)", id); err != nil {
			return fmt.Errorf("set current term: %w", err)
		}
		return s.audit(ctx, tx, "设为当前", "届", id, "")
	})
}
