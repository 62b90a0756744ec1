package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// backupCopyKey holds when the program last wrote a backup outside the
// backup folder (备份到U盘), which the folder itself cannot show.
const backupCopyKey = "backup.copy"

// RecordBackupCopy notes that a backup was just written outside the backup
// folder. Like RecordBackupFailure it is the program's state and writes no
// audit line.
func (s *Store) RecordBackupCopy(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO setting(key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, backupCopyKey, s.Now().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("record backup copy: %w", err)
	}
	return nil
}

// NewestBackup is the time of the newest backup the program made, of any
// kind: automatic or manual in the backup folder, or to another folder
// (zero when there is none). LastBackup alone decides when the automatic
// backup is due: a copy on a USB stick does not replace the folder's.
func (s *Store) NewestBackup(ctx context.Context) time.Time {
	last := s.LastBackup()
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", backupCopyKey).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return last
	}
	if t, perr := time.ParseInLocation(time.RFC3339, v, time.Local); perr == nil && t.After(last) {
		return t
	}
	return last
}
