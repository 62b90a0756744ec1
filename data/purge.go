package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
)

// PurgeActivity removes a 履职 record from the recycle bin for good, with
// its members and adoptions (a 小组讨论 of a purged 全体会议 keeps standing
// on its own). Only an administrator may purge (or anyone while login is
// off). Audited.
func (s *Store) PurgeActivity(ctx context.Context, id int64) error {
	if err := s.requireAdmin(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var kind, title string
		var deleted sql.NullString
		err := tx.QueryRowContext(ctx, "SELECT kind, title, deleted_at FROM activity WHERE id = ?", id).
			Scan(&kind, &title, &deleted)
		if err != nil {
			return fmt.Errorf("purge activity %d: %w", id, notFound(err))
		}
		if !deleted.Valid {
			return Invalid(titleLabel(kind), "只能彻底删除回收站中的记录")
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM activity WHERE id = ?", id); err != nil {
			return fmt.Errorf("purge activity %d: %w", id, err)
		}
		return s.audit(ctx, tx, "彻底删除", activityKindLabel(kind), id, title)
	})
}

// PurgeProposal removes a proposal from the recycle bin for good, with its
// proposers, units, answers, ratings, history and attachment files. A
// 社情民意 made from it stays, no longer linked; a proposal others were
// merged into cannot be purged. Administrators only; audited.
func (s *Store) PurgeProposal(ctx context.Context, id int64) error {
	if err := s.requireAdmin(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var title string
		var deleted sql.NullString
		err := tx.QueryRowContext(ctx, "SELECT title, deleted_at FROM proposal WHERE id = ?", id).Scan(&title, &deleted)
		if err != nil {
			return fmt.Errorf("purge proposal %d: %w", id, notFound(err))
		}
		if !deleted.Valid {
			return Invalid("提案", "只能彻底删除回收站中的提案")
		}
		var merged int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM proposal WHERE merged_into = ?", id).Scan(&merged); err != nil {
			return err
		}
		if merged > 0 {
			return Invalid("提案", fmt.Sprintf("有 %d 件提案并入了这件提案，不能彻底删除（可以留在回收站中）", merged))
		}
		for _, q := range []string{"UPDATE activity SET proposal_id = NULL WHERE proposal_id = ?", "DELETE FROM proposal WHERE id = ?"} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("purge proposal %d: %w", id, err)
			}
		}
		return s.audit(ctx, tx, "彻底删除", "提案", id, title)
	})
	if err != nil {
		return err
	}
	// The files go once the rows are gone; a file left behind is harmless.
	_ = os.RemoveAll(s.AttachmentDir(id))
	return nil
}
