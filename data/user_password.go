package data

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ChangePassword lets a logged-in user replace their own password, any role
// (a 只读 leader too): the old password must be right. A wrong old password
// counts towards the lockout like a failed login.
func (s *Store) ChangePassword(ctx context.Context, id int64, old, password string) error {
	name, _ := s.Actor()
	var salt, hash []byte
	var k KDF
	var u User
	var locked string
	err := s.db.QueryRowContext(ctx, "SELECT name, failures, locked_until, salt, hash, kdf_time, kdf_memory, kdf_threads FROM app_user WHERE id = ?", id).
		Scan(&u.Name, &u.Failures, &locked, &salt, &hash, &k.Time, &k.Memory, &k.Threads)
	if err != nil {
		return fmt.Errorf("change password: %w", notFound(err))
	}
	u.ID = id
	if u.Name != name {
		return errAdminOnly // only one's own; administrators use SetPassword
	}
	now := s.Now()
	if locked != "" {
		if u.LockedUntil, _ = time.Parse(time.RFC3339Nano, locked); u.Locked(now) {
			return lockedError(u.LockedUntil, now)
		}
	}
	if subtle.ConstantTimeCompare(k.hash(old, salt), hash) != 1 {
		var result error
		if err := s.inTx(ctx, func(tx *sql.Tx) error { return s.countFailure(ctx, tx, &u, now, &result) }); err != nil {
			return fmt.Errorf("change password: %w", err)
		}
		if le := (*LockedError)(nil); errors.As(result, &le) {
			return result
		}
		return Invalid("原密码", "原密码不正确")
	}
	if err := checkPassword(password); err != nil {
		return err
	}
	newSalt, newHash, err := s.hashNew(password)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE app_user SET salt = ?, hash = ?, kdf_time = ?, kdf_memory = ?, kdf_threads = ?,
			failures = 0 WHERE id = ?`, newSalt, newHash, s.KDF.Time, s.KDF.Memory, s.KDF.Threads, id); err != nil {
			return err
		}
		return s.auditAs(ctx, tx, u.Name, "修改密码", "用户", id, u.Name)
	})
	if err != nil {
		return fmt.Errorf("change password: %w", err)
	}
	return nil
}
