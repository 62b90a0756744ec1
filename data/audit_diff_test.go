package data

import (
	"reflect"
	"testing"
)

func TestDiffFieldsListsOnlyChangedFieldsInTableOrder(t *testing.T) {
	base := Member{}
	base.Name, base.Phone, base.IDNumber, base.Sector = "张三", "13812345678", "340102197001011234", "教育界"
	tests := []struct {
		name   string
		change func(*Member)
		want   []FieldChange
	}{
		{"nothing", func(*Member) {}, nil},
		{"one field", func(m *Member) { m.Sector = "经济界" },
			[]FieldChange{{"界别", "教育界", "经济界"}}},
		{"numbers masked", func(m *Member) { m.Phone, m.IDNumber = "13900001111", "34010219700101567X" },
			[]FieldChange{{"身份证号", "3401**********1234", "3401**********567X"}, {"联系电话", "138****5678", "139****1111"}}},
		{"flag and order", func(m *Member) { m.Note, m.Standing, m.Name = "新", true, "张叁" },
			[]FieldChange{{"姓名", "张三", "张叁"}, {"是否常委", "否", "是"}, {"备注", "", "新"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			after := base
			tt.change(&after)
			if got := diffFields(memberAuditFields, base, after); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDiffFieldsOfTermsAndActivities(t *testing.T) {
	got := diffFields(termAuditFields, Term{Number: 11, StartYear: 2021, EndYear: 2026}, Term{Number: 11, StartYear: 2021, EndYear: 2027})
	if want := []FieldChange{{"结束年", "2026", "2027"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("term: %v", got)
	}
	a := Activity{Title: "调研", Members: []Attendee{{Name: "张三", Status: "出席"}}}
	b := a
	b.Members = append([]Attendee{}, a.Members...)
	b.Members = append(b.Members, Attendee{Name: "李四", Status: "请假"})
	got = diffFields(activityAuditFields, a, b)
	if want := []FieldChange{{"参加人", "张三（出席）", "张三（出席）、李四（请假）"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("activity: %v", got)
	}
}

func TestDiffFieldsLeavesOutLongTexts(t *testing.T) {
	a := Proposal{Title: "关于饮水安全的建议", Body: "原文"}
	b := a
	b.Body = "改过的正文"
	if got, want := diffFields(proposalAuditFields, a, b), []FieldChange{{Field: "正文已修改"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestFieldChangeReads(t *testing.T) {
	for _, tt := range []struct {
		c    FieldChange
		want string
	}{
		{FieldChange{"界别", "教育界", "经济界"}, "界别：“教育界”改为“经济界”"},
		{FieldChange{"备注", "", "新"}, "备注：（空）改为“新”"},
		{FieldChange{"备注", "旧", ""}, "备注：“旧”改为（空）"},
		{FieldChange{Field: "规则内容已修改"}, "规则内容已修改"},
	} {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.c, got, tt.want)
		}
	}
}
