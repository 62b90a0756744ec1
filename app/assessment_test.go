package app

import (
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/data/rules"
)

// assessWorld is the 履职考核 screen over a real temp database: three
// members of 第十一届, a small rule set for 2026 and a few activities.
type assessWorld struct {
	t       *testing.T
	u       *UI
	s       *assessmentScreen
	members map[string]data.Member
	rules   data.StoredRuleSet
}

func pts(n int64) *assess.Points { p := assess.Int(n); return &p }

// testRules: meetings 5 per attendance and -2 per approved leave, 社情民意
// 10 each up to 15; 优秀 ≥ 10, 称职 ≥ 5, else 不称职; "基本要求" (attend a
// meeting and submit a 社情民意) caps the grade at 称职.
func testRules() assess.RuleSet {
	return assess.RuleSet{
		Name: "清河县委员履职考核",
		Items: []assess.Item{
			{Name: "参加会议", Column: "会议", Rules: []assess.Rule{
				{Name: "每次出席", Match: assess.Match{Kind: assess.KindEvent, Statuses: []string{data.AttPresent}}, Points: pts(5)},
				{Name: "每次请假", Match: assess.Match{Kind: assess.KindEvent, Statuses: []string{data.AttLeave}}, Points: pts(-2)},
			}},
			{Name: "反映社情民意", Column: "社情民意", Cap: pts(15), Rules: []assess.Rule{
				{Name: "每篇", Match: assess.Match{Kind: assess.KindInfo}, Points: pts(10)},
			}},
		},
		Grades: []assess.Grade{{Name: "优秀", Min: pts(10)}, {Name: "称职", Min: pts(5)}, {Name: "不称职"}},
		Gates: []assess.Gate{{Name: "基本要求", MaxGrade: "称职", Require: []assess.Requirement{
			{Name: "参加会议", Match: assess.Match{Kind: assess.KindEvent, Statuses: []string{data.AttPresent}}},
			{Name: "报送社情民意", Match: assess.Match{Kind: assess.KindInfo}},
		}}},
	}
}

func newAssessWorld(t *testing.T) *assessWorld {
	t.Helper()
	u := testUI(t, true)
	w := &assessWorld{t: t, u: u, members: map[string]data.Member{}}
	for _, name := range []string{"张三", "李四", "王五"} {
		w.members[name] = addMember(t, u, name, "男", "经济界", "中共")
	}
	w.rules = data.StoredRuleSet{Year: 2026, Rules: testRules()}
	w.rules.Rules.Year = 2026
	if err := u.store.SaveRuleSet(u.ctx, &w.rules); err != nil {
		t.Fatal(err)
	}
	w.event("全体会议", "十一届五次会议", "2026-03-01", map[string]string{"张三": data.AttPresent, "李四": data.AttPresent})
	w.event("专题协商会", "优化营商环境专题协商会", "2026-06-18", map[string]string{"张三": data.AttPresent, "李四": data.AttLeave})
	w.add(&data.Activity{TermID: u.term.ID, Kind: data.ActInfo, Title: "关于农村饮水安全的建议", Date: "2026-05-10",
		Counted: true, Members: []data.Attendee{w.attendee("张三", "")}})
	for _, sc := range u.screens {
		if s, ok := sc.(*assessmentScreen); ok {
			w.s = s
		}
	}
	w.s.computing.now = runNow
	w.s.confirm = func(_, _ string, ok func()) { ok() }
	u.nav.Select(u.screenIndex(w.s))
	return w
}

func (w *assessWorld) attendee(name, status string) data.Attendee {
	m := w.members[name]
	return data.Attendee{MembershipID: m.Membership.ID, Name: name, Status: status}
}

func (w *assessWorld) event(typ, title, date string, who map[string]string) {
	a := &data.Activity{TermID: w.u.term.ID, Kind: data.ActEvent, Type: typ, Title: title, Date: date}
	for _, name := range []string{"张三", "李四", "王五"} {
		if st, ok := who[name]; ok {
			a.Members = append(a.Members, w.attendee(name, st))
		}
	}
	w.add(a)
}

func (w *assessWorld) add(a *data.Activity) {
	w.t.Helper()
	if err := w.u.store.CreateActivity(w.u.ctx, a); err != nil {
		w.t.Fatal(err)
	}
}

// value is what the result table shows for a member under a column.
func (w *assessWorld) value(name, column string) string {
	w.t.Helper()
	rt := w.s.results
	row := slices.IndexFunc(rt.shown, func(m assess.MemberResult) bool { return m.Member.Name == name })
	if rt.table.column(column) == nil || row < 0 {
		w.t.Fatalf("no row %q or column %q (status %q)", name, column, w.s.status.Text)
	}
	return rt.table.cell(row, column)
}

func (w *assessWorld) shownNames() []string {
	var out []string
	for _, m := range w.s.results.shown {
		out = append(out, m.Member.Name)
	}
	return out
}

// click selects a member's row, which explains it.
func (w *assessWorld) click(name string) {
	w.t.Helper()
	row := slices.IndexFunc(w.s.results.shown, func(m assess.MemberResult) bool { return m.Member.Name == name })
	if row < 0 {
		w.t.Fatalf("%s not shown", name)
	}
	w.s.results.table.selectRow(row)
}

func TestAssessmentTableShowsTotalsGradesAndSummary(t *testing.T) {
	w := newAssessWorld(t)
	if got := w.s.yearSelect.Selected; got != "2026年度" {
		t.Errorf("year %q, want 2026年度 (the latest with records)", got)
	}
	if got := w.s.ruleSelect.Selected; got != "清河县委员履职考核" {
		t.Errorf("rule set %q", got)
	}
	for _, c := range []struct{ name, col, want string }{
		{"张三", "会议", "10"}, {"张三", "社情民意", "10"}, {"张三", "总分", "20"}, {"张三", "等次", "优秀"}, {"张三", "排名", "1"},
		{"李四", "会议", "3"}, {"李四", "总分", "3"}, {"李四", "等次", "不称职"}, {"李四", "排名", "2"},
		{"王五", "总分", "0"}, {"王五", "排名", "3"},
	} {
		if got := w.value(c.name, c.col); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.name, c.col, got, c.want)
		}
	}
	if got := w.value("李四", "备注"); !strings.Contains(got, "基本要求") {
		t.Errorf("李四's 备注 %q does not name the missed requirement", got)
	}
	want := "参加考核 3 人：优秀 1 人，称职 0 人，不称职 2 人；平均 7.67 分"
	if got := w.s.results.summary.Text; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}

	// 姓名 sorts by pinyin: 李四, 王五, 张三; a third click returns to 排名.
	tb := w.s.results.table.table
	tapHeader(t, tb, "姓名")
	if got := w.shownNames(); !slices.Equal(got, []string{"李四", "王五", "张三"}) {
		t.Errorf("by name %v", got)
	}
	tapHeader(t, tb, "姓名")
	tapHeader(t, tb, "姓名")
	if got := w.shownNames(); !slices.Equal(got, []string{"张三", "李四", "王五"}) {
		t.Errorf("back to rank %v", got)
	}
	// 总分 and an item's points sort highest first.
	tapHeader(t, tb, "会议")
	if got, h := w.shownNames(), headerTexts(tb); !slices.Equal(got, []string{"张三", "李四", "王五"}) || !slices.Contains(h, "会议 ▼") {
		t.Errorf("by 会议 %v, headers %q", got, h)
	}
	tapHeader(t, tb, "会议")
	if got := w.shownNames(); !slices.Equal(got, []string{"王五", "李四", "张三"}) {
		t.Errorf("by 会议 lowest first %v", got)
	}
	tapHeader(t, tb, "序号")
	test.Type(w.s.results.filterEntry, "ls")
	if got := w.shownNames(); !slices.Equal(got, []string{"李四"}) {
		t.Errorf("filter ls shows %v", got)
	}
}

func TestAssessmentExplanationTracesEveryPoint(t *testing.T) {
	w := newAssessWorld(t)
	w.click("李四")
	lines := w.s.explain.lineTexts()
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		"李四（经济界）：总分 3 分，不称职，第 2 名",
		"一、参加会议：3 分",
		"每次出席：1 条记录，+5 分",
		"2026-03-01　十一届五次会议　全体会议　出席　+5",
		"每次请假：1 条记录，-2 分",
		"2026-06-18　优化营商环境专题协商会　请假(已批准)　-2", // the type is in the title
		"二、反映社情民意：0 分（上限 15 分）",
		"“基本要求”：未达到，缺报送社情民意（0/1）",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("explanation lacks %q:\n%s", want, text)
		}
	}
}

func TestAssessmentAdjustmentChangesTotal(t *testing.T) {
	w := newAssessWorld(t)
	w.u.app.Preferences().SetString(prefOperator, "办公室 小周")
	w.click("李四")
	f := w.s.explain.adjust
	test.Type(f.pointsEntry, "abc")
	test.Type(f.reasonEntry, "参加抗洪志愿服务")
	test.Tap(f.addButton)
	if !strings.Contains(f.message.Text, "不是数字") {
		t.Fatalf("bad points accepted or not explained: %q", f.message.Text)
	}
	f.pointsEntry.SetText("10/3")
	test.Tap(f.addButton)
	if f.message.Text != "" {
		t.Fatalf("refused: %q", f.message.Text)
	}
	if got := w.value("李四", "加分"); got != "3.33" {
		t.Errorf("加分 %q, want 3.33", got)
	}
	if got := w.value("李四", "总分"); got != "6.33" {
		t.Errorf("总分 %q after 10/3 加分, want 6.33", got)
	}
	adjs, err := w.u.store.ListAdjustments(w.u.ctx, 2026)
	if err != nil || len(adjs) != 1 || adjs[0].EnteredBy != "办公室 小周" || adjs[0].Reason != "参加抗洪志愿服务" {
		t.Fatalf("stored %+v, %v", adjs, err)
	}
	if !slices.Contains(w.s.explain.lineTexts(), "加分 3.33 分，扣分 0 分") {
		t.Errorf("explanation lacks the adjustment: %q", w.s.explain.lineTexts())
	}

	// A 扣分 of 2 takes the total down; deleting the 加分 leaves only it.
	f.kindRadio.SetSelected(adjustPenalty)
	f.pointsEntry.SetText("2")
	f.reasonEntry.SetText("无故缺席常委会议")
	test.Tap(f.addButton)
	if got := w.value("李四", "总分"); got != "4.33" {
		t.Errorf("总分 %q after -2, want 4.33", got)
	}
	test.Tap(f.deletes[adjs[0].ID])
	if got := w.value("李四", "总分"); got != "1" {
		t.Errorf("总分 %q after deleting the 加分, want 1", got)
	}
}

func TestAssessmentExcludedMemberLeavesRanking(t *testing.T) {
	w := newAssessWorld(t)
	w.click("王五")
	f := w.s.explain.adjust
	test.Tap(f.excludeBtn)
	if !strings.Contains(f.message.Text, "理由") {
		t.Fatalf("exclusion without a reason accepted: %q", f.message.Text)
	}
	test.Type(f.excludeEntry, "长期病休")
	test.Tap(f.excludeBtn)
	if got := w.shownNames(); !slices.Equal(got, []string{"张三", "李四", "王五"}) {
		t.Errorf("rows %v, want the excluded member last", got)
	}
	if got := w.value("王五", "排名"); got != "" {
		t.Errorf("excluded member ranked %q", got)
	}
	if got := w.value("王五", "备注"); got != "不参加考核：长期病休" {
		t.Errorf("备注 %q", got)
	}
	if got := w.s.results.summary.Text; !strings.HasPrefix(got, "参加考核 2 人（不参加 1 人）") {
		t.Errorf("summary %q", got)
	}
	setup, err := w.u.store.AssessmentSetup(w.u.ctx, 2026)
	if err != nil || setup.Excluded[w.members["王五"].Membership.ID] != "长期病休" {
		t.Fatalf("setup %+v, %v", setup, err)
	}
	if strings.Contains(strings.Join(w.s.missing.rowsText(), "\n"), "王五") {
		t.Error("an excluded member is listed as 未履职")
	}

	w.click("王五")
	test.Tap(f.includeBtn)
	if got := w.value("王五", "排名"); got != "3" {
		t.Errorf("included again: 排名 %q", got)
	}
}

func TestAssessmentMissingTabListsUnmetRequirements(t *testing.T) {
	w := newAssessWorld(t)
	got := w.s.missing.rowsText()
	want := []string{
		"李四|经济界|基本要求|报送社情民意|0/1",
		"王五|经济界|基本要求|参加会议|0/1",
		"王五|经济界|基本要求|报送社情民意|0/1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("未履职 rows\n%q\nwant\n%q", got, want)
	}
	if !strings.Contains(w.s.missing.info.Text, "2 名委员") {
		t.Errorf("info %q", w.s.missing.info.Text)
	}

	rs := testRules()
	rs.Gates = nil
	rs.Year = 2026
	w.rules.Rules = rs
	if err := w.u.store.SaveRuleSet(w.u.ctx, &w.rules); err != nil {
		t.Fatal(err)
	}
	w.s.reload(w.u.ctx)
	if len(w.s.missing.rows) != 0 || !strings.Contains(w.s.missing.info.Text, "没有设置基本履职要求") {
		t.Errorf("without gates: %d rows, info %q", len(w.s.missing.rows), w.s.missing.info.Text)
	}
}

func TestAssessmentWithoutRuleSetOffersPresets(t *testing.T) {
	u := testUI(t, true)
	var s *assessmentScreen
	for _, sc := range u.screens {
		if x, ok := sc.(*assessmentScreen); ok {
			s = x
		}
	}
	s.computing.now = runNow
	u.nav.Select(u.screenIndex(s))
	if len(u.body.Objects) == 0 || u.body.Objects[0] != s.obj {
		t.Fatal("履职考核 not shown")
	}
	if s.body.Objects[0] != s.empty || s.emptyPreset.Disabled() {
		t.Error("no rule set: the empty state with 从预置新建 is not shown")
	}
	if !s.editButton.Disabled() || !s.exportButton.Disabled() {
		t.Error("编辑规则/导出结果表 enabled without a rule set")
	}
}

// rowsText is the 未履职 table as "cell|cell|…" lines.
func (l *missingList) rowsText() []string {
	var out []string
	for r := range l.rows {
		var cells []string
		for _, c := range l.table.columns {
			cells = append(cells, l.table.cell(r, c.title))
		}
		out = append(out, strings.Join(cells, "|"))
	}
	return out
}

// TestAssessmentScreenshots renders the 履职考核 screen for a look at it:
// ZX_SHOTS=/tmp/shots go test ./app -run AssessmentScreenshots
func TestAssessmentScreenshots(t *testing.T) {
	dir := os.Getenv("ZX_SHOTS")
	if dir == "" {
		t.Skip("set ZX_SHOTS to a folder to write screenshots")
	}
	w := newAssessWorld(t)
	save := func(name string) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, w.u.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	w.u.win.Resize(fyne.NewSize(1280, 800))
	w.click("李四")
	save("assessment_result.png")
	w.s.tabs.SelectIndex(1)
	save("assessment_missing.png")
}

func TestAssessmentComputesOffTheUIThreadAndKeepsOnlyTheLatest(t *testing.T) {
	w := newAssessWorld(t)
	var pending []func()
	w.s.computing.now = func(request func()) { pending = append(pending, request) }
	w.click("李四")
	f := w.s.explain.adjust
	f.pointsEntry.SetText("10")
	f.reasonEntry.SetText("参加抗洪志愿服务")
	test.Tap(f.addButton) // first recompute
	if got := w.s.status.Text; got != "正在计算…" {
		t.Errorf("status while computing %q", got)
	}
	if got := w.value("李四", "总分"); got != "3" {
		t.Errorf("total changed before the computation ended: %q", got)
	}
	w.s.recompute() // a second one starts before the first ends
	if len(pending) != 2 {
		t.Fatalf("%d computations started", len(pending))
	}
	pending[0]() // stale: dropped
	if got := w.s.status.Text + " " + w.value("李四", "总分"); got != "正在计算… 3" {
		t.Errorf("a stale computation was shown: %q", got)
	}
	pending[1]()
	if got := w.s.status.Text; got != "" {
		t.Errorf("status after computing %q", got)
	}
	// 13 points is 优秀 by score, but 基本要求 not met caps the grade at 称职.
	if got := w.value("李四", "总分") + " " + w.value("李四", "等次"); got != "13 称职" {
		t.Errorf("李四 %q, want 13 称职", got)
	}
	if got := w.s.explain.lineTexts()[0]; got != "李四（经济界）：总分 13 分，称职，第 2 名（按分数为优秀）" {
		t.Errorf("explanation head %q", got)
	}
}

func (w *assessWorld) storedNames(year int) []string {
	w.t.Helper()
	sets, err := w.u.store.ListRuleSets(w.u.ctx, year)
	if err != nil {
		w.t.Fatal(err)
	}
	var out []string
	for _, x := range sets {
		out = append(out, x.Rules.Name)
	}
	return out
}

func TestAssessmentRuleSetBar(t *testing.T) {
	w := newAssessWorld(t)
	s, u := w.s, w.u

	// 新建（从预置）: the copy is stored for 2026 and chosen.
	test.Tap(s.presetButton)
	c := s.presets
	if c == nil {
		t.Fatal("no preset dialog")
	}
	preset := c.presets[0].Name
	if c.nameEntry.Text != preset || c.info.Text == "" {
		t.Errorf("preset %q: name %q, info %q", preset, c.nameEntry.Text, c.info.Text)
	}
	c.nameEntry.SetText("清河县委员履职考核")
	test.Tap(c.createButton)
	if s.presets == nil || c.message.Text == "" {
		t.Fatal("a second rule set with the same name was accepted")
	}
	c.nameEntry.SetText(preset + "（清河）")
	test.Tap(c.createButton)
	if s.presets != nil {
		t.Fatalf("dialog still open: %q", c.message.Text)
	}
	if got := s.ruleSelect.Selected; got != preset+"（清河）" {
		t.Errorf("chosen %q", got)
	}
	if got := w.storedNames(2026); len(got) != 2 {
		t.Errorf("2026 rule sets %v", got)
	}
	if setup, _ := u.store.AssessmentSetup(u.ctx, 2026); setup.RuleSetID != s.setup.RuleSetID || setup.RuleSetID == w.rules.ID {
		t.Errorf("the choice is not kept in the year's setup: %+v", setup)
	}
	if !s.computed || len(s.results.shown) != 3 {
		t.Errorf("preset not computed: %q, %d rows", s.status.Text, len(s.results.shown))
	}

	// Choosing the first set again is kept too.
	s.ruleSelect.SetSelected("清河县委员履职考核")
	if setup, _ := u.store.AssessmentSetup(u.ctx, 2026); setup.RuleSetID != w.rules.ID {
		t.Errorf("setup %+v after choosing the first set", setup)
	}

	// 导出规则文件, then 导入 it under another name.
	dir := t.TempDir()
	path := filepath.Join(dir, "rules.toml")
	u.saveFile = func(_, _ string, cb func(string)) { cb(path) }
	test.Tap(s.exportRulesButton)
	rs, err := rules.ReadFile(path)
	if err != nil || rs.Name != "清河县委员履职考核" || len(rs.Items) != 2 {
		t.Fatalf("exported rules %+v, %v", rs, err)
	}
	rs.Name = "清河县委员履职考核（修订）"
	other := filepath.Join(dir, "other.toml")
	if err := rules.WriteFile(other, rs); err != nil {
		t.Fatal(err)
	}
	u.openFile = func(_ string, _ []string, cb func(string)) { cb(other) }
	test.Tap(s.importButton)
	if got := s.ruleSelect.Selected; got != "清河县委员履职考核（修订）" {
		t.Errorf("imported set not chosen: %q", got)
	}

	// 复制到下一年 and 删除.
	test.Tap(s.copyButton)
	if got := w.storedNames(2027); !slices.Equal(got, []string{"清河县委员履职考核（修订）"}) {
		t.Errorf("2027 rule sets %v", got)
	}
	test.Tap(s.deleteButton)
	if got := w.storedNames(2026); slices.Contains(got, "清河县委员履职考核（修订）") || len(got) != 2 {
		t.Errorf("after 删除: %v", got)
	}
	if s.ruleSelect.Selected == "" || !s.computed {
		t.Errorf("after 删除 no set is shown: %q", s.status.Text)
	}
}

func TestAssessmentExportsTheResultSheet(t *testing.T) {
	w := newAssessWorld(t)
	path := filepath.Join(t.TempDir(), "结果表.xlsx")
	w.u.saveFile = func(_, name string, cb func(string)) {
		if !strings.Contains(name, "2026年度") {
			t.Errorf("suggested name %q", name)
		}
		cb(path)
	}
	w.s.detailCheck.SetChecked(true)
	test.Tap(w.s.exportButton)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if len(f.GetSheetList()) < 2 {
		t.Errorf("含明细 gave sheets %v", f.GetSheetList())
	}
	rows, _ := f.GetRows(f.GetSheetList()[0])
	var all []string
	for _, r := range rows {
		all = append(all, strings.Join(r, "|"))
	}
	if text := strings.Join(all, "\n"); !strings.Contains(text, "张三") || !strings.Contains(text, "优秀") {
		t.Errorf("result sheet lacks 张三 优秀:\n%s", text)
	}
}

func TestAssessmentYearWithoutRuleSetShowsTheEmptyState(t *testing.T) {
	w := newAssessWorld(t)
	s := w.s
	if !slices.Equal(s.yearSelect.Options, []string{"2021年度", "2022年度", "2023年度", "2024年度", "2025年度", "2026年度"}) {
		t.Errorf("years %v", s.yearSelect.Options)
	}
	s.yearSelect.SetSelected("2025年度")
	if s.body.Objects[0] != s.empty || len(s.results.shown) != 0 || s.ruleSelect.Selected != "" {
		t.Errorf("2025 without a rule set: empty state %v, %d rows, set %q",
			s.body.Objects[0] == s.empty, len(s.results.shown), s.ruleSelect.Selected)
	}
	if !s.exportButton.Disabled() || s.presetButton.Disabled() {
		t.Error("2025: 导出结果表 enabled or 新建 disabled")
	}
	s.yearSelect.SetSelected("2026年度")
	if got := w.value("张三", "总分"); got != "20" {
		t.Errorf("back in 2026: 张三 %q", got)
	}
}

// 导入 of a rule file naming a meeting type the database does not know is
// refused with the word and the nearest known name, and nothing is stored;
// an item printed under the 加分 column is imported with a warning.
func TestAssessmentImportRefusesUnknownNames(t *testing.T) {
	w := newAssessWorld(t)
	u, s := w.u, w.s
	before := w.storedNames(2026)
	path := filepath.Join(t.TempDir(), "rules.toml")
	write := func(text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u.openFile = func(_ string, _ []string, cb func(string)) { cb(path) }
	write(`name = "笔误"
[[item]]
name = "参加会议"
  [[item.rule]]
  kind = "event"
  types = ["全休会议"]
  points = 5
`)
	test.Tap(s.importButton)
	text := shownText(topOverlay(u))
	if !strings.Contains(text, "“全休会议”不是本库已知的活动类型，最接近的是“全体会议”") || !strings.Contains(text, "未导入") {
		t.Errorf("refusal shows %q", text)
	}
	if got := w.storedNames(2026); !slices.Equal(got, before) {
		t.Errorf("refused file stored: %v", got)
	}
	u.win.Canvas().Overlays().Top().Hide()

	write(`name = "别名"
[[item]]
name = "加分"
  [[item.rule]]
  kind = "event"
  types = ["全会"]
  points = 5
`)
	test.Tap(s.importButton)
	if text := shownText(topOverlay(u)); !strings.Contains(text, "第1项“加分”的列名“加分”与结果表固定的“加分”列相同") {
		t.Errorf("warning shows %q", text)
	}
	if s.ruleSelect.Selected != "别名" || s.rs.Items[0].Rules[0].Types[0] != "全体会议" {
		t.Errorf("alias set %q not chosen with 全体会议: %+v", s.ruleSelect.Selected, s.rs.Items[0].Rules)
	}
}
