package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"zhengxie/data"
)

func TestPurgeMemberOnlyFromTheBinAndOnlyByAnAdministrator(t *testing.T) {
	ctx := context.Background()
	s, _, _ := usersStore(t)
	terms, _ := s.ListTerms(ctx)
	m := member("张三", "男", "1970-01", "教育界")
	m.TermID = terms[0].ID
	if err := s.CreateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if err := s.PurgeMember(ctx, m.Membership.ID); fieldMessage(err, "委员") == "" {
		t.Fatalf("purging a member not in the bin: %v", err)
	}
	if err := s.DeleteMember(ctx, m.Membership.ID); err != nil {
		t.Fatal(err)
	}
	s.SetActor("李干事", data.RoleClerk)
	var pe *data.PermissionError
	if err := s.PurgeMember(ctx, m.Membership.ID); !errors.As(err, &pe) {
		t.Fatalf("录入员 purges: %v", err)
	}
	if bin, _ := s.ListMembers(ctx, data.MemberFilter{TermID: m.TermID, DeletedOnly: true}); len(bin) != 1 {
		t.Fatal("the refused purge removed the member")
	}
	s.SetActor("王主任", data.RoleAdmin)
	if err := s.PurgeMember(ctx, m.Membership.ID); err != nil {
		t.Fatal(err)
	}
	if bin, _ := s.ListMembers(ctx, data.MemberFilter{TermID: m.TermID, DeletedOnly: true}); len(bin) != 0 {
		t.Fatal("purged member still in the bin")
	}
	audit, _ := s.ListAudit(ctx, 1)
	if audit[0].Action != "彻底删除" || audit[0].Actor != "王主任" || audit[0].Detail != "张三" {
		t.Errorf("audit = %+v", audit[0])
	}
}

func TestPurgeRefusesAMemberNamedOnAProposal(t *testing.T) {
	ctx := context.Background()
	s, term := newStore(t)
	m := member("张三", "男", "1970-01", "教育界")
	m.TermID = term.ID
	if err := s.CreateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	session := data.Session{TermID: term.ID, Number: 1, StartDate: "2026-01-10"}
	if err := s.SaveSession(ctx, &session); err != nil {
		t.Fatal(err)
	}
	p := data.Proposal{SessionID: session.ID, Title: "关于校车安全的建议", Body: "情况和建议。", Category: "社会建设",
		Submitted: "2026-01-11", Proposers: []data.Proposer{{MembershipID: m.Membership.ID}}}
	if err := s.CreateProposal(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMember(ctx, m.Membership.ID); err != nil {
		t.Fatal(err)
	}
	err := s.PurgeMember(ctx, m.Membership.ID)
	if msg := fieldMessage(err, "委员"); !strings.Contains(msg, "张三有提案或履职记录") {
		t.Fatalf("purging a proposer: %v", err)
	}
	if bin, _ := s.ListMembers(ctx, data.MemberFilter{TermID: term.ID, DeletedOnly: true}); len(bin) != 1 {
		t.Error("the refused purge changed the bin")
	}
}
