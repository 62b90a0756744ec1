package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"time"
)

// backupFailureKey holds the last failed automatic backup in the setting
// table, so the window can show it (also after a failure at exit, which
// nobody saw) until a backup succeeds.
const backupFailureKey = "backup.failure"

// BackupFailure is an automatic backup that failed.
type BackupFailure struct {
	At     time.Time `json:"at"`
	When   string    `json:"when"`   // 启动时 or 退出时
	Reason string    `json:"reason"` // Chinese, from BackupFailureReason
}

// Line is the sentence the window shows: 自动备份失败（退出时，于
// 2026-12-03 17:20）：磁盘空间不足。…
func (f BackupFailure) Line() string {
	return fmt.Sprintf("自动备份失败（%s，于 %s）：%s", f.When, f.At.Format("2006-01-02 15:04"), f.Reason)
}

// RecordBackupFailure keeps the failure of an automatic backup (when is
// 启动时 or 退出时) until the next successful backup. It writes no audit
// line: it is the program's state, not a user's change.
func (s *Store) RecordBackupFailure(ctx context.Context, when string, cause error) error {
	body, err := json.Marshal(BackupFailure{At: s.Now(), When: when, Reason: BackupFailureReason(cause)})
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO setting(key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, backupFailureKey, string(body)); err != nil {
		return fmt.Errorf("record backup failure: %w", err)
	}
	return nil
}

// BackupFailure is the recorded failure of the last automatic backup; ok
// is false when the last backup succeeded (or none failed).
func (s *Store) BackupFailure(ctx context.Context) (f BackupFailure, ok bool, err error) {
	var v string
	err = s.db.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", backupFailureKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return f, false, nil
	}
	if err != nil {
		return f, false, fmt.Errorf("read backup failure: %w", err)
	}
	if json.Unmarshal([]byte(v), &f) != nil || f.Reason == "" {
		f = BackupFailure{When: "自动备份", Reason: "原因未能读取"}
	}
	return f, true, nil
}

// clearBackupFailure forgets a recorded failure after a backup succeeded.
// It writes only when there is something to forget, so a backup of a
// read-only database does not fail here.
func (s *Store) clearBackupFailure(ctx context.Context) error {
	if _, ok, err := s.BackupFailure(ctx); err != nil || !ok {
		return err
	}
	if _, err := s.db.ExecContext(ctx, "DELETE FROM setting WHERE key = ?", backupFailureKey); err != nil {
		return fmt.Errorf("clear backup failure: %w", err)
	}
	return nil
}

// BackupFailureReason says in Chinese why a backup failed and what to do.
func BackupFailureReason(err error) string {
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	var pe *fs.PathError
	var ue *UserError
	switch {
	case err == nil:
		return "原因不明"
	case errors.Is(err, syscall.ENOSPC) || strings.Contains(msg, "disk is full") || strings.Contains(msg, "no space left"):
		return "磁盘空间不足。请清理磁盘或在“备份保留”中减少保留份数，然后点“立即备份”。"
	case errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.ENOTDIR):
		where := backupFolderHint
		if errors.As(err, &pe) {
			where = pe.Path
		}
		return "无法写入备份文件夹（" + where + "）：没有写入权限，或该位置不是文件夹。请检查后点“立即备份”。"
	case errors.As(err, &ue):
		return ue.Msg
	}
	return "未能写入备份。技术信息：" + msg
}

// backupFolderHint names the backup folder when an error does not say which path failed.
const backupFolderHint = "数据文件旁的 backups 文件夹"
