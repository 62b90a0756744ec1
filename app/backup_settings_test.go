package app

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/backup"
)

// backupTab opens 设置 → 备份与恢复.
func backupTab(t *testing.T, u *UI) *backupSettings {
	t.Helper()
	u.nav.Select(u.screenIndex(u.settings))
	for _, o := range test.LaidOutObjects(u.settings.obj) {
		if tabs, ok := o.(*container.AppTabs); ok {
			for i, it := range tabs.Items {
				if it.Text == "备份与恢复" {
					tabs.SelectIndex(i)
				}
			}
		}
	}
	u.settings.backup.reload(u.ctx)
	return u.settings.backup
}

// tapButton taps the button with the given text under o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		if b, ok := x.(*widget.Button); ok && b.Text == text && !b.Disabled() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in:\n%s", text, shownText(o))
}

func topOverlay(u *UI) fyne.CanvasObject { return u.win.Canvas().Overlays().Top() }

func rosterNames(t *testing.T, u *UI) string {
	t.Helper()
	ms, err := u.store.ListMembers(u.ctx, data.MemberFilter{TermID: u.term.ID})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range ms {
		names = append(names, m.Name)
	}
	return strings.Join(names, "、")
}

func TestBackupNowThenRestoreFromTheList(t *testing.T) {
	u := testUI(t, true)
	addMember(t, u, "张三", "男", "中国共产党", "中共")
	b := backupTab(t, u)
	if !strings.Contains(b.status.Text, "还没有备份") {
		t.Errorf("status before any backup: %q", b.status.Text)
	}
	tapButton(t, b.obj, "立即备份")
	if text := shownText(topOverlay(u)); !strings.Contains(text, "委员任职 1 条") {
		t.Fatalf("backup done dialog: %q", text)
	}
	topOverlay(u).Hide()
	if len(b.backups) != 1 || !strings.Contains(shownText(b.list), "手动备份") || strings.Contains(b.status.Text, "还没有备份") {
		t.Fatalf("after backup: %d backups, list %q, status %q", len(b.backups), shownText(b.list), b.status.Text)
	}

	addMember(t, u, "李四", "男", "中国共产党", "中共")
	u.members.reload(u.ctx)
	tapButton(t, b.list, "恢复…")
	confirm := shownText(topOverlay(u))
	if !strings.Contains(confirm, "委员任职 1 条") || !strings.Contains(confirm, "政协清河县委员会") {
		t.Fatalf("confirm shows %q", confirm)
	}
	old := u.store
	tapButton(t, topOverlay(u), "恢复")
	t.Cleanup(func() { u.store.Close() })
	if u.store == old {
		t.Fatal("the window still uses the closed store")
	}
	if got := rosterNames(t, u); got != "张三" {
		t.Fatalf("roster after restore: %s", got)
	}
	if text := shownText(topOverlay(u)); !strings.Contains(text, "检查通过") || !strings.Contains(text, "-restore.db") {
		t.Fatalf("restore done dialog: %q", text)
	}
	if len(b.backups) != 2 {
		t.Errorf("list after restore has %d backups, want the manual one and the one before the restore", len(b.backups))
	}
}

func TestBackupToFolderEncryptedAndWrongPassphraseRestoresNothing(t *testing.T) {
	u := testUI(t, true)
	addMember(t, u, "张三", "男", "中国共产党", "中共")
	b := backupTab(t, u)
	usb := t.TempDir()
	b.chooseFolder = func(cb func(string)) { cb(usb) }
	tapButton(t, b.obj, "备份到U盘…")
	form := topOverlay(u)
	var entries []*widget.Entry
	for _, o := range test.LaidOutObjects(form) {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			entries = append(entries, e)
		}
	}
	if len(entries) != 2 {
		t.Fatalf("passphrase form has %d password entries", len(entries))
	}
	test.Type(entries[0], "清河县政协2026")
	test.Type(entries[1], "清河县政协2025")
	tapButton(t, form, "确定")
	if text := shownText(form); !strings.Contains(text, "不一致") {
		t.Fatalf("mismatch not shown: %q", text)
	}
	entries[1].SetText("清河县政协2026")
	tapButton(t, form, "确定")
	files, _ := filepath.Glob(filepath.Join(usb, "*.db.age"))
	if len(files) != 1 {
		t.Fatalf("USB folder holds %v", files)
	}
	topOverlay(u).Hide()

	addMember(t, u, "李四", "男", "中国共产党", "中共")
	u.openFile = func(_ string, _ []string, cb func(string)) { cb(files[0]) }
	tapButton(t, b.obj, "从文件恢复…")
	form = topOverlay(u)
	for _, o := range test.LaidOutObjects(form) {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			test.Type(e, "错误的密码")
		}
	}
	tapButton(t, form, "确定")
	if text := shownText(form); !strings.Contains(text, "密码不正确") {
		t.Fatalf("wrong passphrase: %q", text)
	}
	if got := rosterNames(t, u); !strings.Contains(got, "李四") {
		t.Fatalf("a wrong passphrase changed the roster: %s", got)
	}
	topOverlay(u).Hide()

	// The right passphrase: the contents, then the restore.
	tapButton(t, b.obj, "从文件恢复…")
	form = topOverlay(u)
	for _, o := range test.LaidOutObjects(form) {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			test.Type(e, "清河县政协2026")
		}
	}
	tapButton(t, form, "确定")
	if text := shownText(topOverlay(u)); !strings.Contains(text, "委员任职 1 条") {
		t.Fatalf("confirm after decryption: %q", text)
	}
	tapButton(t, topOverlay(u), "恢复")
	t.Cleanup(func() { u.store.Close() })
	if got := rosterNames(t, u); got != "张三" {
		t.Fatalf("roster after restoring the encrypted backup: %s", got)
	}
	if audit, _ := u.store.ListAudit(u.ctx, 1); len(audit) != 1 || !strings.Contains(audit[0].Detail, filepath.Base(files[0])) {
		t.Errorf("audit of the restore: %+v", audit)
	}
	if left, _ := filepath.Glob(filepath.Join(data.BackupDir(u.store.Path()), ".unsealed-*")); len(left) > 0 {
		t.Errorf("decrypted copy left behind: %v", left)
	}
}

func TestBackupPolicySaved(t *testing.T) {
	u := testUI(t, true)
	b := backupTab(t, u)
	if b.daily.Text != "7" || b.monthly.Text != "12" {
		t.Fatalf("defaults shown: %s %s", b.daily.Text, b.monthly.Text)
	}
	b.daily.SetText("14")
	tapButton(t, b.obj, "保存保留规则")
	if p, _ := u.store.BackupPolicy(u.ctx); p != (backup.Policy{Daily: 14, Weekly: 4, Monthly: 12, Manual: 10}) {
		t.Fatalf("policy = %+v (%s)", p, b.policyMsg.Text)
	}
	b.weekly.SetText("四")
	tapButton(t, b.obj, "保存保留规则")
	if !strings.Contains(b.policyMsg.Text, "数字") {
		t.Errorf("bad number: %q", b.policyMsg.Text)
	}
}

// TestBackupScreenshot: ZX_SHOTS=/tmp/shots go test ./app -run BackupScreenshot
func TestBackupScreenshot(t *testing.T) {
	dir := os.Getenv("ZX_SHOTS")
	if dir == "" {
		t.Skip("set ZX_SHOTS to a folder to write screenshots")
	}
	u := testUI(t, true)
	addMember(t, u, "张三", "男", "中国共产党", "中共")
	for _, k := range []backup.Kind{backup.Auto, backup.Manual} {
		if _, err := u.store.Backup(u.ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	b := backupTab(t, u)
	u.win.Resize(fyne.NewSize(1280, 800))
	f, err := os.Create(filepath.Join(dir, "backup_settings.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	png.Encode(f, u.win.Canvas().Capture())
	tapButton(t, b.list, "恢复…")
	g, _ := os.Create(filepath.Join(dir, "backup_confirm.png"))
	defer g.Close()
	png.Encode(g, u.win.Canvas().Capture())
}

func TestAutomaticBackupAtStartOncePerDayAndAtExit(t *testing.T) {
	u := testUI(t, true)
	dir := data.BackupDir(u.store.Path())
	u.backupAtStart()
	u.backupAtStart() // the same day: no second one
	list, _ := data.ListBackups(u.ctx, dir)
	if len(list) != 1 || list[0].Kind != backup.Auto {
		t.Fatalf("after two starts: %+v", list)
	}
	start := list[0]
	u.backupAtExit()
	if _, err := u.store.IsSetUp(u.ctx); err == nil {
		t.Error("store still open after exit")
	}
	// The exit backup is newer, and rotation kept only it of that day.
	list, _ = data.ListBackups(u.ctx, dir)
	if len(list) != 1 || list[0].Kind != backup.Auto || !list[0].Time.After(start.Time) {
		t.Fatalf("after exit: %+v (start backup %v)", list, start.Time)
	}
}

func TestNoAutomaticBackupBeforeSetup(t *testing.T) {
	u := testUI(t, false)
	u.backupAtStart()
	if list, _ := data.ListBackups(u.ctx, data.BackupDir(u.store.Path())); len(list) != 0 {
		t.Fatalf("backup of an empty database: %+v", list)
	}
}
