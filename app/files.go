package app

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

const prefLastDir = "dir.last"

// pickers choose files. The window uses Fyne's file dialogs; tests replace
// them with functions that answer at once.
type pickers struct {
	openFile func(title string, exts []string, cb func(path string))
	saveFile func(title, name string, cb func(path string))
}

func dialogPickers(u *UI) pickers {
	return pickers{
		openFile: func(title string, exts []string, cb func(string)) {
			d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
				if err != nil {
					showError(err, u.win)
					return
				}
				if r == nil {
					return // cancelled
				}
				path := r.URI().Path()
				r.Close()
				u.rememberDir(path)
				cb(path)
			}, u.win)
			d.SetTitleText(title)
			d.SetFilter(storage.NewExtensionFileFilter(exts))
			u.startIn(d)
			showFileDialog(d)
		},
		saveFile: func(title, name string, cb func(string)) {
			d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
				if err != nil {
					showError(err, u.win)
					return
				}
				if w == nil {
					return
				}
				path := w.URI().Path()
				w.Close() // export.SaveFile writes it again, atomically
				u.rememberDir(path)
				cb(path)
			}, u.win)
			d.SetTitleText(title)
			d.SetFileName(name)
			u.startIn(d)
			showFileDialog(d)
		},
	}
}

// startIn opens a file dialog in the folder used last, or in Documents.
func (u *UI) startIn(d *dialog.FileDialog) {
	dir := u.app.Preferences().String(prefLastDir)
	if dir == "" {
		if home, err := os.UserHomeDir(); err == nil {
			dir = home
			for _, sub := range []string{"Documents", "文档", "桌面", "Desktop"} {
				if st, err := os.Stat(filepath.Join(home, sub)); err == nil && st.IsDir() {
					dir = filepath.Join(home, sub)
					break
				}
			}
		}
	}
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

func (u *UI) rememberDir(path string) {
	u.app.Preferences().SetString(prefLastDir, filepath.Dir(path))
}

// showFileDialog shows a file or folder dialog at a comfortable size. Fyne
// builds the dialog's window in Show, and Resize before Show dereferences
// nil (fyne v2.8.1), so the size is set after.
func showFileDialog(d *dialog.FileDialog) {
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
}
