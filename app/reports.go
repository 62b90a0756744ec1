package app

import (
	"bytes"
	"context"
	"fmt"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reportScreen is 报表: choose a document (提案工作情况报告, 常委会工作报告
// statistics, 委员履职档案, 考核结果公示, 委员构成统计) and its scope, edit
// the narrative the office writes itself, preview the first pages, save
// the file and open it with the system's viewer for printing.
type reportScreen struct {
	u   *UI
	obj fyne.CanvasObject

	docSelect   *widget.Select
	scopeSelect *widget.Select
	scopes      []reportScope
	note        *widget.Label // what the chosen document is, or why it cannot be made
	left        *fyne.Container

	text *narrativeEditor

	previewBtn, saveBtn, openBtn *widget.Button

	previewNote *widget.Label
	pages       *fyne.Container // the preview's page images, or the composition tables
	comp        *compositionView

	doc      string
	report   *preparedReport
	lastPath string               // the file saved last, for 打开
	openURL  func(*url.URL) error // the app's OpenURL (tests look at the link)
}

func newReportScreen(u *UI) *reportScreen {
	r := &reportScreen{u: u, openURL: u.app.OpenURL}
	r.docSelect = widget.NewSelect(reportDocNames, r.onDocSelected)
	r.docSelect.PlaceHolder = "（选择文件）"
	r.scopeSelect = widget.NewSelect(nil, r.onScopeSelected)
	r.scopeSelect.PlaceHolder = "（选择范围）"
	r.note = widget.NewLabel("") // short lines broken by hand: a wrapped label in a VBox overlaps what follows
	r.text = newNarrativeEditor(u)
	r.previewBtn = widget.NewButtonWithIcon("预览", theme.VisibilityIcon(), r.onPreview)
	r.saveBtn = widget.NewButtonWithIcon("保存文件…", theme.DocumentSaveIcon(), r.onSave)
	r.saveBtn.Importance = widget.HighImportance
	r.openBtn = widget.NewButtonWithIcon("用系统程序打开", theme.FileIcon(), r.onOpen)
	r.openBtn.Disable()
	r.previewNote = widget.NewLabel("选择文件和范围后，点“预览”查看前几页。")
	r.previewNote.Wrapping = fyne.TextWrapWord
	r.pages = container.NewVBox()
	r.comp = newCompositionView(u)

	form := widget.NewForm(widget.NewFormItem("文件", r.docSelect), widget.NewFormItem("范围", r.scopeSelect))
	buttons := container.NewHBox(r.previewBtn, r.saveBtn, r.openBtn)
	r.left = container.NewBorder(container.NewVBox(form, r.note, buttons), nil, nil, nil, r.text.obj)
	right := container.NewBorder(r.previewNote, nil, nil, nil, container.NewScroll(r.pages))
	split := container.NewHSplit(r.left, right)
	split.Offset = 0.45
	r.obj = container.NewBorder(heading("报表"), nil, nil, nil, split)
	r.setEnabled(false)
	return r
}

func (r *reportScreen) title() string           { return "报表" }
func (r *reportScreen) icon() fyne.Resource     { return theme.GridIcon() }
func (r *reportScreen) view() fyne.CanvasObject { return r.obj }

// reload starts again with the term being viewed (the document chosen is
// kept; its scopes are the term's).
func (r *reportScreen) reload(ctx context.Context) {
	if r.u.term.ID == 0 {
		r.setNote("尚未建立届次。")
		r.setEnabled(false)
		return
	}
	if r.doc == "" {
		r.docSelect.SetSelected(docComposition) // what 首页's 委员构成统计 button opens
		return
	}
	r.loadScopes(ctx)
}

func (r *reportScreen) onDocSelected(doc string) {
	r.doc = doc
	r.loadScopes(r.u.ctx)
}

// loadScopes fills the scope list for the chosen document and selects the
// first scope (the latest session or year).
func (r *reportScreen) loadScopes(ctx context.Context) {
	r.report, r.scopes = nil, nil
	r.clearPreview()
	r.text.show(nil)
	r.scopeSelect.ClearSelected()
	r.scopeSelect.SetOptions(nil)
	if why := r.unavailable(r.doc); why != "" {
		r.setNote(why)
		r.setEnabled(false)
		return
	}
	scopes, err := r.u.reportScopes(ctx, r.doc)
	if err != nil {
		showError(err, r.u.win)
		return
	}
	if len(scopes) == 0 {
		r.setNote(emptyScopeNote(r.doc))
		r.setEnabled(false)
		return
	}
	r.scopes = scopes
	labels := make([]string, len(scopes))
	for i, s := range scopes {
		labels[i] = s.label
	}
	r.scopeSelect.SetOptions(labels)
	r.scopeSelect.SetSelectedIndex(0)
}

func emptyScopeNote(doc string) string {
	if doc == docNotice {
		return "本届还没有选定考核规则的年度：\n请先在“履职考核”中为年度选用规则集。"
	}
	return "本届还没有可以生成" + doc + "的范围。"
}

// onScopeSelected loads the document for the scope off the UI thread
// (figures, assessment, archives) and shows its narrative.
func (r *reportScreen) onScopeSelected(string) {
	i := r.scopeSelect.SelectedIndex()
	if i < 0 || i >= len(r.scopes) {
		return
	}
	doc, sc := r.doc, r.scopes[i]
	var rep *preparedReport
	r.u.run("正在读取"+doc+"…", func(ctx context.Context, _ progress) (err error) {
		rep, err = r.u.prepareReport(ctx, doc, sc)
		return err
	}, func(err error) {
		if err != nil {
			showError(err, r.u.win)
			r.setEnabled(false)
			return
		}
		if doc == r.doc {
			r.showReport(rep)
		}
	})
}

// showReport makes rep the document being worked on.
func (r *reportScreen) showReport(rep *preparedReport) {
	r.report = rep
	r.clearPreview()
	r.text.show(rep)
	r.setNote(docNote(r.doc))
	r.setEnabled(true)
	if !rep.pdf {
		r.previewBtn.Disable()
		r.comp.reload(r.u.ctx)
		r.previewNote.SetText("委员构成统计保存为可打印的 Excel 表格：")
		r.pages.Objects = []fyne.CanvasObject{r.comp.obj}
		r.pages.Refresh()
	}
}

// docNote says what the document holds and where its figures come from
// (lines short enough for the left pane).
func docNote(doc string) string {
	switch doc {
	case docProposals:
		return "数字取自提案统计，与“提案”页的“统计”一致。\n下方各部分文字可修改，保存后下次生成时沿用。"
	case docAnnual:
		return "会议、调研视察、提案、社情民意、考核和委员构成\n的数字均取自记录。下方文字可修改，清空的部分\n连同标题不打印。"
	case docArchive:
		return "一届一人一档：基本情况、出席、提案、社情民意、活动、\n奖惩和各年度考核。全体委员合订时每人另起一页。"
	case docNotice:
		return "按该年度选用的考核规则计算（与“履职考核”一致），\n公示日期为今天，公示期5个工作日。"
	case docComposition:
		return "统计本届在任委员（含增补，不含辞去、撤销、调离、\n逝世及已删除的记录），年龄按今天计算。"
	}
	return ""
}

// setNote shows text (lines broken by hand) above the buttons and lays the
// pane out again for its height.
func (r *reportScreen) setNote(text string) {
	r.note.SetText(text)
	r.left.Refresh()
}

func (r *reportScreen) setEnabled(on bool) {
	for _, b := range []*widget.Button{r.previewBtn, r.saveBtn} {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (r *reportScreen) clearPreview() {
	r.pages.Objects = nil
	r.pages.Refresh()
	r.previewNote.SetText("点“预览”查看前几页。")
}

// onPreview writes the document with the narrative as edited and shows
// its first pages.
func (r *reportScreen) onPreview() {
	rep := r.report
	if rep == nil || !rep.pdf {
		return
	}
	r.text.apply()
	var pages []fyne.CanvasObject
	var total int
	r.u.run("正在生成预览…", func(ctx context.Context, step progress) error {
		write := rep.write
		if rep.preview != nil {
			write = rep.preview
		}
		var buf bytes.Buffer
		if err := write(ctx, &buf, step); err != nil {
			return err
		}
		total = pdfPageCount(buf.Bytes())
		imgs, err := renderPages(ctx, buf.Bytes(), previewPages)
		if err != nil {
			return err
		}
		pages = pageImages(imgs)
		return nil
	}, func(err error) {
		if err == errNoRenderer {
			r.pages.Objects = nil
			r.pages.Refresh()
			r.previewNote.SetText(userMessage(err))
			return
		}
		if err != nil {
			showError(err, r.u.win)
			return
		}
		what := fmt.Sprintf("共 %d 页", total)
		if rep.preview != nil {
			what = rep.previewOf
		}
		r.previewNote.SetText(fmt.Sprintf("%s，预览前 %d 页（打印效果以保存的文件为准）。", what, len(pages)))
		r.pages.Objects = pages
		r.pages.Refresh()
	})
}

// onSave saves the narrative and writes the file where the user chooses.
func (r *reportScreen) onSave() {
	rep := r.report
	if rep == nil {
		return
	}
	r.text.apply()
	u := r.u
	u.saveFile("保存"+r.doc, rep.fileName, func(path string) {
		u.run("正在生成"+r.doc+"…", func(ctx context.Context, step progress) error {
			if err := r.text.save(ctx); err != nil {
				return err
			}
			return saveReportFile(ctx, path, rep, step)
		}, func(err error) {
			if err != nil {
				showError(err, u.win)
				return
			}
			r.lastPath = path
			r.openBtn.Enable()
			dialog.ShowCustomConfirm("已保存", "打开", "关闭", widget.NewLabel(r.doc+"已保存到：\n"+path),
				func(open bool) {
					if open {
						r.onOpen()
					}
				}, u.win)
		})
	})
}

// onOpen opens the file saved last with the system's program (PDF
// viewer, spreadsheet) for printing.
func (r *reportScreen) onOpen() {
	if r.lastPath == "" {
		return
	}
	link, err := url.Parse(storage.NewFileURI(r.lastPath).String())
	if err == nil {
		err = r.openURL(link)
	}
	showError(err, r.u.win)
}
