package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"zhengxie/data/proposal"
	"zhengxie/data/validate"
)

const proposalColumns = `p.id, p.session_id, s.term_id, p.number, p.title, p.body, p.category, p.kind, p.submitted,
	p.proposer_type, p.sector, p.suggested_unit, p.entered_by, p.status, p.reject_reason, p.disposition,
	coalesce(p.merged_into, 0), p.withdraw_reason, p.withdraw_date, p.assign_mode, p.assigned_date, p.deadline,
	p.key_tier, p.key_leader, p.excellent_year, p.excellent_award, p.public, p.implementation, p.note,
	p.created_at, p.updated_at, p.deleted_at IS NOT NULL`

func scanProposal(row interface{ Scan(...any) error }) (Proposal, error) {
	var p Proposal
	err := row.Scan(&p.ID, &p.SessionID, &p.TermID, &p.Number, &p.Title, &p.Body, &p.Category, &p.Kind, &p.Submitted,
		&p.ProposerType, &p.Sector, &p.SuggestedUnit, &p.EnteredBy, &p.Status, &p.RejectReason, &p.Disposition,
		&p.MergedInto, &p.WithdrawReason, &p.WithdrawDate, &p.AssignMode, &p.AssignedDate, &p.Deadline,
		&p.KeyTier, &p.KeyLeader, &p.ExcellentYear, &p.ExcellentAward, &p.Public, &p.Implementation, &p.Note,
		&p.CreatedAt, &p.UpdatedAt, &p.Deleted)
	return p, err
}

// Normalize tidies what a user typed: trims, fills defaults, converts dates.
func (p *Proposal) Normalize() {
	for _, f := range []*string{&p.Title, &p.Category, &p.Kind, &p.ProposerType, &p.Sector, &p.SuggestedUnit,
		&p.EnteredBy, &p.KeyTier, &p.KeyLeader, &p.ExcellentAward, &p.Note} {
		*f = strings.TrimSpace(*f)
	}
	p.Body = strings.TrimSpace(p.Body)
	if p.Kind == "" {
		p.Kind = proposal.Kinds[0]
	}
	if p.ProposerType == "" {
		p.ProposerType = proposal.ProposerTypes[0]
		if len(p.Proposers) > 1 {
			p.ProposerType = "委员联名"
		}
	}
	if v, err := validate.Date(p.Submitted); err == nil {
		p.Submitted = v
	}
	var ps []Proposer
	for _, x := range p.Proposers {
		x.Name = strings.TrimSpace(x.Name)
		if x.Name != "" || x.MembershipID != 0 {
			ps = append(ps, x)
		}
	}
	for i := range ps {
		ps[i].Seq = i + 1
	}
	p.Proposers = ps
}

// Validate lists every problem of a proposal against the committee's
// settings, each under its field's Chinese label.
func (p *Proposal) Validate(cfg proposal.Config) error {
	var errs ValidationErrors
	add := func(field, msg string) { errs = append(errs, &ValidationError{field, msg}) }
	if p.SessionID == 0 {
		add("会次", "请选择提案所属的届次和会次")
	}
	if p.Number < 0 {
		add("案号", "应为正整数")
	}
	if p.Title == "" {
		add("案由", "不能为空")
	} else if n := len([]rune(p.Title)); n > 200 {
		add("案由", fmt.Sprintf("过长（%d 字），案由一般不超过 60 字", n))
	}
	if p.Category == "" {
		add("类别", "请选择提案类别")
	} else if !proposal.Has(cfg.Categories, p.Category) {
		add("类别", fmt.Sprintf("“%s”不在提案类别列表中（可在“设置”的“提案”页中增加）", p.Category))
	}
	if !proposal.Has(proposal.Kinds, p.Kind) {
		add("提案类型", "应为大会提案或平时提案")
	}
	if !proposal.Has(proposal.ProposerTypes, p.ProposerType) {
		add("提案者性质", "应为"+strings.Join(proposal.ProposerTypes, "、")+"之一")
	}
	if p.Submitted != "" && !IsDate(p.Submitted) {
		add("提交日期", "应为 YYYY-MM-DD 格式的日期，如 2026-01-15")
	}
	switch n := len(p.Proposers); {
	case n == 0:
		add("提案人", "至少需要一名提案人（集体提案填写单位名称）")
	case p.ProposerType == "委员个人" && n > 1:
		add("提案人", fmt.Sprintf("委员个人提案只能有一名提案人，现有 %d 名；多人请选“委员联名”", n))
	case p.ProposerType == "委员联名" && n < 2:
		add("提案人", "委员联名提案至少需要两名提案人")
	}
	if !proposal.Collective(p.ProposerType) {
		for _, x := range p.Proposers {
			if x.MembershipID == 0 {
				add("提案人", fmt.Sprintf("“%s”不是本届委员，请从名册中选择", x.Name))
				break
			}
		}
	}
	if p.KeyTier != "" && !proposal.Has(proposal.KeyTiers, p.KeyTier) {
		add("重点提案", "应为"+strings.Join(proposal.KeyTiers, "、")+"之一")
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// NextProposalNumber is the next free 案号 in a session (one more than the
// highest, so gaps left by deletions stay gaps).
func (s *Store) NextProposalNumber(ctx context.Context, sessionID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(number), 0) + 1 FROM proposal WHERE session_id = ?", sessionID).Scan(&n)
	return n, err
}

// CreateProposal saves a new proposal in state 已提交 with the first history
// row. Number 0 takes the next free 案号.
func (s *Store) CreateProposal(ctx context.Context, p *Proposal) error {
	p.Normalize()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		cfg, err := s.proposalConfigTx(ctx, tx)
		if err != nil {
			return err
		}
		if err := p.Validate(cfg); err != nil {
			return err
		}
		return s.insertProposal(ctx, tx, p)
	})
}

func (s *Store) insertProposal(ctx context.Context, tx *sql.Tx, p *Proposal) error {
	if err := tx.QueryRowContext(ctx, "SELECT term_id FROM session WHERE id = ?", p.SessionID).Scan(&p.TermID); err != nil {
		return Invalid("会次", "所选会次不存在")
	}
	if p.Number == 0 {
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(number), 0) + 1 FROM proposal WHERE session_id = ?",
			p.SessionID).Scan(&p.Number); err != nil {
			return err
		}
	}
	if p.Status == "" {
		p.Status = proposal.Submitted
	}
	now := s.Now().Format(time.RFC3339)
	p.CreatedAt, p.UpdatedAt = now, now
	res, err := tx.ExecContext(ctx, `INSERT INTO proposal(session_id, number, title, body, category, kind, submitted,
		proposer_type, sector, suggested_unit, entered_by, status, key_tier, key_leader, excellent_year, excellent_award,
		public, implementation, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.SessionID, p.Number, p.Title, p.Body, p.Category, p.Kind, p.Submitted, p.ProposerType, p.Sector,
		p.SuggestedUnit, p.EnteredBy, p.Status, p.KeyTier, p.KeyLeader, p.ExcellentYear, p.ExcellentAward,
		boolInt(p.Public), p.Implementation, p.Note, now, now)
	if isUniqueViolation(err) {
		return Invalid("案号", fmt.Sprintf("本次会议已有%d号提案", p.Number))
	}
	if err != nil {
		return fmt.Errorf("insert proposal: %w", err)
	}
	p.ID, _ = res.LastInsertId()
	if err := s.saveProposers(ctx, tx, p); err != nil {
		return err
	}
	if err := s.addEvent(ctx, tx, p.ID, p.Submitted, "提交", "", p.Status, p.EnteredBy, ""); err != nil {
		return err
	}
	return s.audit(ctx, tx, "新增", "提案", p.ID, fmt.Sprintf("%d号 %s", p.Number, p.Title))
}

// saveProposers replaces the proposer list; roster members get their
// current name and must belong to the proposal's term.
func (s *Store) saveProposers(ctx context.Context, tx *sql.Tx, p *Proposal) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM proposer WHERE proposal_id = ?", p.ID); err != nil {
		return err
	}
	for i := range p.Proposers {
		x := &p.Proposers[i]
		x.Seq = i + 1
		var member any
		if x.MembershipID != 0 {
			var term int64
			err := tx.QueryRowContext(ctx, `SELECT m.term_id, pe.name FROM membership m JOIN person pe ON pe.id = m.person_id
				WHERE m.id = ?`, x.MembershipID).Scan(&term, &x.Name)
			if err != nil {
				return Invalid("提案人", fmt.Sprintf("第 %d 位提案人不在名册中", x.Seq))
			}
			if term != p.TermID {
				return Invalid("提案人", fmt.Sprintf("“%s”不是本届委员", x.Name))
			}
			member = x.MembershipID
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO proposer(proposal_id, seq, membership_id, name) VALUES (?, ?, ?, ?)",
			p.ID, x.Seq, member, x.Name); err != nil {
			return fmt.Errorf("save proposer: %w", err)
		}
	}
	return nil
}

// UpdateProposal saves edited content and flags. The state and everything
// the workflow owns (units, answers, dispositions) change only through
// Apply. The 案号 cannot change once an answer is on record.
func (s *Store) UpdateProposal(ctx context.Context, p *Proposal, actor string) error {
	p.Normalize()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		cfg, err := s.proposalConfigTx(ctx, tx)
		if err != nil {
			return err
		}
		if err := p.Validate(cfg); err != nil {
			return err
		}
		old, err := s.getProposal(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		p.TermID = old.TermID
		if p.SessionID != old.SessionID {
			return Invalid("会次", "已录入的提案不能改到其他会次；请删除后在该会次重新录入")
		}
		if p.Number == 0 {
			p.Number = old.Number
		}
		if p.Number != old.Number {
			var answers int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM answer WHERE proposal_id = ?", p.ID).Scan(&answers); err != nil {
				return err
			}
			if answers > 0 {
				return Invalid("案号", "该提案已有答复，不能再改案号")
			}
		}
		p.UpdatedAt = s.Now().Format(time.RFC3339)
		_, err = tx.ExecContext(ctx, `UPDATE proposal SET number = ?, title = ?, body = ?, category = ?, kind = ?,
			submitted = ?, proposer_type = ?, sector = ?, suggested_unit = ?, key_tier = ?, key_leader = ?,
			excellent_year = ?, excellent_award = ?, public = ?, implementation = ?, note = ?, updated_at = ?
			WHERE id = ?`,
			p.Number, p.Title, p.Body, p.Category, p.Kind, p.Submitted, p.ProposerType, p.Sector, p.SuggestedUnit,
			p.KeyTier, p.KeyLeader, p.ExcellentYear, p.ExcellentAward, boolInt(p.Public), p.Implementation, p.Note,
			p.UpdatedAt, p.ID)
		if isUniqueViolation(err) {
			return Invalid("案号", fmt.Sprintf("本次会议已有%d号提案", p.Number))
		}
		if err != nil {
			return fmt.Errorf("update proposal: %w", err)
		}
		if err := s.saveProposers(ctx, tx, p); err != nil {
			return err
		}
		if note := flagChanges(old, *p, cfg); note != "" {
			if err := s.addEvent(ctx, tx, p.ID, "", "修改", old.Status, old.Status, actor, note); err != nil {
				return err
			}
		}
		return s.auditChanges(ctx, tx, "修改", "提案", p.ID, fmt.Sprintf("%d号 %s", p.Number, p.Title),
			diffFields(proposalAuditFields, old, *p))
	})
}

// flagChanges describes the changes worth a history row: 案号, 重点, 优秀,
// 公开 and 落实情况.
func flagChanges(old, p Proposal, cfg proposal.Config) string {
	var parts []string
	if old.Number != p.Number {
		parts = append(parts, fmt.Sprintf("案号由%s改为%s", cfg.FormatNumber(old.Number), cfg.FormatNumber(p.Number)))
	}
	if old.KeyTier != p.KeyTier || old.KeyLeader != p.KeyLeader {
		switch {
		case p.KeyTier == "":
			parts = append(parts, "取消重点提案")
		default:
			parts = append(parts, fmt.Sprintf("列为%s，督办领导：%s", p.KeyTier, orDash(p.KeyLeader)))
		}
	}
	if old.ExcellentYear != p.ExcellentYear || old.ExcellentAward != p.ExcellentAward {
		if p.ExcellentYear == 0 {
			parts = append(parts, "取消优秀提案")
		} else {
			parts = append(parts, fmt.Sprintf("评为%d年度%s", p.ExcellentYear, orDefault(p.ExcellentAward, "优秀提案")))
		}
	}
	if old.Public != p.Public {
		parts = append(parts, map[bool]string{true: "改为公开", false: "改为不公开"}[p.Public])
	}
	if old.Implementation != p.Implementation {
		parts = append(parts, "落实情况："+orDash(p.Implementation))
	}
	return strings.Join(parts, "；")
}

func orDash(s string) string { return orDefault(s, "—") }

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// DeleteProposal moves a proposal to the recycle bin; RestoreProposal
// brings it back. Its 案号 stays taken meanwhile.
func (s *Store) DeleteProposal(ctx context.Context, id int64, actor string) error {
	return s.setProposalDeleted(ctx, id, true, actor)
}

// RestoreProposal takes a proposal out of the recycle bin.
func (s *Store) RestoreProposal(ctx context.Context, id int64, actor string) error {
	return s.setProposalDeleted(ctx, id, false, actor)
}

func (s *Store) setProposalDeleted(ctx context.Context, id int64, deleted bool, actor string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var at any
		action := "恢复"
		if deleted {
			at, action = s.Now().Format(time.RFC3339), "删除"
		}
		var title string
		if err := tx.QueryRowContext(ctx, "SELECT title FROM proposal WHERE id = ?", id).Scan(&title); err != nil {
			return fmt.Errorf("%s proposal %d: %w", action, id, notFound(err))
		}
		if _, err := tx.ExecContext(ctx, "UPDATE proposal SET deleted_at = ? WHERE id = ?", at, id); err != nil {
			return fmt.Errorf("%s proposal: %w", action, err)
		}
		if err := s.addEvent(ctx, tx, id, "", action, "", "", actor, map[bool]string{true: "移入回收站", false: "从回收站恢复"}[deleted]); err != nil {
			return err
		}
		return s.audit(ctx, tx, action, "提案", id, title)
	})
}
