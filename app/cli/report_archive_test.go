package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReportArchiveWritesAFolderOrOneFile(t *testing.T) {
	db := assessDB(t)
	dir := filepath.Join(t.TempDir(), "档案")
	code, stdout, errOut := run(t, "--db", db, "report", "archive", "--out", dir, "--date", "2026-12-01")
	if code != ExitOK || !strings.Contains(stdout, "委员履职档案 3 份，每人一个文件") {
		t.Fatalf("exit %d: %s %s", code, stdout, errOut)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	if want := []string{"001_张明.pdf", "002_李红.pdf", "003_王强.pdf"}; !slices.Equal(names, want) {
		t.Fatalf("files %v, want %v", names, want)
	}

	one := filepath.Join(t.TempDir(), "王强.pdf")
	code, stdout, errOut = run(t, "--db", db, "report", "archive", "--member", "王强", "--out", one, "--date", "2026-12-01")
	if code != ExitOK || !strings.Contains(stdout, "1 份（一个文件）") {
		t.Fatalf("one member: exit %d: %s %s", code, stdout, errOut)
	}
	a, _ := os.ReadFile(one)
	b, _ := os.ReadFile(filepath.Join(dir, "003_王强.pdf"))
	if !bytes.HasPrefix(a, []byte("%PDF-")) || len(a) < 1000 {
		t.Fatalf("%s is not a PDF", one)
	}
	if len(b) == 0 {
		t.Fatal("003_王强.pdf is empty")
	}

	code, _, errOut = run(t, "--db", db, "report", "archive", "--member", "赵六", "--out", one)
	if code != ExitError || !strings.Contains(errOut, "没有名为“赵六”的委员") {
		t.Errorf("unknown member: exit %d, %s", code, errOut)
	}
	for _, args := range [][]string{{"report", "archive"}, {"report", "archive", "--out", dir, "--session", "5"},
		{"report", "archive", "--out", dir, "--date", "1.12.2026"}} {
		if code, _, _ := run(t, append([]string{"--db", db}, args...)...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

func TestReportNoticeNamesThePeriod(t *testing.T) {
	db := assessDB(t)
	if code, _, errOut := run(t, "--db", db, "import", "rules", rulesFile(t), "--year", "2026"); code != ExitOK {
		t.Fatalf("import rules: %s", errOut)
	}
	out := filepath.Join(t.TempDir(), "公示.pdf")
	// 2026-12-05 is a Saturday: the 公示期 starts on Monday the 7th and
	// ends on Friday the 11th.
	code, stdout, errOut := run(t, "--db", db, "report", "notice", "--year", "2026", "--rules", "测试规则", "--out", out,
		"--date", "2026-12-05", "--phone", "0312-1234567")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(stdout, "关于2026年度委员履职考核结果的公示：3 名委员，公示期 2026-12-07 至 2026-12-11") {
		t.Errorf("summary: %s", stdout)
	}
	for _, args := range [][]string{{"report", "notice", "--out", out}, {"report", "notice", "--year", "2026"},
		{"report", "notice", "--year", "2026", "--out", out, "--rules", "测试规则", "--order", "name"}} {
		code, _, errOut := run(t, append([]string{"--db", db}, args...)...)
		if code == ExitOK {
			t.Errorf("%q: exit %d (%s)", args, code, errOut)
		}
	}
}
