package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"zhengxie/data"
)

// A message under a field wraps within the field: showing one must not
// widen the dialog and move its buttons.
func TestFieldErrorDoesNotWidenMemberDialog(t *testing.T) {
	u := testUI(t, true)
	u.onNewMember()
	f := u.members.form
	before := f.dlg.MinSize()
	test.Type(f.entries[data.FieldName], "张三")
	f.selects[data.FieldGender].SetSelected("女")
	f.selects[data.FieldSector].SetSelected("中国共产党")
	test.Type(f.entries[data.FieldIDNumber], "110105194912310021")
	test.Tap(f.saveBtn)
	if f.errorText(data.FieldIDNumber) == "" {
		t.Fatal("no message under 身份证号")
	}
	if after := f.dlg.MinSize(); after.Width > before.Width || after.Width > 980 {
		t.Errorf("the dialog needs %v px wide before the message and %v px with it; it opens at 980", before.Width, after.Width)
	}
	msg := f.errs[data.FieldIDNumber]
	var joined string
	for _, o := range test.WidgetRenderer(msg).Objects() {
		line := o.(*canvas.Text)
		joined += line.Text
		if w := line.MinSize().Width; w > msg.Size().Width {
			t.Errorf("line %q is %v px wide under a field %v px wide", line.Text, w, msg.Size().Width)
		}
	}
	if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(msg.Text, " ", "") {
		t.Errorf("lines %q do not spell the message %q", joined, msg.Text)
	}
	t.Logf("%q in %d lines, %v px wide", msg.Text, len(test.WidgetRenderer(msg).Objects()), msg.Size().Width)
}

// Fyne re-creates a widget's renderer when its cache dropped it (a screen
// left for a while, a window closing) while the widget keeps its size. For
// an empty message under a laid-out field that used to recurse until the
// stack overflowed (seen on Ctrl+Q with the first-run dialog open).
func TestFieldMessageRendererIsRecreatedForAWidgetWithASize(t *testing.T) {
	for _, text := range []string{"", "身份证号校验码错误，最后一位应为 9"} {
		m := newFieldMessage()
		m.Text = text
		m.Resize(fyne.NewSize(300, 20))
		r := m.CreateRenderer()
		r.Layout(m.Size())
		if n := len(r.Objects()); n != 1 {
			t.Errorf("%q at 300 px: %d lines, want 1", text, n)
		}
		if h := r.MinSize().Height; h <= 0 {
			t.Errorf("%q: no line of space kept (min height %v)", text, h)
		}
	}
}
