package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"syscall"

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

// UserError is a failure told in the user's words: Msg is the whole
// Chinese sentence a user reads (what happened, that nothing was changed,
// what to do); Err, when there is one, is the technical cause, kept for
// errors.Is/As and the log but never shown. It is the one error type whose
// text reaches the user as it is (besides *ValidationError and
// ValidationErrors, which name a field): a Chinese sentence in a plain
// error does not, so a driver's English wrapped with a Chinese prefix
// cannot slip through.
type UserError struct {
	Msg string
	Err error
}

func (e *UserError) Error() string { return e.Msg }
func (e *UserError) Unwrap() error { return e.Err }

// UserErr is a *UserError with no technical cause.
func UserErr(msg string) error { return &UserError{Msg: msg} }

// UserErrf is a *UserError caused by err (nil for none), its sentence
// formatted as by fmt.Sprintf. To say why, a caller puts the cause's own
// sentence into the text: UserErrf(err, "无法读取 %s：%s", path, UserMessage(err)).
func UserErrf(err error, format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...), Err: err}
}

// userSentence makes the error of a pure domain package (assess, proposal,
// validate), whose text is a Chinese sentence by that package's contract
// but which cannot import data, a *UserError at the store's boundary.
func userSentence(err error) error {
	if err == nil {
		return nil
	}
	return &UserError{Msg: err.Error(), Err: err}
}

// UserMessage is the one place where errors become the Chinese sentences a
// user reads: the sentence of the *UserError found in err's chain, or the
// field messages of a validation error; a known condition (not found, busy,
// disk full, cancelled …) gets its sentence; anything else says the
// operation failed and nothing was changed, with the technical text on a
// line of its own for support.
func UserMessage(err error) string {
	var ue *UserError
	var ves ValidationErrors
	var ve *ValidationError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ue):
		return ue.Msg
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
	if zh := systemMessage(err); zh != "" {
		return zh
	}
	return msgUnknown + "\n技术信息：" + err.Error()
}

// Sentences for the failures of SQLite and of the disk that a user can act
// on: what happened, that nothing was saved, and what to do.
const (
	msgUnknown  = "操作失败，数据未更改。"
	msgBusy     = "数据库正被另一个程序使用（可能是另一个“政协履职”窗口，或正在运行的命令行），数据未保存。请稍后再试，或关闭另一个窗口后重试。"
	msgFull     = "磁盘空间已满，数据未保存。请清理磁盘（删除不需要的文件，或把旧备份移到别处）后重试。"
	msgReadOnly = "数据文件是只读的，数据未保存。请检查文件或文件夹的权限（U盘是否有写保护），然后重试。"
	msgIO       = "读写磁盘时出错，数据未保存。请检查磁盘或U盘是否已拔出或损坏，然后重试；如仍出错，请运行 zhengxie check 检查数据文件。"
	msgCorrupt  = "数据文件已损坏或不是“政协履职”的数据库，数据未更改。请在“设置 → 备份与恢复”中恢复最近的备份，或运行 zhengxie check 查看详情。"
	msgCantOpen = "无法打开数据文件：文件夹不存在或没有访问权限。请检查数据文件的位置和权限。"
	msgPerm     = "没有访问数据文件的权限，数据未保存。请检查文件或文件夹的权限。"
	msgNotExist = "找不到该文件或文件夹，请检查路径是否正确。"
	msgFilePerm = "没有访问该文件或文件夹的权限，请检查权限后重试。"
)

// systemMessage is the Chinese sentence for a SQLite result code (by the
// driver's code, not its text) or a full disk; "" when err is neither.
func systemMessage(err error) string {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch primaryCode(se.Code()) {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return msgBusy
		case sqlite3.SQLITE_FULL:
			return msgFull
		case sqlite3.SQLITE_READONLY:
			return msgReadOnly
		case sqlite3.SQLITE_IOERR:
			return msgIO
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return msgCorrupt
		case sqlite3.SQLITE_CANTOPEN:
			return msgCantOpen
		case sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
			return msgPerm
		}
	}
	switch {
	case DiskFull(err):
		return msgFull
	case errors.Is(err, fs.ErrNotExist):
		return msgNotExist
	case errors.Is(err, fs.ErrPermission):
		return msgFilePerm
	}
	return ""
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
