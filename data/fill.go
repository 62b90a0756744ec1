package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// FillAtomically runs fill on a copy of the database and puts the copy in
// its place only when fill succeeds, so filling a database (the demo
// county, scale data) is all or nothing: killed or failing midway, it leaves
// the database as it was. The copy is made beside the file (VACUUM INTO,
// with the same actor and clock), filled, closed, and renamed over the
// database; s is closed then and the returned store is the new one. On
// failure s stays open and unchanged and is returned with the error.
// The caller holds the database's lock (LockDatabase), or no other program
// works on the file.
func FillAtomically(ctx context.Context, s *Store, fill func(ctx context.Context, t *Store) error) (*Store, error) {
	tmp := s.path + ".filling"
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm", tmp + ".lock"} {
		os.Remove(p) // left by a run that was killed
	}
	if err := s.BackupTo(ctx, tmp); err != nil {
		return s, err
	}
	defer func() {
		for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
			os.Remove(p)
		}
	}()
	t, err := Open(ctx, tmp)
	if err != nil {
		return s, err
	}
	name, role := s.Actor()
	t.Now, t.KDF = s.Now, s.KDF
	t.SetActor(name, role)
	err = fill(ctx, t)
	if err == nil {
		// Back to a rollback journal: every page is in the main file, and
		// no -wal stays behind to be renamed with it.
		_, err = t.db.ExecContext(ctx, "PRAGMA journal_mode = DELETE")
	}
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return s, err
	}
	if err := syncFile(tmp); err != nil {
		return s, err
	}
	path := s.path
	if err := s.Close(); err != nil {
		return s, err
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(path + side); err != nil && !errors.Is(err, os.ErrNotExist) {
			return reopen(ctx, s, err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return reopen(ctx, s, fmt.Errorf("replace database: %w", err))
	}
	syncDir(filepath.Dir(path))
	return reopen(ctx, s, nil)
}

// reopen opens the database of the closed store old again, with the same
// actor and clock, returning cause (a failure, if any) as well.
func reopen(ctx context.Context, old *Store, cause error) (*Store, error) {
	s, err := Open(ctx, old.path)
	if err != nil {
		return nil, errors.Join(cause, err)
	}
	name, role := old.Actor()
	s.Now, s.KDF = old.Now, old.KDF
	s.SetActor(name, role)
	return s, cause
}
