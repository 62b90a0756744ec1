package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// PurgeMember removes a member from the recycle bin for good: the
// membership, and the person too when they served no other term. Only an
// administrator may purge (or anyone while login is off); a member still
// named on proposals or 履职 records cannot be purged. Audited.
func (s *Store) PurgeMember(ctx context.Context, membershipID int64) error {
	if err := s.requireAdmin(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		var personID int64
		var deleted sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT p.name, p.id, m.deleted_at FROM membership m JOIN person p ON p.id = m.person_id
			WHERE m.id = ?`, membershipID).Scan(&name, &personID, &deleted)
		if err != nil {
			return notFound(err)
		}
		if !deleted.Valid {
			return Invalid("委员", "只能彻底删除回收站中的委员")
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM membership WHERE id = ?", membershipID); err != nil {
			if strings.Contains(err.Error(), "FOREIGN KEY") {
				return Invalid("委员", name+"有提案或履职记录，不能彻底删除（可以留在回收站中）")
			}
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM person WHERE id = ?
			AND NOT EXISTS (SELECT 1 FROM membership WHERE person_id = ?)`, personID, personID); err != nil {
			return err
		}
		return s.audit(ctx, tx, "彻底删除", "委员", membershipID, name)
	})
	if err != nil {
		return fmt.Errorf("purge member %d: %w", membershipID, err)
	}
	return nil
}
