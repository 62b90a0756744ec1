package data_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"zhengxie/data"
	"zhengxie/data/datatest"
)

// technical is text of the driver or the system that must not reach a user.
var technical = []string{"SQLITE", "database is locked", "disk is full", "(5)", "(13)", "readonly", "no space"}

func wantUserMessage(t *testing.T, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	msg := data.UserMessage(err)
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q lacks %q (error %v)", msg, w, err)
		}
	}
	for _, w := range technical {
		if strings.Contains(msg, w) {
			t.Errorf("message %q shows the technical %q", msg, w)
		}
	}
}

func newMember(term data.Term, name string) data.Member {
	return data.Member{Person: data.Person{Name: name, Gender: "女", Birth: "1970-01"},
		Membership: data.Membership{TermID: term.ID, Party: "中共", Sector: "经济界"}}
}

// Another program holds the write lock: a store write fails with
// SQLITE_BUSY, which the user reads as a Chinese sentence saying what to do.
func TestUserMessageDatabaseBusy(t *testing.T) {
	s, term := datatest.County(t)
	ctx := context.Background()
	other, err := sql.Open("sqlite", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	if err := s.ExecForTest(ctx, "PRAGMA busy_timeout = 0"); err != nil { // fail at once, not after 5 s
		t.Fatal(err)
	}
	m := newMember(term, "张明")
	err = s.CreateMember(ctx, &m)
	wantUserMessage(t, err, "数据库正被另一个程序使用", "请稍后再试", "关闭另一个窗口")
	// A user error naming what failed says why in the cause's own words.
	wantUserMessage(t, data.UserErrf(err, "无法打开数据文件 %s：%s", s.Path(), data.UserMessage(err)), "无法打开数据文件", "：数据库正被另一个程序使用")
}

// The database may not grow (as on a full disk): SQLITE_FULL.
func TestUserMessageDatabaseFull(t *testing.T) {
	s, term := datatest.County(t)
	ctx := context.Background()
	if err := s.ExecForTest(ctx, "PRAGMA max_page_count = 1"); err != nil { // = the current size
		t.Fatal(err)
	}
	var err error
	for i := 0; i < 200 && err == nil; i++ {
		m := newMember(term, fmt.Sprintf("委员%d", i))
		m.Membership.Note = strings.Repeat("备注", 2000)
		err = s.CreateMember(ctx, &m)
	}
	wantUserMessage(t, err, "磁盘空间已满，数据未保存", "清理磁盘")
}

// A read-only database file: SQLITE_READONLY.
func TestUserMessageReadOnly(t *testing.T) {
	s, _ := datatest.County(t)
	ro, err := sql.Open("sqlite", "file:"+s.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, err = ro.Exec("UPDATE committee SET name = '改名'")
	wantUserMessage(t, fmt.Errorf("save committee: %w", err), "只读", "数据未保存")
}

// The operating system says the disk is full while a file is written.
func TestUserMessageDiskFull(t *testing.T) {
	cause := &fs.PathError{Op: "write", Path: "/媒体/U盘/名册.xlsx", Err: syscall.ENOSPC}
	err := data.UserErrf(cause, "写入文件失败：%s", data.UserMessage(cause))
	wantUserMessage(t, err, "写入文件失败：磁盘空间已满", "清理磁盘")
	if !data.DiskFull(err) {
		t.Error("DiskFull misses ENOSPC")
	}
}

// A refusal of ours that wraps a driver error keeps its own sentence.
func TestUserMessageKeepsOurSentenceAroundDriverErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "坏.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("这不是数据库", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := data.Open(context.Background(), path)
	var fp *data.UserError
	if !errors.As(err, &fp) {
		t.Fatalf("open garbage: %v", err)
	}
	if got := data.UserMessage(err); got != fp.Msg {
		t.Errorf("message %q, want the refusal's own %q", got, fp.Msg)
	}
}

// A Chinese prefix does not make a driver's English a sentence for the
// user: only a *data.UserError (or a validation error) is shown as it is,
// through any number of wrappings.
func TestUserMessageShowsOnlyTypedSentences(t *testing.T) {
	s, _ := datatest.County(t)
	sqlErr := s.ExecForTest(context.Background(), "INSERT INTO no_such_table VALUES (1)")
	if sqlErr == nil {
		t.Fatal("no SQL error")
	}
	msg := data.UserMessage(fmt.Errorf("保存失败：%w", sqlErr))
	sentence, detail, _ := strings.Cut(msg, "\n技术信息：")
	if sentence != "操作失败，数据未更改。" {
		t.Errorf("sentence %q, want the general one", sentence)
	}
	for _, english := range []string{"no such table", "SQL"} {
		if strings.Contains(sentence, english) {
			t.Errorf("sentence %q shows the driver's %q", sentence, english)
		}
	}
	if !strings.Contains(detail, "no such table") {
		t.Errorf("technical detail %q lacks the driver's text", detail)
	}

	typed := data.UserErrf(sqlErr, "第3行：身份证号已被他人使用，未导入任何数据。")
	wrapped := fmt.Errorf("import roster: %w", fmt.Errorf("row 3: %w", typed))
	if got := data.UserMessage(wrapped); got != "第3行：身份证号已被他人使用，未导入任何数据。" {
		t.Errorf("twice wrapped user error reads %q", got)
	}
	if !errors.Is(wrapped, sqlErr) {
		t.Error("the user error hides its cause from errors.Is")
	}
	var ue *data.UserError
	if !errors.As(wrapped, &ue) || ue.Err != sqlErr {
		t.Errorf("errors.As finds %+v", ue)
	}
	if got := data.UserMessage(fmt.Errorf("save: %w", data.UserErr("请先在“设置”中建立届次。"))); got != "请先在“设置”中建立届次。" {
		t.Errorf("user error without a cause reads %q", got)
	}
}
