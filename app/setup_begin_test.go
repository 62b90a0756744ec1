package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestFirstRunOffersEmptyImportAndDemo(t *testing.T) {
	u := testUI(t, false)
	f := u.setup
	if got := f.begin.Options; len(got) != 3 || f.begin.Selected != beginEmpty {
		t.Fatalf("choices %q, selected %q", got, f.begin.Selected)
	}
	f.begin.SetSelected(beginDemo)
	if !f.name.Disabled() || !f.number.Disabled() {
		t.Error("the demo brings its own committee, but the fields stay editable")
	}
	f.begin.SetSelected(beginImport)
	if f.name.Disabled() {
		t.Error("fields stay disabled after leaving the demo")
	}
}

func TestFirstRunWithImportOpensTheRosterImport(t *testing.T) {
	u := testUI(t, false)
	var asked string
	u.pickers.openFile = func(title string, _ []string, _ func(string)) { asked = title }
	f := u.setup
	test.Type(f.name, "政协清河县委员会")
	test.Type(f.number, "11")
	f.begin.SetSelected(beginImport)
	test.Tap(f.startBtn)
	if u.setup != nil {
		t.Fatalf("setup still open: %q", f.message.Text)
	}
	if !strings.Contains(asked, "导入委员名册") {
		t.Errorf("after setup the file dialog asked %q, want the roster import", asked)
	}
	if u.screens[u.current] != u.members {
		t.Errorf("screen %q, want 委员", u.screens[u.current].title())
	}
}

func TestFirstRunStartingEmptyAsksForNoFile(t *testing.T) {
	u := testUI(t, false) // its file pickers fail the test when called
	f := u.setup
	test.Type(f.name, "政协清河县委员会")
	test.Type(f.number, "11")
	test.Tap(f.startBtn)
	if u.setup != nil || u.term.Number != 11 {
		t.Fatalf("setup not finished: %q, term %+v", f.message.Text, u.term)
	}
}
