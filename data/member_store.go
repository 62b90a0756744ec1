package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

const memberSelect = `SELECT p.id, p.name, p.gender, p.ethnicity, p.birth, p.native_place, p.id_number,
	p.education, p.degree, p.title, p.phone, p.address,
	m.id, m.term_id, coalesce(cp.name, ''), coalesce(cs.name, ''), coalesce(cc.name, ''), coalesce(cg.name, ''),
	m.work_unit, m.role, m.standing, m.status, m.status_date, m.is_new, m.note, m.deleted_at
FROM membership m
JOIN person p ON p.id = m.person_id
LEFT JOIN catalog cp ON cp.id = m.party_id
LEFT JOIN catalog cs ON cs.id = m.sector_id
LEFT JOIN catalog cc ON cc.id = m.committee_id
LEFT JOIN catalog cg ON cg.id = m.group_id`

// memberOrder sorts a roster the way offices print it: by 界别 list order,
// 常委 first within a 界别, then by role and name.
const memberOrder = ` ORDER BY coalesce(cs.sort, 9999), m.standing DESC,
	CASE m.role WHEN '主席' THEN 1 WHEN '副主席' THEN 2 WHEN '秘书长' THEN 3 WHEN '常委' THEN 4 ELSE 5 END, p.name, m.id`

func scanMember(row interface{ Scan(...any) error }) (Member, error) {
	var x Member
	var deleted sql.NullString
	err := row.Scan(&x.Person.ID, &x.Name, &x.Gender, &x.Ethnicity, &x.Birth, &x.NativePlace, &x.IDNumber,
		&x.Education, &x.Degree, &x.Title, &x.Phone, &x.Address,
		&x.Membership.ID, &x.TermID, &x.Party, &x.Sector, &x.Committee, &x.Group,
		&x.WorkUnit, &x.Role, &x.Standing, &x.Status, &x.StatusDate, &x.IsNew, &x.Note, &deleted)
	if err != nil {
		return x, err
	}
	x.PersonID = x.Person.ID
	if deleted.Valid {
		if t, err := time.Parse(time.RFC3339, deleted.String); err == nil {
			x.DeletedAt = &t
		}
	}
	return x, nil
}

// ListMembers returns the roster rows matching f, ordered by 界别 list order,
// 常委 first, then role and name.
func (s *Store) ListMembers(ctx context.Context, f MemberFilter) ([]Member, error) {
	return listMembers(ctx, s.db, f)
}

func listMembers(ctx context.Context, db querier, f MemberFilter) ([]Member, error) {
	var where []string
	var args []any
	cond := func(c string, v any) { where = append(where, c); args = append(args, v) }
	if f.TermID != 0 {
		cond("m.term_id = ?", f.TermID)
	}
	for _, c := range []struct{ alias, v string }{{"cs", f.Sector}, {"cp", f.Party}, {"cc", f.Committee}, {"cg", f.Group}} {
		if c.v != "" {
			cond(c.alias+".name = ?", c.v)
		}
	}
	if f.Status != "" {
		cond("m.status = ?", f.Status)
	}
	if f.StandingOnly {
		where = append(where, "m.standing = 1")
	}
	if f.ActiveOnly {
		where = append(where, "m.status IN ('在任', '增补')")
	}
	switch {
	case f.DeletedOnly:
		where = append(where, "m.deleted_at IS NOT NULL")
	case !f.IncludeDeleted:
		where = append(where, "m.deleted_at IS NULL")
	}
	q := memberSelect
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := db.QueryContext(ctx, q+memberOrder, args...)
	if err != nil {
		return nil, fmt.Errorf("list members: %w", err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		x, err := scanMember(rows)
		if err != nil {
			return nil, fmt.Errorf("list members: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// GetMember returns one roster row by membership id (deleted rows included).
func (s *Store) GetMember(ctx context.Context, membershipID int64) (Member, error) {
	return getMember(ctx, s.db, membershipID)
}

func getMember(ctx context.Context, q querier, membershipID int64) (Member, error) {
	x, err := scanMember(q.QueryRowContext(ctx, memberSelect+" WHERE m.id = ?", membershipID))
	if err != nil {
		return x, fmt.Errorf("get member %d: %w", membershipID, notFound(err))
	}
	return x, nil
}

// PersonHistory returns every membership of one person, newest term first.
func (s *Store) PersonHistory(ctx context.Context, personID int64) ([]Member, error) {
	rows, err := s.db.QueryContext(ctx, memberSelect+
		" JOIN term t ON t.id = m.term_id WHERE m.person_id = ? ORDER BY t.number DESC", personID)
	if err != nil {
		return nil, fmt.Errorf("person history: %w", err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		x, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// CreateMember adds a member to a term. When a person with the same
// 身份证号 (or, without one, the same 姓名 and 出生年月) already exists from
// another term, the new membership is attached to that person and the
// person's details are updated. The ids are written back into m.
func (s *Store) CreateMember(ctx context.Context, m *Member) error {
	if err := m.check(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		pid, _, err := findPerson(ctx, tx, m.Person)
		if err != nil {
			return err
		}
		m.Person.ID = pid
		if err := s.savePerson(ctx, tx, &m.Person); err != nil {
			return err
		}
		m.PersonID = m.Person.ID
		if err := s.insertMembership(ctx, tx, &m.Membership, false); err != nil {
			return err
		}
		return s.audit(ctx, tx, "新增", "委员", m.Membership.ID, m.Name)
	})
	if err != nil {
		return fmt.Errorf("create member: %w", err)
	}
	return nil
}

// UpdateMember saves a changed roster row: the person's details and this
// term's membership. Other terms' memberships are left as they were.
func (s *Store) UpdateMember(ctx context.Context, m *Member) error {
	if err := m.check(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if m.Person.ID == 0 {
			if err := tx.QueryRowContext(ctx, "SELECT person_id FROM membership WHERE id = ?", m.Membership.ID).
				Scan(&m.Person.ID); err != nil {
				return notFound(err)
			}
		}
		old, err := scanMember(tx.QueryRowContext(ctx, memberSelect+" WHERE m.id = ?", m.Membership.ID))
		if err != nil {
			return notFound(err)
		}
		if err := s.savePerson(ctx, tx, &m.Person); err != nil {
			return err
		}
		m.PersonID = m.Person.ID
		if err := s.updateMembership(ctx, tx, m.Membership); err != nil {
			return err
		}
		return s.auditChanges(ctx, tx, "修改", "委员", m.Membership.ID, m.Name, diffFields(memberAuditFields, old, *m))
	})
	if err != nil {
		return fmt.Errorf("update member: %w", err)
	}
	return nil
}

// DeleteMember moves a roster row to the recycle bin (soft delete).
func (s *Store) DeleteMember(ctx context.Context, membershipID int64) error {
	return s.setDeleted(ctx, membershipID, true)
}

// RestoreMember brings a roster row back from the recycle bin.
func (s *Store) RestoreMember(ctx context.Context, membershipID int64) error {
	return s.setDeleted(ctx, membershipID, false)
}

func (s *Store) setDeleted(ctx context.Context, id int64, deleted bool) error {
	var at any
	action := "恢复"
	if deleted {
		at, action = s.Now().Format(time.RFC3339), "删除"
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		err := tx.QueryRowContext(ctx, "SELECT p.name FROM membership m JOIN person p ON p.id = m.person_id WHERE m.id = ?", id).Scan(&name)
		if err != nil {
			return fmt.Errorf("%s member: %w", action, notFound(err))
		}
		if _, err := tx.ExecContext(ctx, "UPDATE membership SET deleted_at = ? WHERE id = ?", at, id); err != nil {
			return fmt.Errorf("%s member: %w", action, err)
		}
		return s.audit(ctx, tx, action, "委员", id, name)
	})
}

// findPerson looks for an existing person: by 身份证号, else by 姓名 and
// 出生年月 (only when the stored person has no different 身份证号).
func findPerson(ctx context.Context, tx *sql.Tx, p Person) (id int64, matchedBy string, err error) {
	if p.IDNumber != "" {
		err = queryRowTx(ctx, tx, "SELECT id FROM person WHERE id_number = ?", p.IDNumber).Scan(&id)
		if err == nil {
			return id, FieldIDNumber, nil
		}
		if err != sql.ErrNoRows {
			return 0, "", err
		}
	}
	if p.Birth == "" {
		return 0, "", nil
	}
	err = queryRowTx(ctx, tx, `SELECT id FROM person WHERE name = ? AND birth = ? AND (id_number = '' OR ? = '')
		ORDER BY id LIMIT 1`, p.Name, p.Birth, p.IDNumber).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", err
	}
	return id, FieldName + "+" + FieldBirth, nil
}

func (s *Store) savePerson(ctx context.Context, tx *sql.Tx, p *Person) error {
	args := []any{p.Name, p.Gender, p.Ethnicity, p.Birth, p.NativePlace, p.IDNumber,
		p.Education, p.Degree, p.Title, p.Phone, p.Address}
	var err error
	if p.ID == 0 {
		var res sql.Result
		res, err = execTx(ctx, tx, `INSERT INTO person(name, gender, ethnicity, birth, native_place, id_number,
			education, degree, title, phone, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err == nil {
			p.ID, _ = res.LastInsertId()
		}
	} else {
		var res sql.Result
		res, err = tx.ExecContext(ctx, `UPDATE person SET name = ?, gender = ?, ethnicity = ?, birth = ?,
			native_place = ?, id_number = ?, education = ?, degree = ?, title = ?, phone = ?, address = ?
			WHERE id = ?`, append(args, p.ID)...)
		if err == nil {
			if n, _ := res.RowsAffected(); n == 0 {
				return ErrNotFound
			}
		}
	}
	if isUniqueViolation(err) {
		return Invalid(FieldIDNumber, "已被另一位委员使用")
	}
	return err
}

// membershipRefs resolves the catalog names of a membership to ids.
func (s *Store) membershipRefs(ctx context.Context, tx *sql.Tx, ms Membership, create bool) ([]any, error) {
	var refs []any
	for _, r := range []struct{ kind, name string }{
		{KindParty, ms.Party}, {KindSector, ms.Sector}, {KindCommittee, ms.Committee}, {KindGroup, ms.Group},
	} {
		id, err := s.catalogID(ctx, tx, ms.TermID, r.kind, r.name, create)
		if err != nil {
			return nil, err
		}
		refs = append(refs, id)
	}
	return refs, nil
}

func (s *Store) insertMembership(ctx context.Context, tx *sql.Tx, ms *Membership, createRefs bool) error {
	refs, err := s.membershipRefs(ctx, tx, *ms, createRefs)
	if err != nil {
		return err
	}
	args := append([]any{ms.PersonID, ms.TermID}, refs...)
	args = append(args, ms.WorkUnit, ms.Role, ms.Standing, ms.Status, ms.StatusDate, ms.IsNew, ms.Note)
	res, err := execTx(ctx, tx, `INSERT INTO membership(person_id, term_id, party_id, sector_id, committee_id,
		group_id, work_unit, role, standing, status, status_date, is_new, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
	if isUniqueViolation(err) {
		return Invalid(FieldName, "该委员已在本届名册中（可在回收站中恢复已删除的记录）")
	}
	if err != nil {
		return err
	}
	ms.ID, _ = res.LastInsertId()
	return nil
}

func (s *Store) updateMembership(ctx context.Context, tx *sql.Tx, ms Membership) error {
	refs, err := s.membershipRefs(ctx, tx, ms, false)
	if err != nil {
		return err
	}
	args := append(refs, ms.WorkUnit, ms.Role, ms.Standing, ms.Status, ms.StatusDate, ms.IsNew, ms.Note, ms.ID)
	res, err := tx.ExecContext(ctx, `UPDATE membership SET party_id = ?, sector_id = ?, committee_id = ?,
		group_id = ?, work_unit = ?, role = ?, standing = ?, status = ?, status_date = ?, is_new = ?, note = ?
		WHERE id = ?`, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
