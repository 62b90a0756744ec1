package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data/datatest"
)

func TestFirstRunShowsEachProblemUnderItsField(t *testing.T) {
	u := testUI(t, false)
	f := u.setup
	test.Type(f.number, "十一届五次")
	f.start.SetText("二〇二一")
	test.Tap(f.startBtn)
	for _, field := range []string{"委员会名称", "届次", "起始年份"} {
		if f.errs.text(field) == "" {
			t.Errorf("no message under %s", field)
		}
	}
	if !strings.Contains(f.message.Text, "3 处") {
		t.Errorf("summary %q, want the count of marked fields", f.message.Text)
	}
	if ok, _ := u.store.IsSetUp(u.ctx); ok || u.setup == nil {
		t.Fatal("a refused setup was saved")
	}

	test.Type(f.name, "政协清河县委员会")
	f.number.SetText("十一")
	f.start.SetText("2021")
	test.Tap(f.startBtn)
	if u.setup != nil {
		t.Fatalf("setup still open: %q, 届次 %q", f.message.Text, f.errs.text("届次"))
	}
	if u.term.Number != 11 || u.term.StartYear != 2021 {
		t.Errorf("term %+v, want 第十一届 from 2021", u.term)
	}
}

func TestNewDatabaseOpensOnHomeNotOnTheScreenOfAnother(t *testing.T) {
	u := testUI(t, true)
	u.nav.Select(u.screenIndex(u.settings))
	u.saveWindowState()

	fresh := New(u.app, datatest.Empty(t))
	fresh.run = syncRunner
	fresh.Start()
	f := fresh.setup
	test.Type(f.name, "政协白河县委员会")
	test.Type(f.number, "12")
	test.Tap(f.startBtn)
	if fresh.setup != nil {
		t.Fatalf("setup still open: %q", f.message.Text)
	}
	if got := fresh.screens[fresh.current].title(); got != "首页" {
		t.Errorf("the new database opened on %s, the screen last shown on another database", got)
	}

	again := New(u.app, u.store)
	again.run = syncRunner
	again.Start()
	if again.current != u.screenIndex(u.settings) {
		t.Errorf("the first database reopened on screen %d, not on its own last screen", again.current)
	}
}
