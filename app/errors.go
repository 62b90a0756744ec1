package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// userMessage is the Chinese sentence a user reads for err.
func userMessage(err error) string {
	if cancelled(err) {
		return "操作已停止，没有作任何更改。"
	}
	return data.UserMessage(err)
}

// showError shows an error to the user in a dialog on w; a job the user
// cancelled is no error and says so calmly.
func showError(err error, w fyne.Window) {
	if err == nil {
		return
	}
	title := "出错了"
	if cancelled(err) {
		title = "已取消"
	}
	d := dialog.NewInformation(title, userMessage(err), w)
	d.Show()
}

// fieldErrors are the red messages under a form's fields, by the field name
// the store's ValidationError uses. Every form shows refusals the same way.
type fieldErrors map[string]*fieldMessage

// line is a new message line for a form, shown for any of fields: the label
// the form shows and the names the store may use for the same field.
func (fe fieldErrors) line(fields ...string) *fieldMessage {
	m := newFieldMessage()
	for _, f := range fields {
		fe[f] = m
	}
	return m
}

// clear empties every message.
func (fe fieldErrors) clear() {
	for _, t := range fe {
		t.Text = ""
		t.Refresh()
	}
}

// text is the message under a field ("" when none).
func (fe fieldErrors) text(field string) string {
	if t := fe[field]; t != nil {
		return t.Text
	}
	return ""
}

// place puts each validation message of err under its field and returns
// the line for the form's general label: lead(n) for n messages, then the
// messages no field shows. Any other error becomes its user message.
func (fe fieldErrors) place(err error, lead func(n int) string) string {
	var ves data.ValidationErrors
	var ve *data.ValidationError
	switch {
	case errors.As(err, &ves):
	case errors.As(err, &ve):
		ves = data.ValidationErrors{ve}
	default:
		return userMessage(err)
	}
	msg := lead(len(ves))
	for _, e := range ves {
		if t := fe[e.Field]; t != nil {
			t.Text = e.Msg
			t.Refresh()
		} else {
			msg += "\n" + e.Error()
		}
	}
	return msg
}

// markedFields is the usual lead of fieldErrors.place.
func markedFields(n int) string {
	return fmt.Sprintf("有 %d 处需要修改，请查看标红的提示。", n)
}

// fieldMessage is the red line under a field. It wraps within the width
// the field gives it and never asks for more, so a long message makes a
// form taller, never wider (the buttons stay where they were). Empty, it
// keeps one line free so that rows are evenly spaced.
type fieldMessage struct {
	widget.BaseWidget
	Text string
}

func newFieldMessage() *fieldMessage {
	m := &fieldMessage{}
	m.ExtendBaseWidget(m)
	return m
}

// CreateRenderer builds the lines unbroken; the first Layout breaks them.
// It must not lay out: Layout may refresh the widget, which asks Fyne for
// this very renderer while it is still being created (endless recursion
// when the renderer is re-created for a widget that already has a size).
func (m *fieldMessage) CreateRenderer() fyne.WidgetRenderer {
	r := &fieldMessageRenderer{m: m}
	r.build()
	return r
}

type fieldMessageRenderer struct {
	m     *fieldMessage
	width float32 // the width the lines were broken for
	lines []fyne.CanvasObject
}

func (r *fieldMessageRenderer) Destroy() {}

func (r *fieldMessageRenderer) Objects() []fyne.CanvasObject { return r.lines }

func (r *fieldMessageRenderer) lineHeight() float32 {
	return fyne.MeasureText("国", theme.CaptionTextSize(), fyne.TextStyle{}).Height
}

func (r *fieldMessageRenderer) MinSize() fyne.Size {
	return fyne.NewSize(0, r.lineHeight()*float32(max(1, len(r.lines))))
}

func (r *fieldMessageRenderer) Layout(size fyne.Size) {
	if size.Width != r.width {
		n := len(r.lines)
		r.width = size.Width
		r.build()
		if len(r.lines) != n {
			r.m.Refresh() // the height changed: the form lays itself out again
			return
		}
	}
	h := r.lineHeight()
	for i, l := range r.lines {
		l.Move(fyne.NewPos(0, h*float32(i)))
		l.Resize(fyne.NewSize(size.Width, h))
	}
}

func (r *fieldMessageRenderer) Refresh() {
	r.build()
	r.Layout(r.m.Size())
	canvas.Refresh(r.m)
}

// build breaks the text into lines no wider than r.width.
func (r *fieldMessageRenderer) build() {
	size, colour := theme.CaptionTextSize(), theme.Color(theme.ColorNameError)
	var lines []string
	for _, para := range strings.Split(r.m.Text, "\n") {
		lines = append(lines, breakLine(para, r.width, size)...)
	}
	r.lines = make([]fyne.CanvasObject, 0, len(lines))
	for _, s := range lines {
		t := canvas.NewText(s, colour)
		t.TextSize = size
		r.lines = append(r.lines, t)
	}
}

// breakLine splits s into pieces no wider than width, between any two
// characters of Chinese and at a space in other text where it can. A width
// of 0 (not laid out yet) leaves s whole, and an empty s is one empty line
// at any width (so its line count does not change when it is laid out);
// every other piece has at least one character.
func breakLine(s string, width, size float32) []string {
	if width <= 0 || s == "" {
		return []string{s}
	}
	var out []string
	rs := []rune(s)
	for len(rs) > 0 {
		n := 1
		for n < len(rs) && fyne.MeasureText(string(rs[:n+1]), size, fyne.TextStyle{}).Width <= width {
			n++
		}
		if n < len(rs) && rs[n] != ' ' {
			if sp := lastSpaceIn(rs[:n]); sp > 0 && isLatin(rs[n-1]) && isLatin(rs[n]) {
				n = sp
			}
		}
		out = append(out, strings.TrimRight(string(rs[:n]), " "))
		rs = rs[n:]
		for len(rs) > 0 && rs[0] == ' ' {
			rs = rs[1:]
		}
	}
	return out
}

func lastSpaceIn(rs []rune) int {
	for i := len(rs) - 1; i > 0; i-- {
		if rs[i] == ' ' {
			return i
		}
	}
	return 0
}

// isLatin reports whether a line may not break just before or after r
// (letters and digits of a word or number).
func isLatin(r rune) bool { return r < 0x2E80 && r != ' ' }
