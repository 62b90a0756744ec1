package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data/proposal"
)

func openProposalSettings(t *testing.T) (*UI, *proposalSettings) {
	t.Helper()
	u := testUI(t, true)
	u.nav.Select(u.screenIndex(u.settings))
	return u, u.settings.proposal
}

func storedConfig(t *testing.T, u *UI) proposal.Config {
	t.Helper()
	c, err := u.store.ProposalConfig(u.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestProposalSettingsSaveDeadlineAndCategories(t *testing.T) {
	u, p := openProposalSettings(t)
	if p.monthsEntry.Text != "3" || !strings.HasPrefix(p.lists[cfgFieldCategories].Text, "经济建设\n") {
		t.Fatalf("defaults not shown: %q / %q", p.monthsEntry.Text, p.lists[cfgFieldCategories].Text)
	}
	p.monthsEntry.SetText("4")
	p.lists[cfgFieldCategories].SetText("经济建设\n  乡村振兴  \n\n社会民生\n")
	test.Tap(p.addClass)
	p.classEntries[3].SetText("留作参考")
	p.prefixEntry.SetText("")
	p.widthEntry.SetText("4")
	if p.exampleLabel.Text != "示例：0001号、0012号" {
		t.Errorf("example %q", p.exampleLabel.Text)
	}
	test.Tap(p.saveButton)

	c := storedConfig(t, u)
	if c.DeadlineMonths != 4 || !slices.Equal(c.Categories, []string{"经济建设", "乡村振兴", "社会民生"}) {
		t.Errorf("stored %d months, categories %q", c.DeadlineMonths, c.Categories)
	}
	if len(c.Classes) != 4 || c.Classes[3] != (proposal.Class{Code: "D", Label: "留作参考"}) || c.FormatNumber(7) != "0007号" {
		t.Errorf("stored classes %+v, number %q", c.Classes, c.FormatNumber(7))
	}
	if p.message.Text != "提案设置已保存。" {
		t.Errorf("message %q", p.message.Text)
	}
}

func TestProposalSettingsInvalidNotSaved(t *testing.T) {
	u, p := openProposalSettings(t)
	p.monthsEntry.SetText("0")
	p.lists[cfgFieldDisposition].SetText("转社情民意\n转社情民意")
	test.Tap(p.saveButton)
	if e := p.errs[cfgFieldMonths]; e.Hidden || e.Text != "应为 1 到 12 个月" {
		t.Errorf("办理期限 message %q hidden=%v", e.Text, e.Hidden)
	}
	if e := p.errs[cfgFieldDisposition]; !strings.Contains(e.Text, "“转社情民意”重复") {
		t.Errorf("去向 message %q", e.Text)
	}
	if e := p.errs[cfgFieldCategories]; !e.Hidden {
		t.Errorf("a valid field shows %q", e.Text)
	}
	if !strings.Contains(p.message.Text, "设置未保存") {
		t.Errorf("message %q", p.message.Text)
	}
	if c := storedConfig(t, u); c.DeadlineMonths != 3 || len(c.Dispositions) != 4 {
		t.Errorf("refused settings were saved: %d months, %q", c.DeadlineMonths, c.Dispositions)
	}

	p.monthsEntry.SetText("三")
	test.Tap(p.saveButton)
	if e := p.errs[cfgFieldMonths]; e.Text != "请填写数字" {
		t.Errorf("non-numeric months: %q", e.Text)
	}
}

func TestProposalSettingsResetAndOperator(t *testing.T) {
	u, p := openProposalSettings(t)
	test.Type(p.operatorEntry, "提案委 周丽")
	if u.operator() != "提案委 周丽" {
		t.Errorf("operator %q", u.operator())
	}
	p.monthsEntry.SetText("5")
	test.Tap(p.saveButton)
	asked := answerYes(&p.confirm)
	test.Tap(p.resetButton)
	if len(*asked) != 1 || storedConfig(t, u).DeadlineMonths != 3 || p.monthsEntry.Text != "3" {
		t.Errorf("恢复默认: asked %d, stored %d months, shown %q", len(*asked), storedConfig(t, u).DeadlineMonths, p.monthsEntry.Text)
	}
	if p.message.Text != "已恢复默认设置。" {
		t.Errorf("message %q", p.message.Text)
	}
}
