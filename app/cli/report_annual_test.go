package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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

// The report's date is --date: the composition sentence is "截至" that day,
// whatever today is.
func TestReportAnnualIsAsOfItsDate(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	db := proposalDB(t)
	out := filepath.Join(t.TempDir(), "annual.pdf")
	if code, _, errOut := run(t, "--db", db, "report", "annual", "--year", "2025", "--out", out, "--date", "2026-01-05"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer("\n", "", " ", "", "\f", "").Replace(string(b))
	dates := regexp.MustCompile(`截至\d{4}年\d{1,2}月\d{1,2}日`).FindAllString(text, -1)
	if len(dates) == 0 {
		t.Fatal("the report names no 截至 date")
	}
	for _, d := range dates {
		if d != "截至2026年1月5日" {
			t.Errorf("a report dated 2026-01-05 says %q", d)
		}
	}
}
