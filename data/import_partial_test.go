package data_test

import (
	"context"
	"strings"
	"testing"

	"zhengxie/data"
)

func leftRows(left []data.LeftRow) []int {
	var out []int
	for _, l := range left {
		out = append(out, l.Row)
	}
	return out
}

// SkipBad imports the good rows in one transaction and returns the bad ones
// with their reasons; the same rows fixed then import as new, and the rows
// already in are 未变化.
func TestRosterSkipBadImportsTheGoodRows(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	good := withID(member("张三", "男", "1975-03", "教育界"), "130525197503120019")
	bad := withID(member("李四", "女", "1980-01", "教育界"), "130525198001010021") // wrong check digit
	again := withID(member("张三", "男", "1975-03", "经济界"), "130525197503120019") // same person as row 4
	rows := importRows(good, bad, again)
	skip := data.RosterImportOptions{SkipBad: true}

	plan, err := s.PlanRosterImportWith(ctx, term.ID, rows, skip)
	if err != nil || !plan.OK() || len(plan.Rows) != 1 {
		t.Fatalf("skip-bad plan rows %+v issues %+v err %v", plan.Rows, plan.Issues, err)
	}
	if got := leftRows(plan.Left); len(got) != 2 || got[0] != 5 || got[1] != 6 {
		t.Fatalf("left %v, want rows 5 and 6", got)
	}
	if r := plan.Left[1].Reasons(); r != "身份证号：与第 4 行重复" {
		t.Errorf("the repeated person is reported as %q", r)
	}
	res, err := s.ImportRosterWith(ctx, term.ID, rows, skip)
	if err != nil || res.Created != 1 || len(res.Left) != 2 {
		t.Fatalf("skip-bad import %+v %v", res, err)
	}
	list, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID})
	if len(list) != 1 || list[0].Name != "张三" || list[0].Sector != "教育界" {
		t.Fatalf("after skip-bad the roster is %+v; want 张三 once, as row 4 says", list)
	}

	// The left rows, fixed (row 6 deleted, row 5's number corrected).
	fixed := withID(bad, "130525198001010025")
	res, err = s.ImportRosterWith(ctx, term.ID, []data.ImportRow{{Row: 3, Member: fixed}}, skip)
	if err != nil || res.Created != 1 || res.Updated != 0 || len(res.Left) != 0 {
		t.Fatalf("fixed rows %+v %v", res, err)
	}
	// The whole original sheet again, fixed: nothing changes.
	plan, err = s.PlanRosterImport(ctx, term.ID, importRows(good, fixed))
	if err != nil {
		t.Fatal(err)
	}
	if c, u, n := plan.Counts(); c != 0 || u != 0 || n != 2 {
		t.Fatalf("re-import counts new %d, updated %d, unchanged %d; want 2 unchanged", c, u, n)
	}
	res, err = s.ImportRoster(ctx, term.ID, importRows(good, fixed))
	if err != nil || res.Unchanged != 2 || res.Updated != 0 || len(res.UpdatedRows) != 0 {
		t.Fatalf("unchanged re-import %+v %v", res, err)
	}
	if list, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID}); len(list) != 2 {
		t.Fatalf("%d members, want 2", len(list))
	}
}

// A row whose member is in the recycle bin is restored, not 未变化.
func TestRosterReimportOfDeletedMemberIsAnUpdate(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	a := withID(member("张三", "男", "1975-03", "教育界"), "130525197503120019")
	if _, err := s.ImportRoster(ctx, term.ID, importRows(a)); err != nil {
		t.Fatal(err)
	}
	list, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID})
	if err := s.DeleteMember(ctx, list[0].Membership.ID); err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanRosterImport(ctx, term.ID, importRows(a))
	if err != nil || len(plan.Rows) != 1 || plan.Rows[0].Action != data.ActionUpdate {
		t.Fatalf("plan %+v %v: want an update restoring the member", plan.Rows, err)
	}
}

// A 并案 row whose master is left out is left out too.
func TestProposalSkipBadFollowsMasters(t *testing.T) {
	f := newImportFixture(t)
	f.opts.SkipBad = true
	rows := []data.ProposalRow{
		prow(2, "1"),
		prow(3, "2", data.ColCategory, "不存在的类别"),
		prow(4, "3", data.ColStatus, "并案（并入第2号）"),
	}
	plan := f.plan(rows...)
	if !plan.OK() || len(plan.Rows) != 1 {
		t.Fatalf("plan rows %d issues %v", len(plan.Rows), plan.Issues)
	}
	if got := leftRows(plan.Left); len(got) != 2 || got[0] != 3 || got[1] != 4 {
		t.Fatalf("left %v, want rows 3 and 4", got)
	}
	if r := plan.Left[1].Reasons(); !strings.Contains(r, "并入") {
		t.Errorf("row 4 left for %q", r)
	}
	res := f.apply(rows...)
	if res.Created != 1 || len(res.Left) != 2 || len(f.byNumber()) != 1 {
		t.Fatalf("result %+v, stored %v", res, f.byNumber())
	}
}

// An event with a problem in any row is left out whole, so that its fixed
// rows import it complete.
func TestEventSkipBadLeavesTheWholeEvent(t *testing.T) {
	f := newEventFixture(t)
	f.opts.SkipBad = true
	survey := func(row int, name string) data.EventRow {
		return data.EventRow{Sheet: "登记", Row: row, Date: "2026-04-10", Title: "乡村振兴专题调研", Type: "调研", Name: name}
	}
	rows := []data.EventRow{plenary(2, "张明", "", "出席"), plenary(3, "李红", "", "请假"),
		survey(4, "李红"), survey(5, "王五")}
	plan := f.plan(rows...)
	if !plan.OK() || plan.Created != 1 || plan.People != 2 {
		t.Fatalf("plan %+v", plan)
	}
	if got := leftRows(plan.Left); len(got) != 2 || got[0] != 4 || got[1] != 5 {
		t.Fatalf("left %v, want the survey's rows 4 and 5", got)
	}
	if r := plan.Left[0].Reasons(); !strings.Contains(r, "同一活动") {
		t.Errorf("row 4 left for %q", r)
	}
	if r := plan.Left[1].Reasons(); !strings.Contains(r, "王五") || plan.Left[1].Sheet != "登记" {
		t.Errorf("row 5 left for %q in %q", r, plan.Left[1].Sheet)
	}
	res, err := f.s.ImportEvents(f.ctx, f.term.ID, rows, f.opts)
	if err != nil || res.Created != 1 || len(res.Left) != 2 || len(f.events()) != 1 {
		t.Fatalf("import %+v %v", res, err)
	}
	// The left rows fixed (王五 → 张明) add the survey with both.
	fixed := []data.EventRow{survey(3, "李红"), survey(4, "张明")}
	res, err = f.s.ImportEvents(f.ctx, f.term.ID, fixed, f.opts)
	if err != nil || res.Created != 1 || res.People != 2 || len(res.Left) != 0 {
		t.Fatalf("fixed rows %+v %v", res, err)
	}
}
