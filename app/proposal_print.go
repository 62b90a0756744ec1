package app

import (
	"context"
	"io"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data/proposal"
	"zhengxie/data/savefile"
	"zhengxie/export/pdf"
	"zhengxie/export/report"
)

// printForms are the per-proposal forms offered once a proposal has units
// to send them to: the 交办单 for the units, the 征询意见表 for the proposers.
var printForms = []struct{ label, kind string }{
	{"提案交办单（送承办单位）", report.FormAssignment},
	{"提案办理情况征询意见表（送提案人）", report.FormFeedback},
}

// printButton offers the forms of a proposal; before it is assigned to
// units (交办), onPrint says why there is nothing to print.
func (d *proposalDetail) printButton() *widget.Button {
	d.printBtn = widget.NewButtonWithIcon("打印表单…", theme.DocumentPrintIcon(), d.onPrint)
	return d.printBtn
}

// onPrint asks which forms, then writes them as one PDF where the user
// chooses and offers to open it for printing.
func (d *proposalDetail) onPrint() {
	u := d.l.ps.u
	if why := report.FormsRefusal(d.p); why != "" {
		dialog.ShowInformation("不能打印表单", d.l.ps.cfg.FormatNumber(d.p.Number)+"提案"+why, u.win)
		return
	}
	checks := make([]*widget.Check, len(printForms))
	objs := []fyne.CanvasObject{widget.NewLabel("选择要生成的表单（A4，一式一页）：")}
	for i, f := range printForms {
		checks[i] = widget.NewCheck(f.label, nil)
		checks[i].SetChecked(i == 0 || d.p.Status != proposal.Handling)
		objs = append(objs, checks[i])
	}
	id, number := d.p.ID, d.l.ps.cfg.FormatNumber(d.p.Number)
	d.printDlg = dialog.NewCustomConfirm("打印提案表单", "生成PDF…", "取消", container.NewVBox(objs...), func(ok bool) {
		var kinds []string
		for i, c := range checks {
			if c.Checked {
				kinds = append(kinds, printForms[i].kind)
			}
		}
		if !ok || len(kinds) == 0 {
			return
		}
		u.saveFile("保存提案表单", "提案"+number+"表单.pdf", func(path string) {
			u.run("正在生成表单…", func(ctx context.Context, _ progress) error {
				form, err := report.LoadProposalForm(ctx, u.store, id)
				if err != nil {
					return err
				}
				return savefile.Write(path, func(w io.Writer) error {
					return report.WriteProposalForms(w, []*report.ProposalForm{form}, kinds, pdf.GBT9704(),
						pdf.DocInfo{Title: "提案" + number + "表单"})
				})
			}, func(err error) {
				if err != nil {
					showError(err, u.win)
					return
				}
				dialog.ShowCustomConfirm("已保存", "打开", "关闭", widget.NewLabel("表单已保存到：\n"+path), func(open bool) {
					if link, err := url.Parse(storage.NewFileURI(path).String()); open && err == nil {
						showError(u.app.OpenURL(link), u.win)
					}
				}, u.win)
			})
		})
	}, u.win)
	d.printDlg.Show()
}
