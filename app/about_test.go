package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zhengxie/assets"
	"zhengxie/data/backup"
	"zhengxie/data/datadir"
)

// shownText joins the text of every label and rich text drawn under o,
// including inside forms, lists and scroll containers.
func shownText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		switch w := x.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
	}
	return b.String()
}

func TestAboutShowsVersionDataFolderSizeAndLastBackup(t *testing.T) {
	u := testUI(t, true)
	dir := filepath.Dir(u.store.Path())
	when := time.Now().Add(-3 * time.Hour).Truncate(time.Second)
	if err := os.MkdirAll(filepath.Join(dir, "backups"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{backup.FileName(when, backup.Auto), backup.FileName(when.Add(-48*time.Hour), backup.Manual), "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, "backups", name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u.showAbout()
	text := shownText(u.win.Canvas().Overlays().Top())
	for _, want := range []string{assets.Version, u.store.Path(), when.Format("2006-01-02 15:04"), "3 小时前",
		"Droid Sans Fallback", "fyne.io/fyne/v2"} {
		if !strings.Contains(text, want) {
			t.Errorf("关于 does not show %q:\n%s", want, text)
		}
	}
	if !regexp.MustCompile(`\d+\.\d KB|\d+\.\d MB`).MatchString(text) {
		t.Errorf("关于 shows no database size:\n%s", text)
	}
}

func TestAboutWithoutBackupsAndInPortableMode(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "zhengxie.db")
	if err := os.MkdirAll(filepath.Dir(db), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, make([]byte, 3*1024*1024), 0o644); err != nil {
		t.Fatal(err)
	}
	a := gatherAbout(db, datadir.Location{Dir: filepath.Join(dir, "data"), Portable: true}, time.Time{})
	rows := map[string]string{}
	for _, r := range a.rows(time.Now()) {
		rows[r[0]] = r[1]
	}
	if rows["最近备份"] != "尚无备份" {
		t.Errorf("last backup %q", rows["最近备份"])
	}
	if rows["数据库大小"] != "3.0 MB" {
		t.Errorf("size %q", rows["数据库大小"])
	}
	if !strings.Contains(rows["数据文件夹"], "便携模式") {
		t.Errorf("portable mode not said: %q", rows["数据文件夹"])
	}
	// --db elsewhere: not the portable folder, so not portable.
	a = gatherAbout(filepath.Join(dir, "other.db"), datadir.Location{Dir: filepath.Join(dir, "data"), Portable: true}, time.Time{})
	if a.portable {
		t.Error("a database outside the portable folder is called portable")
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 字节", 1023: "1023 字节", 1536: "1.5 KB", 5 << 20: "5.0 MB", 3 << 30: "3.00 GB"} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// Every library the program is built from (go.mod's direct requirements)
// must be named with its licence in 关于.
func TestAboutNamesTheLicenceOfEveryDirectDependency(t *testing.T) {
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	for _, l := range licences {
		named[l.name] = true
	}
	for _, line := range strings.Split(string(mod), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) < 2 || strings.Contains(line, "// indirect") || !strings.Contains(f[0], ".") {
			continue
		}
		if !named[f[0]] {
			t.Errorf("go.mod requires %s, but 关于 does not name it and its licence", f[0])
		}
	}
}

// Ctrl+Q closes the window like its close button, keeping the window size
// (the desktop smoke test closes the real program this way).
func TestCtrlQSavesWindowStateAndCloses(t *testing.T) {
	u := testUI(t, true)
	u.win.Resize(fyne.NewSize(1000, 700))
	u.shortcuts()[fyne.KeyQ]()
	if w := u.app.Preferences().Float(prefWidth); w < 900 {
		t.Errorf("window width kept as %v", w)
	}
}
