package rules

import (
	"strings"
	"testing"

	"zhengxie/data/assess"
)

// Scenario tests for the shipped presets: a few members with hand-built
// records, every expected number worked out by hand in the comments from
// the preset file and its source document (never pasted from a run).

// scenario builds Facts member by member.
type scenario struct {
	t     *testing.T
	facts assess.Facts
	ids   map[string]int64
	next  int64 // record ids, so same-day records keep entry order
}

func newScenario(t *testing.T, year int) *scenario {
	return &scenario{t: t, facts: assess.Facts{Year: year, Records: map[int64][]assess.Record{}, History: map[int64][]assess.Past{}}, ids: map[string]int64{}}
}

// member adds a member; role "常委" makes a standing member.
func (s *scenario) member(name, role string) int64 {
	id := int64(len(s.facts.Members) + 1)
	s.facts.Members = append(s.facts.Members, assess.Member{
		ID: id, PersonID: 100 + id, Name: name, Role: role, Standing: role == "常委", Status: "在任",
	})
	s.ids[name] = id
	return id
}

func (s *scenario) add(name string, r assess.Record) {
	id, ok := s.ids[name]
	if !ok {
		s.t.Fatalf("no member %s", name)
	}
	s.next++
	r.ID = s.next
	if r.Authors == 0 {
		r.Authors = 1
	}
	s.facts.Records[id] = append(s.facts.Records[id], r)
}

// event: one attendance record.
func (s *scenario) event(name, typ, status, date, title string) {
	s.add(name, assess.Record{Kind: assess.KindEvent, Type: typ, Status: status, Date: date, Title: title})
}

// proposal: the member's part in a proposal; pos 1 is the 第一提案人.
func (s *scenario) proposal(name, ref string, pos, authors int, date, title string, tags ...string) {
	role, typ := "第一提案人", "委员个人"
	if pos > 1 {
		role = "联名"
	}
	if authors > 1 {
		typ = "委员联名"
	}
	status := "立案"
	if !strings.Contains(strings.Join(tags, ","), "立案") {
		status = "不予立案"
	}
	s.add(name, assess.Record{Kind: assess.KindProposal, Type: typ, Status: status, Role: role, Position: pos, Authors: authors,
		Ref: ref, Title: title, Date: date, Tags: tags})
}

// info: the member's part in a 社情民意 (pos 1 = 第一作者).
func (s *scenario) info(name string, pos, authors int, date, title string, tags ...string) {
	role := "第一作者"
	if pos > 1 {
		role = "联名"
	}
	s.add(name, assess.Record{Kind: assess.KindInfo, Role: role, Position: pos, Authors: authors, Title: title, Date: date, Tags: tags})
}

func (s *scenario) speech(name, form, meeting, date, title string) {
	s.add(name, assess.Record{Kind: assess.KindSpeech, Type: form, Level: meeting, Date: date, Title: title, Position: 1})
}

// evaluate runs the engine and indexes the results by name.
func (s *scenario) evaluate(rs assess.RuleSet) map[string]assess.MemberResult {
	s.t.Helper()
	res, err := assess.Evaluate(rs, s.facts)
	if err != nil {
		s.t.Fatal(err)
	}
	out := map[string]assess.MemberResult{}
	for _, m := range res.Members {
		out[m.Member.Name] = m
	}
	return out
}

// want is one member's expected result: item points in rule-set order
// (exact values such as "20/3"), the total and the grade.
type want struct {
	items []string
	total string
	grade string
}

func checkMember(t *testing.T, res map[string]assess.MemberResult, name string, w want) {
	t.Helper()
	m, ok := res[name]
	if !ok {
		t.Fatalf("%s not in the result", name)
	}
	if m.Excluded != "" {
		t.Fatalf("%s excluded: %s", name, m.Excluded)
	}
	if len(m.Items) != len(w.items) {
		t.Fatalf("%s: %d items, want %d", name, len(m.Items), len(w.items))
	}
	for i, s := range w.items {
		if got := m.Items[i].Final; got.Cmp(mustPoints(t, s)) != 0 {
			t.Errorf("%s, item %s: got %s, want %s\n%s", name, m.Items[i].Name, got.Exact(), s, strings.Join(m.Explain(2), "\n"))
		}
	}
	if m.Total.Cmp(mustPoints(t, w.total)) != 0 {
		t.Errorf("%s: total %s, want %s\n%s", name, m.Total.Exact(), w.total, strings.Join(m.Explain(2), "\n"))
	}
	if m.Grade != w.grade {
		t.Errorf("%s: grade %q, want %q", name, m.Grade, w.grade)
	}
}

func mustPoints(t *testing.T, s string) assess.Points {
	t.Helper()
	p, err := assess.ParsePoints(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func preset(t *testing.T, name string) assess.RuleSet {
	t.Helper()
	all, err := Presets()
	if err != nil {
		t.Fatal(err)
	}
	for _, rs := range all {
		if rs.Name == name {
			return rs
		}
	}
	t.Fatalf("no preset %s", name)
	return assess.RuleSet{}
}

// countyRecord is a county record (kind record) of one author.
func countyRecord(kind, typ, date, title string) assess.Record {
	return assess.Record{Kind: kind, Type: typ, Date: date, Title: title, Position: 1, Authors: 1}
}
