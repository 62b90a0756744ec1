package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data"
)

// openRuleEditor opens the editor on a stored rule set with the preview
// recomputing at once; saved collects what onSaved receives.
func openRuleEditor(u *UI, rs data.StoredRuleSet, saved *[]data.StoredRuleSet) *ruleSetEditor {
	e := newRuleSetEditor(u, rs, func(s data.StoredRuleSet) { *saved = append(*saved, s) })
	e.preview.edits.now = runNow
	e.show()
	return e
}

func TestRuleSetEditorCapChangesPreviewAndSaves(t *testing.T) {
	w := newAssessWorld(t)
	var saved []data.StoredRuleSet
	e := openRuleEditor(w.u, w.rules, &saved)
	e.preview.choose("张三")
	if got := e.preview.text.Text; !strings.Contains(got, "二、反映社情民意：10 分") || !strings.Contains(got, "总分：20") {
		t.Fatalf("preview before the change:\n%s", got)
	}
	e.items.list.Select(1)
	if e.items.capEntry.Text != "15" {
		t.Fatalf("cap entry of 反映社情民意 = %q, want 15", e.items.capEntry.Text)
	}
	e.items.capEntry.SetText("")
	test.Type(e.items.capEntry, "5")
	got := e.preview.text.Text
	if !strings.Contains(got, "二、反映社情民意：5 分") || !strings.Contains(got, "总分：15") {
		t.Errorf("preview after cap 5:\n%s", got)
	}
	stored, err := w.u.store.GetRuleSet(w.u.ctx, w.rules.ID)
	if err != nil || stored.Rules.Items[1].Cap.Exact() != "15" {
		t.Fatalf("the store changed before 保存: %v %v", stored.Rules.Items[1].Cap, err)
	}
	test.Tap(e.saveBtn)
	if e.open {
		t.Fatalf("editor stayed open: %q", e.general.Text)
	}
	if len(saved) != 1 {
		t.Fatalf("onSaved ran %d times", len(saved))
	}
	stored, err = w.u.store.GetRuleSet(w.u.ctx, w.rules.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c := stored.Rules.Items[1].Cap; c == nil || c.Exact() != "5" {
		t.Errorf("stored cap = %v, want 5", c)
	}
	if len(stored.Rules.Items) != 2 || len(stored.Rules.Gates) != 1 {
		t.Errorf("save lost parts of the rule set: %+v", stored.Rules)
	}
}

func TestRuleSetEditorBadPointsSavesNothing(t *testing.T) {
	w := newAssessWorld(t)
	var saved []data.StoredRuleSet
	e := openRuleEditor(w.u, w.rules, &saved)
	e.items.list.Select(1)
	e.items.capEntry.SetText("十五")
	if msg := e.errorOf(e.items.capEntry); !strings.Contains(msg, "不是有效的分值") {
		t.Errorf("message under 上限 = %q", msg)
	}
	if !strings.Contains(e.preview.text.Text, "改正后再预览") {
		t.Errorf("preview with a bad entry:\n%s", e.preview.text.Text)
	}
	test.Tap(e.saveBtn)
	if !e.open || !strings.Contains(e.general.Text, "填写有误") || len(saved) != 0 {
		t.Errorf("saved with a bad entry: open %v, message %q", e.open, e.general.Text)
	}
	stored, err := w.u.store.GetRuleSet(w.u.ctx, w.rules.ID)
	if err != nil || stored.Rules.Items[1].Cap.Exact() != "15" {
		t.Errorf("stored cap = %v (%v), want 15 unchanged", stored.Rules.Items[1].Cap, err)
	}
	e.items.capEntry.SetText("10/3")
	if e.errorOf(e.items.capEntry) != "" || !strings.Contains(e.preview.text.Text, "反映社情民意：3.33 分") {
		t.Errorf("10/3: message %q, preview\n%s", e.errorOf(e.items.capEntry), e.preview.text.Text)
	}
}

// The editor works before anything is stored: no preview members, but
// every check of the entries and of the rules.
func TestRuleSetEditorChecksRules(t *testing.T) {
	u := testUI(t, true)
	var saved []data.StoredRuleSet
	orig := data.StoredRuleSet{Year: 2026, Rules: testRules()}
	e := openRuleEditor(u, orig, &saved)
	re := e.items.rules
	if re == nil || re.pointsEntry.Text != "5" {
		t.Fatalf("first rule's points not shown")
	}
	re.modeSelect.SetSelected(modeByStatus)
	re.mapEntry.SetText("出席=5\n请假(已批准)")
	if msg := e.errorOf(re.mapEntry); !strings.Contains(msg, "第2行") {
		t.Errorf("bad line message = %q", msg)
	}
	re.mapEntry.SetText("出席=5\n请假(已批准)=-2")
	r := e.rules.Items[0].Rules[0]
	if r.Points != nil || r.ByStatus["请假(已批准)"].Exact() != "-2" || e.errorOf(re.mapEntry) != "" {
		t.Errorf("rule after 按出席情况: points %v, by status %v", r.Points, r.ByStatus)
	}
	re.splitSelect.SetSelected("固定分值")
	if !strings.Contains(e.preview.text.Text, "fixed") && !strings.Contains(e.preview.text.Text, "first") {
		t.Errorf("preview does not name the missing fixed values:\n%s", e.preview.text.Text)
	}
	e.nameEntry.SetText("")
	test.Tap(e.saveBtn)
	if !e.open || e.general.Text == "" || len(saved) != 0 {
		t.Errorf("a rule set without a name was saved: %q", e.general.Text)
	}
	if r := orig.Rules.Items[0].Rules[0]; r.Points == nil || r.ByStatus != nil || orig.Rules.Name == "" {
		t.Errorf("editing changed the caller's rule set: %+v", r)
	}
}

func TestParsePointsMap(t *testing.T) {
	m, err := parsePointsMap("出席 = 50\n\n请假(已批准)＝-2\n迟到=10/3")
	if err != nil || len(m) != 3 || m["出席"].Exact() != "50" || m["迟到"].Exact() != "10/3" {
		t.Fatalf("parsePointsMap = %v, %v", m, err)
	}
	if got := pointsMapText(m); got != "出席=50\n请假(已批准)=-2\n迟到=10/3" {
		t.Errorf("pointsMapText = %q", got)
	}
	for in, want := range map[string]string{
		"":             "至少写一行",
		"出席":           "第1行",
		"出席=5\n=3":     "第2行",
		"出席=5\n出席=3":   "写了两次",
		"出席=五十":        "不是有效的分值",
		"出席=1\n迟到=1/0": "分母不能为0",
	} {
		if _, err := parsePointsMap(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parsePointsMap(%q) error = %v, want %q", in, err, want)
		}
	}
}

func TestSplitList(t *testing.T) {
	got := strings.Join(splitList(" 出席、请假(已批准),迟到，早退；\n 缺席(无故) ,,"), "|")
	if got != "出席|请假(已批准)|迟到|早退|缺席(无故)" {
		t.Errorf("splitList = %q", got)
	}
	if n, err := parseCount(" 3 "); n != 3 || err != nil {
		t.Errorf("parseCount(3) = %d, %v", n, err)
	}
	if _, err := parseCount("-1"); err == nil {
		t.Error("parseCount(-1) accepted")
	}
}

func FuzzParsePointsMap(f *testing.F) {
	f.Add("出席=50\n请假(已批准)=-2")
	f.Add("a=10/3\nb＝.5")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := parsePointsMap(s)
		if err != nil {
			return
		}
		back, err := parsePointsMap(pointsMapText(m))
		if err != nil || len(back) != len(m) {
			t.Fatalf("round trip of %q: %v %v", s, back, err)
		}
		for k, v := range m {
			if back[k].Cmp(v) != 0 {
				t.Fatalf("round trip of %q changed %q", s, k)
			}
		}
	})
}

func FuzzSplitList(f *testing.F) {
	f.Add("出席、请假,迟到")
	f.Fuzz(func(t *testing.T, s string) {
		for _, x := range splitList(s) {
			if x == "" || strings.TrimSpace(x) != x || strings.ContainsAny(x, "、,，;；\n") {
				t.Fatalf("splitList(%q) gave %q", s, x)
			}
		}
	})
}

func FuzzParseCount(f *testing.F) {
	f.Add("3")
	f.Add("-1")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseCount(s)
		if err == nil && n < 0 {
			t.Fatalf("parseCount(%q) = %d", s, n)
		}
		if err != nil && !strings.Contains(err.Error(), "整数") {
			t.Fatalf("parseCount(%q) error %q is not the Chinese sentence", s, err)
		}
	})
}
