package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportAnnualWritesTheYearsFigures(t *testing.T) {
	db := proposalDB(t)
	out := filepath.Join(t.TempDir(), "annual.pdf")
	code, stdout, errOut := run(t, "--db", db, "report", "annual", "--year", "2026", "--out", out, "--date", "2026-01-05")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(stdout, "2026年工作回顾") || !strings.Contains(stdout, "收到提案 3 件") {
		t.Errorf("summary line: %s", stdout)
	}
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("%s is not a PDF: %v", out, err)
	}
	code, _, errOut = run(t, "--db", db, "report", "annual", "--year", "2031", "--out", out)
	if code == ExitOK || !strings.Contains(errOut, "2031年不在任何一届") {
		t.Errorf("a year outside every term: %d %s", code, errOut)
	}
	code, _, errOut = run(t, "--db", db, "report", "annual", "--year", "2019", "--term", "11", "--out", out)
	if code == ExitOK || !strings.Contains(errOut, "2019年不在第十一届（2021—2026年）之内") {
		t.Errorf("a year outside the term: %d %s", code, errOut)
	}
	for _, args := range [][]string{{"report", "annual"}, {"report", "annual", "--session", "5", "--out", out}} {
		if code, _, _ := run(t, append([]string{"--db", db}, args...)...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, ExitUsage)
		}
	}
}
