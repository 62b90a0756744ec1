package app

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// listedFiles are the names the file dialog p lists (folders included).
func listedFiles(p *widget.PopUp) []string {
	var names []string
	for _, o := range test.LaidOutObjects(p) {
		w, ok := o.(fyne.Widget)
		if _, tappable := o.(fyne.Tappable); !ok || !tappable {
			continue
		}
		if _, isButton := o.(*widget.Button); isButton {
			continue
		}
		for _, c := range test.WidgetRenderer(w).Objects() {
			if l, ok := c.(*widget.Label); ok {
				names = append(names, l.Text)
			}
		}
	}
	return names
}

// A save dialog lists only files of the kind being saved (and folders):
// saving a workbook does not offer the PDFs next to it.
func TestSaveDialogListsOnlyTheSavedKind(t *testing.T) {
	u := testUI(t, true)
	dir := realPickers(t, u)
	for _, name := range []string{"旧名册.xlsx", "报告.pdf"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "子文件夹"), 0o755); err != nil {
		t.Fatal(err)
	}
	u.nav.Select(u.screenIndex(u.members))
	u.members.onTemplate()
	p := fileDialogUp(t, u, "保存委员名册导入模板")
	listed := listedFiles(p)
	has := func(names ...string) bool {
		return slices.ContainsFunc(listed, func(s string) bool { return slices.Contains(names, s) })
	}
	if !has("旧名册.xlsx", "旧名册") || !has("子文件夹") || has("报告.pdf", "报告") {
		t.Errorf("the .xlsx save dialog lists %q; want the workbook and the folder, not the PDF", listed)
	}
	tapButton(t, p, "取消")
}
