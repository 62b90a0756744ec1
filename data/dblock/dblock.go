// Package dblock keeps one program at a time working on a database file:
// a lock file beside the database names the holder (process, user, host,
// program, since when), and an operating-system lock on that file — flock
// on Unix, LockFileEx on Windows — says whether the holder is still alive.
// The system drops the lock when the process ends, however it ends, so a
// lock left by a killed program is simply taken over.
package dblock

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"time"
)

// Holder is who holds a lock, as written in the lock file.
type Holder struct {
	PID     int       `json:"pid"`
	User    string    `json:"user"`
	Host    string    `json:"host"`
	Program string    `json:"program"`
	Since   time.Time `json:"since"`
}

// HeldError is the refusal when another process holds the lock. Holder is
// read from the lock file and may be zero when the holder has not written
// it yet.
type HeldError struct {
	Path   string // the lock file
	Holder Holder
}

func (e *HeldError) Error() string {
	return fmt.Sprintf("%s is locked by %s (pid %d, user %s)", e.Path, e.Holder.Program, e.Holder.PID, e.Holder.User)
}

// Lock is a held lock; Release gives it up.
type Lock struct {
	f    *os.File
	path string
}

// Path is the lock file of the database at dbPath: "<db>.lock" beside it.
func Path(dbPath string) string { return dbPath + ".lock" }

// Acquire takes the lock of the database at dbPath for program, without
// waiting: when another living process holds it, it returns a *HeldError
// naming the holder. A lock file whose holder has gone is taken over.
func Acquire(dbPath, program string) (*Lock, error) {
	path := Path(dbPath)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	for range 20 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		if !ok {
			h, _ := readHolder(f)
			f.Close()
			return nil, &HeldError{Path: path, Holder: h}
		}
		// The holder before us may have removed the file between our open
		// and our lock: then we locked a file nobody else will look at.
		fi, ferr := f.Stat()
		pi, perr := os.Stat(path)
		if ferr != nil || perr != nil || !os.SameFile(fi, pi) {
			f.Close()
			continue
		}
		l := &Lock{f: f, path: path}
		if err := l.write(program); err != nil {
			l.Release()
			return nil, err
		}
		return l, nil
	}
	return nil, errors.New("dblock: lock file keeps changing: " + path)
}

// Read returns the holder of the database's lock, and false when nobody
// holds it (no lock file, or its holder has gone). It does not take the lock.
func Read(dbPath string) (Holder, bool) {
	l, err := Acquire(dbPath, "probe")
	var held *HeldError
	switch {
	case errors.As(err, &held):
		return held.Holder, true
	case err == nil:
		l.Release()
	}
	return Holder{}, false
}

func (l *Lock) write(program string) error {
	h := Holder{PID: os.Getpid(), Program: program, Since: time.Now().Truncate(time.Second)}
	if u, err := user.Current(); err == nil {
		h.User = u.Username
	}
	h.Host, _ = os.Hostname()
	body, err := json.Marshal(h)
	if err != nil {
		return err
	}
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	if _, err := l.f.WriteAt(append(body, '\n'), 0); err != nil {
		return err
	}
	return l.f.Sync()
}

// readHolder reads the holder from the start of the lock file (the
// operating-system lock covers a byte far beyond it, so reading is allowed
// on Windows too).
func readHolder(f *os.File) (Holder, error) {
	buf := make([]byte, 4096)
	n, err := f.ReadAt(buf, 0)
	if n == 0 {
		return Holder{}, err
	}
	var h Holder
	end := n
	for i, b := range buf[:n] {
		if b == '\n' {
			end = i
			break
		}
	}
	return h, json.Unmarshal(buf[:end], &h)
}

// Release gives up the lock and removes the lock file. Releasing a nil or
// released lock does nothing.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := release(l.f, l.path)
	l.f = nil
	return err
}
