package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

const activityColumns = `id, term_id, kind, type, title, date, end_date, organizer, place, coalesce(parent_id, 0),
	meeting, adopted, level, issue, issue_date, source, coalesce(proposal_id, 0), counted, note, entered_by,
	created_at, updated_at, coalesce(deleted_at, '')`

func scanActivity(row interface{ Scan(...any) error }) (Activity, error) {
	var a Activity
	err := row.Scan(&a.ID, &a.TermID, &a.Kind, &a.Type, &a.Title, &a.Date, &a.EndDate, &a.Organizer, &a.Place,
		&a.ParentID, &a.Meeting, &a.Adopted, &a.Level, &a.Issue, &a.IssueDate, &a.Source, &a.ProposalID,
		&a.Counted, &a.Note, &a.EnteredBy, &a.CreatedAt, &a.UpdatedAt, &a.DeletedAt)
	return a, err
}

// kindLabel is the Chinese name of an activity kind, for the audit log.
func activityKindLabel(kind string) string {
	switch kind {
	case ActEvent:
		return "履职活动"
	case ActSpeech:
		return "大会发言"
	case ActInfo:
		return "社情民意"
	case ActAward:
		return "表彰"
	case ActRecord:
		return "履职记录"
	}
	return kind
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// CreateActivity validates and inserts a with its members and adoptions in
// one transaction (audit line), setting a.ID.
func (s *Store) CreateActivity(ctx context.Context, a *Activity) error {
	a.Normalize()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.validateActivity(ctx, tx, a); err != nil {
			return err
		}
		return s.createActivity(ctx, tx, a)
	})
}

// validateActivity checks a normalised activity against the county's lists.
func (s *Store) validateActivity(ctx context.Context, tx *sql.Tx, a *Activity) error {
	cfg, err := activityConfig(ctx, tx)
	if err != nil {
		return err
	}
	if errs := a.Validate(cfg); len(errs) > 0 {
		return errs
	}
	return nil
}

// createActivity inserts a validated activity inside tx (used by
// CreateActivity and by the events import).
func (s *Store) createActivity(ctx context.Context, tx *sql.Tx, a *Activity) error {
	now := s.Now().Format(time.RFC3339)
	a.CreatedAt, a.UpdatedAt, a.DeletedAt = now, now, ""
	res, err := tx.ExecContext(ctx, `INSERT INTO activity(term_id, kind, type, title, date, end_date, organizer, place,
		parent_id, meeting, adopted, level, issue, issue_date, source, proposal_id, counted, note, entered_by,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.TermID, a.Kind, a.Type, a.Title, a.Date, a.EndDate, a.Organizer, a.Place, nullID(a.ParentID), a.Meeting,
		boolInt(a.Adopted), a.Level, a.Issue, a.IssueDate, a.Source, nullID(a.ProposalID), boolInt(a.Counted),
		a.Note, a.EnteredBy, now, now)
	if err != nil {
		return fmt.Errorf("insert activity: %w", err)
	}
	a.ID, _ = res.LastInsertId()
	if err := s.saveActivityParts(ctx, tx, a); err != nil {
		return err
	}
	return s.audit(ctx, tx, "新增", activityKindLabel(a.Kind), a.ID, a.Date+" "+a.Title)
}

// saveActivityParts replaces the members and adoptions; roster members get
// their current name and must belong to the activity's term.
func (s *Store) saveActivityParts(ctx context.Context, tx *sql.Tx, a *Activity) error {
	for _, q := range []string{"DELETE FROM activity_member WHERE activity_id = ?", "DELETE FROM adoption WHERE activity_id = ?"} {
		if _, err := tx.ExecContext(ctx, q, a.ID); err != nil {
			return fmt.Errorf("save activity: %w", err)
		}
	}
	member, err := tx.PrepareContext(ctx, `INSERT INTO activity_member(activity_id, seq, membership_id, name, status, role, note)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer member.Close()
	for i := range a.Members {
		m := &a.Members[i]
		if m.MembershipID != 0 {
			var term int64
			err := tx.QueryRowContext(ctx, `SELECT m.term_id, p.name FROM membership m JOIN person p ON p.id = m.person_id
				WHERE m.id = ?`, m.MembershipID).Scan(&term, &m.Name)
			if err != nil {
				return Invalid(membersLabel(a.Kind), fmt.Sprintf("第 %d 位不在名册中", i+1))
			}
			if term != a.TermID {
				return Invalid(membersLabel(a.Kind), fmt.Sprintf("“%s”不是本届委员", m.Name))
			}
		}
		if _, err := member.ExecContext(ctx, a.ID, i+1, nullID(m.MembershipID), m.Name, m.Status, m.Role, m.Note); err != nil {
			return fmt.Errorf("save activity member: %w", err)
		}
	}
	for i, x := range a.Adoptions {
		if _, err := tx.ExecContext(ctx, `INSERT INTO adoption(activity_id, seq, kind, level, mode, leader, date, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.ID, i+1, x.Kind, x.Level, x.Mode, x.Leader, x.Date, x.Note); err != nil {
			return fmt.Errorf("save adoption: %w", err)
		}
	}
	return nil
}

// UpdateActivity replaces a stored activity (members and adoptions too).
func (s *Store) UpdateActivity(ctx context.Context, a *Activity) error {
	a.Normalize()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.validateActivity(ctx, tx, a); err != nil {
			return err
		}
		old, err := scanActivity(tx.QueryRowContext(ctx, "SELECT "+activityColumns+" FROM activity WHERE id = ?", a.ID))
		if err != nil {
			return fmt.Errorf("update activity %d: %w", a.ID, notFound(err))
		}
		if old.DeletedAt != "" {
			return Invalid(titleLabel(a.Kind), "该记录在回收站中，请先恢复")
		}
		if old.Members, err = s.auditAttendees(ctx, tx, a.ID); err != nil {
			return err
		}
		a.CreatedAt, a.DeletedAt = old.CreatedAt, ""
		a.UpdatedAt = s.Now().Format(time.RFC3339)
		_, err = tx.ExecContext(ctx, `UPDATE activity SET term_id = ?, kind = ?, type = ?, title = ?, date = ?,
			end_date = ?, organizer = ?, place = ?, parent_id = ?, meeting = ?, adopted = ?, level = ?, issue = ?,
			issue_date = ?, source = ?, proposal_id = ?, counted = ?, note = ?, entered_by = ?, updated_at = ?
			WHERE id = ?`,
			a.TermID, a.Kind, a.Type, a.Title, a.Date, a.EndDate, a.Organizer, a.Place, nullID(a.ParentID), a.Meeting,
			boolInt(a.Adopted), a.Level, a.Issue, a.IssueDate, a.Source, nullID(a.ProposalID), boolInt(a.Counted),
			a.Note, a.EnteredBy, a.UpdatedAt, a.ID)
		if err != nil {
			return fmt.Errorf("update activity: %w", err)
		}
		if err := s.saveActivityParts(ctx, tx, a); err != nil {
			return err
		}
		return s.auditChanges(ctx, tx, "修改", activityKindLabel(a.Kind), a.ID, a.Date+" "+a.Title,
			diffFields(activityAuditFields, old, *a))
	})
}

// GetActivity reads one activity with members (ordered) and adoptions.
func (s *Store) GetActivity(ctx context.Context, id int64) (Activity, error) {
	return readValue(ctx, s, func(tx querier) (Activity, error) { return getActivity(ctx, tx, id) })
}

func getActivity(ctx context.Context, q querier, id int64) (Activity, error) {
	a, err := scanActivity(q.QueryRowContext(ctx, "SELECT "+activityColumns+" FROM activity WHERE id = ?", id))
	if err != nil {
		return a, fmt.Errorf("get activity %d: %w", id, notFound(err))
	}
	rows, err := q.QueryContext(ctx, `SELECT coalesce(membership_id, 0), name, status, role, note
		FROM activity_member WHERE activity_id = ? ORDER BY seq`, id)
	if err != nil {
		return a, fmt.Errorf("get activity members: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m Attendee
		if err := rows.Scan(&m.MembershipID, &m.Name, &m.Status, &m.Role, &m.Note); err != nil {
			return a, err
		}
		a.Members = append(a.Members, m)
	}
	if err := rows.Err(); err != nil {
		return a, err
	}
	ads, err := q.QueryContext(ctx, `SELECT kind, level, mode, leader, date, note FROM adoption
		WHERE activity_id = ? ORDER BY seq`, id)
	if err != nil {
		return a, fmt.Errorf("get adoptions: %w", err)
	}
	defer ads.Close()
	for ads.Next() {
		var x Adoption
		if err := ads.Scan(&x.Kind, &x.Level, &x.Mode, &x.Leader, &x.Date, &x.Note); err != nil {
			return a, err
		}
		a.Adoptions = append(a.Adoptions, x)
	}
	return a, ads.Err()
}

// DeleteActivity moves an activity to the recycle bin; RestoreActivity brings it back.
func (s *Store) DeleteActivity(ctx context.Context, id int64) error {
	return s.setActivityDeleted(ctx, id, true)
}

// RestoreActivity takes an activity out of the recycle bin.
func (s *Store) RestoreActivity(ctx context.Context, id int64) error {
	return s.setActivityDeleted(ctx, id, false)
}

func (s *Store) setActivityDeleted(ctx context.Context, id int64, deleted bool) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var at any
		action := "恢复"
		if deleted {
			at, action = s.Now().Format(time.RFC3339), "删除"
		}
		var kind, title string
		if err := tx.QueryRowContext(ctx, "SELECT kind, title FROM activity WHERE id = ?", id).Scan(&kind, &title); err != nil {
			return fmt.Errorf("%s activity %d: %w", action, id, notFound(err))
		}
		if _, err := tx.ExecContext(ctx, "UPDATE activity SET deleted_at = ? WHERE id = ?", at, id); err != nil {
			return fmt.Errorf("%s activity: %w", action, err)
		}
		return s.audit(ctx, tx, action, activityKindLabel(kind), id, title)
	})
}
