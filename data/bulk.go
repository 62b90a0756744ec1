package data

import (
	"context"
	"database/sql"
	"fmt"
)

// BulkLoad runs fill in one transaction with direct SQL access to the
// database, and records one audit line (批量写入, what). It exists for
// loading large generated data sets — the demo's scale generator
// (data/demo/scale*.go) writes tens of thousands of proposals and hundreds
// of thousands of attendance rows, where one store call and one transaction
// per record would take minutes. Everyday writes go through the store's
// methods, which check every value; BulkLoad checks nothing.
//
// fill must therefore keep the invariants the store methods keep:
//   - proposals: status, assignment, answer, rating and proposal_event rows
//     that agree with each other as Apply would leave them (one "提交" event,
//     then one event per step with its from and to status); proposal_fts is
//     kept by the table's triggers, so inserting into proposal is enough;
//   - proposers and activity members of a term refer to memberships of that
//     term, in seq order from 1;
//   - dates are YYYY-MM-DD, timestamps RFC 3339.
//
// Prepare statements on tx (tx.PrepareContext) and reuse them per row: that
// is what makes a bulk load fast. An error rolls the whole load back.
func (s *Store) BulkLoad(ctx context.Context, what string, fill func(tx *sql.Tx) error) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := fill(tx); err != nil {
			return err
		}
		return s.audit(ctx, tx, "批量写入", what, 0, "")
	})
	if err != nil {
		return fmt.Errorf("bulk load %s: %w", what, err)
	}
	return nil
}
