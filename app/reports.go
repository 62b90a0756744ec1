package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/composition"
	"zhengxie/export"
)

// reportScreen is 报表: for now the composition of the term's members
// (委员构成统计), on screen and as a printable Excel sheet.
type reportScreen struct {
	u       *UI
	obj     fyne.CanvasObject
	summary *widget.Label
	tables  *fyne.Container
	stats   composition.Stats
}

func newReportScreen(u *UI) *reportScreen {
	r := &reportScreen{u: u}
	r.summary = widget.NewLabel("")
	r.summary.Wrapping = fyne.TextWrapWord
	r.tables = container.NewGridWrap(fyne.NewSize(340, 300))
	exportBtn := widget.NewButtonWithIcon("导出构成统计表（Excel）", theme.UploadIcon(), r.onExport)
	exportBtn.Importance = widget.HighImportance
	top := container.NewVBox(heading("报表 · 委员构成统计"),
		widget.NewLabel("统计本届在任委员（含增补，不含辞去、撤销、调离、逝世及已删除的记录），年龄按今天计算。"),
		container.NewHBox(exportBtn), r.summary)
	r.obj = container.NewBorder(top, nil, nil, nil, container.NewVScroll(r.tables))
	return r
}

func (r *reportScreen) title() string           { return "报表" }
func (r *reportScreen) icon() fyne.Resource     { return theme.GridIcon() }
func (r *reportScreen) view() fyne.CanvasObject { return r.obj }

func (r *reportScreen) reload(ctx context.Context) {
	u := r.u
	r.tables.RemoveAll()
	if u.term.ID == 0 {
		r.summary.SetText("尚未建立届次。")
		return
	}
	st, err := export.TermComposition(ctx, u.store, u.term)
	if err != nil {
		showError(err, u.win)
		return
	}
	r.stats = st
	r.summary.SetText(export.CompositionSummary(st))
	for _, t := range st.Tables {
		rows := t.Rows
		tbl := previewTable([]string{"类别", "人数", "占比"}, []float32{150, 60, 70}, len(rows), func(i, c int) string {
			switch c {
			case 0:
				return rows[i].Label
			case 1:
				return fmt.Sprint(rows[i].N)
			}
			return fmt.Sprintf("%.1f%%", rows[i].Share*100)
		})
		r.tables.Add(widget.NewCard("", t.Title, tbl))
	}
}

func (r *reportScreen) onExport() {
	u := r.u
	if u.term.ID == 0 {
		return
	}
	name := data.CommitteeTitle(u.committee, u.term) + "委员构成统计.xlsx"
	u.saveFile("导出委员构成统计", name, func(path string) {
		u.run("正在导出…", func() error {
			return export.CompositionFile(u.ctx, u.store, path, u.committee, u.term)
		}, func(err error) {
			if err != nil {
				showError(err, u.win)
				return
			}
			dialog.ShowInformation("导出完成", "委员构成统计表已保存到：\n"+path, u.win)
		})
	})
}
