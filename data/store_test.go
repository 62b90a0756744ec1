package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"zhengxie/data"
	"zhengxie/data/datatest"
)

// newStore opens a fresh database set up as 政协清河县委员会, 第十一届.
func newStore(t *testing.T) (*data.Store, data.Term) { return datatest.County(t) }

func member(name, gender, birth, sector string) data.Member {
	var m data.Member
	m.Name, m.Gender, m.Birth, m.Sector, m.Party = name, gender, birth, sector, "中共"
	return m
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ExecForTest(ctx, "PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := data.Open(ctx, path); !errors.Is(err, data.ErrTooNew) {
		t.Fatalf("Open of a newer database: got %v, want ErrTooNew", err)
	}
}

func TestSetUpSeedsListsAndRefusesSecondSetup(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	if !term.Current || term.TermName() != "第十一届" {
		t.Fatalf("term = %+v", term)
	}
	sectors, err := s.CatalogNames(ctx, term.ID, data.KindSector)
	if err != nil || len(sectors) < 20 || sectors[0] != "中国共产党" {
		t.Fatalf("sectors = %v, %v", sectors, err)
	}
	_, err = s.SetUp(ctx, data.Setup{Committee: data.Committee{Name: "x"}, Term: data.Term{Number: 1, StartYear: 2000, EndYear: 2005}})
	if !errors.Is(err, data.ErrConflict) {
		t.Fatalf("second SetUp: %v", err)
	}
	c, _ := s.GetCommittee(ctx)
	if got := data.CommitteeTitle(c, term); got != "政协清河县第十一届委员会" {
		t.Fatalf("title = %q", got)
	}
}

func TestCreateTermCopiesListsOfPreviousTerm(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	if _, err := s.AddCatalogItem(ctx, term.ID, data.KindSector, "新社会阶层"); err != nil {
		t.Fatal(err)
	}
	next, err := s.CreateTerm(ctx, data.Term{Number: 12, StartYear: 2026, EndYear: 2031, Current: true})
	if err != nil {
		t.Fatal(err)
	}
	names, _ := s.CatalogNames(ctx, next.ID, data.KindSector)
	if names[len(names)-1] != "新社会阶层" {
		t.Fatalf("12th term sectors end with %q, want the one added to the 11th", names[len(names)-1])
	}
	cur, _ := s.CurrentTerm(ctx)
	if cur.ID != next.ID {
		t.Fatalf("current term = %d, want %d", cur.Number, next.Number)
	}
}

func TestCreateMemberRequiredFieldsNamed(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	m := member("", "", "", "")
	m.TermID = term.ID
	err := s.CreateMember(ctx, &m)
	var errs data.ValidationErrors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want ValidationErrors", err)
	}
	for _, f := range []string{data.FieldName, data.FieldGender, data.FieldSector} {
		if errs.Field(f) == "" {
			t.Errorf("no message for %s in %v", f, errs)
		}
	}
	list, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID})
	if len(list) != 0 {
		t.Fatalf("refused member was saved: %v", list)
	}
}

func TestMemberCRUDAndRecycleBin(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	m := member("张三", "男", "1975-03", "经济界")
	m.TermID = term.ID
	m.Role = "副主席"
	if err := s.CreateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetMember(ctx, m.Membership.ID)
	if err != nil || got.Name != "张三" || got.Sector != "经济界" || !got.Standing {
		t.Fatalf("got %+v, %v (副主席 must be 常委)", got, err)
	}
	got.WorkUnit = "清河县发展和改革局局长"
	if err := s.UpdateMember(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMember(ctx, got.Membership.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID}); len(list) != 0 {
		t.Fatalf("deleted member still listed")
	}
	bin, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID, DeletedOnly: true})
	if len(bin) != 1 || bin[0].WorkUnit != "清河县发展和改革局局长" {
		t.Fatalf("recycle bin = %+v", bin)
	}
	if err := s.RestoreMember(ctx, got.Membership.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID}); len(list) != 1 {
		t.Fatalf("restored member not listed")
	}
	audit, _ := s.ListAudit(ctx, 10)
	if len(audit) < 4 || audit[0].Action != "恢复" {
		t.Fatalf("audit = %+v", audit)
	}
}

func TestCatalogItemInUseCannotBeDeleted(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	m := member("李四", "女", "1980-01", "教育界")
	m.TermID = term.ID
	if err := s.CreateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	items, _ := s.ListCatalog(ctx, term.ID, data.KindSector)
	for _, it := range items {
		if it.Name == "教育界" {
			var ve *data.ValidationError
			if err := s.DeleteCatalogItem(ctx, it.ID); !errors.As(err, &ve) {
				t.Fatalf("deleting a used 界别: %v", err)
			}
		}
	}
}

func TestFilterBySectorAndStanding(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	for _, m := range []data.Member{
		member("甲", "男", "1970-01", "经济界"), member("乙", "女", "1971-02", "教育界"), member("丙", "男", "1972-03", "经济界"),
	} {
		m.TermID = term.ID
		m.Standing = m.Name == "丙"
		if err := s.CreateMember(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	eco, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID, Sector: "经济界"})
	if len(eco) != 2 || eco[0].Name != "丙" {
		t.Fatalf("经济界 = %v (常委 first)", names(eco))
	}
	st, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID, StandingOnly: true})
	if len(st) != 1 {
		t.Fatalf("常委 = %v", names(st))
	}
}

func names(ms []data.Member) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Name)
	}
	return out
}
