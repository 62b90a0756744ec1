package data

import "context"

// ExecForTest runs raw SQL; tests only.
func (s *Store) ExecForTest(ctx context.Context, q string) error {
	_, err := s.db.ExecContext(ctx, q)
	return err
}
