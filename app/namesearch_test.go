package app

import "testing"

func TestNameKeyMatches(t *testing.T) {
	tests := []struct {
		name, q string
		want    bool
	}{
		{"张三", "zs", true},
		{"张三", "zhangsan", true},
		{"张三", "ZhangSan", true},
		{"张三", "zhangs", true},
		{"张三", "zhs", true},
		{"张三", "san", true},
		{"张三", "zha", true},
		{"张三", "张", true},
		{"张三", "三", true},
		{"张三", "ls", false},
		{"张三", "zhangsi", false},
		{"张三", "李", false},
		{"单雄信", "sxx", true}, // 单 read shan as a surname
		{"单雄信", "dxx", true}, // and dan
		{"曾国藩", "zgf", true}, // 曾 zeng
		{"王秀英", "wxy", true},
		{"王秀英", "xiuying", true},
		{"王秀英", "wang xiu", true},
		{"欧阳修", "oyx", true},
		{"欧阳修", "ouyangxiu", true},
		{"欧阳修", "oyxx", false},
		{"李四", "", true},
		{"李四", "l1", false},
	}
	for _, tt := range tests {
		if got := newNameKey(tt.name).matches(tt.q); got != tt.want {
			t.Errorf("%s matches %q = %v, want %v", tt.name, tt.q, got, tt.want)
		}
	}
}

func TestNameKeySortsByPinyin(t *testing.T) {
	a, b := newNameKey("安娜"), newNameKey("张三")
	if !(a.sortKey < b.sortKey) {
		t.Fatalf("安娜 (%q) should sort before 张三 (%q)", a.sortKey, b.sortKey)
	}
}

func FuzzNameKeyMatches(f *testing.F) {
	f.Add("张三", "zs")
	f.Add("欧阳修", "ouy")
	f.Fuzz(func(t *testing.T, name, q string) {
		k := newNameKey(name)
		_ = k.matches(q)
		if !k.matches("") {
			t.Fatal("empty query must match")
		}
		if name != "" && !k.matches(name) {
			t.Fatalf("%q must match itself", name)
		}
	})
}
