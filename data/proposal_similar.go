package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"zhengxie/data/similar"
)

// SimilarProposal is an earlier proposal resembling one being entered.
type SimilarProposal struct {
	Proposal
	Score   float64 // 0…1, see docs/similarity.md
	Level   string  // 高度相似 / 较为相似 / 略有相似
	Session string  // e.g. 十一届五次会议
}

// similarCandidates is how many full-text hits are re-scored.
const similarCandidates = 300

// SimilarProposals finds the proposals of any year most like the given
// text: distinctive three-character strings of it select up to 300
// candidates through the trigram index (best bm25 first), which are then
// scored by data/similar. Results below "略有相似" are left out; the
// proposal being edited (excludeID) and deleted ones never appear.
func (s *Store) SimilarProposals(ctx context.Context, title, body string, excludeID int64, limit int) ([]SimilarProposal, error) {
	doc := similar.Doc{Title: title, Body: body}
	grams := similar.QueryGrams(doc, 12)
	if len(grams) == 0 {
		return nil, nil
	}
	q := make([]string, len(grams))
	for i, g := range grams {
		q[i] = ftsPhrase(g)
	}
	var out []SimilarProposal
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var ids []int64
		var docs []similar.Prepared
		err := eachRow(ctx, tx, `SELECT p.id, p.title, p.body FROM proposal_fts f JOIN proposal p ON p.id = f.rowid
			WHERE proposal_fts MATCH ? AND p.id <> ? AND p.deleted_at IS NULL
			ORDER BY bm25(proposal_fts) LIMIT ?`, []any{strings.Join(q, " OR "), excludeID, similarCandidates},
			func(scan func(...any) error) error {
				var id int64
				var d similar.Doc
				if err := scan(&id, &d.Title, &d.Body); err != nil {
					return err
				}
				ids = append(ids, id)
				docs = append(docs, similar.Prepare(d))
				return nil
			})
		if err != nil {
			return err
		}
		for _, m := range similar.Top(similar.Prepare(doc), docs, limit, similar.LowLevel) {
			p, err := s.getProposal(ctx, tx, ids[m.Index])
			if err != nil {
				return err
			}
			var term, session int
			if err := tx.QueryRowContext(ctx, "SELECT t.number, s.number FROM session s JOIN term t ON t.id = s.term_id WHERE s.id = ?",
				p.SessionID).Scan(&term, &session); err != nil {
				return err
			}
			out = append(out, SimilarProposal{Proposal: p, Score: m.Score, Level: similar.Level(m.Score),
				Session: ChineseNumber(term) + "届" + ChineseNumber(session) + "次会议"})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("similar proposals: %w", err)
	}
	return out, nil
}
