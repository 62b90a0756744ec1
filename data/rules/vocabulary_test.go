package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/assess"
)

// The shipped presets and the documented example name only what a new
// database knows, except the county record types a preset's opening
// comments tell the office to add; with those added they are admitted unchanged
// and print every item under its own column.
func TestPresetsAndExampleUseNamesANewDatabaseKnows(t *testing.T) {
	paths := []string{filepath.Join("..", "..", "docs", "examples", "guangshui.toml")}
	for _, name := range presetFiles {
		paths = append(paths, filepath.Join("..", "..", "assets", "presets", name))
	}
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		cfg := data.DefaultActivityConfig()
		_, _, err = AdmitWith(data.RuleVocabulary(cfg), rs)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n")[1:] {
				typ, ok := unknownRecordType(line)
				if !ok || !documented(string(raw), typ) {
					t.Errorf("%s: %s (not a record type its comments tell the office to add)", rs.Name, line)
					continue
				}
				cfg.RecordTypes = append(cfg.RecordTypes, typ)
			}
		}
		got, warnings, err := AdmitWith(data.RuleVocabulary(cfg), rs)
		if err != nil {
			t.Errorf("%s with its record types added: %v", rs.Name, err)
			continue
		}
		if len(warnings) > 0 {
			t.Errorf("%s: %q", rs.Name, warnings)
		}
		a, _ := Format(rs)
		b, _ := Format(got)
		if string(a) != string(b) {
			t.Errorf("%s: admitting changed names that were already known", rs.Name)
		}
	}
}

// documented reports whether the file's opening comments name typ.
func documented(raw, typ string) bool {
	for _, line := range strings.Split(raw, "\n") {
		if !strings.HasPrefix(line, "#") {
			return false
		}
		if strings.Contains(line, "“"+typ+"”") {
			return true
		}
	}
	return false
}

// unknownRecordType reads the record type out of a refusal line.
func unknownRecordType(line string) (string, bool) {
	_, rest, ok := strings.Cut(line, "types中的“")
	if !ok || !strings.Contains(rest, "不是本库已知的其他履职类型") {
		return "", false
	}
	typ, _, _ := strings.Cut(rest, "”")
	return typ, true
}

// An alias is stored as the name it stands for, so the explanation shows
// that name, and scores like it.
func TestAdmitAliasScoresLikeTheKnownName(t *testing.T) {
	const file = `name = "别名"
[[item]]
name = "参加全会"
  [[item.rule]]
  name = "全会出席"
  kind = "event"
  types = [%q]
  statuses = ["出席"]
  points = 5
  [[item.rule]]
  name = "全会缺席"
  kind = "event"
  types = [%q]
  by_status = { %q = -3 }
`
	facts := assess.Facts{Year: 2026, Members: []assess.Member{{ID: 1, Name: "张明"}}, Records: map[int64][]assess.Record{1: {
		{ID: 1, Kind: assess.KindEvent, Type: "全体会议", Status: "出席", Date: "2026-01-05", Authors: 1},
		{ID: 2, Kind: assess.KindEvent, Type: "全体会议", Status: "缺席(无故)", Date: "2026-06-05", Authors: 1},
	}}}
	v := data.RuleVocabulary(data.DefaultActivityConfig())
	score := func(typ, status string) (assess.RuleSet, string) {
		t.Helper()
		rs, err := Parse([]byte(fmt.Sprintf(file, typ, typ, status)))
		if err != nil {
			t.Fatal(err)
		}
		rs, _, err = AdmitWith(v, rs)
		if err != nil {
			t.Fatalf("%s/%s refused: %v", typ, status, err)
		}
		res, err := assess.Evaluate(rs, facts)
		if err != nil {
			t.Fatal(err)
		}
		return rs, res.Members[0].Total.Exact()
	}
	_, want := score("全体会议", "缺席(无故)")
	rs, got := score("全会", "无故缺席")
	if got != want || want != "2" {
		t.Errorf("total with aliases %s, with the names %s, want 2", got, want)
	}
	r := rs.Items[0].Rules
	if r[0].Types[0] != "全体会议" || r[1].ByStatus["缺席(无故)"].Sign() >= 0 {
		t.Errorf("aliases kept: %+v", r)
	}
}
