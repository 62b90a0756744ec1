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
		return s.audit(ctx, tx, "修改", "提案", p.ID, fmt.Sprintf("%d号 %s", p.Number, p.Title))
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
		res, err := tx.ExecContext(ctx, "UPDATE proposal SET deleted_at = ? WHERE id = ?", at, id)
		if err != nil {
			return fmt.Errorf("%s proposal: %w", action, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if err := s.addEvent(ctx, tx, id, "", action, "", "", actor, map[bool]string{true: "移入回收站", false: "从回收站恢复"}[deleted]); err != nil {
			return err
		}
		return s.audit(ctx, tx, action, "提案", id, "")
	})
}

// GetProposal returns one proposal with proposers, units, class and verdicts.
func (s *Store) GetProposal(ctx context.Context, id int64) (Proposal, error) {
	var p Proposal
	err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		p, err = s.getProposal(ctx, tx, id)
		return err
	})
	return p, err
}

func (s *Store) getProposal(ctx context.Context, tx *sql.Tx, id int64) (Proposal, error) {
	ps, err := s.queryProposals(ctx, tx, "p.id = ?", []any{id})
	if err != nil {
		return Proposal{}, err
	}
	if len(ps) == 0 {
		return Proposal{}, ErrNotFound
	}
	return ps[0], nil
}

// ListProposals returns the proposals a filter selects, by session and 案号.
func (s *Store) ListProposals(ctx context.Context, f ProposalFilter) ([]Proposal, error) {
	where, args := proposalWhere(f)
	var out []Proposal
	err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		out, err = s.queryProposals(ctx, tx, where, args)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list proposals: %w", err)
	}
	if f.OverdueOn != "" {
		kept := out[:0]
		for _, p := range out {
			if p.Overdue(f.OverdueOn) {
				kept = append(kept, p)
			}
		}
		out = kept
	}
	return out, nil
}

func proposalWhere(f ProposalFilter) (string, []any) {
	conds := []string{"p.deleted_at IS NULL"}
	if f.DeletedOnly {
		conds[0] = "p.deleted_at IS NOT NULL"
	}
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if f.TermID != 0 {
		add("s.term_id = ?", f.TermID)
	}
	if f.SessionID != 0 {
		add("p.session_id = ?", f.SessionID)
	}
	if f.Year != 0 {
		add("substr(p.submitted, 1, 4) = ?", fmt.Sprintf("%04d", f.Year))
	}
	if f.Status != "" {
		add("p.status = ?", string(f.Status))
	}
	if f.Category != "" {
		add("p.category = ?", f.Category)
	}
	if f.UnitID != 0 {
		add("p.id IN (SELECT proposal_id FROM assignment WHERE unit_id = ?)", f.UnitID)
	}
	if f.MembershipID != 0 {
		add("p.id IN (SELECT proposal_id FROM proposer WHERE membership_id = ?)", f.MembershipID)
	}
	if f.Proposer != "" {
		add("p.id IN (SELECT proposal_id FROM proposer WHERE name LIKE ?)", "%"+f.Proposer+"%")
	}
	if f.KeyOnly {
		add("p.key_tier <> ''")
	}
	if f.OverdueOn != "" {
		add("p.status IN (?, ?) AND p.deadline <> '' AND p.deadline < ?", string(proposal.Handling), string(proposal.Rehandled), f.OverdueOn)
	}
	for _, term := range strings.Fields(f.Query) {
		like := "%" + term + "%"
		text := "p.title LIKE ? OR p.body LIKE ?"
		textArgs := []any{like, like}
		if len([]rune(term)) >= 3 {
			text = "p.id IN (SELECT rowid FROM proposal_fts WHERE proposal_fts MATCH ?)"
			textArgs = []any{ftsPhrase(term)}
		}
		add("("+text+" OR p.id IN (SELECT proposal_id FROM proposer WHERE name LIKE ?)"+
			" OR p.id IN (SELECT a.proposal_id FROM assignment a JOIN unit u ON u.id = a.unit_id WHERE u.name LIKE ?))",
			append(textArgs, like, like)...)
	}
	return strings.Join(conds, " AND "), args
}

// ftsPhrase quotes text as one FTS5 phrase, so punctuation and operators in
// what a user typed are matched literally.
func ftsPhrase(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// queryProposals loads proposals matching where, then their proposers,
// units, answers and ratings in one query each.
func (s *Store) queryProposals(ctx context.Context, tx *sql.Tx, where string, args []any) ([]Proposal, error) {
	from := " FROM proposal p JOIN session s ON s.id = p.session_id WHERE " + where
	rows, err := tx.QueryContext(ctx, "SELECT "+proposalColumns+from+" ORDER BY s.term_id, s.number, p.number", args...)
	if err != nil {
		return nil, err
	}
	var out []Proposal
	index := map[int64]int{}
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		index[p.ID] = len(out)
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	ids := "SELECT p.id" + from
	if err := eachRow(ctx, tx, "SELECT proposal_id, seq, coalesce(membership_id, 0), name FROM proposer WHERE proposal_id IN ("+ids+") ORDER BY proposal_id, seq", args,
		func(sc func(...any) error) error {
			var id int64
			var x Proposer
			if err := sc(&id, &x.Seq, &x.MembershipID, &x.Name); err != nil {
				return err
			}
			p := &out[index[id]]
			p.Proposers = append(p.Proposers, x)
			return nil
		}); err != nil {
		return nil, err
	}
	if err := eachRow(ctx, tx, `SELECT a.proposal_id, a.unit_id, u.name, a.role FROM assignment a JOIN unit u ON u.id = a.unit_id
		WHERE a.proposal_id IN (`+ids+`) ORDER BY a.proposal_id, CASE a.role WHEN '主办' THEN 0 WHEN '分办' THEN 1 ELSE 2 END, u.sort, u.id`, args,
		func(sc func(...any) error) error {
			var id int64
			var a Assignment
			if err := sc(&id, &a.UnitID, &a.Unit, &a.Role); err != nil {
				return err
			}
			p := &out[index[id]]
			p.Units = append(p.Units, a)
			return nil
		}); err != nil {
		return nil, err
	}
	// Final class: the latest round with a classed answer; its worst class.
	round := map[int64]int{}
	if err := eachRow(ctx, tx, "SELECT proposal_id, round, class, date FROM answer WHERE class <> '' AND proposal_id IN ("+ids+") ORDER BY proposal_id, round", args,
		func(sc func(...any) error) error {
			var id int64
			var r int
			var class, date string
			if err := sc(&id, &r, &class, &date); err != nil {
				return err
			}
			p := &out[index[id]]
			if r > round[id] {
				round[id], p.Class, p.AnswerDate = r, "", ""
			}
			if class > p.Class {
				p.Class = class
			}
			if date > p.AnswerDate {
				p.AnswerDate = date
			}
			return nil
		}); err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, "SELECT proposal_id, seq, verdict FROM rating WHERE proposal_id IN ("+ids+") ORDER BY proposal_id, round", args,
		func(sc func(...any) error) error {
			var id int64
			var seq int
			var v string
			if err := sc(&id, &seq, &v); err != nil {
				return err
			}
			p := &out[index[id]]
			if p.Verdicts == nil {
				p.Verdicts = map[int]string{}
			}
			p.Verdicts[seq] = v
			return nil
		})
	return out, err
}

func eachRow(ctx context.Context, tx *sql.Tx, q string, args []any, fn func(scan func(...any) error) error) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ProposalHistory returns a proposal's history, oldest first.
func (s *Store) ProposalHistory(ctx context.Context, id int64) ([]ProposalEvent, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, proposal_id, at, date, action, from_status, to_status, actor, note
		FROM proposal_event WHERE proposal_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("proposal history: %w", err)
	}
	defer rows.Close()
	var out []ProposalEvent
	for rows.Next() {
		var e ProposalEvent
		if err := rows.Scan(&e.ID, &e.ProposalID, &e.At, &e.Date, &e.Action, &e.From, &e.To, &e.Actor, &e.Note); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *Store) addEvent(ctx context.Context, tx *sql.Tx, id int64, date, action string, from, to proposal.Status, actor, note string) error {
	if date == "" {
		date = s.Now().Format("2006-01-02")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO proposal_event(proposal_id, at, date, action, from_status, to_status, actor, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, s.Now().Format(time.RFC3339), date, action, string(from), string(to), actor, note)
	if err != nil {
		return fmt.Errorf("record proposal history: %w", err)
	}
	return nil
}

// ListAnswers returns a proposal's answers by round and unit.
func (s *Store) ListAnswers(ctx context.Context, id int64) ([]Answer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.proposal_id, a.unit_id, u.name, a.round, a.date, a.doc_no, a.contact,
		a.phone, a.class, a.face_to_face, a.note FROM answer a JOIN unit u ON u.id = a.unit_id
		WHERE a.proposal_id = ? ORDER BY a.round, a.id`, id)
	if err != nil {
		return nil, fmt.Errorf("list answers: %w", err)
	}
	defer rows.Close()
	var out []Answer
	for rows.Next() {
		var a Answer
		if err := rows.Scan(&a.ID, &a.ProposalID, &a.UnitID, &a.Unit, &a.Round, &a.Date, &a.DocNo, &a.Contact,
			&a.Phone, &a.Class, &a.FaceToFace, &a.Note); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ListRatings returns every verdict on a proposal by round and proposer.
func (s *Store) ListRatings(ctx context.Context, id int64) ([]Rating, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT proposal_id, seq, round, verdict, axes, date FROM rating
		WHERE proposal_id = ? ORDER BY round, seq`, id)
	if err != nil {
		return nil, fmt.Errorf("list ratings: %w", err)
	}
	defer rows.Close()
	var out []Rating
	for rows.Next() {
		var r Rating
		var axes string
		if err := rows.Scan(&r.ProposalID, &r.Seq, &r.Round, &r.Verdict, &axes, &r.Date); err != nil {
			return nil, err
		}
		r.Axes = parseAxes(axes)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Axes are stored as "办理过程=满意;办理结果=基本满意".
func parseAxes(s string) map[string]string {
	if s == "" {
		return nil
	}
	m := map[string]string{}
	for _, kv := range strings.Split(s, ";") {
		if k, v, ok := strings.Cut(kv, "="); ok {
			m[k] = v
		}
	}
	return m
}

func formatAxes(axes []string, m map[string]string) string {
	var parts []string
	for _, a := range axes {
		if v := m[a]; v != "" {
			parts = append(parts, a+"="+v)
		}
	}
	return strings.Join(parts, ";")
}
