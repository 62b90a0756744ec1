package data

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A database from before migration 006 stored "attachments/<id>/<name>"
// (relative to the data folder); opened by this version the path is
// relative to the attachments folder and the file is still found.
func TestMigrationKeepsAttachmentPathsInsideTheAttachmentsFolder(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	names, _ := migrationNames()
	var script []string
	for _, n := range names[:5] {
		body, _ := migrationFS.ReadFile("migrations/" + n)
		script = append(script, string(body))
	}
	script = append(script, `INSERT INTO committee(id, name) VALUES (1, '政协旧县委员会');
		INSERT INTO term(id, number, start_year, end_year) VALUES (1, 11, 2021, 2026);
		INSERT INTO session(id, term_id, number) VALUES (1, 1, 1);
		INSERT INTO proposal(id, session_id, number, title) VALUES (7, 1, 1, '关于噪声的建议');
		INSERT INTO attachment(proposal_id, name, path, added_at) VALUES (7, '答复函.pdf', 'attachments/7/答复函.pdf', '2025-01-01');
		PRAGMA user_version = 5`)
	if _, err := db.Exec(strings.Join(script, ";\n")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	file := filepath.Join(filepath.Dir(path), "attachments", "7", "答复函.pdf")
	os.MkdirAll(filepath.Dir(file), 0o755)
	os.WriteFile(file, []byte("%PDF"), 0o644)

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var stored string
	if err := s.db.QueryRow("SELECT path FROM attachment").Scan(&stored); err != nil || stored != "7/答复函.pdf" {
		t.Fatalf("stored path %q, %v; want 7/答复函.pdf", stored, err)
	}
	files, err := s.ListAttachments(ctx, 7)
	if err != nil || len(files) != 1 || files[0].Path != file {
		t.Fatalf("ListAttachments = %+v, %v; want %s", files, err, file)
	}
	var id int32
	if err := s.db.QueryRow("PRAGMA application_id").Scan(&id); err != nil || id != ApplicationID {
		t.Errorf("application_id %#x after opening an old database, want %#x", id, ApplicationID)
	}
}
