package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/backup"
)

// Hostile backups and attachment rows (issue 16): each crafted file is
// refused by InspectBackup and by Restore before anything is replaced, and
// the database file stays the same byte for byte. docs/data-safety.md lists
// them.

// craft copies the backup src to a new file and runs the statements on it
// with a plain SQLite connection, as someone with an SQLite tool would.
func craft(t *testing.T, src string, stmts ...string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "crafted.db")
	body, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, body, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dst)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := db.Exec("PRAGMA journal_mode = DELETE"); err != nil { // everything in the one file
		t.Fatal(err)
	}
	return dst
}

// attachmentFixture is a county with one proposal with one attachment, its
// backup, and a file outside the data folder that a crafted row aims at.
type attachmentFixture struct {
	*proposalFixture
	proposal data.Proposal
	backup   string
	victim   string
}

func newAttachmentFixture(t *testing.T) *attachmentFixture {
	f := &attachmentFixture{proposalFixture: newProposalFixture(t)}
	f.proposal = f.add("关于整治城区噪声的建议", 0)
	src := filepath.Join(t.TempDir(), "答复函.txt")
	if err := os.WriteFile(src, []byte("答复"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddAttachment(f.ctx, f.proposal.ID, src); err != nil {
		t.Fatal(err)
	}
	b, err := f.s.Backup(f.ctx, backup.Manual)
	if err != nil {
		t.Fatal(err)
	}
	f.backup = b.Path
	// The data folder is a temp folder; the victim sits beside it.
	f.victim = filepath.Join(filepath.Dir(filepath.Dir(f.s.Path())), "victim.txt")
	if err := os.WriteFile(f.victim, []byte("不属于本程序的文件"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(f.victim) })
	return f
}

// refusedRestore restores from and requires the refusal want, with the
// database file the same byte for byte and no backup made for it.
func refusedRestore(t *testing.T, s *data.Store, from string, want error) string {
	t.Helper()
	ctx := context.Background()
	if _, err := data.InspectBackup(ctx, from); !errors.Is(err, want) {
		t.Fatalf("InspectBackup: %v, want %v", err, want)
	}
	path := s.Path()
	s.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	backups, _ := os.ReadDir(data.BackupDir(path))
	_, _, err = data.Restore(ctx, from, path, data.RestoreOptions{})
	if !errors.Is(err, want) {
		t.Fatalf("Restore: %v, want %v", err, want)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the database file changed although the restore was refused")
	}
	if now, _ := os.ReadDir(data.BackupDir(path)); len(now) != len(backups) {
		t.Errorf("a refused restore made a backup: %d files, was %d", len(now), len(backups))
	}
	return data.UserMessage(err)
}

func TestHostileBackupWithAttachmentPathOutsideIsRefused(t *testing.T) {
	for _, path := range []string{"../victim.txt", "../../victim.txt", "1/../../../victim.txt", "/etc/passwd", "C:/Windows/win.ini", "1/..", ""} {
		t.Run(path, func(t *testing.T) {
			f := newAttachmentFixture(t)
			crafted := craft(t, f.backup, "UPDATE attachment SET path = '"+path+"'")
			msg := refusedRestore(t, f.s, crafted, data.ErrAttachmentPath)
			if !strings.Contains(msg, "附件") || !strings.Contains(msg, "不能恢复") {
				t.Errorf("message %q", msg)
			}
		})
	}
}

// A row that names a file outside the attachments folder (however it got
// into the database) is neither opened nor deleted, and check reports it.
func TestAttachmentPathOutsideIsNeverTouched(t *testing.T) {
	f := newAttachmentFixture(t)
	if err := f.s.ExecForTest(f.ctx, "UPDATE attachment SET path = '../../victim.txt'"); err != nil {
		t.Fatal(err)
	}
	files, err := f.s.ListAttachments(f.ctx, f.proposal.ID)
	if err != nil || len(files) != 1 {
		t.Fatalf("ListAttachments = %v, %v", files, err)
	}
	if files[0].Path != "" {
		t.Errorf("listed path %q, want none for a path leaving the attachments folder", files[0].Path)
	}
	r, err := f.s.Check(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.BadAttachments != 1 || r.OK() || !strings.Contains(strings.Join(r.Problems, "\n"), "../../victim.txt") {
		t.Errorf("check = %+v", r)
	}
	if err := f.s.RemoveAttachment(f.ctx, files[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(f.victim); err != nil {
		t.Fatalf("removing the attachment deleted a file outside the data folder: %v", err)
	}
	if r, _ := f.s.Check(f.ctx); !r.OK() {
		t.Errorf("check after the row is gone: %v", r.Problems)
	}
}

// A sound attachment is stored relative to the attachments folder, opens
// and is removed as before.
func TestAttachmentStoredInsideTheAttachmentsFolder(t *testing.T) {
	f := newAttachmentFixture(t)
	files, err := f.s.ListAttachments(f.ctx, f.proposal.ID)
	if err != nil || len(files) != 1 {
		t.Fatalf("ListAttachments = %v, %v", files, err)
	}
	want := filepath.Join(f.s.AttachmentDir(f.proposal.ID), "答复函.txt")
	if files[0].Path != want {
		t.Fatalf("path %q, want %q", files[0].Path, want)
	}
	if err := f.s.RemoveAttachment(f.ctx, files[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(want); !os.IsNotExist(err) {
		t.Errorf("the stored copy is still there: %v", err)
	}
}

func TestHostileBackupOfAnotherProgramIsRefused(t *testing.T) {
	f := newAttachmentFixture(t)
	other := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES ('hello')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	msg := refusedRestore(t, f.s, other, data.ErrNotDatabase)
	if !strings.Contains(msg, "其他程序") {
		t.Errorf("message %q", msg)
	}
}

// Our tables, but another program's mark in the header.
func TestHostileBackupWithAnotherApplicationIDIsRefused(t *testing.T) {
	f := newAttachmentFixture(t)
	refusedRestore(t, f.s, craft(t, f.backup, "PRAGMA application_id = 1234"), data.ErrNotDatabase)
}

func TestHostileBackupWithATableDroppedIsRefused(t *testing.T) {
	f := newAttachmentFixture(t)
	msg := refusedRestore(t, f.s, craft(t, f.backup, "DROP TABLE adjustment"), data.ErrSchemaMismatch)
	if !strings.Contains(msg, "缺少表 adjustment") {
		t.Errorf("message %q", msg)
	}
}

func TestHostileBackupWithAColumnDroppedIsRefused(t *testing.T) {
	f := newAttachmentFixture(t)
	refusedRestore(t, f.s, craft(t, f.backup, "ALTER TABLE audit DROP COLUMN changes"), data.ErrSchemaMismatch)
}

// user_version lowered below the structure the file has: restoring it
// would run migrations over tables that exist and leave a file that no
// longer opens.
func TestHostileBackupWithLoweredVersionIsRefused(t *testing.T) {
	f := newAttachmentFixture(t)
	msg := refusedRestore(t, f.s, craft(t, f.backup, "PRAGMA user_version = 3"), data.ErrSchemaMismatch)
	if !strings.Contains(msg, "第 3 版") || !strings.Contains(msg, "多出") {
		t.Errorf("message %q", msg)
	}
}

// A backup with no version at all (user_version 0) is not one of ours.
func TestHostileBackupWithVersionZeroIsRefused(t *testing.T) {
	f := newAttachmentFixture(t)
	refusedRestore(t, f.s, craft(t, f.backup, "PRAGMA user_version = 0"), data.ErrNotDatabase)
}

// A sound backup still restores, and both it and the restored database
// carry our mark.
func TestSoundBackupRestoresAndIsMarked(t *testing.T) {
	f := newAttachmentFixture(t)
	path := f.s.Path()
	f.s.Close()
	s, res, err := data.Restore(f.ctx, f.backup, path, data.RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !res.Check.OK() {
		t.Errorf("check after restore: %v", res.Check.Problems)
	}
	for _, p := range []string{f.backup, path} {
		if id := applicationID(t, p); id != data.ApplicationID {
			t.Errorf("%s: application_id %#x, want %#x", filepath.Base(p), id, data.ApplicationID)
		}
	}
}

func applicationID(t *testing.T, path string) int32 {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var id int32
	if err := db.QueryRow("PRAGMA application_id").Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// Opening another program's database as the data file changes nothing in
// it: it is refused instead of being migrated into.
func TestOpenRefusesAnotherProgramsDatabase(t *testing.T) {
	for name, stmt := range map[string]string{
		"tables without version": "CREATE TABLE notes(id INTEGER PRIMARY KEY)",
		"other application_id":   "PRAGMA application_id = 1234",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(stmt); err != nil {
				t.Fatal(err)
			}
			db.Close()
			before, _ := os.ReadFile(path)
			s, err := data.Open(context.Background(), path)
			if err == nil {
				s.Close()
				t.Fatal("opened another program's database")
			}
			if !errors.Is(err, data.ErrNotDatabase) || !strings.Contains(data.UserMessage(err), "其他程序") {
				t.Errorf("error %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the file changed")
			}
		})
	}
}

// check compares the structure too: a table dropped from the working
// database is reported, not passed.
func TestCheckReportsATableDropped(t *testing.T) {
	f := newAttachmentFixture(t)
	if r, err := f.s.Check(f.ctx); err != nil || !r.OK() {
		t.Fatalf("check of a sound database: %+v, %v", r, err)
	}
	if err := f.s.ExecForTest(f.ctx, "DROP TABLE adjustment"); err != nil {
		t.Fatal(err)
	}
	r, err := f.s.Check(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || !r.SchemaDiffers || !strings.Contains(strings.Join(r.Problems, "\n"), "缺少表 adjustment") {
		t.Errorf("check = %+v", r)
	}
}
