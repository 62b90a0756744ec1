package composition_test

import (
	"math"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/composition"
)

type person struct {
	name, gender, ethnicity, birth, party, sector, education, status string
	standing, isNew, deleted                                         bool
}

func roster() []data.Member {
	deleted := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	ps := []person{
		{"张一", "男", "汉族", "1960-03", "中共", "中国共产党", "大学本科", "在任", true, false, false},
		{"李二", "女", "回族", "1985-07", "民盟", "民盟", "硕士研究生", "在任", false, true, false},
		{"王三", "男", "汉族", "1991-06", "群众", "经济界", "大专", "增补", false, true, false},
		{"赵四", "女", "满", "1970-01", "中共", "教育界", "中专", "在任", true, false, false},
		{"刘五", "男", "", "", "无党派", "无党派人士", "", "在任", false, false, false},
		{"陈六", "男", "汉", "1975-12", "", "医药卫生界", "大学", "在任", false, true, false},
		{"孙七", "女", "汉族", "1980-01", "中共", "教育界", "大学", "辞去", false, false, false},
		{"周八", "男", "汉族", "1966-06", "中共", "中国共产党", "大学", "在任", true, false, true},
		{"吴九", "女", "汉族", "1966-06", "民建", "特别邀请人士", "党校", "在任", false, false, false},
	}
	var out []data.Member
	for _, p := range ps {
		var m data.Member
		m.Name, m.Gender, m.Ethnicity, m.Birth, m.Party, m.Sector = p.name, p.gender, p.ethnicity, p.birth, p.party, p.sector
		m.Education, m.Status, m.Standing, m.IsNew = p.education, p.status, p.standing, p.isNew
		if p.deleted {
			m.DeletedAt = &deleted
		}
		out = append(out, m)
	}
	return out
}

func options() composition.Options {
	return composition.Options{
		AsOf:        time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC),
		SectorOrder: []string{"中国共产党", "民盟", "经济界", "教育界", "无党派人士", "医药卫生界", "农业界"},
		PartyOrder:  []string{"中共", "民盟", "民建", "无党派", "群众", "台盟"},
	}
}

type row struct {
	label string
	n     int
}

func TestComputeTotals(t *testing.T) {
	st := composition.Compute(roster(), options())
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"Total (active, not deleted)", st.Total, 7},
		{"Standing", st.Standing, 2},
		{"Women", st.Women, 3},
		{"Minority", st.Minority, 2},
		{"New", st.New, 3},
		{"CPC", st.CPC, 2},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	// Ages at 2026-06-15: 66, 40, 35, 56, 50, 60 (one unknown).
	if want := 307.0 / 6; math.Abs(st.AverageAge-want) > 1e-9 {
		t.Errorf("AverageAge = %v, want %v", st.AverageAge, want)
	}
}

func TestComputeTables(t *testing.T) {
	st := composition.Compute(roster(), options())
	tests := []struct {
		title string
		want  []row
	}{
		{composition.TitleSector, []row{{"中国共产党", 1}, {"民盟", 1}, {"经济界", 1}, {"教育界", 1}, {"无党派人士", 1},
			{"医药卫生界", 1}, {"农业界", 0}, {"特别邀请人士", 1}}},
		{composition.TitleParty, []row{{"中共", 2}, {"民盟", 1}, {"民建", 1}, {"无党派", 1}, {"群众", 1}, {"台盟", 0},
			{"未填", 1}}},
		{composition.TitleGender, []row{{"男", 4}, {"女", 3}}},
		{composition.TitleEthnicity, []row{{"汉族", 4}, {"少数民族", 2}, {"未填", 1}}},
		{composition.TitleMinorities, []row{{"回族", 1}, {"满族", 1}}},
		{composition.TitleAge, []row{{"35岁及以下", 1}, {"36—45岁", 1}, {"46—55岁", 1}, {"56—60岁", 2},
			{"61岁及以上", 1}, {"未填", 1}}},
		{composition.TitleEducation, []row{{"研究生", 1}, {"大学", 2}, {"大专", 1}, {"中专及以下", 1}, {"其他", 1},
			{"未填", 1}}},
		{composition.TitleCPC, []row{{"中共党员", 2}, {"非中共", 4}, {"未填", 1}}},
		{composition.TitleStanding, []row{{"常委", 2}, {"委员", 5}}},
		{composition.TitleNew, []row{{"新委员", 3}, {"连任委员", 4}}},
	}
	if len(st.Tables) != len(tests) {
		t.Errorf("got %d tables, want %d", len(st.Tables), len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			tb, ok := st.Table(tc.title)
			if !ok {
				t.Fatalf("table %q missing", tc.title)
			}
			if len(tb.Rows) != len(tc.want) {
				t.Fatalf("rows = %v, want %v", tb.Rows, tc.want)
			}
			for i, w := range tc.want {
				got := tb.Rows[i]
				if got.Label != w.label || got.N != w.n {
					t.Errorf("row %d = %s %d, want %s %d", i, got.Label, got.N, w.label, w.n)
				}
				if want := float64(w.n) / 7; math.Abs(got.Share-want) > 1e-9 {
					t.Errorf("row %s share = %v, want %v", w.label, got.Share, want)
				}
			}
		})
	}
}

func TestComputeEmptyRosterHasZeroShares(t *testing.T) {
	st := composition.Compute(nil, options())
	if st.Total != 0 || st.AverageAge != 0 {
		t.Fatalf("empty roster: Total %d, AverageAge %v", st.Total, st.AverageAge)
	}
	tb, _ := st.Table(composition.TitleSector)
	if len(tb.Rows) != len(options().SectorOrder) {
		t.Errorf("sector table of an empty roster should list every sector, got %v", tb.Rows)
	}
	for _, tb := range st.Tables {
		for _, r := range tb.Rows {
			if r.N != 0 || r.Share != 0 || math.IsNaN(r.Share) {
				t.Errorf("%s %s = %d (%v), want 0", tb.Title, r.Label, r.N, r.Share)
			}
		}
	}
}

func TestAge(t *testing.T) {
	asOf := time.Date(2021, 6, 30, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		birth string
		want  int
		ok    bool
	}{
		{"1986-06", 35, true}, // birthday month reached
		{"1986-07", 34, true},
		{"1956-01", 65, true},
		{"", 0, false},
		{"1986", 0, false},
		{"1986-13", 0, false},
		{"abcd-ef", 0, false},
		{"2030-01", 0, false},
	}
	for _, tc := range tests {
		got, ok := composition.Age(tc.birth, asOf)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Age(%q) = %d, %v; want %d, %v", tc.birth, got, ok, tc.want, tc.ok)
		}
	}
}

func TestEducationBand(t *testing.T) {
	tests := map[string]string{
		"研究生": "研究生", "博士研究生": "研究生", "在职硕士": "研究生",
		"大学": "大学", "大学本科": "大学", "本科": "大学",
		"大专": "大专", "大学专科": "大专", "专科": "大专",
		"中专": "中专及以下", "高中": "中专及以下", "初中": "中专及以下", "小学": "中专及以下",
		"": "未填", "  ": "未填", "党校": "其他",
	}
	for in, want := range tests {
		if got := composition.EducationBand(in); got != want {
			t.Errorf("EducationBand(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsCPC(t *testing.T) {
	for _, p := range []string{"中共", "中共党员", "中共预备党员", "中国共产党", " 中共 "} {
		if !composition.IsCPC(p) {
			t.Errorf("IsCPC(%q) = false", p)
		}
	}
	for _, p := range []string{"", "群众", "民盟", "无党派", "中国国民党革命委员会"} {
		if composition.IsCPC(p) {
			t.Errorf("IsCPC(%q) = true", p)
		}
	}
}
