package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Long work runs off the UI thread in one of two ways, both here:
//
//   - a job (import, export, report, backup) runs while a progress dialog is
//     shown; its 取消 button cancels the job's context, and done gets the
//     job's error on the UI thread;
//   - a debouncer runs the latest of a quick series of requests (typed
//     input, a recomputation) once they pause, and drops the older ones.
//
// Either way a panic in the work becomes an error (with a crash log beside
// the database) instead of ending the program, and widgets are touched
// only on the UI thread, through fyne.Do.

// progress reports how far a job is: done of total steps. A job that never
// calls it shows a moving bar instead.
type progress func(done, total int)

// job is long work. It stops early when ctx is cancelled, returning ctx's
// error; it never touches a widget.
type job func(ctx context.Context, step progress) error

// runner runs work while a progress dialog titled title is shown, then
// done on the UI thread with the job's error: nil when the work finished,
// errCancelled when the user cancelled it before it did (a job that
// finished anyway reports nil: what it did is done). Tests use syncRunner
// so that a scenario is deterministic without sleeps.
type runner func(title string, work job, done func(error))

// errCancelled is the error of a job the user cancelled.
var errCancelled = fmt.Errorf("cancelled by the user: %w", context.Canceled)

// cancelled reports whether err ends a job the user cancelled.
func cancelled(err error) bool { return errors.Is(err, context.Canceled) }

// runJob runs work with ctx, turning a panic into an *internalError (with
// its crash log beside the database at dbPath) and any other failure of
// a cancelled job into errCancelled: the driver's "interrupted" and the
// like mean the same to the user.
func runJob(ctx context.Context, dbPath string, work job, step progress) error {
	err := guarded(dbPath, func() error { return work(ctx, step) })
	var ie *internalError
	if err != nil && ctx.Err() != nil && !errors.As(err, &ie) {
		return errCancelled
	}
	return err
}

// backgroundRunner is the runner of the real window: the work runs in a
// goroutine while the progress dialog is shown.
func backgroundRunner(w fyne.Window, dbPath string) runner {
	return dialogRunner(w, dbPath, func(f func()) { go f() })
}

// dialogRunner shows the progress dialog on w and hands start the job to
// run: in a goroutine, or (tests) at once.
func dialogRunner(w fyne.Window, dbPath string, start func(func())) runner {
	return func(title string, work job, done func(error)) {
		p := showProgress(title, w)
		step := p.reporter()
		start(func() {
			err := runJob(p.ctx, dbPath, work, step)
			fyne.Do(func() {
				p.close()
				done(err)
			})
		})
	}
}

// syncRunner runs the work at once on the caller's goroutine (a panic
// stays a panic: tests fail loudly).
func syncRunner(_ string, work job, done func(error)) {
	done(work(context.Background(), func(int, int) {}))
}

// progressDialog is the modal dialog of a running job: its title, a bar
// (moving until the job reports progress, then filling) and 取消, which
// cancels ctx and waits for the job to stop.
type progressDialog struct {
	ctx    context.Context
	cancel context.CancelFunc

	dlg       *dialog.CustomDialog
	moving    *widget.ProgressBarInfinite
	bar       *widget.ProgressBar
	note      *widget.Label
	cancelBtn *widget.Button
	done      int
	total     int
}

// showProgress shows the dialog of a job titled title on w.
func showProgress(title string, w fyne.Window) *progressDialog {
	p := &progressDialog{}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	p.moving = widget.NewProgressBarInfinite()
	p.bar = widget.NewProgressBar()
	p.bar.TextFormatter = func() string { return fmt.Sprintf("%d / %d", p.done, p.total) }
	p.bar.Hide()
	p.note = widget.NewLabel("")
	p.note.Hide()
	p.cancelBtn = widget.NewButton("取消", p.onCancel)
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(360, 0))
	body := container.NewStack(width, container.NewVBox(container.NewStack(p.moving, p.bar), p.note))
	p.dlg = dialog.NewCustomWithoutButtons(title, body, w)
	p.dlg.SetButtons([]fyne.CanvasObject{p.cancelBtn})
	p.dlg.Show()
	return p
}

// onCancel asks the job to stop; the dialog stays until it has.
func (p *progressDialog) onCancel() {
	p.cancel()
	p.cancelBtn.Disable()
	p.note.SetText("正在取消…")
	p.note.Show()
}

// show moves the bar to done of total (UI thread).
func (p *progressDialog) show(done, total int) {
	if total <= 0 {
		return
	}
	p.done, p.total = min(done, total), total
	if !p.bar.Visible() {
		p.moving.Stop()
		p.moving.Hide()
		p.bar.Show()
	}
	p.bar.SetValue(float64(p.done) / float64(total))
}

// reporter is the job's progress function: it may be called from any
// goroutine, as often as the job likes; the bar follows on the UI thread
// with the latest figures, without queueing one update per call.
func (p *progressDialog) reporter() progress {
	var (
		mu          sync.Mutex
		done, total int
		queued      bool
	)
	return func(d, t int) {
		mu.Lock()
		done, total = d, t
		if queued {
			mu.Unlock()
			return
		}
		queued = true
		mu.Unlock()
		fyne.Do(func() {
			mu.Lock()
			d, t := done, total
			queued = false
			mu.Unlock()
			p.show(d, t)
		})
	}
}

// close hides the dialog once the job has ended.
func (p *progressDialog) close() {
	p.cancel() // releases the context
	p.moving.Stop()
	p.dlg.Hide()
}

// debouncer runs the latest of a quick series of requests — typed input,
// an edit to recompute — once they pause for pause, and drops the older
// ones: a newer request or stop cancels the context of one under way and
// keeps its answer from being applied. The work runs off the UI thread;
// apply runs on it, never after stop (a closed form's widgets are left
// alone). All methods are for the UI thread.
type debouncer struct {
	pause  time.Duration
	dbPath string // a panic's crash log goes beside this database

	// now, when set, replaces the pause and the goroutine: it is handed
	// the request (work, then apply on the caller's goroutine) to run at
	// once, or later, as a test chooses.
	now func(request func())

	timer  *time.Timer
	cancel context.CancelFunc
	gen    int // of the latest request; an older answer is dropped
}

// runNow is debouncer.now for tests that want every request at once.
func runNow(request func()) { request() }

// run asks for work (nil: nothing off the UI thread) with a context
// derived from ctx, then apply with its error once the requests pause. A
// panic in the work reaches apply as an *internalError.
func (d *debouncer) run(ctx context.Context, work func(ctx context.Context) error, apply func(err error)) {
	d.stop()
	gen := d.gen
	ctx, cancel := context.WithCancel(ctx)
	d.cancel = cancel
	request := func(onUI func(func())) {
		var err error
		if work != nil {
			err = guarded(d.dbPath, func() error { return work(ctx) })
		}
		onUI(func() {
			if gen != d.gen {
				return // superseded, or stopped
			}
			cancel()
			d.cancel = nil
			apply(err)
		})
	}
	if d.now != nil {
		d.now(func() { request(func(f func()) { f() }) })
		return
	}
	d.timer = time.AfterFunc(d.pause, func() { request(fyne.Do) })
}

// after runs f on the UI thread once the requests pause.
func (d *debouncer) after(f func()) {
	d.run(context.Background(), nil, func(error) { f() })
}

// stop drops the pending request, cancelling its work if it has started:
// its answer would be out of date, or its widgets gone.
func (d *debouncer) stop() {
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	if d.cancel != nil {
		d.cancel()
		d.cancel = nil
	}
	d.gen++
}
