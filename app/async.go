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

// backgroundRunner is the runner of the real window.
func backgroundRunner(w fyne.Window) runner {
	return func(title string, work func() error, done func(error)) {
		bar := widget.NewProgressBarInfinite()
		d := dialog.NewCustomWithoutButtons(title, bar, w)
		d.Show()
		go func() {
			err := work()
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
