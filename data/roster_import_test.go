package data_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"zhengxie/data"
)

func importRows(ms ...data.Member) []data.ImportRow {
	rows := make([]data.ImportRow, len(ms))
	for i, m := range ms {
		rows[i] = data.ImportRow{Row: i + 4, Member: m} // data starts under a title and a header
	}
	return rows
}

func withID(m data.Member, id string) data.Member { m.IDNumber = id; return m }

func TestImportWithAnyProblemWritesNothing(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	rows := importRows(
		withID(member("张三", "男", "1975-03", "教育界"), "130525197503120019"),
		withID(member("李四", "女", "1980-01", "教育界"), "130525198001010021"), // wrong check digit
	)
	plan, err := s.PlanRosterImport(ctx, term.ID, rows)
	if err != nil {
		t.Fatal(err)
	}
	if plan.OK() || len(plan.Issues) != 1 || plan.Issues[0].Row != 5 || plan.Issues[0].Field != data.FieldIDNumber {
		t.Fatalf("issues = %+v, want one on row 5 身份证号", plan.Issues)
	}
	if _, err := s.ImportRoster(ctx, term.ID, rows); !errors.Is(err, data.ErrImportHasIssues) {
		t.Fatalf("import err = %v", err)
	}
	list, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID})
	if len(list) != 0 {
		t.Fatalf("refused import wrote %d members", len(list))
	}
}

func TestReimportUpdatesInsteadOfDuplicating(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	a := withID(member("张三", "男", "1975-03", "教育界"), "130525197503120019")
	b := member("王五", "男", "1966-05", "经济界") // no ID: matched by 姓名 + 出生年月
	res, err := s.ImportRoster(ctx, term.ID, importRows(a, b))
	if err != nil || res.Created != 2 {
		t.Fatalf("first import %+v %v", res, err)
	}
	a.WorkUnit = "清河县第一中学校长"
	a.Phone = "" // an empty cell keeps the stored value
	b.Phone = "13812345678"
	res, err = s.ImportRoster(ctx, term.ID, importRows(a, b))
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 0 || res.Updated != 2 || !slices.Equal(res.UpdatedRows, []int{4, 5}) {
		t.Fatalf("re-import %+v", res)
	}
	list, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID})
	if len(list) != 2 {
		t.Fatalf("%d members after re-import", len(list))
	}
	for _, m := range list {
		if m.Name == "张三" && m.WorkUnit != "清河县第一中学校长" {
			t.Errorf("work unit not updated: %q", m.WorkUnit)
		}
		if m.Name == "王五" && m.Phone != "13812345678" {
			t.Errorf("phone not updated: %q", m.Phone)
		}
	}
}

func TestImportIntoNewTermKeepsOneLifePerPerson(t *testing.T) {
	ctx := context.Background()
	s, first := newStore(t)
	a := withID(member("张三", "男", "1975-03", "教育界"), "130525197503120019")
	if _, err := s.ImportRoster(ctx, first.ID, importRows(a)); err != nil {
		t.Fatal(err)
	}
	next, err := s.CreateTerm(ctx, data.Term{Number: 12, StartYear: 2026, EndYear: 2031, Current: true})
	if err != nil {
		t.Fatal(err)
	}
	a.Sector = "经济界"
	plan, err := s.PlanRosterImport(ctx, next.ID, importRows(a))
	if err != nil || len(plan.Rows) != 1 || plan.Rows[0].Action != data.ActionCreate || plan.Rows[0].PersonID == 0 {
		t.Fatalf("plan %+v %v: want a new membership for the known person", plan.Rows, err)
	}
	if _, err := s.ImportRoster(ctx, next.ID, importRows(a)); err != nil {
		t.Fatal(err)
	}
	old, _ := s.ListMembers(ctx, data.MemberFilter{TermID: first.ID})
	hist, _ := s.PersonHistory(ctx, old[0].Person.ID)
	if len(hist) != 2 || old[0].Sector != "教育界" {
		t.Fatalf("history %d terms, old sector %q: the earlier term must not change", len(hist), old[0].Sector)
	}
}

func TestImportFindsDuplicatesWithinTheSheet(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	a := withID(member("张三", "男", "1975-03", "教育界"), "130525197503120019")
	plan, err := s.PlanRosterImport(ctx, term.ID, importRows(a, a))
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Issues) != 1 || plan.Issues[0].Row != 5 || plan.Issues[0].Msg != "与第 4 行重复" {
		t.Errorf("issues %+v", plan.Issues)
	}
}
