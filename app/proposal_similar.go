package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// similarPause is how long typing must pause before the duplicate check runs.
const similarPause = 400 * time.Millisecond

const similarHint = "输入案由或正文后，这里列出以往相似的提案，供查重参考。"

// similarLimit is how many earlier proposals the panel lists.
const similarLimit = 8

// similarFunc finds the earlier proposals most like a title and body,
// leaving out the proposal being edited.
type similarFunc func(ctx context.Context, title, body string, excludeID int64) ([]data.SimilarProposal, error)

// storeSimilar is the duplicate check of the store.
func storeSimilar(s *data.Store) similarFunc {
	return func(ctx context.Context, title, body string, excludeID int64) ([]data.SimilarProposal, error) {
		return s.SimilarProposals(ctx, title, body, excludeID, similarLimit)
	}
}

// similarPanel is 相似提案 in the proposal form: while 案由 and 正文 are
// typed, the earlier proposals (any year) most like them. The lookup runs
// off the UI thread once typing pauses; only the latest answer is shown.
type similarPanel struct {
	find    similarFunc // nil turns the panel off
	cfg     proposal.Config
	exclude int64

	hits   []data.SimilarProposal
	list   *widget.List
	status *widget.Label
	obj    fyne.CanvasObject

	lookups debouncer // only the latest lookup's answer is shown
}

// newSimilarPanel builds the panel of a form over the database at dbPath
// (where a crash log would go).
func newSimilarPanel(find similarFunc, cfg proposal.Config, exclude int64, dbPath string) *similarPanel {
	s := &similarPanel{find: find, cfg: cfg, exclude: exclude, lookups: debouncer{pause: similarPause, dbPath: dbPath}}
	s.status = widget.NewLabel(similarHint)
	s.status.Wrapping = fyne.TextWrapWord
	s.status.TextStyle.Italic = true
	if find == nil {
		s.status.SetText("查重功能暂不可用。")
	}
	s.list = widget.NewList(
		func() int { return len(s.hits) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.TextStyle.Bold = true
			title.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("")
			meta.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, meta)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			lines := o.(*fyne.Container).Objects
			title, meta := s.hitText(s.hits[i])
			lines[0].(*widget.Label).SetText(title)
			lines[1].(*widget.Label).SetText(meta)
		},
	)
	s.obj = container.NewBorder(container.NewVBox(heading("相似提案"), s.status), nil, nil, nil, s.list)
	return s
}

// hitText is the two lines of a hit: its 案由, and where it stands.
func (s *similarPanel) hitText(h data.SimilarProposal) (string, string) {
	parts := []string{fmt.Sprintf("相似度 %.0f%%", h.Score*100)}
	if h.Level != "" {
		parts[0] += "（" + h.Level + "）"
	}
	parts = append(parts, strings.TrimSpace(h.Session+" "+s.cfg.FormatNumber(h.Number)), string(h.Status))
	if h.Class != "" {
		parts = append(parts, h.Class+" 类")
	}
	return h.Title, strings.Join(parts, "　")
}

// schedule looks up the text once typing pauses.
func (s *similarPanel) schedule(ctx context.Context, title, body string) {
	if s.find == nil {
		return
	}
	if strings.TrimSpace(title+body) == "" {
		s.stop()
		s.hits = nil
		s.status.SetText(similarHint)
		s.list.Refresh()
		return
	}
	var hits []data.SimilarProposal
	s.lookups.run(ctx, func(ctx context.Context) (err error) {
		hits, err = s.find(ctx, title, body, s.exclude)
		return err
	}, func(err error) { s.show(hits, err) })
}

// lookup runs the check at once (tests, and the form opening with text).
func (s *similarPanel) lookup(ctx context.Context, title, body string) {
	if s.find == nil {
		return
	}
	s.stop() // this answer supersedes a pending one
	hits, err := s.find(ctx, title, body, s.exclude)
	s.show(hits, err)
}

// show applies a lookup's answer.
func (s *similarPanel) show(hits []data.SimilarProposal, err error) {
	s.hits = hits
	switch {
	case err != nil:
		s.hits = nil
		s.status.SetText("查重未能完成：" + userMessage(err))
	case len(hits) == 0:
		s.status.SetText("没有找到相似的提案。")
	default:
		s.status.SetText(fmt.Sprintf("以往提案中最相似的 %d 件：", len(hits)))
	}
	s.list.Refresh()
}

// stop cancels a pending lookup when the form closes.
func (s *similarPanel) stop() { s.lookups.stop() }
