//go:build unix

package dblock

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// tryLock takes flock's exclusive lock without waiting; false when another
// open file holds it.
func tryLock(f *os.File) (bool, error) {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, unix.EWOULDBLOCK):
			return false, nil
		case errors.Is(err, unix.EINTR):
			continue
		}
		return false, err
	}
}

// release removes the lock file while still holding the lock (whoever
// opens the name next gets a new file; Acquire notices an old one), then
// unlocks by closing.
func release(f *os.File, path string) error {
	rmErr := os.Remove(path)
	if errors.Is(rmErr, os.ErrNotExist) {
		rmErr = nil
	}
	return errors.Join(rmErr, f.Close())
}
