package data

import (
	"errors"
	"fmt"
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
