package app

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"zhengxie/data/datatest"
	"zhengxie/data/demo"
)

// smallScreen is what a 1024×768 display at scale 1 leaves the window: the
// task bar and the title bar take about 68 pixels.
var smallScreen = fyne.NewSize(1024, 700)

// demoUI opens the window over the demo county (real names, long 单位
// names, every list filled), as a clerk trying the program sees it.
func demoUI(t *testing.T) *UI {
	t.Helper()
	s := datatest.Empty(t)
	if _, err := demo.PopulateWithPresets(context.Background(), s, demo.Options{Seed: 1, MembersPerTerm: 60, Now: s.Now()}); err != nil {
		t.Fatal(err)
	}
	u := New(test.NewTempApp(t), s)
	u.run = syncRunner
	for _, x := range u.screens {
		if a, ok := x.(*assessmentScreen); ok {
			a.computing.now = runNow
		}
	}
	u.win.Resize(smallScreen)
	u.Start()
	return u
}

// allTabs finds the tab containers inside o that are shown.
func allTabs(o fyne.CanvasObject) []*container.AppTabs {
	var out []*container.AppTabs
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *container.AppTabs:
			out = append(out, x)
			if it := x.Selected(); it != nil {
				walk(it.Content)
			}
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case *container.Split:
			walk(x.Leading)
			walk(x.Trailing)
		case *container.Scroll:
			walk(x.Content)
		}
	}
	walk(o)
	return out
}

// TestEveryScreenFitsA1024x768Display opens every screen and every tab of
// it and checks that the window does not need to be wider or taller than a
// 1024×768 display gives it.
func TestEveryScreenFitsA1024x768Display(t *testing.T) {
	u := demoUI(t)
	check := func(where string) {
		t.Helper()
		if m := u.win.Content().MinSize(); m.Width > smallScreen.Width || m.Height > smallScreen.Height {
			t.Errorf("%s needs %.0f×%.0f, more than %.0f×%.0f", where, m.Width, m.Height, smallScreen.Width, smallScreen.Height)
		}
	}
	for i, s := range u.screens {
		u.nav.Select(i)
		name := s.title()
		check(name)
		for _, tabs := range allTabs(s.view()) {
			for j, it := range tabs.Items {
				tabs.SelectIndex(j)
				check(fmt.Sprintf("%s › %s", name, it.Text))
			}
			tabs.SelectIndex(0)
		}
	}
}
