package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// proposalDB is a database with a term, two sessions and three proposals
// of the fifth: a joint one answered (A) and rated, one still being handled
// and one not filed.
func proposalDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.db")
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	term, err := s.SetUp(ctx, data.Setup{Committee: data.Committee{Name: "政协清河县委员会", ShortName: "清河县"},
		Term: data.Term{Number: 11, StartYear: 2021, EndYear: 2026}})
	if err != nil {
		t.Fatal(err)
	}
	var fifth data.Session
	for _, n := range []int{4, 5} {
		x := data.Session{TermID: term.ID, Number: n, StartDate: "2026-01-10"}
		if err := s.SaveSession(ctx, &x); err != nil {
			t.Fatal(err)
		}
		fifth = x
	}
	var members []int64
	for _, name := range []string{"张明", "李红"} {
		m := data.Member{Person: data.Person{Name: name, Gender: "男", Birth: "1970-01"},
			Membership: data.Membership{TermID: term.ID, Party: "中共", Sector: "经济界"}}
		if err := s.CreateMember(ctx, &m); err != nil {
			t.Fatal(err)
		}
		members = append(members, m.Membership.ID)
	}
	var units []int64
	for _, name := range []string{"县教育局", "县交通运输局"} {
		u := data.Unit{Name: name, Kind: "县直部门"}
		if err := s.SaveUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
		units = append(units, u.ID)
	}
	add := func(title string, proposers ...int64) int64 {
		p := data.Proposal{SessionID: fifth.ID, Title: title, Category: "社会建设", Sector: "经济界", Submitted: "2026-01-11"}
		for _, id := range proposers {
			p.Proposers = append(p.Proposers, data.Proposer{MembershipID: id})
		}
		if err := s.CreateProposal(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	do := func(id int64, steps ...data.Step) {
		for _, st := range steps {
			if err := s.Apply(ctx, id, st); err != nil {
				t.Fatalf("%s: %v", st.Action, err)
			}
		}
	}
	assign := data.Step{Action: proposal.ActAssign, Date: "2026-02-20", Mode: proposal.ModeLead,
		Units: []data.Assignment{{UnitID: units[0], Role: proposal.RoleLead}, {UnitID: units[1], Role: proposal.RoleCo}}}
	a := add("关于改善城区学校周边交通秩序的建议", members[0], members[1])
	do(a, data.Step{Action: proposal.ActFile, Date: "2026-01-15"}, assign,
		data.Step{Action: proposal.ActAnswer, Answer: data.Answer{UnitID: units[0], Date: "2026-04-28", Class: "A"}},
		data.Step{Action: proposal.ActRate, Date: "2026-05-10", Rating: data.Rating{Seq: 1, Verdict: "满意"}},
		data.Step{Action: proposal.ActRate, Date: "2026-05-10", Rating: data.Rating{Seq: 2, Verdict: "基本满意"}})
	b := add("关于发展林下经济的建议", members[1])
	do(b, data.Step{Action: proposal.ActFile, Date: "2026-01-15"}, assign)
	c := add("关于解决本人子女入学问题的建议", members[0])
	do(c, data.Step{Action: proposal.ActReject, Date: "2026-01-15", Reason: "涉及提案者本人及其亲属的个人事务", Disposition: "转社情民意"})
	return path
}

func openSheet(t *testing.T, path string) (*excelize.File, [][]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	return f, rows
}

func TestExportLedgerOfASession(t *testing.T) {
	db := proposalDB(t)
	out := filepath.Join(t.TempDir(), "台账.xlsx")
	code, stdout, stderr := run(t, "--db", db, "export", "ledger", out, "--session", "5")
	if code != ExitOK || strings.TrimSpace(stdout) != "已导出第十一届第五次会议提案台账，共 3 件："+out {
		t.Fatalf("export ledger: %d %q %q", code, stdout, stderr)
	}
	f, rows := openSheet(t, out)
	if rows[0][0] != "政协清河县第十一届委员会第五次会议提案台账" || rows[2][0] != "序号" {
		t.Fatalf("title %q, header %v", rows[0][0], rows[2])
	}
	first := strings.Join(rows[3], "|")
	for _, want := range []string{"|第001号|关于改善城区学校周边交通秩序的建议|", "|张明、李红|经济界|大会|", "|已答复|县教育局|县交通运输局|",
		"|2026-02-20|2026-05-20|2026-04-28|A|满意1\n基本满意1"} {
		if !strings.Contains(first, want) {
			t.Errorf("first row lacks %q:\n%s", want, first)
		}
	}
	if third := strings.Join(rows[5], "|"); !strings.Contains(third, "|不予立案\n转社情民意|") {
		t.Errorf("third row %s", third)
	}
	if !strings.HasPrefix(rows[6][0], "共 3 件，其中立案 2 件（已交办 2 件，已答复 1 件，办结 0 件），不予立案 1 件。") {
		t.Errorf("totals %q", rows[6][0])
	}
	if layout, _ := f.GetPageLayout("提案台账"); *layout.Orientation != "landscape" || *layout.FitToWidth != 1 {
		t.Errorf("layout %+v", layout)
	}
}

func TestExportLedgerOfTheTerm(t *testing.T) {
	db := proposalDB(t)
	out := filepath.Join(t.TempDir(), "全届台账.xlsx")
	code, stdout, stderr := run(t, "--db", db, "export", "ledger", out)
	if code != ExitOK || !strings.Contains(stdout, "已导出第十一届提案台账，共 3 件") {
		t.Fatalf("export ledger: %d %q %q", code, stdout, stderr)
	}
	_, rows := openSheet(t, out)
	if rows[0][0] != "政协清河县第十一届委员会提案台账" || rows[2][0] != "会次" || rows[3][0] != "五次" {
		t.Errorf("title %q, 会次 %q / %q", rows[0][0], rows[2][0], rows[3][0])
	}
}

func TestExportUnits(t *testing.T) {
	db := proposalDB(t)
	out := filepath.Join(t.TempDir(), "承办单位.xlsx")
	code, stdout, stderr := run(t, "--db", db, "export", "units", out, "--session", "5", "--term", "11")
	if code != ExitOK || !strings.Contains(stdout, "已导出第十一届第五次会议承办单位办理情况统计表，共 2 个承办单位") {
		t.Fatalf("export units: %d %q %q", code, stdout, stderr)
	}
	_, rows := openSheet(t, out)
	if rows[0][0] != "政协清河县第十一届委员会第五次会议提案承办单位办理情况统计表" {
		t.Errorf("title %q", rows[0][0])
	}
	// 县教育局 leads both filed proposals and answered one; 县交通运输局
	// co-handles both. The second proposal's deadline (2026-05-20) is past.
	for i, want := range []string{
		"1|县教育局|县直部门|2|0|0|2|1|50.0%|1|1|0|0|1|1|0|100.0%",
		"2|县交通运输局|县直部门|0|2|0|0|0|—|0|0|0|0|0|0|0|—",
		"合计|||2|2|0|2|1|50.0%|1|1|0|0|1|1|0|100.0%",
	} {
		if got := strings.Join(rows[3+i], "|"); got != want {
			t.Errorf("row %d\n got %s\nwant %s", 4+i, got, want)
		}
	}
}

func TestExportProposalsRefusesUnknownSession(t *testing.T) {
	db := proposalDB(t)
	out := filepath.Join(t.TempDir(), "x.xlsx")
	code, _, stderr := run(t, "--db", db, "export", "ledger", out, "--session", "9")
	if code != ExitError || !strings.Contains(stderr, "第十一届没有第九次会议") ||
		!strings.Contains(stderr, "4（第四次会议）、5（第五次会议）") {
		t.Errorf("unknown session: %d %q", code, stderr)
	}
	code, _, stderr = run(t, "--db", db, "export", "roster", out, "--session", "5")
	if code != ExitUsage || !strings.Contains(stderr, "--session") {
		t.Errorf("--session on roster: %d %q", code, stderr)
	}
	code, _, stderr = run(t, "--db", db, "export", "ledgers", out)
	if code != ExitUsage || !strings.Contains(stderr, "ledger|units") {
		t.Errorf("misspelt kind: %d %q", code, stderr)
	}
}

func TestHelpListsProposalExports(t *testing.T) {
	_, out, _ := run(t, "help")
	for _, want := range []string{"export ledger 文件.xlsx [--term N] [--session N]", "export units 文件.xlsx", "提案台账", "承办单位办理情况统计表"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}
