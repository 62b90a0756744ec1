package sheet

import (
	"cmp"
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
	Path     string
	Term     data.Term
	Options  data.EventImportOptions
	Book     *EventBook
	Plan     data.EventImportPlan
	Issues   []data.ImportIssue
	Warnings []data.ImportIssue
}

// PreviewEventFile reads a workbook and plans its import into a term,
// writing nothing. opts.Source defaults to the file's name.
func PreviewEventFile(ctx context.Context, s *data.Store, t data.Term, path string,
	opts data.EventImportOptions) (*EventImportPreview, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开文件“%s”：%w", filepath.Base(path), err)
	}
	defer f.Close()
	book, err := ReadEvents(f)
	if errors.Is(err, errNoEventRows) {
		return nil, fmt.Errorf("“%s”%w（示例行不导入）", filepath.Base(path), err)
	}
	if err != nil {
		return nil, err
	}
	if opts.Source == "" {
		opts.Source = filepath.Base(path)
	}
	plan, err := s.PlanEventImport(ctx, t.ID, book.Rows, opts)
	if err != nil {
		return nil, err
	}
	p := &EventImportPreview{Path: path, Term: t, Options: opts, Book: book, Plan: plan,
		Issues: slices.Clone(plan.Issues), Warnings: slices.Clone(plan.Warnings)}
	sheet := map[string]int{}
	for i, sh := range book.Sheets {
		sheet["工作表“"+sh.Name] = i
	}
	byRow := func(a, b data.ImportIssue) int {
		return cmp.Or(sheet[sheetOf(a.Msg)]-sheet[sheetOf(b.Msg)], a.Row-b.Row)
	}
	slices.SortStableFunc(p.Issues, byRow)
	slices.SortStableFunc(p.Warnings, byRow)
	return p, nil
}

// sheetOf is the sheet a message names ("" when it names none).
func sheetOf(msg string) string {
	if strings.HasPrefix(msg, "工作表“") {
		if i := strings.Index(msg, "”"); i > 0 {
			return msg[:i]
		}
	}
	return ""
}

// OK reports whether the import can be applied (warnings do not block).
func (p *EventImportPreview) OK() bool { return len(p.Issues) == 0 }

// Apply imports the previewed rows in one transaction, with the options of
// the preview. It refuses when the preview has problems; then nothing is
// written.
func (p *EventImportPreview) Apply(ctx context.Context, s *data.Store) (data.EventImportResult, error) {
	if !p.OK() {
		return data.EventImportResult{}, data.ErrImportHasIssues
	}
	return s.ImportEvents(ctx, p.Term.ID, p.Book.Rows, p.Options)
}

// Summary is the one sentence that says whether and what will be imported.
func (p *EventImportPreview) Summary() string { return p.Plan.Summary() }

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
	s := fmt.Sprintf("导入完成：新增 %d 个活动（%d 人次）", r.Created, r.People)
	if r.Skipped > 0 {
		s += fmt.Sprintf("，跳过已导入的 %d 个", r.Skipped)
	}
	return s + "。"
}

// EventAction says what importing one planned event does, for the
// preview table's last column.
func EventAction(e data.PlannedEvent) string {
	if e.Action == data.ActionSkip {
		return "跳过（已导入过）"
	}
	return "新增"
}
