package data

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"zhengxie/data/proposal"
)

// GetProposal returns one proposal with proposers, units, class and verdicts.
func (s *Store) GetProposal(ctx context.Context, id int64) (Proposal, error) {
	var p Proposal
	err := s.read(ctx, func(tx querier) (err error) {
		p, err = s.getProposal(ctx, tx, id)
		return err
	})
	return p, err
}

func (s *Store) getProposal(ctx context.Context, q querier, id int64) (Proposal, error) {
	ps, err := s.queryProposals(ctx, q, "p.id = ?", []any{id})
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
	return readValue(ctx, s, func(tx querier) ([]Proposal, error) { return s.listProposals(ctx, tx, f) })
}

func (s *Store) listProposals(ctx context.Context, q querier, f ProposalFilter) ([]Proposal, error) {
	where, args := proposalWhere(f)
	out, err := s.queryProposals(ctx, q, where, args)
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
		add(`p.id IN (SELECT proposal_id FROM proposer WHERE name LIKE ? ESCAPE '\')`, likeContains(f.Proposer))
	}
	if f.KeyOnly {
		add("p.key_tier <> ''")
	}
	if f.OverdueOn != "" {
		add("p.status IN (?, ?) AND p.deadline <> '' AND p.deadline < ?", string(proposal.Handling), string(proposal.Rehandled), f.OverdueOn)
	}
	for _, term := range strings.Fields(f.Query) {
		like := likeContains(term)
		text := `p.title LIKE ? ESCAPE '\' OR p.body LIKE ? ESCAPE '\'`
		textArgs := []any{like, like}
		if len([]rune(term)) >= 3 {
			text = "p.id IN (SELECT rowid FROM proposal_fts WHERE proposal_fts MATCH ?)"
			textArgs = []any{ftsPhrase(term)}
		}
		add("("+text+` OR p.id IN (SELECT proposal_id FROM proposer WHERE name LIKE ? ESCAPE '\')`+
			` OR p.id IN (SELECT proposal_id FROM assignment WHERE unit_id IN (SELECT id FROM unit WHERE name LIKE ? ESCAPE '\')))`,
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
func (s *Store) queryProposals(ctx context.Context, tx querier, where string, args []any) ([]Proposal, error) {
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
	// The related rows are looked up by the ids just found rather than by
	// running the filter again: a search's LIKE over proposer and unit
	// names would otherwise scan those tables once per query below.
	ids, args := "SELECT value FROM json_each(?)", []any{idArray(out)}
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

// idArray is the proposals' ids as a JSON array, for json_each.
func idArray(ps []Proposal) string {
	b := make([]byte, 0, 8*len(ps)+2)
	b = append(b, '[')
	for i, p := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, p.ID, 10)
	}
	return string(append(b, ']'))
}

func eachRow(ctx context.Context, tx querier, q string, args []any, fn func(scan func(...any) error) error) error {
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
