package app

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data"
	"zhengxie/data/backup"
	"zhengxie/data/datatest"
)

func TestDamagedDatabaseOffersTheNewestBackup(t *testing.T) {
	ctx := context.Background()
	s, term := datatest.County(t)
	var m data.Member
	m.Name, m.Gender, m.Sector, m.Party, m.TermID = "张三", "男", "中国共产党", "中共", term.ID
	if err := s.CreateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(ctx, backup.Manual); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	os.Remove(path + "-wal")
	if err := os.WriteFile(path, []byte(strings.Repeat("硬盘坏道", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, openErr := data.Open(ctx, path)
	if openErr == nil {
		t.Fatal("garbage opened")
	}
	r := newRecovery(test.NewTempApp(t), path, openErr, nil)
	if text := shownText(r.win.Content()); !strings.Contains(text, "已损坏") {
		t.Errorf("recovery window says %q", text)
	}
	if r.restore == nil {
		t.Fatal("no restore button although a sound backup exists")
	}
	test.Tap(r.restore)
	confirm := r.win.Canvas().Overlays().Top()
	if text := shownText(confirm); !strings.Contains(text, "委员任职 1 条") {
		t.Fatalf("confirm shows %q", text)
	}
	tapButton(t, confirm, "恢复")
	if r.opened == nil {
		t.Fatalf("no main window after restore: %s", shownText(r.win.Canvas().Overlays().Top()))
	}
	t.Cleanup(func() { r.opened.store.Close() })
	if got := rosterNames(t, r.opened); got != "张三" {
		t.Fatalf("roster after recovery: %q", got)
	}
}

func TestUnopenableDatabaseWithoutBackupsOnlyExplains(t *testing.T) {
	_, err := data.Open(context.Background(), t.TempDir()) // a folder, not a file
	if err == nil {
		t.Skip("a folder opened as a database")
	}
	r := newRecovery(test.NewTempApp(t), t.TempDir(), err, nil)
	if r.restore != nil {
		t.Error("restore offered without a backup")
	}
}
