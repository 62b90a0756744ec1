package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// A county sets up its structure from the command line alone: init, a new
// 届, its first session, then a proposal ledger imported into that session
// named by its number, on a fresh database that the window never opened.
func TestStructureFromCommandLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	mustRun := func(want string, args ...string) string {
		t.Helper()
		code, out, errOut := run(t, append([]string{"--db", db}, args...)...)
		if code != ExitOK || !strings.Contains(out, want) {
			t.Fatalf("%v: exit %d, out %q, err %q; want %q", args, code, out, errOut, want)
		}
		return out
	}
	mustRun("第十一届", "init", "--name", "政协清河县委员会", "--term", "11", "--start", "2021")
	mustRun("已新增第十二届（2026—2031），并设为当前届", "term", "add", "--number", "12", "--start", "2026", "--current")
	out := mustRun("12\t第十二届（2026—2031）\t当前届", "term", "list")
	if !strings.Contains(out, "11\t第十一届（2021—2026）\n") {
		t.Errorf("term list: %q", out)
	}
	mustRun("还没有登记任何会议", "session", "list")
	mustRun("已新增第十二届第一次会议（2027-01-10 至 2027-01-13）",
		"session", "add", "--number", "1", "--date", "2027-01-10", "--end", "2027-01-13")
	mustRun("已新增第十一届第五次会议（2026-01-08）", "session", "add", "--number", "5", "--date", "2026-01-08", "--term", "11")
	out = mustRun("1\t第十二届第一次会议\t2027-01-10 至 2027-01-13", "session", "list")
	if strings.Contains(out, "第五次") {
		t.Errorf("session list of the current term shows the 11th term's session: %q", out)
	}
	mustRun("5\t第十一届第五次会议", "session", "list", "--term", "11")
	code, _, errOut := run(t, "--db", db, "session", "add", "--number", "1", "--date", "2027-01-12")
	if code != ExitError || !strings.Contains(errOut, "第一次会议已存在") {
		t.Errorf("a repeated session: %d %q", code, errOut)
	}
	code, _, errOut = run(t, "--db", db, "session", "add", "--number", "2", "--date", "2027-13-01")
	if code != ExitError || !strings.Contains(errOut, "开始日期") {
		t.Errorf("a wrong date: %d %q", code, errOut)
	}

	ledger := writeLedger(t, [][]string{
		{"1", "关于加强农村道路养护的建议", "张明", "经济建设", "2027-01-11", "已提交"},
		{"2", "关于发展县域托育服务的建议", "李红", "社会建设", "2027-01-11", "已提交"},
	})
	// A session the term does not have: the sessions it has, and how to add one.
	code, _, errOut = run(t, "--db", db, "import", "proposals", ledger, "--session", "3", "--keep-unmatched", "--yes")
	if code != ExitError || !strings.Contains(errOut, "第十二届没有第三次会议。本届已有的会次：1（第一次会议）") ||
		!strings.Contains(errOut, "zhengxie session add --number 3") {
		t.Errorf("missing session: %d %q", code, errOut)
	}
	mustRun("", "import", "proposals", ledger, "--session", "1", "--keep-unmatched", "--yes")

	ctx := context.Background()
	s, err := data.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	term, _ := s.CurrentTerm(ctx)
	sessions, _ := s.ListSessions(ctx, term.ID)
	if term.Number != 12 || len(sessions) != 1 {
		t.Fatalf("term %d with %d sessions", term.Number, len(sessions))
	}
	got, _ := s.ListProposals(ctx, data.ProposalFilter{SessionID: sessions[0].ID})
	if len(got) != 2 {
		t.Fatalf("%d proposals in 第一次会议, want 2", len(got))
	}
}

// A term without sessions says so, and how to add the first.
func TestImportProposalsIntoTermWithoutSessions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if code, _, errOut := run(t, "--db", db, "init", "--name", "政协清河县委员会", "--term", "11", "--start", "2021"); code != ExitOK {
		t.Fatal(errOut)
	}
	ledger := writeLedger(t, [][]string{{"1", "关于加强农村道路养护的建议", "张明", "经济建设", "2026-01-11", "已提交"}})
	code, _, errOut := run(t, "--db", db, "import", "proposals", ledger, "--session", "1")
	if code != ExitError || !strings.Contains(errOut, "第十一届没有第一次会议：本届还没有登记任何会议") ||
		!strings.Contains(errOut, "zhengxie session add --number 1") {
		t.Errorf("%d %q", code, errOut)
	}
}

// The 履职 lists and the per-term lists grow from the command line and the
// window's settings read what was added.
func TestCatalogListAndAdd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	if code, _, errOut := run(t, "--db", db, "init", "--name", "政协清河县委员会", "--term", "11", "--start", "2021"); code != ExitOK {
		t.Fatal(errOut)
	}
	code, out, _ := run(t, "--db", db, "catalog", "list")
	if code != ExitOK || !strings.Contains(out, "其他履职类型：学习笔记") || !strings.Contains(out, "界别（第十一届）：") {
		t.Fatalf("catalog list: %d %q", code, out)
	}
	for _, c := range [][]string{{"履职类型", "结对帮扶"}, {"社情民意采用级别", "市委市政府"}, {"表彰级别", "乡镇"}, {"界别", "新社会阶层"}} {
		code, out, errOut := run(t, "--db", db, "catalog", "add", c[0], c[1])
		if code != ExitOK || !strings.Contains(out, "新增“"+c[1]+"”") {
			t.Fatalf("catalog add %v: %d %q %q", c, code, out, errOut)
		}
	}
	code, out, _ = run(t, "--db", db, "catalog", "list", "其他履职类型")
	if code != ExitOK || out != "学习笔记\n心得体会文章\n文史资料\n调研报告\n结对帮扶\n" {
		t.Errorf("record types: %d %q", code, out)
	}
	ctx := context.Background()
	s, err := data.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := s.ActivityConfig(ctx)
	term, _ := s.CurrentTerm(ctx)
	sectors, _ := s.CatalogNames(ctx, term.ID, data.KindSector)
	s.Close()
	if last := cfg.AdoptLevels[len(cfg.AdoptLevels)-1]; last != "市委市政府" {
		t.Errorf("adoption levels end with %q", last)
	}
	if last := cfg.AwardLevels[len(cfg.AwardLevels)-1]; last != "乡镇" {
		t.Errorf("award levels end with %q", last)
	}
	if sectors[len(sectors)-1] != "新社会阶层" {
		t.Errorf("sectors: %v", sectors)
	}

	code, _, errOut := run(t, "--db", db, "catalog", "add", "表彰级别", "县")
	if code != ExitError || !strings.Contains(errOut, "“县”重复") {
		t.Errorf("a repeated name: %d %q", code, errOut)
	}
	code, _, errOut = run(t, "--db", db, "catalog", "list", "级别")
	if code != ExitUsage || !strings.Contains(errOut, "没有名为“级别”的名单") || !strings.Contains(errOut, "采用级别") {
		t.Errorf("an unknown kind: %d %q", code, errOut)
	}
}

// writeLedger writes a plain proposal ledger: a header, then rows.
func writeLedger(t *testing.T, rows [][]string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range append([][]string{{"案号", "案由", "提案人", "类别", "提交日期", "状态"}}, rows...) {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			f.SetCellStr("Sheet1", cell, v)
		}
	}
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}
