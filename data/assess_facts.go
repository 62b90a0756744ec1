package data

import (
	"context"
	"fmt"
	"strconv"

	"zhengxie/data/assess"
	"zhengxie/data/proposal"
)

// AssessmentFacts loads a year's members (the term's roster, with exclusions
// from the setup) and their records: event attendance, speeches, 社情民意
// authors (tags 采用/采用:<level>/批示…), proposals submitted in the year
// (one record per roster proposer; tags 提交/立案/重点/优秀/转社情民意 …),
// awards, county records and adjustments. History is left empty.
//
// Shared things (a joint proposal, a 社情民意 with several authors) give
// every roster author a record with Position (their place among all
// authors, 1 = first) and Authors (all authors, names off the roster
// included), so splits follow the signing order of the document itself.
func (s *Store) AssessmentFacts(ctx context.Context, termID int64, year int) (assess.Facts, error) {
	return readValue(ctx, s, func(tx querier) (assess.Facts, error) {
		setup, err := assessmentSetup(ctx, tx, year)
		if err != nil {
			return assess.Facts{Year: year}, err
		}
		return assessmentFacts(ctx, tx, termID, year, setup.Excluded)
	})
}

// assessmentFacts is AssessmentFacts with the year's exclusions already read.
func assessmentFacts(ctx context.Context, q querier, termID int64, year int, excluded map[int64]string) (assess.Facts, error) {
	f := assess.Facts{Year: year, Records: map[int64][]assess.Record{}}
	ms, err := listMembers(ctx, q, MemberFilter{TermID: termID})
	if err != nil {
		return f, err
	}
	for _, m := range ms {
		f.Members = append(f.Members, assess.Member{ID: m.Membership.ID, PersonID: m.Person.ID, Name: m.Name,
			Sector: m.Sector, Party: m.Party, Committee: m.Committee, Group: m.Group, Role: m.Role,
			Standing: m.Standing, Status: m.Status, StatusDate: m.StatusDate, Excluded: excluded[m.Membership.ID]})
		f.Records[m.Membership.ID] = nil
	}
	add := func(id int64, r assess.Record) {
		if _, ok := f.Records[id]; ok {
			f.Records[id] = append(f.Records[id], r)
		}
	}
	from, to := strconv.Itoa(year)+"-01-01", strconv.Itoa(year)+"-12-31"
	for _, load := range []func(context.Context, querier, int64, string, string, func(int64, assess.Record)) error{
		activityFacts, proposalFacts,
	} {
		if err := load(ctx, q, termID, from, to, add); err != nil {
			return f, err
		}
	}
	adjs, err := listAdjustments(ctx, q, year)
	if err != nil {
		return f, err
	}
	for _, a := range adjs {
		add(a.MembershipID, assess.Record{ID: a.ID, Kind: assess.KindAdjust, Title: a.Reason, Date: a.Date,
			Points: a.Points, Authors: 1, Note: a.EnteredBy})
	}
	return f, nil
}

// factActivity is one activity of the year with what its records share.
type factActivity struct {
	rec     assess.Record
	authors []int64 // membership ids by seq (0 for names off the roster)
}

// activityFacts gives records for events (one per participant), speeches,
// 社情民意 (counted ones), awards and county records of the year.
func activityFacts(ctx context.Context, q querier, termID int64, from, to string, add func(int64, assess.Record)) error {
	acts, order, err := yearActivities(ctx, q, termID, from, to)
	if err != nil {
		return err
	}
	if err := adoptionTags(ctx, q, termID, from, to, acts); err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, `SELECT am.activity_id, coalesce(am.membership_id, 0), am.status, am.role
		FROM activity_member am JOIN activity a ON a.id = am.activity_id
		WHERE a.term_id = ? AND a.deleted_at IS NULL AND a.date BETWEEN ? AND ? ORDER BY am.activity_id, am.seq`,
		termID, from, to)
	if err != nil {
		return fmt.Errorf("assessment facts: %w", err)
	}
	defer rows.Close()
	type part struct{ status, role string }
	parts := map[int64][]part{}
	for rows.Next() {
		var id, mid int64
		var p part
		if err := rows.Scan(&id, &mid, &p.status, &p.role); err != nil {
			return fmt.Errorf("assessment facts: %w", err)
		}
		if a := acts[id]; a != nil {
			a.authors = append(a.authors, mid)
			parts[id] = append(parts[id], p)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range order {
		a := acts[id]
		for i, mid := range a.authors {
			if mid == 0 {
				continue
			}
			r := a.rec
			r.Authors = len(a.authors)
			if a.rec.Kind == assess.KindEvent {
				r.Status, r.Role, r.Authors = parts[id][i].status, parts[id][i].role, 1
			} else {
				r.Position = i + 1
				r.Role = authorRole(a.rec.Kind, i)
			}
			add(mid, r)
		}
	}
	return nil
}

// authorRole is the Role of the i-th (0-based) author of a shared record.
func authorRole(kind string, i int) string {
	if kind == assess.KindAward {
		return ""
	}
	if i == 0 {
		if kind == assess.KindInfo {
			return "第一作者"
		}
		return "第一署名"
	}
	return "联名"
}

func yearActivities(ctx context.Context, q querier, termID int64, from, to string) (map[int64]*factActivity, []int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, type, title, date, organizer, meeting, adopted, level, issue,
		source, counted FROM activity WHERE term_id = ? AND deleted_at IS NULL AND date BETWEEN ? AND ? ORDER BY date, id`,
		termID, from, to)
	if err != nil {
		return nil, nil, fmt.Errorf("assessment facts: %w", err)
	}
	defer rows.Close()
	acts := map[int64]*factActivity{}
	var order []int64
	for rows.Next() {
		var a Activity
		if err := rows.Scan(&a.ID, &a.Kind, &a.Type, &a.Title, &a.Date, &a.Organizer, &a.Meeting, &a.Adopted,
			&a.Level, &a.Issue, &a.Source, &a.Counted); err != nil {
			return nil, nil, fmt.Errorf("assessment facts: %w", err)
		}
		if a.Kind == ActInfo && !a.Counted {
			continue
		}
		r := assess.Record{ID: a.ID, Kind: a.Kind, Type: a.Type, Title: a.Title, Date: a.Date, Ref: a.Title}
		switch a.Kind {
		case ActSpeech:
			r.Level = a.Meeting
			if a.Adopted {
				r.Tags = append(r.Tags, assess.TagAdopted)
			}
		case ActAward:
			r.Level = a.Level
		case ActInfo:
			if a.Issue != "" {
				r.Tags = append(r.Tags, assess.TagIssued)
				r.Ref = IssueName(a.Issue)
			}
			if a.Source == SourceFromProposal {
				r.Tags = append(r.Tags, assess.TagFromProposal)
			}
		}
		acts[a.ID] = &factActivity{rec: r}
		order = append(order, a.ID)
	}
	return acts, order, rows.Err()
}

// adoptionTags adds 采用, 采用:<level>, 批示 and 批示:<level> to the 社情民意
// of the year and sets their Level to the highest adoption level.
func adoptionTags(ctx context.Context, q querier, termID int64, from, to string, acts map[int64]*factActivity) error {
	cfg, err := activityConfig(ctx, q)
	if err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, `SELECT ad.activity_id, ad.kind, ad.level FROM adoption ad
		JOIN activity a ON a.id = ad.activity_id
		WHERE a.term_id = ? AND a.deleted_at IS NULL AND a.date BETWEEN ? AND ? ORDER BY ad.activity_id, ad.seq`,
		termID, from, to)
	if err != nil {
		return fmt.Errorf("assessment facts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var kind, level string
		if err := rows.Scan(&id, &kind, &level); err != nil {
			return fmt.Errorf("assessment facts: %w", err)
		}
		a := acts[id]
		if a == nil {
			continue
		}
		tag := assess.TagAdopted
		if kind == AdoptKindInstruct {
			tag = assess.TagInstructed
		} else {
			a.rec.Level = highestLevel(cfg.AdoptLevels, []string{a.rec.Level, level})
		}
		a.rec.Tags = addTag(a.rec.Tags, tag)
		if level != "" {
			a.rec.Tags = addTag(a.rec.Tags, tag+":"+level)
		}
	}
	return rows.Err()
}

func addTag(tags []string, t string) []string {
	for _, x := range tags {
		if x == t {
			return tags
		}
	}
	return append(tags, t)
}

// proposalFacts gives one record per roster proposer of every proposal of
// the term submitted in the year (the session's first day when the
// submission date is not known).
func proposalFacts(ctx context.Context, q querier, termID int64, from, to string, add func(int64, assess.Record)) error {
	cfg, err := proposalConfig(ctx, q)
	if err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, `SELECT p.id, p.number, p.title, p.kind, p.proposer_type, p.status, p.disposition,
		p.key_tier, p.excellent_year, d.day, pr.seq, coalesce(pr.membership_id, 0),
		(SELECT count(*) FROM proposer x WHERE x.proposal_id = p.id)
		FROM (SELECT p.id, CASE WHEN p.submitted <> '' THEN p.submitted ELSE ss.start_date END AS day
			FROM proposal p JOIN session ss ON ss.id = p.session_id
			WHERE ss.term_id = ? AND p.deleted_at IS NULL) d
		JOIN proposal p ON p.id = d.id JOIN proposer pr ON pr.proposal_id = p.id
		WHERE d.day BETWEEN ? AND ? ORDER BY d.day, p.id, pr.seq`, termID, from, to)
	if err != nil {
		return fmt.Errorf("assessment facts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r assess.Record
		var number, excellent, seq, authors int
		var mid int64
		var kind, disposition, keyTier string
		if err := rows.Scan(&r.ID, &number, &r.Title, &kind, &r.Type, &r.Status, &disposition, &keyTier, &excellent,
			&r.Date, &seq, &mid, &authors); err != nil {
			return fmt.Errorf("assessment facts: %w", err)
		}
		if mid == 0 {
			continue
		}
		r.Kind, r.Position, r.Authors, r.Level = assess.KindProposal, seq, authors, keyTier
		r.Role = "联名"
		if seq == 1 {
			r.Role = "第一提案人"
		}
		r.Ref = "提案" + cfg.FormatNumber(number)
		r.Tags = proposalTags(proposal.Status(r.Status), kind, disposition, keyTier != "", excellent != 0)
		add(mid, r)
	}
	return rows.Err()
}

// proposalTags are the assessment tags of a proposal in a state.
func proposalTags(st proposal.Status, kind, disposition string, key, excellent bool) []string {
	var tags []string
	if st != proposal.Withdrawn {
		tags = append(tags, assess.TagSubmitted)
	}
	switch st {
	case proposal.Filed, proposal.Handling, proposal.Answered, proposal.Rehandled, proposal.Closed:
		tags = append(tags, assess.TagFiled)
	case proposal.Rejected:
		tags = append(tags, assess.TagRejected)
		if disposition == proposalToInfoDisp {
			tags = append(tags, assess.TagToInfo)
		}
	case proposal.Merged:
		tags = append(tags, assess.TagMerged)
	case proposal.Withdrawn:
		tags = append(tags, assess.TagWithdrawn)
	}
	if key {
		tags = append(tags, assess.TagKey)
	}
	if excellent {
		tags = append(tags, assess.TagExcellent)
	}
	switch kind {
	case "大会提案":
		tags = append(tags, assess.TagPlenary)
	case "平时提案":
		tags = append(tags, assess.TagRegular)
	}
	return tags
}
