package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// runner runs long work (import, export) off the UI thread while a progress
// dialog is shown, then calls done on the UI thread. Tests use syncRunner so
// that a scenario is deterministic without sleeps.
type runner func(title string, work func() error, done func(error))

// backgroundRunner is the runner of the real window. A panic in the work
// becomes an error for done (with a crash log beside the database at
// dbPath) instead of ending the program.
func backgroundRunner(w fyne.Window, dbPath string) runner {
	return func(title string, work func() error, done func(error)) {
		bar := widget.NewProgressBarInfinite()
		d := dialog.NewCustomWithoutButtons(title, bar, w)
		d.Show()
		go func() {
			err := guarded(dbPath, work)
			fyne.Do(func() {
				bar.Stop()
				d.Hide()
				done(err)
			})
		}()
	}
}

// syncRunner runs the work at once on the caller's goroutine.
func syncRunner(_ string, work func() error, done func(error)) { done(work()) }

// backgroundWork runs work in a goroutine and done on the UI thread. A
// panic in the work is shown in the window as an error (with its crash
// log) before done runs, instead of ending the program.
func (u *UI) backgroundWork(work, done func()) {
	path := u.store.Path()
	go func() {
		err := guarded(path, func() error { work(); return nil })
		fyne.Do(func() {
			showError(err, u.win)
			done()
		})
	}()
}
