package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/data/rules"
	"zhengxie/export/sheet"
)

// The rule-set bar: new from a preset, import and export a rule file, edit,
// copy to the next year, delete, and export the result sheet.

// addRuleSet stores rs as a new rule set of the year shown and chooses it;
// it returns the refusal in Chinese ("" when stored).
func (s *assessmentScreen) addRuleSet(rs assess.RuleSet) string {
	rs.Year = s.year
	stored := data.StoredRuleSet{Year: s.year, Rules: rs}
	if err := s.u.store.SaveRuleSet(s.u.ctx, &stored); err != nil {
		return userMessage(err)
	}
	next := s.setup
	next.RuleSetID = stored.ID
	if err := s.u.store.SaveAssessmentSetup(s.u.ctx, next); err != nil {
		showError(err, s.u.win)
	}
	s.loadYear(s.u.ctx, stored.ID)
	return ""
}

// presetChooser is the 新建（从预置） dialog: a shipped rule set, its
// description and known gaps, and the name the copy gets.
type presetChooser struct {
	dlg          dialog.Dialog
	presetSelect *widget.Select
	info         *widget.Label
	nameEntry    *widget.Entry
	createButton *widget.Button
	message      *widget.Label
	presets      []assess.RuleSet
}

func (s *assessmentScreen) onNewFromPreset() {
	presets, err := rules.Presets()
	if err != nil {
		showError(err, s.u.win)
		return
	}
	if len(presets) == 0 {
		showError(data.UserErr("没有可用的预置考核办法"), s.u.win)
		return
	}
	c := &presetChooser{presets: presets}
	names := make([]string, len(presets))
	for i, p := range presets {
		names[i] = p.Name
	}
	c.info = widget.NewLabel("")
	c.info.Wrapping = fyne.TextWrapWord
	c.nameEntry = widget.NewEntry()
	c.message = widget.NewLabel("")
	c.message.Importance = widget.DangerImportance
	c.message.Wrapping = fyne.TextWrapWord
	c.presetSelect = widget.NewSelect(names, func(string) {
		p := c.chosen()
		c.nameEntry.SetText(p.Name)
		c.info.SetText(presetInfo(p))
	})
	c.createButton = widget.NewButtonWithIcon("新建", theme.ConfirmIcon(), func() {
		rs := c.chosen()
		rs.Name = strings.TrimSpace(c.nameEntry.Text)
		if rs.Name == "" {
			c.message.SetText("请填写规则集名称。")
			return
		}
		if msg := s.addRuleSet(rs); msg != "" {
			c.message.SetText(msg)
			return
		}
		c.dlg.Hide()
		s.presets = nil
	})
	c.createButton.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { c.dlg.Hide(); s.presets = nil })
	form := widget.NewForm(widget.NewFormItem("预置办法", c.presetSelect), widget.NewFormItem("名称", c.nameEntry))
	body := container.NewBorder(container.NewVBox(widget.NewLabel(fmt.Sprintf("为%d年度新建规则集：复制一份预置的考核办法，再按本县办法修改。", s.year)), form),
		container.NewVBox(c.message, container.NewHBox(layout.NewSpacer(), cancel, c.createButton)), nil, nil,
		container.NewVScroll(c.info))
	c.dlg = dialog.NewCustomWithoutButtons("从预置新建规则集", body, s.u.win)
	c.dlg.Resize(fyne.NewSize(640, 460))
	c.presetSelect.SetSelectedIndex(0)
	s.presets = c
	c.dlg.Show()
}

func (c *presetChooser) chosen() assess.RuleSet {
	i := c.presetSelect.SelectedIndex()
	if i < 0 || i >= len(c.presets) {
		return assess.RuleSet{}
	}
	return c.presets[i]
}

// presetInfo describes a preset: document, description, source, gaps.
func presetInfo(p assess.RuleSet) string {
	var lines []string
	if p.Document != "" {
		lines = append(lines, "依据："+p.Document)
	}
	if p.Description != "" {
		lines = append(lines, p.Description)
	}
	lines = append(lines, fmt.Sprintf("考核项目 %d 项，等次 %d 个。", len(p.Items), len(p.Grades)))
	if p.Source != "" {
		lines = append(lines, "来源："+p.Source)
	}
	if p.Gaps != "" {
		lines = append(lines, "需要核对："+p.Gaps)
	}
	return strings.Join(lines, "\n")
}

func (s *assessmentScreen) onImportRules() {
	s.u.openFile("导入考核规则文件（.toml）", []string{".toml"}, func(path string) {
		rs, err := rules.ReadFile(path)
		if err != nil {
			showError(err, s.u.win)
			return
		}
		rs, warnings, err := rules.Admit(s.u.ctx, s.u.store, rs)
		if err != nil {
			showError(data.UserErrf(err, "规则文件“%s”%s", filepath.Base(path), data.UserMessage(err)), s.u.win)
			return
		}
		if msg := s.addRuleSet(rs); msg != "" {
			dialog.ShowInformation("未能导入", msg, s.u.win)
			return
		}
		if len(warnings) > 0 {
			dialog.ShowInformation("已导入，请注意", strings.Join(warnings, "\n"), s.u.win)
		}
	})
}

func (s *assessmentScreen) onExportRules() {
	cur, ok := s.current()
	if !ok {
		return
	}
	s.u.saveFile("导出考核规则文件", fmt.Sprintf("%s（%d年度）.toml", cur.Rules.Name, s.year), func(path string) {
		s.u.run("正在导出规则文件…", func(context.Context, progress) error { return rules.WriteFile(path, cur.Rules) }, func(err error) {
			if err != nil {
				showError(err, s.u.win)
			}
		})
	})
}

func (s *assessmentScreen) onEditRules() {
	cur, ok := s.current()
	if !ok {
		return
	}
	s.u.showRuleSetEditor(cur, func(saved data.StoredRuleSet) { s.loadYear(s.u.ctx, saved.ID) })
}

// onCopyToNextYear copies the rule set to the next year, where it can be
// changed without touching this year's results.
func (s *assessmentScreen) onCopyToNextYear() {
	cur, ok := s.current()
	if !ok {
		return
	}
	next := s.year + 1
	if _, err := s.u.store.CopyRuleSet(s.u.ctx, cur.ID, next); err != nil {
		showError(err, s.u.win)
		return
	}
	dialog.ShowInformation("已复制", fmt.Sprintf("已将“%s”复制到%d年度。修改%d年度的规则不影响本年度的结果。",
		cur.Rules.Name, next, next), s.u.win)
}

// onDeleteRuleSet deletes the rule set shown after asking; the year's
// choice is cleared first, and restored when the store refuses.
func (s *assessmentScreen) onDeleteRuleSet() {
	cur, ok := s.current()
	if !ok {
		return
	}
	s.confirm("删除规则集", fmt.Sprintf("删除%d年度的规则集“%s”？删除后本年度须另选规则集。", s.year, cur.Rules.Name), func() {
		ctx := s.u.ctx
		old := s.setup
		cleared := old
		cleared.RuleSetID = 0
		if err := s.u.store.SaveAssessmentSetup(ctx, cleared); err != nil {
			showError(err, s.u.win)
			return
		}
		if err := s.u.store.DeleteRuleSet(ctx, cur.ID); err != nil {
			if err2 := s.u.store.SaveAssessmentSetup(ctx, old); err2 != nil {
				fyne.LogError("restore assessment setup", err2)
			}
			showError(err, s.u.win)
			s.loadYear(ctx, old.RuleSetID)
			return
		}
		s.loadYear(ctx, 0)
	})
}

// onExportResult writes the 履职考核结果表 of what is shown.
func (s *assessmentScreen) onExportResult() {
	if !s.computed {
		return
	}
	rs, res, committee := s.rs, s.res, s.u.committee
	opts := sheet.AssessmentOptions{Detail: s.detailCheck.Checked}
	name := fmt.Sprintf("%s%d年度委员履职考核结果表.xlsx", committee.ShortName, s.year)
	s.u.saveFile("导出履职考核结果表", name, func(path string) {
		s.u.run("正在导出结果表…", func(context.Context, progress) error { return sheet.AssessmentFile(path, committee, rs, res, opts) }, func(err error) {
			if err != nil {
				showError(err, s.u.win)
				return
			}
			dialog.ShowInformation("已导出", "已保存到 "+path, s.u.win)
		})
	})
}
