// Package validate holds the pure checks and normalisers for member data:
// 身份证号 (GB 11643), phone numbers, and the many ways a date is written in
// the sheets county offices keep. Messages are Chinese and do not name the
// field: callers add the field label.
package validate

import "errors"

// IDInfo is what a valid 身份证号 tells.
type IDInfo struct {
	Number string // normalised 18-character number, upper-case X
	Birth  string // "YYYY-MM-DD"
	Gender string // "男" or "女"
}

// IDCard normalises and checks a 身份证号 (STUB: being implemented).
func IDCard(s string) (IDInfo, error) { return IDInfo{Number: s}, errors.New("未实现") }

// Phone normalises and checks a phone number (STUB).
func Phone(s string) (string, error) { return s, nil }

// YearMonth parses a 出生年月 in any common form into "YYYY-MM" (STUB).
func YearMonth(s string) (string, error) { return s, nil }

// Date parses a date in any common form into "YYYY-MM-DD" (STUB).
func Date(s string) (string, error) { return s, nil }
