package data

import "testing"

func TestIssueNameSaysQiOnce(t *testing.T) {
	for in, want := range map[string]string{
		"2026年第8期": "2026年第8期", // as the office types it (and the demo county has it)
		"第8期":      "第8期",
		"8":        "第8期",
		" 12 ":     "第12期",
		"第3":       "第3期",
		"2026-8":   "第2026-8期",
		"":         "",
	} {
		if got := IssueName(in); got != want {
			t.Errorf("IssueName(%q) = %q, want %q", in, got, want)
		}
	}
}
