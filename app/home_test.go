package app

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// todoTexts are the 首页 待办 lines after a reload.
func todoTexts(u *UI) []string {
	u.home.reload(u.ctx)
	var out []string
	for _, b := range u.home.todoButtons {
		out = append(out, b.Text)
	}
	return out
}

// tapTodo taps the 待办 line containing text.
func tapTodo(t *testing.T, u *UI, text string) {
	t.Helper()
	u.nav.Select(u.screenIndex(u.home))
	for _, b := range u.home.todoButtons {
		if strings.Contains(b.Text, text) {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no 待办 line with %q in %q", text, todoTexts(u))
}

func TestHomeTodoListsWhatNeedsDoingAndOpensIt(t *testing.T) {
	w := newProposalWorld(t) // today is 2026-11-22; no rule set for 2026
	u := w.u
	w.assigned("关于城区停车难的建议", "2026-08-01", "县交通运输局")            // due 2026-11-01: overdue
	w.assigned("关于学校食堂管理的建议", "2026-09-10", "县教育局")             // due 2026-12-10: soon
	w.filed("关于增设公共停车场的建议", "")                                 // waits for 交办
	answered := w.assigned("关于农村饮水安全的建议", "2026-03-01", "县财政局") // answered, not rated
	w.step(answered.ID, data.Step{Action: proposal.ActAnswer, Answer: data.Answer{UnitID: w.units["县财政局"], Date: "2026-05-01", Class: "A"}})

	got := todoTexts(u)
	want := []string{"1 件提案已超过办理期限", "1 件提案 30 天内到期", "1 件提案已立案，等待交办",
		"1 件提案已答复，尚未登记提案人评价", "2026年度履职考核尚未建立考核规则"}
	if len(got) != len(want) {
		t.Fatalf("待办 %q, want %d lines", got, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("待办 line %d %q, want %q", i, got[i], want[i])
		}
	}
	if u.home.todoHead.Text != "待办事项（5 项）" {
		t.Errorf("heading %q", u.home.todoHead.Text)
	}

	ps := u.proposals
	tapTodo(t, u, "超过办理期限")
	if u.screens[u.current] != ps || ps.all[ps.tabs.SelectedIndex()] != ps.overdue || len(ps.overdue.shown) != 1 ||
		ps.overdue.shown[0].p.Title != "关于城区停车难的建议" {
		t.Errorf("超期 opened %s tab %d showing %d", u.screens[u.current].title(), ps.tabs.SelectedIndex(), len(ps.overdue.shown))
	}
	tapTodo(t, u, "等待交办")
	if ps.all[ps.tabs.SelectedIndex()] != ps.assign {
		t.Errorf("等待交办 opened tab %d, want 交办", ps.tabs.SelectedIndex())
	}
	tapTodo(t, u, "尚未登记提案人评价")
	if ps.all[ps.tabs.SelectedIndex()] != ps.list || len(ps.list.shown) != 1 || ps.list.shown[0].ID != answered.ID {
		t.Errorf("待评价 opened tab %d showing %d", ps.tabs.SelectedIndex(), len(ps.list.shown))
	}
	tapTodo(t, u, "履职考核")
	if a, ok := u.screens[u.current].(*assessmentScreen); !ok || a.year != 2026 {
		t.Errorf("考核 opened %s", u.screens[u.current].title())
	}

	// Rated, the proposal no longer waits; a rule set for the year ends that line.
	w.step(answered.ID, data.Step{Action: proposal.ActRate, Date: "2026-05-30", Rating: data.Rating{Seq: 1, Verdict: "满意"}})
	rules := data.StoredRuleSet{Year: 2026, Rules: testRules()}
	rules.Rules.Year = 2026
	if err := u.store.SaveRuleSet(u.ctx, &rules); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(todoTexts(u), "|"); strings.Contains(got, "评价") || strings.Contains(got, "考核") {
		t.Errorf("done work still listed: %q", got)
	}
}

func TestHomeSaysCalmlyWhenNothingIsDue(t *testing.T) {
	u := testUI(t, true)
	rules := data.StoredRuleSet{Year: 2026, Rules: testRules()}
	rules.Rules.Year = 2026
	if err := u.store.SaveRuleSet(u.ctx, &rules); err != nil {
		t.Fatal(err)
	}
	if got := todoTexts(u); len(got) != 0 {
		t.Fatalf("待办 %q on a county with nothing due", got)
	}
	if s := labelText(u.home.todo); !strings.Contains(s, "暂无待办事项") {
		t.Errorf("empty 待办 says %q", s)
	}
	if u.home.todoHead.Text != "待办事项" {
		t.Errorf("heading %q", u.home.todoHead.Text)
	}
}

func TestFailedAutomaticBackupShownOnHomeAndInSettingsUntilABackupSucceeds(t *testing.T) {
	u := testUI(t, true)
	dir := data.BackupDir(u.store.Path())
	os.RemoveAll(dir)
	if err := os.WriteFile(dir, []byte("a file where the backup folder belongs"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.backupAtStart()
	texts := todoTexts(u)
	if len(texts) == 0 || !strings.HasPrefix(texts[0], "自动备份失败（启动时") {
		t.Fatalf("待办 %q, want the failed backup first", texts)
	}
	tapTodo(t, u, "自动备份失败")
	b := u.settings.backup
	if u.screens[u.current] != u.settings || u.settings.tabs.Selected().Text != "备份与恢复" {
		t.Fatalf("the failed backup opened %s", u.screens[u.current].title())
	}
	if !b.failure.Visible() || !strings.HasPrefix(b.failure.Text, "自动备份失败（启动时，于 2026-11-22 09:00）：无法写入备份文件夹") {
		t.Errorf("设置 shows %q (visible %v)", b.failure.Text, b.failure.Visible())
	}

	// At exit the failure is recorded too, for the next start to show.
	u.backupAtExit()
	reopened, err := data.Open(u.ctx, u.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	u.store = reopened
	t.Cleanup(func() { reopened.Close() })
	if f, ok, _ := reopened.BackupFailure(u.ctx); !ok || f.When != "退出时" {
		t.Fatalf("exit failure not recorded: %+v", f)
	}

	os.Remove(dir)
	b.onBackupNow()
	if b.failure.Visible() {
		t.Errorf("after a good backup 设置 still shows %q", b.failure.Text)
	}
	if got := todoTexts(u); slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "备份") }) {
		t.Errorf("after a good backup 待办 still lists %q", got)
	}
}

func TestHomeRecentChangesInPlainWords(t *testing.T) {
	w := newProposalWorld(t)
	u := w.u
	u.store.SetActor("张三", data.RoleAdmin)
	m := addMember(t, u, "李四", "女", "经济界", "中共")
	m.Title = "高级经济师"
	if err := u.store.UpdateMember(u.ctx, &m); err != nil {
		t.Fatal(err)
	}
	w.filed("关于城区停车难的建议", "")
	u.store.Now = func() time.Time { return time.Date(2026, 11, 23, 8, 0, 0, 0, time.Local) }
	u.home.reload(u.ctx)
	var lines []string
	for _, row := range u.home.recent.Objects {
		lines = append(lines, labelText(row))
	}
	want := []string{ // newest first; the sentence, then when
		"张三 将提案 第001号 立案 昨天 09:00",
		"张三 登记了提案 第001号 关于城区停车难的建议 昨天 09:00",
		"张三 修改了委员 李四 的 职称 昨天 09:00",
		"张三 新增了委员 李四 昨天 09:00",
	}
	for i, line := range want {
		if i >= len(lines) || strings.Join(strings.Fields(lines[i]), " ") != line {
			t.Errorf("line %d: %q, want %q", i, at(lines, i), line)
		}
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

func TestRelativeTimeSaysTodayYesterdayOrTheDate(t *testing.T) {
	now := time.Date(2026, 3, 2, 8, 30, 0, 0, time.Local)
	for at, want := range map[string]string{
		time.Date(2026, 3, 2, 7, 5, 0, 0, time.Local).Format(time.RFC3339):    "今天 07:05",
		time.Date(2026, 3, 1, 23, 59, 0, 0, time.Local).Format(time.RFC3339):  "昨天 23:59",
		time.Date(2026, 2, 27, 10, 0, 0, 0, time.Local).Format(time.RFC3339):  "2月27日",
		time.Date(2025, 12, 31, 10, 0, 0, 0, time.Local).Format(time.RFC3339): "2025年12月31日",
	} {
		if got := relativeTime(at, now); got != want {
			t.Errorf("relativeTime(%s) = %q, want %q", at, got, want)
		}
	}
}
