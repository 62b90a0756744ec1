package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/export/sheet"
)

// A register exported from one session imports into another through the
// preview: the rows are listed with their 案号 and action, nothing is
// written until 确认导入, and then the list shows the new session.
func TestProposalImportPreviewThenConfirm(t *testing.T) {
	w := newListWorld(t)
	w.seed()
	u := w.u
	sixth := data.Session{TermID: u.term.ID, Number: 6, StartDate: "2026-01-08"}
	if err := u.store.SaveSession(u.ctx, &sixth); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "第五次会议提案台账.xlsx")
	if err := sheet.LedgerFile(u.ctx, u.store, path, u.term.ID, w.sessions[1].ID); err != nil {
		t.Fatal(err)
	}
	w.reload()
	w.l.sessionSelect.SetSelected("第六次会议")
	u.openFile = func(_ string, _ []string, cb func(string)) { cb(path) }
	w.l.onImport()
	pi := w.l.importing
	if pi == nil || pi.p == nil {
		t.Fatal("no preview shown")
	}
	if got := pi.sessionSelect.Selected; got != "第六次会议" {
		t.Errorf("preview plans into %q, want the session the list shows (第六次会议)", got)
	}
	if pi.confirm.Disabled() || !strings.Contains(pi.summary.Text, "新增 3 件") {
		t.Fatalf("summary %q, confirm disabled %v", pi.summary.Text, pi.confirm.Disabled())
	}
	if !strings.Contains(pi.info.Text, "导入到：第十一届第六次会议") {
		t.Errorf("info %q", pi.info.Text)
	}
	if n := len(w.sessionProposals(sixth.ID)); n != 0 {
		t.Fatalf("preview wrote %d proposals", n)
	}
	// Planned into 第五次会议 instead, every row is already there.
	pi.sessionSelect.SetSelected("第五次会议")
	if !pi.confirm.Disabled() || !strings.Contains(pi.summary.Text, "跳过本次会议已有的 3 件") {
		t.Fatalf("re-import summary %q, confirm disabled %v", pi.summary.Text, pi.confirm.Disabled())
	}
	pi.sessionSelect.SetSelected("第六次会议")
	test.Tap(pi.confirm)
	got := w.sessionProposals(sixth.ID)
	if len(got) != 3 {
		t.Fatalf("imported %d proposals, want 3", len(got))
	}
	if w.l.importing != nil {
		t.Error("preview still open after import")
	}
	if titles := shownTitles(w.l); len(titles) != 3 {
		t.Errorf("list shows %v after import, want the 3 imported", titles)
	}
}

// A proposer missing from the roster blocks the import until the user
// chooses to keep such names; the problem list names the row and field.
func TestProposalImportUnmatchedProposerNeedsChoice(t *testing.T) {
	w := newListWorld(t)
	u := w.u
	path := filepath.Join(t.TempDir(), "往年台账.xlsx")
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	f.SetSheetRow(sh, "A1", &[]any{"案号", "案由", "提案人", "类别"})
	f.SetSheetRow(sh, "A2", &[]any{"1", "关于加强农村道路养护的建议", "张明", "经济建设"})
	f.SetSheetRow(sh, "A3", &[]any{"2", "关于发展县域托育服务的建议", "赵无名", "社会建设"})
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	u.openFile = func(_ string, _ []string, cb func(string)) { cb(path) }
	w.l.onImport()
	pi := w.l.importing
	if pi == nil || pi.p == nil {
		t.Fatal("no preview shown")
	}
	if !pi.confirm.Disabled() || len(pi.p.Issues) != 1 || pi.p.Issues[0].Row != 3 {
		t.Fatalf("issues %+v, confirm disabled %v; want one on row 3", pi.p.Issues, pi.confirm.Disabled())
	}
	if pi.issues.Hidden {
		t.Error("导出问题清单 hidden while there are problems")
	}
	test.Tap(pi.confirm)
	if n := len(w.sessionProposals(w.sessions[1].ID)); n != 0 {
		t.Fatalf("refused import wrote %d proposals", n)
	}

	test.Tap(pi.keepCheck)
	if pi.confirm.Disabled() || len(pi.p.Issues) != 0 || len(pi.p.Warnings) == 0 {
		t.Fatalf("after keeping unmatched: issues %+v warnings %+v", pi.p.Issues, pi.p.Warnings)
	}
	if !pi.issues.Hidden {
		t.Error("导出问题清单 shown without problems")
	}
	test.Tap(pi.confirm)
	got := w.sessionProposals(w.sessions[1].ID)
	if len(got) != 2 {
		t.Fatalf("imported %d, want 2", len(got))
	}
	for _, p := range got {
		if p.Title == "关于发展县域托育服务的建议" && (p.FirstProposer() != "赵无名" || p.Proposers[0].MembershipID != 0) {
			t.Errorf("kept proposer %+v", p.Proposers)
		}
	}
}

func (w *listWorld) sessionProposals(sessionID int64) []data.Proposal {
	w.t.Helper()
	ps, err := w.u.store.ListProposals(w.u.ctx, data.ProposalFilter{TermID: w.u.term.ID, SessionID: sessionID})
	if err != nil {
		w.t.Fatal(err)
	}
	for i := range ps {
		ps[i] = w.get(ps[i].ID)
	}
	return ps
}
