package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zhengxie/data"
)

// TestWindowHolderChild is the window of the two-process tests: it takes
// the database's lock and opens the store as app.Run does, says "holding"
// and keeps both until its stdin closes or it is killed.
func TestWindowHolderChild(t *testing.T) {
	db := os.Getenv("ZX_WINDOW_DB")
	if db == "" {
		t.Skip("run by the two-process lock tests")
	}
	lk, err := data.LockDatabase(db, data.LockWindow)
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Release()
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fmt.Println("holding")
	io.Copy(io.Discard, os.Stdin)
}

// startWindow starts a window-equivalent process on db and waits until it
// holds the lock.
func startWindow(t *testing.T, db string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestWindowHolderChild$")
	cmd.Env = append(os.Environ(), "ZX_WINDOW_DB="+db)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); cmd.Process.Kill(); cmd.Wait() })
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "holding\n" {
		t.Fatalf("window process said %q", line)
	}
	return cmd
}

// Issue 16: `zhengxie restore --yes` while a window works on the database
// is refused with who holds it, and the database is unchanged; once the
// window has gone (killed: its lock file stays behind) the restore goes
// through and names the command-line user in the audit log.
func TestRestoreIsRefusedWhileAWindowHoldsTheDatabase(t *testing.T) {
	db := countyDB(t, "张三", "李四")
	if code, _, errOut := run(t, "--db", db, "backup"); code != ExitOK {
		t.Fatal(errOut)
	}
	entries, _ := os.ReadDir(data.BackupDir(db))
	file := filepath.Join(data.BackupDir(db), entries[0].Name())
	addMember(t, db, 1, "王五", nil)

	win := startWindow(t, db)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "--db", db, "restore", file, "--yes")
	want := fmt.Sprintf("数据库正由另一个窗口使用（用户 %s，进程 %d，自 ", strings.TrimSuffix(strings.TrimPrefix(actor(), "命令行（"), "）"), win.Process.Pid)
	if code != ExitError || !strings.Contains(errOut, want) || !strings.Contains(errOut, "未恢复任何数据") {
		t.Fatalf("restore while a window holds the database: %d\n%s\n%s\nwant %q", code, out, errOut, want)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("the database file changed")
	}
	if got := memberNames(t, db); got != "张三、李四、王五" {
		t.Errorf("members after the refused restore: %s", got)
	}
	if es, _ := os.ReadDir(data.BackupDir(db)); len(es) != 1 {
		t.Errorf("the refused restore made a backup: %d files", len(es))
	}
	// Ordinary command-line writes still go through while the window runs.
	addMember(t, db, 1, "赵六", nil)

	// demo is refused too (it replaces the file); here the database is set up anyway.
	if code, _, errOut := run(t, "--db", db, "demo"); code != ExitError || !strings.Contains(errOut, "数据库正由另一个窗口使用") {
		t.Errorf("demo while a window holds the database: %d %q", code, errOut)
	}

	win.Process.Kill()
	win.Wait()
	if _, err := os.Stat(db + ".lock"); err != nil {
		t.Fatalf("the killed window's lock file: %v", err)
	}
	code, out, errOut = run(t, "--db", db, "restore", file, "--yes")
	if code != ExitOK || !strings.Contains(out, "已恢复") {
		t.Fatalf("restore after the window was killed: %d %q %q", code, out, errOut)
	}
	if got := memberNames(t, db); got != "张三、李四" {
		t.Errorf("members after restore: %s", got)
	}
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	log, err := s.ListAudit(context.Background(), 1)
	if err != nil || len(log) != 1 || log[0].Action != "恢复" || log[0].Actor != actor() {
		t.Errorf("audit line of the restore: %+v, %v; want 操作人 %s", log, err, actor())
	}
}

// TestDemoChild runs `zhengxie demo` on ZX_DEMO_DB (to be killed midway).
func TestDemoChild(t *testing.T) {
	db := os.Getenv("ZX_DEMO_DB")
	if db == "" {
		t.Skip("run by TestDemoKilledMidwayLeavesTheDatabaseAsItWas")
	}
	run(t, "--db", db, "demo")
}

// Issue 16: a demo killed midway left a half-filled database that check
// called fine and demo then refused. Now the file is as before the demo,
// and demo runs again.
func TestDemoKilledMidwayLeavesTheDatabaseAsItWas(t *testing.T) {
	skipDemoWhenShort(t)
	db := filepath.Join(t.TempDir(), "zhengxie.db")
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDemoChild$")
	cmd.Env = append(os.Environ(), "ZX_DEMO_DB="+db)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once it is well into filling: the committee is in the copy.
	deadline := time.Now().Add(2 * time.Minute)
	for !filledSome(db+".filling") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Kill()
	cmd.Wait()

	code, out, errOut := run(t, "--db", db, "check")
	if code != ExitOK || !strings.Contains(out, "届次 0 个") {
		t.Fatalf("check after the killed demo: %d %q %q", code, out, errOut)
	}
	code, out, errOut = run(t, "--db", db, "demo")
	if code != ExitOK || !strings.Contains(out, "已生成示例数据") {
		t.Fatalf("demo after the killed one: %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(db + ".filling"); !os.IsNotExist(err) {
		t.Errorf("the killed demo's copy is still there: %v", err)
	}
}

// filledSome reports whether the demo's copy holds a committee already.
func filledSome(path string) bool {
	if _, err := os.Stat(path); err != nil {
		return false
	}
	s, err := data.InspectBackup(context.Background(), path)
	return err == nil && s.Committee != ""
}
