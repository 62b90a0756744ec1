//go:build unix

package data_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"zhengxie/data"
)

// After a run on a read-only database file, SQLite leaves -wal and -shm
// files with the read-only mode of the database. Made writable again, the
// database must take writes: Open gives the side files the database's mode.
// Root ignores file modes, so as root the test runs itself as nobody.
func TestWritableAgainAfterARunOnAReadOnlyFile(t *testing.T) {
	dir := os.Getenv("ZX_RO_DIR")
	if dir == "" && os.Geteuid() == 0 {
		runAsNobody(t)
		return
	}
	if dir == "" {
		dir = t.TempDir()
	}
	ctx := context.Background()
	path := filepath.Join(dir, "t.db")
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if s, err := data.Open(ctx, path); err == nil { // reading a read-only file is fine
		s.IsSetUp(ctx)
		s.Close()
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = data.Open(ctx, path)
	if err != nil {
		t.Fatalf("open after the file was made writable again: %v", err)
	}
	defer s.Close()
	if _, err := s.SetUp(ctx, data.Setup{Committee: data.Committee{Name: "政协清河县委员会"},
		Term: data.Term{Number: 11, StartYear: 2021, EndYear: 2026}}); err != nil {
		t.Fatalf("write after the file was made writable again: %v", err)
	}
}

// runAsNobody runs TestWritableAgainAfterARunOnAReadOnlyFile in a copy of
// the test binary as the user nobody, in a folder nobody may write.
func runAsNobody(t *testing.T) {
	dir, err := os.MkdirTemp("", "zx-ro-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "data.test")
	body, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, body, 0o755); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o777); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{dir, work} {
		os.Chmod(d, 0o777)
	}
	cmd := exec.Command(bin, "-test.run=^TestWritableAgainAfterARunOnAReadOnlyFile$", "-test.v")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "ZX_RO_DIR="+work, "HOME="+work)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS") {
		t.Fatalf("as nobody the test did not run:\n%s", out)
	}
}
