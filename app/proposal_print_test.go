package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

func TestPrintFormsOfAnAssignedProposal(t *testing.T) {
	w := newListWorld(t)
	waiting := w.add(1, titleParking, "停车难。", "社会建设", 1)
	w.do(waiting.ID, data.Step{Action: proposal.ActFile, Date: "2026-03-02"})
	p := w.add(1, titleWater, "部分村组仍依靠山泉水和浅井供水。", "经济建设", 1, 2)
	w.do(p.ID, data.Step{Action: proposal.ActFile, Date: "2026-03-02"},
		data.Step{Action: proposal.ActAssign, Date: "2026-03-10", Mode: proposal.ModeLead,
			Units: []data.Assignment{{UnitID: w.units[0].ID, Role: proposal.RoleLead}}})
	w.reload()
	w.selectRow(titleParking)
	w.u.pickers.saveFile = func(_, _ string, _ func(string)) { t.Fatal("a proposal not yet assigned offers a file for its forms") }
	test.Tap(w.l.detail.printBtn)
	if got := shownText(topOverlay(w.u)); !strings.Contains(got, "已立案，尚未交办承办单位") || !strings.Contains(got, "不能生成提案交办单") {
		t.Fatalf("a proposal not yet assigned: the refusal says %q", got)
	}
	w.u.win.Canvas().Overlays().Top().Hide()
	w.selectRow(titleWater)
	d := w.l.detail
	if d.printBtn == nil {
		t.Fatal("no 打印表单 for an assigned proposal")
	}
	path := filepath.Join(t.TempDir(), "forms.pdf")
	var offered string
	w.u.pickers.saveFile = func(_, name string, cb func(string)) { offered = name; cb(path) }
	test.Tap(d.printBtn)
	d.printDlg.Confirm()
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("forms file: %v", err)
	}
	if !strings.HasSuffix(offered, "表单.pdf") {
		t.Errorf("offered name %q", offered)
	}
	text := pdfWords(t, path)
	for _, want := range []string{"提案交办单", "农村", w.units[0].Name} {
		if !strings.Contains(text, want) {
			t.Errorf("forms lack %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "征询意见表") {
		t.Error("the 征询意见表 was printed before any answer, though not chosen")
	}
}
