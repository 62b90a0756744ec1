package composition

import (
	"strconv"
	"strings"
	"time"
)

// Age is the age in whole years at asOf of someone born in the month
// birth ("YYYY-MM"). The birthday is taken as reached within its month.
func Age(birth string, asOf time.Time) (int, bool) {
	birth = strings.TrimSpace(birth)
	if len(birth) < 7 || birth[4] != '-' {
		return 0, false
	}
	y, err1 := strconv.Atoi(birth[:4])
	m, err2 := strconv.Atoi(birth[5:7])
	if err1 != nil || err2 != nil || m < 1 || m > 12 {
		return 0, false
	}
	a := asOf.Year() - y
	if int(asOf.Month()) < m {
		a--
	}
	if a < 0 || a > 150 {
		return 0, false
	}
	return a, true
}

func ageBand(a int) string {
	switch {
	case a <= 35:
		return AgeBands[0]
	case a <= 45:
		return AgeBands[1]
	case a <= 55:
		return AgeBands[2]
	case a <= 60:
		return AgeBands[3]
	}
	return AgeBands[4]
}

// EducationBand maps a 学历 as rosters write it ("大学本科", "硕士研究生",
// "中专", "高中", ...) to one of EducationBands, 未填 or 其他.
func EducationBand(e string) string {
	e = strings.TrimSpace(e)
	switch {
	case e == "":
		return LabelMissing
	case containsAny(e, "研究生", "博士", "硕士"):
		return EducationBands[0]
	case containsAny(e, "大专", "专科"):
		return EducationBands[2]
	case containsAny(e, "大学", "本科"):
		return EducationBands[1]
	case containsAny(e, "中专", "中技", "技校", "职高", "中师", "高中", "初中", "小学", "中学"):
		return EducationBands[3]
	}
	return LabelOther
}

// IsCPC reports whether a 党派 value means a member of the Communist Party
// of China ("中共", "中共党员", "中共预备党员", "中国共产党").
func IsCPC(party string) bool {
	p := strings.TrimSpace(party)
	return strings.HasPrefix(p, "中共") || strings.HasPrefix(p, "中国共产党") || p == "共产党员"
}

// ethnicGroup normalises a 民族: 汉族, 未填, or the minority's name ending
// in 族 ("回" → "回族").
func ethnicGroup(e string) string {
	e = strings.TrimSpace(e)
	switch {
	case e == "":
		return LabelMissing
	case e == "汉" || e == LabelHan:
		return LabelHan
	case !strings.HasSuffix(e, "族"):
		return e + "族"
	}
	return e
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}
