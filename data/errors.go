package data

import (
	"context"
	"errors"
	"fmt"
	"strings"
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
	if hasHan(msg) {
		return msg
	}
	return "操作失败，数据未更改。\n技术信息：" + msg
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}
