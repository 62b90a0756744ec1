package sheet

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"zhengxie/data"
)

// EventImportPreview is what importing an events/attendance workbook into
// one term would do: the workbook as read, the store's plan, its problems
// (which block the import) and warnings (which do not).
type EventImportPreview struct {
	Base
	Term    data.Term
	Options data.EventImportOptions
	Book    *EventBook
	Plan    data.EventImportPlan
}

// PreviewEventFile reads a workbook and plans its import into a term,
// writing nothing. opts.Source defaults to the file's name.
func PreviewEventFile(ctx context.Context, s *data.Store, t data.Term, path string,
	opts data.EventImportOptions) (*EventImportPreview, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, data.UserErrf(err, "无法打开文件“%s”：%s", filepath.Base(path), data.UserMessage(err))
	}
	defer f.Close()
	book, err := ReadEvents(f)
	if errors.Is(err, errNoEventRows) {
		return nil, data.UserErrf(err, "“%s”%s（示例行不导入）", filepath.Base(path), data.UserMessage(err))
	}
	if err != nil {
		return nil, err
	}
	if opts.Source == "" {
		opts.Source = filepath.Base(path)
	}
	opts.SkipBad = false
	plan, err := s.PlanEventImport(ctx, t.ID, book.Rows, opts)
	if err != nil {
		return nil, err
	}
	p := &EventImportPreview{Base: Base{Path: path, Issues: slices.Clone(plan.Issues), Warnings: slices.Clone(plan.Warnings)},
		Term: t, Options: opts, Book: book, Plan: plan}
	var sheets []string
	for _, sh := range book.Sheets {
		sheets = append(sheets, sh.Name)
		p.Source = append(p.Source, sh.Source)
	}
	sortIssues(p.Issues, sheets)
	sortIssues(p.Warnings, sheets)
	if !p.OK() {
		opts.SkipBad = true
		good, err := s.PlanEventImport(ctx, t.ID, book.Rows, opts)
		if err != nil && !errors.Is(err, data.ErrImportHasIssues) {
			return nil, err
		}
		if err == nil {
			p.Good = Partial{Left: good.Left, Writes: good.Created > 0,
				Summary: partialSummary(eventCounts(good.Created, good.People, good.Skipped), len(good.Left))}
		}
	}
	return p, nil
}

// Apply imports the previewed rows in one transaction, with the options of
// the preview. It refuses when the preview has problems; then nothing is
// written.
func (p *EventImportPreview) Apply(ctx context.Context, s *data.Store) (data.EventImportResult, error) {
	if !p.OK() {
		return data.EventImportResult{}, data.ErrImportHasIssues
	}
	return s.ImportEvents(ctx, p.Term.ID, p.Book.Rows, p.Options)
}

// Import imports the workbook into the preview's term (Preview).
func (p *EventImportPreview) Import(ctx context.Context, s *data.Store, skipBad bool) (Outcome, error) {
	if err := p.refuseHasIssues(skipBad); err != nil {
		return Outcome{}, err
	}
	opts := p.Options
	opts.SkipBad = skipBad
	res, err := s.ImportEvents(ctx, p.Term.ID, p.Book.Rows, opts)
	if err != nil {
		return Outcome{}, err
	}
	return Outcome{Message: EventResultMessage(res), Left: res.Left}, nil
}

// Summary is the one sentence that says whether and what will be imported.
func (p *EventImportPreview) Summary() string { return p.Plan.Summary() }

// Writes reports whether importing the workbook would add anything.
func (p *EventImportPreview) Writes() bool { return p.OK() && p.Plan.Created > 0 }

// Info is the lines the preview shows above its table: file, layout and
// term, the columns understood and ignored, the sheets skipped.
func (p *EventImportPreview) Info() []string {
	b := p.Book
	lines := []string{fmt.Sprintf("文件：%s　　格式：%s　　导入到：%s", filepath.Base(p.Path), b.Layouts(), p.Term.TermName())}
	var cols, ignored []string
	for _, c := range []string{data.EvColDate, data.EvColTitle, data.EvColType, data.EvColOrganizer, data.EvColPlace,
		data.EvColName, data.EvColSector, data.EvColStatus, data.EvColRole, data.EvColNote} {
		for _, sh := range b.Sheets {
			if _, ok := sh.Columns[c]; ok {
				cols = append(cols, c)
				break
			}
		}
	}
	for _, sh := range b.Sheets {
		for _, x := range sh.Ignored {
			if !slices.Contains(ignored, x) {
				ignored = append(ignored, x)
			}
		}
	}
	lines = append(lines, "识别的列："+strings.Join(cols, "、"))
	if len(ignored) > 0 {
		lines = append(lines, "未识别、将忽略的列："+strings.Join(ignored, "、"))
	}
	if len(b.Skipped) > 0 {
		lines = append(lines, "没有参加人员表、已跳过的工作表："+strings.Join(b.Skipped, "、"))
	}
	if p.Options.KeepUnmatched {
		lines = append(lines, "名册中没有的人员只记录姓名（不计入考核）。")
	}
	return lines
}

// EventResultMessage is what the user reads after an events import.
func EventResultMessage(r data.EventImportResult) string {
	return "导入完成：" + eventCounts(r.Created, r.People, r.Skipped) + "。"
}

// eventCounts is "新增 2 个活动（4 人次），跳过已导入的 1 个".
func eventCounts(created, people, skipped int) string {
	s := fmt.Sprintf("新增 %d 个活动（%d 人次）", created, people)
	if skipped > 0 {
		s += fmt.Sprintf("，跳过已导入的 %d 个", skipped)
	}
	return s
}

// EventAction says what importing one planned event does, for the
// preview table's last column.
func EventAction(e data.PlannedEvent) string {
	if e.Action == data.ActionSkip {
		return "跳过（已导入过）"
	}
	return "新增"
}
