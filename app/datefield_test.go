package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// hasCalendar reports whether the entry draws its calendar button.
func hasCalendar(e *widget.Entry) bool {
	b := calendarButton(e)
	return b != nil && slices.Contains(test.WidgetRenderer(e).Objects(), fyne.CanvasObject(b))
}

// openCalendar taps the entry's calendar button and returns the calendar
// that pops up.
func openCalendar(t *testing.T, c fyne.Canvas, e *widget.Entry) fyne.CanvasObject {
	t.Helper()
	if !hasCalendar(e) {
		t.Fatal("the date field draws no calendar button")
	}
	test.Tap(calendarButton(e))
	pop := c.Overlays().Top()
	if pop == nil || !pop.Visible() {
		t.Fatal("no calendar popped up")
	}
	return pop
}

// find is the first object under o that matches.
func find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	if x, ok := o.(T); ok && match(x) {
		return x, true
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if x, ok := find(k, match); ok {
			return x, true
		}
	}
	var zero T
	return zero, false
}

func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b, ok := find(o, func(b *widget.Button) bool { return b.Text == text })
	if !ok {
		t.Fatalf("no button %q", text)
	}
	return b
}

func TestDateFieldPicksFromCalendarAndStillTakesTyping(t *testing.T) {
	test.NewTempApp(t)
	e := newDateEntry("2026-03-05", "YYYY-MM-DD")
	w := test.NewWindow(container.NewVBox(e))
	w.Resize(fyne.NewSize(400, 500))

	pop := openCalendar(t, w.Canvas(), e)
	selects := func() (string, string) {
		var got []string
		for _, want := range []string{"年", "月"} {
			s, ok := find(pop, func(s *widget.Select) bool {
				return len(s.Selected) > 0 && s.Selected[len(s.Selected)-len(want):] == want
			})
			if !ok {
				t.Fatalf("no %s list", want)
			}
			got = append(got, s.Selected)
		}
		return got[0], got[1]
	}
	if y, m := selects(); y != "2026年" || m != "3月" {
		t.Fatalf("calendar opens on %s%s, want the entry's 2026年3月", y, m)
	}
	if b := button(t, pop, "5"); b.Importance != widget.HighImportance {
		t.Error("the entry's day is not highlighted")
	}
	test.Tap(button(t, pop, "15"))
	if e.Text != "2026-03-15" {
		t.Errorf("picked day wrote %q, want 2026-03-15", e.Text)
	}
	if top := w.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("the calendar stays open after a day was picked")
	}

	// The month after, through the arrow: 2026-04 starts on a Wednesday.
	pop = openCalendar(t, w.Canvas(), e)
	next, ok := find(pop, func(b *widget.Button) bool { return b.Icon != nil && b.Icon.Name() == theme.NavigateNextIcon().Name() })
	if !ok {
		t.Fatal("no 下月 button")
	}
	test.Tap(next)
	if _, m := selects(); m != "4月" {
		t.Fatalf("after 下月 the calendar shows %s", m)
	}
	year, _ := find(pop, func(s *widget.Select) bool { return s.Selected == "2026年" })
	year.SetSelected("2025年") // a year from the list
	if _, m := selects(); m != "4月" {
		t.Fatalf("after choosing the year the calendar shows %s", m)
	}
	test.Tap(button(t, pop, "1"))
	if e.Text != "2025-04-01" {
		t.Errorf("picked %q, want 2025-04-01", e.Text)
	}

	// Typing is unchanged: the forms accept 2026.3.5 and check it on save.
	e.SetText("")
	test.Type(e, "2026.3.5")
	if e.Text != "2026.3.5" {
		t.Errorf("typed date became %q", e.Text)
	}
	e.Disable()
	test.Tap(calendarButton(e))
	if top := w.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("a disabled date field opened its calendar")
	}
}

// The forms' date fields are the shared one.
func TestFormsUseTheCalendarDateField(t *testing.T) {
	u := testUI(t, true)
	u.onNewMember()
	if !hasCalendar(u.members.form.entries[data.FieldStatusDate]) {
		t.Error("委员 form: 变动日期 has no calendar")
	}
	if !hasCalendar(dateEntry("2026-01-01")) {
		t.Error("履职 forms' dateEntry has no calendar")
	}
	if err := u.store.SaveSession(u.ctx, &data.Session{TermID: u.term.ID, Number: 1}); err != nil {
		t.Fatal(err)
	}
	u.nav.Select(u.screenIndex(u.proposals))
	u.proposals.list.onAdd()
	if f := u.proposals.list.form; f == nil || !hasCalendar(f.submitted) {
		t.Error("提案 form: 提交日期 has no calendar")
	}
}
