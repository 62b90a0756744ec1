package data_test

import (
	"context"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/data/datatest"
)

// auditedStore has one member created and then edited (界别, phone), and
// the committee renamed.
func auditedStore(t testing.TB) (*data.Store, data.Member) {
	t.Helper()
	ctx := context.Background()
	s, term := datatest.County(t)
	m := member("张三", "男", "1970-01", "教育界")
	m.TermID, m.Phone = term.ID, "13812345678"
	if err := s.CreateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	m.Sector, m.Phone = "经济界", "13900001111"
	if err := s.UpdateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateCommittee(ctx, data.Committee{Name: "政协清河县委员会", ShortName: "清河"}); err != nil {
		t.Fatal(err)
	}
	return s, m
}

func TestUpdateMemberRecordsBeforeAndAfterMasked(t *testing.T) {
	s, m := auditedStore(t)
	got, err := s.FindAudit(context.Background(), data.AuditFilter{Entity: "委员", Action: "修改"})
	if err != nil || len(got) != 1 {
		t.Fatalf("audit = %+v, %v", got, err)
	}
	want := []data.FieldChange{{Field: "联系电话", Before: "138****5678", After: "139****1111"}, {Field: "界别", Before: "教育界", After: "经济界"}}
	if got[0].EntityID != m.Membership.ID || len(got[0].Changes) != 2 || got[0].Changes[0] != want[0] || got[0].Changes[1] != want[1] {
		t.Errorf("changes = %+v", got[0])
	}
}

func TestFindAuditFilters(t *testing.T) {
	ctx := context.Background()
	s, _ := auditedStore(t)
	all, _ := s.FindAudit(ctx, data.AuditFilter{})
	if len(all) < 4 || all[0].Entity != "委员会" || all[0].ID <= all[1].ID {
		t.Fatalf("newest first: %+v", all)
	}
	count := func(f data.AuditFilter) int {
		t.Helper()
		got, err := s.FindAudit(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.CountAudit(ctx, f)
		if err != nil || (f.Limit == 0 && n != len(got)) {
			t.Fatalf("count %d, %v; list %d", n, err, len(got))
		}
		return len(got)
	}
	for _, tt := range []struct {
		name string
		f    data.AuditFilter
		want int
	}{
		{"entity", data.AuditFilter{Entity: "委员"}, 2},
		{"action", data.AuditFilter{Action: "修改"}, 2},
		{"keyword in changes", data.AuditFilter{Query: "经济界"}, 1},
		{"keyword with wildcard", data.AuditFilter{Query: "%"}, 0},
		{"the day itself", data.AuditFilter{From: "2026-11-22", To: "2026-11-22"}, len(all)},
		{"the day before", data.AuditFilter{To: "2026-11-21"}, 0},
		{"the day after", data.AuditFilter{From: "2026-11-23"}, 0},
		{"page", data.AuditFilter{Limit: 2, Offset: 1}, 2},
	} {
		if got := count(tt.f); got != tt.want {
			t.Errorf("%s: %d lines, want %d", tt.name, got, tt.want)
		}
	}
	if _, err := s.FindAudit(ctx, data.AuditFilter{From: "2026-13-01"}); fieldMessage(err, "开始日期") == "" {
		t.Errorf("bad date: %v", err)
	}
}

func TestAuditValuesForDropDowns(t *testing.T) {
	s, _ := auditedStore(t)
	s.SetActor("王主任", data.RoleAdmin)
	_ = s.UpdateCommittee(context.Background(), data.Committee{Name: "政协清河县委员会", ShortName: "清河县"})
	c, err := s.AuditValues(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.Actors, ",") != "王主任" || !contains(c.Entities, "委员") || !contains(c.Actions, "修改") {
		t.Errorf("choices = %+v", c)
	}
}

func TestUpdateTermAndRuleSetChanges(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	term.EndYear = 2027
	if err := s.UpdateTerm(ctx, term); err != nil {
		t.Fatal(err)
	}
	got, _ := s.FindAudit(ctx, data.AuditFilter{Entity: "届", Limit: 1})
	if len(got) != 1 || len(got[0].Changes) != 1 || got[0].Changes[0].Before != "2026" || got[0].Changes[0].After != "2027" {
		t.Errorf("term audit = %+v", got)
	}
}

func TestSaveRuleSetSaysTheRulesChanged(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	r := data.StoredRuleSet{Year: 2026, Rules: lowRules("清河县委员履职考核")}
	if err := s.SaveRuleSet(ctx, &r); err != nil {
		t.Fatal(err)
	}
	hundred := assess.Int(100)
	r.Rules.Items[0].Rules[0].Points = &hundred
	r.Rules.Name = "清河县考核"
	if err := s.SaveRuleSet(ctx, &r); err != nil {
		t.Fatal(err)
	}
	got, _ := s.FindAudit(ctx, data.AuditFilter{Entity: "考核规则集", Limit: 1})
	want := "名称：“清河县委员履职考核”改为“清河县考核”\n规则内容已修改"
	if len(got) != 1 || got[0].Action != "修改" || changeText(got[0].Changes) != want {
		t.Errorf("rule set audit = %+v", got)
	}
}

func TestSaveAdjustmentRecordsWhatChanged(t *testing.T) {
	ctx := context.Background()
	s, m := auditedStore(t)
	a := data.Adjustment{Year: 2026, MembershipID: m.Membership.ID, Points: assess.Int(2), Reason: "调研报告获批示", Date: "2026-05-01"}
	if err := s.SaveAdjustment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	a.Points = assess.Frac(5, 2)
	if err := s.SaveAdjustment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	got, _ := s.FindAudit(ctx, data.AuditFilter{Entity: "考核加减分"})
	if len(got) != 2 || len(got[1].Changes) != 0 || changeText(got[0].Changes) != "分值：“2”改为“2.5”" {
		t.Errorf("adjustment audit = %+v", got)
	}
}

// FuzzAuditFilter: whatever is typed into the filter, FindAudit returns
// lines or a Chinese message naming the date field, never a SQL error.
func FuzzAuditFilter(f *testing.F) {
	f.Add("2026-01-01", "2026-12-31", "经济界")
	f.Add("2026-13-01", "", "%_\\")
	f.Add("", "31/12/2026", "' OR 1=1 --")
	s, _ := auditedStore(f)
	f.Fuzz(func(t *testing.T, from, to, q string) {
		got, err := s.FindAudit(context.Background(), data.AuditFilter{From: from, To: to, Query: q, Actor: q})
		if err != nil && fieldMessage(err, "开始日期") == "" && fieldMessage(err, "结束日期") == "" {
			t.Fatalf("%q %q %q: %v", from, to, q, err)
		}
		if len(got) > 4 {
			t.Fatalf("%d lines from a 4-line log", len(got))
		}
	})
}

func changeText(cs []data.FieldChange) string {
	var lines []string
	for _, c := range cs {
		lines = append(lines, c.String())
	}
	return strings.Join(lines, "\n")
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
