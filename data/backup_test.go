package data_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/backup"
	"zhengxie/data/datatest"
)

// populated is a county store with a few members, one in the recycle bin.
func populated(t *testing.T) (*data.Store, data.Term) {
	t.Helper()
	ctx := context.Background()
	s, term := newStore(t)
	for _, name := range []string{"张三", "李四", "王五"} {
		m := member(name, "男", "1975-03", "中国共产党")
		m.TermID = term.ID
		if err := s.CreateMember(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	return s, term
}

func dump(t *testing.T, s *data.Store) map[string][]string {
	t.Helper()
	d, err := s.DumpForTest(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestBackupRestoreRoundTripGivesIdenticalContent(t *testing.T) {
	ctx := context.Background()
	s, term := populated(t)
	want := dump(t, s)
	b, err := s.Backup(ctx, backup.Manual)
	if err != nil {
		t.Fatal(err)
	}
	if b.Members != 3 || b.Kind != backup.Manual || b.Committee != "政协清河县委员会" || b.Problem != "" {
		t.Fatalf("backup info = %+v", b)
	}
	// Change the database after the backup: one more member.
	m := member("赵六", "女", "1980-01", "中国共产党")
	m.TermID = term.ID
	if err := s.CreateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()

	r, res, err := data.Restore(ctx, b.Path, path, data.RestoreOptions{Actor: "王主任", Role: data.RoleAdmin})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got := dump(t, r)
	// The restore itself is the one new line in the audit log.
	audit := got["audit"]
	if len(audit) != len(want["audit"])+1 || !strings.Contains(audit[len(audit)-1], "恢复") || !strings.Contains(audit[len(audit)-1], "王主任") {
		t.Fatalf("audit after restore: %q", audit[len(want["audit"]):])
	}
	got["audit"], want["audit"] = nil, nil
	if !reflect.DeepEqual(got, want) {
		for table := range want {
			if !reflect.DeepEqual(got[table], want[table]) {
				t.Errorf("table %s differs after restore:\n got %q\nwant %q", table, got[table], want[table])
			}
		}
	}
	if !res.Check.OK() {
		t.Errorf("check after restore: %q", res.Check.Problems)
	}
	// The database as it was before the restore (4 members) is a backup.
	safety, err := data.InspectBackup(ctx, res.Safety)
	if err != nil || safety.Members != 4 || safety.Kind != backup.Restore {
		t.Fatalf("safety backup %s: %+v %v", res.Safety, safety, err)
	}
}

func TestRestoreRefusesBadFilesAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := populated(t)
	dir := t.TempDir()
	good, err := s.Backup(ctx, backup.Manual)
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(good.Path)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	damagedBody := append([]byte(nil), body...)
	for i := 4096; i < len(damagedBody) && i < 4096*4; i++ {
		damagedBody[i] ^= 0x5a // pages 2–4: the schema's tables and indexes
	}
	newer := filepath.Join(dir, "newer.db")
	if err := s.BackupTo(ctx, newer); err != nil {
		t.Fatal(err)
	}
	setUserVersion(t, newer, 999)

	cases := []struct {
		name, path string
		cause      error
		msg        string
	}{
		{"text file", write("名单.xlsx", []byte("PK\x03\x04 not a database")), data.ErrNotDatabase, "不是"},
		{"empty file", write("empty.db", nil), data.ErrNotDatabase, "不是"},
		{"damaged", write("damaged.db", damagedBody), data.ErrDamaged, "损坏"},
		{"truncated", write("half.db", body[:len(body)/2]), data.ErrDamaged, "损坏"},
		{"newer version", newer, data.ErrBackupTooNew, "更新版本"},
		{"missing", filepath.Join(dir, "nope.db"), nil, "找不到"},
	}
	want := dump(t, s)
	path := s.Path()
	s.Close()
	before := backupNames(t, data.BackupDir(path))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, _, err := data.Restore(ctx, c.path, path, data.RestoreOptions{})
			if err == nil {
				r.Close()
				t.Fatal("restore accepted the file")
			}
			var fp *data.UserError
			if !errors.As(err, &fp) || (c.cause != nil && !errors.Is(err, c.cause)) {
				t.Fatalf("error %v (%T), want a UserError caused by %v", err, err, c.cause)
			}
			if msg := data.UserMessage(err); !strings.Contains(msg, c.msg) {
				t.Errorf("message %q does not say %q", msg, c.msg)
			}
		})
	}
	reopened, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if got := dump(t, reopened); !reflect.DeepEqual(got, want) {
		t.Error("a refused restore changed the database")
	}
	if after := backupNames(t, data.BackupDir(path)); !reflect.DeepEqual(after, before) {
		t.Errorf("a refused restore changed the backup folder: %v → %v", before, after)
	}
}

func setUserVersion(t *testing.T, path string, v int) {
	t.Helper()
	ctx := context.Background()
	x, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.ExecForTest(ctx, fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		t.Fatal(err)
	}
	if err := x.ExecForTest(ctx, "PRAGMA journal_mode = DELETE"); err != nil {
		t.Fatal(err)
	}
	x.Close()
}

func backupNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestRestoreOnlyByAdministrator(t *testing.T) {
	ctx := context.Background()
	s, _ := populated(t)
	b, err := s.Backup(ctx, backup.Manual)
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	for _, role := range []data.Role{data.RoleClerk, data.RoleViewer} {
		_, _, err := data.Restore(ctx, b.Path, path, data.RestoreOptions{Actor: "李干事", Role: role})
		if msg := data.UserMessage(err); !strings.Contains(msg, "管理员") {
			t.Errorf("%s restores: %q", role, msg)
		}
	}
	if names := backupNames(t, data.BackupDir(path)); len(names) != 1 {
		t.Errorf("a refused restore made a backup: %v", names)
	}
}

func TestListBackupsReadsCountsFromEachFile(t *testing.T) {
	ctx := context.Background()
	s, term := populated(t)
	if _, err := s.Backup(ctx, backup.Auto); err != nil {
		t.Fatal(err)
	}
	m := member("赵六", "女", "1980-01", "中国共产党")
	m.TermID = term.ID
	if err := s.CreateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return datatest.Today.Add(time.Hour) }
	if _, err := s.Backup(ctx, backup.Manual); err != nil {
		t.Fatal(err)
	}
	// A stray file in the folder is not a backup.
	if err := os.WriteFile(filepath.Join(data.BackupDir(s.Path()), "说明.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	list, err := data.ListBackups(ctx, data.BackupDir(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Members != 4 || list[1].Members != 3 || list[0].Kind != backup.Manual || list[0].Size == 0 {
		t.Fatalf("list = %+v", list)
	}
	if got := s.LastBackup(); !got.Equal(datatest.Today.Add(time.Hour).Truncate(time.Second)) {
		t.Errorf("LastBackup = %v", got)
	}
}

func TestBackupIfDueOncePerDayAndRotation(t *testing.T) {
	ctx := context.Background()
	s, _ := populated(t)
	now := datatest.Today
	s.Now = func() time.Time { return now }
	if err := s.SetBackupPolicy(ctx, backup.Policy{Daily: 3, Manual: 1}); err != nil {
		t.Fatal(err)
	}
	made := 0
	for h := 0; h < 24*10; h += 6 { // started every 6 hours for 10 days
		now = datatest.Today.Add(time.Duration(h) * time.Hour)
		_, ok, err := s.BackupIfDue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			made++
		}
	}
	if made != 10 {
		t.Errorf("made %d automatic backups in 10 days, want 10", made)
	}
	list, _ := data.ListBackups(ctx, data.BackupDir(s.Path()))
	if len(list) != 3 {
		t.Fatalf("kept %d backups, want the 3 daily ones: %+v", len(list), list)
	}
	if want := now.Add(-18 * time.Hour).Truncate(time.Second); !list[0].Time.Equal(want) {
		t.Errorf("newest kept = %v, want %v", list[0].Time, want)
	}
	if err := s.SetBackupPolicy(ctx, backup.Policy{}); err == nil || !strings.Contains(data.UserMessage(err), "备份") {
		t.Errorf("empty policy accepted: %v", err)
	}
	if p, _ := s.BackupPolicy(ctx); p.Daily != 3 {
		t.Errorf("policy = %+v", p)
	}
}

func TestOpenNewerDatabaseSaysSoInChinese(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	setUserVersion(t, path, 999)
	_, err = data.Open(ctx, path)
	if msg := data.UserMessage(err); !strings.Contains(msg, "更新版本") || !strings.Contains(msg, "升级") {
		t.Errorf("message = %q", msg)
	}
}

// A database file copied together with its write-ahead log while the other
// program was running restores with the data that was only in the log.
func TestRestoreFileCopiedWithItsLog(t *testing.T) {
	ctx := context.Background()
	other, term := populated(t) // stays open: its last writes are in the -wal file
	m := member("赵六", "女", "1980-01", "中国共产党")
	m.TermID = term.ID
	if err := other.CreateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	usb := t.TempDir()
	for _, side := range []string{"", "-wal"} {
		body, err := os.ReadFile(other.Path() + side)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(usb, "zhengxie.db"+side), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if st, _ := os.Stat(filepath.Join(usb, "zhengxie.db-wal")); st.Size() == 0 {
		t.Skip("the log was already checkpointed; nothing to test")
	}
	path := filepath.Join(t.TempDir(), "zhengxie.db")
	r, res, err := data.Restore(ctx, filepath.Join(usb, "zhengxie.db"), path, data.RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if res.From.Members != 4 || res.From.Name != "zhengxie.db" {
		t.Fatalf("restored %+v", res.From)
	}
	list, err := r.ListMembers(ctx, data.MemberFilter{TermID: term.ID})
	if err != nil || len(list) != 4 {
		t.Fatalf("members after restore: %d %v", len(list), err)
	}
}

func TestDamagedDatabaseSaysWhereTheBackupsAre(t *testing.T) {
	ctx := context.Background()
	s, _ := populated(t)
	path := s.Path()
	s.Close()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096 * 2; i < len(body) && i < 4096*4; i++ {
		body[i] = 0xff
	}
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	// The header is intact, so the file opens; the check finds the damage.
	if d, err := data.Open(ctx, path); err == nil {
		r, err := d.Check(ctx)
		d.Close()
		if err != nil || !r.Damaged || r.OK() {
			t.Fatalf("check of a damaged file: %+v %v", r, err)
		}
	} else if !errors.Is(err, data.ErrDamaged) {
		t.Fatalf("open of a damaged file: %v", err)
	}
	// A file that is not a database at all is refused with what to do.
	if err := os.WriteFile(path, []byte("not a database, not at all, but long enough to have a header"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = data.Open(ctx, path)
	if msg := data.UserMessage(err); !errors.Is(err, data.ErrDamaged) || !strings.Contains(msg, "已损坏") ||
		!strings.Contains(msg, data.BackupDir(path)) || !strings.Contains(msg, "zhengxie restore") {
		t.Fatalf("open of garbage: %q (%v)", msg, err)
	}
}
