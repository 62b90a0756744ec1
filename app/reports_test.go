package app

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/rules"
	"zhengxie/export/report"
)

// reportWorld is the 报表 screen over a county with two members, three
// 2026 meetings, a 社情民意 and two proposals of the fifth session.
type reportWorld struct {
	t *testing.T
	u *UI
	r *reportScreen
}

func newReportWorld(t *testing.T) *reportWorld {
	t.Helper()
	u := testUI(t, true)
	a := addMember(t, u, "张明", "男", "经济界", "中共")
	b := addMember(t, u, "李红", "女", "教育界", "民盟")
	att := func(m data.Member, st string) data.Attendee {
		return data.Attendee{MembershipID: m.Membership.ID, Status: st}
	}
	for _, act := range []data.Activity{
		{Kind: data.ActEvent, Type: "常委会议", Title: "第一次常委会议", Date: "2026-03-02", Members: []data.Attendee{att(a, data.AttPresent), att(b, data.AttLeave)}},
		{Kind: data.ActEvent, Type: "常委会议", Title: "第二次常委会议", Date: "2026-06-02", Members: []data.Attendee{att(a, data.AttPresent), att(b, data.AttPresent)}},
		{Kind: data.ActEvent, Type: "主席会议", Title: "主席会议", Date: "2026-04-02", Members: []data.Attendee{att(a, data.AttPresent)}},
		{Kind: data.ActInfo, Title: "关于农村饮水安全的建议", Date: "2026-04-10", Issue: "2026年第1期", Counted: true,
			Members:   []data.Attendee{att(b, "")},
			Adoptions: []data.Adoption{{Kind: data.AdoptKindAdopt, Level: "市政协", Mode: "单篇"}}},
	} {
		act.TermID = u.term.ID
		if err := u.store.CreateActivity(u.ctx, &act); err != nil {
			t.Fatal(err)
		}
	}
	session := data.Session{TermID: u.term.ID, Number: 5, StartDate: "2026-01-10"}
	if err := u.store.SaveSession(u.ctx, &session); err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"关于改善农村饮水的建议", "关于校车安全的建议"} {
		p := data.Proposal{SessionID: session.ID, Title: title, Body: "情况、分析和建议。", Category: "社会建设",
			Submitted: "2026-01-11", Proposers: []data.Proposer{{MembershipID: a.Membership.ID}}}
		if err := u.store.CreateProposal(u.ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	u.show(u.screenIndex(u.reports))
	return &reportWorld{t: t, u: u, r: u.reports}
}

// choose selects a document and a scope by its label's beginning.
func (w *reportWorld) choose(doc, scope string) {
	w.t.Helper()
	w.r.docSelect.SetSelected(doc)
	for _, o := range w.r.scopeSelect.Options {
		if strings.HasPrefix(o, scope) {
			w.r.scopeSelect.SetSelected(o)
			return
		}
	}
	w.t.Fatalf("%s has no scope %q: %v", doc, scope, w.r.scopeSelect.Options)
}

// save taps 保存文件 and answers the file dialog with name in a temp folder.
func (w *reportWorld) save(name string) string {
	w.t.Helper()
	path := filepath.Join(w.t.TempDir(), name)
	asked := ""
	w.u.saveFile = func(_ string, suggested string, cb func(string)) { asked = suggested; cb(path) }
	test.Tap(w.r.saveBtn)
	if asked == "" {
		w.t.Fatal("保存文件 did not ask where to save")
	}
	if _, err := os.Stat(path); err != nil {
		w.t.Fatalf("nothing saved: %v", err)
	}
	return path
}

// pdfWords is pdftotext's reading of a file, without spaces, line ends
// and page numbers.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`— \d+ —`).ReplaceAllString(string(out), "")
	return strings.NewReplacer("\n", "", " ", "", "\f", "").Replace(text)
}

func TestReportScreenSavesTheAnnualReportWithTheEditedText(t *testing.T) {
	w := newReportWorld(t)
	w.choose(docAnnual, "2026年")
	if w.r.saveBtn.Disabled() {
		t.Fatal("save is disabled for the annual report")
	}
	entry := w.r.text.entries["shortcomings"]
	if entry == nil || !strings.Contains(entry.Text, "存在一些不足") {
		t.Fatalf("the 存在的不足 tab does not hold the default text: %v", entry)
	}
	entry.SetText("一是委员履职积极性有待提高；二是调研成果转化不够。")
	path := w.save("annual.pdf")
	text := pdfWords(t, path)
	for _, want := range []string{"2026年工作回顾", "共召开各类会议3次，其中常委会议2次、主席会议1次", "常委会议75.0%",
		"社情民意信息1篇", "编发1篇，被采用1篇，采用率100.0%", "市政协采用1篇", "共收到委员和各参加单位提案2件",
		"在任委员2人", "一是委员履职积极性有待提高；二是调研成果转化不够。"} {
		if !strings.Contains(text, want) {
			t.Errorf("the saved PDF lacks %q", want)
		}
	}
	saved, err := w.u.store.ReportText(w.u.ctx, report.AnnualReportKind, "term11.year2026")
	if err != nil || !strings.Contains(saved.Sections["shortcomings"], "调研成果转化不够") {
		t.Fatalf("the edited text is not kept for next time: %+v %v", saved, err)
	}
	var opened *url.URL
	w.r.openURL = func(u *url.URL) error { opened = u; return nil }
	test.Tap(w.r.openBtn)
	if opened == nil || opened.Scheme != "file" || filepath.FromSlash(opened.Path) != path {
		t.Errorf("用系统程序打开 opened %v, want file://%s", opened, path)
	}
}

func TestReportScreenSavesTheProposalReportOfASession(t *testing.T) {
	w := newReportWorld(t)
	w.choose(docProposals, "第五次会议提案")
	path := w.save("proposals.pdf")
	text := pdfWords(t, path)
	if !strings.Contains(text, "共收到委员和各参加单位提案2件") || !strings.Contains(text, "关于十一届五次会议以来提案工作情况的报告") {
		t.Errorf("the proposals report lacks its figures:\n%s", text)
	}
}

func TestReportScreenPreviewsTheFirstPages(t *testing.T) {
	w := newReportWorld(t)
	w.choose(docAnnual, "2026年")
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		test.Tap(w.r.previewBtn)
		if n := len(w.r.pages.Objects); n != previewPages {
			t.Fatalf("preview shows %d pages, want %d: %s", n, previewPages, w.r.previewNote.Text)
		}
		if !regexp.MustCompile(`共 \d+ 页，预览前 3 页`).MatchString(w.r.previewNote.Text) {
			t.Errorf("preview note %q", w.r.previewNote.Text)
		}
	}
	old := pdftoppm
	pdftoppm = "no-such-pdftoppm"
	defer func() { pdftoppm = old }()
	test.Tap(w.r.previewBtn)
	if len(w.r.pages.Objects) != 0 || !strings.Contains(w.r.previewNote.Text, "没有安装 PDF 预览组件") {
		t.Errorf("without pdftoppm: %d pages, note %q", len(w.r.pages.Objects), w.r.previewNote.Text)
	}
}

func TestReportScreenCompositionIsASpreadsheet(t *testing.T) {
	w := newReportWorld(t)
	if w.r.docSelect.Selected != docComposition || w.r.scopeSelect.Selected != "本届在任委员" {
		t.Errorf("报表 opens on %q %q, not the 委员构成统计 首页 links to", w.r.docSelect.Selected, w.r.scopeSelect.Selected)
	}
	if !w.r.previewBtn.Disabled() || w.r.text.rep.kind != "" {
		t.Error("the composition sheet has no preview and no text to edit")
	}
	if !strings.Contains(w.r.comp.summary.Text, "在任委员 2 人") {
		t.Errorf("composition summary %q", w.r.comp.summary.Text)
	}
	path := w.save("构成.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	title, _ := f.GetCellValue("委员构成统计", "A1")
	if !strings.Contains(title, "委员构成统计") {
		t.Errorf("sheet title %q", title)
	}
}

func TestReportScreenSavesAMembersArchive(t *testing.T) {
	w := newReportWorld(t)
	w.choose(docArchive, "李红")
	path := w.save("archive.pdf")
	text := pdfWords(t, path)
	if !strings.Contains(text, "李红") || strings.Contains(text, "张明") {
		t.Errorf("one member's archive should name 李红 only:\n%s", text)
	}
	w.choose(docArchive, "全体委员（2人")
	if w.r.report.preview != nil {
		t.Error("two members' archives are previewed whole")
	}
	text = pdfWords(t, w.save("all.pdf"))
	if !strings.Contains(text, "李红") || !strings.Contains(text, "张明") {
		t.Errorf("the whole roster's archive lacks a member")
	}

	// A larger roster previews its first two members only.
	addMember(t, w.u, "王强", "男", "农业界", "九三学社")
	w.r.reload(w.u.ctx)
	w.choose(docArchive, "全体委员（3人")
	if w.r.report.preview == nil {
		t.Fatal("the whole roster's preview is not shortened")
	}
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		test.Tap(w.r.previewBtn)
		if !strings.Contains(w.r.previewNote.Text, "预览前2位委员的档案（保存时合订全部3人）") {
			t.Errorf("preview note %q", w.r.previewNote.Text)
		}
	}
}

func TestReportScreenNoticeNeedsAYearWithRules(t *testing.T) {
	w := newReportWorld(t)
	w.r.docSelect.SetSelected(docNotice)
	if !w.r.saveBtn.Disabled() || !strings.Contains(w.r.note.Text, "请先在“履职考核”中为年度选用规则集") {
		t.Fatalf("without rules: save enabled %v, note %q", !w.r.saveBtn.Disabled(), w.r.note.Text)
	}
	if err := rules.InstallPresets(w.u.ctx, w.u.store, 2026); err != nil {
		t.Fatal(err)
	}
	w.choose(docNotice, "2026年度")
	text := pdfWords(t, w.save("notice.pdf"))
	if !strings.Contains(text, "2026年度委员履职考核结果") || !strings.Contains(text, "李红") {
		t.Errorf("the notice lacks its title or a member:\n%s", text)
	}
}
