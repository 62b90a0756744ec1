package data

import (
	"fmt"
	"sync"
	"time"
)

// Role is what a user may do once logged in.
type Role string

// The roles. Without login (no administrator password set) the program acts
// as RoleNone, which may do everything, like an administrator.
const (
	RoleNone   Role = ""
	RoleAdmin  Role = "管理员" // everything, including users, settings and purging
	RoleClerk  Role = "录入员" // enter and edit records
	RoleViewer Role = "只读"  // leaders: view and print
)

// UserRoles are the roles a user can have, most powerful first.
var UserRoles = []Role{RoleAdmin, RoleClerk, RoleViewer}

// User is one person who logs in. Passwords never leave the store.
type User struct {
	ID          int64
	Name        string
	Role        Role
	Disabled    bool
	Failures    int       // wrong passwords since the last success or lock
	LockedUntil time.Time // zero when not locked
	CreatedAt   string
	LastLogin   string // RFC 3339, "" before the first login
}

// Locked reports whether the user is locked out at now.
func (u User) Locked(now time.Time) bool { return now.Before(u.LockedUntil) }

// Login limits: after MaxFailures wrong passwords in a row the user is
// locked for LockDuration.
const (
	MaxFailures  = 5
	LockDuration = 15 * time.Minute
	MinPassword  = 6 // characters
)

// KDF are the argon2id parameters new passwords are hashed with; each user
// keeps the parameters of their own hash, so raising them later only
// affects new passwords.
type KDF struct {
	Time    uint32
	Memory  uint32 // KiB
	Threads uint8
}

// DefaultKDF follows RFC 9106's second recommendation (64 MiB, 3 passes);
// measured in docs/security.md.
var DefaultKDF = KDF{Time: 3, Memory: 64 * 1024, Threads: 4}

// Login errors; their texts are what the user reads.
var (
	ErrBadLogin     = UserErr("用户名或密码错误")
	ErrUserDisabled = UserErr("该用户已停用，请联系管理员")
)

// LockedError, the cause of the *UserError a locked-out user gets, says
// for how many more minutes.
type LockedError struct {
	Until   time.Time
	Minutes int // rounded up, at least 1
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("user locked for %d more minutes", e.Minutes)
}

func lockedError(until, now time.Time) error {
	m := max(int((until.Sub(now)+time.Minute-1)/time.Minute), 1)
	return UserErrf(&LockedError{Until: until, Minutes: m}, "已锁定，请在%d分钟后再试", m)
}

// PermissionError, the cause of the *UserError refusing a change, names
// the role the change needs.
type PermissionError struct{ Need Role }

func (e *PermissionError) Error() string { return "permission denied: needs role " + string(e.Need) }

var (
	errReadOnly  = UserErrf(&PermissionError{RoleClerk}, "当前用户为只读权限，不能修改数据，数据未更改。")
	errAdminOnly = UserErrf(&PermissionError{RoleAdmin}, "只有管理员可以进行此操作，数据未更改。")
)

// actor is who is using the store: recorded in every audit line, and what
// the store lets them change (a 只读 user changes nothing).
type actor struct {
	mu   sync.Mutex
	name string
	role Role
}

// SetActor sets who the store records as making changes (the logged-in
// user, or the 操作人 set in 设置 when login is off) and their role, which
// the store enforces: RoleViewer may change nothing, only RoleAdmin (or
// RoleNone, without login) may manage users or purge.
func (s *Store) SetActor(name string, role Role) {
	s.who.mu.Lock()
	defer s.who.mu.Unlock()
	s.who.name, s.who.role = name, role
}

// Actor returns the name and role set by SetActor.
func (s *Store) Actor() (string, Role) {
	s.who.mu.Lock()
	defer s.who.mu.Unlock()
	return s.who.name, s.who.role
}

func (s *Store) requireAdmin() error {
	if _, r := s.Actor(); r != RoleNone && r != RoleAdmin {
		return errAdminOnly
	}
	return nil
}

// canWrite refuses every audited change for a 只读 user.
func (s *Store) canWrite() error {
	if _, r := s.Actor(); r == RoleViewer {
		return errReadOnly
	}
	return nil
}
