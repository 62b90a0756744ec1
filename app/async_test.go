package app

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/export/sheet"
)

// shownBar is the progress bar the top dialog shows filling, if any.
func shownBar(u *UI) (*widget.ProgressBar, bool) {
	for _, x := range test.LaidOutObjects(topOverlay(u)) {
		if b, ok := x.(*widget.ProgressBar); ok && b.Visible() {
			return b, true
		}
	}
	return nil, false
}

// cancellingRunner is the window's runner with the job run at once: it
// taps the dialog's 取消 before the work starts when *at is 0, or when the
// job reports *at steps done; seen gets the bar's text at each report,
// which must match the steps reported.
func cancellingRunner(t *testing.T, u *UI, at *int, seen *string) runner {
	inner := dialogRunner(u.win, u.store.Path(), runNow)
	return func(title string, work job, done func(error)) {
		inner(title, func(ctx context.Context, report progress) error {
			if *at == 0 {
				tapButton(t, topOverlay(u), "取消")
			}
			return work(ctx, func(n, total int) {
				report(n, total)
				if bar, ok := shownBar(u); ok {
					*seen = bar.TextFormatter()
					if math.Abs(bar.Value-float64(n)/float64(total)) > 1e-9 {
						t.Errorf("bar at %v after %d of %d", bar.Value, n, total)
					}
				}
				if n == *at {
					tapButton(t, topOverlay(u), "取消")
				}
			})
		}, done)
	}
}

// The whole roster's 委员履职档案 is the long job of the 报表 screen: its
// dialog fills as members are laid out, and 取消 midway leaves no file —
// not a partial one, and the file saved there before stays as it was.
func TestCancelledArchiveBatchLeavesNoFile(t *testing.T) {
	w := newReportWorld(t)
	for _, name := range []string{"王强", "赵敏", "孙伟", "周丽"} {
		addMember(t, w.u, name, "男", "农业界", "九三学社")
	}
	w.r.reload(w.u.ctx)
	w.choose(docArchive, "全体委员（6人")

	cancelAt, seen := 0, ""
	w.u.run = cancellingRunner(t, w.u, &cancelAt, &seen)
	dir := t.TempDir()
	path := filepath.Join(dir, "档案.pdf")
	if err := os.WriteFile(path, []byte("上次保存的档案"), 0o644); err != nil {
		t.Fatal(err)
	}
	w.u.saveFile = func(_, _ string, cb func(string)) { cb(path) }

	cancelAt = 2
	test.Tap(w.r.saveBtn)
	if seen != "2 / 6" {
		t.Errorf("the dialog showed %q when 取消 was tapped, want 2 / 6", seen)
	}
	text := shownText(topOverlay(w.u))
	if !strings.Contains(text, "已取消") || strings.Contains(text, "出错") {
		t.Errorf("after 取消 the window shows %q", text)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "上次保存的档案" {
		t.Errorf("the earlier file became %q (%v)", b, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files after 取消, want the earlier one only", len(entries))
	}
	if w.r.lastPath != "" || !w.r.openBtn.Disabled() {
		t.Error("打开 offers a file that was not saved")
	}

	// Not cancelled, the same job writes the file.
	tapButton(t, topOverlay(w.u), "确定")
	cancelAt = -1
	test.Tap(w.r.saveBtn)
	if seen != "6 / 6" {
		t.Errorf("the dialog showed %q at the end, want 6 / 6", seen)
	}
	if text := pdfWords(t, path); !strings.Contains(text, "周丽") || !strings.Contains(text, "张明") {
		t.Errorf("the saved archive lacks a member")
	}
}

// An import cancelled as it starts writes nothing: its transaction runs
// with the job's context.
func TestCancelledProposalImportChangesNothing(t *testing.T) {
	w := newListWorld(t)
	w.seed()
	u := w.u
	sixth := data.Session{TermID: u.term.ID, Number: 6, StartDate: "2026-01-08"}
	if err := u.store.SaveSession(u.ctx, &sixth); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "第五次会议提案台账.xlsx")
	if err := sheet.LedgerFile(u.ctx, u.store, path, u.term.ID, w.sessions[1].ID); err != nil {
		t.Fatal(err)
	}
	w.reload()
	w.l.sessionSelect.SetSelected("第六次会议")
	u.openFile = func(_ string, _ []string, cb func(string)) { cb(path) }
	w.l.onImport()
	pi := w.l.importing
	if pi == nil || pi.p == nil || pi.confirm.Disabled() {
		t.Fatal("no preview to confirm")
	}
	at, seen := 0, ""
	u.run = cancellingRunner(t, u, &at, &seen)
	test.Tap(pi.confirm)
	if n := len(w.sessionProposals(sixth.ID)); n != 0 {
		t.Errorf("a cancelled import wrote %d proposals", n)
	}
	if text := shownText(topOverlay(u)); !strings.Contains(text, "已取消") || strings.Contains(text, "导入完成") {
		t.Errorf("after 取消 the window shows %q", text)
	}
}

// A job that reports no progress shows a moving bar; the dialog goes when
// the job ends, and a job that failed for another reason is an error.
func TestJobDialogWithoutProgressAndItsErrors(t *testing.T) {
	u := testUI(t, true)
	run := dialogRunner(u.win, u.store.Path(), runNow)
	var during string
	var got error
	run("正在导入…", func(ctx context.Context, _ progress) error {
		if _, ok := shownBar(u); ok {
			t.Error("a job without progress shows a filling bar")
		}
		during = shownText(topOverlay(u))
		return os.ErrPermission
	}, func(err error) { got = err })
	if !strings.Contains(during, "正在导入") {
		t.Errorf("the dialog showed %q", during)
	}
	if got != os.ErrPermission || cancelled(got) {
		t.Errorf("done got %v", got)
	}
	if topOverlay(u) != nil {
		t.Error("the progress dialog stays after the job")
	}
}

// The debouncer applies only the latest request, cancels the work of an
// older one, and applies nothing after stop (a closed form).
func TestDebouncerKeepsOnlyTheLatest(t *testing.T) {
	test.NewTempApp(t)
	var held []func()
	d := debouncer{dbPath: filepath.Join(t.TempDir(), "t.db"), now: func(r func()) { held = append(held, r) }}
	var applied []string
	var firstCtx context.Context
	ask := func(v string) {
		d.run(context.Background(), func(ctx context.Context) error {
			if v == "a" {
				firstCtx = ctx
			}
			return nil
		}, func(error) { applied = append(applied, v) })
	}
	ask("a")
	ask("b")
	held[0]()
	held[1]()
	if strings.Join(applied, "") != "b" || firstCtx.Err() == nil {
		t.Errorf("applied %v, first request's context %v", applied, firstCtx.Err())
	}
	ask("c")
	d.stop()
	held[2]()
	if strings.Join(applied, "") != "b" {
		t.Errorf("a stopped request was applied: %v", applied)
	}

	// With its real timer: three quick requests, one answer, on the UI
	// thread's side of fyne.Do.
	got := make(chan string, 3)
	r := debouncer{pause: 30 * time.Millisecond, dbPath: d.dbPath}
	for _, v := range []string{"x", "y", "z"} {
		r.run(context.Background(), func(context.Context) error { return nil }, func(error) { got <- v })
	}
	select {
	case v := <-got:
		if v != "z" {
			t.Errorf("applied %q, want the latest", v)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing applied")
	}
}
