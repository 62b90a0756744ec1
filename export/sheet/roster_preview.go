package sheet

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"zhengxie/data"
)

// ImportPreview is what importing a roster file into a term would do: the
// sheet as read, the store's plan, and every problem of both, by row.
type ImportPreview struct {
	Base
	Term  data.Term
	Sheet *RosterSheet
	Plan  data.ImportPlan
}

// Counts returns how many rows would be created and updated (rows whose
// member is stored as the row says count as neither).
func (p *ImportPreview) Counts() (created, updated int) {
	created, updated, _ = p.Plan.Counts()
	return created, updated
}

func rosterRef(r data.ImportRow) data.RowRef { return data.RowRef{Row: r.Row} }

// PreviewRosterFile reads a roster sheet and plans its import into a term,
// writing nothing.
func PreviewRosterFile(ctx context.Context, s *data.Store, termID int64, path string) (*ImportPreview, error) {
	t, err := s.GetTerm(ctx, termID)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, data.UserErrf(err, "无法打开文件“%s”：%s", filepath.Base(path), data.UserMessage(err))
	}
	defer f.Close()
	sheet, err := ReadRoster(f)
	if err != nil {
		return nil, err
	}
	plan, err := s.PlanRosterImport(ctx, termID, sheet.Rows)
	if err != nil {
		return nil, err
	}
	p := &ImportPreview{Base: Base{Path: path, Source: []*Source{sheet.Source}}, Term: t, Sheet: sheet, Plan: plan}
	p.Issues = append(slices.Clone(sheet.Issues), plan.Issues...)
	slices.SortStableFunc(p.Issues, func(a, b data.ImportIssue) int { return a.Row - b.Row })
	if !p.OK() {
		rows, pre := leaveOut(sheet.Rows, rosterRef, sheet.Issues)
		good, err := s.PlanRosterImportWith(ctx, termID, rows, data.RosterImportOptions{SkipBad: true})
		if err != nil && !errors.Is(err, data.ErrImportHasIssues) {
			return nil, err
		}
		if err == nil {
			created, updated, same := good.Counts()
			p.Good = Partial{Left: mergeLeft(pre, good.Left), Writes: created+updated > 0}
			p.Good.Summary = partialSummary(rosterCounts(created, updated, same), len(p.Good.Left))
		}
	}
	return p, nil
}

// Apply imports the previewed rows in one transaction. It refuses when the
// preview has problems; then nothing is written.
func (p *ImportPreview) Apply(ctx context.Context, s *data.Store, termID int64) (data.ImportResult, error) {
	if !p.OK() {
		return data.ImportResult{}, data.ErrImportHasIssues
	}
	return s.ImportRoster(ctx, termID, p.Sheet.Rows)
}

// Import imports the sheet into the preview's term (Preview).
func (p *ImportPreview) Import(ctx context.Context, s *data.Store, skipBad bool) (Outcome, error) {
	if err := p.refuseHasIssues(skipBad); err != nil {
		return Outcome{}, err
	}
	rows, pre := p.Sheet.Rows, []data.LeftRow(nil)
	if skipBad {
		rows, pre = leaveOut(rows, rosterRef, p.Sheet.Issues)
	}
	res, err := s.ImportRosterWith(ctx, p.Term.ID, rows, data.RosterImportOptions{SkipBad: skipBad})
	if err != nil {
		return Outcome{}, err
	}
	res.Left = mergeLeft(pre, res.Left)
	return Outcome{Message: RosterResultMessage(res), Left: res.Left}, nil
}

// Info is the lines above the preview's table.
func (p *ImportPreview) Info() []string {
	lines := []string{fmt.Sprintf("文件：%s　　工作表：%s（表头在第 %d 行）　　导入到：%s",
		filepath.Base(p.Path), p.Sheet.Sheet, p.Sheet.HeaderRow, p.Term.Label())}
	var cols []string
	for _, f := range data.RosterFields {
		if _, ok := p.Sheet.Columns[f]; ok {
			cols = append(cols, f)
		}
	}
	lines = append(lines, "识别的列："+strings.Join(cols, "、"))
	if len(p.Sheet.Ignored) > 0 {
		lines = append(lines, "未识别、将忽略的列："+strings.Join(p.Sheet.Ignored, "、"))
	}
	kinds := make([]string, 0, len(p.Plan.NewCatalog))
	for k := range p.Plan.NewCatalog {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		lines = append(lines, fmt.Sprintf("将在本届%s列表中新增：%s", data.KindLabel(k), strings.Join(p.Plan.NewCatalog[k], "、")))
	}
	return lines
}

// Summary says what importing the whole sheet does, or why it cannot.
func (p *ImportPreview) Summary() string {
	if !p.OK() {
		return fmt.Sprintf("发现 %d 处问题，不能导入。请在 Excel 中修改后重新导入；数据库未做任何更改。", len(p.Issues))
	}
	created, updated, same := p.Plan.Counts()
	return fmt.Sprintf("共 %d 行，可以导入：%s。", len(p.Plan.Rows), rosterCounts(created, updated, same))
}

// rosterCounts is "新增 3 人，更新 1 人，未变化 5 人" (未变化 only when some are).
func rosterCounts(created, updated, same int) string {
	s := fmt.Sprintf("新增 %d 人，更新 %d 人", created, updated)
	if same > 0 {
		s += fmt.Sprintf("，未变化 %d 人", same)
	}
	return s
}

// Writes reports whether importing the sheet would change anything.
func (p *ImportPreview) Writes() bool {
	created, updated, _ := p.Plan.Counts()
	return p.OK() && created+updated > 0
}

// RosterResultMessage says what a roster import did. The rows that updated
// existing members are listed only when few; a long list of numbers is
// read by nobody, so many rows become their range and count.
func RosterResultMessage(res data.ImportResult) string {
	msg := "导入完成：" + rosterCounts(res.Created, res.Updated, res.Unchanged) + "。"
	rows := res.UpdatedRows
	if len(rows) == 0 {
		return msg
	}
	var which string
	if len(rows) <= 10 {
		nums := make([]string, len(rows))
		for i, r := range rows {
			nums[i] = fmt.Sprint(r)
		}
		which = "表格第 " + strings.Join(nums, "、") + " 行"
	} else {
		which = fmt.Sprintf("表格第 %d–%d 行中的 %d 行", slices.Min(rows), slices.Max(rows), len(rows))
		if slices.Max(rows)-slices.Min(rows)+1 == len(rows) {
			which = fmt.Sprintf("表格第 %d–%d 行（共 %d 行）", slices.Min(rows), slices.Max(rows), len(rows))
		}
	}
	return msg + "\n" + which + "更新了已有委员的信息（表中空白的单元格保留原值）。"
}
