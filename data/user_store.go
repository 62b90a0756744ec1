package data

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

const userCols = "id, name, role, disabled, failures, locked_until, created_at, last_login"

func scanUser(sc interface{ Scan(...any) error }) (User, error) {
	var u User
	var role, locked string
	if err := sc.Scan(&u.ID, &u.Name, &role, &u.Disabled, &u.Failures, &locked, &u.CreatedAt, &u.LastLogin); err != nil {
		return u, err
	}
	u.Role = Role(role)
	if locked != "" {
		u.LockedUntil, _ = time.Parse(time.RFC3339Nano, locked)
	}
	return u, nil
}

// Users lists every user, administrators first, then by name.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+userCols+` FROM app_user
		ORDER BY CASE role WHEN '管理员' THEN 0 WHEN '录入员' THEN 1 ELSE 2 END, name`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// GetUser returns one user by ID.
func (s *Store) GetUser(ctx context.Context, id int64) (User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, "SELECT "+userCols+" FROM app_user WHERE id = ?", id))
	return u, notFound(err)
}

// LoginRequired reports whether the program asks for a login: once an
// enabled administrator (with a password) exists.
func (s *Store) LoginRequired(ctx context.Context) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM app_user WHERE role = '管理员' AND disabled = 0").Scan(&n)
	if err != nil {
		return false, fmt.Errorf("check login: %w", err)
	}
	return n > 0, nil
}

// CreateUser adds a user with a password. The first user must be an
// administrator: setting that first password turns login on. Only an
// administrator (or anyone while login is off) may add users.
func (s *Store) CreateUser(ctx context.Context, name string, role Role, password string) (User, error) {
	name = strings.TrimSpace(name)
	if err := s.requireAdmin(); err != nil {
		return User{}, err
	}
	if err := checkUser(name, role, password); err != nil {
		return User{}, err
	}
	salt, hash, err := s.hashNew(password)
	if err != nil {
		return User{}, err
	}
	var id int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var admins int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM app_user WHERE role = '管理员' AND disabled = 0").Scan(&admins); err != nil {
			return err
		}
		if admins == 0 && role != RoleAdmin {
			return Invalid("角色", "请先设置管理员：第一个用户必须是管理员")
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO app_user(name, role, salt, hash, kdf_time, kdf_memory, kdf_threads, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, name, string(role), salt, hash, s.KDF.Time, s.KDF.Memory, s.KDF.Threads,
			s.Now().Format(time.RFC3339))
		if isUniqueViolation(err) {
			return Invalid("用户名", "已有同名用户")
		}
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		detail := name + "（" + string(role) + "）"
		if admins == 0 {
			detail += "，启用登录"
		}
		return s.audit(ctx, tx, "新增", "用户", id, detail)
	})
	if err != nil {
		return User{}, fmt.Errorf("create user: %w", err)
	}
	return s.GetUser(ctx, id)
}

func checkUser(name string, role Role, password string) error {
	var es ValidationErrors
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		es = append(es, &ValidationError{"用户名", "请填写用户名"})
	case n > 20 || strings.ContainsAny(name, " \t\r\n　"):
		es = append(es, &ValidationError{"用户名", "用户名不超过 20 个字，不含空格"})
	}
	if !slices.Contains(UserRoles, role) {
		es = append(es, &ValidationError{"角色", "请选择管理员、录入员或只读"})
	}
	if err := checkPassword(password); err != nil {
		es = append(es, err.(*ValidationError))
	}
	if len(es) > 0 {
		return es
	}
	return nil
}

func checkPassword(p string) error {
	if utf8.RuneCountInString(p) < MinPassword {
		return &ValidationError{"密码", fmt.Sprintf("密码至少 %d 位", MinPassword)}
	}
	return nil
}

// SetPassword gives a user a new password and lifts a lockout (an
// administrator resetting a forgotten password).
func (s *Store) SetPassword(ctx context.Context, id int64, password string) error {
	if err := s.requireAdmin(); err != nil {
		return err
	}
	if err := checkPassword(password); err != nil {
		return err
	}
	salt, hash, err := s.hashNew(password)
	if err != nil {
		return err
	}
	return s.changeUser(ctx, id, "重设密码", "", func(tx *sql.Tx, u User) error {
		_, err := tx.ExecContext(ctx, `UPDATE app_user SET salt = ?, hash = ?, kdf_time = ?, kdf_memory = ?, kdf_threads = ?,
			failures = 0, locked_until = '' WHERE id = ?`, salt, hash, s.KDF.Time, s.KDF.Memory, s.KDF.Threads, id)
		return err
	})
}

// SetRole changes a user's role; the last administrator keeps theirs.
func (s *Store) SetRole(ctx context.Context, id int64, role Role) error {
	if !slices.Contains(UserRoles, role) {
		return Invalid("角色", "请选择管理员、录入员或只读")
	}
	return s.changeUser(ctx, id, "修改角色", "改为"+string(role), func(tx *sql.Tx, u User) error {
		if u.Role == RoleAdmin && role != RoleAdmin {
			if err := lastAdminCheck(ctx, tx, u); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, "UPDATE app_user SET role = ? WHERE id = ?", string(role), id)
		return err
	})
}

// DisableUser stops a user from logging in (kept for the audit log, which
// names them); the last administrator cannot be disabled.
func (s *Store) DisableUser(ctx context.Context, id int64) error {
	return s.changeUser(ctx, id, "停用", "", func(tx *sql.Tx, u User) error {
		if u.Role == RoleAdmin {
			if err := lastAdminCheck(ctx, tx, u); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, "UPDATE app_user SET disabled = 1 WHERE id = ?", id)
		return err
	})
}

// EnableUser lets a disabled user log in again.
func (s *Store) EnableUser(ctx context.Context, id int64) error {
	return s.changeUser(ctx, id, "启用", "", func(tx *sql.Tx, u User) error {
		_, err := tx.ExecContext(ctx, "UPDATE app_user SET disabled = 0, failures = 0, locked_until = '' WHERE id = ?", id)
		return err
	})
}

// lastAdminCheck refuses to take away the last enabled administrator, which
// would silently turn login off for everyone.
func lastAdminCheck(ctx context.Context, tx *sql.Tx, u User) error {
	var others int
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM app_user WHERE role = '管理员' AND disabled = 0 AND id <> ?", u.ID).Scan(&others)
	if err != nil {
		return err
	}
	if others == 0 && !u.Disabled {
		return Invalid("角色", "至少要保留一位可用的管理员")
	}
	return nil
}

// changeUser runs one administrator's change to a user and audits it.
func (s *Store) changeUser(ctx context.Context, id int64, action, detail string, fn func(tx *sql.Tx, u User) error) error {
	if err := s.requireAdmin(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		u, err := scanUser(tx.QueryRowContext(ctx, "SELECT "+userCols+" FROM app_user WHERE id = ?", id))
		if err != nil {
			return notFound(err)
		}
		if err := fn(tx, u); err != nil {
			return err
		}
		return s.audit(ctx, tx, action, "用户", id, strings.TrimSpace(u.Name+" "+detail))
	})
	if err != nil {
		return fmt.Errorf("%s user %d: %w", action, id, err)
	}
	return nil
}

// Authenticate checks a user name and password. A wrong password counts;
// the MaxFailures-th in a row locks the user for LockDuration, during which
// even the right password is refused with *LockedError. Errors:
// ErrBadLogin (unknown name or wrong password, alike), *LockedError,
// ErrUserDisabled (right password, disabled user). Every attempt on a known
// user is audited.
func (s *Store) Authenticate(ctx context.Context, name, password string) (User, error) {
	name = strings.TrimSpace(name)
	var salt, hash []byte
	var k KDF
	row := s.db.QueryRowContext(ctx, "SELECT "+userCols+", salt, hash, kdf_time, kdf_memory, kdf_threads FROM app_user WHERE name = ?", name)
	var u User
	var role, locked string
	err := row.Scan(&u.ID, &u.Name, &role, &u.Disabled, &u.Failures, &locked, &u.CreatedAt, &u.LastLogin,
		&salt, &hash, &k.Time, &k.Memory, &k.Threads)
	if errors.Is(err, sql.ErrNoRows) {
		s.KDF.hash(password, make([]byte, 16)) // the same work as for a known name
		return User{}, ErrBadLogin
	}
	if err != nil {
		return User{}, fmt.Errorf("authenticate: %w", err)
	}
	u.Role = Role(role)
	if locked != "" {
		u.LockedUntil, _ = time.Parse(time.RFC3339Nano, locked)
	}
	now := s.Now()
	if u.Locked(now) {
		return User{}, lockedError(u.LockedUntil, now)
	}
	good := subtle.ConstantTimeCompare(k.hash(password, salt), hash) == 1
	var result error
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		switch {
		case good && u.Disabled:
			result = ErrUserDisabled
			return s.auditAs(ctx, tx, u.Name, "登录失败", "用户", u.ID, "用户已停用")
		case good:
			u.Failures, u.LockedUntil, u.LastLogin = 0, time.Time{}, now.Format(time.RFC3339)
			if _, err := tx.ExecContext(ctx, "UPDATE app_user SET failures = 0, locked_until = '', last_login = ? WHERE id = ?",
				u.LastLogin, u.ID); err != nil {
				return err
			}
			return s.auditAs(ctx, tx, u.Name, "登录", "用户", u.ID, "")
		}
		return s.countFailure(ctx, tx, &u, now, &result)
	})
	if err != nil {
		return User{}, fmt.Errorf("authenticate: %w", err)
	}
	if result != nil {
		return User{}, result
	}
	return u, nil
}

// countFailure records one wrong password and locks the user at the
// MaxFailures-th; result becomes the error to return.
func (s *Store) countFailure(ctx context.Context, tx *sql.Tx, u *User, now time.Time, result *error) error {
	u.Failures++
	*result = ErrBadLogin
	detail := fmt.Sprintf("密码错误（连续第 %d 次）", u.Failures)
	locked := ""
	if u.Failures >= MaxFailures {
		u.LockedUntil = now.Add(LockDuration)
		u.Failures = 0
		locked = u.LockedUntil.Format(time.RFC3339Nano)
		*result = lockedError(u.LockedUntil, now)
		detail += fmt.Sprintf("，锁定 %d 分钟", int(LockDuration/time.Minute))
	}
	if _, err := tx.ExecContext(ctx, "UPDATE app_user SET failures = ?, locked_until = ? WHERE id = ?", u.Failures, locked, u.ID); err != nil {
		return err
	}
	return s.auditAs(ctx, tx, u.Name, "登录失败", "用户", u.ID, detail)
}

// hashNew hashes a new password with a fresh random salt and s.KDF.
func (s *Store) hashNew(password string) (salt, hash []byte, err error) {
	salt = make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return nil, nil, fmt.Errorf("password salt: %w", err)
	}
	return salt, s.KDF.hash(password, salt), nil
}

func (k KDF) hash(password string, salt []byte) []byte {
	return argon2.IDKey([]byte(password), salt, max(k.Time, 1), max(k.Memory, 8), max(k.Threads, 1), 32)
}
