package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/backup/seal"
	"zhengxie/data/proposal"
	"zhengxie/data/rules"
	"zhengxie/export/sheet"
)

// These tests drive Fyne's real file dialogs (fynePickers), as a clerk
// would: the button opens the dialog over the window, a name is typed or a
// file picked in the folder the dialog opens in, 保存/打开 is tapped, and
// the file must be written or read. The other tests answer the pickers at
// once with fakes and cannot see a dialog that crashes or never calls back.

// realPickers gives u the real file dialogs, opening in a fresh folder
// (the remembered folder), which it returns.
func realPickers(t *testing.T, u *UI) string {
	t.Helper()
	dir := t.TempDir()
	u.pickers = fynePickers(u)
	u.app.Preferences().SetString(prefLastDir, dir)
	return dir
}

// dialogKind says what a row's dialog asks for.
type dialogKind int

const (
	saveDialog   dialogKind = iota // type a name, 保存
	openDialog                     // pick a file, 打开
	folderDialog                   // take the folder shown, 打开
)

// fileDialogUp is the file dialog shown over the window; it fails the test
// when there is none or its title is not title, and checks it speaks Chinese.
func fileDialogUp(t *testing.T, u *UI, title string) *widget.PopUp {
	t.Helper()
	p := topPopUp(u.win.Canvas())
	if p == nil {
		t.Fatalf("no dialog open, want the file dialog %q", title)
	}
	text := shownText(p)
	if !strings.Contains(text, title) {
		t.Fatalf("the dialog on top is not %q:\n%s", title, text)
	}
	words := strings.Split(text, "\n")
	for _, o := range test.LaidOutObjects(p) {
		if b, ok := o.(*widget.Button); ok {
			words = append(words, b.Text)
		}
	}
	for _, english := range []string{"Home", "Computer", "Desktop", "Documents", "Open", "Save", "Cancel"} {
		if slices.Contains(words, english) {
			t.Errorf("the file dialog shows %q in English", english)
		}
	}
	if !strings.Contains(text, "主文件夹") {
		t.Errorf("the side bar lacks 主文件夹:\n%s", text)
	}
	return p
}

// answer answers the file dialog p: for a save, types name and taps 保存;
// for an open, taps the file name in the list, then 打开; for a folder,
// opens the folder name (if any) and takes it (选择此文件夹).
func answer(t *testing.T, p *widget.PopUp, kind dialogKind, name string) {
	t.Helper()
	switch kind {
	case saveDialog:
		var entry *widget.Entry
		for _, o := range test.LaidOutObjects(p) {
			if e, ok := o.(*widget.Entry); ok {
				entry = e
				break
			}
		}
		if entry == nil {
			t.Fatal("the save dialog has no file name field")
		}
		if entry.Text == "" || !strings.Contains(entry.Text, ".") {
			t.Errorf("the save dialog offers no file name (%q)", entry.Text)
		}
		entry.SetText("")
		test.Type(entry, name)
		tapButton(t, p, "保存")
	case openDialog:
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		tapFileItem(t, p, name, stem)
		tapButton(t, p, "打开")
	case folderDialog:
		if name != "" {
			tapFileItem(t, p, name, name) // a folder opens on one tap
		}
		tapButton(t, p, "选择此文件夹")
	}
	if p.Visible() {
		t.Fatal("the file dialog is still open after the answer")
	}
}

// tapFileItem taps the item of the dialog's file list named name (the list
// view) or stem (the grid view hides extensions).
func tapFileItem(t *testing.T, p *widget.PopUp, name, stem string) {
	t.Helper()
	var seen []string
	for _, o := range test.LaidOutObjects(p) {
		w, ok := o.(fyne.Widget)
		tap, tappable := o.(fyne.Tappable)
		if !ok || !tappable {
			continue
		}
		if _, isButton := o.(*widget.Button); isButton {
			continue
		}
		for _, c := range test.WidgetRenderer(w).Objects() {
			if l, ok := c.(*widget.Label); ok {
				seen = append(seen, l.Text)
				if l.Text == name || l.Text == stem {
					test.Tap(tap)
					return
				}
			}
		}
	}
	t.Fatalf("the open dialog does not list %q; it lists %q", name, seen)
}

// place copies src into dir as name, where the open dialog will show it.
func place(t *testing.T, src, dir, name string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// sheetText is every cell of every sheet of an .xlsx, joined; the test
// fails when the file does not open.
func sheetText(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s does not open as a workbook: %v", filepath.Base(path), err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("[" + sh + "]\n")
		for _, r := range rows {
			b.WriteString(strings.Join(r, "|") + "\n")
		}
	}
	return b.String()
}

func wantIn(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%.600s", what, w, text)
		}
	}
}

func wantPDF(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") || !strings.Contains(string(b[max(0, len(b)-1024):]), "%%EOF") {
		t.Fatalf("%s is not a whole PDF (%d bytes, %v)", filepath.Base(path), len(b), err)
	}
}

// dialogRow is one button of the window that opens a file dialog.
type dialogRow struct {
	name  string
	title string // the dialog's title
	kind  dialogKind
	file  string // typed (save), picked (open) or opened (folder) in the dialog's folder
	// start builds the window and its data, places any file to open in
	// dir, and returns the action that opens the dialog: the button's tap.
	start func(t *testing.T, dir string) (*UI, func())
	// check looks at what the answer did; path is dir/file.
	check func(t *testing.T, u *UI, path string)
}

// importThrough opens an import's file dialog with tap and picks name in it.
func importThrough(t *testing.T, u *UI, tap func(), title, name string) {
	t.Helper()
	tap()
	answer(t, fileDialogUp(t, u, title), openDialog, name)
}

func dialogRows() []dialogRow {
	return []dialogRow{
		{
			name: "委员 导出名册", title: "导出委员名册", kind: saveDialog, file: "名册.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				u := testUI(t, true)
				addMember(t, u, "张三", "男", "中国共产党", "中共")
				addMember(t, u, "李四", "女", "民盟", "民盟")
				u.nav.Select(u.screenIndex(u.members))
				return u, func() {
					u.members.onExport()
					tapButton(t, topOverlay(u), "选择保存位置…")
				}
			},
			check: func(t *testing.T, u *UI, path string) {
				wantIn(t, "the roster", sheetText(t, path), "张三", "李四", "政协清河县第十一届委员会")
			},
		},
		{
			name: "委员 导入模板", title: "保存委员名册导入模板", kind: saveDialog, file: "模板.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				u := testUI(t, true)
				u.nav.Select(u.screenIndex(u.members))
				return u, u.members.onTemplate
			},
			check: func(t *testing.T, u *UI, path string) {
				wantIn(t, "the template", sheetText(t, path), "姓名", "身份证号")
			},
		},
		{
			name: "委员 导入名册", title: "导入委员名册", kind: openDialog, file: "新名册.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				u := testUI(t, true)
				place(t, writeSheet(t, []data.Member{sheetMember("张三", "女", "11010519491231002X", "医药卫生界")}), dir, "新名册.xlsx")
				u.nav.Select(u.screenIndex(u.members))
				return u, u.members.onImport
			},
			check: func(t *testing.T, u *UI, path string) {
				p := u.members.preview
				if p == nil || p.confirm.Disabled() {
					t.Fatalf("no importable preview of %s", path)
				}
				test.Tap(p.confirm)
				if got := shownNames(u.members); !slices.Equal(got, []string{"张三"}) {
					t.Errorf("after the import the list shows %v", got)
				}
			},
		},
		{
			name: "委员 导入预览 导出问题清单", title: "导出问题清单", kind: saveDialog, file: "问题.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				u := testUI(t, true)
				place(t, writeSheet(t, []data.Member{sheetMember("李四", "男", "110105194912310021", "医药卫生界")}), dir, "错名册.xlsx")
				u.nav.Select(u.screenIndex(u.members))
				return u, func() {
					importThrough(t, u, u.members.onImport, "导入委员名册", "错名册.xlsx")
					if u.members.preview == nil || u.members.preview.issues == nil {
						t.Fatal("no preview with problems")
					}
					test.Tap(u.members.preview.issues)
				}
			},
			check: func(t *testing.T, u *UI, path string) {
				wantIn(t, "the problem list", sheetText(t, path), data.FieldIDNumber, "错名册.xlsx")
			},
		},
		{
			name: "提案 导入台账", title: "导入提案台账", kind: openDialog, file: "台账.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newListWorld(t)
				w.seed()
				u := w.u
				if err := sheet.LedgerFile(u.ctx, u.store, filepath.Join(dir, "台账.xlsx"), u.term.ID, w.sessions[1].ID); err != nil {
					t.Fatal(err)
				}
				sixth := data.Session{TermID: u.term.ID, Number: 6, StartDate: "2026-01-08"}
				if err := u.store.SaveSession(u.ctx, &sixth); err != nil {
					t.Fatal(err)
				}
				w.reload()
				w.l.sessionSelect.SetSelected("第六次会议")
				return u, w.l.onImport
			},
			check: func(t *testing.T, u *UI, path string) {
				pi := u.proposals.list.importing
				if pi == nil || pi.p == nil || pi.confirm.Disabled() {
					t.Fatalf("no importable preview of %s", path)
				}
				test.Tap(pi.confirm)
				if got := shownTitles(u.proposals.list); len(got) != 3 {
					t.Errorf("after the import 第六次会议 shows %v, want 3 proposals", got)
				}
			},
		},
		{
			name: "提案 导入预览 导出问题清单", title: "导出问题清单", kind: saveDialog, file: "提案问题.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newListWorld(t)
				f := excelize.NewFile()
				sh := f.GetSheetName(0)
				f.SetSheetRow(sh, "A1", &[]any{"案号", "案由", "提案人", "类别"})
				f.SetSheetRow(sh, "A2", &[]any{"1", "关于发展县域托育服务的建议", "赵无名", "社会建设"})
				if err := f.SaveAs(filepath.Join(dir, "往年台账.xlsx")); err != nil {
					t.Fatal(err)
				}
				return w.u, func() {
					importThrough(t, w.u, w.l.onImport, "导入提案台账", "往年台账.xlsx")
					if w.l.importing == nil || w.l.importing.issues.Hidden {
						t.Fatal("no preview with problems")
					}
					test.Tap(w.l.importing.issues)
				}
			},
			check: func(t *testing.T, u *UI, path string) {
				wantIn(t, "the problem list", sheetText(t, path), "赵无名")
			},
		},
		{
			name: "提案 打印表单", title: "保存提案表单", kind: saveDialog, file: "表单.pdf",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newListWorld(t)
				p := w.add(1, titleWater, "部分村组仍依靠山泉水和浅井供水。", "经济建设", 1, 2)
				w.do(p.ID, data.Step{Action: proposal.ActFile, Date: "2026-03-02"},
					data.Step{Action: proposal.ActAssign, Date: "2026-03-10", Mode: proposal.ModeLead,
						Units: []data.Assignment{{UnitID: w.units[0].ID, Role: proposal.RoleLead}}})
				w.reload()
				w.selectRow(titleWater)
				d := w.l.detail
				if d.printBtn == nil {
					t.Fatal("no 打印表单 for an assigned proposal")
				}
				return w.u, func() {
					test.Tap(d.printBtn)
					d.printDlg.Confirm()
				}
			},
			check: func(t *testing.T, u *UI, path string) { wantPDF(t, path) },
		},
		{
			name: "提案 添加附件", title: "添加附件", kind: openDialog, file: "来函.pdf",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newListWorld(t)
				w.seed()
				if err := os.WriteFile(filepath.Join(dir, "来函.pdf"), []byte("%PDF-1.4\n%%EOF\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				w.selectRow(titleWater)
				return w.u, w.l.detail.onAddAttachment
			},
			check: func(t *testing.T, u *UI, path string) {
				id := u.proposals.list.detail.p.ID
				as, err := u.store.ListAttachments(u.ctx, id)
				if err != nil || len(as) != 1 {
					t.Fatalf("attachments %+v, %v; want the one picked", as, err)
				}
				if b, err := os.ReadFile(as[0].Path); err != nil || !strings.HasPrefix(string(b), "%PDF") {
					t.Errorf("the attachment's copy %s: %v", as[0].Path, err)
				}
			},
		},
		{
			name: "承办单位 导出办理情况统计表", title: "导出承办单位办理情况统计表", kind: saveDialog, file: "统计表.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newProposalWorld(t)
				w.assigned("关于校车安全的建议", "2026-07-15", "县教育局", "县财政局")
				l := w.u.proposals.units
				w.open(l)
				return w.u, func() { test.Tap(l.exportButton) }
			},
			check: func(t *testing.T, u *UI, path string) {
				wantIn(t, "the unit sheet", sheetText(t, path), "县教育局")
			},
		},
		{
			name: "履职活动 导入会议活动", title: "导入会议活动", kind: openDialog, file: "活动登记.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newActivityWorld(t)
				place(t, writeAttendance(t,
					[]any{"2026-04-10", "乡村振兴专题调研", "调研", "李红", "", "出席"},
					[]any{"2026-04-10", "乡村振兴专题调研", "调研", "张明", "", "请假"},
				), dir, "活动登记.xlsx")
				return w.u, func() { test.Tap(w.s.events.importBtn) }
			},
			check: func(t *testing.T, u *UI, path string) {
				if text := shownText(topOverlay(u)); !strings.Contains(text, "新增 1 个活动（2 人次）") {
					t.Fatalf("the preview does not count the event:\n%s", text)
				}
				tapButton(t, topOverlay(u), "导入")
				if got := storedEvents(t, u); len(got) != 1 || got[0].Title != "乡村振兴专题调研" {
					t.Errorf("stored events %+v", got)
				}
			},
		},
		{
			name: "履职活动 导入预览 导出问题清单", title: "导出问题清单", kind: saveDialog, file: "活动问题.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newActivityWorld(t)
				place(t, writeAttendance(t, []any{"2026-04-10", "乡村振兴专题调研", "调研", "王五", "", "出席"}), dir, "登记.xlsx")
				return w.u, func() {
					importThrough(t, w.u, func() { test.Tap(w.s.events.importBtn) }, "导入会议活动", "登记.xlsx")
					tapButton(t, topOverlay(w.u), "导出问题清单")
				}
			},
			check: func(t *testing.T, u *UI, path string) {
				wantIn(t, "the problem list", sheetText(t, path), "王五")
			},
		},
		{
			name: "履职考核 导入规则文件", title: "导入考核规则文件", kind: openDialog, file: "修订规则.toml",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newAssessWorld(t)
				rs := testRules()
				rs.Year, rs.Name = 2026, "清河县委员履职考核（修订）"
				if err := rules.WriteFile(filepath.Join(dir, "修订规则.toml"), rs); err != nil {
					t.Fatal(err)
				}
				return w.u, func() { test.Tap(w.s.importButton) }
			},
			check: func(t *testing.T, u *UI, path string) {
				s := assessmentOf(t, u)
				if got := s.ruleSelect.Selected; got != "清河县委员履职考核（修订）" {
					t.Errorf("the imported rule set is not chosen: %q", got)
				}
			},
		},
		{
			name: "履职考核 导出规则文件", title: "导出考核规则文件", kind: saveDialog, file: "规则.toml",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newAssessWorld(t)
				return w.u, func() { test.Tap(w.s.exportRulesButton) }
			},
			check: func(t *testing.T, u *UI, path string) {
				rs, err := rules.ReadFile(path)
				if err != nil || rs.Name != "清河县委员履职考核" {
					t.Errorf("exported rules %q, %v", rs.Name, err)
				}
			},
		},
		{
			name: "履职考核 导出结果表", title: "导出履职考核结果表", kind: saveDialog, file: "结果表.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newAssessWorld(t)
				return w.u, func() { test.Tap(w.s.exportButton) }
			},
			check: func(t *testing.T, u *UI, path string) {
				wantIn(t, "the result sheet", sheetText(t, path), "张三", "优秀")
			},
		},
		{
			name: "设置 操作日志 导出Excel", title: "导出操作日志", kind: saveDialog, file: "日志.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				u := testUI(t, true)
				editedMember(t, u)
				v := auditTab(t, u)
				return u, func() { tapButton(t, v.obj, "导出Excel…") }
			},
			check: func(t *testing.T, u *UI, path string) {
				wantIn(t, "the log", sheetText(t, path), "政协清河县委员会操作日志", "张三")
			},
		},
		{
			name: "报表 保存文件", title: "保存", kind: saveDialog, file: "年度报告.pdf",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newReportWorld(t)
				w.choose(docAnnual, "2026年")
				return w.u, func() { test.Tap(w.r.saveBtn) }
			},
			check: func(t *testing.T, u *UI, path string) {
				wantPDF(t, path)
				if !u.reports.openBtn.Visible() || u.reports.openBtn.Disabled() {
					t.Error("用系统程序打开 not offered after the save")
				}
			},
		},
		{
			name: "报表 保存文件 (Excel)", title: "保存", kind: saveDialog, file: "构成.xlsx",
			start: func(t *testing.T, dir string) (*UI, func()) {
				w := newReportWorld(t)
				w.r.docSelect.SetSelected(docComposition)
				if w.r.report == nil || !strings.HasSuffix(w.r.report.fileName, ".xlsx") {
					t.Fatalf("%s is not offered as a workbook: %+v", docComposition, w.r.report)
				}
				return w.u, func() { test.Tap(w.r.saveBtn) }
			},
			check: func(t *testing.T, u *UI, path string) {
				wantIn(t, "the composition sheet", sheetText(t, path), "委员构成统计")
			},
		},
		{
			name: "设置 备份到U盘", title: "选择备份到的文件夹", kind: folderDialog, file: "U盘",
			start: func(t *testing.T, dir string) (*UI, func()) {
				if err := os.Mkdir(filepath.Join(dir, "U盘"), 0o755); err != nil {
					t.Fatal(err)
				}
				u := testUI(t, true)
				addMember(t, u, "张三", "男", "中国共产党", "中共")
				b := backupTab(t, u)
				return u, func() { tapButton(t, b.obj, "备份到U盘…") }
			},
			check: func(t *testing.T, u *UI, dir string) {
				form := topOverlay(u)
				for _, o := range test.LaidOutObjects(form) {
					if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, "加密") {
						c.SetChecked(false)
					}
				}
				tapButton(t, form, "确定")
				files, _ := filepath.Glob(filepath.Join(dir, "*.db"))
				if len(files) != 1 {
					t.Fatalf("the folder holds %v, want one backup", files)
				}
				info, err := data.InspectBackup(u.ctx, files[0])
				if err != nil || !strings.Contains(info.Committee, "清河县") {
					t.Errorf("the backup reads as %+v, %v", info, err)
				}
			},
		},
		{
			name: "设置 从文件恢复", title: "选择备份文件", kind: openDialog, file: "备份.db",
			start: func(t *testing.T, dir string) (*UI, func()) {
				u := testUI(t, true)
				addMember(t, u, "张三", "男", "中国共产党", "中共")
				path, err := seal.BackupToFolder(context.Background(), u.store, t.TempDir(), "")
				if err != nil {
					t.Fatal(err)
				}
				place(t, path, dir, "备份.db")
				addMember(t, u, "李四", "男", "中国共产党", "中共")
				b := backupTab(t, u)
				return u, func() { tapButton(t, b.obj, "从文件恢复…") }
			},
			check: func(t *testing.T, u *UI, path string) {
				if text := shownText(topOverlay(u)); !strings.Contains(text, "政协清河县委员会") {
					t.Fatalf("the restore question does not show the backup's committee:\n%s", text)
				}
				tapButton(t, topOverlay(u), "恢复")
				t.Cleanup(func() { u.store.Close() })
				if got := rosterNames(t, u); got != "张三" {
					t.Errorf("roster after the restore: %s", got)
				}
			},
		},
	}
}

func assessmentOf(t *testing.T, u *UI) *assessmentScreen { return screenOf[*assessmentScreen](t, u) }

// TestEveryFileDialogOfTheWindow opens each file dialog the window has
// through the real pickers and answers it.
//
// Not driven here: the first-run dialog's 导入名册 start opens the same
// roster import as 委员 → 导入名册 (a row above), and 帮助/关于 open no file
// dialog (关于's 打开数据文件夹 hands the folder to the system).
func TestEveryFileDialogOfTheWindow(t *testing.T) {
	for _, row := range dialogRows() {
		t.Run(row.name, func(t *testing.T) {
			dir := t.TempDir()
			u, open := row.start(t, dir)
			u.pickers = fynePickers(u)
			u.app.Preferences().SetString(prefLastDir, dir)
			open()
			p := fileDialogUp(t, u, row.title)
			answer(t, p, row.kind, row.file)
			path := filepath.Join(dir, row.file)
			if row.kind == saveDialog {
				if _, err := os.Stat(path); err != nil {
					t.Fatalf("nothing saved at %s: %v", row.file, err)
				}
			}
			row.check(t, u, path)
			want := dir
			if row.kind == folderDialog {
				want = path
			}
			if got := u.app.Preferences().String(prefLastDir); got != want {
				t.Errorf("remembered folder %q, want %q", got, want)
			}
		})
	}
}

// Cancelling a save dialog writes nothing, closes the dialog and leaves the
// window working: the same export then saves.
func TestCancelledFileDialogWritesNothing(t *testing.T) {
	u := testUI(t, true)
	addMember(t, u, "张三", "男", "中国共产党", "中共")
	dir := realPickers(t, u)
	u.nav.Select(u.screenIndex(u.members))
	u.members.onTemplate()
	p := fileDialogUp(t, u, "保存委员名册导入模板")
	tapButton(t, p, "取消")
	if p.Visible() || topPopUp(u.win.Canvas()) != nil {
		t.Fatal("the file dialog stays open after 取消")
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Fatalf("取消 wrote %v", files)
	}

	u.members.onImport()
	tapButton(t, fileDialogUp(t, u, "导入委员名册"), "取消")
	if u.members.preview != nil || countMembers(t, u) != 1 {
		t.Fatal("a cancelled import opened a preview or changed the roster")
	}

	u.nav.Select(u.screenIndex(u.proposals))
	u.nav.Select(u.screenIndex(u.members))
	u.members.onTemplate()
	answer(t, fileDialogUp(t, u, "保存委员名册导入模板"), saveDialog, "模板.xlsx")
	sheetText(t, filepath.Join(dir, "模板.xlsx"))
}

// Saving over an existing file asks first, in Chinese; 否 keeps the old
// file, 是 replaces it.
func TestSaveOverAnExistingFileAsksInChinese(t *testing.T) {
	u := testUI(t, true)
	addMember(t, u, "张三", "男", "中国共产党", "中共")
	dir := realPickers(t, u)
	old := filepath.Join(dir, "模板.xlsx")
	if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.nav.Select(u.screenIndex(u.members))
	for _, yes := range []bool{false, true} {
		u.members.onTemplate()
		p := fileDialogUp(t, u, "保存委员名册导入模板")
		for _, o := range test.LaidOutObjects(p) {
			if e, ok := o.(*widget.Entry); ok {
				e.SetText("模板.xlsx")
				break
			}
		}
		tapButton(t, p, "保存")
		q := topPopUp(u.win.Canvas())
		if q == nil || q == p {
			t.Fatal("no question before replacing a file")
		}
		text := shownText(q)
		wantIn(t, "the question", text, "替换文件？", "文件“模板.xlsx”已存在，要替换它吗？")
		if strings.Contains(text, "Overwrite") || strings.Contains(text, "Are you sure") {
			t.Errorf("the question is in English:\n%s", text)
		}
		if yes {
			tapButton(t, q, "是")
		} else {
			tapButton(t, q, "否")
			if b, _ := os.ReadFile(old); string(b) != "old" {
				t.Fatal("否 replaced the file")
			}
			tapButton(t, p, "取消")
		}
	}
	sheetText(t, old)
}

// A name typed without its extension is saved with it, as Windows does.
func TestSaveDialogAddsTheMissingExtension(t *testing.T) {
	u := testUI(t, true)
	dir := realPickers(t, u)
	u.nav.Select(u.screenIndex(u.members))
	u.members.onTemplate()
	answer(t, fileDialogUp(t, u, "保存委员名册导入模板"), saveDialog, "我的模板")
	wantIn(t, "the template", sheetText(t, filepath.Join(dir, "我的模板.xlsx")), "姓名")
	if _, err := os.Stat(filepath.Join(dir, "我的模板")); err == nil {
		t.Error("also saved without the extension")
	}
}
