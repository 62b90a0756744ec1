package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"zhengxie/data/backup"
)

// RestoreOptions says who restores: only an administrator (or RoleNone,
// when login is off) may; the name goes into the audit line and stays the
// actor of the returned store.
type RestoreOptions struct {
	Actor string
	Role  Role
	// Source names the backup in the audit line when from is a decrypted
	// temporary copy (the encrypted file's name); default: from's name.
	Source string
	// Held is the lock on to that the caller holds (the window holds it
	// for as long as it runs); when nil, Restore takes it for its own
	// duration and refuses while another program holds it.
	Held *DBLock
}

// CanRestore refuses a restore to every role but 管理员 (and RoleNone).
func CanRestore(role Role) error {
	if role != RoleNone && role != RoleAdmin {
		return errAdminOnly
	}
	return nil
}

// RestoreResult says what a restore did.
type RestoreResult struct {
	From   BackupInfo  // what was restored
	Safety string      // the backup of the database as it was before ("" when there was none)
	Check  CheckReport // integrity, foreign keys and data, checked on the restored database
}

// Restore replaces the database at to with the backup at from and opens it.
// The store of to must be closed first; the caller uses the returned store
// from then on. from is checked first (InspectBackup): a file that is not a
// database, is damaged or comes from a newer version changes nothing. The
// current database is kept as a "restore" backup, then the backup is copied
// beside it under a temporary name and renamed over it, so a crash leaves
// either the old or the new database, never a mix. The restored database is
// migrated if older, checked, and the restore is written to the audit log.
// A 录入员 or 只读 user is refused before anything happens, and so is a
// restore while another program (a window) holds the database's lock.
func Restore(ctx context.Context, from, to string, opt RestoreOptions) (*Store, RestoreResult, error) {
	var res RestoreResult
	if err := CanRestore(opt.Role); err != nil {
		return nil, res, err
	}
	if opt.Held == nil {
		lk, err := LockDatabase(to, LockRestore)
		if err != nil {
			return nil, res, err
		}
		defer lk.Release()
	}
	orig := from
	if st, err := os.Stat(from + "-wal"); err == nil && st.Size() > 0 {
		// A database file copied with its write-ahead log (from another PC
		// while the program ran): part of its data is only in the log.
		snap, err := snapshotWithLog(ctx, from, BackupDir(to))
		if err != nil {
			return nil, res, err
		}
		defer os.Remove(snap)
		from = snap
	}
	info, err := InspectBackup(ctx, from)
	if from != orig {
		info.Path, info.Name = orig, filepath.Base(orig)
		if st, err := os.Stat(orig); err == nil {
			info.Time = st.ModTime()
		}
	}
	res.From = info
	if err != nil {
		return nil, res, err
	}
	if same, _ := sameFile(from, to); same {
		return nil, res, &UserError{Msg: "不能用正在使用的数据文件本身来恢复。请选择备份文件夹中的备份。"}
	}
	if _, err := os.Stat(to); err == nil {
		if res.Safety, err = safetyBackup(ctx, to, time.Now()); err != nil {
			return nil, res, fmt.Errorf("back up current database before restore: %w", err)
		}
	}
	if err := replaceFile(from, to); err != nil {
		return nil, res, fmt.Errorf("restore: %w", err)
	}
	s, err := Open(ctx, to)
	if err != nil {
		return nil, res, err
	}
	s.SetActor(opt.Actor, opt.Role)
	if res.Check, err = s.Check(ctx); err != nil {
		s.Close()
		return nil, res, err
	}
	if opt.Source != "" {
		info.Name = opt.Source
		res.From.Name = opt.Source
	}
	detail := fmt.Sprintf("从 %s 恢复（%s，%s）", info.Name, info.Time.Format("2006-01-02 15:04"), info.Summary())
	if res.Safety != "" {
		detail += "；恢复前的数据已备份为 " + filepath.Base(res.Safety)
	}
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return s.audit(ctx, tx, "恢复", "备份", 0, detail) }); err != nil {
		s.Close()
		return nil, res, err
	}
	return s, res, nil
}

// snapshotWithLog copies a database together with its write-ahead log into
// one consistent file in dir (SQLite replays the log when it opens it).
func snapshotWithLog(ctx context.Context, path, dir string) (string, error) {
	if err := checkHeader(path); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create backup folder: %w", err)
	}
	f, err := os.CreateTemp(dir, ".snapshot-*.db")
	if err != nil {
		return "", err
	}
	f.Close()
	os.Remove(f.Name())
	db, err := sql.Open("sqlite", fileURI(path))
	if err != nil {
		return "", damaged(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := vacuumInto(ctx, db, f.Name()); err != nil {
		return "", damaged(err)
	}
	return f.Name(), nil
}

// safetyBackup keeps the database at path (closed) as a "restore" backup.
// A database too damaged for VACUUM INTO is copied byte for byte, with its
// write-ahead log, so nothing is lost either way.
func safetyBackup(ctx context.Context, path string, now time.Time) (string, error) {
	dst, err := newBackupPath(BackupDir(path), now, backup.Restore)
	if err != nil {
		return "", err
	}
	db, err := sql.Open("sqlite", fileURI(path))
	if err == nil {
		db.SetMaxOpenConns(1)
		err = vacuumInto(ctx, db, dst)
		db.Close()
	}
	if err == nil {
		return dst, nil
	}
	if err := copyFile(path, dst); err != nil {
		return "", err
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		if err := copyFile(path+"-wal", dst+"-wal"); err != nil {
			return "", err
		}
	}
	return dst, nil
}

// replaceFile copies src over dst atomically: into a temporary file beside
// dst, flushed, then renamed. A stale write-ahead log of the old database
// is removed first, or SQLite would replay it into the new one.
func replaceFile(src, dst string) error {
	tmp := dst + ".restoring"
	if err := copyFile(src, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(dst + side); err != nil && !errors.Is(err, os.ErrNotExist) {
			os.Remove(tmp)
			return err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(dst))
	return nil
}

// copyFile copies src to dst and flushes dst to disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}
