package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zhengxie/data/datatest"
	"zhengxie/data/demo"
)

// TestReportScreenshots renders the 报表 screen over the demo county for a
// look at it: ZX_SHOTS=/tmp/shots go test ./app -run ReportScreenshots
func TestReportScreenshots(t *testing.T) {
	dir := os.Getenv("ZX_SHOTS")
	if dir == "" {
		t.Skip("set ZX_SHOTS to a folder to write screenshots")
	}
	s := datatest.Empty(t)
	if _, err := demo.PopulateWithPresets(context.Background(), s, demo.Options{Seed: 1, MembersPerTerm: 120, Now: s.Now()}); err != nil {
		t.Fatal(err)
	}
	u := New(test.NewTempApp(t), s)
	u.run = syncRunner
	u.win.Resize(fyne.NewSize(1280, 800))
	u.Start()
	u.nav.Select(u.screenIndex(u.reports))
	r := u.reports
	save := func(name string) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, u.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	r.docSelect.SetSelected(docAnnual)
	test.Tap(r.previewBtn)
	save("report_annual.png")
	r.docSelect.SetSelected(docProposals)
	r.text.tabs.SelectIndex(1)
	test.Tap(r.previewBtn)
	save("report_proposals.png")
	r.docSelect.SetSelected(docComposition)
	save("report_composition.png")
	r.docSelect.SetSelected(docArchive)
	r.scopeSelect.SetSelectedIndex(1)
	test.Tap(r.previewBtn)
	save("report_archive.png")
	r.docSelect.SetSelected(docNotice)
	test.Tap(r.previewBtn)
	save("report_notice.png")
}
