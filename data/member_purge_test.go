package data_test

import (
	"context"
	"errors"
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
