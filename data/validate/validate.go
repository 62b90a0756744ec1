// Package validate holds the pure checks and normalisers for member data:
// 身份证号 (GB 11643), phone numbers, and the many ways a date is written in
// the sheets county offices keep. Messages are Chinese and do not name the
// field: callers add the field label.
package validate

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// IDInfo is what a valid 身份证号 tells.
type IDInfo struct {
	Number string // normalised 18-character number, upper-case X
	Birth  string // "YYYY-MM-DD"
	Gender string // "男" or "女"
}

// now is the clock for "birth date in the future"; tests may replace it.
var now = time.Now

// provinces are the first two digits of real GB/T 2260 codes, plus 83 for
// residence permits of Taiwan residents (81, 82 for Hong Kong and Macao).
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
// the first 17 digits of a 身份证号.
func CheckDigit(first17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// clean maps full-width digits, letters and punctuation to ASCII and trims.
func clean(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r >= 'Ａ' && r <= 'Ｚ':
			r = r - 'Ａ' + 'A'
		case r >= 'ａ' && r <= 'ｚ':
			r = r - 'ａ' + 'a'
		case r == '．':
			r = '.'
		case r == '－' || r == '—' || r == '–':
			r = '-'
		case r == '／':
			r = '/'
		case r == '\u3000':
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

var sciNotation = regexp.MustCompile(`^\d(\.\d+)?[eE]\+?\d+$`)

// IDCard normalises and checks a 身份证号. Empty input is valid and gives
// the zero IDInfo.
func IDCard(s string) (IDInfo, error) {
	s = clean(s)
	if s == "" {
		return IDInfo{}, nil
	}
	if sciNotation.MatchString(s) {
		return IDInfo{}, errors.New("被 Excel 存成了数字（如 1.30502E+17），后几位已经丢失；请把该列设为“文本”格式后重新填写")
	}
	s = strings.TrimSuffix(s, ".0")
	s = strings.NewReplacer(" ", "", "-", "").Replace(s)
	s = strings.ToUpper(s)
	n := utf8.RuneCountInString(s)
	if n == 15 && allDigits(s) {
		s = s[:6] + "19" + s[6:]
		s += string(CheckDigit(s))
	} else if n != 18 {
		return IDInfo{}, fmt.Errorf("应为18位（现为%d位）", n)
	}
	if !allDigits(s[:17]) || !(s[17] == 'X' || (s[17] >= '0' && s[17] <= '9')) {
		return IDInfo{}, errors.New("只能由数字组成，最后一位可以是 X")
	}
	if !provinces[s[:2]] {
		return IDInfo{}, fmt.Errorf("前两位地区码 %s 无效", s[:2])
	}
	birth := s[6:10] + "-" + s[10:12] + "-" + s[12:14]
	t, err := time.Parse("2006-01-02", birth)
	if err != nil {
		return IDInfo{}, fmt.Errorf("第7—14位的出生日期 %s 不存在", birth)
	}
	if t.Year() < 1900 || t.After(now()) {
		return IDInfo{}, fmt.Errorf("第7—14位的出生日期 %s 不合理", birth)
	}
	if c := CheckDigit(s[:17]); c != s[17] {
		return IDInfo{}, fmt.Errorf("校验码错误：按前17位计算最后一位应为 %c，请核对号码", c)
	}
	gender := "女"
	if (s[16]-'0')%2 == 1 {
		gender = "男"
	}
	return IDInfo{Number: s, Birth: birth, Gender: gender}, nil
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
	phoneSep  = regexp.MustCompile(`[/、，,;；\s]+`)
	mobile    = regexp.MustCompile(`^(?:\+?86)?(1[3-9]\d{9})$`)
	landline  = regexp.MustCompile(`^\(?(0\d{2,3})\)?-?(\d{7,8})(?:(?:转|-|ext)(\d{1,6}))?$`)
	localLine = regexp.MustCompile(`^(\d{7,8})(?:(?:转|-)(\d{1,6}))?$`)
)

// Phone normalises and checks one or more phone numbers: mobiles, landlines
// with area code ("0310-1234567", extension after 转) or local numbers.
// Several numbers are joined with "、".
func Phone(s string) (string, error) {
	s = clean(s)
	if s == "" {
		return "", nil
	}
	var out []string
	for _, p := range phoneSep.Split(s, -1) {
		if p == "" {
			continue
		}
		p = strings.TrimSuffix(p, ".0")
		p = strings.NewReplacer("（", "(", "）", ")").Replace(p)
		switch {
		case mobile.MatchString(strings.ReplaceAll(p, "-", "")):
			out = append(out, mobile.FindStringSubmatch(strings.ReplaceAll(p, "-", ""))[1])
		case landline.MatchString(p):
			m := landline.FindStringSubmatch(p)
			v := m[1] + "-" + m[2]
			if m[3] != "" {
				v += "转" + m[3]
			}
			out = append(out, v)
		case localLine.MatchString(p):
			m := localLine.FindStringSubmatch(p)
			v := m[1]
			if m[2] != "" {
				v += "转" + m[2]
			}
			out = append(out, v)
		default:
			return "", fmt.Errorf("“%s”格式不对，应为11位手机号或带区号的固定电话（如 0310-1234567）", p)
		}
	}
	if len(out) == 0 {
		return "", nil
	}
	return strings.Join(out, "、"), nil
}

var (
	ymdPattern = regexp.MustCompile(`^(\d{4})\s*[-./年]\s*(\d{1,2})\s*(?:[-./月]\s*(\d{1,2})\s*日?|月)?$`)
	compact    = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})?$`)
	serial     = regexp.MustCompile(`^\d{1,5}(\.0+)?$`)
)

// parts splits a date written in any common form into year, month and day
// (day 0 when absent). Excel serial numbers are converted.
func parts(s string) (y, m, d int, ok bool) {
	s = clean(s)
	if serial.MatchString(s) && !compact.MatchString(s) {
		n, _ := strconv.ParseFloat(s, 64)
		if n >= 1 && n <= 73050 { // 1900-01-01 … 2099-12-31
			t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n))
			return t.Year(), int(t.Month()), t.Day(), true
		}
		return 0, 0, 0, false
	}
	if m := ymdPattern.FindStringSubmatch(s); m != nil {
		y, _ = strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if m[3] != "" {
			d, _ = strconv.Atoi(m[3])
		}
		return y, mo, d, true
	}
	if m := compact.FindStringSubmatch(s); m != nil {
		y, _ = strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if m[3] != "" {
			d, _ = strconv.Atoi(m[3])
		}
		return y, mo, d, true
	}
	// "2021-01-05 00:00:00" as some sheets give date cells.
	if t, err := time.Parse("2006-01-02 15:04:05", s); err == nil {
		return t.Year(), int(t.Month()), t.Day(), true
	}
	return 0, 0, 0, false
}

// YearMonth parses a 出生年月 in any common form ("1975.03", "1975年3月",
// "197503", "1975-03-12", an Excel date) into "YYYY-MM".
func YearMonth(s string) (string, error) {
	if clean(s) == "" {
		return "", nil
	}
	y, m, d, ok := parts(s)
	if !ok {
		return "", fmt.Errorf("“%s”无法识别，请写成 1975.03 或 1975-03 的形式", strings.TrimSpace(s))
	}
	if y < 1900 || y > 2100 {
		return "", fmt.Errorf("年份 %d 不合理", y)
	}
	if m < 1 || m > 12 {
		return "", fmt.Errorf("月份 %d 不存在", m)
	}
	if d != 0 && !realDate(y, m, d) {
		return "", fmt.Errorf("日期 %04d-%02d-%02d 不存在", y, m, d)
	}
	return fmt.Sprintf("%04d-%02d", y, m), nil
}

// Date parses a date in any common form ("2021-01-05", "2021.1.5",
// "2021年1月5日", "20210105", an Excel date) into "YYYY-MM-DD".
func Date(s string) (string, error) {
	if clean(s) == "" {
		return "", nil
	}
	y, m, d, ok := parts(s)
	if !ok || d == 0 {
		return "", fmt.Errorf("“%s”无法识别，请写成 2021-01-05 或 2021.1.5 的形式", strings.TrimSpace(s))
	}
	if y < 1900 || y > 2100 || !realDate(y, m, d) {
		return "", fmt.Errorf("日期 %04d-%02d-%02d 不存在", y, m, d)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), nil
}

func realDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == m
}
