package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data"
)

func openActivitySettings(t *testing.T) (*UI, *activitySettings) {
	t.Helper()
	u := testUI(t, true)
	u.nav.Select(u.screenIndex(u.settings))
	return u, u.settings.activity
}

func storedActivityConfig(t *testing.T, u *UI) data.ActivityConfig {
	t.Helper()
	c, err := u.store.ActivityConfig(u.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestActivitySettingsSaveLists(t *testing.T) {
	u, p := openActivitySettings(t)
	types := p.lists["会议活动类型"]
	if !strings.Contains(types.Text, "全体会议\n") {
		t.Fatalf("defaults not shown: %q", types.Text)
	}
	types.SetText(types.Text + "\n  委员读书活动  \n\n")
	p.lists["其他履职类型"].SetText("学习笔记\n文史资料")
	test.Tap(p.saveButton)
	if p.message.Text != "履职设置已保存。" {
		t.Fatalf("message %q", p.message.Text)
	}
	c := storedActivityConfig(t, u)
	if c.EventTypes[len(c.EventTypes)-1] != "委员读书活动" || !slices.Equal(c.RecordTypes, []string{"学习笔记", "文史资料"}) {
		t.Errorf("stored event types %q, record types %q", c.EventTypes, c.RecordTypes)
	}
	if strings.HasSuffix(types.Text, "\n") {
		t.Errorf("the list is not shown as saved: %q", types.Text)
	}
}

func TestActivitySettingsRefusedNotSaved(t *testing.T) {
	u, p := openActivitySettings(t)
	before := storedActivityConfig(t, u)
	p.lists["发言形式"].SetText("")
	p.lists["表彰级别"].SetText("县\n县")
	test.Tap(p.saveButton)
	if e := p.errs["发言形式"]; e.Hidden || e.Text == "" {
		t.Errorf("empty 发言形式: message %q hidden=%v", e.Text, e.Hidden)
	}
	if !strings.Contains(p.message.Text, "设置未保存") {
		t.Errorf("message %q", p.message.Text)
	}
	p.lists["发言形式"].SetText("口头发言\n书面发言")
	test.Tap(p.saveButton)
	if !strings.Contains(p.message.Text, "设置未保存") || !strings.Contains(p.errs["表彰级别"].Text+p.message.Text, "县") {
		t.Errorf("duplicate 县: message %q, under field %q", p.message.Text, p.errs["表彰级别"].Text)
	}
	if got := storedActivityConfig(t, u); !slices.Equal(got.AwardLevels, before.AwardLevels) {
		t.Errorf("refused lists were saved: %q", got.AwardLevels)
	}
}
