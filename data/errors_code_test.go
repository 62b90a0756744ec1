package data

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The store recognises SQLite's refusals by the driver's result codes:
// a real duplicate key is a unique violation, other constraint failures
// are not, and a file of garbage is corrupt.
func TestSQLiteErrorCodes(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "codes.db")+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		"CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER NOT NULL CHECK (n > 0))",
		"CREATE TABLE pk (code TEXT PRIMARY KEY) WITHOUT ROWID",
		"CREATE TABLE child (parent_id INTEGER REFERENCES parent(id))",
		"INSERT INTO parent VALUES (1, '张明', 1)",
		"INSERT INTO pk VALUES ('A')",
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		q            string
		unique, corr bool
	}{
		{"INSERT INTO parent VALUES (2, '张明', 1)", true, false},  // UNIQUE index
		{"INSERT INTO parent VALUES (1, '李红', 1)", true, false},  // INTEGER PRIMARY KEY
		{"INSERT INTO pk VALUES ('A')", true, false},             // PRIMARY KEY of a table without rowid
		{"INSERT INTO parent VALUES (3, '王强', 0)", false, false}, // CHECK
		{"INSERT INTO parent VALUES (3, '王强', NULL)", false, false},
		{"INSERT INTO child VALUES (99)", false, false}, // FOREIGN KEY
		{"INSERT INTO nosuch VALUES (1)", false, false},
	} {
		_, err := db.ExecContext(ctx, c.q)
		if err == nil {
			t.Fatalf("%s: no error", c.q)
		}
		if isUniqueViolation(err) != c.unique || isCorrupt(err) != c.corr {
			t.Errorf("%s: %v (code %d): unique %v, corrupt %v", c.q, err, sqliteCode(err), isUniqueViolation(err), isCorrupt(err))
		}
	}

	garbage := filepath.Join(t.TempDir(), "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("这不是数据库", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := sql.Open("sqlite", garbage)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	_, err = g.ExecContext(ctx, "SELECT count(*) FROM sqlite_master")
	if err == nil || !isCorrupt(err) || isUniqueViolation(err) {
		t.Errorf("garbage file: %v (code %d): corrupt %v", err, sqliteCode(err), isCorrupt(err))
	}
}
