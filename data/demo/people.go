package demo

import (
	"fmt"
	"math"
	"strings"

	"zhengxie/data"
)

// surnames with rough relative frequencies (northern China weighting).
var surnames = []struct {
	name string
	w    int
}{
	{"王", 90}, {"李", 85}, {"张", 80}, {"刘", 65}, {"陈", 30}, {"杨", 35}, {"赵", 40}, {"黄", 12}, {"周", 18},
	{"吴", 12}, {"徐", 14}, {"孙", 25}, {"胡", 12}, {"朱", 12}, {"高", 22}, {"林", 6}, {"何", 8}, {"郭", 20},
	{"马", 20}, {"罗", 5}, {"梁", 10}, {"宋", 14}, {"郑", 10}, {"谢", 6}, {"韩", 14}, {"唐", 6}, {"冯", 10},
	{"于", 12}, {"董", 14}, {"萧", 3}, {"程", 8}, {"曹", 10}, {"袁", 6}, {"邓", 4}, {"许", 8}, {"傅", 4},
	{"沈", 4}, {"曾", 3}, {"彭", 4}, {"吕", 8}, {"苏", 8}, {"卢", 6}, {"蒋", 4}, {"蔡", 4}, {"贾", 10},
	{"丁", 6}, {"魏", 10}, {"薛", 6}, {"叶", 3}, {"阎", 6}, {"余", 3}, {"潘", 4}, {"杜", 8}, {"戴", 4},
	{"夏", 4}, {"钟", 3}, {"汪", 3}, {"田", 10}, {"任", 8}, {"姜", 6}, {"范", 6}, {"方", 4}, {"石", 6},
	{"姚", 5}, {"谭", 3}, {"廖", 2}, {"邹", 3}, {"熊", 3}, {"金", 3}, {"陆", 3}, {"郝", 8}, {"孔", 5},
	{"白", 6}, {"崔", 10}, {"康", 5}, {"毛", 4}, {"邱", 3}, {"秦", 5}, {"江", 3}, {"史", 6}, {"顾", 3},
	{"侯", 6}, {"邵", 4}, {"孟", 7}, {"龙", 2}, {"万", 3}, {"段", 5}, {"雷", 3}, {"钱", 3}, {"汤", 3},
	{"尹", 4}, {"常", 6}, {"武", 7}, {"乔", 6}, {"贺", 4}, {"牛", 5}, {"耿", 5}, {"申", 4}, {"庞", 4},
	{"司马", 1}, {"欧阳", 1},
}

var surnameTotal = func() int {
	n := 0
	for _, s := range surnames {
		n += s.w
	}
	return n
}()

// Minority members often carry their people's typical surnames.
var minoritySurnames = map[string][]string{
	"回族": {"马", "白", "海", "沙", "米", "丁", "哈", "杨", "李"},
	"满族": {"关", "佟", "那", "金", "赵", "富", "索", "肇"},
}

var (
	maleGiven = []string{
		"建国", "建华", "建军", "国强", "志刚", "志强", "卫东", "海涛", "永生", "立新", "振华", "晓东", "新民", "文斌",
		"宏伟", "俊峰", "明亮", "利民", "学军", "春生", "占军", "保国", "国庆", "海龙", "云峰", "东升", "庆华", "爱民",
		"树林", "双喜", "长青", "铁军", "永强", "立军", "志勇", "振宇", "浩然", "俊杰", "鹏飞", "晓峰", "文博", "晨阳",
		"雪松", "亚军", "向阳", "卫国", "胜利", "洪涛", "建伟", "泽民", "春雷", "广建", "玉杰", "金良", "世杰", "宝林",
		"德明", "瑞祥", "书林", "连生", "运来", "富强", "承志", "家兴", "立伟", "子健", "兆辉", "继红", "军", "伟",
		"强", "勇", "杰", "涛", "斌", "磊", "鹏", "辉", "刚", "健", "明", "亮", "超", "峰", "宁", "波", "震", "昊",
	}
	femaleGiven = []string{
		"秀英", "桂兰", "淑芬", "丽娟", "红梅", "晓燕", "丽华", "艳红", "玉兰", "春梅", "秀珍", "桂芳", "凤霞", "海燕",
		"晓丽", "慧敏", "雅静", "静怡", "晓雪", "婷婷", "丽萍", "美玲", "文静", "思雨", "佳慧", "雪梅", "亚楠", "彦芳",
		"翠红", "小红", "爱华", "建英", "志红", "玉梅", "金凤", "瑞芳", "素芳", "利娜", "晓霞", "丽敏", "宏艳", "雅琴",
		"俊英", "欣怡", "淑华", "月娥", "立新", "秋菊", "丽", "静", "敏", "燕", "艳", "娟", "霞", "芳", "红", "梅",
		"娜", "玲", "萍", "颖", "琳", "洁", "莉", "晶", "蕾", "倩",
	}
)

// mobilePrefixes are real mobile number blocks.
var mobilePrefixes = []string{
	"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157",
	"158", "159", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199",
}

// birthplace is a 身份证号 region code with its 籍贯 and a weight.
type birthplace struct {
	code, place string
	w           int
}

// regions are the places of birth: 身份证号 region code and 籍贯. Most
// members were born in the county itself.
var regions = []birthplace{
	{"130534", "河北清河", 76}, {"130535", "河北临西", 4}, {"130581", "河北南宫", 4}, {"130533", "河北威县", 3},
	{"130502", "河北邢台", 4}, {"130529", "河北巨鹿", 2}, {"130530", "河北新河", 2}, {"130532", "河北平乡", 2},
	{"130582", "河北沙河", 1}, {"130102", "河北石家庄", 2},
}

var regionTotal = func() int {
	n := 0
	for _, r := range regions {
		n += r.w
	}
	return n
}()

// idWeights and idCheckChars are GB 11643's ISO 7064 MOD 11-2 check.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// checkDigit computes the last character of an 18-digit 身份证号.
func checkDigit(first17 string) byte {
	sum := 0
	for i := range 17 {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

// newPerson makes up a person of the given gender and ethnicity, aged about
// meanAge at the start of year `year` (clamped to 31–65, so 30–65 during
// that year). Names, 身份证号 and phone numbers never repeat.
func (g *generator) newPerson(gender, ethnicity string, year int, meanAge float64) data.Person {
	age := int(math.Round(meanAge + g.rng.NormFloat64()*7))
	age = max(31, min(65, age))
	by, bm := year-age, 1+g.rng.IntN(12)
	bd := 1 + g.rng.IntN(daysIn(by, bm))
	region := g.region()
	p := data.Person{
		Name:        g.name(gender, ethnicity),
		Gender:      gender,
		Ethnicity:   ethnicity,
		Birth:       fmt.Sprintf("%04d-%02d", by, bm),
		NativePlace: region.place,
		IDNumber:    g.idNumber(region.code, by, bm, bd, gender),
		Phone:       g.phone(),
	}
	if g.rng.IntN(10) < 7 {
		p.Address = fmt.Sprintf("河北省%s%s%d号", county, streets[g.rng.IntN(len(streets))], 1+g.rng.IntN(300))
	}
	return p
}

func (g *generator) region() birthplace {
	n := g.rng.IntN(regionTotal)
	for _, r := range regions {
		if n < r.w {
			return r
		}
		n -= r.w
	}
	return regions[0]
}

func (g *generator) name(gender, ethnicity string) string {
	given := maleGiven
	if gender == "女" {
		given = femaleGiven
	}
	for {
		var sur string
		if ms := minoritySurnames[ethnicity]; ms != nil && g.rng.IntN(4) > 0 {
			sur = ms[g.rng.IntN(len(ms))]
		} else {
			sur = g.surname()
		}
		n := sur + given[g.rng.IntN(len(given))]
		if !g.names[n] {
			g.names[n] = true
			return n
		}
	}
}

func (g *generator) surname() string {
	n := g.rng.IntN(surnameTotal)
	for _, s := range surnames {
		if n < s.w {
			return s.name
		}
		n -= s.w
	}
	return surnames[0].name
}

// idNumber builds a valid 18-character 身份证号: region, birth date, a
// sequence whose last digit is odd for men and even for women, check digit.
func (g *generator) idNumber(region string, y, m, d int, gender string) string {
	for {
		seq := g.rng.IntN(1000)
		if (seq%2 == 1) != (gender == "男") {
			seq ^= 1
		}
		first17 := fmt.Sprintf("%s%04d%02d%02d%03d", region, y, m, d, seq)
		id := first17 + string(checkDigit(first17))
		if !g.ids[id] {
			g.ids[id] = true
			return id
		}
	}
}

func (g *generator) phone() string {
	for {
		p := mobilePrefixes[g.rng.IntN(len(mobilePrefixes))] + fmt.Sprintf("%08d", g.rng.IntN(100_000_000))
		if !g.phones[p] {
			g.phones[p] = true
			return p
		}
	}
}

// education picks 学历 and 学位 by a pool's weights.
func (g *generator) education(w [5]int) (edu, degree string) {
	levels := []string{"研究生", "大学", "大专", "中专", "高中"}
	total := 0
	for _, x := range w {
		total += x
	}
	n, i := g.rng.IntN(total), 0
	for ; i < len(w)-1 && n >= w[i]; i++ {
		n -= w[i]
	}
	switch levels[i] {
	case "研究生":
		if g.rng.IntN(10) == 0 {
			return levels[i], "博士"
		}
		return levels[i], "硕士"
	case "大学":
		return levels[i], "学士"
	}
	return levels[i], "无"
}

// unit fills a work-unit template.
func (g *generator) unit(tpl string) string {
	town := towns[g.rng.IntN(len(towns))]
	head := "镇长"
	if strings.HasSuffix(town, "乡") {
		head = "乡长"
	}
	return strings.NewReplacer(
		"{town}", town,
		"{townhead}", "人民政府"+head,
		"{village}", villages[g.rng.IntN(len(villages))],
		"{brand}", brands[g.rng.IntN(len(brands))],
	).Replace(tpl)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
