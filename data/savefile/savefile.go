// Package savefile writes files atomically and says in Chinese why a save
// failed (a folder of that name, no permission, disk full, the file open in
// Excel or WPS). Every export, report and rule file is saved through it.
package savefile

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
)

// Write writes a file through write, atomically: the data goes to a
// temporary file beside path, which replaces path only when everything was
// written. A failed export never leaves a half-written sheet behind, nor
// destroys the file it was about to replace.
func Write(path string, write func(io.Writer) error) (err error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return folderError(path)
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".zhengxie-*.tmp")
	if err != nil {
		return createError(dir, err)
	}
	saved := false
	defer func() { // on an error, and on a panic in write (err is nil then)
		if !saved {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return writeError(path, err)
	}
	if err = tmp.Sync(); err != nil {
		return writeError(path, err)
	}
	if err = tmp.Close(); err != nil {
		return writeError(path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return renameError(path, err)
	}
	saved = true
	return nil
}
