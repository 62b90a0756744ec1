package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhengxie/data"
)

// countyDB is a database file with a committee, a term and the named members.
func countyDB(t *testing.T, names ...string) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "zhengxie.db")
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	term, err := s.SetUp(ctx, data.Setup{Committee: data.Committee{Name: "政协清河县委员会"},
		Term: data.Term{Number: 11, StartYear: 2021, EndYear: 2026}})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		addMember(t, path, term.ID, n, s)
	}
	return path
}

func addMember(t *testing.T, path string, termID int64, name string, s *data.Store) {
	t.Helper()
	if s == nil {
		var err error
		if s, err = data.Open(context.Background(), path); err != nil {
			t.Fatal(err)
		}
		defer s.Close()
	}
	var m data.Member
	m.Name, m.Gender, m.Birth, m.Sector, m.Party, m.TermID = name, "男", "1975-03", "中国共产党", "中共", termID
	if err := s.CreateMember(context.Background(), &m); err != nil {
		t.Fatal(err)
	}
}

func memberNames(t *testing.T, path string) string {
	t.Helper()
	var names []string
	for _, m := range members(t, path, 11) {
		names = append(names, m.Name)
	}
	return strings.Join(names, "、")
}

func TestBackupListAndRestore(t *testing.T) {
	db := countyDB(t, "张三", "李四")
	code, out, errOut := run(t, "--db", db, "backup")
	if code != ExitOK || !strings.Contains(out, "已备份") || !strings.Contains(out, "委员任职 2 条") {
		t.Fatalf("backup: %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, "--db", db, "backup", "list")
	if code != ExitOK || !strings.Contains(out, "手动") || !strings.Contains(out, "委员任职 2 条") || !strings.Contains(out, "每日 7 份") {
		t.Fatalf("backup list: %d %q", code, out)
	}
	entries, _ := os.ReadDir(data.BackupDir(db))
	if len(entries) != 1 {
		t.Fatalf("backup folder: %v", entries)
	}
	file := filepath.Join(data.BackupDir(db), entries[0].Name())
	addMember(t, db, 1, "王五", nil)

	code, out, _ = run(t, "--db", db, "restore", file)
	if code != ExitOK || !strings.Contains(out, "委员任职 2 条") || !strings.Contains(out, "未恢复") {
		t.Fatalf("restore preview: %d %q", code, out)
	}
	if got := memberNames(t, db); !strings.Contains(got, "王五") {
		t.Fatalf("preview changed the database: %s", got)
	}
	code, out, errOut = run(t, "--db", db, "restore", file, "--yes")
	if code != ExitOK || !strings.Contains(out, "已恢复") || !strings.Contains(out, "检查通过") || !strings.Contains(out, "-restore.db") {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	if got := memberNames(t, db); strings.Contains(got, "王五") || !strings.Contains(got, "张三") {
		t.Fatalf("after restore: %s", got)
	}
}

func TestRestoreRefusesNonBackup(t *testing.T) {
	db := countyDB(t, "张三")
	bad := filepath.Join(t.TempDir(), "名册.xlsx")
	os.WriteFile(bad, []byte("PK\x03\x04"), 0o644)
	code, _, errOut := run(t, "--db", db, "restore", bad, "--yes")
	if code != ExitError || !strings.Contains(errOut, "不是“政协履职”的数据库") {
		t.Fatalf("restore of a sheet: %d %q", code, errOut)
	}
	if got := memberNames(t, db); got != "张三" {
		t.Fatalf("database after refused restore: %s", got)
	}
}

func TestEncryptedBackupToFolderAndRestore(t *testing.T) {
	db := countyDB(t, "张三")
	usb := t.TempDir()
	t.Setenv(passphraseEnv, "清河县政协2026")
	code, out, errOut := run(t, "--db", db, "backup", "--to", usb, "--encrypt")
	if code != ExitOK || !strings.Contains(out, "加密") {
		t.Fatalf("encrypted backup: %d %q %q", code, out, errOut)
	}
	entries, _ := os.ReadDir(usb)
	if len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), ".db.age") {
		t.Fatalf("USB folder: %v", entries)
	}
	sealed := filepath.Join(usb, entries[0].Name())
	addMember(t, db, 1, "李四", nil)

	wrong := filepath.Join(t.TempDir(), "pass.txt")
	os.WriteFile(wrong, []byte("不对的密码\n"), 0o600)
	code, _, errOut = run(t, "--db", db, "restore", sealed, "--yes", "--passphrase-file", wrong)
	if code != ExitError || !strings.Contains(errOut, "密码不正确") {
		t.Fatalf("wrong passphrase: %d %q", code, errOut)
	}
	if got := memberNames(t, db); got != "张三、李四" && got != "李四、张三" {
		t.Fatalf("wrong passphrase changed the database: %s", got)
	}
	code, out, errOut = run(t, "--db", db, "restore", sealed, "--yes")
	if code != ExitOK || !strings.Contains(out, "已恢复") {
		t.Fatalf("restore with passphrase: %d %q %q", code, out, errOut)
	}
	if got := memberNames(t, db); got != "张三" {
		t.Fatalf("after restore: %s", got)
	}
	if left, _ := filepath.Glob(filepath.Join(data.BackupDir(db), ".unsealed-*")); len(left) > 0 {
		t.Errorf("decrypted copy left behind: %v", left)
	}
}

func TestBackupPassphraseTypedTwice(t *testing.T) {
	db := countyDB(t, "张三")
	t.Setenv(passphraseEnv, "")
	var out, errOut strings.Builder
	env := Env{Ctx: context.Background(), Stdin: strings.NewReader("密码甲123456\n密码乙123456\n"), Stdout: &out, Stderr: &errOut}
	code := Run(env, []string{"--db", db, "backup", "--encrypt", "--to", t.TempDir()}, nil)
	if code != ExitError || !strings.Contains(errOut.String(), "不一致") {
		t.Fatalf("mismatched passphrases: %d %q", code, errOut.String())
	}
}

func TestEncryptNeedsAFolder(t *testing.T) {
	db := countyDB(t, "张三")
	code, _, errOut := run(t, "--db", db, "backup", "--encrypt")
	if code != ExitUsage || !strings.Contains(errOut, "--to") {
		t.Fatalf("--encrypt without --to: %d %q", code, errOut)
	}
}

func TestCheckSaysHealthyAndLastBackup(t *testing.T) {
	db := countyDB(t, "张三")
	code, out, _ := run(t, "--db", db, "check")
	if code != ExitOK || !strings.Contains(out, "检查通过") || !strings.Contains(out, "最近备份：无") {
		t.Fatalf("check: %d %q", code, out)
	}
}

func TestCheckDamagedFileSaysWhatToDo(t *testing.T) {
	db := countyDB(t, "张三", "李四")
	body, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096 * 2; i < len(body) && i < 4096*4; i++ {
		body[i] = 0xff
	}
	os.Remove(db + "-wal")
	if err := os.WriteFile(db, body, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "--db", db, "check")
	text := out + errOut
	if code != ExitError || !strings.Contains(text, "损坏") || !strings.Contains(text, "zhengxie restore") {
		t.Fatalf("check of a damaged file: %d %q", code, text)
	}
}
