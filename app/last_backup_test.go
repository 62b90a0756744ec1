package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data"
)

// 上次备份 counts a backup to a USB stick, and says so at once.
func TestLastBackupCountsABackupToAFolder(t *testing.T) {
	u := testUI(t, true)
	b := backupTab(t, u)
	if !strings.Contains(b.status.Text, "上次备份：还没有备份") {
		t.Fatalf("status before any backup: %q", b.status.Text)
	}
	b.backupToFolder(t.TempDir(), "")
	today := u.store.Now().Format("2006-01-02")
	if !strings.Contains(b.status.Text, "上次备份："+today) {
		t.Errorf("after a backup to a folder the status says %q", b.status.Text)
	}
	if list, _ := data.ListBackups(u.ctx, data.BackupDir(u.store.Path())); len(list) != 0 {
		t.Errorf("the USB backup also went to the backup folder: %+v", list)
	}
}

// The first start of a new database has nothing to back up; finishing the
// first-run setup takes the start's backup.
func TestFirstRunSetupTakesTheStartBackup(t *testing.T) {
	u := testUI(t, false)
	f := u.setup
	test.Type(f.name, "政协清河县委员会")
	f.number.SetText("十一")
	f.start.SetText("2021")
	test.Tap(f.startBtn)
	if u.setup != nil {
		t.Fatalf("setup refused: %q", f.message.Text)
	}
	if list, _ := data.ListBackups(u.ctx, data.BackupDir(u.store.Path())); len(list) != 1 {
		t.Fatalf("backups after setup: %+v", list)
	}
	if b := backupTab(t, u); strings.Contains(b.status.Text, "还没有备份") {
		t.Errorf("status after setup: %q", b.status.Text)
	}
}
