package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// nestedScrolls lists the scroll areas drawn inside another scroll area
// under o: the inner one takes the mouse wheel while the pointer is over
// it, so the outer one cannot be scrolled from there.
func nestedScrolls(o fyne.CanvasObject, outer string) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	var out []string
	if _, ok := o.(fyne.Scrollable); ok {
		name := fmt.Sprintf("%T", o)
		if outer != "" {
			return []string{name + " inside " + outer}
		}
		outer = name
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *widget.Entry:
		// Fyne gives every single-line entry a scroller of its own for
		// text longer than the field; it is not a region of the form.
		if x.MultiLine {
			kids = test.WidgetRenderer(x).Objects()
		}
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		out = append(out, nestedScrolls(k, outer)...)
	}
	return out
}

func TestRuleEditorHasOneScrollAreaPerRegion(t *testing.T) {
	w := newAssessWorld(t)
	var saved []data.StoredRuleSet
	e := openRuleEditor(w.u, w.rules, &saved)
	e.items.list.Select(0)
	e.items.rules.modeSelect.SetSelected(modeByStatus) // shows the multi-line table of points
	if !e.items.rules.mapEntry.Visible() {
		t.Fatal("the 按出席情况 table is not shown")
	}
	for i, tab := range e.tabs.Items {
		e.tabs.SelectIndex(i)
		for _, n := range nestedScrolls(tab.Content, "") {
			t.Errorf("tab %s: %s", tab.Text, n)
		}
	}
	for _, n := range nestedScrolls(e.preview.obj, "") {
		t.Errorf("preview: %s", n)
	}
}
