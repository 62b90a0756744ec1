package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/export/sheet"
)

// importPreview is the roster's import dialog: the one import dialog over
// the roster's plan.
type importPreview struct {
	*importDialog
	p *sheet.ImportPreview
}

func (m *memberList) onImport() {
	if m.u.term.ID == 0 {
		showError(data.UserErr("请先在“设置”中建立届次。"), m.u.win)
		return
	}
	m.u.openFile("导入委员名册（Excel .xlsx）", []string{".xlsx"}, m.importFile)
}

// importFile reads and plans an import in the background, then shows the
// preview.
func (m *memberList) importFile(path string) {
	u := m.u
	term := u.term
	var p *sheet.ImportPreview
	u.run("正在读取名册…", func(ctx context.Context, _ progress) (err error) {
		p, err = sheet.PreviewRosterFile(ctx, u.store, term.ID, path)
		return err
	}, func(err error) {
		if err != nil {
			showError(err, u.win)
			return
		}
		m.showPreview(p)
	})
}

func (m *memberList) showPreview(p *sheet.ImportPreview) {
	ip := &importPreview{p: p}
	ip.importDialog = m.u.newImportDialog(importDialogSpec{
		title:  "导入预览",
		size:   fyne.NewSize(900, 600),
		rows:   ip.rows,
		done:   m.u.reloadAll,
		closed: func() { m.preview = nil },
	})
	m.preview = ip
	ip.show(p)
}

// rows is the table of what each row will do.
func (ip *importPreview) rows() fyne.CanvasObject {
	return readOnlyTable([]*tableColumn[data.PlannedRow]{
		{title: "行号", width: 60, text: func(x data.PlannedRow) string { return fmt.Sprint(x.Row) }},
		{title: "姓名", width: 100, text: func(x data.PlannedRow) string { return x.Member.Name }},
		{title: "界别", width: 160, text: func(x data.PlannedRow) string { return x.Member.Sector }},
		{title: "党派", width: 120, text: func(x data.PlannedRow) string { return x.Member.Party }},
		{title: "操作", width: 240, text: func(x data.PlannedRow) string {
			switch {
			case x.Action == data.ActionUnchanged:
				return "未变化（本届已有，表中信息与库中相同）"
			case x.Action == data.ActionUpdate:
				return "更新本届已有委员（按" + x.MatchedBy + "匹配）"
			case x.PersonID != 0:
				return "新增本届任职（往届委员，按" + x.MatchedBy + "匹配）"
			}
			return x.Action
		}},
	}, ip.p.Plan.Rows).obj
}

// rosterImportMessage says what a roster import did.
var rosterImportMessage = sheet.RosterResultMessage

func (m *memberList) onExport() {
	u := m.u
	if u.term.ID == 0 {
		return
	}
	choice := widget.NewRadioGroup([]string{exportPrint, exportFull}, nil)
	choice.SetSelected(exportPrint)
	hint := widget.NewLabel(fmt.Sprintf("将导出当前列表中的 %d 位委员（已应用筛选和排序）。", len(m.shown)))
	fullID := widget.NewCheck(exportFullID, nil)
	idHint := widget.NewLabel("默认隐去身份证号和电话号码的中间几位（如 3401**********1234、138****5678）。\n" +
		"含完整号码的名册仅限内部使用，请妥善保管；需要再导入本程序时请勾选。")
	idHint.TextStyle.Italic = true
	if !u.can(actFullID) {
		fullID.Disable()
		idHint.SetText("默认隐去身份证号和电话号码的中间几位。导出完整号码需管理员权限。")
	}
	m.exportID = fullID
	body := container.NewVBox(hint, choice, widget.NewSeparator(), fullID, idHint)
	d := dialog.NewCustomConfirm("导出委员名册", "选择保存位置…", "取消", body, func(ok bool) {
		if ok {
			m.exportShown(sheet.RosterOptions{AllFields: choice.Selected == exportFull, FullID: fullID.Checked && u.can(actFullID)})
		}
	}, u.win)
	d.Show()
}

const (
	exportPrint  = "打印报送版：序号、姓名、性别、民族、出生年月、党派、界别、工作单位及职务等 12 列，A4 横向"
	exportFull   = "完整版：全部 23 列（含身份证号、通讯地址等），可再导入本程序"
	exportFullID = "含完整身份证号和电话号码"
)

// exportShown writes the members as shown to a file the user picks.
func (m *memberList) exportShown(opts sheet.RosterOptions) {
	u := m.u
	members := append([]data.Member(nil), m.shown...)
	name := sheet.RosterTitle(u.committee, u.term)
	if opts.AllFields {
		name += "（完整）"
	}
	u.saveFile("导出委员名册", name+".xlsx", func(path string) {
		u.run("正在导出…", func(context.Context, progress) error {
			return sheet.RosterFile(path, u.committee, u.term, members, u.store.Now(), opts)
		}, func(err error) {
			if err != nil {
				showError(err, u.win)
				return
			}
			dialog.ShowInformation("导出完成", fmt.Sprintf("已导出 %d 位委员到：\n%s", len(members), path), u.win)
		})
	})
}

func (m *memberList) onTemplate() {
	u := m.u
	u.saveFile("保存委员名册导入模板", "委员名册导入模板.xlsx", func(path string) {
		u.run("正在生成模板…", func(context.Context, progress) error { return sheet.TemplateFile(path) }, func(err error) {
			if err != nil {
				showError(err, u.win)
				return
			}
			dialog.ShowInformation("模板已保存", "导入模板已保存到：\n"+path+"\n\n请按“填写说明”工作表填写后，用“导入名册”导入。", u.win)
		})
	})
}
