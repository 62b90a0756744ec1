package app

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zhengxie/data"
	"zhengxie/data/proposal"
	"zhengxie/export/sheet"
)

// TestProposalScreenshots renders the 提案 screen for a look at it:
// ZX_SHOTS=/tmp/shots go test ./app -run Screenshots
func TestProposalScreenshots(t *testing.T) {
	dir := os.Getenv("ZX_SHOTS")
	if dir == "" {
		t.Skip("set ZX_SHOTS to a folder to write screenshots")
	}
	w := newListWorld(t)
	parking, _, _ := w.seed()
	w.do(parking.ID, data.Step{Action: proposal.ActAssign, Date: "2026-05-08", Mode: proposal.ModeLead, Actor: "小周",
		Units: []data.Assignment{{UnitID: w.units[0].ID, Role: proposal.RoleLead}, {UnitID: w.units[2].ID, Role: proposal.RoleCo}}})
	w.reload()
	w.selectRow(titleParking)
	save := func(name string) {
		img := w.u.win.Canvas().Capture()
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	w.u.win.Resize(fyne.NewSize(1280, 800))
	save("proposal_list.png")
	w.l.detail.tabs.SelectIndex(2)
	save("proposal_history.png")
	test.Tap(w.l.detail.actionButtons[proposal.ActAnswer])
	save("proposal_answer.png")
	w.l.detail.action.close()
	water := w.l.shown[1]
	w.do(water.ID, data.Step{Action: proposal.ActFile})
	w.reload()
	w.selectRow(titleWater)
	test.Tap(w.l.detail.actionButtons[proposal.ActAssign])
	save("proposal_assign.png")
	w.l.detail.action.close()
	w.l.similar = storeSimilar(w.u.store)
	w.l.onAdd()
	f := w.l.form
	f.title.SetText("关于破解城区停车难的建议")
	f.body.SetText("城区停车位供给跟不上，建议建设公共停车场和立体停车库。")
	pick(t, f, "zm")
	pick(t, f, "lh")
	f.similar.lookup(w.u.ctx, f.title.Text, f.body.Text)
	save("proposal_form.png")
	f.close()
}

// TestProposalImportScreenshot renders the import preview of a register
// with one unknown proposer, kept as a name.
func TestProposalImportScreenshot(t *testing.T) {
	dir := os.Getenv("ZX_SHOTS")
	if dir == "" {
		t.Skip("set ZX_SHOTS to a folder to write screenshots")
	}
	w := newListWorld(t)
	w.seed()
	path := filepath.Join(t.TempDir(), "第五次会议提案台账.xlsx")
	if err := sheet.LedgerFile(w.u.ctx, w.u.store, path, w.u.term.ID, w.sessions[1].ID); err != nil {
		t.Fatal(err)
	}
	w.u.openFile = func(_ string, _ []string, cb func(string)) { cb(path) }
	w.l.onImport()
	w.l.importing.sessionSelect.SetSelected("第四次会议")
	w.u.win.Resize(fyne.NewSize(1280, 800))
	img := w.u.win.Canvas().Capture()
	f, err := os.Create(filepath.Join(dir, "proposal_import.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
