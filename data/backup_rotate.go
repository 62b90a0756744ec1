package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"zhengxie/data/backup"
)

const backupPolicyKey = "backup.policy"

// BackupPolicy is how many backups the folder keeps (backup.DefaultPolicy
// until changed in 设置).
func (s *Store) BackupPolicy(ctx context.Context) (backup.Policy, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", backupPolicyKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return backup.DefaultPolicy, nil
	}
	if err != nil {
		return backup.DefaultPolicy, fmt.Errorf("read backup policy: %w", err)
	}
	p := backup.DefaultPolicy
	if err := json.Unmarshal([]byte(v), &p); err != nil || p.Validate() != nil {
		return backup.DefaultPolicy, nil // a damaged setting must not stop backups
	}
	return p, nil
}

// SetBackupPolicy stores the rotation policy after checking it.
func (s *Store) SetBackupPolicy(ctx context.Context, p backup.Policy) error {
	if err := p.Validate(); err != nil {
		return Invalid("备份保留", err.Error())
	}
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO setting(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, backupPolicyKey, string(body)); err != nil {
			return fmt.Errorf("save backup policy: %w", err)
		}
		return s.audit(ctx, tx, "保存", "备份设置", 0, fmt.Sprintf("每日 %d 份，每周 %d 份，每月 %d 份，手动 %d 份",
			p.Daily, p.Weekly, p.Monthly, p.Manual))
	})
}

// PruneBackups deletes the backups the rotation policy no longer keeps and
// returns their paths.
func (s *Store) PruneBackups(ctx context.Context) ([]string, error) {
	p, err := s.BackupPolicy(ctx)
	if err != nil {
		return nil, err
	}
	files := backupFiles(BackupDir(s.path))
	items := make([]backup.Item, len(files))
	for i, f := range files {
		items[i] = f.Item
	}
	var removed []string
	for i, keep := range backup.Keep(items, p) {
		if keep {
			continue
		}
		if err := os.Remove(files[i].path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return removed, fmt.Errorf("remove old backup: %w", err)
		}
		removed = append(removed, files[i].path)
	}
	return removed, nil
}
