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
	// 第003号 was not filed: no 交办单 full of "—", but the reason, and no file.
	rejected := filepath.Join(t.TempDir(), "rejected.pdf")
	code, _, errOut = run(t, "--db", db, "report", "form", "--proposal", "3", "--session", "5", "--out", rejected)
	if code != ExitError || !strings.Contains(errOut, "第003号提案“关于解决本人子女入学问题的建议”不予立案，没有交办承办单位，不能生成提案交办单和征询意见表") {
		t.Errorf("a rejected proposal's forms: %d %s", code, errOut)
	}
	if _, err := os.Stat(rejected); !os.IsNotExist(err) {
		t.Errorf("a refused form left a file: %v", err)
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

func TestReportTextIsKeptForTheNextReport(t *testing.T) {
	db := proposalDB(t)
	code, out, errOut := run(t, "--db", db, "report", "text", "--session", "5")
	if code != ExitOK || !strings.Contains(out, "【主要做法】\n（一）") || !strings.Contains(out, "【存在的不足】") {
		t.Fatalf("default text: %d %s %s", code, out, errOut)
	}
	file := filepath.Join(t.TempDir(), "text.txt")
	edited := strings.Replace(out, "【存在的不足】\n", "【存在的不足】\n一是提案质量参差不齐，个别提案调研不深。\n", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut = run(t, "--db", db, "report", "text", "--session", "5", "--set", file); code != ExitOK ||
		!strings.Contains(out, "已保存") {
		t.Fatalf("--set: %d %s %s", code, out, errOut)
	}
	// The next session's report starts from the saved text.
	if code, out, _ = run(t, "--db", db, "report", "text", "--session", "4"); !strings.Contains(out, "一是提案质量参差不齐") {
		t.Errorf("saved text not carried over: %d %s", code, out)
	}
	os.WriteFile(file, []byte("【做法】\n甲\n"), 0o644)
	if code, _, errOut = run(t, "--db", db, "report", "text", "--session", "5", "--set", file); code != ExitError ||
		!strings.Contains(errOut, "第 1 行：没有名为“做法”的部分") {
		t.Errorf("bad file: %d %s", code, errOut)
	}
}
