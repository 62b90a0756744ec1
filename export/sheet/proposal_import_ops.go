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
	"zhengxie/data/proposal"
)

// ProposalImportPreview is what importing a proposal register into one
// session would do: the sheet as read, the store's plan, its problems
// (which block the import) and warnings (which do not), by row.
type ProposalImportPreview struct {
	Base
	Term    data.Term
	Session data.Session
	Options data.ProposalImportOptions
	Sheet   *ProposalSheet
	Plan    data.ProposalImportPlan
}

// PreviewProposalFile reads a register and plans its import into a
// session, writing nothing. opts.Source defaults to the file's name.
func PreviewProposalFile(ctx context.Context, s *data.Store, session data.Session, path string,
	opts data.ProposalImportOptions) (*ProposalImportPreview, error) {
	t, err := s.GetTerm(ctx, session.TermID)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, data.UserErrf(err, "无法打开文件“%s”：%s", filepath.Base(path), data.UserMessage(err))
	}
	defer f.Close()
	sheet, err := ReadProposals(f)
	if err != nil {
		return nil, err
	}
	if opts.Source == "" {
		opts.Source = filepath.Base(path)
	}
	opts.SkipBad = false
	plan, err := s.PlanProposalImport(ctx, session.ID, sheet.Rows, opts)
	if err != nil {
		return nil, err
	}
	p := &ProposalImportPreview{Base: Base{Path: path, Issues: slices.Clone(plan.Issues), Warnings: slices.Clone(plan.Warnings),
		Source: []*Source{sheet.Source}}, Term: t, Session: session, Options: opts, Sheet: sheet, Plan: plan}
	sortIssues(p.Issues, nil)
	sortIssues(p.Warnings, nil)
	if !p.OK() {
		opts.SkipBad = true
		good, err := s.PlanProposalImport(ctx, session.ID, sheet.Rows, opts)
		if err != nil && !errors.Is(err, data.ErrImportHasIssues) {
			return nil, err
		}
		if err == nil {
			r := good.Result()
			p.Good = Partial{Left: good.Left, Writes: r.Created > 0,
				Summary: partialSummary(proposalCounts(r), len(good.Left))}
		}
	}
	return p, nil
}

// Counts returns how many proposals would be created, and how many rows
// skipped because the session already has them.
func (p *ProposalImportPreview) Counts() (created, skipped int) {
	r := p.Plan.Result()
	return r.Created, r.Skipped
}

// Apply imports the previewed rows in one transaction, with the options
// of the preview. It refuses when the preview has problems; then nothing
// is written.
func (p *ProposalImportPreview) Apply(ctx context.Context, s *data.Store) (data.ProposalImportResult, error) {
	if !p.OK() {
		return data.ProposalImportResult{}, data.ErrImportHasIssues
	}
	return s.ImportProposals(ctx, p.Session.ID, p.Sheet.Rows, p.Options)
}

// Import imports the register into the preview's session (Preview).
func (p *ProposalImportPreview) Import(ctx context.Context, s *data.Store, skipBad bool) (Outcome, error) {
	if err := p.refuseHasIssues(skipBad); err != nil {
		return Outcome{}, err
	}
	opts := p.Options
	opts.SkipBad = skipBad
	res, err := s.ImportProposals(ctx, p.Session.ID, p.Sheet.Rows, opts)
	if err != nil {
		return Outcome{}, err
	}
	return Outcome{Message: ResultMessage(res), Left: res.Left}, nil
}

// Writes reports whether importing the register would add anything.
func (p *ProposalImportPreview) Writes() bool {
	created, _ := p.Counts()
	return p.OK() && created > 0
}

// Info is the lines the preview shows above its table: file, sheet and
// session, the columns understood and ignored, the units to be added.
func (p *ProposalImportPreview) Info() []string {
	t := p.Term
	lines := []string{fmt.Sprintf("文件：%s　　工作表：%s（表头在第 %d 行）　　导入到：%s%s",
		filepath.Base(p.Path), p.Sheet.Sheet, p.Sheet.HeaderRow, t.TermName(), p.Session.SessionName())}
	lines = append(lines, "识别的列："+strings.Join(p.Sheet.Recognised(), "、"))
	if len(p.Sheet.Ignored) > 0 {
		lines = append(lines, "未识别、将忽略的列："+strings.Join(p.Sheet.Ignored, "、"))
	}
	if len(p.Plan.NewUnits) > 0 {
		lines = append(lines, "将新增承办单位："+strings.Join(p.Plan.NewUnits, "、"))
	}
	if p.Options.KeepUnmatched {
		lines = append(lines, "名册中没有的提案人只记录姓名。")
	}
	return lines
}

// Summary is the one sentence that says whether and what will be
// imported: "共 12 行，可以导入：新增 10 件（立案 3 件、办结 7 件），跳过已导入的 2 件。"
func (p *ProposalImportPreview) Summary() string {
	if !p.OK() {
		return fmt.Sprintf("发现 %d 处问题，不能导入。请在 Excel 中修改后重新导入；数据库未做任何更改。", len(p.Issues))
	}
	r := p.Plan.Result()
	s := fmt.Sprintf("共 %d 行，可以导入：%s。", len(p.Plan.Rows), proposalCounts(r))
	if len(p.Warnings) > 0 {
		s += fmt.Sprintf("另有 %d 条提示，不影响导入。", len(p.Warnings))
	}
	return s
}

// proposalCounts is "新增 10 件（立案 3 件、办结 7 件），跳过本次会议已有的 2 件".
func proposalCounts(r data.ProposalImportResult) string {
	s := fmt.Sprintf("新增 %d 件", r.Created)
	if by := StatusCounts(r.ByStatus); by != "" {
		s += "（" + by + "）"
	}
	if r.Skipped > 0 {
		s += fmt.Sprintf("，跳过本次会议已有的 %d 件", r.Skipped)
	}
	return s
}

// ResultMessage is what the user reads after an import.
func ResultMessage(r data.ProposalImportResult) string {
	s := fmt.Sprintf("导入完成：新增 %d 件提案", r.Created)
	if by := StatusCounts(r.ByStatus); by != "" {
		s += "（" + by + "）"
	}
	if r.Skipped > 0 {
		s += fmt.Sprintf("，跳过本次会议已有的 %d 件", r.Skipped)
	}
	if len(r.NewUnits) > 0 {
		s += "，新增承办单位：" + strings.Join(r.NewUnits, "、")
	}
	return s + "。"
}

// StatusCounts writes counts by state in lifecycle order: "立案 3 件、办结 7 件".
func StatusCounts(by map[proposal.Status]int) string {
	var parts []string
	for _, st := range proposal.Statuses {
		if by[st] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 件", st, by[st]))
		}
	}
	return strings.Join(parts, "、")
}

// RowAction says what importing one planned row does, for the preview
// table's last column.
func RowAction(r data.PlannedProposal) string {
	if r.Action == data.ActionSkip {
		return "跳过（本次会议已有此提案）"
	}
	return "新增（" + string(r.Proposal.Status) + "）"
}

// Recognised lists the columns understood, in register order.
func (s *ProposalSheet) Recognised() []string {
	var out []string
	for _, c := range data.ProposalColumns {
		if _, ok := s.Columns[c]; ok {
			out = append(out, c)
		}
	}
	if h, ok := s.Columns[colEither]; ok {
		out = append(out, h)
	}
	return out
}
