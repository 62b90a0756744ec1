// Package validate holds the pure checks and normalisers for member data:
// 身份证号 (GB 11643), phone numbers, and the many ways a date is written in
// the sheets county offices keep. Every function trims its input and treats
// an empty value as valid (callers decide what is required). Messages are
// Chinese and do not name the field: callers add the field label.
package validate

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// IDInfo is what a valid 身份证号 tells.
type IDInfo struct {
	Number string // normalised 18-character number, upper-case X
	Birth  string // "YYYY-MM-DD"
	Gender string // "男" or "女"
}

// now is the clock for "birth date in the future"; tests may replace it.
var now = time.Now

// provinces are the first two digits of real GB/T 2260 codes, plus 81 and
// 82 (Hong Kong and Macao) and 83 (residence permits of Taiwan residents).
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// CheckDigit computes the GB 11643 (ISO 7064 MOD 11-2) check character of
// the first 17 digits of a 身份证号. first17 must hold at least 17 ASCII
// digits.
func CheckDigit(first17 string) byte {
	sum := 0
	for i := range 17 {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// clean trims s, drops invisible characters and the apostrophe Excel users
// type to force text, and maps full-width digits, letters and punctuation
// to ASCII.
func clean(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r >= 'Ａ' && r <= 'Ｚ':
			r = r - 'Ａ' + 'A'
		case r >= 'ａ' && r <= 'ｚ':
			r = r - 'ａ' + 'a'
		case r == '．' || r == '。':
			r = '.'
		case r == '－' || r == '—' || r == '–' || r == '‐' || r == '−':
			r = '-'
		case r == '／':
			r = '/'
		case r == '＋':
			r = '+'
		case r == '：':
			r = ':'
		case r == '\u3000' || r == '\u00a0':
			r = ' '
		case r == '\ufeff' || r == '\u200b' || r == '\u200c' || r == '\u200d':
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(b.String()), "'‘’`"))
}

var (
	// sciNotation is how Excel shows a long number stored as a number.
	sciNotation = regexp.MustCompile(`^\d+(\.\d+)?[eE]\+?\d+$`)
	// dotZero is what a whole number stored as a number gains on export.
	dotZero = regexp.MustCompile(`\.0+$`)
)

// IDCard normalises and checks a 身份证号: full-width characters, a
// lower-case x, inner spaces and hyphens and a trailing ".0" from Excel are
// accepted, and a 15-digit number is upgraded to 18 digits. Empty input is
// valid and gives the zero IDInfo.
func IDCard(s string) (IDInfo, error) {
	s = clean(s)
	if s == "" {
		return IDInfo{}, nil
	}
	if sciNotation.MatchString(s) {
		return IDInfo{}, fmt.Errorf("被 Excel 当成了数字（显示为 %s），后几位已经丢失；请把该列设为“文本”格式后重新填写", s)
	}
	if strings.ContainsRune(s, '*') {
		return IDInfo{}, errMasked
	}
	s = dotZero.ReplaceAllString(s, "")
	s = strings.ToUpper(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == '-' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}), ""))

	rs := []rune(s)
	switch len(rs) {
	case 15:
		for i, r := range rs {
			if r < '0' || r > '9' {
				return IDInfo{}, fmt.Errorf("第%d位“%c”不对：15位的老号码只能由数字组成", i+1, r)
			}
		}
	case 18:
		for i, r := range rs[:17] {
			if r < '0' || r > '9' {
				return IDInfo{}, fmt.Errorf("第%d位“%c”不对：只有最后一位可以是 X，其余应为数字", i+1, r)
			}
		}
		if r := rs[17]; r != 'X' && (r < '0' || r > '9') {
			return IDInfo{}, fmt.Errorf("最后一位“%c”不对，应为数字或 X", r)
		}
	default:
		return IDInfo{}, fmt.Errorf("应为18位（现为%d位）", len(rs))
	}

	legacy := len(s) == 15
	datePos := "第7—14位"
	if legacy {
		datePos = "第7—12位"
		s = s[:6] + "19" + s[6:]
	}
	if !provinces[s[:2]] {
		return IDInfo{}, fmt.Errorf("前两位地区码 %s 无效（应为省份代码，如河北为 13），请核对", s[:2])
	}
	birth := s[6:10] + "-" + s[10:12] + "-" + s[12:14]
	t, err := time.Parse("2006-01-02", birth)
	if err != nil {
		return IDInfo{}, fmt.Errorf("%s的出生日期 %s 不存在，请核对", datePos, birth)
	}
	if t.Year() < 1900 {
		return IDInfo{}, fmt.Errorf("%s的出生日期 %s 早于1900年，请核对", datePos, birth)
	}
	if n := now(); t.After(time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)) {
		return IDInfo{}, fmt.Errorf("%s的出生日期 %s 晚于今天，请核对", datePos, birth)
	}
	if legacy {
		s += string(CheckDigit(s))
	} else if c := CheckDigit(s); c != s[17] {
		if strings.HasSuffix(s, "000") {
			return IDInfo{}, errors.New("校验码错误，且末三位是 000：多半是 Excel 把号码当成数字后丢了后几位；请把该列设为“文本”格式后重新填写")
		}
		return IDInfo{}, fmt.Errorf("校验码错误：按前17位算，最后一位应为 %c；请对照证件逐位核对（也可能是前面某位抄错）", c)
	}
	gender := "女"
	if (s[16]-'0')%2 == 1 {
		gender = "男"
	}
	return IDInfo{Number: s, Birth: birth, Gender: gender}, nil
}

var (
	// phoneList separates several numbers in one cell; spaces are handled
	// apart, since they also appear inside a single number.
	phoneList = regexp.MustCompile(`[/、，,;；|]+`)
	mobile    = regexp.MustCompile(`^(?:\+86|0086|86)?(1[3-9]\d{9})$`)
	// extension: "转801", "-801", "ext801", "分机801".
	extension = `(?:(?:转|分机|-|(?i:ext)\.?)(\d{1,6}))?`
	// withArea is a landline whose area code is set off by a hyphen or
	// brackets: "0310-1234567", "(0310)1234567".
	withArea = regexp.MustCompile(`^(?:\((0\d{2,3})\)-?|(0\d{2,3})-)(\d{7,8})` + extension + `$`)
	// joined is a landline with the area code run into the number.
	joined = regexp.MustCompile(`^(0\d{9,11})` + extension + `$`)
	// local is a number without area code; those never start with 0 or 1.
	local = regexp.MustCompile(`^([2-9]\d{6,7})` + extension + `$`)
)

// areaLen is the length of a Chinese area code starting with the given
// digits: 010 and 020–029 have three digits, all others four.
func areaLen(code string) int {
	if code[1] == '1' || code[1] == '2' {
		return 3
	}
	return 4
}

// onePhone normalises a single number without spaces.
func onePhone(p string) (string, bool) {
	if isMobile(p) { // most numbers in a roster: no regexp needed
		return p, true
	}
	if strings.Contains(p, ".") {
		p = dotZero.ReplaceAllString(p, "")
	}
	p = strings.NewReplacer("（", "(", "）", ")").Replace(p)
	if m := mobile.FindStringSubmatch(strings.ReplaceAll(p, "-", "")); m != nil {
		return m[1], true
	}
	var area, number, ext string
	if m := withArea.FindStringSubmatch(p); m != nil {
		area, number, ext = m[1]+m[2], m[3], m[4]
		if len(area) != areaLen(area) {
			return "", false
		}
	} else if m := joined.FindStringSubmatch(p); m != nil {
		n := areaLen(m[1])
		area, number, ext = m[1][:n], m[1][n:], m[2]
		if len(number) < 7 || len(number) > 8 {
			return "", false
		}
	} else if m := local.FindStringSubmatch(p); m != nil {
		number, ext = m[1], m[2]
	} else {
		return "", false
	}
	v := number
	if area != "" {
		v = area + "-" + number
	}
	if ext != "" {
		v += "转" + ext
	}
	return v, true
}

// isMobile reports whether p is exactly an 11-digit mainland mobile number.
func isMobile(p string) bool {
	return len(p) == 11 && p[0] == '1' && p[1] >= '3' && allDigits(p)
}

// errMasked refuses a number whose middle was hidden by a masked export
// (3401**********1234, 138****5678): it cannot be imported back.
var errMasked = errors.New("号码中间几位已隐去（*），不能导入；请填写完整号码，或导出名册时勾选“含完整身份证号和电话号码”")

// phoneError explains why p is not a phone number.
func phoneError(p string) error {
	digits := strings.NewReplacer("-", "", " ", "").Replace(p)
	if allDigits(digits) && digits[0] == '1' && len(digits) >= 9 && len(digits) <= 13 && len(digits) != 11 {
		return fmt.Errorf("“%s”是%d位，手机号应为11位，请核对", p, len(digits))
	}
	return fmt.Errorf("“%s”格式不对，应为 11 位手机号或带区号的固定电话（如 0310-1234567）", p)
}

// Phone normalises and checks one or more phone numbers: mobiles (a +86
// prefix is dropped), landlines with area code ("0310-1234567", an
// extension follows 转) or local numbers without one. Several numbers,
// separated by /、，,; or spaces, are checked one by one and joined with "、".
// Empty input is valid.
func Phone(s string) (string, error) {
	s = clean(s)
	if s == "" || isMobile(s) {
		return s, nil
	}
	if sciNotation.MatchString(s) {
		return "", fmt.Errorf("被 Excel 当成了数字（显示为 %s），号码已经不完整；请把该列设为“文本”格式后重新填写", s)
	}
	if strings.ContainsRune(s, '*') {
		return "", errMasked
	}
	var out []string
	for _, chunk := range phoneList.Split(s, -1) {
		fields := strings.Fields(chunk)
		if len(fields) == 0 {
			continue
		}
		// Spaces inside one number ("138 1234 5678") or between several.
		if v, ok := onePhone(strings.Join(fields, "")); ok {
			out = append(out, v)
			continue
		}
		var vs []string
		var bad string
		for _, f := range fields {
			v, ok := onePhone(f)
			if !ok {
				bad = f
				break
			}
			vs = append(vs, v)
		}
		switch {
		case bad == "":
			out = append(out, vs...)
		case len(vs) == 0 && len(fields) > 1:
			return "", phoneError(strings.Join(fields, " "))
		default:
			return "", phoneError(bad)
		}
	}
	return strings.Join(out, "、"), nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var (
	timeOfDay  = regexp.MustCompile(`[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$`)
	ymdPattern = regexp.MustCompile(`^(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:[-./月]\s*(\d{1,2})\s*[日号]?|月份?)?$`)
	compact    = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})?$`)
	serial     = regexp.MustCompile(`^(\d{1,5})(?:\.0+)?$`)
	shortYear  = regexp.MustCompile(`^\d{2}\s*[-./年]\s*\d{1,2}`)
)

// excelEpoch is day 0 of Excel's 1900 date system, as the serials of every
// date after 1900-02-28 count from it.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// parsed is a date split into its parts, with what was left out.
type parsed struct {
	y, m, d  int
	yearOnly bool // a bare year: no month, no day
	hasDay   bool
}

var (
	errUnknown   = errors.New("unrecognised")
	errShortYear = errors.New("two-digit year")
)

// parse splits a date written in any common form into its parts. Excel
// serial numbers (1–60000) are converted; a bare four-digit number from
// 1900 to 2100 is taken as a year, not as a serial.
func parse(s string) (parsed, error) {
	s = timeOfDay.ReplaceAllString(s, "")
	if m := serial.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		if len(m[1]) == 4 && n >= 1900 && n <= 2100 {
			return parsed{y: n, yearOnly: true}, nil
		}
		if n < 1 || n > 60000 {
			return parsed{}, errUnknown
		}
		t := excelEpoch.AddDate(0, 0, n)
		return parsed{y: t.Year(), m: int(t.Month()), d: t.Day(), hasDay: true}, nil
	}
	m := ymdPattern.FindStringSubmatch(s)
	if m == nil {
		m = compact.FindStringSubmatch(s)
	}
	if m == nil {
		if shortYear.MatchString(s) {
			return parsed{}, errShortYear
		}
		return parsed{}, errUnknown
	}
	var p parsed
	p.y, _ = strconv.Atoi(m[1])
	p.m, _ = strconv.Atoi(m[2])
	if m[3] != "" {
		p.d, _ = strconv.Atoi(m[3])
		p.hasDay = true
	}
	return p, nil
}

// check reports a year, month or day that cannot be.
func (p parsed) check() error {
	if p.y < 1900 || p.y > 2100 {
		return fmt.Errorf("年份 %d 不合理（应在1900—2100年之间）", p.y)
	}
	if p.m < 1 || p.m > 12 {
		return fmt.Errorf("月份 %d 不存在", p.m)
	}
	if p.hasDay && !realDate(p.y, p.m, p.d) {
		return fmt.Errorf("日期 %04d-%02d-%02d 不存在", p.y, p.m, p.d)
	}
	return nil
}

// YearMonth parses a 出生年月 in any common form ("1975.03", "1975.3",
// "1975年3月", "197503", "1975-03-12", an Excel date serial) into "YYYY-MM".
// "1975.1" is January and "1975.10" October, as written. Empty input is
// valid.
func YearMonth(s string) (string, error) {
	s = clean(s)
	if s == "" {
		return "", nil
	}
	p, err := parse(s)
	switch {
	case errors.Is(err, errShortYear):
		return "", fmt.Errorf("“%s”的年份请写全四位，如 1975.03", s)
	case err != nil:
		return "", fmt.Errorf("“%s”无法识别，请写成 1975.03 或 1975-03 的形式", s)
	case p.yearOnly:
		return "", fmt.Errorf("“%s”只有年份，缺少月份，请写成 %d.03 的形式", s, p.y)
	}
	if err := p.check(); err != nil {
		return "", err
	}
	return fmt.Sprintf("%04d-%02d", p.y, p.m), nil
}

// Date parses a date in any common form ("2021-01-05", "2021.1.5",
// "2021/1/5", "2021年1月5日", "20210105", an Excel date serial) into
// "YYYY-MM-DD". Empty input is valid.
func Date(s string) (string, error) {
	s = clean(s)
	if s == "" {
		return "", nil
	}
	p, err := parse(s)
	switch {
	case errors.Is(err, errShortYear):
		return "", fmt.Errorf("“%s”的年份请写全四位，如 2021.1.5", s)
	case err != nil:
		return "", fmt.Errorf("“%s”无法识别，请写成 2021-01-05 或 2021.1.5 的形式", s)
	case p.yearOnly:
		return "", fmt.Errorf("“%s”只有年份，缺少月和日，请写成 %d.1.5 的形式", s, p.y)
	case !p.hasDay:
		if err := p.check(); err != nil {
			return "", err
		}
		return "", fmt.Errorf("“%s”缺少日，请写成 %d.%d.5 的形式", s, p.y, p.m)
	}
	if err := p.check(); err != nil {
		return "", err
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.y, p.m, p.d), nil
}

// realDate reports whether y-m-d is a day of the calendar.
func realDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == m
}
