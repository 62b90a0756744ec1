package data

import (
	"context"
	"fmt"
	"sync"

	"modernc.org/sqlite"
)

// ExecForTest runs raw SQL; tests only.
func (s *Store) ExecForTest(ctx context.Context, q string) error {
	_, err := s.db.ExecContext(ctx, q)
	return err
}

// OnReadTableForTest calls write once, the first time the store's
// connection compiles a statement that reads table (SQLite's authorizer);
// undo removes the hook. Tests only: it lets a test write from another
// connection between the statements of a store method.
func (s *Store) OnReadTableForTest(ctx context.Context, table string, write func()) (undo func(), err error) {
	var once sync.Once
	set := func(fn sqlite.AuthorizerFn) error {
		conn, err := s.db.Conn(ctx) // the store's one connection
		if err != nil {
			return err
		}
		defer conn.Close()
		return conn.Raw(func(dc any) error {
			ar, ok := dc.(sqlite.AuthorizerRegisterer)
			if !ok {
				return fmt.Errorf("driver connection %T has no authorizer", dc)
			}
			return ar.RegisterAuthorizer(fn)
		})
	}
	err = set(func(action sqlite.AuthorizerActionCode, arg1, _, _, _ string) sqlite.AuthorizerReturnCode {
		if action == sqlite.AuthRead && arg1 == table {
			once.Do(write)
		}
		return sqlite.AuthorizerOK
	})
	return func() { _ = set(nil) }, err
}
