package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"zhengxie/data"
)

// run runs one command line and returns exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Ctx: context.Background(), Stdout: &out, Stderr: &errOut}
	code := Run(env, args, func(string) int { t.Fatal("GUI started"); return 0 })
	return code, out.String(), errOut.String()
}

// skipDemoWhenShort skips a test that builds the whole demo county: with
// -short (the race-detector run in scripts/test.sh) that takes minutes.
func skipDemoWhenShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the demo county; runs without -short")
	}
}

func TestHelpAndUsageErrors(t *testing.T) {
	code, out, _ := run(t, "help")
	if code != ExitOK || !strings.Contains(out, "用法") || !strings.Contains(out, "import roster") {
		t.Errorf("help: %d %q", code, out)
	}
	code, _, errOut := run(t, "--db", filepath.Join(t.TempDir(), "x.db"), "frobnicate")
	if code != ExitUsage || !strings.Contains(errOut, "未知命令") {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
	code, _, errOut = run(t, "--db")
	if code != ExitUsage || !strings.Contains(errOut, "--db") {
		t.Errorf("--db without path: %d %q", code, errOut)
	}
}

func TestNoCommandStartsGUIWithDB(t *testing.T) {
	var got string
	code := Run(Env{Ctx: context.Background()}, []string{"--db=/tmp/x.db"}, func(db string) int { got = db; return 7 })
	if code != 7 || got != "/tmp/x.db" {
		t.Errorf("gui got %q, code %d", got, code)
	}
}

func members(t *testing.T, path string, termNumber int) []data.Member {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	term, err := s.TermByNumber(ctx, termNumber)
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID, ActiveOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// comparable drops what a roster sheet does not carry (database IDs).
func comparable(ms []data.Member) []string {
	var out []string
	for _, m := range ms {
		var fields []string
		for _, f := range data.RosterFields {
			fields = append(fields, m.FieldValue(f))
		}
		out = append(out, strings.Join(fields, "|"))
	}
	slices.Sort(out)
	return out
}

// TestRosterRoundTrip: demo → export roster → import into an empty
// database gives the same people, field by field.
func TestRosterRoundTrip(t *testing.T) {
	skipDemoWhenShort(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	sheet := filepath.Join(dir, "名册.xlsx")
	if code, out, errOut := run(t, "--db", a, "demo"); code != ExitOK {
		t.Fatalf("demo: %d %s %s", code, out, errOut)
	}
	if code, out, errOut := run(t, "--db", a, "export", "roster", sheet, "--full", "--full-id"); code != ExitOK ||
		!strings.Contains(out, "已导出") || !strings.Contains(errOut, "完整的身份证号") {
		t.Fatalf("export: %d %s %s", code, out, errOut)
	}

	// An empty database has no term yet: import says how to start.
	code, _, errOut := run(t, "--db", b, "import", "roster", sheet)
	if code != ExitError || !strings.Contains(errOut, "还没有届次") {
		t.Fatalf("import into unset db: %d %q", code, errOut)
	}
	s, err := data.Open(context.Background(), b)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetUp(context.Background(), data.Setup{
		Committee: data.Committee{Name: "政协清河县委员会"},
		Term:      data.Term{Number: 11, StartYear: 2021, EndYear: 2026},
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	code, out, errOut := run(t, "--db", b, "import", "roster", sheet)
	if code != ExitOK || !strings.Contains(out, "未写入数据") {
		t.Fatalf("preview: %d %s %s", code, out, errOut)
	}
	if n := len(members(t, b, 11)); n != 0 {
		t.Fatalf("preview wrote %d members", n)
	}
	code, out, errOut = run(t, "--db", b, "import", "roster", sheet, "--yes")
	if code != ExitOK || !strings.Contains(out, "导入完成") {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	want, got := comparable(members(t, a, 11)), comparable(members(t, b, 11))
	if len(want) < 100 {
		t.Fatalf("demo has only %d active members", len(want))
	}
	if !slices.Equal(want, got) {
		for i := range min(len(want), len(got)) {
			if want[i] != got[i] {
				t.Fatalf("first difference:\n want %s\n  got %s", want[i], got[i])
			}
		}
		t.Fatalf("want %d members, got %d", len(want), len(got))
	}
	if code, out, _ := run(t, "--db", b, "check"); code != ExitOK || !strings.Contains(out, "检查通过") {
		t.Errorf("check: %d %s", code, out)
	}
}

func TestImportOfBrokenSheetExitsWithIssues(t *testing.T) {
	skipDemoWhenShort(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, _, errOut := run(t, "--db", db, "demo"); code != ExitOK {
		t.Fatal(errOut)
	}
	garbage := filepath.Join(dir, "坏文件.xlsx")
	if err := os.WriteFile(garbage, []byte("not a spreadsheet"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "--db", db, "import", "roster", garbage, "--yes")
	if code != ExitError || !strings.Contains(errOut, "Excel") {
		t.Errorf("garbage: %d %q", code, errOut)
	}
	// A template has no rows: nothing to import, and nothing changes.
	tpl := filepath.Join(dir, "模板.xlsx")
	if code, _, errOut := run(t, "template", tpl); code != ExitOK {
		t.Fatal(errOut)
	}
	before := len(members(t, db, 11))
	code, out, errOut := run(t, "--db", db, "import", "roster", tpl, "--yes")
	if code == ExitOK && !strings.Contains(out, "新增 0 人") {
		t.Errorf("template import: %d %q %q", code, out, errOut)
	}
	if after := len(members(t, db, 11)); after != before {
		t.Errorf("members %d → %d", before, after)
	}
}
