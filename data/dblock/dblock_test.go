package dblock

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSecondAcquireIsRefusedWithTheHolder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "zhengxie.db")
	l, err := Acquire(db, "window")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Acquire(db, "restore")
	var held *HeldError
	if !errors.As(err, &held) {
		t.Fatalf("second Acquire: %v, want *HeldError", err)
	}
	if held.Holder.PID != os.Getpid() || held.Holder.Program != "window" || held.Holder.Since.IsZero() {
		t.Errorf("holder %+v, want this process, program window, a start time", held.Holder)
	}
	if h, ok := Read(db); !ok || h.PID != os.Getpid() {
		t.Errorf("Read = %+v, %v", h, ok)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(Path(db)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file after Release: %v, want removed", err)
	}
	if _, ok := Read(db); ok {
		t.Error("Read after Release says held")
	}
	l2, err := Acquire(db, "restore")
	if err != nil {
		t.Fatalf("Acquire after Release: %v", err)
	}
	l2.Release()
}

// A lock file left by a process that has gone (no operating-system lock on
// it) is taken over and rewritten.
func TestStaleLockFileIsTakenOver(t *testing.T) {
	db := filepath.Join(t.TempDir(), "zhengxie.db")
	stale := `{"pid":999999,"user":"ghost","host":"old-pc","program":"window","since":"2020-01-01T00:00:00Z"}` + "\n"
	if err := os.WriteFile(Path(db), []byte(stale), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Acquire(db, "restore")
	if err != nil {
		t.Fatalf("Acquire over a stale lock file: %v", err)
	}
	defer l.Release()
	body, _ := os.ReadFile(Path(db))
	if strings.Contains(string(body), "ghost") || !strings.Contains(string(body), `"program":"restore"`) {
		t.Errorf("lock file not rewritten: %s", body)
	}
}

// TestHolderChild is the other process of TestLockOfKilledProcessIsTakenOver:
// it takes the lock, says so and waits to be killed.
func TestHolderChild(t *testing.T) {
	db := os.Getenv("ZX_DBLOCK_CHILD")
	if db == "" {
		t.Skip("run by TestLockOfKilledProcessIsTakenOver")
	}
	if _, err := Acquire(db, "window"); err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("locked\n")
	time.Sleep(time.Minute)
}

func TestLockOfKilledProcessIsTakenOver(t *testing.T) {
	db := filepath.Join(t.TempDir(), "zhengxie.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHolderChild$")
	cmd.Env = append(os.Environ(), "ZX_DBLOCK_CHILD="+db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "locked\n" {
		t.Fatalf("child said %q", line)
	}
	_, err = Acquire(db, "restore")
	var held *HeldError
	if !errors.As(err, &held) || held.Holder.PID != cmd.Process.Pid {
		t.Fatalf("Acquire while the child holds the lock: %v, want held by pid %d", err, cmd.Process.Pid)
	}
	cmd.Process.Kill() // SIGKILL: the child cannot clean up
	cmd.Wait()
	if _, err := os.Stat(Path(db)); err != nil {
		t.Fatalf("the killed child's lock file should still be there: %v", err)
	}
	l, err := Acquire(db, "restore")
	if err != nil {
		t.Fatalf("Acquire after the holder was killed: %v", err)
	}
	l.Release()
}
