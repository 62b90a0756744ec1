package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportProposalsWritesTheSameFileForTheSameDate(t *testing.T) {
	db := proposalDB(t)
	dir := t.TempDir()
	var files [][]byte
	for _, name := range []string{"a.pdf", "b.pdf"} {
		out := filepath.Join(dir, name)
		code, stdout, errOut := run(t, "--db", db, "report", "proposals", "--session", "5", "--out", out, "--date", "2026-01-05")
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if !strings.Contains(stdout, "收到提案 3 件，立案 2 件，立案率 66.7%") {
			t.Errorf("summary line: %s", stdout)
		}
		b, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("%s is not a PDF: %v", out, err)
		}
		files = append(files, b)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two runs with the same --date gave different files")
	}
}

func TestReportFormFindsTheProposalByNumber(t *testing.T) {
	db := proposalDB(t)
	out := filepath.Join(t.TempDir(), "form.pdf")
	code, stdout, errOut := run(t, "--db", db, "report", "form", "--proposal", "第001号", "--session", "5", "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "提案交办单和提案办理情况征询意见表") {
		t.Fatalf("exit %d: %s %s", code, stdout, errOut)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = run(t, "--db", db, "report", "form", "--proposal", "9", "--session", "5", "--out", out)
	if code != ExitError || !strings.Contains(errOut, "没有案号为 9 的提案") {
		t.Errorf("unknown number: %d %s", code, errOut)
	}
	for _, args := range [][]string{
		{"report"}, {"report", "proposals"}, {"report", "proposals", "--out", out, "--session", "5", "--year", "2026"},
		{"report", "form", "--out", out}, {"report", "form", "--proposal", "x", "--out", out},
		{"report", "proposals", "--out", out, "--date", "5.1.2026"},
	} {
		if code, _, _ := run(t, append([]string{"--db", db}, args...)...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, ExitUsage)
		}
	}
}
