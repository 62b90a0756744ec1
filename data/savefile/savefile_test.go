package savefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"zhengxie/data"
)

// Exporting onto an existing folder said the file "may be open in Excel or
// WPS"; it says the real cause now, and leaves nothing behind.
func TestSaveFileOntoAFolderSaysSo(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "名册.xlsx")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	err := Write(target, func(w io.Writer) error { _, err := io.WriteString(w, "名册"); return err })
	msg := data.UserMessage(err)
	if !strings.Contains(msg, "是一个已有的文件夹，不能保存为文件") || strings.Contains(msg, "Excel") || strings.Contains(msg, "WPS") {
		t.Errorf("message %q", msg)
	}
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("%v is not fs.ErrExist", err)
	}
	if st, err := os.Stat(target); err != nil || !st.IsDir() {
		t.Errorf("the folder was touched: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".zhengxie-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestSaveFileIntoAMissingFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "无此文件夹")
	err := Write(filepath.Join(missing, "a.xlsx"), func(w io.Writer) error { return nil })
	if msg := data.UserMessage(err); !strings.Contains(msg, "文件夹“"+missing+"”不存在，文件未保存") || strings.Contains(msg, "no such") {
		t.Errorf("message %q", msg)
	}
}

// What a failed replace says depends on its cause: only an existing file
// that may not be replaced points at Excel or WPS.
func TestRenameErrorNamesTheCause(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "名册.xlsx")
	if err := os.WriteFile(existing, []byte("旧"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := func(e syscall.Errno, to string) error {
		return &os.LinkError{Op: "rename", Old: filepath.Join(dir, ".zhengxie-1.tmp"), New: to, Err: e}
	}
	tests := []struct {
		name string
		err  error
		want string
		not  string
	}{
		{"locked existing file", renameError(existing, link(syscall.EACCES, existing)), "可能正在被 Excel 或 WPS 打开，或是只读文件", "rename"},
		{"folder without permission", renameError(filepath.Join(dir, "新.xlsx"), link(syscall.EACCES, filepath.Join(dir, "新.xlsx"))), "没有在该文件夹中保存", "Excel"},
		{"disk full", renameError(existing, link(syscall.ENOSPC, existing)), "磁盘空间已满", "Excel"},
		{"a folder", renameError(dir, link(syscall.EEXIST, dir)), "是一个已有的文件夹", "Excel"},
		{"anything else", renameError(existing, link(syscall.EXDEV, existing)), "无法保存为“" + existing + "”，文件未保存", "Excel"},
		{"write, disk full", writeError(existing, &fs.PathError{Op: "write", Path: existing, Err: syscall.ENOSPC}), "磁盘空间已满，“" + existing + "”未保存", "no space"},
	}
	for _, tt := range tests {
		msg := data.UserMessage(tt.err)
		if !strings.Contains(msg, tt.want) || strings.Contains(msg, tt.not) {
			t.Errorf("%s: %q; want %q and no %q", tt.name, msg, tt.want, tt.not)
		}
	}
}

// A writer that panics (the window turns a panic in background work into an
// error and goes on) leaves neither its temporary file nor a new file.
func TestSaveFileLeavesNothingWhenTheWriterPanics(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "档案.pdf")
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic did not reach the caller")
			}
		}()
		Write(target, func(w io.Writer) error {
			io.WriteString(w, "%PDF-1.4 半个文件")
			panic("排版出错")
		})
	}()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the folder holds %v after a panic", entries)
	}
}
