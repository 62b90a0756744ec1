package data

import (
	"context"
	"database/sql"
)

// A statement cache lets one long write — an import of thousands of rows —
// prepare each of its queries once instead of once per row. The store's
// helpers take a *sql.Tx; a method that loops over many rows wraps its
// context with withStmtCache, and the helpers on its path run their SQL
// through queryRowTx / execTx, which use the cached statement when the
// context carries one for that transaction and fall back to the plain call
// otherwise. ImportRoster with 3,000 rows: docs/BENCHMARKS.md.

type stmtCacheKey struct{}

type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// catalog ids looked up or created in this transaction
	catalog map[[3]string]int64
}

// withStmtCache returns a context whose statements on tx are prepared once,
// and a function that closes them (call it before the transaction ends).
func withStmtCache(ctx context.Context, tx *sql.Tx) (context.Context, func()) {
	c := &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}, catalog: map[[3]string]int64{}}
	return context.WithValue(ctx, stmtCacheKey{}, c), func() {
		for _, st := range c.stmts {
			st.Close()
		}
	}
}

func cacheFor(ctx context.Context, tx *sql.Tx) *stmtCache {
	if c, ok := ctx.Value(stmtCacheKey{}).(*stmtCache); ok && c.tx == tx {
		return c
	}
	return nil
}

func (c *stmtCache) stmt(ctx context.Context, q string) *sql.Stmt {
	if st := c.stmts[q]; st != nil {
		return st
	}
	st, err := c.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil // the plain call reports the error
	}
	c.stmts[q] = st
	return st
}

func queryRowTx(ctx context.Context, tx *sql.Tx, q string, args ...any) *sql.Row {
	if c := cacheFor(ctx, tx); c != nil {
		if st := c.stmt(ctx, q); st != nil {
			return st.QueryRowContext(ctx, args...)
		}
	}
	return tx.QueryRowContext(ctx, q, args...)
}

func execTx(ctx context.Context, tx *sql.Tx, q string, args ...any) (sql.Result, error) {
	if c := cacheFor(ctx, tx); c != nil {
		if st := c.stmt(ctx, q); st != nil {
			return st.ExecContext(ctx, args...)
		}
	}
	return tx.ExecContext(ctx, q, args...)
}

// catalogID is a catalog item's id looked up earlier in the transaction
// (nil cache: never).
func (c *stmtCache) catalogID(key [3]string) (int64, bool) {
	if c == nil {
		return 0, false
	}
	id, ok := c.catalog[key]
	return id, ok
}

func (c *stmtCache) keepCatalogID(key [3]string, id int64) {
	if c != nil {
		c.catalog[key] = id
	}
}
