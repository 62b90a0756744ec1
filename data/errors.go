package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"syscall"
	"unicode/utf8"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Domain errors returned by the store. The app layer turns them into the
// Chinese sentences a user reads.
var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("conflict")
	// ErrTooNew means the database was written by a newer program version.
	ErrTooNew = errors.New("database schema is newer than this program")
)

// ValidationError names the field (by its Chinese label, as shown in forms
// and sheets) and says what is wrong with it, in Chinese.
type ValidationError struct {
	Field string // Chinese field label, e.g. "身份证号"
	Msg   string // Chinese reason, e.g. "校验位不正确"
}

func (e *ValidationError) Error() string { return fmt.Sprintf("%s：%s", e.Field, e.Msg) }

// Invalid builds a *ValidationError.
func Invalid(field, msg string) error { return &ValidationError{Field: field, Msg: msg} }

// ValidationErrors collects every problem of one record, so a form can mark
// all offending fields at once.
type ValidationErrors []*ValidationError

func (es ValidationErrors) Error() string {
	if len(es) == 0 {
		return "no validation errors"
	}
	s := es[0].Error()
	for _, e := range es[1:] {
		s += "；" + e.Error()
	}
	return s
}

// Field returns the message for one field, or "" when it is fine.
func (es ValidationErrors) Field(name string) string {
	for _, e := range es {
		if e.Field == name {
			return e.Msg
		}
	}
	return ""
}

// UserMessage is the one place where errors become the Chinese sentences a
// user reads. Validation errors already are such sentences; everything else
// says what happened and that nothing was changed.
func UserMessage(err error) string {
	var ves ValidationErrors
	var ve *ValidationError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ves):
		lines := make([]string, len(ves))
		for i, e := range ves {
			lines[i] = e.Error()
		}
		return strings.Join(lines, "\n")
	case errors.As(err, &ve):
		return ve.Error()
	case errors.Is(err, ErrNotFound):
		return "记录不存在，可能已被删除。请刷新后重试。"
	case errors.Is(err, ErrConflict):
		return "数据已存在，不能重复创建。"
	case errors.Is(err, ErrTooNew):
		return "该数据库由更新版本的“政协履职”创建，请升级本程序后再打开。"
	case errors.Is(err, ErrImportHasIssues):
		return "导入数据中仍有错误，未导入任何数据。请修改表格后重新导入。"
	case errors.Is(err, context.Canceled):
		return "操作已取消，数据未更改。"
	}
	msg := err.Error()
	if zh, tech := systemMessage(err); zh != "" {
		switch {
		case tech != "" && strings.Contains(msg, tech):
			// the Chinese sentence in place of the driver's or system's
			// text, keeping what the caller said around it when Chinese
			before, after, _ := strings.Cut(msg, tech)
			if before = trimASCIITail(before); hasHan(before + after) {
				return before + zh + after
			}
			return zh
		case hasHan(msg):
			return msg // a sentence of ours that names no technical text (FileProblem)
		}
		return zh
	}
	if hasHan(msg) {
		return msg
	}
	return "操作失败，数据未更改。\n技术信息：" + msg
}

// Sentences for the failures of SQLite and of the disk that a user can act
// on: what happened, that nothing was saved, and what to do.
const (
	msgBusy     = "数据库正被另一个程序使用（可能是另一个“政协履职”窗口，或正在运行的命令行），数据未保存。请稍后再试，或关闭另一个窗口后重试。"
	msgFull     = "磁盘空间已满，数据未保存。请清理磁盘（删除不需要的文件，或把旧备份移到别处）后重试。"
	msgReadOnly = "数据文件是只读的，数据未保存。请检查文件或文件夹的权限（U盘是否有写保护），然后重试。"
	msgIO       = "读写磁盘时出错，数据未保存。请检查磁盘或U盘是否已拔出或损坏，然后重试；如仍出错，请运行 zhengxie check 检查数据文件。"
	msgCorrupt  = "数据文件已损坏或不是“政协履职”的数据库，数据未更改。请在“设置 → 备份与恢复”中恢复最近的备份，或运行 zhengxie check 查看详情。"
	msgCantOpen = "无法打开数据文件：文件夹不存在或没有访问权限。请检查数据文件的位置和权限。"
	msgPerm     = "没有访问数据文件的权限，数据未保存。请检查文件或文件夹的权限。"
)

// systemMessage is the Chinese sentence for a SQLite result code (by the
// driver's code, not its text) or a full disk, and the technical text it
// replaces; "" when err is neither.
func systemMessage(err error) (zh, tech string) {
	var se *sqlite.Error
	if errors.As(err, &se) {
		zh := ""
		switch primaryCode(se.Code()) {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			zh = msgBusy
		case sqlite3.SQLITE_FULL:
			zh = msgFull
		case sqlite3.SQLITE_READONLY:
			zh = msgReadOnly
		case sqlite3.SQLITE_IOERR:
			zh = msgIO
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			zh = msgCorrupt
		case sqlite3.SQLITE_CANTOPEN:
			zh = msgCantOpen
		case sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
			zh = msgPerm
		}
		if zh != "" {
			return zh, se.Error()
		}
	}
	if DiskFull(err) {
		var pe *fs.PathError
		var le *os.LinkError
		var errno syscall.Errno
		switch {
		case errors.As(err, &pe):
			return msgFull, pe.Error()
		case errors.As(err, &le):
			return msgFull, le.Error()
		case errors.As(err, &errno):
			return msgFull, errno.Error()
		}
		return msgFull, ""
	}
	return "", ""
}

// sqliteCode is the result code of the SQLite error in err's chain: an
// extended code (the driver turns them on), 0 when err is not SQLite's.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// primaryCode is the primary result code of an extended one
// (SQLITE_CONSTRAINT of SQLITE_CONSTRAINT_UNIQUE).
func primaryCode(code int) int { return code & 0xff }

// isUniqueViolation reports whether err is SQLite refusing a second row
// with the same key: a UNIQUE index or the primary key.
func isUniqueViolation(err error) bool {
	code := sqliteCode(err)
	return code == sqlite3.SQLITE_CONSTRAINT_UNIQUE || code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// isCorrupt reports whether SQLite found the file damaged (SQLITE_CORRUPT)
// or not a database at all (SQLITE_NOTADB).
func isCorrupt(err error) bool {
	code := primaryCode(sqliteCode(err))
	return code == sqlite3.SQLITE_CORRUPT || code == sqlite3.SQLITE_NOTADB
}

// DiskFull reports whether err is the operating system saying the disk is
// full (ENOSPC; ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows).
func DiskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	var errno syscall.Errno
	return runtime.GOOS == "windows" && errors.As(err, &errno) && (errno == 112 || errno == 39)
}

// trimASCIITail drops the Go wrappers ("create member: ") that stand
// between a Chinese sentence and the technical text it wraps.
func trimASCIITail(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if r >= utf8.RuneSelf {
			break
		}
		i -= size
	}
	return s[:i]
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}
