//go:build !unix && !windows

package dblock

import "os"

// tryLock: without an operating-system lock the lock file only names the
// holder; every caller gets the lock.
func tryLock(f *os.File) (bool, error) { return true, nil }

func release(f *os.File, path string) error {
	err := f.Close()
	_ = os.Remove(path)
	return err
}
