package app

import (
	"strings"
	"testing"

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
