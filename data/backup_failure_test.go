package data_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/backup"
)

// unusableBackupFolder puts a file where the backup folder belongs, which
// no user (root included) can write a backup into.
func unusableBackupFolder(t *testing.T, s *data.Store) {
	t.Helper()
	dir := data.BackupDir(s.Path())
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(dir) })
}

func TestFailedAutomaticBackupIsKeptUntilABackupSucceeds(t *testing.T) {
	ctx := context.Background()
	s, _ := populated(t)
	s.Now = func() time.Time { return time.Date(2026, 12, 3, 17, 20, 0, 0, time.Local) }
	if _, ok, err := s.BackupFailure(ctx); err != nil || ok {
		t.Fatalf("fresh database reports a failure: %v %v", ok, err)
	}
	unusableBackupFolder(t, s)
	_, err := s.Backup(ctx, backup.Auto)
	if err == nil {
		t.Fatal("backup into a file instead of a folder succeeded")
	}
	if err := s.RecordBackupFailure(ctx, "退出时", err); err != nil {
		t.Fatal(err)
	}
	f, ok, err := s.BackupFailure(ctx)
	if err != nil || !ok {
		t.Fatalf("failure not kept: %v %v", ok, err)
	}
	line := f.Line()
	for _, want := range []string{"自动备份失败（退出时，于 2026-12-03 17:20）：无法写入备份文件夹", data.BackupDir(s.Path())} {
		if !strings.Contains(line, want) {
			t.Errorf("line %q lacks %q", line, want)
		}
	}
	if strings.Contains(line, "not a directory") {
		t.Errorf("line %q shows the system's English message", line)
	}

	os.Remove(data.BackupDir(s.Path()))
	if _, err := s.Backup(ctx, backup.Manual); err != nil {
		t.Fatal(err)
	}
	if f, ok, _ := s.BackupFailure(ctx); ok {
		t.Errorf("a successful backup left the failure %q", f.Line())
	}
}

func TestBackupFailureReasonSaysDiskFullInChinese(t *testing.T) {
	got := data.BackupFailureReason(errorString("back up database: database or disk is full (13) (SQLITE_FULL)"))
	if !strings.Contains(got, "磁盘空间不足") || strings.Contains(got, "SQLITE") {
		t.Errorf("reason %q", got)
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
