package data

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"zhengxie/data/dblock"
)

// ErrInUse is the cause of the *UserError LockDatabase returns when another
// program holds the database's lock.
var ErrInUse = errors.New("database is in use by another program")

// DBLock is a held lock on a database file (see LockDatabase).
type DBLock = dblock.Lock

// Who takes a database's lock, written into the lock file and named to
// whoever is refused.
const (
	LockWindow  = "window"  // the window program, for as long as it runs
	LockRestore = "restore" // zhengxie restore, while it replaces the file
	LockDemo    = "demo"    // zhengxie demo, while it fills the file
)

// LockDatabase takes the lock of the database at path for program (one of
// the Lock… constants): one window at a time works on a file, and restore
// and demo, which replace the file, wait for no window to hold it. The lock
// is a file "<db>.lock" beside the database naming the holder, plus an
// operating-system lock that ends with the holding process, so a lock left
// by a program that was killed is taken over. When another program holds it,
// the error is a *UserError (ErrInUse) saying who and since when.
// Ordinary command-line writes take no lock: SQLite serialises them.
func LockDatabase(path, program string) (*DBLock, error) {
	l, err := dblock.Acquire(path, program)
	var held *dblock.HeldError
	if errors.As(err, &held) {
		return nil, &UserError{Err: errors.Join(ErrInUse, err), Msg: inUseMessage(held.Holder, program)}
	}
	if err != nil {
		return nil, fmt.Errorf("lock database %s: %w", path, err)
	}
	return l, nil
}

// inUseMessage names the holder and says what the refused program did not do.
func inUseMessage(h dblock.Holder, refused string) string {
	who := "另一个窗口"
	switch h.Program {
	case LockRestore:
		who = "正在进行的恢复（zhengxie restore）"
	case LockDemo:
		who = "正在生成的示例数据（zhengxie demo）"
	}
	var facts []string
	if h.User != "" {
		facts = append(facts, "用户 "+h.User)
	}
	if host, _ := os.Hostname(); h.Host != "" && h.Host != host {
		facts = append(facts, "计算机 "+h.Host)
	}
	if h.PID > 0 {
		facts = append(facts, fmt.Sprintf("进程 %d", h.PID))
	}
	if !h.Since.IsZero() {
		facts = append(facts, "自 "+h.Since.Local().Format("2006-01-02 15:04")+" 起")
	}
	msg := "数据库正由" + who + "使用"
	if len(facts) > 0 {
		msg += "（" + strings.Join(facts, "，") + "）"
	}
	msg += "。"
	switch refused {
	case LockWindow:
		msg += "为避免两处同时修改，本窗口不打开该文件。请使用已打开的窗口；如那个窗口已关闭，请重新启动本程序。"
	case LockRestore:
		msg += "未恢复任何数据。请先关闭那个窗口，再运行恢复。"
	case LockDemo:
		msg += "未生成示例数据。请先关闭那个窗口再试。"
	}
	return msg
}
