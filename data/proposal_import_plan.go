package data

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"zhengxie/data/proposal"
	"zhengxie/data/validate"
)

// proposalPlanner checks register rows against one session: its term's
// roster, the unit list, the settings and the proposals already stored.
type proposalPlanner struct {
	plan     *ProposalImportPlan
	cfg      proposal.Config
	session  Session
	termName string // 第十一届
	opts     ProposalImportOptions
	year     int                 // the session's year, for 优秀 without a year
	roster   map[string][]Member // by squashed name
	units    map[string]string   // squashed name → stored name
	existing map[int]storedProposal
	byNumber map[int]int // 案号 → index in plan.Rows
	newUnit  map[string]bool
}

type storedProposal struct {
	id      int64
	title   string
	status  proposal.Status
	deleted bool
}

func (s *Store) planProposals(ctx context.Context, tx *sql.Tx, sessionID int64, rows []ProposalRow, opts ProposalImportOptions) (ProposalImportPlan, error) {
	plan := ProposalImportPlan{}
	pl, err := s.newPlanner(ctx, tx, sessionID, &plan, opts)
	if err != nil {
		return plan, err
	}
	for _, r := range rows {
		pl.row(r)
	}
	pl.checkMasters()
	return plan, nil
}

func (s *Store) newPlanner(ctx context.Context, tx *sql.Tx, sessionID int64, plan *ProposalImportPlan, opts ProposalImportOptions) (*proposalPlanner, error) {
	pl := &proposalPlanner{plan: plan, opts: opts, roster: map[string][]Member{}, units: map[string]string{},
		existing: map[int]storedProposal{}, byNumber: map[int]int{}, newUnit: map[string]bool{}}
	var termNo int
	err := tx.QueryRowContext(ctx, `SELECT s.id, s.term_id, s.number, s.start_date, t.number FROM session s
		JOIN term t ON t.id = s.term_id WHERE s.id = ?`, sessionID).Scan(&pl.session.ID, &pl.session.TermID,
		&pl.session.Number, &pl.session.StartDate, &termNo)
	if err != nil {
		return nil, notFound(err)
	}
	pl.termName = Term{Number: termNo}.TermName()
	pl.year = s.Now().Year()
	if y, err := strconv.Atoi(pl.session.StartDate[:min(4, len(pl.session.StartDate))]); err == nil {
		pl.year = y
	}
	if pl.cfg, err = s.proposalConfigTx(ctx, tx); err != nil {
		return nil, err
	}
	plan.Config = pl.cfg
	rows, err := tx.QueryContext(ctx, memberSelect+" WHERE m.term_id = ? AND m.deleted_at IS NULL", pl.session.TermID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		pl.roster[squash(m.Name)] = append(pl.roster[squash(m.Name)], m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := eachRow(ctx, tx, "SELECT name FROM unit", nil, func(scan func(...any) error) error {
		var name string
		err := scan(&name)
		pl.units[squash(name)] = name
		return err
	}); err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, "SELECT id, number, title, status, deleted_at IS NOT NULL FROM proposal WHERE session_id = ?",
		[]any{sessionID}, func(scan func(...any) error) error {
			var n int
			var sp storedProposal
			err := scan(&sp.id, &n, &sp.title, &sp.status, &sp.deleted)
			pl.existing[n] = sp
			return err
		})
	return pl, err
}

func (pl *proposalPlanner) bad(row int, field, msg string) {
	pl.plan.Issues = append(pl.plan.Issues, ImportIssue{Row: row, Field: field, Msg: msg})
}

func (pl *proposalPlanner) warn(row int, field, msg string) {
	pl.plan.Warnings = append(pl.plan.Warnings, ImportIssue{Row: row, Field: field, Msg: msg})
}

// row plans one register row.
func (pl *proposalPlanner) row(r ProposalRow) {
	c := r.Cells
	pp := PlannedProposal{Row: r.Row, Action: ActionCreate}
	p := &pp.Proposal
	p.SessionID, p.TermID = pl.session.ID, pl.session.TermID
	p.Number = pl.number(r.Row, c[ColNumber])
	p.Title = strings.TrimSpace(c[ColTitle])
	switch n := len([]rune(p.Title)); {
	case n == 0:
		pl.bad(r.Row, ColTitle, "案由不能为空")
	case n > 200:
		pl.bad(r.Row, ColTitle, fmt.Sprintf("过长（%d 字），请检查是否把正文填进了案由列", n))
	}
	if old, ok := pl.existing[p.Number]; ok && p.Number > 0 {
		pl.stored(&pp, old)
		return
	}
	pl.content(r.Row, c, p)
	n := pl.proposers(r.Row, c, p)
	pl.state(r.Row, c, &pp, n)
	if p.Number > 0 {
		pl.byNumber[p.Number] = len(pl.plan.Rows)
	}
	pl.plan.Rows = append(pl.plan.Rows, pp)
}

// number reads the 案号 and refuses one the sheet already used.
func (pl *proposalPlanner) number(row int, v string) int {
	if strings.TrimSpace(v) == "" {
		pl.bad(row, ColNumber, "缺少案号")
		return 0
	}
	n, ok := parseNumber(v, pl.cfg)
	if !ok {
		pl.bad(row, ColNumber, fmt.Sprintf("“%s”无法识别，应写成 12、012 或 %s 的形式", v, pl.cfg.FormatNumber(12)))
		return 0
	}
	if i, dup := pl.byNumber[n]; dup {
		pl.bad(row, ColNumber, fmt.Sprintf("%s与第 %d 行重复", pl.cfg.FormatNumber(n), pl.plan.Rows[i].Row))
	}
	return n
}

// stored handles a row whose 案号 the session already has: the same
// proposal is skipped; another one under that number is a problem.
func (pl *proposalPlanner) stored(pp *PlannedProposal, old storedProposal) {
	p := &pp.Proposal
	if squash(old.title) == squash(p.Title) && !old.deleted {
		pp.Action, pp.ExistingID, p.Status = ActionSkip, old.id, old.status
		pl.byNumber[p.Number] = len(pl.plan.Rows)
		pl.plan.Rows = append(pl.plan.Rows, *pp)
		return
	}
	where := ""
	if old.deleted {
		where = "（在回收站中）"
	}
	pl.bad(pp.Row, ColNumber, fmt.Sprintf("本次会议已有%s提案《%s》%s，与本行案由不同；如是另一件提案，请改用未占用的案号",
		pl.cfg.FormatNumber(p.Number), old.title, where))
}

// content reads what the proposal says of itself: category, kind, dates,
// flags and notes.
func (pl *proposalPlanner) content(row int, c map[string]string, p *Proposal) {
	p.Body, p.Sector = strings.TrimSpace(c[ColBody]), strings.TrimSpace(c[ColSector])
	cats := strings.Join(pl.cfg.Categories, "、")
	switch cat, ok := matchCategory(c[ColCategory], pl.cfg.Categories); {
	case strings.TrimSpace(c[ColCategory]) == "":
		pl.bad(row, ColCategory, "请填写类别（"+cats+"之一）")
	case !ok:
		pl.bad(row, ColCategory, fmt.Sprintf("“%s”不在提案类别列表中（现有：%s；可在“设置 → 提案”中增加）", c[ColCategory], cats))
	default:
		p.Category = cat
	}
	kind, ok := parseKind(c[ColKind])
	if !ok {
		pl.bad(row, ColKind, fmt.Sprintf("“%s”无法识别，应为大会提案或平时提案", c[ColKind]))
	}
	p.Kind = orDefault(kind, proposal.Kinds[0])
	p.Submitted = pl.date(row, ColSubmitted, c)
	if tier, leader, ok := parseKey(c[ColKey]); ok {
		p.KeyTier, p.KeyLeader = tier, leader
	} else {
		pl.bad(row, ColKey, fmt.Sprintf("“%s”无法识别，应为“是”或%s之一", c[ColKey], strings.Join(proposal.KeyTiers, "、")))
	}
	p.ExcellentYear = pl.excellent(row, c[ColExcellent], p.Submitted)
	if v := strings.TrimSpace(c[ColSession]); v != "" {
		if n, ok := sessionNumber(v); ok && n != pl.session.Number {
			pl.bad(row, ColSession, fmt.Sprintf("本行是第%s次会议的提案，而导入的是%s；请只导入本次会议的提案",
				ChineseNumber(n), pl.session.SessionName()))
		}
	}
	p.Note, p.RejectReason, p.WithdrawReason = splitNote(c[ColNote])
	if v := strings.TrimSpace(c[ColRejectReason]); v != "" {
		p.RejectReason = v
	}
}

// excellent reads an 优秀 cell into the award's year: the year written, or
// the year of submission, or the session's year.
func (pl *proposalPlanner) excellent(row int, v, submitted string) int {
	yes, year, ok := parseExcellent(v)
	switch {
	case !ok:
		pl.bad(row, ColExcellent, fmt.Sprintf("“%s”无法识别，应为“是”或“否”", v))
	case !yes || year > 0:
	case submitted != "":
		year, _ = strconv.Atoi(submitted[:4])
	default:
		year = pl.year
	}
	return year
}

// splitNote takes the reasons a ledger writes into its 备注 back out.
func splitNote(v string) (note, reject, withdraw string) {
	var rest []string
	for _, part := range strings.Split(strings.TrimSpace(v), "；") {
		switch {
		case strings.HasPrefix(part, "不予立案理由："):
			reject = strings.TrimPrefix(part, "不予立案理由：")
		case strings.HasPrefix(part, "撤案理由："):
			withdraw = strings.TrimPrefix(part, "撤案理由：")
		case part != "":
			rest = append(rest, part)
		}
	}
	return strings.Join(rest, "；"), reject, withdraw
}

// date reads a date cell; a bad one is a problem naming the cell.
func (pl *proposalPlanner) date(row int, field string, c map[string]string) string {
	v, err := validate.Date(c[field])
	if err != nil {
		msg := err.Error()
		if !strings.Contains(msg, "“") {
			msg = fmt.Sprintf("“%s”：%s", strings.TrimSpace(c[field]), msg)
		}
		pl.bad(row, field, msg)
		return ""
	}
	return v
}

// checkMasters checks that each 并案 row names a proposal it can be merged
// into: in the sheet or already in the session, and still a main proposal.
func (pl *proposalPlanner) checkMasters() {
	for _, pp := range pl.plan.Rows {
		if pp.Action != ActionCreate || pp.MasterNumber == 0 {
			continue
		}
		n, label := pp.MasterNumber, pl.cfg.FormatNumber(pp.MasterNumber)
		var status proposal.Status
		if i, ok := pl.byNumber[n]; ok {
			status = pl.plan.Rows[i].Proposal.Status
		} else if old, ok := pl.existing[n]; ok && !old.deleted {
			status = old.status
		}
		switch {
		case n == pp.Proposal.Number:
			pl.bad(pp.Row, ColStatus, "并案提案不能并入自己")
		case status == "":
			pl.bad(pp.Row, ColStatus, fmt.Sprintf("并入的%s提案在表中和本次会议中都没有", label))
		case status == proposal.Rejected || status == proposal.Merged || status == proposal.Withdrawn:
			pl.bad(pp.Row, ColStatus, fmt.Sprintf("并入的%s提案状态为“%s”，不能作为主提案", label, status))
		}
	}
}
