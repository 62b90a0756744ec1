package data_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/data/proposal"
)

// archiveFixture is three members with a year of records and a rule set
// chosen for 2025.
func archiveFixture(t *testing.T) *proposalFixture {
	f := newProposalFixture(t)
	f.activity(data.Activity{Kind: data.ActEvent, Type: "全体会议", Title: "十一届五次全体会议", Date: "2025-01-10",
		Members: []data.Attendee{f.att(0, data.AttPresent), f.att(1, data.AttLeave), f.att(2, data.AttAbsent)}})
	f.activity(data.Activity{Kind: data.ActEvent, Type: "常委会议", Title: "第二十次常委会议", Date: "2025-03-10",
		Members: []data.Attendee{f.att(0, data.AttLate), f.att(1, data.AttPresent)}})
	f.activity(data.Activity{Kind: data.ActEvent, Type: "调研", Title: "农村饮水安全调研", Date: "2025-04-02",
		Members: []data.Attendee{f.att(1, data.AttPresent), {MembershipID: f.members[0].Membership.ID, Status: data.AttPresent, Role: "执笔"}}})
	gone := f.activity(data.Activity{Kind: data.ActEvent, Type: "视察", Title: "删除的视察", Date: "2025-05-10",
		Members: []data.Attendee{f.att(0, data.AttPresent)}})
	if err := f.s.DeleteActivity(f.ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	f.activity(data.Activity{Kind: data.ActInfo, Title: "关于农村饮水的建议", Date: "2025-03-02", Issue: "12",
		Members:   []data.Attendee{{MembershipID: f.members[1].Membership.ID}, {MembershipID: f.members[0].Membership.ID}},
		Adoptions: []data.Adoption{{Kind: "采用", Level: "市政协"}, {Kind: "批示", Level: "县", Leader: "县长"}}})
	f.activity(data.Activity{Kind: data.ActAward, Type: "表彰", Level: "县", Title: "优秀政协委员", Date: "2025-12-20",
		Members: []data.Attendee{f.att(0, "")}})
	f.activity(data.Activity{Kind: data.ActSpeech, Type: "书面发言", Meeting: "全体会议", Title: "推动县域物流发展",
		Date: "2025-01-11", Members: []data.Attendee{f.att(0, "")}})
	joint := f.add("关于发展县域物流的建议", 2, 0)
	f.do(joint.ID, data.Step{Action: proposal.ActFile})
	f.add("关于整治城区噪声的建议", 2)
	st := data.StoredRuleSet{Year: 2025, Rules: lowRules("清河县委员履职考核")}
	if err := f.s.SaveRuleSet(f.ctx, &st); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SaveAssessmentSetup(f.ctx, data.AssessmentSetup{Year: 2025, RuleSetID: st.ID}); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestMemberArchiveGathersTheTermsRecords(t *testing.T) {
	f := archiveFixture(t)
	a, err := f.s.MemberArchive(f.ctx, f.members[0].Membership.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Member.Name != "张明" || a.Term.Number != 11 || len(a.Terms) != 1 {
		t.Fatalf("member %s, term %d, terms %v", a.Member.Name, a.Term.Number, a.Terms)
	}
	wantAtt := []data.AttendanceCount{
		{Year: 2025, Type: "全体会议", Total: 1, Present: 1},
		{Year: 2025, Type: "常委会议", Total: 1, Present: 1, Late: 1},
		{Year: 2025, Type: "调研", Total: 1, Present: 1},
	}
	if !reflect.DeepEqual(a.Attendance, wantAtt) {
		t.Fatalf("attendance\n got %+v\nwant %+v", a.Attendance, wantAtt)
	}
	// Meetings are only counted; the 调研 is listed with the member's role;
	// the deleted 视察 is nowhere.
	if len(a.Events) != 1 || a.Events[0].Title != "农村饮水安全调研" || a.Events[0].Role != "执笔" || a.Events[0].Position != 2 {
		t.Fatalf("events %+v", a.Events)
	}
	if len(a.Infos) != 1 || a.Infos[0].Role != data.RoleCoAuthor || a.Infos[0].Issue != "12" || len(a.Infos[0].Adoptions) != 2 {
		t.Fatalf("infos %+v", a.Infos)
	}
	if len(a.Awards) != 1 || a.Awards[0].Title != "优秀政协委员" || len(a.Speeches) != 1 || len(a.Records) != 0 {
		t.Fatalf("awards %+v speeches %+v records %+v", a.Awards, a.Speeches, a.Records)
	}
	if len(a.Proposals) != 1 || a.Proposals[0].Role != data.RoleCoProposer || a.Proposals[0].Session != 5 ||
		a.Proposals[0].Status != proposal.Filed || a.Proposals[0].Title != "关于发展县域物流的建议" {
		t.Fatalf("proposals %+v", a.Proposals)
	}
	// 10 points per event attended in the rule set: 全体会议, 常委会议 (迟到 is not 出席), 调研.
	if len(a.Years) != 1 || a.Years[0].Year != 2025 || a.Years[0].Assessed != 3 ||
		a.Years[0].Result.Total != assess.Int(20) || a.Years[0].Result.Rank != 1 || a.Years[0].RuleSet.Name != "清河县委员履职考核" {
		t.Fatalf("years %+v", a.Years)
	}

	wang, err := f.s.MemberArchive(f.ctx, f.members[2].Membership.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(wang.Proposals) != 2 || wang.Proposals[0].Role != data.RoleFirstProposer || wang.Attendance[0].Absent != 1 {
		t.Fatalf("王强: proposals %+v attendance %+v", wang.Proposals, wang.Attendance)
	}
}

func TestArchiveBookCutsTheSameArchivesAsOneByOne(t *testing.T) {
	f := archiveFixture(t)
	book, err := f.s.LoadArchiveBook(f.ctx, f.session.TermID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(book.Members) != 3 {
		t.Fatalf("%d members", len(book.Members))
	}
	for _, m := range book.Members {
		one, err := f.s.MemberArchive(f.ctx, m.Membership.ID)
		if err != nil {
			t.Fatal(err)
		}
		if all := book.Archive(m); !reflect.DeepEqual(all, one) {
			t.Errorf("%s: the batch archive differs from the single one\n%+v\n%+v", m.Name, all, one)
		}
	}
}

func TestArchiveBookStopsWhenCancelledAndRefusesAnotherTermsMember(t *testing.T) {
	f := archiveFixture(t)
	ctx, cancel := context.WithCancel(f.ctx)
	cancel()
	if _, err := f.s.LoadArchiveBook(ctx, f.session.TermID, 0); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	next, err := f.s.CreateTerm(f.ctx, data.Term{Number: 12, StartYear: 2027, EndYear: 2031})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.s.LoadArchiveBook(f.ctx, next.ID, f.members[0].Membership.ID)
	if msg := data.UserMessage(err); !strings.Contains(msg, "张明") || !strings.Contains(msg, "第十二届") {
		t.Fatalf("another term's member: %v", err)
	}
}
