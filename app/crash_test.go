package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zhengxie/assets"
	"zhengxie/data"
	"zhengxie/data/backup"
	"zhengxie/data/datatest"
)

// crashLogs lists the crash logs beside the database at path.
func crashLogs(t *testing.T, path string) []string {
	t.Helper()
	logs, err := filepath.Glob(filepath.Join(crashLogsDir(path), "crash-*.log"))
	if err != nil {
		t.Fatal(err)
	}
	return logs
}

func autoBackups(t *testing.T, path string) []data.BackupInfo {
	t.Helper()
	list, err := data.ListBackups(context.Background(), data.BackupDir(path))
	if err != nil {
		t.Fatal(err)
	}
	var auto []data.BackupInfo
	for _, b := range list {
		if b.Kind == backup.Auto {
			if b.Problem != "" {
				t.Errorf("backup %s: %s", b.Name, b.Problem)
			}
			auto = append(auto, b)
		}
	}
	return auto
}

// reopen opens the database again as the next start does, in a new app.
func reopen(t *testing.T, path string) *UI {
	t.Helper()
	s, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	u := New(test.NewTempApp(t), s)
	u.win.Resize(fyne.NewSize(1280, 800))
	return u
}

// A panic that ends the window leaves a crash log with the panic value,
// stack, version and time, the automatic exit backup, and a note; the
// next start says so once, naming the log.
func TestCrashLeavesLogBackupAndNextStartSaysSoOnce(t *testing.T) {
	s, term := datatest.County(t)
	path := s.Path()
	m := data.Member{Person: data.Person{Name: "张明", Gender: "男", Birth: "1970-01"},
		Membership: data.Membership{TermID: term.ID, Party: "中共", Sector: "经济界"}}
	if err := s.CreateMember(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
	c := catchPanic(func() { panic("测试：委员列表出错") })
	if c == nil {
		t.Fatal("no panic caught")
	}
	if code := afterCrash(c, path, nil, s); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}

	logs := crashLogs(t, path)
	if len(logs) != 1 || !strings.HasPrefix(filepath.Base(logs[0]), "crash-"+c.time.Format("20060102-150405")) {
		t.Fatalf("crash logs %v", logs)
	}
	b, err := os.ReadFile(logs[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"错误：测试：委员列表出错", "版本：" + assets.VersionText(), "时间：" + c.time.Format("2006-01-02 15:04:05"),
		"数据文件：" + path, "调用栈：", "TestCrashLeavesLogBackupAndNextStartSaysSoOnce"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("log lacks %q:\n%s", want, b)
		}
	}
	auto := autoBackups(t, path)
	if len(auto) != 1 || auto[0].Members != 1 {
		t.Fatalf("exit backup: %+v", auto)
	}

	u := reopen(t, path)
	text := shownText(topOverlay(u))
	for _, want := range []string{"上次程序意外退出", "已自动备份数据", "错误记录保存在", logs[0]} {
		if !strings.Contains(text, want) {
			t.Errorf("next start shows %q, lacking %q", text, want)
		}
	}
	if again := reopen(t, path); again.win.Canvas().Overlays().Top() != nil {
		t.Errorf("shown a second time: %q", shownText(topOverlay(again)))
	}
}

// Run itself recovers: a panic before the window runs (ZX_TEST_PANIC=start)
// ends Run with exit code 1, the log, the backup and the note, not a crash
// of this test binary.
func TestRunRecoversAPanic(t *testing.T) {
	s, _ := datatest.County(t)
	path := s.Path()
	today, err := s.Backup(context.Background(), backup.Auto) // so that the start backup is not due
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	t.Setenv(testPanicEnv, "start")
	if code := Run(test.NewTempApp(t), path); code != 1 {
		t.Fatalf("exit code %d", code)
	}
	if len(crashLogs(t, path)) != 1 {
		t.Errorf("crash logs %v", crashLogs(t, path))
	}
	var exit bool
	for _, b := range autoBackups(t, path) {
		exit = exit || b.Name != today.Name
	}
	if !exit {
		t.Errorf("no exit backup besides %s", today.Name)
	}
	t.Setenv(testPanicEnv, "")
	if text := shownText(topOverlay(reopen(t, path))); !strings.Contains(text, "上次程序意外退出") || !strings.Contains(text, "已自动备份数据") {
		t.Errorf("next start: %q", text)
	}
}

// A backup that cannot be taken is said as such, not claimed.
func TestCrashWithoutBackupSaysSo(t *testing.T) {
	s, _ := datatest.County(t)
	path := s.Path()
	// a file where the backup folder belongs: the backup fails
	if err := os.WriteFile(data.BackupDir(path), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	afterCrash(catchPanic(func() { panic(errors.New("boom")) }), path, nil, s)
	text := shownText(topOverlay(reopen(t, path)))
	if !strings.Contains(text, "自动备份没有完成") || strings.Contains(text, "已自动备份数据") || !strings.Contains(text, "错误记录保存在") {
		t.Errorf("next start: %q", text)
	}
}

// A panic in background work is an error in the window, with its log; the
// program goes on.
func TestBackgroundPanicBecomesAnError(t *testing.T) {
	u := testUI(t, true)
	path := u.store.Path()
	got := make(chan error, 1)
	backgroundRunner(u.win, path)("正在导出…", func(context.Context, progress) error { panic("导出时出错") },
		func(err error) { got <- err })
	var err error
	select {
	case err = <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("done never ran")
	}
	var ie *internalError
	logs := crashLogs(t, path)
	if !errors.As(err, &ie) || len(logs) != 1 || !strings.Contains(userMessage(err), "程序内部出错，这项操作没有完成") ||
		!strings.Contains(userMessage(err), logs[0]) {
		t.Fatalf("err %v, logs %v", err, logs)
	}
	if _, err := os.Stat(filepath.Join(crashLogsDir(path), pendingNote)); err == nil {
		t.Error("a recovered background panic left a note for the next start")
	}

	// The same in work a debouncer runs (a recomputation, a typed search):
	// the answer is the error.
	d := debouncer{dbPath: path}
	d.run(context.Background(), func(context.Context) error { panic("计算时出错") }, func(err error) { got <- err })
	select {
	case err = <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("apply never ran")
	}
	if !errors.As(err, &ie) || len(crashLogs(t, path)) != 2 {
		t.Errorf("err %v, logs %v", err, crashLogs(t, path))
	}
}

// Only the newest crash logs are kept.
func TestCrashLogsArePruned(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	for i := range keepCrashLogs + 5 {
		if _, err := writeCrashLog(path, &crash{value: i, time: start.Add(time.Duration(i) * time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
	logs := crashLogs(t, path)
	if len(logs) != keepCrashLogs || !strings.Contains(logs[0], "crash-20261201-090500") {
		t.Errorf("%d logs, oldest %s", len(logs), logs[0])
	}
}
