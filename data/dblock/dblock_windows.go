//go:build windows

package dblock

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockOffset is the byte LockFileEx locks: far beyond the holder line, so
// others can still read who holds the lock (Windows locks forbid reading
// the locked range).
const lockOffset = 1 << 30

// tryLock takes an exclusive LockFileEx lock without waiting; false when
// another process holds it.
func tryLock(f *os.File) (bool, error) {
	ol := new(windows.Overlapped)
	ol.Offset = lockOffset
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION), errors.Is(err, windows.ERROR_IO_PENDING):
		return false, nil
	}
	return false, err
}

// release closes the file (which drops the lock) and then removes it; when
// another process has opened it meanwhile, Windows refuses the removal and
// the file stays, which is harmless.
func release(f *os.File, path string) error {
	err := f.Close()
	_ = os.Remove(path)
	return err
}
