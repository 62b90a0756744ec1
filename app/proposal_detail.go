package app

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// proposalDetail is the side pane of the 提案列表: the selected proposal's
// fields, text, attachments and history, and buttons for exactly the
// workflow actions its state allows.
type proposalDetail struct {
	l     *proposalList
	obj   *fyne.Container // the hint, or the pane
	hint  *widget.Label
	pane  *fyne.Container
	shown bool

	p       data.Proposal
	answers []data.Answer
	ratings []data.Rating
	events  []data.ProposalEvent
	files   []data.Attachment
	master  string // 并案: the master proposal, as "第003号《…》"

	header        *widget.Label
	notice        *widget.Label // "已立案……", shown for a while after a step
	noticeRead    debouncer     // clears the notice once it has been read
	actionBar     *fyne.Container
	actionButtons map[proposal.Action]*widget.Button
	tabs          *container.AppTabs
	info          *widget.RichText
	body          *widget.Label
	history       *widget.RichText
	fileList      *widget.List
	fileSel       int
	openBtn       *widget.Button
	removeBtn     *widget.Button
	printBtn      *widget.Button // 打印表单…, once the proposal has units
	printDlg      *dialog.ConfirmDialog

	action *actionForm // the open action dialog, for tests
}

func newProposalDetail(l *proposalList) *proposalDetail {
	d := &proposalDetail{l: l, fileSel: -1, actionButtons: map[proposal.Action]*widget.Button{},
		noticeRead: debouncer{pause: noticeReadIn, dbPath: l.ps.u.store.Path()}}
	d.hint = widget.NewLabel("选择一件提案查看详细信息和办理记录。\n\n快捷键：Ctrl+N 新增提案。")
	d.hint.Wrapping = fyne.TextWrapWord
	d.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.header.Wrapping = fyne.TextWrapWord
	d.header.SizeName = theme.SizeNameSubHeadingText
	d.notice = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.notice.Importance = widget.SuccessImportance
	d.notice.Wrapping = fyne.TextWrapWord
	d.notice.Hide()
	d.actionBar = container.NewHBox()
	l.ps.u.guard(actEdit, d.actionBar) // the workflow steps
	d.info = widget.NewRichText()
	d.info.Wrapping = fyne.TextWrapWord
	d.body = widget.NewLabel("")
	d.body.Wrapping = fyne.TextWrapWord
	d.body.Selectable = true
	d.history = widget.NewRichText()
	d.history.Wrapping = fyne.TextWrapWord
	d.tabs = container.NewAppTabs(
		container.NewTabItem("基本信息", container.NewVScroll(d.info)),
		container.NewTabItem("正文", container.NewVScroll(d.body)),
		container.NewTabItem("办理记录", container.NewVScroll(d.history)),
		container.NewTabItem("附件", d.attachmentsView()),
	)
	d.pane = container.NewBorder(container.NewVBox(d.header, d.notice, d.actionBar), nil, nil, nil, d.tabs)
	d.obj = container.NewStack(container.NewPadded(d.hint))
	return d
}

func (d *proposalDetail) view() fyne.CanvasObject { return d.obj }

func (d *proposalDetail) attachmentsView() fyne.CanvasObject {
	d.fileList = widget.NewList(
		func() int { return len(d.files) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			a := d.files[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s　%s　%s", a.Name, fileSize(a.Size), dateOf(a.AddedAt)))
		},
	)
	d.fileList.OnSelected = func(i widget.ListItemID) { d.fileSel = i; d.openBtn.Enable(); d.removeBtn.Enable() }
	add := widget.NewButtonWithIcon("添加附件", theme.ContentAddIcon(), d.onAddAttachment)
	d.openBtn = widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), d.onOpenFolder)
	d.removeBtn = widget.NewButtonWithIcon("移除", theme.DeleteIcon(), d.onRemoveAttachment)
	d.l.ps.u.guard(actEdit, add, d.removeBtn)
	hint := widget.NewLabel("答复函扫描件、照片等，复制保存在数据文件夹中。")
	hint.Wrapping = fyne.TextWrapWord
	hint.TextStyle.Italic = true
	return container.NewBorder(hint, container.NewHBox(add, d.openBtn, d.removeBtn), nil, nil,
		emptyList(d.fileList, func() string { return "暂无附件。" }))
}

// clear shows the hint instead of a proposal.
func (d *proposalDetail) clear() {
	d.shown, d.p = false, data.Proposal{}
	d.obj.Objects = []fyne.CanvasObject{container.NewPadded(d.hint)}
	d.obj.Refresh()
}

// show loads a proposal's answers, ratings, history and attachments and
// fills the pane.
func (d *proposalDetail) show(p data.Proposal) {
	u := d.l.ps.u
	var errs []error
	keep := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	var err error
	d.answers, err = u.store.ListAnswers(u.ctx, p.ID)
	keep(err)
	d.ratings, err = u.store.ListRatings(u.ctx, p.ID)
	keep(err)
	d.events, err = u.store.ProposalHistory(u.ctx, p.ID)
	keep(err)
	d.files, err = u.store.ListAttachments(u.ctx, p.ID)
	keep(err)
	d.master = ""
	if p.MergedInto != 0 {
		if m, err := u.store.GetProposal(u.ctx, p.MergedInto); err == nil {
			d.master = fmt.Sprintf("%s提案《%s》", d.l.ps.cfg.FormatNumber(m.Number), m.Title)
		}
	}
	if len(errs) > 0 {
		showError(errs[0], u.win)
	}
	if d.p.ID != p.ID {
		d.setNotice("") // it told of another proposal
	}
	d.p = p
	if !d.shown {
		d.shown = true
		d.obj.Objects = []fyne.CanvasObject{d.pane}
		d.obj.Refresh()
	}
	d.header.SetText(d.l.ps.cfg.FormatNumber(p.Number) + "　" + p.Title)
	d.fillActions()
	d.pane.Refresh() // the header and the buttons may need another height
	d.info.ParseMarkdown(d.infoMarkdown())
	d.body.SetText(orDefaultText(p.Body, "（未录入正文）"))
	d.history.ParseMarkdown(d.historyMarkdown())
	d.tabs.Items[3].Text = fmt.Sprintf("附件（%d）", len(d.files))
	d.tabs.Refresh()
	d.fileSel = -1
	d.fileList.UnselectAll()
	d.fileList.Refresh()
	d.openBtn.Disable()
	d.removeBtn.Disable()
}

// fillActions offers exactly the actions the state allows, the likely
// next step first and highlighted.
func (d *proposalDetail) fillActions() {
	clear(d.actionButtons)
	var objs []fyne.CanvasObject
	likely := d.likely()
	for _, a := range proposal.Allowed(d.p.Status) {
		b := widget.NewButton(string(a), func() { d.openAction(a) })
		d.actionButtons[a] = b
		if a == likely {
			b.Importance = widget.HighImportance
			objs = append([]fyne.CanvasObject{b}, objs...)
			continue
		}
		objs = append(objs, b)
	}
	if b := d.printButton(); b != nil {
		objs = append(objs, b)
	}
	d.actionBar.Objects = objs
	d.actionBar.Refresh()
}

// likely is the step to offer first: proposal.Likely, knowing whether
// every proposer has rated the latest answer.
func (d *proposalDetail) likely() proposal.Action {
	round := 0
	for _, a := range d.answers {
		round = max(round, a.Round)
	}
	rated := round > 0 && len(d.p.Proposers) > 0
	for _, x := range d.p.Proposers {
		if !slices.ContainsFunc(d.ratings, func(r data.Rating) bool { return r.Seq == x.Seq && r.Round == round }) {
			rated = false
		}
	}
	return proposal.Likely(d.p.Status, rated)
}

// stepDone confirms a step just taken on the shown proposal, with the step
// now likely next, for a few seconds.
func (d *proposalDetail) stepDone(a proposal.Action) {
	text := doneText(a)
	if next := d.likely(); next != "" {
		text += "。下一步：" + string(next)
	}
	d.setNotice(text)
	d.noticeRead.after(func() { d.setNotice("") })
}

// noticeReadIn is how long a step's confirmation stays.
const noticeReadIn = 6 * time.Second

// doneText says that a step was taken: "已立案".
func doneText(a proposal.Action) string {
	switch a {
	case proposal.ActReject:
		return "已作不予立案处理"
	case proposal.ActReturn:
		return "已退回，等待重新交办"
	case proposal.ActRehandle:
		return "已转入再次办理"
	}
	return "已" + string(a)
}

func (d *proposalDetail) setNotice(text string) {
	d.noticeRead.stop() // a newer notice, or none: an older one's timer leaves it
	d.notice.SetText(text)
	showIf(d.notice, text != "")
}

func (d *proposalDetail) onEdit() {
	if d.shown {
		d.l.openForm(d.p)
	}
}

func (d *proposalDetail) onDelete() {
	if !d.shown {
		return
	}
	p := d.p
	msg := fmt.Sprintf("确定删除%s提案《%s》吗？\n删除的提案可在“回收站”中恢复，案号仍保留。", d.l.ps.cfg.FormatNumber(p.Number), p.Title)
	dialog.ShowConfirm("删除提案", msg, func(yes bool) {
		if yes {
			d.l.deleteProposal(p)
		}
	}, d.l.ps.u.win)
}

// attachmentExts are the files offered as attachments: letters, sheets,
// scans and photos.
var attachmentExts = []string{".pdf", ".ofd", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".txt",
	".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".zip", ".rar", ".7z"}

func (d *proposalDetail) onAddAttachment() {
	u := d.l.ps.u
	id := d.p.ID
	u.openFile("添加附件", attachmentExts, func(path string) {
		if _, err := u.store.AddAttachment(u.ctx, id, path); err != nil {
			showError(err, u.win)
		}
		d.l.query(u.ctx)
	})
}

func (d *proposalDetail) onOpenFolder() {
	if d.fileSel < 0 || d.fileSel >= len(d.files) {
		return
	}
	u := d.l.ps.u
	if d.files[d.fileSel].Path == "" { // a stored path leaving the attachments folder (data.ListAttachments)
		showError(data.UserErr("该附件记录的路径不在附件文件夹内，本程序不打开它。请移除该附件后重新添加。"), u.win)
		return
	}
	dir := storage.NewFileURI(filepath.Dir(d.files[d.fileSel].Path))
	link, err := url.Parse(dir.String())
	if err == nil {
		err = u.app.OpenURL(link)
	}
	showError(err, u.win)
}

func (d *proposalDetail) onRemoveAttachment() {
	if d.fileSel < 0 || d.fileSel >= len(d.files) {
		return
	}
	u := d.l.ps.u
	a := d.files[d.fileSel]
	dialog.ShowConfirm("移除附件", fmt.Sprintf("确定移除附件“%s”吗？保存的副本将被删除。", a.Name), func(yes bool) {
		if !yes {
			return
		}
		if err := u.store.RemoveAttachment(u.ctx, a.ID); err != nil {
			showError(err, u.win)
		}
		d.l.query(u.ctx)
	}, u.win)
}
