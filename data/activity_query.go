package data

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ListActivities lists activities newest first.
func (s *Store) ListActivities(ctx context.Context, f ActivityFilter) ([]ActivitySummary, error) {
	return readValue(ctx, s, func(tx querier) ([]ActivitySummary, error) { return listActivities(ctx, tx, f) })
}

func listActivities(ctx context.Context, db querier, f ActivityFilter) ([]ActivitySummary, error) {
	cfg, err := activityConfig(ctx, db)
	if err != nil {
		return nil, err
	}
	var where []string
	var args []any
	cond := func(c string, v ...any) { where = append(where, c); args = append(args, v...) }
	if f.Deleted {
		cond("a.deleted_at IS NOT NULL")
	} else {
		cond("a.deleted_at IS NULL")
	}
	if f.TermID != 0 {
		cond("a.term_id = ?", f.TermID)
	}
	if f.Kind != "" {
		cond("a.kind = ?", f.Kind)
	}
	if f.Type != "" {
		cond("a.type = ?", f.Type)
	}
	if f.Year != 0 {
		y := strconv.Itoa(f.Year)
		cond("a.date BETWEEN ? AND ?", y+"-01-01", y+"-12-31")
	}
	if f.MembershipID != 0 {
		cond("a.id IN (SELECT activity_id FROM activity_member WHERE membership_id = ?)", f.MembershipID)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		like := likeContains(q)
		cond(`(a.title LIKE ? ESCAPE '\' OR a.organizer LIKE ? ESCAPE '\' OR EXISTS (SELECT 1 FROM activity_member am
			WHERE am.activity_id = a.id AND am.name LIKE ? ESCAPE '\'))`, like, like, like)
	}
	q := `SELECT a.id, a.kind, a.type, a.title, a.date, a.organizer, a.adopted, a.issue, coalesce(a.deleted_at, ''),
		(SELECT count(*) FROM activity_member am WHERE am.activity_id = a.id),
		(SELECT count(*) FROM activity_member am WHERE am.activity_id = a.id
			AND am.status IN ('请假(已批准)', '请假(未批准)', '缺席(无故)')),
		coalesce((SELECT group_concat(am.name, '、') FROM activity_member am WHERE am.activity_id = a.id AND am.seq <= 3), ''),
		coalesce((SELECT group_concat(ad.level, char(31)) FROM adoption ad WHERE ad.activity_id = a.id AND ad.kind = '采用'), '')
		FROM activity a WHERE ` + strings.Join(where, " AND ") + " ORDER BY a.date DESC, a.id DESC"
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list activities: %w", err)
	}
	defer rows.Close()
	var out []ActivitySummary
	for rows.Next() {
		var x ActivitySummary
		var adopted bool
		var names, levels string
		if err := rows.Scan(&x.ID, &x.Kind, &x.Type, &x.Title, &x.Date, &x.Organizer, &adopted, &x.Issue, &x.DeletedAt,
			&x.Count, &x.Absent, &names, &levels); err != nil {
			return nil, fmt.Errorf("list activities: %w", err)
		}
		x.Names = names
		if x.Count > 3 {
			x.Names = fmt.Sprintf("%s等%d人", names, x.Count)
		}
		switch {
		case x.Kind == ActSpeech && adopted:
			x.Adopted = AdoptKindAdopt
		case levels != "":
			x.Adopted = highestLevel(cfg.AdoptLevels, strings.Split(levels, "\x1f"))
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// highestLevel is the level latest in order (the configured lists go from
// lowest to highest); a level not in the list ranks lowest.
func highestLevel(order, levels []string) string {
	best, bestRank := "", -2
	for _, l := range levels {
		if r := slices.Index(order, l); r > bestRank {
			best, bestRank = l, r
		}
	}
	return best
}

// Pick kinds for PickMembers besides the catalog kinds (KindSector,
// KindCommittee, KindGroup, KindParty).
const (
	PickAll      = "all"      // every active member of the term
	PickStanding = "standing" // all 常委
)

// PickMembers returns the term's active members of a whole 界别/专委会/活动组
// (kind = catalog kind, name = its name), all 常委 or everyone, in roster
// order, as attendees with Status 出席 — the quick way to fill an event.
func (s *Store) PickMembers(ctx context.Context, termID int64, kind, name string) ([]Attendee, error) {
	f := MemberFilter{TermID: termID, ActiveOnly: true}
	switch kind {
	case PickAll:
	case PickStanding:
		f.StandingOnly = true
	case KindSector:
		f.Sector = name
	case KindParty:
		f.Party = name
	case KindCommittee:
		f.Committee = name
	case KindGroup:
		f.Group = name
	default:
		return nil, fmt.Errorf("pick members: unknown kind %q", kind)
	}
	if kind != PickAll && kind != PickStanding && name == "" {
		return nil, Invalid(KindLabel(kind), "请选择")
	}
	ms, err := s.ListMembers(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]Attendee, len(ms))
	for i, m := range ms {
		out[i] = Attendee{MembershipID: m.Membership.ID, Name: m.Name, Status: AttPresent}
	}
	return out, nil
}
