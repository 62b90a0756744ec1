package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data/validate"
)

// Every date field of the window is a typed entry with a calendar button at
// its right end: the date can be typed in any form the forms accept
// (2026-03-05, 2026.3.5, 2026年3月5日 …, checked on save as before) or
// picked from a month calendar, which writes it as YYYY-MM-DD. Fyne's own
// DateEntry and Calendar write the system locale's format and English month
// names, so the calendar here is our own: 年 and 月 chosen from lists, weeks
// starting on Monday, 一 … 日.

// newDateEntry is a date field holding text, with hint as placeholder.
// The calendar button is set before anything else: Fyne draws an entry's
// button only when it was there before the entry was first drawn or its
// text set.
func newDateEntry(text, hint string) *widget.Entry {
	b := widget.NewButtonWithIcon("", theme.CalendarIcon(), nil)
	b.Importance = widget.LowImportance
	e := &widget.Entry{Wrapping: fyne.TextWrap(fyne.TextTruncateClip), ActionItem: b}
	e.ExtendBaseWidget(e)
	b.OnTapped = func() { showCalendar(e) }
	e.SetPlaceHolder(hint)
	e.SetText(text)
	return e
}

// calendarButton is the entry's calendar button (nil when it has none).
func calendarButton(e *widget.Entry) *widget.Button {
	b, _ := e.ActionItem.(*widget.Button)
	return b
}

// showCalendar opens the month of the entry's date (today's when it has
// none) under the entry; a tapped day is written into the entry.
func showCalendar(e *widget.Entry) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil || e.Disabled() {
		return
	}
	day := time.Now()
	if v, err := validate.Date(e.Text); err == nil && v != "" {
		day, _ = time.Parse(time.DateOnly, v)
	}
	var pop *widget.PopUp
	cal := newMonthCalendar(day, func(d time.Time) {
		e.SetText(d.Format(time.DateOnly))
		pop.Hide()
	})
	pop = widget.NewPopUp(cal.obj, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	pop.ShowAtPosition(pos.AddXY(0, e.Size().Height))
}

// monthCalendar is one month of days to tap, with the year and month to
// choose and buttons to the month before and after.
type monthCalendar struct {
	obj      fyne.CanvasObject
	year     *widget.Select
	month    *widget.Select
	days     *fyne.Container
	selected time.Time // highlighted day
	shown    time.Time // first day of the month shown
	showing  bool      // show is setting the lists
	onPick   func(time.Time)
}

func newMonthCalendar(selected time.Time, onPick func(time.Time)) *monthCalendar {
	m := &monthCalendar{selected: selected, onPick: onPick}
	var years []string
	for y := selected.Year() - 80; y <= selected.Year()+10; y++ {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	months := make([]string, 12)
	for i := range months {
		months[i] = fmt.Sprintf("%d月", i+1)
	}
	m.year = widget.NewSelect(years, func(string) { m.fromSelects() })
	m.month = widget.NewSelect(months, func(string) { m.fromSelects() })
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { m.show(m.shown.AddDate(0, -1, 0)) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { m.show(m.shown.AddDate(0, 1, 0)) })
	prev.Importance, next.Importance = widget.LowImportance, widget.LowImportance
	m.days = container.NewGridWithColumns(7)
	head := container.NewHBox(prev, layout.NewSpacer(), m.year, m.month, layout.NewSpacer(), next)
	m.obj = container.NewVBox(head, m.days)
	m.show(selected)
	return m
}

// fromSelects shows the month the two lists name.
func (m *monthCalendar) fromSelects() {
	if m.showing {
		return
	}
	y, err1 := strconv.Atoi(strings.TrimSuffix(m.year.Selected, "年"))
	mo, err2 := strconv.Atoi(strings.TrimSuffix(m.month.Selected, "月"))
	if err1 == nil && err2 == nil && (y != m.shown.Year() || time.Month(mo) != m.shown.Month()) {
		m.show(time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.Local))
	}
}

// show lays out the month of t.
func (m *monthCalendar) show(t time.Time) {
	m.shown = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.Local)
	m.showing = true
	m.year.SetSelected(fmt.Sprintf("%d年", m.shown.Year()))
	m.month.SetSelected(fmt.Sprintf("%d月", int(m.shown.Month())))
	m.showing = false
	var cells []fyne.CanvasObject
	for _, d := range []string{"一", "二", "三", "四", "五", "六", "日"} {
		cells = append(cells, widget.NewLabelWithStyle(d, fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	for range (int(m.shown.Weekday()) + 6) % 7 { // Monday first
		cells = append(cells, layout.NewSpacer())
	}
	today := time.Now().Format(time.DateOnly)
	for d := m.shown; d.Month() == m.shown.Month(); d = d.AddDate(0, 0, 1) {
		b := widget.NewButton(strconv.Itoa(d.Day()), func() { m.onPick(d) })
		b.Importance = widget.LowImportance
		switch d.Format(time.DateOnly) {
		case m.selected.Format(time.DateOnly):
			b.Importance = widget.HighImportance
		case today:
			b.Importance = widget.MediumImportance
		}
		cells = append(cells, b)
	}
	m.days.Objects = cells
	m.days.Refresh()
}
