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

func TestCommitteeLevel(t *testing.T) {
	for _, c := range []struct {
		c    Committee
		want string
	}{
		{Committee{Name: "政协清河县委员会", ShortName: "清河县"}, "县"},
		{Committee{Name: "政协上海市闵行区委员会"}, "区"},
		{Committee{Name: "政协桐城市委员会", ShortName: "桐城市"}, "市"},
		{Committee{Name: "政协某某委员会"}, "县"},
	} {
		if got := CommitteeLevel(c.c); got != c.want {
			t.Errorf("CommitteeLevel(%s) = %s, want %s", c.c.Name, got, c.want)
		}
	}
}
