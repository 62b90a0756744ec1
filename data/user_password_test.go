package data_test

import (
	"context"
	"errors"
	"testing"

	"zhengxie/data"
)

func TestChangeOwnPassword(t *testing.T) {
	ctx := context.Background()
	s, admin, _ := usersStore(t)
	viewer, _ := s.CreateUser(ctx, "张主席", data.RoleViewer, "viewer123")
	s.SetActor("张主席", data.RoleViewer)
	var pe *data.PermissionError
	if err := s.ChangePassword(ctx, admin.ID, "admin123", "stolen1"); !errors.As(err, &pe) {
		t.Fatalf("changing someone else's password: %v", err)
	}
	if err := s.ChangePassword(ctx, viewer.ID, "wrong", "newpass1"); fieldMessage(err, "原密码") == "" {
		t.Fatalf("wrong old password: %v", err)
	}
	if err := s.ChangePassword(ctx, viewer.ID, "viewer123", "123"); fieldMessage(err, "密码") == "" {
		t.Fatalf("short new password: %v", err)
	}
	if err := s.ChangePassword(ctx, viewer.ID, "viewer123", "newpass1"); err != nil {
		t.Fatalf("只读 user changes their own password: %v", err)
	}
	if _, err := s.Authenticate(ctx, "张主席", "viewer123"); !errors.Is(err, data.ErrBadLogin) {
		t.Errorf("old password still works: %v", err)
	}
	if _, err := s.Authenticate(ctx, "张主席", "newpass1"); err != nil {
		t.Errorf("new password: %v", err)
	}
	// Guessing the old password counts towards the lockout.
	for range data.MaxFailures - 1 {
		s.ChangePassword(ctx, viewer.ID, "guess", "newpass2")
	}
	var le *data.LockedError
	if err := s.ChangePassword(ctx, viewer.ID, "guess", "newpass2"); !errors.As(err, &le) {
		t.Fatalf("fifth wrong old password: %v", err)
	}
}
