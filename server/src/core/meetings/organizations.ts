/** Reading organisations as whole noun phrases: "Ban Chấp hành Đảng bộ tỉnh Nghệ An", "Quốc hội khóa XIV". */

const HEAD = /^(?:Ban|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Quận ủy|Đảng ủy|Đảng đoàn|Thường trực|Thường vụ|UBND|HĐND|Ủy ban|Uỷ ban|Sở(?!\s+dĩ)|Hội(?!\s+(?:nghị|thảo))|Trung tâm|Bộ(?!\s+(?:trưởng|đội|phận|máy|luật))|Cục(?!\s+trưởng)|Tổng cục|Viện|Học viện|Mặt trận|Đoàn|Thành đoàn|Tỉnh đoàn|Liên đoàn|Công an|Văn phòng|Báo|Quốc hội|Chính phủ|Tòa án|Viện kiểm sát|Kiểm toán|Ngân hàng|Đại học|Trường|Hội đồng|Tập đoàn|Tổng công ty|Công ty|Đài)(?![\p{L}\p{M}])/u;
// Lower-case words that continue an organisation's name ("Ban Chấp hành Trung ương", "Sở Tài nguyên và Môi trường").
const WORDS = new Set(('giáo đạo vụ ủy uỷ trực thư tế phòng tịch tỉnh huyện thành phố quận xã phường chỉ kiểm tra dân vận nội chính thường báo chí tin truyền thông '
  + 'khoa học hội nhân ban đảng bộ trung ương quốc gia lao động tư pháp và chấp hành kinh văn hóa hoá thể thao du lịch tài nguyên môi trường công an nông nghiệp '
  + 'phát triển kế hoạch đầu ngân hàng nhà nước giao vận tải xây dựng mặt trận tổ thanh niên phụ nữ cựu chiến binh liên đoàn cộng sản hồ minh nhân dân '
  + 'thương mại lâm thủy sản biển đảo y dục ngoại cơ quan đối ngoại tuyên huấn tổng hợp sự chức').split(' '));
const TERM = /^(?:khóa|khoá)$/u;
// A title ends where a person's name begins: "Bộ trưởng Bộ Văn hóa Thể thao và Du lịch Nguyễn Ngọc Thiện".
const SURNAMES = new Set('Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Mai Trương Lâm Đoàn Phùng Hà Lò Tô Vương Cao Lưu Quách Thái Tạ Chu Đào Triệu Lương Kiều Giang Hứa Trịnh Lại Tống Nông Khổng Thân Từ Văn Kim Châu Đàm Lục'.split(' '));
const PERSON_AHEAD = /^\p{Lu}[\p{Ll}\p{M}]*\s+\p{Lu}[\p{Ll}\p{M}]*/u;
// A person's name that is also part of organisations' names.
const NAME_IN_ORGANIZATIONS = /^Hồ Chí Minh(?![\p{L}\p{M}])/u;
const LISTED_NAME = /^\p{Lu}[\p{Ll}\p{M}]*(?:\s+[\p{Ll}\p{M}]+)?\s+và\s+\p{Lu}/u;
const ROMAN_OR_NUMBER = /^(?:[IVXLC]+|\d{1,2})$/u;
// Verbs that end the name even though their syllables could continue it: "Sở … tổ chức", "Ban … chủ trì".
const VERB_AFTER = /^(?:tổ chức|chủ trì|phối hợp|họp|giao ban)(?![\p{L}\p{M}])/u;

/** The organisation whose name starts at `from`, as [start, end) offsets; undefined when no organisation starts there. */
export function readOrganization(text: string, from: number): { start: number; end: number } | undefined {
  const head = HEAD.exec(text.slice(from));
  if (!head) return undefined;
  const re = /[^\s,.;:()“”"]+/gu;
  re.lastIndex = from + head[0].length;
  let end = from + head[0].length;
  let count = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const gap = text.slice(end, m.index);
    // "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội": a comma or dash inside a ministry's name.
    const inName = (/^,\s+$/u.test(gap) && LISTED_NAME.test(text.slice(m.index))) || /^\s+[-–]\s+$/u.test(gap) && /^\p{Lu}/u.test(m[0]);
    if (/[,.;:()“”"–-]/u.test(gap) && !inName) break;
    if (count > 0 && VERB_AFTER.test(text.slice(m.index))) break;
    const word = m[0];
    if (SURNAMES.has(word) && PERSON_AHEAD.test(text.slice(m.index)) && !NAME_IN_ORGANIZATIONS.test(text.slice(m.index))) break;
    const previous = text.slice(from, end).split(/\s+/u).pop() ?? '';
    const ok = count === 0 || /^\p{Lu}/u.test(word) || WORDS.has(word) || TERM.test(word) || (TERM.test(previous) && ROMAN_OR_NUMBER.test(word)) || /^TP\.?$/u.test(word);
    if (!ok || count >= 14) break;
    end = m.index + word.length;
    count++;
  }
  const name = text.slice(from, end).replace(/(?:\s+(?:và|của|khóa|khoá))+$/u, '');
  return name.length > 1 ? { start: from, end: from + name.length } : undefined;
}

/** Every organisation named in `text` from `from` to `to`, in order. */
export function findOrganizations(text: string, from = 0, to = text.length): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const starts = /(?<![\p{L}\p{M}])\p{Lu}/gu;
  starts.lastIndex = from;
  for (let m = starts.exec(text); m && m.index < to; m = starts.exec(text)) {
    const org = readOrganization(text, m.index);
    if (!org || org.end > to) continue;
    out.push(org);
    starts.lastIndex = org.end;
  }
  return out;
}
