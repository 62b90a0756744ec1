package app

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

const prefLastDir = "dir.last"

// pickers choose files. The window uses the system's dialogs on Windows
// (files_windows.go) and Fyne's file dialogs elsewhere; tests replace them
// with functions that answer at once, and files_real_test.go drives Fyne's.
type pickers struct {
	openFile func(title string, exts []string, cb func(path string))
	saveFile func(title, name string, cb func(path string))
}

// dialogPickers are the window's file dialogs: the system's own where
// nativePickers offers them (Windows), Fyne's elsewhere.
func dialogPickers(u *UI) pickers {
	if p, ok := nativePickers(u); ok {
		return p
	}
	return fynePickers(u)
}

// fynePickers choose files in Fyne's file dialogs, in Chinese.
func fynePickers(u *UI) pickers {
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
			u.showFileDialog(d)
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
				w.Close() // savefile.Write writes it again, atomically
				u.rememberDir(path)
				cb(path)
			}, u.win)
			d.SetTitleText(title)
			d.SetFileName(name)
			if ext := filepath.Ext(name); ext != "" {
				d.SetFilter(storage.NewExtensionFileFilter([]string{ext})) // the PDF dialog lists PDFs
			}
			u.startIn(d)
			if p := u.showFileDialog(d); p != nil {
				u.saveWithoutTruncating(d, p, filepath.Ext(name), func(path string) {
					u.rememberDir(path)
					cb(path)
				})
			}
		},
	}
}

// pickFolder asks for a folder (a USB stick), starting where the last
// file was picked: in the system's dialog on Windows, else in Fyne's.
func (u *UI) pickFolder(title string, cb func(dir string)) {
	if nativeFolder(u, title, cb) {
		return
	}
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			showError(err, u.win)
			return
		}
		if l == nil {
			return // cancelled
		}
		u.app.Preferences().SetString(prefLastDir, l.Path())
		cb(l.Path())
	}, u.win)
	d.SetTitleText(title)
	d.SetConfirmText("选择此文件夹")
	u.startIn(d)
	u.showFileDialog(d)
}

// startDir is the folder a file dialog opens in: the one used last, or
// Documents ("" when neither is known).
func (u *UI) startDir() string {
	dir := u.app.Preferences().String(prefLastDir)
	if st, err := os.Stat(dir); dir != "" && (err != nil || !st.IsDir()) {
		dir = "" // the USB stick used last is gone
	}
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
	return dir
}

// startIn opens a Fyne file dialog in startDir.
func (u *UI) startIn(d *dialog.FileDialog) {
	dir := u.startDir()
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

// showFileDialog shows a file or folder dialog at a comfortable size, in
// Chinese. Fyne builds the dialog's window in Show, and Resize before Show
// dereferences nil (fyne v2.8.1), so the size is set after.
// It returns the dialog's pop-up (nil if it cannot be found).
func (u *UI) showFileDialog(d *dialog.FileDialog) *widget.PopUp {
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
	p := topPopUp(u.win.Canvas())
	if p != nil {
		translatePlaces(p)
	}
	return p
}

// fyneLastFolder is the preference in which Fyne's file dialog keeps the
// folder it shows (fyne v2.8.1 dialog/file.go, lastFolderKey).
const fyneLastFolder = "fyne:fileDialogLastFolder"

// saveWithoutTruncating takes over the 保存 button of the save dialog d
// shown in p. Fyne opens the chosen file for writing (emptying a file that
// exists) before its callback runs, so an export that then fails would
// leave an empty file, or destroy the file it was to replace. Here the
// button asks in Chinese before replacing a file, closes the dialog and
// hands the path to save, which writes the file itself (atomically). When
// the folder shown cannot be known, Fyne's own button is kept.
//
// A name typed without the file type's extension (ext, as offered) gets it,
// as in the Windows dialog: 名册 is saved as 名册.xlsx.
func (u *UI) saveWithoutTruncating(d *dialog.FileDialog, p *widget.PopUp, ext string, save func(path string)) {
	var entry *widget.Entry
	var confirm *widget.Button
	walkObjects(p.Content, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Entry:
			entry = x
		case *widget.Button:
			if x.Importance == widget.HighImportance {
				confirm = x
			}
		}
	})
	if entry == nil || confirm == nil || confirm.OnTapped == nil {
		return
	}
	fyneTapped := confirm.OnTapped
	confirm.OnTapped = func() {
		dir := ""
		if uri, err := storage.ParseURI(u.app.Preferences().String(fyneLastFolder)); err == nil && uri.Scheme() == "file" {
			dir = uri.Path()
		}
		if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() {
			fyneTapped()
			return
		}
		name := strings.TrimSpace(entry.Text)
		if name == "" {
			return
		}
		if ext != "" && !strings.EqualFold(filepath.Ext(name), ext) {
			name += ext
		}
		path := filepath.Join(dir, name)
		st, err := os.Stat(path)
		switch {
		case err == nil && st.IsDir():
			dialog.ShowInformation("无法保存", "已有同名的文件夹“"+name+"”，请换一个文件名。", u.win)
		case err == nil:
			dialog.ShowConfirm("替换文件？", "文件“"+name+"”已存在，要替换它吗？", func(ok bool) {
				if ok {
					d.Hide()
					save(path)
				}
			}, u.win)
		default:
			d.Hide()
			save(path)
		}
	}
}

// topPopUp is the pop-up shown last on c, or nil. Fyne wraps each pop-up
// in an internal overlay container whose exported Content field holds it.
func topPopUp(c fyne.Canvas) *widget.PopUp {
	top := c.Overlays().Top()
	if p, ok := top.(*widget.PopUp); ok || top == nil {
		return p
	}
	v := reflect.ValueOf(top)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return nil
	}
	p, _ := f.Interface().(*widget.PopUp)
	return p
}

// translatePlaces puts Chinese on the names of the places in the side bar
// of Fyne's file dialog (Home, Desktop, Documents …), which Fyne v2.8.1
// writes without asking lang; the texts are in assets/i18n/fyne.json.
// Anything not found as expected is left alone: it works in English too.
func translatePlaces(p *widget.PopUp) {
	var places *widget.List
	walkObjects(p.Content, func(o fyne.CanvasObject) {
		if x, ok := o.(*container.Split); ok && places == nil {
			places, _ = x.Leading.(*widget.List)
		}
	})
	if places == nil || places.UpdateItem == nil {
		return
	}
	update := places.UpdateItem
	places.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
		update(id, item)
		if row, ok := item.(*fyne.Container); ok && len(row.Objects) == 2 {
			if l, ok := row.Objects[1].(*widget.Label); ok {
				l.SetText(lang.L(l.Text))
			}
		}
	}
	places.Refresh()
}

// walkObjects calls fn for o and everything inside it that is reachable
// without a widget's renderer: containers, splits, scrolls, pop-ups.
func walkObjects(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(c, fn)
		}
	case *container.Split:
		walkObjects(x.Leading, fn)
		walkObjects(x.Trailing, fn)
	case *container.Scroll:
		walkObjects(x.Content, fn)
	case *widget.PopUp:
		walkObjects(x.Content, fn)
	}
}
