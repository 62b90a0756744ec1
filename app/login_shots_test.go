package app

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestLoginScreenshots renders the login dialog, the 用户与权限 tab, the
// 只读 member screen and the export dialog for a look at them:
// ZX_SHOTS=/tmp/shots go test ./app -run LoginScreenshots
func TestLoginScreenshots(t *testing.T) {
	dir := os.Getenv("ZX_SHOTS")
	if dir == "" {
		t.Skip("set ZX_SHOTS to a folder to write screenshots")
	}
	save := func(u *UI, name string) {
		u.win.Resize(fyne.NewSize(1280, 800))
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	u := loginUI(t)
	for range 5 {
		logIn(t, u, "李干事", "guess")
	}
	save(u, "login_locked.png")
	logIn(t, u, "张主席", "viewer123")
	u.nav.Select(u.screenIndex(u.members))
	u.members.table.selectRow(0)
	save(u, "members_viewer.png")
	u.members.onExport()
	save(u, "export_viewer.png")

	a := loginUI(t)
	logIn(t, a, "王主任", "admin123")
	a.nav.Select(a.screenIndex(a.settings))
	a.settings.users.table.selectRow(1)
	tab := a.app.NewWindow("用户与权限")
	a.settings.users.view().Show() // the tab is not the selected one
	tab.SetContent(a.settings.users.view())
	tab.Resize(fyne.NewSize(1000, 400))
	if f, err := os.Create(filepath.Join(dir, "users_tab.png")); err == nil {
		png.Encode(f, tab.Canvas().Capture())
		f.Close()
	}

	f := testUI(t, true)
	f.nav.Select(f.screenIndex(f.settings))
	test.Tap(f.settings.users.addBtn)
	save(f, "first_admin.png")
}
