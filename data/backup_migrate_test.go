package data

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An older database (only the first migration applied) is backed up before
// the program brings it up to date, and the backup is the old database.
func TestOpenBacksUpBeforeMigrating(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	body, err := migrationFS.ReadFile("migrations/001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(string(body) + "; INSERT INTO committee(id, name) VALUES (1, '政协旧县委员会'); PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	entries, err := os.ReadDir(BackupDir(path))
	if err != nil || len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), "-migrate.db") {
		t.Fatalf("backup folder after migration: %v %v", entries, err)
	}
	b, err := InspectBackup(ctx, filepath.Join(BackupDir(path), entries[0].Name()))
	if err != nil || b.SchemaVersion != 1 || b.Committee != "政协旧县委员会" || b.Proposals != 0 {
		t.Fatalf("migrate backup = %+v, %v", b, err)
	}
	// A new database needs no backup, and opening an up-to-date one makes none.
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if entries, _ := os.ReadDir(BackupDir(path)); len(entries) != 1 {
		t.Errorf("reopening an up-to-date database made a backup: %v", entries)
	}
}
