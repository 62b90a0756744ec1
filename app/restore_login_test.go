package app

import (
	"errors"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data"
	"zhengxie/data/backup"
	"zhengxie/data/datatest"
)

// After a restore the window takes its users and roles from the restored
// file (issue 16): an administrator who restores a backup from before login
// was switched on is no longer named as the one at work; everyone may work,
// as in that file.
func TestRestoreOfABackupWithoutLoginEndsTheSession(t *testing.T) {
	s, _ := datatest.County(t)
	before, err := s.Backup(t.Context(), backup.Manual) // no users yet: login off
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUser(t.Context(), "王主任", data.RoleAdmin, "admin123"); err != nil {
		t.Fatal(err)
	}
	u := New(test.NewTempApp(t), s)
	u.run = syncRunner
	u.Start()
	logIn(t, u, "王主任", "admin123")
	if u.userName() != "王主任" {
		t.Fatal("not logged in")
	}
	backupTab(t, u).restore(before.Path, before.Name)
	t.Cleanup(func() { u.store.Close() })
	if u.userName() != "" || u.access.login != nil || !u.can(actSettings) {
		t.Errorf("after restoring a file without users: user %q, login dialog %v", u.userName(), u.access.login != nil)
	}
	if _, role := u.store.Actor(); role != data.RoleNone {
		t.Errorf("store role after restore: %q, want none (login off in the restored file)", role)
	}
	if strings.Contains(u.win.Title(), "王主任") {
		t.Errorf("title after restore: %q", u.win.Title())
	}
}

// A window without login that restores a file with users asks for a login
// before anything else, and the store takes no change until then.
func TestRestoreOfABackupWithUsersAsksForLogin(t *testing.T) {
	u := testUI(t, true)
	if _, err := u.store.CreateUser(u.ctx, "王主任", data.RoleAdmin, "admin123"); err != nil {
		t.Fatal(err)
	}
	withUsers, err := u.store.Backup(u.ctx, backup.Manual)
	if err != nil {
		t.Fatal(err)
	}
	backupTab(t, u).restore(withUsers.Path, withUsers.Name)
	t.Cleanup(func() { u.store.Close() })
	if u.access.login == nil {
		t.Fatal("no login dialog after restoring a file with users")
	}
	var pe *data.PermissionError
	if err := u.store.SaveSession(u.ctx, &data.Session{TermID: 1, Number: 9}); !errors.As(err, &pe) {
		t.Fatalf("the store took a change before login: %v", err)
	}
	logIn(t, u, "王主任", "admin123")
	if u.userName() != "王主任" {
		t.Errorf("login after restore failed: %q", u.userName())
	}
}

// The window notices when its database file is replaced underneath it
// (watchFile's check) and says so once.
func TestWindowSaysWhenItsFileWasReplaced(t *testing.T) {
	u := testUI(t, true)
	if u.warnIfReplaced() {
		t.Fatal("a fresh file counted as replaced")
	}
	b, err := u.store.Backup(u.ctx, backup.Manual)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := os.ReadFile(b.Path)
	os.WriteFile(u.store.Path()+".x", body, 0o644)
	if err := os.Rename(u.store.Path()+".x", u.store.Path()); err != nil {
		t.Fatal(err)
	}
	if !u.warnIfReplaced() {
		t.Fatal("the replaced file was not noticed")
	}
	if text := shownText(topOverlay(u)); !strings.Contains(text, "已被其他程序替换") || !strings.Contains(text, "重新打开") {
		t.Errorf("dialog: %q", text)
	}
	topOverlay(u).Hide()
	u.warnIfReplaced()
	if topOverlay(u) != nil && topOverlay(u).Visible() {
		t.Error("said twice")
	}
}

// A second window on a file another window holds says who holds it and
// offers nothing but 关闭.
func TestSecondWindowSaysWhoHoldsTheFile(t *testing.T) {
	s, _ := datatest.County(t)
	path := s.Path()
	lk, err := data.LockDatabase(path, data.LockWindow)
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Release()
	_, err = data.LockDatabase(path, data.LockWindow)
	r := newRecovery(test.NewTempApp(t), path, err, nil)
	text := shownText(r.win.Content())
	if !strings.Contains(text, "数据文件已在另一个窗口中打开") || !strings.Contains(text, "数据库正由另一个窗口使用（用户 ") ||
		!strings.Contains(text, "本窗口不打开该文件") {
		t.Errorf("second window shows %q", text)
	}
	if r.restore != nil {
		t.Error("a restore is offered for a file another window holds")
	}
}
