package data_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/datatest"
)

func TestLockDatabaseRefusesASecondHolderNamingTheFirst(t *testing.T) {
	s, _ := populated(t)
	path := s.Path()
	lk, err := data.LockDatabase(path, data.LockWindow)
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Release()
	_, err = data.LockDatabase(path, data.LockWindow)
	if !errors.Is(err, data.ErrInUse) {
		t.Fatalf("second window: %v, want ErrInUse", err)
	}
	msg := data.UserMessage(err)
	want := fmt.Sprintf("数据库正由另一个窗口使用（用户 %s，进程 %d，自 ", currentUser(), os.Getpid())
	if !strings.HasPrefix(msg, want) || !strings.Contains(msg, "本窗口不打开该文件") {
		t.Errorf("message %q, want it to start %q", msg, want)
	}

	// A restore is refused while the window holds the lock, before anything.
	b, err := s.Backup(context.Background(), "manual")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	_, _, err = data.Restore(context.Background(), b.Path, path, data.RestoreOptions{})
	if !errors.Is(err, data.ErrInUse) || !strings.Contains(data.UserMessage(err), "未恢复任何数据") {
		t.Fatalf("restore while a window holds the lock: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
	// The window itself restores with the lock it holds.
	s2, _, err := data.Restore(context.Background(), b.Path, path, data.RestoreOptions{Held: lk})
	if err != nil {
		t.Fatalf("restore by the holder: %v", err)
	}
	s2.Close()
}

func currentUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}

// A file replaced underneath an open store (a restore by a program that
// ignored the lock, a copy over it) is noticed: the store refuses every
// change instead of writing into the old, unlinked file.
func TestStoreNoticesItsFileWasReplaced(t *testing.T) {
	ctx := context.Background()
	s, term := populated(t)
	if err := s.Replaced(); err != nil {
		t.Fatalf("Replaced on a fresh store: %v", err)
	}
	b, err := s.Backup(ctx, "manual")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"赵一", "钱二"} { // in the old file's write-ahead log only
		m := member(name, "女", "1980-01", "中国共产党")
		m.TermID = term.ID
		if err := s.CreateMember(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	body, _ := os.ReadFile(b.Path)
	tmp := s.Path() + ".new"
	if err := os.WriteFile(tmp, body, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, s.Path()); err != nil {
		t.Fatal(err)
	}
	err = s.Replaced()
	if !errors.Is(err, data.ErrReplaced) || !strings.Contains(data.UserMessage(err), "重新打开") {
		t.Fatalf("Replaced after the file was replaced: %v", err)
	}
	m := member("赵六", "女", "1980-01", "中国共产党")
	m.TermID = term.ID
	if err := s.CreateMember(ctx, &m); !errors.Is(err, data.ErrReplaced) {
		t.Fatalf("a write after the file was replaced: %v, want ErrReplaced", err)
	}
	// Closed, the old file's log is not replayed into the new file.
	s.Close()
	s2, err := data.Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	r, err := s2.Check(ctx)
	if err != nil || !r.OK() || r.Memberships != 3 {
		t.Errorf("the new file after the old store closed: %d members (want the backup's 3), %v, %v", r.Memberships, r.Problems, err)
	}
}

// Filling a database is all or nothing: a fill that fails midway (as a
// demo killed midway) leaves the database as it was.
func TestFillAtomicallyChangesNothingWhenTheFillFails(t *testing.T) {
	ctx := context.Background()
	s := datatest.Empty(t)
	boom := errors.New("killed")
	got, err := data.FillAtomically(ctx, s, func(ctx context.Context, t2 *data.Store) error {
		if _, err := t2.SetUp(ctx, data.Setup{Committee: data.Committee{Name: "政协清河县委员会"},
			Term: data.Term{Number: 11, StartYear: 2021, EndYear: 2026}}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) || got != s {
		t.Fatalf("FillAtomically = %v, %v; want the same store and the fill's error", got, err)
	}
	if set, err := s.IsSetUp(ctx); err != nil || set {
		t.Fatalf("after a failed fill the database is set up: %v, %v", set, err)
	}
	if _, err := os.Stat(s.Path() + ".filling"); !os.IsNotExist(err) {
		t.Errorf("temporary copy left: %v", err)
	}
	got, err = data.FillAtomically(ctx, s, func(ctx context.Context, t2 *data.Store) error {
		_, err := t2.SetUp(ctx, data.Setup{Committee: data.Committee{Name: "政协清河县委员会"},
			Term: data.Term{Number: 11, StartYear: 2021, EndYear: 2026}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	if set, err := got.IsSetUp(ctx); err != nil || !set || got.Path() != s.Path() {
		t.Fatalf("after a fill: set up %v, %v, path %s", set, err, got.Path())
	}
	if err := got.Replaced(); err != nil {
		t.Errorf("the filled store does not know its file: %v", err)
	}
	// The window's timer may look at the old store before it swaps stores:
	// closed, it is not reported as replaced.
	if err := s.Replaced(); err != nil {
		t.Errorf("the closed store counts as replaced: %v", err)
	}
}
