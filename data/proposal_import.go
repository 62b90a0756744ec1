package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"zhengxie/data/proposal"
)

// Column labels of a proposal register (提案台账, domain §3.2). A sheet's
// headers are mapped to them, and every problem of an import names one.
const (
	ColNumber       = "案号"
	ColTitle        = "案由"
	ColCategory     = "类别"
	ColProposerType = "提案者性质"
	ColProposers    = "提案人" // the 第一提案人, or every proposer joined with 、
	ColCosigners    = "联名人"
	ColSector       = "界别"
	ColKind         = "大会/平时"
	ColSubmitted    = "提交日期"
	ColBody         = "正文"
	ColStatus       = "状态" // also 审查结果, 办理状态
	ColRejectReason = "不立案理由"
	ColLead         = "主办单位"
	ColCo           = "会办单位"
	ColSplit        = "分办单位"
	ColAssigned     = "交办日期"
	ColDeadline     = "办理期限"
	ColAnswered     = "答复日期"
	ColDocNo        = "答复文号"
	ColClass        = "办理结果"
	ColSatisfaction = "满意度"
	ColKey          = "重点"
	ColExcellent    = "优秀"
	ColNote         = "备注"
	ColSession      = "会次" // a whole-term ledger's column; checked against the chosen session
)

// ProposalColumns lists the columns in register order.
var ProposalColumns = []string{
	ColNumber, ColTitle, ColCategory, ColProposerType, ColProposers, ColCosigners, ColSector, ColKind,
	ColSubmitted, ColBody, ColStatus, ColRejectReason, ColLead, ColCo, ColSplit, ColAssigned, ColDeadline,
	ColAnswered, ColDocNo, ColClass, ColSatisfaction, ColKey, ColExcellent, ColNote, ColSession,
}

// ProposalRow is one proposal read from a register: its 1-based sheet row
// and the text of each cell by column label (Col*). Values are as typed
// (real Excel dates already as YYYY-MM-DD); the plan reads and checks them.
type ProposalRow struct {
	Row   int
	Cells map[string]string
}

// ProposalImportOptions are the choices a user makes for an import.
type ProposalImportOptions struct {
	// KeepUnmatched keeps proposers who are not on the term's roster as
	// name-only proposers, with a warning instead of a problem: the
	// rosters of past years may be incomplete.
	KeepUnmatched bool
	Source        string // the file's name, written into each proposal's history row
	Actor         string // the staff member importing (录入人)
	// SkipBad imports the rows without problems and leaves the others out
	// (ProposalImportPlan.Left, ProposalImportResult.Left).
	SkipBad bool
}

// ActionSkip is a row whose proposal the session already has (same 案号 and
// 案由): re-importing a sheet adds only its new rows and changes nothing
// already stored.
const ActionSkip = "跳过"

// PlannedProposal says what importing one row will do.
type PlannedProposal struct {
	Row    int
	Action string // ActionCreate or ActionSkip
	// Proposal as it will be stored: state, proposers (MembershipID 0 for
	// a name only), units by name, and the answer's Class, AnswerDate and
	// the proposers' Verdicts by seq.
	Proposal     Proposal
	DocNo        string // 答复文号 of the answers
	MasterNumber int    // 并案: the 案号 merged into
	ExistingID   int64  // ActionSkip: the stored proposal
}

// ProposalImportPlan is the preview of an import: what each row will do,
// the problems that block it, the warnings that do not, and the units it
// will add to the list.
type ProposalImportPlan struct {
	Rows     []PlannedProposal
	Issues   []ImportIssue // problems: nothing is imported while any exists
	Warnings []ImportIssue // shown in the preview; the rows are imported
	NewUnits []string      // 承办单位 not yet in the list, created on apply
	Config   proposal.Config
	Left     []LeftRow // SkipBad: the rows left out, with their problems
}

// OK reports whether the plan can be applied.
func (p ProposalImportPlan) OK() bool { return len(p.Issues) == 0 }

// ProposalImportResult says what an import did (or, from a plan, will do).
type ProposalImportResult struct {
	Created  int
	Skipped  int                     // rows the session already had
	ByStatus map[proposal.Status]int // created proposals by state
	NewUnits []string
	Left     []LeftRow // SkipBad: the rows left out, with their problems
}

// Result is what applying the plan will do.
func (p ProposalImportPlan) Result() ProposalImportResult {
	r := ProposalImportResult{ByStatus: map[proposal.Status]int{}, NewUnits: p.NewUnits, Left: p.Left}
	for _, pp := range p.Rows {
		if pp.Action == ActionSkip {
			r.Skipped++
			continue
		}
		r.Created++
		r.ByStatus[pp.Proposal.Status]++
	}
	return r
}

// PlanProposalImport reads and checks register rows for one session
// without writing anything.
func (s *Store) PlanProposalImport(ctx context.Context, sessionID int64, rows []ProposalRow, opts ProposalImportOptions) (ProposalImportPlan, error) {
	var plan ProposalImportPlan
	err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		plan, err = s.planProposalRows(ctx, tx, sessionID, rows, opts)
		return err
	})
	if err != nil {
		return ProposalImportPlan{}, fmt.Errorf("plan proposal import: %w", err)
	}
	return plan, nil
}

// ImportProposals imports register rows into a session in one
// transaction: all rows or none. It re-plans inside the transaction and
// writes nothing when the plan has any problem (ErrImportHasIssues).
// Each proposal is stored in its state directly, with its units, one
// answer per answering unit, the proposers' ratings, and ONE history row
// "导入" naming the file and row; the steps before it are not invented.
func (s *Store) ImportProposals(ctx context.Context, sessionID int64, rows []ProposalRow, opts ProposalImportOptions) (ProposalImportResult, error) {
	var res ProposalImportResult
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		plan, err := s.planProposalRows(ctx, tx, sessionID, rows, opts)
		if err != nil {
			return err
		}
		if !plan.OK() {
			return ErrImportHasIssues
		}
		units, err := s.importUnits(ctx, tx, plan.NewUnits)
		if err != nil {
			return err
		}
		for _, pp := range plan.Rows {
			if pp.Action != ActionCreate {
				continue
			}
			if err := s.insertImported(ctx, tx, pp, units, opts); err != nil {
				return fmt.Errorf("row %d: %w", pp.Row, err)
			}
		}
		if err := linkMerged(ctx, tx, sessionID, plan.Rows); err != nil {
			return err
		}
		res = plan.Result()
		detail := fmt.Sprintf("从“%s”导入 %d 件，跳过已有 %d 件", orDefault(opts.Source, "Excel"), res.Created, res.Skipped)
		if len(res.Left) > 0 {
			detail += fmt.Sprintf("，有问题未导入 %d 行", len(res.Left))
		}
		return s.audit(ctx, tx, "导入", "提案", sessionID, detail)
	})
	if err != nil {
		return ProposalImportResult{}, fmt.Errorf("import proposals: %w", err)
	}
	return res, nil
}

// planProposalRows plans rows, or with SkipBad the rows without problems.
func (s *Store) planProposalRows(ctx context.Context, tx *sql.Tx, sessionID int64, rows []ProposalRow,
	opts ProposalImportOptions) (ProposalImportPlan, error) {
	if !opts.SkipBad {
		return s.planProposals(ctx, tx, sessionID, rows, opts)
	}
	var plan ProposalImportPlan
	_, left, err := keepGood(rows, func(r ProposalRow) RowRef { return RowRef{Row: r.Row} }, nil,
		func(rs []ProposalRow) (_ []ImportIssue, err error) {
			plan, err = s.planProposals(ctx, tx, sessionID, rs, opts)
			return plan.Issues, err
		})
	plan.Left = left
	return plan, err
}

// importUnits creates the new units and returns every unit's id by name.
func (s *Store) importUnits(ctx context.Context, tx *sql.Tx, names []string) (map[string]int64, error) {
	for _, name := range names {
		u := Unit{Name: name, Kind: unitKind(name)}
		if err := s.saveUnit(ctx, tx, &u); err != nil {
			return nil, err
		}
	}
	ids := map[string]int64{}
	err := eachRow(ctx, tx, "SELECT id, name FROM unit", nil, func(scan func(...any) error) error {
		var id int64
		var name string
		if err := scan(&id, &name); err != nil {
			return err
		}
		ids[name] = id
		return nil
	})
	return ids, err
}

// insertImported stores one planned proposal with everything it carries.
func (s *Store) insertImported(ctx context.Context, tx *sql.Tx, pp PlannedProposal, units map[string]int64, opts ProposalImportOptions) error {
	p := pp.Proposal
	now := s.Now().Format(time.RFC3339)
	res, err := tx.ExecContext(ctx, `INSERT INTO proposal(session_id, number, title, body, category, kind, submitted,
		proposer_type, sector, entered_by, status, reject_reason, disposition, withdraw_reason, assign_mode,
		assigned_date, deadline, key_tier, key_leader, excellent_year, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.SessionID, p.Number, p.Title, p.Body, p.Category, p.Kind, p.Submitted, p.ProposerType, p.Sector,
		opts.Actor, string(p.Status), p.RejectReason, p.Disposition, p.WithdrawReason, p.AssignMode,
		p.AssignedDate, p.Deadline, p.KeyTier, p.KeyLeader, p.ExcellentYear, p.Note, now, now)
	if isUniqueViolation(err) {
		return Invalid(ColNumber, fmt.Sprintf("本次会议已有%d号提案", p.Number))
	}
	if err != nil {
		return fmt.Errorf("insert proposal: %w", err)
	}
	p.ID, _ = res.LastInsertId()
	if err := s.saveProposers(ctx, tx, &p); err != nil {
		return err
	}
	for _, u := range p.Units {
		if _, err := tx.ExecContext(ctx, "INSERT INTO assignment(proposal_id, unit_id, role) VALUES (?, ?, ?)",
			p.ID, units[u.Unit], u.Role); err != nil {
			return fmt.Errorf("assign unit: %w", err)
		}
	}
	if proposal.IsAnswered(p.Status) {
		for _, u := range p.AnsweringUnits() {
			if _, err := tx.ExecContext(ctx, `INSERT INTO answer(proposal_id, unit_id, round, date, doc_no, class)
				VALUES (?, ?, 1, ?, ?, ?)`, p.ID, units[u.Unit], p.AnswerDate, pp.DocNo, p.Class); err != nil {
				return fmt.Errorf("save answer: %w", err)
			}
		}
	}
	for seq, verdict := range p.Verdicts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO rating(proposal_id, seq, round, verdict, date) VALUES (?, ?, 1, ?, ?)`,
			p.ID, seq, verdict, p.AnswerDate); err != nil {
			return fmt.Errorf("save rating: %w", err)
		}
	}
	note := fmt.Sprintf("从“%s”第 %d 行导入", orDefault(opts.Source, "Excel 表"), pp.Row)
	return s.addEvent(ctx, tx, p.ID, "", "导入", "", p.Status, opts.Actor, note)
}

// linkMerged points each imported 并案 proposal at its master, which the
// same import or an earlier one stored.
func linkMerged(ctx context.Context, tx *sql.Tx, sessionID int64, rows []PlannedProposal) error {
	for _, pp := range rows {
		if pp.Action != ActionCreate || pp.MasterNumber == 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE proposal SET merged_into =
			(SELECT id FROM proposal WHERE session_id = ? AND number = ?) WHERE session_id = ? AND number = ?`,
			sessionID, pp.MasterNumber, sessionID, pp.Proposal.Number); err != nil {
			return fmt.Errorf("link merged proposal: %w", err)
		}
	}
	return nil
}
