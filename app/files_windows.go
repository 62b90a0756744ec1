//go:build windows

package app

import (
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/ncruces/zenity"
)

// On Windows files are chosen in the system's own dialogs: the 另存为 and
// 打开 dialogs clerks know, with 桌面, 文档, 此电脑 and the U盘 in the side
// bar, in the system's language, asking before a file is replaced.
// github.com/ncruces/zenity calls them in pure Go (no cgo). Each dialog is
// owned by the window, so it stays in front and the window waits for it;
// it runs on its own goroutine so the window keeps drawing, and its answer
// comes back on the UI goroutine. The export writes the file itself.

func nativePickers(u *UI) (pickers, bool) {
	return pickers{
		openFile: func(title string, exts []string, cb func(string)) {
			var patterns []string
			for _, e := range exts {
				patterns = append(patterns, "*"+e)
			}
			filter := zenity.FileFilter{Name: "可打开的文件（" + strings.Join(patterns, "、") + "）",
				Patterns: patterns, CaseFold: true}
			opts := append(u.nativeOptions(title, withSlash(u.startDir())), filter)
			u.runNative(func() (string, error) { return zenity.SelectFile(opts...) }, func(path string) {
				u.rememberDir(path)
				cb(path)
			})
		},
		saveFile: func(title, name string, cb func(string)) {
			opts := append(u.nativeOptions(title, filepath.Join(u.startDir(), name)), zenity.ConfirmOverwrite())
			if ext := filepath.Ext(name); ext != "" {
				opts = append(opts, zenity.FileFilter{Name: strings.ToUpper(ext[1:]) + " 文件（*" + ext + "）",
					Patterns: []string{"*" + ext}, CaseFold: true})
			}
			u.runNative(func() (string, error) { return zenity.SelectFileSave(opts...) }, func(path string) {
				u.rememberDir(path)
				cb(path)
			})
		},
	}, true
}

func nativeFolder(u *UI, title string, cb func(string)) bool {
	opts := append(u.nativeOptions(title, withSlash(u.startDir())), zenity.Directory())
	u.runNative(func() (string, error) { return zenity.SelectFile(opts...) }, func(dir string) {
		u.app.Preferences().SetString(prefLastDir, dir)
		cb(dir)
	})
	return true
}

// nativeOptions are a dialog's title, its starting file or folder, and
// the window that owns it.
func (u *UI) nativeOptions(title, filename string) []zenity.Option {
	opts := []zenity.Option{zenity.Title(title)}
	if filename != "" && filename != `\` {
		opts = append(opts, zenity.Filename(filename))
	}
	if nw, ok := u.win.(driver.NativeWindow); ok {
		var hwnd uintptr
		nw.RunNative(func(ctx any) {
			if w, ok := ctx.(driver.WindowsWindowContext); ok {
				hwnd = w.HWND
			}
		})
		if hwnd != 0 {
			opts = append(opts, zenity.Attach(hwnd))
		}
	}
	return opts
}

// runNative shows a system dialog off the UI goroutine and hands a chosen
// path to done on it; cancelling does nothing, a failure is shown.
func (u *UI) runNative(show func() (string, error), done func(string)) {
	go func() {
		path, err := show()
		fyne.Do(func() {
			switch {
			case errors.Is(err, zenity.ErrCanceled):
			case err != nil:
				showError(err, u.win)
			case path != "":
				done(path)
			}
		})
	}()
}

// withSlash marks dir as a folder for zenity.Filename ("" stays "").
func withSlash(dir string) string {
	if dir == "" || strings.HasSuffix(dir, `\`) {
		return dir
	}
	return dir + `\`
}
