package app

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"

	"zhengxie/assets"
	"zhengxie/data"
	"zhengxie/data/backup"
)

// No panic may end the program as a vanished window. A panic in a UI
// callback unwinds the driver's loop up to Run, which writes a crash log
// into the logs folder beside the database, takes the automatic exit
// backup, and leaves a note that the next start shows once in the window.
// A panic in background work becomes an error shown in the window (with
// its crash log) and the program goes on.

// crashLogsDir is the folder beside the database (next to backups/) that
// holds the crash logs.
func crashLogsDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "logs") }

// keepCrashLogs is how many crash logs are kept; older ones are removed.
const keepCrashLogs = 20

// pendingNote is the file that tells the next start about a crash.
const pendingNote = "crash-pending.json"

// crash is a recovered panic: its value and the stack where it happened.
type crash struct {
	value any
	stack []byte
	time  time.Time
}

// catchPanic runs f and returns the panic it ended with, if any.
func catchPanic(f func()) (c *crash) {
	defer func() {
		if r := recover(); r != nil {
			c = &crash{value: r, stack: debug.Stack(), time: time.Now()}
		}
	}()
	f()
	return nil
}

// writeCrashLog writes c as logs/crash-YYYYMMDD-HHMMSS.log beside the
// database and returns its path; older logs beyond keepCrashLogs go.
func writeCrashLog(dbPath string, c *crash) (string, error) {
	dir := crashLogsDir(dbPath)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "政协履职 程序错误记录\n\n时间：%s\n版本：%s\n数据文件：%s\n系统：%s/%s，%s\n错误：%v\n\n调用栈：\n%s",
		c.time.Format("2006-01-02 15:04:05"), assets.VersionText(), dbPath, runtime.GOOS, runtime.GOARCH,
		runtime.Version(), c.value, c.stack)
	name := "crash-" + c.time.Format("20060102-150405")
	path := filepath.Join(dir, name+".log")
	for i := 2; fileExists(path); i++ { // two in one second
		path = filepath.Join(dir, fmt.Sprintf("%s-%d.log", name, i))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return "", err
	}
	pruneCrashLogs(dir)
	return path, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func pruneCrashLogs(dir string) {
	logs, _ := filepath.Glob(filepath.Join(dir, "crash-*.log"))
	slices.Sort(logs) // names sort by time
	for len(logs) > keepCrashLogs {
		os.Remove(logs[0])
		logs = logs[1:]
	}
}

// crashNote is what the next start reads from pendingNote.
type crashNote struct {
	Time      time.Time `json:"time"`
	Log       string    `json:"log"`                    // "" when the log could not be written
	Backup    string    `json:"backup,omitempty"`       // the exit backup's file
	BackupErr string    `json:"backup_error,omitempty"` // why it failed (Chinese)
}

// afterCrash is what Run does when the window ended with a panic: the
// crash log, the exit backup (with the store in use, which a restore may
// have replaced), the note for the next start, and a line on stderr. It
// returns the exit code.
func afterCrash(c *crash, dbPath string, u *UI, store *data.Store) int {
	note := crashNote{Time: c.time}
	log, err := writeCrashLog(dbPath, c)
	if err != nil {
		fmt.Fprintf(os.Stderr, "无法写入错误记录：%v\n", err)
	}
	note.Log = log
	if u != nil && u.store != nil {
		store = u.store
	}
	note.Backup, err = backupAfterCrash(store)
	if err != nil {
		note.BackupErr = userMessage(err)
	}
	if b, err := json.Marshal(note); err == nil {
		if err := os.WriteFile(filepath.Join(crashLogsDir(dbPath), pendingNote), b, 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "无法写入错误记录：%v\n", err)
		}
	}
	fmt.Fprintf(os.Stderr, "程序意外退出：%v\n错误记录：%s\n", c.value, log)
	return 1
}

// backupAfterCrash takes the automatic exit backup and closes the store;
// a panic on the way is an error, not a second crash.
func backupAfterCrash(s *data.Store) (path string, err error) {
	if s == nil {
		return "", data.UserErr("数据文件没有打开")
	}
	defer s.Close()
	if c := catchPanic(func() {
		var ok bool
		if ok, err = s.IsSetUp(context.Background()); err != nil || !ok {
			return // nothing to back up in a database not set up yet
		}
		var info data.BackupInfo
		info, err = s.Backup(context.Background(), backup.Auto)
		path = info.Path
	}); c != nil {
		return "", data.UserErrf(&internalError{value: c.value}, "备份时程序出错，备份没有完成。")
	}
	return path, err
}

// lastCrashMessage reads and removes the note a crash left beside the
// database, and says in Chinese what happened ("" when there was none):
// it is shown once.
func lastCrashMessage(dbPath string) string {
	p := filepath.Join(crashLogsDir(dbPath), pendingNote)
	b, err := os.ReadFile(p)
	if err != nil {
		return ""
	}
	os.Remove(p)
	var n crashNote
	if json.Unmarshal(b, &n) != nil {
		return ""
	}
	msg := "上次程序意外退出"
	if !n.Time.IsZero() {
		msg += "（" + n.Time.Local().Format("2006-01-02 15:04") + "）"
	}
	switch {
	case n.Backup != "":
		msg += "，已自动备份数据。"
	case n.BackupErr != "":
		msg += "，退出时的自动备份没有完成：" + n.BackupErr + "\n已保存的数据不受影响。"
	default:
		msg += "。已保存的数据不受影响。"
	}
	if n.Log != "" {
		msg += "\n错误记录保存在：\n" + n.Log + "\n如果问题反复出现，请把这个文件发给技术支持。"
	}
	return msg
}

// showLastCrash tells, once, that the previous run ended with a crash.
func (u *UI) showLastCrash() {
	if msg := lastCrashMessage(u.store.Path()); msg != "" {
		d := dialog.NewInformation("上次程序意外退出", msg, u.win)
		d.Show()
	}
}

// internalError is a panic in background work, the cause of the user
// error its done function shows: the work did not finish; the log says
// where it failed.
type internalError struct {
	value any
	log   string
}

func (e *internalError) Error() string { return fmt.Sprintf("panic: %v", e.value) }

// userError is what the user reads about the panic.
func (e *internalError) userError() error {
	msg := "程序内部出错，这项操作没有完成。"
	if e.log != "" {
		msg += "\n错误记录保存在：" + e.log
	}
	return data.UserErrf(e, "%s\n请重试；如仍出错，请把错误记录发给技术支持。", msg)
}

// guarded runs work; a panic becomes an *internalError with a crash log
// written beside the database at dbPath.
func guarded(dbPath string, work func() error) (err error) {
	c := catchPanic(func() { err = work() })
	if c == nil {
		return err
	}
	log, lerr := writeCrashLog(dbPath, c)
	if lerr != nil {
		fyne.LogError("write crash log", lerr)
	}
	fmt.Fprintf(os.Stderr, "后台操作出错：%v\n错误记录：%s\n", c.value, log)
	return (&internalError{value: c.value, log: log}).userError()
}

// testPanicEnv makes the program panic on purpose, for tests of the crash
// handling only (scripts and the crash tests): "start" panics before the
// window runs, "ui" in a UI callback on Ctrl+Shift+F12, "job" in a
// background job started at once (the window goes on). Never set it
// otherwise.
const testPanicEnv = "ZX_TEST_PANIC"

func (u *UI) testPanic() {
	const value = "ZX_TEST_PANIC：测试用的意外错误"
	switch os.Getenv(testPanicEnv) {
	case "start":
		panic(value)
	case "ui":
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF12,
			Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, func(fyne.Shortcut) { panic(value) })
	case "job":
		u.run("正在测试…", func(context.Context, progress) error { panic(value) }, func(err error) { showError(err, u.win) })
	}
}
