package app

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/datatest"
	"zhengxie/data/savefile"
	"zhengxie/export/sheet"
)

// testUI opens the real window over a fresh temp database. When setUp is
// true the committee (政协清河县委员会, 第十一届) is created first.
func testUI(t *testing.T, setUp bool) *UI {
	t.Helper()
	s := datatest.Empty(t)
	if setUp {
		s, _ = datatest.County(t)
	}
	a := test.NewTempApp(t)
	u := New(a, s)
	u.run = syncRunner
	u.pickers = pickers{
		openFile: func(string, []string, func(string)) { t.Fatal("unexpected file dialog") },
		saveFile: func(string, string, func(string)) { t.Fatal("unexpected file dialog") },
	}
	u.win.Resize(fyne.NewSize(1280, 800))
	u.Start()
	return u
}

// screenOf is the window's screen of type S.
func screenOf[S screen](t *testing.T, u *UI) S {
	t.Helper()
	for _, s := range u.screens {
		if x, ok := s.(S); ok {
			return x
		}
	}
	var none S
	t.Fatalf("no %T screen in the navigation", none)
	return none
}

func addMember(t *testing.T, u *UI, name, gender, sector, party string) data.Member {
	t.Helper()
	m := data.Member{}
	m.Name, m.Gender, m.Sector, m.Party, m.TermID = name, gender, sector, party, u.term.ID
	if err := u.store.CreateMember(u.ctx, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func shownNames(m *memberList) []string {
	var out []string
	for _, x := range m.shown {
		out = append(out, x.Name)
	}
	return out
}

func countMembers(t *testing.T, u *UI) int {
	t.Helper()
	list, err := u.store.ListMembers(u.ctx, data.MemberFilter{TermID: u.term.ID})
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

func TestFirstRunSetupCreatesCommitteeAndTerm(t *testing.T) {
	u := testUI(t, false)
	f := u.setup
	if f == nil {
		t.Fatal("first run did not open the setup dialog")
	}
	test.Type(f.name, "政协清河县委员会")
	test.Type(f.number, "十一五")
	test.Tap(f.startBtn)
	if !strings.Contains(f.errs.text("届次"), "十一") {
		t.Fatalf("bad term accepted; message under 届次 %q", f.errs.text("届次"))
	}
	f.number.SetText("第十一届")
	f.start.SetText("2021")
	test.Tap(f.startBtn)
	if u.setup != nil {
		t.Fatalf("setup still open: %q", f.message.Text)
	}
	if u.term.Number != 11 || u.term.EndYear != 2026 {
		t.Errorf("term = %+v", u.term)
	}
	if got := u.win.Title(); !strings.Contains(got, "政协清河县委员会") {
		t.Errorf("window title %q lacks the committee name", got)
	}
	if u.committee.ShortName != "清河县" {
		t.Errorf("short name %q, want it derived as 清河县", u.committee.ShortName)
	}
}

func TestInvalidIDNumberRefusedWithFieldNamed(t *testing.T) {
	u := testUI(t, true)
	u.onNewMember()
	f := u.members.form
	if f == nil {
		t.Fatal("Ctrl+N path did not open the form")
	}
	test.Type(f.entries[data.FieldName], "张三")
	f.selects[data.FieldGender].SetSelected("女")
	f.selects[data.FieldSector].SetSelected("中国共产党")
	test.Type(f.entries[data.FieldIDNumber], "110105194912310021") // check digit should be X
	test.Tap(f.saveBtn)

	if got := f.errorText(data.FieldIDNumber); got == "" {
		t.Fatal("no message under 身份证号")
	}
	if u.members.form == nil {
		t.Fatal("form closed although the save was refused")
	}
	if !strings.Contains(f.general.Text, "1 处") {
		t.Errorf("summary %q", f.general.Text)
	}
	if n := countMembers(t, u); n != 0 {
		t.Fatalf("refused save wrote %d members", n)
	}

	f.entries[data.FieldIDNumber].SetText("11010519491231002x")
	test.Tap(f.saveBtn)
	if u.members.form != nil {
		t.Fatalf("valid member refused: %q / %q", f.general.Text, f.errorText(data.FieldIDNumber))
	}
	if n := countMembers(t, u); n != 1 {
		t.Fatalf("members = %d, want 1", n)
	}
	got := u.members.shown[0]
	if got.IDNumber != "11010519491231002X" || got.Birth != "1949-12" {
		t.Errorf("stored %q born %q; want normalised ID and birth filled from it", got.IDNumber, got.Birth)
	}
	if u.members.selected != 0 {
		t.Errorf("the new member is not selected")
	}
}

func TestEditKeepsFormOpenOnMissingRequiredField(t *testing.T) {
	u := testUI(t, true)
	addMember(t, u, "李四", "男", "中国共产党", "中共")
	u.nav.Select(u.screenIndex(u.members))
	u.members.table.selectRow(0)
	test.Tap(u.members.editBtn)
	f := u.members.form
	f.entries[data.FieldName].SetText("")
	test.Tap(f.saveBtn)
	if f.errorText(data.FieldName) != "不能为空" {
		t.Errorf("姓名 message = %q", f.errorText(data.FieldName))
	}
	f.entries[data.FieldName].SetText("李思")
	test.Tap(f.saveBtn)
	if got := shownNames(u.members); !slices.Equal(got, []string{"李思"}) {
		t.Errorf("after rename shown = %v", got)
	}
}

func TestPinyinSearchFindsZhangSan(t *testing.T) {
	u := testUI(t, true)
	for _, n := range []string{"张三", "李四", "王五", "赵珊珊"} {
		addMember(t, u, n, "男", "中国共产党", "中共")
	}
	u.nav.Select(u.screenIndex(u.members))
	m := u.members
	for q, want := range map[string][]string{
		"zs":       {"张三", "赵珊珊"}, // initials z-s: 张三 and 赵珊…
		"zsan":     {"张三"},
		"zhangsan": {"张三"},
		"lis":      {"李四"},
		"张":        {"张三"},
		"ss":       {"赵珊珊"},
		"":         {"张三", "李四", "王五", "赵珊珊"},
	} {
		m.searchEntry.SetText("")
		test.Type(m.searchEntry, q)
		got := shownNames(m)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("search %q shows %v, want %v", q, got, want)
		}
	}
}

func TestFilterBySectorAndStanding(t *testing.T) {
	u := testUI(t, true)
	addMember(t, u, "张三", "男", "中国共产党", "中共")
	x := addMember(t, u, "李四", "女", "民盟", "民盟")
	addMember(t, u, "王五", "男", "民盟", "民盟")
	x.Standing = true
	if err := u.store.UpdateMember(u.ctx, &x); err != nil {
		t.Fatal(err)
	}
	u.nav.Select(u.screenIndex(u.members))
	m := u.members
	m.filters[data.KindSector].SetSelected("民盟")
	if got := shownNames(m); len(got) != 2 || slices.Contains(got, "张三") {
		t.Errorf("界别 filter shows %v", got)
	}
	test.Tap(m.standing)
	if got := shownNames(m); !slices.Equal(got, []string{"李四"}) {
		t.Errorf("界别 + 仅常委 shows %v", got)
	}
	if !strings.HasPrefix(m.countLabel.Text, "共 1 人") {
		t.Errorf("count label %q", m.countLabel.Text)
	}
}

func TestSortByNameUsesPinyin(t *testing.T) {
	u := testUI(t, true)
	for _, n := range []string{"王五", "张三", "李四"} {
		addMember(t, u, n, "男", "中国共产党", "中共")
	}
	u.nav.Select(u.screenIndex(u.members))
	m := u.members
	tapHeader(t, m.table.table, data.FieldName)
	if got := shownNames(m); !slices.Equal(got, []string{"李四", "王五", "张三"}) {
		t.Errorf("ascending %v", got)
	}
	tapHeader(t, m.table.table, data.FieldName)
	if got := shownNames(m); !slices.Equal(got, []string{"张三", "王五", "李四"}) {
		t.Errorf("descending %v", got)
	}
	if h := headerTexts(m.table.table); !slices.Contains(h, data.FieldName+" ▼") {
		t.Errorf("headers %q show no sort mark", h)
	}
}

func TestDeleteGoesToRecycleBinAndRestores(t *testing.T) {
	u := testUI(t, true)
	x := addMember(t, u, "张三", "男", "中国共产党", "中共")
	u.nav.Select(u.screenIndex(u.members))
	u.members.deleteMember(x)
	if n := len(u.members.shown); n != 0 {
		t.Fatalf("deleted member still shown")
	}
	if err := u.store.RestoreMember(u.ctx, x.Membership.ID); err != nil {
		t.Fatal(err)
	}
	u.members.reload(u.ctx)
	if got := shownNames(u.members); !slices.Equal(got, []string{"张三"}) {
		t.Errorf("after restore %v", got)
	}
}

// writeSheet writes members as a roster xlsx, the way a user's file looks.
func writeSheet(t *testing.T, members []data.Member) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	doc := sheet.RosterDoc{Title: "委员名册", Members: members,
		Fields: []string{data.FieldName, data.FieldGender, data.FieldIDNumber, data.FieldParty, data.FieldSector, data.FieldWorkUnit},
		FullID: true}
	if err := savefile.Write(path, func(w io.Writer) error { return sheet.WriteRoster(w, doc) }); err != nil {
		t.Fatal(err)
	}
	return path
}

func sheetMember(name, gender, id, sector string) data.Member {
	var m data.Member
	m.Name, m.Gender, m.IDNumber, m.Sector, m.Party, m.WorkUnit = name, gender, id, sector, "无党派", "清河县人民医院医生"
	return m
}

func TestImportPreviewRejectsSheetWithErrorsAndChangesNothing(t *testing.T) {
	u := testUI(t, true)
	path := writeSheet(t, []data.Member{
		sheetMember("张三", "女", "11010519491231002X", "医药卫生界"),
		sheetMember("李四", "男", "110105194912310021", "医药卫生界"), // wrong check digit
	})
	u.openFile = func(_ string, _ []string, cb func(string)) { cb(path) }
	u.nav.Select(u.screenIndex(u.members))
	u.members.onImport()
	p := u.members.preview
	if p == nil {
		t.Fatal("no preview shown")
	}
	if !p.confirm.Disabled() {
		t.Error("确认导入 enabled for a sheet with errors")
	}
	if len(p.p.Issues) != 1 || p.p.Issues[0].Field != data.FieldIDNumber || p.p.Issues[0].Row < 3 {
		t.Fatalf("issues = %+v, want one on 身份证号 naming its row", p.p.Issues)
	}
	if !strings.Contains(p.summary.Text, "1 处问题") {
		t.Errorf("summary %q", p.summary.Text)
	}
	test.Tap(p.confirm)
	if n := countMembers(t, u); n != 0 {
		t.Fatalf("rejected import wrote %d members", n)
	}

	list := filepath.Join(t.TempDir(), "问题.xlsx")
	u.saveFile = func(_, name string, cb func(string)) {
		if !strings.Contains(name, "名册（导入问题清单）") {
			t.Errorf("suggested name %q", name)
		}
		cb(list)
	}
	test.Tap(p.issues)
	f, err := excelize.OpenFile(list)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("导入问题清单")
	if len(rows) != 3 || rows[2][1] != data.FieldIDNumber {
		t.Errorf("problem list %q", rows)
	}
}

func TestImportPreviewThenConfirm(t *testing.T) {
	u := testUI(t, true)
	path := writeSheet(t, []data.Member{
		sheetMember("张三", "女", "11010519491231002X", "医药卫生界"),
		sheetMember("李四", "男", "", "新设界别"),
	})
	u.openFile = func(_ string, _ []string, cb func(string)) { cb(path) }
	u.nav.Select(u.screenIndex(u.members))
	u.members.onImport()
	p := u.members.preview
	if p == nil || p.confirm.Disabled() {
		t.Fatalf("valid sheet not importable: %+v", p)
	}
	if got := p.p.Plan.NewCatalog[data.KindSector]; !slices.Equal(got, []string{"新设界别"}) {
		t.Errorf("new 界别 = %v", got)
	}
	test.Tap(p.confirm)
	if got := shownNames(u.members); len(got) != 2 {
		t.Fatalf("after import shown %v", got)
	}
	if u.members.preview != nil {
		t.Error("preview still open")
	}
}

func TestExportWritesShownMembers(t *testing.T) {
	u := testUI(t, true)
	addMember(t, u, "张三", "男", "中国共产党", "中共")
	addMember(t, u, "李四", "女", "民盟", "民盟")
	out := filepath.Join(t.TempDir(), "out.xlsx")
	u.saveFile = func(_ string, name string, cb func(string)) {
		if !strings.Contains(name, "政协清河县第十一届委员会") {
			t.Errorf("suggested name %q", name)
		}
		cb(out)
	}
	u.nav.Select(u.screenIndex(u.members))
	u.members.filters[data.KindSector].SetSelected("民盟")
	u.members.exportShown(sheet.RosterOptions{AllFields: true})
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, err := sheet.ReadRoster(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(sheet.Rows) != 1 || sheet.Rows[0].Member.Name != "李四" {
		t.Errorf("exported %+v, want only the filtered 李四", sheet.Rows)
	}
}

func TestLastScreenAndWindowSizeRemembered(t *testing.T) {
	u := testUI(t, true)
	u.nav.Select(u.screenIndex(u.settings))
	u.win.Resize(fyne.NewSize(1100, 700))
	u.saveWindowState()
	p := u.app.Preferences()
	if p.Int(u.screenPref()) != u.screenIndex(u.settings) || p.Float(prefWidth) != 1100 {
		t.Fatalf("saved screen %d width %v", p.Int(u.screenPref()), p.Float(prefWidth))
	}
	u2 := New(u.app, u.store)
	u2.run = syncRunner
	u2.Start()
	if u2.current != u.screenIndex(u.settings) {
		t.Errorf("reopened on screen %d", u2.current)
	}
}

// labelText joins the text of every label under o.
func labelText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestFyneDialogsSpeakChinese(t *testing.T) {
	testUI(t, true)
	for en, zh := range map[string]string{"OK": "确定", "Cancel": "取消", "Yes": "是", "Save": "保存"} {
		if got := lang.L(en); got != zh {
			t.Errorf("Fyne shows %q for %q, want %q", got, en, zh)
		}
	}
}

func TestShortcutsNewMemberAndFind(t *testing.T) {
	u := testUI(t, true)
	keys := u.shortcuts()
	keys[fyne.KeyF]()
	if u.screens[u.current] != u.members || u.win.Canvas().Focused() != u.members.searchEntry {
		t.Errorf("Ctrl+F: screen %d, focus %v", u.current, u.win.Canvas().Focused())
	}
	u.nav.Select(0)
	keys[fyne.KeyN]()
	if u.members.form == nil || u.screens[u.current] != u.members {
		t.Error("Ctrl+N did not open the new-member form on the members screen")
	}
}
