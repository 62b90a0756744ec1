package data_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/datatest"
)

// usersStore is a set-up store with an administrator 王主任 (password
// admin123) and a 录入员 李干事 (password clerk123).
func usersStore(t *testing.T) (*data.Store, data.User, data.User) {
	t.Helper()
	s, _ := datatest.County(t)
	ctx := context.Background()
	admin, err := s.CreateUser(ctx, "王主任", data.RoleAdmin, "admin123")
	if err != nil {
		t.Fatal(err)
	}
	clerk, err := s.CreateUser(ctx, "李干事", data.RoleClerk, "clerk123")
	if err != nil {
		t.Fatal(err)
	}
	return s, admin, clerk
}

func TestLoginTurnsOnWithTheFirstAdministrator(t *testing.T) {
	ctx := context.Background()
	s, _ := datatest.County(t)
	if on, err := s.LoginRequired(ctx); err != nil || on {
		t.Fatalf("fresh database: login required %v, %v", on, err)
	}
	_, err := s.CreateUser(ctx, "李干事", data.RoleClerk, "clerk123")
	var ve *data.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.Msg, "管理员") {
		t.Fatalf("first user as 录入员: %v", err)
	}
	if _, err := s.CreateUser(ctx, "王主任", data.RoleAdmin, "admin123"); err != nil {
		t.Fatal(err)
	}
	if on, _ := s.LoginRequired(ctx); !on {
		t.Fatal("login still off after the administrator password was set")
	}
	audit, _ := s.ListAudit(ctx, 1)
	if len(audit) != 1 || audit[0].Action != "新增" || !strings.Contains(audit[0].Detail, "启用登录") {
		t.Errorf("audit = %+v", audit)
	}
}

func TestCreateUserRefusesBadInput(t *testing.T) {
	ctx := context.Background()
	s, _, _ := usersStore(t)
	for _, c := range []struct {
		name, password string
		role           data.Role
		field          string
	}{
		{"", "secret1", data.RoleClerk, "用户名"},
		{"李 干事", "secret1", data.RoleClerk, "用户名"},
		{strings.Repeat("长", 21), "secret1", data.RoleClerk, "用户名"},
		{"赵科长", "12345", data.RoleClerk, "密码"},
		{"赵科长", "secret1", data.Role("领导"), "角色"},
		{"李干事", "secret1", data.RoleViewer, "用户名"}, // exists
	} {
		_, err := s.CreateUser(ctx, c.name, c.role, c.password)
		if msg := fieldMessage(err, c.field); msg == "" {
			t.Errorf("CreateUser(%q, %q, %q): %v, want a message for %s", c.name, c.role, c.password, err, c.field)
		}
	}
	if users, _ := s.Users(ctx); len(users) != 2 {
		t.Errorf("%d users after refused creations, want 2", len(users))
	}
}

func fieldMessage(err error, field string) string {
	var ves data.ValidationErrors
	if errors.As(err, &ves) {
		return ves.Field(field)
	}
	var ve *data.ValidationError
	if errors.As(err, &ve) && ve.Field == field {
		return ve.Msg
	}
	return ""
}

func TestPasswordsAreSaltedArgon2Hashes(t *testing.T) {
	ctx := context.Background()
	s, admin, _ := usersStore(t)
	other, err := s.CreateUser(ctx, "张主席", data.RoleViewer, "admin123") // the same password
	if err != nil {
		t.Fatal(err)
	}
	salt1, hash1, k1, err := s.PasswordForTest(ctx, admin.ID)
	if err != nil {
		t.Fatal(err)
	}
	salt2, hash2, _, _ := s.PasswordForTest(ctx, other.ID)
	if bytes.Equal(salt1, salt2) || bytes.Equal(hash1, hash2) {
		t.Error("two users with the same password share salt or hash")
	}
	if len(salt1) != 16 || len(hash1) != 32 || bytes.Contains(hash1, []byte("admin123")) {
		t.Errorf("salt %d bytes, hash %d bytes", len(salt1), len(hash1))
	}
	if k1 != s.KDF {
		t.Errorf("stored parameters %+v, want %+v", k1, s.KDF)
	}
	// A stronger setting later still verifies the old hash with its own parameters.
	s.KDF.Time++
	if _, err := s.Authenticate(ctx, "王主任", "admin123"); err != nil {
		t.Errorf("after raising the parameters: %v", err)
	}
}

func TestAuthenticate(t *testing.T) {
	ctx := context.Background()
	s, _, clerk := usersStore(t)
	viewer, _ := s.CreateUser(ctx, "张主席", data.RoleViewer, "viewer123")
	if err := s.DisableUser(ctx, viewer.ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, password string
		want           error
		role           data.Role
	}{
		{"王主任", "admin123", nil, data.RoleAdmin},
		{" 李干事 ", "clerk123", nil, data.RoleClerk},
		{"李干事", "Clerk123", data.ErrBadLogin, ""},
		{"李干事", "", data.ErrBadLogin, ""},
		{"无此人", "clerk123", data.ErrBadLogin, ""},
		{"张主席", "viewer123", data.ErrUserDisabled, ""},
		{"张主席", "wrong123", data.ErrBadLogin, ""},
	} {
		u, err := s.Authenticate(ctx, c.name, c.password)
		if !errors.Is(err, c.want) || u.Role != c.role {
			t.Errorf("Authenticate(%q, %q) = %q, %v; want %q, %v", c.name, c.password, u.Role, err, c.role, c.want)
		}
	}
	if got := data.UserMessage(data.ErrBadLogin); got != "用户名或密码错误" {
		t.Errorf("message %q", got)
	}
	u, _ := s.GetUser(ctx, clerk.ID)
	if u.LastLogin == "" || u.Failures != 2 {
		t.Errorf("after a right then two wrong passwords: %+v", u)
	}
}

// clock is a store clock the test moves.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time          { return c.now }
func (c *clock) advance(d time.Duration) { c.now = c.now.Add(d) }
func login(s *data.Store, pw string) error {
	_, err := s.Authenticate(context.Background(), "李干事", pw)
	return err
}

func lockedFor(t *testing.T, err error) int {
	t.Helper()
	var le *data.LockedError
	if !errors.As(err, &le) {
		t.Fatalf("want a lockout, got %v", err)
	}
	if want := fmt.Sprintf("已锁定，请在%d分钟后再试", le.Minutes); data.UserMessage(err) != want {
		t.Fatalf("message %q, want %q", data.UserMessage(err), want)
	}
	return le.Minutes
}

func TestLockoutAfterFiveFailuresForFifteenMinutes(t *testing.T) {
	s, _, _ := usersStore(t)
	c := &clock{now: datatest.Today}
	s.Now = c.Now
	for i := 1; i < data.MaxFailures; i++ {
		if err := login(s, "wrong"); !errors.Is(err, data.ErrBadLogin) {
			t.Fatalf("failure %d: %v", i, err)
		}
		c.advance(time.Minute)
	}
	if m := lockedFor(t, login(s, "wrong")); m != 15 {
		t.Fatalf("fifth failure locks for %d minutes", m)
	}
	// Locked: even the right password is refused, and the wait counts down.
	for _, step := range []struct {
		after time.Duration // since the lock
		want  int
	}{{0, 15}, {time.Second, 15}, {time.Minute, 14}, {10*time.Minute + 30*time.Second, 5}, {14*time.Minute + 59*time.Second, 1}} {
		c.now = datatest.Today.Add(4*time.Minute + step.after)
		if m := lockedFor(t, login(s, "clerk123")); m != step.want {
			t.Errorf("%v into the lock: %d minutes left, want %d", step.after, m, step.want)
		}
	}
	// Wrong passwords during the lock do not extend it.
	c.now = datatest.Today.Add(4*time.Minute + 14*time.Minute)
	lockedFor(t, login(s, "wrong"))
	c.now = datatest.Today.Add(4*time.Minute + 15*time.Minute)
	if err := login(s, "clerk123"); err != nil {
		t.Fatalf("right password at the end of the lock: %v", err)
	}
}

func TestLockoutCountsOnlyFailuresInARow(t *testing.T) {
	s, _, clerk := usersStore(t)
	c := &clock{now: datatest.Today}
	s.Now = c.Now
	fail := func(n int) {
		for range n {
			if err := login(s, "wrong"); !errors.Is(err, data.ErrBadLogin) {
				t.Fatalf("want a plain refusal, got %v", err)
			}
		}
	}
	fail(4)
	if err := login(s, "clerk123"); err != nil {
		t.Fatal(err)
	}
	fail(4) // a success resets the count
	lockedFor(t, login(s, "wrong"))
	c.advance(data.LockDuration)
	fail(4) // after the lock the count starts again
	lockedFor(t, login(s, "wrong"))
	// An administrator's new password lifts the lock at once.
	if err := s.SetPassword(context.Background(), clerk.ID, "newpass1"); err != nil {
		t.Fatal(err)
	}
	if err := login(s, "newpass1"); err != nil {
		t.Fatalf("after reset: %v", err)
	}
	audit, _ := s.ListAudit(context.Background(), 3)
	if audit[0].Action != "登录" || audit[0].Actor != "李干事" || audit[1].Action != "重设密码" {
		t.Errorf("audit = %+v", audit)
	}
}

func TestLastAdministratorStays(t *testing.T) {
	ctx := context.Background()
	s, admin, clerk := usersStore(t)
	if err := s.SetRole(ctx, admin.ID, data.RoleClerk); fieldMessage(err, "角色") == "" {
		t.Fatalf("demoting the last administrator: %v", err)
	}
	if err := s.DisableUser(ctx, admin.ID); fieldMessage(err, "角色") == "" {
		t.Fatalf("disabling the last administrator: %v", err)
	}
	if err := s.SetRole(ctx, clerk.ID, data.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if err := s.DisableUser(ctx, admin.ID); err != nil {
		t.Fatalf("with a second administrator: %v", err)
	}
	if on, _ := s.LoginRequired(ctx); !on {
		t.Error("login turned off")
	}
	users, _ := s.Users(ctx)
	if len(users) != 2 || users[0].Name != "李干事" || users[0].Role != data.RoleAdmin || !users[1].Disabled {
		t.Errorf("users = %+v", users)
	}
}

func TestRolesLimitWhatTheStoreChanges(t *testing.T) {
	ctx := context.Background()
	s, _, clerk := usersStore(t)
	terms, _ := s.ListTerms(ctx)
	m := member("张三", "男", "1970-01", "教育界")
	m.TermID = terms[0].ID

	s.SetActor("张主席", data.RoleViewer)
	var pe *data.PermissionError
	if err := s.CreateMember(ctx, &m); !errors.As(err, &pe) || !strings.Contains(data.UserMessage(err), "只读") {
		t.Fatalf("只读 user adds a member: %v", err)
	}
	if list, _ := s.ListMembers(ctx, data.MemberFilter{TermID: m.TermID}); len(list) != 0 {
		t.Fatal("the refused member was saved")
	}

	s.SetActor("李干事", data.RoleClerk)
	m.Person.ID, m.Membership.ID = 0, 0
	if err := s.CreateMember(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUser(ctx, "赵科长", data.RoleClerk, "secret1"); !errors.As(err, &pe) {
		t.Errorf("录入员 adds a user: %v", err)
	}
	if err := s.SetPassword(ctx, clerk.ID, "secret1"); !errors.As(err, &pe) {
		t.Errorf("录入员 resets a password: %v", err)
	}
	audit, _ := s.ListAudit(ctx, 1)
	if audit[0].Actor != "李干事" {
		t.Errorf("audit line by %q, want the logged-in 李干事", audit[0].Actor)
	}
}

// BenchmarkAuthenticate measures one login with the shipped argon2id
// parameters (data.DefaultKDF): the wait a user feels, and what each guess
// costs an attacker holding a copy of the database.
func BenchmarkAuthenticate(b *testing.B) {
	ctx := context.Background()
	s, _ := datatest.County(b)
	s.KDF = data.DefaultKDF
	if _, err := s.CreateUser(ctx, "王主任", data.RoleAdmin, "admin123"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Authenticate(ctx, "王主任", "admin123"); err != nil {
			b.Fatal(err)
		}
	}
}
