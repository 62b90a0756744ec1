package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// copyTestdata copies testdata/partial/name into a temporary folder, where
// the rows left out are written beside it.
func copyTestdata(t *testing.T, name string) string {
	t.Helper()
	src, err := os.Open(filepath.Join("testdata", "partial", name))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(t.TempDir(), name)
	dst, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// leftSheet reads a sheet of rows left out: its header line and rows, and
// for each row its 行号 and 问题.
func leftSheet(t *testing.T, path string) (header []string, rows [][]string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("rows left out not written: %v", err)
	}
	defer f.Close()
	all, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 4 {
		t.Fatalf("left sheet has %d lines: %v", len(all), all)
	}
	return all[2], all[3:]
}

// cellOf is row's cell under the header text h.
func cellOf(header, row []string, h string) string {
	i := slices.Index(header, h)
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

// dbState is what an import may change: members, proposals, events and the
// lists, as comparable lines.
func dbState(t *testing.T, db string) []string {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	term, err := s.CurrentTerm(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ms, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID, IncludeDeleted: true})
	for _, m := range ms {
		out = append(out, fmt.Sprintf("委员 %s %s %s %s %s %s", m.Name, m.IDNumber, m.Birth, m.Sector, m.WorkUnit, m.Phone))
	}
	for _, kind := range data.CatalogKinds {
		names, _ := s.CatalogNames(ctx, term.ID, kind)
		out = append(out, kind+" "+strings.Join(names, "、"))
	}
	slices.Sort(out)
	return out
}

// The done-when test of partial imports: a roster with good and bad rows
// imported with --skip-bad takes the good rows in, writes the bad ones to
// a sheet with their original columns, 行号 and 问题, changes nothing
// else, and exits with 4; the sheet, fixed, imports exactly those rows;
// the original sheet again then reports every row 未变化.
func TestImportRosterSkipBadThenFixedRows(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, out, errOut := run(t, "--db", db, "init", "--name", "政协清河县委员会", "--term", "11", "--start", "2021"); code != ExitOK {
		t.Fatalf("init: %d %s %s", code, out, errOut)
	}
	sheet := copyTestdata(t, "名册（部分有误）.xlsx")
	before := dbState(t, db)

	// Without --skip-bad: refused, and the way out is named.
	code, out, errOut := run(t, "--db", db, "import", "roster", sheet, "--yes")
	if code != ExitIssues || !strings.Contains(errOut, "--skip-bad") {
		t.Fatalf("whole import: %d %s %s", code, out, errOut)
	}
	// --skip-bad without --yes: a preview, nothing written.
	code, out, errOut = run(t, "--db", db, "import", "roster", sheet, "--skip-bad")
	if code != ExitOK || !strings.Contains(out, "只导入没有问题的行：新增 5 人，更新 0 人；有问题的 3 行不导入") {
		t.Fatalf("skip-bad preview: %d %s %s", code, out, errOut)
	}
	if got := dbState(t, db); !slices.Equal(got, before) {
		t.Fatalf("preview changed the database:\n%v", got)
	}
	left := filepath.Join(dir, "改正.xlsx")
	code, out, errOut = run(t, "--db", db, "import", "roster", sheet, "--skip-bad", "--yes", "--left", left)
	if code != ExitPartial || !strings.Contains(out, "导入完成：新增 5 人，更新 0 人") ||
		!strings.Contains(errOut, "有问题的 3 行未导入") || !strings.Contains(errOut, left) {
		t.Fatalf("skip-bad import: %d %s %s", code, out, errOut)
	}
	after := dbState(t, db)
	var names []string
	for _, line := range after {
		if strings.HasPrefix(line, "委员 ") {
			names = append(names, strings.Fields(line)[1])
		}
	}
	if want := []string{"冯志强", "吴秀兰", "周建国", "王丽娟", "陈晓明"}; !slices.Equal(names, want) {
		t.Fatalf("members %v, want %v once each", names, want)
	}
	for _, line := range after {
		if strings.Contains(line, "特邀界") { // only the bad row 11 names it
			t.Errorf("a bad row's 界别 reached the lists: %s", line)
		}
	}

	header, rows := leftSheet(t, left)
	wantHeader := []string{"序号", "姓名", "性别", "民族", "出生年月", "身份证号", "党派", "界别", "工作单位及职务", "联系电话", "行号", "问题"}
	if !slices.Equal(header, wantHeader) {
		t.Fatalf("left sheet header %v, want the original columns, 行号 and 问题", header)
	}
	want := map[string][2]string{ // 行号 → 姓名, a word of the reason
		"6":  {"郑海涛", "校验码"},
		"9":  {"周建国", "与第 4 行重复"},
		"11": {"孙梅", "月份 13"},
	}
	if len(rows) != len(want) {
		t.Fatalf("left rows %v", rows)
	}
	for _, r := range rows {
		w, ok := want[cellOf(header, r, "行号")]
		if !ok || cellOf(header, r, "姓名") != w[0] || !strings.Contains(cellOf(header, r, "问题"), w[1]) {
			t.Errorf("left row %v", r)
		}
	}
	// The merged 界别 and the numbers typed as text come back as read.
	if r := rows[0]; cellOf(header, r, "界别") != "经济界" || len(cellOf(header, r, "身份证号")) != 18 {
		t.Errorf("row 6 as written back: %v", r)
	}

	// Fix the sheet as an office would: correct 郑海涛's number and 孙梅's
	// month, delete the repeated 周建国.
	f, err := excelize.OpenFile(left)
	if err != nil {
		t.Fatal(err)
	}
	sh := f.GetSheetName(0)
	idCol, _ := excelize.ColumnNumberToName(slices.Index(header, "身份证号") + 1)
	birthCol, _ := excelize.ColumnNumberToName(slices.Index(header, "出生年月") + 1)
	for i, r := range rows {
		line := i + 4
		switch cellOf(header, r, "姓名") {
		case "郑海涛":
			f.SetCellStr(sh, fmt.Sprintf("%s%d", idCol, line), idNumber("13052519800101003"))
		case "孙梅":
			f.SetCellStr(sh, fmt.Sprintf("%s%d", birthCol, line), "1983.08")
		}
	}
	for i := len(rows) - 1; i >= 0; i-- {
		if cellOf(header, rows[i], "姓名") == "周建国" {
			f.RemoveRow(sh, i+4)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, errOut = run(t, "--db", db, "import", "roster", left, "--yes")
	if code != ExitOK || !strings.Contains(out, "导入完成：新增 2 人，更新 0 人。") {
		t.Fatalf("fixed rows: %d %s %s", code, out, errOut)
	}
	// The original sheet again, with --skip-bad: the good rows are 未变化,
	// the two fixed ones too, only the repeated person is left out.
	code, out, errOut = run(t, "--db", db, "import", "roster", sheet, "--skip-bad", "--yes")
	if code != ExitIssues || !strings.Contains(out, "只导入没有问题的行：新增 0 人，更新 0 人，未变化 5 人") ||
		!strings.Contains(errOut, "没有需要写入的内容") {
		t.Fatalf("original again: %d %s %s", code, out, errOut)
	}
	if n := strings.Count(strings.Join(dbState(t, db), "\n"), "委员 "); n != 7 {
		t.Errorf("%d members, want 7", n)
	}
}

// Proposals and events with --skip-bad: the good rows in, the rows left
// out written with their reasons (a 并案 row follows its master; an event
// goes whole).
func TestImportProposalsAndEventsSkipBad(t *testing.T) {
	db := proposalDB(t)
	ledger := copyTestdata(t, "提案台账（部分有误）.xlsx")
	left := filepath.Join(t.TempDir(), "提案改正.xlsx")
	code, out, errOut := run(t, "--db", db, "import", "proposals", ledger, "--session", "4", "--skip-bad", "--yes", "--left", left)
	if code != ExitPartial || !strings.Contains(out, "导入完成：新增 2 件") || !strings.Contains(errOut, "有问题的 3 行未导入") {
		t.Fatalf("proposals: %d %s %s", code, out, errOut)
	}
	header, rows := leftSheet(t, left)
	var got []string
	for _, r := range rows {
		got = append(got, cellOf(header, r, "行号")+" "+cellOf(header, r, "案号"))
	}
	if !slices.Equal(got, []string{"5 002", "6 003", "8 005"}) {
		t.Errorf("proposal rows left out %v", got)
	}

	events := copyTestdata(t, "活动登记（部分有误）.xlsx")
	left = filepath.Join(t.TempDir(), "活动改正.xlsx")
	code, out, errOut = run(t, "--db", db, "import", "events", events, "--skip-bad", "--yes", "--left", left)
	if code != ExitPartial || !strings.Contains(out, "导入完成：新增 2 个活动（3 人次）") || !strings.Contains(errOut, "有问题的 3 行未导入") {
		t.Fatalf("events: %d %s %s", code, out, errOut)
	}
	header, rows = leftSheet(t, left)
	got = nil
	for _, r := range rows {
		got = append(got, cellOf(header, r, "行号")+" "+cellOf(header, r, "姓名")+" "+cellOf(header, r, "日期"))
	}
	if !slices.Equal(got, []string{"6 李红 2026-04-10", "7 王五 2026-04-10", "9 李红 2026年5月32日"}) {
		t.Errorf("event rows left out %v", got)
	}
}
